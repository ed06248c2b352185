"""Characters a reader cannot see or that stand for lost data: controls, zero-width and
bidirectional marks, soft hyphens, stray BOMs, unusual spaces and U+FFFD."""

from __future__ import annotations

from collections.abc import Iterable

import re

import regex

from newslint.checks.encoding_mojibake import overlaps_repair, unusual_characters
from newslint.checks.text_and_title import TextAndTitleRule
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document

# C0 controls other than tab, line feed and carriage return; DEL; C1 controls; and whole
# terminal escape sequences ("\x1b[31m"): ESC is a control, so the pattern starts with the
# class and the scan for it runs at C speed. Plain character classes: stdlib re scans them
# faster than `regex`, here and below.
_CONTROL_CHARS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]" + r"(?:(?<=\x1b)\[[0-9;?]{0,20}[A-Za-z])?")
# Controls that separated text (form feed, vertical tab, separators, NEL): a space keeps
# the words apart when they are removed.
_SEPARATING_CONTROLS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")

_INVISIBLE_CHARS = (r"\u00ad\u200b\u200c\u200d\u2060\u180e\u2061-\u2064\ufeff"
                    r"\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\U000e0001\U000e0020-\U000e007f")
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200c\u200d")
_TAGS = re.compile(r"[\U000e0020-\U000e007f]")
_RTL_LETTER = regex.compile(r"[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]")
# Scripts that use zero-width spaces as word-break hints, or joiners for shaping.
_ZW_SCRIPT = regex.compile(
    r"[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}"
    r"\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]"
)
_JOINER_SCRIPT = regex.compile(
    r"[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}"
    r"\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}"
    r"\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Syriac}\p{Extended_Pictographic}"
    r"\p{Emoji_Component}\p{Emoji_Modifier}\uFE0F]"
)

_NAMES = {
    "\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner", "\u2060": "word joiner", "\u180e": "Mongolian vowel separator",
    "\ufeff": "byte-order mark", "\u200e": "left-to-right mark", "\u200f": "right-to-left mark",
    "\u061c": "Arabic letter mark",
}

# Spaces other than U+0020: the typographic ones, ideographic space, line/paragraph separators.
_ODD_SPACE = re.compile(r"[\u2000-\u200a\u205f\u1680\u3000\u2028\u2029]")
# A run of horizontal white space holding a no-break or odd space ("word \u00a0 word"),
# or such a space at the edge of a line: layout debris.
_SPACE_RUN = regex.compile(r"[ \u00a0\u202f\u2000-\u200a\u205f\u1680\u3000]{2,}|^[\u00a0\u202f]+|[\u00a0\u202f]+$",
                           regex.MULTILINE)
# Marks that careful typography sets off with a thin or hair space.
_SPACED_TYPOGRAPHY = frozenset("\u2014\u2013\u2026;:!?\u00ab\u00bb%")
_NON_ASCII_SPACE = re.compile(r"[\u00a0\u202f\u2000-\u200a\u205f\u1680\u3000]")
# Every finding holds one of these: a document without any has nothing to report.
_SPACE_FINDING_CHARS = r"\u00a0\u202f\u2000-\u200a\u205f\u1680\u3000\u2028\u2029"
_ANY_SPACE_FINDING = re.compile(f"[{_SPACE_FINDING_CHARS}]")
# The characters E105, E106 and E107 look for, found by one scan for all three (most
# documents hold none, and each scan of the text costs about as much as the union's).
_SPECIAL = re.compile(f"[{_CONTROL_CHARS}{_INVISIBLE_CHARS}{_SPACE_FINDING_CHARS}]")


def _special_chars(doc: Document) -> str:
    """The distinct characters of `_SPECIAL` in the document (cached): a rule none of whose
    characters is among them has nothing to report."""
    cached = doc.__dict__.get("_encoding_special_chars")
    if cached is None:
        # None of them is printable ASCII, a tab or a line break.
        found = "".join(set(_SPECIAL.findall(unusual_characters(doc))))
        cached = doc.__dict__["_encoding_special_chars"] = found
    return cached
_REPLACEMENT = re.compile(r"\ufffd+")


class ControlCharacter(TextAndTitleRule):
    """A control character in the text.

    ## What it does
    Finds C0 control characters other than tab, line feed and carriage return, DEL, C1
    control characters that are not mis-decoded punctuation (those are reported as mojibake),
    and terminal escape sequences. The safe fix removes them, leaving a space where a
    separating control (form feed, vertical tab) stood between two words.

    ## Why is this bad?
    Control characters are invisible in most viewers, break parsers and JSON consumers, and
    never belong in article text.

    ## Example
    ```text
    The budget<U+0007> was approved.
    ```

    ## Use instead
    ```text
    The budget was approved.
    ```
    """

    code = "E105"
    owns_span = True  # a bracket or number inside the debris is the debris's
    name = "control-character"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "A control character or terminal escape sequence in the text."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if not _CONTROL.search(_special_chars(doc)):  # (a lone control matches)
            return
        for match in _CONTROL.finditer(text):
            start, end = match.span()
            if overlaps_repair(doc, start, end):
                continue
            char = match.group()
            glued = 0 < start and end < len(text) and not text[start - 1].isspace() \
                and not text[end].isspace()
            replacement = " " if char in _SEPARATING_CONTROLS and glued else ""
            what = "terminal escape sequence" if char.startswith("\x1b[") else f"control character U+{ord(char[0]):04X}"
            yield self.diagnostic(start, end, f"Invisible {what} in the text.",
                                  fix=Fix.safe(f"Remove the {what}", Edit(start, end, replacement)))


class InvisibleCharacter(TextAndTitleRule):
    """A zero-width, bidirectional-control or other invisible character in the text.

    ## What it does
    Finds soft hyphens, zero-width spaces, word joiners, byte-order marks inside the text,
    stray zero-width joiners between Latin letters, bidirectional controls in text without
    right-to-left script, and Unicode tag characters. It stays quiet where such characters
    do a job: joiners in Indic and Arabic script and emoji sequences, zero-width spaces in
    Thai or Japanese, bidirectional marks in Hebrew or Arabic text, a BOM at the very start.
    The safe fix removes the character.

    ## Why is this bad?
    Invisible characters split words for search ("Wash<U+00AD>ington" does not match
    "Washington"), break deduplication and can hide content.

    ## Example
    ```text
    The Wash<U+00AD>ington office<U+200B> opened.
    ```

    ## Use instead
    ```text
    The Washington office opened.
    ```
    """

    code = "E106"
    name = "invisible-character"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "A zero-width, soft-hyphen, BOM or bidirectional-control character in the text."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if text.isascii() or not _INVISIBLE.search(_special_chars(doc)):
            return
        has_rtl: bool | None = None
        for match in _INVISIBLE.finditer(text):
            start = match.start()
            char = match.group()
            before = text[start - 1] if start else ""
            after = text[start + 1] if start + 1 < len(text) else ""
            if char == "\ufeff" and start == 0:
                continue
            if char in _BIDI:
                if has_rtl is None:
                    has_rtl = bool(_RTL_LETTER.search(text))
                if has_rtl:
                    continue
            if char in _JOINERS and (_JOINER_SCRIPT.match(before) or _JOINER_SCRIPT.match(after)):
                continue
            if char in ("\u200b", "\u2060") and (_ZW_SCRIPT.match(before) or _ZW_SCRIPT.match(after)):
                continue
            if _TAGS.match(char) and (before in ("\U0001f3f4",) or _TAGS.match(before)
                                      or _TAGS.match(after) and before == "\U0001f3f4"):
                continue  # part of a subdivision flag emoji
            name = _NAMES.get(char, f"U+{ord(char):04X}")
            yield self.diagnostic(start, start + 1, f"Invisible {name} in the text.",
                                  fix=Fix.safe(f"Remove the {name}", Edit(start, start + 1, "")))


class UnusualSpace(TextAndTitleRule):
    """An unusual space character where a normal space belongs.

    ## What it does
    Finds typographic spaces (en, em, thin, hair spaces), the ideographic space outside
    Chinese or Japanese text, line and paragraph separators, and runs or line-edge no-break
    spaces ("&nbsp;" layout debris). A single no-break or thin space inside a number
    ("10 000") or before French punctuation is left alone. The safe fix writes one normal
    space (a line break for a line or paragraph separator).

    ## Why is this bad?
    Unusual spaces look like normal ones but break word splitting, search and line wrapping.

    ## Example
    ```text
    Prices rose<U+2003>by 4%<U+00A0><U+00A0> in March.
    ```

    ## Use instead
    ```text
    Prices rose by 4% in March.
    ```
    """

    code = "E107"
    name = "unusual-space"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "An unusual space character (em space, ideographic space, no-break run)."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if not _ANY_SPACE_FINDING.search(_special_chars(doc)):
            return
        in_runs: set[int] = set()
        for match in _SPACE_RUN.finditer(text):
            if not _NON_ASCII_SPACE.search(match.group()):
                continue  # runs of plain spaces are punctuation's business
            start, end = match.span()
            at_edge = start == 0 or text[start - 1] in "\r\n" or end == len(text) or text[end] in "\r\n"
            in_runs.update(range(start, end))
            yield self.diagnostic(start, end, "A run of no-break or unusual spaces.",
                                  fix=Fix.safe("Replace with one space", Edit(start, end, "" if at_edge else " ")))
        for match in _ODD_SPACE.finditer(text):
            start = match.start()
            if start in in_runs:
                continue
            char = match.group()
            before = text[start - 1] if start else ""
            after = text[start + 1] if start + 1 < len(text) else ""
            if char == "\u3000" and (_ZW_SCRIPT.match(before) or _ZW_SCRIPT.match(after) or not before):
                continue
            if "\u2000" <= char <= "\u200a" and (before.isdigit() and after.isdigit()
                                                or before in _SPACED_TYPOGRAPHY or after in _SPACED_TYPOGRAPHY):
                continue  # thin spaces grouping digits, around dashes, before French ; : ! ?
            if char in "\u2028\u2029":
                replacement, label = "\n", "line or paragraph separator"
            else:
                replacement, label = " ", f"unusual space U+{ord(char):04X}"
            if before.isspace() or after.isspace():
                replacement = "" if char not in "\u2028\u2029" else replacement
            yield self.diagnostic(start, start + 1, f"An {label} where a normal one belongs.",
                                  fix=Fix.safe("Replace with a normal space" if replacement == " " else "Normalise",
                                               Edit(start, start + 1, replacement)))


class ReplacementCharacter(TextAndTitleRule):
    """The Unicode replacement character U+FFFD: data lost in decoding.

    ## What it does
    Finds U+FFFD ("�"), which a decoder writes where it met bytes it could not read. There
    is no fix: the original characters are gone and must be recovered from the source.

    ## Why is this bad?
    Each "�" is a character the reader has lost, often a quote, dash or accented letter.

    ## Example
    ```text
    The minister said the caf� would reopen.
    ```

    ## Use instead
    ```text
    The minister said the café would reopen.
    ```
    """

    code = "E108"
    name = "replacement-character"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "A U+FFFD replacement character: data lost in decoding."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if "\ufffd" not in text:
            return
        for match in _REPLACEMENT.finditer(text):
            start, end = match.span()
            if overlaps_repair(doc, start, end):
                continue
            yield self.diagnostic(start, end, "Replacement character: the original text was lost in decoding.")
