"""Two sentences glued together without a space ("said.The minister")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

# Sentence punctuation (maybe with a closing quote) between a lower-case letter and a
# capitalised word, with no space. Searching for the gap first keeps the scan fast; the words
# on both sides are checked afterwards.
_GLUED_GAP = regex.compile(r"(?<=\p{Ll}\p{M}*)[.!?][\"'\u201d\u2019)]?(?=\p{Lu}\p{Ll})")
# Where a gap can start, in one stdlib pass: the punctuation and closing quote, then a
# letter that is not a-z (every \p{Lu} is such a letter). Gaps do not overlap, so trying
# _GLUED_GAP at each of these finds what its finditer would.
_GAP_CANDIDATE = re.compile(r"[.!?][\"'\u201d\u2019)]?[^\W\d_a-z]")
_LEFT_WORD = regex.compile(r"(?<![\p{L}\p{N}\p{M}.@/#_\\-])\p{L}[\p{L}\p{M}]*$")
_RIGHT_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?![\p{L}\p{N}\p{M}])")
# Tokens that are names of things, not prose: URLs, domains, paths, handles, code.
_NOT_PROSE_TOKEN = regex.compile(r"://|www\.|[@/\\_=#<>{}\[\]]|\(\)")
# Capitalised file extensions and top-level domains ("Example.Com", "Script.Py").
_SUFFIXES = frozenset("com org net gov edu info biz io co uk de fr js py rb ts go php html htm pdf doc docx txt csv xml json exe app".split())


def _token_at(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:right]


class GluedSentences(Rule):
    """Flags two sentences glued together without a space after the full stop.

    ## What it does
    Finds a word ending in a lower-case letter, a full stop, question or exclamation mark
    (and maybe a closing quote), and a capitalised word with no space between them, as in
    "said.The". Tokens that are names of things are left alone: URLs and domains
    ("www.example.com"), file names and code ("Node.js", "java.util.List"), handles, and
    dotted abbreviations ("U.S.-led"). The safe fix inserts the missing space.

    ## Why is this bad?
    The space was lost when markup between two paragraphs or sentences was removed. The
    glued pair breaks sentence splitting, tokenisation and search.

    ## Example
    ```text
    The vote passed narrowly.Opponents called it rushed.
    ```

    ## Use instead
    ```text
    The vote passed narrowly. Opponents called it rushed.
    ```
    """

    code = "S002"
    name = "glued-sentences"
    category = Category.SENTENCE
    severity = Severity.WARNING
    summary = "Two sentences glued together without a space (\"said.The\")"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for candidate in _GAP_CANDIDATE.finditer(text):
            gap_match = _GLUED_GAP.match(text, candidate.start())
            if gap_match is None:
                continue
            gap_start, gap = gap_match.start(), gap_match.end()
            left = _LEFT_WORD.search(text, max(0, gap_start - 40), gap_start)
            right = _RIGHT_WORD.match(text, gap)
            if left is None or right is None or len(left.group()) < 2:
                continue
            if right.group().lower() in _SUFFIXES:
                continue
            token = _token_at(text, left.start(), right.end())
            # More than one stop inside the token means a dotted name (java.util.List).
            if _NOT_PROSE_TOKEN.search(token) or token.rstrip(".!?\"'\u201d\u2019)").count(".") > 1:
                continue
            yield self.diagnostic(
                gap_start, right.end(),
                "Missing space after sentence punctuation: two sentences are glued together",
                fix=Fix.safe("Insert a space", Edit(gap, gap, " ")),
            )
