"""The Ray path gives the same findings and summary as the local run (skipped without ray)."""

from __future__ import annotations

import json

import pytest

from newslint.corpus import run as corpus_run
from newslint.corpus.sources import expand_paths, plan_units
from tests.corpus_helpers import job, rows, write_jsonl, write_packs, write_parquet

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")


@pytest.fixture(scope="module")
def local_ray():
    import newslint.ray as newslint_ray

    newslint_ray.connect("local", num_cpus=2)
    yield newslint_ray
    ray.shutdown()


def test_ray_run_equals_the_local_run(local_ray, tmp_path):
    pytest.importorskip("pyarrow")
    pack = write_packs(tmp_path / "packs")
    write_jsonl(tmp_path / "in" / "a.jsonl", rows(60), extra_lines={7: "{cut off"})
    write_jsonl(tmp_path / "in" / "b.jsonl.gz", rows(40, start=60))
    write_parquet(tmp_path / "in" / "c.parquet", rows(25, start=100))
    units = plan_units(expand_paths([str(tmp_path / "in")]))

    local, outcome = corpus_run.check_corpus(units, job(pack), jobs=1)
    remote, summary = local_ray.check_units_on_ray(units, job(pack), address="local")

    assert [d.to_dict() for d in remote] == [d.to_dict() for d in local]
    assert json.dumps(summary.to_dict()) == json.dumps(outcome.summary.to_dict())
    assert summary.documents == 125 and summary.input_error_count == 1


def test_lint_dataset_of_records(local_ray, tmp_path):
    pack = write_packs(tmp_path / "packs")
    records = rows(30)
    found, summary = local_ray.lint_dataset(ray.data.from_items(records), job(pack))
    assert summary.documents == 30
    assert summary.rules["B990"]["documents"] == 10
    assert {d.record_id for d in found if d.code == "B990"} == {r["id"] for i, r in enumerate(records) if i % 3 == 0}


def test_cross_document_on_ray_equals_the_local_two_pass_run(local_ray, tmp_path):
    from dataclasses import replace

    pack = write_packs(tmp_path / "packs")
    records = rows(40, hosts=2)
    for i, record in enumerate(records):  # one site repeats a footer line no pack names
        if i % 2 == 0:
            record["text"] += "\n\nAll rights reserved by the harbour desk"
    write_jsonl(tmp_path / "in" / "a.jsonl", records)
    units = plan_units(expand_paths([str(tmp_path / "in")]))
    by_id = {r["id"]: r["text"] for r in records}

    table = corpus_run.learn_site_lines(units, job(pack), jobs=1)
    local, outcome = corpus_run.check_corpus(units, replace(job(pack), cross_document=table), jobs=1)
    remote, summary = local_ray.check_units_on_ray(units, job(pack), address="local",
                                                   cross_document={"min_documents": 5, "min_share": 0.1})

    footer_hits = {d.record_id for d in local if d.code == "B901"
                   and d.start == by_id[d.record_id].find("All rights reserved")}
    assert footer_hits == {r["id"] for i, r in enumerate(records) if i % 2 == 0}
    assert [d.to_dict() for d in remote] == [d.to_dict() for d in local]
    assert json.dumps(summary.to_dict()) == json.dumps(outcome.summary.to_dict())
