from tests.helpers import run_rules


def test_same_person_with_two_ages_is_reported_at_info():
    text = ("Mayor Ruiz, 58, opened the bridge on Friday.\n\n"
            "Later the 59-year-old Ruiz said the work was done.")
    diags = run_rules(text, "N501")
    assert len(diags) == 1
    assert diags[0].severity.value == "info"
    assert text[diags[0].start:diags[0].end] == "59-year-old Ruiz"
    assert diags[0].extra["evidence"] == ["Mayor Ruiz, 58"]


def test_consistent_ages_and_different_people_are_quiet():
    text = ("Ruiz (58) opened the bridge. The 58-year-old Ruiz spoke first.\n\n"
            "Her deputy Chen, 44, and the 61-year-old engineer Patel followed.")
    assert run_rules(text, "N501") == []


def test_counts_in_menus_are_not_ages():
    text = "Games (40)\nTools (9)\n\nMore games: Games (12)\nTools (3)\n"
    assert run_rules(text, "N501") == []
