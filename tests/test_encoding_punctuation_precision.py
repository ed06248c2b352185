"""On clean real article bodies (including non-English ones) the E and P families stay quiet."""

import json

import pytest

from newslint.diagnostics import Severity
from newslint.document import Document
from newslint.engine import lint
from tests.helpers import DEV_SET, _REGISTRY, needs_shared


@pytest.mark.parametrize("family", ["encoding", "punctuation"])
def test_fewer_than_one_warning_per_ten_gold_bodies(family: str) -> None:
    with needs_shared(DEV_SET).open(encoding="utf-8") as handle:
        bodies = [json.loads(line)["gold"] for line in handle if line.strip()]
    rules = _REGISTRY.instantiate(_REGISTRY.select([family]))
    warnings = sum(
        1
        for body in bodies
        for diag in lint(Document(body), rules).diagnostics
        if diag.severity.rank >= Severity.WARNING.rank
    )
    assert warnings / len(bodies) < 0.1
