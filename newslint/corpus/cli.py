"""The corpus options of `check` and `fix`, and the `merge` and `learn` subcommands.

newslint/cli.py stays thin: it calls `add_check_options` / `add_fix_options` on its
subparsers, `add_subcommands` for merge and learn, and hands a parsed command to `run_*`
when `is_corpus_run` says the arguments ask for corpus mode.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from newslint.corpus import run as corpus_run
from newslint.corpus.crossdoc import write_phrase_pack
from newslint.corpus.gate import Gate, GateError, parse_max_rate, read_baseline, verdict, write_baseline
from newslint.corpus.output import AuditWriter, CleanedCorpusWriter, open_binary_write
from newslint.corpus.report import write_report
from newslint.corpus.shards import MergeError, merge_parts, parse_shard, write_part
from newslint.corpus.sources import expand_paths, is_parquet, is_remote, plan_units
from newslint.corpus.summary import CorpusSummary
from newslint.corpus.work import ChunkResult, Job, RuleSpec
from newslint.diagnostics import Severity
from newslint.inputs.errors import InputError
from newslint.inputs.records import RecordFields
from newslint.packs import PackError
from newslint.registry import RegistryError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MAX_ERRORS_SHOWN = 50
# Options whose presence means "this is a corpus run" (beyond --corpus itself).
_CORPUS_DESTS = ("max_rate", "baseline", "write_baseline", "shard", "write_summary", "findings", "report",
                 "cross_document", "ray", "output", "drop_if", "audit")


def _add(parser: argparse.ArgumentParser, *flags: str, **kwargs: Any) -> None:
    """Add an option unless the main CLI already defines it (e.g. --quiet, --statistics)."""
    if any(flag in parser._option_string_actions for flag in flags):  # noqa: SLF001 - argparse has no API
        return
    parser.add_argument(*flags, **kwargs)


def _add_gate_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("corpus gate")
    _add(group, "--statistics", action="store_true", help="print rates per rule, category and source")
    _add(group, "--max-rate", action="append", default=[], metavar="RULE=FRACTION",
         help="fail when more than FRACTION of documents have a finding of RULE (code, prefix, slug or category)")
    _add(group, "--fail-on", choices=[s.value for s in Severity], default=None,
         help="fail on any finding at or above this severity")
    _add(group, "--baseline", metavar="FILE", help="fail when a rule's rate rises above the one in FILE")
    _add(group, "--baseline-tolerance", type=float, default=0.0, metavar="FRACTION",
         help="how far above its baseline a rate may rise (default 0)")
    _add(group, "--write-baseline", metavar="FILE", help="write this run's rates as the accepted baseline")
    _add(group, "--report", metavar="FILE.html", help="write a self-contained HTML report with charts")
    _add(group, "--write-summary", metavar="FILE.json", help="write the corpus summary (a part, with --shard)")


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("corpus mode")
    _add(group, "--corpus", action="store_true",
         help="treat the inputs as a corpus (implied by any corpus option, Parquet, globs or URLs)")
    _add(group, "--jobs", "-j", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    _add(group, "--shard", metavar="I/N", help="check only shard I of N of the input (by file, byte range, row group)")
    _add(group, "--findings", metavar="FILE", help="write every finding as JSON lines to FILE ('-' for stdout)")
    _add(group, "--cross-document", action="store_true",
         help="two passes: also flag lines repeated across many documents of one site (B901)")
    _add(group, "--min-site-documents", type=int, default=5, metavar="N",
         help="cross-document: a line must occur in at least N documents of a site (default 5)")
    _add(group, "--min-site-share", type=float, default=0.1, metavar="FRACTION",
         help="cross-document: and in at least this share of the site's documents (default 0.1)")
    _add(group, "--strict", action="store_true", help="exit 2 when a row or shard cannot be read")
    _add(group, "--quiet", "-q", action="store_true", help="no progress bar, no summary line")
    _add(group, "--text-field", help="record field with the text (default: text)")
    _add(group, "--title-field", help="record field with the title (default: title)")
    _add(group, "--id-field", help="record field with the record id (default: id)")


def add_check_options(parser: argparse.ArgumentParser) -> None:
    _add_run_options(parser)
    _add_gate_options(parser)
    _add(parser, "--ray", metavar="ADDRESS|auto", help="run on a Ray cluster (pip install 'newslint[ray]')")


def add_fix_options(parser: argparse.ArgumentParser) -> None:
    _add_run_options(parser)
    _add_gate_options(parser)
    group = parser.add_argument_group("fixing a corpus")
    _add(group, "--output", "-o", metavar="FILE|DIR", help="write cleaned records here (same format as the input)")
    _add(group, "--drop-if", action="append", default=[], metavar="RULE|CATEGORY",
         help="leave out records with a finding of RULE or CATEGORY")
    _add(group, "--audit", metavar="FILE", help="write every removed or changed span, and every dropped record")


def add_subcommands(subparsers: Any) -> None:
    """`newslint merge PARTS...` and `newslint learn CORPUS -o PACK.yaml`."""
    merge = subparsers.add_parser("merge", help="join --shard summaries and apply the gate")
    merge.add_argument("parts", nargs="+", metavar="PART.json")
    _add_gate_options(merge)
    _add(merge, "--quiet", "-q", action="store_true")
    learn = subparsers.add_parser("learn", help="learn lines repeated across a site's documents into a phrase pack")
    learn.add_argument("paths", nargs="+", metavar="CORPUS")
    learn.add_argument("--output", "-o", required=True, metavar="PACK.yaml")
    learn.add_argument("--code", default="B900", help="rule code of the written pack (default B900)")
    learn.add_argument("--name", default="learned-boilerplate", help="rule slug of the written pack")
    _add_run_options(learn)


def is_corpus_run(args: argparse.Namespace) -> bool:
    if getattr(args, "corpus", False):
        return True
    if any(getattr(args, dest, None) for dest in _CORPUS_DESTS):
        return True
    return any(is_parquet(p) or is_remote(p) or any(c in p for c in "*?[") for p in args.paths or [])


# -- building the job ------------------------------------------------------------------------


def _fields(args: argparse.Namespace) -> RecordFields:
    return RecordFields(text=args.text_field or "text", title=args.title_field or "title", id=args.id_field or "id")


def _gate(args: argparse.Namespace) -> Gate:
    fail_on = getattr(args, "fail_on", None)
    return Gate(
        max_rates=[parse_max_rate(text) for text in getattr(args, "max_rate", None) or []],
        fail_on=Severity(fail_on) if fail_on else None,
        baseline=read_baseline(Path(args.baseline)) if getattr(args, "baseline", None) else None,
        tolerance=getattr(args, "baseline_tolerance", 0.0) or 0.0)


# -- printing --------------------------------------------------------------------------------


def format_statistics(summary: CorpusSummary, out: TextIO) -> None:
    docs = summary.documents or 1
    out.write(f"{summary.documents:,} documents, {summary.documents_with_findings:,} with findings "
              f"({summary.documents_with_findings / docs:.1%}), {summary.findings:,} findings\n")
    if summary.rules:
        out.write(f"\n{'rule':<32} {'findings':>9} {'docs':>8} {'rate':>7}  examples\n")
        for code, e in sorted(summary.rules.items(), key=lambda kv: (-kv[1]["documents"], kv[0])):
            examples = ", ".join(str(label) for _, label in e["examples"][:3])
            out.write(f"{code + ' ' + e['rule']:<32} {e['findings']:>9,} {e['documents']:>8,} "
                      f"{e['documents'] / docs:>7.2%}  {examples}\n")
        out.write(f"\n{'category':<32} {'findings':>9} {'docs':>8} {'rate':>7}\n")
        for name, e in sorted(summary.categories.items(), key=lambda kv: -kv[1]["documents"]):
            out.write(f"{name:<32} {e['findings']:>9,} {e['documents']:>8,} {e['documents'] / docs:>7.2%}\n")
    sources = summary.dirtiest_sources(10)
    if len(summary.sources) > 1 and sources:
        out.write(f"\n{'dirtiest sources':<32} {'docs':>9} {'affected':>8} {'rate':>7}\n")
        for name, total, affected, _ in sources:
            out.write(f"{name[:32]:<32} {total:>9,} {affected:>8,} {affected / total:>7.2%}\n")


class ServiceMessages:
    """Service messages from the workers, printed once each; remembers which services were out."""

    def __init__(self) -> None:
        self.said: set[str] = set()
        self.unavailable: set[str] = set()

    def absorb(self, result: ChunkResult) -> None:
        self.unavailable |= result.unavailable
        for message in result.notices:
            if message not in self.said:
                self.said.add(message)
                print(f"warning: {message}", file=sys.stderr)

    def exit_code(self, args: argparse.Namespace) -> int | None:
        """EXIT_ERROR when --require-grammar was given and the grammar service was out."""
        if getattr(args, "require_grammar", False) and "grammar" in self.unavailable:
            return EXIT_ERROR
        return None


def _report_input_errors(errors: list[InputError], shown: list[int]) -> None:
    for error in errors:
        if shown[0] < MAX_ERRORS_SHOWN:
            print(f"newslint: {error}", file=sys.stderr)
        shown[0] += 1


def finish(summary: CorpusSummary, args: argparse.Namespace, out: TextIO = sys.stdout,
           unfixed: dict[str, int] | None = None, default_fail_on: Severity = Severity.WARNING) -> int:
    """Statistics, verdict, baseline, report; returns the exit code.

    Without a gate the code is 1 when there are findings at or above `default_fail_on`
    (the configured fail-on), for fix: such findings left unfixed.
    """
    gate = _gate(args)
    checks = gate.evaluate(summary) if gate.active else None
    if getattr(args, "statistics", False) or gate.active:
        format_statistics(summary, out)
        out.write("\n")
    elif not getattr(args, "quiet", False):
        out.write(f"{summary.documents:,} documents, {summary.documents_with_findings:,} with findings, "
                  f"{summary.findings:,} findings (--statistics for rates per rule)\n")
    passed = True
    if checks is not None:
        passed, text = verdict(summary, checks)
        out.write(text + "\n")
    if getattr(args, "write_baseline", None):
        write_baseline(summary, Path(args.write_baseline))
    if getattr(args, "report", None):
        write_report(summary, Path(args.report), checks)
    if summary.input_error_count and getattr(args, "strict", False):
        return EXIT_ERROR
    if summary.internal_errors:
        return EXIT_ERROR
    if checks is not None:
        return EXIT_OK if passed else EXIT_FINDINGS
    if getattr(args, "write_baseline", None):
        return EXIT_OK  # writing a baseline accepts the rates it records
    left = summary.severities if unfixed is None else unfixed
    failing = sum(n for name, n in left.items() if Severity(name).rank >= default_fail_on.rank)
    return EXIT_FINDINGS if failing else EXIT_OK


def _progress_wanted(args: argparse.Namespace) -> bool:
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


# -- commands --------------------------------------------------------------------------------


def _units(args: argparse.Namespace):
    files = expand_paths(args.paths)
    shard = parse_shard(args.shard) if getattr(args, "shard", None) else None
    return files, shard, plan_units(files, shard)


def _cross_document_table(args: argparse.Namespace, units, job: Job) -> dict | None:
    if not getattr(args, "cross_document", False):
        return None
    return corpus_run.learn_site_lines(units, job, jobs=args.jobs, min_documents=args.min_site_documents,
                                       min_share=args.min_site_share)


def _guarded(command):
    def wrapped(args: argparse.Namespace, *rest: Any, **kwargs: Any) -> int:
        try:
            return command(args, *rest, **kwargs)
        except (InputError, GateError, MergeError, RegistryError, PackError) as exc:
            print(f"newslint: {exc}", file=sys.stderr)
            return EXIT_ERROR
    return wrapped


@_guarded
def run_check(args: argparse.Namespace, spec: RuleSpec, fields: RecordFields,
              default_fail_on: Severity = Severity.WARNING) -> int:
    files, shard, units = _units(args)
    job = Job(rules=spec, fields=fields, keep_findings=bool(getattr(args, "findings", None)))
    job.rules.build()  # fail fast on a bad selection, before any worker starts
    if getattr(args, "ray", None):
        from newslint.ray import check_units_on_ray

        shown, services = [0], ServiceMessages()

        def on_ray_result(result: ChunkResult) -> None:
            _report_input_errors(result.input_errors, shown)
            services.absorb(result)

        cross = ({"min_documents": args.min_site_documents, "min_share": args.min_site_share}
                 if getattr(args, "cross_document", False) else None)
        try:
            diagnostics, summary = check_units_on_ray(units, job, address=args.ray, cross_document=cross,
                                                      on_result=on_ray_result)
        except ImportError as exc:
            print(f"newslint: {exc}", file=sys.stderr)
            return EXIT_ERROR
        _write_findings(args, diagnostics)
        code = _close(summary, args, files, shard, default_fail_on)
        return services.exit_code(args) or code
    table = _cross_document_table(args, units, job)
    if table is not None:
        job = replace(job, cross_document=table)
    findings_out = _open_findings(args)
    shown = [0]
    services = ServiceMessages()

    def on_result(result: ChunkResult) -> None:
        _report_input_errors(result.input_errors, shown)
        services.absorb(result)
        for error in result.internal_errors:
            print(f"newslint: {error}", file=sys.stderr)
        if findings_out is not None:
            findings_out.write(_encode_findings(result.diagnostics))

    try:
        outcome = corpus_run.run(units, job, jobs=args.jobs, progress=_progress_wanted(args), on_result=on_result)
    finally:
        if findings_out is not None and findings_out is not sys.stdout.buffer:
            findings_out.close()
    code = _close(outcome.summary, args, files, shard, default_fail_on)
    return services.exit_code(args) or code


def _open_findings(args: argparse.Namespace):
    target = getattr(args, "findings", None)
    if not target:
        return None
    return sys.stdout.buffer if target == "-" else open_binary_write(Path(target))


def _encode_findings(diagnostics) -> bytes:
    """Findings as JSON lines in the CONTRACT.md shape."""
    return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in diagnostics).encode("utf-8")


def _write_findings(args: argparse.Namespace, diagnostics) -> None:
    out = _open_findings(args)
    if out is None:
        return
    out.write(_encode_findings(diagnostics))
    if out is not sys.stdout.buffer:
        out.close()


def _close(summary: CorpusSummary, args: argparse.Namespace, files: Sequence[str], shard,
           default_fail_on: Severity, unfixed: dict[str, int] | None = None) -> int:
    if getattr(args, "write_summary", None):
        write_part(summary, Path(args.write_summary), shard, files)
    if summary.input_error_count > MAX_ERRORS_SHOWN:
        print(f"newslint: … {summary.input_error_count - MAX_ERRORS_SHOWN} more unreadable rows", file=sys.stderr)
    return finish(summary, args, unfixed=unfixed, default_fail_on=default_fail_on)


@_guarded
def run_fix(args: argparse.Namespace, spec: RuleSpec, fields: RecordFields,
            default_fail_on: Severity = Severity.WARNING) -> int:
    files, shard, units = _units(args)
    spec.build()
    job = Job(rules=spec, fields=fields, mode="fix", keep_findings=False,
              unsafe=bool(getattr(args, "unsafe_fixes", False)),
              drop_codes=spec.codes_matching(tuple(getattr(args, "drop_if", None) or ())))
    table = _cross_document_table(args, units, job)
    if table is not None:
        job = replace(job, cross_document=table)
    if not getattr(args, "output", None):
        print("newslint: fix on a corpus needs -o FILE|DIR for the cleaned records", file=sys.stderr)
        return EXIT_ERROR
    writer = CleanedCorpusWriter(args.output, files)
    audit = AuditWriter(Path(args.audit)) if getattr(args, "audit", None) else None
    shown, unfixed = [0], {}
    services = ServiceMessages()

    def on_result(result: ChunkResult) -> None:
        _report_input_errors(result.input_errors, shown)
        services.absorb(result)
        for name, count in result.unfixed.items():
            unfixed[name] = unfixed.get(name, 0) + count
        writer.write(result)
        if audit is not None:
            audit.write(result)

    try:
        outcome = corpus_run.run(units, job, jobs=args.jobs, progress=_progress_wanted(args), on_result=on_result)
    finally:
        writer.close()
        if audit is not None:
            audit.close()
    code = _close(outcome.summary, args, files, shard, default_fail_on, unfixed)
    return services.exit_code(args) or code


@_guarded
def run_merge(args: argparse.Namespace) -> int:
    summary = merge_parts([Path(p) for p in args.parts])
    if getattr(args, "write_summary", None):
        write_part(summary, Path(args.write_summary), None, [])
    return finish(summary, args)


@_guarded
def run_learn(args: argparse.Namespace) -> int:
    files, shard, units = _units(args)
    job = Job(fields=_fields(args))
    table = corpus_run.learn_site_lines(units, job, jobs=args.jobs, min_documents=args.min_site_documents,
                                        min_share=args.min_site_share)
    lines = corpus_run.collect_lines(units, job, table, jobs=args.jobs)
    if not lines:
        print("newslint: no line repeats often enough to learn; nothing written", file=sys.stderr)
        return EXIT_OK
    write_phrase_pack(lines, Path(args.output), code=args.code, name=args.name)
    if not getattr(args, "quiet", False):
        print(f"wrote {len(lines)} learned lines to {args.output}")
    return EXIT_OK
