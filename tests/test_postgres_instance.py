"""The production instance (`deploy/dagster.yaml`) against a real PostgreSQL server started on loopback.

Needs Debian's `postgresql` package (initdb/pg_ctl); skipped when it is not installed. As root, the server runs
as the `postgres` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

import demo as samplegen

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    base = Path(tempfile.mkdtemp(prefix="osd-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run the server")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", _free_port()
    subprocess.run([*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "dagster", "--no-sync"],
                   check=True, capture_output=True, timeout=120)
    opts = f"-k {base} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run([*as_user, pg_ctl, "-D", str(data), "-o", opts, "-l", str(base / "log"), "-w", "-t", "60", "start"],
                   check=True, capture_output=True, timeout=90)
    try:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=port, user="dagster", dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE DATABASE dagster")
        conn.close()
        yield {"host": "127.0.0.1", "port": port, "user": "dagster", "db": "dagster"}
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def test_materialization_recorded_in_postgres(postgres, tmp_path, monkeypatch):
    import dagster as dg
    import psycopg2

    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "deploy" / "dagster.yaml", home / "dagster.yaml")
    env = {
        "DAGSTER_HOME": str(home),
        "DAGSTER_PG_HOST": postgres["host"],
        "DAGSTER_PG_PORT": str(postgres["port"]),
        "DAGSTER_PG_DB": postgres["db"],
        "DAGSTER_PG_USERNAME": postgres["user"],
        "DAGSTER_PG_PASSWORD": "unused-trust-auth",
        "PGSSLMODE": "disable",
        "DAGSTER_COMPUTE_LOG_DIR": str(tmp_path / "compute_logs"),
        "OSD_INBOX": str(tmp_path / "inbox"),
        "OSD_PRIVATE": str(tmp_path / "private"),
        "OSD_PUBLIC": str(tmp_path / "public"),
        "OSD_PSEUDONYM_KEY": "test-key",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    export = samplegen.generate(tmp_path / "inbox", rows=300, seed=4, sources=["rivertown_stops"])[0]

    from pipelines.definitions import defs

    instance = dg.DagsterInstance.get()
    try:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        assert type(instance.event_log_storage).__name__ == "PostgresEventLogStorage"
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
        assert type(instance.compute_log_manager).__name__ == "LocalComputeLogManager"
        assert instance.run_monitoring_enabled and instance.run_retries_enabled
        instance.add_dynamic_partitions("stops_exports", [export.name])
        ingest = defs.resolve_job_def("stops_ingest").execute_in_process(instance=instance, partition_key=export.name)
        assert ingest.success
        prepare = defs.resolve_job_def("stops_prepare").execute_in_process(instance=instance)
        assert prepare.success
        run_ids = {ingest.run_id, prepare.run_id}
    finally:
        instance.dispose()

    conn = psycopg2.connect(host=postgres["host"], port=postgres["port"], user=postgres["user"], dbname=postgres["db"])
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT run_id, status FROM runs")
            runs = dict(cur.fetchall())
            assert run_ids <= set(runs) and {runs[r] for r in run_ids} == {"SUCCESS"}
            cur.execute(
                "SELECT asset_key, partition FROM event_logs WHERE dagster_event_type = 'ASSET_MATERIALIZATION'"
            )
            mats = cur.fetchall()
            keys = {k for k, _ in mats}
            for name in ("raw", "standardized", "deidentified", "validated", "release_preview"):
                assert f'["stops", "{name}"]' in keys
            assert ('["stops", "raw"]', export.name) in mats
            cur.execute("SELECT partition FROM dynamic_partitions WHERE partitions_def_name = 'stops_exports'")
            assert [r[0] for r in cur.fetchall()] == [export.name]
            cur.execute("SELECT count(*) FROM event_logs WHERE dagster_event_type = 'ASSET_CHECK_EVALUATION'")
            assert cur.fetchone()[0] >= 5
    finally:
        conn.close()
