"""Document: a text and everything rules share about it, computed once.

Offsets are code points into `text`, which is kept exactly as read (line endings included),
so fixes can be applied to the original bytes' decoding without losing CRLF or lone CR.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

import regex

from newslint.segment import Span, split_sentences

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
# A word: a letter or digit, then letters, digits, marks, apostrophes and hyphens. Rules that
# count or compare words use this one definition (WORD), so they agree on what a word is.
WORD_START = r"[\p{L}\p{N}]"
WORD_REST = r"[\p{L}\p{N}\p{M}'\u2019\-]"
WORD_PATTERN = WORD_START + WORD_REST + "*"
WORD = regex.compile(WORD_PATTERN)


# Lines, blocks and spans are built by the ten thousand per document: plain slotted
# dataclasses construct several times faster than frozen ones. Treat them as read-only.
@dataclass(slots=True, unsafe_hash=True)
class Line:
    index: int  # 0-based
    start: int  # offset of the first character
    end: int  # offset just past the content (before the line break)
    next_start: int  # offset of the next line (past the line break)
    text: str

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True, unsafe_hash=True)
class Block:
    """A paragraph: one non-empty line, or a run of hard-wrapped lines between blank lines."""

    index: int
    start: int
    end: int
    first_line: int  # 0-based line index
    last_line: int
    text: str
    _sentences: tuple[Span, ...] | None = field(default=None, compare=False, repr=False)

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Split on first use: most rules never read the sentences of most blocks."""
        if self._sentences is None:
            self._sentences = tuple(split_sentences(self.text, self.start))
        return self._sentences

    @property
    def stripped(self) -> str:
        return self.text  # already trimmed of surrounding white space


class Document:
    """Text plus its lines, blocks, sentences and title.

    `title` is the record's title field when one was given;
    otherwise the first block when it looks like a headline, as `title_block`.
    """

    def __init__(self, text: str, *, title: str | None = None, language: str | None = None,
                 path: str = "", record: int | None = None) -> None:
        self.text = text
        self.field_title = title
        self.language = language
        self.path = path
        self.record = record

    # -- lines and positions ---------------------------------------------------------------

    @cached_property
    def lines(self) -> tuple[Line, ...]:
        text = self.text
        if "\r" not in text:
            return self._newline_lines()
        lines: list[Line] = []
        start = 0
        for match in _LINE_BREAK.finditer(text):
            lines.append(Line(len(lines), start, match.start(), match.end(), text[start : match.start()]))
            start = match.end()
        if start < len(text) or not lines:
            lines.append(Line(len(lines), start, len(text), len(text), text[start:]))
        return tuple(lines)

    def _newline_lines(self) -> tuple[Line, ...]:
        """`lines` for text whose only line break is "\\n": one C-level split."""
        pieces = self.text.split("\n")
        if len(pieces) > 1 and not pieces[-1]:
            pieces.pop()  # the text ends with a line break: no line after it
        size = len(self.text)
        lines: list[Line] = []
        start = 0
        for index, content in enumerate(pieces):
            end = start + len(content)
            lines.append(Line(index, start, end, min(end + 1, size), content))
            start = end + 1
        return tuple(lines)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_index_at(self, offset: int) -> int:
        """0-based index of the line holding `offset` (a line break belongs to its line)."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; offset == len(text) is allowed."""
        offset = min(max(offset, 0), len(self.text))
        index = self.line_index_at(offset)
        line = self.lines[index]
        if offset >= line.next_start > line.end:
            # Past the final line break: the start of the (empty) line after it.
            return index + 2, 1
        return index + 1, offset - line.start + 1

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """`position` of both ends of a span (line, column, end line, end column); a span
        that ends on its first line, as most do, is placed with one line lookup."""
        line_start, column = self.position(start)
        line = self.lines[line_start - 1] if line_start <= len(self.lines) else None
        if line is not None and start <= end <= line.end and end >= line.start:
            return line_start, column, line_start, end - line.start + 1
        return (line_start, column, *self.position(end))

    def offset(self, line: int, column: int) -> int:
        """Inverse of `position`."""
        return self.lines[line - 1].start + column - 1

    # -- blocks and sentences ---------------------------------------------------------------

    @cached_property
    def hard_wrapped(self) -> bool:
        """True when paragraphs are runs of lines wrapped at a fixed width, not one per line."""
        # Line lengths without trailing white space: 0 for a blank line.
        lengths = [len(line.text.rstrip()) for line in self.lines]
        inner = [n for n, following in zip(lengths, lengths[1:]) if n and following]
        if len(inner) < 2:
            return False
        # Cheapest test first: most pages have lines longer than any wrap width.
        width = max(inner)
        if width > 120:
            return False
        blank = [not n for n in lengths]
        prose = len(blank) - sum(blank)
        in_runs = sum(1 for i in range(len(blank)) if not blank[i] and (
            (i > 0 and not blank[i - 1]) or (i + 1 < len(blank) and not blank[i + 1])))
        if in_runs < 0.5 * prose:
            return False
        near_width = sum(1 for n in inner if n >= 0.6 * width)
        return near_width >= 0.8 * len(inner)

    @cached_property
    def blocks(self) -> tuple[Block, ...]:
        groups: list[list[Line]] = []
        if self.hard_wrapped:
            current: list[Line] = []
            for line in self.lines:
                if line.is_blank:
                    if current:
                        groups.append(current)
                    current = []
                else:
                    current.append(line)
            if current:
                groups.append(current)
        else:
            return self._line_blocks()
        blocks = []
        for group in groups:
            start, end = group[0].start, group[-1].end
            # Trim surrounding white space so block spans start and end on text.
            raw = self.text[start:end]
            lead = len(raw) - len(raw.lstrip())
            trail = len(raw) - len(raw.rstrip())
            start, end = start + lead, end - trail
            text = self.text[start:end]
            blocks.append(Block(len(blocks), start, end, group[0].index, group[-1].index, text))
        return tuple(blocks)

    def _line_blocks(self) -> tuple[Block, ...]:
        """`blocks` when each non-blank line is a paragraph, trimmed of surrounding white space."""
        blocks = []
        for line in self.lines:
            stripped = line.text.strip()
            if stripped:
                start = line.start + len(line.text) - len(line.text.lstrip())
                blocks.append(Block(len(blocks), start, start + len(stripped), line.index, line.index, stripped))
        return tuple(blocks)

    @cached_property
    def block_starts(self) -> list[int]:
        """Start offset of every block, ascending (for bisecting offsets to blocks)."""
        return [block.start for block in self.blocks]

    @cached_property
    def _block_line_extents(self) -> tuple[list[int], list[int]]:
        """Where each block's first line starts, and where the line after its last line starts
        (past the text for the last line): an offset lies on a line of block i when
        starts[i] <= offset < ends[i]."""
        lines, beyond = self.lines, len(self.text) + 1
        starts = [lines[block.first_line].start for block in self.blocks]
        ends = [lines[block.last_line + 1].start if block.last_line + 1 < len(lines) else beyond
                for block in self.blocks]
        return starts, ends

    def block_index_at(self, offset: int) -> int | None:
        """Index of the block holding `offset`, or None when it falls between blocks.

        Lets a rule scan the whole text once (one C-level regex pass) and map each hit to
        its block, instead of running a search per block.
        """
        index = bisect.bisect_right(self.block_starts, offset) - 1
        if index < 0 or offset >= self.blocks[index].end:
            return None
        return index

    def blocks_sharing_lines(self, first: int, last: int) -> range:
        """Indices of the blocks that have a line in common with offsets first..last (both
        included; a line break belongs to its line)."""
        starts, ends = self._block_line_extents
        return range(bisect.bisect_right(ends, first), bisect.bisect_right(starts, last))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(s for block in self.blocks for s in block.sentences)

    # -- title ------------------------------------------------------------------------------

    @cached_property
    def title_block(self) -> Block | None:
        """The first block when it reads like a headline and more text follows it."""
        if self.field_title is not None or len(self.blocks) < 2:
            return None
        first = self.blocks[0]
        text = first.stripped
        words = text.split()
        if "\n" in text or not (2 <= len(words) <= 30) or len(text) > 250:
            return None
        if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
            return None
        return first

    @property
    def title(self) -> str | None:
        if self.field_title is not None:
            return self.field_title
        return self.title_block.stripped if self.title_block else None

    # -- shared helpers for rules ------------------------------------------------------------

    def words(self, start: int, end: int) -> list[str]:
        return WORD.findall(self.text, start, end)

    def removal_span(self, first_line: int, last_line: int) -> tuple[int, int]:
        """The span to delete so lines first..last disappear without leaving blank-line debris.

        Removes the lines with the blank lines after them; at the end of the text, removes
        the blank lines before them instead, so the text keeps its final line break.
        """
        lines = self.lines
        if last_line + 1 < len(lines) and not lines[last_line + 1].is_blank:
            return lines[first_line].start, lines[last_line + 1].start  # the common case: no blank line
        following = next((i for i in range(last_line + 1, len(lines)) if not lines[i].is_blank), None)
        if following is not None:
            return lines[first_line].start, lines[following].start
        preceding = next((i for i in range(first_line - 1, -1, -1) if not lines[i].is_blank), None)
        if preceding is None:
            return 0, lines[last_line].end
        return lines[preceding].end, lines[last_line].end


def title_document(doc: Document) -> Document | None:
    """The record's title field as a document of its own (diagnostics with field="title")."""
    if doc.field_title is None:
        return None
    cached = doc.__dict__.get("_title_document")
    if cached is None:
        cached = Document(doc.field_title, path=doc.path, record=doc.record)
        doc.__dict__["_title_document"] = cached
    return cached
