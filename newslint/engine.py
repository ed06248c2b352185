"""Run selected rules over one document; one rule that raises never stops the others."""

from __future__ import annotations

import traceback
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

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
    owners = {rule.code for rule in rules if rule.owns_span}
    if owners:
        result.diagnostics = _outside_owned_spans(result.diagnostics, owners)
    for diag in result.diagnostics:
        locate(doc, diag)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _outside_owned_spans(diagnostics: list[Diagnostic], owners: set[str]) -> list[Diagnostic]:
    """The diagnostics minus those inside the span of a finding of an `owns_span` rule (in
    the same field): a bracket in a leftover tag's URL is the tag's, not an unbalanced one."""
    spans: dict[str | None, list[tuple[int, int]]] = {}
    for diag in diagnostics:
        if diag.code in owners and diag.end > diag.start:
            spans.setdefault(diag.field, []).append((diag.start, diag.end))
    if not spans:
        return diagnostics
    # Per field: span starts in order, and the furthest end reached by any span so far (a
    # finding lies inside some span iff a span starting at or before it ends at or after it).
    reach: dict[str | None, tuple[list[int], list[int]]] = {}
    for field_name, owned in spans.items():
        owned.sort()
        reach[field_name] = ([start for start, _ in owned], list(accumulate((end for _, end in owned), max)))
    kept = []
    for diag in diagnostics:
        if diag.code not in owners and diag.field in reach:
            starts, furthest = reach[diag.field]
            i = bisect_right(starts, diag.start) - 1
            if i >= 0 and furthest[i] >= diag.end:
                continue
        kept.append(diag)
    return kept


def locate(doc: Document, diag: Diagnostic) -> None:
    """Fill in line/column from offsets, against the text the diagnostic's field refers to."""
    target = title_document(doc) if diag.field == "title" else doc
    if target is None:
        target = doc
    diag.line, diag.column, diag.end_line, diag.end_column = target.span_position(diag.start, diag.end)
