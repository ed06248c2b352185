"""The pre-commit hooks, run for real with `pre-commit try-repo` in a throw-away git repo.

try-repo installs this checkout into a fresh virtualenv (from PyPI for the dependencies),
so the test takes a little while; it is skipped when pre-commit or git is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.cli_helpers import ROOT

pytestmark = pytest.mark.slow

DIRTY = "A first paragraph of the story.\n\nSharing Is Caring:\n\nA last paragraph of the story.\n"


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    pytest.importorskip("pre_commit")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.com")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "story.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "code.py").write_text("print('Sharing Is Caring:')\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    return tmp_path


def _try_repo(repo, hook):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files", "--color", "never"],
        cwd=repo, capture_output=True, text=True, timeout=900,
        env={**__import__("os").environ, "PRE_COMMIT_HOME": str(repo / ".pre-commit-home")},
    )


def test_check_hook_fails_on_findings_and_fix_hook_repairs(repo):
    check = _try_repo(repo, "newslint")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "story.txt:3:1:" in check.stdout and "code.py" not in check.stdout
    fix = _try_repo(repo, "newslint-fix")
    assert "files were modified by this hook" in fix.stdout
    assert (repo / "story.txt").read_text(encoding="utf-8") == \
        "A first paragraph of the story.\n\nA last paragraph of the story.\n"
