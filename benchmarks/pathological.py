"""Linear time on adversarial text: every default rule on inputs built to make scans backtrack.

Each input is one pattern repeated (a 5 MB line of "word ", "a. a. a.", "$1.5m 50% ", zero-width
spaces, nested brackets, ...). The time is printed for two sizes, four times apart; a ratio
well above 4 means the cost grows faster than the text, which a corpus run or a pre-commit hook
on one bad file would feel. This found five quadratic scans (a repeated-word candidate count,
a code check per sentence, regex's scan for a required literal from every start, a link
pattern backtracking through a long run without spaces, and a search for the next line
break from every occurrence of a prefix on a one-line text).

    python -m benchmarks.pathological [--sizes 20000 80000] [--fix] [NAME ...]

`--fix` times `fix_document` with unsafe fixes (lint, apply, re-lint) instead of one lint;
it found a sixth: each edit was tested against every edit taken before it.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from newslint.registry import Registry

_WORDS = "the council voted on tuesday to extend ferry service islands officials said".split()
_RANDOM = random.Random(1)

# name -> text of about n units
INPUTS: dict[str, Callable[[int], str]] = {
    "same word, one line": lambda n: "word " * n,
    "same word, many lines": lambda n: "word\n" * n,
    "random words, one line": lambda n: " ".join(_RANDOM.choice(_WORDS) for _ in range(n)),
    "one long word": lambda n: "a" * (n * 5),
    "sentences, one line": lambda n: "The council voted on Tuesday. " * (n // 5),
    "sentences, many blocks": lambda n: "The council voted on Tuesday.\n\n" * (n // 5),
    "sentences without spaces": lambda n: "The council voted.The mayor left." * (n // 6),
    "one repeated paragraph": lambda n: "The council voted on Tuesday to extend the ferry service.\n\n" * (n // 10),
    "menu lines": lambda n: "Home\nNews\nSport\n" * (n // 3),
    "one-character lines": lambda n: "a\n" * n,
    "blank lines": lambda n: "a\n\n\n" * n,
    "full stops": lambda n: "a. " * n,
    "commas": lambda n: "a, " * n,
    "question marks": lambda n: "a? " * n,
    "ellipses": lambda n: "a... " * n,
    "list numbers": lambda n: "1. a " * n,
    "capitals": lambda n: "WORD " * n,
    "hyphenated words": lambda n: "a-b " * n,
    "double quotes": lambda n: '"a ' * n,
    "curly single quotes": lambda n: "\u2018a " * n,
    "mixed quotes": lambda n: "\u201ca\" " * n,
    "apostrophes": lambda n: "a' " * n,
    "open brackets": lambda n: "(a " * n,
    "nested brackets": lambda n: "(" * n + ")" * n,
    "digit groups": lambda n: "1,000 " * n,
    "money and shares": lambda n: "$1.5m 50% " * n,
    "dates": lambda n: "2019-01-01 " * n,
    "clock times": lambda n: "12:30 " * n,
    "numbers glued to words": lambda n: "5km " * n,
    "ages": lambda n: "the 70-year-old. " * (n // 2),
    "slide counters": lambda n: "".join(f"{i % 50 + 1}/50 x\n" for i in range(n // 2)),
    "comment headers": lambda n: "Alex on May 3, 2018 at 6:34 am said:\n" * (n // 8),
    "html tags": lambda n: "<p>a</p>" * n,
    "html comments": lambda n: "<!-- x --> " * n,
    "unclosed tags": lambda n: "<img src=x " * n,
    "one long tag": lambda n: '<img src="' + "a" * (4 * n) + '">',
    "attributes, no end": lambda n: "<a b=c " * n,
    "open quoted attribute": lambda n: '<a b="' + "x " * n,
    "named entities": lambda n: "&amp; " * n,
    "numeric entities": lambda n: "&#8217; " * n,
    "templates": lambda n: "{{x}} " * n,
    "shortcodes": lambda n: "[caption]x[/caption] " * n,
    "links": lambda n: "http://example.com/a " * n,
    "mojibake": lambda n: "don\u00e2\u20ac\u2122t " * n,
    "no-break spaces": lambda n: "a\u00a0" * n,
    "zero-width spaces": lambda n: "a\u200b" * n,
    "Cyrillic": lambda n: "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440 " * n,
    "Chinese": lambda n: "\u5e02\u653f\u5e9c\u661f\u671f\u4e8c\u51b3\u5b9a" * n,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(20000, 80000))
    parser.add_argument("--fix", action="store_true", help="time fix_document (unsafe fixes) instead of lint")
    parser.add_argument("names", nargs="*", help="only these inputs")
    args = parser.parse_args(argv)
    registry = Registry.load()
    rules = registry.instantiate(registry.select())
    small, large = args.sizes
    print(f"{'input':<28}{'MB':>6}{small:>10}{large:>10}{'ratio':>8}   (expect about {large / small:.0f})")
    for name, make in INPUTS.items():
        if args.names and name not in args.names:
            continue
        seconds = []
        for n in (small, large):
            text = make(n)
            started = time.perf_counter()
            if args.fix:
                fix_document(text, rules, unsafe=True)
            else:
                lint(Document(text), rules)
            seconds.append(time.perf_counter() - started)
        ratio = seconds[1] / max(seconds[0], 1e-4)
        flag = "  <- grows faster than the text" if ratio > 2 * large / small else ""
        print(f"{name:<28}{len(text.encode()) / 1e6:>6.1f}{seconds[0]:>9.2f}s{seconds[1]:>9.2f}s{ratio:>8.1f}{flag}")


if __name__ == "__main__":
    main()
