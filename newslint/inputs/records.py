"""JSON Lines records (optionally gzip, bzip2, xz or zstd compressed), read as a stream.

A row that is not valid JSON, not an object, or lacks a string text field is yielded as an
InputError with its line number; the rows after it are still read.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newslint.inputs.errors import InputError

RECORD_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
LANGUAGE_FIELDS = ("lang", "language")


@dataclass(frozen=True)
class RecordFields:
    text: str = "text"
    title: str = "title"
    id: str = "id"


@dataclass
class Record:
    path: str
    number: int  # 1-based line number in the (decompressed) file
    text: str
    title: str | None = None
    id: str | None = None
    language: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)


def is_record_file(path: Path) -> bool:
    name = path.name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.endswith(RECORD_SUFFIXES)


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading, decompressing by its suffix."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".bz2"):
        return bz2.open(path, "rb")
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    if name.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise InputError(str(path), "reading .zst needs the 'zstandard' package "
                                        "(pip install 'newslint[corpus]')") from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(path.open("rb")))
    return path.open("rb")


def parse_record(path: str, number: int, raw_line: bytes, fields: RecordFields) -> Record:
    try:
        line = raw_line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 at byte {exc.start}", number) from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"malformed JSON at column {exc.colno}: {exc.msg}", number) from None
    if not isinstance(obj, dict):
        raise InputError(path, f"a record must be a JSON object, not {type(obj).__name__}", number)
    text = obj.get(fields.text)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        raise InputError(path, f"text field '{fields.text}' is {what}", number)
    title = obj.get(fields.title)
    record_id = obj.get(fields.id)
    language = next((obj[k] for k in LANGUAGE_FIELDS if isinstance(obj.get(k), str)), None)
    return Record(
        path=path, number=number, text=text,
        title=title if isinstance(title, str) else None,
        id=None if record_id is None else str(record_id),
        language=language, raw=obj,
    )


def iter_records(path: Path, fields: RecordFields = RecordFields(), *,
                 display: str | None = None) -> Iterator[Record | InputError]:
    """Records of a JSONL file in order; bad rows come as InputError values, not exceptions."""
    name = display or str(path)
    try:
        handle = open_binary(path)
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    with handle:
        number = 0
        try:
            for raw_line in handle:
                number += 1
                if not raw_line.strip():
                    continue
                try:
                    yield parse_record(name, number, raw_line, fields)
                except InputError as exc:
                    yield exc
        except (OSError, EOFError, ValueError) as exc:
            # A truncated or corrupt compressed stream: report where reading stopped.
            yield InputError(name, f"cannot read further: {exc}", number + 1)
