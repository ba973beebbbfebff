"""Benchmark: disclosure control of the same generated stops, today's policy and search against the new ones.

    .venv/bin/python bench/bench_sdc.py            # 1,000,000 rows (goal: the new search < 5 s on 2 cores)
    .venv/bin/python bench/bench_sdc.py --quick    # 100,000 rows
    .venv/bin/python bench/bench_sdc.py --exhaustive   # also the naive exhaustive baseline of today's policy

"today": the stops policy as it was before issue 14 (six declared quasi-identifiers, the others published as
they are and not counted; no floors; no local suppression; unweighted loss). With local suppression off and no
floors the engine is today's search, unchanged. "new": the shipped stops policy (`policy_of(stops)`: every
published column not declared sensitive or not identifying is a quasi-identifier, agency and district
included; utility floors; order of sacrifice; local suppression), on the QI columns as the assemble stage gives
them (categoricals).

Printed side by side: time, information loss (mean NCP over the six QIs both count, so the figures compare;
the new search minimizes a weighted one), k recounted on the generalized table over every published
quasi-identifier, rows removed, and the share of all rows that keep race as recorded, the date at month or
finer, and the location at beat or finer (per row: levels may differ by stratum). A third line forces the search
by stratum (`redaction.sdc.strata`, used when one level for every row cannot hold the floors) on the same rows,
for its time; its levels column gives the level most rows got.

Baseline ("naive exhaustive", with --exhaustive): what one writes first. Generalized string columns are
prepared once per QI level, then EVERY node of the lattice is evaluated with a pandas groupby on the string
columns (no integer encoding, no pruning); it returns the exact optimum of today's policy, so the run also checks
that the search finds the same node.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from redaction import sdc  # noqa: E402

CFG = {  # today's stops policy (before issue 14)
    "k": 5,
    "max_suppression": 0.01,
    "quasi_identifiers": {
        "occurred_date": {"ladder": "date", "levels": ["day", "week", "month", "quarter", "year"]},
        "occurred_hour": {"ladder": "time", "levels": ["hour", "4h", "part_of_day", "*"]},
        "location": {"ladder": "columns", "levels": ["location", "beat", "district", "*"]},
        "subject_age_band": {"ladder": "age", "levels": ["5y", "10y", "minor_adult", "*"]},
        "subject_race": {"ladder": "none", "levels": ["value", "*"]},
        "subject_sex": {"ladder": "none", "levels": ["value", "*"]},
    },
}
COMMON = list(CFG["quasi_identifiers"])


def make_stops(n: int, seed: int = 42) -> pd.DataFrame:
    """A stops table at level 0 of every ladder: 1 year, 24 hours, 6000 hundred blocks, 200 beats, 8 districts."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2024-01-01", "2024-12-31").strftime("%Y-%m-%d").to_numpy(dtype=object)
    n_blocks = 6000
    # busy blocks and busy hours are more frequent, like real stops
    block_w = rng.pareto(1.5, n_blocks) + 1
    block = rng.choice(n_blocks, n, p=block_w / block_w.sum())
    hour_w = 1.5 + np.sin((np.arange(24) - 9) / 24 * 2 * np.pi)
    hour = rng.choice(24, n, p=hour_w / hour_w.sum())
    beat = block // 30
    ages = np.clip(rng.gamma(4.0, 8.0, n) + 14, 0, 99).astype(int)
    blocks = np.array([f"{(i % 97 + 1) * 100} block of STREET {i}" for i in range(n_blocks)], dtype=object)
    hours = np.array([f"{h:02d}:00" for h in range(24)], dtype=object)
    return pd.DataFrame(
        {
            "stop_id": np.arange(n),
            "agency": np.array(["Rivertown Police Department", "Lakeview County Sheriff's Office"],
                               dtype=object)[(beat // 25 >= 5).astype(int)],
            "occurred_date": days[rng.integers(0, len(days), n)],
            "occurred_hour": hours[hour],
            "location": blocks[block],
            "beat": np.array([f"B{b:03d}" for b in range(200)], dtype=object)[beat],
            "district": np.array([f"D{d:02d}" for d in range(8)], dtype=object)[beat // 25],
            "subject_age_band": sdc.age_band(ages).to_numpy(),
            "subject_race": rng.choice(
                np.array(["White", "Black", "Hispanic", "Asian", "Other"], dtype=object), n,
                p=[0.42, 0.3, 0.2, 0.05, 0.03],
            ),
            "subject_sex": rng.choice(np.array(["Male", "Female"], dtype=object), n, p=[0.72, 0.28]),
            "outcome": rng.choice(np.array(["warning", "citation", "arrest"], dtype=object), n, p=[0.5, 0.4, 0.1]),
        }
    )


def naive_exhaustive(df: pd.DataFrame, cfg: sdc.SdcConfig) -> tuple[dict[str, str], float, int, int]:
    """Every lattice node, pandas groupby on generalized strings; returns (levels, loss, suppressed, nodes)."""
    n, q = len(df), len(cfg.quasi_identifiers)
    cols: list[list[pd.Series]] = []
    pens: list[list[np.ndarray]] = []
    for qi in cfg.quasi_identifiers:
        gen: list[pd.Series] = []
        for lv in qi.levels:
            if qi.ladder == "columns":
                gen.append(df[lv].astype(object))
            elif qi.ladder == "none":
                gen.append(df[qi.name].astype(object))
            else:
                gen.append(sdc.generalize(df, cfg, {qi.name: lv})[qi.name])
        base = gen[0]
        d0 = base.nunique()
        pens.append([
            ((pd.DataFrame({"g": g, "b": base}).groupby("g", dropna=False)["b"].transform("nunique") - 1)
             / max(d0 - 1, 1)).fillna(0).to_numpy()
            for g in gen
        ])
        cols.append(gen)
    best: tuple[float, int, tuple[int, ...], int] = (np.inf, 0, (), 0)
    nodes = 0
    for node in itertools.product(*[range(len(qi.levels)) for qi in cfg.quasi_identifiers]):
        nodes += 1
        g = pd.DataFrame({qi.name: cols[i][lv] for i, (qi, lv) in enumerate(zip(cfg.quasi_identifiers, node, strict=True))})
        size = g.groupby(list(g.columns), dropna=False, sort=False)[g.columns[0]].transform("size").to_numpy()
        bad = size < cfg.k
        supp = int(bad.sum())
        if supp > cfg.max_suppression * n:
            continue
        loss = (sum(float(pens[i][lv][~bad].sum()) for i, lv in enumerate(node)) + supp * q) / (n * q)
        if (loss, sum(node)) < (best[0], sum(best[2]) if best[2] else 10**9):
            best = (loss, supp, node, 0)
    levels = {qi.name: qi.levels[lv] for qi, lv in zip(cfg.quasi_identifiers, best[2], strict=True)}
    return levels, best[0], best[1], nodes


def _measure(df: pd.DataFrame, cfg: Any, all_qis: list[str], by_strata: bool = False) -> dict[str, Any]:
    """One run of the search on `df` (`by_strata`: the search by stratum, forced even where one level holds the
    floors); the shares and the recount on the table it would publish."""
    from redaction.sdc import strata

    t = time.perf_counter()
    best = strata.best_plan(df, cfg) if by_strata else sdc.k_anonymize_plan(df, cfg)
    assert best is not None
    plan = best
    secs = time.perf_counter() - t
    rep, n = plan.report, len(df)
    out = sdc.apply_plan(df, cfg, rep.levels, plan.blanks)
    out = out.iloc[np.flatnonzero(plan.keep)]

    def kept(col: str, finest: tuple[str, ...]) -> float:
        """Share of all rows published with `col` at one of `finest` (per row: levels may differ by stratum)."""
        ok = np.full(n, rep.levels.get(col, finest[0]) in finest)
        for key, mask in plan.blanks.items():
            name, sep, lv = key.partition("@")
            if sep and name == col:
                ok[mask] = lv in finest
        star = plan.blanks.get(col, np.zeros(n, dtype=bool))
        return float((ok & plan.keep & ~star).sum()) / n

    return {
        "time": secs, "nodes": rep.nodes_evaluated, "removed": rep.rows_suppressed / n,
        "ncp": float(np.mean([rep.loss_by_column[c] for c in COMMON])),
        "k_all": sdc.recount_k(out.astype({c: object for c in all_qis}), all_qis),
        "race": kept("subject_race", ("value",)), "month": kept("occurred_date", ("day", "week", "month")),
        "beat": kept("location", ("location", "beat")), "levels": rep.levels,
        "blanked": sum(rep.cells_blanked.values()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="100,000 rows instead of 1,000,000")
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--exhaustive", action="store_true", help="also run the naive exhaustive baseline")
    args = ap.parse_args()
    n = args.rows or (100_000 if args.quick else 1_000_000)
    from pipelines.specs import load_specs
    from pipelines.stages import policy_of

    spec = next(s for s in load_specs() if s.name == "stops")
    policy = policy_of(spec)
    new_cfg = sdc.parse_config(policy.k_anonymity)
    all_qis = policy.quasi_identifiers

    t = time.perf_counter()
    df = make_stops(n)
    print(f"generated {n:,} stops in {time.perf_counter() - t:.1f} s; every published QI: {all_qis}")
    cat = df.astype({c: "category" for c in df.columns if df[c].dtype == object})  # as assemble gives them
    rows = [("today: 6 declared QIs", _measure(cat, sdc.parse_config(CFG), all_qis)),
            ("new: every QI, floors, local supp.", _measure(cat, new_cfg, all_qis))]
    if new_cfg.strata:
        rows.append(("new, levels per stratum (forced)", _measure(cat, new_cfg, all_qis, by_strata=True)))
    print()
    print(f"{'search':<36} {'time s':>7} {'nodes':>5} {'NCP(6)':>7} {'k(all)':>6} {'removed':>8} {'blanked':>8} "
          f"{'race':>6} {'<=month':>8} {'<=beat':>7}  levels")
    for name, r in rows:
        lv = ", ".join(f"{c}={v}" for c, v in r["levels"].items())
        print(f"{name:<36} {r['time']:7.2f} {r['nodes']:5d} {r['ncp']:7.4f} {r['k_all']:6d} {r['removed']:8.2%} "
              f"{r['blanked']:8d} {r['race']:6.1%} {r['month']:8.1%} {r['beat']:7.1%}  {lv}")
    new_s = rows[1][1]["time"]
    print(f"\ngoal: the new search < 5 s: {'met' if new_s < 5 else 'NOT met'} ({new_s:.2f} s)")
    if args.exhaustive:
        cfg = sdc.parse_config(CFG)
        t = time.perf_counter()
        b_levels, b_loss, b_supp, b_nodes = naive_exhaustive(df, cfg)
        print(f"naive exhaustive of today's policy: {time.perf_counter() - t:.1f} s, {b_nodes} nodes, same optimum: "
              f"{b_levels == rows[0][1]['levels']}")


if __name__ == "__main__":
    main()
