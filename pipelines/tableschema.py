"""Columnar Table Schema validator on Arrow tables, with PII-safe reports.

Implements the Frictionless Table Schema semantics that matter for agency exports, vectorized with
``pyarrow.compute`` and numpy (no per-row Python loop on the hot path):

- types ``string`` (formats default/email/uri/uuid), ``integer``, ``number``, ``boolean``, ``date``,
  ``datetime``, ``time``, ``year``, ``yearmonth``, ``any``; formats ``default`` / ``any`` / strftime
  patterns (parsed with the same grammar as Python's ``datetime.strptime``, which frictionless uses);
- ``missingValues`` (schema level, field level override; default ``[""]``);
- constraints ``required``, ``unique``, ``enum``, ``pattern``, ``minimum``, ``maximum``,
  ``exclusiveMinimum``, ``exclusiveMaximum``, ``minLength``, ``maxLength``;
- ``primaryKey`` and ``foreignKeys`` (to reference tables passed in, or to the table itself).

Error codes are frictionless': ``type-error``, ``constraint-error``, ``unique-error``, ``primary-key``,
``foreign-key``. A report never contains a cell value: only codes, row numbers, field names and notes that
name the violated rule.

Known differences from frictionless (documented, tested where they matter): digits and spaces are ASCII
only (Python's regexes also accept other Unicode digits); integers beyond int64 are type errors; numbers
are compared as float64 (frictionless uses Decimal); ``format: any`` for dates and the string formats
email/uri are checked per distinct value in Python rather than vectorized.
"""

from __future__ import annotations

import _strptime
import calendar
import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

log = logging.getLogger(__name__)

TYPES = ("string", "integer", "number", "boolean", "date", "datetime", "time", "year", "yearmonth", "any")
DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
DEFAULT_FALSE = ["false", "False", "FALSE", "0"]
_US_PER_S = 1_000_000


class SchemaError(ValueError):
    """The schema descriptor itself is invalid or uses something this validator does not support."""


@dataclass(frozen=True)
class CellError:
    """One validation error. ``note`` names the rule (type/format or constraint), never a value."""

    code: str
    row: int
    field: str | None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict."""
        return {"code": self.code, "row": self.row, "field": self.field, "note": self.note}


@dataclass
class ValidationReport:
    """All errors found in a table, plus PII-safe views of them."""

    errors: list[CellError]
    rows_checked: int
    fields: list[str] = field(default_factory=list)

    def valid(self) -> bool:
        """True when no error was found."""
        return not self.errors

    def error_rows(self) -> set[int]:
        """Row numbers with at least one error."""
        return {e.row for e in self.errors}

    def row_reasons(self) -> dict[int, list[str]]:
        """Row number -> ``["type-error:field", ...]`` (for quarantine files)."""
        out: dict[int, list[str]] = {}
        for e in self.errors:
            out.setdefault(e.row, []).append(f"{e.code}:{e.field}" if e.field else e.code)
        return out

    def summary(self, max_rows: int = 20) -> dict[str, Any]:
        """Counts by code, by field and by code+field, and the first row numbers. PII-safe by construction."""
        by_code = Counter(e.code for e in self.errors)
        by_field = Counter(e.field for e in self.errors if e.field)
        by_pair = Counter(f"{e.code}:{e.field}" if e.field else e.code for e in self.errors)
        rows = sorted(self.error_rows())
        return {
            "valid": self.valid(),
            "rows_checked": self.rows_checked,
            "error_count": len(self.errors),
            "error_rows": len(rows),
            "by_code": dict(sorted(by_code.items())),
            "by_field": dict(sorted(by_field.items())),
            "by_code_field": dict(sorted(by_pair.items())),
            "first_rows": rows[:max_rows],
        }

    def to_dict(self, max_errors: int | None = None) -> dict[str, Any]:
        """Summary plus the (optionally capped) error list, JSON-ready."""
        errs = self.errors if max_errors is None else self.errors[:max_errors]
        return {"summary": self.summary(), "errors": [e.to_dict() for e in errs]}

    def __repr__(self) -> str:
        return f"ValidationReport(rows_checked={self.rows_checked}, errors={len(self.errors)})"


# ---------------------------------------------------------------------------------------------- helpers


def _np_bool(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Arrow boolean (nulls -> False) to a numpy bool array."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = pc.fill_null(arr, False)
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=bool)


def _as_array(col: Any) -> pa.Array:
    if isinstance(col, pa.ChunkedArray):
        return col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
    return col


def _mask_null(arr: pa.Array, mask: np.ndarray) -> pa.Array:
    """Set positions where mask is True to null."""
    if not mask.any():
        return arr
    return pc.if_else(pa.array(mask), pa.nulls(len(arr), arr.type), arr)


def _int(arr: pa.Array) -> np.ndarray:
    """String digits (may be null/empty) -> int64 numpy, nulls as 0."""
    arr = pc.if_else(pc.equal(pc.fill_null(arr, ""), ""), "0", arr)
    arr = pc.replace_substring_regex(pc.utf8_trim_whitespace(arr), pattern=r"^\+", replacement="")
    return np.asarray(pc.cast(arr, pa.int64()).to_numpy(zero_copy_only=False), dtype=np.int64)


def _regex_ok(pattern: str) -> bool:
    try:
        pc.match_substring_regex(pa.array([""], pa.string()), pattern=pattern)
        return True
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False


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


# ---------------------------------------------------------------------------------------------- strptime


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


# ---------------------------------------------------------------------------------------------- field parsing


_INT_RE = r"^\s*[+-]?\d(?:_?\d)*\s*$"
_NUM_RE = (
    r"(?i)^\s*(?:[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:e[+-]?\d(?:_?\d)*)?"
    r"|inf|infinity|s?nan\d*))\s*$"
)
_UUID_RE = r"(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$"
_EMAIL_RE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_URI_RE = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"


@dataclass
class _Parsed:
    typed: pa.Array  # typed values, null where missing or invalid
    bad: np.ndarray  # True where a non-missing cell fails the type/format


def _fmt(fdesc: Mapping[str, Any]) -> str:
    return str(fdesc.get("format") or "default")


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


def _parse_field(values: pa.Array, fdesc: Mapping[str, Any]) -> _Parsed:
    """Parse a string array (nulls = missing) by a field descriptor. Vectorized except documented fallbacks."""
    ftype = str(fdesc.get("type") or "any")
    fmt = _fmt(fdesc)
    present = ~np.asarray(pc.is_null(values).to_numpy(zero_copy_only=False), dtype=bool)
    n = len(values)
    if ftype in ("any",):
        return _Parsed(values, np.zeros(n, dtype=bool))
    if ftype == "string":
        if fmt in ("default", "any", "binary", "wkt"):
            return _Parsed(values, np.zeros(n, dtype=bool))
        pat = {"uuid": _UUID_RE, "email": _EMAIL_RE, "uri": _URI_RE}.get(fmt)
        if pat is None:
            raise SchemaError(f"unsupported string format {fmt!r}")
        ok = _np_bool(pc.match_substring_regex(values, pattern=pat))
        bad = present & ~ok
        return _Parsed(_mask_null(values, bad), bad)
    if ftype == "integer" and fdesc.get("bareNumber") is not False:
        lens = pc.binary_length(values)
        canon = _np_bool(pc.and_(pc.ascii_is_decimal(values), pc.less_equal(lens, 18))) | ~present
        if canon.all():
            typed = pc.cast(_mask_null(values, ~canon | ~present), pa.int64())
            return _Parsed(typed, np.zeros(n, dtype=bool))
    if ftype == "integer":
        s = values
        if fdesc.get("bareNumber") is False:
            s = pc.replace_substring_regex(s, pattern=r"((^[^-\d]*)|(\D*$))", replacement="")
        ok = _np_bool(pc.match_substring_regex(s, pattern=_INT_RE))
        clean = pc.replace_substring_regex(pc.utf8_trim_whitespace(s), pattern=r"_|^\+", replacement="")
        clean = _mask_null(clean, ~ok)
        try:
            typed = pc.cast(clean, pa.int64())
        except pa.ArrowInvalid:  # out of int64 range: treat as type errors
            big = _np_bool(pc.greater(pc.utf8_length(pc.replace_substring_regex(clean, r"^[+-]?0*", "")), 18))
            ok &= ~big
            typed = pc.cast(_mask_null(clean, big), pa.int64())
        bad = present & ~ok
        return _Parsed(typed, bad)
    if ftype == "number":
        s = values
        group = fdesc.get("groupChar")
        dec = fdesc.get("decimalChar")
        if fdesc.get("bareNumber") is False or group is not None or dec is not None:
            s = pc.utf8_trim_whitespace(s)
            if fdesc.get("bareNumber") is False:
                s = pc.replace_substring_regex(s, pattern=r"((^[^-\d]*)|(\D*$))", replacement="")
            if group:
                s = pc.replace_substring(s, pattern=str(group), replacement="")
            if dec and dec != ".":
                has_dot = _np_bool(pc.match_substring(s, "."))
                s = _mask_null(pc.replace_substring(s, pattern=str(dec), replacement="."), has_dot)
        ok = _np_bool(pc.match_substring_regex(s, pattern=_NUM_RE))
        try:
            return _Parsed(pc.cast(_mask_null(s, ~ok), pa.float64()), present & ~ok)
        except pa.ArrowInvalid:
            pass  # spaces, underscores, sNaN...: clean first
        clean = pc.replace_substring_regex(pc.utf8_trim_whitespace(s), pattern="_", replacement="")
        clean = pc.replace_substring_regex(clean, pattern=r"(?i)^([+-]?)s?nan\d*$", replacement="nan")
        clean = _mask_null(clean, ~ok)
        typed = pc.cast(clean, pa.float64())
        bad = present & ~ok
        return _Parsed(typed, bad)
    if ftype == "boolean":
        tv = [str(v) for v in fdesc.get("trueValues", DEFAULT_TRUE)]
        fv = [str(v) for v in fdesc.get("falseValues", DEFAULT_FALSE)]
        is_t = _np_bool(pc.is_in(values, value_set=pa.array(tv, pa.string())))
        is_f = _np_bool(pc.is_in(values, value_set=pa.array(fv, pa.string())))
        ok = is_t | is_f
        typed = pa.array(is_t, mask=~ok, type=pa.bool_())
        bad = present & ~ok
        return _Parsed(typed, bad)
    if ftype in ("date", "datetime", "time"):
        if fmt == "any":
            from dateutil import parser as du

            def conv(s: str) -> Any:
                dt = du.parse(s)
                return dt.date() if ftype == "date" else dt

            t = _parse_python(values, conv)
        elif fmt == "default":
            if ftype == "date":
                t = _parse_strptime(values, "%Y-%m-%d", ftype)
            elif ftype == "datetime":
                t = _parse_temporal(values, "%Y-%m-%dT%H:%M:%S", ftype, lambda v: _parse_iso(v, True))
            else:
                t = _parse_temporal(values, "%H:%M:%S", ftype, lambda v: _parse_iso(v, False))
        else:
            t = _parse_strptime(values, fmt, ftype)
        t.ok &= present
        bad = present & ~t.ok
        return _Parsed(_temporal_to_arrow(t, ftype), bad)
    if ftype == "year":
        lens = np.asarray(pc.fill_null(pc.utf8_length(values), 0).to_numpy(zero_copy_only=False))
        ok = _np_bool(pc.match_substring_regex(values, pattern=r"^\s*\+?\d(?:_?\d)*\s*$|^\s*-0+\s*$")) & (
            lens == 4
        )
        clean = _mask_null(pc.replace_substring_regex(values, pattern=r"[\s_+]", replacement=""), ~ok)
        typed = pc.cast(clean, pa.int64())
        bad = present & ~ok
        return _Parsed(typed, bad)
    if ftype == "yearmonth":
        intp = r"\s*\+?\d(?:_?\d)*\s*"
        ex = pc.extract_regex(values, pattern=f"^(?P<y>{intp})-(?P<m>{intp})$")
        ok = ~np.asarray(pc.is_null(ex).to_numpy(zero_copy_only=False), dtype=bool)
        y = _int(pc.replace_substring_regex(ex.field("y"), pattern=r"[\s_+]", replacement=""))
        m = _int(pc.replace_substring_regex(ex.field("m"), pattern=r"[\s_+]", replacement=""))
        ok &= (m >= 1) & (m <= 12)
        typed = pa.array(y * 12 + (m - 1), mask=~ok, type=pa.int64())
        bad = present & ~ok
        return _Parsed(typed, bad)
    raise SchemaError(f"unsupported field type {ftype!r}")


def _parse_constants(values: Sequence[Any], fdesc: Mapping[str, Any]) -> pa.Array:
    """Parse constraint values (enum / minimum ...) with the field's own reader, as frictionless does."""
    ftype = str(fdesc.get("type") or "any")
    if ftype == "boolean" and all(isinstance(v, bool) for v in values):
        return pa.array(values, pa.bool_())
    strs = ["true" if v is True else "false" if v is False else str(v) for v in values]
    if ftype == "integer" and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return pa.array(values, pa.int64())
    if ftype == "number" and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return pa.array([float(v) for v in values], pa.float64())
    return _parse_field(pa.array(strs, pa.string()), fdesc).typed


# ---------------------------------------------------------------------------------------------- keys


def _codes(arrays: Sequence[pa.Array]) -> tuple[np.ndarray, np.ndarray]:
    """Dense integer codes for the tuple of arrays (nulls are a value). Returns (codes, all_null mask)."""
    n = len(arrays[0])
    if len(arrays) == 1:
        arr = _as_array(arrays[0])
        t = arr.type
        if pa.types.is_integer(t) or pa.types.is_temporal(t) or pa.types.is_floating(t):
            nulls = np.asarray(pc.is_null(arr).to_numpy(zero_copy_only=False), dtype=bool)
            if pa.types.is_floating(t):
                vals = (
                    np.asarray(pc.fill_null(arr, 0.0).to_numpy(zero_copy_only=False), dtype=np.float64) + 0.0
                )
                vals = vals.view(np.int64)
            else:
                vals = np.asarray(
                    pc.fill_null(arr.cast(pa.int64()), 0).to_numpy(zero_copy_only=False), dtype=np.int64
                )
            # codes need not be dense: only equality matters to callers
            return np.where(nulls, np.iinfo(np.int64).min, vals), nulls
    key = np.zeros(n, dtype=np.int64)
    all_null = np.ones(n, dtype=bool)
    for arr in arrays:
        enc = pc.dictionary_encode(arr, null_encoding="encode")
        idx = np.asarray(enc.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        card = len(enc.dictionary) + 1
        all_null &= np.asarray(pc.is_null(arr).to_numpy(zero_copy_only=False), dtype=bool)
        key = key * card + idx
        _, key = np.unique(key, return_inverse=True)
        key = key.astype(np.int64)
    return key, all_null


def _duplicates(codes: np.ndarray, consider: np.ndarray) -> np.ndarray:
    """True at every occurrence after the first of a code (only positions where consider is True)."""
    dup = np.zeros(len(codes), dtype=bool)
    pos = np.flatnonzero(consider)
    if len(pos) == 0:
        return dup
    _, first = np.unique(codes[pos], return_index=True)
    mark = np.ones(len(pos), dtype=bool)
    mark[first] = False
    dup[pos[mark]] = True
    return dup


_NULL_HASH = np.uint64(0x9E3779B97F4A7C15)


def _mix64(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finalizer, element-wise on uint64 (wrapping arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _value_hashes(typed: pa.Array) -> np.ndarray:
    """A 64-bit hash per typed cell; equal values (as `_codes` compares them) hash equal, nulls to one constant.
    The same value hashes the same in every batch and every process (no per-process salt)."""
    import pandas as pd

    t = typed.type
    nulls = _np_bool(pc.is_null(typed))
    if pa.types.is_boolean(t):
        typed, t = typed.cast(pa.int64()), pa.int64()
    if pa.types.is_integer(t) or pa.types.is_temporal(t) or pa.types.is_floating(t):
        h = _mix64(_codes([typed])[0].view(np.uint64))
    else:
        if not (pa.types.is_string(t) or pa.types.is_large_string(t)):
            try:
                typed = pc.cast(typed, pa.string())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                typed = pa.array([None if v is None else repr(v) for v in typed.to_pylist()], pa.string())
        h = pd.util.hash_array(np.asarray(typed.to_numpy(zero_copy_only=False), dtype=object), categorize=False)
    return np.where(nulls, _NULL_HASH, h)


class KeyHashes:
    """The primary key and the unique fields of a table seen batch by batch, kept as 64-bit hashes.

    Holding every key value of a large table (and de-duplicating them) is what made key checks the memory peak
    of a streaming validation: 10M string keys took ~1.5 GB. Here each key costs 9 bytes a row. `add` takes
    each batch as `validate` would (string cells); `candidates()` are the positions (0-based, in the order
    added) of the only rows that can break a key: rows whose key hash is shared by another row, and rows whose
    primary key cells are all missing. `validate` on just those rows, with the key schema (see `key_schema`),
    gives exactly the key errors of the whole table: every row equal to a duplicate is among them, in order.
    """

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        fields = _fields(schema)
        pk = _key_list(schema.get("primaryKey"))
        names = {f["name"] for f in fields}
        self.groups: list[tuple[list[str], bool]] = []  # (field names, is the primary key)
        if pk and all(k in names for k in pk):
            self.groups.append((pk, True))
        self.groups += [([f["name"]], False) for f in fields if (f.get("constraints") or {}).get("unique")]
        used = {k for g, _ in self.groups for k in g}
        self.fields = [f for f in fields if f["name"] in used]
        self._hashes: list[list[np.ndarray]] = [[] for _ in self.groups]
        self._consider: list[list[np.ndarray]] = [[] for _ in self.groups]
        self._flag: list[np.ndarray] = []
        self.rows = 0

    @property
    def names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def key_schema(self) -> dict[str, Any]:
        """The schema restricted to the key fields (with the primary key and missing values)."""
        return {
            **{k: v for k, v in self.schema.items() if k in ("primaryKey", "missingValues")},
            "fields": list(self.fields),
        }

    def add(self, table: pa.Table) -> None:
        n = table.num_rows
        typed: dict[str, tuple[pa.Array, np.ndarray, np.ndarray]] = {}
        for f in self.fields:
            raw = _column(table, f["name"])
            missing = _missing_mask(raw, f, self.schema)
            parsed = _parse_field(_mask_null(raw, missing), f)
            typed[f["name"]] = (parsed.typed, missing, parsed.bad)
        flag = np.zeros(n, dtype=bool)
        for gi, (names, is_pk) in enumerate(self.groups):
            h = np.zeros(n, dtype=np.uint64)
            all_null = np.ones(n, dtype=bool)
            for name in names:
                arr = typed[name][0]
                h = _mix64(h * np.uint64(0x100000001B3) + _value_hashes(arr))
                all_null &= _np_bool(pc.is_null(arr))
            if is_pk:
                flag |= all_null
                consider = ~all_null
            else:
                consider = ~typed[names[0]][1] & ~typed[names[0]][2]
                if pa.types.is_floating(typed[names[0]][0].type):
                    consider &= ~_np_bool(pc.is_nan(typed[names[0]][0]))
            self._hashes[gi].append(h)
            self._consider[gi].append(consider)
        self._flag.append(flag)
        self.rows += n

    def candidates(self) -> np.ndarray:
        """Sorted positions of the rows to validate for keys (the hashes are released)."""
        cand = np.concatenate(self._flag) if self._flag else np.zeros(0, dtype=bool)
        self._flag = []
        for gi in range(len(self.groups)):
            h = np.concatenate(self._hashes[gi]) if self._hashes[gi] else np.zeros(0, np.uint64)
            self._hashes[gi] = []
            pos = np.flatnonzero(np.concatenate(self._consider[gi])) if self._consider[gi] else np.zeros(0, np.int64)
            self._consider[gi] = []
            h = h[pos]
            s = np.sort(h)
            shared = np.unique(s[1:][s[1:] == s[:-1]])
            del s
            if len(shared):
                cand[pos[np.isin(h, shared)]] = True
        return np.flatnonzero(cand)


# ---------------------------------------------------------------------------------------------- public API


def _fields(schema: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    fields = schema.get("fields")
    if not isinstance(fields, list):
        raise SchemaError("schema has no fields list")
    for f in fields:
        if not isinstance(f, Mapping) or "name" not in f:
            raise SchemaError("every field needs a name")
        if str(f.get("type") or "any") not in TYPES:
            raise SchemaError(f"unsupported field type {f.get('type')!r} (field {f['name']!r})")
    return fields


def _missing_mask(raw: pa.Array, fdesc: Mapping[str, Any], schema: Mapping[str, Any]) -> np.ndarray:
    mv = fdesc.get("missingValues", schema.get("missingValues", [""]))
    mask = np.asarray(pc.is_null(raw).to_numpy(zero_copy_only=False), dtype=bool)
    mv = [str(v) for v in (mv or [])]
    if len(mv) <= 16:  # equality with a scalar is far faster than is_in on high-cardinality columns
        for v in mv:
            mask |= _np_bool(pc.equal(raw, v))
    else:
        mask |= _np_bool(pc.is_in(raw, value_set=pa.array(mv, pa.string())))
    return mask


def _column(table: pa.Table, name: str) -> pa.Array:
    if name in table.column_names:
        col = _as_array(table.column(name))
        if not pa.types.is_string(col.type):
            col = pc.cast(col, pa.string())
        return col
    return pa.nulls(table.num_rows, pa.string())


@dataclass
class _FieldEval:
    """Per-cell results for one field (numpy masks aligned with the table rows)."""

    typed: pa.Array
    missing: np.ndarray
    bad: np.ndarray
    violations: list[tuple[str, np.ndarray]]  # (constraint name, mask)
    codes: np.ndarray | None = None  # typed identity codes, for unique / keys (null -> -1)


def _eval_values(raw: pa.Array, f: Mapping[str, Any], schema: Mapping[str, Any]) -> _FieldEval:
    """Type and constraint checks (all but unique) on a string array."""
    ftype = str(f.get("type") or "any")
    missing = _missing_mask(raw, f, schema)
    parsed = _parse_field(_mask_null(raw, missing), f)
    arr, bad = parsed.typed, parsed.bad
    name = f["name"]
    checkable = ~bad  # frictionless skips constraints on a cell with a type error
    present = ~missing & checkable
    cons = f.get("constraints") or {}
    out: list[tuple[str, np.ndarray]] = []
    if cons.get("required"):
        out.append(("required", missing & checkable))
    for cname, op in (
        ("minimum", pc.less),
        ("maximum", pc.greater),
        ("exclusiveMinimum", pc.less_equal),
        ("exclusiveMaximum", pc.greater_equal),
    ):
        if cons.get(cname) is None or ftype in ("boolean", "any"):
            continue
        bound = _parse_constants([cons[cname]], f)
        if bound.null_count:
            raise SchemaError(f"constraint {cname!r} of field {name!r} does not parse as {ftype}")
        if (
            pa.types.is_timestamp(arr.type)
            and pa.types.is_timestamp(bound.type)
            and arr.type.tz != bound.type.tz
        ):
            if arr.type.tz is None or bound.type.tz is None:
                raise SchemaError(f"constraint {cname!r} of field {name!r} mixes naive and aware times")
            bound = bound.cast(arr.type)
        viol = _np_bool(op(arr, bound[0]))
        if pa.types.is_floating(arr.type):
            viol |= _np_bool(pc.is_nan(arr))
        out.append((cname, viol & present))
    if ftype == "string":
        if cons.get("minLength") is not None:
            out.append(
                ("minLength", _np_bool(pc.less(pc.utf8_length(arr), int(cons["minLength"]))) & present)
            )
        if cons.get("maxLength") is not None:
            out.append(
                ("maxLength", _np_bool(pc.greater(pc.utf8_length(arr), int(cons["maxLength"]))) & present)
            )
        if cons.get("pattern") is not None:
            out.append(("pattern", ~_pattern_ok(arr, str(cons["pattern"])) & present))
    if cons.get("enum") is not None:
        allowed = _parse_constants(list(cons["enum"]), f).drop_null()
        if len(allowed) <= 16:
            inside = np.zeros(len(arr), dtype=bool)
            for v in allowed:
                inside |= _np_bool(pc.equal(arr, v))
        else:
            inside = _np_bool(pc.is_in(arr, value_set=allowed))
        out.append(("enum", ~inside & present))
    return _FieldEval(arr, missing, bad, out)


# strategy knobs (tests lower them to drive every path on small tables)
DICT_MIN_ROWS = 4096  # below this, evaluate every cell directly
DICT_MAX_RATIO = 0.25  # evaluate per distinct value when distinct/sampled <= this
FAST_MIN_ROWS = 1024  # below this, temporal values all take the exact path


def _low_cardinality(raw: pa.Array) -> bool:
    n = len(raw)
    if n < DICT_MIN_ROWS or n == 0:
        return False
    sample = raw.slice(0, 20_000)
    return len(pc.unique(sample)) <= len(sample) * DICT_MAX_RATIO


def _eval_field(raw: pa.Array, f: Mapping[str, Any], schema: Mapping[str, Any], *, keys: bool) -> _FieldEval:
    """Evaluate a field; low-cardinality columns are evaluated once per distinct value, then expanded."""
    if not _low_cardinality(raw):
        ev = _eval_values(raw, f, schema)
        if keys:
            ev.codes = _codes([ev.typed])[0]
        return ev
    enc = pc.dictionary_encode(raw)
    k = len(enc.dictionary)
    values = pa.concat_arrays([enc.dictionary, pa.nulls(1, pa.string())])
    idx = np.asarray(pc.fill_null(enc.indices, k).to_numpy(zero_copy_only=False), dtype=np.int64)
    ev = _eval_values(values, f, schema)
    out = _FieldEval(
        ev.typed.take(pa.array(idx)),
        ev.missing[idx],
        ev.bad[idx],
        [(c, m[idx]) for c, m in ev.violations],
    )
    if keys:
        out.codes = _codes([ev.typed])[0][idx]
    return out


def _evaluate(
    table: pa.Table, schema: Mapping[str, Any], key_fields: set[str] | None = None
) -> dict[str, _FieldEval]:
    key_fields = key_fields or set()
    out = {}
    for f in _fields(schema):
        raw = _column(table, f["name"])
        cons = f.get("constraints") or {}
        out[f["name"]] = _eval_field(raw, f, schema, keys=bool(cons.get("unique")) or f["name"] in key_fields)
    return out


def cast(table: pa.Table, schema: Mapping[str, Any]) -> pa.Table:
    """Typed Arrow columns per field type (string, int64, float64, bool, date32, timestamp[us], time64,
    year int64, yearmonth as date32 of the month's first day); missing or invalid cells become null."""
    evals = _evaluate(table, schema)
    cols = []
    for f in _fields(schema):
        arr = evals[f["name"]].typed
        if str(f.get("type")) == "yearmonth":
            months = np.asarray(pc.fill_null(arr, 0).to_numpy(zero_copy_only=False), dtype=np.int64)
            y, m = months // 12, months % 12 + 1
            ok = (
                ~np.asarray(pc.is_null(arr).to_numpy(zero_copy_only=False), dtype=bool)
                & (y >= 1)
                & (y <= 9999)
            )
            days = _days_from_civil(
                np.where(ok, y, 1970), np.where(ok, m, 1), np.ones(len(y), dtype=np.int64)
            )
            arr = pa.array(days.astype(np.int32), mask=~ok, type=pa.int32()).cast(pa.date32())
        cols.append(arr)
    return pa.table(cols, names=[f["name"] for f in _fields(schema)])


def _key_list(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def validate(
    table: pa.Table,
    schema: Mapping[str, Any],
    *,
    row_numbers: pa.Array | Sequence[int] | None = None,
    foreign_tables: Mapping[str, pa.Table] | None = None,
) -> ValidationReport:
    """Validate an all-string Arrow table against a Table Schema; return a PII-safe report.

    ``row_numbers`` are the physical row numbers of the table rows (default: 2, 3, ... as if the header
    were row 1). ``foreign_tables`` maps a foreign key's ``reference.resource`` to its table (string or
    typed columns); an empty resource name refers to ``table`` itself.
    Raises :class:`SchemaError` for an unsupported schema.
    """
    n = table.num_rows
    if row_numbers is None:
        rows = np.arange(2, n + 2, dtype=np.int64)
    else:
        rows = np.asarray(
            row_numbers.to_numpy(zero_copy_only=False)
            if isinstance(row_numbers, (pa.Array, pa.ChunkedArray))
            else row_numbers,
            dtype=np.int64,
        )
        if len(rows) != n:
            raise ValueError("row_numbers must have one entry per table row")
    fields = _fields(schema)
    order = {f["name"]: i for i, f in enumerate(fields)}
    pk = _key_list(schema.get("primaryKey"))
    evals = _evaluate(table, schema, key_fields=set(pk))
    found: list[tuple[np.ndarray, str, str | None, str, int]] = []  # (mask, code, field, note, rank)

    def add(mask: np.ndarray, code: str, fname: str | None, note: str, rank: int) -> None:
        if mask.any():
            found.append((mask, code, fname, note, rank))

    for f in fields:
        name = f["name"]
        ev = evals[name]
        rank = order[name]
        add(ev.bad, "type-error", name, f'type is "{f.get("type") or "any"}/{_fmt(f)}"', rank)
        for cname, mask in ev.violations:
            add(mask, "constraint-error", name, f'constraint "{cname}"', rank)
        if (f.get("constraints") or {}).get("unique") and ev.codes is not None:
            consider = ~ev.missing & ~ev.bad
            if pa.types.is_floating(ev.typed.type):
                consider &= ~_np_bool(pc.is_nan(ev.typed))
            add(_duplicates(ev.codes, consider), "unique-error", name, 'constraint "unique"', rank)
    typed = {name: (ev.typed, ev.missing, ev.bad) for name, ev in evals.items()}
    nfields = len(fields)
    if pk and all(k in typed for k in pk):
        pk_codes = evals[pk[0]].codes if len(pk) == 1 else None
        if pk_codes is not None:
            codes = pk_codes
            all_null = np.asarray(pc.is_null(typed[pk[0]][0]).to_numpy(zero_copy_only=False), dtype=bool)
        else:
            codes, all_null = _codes([typed[k][0] for k in pk])
        label = ",".join(pk)
        add(all_null, "primary-key", label, "primary key cells are all missing", nfields)
        add(_duplicates(codes, ~all_null), "primary-key", label, "duplicate primary key", nfields)
    for i, fk in enumerate(schema.get("foreignKeys") or []):
        fk_fields = fk.get("fields")
        fk_fields = [fk_fields] if isinstance(fk_fields, str) else list(fk_fields or [])
        ref = fk.get("reference") or {}
        ref_name = ref.get("resource") or ""
        ref_fields = ref.get("fields")
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else list(ref_fields or [])
        if len(ref_fields) != len(fk_fields) or not fk_fields:
            raise SchemaError("foreign key fields and reference fields differ in length")
        if not all(k in typed for k in fk_fields):
            continue
        if ref_name:
            if not foreign_tables or ref_name not in foreign_tables:
                raise SchemaError(f"reference table {ref_name!r} for a foreign key was not provided")
            ref_table = foreign_tables[ref_name]
            ref_cols = []
            for own, other in zip(fk_fields, ref_fields, strict=True):
                if other not in ref_table.column_names:
                    raise SchemaError(f"reference table {ref_name!r} has no field {other!r}")
                col = _as_array(ref_table.column(other))
                fdesc = fields[order[own]]
                if pa.types.is_string(col.type):
                    col = _parse_field(_mask_null(col, _missing_mask(col, fdesc, schema)), fdesc).typed
                else:
                    col = pc.cast(col, typed[own][0].type)
                ref_cols.append(col)
        else:
            ref_cols = [typed[k][0] for k in ref_fields]
        own_cols = [typed[k][0] for k in fk_fields]
        m = len(own_cols[0])
        both = [
            pa.concat_arrays([_as_array(a), _as_array(b).cast(a.type)])
            for a, b in zip(own_cols, ref_cols, strict=True)
        ]
        codes, all_null = _codes(both)
        own_codes, own_null = codes[:m], all_null[:m]
        ref_codes = codes[m:][~all_null[m:]]
        viol = ~np.isin(own_codes, ref_codes) & ~own_null
        add(
            viol,
            "foreign-key",
            ",".join(fk_fields),
            f"foreign key {i + 1} not found in reference",
            nfields + 1 + i,
        )

    errors = _materialize(found, rows)
    log.info("validated %d rows: %d errors", n, len(errors))
    return ValidationReport(errors=errors, rows_checked=n, fields=[f["name"] for f in fields])


def _pattern_ok(arr: pa.Array, pattern: str) -> np.ndarray:
    """frictionless: ``re.compile('^' + pattern + '$').match(cell)``."""
    rx = r"^(?:^" + pattern + r"(?:\n?\z))"
    if _regex_ok(rx):
        return _np_bool(pc.match_substring_regex(arr, pattern=rx))
    # RE2 cannot run it (look-around, back-references): check distinct values in Python
    compiled = re.compile(f"^{pattern}$")
    enc = pc.dictionary_encode(arr)
    uniq = enc.dictionary.to_pylist()
    ok_u = np.array([compiled.match(s) is not None for s in uniq] + [False], dtype=bool)
    idx = np.asarray(pc.fill_null(enc.indices, len(uniq)).to_numpy(zero_copy_only=False), dtype=np.int64)
    return ok_u[idx]


def _materialize(
    found: list[tuple[np.ndarray, str, str | None, str, int]], rows: np.ndarray
) -> list[CellError]:
    if not found:
        return []
    pos_l, rank_l, k_l = [], [], []
    for k, (mask, _code, _f, _note, field_rank) in enumerate(found):
        p = np.flatnonzero(mask)
        pos_l.append(p)
        rank_l.append(np.full(len(p), field_rank, dtype=np.int64))
        k_l.append(np.full(len(p), k, dtype=np.int64))
    pos = np.concatenate(pos_l)
    rank = np.concatenate(rank_l)
    kk = np.concatenate(k_l)
    order = np.lexsort((kk, rank, pos))
    out = []
    rows_sel = rows[pos[order]].tolist()
    for r, k in zip(rows_sel, kk[order].tolist(), strict=True):
        _m, code, fname, note, _rank = found[k]
        out.append(CellError(code, r, fname, note))
    return out
