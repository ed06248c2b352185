"""Spacing around punctuation and doubled punctuation: " ,", "word,word", ",,", "!!", runs of spaces.

Typographic conventions differ (French puts a space before ; : ! ?), so a space before a
mark that the document uses consistently is its convention, not a slip: ; : ! ? then stay
quiet, and a pervasive space before , or . is reported once (info) instead of everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import re
from collections import Counter

import regex

from newslint.checks.text_and_title import TextAndTitleRule
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

# Spaces (not no-break ones: those are deliberate) before a mark that ends a clause. A full
# stop counts only when it ends text (" .5", " .com" and " ..." are not slips).
_SPACE_BEFORE = regex.compile(
    r"(?<=[\p{L}\p{N}\p{M})\]\u201d\u2019%])[ \t]+(?P<mark>[,;:!?]|\.(?=[\s\"'\u201d\u2019)\]]|$))"
)
# Any occurrence of a mark after a non-space, directly or after spaces, for the convention
# test; and the spaced ones. The mark comes first and the variable-width lookbehind after it,
# which lets `regex` scan for the mark instead of trying every position.
_MARK = regex.compile(r"(?:[,;:!?]|\.(?=\s|$))(?<=\S[ \t\u00a0\u202f]*.)")
_SPACED_MARK = regex.compile(r"(?:[,;:!?]|\.(?=\s|$))(?<=\S[ \t\u00a0\u202f]+.)")
_FRENCH_MARKS = ";:!?"  # French typography spaces these
_FRENCH_MIN = 2  # spaced ; : ! ? in a document before they count as its convention
_HABIT_MIN = 3  # spaced , or . in a document before they count as its habit
_HABIT_SHARE = 0.25

# A mark glued to the next word. A full stop is left to the sentence rules ("said.The")
# and to abbreviations and domains ("U.S.", "example.com").
# Chinese and Japanese do not space after punctuation, even after ASCII marks.
_UNSPACED_SCRIPT = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}\p{Thai}"
_NO_SPACE_AFTER = regex.compile(
    rf"(?<=[\p{{L}}\p{{M}}\p{{N}})\]\u201d\u2019](?<![{_UNSPACED_SCRIPT}]))(?P<mark>[,;:!?])(?=\p{{L}})(?![{_UNSPACED_SCRIPT}])"
)
# Where _NO_SPACE_AFTER can match: a mark before an ASCII letter or a character outside ASCII
# other than typographic punctuation (a superset of the letters \p{L} takes).
_LETTER_NEXT = r"(?=[A-Za-z]|[^\x00-\x7f\u00a0\u2013\u2014\u2018-\u201f\u2026])"
_BEFORE_LETTER = re.compile(r"[,;:!?]" + _LETTER_NEXT)
_INFLECTED_ABBREVIATION = regex.compile(r"\p{Lu}:\p{Ll}{1,3}\b")
_TOKEN = regex.compile(r"\S+")
_LINKISH = regex.compile(r"://|@|www\.|/|=|\\|^(?:https?|mailto|ftp|tel|file|data|javascript|urn):", regex.IGNORECASE)
_LINK_START = regex.compile(r"https?://|www\.", regex.IGNORECASE)

# Two full stops after a word of a spaced alphabet; in Chinese and Korean informal writing
# ".." is an ellipsis. The lookbehinds follow the two full stops they look past, so `regex`
# scans for the marks instead of trying the lookbehinds at every position.
_DOUBLED = regex.compile(
    r",{2,}|\.\.(?<=[\p{Latin}\p{Cyrillic}\p{Greek}\p{N})\]\"'\u201d\u2019]\.\.)(?<!\.\.\.)(?![./])|;{2,}"
)
_DOUBLED_MARKS = (",,", "..", ";;")
_EMPHATIC = regex.compile(r"!{2,}|\?{2,}")
_EMPHATIC_MARKS = ("!!", "??")
# Where P106-P109 can fire, found by one C-level scan for the marks (each rule's own scan cost
# about as much as this one): a mark after a space or tab (where _SPACE_BEFORE can match),
# one where _NO_SPACE_AFTER can, and the second mark of a pair a run of P108 or P109 starts with.
_MARK_CANDIDATE = re.compile(
    rf"[,;:!?.](?:(?<=[ \t].)|(?<=,,|\.\.|;;|!!|\?\?)|(?<=[,;:!?]){_LETTER_NEXT})"
)
_SPACE_RUN = regex.compile(r"(?<=\S) {2,}(?=\S)")
_ALIGNED_LINE_RUNS = 3  # a line with this many runs of spaces is laid out as columns


def _token_around(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    match = _TOKEN.match(text, start)
    return match.group() if match else ""


def _spacing_counts(doc: Document) -> tuple[dict[str, int], dict[str, int]]:
    """How often each mark occurs with white space before it, and how often at all.

    The second count is taken only when the first can make a convention: with fewer spaced
    marks than either test needs, both are false whatever the total.
    """
    spaced = Counter(_SPACED_MARK.findall(doc.text))
    french_possible = not doc.language and sum(spaced[m] for m in _FRENCH_MARKS) >= _FRENCH_MIN
    if not french_possible and not any(spaced[m] >= _HABIT_MIN for m in ",."):
        return spaced, {}
    return spaced, Counter(_MARK.findall(doc.text))


def _mark_candidates(doc: Document) -> list[int]:
    """Offsets of the matches of _MARK_CANDIDATE, in order (cached for P106-P109)."""
    cached = doc.__dict__.get("_mark_candidates")
    if cached is None:
        cached = doc.__dict__["_mark_candidates"] = [m.start() for m in _MARK_CANDIDATE.finditer(doc.text)]
    return cached


def _space_before_matches(doc: Document) -> list[regex.Match]:
    """The matches of _SPACE_BEFORE, tried only at the runs of spaces before a mark.

    Its lookbehind admits no space, so a match starts where a run of spaces and tabs starts
    and ends with the mark right after the run.
    """
    text = doc.text
    matches = []
    for mark in _mark_candidates(doc):
        if not (mark and text[mark - 1] in " \t"):
            continue
        start = mark - 1
        while start and text[start - 1] in " \t":
            start -= 1
        match = _SPACE_BEFORE.match(text, start)
        if match:
            matches.append(match)
    return matches


def _french_spacing(doc: Document, spaced: dict[str, int], total: dict[str, int]) -> bool:
    """True when ; : ! ? are spaced as French typography wants (English almost never does)."""
    if doc.language:
        return doc.language.lower().startswith("fr")
    n_spaced = sum(spaced.get(m, 0) for m in _FRENCH_MARKS)
    n_total = sum(total.get(m, 0) for m in _FRENCH_MARKS)
    return n_spaced >= _FRENCH_MIN and n_spaced >= 0.5 * n_total


def _habitual(spaced: dict[str, int], total: dict[str, int]) -> bool:
    """True when the document spaces commas or full stops throughout, not as a one-off slip."""
    return any(spaced.get(m, 0) >= _HABIT_MIN and spaced[m] >= _HABIT_SHARE * total[m] for m in ",.")


def _keep_one(rule: Rule, doc: Document, runs: regex.Pattern, doubles: tuple[str, ...],
              label: str) -> Iterator[Diagnostic]:
    """A finding per run of one repeated mark, with the safe fix that keeps one; `doubles`
    are the pairs a run starts with, which rule the document out when none occurs."""
    text = doc.text
    # A run starts where one of `doubles` does (the candidates hold the second mark of every
    # pair), and the pattern is tried only there (as its finditer would, past each match).
    last_end = 0
    found = [mark - 1 for mark in _mark_candidates(doc) if text[mark - 1:mark + 1] in doubles]
    for at in found:
        match = runs.match(text, at) if at >= last_end else None
        if match is None:
            continue
        start, end = match.span()
        last_end = end
        mark = match.group()[0]
        yield rule.diagnostic(start, end, f"{label} {mark!r}.",
                              fix=Fix.safe(f"Keep one {mark!r}", Edit(start, end, mark)))


class SpaceBeforePunctuation(TextAndTitleRule):
    """A space before a comma, full stop, semicolon, colon, exclamation or question mark.

    ## What it does
    Finds white space between a word and the punctuation that follows it ("Lagos , on
    Tuesday"). A full stop before a number or a domain (" .5", " .com") and an ellipsis are
    not reported. French typography spaces ; : ! ? on purpose: when a document does so
    consistently those marks are left alone. When a document puts a space before commas or
    full stops as a habit, one info finding says so instead of one warning per mark. The
    safe fix removes the space.

    ## Why is this bad?
    The stray space is a typing or extraction slip that looks careless and can break a line
    before the punctuation.

    ## Example
    ```text
    The senator , who chairs the panel , left early .
    ```

    ## Use instead
    ```text
    The senator, who chairs the panel, left early.
    ```
    """

    code = "P106"
    name = "space-before-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "A space before , . ; : ! or ?."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        matches = _space_before_matches(doc)
        if not matches:
            return
        spaced, total = _spacing_counts(doc)
        french = _french_spacing(doc, spaced, total)
        habit = _habitual(spaced, total)
        summarised = False
        for match in matches:
            mark = match.group("mark")
            start, end = match.start(), match.start("mark")
            if mark in ";:" and text[match.end():match.end() + 1] in ("(", ")", "-", "P", "D"):
                continue  # an emoticon: ";)", ":-("
            if mark == ":" and text[start - 1].isdigit() and text[match.end():match.end() + 2].strip()[:1].isdigit():
                continue  # a score or ratio: "2 : 1"
            if french and mark in _FRENCH_MARKS:
                continue
            if habit:
                # Spacing before , or . throughout: the source's habit, reported once.
                if not summarised:
                    summarised = True
                    counts = ", ".join(f"{m!r} {n}" for m, n in sorted(spaced.items()))
                    yield self.diagnostic(start, match.end(),
                                          f"The document habitually puts a space before punctuation ({counts}).",
                                          severity=Severity.INFO)
                continue
            yield self.diagnostic(start, match.end(), f"Space before {mark!r}.",
                                  fix=Fix.safe("Remove the space", Edit(start, end, "")))


class MissingSpaceAfterPunctuation(TextAndTitleRule):
    """A comma, semicolon, colon, exclamation or question mark glued to the next word.

    ## What it does
    Finds , ; : ! ? followed directly by a letter ("Colorado,Washington"). Numbers ("3:30",
    "1,000"), links, e-mail addresses and paths ("http://", "?id=") and all-capital
    abbreviations ("TL;DR") are not reported. A full stop glued to the next sentence is the
    sentence rules' business. The safe fix inserts a space.

    ## Why is this bad?
    Glued words defeat tokenisation and search ("Colorado,Washington" is one token) and
    usually mean a line break or space was lost in extraction.

    ## Example
    ```text
    Voters in Colorado,Washington and Oregon agreed;turnout was high.
    ```

    ## Use instead
    ```text
    Voters in Colorado, Washington and Oregon agreed; turnout was high.
    ```
    """

    code = "P107"
    name = "missing-space-after-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "A , ; : ! or ? glued to the next word."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        for candidate in _mark_candidates(doc):
            if not _BEFORE_LETTER.match(text, candidate):
                continue
            match = _NO_SPACE_AFTER.match(text, candidate)  # one character wide
            if not match:
                continue
            mark, pos = match.group("mark"), match.start()
            before, after = text[pos - 1], text[pos + 1]
            if mark in ";:" and before.isupper() and after.isupper():
                continue  # TL;DR, ISO:FR
            if mark == ":" and (before.isdigit() or _INFLECTED_ABBREVIATION.match(text, pos - 1)):
                continue  # 10:30am; Swedish and Finnish endings on abbreviations: EU:s, NATO:n
            if _LINKISH.search(_token_around(text, pos)) and not _LINK_START.match(text, pos + 1):
                continue  # inside a link or path, but "details:http://…" lost its space
            yield self.diagnostic(pos, pos + 1, f"No space after {mark!r}.",
                                  fix=Fix.safe("Insert a space", Edit(pos + 1, pos + 1, " ")))


class DoubledPunctuation(TextAndTitleRule):
    """A doubled comma, full stop or semicolon.

    ## What it does
    Finds ",,", ";;" and exactly two full stops ("..", not the ellipsis "..."). Paths
    ("../") are not reported. The safe fix keeps one mark.

    ## Why is this bad?
    Doubled punctuation is a typing or joining slip.

    ## Example
    ```text
    The plan was approved,, and work starts soon..
    ```

    ## Use instead
    ```text
    The plan was approved, and work starts soon.
    ```
    """

    code = "P108"
    name = "doubled-punctuation"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "A doubled comma, full stop or semicolon."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        return _keep_one(self, doc, _DOUBLED, _DOUBLED_MARKS, "Doubled")


class RepeatedExclamation(TextAndTitleRule):
    """Repeated exclamation or question marks.

    ## What it does
    Finds runs of "!!" or "??" (a combined "?!" is fine). Reported as info: in quotes and
    informal writing the emphasis may be the author's. The safe fix keeps one mark.

    ## Why is this bad?
    News style uses one mark; runs of them read as shouting or as a joining slip.

    ## Example
    ```text
    The dress was stolen!!!
    ```

    ## Use instead
    ```text
    The dress was stolen!
    ```
    """

    code = "P109"
    name = "repeated-exclamation"
    category = Category.PUNCTUATION
    severity = Severity.INFO
    summary = "Repeated exclamation or question marks."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        return _keep_one(self, doc, _EMPHATIC, _EMPHATIC_MARKS, "Repeated")


class RepeatedSpaces(TextAndTitleRule):
    """A run of spaces between words.

    ## What it does
    Finds two or more spaces between two non-space characters. Lines laid out as columns
    (three or more such runs) and indentation are left alone. The safe fix keeps one space.

    ## Why is this bad?
    Runs of spaces are extraction debris (removed markup, joined cells) and break phrase
    matching and deduplication.

    ## Example
    ```text
    The council  approved the   budget.
    ```

    ## Use instead
    ```text
    The council approved the budget.
    ```
    """

    code = "P110"
    name = "repeated-spaces"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "A run of spaces between words."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        if "  " not in doc.text:
            return
        for line in doc.lines:
            runs = list(_SPACE_RUN.finditer(doc.text, line.start, line.end))
            if len(runs) >= _ALIGNED_LINE_RUNS:
                continue
            for match in runs:
                start, end = match.span()
                yield self.diagnostic(start, end, f"{end - start} spaces in a row.",
                                      fix=Fix.safe("Keep one space", Edit(start, end, " ")))
