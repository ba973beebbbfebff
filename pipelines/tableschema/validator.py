"""`validate` and `cast`: a whole Arrow table against a Table Schema, every rule vectorized."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.tableschema.arrays import _as_array, _mask_null, _np_bool
from pipelines.tableschema.fields import _evaluate, _fields, _fmt, _missing_mask, _parse_field
from pipelines.tableschema.keys import _codes, _duplicates, _key_list
from pipelines.tableschema.report import CellError, SchemaError, ValidationReport
from pipelines.tableschema.temporal import _days_from_civil

log = logging.getLogger(__name__)


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
    rows = _row_numbers(row_numbers, n)
    fields = _fields(schema)
    pk = _key_list(schema.get("primaryKey"))
    evals = _evaluate(table, schema, key_fields=set(pk))
    found = _Found()
    _field_errors(found, fields, evals)
    _primary_key_errors(found, pk, evals, len(fields))
    for i, fk in enumerate(schema.get("foreignKeys") or []):
        _foreign_key_errors(found, i, fk, schema, evals, foreign_tables)
    errors = _materialize(found.items, rows)
    log.info("validated %d rows: %d errors", n, len(errors))
    return ValidationReport(errors=errors, rows_checked=n, fields=[f["name"] for f in fields])


def _row_numbers(row_numbers: pa.Array | Sequence[int] | None, n: int) -> np.ndarray:
    if row_numbers is None:
        return np.arange(2, n + 2, dtype=np.int64)
    rows = np.asarray(
        row_numbers.to_numpy(zero_copy_only=False)
        if isinstance(row_numbers, (pa.Array, pa.ChunkedArray))
        else row_numbers,
        dtype=np.int64,
    )
    if len(rows) != n:
        raise ValueError("row_numbers must have one entry per table row")
    return rows


class _Found:
    """The rule violations found, as row masks: (mask, code, field, note, rank of the field in the report)."""

    def __init__(self) -> None:
        self.items: list[tuple[np.ndarray, str, str | None, str, int]] = []

    def add(self, mask: np.ndarray, code: str, fname: str | None, note: str, rank: int) -> None:
        if mask.any():
            self.items.append((mask, code, fname, note, rank))


def _field_errors(found: _Found, fields: Sequence[Mapping[str, Any]], evals: Mapping[str, Any]) -> None:
    """Type, constraint and unique errors, field by field."""
    for rank, f in enumerate(fields):
        name = f["name"]
        ev = evals[name]
        found.add(ev.bad, "type-error", name, f'type is "{f.get("type") or "any"}/{_fmt(f)}"', rank)
        for cname, mask in ev.violations:
            found.add(mask, "constraint-error", name, f'constraint "{cname}"', rank)
        if (f.get("constraints") or {}).get("unique") and ev.codes is not None:
            consider = ~ev.missing & ~ev.bad
            if pa.types.is_floating(ev.typed.type):
                consider &= ~_np_bool(pc.is_nan(ev.typed))
            found.add(_duplicates(ev.codes, consider), "unique-error", name, 'constraint "unique"', rank)


def _primary_key_errors(found: _Found, pk: Sequence[str], evals: Mapping[str, Any], nfields: int) -> None:
    """Primary keys all missing or duplicated."""
    if not pk or not all(k in evals for k in pk):
        return
    pk_codes = evals[pk[0]].codes if len(pk) == 1 else None
    if pk_codes is not None:
        codes = pk_codes
        all_null = np.asarray(pc.is_null(evals[pk[0]].typed).to_numpy(zero_copy_only=False), dtype=bool)
    else:
        codes, all_null = _codes([evals[k].typed for k in pk])
    label = ",".join(pk)
    found.add(all_null, "primary-key", label, "primary key cells are all missing", nfields)
    found.add(_duplicates(codes, ~all_null), "primary-key", label, "duplicate primary key", nfields)


def _foreign_key_errors(found: _Found, i: int, fk: Mapping[str, Any], schema: Mapping[str, Any],
                        evals: Mapping[str, Any], foreign_tables: Mapping[str, pa.Table] | None) -> None:
    """Foreign key ``i``: values not found in the reference (another table, or this one)."""
    fields = _fields(schema)
    order = {f["name"]: j for j, f in enumerate(fields)}
    fk_fields = fk.get("fields")
    fk_fields = [fk_fields] if isinstance(fk_fields, str) else list(fk_fields or [])
    ref = fk.get("reference") or {}
    ref_name = ref.get("resource") or ""
    ref_fields = ref.get("fields")
    ref_fields = [ref_fields] if isinstance(ref_fields, str) else list(ref_fields or [])
    if len(ref_fields) != len(fk_fields) or not fk_fields:
        raise SchemaError("foreign key fields and reference fields differ in length")
    if not all(k in evals for k in fk_fields):
        return
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
                col = pc.cast(col, evals[own].typed.type)
            ref_cols.append(col)
    else:
        ref_cols = [evals[k].typed for k in ref_fields]
    own_cols = [evals[k].typed for k in fk_fields]
    m = len(own_cols[0])
    both = [pa.concat_arrays([_as_array(a), _as_array(b).cast(a.type)]) for a, b in zip(own_cols, ref_cols, strict=True)]
    codes, all_null = _codes(both)
    own_codes, own_null = codes[:m], all_null[:m]
    ref_codes = codes[m:][~all_null[m:]]
    viol = ~np.isin(own_codes, ref_codes) & ~own_null
    found.add(viol, "foreign-key", ",".join(fk_fields), f"foreign key {i + 1} not found in reference",
              len(fields) + 1 + i)


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


