"""The corpus gate: rate thresholds, a severity floor and a baseline, and the verdict they give.

A rate is the fraction of documents with at least one finding of a rule, code prefix or
category. `--max-rate SEL=FRACTION` fails when the rate is above the fraction; a baseline
(written by `--write-baseline`) fails a rule whose rate rose above the accepted one (plus
`tolerance`); `--fail-on SEVERITY` fails on any finding at or above that severity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from newslint.corpus.summary import CorpusSummary
from newslint.diagnostics import Severity


class GateError(ValueError):
    """A threshold or baseline that cannot be used (a usage error: exit 2)."""


def parse_max_rate(text: str) -> tuple[str, float]:
    selector, sep, value = text.partition("=")
    if not sep or not selector.strip():
        raise GateError(f"--max-rate takes RULE=FRACTION (e.g. B201=0.02), not {text!r}")
    try:
        fraction = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        raise GateError(f"--max-rate {text!r}: {value!r} is not a number") from None
    if not 0 <= fraction <= 1:
        raise GateError(f"--max-rate {text!r}: the fraction must be between 0 and 1")
    return selector.strip(), fraction


def write_baseline(summary: CorpusSummary, path: Path) -> None:
    data = {"newslint_baseline": 1, "documents": summary.documents,
            "rules": summary.rule_rates(), "categories": summary.category_rates()}
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GateError(f"{path}: not a readable baseline: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
        raise GateError(f"{path}: not a newslint baseline (written by --write-baseline)")
    return {str(k): float(v) for k, v in data["rules"].items()}


@dataclass
class Check:
    label: str  # what was checked, e.g. "B201 share-widget"
    rate: float
    limit: float
    affected: int
    why: str  # where the limit came from
    passed: bool


@dataclass
class Gate:
    max_rates: list[tuple[str, float]] = field(default_factory=list)
    fail_on: Severity | None = None
    baseline: dict[str, float] | None = None
    tolerance: float = 0.0

    @property
    def active(self) -> bool:
        return bool(self.max_rates) or self.baseline is not None or self.fail_on is not None

    def evaluate(self, summary: CorpusSummary) -> list[Check]:
        checks: list[Check] = []
        for selector, limit in self.max_rates:
            affected, rate = summary.rate_of(selector)
            checks.append(Check(_label(summary, selector), rate, limit, affected,
                                f"--max-rate {selector}={limit:g}", rate <= limit))
        if self.baseline is not None:
            for code, entry in sorted(summary.rules.items()):
                accepted = self.baseline.get(code, 0.0)
                rate = entry["documents"] / summary.documents if summary.documents else 0.0
                limit = accepted + self.tolerance
                checks.append(Check(f"{code} {entry['rule']}", rate, limit, entry["documents"],
                                    f"baseline {accepted:.2%}" + (f" + {self.tolerance:g}" if self.tolerance else ""),
                                    rate <= limit))
        if self.fail_on is not None:
            count = sum(n for name, n in summary.severities.items() if Severity(name).rank >= self.fail_on.rank)
            checks.append(Check(f"findings at {self.fail_on.value} or above", float(count), 0.0,
                                count, f"--fail-on {self.fail_on.value}", count == 0))
        return checks


def _label(summary: CorpusSummary, selector: str) -> str:
    entry = summary.rules.get(selector.upper())
    return f"{selector.upper()} {entry['rule']}" if entry else selector


def verdict(summary: CorpusSummary, checks: list[Check]) -> tuple[bool, str]:
    """(passed, a one-screen text) naming every failed threshold first."""
    failed = [c for c in checks if not c.passed]
    passed = [c for c in checks if c.passed]
    head = "FAILED" if failed else "PASSED"
    lines = [f"newslint corpus gate: {head} — {summary.documents:,} documents, "
             f"{summary.documents_with_findings:,} with findings, {summary.findings:,} findings"]
    if summary.input_error_count:
        lines.append(f"  ! {summary.input_error_count} input rows or shards could not be read (see stderr)")
    for mark, group in (("✗", failed), ("✓", passed[: max(0, 15 - len(failed))])):
        for c in group:
            if c.why.startswith("--fail-on"):
                lines.append(f"  {mark} {c.label}: {c.affected:,} ({c.why})")
            else:
                lines.append(f"  {mark} {c.label}: {c.rate:.2%} of documents ({c.affected:,}) "
                             f"{'>' if not c.passed else '<='} {c.limit:.2%} ({c.why})")
    hidden = len(passed) - max(0, 15 - len(failed))
    if hidden > 0:
        lines.append(f"  … and {hidden} more thresholds passed")
    return not failed, "\n".join(lines)
