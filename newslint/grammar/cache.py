"""On-disk cache of LanguageTool results, one SQLite file shared by threads and processes.

A paragraph's matches are stored under a hash of (paragraph text, language, LanguageTool
version, request options), so an unchanged paragraph is never sent twice, a new LanguageTool
version or other options re-check everything, and an edited document only re-sends the
paragraphs that changed.

To answer from the cache without asking the server anything, the cache also remembers the
version each server reported last (`remembered_version`); that memory expires after
`VERSION_TTL_SECONDS`, so an upgraded server is noticed within a day even if every paragraph
of a corpus is already cached (any request made meanwhile updates it at once).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

VERSION_TTL_SECONDS = 24 * 3600


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newslint" / "languagetool"


def cache_key(text: str, language: str, version: str, options: str) -> str:
    payload = json.dumps([language, version, options, text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "results.sqlite3"
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # A cache may lose its last writes in a power cut; it must not wait for the disk per row.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS servers "
                         "(identity TEXT PRIMARY KEY, version TEXT NOT NULL, seen REAL NOT NULL)")

    def get(self, key: str) -> list[dict[str, Any]] | None:
        with self._lock:
            row = self._db.execute("SELECT matches FROM results WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put_many(self, entries: list[tuple[str, list[dict[str, Any]]]]) -> None:
        """Store (key, matches) pairs in one transaction."""
        rows = [(key, json.dumps(matches, ensure_ascii=False)) for key, matches in entries]
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", rows)
            self._db.execute("COMMIT")

    def remembered_version(self, identity: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT version, seen FROM servers WHERE identity = ?", (identity,)).fetchone()
        if row is None or time.time() - row[1] > VERSION_TTL_SECONDS:
            return None
        return row[0]

    def remember_version(self, identity: str, version: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO servers VALUES (?, ?, ?)", (identity, version, time.time()))

    def close(self) -> None:
        with self._lock:
            self._db.close()
