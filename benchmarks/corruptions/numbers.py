"""Number defects injected into clean article bodies (recall half of benchmarks/precision.py).

One injector per defect type of issue 5. Each finds a place in the text where the defect can
occur naturally (a thousands number, a decimal, a date, an ordinal, a quantity with a unit)
and damages it the way scrapers and translation do; it returns None when the text has no
such place. Separator defects are only injected into English text (in German "5,3" is right).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from benchmarks.corruptions import Corruption, Injected

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
_DAYS = {"January": 31, "February": 29, "March": 31, "April": 30, "May": 31, "June": 30, "July": 31,
         "August": 31, "September": 30, "October": 31, "November": 30, "December": 31}


def _english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    return len(words) > 50 and sum(w in {"the", "and", "of", "to"} for w in words) > 0.06 * len(words)


def _replace(text: str, start: int, end: int, new: str) -> Injected:
    return Injected(text[:start] + new + text[end:], start, start + len(new))


def _pick(pattern: re.Pattern[str], text: str, rng: random.Random) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return rng.choice(matches) if matches else None


def _damage(pattern: re.Pattern[str], text: str, rng: random.Random,
            change: Callable[[re.Match[str]], str]) -> Injected | None:
    """Replace one random match of `pattern` by `change(match)`."""
    match = _pick(pattern, text, rng)
    if match is None:
        return None
    return _replace(text, match.start(), match.end(), change(match))


_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|[.,]\d)")
_DECIMAL = re.compile(r"(?<![\d.,])\d{1,3}\.\d{1,2}(?![\d]|[.,]\d)")
_DECIMAL_MAGNITUDE = re.compile(r"(?<![\d.,])\d{1,3}\.\d{1,2}(?= (?:million|billion|trillion|percent)\b)")


def split_digit_group(text: str, rng: random.Random) -> Injected | None:
    """ "12,000" -> "12, 000" / "12 ,000"; "5.3 billion" -> "5. 3 billion"."""
    if not _english(text):
        return None
    match = _pick(_DECIMAL_MAGNITUDE, text, rng) if rng.random() < 0.3 else None
    match = match or _pick(_THOUSANDS, text, rng)
    if match is None:
        return None
    token = match.group()
    cut = token.index("." if "." in token else ",")
    new = token[:cut + 1] + " " + token[cut + 1:] if rng.random() < 0.7 or "." in token \
        else token[:cut] + " " + token[cut:]
    return _replace(text, match.start(), match.end(), new)


def wrong_group_size(text: str, rng: random.Random) -> Injected | None:
    """ "12,000" -> "1,2000" or "12,0000" (a comma moved or a digit doubled)."""
    if not _english(text):
        return None
    match = _pick(_THOUSANDS, text, rng)
    if match is None:
        return None
    token = match.group()
    lead, rest = token.split(",", 1)
    if len(lead) >= 2 and rng.random() < 0.5:
        new = lead[:-1] + "," + lead[-1] + rest
    else:
        new = lead + "," + rest[0] + rest
    return _replace(text, match.start(), match.end(), new)


def decimal_comma(text: str, rng: random.Random) -> Injected | None:
    """ "5.3" -> "5,3" in English text."""
    if not _english(text):
        return None
    return _damage(_DECIMAL, text, rng, lambda match: match.group().replace(".", ","))


def thousands_point(text: str, rng: random.Random) -> Injected | None:
    """ "12,000" -> "12.000" in English text."""
    if not _english(text):
        return None
    return _damage(_THOUSANDS, text, rng, lambda match: match.group().replace(",", "."))


_NUMBER_WORD = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)? (?=[a-z]{4,}\b)")
_WORD_NUMBER = re.compile(r"\b[a-z]{2,} (?=\d+\b)")


def glued_number_word(text: str, rng: random.Random) -> Injected | None:
    """ "3 million" -> "3million", "in 2019" -> "in2019" (the space dropped)."""
    pattern = _WORD_NUMBER if rng.random() < 0.3 else _NUMBER_WORD
    match = _pick(pattern, text, rng) or _pick(_NUMBER_WORD, text, rng)
    if match is None:
        return None
    glued = match.group().rstrip(" ")
    end = match.end()
    following = re.match(r"[\w]+", text[end:])
    injected = _replace(text, match.start(), end, glued)
    return Injected(injected.text, match.start(), injected.end + (following.end() if following else 0))


_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(st|nd|rd|th)\b")


def wrong_ordinal(text: str, rng: random.Random) -> Injected | None:
    """ "21st" -> "21th" / "21rd"."""
    match = _pick(_ORDINAL, text, rng)
    if match is None:
        return None
    wrong = rng.choice([s for s in ("st", "nd", "rd", "th") if s != match.group(2)])
    number = int(match.group(1))
    if wrong == "th" and number % 10 == 0:
        return None
    return _replace(text, match.start(), match.end(), match.group(1) + wrong)


_DATE_YEAR = re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b")


def five_digit_year(text: str, rng: random.Random) -> Injected | None:
    """ "May 20, 2024" -> "May 20, 20024" (a digit doubled in a year)."""
    match = _pick(_DATE_YEAR, text, rng)
    if match is None:
        return None
    year = match.group(1)
    cut = rng.randrange(1, 4)
    return _replace(text, match.start(1), match.end(1), year[:cut] + year[cut - 1] + year[cut:])


_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})\b(?![,.:]?\d)")


def impossible_date(text: str, rng: random.Random) -> Injected | None:
    """ "February 12" -> "February 30"; "June 5" -> "June 31"."""
    return _damage(_MONTH_DAY, text, rng,
                   lambda match: f"{match.group(1)} {rng.randrange(_DAYS[match.group(1)] + 1, 40)}")


_CLOCK = re.compile(r"(?<![\d:.,])(\d{1,2}):(\d\d)(?![\d:])")


def impossible_time(text: str, rng: random.Random) -> Injected | None:
    """ "10:15" -> "10:75"."""
    return _damage(_CLOCK, text, rng, lambda match: f"{match.group(1)}:{rng.randrange(60, 100)}")


_SHARE = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?=\s?(?:%|percent|per cent) of )")


def share_over_100(text: str, rng: random.Random) -> Injected | None:
    """ "64% of voters" -> "164% of voters"."""
    match = _pick(_SHARE, text, rng)
    if match is None:
        return None
    following = re.match(r"\s?(?:%|percent|per cent) of (?:the |all )?\w+", text[match.end():])
    injected = _replace(text, match.start(), match.end(), str(100 + rng.randrange(5, 90)))
    return Injected(injected.text, injected.start, injected.end + following.end())


# Quantities with a unit the writer could have converted, with the unit to convert to and
# the factor: "800 meters" -> "800 meters (1,300 feet)" with a wrong value.
_CONVERTIBLE = {
    "kilometres": ("miles", 0.621371), "kilometers": ("miles", 0.621371), "km": ("miles", 0.621371),
    "miles": ("km", 1.609344), "metres": ("feet", 3.28084), "meters": ("feet", 3.28084),
    "feet": ("metres", 0.3048), "kg": ("lb", 2.20462), "kilograms": ("pounds", 2.20462),
    "pounds": ("kg", 0.453592), "acres": ("hectares", 0.404686), "hectares": ("acres", 2.47105),
    "tonnes": ("tons", 1.10231), "litres": ("gallons", 0.264172), "liters": ("gallons", 0.264172),
    "gallons": ("litres", 3.78541), "inches": ("cm", 2.54), "mph": ("km/h", 1.609344),
    "mile": ("km", 1.609344), "kilometre": ("mile", 0.621371), "kilometer": ("mile", 0.621371),
    "foot": ("metre", 0.3048), "metre": ("foot", 3.28084), "meter": ("foot", 3.28084),
    "inch": ("cm", 2.54), "acre": ("hectare", 0.404686), "pound": ("kg", 0.453592),
    "yards": ("metres", 0.9144), "tons": ("tonnes", 0.907185), "cm": ("inches", 0.393701),
    "mm": ("inches", 0.0393701),
}
_QUANTITY = re.compile(r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[ -](" +
                       "|".join(sorted(_CONVERTIBLE, key=len, reverse=True)) + r")\b(?! \()")


def _wrong_value(true: float, rng: random.Random) -> str:
    value = true * rng.choice([0.3, 0.5, 1.6, 2.0, 3.0])
    digits = max(0, 1 - len(str(int(value))))
    rounded = round(value, digits + 1)
    return f"{rounded:,.{digits + 1}f}".rstrip("0").rstrip(".") if rounded < 100 else f"{round(value):,}"


def conversion_mismatch(text: str, rng: random.Random) -> Injected | None:
    """A quantity given a conversion that does not match: "800 meters (4,000 feet)"."""
    match = _pick(_QUANTITY, text, rng)
    if match is None:
        return None
    value = float(match.group(1).replace(",", ""))
    target, factor = _CONVERTIBLE[match.group(2)]
    if value == 0:
        return None
    inserted = f" ({_wrong_value(value * factor, rng)} {target})"
    new_text = text[:match.end()] + inserted + text[match.end():]
    return Injected(new_text, match.start(), match.end() + len(inserted))


_NAMED_AGE = re.compile(r"\b([A-Z][a-z]+), (\d{2}),")


def inconsistent_age(text: str, rng: random.Random) -> Injected | None:
    """ "Smith, 45, said ..." then, a paragraph later, "The 46-year-old Smith ..."."""
    match = _pick(_NAMED_AGE, text, rng)
    if match is None:
        return None
    paragraph_end = text.find("\n", match.end())
    if paragraph_end == -1:
        paragraph_end = len(text)
    sentence = f" The {int(match.group(2)) + rng.choice([1, 2, 10])}-year-old {match.group(1)} declined to comment."
    new_text = text[:paragraph_end] + sentence + text[paragraph_end:]
    return Injected(new_text, paragraph_end, paragraph_end + len(sentence))


CORRUPTIONS = [
    Corruption("numbers: split digit group", frozenset({"N101"}), split_digit_group),
    Corruption("numbers: wrong group size", frozenset({"N102", "N103"}), wrong_group_size),
    Corruption("numbers: decimal comma in English", frozenset({"N103"}), decimal_comma),
    Corruption("numbers: thousands point in English", frozenset({"N103"}), thousands_point),
    Corruption("numbers: number glued to word", frozenset({"N201"}), glued_number_word),
    Corruption("numbers: wrong ordinal suffix", frozenset({"N202"}), wrong_ordinal),
    Corruption("numbers: five-digit year", frozenset({"N301"}), five_digit_year),
    Corruption("numbers: impossible date", frozenset({"N301"}), impossible_date),
    Corruption("numbers: impossible time", frozenset({"N301"}), impossible_time),
    Corruption("numbers: share over 100%", frozenset({"N301"}), share_over_100),
    Corruption("numbers: conversion mismatch", frozenset({"N401"}), conversion_mismatch),
    Corruption("numbers: inconsistent age", frozenset({"N501"}), inconsistent_age),
]
