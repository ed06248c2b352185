"""Lines framed for whole-line matching, and the folding both sides of a match go through.

Whole-line phrase packs ("Share on Facebook" as a line of its own) compare normalised lines:
lower-cased, quotes, dashes and spaces folded, edge punctuation trimmed. `framed_blocks`
frames each block of a document as START + line + END, joins them, and caches the result on
the document, so every pack scans one string: a needle that begins with START can only match
at a line start, one that ends with END only at a line end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

import regex

from newslint.document import Document

# Typographic variants folded before matching, one character for one so offsets hold.
_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
}


def fold(text: str) -> str:
    """Lower-case and fold quotes, dashes and spaces without changing the length."""
    lowered = text.lower()
    if len(lowered) != len(text):  # e.g. "İ" lower-cases to two code points
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _fold_marks(lowered)


def _fold_marks(text: str) -> str:
    # Faster than str.translate: a text holds few of the folded characters.
    for source, target in _FOLD.items():
        if source in text:
            text = text.replace(source, target)
    return text


# Trimmed from both ends of a line before whole-line comparison.
_EDGE_CHARS = " \t\"'()[]{}<>*•·|:;,.!?-–—_/\\#>»«›‹"
_SPACES = regex.compile(r"\s+")


def normalise_line(text: str) -> str:
    """A block's text as compared with whole-line phrases: folded, trimmed, spaces collapsed."""
    return _SPACES.sub(" ", fold(text)).strip(_EDGE_CHARS)


START, END = "\x02", "\x03"


@dataclass(frozen=True)
class FramedLines:
    keys: str  # normalised lines (see normalise_line), framed and joined
    raw: str  # the lines as written (stripped; inner line breaks as spaces), framed and joined
    key_starts: list[int]  # where each line's frame starts in `keys`
    raw_starts: list[int]
    key_list: list[str]
    # Lines whose key is not just the raw line lower-cased (edge punctuation, quotes, dashes),
    # framed and joined: only there can a case-insensitive pattern find more in the key.
    altered_keys: str
    altered_starts: list[int]
    altered_lines: list[int]
    # `raw` lower-cased, when that keeps every offset and no character in it case-folds to
    # ASCII letters (see matching.PhraseMatcher._line_matches); else None
    raw_lowered: str | None

    @classmethod
    def of(cls, lines: list[str]) -> FramedLines:
        raw = [line.replace("\n", " ").strip() for line in lines]
        joined_raw, raw_starts = _frame(raw)
        if joined_raw.count(START) != len(raw) or joined_raw.count(END) != len(raw):
            raw = [line.replace(START, " ").replace(END, " ") for line in raw]
            joined_raw, raw_starts = _frame(raw)
        lowered = joined_raw.lower()
        keeps_offsets = len(lowered) == len(joined_raw)
        if keeps_offsets and not _SPLIT_ONLY_SPACES.search(lowered):
            # normalise_line, with the folding done once over the joined text (it is per
            # character, and the frames keep each line's lower-casing context) and str.split
            # collapsing the same white space as _SPACES.
            keys = [" ".join(key.split()).strip(_EDGE_CHARS) for key in _unframe(_fold_marks(lowered))]
            lowered_lines = _unframe(lowered)
        else:  # a character lower-cases to two, or str.split would see more white space
            keys = [normalise_line(line) for line in raw]
            lowered_lines = [line.lower() for line in raw]
        joined_keys, key_starts = _frame(keys)
        altered = [i for i, (key, line) in enumerate(zip(keys, lowered_lines)) if key != line]
        joined_altered, altered_starts = _frame([keys[i] for i in altered])
        return cls(joined_keys, joined_raw, key_starts, raw_starts, keys,
                   joined_altered, altered_starts, altered,
                   lowered if keeps_offsets and not _FOLDS_TO_ASCII.search(lowered) else None)


# White space to str.split that is not white space to the regex module's \s.
_SPLIT_ONLY_SPACES = regex.compile("[\x1c-\x1f]")


def _frame(lines: list[str]) -> tuple[str, list[int]]:
    if not lines:
        return "", []
    return START + f"{END}\n{START}".join(lines) + END + "\n", _starts(lines)


def _unframe(joined: str) -> list[str]:
    """The lines of a text made by _frame."""
    return joined[1:-2].split(f"{END}\n{START}") if joined else []


def _starts(lines: list[str]) -> list[int]:
    """Where each line's frame starts: after the frames (line plus three characters) before it."""
    starts = list(accumulate(map(_FRAME_CHARS.__add__, map(len, lines)), initial=0))
    starts.pop()
    return starts


_FRAME_CHARS = 3  # START, END and the line break


def framed_blocks(doc: Document) -> FramedLines:
    """The document's blocks framed for whole-line matching, computed once per document."""
    cached = doc.__dict__.get("_framed_blocks")
    if cached is None:
        cached = FramedLines.of([block.text for block in doc.blocks])
        doc.__dict__["_framed_blocks"] = cached
    return cached


# Characters a case-insensitive ASCII literal can match, other than ASCII letters themselves:
# those whose casefold(), lower() or upper() holds an ASCII letter ("ß", "ſ", "K", "ﬁ").
_FOLDS_TO_ASCII = re.compile("[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06]")


def normalise_prefix(text: str) -> str:
    return _SPACES.sub(" ", fold(text)).strip().lstrip(_EDGE_CHARS)
