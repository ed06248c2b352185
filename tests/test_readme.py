"""The README's rule table is the output of `newslint rules --format markdown`."""

from newslint.cli import rules_markdown
from tests.cli_helpers import ROOT
from tests.helpers import _REGISTRY


def test_readme_rule_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == rules_markdown(_REGISTRY.sorted()), \
        "regenerate the README table with `newslint rules --format markdown`"


def test_readme_quick_start_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install . && newslint check examples/" in readme
    assert "pip install -e '.[test]' && pytest" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -e '.[test]' && pytest" in ci
