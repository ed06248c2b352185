"""Sentence debris: sentences that start in lower case after a full stop, and one- or
two-word fragments stranded between sentences ("... the 70-year-old. year Xi.").

Both come from text glued back together after markup or machine translation split it. The
segmenter already splits before a lower-case word after a full stop (unless the word before
is a known abbreviation), so these rules read `block.sentences` and add the exceptions that
clean English text needs: brand names, name particles, acronyms, list numbers, ellipses,
quoted titles and emphatic one-word sentences ("good. on. you.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from newslint.checks.block_shape import looks_like_code, words_of
from newslint.checks.english import NON_FINAL_WORDS, REVERSED_NON_FINAL_WORDS, english_only, reversed_text
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Block, Document
from newslint.rule import Rule
from newslint.segment import NON_TERMINAL_ABBREVIATIONS, TERMINAL_ABBREVIATIONS, Span

# Lower-case particles of names that may open a sentence ("van Gaal said ...").
NAME_PARTICLES = frozenset("van von de da di del della der den la le du dos das ten ter bin ibn al el".split())
# A stranded fragment has at most this many words.
FRAGMENT_MAX_WORDS = 2

_TOKEN_BEFORE_STOP = regex.compile(r"(\S+)\.$")
_FIRST_TOKEN = regex.compile(r"\S+")
# Stdlib \s is str.isspace, so it holds the segmenter's (regex) \s and what spans trim.
# A full stop, white space and a character that may be lower case: where S001's sentences
# start (the character is tested with str.islower; the class only leaves out capitals,
# digits and the usual openers, none of them lower case). The character is looked at, not
# consumed: it may be the next full stop (". . x").
_STOP_THEN_LOWER = re.compile(r"\.\s+(?=([^\sA-Z0-9\"'\u201c\u2018(\[]))")
# In the reversed text: a full stop that ends a sentence (white space or the end of the text
# after it), only non-word characters, then a word of NON_FINAL_WORDS standing alone (no
# letter or digit before it): where S004's function-word fragments end. Reversed, the scan
# starts at the full stop and needs no look-behind of variable width.
_REVERSED_FINAL_WORD = re.compile(r"\.(?<!\S\.)(?:\W|_)*(?i:%s)(?![^\W_])" % REVERSED_NON_FINAL_WORDS)
_ROMAN_OR_NUMBER = regex.compile(r"(?:\d{1,3}|[ivxlc]{1,4})", regex.IGNORECASE)


@dataclass(frozen=True)
class LowerStart:
    """A sentence that starts in lower case right after a sentence that ended in a full stop."""

    previous: Span
    sentence: Span
    words: int


def _ends_like_abbreviation(previous: str) -> bool:
    match = _TOKEN_BEFORE_STOP.search(previous)
    if not match:
        return False
    token = match.group(1).lstrip("\"'(\u201c\u2018[")
    lowered = token.lower()
    if lowered in NON_TERMINAL_ABBREVIATIONS or lowered in TERMINAL_ABBREVIATIONS:
        return True
    if "." in token or _ROMAN_OR_NUMBER.fullmatch(token):
        return True  # a dotted abbreviation ("Ph.D.") or a list number ("2.", "iv.")
    return token.isalpha() and token.isupper() and len(token) <= 5  # an acronym ("ID.")


def _normal_lower_start(first: str, second: str) -> bool:
    """A first word that is written in lower case on purpose."""
    if any(ch.isupper() or ch.isdigit() for ch in first[1:]):
        return True  # brand names: iPhone, eBay, my6sense
    if any(ch in first for ch in "./@:#"):
        return True  # domains, URLs, handles
    return first.lower() in NAME_PARTICLES and second[:1].isupper()


def _multi_sentence_blocks(doc: Document, offsets: Iterable[int]) -> list[Block]:
    """The blocks holding one of `offsets` that have two or more sentences, in order: only
    they are split into sentences."""
    indices = {doc.block_index_at(offset) for offset in offsets}
    indices.discard(None)
    blocks = doc.blocks
    return [blocks[i] for i in sorted(indices) if len(blocks[i].sentences) >= 2]


def _non_final_word_stops(doc: Document) -> list[int]:
    """Where a word of NON_FINAL_WORDS is the last word before a full stop that ends a
    sentence (offsets of the word)."""
    size = len(doc.text)
    return [size - match.end() for match in _REVERSED_FINAL_WORD.finditer(reversed_text(doc))]


def lower_case_starts(doc: Document) -> list[LowerStart]:
    """Sentences that begin in lower case after a full stop, minus the normal cases (cached:
    S001 and S004 both read them)."""
    cached = doc.__dict__.get("_lower_case_starts")
    if cached is None:
        stops = [m.start() for m in _STOP_THEN_LOWER.finditer(doc.text) if m.group(1).islower()]
        cached = list(english_only(doc, _lower_case_starts(doc, _multi_sentence_blocks(doc, stops))))
        doc.__dict__["_lower_case_starts"] = cached
    return cached


def _lower_case_starts(doc: Document, blocks: list[Block]) -> Iterator[LowerStart]:
    text = doc.text
    for block in blocks:
        sentences = block.sentences
        code: bool | None = None  # asked once per block, when a candidate needs it
        for index in range(1, len(sentences)):
            previous, sentence = sentences[index - 1], sentences[index]
            if not text[sentence.start].islower():
                continue
            body = text[sentence.start:sentence.end]
            before = text[previous.start:previous.end]
            # Only a bare full stop: "?", "!", an ellipsis or a quote closing after the stop
            # ('the "Meth. We're on it." campaign') let a lower-case word follow.
            if not before.endswith(".") or before.endswith("..") or before.endswith(". ."):
                continue
            if code is None:
                code = looks_like_code(block.text)
            if code:
                break
            if _ends_like_abbreviation(before):
                continue
            tokens = _FIRST_TOKEN.findall(body, 0, 80)
            first = tokens[0].rstrip(".,;:!?\u201d\u2019\"')")
            second = tokens[1] if len(tokens) > 1 else ""
            if _normal_lower_start(first, second):
                continue
            words = len(words_of(body))
            if words == 1 and _emphatic(text, sentences, index):
                continue
            yield LowerStart(previous, sentence, words)


def _emphatic(text: str, sentences: tuple[Span, ...], index: int) -> bool:
    """One-word sentences in a row ("all. of. you.") are a style, not debris."""
    neighbours = [sentences[i] for i in (index - 1, index + 1) if 0 <= i < len(sentences)]
    for span in neighbours:
        body = text[span.start:span.end]
        if len(words_of(body)) == 1 or (span.start > sentences[index].start and body[:1].islower()):
            return True
    return False


class LowerCaseSentenceStart(Rule):
    """Flags a sentence that starts in lower case right after a full stop.

    ## What it does
    Finds a full stop followed by a space and a lower-case word, where the word before the
    stop is not an abbreviation ("U.S.", "a.m.", "e.g.", "vs.", "No.", "St."), an initial,
    an acronym or a list number, the stop is not part of a number or an ellipsis, and the
    lower-case word is not written that way on purpose (brand names such as "iPhone" or
    "eBay", domains, name particles such as "van" or "de"). Only English text is checked;
    fragments of one or two words are left to S004.

    ## Why is this bad?
    A stray full stop in the middle of a sentence is debris from markup removed by a
    scraper or from machine translation; the sentence reads as two broken ones.

    ## Example
    ```text
    The mayor thanked the volunteers. who had cleared the park after the storm.
    ```

    ## Use instead
    ```text
    The mayor thanked the volunteers who had cleared the park after the storm.
    ```
    """

    code = "S001"
    name = "lower-case-sentence-start"
    category = Category.SENTENCE
    severity = Severity.WARNING
    summary = "A sentence starts in lower case after a full stop (stray full stop or debris)"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for found in lower_case_starts(doc):
            if found.words <= FRAGMENT_MAX_WORDS:
                continue
            first = _FIRST_TOKEN.match(doc.text, found.sentence.start)
            end = first.end() if first else found.sentence.end
            yield self.diagnostic(
                found.sentence.start, end,
                "Sentence starts in lower case after a full stop: a stray full stop or text "
                "glued from two places",
            )


class StrandedFragment(Rule):
    """Flags a one- or two-word fragment stranded after a sentence.

    ## What it does
    Finds a "sentence" of one or two words that follows another sentence of the same
    paragraph and either starts in lower case ("... with the 70-year-old. year Xi.") or ends
    on a word that cannot end an English sentence ("Of the."). The same exceptions as S001
    apply (abbreviations, brand names, emphatic one-word sentences such as "all. of. you.").
    Only English text is checked.

    ## Why is this bad?
    Such fragments are leftovers of text that a scraper or a machine translation cut and
    glued back together; they carry no meaning of their own. Dropping them (the unsafe fix)
    is usually right, but check that no word of the sentence before belongs with them.

    ## Example
    ```text
    The bridge reopened on Friday after repairs. work Lee. Traffic was light.
    ```

    ## Use instead
    ```text
    The bridge reopened on Friday after repairs. Traffic was light.
    ```
    """

    code = "S004"
    name = "stranded-fragment"
    category = Category.SENTENCE
    severity = Severity.WARNING
    summary = "A one- or two-word fragment stranded between sentences"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for found in lower_case_starts(doc):
            if found.words <= FRAGMENT_MAX_WORDS:
                yield self._report(found.previous, found.sentence)
        yield from english_only(doc, self._function_word_fragments(doc))

    def _function_word_fragments(self, doc: Document) -> Iterator[Diagnostic]:
        text = doc.text
        for block in _multi_sentence_blocks(doc, _non_final_word_stops(doc)):
            for previous, sentence in zip(block.sentences, block.sentences[1:]):
                body = text[sentence.start:sentence.end]
                # All-caps words are shouting ("THIS. IS. WAR."), not debris.
                if not body[:1].isupper() or body.isupper() or not body.endswith(".") \
                        or text[previous.end - 1] != ".":
                    continue
                words = words_of(body)
                if 1 <= len(words) <= FRAGMENT_MAX_WORDS and words[-1].lower() in NON_FINAL_WORDS:
                    yield self._report(previous, sentence)

    def _report(self, previous: Span, sentence: Span) -> Diagnostic:
        return self.diagnostic(
            sentence.start, sentence.end,
            "Fragment of one or two words stranded after a sentence (extraction or translation debris)",
            fix=Fix.unsafe("Drop the fragment", Edit(previous.end, sentence.end, "")),
        )
