"""Run selected rules over one document; one rule that raises never stops the others."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field

from newslint.diagnostics import Diagnostic, InternalError
from newslint.document import Document, title_document
from newslint.rule import Rule


@dataclass
class LintResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[InternalError] = field(default_factory=list)


def lint(doc: Document, rules: Sequence[Rule]) -> LintResult:
    """Diagnostics of `rules` on `doc`, sorted by position, with line and column filled in.

    Rules that declare `needs_prior` run last and see what the others found (e.g. the
    boilerplate classifier uses phrase-pack hits as evidence).
    """
    result = LintResult()
    ordered = [r for r in rules if not r.needs_prior] + [r for r in rules if r.needs_prior]
    for rule in ordered:
        try:
            if rule.needs_prior:
                found = list(rule.check_with_prior(doc, list(result.diagnostics)))
            else:
                found = list(rule.check(doc))
        except Exception as exc:  # noqa: BLE001 - a broken rule is reported, not fatal
            last = traceback.extract_tb(exc.__traceback__)[-1]
            result.errors.append(InternalError(
                path=doc.path, record=doc.record, rule=f"{rule.code} ({rule.name})",
                message=f"{type(exc).__name__}: {exc} (at {last.filename}:{last.lineno})",
            ))
            continue
        result.diagnostics.extend(found)
    for diag in result.diagnostics:
        locate(doc, diag)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def locate(doc: Document, diag: Diagnostic) -> None:
    """Fill in line/column from offsets, against the text the diagnostic's field refers to."""
    target = title_document(doc) if diag.field == "title" else doc
    if target is None:
        target = doc
    diag.line, diag.column, diag.end_line, diag.end_column = target.span_position(diag.start, diag.end)
