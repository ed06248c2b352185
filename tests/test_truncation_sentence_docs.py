"""The Example in each T and S rule's documentation is found by the rule; the Use instead
text is not. Keeps the docs `newslint rule CODE` prints honest."""

import re

import pytest

from tests.helpers import _REGISTRY, codes

CODES = ["T001", "T002", "S001", "S002", "S003", "S004"]


def _blocks(doc: str) -> dict[str, str]:
    sections = {}
    for title in ("Example", "Use instead"):
        match = re.search(rf"## {title}\n```text\n(.*?)```", doc, re.S)
        assert match, f"missing ## {title} text block"
        sections[title] = match.group(1)
    return sections


@pytest.mark.parametrize("code", CODES)
def test_documented_example_is_found_and_fix_is_clean(code):
    rule = _REGISTRY.rules[code]
    doc = rule.documentation()
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in doc
    sections = _blocks(doc)
    assert code in codes(sections["Example"], code)
    assert code not in codes(sections["Use instead"], code)
