"""Sentence defects: a stray full stop before a lower-case word, two sentences glued
without a space, a doubled word, and a one- or two-word fragment stranded between sentences."""

from __future__ import annotations

import random

import regex

from benchmarks.corruptions import Corruption, Injected
from benchmarks.injection_text import WORD, english, prose_lines
from newslint.checks.sentence_repeats import LEGITIMATE_REPEATS

_LOWER_WORD_AFTER_SPACE = regex.compile(r"(?<=\p{Ll}) (?=\p{Ll}+\b)")
_SENTENCE_GAP = regex.compile(r"(?<=\p{Ll}{2}\.) (?=\p{Lu}\p{Ll})")
_PLAIN_WORD = regex.compile(r"(?<![\p{L}\p{N}'\u2019\-])\p{Ll}+(?![\p{L}\p{N}'\u2019\-])")


def _pick(text: str, rng: random.Random, pattern: regex.Pattern, min_words: int = 8) -> list:
    matches = [m for s, e in prose_lines(text, min_words) for m in pattern.finditer(text, s, e)]
    rng.shuffle(matches)
    return matches


def stray_full_stop(text: str, rng: random.Random) -> Injected | None:
    """A full stop inside a sentence, before a lower-case word ("the volunteers. who had")."""
    if not english(text):
        return None
    for match in _pick(text, rng, _LOWER_WORD_AFTER_SPACE, 12):
        before = WORD.findall(text[max(0, match.start() - 200):match.start()])
        after = WORD.findall(text[match.end():match.end() + 200])
        # Keep at least three words on each side so the split-off part is a sentence, not a fragment.
        if len(before) >= 3 and len(after) >= 3 and not regex.search(r"[.!?]\s*\S*$", text[match.start() - 30:match.start()]):
            pos = match.start()
            return Injected(text[:pos] + "." + text[pos:], pos, pos + 2)
    return None


def glued_sentences(text: str, rng: random.Random) -> Injected | None:
    """The space after a full stop is lost ("narrowly.Opponents")."""
    matches = _pick(text, rng, _SENTENCE_GAP)
    if not matches:
        return None
    pos = matches[0].start()
    return Injected(text[:pos] + text[pos + 1:], pos - 1, pos + 1)


def repeated_word(text: str, rng: random.Random) -> Injected | None:
    """A lower-case word is written twice ("plans to to raise")."""
    if not english(text):
        return None
    for match in _pick(text, rng, _PLAIN_WORD):
        if match.group() not in LEGITIMATE_REPEATS:
            word = match.group()
            return Injected(text[:match.end()] + " " + word + text[match.end():], match.start(), match.end() + 1 + len(word))
    return None


def stranded_fragment(text: str, rng: random.Random) -> Injected | None:
    """One or two words copied from elsewhere land between two sentences ("old. year Xi.")."""
    if not english(text):
        return None
    gaps = _pick(text, rng, _SENTENCE_GAP)
    words = [m for s, e in prose_lines(text) for m in _PLAIN_WORD.finditer(text, s, e)]
    if not gaps or len(words) < 2:
        return None
    first = rng.randrange(len(words) - 1)
    fragment = " ".join(m.group() for m in words[first:first + rng.choice((1, 2))]) + "."
    pos = gaps[0].end()
    return Injected(text[:pos] + fragment + " " + text[pos:], pos, pos + len(fragment))


CORRUPTIONS = [
    Corruption("sentence: stray full stop", frozenset({"S001", "S004"}), stray_full_stop),
    Corruption("sentence: glued sentences", frozenset({"S002"}), glued_sentences),
    Corruption("sentence: repeated word", frozenset({"S003"}), repeated_word),
    Corruption("sentence: stranded fragment", frozenset({"S004"}), stranded_fragment),
]
