"""Numbers glued to words ("3million", "billion5") and wrong ordinal suffixes ("1th")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from newslint.checks.numbers_common import CURRENCY_SYMBOLS, FUNCTION_WORDS, digit_runs, matches_starting_before
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.rule import Rule

# Lower-case letter runs that may follow a number without a space: unit abbreviations, time
# words and "20something". Runs of one to three letters ("20km", "60fps", "6am", "1990s", "10th") are all
# accepted; only longer runs are checked against this list.
GLUED_SUFFIX_OK = frozenset({
    "mins", "secs", "hrs", "yrs", "kmph", "kmh", "mph", "kwh", "mwh", "gwh", "mbps", "gbps",
    "kbps", "kcal", "mmhg", "noon", "midnight", "sqft", "sqm", "bhp", "gsm", "ghz", "mhz",
    "khz", "thz", "lbs", "kgs", "cwt", "mah", "kohm", "tbsp", "mmol", "mbar", "lbft", "gbit",
    "mbit", "kbit", "sqkm", "something", "somethings",
})
# Three-letter words that are plainly words, not units, when glued after a number.
SHORT_WORDS = frozenset({
    "and", "the", "for", "per", "but", "was", "are", "has", "had", "not", "who", "all", "new",
    "old", "men", "yet", "out", "off", "now", "won", "set", "got", "saw", "put", "day", "say",
})
# Words that are plainly words when glued before a number ("in2019", "billion5").
WORDS_BEFORE_NUMBER = FUNCTION_WORDS | {
    "thousand", "million", "billion", "trillion", "hundred", "percent", "roughly",
    "approximately", "estimated", "reached", "rose", "fell",
}

# The number may be a time or a score ("4:25kickoff", "38-10bulge").
_NUMBER_THEN_LETTERS = regex.compile(
    r"(?<![\p{L}\p{N}_@#/.\-:\\])(?P<number>\d+(?:[.,:/-]\d+)*)(?P<word>[a-z]{3,})(?![\p{L}\p{N}_])")
_LETTERS_THEN_NUMBER = regex.compile(
    r"(?<![\p{L}\p{N}_@#/.\-\\])(?P<word>[a-z]{2,})(?P<number>\d+(?:[.,]\d+)*)(?![\p{L}\p{N}_])")


# Where those patterns can match: around a run of digits with a lower-case ASCII letter after
# (or before) it, inside the run of number characters (or letters) that holds it.
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}_@#])\p{Ll}+(?![\p{L}\p{N}_])")
_NUMBER_RUN_BEFORE = regex.compile(r"[\d.,:/-]*", regex.REVERSE)
_LETTER_RUN = regex.compile(r"[a-z]*")
_LETTER_RUN_BEFORE = regex.compile(r"[a-z]*", regex.REVERSE)
_WORD_SUFFIXES = ("ing", "ed", "ly", "tion", "ment")


def _numbers_then_letters(doc: Document) -> list[regex.Match]:
    """_NUMBER_THEN_LETTERS.finditer(doc.text), searched only where digits meet letters."""
    text = doc.text
    spots = ((end, _LETTER_RUN.match(text, end).end() + 1) for _, end in digit_runs(doc)
             if text[end:end + 1] in _ASCII_LOWER)
    return list(matches_starting_before(_NUMBER_THEN_LETTERS, text, spots, _NUMBER_RUN_BEFORE))


def _letters_then_numbers(doc: Document) -> list[regex.Match]:
    """_LETTERS_THEN_NUMBER.finditer(doc.text): a match starts where the letters before a
    digit run start (the pattern allows no letter before it)."""
    text = doc.text
    found = []
    last_end = 0
    for start, _ in digit_runs(doc):
        if text[start - 1:start] in _ASCII_LOWER:
            letters = _LETTER_RUN_BEFORE.match(text, 0, start).start()
            match = _LETTERS_THEN_NUMBER.match(text, letters) if letters >= last_end else None
            if match:
                last_end = match.end()
                found.append(match)
    return found


_SEARCHES_BEFORE_VOCABULARY = 4


def _used_alone(word: str, doc: Document) -> bool:
    """Does the document use the lower-case `word` on its own, not inside a longer word,
    number or handle? The first few words asked are found with one search each (most
    documents ask about none or one); after that the document's vocabulary is built once."""
    vocabulary = doc.__dict__.get("_numbers_vocabulary")
    if vocabulary is None:
        asked = doc.__dict__.get("_numbers_words_asked", 0) + 1
        doc.__dict__["_numbers_words_asked"] = asked
        if asked <= _SEARCHES_BEFORE_VOCABULARY:
            return regex.search(rf"(?<![\p{{L}}\p{{N}}_@#]){word}(?![\p{{L}}\p{{N}}_])", doc.text) is not None
        vocabulary = doc.__dict__["_numbers_vocabulary"] = frozenset(_LOWER_WORD.findall(doc.text))
    return word in vocabulary


def _looks_like_word(word: str, doc: Document) -> bool:
    """Is a letter run glued before a number a word ("like1978", "within24") rather than a
    name or code ("mp3", "covid19")? Words the document uses on their own elsewhere and long
    words with an English inflection count as words."""
    return _used_alone(word, doc) or (len(word) >= 5 and word.endswith(_WORD_SUFFIXES))


class NumberGluedToWord(Rule):
    """A number and a word written without the space between them.

    ## What it does
    Finds "3million", "24hours", "billion5", "in2019": a number glued to a word. Before a
    number, a letter run counts as a word when it is a common word, or when the document
    uses it on its own elsewhere or it ends like an English word ("-ing", "-ed") and the
    glued token occurs only once, so user names and codes ("elmo666" written six times,
    "mp3", "covid19") stay quiet; a number-then-word token repeated in the document is taken
    for a name too, unless the word is a magnitude ("3million"). Unit
    abbreviations glued to a number are an accepted style and are not flagged ("20km",
    "60fps", "6am", "1080p", "1990s", "12noon"), nor are mixed-case names ("4Motion", "5G")
    or tokens of codes, links and handles. After a currency sign ("£38million") the glued
    form is a house style of some British papers and is reported at info level only.

    ## Why is this bad?
    Extraction drops the space when a number and a word sat in separate elements; the
    result is hard to read and breaks search and tokenisation.

    ## Example
    ```text
    The plan costs 3million dollars and takes 24hours, starting in2019.
    ```

    ## Use instead
    ```text
    The plan costs 3 million dollars and takes 24 hours, starting in 2019.
    ```
    """

    code = "N201"
    name = "number-glued-to-word"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "A number glued to a word (\"3million\", \"billion5\")."

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        glued = _numbers_then_letters(doc)
        repeats = Counter(match.group() for match in glued)
        for match in glued:
            word = match.group("word")
            if word in GLUED_SUFFIX_OK or (len(word) == 3 and word not in SHORT_WORDS):
                continue
            if repeats[match.group()] > 1 and word not in WORDS_BEFORE_NUMBER:
                continue  # the same token again and again is a name ("6rings..." in comments)
            after_currency = match.start() > 0 and text[match.start() - 1] in CURRENCY_SYMBOLS
            yield self._glued(match, severity=Severity.INFO if after_currency else None)
        glued = _letters_then_numbers(doc)
        repeats = Counter(match.group() for match in glued)
        for match in glued:
            word = match.group("word")
            if word in WORDS_BEFORE_NUMBER or (repeats[match.group()] == 1 and _looks_like_word(word, doc)):
                yield self._glued(match)

    def _glued(self, match: regex.Match, severity: Severity | None = None) -> Diagnostic:
        first, second = sorted((match.span("number"), match.span("word")))
        spaced = f"{match.string[first[0]:first[1]]} {match.string[second[0]:second[1]]}"
        fix = Fix.safe(f"Insert a space: {spaced!r}", Edit(first[1], first[1], " "))
        return self.diagnostic(match.start(), match.end(),
                               f"Number glued to a word: {match.group()!r}; write {spaced!r}.",
                               fix=fix, severity=severity)


_ORDINAL = regex.compile(r"(?<![\p{L}\p{N}_.,])(?P<number>\d+)(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)(?![\p{L}\p{N}_])")
_SUFFIX_LETTERS = frozenset("snrtSNRT")


def ordinal_suffix(number: int) -> str:
    """The English ordinal suffix: 1st 2nd 3rd 4th ... 11th 12th 13th ... 21st 22nd."""
    if 11 <= number % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


class WrongOrdinalSuffix(Rule):
    """An ordinal number with the wrong suffix.

    ## What it does
    Finds "1th", "2rd", "11st", "23th": an ordinal whose suffix does not match its number,
    and offers the right one as a safe fix (keeping the suffix's case).

    ## Why is this bad?
    The wrong suffix is a visible error, usually left by a template or a translation.

    ## Example
    ```text
    She finished 2rd, the 11st time a rookie made the podium since the 1th race.
    ```

    ## Use instead
    ```text
    She finished 2nd, the 11th time a rookie made the podium since the 1st race.
    ```
    """

    code = "N202"
    name = "wrong-ordinal-suffix"
    category = Category.NUMBERS
    severity = Severity.WARNING
    summary = "Ordinal with the wrong suffix (\"1th\", \"2rd\", \"11st\")."

    @staticmethod
    def _ordinals(doc: Document) -> Iterator[regex.Match]:
        """_ORDINAL.finditer(doc.text): a match is a whole run of digits and the letters after it."""
        text = doc.text
        for start, end in digit_runs(doc):
            if text[end:end + 1] in _SUFFIX_LETTERS:
                match = _ORDINAL.match(text, start)
                if match:
                    yield match

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for match in self._ordinals(doc):
            suffix = match.group("suffix")
            right = ordinal_suffix(int(match.group("number")))
            if suffix.lower() == right:
                continue
            right = right.upper() if suffix.isupper() else right
            fixed = match.group("number") + right
            fix = Fix.safe(f"Write {fixed!r}", Edit(match.start("suffix"), match.end("suffix"), right))
            yield self.diagnostic(match.start(), match.end(),
                                  f"Wrong ordinal suffix in {match.group()!r}; write {fixed!r}.", fix=fix)
