"""Every registered rule is complete, and selection works by code, prefix, slug and category."""

from __future__ import annotations

import re

import pytest

from newslint.registry import Registry, RegistryError
from tests.helpers import _REGISTRY

ALL_RULES = _REGISTRY.sorted()


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_every_rule_is_documented_with_a_bad_and_a_good_example(rule):
    assert re.fullmatch(r"[A-Z]{1,3}[0-9]{3,4}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name)
    doc = rule.documentation()
    for section in ("## What it does", "## Example", "## Use instead"):
        assert section in doc, f"{rule.code} lacks {section}"
    assert rule.one_line_summary()


def test_codes_and_slugs_are_unique():
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))


def test_selection_by_code_prefix_slug_and_category(registry: Registry):
    share = registry.find("share-widget")
    assert share is not None and registry.find(share.code) is share
    by_category = registry.select(["boilerplate"])
    assert share in by_category and all(r.category.value == "boilerplate" for r in by_category)
    assert registry.select([share.code[0]]) == sorted(
        [r for r in registry.rules.values() if r.code.startswith(share.code[0])], key=lambda r: r.code)
    assert share not in registry.select(None, ignore=[share.name])
    assert registry.select([share.code], extend_select=[]) == [share]


def test_all_leaves_opt_in_rules_off_unless_named(registry: Registry):
    opt_in = [r for r in registry.rules.values() if not r.default_enabled]
    chosen = registry.select(["ALL"])
    assert not any(r in chosen for r in opt_in)


def test_unknown_selector_and_unknown_option_are_errors(registry: Registry):
    with pytest.raises(RegistryError, match="NOPE"):
        registry.select(["NOPE"])
    share = registry.find("share-widget")
    with pytest.raises(RegistryError, match="no option"):
        registry.instantiate([share], {share.code: {"threshold": 3}})
    with pytest.raises(RegistryError, match="does not exist"):
        registry.instantiate([share], {"Q999": {}})
