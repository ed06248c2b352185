"""The HTML report: self-contained, with charts, and rendered by headless Chromium when present."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.corpus import run as corpus_run
from newslint.corpus.gate import Gate
from newslint.corpus.report import render, write_report
from newslint.corpus.sources import plan_units
from tests.corpus_helpers import job, newslint, rows, write_jsonl, write_packs

ARTIFACTS = Path(__file__).resolve().parent.parent / "build" / "test-artifacts"


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    pack = write_packs(folder / "packs")
    corpus = write_jsonl(folder / "c.jsonl", rows(45, promo_every=3) + [{"id": "odd", "text": "<b>x</b> & y"}])
    return corpus_run.check_corpus(plan_units([str(corpus)]), job(pack), jobs=1)[1].summary


def test_report_is_self_contained_with_every_chart(summary):
    checks = Gate(max_rates=[("B990", 0.1)]).evaluate(summary)
    page = render(summary, checks=checks)
    assert page.count("<svg") == 5  # rules, categories, findings histogram, lengths, sources
    # No scripts, no stylesheets or images from elsewhere: it opens offline.
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "Gate FAILED" in page and "B990" in page and "test-promo-line" in page
    assert "<mark>Subscribe to the harbour bulletin" in page
    assert "port0.example" in page


def test_report_escapes_record_text(tmp_path):
    from newslint.corpus.summary import CorpusSummary
    from newslint.diagnostics import Category, Diagnostic, Severity

    hostile = CorpusSummary()
    diag = Diagnostic("B990", "test-promo-line", Category.BOILERPLATE, Severity.WARNING,
                      "Promo line: '<script>alert(1)</script>'", 0, 8)
    hostile.add_document((0, 1), "<img src=x>", "site", "<script>alert(1)</script>", [diag])
    page = render(hostile)
    assert "<script>" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;" in page


def test_cli_writes_the_report(tmp_path):
    pack = write_packs(tmp_path / "packs")
    corpus = write_jsonl(tmp_path / "c.jsonl", rows(20))
    done = newslint("check", str(corpus), "--rules-dir", str(pack), "--select", "B990,X990",
                    "--report", str(tmp_path / "r.html"), "-q")
    assert done.returncode == 1, done.stderr
    assert "<svg" in (tmp_path / "r.html").read_text()


def _chromium() -> str | None:
    return next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(name)), None)


def test_report_renders_in_headless_chromium(summary, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    report = tmp_path / "report.html"
    write_report(summary, report, Gate(max_rates=[("B990", 0.1)]).evaluate(summary))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "corpus-report.png"
    screenshot.unlink(missing_ok=True)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
             "--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run([browser, *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True,
                         timeout=60)
    assert "Documents affected, per rule" in dom.stdout, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") == 5
    subprocess.run([browser, *flags, f"--screenshot={screenshot}", "--window-size=1200,1800", report.as_uri()],
                   capture_output=True, text=True, timeout=60)
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
