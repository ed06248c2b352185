"""Paired punctuation: unbalanced double and single quotes, nested double quotes, brackets.

Each paragraph is scanned once per kind of pair with a stack. What a paragraph leaves open is
then judged with its neighbour: a quotation that runs over several paragraphs leaves each
paragraph but the last unclosed and reopens the next one with an opening quote (the usual
convention in English), which is fine; an opener left open while the next paragraph holds
the lone closer is one split quotation and is reported once.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import re

import regex

from newslint.checks.text_and_title import TextAndTitleRule
from newslint.diagnostics import Category, Diagnostic, Severity
from newslint.document import Block, Document
from newslint.rule import Rule

OPEN, CLOSE = "open", "close"

# Before an opening quote: start, white space, an opening bracket or a dash.
_OPEN_CONTEXT = frozenset("([{\u2014\u2013-/")
# After a closing quote: end, white space or punctuation that follows a quotation.
_CLOSE_CONTEXT = frozenset(".,;:!?)]}\u2026\u2014\u2013-")
_EMOTICON_BEFORE = regex.compile(r"(?:^|\s)[:;=8xX]-?[()\[\]]*$")
_ENUMERATION_LABEL = regex.compile(r"(?:^|[\s(])(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})$")
# What follows a mis-curled apostrophe: ‘90s, rock ‘n’ roll, ‘em, isn ‘t, we ‘ll.
_APOSTROPHE_WORD = regex.compile(r"(?:\d0s|n[\u2019']|em\b|cause\b|til\b|tis\b|(?:t|s|d|m|ll|re|ve)\b)",
                                 regex.IGNORECASE)
_LATIN = regex.compile(r"\p{Latin}")
# Program code pasted in an article (a line ending in "{" or "(", starting with "}", an arrow
# function): brackets and quotes there follow the language, not prose. The test was one
# pattern, r"[{\[(;,]\s*$|\w\.\w+\(|^\s*[}\])]|=>|\)\s*\{|\(\);|\bfunction\s*\(|^\s*//|:\s*[\[{]\s*$";
# as an alternation without a literal to scan for it was slow, so each sign is tested on its
# own, and only when its literal is present. A block's text has no white space at either end
# (`regex`'s \s is a subset of str.isspace), so the anchored signs are tests of its ends, and
# the last alternative is implied by the first.
_CODE_END = ("{", "[", "(", ";", ",")
_CODE_START = ("}", "]", ")", "//")
_CODE_METHOD_CALL = regex.compile(r"\w\.\w+\(")
_CODE_FUNCTION = regex.compile(r"\bfunction\s*\(")
# Stdlib re's \s also takes U+001C-U+001F, which `regex`'s does not.
_CODE_BLOCK_OPEN = re.compile(r"\)[^\S\x1c-\x1f]*\{")


def _is_code(block: Block) -> bool:
    text = block.text
    return bool(
        text.endswith(_CODE_END) or text.startswith(_CODE_START) or "=>" in text or "();" in text
        or ("(" in text and (_CODE_METHOD_CALL.search(text) or "function" in text and _CODE_FUNCTION.search(text)))
        or ("{" in text and _CODE_BLOCK_OPEN.search(text))
    )


def _code_block(doc: Document, block: Block) -> bool:
    """Whether a block is program code, decided once per document for all pair rules."""
    cache = doc.__dict__.setdefault("_code_blocks", {})
    code = cache.get(block.index)
    if code is None:
        code = cache[block.index] = _is_code(block)
    return code


def _blocks_with(doc: Document, chars: str) -> list[Block]:
    """The blocks holding any of `chars` (none white space, so each lies in a block), in order.

    str.find runs at C speed and jumps from block to block: far cheaper than a regular
    expression's scan for a character class.
    """
    text, blocks, starts = doc.text, doc.blocks, doc.block_starts
    found: set[int] = set()
    for char in chars:
        pos = text.find(char)
        while pos >= 0:
            index = bisect_right(starts, pos) - 1  # doc.block_index_at, inlined: it lies in a block
            found.add(index)
            pos = text.find(char, blocks[index].end)
    return [blocks[index] for index in sorted(found)]


@dataclass
class Scan:
    """What one paragraph leaves unpaired (document offsets)."""

    unclosed: list[int] = field(default_factory=list)
    unmatched: list[int] = field(default_factory=list)
    nested: list[tuple[int, int]] = field(default_factory=list)  # inner quotation spans


# A classifier sees the paragraph text, the index of a candidate mark and the stack of
# open marks (indices), and says whether the mark opens, closes, or is no pair mark at all.
Classifier = Callable[[str, int, list[int]], "str | None"]


def _side_context(text: str, i: int) -> tuple[bool, bool]:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() or before in _OPEN_CONTEXT, after.isspace() or after in _CLOSE_CONTEXT


def _reads_as_closer(text: str, i: int) -> bool:
    """An opening-shaped quote typed at the end of a quotation ("Zodiaco “," or "word“ and")."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else ""
    return after == "" or after in _CLOSE_CONTEXT or (after.isspace() and not before.isspace())


def _symmetric(text: str, i: int, stack: list[int]) -> str:
    """Direction of a mark that looks the same at both ends (", or ” in Swedish use)."""
    opens, closes = _side_context(text, i)
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return CLOSE if stack else OPEN


def _scan(doc: Document, block: Block, pattern: re.Pattern, classify: Classifier, *,
          track_nesting: bool = False) -> Scan:
    text = block.text
    scan = Scan()
    marks = list(pattern.finditer(text))
    if not marks or _code_block(doc, block):
        return scan
    stack: list[int] = []
    for match in marks:
        i = match.start()
        role = classify(text, i, stack)
        if role == OPEN:
            stack.append(i)
        elif role == CLOSE:
            if stack:
                opened = stack.pop()
                if track_nesting and stack:
                    scan.nested.append((block.start + opened, block.start + i + 1))
            else:
                scan.unmatched.append(block.start + i)
    scan.unclosed = [block.start + i for i in stack]
    return scan


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    message: str


# Scans by block index, in block order, of the blocks holding a mark that may leave one
# unpaired (the others leave nothing).
Scans = dict[int, Scan]


def _scans(doc: Document, blocks: list[Block], pattern: re.Pattern, classify: Classifier, *,
           track_nesting: bool = False, paired: Callable[[str], bool] | None = None) -> Scans:
    """`paired`, when given, is a cheap test that a block's marks all pair up (its scan
    would be empty): those blocks are not scanned."""
    return {block.index: _scan(doc, block, pattern, classify, track_nesting=track_nesting)
            for block in blocks if paired is None or not paired(block.text)}


def _alternate(text: str, pattern: re.Pattern, pair: str) -> bool:
    """The marks of `text` are `pair` repeated: each opener is closed before the next."""
    marks = "".join(pattern.findall(text))
    return marks == pair * (len(marks) // 2)


def _judge(doc: Document, scans: Scans, reopeners: str, what: str) -> list[Finding]:
    """Turn per-paragraph leftovers into findings, applying the multi-paragraph conventions."""
    findings: list[Finding] = []
    blocks = doc.blocks
    excused_closer: set[int] = set()
    for index, scan in scans.items():
        nxt = scans.get(index + 1)
        for pos in scan.unmatched:
            if pos not in excused_closer:
                findings.append(Finding(pos, pos + 1, f"Closing {what} {doc.text[pos]!r} has no opening partner."))
        if not scan.unclosed:
            continue
        following = blocks[index + 1].text.lstrip() if index + 1 < len(blocks) else ""
        if following[:1] and following[:1] in reopeners and not scan.unmatched:
            continue  # a quotation continued in the next paragraph
        for pos in scan.unclosed:
            if nxt is not None and nxt.unmatched:
                excused_closer.add(nxt.unmatched[0])
                findings.append(Finding(pos, pos + 1,
                                        f"Opening {what} {doc.text[pos]!r} is closed only in the next paragraph "
                                        "(a paragraph split inside it?)."))
            else:
                findings.append(Finding(pos, pos + 1, f"Opening {what} {doc.text[pos]!r} is never closed."))
    return findings


# -- double quotes ----------------------------------------------------------------------

# Curly, low-9, straight quotes and the double prime some converters write for ”.
_DOUBLE_CHARS = "\u201c\u201d\u201e\u201f\"\u2033"
_DOUBLE = re.compile(f"[{_DOUBLE_CHARS}]")
_OPENERS = "\u201c\u201e\u201f\""


def _double_classifier(symmetric_right: bool) -> Classifier:
    """Straight and curly quotes pair with each other: a quotation opened with " and closed
    with ” is one quotation (of mixed style, which P105 reports), not two unbalanced ones."""

    def classify(text: str, i: int, stack: list[int]) -> str | None:
        char = text[i]
        opens, closes = _side_context(text, i)
        if char == '"':
            if i and text[i - 1].isdigit() and not any(text[j] == '"' for j in stack):
                return None  # an inch mark: 27" screen, 5'10"
            return _symmetric(text, i, stack)
        if char == "\u2033":  # a double prime: a closer only when not after digits (5′11″)
            return CLOSE if stack and not text[i - 1:i].isdigit() else None
        if char == "\u201d":
            if symmetric_right or (opens and not closes):
                return _symmetric(text, i, stack)  # Swedish ”…”, or ” typed for “
            return CLOSE
        if char == "\u201c" and stack:
            if text[stack[-1]] == "\u201e":
                return CLOSE  # German and Czech „…“
            if _reads_as_closer(text, i):
                return CLOSE  # “ typed for ”: “ I Cavalieri dello Zodiaco “,
        return OPEN

    return classify


# A ” that the classifier may take for an opener: after white space or an opening context,
# before a character that does not close (stdlib \s is str.isspace, as there). The mark comes
# first, so re scans for it instead of trying the look-behind everywhere.
_OPENING_SHAPED_RIGHT = re.compile(r"\u201d(?<=[\s([{\u2014\u2013\-/]\u201d)(?=[^\s.,;:!?)\]}\u2026\u2014\u2013\-])")


def _plain_curly_pairs(text: str) -> bool:
    """Only “…” pairs, none nested, and no ” shaped like an opener: each “ opens (no quote is
    open) and each ” closes it, leaving nothing unpaired or nested."""
    return _alternate(text, _DOUBLE, "\u201c\u201d") and not _OPENING_SHAPED_RIGHT.search(text)


def double_quote_scans(doc: Document) -> Scans:
    cached = doc.__dict__.get("_double_quote_scans")
    if cached is not None:
        return cached
    # Swedish and Finnish open and close with ”: without any “ or „ it is a symmetric mark.
    symmetric_right = "\u201c" not in doc.text and "\u201e" not in doc.text
    scans = _scans(doc, _blocks_with(doc, _DOUBLE_CHARS), _DOUBLE, _double_classifier(symmetric_right),
                   track_nesting=True, paired=_plain_curly_pairs)
    doc.__dict__["_double_quote_scans"] = scans
    return scans


class UnbalancedDoubleQuotes(TextAndTitleRule):
    """A double quotation mark without its partner.

    ## What it does
    Pairs curly (“ ”, „ “) and straight (") double quotes within each paragraph and reports
    a closing quote with no opening one, or an opening quote never closed. A quotation that
    continues over several paragraphs, each new paragraph reopening with an opening quote,
    is the normal convention and is not reported; an opener whose closer sits alone in the
    next paragraph is reported once, as a split. Inch marks after digits are not quotes.

    ## Why is this bad?
    A lone quote usually means text was cut or joined during extraction, and it leaves the
    reader unsure where a quotation starts or ends.

    ## Example
    ```text
    “We will rebuild,” the mayor said. The work starts next week.”
    ```

    ## Use instead
    ```text
    “We will rebuild,” the mayor said. “The work starts next week.”
    ```
    """

    code = "P101"
    name = "unbalanced-double-quotes"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "A double quotation mark without its partner."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        for finding in _judge(doc, double_quote_scans(doc), _OPENERS, "quote"):
            yield self.diagnostic(finding.start, finding.end, finding.message)


class NestedDoubleQuotes(TextAndTitleRule):
    """Double quotes nested inside double quotes.

    ## What it does
    Reports a curly double quotation inside another one in a paragraph whose quotes are
    otherwise balanced. Inner quotations take single quotes (‘ ’) in English.

    ## Why is this bad?
    Doubled double quotes are ambiguous: the reader cannot tell whether the inner mark ends
    the outer quotation. It also often marks quotes joined from two sources.

    ## Example
    ```text
    The statement spoke of “ties between “Russia” and China.”
    ```

    ## Use instead
    ```text
    The statement spoke of “ties between ‘Russia’ and China.”
    ```
    """

    code = "P102"
    name = "nested-double-quotes"
    category = Category.PUNCTUATION
    severity = Severity.INFO
    summary = "Double quotes nested inside double quotes."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        if "\u201c" not in doc.text and "\u201e" not in doc.text:
            return
        for scan in double_quote_scans(doc).values():
            if scan.unclosed or scan.unmatched:
                continue
            for start, end in scan.nested:
                yield self.diagnostic(start, end, "Double quotes inside a double-quoted passage; "
                                                  "inner quotations take single quotes.")


# -- single quotes ------------------------------------------------------------------------

_SINGLE = re.compile(r"[\u2018\u2019']")


def _single(text: str, i: int, stack: list[int]) -> str | None:
    char = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char == "\u2018":
        if before.isalnum() or _APOSTROPHE_WORD.match(text, i + 1):
            return None  # a mis-curled apostrophe: rock‘n’roll, ‘90s, ‘em
        if stack and _reads_as_closer(text, i):
            return CLOSE  # ‘ typed for ’: ‘The Medium is the Message ‘,
        return OPEN
    # ’ (or a straight ' typed for it): a closing quote only when one is open and it is not
    # inside a Latin word (Russia’s), unless a capital follows a glued word (Award’Next).
    # Korean particles follow a closing quote directly (‘리벤지’의).
    if not stack or before.isspace():
        return None
    if _LATIN.match(before) and _LATIN.match(after) and not (before.islower() and after.isupper()):
        return None
    return CLOSE


class UnbalancedSingleQuotes(TextAndTitleRule):
    """An opening single quotation mark that is never closed.

    ## What it does
    Pairs curly single quotes (‘ ’) within each paragraph, telling closing quotes apart
    from apostrophes ("Russia’s ‘usefulness’" is balanced), and reports an opening ‘ that
    is never closed. A lone ’ is never reported: it cannot be told from an apostrophe.
    A quotation continued in the next paragraph with a new ‘ is fine.

    ## Why is this bad?
    An unclosed quotation leaves the reader unsure where the quoted words end; in scraped
    text it usually means a sentence was cut.

    ## Example
    ```text
    Officials called the plan ‘a first step, and talks resumed on Monday.
    ```

    ## Use instead
    ```text
    Officials called the plan ‘a first step’, and talks resumed on Monday.
    ```
    """

    code = "P103"
    name = "unbalanced-single-quotes"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "An opening single quotation mark that is never closed."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        if "\u2018" not in doc.text:
            return
        # Only ‘ opens a single quotation, and ’ closes only an open one: a block without ‘
        # leaves nothing unpaired.
        scans = _scans(doc, _blocks_with(doc, "\u2018"), _SINGLE, _single)
        for finding in _judge(doc, scans, "\u2018", "single quote"):
            yield self.diagnostic(finding.start, finding.end, finding.message)


# -- brackets -------------------------------------------------------------------------------

# Each kind of bracket is paired on its own: the other kind's marks are no pair marks to it.
_BRACKETS = {"()": re.compile(r"[()]"), "[]": re.compile(r"[\[\]]")}
# An opener that may be part of a face: only after one of these can _EMOTICON_BEFORE match.
_OPENER_AFTER_FACE_CHAR = {"()": re.compile(r"[:;=8xX\-()\[\]]\("), "[]": re.compile(r"[:;=8xX\-()\[\]]\[")}


def _plain_bracket_pairs(kind: str) -> Callable[[str], bool]:
    """Only alternating opener and closer, no opener that may belong to a face: each opener
    opens and each closer closes it, leaving nothing unpaired."""
    pattern, face = _BRACKETS[kind], _OPENER_AFTER_FACE_CHAR[kind]
    return lambda text: _alternate(text, pattern, kind) and not face.search(text)


def _bracket_classifier(kind: str) -> Classifier:
    opener, closer = kind

    def classify(text: str, i: int, stack: list[int]) -> str | None:
        char = text[i]
        window = text[max(0, i - 6):i]
        if char == opener:
            after = text[i + 1:i + 2]
            # ":(" is a face unless text follows and a closer comes later (":[ 17:32 ]").
            emoticon = _EMOTICON_BEFORE.search(window) and (
                not after or after in "()[]" or (after.isspace() and closer not in text[i + 1:]))
            return None if emoticon else OPEN
        if char != closer:
            return None
        if not stack and (_EMOTICON_BEFORE.search(window) or _ENUMERATION_LABEL.search(window)):
            return None  # ":)" and list labels "a)", "2)"
        return CLOSE

    return classify


_PLAIN_BRACKET_PAIRS = {kind: _plain_bracket_pairs(kind) for kind in _BRACKETS}


class UnbalancedBrackets(TextAndTitleRule):
    """A parenthesis or square bracket without its partner.

    ## What it does
    Pairs round and square brackets within each paragraph and reports a closing bracket
    with no opening one, or an opening bracket never closed. List labels ("a)", "2)") and
    emoticons (":)") are not brackets. An opener whose closer sits alone in the next
    paragraph is reported once, as a split.

    ## Why is this bad?
    A lone bracket usually means text was cut or joined during extraction.

    ## Example
    ```text
    The agency (which was founded in 1998 said it would appeal.
    ```

    ## Use instead
    ```text
    The agency (which was founded in 1998) said it would appeal.
    ```
    """

    code = "P104"
    name = "unbalanced-brackets"
    category = Category.PUNCTUATION
    severity = Severity.WARNING
    summary = "A parenthesis or square bracket without its partner."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        for kind, pattern in _BRACKETS.items():
            if kind[0] not in text and kind[1] not in text:
                continue
            scans = _scans(doc, _blocks_with(doc, kind), pattern, _bracket_classifier(kind),
                           paired=_PLAIN_BRACKET_PAIRS[kind])
            for finding in _judge(doc, scans, "", "bracket"):
                yield self.diagnostic(finding.start, finding.end, finding.message)


# -- quote style ----------------------------------------------------------------------------

_STRAIGHT_DOUBLE = regex.compile(r'(?<![\d=:])"')  # not after a digit, "=" or ":"
_CURLY_DOUBLE = "\u201c\u201d\u201e"

class MixedQuoteStyles(Rule):
    """Straight and curly double quotes mixed in one document.

    ## What it does
    Reports, once per document, that both straight (") and curly (“ ”) double quotes are
    used, pointing at the first quote of the less frequent style.

    ## Why is this bad?
    Mixed styles usually mean text from two sources or two processing paths was joined;
    house style wants one.

    ## Example
    ```text
    “We are ready,” she said. He replied: "So are we."
    ```

    ## Use instead
    ```text
    “We are ready,” she said. He replied: “So are we.”
    ```
    """

    code = "P105"
    name = "mixed-quote-styles"
    category = Category.PUNCTUATION
    severity = Severity.INFO
    summary = "Straight and curly double quotes mixed in one document."

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if '"' not in text:
            return
        curly = sum(text.count(char) for char in _CURLY_DOUBLE)  # str.count and find: C speed
        if not curly:
            return
        straight = [m.start() for m in _STRAIGHT_DOUBLE.finditer(text)]
        if not straight:
            return
        if len(straight) <= curly:
            pos, style = straight[0], "straight"
        else:
            pos, style = min(i for i in map(text.find, _CURLY_DOUBLE) if i >= 0), "curly"
        yield self.diagnostic(pos, pos + 1,
                              f"The document mixes straight and curly double quotes "
                              f"({len(straight)} straight, {curly} curly); this {style} quote is the rarer style.")
