"""The search: global recoding over the lattice of ladder levels (branch and bound), local suppression, removal;
the plan it returns and its application to a table (see the package docstring)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from redaction.errors import SdcError
from redaction.sdc import recode, strata
from redaction.sdc.config import SdcConfig, SdcReport, parse_config
from redaction.sdc.diagnose import diagnose
from redaction.sdc.encoding import _Ladder
from redaction.sdc.ladders import SUPPRESSED
from redaction.sdc.lattice import (  # noqa: F401  (re-exported for callers of the search)
    MAX_LATTICE,
    Limits,
    Plan,
    _Eval,
    _Evaluator,
    _generalize_one,
    _prepare,
    _search,
    _searched_qis,
)

log = logging.getLogger(__name__)


def k_anonymize_plan(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any]) -> Plan:
    """Search the levels, the cells to blank and the rows to remove; the table itself is not rebuilt. For
    callers that apply them batch by batch (`generalize`, then "*" where `Plan.blanks` says, then `Plan.keep`).

    Raises SdcError (names and counts only) when k and the floors cannot all hold: code "sdc-floor-conflict" (the
    message names the floor in conflict and what would satisfy it) or "sdc-unreachable" (no floor declared).
    """
    config = parse_config(cfg)
    n = len(df)
    declared_floors = [f.describe() for f in config.floors]
    floors_binding = True
    ladders, ev = _prepare(df, config)
    node, res, n_eval, n_total = _search(ev, ladders)
    by_strata, best_effort = _by_strata(df, config) if not res.passes and config.floors else (None, None)
    if by_strata is not None and by_strata.report.floors_binding:
        return by_strata
    if not res.passes and config.floors and n < config.floors_from_rows:
        # k and the floors cannot both hold on this few rows: the floors give way (the report says so), k never
        floors_binding = False
        declared, config = config, replace(config, floors=())
        ladders, ev = _prepare(df, config)
        node, res, n_eval, n_total = _search(ev, ladders)
        if res.passes:
            return _gave_way(df, declared, ladders, ev, node, by_strata, (n_eval, n_total))
    if by_strata is not None:
        _warn_floors(by_strata.report)
        return by_strata
    levels = {lad.name: lad.level_names[lv] for lad, lv in zip(ladders, node, strict=True)}
    if not res.passes:
        raise _unreachable(df, config, res, levels, n_eval, best_effort)
    return _final_plan(ev, ladders, node, config, levels, n, (n_eval, n_total), declared_floors, floors_binding)


def _unreachable(df: pd.DataFrame, config: SdcConfig, res: _Eval, levels: dict[str, str], n_eval: int,
                 best_effort: Plan | None = None) -> SdcError:
    """The error when even the coarsest levels fail: "sdc-floor-conflict" with the floors' hints (and, when a
    plan by groups or by rows kept k, what it kept of each floor and the bound), else "sdc-unreachable"; its
    ``details`` (counts and names only) go to check metadata."""
    n = len(df)
    share = res.suppressed / n if n else 0.0
    what = f"k={config.k}" + (f", l={config.l_diversity}" if config.l_diversity else "")
    details: dict[str, Any] = {  # counts and names only, for check metadata
        "k_target": config.k, "l_target": config.l_diversity, "max_suppression": config.max_suppression,
        "max_local_suppression": config.max_local_suppression, "rows_in": n,
        "rows_failing_at_coarsest": res.suppressed, "levels_tried": levels, "nodes_evaluated": n_eval,
        "conflict": res.conflict,
    }
    if config.floors:
        hints = diagnose(df, config)
        if best_effort is not None:
            hints += [f"the best plan found (levels per group or per row) keeps k = {config.k}: "
                      + "; ".join(best_effort.report.floors)]
        err = SdcError(
            f"sdc-floor-conflict: {what} and the utility floors cannot all hold, even at the coarsest levels the "
            f"floors allow ({', '.join(f'{k}: {v}' for k, v in levels.items())}) with local suppression of at "
            f"most {config.max_local_suppression:.1%} of rows and removal of at most "
            f"{config.max_suppression:.1%}: " + "; ".join(hints)
        )
        err.code = "sdc-floor-conflict"  # type: ignore[attr-defined]
        details["hints"] = hints
    else:
        err = SdcError(
            f"sdc-unreachable: {what} cannot be reached within max_suppression={config.max_suppression:g}: "
            f"even at the coarsest levels {res.suppressed} of {n} rows ({share:.2%}) are in classes that fail"
        )
        err.code = "sdc-unreachable"  # type: ignore[attr-defined]
    err.details = details  # type: ignore[attr-defined]
    return err


def _final_plan(ev: _Evaluator, ladders: list[_Ladder], node: tuple[int, ...], config: SdcConfig,
                levels: dict[str, str], n: int, evaluated: tuple[int, int], declared_floors: list[str],
                floors_binding: bool) -> Plan:
    """The plan at the chosen node: rows kept, cells blanked, and the report (loss and kept share per column)."""
    n_eval, n_total = evaluated
    final = ev.evaluate(node, keep_mask=True)
    keep = ~final.bad_rows if final.bad_rows is not None else np.ones(n, dtype=bool)
    blanks: dict[str, np.ndarray] = {}
    for qi, rows in final.blanked.items():
        m = np.zeros(n, dtype=bool)
        m[rows] = True
        blanks[ladders[qi].name] = m
    loss_by: dict[str, float] = {}
    kept_idx = np.flatnonzero(keep)
    for lad, lv in zip(ladders, node, strict=True):
        pen = lad.penalty[lv][lad.codes.at(lv, kept_idx)]
        if lad.name in blanks:
            pen = np.where(blanks[lad.name][kept_idx], 1.0, pen)
        loss_by[lad.name] = (float(pen.sum()) + final.suppressed) / n if n else 0.0
    kept_shares = {}
    for qi, lost in final.lost.items():
        lad = ladders[qi]
        valued = int((lad.codes[0] != len(lad.labels[0]) - 1).sum())
        kept_shares[lad.name] = 1.0 - lost / valued if valued else 1.0
    report = SdcReport(
        k_target=config.k,
        k_achieved=final.k_achieved,
        levels=levels,
        rows_in=n,
        rows_suppressed=final.suppressed,
        suppressed_share=final.suppressed / n if n else 0.0,
        information_loss=float(final.loss),
        l_target=config.l_diversity,
        l_achieved=final.l_achieved,
        nodes_evaluated=n_eval,
        nodes_total=n_total,
        classes=final.classes,
        loss_by_column=loss_by,
        max_suppression=config.max_suppression,
        metric="ncp" if not config.sacrifice and not config.weights else "weighted ncp",
        cells_blanked={ladders[qi].name: c for qi, c in final.blanked_counts.items()},
        rows_with_blanks=final.rows_with_blanks,
        max_local_suppression=config.max_local_suppression,
        kept_shares=kept_shares,
        floors=declared_floors,
        floors_binding=floors_binding,
        weights={c: config.weight(c) for c in config.qi_columns},
        sacrifice=list(config.sacrifice),
    )
    _warn_floors(report)
    return Plan(keep, blanks, report)


def _warn_floors(report: SdcReport) -> None:
    """The run says when floors gave way (names, levels and shares only)."""
    if report.floors and not report.floors_binding:
        log.warning("disclosure control: k = %d holds; utility floors not all met on %d rows (below "
                    "utility.floors_from_rows): %s", report.k_target, report.rows_in, "; ".join(report.floors))


def _gave_way(df: pd.DataFrame, declared: SdcConfig, ladders: list[_Ladder], ev: _Evaluator, node: tuple[int, ...],
              by_strata: Plan | None, nodes: tuple[int, int]) -> Plan:
    """The floors gave way (below floors_from_rows): the one-level plan searched without them, reported against
    the declared floors (what each kept, the bound), or the plan by strata when that keeps more of them."""
    final = ev.evaluate(node, keep_mask=True)
    rows = np.arange(len(df))
    group = strata.Group(rows, {lad.name: lad.level_names[lv] for lad, lv in zip(ladders, node, strict=True)},
                         rows[final.bad_rows] if final.bad_rows is not None else np.zeros(0, np.int64),
                         {ladders[qi].name: r for qi, r in final.blanked.items()}, final.k_achieved,
                         final.l_achieved, ())
    plan = strata.stratified_plan(df, declared, strata.Stratified([group], 1, 0), floors_binding=False)
    plan.report.strata = []
    plan.report.nodes_evaluated, plan.report.nodes_total = nodes
    plan.report.classes = final.classes
    if by_strata is not None and strata.plan_key(declared, by_strata) > strata.plan_key(declared, plan):
        plan = by_strata
    _warn_floors(plan.report)
    return plan


def _by_strata(df: pd.DataFrame, config: SdcConfig) -> tuple[Plan | None, Plan | None]:
    """When one level per column cannot hold k and the floors: levels per stratum and group (`strata`, when the
    policy declares them), or per row (`recode`). (Its plan when it meets every floor, or (below
    `floors_from_rows`) when it keeps k with floors partly met (reported), else None; the best plan found, for
    the conflict message.) With None the caller goes on: floors give way below floors_from_rows, else the
    conflict is raised."""
    plan = strata.best_plan(df, config) if config.strata else None
    if plan is None or not strata.floors_met(config, plan):
        plan = _row_recoding_if_better(df, config, plan)
    if plan is None or (not strata.floors_met(config, plan) and len(df) >= config.floors_from_rows):
        return None, plan
    if plan.report.floors_binding:
        _warn_floors(plan.report)
    return plan, plan


def _row_recoding_if_better(df: pd.DataFrame, config: SdcConfig, plan: Plan | None) -> Plan | None:
    """The row-level recoding (`recode`) when it keeps more of the floors than the stratified plan (or there is
    none): only the rows that stand out give up their month, or a kept column's cell, not whole groups."""
    st = recode.row_recoding(df, config)
    if st is None:
        return plan
    alt = strata.stratified_plan(df, config, st, floors_binding=True)
    alt.report.floors_binding = strata.floors_met(config, alt) or len(df) >= config.floors_from_rows
    if plan is None or strata.plan_key(config, alt) > strata.plan_key(config, plan):
        return alt
    return plan


def k_anonymize_rows(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any]) -> tuple[np.ndarray, SdcReport]:
    """`k_anonymize_plan` for a policy without local suppression: (rows kept, as a boolean mask over ``df``'s
    rows; the report). Raises SdcError if the plan blanks cells (use `k_anonymize_plan` then)."""
    plan = k_anonymize_plan(df, cfg)
    if plan.blanks:
        raise SdcError("sdc-config: this policy blanks cells (local suppression): use k_anonymize_plan")
    return plan.keep, plan.report


def k_anonymize(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any]) -> tuple[pd.DataFrame, SdcReport]:
    """Generalize the QIs of `df` to the least-loss lattice node reaching k within the suppression limits.

    Returns the table with each QI column replaced by its chosen level's values (object dtype with None for null,
    or the input's dtype when that was a pandas "string" dtype), "*" in the cells local suppression blanked,
    rows removed (index kept), other columns (auxiliary ones included) untouched; and a report. Raises SdcError
    (counts and names only) when k and the floors cannot all hold (see `k_anonymize_plan`); the error has a
    `code` and `details` (a dict of counts and level names) for check metadata.
    """
    config = parse_config(cfg)
    plan = k_anonymize_plan(df, config)
    out = apply_plan(df, config, plan.report.levels, plan.blanks)
    kept = np.flatnonzero(plan.keep)
    if len(kept) < len(df):
        out = out.take(kept)
    return out, plan.report


def apply_plan(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any], levels: Mapping[str, str],
               blanks: Mapping[str, np.ndarray] | None = None) -> pd.DataFrame:
    """`generalize` to `levels`, then the rows of a `"QI@level"` mask at that level, then "*" in the cells of a
    `"QI"` mask (boolean masks over `df`'s rows; `Plan.blanks` as it comes, sliced batch by batch)."""
    config = parse_config(cfg)
    out = generalize(df, config, levels)
    by_name = {q.name: q for q in config.quasi_identifiers}
    for key, at in (blanks or {}).items():  # "QI@level": these rows' cells at another level (strata)
        name, sep, lv = key.partition("@")
        if not sep or not at.any():
            continue
        if name not in by_name or lv not in by_name[name].levels:
            raise SdcError(f"sdc-config: level {lv!r} is not on the ladder of {name!r}")
        rows = np.flatnonzero(at)
        recoded = out[name].to_numpy(dtype=object, copy=True)
        recoded[rows] = _generalize_one(df.iloc[rows], by_name[name], lv)
        out[name] = pd.Series(recoded, index=out.index, dtype=object)
    for name in config.qi_columns:
        mask = (blanks or {}).get(name)
        if mask is not None and mask.any():
            col = out[name].to_numpy(dtype=object, copy=True)
            col[mask] = SUPPRESSED
            out[name] = pd.Series(col, index=out.index, dtype=object)
        if isinstance(df[name].dtype, pd.StringDtype):  # keep the structured treatments' "string" dtype
            out[name] = out[name].astype(df[name].dtype)
    return out


def generalize(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any], levels: Mapping[str, str]) -> pd.DataFrame:
    """Apply given levels (QI name -> level name) without searching; QIs not named stay at level 0."""
    config = parse_config(cfg)
    out = df.copy()
    for q in config.quasi_identifiers:
        lv = levels.get(q.name, q.levels[0])
        if lv not in q.levels:
            raise SdcError(f"sdc-config: level {lv!r} is not on the ladder of {q.name!r}")
        out[q.name] = pd.Series(_generalize_one(df, q, lv), index=df.index, dtype=object)
    return out
