"""Exact upper bound of a month floor under k, by integer programming (HiGHS), on a private standardized table.

    uv venv /tmp/hv && uv pip install --python /tmp/hv/bin/python highspy pandas pyarrow
    /tmp/hv/bin/python bench/floor_bound.py $OSD_PRIVATE/standardized/stops/*.parquet
    /tmp/hv/bin/python bench/floor_bound.py ... --blank-cost all   # a "*" in place of a null costs the floor too

highspy is not a project dependency: this is a measurement, run by hand. The model is the most permissive one
the policy allows: every quasi-identifier other than agency, month, race and sex withheld ("*"); a row keeps its
month in a class of at least k rows on (agency, month, race, sex), or by publishing race, sex or both as "*"
(classes of k again, with "*" a value), within the race and sex floors' budgets (1% of the valued rows); a row
that loses its month is assumed safe at no cost (optimistic). So the optimum is an upper bound of the share of
rows that can keep the month, for any plan the search could make. Prints counts and shares only.
"""

from __future__ import annotations

import argparse
import math

import highspy  # type: ignore[import-not-found]
import numpy as np
import pandas as pd


def _group_constraints(h: highspy.Highs, keys: list[np.ndarray], var: dict[int, object], rows: np.ndarray,
                       k: int) -> None:
    """Rows choosing `var` with the same `keys` are one class: none of them, or at least k."""
    for members in pd.Series(rows).groupby([key[rows] for key in keys]).apply(list):
        y = h.addBinary()
        h.addConstr(sum(var[i] for i in members) - k * y >= 0)
        for i in members:
            h.addConstr(var[i] - y <= 0)


def bound(d: pd.DataFrame, k: int, share: float, blank_cost: str) -> tuple[int, float, str]:
    """(rows that must lose the month, at least; the most rows that can keep it, as a share; solver status)."""
    n = len(d)
    agency, month = d["agency"].to_numpy(), pd.to_datetime(d["occurred_at"]).dt.strftime("%Y-%m").to_numpy()
    race = d["subject_race"].astype(object).fillna("\x00").to_numpy()
    sex = d["subject_sex"].astype(object).fillna("\x00").to_numpy()
    cls = pd.DataFrame({"a": agency, "m": month, "r": race, "s": sex}).groupby(["a", "m", "r", "s"]).ngroup()
    small = np.bincount(cls.to_numpy())[cls.to_numpy()] < k
    cell = pd.DataFrame({"a": agency, "m": month}).groupby(["a", "m"]).ngroup().to_numpy()
    rows = np.flatnonzero(np.isin(cell, np.unique(cell[small])))  # other cells keep every month as they are
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    keep, r_, s_, both, lose = ({i: h.addBinary() for i in rows} for _ in range(5))
    for i in rows:
        h.addConstr(keep[i] + r_[i] + s_[i] + both[i] + lose[i] == 1)
    _group_constraints(h, [agency, month, race, sex], keep, rows, k)
    _group_constraints(h, [agency, month, sex], r_, rows, k)
    _group_constraints(h, [agency, month, race], s_, rows, k)
    _group_constraints(h, [agency, month], both, rows, k)
    for col, blank in (("subject_race", r_), ("subject_sex", s_)):
        valued = d[col].notna().to_numpy()
        cost = np.ones(n, dtype=bool) if blank_cost == "all" else valued
        budget = int(math.floor((1.0 - share) * int(valued.sum()) + 1e-9))
        h.addConstr(sum(blank[i] + both[i] for i in rows if cost[i]) <= budget)
    h.minimize(sum(lose[i] for i in rows))
    lost = int(round(h.getInfo().mip_dual_bound))
    return lost, (n - lost) / n, h.modelStatusToString(h.getModelStatus())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parquet", nargs="+")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--share", type=float, default=0.99, help="the race and sex floors (kept_in_at_least)")
    ap.add_argument("--blank-cost", choices=["valued", "all"], default="valued")
    args = ap.parse_args()
    d = pd.concat([pd.read_parquet(p) for p in args.parquet], ignore_index=True)
    lost, kept, status = bound(d, args.k, args.share, args.blank_cost)
    print(f"{len(d)} rows, k = {args.k}: at least {lost} rows lose the month; at most {kept:.2%} keep it "
          f"(race and sex floors {args.share:g}, blanks cost: {args.blank_cost} rows; solver: {status})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
