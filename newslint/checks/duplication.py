"""D101 repeated-title and D102 repeated-block."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import compress

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Block, Document
from newslint.layout import cached_layout
from newslint.rule import Rule, line_span_diagnostic
from newslint.titles import block_comparison_keys, title_keys

# Blocks that are copies of the headline must be reported near it to span "title to copy".
_NEAR_TITLE_BLOCKS = 3


class RepeatedTitle(Rule):
    """
    ## What it does
    Finds the headline printed twice: once as the page title (often with a site name such
    as " - Example News" or " | Example Wire" glued on) and again as the article heading.
    Copies are compared after folding case, punctuation and spacing, and after removing a
    site-name suffix or prefix. When the headline is the text's first block, the finding
    spans from it to the copy, and the fix (safe: the text is a repeat) removes the copy.
    When the record has a separate title field, a line of the text repeating it is reported
    with an unsafe fix, since the text alone would then have no headline.

    ## Why is this bad?
    A doubled headline is extraction debris: it skews deduplication and n-gram statistics
    and reads badly.

    ## Example
    ```text
    Storm closes schools across the region - Example News

    Storm closes schools across the region

    Schools in four districts stayed shut on Monday.
    ```

    ## Use instead
    ```text
    Storm closes schools across the region - Example News

    Schools in four districts stayed shut on Monday.
    ```
    """

    code = "D101"
    name = "repeated-title"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    summary = "The headline is repeated (exactly or after removing a site name)"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        title = doc.title
        if not title:
            return
        keys = title_keys(title)
        head = doc.title_block
        block_keys = block_comparison_keys(doc)
        for index in compress(range(len(block_keys)), map(keys.__contains__, block_keys)):
            block = doc.blocks[index]
            if head is not None and index == head.index:
                continue
            start, end = doc.removal_span(block.first_line, block.last_line)
            if head is not None:
                first = head.first_line if block.index - head.index <= _NEAR_TITLE_BLOCKS else block.first_line
                yield line_span_diagnostic(
                    self, doc, first, block.last_line,
                    f"The headline is repeated on line {block.first_line + 1}",
                    fix=Fix.safe("Remove the repeated headline", Edit(start, end)))
            else:
                yield line_span_diagnostic(
                    self, doc, block.first_line, block.last_line,
                    "This line repeats the record's title",
                    fix=Fix.unsafe("Remove the line repeating the title", Edit(start, end)))


class RepeatedBlock(Rule):
    """
    ## What it does
    Finds a paragraph that occurs more than once in the text, exactly or after folding
    case, whitespace and punctuation. Every copy but one is reported: the copy kept is the
    one deepest inside the article's main run of prose (a teaser, standfirst or pull quote
    outside the run or at its edge is the debris), or else the first. The fix removes the copy and is safe: the text stays in
    the document once. Short lines (under `min_words` words) are left to the boilerplate
    rules, since menus repeat them by design.

    ## Why is this bad?
    Scrapers pick up standfirsts, pull quotes and captions twice, and some pages print
    whole sections twice; repeated text distorts corpora and reads as an error.

    ## Example
    ```text
    The council approved the budget after a long debate on Tuesday night.

    The vote was close.

    The council approved the budget after a long debate on Tuesday night.
    ```

    ## Use instead
    ```text
    The council approved the budget after a long debate on Tuesday night.

    The vote was close.
    ```
    """

    code = "D102"
    name = "repeated-block"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    summary = "A paragraph occurs more than once (exactly or near-exactly)"
    options = ("min_words",)
    min_words = 6

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        block_keys = block_comparison_keys(doc)
        # A key held by one block makes no group: count them in C and skip those blocks first.
        counts = Counter(block_keys)
        if len(counts) == len(block_keys):
            return
        title_index = doc.title_block.index if doc.title_block is not None else -1
        headline = title_keys(doc.title) if doc.title else frozenset()
        groups: dict[str, list[Block]] = defaultdict(list)
        for block in doc.blocks:
            key = block_keys[block.index]
            if counts[key] < 2 or block.index == title_index or len(block.text.split()) < self.min_words:
                continue
            if key in headline:
                continue  # the repeated-title rule owns copies of the headline
            groups[key].append(block)
        repeated = [copies for copies in groups.values() if len(copies) > 1]
        if not repeated:
            return
        layout = cached_layout(doc)
        for copies in repeated:
            # Keep the copy deepest inside the article's run: a copy outside it, or at its
            # edge, is a teaser, standfirst or pull quote printed next to the text.
            kept = max(copies, key=lambda b: layout.depth(b.index))
            for block in copies:
                if block is kept:
                    continue
                start, end = doc.removal_span(block.first_line, block.last_line)
                yield line_span_diagnostic(
                    self, doc, block.first_line, block.last_line,
                    f"This paragraph repeats line {kept.first_line + 1}",
                    fix=Fix.safe("Remove the repeated paragraph", Edit(start, end)),
                    kept_line=kept.first_line + 1)
