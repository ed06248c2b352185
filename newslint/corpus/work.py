"""The work done on one chunk of records, in a pool worker, in-process, or in a Ray actor.

A worker compiles the rules once (`Worker(job)`, called by the pool's initializer) and then
turns chunks of raw rows into `ChunkResult`s: diagnostics in input order, a partial
`CorpusSummary`, and, when fixing, the cleaned rows and the audit trail. Rows are parsed
here, not in the reading process, so JSON decoding is spread over the workers too.
"""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.corpus.crossdoc import LineCounts, RepeatedAcrossSite, candidate_lines, document_hashes, line_hash
from newslint.corpus.sources import Payload
from newslint.corpus.summary import CorpusSummary, source_of
from newslint.diagnostics import Diagnostic, InternalError
from newslint.inputs.errors import InputError
from newslint.inputs.records import Record, RecordFields, parse_record, record_from_object
from newslint.registry import Registry
from newslint.rule import Rule
from newslint.runner import check_record, fix_record
from newslint.session import RulesFor, per_file_rules


@dataclass(frozen=True)
class RuleSpec:
    """What the rules are, in a form a worker process can rebuild them from."""

    rules_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)  # glob -> selectors

    def registry(self) -> Registry:
        return Registry.load([Path(d) for d in self.rules_dirs])

    def build(self) -> list[Rule]:
        return self._build(self.registry())

    def rules_for(self) -> RulesFor:
        """The rules for an input path: built once, less those its per-file-ignores remove."""
        registry = self.registry()
        return per_file_rules(self._build(registry), self.per_file_ignores, registry.matching)

    def _build(self, registry: Registry) -> list[Rule]:
        classes = registry.select(list(self.select) if self.select is not None else None,
                                  list(self.ignore), list(self.extend_select))
        registry.check_selectors([s for sels in self.per_file_ignores.values() for s in sels], "per-file-ignores")
        return registry.instantiate(classes, self.options, self.severities)

    def codes_matching(self, selectors: tuple[str, ...]) -> frozenset[str]:
        registry = self.registry()
        registry.check_selectors(selectors, "drop-if")
        return frozenset(cls.code for sel in selectors for cls in registry.matching(sel))


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to know; sent once to each worker."""

    rules: RuleSpec = RuleSpec()
    fields: RecordFields = RecordFields()
    mode: str = "check"  # check | fix | count (cross-document pass 1) | collect (learn pass 2)
    unsafe: bool = False
    drop_codes: frozenset[str] = frozenset()
    cross_document: dict[str, frozenset[int]] | None = None  # site group -> frequent line hashes
    # Send each finding back to the reading process; off when only the summary is wanted,
    # which saves pickling ~100k findings per 200 MB.
    keep_findings: bool = True


@dataclass
class Chunk:
    path: str
    file_index: int
    rows: list[tuple[int, Payload]]
    size: int  # input bytes the rows took (for MB/s)


@dataclass
class ChunkResult:
    path: str
    summary: CorpusSummary = field(default_factory=CorpusSummary)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    input_errors: list[InputError] = field(default_factory=list)
    internal_errors: list[InternalError] = field(default_factory=list)
    rows_out: list[bytes | dict] = field(default_factory=list)  # fix: cleaned rows, dropped ones left out
    audit: list[dict[str, Any]] = field(default_factory=list)
    counts: LineCounts | None = None  # count mode
    lines: dict[int, str] = field(default_factory=dict)  # collect mode: hash -> first line text
    size: int = 0
    records: int = 0
    unfixed: dict[str, int] = field(default_factory=dict)  # fix: findings left, per severity
    # Service messages (a grammar server that is out, a timeout) first seen in this chunk,
    # and the categories whose service was out (for --require-grammar).
    notices: list[str] = field(default_factory=list)
    unavailable: set[str] = field(default_factory=set)


# Records are linted one after the other, each making tens of thousands of short-lived objects
# (lines, blocks, tokens, findings) that reference counting frees; the cyclic collector only
# re-scans them. A larger first-generation threshold runs it less often.
_GC_FIRST_GENERATION = 20_000


def _settle_heap() -> None:
    """Take what is built so far (rules, automata, compiled patterns: it lives for the whole
    run) out of the collector's full passes, and run the collector less often."""
    gc.freeze()
    first, second, third = gc.get_threshold()
    gc.set_threshold(max(first, _GC_FIRST_GENERATION), second, third)


class Worker:
    def __init__(self, job: Job) -> None:
        self.job = job
        linting = job.mode in ("check", "fix")
        self.rules_for: RulesFor = job.rules.rules_for() if linting else (lambda path: [])
        self.cross: RepeatedAcrossSite | None = None
        if job.cross_document is not None and linting:
            self.cross = RepeatedAcrossSite(job.cross_document)
        self._used: dict[int, Rule] = {}  # every rule instance that ran, for its service messages
        self._said: set[str] = set()
        self.learned = frozenset().union(*job.cross_document.values()) \
            if job.cross_document and job.mode == "collect" else frozenset()
        _settle_heap()

    def parse(self, path: str, number: int, payload: bytes | dict) -> Record:
        if isinstance(payload, bytes):
            return parse_record(path, number, payload, self.job.fields)
        return record_from_object(path, number, payload, self.job.fields)

    def process(self, chunk: Chunk) -> ChunkResult:
        out = ChunkResult(chunk.path, size=chunk.size)
        if self.job.mode == "count":
            out.counts = LineCounts()
        for number, payload in chunk.rows:
            key = (chunk.file_index, number)
            if isinstance(payload, InputError):
                out.summary.add_input_error(key, payload)
                out.input_errors.append(payload)
                continue
            try:
                record = self.parse(chunk.path, number, payload)
            except InputError as exc:
                out.summary.add_input_error(key, exc)
                out.input_errors.append(exc)
                if self.job.mode == "fix":
                    out.rows_out.append(payload)  # kept as it was: a bad row is reported, never lost
                continue
            out.records += 1
            self.process_record(record, payload, key, out)
        self._collect_service_messages(out)
        return out

    def rules(self, path: str) -> list[Rule]:
        rules = list(self.rules_for(path))
        if self.cross is not None:
            rules.append(self.cross)
        for rule in rules:
            self._used.setdefault(id(rule), rule)
        return rules

    def _collect_service_messages(self, out: ChunkResult) -> None:
        for rule in self._used.values():
            if rule.unavailable:
                out.unavailable.add(rule.category.value)
            for message in rule.service_messages():
                if message not in self._said:
                    self._said.add(message)
                    out.notices.append(message)

    def process_record(self, record: Record, payload: bytes | dict, key: tuple[int, int], out: ChunkResult) -> None:
        source = source_of(record.raw, record.path)
        mode = self.job.mode
        if mode == "count":
            out.counts.add(source, document_hashes(record.text))
            return
        if mode == "collect":
            for line in candidate_lines(record.text):
                h = line_hash(line)
                if h in self.learned and h not in out.lines:
                    out.lines[h] = line
            return
        if self.cross is not None:
            self.cross.group = source
        label = record.id if record.id is not None else f"{record.path}:{record.number}"
        if mode == "fix":
            diagnostics = self.fix(record, payload, label, out)
        else:
            result = check_record(record, self.rules(record.path), self.job.fields.text)
            diagnostics = result.diagnostics
            out.internal_errors.extend(result.errors)
            out.summary.internal_errors += len(result.errors)
        if self.job.keep_findings:
            out.diagnostics.extend(diagnostics)
        out.summary.add_document(key, label, source, record.text, diagnostics)

    def fix(self, record: Record, payload: bytes | dict, label: str, out: ChunkResult) -> list[Diagnostic]:
        fields = self.job.fields
        outcome = fix_record(record, self.rules(record.path), unsafe=self.job.unsafe, text_field=fields.text)
        out.internal_errors.extend(outcome.remaining.errors)
        out.summary.internal_errors += len(outcome.remaining.errors)
        found = outcome.applied + outcome.remaining.diagnostics
        where = {"path": record.path, "record": record.number, "id": record.id}
        dropped_by = sorted({d.code for d in found if d.code in self.job.drop_codes})
        if dropped_by:
            out.audit.append({**where, "dropped": True, "codes": dropped_by, "row": record.raw})
            return found
        for iteration, diag, originals in outcome.replaced:
            for edit, original in zip(diag.fix.edits, originals):
                out.audit.append({**where, "field": "title" if diag.field == "title" else fields.text,
                                  "code": diag.code, "rule": diag.rule, "pass": iteration + 1,
                                  "start": edit.start, "end": edit.end,
                                  "removed": original, "replacement": edit.replacement})
        for diag in outcome.remaining.diagnostics:
            out.unfixed[diag.severity.value] = out.unfixed.get(diag.severity.value, 0) + 1
        if not outcome.changed(record.text, record.title):
            out.rows_out.append(payload)
            return found
        row = dict(record.raw)
        row[fields.text] = outcome.text
        if outcome.title is not None and record.title is not None:
            row[fields.title] = outcome.title
        out.rows_out.append(row if isinstance(payload, dict)
                            else (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
        return found


# The worker of this process, built once by the pool's initializer.
_WORKER: Worker | None = None


def init_worker(job: Job) -> None:
    global _WORKER
    _WORKER = Worker(job)


def process_chunk(chunk: Chunk) -> ChunkResult:
    assert _WORKER is not None, "init_worker was not called in this process"
    return _WORKER.process(chunk)
