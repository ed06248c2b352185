"""Two sentences glued together without a space ("said.The minister")."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

# A lower-case-ended word, sentence punctuation (maybe a closing quote) and a capitalised
# word with no space between them. The left word must not continue a longer token.
_GLUED = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}.@/#_\\-])(?P<left>\p{L}*\p{Ll}\p{M}*)(?P<stop>[.!?][\"'\u201d\u2019)]?)"
    r"(?P<right>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}\p{M}])"
)
_TOKEN_AROUND = regex.compile(r"\S+")
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
        for match in _GLUED.finditer(text):
            if len(match.group("left")) < 2 or match.group("right").lower() in _SUFFIXES:
                continue
            token = _token_at(text, match.start(), match.end())
            # More than one stop inside the token means a dotted name (java.util.List).
            if _NOT_PROSE_TOKEN.search(token) or token.rstrip(".!?\"'\u201d\u2019)").count(".") > 1:
                continue
            gap = match.end("stop")
            yield self.diagnostic(
                match.start("stop"), match.end("right"),
                "Missing space after sentence punctuation: two sentences are glued together",
                fix=Fix.safe("Insert a space", Edit(gap, gap, " ")),
            )
