"""Small-cell suppression of summary tables, with complementary suppression line by line (see the package
docstring, "Small cells")."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from redaction.errors import SdcError
from redaction.sdc.ladders import SUPPRESSED

# ------------------------------------------------------------------------------------------------- small cells


def _line_safe(vals: np.ndarray, prim: np.ndarray, comp: np.ndarray, threshold: int, lo_p: int) -> bool:
    """Whether the suppressed cells of one line (total shown) keep every primary count from being pinned.

    The reader knows the line total, so the sum S of the suppressed cells; a primary count lies in
    [lo_p, threshold-1], a complementary one in [threshold, inf). A primary cell is pinned when its feasible
    interval given S is a single value.
    """
    n_p, n_c = int(prim.sum()), int(comp.sum())
    if n_p + n_c == 0:
        return True
    if n_p + n_c == 1:
        return False
    s = int(vals[prim | comp].sum())
    hi = min(threshold - 1, s - (n_p - 1) * lo_p - n_c * threshold)
    lo = lo_p if n_c else max(lo_p, s - (n_p - 1) * (threshold - 1))
    return n_p == 0 or hi > lo


def _pick_complement(vals: np.ndarray, supp: np.ndarray, cross_has: np.ndarray, threshold: int) -> int | None:
    """Smallest shown count >= threshold in the line, preferring cells whose crossing line is already hit."""
    cand = np.flatnonzero(~supp & (vals >= threshold))
    if len(cand) == 0:
        return None
    return int(min(cand, key=lambda i: (0 if cross_has[i] else 1, int(vals[i]), int(i))))


def suppress_small_cells(
    table: pd.DataFrame,
    threshold: int = 11,
    *,
    suppress_zero: bool = False,
    total_label: str = "Total",
    withheld_mark: str = SUPPRESSED,
) -> pd.DataFrame:
    """A crosstab of counts -> a table of strings with small cells hidden and totals added (see module docstring).

    Cells with 1..threshold-1 (0 too if `suppress_zero`) print as "<threshold"; complementary cells and withheld
    totals print as `withheld_mark`. The input holds counts only (no margins); NaN counts as 0. A "Total" column
    is added when there are at least two columns, a "Total" row when there are at least two rows.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise SdcError("sdc-config: threshold must be an integer >= 1")
    numeric = table.apply(pd.to_numeric, errors="coerce")
    if (numeric.isna() & table.notna()).to_numpy().any():
        raise SdcError("sdc-bad-value: crosstab cells must be counts")
    raw = numeric.fillna(0).to_numpy(dtype=np.float64)
    if raw.size and ((raw < 0).any() or (raw != np.floor(raw)).any()):
        raise SdcError("sdc-bad-value: crosstab cells must be non-negative integer counts")
    v = raw.astype(np.int64)
    nr, nc = v.shape
    lo_p = 0 if suppress_zero else 1
    primary = (v >= lo_p) & (v < threshold)
    comp = np.zeros_like(primary)
    has_rt, has_ct = nc > 1, nr > 1  # a line of one cell has no separate total
    rt_w = np.zeros(nr, dtype=bool)  # withheld row totals
    ct_w = np.zeros(nc, dtype=bool)  # withheld column totals
    grand_w = False

    def fix_one() -> bool:
        """Make one repair (a complementary cell or a withheld total); False when every line is safe."""
        nonlocal grand_w
        supp = primary | comp
        if has_rt:
            for i in range(nr):
                if not rt_w[i] and not _line_safe(v[i], primary[i], comp[i], threshold, lo_p):
                    j = _pick_complement(v[i], supp[i], supp.any(axis=0), threshold)
                    if j is None:
                        rt_w[i] = True
                    else:
                        comp[i, j] = True
                    return True
        if has_ct:
            for j in range(nc):
                if not ct_w[j] and not _line_safe(v[:, j], primary[:, j], comp[:, j], threshold, lo_p):
                    r = _pick_complement(v[:, j], supp[:, j], supp.any(axis=1), threshold)
                    if r is None:
                        ct_w[j] = True
                    else:
                        comp[r, j] = True
                    return True
        # the totals column (row totals add up to the grand total) and the totals row
        if has_rt and has_ct and not grand_w and (int(rt_w.sum()) == 1 or int(ct_w.sum()) == 1):
            grand_w = True
            return True
        return False

    for _ in range(nr * nc + nr + nc + 2):
        if not fix_one():
            break
    cells = np.where(primary, f"<{threshold}", np.where(comp, withheld_mark, v.astype(str))).astype(object)
    out = pd.DataFrame(cells, index=table.index, columns=table.columns)
    if has_rt:
        out[total_label] = np.where(rt_w, withheld_mark, v.sum(axis=1).astype(str)).astype(object)
    if has_ct:
        tot_row = [withheld_mark if w else str(t) for w, t in zip(ct_w, v.sum(axis=0), strict=True)]
        if has_rt:
            tot_row.append(withheld_mark if grand_w else str(int(v.sum())))
        out.loc[total_label] = tot_row
    return out


def small_cell_tables(df: pd.DataFrame, tables: Sequence[Sequence[str]], threshold: int = 11) -> dict[str, pd.DataFrame]:
    """Build and protect the spec's summary tables: [a] -> counts by a; [a, b] -> crosstab a x b.

    Keys are the column names joined by "_by_". Columns must exist in `df` (derive e.g. `month` first with
    generalize_date). Nulls count under "(missing)".
    """
    out: dict[str, pd.DataFrame] = {}
    for dims in tables:
        dims = list(dims)
        missing = [c for c in dims if c not in df.columns]
        if missing:
            raise SdcError(f"sdc-missing-column: {sorted(missing)}")
        if len(dims) == 1:
            counts = df[dims[0]].astype(object).fillna("(missing)").value_counts().sort_index().to_frame("count")
        elif len(dims) == 2:
            a = df[dims[0]].astype(object).fillna("(missing)")
            b = df[dims[1]].astype(object).fillna("(missing)")
            counts = pd.crosstab(a, b)
        else:
            raise SdcError("sdc-config: a summary table has one or two dimensions")
        out["_by_".join(dims)] = suppress_small_cells(counts, threshold)
    return out
