"""A base for rules that check the record's title field the same way as the body."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newslint.diagnostics import Diagnostic
from newslint.document import Document, title_document
from newslint.rule import Rule


class TextAndTitleRule(Rule):
    """Runs `check_text` over the body and, when the record has one, the title field.

    Title findings carry `field="title"` and offsets into the title string, so fixes apply
    to the title. Subclasses implement `check_text` as they would `check`.
    """

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        yield from self.check_text(doc)
        title = title_document(doc)
        if title is not None:
            for diag in self.check_text(title):
                diag.field = "title"
                yield diag

    def check_text(self, doc: Document) -> Iterable[Diagnostic]:
        raise NotImplementedError
