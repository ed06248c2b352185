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
