"""Small helpers shared by the truncation and sentence defect injectors."""

from __future__ import annotations

import regex

from newslint.checks.english import is_english
from newslint.document import Document

WORD = regex.compile(r"\p{L}+")
TERMINAL = regex.compile(r"[.!?][\"'\u201d\u2019)]*$")


def english(text: str) -> bool:
    return is_english(Document(text))


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def prose_lines(text: str, min_words: int = 8) -> list[tuple[int, int]]:
    """Lines that are clearly prose paragraphs: long enough and ending a sentence."""
    return [
        (s, e) for s, e in line_spans(text)
        if len(WORD.findall(text, s, e)) >= min_words and TERMINAL.search(text[s:e])
    ]
