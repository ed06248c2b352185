"""Corpus inputs: expand paths into shards, split shards into work units, read units as rows.

A corpus is JSONL shards (plain or .gz/.bz2/.xz/.zst) and/or Parquet files, named directly,
by folder, by glob, or by a remote URL that fsspec can open (s3://, gs://, https://).

A *unit* is the smallest piece of work `--shard I/N` hands out: a whole compressed file, a
byte range of a plain JSONL file, or one Parquet row group. Units are planned the same way
on every machine, so shard I of N always gets the same records.

Reading yields `(number, payload)` pairs in file order: the payload is the raw JSONL line
(bytes; parsed in the worker) or a Parquet row (dict), or an InputError for a row or a
file that cannot be read. Memory stays bounded: nothing is read ahead of what is asked for.
"""

from __future__ import annotations

import glob as globbing
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Union

from newslint.inputs.discover import discover
from newslint.inputs.errors import InputError
from newslint.inputs.records import COMPRESSION_SUFFIXES, STREAM_ERRORS, open_binary

PARQUET_SUFFIXES = (".parquet", ".pq")
CORPUS_EXTENSIONS = tuple(
    base + comp for base in (".jsonl", ".ndjson") for comp in ("",) + COMPRESSION_SUFFIXES
) + PARQUET_SUFFIXES
_GLOB_CHARS = set("*?[")
# Parquet rows are handed on in batches of this many rows.
PARQUET_BATCH_ROWS = 512
# How much of a file is read at once when counting the lines before a byte range.
_COUNT_BLOCK = 1 << 20

Payload = Union[bytes, dict, InputError]


def is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET_SUFFIXES)


def is_compressed(path: str) -> bool:
    return path.lower().endswith(COMPRESSION_SUFFIXES)


def _fsspec():
    try:
        import fsspec
    except ImportError:
        raise InputError("", "remote paths need fsspec (pip install 'newslint[corpus]')") from None
    return fsspec


def _remote_files(path: str) -> list[str]:
    fsspec = _fsspec()
    try:
        fs, _, expanded = fsspec.get_fs_token_paths(path)
    except (ImportError, ValueError) as exc:
        raise InputError(path, f"no fsspec backend for this URL: {exc}") from None
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    found: list[str] = []
    for item in expanded:
        if not any(c in path for c in _GLOB_CHARS) and fs.isdir(item):
            found.extend(sorted(p for p in fs.find(item) if p.lower().endswith(CORPUS_EXTENSIONS)))
        else:
            found.append(item)
    # fsspec drops the protocol from the paths it lists; put it back so workers can open them.
    return [p if "://" in p or protocol in ("file", "local") else f"{protocol}://{p}" for p in found]


def expand_paths(paths: Sequence[str]) -> list[str]:
    """Every shard named by paths, folders, globs or remote URLs, in a stable order."""
    files: list[str] = []
    for raw in paths:
        if is_remote(raw):
            files.extend(_remote_files(raw))
        elif any(c in raw for c in _GLOB_CHARS) and not Path(raw).exists():
            matched = sorted(globbing.glob(raw, recursive=True))
            if not matched:
                raise InputError(raw, "the pattern matches no file")
            for match in matched:
                files.extend(str(p) for p in discover([match], CORPUS_EXTENSIONS))
        else:
            files.extend(str(p) for p in discover([raw], CORPUS_EXTENSIONS))
    return files


def open_shard(path: str) -> IO[bytes]:
    """A decompressed binary stream of a local or remote shard."""
    if is_remote(path):
        try:
            return _fsspec().open(path, "rb", compression="infer").open()
        except (ImportError, ValueError) as exc:
            raise InputError(path, f"cannot open: {exc}") from None
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc}") from None
    return open_binary(Path(path))


def shard_size(path: str) -> int:
    try:
        if is_remote(path):
            fsspec = _fsspec()
            fs, _, (one,) = fsspec.get_fs_token_paths(path)
            return int(fs.size(one) or 0)
        return os.path.getsize(path)
    except (OSError, ValueError, InputError):
        return 0


@dataclass(frozen=True)
class Unit:
    """One piece of work: a file (or a byte range of it, or one Parquet row group)."""

    path: str
    file_index: int  # position of the file in the expanded input list
    start: int = 0  # byte offset (plain JSONL) or row-group index (Parquet)
    stop: int | None = None  # byte offset, exclusive; None for "to the end"
    row_group: bool = False

    @property
    def size_hint(self) -> int:
        if self.stop is not None:
            return self.stop - self.start
        return 0 if self.row_group else shard_size(self.path)


def _parquet_row_groups(path: str) -> int:
    with _ParquetFile(path) as pf:
        return pf.num_row_groups


def plan_units(files: Sequence[str], shard: tuple[int, int] | None = None) -> list[Unit]:
    """The units of shard `(i, n)` (1-based i), or every whole file when shard is None.

    A plain JSONL file is cut into n byte ranges (range k goes to shard k); compressed
    files and Parquet row groups, which cannot be cut at a byte, are dealt round-robin.
    """
    if shard is None:
        return [Unit(path, index) for index, path in enumerate(files)]
    wanted, count = shard[0] - 1, shard[1]
    units: list[Unit] = []
    dealt = 0
    for index, path in enumerate(files):
        if is_parquet(path):
            try:
                groups = _parquet_row_groups(path)
            except (InputError, OSError):
                groups = 0
            if groups == 0:  # unreadable: one unit, so exactly one shard reports it
                if dealt % count == wanted:
                    units.append(Unit(path, index))
                dealt += 1
            for group in range(groups):
                if dealt % count == wanted:
                    units.append(Unit(path, index, group, None, row_group=True))
                dealt += 1
        elif is_compressed(path) or is_remote(path):
            if dealt % count == wanted:
                units.append(Unit(path, index))
            dealt += 1
        else:
            size = shard_size(path)
            start, stop = size * wanted // count, size * (wanted + 1) // count
            if start < stop or (size == 0 and wanted == 0):
                units.append(Unit(path, index, start, stop))
    return units


# -- reading ---------------------------------------------------------------------------------


def _count_lines_before(handle: IO[bytes], offset: int) -> int:
    handle.seek(0)
    remaining, lines = offset, 0
    while remaining > 0:
        block = handle.read(min(_COUNT_BLOCK, remaining))
        if not block:
            break
        lines += block.count(b"\n")
        remaining -= len(block)
    return lines


def _open_or_error(opener, path: str):
    """(opened, None), or (None, an InputError at record 1) when the shard cannot be opened."""
    try:
        return opener(path), None
    except InputError as exc:
        return None, InputError(path, exc.message, 1)
    except OSError as exc:
        return None, InputError(path, f"cannot read: {exc.strerror or exc}", 1)


def _read_jsonl(unit: Unit) -> Iterator[tuple[int, Payload]]:
    handle, error = _open_or_error(open_shard, unit.path)
    if error is not None:
        yield 1, error
        return
    number = 0
    with handle:
        try:
            position = unit.start
            if position > 0:
                # A range owns the lines that *start* inside it.
                handle.seek(position - 1)
                if handle.read(1) != b"\n":
                    position += len(handle.readline())
                number = _count_lines_before(handle, position)
                handle.seek(position)
            for raw_line in handle:
                if unit.stop is not None and position >= unit.stop:
                    break
                number += 1
                position += len(raw_line)
                if raw_line.strip():
                    yield number, raw_line
        except STREAM_ERRORS as exc:
            # A corrupt or truncated compressed stream: report where reading stopped.
            yield number + 1, InputError(unit.path, f"cannot read further: {exc}", number + 1)


class _ParquetFile:
    """pyarrow.parquet.ParquetFile over a local or remote path, closed with the file."""

    def __init__(self, path: str) -> None:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise InputError(path, "reading Parquet needs pyarrow (pip install 'newslint[corpus]')") from None
        self.handle = open_shard(path) if is_remote(path) else open(path, "rb")
        try:
            self.file = pq.ParquetFile(self.handle)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a bad file
            self.handle.close()
            raise InputError(path, f"not a readable Parquet file: {exc}") from None

    def __enter__(self):
        return self.file

    def __exit__(self, *exc: Any) -> None:
        self.handle.close()


def _read_parquet(unit: Unit) -> Iterator[tuple[int, Payload]]:
    opened, error = _open_or_error(_ParquetFile, unit.path)
    if error is not None:
        yield 1, error
        return
    with opened as pf:
        groups = [unit.start] if unit.row_group else list(range(pf.num_row_groups))
        row_offsets = [0]
        for g in range(pf.num_row_groups):
            row_offsets.append(row_offsets[-1] + pf.metadata.row_group(g).num_rows)
        for group in groups:
            number = row_offsets[group]
            try:
                for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=[group]):
                    for row in batch.to_pylist():
                        number += 1
                        yield number, row
            except Exception as exc:  # noqa: BLE001 - a corrupt row group is reported, not fatal
                yield number + 1, InputError(unit.path, f"cannot read row group {group}: {exc}", number + 1)


def read_unit(unit: Unit) -> Iterator[tuple[int, Payload]]:
    """Rows of a unit in order: raw JSONL lines, Parquet rows as dicts, or InputErrors."""
    if is_parquet(unit.path):
        yield from _read_parquet(unit)
    else:
        yield from _read_jsonl(unit)
