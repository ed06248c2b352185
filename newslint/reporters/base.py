"""What every reporter receives: diagnostics of one checked text, then a run summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.rule import Rule


@dataclass
class Source:
    """The texts a batch of diagnostics points into, for snippets: field name -> text."""

    path: str
    texts: dict[str | None, str]
    record: int | None = None
    record_id: str | None = None

    # What reporters derive from a text, once per text rather than once per finding.
    _lines: dict[str | None, list[str]] = field(default_factory=dict, repr=False, compare=False)
    _documents: dict[str | None, Document] = field(default_factory=dict, repr=False, compare=False)

    def _field_of(self, diag: Diagnostic) -> str | None:
        if diag.field == "title" and "title" in self.texts:
            return "title"
        return None if None in self.texts else next(iter(self.texts), None)

    def text_for(self, diag: Diagnostic) -> str:
        return self.texts.get(self._field_of(diag), "")

    def lines_for(self, diag: Diagnostic) -> list[str]:
        """`text_for(diag).splitlines()` (at least one line)."""
        key = self._field_of(diag)
        if key not in self._lines:
            self._lines[key] = self.text_for(diag).splitlines() or [""]
        return self._lines[key]

    def document_for(self, diag: Diagnostic) -> Document:
        """`text_for(diag)` as a Document (for line and column positions)."""
        key = self._field_of(diag)
        if key not in self._documents:
            self._documents[key] = Document(self.text_for(diag))
        return self._documents[key]


@dataclass
class Summary:
    files: int = 0
    records: int = 0
    findings: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    fixable: int = 0  # with the fixes enabled for this run
    hidden_unsafe: int = 0  # fixable only with --unsafe-fixes
    fixed: int = 0  # fix mode: fixes applied
    fixed_files: int = 0
    errors: int = 0

    def add(self, diag: Diagnostic, unsafe_fixes: bool) -> None:
        self.findings += 1
        self.by_severity[diag.severity.value] += 1
        self.by_rule[(diag.code, diag.rule)] += 1
        if diag.fix is not None:
            if diag.fix.is_safe or unsafe_fixes:
                self.fixable += 1
            else:
                self.hidden_unsafe += 1


class Reporter:
    """Base class: subclasses render; none decides what is wrong."""

    def __init__(self, out: TextIO, rules: list[type[Rule]], *, color: bool = False,
                 unsafe_fixes: bool = False, show_source: bool = True) -> None:
        self.out = out
        self.rules = {r.code: r for r in rules}
        self.color = color
        self.unsafe_fixes = unsafe_fixes
        self.show_source = show_source

    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary, *, fix_mode: bool = False) -> None:
        """Called once at the end; machine formats close their document here."""
