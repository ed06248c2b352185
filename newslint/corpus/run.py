"""Run a job over a corpus on every core: chunks in, results out in input order, memory bounded.

The reading process cuts the input into chunks of raw rows (about CHUNK_BYTES each) and
hands them to a process pool whose workers compiled the rules once (pool initializer).
At most `jobs * IN_FLIGHT` chunks are out at a time, so memory does not grow with the
corpus; results come back in input order whatever order the workers finish in.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace

from newslint.corpus.crossdoc import DEFAULT_CAP, LineCounts
from newslint.corpus.sources import Unit, read_unit
from newslint.corpus.summary import CorpusSummary
from newslint.corpus.work import Chunk, ChunkResult, Job, Worker, init_worker, process_chunk
from newslint.diagnostics import Diagnostic

CHUNK_BYTES = 256 * 1024
CHUNK_ROWS = 1000
IN_FLIGHT = 3  # chunks queued per worker
# Parquet rows have no byte length at hand; count this many bytes per row for chunking.
_ROW_SIZE_GUESS = 2048


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def iter_chunks(units: Iterable[Unit]) -> Iterator[Chunk]:
    for unit in units:
        rows: list = []
        size = 0
        for number, payload in read_unit(unit):
            rows.append((number, payload))
            size += len(payload) if isinstance(payload, bytes) else _ROW_SIZE_GUESS
            if size >= CHUNK_BYTES or len(rows) >= CHUNK_ROWS:
                yield Chunk(unit.path, unit.file_index, rows, size)
                rows, size = [], 0
        if rows:
            yield Chunk(unit.path, unit.file_index, rows, size)


def map_chunks(job: Job, chunks: Iterable[Chunk], jobs: int) -> Iterator[ChunkResult]:
    """Results of `job` over chunks, in order, on `jobs` processes (1: in this process)."""
    if jobs <= 1:
        worker = Worker(job)
        for chunk in chunks:
            yield worker.process(chunk)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=init_worker, initargs=(job,))
    pending: deque[Future[ChunkResult]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(process_chunk, chunk))
            if len(pending) >= jobs * IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class Progress:
    """A rich progress bar on stderr (records/s, MB/s, ETA) when it is a terminal; else nothing."""

    def __init__(self, total_bytes: int, enabled: bool) -> None:
        self.bar = None
        self.records = 0
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, Progress as RichProgress, TaskProgressColumn, TextColumn,
                                   TimeRemainingColumn, TransferSpeedColumn)

        console = Console(stderr=True)
        if not console.is_terminal:
            return
        self.bar = RichProgress(
            TextColumn("checking"), BarColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[records]:,} records ({task.fields[rate]:,.0f}/s)"),
            TransferSpeedColumn(), TimeRemainingColumn(), console=console, transient=True)
        self.start = time.perf_counter()
        self.task = self.bar.add_task("corpus", total=total_bytes or None, records=0, rate=0.0)
        self.bar.start()

    def advance(self, result: ChunkResult) -> None:
        if self.bar is None:
            return
        self.records += result.records + len(result.input_errors)
        rate = self.records / max(time.perf_counter() - self.start, 1e-9)
        self.bar.update(self.task, advance=result.size, records=self.records, rate=rate)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@dataclass
class CorpusRun:
    summary: CorpusSummary = field(default_factory=CorpusSummary)
    records: int = 0


def run(units: Sequence[Unit], job: Job, *, jobs: int | None = None, progress: bool = False,
        on_result: Callable[[ChunkResult], None] | None = None) -> CorpusRun:
    """Run `job` over the units; `on_result` sees each chunk's result in input order."""
    outcome = CorpusRun()
    bar = Progress(sum(u.size_hint for u in units), progress)
    try:
        for result in map_chunks(job, iter_chunks(units), jobs or default_jobs()):
            outcome.summary.merge(result.summary)
            outcome.records += result.records
            bar.advance(result)
            if on_result is not None:
                on_result(result)
    finally:
        bar.close()
    return outcome


def check_corpus(units: Sequence[Unit], job: Job, *, jobs: int | None = None) -> tuple[list[Diagnostic], CorpusRun]:
    """Every diagnostic and the summary (for tests and small corpora: diagnostics are kept)."""
    found: list[Diagnostic] = []
    outcome = run(units, job, jobs=jobs, on_result=lambda r: found.extend(r.diagnostics))
    return found, outcome


def learn_site_lines(units: Sequence[Unit], job: Job, *, jobs: int | None = None, cap: int = DEFAULT_CAP,
                     min_documents: int = 5, min_share: float = 0.1) -> dict[str, frozenset[int]]:
    """Pass 1 of cross-document boilerplate: frequent line hashes per site group."""
    counts = LineCounts(cap=cap)

    def absorb(result: ChunkResult) -> None:
        if result.counts is not None:
            counts.merge(result.counts)

    run(units, replace(job, mode="count", cross_document=None), jobs=jobs, on_result=absorb)
    return counts.frequent(min_documents, min_share)


def collect_lines(units: Sequence[Unit], job: Job, table: dict[str, frozenset[int]], *,
                  jobs: int | None = None) -> list[str]:
    """Pass 2 of `learn`: the text of each frequent line (first occurrence), in input order."""
    lines: dict[int, str] = {}

    def absorb(result: ChunkResult) -> None:
        for h, line in result.lines.items():
            lines.setdefault(h, line)

    run(units, replace(job, mode="collect", cross_document=table), jobs=jobs, on_result=absorb)
    return list(lines.values())
