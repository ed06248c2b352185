"""`--format json` (one array) and `--format jsonl` (one object a line), as CONTRACT.md says."""

from __future__ import annotations

import json

from newslint.diagnostics import Diagnostic
from newslint.reporters.base import Reporter, Source, Summary


class JsonLinesReporter(Reporter):
    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        for diag in diagnostics:
            self.out.write(json.dumps(diag.to_dict(), ensure_ascii=False) + "\n")


class JsonReporter(Reporter):
    """Streams the array, so memory does not grow with the number of findings."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._first = True

    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        for diag in diagnostics:
            self.out.write("[\n  " if self._first else ",\n  ")
            self.out.write(json.dumps(diag.to_dict(), ensure_ascii=False))
            self._first = False

    def finish(self, summary: Summary, *, fix_mode: bool = False) -> None:
        self.out.write("[]\n" if self._first else "\n]\n")
