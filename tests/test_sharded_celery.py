"""A sharded dataset published through the distributed executor: `dagster-celery`, a Redis broker on loopback and
two workers, started and stopped here (as in `tests/test_distributed_celery.py`, whose broker fixture this uses).

The test-only dataset `stops_by_agency` (the stops spec sharded by agency, `tests/test_sharded_release.py`) gets
two agencies' generated exports; `pipelines.distributed.launch` runs one ingest run per export, one prepare_shard
run per shard, the preview and the publish, every step on a worker. Asserts: one version with both shards, k >= 5
recounted on each shard's CSV and on their union, and steps of the shard runs ran in both workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import demo
from tests.e2e_helpers import REPO, make_env
from tests.test_distributed_celery import _stop_group, broker, start_celery_workers  # noqa: F401 - the broker fixture
from tests.test_sharded_release import _by_agency

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
WORKERS = ("osd_s1", "osd_s2")


def test_a_sharded_dataset_is_published_through_two_celery_workers(broker: str, tmp_path: Path) -> None:  # noqa: F811
    import dagster as dg
    from pycanon import anonymity

    specs, sources = _by_agency(tmp_path / "cfg")
    base = tmp_path / "celery"
    env = make_env(base, extra={
        "OSD_EXECUTOR": "celery", "OSD_CELERY_BROKER": broker, "OSD_IO_DIR": str(base / "io"),
        "OSD_STAGE_PROCESSES": "1", "OSD_DATASETS": str(specs), "OSD_SOURCES": str(sources),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    })
    env.inbox.mkdir(parents=True, exist_ok=True)
    for f in demo.generate(tmp_path / "gen", rows=400, seed=5, sources=["rivertown_stops", "lakeview_stops"]):
        f.rename(env.inbox / f"byagency_{f.name}")
    procs, logs = start_celery_workers(env, base, broker, WORKERS)
    try:
        res = subprocess.run([sys.executable, "-m", "pipelines.distributed.launch", "--note", "sharded, by celery"],
                             cwd=REPO, env=env.env, capture_output=True, text=True, timeout=1100)
        assert res.returncode == 0, (res.stdout + res.stderr)[-6000:]
    finally:
        for p in procs:
            _stop_group(p)
    assert all(p.poll() is not None for p in procs)
    root = env.public / "datasets" / "stops_by_agency"
    dp = json.loads((root / "v1.0.0" / "datapackage.json").read_text())
    qis = ["agency", "occurred_date", "occurred_hour", "location", "district", "subject_age_band", "subject_race",
           "subject_sex"]
    frames = [pd.read_csv(root / "v1.0.0" / r["path"], dtype=str, keep_default_na=False)
              for r in dp["resources"] if r["format"] == "csv"]
    assert len(frames) == 2
    for df in [*frames, pd.concat(frames, ignore_index=True)]:
        assert int(df.groupby(qis, dropna=False).size().min()) >= 5 and anonymity.k_anonymity(df, qis) >= 5
    os.environ["DAGSTER_HOME"] = str(env.dagster_home)
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        shard_runs = [r for r in runs if r.job_name == "stops_by_agency_prepare_shard"]
        assert len(shard_runs) == 2 and all(r.is_success for r in runs)
        workers: set[str] = set()
        for r in runs:
            for rec in instance.all_logs(r.run_id):
                ev = rec.dagster_event
                if ev is not None and ev.event_type_value == "ENGINE_EVENT" and ev.engine_event_data:
                    w = getattr(ev.engine_event_data.metadata.get("Celery worker"), "value", None)
                    if w:
                        workers.add(str(w).split("@")[0])
    assert workers == set(WORKERS)
