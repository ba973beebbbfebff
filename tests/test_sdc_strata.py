"""Levels per stratum (agency, year) and per group (`redaction.sdc.strata`): a big stratum keeps the month where
a thin one cannot, k holds over every QI of the released table (recounted with pandas and pyCANON), the plan
applies batch by batch, and a floor these rows cannot hold is reported with what was kept and the bound."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pycanon import anonymity

from redaction import sdc
from redaction.errors import SdcError
from redaction.sdc import strata

QIS = ["agency", "date", "race", "sex"]


def _table(big: int, thin: int, seed: int = 3) -> pd.DataFrame:
    """Agency A: `big` stops over 2020 (classes of month x race x sex are large); agency B: `thin` stops over
    2021 (the same classes hold a row or two each)."""
    rng = np.random.default_rng(seed)

    def part(agency: str, year: int, n: int) -> pd.DataFrame:
        day = pd.Timestamp(f"{year}-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
        return pd.DataFrame({"agency": agency, "date": day.strftime("%Y-%m-%d"),
                             "race": rng.choice(["R1", "R2", "R3"], n), "sex": rng.choice(["F", "M"], n)})

    return pd.concat([part("A", 2020, big), part("B", 2021, thin)], ignore_index=True)


def _cfg(mls: float = 0.0, from_rows: int = 0, with_strata: bool = True) -> dict:
    util = {"sacrifice": ["date", "sex", "race"], "floors_from_rows": from_rows,
            "floors": {"race": {"kept_in_at_least": 0.99}, "sex": {"kept_in_at_least": 0.99},
                       "date": {"at_least": "month", "in_at_least": 0.95}}}
    if with_strata:
        util["strata"] = {"agency": "value", "date": "year"}
    return {"k": 5, "max_suppression": 0.01, "max_local_suppression": mls, "utility": util,
            "quasi_identifiers": {"agency": {}, "date": {"ladder": "date", "levels": ["day", "month", "quarter", "year"]},
                                  "race": {"levels": ["value", "*"]}, "sex": {"levels": ["value", "*"]}}}


def test_one_level_for_all_rows_cannot_hold_the_month_floor():
    with pytest.raises(SdcError) as ei:
        sdc.k_anonymize(_table(6000, 250), _cfg(with_strata=False))
    assert ei.value.code == "sdc-floor-conflict"  # type: ignore[attr-defined]


def test_levels_per_stratum_keep_the_month_where_the_rows_allow_it():
    df = _table(6000, 250)
    out, rep = sdc.k_anonymize(df, _cfg())
    assert rep.floors_binding and rep.kept_shares["date"] >= 0.95
    month = out["date"].str.fullmatch(r"\d{4}-\d{2}")
    year = out["date"].str.fullmatch(r"\d{4}")
    assert month[out["agency"] == "A"].all()  # the big stratum keeps the month
    assert year.any() and (month | year).all()  # the released column mixes levels
    assert month.sum() >= 0.95 * len(df)
    assert rep.level_shares["date"]["month"] > 0.95 and rep.level_shares["date"]["year"] > 0
    assert len(rep.strata) >= 2 and all(set(g) == {"rows", "levels", "floors_searched", "rows_removed"}
                                        for g in rep.strata)
    assert (out["race"] == df.loc[out.index, "race"]).all() and (out["sex"] == df.loc[out.index, "sex"]).all()
    sizes = out.groupby(QIS, dropna=False).size()
    assert int(sizes.min()) >= 5 and sdc.recount_k(out, QIS) >= 5
    assert anonymity.k_anonymity(out.reset_index(drop=True), QIS) >= 5


def test_the_plan_applies_batch_by_batch_as_the_assemble_stage_does():
    df = _table(6000, 250)
    cfg = _cfg()
    whole, _ = sdc.k_anonymize(df, cfg)
    plan = sdc.k_anonymize_plan(df, cfg)
    assert any("@" in key for key in plan.blanks)  # rows published at another level than report.levels
    parts = []
    for lo in range(0, len(df), 1000):
        sl = slice(lo, lo + 1000)
        batch = df.iloc[sl]
        keep = plan.keep[sl]
        part = sdc.apply_plan(batch[keep], cfg, plan.report.levels, {c: m[sl][keep] for c, m in plan.blanks.items()})
        parts.append(part)
    assert pd.concat(parts).equals(whole)


def test_a_floor_these_rows_cannot_hold_is_reported_with_what_was_kept_and_the_bound():
    """Small release (below floors_from_rows), local suppression on: thin months everywhere. The month floor
    cannot hold; the release keeps what each group allows, says so, and names the most any grouping could keep."""
    df = _table(900, 250, seed=5)
    cfg = _cfg(mls=0.10, from_rows=10_000)
    out, rep = sdc.k_anonymize(df, cfg)
    assert not rep.floors_binding
    note = next(f for f in rep.floors if f.startswith("date:"))
    assert "NOT met" in note and "no plan keeps more than" in note and "it would hold as date: at_least month" in note
    bound = strata.floor_bound(df, sdc.parse_config(cfg), sdc.parse_config(cfg).floors[2])
    assert bound is not None and rep.kept_shares["date"] <= bound[1] + 1e-9 and bound[0] <= bound[1] < 0.95
    assert f"{bound[0]:.1%}" in note and f"{bound[1]:.1%}" in note
    assert sdc.recount_k(out, QIS) >= 5 and anonymity.k_anonymity(out.reset_index(drop=True), QIS) >= 5
    assert rep.kept_shares["race"] >= 0.99 and rep.kept_shares["sex"] >= 0.99
    assert rep.kept_shares["date"] > 0.85  # most rows keep the month: only the thin classes give it up


def test_strata_must_name_quasi_identifiers_and_their_levels():
    cfg = _cfg()
    cfg["utility"]["strata"] = {"agency": "value", "date": "decade"}
    with pytest.raises(SdcError, match="utility.strata"):
        sdc.parse_config(cfg)
    cfg["utility"]["strata"] = {"nowhere": "value"}
    with pytest.raises(SdcError, match="utility.strata"):
        sdc.parse_config(cfg)
