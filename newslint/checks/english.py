"""English-only evidence shared by the truncation (T) and sentence (S) rules.

Those rules reason about English function words and capitalisation, so they stay quiet on
other languages. `is_english` trusts `doc.language` when the input gave one and otherwise the share of
English stop words (newslint.language), which is cheap and reliable on prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from newslint.document import Document
from newslint.language import declared_english, profile

# The share of English stop words above which text is English (English news runs at
# 30-45 %, other Latin-script languages under 10 %).
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


def alternation(words: Iterable[str]) -> str:
    """A regex that matches exactly one of `words`, written as a trie (one branch per first
    character): stdlib `re` tries the branches of a flat alternation one by one."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches = [re.escape(head) + alternation(rest) for head, rest in sorted(heads.items()) if head]
    if not branches:
        return ""
    optional = "?" if "" in heads else ""  # a word ends here, others go on
    if len(branches) == 1 and not optional:
        return branches[0]
    return f"(?:{'|'.join(branches)}){optional}"


# NON_FINAL_WORDS spelt backwards, for scans of a reversed text that start at a word's end.
REVERSED_NON_FINAL_WORDS = alternation(word[::-1] for word in NON_FINAL_WORDS)


def reversed_text(doc: Document) -> str:
    """The document's text backwards (cached: the T and S rules that scan it share it)."""
    cached = doc.__dict__.get("_reversed_text")
    if cached is None:
        cached = doc.__dict__["_reversed_text"] = doc.text[::-1]
    return cached


def is_english(doc: Document) -> bool:
    """True when the document is (mostly) English: declared so, or by its stop words."""
    declared = declared_english(doc)
    if declared is not None:
        return declared
    words = profile(doc)
    return words.english_words >= 1 and words.english_share >= _MIN_ENGLISH_SHARE


_Found = TypeVar("_Found")


def english_only(doc: Document, findings: Iterable[_Found]) -> Iterator[_Found]:
    """`findings` when the document is English, else nothing. The language is asked only
    once there is a finding: most documents have none, and then never pay for the profile."""
    for found in findings:
        if not is_english(doc):
            return
        yield found


# Common English words of one to three letters. A text that ends on a lower-case token this
# short that is not among them ("... provide any other de") ends on a word cut in half.
COMMON_SHORT_WORDS = frozenset(
    """
    a i o an as at be by do go he if in is it me my no of oh ok on or so to up us we
    ace act add ado ads age ago aid aim air ale all and ant any ape app apt arc are ark arm
    art ash ask ate awe axe bad bag ban bar bat bay bed bee beg bet bid big bin bit bog boo
    bow box boy bra bud bug bun bus but buy bye cab cam can cap car cat cop cow cry cub cue
    cup cut dad dam day den dew did die dig dim dip doc doe dog don dot dry due dug duo dye
    ear eat ebb egg ego elf elk elm emu end era eve ewe eye fad fan far fat fax fed fee few
    fig fin fir fit fix flu fly foe fog for fox fry fun fur gag gal gap gas gel gem get gig
    gin god got gum gun gut guy gym had ham has hat hay hen her hey hid him hip his hit hog
    hop hot how hub hue hug hum hut ice icy ill imp ink inn ion its ivy jab jam jar jaw jet
    job jog joy jug key kid kin kit lab lad lag lap law lay lea led leg let lid lie lip lit
    log lot low mad man map mat may men met mid mix mob mom mop mud mug mum nab nag nap net
    new nil nod nor not now nun nut oak oar oat odd off oft oil old one opt orb ore our out
    owe owl own pad pal pan par pat paw pay pea peg pen pep per pet pew pie pig pin pit ply
    pod pop pot pro pry pub pun pup put rag ram ran rap rat raw ray red rib rid rig rim rip
    rob rod roe rot row rub rug rum run rut rye sad sag sat saw say sea see set sew sex she
    shy sin sip sir sis sit six ski sky sly sob sod son sow soy spa spy sty sub sue sum sun
    sup tab tad tag tan tap tar tax tea tee ten the tie tin tip toe ton too top tot tow toy
    try tub tug two urn use van vat vet via vie vow wad wag war was wax way web wed wet who
    why wig win wit woe wok won woo wow yak yam yap yea yen yes yet yew you zap zip zoo
    """.split()
)
