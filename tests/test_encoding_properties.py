"""Invariants of the encoding rules: fixing leaves nothing safely fixable, and mojibake
made from clean text is found and repaired back to that text."""

from __future__ import annotations

import ftfy  # noqa: F401 - registers the "sloppy-windows-1252" codec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from tests.helpers import _REGISTRY

ENCODING_RULES = _REGISTRY.instantiate(_REGISTRY.select(["encoding"]))

# Pieces scraped text is made of, clean and damaged, so random texts hit every rule.
FRAGMENTS = st.sampled_from([
    "The council met", " on Tuesday", ". ", ", ", "\n", "\n\n", "café", "It’s", "“quoted”",
    "Itâ€™s", "cafÃ©", "â€”", "Ã©tÃ©", "&amp;", "&amp;amp;quot;", "&#8217;", "&nbsp;", "&shy;",
    "&lt;p&gt;", "<p>", "</div>", "<br/>", "<!-- x -->", "\x00", "\x07", "\x0c", "\x92", "\x81",
    "\x1b[31m", "\u00ad", "\u200b", "\u200d", "\ufeff", "\u202e", "\u2003", "\u00a0\u00a0",
    "\u3000", "\u2028", "\ufffd", "Привет", "東京", "שלום", "{{ name }}", "  ",
])
TEXTS = st.one_of(st.lists(FRAGMENTS, max_size=25).map("".join), st.text(max_size=80))

# Clean paragraphs of words whose every character survives a strict UTF-8 -> Windows-1252
# round trip (”, Á and others contain bytes cp1252 leaves undefined: they are lost, not
# garbled, and no tool can bring them back).
LETTERS = [c for c in "abcdefghijklmnopqrstuvwxyzéèêëàâäçîïôöûüùñóíúãõßøåæ"
           if c.encode("utf-8").decode("cp1252", errors="strict")]
ACCENTED = [c for c in LETTERS if not c.isascii()]
WORD = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=10).map("".join)
NUMBER = st.tuples(st.sampled_from(["", "€", "£"]), st.integers(0, 99999)).map(lambda t: f"{t[0]}{t[1]}")
TOKEN = st.one_of(
    WORD, WORD, WORD, NUMBER,
    st.tuples(WORD, st.sampled_from([",", ".", ";", ":", "’s", "…", " —", "°"])).map("".join),
    WORD.map(lambda w: f"“{w}"),  # “ survives the round trip; ” does not
    WORD.map(lambda w: f"‘{w}’"),
    WORD.map(lambda w: f"«{w}»"),
)
PARAGRAPH = st.lists(TOKEN, min_size=1, max_size=40).map(" ".join)


def _remaining_safe(text: str) -> list[str]:
    result = lint(Document(text), ENCODING_RULES)
    return [d.code for d in result.diagnostics if d.fix is not None and d.fix.is_safe]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_fixing_leaves_no_safely_fixable_encoding_finding(text: str) -> None:
    fixed = fix_document(text, ENCODING_RULES).text
    assert _remaining_safe(fixed) == []


@settings(max_examples=150, deadline=None)
@given(PARAGRAPH, st.sampled_from(ACCENTED))
def test_windows_1252_misdecoding_is_found_and_repaired(paragraph: str, accent: str) -> None:
    original = f"{paragraph} caf{accent} done."  # at least one character to garble
    garbled = original.encode("utf-8").decode("cp1252")
    diagnostics = lint(Document(garbled), ENCODING_RULES).diagnostics
    assert any(d.code == "E101" for d in diagnostics)
    assert fix_document(garbled, ENCODING_RULES).text == original
