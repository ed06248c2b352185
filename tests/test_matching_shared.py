"""Packs share one automaton pass per document, and each still sees only its own hits."""

from newslint.document import Document
from newslint.matching import PhraseMatcher

TEXT = "Home\n\nShare on Facebook\n\n3 comments\n\nThe council met on Monday.\n"


def test_each_matcher_sees_only_its_own_hits():
    nav = PhraseMatcher(["Home", "World"])
    share = PhraseMatcher(["Home"], prefixes=["Share on"])
    comments = PhraseMatcher(patterns=[r"\d+\s+comments?"])
    doc = Document(TEXT)
    assert nav.match_blocks(doc) == {0: ("Home", False)}
    assert share.match_blocks(doc) == {0: ("Home", False), 1: ("Share on", True)}
    assert comments.match_blocks(doc) == {2: ("3 comments", False)}


def test_a_matcher_made_after_a_document_was_scanned_gets_its_hits():
    doc = Document(TEXT)
    assert PhraseMatcher(["Home"]).match_blocks(doc) == {0: ("Home", False)}
    later = PhraseMatcher(["The council met on Monday."])
    assert later.match_blocks(doc) == {3: ("The council met on Monday.", False)}
