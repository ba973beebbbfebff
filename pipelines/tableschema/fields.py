"""One field's cells: typed values, missing values and constraints, evaluated per distinct value when few."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from dateutil import parser as du

from pipelines.tableschema.arrays import _as_array, _int, _mask_null, _np_bool, _regex_ok
from pipelines.tableschema.keys import _codes
from pipelines.tableschema.report import SchemaError
from pipelines.tableschema.temporal import (
    _parse_iso,
    _parse_python,
    _parse_strptime,
    _parse_temporal,
    _temporal_to_arrow,
)

TYPES = ("string", "integer", "number", "boolean", "date", "datetime", "time", "year", "yearmonth", "any")


DEFAULT_TRUE = ["true", "True", "TRUE", "1"]


DEFAULT_FALSE = ["false", "False", "FALSE", "0"]


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


def _parse_field(values: pa.Array, fdesc: Mapping[str, Any]) -> _Parsed:
    """Parse a string array (nulls = missing) by a field descriptor. Vectorized except documented fallbacks."""
    ftype = str(fdesc.get("type") or "any")
    if ftype == "any":
        return _Parsed(values, np.zeros(len(values), dtype=bool))
    parse = _PARSERS.get(ftype)
    if parse is None:
        raise SchemaError(f"unsupported field type {ftype!r}")
    present = ~np.asarray(pc.is_null(values).to_numpy(zero_copy_only=False), dtype=bool)
    return parse(values, fdesc, ftype, _fmt(fdesc), present)


def _parse_string(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
    n = len(values)
    if fmt in ("default", "any", "binary", "wkt"):
        return _Parsed(values, np.zeros(n, dtype=bool))
    pat = {"uuid": _UUID_RE, "email": _EMAIL_RE, "uri": _URI_RE}.get(fmt)
    if pat is None:
        raise SchemaError(f"unsupported string format {fmt!r}")
    ok = _np_bool(pc.match_substring_regex(values, pattern=pat))
    bad = present & ~ok
    return _Parsed(_mask_null(values, bad), bad)


def _parse_integer(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
    n = len(values)
    if fdesc.get("bareNumber") is not False:
        lens = pc.binary_length(values)
        canon = _np_bool(pc.and_(pc.ascii_is_decimal(values), pc.less_equal(lens, 18))) | ~present
        if canon.all():
            typed = pc.cast(_mask_null(values, ~canon | ~present), pa.int64())
            return _Parsed(typed, np.zeros(n, dtype=bool))
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


def _parse_number(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
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


def _parse_boolean(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
    tv = [str(v) for v in fdesc.get("trueValues", DEFAULT_TRUE)]
    fv = [str(v) for v in fdesc.get("falseValues", DEFAULT_FALSE)]
    is_t = _np_bool(pc.is_in(values, value_set=pa.array(tv, pa.string())))
    is_f = _np_bool(pc.is_in(values, value_set=pa.array(fv, pa.string())))
    ok = is_t | is_f
    typed = pa.array(is_t, mask=~ok, type=pa.bool_())
    bad = present & ~ok
    return _Parsed(typed, bad)


def _parse_temporal_field(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
    if fmt == "any":
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


def _parse_year(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
    lens = np.asarray(pc.fill_null(pc.utf8_length(values), 0).to_numpy(zero_copy_only=False))
    ok = _np_bool(pc.match_substring_regex(values, pattern=r"^\s*\+?\d(?:_?\d)*\s*$|^\s*-0+\s*$")) & (
        lens == 4
    )
    clean = _mask_null(pc.replace_substring_regex(values, pattern=r"[\s_+]", replacement=""), ~ok)
    typed = pc.cast(clean, pa.int64())
    bad = present & ~ok
    return _Parsed(typed, bad)


def _parse_yearmonth(values: pa.Array, fdesc: Mapping[str, Any], ftype: str, fmt: str, present: np.ndarray) -> _Parsed:
    intp = r"\s*\+?\d(?:_?\d)*\s*"
    ex = pc.extract_regex(values, pattern=f"^(?P<y>{intp})-(?P<m>{intp})$")
    ok = ~np.asarray(pc.is_null(ex).to_numpy(zero_copy_only=False), dtype=bool)
    y = _int(pc.replace_substring_regex(ex.field("y"), pattern=r"[\s_+]", replacement=""))
    m = _int(pc.replace_substring_regex(ex.field("m"), pattern=r"[\s_+]", replacement=""))
    ok &= (m >= 1) & (m <= 12)
    typed = pa.array(y * 12 + (m - 1), mask=~ok, type=pa.int64())
    bad = present & ~ok
    return _Parsed(typed, bad)


_PARSERS = {
    "string": _parse_string,
    "integer": _parse_integer,
    "number": _parse_number,
    "boolean": _parse_boolean,
    "date": _parse_temporal_field,
    "datetime": _parse_temporal_field,
    "time": _parse_temporal_field,
    "year": _parse_year,
    "yearmonth": _parse_yearmonth,
}


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


