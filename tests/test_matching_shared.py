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


def test_patterns_are_tried_where_their_anchors_are():
    m = PhraseMatcher(patterns=[r"\d+\s+comments?", r"photo\s*\d+\s*of\s*\d+", r"[^|]{1,20}(?:\|[^|]{1,20}){2,}"])
    doc = Document("2 comments\n\nPhoto 3 of 12\n\nA story of 3 of us\n\nHome | World | Sport\n")
    assert m.match_blocks(doc) == {0: ("2 comments", False), 1: ("Photo 3 of 12", False),
                                   3: ("Home | World | Sport", False)}
    assert m.match_blocks(Document("Home\n\nPhoto 1 of 2\n")) == {1: ("Photo 1 of 2", False)}


def test_a_pattern_anchored_on_the_ascii_part_of_a_literal_still_matches():
    m = PhraseMatcher(patterns=[r"(?:\d[\d\s.]*|aucun|un)\s+(?:commentaires?|réactions?)"])
    assert m._anchors is not None  # anchored on "commentaire" and "action"
    doc = Document("Le pont.\n\n12 RÉACTIONS\n\nAucun commentaire\n\nUn lecteur a eu 3 réactions vives.\n")
    assert m.match_blocks(doc) == {1: ("12 RÉACTIONS", False), 2: ("Aucun commentaire", False)}
