"""Trying a pack's line regex only where its anchors are finds what a scan of every line finds."""

import random

import pytest

from newslint.framing import FramedLines
from newslint.matching import PhraseMatcher
from newslint.packs import builtin_packs_dir, read_pack_file

_PIECES = ["|", " | ", "home", "news", "of", "/", "3", "12", " ", "  ", "page", "photo", "ad", "by", "Jane",
           "Doe", "reuters", "getty images", "©", "(c)", "2024", "more", "from", "read", "min", "comments",
           "share", "ago", ".", "-", "\t", "writer", "kommentare", "é", "»", "İ"]
_PACKS = [data for data in map(read_pack_file, sorted(builtin_packs_dir().glob("*.yaml"))) if data.get("patterns")]


@pytest.mark.parametrize("data", _PACKS, ids=[data["code"] for data in _PACKS])
def test_anchored_line_matches_are_those_of_a_full_scan(data):
    matcher = PhraseMatcher(patterns=data["patterns"], pattern_max_chars=data.get("pattern_max_chars", 300))
    rng = random.Random(data["code"])
    for _ in range(300):
        lines = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 6))]
        framed = FramedLines.of(lines)
        altered_lowered = framed.altered_keys if framed.raw_lowered is not None else None
        for joined, lowered, starts in ((framed.raw, framed.raw_lowered, framed.raw_starts),
                                        (framed.altered_keys, altered_lowered, framed.altered_starts)):
            full = [m.span() for m in matcher._line_regex.finditer(joined)]
            assert [m.span() for m in matcher._line_matches(joined, lowered, starts, None)] == full, lines
