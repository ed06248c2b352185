from tests.helpers import codes, fixed


def test_share_widget_line_is_found_and_removed():
    text = "A paragraph of the article.\n\nSharing Is Caring:\n"
    assert codes(text, "B201") == ["B201"]
    assert fixed(text, "B201") == "A paragraph of the article.\n"


def test_share_phrase_inside_prose_is_not_a_widget_line():
    text = "Her motto, sharing is caring, made the charity famous.\n"
    assert codes(text, "B201") == []
