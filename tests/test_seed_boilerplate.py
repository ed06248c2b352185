"""The seed article's boilerplate, duplication and title expectations (skips without ../shared)."""

from __future__ import annotations

from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from tests.helpers import SEED, _REGISTRY, needs_shared

PROSE_LINES = {5, 11, 15, 17, 19, 25, 29, 31, 35, 37, 39, 43, 45, 47, 49, 51}


def seed_rules():
    return _REGISTRY.instantiate(_REGISTRY.select(["boilerplate", "duplication", "metadata"]))


def seed_findings():
    text = needs_shared(SEED).read_text(encoding="utf-8")
    return text, lint(Document(text), seed_rules()).diagnostics


def test_site_name_suffix_on_line_1():
    _, found = seed_findings()
    [diag] = [d for d in found if d.code == "M101"]
    assert diag.line == 1 and diag.fix.is_safe and diag.extra["site"] == "Latest Global News"


def test_repeated_title_spans_lines_1_to_3_and_its_fix_removes_line_3():
    text, found = seed_findings()
    [diag] = [d for d in found if d.category.value == "duplication"]
    assert (diag.line, diag.end_line) == (1, 3) and diag.fix.is_safe
    doc = Document(text)
    [edit] = diag.fix.edits
    assert (edit.start, edit.end) == (doc.lines[2].start, doc.lines[4].start)


def test_share_and_comment_widgets_are_separate_safe_findings():
    _, found = seed_findings()
    for line in (53, 55):
        hits = [d for d in found if d.line == line and d.category.value == "boilerplate"
                and d.severity.value == "warning"]
        assert hits and all(d.fix.is_safe for d in hits), line


def test_no_warning_on_prose_sub_heading_or_credit_line():
    _, found = seed_findings()
    for diag in found:
        if diag.severity.value != "info":
            covered = set(range(diag.line, diag.end_line + 1))
            assert not covered & PROSE_LINES, (diag.code, diag.line, diag.end_line)


def test_safe_fix_keeps_paragraphs_and_one_title_and_is_stable():
    text = needs_shared(SEED).read_text(encoding="utf-8")
    out = fix_document(text, seed_rules()).text
    headline = "“Old Friend” Putin Comes to China for a State Visit and Summit with Xi Jinping"
    assert out.split("\n\n")[0] == headline and out.count(headline) == 1
    kept = set(out.split("\n\n"))
    for number in PROSE_LINES | {7, 9, 13, 21, 23, 27, 33, 41}:
        assert text.split("\n")[number - 1] in kept, number
    assert "Sharing Is Caring" not in out and "Leave a Comment" not in out
    assert "\n\n\n" not in out
    assert fix_document(out, seed_rules()).text == out
