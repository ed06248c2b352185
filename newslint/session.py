"""One `check` or `fix` run over files: read inputs, lint or fix, hand results to the reporter.

Plain text files are written back atomically with their encoding, BOM and line endings;
JSONL files are rewritten record by record, keeping rows that did not change byte for byte.
"""

from __future__ import annotations

import difflib
import fnmatch
import io
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.diagnostics import InternalError, Severity
from newslint.engine import LintResult
from newslint.fixes import fix_document
from newslint.inputs.discover import DEFAULT_EXTENSIONS, discover
from newslint.inputs.errors import InputError
from newslint.inputs.records import Record, RecordFields, is_record_file, iter_records, parse_record
from newslint.inputs.text import DecodedText, decode_bytes, read_text_file
from newslint.reporters import Reporter, Source, Summary
from newslint.rule import Rule
from newslint.runner import check_record, check_text, fix_record, stamp


@dataclass
class RunOptions:
    fields: RecordFields = field(default_factory=RecordFields)
    extensions: Sequence[str] = DEFAULT_EXTENSIONS
    exclude: Sequence[str] = ()
    unsafe_fixes: bool = False
    diff: bool = False
    stdin_filename: str = "-"


@dataclass
class RunState:
    summary: Summary = field(default_factory=Summary)
    errors: list[str] = field(default_factory=list)  # one line each, printed on stderr
    fatal: bool = False  # an error that makes the exit code 2 (unreadable file, rule crash)
    record_errors: int = 0  # bad rows in record files: exit 2 only with --strict
    worst: Severity | None = None

    def error(self, message: str, *, fatal: bool = True) -> None:
        self.errors.append(message)
        self.summary.errors += 1
        print(message, file=sys.stderr)
        self.fatal = self.fatal or fatal


RulesFor = Callable[[str], Sequence[Rule]]


def per_file_rules(rules: Sequence[Rule], per_file_ignores: dict[str, Sequence[str]],
                   matches: Callable[[str], list]) -> RulesFor:
    """A function giving the rules for a path, less those its per-file-ignores globs remove."""
    cache: dict[frozenset[str], list[Rule]] = {}

    def rules_for(path: str) -> Sequence[Rule]:
        ignored = frozenset(code for glob, selectors in per_file_ignores.items()
                            if fnmatch.fnmatch(path, glob) or fnmatch.fnmatch(Path(path).name, glob)
                            for sel in selectors for code in (r.code for r in matches(sel)))
        if ignored not in cache:
            cache[ignored] = [r for r in rules if r.code not in ignored]
        return cache[ignored]

    return rules_for


class Session:
    def __init__(self, rules_for: RulesFor, reporter: Reporter, options: RunOptions) -> None:
        self.rules_for = rules_for
        self.reporter = reporter
        self.options = options
        self.state = RunState()

    # -- bookkeeping ---------------------------------------------------------------------

    def _record_result(self, result: LintResult, source: Source) -> None:
        for err in result.errors:
            self.state.error(str(_with_path(err, source.path)))
        for diag in result.diagnostics:
            self.state.summary.add(diag, self.options.unsafe_fixes)
            if self.state.worst is None or diag.severity.rank > self.state.worst.rank:
                self.state.worst = diag.severity
        self.reporter.report(result.diagnostics, source)

    # -- check ---------------------------------------------------------------------------

    def check(self, paths: Sequence[str]) -> RunState:
        for path in self._paths(paths):
            self._check_one(path)
        return self.state

    def _paths(self, paths: Sequence[str]):
        return discover(paths or ["."], self.options.extensions, self.options.exclude) \
            if paths != ["-"] else [Path("-")]

    def _read(self, path: Path) -> DecodedText | None:
        """The decoded file (or standard input); None after reporting why it cannot be read."""
        try:
            if str(path) == "-":
                decoded = decode_bytes(sys.stdin.buffer.read(), self.options.stdin_filename)
            else:
                decoded = read_text_file(path)
        except InputError as exc:
            self.state.error(str(exc))
            return None
        self.state.summary.files += 1
        return decoded

    def _check_one(self, path: Path) -> None:
        name = self.options.stdin_filename if str(path) == "-" else str(path)
        rules = self.rules_for(name)
        if is_record_file(path) and str(path) != "-":
            self.state.summary.files += 1
            for item in self._records(path):
                result = check_record(item, rules, self.options.fields.text)
                self._record_result(result, _record_source(item))
            return
        decoded = self._read(path)
        if decoded is None:
            return
        result = check_text(decoded.text, rules, name)
        self._record_result(result, Source(name, {None: decoded.text}))

    def _records(self, path: Path):
        try:
            for item in iter_records(path, self.options.fields):
                if isinstance(item, InputError):
                    self.state.error(str(item), fatal=False)
                    self.state.record_errors += 1
                    continue
                self.state.summary.records += 1
                yield item
        except InputError as exc:
            self.state.error(str(exc))

    # -- fix -----------------------------------------------------------------------------

    def fix(self, paths: Sequence[str]) -> RunState:
        for path in self._paths(paths):
            if is_record_file(path) and str(path) != "-":
                self._fix_records(path)
            else:
                self._fix_text(path)
        return self.state

    def _fix_text(self, path: Path) -> None:
        name = self.options.stdin_filename if str(path) == "-" else str(path)
        decoded = self._read(path)
        if decoded is None:
            return
        outcome = fix_document(decoded.text, self.rules_for(name), unsafe=self.options.unsafe_fixes)
        stamp(outcome.remaining, name)
        self.state.summary.fixed += len(outcome.applied)
        if outcome.text != decoded.text:
            self.state.summary.fixed_files += 1
            if self.options.diff:
                _print_diff(name, decoded.text, outcome.text)
            elif str(path) == "-":
                sys.stdout.write(outcome.text)
            else:
                try:
                    write_atomically(path, decoded.encode(outcome.text))
                except OSError as exc:
                    self.state.error(f"{name}: cannot write: {exc.strerror or exc}")
        elif str(path) == "-" and not self.options.diff:
            sys.stdout.write(outcome.text)
        if not self.options.diff:
            self._record_result(outcome.remaining, Source(name, {None: outcome.text}))

    def _fix_records(self, path: Path) -> None:
        if path.suffix.lower() != ".jsonl" and path.suffix.lower() != ".ndjson":
            self.state.error(f"{path}: fixing compressed record files in place is not supported; "
                             "write a cleaned copy with `newslint fix FILE -o OUT`")
            return
        try:
            raw_lines = path.read_bytes().splitlines(keepends=True)
        except OSError as exc:
            self.state.error(f"{path}: cannot read: {exc.strerror or exc}")
            return
        self.state.summary.files += 1
        rules = self.rules_for(str(path))
        out = io.BytesIO()
        changed_any = False
        fields = self.options.fields
        for number, raw in enumerate(raw_lines, start=1):
            if not raw.strip():
                out.write(raw)
                continue
            try:
                record = parse_record(str(path), number, raw, fields)
            except InputError as exc:
                self.state.error(str(exc), fatal=False)
                self.state.record_errors += 1
                out.write(raw)  # nothing is lost: a row we cannot read is kept as it was
                continue
            self.state.summary.records += 1
            outcome = fix_record(record, rules, unsafe=self.options.unsafe_fixes, text_field=fields.text)
            self.state.summary.fixed += len(outcome.applied)
            if outcome.changed(record.text, record.title):
                changed_any = True
                updated = dict(record.raw)
                updated[fields.text] = outcome.text
                if record.title is not None:
                    updated[fields.title] = outcome.title
                ending = b"\r\n" if raw.endswith(b"\r\n") else (b"\n" if raw.endswith(b"\n") else b"")
                out.write(_json_line(updated) + ending)
            else:
                out.write(raw)
            if not self.options.diff:
                texts = {None: outcome.text}
                if outcome.title is not None:
                    texts["title"] = outcome.title
                self._record_result(outcome.remaining, Source(str(path), texts, record.number, record.id))
        if changed_any:
            self.state.summary.fixed_files += 1
            new = out.getvalue()
            if self.options.diff:
                _print_diff(str(path), b"".join(raw_lines).decode("utf-8", "replace"), new.decode("utf-8"))
            else:
                write_atomically(path, new)


def _json_line(obj: dict) -> bytes:
    import json

    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def _record_source(record: Record) -> Source:
    texts: dict[str | None, str] = {None: record.text}
    if record.title is not None:
        texts["title"] = record.title
    return Source(record.path, texts, record.number, record.id)


def _with_path(err: InternalError, path: str) -> InternalError:
    return err if err.path else InternalError(path, err.message, err.rule, err.record)


def _print_diff(name: str, before: str, after: str) -> None:
    diff = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                fromfile=f"a/{name}", tofile=f"b/{name}")
    for line in diff:
        sys.stdout.write(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over the original."""
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise

