from newslint.diagnostics import Severity
from newslint.document import Document
from tests.helpers import codes, fixed, run_rules


def test_space_before_punctuation_is_removed() -> None:
    text = "The senator , who chairs the panel ; left early ."
    assert codes(text, "P106") == ["P106"] * 3
    assert fixed(text, "P106") == "The senator, who chairs the panel; left early."


def test_ellipsis_decimals_domains_and_scores_are_quiet() -> None:
    text = "He paused ... then went on. It rose by .5 points on the .com site; the score was 2 : 1."
    assert codes(text, "P106") == []


def test_french_spacing_is_quiet() -> None:
    text = (
        "Le ministre a déclaré : « Nous sommes prêts ! »\n"
        "Pourquoi attendre ? Il faut agir ; c’est urgent.\n"
        "La réunion a eu lieu mardi : tout le monde était là.\n"
    )
    assert codes(text, "P106") == []
    assert [d.code for d in run_rules("Bonjour ! Ça va ?", "P106")] == []


def test_habitual_space_before_commas_is_one_info_finding() -> None:
    text = ("The senator , the speaker , and the clerk met. The motion , tabled on Monday , "
            "passed. Members , who had returned , voted.")
    found = run_rules(text, "P106")
    assert len(found) == 1 and found[0].severity is Severity.INFO


def test_missing_space_after_punctuation_is_inserted() -> None:
    text = "Voters in Colorado,Washington and Oregon agreed;turnout was high!Really?Yes."
    assert fixed(text, "P107") == "Voters in Colorado, Washington and Oregon agreed; turnout was high! Really? Yes."


def test_numbers_links_and_abbreviations_are_quiet() -> None:
    text = ("At 10:30am 1,000 people read https://example.com/a?id=x,y and mail@example.org, "
            "TL;DR the U.S. plan said.The end.")
    assert codes(text, "P107") == []


def test_doubled_punctuation_is_collapsed_but_ellipsis_stays() -> None:
    text = "The plan was approved,, and work starts soon.. Wait... see ../docs"
    assert codes(text, "P108") == ["P108", "P108"]
    assert fixed(text, "P108") == "The plan was approved, and work starts soon. Wait... see ../docs"


def test_repeated_exclamation_is_info_with_a_fix() -> None:
    found = run_rules("The dress was stolen!!! Why?? Really?!", "P109")
    assert [d.severity for d in found] == [Severity.INFO, Severity.INFO]
    assert fixed("The dress was stolen!!!", "P109") == "The dress was stolen!"


def test_runs_of_spaces_are_collapsed_except_in_column_layouts() -> None:
    assert fixed("The council  approved the   budget.", "P110") == "The council approved the budget."
    assert codes("Name    Age    City    Team", "P110") == []
    assert codes("    Indented line stays.", "P110") == []


def test_french_language_field_silences_spacing_before_colon() -> None:
    from newslint.checks.punctuation_spacing import SpaceBeforePunctuation
    doc = Document("Il a dit : oui.", language="fr")
    assert list(SpaceBeforePunctuation().check(doc)) == []


def test_chinese_text_with_ascii_commas_and_korean_ellipsis_is_quiet() -> None:
    assert codes("這個季節的楓香林剛好泛紅,剛好連日來雨勢不斷", "P107") == []
    assert codes("설리, 무엇이 이 스물다섯 청춘의..", "P108") == []
    assert codes("You can call me ;) later", "P106") == []


def test_label_glued_to_a_link_or_word_after_a_colon_is_reported() -> None:
    assert codes("Ticket details:http://tickets.example.net/ now", "P107") == ["P107"]
    assert codes("Cover image:artist’s impression", "P107") == ["P107"]


def test_swedish_inflected_abbreviations_are_quiet() -> None:
    assert codes("EU:s budget och NATO:n styrkor växer.", "P107") == []
