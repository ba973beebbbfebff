"""Row-level recoding (`redaction.sdc.recode`): when groups by stratum cannot hold the month floor, only the rows
that stand out give something up (a race or sex cell as "*" within the floors' budgets, else a coarser date), k
holds on the released table (recounted with pandas and pyCANON), and a floor that cannot hold on a large release
stops the run with what the best plan kept, the bound, and the floor it does hold."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pycanon import anonymity

from redaction import sdc
from redaction.errors import SdcError
from redaction.sdc import recode, strata

QIS = ["agency", "date", "race", "sex"]


def _table(n: int, seed: int) -> pd.DataFrame:
    """One agency's year: two common races, three rare ones, one sex in four female, 5% race not recorded."""
    rng = np.random.default_rng(seed)
    day = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
    race = rng.choice(["R1", "R2", "R3", "R4", "R5"], n, p=[0.45, 0.4, 0.1, 0.03, 0.02])
    race = np.where(rng.random(n) < 0.05, None, race)
    return pd.DataFrame({"agency": "A", "date": day.strftime("%Y-%m-%d"), "race": race,
                         "sex": rng.choice(["F", "M"], n, p=[0.25, 0.75])})


def _cfg(from_rows: int = 10_000) -> dict:
    return {"k": 5, "max_suppression": 0.01, "max_local_suppression": 0.10,
            "quasi_identifiers": {"agency": {}, "date": {"ladder": "date", "levels": ["day", "month", "quarter", "year"]},
                                  "race": {"levels": ["value", "*"]}, "sex": {"levels": ["value", "*"]}},
            "utility": {"sacrifice": ["date", "sex", "race"], "floors_from_rows": from_rows,
                        "strata": {"agency": "value", "date": "year"},
                        "floors": {"race": {"kept_in_at_least": 0.99}, "sex": {"kept_in_at_least": 0.99},
                                   "date": {"at_least": "month", "in_at_least": 0.95}}}}


def test_row_recoding_keeps_the_month_floor_where_groups_by_stratum_cannot():
    df = _table(2000, 2)
    cfg = _cfg()
    grouped = strata.best_plan(df, sdc.parse_config(cfg))
    assert grouped is not None and grouped.report.kept_shares["date"] < 0.95  # whole groups give the month up
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.floors_binding and not any("NOT met" in f for f in rep.floors)
    assert rep.kept_shares["date"] >= 0.95 and rep.kept_shares["race"] >= 0.99 and rep.kept_shares["sex"] >= 0.99
    assert out["date"].str.fullmatch(r"\d{4}-\d{2}").mean() >= 0.95 * len(df) / len(out)
    assert int(out.groupby(QIS, dropna=False).size().min()) >= 5 and sdc.recount_k(out, QIS) >= 5
    assert anonymity.k_anonymity(out.reset_index(drop=True).fillna("null"), QIS) >= 5
    for c in ("race", "sex"):  # a kept column is as recorded, or "*": never another value
        same = (out[c] == df.loc[out.index, c]) | (out[c].isna() & df.loc[out.index, c].isna())
        assert (same | (out[c] == "*")).all()


def test_only_the_rows_that_stand_out_give_anything_up():
    df = _table(2000, 2)
    out, _ = sdc.k_anonymize(df, _cfg())
    month = df["date"].str[:7]
    size = df.assign(month=month).groupby(["agency", "month", "race", "sex"], dropna=False)["date"].transform("size")
    safe = out.index[(size >= 5).to_numpy()[out.index]]
    assert (out.loc[safe, "date"] == month[safe]).all()
    assert (out.loc[safe, "race"].fillna("null") == df.loc[safe, "race"].fillna("null")).all()
    assert (out.loc[safe, "sex"] == df.loc[safe, "sex"]).all()


def test_the_plan_applies_batch_by_batch():
    df = _table(2000, 2)
    cfg = _cfg()
    whole, _ = sdc.k_anonymize(df, cfg)
    plan = sdc.k_anonymize_plan(df, cfg)
    parts = []
    for lo in range(0, len(df), 700):
        sl = slice(lo, lo + 700)
        keep = plan.keep[sl]
        parts.append(sdc.apply_plan(df.iloc[sl][keep], cfg, plan.report.levels,
                                    {c: m[sl][keep] for c, m in plan.blanks.items()}))
    assert pd.concat(parts).equals(whole)


def test_a_floor_a_large_release_cannot_hold_names_the_best_plan_the_bound_and_what_holds():
    df = _table(1500, 3)  # the month floor holds in neither plan on these rows
    with pytest.raises(SdcError) as ei:
        sdc.k_anonymize(df, _cfg(from_rows=0))
    msg = str(ei.value)
    assert ei.value.code == "sdc-floor-conflict"  # type: ignore[attr-defined]
    assert "the best plan found" in msg and "date: at_least month in_at_least 0.95 (NOT met: " in msg
    assert "no plan keeps more than" in msg and "it would hold as date: at_least month in_at_least 0.9" in msg
    for value in ("R1", "R2", "R3", "R4", "R5", "2020-0"):  # names and shares only
        assert value not in msg


def test_a_column_without_a_floor_whose_coarsest_level_still_tells_gives_its_cell_first():
    """Complaint-like policy: the year has no floor and no "*" level; a rare race x sex stands out in every year.
    The standing-out rows publish "*" as the year (not removed, race and sex kept)."""
    rng = np.random.default_rng(7)
    n = 1000
    year = rng.integers(2015, 2025, n).astype(str)
    race = np.where(np.arange(n) % 50 == 0, "R9", rng.choice(["R1", "R2"], n))  # 20 rows, about 2 a year
    df = pd.DataFrame({"agency": "A", "date": [f"{y}-06-01" for y in year], "race": race,
                       "sex": rng.choice(["F", "M"], n)})
    cfg = {"k": 5, "max_suppression": 0.01, "max_local_suppression": 0.10,
           "quasi_identifiers": {"agency": {}, "date": {"ladder": "date", "levels": ["day", "month", "quarter", "year"]},
                                 "race": {"levels": ["value", "*"]}, "sex": {"levels": ["value", "*"]}},
           "utility": {"sacrifice": ["date", "sex", "race"], "floors_from_rows": 10_000,
                       "floors": {"race": {"kept_in_at_least": 0.99}, "sex": {"kept_in_at_least": 0.99}}}}
    st = recode.row_recoding(df, sdc.parse_config(cfg))
    assert st is not None
    out, rep = sdc.k_anonymize(df, cfg)
    assert rep.kept_shares["race"] >= 0.99 and rep.kept_shares["sex"] >= 0.99 and rep.rows_suppressed <= 10
    rare = out["race"] == "R9"
    assert rare.sum() >= 15 and (out.loc[rare, "date"] == "*").all()
    assert sdc.recount_k(out, QIS) >= 5 and anonymity.k_anonymity(out.reset_index(drop=True), QIS) >= 5
