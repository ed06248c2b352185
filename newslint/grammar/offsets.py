"""UTF-16 code units (what LanguageTool counts) <-> code points (what newslint counts).

A character above U+FFFF (emoji, many CJK extensions, mathematical letters) is two UTF-16
code units but one code point, so every such character before a LanguageTool match shifts
its offset by one. `Utf16Offsets` converts exactly in O(log n) per offset after an O(n) scan.
"""

from __future__ import annotations

import bisect


class Utf16Offsets:
    def __init__(self, text: str) -> None:
        # UTF-16 start of each astral character, in order: code-point index + astral ones before it.
        self._astral_starts = [i + k for k, i in enumerate(
            i for i, ch in enumerate(text) if ord(ch) > 0xFFFF)]
        self._astral_points = [s - k for k, s in enumerate(self._astral_starts)]

    def to_code_points(self, unit: int, *, round_up: bool = False) -> int:
        """Code-point offset of a UTF-16 offset.

        An offset inside a surrogate pair (never produced by LanguageTool) goes to the start of
        its character, or past it with `round_up` (use that for span ends).
        """
        starts = self._astral_starts
        before = bisect.bisect_left(starts, unit - 1) if round_up else bisect.bisect_left(starts, unit)
        return unit - before

    def to_utf16(self, point: int) -> int:
        return point + bisect.bisect_left(self._astral_points, point)
