"""Declarative rule packs: validation errors name the file and key; each kind matches and fixes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from newslint.packs import PackError, builtin_packs_dir, iter_pack_files, load_pack_file


def make_rule(tmp_path: Path, body: str, name: str = "rule.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_pack_file(path)()


PHRASE = """\
    code: B990
    name: follow-prompt
    kind: phrase
    category: boilerplate
    message: "Follow prompt: '{match}'"
    phrases: ["Follow us on Instagram", "Like our page"]
    patterns: ['follow @\\w+ for more']
"""


def test_phrase_line_match_folds_case_quotes_and_edge_punctuation(tmp_path):
    rule = make_rule(tmp_path, PHRASE)
    doc = Document("Story text here.\n\n» FOLLOW US ON INSTAGRAM! «\n\nfollow @newsdesk for more\n")
    found = lint(doc, [rule]).diagnostics
    assert [d.line for d in found] == [3, 5]


def test_phrase_line_mode_ignores_the_phrase_inside_prose(tmp_path):
    rule = make_rule(tmp_path, PHRASE)
    doc = Document("She told fans to follow us on Instagram if they wanted updates on the tour.\n")
    assert lint(doc, [rule]).diagnostics == []


def test_phrase_inside_mode_finds_whole_words_only(tmp_path):
    rule = make_rule(tmp_path, PHRASE + "    match: inside\n    fix: remove-match\n")
    doc = Document("Read on. Like our page! Unlike our pages, this one is new.")
    found = lint(doc, [rule]).diagnostics
    assert [doc.text[d.start:d.end] for d in found] == ["Like our page"]


def test_substitution_swaps_with_a_safe_fix(tmp_path):
    rule = make_rule(tmp_path, """\
        code: X990
        name: kyiv-spelling
        kind: substitution
        category: style
        message: "Use '{good}' instead of '{bad}'"
        swap: {Kiev: Kyiv, Kharkov: Kharkiv}
    """)
    assert rule.default_enabled is False  # style packs are opt-in
    text = "Troops near Kiev and Kharkov; Kievan Rus is history."
    assert fix_document(text, [rule]).text == "Troops near Kyiv and Kharkiv; Kievan Rus is history."


def test_toml_packs_load_too(tmp_path):
    rule = make_rule(tmp_path, """\
        code = "B991"
        name = "toml-rule"
        kind = "phrase"
        category = "boilerplate"
        message = "m"
        phrases = ["Print this page"]
    """, name="rule.toml")
    assert lint(Document("Print this page"), [rule]).diagnostics


@pytest.mark.parametrize("change, key", [
    ("code: B990", "code"),
    ("kind: phrase", "kind"),
    ("category: boilerplate", "category"),
    ("message: \"Follow prompt: '{match}'\"", "message"),
])
def test_validation_names_file_and_key(tmp_path, change, key):
    replacement = {"code": "code: b-12", "kind": "kind: fuzzy", "category": "category: gossip",
                   "message": ""}[key]
    with pytest.raises(PackError) as info:
        make_rule(tmp_path, PHRASE.replace(change, replacement))
    assert "rule.yaml" in str(info.value) and f"'{key}'" in str(info.value)


def test_unknown_key_and_bad_regex_are_named(tmp_path):
    with pytest.raises(PackError, match="'phrasez'"):
        make_rule(tmp_path, PHRASE + "    phrasez: [x]\n")
    with pytest.raises(PackError, match=r"'patterns\[0\]'"):
        make_rule(tmp_path, PHRASE.replace("['follow @\\w+ for more']", "['(unclosed']"))


def test_builtin_packs_all_validate_and_document_themselves():
    files = list(iter_pack_files(builtin_packs_dir()))
    assert files
    for path in files:
        cls = load_pack_file(path)
        doc = cls.documentation()
        assert "## What it does" in doc and "## Example" in doc and "## Use instead" in doc, path


def test_every_builtin_line_pattern_has_an_anchor():
    # An unanchored pattern is tried on every line of every document: one spelled with an
    # escape the anchor reader did not know made all default rules ~25% slower.
    for path in iter_pack_files(builtin_packs_dir()):
        rule = load_pack_file(path)()
        assert rule.unanchored_patterns() == [], path


def test_a_pack_pattern_without_an_anchor_is_named_once_on_stderr(tmp_path):
    from tests.cli_helpers import run_cli

    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "rule.yaml").write_text(textwrap.dedent(PHRASE.replace("['follow @\\w+ for more']", "['\\d+\\s+\\w+']")),
                                     encoding="utf-8")
    (tmp_path / "a.txt").write_text("The pier reopened on Thursday after repairs, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The ferry runs again from Friday, the harbour master said.\n", encoding="utf-8")
    done = run_cli("check", "--isolated", "--rules-dir", str(packs), "a.txt", "b.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("B990 (follow-prompt): pattern '\\d+\\s+\\w+' has no literal text") == 1
    assert make_rule(tmp_path, PHRASE).unanchored_patterns() == []
