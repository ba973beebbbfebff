"""Every real public export in ../shared/real-samples ingests through its shipped contract and mapping as it is
(agency folders under sources/ or the built-in sources; no edit to a dataset file), publishes, and none of its
identifiers (case numbers, officer and subject ids, record ids) reaches the public folder."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.e2e_helpers import REPO, make_env

# the samples sit beside the main checkout (../shared); a worktree is one level deeper
SAMPLES = next((p for p in (REPO.parent / "shared" / "real-samples", REPO.parent.parent / "shared" / "real-samples")
                if p.is_dir()), REPO.parent / "shared" / "real-samples")
# file -> (dataset, source, rows ingested, rows filtered by the source's rule, identifier columns)
EXPECTED = {
    "stops_seattle_terry_sample2000.csv": ("stops", "seattle_pd_terry_stops", 2000, 0,
                                           ["GO / SC Num", "SubjectID", "TERRY_STOP_ID"]),
    "complaints_detroit_sample2000.csv": ("complaints", "detroit_bopc_complaints", 1999, 0, ["BPC"]),
    # one row per person stopped: 1,661 packed person codes, plus 378 stops without one
    "stops_berkeley-pd_2015.csv": ("stops", "berkeley_pd_stop_data_2015", 2039, 0, ["Incident Number"]),
    "stops_berkeley-pd_2020.csv": ("stops", "berkeley_pd_ripa_stops", 2000, 0, ["LEA Record ID"]),
    "useofforce_austin-pd_2009.csv": ("use_of_force", "austin_pd_response_to_resistance", 1696, 0,
                                      [" RIN", " Primary Key", "Master Subject ID"]),
    "complaints_new-orleans-pd_2016-2018.csv": ("complaints", "new_orleans_pd_misconduct_complaints", 2000, 0,
                                                ["Complaint Tracking Number", "Unique Officer Allegation ID"]),
    # 51 rows with Count -1 cancel earlier records: filtered by the source's rule, counted
    "incidents_st-louis-mpd_2015-10.csv": ("incidents", "st_louis_mpd_monthly_crimes", 1949, 51, ["Complaint"]),
    "incidents_baltimore-pd_2021.json": ("incidents", "baltimore_pd_part1_crime", 1000, 0, []),
    # 25,338 sheet rows: 10 banner rows, the header, 25,322 records, 5 footer rows
    "incidents_colombia-policia-nacional_2025.xlsx": ("incidents", "colombia_pn_amenazas", 25322, 0, []),
}
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not all((SAMPLES / f).exists() for f in EXPECTED), reason="real samples not present"),
]


def _column(path: Path, name: str) -> set[str]:
    enc = "cp1252" if "st-louis" in path.name else "utf-8-sig"
    with path.open(encoding=enc, newline="") as fh:
        return {r[name] for r in csv.DictReader(fh) if r[name] not in ("", "NULL", "-", " ")}


def test_real_samples_publish_without_identifiers(tmp_path):
    env = make_env(tmp_path)
    env.inbox.mkdir(parents=True)
    for f in EXPECTED:
        shutil.copy(SAMPLES / f, env.inbox / f)
    r = env.run("run", "--note", "real samples")
    assert r.returncode == 0, r.stderr[-3000:]
    ingested: dict[str, int] = {}
    for f, (ds, source, n_in, n_filtered, _) in EXPECTED.items():
        raw = json.loads((env.private / "raw" / ds / f"{f}.json").read_text())
        std = json.loads((env.private / "standardized" / ds / f"{f}.json").read_text())
        assert (raw["source"], raw["rows_read"], raw["filtered_rows"]) == (source, n_in, n_filtered), f
        assert std["quarantined"] == 0 and std["rows_out"] == n_in, (f, std["reasons"])
        ingested[ds] = ingested.get(ds, 0) + n_in
    identifiers: set[str] = set()
    for f, (*_, columns) in EXPECTED.items():
        for c in columns:
            identifiers |= {v.strip() for v in _column(SAMPLES / f, c) if len(v.strip()) >= 5}
    assert len(identifiers) > 10_000
    for ds, n_in in ingested.items():
        rel = env.public / "datasets" / ds / "v1.0.0"
        c = json.loads((rel / "provenance.json").read_text())["counts"]
        assert c["ingested"] == n_in and c["quarantined"] == 0
        assert c["published"] + c["suppressed"] == n_in and c["suppressed"] <= 0.01 * n_in
        table = pq.read_table(rel / f"{ds}.parquet")
        cells = {str(v) for col in table.columns for v in col.to_pylist() if v is not None}
        tokens = {t for cell in cells for t in cell.replace(",", " ").split()}
        assert not (identifiers & (cells | tokens)), f"{ds}: raw identifiers published"


def test_describe_reads_every_sample_and_prints_no_identifier():
    """`describe` on each real sample: its layout as the README documents it, and none of its identifiers (or
    any other non-code value of an identifier column) in what it prints."""
    from pipelines import describe as dsc
    from pipelines.specs import load_specs

    specs = load_specs()
    layouts = {
        "incidents_colombia-policia-nacional_2025.xlsx": (11, 5, None, 25322),
        "incidents_baltimore-pd_2021.json": (1, 0, "features[].attributes", 1000),
        "incidents_st-louis-mpd_2015-10.csv": (1, 0, None, 2000),
        "useofforce_austin-pd_2009.csv": (1, 0, None, 1696),
    }
    for f, (_, source, _, _, columns) in EXPECTED.items():
        d = dsc.describe(SAMPLES / f, specs)
        if f in layouts:
            assert (d.header_row, d.footer_rows, d.record_path, d.rows) == layouts[f], f
        text = "\n".join(dsc.report_lines(d))
        ids = {v.strip() for c in columns for v in _column(SAMPLES / f, c) if len(v.strip()) >= 4}
        printed = [v for v in ids if f"'{v}'" in text]  # values are printed quoted; counts are bare numbers
        assert not printed, f"{f}: {len(printed)} identifier value(s) printed"
        assert d.closest and d.closest[0].source == source and d.closest[0].score >= 0.5, (f, d.closest[:1])
