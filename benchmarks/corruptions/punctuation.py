"""Punctuation defects injected into clean text: lost quotes and brackets, nested and mixed
quotes, spacing slips and doubled marks."""

from __future__ import annotations

import random

import regex

from benchmarks.corruptions import Corruption, Injected, choose_match as _choice, replace_span as _replace, rewrite_match

_CURLY_PAIR = regex.compile(r"\u201c[^\u201c\u201d\n]{3,300}\u201d")
_PAREN_PAIR = regex.compile(r"\([^()\n]{2,200}\)")
_WORD_START = regex.compile(r"(?<= )(?=\p{Latin}{3,}\b)")
_WORD_END = regex.compile(r"(?<=\b\p{Latin}{3,})(?= )")
_INNER_WORD = regex.compile(r"(?<= )\p{Latin}{4,}(?= )")


def _drop_closing_quote(text: str, rng: random.Random) -> Injected | None:
    pair = _choice(rng, _CURLY_PAIR, text)
    if pair is None:
        return None
    end = pair.end() - 1
    return Injected(text[:end] + text[end + 1:], pair.start(), end)


def _drop_opening_quote(text: str, rng: random.Random) -> Injected | None:
    pair = _choice(rng, _CURLY_PAIR, text)
    if pair is None:
        return None
    start = pair.start()
    return Injected(text[:start] + text[start + 1:], start, pair.end() - 1)


def _unclosed_single_quote(text: str, rng: random.Random) -> Injected | None:
    if "\u2018" in text:
        return None  # keep the test about the injected quote alone
    at = _choice(rng, _WORD_START, text)
    if at is None:
        return None
    return _replace(text, at.start(), at.start(), "\u2018")


def _drop_closing_bracket(text: str, rng: random.Random) -> Injected | None:
    pair = _choice(rng, _PAREN_PAIR, text)
    if pair is None:
        at = _choice(rng, _WORD_START, text)
        return None if at is None else _replace(text, at.start(), at.start(), "(")
    end = pair.end() - 1
    return Injected(text[:end] + text[end + 1:], pair.start(), end)


def _stray_closing_bracket(text: str, rng: random.Random) -> Injected | None:
    at = _choice(rng, _WORD_END, text)
    if at is None:
        return None
    return _replace(text, at.start(), at.start(), ")")


def _nested_quotes(text: str, rng: random.Random) -> Injected | None:
    pair = _choice(rng, _CURLY_PAIR, text)
    if pair is None:
        return None
    word = _choice(rng, _INNER_WORD, pair.group())
    if word is None:
        return None
    start, end = pair.start() + word.start(), pair.start() + word.end()
    return _replace(text, start, end, f"\u201c{word.group()}\u201d")


def _mixed_quotes(text: str, rng: random.Random) -> Injected | None:
    pairs = list(_CURLY_PAIR.finditer(text))
    if '"' in text or len(pairs) < 2:
        return None  # one straight pair among curly ones, so it is the rarer style
    pair = rng.choice(pairs)
    return _replace(text, pair.start(), pair.end(), f'"{pair.group()[1:-1]}"')


_space_before = rewrite_match(regex.compile(r"(?<=\p{L})[,.;:!?](?= \p{L})"), lambda mark, rng: " " + mark)
_no_space_after = rewrite_match(regex.compile(r"(?<=\p{L})[,;:!?] (?=\p{L})"), lambda found, rng: found[0])
_doubled = rewrite_match(regex.compile(r"(?<=\p{L})[,.](?= )"), lambda mark, rng: mark * 2)
_exclamations = rewrite_match(regex.compile(r"(?<=\p{L})\.(?= \p{Lu})"), lambda mark, rng: rng.choice(["!!", "!!!", "??"]))
_space_run = rewrite_match(regex.compile(r"(?<=\S) (?=\S)"), lambda space, rng: " " * rng.randint(2, 5))


CORRUPTIONS = [
    Corruption("lost closing double quote", frozenset({"P101"}), _drop_closing_quote),
    Corruption("lost opening double quote", frozenset({"P101"}), _drop_opening_quote),
    Corruption("unclosed single quote", frozenset({"P103"}), _unclosed_single_quote),
    Corruption("lost closing bracket", frozenset({"P104"}), _drop_closing_bracket),
    Corruption("stray closing bracket", frozenset({"P104"}), _stray_closing_bracket),
    Corruption("nested double quotes", frozenset({"P102"}), _nested_quotes),
    Corruption("mixed quote styles", frozenset({"P105"}), _mixed_quotes),
    Corruption("space before punctuation", frozenset({"P106"}), _space_before),
    Corruption("no space after punctuation", frozenset({"P107"}), _no_space_after),
    Corruption("doubled punctuation", frozenset({"P108"}), _doubled),
    Corruption("repeated ! or ?", frozenset({"P109"}), _exclamations),
    Corruption("run of spaces", frozenset({"P110"}), _space_run),
]
