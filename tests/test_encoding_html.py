from tests.helpers import codes, fixed, run_rules


def test_named_and_numeric_entities_are_decoded() -> None:
    text = "Smith &amp; Sons&#8217; shop said &quot;closed&quot; &#x2014; for now."
    assert codes(text, "E102") == ["E102"] * 5
    assert fixed(text, "E102") == 'Smith & Sons’ shop said "closed" — for now.'


def test_doubly_escaped_entity_is_one_finding_fixed_in_one_step() -> None:
    found = run_rules("Tom &amp;amp; Jerry", "E102")
    assert len(found) == 1 and found[0].fix.edits[0].replacement == "&"


def test_ampersands_and_unknown_references_are_quiet() -> None:
    assert codes("AT&T and R&D spent &foo; on the Q&A.", "E102") == []


def test_leftover_tags_are_removed_keeping_words_apart() -> None:
    text = "The vote passed.</p><p>The mayor left. A <b>bold</b> move <!-- ad --> indeed."
    assert codes(text, "E103") == ["E103"] * 4
    assert fixed(text, "E103") == "The vote passed. The mayor left. A bold move indeed."


def test_entities_inside_a_leftover_tag_are_the_tag_s_finding() -> None:
    text = 'Tom &amp; Jerry <img src="https://example.org/p?a=1&amp;b=2&amp;c=3" alt="x"> met.'
    entities = run_rules(text, "E102")
    assert [text[d.start:d.end] for d in entities] == ["&amp;"] and entities[0].start == text.index("&amp;")
    assert codes(text, "E103") == ["E103"]
    assert fixed(text, "E102", "E103") == "Tom & Jerry met."


def test_a_tracking_pixel_with_a_long_url_is_one_tag() -> None:
    # Tracking URLs run to thousands of characters: the tag is still one finding, and the
    # entities in its URL are its own, not E102's.
    url = "https://stats.example.com/p?" + "&amp;".join(f"key{i}=value{i}" for i in range(200))
    text = f'The pier reopened.\n<img src="{url}" height="1" width="1" alt="">\nThe ferry runs again.'
    assert len(url) > 2000
    assert codes(text, "E102") == []
    assert fixed(text, "E102", "E103") == "The pier reopened.\n\nThe ferry runs again."


def test_angle_brackets_that_are_not_html_are_quiet() -> None:
    text = "Replace <insert key here> with yours; if a <b and c> d the test fails."
    assert codes(text, "E103") == []


def test_template_and_shortcode_debris_is_reported_with_an_unsafe_fix() -> None:
    text = ('[caption id="attachment_9" align="alignright"]The old pier[/caption] Boats waited. '
            "Written by {{ author }}. [embed]https://video.example.org/v/77[/embed]")
    found = run_rules(text, "E104")
    assert len(found) == 3
    assert all(not d.fix.is_safe for d in found)


def test_ordinary_brackets_and_braces_are_not_template_debris() -> None:
    text = "The report [published in May] cited {three} sources and the [1] footnote."
    assert codes(text, "E104") == []


def test_title_field_is_checked_and_fixed_in_place() -> None:
    from newslint.document import Document
    from newslint.engine import lint
    from newslint.fixes import fix_document
    from tests.helpers import _REGISTRY
    rules = _REGISTRY.instantiate(_REGISTRY.select(["E102", "E101"]))
    body = "The body is clean."
    found = lint(Document(body, title="Tom &amp; Jerry itâ€™s back"), rules).diagnostics
    assert [(d.code, d.field) for d in found] == [("E102", "title"), ("E101", "title")]
    outcome = fix_document(body, rules, title="Tom &amp; Jerry itâ€™s back")
    assert (outcome.text, outcome.title) == (body, "Tom & Jerry it’s back")


def test_markdown_link_keeps_its_text_under_the_unsafe_fix() -> None:
    text = "See the [full report](https://example.org/report) for details."
    assert codes(text, "E104") == ["E104"]
    assert fixed(text, "E104", unsafe=True) == "See the full report for details."
    assert codes("See the [full report] (page 4) for details.", "E104") == []


def test_findings_inside_leftover_markup_are_the_markup_s() -> None:
    # A bracket in a tag's URL or in a terminal escape sequence is not an unbalanced bracket:
    # with the markup rules running, only they report there.
    text = ('The mayor said <a href="https://x.org/p?k=[2">the plan</a> was fine.\n\n'
            "The vote is \x1b[1mnext\x1b[0m week [and then.\n")
    found = run_rules(text, "E103", "E105", "P104")
    brackets = [text[d.start:d.end] for d in found if d.code == "P104"]
    assert brackets == ["["] and [d.start for d in found if d.code == "P104"] == [text.index("[and")]
    assert sorted(d.code for d in found if d.code != "P104") == ["E103", "E103", "E105", "E105"]
    # Without them, the brackets inside are reported as before.
    assert codes(text, "P104") == ["P104"] * 4
