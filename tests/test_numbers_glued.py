from hypothesis import given, strategies as st

from newslint.checks.numbers_glued import ordinal_suffix
from tests.helpers import codes, fixed, run_rules


def test_number_glued_to_word_is_found_and_spaced():
    text = "The bridge cost 4billion and took 36months to build, opening in2021."
    diags = run_rules(text, "N201")
    assert [text[d.start:d.end] for d in diags] == ["4billion", "36months", "in2021"]
    assert fixed(text, "N201") == "The bridge cost 4 billion and took 36 months to build, opening in 2021."


def test_unit_abbreviations_names_and_codes_are_accepted():
    text = ("A 15km race at 7am, filmed at 60fps in 1080p, in the 1980s; the 3rd time the 4Motion"
            " and 5G kit ran, with mp3 files, covid19 data and user bob77 posting at #2020vision.")
    assert codes(text, "N201") == []


def test_repeated_handle_is_a_name_not_a_glitch():
    text = "The seller 9lives wrote first. Later 9lives wrote again, and 9lives replied."
    assert codes(text, "N201") == []


def test_currency_prefixed_magnitude_is_info_only():
    diags = run_rules("United paid £45million for the striker.", "N201")
    assert [d.severity.value for d in diags] == ["info"]


def test_wrong_ordinals_are_found_and_fixed():
    text = "She came 3th, the 12nd rookie since the 101th race and the 2RD in her team."
    diags = run_rules(text, "N202")
    assert [text[d.start:d.end] for d in diags] == ["3th", "12nd", "101th", "2RD"]
    assert fixed(text, "N202") == "She came 3rd, the 12th rookie since the 101st race and the 2ND in her team."


def test_right_ordinals_are_accepted():
    assert codes("The 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 111th and 1000th.", "N202") == []


@given(st.integers(min_value=0, max_value=100_000))
def test_fixed_ordinals_are_never_reported(number):
    text = f"It was the {number}{ordinal_suffix(number)} attempt."
    assert codes(text, "N202") == []
