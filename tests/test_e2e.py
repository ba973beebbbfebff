"""End to end: generated exports -> the whole pipeline -> releases and site, with nothing personal leaking
into public files, the Dagster instance (event log, run storage, compute logs) or the captured output, and
no network attempt. Re-running is safe."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import demo as samplegen
from tests.e2e_helpers import REPO, make_env

pytestmark = pytest.mark.slow
DATASETS = ("complaints", "incidents", "stops")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    env = make_env(tmp_path_factory.mktemp("e2e"))
    samplegen.generate(env.inbox, rows=300, seed=11)
    planted = samplegen.planted_values(env.inbox)
    # one export that matches no contract: rejected by name, never lost
    (env.inbox / "mystery_export.csv").write_text("Foo,Bar\n1,2\n")
    first = env.run("run", "--note", "first")
    # a rejected file makes the run fail (exit 1), after everything else was published
    assert first.returncode == 1 and "mystery_export.csv: rejected" in first.stderr, first.stderr[-3000:]
    return env, planted, first


def _text_files(root: Path):
    for p in root.rglob("*"):
        if p.is_file():
            yield p


def _hits(blob: str, planted: set[str]) -> list[str]:
    low = blob.lower()
    return sorted(v for v in planted if v.lower() in low)


def test_releases_and_site(demo):
    env, _, _ = demo
    for ds in DATASETS:
        latest = json.loads((env.public / "datasets" / ds / "latest.json").read_text())
        rel = env.public / "datasets" / ds / latest["path"]
        pkg = json.loads((rel / "datapackage.json").read_text())
        assert pkg["version"] == latest["version"] == "1.0.0"
        for res in pkg["resources"]:
            data = (rel / res["path"]).read_bytes()
            assert res["bytes"] == len(data)
            assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        prov = json.loads((rel / "provenance.json").read_text())
        c = prov["counts"]
        assert c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"]
        assert c["published"] > 0
        assert (rel / "changes.json").exists() and (rel / "SHA256SUMS").exists()
    assert (env.public / "index.html").exists()
    assert (env.public / "data.json").exists()


def test_unknown_export_rejected_by_name(demo):
    env, _, first = demo
    rejected = env.inbox / "rejected" / "mystery_export.csv"
    assert rejected.exists()
    reason = (env.inbox / "rejected" / "mystery_export.csv.reason.txt").read_text()
    assert "mystery_export.csv" in reason and "matches no source contract" in reason
    # no contract knows a column of it: its first row may be a record, so its cells are not quoted
    assert "its first row (2 cells) matches no contract's column" in reason and "Foo" not in reason
    assert reason.count("% of columns match") == 2


def test_no_planted_value_in_public_files(demo):
    env, planted, _ = demo
    assert len(planted) > 500
    for p in _text_files(env.public):
        if p.suffix == ".parquet":
            table = pq.read_table(p)
            blob = "\n".join(str(v) for col in table.columns for v in col.to_pylist() if v is not None)
        else:
            blob = p.read_bytes().decode("utf-8", "replace")
        assert _hits(blob, planted) == [], f"{p.relative_to(env.public)} contains planted values"


def test_no_planted_value_in_dagster_storage_or_logs(demo):
    env, planted, first = demo
    assert _hits(first.stdout + first.stderr, planted) == []
    files = list(_text_files(env.dagster_home))
    assert any(p.suffix == ".db" for p in files)  # the SQLite run and event-log storage was searched
    for p in files:
        blob = p.read_bytes().decode("utf-8", "replace")
        assert _hits(blob, planted) == [], f"{p.relative_to(env.dagster_home)} contains planted values"


def test_no_network_attempt(demo):
    env, _, _ = demo
    attempts = env.netlog.read_text() if env.netlog.exists() else ""
    assert attempts == ""


def test_rerun_is_safe_and_publishes_nothing_new(demo):
    env, _, _ = demo
    before = {ds: json.loads((env.public / "datasets" / ds / "versions.json").read_text()) for ds in DATASETS}
    again = env.run("run", "--note", "again")
    assert again.returncode == 0, again.stderr[-3000:]
    for ds in DATASETS:
        after = json.loads((env.public / "datasets" / ds / "versions.json").read_text())
        assert len(after["versions"]) == len(before[ds]["versions"]) == 1


def test_fourth_dataset_from_data_files_only(tmp_path):
    """An agency's use-of-force export added from data files alone (an agency folder: agency.yaml, mapping,
    contract) to the built-in use_of_force dataset publishes."""
    specs = tmp_path / "specs"
    shutil.copytree(REPO / "tests" / "fixtures" / "use_of_force", specs)
    env = make_env(tmp_path / "run", extra={"OSD_DATASETS": str(specs)})
    env.inbox.mkdir(parents=True)
    rows = ["Incident No,Date/Time,Force Type,Injured,Badge,Officer,Subject,Address,Description"]
    names = ["Maria GARCIA", "Tran Thi Lan", "Olena KOVALENKO", "Abdi Hassan Warsame", "Brian O'NEILL"]
    for i in range(60):
        n = names[i % len(names)]
        addr = f"{1000 + 37 * (i % 2)} Elm Ave Apt {i % 9 + 1}"  # one hundred block: k-anonymity keeps it
        rows.append(
            f'UOF-{i:05d},{i % 12 + 1:02d}/{i % 27 + 1:02d}/2024 {i % 12 + 1}:{i % 60:02d} PM,'
            f'{["TASER", "OC", "HANDS", "K9"][i % 4]},{"YN"[i % 2]},{4100 + i % 6},Ofc. Ray HOLT,{n},{addr},'
            f'"Officers responded to {addr}. {n} resisted and was restrained."'
        )
    (env.inbox / "lakeside_uof_2024.csv").write_text("\n".join(rows) + "\n")
    r = env.run("run", "--note", "uof")
    assert r.returncode == 0, r.stderr[-3000:]
    rel = env.public / "datasets" / "use_of_force" / "v1.0.0"
    table = pq.read_table(rel / "use_of_force.parquet")
    assert table.column_names == [
        "uof_id", "agency", "occurred_date", "force_type", "subject_injured", "subject_race", "subject_sex",
        "officer_id", "location", "district", "description",
    ]
    assert table.num_rows == 60
    csv = (rel / "use_of_force.csv").read_text().lower()
    for n in names:
        assert n.lower() not in csv
    assert "apt" not in csv and "[address 1]" in csv and "block of elm ave" in csv
