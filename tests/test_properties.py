"""Engine invariants over arbitrary text, for every default rule (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import apply_fixes, fix_document
from tests.helpers import _REGISTRY

RULES = _REGISTRY.instantiate(_REGISTRY.select())

# Fragments that trigger many rule families, mixed with arbitrary Unicode, so the properties
# are exercised on findings and fixes, not only on quiet text.
FRAGMENTS = [
    "Sharing Is Caring:", "Leave a Comment", "Share on Facebook", "In his interview with",
    "the 70-year-old. year Xi.", "said.The minister", "to to", "12, 000 people", "3million",
    "1th", "Itâ€™s", "cafÃ©", "&amp;", "&#8217;", "<p>", "</div>", "\u200b", "\u00ad", "\ufffd",
    "“unbalanced quote", "closing only”", "( open", "word ,", "!!", "..", "  ", "\r\n", "\r",
    "\n\n", "\n", "Title - Site Name", "100 kilometres (30 miles)", "U.S.", "e.g.", "\t", "\x07",
    "Related Articles", "5 min read", "“", "”", "‘", "’", '"', "'", ".", ",", "\U0001F600",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25).map("".join)

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(texts)
def test_no_crash_and_positions_agree_with_offsets(text):
    doc = Document(text)
    result = lint(doc, RULES)
    assert not result.errors, result.errors
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text), d
        assert doc.position(d.start) == (d.line, d.column)
        assert doc.position(d.end) == (d.end_line, d.end_column)
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)


@PROPERTY_SETTINGS
@given(texts)
def test_safe_fixes_are_idempotent(text):
    once = fix_document(text, RULES).text
    twice = fix_document(once, RULES).text
    assert twice == once


@PROPERTY_SETTINGS
@given(texts)
def test_safe_fixes_change_nothing_outside_their_spans(text):
    for d in lint(Document(text), RULES).diagnostics:
        if d.fix is None or not d.fix.is_safe:
            continue
        fixed, applied = apply_fixes(text, [d.fix])
        assert applied == [d.fix]
        start, end = d.fix.span
        assert fixed[:start] == text[:start]
        assert fixed[len(fixed) - (len(text) - end):] == text[end:]
        # The edits stay on the reported span, give or take the white space around it
        # (removing a line takes its line break and the blank lines after it).
        assert not text[min(start, d.start):d.start].strip()
        assert not text[d.end:max(end, d.end)].strip()


@PROPERTY_SETTINGS
@given(st.text(alphabet="ab \r\n", max_size=30), st.data())
def test_span_position_is_position_of_both_ends(text, data):
    doc = Document(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.span_position(start, end) == (*doc.position(start), *doc.position(end))


def _apply_fixes_by_scanning(text, fixes):
    """apply_fixes as first written: each edit tested against every edit taken so far."""
    def overlaps(edit, taken):
        return any((edit.start < other.end and other.start < edit.end)
                   or (edit.start == other.start and (edit.start == edit.end or other.start == other.end))
                   for other in taken)
    taken, applied = [], []
    for fix in sorted(fixes, key=lambda f: f.span):
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in fix.edits):
            continue
        if any(overlaps(e, taken) for e in fix.edits):
            continue
        taken.extend(fix.edits)
        applied.append(fix)
    pieces, cursor = [], 0
    for edit in sorted(taken):
        pieces += [text[cursor:edit.start], edit.replacement]
        cursor = edit.end
    return "".join(pieces + [text[cursor:]]), applied


@st.composite
def _fixes(draw, size):
    from newslint.diagnostics import Edit, Fix
    fixes = []
    for _ in range(draw(st.integers(0, 12))):
        edits = []
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, size))
            end = draw(st.integers(start, min(size, start + 4)))
            edits.append(Edit(start, end, draw(st.sampled_from(["", "x", "yz"]))))
        ordered = sorted(edits)
        if all(a.end <= b.start and a.start != b.start for a, b in zip(ordered, ordered[1:])):
            fixes.append(Fix.safe("fix", *edits))
    return fixes


@PROPERTY_SETTINGS
@given(st.data())
def test_apply_fixes_takes_the_same_edits_as_testing_every_earlier_edit(data):
    text = data.draw(st.text(alphabet="ab", max_size=20))
    fixes = data.draw(_fixes(len(text)))
    assert apply_fixes(text, fixes) == _apply_fixes_by_scanning(text, fixes)
