"""The seed article that started the project, through the real CLI (skipped without ../shared)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli_helpers import run_cli
from tests.helpers import SEED, needs_shared

QUIET_LINES = (5, 11, 15, 17, 19, 25, 29, 31, 35, 37, 39, 43, 45, 47, 49, 51)


@pytest.fixture(scope="module")
def findings():
    proc = run_cli("check", str(needs_shared(SEED)), "--format", "jsonl")
    assert proc.returncode == 1, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def _covering(findings, category, line):
    return [d for d in findings if d["category"] == category and d["line"] <= line <= d["end_line"]]


@pytest.mark.parametrize("category, line", [
    ("metadata", 1), ("sentence", 13), ("truncation", 21), ("punctuation", 41),
    ("boilerplate", 53), ("boilerplate", 55),
])
def test_each_seed_defect_is_found(findings, category, line):
    assert _covering(findings, category, line), f"no {category} finding on line {line}"


def test_repeated_title_spans_lines_one_to_three(findings):
    assert any(d["category"] == "duplication" and d["line"] == 1 and d["end_line"] == 3 for d in findings)


def test_the_widget_lines_each_start_a_finding(findings):
    starts = {d["line"] for d in findings if d["category"] == "boilerplate"}
    assert {53, 55} <= starts


def test_the_closing_quote_on_line_41_is_pinpointed(findings):
    text = SEED.read_text(encoding="utf-8").splitlines()[40]
    (quote,) = [d for d in findings if d["category"] == "punctuation" and d["line"] == 41
                and d["severity"] != "info"]
    assert text[quote["column"] - 1] == "\u201d"
    assert quote["column"] - 1 == text.rindex("\u201d")


def test_quiet_lines_have_no_warning_or_error(findings):
    loud = [d for d in findings if d["severity"] in ("warning", "error")
            and any(d["line"] <= n <= d["end_line"] for n in QUIET_LINES)]
    assert loud == []


def test_the_correct_unit_conversion_is_not_flagged(findings):
    assert not _covering(findings, "numbers", 7)


def test_fix_removes_widgets_and_suffix_and_keeps_everything_else(tmp_path):
    copy = tmp_path / "seed.txt"
    shutil.copyfile(needs_shared(SEED), copy)
    original = copy.read_text(encoding="utf-8")
    run_cli("fix", str(copy))
    fixed = copy.read_text(encoding="utf-8")
    title = "\u201cOld Friend\u201d Putin Comes to China for a State Visit and Summit with Xi Jinping"
    assert fixed.count(title) == 1 and fixed.startswith(title + "\n")
    assert "Latest Global News" not in fixed
    assert "Sharing Is Caring" not in fixed and "Leave a Comment" not in fixed
    assert "With reporting by Erin Hale in Taipei" in fixed
    assert "In his interview with" in fixed  # dropping it is an unsafe fix
    assert "\n\n\n" not in fixed
    kept = [p for p in original.split("\n\n")[2:] if p.strip() not in ("Sharing Is Caring:", "Leave a Comment")]
    for paragraph in kept:
        assert paragraph.strip("\n") in fixed, paragraph[:60]
    before = copy.read_bytes()
    run_cli("fix", str(copy))
    assert copy.read_bytes() == before
