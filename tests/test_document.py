from hypothesis import given, strategies as st

from newslint.document import Document


def test_lines_keep_every_kind_of_line_break():
    doc = Document("one\r\ntwo\rthree\nfour")
    assert [line.text for line in doc.lines] == ["one", "two", "three", "four"]
    assert doc.position(doc.text.index("two")) == (2, 1)
    assert doc.position(doc.text.index("four") + 2) == (4, 3)


def test_position_past_a_final_line_break_is_the_next_line():
    doc = Document("alpha\n")
    assert doc.position(6) == (2, 1)


@given(st.text(alphabet=st.sampled_from("ab \r\n\u00e9\U0001F600"), max_size=60))
def test_position_and_offset_round_trip(text):
    doc = Document(text)
    for line in doc.lines:
        for offset in range(line.start, line.end + 1):
            row, col = doc.position(offset)
            assert doc.offset(row, col) == offset


def test_one_paragraph_per_line_gives_one_block_per_line():
    doc = Document("Title of the piece\n\nFirst paragraph here.\nSecond paragraph here.\n")
    assert [b.text for b in doc.blocks] == ["Title of the piece", "First paragraph here.",
                                             "Second paragraph here."]
    assert not doc.hard_wrapped


def test_hard_wrapped_text_joins_lines_between_blank_lines():
    para = ("The council met on Tuesday evening to discuss the budget for\n"
            "the coming year, and members argued for more than three hours\n"
            "about the cost of repairing the old bridge over the river and\n"
            "whether the library should open on Sundays.\n")
    doc = Document(para + "\n" + para)
    assert doc.hard_wrapped
    assert len(doc.blocks) == 2
    assert doc.blocks[0].first_line == 0 and doc.blocks[0].last_line == 3


def test_sentences_respect_abbreviations_but_split_lower_case_debris():
    doc = Document("Dr. Smith met U.S. officials at 5 p.m. on Monday. They agreed. the end.")
    sentences = [doc.text[s.start:s.end] for s in doc.sentences]
    assert sentences == ["Dr. Smith met U.S. officials at 5 p.m. on Monday.", "They agreed.", "the end."]


def test_title_is_first_block_when_it_reads_like_a_headline():
    doc = Document("Mayor Opens New Bridge\n\nThe mayor opened the bridge on Friday.\n")
    assert doc.title == "Mayor Opens New Bridge"
    assert Document("The mayor opened it. Then left.\n\nMore text.").title is None
    assert Document("Body text.", title="Field title").title == "Field title"


def test_removal_span_leaves_no_blank_line_debris():
    doc = Document("A.\n\nB widget\n\nC.\n")
    start, end = doc.removal_span(2, 2)
    assert doc.text[:start] + doc.text[end:] == "A.\n\nC.\n"
    last = Document("A.\n\nB widget\n")
    start, end = last.removal_span(2, 2)
    assert last.text[:start] + last.text[end:] == "A.\n"


def test_block_index_at_maps_offsets_to_blocks_and_gaps_to_none() -> None:
    doc = Document("First one.\n\n  Second block.\nThird.\n")
    starts = [b.start for b in doc.blocks]
    assert [doc.block_index_at(s) for s in starts] == [0, 1, 2]
    assert doc.block_index_at(doc.blocks[1].end - 1) == 1
    assert doc.block_index_at(doc.blocks[0].end) is None  # the blank line between
    assert doc.block_index_at(doc.blocks[1].start - 1) is None  # leading indent is outside
    assert doc.block_index_at(len(doc.text)) is None


def test_blocks_sharing_lines_gives_the_blocks_with_a_line_in_the_range() -> None:
    wrapped = ("The harbour board met on Monday night to\nagree the repairs to the old sea wall\n"
               "before the storms of the coming winter.\n\nEngineers said the work would take most\n"
               "of the season and would cost far more\nthan the sum the town had set aside.\n")
    doc = Document(wrapped)
    assert doc.hard_wrapped and [(b.first_line, b.last_line) for b in doc.blocks] == [(0, 2), (4, 6)]
    for block in doc.blocks:
        for line in doc.lines[block.first_line:block.last_line + 1]:
            for offset in (line.start, line.end):  # the line break belongs to its line
                assert list(doc.blocks_sharing_lines(offset, offset)) == [block.index]
    blank = next(line for line in doc.lines if line.is_blank)
    assert list(doc.blocks_sharing_lines(blank.start, blank.start)) == []
    assert list(doc.blocks_sharing_lines(0, len(doc.text))) == [b.index for b in doc.blocks]
    assert list(doc.blocks_sharing_lines(doc.blocks[0].end - 1, doc.blocks[1].start)) == [0, 1]
