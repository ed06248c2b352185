"""Shared number parsing for the N (numbers) rules: values, the document's separator
convention and a cheap guess of whether the text is English.

No rules live here; the rule modules are numbers_groups, numbers_glued, numbers_values,
numbers_conversions and numbers_consistency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter

import regex

from newslint.document import Document
from newslint.language import declared_english, profile

CURRENCY_SYMBOLS = "$£€¥₹₽₩"
MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# A magnitude or percent word after a number ("5.3 billion", "12 percent").
QUANTITY_WORD = r"(?:thousand|million|billion|trillion|percent|per\s+cent|%)"

# English function words: before a glued number they are plainly words ("in2019"), and
# after a number they show it is not followed by the noun it counts.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "in", "on", "at", "of", "to", "by", "for", "from", "than", "over", "under",
    "about", "around", "nearly", "almost", "some", "and", "or", "but", "nor", "since", "until",
    "with", "without", "within", "after", "before", "between", "each", "every", "only", "just",
    "were", "was", "are", "is", "be", "been", "had", "has", "have", "will", "would", "could",
    "should", "may", "might", "can", "did", "does", "do", "if", "then", "when", "while", "where",
    "which", "who", "that", "this", "these", "those", "as", "so", "not", "like", "us", "we",
    "our", "his", "her", "its", "their", "my", "your", "you", "they", "it", "he", "she", "per",
    "plus", "via", "upon", "among", "across", "against", "toward", "towards", "into", "through",
    "during", "up", "down", "off", "out", "more", "most", "less", "least", "fewer", "both",
    "all", "any", "no", "another", "few", "several", "many", "last", "first", "next", "aged",
})

SMALL_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}


def parse_english_number(text: str) -> float:
    """Value of an English-style number ("1,234.5" -> 1234.5) or a small number word."""
    word = text.lower()
    if word in SMALL_NUMBER_WORDS:
        return float(SMALL_NUMBER_WORDS[word])
    return float(text.replace(",", ""))


# -- digit runs ---------------------------------------------------------------------------------

_DIGITS = regex.compile(r"\d+")


def digit_runs(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of every maximal run of digits, in order (cached on the document).

    One C-level pass that several N rules share: each picks the few runs its pattern can
    start or end at (by the characters around them) and runs the full pattern only there.
    """
    cached = doc.__dict__.get("_numbers_digit_runs")
    if cached is None:
        cached = [match.span() for match in _DIGITS.finditer(doc.text)]
        doc.__dict__["_numbers_digit_runs"] = cached
    return cached


def digit_run_ends(doc: Document) -> list[int]:
    """The end offset of each of `digit_runs`, ascending (cached: for bisecting offsets)."""
    cached = doc.__dict__.get("_numbers_digit_run_ends")
    if cached is None:
        cached = doc.__dict__["_numbers_digit_run_ends"] = list(map(itemgetter(1), digit_runs(doc)))
    return cached


# Two scans that start with a literal are much faster than one that starts with a class.
_SEPARATORS_DIGIT = (regex.compile(r"\.\d"), regex.compile(r",\d"))
_NUMBER_CHARS_BEFORE = regex.compile(r"[\d.,]*", regex.REVERSE)
_NUMBER_CHARS = regex.compile(r"[\d.,]*")


def runs_around(text: str, anchors: Iterable[int], before: regex.Pattern,
                after: regex.Pattern) -> list[tuple[int, int]]:
    """(start, end) of the maximal run of a character class around each anchor offset
    (ascending), each run once: `before` is the class repeated as a REVERSE pattern, `after`
    the same forwards."""
    runs = []
    end = 0
    for at in anchors:
        if at >= end:
            end = after.match(text, at).end()
            runs.append((before.match(text, 0, at).start(), end))
    return runs


def separated_numbers(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of digits, points and commas that has a point or comma
    before a digit (cached on the document): the only places a number with a separator can be."""
    cached = doc.__dict__.get("_numbers_separated")
    if cached is None:
        text = doc.text
        separators = sorted(match.start() for scan in _SEPARATORS_DIGIT for match in scan.finditer(text))
        cached = runs_around(text, separators, _NUMBER_CHARS_BEFORE, _NUMBER_CHARS)
        doc.__dict__["_numbers_separated"] = cached
    return cached


def matches_starting_before(pattern: regex.Pattern, text: str, anchors: Iterable[tuple[int, int]],
                            run_before: regex.Pattern) -> Iterator[regex.Match]:
    """pattern.finditer(text) for a pattern whose every match starts inside the run of
    `run_before`'s class (a REVERSE pattern) that ends at one of `anchors`, before the anchor.
    Anchors are (offset, how far a search from it may read), ascending by offset."""
    last_end = 0
    for at, limit in anchors:
        start = max(run_before.match(text, 0, at).start(), last_end)
        match = pattern.search(text, start, limit)
        if match and match.start() < at:
            last_end = match.end()
            yield match


def finditer_in_runs(pattern: regex.Pattern, text: str, runs: list[tuple[int, int]],
                     reach: int) -> Iterator[regex.Match]:
    """pattern.finditer(text) for a pattern whose matches lie inside the given character runs
    (each a maximal run of a class that holds every character a match can hold), reading at
    most `reach` characters past a match for its lookahead."""
    for start, end in runs:
        for match in pattern.finditer(text, start, min(end + reach, len(text))):
            if match.start() >= end:
                break
            yield match


# -- separator convention -------------------------------------------------------------------

# A number token bounded so that it is not part of a longer dotted/commaed string
# (dates like 5.3.2020, versions like 1.2.3, IP addresses, lists like 1,2,3).
_TOKEN = regex.compile(r"(?<![\d.,\p{L}_/#@-])\d[\d.,]*\d(?![\d\p{L}_])")
_ENGLISH_THOUSANDS = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_CONTINENTAL_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_POINT_DECIMAL = regex.compile(r"\d+\.\d{1,2}")
_COMMA_DECIMAL = regex.compile(r"\d+,\d{1,2}")


def classify_number(token: str) -> str | None:
    """'english', 'continental' or None (ambiguous) for one number token."""
    if _ENGLISH_THOUSANDS.fullmatch(token) and token.count(",") >= 1:
        return "english"
    if _CONTINENTAL_THOUSANDS.fullmatch(token) and token.count(".") >= 1:
        groups = token.split(",")[0].split(".")
        if token.startswith("0"):
            return None
        if len(groups) == 2 and "," not in token and groups[1] != "000":
            return None  # "1.250" may be a decimal with three places
        return "continental"
    if _POINT_DECIMAL.fullmatch(token):
        return "english"
    if _COMMA_DECIMAL.fullmatch(token):
        return "continental"
    return None


@dataclass(frozen=True)
class Convention:
    english: int  # number tokens written the English way (1,000 / 5.3)
    continental: int  # tokens written the continental way (1.000 / 5,3)
    comma_thousands: int  # of the English ones, those with a thousands comma (1,000)

    @property
    def mostly_continental(self) -> bool:
        return self.continental >= 2 and self.continental > self.english


def number_convention(doc: Document) -> Convention:
    """How the document itself writes numbers (cached on the document)."""
    cached = doc.__dict__.get("_numbers_convention")
    if cached is None:
        counts: Counter[str] = Counter()
        # A token without a point or comma is ambiguous: only separated numbers are read.
        for match in finditer_in_runs(_TOKEN, doc.text, separated_numbers(doc), 1):
            kind = classify_number(match.group())
            if kind:
                counts[kind] += 1
                if kind == "english" and "," in match.group():
                    counts["comma_thousands"] += 1
        cached = Convention(counts["english"], counts["continental"], counts["comma_thousands"])
        doc.__dict__["_numbers_convention"] = cached
    return cached


# -- language ---------------------------------------------------------------------------------

def is_english(doc: Document) -> bool | None:
    """True/False when the text is clearly (not) English; None when there is too little text.

    The declared `doc.language` when present, otherwise a stop-word vote (newslint.language).
    """
    declared = declared_english(doc)
    if declared is not None:
        return declared
    words = profile(doc)
    if words.mostly_non_latin:
        return False
    best = words.best()
    if best is None:
        return None
    language, hits = best
    return language == "en" and hits >= 0.6 * sum(words.votes.values())


def writes_numbers_the_english_way(doc: Document) -> bool:
    """English text, or text of unknown language whose own numbers mostly use 1,000 / 5.3.

    English text whose numbers are overwhelmingly continental (three or more, over twice
    the English ones) follows its own convention and is not judged by the language.
    """
    english = is_english(doc)
    convention = number_convention(doc)
    if english is None:
        return convention.english > convention.continental
    return english and not (convention.continental >= 3
                            and convention.continental > 2 * convention.english)
