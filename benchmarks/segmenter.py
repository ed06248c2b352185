"""Sentence segmenters compared: accuracy on tricky news sentences, and speed.

newslint's own rule-based segmenter (newslint/segment.py) against blingfire, pysbd and
syntok, each when installed (they are benchmark-only; a missing one is skipped with a
message). Accuracy is the share of cases segmented exactly as expected; "debris" cases
are the ones newslint splits on purpose (a full stop before a lower-case word), which
general segmenters are right not to split, so accuracy is also shown without them.
Speed is MB/s of UTF-8 text segmented paragraph by paragraph (as the Document does) over
the gold bodies of ../shared/eval/dev.jsonl, repeated to --megabytes, and with the whole
text in one call (pysbd and syntok on a 300 kB slice: they are slow).

    python -m benchmarks.segmenter [--megabytes 5]
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable

from benchmarks.evaldata import gold_bodies
from newslint.segment import split_sentences

Segmenter = Callable[[str], list[str]]

# (text, expected sentences, is a debris case that newslint splits on purpose)
CASES: list[tuple[str, list[str], bool]] = [
    ("Mr. Lee met Dr. Ortiz on Monday. They spoke for an hour.",
     ["Mr. Lee met Dr. Ortiz on Monday.", "They spoke for an hour."], False),
    ("Growth in the U.S. slowed. Europe fared better.",
     ["Growth in the U.S. slowed.", "Europe fared better."], False),
    ("The deal was signed in the U.S. The talks took a year.",
     ["The deal was signed in the U.S.", "The talks took a year."], False),
    ("The train leaves at 9 a.m. on weekdays.", ["The train leaves at 9 a.m. on weekdays."], False),
    ("The vote ended at 10 p.m. Results came at midnight.",
     ["The vote ended at 10 p.m.", "Results came at midnight."], False),
    ("Bring fruit, e.g. apples or pears. Water too.", ["Bring fruit, e.g. apples or pears.", "Water too."], False),
    ("It is, i.e. in effect, a tax. Nobody likes it.", ["It is, i.e. in effect, a tax.", "Nobody likes it."], False),
    ("Smith vs. Jones went to court. It lasted a week.",
     ["Smith vs. Jones went to court.", "It lasted a week."], False),
    ("The team is ranked No. 3 in the league.", ["The team is ranked No. 3 in the league."], False),
    ("She lives in St. Louis. He lives in Ohio.", ["She lives in St. Louis.", "He lives in Ohio."], False),
    ("J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."], False),
    ("Prices rose 3.5 percent. Wages did not.", ["Prices rose 3.5 percent.", "Wages did not."], False),
    ("He paused... and then left.", ["He paused... and then left."], False),
    ("He waited \u2026 Nobody came.", ["He waited \u2026", "Nobody came."], False),
    ("\u201cWe won,\u201d she said. \u201cIt was hard.\u201d",
     ["\u201cWe won,\u201d she said.", "\u201cIt was hard.\u201d"], False),
    ("\u201cIs it over?\u201d he asked. Nobody knew.", ["\u201cIs it over?\u201d he asked.", "Nobody knew."], False),
    ("Visit www.example.com for dates. Tickets are free.",
     ["Visit www.example.com for dates.", "Tickets are free."], False),
    ("Acme Inc. reported a loss. Shares fell.", ["Acme Inc. reported a loss.", "Shares fell."], False),
    ("The law took effect on Jan. 5 last year.", ["The law took effect on Jan. 5 last year."], False),
    ("Gov. Hale signed the bill. Critics objected.", ["Gov. Hale signed the bill.", "Critics objected."], False),
    ("It was cold! Schools closed. Why? Snow.", ["It was cold!", "Schools closed.", "Why?", "Snow."], False),
    ("The plan (see Fig. 2) is simple. It works.", ["The plan (see Fig. 2) is simple.", "It works."], False),
    ("Apple sells the iPhone. eBay sells everything.", ["Apple sells the iPhone.", "eBay sells everything."], False),
    ("He met the 70-year-old. year Xi. They talked.",
     ["He met the 70-year-old.", "year Xi.", "They talked."], True),
    ("The mayor thanked the volunteers. who had cleared the park.",
     ["The mayor thanked the volunteers.", "who had cleared the park."], True),
    ("He could no. longer walk.", ["He could no.", "longer walk."], True),
]


def _newslint(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def _blingfire() -> Segmenter:
    blingfire = importlib.import_module("blingfire")
    return lambda text: [s for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]


def _pysbd() -> Segmenter:
    pysbd = importlib.import_module("pysbd")
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def _syntok() -> Segmenter:
    segmenter = importlib.import_module("syntok.segmenter")

    def split(text: str) -> list[str]:
        return [
            "".join(token.spacing + token.value for token in sentence).strip()
            for paragraph in segmenter.process(text) for sentence in paragraph
        ]
    return split


LIBRARIES: dict[str, Callable[[], Segmenter]] = {"blingfire": _blingfire, "pysbd": _pysbd, "syntok": _syntok}


def available() -> dict[str, Segmenter]:
    found: dict[str, Segmenter] = {"newslint": _newslint}
    for name, load in LIBRARIES.items():
        try:
            found[name] = load()
        except ImportError:
            print(f"skipped {name}: not installed (pip install {name})")
    return found


def accuracy(split: Segmenter, debris: bool) -> float:
    cases = [c for c in CASES if debris or not c[2]]
    return sum(split(text) == expected for text, expected, _ in cases) / len(cases)


def speed(split: Segmenter, paragraphs: list[str], budget_seconds: float = 20.0, repeats: int = 3) -> float:
    """Best MB/s of `repeats` runs (the machine may be shared); slow segmenters stop after
    `budget_seconds` and are measured on what they did."""
    best = 0.0
    for _ in range(repeats):
        done_bytes = 0
        start = time.perf_counter()
        for paragraph in paragraphs:
            split(paragraph)
            done_bytes += len(paragraph.encode("utf-8"))
            if time.perf_counter() - start > budget_seconds:
                break
        best = max(best, done_bytes / 1e6 / (time.perf_counter() - start))
        if time.perf_counter() - start > budget_seconds:
            break  # one slow run is enough
    return best


def speed_one_call(split: Segmenter, text: str, budget_bytes: int, repeats: int = 3) -> float:
    """Best MB/s when the whole text goes in one call (how a bulk pipeline would use a library)."""
    sample = text[:budget_bytes]
    size = len(sample.encode("utf-8")) / 1e6
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        split(sample)
        best = max(best, size / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--show-errors", action="store_true", help="print the cases each segmenter gets wrong")
    args = parser.parse_args()
    paragraphs = [line for _, body in gold_bodies() for line in body.split("\n") if line.strip()]
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    paragraphs = paragraphs * max(1, round(args.megabytes * 1e6 / size))
    total = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
    print(f"{len(CASES)} tricky cases ({sum(c[2] for c in CASES)} debris); speed over {total:.1f} MB of gold paragraphs")
    joined = "\n".join(paragraphs)
    print(f"{'segmenter':<12}{'accuracy':>10}{'w/o debris':>12}{'MB/s':>10}{'MB/s one call':>15}")
    for name, split in available().items():
        # pysbd and syntok are slow: time them on a slice of the text in one call.
        budget = len(joined) if name in ("newslint", "blingfire") else 300_000
        print(f"{name:<12}{accuracy(split, True):>10.3f}{accuracy(split, False):>12.3f}"
              f"{speed(split, paragraphs):>10.2f}{speed_one_call(split, joined, budget):>15.2f}", flush=True)
        if args.show_errors:
            for text, expected, _ in CASES:
                got = split(text)
                if got != expected:
                    print(f"    {text!r} -> {got}")


if __name__ == "__main__":
    main()
