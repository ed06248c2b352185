"""Prefix phrases in PhraseMatcher and the `prefixes` keys of phrase packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.matching import PhraseMatcher
from newslint.packs import PackError, load_pack_file


def test_prefix_matches_at_line_start_and_word_edge():
    m = PhraseMatcher(prefixes=["Share on", "Related:"])
    assert m.match_prefix("Share on Facebook Share on Mastodon") == "Share on"
    assert m.match_prefix("  related: Ferry fares rise again") == "Related:"
    assert m.match_prefix("Shareholders met on Friday") is None
    assert m.match_prefix("We share on Fridays") is None  # not at the start


def test_prefix_keeps_its_trailing_punctuation():
    m = PhraseMatcher(prefixes=["Related:"])
    assert m.match_prefix("Related to the strike, the unions met again") is None


def test_longest_prefix_wins():
    m = PhraseMatcher(prefixes=["Read", "Read more:"])
    assert m.match_prefix("Read more: the ferry timetable") == "Read more:"


def test_prefix_only_entries_are_not_found_inside_text():
    m = PhraseMatcher(["Advertisement"], prefixes=["Photo:"])
    found = [x.value for x in m.find("Photo: one. Advertisement here.")]
    assert found == ["Advertisement"]


def test_a_phrase_can_be_whole_line_and_prefix():
    m = PhraseMatcher(["Read more"], prefixes=["Read more"])
    assert m.match_line("Read more") == "Read more"
    assert m.match_prefix("Read more about the harbour") == "Read more"
    assert [x.value for x in m.find("please read more often")] == ["Read more"]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "rule.yaml"
    path.write_text("code: B999\nname: test-rule\nkind: phrase\ncategory: boilerplate\n"
                    "message: 'widget: {match}'\n" + body, encoding="utf-8")
    return path


def test_pack_with_only_prefixes_loads(tmp_path):
    cls = load_pack_file(_write(tmp_path, "prefixes:\n  - 'Watch:'\n"))
    assert cls().matcher.match_prefix("Watch: the launch") == "Watch:"


def test_prefixes_need_line_mode(tmp_path):
    with pytest.raises(PackError, match="prefixes"):
        load_pack_file(_write(tmp_path, "match: inside\nprefixes:\n  - 'Watch:'\n"))


def test_prefix_applicability_and_severity_are_validated(tmp_path):
    with pytest.raises(PackError, match="prefix_applicability"):
        load_pack_file(_write(tmp_path, "prefixes: ['Watch:']\nprefix_applicability: maybe\n"))
    with pytest.raises(PackError, match="prefix_severity"):
        load_pack_file(_write(tmp_path, "prefixes: ['Watch:']\nprefix_severity: loud\n"))


def test_prefix_hits_respect_max_words(tmp_path):
    from newslint.document import Document
    rule = load_pack_file(_write(tmp_path, "prefixes: ['Watch:']\nmax_words: 4\n"))()
    short = Document("Watch: the launch\n")
    long = Document("Watch: the launch of the new ferry from the pier\n")
    assert len(list(rule.check(short))) == 1
    assert list(rule.check(long)) == []
