"""The lattice of ladder levels and its evaluation: each node's classes, k, l, the rows local suppression blanks,
and the branch-and-bound walk over it. `search` (one level per column) and `strata` (levels per stratum) both
build on it; neither is imported here, so the three modules form no cycle."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from redaction.errors import SdcError
from redaction.sdc.config import QuasiIdentifier, SdcConfig, SdcReport
from redaction.sdc.encoding import _encode, _Ladder
from redaction.sdc.ladders import SUPPRESSED, _factorize
from redaction.sdc.suppression import local_suppression

MAX_LATTICE = 5000  # nodes; the search keeps a node x node dominance matrix

# --------------------------------------------------------------------------------------------------- evaluation


@dataclass
class _Eval:
    passes: bool
    suppressed: int  # rows removed
    loss: float
    bad_rows: np.ndarray | None  # boolean mask of removed rows (kept only for the chosen node)
    k_achieved: int
    l_achieved: int | None
    classes: int
    blanked: dict[int, np.ndarray] = field(default_factory=dict)  # QI index -> rows blanked (keep_mask only)
    blanked_counts: dict[int, int] = field(default_factory=dict)
    rows_with_blanks: int = 0
    lost: dict[int, int] = field(default_factory=dict)  # floor QI index -> valued rows blanked or removed
    conflict: str = ""  # why it fails: "rows" (removal limit), "local" (local suppression limit) or a QI name


class _Evaluator:
    """Evaluates lattice nodes: global recoding, then local suppression of the rows that still stand out, then
    removal of the rows local suppression could not save (see the module docstring)."""

    def __init__(self, ladders: list[_Ladder], n: int, k: int, cap: int, sens: np.ndarray | None,
                 n_sens: int, l_target: int | None, *, weights: Sequence[float] | None = None,
                 order: Sequence[int] = (), ls_cap: int = 0, budgets: Mapping[int, int] | None = None,
                 unit: np.ndarray | None = None, n_unit: int = 0) -> None:
        self.ladders = ladders
        self.n = n
        self.k = k
        self.cap = cap
        self.sens = sens
        self.n_sens = n_sens
        self.l_target = l_target
        self.q = len(ladders)
        self.w = np.asarray(weights if weights is not None else [1.0] * self.q, dtype=np.float64)
        self.order = list(order)
        self.ls_cap = ls_cap
        self.budgets = dict(budgets or {})
        self.unit = unit  # codes of the unit column (one person's record, e.g. a complaint): k counts units
        self.n_unit = n_unit

    def sizes(self, cls: np.ndarray, ncls: int, rows_per: np.ndarray | None = None) -> np.ndarray:
        """Class sizes in the unit k counts: rows, or distinct units (a complaint's allegation rows count once)."""
        if self.unit is None:
            return rows_per if rows_per is not None else np.bincount(cls, minlength=ncls)
        pair = np.unique(cls.astype(np.int64) * self.n_unit + self.unit)
        return np.bincount(pair // self.n_unit, minlength=ncls)

    def lower_bound(self, node: tuple[int, ...]) -> float:
        if self.n == 0:
            return 0.0
        tot = sum(w * lad.penalty_sum[lv] for w, lad, lv in zip(self.w, self.ladders, node, strict=True))
        return float(tot) / (self.n * float(self.w.sum()))

    def classes_of(self, node: tuple[int, ...]) -> tuple[np.ndarray, int]:
        """Dense class id per row, and the number of classes."""
        key: np.ndarray | None = None
        space = 1
        for lad, lv in zip(self.ladders, node, strict=True):
            card = lad.cards[lv]
            if card == 1 and key is not None:  # one value ("*", one agency): splits nothing
                continue
            c = lad.codes[lv]
            if key is None:
                key, space = c.astype(np.int64), card
                continue
            if space * card >= 2**62:
                key, uniq = pd.factorize(key)
                space = len(uniq)
            key = key * card + c
            space *= card
        assert key is not None
        if space <= max(4 * self.n, 1 << 16):
            counts = np.bincount(key, minlength=space)
            present = counts > 0
            remap = np.cumsum(present, dtype=np.int64) - 1
            return remap[key], int(present.sum())
        inv, uniq = pd.factorize(key)
        return inv.astype(np.int64, copy=False), len(uniq)

    def evaluate(self, node: tuple[int, ...], keep_mask: bool = False) -> _Eval:
        n = self.n
        if n == 0:
            return _Eval(True, 0, 0.0, np.zeros(0, bool) if keep_mask else None, 0, None, 0)
        cls, ncls = self.classes_of(node)
        rows_per = np.bincount(cls, minlength=ncls)
        sizes = self.sizes(cls, ncls, rows_per)
        bad_cls = sizes < self.k
        distinct = None
        if self.sens is not None and self.l_target is not None:
            pair = np.unique(cls * self.n_sens + self.sens)
            distinct = np.bincount(pair // self.n_sens, minlength=ncls)
            bad_cls |= distinct < self.l_target
        n_bad = int(rows_per[bad_cls].sum())
        if n_bad > self.cap + (self.ls_cap if self.order else 0):
            return _Eval(False, n_bad, math.inf, None, 0, None, ncls, conflict="rows")
        rows = np.flatnonzero(bad_cls[cls]) if n_bad else np.zeros(0, np.int64)
        steps: list[tuple[int, np.ndarray]] = []
        k_loc, made, l_loc = 0, 0, None
        if n_bad and self.order and self.ls_cap > 0:
            rest, steps, k_loc, made, l_loc = local_suppression(self, node, rows)
        else:
            rest = np.arange(len(rows))
        removed = rows[rest]
        gone = np.zeros(len(rows), dtype=bool)
        gone[rest] = True
        blanked: dict[int, np.ndarray] = {}
        for qi, pos in steps:
            kept = pos[~gone[pos]]
            if len(kept):
                blanked[qi] = rows[kept]
        lost: dict[int, int] = {}
        conflict = "rows" if len(removed) > self.cap else ""
        for qi, budget in self.budgets.items():
            lad, lv = self.ladders[qi], node[qi]
            null0 = len(lad.labels[0]) - 1
            valued_removed = int((lad.codes.at(0, removed) != null0).sum()) if len(removed) else 0
            lost[qi] = len(blanked.get(qi, ())) + valued_removed
            if lost[qi] > budget and not conflict:
                conflict = lad.name
        n_blank_rows = len(np.unique(np.concatenate(list(blanked.values())))) if blanked else 0
        passes = not conflict
        if not passes:
            return _Eval(False, len(removed), math.inf, None, 0, None, ncls, lost=lost, conflict=conflict)
        wsum = float(self.w.sum())
        total = 0.0
        for w, lad, lv in zip(self.w, self.ladders, node, strict=True):
            total += w * lad.penalty_sum[lv]
            if len(removed):
                total -= w * float(lad.penalty[lv][lad.codes.at(lv, removed)].sum())
        total += len(removed) * wsum
        for qi, r in blanked.items():
            lad, lv = self.ladders[qi], node[qi]
            total += self.w[qi] * (len(r) - float(lad.penalty[lv][lad.codes.at(lv, r)].sum()))
        loss = total / (n * wsum)
        good = ~bad_cls
        k_ach = int(sizes[good].min()) if good.any() else 0
        if k_loc:
            k_ach = min(k_ach, k_loc) if k_ach else k_loc
        l_ach = None
        if distinct is not None:
            l_ach = int(distinct[good].min()) if good.any() else 0
            if l_loc is not None:
                l_ach = min(l_ach, l_loc) if l_ach else l_loc
        bad_rows = None
        if keep_mask:
            bad_rows = np.zeros(n, dtype=bool)
            bad_rows[removed] = True
        return _Eval(True, len(removed), loss, bad_rows, k_ach, l_ach, int(good.sum()) + made,
                     blanked=blanked if keep_mask else {}, blanked_counts={q: len(r) for q, r in blanked.items()},
                     rows_with_blanks=n_blank_rows, lost=lost)


def _search(ev: _Evaluator, ladders: list[_Ladder]) -> tuple[tuple[int, ...], _Eval, int, int]:
    """Branch and bound over the lattice; returns (best node, its evaluation, nodes evaluated, nodes total).

    Open nodes are those not known to fail, not evaluated yet, whose lower bound could still beat the best loss.
    Next evaluated: an open node known to pass (least lower bound first: its exact loss tightens the bound), else
    the open node whose failure would settle the most open nodes (the ones finer than it). A pass tags every
    coarser node, a failure every finer node (measured order). Stops when no node is open.
    """
    dims = [len(lad.level_names) for lad in ladders]
    nodes = np.array(np.meshgrid(*[np.arange(d) for d in dims], indexing="ij")).reshape(len(dims), -1).T
    total = len(nodes)
    # dom[a, b]: node b is coarser-or-equal than node a on every QI (measured order)
    dom = np.ones((total, total), dtype=bool)
    for qi, lad in enumerate(ladders):
        dom &= lad.leq[nodes[:, qi][:, None], nodes[:, qi][None, :]]
    lb = np.array([ev.lower_bound(tuple(int(x) for x in nd)) for nd in nodes])
    height = nodes.sum(axis=1)
    UNKNOWN, PASS, FAIL = 0, 1, 2
    status = np.zeros(total, dtype=np.int8)
    evaluated = np.zeros(total, dtype=bool)
    results: dict[int, _Eval] = {}
    best_i, best_loss = -1, math.inf

    def run(i: int) -> _Eval:
        nonlocal best_i, best_loss
        r = ev.evaluate(tuple(int(x) for x in nodes[i]))
        results[i] = r
        evaluated[i] = True
        if r.passes:
            status[dom[i, :] & (status == UNKNOWN)] = PASS
            status[i] = PASS
            if r.loss < best_loss or (r.loss == best_loss and height[i] < height[best_i]):
                best_i, best_loss = i, r.loss
        else:
            status[dom[:, i]] = FAIL
        return r

    top = total - 1  # all QIs at their last level
    if not run(top).passes:
        return tuple(int(x) for x in nodes[top]), results[top], len(results), total
    while True:
        could_win = (lb < best_loss) | ((lb == best_loss) & (height < height[best_i]))  # ties: less generalized
        open_ = could_win & (status != FAIL) & ~evaluated
        if not open_.any():
            break
        known = np.flatnonzero(open_ & (status == PASS))
        if len(known):
            i = int(known[np.lexsort((height[known], lb[known]))[0]])
        else:
            u = np.flatnonzero(open_)
            settles = dom[np.ix_(u, u)].sum(axis=0)  # column b: open nodes finer than u[b]
            i = int(u[np.argmax(settles)])
        run(i)
    return tuple(int(x) for x in nodes[best_i]), results[best_i], len(results), total


@dataclass
class Plan:
    """What disclosure control decided for a table: the rows kept, the cells blanked, the levels; no values."""

    keep: np.ndarray  # boolean mask over the input rows
    blanks: dict[str, np.ndarray]  # QI -> mask over the input rows: cell published as "*"; "QI@level" -> mask:
    # cell published at that level instead of report.levels[QI] (levels per stratum, `redaction.sdc.strata`)
    report: SdcReport


def _searched_qis(config: SdcConfig) -> tuple[QuasiIdentifier, ...]:
    """The QIs with the levels the floors allow: up to `at_least`, or level 0 only for kept_in_at_least."""
    floors = {f.column: f for f in config.floors}
    out = []
    for q in config.quasi_identifiers:
        f = floors.get(q.name)
        if f is not None:
            last = q.levels.index(f.at_least) if f.at_least is not None else 0
            q = QuasiIdentifier(q.name, q.ladder, q.levels[: last + 1])
        out.append(q)
    return tuple(out)


@dataclass(frozen=True)
class Limits:
    """Suppression limits given from outside (`strata`: what is left of the release's), instead of the shares of
    this table: rows that may be removed, rows that may hold "*" cells, and per floor QI the valued rows it may
    lose."""

    cap: int
    ls_cap: int
    budgets: Mapping[str, int]


def _prepare(df: pd.DataFrame, config: SdcConfig, limits: Limits | None = None) -> tuple[list[_Ladder], _Evaluator]:
    need = set(config.qi_columns)
    for q in config.quasi_identifiers:
        if q.ladder == "columns":
            need |= {lv for lv in q.levels if lv != SUPPRESSED}
    if config.sensitive:
        need.add(config.sensitive)
    if config.unit:
        need.add(config.unit)
    missing = sorted(need - set(df.columns))
    if missing:
        raise SdcError(f"sdc-missing-column: {missing}")
    qis = _searched_qis(config)
    size = math.prod(len(q.levels) for q in qis)
    if size > MAX_LATTICE:
        raise SdcError(f"sdc-config: the lattice has {size} nodes (at most {MAX_LATTICE}): use fewer levels")
    n = len(df)
    ladders = [_encode(df, q) for q in qis]
    sens, n_sens = None, 0
    if config.sensitive and config.l_diversity:
        sc, su = _factorize(df[config.sensitive])
        sens, n_sens = sc.astype(np.int64), len(su) + 1
    unit, n_unit = None, 0
    if config.unit:
        uc, uu = _factorize(df[config.unit])
        unit, n_unit = uc.astype(np.int64), len(uu) + 1
    names = [q.name for q in qis]
    budgets = {}
    for f in config.floors:
        qi = names.index(f.column)
        valued = int((ladders[qi].codes[0] != len(ladders[qi].labels[0]) - 1).sum())
        budgets[qi] = int(math.floor((1.0 - f.share) * valued + 1e-9))
        if limits is not None:
            budgets[qi] = max(0, int(limits.budgets.get(f.column, budgets[qi])))
    cap = int(math.floor(config.max_suppression * n + 1e-9)) if limits is None else max(0, limits.cap)
    ls_cap = int(math.floor(config.max_local_suppression * n + 1e-9)) if limits is None else max(0, limits.ls_cap)
    ev = _Evaluator(
        ladders, n, config.k, cap, sens, n_sens, config.l_diversity,
        weights=[config.weight(c) for c in names], order=[names.index(c) for c in config.sacrifice],
        ls_cap=ls_cap, budgets=budgets, unit=unit, n_unit=n_unit,
    )
    return ladders, ev


def _generalize_one(df: pd.DataFrame, q: QuasiIdentifier, lv: str) -> np.ndarray:
    """One QI's values at level `lv` (object array, None for null)."""
    lad = _encode(df, QuasiIdentifier(q.name, q.ladder, (q.levels[0], lv) if lv != q.levels[0] else (lv,)))
    j = len(lad.level_names) - 1
    return np.asarray(lad.labels[j][lad.codes[j]], dtype=object)
