"""Mojibake: text decoded with the wrong codec ("Itâ€™s", "cafÃ©"), found and repaired by ftfy.

ftfy does the decoding work; this module only decides which lines are worth handing to it,
configures it to repair mis-decoding and nothing else, and turns the difference between a
line and ftfy's repair into spans with their replacements.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ftfy
import regex
from ftfy import TextFixerConfig
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

from newslint.checks.text_and_title import TextAndTitleRule
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document

# Only encoding repairs: typographic normalisation (curly quotes, ligatures, full-width
# forms, NFC), HTML entities and control characters are not mis-decoding (the last two have
# their own rules).
MOJIBAKE_ONLY = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Cheap pre-check: mojibake always contains a character outside ASCII other than the
# typographic punctuation clean English text is full of. Lines without one skip ftfy
# (benchmarks/encoding_speed.py measures the gain).
SUSPECT = re.compile(r"[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0]")
# With MOJIBAKE_ONLY, ftfy changes a line only when its badness detector fires (the test its
# encoding fixer starts with) or the line holds C1 controls or surrogates (its other two
# fixers). Each alternative of the detector's pattern (ftfy.badness.BADNESS_RE) needs a
# character of one of these categories or of the letters listed after them (Œ, Ù, ‚, Ђ and
# the Cyrillic and Greek capitals of its Windows-1251/1253 sequences, β of "β€"), so a line
# without any of them is kept as it is: scanning for them skips the detector on most lines
# with typographic characters or accented names (tests/test_encoding_mojibake.py checks it).
_BADNESS_NEEDS = "".join(MOJIBAKE_CATEGORIES[name] for name in (
    "c1", "bad", "law", "currency", "numeric", "upper_accented", "lower_accented", "box"))
FTFY_CANDIDATE = re.compile(f"[{_BADNESS_NEEDS}\u0152\u0153\u00d9\u201a\u0402\u0412\u0413\u0420\u0421"
                            "\u03b2\u0392\u0393\u039e\u039f\ud800-\udfff]")
_C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")
# No match of the detector's pattern is longer than this, and it has no lookaround: a match
# lies within this many characters either side of the candidate character it holds.
BADNESS_WIDTH = 7


# Printable ASCII, tabs and line breaks: most of any text.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"


def unusual_characters(doc: Document) -> str:
    """The characters of the document other than printable ASCII, tabs and line breaks, in
    order (cached): the encoding rules test these for what they look for before they scan
    the text. Deleting ASCII bytes from UTF-8 (at C speed) leaves the UTF-8 of exactly them.
    """
    cached = doc.__dict__.get("_unusual_characters")
    if cached is None:
        kept = doc.text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
        cached = doc.__dict__["_unusual_characters"] = kept.decode("utf-8", "surrogatepass")
    return cached


# Mojibake that ftfy cannot repair because a byte was dropped on the way ("Ãngel" from
# "Ángel", "â€" left of a lost quote): sequences no language writes.
_RESIDUE = regex.compile(r"\u00e2\u20ac[\u0080-\u00bf\u2018-\u201e\u2022\u2122\u0153\u0161]?|\u00c3(?=[a-z])")


@dataclass(frozen=True, slots=True)
class Repair:
    start: int  # span in the document text
    end: int
    replacement: str


# Words split at ASCII white space only: no-break spaces and C1 characters are often part of
# the mojibake itself.
_TOKENS = regex.compile(r"[ \t\r\n\f\v]+|[^ \t\r\n\f\v]+")
# Changed regions longer than this are reported whole instead of diffed character by
# character (difflib is quadratic).
_MAX_CHAR_DIFF = 2000


def _char_changes(original: str, repaired: str) -> Iterator[tuple[int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            yield i1, i2, j1, j2


def _changed_spans(original: str, repaired: str) -> Iterator[tuple[int, int, int, int]]:
    """Differing (i1, i2, j1, j2) regions, one per changed word or run of words.

    Aligns words first (one to one when ftfy kept the word count, which it almost always
    does) and diffs characters only inside changed words, so a line that is mojibake from
    end to end costs linear time, not a quadratic character-level diff.
    """
    old_tokens, new_tokens = _TOKENS.findall(original), _TOKENS.findall(repaired)
    old_starts, new_starts = _starts(old_tokens), _starts(new_tokens)
    if len(old_tokens) == len(new_tokens):
        groups = [(k, k + 1, k, k + 1) for k, (a, b) in enumerate(zip(old_tokens, new_tokens)) if a != b]
    else:  # ftfy joined words ("dÃ©jÃ  vu": the space was a no-break space byte)
        matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens)
        groups = [(a1, a2, b1, b2) for tag, a1, a2, b1, b2 in matcher.get_opcodes() if tag != "equal"]
    for a1, a2, b1, b2 in groups:
        i0, i1, j0, j1 = old_starts[a1], old_starts[a2], new_starts[b1], new_starts[b2]
        if i1 - i0 > _MAX_CHAR_DIFF:
            yield i0, i1, j0, j1
            continue
        changes = list(_char_changes(original[i0:i1], repaired[j0:j1]))
        if changes:
            yield changes[0][0] + i0, changes[-1][1] + i0, changes[0][2] + j0, changes[-1][3] + j0


def _starts(tokens: list[str]) -> list[int]:
    """Offset of each token, plus the end offset."""
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    return starts


def repair_line(text: str) -> str:
    """ftfy's encoding repair of one line of text (unchanged when nothing is suspect)."""
    if not SUSPECT.search(text) or not _ftfy_would_change(text):
        return text
    return ftfy.fix_text(text, MOJIBAKE_ONLY)


def _ftfy_would_change(text: str) -> bool:
    if len(text) > MOJIBAKE_ONLY.max_decode_length:  # ftfy cuts it into segments: no shortcut
        return True
    return _is_bad(text) or bool(_C1_OR_SURROGATE.search(text))


def _is_bad(text: str) -> bool:
    """ftfy.badness.is_bad(text), with its pattern tried only around candidate characters
    (a line's merged windows are a fraction of it; the pattern is slow to scan)."""
    start = end = 0
    for match in FTFY_CANDIDATE.finditer(text):
        pos = match.start()
        if pos - BADNESS_WIDTH + 1 > end:  # a new window: try the one before it
            if end and BADNESS_RE.search(text, start, end):
                return True
            start = pos - BADNESS_WIDTH + 1
        end = pos + BADNESS_WIDTH
    return bool(end) and bool(BADNESS_RE.search(text, start, end))


def mojibake_repairs(doc: Document) -> list[Repair]:
    """Every mis-decoded span of the document with what it should read (cached on `doc`)."""
    cached = doc.__dict__.get("_mojibake_repairs")
    if cached is not None:
        return cached
    repairs: list[Repair] = []
    text, lines = doc.text, doc.lines
    # One pass over the text finds the lines ftfy might change; the rest are skipped.
    match = FTFY_CANDIDATE.search(text) if FTFY_CANDIDATE.search(unusual_characters(doc)) else None
    while match:
        line = lines[doc.line_index_at(match.start())]
        repaired = repair_line(line.text)
        if repaired != line.text:
            for i1, i2, j1, j2 in _changed_spans(line.text, repaired):
                repairs.append(Repair(line.start + i1, line.start + i2, repaired[j1:j2]))
        match = FTFY_CANDIDATE.search(text, line.next_start)
    doc.__dict__["_mojibake_repairs"] = repairs
    return repairs


def overlaps_repair(doc: Document, start: int, end: int) -> bool:
    """True when [start, end) overlaps a mojibake repair (repairs are sorted and disjoint)."""
    repairs = mojibake_repairs(doc)
    if not repairs:
        return False
    starts = doc.__dict__.get("_mojibake_repair_starts")
    if starts is None:
        starts = doc.__dict__["_mojibake_repair_starts"] = [r.start for r in repairs]
    index = bisect.bisect_left(starts, end) - 1
    return index >= 0 and repairs[index].end > start


def unrepairable_mojibake(doc: Document) -> list[tuple[int, int]]:
    """Spans that are surely mis-decoded but that ftfy cannot repair (data was dropped)."""
    text = doc.text
    if "\u00e2" not in text and "\u00c3" not in text:
        return []
    return [m.span() for m in _RESIDUE.finditer(text) if not overlaps_repair(doc, *m.span())]


class Mojibake(TextAndTitleRule):
    """Text decoded with the wrong character encoding (mojibake).

    ## What it does
    Finds spans that were written in UTF-8 and read as Windows-1252, Latin-1, MacRoman or
    another legacy codec ("Itâ€™s", "cafÃ©", "â€”"), using ftfy's detector. Only
    mis-decoding counts: typographic variants (curly quotes, ligatures, full-width forms)
    are left alone, and genuine text in other scripts is not flagged. Each finding names what
    the span should read and carries ftfy's repair of that span as a safe fix. Sequences
    that are surely mojibake but lost a byte on the way ("Ãngel", a lone "â€") are reported
    without a fix.

    ## Why is this bad?
    Mojibake makes words unreadable, breaks search and tokenisation, and marks the text as
    carelessly processed.

    ## Example
    ```text
    The cafÃ© opened in 2019 and itâ€™s already famous.
    ```

    ## Use instead
    ```text
    The café opened in 2019 and it’s already famous.
    ```
    """

    code = "E101"
    name = "mojibake"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "Text decoded with the wrong character encoding (mojibake)."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        for repair in mojibake_repairs(doc):
            original = doc.text[repair.start:repair.end]
            if repair.replacement:
                message = f"Mis-decoded text {original!r} should read {repair.replacement!r}."
                action = f"Replace with {repair.replacement!r}"
            else:  # "Â£" is "£" with a stray "Â" from the wrong decoding: drop the stray part
                message = f"Mis-decoded text: {original!r} is left over from a wrong decoding and should go."
                action = f"Remove {original!r}"
            yield self.diagnostic(
                repair.start, repair.end, message,
                fix=Fix.safe(action, Edit(repair.start, repair.end, repair.replacement)),
                expected=repair.replacement,
            )
        for start, end in unrepairable_mojibake(doc):
            yield self.diagnostic(start, end, f"Mis-decoded text {doc.text[start:end]!r} that cannot be "
                                              "repaired: a byte was lost; recover it from the source.")
