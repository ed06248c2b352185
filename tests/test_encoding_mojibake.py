import ftfy  # noqa: F401 - registers the "sloppy-windows-1252" codec

from newslint.checks.encoding_mojibake import repair_line
from tests.helpers import codes, fixed, run_rules


def test_cp1252_mojibake_is_reported_with_what_it_should_read() -> None:
    text = "The bakery on Main Street says itâ€™s the best cafÃ© in town."
    found = run_rules(text, "E101")
    assert [text[d.start:d.end] for d in found] == ["â€™", "Ã©"]
    assert [d.extra["expected"] for d in found] == ["’", "é"]


def test_mojibake_fix_repairs_only_the_damaged_spans() -> None:
    text = "Prices rose â€” again â€” says the Â£5 survey.\nNothing else changes here."
    assert fixed(text, "E101") == "Prices rose — again — says the £5 survey.\nNothing else changes here."


def test_misdecoded_cyrillic_is_repaired() -> None:
    assert fixed("Ð“Ð¾Ñ€Ð¾Ð´ Ð¶Ð´Ñ‘Ñ‚", "E101") == "Город ждёт"


def test_cp1252_byte_read_as_c1_control_is_mojibake() -> None:
    assert fixed("The mayor\x92s office", "E101") == "The mayor’s office"


def test_genuine_text_in_other_scripts_and_accents_is_quiet() -> None:
    text = (
        "Der Bürgermeister sagte, die Straße bleibt gesperrt.\n"
        "Президент прибыл в Пекин с двухдневным визитом.\n"
        "서울시는 오늘 새로운 계획을 발표했다.\n"
        "Le ministre a déclaré : « Nous sommes prêts. »\n"
        "Ελλάδα και Κύπρος υπέγραψαν συμφωνία.\n"
    )
    assert codes(text, "E101") == []


def test_typography_is_not_treated_as_mojibake() -> None:
    text = "“Curly” quotes, the ﬁ ligature, ＦＵＬＬ width and e\u0301 stay as written."
    assert codes(text, "E101") == []


def test_lines_without_suspect_characters_skip_ftfy() -> None:
    line = "Plain ASCII with “typographic” quotes — and dashes…"
    assert repair_line(line) is line


def test_misdecoding_that_lost_bytes_is_reported_without_a_fix() -> None:
    original = "He said “hi” to Ángel."
    replaced = original.encode("utf-8").decode("cp1252", errors="replace")
    # The repairable part is repaired; what cp1252 could not decode stays lost (U+FFFD).
    assert fixed(replaced, "encoding") == "He said “hi\ufffd to \ufffdngel."
    dropped = original.encode("utf-8").decode("cp1252", errors="ignore")
    found = run_rules(dropped, "E101")
    assert any(d.fix is None and dropped[d.start:d.end] == "Ã" for d in found)


def test_portuguese_and_vietnamese_tildes_are_not_residue() -> None:
    assert codes("SÃO PAULO: a ação da Câmara; Ngã tư; mãe e irmã.", "E101") == []


def test_long_garbled_paragraph_whose_no_break_spaces_became_spaces_is_repaired() -> None:
    original = "Президент прибыл в Пекин с визитом. Россия и Китай подписали договор. " * 40
    garbled = original.encode("utf-8").decode("sloppy-windows-1252").replace("\u00a0", " ")
    assert fixed(garbled, "E101") == original


def test_every_badness_pattern_needs_a_candidate_character() -> None:
    """The line pre-check is exact only while each alternative of ftfy's badness pattern
    requires one character that FTFY_CANDIDATE matches, is at most BADNESS_WIDTH long and
    looks at nothing outside its match but the start of the text (re-check after upgrading ftfy)."""
    try:
        from re import _constants as constants, _parser as parser
    except ImportError:  # Python 3.10
        import sre_constants as constants  # type: ignore[no-redef]
        import sre_parse as parser  # type: ignore[no-redef]
    from ftfy.badness import BADNESS_RE

    from newslint.checks.encoding_mojibake import BADNESS_WIDTH, FTFY_CANDIDATE

    def required_chars(op, arg) -> set[str] | None:
        if op == constants.LITERAL:
            return {chr(arg)}
        if op == constants.IN and all(o in (constants.LITERAL, constants.RANGE) for o, _ in arg):
            return {chr(c) for o, a in arg for c in ([a] if o == constants.LITERAL else range(a[0], a[1] + 1))}
        return None  # optional, negated or a category: not one required character

    parsed = parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    assert parsed.getwidth()[1] <= BADNESS_WIDTH
    (branch,) = parsed
    assert branch[0] == constants.BRANCH
    for alternative in branch[1][1]:
        assert all(op in (constants.LITERAL, constants.IN, constants.ANY, constants.MAX_REPEAT)
                   or (op, arg) == (constants.AT, constants.AT_BEGINNING) for op, arg in alternative), alternative
        assert any((chars := required_chars(op, arg)) and all(FTFY_CANDIDATE.match(c) for c in chars)
                   for op, arg in alternative), alternative
