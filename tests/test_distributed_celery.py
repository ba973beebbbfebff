"""The pipeline on a real distributed executor: `dagster-celery`, a Redis broker, two worker processes.

The test starts Debian's `redis-server` on a loopback port and two `dagster-celery` workers (separate process
groups, each importing the project's code location), then publishes the stops dataset from two agencies'
generated exports through runs whose steps the celery executor hands to the workers (`OSD_EXECUTOR=celery`,
`pipelines.distributed.launch`). The Dagster instance is a persistent `DAGSTER_HOME` on local disk, shared by the
orchestrating process and both workers, as are the private and public stores and the filesystem IO manager's
folder. It asserts the release went out (both agencies in it) and that steps ran in each worker (the worker name
the celery task reports in its engine event, and the worker's own log). Everything started is stopped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import demo as samplegen
from tests.e2e_helpers import REPO, Env, make_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]
WORKERS = ("osd_w1", "osd_w2")
AGENCIES = ("rivertown_stops", "lakeview_stops")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _stop_group(proc: subprocess.Popen, sig: int = signal.SIGTERM, wait: float = 30) -> None:
    """Stop ``proc`` and every process it started (its own session), the hard way if it does not go."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, sig)
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="module")
def broker(tmp_path_factory) -> Iterator[str]:
    server = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if server is None:
        pytest.skip("redis-server (the Celery broker) is not installed (apt-get install redis-server)")
    base = tmp_path_factory.mktemp("redis")
    port = _free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(base), "--logfile", str(base / "redis.log")],
                            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not _ping(port):
            assert proc.poll() is None, f"redis-server exited with {proc.returncode}"
            assert time.monotonic() < deadline, "redis-server did not answer PING within 30 s"
            time.sleep(0.2)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop_group(proc)
    assert not _ping(port), "the broker is still answering after the test stopped it"


def start_celery_workers(env: Env, base: Path, broker_url: str, workers: tuple[str, ...]
                         ) -> tuple[list[subprocess.Popen], dict[str, Path]]:
    """Two (or more) `dagster-celery` workers on ``broker_url``, each in its own session, once all say "ready."."""
    # the instance (SQLite under DAGSTER_HOME) is created once, before two workers would race to create it
    subprocess.run([sys.executable, "-c", "import dagster as dg; from pipelines.instance import ensure_dagster_home; "
                    "ensure_dagster_home(); dg.DagsterInstance.get().dispose()"],
                   cwd=REPO, env=env.env, check=True, timeout=120)
    cfg = base / "celery.yaml"
    cfg.write_text(f"execution:\n  config:\n    broker: '{broker_url}'\n    backend: '{broker_url}'\n")
    logs = {w: base / f"{w}.log" for w in workers}
    procs = []
    for w in workers:
        cmd = [str(Path(sys.executable).parent / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app",
               "-y", str(cfg), "-n", w, "-i", "pipelines.definitions", "--loglevel", "INFO", "--", "--pool=solo"]
        with logs[w].open("wb") as out:
            procs.append(subprocess.Popen(cmd, cwd=REPO, env=env.env, stdout=out, stderr=subprocess.STDOUT,
                                          start_new_session=True))
    deadline = time.monotonic() + 180
    try:
        while not all("ready." in logs[w].read_text(errors="replace") for w in workers):
            for p, w in zip(procs, workers, strict=True):
                assert p.poll() is None, f"worker {w} exited: {logs[w].read_text(errors='replace')[-3000:]}"
            assert time.monotonic() < deadline, "the celery workers were not ready within 180 s"
            time.sleep(0.5)
    except BaseException:
        for p in procs:
            _stop_group(p)
        raise
    return procs, logs


@pytest.fixture(scope="module")
def cluster(broker: str, tmp_path_factory) -> Iterator[tuple[Env, dict[str, Path]]]:
    base = tmp_path_factory.mktemp("celery")
    env = make_env(base, extra={
        "OSD_EXECUTOR": "celery", "OSD_CELERY_BROKER": broker, "OSD_IO_DIR": str(base / "io"),
        # one step at a time per worker, no batch sub-processes: the workers are the parallelism
        "OSD_STAGE_PROCESSES": "1",
        # `dagster-celery worker start` runs `celery` from PATH: this interpreter's
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    })
    procs: list[subprocess.Popen] = []
    try:
        procs, logs = start_celery_workers(env, base, broker, WORKERS)
        yield env, logs
    finally:
        for p in procs:
            _stop_group(p)
    for p in procs:
        assert p.poll() is not None


@pytest.fixture(scope="module")
def published(cluster) -> tuple[Env, dict[str, Path], subprocess.CompletedProcess]:
    env, logs = cluster
    samplegen.generate(env.inbox, rows=300, seed=11, sources=list(AGENCIES))
    res = subprocess.run([sys.executable, "-m", "pipelines.distributed.launch", "--note", "celery release"],
                         cwd=REPO, env=env.env, capture_output=True, text=True, timeout=1100)
    assert res.returncode == 0, (res.stdout + res.stderr)[-6000:]
    return env, logs, res


def test_release_published_through_the_workers(published) -> None:
    env, _, _ = published
    latest = json.loads((env.public / "datasets" / "stops" / "latest.json").read_text())
    assert latest["version"] == "1.0.0"
    rel = env.public / "datasets" / "stops" / latest["path"]
    pkg = json.loads((rel / "datapackage.json").read_text())
    assert pkg["version"] == "1.0.0"
    table = pq.read_table(rel / "stops.parquet", columns=["agency"])
    assert len(set(table.column("agency").to_pylist())) == len(AGENCIES)
    prov = json.loads((rel / "provenance.json").read_text())
    assert prov["counts"]["published"] == table.num_rows > 0


def test_steps_ran_in_both_workers(published) -> None:
    """Every step went through the broker to a worker, and each worker ran some (by name, from the run's own
    events: the celery task reports its worker; and from the workers' logs)."""
    import dagster as dg

    env, logs, _ = published
    os.environ["DAGSTER_HOME"] = str(env.dagster_home)
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        assert {r.job_name for r in runs} >= {"stops_ingest", "stops_prepare", "stops_publish"}
        assert all(r.is_success for r in runs), [(r.job_name, r.status) for r in runs]
        by_worker: dict[str, set[str]] = {}
        started: set[str] = set()
        for r in runs:
            for rec in instance.all_logs(r.run_id):
                ev = rec.dagster_event
                if ev is None:
                    continue
                if ev.event_type_value == "STEP_START":
                    started.add(f"{r.run_id}:{ev.step_key}")
                elif ev.event_type_value == "ENGINE_EVENT" and ev.step_key:
                    md = ev.engine_event_data.metadata if ev.engine_event_data else {}
                    worker = getattr(md.get("Celery worker"), "value", None)
                    if worker:
                        by_worker.setdefault(str(worker).split("@")[0], set()).add(f"{r.run_id}:{ev.step_key}")
    assert set(by_worker) == set(WORKERS), sorted(by_worker)
    assert started and started == set().union(*by_worker.values())  # no step ran outside the workers
    for w in WORKERS:
        text = logs[w].read_text(errors="replace")
        assert "dagster_celery.tasks" in text or "execute_plan" in text, text[-2000:]
        assert "succeeded in" in text, text[-2000:]
