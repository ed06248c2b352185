"""An independent check of boilerplate finding, on pages nobody here tuned against.

The dev set (../shared/eval) is what the layout and the packs were measured on while they
were built, so its scores flatter them. This benchmark takes the news pages that ship in the
source distribution of newspaper4k (its test fixtures: CNN, Fox, Time, Wired, cleveland.com,
Chinese, Japanese, Arabic, Thai, Burmese, Latvian and Spanish pages), turns each into the text
a careless scraper produces (the way ../shared/eval/README.md describes: every block-level
element a line, scripts, styles, media and hidden elements dropped, everything else kept), and
labels each line `content` when it is in newspaper4k's expected article text for that page
(a line of 4+ words word for word, or 6+ words sharing 60% of its word trigrams; a 1-3-word
line only between two content lines), else `boilerplate`.

The labels are an extractor's output, not a human's: newspaper4k keeps some bylines and
"Read more:" links and drops some paragraphs, and a few pages' expected text is cut short,
so read the differences between two versions of newslint here, not the absolute numbers.
Last, every rule runs on the expected texts themselves, as clean text (false positives; the
texts hold a few real defects, such as cp1252 quotes decoded as C1 controls).

    pip install lxml
    python -m benchmarks.heldout [--errors N] [--source DIR]

The sdist (newspaper4k 0.9.6, MIT) is fetched from PyPI once into ~/.cache/newslint-bench.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import unicodedata
from pathlib import Path

from benchmarks.boilerplate import LineScore, c4_drops, extraction_f1, flagged_lines, load_rules, shingle_counts
from benchmarks.precision import load_rules as all_rules
from benchmarks.precision import precision
from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document

PACKAGE = "newspaper4k==0.9.6"
CACHE = Path.home() / ".cache" / "newslint-bench"

# What the scraper drops, and which elements start a line (../shared/eval/README.md).
_DROPPED = frozenset("script style template svg iframe video audio picture img source track input select "
                     "textarea button object embed canvas noembed head title meta link".split())
_BLOCK = frozenset("p div li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer nav aside main "
                   "form blockquote pre figure figcaption dl dt dd address hr center fieldset legend details "
                   "summary".split())
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def fetch(cache: Path = CACHE) -> Path:
    """The test-data folder of the newspaper4k sdist, downloaded and unpacked once."""
    unpacked = cache / PACKAGE.replace("==", "-")
    data = unpacked / "tests" / "data"
    if data.is_dir():
        return data
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                    "--dest", str(cache), PACKAGE], check=True)
    archive = next(cache.glob(PACKAGE.replace("==", "-") + ".tar.gz"))
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if "/tests/data/" in m.name and m.isfile()]
        for member in members:
            member.name = member.name.split("/", 1)[1]  # drop the versioned top folder
        tar.extractall(unpacked, members=members, filter="data")
    return data


def scrape(html: str) -> list[str]:
    """The page's body as a careless scraper's lines."""
    import lxml.html

    root = lxml.html.fromstring(html)
    body = root.find(".//body")
    lines: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(pending)).strip()
        if text:
            lines.append(text)
        pending.clear()

    def hidden(element) -> bool:
        style = (element.get("style") or "").replace(" ", "").lower()
        return element.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style

    def walk(element) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if tag is not None and tag not in _DROPPED and not hidden(element):
            block = tag in _BLOCK or tag == "br"
            if block:
                flush()
            pending.append(element.text or "")
            for i, child in enumerate(element):
                if tag == "tr" and i:
                    pending.append(" ")  # the cells of a row on one line
                walk(child)
            if block:
                flush()
        pending.append(element.tail or "")

    walk(body if body is not None else root)
    flush()
    return lines


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(folded.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"'))


def label(lines: list[str], expected: str) -> list[str]:
    gold = _words(expected)
    joined = f" {' '.join(gold)} "
    trigrams = set(zip(gold, gold[1:], gold[2:]))
    labels = []
    for line in lines:
        words = _words(line)
        grams = list(zip(words, words[1:], words[2:]))
        inside = len(words) >= 4 and f" {' '.join(words)} " in joined
        shared = len(words) >= 6 and sum(g in trigrams for g in grams) >= 0.6 * len(grams)
        labels.append("content" if inside or shared else "boilerplate")
    for i, line in enumerate(lines):
        words = _words(line)
        between = 0 < i < len(lines) - 1 and labels[i - 1] == labels[i + 1] == "content"
        if 1 <= len(words) <= 3 and between and f" {' '.join(words)} " in joined:
            labels[i] = "content"
    return labels


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to N line errors of each kind")
    parser.add_argument("--source", type=Path, help="newspaper4k's tests/data folder (default: fetch it)")
    args = parser.parse_args(argv)
    try:
        import lxml.html  # noqa: F401 - benchmark-only dependency
        data = args.source or fetch()
    except ImportError:
        raise SystemExit("skipped: this benchmark needs lxml (pip install lxml)") from None
    except (subprocess.CalledProcessError, StopIteration, OSError) as exc:
        raise SystemExit(f"skipped: could not fetch {PACKAGE} from PyPI ({exc})") from None
    rules = load_rules()
    ours, c4 = LineScore(), LineScore()
    fixed_counts, naive_counts = [], []
    bodies: list[tuple[str, str]] = []
    print(f"{'page':<24}{'lines':>7}{'content':>9}{'tp':>6}{'fp':>5}{'fn':>5}")
    for expected_path in sorted((data / "txt").glob("*.txt")):
        html_path = data / "html" / f"{expected_path.stem}.html"
        expected = expected_path.read_text(encoding="utf-8", errors="replace")
        if not html_path.exists() or len(expected) < 300:
            continue
        bodies.append((expected_path.stem, expected))
        lines = scrape(html_path.read_text(encoding="utf-8", errors="replace"))
        labels = label(lines, expected)
        if labels.count("content") < 3:
            continue  # the expected text is not this page's article
        meta = data / "metadata" / f"{expected_path.stem}.json"
        title = json.loads(meta.read_text(encoding="utf-8")).get("title") if meta.exists() else None
        text = "\n".join(lines)
        doc = Document(text, title=title)
        flags = flagged_lines(doc, lint(doc, rules).diagnostics)
        title_words = _words(title or "")
        records = [{"text": line, "label": tag, "title_match": bool(title_words) and _words(line) == title_words}
                   for line, tag in zip(lines, labels)]
        before = (ours.tp, ours.fp, ours.fn)
        ours.add(records, flags, expected_path.stem)
        c4.add(records, [c4_drops(line) for line in lines], expected_path.stem)
        fixed_counts.append(shingle_counts(expected, fix_document(text, rules, unsafe=True, title=title).text))
        naive_counts.append(shingle_counts(expected, text))
        print(f"{expected_path.stem:<24}{len(lines):>7}{labels.count('content'):>9}"
              f"{ours.tp - before[0]:>6}{ours.fp - before[1]:>5}{ours.fn - before[2]:>5}")
    if not bodies:
        raise SystemExit(f"no pages with an expected text under {data} (txt/ and html/)")
    print(f"\n== boilerplate lines (title lines left out) ==\n{'':<34}precision  recall      F1  content flagged")
    print(ours.row("newslint"))
    print(c4.row("C4-style filter"))
    print("\n== token F1 of the text left against the expected text (precision / recall / F1) ==")
    print("newslint fix --unsafe-fixes        %.3f   %.3f   %.3f" % extraction_f1(fixed_counts))
    print("naive text                         %.3f   %.3f   %.3f" % extraction_f1(naive_counts))
    for kind, errors in (("flagged content", ours.errors_fp), ("missed boilerplate", ours.errors_fn)):
        for error in errors[:args.errors]:
            print(f"{kind}: {error}")
    print("\n(the expected article texts as clean text: every rule's false positives)")
    precision(all_rules(None), bodies)


if __name__ == "__main__":
    main()
