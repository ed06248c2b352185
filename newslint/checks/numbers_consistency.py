"""Numbers that contradict each other within one document: a person's age given twice."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint.checks.numbers_common import matches_starting_before
from newslint.diagnostics import Category, Diagnostic, Severity
from newslint.document import Document
from newslint.rule import Rule

_NAME = r"\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+){0,3}"
_AGE = r"(?P<age>\d{1,3})"
# "Putin, 71," / "Putin (71)" / "Putin, the 71-year-old" / "the 72-year-old president Putin"
_NAME_AGE = regex.compile(rf"(?P<name>{_NAME}),\s{_AGE}(?=[,.;]\s|\s\p{{Ll}})")
# The bracket form needs prose after it: "Games (40)" in a menu counts items.
_NAME_BRACKET_AGE = regex.compile(rf"(?P<name>{_NAME})\s\({_AGE}\)(?=,?\s\p{{Ll}})")
_NAME_THE_AGED = regex.compile(rf"(?P<name>{_NAME}),\s(?:a|an|the)\s{_AGE}-year-old\b")
_AGED_NAME = regex.compile(rf"\b{_AGE}-year-old\s(?:\p{{Ll}}+\s){{0,3}}(?P<name>{_NAME})")
# Where each name-first form can end its name: the comma or bracket after it, found by one
# cheap scan that starts with that character and reads what the form wants after it (an age
# of one to three digits and what follows it: most commas before digits start a year);
# (pattern, anchor scan, characters the pattern reads from the anchor on).
_NAME_FIRST = [
    (_NAME_AGE, regex.compile(r",\s\d{1,3}(?=[,.;]\s|\s\p{Ll})"), 8),
    (_NAME_BRACKET_AGE, regex.compile(r"\(\d{1,3}\)(?=,?\s\p{Ll})"), 9),
    (_NAME_THE_AGED, regex.compile(r",\s(?:a|an|the)\s\d"), 20),
]
_YEAR_OLD = regex.compile(r"\d-year-old")
# Every character a name (and the words before it) can hold: a name ending at an anchor
# starts inside the run of these characters before it, and nowhere else.
_NAME_RUN_BEFORE = regex.compile(r"[\p{L}'’\s-]*", regex.REVERSE)
_NAME_RUN = regex.compile(r"[\p{L}'’\s-]*")
# Capitalised words that start sentences or name times, not people.
_NOT_NAMES = frozenset({
    "The", "A", "An", "In", "On", "At", "By", "For", "And", "But", "Of", "He", "She", "They",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
})


@dataclass(frozen=True)
class AgeMention:
    surname: str
    age: int
    start: int
    end: int


def _name_first_matches(text: str, pattern: regex.Pattern, anchors: regex.Pattern,
                        reach: int) -> Iterator[regex.Match]:
    """pattern.finditer(text), searched only in the name run before each anchor."""
    spots = ((anchor.start(), anchor.start() + reach) for anchor in anchors.finditer(text))
    return matches_starting_before(pattern, text, spots, _NAME_RUN_BEFORE)


def _aged_name_matches(text: str) -> Iterator[regex.Match]:
    """_AGED_NAME.finditer(text), searched only from each "-year-old" to the end of the name run."""
    last_end = 0
    for anchor in _YEAR_OLD.finditer(text):
        at = anchor.start() + 1
        match = _AGED_NAME.search(text, max(at - 3, last_end), _NAME_RUN.match(text, at + 9).end())
        if match:
            last_end = match.end()
            yield match


def _matches(text: str) -> Iterator[regex.Match]:
    yield from _name_first_matches(text, *_NAME_FIRST[0])
    yield from _name_first_matches(text, *_NAME_FIRST[1])
    if "-year-old" in text:
        yield from _name_first_matches(text, *_NAME_FIRST[2])
        yield from _aged_name_matches(text)


def age_mentions(text: str) -> list[AgeMention]:
    found = []
    for match in _matches(text):
        surname = match.group("name").split()[-1]
        age = int(match.group("age"))
        if surname in _NOT_NAMES or not 1 <= age <= 120:
            continue
        found.append(AgeMention(surname, age, match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


class InconsistentAge(Rule):
    """The same person's age given twice with different values.

    ## What it does
    Collects ages given next to a name ("Putin, 71", "Putin (71)", "the 72-year-old Putin")
    and reports a later mention whose age differs from the first one for the same surname.
    Reported at info level: two people may share a surname.

    ## Why is this bad?
    One of the two numbers is wrong, or the text was stitched from versions written a year
    apart.

    ## Example
    ```text
    Putin, 71, arrived on Thursday. Later the 72-year-old Putin met Xi.
    ```

    ## Use instead
    ```text
    Putin, 71, arrived on Thursday. Later the 71-year-old Putin met Xi.
    ```
    """

    code = "N501"
    name = "inconsistent-age"
    category = Category.NUMBERS
    severity = Severity.INFO
    summary = "The same person's age given twice with different values."

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        first_seen: dict[str, AgeMention] = {}
        for mention in age_mentions(doc.text):
            first = first_seen.setdefault(mention.surname, mention)
            if first.age != mention.age:
                line, _ = doc.position(first.start)
                yield self.diagnostic(
                    mention.start, mention.end,
                    f"{mention.surname} is {mention.age} here but {first.age} on line {line}.",
                    evidence=[doc.text[first.start:first.end]],
                )
