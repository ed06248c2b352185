"""The rule API: what a check declares and how it reports.

A rule is a subclass of `Rule` with class attributes for its identity and a `check` method
that yields diagnostics for one `Document`. Its class docstring is its documentation, in
ruff's sections (## What it does / ## Why is this bad? / ## Example / ## Use instead),
and is exactly what `newslint rule CODE` prints.

Options are class attributes listed in `options`; config sets them per rule
(`[tool.newslint.rules.<code or slug>]`), checked against the default's type.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from newslint.diagnostics import Category, Diagnostic, Fix, Severity
from newslint.document import Document


class RuleConfigError(ValueError):
    pass


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]  # slug, e.g. "share-widget"
    category: ClassVar[Category]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = ""  # one line for `newslint rules`
    # Names of class attributes that config may override for this rule.
    options: ClassVar[tuple[str, ...]] = ()
    # Rules off unless selected explicitly (by code, prefix, slug or category).
    default_enabled: ClassVar[bool] = True
    # Rules whose checks need the findings of other rules run after them (see engine).
    needs_prior: ClassVar[bool] = False
    # Markup debris (a leftover tag, a template, an escape sequence): what other rules find
    # inside one of its findings' spans is part of the debris, and the engine drops it.
    owns_span: ClassVar[bool] = False
    # Where the rule came from: "builtin", a pack path, or a plugin's distribution.
    origin: ClassVar[str] = "builtin"

    def __init__(self, **options: Any) -> None:
        self.severity = type(self).severity
        # Set by rules backed by a service (LanguageTool) when it cannot be reached: the CLI
        # prints it once as "<category> rules skipped: <reason>" and goes on without them.
        self.unavailable: str | None = None
        # One-line run-level warnings (a timeout, a server error), each printed once.
        self.notices: list[str] = []
        self.configure(**options)

    def configure(self, **options: Any) -> None:
        for key, value in options.items():
            attr = key.replace("-", "_")
            if attr not in self.options:
                known = ", ".join(self.options) or "none"
                raise RuleConfigError(f"rule {self.code} ({self.name}) has no option {key!r} (options: {known})")
            default = getattr(type(self), attr)
            if default is not None and not _same_kind(default, value):
                raise RuleConfigError(
                    f"rule {self.code} option {key!r} expects {type(default).__name__}, got {value!r}"
                )
            setattr(self, attr, value)

    # -- what a rule implements --------------------------------------------------------------

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def check_with_prior(self, doc: Document, prior: list[Diagnostic]) -> Iterable[Diagnostic]:
        """For rules with `needs_prior`: also sees the diagnostics of the rules run before."""
        return self.check(doc)

    def close(self) -> None:
        """Release what the rule holds for a run (servers, caches); called once at the end."""

    def notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def service_messages(self) -> list[str]:
        """What to tell the user once per run: a service that is out, then the notices."""
        messages = list(self.notices)
        if self.unavailable:
            messages.insert(0, f"{self.category.value} rules skipped: {self.unavailable}; see README")
        return messages

    # -- helpers ---------------------------------------------------------------------------

    def diagnostic(self, start: int, end: int, message: str, *, fix: Fix | None = None,
                   severity: Severity | None = None, field: str | None = None,
                   **extra: Any) -> Diagnostic:
        return Diagnostic(
            code=self.code, rule=self.name, category=self.category,
            severity=severity or self.severity, message=message, start=start, end=end,
            fix=fix, field=field, extra=extra,
        )

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def one_line_summary(cls) -> str:
        if cls.summary:
            return cls.summary
        doc = cls.documentation()
        for line in doc.splitlines():
            if line.strip() and not line.startswith("#"):
                return line.strip()
        return ""


def _same_kind(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple, frozenset, set)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


def line_span_diagnostic(rule: Rule, doc: Document, first_line: int, last_line: int, message: str,
                         *, fix: Fix | None = None, **extra: Any) -> Diagnostic:
    """A diagnostic that covers whole lines, from column 1 to the end of the last line."""
    lines = doc.lines
    return rule.diagnostic(lines[first_line].start, lines[last_line].end, message, fix=fix, **extra)


def iter_rule_classes(namespace: Iterable[Any]) -> Iterator[type[Rule]]:
    """Concrete Rule subclasses among the values of a module namespace."""
    for value in namespace:
        if inspect.isclass(value) and issubclass(value, Rule) and value is not Rule \
                and getattr(value, "code", None) and not inspect.isabstract(value):
            yield value
