"""Pack a document's paragraphs into few requests, and split LanguageTool's answer back.

Paragraphs are joined with a blank line, which LanguageTool treats as a paragraph boundary,
so joining does not change what it finds inside each one. Matches come back in UTF-16 units
of the joined text and leave here as code points relative to their own paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newslint.grammar.offsets import Utf16Offsets

SEPARATOR = "\n\n"
# LanguageTool marks suggested words in messages as <suggestion>word</suggestion>.
_SUGGESTION_TAG = re.compile(r"<suggestion>(.*?)</suggestion>")
MAX_REPLACEMENTS = 5


@dataclass(frozen=True)
class GrammarMatch:
    start: int  # code points into the paragraph, end exclusive
    end: int
    message: str
    rule_id: str
    category_id: str
    issue_type: str
    replacements: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "message": self.message, "rule_id": self.rule_id,
                "category_id": self.category_id, "issue_type": self.issue_type,
                "replacements": list(self.replacements)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GrammarMatch:
        return cls(**{**data, "replacements": tuple(data["replacements"])})


def pack(sizes: Sequence[int], limit: int) -> list[list[int]]:
    """Group consecutive paragraph indices so each joined request stays within `limit` characters.

    A paragraph longer than the limit goes alone (LanguageTool, not newslint, sets the real cap).
    """
    batches: list[list[int]] = []
    current: list[int] = []
    length = 0
    for index, size in enumerate(sizes):
        added = size + (len(SEPARATOR) if current else 0)
        if current and length + added > limit:
            batches.append(current)
            current, length = [], 0
            added = size
        current.append(index)
        length += added
    if current:
        batches.append(current)
    return batches


def split_matches(paragraphs: Sequence[str], raw_matches: Sequence[dict[str, Any]]) -> list[list[GrammarMatch]]:
    """LanguageTool matches on SEPARATOR.join(paragraphs), per paragraph, in code points.

    A match that crosses a paragraph boundary (it should not happen) is dropped.
    """
    joined = SEPARATOR.join(paragraphs)
    units = Utf16Offsets(joined)
    starts: list[int] = []
    position = 0
    for text in paragraphs:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    found: list[list[GrammarMatch]] = [[] for _ in paragraphs]
    for raw in raw_matches:
        offset, length = int(raw["offset"]), int(raw["length"])
        start = units.to_code_points(offset)
        end = units.to_code_points(offset + length, round_up=True)
        index = bisect.bisect_right(starts, start) - 1
        base = starts[index]
        if end > base + len(paragraphs[index]) or end <= start:
            continue
        found[index].append(parse_match(raw, start - base, end - base))
    return found


def parse_match(raw: dict[str, Any], start: int, end: int) -> GrammarMatch:
    rule = raw.get("rule") or {}
    category = rule.get("category") or {}
    replacements = tuple(r["value"] for r in raw.get("replacements") or () if isinstance(r, dict)
                         and isinstance(r.get("value"), str))[:MAX_REPLACEMENTS]
    message = _SUGGESTION_TAG.sub(r"“\1”", str(raw.get("message") or rule.get("description") or "")).strip()
    return GrammarMatch(start, end, message,
                        str(rule.get("id") or "UNKNOWN"), str(category.get("id") or ""),
                        str(rule.get("issueType") or ""), replacements)
