"""Apply fixes: non-overlapping edits, re-linting until the text stops changing (as ruff does)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from newslint.diagnostics import Diagnostic, Edit, Fix
from newslint.document import Document
from newslint.engine import LintResult, lint
from newslint.rule import Rule

MAX_ITERATIONS = 10


class _TakenEdits:
    """Edits already accepted, sorted by start. They never overlap and no two share a start
    (see `overlaps`), so the only one a new edit can cut into is the last one starting
    before the new edit ends: each test is a bisection, not a scan of all of them."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self.starts: list[int] = []

    def overlaps(self, edit: Edit) -> bool:
        i = bisect_left(self.starts, edit.end)  # edits[i - 1] starts before this one ends
        if i and self.edits[i - 1].end > edit.start:
            return True
        # Two edits at one point (an insertion beside anything) would race for order.
        j = bisect_left(self.starts, edit.start)
        if j < len(self.starts) and self.starts[j] == edit.start:
            return edit.start == edit.end or self.edits[j].start == self.edits[j].end
        return False

    def add(self, edit: Edit) -> None:
        i = bisect_right(self.starts, edit.start)  # at the end, as fixes come in span order
        self.starts.insert(i, edit.start)
        self.edits.insert(i, edit)


def _disjoint(edits: Sequence[Edit]) -> bool:
    """The edits of one fix neither overlap nor share a point (as `_TakenEdits` requires)."""
    ordered = sorted(edits)
    return all(a.end <= b.start and a.start != b.start for a, b in zip(ordered, ordered[1:]))


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply every fix whose edits do not overlap an earlier one; returns (text, applied)."""
    taken = _TakenEdits()
    applied: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: f.span):
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in fix.edits):
            continue
        if not _disjoint(fix.edits) or any(taken.overlaps(e) for e in fix.edits):
            continue
        for edit in fix.edits:
            taken.add(edit)
        applied.append(fix)
    pieces: list[str] = []
    cursor = 0
    for edit in taken.edits:
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), applied


@dataclass
class FixOutcome:
    text: str
    title: str | None
    applied: list[Diagnostic] = field(default_factory=list)
    remaining: LintResult = field(default_factory=LintResult)
    # (pass, diagnostic, the text each of its edits replaced): the trail an audit file needs.
    replaced: list[tuple[int, Diagnostic, tuple[str, ...]]] = field(default_factory=list)

    def changed(self, text: str, title: str | None) -> bool:
        return self.text != text or self.title != title


def wanted(diag: Diagnostic, unsafe: bool) -> bool:
    return diag.fix is not None and (unsafe or diag.fix.is_safe)


def fix_document(text: str, rules: Sequence[Rule], *, unsafe: bool = False,
                 make_document: Callable[[str, str | None], Document] | None = None,
                 title: str | None = None) -> FixOutcome:
    """Lint and fix until no wanted fix applies; `remaining` is the final lint result."""
    make = make_document or (lambda t, ti: Document(t, title=ti))
    outcome = FixOutcome(text, title)
    for iteration in range(MAX_ITERATIONS):
        result = lint(make(outcome.text, outcome.title), rules)
        outcome.remaining = result
        chosen = [d for d in result.diagnostics if wanted(d, unsafe)]
        if not chosen:
            break
        body = [d for d in chosen if d.field != "title"]
        heads = [d for d in chosen if d.field == "title"]
        new_text, applied_body = apply_fixes(outcome.text, [d.fix for d in body])
        new_title = outcome.title
        applied_head: list[Fix] = []
        if heads and outcome.title is not None:
            new_title, applied_head = apply_fixes(outcome.title, [d.fix for d in heads])
        applied = {id(f) for f in applied_body + applied_head}
        for diag in chosen:
            if id(diag.fix) in applied:
                source = outcome.title if diag.field == "title" else outcome.text
                outcome.applied.append(diag)
                outcome.replaced.append((iteration, diag, tuple(source[e.start:e.end] for e in diag.fix.edits)))
        if new_text == outcome.text and new_title == outcome.title:
            break
        outcome.text, outcome.title = new_text, new_title
    else:
        outcome.remaining = lint(make(outcome.text, outcome.title), rules)
    return outcome
