"""Generalization ladders of values: age bands, dates, times of day (see the package docstring for the formats).

Each function maps the distinct values only, and raises `SdcError` with a count, never a value.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from redaction.errors import SdcError

SUPPRESSED = "*"

LADDERS: dict[str, tuple[str, ...]] = {
    "date": ("day", "week", "month", "quarter", "year"),
    "time": ("hour", "4h", "part_of_day"),
    "age": ("5y", "10y", "minor_adult"),
    "none": ("value",),
}
DEFAULT_LEVELS: dict[str, tuple[str, ...]] = {
    "date": ("day", "week", "month", "quarter"),
    "time": ("hour", "4h", "part_of_day"),
    "age": ("5y", "10y", "minor_adult"),
    "none": ("value",),
}

# ---------------------------------------------------------------------------------------------------- age bands

_AGE_5Y: list[tuple[int, int | None, str]] = [(0, 9, "0-9"), (10, 14, "10-14"), (15, 17, "15-17"), (18, 19, "18-19")]
_AGE_5Y += [(a, a + 4, f"{a}-{a + 4}") for a in range(20, 85, 5)] + [(85, None, "85+")]
_AGE_10Y: list[tuple[int, int | None, str]] = [(0, 17, "0-17"), (18, 29, "18-29")]
_AGE_10Y += [(a, a + 9, f"{a}-{a + 9}") for a in range(30, 80, 10)] + [(80, None, "80+")]
_AGE_MA: list[tuple[int, int | None, str]] = [(0, 17, "minor"), (18, None, "adult")]
_AGE_SCHEMES = {"5y": _AGE_5Y, "10y": _AGE_10Y, "minor_adult": _AGE_MA}
_AGE_ORDER = ("5y", "10y", "minor_adult")
_MAX_AGE = 120
_BAND = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")
_BAND_PLUS = re.compile(r"^\s*(\d+)\s*\+\s*$")


def _age_scheme(level: str) -> list[tuple[int, int | None, str]]:
    try:
        return _AGE_SCHEMES[level]
    except KeyError:
        raise SdcError(f"unknown age level {level!r} (expected one of {', '.join(_AGE_ORDER)})") from None


def age_band(age_years: Any, level: str = "5y") -> pd.Series:
    """Whole-year ages -> band labels of `level` ("5y", "10y" or "minor_adult"); see the module docstring.

    Accepts a Series (nullable or not), an array or a list; ages are floored; negative, >= 120 or missing ages
    give null. Returns an object Series (None for null) with the input's index when it had one.
    """
    scheme = _age_scheme(level)
    index = age_years.index if isinstance(age_years, pd.Series) else None
    a = pd.to_numeric(pd.Series(age_years, index=index, copy=False), errors="coerce")
    vals = a.to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(vals) & (vals >= 0) & (vals < _MAX_AGE)
    lows = np.array([lo for lo, _, _ in scheme], dtype="float64")
    labels = np.array([lab for _, _, lab in scheme] + [None], dtype=object)
    pos = np.searchsorted(lows, np.floor(np.where(ok, vals, 0.0)), side="right") - 1
    pos = np.where(ok, pos, len(scheme))
    return pd.Series(labels[pos], index=a.index, dtype=object)


def _band_bounds(label: str) -> tuple[int, int | None] | None:
    for scheme in _AGE_SCHEMES.values():
        for lo, hi, lab in scheme:
            if lab == label:
                return lo, hi
    m = _BAND.match(label)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _BAND_PLUS.match(label)
    if m:
        return int(m.group(1)), None
    return None


def _age_label_to(label: str, level: str) -> str:
    """One band label -> the band of `level` that contains it (or the label itself when it straddles bands)."""
    if label in {lab for _, _, lab in _AGE_SCHEMES[level]}:
        return label
    src_level = next((lv for lv in _AGE_ORDER if label in {lab for _, _, lab in _AGE_SCHEMES[lv]}), None)
    if src_level is not None and _AGE_ORDER.index(src_level) > _AGE_ORDER.index(level):
        raise SdcError(f"cannot refine age bands from level {src_level!r} to the finer level {level!r}")
    bounds = _band_bounds(label)
    if bounds is None:
        raise ValueError("not an age band")
    lo, hi = bounds
    for blo, bhi, lab in _AGE_SCHEMES[level]:
        if blo <= lo and (bhi is None or (hi is not None and hi <= bhi)):
            return lab
    return label


def _age_no_finer(label: str, level: str) -> str:
    """`_age_label_to`, except that a band coarser than `level` stays as the source gave it (an agency's "18-29"
    asked at "5y"): a ladder never invents precision the source did not have, as for dates."""
    try:
        return _age_label_to(label, level)
    except SdcError:
        return label


def generalize_age_band(s: pd.Series, level: str) -> pd.Series:
    """Age band labels (any level of the scheme, or an agency band "26-35"/"56+") -> bands of `level`.

    Numeric input is banded directly with `age_band`. Raises SdcError (with a count, never a value) when some
    labels are not age bands.
    """
    _age_scheme(level)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return age_band(s, level)
    return _map_uniques(s, lambda u: _age_label_to(str(u), level), what="age band")


# ---------------------------------------------------------------------------------------------- dates and times

_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-W(\d{2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
)
_DATE_ORDER = LADDERS["date"]


def _match_date_form(text: str) -> tuple[str, re.Match[str]]:
    for rx, form in _DATE_FORMS:
        m = rx.match(text)
        if m:
            return form, m
    raise ValueError("not a date")


def _date_label_to(value: Any, level: str) -> str:
    """One date value (ISO day string, date, Timestamp, or a coarser label) -> the label of `level`."""
    if isinstance(value, _dt.datetime | pd.Timestamp):
        src, day = "day", value.date()
    elif isinstance(value, _dt.date):
        src, day = "day", value
    else:
        src, m = _match_date_form(str(value).strip())
        y = int(m.group(1))
        if src == "day":
            day = _dt.date(y, int(m.group(2)), int(m.group(3)))
        elif src == "week":
            day = _dt.date.fromisocalendar(y, int(m.group(2)), 4)  # the week's Thursday
        elif src == "month":
            day = _dt.date(y, int(m.group(2)), 1)
        elif src == "quarter":
            day = _dt.date(y, 3 * int(m.group(2)) - 2, 1)
        else:
            day = _dt.date(y, 1, 1)
        if _DATE_ORDER.index(src) > _DATE_ORDER.index(level):
            raise SdcError(f"cannot refine dates from level {src!r} to the finer level {level!r}")
    if level == "day":
        return day.isoformat()
    if level == "week":
        iy, iw, _ = day.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if level == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if level == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def _date_no_finer(value: Any, level: str) -> str:
    """`_date_label_to`, except that a value coarser than `level` stays as it is (a month-only source's "2020-01"
    at the "day" level): a ladder never invents precision the source did not have."""
    if isinstance(value, str):
        form, _ = _match_date_form(value.strip())
        if _DATE_ORDER.index(form) > _DATE_ORDER.index(level):
            return value.strip()
    return _date_label_to(value, level)


def generalize_date(s: pd.Series, level: str) -> pd.Series:
    """Dates -> `level` ("day", "week", "month", "quarter", "year"); see the module docstring for the formats.

    Input: ISO "YYYY-MM-DD" strings, dates/Timestamps, or labels of a finer level ("2024-W05" -> month of its
    Thursday). Only distinct values are parsed. Nulls stay null. Raises SdcError with a count when some values
    are not dates, or when asked to refine (months to weeks).
    """
    if level not in _DATE_ORDER:
        raise SdcError(f"unknown date level {level!r} (expected one of {', '.join(_DATE_ORDER)})")
    return _map_uniques(s, lambda u: _date_label_to(u, level), what="date")


_PARTS = ("night", "morning", "afternoon", "evening")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?$")
_BLOCK = re.compile(r"^(\d{2}):00-(\d{2}):59$")
_TIME_ORDER = LADDERS["time"]


def _time_label_to(value: Any, level: str) -> str:
    if isinstance(value, _dt.datetime | pd.Timestamp | _dt.time):
        hour = value.hour
    elif isinstance(value, int | np.integer) and not isinstance(value, bool):
        hour = int(value)
    elif isinstance(value, float | np.floating):
        if not float(value).is_integer():
            raise ValueError("not a whole hour")
        hour = int(value)
    else:
        text = str(value).strip()
        m = _TIME.match(text)
        if m:
            hour = int(m.group(1))
        else:
            b = _BLOCK.match(text)
            if b and int(b.group(2)) == int(b.group(1)) + 3 and int(b.group(1)) % 4 == 0:
                if level == "4h":
                    return text
                raise SdcError(f"cannot turn 4-hour blocks into level {level!r}")
            if text in _PARTS:
                if level == "part_of_day":
                    return text
                raise SdcError(f"cannot refine parts of day to level {level!r}")
            raise ValueError("not a time")
    if not 0 <= hour <= 23:
        raise ValueError("bad hour")
    if level == "hour":
        return f"{hour:02d}:00"
    if level == "4h":
        start = hour // 4 * 4
        return f"{start:02d}:00-{start + 3:02d}:59"
    return _PARTS[hour // 6]


def generalize_time(s: pd.Series, level: str) -> pd.Series:
    """Times of day -> `level` ("hour", "4h", "part_of_day"); see the module docstring for the formats.

    Input: "HH:00" / "HH:MM[:SS]" strings, integer hours, times or Timestamps. Only distinct values are parsed.
    Nulls stay null. Raises SdcError with a count when some values are not times.
    """
    if level not in _TIME_ORDER:
        raise SdcError(f"unknown time level {level!r} (expected one of {', '.join(_TIME_ORDER)})")
    return _map_uniques(s, lambda u: _time_label_to(u, level), what="time")


def _with_null(labels: Any) -> np.ndarray:
    """Labels as an object array with a trailing None (the label of the null code)."""
    return np.concatenate([np.asarray(labels, dtype=object), np.array([None], dtype=object)])


def _factorize(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """Codes (int32) and uniques, with null given the last code (len(uniques)) and no entry in uniques."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    codes = codes.astype(np.int32, copy=False)
    if (codes < 0).any():
        codes = np.where(codes < 0, np.int32(len(uniques)), codes)
    return codes, np.asarray(uniques, dtype=object)


def _apply_to_uniques(uniques: np.ndarray, fn: Callable[[Any], str], what: str, name: Any) -> np.ndarray:
    out = np.empty(len(uniques), dtype=object)
    bad = 0
    for i, u in enumerate(uniques):
        try:
            out[i] = fn(u)
        except SdcError:
            raise
        except (ValueError, TypeError, OverflowError):
            bad += 1
    if bad:
        where = f" in column {name!r}" if isinstance(name, str) else ""
        raise SdcError(f"sdc-bad-value: {bad} distinct value(s){where} are not a valid {what}")
    return out


def _map_uniques(s: pd.Series, fn: Callable[[Any], str], what: str) -> pd.Series:
    codes, uniques = _factorize(s)
    mapped = _apply_to_uniques(uniques, fn, what, s.name)
    table = _with_null(mapped)
    return pd.Series(table[codes], index=s.index, name=s.name, dtype=object)
