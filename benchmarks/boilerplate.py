"""How well newslint finds and removes boilerplate on real scraped pages (../shared/eval/dev.jsonl).

Prints, for newslint and for a C4-style line filter computed in the same run:

1. line-level precision, recall and F1 of the `boilerplate` label (headline lines, marked
   `title_match`, are left out), and the share of `content` lines wrongly flagged; overall
   and per source. A line counts as flagged when a boilerplate, duplication or metadata
   finding spans it.
2. findings per document on the `gold` bodies (clean article text), warning and above;
3. the token F1 of the text left by fixing each page with unsafe fixes (what
   `newslint fix --unsafe-fixes` runs) against its gold body, by the metric of scrapinghub's
   article-extraction-benchmark (4-token shingles of `\\w+` tokens, precision and recall
   averaged over pages, F1 of the two means), with the safe-fixes-only text's, the naive
   text's and the C4 filter's scores, and what safe fixes remove from the gold bodies;
4. the cost of a phrase pack growing by 1,000 phrases (one automaton per pack).

    python -m benchmarks.boilerplate [--errors N] [--page ID]

`--errors N` prints up to N wrongly flagged content lines and N missed boilerplate lines.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from benchmarks.evaldata import pages
from newslint.diagnostics import Category, Diagnostic, Severity
from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from newslint.registry import Registry
from newslint.rule import Rule

FLAG_CATEGORIES = {Category.BOILERPLATE, Category.DUPLICATION, Category.METADATA}
COUNT_CATEGORIES = {Category.BOILERPLATE, Category.DUPLICATION}


# -- the C4-style baseline ---------------------------------------------------------------------

_TERMINAL = ('.', '!', '?', '"', '\u201d', "'", '\u2019')
_POLICY = re.compile(r"javascript|privacy policy|terms of use|cookie policy|uses cookies|use of cookies|"
                     r"terms of service|lorem ipsum", re.IGNORECASE)


def c4_drops(line: str) -> bool:
    """C4's line heuristics: no terminal punctuation, under 3 words, or a policy phrase."""
    text = line.strip()
    return (not text.endswith(_TERMINAL)) or len(text.split()) < 3 or bool(_POLICY.search(text))


# -- the article-extraction-benchmark metric (4-token shingles) -------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingles, normalised to sum to 1 so every page weighs the same."""
    truth, pred = _shingles(gold), _shingles(predicted)
    tp = sum((truth & pred).values())
    fp = sum((pred - truth).values())
    fn = sum((truth - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def extraction_f1(counts: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1): per-page scores averaged, F1 of the two means."""
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    p = [precision(*c) for c in counts if c[0] + c[1] > 0]
    r = [recall(*c) for c in counts if c[0] + c[2] > 0]
    mp, mr = (sum(p) / len(p) if p else 0.0), (sum(r) / len(r) if r else 0.0)
    return mp, mr, (2 * mp * mr / (mp + mr) if mp + mr else 0.0)


# -- line-level scoring ------------------------------------------------------------------------

@dataclass
class LineScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    content: int = 0
    errors_fp: list[str] = field(default_factory=list)
    errors_fn: list[str] = field(default_factory=list)

    def add(self, labels: Iterable[dict], flagged: Sequence[bool], page_id: str) -> None:
        for i, (line, flag) in enumerate(zip(labels, flagged)):
            if line["title_match"]:
                continue
            boiler = line["label"] == "boilerplate"
            self.content += not boiler
            if flag and boiler:
                self.tp += 1
            elif flag:
                self.fp += 1
                self.errors_fp.append(f"{page_id}:{i + 1}: {line['text'][:110]}")
            elif boiler:
                self.fn += 1
                self.errors_fn.append(f"{page_id}:{i + 1}: {line['text'][:110]}")

    def row(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        false_flag = self.fp / self.content if self.content else 0.0
        return f"{name:<34}{p:>10.3f}{r:>8.3f}{f1:>8.3f}{false_flag:>17.3f}"


def flagged_lines(doc: Document, diagnostics: Iterable[Diagnostic]) -> list[bool]:
    flags = [False] * len(doc.lines)
    for diag in diagnostics:
        if diag.category not in FLAG_CATEGORIES or diag.field == "title":
            continue
        last = diag.end_line if diag.end_column > 1 or diag.end_line == diag.line else diag.end_line - 1
        for number in range(diag.line, min(last, len(flags)) + 1):
            flags[number - 1] = True
    return flags


def load_rules(selectors: Sequence[str] | None = None) -> list[Rule]:
    """The rules `newslint fix` runs by default, minus service-backed and house-style ones."""
    registry = Registry.load()
    classes = [c for c in registry.select(list(selectors) if selectors else None)
               if c.category.value not in ("grammar", "style")]
    return registry.instantiate(classes)


# -- the phrase-pack growth check -------------------------------------------------------------

def pack_growth(text: str, repeats: int = 5) -> tuple[float, float]:
    """Seconds per check of the share-widget pack as shipped and with 1,000 extra phrases."""
    registry = Registry.load()
    base = registry.find("B201")
    assert base is not None
    extra = [f"zq widget phrase number {i} xv" for i in range(1000)]
    grown_data = {**base.data, "phrases": list(base.data.get("phrases", [])) + extra}
    grown = type("GrownSharePack", (base,), {"data": grown_data})
    doc = Document(text)
    _ = doc.blocks
    timings = []
    for cls in (base, grown):
        rule = cls()
        best = float("inf")
        for _ in range(repeats):
            t0 = time.perf_counter()
            list(rule.check(doc))
            best = min(best, time.perf_counter() - t0)
        timings.append(best)
    return timings[0], timings[1]


# -- main ------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N line errors of each kind")
    parser.add_argument("--page", help="only the page with this id")
    args = parser.parse_args(argv)

    records = [p for p in pages() if not args.page or p["id"] == args.page]
    rules = load_rules()
    ours: dict[str, LineScore] = defaultdict(LineScore)
    c4: dict[str, LineScore] = defaultdict(LineScore)
    fixed_counts: dict[str, list] = defaultdict(list)
    naive_counts: dict[str, list] = defaultdict(list)
    c4_counts: dict[str, list] = defaultdict(list)
    safe_counts: dict[str, list] = defaultdict(list)
    gold_safe_counts: list = []
    gold_lines_removed = 0
    gold_findings: Counter[str] = Counter()
    gold_examples: list[str] = []
    t0 = time.perf_counter()
    for page in records:
        source = page["id"].split("/")[0]
        title = page.get("title")
        doc = Document(page["text"], title=title)
        flags = flagged_lines(doc, lint(doc, rules).diagnostics)
        c4_flags = [c4_drops(line["text"]) for line in page["lines"]]
        for key in ("all", source):
            ours[key].add(page["lines"], flags, page["id"])
            c4[key].add(page["lines"], c4_flags, page["id"])
        fixed = fix_document(page["text"], rules, unsafe=True, title=title).text
        c4_text = "\n".join(line["text"] for line, drop in zip(page["lines"], c4_flags) if not drop)
        safe_fixed = fix_document(page["text"], rules, title=title).text
        gold_fixed = fix_document(page["gold"], rules).text
        gold_safe_counts.append(shingle_counts(page["gold"], gold_fixed))
        gold_lines_removed += page["gold"].count("\n") - gold_fixed.count("\n")
        for key in ("all", source):
            safe_counts[key].append(shingle_counts(page["gold"], safe_fixed))
            fixed_counts[key].append(shingle_counts(page["gold"], fixed))
            naive_counts[key].append(shingle_counts(page["gold"], page["text"]))
            c4_counts[key].append(shingle_counts(page["gold"], c4_text))
        for diag in lint(Document(page["gold"]), rules).diagnostics:
            if diag.category in COUNT_CATEGORIES and diag.severity.rank >= Severity.WARNING.rank:
                gold_findings[f"{diag.code} {diag.rule}"] += 1
                if len(gold_examples) < 15:
                    snippet = page["gold"][diag.start:diag.end][:100].replace("\n", " / ")
                    gold_examples.append(f"{page['id']}: {diag.code}: {snippet}")
    elapsed = time.perf_counter() - t0

    n = len(records)
    sources = sorted(k for k in ours if k != "all")
    print(f"== boilerplate lines on {n} pages (title_match lines left out) ==")
    print(f"{'':<34}{'precision':>10}{'recall':>8}{'F1':>8}{'content flagged':>17}")
    for key in ["all"] + sources:
        print(ours[key].row(f"newslint [{key}]"))
        print(c4[key].row(f"C4-style filter [{key}]"))

    print(f"\n== findings per document on {n} gold bodies (boilerplate + duplication, warning+) ==")
    print(f"{sum(gold_findings.values()) / max(n, 1):.3f} per doc")
    for key, count in gold_findings.most_common():
        print(f"  {key:<36}{count / n:.3f}")
    for example in gold_examples:
        print(f"  e.g. {example}")

    print("\n== article-extraction-benchmark token F1 of the text left (precision / recall / F1) ==")
    for key in ["all"] + sources:
        for name, counts in (("newslint fix --unsafe-fixes", fixed_counts), ("newslint fix (safe only)", safe_counts),
                             ("C4-style filter", c4_counts), ("naive text", naive_counts)):
            p, r, f1 = extraction_f1(counts[key])
            print(f"{name + ' [' + key + ']':<44}{p:>8.3f}{r:>8.3f}{f1:>8.3f}")
    p, r, f1 = extraction_f1(gold_safe_counts)
    print(f"safe fixes on the gold bodies: {gold_lines_removed} lines removed; gold-vs-fixed-gold F1 {f1:.4f}")
    print(f"\n(lint + fixes of {n} pages and their gold bodies: {elapsed:.1f} s)")

    sample = "\n".join(p["text"] for p in records)
    base, grown = pack_growth(sample)
    print(f"\n== phrase pack growth: B201 as shipped vs +1,000 phrases on {len(sample) / 1e6:.2f} MB ==")
    print(f"{base * 1000:.1f} ms -> {grown * 1000:.1f} ms ({(grown / base - 1) * 100:+.1f}%)")

    if args.errors:
        print("\n== content lines flagged (false positives) ==")
        print("\n".join(ours["all"].errors_fp[:args.errors]))
        print("\n== boilerplate lines missed ==")
        print("\n".join(ours["all"].errors_fn[:args.errors]))


if __name__ == "__main__":
    main()
