"""Unit conversions in parentheses that do not match: "100 kilometres (30 miles)".

Tolerance (documented here and in the rule's docs; tests/test_numbers_conversions.py checks
it with hypothesis): a conversion is accepted when it is within REL_TOLERANCE (6%) of the
true conversion, or within TEMPERATURE_TOLERANCE (1.5 degrees of the target scale) for
temperatures. Journalists round to a round figure ("1,000 km (600 miles)": 621 -> 600), so
when the converted value has one significant digit (600, 3, 0.4) or the conversion is
hedged ("about", "nearly", "some"), up to twice that tolerance is accepted. Anything more
than twice the tolerance away from every reading of the units is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from newslint.checks.numbers_common import CURRENCY_SYMBOLS, MAGNITUDES, parse_english_number
from newslint.checks.numbers_units import UNIT_PATTERN, Unit, true_conversions, unit_of
from newslint.diagnostics import Category, Diagnostic, Severity
from newslint.document import Document
from newslint.rule import Rule

REL_TOLERANCE = 0.06
TEMPERATURE_TOLERANCE = 1.5
LOOSE_FACTOR = 2.0  # for round figures and hedged conversions
FLOAT_SLACK = 1e-9  # so a value exactly at the tolerance is inside it despite rounding

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                 "twenty|thirty|forty|fifty|hundred")
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|(?i:{_NUMBER_WORDS})\b)"
_SIGNED = rf"(?:[-−–]|(?i:minus)\s)?{_NUMBER}"
_RANGE_SEP = r"(?:\s?[-–—]\s?|\s+(?:to|and)\s+)"
_MAGNITUDE = r"(?:\s(?i:thousand|million|billion))"
_UNIT_END = r"(?![\p{L}\p{N}/])"
_PLAIN_UNITS = regex.sub(r"\(\?P<u\d+>", "(?:", UNIT_PATTERN)
_QUANTITY = rf"{_SIGNED}(?:{_RANGE_SEP}{_SIGNED})?{_MAGNITUDE}?[\s\u00a0-]?(?:{_PLAIN_UNITS}){_UNIT_END}"
# One side: a quantity, optionally a second one of the same dimension ("5 ft 10 in"), and
# the rest of a hyphenated compound ("1,900-mile-wide").
_SIDE = rf"{_QUANTITY}(?:,?\s+(?:and\s+)?{_QUANTITY})?(?:-\p{{L}}+)*"
HEDGE = (r"(?i:about|around|roughly|approximately|approx\.|nearly|almost|some|over|under|"
         r"more\s+than|less\s+than|up\s+to|at\s+least|just\s+(?:over|under)|close\s+to|"
         r"c\.|~|or(?:\s+about|\s+around|\s+roughly)?|equivalent\s+to)")

_CONVERSION = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}.,{CURRENCY_SYMBOLS}])(?P<side1>{_SIDE})\s?\(\s?(?P<hedge>{HEDGE}\s+)?"
    rf"(?P<side2>{_SIDE})(?=\s*[),;/:]|\s+\p{{L}})"
)
# What must follow the parenthesis of a conversion: tried at each "(" before the full pattern.
_SIDE_IN_PARENTHESES = regex.compile(rf"\(\s?(?:{HEDGE}\s+)?{_SIDE}")
_NUMBER_IN_PARENTHESES = regex.compile(rf"\([^()]{{0,25}}?(?:\d|\b(?i:{_NUMBER_WORDS})\b)")
_HEDGE_BEFORE = regex.compile(rf"\b{HEDGE}\s+$")
_PAIR = regex.compile(
    rf"(?P<low>{_SIGNED})(?:{_RANGE_SEP}(?P<high>{_SIGNED}))?(?P<mag>{_MAGNITUDE})?[\s\u00a0-]?"
    rf"(?:{UNIT_PATTERN}){_UNIT_END}"
)


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float  # == low unless a range
    unit: Unit


def _number(text: str) -> float:
    text = text.strip()
    sign = 1.0
    if text[:1] in "-−–":
        sign, text = -1.0, text[1:]
    elif text.lower().startswith("minus"):
        sign, text = -1.0, text[5:].strip()
    return sign * parse_english_number(text)


def parse_side(text: str) -> Quantity | None:
    """The quantity one side of a conversion states; None when it cannot be read as one."""
    pairs = list(_PAIR.finditer(text))
    quantities = []
    for pair in pairs:
        scale = MAGNITUDES[pair.group("mag").strip().lower()] if pair.group("mag") else 1.0
        low = _number(pair.group("low")) * scale
        high = _number(pair.group("high")) * scale if pair.group("high") else low
        quantities.append(Quantity(low, high, unit_of(pair)))
    if len(quantities) == 1:
        return quantities[0]
    if len(quantities) == 2:
        first, second = quantities
        if first.unit.dimension != second.unit.dimension or first.unit.dimension == "temperature" \
                or first.low != first.high or second.low != second.high:
            return None
        # "5 ft 10 in": the sum, in the first unit.
        total = first.low + second.low * second.unit.factors[0] / first.unit.factors[0]
        return Quantity(total, total, first.unit)
    return None


def is_round_figure(value: float) -> bool:
    """One significant digit: 600, 3, 0.4, 2,000."""
    if value == 0:
        return True
    digits = Decimal(repr(abs(value))).normalize().as_tuple().digits
    return len(digits) == 1


def tolerance(expected: float, target: Unit) -> float:
    """The documented tolerance around a true conversion, in the target unit."""
    if target.dimension == "temperature":
        return TEMPERATURE_TOLERANCE
    return REL_TOLERANCE * abs(expected)


def value_matches(value: float, source: Unit, given: float, target: Unit, *, hedged: bool = False) -> bool:
    """Does `given target` convert `value source` within the tolerance (any reading of the units)?"""
    loose = LOOSE_FACTOR if hedged or is_round_figure(given) else 1.0
    return any(abs(given - expected) <= loose * tolerance(expected, target) * (1 + FLOAT_SLACK)
               for expected in true_conversions(value, source, target))


def conversion_matches(first: Quantity, second: Quantity, *, hedged: bool = False) -> bool:
    """Ranges are matched end to end; a single value against a range must fall inside it."""
    if first.low != first.high and second.low != second.high:
        return value_matches(first.low, first.unit, second.low, second.unit, hedged=hedged) and \
            value_matches(first.high, first.unit, second.high, second.unit, hedged=hedged)
    if first.low != first.high:
        first, second = second, first  # compare the single value against the range
    for expected in true_conversions(first.low, first.unit, second.unit):
        slack = LOOSE_FACTOR * tolerance(expected, second.unit) if second.low != second.high else 0.0
        if second.low - slack <= expected <= second.high + slack:
            return True
    return value_matches(first.low, first.unit, second.low, second.unit, hedged=hedged)


def _format(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


class UnitConversionMismatch(Rule):
    """A unit conversion in parentheses that does not match the quantity before it.

    ## What it does
    Reads "quantity unit (quantity unit)" pairs such as "1,000-kilometer (600-mile)",
    "30C (86F)", "5 feet (1.5 metres)", "10-15 km (6-9 miles)" or "200 hectares (about 494
    acres)" for length, area, mass, volume, speed and temperature, metric and imperial,
    spelled out or abbreviated, and reports the pair when the second value is not the
    first converted. Tolerance: 6% of the true value (1.5 degrees for temperatures); twice
    that when the converted value is a round figure of one significant digit or the
    conversion is hedged ("about", "nearly"). Ambiguous units are tried in every reading
    (US and imperial gallons; short, long and metric tons; a temperature or a temperature
    difference). No fix: which side is wrong is unknown.

    ## Why is this bad?
    A conversion that no longer matches is a sign of a garbled or mistranslated number;
    one of the two values is wrong.

    ## Example
    ```text
    The convoy drove 100 kilometres (30 miles) in heat of 30C (70F).
    ```

    ## Use instead
    ```text
    The convoy drove 100 kilometres (62 miles) in heat of 30C (86F).
    ```
    """

    code = "N401"
    name = "unit-conversion-mismatch"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "A unit conversion in parentheses that does not match (\"100 km (30 miles)\")."

    @staticmethod
    def _conversions(doc: Document) -> Iterator[regex.Match]:
        # The full pattern is costly; only paragraphs with a parenthesis (found by str.find)
        # that opens a quantity, and with a number in parentheses, can hold one.
        text = doc.text
        at = text.find("(")
        while at >= 0:
            index = doc.block_index_at(at)
            block = doc.blocks[index] if index is not None else None
            if block and _SIDE_IN_PARENTHESES.match(text, at, block.end) \
                    and _NUMBER_IN_PARENTHESES.search(block.text):
                yield from _CONVERSION.finditer(text, block.start, block.end)
                at = text.find("(", block.end)
            else:
                at = text.find("(", at + 1)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for match in self._conversions(doc):
            first = parse_side(match.group("side1"))
            second = parse_side(match.group("side2"))
            if first is None or second is None or first.unit.key == second.unit.key \
                    or first.unit.dimension != second.unit.dimension:
                continue
            hedged = bool(match.group("hedge")) or bool(
                _HEDGE_BEFORE.search(text, max(0, match.start() - 20), match.start()))
            if conversion_matches(first, second, hedged=hedged):
                continue
            expected = true_conversions(first.low, first.unit, second.unit)[0]
            yield self.diagnostic(
                match.start(), match.end() + (1 if text[match.end():match.end() + 1] == ")" else 0),
                f"Conversion does not match: {match.group('side1')} is about {_format(expected)} "
                f"{second.unit.label}, not {match.group('side2')}.",
                expected=round(expected, 3),
            )
