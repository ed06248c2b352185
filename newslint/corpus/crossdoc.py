"""Cross-document boilerplate: a line repeated on many pages of one site is not article text.

Two passes. The first counts, per site group (host of `url`, else `source`, else the file),
in how many documents each line occurs, by an 8-byte hash of the folded line; the table is
capped (lossy counting: when it grows past the cap, the rarest entries are dropped, so a
line must repeat often to survive). The second pass flags lines whose hash is frequent in
their group (`RepeatedAcrossSite`), or, for `newslint learn`, collects their text into a
phrase pack (`write_phrase_pack`) that later runs load with `--rules-dir`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule, line_span_diagnostic

# Lines longer than this are prose, not widget or navigation text.
MAX_LINE_CHARS = 200
# Distinct (group, line) entries kept in the first pass before the rarest are dropped.
DEFAULT_CAP = 1_000_000


def fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def line_hash(line: str) -> int:
    return int.from_bytes(hashlib.blake2b(fold(line).encode("utf-8"), digest_size=8).digest(), "little")


def candidate_lines(text: str) -> Iterator[str]:
    """Lines worth counting: not blank, short, with at least one letter."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and len(stripped) <= MAX_LINE_CHARS and any(c.isalpha() for c in stripped):
            yield stripped


def document_hashes(text: str) -> set[int]:
    return {line_hash(line) for line in candidate_lines(text)}


@dataclass
class LineCounts:
    """Documents per hashed line per site group, bounded by `cap` entries in total."""

    cap: int = DEFAULT_CAP
    groups: dict[str, dict[int, int]] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    entries: int = 0

    def add(self, group: str, hashes: set[int]) -> None:
        self.documents[group] = self.documents.get(group, 0) + 1
        counts = self.groups.setdefault(group, {})
        for h in hashes:
            if h in counts:
                counts[h] += 1
            else:
                counts[h] = 1
                self.entries += 1
        if self.entries > self.cap:
            self._prune()

    def merge(self, other: LineCounts) -> None:
        for group, docs in other.documents.items():
            self.documents[group] = self.documents.get(group, 0) + docs
        for group, theirs in other.groups.items():
            counts = self.groups.setdefault(group, {})
            for h, n in theirs.items():
                if h not in counts:
                    self.entries += 1
                counts[h] = counts.get(h, 0) + n
        if self.entries > self.cap:
            self._prune()

    def _prune(self) -> None:
        floor = 1
        while self.entries > self.cap // 2:
            for group, counts in self.groups.items():
                rare = [h for h, n in counts.items() if n <= floor]
                for h in rare:
                    del counts[h]
                self.entries -= len(rare)
            floor += 1

    def frequent(self, min_documents: int, min_share: float) -> dict[str, frozenset[int]]:
        """Per group, the hashes of lines in at least `min_documents` and `min_share` of its documents."""
        table: dict[str, frozenset[int]] = {}
        for group, counts in self.groups.items():
            needed = max(min_documents, min_share * self.documents.get(group, 0))
            found = frozenset(h for h, n in counts.items() if n >= needed)
            if found:
                table[group] = found
        return table


class RepeatedAcrossSite(Rule):
    """Flags lines that repeat across many documents of the same site.

    ## What it does
    In corpus mode with `--cross-document`, finds lines that occur in many records of one
    site (the host of the `url` field, else `source`, else the file), counted in a first
    pass over the corpus.

    ## Why is this bad?
    Text that a site repeats on every page (a slogan, a subscription prompt, a navigation
    row) is template, not article; no phrase list names every site's template.

    ## Example
    ```text
    Police closed the bridge on Monday after the storm.

    Get the Morning Brief in your inbox
    ```

    ## Use instead
    ```text
    Police closed the bridge on Monday after the storm.
    ```
    """

    code = "B901"
    name = "repeated-across-site"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    summary = "Line repeated across many documents of the same site"

    def __init__(self, table: dict[str, frozenset[int]] | None = None, **options: object) -> None:
        super().__init__(**options)
        self.table = table or {}
        # Set by the corpus worker before each record: the site group of that record.
        self.group: str | None = None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        hashes = self.table.get(self.group or "")
        if not hashes:
            return
        for line in doc.lines:
            stripped = line.text.strip()
            if line.is_blank or len(stripped) > MAX_LINE_CHARS or line_hash(stripped) not in hashes:
                continue
            start, end = doc.removal_span(line.index, line.index)
            yield line_span_diagnostic(
                self, doc, line.index, line.index,
                "Line repeats across many documents of this site; likely template text",
                fix=Fix.unsafe("Remove the line", Edit(start, end)))


def write_phrase_pack(lines: list[str], path: Path, code: str = "B900",
                      name: str = "learned-boilerplate") -> None:
    """A phrase pack (see newslint/packs.py) whose phrases are the learned lines."""
    pack = {
        "code": code,
        "name": name,
        "kind": "phrase",
        "category": "boilerplate",
        "severity": "warning",
        "match": "line",
        "fix": "remove-block",
        "applicability": "unsafe",
        "message": "Line learned as site template by `newslint learn`: '{match}'",
        "summary": "Lines that repeat across many documents of one site (learned from a corpus)",
        "description": "Written by `newslint learn`: each phrase is a line that occurred in many "
                       "documents of one site of the corpus it was learned from.",
        "phrases": lines,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
