"""Mojibake: text decoded with the wrong codec ("Itâ€™s", "cafÃ©"), found and repaired by ftfy.

ftfy does the decoding work; this module only decides which lines are worth handing to it,
configures it to repair mis-decoding and nothing else, and turns the difference between a
line and ftfy's repair into spans with their replacements.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ftfy
import regex
from ftfy import TextFixerConfig

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

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
_SUSPECT = regex.compile(r"[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0]")


@dataclass(frozen=True, slots=True)
class Repair:
    start: int  # span in the document text
    end: int
    replacement: str


def _changed_spans(original: str, repaired: str) -> Iterator[tuple[int, int, int, int]]:
    """Differing (i1, i2, j1, j2) regions, merged when only letters separate them."""
    matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
    pending: list[int] | None = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            if pending is not None and (any(c.isspace() for c in original[i1:i2]) or i2 - i1 > 12):
                yield tuple(pending)  # type: ignore[misc]
                pending = None
            continue
        if pending is None:
            pending = [i1, i2, j1, j2]
        else:
            pending[1], pending[3] = i2, j2
    if pending is not None:
        yield tuple(pending)  # type: ignore[misc]


def repair_line(text: str) -> str:
    """ftfy's encoding repair of one line of text (unchanged when nothing is suspect)."""
    if not _SUSPECT.search(text):
        return text
    return ftfy.fix_text(text, MOJIBAKE_ONLY)


def mojibake_repairs(doc: Document) -> list[Repair]:
    """Every mis-decoded span of the document with what it should read (cached on `doc`)."""
    cached = doc.__dict__.get("_mojibake_repairs")
    if cached is not None:
        return cached
    repairs: list[Repair] = []
    for line in doc.lines:
        repaired = repair_line(line.text)
        if repaired == line.text:
            continue
        for i1, i2, j1, j2 in _changed_spans(line.text, repaired):
            repairs.append(Repair(line.start + i1, line.start + i2, repaired[j1:j2]))
    doc.__dict__["_mojibake_repairs"] = repairs
    return repairs


class Mojibake(Rule):
    """Text decoded with the wrong character encoding (mojibake).

    ## What it does
    Finds spans that were written in UTF-8 and read as Windows-1252, Latin-1, MacRoman or
    another legacy codec ("Itâ€™s", "cafÃ©", "â€”"), using ftfy's detector. Only
    mis-decoding counts: typographic variants (curly quotes, ligatures, full-width forms)
    are left alone, and genuine text in other scripts is not flagged. Each finding names what
    the span should read and carries ftfy's repair of that span as a safe fix.

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

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        for repair in mojibake_repairs(doc):
            original = doc.text[repair.start:repair.end]
            shown = repair.replacement if repair.replacement else "nothing"
            yield self.diagnostic(
                repair.start, repair.end,
                f"Mis-decoded text {original!r} should read {shown!r}.",
                fix=Fix.safe(f"Replace with {shown!r}", Edit(repair.start, repair.end, repair.replacement)),
                expected=repair.replacement,
            )
