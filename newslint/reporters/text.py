"""`--format text`: ruff/rustc-style lines with a source snippet, coloured by rich on a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from newslint.diagnostics import Diagnostic
from newslint.reporters.base import Reporter, Source, Summary

# Long scraped paragraphs are one line; show a window of this many characters around a span.
SNIPPET_WIDTH = 100
_CONTEXT_BEFORE = 40
_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
# Scraped text is untrusted: control characters are shown as their Unicode pictures (ESC as
# ␛), never sent to the terminal, and a tab as one space, so that the underline stays under
# the span (one character shown for each one counted).
_PRINTABLE = str.maketrans({**{chr(c): chr(0x2400 + c) for c in range(0x20)}, "\t": " ", "\x7f": "\u2421",
                            **{chr(c): "\ufffd" for c in range(0x80, 0xA0)}})


def printable(text: str) -> str:
    return text.translate(_PRINTABLE)


def location(diag: Diagnostic) -> str:
    """`path:line:col`, with `#record` (and `/title`) for records: `corpus.jsonl#12:3:5`."""
    where = diag.path
    if diag.record is not None:
        where += f"#{diag.record}"
        if diag.field == "title":
            where += "/title"
    return f"{where}:{diag.line}:{diag.column}"


def snippet_window(line: str, start_col: int, end_col: int) -> tuple[str, int, int]:
    """The part of `line` to show and the span's 0-based columns within it."""
    start, end = start_col - 1, max(end_col - 1, start_col)
    if len(line) <= SNIPPET_WIDTH:
        return line, start, end
    left = max(0, min(start - _CONTEXT_BEFORE, len(line) - SNIPPET_WIDTH))
    right = min(len(line), left + SNIPPET_WIDTH)
    shown = line[left:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    offset = len(prefix) - left
    return prefix + shown + suffix, start + offset, min(end + offset, len(prefix) + len(shown))


class TextReporter(Reporter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.console = Console(
            file=self.out, force_terminal=self.color, no_color=not self.color,
            color_system="auto" if self.color else None, highlight=False, soft_wrap=True,
            emoji=False, markup=False,
        )

    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        for diag in diagnostics:
            out = self._header(diag)
            if self.show_source:
                self._snippet(out, diag, source.lines_for(diag))
            self.console.print(out)  # one print per finding: rich's print is the cost

    def _header(self, diag: Diagnostic) -> Text:
        header = Text()
        header.append(printable(location(diag)), style="bold")
        header.append(": ")
        header.append(diag.code, style=_SEVERITY_STYLE[diag.severity.value])
        fixable = diag.fix is not None and (diag.fix.is_safe or self.unsafe_fixes)
        if fixable:
            header.append(" [*]", style="cyan")
        header.append(" " + printable(diag.message))
        return header

    def _snippet(self, out: Text, diag: Diagnostic, lines: list[str]) -> None:
        """The source line under the header, the span underlined, then a blank line."""
        if diag.line - 1 >= len(lines):
            return
        line = printable(lines[diag.line - 1])
        end_col = diag.end_column if diag.end_line == diag.line else len(line) + 1
        shown, start, end = snippet_window(line, diag.column, end_col)
        gutter = " " * len(str(diag.line))
        style = _SEVERITY_STYLE[diag.severity.value]
        out.append("\n")
        out.append(f"{gutter} |\n", style="blue")
        out.append(f"{diag.line} | ", style="blue")
        out.append(shown + "\n")
        out.append(f"{gutter} | ", style="blue")
        out.append(" " * start)
        out.append("^" * max(1, end - start), style=style)
        extra = f" {diag.rule}"
        if diag.end_line > diag.line:
            extra += f" (lines {diag.line}-{diag.end_line})"
        out.append(extra, style=style)
        out.append("\n")

    def finish(self, summary: Summary, *, fix_mode: bool = False) -> None:
        in_what = f"{summary.files} file{'s' * (summary.files != 1)}"
        if summary.records:
            in_what += f" ({summary.records} record{'s' * (summary.records != 1)})"
        if fix_mode:
            if summary.fixed:
                self.console.print(f"Fixed {summary.fixed} issue{'s' * (summary.fixed != 1)} "
                                   f"in {summary.fixed_files} of {in_what}.")
            if summary.findings:
                self.console.print(f"Found {summary.findings} remaining issue{'s' * (summary.findings != 1)}"
                                   f" ({summary.fixable} fixable) in {in_what}.")
            elif not summary.fixed:
                self.console.print(Text(f"All checks passed! ({in_what})", style="bold green"))
        elif summary.findings:
            self.console.print(f"Found {summary.findings} issue{'s' * (summary.findings != 1)} "
                               f"({summary.fixable} fixable) in {in_what}.")
        elif summary.errors:
            self.console.print(f"No issues found in {in_what}.")
        else:
            self.console.print(Text(f"All checks passed! ({in_what})", style="bold green"))
        if summary.fixable and not fix_mode:
            self.console.print("[*] fixable with `newslint fix`.")
        if summary.errors:
            self.console.print(Text(f"{summary.errors} input error{'s' * (summary.errors != 1)} "
                                    "(see above): not everything was checked.", style="bold red"))
        if summary.hidden_unsafe:
            self.console.print(f"({summary.hidden_unsafe} more fix{'es' * (summary.hidden_unsafe != 1)} "
                               "available with `--unsafe-fixes`.)")


class StatisticsReporter(TextReporter):
    """`--statistics`: one line per rule with its count, like ruff."""

    def report(self, diagnostics: list[Diagnostic], source: Source) -> None:
        return

    def finish(self, summary: Summary, *, fix_mode: bool = False) -> None:
        width = max((len(str(n)) for n in summary.by_rule.values()), default=1)
        for (code, rule), count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            self.console.print(f"{count:>{width}}  {code:<6} {rule}")
        super().finish(summary, fix_mode=fix_mode)
