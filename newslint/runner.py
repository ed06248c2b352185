"""Check one text or one record: the step shared by the CLI, corpus mode and Ray.

It builds the Document, lints it, and stamps each diagnostic with where the text came from
(path, record number and id, field) as CONTRACT.md describes.
"""

from __future__ import annotations

from collections.abc import Sequence

from newslint.document import Document
from newslint.engine import LintResult, lint
from newslint.fixes import FixOutcome, fix_document
from newslint.inputs.records import Record
from newslint.rule import Rule


def stamp(result: LintResult, path: str, record: Record | None = None, text_field: str | None = None) -> LintResult:
    for diag in result.diagnostics:
        diag.path = path
        if record is not None:
            diag.record = record.number
            diag.record_id = record.id
            if diag.field is None:
                diag.field = text_field
    return result


def check_text(text: str, rules: Sequence[Rule], path: str) -> LintResult:
    return stamp(lint(Document(text, path=path), rules), path)


def record_document(record: Record, text: str | None = None, title: str | None = None) -> Document:
    """The record as a Document; `text`/`title` replace its fields (fix passes re-lint edits)."""
    return Document(record.text if text is None else text,
                    title=record.title if title is None else title,
                    language=record.language, path=record.path, record=record.number)


def check_record(record: Record, rules: Sequence[Rule], text_field: str = "text") -> LintResult:
    return stamp(lint(record_document(record), rules), record.path, record, text_field)


def fix_record(record: Record, rules: Sequence[Rule], *, unsafe: bool = False,
               text_field: str = "text") -> FixOutcome:
    outcome = fix_document(record.text, rules, unsafe=unsafe, title=record.title,
                           make_document=lambda text, title: record_document(record, text, title))
    stamp(outcome.remaining, record.path, record, text_field)
    for diag in outcome.applied:
        diag.path, diag.record, diag.record_id = record.path, record.number, record.id
        diag.field = diag.field or text_field
    return outcome
