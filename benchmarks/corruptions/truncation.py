"""Truncation defects: a paragraph cut where an embed interrupted it, and documents cut at a
character limit (mid-sentence, mid-word, or with a teaser marker)."""

from __future__ import annotations

import random

from benchmarks.corruptions import Corruption, Injected
from benchmarks.injection_text import WORD, english, line_spans, prose_lines
from newslint.checks.english import NON_FINAL_WORDS

TEASERS = (" \u2026", "...", " [\u2026]", " [...]", " (more)", "... Read more", " \u2026 Continue reading")


def _cut_points(text: str, start: int, end: int) -> list[int]:
    """Offsets just after a word that cannot end a sentence, or a comma, at least 3 words in."""
    points = []
    for i, match in enumerate(WORD.finditer(text, start, end)):
        if i < 3:
            continue
        if match.group().lower() in NON_FINAL_WORDS:
            points.append(match.end())
        elif text[match.end():match.end() + 1] == ",":
            points.append(match.end() + 1)
    return points


def cut_paragraph(text: str, rng: random.Random) -> Injected | None:
    """Cut a paragraph in the middle of the article after a non-final word, as an embed does."""
    if not english(text):
        return None
    prose = prose_lines(text, 8)
    if len(prose) < 2:
        return None
    lines = line_spans(text)
    last_prose_start = prose[-1][0]
    prose_set = set(prose[:-1])
    candidates = [
        (s, e) for (s, e), (next_s, _) in zip(lines, lines[1:])
        if (s, e) in prose_set and next_s <= last_prose_start and text[next_s].isupper()
    ]
    rng.shuffle(candidates)
    for s, e in candidates:
        points = _cut_points(text, s, e)
        if points:
            cut = rng.choice(points)
            return Injected(text[:cut] + text[e:], s, cut)
    return None


def _last_prose(text: str) -> tuple[int, int] | None:
    lines = prose_lines(text, 8)
    return lines[-1] if lines else None


def cut_document_mid_sentence(text: str, rng: random.Random) -> Injected | None:
    """The document ends after a non-final word in its last paragraph; what followed is lost."""
    if not english(text) or (span := _last_prose(text)) is None:
        return None
    points = _cut_points(text, *span)
    if not points:
        return None
    cut = rng.choice(points)
    return Injected(text[:cut], span[0], cut)


def cut_document_mid_word(text: str, rng: random.Random) -> Injected | None:
    """The document ends in the middle of a word of its last paragraph (a character limit)."""
    if not english(text) or (span := _last_prose(text)) is None:
        return None
    words = [m for i, m in enumerate(WORD.finditer(text, *span)) if i >= 3 and len(m.group()) >= 5]
    if not words:
        return None
    word = rng.choice(words)
    cut = word.start() + rng.randint(2, len(word.group()) - 2)
    return Injected(text[:cut], span[0], cut)


def teaser_cut(text: str, rng: random.Random) -> Injected | None:
    """The document ends with a teaser marker after a cut at a word boundary."""
    if not english(text) or (span := _last_prose(text)) is None:
        return None
    words = [m for i, m in enumerate(WORD.finditer(text, *span)) if i >= 3]
    if not words:
        return None
    cut = rng.choice(words).end()
    teaser = rng.choice(TEASERS)
    return Injected(text[:cut] + teaser, span[0], cut + len(teaser))


CORRUPTIONS = [
    Corruption("truncated paragraph", frozenset({"T001"}), cut_paragraph),
    Corruption("truncated document: mid-sentence", frozenset({"T002"}), cut_document_mid_sentence),
    Corruption("truncated document: word cut", frozenset({"T002"}), cut_document_mid_word),
    Corruption("truncated document: teaser", frozenset({"T002"}), teaser_cut),
]
