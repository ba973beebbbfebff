"""Local suppression: blank one more quasi-identifier cell, in the order of sacrifice, in the few rows that still
stand out after global recoding, within the budgets the utility floors and `max_local_suppression` leave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from redaction.sdc.ladders import SUPPRESSED


def _combine(cols: Sequence[np.ndarray], cards: Sequence[int]) -> np.ndarray:
    """One int64 key per row from several code columns (factorized on the way when the key space grows)."""
    key = np.zeros(len(cols[0]) if cols else 0, dtype=np.int64)
    space = 1
    for c, card in zip(cols, cards, strict=True):
        if space * card >= 2**62:
            key, uniq = pd.factorize(key)
            key = key.astype(np.int64, copy=False)
            space = max(len(uniq), 1)
        key = key * card + c
        space *= card
    return key


def local_suppression(ev: Any, node: tuple[int, ...], rows: np.ndarray,
                      ) -> tuple[np.ndarray, list[tuple[int, np.ndarray]], int, int, int | None]:
    """Local suppression (as sdcMicro's localSuppression) of `rows`, those in classes below k at `node` of the
    evaluator `ev` (`search._Evaluator`): in the order of sacrifice, blank one more QI in every row still unsafe,
    within the budgets. Returns (positions in `rows` never made safe, the blanking
    steps as (QI index, positions blanked), smallest class made, classes made, smallest l made)."""
    sub = [lad.codes.at(lv, rows).astype(np.int64) for lad, lv in zip(ev.ladders, node, strict=True)]
    cards = [lad.cards[lv] + 1 for lad, lv in zip(ev.ladders, node, strict=True)]  # + the "*" code
    active = np.arange(len(rows))
    any_blank = np.zeros(len(rows), dtype=bool)
    n_blank_rows = 0
    steps: list[tuple[int, np.ndarray]] = []
    k_min, made, l_min = 0, 0, None
    for qi in ev.order:
        lad, lv = ev.ladders[qi], node[qi]
        if lad.level_names[lv] == SUPPRESSED:
            continue
        budget = ev.budgets.get(qi)
        if budget is not None and len(active) > budget:
            continue
        fresh = int((~any_blank[active]).sum())
        if n_blank_rows + fresh > ev.ls_cap:
            continue
        sub[qi][active] = lad.cards[lv]
        any_blank[active] = True
        n_blank_rows += fresh
        steps.append((qi, active.copy()))
        key = _combine([c[active] for c in sub], cards)
        _, inv, cnt = np.unique(key, return_inverse=True, return_counts=True)
        if ev.unit is not None:  # k counts distinct units (complaints), not rows
            pair = np.unique(inv.astype(np.int64) * ev.n_unit + ev.unit[rows[active]])
            cnt = np.bincount(pair // ev.n_unit, minlength=len(cnt))
        ok_cls = cnt >= ev.k
        if ev.sens is not None and ev.l_target is not None:
            pair = np.unique(inv.astype(np.int64) * ev.n_sens + ev.sens[rows[active]])
            distinct = np.bincount(pair // ev.n_sens, minlength=len(cnt))
            ok_cls &= distinct >= ev.l_target
            if ok_cls.any():
                lm = int(distinct[ok_cls].min())
                l_min = lm if l_min is None else min(l_min, lm)
        if ok_cls.any():
            km = int(cnt[ok_cls].min())
            k_min = km if not k_min else min(k_min, km)
            made += int(ok_cls.sum())
        active = active[~ok_cls[inv]]
        if not len(active):
            break
    return active, steps, k_min, made, l_min
