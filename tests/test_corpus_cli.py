"""Corpus mode through the command line (`python -m newslint`, as CI runs it)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.corpus_helpers import SELECT, newslint, rows, write_jsonl, write_packs


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return write_packs(tmp_path_factory.mktemp("packs"))


def rules(pack: Path) -> list[str]:
    return ["--rules-dir", str(pack), "--select", SELECT]


def read_findings(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_gate_with_baseline_fails_naming_the_rule_that_rose(pack, tmp_path):
    accepted = write_jsonl(tmp_path / "accepted.jsonl", rows(60, promo_every=4))
    baseline = tmp_path / "baseline.json"
    done = newslint("check", str(accepted), *rules(pack), "--write-baseline", str(baseline), "-q")
    assert done.returncode == 0, done.stderr
    assert json.loads(baseline.read_text())["rules"]["B990"] == 0.25

    worse = write_jsonl(tmp_path / "worse.jsonl", rows(60, promo_every=2))
    done = newslint("check", str(worse), *rules(pack), "--baseline", str(baseline))
    assert done.returncode == 1, done.stderr
    failed = [line for line in done.stdout.splitlines() if "✗" in line]
    assert len(failed) == 1 and "B990 test-promo-line" in failed[0]
    assert "FAILED" in done.stdout

    better = write_jsonl(tmp_path / "better.jsonl", rows(60, promo_every=6))
    done = newslint("check", str(better), *rules(pack), "--baseline", str(baseline))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASSED" in done.stdout


def test_max_rate_and_fail_on(pack, tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", rows(30, promo_every=3))
    passing = newslint("check", str(corpus), *rules(pack), "--max-rate", "B990=0.4", "--max-rate", "style=0.25")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    failing = newslint("check", str(corpus), *rules(pack), "--max-rate", "boilerplate=0.2")
    assert failing.returncode == 1
    assert "✗ boilerplate: 33.33% of documents" in failing.stdout
    info = newslint("check", str(corpus), *rules(pack), "--max-rate", "B990=0.4", "--fail-on", "info")
    assert info.returncode == 1 and "--fail-on info" in info.stdout
    usage = newslint("check", str(corpus), *rules(pack), "--max-rate", "B990")
    assert usage.returncode == 2 and "RULE=FRACTION" in usage.stderr


def test_shards_then_merge_equal_the_single_run(pack, tmp_path):
    write_jsonl(tmp_path / "in" / "a.jsonl", rows(50, start=0))
    write_jsonl(tmp_path / "in" / "b.jsonl.gz", rows(30, start=50))
    corpus = str(tmp_path / "in")
    single = newslint("check", corpus, *rules(pack), "--write-summary", str(tmp_path / "all.json"),
                      "--findings", str(tmp_path / "all.jsonl"), "-q")
    assert single.returncode == 1, single.stderr
    parts, shard_findings = [], []
    for i in (1, 2, 3):
        part = tmp_path / f"part-{i}.json"
        done = newslint("check", corpus, *rules(pack), "--shard", f"{i}/3", "--write-summary", str(part),
                        "--findings", str(tmp_path / f"part-{i}.jsonl"), "-q", "-j", "1")
        assert done.returncode in (0, 1), done.stderr
        parts.append(str(part))
        shard_findings += read_findings(tmp_path / f"part-{i}.jsonl")
    merged = newslint("merge", *parts, "--write-summary", str(tmp_path / "merged.json"), "--statistics")
    assert merged.returncode == 1, merged.stderr
    whole = json.loads((tmp_path / "all.json").read_text())
    joined = json.loads((tmp_path / "merged.json").read_text())
    for key in ("shard", "inputs"):
        whole.pop(key), joined.pop(key)
    assert joined == whole
    key = lambda d: (d["path"], d["record"], d["start"], d["code"])  # noqa: E731
    assert sorted(shard_findings, key=key) == sorted(read_findings(tmp_path / "all.jsonl"), key=key)

    gated = newslint("merge", *parts, "--max-rate", "B990=0.1")
    assert gated.returncode == 1 and "✗ B990 test-promo-line" in gated.stdout
    incomplete = newslint("merge", *parts[:2])
    assert incomplete.returncode == 2 and "3/3" in incomplete.stderr


def test_fix_writes_every_record_in_order_and_audits_every_removed_span(pack, tmp_path):
    source = rows(40, promo_every=3)
    corpus = write_jsonl(tmp_path / "c.jsonl.gz", source, extra_lines={4: "{broken"})
    out, audit = tmp_path / "clean.jsonl.gz", tmp_path / "audit.jsonl"
    done = newslint("fix", str(corpus), *rules(pack), "-o", str(out), "--audit", str(audit), "-q")
    assert done.returncode == 0, done.stderr
    assert "c.jsonl.gz:5: malformed JSON" in done.stderr
    lines = gzip.decompress(out.read_bytes()).decode().splitlines()
    assert lines[4] == "{broken"  # a row that cannot be read is kept as it was
    cleaned = [json.loads(line) for i, line in enumerate(lines) if i != 4]
    assert [r["id"] for r in cleaned] == [r["id"] for r in source]
    entries = [json.loads(line) for line in audit.read_text().splitlines()]
    # Replaying the audit on the input gives the output: nothing changed without a trace.
    by_id = {r["id"]: r for r in cleaned}
    for record in source:
        text = record["text"]
        mine = [e for e in entries if e["id"] == record["id"]]
        for step in sorted({e["pass"] for e in mine}):
            for e in sorted((e for e in mine if e["pass"] == step), key=lambda e: -e["start"]):
                assert text[e["start"]:e["end"]] == e["removed"]
                text = text[:e["start"]] + e["replacement"] + text[e["end"]:]
        assert text == by_id[record["id"]]["text"]
    assert {e["code"] for e in entries} == {"B990", "X990"}
    assert not any("Subscribe to the harbour bulletin" in r["text"] for r in cleaned)


def test_fix_drop_if_leaves_out_records_and_audits_them(pack, tmp_path):
    source = rows(30, promo_every=3)
    corpus = write_jsonl(tmp_path / "c.jsonl", source)
    out, audit = tmp_path / "out" / "", tmp_path / "audit.jsonl"
    done = newslint("fix", str(corpus), *rules(pack), "-o", str(out) + "/", "--drop-if", "test-promo-line",
                    "--audit", str(audit), "-q")
    assert done.returncode == 0, done.stderr
    kept = [json.loads(line)["id"] for line in (tmp_path / "out" / "c.jsonl").read_text().splitlines()]
    assert kept == [r["id"] for i, r in enumerate(source) if i % 3 != 0]
    dropped = [json.loads(line) for line in audit.read_text().splitlines() if '"dropped"' in line]
    assert [d["id"] for d in dropped] == [r["id"] for i, r in enumerate(source) if i % 3 == 0]
    assert dropped[0]["row"] == source[0]


def test_malformed_row_and_undecodable_shard(pack, tmp_path):
    write_jsonl(tmp_path / "in" / "a.jsonl", rows(12, promo_every=100), extra_lines={3: '{"text": '})
    (tmp_path / "in" / "b.jsonl.zst").write_bytes(b"\x00\x01 definitely not zstd")
    write_jsonl(tmp_path / "in" / "c.jsonl", [{"id": "last", "text": "Ferries ran late on Sunday."}])
    corpus = str(tmp_path / "in")
    done = newslint("check", corpus, *rules(pack), "--statistics", "--corpus")
    assert done.returncode == 1, done.stderr  # the colour-scheme findings, not the bad input
    assert "a.jsonl:4: malformed JSON" in done.stderr
    assert "b.jsonl.zst:1: cannot read further" in done.stderr
    assert "13 documents" in done.stdout  # 12 good rows of a.jsonl and the one of c.jsonl
    strict = newslint("check", corpus, *rules(pack), "--strict", "-q", "--corpus")
    assert strict.returncode == 2
    clean = newslint("check", str(tmp_path / "in" / "c.jsonl"), str(tmp_path / "in" / "b.jsonl.zst"),
                     *rules(pack), "--corpus", "-q")
    assert clean.returncode == 0, clean.stderr


def test_learn_writes_a_pack_that_later_runs_use(pack, tmp_path):
    records = [{"id": str(i), "url": f"https://tidewater.example/{i}",
                "text": f"Tide table number {i} is out.\n\nRead the Tidewater Gazette every morning"}
               for i in range(12)]
    records += [{"id": f"o{i}", "url": f"https://other.example/{i}",
                 "text": f"Other story {i}.\n\nRead the Tidewater Gazette every morning" if i == 0 else f"Other {i}."}
                for i in range(12)]
    corpus = write_jsonl(tmp_path / "c.jsonl", records)
    learned = tmp_path / "learned" / "learned.yaml"
    done = newslint("learn", str(corpus), "-o", str(learned), "-q")
    assert done.returncode == 0, done.stderr
    text = learned.read_text()
    assert "Read the Tidewater Gazette every morning" in text and "Tide table" not in text
    check = newslint("check", str(corpus), "--rules-dir", str(learned.parent), "--select", "B900",
                     "--statistics", "--corpus")
    assert check.returncode == 1
    assert "B900 learned-boilerplate" in check.stdout and "13" in check.stdout

    cross = newslint("check", str(corpus), *rules(pack), "--cross-document", "--select", "B990",
                     "--findings", str(tmp_path / "f.jsonl"), "-q")
    flagged = [f for f in read_findings(tmp_path / "f.jsonl") if f["code"] == "B901"]
    assert len(flagged) == 12 and {f["id"] for f in flagged} == {str(i) for i in range(12)}
    assert cross.returncode == 1


def test_fix_keeps_parquet_as_parquet(pack, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from tests.corpus_helpers import write_parquet

    source = rows(21, promo_every=3)
    corpus = write_parquet(tmp_path / "in" / "p.parquet", source)
    done = newslint("fix", str(corpus), *rules(pack), "-o", str(tmp_path / "out") + "/", "-q")
    assert done.returncode == 0, done.stderr
    table = pq.read_table(tmp_path / "out" / "p.parquet")
    assert table.schema == pq.read_schema(corpus)
    cleaned = table.to_pylist()
    assert [r["id"] for r in cleaned] == [r["id"] for r in source]
    assert [r["title"] for r in cleaned] == [r["title"] for r in source]
    assert not any("harbour bulletin" in r["text"] for r in cleaned)


def test_per_file_ignores_apply_to_the_records_of_matching_shards(pack, tmp_path):
    (tmp_path / "newslint.toml").write_text('[per-file-ignores]\n"legacy-*.jsonl" = ["B990"]\n', encoding="utf-8")
    write_jsonl(tmp_path / "legacy-1.jsonl", rows(9, promo_every=3))
    write_jsonl(tmp_path / "fresh-1.jsonl", rows(9, promo_every=3))
    done = newslint("check", "legacy-1.jsonl", "fresh-1.jsonl", "--corpus", "--jobs", "1", *rules(pack),
                    "--findings", "found.jsonl", "-q", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    promo_paths = {f["path"] for f in read_findings(tmp_path / "found.jsonl") if f["code"] == "B990"}
    assert promo_paths == {"fresh-1.jsonl"}


def test_a_missing_grammar_server_is_one_warning_in_corpus_mode(pack, tmp_path, monkeypatch):
    from tests.test_grammar_cli import dead_url

    url = dead_url()
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", url)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    corpus = write_jsonl(tmp_path / "c.jsonl", rows(12, promo_every=100))
    done = newslint("check", str(corpus), "--corpus", "--jobs", "2", "--select", "grammar", "-q")
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: grammar rules skipped: no LanguageTool server at {url}; see README"]
    assert done.returncode == 0
    required = newslint("check", str(corpus), "--corpus", "--select", "grammar", "--require-grammar", "-q")
    assert required.returncode == 2
