"""Where the time goes: seconds per rule over real scraped pages, one core.

    python -m benchmarks.rule_speed [--field text|gold] [--repeat N] [--top N]
    python -m benchmarks.rule_speed --jsonl corpus.jsonl --limit 300   # records of a corpus instead

Runs every default rule over the `text` (or `gold`) of each page of ../shared/eval/dev.jsonl
the way the engine does (rules that read earlier findings run last and see them), timing
each rule, the document's own segmentation (lines and blocks) and the whole.
Shared per-document work (framed lines, block features) is charged to the first rule that
asks for it, so read a rule's figure as "what this document costs because of it".
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

from benchmarks.evaldata import pages
from newslint.document import Document
from newslint.registry import Registry


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", default="text", choices=("text", "gold"))
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pages; the fastest is kept")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--jsonl", help="time over the first --limit records of this JSONL instead")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()

    registry = Registry.load()
    rules = registry.instantiate(registry.select())
    ordered = [r for r in rules if not r.needs_prior] + [r for r in rules if r.needs_prior]
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as handle:
            texts = [json.loads(line)[args.field] for line, _ in zip(handle, range(args.limit))]
    else:
        texts = [page[args.field] for page in pages() if page.get(args.field)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    best: dict[str, float] = {}
    best_total = float("inf")
    for _ in range(args.repeat):
        seconds: dict[str, float] = defaultdict(float)
        started = time.perf_counter()
        for text in texts:
            clock = time.perf_counter()
            doc = Document(text)
            doc.blocks  # noqa: B018 - lines and blocks, timed on their own (sentences are split
            # lazily, per block, by the rules that read them, and charged to those rules)
            seconds["(segmentation)"] += time.perf_counter() - clock
            prior: list = []
            for rule in ordered:
                clock = time.perf_counter()
                prior.extend(rule.check_with_prior(doc, list(prior)) if rule.needs_prior else rule.check(doc))
                seconds[rule.code] += time.perf_counter() - clock
        total = time.perf_counter() - started
        if total < best_total:
            best_total, best = total, dict(seconds)

    print(f"{len(texts)} texts, {mb:.2f} MB ({args.field}), {len(ordered)} rules: "
          f"{best_total:.2f} s = {mb / best_total:.2f} MB/s (fastest of {args.repeat})")
    packs = sum(v for k, v in best.items() if k.startswith("B2"))
    print(f"  all B2xx phrase packs together: {packs:.3f} s ({packs / best_total:.0%})")
    print(f"\n{'rule':<16}{'seconds':>9}{'share':>8}")
    for code, value in sorted(best.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{code:<16}{value:>9.3f}{value / best_total:>8.1%}")


if __name__ == "__main__":
    main()
