"""All known rules (built-in checks, packs, plugins) and selection by code, prefix, slug or category."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

from newslint import checks
from newslint.diagnostics import Severity
from newslint.packs import builtin_packs_dir, load_packs
from newslint.rule import Rule, RuleConfigError, iter_rule_classes

ENTRY_POINT_GROUP = "newslint.rules"


class RegistryError(ValueError):
    pass


def builtin_rule_classes() -> list[type[Rule]]:
    """Every Rule subclass defined in a module of newslint.checks (adding a module adds rules)."""
    found: list[type[Rule]] = []
    for info in pkgutil.walk_packages(checks.__path__, checks.__name__ + "."):
        module = importlib.import_module(info.name)
        found.extend(cls for cls in iter_rule_classes(vars(module).values())
                     if cls.__module__ == module.__name__)
    return found


def _classes_from_plugin(obj: Any) -> list[type[Rule]]:
    if isinstance(obj, ModuleType):
        return list(iter_rule_classes(vars(obj).values()))
    if isinstance(obj, type) and issubclass(obj, Rule):
        return [obj]
    if callable(obj) and not isinstance(obj, type):
        return _classes_from_plugin(obj())
    if isinstance(obj, (list, tuple)):
        return [cls for item in obj for cls in _classes_from_plugin(item)]
    raise RegistryError(f"entry point object {obj!r} is not a Rule class, a module or a list of them")


def plugin_rule_classes() -> list[type[Rule]]:
    found: list[type[Rule]] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            classes = _classes_from_plugin(ep.load())
        except Exception as exc:  # noqa: BLE001 - a broken plugin is named, not a traceback
            raise RegistryError(f"plugin {ep.name} ({ep.value}) failed to load: {exc}") from exc
        origin = f"plugin {ep.name}" + (f" ({ep.dist.name})" if ep.dist else "")
        for cls in classes:
            if cls.origin == "builtin":
                cls.origin = origin
        found.extend(classes)
    return found


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)  # by code

    @classmethod
    def load(cls, rules_dirs: Sequence[Path] = (), *, builtin_packs: bool = True,
             plugins: bool = True) -> Registry:
        registry = cls()
        folders = ([builtin_packs_dir()] if builtin_packs else []) + list(rules_dirs)
        sources: list[Iterable[type[Rule]]] = [builtin_rule_classes(), load_packs(folders)]
        if plugins:
            sources.append(plugin_rule_classes())
        for source in sources:
            for rule_cls in source:
                registry.add(rule_cls)
        return registry

    def add(self, rule_cls: type[Rule]) -> None:
        existing = self.rules.get(rule_cls.code)
        if existing is not None and existing is not rule_cls:
            raise RegistryError(
                f"rule code {rule_cls.code} is defined twice: by {existing.origin} "
                f"({existing.name}) and by {rule_cls.origin} ({rule_cls.name})"
            )
        self.rules[rule_cls.code] = rule_cls

    def find(self, code_or_slug: str) -> type[Rule] | None:
        key = code_or_slug.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        return next((r for r in self.rules.values() if r.name == key.lower()), None)

    def sorted(self) -> list[type[Rule]]:
        return sorted(self.rules.values(), key=lambda r: (_family(r.code), r.code))

    # -- selection -------------------------------------------------------------------------

    def matching(self, selector: str) -> list[type[Rule]]:
        """Rules a selector names: ALL, a category, a code, a code prefix or a slug."""
        sel = selector.strip()
        if not sel:
            return []
        if sel.upper() == "ALL":
            return list(self.rules.values())
        by_category = [r for r in self.rules.values() if r.category.value == sel.lower()]
        if by_category:
            return by_category
        by_slug = [r for r in self.rules.values() if r.name == sel.lower()]
        if by_slug:
            return by_slug
        return [r for r in self.rules.values() if r.code.startswith(sel.upper())]

    def check_selectors(self, selectors: Iterable[str], what: str) -> None:
        for sel in selectors:
            if not self.matching(sel):
                raise RegistryError(f"{what}: '{sel}' matches no rule code, prefix, slug or category")

    def select(self, select: Sequence[str] | None = None, ignore: Sequence[str] = (),
               extend_select: Sequence[str] = ()) -> list[type[Rule]]:
        """Selected rule classes: ruff's semantics (select replaces defaults, extend adds)."""
        self.check_selectors(select or (), "select")
        self.check_selectors(ignore, "ignore")
        self.check_selectors(extend_select, "extend-select")
        if select is None:
            chosen = {r.code: r for r in self.rules.values() if r.default_enabled}
        else:
            # "ALL" does not switch on opt-in rules that need a service or a house style;
            # naming them (by category, slug, code or their own prefix) does.
            chosen = {r.code: r for sel in select for r in self.matching(sel)
                      if r.default_enabled or sel.upper() != "ALL"}
        for sel in extend_select:
            chosen.update({r.code: r for r in self.matching(sel)})
        for sel in ignore:
            for r in self.matching(sel):
                chosen.pop(r.code, None)
        return sorted(chosen.values(), key=lambda r: r.code)

    def instantiate(self, classes: Sequence[type[Rule]], options: dict[str, dict[str, Any]] | None = None,
                    severities: dict[str, str] | None = None) -> list[Rule]:
        """Rule objects with per-rule options and severity overrides (keyed by code or slug)."""
        options = options or {}
        severities = severities or {}
        for key in list(options) + list(severities):
            if self.find(key) is None:
                raise RegistryError(f"config names rule '{key}', which does not exist")
        rules = []
        for cls in classes:
            opts = {**options.get(cls.name, {}), **options.get(cls.code, {})}
            try:
                rule = cls(**opts)
            except RuleConfigError as exc:
                raise RegistryError(str(exc)) from exc
            level = severities.get(cls.code) or severities.get(cls.name)
            if level is not None:
                try:
                    rule.severity = Severity(level)
                except ValueError as exc:
                    raise RegistryError(f"severity for {cls.code} must be error, warning or info, not {level!r}") from exc
            rules.append(rule)
        return rules


def _family(code: str) -> str:
    return code.rstrip("0123456789")
