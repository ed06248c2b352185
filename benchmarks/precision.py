"""Precision and recall of newslint's rules on real article text.

Precision: all non-style, non-grammar rules run over the `gold` bodies of
../shared/eval/dev.jsonl (clean article text, one paragraph a line); prints findings per
document by rule and category (warning and above, and all levels) and the most frequent
findings, so false positives are visible.

Recall: each defect type of benchmarks/corruptions/ is injected into copies of those bodies
(one defect per copy); a defect counts as found when a rule it expects reports a finding
overlapping the injected region (the last column counts only findings at warning or above).
Only defects that one of the selected rules could find are listed.

    python -m benchmarks.precision [--only CATEGORY] [--samples N] [--seed N]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict

from benchmarks.corruptions import all_corruptions
from benchmarks.evaldata import gold_bodies
from newslint.diagnostics import Severity
from newslint.document import Document
from newslint.engine import lint
from newslint.registry import Registry


def load_rules(only: str | None):
    registry = Registry.load()
    classes = [c for c in registry.select() if c.category.value not in ("style", "grammar")]
    if only:
        classes = [c for c in classes if only in (c.category.value, c.code) or c.code.startswith(only)]
    return registry.instantiate(classes)


def precision(rules, bodies) -> None:
    per_rule: Counter[str] = Counter()
    per_rule_all: Counter[str] = Counter()
    per_category: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for page_id, body in bodies:
        for diag in lint(Document(body), rules).diagnostics:
            key = f"{diag.code} {diag.rule}"
            per_rule_all[key] += 1
            if diag.severity.rank >= Severity.WARNING.rank:
                per_rule[key] += 1
                per_category[diag.category.value] += 1
                if len(examples[key]) < 10:
                    snippet = body[max(0, diag.start - 30):diag.end + 30].replace("\n", " / ")
                    examples[key].append(f"{page_id}: …{snippet}…")
    n = len(bodies)
    print(f"== precision: findings per document on {n} clean gold bodies ==")
    print(f"{'category':<14}{'warning+ per doc':>18}")
    for category in sorted({r.category.value for r in rules}):
        print(f"{category:<14}{per_category[category] / n:>18.3f}")
    print(f"\n{'rule':<40}{'warning+/doc':>14}{'all/doc':>10}")
    for key in sorted(per_rule_all, key=lambda k: -per_rule_all[k]):
        print(f"{key:<40}{per_rule[key] / n:>14.3f}{per_rule_all[key] / n:>10.3f}")
    print("\nmost frequent warning+ findings (to read for false positives):")
    for key, _ in per_rule.most_common(10):
        for example in examples[key][:3]:
            print(f"  {key}: {example}")


def recall(rules, bodies, samples: int, seed: int = 1) -> None:
    print(f"\n== recall on corrupted gold bodies (up to {samples} copies per defect type) ==")
    print(f"{'defect':<34}{'found':>8}{'total':>8}{'recall':>9}{'warning+':>10}")
    selected = {r.code for r in rules} | {r.category.value for r in rules}
    for corruption in all_corruptions():
        if not any(e in selected or any(c.startswith(e) for c in selected) for e in corruption.expected):
            continue  # no selected rule can find this defect (--only)
        rng = random.Random(seed)
        found = found_warning = total = 0
        order = list(bodies)
        rng.shuffle(order)
        for _, body in order:
            if total >= samples:
                break
            injected = corruption.apply(body, rng)
            if injected is None:
                continue
            total += 1
            hits = [
                diag for diag in lint(Document(injected.text), rules).diagnostics
                if (diag.code in corruption.expected or diag.category.value in corruption.expected
                    or any(diag.code.startswith(e) for e in corruption.expected if e[:1].isupper()))
                and diag.start <= injected.end and diag.end >= injected.start
            ]
            found += bool(hits)
            found_warning += any(d.severity.rank >= Severity.WARNING.rank for d in hits)
        rate = found / total if total else float("nan")
        rate_warning = found_warning / total if total else float("nan")
        print(f"{corruption.name:<34}{found:>8}{total:>8}{rate:>9.3f}{rate_warning:>10.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="a category, code or code prefix")
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1, help="seed for where defects are injected")
    args = parser.parse_args()
    bodies = gold_bodies()
    rules = load_rules(args.only)
    precision(rules, bodies)
    recall(rules, bodies, args.samples, args.seed)


if __name__ == "__main__":
    main()
