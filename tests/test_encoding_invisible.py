from tests.helpers import codes, fixed, run_rules


def test_control_characters_are_removed() -> None:
    text = "The budget\x07 was\x0capproved \x1b[31mtoday\x00."
    assert codes(text, "E105") == ["E105"] * 4
    assert fixed(text, "E105") == "The budget was approved today."


def test_tabs_and_line_breaks_are_not_controls() -> None:
    assert codes("Col A\tCol B\r\nNext line\nLast", "E105") == []


def test_invisible_characters_inside_latin_words_are_removed() -> None:
    text = "Wash\u00adington\u200b office \ufeffopened to\u200dday."
    assert codes(text, "E106") == ["E106"] * 4
    assert fixed(text, "E106") == "Washington office opened today."


def test_invisible_characters_that_do_a_job_are_quiet() -> None:
    text = (
        "\ufeffA byte-order mark at the very start is fine.\n"
        "A family emoji 👨\u200d👩\u200d👧 uses joiners.\n"
        "Persian uses a non-joiner: می\u200cخواهم.\n"
        "Hebrew text with a mark: שלום\u200f עולם.\n"
    )
    assert codes(text, "E106") == []


def test_bidi_override_in_latin_only_text_is_reported() -> None:
    assert codes("Click here \u202eexe.txt now", "E106") == ["E106"]


def test_unusual_spaces_become_normal_spaces() -> None:
    text = "Prices rose\u2003by 4%\u00a0\u00a0in March\u3000again."
    assert codes(text, "E107") == ["E107"] * 3
    assert fixed(text, "E107") == "Prices rose by 4% in March again."


def test_single_no_break_and_digit_grouping_spaces_are_quiet() -> None:
    text = ("It weighs 10\u00a0kg and costs 12\u2009500 euros; 東京\u3000大阪 is fine too.\n"
            "A pause\u2009\u2014\u2009then more. Vraiment\u2009?")
    assert codes(text, "E107") == []


def test_replacement_character_is_flagged_without_fix() -> None:
    found = run_rules("The caf\ufffd\ufffd reopened.", "E108")
    assert len(found) == 1 and found[0].fix is None
    assert codes("The café reopened.", "E108") == []


def test_unusual_characters_are_all_but_printable_ascii_tabs_and_line_breaks() -> None:
    """E101 and E105-E107 look for their characters among them first."""
    import sys

    from newslint.checks.encoding_mojibake import unusual_characters
    from newslint.document import Document

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    expected = "".join(c for c in every if not (" " <= c <= "~" or c in "\t\n\r"))
    assert unusual_characters(Document(every)) == expected
