"""G001 against a real LanguageTool server: runs only when NEWSLINT_LANGUAGETOOL_URL points to
one that answers (e.g. `docker run -d -p 8010:8010 erikvl87/languagetool`, then
`NEWSLINT_LANGUAGETOOL_URL=http://localhost:8010 python -m pytest -m languagetool`)."""

from __future__ import annotations

import os

import pytest

from newslint.checks.grammar_languagetool import LanguageToolGrammar
from newslint.document import Document
from newslint.engine import lint
from newslint.grammar.client import LanguageToolClient, LanguageToolError
from newslint.grammar.server import URL_ENV


def real_server_url() -> str | None:
    url = os.environ.get(URL_ENV, "").strip()
    if not url:
        return None
    try:
        LanguageToolClient(url, timeout=3.0).languages()
    except LanguageToolError:
        return None
    return url


REAL_URL = real_server_url()
pytestmark = [pytest.mark.languagetool,
              pytest.mark.skipif(REAL_URL is None, reason=f"no LanguageTool reachable through {URL_ENV}")]


def test_real_server_finds_agreement_error_after_emoji(tmp_path):
    text = "🎉🇺🇦 𝐍𝐞𝐰𝐬: The committee members was told about the decision yesterday afternoon.\n"
    rule = LanguageToolGrammar(url=REAL_URL, cache_dir=str(tmp_path), language="en-US")
    result = lint(Document(text), [rule])
    rule.close()
    assert not result.errors and rule.unavailable is None, (result.errors, rule.unavailable)
    flagged = [text[d.start:d.end] for d in result.diagnostics]
    assert any("was" in span for span in flagged), flagged
    assert all(d.extra["lt_rule"] for d in result.diagnostics)


def test_real_server_reports_a_version_and_clean_text_passes(tmp_path):
    text = "The committee members were told about the decision yesterday afternoon.\n"
    rule = LanguageToolGrammar(url=REAL_URL, cache_dir=str(tmp_path), language="en-US")
    assert lint(Document(text), [rule]).diagnostics == []
    rule.close()
