"""The values that flow out of the engine: diagnostics, their fixes, severities and categories.

The JSON shape of a diagnostic is fixed by CONTRACT.md; `Diagnostic.to_dict` is the one place
that writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dataclass_field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def __str__(self) -> str:
        return self.value


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, Enum):
    ENCODING = "encoding"
    BOILERPLATE = "boilerplate"
    TRUNCATION = "truncation"
    DUPLICATION = "duplication"
    NUMBERS = "numbers"
    PUNCTUATION = "punctuation"
    SENTENCE = "sentence"
    METADATA = "metadata"
    GRAMMAR = "grammar"
    STYLE = "style"

    def __str__(self) -> str:
        return self.value


class Applicability(str, Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Edit:
    """Replace text[start:end] (code points, end exclusive) with `replacement`."""

    start: int
    end: int
    replacement: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Fix:
    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]

    @classmethod
    def safe(cls, message: str, *edits: Edit) -> Fix:
        return cls(Applicability.SAFE, message, edits if len(edits) == 1 else tuple(sorted(edits)))

    @classmethod
    def unsafe(cls, message: str, *edits: Edit) -> Fix:
        return cls(Applicability.UNSAFE, message, edits if len(edits) == 1 else tuple(sorted(edits)))

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": self.applicability.value,
            "message": self.message,
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass
class Diagnostic:
    """One finding. Offsets are 0-based code points into the checked text (end exclusive).

    `line`/`column` are filled by the engine from the document, so rules only give offsets.
    `field` names the record field the offsets refer to (None for plain text files).
    `extra` carries rule-specific evidence (confidence, LanguageTool rule id, ...) and is
    added to the JSON output as additional fields, which the contract allows.
    """

    code: str
    rule: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    fix: Fix | None = None
    field: str | None = None
    extra: dict[str, Any] = dataclass_field(default_factory=dict)
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # Filled in by the input layer: where the checked text came from.
    path: str = ""
    record: int | None = None
    record_id: str | None = None

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def sort_key(self) -> tuple:
        return (self.path, self.record or 0, self.field or "", self.start, self.end, self.code)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "record": self.record,
            "id": self.record_id,
            "field": self.field,
            "code": self.code,
            "rule": self.rule,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "fix": self.fix.to_dict() if self.fix else None,
        }
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out


@dataclass(frozen=True)
class InternalError:
    """A rule that raised, or an input that could not be read. Reported on stderr; exit code 2."""

    path: str
    message: str
    rule: str | None = None
    record: int | None = None

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path}:{self.record}"
        if self.rule:
            return f"{where}: internal error in rule {self.rule}: {self.message}"
        return f"{where}: {self.message}"
