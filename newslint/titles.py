"""Headlines with a site name glued on: "Headline - Site", "Headline | Site", "Site: Headline".

Shared by the repeated-title rule (D101) and the site-name rule (M101). A split is only a
candidate: the rules decide from evidence (the bare headline repeated in the text) whether
the part cut off really is a site name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import re

import regex

from newslint.document import Document
from newslint.language import LETTERS, NUMBERS, OUTSIDE_TABLE
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


# Blocks are keyed in one pass: joined with NUL, which lower-casing keeps and the key
# pattern leaves alone, lower-cased and cleaned as one string, then split again. fold's
# other changes (quotes, dashes, spaces) turn characters the key drops into others it drops.
_BLOCK_JOIN = "\x00"
_KEY_DROP_JOINED = regex.compile(r"[^\p{L}\p{N}\x00]+")
# The same with the faster re, for text without characters beyond language.TABLE_END.
_TABLE_KEY_DROP_JOINED = re.compile(f"[^{LETTERS}{NUMBERS}\\x00]+")


def _joined_keys(texts: list[str]) -> list[str]:
    joined = _BLOCK_JOIN.join(texts)
    lowered = joined.lower()
    # fold goes character by character when a character lower-cases to two ("İ").
    if len(lowered) != len(joined) or joined.count(_BLOCK_JOIN) != len(texts) - 1:
        return [comparison_key(text) for text in texts]
    drop = _TABLE_KEY_DROP_JOINED if OUTSIDE_TABLE.search(lowered) is None else _KEY_DROP_JOINED
    return list(map(str.strip, drop.sub(" ", lowered).split(_BLOCK_JOIN)))


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
