"""Truncation rules: paragraphs and documents cut off mid-sentence.

Scrapers lose the rest of a paragraph where an embed, an ad or a paywall interrupted it, and
whole documents at a character limit. Clean articles are full of short lines without a full
stop (headings, list items, datelines, credits, table rows), so these rules only judge prose
blocks (`block_shape.non_prose_reason`) and only on strong evidence of a cut.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

import re

import regex

from newslint.checks.block_shape import ends_mid_sentence, is_heading, last_word, non_prose_reason, words_of
from newslint.checks.english import COMMON_SHORT_WORDS, REVERSED_NON_FINAL_WORDS, english_only, reversed_text
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Block, Document
from newslint.rule import Rule, line_span_diagnostic

# A block of at least this many words that is not a heading, list item, credit ... is prose.
PROSE_MIN_WORDS = 6
# How many trailing blocks (widgets, credits, links) to look past for the last prose block.
MAX_TRAILING_BLOCKS = 8

_TEASER_END = regex.compile(
    r"(?:\u2026|\.{3,}|\[\s*(?:\u2026|\.{3})\s*\]|\(\s*more\s*\)|\bread more|\bcontinue reading"
    r"|\bread the (?:full|rest of the) (?:story|article))[\s\W]*$",
    regex.IGNORECASE,
)
_TERMINAL_END = regex.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d\u2019)\]]$")
_CLOSERS = "\"'\u201d\u2019)]"
_OPENING_QUOTES = "\"\u201c\u201e\u00ab\u2018\u201a'"


def ends_sentence(text: str) -> bool:
    """`_TERMINAL_END.search(text)`, looking only at the end: a match starts on the character
    before the closing quotes and brackets that end the text (maybe before a final line break)."""
    stem = text[:-1] if text.endswith("\n") else text
    return _TERMINAL_END.search(text, max(0, len(stem.rstrip(_CLOSERS)) - 1)) is not None


# In the reversed text: a line break, the white space that ends the line before it (stdlib
# \s is str.isspace, what blocks are stripped of), then a character, or a word standing
# alone (no letter or digit before it), that ends_mid_sentence takes as evidence of a cut.
# Every block but the last ends before a line break. Reversed, the scan starts at a literal
# line break (fast) and needs no look-behind of variable width.
_CUT_END = r"[^\S\r\n]*(?P<end>[,(\[{\u201c\u2018\"]|(?i:%s)(?![^\W_]))" % REVERSED_NON_FINAL_WORDS
_REVERSED_CUT_END = re.compile("\n" + _CUT_END)
_REVERSED_CUT_END_CR = re.compile("[\r\n]" + _CUT_END)  # for text with other line breaks
# The chunk of text around an offset between spaces and line breaks (regex scans: a
# str.find for "\n" would run to the text's end from every offset on a line of one).
_CHUNK_BEFORE = regex.compile(r"[^ \n]*", regex.REVERSE)  # back to the last space or line break
_CHUNK_BREAK = re.compile(r"[ \n]")
# A link in the last word (the text after the last white space): the block ends in a link.
# (Searched in that word alone: "\S+\.com\S*$" over the whole text backtracks through
# every start of a long run without spaces.)
_WORD_BEFORE = regex.compile(r"\S*", regex.REVERSE)
_LINK_IN_WORD = regex.compile(r"(?:https?://|www\.)\S|\S\.(?:com|org|net|gov|edu|io)", regex.IGNORECASE)


def cut_end_candidates(doc: Document) -> list[int]:
    """Indices of the blocks before the last, in order, whose end ends_mid_sentence may take
    as evidence of a cut (a superset: one C-level pass instead of a test per block)."""
    text, blocks = doc.text, doc.blocks
    last = len(text) - 1
    pattern = _REVERSED_CUT_END_CR if "\r" in text else _REVERSED_CUT_END
    found = []
    for match in pattern.finditer(reversed_text(doc)):
        offset = last - match.start("end")
        index = doc.block_index_at(offset)
        if index is not None and blocks[index].end == offset + 1:
            found.append(index)
    found.reverse()
    return found


def continues_previous(text: str) -> bool:
    """A block that carries on the sentence of the block before it (a split paragraph)."""
    first = text.lstrip()[:1]
    return first.islower() or first in ",;)\u2026-\u2013\u2014"


def _introduces_quotation(text: str, next_text: str) -> bool:
    """'Pompeo declared,' before a paragraph that opens with a quotation mark: the comma
    leads into the quoted paragraph, it does not mark a cut."""
    return text.endswith(",") and next_text.lstrip()[:1] in _OPENING_QUOTES


def is_split_text(doc: Document) -> bool:
    """Paragraphs hard-wrapped one line per block: at least two prose blocks run on into
    the next block, which starts in lower case."""
    blocks = doc.blocks
    runs = 0
    # Only a block followed by one that starts in lower case can run on (one cheap pass).
    for index in [i for i in range(1, len(blocks)) if blocks[i].text[:1].islower()]:
        text = blocks[index - 1].stripped
        if ends_sentence(text):
            continue
        if len(words_of(text)) >= PROSE_MIN_WORDS and non_prose_reason(text) is None:
            runs += 1
            if runs >= 2:
                return True
    return False


def is_prose(block: Block) -> bool:
    text = block.stripped
    return non_prose_reason(text) is None and (
        len(words_of(text)) >= PROSE_MIN_WORDS or ends_sentence(text)
    )


def is_running_text(block: Block) -> bool:
    """A prose block that ends a sentence: article text, not a menu item or headline."""
    return is_prose(block) and ends_sentence(block.stripped)


def last_prose_index(doc: Document, boilerplate: Collection[int] = ()) -> int | None:
    """Index of the last prose block, looking past a few trailing widget or credit lines and
    past any number of blocks other rules found to be boilerplate."""
    looked = 0
    # T001 and T002 both look, mostly at the same blocks: keep each block's verdict.
    verdicts: dict[int, bool] = doc.__dict__.setdefault("_may_end_article", {})
    for index in range(len(doc.blocks) - 1, -1, -1):
        if index in boilerplate:
            continue
        verdict = verdicts.get(index)
        if verdict is None:
            verdict = verdicts[index] = _may_end_article(doc.blocks[index])
        if verdict:
            return index
        looked += 1
        if looked >= MAX_TRAILING_BLOCKS:
            return None
    return None


def boilerplate_blocks(doc: Document, prior: Iterable[Diagnostic]) -> frozenset[int]:
    """Blocks in runs of boilerplate found by other rules, from the run's first confident
    (warning or error) finding to its end: a cut-off last paragraph can itself look unlike
    prose and draw an info-level guess, alone or as the head of a footer run, which must not
    hide it."""
    found = [d for d in prior if d.category is Category.BOILERPLATE and d.field != "title"]
    # T001 and T002 both ask, with the same boilerplate findings: work it out once.
    key = tuple(map(id, found))
    cached = doc.__dict__.get("_boilerplate_blocks")
    if cached is not None and cached[0] == key:
        return cached[1]
    skipped = frozenset(_runs_from_first_confident(doc, found))
    doc.__dict__["_boilerplate_blocks"] = (key, skipped)
    return skipped


def _runs_from_first_confident(doc: Document, found: list[Diagnostic]) -> set[int]:
    # Each finding's blocks (those sharing a line with it) as a range, with whether the
    # finding is confident.
    spans: list[tuple[int, int, bool]] = []
    for d in found:
        covered = doc.blocks_sharing_lines(d.start, max(d.start, d.end - 1))
        if covered:
            spans.append((covered.start, covered.stop, d.severity is not Severity.INFO))
    spans.sort()
    # Merge the ranges into runs of consecutive covered blocks; a run is skipped from the
    # first block a confident finding covers (the least start of its confident ranges).
    skipped: set[int] = set()
    run_end, first_confident = -1, None
    for start, stop, confident in spans:
        if start > run_end:  # a block before `start` is not covered: a new run
            if first_confident is not None:
                skipped.update(range(first_confident, run_end))
            first_confident = None
        if confident and (first_confident is None or start < first_confident):
            first_confident = start
        run_end = max(run_end, stop)
    if first_confident is not None:
        skipped.update(range(first_confident, run_end))
    return skipped


def _may_end_article(block: Block) -> bool:
    """A block last_prose_index stops at: prose; text of a few words that ends in a teaser
    marker, whatever its shape ("At 4-7 [...]"), but for a "Read more" link standing alone
    (a widget, not a cut paragraph); or a block too short to count as prose by length that
    was cut. The block's shape is worked out once for the three."""
    text = block.stripped
    reason = non_prose_reason(text)
    words = len(words_of(text))
    if reason is None and (words >= PROSE_MIN_WORDS or ends_sentence(text)):
        return True
    if words < 3:
        return False
    if reason != "link to more text" and _TEASER_END.search(text):
        return True
    return reason is None and _cut_short(text)


def _cut_short(text: str) -> bool:
    """A short block of prose stops on a non-final word, a comma or an open bracket, or in
    lower case with no punctuation."""
    return ends_mid_sentence(text) is not None or (
        text[-1].islower() and (text[0].isupper() or text[0] in "\"\u201c"))


def has_open_quote(text: str) -> bool:
    """More opening than closing quotation marks: the text stops inside a quotation."""
    return text.count("\u201c") > text.count("\u201d") or text.count('"') % 2 == 1


def is_cut_word(doc: Document, word: str) -> bool:
    """The document's last word looks cut in half: a lower-case scrap of three letters or
    fewer that is no English word ("de"), or a word that never occurs on its own elsewhere
    while a longer word of the document starts with it ("reg" of "regulators")."""
    lowered = word.lower()
    if len(lowered) < 2:
        return False
    if len(word) <= 3 and word.islower() and word.isalpha():
        return lowered not in COMMON_SHORT_WORDS
    vocabulary = _words_with_prefix(doc, max(0, len(doc.text.rstrip()) - len(word)), lowered)
    if lowered in vocabulary:
        return False
    return any(len(w) > len(lowered) and w.startswith(lowered) for w in vocabulary)


def _words_with_prefix(doc: Document, end: int, prefix: str) -> set[str]:
    """The lower-cased words of the text up to `end` that start with `prefix`, among a few
    others: only the chunks between spaces and line breaks where the lower-cased text holds
    `prefix` are split into words (words hold neither)."""
    head = doc.text[:end]
    folded = head.lower()
    # str.lower maps each character on its own but a Greek capital sigma, so a word whose
    # lower case starts with `prefix` leaves it at the same offset of `folded` when no
    # character changed length.
    if len(folded) != len(head) or "\u03c3" in prefix or "\u03c2" in prefix:
        return set(map(str.lower, doc.words(0, end)))
    words: set[str] = set()
    position = folded.find(prefix)
    while position >= 0:
        start = _CHUNK_BEFORE.match(head, 0, position).start()
        after = _CHUNK_BREAK.search(head, position)
        stop = after.start() if after else end
        words.update(map(str.lower, doc.words(start, stop)))
        position = folded.find(prefix, stop)
    return words


class TruncatedParagraph(Rule):
    """Flags a paragraph that stops mid-sentence while the article goes on after it.

    ## What it does
    Finds a prose block that ends on a word no English sentence ends on (an article,
    preposition, conjunction, auxiliary or possessive such as "with", "the", "and", "was",
    "their"), on a comma, or on an open quote or bracket, when the next block starts a new
    sentence instead of continuing it. Headings, list items, datelines, credits, captions,
    table rows, code, links and lines ending in ":" are not judged, nor a comma before a
    paragraph that opens with a quotation mark ("Pompeo declared," then the quote); nor are
    documents whose paragraphs are hard-wrapped across blocks.

    ## Why is this bad?
    The rest of the paragraph was lost where an embed, an ad or a paywall interrupted the
    page. The fragment reads as an error and carries no complete statement. Dropping it
    (the unsafe fix) loses whatever the fragment said, so review it first.

    ## Example
    ```text
    Officials met in Oslo on Monday.

    In a statement released by the

    Talks resume next week.
    ```

    ## Use instead
    ```text
    Officials met in Oslo on Monday.

    Talks resume next week.
    ```
    """

    code = "T001"
    name = "truncated-paragraph"
    category = Category.TRUNCATION
    severity = Severity.WARNING
    summary = "A paragraph stops mid-sentence (cut by an embed, ad or paywall)"
    options = ("min_words",)
    min_words = 3  # shorter fragments are too ambiguous to call

    # The article's last paragraph is T002's, found past trailing boilerplate runs; T001 must
    # see the same runs, or on a page with a long flagged footer both rules judge it.
    needs_prior = True

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return self.check_with_prior(doc, [])

    def check_with_prior(self, doc: Document, prior: list[Diagnostic]) -> Iterator[Diagnostic]:
        # What holds for the whole document is asked only once there is a finding.
        for found in english_only(doc, self._cut_paragraphs(doc, prior)):
            if is_split_text(doc):
                return
            yield found

    def _cut_paragraphs(self, doc: Document, prior: list[Diagnostic]) -> Iterator[Diagnostic]:
        blocks = doc.blocks
        # Cheap pass first: the blocks whose ends can hold evidence.
        candidates = cut_end_candidates(doc)
        if not candidates:
            return
        # The last prose block is T002's; without one near the end, judge every block.
        last_prose = last_prose_index(doc, boilerplate_blocks(doc, prior))
        if last_prose is None:
            last_prose = len(blocks) - 1
        for index in candidates:
            if index >= last_prose:
                break
            block, following = blocks[index], blocks[index + 1]
            text = block.stripped
            evidence = ends_mid_sentence(text)
            if evidence is None:
                continue
            if len(words_of(text)) < self.min_words or non_prose_reason(text) is not None:
                continue
            if continues_previous(following.text) or _introduces_quotation(text, following.text):
                continue
            # A cut paragraph sits in running text; a line ending "Follow us on" among
            # menus and headline lists is a widget, which the boilerplate rules judge.
            # Short fragments need running text on both sides, longer ones on one side.
            sides = [is_running_text(following), index > 0 and is_running_text(blocks[index - 1])]
            if not (all(sides) if len(words_of(text)) < PROSE_MIN_WORDS else any(sides)):
                continue
            start, end = doc.removal_span(block.first_line, block.last_line)
            yield line_span_diagnostic(
                self, doc, block.first_line, block.last_line,
                f"Paragraph stops mid-sentence (it ends on {evidence}); the rest was probably cut",
                fix=Fix.unsafe("Drop the truncated paragraph", Edit(start, end, "")),
                evidence=evidence,
            )


class TruncatedDocument(Rule):
    """Flags an article whose last paragraph is cut off.

    ## What it does
    Looks at the last prose block of the document (past trailing share widgets, credits and
    links) and reports it when it ends with a teaser cut-off ("…", "...", "[…]", "(more)",
    "Read more", "Continue reading"), stops on a word, comma, open quote or bracket that
    cannot end a sentence, or stops without closing punctuation after earlier complete
    sentences (cut mid-sentence or mid-word), or ends on a word cut in half (a fragment
    that occurs nowhere else in the text while a longer word starting with it does). Any
    other last paragraph without closing punctuation is reported at info level only, since
    some sites drop the final full stop.

    ## Why is this bad?
    The scraper kept only a teaser or hit a character limit: the article is incomplete, and
    a corpus built from it learns text that stops mid-thought.

    ## Example
    ```text
    The council voted on Tuesday. Residents who opposed the plan said they would appeal the deci
    ```

    ## Use instead
    ```text
    The council voted on Tuesday. Residents who opposed the plan said they would appeal the decision.
    ```
    """

    code = "T002"
    name = "truncated-document"
    category = Category.TRUNCATION
    severity = Severity.WARNING
    summary = "The article ends mid-sentence, mid-word or with a teaser cut-off"
    options = ("min_tail_words", "min_info_words")
    min_tail_words = 4  # an unterminated last sentence shorter than this may be a sign-off
    min_info_words = 3  # below this an unterminated last line is too short to judge

    needs_prior = True  # the last paragraph of the article, not of a trailing widget run

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return self.check_with_prior(doc, [])

    def check_with_prior(self, doc: Document, prior: list[Diagnostic]) -> Iterator[Diagnostic]:
        return english_only(doc, self._cut_end(doc, prior))

    def _cut_end(self, doc: Document, prior: list[Diagnostic]) -> Iterator[Diagnostic]:
        index = last_prose_index(doc, boilerplate_blocks(doc, prior))
        if index is None:
            return
        block = doc.blocks[index]
        text = block.stripped
        teaser = _TEASER_END.search(text)
        if teaser:
            yield self.diagnostic(
                block.start + teaser.start(), block.end,
                "The article ends with a teaser cut-off; the rest of the text is missing",
                evidence=teaser.group().strip(),
            )
            return
        evidence = ends_mid_sentence(text)
        if evidence:
            yield self.diagnostic(
                _tail_start(block), block.end,
                f"The article stops mid-sentence (the last paragraph ends on {evidence})",
                evidence=evidence,
            )
            return
        if ends_sentence(text) or not text[-1:].isalnum() or _ends_in_link(text):
            return
        tail_start = _tail_start(block)
        tail_text = doc.text[tail_start:block.end]
        tail_words = words_of(tail_text)
        if is_heading(tail_text, tail_words):
            return
        # A short capitalised tail after complete sentences is a sign-off ("... said. PTI");
        # a lower-case one is a sentence cut off ("... their lives. The bounda").
        if len(block.sentences) >= 2 and (len(tail_words) >= self.min_tail_words or tail_words[-1][:1].islower()):
            yield self.diagnostic(
                tail_start, block.end,
                "The article stops without closing punctuation after complete sentences "
                "(cut mid-sentence or mid-word)",
            )
        elif has_open_quote(tail_text):
            yield self.diagnostic(
                tail_start, block.end, "The article stops inside a quotation that is never closed",
            )
        elif is_cut_word(doc, last_word(text)):
            yield self.diagnostic(
                tail_start, block.end,
                f"The article ends in the middle of a word (\u201c{last_word(text)}\u201d)",
            )
        elif len(tail_words) >= self.min_info_words and text[-1].islower():
            yield self.diagnostic(
                tail_start, block.end,
                "The last paragraph has no closing punctuation; the article may be cut off",
                severity=Severity.INFO,
            )


def _ends_in_link(text: str) -> bool:
    """The text's last word (the run without white space at its end, or before a final line
    break, as "$" reads it) holds a link."""
    end = len(text) - 1 if text.endswith("\n") else len(text)
    word = _WORD_BEFORE.match(text, 0, end)
    return word is not None and word.start() < end and _LINK_IN_WORD.search(text, word.start(), end) is not None


def _tail_start(block: Block) -> int:
    """Where the last sentence of a block starts (split only when a finding needs it)."""
    return block.sentences[-1].start if block.sentences else block.start
