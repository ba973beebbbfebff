"""k and l recounted on a released table, independently of the search (plain pandas on the published values)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from redaction.errors import SdcError
from redaction.sdc.ladders import SUPPRESSED, _factorize

# -------------------------------------------------------------------------------------------------- recounting


def _suppressed_rows(df: pd.DataFrame, qi_columns: Sequence[str]) -> np.ndarray:
    """Rows whose QI values are all "*" (candidates narrowed column by column). A null is a value: rows whose
    QIs are all null form a class like any other (they used to count as suppressed, and an all-null table as
    k = 0)."""
    cand = np.arange(len(df))
    for c in qi_columns:
        vals = df[c].to_numpy(dtype=object)[cand]
        hit = ~pd.isna(vals)
        hit[hit] = np.asarray(vals[hit] == SUPPRESSED, dtype=bool)  # no comparison with pd.NA
        cand = cand[hit]
        if len(cand) == 0:
            break
    mask = np.zeros(len(df), dtype=bool)
    mask[cand] = True
    return mask


def _recount_classes(df: pd.DataFrame, qi_columns: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    missing = [c for c in qi_columns if c not in df.columns]
    if missing:
        raise SdcError(f"sdc-missing-column: {sorted(missing)}")
    if not qi_columns:
        raise SdcError("sdc-config: no quasi-identifier columns")
    sup = _suppressed_rows(df, qi_columns)
    rest = df.loc[~sup, list(qi_columns)]
    if rest.empty:
        return np.zeros(0, dtype=np.int64), sup
    cls = rest.groupby(list(qi_columns), dropna=False, sort=False).ngroup().to_numpy()
    return cls, sup


def recount_k(df: pd.DataFrame, qi_columns: Sequence[str], unit: str | None = None) -> int:
    """Smallest equivalence class size of a released table on `qi_columns` (0 when no row is left).

    Independent of the search (plain pandas groupby on the published values; nulls group together, "*" is a
    value of its own). Rows whose QI values are all "*" tell nothing: they are not a class. With `unit` (the
    column naming one person's record, e.g. `complaint_id` when rows are allegations), a class's size is its
    number of distinct units: five allegation rows of one complaint are one complainant, not five.
    """
    cls, sup = _recount_classes(df, qi_columns)
    if len(cls) == 0:
        return 0
    if unit is None:
        return int(np.bincount(cls).min())
    if unit not in df.columns:
        raise SdcError(f"sdc-missing-column: {[unit]}")
    uc, uu = _factorize(df.loc[~sup, unit])
    pairs = np.unique(cls.astype(np.int64) * (len(uu) + 1) + uc)
    return int(np.bincount(pairs // (len(uu) + 1)).min())


def recount_l(df: pd.DataFrame, qi_columns: Sequence[str], sensitive: str) -> int:
    """Smallest number of distinct `sensitive` values (null counts as one) in a class (0 when no row is left)."""
    cls, sup = _recount_classes(df, qi_columns)
    if sensitive not in df.columns:
        raise SdcError(f"sdc-missing-column: {[sensitive]}")
    if len(cls) == 0:
        return 0
    sc, _ = _factorize(df.loc[~sup, sensitive])
    pairs = np.unique(cls.astype(np.int64) * (int(sc.max()) + 1) + sc)
    return int(np.bincount(pairs // (int(sc.max()) + 1)).min())
