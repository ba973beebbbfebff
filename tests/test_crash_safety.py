"""Crash safety: a worker killed (SIGKILL) in the middle of de-identifying one partition, then the run
re-executed from failure: no duplicate, no lost row, and the other partitions are untouched.

The fault is injected with the documented test hook `OSD_FAULT_AFTER_ROWS` (see `stages.fault_point`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import demo as samplegen

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent
ROWS = 400

CHILD = """
import sys
import dagster as dg
from pipelines.definitions import defs
instance = dg.DagsterInstance.get()
res = defs.resolve_job_def("stops_ingest").execute_in_process(
    instance=instance, partition_key=sys.argv[1], raise_on_error=False)
print(res.run_id)
sys.exit(0 if res.success else 3)
"""


def _ingest_job():
    from pipelines.definitions import defs

    return defs.resolve_job_def("stops_ingest")


def _data_rows(path: Path) -> int:
    lines = [ln for ln in path.read_bytes().splitlines() if ln.strip()]  # stops have no quoted newlines
    return len(lines) - (1 if path.suffix == ".csv" else 0)


def test_killed_partition_reexecuted_from_failure(tmp_path, monkeypatch):
    import dagster as dg

    inbox = tmp_path / "inbox"
    env = {
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        "OSD_INBOX": str(inbox),
        "OSD_PRIVATE": str(tmp_path / "private"),
        "OSD_PUBLIC": str(tmp_path / "public"),
        "OSD_PSEUDONYM_KEY": "test-key",
        "OSD_BATCH_ROWS": "100",
        "PYTHONPATH": str(REPO),
        "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    for k in ("OSD_FAULT_AFTER_ROWS", "OSD_FAULT_MODE", "OSD_FAULT_PARTITION", "OSD_FAULT_STAGE"):
        monkeypatch.delenv(k, raising=False)
    Path(env["DAGSTER_HOME"]).mkdir()
    (Path(env["DAGSTER_HOME"]) / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    files = samplegen.generate(inbox, rows=ROWS, seed=8, sources=["rivertown_stops", "lakeview_stops"])
    third = samplegen.generate(tmp_path / "gen", rows=ROWS, seed=9, sources=["rivertown_stops"])[0]
    files.append(third.rename(inbox / "rivertown_stops_2.csv"))
    names = [f.name for f in files]
    victim = names[1]
    instance = dg.DagsterInstance.get()
    instance.add_dynamic_partitions("stops_exports", names)

    run_ids = {}
    for name in names:
        child_env = dict(os.environ)
        if name == victim:
            child_env.update(OSD_FAULT_AFTER_ROWS="150", OSD_FAULT_MODE="kill", OSD_FAULT_PARTITION=victim)
        p = subprocess.run([sys.executable, "-c", CHILD, name], env=child_env, cwd=REPO, capture_output=True,
                           text=True, timeout=300)
        if name == victim:
            assert p.returncode == -9, p.stderr[-2000:]  # SIGKILL: the process died mid-step
        else:
            assert p.returncode == 0, p.stderr[-2000:]
            run_ids[name] = p.stdout.strip().splitlines()[-1]

    private = Path(env["OSD_PRIVATE"])
    assert not (private / "deidentified" / "stops" / f"{victim}.parquet").exists()  # nothing half-written
    killed = [r for r in instance.get_runs() if r.tags.get("dagster/partition") == victim]
    assert len(killed) == 1 and killed[0].status == dg.DagsterRunStatus.STARTED
    # the next start marks the run of the dead process failed (what run monitoring does in the deployment)
    from pipelines import dead_runs

    dead = dead_runs.fail_dead_runs(instance)
    assert [d.run_id for d in dead] == [killed[0].run_id]
    assert instance.get_run_by_id(killed[0].run_id).status == dg.DagsterRunStatus.FAILURE
    assert dead_runs.fail_dead_runs(instance) == []  # once
    killed = [instance.get_run_by_id(killed[0].run_id)]
    res = dg.execute_job(
        dg.reconstructable(_ingest_job),
        instance=instance,
        tags={"dagster/partition": victim},  # a from-failure re-execution of an in-process run needs it again
        reexecution_options=dg.ReexecutionOptions.from_failure(killed[0].run_id, instance),
    )
    assert res.success
    assert res.dagster_run.tags.get("dagster/partition") == victim
    reran = {e.step_key for e in res.all_events if e.event_type_value == "STEP_SUCCESS"}
    assert reran == {"stops__deidentified"}  # raw and standardized were done before the kill

    from pipelines import stages
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore

    spec = {s.name: s for s in load_specs()}["stops"]
    store = PrivateStore.local(private)
    meta = stages.assemble_candidate(store, spec, names).to_dict()
    table = store.read_parquet("candidate/stops/candidate.parquet")
    c = meta["counts"]
    assert c["ingested"] == sum(_data_rows(f) for f in files) == 3 * ROWS  # no lost row
    assert c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"]
    assert c["published"] == table.num_rows
    pk = table.column("stop_id").to_pylist()
    assert len(pk) == len(set(pk))  # no duplicate
    for name in names:
        std = store.read_json(f"standardized/stops/{name}.json")
        deid = store.read_json(f"deidentified/stops/{name}.json")
        assert deid["rows"] == std["rows_out"] == store.parquet_num_rows(f"deidentified/stops/{name}.parquet")


def test_temp_files_a_killed_writer_left_are_swept_and_live_ones_kept(tmp_path):
    # A writer killed mid-file (SIGKILL: no cleanup runs) leaves its `.tmp-*` file, which may hold raw rows, in the
    # private store. The next `cli run` sweeps files untouched for 6 hours; a file being written now is kept.
    code = (
        "import os, signal, sys, pyarrow as pa\n"
        "from pipelines.storage.private import PrivateStore, ParquetSink\n"
        "store = PrivateStore.local(sys.argv[1])\n"
        "store.write_json('raw/kept.json', {'n': 1})\n"
        "sink = ParquetSink(store, 'raw/x/part.parquet')\n"
        "sink.write(pa.table({'a': [1, 2]}))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == -9
    from pipelines.storage.private import PrivateStore

    left = [p for p in tmp_path.rglob(".tmp-*")]
    assert len(left) == 1 and left[0].parent == tmp_path / "raw" / "x"
    store = PrivateStore.local(tmp_path)
    assert store.sweep_temp() == 0  # just written: it may be a live run's
    live = tmp_path / "raw" / ".tmp-live.parquet"
    live.write_bytes(b"x")
    old = left[0].stat().st_mtime
    os.utime(live, (old + 7 * 3600, old + 7 * 3600))
    assert store.sweep_temp(now=old + 6 * 3600 + 60) == 1
    assert not left[0].exists() and live.exists()
    assert store.read_json("raw/kept.json") == {"n": 1}
