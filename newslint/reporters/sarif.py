"""`--format sarif`: SARIF 2.1.0, with every selected rule's metadata and help text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newslint import __version__
from newslint.diagnostics import Diagnostic
from newslint.document import Document
from newslint.reporters.base import Reporter, Source, Summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    return Path(path).as_posix()


class SarifReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.results: list[dict[str, Any]] = []
        self._rule_index = {code: i for i, code in enumerate(sorted(self.rules))}

    def _rule_descriptor(self, code: str) -> dict[str, Any]:
        rule = self.rules[code]
        doc = rule.documentation()
        return {
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.one_line_summary() or rule.name},
            "fullDescription": {"text": doc or rule.one_line_summary() or rule.name},
            "help": {"text": doc or rule.name, "markdown": doc or rule.name},
            "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
            "properties": {"category": rule.category.value, "tags": [rule.category.value]},
        }

    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        for d in diagnostics:
            if d.record is not None:
                # The record is one line of the JSONL file; the span inside it goes in properties.
                region = {"startLine": d.record, "startColumn": 1}
            else:
                region = {"startLine": d.line, "startColumn": d.column,
                          "endLine": d.end_line, "endColumn": d.end_column}
            result: dict[str, Any] = {
                "ruleId": d.code,
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": _uri(d.path)}, "region": region}}],
                "properties": {"rule": d.rule, "category": d.category.value, "record": d.record,
                               "id": d.record_id, "field": d.field, "line": d.line,
                               "column": d.column, "start": d.start, "end": d.end},
            }
            if d.code in self._rule_index:
                result["ruleIndex"] = self._rule_index[d.code]
            if d.fix is not None and d.record is None:
                result["fixes"] = [self._fix(d, source.document_for(d))]
            self.results.append(result)

    @staticmethod
    def _fix(d: Diagnostic, doc: Document) -> dict[str, Any]:
        replacements = []
        for edit in d.fix.edits:
            start_line, start_col = doc.position(edit.start)
            end_line, end_col = doc.position(edit.end)
            replacements.append({
                "deletedRegion": {"startLine": start_line, "startColumn": start_col,
                                  "endLine": end_line, "endColumn": end_col},
                "insertedContent": {"text": edit.replacement},
            })
        return {"description": {"text": d.fix.message},
                "artifactChanges": [{"artifactLocation": {"uri": _uri(d.path)},
                                     "replacements": replacements}]}

    def finish(self, summary: Summary, *, fix_mode: bool = False) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "newslint",
                    "version": __version__,
                    "informationUri": "https://pypi.org/project/newslint/",
                    "rules": [self._rule_descriptor(code) for code in sorted(self.rules)],
                }},
                "results": self.results,
                "columnKind": "unicodeCodePoints",
            }],
        }
        json.dump(log, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")
