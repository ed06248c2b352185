"""Reporters render diagnostics; the engine never formats and a reporter never judges."""

from __future__ import annotations

from newslint.reporters.base import Reporter, Source, Summary
from newslint.reporters.github import GithubReporter
from newslint.reporters.jsonout import JsonLinesReporter, JsonReporter
from newslint.reporters.sarif import SarifReporter
from newslint.reporters.text import StatisticsReporter, TextReporter

FORMATS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "jsonl": JsonLinesReporter,
    "sarif": SarifReporter,
    "github": GithubReporter,
}

__all__ = ["FORMATS", "Reporter", "Source", "StatisticsReporter", "Summary"]
