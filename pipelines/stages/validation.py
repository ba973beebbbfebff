"""The public contract on a candidate read in batches: validation strings, typed tables, and keys checked across batches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines import publishing, tableschema
from pipelines.specs import DatasetSpec
from pipelines.store import release_memory


def as_validation_table(df: pd.DataFrame, fields: Sequence[str]) -> pa.Table:
    """Public columns as strings, the way they appear in the CSV, for the Table Schema validator."""
    cols = {}
    for f in fields:
        s = df[f]
        if pd.api.types.is_bool_dtype(s):
            s = s.map({True: "true", False: "false"}, na_action="ignore")
        cols[f] = pa.array(s.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
    return pa.table(cols)


def typed_public_table(df: pd.DataFrame, schema: Mapping[str, Any]) -> pa.Table:
    """Arrow table in schema order with Arrow types matching the Table Schema types."""
    arrays = []
    names = []
    for f in schema["fields"]:
        name, typ = f["name"], f.get("type", "string")
        s = df[name]
        if typ == "boolean":
            arr = pa.array(s.astype("boolean").to_numpy(dtype=object, na_value=None), type=pa.bool_())
        elif typ == "integer":
            arr = pa.array(pd.to_numeric(s).astype("Int64").to_numpy(dtype=object, na_value=None), type=pa.int64())
        elif typ == "number":
            arr = pa.array(pd.to_numeric(s).astype("Float64").to_numpy(dtype=object, na_value=None), type=pa.float64())
        else:
            arr = pa.array(s.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
        arrays.append(arr)
        names.append(name)
    return pa.table(arrays, names=names)


def typed_schema(schema: Mapping[str, Any]) -> pa.Schema:
    """The Arrow schema `typed_public_table` produces."""
    types = {"boolean": pa.bool_(), "integer": pa.int64(), "number": pa.float64()}
    return pa.schema([(f["name"], types.get(f.get("type", "string"), pa.string())) for f in schema["fields"]])


def _keyless_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The schema without cross-row rules (primary key, unique), for validating one batch at a time."""
    out = {k: v for k, v in schema.items() if k != "primaryKey"}
    fields = []
    for f in schema["fields"]:
        f = dict(f)
        if (f.get("constraints") or {}).get("unique"):
            f["constraints"] = {k: v for k, v in f["constraints"].items() if k != "unique"}
        fields.append(f)
    out["fields"] = fields
    return out


def arrow_validation_table(batch: pa.RecordBatch | pa.Table, fields: Sequence[str]) -> pa.Table:
    """`as_validation_table` of ``batch.to_pandas()`` without pandas: string columns as they are, booleans as
    "true"/"false" (other types take the pandas path, column by column)."""
    cols = {}
    for f in fields:
        col = one_array(batch.column(f))
        t = col.type
        if pa.types.is_string(t):
            cols[f] = col
        elif pa.types.is_boolean(t):
            cols[f] = pc.if_else(col, "true", "false")
        elif pa.types.is_null(t):
            cols[f] = pa.nulls(len(col), pa.string())
        else:
            cols[f] = as_validation_table(pa.table({f: col}).to_pandas(), [f]).column(f).combine_chunks()
    return pa.table(cols)


def one_array(col: pa.Array | pa.ChunkedArray) -> pa.Array:
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def take_rows(batches: Iterable[pa.RecordBatch], positions: np.ndarray, convert: Any) -> pa.Table | None:
    """The rows at sorted ``positions`` (0-based over the concatenated ``batches``), each batch's rows converted
    by ``convert``; None when there are none."""
    pieces = [convert(b) for b in publishing.take_positions(batches, positions)]
    return pa.concat_tables(pieces) if pieces else None


def with_key_errors(errors: list[Any], keys: Any, rows_at: Any) -> list[Any]:
    """``errors`` (of the batches, validated without keys) plus the primary-key and unique errors across all
    batches, in the order of a whole-table validation. ``keys`` is the `tableschema.KeyHashes` of the batches;
    ``rows_at(positions)`` returns the key columns of those rows (validation strings), re-read: only the rows
    that can break a key are read back and validated (see `KeyHashes`)."""
    schema = keys.schema
    order = {f["name"]: i for i, f in enumerate(schema["fields"])}
    nfields = len(schema["fields"])
    cand = keys.candidates()
    key_errors: list[Any] = []
    if len(cand):
        sub = rows_at(cand)
        krep = tableschema.validate(sub, keys.key_schema(), row_numbers=cand + 2)
        key_errors = [e for e in krep.errors if e.code in ("primary-key", "unique-error")]
    out = errors + key_errors

    def _rank(e: Any) -> int:
        return nfields if e.code == "primary-key" else order.get(e.field, nfields)

    out.sort(key=lambda e: (e.row, _rank(e)))  # stable: within a field, type/constraint before key errors
    return out


class StreamValidation:
    """`tableschema.validate` of a table fed batch by batch as validation strings: row rules per batch, primary
    key and unique constraints across batches through key hashes (`with_key_errors`). Same errors as
    validating the whole table at once."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self.keyless = _keyless_schema(schema)
        self.keys = tableschema.KeyHashes(schema)
        self.errors: list[Any] = []
        self.rows = 0

    def add(self, vt: pa.Table) -> None:
        rows = np.arange(self.rows + 2, self.rows + 2 + vt.num_rows, dtype=np.int64)
        self.errors += tableschema.validate(vt, self.keyless, row_numbers=rows).errors
        self.keys.add(vt)
        self.rows += vt.num_rows

    def report(self, rows_at: Any) -> tableschema.ValidationReport:
        """The whole table's report; ``rows_at(names, positions)`` reads those columns of those rows back (as
        validation strings) for the key check."""
        errors, keys = self.errors, self.keys
        if keys.groups:
            errors = with_key_errors(errors, keys, lambda pos: rows_at(keys.names, pos))
        self.keys = tableschema.KeyHashes(self.schema)  # the hashes are released
        return tableschema.ValidationReport(errors=errors, rows_checked=self.rows,
                                            fields=[f["name"] for f in self.schema["fields"]])


def null_columns(src: Any, names: Sequence[str]) -> set[str]:
    """Integer and boolean columns holding a null anywhere: `to_pandas` of the whole table makes them float /
    object, so a batch converts them the same way (validation strings then match the whole-table path)."""
    file_schema = src.schema
    cols = [n for n in names if pa.types.is_integer(file_schema.field(n).type) or pa.types.is_boolean(file_schema.field(n).type)]
    out: set[str] = set()
    if cols:
        for b in src.batches(cols):
            out |= {c for c in cols if b.column(c).null_count}
    return out


def batch_frame(batch: pa.RecordBatch, with_nulls: set[str]) -> pd.DataFrame:
    df = batch.to_pandas()
    for c in with_nulls:
        if c in df.columns:
            if pd.api.types.is_bool_dtype(df[c]):
                df[c] = df[c].astype(object)
            elif pd.api.types.is_integer_dtype(df[c]):
                df[c] = df[c].astype("float64")
    return df


def validate_source(spec: DatasetSpec, src: Any) -> tableschema.ValidationReport:
    """`tableschema.validate` of the whole candidate, batch by batch: row rules per batch, keys (primary key,
    unique) across batches on the key columns only. Same errors as validating the whole table."""

    fields = spec.public_fields
    with_nulls = null_columns(src, fields)
    validation = StreamValidation(spec.schema)
    for batch in src.batches(fields):
        validation.add(as_validation_table(batch_frame(batch, with_nulls), fields))
        release_memory()
    return validation.report(lambda names, pos: take_rows(
        src.batches(names), pos, lambda b: as_validation_table(batch_frame(b, with_nulls), names)))


