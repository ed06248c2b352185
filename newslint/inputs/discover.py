"""Walk the paths given on the command line into the files to check."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

DEFAULT_EXTENSIONS = (".txt", ".md", ".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst")
DEFAULT_EXCLUDE = frozenset({
    "node_modules", "__pycache__", "venv", ".venv", "build", "dist", "site-packages",
})


def _wanted(name: str, extensions: Sequence[str]) -> bool:
    lowered = name.lower()
    return any(lowered.endswith(ext) for ext in extensions)


def discover(paths: Sequence[str], extensions: Sequence[str] = DEFAULT_EXTENSIONS,
             exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Files named directly (whatever their suffix) and files of `extensions` under folders.

    Hidden folders and files, and folders named in DEFAULT_EXCLUDE or `exclude`, are skipped.
    A path that does not exist is yielded as is, so the reader reports it.
    """
    skip = DEFAULT_EXCLUDE | set(exclude)
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in skip)
            for name in sorted(files):
                if not name.startswith(".") and name not in skip and _wanted(name, extensions):
                    yield Path(root) / name
