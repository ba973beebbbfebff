"""Dates, times and datetimes parsed column by column: strptime formats (Python's grammar) and ISO 8601."""

from __future__ import annotations

import _strptime
import calendar
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.tableschema.arrays import _int, _np_bool, _regex_ok
from pipelines.tableschema.report import SchemaError

_US_PER_S = 1_000_000


_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _valid_ymd(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    mm = np.clip(m, 1, 12)
    dim = _DAYS[mm - 1] + ((mm == 2) & leap)
    return (y >= 1) & (y <= 9999) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= dim)


def _days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 (proleptic Gregorian), vectorized (H. Hinnant's algorithm)."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}


_MONTHS_FULL = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}


_SUPPORTED = set("YymdbBHIMSfpzaA%")


@dataclass
class _Temporal:
    """Parsed temporal column: validity mask and components (numpy int64)."""

    ok: np.ndarray
    days: np.ndarray  # days since epoch
    micros: np.ndarray  # microseconds since midnight
    offset_us: np.ndarray | None  # UTC offset in microseconds when the format has a zone


def _strptime_regex(fmt: str) -> tuple[str, set[str]]:
    try:
        pattern = _strptime._TimeRE_cache.pattern(fmt)  # type: ignore[attr-defined]
    except (KeyError, ValueError) as exc:
        raise SchemaError(f"unsupported date/time format {fmt!r}") from exc
    directives = set(re.findall(r"%(.)", fmt.replace("%%", "")))
    # RE2's extract_regex wants named groups only: make the unnamed ones non-capturing
    pattern = re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)
    return pattern, directives


def _parse_offsets(z: pa.Array) -> np.ndarray:
    """Python %z group ('Z', '+HH:MM', '+HHMM', '+HH:MM:SS[.ffffff]') -> offset microseconds."""
    zs = pc.fill_null(z, "")
    parts = pc.extract_regex(
        zs,
        pattern=r"^(?P<sign>[+-]?)(?P<hh>\d\d)?:?(?P<mm>\d\d)?:?(?P<ss>\d\d)?(?:\.(?P<ff>\d{1,6}))?",
    )
    sign = np.where(np.asarray(pc.equal(parts.field("sign"), "-").to_numpy(zero_copy_only=False)), -1, 1)
    hh, mm, ss = (_int(parts.field(k)) for k in ("hh", "mm", "ss"))
    ff = _int(pc.utf8_rpad(parts.field("ff"), width=6, padding="0"))
    return sign * (hh * 3600 * _US_PER_S + mm * 60 * _US_PER_S + ss * _US_PER_S + ff)


_CANON = {
    "Y": r"(?:000[1-9]|00[1-9]\d|0[1-9]\d\d|[1-9]\d\d\d)",
    "m": r"(?:0[1-9]|1[0-2])",
    "d": r"(?:0[1-9]|[12]\d|3[01])",
    "H": r"(?:[01]\d|2[0-3])",
    "I": r"(?:0[1-9]|1[0-2])",
    "M": r"[0-5]\d",
    "S": r"[0-5]\d",
    "p": r"(?:[AaPp][Mm])",
    "b": r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
}


def _canonical(fmt: str, ftype: str) -> tuple[str, str] | None:
    """(regex, arrow format) of the zero-padded canonical spelling of ``fmt``, or None if not eligible.

    Canonical strings are parsed by Arrow's strptime, whose result equals Python's for them (calendar
    overflow such as Feb 30 is caught separately); everything else takes the exact path.
    """
    tokens = re.findall(r"%.|\s+|[^%\s]+", fmt)
    out, arrow = [], []
    directives = set()
    for t in tokens:
        if t.startswith("%"):
            d = t[1]
            if d not in _CANON:
                return None
            directives.add(d)
            out.append(_CANON[d])
            arrow.append(t)
        elif t.isspace():
            out.append(" ")
            arrow.append(" ")
        else:
            out.append(re.escape(t))
            arrow.append(t)
    if "I" in directives and "p" not in directives:
        return None
    has_date = {"Y", "d"} <= directives and bool(directives & {"m", "b"})
    if not has_date and (ftype != "time" or directives & {"Y", "m", "d", "b"}):
        return None
    return "^" + "".join(out) + "$", "".join(arrow)


_WIDTH = {"Y": 4, "m": 2, "d": 2, "H": 2, "I": 2, "M": 2, "S": 2, "p": 2, "b": 3}


def _day_offset(fmt: str) -> int:
    """Offset of the %d digits in the canonical (fixed-width) spelling of ``fmt``."""
    off = 0
    for t in re.findall(r"%.|\s+|[^%\s]+", fmt):
        if t == "%d":
            return off
        off += _WIDTH[t[1]] if t.startswith("%") else (1 if t.isspace() else len(t))
    raise SchemaError("format has no %d")


def _scatter(parts: list[tuple[np.ndarray, _Temporal]], n: int) -> _Temporal:
    ok = np.zeros(n, dtype=bool)
    days = np.zeros(n, dtype=np.int64)
    micros = np.zeros(n, dtype=np.int64)
    offset = None
    if any(t.offset_us is not None for _, t in parts):
        offset = np.zeros(n, dtype=np.int64)
    for pos, t in parts:
        ok[pos], days[pos], micros[pos] = t.ok, t.days, t.micros
        if offset is not None and t.offset_us is not None:
            offset[pos] = t.offset_us
    return _Temporal(ok, days, micros, offset)


FAST_MIN_ROWS = 1024  # below this, temporal values all take the exact path


def _parse_temporal(values: pa.Array, fmt: str, ftype: str, exact: Any) -> _Temporal:
    """Canonical values through Arrow's strptime, the rest through ``exact`` (Python's grammar)."""
    canon = _canonical(fmt, ftype)
    n = len(values)
    if canon is None or n < FAST_MIN_ROWS:
        return exact(values)
    rx, arrow_fmt = canon
    is_canon = _np_bool(pc.match_substring_regex(values, pattern=rx))
    if not is_canon.any():
        return exact(values)
    pos = np.flatnonzero(is_canon)
    sub = values.take(pa.array(pos)) if len(pos) < n else values
    ts = pc.strptime(sub, format=arrow_fmt, unit="us", error_is_null=True)
    ok = ~np.asarray(pc.is_null(ts).to_numpy(zero_copy_only=False), dtype=bool)
    if "%d" in fmt:  # Arrow rolls Feb 30 over to Mar 1..3: compare the day digits where it could have
        suspect = ok & ~_np_bool(pc.greater(pc.day(ts), 3))
        off = _day_offset(fmt)
        if suspect.any():
            spos = np.flatnonzero(suspect)
            digits = pc.utf8_slice_codeunits(sub.take(pa.array(spos)), off, off + 2)
            parsed_day = np.asarray(pc.day(ts.take(pa.array(spos))).to_numpy(zero_copy_only=False))
            ok[spos] = _int(digits) == parsed_day
    us = np.asarray(pc.fill_null(ts.cast(pa.int64()), 0).to_numpy(zero_copy_only=False), dtype=np.int64)
    day_us = 86400 * _US_PER_S
    fast = _Temporal(np.ones(int(ok.sum()), dtype=bool), (us // day_us)[ok], (us % day_us)[ok], None)
    fast_pos = pos[ok]
    rest = np.ones(n, dtype=bool)
    rest[fast_pos] = False
    rest_pos = np.flatnonzero(rest)
    parts = [(fast_pos, fast)]
    if len(rest_pos):
        parts.append((rest_pos, exact(values.take(pa.array(rest_pos)))))
    return _scatter(parts, n)


def _parse_strptime(values: pa.Array, fmt: str, ftype: str = "datetime") -> _Temporal:
    """Vectorized ``datetime.strptime(value, fmt)`` (fast path for canonical spellings)."""
    return _parse_temporal(values, fmt, ftype, lambda v: _parse_strptime_exact(v, fmt))


def _parse_strptime_exact(values: pa.Array, fmt: str) -> _Temporal:
    """Vectorized ``datetime.strptime(value, fmt)``: same grammar, same range checks."""
    pattern, directives = _strptime_regex(fmt)
    n = len(values)
    if not directives <= _SUPPORTED or not _regex_ok("(?i)^(?:" + pattern + r")\z"):
        return _parse_python(values, lambda s: datetime.strptime(s, fmt))
    ex = pc.extract_regex(values, pattern="(?i)^(?:" + pattern + r")\z")
    ok = ~np.asarray(pc.is_null(ex).to_numpy(zero_copy_only=False), dtype=bool)

    def grp(name: str) -> pa.Array:
        return ex.field(name)

    year = np.full(n, 1900, dtype=np.int64)
    if "Y" in directives:
        year = _int(grp("Y"))
    elif "y" in directives:
        yy = _int(grp("y"))
        year = np.where(yy <= 68, yy + 2000, yy + 1900)
    month = np.ones(n, dtype=np.int64)
    if "m" in directives:
        month = _int(grp("m"))
    elif "b" in directives or "B" in directives:
        key, table = ("b", _MONTHS) if "b" in directives else ("B", _MONTHS_FULL)
        names = pa.array(list(table.keys()))
        idx = pc.index_in(pc.utf8_lower(grp(key)), value_set=names)
        nums = np.array(list(table.values()), dtype=np.int64)
        month = nums[np.asarray(pc.fill_null(idx, 0).to_numpy(zero_copy_only=False), dtype=np.int64)]
    day = np.ones(n, dtype=np.int64)
    if "d" in directives:
        day = _int(grp("d"))
    hour = np.zeros(n, dtype=np.int64)
    if "H" in directives:
        hour = _int(grp("H"))
    elif "I" in directives:
        hour = _int(grp("I"))
        if "p" in directives:
            pm = np.asarray(
                pc.equal(pc.utf8_lower(pc.fill_null(grp("p"), "")), "pm").to_numpy(zero_copy_only=False),
                dtype=bool,
            )
            hour = np.where(pm, np.where(hour == 12, 12, hour + 12), np.where(hour == 12, 0, hour))
        else:
            hour = np.where(hour == 12, 0, hour)
    minute = _int(grp("M")) if "M" in directives else np.zeros(n, dtype=np.int64)
    second = _int(grp("S")) if "S" in directives else np.zeros(n, dtype=np.int64)
    micro = np.zeros(n, dtype=np.int64)
    if "f" in directives:
        micro = _int(pc.utf8_rpad(grp("f"), width=6, padding="0"))
    offset = _parse_offsets(grp("z")) if "z" in directives else None
    ok &= _valid_ymd(year, month, day) & (second <= 59)
    if offset is not None:
        ok &= np.abs(offset) < 24 * 3600 * _US_PER_S
    days = _days_from_civil(np.where(ok, year, 1970), np.where(ok, month, 1), np.where(ok, day, 1))
    micros = ((hour * 60 + minute) * 60 + second) * _US_PER_S + micro
    return _Temporal(ok, days, micros, offset)


def _parse_python(values: pa.Array, parse: Any) -> _Temporal:
    """Fallback: parse each *distinct* value in Python (exotic formats, ``format: any``)."""
    enc = pc.dictionary_encode(values)
    uniq = enc.dictionary.to_pylist()
    idx = np.asarray(pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    u_ok = np.zeros(len(uniq) + 1, dtype=bool)
    u_days = np.zeros(len(uniq) + 1, dtype=np.int64)
    u_micros = np.zeros(len(uniq) + 1, dtype=np.int64)
    u_off = np.zeros(len(uniq) + 1, dtype=np.int64)
    has_tz = False
    epoch = datetime(1970, 1, 1).date()
    for i, s in enumerate(uniq):
        try:
            dt = parse(s)
        except Exception:
            continue
        if isinstance(dt, datetime):
            u_days[i] = (dt.date() - epoch).days
            u_micros[i] = ((dt.hour * 60 + dt.minute) * 60 + dt.second) * _US_PER_S + dt.microsecond
            off = dt.utcoffset()
            if off is not None:
                has_tz = True
                u_off[i] = int(off.total_seconds() * _US_PER_S)
        else:  # a date
            u_days[i] = (dt - epoch).days
        u_ok[i] = True
    return _Temporal(u_ok[idx], u_days[idx], u_micros[idx], u_off[idx] if has_tz else None)


# ISO grammars accepted by frictionless' defaults (dateutil isoparse behind a length guard)
_ISO_DT = (
    r"^(?P<Y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}).(?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2})"
    r"(?:[.,](?P<f>\d+))?(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?$"
)


_ISO_T = r"^(?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2})(?:[.,](?P<f>\d+))?(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?$"


def _parse_iso(values: pa.Array, with_date: bool) -> _Temporal:
    n = len(values)
    ex = pc.extract_regex(values, pattern=_ISO_DT if with_date else _ISO_T)
    ok = ~np.asarray(pc.is_null(ex).to_numpy(zero_copy_only=False), dtype=bool)
    if with_date:
        year, month, day = (_int(ex.field(k)) for k in ("Y", "m", "d"))
    else:
        year, month, day = np.full(n, 2000), np.ones(n, dtype=np.int64), np.ones(n, dtype=np.int64)
    hour, minute, second = (_int(ex.field(k)) for k in ("H", "M", "S"))
    micro = _int(pc.utf8_rpad(pc.utf8_slice_codeunits(ex.field("f"), 0, 6), width=6, padding="0"))
    # dateutil accepts 24:00:00(.0) as midnight of the next day
    midnight24 = (hour == 24) & (minute == 0) & (second == 0) & (micro == 0)
    ok &= _valid_ymd(year, month, day) & ((hour <= 23) | midnight24) & (minute <= 59) & (second <= 59)
    zs = pc.fill_null(ex.field("z"), "")
    zok_arr = pc.match_substring_regex(zs, pattern=r"^(|Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)$")
    ok &= _np_bool(zok_arr)
    days = _days_from_civil(np.where(ok, year, 1970), np.where(ok, month, 1), np.where(ok, day, 1))
    days = days + midnight24
    hour = np.where(midnight24, 0, hour)
    micros = ((hour * 60 + minute) * 60 + second) * _US_PER_S + micro
    zstr = pc.if_else(pc.equal(zs, "Z"), "+00:00", zs)
    has_z = _np_bool(pc.not_equal(zs, ""))
    offset = _parse_offsets(zstr) if has_z.any() else None
    return _Temporal(ok, days, micros, offset)


def _temporal_to_arrow(t: _Temporal, ftype: str) -> pa.Array:
    mask = ~t.ok
    if ftype == "date":
        return pa.array(t.days.astype(np.int32), mask=mask, type=pa.int32()).cast(pa.date32())
    if ftype == "time":
        return pa.array(t.micros, mask=mask, type=pa.int64()).cast(pa.time64("us"))
    ts = t.days * 86400 * _US_PER_S + t.micros
    if t.offset_us is not None:
        ts = ts - t.offset_us
        return pa.array(ts, mask=mask, type=pa.int64()).cast(pa.timestamp("us", tz="UTC"))
    return pa.array(ts, mask=mask, type=pa.int64()).cast(pa.timestamp("us"))


