"""What kind of block a paragraph is: prose, or one of the short forms that end without a
full stop in clean articles (headings, list items, datelines, credits, captions, table rows,
code, links). The truncation rules only judge prose.
"""

from __future__ import annotations

import re

import regex

from newslint.checks.english import NON_FINAL_WORDS
from newslint.document import WORD, WORD_PATTERN

_LIST_MARKER = regex.compile(r"^\s*(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25cf>]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]\s)\s*")
_CREDIT = regex.compile(
    r"^\W*(?:(?:(?:main|top|lead|header|featured) )?(?:photo|photograph|image|picture|video|illustration|graphic|caption|source|credit)s?"
    r"(?:\s+credits?)?\s*(?:[:|/\u2013\u2014-]|by\b|courtesy\b)"
    r"|(?:with |additional )?reporting by\b|(?:editing|writing|compiled|written|produced) by\b"
    r"|copyright\b|\u00a9|\(c\)\s)",
    regex.IGNORECASE,
)
# A link to the rest of the story standing on its own line ("Continue reading the main story").
_MORE_LINK = regex.compile(r"^\W*(?:continue reading|read more|read the full|keep reading)\b", regex.IGNORECASE)
_BYLINE = regex.compile(r"^By \p{Lu}\p{L}+(?: \p{Lu}\.?)* \p{Lu}")
# All-caps place name opening a news item ("WASHINGTON (AP) -", "LONDON, May 3 --").
_DATELINE = regex.compile(r"^\p{Lu}[\p{Lu} .,'\-]{2,}(?:\s*\([^)]*\))?\s*(?:[-\u2013\u2014]|,)")
_CODE = regex.compile(r"[{}]|=>|\(\)|\w\(|;\s*$|//|</?\w+>|\w=\w")
# Every _CODE match holds one of these signs: a stdlib pass rules most prose out.
_CODE_SIGN = re.compile(r"[{}=(;/<]")
_LINK = regex.compile(r"https?://|www\.|@\w|\w\.(?:com|org|net|gov|edu|io|co)\b", regex.IGNORECASE)
_LAST_WORD = regex.compile("(?r)" + WORD_PATTERN)  # WORD, searched from the end
_SMALL_WORDS = frozenset("a an the of and or in on at to for by with from as vs nor but".split())

# A heading has at most this many words.
HEADING_MAX_WORDS = 12
# A dateline standing on a line of its own ("LONDON, May 3 -") has at most this many words;
# longer blocks that open with one are prose.
DATELINE_MAX_WORDS = 8
_SENTENCE_INSIDE = regex.compile(r"[.!?]\s+\p{Lu}")


def looks_like_code(text: str) -> bool:
    return _CODE_SIGN.search(text) is not None and _CODE.search(text) is not None


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def is_title_case(words: list[str]) -> bool:
    """Most words capitalised, small words excepted ("What to Watch For")."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(content) >= 0.75


def is_heading(text: str, words: list[str]) -> bool:
    """A short Title Case line. Title Case capitalises the last word too, so a line that
    ends on a lower-case word or a comma, or holds two sentences, is not a heading."""
    return (
        len(words) <= HEADING_MAX_WORDS
        and is_title_case(words)
        and not words[-1][:1].islower()
        and not text.endswith(",")
        and not _SENTENCE_INSIDE.search(text)
    )


def non_prose_reason(text: str) -> str | None:
    """Why a block is not a prose paragraph (so may end without a full stop), or None."""
    stripped = text.strip()
    words = words_of(stripped)
    if not words:
        return "no words"
    if stripped.endswith(":"):
        return "introduces what follows"
    if _LIST_MARKER.match(stripped):
        return "list item"
    if _CREDIT.match(stripped) or _BYLINE.match(stripped):
        return "credit or caption"
    if _MORE_LINK.match(stripped):
        return "link to more text"
    if len(words) <= DATELINE_MAX_WORDS and _DATELINE.match(stripped):
        return "dateline"
    if "\t" in stripped or stripped.count("|") >= 1:
        return "table row or separator line"
    if looks_like_code(stripped):
        return "code"
    if _LINK.search(stripped.rsplit(None, 1)[-1]):
        return "ends in a link"
    if is_heading(stripped, words):
        return "heading"
    digits = sum(map(str.isdigit, stripped))
    if digits > 0.3 * len(stripped):
        return "figures"
    return None


def last_word(text: str) -> str:
    """The last word, or the last part of a hyphenated one ("blue-and" gives "and")."""
    # The last of words_of(text), found by searching backwards from the end.
    word = _LAST_WORD.search(text)
    return word.group().rsplit("-", 1)[-1] if word else ""


def ends_mid_sentence(text: str) -> str | None:
    """The evidence that prose stops mid-sentence: a non-final word, a comma, an open quote
    or bracket at the very end; None when the end is not strong evidence of a cut."""
    stripped = text.rstrip()
    if not stripped:
        return None
    final = stripped[-1]
    if final == ",":
        return "a comma"
    if final in "([{\u201c\u2018":
        return "an open bracket or quote"
    if final == '"' and stripped.count('"') % 2 == 1:
        return "an open quote"
    if not final.isalpha():
        return None
    word = last_word(stripped)
    if word.lower() in NON_FINAL_WORDS and stripped.endswith(word):
        if word.lower() == "am" and stripped[:-2].rstrip()[-1:].isdigit():
            return None  # a clock time: "20 November 2019 9:22 am"
        return f"the word \u201c{word}\u201d"
    return None
