"""Fan-out by any scheduler: `--shard I/N` runs write partial summaries; `merge` joins them.

A part file is a summary (see summary.py) plus which shard of which inputs it covers, so
`merge` can refuse a set of parts that is incomplete, doubled, or from different inputs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from newslint.corpus.summary import CorpusSummary
from newslint.inputs.errors import InputError


class MergeError(ValueError):
    pass


def parse_shard(text: str) -> tuple[int, int]:
    index, sep, count = text.partition("/")
    try:
        i, n = int(index), int(count)
    except ValueError:
        raise MergeError(f"--shard takes I/N (e.g. 2/8), not {text!r}") from None
    if not sep or n < 1 or not 1 <= i <= n:
        raise MergeError(f"--shard {text!r}: I must be between 1 and N")
    return i, n


def write_part(summary: CorpusSummary, path: Path, shard: tuple[int, int] | None, inputs: Sequence[str]) -> None:
    summary.write(path, shard=list(shard) if shard else None, inputs=list(inputs))


def merge_parts(paths: Sequence[Path]) -> CorpusSummary:
    """The summary of the whole run from its parts; the parts must be shards 1..N of one input."""
    merged = CorpusSummary()
    seen: dict[int, Path] = {}
    counts: set[int] = set()
    inputs: set[tuple[str, ...]] = set()
    for path in paths:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(path), f"not a readable summary: {exc}") from None
        if not isinstance(data, dict) or "newslint_summary" not in data:
            raise InputError(str(path), "not a newslint summary (written by --write-summary)")
        shard = data.get("shard")
        if shard:
            index, count = shard
            if index in seen:
                raise MergeError(f"{path} and {seen[index]} are both shard {index}/{count}")
            seen[index] = path
            counts.add(count)
        inputs.add(tuple(data.get("inputs") or ()))
        merged.merge(CorpusSummary.from_dict(data))
    if len(counts) > 1:
        raise MergeError(f"the parts come from runs with different shard counts: {sorted(counts)}")
    if counts:
        (count,) = counts
        missing = sorted(set(range(1, count + 1)) - set(seen))
        if missing:
            raise MergeError(f"shards missing from the merge: {', '.join(f'{i}/{count}' for i in missing)}")
    if len(inputs) > 1:
        raise MergeError("the parts were run on different inputs")
    return merged
