"""Writers for `fix -o`: cleaned shards in the input's format and compression, and the audit file.

`-o FILE` writes every input into one file whose suffix picks the compression
(`cleaned.jsonl.zst`); `-o FOLDER/` (or an existing folder) writes one output per input
shard under the same file name, so each keeps its own format and compression.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from newslint.corpus.sources import is_parquet
from newslint.corpus.work import ChunkResult
from newslint.inputs.errors import InputError
from newslint.inputs.records import open_binary


def open_binary_write(path: Path) -> IO[bytes]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_binary(path, "wb")


class _JsonlSink:
    def __init__(self, path: Path) -> None:
        self.handle = open_binary_write(path)

    def write(self, rows: list[Any]) -> None:
        for row in rows:
            data = row if isinstance(row, bytes) else (json.dumps(row, ensure_ascii=False) + "\n").encode()
            self.handle.write(data if data.endswith(b"\n") else data + b"\n")

    def close(self) -> None:
        self.handle.close()


class _ParquetSink:
    def __init__(self, path: Path, schema_from: str | None) -> None:
        import pyarrow.parquet as pq

        self.path, self.writer = path, None
        self.schema = pq.read_schema(schema_from) if schema_from else None

    def write(self, rows: list[Any]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not rows:
            return
        dicts = [json.loads(r) if isinstance(r, bytes) else r for r in rows]
        table = pa.Table.from_pylist(dicts, schema=self.schema)
        if self.writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.path, table.schema)
        self.writer.write_table(table)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class CleanedCorpusWriter:
    """Routes each chunk's cleaned rows to the output for its input shard."""

    def __init__(self, output: str, inputs: list[str]) -> None:
        self.output = Path(output)
        self.per_input = (self.output.is_dir() or output.endswith(("/", "\\"))
                          or (len(inputs) > 1 and not self.output.suffix))
        if not self.per_input and any(is_parquet(p) != is_parquet(str(output)) for p in inputs):
            raise InputError(str(output), "-o must have the input's format (.parquet for Parquet, "
                                          ".jsonl[.gz|.zst|...] for JSONL), or be a folder")
        self.sinks: dict[Path, _JsonlSink | _ParquetSink] = {}

    def _sink(self, input_path: str) -> _JsonlSink | _ParquetSink:
        target = self.output / Path(input_path).name if self.per_input else self.output
        sink = self.sinks.get(target)
        if sink is None:
            sink = _ParquetSink(target, input_path) if is_parquet(str(target)) else _JsonlSink(target)
            self.sinks[target] = sink
        return sink

    def write(self, result: ChunkResult) -> None:
        sink = self._sink(result.path)
        sink.write(result.rows_out)

    def close(self) -> None:
        for sink in self.sinks.values():
            sink.close()


class AuditWriter:
    """One JSON object per removed or changed span, and per dropped record."""

    def __init__(self, path: Path) -> None:
        self.handle = open_binary_write(path)

    def write(self, result: ChunkResult) -> None:
        for entry in result.audit:
            self.handle.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))

    def close(self) -> None:
        self.handle.close()
