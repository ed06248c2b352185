"""Family-wide checks for the N rules: documentation, the seed and the gold bodies."""

from benchmarks.evaldata import gold_bodies
from newslint.diagnostics import Category, Severity
from newslint.document import Document
from newslint.engine import lint
from tests.helpers import DEV_SET, SEED, fixed, needs_shared, run_rules

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def test_every_numbers_rule_is_documented(registry):
    rules = [cls for cls in registry.select(["N"])]
    assert {cls.code for cls in rules} >= {"N101", "N102", "N103", "N201", "N202", "N301", "N401", "N501"}
    for cls in rules:
        assert cls.category is Category.NUMBERS
        doc = cls.documentation()
        assert all(section in doc for section in SECTIONS), cls.code


def test_seed_line_7_has_nothing_in_numbers():
    text = needs_shared(SEED).read_text(encoding="utf-8")
    doc = Document(text)
    line_7 = doc.lines[6]
    found = [d for d in run_rules(text, "numbers") if d.start < line_7.end and d.end > line_7.start]
    assert found == []


def test_gold_bodies_have_few_numbers_warnings(registry):
    needs_shared(DEV_SET)
    rules = registry.instantiate(registry.select(["numbers"]))
    bodies = gold_bodies(DEV_SET)
    warnings = sum(
        1 for _, body in bodies for d in lint(Document(body), rules).diagnostics
        if d.severity.rank >= Severity.WARNING.rank
    )
    assert warnings / len(bodies) < 0.05


def test_safe_fixes_settle_and_leave_no_fixable_finding():
    text = ("About 14, 000 runners took part for the 3rd time, the 22th edition, raising 2million"
            " dollars in2022. The route is 42 km (26 miles) long.")
    once = fixed(text, "numbers")
    assert once == ("About 14,000 runners took part for the 3rd time, the 22nd edition, raising 2 million"
                    " dollars in 2022. The route is 42 km (26 miles) long.")
    assert fixed(once, "numbers") == once
    assert [d for d in run_rules(once, "numbers") if d.fix is not None] == []


def _text_block(doc: str, section: str) -> str:
    after = doc.split(section, 1)[1]
    return after.split("```text", 1)[1].split("```", 1)[0].strip()


def test_each_rule_finds_its_example_and_not_its_fix(registry):
    for cls in registry.select(["N"]):
        doc = cls.documentation()
        bad, good = _text_block(doc, "## Example"), _text_block(doc, "## Use instead")
        assert run_rules(bad, cls.code), cls.code
        assert run_rules(good, cls.code) == [], cls.code
