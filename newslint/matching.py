"""Phrase matching shared by the declarative packs and by built-in rules.

A phrase list compiles to one Aho-Corasick automaton over case-folded text (linear in the
text, whatever the number of phrases); regex patterns of a list compile to one alternation.
Prefix phrases (a line that *starts with* a widget phrase, "Share on Facebook Share on X")
live in the same automaton, tagged, so a pack stays one matcher.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick
import regex

from newslint.document import Document

# Typographic variants folded before matching, one character for one so offsets hold.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
})


def fold(text: str) -> str:
    """Lower-case and fold quotes, dashes and spaces without changing the length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lower-cases to two code points
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered.translate(_FOLD)


_EDGE_PUNCT = " \t\"'()[]{}<>*•·|:;,.!?-–—_/\\#>»«›‹"
_SPACES = regex.compile(r"\s+")


def normalise_line(text: str) -> str:
    """A block's text as compared with whole-line phrases: folded, trimmed, spaces collapsed."""
    return _SPACES.sub(" ", fold(text)).strip(_EDGE_PUNCT + "\u2022\u00b7")


def block_keys(doc: Document) -> list[str]:
    """normalise_line of every block of `doc`, computed once and shared by all phrase packs."""
    cached = doc.__dict__.get("_block_keys")
    if cached is None:
        cached = [normalise_line(block.text) for block in doc.blocks]
        doc.__dict__["_block_keys"] = cached
    return cached


def _normalise_prefix(text: str) -> str:
    return _SPACES.sub(" ", fold(text)).strip().lstrip(_EDGE_PUNCT + "\u2022\u00b7")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    value: str  # the phrase or pattern that matched, as written in the list


class PhraseMatcher:
    """Find phrases (at word boundaries) and regex patterns in text, or test a whole line."""

    def __init__(self, phrases: Iterable[str] = (), patterns: Iterable[str] = (), *,
                 ignore_case: bool = True, prefixes: Iterable[str] = (),
                 pattern_max_chars: int = 300) -> None:
        self.ignore_case = ignore_case
        # Whole-line patterns describe widget lines, which are short; trying them on long
        # prose blocks only costs time (the longest pattern hit on the dev set is 171 chars).
        self.pattern_max_chars = pattern_max_chars
        self._exact: dict[str, str] = {}
        self._prefix_count = 0
        self._automaton = ahocorasick.Automaton()
        # needle -> (length, phrase as written, is a whole phrase, is a prefix phrase)
        entries: dict[str, tuple[int, str, bool, bool]] = {}
        for phrase in phrases:
            key = normalise_line(phrase) if ignore_case else phrase.strip()
            if not key:
                continue
            self._exact.setdefault(key, phrase)
            needle = fold(phrase.strip()) if ignore_case else phrase.strip()
            old = entries.get(needle)
            entries[needle] = (len(needle), phrase, True, bool(old and old[3]))
        for phrase in prefixes:
            # Compared with the normalised line; a prefix keeps its trailing punctuation
            # ("Related:", "Home »") because that is often what makes it a widget.
            needle = _normalise_prefix(phrase) if ignore_case else phrase.strip()
            if not needle:
                continue
            self._prefix_count += 1
            old = entries.get(needle)
            entries[needle] = (len(needle), old[1] if old else phrase, bool(old and old[2]), True)
        for needle, value in entries.items():
            self._automaton.add_word(needle, value)
        self._has_phrases = bool(entries)
        if self._has_phrases:
            self._automaton.make_automaton()
        pattern_list = list(patterns)
        self._patterns = pattern_list
        flags = regex.IGNORECASE if ignore_case else 0
        self._regex = (
            regex.compile("|".join(f"(?:{p})" for p in pattern_list), flags | regex.V1)
            if pattern_list else None
        )

    def __len__(self) -> int:
        return len(self._exact) + self._prefix_count + len(self._patterns)

    def match_prefix(self, text: str, key: str | None = None) -> str | None:
        """The longest prefix phrase the (normalised) line starts with, ending at a word edge.

        `key` is the line already normalised (see `block_keys`), to save normalising it again.
        """
        if not self._prefix_count:
            return None
        if key is None or not self.ignore_case:
            key = normalise_line(text) if self.ignore_case else text.strip()
        best: tuple[int, str] | None = None
        for last, (length, phrase, _, is_prefix) in self._automaton.iter(key):
            if last + 1 > 120:  # prefixes are short; stop scanning long lines early
                break
            if not is_prefix or last + 1 != length:
                continue
            if length < len(key) and _is_word_char(key[length]) and _is_word_char(key[length - 1]):
                continue
            if best is None or length > best[0]:
                best = (length, phrase)
        return best[1] if best else None

    def match_line(self, text: str, key: str | None = None) -> str | None:
        """The phrase or pattern that the whole (normalised) line is, or None."""
        if key is None or not self.ignore_case:
            key = normalise_line(text) if self.ignore_case else text.strip()
        if key in self._exact:
            return self._exact[key]
        if self._regex is not None and len(key) <= self.pattern_max_chars:
            m = self._regex.fullmatch(text.strip())
            if m is None and key != text.strip():
                m = self._regex.fullmatch(key)
            if m is not None:
                return m.group(0)
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Occurrences inside text[start:end], offsets into `text`, leftmost-longest, no overlaps."""
        end = len(text) if end is None else end
        found: list[Match] = []
        if self._has_phrases:
            haystack = fold(text[start:end]) if self.ignore_case else text[start:end]
            for last, (length, phrase, is_phrase, _) in self._automaton.iter(haystack):
                if not is_phrase:
                    continue
                s, e = start + last - length + 1, start + last + 1
                if (s > 0 and _is_word_char(text[s - 1]) and _is_word_char(text[s])) or \
                        (e < len(text) and _is_word_char(text[e]) and _is_word_char(text[e - 1])):
                    continue
                found.append(Match(s, e, phrase))
        if self._regex is not None:
            for m in self._regex.finditer(text, start, end):
                if m.end() > m.start():
                    found.append(Match(m.start(), m.end(), m.group(0)))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        cursor = -1
        for match in found:
            if match.start >= cursor:
                yield match
                cursor = match.end
