"""The issue's acceptance lines for G001 through the real command line (a subprocess).

The LanguageTool server is the stand-in of tests/languagetool_stub.py (a small http.server
with LanguageTool-shaped answers, not LanguageTool), or nothing at all for absence.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_helpers import CLEAN_ARTICLE, run_cli
from tests.languagetool_stub import StubLanguageTool

EMOJI_ARTICLE = """\
Harbour Town Opens Its New Library

Visitors 🎉🎉 posted photos 📚 of the 𝐍𝐄𝐖 reading room 👩‍👩‍👧 all day, and she have promised to return.

The café next door sold a apple tart to almost every visitor before noon on Saturday.
"""


@pytest.fixture
def stub() -> Iterator[StubLanguageTool]:
    server = StubLanguageTool()
    yield server
    server.stop()


def grammar_env(tmp_path: Path, url: str) -> dict[str, str]:
    return {"NEWSLINT_LANGUAGETOOL_URL": url, "XDG_CACHE_HOME": str(tmp_path / "xdg")}


def write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


def dead_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def test_without_a_server_one_warning_and_the_exit_code_of_grammar_off(tmp_path):
    url = dead_url()
    files = [write(tmp_path, "clean.txt", CLEAN_ARTICLE),
             write(tmp_path, "shared.txt", CLEAN_ARTICLE + "\nSharing Is Caring:\n")]
    env = grammar_env(tmp_path, url)
    with_grammar = run_cli("check", "--extend-select", "grammar", *files, cwd=tmp_path, env=env)
    without = run_cli("check", *files, cwd=tmp_path, env=env)
    assert with_grammar.returncode == without.returncode == 1
    assert with_grammar.stdout == without.stdout
    assert warnings(with_grammar.stderr) == [f"warning: grammar rules skipped: no LanguageTool server at {url}; see README"]
    only_grammar = run_cli("check", "--select", "grammar", files[0], cwd=tmp_path, env=env)
    assert only_grammar.returncode == 0, only_grammar.stderr
    assert len(warnings(only_grammar.stderr)) == 1


def test_require_grammar_turns_absence_into_exit_2(tmp_path):
    url = dead_url()
    name = write(tmp_path, "clean.txt", CLEAN_ARTICLE)
    proc = run_cli("check", "--select", "grammar", "--require-grammar", name, cwd=tmp_path,
                   env=grammar_env(tmp_path, url))
    assert proc.returncode == 2
    assert f"grammar rules skipped: no LanguageTool server at {url}" in proc.stderr


def test_findings_have_exact_spans_after_emoji_and_the_second_run_uses_the_cache(tmp_path, stub):
    name = write(tmp_path, "emoji.txt", EMOJI_ARTICLE)
    env = grammar_env(tmp_path, stub.url)
    first = run_cli("check", "--select", "grammar", "--format", "json", name, cwd=tmp_path, env=env)
    assert first.returncode == 1, first.stderr
    found = json.loads(first.stdout)
    assert [EMOJI_ARTICLE[d["start"]:d["end"]] for d in found] == ["have", "a"]
    assert [(d["line"], d["column"], d["lt_rule"]) for d in found] == [
        (3, EMOJI_ARTICLE.splitlines()[2].index("have") + 1, "HE_VERB_AGR"),
        (5, EMOJI_ARTICLE.splitlines()[4].index("a apple") + 1, "EN_A_VS_AN")]
    assert all(d["fix"]["applicability"] == "unsafe" for d in found)
    requests_after_first_run = len(stub.requests)
    second = run_cli("check", "--select", "grammar", "--format", "json", name, cwd=tmp_path, env=env)
    assert len(stub.requests) == requests_after_first_run
    assert second.stdout == first.stdout and second.returncode == 1


def test_unsafe_fix_through_the_cli(tmp_path, stub):
    name = write(tmp_path, "emoji.txt", EMOJI_ARTICLE)
    proc = run_cli("fix", "--select", "grammar", "--unsafe-fixes", name, cwd=tmp_path,
                   env=grammar_env(tmp_path, stub.url))
    assert proc.returncode == 0, proc.stderr
    fixed = (tmp_path / name).read_text(encoding="utf-8")
    assert fixed == EMOJI_ARTICLE.replace("she have", "she has").replace("a apple", "an apple")


def test_slow_server_times_out_with_one_message_for_the_run(tmp_path, stub):
    stub.delay = 5.0
    (tmp_path / "newslint.toml").write_text("[rules.G001]\ntimeout = 0.2\n", encoding="utf-8")
    files = [write(tmp_path, f"article{n}.txt", EMOJI_ARTICLE.replace("Saturday", f"day {n}"))
             for n in range(3)]
    proc = run_cli("check", "--select", "grammar", *files, cwd=tmp_path, env=grammar_env(tmp_path, stub.url))
    assert proc.returncode == 0, proc.stderr
    lines = warnings(proc.stderr)
    assert len(lines) == 1 and "did not answer within 0.2 s" in lines[0], lines


def test_server_error_is_one_warning_and_does_not_change_the_exit_code(tmp_path, stub):
    stub.status = 500
    files = [write(tmp_path, f"article{n}.txt", EMOJI_ARTICLE.replace("Saturday", f"day {n}"))
             for n in range(2)]
    proc = run_cli("check", "--select", "grammar", *files, cwd=tmp_path, env=grammar_env(tmp_path, stub.url))
    assert proc.returncode == 0
    assert warnings(proc.stderr) == [f"warning: LanguageTool at {stub.url} answered HTTP 500; "
                                     "the paragraphs in those requests were not checked"]


def test_rule_documentation_is_printed(tmp_path):
    proc = run_cli("rule", "G001", cwd=tmp_path)
    assert proc.returncode == 0
    assert "opt-in" in proc.stdout and "## Use instead" in proc.stdout
