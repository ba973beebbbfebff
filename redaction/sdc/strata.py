"""Levels chosen per group of rows (local recoding), when one level per column cannot hold k and the floors.

A small release from several agencies and years rarely has the rows to keep month x race x sex in classes of k
everywhere: a big agency's year may, a small one's may not. One level for the whole table then coarsens every row
to what the thinnest stratum can bear. Here the levels are chosen per group instead:

1. The rows are split into strata by the values of `utility.strata` (`{agency: value, occurred_date: year}`: one
   stratum per agency and year).
2. Each stratum is searched alone (`search._search`, the floors as shares of the stratum). A stratum that
   passes keeps its levels.
3. A stratum that cannot hold the floors is split: the rows already in classes of k at the coarsest levels the
   floors allow keep the floors (that group is searched again on its own, and may get finer levels); the other
   rows go to one residual group, pooled over every stratum.
4. The residual group is searched with what is left of the release's limits (rows removed, rows with "*" cells,
   each floor's budget), giving up floors in the order of sacrifice until k holds.
5. The same is tried with every stratum split as in 3 (its standing-out rows then get a coarser level in the
   residual group instead of "*" cells); `best_plan` keeps the grouping that keeps more of the floors (the last
   given up first), then loses less. `search.k_anonymize_plan` compares it with one level for every row too.

k over the released table: every row belongs to one group, and a group's rows are published with the group's
levels; a class of the released table (rows with the same published values) is therefore a union of classes of
the groups, each of at least k rows (and l sensitive values), so it holds k (and l) too. The groups need not
be visible in the release for that; they are a utility device, not a published fact. The plan goes out as masks:
`"QI@level"` for the rows of a QI published at another level than the report's `levels`, `"QI"` for "*" cells.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from redaction.sdc.config import Floor, SdcConfig, SdcReport
from redaction.sdc.ladders import SUPPRESSED
from redaction.sdc.lattice import Limits, Plan, _generalize_one, _prepare, _search, _searched_qis


@dataclass
class Group:
    """One group's outcome: its rows (positions in the table), the level per QI, rows removed, cells blanked."""

    rows: np.ndarray
    levels: dict[str, str]
    removed: np.ndarray
    blanked: dict[str, np.ndarray]
    k_achieved: int
    l_achieved: int | None
    floors_kept: tuple[str, ...]  # the floors this group was searched under


@dataclass
class Stratified:
    """The groups, and the release-level figures the caller reports."""

    groups: list[Group]
    strata: int
    residual_rows: int


def stratum_codes(df: pd.DataFrame, config: SdcConfig) -> np.ndarray:
    """One integer per row: its stratum (the values of the `strata` QIs at their levels; null is a value)."""
    by_name = {q.name: q for q in config.quasi_identifiers}
    cols = [pd.Series(_generalize_one(df, by_name[c], lv)) for c, lv in config.strata]
    key = pd.DataFrame({i: c for i, c in enumerate(cols)})
    return key.groupby(list(key.columns), dropna=False, sort=True).ngroup().to_numpy()


def _solve(df: pd.DataFrame, rows: np.ndarray, config: SdcConfig, limits: Limits | None) -> Group | None:
    """Search the rows alone; None when k and the floors cannot both hold there."""
    sub = df.iloc[rows].reset_index(drop=True)
    ladders, ev = _prepare(sub, config, limits)
    node, res, _, _ = _search(ev, ladders)
    if not res.passes:
        return None
    final = ev.evaluate(node, keep_mask=True)
    removed = rows[final.bad_rows] if final.bad_rows is not None else np.zeros(0, np.int64)
    return Group(rows, {lad.name: lad.level_names[lv] for lad, lv in zip(ladders, node, strict=True)}, removed,
                 {ladders[qi].name: rows[r] for qi, r in final.blanked.items()}, final.k_achieved,
                 final.l_achieved, tuple(f.column for f in config.floors))


def _safe_at_top(df: pd.DataFrame, rows: np.ndarray, config: SdcConfig) -> np.ndarray:
    """Mask over `rows`: in a class of k (and l) at the coarsest levels the floors allow, without suppression."""
    sub = df.iloc[rows].reset_index(drop=True)
    ladders, ev = _prepare(sub, config)
    cls, ncls = ev.classes_of(tuple(len(lad.level_names) - 1 for lad in ladders))
    good = ev.sizes(cls, ncls) >= config.k
    if ev.sens is not None and ev.l_target is not None:
        pair = np.unique(cls * ev.n_sens + ev.sens)
        good &= np.bincount(pair // ev.n_sens, minlength=ncls) >= ev.l_target
    return good[cls]


def _valued(df: pd.DataFrame, column: str) -> np.ndarray:
    return ~df[column].isna().to_numpy()


def floor_lost(df: pd.DataFrame, config: SdcConfig, floor: Floor, groups: Sequence[Group]) -> int:
    """Valued rows of the floor's column that the groups removed, blanked, or published coarser than the floor."""
    q = next(x for x in config.quasi_identifiers if x.name == floor.column)
    limit = q.levels.index(floor.at_least) if floor.at_least is not None else 0
    valued = _valued(df, floor.column)
    lost = 0
    for g in groups:
        if q.levels.index(g.levels[q.name]) > limit:
            lost += int(valued[g.rows].sum())
            continue
        gone = np.union1d(g.removed, g.blanked.get(q.name, np.zeros(0, np.int64)))
        lost += int(valued[gone].sum())
    return lost


def _left(df: pd.DataFrame, config: SdcConfig, groups: Sequence[Group]) -> Limits:
    """What the release's limits leave after `groups`: rows to remove, rows with "*" cells, floor budgets."""
    n = len(df)
    removed = sum(len(g.removed) for g in groups)
    blanked = sum(len(np.unique(np.concatenate(list(g.blanked.values())))) if g.blanked else 0 for g in groups)
    budgets = {}
    for f in config.floors:
        total = int(math.floor((1.0 - f.share) * int(_valued(df, f.column).sum()) + 1e-9))
        budgets[f.column] = total - floor_lost(df, config, f, groups)
    return Limits(int(math.floor(config.max_suppression * n + 1e-9)) - removed,
                  int(math.floor(config.max_local_suppression * n + 1e-9)) - blanked, budgets)


def _residual(df: pd.DataFrame, rows: np.ndarray, config: SdcConfig, groups: Sequence[Group]) -> Group | None:
    """The pooled rows no stratum could keep under the floors: searched with the release's remaining limits,
    giving up floors in the order of sacrifice (first given up first) until k holds."""
    order = {c: i for i, c in enumerate(config.sacrifice)}
    floors = sorted(config.floors, key=lambda f: order.get(f.column, len(order)))
    for drop in range(len(floors) + 1):
        cfg = replace(config, floors=tuple(floors[drop:]))
        g = _solve(df, rows, cfg, _left(df, cfg, groups))
        if g is not None:
            return g
    return None


def stratified(df: pd.DataFrame, config: SdcConfig, split_all: bool = False) -> Stratified | None:
    """The groups of the stratified search (see the module docstring); None when even the residual group cannot
    reach k within the release's limits (the caller keeps one level for the whole table). `split_all`: every
    stratum sends its rows unsafe at the top to the residual group (where they get a coarser level instead of
    "*" cells), not only the strata that cannot hold the floors."""
    codes = stratum_codes(df, config)
    n_strata = int(codes.max()) + 1 if len(codes) else 0
    groups: list[Group] = []
    rest: list[np.ndarray] = []
    for s in range(n_strata):
        rows = np.flatnonzero(codes == s)
        g = None if split_all else _solve(df, rows, config, None)
        if g is None:
            safe = _safe_at_top(df, rows, config)
            g = _solve(df, rows[safe], config, None) if safe.any() else None
            rest.append(rows[~safe] if g is not None else rows)
        if g is not None:
            groups.append(g)
    residual = np.sort(np.concatenate(rest)) if rest else np.zeros(0, np.int64)
    if len(residual):
        g = _residual(df, residual, config, groups)
        if g is None:
            return None
        groups.append(g)
    return Stratified(groups, n_strata, len(residual))


def masks(n: int, config: SdcConfig, groups: Sequence[Group]) -> tuple[dict[str, str], dict[str, np.ndarray],
                                                                         np.ndarray]:
    """The plan as the callers apply it: the base level per QI (the one most rows have), masks "QI@level" for rows
    at another level and "QI" for "*" cells, and the rows kept."""
    keep = np.ones(n, dtype=bool)
    out: dict[str, np.ndarray] = {}
    base: dict[str, str] = {}
    for q in config.quasi_identifiers:
        count: dict[str, int] = {}
        for g in groups:
            count[g.levels[q.name]] = count.get(g.levels[q.name], 0) + len(g.rows)
        base[q.name] = max(count, key=lambda lv: (count[lv], -q.levels.index(lv)))
        for g in groups:
            lv = g.levels[q.name]
            if lv != base[q.name]:
                m = out.setdefault(f"{q.name}@{lv}", np.zeros(n, dtype=bool))
                m[g.rows] = True
            if q.name in g.blanked and lv != SUPPRESSED:
                m = out.setdefault(q.name, np.zeros(n, dtype=bool))
                m[g.blanked[q.name]] = True
    for g in groups:
        keep[g.removed] = False
    return base, out, keep


def floor_bound(df: pd.DataFrame, config: SdcConfig, floor: Floor) -> tuple[float, float] | None:
    """An upper bound of the share of valued rows that can keep `floor` with k, any grouping of the rows.

    At the node where every floor's column is at its floor (as recorded, or `at_least`) and every other QI at its
    coarsest, a row in a class below k keeps this floor's level only if it loses one of the other floors' columns
    (within their budgets): no finer publication of any other column can make its class larger. Returns (the
    bound when those rows keep the other floors' columns; the bound when they may spend those floors' budgets).
    Valid when every other QI is withheld ("*") at its coarsest or is never blanked (not in the order of
    sacrifice); None otherwise. The second bound counts every standing-out row as savable by one blank of another
    floor's column (free where that column is null): an upper bound, not a plan. A removed row loses this
    column as well, so the removal limit cannot raise it."""
    floor_cols = {f.column for f in config.floors}
    for q in _searched_qis(config):
        if q.name not in floor_cols and q.levels[-1] != SUPPRESSED and q.name in config.sacrifice:
            return None
    ladders, ev = _prepare(df, config)
    cls, ncls = ev.classes_of(tuple(len(lad.level_names) - 1 for lad in ladders))
    bad = ev.sizes(cls, ncls) < config.k
    if ev.sens is not None and ev.l_target is not None:
        pair = np.unique(cls * ev.n_sens + ev.sens)
        bad |= np.bincount(pair // ev.n_sens, minlength=ncls) < ev.l_target
    valued = _valued(df, floor.column)
    small_rows = bad[cls] & valued
    small = int(small_rows.sum())
    names = [lad.name for lad in ladders]
    others = [f.column for f in config.floors if f.column != floor.column]
    free = np.zeros(len(df), dtype=bool)  # a null blanked costs no floor: it had no value to keep
    for c in others:
        free |= ~_valued(df, c)
    slack = sum(b for qi, b in ev.budgets.items() if names[qi] != floor.column) + int((small_rows & free).sum())
    total = int(valued.sum())
    if not total:
        return 1.0, 1.0
    return 1.0 - small / total, 1.0 - max(0, small - slack) / total


def _not_met(df: pd.DataFrame, config: SdcConfig, floor: Floor, kept: float) -> str:
    """What a data officer needs when a floor is not met: what was kept, the most any plan could keep on these
    rows (the bound), and the floor this plan does hold. Names and shares only."""
    text = f"(NOT met: {kept:.1%} of valued rows kept"
    bound = floor_bound(df, config, floor)
    if bound is not None:
        others = ", ".join(g.column for g in config.floors if g is not floor) or "the other columns"
        text += (f"; bound with k = {config.k} on these rows: no plan keeps more than {bound[0]:.1%} while {others} "
                 f"stay as recorded in every row, nor more than {bound[1]:.1%} with their floors' budgets spent on it "
                 "(removing a row loses this column too)")
    return text + f"; it would hold as {floor.column}: {_share_hint(floor, kept)}, or with more rows per class)"


def _share_hint(floor: Floor, kept: float) -> str:
    """The floor as this plan holds it: the same level, the share it kept (rounded down)."""
    share = math.floor(kept * 100 + 1e-9) / 100
    if floor.at_least is None:
        return f"kept_in_at_least {share:g}"
    return f"at_least {floor.at_least} in_at_least {share:g}"


def _loss(df: pd.DataFrame, config: SdcConfig, groups: Sequence[Group]) -> tuple[float, dict[str, float]]:
    """Weighted NCP of the whole release (penalties over the whole table's values), and the unweighted one per
    QI; a removed row costs 1 on every QI, a "*" cell 1 on its QI."""
    ladders, _ = _prepare(df, replace(config, floors=()))
    n = len(df)
    w = {lad.name: config.weight(lad.name) for lad in ladders}
    by: dict[str, float] = {}
    for lad in ladders:
        tot = 0.0
        for g in groups:
            j = lad.level_names.index(g.levels[lad.name])
            gone = np.union1d(g.removed, g.blanked.get(lad.name, np.zeros(0, np.int64)))
            kept = np.setdiff1d(g.rows, gone, assume_unique=True)
            tot += float(lad.penalty[j][lad.codes.at(j, kept)].sum()) + len(gone)
        by[lad.name] = tot / n if n else 0.0
    wsum = sum(w.values())
    return (sum(w[c] * v for c, v in by.items()) / wsum if wsum else 0.0), by


def stratified_plan(df: pd.DataFrame, config: SdcConfig, st: Stratified, floors_binding: bool) -> Plan:
    """The Plan (masks, rows kept, report) of a stratified search; `floors_binding` False when a floor was not
    met (the release is below `floors_from_rows`): each floor's description then says what it kept and, where
    it can be bounded, the most any grouping of these rows could keep under k."""
    n = len(df)
    base, blanks, keep = masks(n, config, st.groups)
    kept_shares: dict[str, float] = {}
    described = []
    for f in config.floors:
        valued = int(_valued(df, f.column).sum())
        kept_shares[f.column] = 1.0 - floor_lost(df, config, f, st.groups) / valued if valued else 1.0
        text = f.describe()
        if kept_shares[f.column] + 1e-12 < f.share:
            text += " " + _not_met(df, config, f, kept_shares[f.column])
        described.append(text)
    loss, by = _loss(df, config, st.groups)
    shares: dict[str, dict[str, float]] = {}
    for q in config.quasi_identifiers:
        per: dict[str, float] = {}
        for g in st.groups:
            per[g.levels[q.name]] = per.get(g.levels[q.name], 0.0) + len(g.rows) / n
        shares[q.name] = per
    blanked_counts = {c: int(m.sum()) for c, m in blanks.items() if "@" not in c}
    any_blank = np.zeros(n, dtype=bool)
    for c, m in blanks.items():
        if "@" not in c:
            any_blank |= m & keep
    ls = [g.l_achieved for g in st.groups if g.l_achieved is not None]
    report = SdcReport(
        k_target=config.k, k_achieved=min((g.k_achieved for g in st.groups if len(g.rows)), default=0),
        levels=base, rows_in=n, rows_suppressed=int((~keep).sum()), suppressed_share=float((~keep).mean()) if n else 0.0,
        information_loss=loss, l_target=config.l_diversity, l_achieved=min(ls) if ls else None,
        classes=0, loss_by_column=by, max_suppression=config.max_suppression,
        metric="weighted ncp" if config.sacrifice or config.weights else "ncp", cells_blanked=blanked_counts,
        rows_with_blanks=int(any_blank.sum()), max_local_suppression=config.max_local_suppression,
        kept_shares=kept_shares, floors=described, floors_binding=floors_binding,
        weights={c: config.weight(c) for c in config.qi_columns}, sacrifice=list(config.sacrifice),
        level_shares=shares,
        strata=[{"rows": len(g.rows), "levels": dict(g.levels), "floors_searched": list(g.floors_kept),
                 "rows_removed": len(g.removed)} for g in st.groups],
    )
    return Plan(keep, blanks, report)


def best_plan(df: pd.DataFrame, config: SdcConfig) -> Plan | None:
    """The better of the two groupings (strata split only where they fail, or every stratum split): the one
    that keeps more of the floors, the last given up first (race before sex before date), then the least loss."""
    best, best_key = None, None
    for split_all in (False, True):
        st = stratified(df, config, split_all)
        if st is None:
            continue
        plan = stratified_plan(df, config, st, floors_binding=True)
        key = plan_key(config, plan)
        if best_key is None or key > best_key:
            best, best_key = (st, plan), key
    if best is None:
        return None
    st, plan = best
    if floors_met(config, plan) or len(df) >= config.floors_from_rows:
        return plan
    return stratified_plan(df, config, st, floors_binding=False)


def plan_key(config: SdcConfig, plan: Plan) -> tuple[float, ...]:
    """Larger is better: each floor's kept share (up to its target), the last given up first; then less loss."""
    order = {c: i for i, c in enumerate(config.sacrifice)}
    floors = sorted(config.floors, key=lambda f: -order.get(f.column, len(order)))
    kept = plan.report.kept_shares
    return (*(min(kept.get(f.column, 1.0) / f.share, 1.0) if f.share else 1.0 for f in floors),
            -plan.report.information_loss)


def floors_met(config: SdcConfig, plan: Plan) -> bool:
    """Every floor's share is kept over the whole release."""
    return all(plan.report.kept_shares.get(f.column, 1.0) + 1e-12 >= f.share for f in config.floors)
