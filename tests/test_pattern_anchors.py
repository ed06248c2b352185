from math import inf

from newslint.pattern_anchors import anchors

SAME_LINE = (inf, 0)


def test_literal_word_on_the_same_line():
    assert anchors(r"(?:\d[\d.]*|un|sin)\s+comentarios?") == (frozenset({"comentario"}), SAME_LINE, False)


def test_alternation_needs_an_anchor_in_every_branch():
    assert anchors(r"ago|by") == (frozenset({"ago", "by"}), (0, 0), True)
    assert anchors(r"ago|\d+") is None


def test_an_anchor_that_starts_every_match():
    assert anchors(r"ad\s*\d{0,2}\s*of") == (frozenset({"ad"}), (0, 0), True)
    assert anchors(r"(?:read|\d+\s+min)\s+more") == (frozenset({"more"}), SAME_LINE, False)


def test_optional_parts_give_no_anchor():
    assert anchors(r"(?:about\s+)?\d+") is None


def test_a_prefix_that_can_cross_lines_bounds_the_reach():
    assert anchors(r"[^.!?]{0,60}(?:/|\s)(?:reuters|afp)") == (frozenset({"reuters", "afp"}), (61, 60), False)
    # unbounded: the match may start on any line before the literal
    assert anchors(r"[^.!?]*\s(?:reuters|afp)") == (frozenset({"reuters", "afp"}), (inf, inf), False)


def test_a_run_that_cannot_cross_lines_lies_on_the_literals_line():
    # the white space before '|' is on its line: at most 5 characters reach back to earlier lines
    assert anchors(r"[^\s|]{1,5}\s*\|") == (frozenset({"|"}), (inf, 5), False)


def test_a_bounded_literal_is_preferred_to_one_after_an_unbounded_run():
    assert anchors(r"news[^|]*\|[^|]*") == (frozenset({"news"}), (0, 0), True)


def test_unknown_syntax_gives_no_anchor():
    assert anchors(r"[a-z]+ news") is None
    assert anchors(r"(?i:news)") is None
    assert anchors(r"日本") is None  # no ASCII part to anchor on


def test_negated_classes_can_cross_lines():
    assert anchors(r"more\s+from\s+\S.{0,50}") == (frozenset({"more"}), (0, 0), True)
    assert anchors(r"\S{0,5}\s(?:reuters|afp)") == (frozenset({"reuters", "afp"}), (6, 5), False)


def test_a_leading_dash_in_a_set_is_a_character_not_a_range():
    assert anchors(r"[-–]\s*rights reserved") == (frozenset({"rights reserved"}), SAME_LINE, False)
    assert anchors(r"[a-z]\s*rights reserved") is None


def test_caseless_symbols_are_literals():
    assert anchors(r"(?:copyright\s*)?(?:©|\(c\))\s*\d{4}") == (frozenset({"©", "(c)"}), SAME_LINE, False)
    assert anchors(r"über") == (frozenset({"ber"}), (1, 0), False)  # "Ü" matches "ü": only "ber" is sure


def test_a_literal_with_other_characters_is_anchored_by_its_longest_ascii_run():
    # The match can start up to two characters before "action", and no longer starts with it.
    assert anchors(r"\d+\s+(?:commentaires?|réactions?)") == (frozenset({"commentaire", "action"}), SAME_LINE, False)
    assert anchors(r"réaction") == (frozenset({"action"}), (2, 0), False)


def test_hex_escapes_are_the_characters_they_spell():
    # A pack may spell a dash or a symbol as \u2013 or \xa9: it anchors as the character itself.
    assert anchors(r"\d\s*[-\u2013]\s*source:") == anchors("\\d\\s*[-\u2013]\\s*source:") \
        == (frozenset({"source:"}), SAME_LINE, False)
    assert anchors(r"\x41bc") == anchors("Abc")
    assert anchors(r"\U000000a9\s*\d{4}") == anchors("\u00a9\\s*\\d{4}")


def test_hex_escapes_of_control_characters_can_match_a_frame():
    assert anchors(r"\x03abc") == anchors("\x03abc")
    assert anchors(r"[\x02x]abc") == anchors("[\x02x]abc")


def test_malformed_hex_escape_gives_no_anchors():
    assert anchors(r"\u20 abc") is None
