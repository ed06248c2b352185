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
