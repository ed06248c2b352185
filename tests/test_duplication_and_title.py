"""D101 repeated-title, D102 repeated-block, M101 title-site-name."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from newslint.document import Document
from newslint.titles import block_comparison_keys, comparison_key, looks_like_site_name, site_splits
from tests.helpers import fixed, run_rules

HEAD = "Ferry link to the outer islands approved"
BODY = ("The regional council voted on Tuesday to extend the ferry service to two islands.\n\n"
        "Officials said the route would start in April and run four times a day.\n")


# -- site-name splitting -----------------------------------------------------------------------

def test_site_splits_suffix_and_prefix():
    suffix = site_splits(f"{HEAD} - Coastal Daily News")
    assert [(s.headline, s.site, s.kind) for s in suffix] == [(HEAD, "Coastal Daily News", "suffix")]
    prefix = site_splits(f"Harbour Wire: {HEAD}")
    assert [(s.headline, s.site, s.kind) for s in prefix] == [(HEAD, "Harbour Wire", "prefix")]
    assert [s.site for s in site_splits(f"{HEAD} | Harbour Wire")] == ["Harbour Wire"]


def test_site_name_shape():
    assert looks_like_site_name("Latest Global News")
    assert not looks_like_site_name("what the islanders think about it now.")


def test_comparison_key_folds_case_space_and_punctuation():
    assert comparison_key("Ferry  link, approved!") == comparison_key("ferry link approved")


# -- D101 ----------------------------------------------------------------------------------

def test_repeated_title_with_site_suffix_spans_title_to_copy_and_removes_the_copy():
    text = f"{HEAD} - Coastal Daily News\n\n{HEAD}\n\n{BODY}"
    [diag] = run_rules(text, "D101")
    assert (diag.line, diag.end_line) == (1, 3)
    assert diag.fix.is_safe
    assert fixed(text, "D101") == f"{HEAD} - Coastal Daily News\n\n{BODY}"


def test_exact_repeat_and_prefix_site_name():
    assert [d.code for d in run_rules(f"{HEAD}\n\n{HEAD}\n\n{BODY}", "D101")] == ["D101"]
    assert [d.code for d in run_rules(f"Harbour Wire: {HEAD}\n\n{HEAD}\n\n{BODY}", "D101")] == ["D101"]


def test_title_not_repeated_is_clean():
    assert run_rules(f"{HEAD} - Coastal Daily News\n\n{BODY}", "D101") == []
    assert run_rules(f"{HEAD}\n\nFerry link to the outer islands rejected\n\n{BODY}", "D101") == []


def test_line_repeating_the_title_field_gets_an_unsafe_fix():
    [diag] = run_rules(f"{HEAD}\n\n{BODY}", "D101", title=f"{HEAD} | Harbour Wire")
    assert diag.line == 1 and not diag.fix.is_safe


# -- D102 ----------------------------------------------------------------------------------

PARA = "The council approved the budget after a long debate on Tuesday night."


def test_repeated_paragraph_is_found_and_one_copy_kept():
    text = f"{PARA}\n\nThe vote was close.\n\n{PARA}\n"
    [diag] = run_rules(text, "D102")
    assert diag.line == 5 and diag.fix.is_safe and diag.extra["kept_line"] == 1
    assert fixed(text, "D102") == f"{PARA}\n\nThe vote was close.\n"


def test_near_exact_repeat_after_folding_case_and_punctuation():
    text = f"{PARA}\n\nThe vote was close.\n\n{PARA.upper().replace(',', '')}\n"
    assert [d.code for d in run_rules(text, "D102")] == ["D102"]


def test_copy_outside_the_article_is_the_one_reported():
    prose = [
        "Officials said the new route would start in April and run four times a day in summer.",
        "Residents of the islands have asked for a better connection for more than a decade now.",
        "The cost of the extension will be shared with the national government, officials said.",
    ]
    teaser = PARA
    text = "\n\n".join(["Home", "World", "Sport", teaser, "Business", "Opinion", "Travel"]
                       + prose[:1] + [PARA] + prose[1:]) + "\n"
    [diag] = run_rules(text, "D102")
    assert diag.line == 7  # the teaser among the menus, not the paragraph in the article


def test_standfirst_copy_at_the_edge_of_the_article_is_the_one_reported():
    # A standfirst printed above the article repeats a paragraph from its middle: both
    # copies are in the run, and the one at its edge is the debris.
    prose = [
        "Officials said the new route would start in April and run four times a day in summer.",
        "Residents of the islands have asked for a better connection for more than a decade now.",
        "The cost of the extension will be shared with the national government, officials said.",
        "Opposition members argued that the money would be better spent on the old harbour walls.",
    ]
    text = "\n\n".join(["Home", "World", "Sport", PARA] + prose[:2] + [PARA] + prose[2:] + ["Contact"]) + "\n"
    [diag] = run_rules(text, "D102")
    assert diag.line == 7  # the standfirst, not the paragraph in the middle of the article


def test_short_repeated_lines_and_distinct_paragraphs_are_not_duplicates():
    assert run_rules("Home\n\nSport\n\nHome\n\nSport\n", "D102") == []
    assert run_rules(f"{PARA}\n\nThe council rejected the budget after a short debate on Tuesday.\n", "D102") == []


# -- M101 ----------------------------------------------------------------------------------

def test_site_suffix_with_bare_headline_in_text_is_stripped_safely():
    text = f"{HEAD} - Coastal Daily News\n\n{HEAD}\n\n{BODY}"
    [diag] = run_rules(text, "M101")
    assert diag.fix.is_safe and diag.line == 1 and diag.extra["site"] == "Coastal Daily News"
    assert fixed(text, "M101").startswith(f"{HEAD}\n\n{HEAD}\n\n")


def test_site_name_in_the_title_field_is_fixed_in_the_field():
    [diag] = run_rules(f"{HEAD}\n\n{BODY}", "M101", title=f"Harbour Wire: {HEAD}")
    assert diag.field == "title" and diag.fix.is_safe
    assert (diag.start, diag.end) == (0, len("Harbour Wire: "))


def test_pipe_suffix_without_evidence_is_info_and_unsafe():
    [diag] = run_rules(f"{HEAD} | Harbour Wire\n\n{BODY}", "M101")
    assert diag.severity.value == "info" and not diag.fix.is_safe


def test_dash_in_a_headline_without_evidence_is_not_a_site_name():
    assert run_rules(f"Ferry link approved - islanders celebrate\n\n{BODY}", "M101") == []
    assert run_rules(f"{HEAD}\n\n{BODY}", "M101") == []


_KEY_ALPHABET = st.sampled_from(list("abcXYZ 09.,'-\u2019\u201c\u2014\u00a0\u00e9\u00c9\u0130\u00df\u65e5\u0416\x00") +
                                ["\n", "\n\n", "Caf\u00e9 ", "\u00a9 2024", "don\u2019t "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_KEY_ALPHABET, max_size=60).map("".join))
def test_block_keys_of_a_whole_page_equal_each_blocks_comparison_key(page):
    """block_comparison_keys keys all blocks in one pass (ASCII blocks as bytes, the rest by
    pattern); it must agree with comparison_key, the per-block definition."""
    doc = Document(page)
    assert block_comparison_keys(doc) == [comparison_key(block.text) for block in doc.blocks]
