"""The utility and risk report of a released table: what each column kept, and k over every identifying column.

Computed on the table as it is published (the CSV's strings, or the exact typed table written), never on the
private one: a reader can check every figure on the release itself. Counts, shares, level names and column names
only; no value of a record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from redaction.sdc.ladders import _AGE_SCHEMES

SUPPRESSED = "*"

# the published forms of each ladder's levels (see the package docstring), finest first
_FORMS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "date": (
        ("day", re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ].*)?$")),
        ("week", re.compile(r"^\d{4}-W\d{2}$")),
        ("month", re.compile(r"^\d{4}-\d{2}$")),
        ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
        ("year", re.compile(r"^\d{4}$")),
    ),
    "time": (
        ("hour", re.compile(r"^\d{1,2}(?::\d{2}(?::\d{2})?)?$")),
        ("4h", re.compile(r"^\d{2}:00-\d{2}:59$")),
        ("part_of_day", re.compile(r"^(?:night|morning|afternoon|evening)$")),
    ),
    "age": (*(
        (lv, re.compile("^(?:" + "|".join(re.escape(lab) for _, _, lab in scheme) + ")$"))
        for lv, scheme in _AGE_SCHEMES.items()
    ), ("source_band", re.compile(r"^\d+(?:-\d+|\+)$"))),  # the agency's own band ("26-35", "56+"), as given
}


def _strings(s: pd.Series) -> np.ndarray:
    """The column as published: object array of strings, None for an empty cell."""
    if pd.api.types.is_bool_dtype(s.dtype):
        s = s.map({True: "true", False: "false"})
    arr = s.astype("string").to_numpy(dtype=object, na_value=None)
    arr[arr == ""] = None
    return arr


def level_shares(values: pd.Series, ladder: str | None, level: str | None = None) -> dict[str, float]:
    """Share of rows per published level of one column: level names of `ladder` (recognized from the value's
    form), or `level` (the one level a non-date/time/age column was published at, default "value"), plus
    "suppressed" ("*") and "null" (empty)."""
    arr = _strings(values)
    n = len(arr)
    out: dict[str, float] = {}
    if n == 0:
        return out
    codes, uniques = pd.factorize(arr, use_na_sentinel=True)
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques)) if len(uniques) else np.zeros(0, np.int64)
    tally: dict[str, int] = {}
    forms = _FORMS.get(ladder or "")
    for u, c in zip(uniques, counts, strict=True):
        if u == SUPPRESSED:
            name = "suppressed"
        elif forms:
            name = next((lv for lv, rx in forms if rx.match(str(u))), "other")
        else:
            name = level or "value"
        tally[name] = tally.get(name, 0) + int(c)
    nulls = int((codes < 0).sum())
    if nulls:
        tally["null"] = nulls
    order = [lv for lv, _ in forms] if forms else []
    for name in sorted(tally, key=lambda x: (order.index(x) if x in order else len(order), x)):
        out[name] = tally[name] / n
    return out


def place_level_shares(df: pd.DataFrame, column: str, level: str | None, others: Sequence[str]) -> dict[str, float]:
    """`level_shares` of a `columns` ladder (location -> beat -> district): a value equal to another published
    column's value in the same row (the district) is at that column's level; the rest at `level` (the search's
    level for most rows). Without this, a location published at the district in some rows and at the beat in
    others read as one level."""
    arr = _strings(df[column])
    n = len(arr)
    if n == 0:
        return {}
    label = np.full(n, level or "value", dtype=object)
    label[pd.isna(arr)] = "null"
    label[arr == SUPPRESSED] = "suppressed"
    open_ = (label != "null") & (label != "suppressed")
    for o in others:
        same = open_ & (arr == _strings(df[o]))
        label[same] = o
        open_ &= ~same
    names, counts = np.unique(label.astype(str), return_counts=True)
    order = {"null": 1, "suppressed": 2}
    return {str(k): int(v) / n for k, v in sorted(zip(names, counts, strict=True), key=lambda kv: (order.get(kv[0], 0), kv[0]))}


def class_sizes(df: pd.DataFrame, columns: Sequence[str], unit: str | None = None) -> np.ndarray:
    """Equivalence class sizes of the published table on `columns` (plain pandas groupby on the published
    strings; a null is a value, "*" is a value). Rows whose every column is "*" tell nothing: not a class. With
    `unit` (e.g. complaint_id), a class's size is its number of distinct units, not of rows."""
    if not columns:
        return np.array([len(df)], dtype=np.int64) if len(df) else np.zeros(0, np.int64)
    cols = {c: _strings(df[c]) for c in columns}
    allstar = np.ones(len(df), dtype=bool)
    for a in cols.values():
        allstar &= a == SUPPRESSED
    frame = pd.DataFrame({c: a[~allstar] for c, a in cols.items()})
    if frame.empty:
        return np.zeros(0, np.int64)
    groups = frame.groupby(list(columns), dropna=False, sort=False)
    if unit is None:
        return groups.size().to_numpy()
    frame["__unit"] = _strings(df[unit])[~allstar]
    return frame.groupby(list(columns), dropna=False, sort=False)["__unit"].nunique(dropna=False).to_numpy()


def utility_report(
    df: pd.DataFrame,
    roles: Mapping[str, str],
    *,
    k: int,
    ladders: Mapping[str, str] | None = None,
    levels: Mapping[str, str] | None = None,
    rows_in: int | None = None,
    information_loss: float | None = None,
    unit: str | None = None,
) -> dict[str, Any]:
    """The report of one released table (plain data, for provenance.json and the preview).

    `roles`: column -> "quasi_identifier" | "sensitive" | "not_identifying"; a published column missing from it
    counts as a quasi-identifier (deny by default). `ladders`: QI -> ladder kind ("date", "time", "age", ...), so
    each row's level is read from its value's form; `levels`: the level a column was published at (from the
    search) for the others. `rows_in` (rows before disclosure control) and `information_loss` (the search's
    weighted loss) are carried over when known.
    """
    ladders = ladders or {}
    levels = levels or {}
    qis = [c for c in df.columns if roles.get(c, "quasi_identifier") == "quasi_identifier" and c != unit]
    sizes = class_sizes(df, qis, unit if unit in df.columns else None)
    columns: dict[str, Any] = {}
    for c in df.columns:
        role = roles.get(c, "quasi_identifier")
        entry: dict[str, Any] = {"role": role}
        if role == "quasi_identifier":
            if ladders.get(c) == "columns":
                others = [o for o in qis if o != c and ladders.get(o, "none") == "none"]
                shares = place_level_shares(df, c, levels.get(c), others)
            else:
                shares = level_shares(df[c], ladders.get(c), levels.get(c))
            entry["levels"] = {lv: round(v, 6) for lv, v in shares.items()}
            entry["suppressed_share"] = round(shares.get("suppressed", 0.0), 6)
        columns[c] = entry
    out: dict[str, Any] = {
        "rows_published": int(len(df)),
        "k_target": int(k),
        "k_achieved": int(sizes.min()) if len(sizes) else 0,
        "classes": int(len(sizes)),
        "classes_below_k": int((sizes < k).sum()),
        "rows_in_classes_below_k": int(sizes[sizes < k].sum()),
        "quasi_identifiers": qis,
        "columns": columns,
    }
    if unit in df.columns:
        out["k_counts"] = f"distinct {unit}"
    if rows_in is not None:
        out["rows_in"] = int(rows_in)
        out["rows_removed"] = int(rows_in) - int(len(df))
    if information_loss is not None:
        out["information_kept"] = round(1.0 - float(information_loss), 6)
    return out


def report_markdown(rep: Mapping[str, Any]) -> list[str]:
    """Markdown lines of a `utility_report` for the release preview: one line of risk, one table of utility."""
    lines = [
        f"k = {rep.get('k_achieved')} over every quasi-identifier (target {rep.get('k_target')}); "
        f"{rep.get('classes_below_k')} class(es) below k; {rep.get('classes')} classes."
        + (f" Information kept: {rep['information_kept']:.1%}." if rep.get("information_kept") is not None else ""),
        "",
        *([f"Utility floors: {'; '.join(rep['floors'])}"
           + ("" if rep.get("floors_binding", True) else " (NOT enforced: k and the floors cannot both hold on fewer rows than utility.floors_from_rows)"),
           ""] if rep.get("floors") else []),
        "| column | share of rows by level | suppressed (*) |",
        "|---|---|---|",
    ]
    for c, e in (rep.get("columns") or {}).items():
        if e.get("role") != "quasi_identifier":
            continue
        lv = ", ".join(f"{k}: {v:.1%}" for k, v in (e.get("levels") or {}).items() if k != "suppressed")
        lines.append(f"| {c} | {lv} | {e.get('suppressed_share', 0.0):.1%} |")
    return lines
