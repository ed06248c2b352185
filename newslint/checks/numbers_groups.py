"""Digit groups: split numbers, wrong group sizes and separators of the wrong convention."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newslint.checks.numbers_common import (
    QUANTITY_WORD,
    finditer_in_runs,
    is_english,
    number_convention,
    runs_around,
    separated_numbers,
    writes_numbers_the_english_way,
)
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

# "12, 000" / "12 ,000" / "12 , 000": a thousands comma with white space beside it.
_SPLIT_THOUSANDS = regex.compile(
    r"(?<![\d.,])(?<!\d[,.]\s)(?P<lead>\d{1,3}(?:,\d{3})*)(?P<gap>[ \u00a0]?,[ \u00a0]?)(?P<tail>\d{3}(?:,\d{3})*)"
    r"(?![\d\p{L}]|[.,]\d|\s?,\s?\d|\s(?:and|or|to)\s\d)"
)
# "$5. 3 billion" / "5 .3 billion": a decimal point with white space beside it, before a
# magnitude word (without one, "in 2005. 3 people" is two sentences).
_SPLIT_DECIMAL = regex.compile(
    rf"(?<![\d.,])(?P<lead>\d{{1,3}})(?P<gap>[ \u00a0]?\.[ \u00a0]?)(?P<tail>\d{{1,2}})(?=[ \u00a0]?{QUANTITY_WORD}\b)",
    regex.IGNORECASE,
)
_AFTER_MONTH = regex.compile(rf"\b{MONTH}\s+$")
# Only a separator with white space beside it is reported, so only runs of number characters
# holding one are searched; a split decimal is rare enough to search the whole text for.
_SPACES = frozenset(" \u00a0")
_COMMA_DIGIT = regex.compile(r",[ \u00a0]?\d")
_POINT_DIGIT = regex.compile(r"\.[ \u00a0]?\d")
_SPLIT_CHARS_BEFORE = regex.compile(r"[\d, \u00a0]*", regex.REVERSE)
_SPLIT_CHARS = regex.compile(r"[\d, \u00a0]*")


def _spaced(text: str, separator: regex.Match) -> bool:
    at = separator.start()
    return text[at - 1:at] in _SPACES or text[at + 1:at + 2] in _SPACES


def _split_thousands(text: str) -> Iterator[regex.Match]:
    """_SPLIT_THOUSANDS.finditer(text), within the runs of digits, commas and spaces that
    hold a comma with a space beside it."""
    commas = (comma.start() for comma in _COMMA_DIGIT.finditer(text) if _spaced(text, comma))
    runs = runs_around(text, commas, _SPLIT_CHARS_BEFORE, _SPLIT_CHARS)
    return finditer_in_runs(_SPLIT_THOUSANDS, text, runs, 8)


def _split_decimals(text: str) -> Iterator[regex.Match]:
    if any(_spaced(text, point) for point in _POINT_DIGIT.finditer(text)):
        yield from _SPLIT_DECIMAL.finditer(text)


class SplitDigitGroup(Rule):
    """A number split by a space next to its thousands comma or decimal point.

    ## What it does
    Finds numbers such as "12, 000", "1 ,000" or "$5. 3 billion", where white space sits
    next to the thousands separator or the decimal point.

    ## Why is this bad?
    Scrapers and machine translation insert these spaces; readers may take "12, 000" for
    two numbers. A comma list ("1, 234 and 5") and a date ("May 12, 300 people") are not
    flagged.

    ## Example
    ```text
    About 12, 000 people marched, and the deal is worth $5. 3 billion.
    ```

    ## Use instead
    ```text
    About 12,000 people marched, and the deal is worth $5.3 billion.
    ```
    """

    code = "N101"
    name = "split-digit-group"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "White space inside a number (\"12, 000\", \"$5. 3 billion\")."

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for pattern, matches in ((_SPLIT_THOUSANDS, _split_thousands), (_SPLIT_DECIMAL, _split_decimals)):
            for match in matches(text):
                gap = match.group("gap")
                if not gap.strip(" \u00a0") or gap == gap.strip():
                    continue
                if pattern is _SPLIT_THOUSANDS and not match.group("tail").startswith("0") \
                        and _AFTER_MONTH.search(text, max(0, match.start() - 12), match.start()):
                    continue
                joined = match.group("lead") + gap.strip() + match.group("tail")
                start, end = match.span()
                fix = Fix.safe(f"Join the number as {joined!r}",
                               Edit(match.start("gap"), match.end("gap"), gap.strip()))
                yield self.diagnostic(start, end, f"Number split by a space: {text[start:end]!r}; "
                                      f"did you mean {joined!r}?", fix=fix)


# A comma-grouped number, bounded so that lists ("1,2,3" inside longer runs) stay whole.
_COMMA_NUMBER = regex.compile(r"(?<![\d.,\p{L}])\d{1,3}(?:,\d+)+(?![\d\p{L}]|[.,]\d)")
_INDIAN_CONTEXT = regex.compile(r"\b(?:lakhs?|crores?|rupees?|Rs\.?|INR)\b|₹", regex.IGNORECASE)
_INDIAN_GROUPS = regex.compile(r"\d{1,2}(?:,\d{2})+,\d{3}")
_YEAR = regex.compile(r"(?:19|20)\d\d")


class DigitGroupSize(Rule):
    """Thousands groups of the wrong size.

    ## What it does
    Finds comma-grouped numbers whose groups are not three digits: "1,0000", "1,000,00",
    "12,34,567". Indian grouping ("1,00,000", "12,34,567") is accepted when the document
    speaks of lakh, crore or rupees (₹, Rs, INR). A single short group ("10,00") is a
    decimal comma and is left to N103; documents that write numbers the continental way
    are skipped.

    ## Why is this bad?
    A misplaced separator changes the value by a factor of ten, and the reader cannot tell
    which digit is wrong.

    ## Example
    ```text
    The stadium holds 1,0000 fans and cost 2,000,00 dollars.
    ```

    ## Use instead
    ```text
    The stadium holds 10,000 fans and cost 200,000 dollars.
    ```
    """

    code = "N102"
    name = "digit-group-size"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "Thousands groups of the wrong size (\"1,0000\", \"1,000,00\")."

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # The language and convention tests cost more than the scan: ask them only when
        # there is something to report.
        found = list(self._wrong_groups(doc))
        if not found or number_convention(doc).mostly_continental or is_english(doc) is False:
            return
        yield from found

    def _wrong_groups(self, doc: Document) -> Iterator[Diagnostic]:
        indian: bool | None = None
        for match in finditer_in_runs(_COMMA_NUMBER, doc.text, separated_numbers(doc), 2):
            groups = match.group().split(",")
            rest = groups[1:]
            long_group = any(len(g) >= 4 for g in rest)
            if long_group:
                if len(rest) == 1 and _YEAR.fullmatch(rest[0]) and _AFTER_MONTH.search(
                        doc.text, max(0, match.start() - 12), match.start()):
                    continue  # "May 15,2020": a missing space in a date, not a group
            elif len(rest) < 2 or all(len(g) == 3 for g in rest):
                continue
            elif len(rest[-1]) < 3 and any(len(g) != 3 for g in rest[:-1]):
                continue  # a list without spaces: "10,20,30"
            elif _INDIAN_GROUPS.fullmatch(match.group()):
                if indian is None:
                    indian = bool(_INDIAN_CONTEXT.search(doc.text))
                if indian:
                    continue
            yield self.diagnostic(match.start(), match.end(),
                                  f"Digit groups of the wrong size in {match.group()!r}.")


_CONTINENTAL_TOKEN = regex.compile(
    r"(?<![\d.,\p{L}_/#@-])(?<![\d][.,]\s)"
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2})"
    r"(?![\d_]|[.,]\d|\s?,\s?\d|\s(?:and|or)\s\d)"
)
_PERCENT_AFTER = regex.compile(r"\s?(?:%|percent|per cent)", regex.IGNORECASE)
_NEXT_WORD = regex.compile(r"\s(\p{Ll}[\p{L}-]*)")
# Words after a number with three decimals ("2.125 inches", "9.572 seconds"): a measure,
# not a count, so the number may be a decimal.
MEASURE_WORDS = frozenset({
    "seconds", "second", "sec", "secs", "s", "ms", "minutes", "percent", "per", "points", "pts",
    "mm", "cm", "m", "km", "inch", "inches", "kg", "g", "mg", "lb", "lbs", "oz", "ounces", "miles",
    "metres", "meters", "feet", "ft", "yards", "carats", "grams", "liters", "litres", "ml",
    "gallons", "degrees", "mph", "volts", "v", "hz", "ghz", "mhz", "dollars", "euros", "pounds",
    "yen", "times", "x", "goals", "runs", "rating", "average", "magnitude", "million", "billion",
})


def _next_word(text: str, end: int) -> str | None:
    """The lower-case word right after a number, if one follows."""
    following = _NEXT_WORD.match(text, end)
    return following.group(1).lower() if following else None


class NumberConvention(Rule):
    """A decimal comma or a thousands point in a text that writes numbers the English way.

    ## What it does
    In English text, or in text whose other numbers are written "1,000" and "5.3", finds
    "5,3 billion" (a decimal comma) and "12.000 people" (a thousands point). Text that
    itself writes numbers the continental way (German, Spanish, French pages) is left alone.
    A lone "1.250" is taken for a thousands point when its groups end in "000", it has
    several groups, a counted noun follows ("3.248 cases"), or the document writes
    thousands with a comma elsewhere; before a unit, a magnitude or a percent sign
    ("2.125 inches", "$2.525 million", "2.375%") it is a decimal.

    ## Why is this bad?
    The separators swap meaning between conventions: in English "12.000" reads as twelve,
    and mixing both in one article makes every number doubtful.

    ## Example
    ```text
    The firm earned 5,3 billion euros and hired 12.000 people, up from 9,500.
    ```

    ## Use instead
    ```text
    The firm earned 5.3 billion euros and hired 12,000 people, up from 9,500.
    ```
    """

    code = "N103"
    name = "number-convention"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "Decimal comma or thousands point in English text (\"5,3 billion\", \"12.000\")."

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        # Candidates first: the language test costs more than the scan.
        candidates = list(finditer_in_runs(_CONTINENTAL_TOKEN, text, separated_numbers(doc), 8))
        if not candidates or not writes_numbers_the_english_way(doc):
            return
        english_thousands = None
        for match in candidates:
            token = match.group()
            if "." in token:
                groups = token.split(",")[0].split(".")
                if _PERCENT_AFTER.match(text, match.end()):
                    continue
                strong = len(groups) > 2 or "," in token or all(g == "000" for g in groups[1:])
                if not strong:
                    following = _next_word(text, match.end())
                    if following in MEASURE_WORDS:
                        continue  # "2.125 inches", "$2.525 million": a decimal
                    if english_thousands is None:
                        english_thousands = number_convention(doc).comma_thousands > 0
                    if following is None and not english_thousands:
                        continue
                english = token.replace(".", "\0").replace(",", ".").replace("\0", ",")
                what = "a thousands point"
            else:
                english = token.replace(",", ".")
                what = "a decimal comma"
            fix = Fix.unsafe(f"Write {english!r}", Edit(match.start(), match.end(), english))
            yield self.diagnostic(match.start(), match.end(),
                                  f"{token!r} uses {what} in text that writes numbers the English way.",
                                  fix=fix)
