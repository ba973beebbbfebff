"""Row-level recoding toward the floors, when no grouping by strata can hold them (`search._by_strata` tries it).

The stratified search (`strata`) gives a whole group of rows one level per column: the rows that stand out in a
stratum are pooled and coarsened together, so a few rare combinations (one agency's month with a rare race x sex)
can cost the month of hundreds of rows. Here only the rows that stand out pay, and each pays the least it can:

1. Start where every floor holds in full: a floor's column at its floor level (`at_least`, or as recorded), every
   other quasi-identifier at its coarsest (the order of sacrifice gives those up first).
2. Rows in classes below k keep their `at_least` floors when they can: within the cell of their other values,
   the cell of a column with a `kept_in_at_least` floor is published as "*" for a set of at least k such rows
   (the column given up first tried first, then all of them), as long as each floor's budget allows. A null
   blanked counts against the budget too: the floor counts valued rows, but "*" in place of "not recorded" is
   still a row no longer as the agency published it, so "as recorded" holds over all rows as well.
3. The rows still below k give up, in the order of sacrifice, the cell of a column without a floor whose coarsest
   level is not "*" (a complaint's year), then climb the ladder of each `at_least` column (month -> quarter ->
   year -> "*"), one level at a time, leaving at each level the rows whose class there holds k.
4. What still stands out is removed, within `max_suppression`; else there is no such plan (None).
5. The columns without a floor get back, class by class, the finer levels k allows (`_refine`).

Every class of the result is checked again (k counted in units when `unit` is set) before the plan is returned.
l-diversity is not handled here (None): those policies keep the stratified search.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from redaction.sdc.config import Floor, SdcConfig
from redaction.sdc.ladders import SUPPRESSED
from redaction.sdc.lattice import _generalize_one
from redaction.sdc.strata import Group, Stratified


@dataclass
class _State:
    """The recoding under way: published value, level and blank per QI and row; floor budgets left."""

    values: dict[str, np.ndarray]
    level: dict[str, np.ndarray]
    blanked: dict[str, np.ndarray]
    budgets: dict[str, int]
    unit: np.ndarray | None


def _class_sizes(state: _State, rows: np.ndarray | None = None) -> np.ndarray:
    """Class size of every row (or of `rows` only, among themselves), in units when `unit` is set."""
    idx = np.arange(len(next(iter(state.values.values())))) if rows is None else rows
    frame = pd.DataFrame({c: pd.Series(v[idx], dtype=object).fillna("\x00null") for c, v in state.values.items()})
    if state.unit is None:
        return frame.groupby(list(frame.columns), sort=False)[frame.columns[0]].transform("size").to_numpy()
    frame["\x00unit"] = pd.Series(state.unit[idx], dtype=object).fillna("\x00null")
    return frame.groupby(list(frame.columns[:-1]), sort=False)["\x00unit"].transform("nunique").to_numpy()


def _by_sacrifice(config: SdcConfig, floors: tuple[Floor, ...]) -> list[Floor]:
    order = {c: i for i, c in enumerate(config.sacrifice)}
    return sorted(floors, key=lambda f: order.get(f.column, len(order)))


def _start(df: pd.DataFrame, config: SdcConfig) -> _State:
    floors = {f.column: f for f in config.floors}
    values, level, blanked, budgets = {}, {}, {}, {}
    for q in config.quasi_identifiers:
        f = floors.get(q.name)
        lv = (f.at_least or q.levels[0]) if f is not None else q.levels[-1]
        values[q.name] = np.asarray(_generalize_one(df, q, lv), dtype=object)
        level[q.name] = np.full(len(df), q.levels.index(lv), dtype=np.int16)
        blanked[q.name] = np.zeros(len(df), dtype=bool)
    for f in config.floors:
        valued = int(df[f.column].notna().sum())
        budgets[f.column] = int(math.floor((1.0 - f.share) * valued + 1e-9))
    unit = df[config.unit].to_numpy(dtype=object) if config.unit else None
    return _State(values, level, blanked, budgets, unit)


def _blank_kept(df: pd.DataFrame, config: SdcConfig, st: _State, small: np.ndarray) -> None:
    """Step 2: "*" in a kept floor's column for sets of at least k standing-out rows sharing their other values."""
    kept = [f.column for f in _by_sacrifice(config, config.floors) if f.at_least is None]
    subsets = [(c,) for c in kept] + ([tuple(kept)] if len(kept) > 1 else [])
    costs = {c: np.ones(len(df), dtype=bool) for c in kept}  # every row blanked counts (see the docstring)
    for subset in subsets:
        rows = np.flatnonzero(small)
        if not len(rows):
            return
        others = [c for c in st.values if c not in subset]
        key = pd.DataFrame({c: pd.Series(st.values[c][rows], dtype=object).fillna("\x00null") for c in others})
        groups = key.groupby(others, sort=False).indices if others else {(): np.arange(len(rows))}
        for pos in groups.values():
            grp = rows[pos]
            size = len(grp) if st.unit is None else len(pd.unique(st.unit[grp]))
            if size < config.k:
                continue
            cost = {c: int(costs[c][grp].sum()) for c in subset}
            if any(cost[c] > st.budgets[c] for c in subset):
                continue
            for c in subset:
                st.budgets[c] -= cost[c]
                st.values[c][grp] = SUPPRESSED
                st.blanked[c][grp] = True
            small[grp] = False


def _climb(df: pd.DataFrame, config: SdcConfig, st: _State, small: np.ndarray) -> np.ndarray:
    """Step 3: the standing-out rows give up a column without a floor, then climb each `at_least` column's ladder,
    then "*"; returns the rows still below k."""
    by_name = {q.name: q for q in config.quasi_identifiers}
    floor_cols = {f.column for f in config.floors}
    for c in config.sacrifice:  # a column without a floor whose coarsest level still tells something: "*" first
        if c in floor_cols or by_name[c].levels[-1] == SUPPRESSED or not small.any():
            continue
        st.values[c][small] = SUPPRESSED
        st.blanked[c][small] = True
        small = _class_sizes(st) < config.k
    for f in _by_sacrifice(config, config.floors):
        if f.at_least is None:
            continue
        q = by_name[f.column]
        for j in range(q.levels.index(f.at_least) + 1, len(q.levels) + 1):
            rows = np.flatnonzero(small)
            if not len(rows):
                return small
            if j < len(q.levels) and q.levels[j] != SUPPRESSED:
                st.values[q.name][rows] = np.asarray(_generalize_one(df.iloc[rows], q, q.levels[j]), dtype=object)
                st.level[q.name][rows] = j
            else:
                st.values[q.name][rows] = SUPPRESSED
                st.blanked[q.name][rows] = True
            small = _class_sizes(st) < config.k
    return small


def _attempt(df: pd.DataFrame, config: SdcConfig, reserve: dict[str, int]) -> tuple[_State, np.ndarray, int]:
    """Steps 2-4 once, step 2 spending each kept floor's budget less its `reserve`; (state, rows still below k,
    rows below k at the start). The rows still below k after the climb get one more step 2 (with what is left)."""
    st = _start(df, config)
    small = _class_sizes(st) < config.k
    first_small = int(small.sum())
    held = {c: min(reserve.get(c, 0), b) for c, b in st.budgets.items()}
    for c, r in held.items():
        st.budgets[c] -= r
    _blank_kept(df, config, st, small)
    if small.any():
        small = _climb(df, config, st, small)
    for c, r in held.items():
        st.budgets[c] += r
    if small.any():
        _blank_kept(df, config, st, small)
    return st, np.flatnonzero(small), first_small


def _over_budget(df: pd.DataFrame, config: SdcConfig, st: _State, removed: np.ndarray) -> dict[str, int]:
    """Per kept floor: valued rows lost (blanked, or removed) beyond its budget."""
    out = {}
    for f in config.floors:
        if f.at_least is not None:
            continue
        valued = df[f.column].notna().to_numpy()
        lost = int(st.blanked[f.column].sum()) + int(valued[removed].sum())
        budget = int(math.floor((1.0 - f.share) * int(valued.sum()) + 1e-9))
        if lost > budget:
            out[f.column] = lost - budget
    return out


def _at_least_lost(config: SdcConfig, st: _State, removed: np.ndarray) -> int:
    """Rows that lost an `at_least` floor's level: coarser than it, blanked, or removed."""
    lost = np.zeros(len(st.level[config.qi_columns[0]]), dtype=bool)
    lost[removed] = True
    by_name = {q.name: q for q in config.quasi_identifiers}
    for f in config.floors:
        if f.at_least is not None:
            lost |= (st.level[f.column] > by_name[f.column].levels.index(f.at_least)) | st.blanked[f.column]
    return int(lost.sum())


def _refine(df: pd.DataFrame, config: SdcConfig, st: _State, keep: np.ndarray) -> None:
    """Step 5: give back what k allows of the columns without a floor (the last given up first), class by class:
    within a class of the plan, the rows whose finer value is shared by k of them get it; the others stay as they
    are, and a class whose staying rows would be fewer than k stays whole. Every class stays a union of classes
    of at least k rows; floors, blanks and removals are untouched. A `columns` ladder (location -> beat ->
    district) stops at its second level: its first is the treatment of a private address (hundred block, or an
    intersection kept as written), which the leak verifier checks against the record, and these rows are the
    ones the search had given up."""
    floor_cols = {f.column for f in config.floors}
    by_name = {q.name: q for q in config.quasi_identifiers}
    order = [c for c in reversed(config.sacrifice) if c not in floor_cols]
    order += [q.name for q in config.quasi_identifiers if q.name not in floor_cols and q.name not in order]
    rows_kept = np.flatnonzero(keep)
    unit = st.unit if st.unit is not None else np.arange(len(keep))
    for c in order:
        q = by_name[c]
        for j in range(len(q.levels) - 2, 0 if q.ladder == "columns" else -1, -1):  # see the docstring
            cand = rows_kept[st.level[c][rows_kept] == j + 1]
            if not len(cand) or q.levels[j] == SUPPRESSED:
                break
            frame = pd.DataFrame({n: pd.Series(v[rows_kept], dtype=object).fillna("\x00null")
                                  for n, v in st.values.items()})
            cls = np.full(len(keep), -1, dtype=np.int64)
            cls[rows_kept] = frame.groupby(list(frame.columns), sort=False).ngroup().to_numpy()
            finer = pd.Series(_generalize_one(df.iloc[cand], q, q.levels[j]), dtype=object).fillna("\x00null")
            part = pd.DataFrame({"cls": cls[cand], "part": finer.to_numpy(), "unit": unit[cand]})
            big = (part.groupby(["cls", "part"], sort=False)["unit"].transform("nunique") >= config.k).to_numpy()
            stay = np.ones(len(keep), dtype=bool)
            stay[cand[big]] = False
            stay_frame = pd.DataFrame({"cls": cls[rows_kept], "unit": unit[rows_kept]})[stay[rows_kept]]
            stay_size = stay_frame.groupby("cls")["unit"].nunique()
            bad_cls = stay_size.index[stay_size < config.k].to_numpy()
            move = big & ~np.isin(cls[cand], bad_cls)
            if not move.any():
                break
            st.values[c][cand[move]] = np.asarray(finer.to_numpy()[move], dtype=object)
            st.values[c][cand[move]] = np.where(st.values[c][cand[move]] == "\x00null", None, st.values[c][cand[move]])
            st.level[c][cand[move]] = j


def row_recoding(df: pd.DataFrame, config: SdcConfig) -> Stratified | None:
    """The groups of a row-level recoding (see the module docstring); None when it cannot reach k within the
    release's limits, or when the policy asks for l-diversity. The kept floors (race, sex) come before the
    `at_least` ones (month) in the order of sacrifice, so step 2 leaves them what the last rows need: when
    removing those would break a kept floor, step 2 is run again with that much held back."""
    n = len(df)
    if not n or not config.floors or config.l_diversity:
        return None
    reserve: dict[str, int] = {}
    for _ in range(4):
        st, removed, first_small = _attempt(df, config, reserve)
        over = _over_budget(df, config, st, removed)
        if not over:
            break
        for c, extra in over.items():
            reserve[c] = reserve.get(c, 0) + extra
    if reserve and not over:  # held back more than needed? try less, keep the plan that blanks fewest at_least cells
        best = (_at_least_lost(config, st, removed), st, removed)
        for frac in (0.25, 0.5, 0.75):
            cand, rem, _ = _attempt(df, config, {c: int(r * frac) for c, r in reserve.items()})
            if not _over_budget(df, config, cand, rem) and _at_least_lost(config, cand, rem) < best[0]:
                best = (_at_least_lost(config, cand, rem), cand, rem)
        st, removed = best[1], best[2]
    any_blank = np.zeros(n, dtype=bool)
    for m in st.blanked.values():
        any_blank |= m
    any_blank[removed] = False
    if len(removed) > math.floor(config.max_suppression * n + 1e-9):
        return None
    if int(any_blank.sum()) > math.floor(config.max_local_suppression * n + 1e-9):
        return None
    mask = np.ones(n, dtype=bool)
    mask[removed] = False
    _refine(df, config, st, mask)
    keep = np.flatnonzero(mask)
    sizes = _class_sizes(st, keep)
    if len(keep) and int(sizes.min()) < config.k:  # a check, never expected to fire
        return None
    k_ach = int(sizes.min()) if len(keep) else 0
    return Stratified(_groups(config, st, removed, k_ach), 1, first_small)


def _groups(config: SdcConfig, st: _State, removed: np.ndarray, k_ach: int) -> list[Group]:
    """One group per combination of levels the rows got (the plan's masks are built from the groups)."""
    names = list(st.level)
    combo = pd.DataFrame({c: st.level[c] for c in names})
    out = []
    for lv_key, pos in combo.groupby(names, sort=True).indices.items():
        lv_tuple = lv_key if isinstance(lv_key, tuple) else (lv_key,)
        by_name = {q.name: q for q in config.quasi_identifiers}
        levels = {c: by_name[c].levels[int(j)] for c, j in zip(names, lv_tuple, strict=True)}
        rows = np.asarray(pos, dtype=np.int64)
        blanked = {c: rows[st.blanked[c][rows]] for c in names if st.blanked[c][rows].any()}
        out.append(Group(rows, levels, np.intersect1d(rows, removed), blanked, k_ach, None,
                         tuple(f.column for f in config.floors)))
    return out
