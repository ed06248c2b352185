"""Encoding defects injected into clean text: mojibake, HTML debris, invisible characters."""

from __future__ import annotations

import random

import ftfy  # noqa: F401 - registers the "sloppy-windows-1252" codec
import regex

from benchmarks.corruptions import Corruption, Injected, choose_match as _choice, replace_span as _replace

_LINE = regex.compile(r"[^\n]+")
_LATIN_WORD = regex.compile(r"\b\p{Latin}{5,}\b")
_WORD_GAP = regex.compile(r"(?<=\p{L}) (?=\p{L})")
_RTL = regex.compile(r"[\p{Script=Hebrew}\p{Script=Arabic}]")


def _misdecode(codec: str):
    def apply(text: str, rng: random.Random) -> Injected | None:
        lines = [m for m in _LINE.finditer(text) if not m.group().isascii()]
        if not lines:
            return None
        line = rng.choice(lines)
        garbled = line.group().encode("utf-8").decode(codec)
        return _replace(text, line.start(), line.end(), garbled)
    return apply


def _entity(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, regex.compile(r"[&’“”—–'\"]| and "), text)
    if match is None:
        return None
    entity = {"&": "&amp;", "’": "&#8217;", "“": "&ldquo;", "”": "&#x201D;", "—": "&mdash;",
              "–": "&ndash;", "'": "&#39;", '"': "&quot;", " and ": " &amp; "}[match.group()]
    return _replace(text, match.start(), match.end(), entity)


def _tag(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, regex.compile(r"(?<=\. )(?=\p{Lu})|\b(?=\p{L}{4,}\b)"), text)
    if match is None:
        return None
    tag = rng.choice(["</p><p>", "<br>", "<strong>", "</span>", '<a href="/news/">', "<!-- ad -->"])
    return _replace(text, match.start(), match.start(), tag)


def _template(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, regex.compile(r"(?<=\. )(?=\p{Lu})"), text)
    if match is None:
        return None
    debris = rng.choice([
        '[caption id="attachment_4411" align="aligncenter" width="640"]A view of the square[/caption] ',
        "[embed]https://www.youtube.com/watch?v=abc123[/embed] ",
        "{{ author.name }} ",
        '[gallery ids="12,13,14"] ',
        "![photo](https://cdn.example.com/img/1.jpg) ",
    ])
    return _replace(text, match.start(), match.start(), debris)


def _control(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, _LATIN_WORD, text)
    if match is None:
        return None
    at = match.start() + rng.randrange(1, len(match.group()))
    return _replace(text, at, at, rng.choice("\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f"))


def _invisible(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, _LATIN_WORD, text)
    if match is None:
        return None
    choices = "\u00ad\u200b\u200d\u2060\ufeff" + ("" if _RTL.search(text) else "\u200e\u202e")
    at = match.start() + rng.randrange(1, len(match.group()))
    return _replace(text, at, at, rng.choice(choices))


def _space(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, _WORD_GAP, text)
    if match is None:
        return None
    odd = rng.choice(["\u2003", "\u2002", "\u200a", "\u3000", "\u00a0\u00a0", " \u00a0", "\u2028"])
    return _replace(text, match.start(), match.end(), odd)


def _lost(text: str, rng: random.Random) -> Injected | None:
    match = _choice(rng, regex.compile(r"[^\x00-\x7f\s]|(?<=\p{L})\p{L}(?=\p{L})"), text)
    if match is None:
        return None
    return _replace(text, match.start(), match.end(), "\ufffd")


CORRUPTIONS = [
    Corruption("mojibake (utf-8 read as cp1252)", frozenset({"E101"}), _misdecode("sloppy-windows-1252")),
    Corruption("mojibake (utf-8 read as latin-1)", frozenset({"E101"}), _misdecode("latin-1")),
    Corruption("html entity", frozenset({"E102"}), _entity),
    Corruption("html tag", frozenset({"E103"}), _tag),
    Corruption("template/shortcode debris", frozenset({"E104"}), _template),
    Corruption("control character", frozenset({"E105"}), _control),
    Corruption("invisible character", frozenset({"E106"}), _invisible),
    Corruption("unusual space", frozenset({"E107"}), _space),
    Corruption("replacement character", frozenset({"E108"}), _lost),
]
