"""Which blocks of a document are prose worth sending to LanguageTool.

Not the title, not headings (short lines without a sentence end), not blocks another rule
already flagged as boilerplate: grammar findings there would be noise on text that should go.
Line breaks inside a hard-wrapped paragraph are sent as spaces (same length, so offsets hold).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.diagnostics import Category, Diagnostic
from newslint.document import Block, Document

_SENTENCE_END = (".", "!", "?", "…", "\"", "”", "’", "»", ")", ":")
# A line with no sentence end and at most this many words reads as a heading or a label.
HEADING_MAX_WORDS = 15


@dataclass(frozen=True)
class ProseBlock:
    start: int  # code-point offset of the block in doc.text
    text: str  # what is sent: the block with its line breaks as spaces


def looks_like_heading(doc: Document, block: Block) -> bool:
    text = block.stripped
    return not text.endswith(_SENTENCE_END) and len(doc.words(block.start, block.end)) <= HEADING_MAX_WORDS


def prose_blocks(doc: Document, prior: Sequence[Diagnostic], min_words: int) -> list[ProseBlock]:
    flagged = _merged([(d.start, d.end) for d in prior
                       if d.category is Category.BOILERPLATE and d.field != "title"])
    flagged_starts = [start for start, _ in flagged]
    title = doc.title_block
    chosen = []
    for block in doc.blocks:
        if block is title or looks_like_heading(doc, block):
            continue
        if len(doc.words(block.start, block.end)) < min_words:
            continue
        last = bisect.bisect_left(flagged_starts, block.end) - 1
        if last >= 0 and flagged[last][1] > block.start:
            continue
        chosen.append(ProseBlock(block.start, block.text.replace("\r", " ").replace("\n", " ")))
    return chosen


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans: the last one starting before a point also reaches furthest."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
