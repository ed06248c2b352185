"""Impossible values where the context is clear: dates, years, clock times, shares."""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterator

import regex

from newslint.checks.numbers_common import digit_run_ends, digit_runs
from newslint.diagnostics import Category, Diagnostic, Severity
from newslint.document import Document
from newslint.rule import Rule

_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name: i for i, name in enumerate(calendar.month_abbr) if name and name != "May"})
_MONTHS["Sept"] = 9
MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAYS_IN_MONTH = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}

# "May 20, 20024" / "February 20022" / "3 June 20019": a five-digit year in a date.
_FIVE_DIGIT_YEAR = regex.compile(
    rf"\b(?:{MONTH}\s+(?P<day>\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?|(?P<day2>\d{{1,2}})\s+{MONTH}\s+)"
    r"(?P<year>\d{5})\b(?![,.]\d)(?P<tail>\s+[a-z]+)?"
)
# "February 30" / "April 31st" / "30 February": a day the month does not have.
_MONTH_DAY = regex.compile(
    rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.:]?\d)(?:,?\s+(?P<year>\d{{4}})\b)?"
    r"(?P<tail>\s+(?!and\b|to\b|through\b|at\b|in\b|when\b|this\b|next\b|last\b|until\b)[a-z])?"
)
_DAY_MONTH = regex.compile(
    rf"(?<![\d.,:/-])\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?:,?\s+(?P<year>\d{{4}})\b)?"
)
# Words that end a date and start the rest of a clause ("in October 20018 by the agency"),
# unlike the nouns a count is followed by ("in March 25000 people").
WORDS_AFTER_DATE = frozenset({
    "after", "before", "by", "that", "when", "and", "to", "with", "for", "the", "in", "on", "at",
    "as", "which", "where", "from", "until", "during", "since", "while", "but", "or", "was",
    "is", "were", "had", "has", "will", "would", "he", "she", "they", "we", "it",
})
# Words before a month after which "June 31 people" reads as a count, not a date.
_COUNT_AFTER_MONTH = regex.compile(
    r"\b(?:in|during|since|by|until|till|through|throughout|from|last|this|next|early|late|mid)\s+$",
    regex.IGNORECASE)
# "25:70": minutes (or seconds) past 59, or an hour past 24 next to a time word.
_CLOCK = regex.compile(r"(?<![\d:.,])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?![\d:]|[.,]\d)")
_TIME_AFTER = regex.compile(
    r"\s?(?:[ap]\.?m\b\.?|GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|local|hours|hrs|h\b|Uhr|o'clock)",
    regex.IGNORECASE)
_TIME_BEFORE = regex.compile(r"\b(?:at|by|until|till|from|around|about|before|after|since)\s+$",
                             regex.IGNORECASE)
_RATIO_AFTER = regex.compile(r"\s*(?:scale|ratio|odds|split)\b", regex.IGNORECASE)
# "120% of voters", "make up 150% of the samples": a share of a whole above 100 percent.
_SHARE_OF = regex.compile(
    r"(?<![\d.,])(?P<value>\d+(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)\s+of\s+"
    r"(?:(?:the|all|its|their|those|these)\s+)?(?P<noun>\p{L}+)(?P<more>(?:['’]s)?(?:\s+\p{L}+){0,2})",
    regex.IGNORECASE)
_PART_OF_WHOLE_BEFORE = regex.compile(
    r"\b(?:make|makes|made|making)\s+up\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$|"
    r"\b(?:account|accounts|accounted|accounting)\s+for\s+(?:about\s+|around\s+|nearly\s+|some\s+)?$")
# Nouns after "N% of (the)" that name a group of people or things counted one by one.
WHOLE_NOUNS = frozenset({
    "them", "those", "population", "electorate", "workforce", "voters", "respondents", "people",
    "residents", "adults", "children", "women", "men", "students", "households", "members",
    "employees", "workers", "staff", "users", "patients", "participants", "citizens", "parents",
    "teenagers", "teens", "customers", "consumers", "companies", "businesses", "firms", "seats",
    "votes", "ballots", "samples", "cases", "changes", "shares", "americans", "britons",
    "total", "whole",
})

# Plurals that name amounts, which may well be exceeded ("150% of pre-war levels").
AMOUNT_PLURALS = frozenset({
    "levels", "revenues", "costs", "sales", "earnings", "wages", "prices", "profits", "assets",
    "expenses", "savings", "funds", "needs", "requirements", "limits", "targets", "averages",
    "expectations", "estimates", "values", "rates", "incomes", "salaries", "payments",
    "budgets", "reserves", "emissions", "forecasts", "goals", "quotas", "allowances",
})


# Where the patterns above can start, found by cheap scans instead of trying every position:
# every month name starts with one of these (case-sensitive, like the patterns), a day or a
# value is a whole run of digits, and a clock time has a colon before its minutes.
_MONTH_PREFIX = re.compile(r"Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")
_COLON_DIGIT = regex.compile(r":\d")
_DIGITS_BEFORE = regex.compile(r"\d*", regex.REVERSE)
# A share's value ("120", "12.5") is followed by "%", "per..." or its decimal point, maybe
# after one white-space character.
_SHARE_NEXT = frozenset("%pP.")


# How far past a start `_matches_at` lets a pattern look. regex checks that a literal the
# pattern needs (the "of" of "50% of") occurs before it tries to match, and scans the rest of
# the text for it: without a bound, a long text without one costs a scan per start.
_MATCH_WINDOW = 1000


def _matches_at(pattern: regex.Pattern, text: str, starts: Iterator[int]) -> Iterator[regex.Match]:
    """pattern.finditer(text) when every match starts at one of `starts` (ascending), each
    match tried within _MATCH_WINDOW characters (again on the whole text if it reaches near
    the window's end, where the bound could have cut it)."""
    last_end = 0
    for start in starts:
        if start >= last_end:
            match = pattern.match(text, start, start + _MATCH_WINDOW)
            if match and match.end() > start + _MATCH_WINDOW // 2:
                match = pattern.match(text, start)
            if match:
                last_end = match.end()
                yield match


def _run_before(doc: Document, offset: int) -> int | None:
    """Start of the last run of digits that ends at or before `offset`."""
    index = bisect.bisect_right(digit_run_ends(doc), offset) - 1
    return digit_runs(doc)[index][0] if index >= 0 else None


def _date_starts(doc: Document) -> tuple[list[int], list[int]]:
    """Where a date can start: each month name, and the run of digits before it (a day)."""
    months = [match.start() for match in _MONTH_PREFIX.finditer(doc.text)]
    days = [day for day in (_run_before(doc, month) for month in months) if day is not None]
    return months, days


def _five_digit_year_starts(doc: Document, months: list[int]) -> list[int]:
    """Where a date with a five-digit year can start: the last month name before each run
    of five digits, and the day before that month."""
    runs = digit_runs(doc)
    starts = set()
    for start, end in runs:
        if end - start == 5:
            index = bisect.bisect_left(months, start) - 1
            if index >= 0:
                day = _run_before(doc, months[index])
                starts.update((months[index],) if day is None else (months[index], day))
    return sorted(starts)


def _clock_starts(text: str) -> Iterator[int]:
    for colon in _COLON_DIGIT.finditer(text):
        yield _DIGITS_BEFORE.match(text, 0, colon.start()).start()


def _share_starts(doc: Document) -> Iterator[int]:
    text = doc.text
    for start, end in digit_runs(doc):
        following = text[end:end + 1]
        if following in _SHARE_NEXT or (following.isspace() and text[end + 1:end + 2] in _SHARE_NEXT):
            yield start


def _is_share_of_whole(text: str, match: regex.Match) -> bool:
    before_noun = text[match.start("noun") - 6:match.start("noun")].lower()
    nouns = [match.group("noun").lower(), *match.group("more").lower().split()]
    counted = nouns[0].endswith("s") and not nouns[0].endswith(("ss", "us", "is")) \
        and nouns[0] not in AMOUNT_PLURALS
    if counted or any(noun in WHOLE_NOUNS for noun in nouns) or before_noun.endswith("those "):
        return True
    return bool(_PART_OF_WHOLE_BEFORE.search(text, max(0, match.start() - 30), match.start()))


class ImpossibleValue(Rule):
    """A value that cannot be right where the context says what it is.

    ## What it does
    Finds a five-digit year in a date ("May 20, 20024"), a day the month does not have
    ("February 30", "31 April"; "February 29" only when the year given is not a leap year),
    a clock time with minutes past 59 ("25:70", "at 10:75") or an hour past 24 next to a
    time word ("26:10 GMT"), and a share of a whole above 100 percent ("120% of voters",
    "150% of them", "130% of the samples", "makes up 130 percent of ..."; amounts that can be
    exceeded are left alone: "150% of GDP", "120% of pre-war levels"). Ratios ("1:72 scale") and scores are not clock times.

    ## Why is this bad?
    These are typing, OCR or extraction slips; the reader sees a wrong fact. There is no
    automatic fix because the right value is unknown.

    ## Example
    ```text
    The vote on February 30, 20024 closed at 25:70, with 120% of voters taking part.
    ```

    ## Use instead
    ```text
    The vote on February 28, 2024 closed at 20:10, with 64% of voters taking part.
    ```
    """

    code = "N301"
    name = "impossible-value"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "Impossible value in clear context (\"20024\" as a year, \"February 30\", \"25:70\")."

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        months, days = _date_starts(doc)
        for match in _matches_at(_FIVE_DIGIT_YEAR, text, _five_digit_year_starts(doc, months)):
            if not (match.group("day") or match.group("day2")) and (
                    (match.group("tail") and match.group("tail").strip() not in WORDS_AFTER_DATE)
                    or match.group("year")[0] not in "12"):
                continue  # "in February 20000 people ...": a count, not a year
            start, end = match.span("year")
            yield self.diagnostic(start, end, f"{match.group('year')!r} is not a year.", kind="year")
        for pattern, starts in ((_MONTH_DAY, months), (_DAY_MONTH, days)):
            for match in _matches_at(pattern, text, starts):
                if pattern is _MONTH_DAY and match.group("tail") and not match.group("year") \
                        and _COUNT_AFTER_MONTH.search(text, max(0, match.start() - 12), match.start()):
                    continue  # "in June 31 people died": a count after the month
                yield from self._check_day(match)
        for match in _matches_at(_CLOCK, text, _clock_starts(text)):
            yield from self._check_clock(text, match)
        for match in _matches_at(_SHARE_OF, text, _share_starts(doc)):
            if float(match.group("value")) > 100 and _is_share_of_whole(text, match):
                yield self.diagnostic(match.start(), match.end(),
                                      f"A share of a group above 100 percent: {match.group()!r}.",
                                      kind="percent")

    def _check_day(self, match: regex.Match) -> Iterator[Diagnostic]:
        month = _MONTHS[match.group("month")]
        day = int(match.group("day"))
        year = int(match.group("year")) if match.group("year") else None
        last = _DAYS_IN_MONTH[month]
        if month == 2 and year is not None and not calendar.isleap(year):
            last = 28
        if 1 <= day <= last or day == 0:
            return
        name = calendar.month_name[month]
        yield self.diagnostic(match.start(), match.end(),
                              f"{name} has no day {day}: {match.group().strip()!r}.", kind="date")

    def _check_clock(self, text: str, match: regex.Match) -> Iterator[Diagnostic]:
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        if _RATIO_AFTER.match(text, match.end()):
            return
        timed = bool(_TIME_AFTER.match(text, match.end())) or bool(
            _TIME_BEFORE.search(text, max(0, match.start() - 10), match.start()))
        if minute >= 60 or (timed and hour > 24):
            yield self.diagnostic(match.start(), match.end(),
                                  f"{match.group()!r} is not a valid time.", kind="time")
