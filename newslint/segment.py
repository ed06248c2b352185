"""Sentence segmentation with code-point offsets.

A small rule-based segmenter: a boundary is sentence-final punctuation (plus any closing
quotes or brackets) followed by white space, unless the word before it is a known
abbreviation, an initial, or part of a number. Unlike general-purpose segmenters it also
splits before a lower-case word ("the 70-year-old. year Xi."), because finding such
sentences is one of newslint's jobs. benchmarks/segmenter.py compares it with libraries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

# Abbreviations after which a full stop never ends a sentence (a name or number follows).
NON_TERMINAL_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof sr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt
    messrs mme mlle fr sra srta
    no nos vs v e.g i.e cf approx ca incl est fig figs vol vols pp ch sec art para
    jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave blvd rd p c
    dept univ assoc assn approx tel ext viz resp ed eds op cit
    """.split()
)
# Spellings of those abbreviations that are ordinary words ("could no. longer walk").
_PLAIN_WORDS_TOO = frozenset({"no"})
# Abbreviations that may also end a sentence: they end one only when a capital follows.
TERMINAL_ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u u.s.a a.m p.m inc ltd co corp jr etc al bros plc llc
    d.c l.a n.y n.j
    ala ariz ark calif colo conn del fla ill ind kan md mass mich minn miss mo mont neb nev
    okla ore pa penn tenn tex va vt wash wis wyo ont alta sask
    """.split()
)

_BOUNDARY = regex.compile(
    r"""
    (?P<punct>\.(?:[ ]\.){2,}|[.!?\u2026]+)  # sentence-final punctuation or a spaced ellipsis
    (?P<close>["'\u201d\u2019)\]]*)     # closing quotes or brackets that belong to the sentence
    (?P<space>\s+)                      # white space before the next sentence
    (?=(?P<next>\S))
    """,
    regex.VERBOSE,
)
_PUNCT = re.compile("[.!?\u2026]")
_DOTTED_ACRONYM = regex.compile(r"(?:\p{L}\.)+\p{L}")


@dataclass(slots=True, unsafe_hash=True)  # not frozen: built by the thousand, several times faster
class Span:
    start: int
    end: int


def _word_before(text: str, end: int) -> str:
    # Only look back a bounded distance: keeps segmentation linear on pathological input.
    window = text[max(0, end - 40) : end]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1]


def _is_boundary(text: str, punct_start: int, punct: str, closing: str, next_char: str) -> bool:
    if punct in ("...", "\u2026") or punct.startswith("..") or punct.startswith(". ."):
        # An ellipsis continues the sentence unless a capital follows.
        return next_char.isupper()
    if punct != ".":
        # '"Is it over?" he asked': a quoted question or exclamation inside a sentence.
        return not (closing and next_char.islower())
    word = _word_before(text, punct_start).lstrip("\"'(\u201c\u2018[")
    lowered = word.lower()
    if not word:
        return True
    if lowered in NON_TERMINAL_ABBREVIATIONS and word not in _PLAIN_WORDS_TOO:
        return False
    if lowered in TERMINAL_ABBREVIATIONS:
        return next_char.isupper() or next_char in "\"\u201c"
    # Initials ("J. K. Rowling") are capitals; a lone lower-case letter is a word ("is a.").
    if len(word) == 1 and word.isupper():
        return False
    # Dotted acronyms ("U.S.", "a.k.a.").
    if _DOTTED_ACRONYM.fullmatch(word):
        return next_char.isupper()
    return True


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split `text` into sentence spans (offsets shifted by `offset`), trimming white space."""
    spans: list[Span] = []
    start = 0
    # A boundary needs punctuation, white space and a character after it.
    if _PUNCT.search(text, 0, len(text) - 2) is None:
        _append_trimmed(spans, text, start, len(text), offset)
        return spans
    for match in _BOUNDARY.finditer(text):
        if _is_boundary(text, match.start("punct"), match.group("punct"), match.group("close"),
                        match.group("next")):
            _append_trimmed(spans, text, start, match.end("close"), offset)
            start = match.end("space")
    _append_trimmed(spans, text, start, len(text), offset)
    return spans


def _append_trimmed(spans: list[Span], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start + offset, end + offset))
