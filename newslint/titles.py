"""Headlines with a site name glued on: "Headline - Site", "Headline | Site", "Site: Headline".

Shared by the repeated-title rule (D101) and the site-name rule (M101). A split is only a
candidate: the rules decide from evidence (the bare headline repeated in the text) whether
the part cut off really is a site name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

import re

import regex

from newslint.document import Document
from newslint.language import BREAK, LETTERS, NUMBERS, OUTSIDE_TABLE
from newslint.framing import fold

# " - ", " – ", " — ", " | ", " · ", " :: ", " » " between headline and site name.
_SUFFIX_SEPARATOR = regex.compile(r"\s+(?:[-\u2013\u2014|\u00b7\u00bb]|::)\s+|\s*\|\s*")
# "Reuters: ...", "Site | ..." before the headline.
_PREFIX = regex.compile(r"^(?P<site>[^:|\-\u2013\u2014]{2,40}?)(?P<sep>\s*:\s+|\s+\|\s+)(?=\S)")
MAX_SITE_WORDS = 6
_KEY_DROP = regex.compile(r"[^\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class SiteSplit:
    headline: str
    site: str
    # Offsets of the part to delete (separator and site name) within the title string.
    cut_start: int
    cut_end: int
    kind: str  # "suffix" or "prefix"
    separator: str


def comparison_key(text: str) -> str:
    """Case, punctuation and spacing folded away: near-exact copies compare equal."""
    return _KEY_DROP.sub(" ", fold(text)).strip()


def block_comparison_keys(doc: Document) -> list[str]:
    """comparison_key of every block of `doc`, computed once per document (three rules use them)."""
    cached = doc.__dict__.get("_comparison_keys")
    if cached is None:
        cached = _joined_keys([block.text for block in doc.blocks])
        doc.__dict__["_comparison_keys"] = cached
    return cached


# Blocks are keyed in one pass: joined with BREAK (NUL), which lower-casing keeps and the key
# pattern leaves alone, lower-cased and cleaned as one string, then split again. fold's
# other changes (quotes, dashes, spaces) turn characters the key drops into others it drops.
# Blocks of ASCII text (most blocks, once the common typographic punctuation is a space,
# which the key drops as it drops the punctuation) are keyed as bytes instead, which is
# faster than the pattern.
_KEY_DROP_JOINED = regex.compile(r"[^\p{L}\p{N}\x00]+")
# The same with the faster re, for text without characters beyond language.TABLE_END.
_TABLE_KEY_DROP_JOINED = re.compile(f"[^{LETTERS}{NUMBERS}\\x00]+")
# Punctuation frequent in scraped news (quotes, dashes, ellipsis, arrows, symbols), none of
# them a letter or number.
_COMMON_PUNCTUATION = "\u2019\u201d\u201c\u2014\u2013\u2018\u2026\u00a0\u25ba\u00a9\u203a\u2039\u00bb\u00ab\u00b7\u2022\u00a3"


def _joined_keys(texts: list[str]) -> list[str]:
    joined = BREAK.join(texts)
    if joined.count(BREAK) != len(texts) - 1:
        return [comparison_key(text) for text in texts]
    for char in _COMMON_PUNCTUATION:
        if char in joined:
            joined = joined.replace(char, " ")
    if joined.isascii():
        return _ascii_keys(joined)
    blocks = joined.split(BREAK)
    ascii_blocks = list(map(str.isascii, blocks))
    if ascii_blocks.count(True) * 2 < len(blocks):
        return _unicode_keys(joined, blocks)
    plain = iter(_ascii_keys(BREAK.join(compress(blocks, ascii_blocks))))
    others = [block for block, is_ascii in zip(blocks, ascii_blocks) if not is_ascii]
    other = iter(_unicode_keys(BREAK.join(others), others))
    return [next(plain) if is_ascii else next(other) for is_ascii in ascii_blocks]


def _unicode_keys(joined: str, blocks: list[str]) -> list[str]:
    lowered = joined.lower()
    # fold goes character by character when a character lower-cases to two ("İ").
    if len(lowered) != len(joined):
        return [comparison_key(block) for block in blocks]
    drop = _TABLE_KEY_DROP_JOINED if OUTSIDE_TABLE.search(lowered) is None else _KEY_DROP_JOINED
    return list(map(str.strip, drop.sub(" ", lowered).split(BREAK)))


# ASCII letters lower-cased, digits and the block join kept, every other byte a space:
# bytes.split then drops runs of spaces as the key pattern drops runs of other characters.
_ASCII_KEY_BYTES = bytes(
    32 if c > 127 else c if chr(c).isdigit() or c == 0 else ord(chr(c).lower()) if chr(c).isalpha() else 32
    for c in range(256))


def _ascii_keys(joined: str) -> list[str]:
    blocks = joined.encode().translate(_ASCII_KEY_BYTES).split(b"\x00")
    return list(map(bytes.decode, map(b" ".join, map(bytes.split, blocks))))


def site_splits(title: str) -> list[SiteSplit]:
    """Every way of reading `title` as headline plus a short site name, last separator first."""
    text = title.rstrip()
    splits: list[SiteSplit] = []
    for m in reversed(list(_SUFFIX_SEPARATOR.finditer(text))):
        head, site = text[:m.start()].rstrip(), text[m.end():].strip()
        if head and site and len(site.split()) <= MAX_SITE_WORDS and len(head.split()) >= 2:
            splits.append(SiteSplit(head, site, m.start(), len(text), "suffix", m.group().strip()))
    m = _PREFIX.match(text)
    if m:
        site, head = m.group("site").strip(), text[m.end():].strip()
        if len(site.split()) <= MAX_SITE_WORDS and len(head.split()) >= 2:
            splits.append(SiteSplit(head, site, 0, m.end(), "prefix", m.group("sep").strip()))
    return splits


def looks_like_site_name(site: str) -> bool:
    """Short, capitalised and not a sentence: "Reuters", "Latest Global News", "BBC News"."""
    words = site.split()
    if not words or len(words) > MAX_SITE_WORDS or site.endswith((".", "!", "?")):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or "." in w)
    return capitalised >= max(1, len(words) - 1)


@lru_cache(maxsize=64)  # a document's title is keyed by three rules and both layouts
def title_keys(title: str) -> frozenset[str]:
    """The headline as compared with blocks: whole, and without each candidate site name."""
    keys = {comparison_key(title)}
    keys.update(comparison_key(split.headline) for split in site_splits(title))
    return frozenset(k for k in keys if len(k.split()) >= 2)
