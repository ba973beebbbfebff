"""End to end: a demo-like stops release large enough for the utility floors (20,000 generated stops of two
agencies), published by the CLI. k is recounted on the published CSV itself, over every column the policy does
not declare sensitive or not identifying, with plain pandas and with pyCANON; the release keeps what the data
exist for; provenance.json and the preview carry the utility and risk report."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from pycanon import anonymity

import demo as samplegen
from pipelines.specs import load_specs
from pipelines.stages import policy_of
from tests.e2e_helpers import make_env

pytestmark = pytest.mark.slow

ROWS = 10_000  # per export: 20,000 stops, above the stops policy's floors_from_rows


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    env = make_env(tmp_path_factory.mktemp("sdc_release"))
    samplegen.generate(env.inbox, rows=ROWS, seed=11, sources=["rivertown_stops", "lakeview_stops"])
    r = env.run("run", "--note", "sdc")
    assert r.returncode == 0, r.stderr[-3000:]
    rel = env.public / "datasets" / "stops" / "v1.0.0"
    csv = pd.read_csv(rel / "stops.csv", dtype=str, keep_default_na=False)
    prov = json.loads((rel / "provenance.json").read_text())
    return env, csv, prov


def _qis() -> list[str]:
    spec = next(s for s in load_specs() if s.name == "stops")
    return policy_of(spec).quasi_identifiers


def test_k_recounted_on_the_published_csv_with_pandas_and_pycanon(release):
    _, csv, prov = release
    qis = _qis()
    assert {"agency", "district", "occurred_date", "subject_race", "subject_sex"} <= set(qis)
    assert "stop_id" not in qis and "outcome" not in qis  # declared not identifying / sensitive, with a why
    sizes = csv.groupby(qis, dropna=False).size()
    assert int(sizes.min()) >= 5, f"{int((sizes < 5).sum())} classes below 5"
    assert anonymity.k_anonymity(csv, qis) >= 5
    util = prov["utility"]
    assert util["k_achieved"] >= 5 and util["classes_below_k"] == 0 and util["quasi_identifiers"] == qis


def test_the_release_keeps_race_sex_and_month(release):
    _, csv, prov = release
    ingested = prov["counts"]["ingested"]
    assert ingested == 2 * ROWS
    for col in ("subject_race", "subject_sex"):
        assert prov["disclosure_control"]["levels"][col] == "value"
        assert int((csv[col] != "*").sum()) >= 0.99 * ingested, col  # as recorded: not "*", not removed
    month = csv["occurred_date"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?")
    assert int(month.sum()) >= 0.95 * ingested
    assert prov["disclosure_control"]["floors_binding"] is True
    for col, e in prov["utility"]["columns"].items():  # shares add up, per column
        if e["role"] == "quasi_identifier":
            assert abs(sum(e["levels"].values()) - 1.0) < 1e-3, col


def test_the_preview_shows_the_utility_and_risk_report(release):
    env, _, _ = release
    preview = json.loads((env.private / "preview" / "stops.json").read_text())["markdown"]
    assert "### Utility and risk of the released table" in preview
    assert "| subject_race |" in preview and "class(es) below k" in preview


# ------------------------------------------------------------------ the real stops samples (issue 14's Done-when)
STOP_SAMPLES = ["stops_seattle_terry_sample2000.csv", "stops_berkeley-pd_2015.csv", "stops_berkeley-pd_2020.csv"]


def test_real_stop_samples_keep_month_per_stratum_with_k_over_every_column(tmp_path):
    """6,039 real stops (Seattle 2015-2017, Berkeley 2015 and 2020): one level for all rows published the date at
    year (98.3%); levels per agency and year kept the month in 90% of the rows, levels per row (only the rows that
    stand out give it up) in 93%, race and sex as recorded in 99%. The month floor (95%) is not met with k = 5 on
    these rows: the release says so, with the bound and the floor it does hold."""
    import shutil

    from tests.test_real_samples import SAMPLES

    if not all((SAMPLES / f).exists() for f in STOP_SAMPLES):
        pytest.skip("real samples not present")
    env = make_env(tmp_path)
    env.inbox.mkdir(parents=True)
    for f in STOP_SAMPLES:
        shutil.copy(SAMPLES / f, env.inbox / f)
    r = env.run("run", "--note", "real stops")
    assert r.returncode == 0, r.stderr[-3000:]
    assert "utility floors not all met" in r.stderr + r.stdout
    rel = env.public / "datasets" / "stops" / "v1.0.0"
    csv = pd.read_csv(rel / "stops.csv", dtype=str, keep_default_na=False)
    prov = json.loads((rel / "provenance.json").read_text())
    ingested = prov["counts"]["ingested"]
    assert ingested == 6039
    qis = _qis()
    assert int(csv.groupby(qis, dropna=False).size().min()) >= 5
    assert anonymity.k_anonymity(csv, qis) >= 5
    month = csv["occurred_date"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?")
    year = csv["occurred_date"].str.fullmatch(r"\d{4}")
    assert int(month.sum()) >= 0.92 * ingested and year.any()  # the column mixes levels
    for col in ("subject_race", "subject_sex"):
        assert int((csv[col] != "*").sum()) >= 0.99 * ingested, col
    util = prov["utility"]
    assert util["floors_binding"] is False
    note = next(f for f in util["floors"] if f.startswith("occurred_date"))
    assert "NOT met" in note and "no plan keeps more than" in note and "it would hold as" in note
    assert util["columns"]["occurred_date"]["levels"]["month"] >= 0.92
