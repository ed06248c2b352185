"""A cheap, shared guess of a document's language, computed once per document.

Many rules reason about English function words, capitalisation or number conventions and
must stay quiet on other languages. A record's declared language (`doc.language`) wins;
otherwise the document's words are counted against stop words of a few languages.

The words are those of `block_words`: every block tokenised once per document with the
shared word definition (`document.WORD`), lower-cased once, and shared with the layout,
which counts stop words and capitals per block from the same lists.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

import re

import regex

from newslint.document import WORD_PATTERN, WORD_REST, WORD_START, Document

# Stop words of the languages scraped news most often comes in; enough to tell them apart.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        the of and to a in is that for it on with as was he she they at by from this be are
        have has but not or an his her their we you i said will would were been had who which
        """.split()),
    "de": frozenset("""der die das und ist nicht mit von den auf ein eine sich auch dem für zu im
        wird sind werden""".split()),
    "es": frozenset("""el la los las que y en por con para una del es se lo como más pero sus
        fue""".split()),
    "fr": frozenset("""le la les et des est que une dans pour pas qui sur au avec du ce sont par
        mais""".split()),
    "it": frozenset("""il di che non una per sono della gli con nel anche è alla dei le si
        ha""".split()),
    "pt": frozenset("""de que não uma os para com do da em por mais as dos como mas ao ele das
        são""".split()),
    "nl": frozenset("""de het een van en niet op te dat zijn met voor ook wordt bij maar om
        dit""".split()),
}

# regex's Unicode property tests are slow; stdlib re runs a class of explicit code point
# ranges fast. Below TABLE_END such classes are spelled out from regex's own tables, so they
# match exactly the same characters there; text with a character at or above TABLE_END
# (CJK, emoji, ...) keeps the regex patterns.
TABLE_END = 0x3000
OUTSIDE_TABLE = re.compile(f"[^\\x00-\\u{TABLE_END - 1:04x}]")
_TABLE_CHARS = "".join(map(chr, range(TABLE_END)))


def spelled_class(pattern: str) -> str:
    """The code points below TABLE_END that the one-character regex `pattern` matches, as
    ranges to put inside a stdlib re class ("[...]")."""
    points = [ord(c) for c in regex.findall(pattern, _TABLE_CHARS)]
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)


LETTERS = spelled_class(r"\p{L}")
NUMBERS = spelled_class(r"\p{N}")
# document.WORD's two character classes, for the same word below TABLE_END.
TABLE_WORD_START = spelled_class(WORD_START)
TABLE_WORD_REST = spelled_class(WORD_REST)
_MIN_VOTES = 3  # fewer stop words than this: too little text to tell


@dataclass(frozen=True)
class LanguageProfile:
    words: int
    english_words: int  # words that are English stop words
    votes: Counter  # stop-word hits per language
    mostly_non_latin: bool

    @property
    def english_share(self) -> float:
        return self.english_words / self.words if self.words else 0.0

    def best(self) -> tuple[str, int] | None:
        """(language, hits) with the most stop-word hits, or None with too few hits."""
        if sum(self.votes.values()) < _MIN_VOTES:
            return None
        return self.votes.most_common(1)[0]


# Which languages each stop word belongs to ("de" is Dutch, Portuguese and Spanish).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in STOPWORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = _LANGUAGES_OF.get(_word, ()) + (_language,)
_LATIN_WORD = regex.compile(r"\p{L}*[a-zA-Z\u00c0-\u024f]")
_NON_LATIN_LETTER = regex.compile(r"[^\P{L}a-zA-Z\u00c0-\u024f]")


# The patterns above with the faster re, for text without characters beyond TABLE_END.
_TABLE_NON_LATIN_LETTER = re.compile(f"[{spelled_class(_NON_LATIN_LETTER.pattern)}]")
_TABLE_LATIN_WORD = re.compile(f"[{LETTERS}]*[a-zA-Z\u00c0-\u024f]")

# The blocks are joined with BREAK and tokenised in one pass: the break is a token of its
# own, and no word holds it.
BREAK = "\x00"
_WORD_OR_BREAK = regex.compile(WORD_PATTERN + "|\x00")
# The same with the faster re, for text without characters beyond TABLE_END.
_TABLE_WORD_OR_BREAK = re.compile(f"[{TABLE_WORD_START}][{TABLE_WORD_REST}]*|\x00")


class BlockWords(NamedTuple):
    tokens: list[str]  # the words of every block in order, BREAK between two blocks
    lowered: list[str]  # each token lower-cased
    table: bool  # no character at or beyond TABLE_END (the faster re patterns apply)


def block_words(doc: Document) -> BlockWords:
    """The words of the document's blocks, tokenised and lower-cased once per document."""
    cached = doc.__dict__.get("_block_words")
    if cached is None:
        joined = BREAK.join([block.text for block in doc.blocks])
        table = OUTSIDE_TABLE.search(joined) is None
        tokens = (_TABLE_WORD_OR_BREAK if table else _WORD_OR_BREAK).findall(joined)
        cached = doc.__dict__["_block_words"] = BlockWords(tokens, list(map(str.lower, tokens)), table)
    return cached


def profile(doc: Document) -> LanguageProfile:
    cached = doc.__dict__.get("_language_profile")
    if cached is None:
        tokens, lowered, table = block_words(doc)
        words = len(tokens) - tokens.count(BREAK)
        votes = _votes(lowered)
        # A word counts as Latin-script when any of its letters is (one C-level match each);
        # a text with no letter outside the Latin script needs no per-word test.
        non_latin = _TABLE_NON_LATIN_LETTER if table else _NON_LATIN_LETTER
        if non_latin.search(doc.text) is None:
            latin = words
        else:  # (a BREAK token is not Latin)
            latin = len(list(filter((_TABLE_LATIN_WORD if table else _LATIN_WORD).match, tokens)))
        cached = LanguageProfile(words, votes["en"], votes, words - latin > latin)
        doc.__dict__["_language_profile"] = cached
    return cached


def _votes(lowered: list[str]) -> Counter[str]:
    """Stop-word hits per language among lower-cased words: each distinct set of languages
    is counted in C first. Languages enter in the order of their first hit (most_common
    breaks ties by it)."""
    votes: Counter[str] = Counter()
    for languages, hits in Counter(filter(None, map(_LANGUAGES_OF.get, lowered))).items():
        for language in languages:
            votes[language] += hits
    return votes


def declared_english(doc: Document) -> bool | None:
    return doc.language.lower().startswith("en") if doc.language else None
