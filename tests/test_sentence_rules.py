"""Sentence rules: S001 lower-case start, S002 glued sentences, S003 repeated word,
S004 stranded fragment."""

import pytest
from hypothesis import given, settings, strategies as st

from newslint.checks.sentence_repeats import _REPEAT, _repeats
from newslint.document import Document
from tests.helpers import SEED, codes, fixed, needs_shared, run_rules

LEAD = "The council met on Tuesday to discuss the harbour plan. "


# -- S001 lower-case sentence start ------------------------------------------------------------

def test_lower_case_start_after_a_full_stop_is_found():
    text = LEAD + "The mayor thanked the volunteers. who had cleared the park after the storm.\n"
    [diag] = run_rules(text, "S001")
    assert text[diag.start:diag.end] == "who"
    assert diag.fix is None


@pytest.mark.parametrize("sentence", [
    "Growth in the U.S. economy slowed in the third quarter.",       # dotted abbreviation
    "The ferry leaves at 9 a.m. on weekdays and at noon on Sundays.",  # a.m.
    "Bring something warm, e.g. a fleece or a coat.",               # e.g.
    "It was Smith vs. the city council in the final round.",         # vs.
    "The team was ranked No. one for most of the season.",           # No.
    "The shop on Elm St. and the bakery both closed early.",         # St.
    "Doctors found E. coli in two samples from the lake.",           # an initial
    "Prices rose 3.5 percent in March after a mild winter.",        # a decimal
    "He paused... and then walked out of the hall.",                 # an ellipsis
    "She hesitated \u2026 then signed the contract anyway.",         # an ellipsis character
    "Apple launched a new phone. iPhone sales rose in Asia.",        # brand name
    "The auction drew bids online. eBay said demand was high.",      # brand name
    "The club thanked its coach. van Gaal said he was pleased.",     # name particle
    "Details are at the site. example.com lists all the dates.",     # a domain
    "The ad read \u201cStop. Think.\u201d and nothing more.",        # a quoted title closing after the stop
    "All of you, all. of. you. Thank you.",                          # emphatic one-word sentences
    "Sales fell at the NASA. store in the visitor centre.",          # an acronym before the stop
])
def test_lower_case_after_abbreviations_and_names_is_normal(sentence):
    assert codes(LEAD + sentence + "\n", "S001", "S004") == []


def test_lower_case_starts_in_other_languages_are_not_judged():
    text = "Der Rat tagte am Dienstag. und dann wurde der Plan für den Hafen vertagt, sagte die Sprecherin.\n"
    assert codes(text, "S001", "S004") == []


def test_lower_case_after_question_or_exclamation_is_not_flagged():
    text = LEAD + "Was it worth it? maybe, said the mayor. What a day! everyone agreed.\n"
    assert codes(text, "S001") == []


# -- S004 stranded fragment ------------------------------------------------------------------

def test_short_lower_case_fragment_is_found_with_unsafe_fix():
    text = LEAD + "The bridge reopened on Friday after repairs. work Lee. Traffic was light.\n"
    [diag] = run_rules(text, "S001", "S004")
    assert diag.code == "S004"
    assert text[diag.start:diag.end] == "work Lee."
    assert diag.fix is not None and not diag.fix.is_safe
    assert fixed(text, "S004", unsafe=True) == LEAD + "The bridge reopened on Friday after repairs. Traffic was light.\n"


def test_capitalised_fragment_ending_on_a_function_word_is_found():
    text = LEAD + "The bridge reopened on Friday. Of the. Traffic was light.\n"
    assert codes(text, "S004") == ["S004"]


@pytest.mark.parametrize("sentence", [
    "Did it work? No. The bridge stayed shut.",
    "Was the plan good? Good job. Everyone said so.",
    "You started this fight. THIS. IS. WAR. We will win.",
    "They asked the mayor. He refused. The vote went ahead.",
])
def test_short_real_sentences_are_not_fragments(sentence):
    assert codes(LEAD + sentence + "\n", "S004") == []


# -- S002 glued sentences ----------------------------------------------------------------------

def test_glued_sentences_are_found_and_fixed():
    text = "The vote passed narrowly.Opponents called it rushed.\n"
    [diag] = run_rules(text, "S002")
    assert diag.fix is not None and diag.fix.is_safe
    assert fixed(text, "S002") == "The vote passed narrowly. Opponents called it rushed.\n"


def test_glued_after_closing_quote_and_question_mark():
    assert fixed("\u201cWe are ready,\u201d she said.\u201dThe crowd cheered.\n", "S002") == \
        "\u201cWe are ready,\u201d she said.\u201d The crowd cheered.\n"
    assert codes("Will it pass?Nobody knows yet.\n", "S002") == ["S002"]


@pytest.mark.parametrize("text", [
    "Read more at www.example.com today.",            # a domain
    "Visit https://news.example.org/Story.Html now.",  # a URL
    "The app is written in Node.js and Go.",          # a software name
    "The U.S.-led coalition met in Brussels.",        # dotted abbreviation
    "Prices rose 2.5 percent.",                       # a decimal
    "Open the file report.Pdf on the shared drive.",  # a file name
    "The class java.util.List is generic.",           # a dotted code name
    "Write to press.Office@example.com for details.", # an e-mail address
    "Ask @city.Hall on social media.",                # a handle
])
def test_names_with_dots_are_not_glued_sentences(text):
    assert codes(text + "\n", "S002") == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["The vote passed", "Opponents objected", "it rained", "said.The", "x.Y",
                                 "www.site.com", "narrowly.Then", "ok"]), min_size=1, max_size=12))
def test_glued_fix_is_idempotent_and_leaves_no_finding(words):
    text = " ".join(words) + ".\n"
    once = fixed(text, "S002")
    assert fixed(once, "S002") == once
    assert codes(once, "S002") == []


# -- S003 repeated word ------------------------------------------------------------------------

def test_repeated_preposition_is_found_and_dropped():
    text = LEAD + "The ministry plans to to raise the fee next year.\n"
    [diag] = run_rules(text, "S003")
    assert diag.fix is not None and diag.fix.is_safe
    assert fixed(text, "S003") == LEAD + "The ministry plans to raise the fee next year.\n"


def test_repeated_article_at_sentence_start_is_fixed():
    assert fixed(LEAD + "The the harbour was quiet.\n", "S003") == LEAD + "The harbour was quiet.\n"


def test_repeat_without_unambiguous_fix_is_reported_without_fix():
    [diag] = run_rules(LEAD + "The mayor said the plan was was approved.\n", "S003")
    assert diag.fix is None
    [diag] = run_rules(LEAD + "Guests can log in in the morning from the lobby.\n", "S003")
    assert diag.fix is None  # "in in" can be right, so no automatic repair


@pytest.mark.parametrize("sentence", [
    "She had had enough of the delays by then.",
    "He argued that that decision was unfair.",
    "The children waved bye bye to the ferry.",
    "The crowd laughed, ha ha, at the joke.",
    "It was a very very long meeting.",
    "They flew to Bora Bora for the holiday.",
    "The scores were 10 10 after the first round.",
])
def test_legitimate_repeats_are_not_flagged(sentence):
    assert codes(LEAD + sentence + "\n", "S003") == []


def test_repeats_in_other_languages_are_not_judged():
    assert codes("Nous nous sommes retrouvés au port avec les amis de la ville.\n", "S003") == []


# -- seed --------------------------------------------------------------------------------------

def test_seed_article_sentence_debris():
    text = needs_shared(SEED).read_text(encoding="utf-8")
    found = run_rules(text, "sentence")
    [debris] = [d for d in found if d.line == 13]
    assert text[debris.start:debris.end] == "year Xi."
    quiet = {5, 11, 15, 17, 19, 25, 29, 31, 35, 37, 39, 43, 45, 47, 49, 51}
    assert not {d.line for d in found if d.severity.value != "info"} & quiet


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["the", "to", "of", "in", "had", "was", "harbour", "The"]), min_size=1, max_size=10))
def test_repeat_fix_converges_to_text_without_droppable_repeats(words):
    text = LEAD + "Boats " + " ".join(words) + " sailed.\n"
    once = fixed(text, "S003")
    assert fixed(once, "S003") == once
    assert all(d.fix is None for d in run_rules(once, "S003"))


_REPEAT_ALPHABET = st.sampled_from(
    list("ab AB \t.,'-2") + ["\n", "\r\n", "\n\n", "the ", "The ", "\u00e9 \u00c9 ", "\u0301",
                               "\u017f", "s", "S", "\u03c3", "\u03c2", "\u03a3", "\u039f\u03a3 ", "\u03bf\u03c3 ",
                               "\u00df", "\u1e9e", "\u212a", "k", "K", "\u00b5", "\u03bc", "\u13a0 ", "\uab70 ",
                               "\u0130", "i\u0307", "\u65e5\u672c ", "\u0438 \u0418 "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_REPEAT_ALPHABET, max_size=40).map("".join))
def test_repeat_candidates_miss_no_match(text):
    """S003 searches only blocks holding two equal words in a row (lower-cased, or case-folded
    when a character's lower case is not its fold): it must find every match a scan of the
    whole text finds, across scripts and case variants ("ſ"/"s", "ς"/"σ"/"Σ", Kelvin sign)."""
    def spans(matches):
        return [m.span() for m in matches]
    assert spans(_repeats(Document(text))) == spans(_REPEAT.finditer(text))


@pytest.mark.parametrize("text", ["Plans \u017f s.", "\u039f\u03a3 \u03bf\u03c3 x", "\u212a k", "\u00b5 \u03bc", "\u13a0 \uab70",
                                  "a b\nthe The end", "The the"])
def test_repeats_equal_only_ignoring_case_folds_are_found(text):
    """Words equal to _REPEAT's case-insensitive reference but not lower-cased ("ſ"/"s",
    final and capital sigma, Kelvin sign, Cherokee): the candidate test must still find them."""
    found = [m.span() for m in _repeats(Document(text))]
    assert found == [m.span() for m in _REPEAT.finditer(text)] and found


def test_no_character_outside_the_first_plane_lowers_other_than_it_folds():
    """_FOLD_NOT_LOWER is built from the Basic Multilingual Plane only (cheap at import)."""
    assert not [c for c in map(chr, range(0x10000, 0x110000)) if c.lower() != c.casefold()]
