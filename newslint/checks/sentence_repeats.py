"""A word written twice in a row ("to to", "the the"), a typical machine-translation slip."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import compress, count, islice, repeat
from operator import eq

import regex

from newslint.checks.english import english_only
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.language import BREAK, block_words
from newslint.rule import Rule

_REPEAT = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}'\u2019\-])(?P<word>\p{L}+)(?P<gap>[ \t]+)(?P<again>(?i:(?P=word)))"
    r"(?![\p{L}\p{N}\p{M}'\u2019\-])"
)
# Characters whose lower case is not their case fold ("ſ", "ς", "µ", Cherokee, ...), and
# the capital sigma (lower-cased by its place in the word): with none of them in a text,
# words that _REPEAT's case-insensitive reference takes for equal are equal lower-cased.
# (All are in the Basic Multilingual Plane, which keeps building the class cheap; a test
# checks the other planes.)
_FOLD_NOT_LOWER = re.compile("[" + "".join(
    re.escape(c) for c in map(chr, range(0x10000)) if c.lower() != c.casefold()) + "\u03a3]")
# Repeats that English allows: grammar ("had had", "that that", "is is"), reduplication
# ("bye bye", "so so", "no no") and sounds ("ha ha").
LEGITIMATE_REPEATS = frozenset(
    """
    had that is do did very really so no bye ha haha he hee ho bla blah yeah yes well knock tut
    tsk chop hush pooh now there go yada boo choo cha dum la meow night aye ooh oh hip ta wow
    bang beep boom quack tick tock her more many far again round over out on and bling never
    """.split()
)
# Repeats whose second copy can be dropped without doubt: articles and prepositions that
# never stand twice in English. ("in", "on", "by" can: "log in in the morning".)
SAFE_TO_DROP = frozenset("the a an of to for with from at into than or".split())


class RepeatedWord(Rule):
    """Flags a word written twice in a row.

    ## What it does
    Finds the same word twice with only spaces between ("to to", "The the"), except repeats
    that English allows ("had had", "that that", "bye bye", "ha ha", "very very") and
    repeated capitalised names ("Bora Bora", "Duran Duran"). Articles and prepositions that
    never stand twice get a safe fix that drops the copy; other repeats get no fix. Only
    English text is checked (other languages have their own legitimate repeats, such as
    French "nous nous").

    ## Why is this bad?
    Machine-translated reposts and sloppy extraction double words; readers notice, and the
    text scores worse in any quality filter.

    ## Example
    ```text
    The ministry plans to to raise the fee.
    ```

    ## Use instead
    ```text
    The ministry plans to raise the fee.
    ```
    """

    code = "S003"
    name = "repeated-word"
    category = Category.SENTENCE
    severity = Severity.WARNING
    summary = "A word is repeated (\"to to\", \"the the\")"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        return english_only(doc, self._repeated_words(doc))

    def _repeated_words(self, doc: Document) -> Iterator[Diagnostic]:
        for match in _repeats(doc):
            word, again = match.group("word"), match.group("again")
            lowered = word.lower()
            if lowered in LEGITIMATE_REPEATS:
                continue
            if again[:1].isupper() and lowered not in SAFE_TO_DROP:
                continue  # a name that repeats itself ("Sirhan Sirhan")
            fix = None
            if lowered in SAFE_TO_DROP:
                fix = Fix.safe(f"Drop the repeated \u201c{again}\u201d", Edit(match.end("word"), match.end(), ""))
            yield self.diagnostic(
                match.start(), match.end(), f"Repeated word \u201c{again}\u201d", fix=fix,
            )


def _repeats(doc: Document) -> Iterator[regex.Match]:
    """The matches of _REPEAT.finditer(doc.text), searching only the blocks that can hold one.

    A match is two whole words of the document's word list (`language.block_words`) in a
    row, equal ignoring case: only blocks holding such a pair are searched, line by line (a
    match never spans a line break).
    """
    text, blocks, lines = doc.text, doc.blocks, doc.lines
    if BREAK in text:  # the word list cannot tell the blocks apart
        candidates: Iterable[int] = range(len(blocks))
    else:
        tokens, lowered, _ = block_words(doc)
        words = lowered if _FOLD_NOT_LOWER.search(text) is None else list(map(str.casefold, tokens))
        pairs = [i for i in compress(count(), map(eq, words, islice(words, 1, None))) if tokens[i] != BREAK]
        # A word's block: the number of breaks before it.
        breaks = list(compress(count(), map(eq, tokens, repeat(BREAK)))) if pairs else []
        candidates = sorted({bisect_left(breaks, i) for i in pairs})
    for index in candidates:
        block = blocks[index]
        for line in lines[block.first_line:block.last_line + 1]:
            yield from _REPEAT.finditer(text, line.start, line.end)
