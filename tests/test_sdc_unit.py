"""k counted on the unit that identifies a person: a complaint's allegation rows share the complainant's
quasi-identifiers, so five allegations of one complaint are one complainant, not a class of five."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from redaction import sdc
from redaction.errors import SdcError
from redaction.sdc.report import utility_report

QIS = ["received_date", "race", "sex"]


def _allegations(complaints: int = 200, per: int = 5, seed: int = 7) -> pd.DataFrame:
    """`complaints` complaints of `per` allegation rows each; the complainant's date, race and sex on every row."""
    rng = np.random.default_rng(seed)
    day = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 365, complaints), unit="D")
    one = pd.DataFrame({"complaint_id": [f"cmp{i:04d}" for i in range(complaints)],
                        "received_date": day.strftime("%Y-%m-%d"),
                        "race": rng.choice(["R1", "R2", "R3"], complaints), "sex": rng.choice(["F", "M"], complaints)})
    rows = one.loc[one.index.repeat(per)].reset_index(drop=True)
    rows["allegation"] = rng.choice(["force", "conduct", "arrest"], len(rows))
    return rows


def _cfg(unit: str | None) -> dict:
    cfg = {"k": 5, "max_suppression": 0.01, "quasi_identifiers": {
        "received_date": {"ladder": "date", "levels": ["day", "month", "quarter", "year"]},
        "race": {}, "sex": {}}}
    if unit:
        cfg["unit"] = unit
    return cfg


def test_counting_rows_lets_one_complaint_be_a_class_of_five():
    df = _allegations()
    out, rep = sdc.k_anonymize(df, _cfg(None))
    assert rep.levels["received_date"] == "day"  # each complaint alone: five rows, one person
    assert sdc.recount_k(out, QIS) >= 5 and sdc.recount_k(out, QIS, unit="complaint_id") == 1


def test_k_counted_in_complaints_generalizes_until_five_complainants_share_a_class():
    df = _allegations()
    out, rep = sdc.k_anonymize(df, _cfg("complaint_id"))
    assert rep.levels["received_date"] != "day"
    assert rep.k_achieved >= 5
    assert sdc.recount_k(out, QIS, unit="complaint_id") >= 5
    units = out.groupby(QIS, dropna=False)["complaint_id"].nunique()
    assert int(units.min()) >= 5  # plain pandas, independently


def test_the_utility_report_counts_complaints_too():
    df = _allegations(complaints=10)
    rep = utility_report(df[QIS + ["complaint_id"]], {"complaint_id": "not_identifying"}, k=5,
                         ladders={"received_date": "date"}, unit="complaint_id")
    assert rep["k_achieved"] == 1 and rep["k_counts"] == "distinct complaint_id"
    assert utility_report(df[QIS], {}, k=5)["k_achieved"] == 5  # rows: what the old count said


def test_unit_must_be_a_column_outside_the_quasi_identifiers_and_present():
    with pytest.raises(SdcError, match="unit"):
        sdc.parse_config({**_cfg(None), "unit": "race"})
    with pytest.raises(SdcError, match="sdc-missing-column"):
        sdc.k_anonymize(_allegations().drop(columns="complaint_id"), _cfg("complaint_id"))
