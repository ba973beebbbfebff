"""The two real public exports in ../shared/real-samples ingest through their contracts as they are, publish,
and none of their identifiers (case numbers, officer and subject ids, stop ids) reaches the public folder."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.e2e_helpers import REPO, make_env

SAMPLES = REPO.parent / "shared" / "real-samples"
FILES = ["stops_seattle_terry_sample2000.csv", "complaints_detroit_sample2000.csv"]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not all((SAMPLES / f).exists() for f in FILES), reason="real samples not present"),
]


def _column(path: Path, name: str) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {r[name] for r in csv.DictReader(fh) if r[name] not in ("", "NULL", "-")}


def test_real_samples_publish_without_identifiers(tmp_path):
    env = make_env(tmp_path)
    env.inbox.mkdir(parents=True)
    for f in FILES:
        shutil.copy(SAMPLES / f, env.inbox / f)
    r = env.run("run", "--note", "real samples")
    assert r.returncode == 0, r.stderr[-3000:]
    seattle, detroit = SAMPLES / FILES[0], SAMPLES / FILES[1]
    identifiers = (
        _column(seattle, "GO / SC Num") | _column(seattle, "SubjectID") | _column(seattle, "TERRY_STOP_ID")
        | {v for v in _column(detroit, "CCR") if len(v) >= 5} | _column(detroit, "BPC")
    )
    assert len(identifiers) > 1000
    for ds, n_in in (("stops", 2000), ("complaints", 1999)):
        rel = env.public / "datasets" / ds / "v1.0.0"
        prov = json.loads((rel / "provenance.json").read_text())
        c = prov["counts"]
        assert c["ingested"] == n_in and c["quarantined"] == 0
        assert c["published"] + c["suppressed"] == n_in and c["suppressed"] <= 0.01 * n_in
        table = pq.read_table(rel / f"{ds}.parquet")
        cells = {str(v) for col in table.columns for v in col.to_pylist() if v is not None}
        tokens = {t for cell in cells for t in cell.replace(",", " ").split()}
        assert not (identifiers & (cells | tokens)), f"{ds}: raw identifiers published"
