"""Phrase matching shared by the declarative packs and by built-in rules.

A phrase list compiles to one Aho-Corasick automaton over case-folded text (linear in the
text, whatever the number of phrases); regex patterns of a list compile to one alternation.
Prefix phrases (a line that *starts with* a widget phrase, "Share on Facebook Share on X")
live in the same automaton, tagged, so a pack stays one matcher. Whole-line matching runs
over the document's framed lines (newslint/framing.py), once for all packs (_SharedPass).
"""

from __future__ import annotations

import bisect
import math
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick
import regex

from newslint.document import Document
from newslint.framing import END, START, FramedLines, fold, framed_blocks, normalise_line, normalise_prefix
from newslint.pattern_anchors import anchors


def _anchor_needles(patterns: list[str]) -> dict[str, tuple[int, tuple[float, float], int]] | None:
    """The anchor literals of all patterns (see pattern_anchors.anchors), each with its length,
    how far before it a match may start, and a bit mask of the patterns that have it; None
    when a pattern has no known anchors. A literal that starts every match of the patterns
    that have it is looked for only at a line start (framed: START + literal)."""
    reach_of: dict[str, tuple[float, float]] = {}
    starts_match: dict[str, bool] = {}
    mask_of: dict[str, int] = {}
    for i, pattern in enumerate(patterns):
        found = anchors(pattern)
        if found is None:
            return None
        words, reach, at_start = found
        for word in words:  # a word of several patterns: the widest reach
            widest = reach_of.get(word, reach)
            reach_of[word] = (max(widest[0], reach[0]), max(widest[1], reach[1]))
            starts_match[word] = starts_match.get(word, True) and at_start
            mask_of[word] = mask_of.get(word, 0) | 1 << i
    needles = {}
    for word, reach in reach_of.items():
        needle = START + word if starts_match[word] else word
        needles[needle] = (len(needle), reach, mask_of[word])
    return needles or None


def _automaton(needles: dict[str, object]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for needle, value in needles.items():
        automaton.add_word(needle, value)
    if needles:
        automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    value: str  # the phrase or pattern that matched, as written in the list


class PhraseMatcher:
    """Find phrases (at word boundaries) and regex patterns in text, or test whole lines.

    Whole-line tests (`match_blocks`, `match_line`) know three kinds of hit, strongest first:
    the line *is* a phrase (after normalise_line), the line fully matches a pattern, or the
    line starts with a prefix phrase that ends at a word edge.
    """

    def __init__(self, phrases: Iterable[str] = (), patterns: Iterable[str] = (), *,
                 ignore_case: bool = True, prefixes: Iterable[str] = (),
                 pattern_max_chars: int = 300) -> None:
        self.ignore_case = ignore_case
        self._exact: dict[str, str] = {}
        self._prefix_count = 0
        self._automaton = ahocorasick.Automaton()  # phrases anywhere (match: inside)
        # framed whole lines and prefixes -> (needle length, phrase, is a prefix)
        self._line_needles: dict[str, tuple[int, str, bool]] = {}
        for phrase in phrases:
            key = normalise_line(phrase) if ignore_case else phrase.strip()
            if not key:
                continue
            self._exact.setdefault(key, phrase)
            needle = fold(phrase.strip()) if ignore_case else phrase.strip()
            self._automaton.add_word(needle, (len(needle), phrase))
            self._line_needles[START + key + END] = (len(key) + 2, phrase, False)
        for phrase in prefixes:
            # Compared with the normalised line; a prefix keeps its trailing punctuation
            # ("Related:", "Home »") because that is often what makes it a widget.
            needle = normalise_prefix(phrase) if ignore_case else phrase.strip()
            if not needle:
                continue
            self._prefix_count += 1
            self._line_needles[START + needle] = (len(needle) + 1, phrase, True)
        if len(self._automaton):
            self._automaton.make_automaton()
        self._line_automaton = _automaton(self._line_needles)
        pattern_list = list(patterns)
        self._patterns = pattern_list
        flags = (regex.IGNORECASE if ignore_case else 0) | regex.V1
        alternation = "|".join(f"(?:{p})" for p in pattern_list)
        self._regex = regex.compile(alternation, flags) if pattern_list else None
        # Whole-line patterns describe widget lines, which are short; trying them on long
        # prose lines only costs time (the longest pattern hit on the dev set is 171 chars).
        # The length test runs only where the patterns match (the first lookahead): most lines
        # fail the patterns on their first characters, sooner than the length test would pass.
        # Same matches as testing the length first, as lookaheads consume nothing.
        self._flags = flags
        self._pattern_max_chars = pattern_max_chars
        self._line_regex = self._line_regex_of(pattern_list) if pattern_list else None
        self._pattern_line_regexes: dict[int, regex.Pattern] = {}  # by pattern index
        self._line_regexes: dict[int, tuple[regex.Pattern, ...]] = {}  # by a bit mask of the patterns
        self._anchor_needles = _anchor_needles(pattern_list) if ignore_case else None
        self._anchors = _automaton(self._anchor_needles) if self._anchor_needles else None
        self._slot: int | None = None  # in _SHARED
        if ignore_case:  # join now: a join after documents were scanned makes them scanned again
            _SHARED.join(self)

    def _line_regex_of(self, patterns: list[str]) -> regex.Pattern:
        alternation = "|".join(f"(?:{p})" for p in patterns)
        return regex.compile(
            f"{START}(?=(?:{alternation}){END})(?=[^{END}]{{0,{self._pattern_max_chars}}}{END})"
            f"(?:{alternation}){END}", self._flags,
        )

    def _line_regexes_for(self, mask: int) -> tuple[regex.Pattern, ...]:
        """The line regexes of the patterns in the bit mask, each compiled when first needed.

        On a line where the other patterns cannot match, the first of these that matches
        matches as the line regex of all patterns does: an alternation takes the first of its
        branches that matches. (No backreferences: they leave a pattern without anchors.)
        """
        found = self._line_regexes.get(mask)
        if found is None:
            found = self._line_regexes[mask] = tuple(
                self._pattern_line_regex(i) for i in range(len(self._patterns)) if mask >> i & 1)
        return found

    def _pattern_line_regex(self, i: int) -> regex.Pattern:
        if len(self._patterns) == 1:
            return self._line_regex
        if i not in self._pattern_line_regexes:
            self._pattern_line_regexes[i] = self._line_regex_of([self._patterns[i]])
        return self._pattern_line_regexes[i]

    def __len__(self) -> int:
        return len(self._exact) + self._prefix_count + len(self._patterns)

    def match_blocks(self, doc: Document) -> dict[int, tuple[str, bool]]:
        """Block index -> (phrase or pattern text, is a prefix hit) for the document's blocks."""
        framed = framed_blocks(doc)
        if not self.ignore_case:
            return self._match_framed(framed)
        return self._match_framed(framed, shared=_SHARED.hits(doc, framed, self))

    def match_line(self, text: str) -> str | None:
        """The phrase or pattern that the whole line is (not a prefix), or None."""
        hit = self._match_framed(FramedLines.of([text])).get(0)
        return hit[0] if hit and not hit[1] else None

    def match_prefix(self, text: str) -> str | None:
        """The longest prefix phrase the line starts with (ending at a word edge), or None."""
        hit = self._match_framed(FramedLines.of([text]), patterns=False, exact=False).get(0)
        return hit[0] if hit else None

    def _match_framed(self, framed: FramedLines, *, patterns: bool = True, exact: bool = True,
                      shared: _Hits | None = None) -> dict[int, tuple[str, bool]]:
        """`shared`: this matcher's automaton hits in the framed lines, found by _SHARED."""
        hits: dict[int, tuple[str, bool]] = {}
        prefix_length: dict[int, int] = {}
        text, starts = (framed.keys, framed.key_starts) if self.ignore_case else (framed.raw, framed.raw_starts)
        if shared is not None or len(self._line_automaton):
            line_hits = shared[0] if shared is not None else self._line_automaton.iter(text)
            for last, (length, phrase, is_prefix) in line_hits:
                line = bisect.bisect_right(starts, last - length + 1) - 1
                if not is_prefix:
                    if exact:
                        hits[line] = (phrase, False)
                    continue
                after = text[last + 1]
                if after != END and _is_word_char(after) and _is_word_char(text[last]):
                    continue  # "Share on" must not match "Share online"
                if length > prefix_length.get(line, 0):
                    prefix_length[line] = length
                    hits.setdefault(line, (phrase, True))
                    if hits[line][1]:
                        hits[line] = (phrase, True)
        if patterns and self._line_regex is not None:
            # The keys are lower-cased, and hold no character the raw lines do not.
            altered_lowered = framed.altered_keys if framed.raw_lowered is not None else None
            scans = ((framed.raw, framed.raw_lowered, framed.raw_starts, None, 1),
                     (framed.altered_keys, altered_lowered, framed.altered_starts, framed.altered_lines, 2))
            for joined, lowered, line_starts, line_of, i in scans:
                anchor_hits = None if shared is None or lowered is None else shared[i]
                for m in self._line_matches(joined, lowered, line_starts, anchor_hits):
                    line = bisect.bisect_right(line_starts, m.start()) - 1
                    if line_of is not None:
                        line = line_of[line]
                    if line not in hits or hits[line][1]:
                        hits[line] = (m.group(0)[1:-1], False)
        return hits

    def _line_matches(self, joined: str, lowered: str | None, starts: list[int],
                      anchor_hits: list[tuple[int, tuple[int, tuple[float, float], int]]] | None) -> Iterator[regex.Match]:
        """The line regex's finditer over `joined`, tried only on lines near an anchor literal.

        `lowered` is `joined` lower-cased (same offsets), holding no character that case-folds
        to ASCII letters: a case-insensitive ASCII literal of a pattern shows there as itself,
        so lines without one of a pattern's anchors cannot start a match of it. `anchor_hits`:
        the anchors found in `lowered`, when already known.
        """
        lines = None
        if self._anchors is not None and lowered is not None:
            lines = self._candidate_lines(anchor_hits if anchor_hits is not None else self._anchors.iter(lowered), starts)
        if lines is None:
            yield from self._line_regex.finditer(joined)
            return
        cursor, ends = 0, starts[1:] + [len(joined)]
        for line in sorted(lines):
            # finditer resumes after the previous match; a match starts on a short line
            if starts[line] >= cursor and ends[line] - starts[line] - 3 <= self._pattern_max_chars:
                for line_regex in self._line_regexes_for(lines[line]):
                    m = line_regex.match(joined, starts[line])
                    if m:
                        cursor = m.end()
                        yield m
                        break

    @staticmethod
    def _candidate_lines(anchor_hits: Iterable[tuple[int, tuple[int, tuple[float, float], int]]],
                         starts: list[int]) -> dict[int, int] | None:
        """The lines a match can start on, given the anchors found, each with a bit mask of
        the patterns that can match there; None: any line, any pattern."""
        lines: dict[int, int] = {}
        for last_char, (length, (chars, line_chars), mask) in anchor_hits:
            at = last_char - length + 1
            last = bisect.bisect_right(starts, at) - 1
            if not line_chars:  # on the literal's line
                lines[last] = lines.get(last, 0) | mask
                continue
            bound = max(at - 1 - chars, starts[last] - line_chars)
            if bound == -math.inf:
                return None
            for line in range(bisect.bisect_left(starts, bound), last + 1):
                lines[line] = lines.get(line, 0) | mask
        return lines

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Occurrences inside text[start:end], offsets into `text`, leftmost-longest, no overlaps."""
        end = len(text) if end is None else end
        found: list[Match] = []
        if len(self._automaton):
            haystack = fold(text[start:end]) if self.ignore_case else text[start:end]
            for last, (length, phrase) in self._automaton.iter(haystack):
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


# A matcher's hits in a document, as its own automata would give them: (end, value) pairs in
# the framed keys (line needles), in the lower-cased lines and in the altered keys (anchors).
_Hits = tuple[list, list, list]
_NO_HITS: _Hits = ([], [], [])


class _SharedPass:
    """The line needles of every live case-insensitive matcher in one automaton, and their
    pattern anchors in another, so that a document's framed lines are scanned once for all
    packs, not once per pack.

    Each needle carries the slots of the matchers it belongs to, and each matcher is handed
    only its own hits: packs stay independent rules (selected, configured and ignored per
    file on their own), and a pack that is not instantiated adds nothing to the scan.
    """

    def __init__(self) -> None:
        self._members: dict[int, weakref.ref[PhraseMatcher]] = {}
        self._joined = 0  # matchers that ever joined: a document scanned before a join is scanned again
        self._automata: tuple[ahocorasick.Automaton, ahocorasick.Automaton] | None = None

    def join(self, matcher: PhraseMatcher) -> int:
        """The matcher's slot; it joins if it is new here (or was unpickled in another process)."""
        slot = matcher._slot
        member = self._members.get(slot) if slot is not None else None
        if member is None or member() is not matcher:
            slot = matcher._slot = self._joined
            self._members[slot] = weakref.ref(matcher)
            self._joined += 1
            self._automata = None
        return slot

    def hits(self, doc: Document, framed: FramedLines, matcher: PhraseMatcher) -> _Hits:
        slot = self.join(matcher)
        cached = doc.__dict__.get("_shared_hits")
        if cached is None or cached[0] != self._joined:
            cached = (self._joined, self._scan(framed))
            doc.__dict__["_shared_hits"] = cached
        return cached[1].get(slot, _NO_HITS)

    def _scan(self, framed: FramedLines) -> dict[int, _Hits]:
        if self._automata is None:
            self._members = {slot: ref for slot, ref in self._members.items() if ref() is not None}
            self._automata = (self._build(lambda m: m._line_needles),
                              self._build(lambda m: m._anchor_needles or {}))
        line_automaton, anchor_automaton = self._automata
        found: dict[int, _Hits] = {}
        scans = [(0, line_automaton, framed.keys)]
        if framed.raw_lowered is not None:
            scans += [(1, anchor_automaton, framed.raw_lowered), (2, anchor_automaton, framed.altered_keys)]
        for kind, automaton, text in scans:
            if not len(automaton):
                continue
            for last, entries in automaton.iter(text):
                for slot, value in entries:
                    if slot not in found:
                        found[slot] = ([], [], [])
                    found[slot][kind].append((last, value))
        return found

    def _build(self, needles_of: Callable[[PhraseMatcher], dict[str, Any]]) -> ahocorasick.Automaton:
        entries: dict[str, list[tuple[int, Any]]] = {}
        for slot, ref in self._members.items():
            matcher = ref()
            if matcher is not None:
                for needle, value in needles_of(matcher).items():
                    entries.setdefault(needle, []).append((slot, value))
        return _automaton({needle: tuple(values) for needle, values in entries.items()})


_SHARED = _SharedPass()
