"""Corpus library: readers, shards, the ordered pool, the mergeable summary, the gate."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from newslint.corpus import run as corpus_run
from newslint.corpus.gate import Gate, verdict, write_baseline, read_baseline
from newslint.corpus.sources import Unit, expand_paths, plan_units, read_unit
from newslint.corpus.summary import CorpusSummary
from newslint.corpus.work import Chunk
from tests.corpus_helpers import job, rows, write_jsonl, write_packs, write_parquet


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return write_packs(tmp_path_factory.mktemp("packs"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Shards in every supported format; one malformed row and one undecodable shard."""
    pytest.importorskip("pyarrow")
    pytest.importorskip("zstandard")
    folder = tmp_path_factory.mktemp("corpus")
    write_jsonl(folder / "a.jsonl", rows(40, start=0), extra_lines={5: "{not json"})
    write_jsonl(folder / "b.jsonl.gz", rows(25, start=100))
    write_jsonl(folder / "c.jsonl.zst", rows(20, start=200))
    write_jsonl(folder / "d.jsonl.bz2", rows(10, start=300))
    write_parquet(folder / "e.parquet", rows(30, start=400))
    (folder / "f.jsonl.gz").write_bytes(b"this is not gzip data at all")
    return folder


def summary_dict(summary: CorpusSummary) -> dict:
    return json.loads(json.dumps(summary.to_dict()))


def finding_keys(diagnostics) -> list[tuple]:
    return [(d.path, d.record, d.code, d.start, d.end, d.field) for d in diagnostics]


def test_every_format_is_read_and_bad_input_is_reported_with_its_position(corpus, pack):
    files = expand_paths([str(corpus)])
    assert [Path(f).name for f in files] == ["a.jsonl", "b.jsonl.gz", "c.jsonl.zst", "d.jsonl.bz2",
                                             "e.parquet", "f.jsonl.gz"]
    found, outcome = corpus_run.check_corpus(plan_units(files), job(pack), jobs=1)
    summary = outcome.summary
    assert summary.documents == 40 + 25 + 20 + 10 + 30
    errors = {(Path(path).name, record) for _, path, record, _ in summary.input_errors}
    assert errors == {("a.jsonl", 6), ("f.jsonl.gz", 1)}
    # Record numbers are line numbers: the row after the malformed one is line 7.
    promo = [d for d in found if d.code == "B990" and d.path.endswith("a.jsonl")]
    assert promo[0].record == 1 and promo[0].record_id == "doc-0"
    assert {d.record_id for d in found if d.path.endswith("a.jsonl") and d.record == 7} == {"doc-5"}
    assert {d.record_id for d in found if d.path.endswith("a.jsonl") and d.record == 8} == {"doc-6"}
    assert any(d.path.endswith("e.parquet") for d in found)


def test_globs_select_shards(corpus):
    files = expand_paths([str(corpus / "*.jsonl*")])
    assert [Path(f).name for f in files] == ["a.jsonl", "b.jsonl.gz", "c.jsonl.zst", "d.jsonl.bz2", "f.jsonl.gz"]


def test_two_workers_give_the_same_findings_in_the_same_order(corpus, pack):
    units = plan_units(expand_paths([str(corpus)]))
    one, run_one = corpus_run.check_corpus(units, job(pack), jobs=1)
    two, run_two = corpus_run.check_corpus(units, job(pack), jobs=2)
    assert finding_keys(two) == finding_keys(one)
    assert summary_dict(run_two.summary) == summary_dict(run_one.summary)


@pytest.mark.parametrize("count", [2, 3, 5])
def test_shards_merged_equal_the_single_run(corpus, pack, count):
    files = expand_paths([str(corpus)])
    whole, single = corpus_run.check_corpus(plan_units(files), job(pack), jobs=1)
    merged, parts = CorpusSummary(), []
    for index in range(1, count + 1):
        found, outcome = corpus_run.check_corpus(plan_units(files, (index, count)), job(pack), jobs=1)
        parts.extend(found)
        merged.merge(CorpusSummary.from_dict(summary_dict(outcome.summary)))
    assert sorted(finding_keys(parts)) == sorted(finding_keys(whole))
    assert summary_dict(merged) == summary_dict(single.summary)


@settings(max_examples=25, deadline=None)
@given(lengths=st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=40),
       count=st.integers(min_value=1, max_value=7))
def test_byte_ranges_cover_every_line_exactly_once(tmp_path_factory, lengths, count):
    path = tmp_path_factory.mktemp("ranges") / "r.jsonl"
    lines = [json.dumps({"text": "x" * n}) for n in lengths]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[tuple[int, bytes]] = []
    for index in range(1, count + 1):
        for unit in plan_units([str(path)], (index, count)):
            seen.extend(read_unit(unit))
    assert sorted(number for number, _ in seen) == list(range(1, len(lines) + 1))
    assert [payload.decode().rstrip("\n") for _, payload in sorted(seen)] == lines


def test_the_pool_reads_ahead_only_a_bounded_number_of_chunks(pack):
    pulled = []

    def chunks():
        for i in range(200):
            pulled.append(i)
            yield Chunk("mem.jsonl", 0, [(1, json.dumps({"text": f"Line {i}."}).encode())], 10)

    results = corpus_run.map_chunks(job(pack), chunks(), jobs=2)
    next(results)
    assert len(pulled) <= 2 * corpus_run.IN_FLIGHT + 1
    assert sum(1 for _ in results) == 199


def test_remote_paths_go_through_fsspec(pack):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    data = "\n".join(json.dumps(r) for r in rows(9)) + "\n"
    fs.pipe("/corpus8/part-0.jsonl", data.encode())
    files = expand_paths(["memory://corpus8/"])
    assert files == ["memory:///corpus8/part-0.jsonl"]
    found, outcome = corpus_run.check_corpus(plan_units(files), job(pack), jobs=1)
    assert outcome.summary.documents == 9
    assert outcome.summary.rules["B990"]["documents"] == 3


def _summary(pack: Path, tmp: Path, promo_every: int) -> CorpusSummary:
    path = write_jsonl(tmp / f"g{promo_every}.jsonl", rows(60, promo_every=promo_every))
    return corpus_run.check_corpus(plan_units([str(path)]), job(pack), jobs=1)[1].summary


def test_rates_by_code_prefix_slug_and_category(pack, tmp_path):
    summary = _summary(pack, tmp_path, promo_every=4)
    assert summary.rate_of("B990") == (15, 0.25)
    assert summary.rate_of("B9") == (15, 0.25)
    assert summary.rate_of("test-promo-line") == (15, 0.25)
    assert summary.rate_of("boilerplate") == (15, 0.25)
    assert summary.rate_of("X990") == (12, 0.2)
    assert summary.rate_of("B1")[0] == 0
    assert [label for _, label in summary.rules["B990"]["examples"]] == ["doc-0", "doc-4", "doc-8", "doc-12",
                                                                           "doc-16"]
    assert summary.sources["port0.example"][0] == 20


def test_gate_fails_above_the_baseline_and_passes_under_it(pack, tmp_path):
    accepted = _summary(pack, tmp_path, promo_every=4)
    baseline_file = tmp_path / "baseline.json"
    write_baseline(accepted, baseline_file)
    gate = Gate(baseline=read_baseline(baseline_file))

    worse = _summary(pack, tmp_path, promo_every=2)
    passed, text = verdict(worse, gate.evaluate(worse))
    assert not passed
    assert "✗ B990 test-promo-line" in text and "✗ X990" not in text

    better = _summary(pack, tmp_path, promo_every=6)
    passed, text = verdict(better, gate.evaluate(better))
    assert passed and "PASSED" in text


def test_max_rate_names_the_failed_threshold(pack, tmp_path):
    summary = _summary(pack, tmp_path, promo_every=4)
    checks = Gate(max_rates=[("boilerplate", 0.1), ("X990", 0.5)]).evaluate(summary)
    passed, text = verdict(summary, checks)
    assert not passed
    failed = [line for line in text.splitlines() if "✗" in line]
    assert len(failed) == 1 and "boilerplate" in failed[0] and "25.00%" in failed[0]


def test_summaries_merge_in_any_order(pack, tmp_path):
    parts = [_summary(pack, tmp_path, promo_every=n) for n in (2, 3, 5)]
    orders = [[0, 1, 2], [2, 0, 1], [1, 2, 0]]
    merged = []
    for order in orders:
        total = CorpusSummary()
        for i in order:
            total.merge(CorpusSummary.from_dict(summary_dict(parts[i])))
        merged.append(summary_dict(total))
    assert merged[0] == merged[1] == merged[2]
    assert merged[0]["documents"] == 180


def test_chunk_order_is_kept_when_workers_finish_out_of_order(pack, tmp_path):
    texts = [("Subscribe to the harbour bulletin" if random.Random(i).random() < 0.3 else f"Story {i}.")
             + ("\n\nword " * random.Random(i).randint(0, 3000)) for i in range(120)]
    path = write_jsonl(tmp_path / "uneven.jsonl", [{"id": str(i), "text": t} for i, t in enumerate(texts)])
    found, _ = corpus_run.check_corpus([Unit(str(path), 0)], job(pack), jobs=2)
    records = [d.record for d in found]
    assert records == sorted(records) and records
