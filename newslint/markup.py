"""HTML tags left in plain text: which strings count as tags, found once per document.

E102/E103 report them; the article layout scores a block made mostly of them as debris, not
prose (a tracking pixel's `<img ...>` line is long and would otherwise outscore paragraphs on
pages where the stop-word test does not apply).
"""

from __future__ import annotations

import regex

from newslint.document import Document

# Element names of HTML: only these count as tags, so "<insert key here>" and "a <b" do not.
HTML_ELEMENTS = frozenset(
    """
    a abbr address article aside audio b bdi bdo blockquote body br button caption cite code
    col colgroup dd del details dfn div dl dt em embed figcaption figure font footer form h1
    h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main
    mark meta nav noscript object ol option p picture pre q s samp script section select small
    source span strike strong style sub summary sup table tbody td template textarea tfoot th
    thead time title tr u ul var video wbr center
    """.split()
)
TAG = regex.compile(
    r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]{0,9})"
    # Attributes must look like name="value": "<b and c>" is prose, not a tag. A value may be
    # long (a tracking pixel's URL runs to thousands of characters); a try that fails stops at
    # the next "<" or ">" (or quote), so the scan stays linear.
    r"""(?P<attrs>(?:\s+[\w:-]+\s*=\s*(?:"[^"<>]{0,8000}"|'[^'<>]{0,8000}'|[^\s"'<>]{1,8000})){0,20})"""
    r"\s*/?>|<!--.{0,2000}?-->",
    regex.DOTALL,
)


def is_html_tag(match: regex.Match) -> bool:
    """A match of TAG names a real HTML element, or is a comment."""
    name = match.group("name")
    return name is None or name.lower() in HTML_ELEMENTS


def html_tags(doc: Document) -> list[regex.Match]:
    """The tags of real HTML elements and the HTML comments in the text, once per document."""
    cached = doc.__dict__.get("_html_tags")
    if cached is None:
        cached = [] if "<" not in doc.text else [
            m for m in TAG.finditer(doc.text) if is_html_tag(m)]
        doc.__dict__["_html_tags"] = cached
    return cached


# A tag for `markup_share`: any attributes, of any length or form (`<video controls>`, which
# TAG leaves alone: to report a tag, TAG wants name="value" attributes). Each try stops at
# the next "<" or ">", so a scan stays linear.
_LOOSE_TAG = regex.compile(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9]{0,9})\b[^<>]*>|<!--[^<>]{0,2000}?-->")


def markup_share(text: str) -> float:
    """The share of `text`'s characters inside HTML tags and comments."""
    if "<" not in text:
        return 0.0
    return sum(len(m.group()) for m in _LOOSE_TAG.finditer(text) if is_html_tag(m)) / len(text)
