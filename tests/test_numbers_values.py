from tests.helpers import codes, run_rules


def kinds(text):
    return [d.extra["kind"] for d in run_rules(text, "N301")]


def test_five_digit_years_in_dates_are_found():
    assert kinds("The law passed on March 4, 20023, and took effect in June 20024.") == ["year", "year"]


def test_large_counts_after_a_month_are_not_years():
    assert kinds("In March 25000 people marched, and by May 12000 more had joined.") == []


def test_days_the_month_lacks_are_found():
    assert kinds("The talks ended on February 30 and resumed on 31 April.") == ["date", "date"]
    assert kinds("The deal was signed on February 29, 2021.") == ["date"]


def test_real_dates_and_counts_after_months_are_accepted():
    assert kinds("It opened on February 29, 2024 and on April 30. In June 31 people were hurt.") == []


def test_impossible_clock_times_are_found():
    assert kinds("The polls closed at 19:75 and the count began at 26:15 GMT.") == ["time", "time"]


def test_ratios_scores_and_real_times_are_accepted():
    assert kinds("A 1:87 scale train, a 25:23 set and a 10:45 a.m. start at 23:59 on 24:00.") == []


def test_share_of_a_group_above_100_percent_is_found():
    assert kinds("The survey found 130% of respondents agreed, and 150 per cent of them paid.") == \
        ["percent", "percent"]


def test_growth_and_amounts_above_100_percent_are_accepted():
    text = "Debt reached 120% of GDP, output hit 140% of pre-war levels and prices rose 300 percent."
    assert codes(text, "N301") == []
