"""What a release contains, independent of where it is stored: the public table (schema fields, primary-key
order), its canonical text rendering, the CSV and Parquet bytes, and the content hash that identifies it.

The streaming writers (``streaming``) and the record diff render values through the same functions, so every
path gives the same bytes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.publishing.errors import PublishError
from pipelines.publishing.hashing import _canonical_json

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"


TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"


TABLEDIALECT_PROFILE = "https://datapackage.org/profiles/2.0/tabledialect.json"


CSV_DIALECT: dict[str, Any] = {
    "$schema": TABLEDIALECT_PROFILE,
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
}


#: Text cells starting with one of these are prefixed with ``'`` in the CSV (OWASP CSV injection; ``|`` starts a
#: DDE call in some spreadsheets, and the full-width forms are read as their ASCII twins by some).
CSV_INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "\uff1d", "\uff0b", "\uff0d", "\uff20")


_INJECTION_RE = "^[=+\\-@\t\r\n|\uff1d\uff0b\uff0d\uff20]"


def _schema_fields(schema: Mapping) -> list[dict]:
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        raise PublishError("schema has no fields")
    return [dict(f) for f in fields]


def _primary_key(schema: Mapping) -> list[str]:
    pk = schema.get("primaryKey")
    if pk is None:
        return []
    return [pk] if isinstance(pk, str) else list(pk)


def _field_type(f: Mapping) -> str:
    return str(f.get("type") or "string")


def _public_table(table: pa.Table, schema: Mapping) -> pa.Table:
    """Exactly the schema's fields in schema order, sorted by primary key, without schema metadata."""
    names = [f["name"] for f in _schema_fields(schema)]
    if len(set(names)) != len(names):
        raise PublishError("schema has duplicate field names")
    extra = [c for c in table.column_names if c not in names]
    missing = [n for n in names if n not in table.column_names]
    if extra:
        raise PublishError(f"table has columns not in the public schema: {sorted(extra)}")
    if missing:
        raise PublishError(f"table lacks schema fields: {missing}")
    out = table.select(names).replace_schema_metadata(None)
    pk = _primary_key(schema)
    if pk:
        unknown = [k for k in pk if k not in names]
        if unknown:
            raise PublishError(f"primaryKey names unknown fields: {unknown}")
        if out.num_rows > 1:
            out = out.take(pc.sort_indices(out, sort_keys=[(k, "ascending") for k in pk]))
    return out.combine_chunks()


def _text_column(col: pa.ChunkedArray | pa.Array, ftype: str) -> pa.Array:
    """Canonical text rendering of a column (nulls stay null): ISO dates/times, lowercase booleans."""
    arr = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    t = arr.type
    if pa.types.is_timestamp(t):
        # Arrow stores UTC instants: dropping the zone gives the UTC wall clock (a tz-aware cast to string
        # goes through the time zone database per value and is ~50x slower)
        out = pc.cast(arr.cast(pa.timestamp(t.unit)), pa.string())
        # "YYYY-MM-DD HH:MM:SS[.ffffff]" -> ISO 8601 with "T"; an all-zero fraction is dropped
        out = pc.replace_substring_regex(pc.replace_substring(out, " ", "T", max_replacements=1), r"\.0+$", "")
        if t.tz is not None:
            out = pc.binary_join_element_wise(out, pa.scalar("Z"), "")
        return out
    if pa.types.is_date(t) or pa.types.is_time(t):
        return arr.cast(pa.string())
    if pa.types.is_boolean(t):
        return arr.cast(pa.string())
    if pa.types.is_dictionary(t):
        return arr.cast(t.value_type).cast(pa.string())
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return arr.cast(pa.string())
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_struct(t) or pa.types.is_map(t):
        vals = [None if v is None else json.dumps(v, ensure_ascii=False, default=str) for v in arr.to_pylist()]
        return pa.array(vals, pa.string())
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        raise PublishError(f"binary columns cannot be published (type {t})")
    return arr.cast(pa.string())


def _neutralize(arr: pa.Array) -> pa.Array:
    mask = pc.fill_null(pc.match_substring_regex(arr, _INJECTION_RE), False)
    if not pc.any(mask).as_py():
        return arr
    return pc.if_else(mask, pc.binary_join_element_wise(pa.scalar("'"), arr, ""), arr)


def csv_bytes(table: pa.Table, schema: Mapping) -> bytes:
    """RFC 4180 CSV (UTF-8 without BOM, CRLF, minimal quoting, header row) of the public table.

    Text cells of ``string`` fields beginning with ``=``, ``+``, ``-``, ``@``, tab, CR or LF are prefixed with
    ``'`` (OWASP CSV injection); other types are written as-is. Nulls are empty cells.
    """
    fields = _schema_fields(schema)
    pub = _public_table(table, schema)
    cols: list[list[Any]] = []
    for f in fields:
        text = _text_column(pub.column(f["name"]), _field_type(f))
        if _field_type(f) == "string":
            text = _neutralize(text)
        cols.append(text.to_pylist())
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([f["name"] for f in fields])
    writer.writerows(zip(*cols, strict=True) if cols else [])
    return buf.getvalue().encode("utf-8")


def parquet_bytes(table: pa.Table, schema: Mapping) -> bytes:
    """Parquet (zstd) of the public table: schema field order, sorted by primary key, original values."""
    pub = _public_table(table, schema)
    sink = pa.BufferOutputStream()
    pq.write_table(pub, sink, compression="zstd", write_statistics=True)
    return sink.getvalue().to_pybytes()


def _string_bytes(arr: pa.Array) -> tuple[np.ndarray, memoryview]:
    """(offsets, bytes) of a null-free ``large_string`` array: cell i is ``bytes[offsets[i] - offsets[0] :
    offsets[i + 1] - offsets[0]]``, and ``bytes`` holds the cells back to back (no copy)."""
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = arr.buffers()[2]
    if data is None or not len(arr):
        return offsets, memoryview(b"")
    return offsets, memoryview(data)[int(offsets[0]) : int(offsets[-1])]


def _column_digest(col: pa.ChunkedArray, ftype: str) -> bytes:
    arr = _text_column(col, ftype).cast(pa.large_string())
    h = hashlib.sha256()
    validity = np.asarray(pc.is_valid(arr).to_numpy(zero_copy_only=False), dtype=np.uint8)
    h.update(validity.tobytes())
    offsets, data = _string_bytes(pc.fill_null(arr, ""))
    h.update(np.diff(offsets).astype("<i8").tobytes())
    h.update(data)
    h.update(str(col.type).encode())
    return h.digest()


def content_hash(table: pa.Table, schema: Mapping) -> str:
    """Deterministic sha256 of the release content: the public Table Schema plus the public table's values
    (schema field order, rows sorted by primary key, so input row order does not matter when a key exists)."""
    fields = _schema_fields(schema)
    pub = _public_table(table, schema)
    h = hashlib.sha256()
    h.update(b"osd-release-content-v1\n")
    h.update(_canonical_json(dict(schema)))
    h.update(f"\nrows={pub.num_rows}\n".encode())
    for f in fields:
        h.update(f["name"].encode("utf-8") + b"\x00")
        h.update(_column_digest(pub.column(f["name"]), _field_type(f)))
    return h.hexdigest()


#: Table Schema ``missingValues`` of every release: an empty cell is missing, ``*`` is a value withheld by
#: disclosure control (so readers do not count ``*`` as a category).
MISSING_VALUES = ["", "*"]


def _published_schema(schema: Mapping) -> dict[str, Any]:
    """The Table Schema as written into ``datapackage.json`` (profile and missing values added)."""
    doc = {"$schema": TABLESCHEMA_PROFILE, **{k: v for k, v in dict(schema).items() if k != "$schema"}}
    doc["missingValues"] = list(dict.fromkeys([*doc.get("missingValues", []), *MISSING_VALUES]))
    return doc


def content_hash_columns(
    schema: Mapping, num_rows: int, column_chunks: Callable[[str], Iterable[pa.Array | pa.ChunkedArray]]
) -> str:
    """:func:`content_hash` of a table too big for memory, read one column at a time.

    ``column_chunks(name)`` returns that column's values in order, in pieces (e.g. Parquet row groups); it is
    called three times per field. The rows must already be in primary-key order (as the pipeline's release
    candidate is). Gives exactly :func:`content_hash` of the same table.
    """
    fields = _schema_fields(schema)
    h = hashlib.sha256()
    h.update(b"osd-release-content-v1\n")
    h.update(_canonical_json(dict(schema)))
    h.update(f"\nrows={num_rows}\n".encode())
    for f in fields:
        name, ftype = f["name"], _field_type(f)
        ch = hashlib.sha256()
        col_type: Any = None
        for part in ("validity", "lengths", "data"):
            for piece in column_chunks(name):
                col_type = piece.type
                arr = _text_column(piece, ftype).cast(pa.large_string())
                if part == "validity":
                    ch.update(np.asarray(pc.is_valid(arr).to_numpy(zero_copy_only=False), dtype=np.uint8).tobytes())
                    continue
                offsets, data = _string_bytes(pc.fill_null(arr, ""))
                ch.update(np.diff(offsets).astype("<i8").tobytes() if part == "lengths" else data)
        ch.update(str(col_type).encode())
        h.update(name.encode("utf-8") + b"\x00")
        h.update(ch.digest())
    return h.hexdigest()

