"""Values in range: the `constraints` of a dataset's standardized columns (Table Schema `minimum` / `maximum`).

A value outside its column's plausible range (an age of 200, a date of birth in 2030 or 1800) quarantines its row
with `constraint-error:<column>`, like a value that does not parse, instead of passing and silently emptying the
public age band. Ranges are data, in the dataset spec:

    standardized:
      - {name: subject_age, type: integer, constraints: {minimum: 0, maximum: 120}}
      - {name: subject_dob, type: date, constraints: {minimum: "1900-01-01", maximum: today}}

For date and datetime columns `maximum: today` means the day the export is standardized (UTC, with one day of
margin for local times ahead of UTC).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

_TEMPORAL = ("date", "datetime")
_NUMERIC = ("integer", "number")


def _bound(value: Any, typ: str, *, upper: bool) -> Any:
    if typ in _TEMPORAL:
        if isinstance(value, str) and value.strip().lower() == "today":
            today = pd.Timestamp(_dt.datetime.now(_dt.UTC).date())
            return today + pd.Timedelta(days=2) - pd.Timedelta(microseconds=1) if upper else today
        return pd.Timestamp(value)
    return float(value)


def check_fields(fields: Sequence[Mapping[str, Any]]) -> None:
    """Refuse constraints this module cannot apply (at spec load, not at run time)."""
    for f in fields:
        c = f.get("constraints") or {}
        for k in ("minimum", "maximum"):
            if k in c:
                if f.get("type", "string") not in _TEMPORAL + _NUMERIC:
                    raise ValueError(f"standardized column {f['name']}: {k} on type {f.get('type', 'string')}")
                _bound(c[k], f.get("type", "string"), upper=k == "maximum")


def out_of_range(frame: pd.DataFrame, fields: Sequence[Mapping[str, Any]]) -> dict[int, list[str]]:
    """Positions (0-based, in `frame`) of rows with a value outside its column's range -> reason codes."""
    reasons: dict[int, list[str]] = {}
    for f in fields:
        c = f.get("constraints") or {}
        name, typ = f["name"], f.get("type", "string")
        if name not in frame.columns or not ({"minimum", "maximum"} & c.keys()) or not len(frame):
            continue
        s = frame[name]
        values = pd.to_datetime(s, errors="coerce") if typ in _TEMPORAL else pd.to_numeric(s, errors="coerce")
        bad = np.zeros(len(frame), dtype=bool)
        present = values.notna().to_numpy()
        if "minimum" in c:
            bad |= present & (values < _bound(c["minimum"], typ, upper=False)).fillna(False).to_numpy(dtype=bool)
        if "maximum" in c:
            bad |= present & (values > _bound(c["maximum"], typ, upper=True)).fillna(False).to_numpy(dtype=bool)
        for pos in np.flatnonzero(bad):
            reasons.setdefault(int(pos), []).append(f"constraint-error:{name}")
    return reasons
