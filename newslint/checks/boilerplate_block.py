"""B101 boilerplate-block: runs of lines outside the article's main run of prose."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import groupby
from operator import is_not

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.layout import ArticleLayout, BlockFeatures, cached_layout, slideshow_blocks
from newslint.rule import Rule, line_span_diagnostic


@dataclass(eq=False)  # compared and hashed by identity: blocks share verdicts
class _Verdict:
    confidence: float
    evidence: list[str]


class BoilerplateBlock(Rule):
    """
    ## What it does
    Finds runs of lines that are not part of the article, without a phrase list: menus,
    footers, related-headline lists, comment threads and widget debris (lines of leftover
    HTML such as tracking pixels among them) around the article's main run of prose. Each
    block is scored from its own features (word count, sentence punctuation, stop-word
    density as in jusText, separators such as pipes and bullets, title-case ratio) and the
    article is the contiguous run of blocks with the largest total score; a thread of two
    or more dated comment headers ("Alex on May 3, 2018 at 6:34 am said:") ends it, since
    long comments outscore their headers. Blocks outside it are reported, one finding per
    run of consecutive blocks, with the evidence in the message and a `confidence` between
    0 and 1. Short lines inside the run (sub-headings, list items, credit lines) are kept
    unless a phrase pack matched them, they are items separated by pipes or bullets, or
    they are headlines listed under a related-links or navigation header ("Related
    articles", "Trending") up to the next sentence; the slides of a numbered photo gallery
    ("3/50 …" and their captions) are reported wherever they are. Phrase-pack hits count as
    strong evidence. The fix removes the whole run and is unsafe: the decision is
    statistical.

    ## Why is this bad?
    Scraped pages are mostly navigation, footers and lists of other articles. Left in the
    text they swamp the article in a corpus and in any model trained on it.

    ## Example
    ```text
    Home
    World
    Business
    Sport

    The central bank held its main rate at 4 per cent on Thursday, citing slower growth.

    Most Read
    Ten things to do this weekend
    Local team wins the cup
    ```

    ## Use instead
    ```text
    The central bank held its main rate at 4 per cent on Thursday, citing slower growth.
    ```
    """

    code = "B101"
    name = "boilerplate-block"
    category = Category.BOILERPLATE
    severity = Severity.WARNING
    summary = "Run of lines outside the article's main run of prose (menus, footers, lists)"
    needs_prior = True
    options = ("min_blocks", "warning_confidence")
    # Pages shorter than this are not judged: there is no "around the article" to find.
    min_blocks = 4
    # Findings below this confidence are reported as info.
    warning_confidence = 0.8

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return self.check_with_prior(doc, [])

    def check_with_prior(self, doc: Document, prior: list[Diagnostic]) -> Iterator[Diagnostic]:
        blocks = doc.blocks
        if len(blocks) < self.min_blocks:
            return
        widget_blocks, owned_blocks, box_headers = _prior_blocks(doc, prior)
        layout = cached_layout(doc, widget_blocks)
        if not layout.found:
            return
        title = doc.title_block.index if doc.title_block is not None else -1
        near = _near_flags(layout)
        slides = slideshow_blocks(doc)
        verdicts: list[_Verdict | None] = []
        append = verdicts.append
        box_items = _box_items(layout, box_headers, widget_blocks)
        for i, (f, inside, score) in enumerate(zip(layout.features, layout.inside_flags(), layout.scores)):
            if i == title or i in owned_blocks:
                append(None)
            elif i in widget_blocks:
                append(_WIDGET_INSIDE if inside else _WIDGET_OUTSIDE)
            elif i in slides:
                append(_SLIDESHOW)
            elif i in box_items:
                append(_BOX_ITEM)
            elif inside:
                append(_SEPARATED_INSIDE if f.separators >= 2 and not f.terminal else None)
            else:
                words = f.words
                append(_outside_reasons(words < 8, f.terminal, f.separators >= 2,
                                        f.title_case > 0.6 and words >= 3, score > 0,
                                        words >= 3 and near[i]))
        yield from self._runs(doc, verdicts, widget_blocks)

    def _runs(self, doc: Document, verdicts: list[_Verdict | None], widgets: set[int]) -> Iterator[Diagnostic]:
        blocks = doc.blocks
        i = 0
        for judged, group in groupby(verdicts, key=_judged):
            run = list(group)
            j = i + len(run) - 1
            # The confidence speaks for the blocks this rule adds: the phrase packs report
            # theirs already, and a run they cover entirely needs no second finding.
            claimed = [v for k, v in enumerate(run, i) if k not in widgets] if widgets else run
            if judged and claimed:
                yield self._finding(doc, blocks[i].first_line, blocks[j].last_line, claimed, run)
            i = j + 1

    def _finding(self, doc: Document, first: int, last: int, claimed: list[_Verdict],
                 run: list[_Verdict]) -> Diagnostic:
        confidence = round(run_confidence([v.confidence for v in claimed]), 2)
        # How many blocks give each reason (a verdict names a reason once).
        # Ties keep the order the reasons first appear in, so the message is the same in every
        # process (a set's order follows the hash seed, and shards must merge to one result).
        # (Counted per distinct verdict first: blocks share them, and their order is kept.)
        counts: Counter[str] = Counter()
        for verdict, times in Counter(run).items():
            for e in verdict.evidence:
                counts[e] += times
        evidence = sorted(counts, key=lambda e: -counts[e])
        n = last - first + 1
        what = "This line is" if n == 1 else f"These {n} lines are"
        message = f"{what} likely not article text: {', '.join(evidence[:3])}"
        start, end = doc.removal_span(first, last)
        fix = Fix.unsafe("Remove the boilerplate run", Edit(start, end))
        severity = Severity.WARNING if confidence >= self.warning_confidence else Severity.INFO
        diag = line_span_diagnostic(self, doc, first, last, message, fix=fix,
                                    confidence=confidence, evidence=evidence)
        diag.severity = severity
        return diag


def run_confidence(confidences: list[float]) -> float:
    """Evidence of the blocks of a run combined: every block is a partly independent witness,
    so a long run of menu lines is near-certain while one short line alone is not
    (1 - product of (1 - c), damped by EVIDENCE_DAMPING for their dependence)."""
    doubt = 1.0
    for c in confidences:
        doubt *= (1.0 - c) ** EVIDENCE_DAMPING
    return 1.0 - doubt


EVIDENCE_DAMPING = 0.5


# Packs whose whole-line hits head a box of links ("Related articles", "Don't miss", "Trending").
_BOX_HEADER_RULES = ("related-links", "navigation-menu")


def _prior_blocks(doc: Document, prior: list[Diagnostic]) -> tuple[set[int], set[int], set[int]]:
    """Blocks phrase packs matched (widgets), blocks a duplication/metadata rule owns, and
    the widgets that head a box of links: whole-line hits of a related-links or navigation
    pack (a prefix hit, at info, is a line that starts like a header and goes on)."""
    widgets: set[int] = set()
    owned: set[int] = set()
    box_headers: set[int] = set()
    blocks = doc.blocks
    for diag in prior:
        if diag.field == "title":
            continue
        if diag.category is Category.BOILERPLATE:
            index = doc.block_index_at(diag.start)
            if index is not None and blocks[index].start == diag.start:
                widgets.add(index)
                if diag.rule.startswith(_BOX_HEADER_RULES) and diag.severity is not Severity.INFO:
                    box_headers.add(index)
            else:
                widgets.update(doc.blocks_sharing_lines(diag.start, diag.start))
        elif diag.category in (Category.DUPLICATION, Category.METADATA):
            last = max(diag.end - 1, diag.start)
            owned.update(doc.blocks_sharing_lines(last, last))
    return widgets, owned, box_headers


def _box_items(layout: ArticleLayout, headers: set[int], widget_blocks: set[int]) -> set[int]:
    """Headlines listed under a box header inside the run: the blocks after it that read
    like headlines, up to the next sentence or widget."""
    items: set[int] = set()
    features, count = layout.features, len(layout.features)
    for header in sorted(headers):
        if not layout.inside(header):
            continue
        i = header + 1
        while i < count and i not in widget_blocks and i - header <= MAX_BOX_ITEMS and _headline_like(features[i]):
            items.add(i)
            i += 1
    return items


def _headline_like(f: BlockFeatures) -> bool:
    """A headline: several words, no sentence end, mostly capitalised, not a table row."""
    return (not f.terminal and f.words >= 3 and f.title_case >= 0.5 and f.digit_ratio < 0.3
            and not f.announces)


MAX_BOX_ITEMS = 12


def _near_flags(layout: ArticleLayout) -> list[bool]:
    """Per block: within two blocks of a run (`layout.distance(i) <= 2`)."""
    flags = [False] * len(layout.scores)
    for first, last in layout.runs:
        lo, hi = max(first - 2, 0), min(last + 3, len(flags))
        flags[lo:hi] = [True] * (hi - lo)
    return flags


_judged = partial(is_not, None)  # a block with a verdict

# Verdicts are shared between blocks (pages have thousands of blocks): never modify one.
_WIDGET_INSIDE = _Verdict(0.9, ["phrase-pack match"])
_WIDGET_OUTSIDE = _Verdict(0.9, ["outside the main run of prose", "phrase-pack match"])
_SEPARATED_INSIDE = _Verdict(0.45, ["items separated by pipes or bullets"])
_SLIDESHOW = _Verdict(0.85, ["photo gallery (numbered slides)"])
_BOX_ITEM = _Verdict(0.6, ["headline listed under a widget header"])


@lru_cache(maxsize=None)
def _outside_reasons(short: bool, terminal: bool, separated: bool, headline: bool, prose: bool,
                     near: bool) -> _Verdict:
    """The verdict on a block outside the run and not a widget, from its few yes/no traits
    (built once per combination of them)."""
    evidence = ["outside the main run of prose"]
    confidence = 0.6
    if short:
        evidence.append("short line")
    if not terminal:
        evidence.append("no sentence punctuation")
    if separated:
        evidence.append("items separated by pipes or bullets")
    if headline:
        evidence.append("title-case headline")
    if prose:
        # A sentence-like block away from the article (a teaser, a comment): less certain.
        confidence = 0.35
        evidence.append("prose, but not in the article's run")
    if near:
        # Right next to the article: a dateline, a standfirst or a credit line may belong to it.
        confidence = min(confidence, 0.3)
        evidence.append("next to the article")
    return _Verdict(confidence, evidence)
