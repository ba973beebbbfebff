"""What would satisfy k and the floors when they cannot all hold: the relaxations the conflict message names."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from redaction.sdc.config import SdcConfig
from redaction.sdc.ladders import SUPPRESSED
from redaction.sdc.lattice import _Eval, _prepare


def _top(df: pd.DataFrame, config: SdcConfig) -> _Eval:
    """The coarsest node the floors allow, evaluated (for the conflict diagnosis)."""
    ladders, ev = _prepare(df, config)
    return ev.evaluate(tuple(len(lad.level_names) - 1 for lad in ladders))


def diagnose(df: pd.DataFrame, config: SdcConfig) -> list[str]:
    """What would satisfy k and the floors, when they cannot all hold: per floor, the relaxation that works alone
    (a coarser `at_least`, a lower share), and the largest k reachable with every floor. Names and figures only."""
    out: list[str] = []
    for f in config.floors:
        others = tuple(g for g in config.floors if g is not f)
        if not _top(df, replace(config, floors=others)).passes:
            out.append(f"relaxing the floor {f.describe()} alone does not help")
            continue
        q = next(x for x in config.quasi_identifiers if x.name == f.column)
        hint = ""
        if f.at_least is not None:
            for lv in q.levels[q.levels.index(f.at_least) + 1:]:
                if lv == SUPPRESSED:
                    break
                if _top(df, replace(config, floors=(*others, replace(f, at_least=lv)))).passes:
                    hint = f"at_least {lv} with in_at_least {f.share:g} would hold"
                    break
        if not hint:
            for share in (0.99, 0.98, 0.95, 0.9, 0.8, 0.7, 0.5, 0.25, 0.0):
                if share < f.share and _top(df, replace(config, floors=(*others, replace(f, share=share)))).passes:
                    hint = f"a share of {share:g} would hold"
                    break
        out.append(f"the floor {f.describe()} is in conflict" + (f": {hint}" if hint else ""))
    for k in range(config.k - 1, 1, -1):
        if _top(df, replace(config, k=k)).passes:
            out.append(f"with every floor, k = {k} is reachable")
            break
    else:
        out.append("with every floor, not even k = 2 is reachable within the suppression limits")
    return out
