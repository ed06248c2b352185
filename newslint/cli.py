"""Command line: arguments, configuration and exit codes. No linting logic lives here.

Exit codes (CONTRACT.md): 0 nothing at or above the failing severity, 1 findings,
2 usage error, unreadable input or internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from newslint import __version__
from newslint.config import Config, ConfigError, load_config
from newslint.corpus import cli as corpus_cli
from newslint.diagnostics import Severity
from newslint.inputs.discover import DEFAULT_EXTENSIONS
from newslint.inputs.records import RecordFields
from newslint.packs import PackError
from newslint.registry import Registry, RegistryError
from newslint.reporters import FORMATS, StatisticsReporter
from newslint.rule import Rule
from newslint.session import RunOptions, RunState, Session, per_file_rules

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, as for other usage errors
        self.print_usage(sys.stderr)
        raise UsageError(message)


def _selector_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _add_rule_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", type=Path, help="use this newslint.toml or pyproject.toml")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.add_argument("--rules-dir", action="append", type=Path, default=[],
                   help="an extra folder of rule packs (repeatable)")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="files or folders to check, or - for standard input")
    _add_rule_options(p)
    sel = p.add_argument_group("rule selection (codes, code prefixes, slugs or categories)")
    sel.add_argument("--select", type=_selector_list, help="only these rules (comma-separated)")
    sel.add_argument("--ignore", type=_selector_list, action="extend", default=[],
                     help="leave these rules out (comma-separated, repeatable)")
    sel.add_argument("--extend-select", type=_selector_list, action="extend", default=[],
                     help="add these rules to the selected ones (comma-separated, repeatable)")
    out = p.add_argument_group("output")
    out.add_argument("--format", choices=sorted(FORMATS), default="text")
    out.add_argument("--statistics", action="store_true", help="count findings per rule")
    out.add_argument("-q", "--quiet", action="store_true", help="print diagnostics only, no summary")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument("--no-source", action="store_true", help="do not show source snippets")
    p.add_argument("--fail-on", choices=("error", "warning", "info"),
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--unsafe-fixes", action="store_true", help="include fixes that may delete content")
    p.add_argument("--require-grammar", action="store_true",
                   help="exit 2 when selected grammar rules cannot reach LanguageTool")
    p.add_argument("--strict", action="store_true", help="exit 2 when a record cannot be read")
    rec = p.add_argument_group("JSONL records")
    rec.add_argument("--text-field")
    rec.add_argument("--title-field")
    rec.add_argument("--id-field")
    p.add_argument("--stdin-filename", default="-", help="the name to report for standard input")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="A text-quality and cleanup linter for scraped news.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    check = sub.add_parser("check", help="report problems")
    _add_run_options(check)
    fix = sub.add_parser("fix", help="apply fixes in place (safe ones unless --unsafe-fixes)")
    _add_run_options(fix)
    fix.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    corpus_cli.add_check_options(check)
    corpus_cli.add_fix_options(fix)
    corpus_cli.add_subcommands(sub)
    rules = sub.add_parser("rules", help="list all rules")
    _add_rule_options(rules)
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    rule = sub.add_parser("rule", help="explain one rule")
    _add_rule_options(rule)
    rule.add_argument("code", help="a rule code or slug")
    return parser


# -- shared set-up -----------------------------------------------------------------------------

def _config(args: argparse.Namespace) -> Config:
    return Config() if args.isolated else load_config(explicit=args.config)


def _registry(args: argparse.Namespace, config: Config) -> Registry:
    return Registry.load([*config.rules_dirs, *args.rules_dir])


def _use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    return sys.stdout.isatty()


def _selected_rules(args: argparse.Namespace, config: Config, registry: Registry) -> tuple[list[type[Rule]], list[Rule]]:
    select = args.select if args.select is not None else config.select
    classes = registry.select(select, [*config.ignore, *args.ignore],
                              [*config.extend_select, *args.extend_select])
    registry.check_selectors([s for sels in config.per_file_ignores.values() for s in sels], "per-file-ignores")
    return classes, registry.instantiate(classes, config.rules, config.severity)


def _report_services(rules: Sequence[Rule], state: RunState, require_grammar: bool) -> int:
    """Print unavailable services and notices once each; 2 when a required service is missing."""
    code = EXIT_CLEAN
    said: set[str] = set()
    for rule in rules:
        if rule.unavailable and require_grammar and rule.category.value == "grammar":
            code = EXIT_ERROR
        for message in rule.service_messages():
            if message not in said:
                said.add(message)
                print(f"warning: {message}", file=sys.stderr)
        rule.close()
    return code


def run_lint(args: argparse.Namespace, fix_mode: bool) -> int:
    config = _config(args)
    registry = _registry(args, config)
    classes, rules = _selected_rules(args, config, registry)
    color = _use_color(args.color)
    reporter_cls = StatisticsReporter if args.statistics and args.format == "text" else FORMATS[args.format]
    reporter = reporter_cls(sys.stdout, classes, color=color, unsafe_fixes=args.unsafe_fixes,
                            show_source=not args.no_source)
    fields = RecordFields(args.text_field or config.text_field, args.title_field or config.title_field,
                          args.id_field or config.id_field)
    options = RunOptions(
        fields=fields, extensions=config.extensions or DEFAULT_EXTENSIONS, exclude=config.exclude,
        unsafe_fixes=args.unsafe_fixes, diff=getattr(args, "diff", False), stdin_filename=args.stdin_filename,
    )
    matches = registry.matching
    session = Session(per_file_rules(rules, config.per_file_ignores, lambda s: matches(s)), reporter, options)
    if fix_mode and args.paths == ["-"] and not args.diff:
        # Fixed text goes to stdout; diagnostics would corrupt it.
        reporter.out = sys.stderr
    state = session.fix(args.paths) if fix_mode else session.check(args.paths)
    if not args.quiet and not (fix_mode and args.diff):
        reporter.finish(state.summary, fix_mode=fix_mode)
    elif args.format in ("json", "sarif"):
        reporter.finish(state.summary, fix_mode=fix_mode)
    service_code = _report_services(rules, state, args.require_grammar)
    if state.fatal or service_code == EXIT_ERROR or (args.strict and state.record_errors):
        return EXIT_ERROR
    fail_on = Severity(args.fail_on or config.fail_on)
    if state.worst is not None and state.worst.rank >= fail_on.rank:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def run_corpus(args: argparse.Namespace, fix_mode: bool) -> int:
    """Corpus mode (newslint/corpus): the same rules and config, run over shards on every core."""
    config = _config(args)
    spec = corpus_cli.RuleSpec(
        rules_dirs=tuple(str(d) for d in [*config.rules_dirs, *args.rules_dir]),
        select=tuple(args.select if args.select is not None else config.select)
        if (args.select is not None or config.select is not None) else None,
        ignore=tuple([*config.ignore, *args.ignore]),
        extend_select=tuple([*config.extend_select, *args.extend_select]),
        options=config.rules, severities=config.severity,
        per_file_ignores={glob: tuple(sels) for glob, sels in config.per_file_ignores.items()})
    fields = RecordFields(args.text_field or config.text_field, args.title_field or config.title_field,
                          args.id_field or config.id_field)
    if args.format == "jsonl" and not args.findings:
        args.findings = "-"
    run = corpus_cli.run_fix if fix_mode else corpus_cli.run_check
    return run(args, spec, fields, Severity(config.fail_on))


def run_rules(args: argparse.Namespace) -> int:
    registry = _registry(args, _config(args))
    ordered = registry.sorted()
    if args.format == "json":
        json.dump([{"code": r.code, "name": r.name, "category": r.category.value,
                    "severity": r.severity.value, "default": r.default_enabled,
                    "summary": r.one_line_summary(), "origin": r.origin} for r in ordered],
                  sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    if args.format == "markdown":
        sys.stdout.write(rules_markdown(ordered))
        return EXIT_CLEAN
    table = Table(title=f"newslint rules ({len(ordered)})", show_lines=False)
    for column in ("code", "name", "category", "severity", "default", "summary"):
        table.add_column(column, overflow="fold")
    for r in ordered:
        table.add_row(r.code, r.name, r.category.value, r.severity.value,
                      "on" if r.default_enabled else "opt-in", r.one_line_summary())
    Console(highlight=False).print(table)
    return EXIT_CLEAN


def rules_markdown(ordered: Sequence[type[Rule]]) -> str:
    """The rule table as Markdown (the README's table is this output)."""
    rows = ["| code | name | category | severity | default | what it finds |",
            "| --- | --- | --- | --- | --- | --- |"]
    for r in ordered:
        summary = r.one_line_summary().replace("|", "\\|")
        rows.append(f"| {r.code} | {r.name} | {r.category.value} | {r.severity.value} | "
                    f"{'on' if r.default_enabled else 'opt-in'} | {summary} |")
    return "\n".join(rows) + "\n"


def run_rule(args: argparse.Namespace) -> int:
    registry = _registry(args, _config(args))
    rule = registry.find(args.code)
    if rule is None:
        raise UsageError(f"no rule with code or name '{args.code}' (see `newslint rules`)")
    header = (f"# {rule.code} {rule.name}\n\ncategory: {rule.category.value} · severity: "
              f"{rule.severity.value} · {'on by default' if rule.default_enabled else 'opt-in'}"
              f" · from {rule.origin}\n\n")
    text = header + rule.documentation() + "\n"
    if sys.stdout.isatty():
        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_ERROR
        if args.command in ("check", "fix") and corpus_cli.is_corpus_run(args):
            return run_corpus(args, fix_mode=args.command == "fix")
        if args.command in ("check", "fix"):
            return run_lint(args, fix_mode=args.command == "fix")
        if args.command == "merge":
            return corpus_cli.run_merge(args)
        if args.command == "learn":
            return corpus_cli.run_learn(args)
        if args.command == "rules":
            return run_rules(args)
        return run_rule(args)
    except (UsageError, ConfigError, PackError, RegistryError) as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
