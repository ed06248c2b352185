"""The corpus summary: counts per rule, category, code prefix and source, that merge exactly.

Every field is a sum or a "first K in input order" list, so summaries of chunks, of shards
(`--shard I/N`) or of Ray batches merge into the summary of the whole run, whatever the split.
Input order is the key `(file index, record number)`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newslint.diagnostics import Diagnostic
from newslint.inputs.errors import InputError

EXAMPLE_IDS = 5  # record ids kept per rule
SAMPLES_PER_RULE = 3  # findings kept per rule with their context
CONTEXT_CHARS = 60  # characters of context on each side of a sample finding
MAX_INPUT_ERRORS = 1000  # input errors listed; the count goes on past it

FINDINGS_BINS = ((0, "0"), (1, "1"), (2, "2"), (3, "3-5"), (6, "6-10"), (11, "11-20"), (21, "21+"))
LENGTH_BINS = ((0, "<500"), (500, "500-1k"), (1000, "1k-2k"), (2000, "2k-5k"), (5000, "5k-10k"),
               (10000, "10k-20k"), (20000, "20k+"))
SOURCE_FIELDS = ("source", "domain", "site")


def _bin(value: int, bins: tuple[tuple[int, str], ...]) -> str:
    label = bins[0][1]
    for low, name in bins:
        if value >= low:
            label = name
    return label


def code_prefixes(code: str) -> list[str]:
    return [code[:i] for i in range(1, len(code) + 1)]


def source_of(raw: dict[str, Any], path: str) -> str:
    """The site a record comes from: the host of its url, else its source field, else its file."""
    url = raw.get("url")
    if isinstance(url, str) and url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    for key in SOURCE_FIELDS:
        value = raw.get(key)
        if isinstance(value, str) and value:
            return value
    return path


def _first(items: Iterable[list], keep: int) -> list[list]:
    return sorted(items, key=lambda item: item[0])[:keep]


@dataclass
class CorpusSummary:
    documents: int = 0
    characters: int = 0
    documents_with_findings: int = 0
    findings: int = 0
    severities: dict[str, int] = field(default_factory=dict)
    # code -> {"rule", "category", "severity", "findings", "documents", "examples", "samples"}
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    categories: dict[str, dict[str, int]] = field(default_factory=dict)  # -> findings, documents
    prefixes: dict[str, int] = field(default_factory=dict)  # code prefix -> documents affected
    sources: dict[str, list[int]] = field(default_factory=dict)  # -> [documents, affected, findings]
    findings_histogram: dict[str, int] = field(default_factory=dict)
    length_histogram: dict[str, int] = field(default_factory=dict)
    input_errors: list[list] = field(default_factory=list)  # [[key, path, record, message]]
    input_error_count: int = 0
    internal_errors: int = 0

    # -- adding ----------------------------------------------------------------------------

    def add_document(self, key: tuple[int, int], label: str, source: str, text: str,
                     diagnostics: list[Diagnostic]) -> None:
        self.documents += 1
        self.characters += len(text)
        _inc(self.length_histogram, _bin(len(text), LENGTH_BINS))
        _inc(self.findings_histogram, _bin(len(diagnostics), FINDINGS_BINS))
        counts = self.sources.setdefault(source, [0, 0, 0])
        counts[0] += 1
        if not diagnostics:
            return
        self.documents_with_findings += 1
        self.findings += len(diagnostics)
        counts[1] += 1
        counts[2] += len(diagnostics)
        # Findings are counted per (code, severity) in C first: a document has dozens of
        # findings but few distinct rules. Rules meet in the order of their first finding.
        tally = Counter(zip(map(_code, diagnostics), map(_severity, diagnostics)))
        first_of: dict[str, Diagnostic] = {}
        for diag in diagnostics:
            first_of.setdefault(diag.code, diag)
        categories: set[str] = set()
        for (code, severity), count in tally.items():
            _inc(self.severities, severity.value, count)
            diag = first_of[code]
            entry = self.rules.get(code)
            if entry is None:
                entry = self.rules[code] = {
                    "rule": diag.rule, "category": diag.category.value, "severity": diag.severity.value,
                    "findings": 0, "documents": 0, "examples": [], "samples": []}
            entry["findings"] += count
            category = self.categories.setdefault(diag.category.value, {"findings": 0, "documents": 0})
            category["findings"] += count
            categories.add(diag.category.value)
        for code in first_of:
            entry = self.rules[code]
            entry["documents"] += 1
            if len(entry["examples"]) < EXAMPLE_IDS:
                entry["examples"].append([list(key), label])
            if len(entry["samples"]) < SAMPLES_PER_RULE:
                for ordinal, diag in enumerate(diagnostics):
                    if diag.code == code and len(entry["samples"]) < SAMPLES_PER_RULE:
                        entry["samples"].append([[*key, ordinal], label, diag.message, _context(text, diag)])
        for name in categories:
            self.categories[name]["documents"] += 1
        for prefix in {p for code in first_of for p in code_prefixes(code)}:
            _inc(self.prefixes, prefix)

    def add_input_error(self, key: tuple[int, int], error: InputError) -> None:
        self.input_error_count += 1
        if len(self.input_errors) < MAX_INPUT_ERRORS:
            self.input_errors.append([list(key), error.path, error.record, error.message])

    # -- merging ---------------------------------------------------------------------------

    def merge(self, other: CorpusSummary) -> CorpusSummary:
        for name in ("documents", "characters", "documents_with_findings", "findings",
                     "input_error_count", "internal_errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.severities, other.severities), (self.prefixes, other.prefixes),
                             (self.findings_histogram, other.findings_histogram),
                             (self.length_histogram, other.length_histogram)):
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0) + value
        for code, entry in other.rules.items():
            mine = self.rules.get(code)
            if mine is None:
                self.rules[code] = json.loads(json.dumps(entry))
                continue
            mine["findings"] += entry["findings"]
            mine["documents"] += entry["documents"]
            mine["examples"] = _first(mine["examples"] + entry["examples"], EXAMPLE_IDS)
            mine["samples"] = _first(mine["samples"] + entry["samples"], SAMPLES_PER_RULE)
        for name, entry in other.categories.items():
            mine_cat = self.categories.setdefault(name, {"findings": 0, "documents": 0})
            mine_cat["findings"] += entry["findings"]
            mine_cat["documents"] += entry["documents"]
        for source, counts in other.sources.items():
            mine_counts = self.sources.setdefault(source, [0, 0, 0])
            for i, value in enumerate(counts):
                mine_counts[i] += value
        self.input_errors = _first(self.input_errors + other.input_errors, MAX_INPUT_ERRORS)
        return self

    # -- reading it ------------------------------------------------------------------------

    def rate_of(self, selector: str) -> tuple[int, float]:
        """(documents affected, fraction of documents) for a rule code, slug, prefix or category."""
        affected = self.affected_by(selector)
        return affected, (affected / self.documents if self.documents else 0.0)

    def affected_by(self, selector: str) -> int:
        sel = selector.strip()
        if sel.lower() in self.categories:
            return self.categories[sel.lower()]["documents"]
        for entry in self.rules.values():
            if entry["rule"] == sel.lower():
                return entry["documents"]
        return self.prefixes.get(sel.upper(), 0)

    def rule_rates(self) -> dict[str, float]:
        return {code: e["documents"] / self.documents for code, e in sorted(self.rules.items())} \
            if self.documents else {}

    def category_rates(self) -> dict[str, float]:
        return {name: e["documents"] / self.documents for name, e in sorted(self.categories.items())} \
            if self.documents else {}

    def dirtiest_sources(self, limit: int = 15, min_documents: int = 1) -> list[tuple[str, int, int, int]]:
        rows = [(name, *counts) for name, counts in self.sources.items() if counts[0] >= min_documents]
        rows.sort(key=lambda r: (-(r[2] / r[1]), -r[1], r[0]))
        return rows[:limit]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents, "characters": self.characters,
            "documents_with_findings": self.documents_with_findings, "findings": self.findings,
            "severities": dict(sorted(self.severities.items())),
            "rules": dict(sorted(self.rules.items())),
            "categories": dict(sorted(self.categories.items())),
            "prefixes": dict(sorted(self.prefixes.items())),
            "sources": dict(sorted(self.sources.items())),
            "findings_histogram": {name: self.findings_histogram.get(name, 0) for _, name in FINDINGS_BINS},
            "length_histogram": {name: self.length_histogram.get(name, 0) for _, name in LENGTH_BINS},
            "input_errors": self.input_errors, "input_error_count": self.input_error_count,
            "internal_errors": self.internal_errors,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CorpusSummary:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def write(self, path: Path, **extra: Any) -> None:
        path.write_text(json.dumps({"newslint_summary": 1, **extra, **self.to_dict()}, ensure_ascii=False) + "\n",
                        encoding="utf-8")


def _inc(counter: dict[str, int], key: str, by: int = 1) -> None:
    counter[key] = counter.get(key, 0) + by


_code = attrgetter("code")
_severity = attrgetter("severity")


def _context(text: str, diag: Diagnostic) -> list[str]:
    if diag.field == "title":
        return ["", f"(title) {diag.message}", ""]
    start, end = diag.start, min(diag.end, diag.start + 200)
    return [text[max(0, start - CONTEXT_CHARS):start], text[start:end], text[end:end + CONTEXT_CHARS]]
