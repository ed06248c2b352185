"""G001 (LanguageTool) against a stand-in server started by this test module.

LanguageTool itself cannot be installed on this project's CI machines, so these tests run the
adapter against `tests/languagetool_stub.py`: a small threading http.server on 127.0.0.1 (port
0) implementing the documented `/v2/check` and `/v2/languages` endpoints with responses shaped
like recorded LanguageTool answers. It is not LanguageTool; it finds a fixed table of phrases.
Covered: spans on text with emoji and other astral characters, batching and parallel requests,
the on-disk cache (a second run makes no request), timeouts, HTTP 500, absence, languages.
Tests against a real server are in test_grammar_real_server.py.
"""

from __future__ import annotations

import socket
import sys
import types
from collections.abc import Iterator

import pytest
from hypothesis import given, settings, strategies as st

from newslint.checks.grammar_languagetool import LanguageToolGrammar
from newslint.diagnostics import Category, Diagnostic, Severity
from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from newslint.grammar import cache as cache_module
from newslint.grammar.server import URL_ENV
from tests.languagetool_stub import StubLanguageTool

PARAGRAPH_A = "The chef said she would slice a apple for every guest at the dinner."
PARAGRAPH_B = "Critics noted that she have written three books about the region."
PARAGRAPH_C = "The council will vote on the budget proposal again next Thursday."


@pytest.fixture
def stub() -> Iterator[StubLanguageTool]:
    server = StubLanguageTool()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_env_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(URL_ENV, raising=False)


def make_rule(stub: StubLanguageTool | None, tmp_path, **options) -> LanguageToolGrammar:
    settings = {"cache_dir": str(tmp_path / "cache"), "timeout": 2.0}
    if stub is not None:
        settings["url"] = stub.url
    return LanguageToolGrammar(**{**settings, **options})


def run(rule: LanguageToolGrammar, text: str, language: str | None = None) -> list[Diagnostic]:
    result = lint(Document(text, language=language), [rule])
    assert not result.errors, result.errors
    return result.diagnostics


def spans(text: str, diagnostics: list[Diagnostic]) -> list[str]:
    return [text[d.start:d.end] for d in diagnostics]


# -- findings and spans ----------------------------------------------------------------------

def test_findings_carry_rule_id_category_and_unsafe_fix(stub, tmp_path):
    rule = make_rule(stub, tmp_path)
    text = PARAGRAPH_A + "\n\n" + PARAGRAPH_C + "\n"
    [diag] = run(rule, text)
    rule.close()
    assert (diag.code, diag.category, diag.severity) == ("G001", Category.GRAMMAR, Severity.WARNING)
    assert text[diag.start:diag.end] == "a"
    assert diag.extra["lt_rule"] == "EN_A_VS_AN" and diag.extra["lt_category"] == "MISC"
    assert "[EN_A_VS_AN]" in diag.message
    assert diag.fix is not None and not diag.fix.is_safe
    assert diag.fix.edits[0].replacement == "an"


def test_spans_hold_after_emoji_and_astral_characters(stub, tmp_path):
    rule = make_rule(stub, tmp_path)
    text = ("🎉🎉 Party time 👩‍👩‍👧 for everyone, and 𝐁𝐎𝐋𝐃 letters 🇺🇦 too, she have said so herself.\n\n"
            "Plain paragraph before 😀 the chef sliced a apple with care today.\n")
    found = run(rule, text)
    rule.close()
    assert spans(text, found) == ["have", "a"]
    assert [(d.line, d.column) for d in found] == [(1, text.index("have") + 1),
                                                   (3, text.index("a apple") - text.index("Plain") + 1)]


def test_unsafe_fix_applies_the_first_replacement(stub, tmp_path):
    rule = make_rule(stub, tmp_path)
    outcome = fix_document(PARAGRAPH_B + "\n", [rule], unsafe=True)
    rule.close()
    assert outcome.text == PARAGRAPH_B.replace("she have", "she has") + "\n"
    assert fix_document(PARAGRAPH_B + "\n", [make_rule(stub, tmp_path)], unsafe=False).text == PARAGRAPH_B + "\n"


def test_disabled_categories_are_sent_and_respected(stub, tmp_path):
    text = "A friend wrote teh whole report about the storm in one single night.\n"
    assert run(make_rule(stub, tmp_path), text) == []
    assert "TYPOS" in stub.checks()[-1]["disabledCategories"]
    found = run(make_rule(stub, tmp_path, disabled_categories=[], cache=False), text)
    assert spans(text, found) == ["teh"]


# -- what is sent ----------------------------------------------------------------------------

def test_title_headings_short_lines_and_boilerplate_are_not_sent(stub, tmp_path):
    boilerplate = "Subscribe to our newsletter to get a apple pie recipe every single week."
    text = ("Town hall vote on a apple orchard\n\n" + PARAGRAPH_A + "\n\nA apple subheading here\n\n"
            "Read a apple.\n\n" + boilerplate + "\n")
    start = text.index(boilerplate)
    flagged = Diagnostic(code="B999", rule="test-boilerplate", category=Category.BOILERPLATE,
                         severity=Severity.WARNING, message="boilerplate", start=start,
                         end=start + len(boilerplate))
    rule = make_rule(stub, tmp_path)
    found = list(rule.check_with_prior(Document(text), [flagged]))
    rule.close()
    assert [d.start for d in found] == [text.index("a apple for")]
    [sent] = stub.checks()
    assert sent["text"] == PARAGRAPH_A


def test_paragraphs_are_batched_into_one_request(stub, tmp_path):
    rule = make_rule(stub, tmp_path)
    text = "\n\n".join([PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]) + "\n"
    found = run(rule, text)
    rule.close()
    assert spans(text, found) == ["a", "have"]
    [sent] = stub.checks()
    assert sent["text"] == "\n\n".join([PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C])


def test_small_batches_go_out_in_parallel_up_to_the_limit(stub, tmp_path):
    stub.delay = 0.3
    rule = make_rule(stub, tmp_path, batch_chars=80, max_parallel=2)
    paragraphs = [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C, PARAGRAPH_A.replace("chef", "cook")]
    text = "\n\n".join(paragraphs) + "\n"
    found = run(rule, text)
    rule.close()
    assert spans(text, found) == ["a", "have", "a"]
    assert sorted(form["text"] for form in stub.checks()) == sorted(paragraphs)
    assert stub.peak_in_flight == 2


def test_hard_wrapped_paragraph_is_sent_with_spaces_for_line_breaks(stub, tmp_path):
    lines = ["The market opened early and traders were", "surprised when she have sold every share",
             "before noon, which nobody had predicted at", "all, according to several people there."]
    text = "\n".join(lines) + "\n"
    rule = make_rule(stub, tmp_path)
    found = run(rule, text)
    rule.close()
    assert stub.checks()[0]["text"] == " ".join(lines)
    assert spans(text, found) == ["have"] and found[0].line == 2


# -- cache -----------------------------------------------------------------------------------

def test_second_run_is_answered_from_the_cache_without_any_request(stub, tmp_path):
    text = "\n\n".join([PARAGRAPH_A, PARAGRAPH_B]) + "\n"
    first_rule = make_rule(stub, tmp_path)
    first = run(first_rule, text)
    first_rule.close()
    sent = len(stub.requests)
    assert sent == 2  # /v2/languages probe + one /v2/check
    second_rule = make_rule(stub, tmp_path)
    second = run(second_rule, text)
    second_rule.close()
    assert len(stub.requests) == sent
    assert [(d.start, d.end, d.message, d.fix) for d in second] == [(d.start, d.end, d.message, d.fix) for d in first]


def test_only_changed_paragraphs_are_sent_again(stub, tmp_path):
    rule = make_rule(stub, tmp_path)
    run(rule, "\n\n".join([PARAGRAPH_A, PARAGRAPH_B]) + "\n")
    rule.close()
    rule = make_rule(stub, tmp_path)
    run(rule, "\n\n".join([PARAGRAPH_A, PARAGRAPH_C]) + "\n")
    rule.close()
    assert [form["text"] for form in stub.checks()] == ["\n\n".join([PARAGRAPH_A, PARAGRAPH_B]), PARAGRAPH_C]


def test_a_new_languagetool_version_is_checked_again_once_its_memory_expires(stub, tmp_path, monkeypatch):
    text = PARAGRAPH_A + "\n"
    rule = make_rule(stub, tmp_path)
    run(rule, text)
    rule.close()
    stub.version = "6.5"
    monkeypatch.setattr(cache_module, "VERSION_TTL_SECONDS", -1)
    rule = make_rule(stub, tmp_path)
    assert spans(text, run(rule, text)) == ["a"]
    rule.close()
    assert len(stub.checks()) == 2
    monkeypatch.undo()
    rule = make_rule(stub, tmp_path)
    run(rule, text)
    rule.close()
    assert len(stub.checks()) == 2


def test_options_are_part_of_the_cache_key(stub, tmp_path):
    text = PARAGRAPH_A + "\n"
    for level in ("default", "picky"):
        rule = make_rule(stub, tmp_path, level=level)
        run(rule, text)
        rule.close()
    assert [form["level"] for form in stub.checks()] == ["default", "picky"]


def test_cache_can_be_switched_off(stub, tmp_path):
    for _ in range(2):
        rule = make_rule(stub, tmp_path, cache=False)
        run(rule, PARAGRAPH_A + "\n")
        rule.close()
    assert len(stub.checks()) == 2
    assert not (tmp_path / "cache").exists()


# -- failures --------------------------------------------------------------------------------

def test_slow_server_times_out_with_one_notice_for_the_run(stub, tmp_path):
    stub.delay = 5.0
    rule = make_rule(stub, tmp_path, timeout=0.2)
    for paragraph in (PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C):
        assert run(rule, paragraph + "\n") == []
    rule.close()
    assert rule.unavailable is None
    assert len(rule.notices) == 1
    assert "did not answer within 0.2 s" in rule.notices[0]


def test_server_error_gives_one_notice_and_nothing_is_cached(stub, tmp_path):
    stub.status = 500
    rule = make_rule(stub, tmp_path)
    for paragraph in (PARAGRAPH_A, PARAGRAPH_B):
        assert run(rule, paragraph + "\n") == []
    rule.close()
    assert rule.notices == [f"LanguageTool at {stub.url} answered HTTP 500; "
                            "the paragraphs in those requests were not checked"]
    stub.status = 200
    rule = make_rule(stub, tmp_path)
    assert spans(PARAGRAPH_A, run(rule, PARAGRAPH_A + "\n")) == ["a"]
    rule.close()


def test_repeated_failures_stop_the_run_from_asking(stub, tmp_path):
    stub.status = 500
    rule = make_rule(stub, tmp_path)
    for number in range(8):
        run(rule, f"Paragraph number {number} says the weather was fine all week.\n")
    rule.close()
    assert len(stub.checks()) == 5
    assert len(rule.notices) == 2 and "stopped" in rule.notices[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_absent_server_makes_the_rule_unavailable_and_silent(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    rule = make_rule(None, tmp_path, url=url)
    assert run(rule, PARAGRAPH_A + "\n") == []
    assert run(rule, PARAGRAPH_B + "\n") == []
    rule.close()
    assert rule.unavailable == f"no LanguageTool server at {url}"
    assert rule.notices == []


def test_url_comes_from_the_environment(stub, tmp_path, monkeypatch):
    monkeypatch.setenv(URL_ENV, stub.url + "/v2/")
    rule = make_rule(None, tmp_path)
    assert spans(PARAGRAPH_A, run(rule, PARAGRAPH_A + "\n")) == ["a"]
    rule.close()


def test_without_url_or_language_tool_python_the_reason_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    rule = make_rule(None, tmp_path)
    assert run(rule, PARAGRAPH_A + "\n") == []
    assert "NEWSLINT_LANGUAGETOOL_URL" in rule.unavailable and "newslint[grammar]" in rule.unavailable


def fake_language_tool_python(url: str | None, closed: list[bool]) -> types.ModuleType:
    module = types.ModuleType("language_tool_python")

    class LanguageTool:
        def __init__(self, language: str) -> None:
            if url is None:
                raise ConnectionError("Failed to resolve the download host")
            self.url = url + "/v2/"

        def close(self) -> None:
            closed.append(True)

    module.LanguageTool = LanguageTool
    return module


def test_failed_language_tool_python_start_is_a_one_line_reason(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", fake_language_tool_python(None, []))
    rule = make_rule(None, tmp_path)
    assert run(rule, PARAGRAPH_A + "\n") == []
    assert "Java 17+" in rule.unavailable and "ConnectionError" in rule.unavailable
    assert "\n" not in rule.unavailable


def test_local_server_from_language_tool_python_is_used_and_stopped(stub, tmp_path, monkeypatch):
    closed: list[bool] = []
    monkeypatch.setitem(sys.modules, "language_tool_python", fake_language_tool_python(stub.url, closed))
    rule = make_rule(None, tmp_path)
    assert spans(PARAGRAPH_A, run(rule, PARAGRAPH_A + "\n")) == ["a"]
    assert closed == []
    rule.close()
    assert closed == [True]


def test_unusable_cache_dir_is_a_notice_not_a_failure(stub, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    rule = make_rule(stub, tmp_path, cache_dir=str(blocker / "cache"))
    assert spans(PARAGRAPH_A, run(rule, PARAGRAPH_A + "\n")) == ["a"]
    rule.close()
    assert len(rule.notices) == 1 and "unusable" in rule.notices[0]


# -- language --------------------------------------------------------------------------------

@pytest.mark.parametrize(("record_language", "option", "sent"), [
    (None, "auto", "auto"),
    (None, "en-US", "en-US"),
    ("de_de", "en-US", "de-DE"),
    ("EN", "auto", "en"),
])
def test_language_comes_from_the_record_then_the_option(stub, tmp_path, record_language, option, sent):
    rule = make_rule(stub, tmp_path, language=option)
    run(rule, PARAGRAPH_C + "\n", language=record_language)
    rule.close()
    assert stub.checks()[0]["language"] == sent


def test_language_the_server_lacks_is_skipped_with_one_notice(stub, tmp_path):
    rule = make_rule(stub, tmp_path)
    assert run(rule, PARAGRAPH_A + "\n", language="xx") == []
    assert run(rule, PARAGRAPH_B + "\n", language="xx") == []
    rule.close()
    assert stub.checks() == []
    assert len(rule.notices) == 1 and "'xx'" in rule.notices[0]


# -- selection -------------------------------------------------------------------------------

def test_grammar_is_off_unless_selected(registry):
    assert "G001" not in [c.code for c in registry.select()]
    assert "G001" not in [c.code for c in registry.select(["ALL"])]
    for selector in ("grammar", "G", "G001", "languagetool"):
        assert [c.code for c in registry.select([selector])] == ["G001"]


def test_no_text_to_check_starts_nothing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)
    rule = make_rule(None, tmp_path)
    assert run(rule, "Short heading\n") == []
    assert rule.unavailable is None


# -- spans, as a property ---------------------------------------------------------------------

ASTRAL_HEAVY = st.text(alphabet=st.sampled_from(list("ab ,é") + ["😀", "𝐀", "🇺", "🇦", "👩", "\u200d", "👧", "中"]),
                       max_size=30)


@pytest.fixture(scope="module")
def shared_stub() -> Iterator[StubLanguageTool]:
    server = StubLanguageTool()
    yield server
    server.stop()


@settings(max_examples=40, deadline=None)
@given(ASTRAL_HEAVY, ASTRAL_HEAVY, st.booleans())
def test_spans_are_exact_whatever_comes_before_them(shared_stub, before, between, two_paragraphs):
    text = f"Words {before} then she have left {between} with a apple in hand, the report said."
    if two_paragraphs:
        text = f"First words {between} of a calm opening paragraph end here.\n\n" + text
    rule = LanguageToolGrammar(url=shared_stub.url, cache=False)
    found = run(rule, text + "\n")
    rule.close()
    assert spans(text, found) == ["have", "a"]
