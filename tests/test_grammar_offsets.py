"""UTF-16 <-> code-point conversion and batch splitting for the LanguageTool adapter."""

from __future__ import annotations

from hypothesis import given, strategies as st

from newslint.grammar.batching import SEPARATOR, pack, split_matches
from newslint.grammar.checker import normalize_language
from newslint.grammar.offsets import Utf16Offsets

# Mostly ASCII, with BMP accents and astral characters (emoji, mathematical letters) mixed in.
TEXT = st.text(alphabet=st.sampled_from(list("ab é\n") + ["😀", "𝐀", "🇺", "中"]), max_size=40)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXT)
def test_every_code_point_offset_round_trips_through_utf16(text):
    offsets = Utf16Offsets(text)
    for point in range(len(text) + 1):
        unit = offsets.to_utf16(point)
        assert unit == utf16_units(text[:point])
        assert offsets.to_code_points(unit) == point
        assert offsets.to_code_points(unit, round_up=True) == point


def test_offset_inside_a_surrogate_pair_rounds_to_the_character_edges():
    offsets = Utf16Offsets("x😀y")
    assert offsets.to_code_points(2) == 1
    assert offsets.to_code_points(2, round_up=True) == 2


def raw_match(text: str, span_start: int, span_end: int) -> dict:
    return {"offset": utf16_units(text[:span_start]), "length": utf16_units(text[span_start:span_end]),
            "message": "m", "replacements": [{"value": "r"}],
            "rule": {"id": "R", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}


@given(st.lists(TEXT.filter(lambda t: len(t) >= 2), min_size=1, max_size=5), st.data())
def test_split_matches_returns_each_span_in_its_own_paragraph(paragraphs, data):
    joined = SEPARATOR.join(paragraphs)
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    base = sum(len(p) + len(SEPARATOR) for p in paragraphs[:index])
    start = data.draw(st.integers(0, len(paragraphs[index]) - 1))
    end = data.draw(st.integers(start + 1, len(paragraphs[index])))
    found = split_matches(paragraphs, [raw_match(joined, base + start, base + end)])
    assert [len(f) for f in found] == [1 if i == index else 0 for i in range(len(paragraphs))]
    match = found[index][0]
    assert (match.start, match.end, match.replacements) == (start, end, ("r",))


def test_a_match_across_the_separator_is_dropped():
    paragraphs = ["first one", "second one"]
    joined = SEPARATOR.join(paragraphs)
    assert split_matches(paragraphs, [raw_match(joined, 6, 13)]) == [[], []]


def test_pack_keeps_joined_requests_within_the_limit():
    assert pack([10, 10, 10], 22) == [[0, 1], [2]]
    assert pack([10, 10, 10], 100) == [[0, 1, 2]]
    assert pack([50, 10], 20) == [[0], [1]]
    assert pack([], 10) == []


def test_language_codes_are_normalized_for_languagetool():
    assert [normalize_language(c) for c in (None, "", "AUTO", "en", "en_us", "pt-br", "ca-ES-valencia")] == \
        ["auto", "auto", "auto", "en", "en-US", "pt-BR", "ca-ES-valencia"]


def test_suggestion_tags_in_messages_become_quotes():
    raw = {**raw_match("he go home", 3, 5), "message": "Did you mean <suggestion>goes</suggestion>?"}
    [[match]] = split_matches(["he go home"], [raw])
    assert match.message == "Did you mean “goes”?"
