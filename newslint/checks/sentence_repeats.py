"""A word written twice in a row ("to to", "the the"), a typical machine-translation slip."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from newslint.checks.english import english_only
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

_REPEAT = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}'\u2019\-])(?P<word>\p{L}+)(?P<gap>[ \t]+)(?P<again>(?i:(?P=word)))"
    r"(?![\p{L}\p{N}\p{M}'\u2019\-])"
)
# A cheap stdlib pass that finds every line that can hold a _REPEAT match, valid only on
# lines whose letters, marks and digits are all Latin-1 (there stdlib `re` and `regex` agree
# on letters and on case-insensitive equality; _OUTSIDE_LATIN1 finds the other lines). The
# word is captured in a look-ahead and matched by reference: a whole run of letters, with
# no backtracking into it (only the whole run can be followed by a space). The character
# before the word is matched, not looked behind at: a pattern that starts with a class is
# scanned for at C speed, one with a look-behind is tried at every position. So a word at
# the very start of the text is no candidate: the first line is always searched.
_LATIN1_LETTERS = "A-Za-z\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\xff"
_LATIN1_WORD_CHARS = f"{_LATIN1_LETTERS}0-9\xb2\xb3\xb9\xbc-\xbe'\u2019\\-"
_REPEAT_CANDIDATE = re.compile(
    f"[^{_LATIN1_WORD_CHARS}](?=([{_LATIN1_LETTERS}]+))\\1[ \t]+(?i:\\1)(?![{_LATIN1_WORD_CHARS}])"
)
_OUTSIDE_LATIN1 = regex.compile(r"[[^\x00-\xff]&&[\p{L}\p{M}\p{N}]]", regex.V1)
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
    """The matches of _REPEAT.finditer(doc.text), searching only the lines that can hold one:
    the lines of stdlib candidates and the lines with letters outside Latin-1.

    A match never spans a line break, so scanning line by line finds the same matches.
    """
    text, lines = doc.text, doc.lines
    found = {doc.line_index_at(candidate.start(1)) for candidate in _REPEAT_CANDIDATE.finditer(text)}
    found.add(0)
    position = 0
    while (outside := _OUTSIDE_LATIN1.search(text, position)) is not None:
        index = doc.line_index_at(outside.start())
        found.add(index)
        position = lines[index].end
    for index in sorted(found):
        yield from _REPEAT.finditer(text, lines[index].start, lines[index].end)
