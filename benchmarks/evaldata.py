"""Loading ../shared/eval/dev.jsonl for benchmarks; every benchmark skips cleanly without it."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
SEED = ROOT.parent / "shared" / "seed" / "scraped-article.txt"


def require(path: Path = DEV_SET) -> Path:
    """Return `path`, or exit 0 with a message when the shared data is not beside the checkout."""
    if not path.exists():
        print(f"skipped: {path} not found (the evaluation data lives in ../shared beside the checkout)")
        raise SystemExit(0)
    return path


def pages(path: Path = DEV_SET) -> Iterator[dict]:
    with require(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def gold_bodies(path: Path = DEV_SET) -> list[tuple[str, str]]:
    """(page id, gold article body) pairs: clean real text, one paragraph a line."""
    return [(page["id"], page["gold"]) for page in pages(path) if page.get("gold")]


if __name__ == "__main__":
    require()
    print(sum(1 for _ in pages()), "pages", file=sys.stderr)
