"""Every finding of the default rules on fixed inputs, to prove a speed change changes none.

    python -m benchmarks.findings_snapshot before.jsonl                     # on the old code
    python -m benchmarks.findings_snapshot after.jsonl --compare before.jsonl

Inputs: the dev pages' scraped text and gold bodies, the seed article, up to 25 corrupted
copies per injected defect type (benchmarks/corruptions), and, with --jsonl, the first
--limit records of a corpus. Each finding is written with its code, severity, offsets,
message and fix edits; --compare prints what differs and exits 1 when anything does.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.corruptions import all_corruptions
from benchmarks.evaldata import SEED, gold_bodies, pages
from newslint.document import Document
from newslint.engine import lint
from newslint.registry import Registry

COPIES_PER_DEFECT = 25


def inputs(jsonl: str | None, limit: int) -> Iterator[tuple[str, str, str | None]]:
    for i, page in enumerate(pages()):
        yield f"dev-text-{i}", page["text"], page.get("title")
        yield f"dev-gold-{i}", page["gold"], page.get("title")
    if SEED.exists():
        yield "seed", SEED.read_text(encoding="utf-8"), None
    bodies = gold_bodies()
    for corruption in all_corruptions():
        rng, made = random.Random(1), 0
        for page_id, body in bodies:
            if made >= COPIES_PER_DEFECT:
                break
            injected = corruption.apply(body, rng)
            if injected is not None:
                made += 1
                yield f"corrupt-{corruption.name}-{page_id}", injected.text, None
    if jsonl:
        with open(jsonl, encoding="utf-8") as handle:
            for i, (line, _) in enumerate(zip(handle, range(limit))):
                record = json.loads(line)
                yield f"record-{i}", record["text"], record.get("title")


def snapshot_lines(jsonl: str | None, limit: int) -> Iterator[str]:
    registry = Registry.load()
    rules = registry.instantiate(registry.select())
    for key, text, title in inputs(jsonl, limit):
        result = lint(Document(text, title=title), rules)
        for d in result.diagnostics:
            edits = [(e.start, e.end, e.replacement) for e in d.fix.edits] if d.fix else []
            yield json.dumps([key, d.code, d.severity.value, d.field, d.start, d.end, d.message, edits,
                              d.fix.applicability.value if d.fix else None], ensure_ascii=False)
        for error in result.errors:
            yield json.dumps([key, "internal-error", error.message], ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--compare", type=Path, metavar="BEFORE", help="a snapshot to diff against")
    parser.add_argument("--jsonl", help="also the first --limit records of this JSONL corpus")
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    lines = list(snapshot_lines(args.jsonl, args.limit))
    args.output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines):,} findings written to {args.output}")
    if args.compare is None:
        return 0
    before = set(args.compare.read_text(encoding="utf-8").splitlines())
    after = set(lines)
    print(f"only before: {len(before - after)}, only after: {len(after - before)}")
    for sign, changed in (("-", before - after), ("+", after - before)):
        for line in sorted(changed)[:20]:
            print(f"  {sign} {line[:240]}")
    return 1 if before != after else 0


if __name__ == "__main__":
    sys.exit(main())
