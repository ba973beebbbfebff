"""Apply a source mapping: raw string columns (named by the source contract) -> standardized typed columns.

The mapping language is documented in docs/architecture.md ("Source mapping expressions"). Every problem is
reported per row as a reason code naming the standardized column (`type-error:occurred_at`,
`unmapped-code:subject_race`), never with the value. Vectorized with pandas; no per-row Python on the hot path
except for value maps, which go through a dict lookup on the distinct values only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.errors import OsdError

TRUE_VALUES = {"y", "yes", "true", "t", "1"}
FALSE_VALUES = {"n", "no", "false", "f", "0"}


class MappingError(OsdError):
    """The mapping itself is wrong (unknown source field, unknown op): names the source and column."""

    code = "mapping-error"


@dataclass
class StandardizeResult:
    frame: pd.DataFrame  # standardized columns, in the spec's order; index aligned with the input
    row_reasons: dict[int, list[str]] = field(default_factory=dict)  # input position -> reason codes

    @property
    def bad_positions(self) -> np.ndarray:
        return np.array(sorted(self.row_reasons), dtype=np.int64)


def _norm_key(v: Any) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(v))).strip().casefold()


def _missing_mask(s: pd.Series, missing: set[str]) -> pd.Series:
    stripped = s.str.strip()
    return s.isna() | stripped.eq("") | stripped.isin(missing)


def _combine(df: pd.DataFrame, cols: list[str], sep: str) -> pd.Series:
    parts = [df[c].str.strip().replace("", None) for c in cols]
    out = parts[0].astype("object")
    for p in parts[1:]:
        both = out.notna() & p.notna()
        out = out.where(~both, out.astype(str) + sep + p.astype(str))
        out = out.where(out.notna(), p)
    return out.astype("string")


def _to_datetime(s: pd.Series, fmt: str, utc: bool = False) -> pd.Series:
    """``pd.to_datetime(s, format=fmt, errors="coerce", utc=utc)``, parsing each distinct value once (dates of birth
    repeat ~40 times in a million stops; pandas' own cache gives up when the first values are mostly distinct).

    `utc=True` for values that may carry different UTC offsets (daylight saving time): without it pandas returns
    objects there, and the caller crashed; values without an offset keep their wall-clock time.
    """
    codes, uniq = pd.factorize(s)
    if 2 * len(uniq) > len(s):
        return pd.to_datetime(s, format=fmt, errors="coerce", utc=utc)
    parsed = pd.to_datetime(pd.Series(np.asarray(uniq, dtype=object), dtype=object), format=fmt, errors="coerce",
                            utc=utc)
    if parsed.dtype == object:  # mixed time zones: pandas' own result (and its warning), as it is
        return pd.to_datetime(s, format=fmt, errors="coerce", utc=utc)
    return pd.Series(pd.Index(parsed).take(codes, allow_fill=True, fill_value=pd.NaT), index=s.index, name=s.name)


def _parse_one_format(s: pd.Series, fmt: str | None) -> pd.Series:
    if fmt in ("epoch_ms", "epoch_s"):
        num = pd.to_numeric(s, errors="coerce")
        return pd.to_datetime(num, unit="ms" if fmt == "epoch_ms" else "s", errors="coerce")
    if fmt and fmt not in ("default", "any", "iso"):
        return _to_datetime(s, fmt, utc=True)
    return _to_datetime(s, "ISO8601", utc=True)


def _parse_dates(s: pd.Series, fmt: str | list[str] | None) -> pd.Series:
    """Dates in the first format that fits each value: `format` may list fallbacks, tried in order."""
    formats = fmt if isinstance(fmt, list) else [fmt]
    dt = _parse_one_format(s, formats[0])
    for f in formats[1:]:
        todo = dt.isna() & s.notna()
        if not todo.any():
            break
        more = _parse_one_format(s[todo], f)
        if getattr(more.dt, "tz", None) is not None:
            more = more.dt.tz_convert("UTC").dt.tz_localize(None)
        if getattr(dt.dt, "tz", None) is not None:
            dt = dt.dt.tz_convert("UTC").dt.tz_localize(None)
        dt = dt.astype("datetime64[ns]")
        dt[todo] = more.astype("datetime64[ns]")
    return dt


def row_filter_mask(table: pa.Table, filters: Sequence[Mapping[str, Any]]) -> np.ndarray:
    """Rows kept by a source's `filter` rules (each rule must hold); the rules name contract columns."""
    import pyarrow.compute as pc

    keep = np.ones(table.num_rows, dtype=bool)
    for rule in filters:
        col = pc.utf8_trim_whitespace(table.column(rule["column"]))
        if "in" in rule:
            m = pc.is_in(col, value_set=pa.array([str(v) for v in rule["in"]], pa.string()))
        elif "not_in" in rule:
            m = pc.invert(pc.is_in(col, value_set=pa.array([str(v) for v in rule["not_in"]], pa.string())))
        else:
            m = pc.match_substring_regex(col, pattern=rule["matches"])
        keep &= np.asarray(pc.fill_null(m, "not_in" in rule).to_numpy(zero_copy_only=False), dtype=bool)
    return keep


def _explode(table: pa.Table, rule: Mapping[str, Any]) -> tuple[np.ndarray, list[str | None], list[int]]:
    """(source row index, value, index of the column it came from) of each output row of an `explode` rule."""
    cols = list(rule["columns"])
    sep, keep = rule.get("separator"), rule.get("keep")
    pattern = re.compile(keep) if keep else None
    cells = [table.column(c).to_pylist() for c in cols]
    parents: list[int] = []
    values: list[str | None] = []
    origin: list[int] = []
    for i in range(table.num_rows):
        found: list[tuple[str | None, int]] = []
        for j, col in enumerate(cells):
            v = col[i]
            if v is None:
                continue
            for part in (v.split(sep) if sep else [v]):
                part = part.strip()
                if part and (pattern is None or pattern.search(part)):
                    found.append((part, j))
        for part, j in found or [(None, 0)]:
            parents.append(i)
            values.append(part)
            origin.append(j)
    return np.array(parents, dtype=np.int64), values, origin


def explode_table(table: pa.Table, rule: Mapping[str, Any]) -> tuple[pa.Table, np.ndarray]:
    """The exploded table and the source row index of each output row. Each value stays in the column it came
    from (the others of the group are empty), so a bad value is reported with its own source field; the loader
    reads an unpivoted group through `coalesce` over its columns."""
    parents, values, origin = _explode(table, rule)
    out = table.take(pa.array(parents, pa.int64()))
    for j, c in enumerate(rule["columns"]):
        col = pa.array([v if o == j else None for v, o in zip(values, origin, strict=True)], pa.string())
        out = out.set_column(out.schema.get_field_index(c), c, col)
    return out, parents


def explode_rows(table: pa.Table, rule: Mapping[str, Any]) -> tuple[np.ndarray, list[str | None]]:
    """Apply an `explode` rule: (source row index of each output row, its value)."""
    parents, values, _ = _explode(table, rule)
    return parents, values


def _surrogate(df: pd.DataFrame, kind: str, row_numbers: np.ndarray | None) -> pd.Series:
    """A key for exports without one: the export row number, or the row's content hash plus its occurrence
    (exact duplicate rows are distinct records, e.g. people searched together)."""
    if kind == "row_number":
        nums = row_numbers if row_numbers is not None else np.arange(2, len(df) + 2)
        return pd.Series([str(int(x)) for x in nums], index=df.index, dtype="string")
    hashed = pd.util.hash_pandas_object(df.fillna("\x00"), index=False).astype("uint64")
    occurrence = hashed.groupby(hashed).cumcount()
    return pd.Series([f"{h:016x}-{o}" for h, o in zip(hashed, occurrence, strict=True)], index=df.index,
                     dtype="string")


def _parse(s: pd.Series, typ: str, spec: Mapping[str, Any]) -> tuple[pd.Series, pd.Series]:
    """Return (parsed, failed mask). `s` holds strings or <NA>; failures are non-null inputs that did not parse."""
    fmt = spec.get("format")
    present = s.notna()
    if typ == "string":
        return s.astype("string"), pd.Series(False, index=s.index)
    if typ in ("integer", "number"):
        num = pd.to_numeric(s.str.replace(",", "", regex=False), errors="coerce")
        failed = present & num.isna()
        if typ == "integer":
            # a fraction, or outside int64 (1e23, 2**63 wrapped to -2**63 in the cast): not an integer
            frac = num.notna() & ((num % 1 != 0) | (num.abs() >= 2.0**63))
            failed |= frac
            num = num.where(~frac)
            return num.astype("Int64"), failed
        return num.astype("Float64"), failed
    if typ == "boolean":
        tv = {_norm_key(x) for x in spec.get("true_values", [])} or TRUE_VALUES
        fv = {_norm_key(x) for x in spec.get("false_values", [])} or FALSE_VALUES
        k = s.str.strip().str.casefold()
        out = pd.Series(pd.NA, index=s.index, dtype="boolean")
        out[k.isin(tv).fillna(False)] = True
        out[k.isin(fv).fillna(False)] = False
        return out, present & out.isna()
    if typ in ("date", "datetime"):
        dt = _parse_dates(s, fmt)
        if getattr(dt.dt, "tz", None) is not None:
            dt = dt.dt.tz_convert("UTC").dt.tz_localize(None)
        failed = present & dt.isna()
        if typ == "date":
            dt = dt.dt.normalize()
        return dt, failed
    if typ == "time":
        t = _parse_dates(s, fmt or "%H:%M:%S")
        return t.dt.strftime("%H:%M:%S").astype("string"), present & t.isna()
    raise MappingError(f"unknown type {typ!r}")


def composed(table: pa.Table) -> pa.Table:
    """``table`` with its text in Unicode NFC: "Peña" typed as "n" plus a combining tilde (as files made on a Mac,
    and some records systems, write it) is the same value as "Peña" typed with "ñ", so it maps through the same
    ``map`` entry, counts in the same k-anonymity class and is published in one spelling. Only columns holding a
    character beyond ASCII are rewritten (a vectorized test, then a vectorized normalization)."""
    for i, f in enumerate(table.schema):
        if (pa.types.is_string(f.type) or pa.types.is_large_string(f.type)) and \
                pc.all(pc.string_is_ascii(table.column(i))).as_py() is False:
            table = table.set_column(i, f, pc.utf8_normalize(table.column(i), form="NFC"))
    return table


def _ascii(v: Any) -> bool:
    return str(v).isascii()


def _string_or_arrow(typ: pa.DataType) -> Any:
    """The pandas dtype of a raw column: text straight to pandas' ``string`` (the storage `mode.string_storage`
    says), anything else Arrow-backed. Why: going through ``ArrowDtype(string)`` and then ``astype("string")``
    gives the same column and took ~0.7 CPU-s per 250,000 rows of 28 columns."""
    if pa.types.is_string(typ) or pa.types.is_large_string(typ):
        return pd.StringDtype()
    return pd.ArrowDtype(typ)


def standardize(
    raw: pa.Table | pd.DataFrame,
    mapping: Mapping[str, Mapping[str, Any]],
    types: Mapping[str, str],
    *,
    source_missing: list[str] | None = None,
    source_name: str = "",
    row_numbers: np.ndarray | None = None,
) -> StandardizeResult:
    """Map a raw all-string table onto the standardized columns `types` (name -> Table Schema type)."""
    df = composed(raw).to_pandas(types_mapper=_string_or_arrow) if isinstance(raw, pa.Table) else raw.copy()
    df = df.reset_index(drop=True)
    for c in df.columns:
        df[c] = df[c].astype("string")
        if not isinstance(raw, pa.Table) and not df[c].dropna().map(_ascii).all():  # a frame given in memory
            df[c] = df[c].str.normalize("NFC")
    n = len(df)
    missing_base = set(source_missing or [])
    out: dict[str, pd.Series] = {}
    bad = np.zeros(n, dtype=bool)
    reasons: dict[int, list[str]] = {}

    def flag(mask: pd.Series | np.ndarray, reason: str, origin: pd.Series | None = None) -> None:
        """Mark rows bad; with `origin` (coalesce, an unpivoted group), the reason names the source field the
        value came from: `type-error:force_type[TYPE_OF_FORCE_USED7]`."""
        arr = np.asarray(mask, dtype=bool)
        if arr.any():
            for pos in np.flatnonzero(arr).tolist():
                why = reason if origin is None else f"{reason}[{origin.iat[pos]}]"
                reasons.setdefault(pos, []).append(why)
            bad[arr] = True

    unknown_cols = set(mapping) - set(types)
    if unknown_cols:
        raise MappingError(f"source {source_name!r} maps undeclared standardized column(s): {sorted(unknown_cols)}")

    for col, typ in types.items():
        spec = mapping.get(col)
        if spec is None:
            out[col] = pd.Series(pd.NA, index=df.index, dtype="string")
            out[col], _ = _parse(out[col], typ, {}) if typ != "string" else (out[col], None)
            continue
        s, origin = _source_values(df, spec, col, source_name, missing_base, row_numbers)
        s = s.str.strip().mask(lambda x: x.eq(""))
        for pat, repl in spec.get("replace", []):
            s = s.str.replace(pat, repl, regex=True)
        if "extract" in spec:  # part of the value; no match means no value
            s = _extract(s, spec["extract"])
        if "map" in spec:
            s, missed = _map_codes(s, spec)
            if spec.get("unmapped", "error") == "error":
                flag(missed, f"unmapped-code:{col}", origin)
        if "default" in spec:  # the value when the source has none (after `missing` and `map`)
            s = s.fillna(str(spec["default"])).astype("string")
        parsed, failed = _parse(s, spec.get("parse", typ), spec)
        flag(failed, f"type-error:{col}", origin)
        out[col] = parsed
    frame = pd.DataFrame(out, index=df.index)
    return StandardizeResult(frame=frame, row_reasons=reasons)


def _source_values(df: pd.DataFrame, spec: Mapping[str, Any], col: str, source_name: str, missing_base: set[str],
                   row_numbers: np.ndarray | None) -> tuple[pd.Series, pd.Series | None]:
    """The raw values of one standardized column (a constant, a surrogate key, the first non-missing of
    `coalesce`, or `from` joined) and, for a coalesce over several fields, the field each value came from."""
    origin = None
    if "const" in spec:
        s = pd.Series(str(spec["const"]), index=df.index, dtype="string")
    elif "surrogate" in spec:
        s = _surrogate(df, str(spec["surrogate"]), row_numbers)
    elif "coalesce" in spec:  # the first of these columns that has a value
        cols = list(spec["coalesce"])
        absent = [c for c in cols if c not in df.columns]
        if absent:
            raise MappingError(f"source {source_name!r} column {col!r}: no source field(s) {absent}")
        miss = missing_base | {str(m) for m in spec.get("missing", [])}
        s = pd.Series(pd.NA, index=df.index, dtype="string")
        origin = pd.Series(cols[0], index=df.index, dtype=object) if len(cols) > 1 else None
        for c in cols:
            part = df[c].mask(_missing_mask(df[c], miss)).str.strip().mask(lambda x: x.eq(""))
            if origin is not None:
                origin = origin.mask(s.isna() & part.notna(), c)
            s = s.fillna(part)
    elif "from" in spec:
        cols = spec["from"] if isinstance(spec["from"], list) else [spec["from"]]
        absent = [c for c in cols if c not in df.columns]
        if absent:
            raise MappingError(f"source {source_name!r} column {col!r}: no source field(s) {absent}")
        miss = missing_base | {str(m) for m in spec.get("missing", [])}
        parts = df[cols].copy()
        for c in cols:
            parts[c] = parts[c].mask(_missing_mask(parts[c], miss))
        s = parts[cols[0]] if len(cols) == 1 else _combine(parts, cols, str(spec.get("join", " ")))
    else:
        raise MappingError(f"source {source_name!r} column {col!r}: needs 'from' or 'const'")
    return s, origin


def _extract(s: pd.Series, ex: Any) -> pd.Series:
    """The `extract` pattern's group of each value (a plain pattern: the whole match); no match, no value."""
    pattern, group = (ex, 1) if isinstance(ex, str) else (ex["pattern"], ex.get("group", 1))
    if not re.compile(pattern).groups:
        pattern, group = f"({pattern})", 1
    got = s.str.extract(pattern, expand=True)
    s = (got[group - 1] if isinstance(group, int) else got[group]).astype("string")
    return s.str.strip().mask(lambda x: x.eq(""))


def _map_codes(s: pd.Series, spec: Mapping[str, Any]) -> tuple[pd.Series, np.ndarray]:
    """Codes through the `map` table, each distinct value looked up once (missing cells stay missing); an unmapped
    code is kept (`unmapped: keep`) or emptied, and its rows returned so the caller can flag them."""
    table = {_norm_key(k): (None if v is None else str(v)) for k, v in spec["map"].items()}
    policy = spec.get("unmapped", "error")
    codes, uniq = pd.factorize(s)  # each distinct value looked up once; missing cells (-1) stay missing
    looked = [table.get(_norm_key(u), KeyError) for u in uniq]
    missed = [v is KeyError for v in looked]
    out_u = [(str(u) if policy == "keep" else None) if m else v for u, v, m in zip(uniq, looked, missed, strict=True)]
    mapped = pd.Series(pd.array(out_u, dtype="string").take(codes, allow_fill=True), index=s.index, name=s.name)
    return mapped, np.array(missed + [False], dtype=bool)[codes]
