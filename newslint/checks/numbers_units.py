"""Units of measure for the conversion check: how they are written and their factors.

Each unit has a dimension and one or more factors to the dimension's base unit (metre,
square metre, kilogram, litre, metre per second). Units written the same way for different
sizes list every size ("ton": short, long and metric; "gallon": US and imperial), and a
conversion matches when any of them does. Temperature is converted by formula.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class Unit:
    key: str
    dimension: str  # length, area, mass, volume, speed, temperature
    factors: tuple[float, ...]  # to the base unit of the dimension; () for temperature

    @property
    def label(self) -> str:
        """How a message writes the unit."""
        return _LABELS.get(self.key, self.key)


_METRE = r"met(?:re|er)s?"
_KILOMETRE = r"kilomet(?:re|er)s?"
_CENTIMETRE = r"centimet(?:re|er)s?"
_MILLIMETRE = r"millimet(?:re|er)s?"
_SQUARE = r"(?:square|sq\.?)[\s-]"
_CUBIC = r"(?:cubic|cu\.?)[\s-]"
_PER_HOUR = r"[\s-](?:per|an|a)[\s-]hour"

# (key, dimension, factors, case-insensitive spellings, case-sensitive symbols)
_UNIT_TABLE: list[tuple[str, str, tuple[float, ...], list[str], list[str]]] = [
    # length (metre)
    ("mm", "length", (0.001,), [_MILLIMETRE], ["mm"]),
    ("cm", "length", (0.01,), [_CENTIMETRE], ["cm"]),
    ("m", "length", (1.0,), [_METRE], ["m"]),
    ("km", "length", (1000.0,), [_KILOMETRE, "kms?"], []),
    ("in", "length", (0.0254,), [r"inch(?:es)?"], ["in", r"in\."]),
    ("ft", "length", (0.3048,), ["feet", "foot", "ft"], []),
    ("yd", "length", (0.9144,), [r"yards?", r"yds?"], []),
    ("nmi", "length", (1852.0,), [r"nautical[\s-]miles?", "nmi"], []),
    ("mi", "length", (1609.344,), [r"miles?"], ["mi"]),
    # area (square metre)
    ("m2", "area", (1.0,), [_SQUARE + _METRE, _SQUARE + "m"], ["m2", "m²", "sqm"]),
    ("km2", "area", (1e6,), [_SQUARE + _KILOMETRE, _SQUARE + "km"], ["km2", "km²"]),
    ("ft2", "area", (0.09290304,), [_SQUARE + "(?:feet|foot|ft)", "sqft"], ["ft2", "ft²"]),
    ("yd2", "area", (0.83612736,), [_SQUARE + "yards?"], []),
    ("mi2", "area", (2589988.110336,), [_SQUARE + "(?:miles?|mi)"], ["mi2", "mi²"]),
    ("ha", "area", (1e4,), [r"hectares?"], ["ha"]),
    ("acre", "area", (4046.8564224,), [r"acres?"], []),
    # mass (kilogram)
    ("mg", "mass", (1e-6,), [r"milligram(?:me)?s?"], ["mg"]),
    ("g", "mass", (0.001,), [r"gram(?:me)?s?"], ["g"]),
    ("kg", "mass", (1.0,), [r"kilogram(?:me)?s?", r"kilos?", "kgs?"], []),
    ("t", "mass", (1000.0,), [r"tonnes?", r"metric[\s-]tons?"], []),
    ("ton", "mass", (907.18474, 1016.0469088, 1000.0), [r"tons?"], []),
    ("lb", "mass", (0.45359237,), [r"pounds?", r"lbs?"], []),
    ("oz", "mass", (0.028349523125,), [r"ounces?", "oz"], []),
    ("stone", "mass", (6.35029318,), [r"stones?"], []),
    # volume (litre)
    ("ml", "volume", (0.001,), [r"millilit(?:re|er)s?", "ml"], []),
    ("l", "volume", (1.0,), [r"lit(?:re|er)s?"], ["L", "l"]),
    ("m3", "volume", (1000.0,), [_CUBIC + _METRE, _CUBIC + "m"], ["m3", "m³"]),
    ("ft3", "volume", (28.316846592,), [_CUBIC + "(?:feet|foot|ft)"], ["ft3", "ft³"]),
    ("floz", "volume", (0.0295735295625, 0.0284130625), [r"fl(?:uid)?\.?[\s-]?(?:ounces?|oz)"], []),
    ("pint", "volume", (0.473176473, 0.56826125), [r"pints?"], []),
    ("gal", "volume", (3.785411784, 4.54609), [r"gallons?", "gal"], []),
    ("bbl", "volume", (158.987294928,), [r"barrels?"], []),
    # speed (metre per second)
    ("kmh", "speed", (1 / 3.6,), [_KILOMETRE + _PER_HOUR, r"km/h", "kph", "kmh", "kmph", "km/hr",
                                  r"km[\s-]per[\s-]hour"], []),
    ("mph", "speed", (0.44704,), [r"miles?" + _PER_HOUR, "mph"], []),
    ("knot", "speed", (1852 / 3600,), [r"knots?"], []),
    ("ms", "speed", (1.0,), [_METRE + r"[\s-]per[\s-]second"], ["m/s"]),
    # temperature (by formula)
    ("C", "temperature", (), [r"degrees?[\s-](?:Celsius|centigrade|C)", "Celsius", "centigrade"],
     ["°C", "° C", "ºC", "C"]),
    ("F", "temperature", (), [r"degrees?[\s-](?:Fahrenheit|F)", "Fahrenheit"], ["°F", "° F", "ºF", "F"]),
]

_LABELS = {
    "in": "inches", "ft": "feet", "yd": "yards", "nmi": "nautical miles", "mi": "miles",
    "m2": "m²", "km2": "km²", "ft2": "sq ft", "yd2": "sq yd", "mi2": "sq miles", "ha": "hectares",
    "acre": "acres", "t": "tonnes", "ton": "tons", "l": "litres", "m3": "m³", "ft3": "cu ft",
    "floz": "fl oz", "pint": "pints", "gal": "gallons", "bbl": "barrels", "kmh": "km/h",
    "knot": "knots", "ms": "m/s", "C": "°C", "F": "°F",
}
UNITS: dict[str, Unit] = {key: Unit(key, dim, factors) for key, dim, factors, _, _ in _UNIT_TABLE}

# One alternation per spelling, each in its own named group "u_<index>" so a match tells
# which unit it was; longest spellings first so "square miles" wins over "miles".
_ALTERNATIVES: list[tuple[str, str]] = []
for _key, _dim, _factors, _words, _symbols in _UNIT_TABLE:
    _ALTERNATIVES += [(f"(?i:{w})", _key) for w in _words]
    _ALTERNATIVES += [(regex.escape(s) if s.isalnum() else s, _key) for s in _symbols]
_ALTERNATIVES.sort(key=lambda pair: -len(pair[0]))
UNIT_KEYS = [key for _, key in _ALTERNATIVES]
UNIT_PATTERN = "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _) in enumerate(_ALTERNATIVES))


def unit_of(match: regex.Match) -> Unit:
    """The unit a match of UNIT_PATTERN found (via its named group u<i>)."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("u") and name[1:].isdigit():
            return UNITS[UNIT_KEYS[int(name[1:])]]
    raise ValueError("no unit in match")


def _celsius_to(value: float, unit: str, *, difference: bool) -> float:
    if unit == "C":
        return value
    return value * 1.8 + (0 if difference else 32)


def _to_celsius(value: float, unit: str, *, difference: bool) -> float:
    if unit == "C":
        return value
    return (value - (0 if difference else 32)) / 1.8


def true_conversions(value: float, source: Unit, target: Unit) -> list[float]:
    """Every reading of `value source` in `target` (several for ambiguous units).

    A temperature may be a reading (30C = 86F) or a difference (a rise of 1.5C = 2.7F).
    """
    if source.dimension != target.dimension:
        return []
    if source.dimension == "temperature":
        return [_celsius_to(_to_celsius(value, source.key, difference=d), target.key, difference=d)
                for d in (False, True)]
    return [value * f_source / f_target for f_source in source.factors for f_target in target.factors]
