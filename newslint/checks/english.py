"""English-only evidence shared by the truncation (T) and sentence (S) rules.

Those rules reason about English function words and capitalisation, so they stay quiet on
other languages. `is_english` trusts `doc.language` when the input gave one and otherwise
measures the share of very common English words, which is cheap and reliable on prose
(English news runs at 30-45 %, other Latin-script languages under 10 %).
"""

from __future__ import annotations

import regex

from newslint.document import Document

_WORD = regex.compile(r"\p{L}+(?:['\u2019]\p{L}+)?")
_COMMON_ENGLISH = frozenset(
    """
    the of and to a in is that for it on with as was he she they at by from this be are
    have has but not or an his her their we you i said will would were been had who which
    """.split()
)
# How much text to look at, and the share of common English words that makes it English.
_SAMPLE_CHARS = 20_000
_MIN_ENGLISH_SHARE = 0.15

# Words that cannot end an English sentence: a paragraph that stops on one of them (with no
# punctuation after it) was cut. Articles, prepositions, conjunctions, auxiliaries and
# possessives; words such as "in", "on" or "about" end sentences only before punctuation.
NON_FINAL_WORDS = frozenset(
    """
    a an the
    of with to in on at by from for into onto about between through during without under
    upon via than as like toward towards across against among amid despite per
    and or but nor because although though while if whether that which who whom whose
    where when
    was were is are am be been being has have had do does did will would shall should
    can could may might must
    their his her its our your my these those this such every each any some
    very also not just
    """.split()
)


def is_english(doc: Document) -> bool:
    """True when the document is (mostly) English; cached on the document."""
    cached = doc.__dict__.get("_newslint_is_english")
    if cached is None:
        cached = _detect_english(doc)
        doc.__dict__["_newslint_is_english"] = cached
    return cached


def _detect_english(doc: Document) -> bool:
    if doc.language:
        return doc.language.lower().startswith("en")
    words = _WORD.findall(doc.text, 0, _SAMPLE_CHARS)
    if not words:
        return False
    common = sum(1 for word in words if word.lower() in _COMMON_ENGLISH)
    return common >= 1 and common / len(words) >= _MIN_ENGLISH_SHARE
