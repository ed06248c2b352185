"""Speed of the mojibake check: ftfy on every line against the cheap pre-check that skips
lines without a suspect character, and the time of the encoding and punctuation families.

    python -m benchmarks.encoding_speed [--repeat N]

Both variants run in the same process on the same lines (the scraped `text` and the `gold`
bodies of ../shared/eval/dev.jsonl, plus a mis-decoded copy of each gold body), and must
give the same repairs.
"""

from __future__ import annotations

import argparse
import time

import ftfy

from benchmarks.evaldata import pages
from newslint.checks.encoding_mojibake import MOJIBAKE_ONLY, SUSPECT, repair_line
from newslint.document import Document
from newslint.engine import lint
from newslint.registry import Registry


def _timed(fn, lines: list[str], repeat: int) -> tuple[float, list[str]]:
    best = float("inf")
    out: list[str] = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = [fn(line) for line in lines]
        best = min(best, time.perf_counter() - start)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = list(pages())
    clean = [r["text"] for r in records] + [r["gold"] for r in records if r.get("gold")]
    garbled = [r["gold"].encode("utf-8").decode("sloppy-windows-1252") for r in records if r.get("gold")]
    texts = clean + garbled
    for label, group in (("clean (scraped text + gold)", clean), ("gold mis-decoded as cp1252", garbled)):
        lines = [line for text in group for line in text.split("\n")]
        chars = sum(len(line) for line in lines)
        every, fixed_every = _timed(lambda line: ftfy.fix_text(line, MOJIBAKE_ONLY), lines, args.repeat)
        checked, fixed_checked = _timed(repair_line, lines, args.repeat)
        assert fixed_every == fixed_checked, "the pre-check must not change any repair"
        skipped = sum(1 for line in lines if not SUSPECT.search(line))
        print(f"{label}: {len(lines)} lines, {chars / 1e6:.2f} M characters, "
              f"{skipped / len(lines):.0%} of lines skipped by the pre-check")
        print(f"  ftfy on every line      {every:8.3f} s  {chars / every / 1e6:6.1f} M chars/s")
        print(f"  pre-check, then ftfy    {checked:8.3f} s  {chars / checked / 1e6:6.1f} M chars/s  "
              f"({every / checked:.1f}x)")

    registry = Registry.load()
    for family in ("encoding", "punctuation"):
        rules = registry.instantiate(registry.select([family]))
        start = time.perf_counter()
        for text in texts:
            lint(Document(text), rules)
        elapsed = time.perf_counter() - start
        print(f"{family:<12} rules on {len(texts)} documents: {elapsed:.3f} s "
              f"({sum(map(len, texts)) / elapsed / 1e6:.1f} M chars/s)")


if __name__ == "__main__":
    main()
