"""Disclosure control that counts every published column and keeps what the data exist for: deny-by-default
quasi-identifiers, utility floors, local suppression, the conflict message, the release report, and the bugs met
on the way (all-null QIs, a number column, an all-null ladder level), recounted with pandas and with pyCANON."""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from pycanon import anonymity

from pipelines.specs import load_specs
from pipelines.stages import policy_of
from redaction import sdc, structured
from redaction.errors import PolicyError, SdcError
from redaction.policy import load_policy
from redaction.sdc.report import class_sizes, utility_report

SCHEMA = {
    "fields": [
        {"name": "id", "type": "string"},
        {"name": "year", "type": "string"},
        {"name": "race", "type": "string", "constraints": {"enum": ["A", "B", "C", "*"]}},
        {"name": "district", "type": "string"},
        {"name": "score", "type": "number"},
    ]
}
STD = ["case", "year", "race", "district", "score"]
POLICY = {
    "columns": {
        "id": {"treatment": "pseudonym", "source": "case", "prefix": "x"},
        "year": {"treatment": "keep", "source": "year", "codes": "open"},
        "race": {"treatment": "keep", "source": "race"},
        "district": {"treatment": "keep", "source": "district", "codes": "open"},
        "score": {"treatment": "keep", "source": "score", "codes": "open"},
    },
    "roles": {
        "id": {"role": "not_identifying", "why": "keyed pseudonym of a record number"},
        "score": {"role": "sensitive", "why": "an outcome"},
    },
    "k_anonymity": {"k": 5, "quasi_identifiers": {"year": {"ladder": "none"}, "race": {"ladder": "none"}}},
}


def _nypd_like(n: int = 400, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "id": [f"x_{i}" for i in range(n)],
        "year": rng.choice(["2022", "2023"], n),
        "race": rng.choice(["A", "B", "C"], n, p=[0.6, 0.3, 0.1]),
        "district": [f"P{v:03d}" for v in rng.integers(0, 60, n)],  # precinct: many small areas
        "score": rng.random(n),
    })


def test_a_kept_district_not_declared_is_a_quasi_identifier_and_counted():
    pol = load_policy(POLICY, SCHEMA, STD)
    assert pol.quasi_identifiers == ["year", "race", "district"]  # district: kept, not declared: a QI
    assert list(pol.k_anonymity["quasi_identifiers"]) == ["year", "race", "district"]
    df = _nypd_like()
    # what the old check counted (declared QIs only) passes; the recount over every QI does not
    assert sdc.recount_k(df, ["year", "race"]) >= 5
    assert sdc.recount_k(df, pol.quasi_identifiers) < 5
    with pytest.raises(SdcError, match="sdc-unreachable"):  # district has no ladder: 60 precincts stay unique
        sdc.k_anonymize(df, pol.k_anonymity)


def test_free_text_and_star_in_a_number_field_are_refused_at_load():
    bad = copy.deepcopy(POLICY)
    bad["roles"].pop("score")
    bad["k_anonymity"]["quasi_identifiers"]["score"] = {"ladder": "none", "levels": ["value", "*"]}
    with pytest.raises(PolicyError, match="'score' is a number field"):
        load_policy(bad, SCHEMA, STD)
    bad = copy.deepcopy(POLICY)
    bad["roles"]["ghost"] = {"role": "sensitive", "why": "x"}
    with pytest.raises(PolicyError, match="'ghost' is not a public column"):
        load_policy(bad, SCHEMA, STD)
    bad = copy.deepcopy(POLICY)
    bad["k_anonymity"]["quasi_identifiers"]["district"] = {"ladder": "none", "levels": ["value", "*"]}
    schema = copy.deepcopy(SCHEMA)
    schema["fields"][3]["constraints"] = {"enum": ["P001"]}
    with pytest.raises(PolicyError, match="refuses"):
        load_policy(bad, schema, STD)


def test_all_null_quasi_identifiers_are_one_class_not_suppressed():
    df = pd.DataFrame({"a": [None] * 30, "b": pd.array([None] * 30, dtype="string")})
    out, rep = sdc.k_anonymize(df, {"k": 5, "quasi_identifiers": {"a": {}, "b": {}}})
    assert rep.k_achieved == 30 and rep.rows_suppressed == 0
    assert sdc.recount_k(out, ["a", "b"]) == 30
    assert class_sizes(out, ["a", "b"]).tolist() == [30]


def test_a_ladder_level_null_for_every_row_is_full_loss():
    n = 200
    rng = np.random.default_rng(3)
    block = rng.integers(0, 20, n)
    df = pd.DataFrame({
        "location": [f"{i} block of X ST" for i in block],
        "beat": [None] * n,  # this source has no beat
        "district": np.where(block < 10, "N", "S"),
    })
    cfg = {"k": 5, "quasi_identifiers": {"location": {"ladder": "columns", "levels": ["location", "beat", "district"]}}}
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.levels["location"] == "location"  # already 5-anonymous: no reason to lose anything
    cfg["k"] = 15
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.levels["location"] == "district"  # the all-null beat level is not a free lunch
    assert out["location"].notna().all()
    loss_beat = sdc.k_anonymize(df, {"k": 1, "quasi_identifiers": {
        "location": {"ladder": "columns", "levels": ["beat"]}}})[1]
    assert loss_beat.information_loss == 0.0  # a level of its own is level 0
    ladder = sdc._encode(df, sdc.QuasiIdentifier("location", "columns", ("location", "beat", "district")))
    assert ladder.penalty_sum[1] == n  # every row lost its value at the beat level


def _stops_like(n: int, seed: int = 0) -> pd.DataFrame:
    """Level-0 stops of one agency: a year of days, hours, blocks on beats on districts, bands, race, sex."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2024-01-01", "2024-12-31").strftime("%Y-%m-%d").to_numpy(dtype=object)
    block = rng.integers(0, 600, n)
    return pd.DataFrame({
        "stop_id": [f"stp_{i:08d}" for i in range(n)],
        "agency": "Rivertown Police Department",
        "occurred_date": days[rng.integers(0, len(days), n)],
        "occurred_hour": np.array([f"{h:02d}:00" for h in range(24)], dtype=object)[rng.integers(0, 24, n)],
        "location": np.array([f"{(b % 50 + 1) * 100} block of ST {b}" for b in range(600)], dtype=object)[block],
        "beat": np.array([f"B{b // 20}" for b in range(600)], dtype=object)[block],
        "district": np.array([f"D{b // 120}" for b in range(600)], dtype=object)[block],
        "subject_age_band": sdc.age_band(np.clip(rng.gamma(4.0, 8.0, n) + 14, 0, 99).astype(int)).to_numpy(),
        "subject_race": rng.choice(["White", "Black", "Hispanic", "Asian", "Native American", "Unknown"], n,
                                   p=[0.4, 0.3, 0.18, 0.08, 0.02, 0.02]),
        "subject_sex": rng.choice(["Male", "Female", "Unknown"], n, p=[0.68, 0.31, 0.01]),
        "outcome": rng.choice(["Arrest", "Citation", "Warning"], n),
    })


def _shipped(name: str):
    spec = next(s for s in load_specs() if s.name == name)
    return spec, policy_of(spec)


def test_stops_policy_keeps_race_sex_and_month_and_k_recounts_with_pandas_and_pycanon():
    spec, pol = _shipped("stops")
    df = _stops_like(60_000)
    out, rep = sdc.k_anonymize(df, pol.k_anonymity)
    qis = [c for c in pol.quasi_identifiers if c in out.columns]
    assert set(qis) == set(pol.quasi_identifiers) - {"frisked", "searched", "stop_reason", "officer_id"}
    published = out[[c for c in spec.public_fields if c in out.columns]].astype("string")
    published = published.fillna("")  # as the CSV writes it
    assert sdc.recount_k(published, qis) >= 5
    assert int(published.groupby(qis, dropna=False).size().min()) >= 5  # plain pandas, "*" a value
    assert anonymity.k_anonymity(published.reset_index(drop=True), qis) >= 5  # pyCANON
    n = len(df)
    assert (published["subject_race"] == df.loc[published.index, "subject_race"]).sum() >= 0.99 * n
    assert (published["subject_sex"] == df.loc[published.index, "subject_sex"]).sum() >= 0.99 * n
    month_or_finer = published["occurred_date"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?|\d{4}-W\d{2}")
    assert month_or_finer.sum() >= 0.95 * n
    assert rep.floors_binding and rep.kept_shares["subject_race"] >= 0.99


def test_incidents_policy_keeps_location_at_beat():
    spec, pol = _shipped("incidents")
    df = _stops_like(20_000).rename(columns={"occurred_date": "reported_date", "occurred_hour": "reported_hour",
                                             "subject_age_band": "victim_age_band"})
    out, rep = sdc.k_anonymize(df, pol.k_anonymity)
    at_beat = out["location"].isin(set(df["location"]) | set(df["beat"]))
    assert at_beat.sum() >= 0.90 * len(df)
    assert sdc.recount_k(out, pol.quasi_identifiers) >= 5
    assert anonymity.k_anonymity(out[pol.quasi_identifiers].astype("string").fillna("").reset_index(drop=True),
                                 pol.quasi_identifiers) >= 5


def test_local_suppression_blanks_the_first_sacrificed_cell_of_the_rows_that_stand_out():
    rng = np.random.default_rng(5)
    n = 1000
    df = pd.DataFrame({"race": rng.choice(["A", "B"], n), "hour": rng.choice(["01:00", "02:00"], n)})
    df.loc[:7, "hour"] = [f"{h}:00" for h in range(14, 22)]  # eight rows stand out on the hour
    df.loc[:7, "race"] = "A"
    cfg = {"k": 5, "max_suppression": 0.0, "max_local_suppression": 0.01,
           "quasi_identifiers": {"race": {}, "hour": {"ladder": "time", "levels": ["hour"]}},
           "utility": {"sacrifice": ["hour", "race"], "floors": {"race": {"kept_in_at_least": 0.99}}}}
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.cells_blanked.get("hour", 0) >= 8 and rep.rows_suppressed == 0
    assert (out["hour"] == "*").sum() == rep.cells_blanked["hour"] <= 10
    assert (out["race"] == df["race"]).all()
    assert sdc.recount_k(out, ["race", "hour"]) >= 5


def test_an_impossible_floor_stops_with_the_floor_and_what_would_hold():
    spec, pol = _shipped("stops")
    df = _stops_like(6_000, seed=2)
    cfg = copy.deepcopy(pol.k_anonymity)
    cfg["utility"]["floors"]["occurred_date"] = {"at_least": "day", "in_at_least": 0.99}
    cfg["utility"]["floors_from_rows"] = 0  # every release size: the floors never give way
    with pytest.raises(SdcError) as ei:
        sdc.k_anonymize(df, cfg)
    msg = str(ei.value)
    assert ei.value.code == "sdc-floor-conflict"  # type: ignore[attr-defined]
    assert "occurred_date: at_least day in_at_least 0.99" in msg and "would hold" in msg
    for v in df["location"].unique()[:50]:
        assert v not in msg


def test_floors_not_binding_below_floors_from_rows_are_reported():
    spec, pol = _shipped("stops")
    df = _stops_like(600, seed=4)
    out, rep = sdc.k_anonymize(df, pol.k_anonymity)
    assert not rep.floors_binding and rep.floors
    assert sdc.recount_k(out, [c for c in pol.quasi_identifiers if c in out]) >= 5


def test_floors_that_hold_are_enforced_below_floors_from_rows_too():
    """floors_from_rows only lets floors give way where k and they conflict; a floor that can hold, holds."""
    spec, pol = _shipped("stops")
    df = _stops_like(600, seed=4)
    cfg = copy.deepcopy(pol.k_anonymity)
    cfg["utility"]["floors"] = {"occurred_date": {"at_least": "year", "in_at_least": 0.95}}
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.floors_binding
    assert (out["occurred_date"].astype(str) != "*").mean() >= 0.95
    assert sdc.recount_k(out, [c for c in pol.quasi_identifiers if c in out]) >= 5


def test_utility_report_on_a_released_table():
    df = pd.DataFrame({
        "id": [f"r{i}" for i in range(10)],
        "date": ["2024-01"] * 5 + ["2024-Q1"] * 3 + ["*"] * 2,
        "race": ["A"] * 5 + ["B"] * 5,
    })
    rep = utility_report(df, {"id": "not_identifying"}, k=2, ladders={"date": "date"}, rows_in=12,
                         information_loss=0.25)
    assert rep["quasi_identifiers"] == ["date", "race"]
    assert rep["columns"]["date"]["levels"] == {"month": 0.5, "quarter": 0.3, "suppressed": 0.2}
    assert rep["k_achieved"] == 2 and rep["classes_below_k"] == 0 and rep["rows_removed"] == 2
    assert rep["information_kept"] == 0.75


def test_officer_pseudonyms_are_scoped_to_the_agency():
    badges = pd.Series(["4117", "4117", " 4117"])
    agencies = pd.Series(["Harbor City PD", "Rivertown PD", "harbor city pd"])
    out = structured.pseudonym(badges, b"key", "ofc", agencies)
    assert out[0] != out[1] and out[0] == out[2]
    assert structured.pseudonym(badges, b"key", "ofc")[0] != out[0]
    for name in ("stops", "incidents", "complaints"):
        assert _shipped(name)[1].columns["officer_id"].params.get("scope") == "agency"


def test_a_month_only_source_is_published_at_month_with_no_time():
    from redaction.policy import apply_policy, source_precision

    spec, pol = _shipped("stops")
    std_cols = [f["name"] for f in spec.standardized]
    std = pd.DataFrame({c: pd.Series([None, None], dtype="object") for c in std_cols})
    std["occurred_at"] = pd.to_datetime(["2020-01-01 00:00", "2020-02-01 00:00"])  # what "2020-01" parses to
    std["agency"] = "Police UK"
    prec = source_precision({"occurred_at": "month"})
    out = apply_policy(pol, std, key=b"k", precision=prec).frame
    assert out["occurred_date"].tolist() == ["2020-01", "2020-02"]  # never 2020-01-01
    assert out["occurred_hour"].isna().all()  # never 00:00
    day_only = apply_policy(pol, std, key=b"k", precision=source_precision({"occurred_at": "day"})).frame
    assert day_only["occurred_date"].tolist() == ["2020-01-01", "2020-02-01"] and day_only["occurred_hour"].isna().all()
    assert apply_policy(pol, std, key=b"k").frame["occurred_hour"].tolist() == ["00:00", "00:00"]  # undeclared
    with pytest.raises(PolicyError, match="precision"):
        source_precision({"occurred_at": "fortnight"})
    # the ladder keeps the month where a finer level is asked: no invented day
    df = pd.DataFrame({"d": ["2020-01"] * 6 + ["2020-03-04"] * 6})
    out2, rep = sdc.k_anonymize(df, {"k": 5, "quasi_identifiers": {"d": {"ladder": "date"}}})
    assert set(out2["d"]) == {"2020-01", "2020-03-04"} and rep.levels["d"] == "day"


def test_shipped_policies_never_publish_iso_weeks_so_months_stay_right():
    from pipelines import site

    # 1-3 January 2016 fall in ISO week 2015-W53 (its Thursday is 31 December 2015)
    rng = np.random.default_rng(7)
    n = 300
    df = _stops_like(n).assign(occurred_date=rng.choice(["2016-01-01", "2016-01-02", "2016-01-03"], n))
    for name in ("stops", "incidents", "complaints"):
        qis = _shipped(name)[1].k_anonymity["quasi_identifiers"]
        dates = [q for q in qis.values() if q.get("ladder") == "date"]
        assert dates and all("week" not in q["levels"] for q in dates), name
    _, pol = _shipped("stops")
    out, _ = sdc.k_anonymize(df, pol.k_anonymity)
    pc = site.period_counts(pa.array(out["occurred_date"].astype(str).tolist(), pa.string()))
    assert {k for k, c in pc.counts if c} <= {"2016-01", "2016-Q1", "2016"}
