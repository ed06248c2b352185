"""The command line end to end: exit codes, formats, inputs, fixes and configuration."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest

from tests.cli_helpers import CLEAN_ARTICLE, ROOT, run_cli

WIDGET_PACK = textwrap.dedent("""\
    code: B999
    name: test-widget
    kind: phrase
    category: boilerplate
    message: "Widget line: '{match}'"
    description: A widget line used by the CLI tests.
    example: {bad: "Text.\\n\\nClick the bell", good: "Text."}
    phrases: ["Click the bell"]
""")

DIRTY = "A first paragraph of the story.\n\nClick the bell\n\nA last paragraph of the story.\n"


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "widget.yaml").write_text(WIDGET_PACK, encoding="utf-8")
    return folder


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_clean_article_exits_zero(tmp_path):
    article = write(tmp_path / "clean.txt", CLEAN_ARTICLE)
    proc = run_cli("check", str(article))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed" in proc.stdout


def test_findings_exit_one_with_ruff_style_lines(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", str(article), "--rules-dir", str(pack_dir), "--select", "B999", "--color", "never")
    assert proc.returncode == 1
    assert f"{article}:3:1: B999 [*] Widget line: 'Click the bell'" in proc.stdout
    assert "3 | Click the bell" in proc.stdout and "^^^^^^^^^^^^^^" in proc.stdout
    assert "Found 1 issue (1 fixable) in 1 file." in proc.stdout
    assert "\x1b[" not in proc.stdout


def test_snippets_never_send_the_text_s_control_characters_to_the_terminal(tmp_path):
    # An escape sequence in scraped text is shown as a picture (ESC as U+241B), a tab as one
    # space, and the underline stays under the span.
    article = write(tmp_path / "esc.txt", "The council met on Tuesday.\n\nTab\there and \x1b[31mred\x1b[0m text.\n")
    proc = run_cli("check", str(article), "--select", "E105", "--color", "always")
    assert proc.returncode == 1
    assert "\x1b[31m" not in proc.stdout and "\u241b[31m" in proc.stdout
    plain = run_cli("check", str(article), "--select", "E105", "--color", "never").stdout
    source, underline = [line for line in plain.splitlines() if line.startswith(("3 |", "  |")) and line.strip(" |")][:2]
    assert "\t" not in source
    assert source[underline.index("^")] == "\u241b"


def test_color_always_uses_ansi(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", str(article), "--rules-dir", str(pack_dir), "--select", "B999", "--color", "always")
    assert "\x1b[" in proc.stdout


def test_missing_and_binary_files_exit_two_with_one_line(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    for target, words in ((tmp_path / "nope.txt", "cannot read"), (binary, "binary file")):
        proc = run_cli("check", str(target))
        assert proc.returncode == 2
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and str(target) in lines[0] and words in lines[0]
        assert "Traceback" not in proc.stderr


def test_invalid_utf8_names_the_position(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("First line\ncaf\u00e9 au lait\n".encode("latin-1"))
    proc = run_cli("check", str(bad))
    assert proc.returncode == 2
    assert "line 2, column 4" in proc.stderr and "Traceback" not in proc.stderr


def test_jsonl_broken_row_is_reported_and_other_rows_checked(tmp_path, pack_dir):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "first", "text": DIRTY}) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "third", "title": "A title", "text": DIRTY}) + "\n",
        encoding="utf-8",
    )
    proc = run_cli("check", str(corpus), "--rules-dir", str(pack_dir), "--select", "B999", "--format", "jsonl")
    assert proc.returncode == 1
    assert f"{corpus}:2:" in proc.stderr and "malformed JSON" in proc.stderr
    found = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(d["record"], d["id"], d["field"], d["line"]) for d in found] == [(1, "first", "text", 3),
                                                                             (3, "third", "text", 3)]
    strict = run_cli("check", str(corpus), "--rules-dir", str(pack_dir), "--select", "B999", "--strict")
    assert strict.returncode == 2


def test_json_output_follows_the_contract(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", str(article), "--rules-dir", str(pack_dir), "--select", "B999", "--format", "json")
    (diag,) = json.loads(proc.stdout)
    for key in ("path", "record", "id", "field", "code", "rule", "category", "severity", "message",
                "line", "column", "end_line", "end_column", "start", "end", "fix"):
        assert key in diag
    assert diag["path"] == str(article) and diag["record"] is None and diag["field"] is None
    assert DIRTY[diag["start"]:diag["end"]] == "Click the bell"
    assert diag["fix"]["applicability"] == "safe"
    edit = diag["fix"]["edits"][0]
    assert DIRTY[:edit["start"]] + edit["replacement"] + DIRTY[edit["end"]:] == \
        "A first paragraph of the story.\n\nA last paragraph of the story.\n"


def test_sarif_validates_against_the_official_schema(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", str(article), "--rules-dir", str(pack_dir), "--format", "sarif")
    log = json.loads(proc.stdout)
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    driver = log["runs"][0]["tool"]["driver"]
    assert any(r["id"] == "B999" and "help" in r for r in driver["rules"])
    assert any(r["ruleId"] == "B999" for r in log["runs"][0]["results"])


def test_github_format(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", str(article), "--rules-dir", str(pack_dir), "--select", "B999", "--format", "github")
    assert proc.stdout.strip() == (f"::warning file={article},line=3,col=1,endLine=3,endColumn=15,"
                                   "title=B999::Widget line: 'Click the bell'")


def test_check_never_writes_and_fix_keeps_crlf_and_bom(tmp_path, pack_dir):
    article = tmp_path / "windows.txt"
    article.write_bytes(b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode("utf-8"))
    before = article.read_bytes()
    run_cli("check", str(article), "--rules-dir", str(pack_dir))
    assert article.read_bytes() == before
    proc = run_cli("fix", str(article), "--rules-dir", str(pack_dir), "--select", "B999")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert article.read_bytes() == b"\xef\xbb\xbfA first paragraph of the story.\r\n\r\nA last paragraph of the story.\r\n"
    again = run_cli("fix", str(article), "--rules-dir", str(pack_dir), "--select", "B999")
    assert again.returncode == 0
    assert article.read_bytes() == b"\xef\xbb\xbfA first paragraph of the story.\r\n\r\nA last paragraph of the story.\r\n"


def test_fix_keeps_utf16(tmp_path, pack_dir):
    article = write(tmp_path / "wide.txt", "\ufeff" + DIRTY, encoding="utf-16-le")
    run_cli("fix", str(article), "--rules-dir", str(pack_dir), "--select", "B999")
    data = article.read_bytes()
    assert data.startswith(b"\xff\xfe")
    assert data.decode("utf-16") == "A first paragraph of the story.\n\nA last paragraph of the story.\n"


def test_fix_diff_prints_and_writes_nothing(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("fix", "--diff", str(article), "--rules-dir", str(pack_dir), "--select", "B999")
    assert "-Click the bell" in proc.stdout
    assert article.read_text(encoding="utf-8") == DIRTY


def test_fix_jsonl_rewrites_changed_records_only(tmp_path, pack_dir):
    corpus = tmp_path / "corpus.jsonl"
    untouched = '{"id":"keep",  "text":"Nothing to fix here."}'
    corpus.write_text(untouched + "\n" + json.dumps({"id": "x", "text": DIRTY}) + "\n", encoding="utf-8")
    run_cli("fix", str(corpus), "--rules-dir", str(pack_dir), "--select", "B999")
    lines = corpus.read_text(encoding="utf-8").splitlines()
    assert lines[0] == untouched
    assert json.loads(lines[1])["text"] == "A first paragraph of the story.\n\nA last paragraph of the story.\n"


def test_stdin(pack_dir):
    proc = run_cli("check", "-", "--rules-dir", str(pack_dir), "--select", "B999",
                   "--stdin-filename", "story.txt", input=DIRTY)
    assert proc.returncode == 1 and "story.txt:3:1: B999" in proc.stdout
    fixed = run_cli("fix", "-", "--rules-dir", str(pack_dir), "--select", "B999", "-q", input=DIRTY)
    assert fixed.stdout == "A first paragraph of the story.\n\nA last paragraph of the story.\n"


def test_rules_and_rule_commands(pack_dir):
    listing = run_cli("rules", "--rules-dir", str(pack_dir), "--format", "json")
    codes = {r["code"] for r in json.loads(listing.stdout)}
    assert "B999" in codes
    explained = run_cli("rule", "B999", "--rules-dir", str(pack_dir))
    assert explained.returncode == 0
    assert "## Example" in explained.stdout and "Click the bell" in explained.stdout
    assert run_cli("rule", "Q123").returncode == 2


def test_unknown_selector_is_a_usage_error(tmp_path):
    article = write(tmp_path / "a.txt", CLEAN_ARTICLE)
    proc = run_cli("check", str(article), "--select", "NOPE42")
    assert proc.returncode == 2 and "NOPE42" in proc.stderr
    assert run_cli("check", "--no-such-flag").returncode == 2


def test_fail_on_error_ignores_warnings(tmp_path, pack_dir):
    article = write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", str(article), "--rules-dir", str(pack_dir), "--select", "B999", "--fail-on", "error")
    assert proc.returncode == 0


def test_config_in_pyproject_selects_and_overrides_severity(tmp_path, pack_dir):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(f"""\
        [tool.newslint]
        select = ["B999"]
        rules-dirs = ["{pack_dir.as_posix()}"]
        severity = {{ B999 = "error" }}
    """), encoding="utf-8")
    write(tmp_path / "dirty.txt", DIRTY)
    proc = run_cli("check", "dirty.txt", "--format", "jsonl", cwd=tmp_path)
    (diag,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert diag["code"] == "B999" and diag["severity"] == "error"


def test_config_unknown_key_is_a_clear_error(tmp_path):
    (tmp_path / "newslint.toml").write_text('selekt = ["B"]\n', encoding="utf-8")
    write(tmp_path / "a.txt", CLEAN_ARTICLE)
    proc = run_cli("check", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "newslint.toml" in proc.stderr and "selekt" in proc.stderr and "Traceback" not in proc.stderr


def test_per_file_ignores(tmp_path, pack_dir):
    (tmp_path / "newslint.toml").write_text(textwrap.dedent(f"""\
        rules-dirs = ["{pack_dir.as_posix()}"]
        [per-file-ignores]
        "drafts/*" = ["B999"]
    """), encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    write(tmp_path / "drafts" / "d.txt", DIRTY)
    write(tmp_path / "final.txt", DIRTY)
    proc = run_cli("check", ".", "--select", "B999", "--format", "jsonl", cwd=tmp_path)
    paths = {json.loads(line)["path"] for line in proc.stdout.splitlines()}
    assert paths == {"final.txt"}


def test_folders_are_walked_skipping_hidden_ones(tmp_path, pack_dir):
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden" / "x.txt", DIRTY)
    write(tmp_path / "story.md", DIRTY)
    write(tmp_path / "notes.csv", DIRTY)
    proc = run_cli("check", str(tmp_path), "--rules-dir", str(pack_dir), "--select", "B999", "--format", "jsonl")
    paths = {Path(json.loads(line)["path"]).name for line in proc.stdout.splitlines()}
    assert paths == {"story.md"}


def test_invalid_pack_names_file_and_key(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.yaml").write_text(WIDGET_PACK.replace("category: boilerplate", "category: gossip"),
                                        encoding="utf-8")
    proc = run_cli("check", "--rules-dir", str(folder), "-", input="text")
    assert proc.returncode == 2
    assert "broken.yaml" in proc.stderr and "'category'" in proc.stderr


PLUGIN = textwrap.dedent('''\
    from newslint.diagnostics import Category, Severity
    from newslint.rule import Rule


    class ShoutingRule(Rule):
        """## What it does\\nFinds SHOUTING."""
        code = "Z901"
        name = "shouting"
        category = Category.STYLE
        severity = Severity.WARNING

        def check(self, doc):
            index = doc.text.find("SHOUT")
            if index >= 0:
                yield self.diagnostic(index, index + 5, "Shouting")


    class BrokenRule(Rule):
        """## What it does\\nAlways crashes."""
        code = "Z902"
        name = "always-broken"
        category = Category.STYLE

        def check(self, doc):
            raise RuntimeError("boom")
''')


def test_entry_point_plugin_and_crashing_rule(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "shout_plugin.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "shout_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[newslint.rules]\nshout = shout_plugin\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    proc = run_cli("check", "-", "--select", "Z901,Z902", "--format", "jsonl", input="Hello SHOUT there.", env=env)
    assert [json.loads(line)["code"] for line in proc.stdout.splitlines()] == ["Z901"]
    assert "internal error in rule Z902 (always-broken)" in proc.stderr and "boom" in proc.stderr
    assert proc.returncode == 2
    listing = run_cli("rules", "--format", "json", env=env)
    origins = {r["code"]: r["origin"] for r in json.loads(listing.stdout)}
    assert "shout-plugin" in origins["Z901"]
