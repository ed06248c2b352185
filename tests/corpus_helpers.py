"""A tiny rule pack and small corpora written by the corpus tests (my own text, not ../shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newslint.corpus.work import Job, RuleSpec

ROOT = Path(__file__).resolve().parent.parent

PROMO_PACK = """\
code: B990
name: test-promo-line
kind: phrase
category: boilerplate
severity: warning
match: line
fix: remove-block
message: "Promo line: '{match}'"
phrases:
  - Subscribe to the harbour bulletin
  - Follow us for more
"""

SPELLING_PACK = """\
code: X990
name: test-spelling
kind: substitution
category: style
severity: info
enabled: true
message: "Write '{good}', not '{bad}'"
swap:
  colour scheme: color scheme
"""

SELECT = "B990,X990"


def write_packs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "promo.yaml").write_text(PROMO_PACK, encoding="utf-8")
    (folder / "spelling.yaml").write_text(SPELLING_PACK, encoding="utf-8")
    return folder


def spec(rules_dir: Path) -> RuleSpec:
    return RuleSpec(rules_dirs=(str(rules_dir),), select=("B990", "X990"))


def job(rules_dir: Path, **kwargs) -> Job:
    return Job(rules=spec(rules_dir), **kwargs)


def article(i: int, promo: bool, colour: bool = False) -> str:
    body = [f"The ferry schedule for pier {i} changed on Tuesday.",
            f"Officials said {i} extra crossings would run during the festival."]
    if colour:
        body.append("The new colour scheme of the boats drew complaints.")
    if promo:
        body.append("Subscribe to the harbour bulletin")
    body.append("Passengers were asked to arrive early.")
    return "\n\n".join(body)


def rows(count: int, promo_every: int = 3, start: int = 0, hosts: int = 3) -> list[dict]:
    return [{"id": f"doc-{i}", "url": f"https://www.port{i % hosts}.example/news/{i}",
             "title": f"Pier {i} timetable", "text": article(i, promo=i % promo_every == 0, colour=i % 5 == 0)}
            for i in range(start, start + count)]


def write_jsonl(path: Path, records: list[dict], extra_lines: dict[int, str] | None = None) -> Path:
    """JSONL, compressed by suffix; extra_lines puts raw text at given 0-based line positions."""
    from newslint.corpus.output import open_binary_write

    lines = [json.dumps(r) for r in records]
    for position, raw in sorted((extra_lines or {}).items()):
        lines.insert(position, raw)
    with open_binary_write(path) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def write_parquet(path: Path, records: list[dict], row_group_size: int = 7) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=row_group_size)
    return path


def newslint(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "newslint", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)
