"""Literals every match of a pack pattern must contain, to skip lines where it cannot match.

A small, conservative reading of the pattern syntax the packs use: anything it does not
know (ranges, nested sets, most escapes, flags other than (?-i:...)) gives no anchors, and
the pattern is then tried on every line as before. "Frame" below is a control character,
such as the \x02/\x03 that frame lines in matching.FramedLines.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass


class Unsupported(Exception):
    pass


@dataclass(frozen=True)
class Info:
    maxlen: int | None  # most characters a match spans (None: unbounded)
    x03: bool  # can match a frame character
    # literals one of which every match holds, with the most characters before it, whether
    # those can hold a frame character, and the most characters before it up to the last
    # that can; None when no such set is known
    anchors: tuple[frozenset[str], int | None, bool, int | None] | None = None
    char: str | None = None  # a plain literal character (joins neighbours into a word)


_SAFE_ESCAPES = set("sdw")  # classes that never match a control character
_NEGATED_ESCAPES = set("SDW")  # classes that do
# Non-ASCII characters that only ever match themselves, ignoring case: no character's lower,
# upper, title or case-folded form holds them (checked over all of Unicode).
_CASELESS = set("©®™°")
_ZERO = set("bBAZ")
# Escapes spelling one character in hex ("\\u2013"), with their number of digits.
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_HEX = set("0123456789abcdefABCDEF")
_SAFE_PROPS = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "N", "Nd", "M", "Mn"}


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p, self.i = pattern, 0

    def peek(self, n: int = 1) -> str:
        return self.p[self.i:self.i + n]

    def alternation(self, literal_ok: bool) -> Info:
        branches = [self.sequence(literal_ok)]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence(literal_ok))
        maxlen = 0
        for b in branches:
            maxlen = None if maxlen is None or b.maxlen is None else max(maxlen, b.maxlen)
        anchors = None
        if all(b.anchors for b in branches):
            words = frozenset().union(*(b.anchors[0] for b in branches))
            before, crossing = 0, 0
            for b in branches:
                before = None if before is None or b.anchors[1] is None else max(before, b.anchors[1])
                crossing = None if crossing is None or b.anchors[3] is None else max(crossing, b.anchors[3])
            anchors = (words, before, any(b.anchors[2] for b in branches), crossing)
        return Info(maxlen, any(b.x03 for b in branches), anchors)

    def sequence(self, literal_ok: bool) -> Info:
        items: list[Info] = []
        while self.i < len(self.p) and self.peek() not in "|)":
            items.append(self.quantified(literal_ok))
        # Join runs of plain literal characters into words.
        merged: list[Info] = []
        for item in items:
            if item.char is not None and merged and merged[-1].char is not None:
                word = merged[-1].char + item.char
                merged[-1] = Info(len(word), False, (frozenset([word]), 0, False, 0) if literal_ok else None, word)
            else:
                merged.append(item)
        # crossing: the most characters up to the end of the last item that can cross lines
        before, crosses, crossing, best, best_rank = 0, False, 0, None, (False, 0)
        for item in merged:
            if item.anchors is not None:
                words, inner, inner_x03, inner_crossing = item.anchors
                candidate = (words, _add(before, inner), crosses or inner_x03,
                             _add(before, inner_crossing) if inner_x03 else crossing)
                # Best: one that bounds where the match starts (not after an unbounded run
                # that can cross lines), then the longest shortest word.
                rank = (not candidate[2] or candidate[1] is not None or candidate[3] is not None,
                        min(map(len, words)))
                if best is None or rank > best_rank:
                    best, best_rank = candidate, rank
            before = _add(before, item.maxlen)
            crosses = crosses or item.x03
            if item.x03:
                crossing = before
        maxlen = 0
        for item in merged:
            maxlen = _add(maxlen, item.maxlen)
        return Info(maxlen, crosses, best)

    def quantified(self, literal_ok: bool) -> Info:
        atom = self.atom(literal_ok)
        c = self.peek()
        if c in ("?", "*", "+"):
            self.i += 1
            low, high = (0, 1) if c == "?" else (0, None) if c == "*" else (1, None)
        elif c == "{":
            end = self.p.index("}", self.i)
            body = self.p[self.i + 1:end]
            parts = body.split(",")
            if len(parts) > 2 or not all(x.isdigit() for x in parts if x) or not parts[0]:
                raise Unsupported(body)
            low = int(parts[0])
            high = low if len(parts) == 1 else (int(parts[1]) if parts[1] else None)
            self.i = end + 1
        else:
            return atom
        if self.peek() in ("?", "+"):
            self.i += 1
        maxlen = None if high is None or atom.maxlen is None else high * atom.maxlen
        return Info(maxlen, atom.x03, atom.anchors if low >= 1 else None)

    def atom(self, literal_ok: bool) -> Info:
        c = self.p[self.i]
        self.i += 1
        if c == "(":
            return self.group(literal_ok)
        if c == "[":
            return self.char_class()
        if c == ".":
            return Info(1, True)
        if c in "^$":
            return Info(0, False)
        if c == "\\":
            return self.escape(literal_ok)
        if c in "*+?{}])":
            raise Unsupported(c)
        if ord(c) < 32:
            return Info(1, True)
        return Info(1, False, (frozenset([c]), 0, False, 0) if literal_ok else None, c if literal_ok else None)

    def escape(self, literal_ok: bool) -> Info:
        c = self.p[self.i]
        self.i += 1
        if c in _SAFE_ESCAPES:
            return Info(1, False)
        if c in _NEGATED_ESCAPES:
            return Info(1, True)
        if c in _ZERO:
            return Info(0, False)
        if c == "p":
            self.prop()
            return Info(1, False)
        if c in _HEX_DIGITS:
            c = self.hex_char(c)
            if ord(c) < 32:
                return Info(1, True)
        elif c.isalnum():
            raise Unsupported("\\" + c)
        return Info(1, False, (frozenset([c]), 0, False, 0) if literal_ok else None, c if literal_ok else None)

    def hex_char(self, kind: str) -> str:
        """The character of a \\xHH, \\uHHHH or \\UHHHHHHHH escape (`kind` is x, u or U)."""
        digits = self.p[self.i:self.i + _HEX_DIGITS[kind]]
        if len(digits) != _HEX_DIGITS[kind] or not all(d in _HEX for d in digits):
            raise Unsupported("\\" + kind + digits)
        self.i += len(digits)
        return chr(int(digits, 16))

    def prop(self) -> None:
        if self.peek() != "{":
            raise Unsupported("\\p")
        end = self.p.index("}", self.i)
        if self.p[self.i + 1:end] not in _SAFE_PROPS:
            raise Unsupported(self.p[self.i:end])
        self.i = end + 1

    def char_class(self) -> Info:
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        first = True
        x03 = negated
        while True:
            c = self.p[self.i]
            if c == "]" and not first:
                self.i += 1
                return Info(1, x03)
            leading, first = first, False
            self.i += 1
            if c == "[":
                raise Unsupported("nested set")
            if c == "\\":
                e = self.p[self.i]
                self.i += 1
                if e == "p":
                    self.prop()
                elif e in _HEX_DIGITS:
                    x03 = x03 or ord(self.hex_char(e)) < 32
                elif e in _NEGATED_ESCAPES:
                    x03 = True
                elif e.isalnum() and e not in _SAFE_ESCAPES:
                    raise Unsupported("\\" + e)
            elif c == "-" and self.peek() != "]" and not leading:  # a range
                raise Unsupported("range")
            elif ord(c) < 32:
                x03 = True

    def group(self, literal_ok: bool) -> Info:
        lookaround = False
        if self.peek() == "?":
            self.i += 1
            c = self.p[self.i]
            if c == ":":
                self.i += 1
            elif c in "=!":
                self.i += 1
                lookaround = True
            elif c == "<" and self.peek(2)[1:] in ("=", "!"):
                self.i += 2
                lookaround = True
            elif c == "-":  # (?-i:...) only takes flags away
                end = self.p.index(":", self.i)
                if self.p[self.i + 1:end] != "i":
                    raise Unsupported("flags")
                self.i = end + 1
            else:
                raise Unsupported("(?" + c)
        inner = self.alternation(literal_ok)
        if self.peek() != ")":
            raise Unsupported("unclosed group")
        self.i += 1
        return Info(0, False) if lookaround else inner


def anchors(pattern: str) -> tuple[frozenset[str], tuple[float, float], bool] | None:
    """Lower-case literals (ASCII, or _CASELESS) one of which every match of `pattern` holds;
    where a match can start: (at most n characters before the literal, at most m characters
    before the start of the literal's framed line; math.inf: unbounded), so (inf, 0) is on
    the same line; and whether the literal starts every match. None if unknown."""
    try:
        parser = _Parser(pattern)
        info = parser.alternation(True)
        if parser.i != len(pattern):
            raise Unsupported("trailing")
    except (Unsupported, IndexError, ValueError):
        return None
    if info.anchors is None:
        return None
    words, before, x03, crossing = info.anchors
    # A literal with other characters ("réaction") is anchored by its longest run of ASCII
    # (or _CASELESS) characters ("action"), which starts up to `shift` characters into it.
    parts = [_plain_part(word) for word in words]
    if any(part is None for part in parts):
        return None
    words = frozenset(part for part, _ in parts)
    shift = max(offset for _, offset in parts)
    before, crossing = _add(before, shift), _add(crossing, shift)
    # A part of a match that cannot cross a frame lies on one line: only the characters up
    # to the last part that can cross may reach back over earlier lines.
    line = 0 if not x03 else math.inf if crossing is None else crossing
    reach = (math.inf if before is None else before, line)
    return frozenset(w.lower() for w in words), reach, before == 0


def _plain_part(word: str) -> tuple[str, int] | None:
    """The longest run of ASCII or _CASELESS characters in `word`, and where it starts."""
    runs = list(_PLAIN_RUN.finditer(word))
    if not runs:
        return None
    longest = max(runs, key=lambda m: len(m.group()))  # the first of the longest
    return longest.group(), longest.start()


_PLAIN_RUN = re.compile("[\x00-\x7f" + "".join(sorted(_CASELESS)) + "]+")
