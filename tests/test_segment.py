"""The sentence segmenter: abbreviations, initials, numbers, ellipses, quotes, and the
deliberate split before a lower-case word after a full stop."""

import pytest
from hypothesis import given, strategies as st

from newslint.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Lee met Dr. Ortiz. They talked.", ["Mr. Lee met Dr. Ortiz.", "They talked."]),
    ("The deal was done in the U.S. The talks took a year.",
     ["The deal was done in the U.S.", "The talks took a year."]),
    ("Growth in the U.S. economy slowed.", ["Growth in the U.S. economy slowed."]),
    ("We meet at 9 a.m. on Fridays.", ["We meet at 9 a.m. on Fridays."]),
    ("Take fruit, e.g. apples. Or nuts.", ["Take fruit, e.g. apples.", "Or nuts."]),
    ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
    ("Prices rose 3.5 percent.", ["Prices rose 3.5 percent."]),
    ("He paused... and left.", ["He paused... and left."]),
    ("\u201cIs it over?\u201d he asked. Nobody knew.", ["\u201cIs it over?\u201d he asked.", "Nobody knew."]),
    ("She moved to Fresno, Calif. Her sister stayed.", ["She moved to Fresno, Calif.", "Her sister stayed."]),
    ("The office in Fresno, Calif. is closed.", ["The office in Fresno, Calif. is closed."]),
])
def test_abbreviations_numbers_and_quotes_do_not_end_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He met the 70-year-old. year Xi.", ["He met the 70-year-old.", "year Xi."]),
    ("The road is a. sacred duty.", ["The road is a.", "sacred duty."]),
    ("He could no. longer walk.", ["He could no.", "longer walk."]),
])
def test_debris_before_a_lower_case_word_is_split_off(text, expected):
    assert sentences(text) == expected


@given(st.text(alphabet="ab .?!\u201d\"\n", max_size=60))
def test_spans_are_ordered_trimmed_and_inside_the_text(text):
    spans = split_sentences(text, offset=5)
    previous_end = 5
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text) + 5
        piece = text[span.start - 5:span.end - 5]
        assert piece == piece.strip()
        previous_end = span.end


def test_spaced_ellipsis_continues_the_sentence():
    assert sentences("The saga drags on . . . off the field. Then it ended.") == \
        ["The saga drags on . . . off the field.", "Then it ended."]


def test_province_abbreviation_before_lower_case_word():
    assert sentences("A cat from Ont. becomes a meme.") == ["A cat from Ont. becomes a meme."]
