"""English detection used by the T and S rules."""

from newslint.checks.english import is_english
from newslint.document import Document

ENGLISH = "The council said that it would review the plan for the harbour in the spring."
SPANISH = "El consejo dijo que revisaría el plan del puerto durante la primavera próxima."


def test_detects_english_and_other_languages_without_a_language_tag():
    assert is_english(Document(ENGLISH))
    assert not is_english(Document(SPANISH))


def test_a_language_tag_wins_over_detection():
    assert is_english(Document(SPANISH, language="en-GB"))
    assert not is_english(Document(ENGLISH, language="de"))


def test_text_without_letters_is_not_english():
    assert not is_english(Document("2019 | 3:1 | 45%"))


def test_alternation_matches_exactly_the_words():
    import re

    from newslint.checks.english import NON_FINAL_WORDS, alternation

    pattern = re.compile(alternation(NON_FINAL_WORDS))
    assert all(pattern.fullmatch(word) for word in NON_FINAL_WORDS)
    near_misses = {word + "x" for word in NON_FINAL_WORDS} | {word[:-1] for word in NON_FINAL_WORDS}
    assert not any(pattern.fullmatch(word) for word in near_misses - NON_FINAL_WORDS)


def test_english_only_asks_for_the_language_only_once_there_is_a_finding():
    from newslint.checks.english import english_only

    quiet = Document(ENGLISH)
    assert list(english_only(quiet, [])) == []
    assert "_language_profile" not in quiet.__dict__
    assert list(english_only(Document(ENGLISH), ["found"])) == ["found"]
    assert list(english_only(Document(SPANISH), ["found"])) == []
