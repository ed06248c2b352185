"""What G001 sends to LanguageTool on real scraped pages, and what batching and the cache save.

Selection: over the scraped `text` of ../shared/eval/dev.jsonl (lines labelled content or
boilerplate), with the default rules' findings as prior (so boilerplate they flag is skipped),
counts the characters G001 would send and how many of them are article content.

Requests: runs G001 twice over the same pages against the test suite's stand-in server
(tests/languagetool_stub.py; not LanguageTool, so the timings are the adapter's own cost, not
LanguageTool's): requests and time for a cold cache, then for a warm one.

    python -m benchmarks.grammar [--batch-chars N] [--max-parallel N]
"""

from __future__ import annotations

import argparse
import tempfile
import time

from benchmarks.evaldata import pages
from newslint.checks.grammar_languagetool import LanguageToolGrammar
from newslint.document import Document
from newslint.engine import lint
from newslint.grammar.prose import prose_blocks
from newslint.registry import Registry
from tests.languagetool_stub import StubLanguageTool


def selection(records: list[dict]) -> None:
    registry = Registry.load()
    prior_rules = registry.instantiate(registry.select())
    sent = {"content": 0, "boilerplate": 0}
    total = {"content": 0, "boilerplate": 0}
    for page in records:
        doc = Document(page["text"], language=page.get("lang"))
        for line in page["lines"]:
            total[line["label"]] += len(line["text"])
        prior = lint(doc, prior_rules).diagnostics
        for block in prose_blocks(doc, prior, LanguageToolGrammar.min_words):
            first, last = doc.line_index_at(block.start), doc.line_index_at(block.start + len(block.text))
            for line in page["lines"][first:last + 1]:
                sent[line["label"]] += len(line["text"])
    all_sent = sum(sent.values())
    print(f"default rules used as prior: {', '.join(r.code for r in prior_rules)}")
    print(f"characters sent: {all_sent:,} of {sum(total.values()):,} "
          f"({all_sent / sum(total.values()):.1%}); labelled content among them: {sent['content'] / all_sent:.1%}")
    print(f"content characters sent: {sent['content']:,} of {total['content']:,} "
          f"({sent['content'] / total['content']:.1%}); boilerplate sent: {sent['boilerplate']:,} "
          f"of {total['boilerplate']:,} ({sent['boilerplate'] / total['boilerplate']:.1%})")


def requests(records: list[dict], batch_chars: int, max_parallel: int) -> None:
    stub = StubLanguageTool()
    try:
        with tempfile.TemporaryDirectory() as cache_dir:
            for label in ("cold cache", "warm cache"):
                before = len(stub.checks())
                rule = LanguageToolGrammar(url=stub.url, cache_dir=cache_dir, batch_chars=batch_chars,
                                           max_parallel=max_parallel)
                started = time.perf_counter()
                for page in records:
                    list(rule.check(Document(page["text"], language=page.get("lang"))))
                rule.close()
                elapsed = time.perf_counter() - started
                made = len(stub.checks()) - before
                print(f"{label}: {len(records)} pages, {made} /v2/check requests "
                      f"({made / len(records):.2f} per page), {elapsed:.2f} s")
    finally:
        stub.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch-chars", type=int, default=LanguageToolGrammar.batch_chars)
    parser.add_argument("--max-parallel", type=int, default=LanguageToolGrammar.max_parallel)
    args = parser.parse_args()
    records = list(pages())
    selection(records)
    requests(records, args.batch_chars, args.max_parallel)


if __name__ == "__main__":
    main()
