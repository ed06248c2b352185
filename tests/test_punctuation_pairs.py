from newslint.diagnostics import Severity
from tests.helpers import SEED, codes, needs_shared, run_rules


def test_lone_closing_quote_is_reported_at_the_quote() -> None:
    text = "“We will rebuild,” the mayor said. The work starts next week.”"
    found = run_rules(text, "P101")
    assert [(d.start, d.end) for d in found] == [(len(text) - 1, len(text))]


def test_unclosed_opening_quote_is_reported() -> None:
    found = run_rules("The mayor said “we will rebuild the bridge.\nThe council agreed.", "P101")
    assert len(found) == 1 and found[0].start == 15


def test_balanced_quotes_of_every_style_are_quiet() -> None:
    text = (
        "“We will rebuild,” she said, “and soon.”\n"
        'He called it "a good start" and left.\n'
        "Der Minister sagte: „Wir sind bereit.“\n"
        "The 27\" screen and the 5'10\" player.\n"
    )
    assert codes(text, "P101") == []


def test_quotation_continued_over_paragraphs_is_quiet() -> None:
    text = (
        "“The first paragraph of a long statement ends here without a closing quote.\n\n"
        "“The second paragraph reopens the quotation and closes it,” she said.\n"
    )
    assert codes(text, "P101") == []


def test_quotation_split_across_paragraphs_is_reported_once() -> None:
    text = "“The statement began here and\nended in the next line,” he said."
    found = run_rules(text, "P101")
    assert len(found) == 1 and "next paragraph" in found[0].message


def test_single_quotes_are_told_apart_from_apostrophes() -> None:
    balanced = "Do not underestimate Russia’s ‘usefulness’ to the players’ union, or the ’90s."
    assert codes(balanced, "P103") == []
    assert codes("Officials called the plan ‘a first step, and talks resumed.", "P103") == ["P103"]


def test_korean_particle_after_closing_single_quote_is_quiet() -> None:
    assert codes("그는 ‘변화’를 약속했다.", "P103") == []


def test_nested_double_quotes_are_info() -> None:
    found = run_rules("The statement spoke of “ties between “Russia” and China.”", "P102")
    assert [d.severity for d in found] == [Severity.INFO]
    assert codes("The statement spoke of “ties between ‘Russia’ and China.”", "P102") == []


def test_unbalanced_brackets_are_reported() -> None:
    assert codes("The agency (founded in 1998 said it would appeal.", "P104") == ["P104"]
    assert codes("The agency said it would appeal) on Monday.", "P104") == ["P104"]


def test_list_labels_emoticons_and_code_are_not_brackets() -> None:
    text = (
        "Options: a) stay, b) go.\n"
        "Great news :) for everyone.\n"
        "fetch(url).then(function(res) {\n"
        "The agency (founded in 1998) said [in May] it would appeal.\n"
    )
    assert codes(text, "P104") == []


def test_mixed_quote_styles_are_reported_once_as_info() -> None:
    text = "“We are ready,” she said. He replied: \"So are we.\" Then “go,” they said."
    found = run_rules(text, "P105")
    assert len(found) == 1 and found[0].severity is Severity.INFO
    assert text[found[0].start] == '"'
    assert codes("“We are ready,” she said.", "P105") == []


def test_seed_article_quotes() -> None:
    text = needs_shared(SEED).read_text(encoding="utf-8")
    found = run_rules(text, "punctuation", "encoding")
    lines = text.split("\n")
    line_41 = lines[40]
    warnings = [d for d in found if d.severity.rank >= Severity.WARNING.rank]
    # The unmatched closing quote after "war efforts." and nothing else on line 41.
    assert [(d.code, d.line, d.column) for d in warnings if d.line == 41] == \
        [("P101", 41, line_41.rindex("”") + 1)]
    quiet = {5, 11, 15, 17, 19, 25, 29, 31, 35, 37, 39, 43, 45, 47, 49, 51}
    assert [d for d in warnings if d.line in quiet] == []


def test_bracket_after_colon_with_text_is_a_bracket_and_double_smileys_are_not() -> None:
    assert codes("Posted :[ 2018-09-28 17:32 ] by the desk.", "P104") == []
    assert codes("You can call me ;)) later", "P104") == []


def test_straight_apostrophe_can_close_a_curly_single_quote() -> None:
    assert codes("The bank blamed ‘ultra loose policy' for the crash.", "P103") == []
    assert codes("Shortlisted for the ‘Platform of the Year Award’Next", "P103") == []
