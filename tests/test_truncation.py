"""Truncation rules T001 (truncated paragraph) and T002 (truncated document)."""

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import SEED, codes, fixed, needs_shared, run_rules

AFTER = "\n\nThe harbour will reopen to ferries next month, officials said.\n"
BEFORE = "Storms closed the harbour for a week and stranded two ships.\n\n"


def t001(block: str) -> list[str]:
    return codes(BEFORE + block + AFTER, "T001")


@pytest.mark.parametrize("block", [
    "According to a report published by the",
    "The port authority said that its engineers were",
    "Fishermen, who lost a week of income,",
    "A spokesman for the company (which owns both ships and",
    "The captain told reporters that \u201c",
    "Repairs to the pier were slowed by the cold-and",
])
def test_paragraph_ending_mid_sentence_is_found(block):
    assert t001(block) == ["T001"]


def test_truncated_paragraph_fix_is_unsafe_and_drops_the_block():
    text = BEFORE + "In a statement released by the" + AFTER
    [diag] = run_rules(text, "T001")
    assert diag.severity.value == "warning"
    assert diag.fix is not None and not diag.fix.is_safe
    assert fixed(text, "T001", unsafe=True) == BEFORE + AFTER.lstrip("\n")
    assert fixed(text, "T001") == text  # unsafe fixes only on request


@pytest.mark.parametrize("block", [
    "What to Watch For",                        # Title Case heading ending on a preposition
    "- Life jackets and",                        # list item
    "3) Tide tables for the",                    # numbered list item
    "OSLO, March 4 \u2014",                      # dateline on a line of its own
    "Photo by Ana Ruiz for the",                 # photo credit
    "With reporting by Lena Park in Seoul",      # reporting credit
    "Team | Wins | Losses | Draws and",          # table row
    "The ships carried the following:",          # introduces a list
    "Departures | Oslo | Bergen |",              # another table row
    "fetch(url, { method: 'GET' }).then(",       # code
])
def test_short_forms_that_end_without_a_full_stop_are_not_truncations(block):
    assert t001(block) == []


def test_block_continued_in_lower_case_is_not_a_truncation():
    text = BEFORE + "The harbour master said the repairs would take until the\nend of the month at the earliest.\n"
    assert codes(text, "T001") == []


@pytest.mark.parametrize("quote", ["\u201c", "\"", "\u00ab"])
def test_comma_leading_into_a_quoted_paragraph_is_not_a_truncation(quote):
    text = (BEFORE + "Speaking to the council on Monday, the harbour master declared,\n\n"
            + quote + "We will not reopen the pier until every rail has been replaced and tested.\n" + AFTER)
    assert codes(text, "T001") == []
    # The same paragraph before one that does not open with a quotation is a cut.
    assert codes(BEFORE + "Speaking to the council on Monday, the harbour master declared," + AFTER, "T001") == ["T001"]


def test_hard_wrapped_text_is_not_judged():
    text = (
        "The committee met on Monday to discuss the new budget and\n"
        "agreed to postpone the vote until the spring session of the\n"
        "council, when the figures for the year will be known to all.\n"
        "Members said they expected the vote to pass easily this time.\n"
    )
    assert codes(text, "T001") == []


def test_non_english_text_is_not_judged():
    text = "Le port a fermé pendant une semaine.\n\nLe ministre a\n\nLes ferries reprendront le mois prochain.\n"
    assert codes(text, "T001") == []


COMPLETE = BEFORE + "The harbour will reopen to ferries next month, officials said."


@pytest.mark.parametrize("teaser", [" \u2026", "...", " [\u2026]", " (more)", "... Read more", " \u2026 Continue reading"])
def test_teaser_cut_off_at_the_end_is_found(teaser):
    text = BEFORE + "The harbour will reopen to ferries next month, officials" + teaser + "\n"
    assert codes(text, "T002") == ["T002"]


def test_document_ending_on_a_non_final_word_is_found():
    assert codes(BEFORE + "The harbour will reopen to ferries next month, according to the\n", "T002") == ["T002"]


@pytest.mark.parametrize("stamp", ["Updated on Wednesday 20 November 2019 9:22 am", "Posted at 10am"])
def test_a_clock_time_ending_in_am_is_not_a_cut(stamp):
    assert codes(BEFORE + stamp + AFTER, "T001") == []
    assert codes(BEFORE + "The harbour master said that he am\n" + AFTER, "T001") == ["T001"]


def test_document_ending_mid_sentence_after_complete_sentences_is_found():
    text = BEFORE + "Repairs are done. The harbour will reopen to ferries next month and cargo\n"
    assert codes(text, "T002") == ["T002"]


def test_word_cut_in_half_at_the_end_is_found():
    text = ("Regulators fined the operator last year.\n\n"
            "The operator said the regulators had been fair. It now awaits the reg\n")
    [diag] = run_rules(text, "T002")
    assert diag.severity.value == "warning"


def test_complete_document_is_not_flagged():
    assert codes(COMPLETE + "\n", "T002") == []


def test_trailing_widget_lines_are_not_read_as_the_end_of_the_article():
    text = COMPLETE + "\n\nShare This Story:\n\nPost a Comment\n"
    assert [d for d in run_rules(text, "T002") if d.severity.value != "info"] == []


def test_article_ending_in_a_link_or_quote_is_complete():
    assert codes(BEFORE + "Timetables are posted at www.harbour-ferries.example\n", "T002") == []
    assert codes(BEFORE + "\u201cWe are ready to sail again,\u201d the captain said of the\u201d\n", "T002") == []


def test_seed_article_truncations():
    text = needs_shared(SEED).read_text(encoding="utf-8")
    found = run_rules(text, "truncation")
    flagged = {d.line for d in found if d.severity.value in ("warning", "error")}
    assert 21 in flagged
    [line21] = [d for d in found if d.line == 21]
    assert line21.code == "T001" and line21.fix is not None and not line21.fix.is_safe
    quiet = {5, 11, 15, 17, 19, 25, 29, 31, 35, 37, 39, 43, 45, 47, 49, 51, 53, 55}
    assert not flagged & quiet


def test_widget_lines_among_menus_are_left_to_the_boilerplate_rules():
    text = "Home\n\nWorld\n\nFollow us on\n\nSports\n\nEditors picked this story for\n\nWeather\n"
    assert codes(text, "T001") == []


def test_short_scrap_of_a_word_at_the_end_is_a_cut_word():
    [diag] = run_rules(BEFORE + "Officials did not give any other de\n", "T002")
    assert diag.severity.value == "warning"


def test_short_real_word_at_the_end_is_not_a_cut_word():
    found = run_rules(BEFORE + "The ferries will not run again until the end of the war\n", "T002")
    assert [d.severity.value for d in found] == ["info"]  # no full stop, but no cut word either


def test_continue_reading_link_is_not_the_last_paragraph():
    assert codes(COMPLETE + "\n\nContinue reading the main story\n", "T002") == []


def test_teaser_marker_after_a_heading_shaped_line_is_found():
    assert codes(BEFORE + "At 4-2, Including 3-1 in the League [...]\n", "T002") == ["T002"]


def test_short_lower_case_tail_after_complete_sentences_is_a_cut():
    assert codes(BEFORE + "The ferries are back. The timeta\n", "T002") == ["T002"]


def test_agency_sign_off_after_the_last_sentence_is_not_a_cut():
    assert codes(BEFORE + "The ferries are back on their usual routes, officials said. PTI\n", "T002") == []


def test_document_ending_inside_an_unclosed_quotation_is_found():
    text = BEFORE + "The captain called the decision \u201ca relief for the whole crew\n"
    assert codes(text, "T002") == ["T002"]


def test_truncated_document_looks_past_lines_other_rules_found_to_be_boilerplate():
    article = (
        "The harbour authority approved the new ferry timetable on Monday after months of talks.\n\n"
        "Operators said the first boats under the new schedule would sail in early spring.\n\n"
        "Related Articles\n\n"
        "Ferry fares rise again for island residents\n"
    )
    alone = [d for d in run_rules(article, "T002")]
    with_boilerplate = [d for d in run_rules(article, "T002", "boilerplate") if d.code == "T002"]
    assert alone and alone[0].line == 7  # on its own, the headline looks like the last paragraph
    assert with_boilerplate == []


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_cut_end_candidates_hold_every_block_whose_end_is_evidence(line_break):
    from newslint.checks.block_shape import ends_mid_sentence
    from newslint.checks.truncation import cut_end_candidates
    from newslint.document import Document

    ends = ["the", "The", "THE", "bathe", "x-the", "o'the", "\u201cthe", "it,", "(", "\u201c", '"', "said.",
            "with  ", "and\t", "li\u212ae", "\u00e0 the", "_the", "2the"]
    text = (line_break * 2).join(f"Line {i} ends on {end}" for i, end in enumerate(ends)) + line_break
    doc = Document(text)
    judged = [b.index for b in doc.blocks[:-1] if ends_mid_sentence(b.stripped) is not None]
    assert judged and set(judged) <= set(cut_end_candidates(doc))
    assert cut_end_candidates(doc) == sorted(cut_end_candidates(doc))


ARTICLE_THEN_LONG_FOOTER = """\
The harbour board met on Monday evening to discuss the repairs to the old sea wall.

Engineers told the board that the work would take most of the winter and cost more than planned.

Residents who live near the wall said they were relieved that a decision had finally been made and that

Share on Facebook
Share on Twitter
Leave a Comment
Privacy Policy
Cookie Policy
Terms of Use
Contact Us
About Us
Advertise With Us
Sharing Is Caring:
"""


def test_the_last_paragraph_before_a_long_flagged_footer_is_judged_once():
    """T002 looks past the footer the packs flag; T001 must not judge that paragraph too."""
    found = run_rules(ARTICLE_THEN_LONG_FOOTER)
    cut = ARTICLE_THEN_LONG_FOOTER.index("Residents")
    on_last_paragraph = sorted(d.code for d in found if d.code in ("T001", "T002") and d.start <= cut < d.end + 1
                               or d.code in ("T001", "T002") and cut <= d.start < cut + 100)
    assert on_last_paragraph == ["T002"]


# The link test's earlier definition, one regex over the whole block: it backtracked through
# every start of a long run without spaces. _ends_in_link must answer as it did.
_LINK_END = regex.compile(r"(?:https?://|www\.)\S+$|\S+\.(?:com|org|net|gov|edu|io)\S*$", regex.IGNORECASE)


@given(st.lists(st.sampled_from(["a", " ", ".", "com", "www.", "http://", "https://", "\u200b", "\n", ".org",
                                 "/", "ORG", "\t", "Www.", "\x1c", "\u00a0", "\u2028", "\x85", "\r"]),
                max_size=10).map("".join))
def test_the_last_word_link_check_equals_the_whole_text_regex(text):
    from newslint.checks.truncation import _ends_in_link
    assert _ends_in_link(text) == bool(_LINK_END.search(text))


@given(st.lists(st.sampled_from(["reg", "regulators", "Reg", " ", "\n", "word", ".", "REG", "de", "\u03a3", "\u03c3\u03c2",
                                 "\u0130", "x"]), min_size=1, max_size=14).map("".join),
       st.sampled_from(["reg", "wor", "\u03c3", "de", "x"]))
def test_words_with_a_prefix_are_those_of_the_whole_word_list(text, prefix):
    # _words_with_prefix splits only the chunks that hold the prefix; what it returns must
    # hold every word of the plain word list that starts with it.
    from newslint.checks.truncation import _words_with_prefix
    from newslint.document import Document
    doc = Document(text)
    end = len(text)
    expected = {w for w in map(str.lower, doc.words(0, end)) if w.startswith(prefix)}
    assert expected <= _words_with_prefix(doc, end, prefix)
