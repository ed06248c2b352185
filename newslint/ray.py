"""newslint on Ray (optional extra: pip install 'newslint[ray]').

`lint_dataset(ds)` lints a Ray Dataset of records (rows with a `text` field, optionally
`title`, `id`, `url`, `source`) and returns the findings and the merged corpus summary.
`check_units_on_ray(units)` is what `newslint check --ray ADDRESS|auto` runs: the shards are
read by `ray.data` tasks on the cluster's workers, with the same readers, the same per-chunk
work (`newslint.corpus.work.Worker`, rules compiled once per worker process) and the same mergeable
summary as a local run, so both give the same findings and summary.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import Any

from newslint.corpus.crossdoc import DEFAULT_CAP, LineCounts
from newslint.corpus.sources import Unit, read_unit
from newslint.corpus.summary import CorpusSummary
from newslint.corpus.work import Chunk, ChunkResult, Job, Worker
from newslint.diagnostics import Diagnostic

# Rows handed to one actor call; about one local chunk.
BATCH_ROWS = 256
# CPU share of a reading task and of a linting actor: the readers must still get a slot when
# one actor per CPU is up, or the pipeline waits on itself.
READ_CPUS = 0.1
LINT_CPUS = 0.9
_META = ("_path", "_file_index", "_number")


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401 - the Dataset API is a separate import
    except ImportError:
        raise ImportError("newslint's Ray support needs ray[data]: pip install 'newslint[ray]'") from None
    return ray


def connect(address: str | None = "auto", num_cpus: int | None = None) -> None:
    """Join a cluster (`auto` or an address), or start a local one with `address="local"`."""
    ray = _ray()
    if ray.is_initialized():
        return
    # Workers of a local cluster import newslint from where this process does.
    package_root = str(Path(__file__).resolve().parent.parent)
    env = {"PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)}
    if address in (None, "local"):
        ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
                 runtime_env={"env_vars": env})
    else:
        ray.init(address=address, log_to_driver=False)


# Per Ray worker process: the Worker built for a job, so rules are compiled once per process
# (Ray reuses its worker processes across tasks; tasks start much faster than actors).
_WORKERS: dict[bytes, Worker] = {}


def _lint_batch(batch: Any, job: Job) -> dict[str, list]:
    key = pickle.dumps(job)
    worker = _WORKERS.get(key)
    if worker is None:
        worker = _WORKERS[key] = Worker(job)
    results = []
    rows = batch.to_pylist()
    for (path, file_index), group in groupby(rows, key=lambda r: (r.get("_path", ""), r.get("_file_index", 0))):
        chunk_rows = [(row.get("_number") or 0, _payload(row)) for row in group]
        result = worker.process(Chunk(path or "<ray>", file_index or 0, chunk_rows, 0))
        results.append(((file_index or 0, chunk_rows[0][0]), result))
    return {"result": [pickle.dumps(r) for r in results]}


def _payload(row: dict[str, Any]):
    if "_payload" in row:
        return pickle.loads(row["_payload"])
    return {k: v for k, v in row.items() if k not in _META}


def _unit_rows(item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    unit = Unit(item["path"], item["file_index"], item["start"], item["stop"], item["row_group"])
    for number, payload in read_unit(unit):
        yield {"_path": unit.path, "_file_index": unit.file_index, "_number": number,
               "_payload": pickle.dumps(payload)}


def _chunk_results(ds: Any, job: Job, concurrency: int | None) -> list[ChunkResult]:
    """The job's result for every chunk of the dataset, in input order."""
    ray = _ray()
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False  # newslint prints its own summary
    mapped = ds.map_batches(_lint_batch, fn_kwargs={"job": job}, batch_size=BATCH_ROWS, batch_format="pyarrow",
                            num_cpus=LINT_CPUS, concurrency=concurrency)
    keyed = [pickle.loads(row["result"]) for row in mapped.iter_rows()]
    # preserve_order is asked for, but the results are put in input order here regardless.
    keyed.sort(key=lambda item: item[0])
    return [result for _, result in keyed]


def _lint(ds: Any, job: Job, concurrency: int | None,
          on_result: Callable[[ChunkResult], None] | None = None) -> tuple[list[Diagnostic], CorpusSummary]:
    summary = CorpusSummary()
    found: list[Diagnostic] = []
    for result in _chunk_results(ds, job, concurrency):
        found.extend(result.diagnostics)
        summary.merge(result.summary)
        if on_result is not None:
            on_result(result)
    return found, summary


def lint_dataset(ds: Any, job: Job | None = None, *, concurrency: int | None = None
                 ) -> tuple[list[Diagnostic], CorpusSummary]:
    """Findings and merged summary of a Ray Dataset of records (default rules unless `job` says)."""
    return _lint(ds, job or Job(), concurrency)


def _units_dataset(units: list[Unit]) -> Any:
    ray = _ray()
    items = [{"path": u.path, "file_index": u.file_index, "start": u.start, "stop": u.stop,
              "row_group": u.row_group} for u in units]
    return ray.data.from_items(items, override_num_blocks=len(items)).flat_map(_unit_rows, num_cpus=READ_CPUS)


def site_lines_on_ray(units: list[Unit], job: Job, *, cap: int = DEFAULT_CAP, min_documents: int = 5,
                      min_share: float = 0.1) -> dict[str, frozenset[int]]:
    """Pass 1 of cross-document boilerplate on the cluster: frequent line hashes per site group."""
    counts = LineCounts(cap=cap)
    if units:
        for result in _chunk_results(_units_dataset(units), replace(job, mode="count", cross_document=None), None):
            if result.counts is not None:
                counts.merge(result.counts)
    return counts.frequent(min_documents, min_share)


def check_units_on_ray(units: list[Unit], job: Job, *, address: str = "auto", num_cpus: int | None = None,
                       cross_document: dict[str, Any] | None = None,
                       on_result: Callable[[ChunkResult], None] | None = None,
                       ) -> tuple[list[Diagnostic], CorpusSummary]:
    """Read the units with ray.data on the cluster's workers and lint them there.

    `cross_document` (keyword arguments of `site_lines_on_ray`: min_documents, min_share)
    runs the counting pass on the cluster first, as `--cross-document` does locally.
    `on_result` sees each chunk's result in input order (input errors, service messages).
    """
    connect(address, num_cpus)
    if not units:
        return [], CorpusSummary()
    if cross_document is not None:
        job = replace(job, cross_document=site_lines_on_ray(units, job, **cross_document))
    return _lint(_units_dataset(units), job, None, on_result)
