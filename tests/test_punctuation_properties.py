"""Safe fixes of the punctuation and encoding rules converge: after fixing, none is left."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.engine import lint
from newslint.fixes import fix_document
from tests.helpers import _REGISTRY

RULES = _REGISTRY.instantiate(_REGISTRY.select(["punctuation", "encoding"]))
PIECES = st.sampled_from([
    "word", "Word", " ", "  ", ",", ",,", ".", "..", "...", ";", ":", "!", "!!", "?", "??",
    "“", "”", "‘", "’", '"', "(", ")", "\n", "10", "http://x.org/a,b", "é", "東京",
    "\u00a0", "&amp;", "<p>", "\u2003",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=30).map("".join))
def test_fixing_leaves_no_safely_fixable_finding(text: str) -> None:
    fixed = fix_document(text, RULES).text
    left = [d.code for d in lint(Document(fixed), RULES).diagnostics if d.fix is not None and d.fix.is_safe]
    assert left == []
