"""One export's batches over several processes (`pipelines.parallel`): the same files as one process, in order,
and a failing batch fails the stage."""

from __future__ import annotations

import os

import pytest

import demo as samplegen
from pipelines import parallel, stages
from pipelines.specs import load_specs
from pipelines.store import PrivateStore
from tests.test_verify import _identifier_state

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _run(tmp, export, spec, monkeypatch, procs: str) -> dict:
    monkeypatch.setenv("OSD_STAGE_PROCESSES", procs)
    store = PrivateStore.local(tmp / f"private{procs}")
    stages.ingest_raw(store, spec, export, export.name)
    std = stages.standardize_partition(store, spec, export.name).to_dict()
    deid = stages.deidentify_partition(store, spec, export.name, key=b"k").to_dict()
    assert deid.pop("standardized_id") == std.pop("standardized_id")  # a fresh token per standardize run
    out = {"std": std, "deid": deid}
    for key in ("standardized", "quarantine", "deidentified"):
        out[key] = store.read_parquet(f"{key}/{spec.name}/{export.name}.parquet")
    return out


def test_parallel_batches_write_the_same_files(tmp_path, monkeypatch):
    """Standardize and de-identify with 2 processes (small batches, so a worker takes several) write exactly the
    rows, order, quarantine, reason counts and policy output of one process; the leak verifier's identifier forms
    (written by standardize, or recomputed by one process or two) are the same set."""
    spec = {s.name: s for s in load_specs()}["stops"]
    export = samplegen.generate(tmp_path / "in", rows=3000, seed=11, bad_rows=40, sources=["rivertown_stops"])[0]
    monkeypatch.setenv("OSD_BATCH_ROWS", "400")
    monkeypatch.setattr(parallel, "MIN_ROWS", 0)
    monkeypatch.setenv("OSD_STAGE_PROCESSES", "2")
    assert parallel.processes_for(3000, 400) == (2, 375)  # 8 batches: the worker and this process take several
    calls: list[int] = []
    real = parallel.ordered_map
    for stage in (stages.standardized, stages.deidentified, stages.identifiers):  # the per-batch work
        monkeypatch.setattr(stage, "ordered_map", lambda fn, items, n: calls.append(n) or real(fn, items, n))
    one = _run(tmp_path, export, spec, monkeypatch, "1")
    assert calls == [1, 1]
    calls.clear()
    two = _run(tmp_path, export, spec, monkeypatch, "2")
    assert calls == [2, 2]
    assert one["std"] == two["std"] and one["deid"] == two["deid"]
    assert one["std"]["quarantined"] > 0 and one["std"]["rows_out"] > 2000
    for key in ("standardized", "quarantine", "deidentified"):
        assert one[key].equals(two[key]), key
        assert one[key].num_rows > 0
    # the leak verifier's identifier forms: computed in batches by both processes, added in batch order
    calls.clear()
    warm = stages.gather_identifiers(PrivateStore.local(tmp_path / "private2"), spec, [export.name])
    assert calls == []  # standardize computed them with the rows: read back
    cold = {}
    for procs in ("1", "2"):  # recomputed (as after a policy change), by one process and by two
        store = PrivateStore.local(tmp_path / f"private{procs}")
        for ext in (".json", ".parquet"):
            store.delete(f"identifiers/stops/{export.name}{ext}")
        monkeypatch.setenv("OSD_STAGE_PROCESSES", procs)
        cold[procs] = stages.gather_identifiers(store, spec, [export.name])
    assert calls == [1, 2]
    assert len(warm) > 1000 and _identifier_state(cold["1"]) == _identifier_state(cold["2"])
    assert cold["1"].source_values == cold["2"].source_values
    assert _identifier_state(warm) == _identifier_state(cold["1"])  # (its count of values depends on the batches)


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("batch 3 is bad")
    return x * 10


def test_ordered_map_keeps_order_and_raises():
    """Results come in item order whichever process ran them; a failing item raises here, after the items before
    it, and nothing after it is yielded."""
    assert list(parallel.ordered_map(abs, range(-9, 0), 2)) == list(range(9, 0, -1))
    got: list[int] = []
    with pytest.raises(ValueError, match="batch 3"):
        for r in parallel.ordered_map(_fail_on_three, range(8), 2):
            got.append(r)
    assert got == [0, 10, 20]


def test_processes_for_small_and_large_exports(monkeypatch):
    monkeypatch.setenv("OSD_STAGE_PROCESSES", "2")
    assert parallel.processes_for(150_000, 250_000) == (1, 250_000)  # one batch
    assert parallel.processes_for(250_001, 50_000) == (2, 31_251)  # ~4 batches a process
    assert parallel.processes_for(1_000_000, 250_000) == (2, 125_000)
    assert parallel.processes_for(190_000, 50_000) == (1, 50_000)  # under MIN_ROWS: a worker would not pay
    monkeypatch.setenv("OSD_STAGE_PROCESSES", "1")
    assert parallel.processes_for(1_000_000, 250_000) == (1, 250_000)
