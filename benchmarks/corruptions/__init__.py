"""Defect injectors for the recall half of benchmarks/precision.py.

Each module here defines `CORRUPTIONS`: a list of `Corruption(name, expected, apply)`, where
`apply(text, rng)` returns the corrupted text (or None when the text offers no place for
this defect) and `expected` is a set of rule codes or categories of which at least one must
report a finding overlapping the changed region. Adding a module adds defect types.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Injected:
    text: str
    start: int  # the changed region in the corrupted text (code points)
    end: int


@dataclass(frozen=True)
class Corruption:
    name: str
    expected: frozenset[str]  # rule codes or categories; one of them must fire on the region
    apply: Callable[[str, random.Random], Injected | None]


def all_corruptions() -> list[Corruption]:
    found: list[Corruption] = []
    for info in pkgutil.iter_modules(__path__, __name__ + "."):
        found.extend(importlib.import_module(info.name).CORRUPTIONS)
    return found


def choose_match(rng: random.Random, pattern, text: str):
    """A random match of `pattern` in `text`, or None (shared by the injector modules)."""
    matches = list(pattern.finditer(text))
    return rng.choice(matches) if matches else None


def replace_span(text: str, start: int, end: int, new: str) -> Injected:
    """`text` with [start, end) replaced by `new`; the injected region is the new text."""
    return Injected(text[:start] + new + text[end:], start, start + len(new))


def rewrite_match(pattern, rewrite: Callable[[str, random.Random], str]) -> Callable[[str, random.Random], Injected | None]:
    """An injector that rewrites one random match of `pattern` with `rewrite(match, rng)`."""
    def apply(text: str, rng: random.Random) -> Injected | None:
        match = choose_match(rng, pattern, text)
        if match is None:
            return None
        return replace_span(text, match.start(), match.end(), rewrite(match.group(), rng))
    return apply
