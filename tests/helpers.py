"""Shared test helpers: run selected rules over text written in the test (`from tests.helpers import codes`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from newslint.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "scraped-article.txt"
DEV_SET = SHARED / "eval" / "dev.jsonl"

_REGISTRY = Registry.load()


def run_rules(text: str, *selectors: str, title: str | None = None) -> list[Diagnostic]:
    """Diagnostics of the rules named by selectors (codes, prefixes, slugs, categories) on text."""
    classes = _REGISTRY.select(list(selectors)) if selectors else _REGISTRY.select()
    rules = _REGISTRY.instantiate(classes)
    result = lint(Document(text, title=title), rules)
    assert not result.errors, result.errors
    return result.diagnostics


def codes(text: str, *selectors: str, title: str | None = None) -> list[str]:
    return [d.code for d in run_rules(text, *selectors, title=title)]


def fixed(text: str, *selectors: str, unsafe: bool = False) -> str:
    classes = _REGISTRY.select(list(selectors)) if selectors else _REGISTRY.select()
    return fix_document(text, _REGISTRY.instantiate(classes), unsafe=unsafe).text


def needs_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not present (shared evaluation data is not part of the checkout)")
    return path
