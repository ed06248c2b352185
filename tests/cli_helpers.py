"""Run the real command line in a subprocess, with this checkout first on the import path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CLEAN_ARTICLE = """\
Harbour Town Opens Its New Library

The new public library in Harbour Town opened its doors on Saturday morning, two years after
the old building was damaged by a storm.

About 400 people queued outside before the mayor cut the ribbon. "We have waited a long time
for this," said Maria Lopez, who has lived in the town for 30 years.

The building cost $12 million and holds more than 80,000 books, a children's reading room and
a small recording studio that students can book for free.

Librarians said they expect the number of members to double by the end of the year.
"""


def run_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), (env or {}).get("PYTHONPATH")]))}
    full_env.update({k: v for k, v in (env or {}).items() if k != "PYTHONPATH"})
    full_env.pop("FORCE_COLOR", None)
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run([sys.executable, "-m", "newslint", *args], input=data, capture_output=True,
                          cwd=cwd, env=full_env, timeout=120)
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc
