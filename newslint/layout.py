"""Where the article is in a scraped page: per-block prose features and the main run of prose.

A scraped page is mostly short non-sentence lines (menus, footers, related lists) around one
dense run of sentence-like paragraphs. Each block gets a prose score from features that need
no phrase list (word count, sentence punctuation, stop-word density as in jusText, and
phrase-pack hits when known); the main run is the contiguous stretch of blocks with the
largest total score (a maximum-sum segment, linear in the number of blocks), with a bonus
for the first sentence below a copy of the headline. Short lines inside that run
(sub-headings, list items, credit lines) belong to the article; blocks outside it do not.

Shared by the boilerplate classifier (B101) and the repeated-block rule (D102), which keeps
the copy inside the article.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from itertools import compress, repeat
from bisect import bisect_right
from operator import attrgetter, itemgetter, methodcaller, not_, sub
from typing import NamedTuple

import re

import regex

from newslint.document import WORD, WORD_REST, WORD_START, Document
from newslint.language import BREAK, OUTSIDE_TABLE, TABLE_WORD_REST, TABLE_WORD_START, block_words
from newslint.markup import markup_share
from newslint.titles import block_comparison_keys, title_keys

# Function words of the languages seen in scraped news; the share of them among a block's
# words separates sentences from menus and headline lists (jusText's key feature).
STOP_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its
this that these those he she they we you i his her their our your not no so than then there here
which who whom what when where why how all any some more most can could will would should may might
has have had do does did also just about into over after before under up out one two new said says
der die das den dem des ein eine einer eines einem und oder aber nicht ist sind war waren wird werden
mit von zu im am auf aus bei nach für über unter auch sich es er sie wir ihr dass wie noch nur
le la les un une des du de et ou mais est sont était être avec pour par sur dans au aux ce cette ces
il elle ils elles nous vous qui que quoi dont où ne pas plus se sa son ses leur leurs en y a été
el los las unos unas del al y o pero es son fue ser con por para sobre en lo su sus que como más
este esta estos estas se le les ya muy también entre sin hasta desde
il lo gli una di da nel nella della delle degli dei con per su tra fra che non è sono era come anche
o os as um uma do da dos das no na nos nas em com por para que não é são foi como mais também
de het een en of maar niet is zijn was waren met voor op aan uit bij naar ook dat die wat
и в во не на я что он она они мы вы с со как а но то это по к у из за от до для же бы ли
a je se na v ve ze z do o od pro jak že to ale by bylo jsou byl je
""".split())

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# Code point ranges holding every _CJK character and little else: a fast stdlib test that
# a text has none (the Unicode property test is slow over a whole page).
_CJK_RANGES = re.compile(
    "[\u1100-\u11ff\u2e80-\ud7ff\uf900-\ufaff\uff66-\uffdc\U00016fe0-\U0001f200\U00020000-\U00033479]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")  # WORD on ASCII text, with the faster re
# Sentence end, allowing closing quotes and brackets after it (tested with str methods): the
# Latin and CJK marks, and the full stops and question marks of other scripts (Devanagari
# and Bengali danda, Urdu and Arabic, Burmese, Khmer, Tibetan, Ethiopic, Armenian), without
# which no paragraph of a Hindi or Burmese page would end like a sentence.
_ENDERS = frozenset(".!?\u2026\u3002\uff01\uff1f:;"
                    "\u0964\u0965\u06d4\u061f\u104b\u17d4\u0f0d\u1362\u1367\u0589"
                    "\uff61\uff0e\u203c\u2047\u2048\u2049")
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_CODE_LIKE = regex.compile(r"[\[{(]\s*$|[{};=]|\)\s*$|^\s*[\])}]|//|\w\.\w+\(")
_COUNTER = regex.compile(r"\(\d[\d,.]*\)\s*$|^\d[\d,.]*[kKmM]?\s+\p{L}+$")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# A time of day, "3 hours ago" or a "name says:" header: the skeleton of comment threads.
_STAMP = regex.compile(
    r"(?:\b|(?<=\dT))\d{1,2}:\d{2}\b|\bago$|\s(?:says|writes):?$", regex.IGNORECASE)
# "hace 2 horas", "il y a 3 heures", "vor 2 Stunden", "há 5 minutos", "2 ore fa", "3 uur
# geleden": a whole short line saying how long ago, the stamp of comments and live posts in
# the languages the packs cover ("3 hours ago" is _STAMP's). Years and months are left out:
# "Il y a 50 ans" heads retrospective columns. The words a line can start with are listed
# once: the column path tries the pattern only on lines starting with one (or holding a digit).
_RELATIVE_LEADS = ("publicado", "actualizado", "publié", "publiée", "veröffentlicht", "aktualisiert",
                   "pubblicato", "aggiornato", "gepubliceerd", "bijgewerkt")
_RELATIVE_AGO = ("hace", "há", "ha", "il y a", "vor")  # before the count: "hace 2 horas"
_RELATIVE_COUNTS = ("una", "un", "pochi", "een")  # first when "ago" comes last: "una ora fa"


def _words_pattern(words: tuple[str, ...]) -> str:
    return "|".join(word.replace(" ", r"\s+") for word in words)


_RELATIVE_TIME = re.compile(
    rf"(?:(?:{_words_pattern(_RELATIVE_LEADS)})\s+)?"
    rf"(?:(?:{_words_pattern(_RELATIVE_AGO)})\s+(?:\d+|una?|unos|unas|um|uma|une?|quelques|einer?|einem|wenigen)\s+"
    r"(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|secondes?|minutes?|heures?|jours?|semaines?|"
    r"sekunden?|minuten?|stunden?|tag(?:en)?|wochen?)(?:\s+atr[áa]s)?"
    rf"|(?:\d+|{_words_pattern(_RELATIVE_COUNTS)})\s+(?:secondi|minuti|or[ae]|giorni?|settimane?|seconden|minuten|"
    r"uur|dagen|dag|weken|week)\s+(?:fa|geleden))\.?",
    re.IGNORECASE)
# The first letters of those lines (with a numeral first, the column path finds them by it).
_RELATIVE_INITIALS = frozenset(
    case(word[0]) for word in _RELATIVE_LEADS + _RELATIVE_AGO + _RELATIVE_COUNTS for case in (str.lower, str.upper)
) | {"\u0130", "\u0131"}  # re's IGNORECASE also lets İ and ı stand for i
_RELATIVE_TIME_MAX_WORDS = 5
# A gallery's slide counter starting a line: "3/50 Star Wars boosts economy", "3 of 12".
# (Found after a line break: a literal first character keeps the scan fast; dates go.)
_SLIDE_COUNTER = re.compile(r"\n(\d{1,3}) ?(?:/|of) ?(\d{1,3})(?![/\d])", re.IGNORECASE)
# A comment's header line: a date or time, then who "said:" (WordPress and most blog themes).
_COMMENT_VERBS = ("said:", "says:", "wrote:", "writes:", "commented:", "replied:")
_COMMENT_HEADER = re.compile(
    rf"^.{{0,80}}(?:\b\d{{1,2}}:\d{{2}}\b|\b(?:19|20)\d{{2}}\b|\bago\b).{{0,80}}\b(?:{'|'.join(_COMMENT_VERBS)})$",
    re.IGNORECASE)
_DATE = regex.compile(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\.?\s+{_MONTH}\.?,?\s+\d{{4}}\b|"
    r"\b\d{4}-\d{2}-\d{2}(?:\b|(?=T\d))|\b\d{1,2}/\d{1,2}/\d{2,4}\b", regex.IGNORECASE)
# "June 9 – West Palm Beach, FL": an item of a schedule (tour dates, fixtures, events).
_SCHEDULE_ITEM = regex.compile(rf"^{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b", regex.IGNORECASE)
_SEPARATORS = regex.compile(r"\s[|\u2022\u00b7\u00bb\u203a/>]\s|\s[|\u2022\u00b7]|[|\u2022\u00b7]\s")


class BlockFeatures(NamedTuple):
    """A block's features (a named tuple: one is built per block, and a tuple is cheap)."""

    words: int
    terminal: bool  # ends like a sentence
    stop_ratio: float
    separators: int  # pipes, bullets, chevrons between items ("Home | News | Sport")
    title_case: float  # share of words starting upper-case (headline and menu style)
    code_like: bool  # braces, semicolons, calls: a code listing inside the article
    counter: bool  # "Docs (96)", "12 Comments": an item of a counted list or widget
    digit_ratio: float  # share of words that are numbers (table rows, scores)
    stamp: bool  # a short time-of-day, "... ago" or "name says:" line
    dated: bool  # a short line holding a date (a dateline, a teaser's date)
    lower_start: bool  # starts with a lower-case letter: the rest of a wrapped sentence
    continued: bool  # the next block starts lower-case: this one is a wrapped line
    schedule_item: bool  # starts with a month and day: an entry of a schedule
    announces: bool  # ends with a colon: a list or table follows
    cjk: bool  # mostly Chinese, Japanese or Korean script: no stop words or title case to judge
    markup: bool  # at least half of it is HTML tags (a tracking pixel's <img ...>): debris


def block_features(text: str, next_text: str = "") -> BlockFeatures:
    return _features(text.strip(), next_text, True, True, True, True)


# Characters without which a pattern cannot match. `document_features` finds the blocks
# holding them in one pass over the text (one hit per line: the rest of the line is taken
# with it) and skips the pattern's search in every other block.
_SEPARATOR_CHAR = re.compile(r"[|\u2022\u00b7\u00bb\u203a/>][^\r\n]*")
_CODE_CHAR = re.compile(r"[\[\]{}();=/][^\r\n]*")
_DIGIT = regex.compile(r"\d[^\r\n]*")  # counters, stamps' times, dates, schedule items
_TAG_OPEN = re.compile(r"<[^\r\n]*")  # HTML tags (markup)
# Last characters of the lines _STAMP's end-anchored branches match ("ago", "says", "writes:").
_STAMP_ENDS = frozenset("oOsS\u017f:")
_first_char = itemgetter(0)
_ASCII_NON_DIGITS = bytes(c for c in range(128) if not chr(c).isdigit())
_ASCII_NON_UPPER = bytes(c for c in range(128) if not chr(c).isupper())


def _features(stripped: str, next_text: str, cjk_possible: bool, separator_possible: bool,
              code_possible: bool, digit_possible: bool) -> BlockFeatures:
    """Features of a stripped block; a pattern whose `*_possible` is False is known not to match."""
    if stripped.isascii():
        tokens = _ASCII_WORD.findall(stripped)
        cjk = 0
    else:
        tokens = WORD.findall(stripped)
        cjk = len(_CJK.findall(stripped)) if cjk_possible else 0
    n = len(tokens)
    digits, upper, cased = _first_char_counts("".join(map(_first_char, tokens)))
    stops = sum(map(STOP_WORDS.__contains__, map(str.lower, tokens)))
    # CJK text has no spaces: count two characters as a word so lengths compare.
    return _shape(stripped, next_text, n + cjk // 2, n, stops, digits, upper, cased,
                  cjk * 3 >= sum(map(len, tokens)) if cjk else not tokens,
                  separator_possible, code_possible, digit_possible)


def _is_markup(text: str) -> bool:
    return markup_share(text) >= MARKUP_MIN_SHARE


def _is_stamp(text: str, n: int, last: str) -> bool:
    """A time of day, a "how long ago" line or a "name says:" header (`last`: text's last character)."""
    if n > 14:
        return False
    if (":" in text or last in _STAMP_ENDS) and _STAMP.search(text) is not None:
        return True
    return n <= _RELATIVE_TIME_MAX_WORDS and _RELATIVE_TIME.fullmatch(text) is not None


def _first_char_counts(firsts: str) -> tuple[int, int, int]:
    """(digits, upper-case letters, letters) among the first characters of a block's words."""
    if firsts.isascii():  # letters and digits only: counted in C rather than in a loop
        ascii_firsts = firsts.encode()
        digits = len(ascii_firsts.translate(None, _ASCII_NON_DIGITS))
        return digits, len(ascii_firsts.translate(None, _ASCII_NON_UPPER)), len(firsts) - digits
    return (sum(map(str.isdigit, firsts)), sum(map(str.isupper, filter(str.isalpha, firsts))),
            sum(map(str.isalpha, firsts)))


def _shape(stripped: str, next_text: str, words: int, n: int, stops: int, digits: int, upper: int,
           cased: int, cjk: bool, separator_possible: bool, code_possible: bool,
           digit_possible: bool) -> BlockFeatures:
    """BlockFeatures from a block's text and its word counts (`n` words matched, `words` with
    CJK characters counted in)."""
    # The end-anchored patterns only need the end of a long block.
    tail = stripped[-40:]
    counted = stripped if n <= 3 else tail
    # Positional, in field order: a keyword call costs as much again as building the tuple.
    return BlockFeatures(
        words,
        tail.rstrip(_CLOSERS)[-1:] in _ENDERS,  # terminal
        stops / n if n else 0.0,  # stop_ratio
        len(_SEPARATORS.findall(stripped)) if separator_possible else 0,  # separators
        upper / cased if cased else 0.0,  # title_case
        code_possible and bool(_CODE_LIKE.search(stripped)),  # code_like
        # counter: _COUNTER ends with ")" or starts with a digit.
        (digit_possible and (counted[-1:] == ")" or counted[:1].isdigit())
         and bool(_COUNTER.search(counted))),
        digits / n if n else 0.0,  # digit_ratio
        _is_stamp(stripped, n, stripped[-1:]),  # stamp
        n <= 10 and digit_possible and bool(_DATE.search(stripped)),  # dated
        stripped[:1].islower(),  # lower_start
        next_text.lstrip()[:1].islower(),  # continued
        digit_possible and bool(_SCHEDULE_ITEM.match(stripped)),  # schedule_item
        stripped.endswith(":"),  # announces
        cjk,
        _is_markup(stripped),  # markup
    )


@dataclass(frozen=True)
class ArticleLayout:
    """Per-block features and scores, and the article's runs as block index pairs [first, last]."""

    features: tuple[BlockFeatures, ...]
    scores: tuple[float, ...]
    runs: tuple[tuple[int, int], ...]  # sorted; empty when the page has no run of prose

    def inside(self, block_index: int) -> bool:
        return any(first <= block_index <= last for first, last in self.runs)

    def inside_flags(self) -> list[bool]:
        """`inside` of every block, in one go."""
        flags = [False] * len(self.scores)
        for first, last in self.runs:
            flags[first:last + 1] = [True] * (last + 1 - first)
        return flags

    def distance(self, block_index: int) -> int:
        """Blocks between `block_index` and the nearest run (0 inside one)."""
        return min((max(first - block_index, block_index - last, 0) for first, last in self.runs),
                   default=len(self.scores))

    def depth(self, block_index: int) -> int:
        """Blocks between `block_index` and the nearer edge of the run holding it (-1 outside)."""
        return max((min(block_index - first, last - block_index) for first, last in self.runs
                    if first <= block_index <= last), default=-1)

    @property
    def found(self) -> bool:
        return bool(self.runs)


# Scoring constants: a sentence-like block earns a tenth of its words (capped); a block that
# looks like a menu or list entry (few words, title case, separators, counters) costs one;
# other non-sentences (code, table rows, lower-case fragments, wrapped lines) cost little,
# so the run can bridge them; a block a phrase pack recognised, a timestamp or "name
# says:" line (the skeleton of comment threads), or leftover HTML (at least MARKUP_MIN_SHARE
# of its characters in tags), costs three. Dates count as menu entries.
PROSE_MIN_WORDS = 8
PROSE_MIN_STOP_RATIO = 0.12
WORDS_PER_POINT = 10.0
MAX_BLOCK_POINTS = 6.0
SHORT_BLOCK_COST = 1.0
FRAGMENT_BLOCK_COST = 0.25
WIDGET_BLOCK_COST = 3.0
MENU_MAX_WORDS = 4
MAX_LIST_ITEMS = 80
SIDE_MIN_POINTS = 3.0
HEADLINE_WINDOW = 5
HEADLINE_BONUS = 3.0
SIDE_OVERLAP = 0.4
LIST_MIN_ITEMS = 3
TABLE_ROW_POINTS = 0.1
MARKUP_MIN_SHARE = 0.5


def is_prose(f: BlockFeatures, stop_words_apply: bool, cjk_ends_sentences: bool = False) -> bool:
    """`cjk_ends_sentences`: the page's CJK text ends its sentences with punctuation (news
    does; casual blogs often do not), so a CJK block without it must be long to be prose."""
    if f.words < PROSE_MIN_WORDS or f.separators >= 2:
        return False
    if f.cjk:
        return not cjk_ends_sentences or f.terminal or f.words >= 25
    if stop_words_apply and f.stop_ratio < PROSE_MIN_STOP_RATIO:
        return False
    # A hard-wrapped sentence: it goes on, lower-case, on the next line.
    wrapped_sentence = f.continued and f.title_case < 0.4
    return f.terminal or f.words >= 25 or wrapped_sentence


def is_menu_like(f: BlockFeatures) -> bool:
    """A menu, list or widget entry, label or headline rather than a fragment of article text."""
    if f.code_like and f.title_case < 0.5:
        return False
    if (f.digit_ratio >= 0.3 and f.words >= 3) or (f.schedule_item and f.words >= 5):
        return False  # a table row or a schedule entry
    if not f.terminal and not f.lower_start:
        return True  # a menu entry, a label, a headline (a sub-heading inside the run is cheap)
    if f.separators >= 2 or f.counter or f.dated:
        return True
    # A short sentence of mostly lower-case words ("That's correct," she said.) is article
    # text; a label of one or two words ("Read more.", "Share") or in title case is not.
    short_sentence = f.words >= 3 and f.title_case < 0.5 and not f.announces
    return f.words <= MENU_MAX_WORDS and not short_sentence


def block_score(f: BlockFeatures, stop_words_apply: bool, widget: bool, cjk_ends_sentences: bool = False) -> float:
    if widget or f.stamp or f.markup:
        return -WIDGET_BLOCK_COST
    if is_prose(f, stop_words_apply, cjk_ends_sentences):
        return min(f.words / WORDS_PER_POINT, MAX_BLOCK_POINTS)
    return -SHORT_BLOCK_COST if is_menu_like(f) else -FRAGMENT_BLOCK_COST


def max_sum_run(scores: list[float]) -> tuple[int, int, float]:
    """(first, last, total) of the contiguous segment with the largest sum (Kadane)."""
    best = (-1, -1, 0.0)
    start, total = 0, 0.0
    for i, score in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += score
        if total > best[2]:
            best = (start, i, total)
    return best


def document_features(doc: Document) -> list[BlockFeatures]:
    """Features of every block, computed once per document (they do not depend on widgets)."""
    cached = doc.__dict__.get("_block_features")
    if cached is None:
        texts = [block.text for block in doc.blocks]
        if _CJK_RANGES.search(doc.text) is not None or BREAK in doc.text:
            nexts = texts[1:] + [""]
            separators = _blocks_with(doc, _SEPARATOR_CHAR)
            code = _blocks_with(doc, _CODE_CHAR)
            digits = _blocks_with(doc, _DIGIT)
            cached = [_features(text, nexts[i], True, i in separators, i in code, i in digits)
                      for i, text in enumerate(texts)]
        else:
            cached = _column_features(doc, texts)
        doc.__dict__["_block_features"] = cached
    return cached


# _CODE_LIKE's branches that are not anchored at a block's first or last character: the
# literal ones, and a call ("x.f(") looked for only in blocks holding a "(".
# (A character class first lets re skip ahead fast; a "/" counts only before another.)
_CODE_INSIDE = re.compile(r"[{};=/](?:(?<!/)|(?=/))[^\r\n]*")
_PAREN = re.compile(r"\([^\r\n]*")
_CALL = regex.compile(r"\w\.\w+\(")
# Characters a match of _SCHEDULE_ITEM (case-insensitive) can start with.
_MONTH_INITIALS = frozenset("ADFJMNOSadfjmnos\u017f")
_first = itemgetter(slice(None, 1))
_last = itemgetter(slice(-1, None))
_tail = itemgetter(slice(-40, None))
_start = methodcaller("start")
_announces = attrgetter("announces")


def _column_features(doc: Document, texts: list[str]) -> list[BlockFeatures]:
    """`_features` of every block of a document without CJK text, field by field: the
    common fields by C-level maps over all blocks, the rare ones (found by one pass over
    the text for the characters they need) on their few candidate blocks only."""
    count = len(texts)
    ns, stops, digits, upper, cased = _word_counts(doc)
    tails = list(map(_tail, texts))
    firsts = list(map(_first, texts))
    lasts = list(map(_last, texts))
    lower_start = list(map(str.islower, firsts))
    separators = [0] * count
    for i in _blocks_with(doc, _SEPARATOR_CHAR):
        separators[i] = len(_SEPARATORS.findall(texts[i]))
    # _CODE_LIKE: "[", "{", "(" or ")" last, "]", ")" or "}" first, or a branch inside.
    code_like = [last in "[{()" or first in "])}" for first, last in zip(firsts, lasts)]
    for i in _blocks_with(doc, _CODE_INSIDE):
        code_like[i] = True
    for i in _blocks_with(doc, _PAREN):
        code_like[i] = code_like[i] or bool(_CALL.search(texts[i]))
    counter, dated, schedule_item = [False] * count, [False] * count, [False] * count
    digit_blocks = _blocks_with(doc, _DIGIT)
    for i in digit_blocks:
        text, n = texts[i], ns[i]
        counted = text if n <= 3 else tails[i]
        counter[i] = ((counted[-1:] == ")" or counted[:1].isdigit())
                      and bool(_COUNTER.search(counted)))
        dated[i] = n <= 10 and bool(_DATE.search(text))
        schedule_item[i] = firsts[i] in _MONTH_INITIALS and bool(_SCHEDULE_ITEM.match(text))
    markup = [False] * count
    for i in _blocks_with(doc, _TAG_OPEN):
        markup[i] = _is_markup(texts[i])
    stamp = [n <= 14 and (":" in text or last in _STAMP_ENDS) and bool(_STAMP.search(text))
             for text, n, last in zip(texts, ns, lasts)]
    # "Hace 2 horas", "vor einer Stunde": a numeral, or a first word from _RELATIVE_INITIALS.
    relative = digit_blocks.union(compress(range(count), map(_RELATIVE_INITIALS.__contains__, firsts)))
    for i in relative:
        if ns[i] <= _RELATIVE_TIME_MAX_WORDS and not stamp[i] and _RELATIVE_TIME.fullmatch(texts[i]) is not None:
            stamp[i] = True
    columns = (
        ns,
        [tail.rstrip(_CLOSERS)[-1:] in _ENDERS for tail in tails],  # terminal
        [s / n if n else 0.0 for s, n in zip(stops, ns)],  # stop_ratio
        separators,
        [u / c if c else 0.0 for u, c in zip(upper, cased)],  # title_case
        code_like,
        counter,
        [d / n if n else 0.0 for d, n in zip(digits, ns)],  # digit_ratio
        stamp,
        dated,
        lower_start,
        lower_start[1:] + [False],  # continued: the next block (stripped) starts lower-case
        schedule_item,
        list(map(str.endswith, texts, repeat(":"))),  # announces
        list(map(not_, ns)),  # cjk: no CJK text, so a block without words
        markup,
    )
    return list(map(tuple.__new__, repeat(BlockFeatures), zip(*columns)))


# Word statistics of all blocks of a document without CJK text, in a few C-level passes over
# the document's words (`language.block_words`, with BREAK between blocks): strings with one
# character per word are split at the breaks.
# One character per word: "s" for a stop word (lower-cased), the break kept, else nothing.
_STOP_MARK = dict.fromkeys(STOP_WORDS, "s") | {BREAK: BREAK}
# First characters (ASCII) as classes: "d" digit, "u" upper-case letter, "l" other letter.
_FIRST_CLASS = bytes.maketrans(
    bytes(range(128)),
    bytes(0 if c == 0 else ord("d") if chr(c).isdigit() else ord("u") if chr(c).isupper()
          else ord("l") for c in range(128)))


def _word_counts(doc: Document) -> tuple[list[int], ...]:
    """Per block: words, stop words, words starting with a digit, with an upper-case letter,
    with a letter (the counts `_features` takes from each block's own tokens)."""
    tokens, lowered, _ = block_words(doc)
    stops = "".join(map(_STOP_MARK.get, lowered, repeat(""))).split(BREAK)
    firsts = "".join(map(_first_char, tokens))
    if firsts.isascii():
        classes = firsts.encode().translate(_FIRST_CLASS).split(b"\x00")
        digits = list(map(bytes.count, classes, repeat(b"d")))
        return (list(map(len, classes)), list(map(len, stops)), digits,
                list(map(bytes.count, classes, repeat(b"u"))), list(map(sub, map(len, classes), digits)))
    counts = list(map(_first_char_counts, firsts.split(BREAK)))
    return ([len(block) for block in firsts.split(BREAK)], list(map(len, stops)),
            *map(list, zip(*counts)))


def _blocks_with(doc: Document, pattern: re.Pattern | regex.Pattern) -> set[int]:
    """Blocks holding a match of `pattern` (which starts on a non-space character, so inside
    a block: the number of later blocks starting at or before it is its block's index)."""
    later_starts = doc.block_starts[1:]
    return set(map(bisect_right, repeat(later_starts), map(_start, pattern.finditer(doc.text))))


def article_layout(doc: Document, widget_blocks: Collection[int] = ()) -> ArticleLayout:
    """The main run of prose of `doc`; `widget_blocks` are blocks a phrase pack matched."""
    features = document_features(doc)
    widgets = set(widget_blocks)
    scores = list(_plain_scores(doc, features))
    for i in widgets:
        if 0 <= i < len(scores):
            scores[i] = -WIDGET_BLOCK_COST
    _announced_lists(features, scores, widgets)
    _headline_bonus(doc, scores)
    runs = [_extend_over_fragments(scores, first, last)
            for first, last in _article_runs(scores, doc, _comment_headers(doc, features))]
    return ArticleLayout(tuple(features), tuple(scores), tuple(sorted(runs)))


def _plain_scores(doc: Document, features: list[BlockFeatures]) -> list[float]:
    """block_score of every block as if no block were a widget, once per document (a widget
    block's score does not depend on its features)."""
    cached = doc.__dict__.get("_plain_scores")
    if cached is None:
        long_blocks = [f for f in features if f.words >= PROSE_MIN_WORDS]
        # Languages without a stop-word list here are judged by shape alone: those no long
        # block has stop words in (Korean, Chinese), and those whose sentences (long,
        # terminal, mostly lower-case words) mostly have none, whatever a few chance hits
        # say (Latvian). Lists of names and scores are not sentences and do not count.
        sentences = [f.stop_ratio >= PROSE_MIN_STOP_RATIO for f in long_blocks
                     if f.terminal and f.title_case < 0.4]
        stop_words_apply = (bool(long_blocks) and max(f.stop_ratio for f in long_blocks) >= 0.1
                            and sum(sentences) * 2 >= len(sentences))
        cjk_blocks = [f for f in long_blocks if f.cjk]
        cjk_ends_sentences = sum(f.words for f in cjk_blocks if f.terminal) * 2 >= sum(f.words for f in cjk_blocks)
        cached = [block_score(f, stop_words_apply, False, cjk_ends_sentences) for f in features]
        doc.__dict__["_plain_scores"] = cached
    return cached


def slideshow_blocks(doc: Document) -> set[int]:
    """The blocks of photo galleries: three or more lines numbered "n/N" (or "n of N") with
    the same N (5 or more: "1/3" numbers tweet threads) and rising n, from the first to the
    caption after the last. Their captions are long prose, so a gallery inside the article
    stays in its run (which it does not cut in two): B101 reports these blocks wherever
    they are."""
    cached = doc.__dict__.get("_slideshow_blocks")
    if cached is None:
        cached = doc.__dict__["_slideshow_blocks"] = _find_slideshows(doc)
    return cached


def _find_slideshows(doc: Document) -> set[int]:
    numbered: dict[int, list[tuple[int, int]]] = {}  # N -> (n, block index)
    # A line break first, so that the first line is found too ("\n" at offset i of the
    # scanned string is just before offset i of the text).
    for m in _SLIDE_COUNTER.finditer("\n" + doc.text):
        number, total = int(m.group(1)), int(m.group(2))
        index = doc.block_index_at(m.start())
        if 1 <= number <= total and index is not None:
            numbered.setdefault(total, []).append((number, index))
    blocks: set[int] = set()
    for slides_total, slides in numbered.items():
        numbers = [number for number, _ in slides]
        if len(slides) >= 3 and slides_total >= 5 and all(a < b for a, b in zip(numbers, numbers[1:])):
            indices = [index for _, index in slides]
            caption = min(b - a for a, b in zip(indices, indices[1:])) - 1  # blocks after each counter
            blocks.update(range(indices[0], min(indices[-1] + caption + 1, len(doc.blocks))))
    return blocks


def _announced_lists(features: list[BlockFeatures], scores: list[float], widgets: set[int]) -> None:
    """Score a line ending with a colon ("... as follows:") and the list or table items it
    announces (menu-like lines, table rows, or times in a timetable) as part of the article,
    up to the next sentence or widget block.

    List items cost as fragments. A table of at least LIST_MIN_ITEMS rows announced by a
    sentence is one unit of the article's content: its rows cost nothing and the table earns
    TABLE_ROW_POINTS per row (capped like a paragraph), so a long table does not cut the
    article it belongs to short.
    """
    end = 0  # blocks before `end` are items of a list scored already
    for i in compress(range(len(features)), map(_announces, features)):
        if i >= end and i not in widgets:
            j = i + 1
            while (j < len(features) and j - i <= MAX_LIST_ITEMS and j not in widgets
                   and (scores[j] in (-SHORT_BLOCK_COST, -FRAGMENT_BLOCK_COST) or _timetable_row(features[j]))):
                j += 1
            items = range(i + 1, j)
            rows = sum(1 for k in items if _table_row(features[k]))
            # Only a sentence introduces a table ("The final standings are:"); a bare
            # label ("Standings:") heads a sidebar widget as often as an article's table.
            table = scores[i] > 0 and rows >= LIST_MIN_ITEMS and rows * 2 > len(items)
            for k in items:
                scores[k] = 0.0 if table else -FRAGMENT_BLOCK_COST
            if table:
                scores[i] = max(scores[i], 0.0) + min(rows * TABLE_ROW_POINTS, MAX_BLOCK_POINTS)
            elif j - i > 2 and scores[i] < 0:
                scores[i] = -FRAGMENT_BLOCK_COST
            end = j


def _headline_bonus(doc: Document, scores: list[float]) -> None:
    """Pages print the headline right above the article: the first sentence-like block
    within HEADLINE_WINDOW blocks after a copy of the title earns HEADLINE_BONUS."""
    if not doc.title:
        return
    keys = title_keys(doc.title)
    block_keys = block_comparison_keys(doc)
    for index in compress(range(len(block_keys)), map(keys.__contains__, block_keys)):
        following = range(index + 1, min(index + 1 + HEADLINE_WINDOW, len(scores)))
        first_prose = next((i for i in following if scores[i] > 0), None)
        if first_prose is not None:
            scores[first_prose] += HEADLINE_BONUS


def _table_row(f: BlockFeatures) -> bool:
    """A row of a table: several cells, a good share of them numbers."""
    return f.digit_ratio >= 0.3 and f.words >= 3


def _timetable_row(f: BlockFeatures) -> bool:
    """A time-of-day line that is not a "name says:" comment header."""
    return f.stamp and not f.announces


# A word of four characters or more (WORD, at least three characters after the first).
_LONG_WORD = regex.compile(f"{WORD_START}{WORD_REST}{{3,}}")
_TABLE_LONG_WORD = re.compile(f"[{TABLE_WORD_START}][{TABLE_WORD_REST}]{{3,}}")


def _content_words(doc: Document, first: int, last: int) -> set[str]:
    """Lower-cased words of four characters or more, stop words aside, of blocks first..last
    (one pass over their span of the text: only white space lies between blocks). Kept per
    document: the layouts with and without widget blocks mostly share their runs."""
    cache = doc.__dict__.setdefault("_content_words", {})
    words = cache.get((first, last))
    if words is None:
        blocks = doc.blocks
        start, end = blocks[first].start, blocks[last].end
        pattern = _TABLE_LONG_WORD if OUTSIDE_TABLE.search(doc.text, start, end) is None else _LONG_WORD
        found = pattern.findall(doc.text, start, end)
        words = cache[first, last] = set(map(str.lower, found)) - STOP_WORDS
    return words


def _article_runs(scores: list[float], doc: Document, comment_headers: list[int]) -> list[tuple[int, int]]:
    """The main run, plus side runs that continue its subject.

    An article cut by an inline gallery, video player or related box leaves a piece on
    the far side that costs more to reach than it earns. Going outwards from the main
    run, the best segment on each side is taken while it scores at least SIDE_MIN_POINTS
    and at least SIDE_OVERLAP of its content words occur in the main run (lexical
    cohesion: teasers and comments on other subjects fail it). Without the cohesion test,
    side runs let in more comment threads and teaser lists than they won back.
    """
    first, last, _ = max_sum_run(scores)
    if first < 0:
        return []
    end = len(scores)
    thread = _comment_thread_start(comment_headers, first, last)
    if thread is not None:  # the article ends where the thread starts; nothing after it joins
        last, end = thread - 1, thread
    runs = [(first, last)]
    for lo, hi in ((0, first), (last + 1, end)):
        while hi > lo:
            a, b, side = max_sum_run(scores[lo:hi])
            if a < 0 or side < SIDE_MIN_POINTS:
                break
            words = _content_words(doc, lo + a, lo + b)
            if not words or len(words & _content_words(doc, first, last)) / len(words) < SIDE_OVERLAP:
                break
            runs.append((lo + a, lo + b))
            if lo == 0:
                hi = lo + a
            else:
                lo = lo + b + 1
    return runs


def _comment_thread_start(comment_headers: list[int], first: int, last: int) -> int | None:
    """The first of two or more comment headers ("Alex on May 3, 2018 at 6:34 am said:")
    inside the run, when the run starts before it. Long comments outscore their headers, so
    a thread after the article would otherwise join its run. A dated header is needed: the
    article's own "the minister said:" before a quotation has no date or time."""
    inside = [i for i in comment_headers if first < i <= last]
    return inside[0] if len(inside) >= 2 else None


def _comment_headers(doc: Document, features: list[BlockFeatures]) -> list[int]:
    """Blocks that are comment headers, once per document (both layouts ask)."""
    cached = doc.__dict__.get("_comment_headers")
    if cached is None:
        blocks = doc.blocks
        cached = doc.__dict__["_comment_headers"] = [
            i for i in compress(range(len(features)), map(_announces, features))
            if blocks[i].text.endswith(_COMMENT_VERBS) and _COMMENT_HEADER.search(blocks[i].text) is not None]
    return cached


def _extend_over_fragments(scores: list[float], first: int, last: int) -> tuple[int, int]:
    """Grow the run over adjoining fragments (table rows, code, list items) of the article.

    The maximum-sum run stops before any trailing block that costs something, so a table or
    listing that ends the article would be cut off; fragments are not menu entries, so the
    run takes them, and the sentences that follow them (the article going on after its
    listing), up to the first menu-like or widget block. One menu-like block
    right after the run is taken too when at least LIST_MIN_ITEMS fragments follow it: a
    sub-heading over a closing list ("Tour dates").
    """
    while True:
        if last + 1 < len(scores) and (_fragment(scores[last + 1]) or scores[last + 1] > 0):
            last += 1
        elif (last + 1 < len(scores) and scores[last + 1] == -SHORT_BLOCK_COST
              and all(_fragment(s) for s in scores[last + 2:last + 2 + LIST_MIN_ITEMS])
              and last + 1 + LIST_MIN_ITEMS < len(scores)):
            last += 1
        else:
            break
    while first - 1 >= 0 and (_fragment(scores[first - 1]) or scores[first - 1] > 0):
        first -= 1
    return first, last


def _fragment(score: float) -> bool:
    """A fragment of article text (a table row, code, a list item): costs little or nothing."""
    return -FRAGMENT_BLOCK_COST <= score <= 0.0


def cached_layout(doc: Document, widget_blocks: Collection[int] = ()) -> ArticleLayout:
    """`article_layout`, computed once per document and set of widget blocks."""
    key = ("_article_layout", frozenset(widget_blocks))
    cache = doc.__dict__.setdefault("_layout_cache", {})
    if key not in cache:
        cache[key] = article_layout(doc, widget_blocks)
    return cache[key]


__all__ = ["ArticleLayout", "BlockFeatures", "article_layout", "block_features", "cached_layout",
           "is_menu_like", "is_prose", "max_sum_run", "slideshow_blocks"]
