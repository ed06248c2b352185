"""`--format github`: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from newslint.diagnostics import Diagnostic
from newslint.reporters.base import Reporter, Source

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        for d in diagnostics:
            if d.record is not None:
                # A record is one line of the JSONL file: annotate that line, say where inside.
                where = f"record {d.record} ({d.field or 'text'} {d.line}:{d.column}): "
                span = f"line={d.record},col=1,endLine={d.record},endColumn=1"
            else:
                where = ""
                span = f"line={d.line},col={d.column},endLine={d.end_line},endColumn={d.end_column}"
            props = f"file={_escape_property(d.path)},{span},title={_escape_property(d.code)}"
            self.out.write(f"::{_COMMAND[d.severity.value]} {props}::{_escape_data(where + d.message)}\n")
