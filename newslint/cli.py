"""Provisional CLI for corpus mode only; replaced by the lead's CLI when main has it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from newslint.corpus import cli as corpus_cli


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newslint")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--select", action="append")
    common.add_argument("--ignore", action="append")
    common.add_argument("--extend-select", action="append")
    common.add_argument("--rules-dir", action="append")
    check = sub.add_parser("check", parents=[common])
    check.add_argument("paths", nargs="+")
    corpus_cli.add_check_options(check)
    fix = sub.add_parser("fix", parents=[common])
    fix.add_argument("paths", nargs="+")
    fix.add_argument("--unsafe-fixes", action="store_true")
    corpus_cli.add_fix_options(fix)
    corpus_cli.add_subcommands(sub, common)
    args = parser.parse_args(argv)
    run = {"check": corpus_cli.run_check, "fix": corpus_cli.run_fix,
           "merge": corpus_cli.run_merge, "learn": corpus_cli.run_learn}[args.command]
    return run(args)
