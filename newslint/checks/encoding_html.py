"""HTML and markup debris left in plain text: entities, tags, template and shortcode debris."""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import regex

from newslint.checks.text_and_title import TextAndTitleRule
from newslint.diagnostics import Category, Diagnostic, Edit, Fix, Severity
from newslint.document import Document
from newslint.markup import html_tags

# A named or numeric character reference, with any extra levels of "&amp;" escaping
# ("&amp;amp;quot;") taken in one span so one fix removes every level.
_ENTITY = regex.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Elements that separate words: removing them between two words leaves a space.
_BREAKING = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
# Template and CMS debris: {{ variables }}, {% tags %}, WordPress shortcodes with their
# content ([caption …]…[/caption], [embed]…[/embed]) or alone ([gallery ids="1,2"]).
_TEMPLATE = regex.compile(
    r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}"
    r"|\[(?P<code>caption|embed|video|audio|gallery|playlist|wp_caption|youtube|tweet|instagram)"
    r"\b[^\]\n]{0,500}\](?:[^\[\n]{0,1000}\[/(?P=code)\])?"
    r"|!\[[^\]\n]{0,200}\]\([^)\s]{1,500}\)"
    r"|\[(?P<link_text>[^\[\]\n]{1,200})\]\((?:https?://|/)[^)\s]{0,500}\)"
)


def _template_matches(text: str) -> Iterator[regex.Match]:
    """The matches of _TEMPLATE.finditer(text), tried only where one can start: at a "{" or
    "[" (found by str.find at C speed), or at a "!" before a "[". `regex` would try the
    pattern at every position."""
    starts = []
    for char in "{[":
        at = text.find(char)
        while at >= 0:
            starts.append(at)
            at = text.find(char, at + 1)
    last_end = 0
    for at in sorted(starts):
        if at < last_end:
            continue
        match = None
        if at > last_end and text[at - 1] == "!" and text[at] == "[":
            match = _TEMPLATE.match(text, at - 1)  # a markdown image
        match = match or _TEMPLATE.match(text, at)
        if match:
            last_end = match.end()
            yield match


class HtmlEntity(TextAndTitleRule):
    """An HTML character reference left in plain text.

    ## What it does
    Finds named and numeric character references ("&amp;", "&#8217;", "&nbsp;", "&quot;"),
    including doubly escaped ones ("&amp;quot;"), that a scraper failed to decode. The safe
    fix replaces each with the character it stands for. An entity inside an HTML tag left in
    the text ('<img src="a?x=1&amp;y=2">') is correct HTML there: E103 reports the tag.

    ## Why is this bad?
    Readers see markup instead of punctuation, and search and deduplication treat
    "Smith &amp; Sons" and "Smith & Sons" as different text.

    ## Example
    ```text
    Tom &amp; Jerry&#8217;s studio said &quot;no&quot;.
    ```

    ## Use instead
    ```text
    Tom & Jerry’s studio said "no".
    ```
    """

    code = "E102"
    name = "html-entity"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "An HTML character reference (&amp;, &#8217;) left in plain text."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if "&" not in text:
            return
        tags = html_tags(doc)
        tag_starts = [tag.start() for tag in tags]
        for match in _ENTITY.finditer(text):
            inside = bisect_right(tag_starts, match.start()) - 1
            if inside >= 0 and tags[inside].end() >= match.end():
                continue  # escaped as HTML requires, inside a tag that E103 reports whole
            entity = match.group()
            decoded = entity
            while True:  # every level of escaping at once, so the fix is idempotent
                once = html.unescape(decoded)
                if once == decoded:
                    break
                decoded = once
            if decoded == entity:
                continue  # not a known entity ("&foo;")
            yield self.diagnostic(
                match.start(), match.end(), f"HTML entity {entity!r} should read {decoded!r}.",
                fix=Fix.safe(f"Replace with {decoded!r}", Edit(match.start(), match.end(), decoded)),
            )


class HtmlTag(TextAndTitleRule):
    """An HTML tag or comment left in plain text.

    ## What it does
    Finds opening, closing and self-closing tags of real HTML elements ("<p>", "</div>",
    "<br/>", "<a href=…>") and HTML comments. Text in angle brackets that is not an HTML
    element ("<insert key here>") is left alone. The safe fix removes the tag, leaving a
    space where a block-level tag separated two words.

    ## Why is this bad?
    Markup in article text is extraction debris: it shows up verbatim in every downstream
    use of the text.

    ## Example
    ```text
    The council voted on Tuesday.</p><p>The mayor was absent.
    ```

    ## Use instead
    ```text
    The council voted on Tuesday. The mayor was absent.
    ```
    """

    code = "E103"
    owns_span = True  # a bracket or number inside the debris is the debris's
    name = "html-tag"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "An HTML tag or comment left in plain text."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        run: list[regex.Match] = []
        for match in html_tags(doc):
            if run and run[-1].end() != match.start():
                yield self._run_diagnostic(text, run)
                run = []
            run.append(match)
        if run:
            yield self._run_diagnostic(text, run)

    def _run_diagnostic(self, text: str, run: list[regex.Match]) -> Diagnostic:
        """One finding for adjacent tags ("</p><p>"), so the fix decides about spacing once."""
        start, end = run[0].start(), run[-1].end()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        breaking = any((m.group("name") or "").lower() in _BREAKING for m in run)
        replacement = " " if breaking and not before.isspace() and not after.isspace() else ""
        shown = text[start:end] if end - start <= 40 else text[start:start + 37] + "…"
        if before.isspace() and text[end:end + 1] == " ":
            end += 1  # "word <b></b> word": take one of the two spaces with the tag
        label = "HTML comment" if run[0].group("name") is None and len(run) == 1 else f"HTML markup {shown!r}"
        return self.diagnostic(start, end, f"{label} left in the text.",
                               fix=Fix.safe("Remove the markup", Edit(start, end, replacement)))


class TemplateDebris(TextAndTitleRule):
    """Template, shortcode or markdown debris left in plain text.

    ## What it does
    Finds template placeholders ("{{ author_name }}", "{% if %}"), CMS shortcodes with
    their content ("[caption id=…]…[/caption]", "[embed]…[/embed]", "[gallery ids=…]"),
    markdown images ("![alt](url)") and markdown links ("[text](https://…)") in article
    text. The fixes are unsafe: a caption shortcode may hold text the reader wants. A
    markdown link is replaced by its text.

    ## Why is this bad?
    The debris is not article text; it shows that the extraction read the source format
    rather than the rendered page.

    ## Example
    ```text
    [caption id="attachment_12" align="alignleft"]The harbour at dawn[/caption] Ships waited.
    ```

    ## Use instead
    ```text
    Ships waited.
    ```
    """

    code = "E104"
    owns_span = True  # a bracket or number inside the debris is the debris's
    name = "template-debris"
    category = Category.ENCODING
    severity = Severity.WARNING
    summary = "Template placeholders, shortcodes or markdown debris in plain text."

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        text = doc.text
        if "{" not in text and "[" not in text:
            return
        for match in _template_matches(text):
            start, end = match.span()
            shown = match.group() if end - start <= 40 else match.group()[:37] + "…"
            link_text = match.group("link_text")
            if link_text is not None:  # a markdown link: keep what the reader saw
                fix = Fix.unsafe("Keep only the link text", Edit(start, end, link_text))
            else:
                fix = Fix.unsafe("Remove the debris", Edit(start, end, ""))
            yield self.diagnostic(start, end, f"Template or markup debris {shown!r} in the text.", fix=fix)
