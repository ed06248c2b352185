from tests.helpers import codes, fixed, run_rules

ENGLISH_FILLER = (
    " The council said that the figures were published on Monday and that they will be"
    " reviewed by the board, which has asked for more detail from the city."
)


def test_space_after_thousands_comma_is_found_and_joined():
    text = "Nearly 45, 000 fans filled the ground." + ENGLISH_FILLER
    assert codes(text, "N101") == ["N101"]
    assert fixed(text, "N101").startswith("Nearly 45,000 fans")


def test_space_before_comma_and_split_decimal_are_found():
    text = "The arena seats 2 ,500 people and the bond is worth $7. 8 billion." + ENGLISH_FILLER
    diags = run_rules(text, "N101")
    assert [text[d.start:d.end] for d in diags] == ["2 ,500", "7. 8"]
    assert "2,500 people" in fixed(text, "N101") and "$7.8 billion" in fixed(text, "N101")


def test_lists_dates_and_sentence_ends_are_not_split_numbers():
    text = ("The votes were cast on March 3, 150 of them by post. Rooms 4, 210 and 12 were shut."
            " Prices rose in 2005. 3 firms left." + ENGLISH_FILLER)
    assert codes(text, "N101") == []


def test_wrong_group_sizes_are_found():
    text = "The hall has 3,0000 seats and the loan was 4,500,00 dollars." + ENGLISH_FILLER
    diags = run_rules(text, "N102")
    assert [text[d.start:d.end] for d in diags] == ["3,0000", "4,500,00"]
    assert all(d.fix is None for d in diags)


def test_indian_grouping_is_accepted_with_rupees_but_not_without():
    indian = "The scheme paid Rs 2,50,000 to each farmer, two and a half lakh rupees." + ENGLISH_FILLER
    assert codes(indian, "N102") == []
    plain = "The scheme paid 2,50,000 dollars to each farmer." + ENGLISH_FILLER
    assert codes(plain, "N102") == ["N102"]


def test_lists_without_spaces_are_not_group_errors():
    assert codes("Seats 10,20,30 were empty." + ENGLISH_FILLER, "N102") == []


def test_decimal_comma_and_thousands_point_in_english_are_found():
    text = "Sales reached 4,7 billion dollars and the firm hired 18.000 workers, up from 9,200." + ENGLISH_FILLER
    diags = run_rules(text, "N103")
    assert [text[d.start:d.end] for d in diags] == ["4,7", "18.000"]
    assert all(d.fix is not None and not d.fix.is_safe for d in diags)


def test_three_decimal_measures_and_prices_are_not_thousands_points():
    text = ("The bolt is 2.375 inches long, the rate is 1.125% and the house sold for"
            " $3.450 million; 12,000 people watched." + ENGLISH_FILLER)
    assert codes(text, "N103") == []


def test_counted_thousands_point_is_found():
    text = "Officials counted 6.318 cases in the region last year." + ENGLISH_FILLER
    assert codes(text, "N103") == ["N103"]


def test_german_and_spanish_conventions_stay_quiet():
    german = ("Die Stadt hat 12.000 Einwohner und einen Haushalt von 5,3 Millionen Euro. Das ist"
              " nicht viel für die Region, die auch mit dem Land über die Kosten sprechen wird.")
    spanish = ("La ciudad tiene 40.000 habitantes y el 2,5% de la superficie es bosque. Los"
               " vecinos dicen que el agua llega por la noche y que el pueblo es muy pequeño.")
    assert codes(german, "numbers") == []
    assert codes(spanish, "numbers") == []


def test_mixed_convention_in_text_of_unknown_language_follows_the_majority():
    text = "1,250 / 3,400 / 12,000 / 7.500 / 2.5"
    assert codes(text, "N103") == ["N103"]
