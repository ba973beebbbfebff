"""The release files and content hash of a table too big for memory, read from a Parquet file in primary-key
order batch by batch: byte for byte what ``content`` gives for the same table in memory."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.publishing.content import (
    _field_type,
    _neutralize,
    _primary_key,
    _schema_fields,
    _string_bytes,
    _text_column,
    content_hash,
    content_hash_columns,
    csv_bytes,
    parquet_bytes,
)
from pipelines.publishing.errors import PublishError
from pipelines.publishing.hashing import file_sha256, sha256_hex
from pipelines.storage.parquet import ParquetSource


def _check_source(src: ParquetSource, schema: Mapping) -> tuple[list[dict], list[str]]:
    """The checks :func:`_public_table` makes, on the file's schema; returns (fields, primary key)."""
    fields = _schema_fields(schema)
    names = [f["name"] for f in fields]
    if len(set(names)) != len(names):
        raise PublishError("schema has duplicate field names")
    have = src.schema.names
    extra = [c for c in have if c not in names]
    missing = [n for n in names if n not in have]
    if extra:
        raise PublishError(f"table has columns not in the public schema: {sorted(extra)}")
    if missing:
        raise PublishError(f"table lacks schema fields: {missing}")
    pk = _primary_key(schema)
    unknown = [k for k in pk if k not in names]
    if unknown:
        raise PublishError(f"primaryKey names unknown fields: {unknown}")
    return fields, pk


def _check_pk_order(src: ParquetSource, pk: Sequence[str]) -> None:
    """Raise unless the rows are in the order ``_public_table`` sorts them into (primary key ascending)."""
    if not pk:
        return
    prev: pa.Table | None = None
    for b in src.batches(pk):
        t = pa.Table.from_batches([b])
        if prev is not None:
            t = pa.concat_tables([prev, t])
        if t.num_rows > 1:
            order = pc.sort_indices(t, sort_keys=[(k, "ascending") for k in pk]).to_numpy()
            if not np.array_equal(order, np.arange(t.num_rows)):
                raise PublishError("the table is not in primary-key order; use the in-memory functions")
        prev = t.slice(t.num_rows - 1) if t.num_rows else prev


def content_hash_source(src: ParquetSource, schema: Mapping) -> str:
    """:func:`content_hash` of a Parquet file in primary-key order, read one column at a time.

    Remembered on ``src`` while the file keeps its size and modification time: publishing checks the hash
    three times (against the validated candidate, in the plan, before writing), and reads the file once."""
    state = src.file_state()
    memo = None if state is None else (state, json.dumps(schema, sort_keys=True, default=str))
    if memo is not None and memo in src._hashes:
        return src._hashes[memo]
    _fields, pk = _check_source(src, schema)
    n = src.num_rows
    if n == 0:
        return content_hash(src.read(), schema)
    _check_pk_order(src, pk)

    def chunks(name: str) -> Iterable[pa.Array]:
        for b in src.batches([name]):
            yield b.column(0)

    h = content_hash_columns(schema, n, chunks)
    if memo is not None and src.file_state() == state:  # unchanged while it was read
        src._hashes[memo] = h
    return h


_CSV_SPECIAL = '[,"\r\n]'  # what makes csv.writer (QUOTE_MINIMAL, CRLF lines) quote a field


def _csv_rows(texts: Sequence[pa.Array]) -> bytes:
    """The rows of two or more text columns (nulls: empty cells) as ``csv.writer(lineterminator="\\r\\n",
    quoting=csv.QUOTE_MINIMAL)`` writes them, built with Arrow compute: a field holding a comma, a quote, CR or LF
    is quoted, its quotes doubled (test_csv_rows_equal_csv_writer)."""
    cells = []
    for a in texts:
        need = pc.fill_null(pc.match_substring_regex(a, _CSV_SPECIAL), False)
        if pc.any(need).as_py():
            quoted = pc.binary_join_element_wise(pa.scalar('"'), pc.replace_substring(a, '"', '""'), pa.scalar('"'), "")
            a = pc.if_else(need, quoted, a)
        cells.append(pc.fill_null(a, ""))
    lines = pc.binary_join_element_wise(*cells, ",").cast(pa.large_string())
    lines = pc.binary_join_element_wise(lines, pa.scalar("", pa.large_string()), pa.scalar("\r\n", pa.large_string()))
    return _string_bytes(lines)[1].tobytes()


def write_csv_file(src: ParquetSource, schema: Mapping, path: str | Path) -> tuple[int, str]:
    """Write :func:`csv_bytes` of the source to ``path`` batch by batch; return (bytes, sha256 hex)."""
    fields, pk = _check_source(src, schema)
    if src.num_rows == 0:
        data = csv_bytes(src.read(), schema)
        Path(path).write_bytes(data)
        return len(data), sha256_hex(data)
    _check_pk_order(src, pk)
    names = [f["name"] for f in fields]
    h = hashlib.sha256()
    size = 0
    with open(path, "wb") as out:
        buf = io.StringIO(newline="")
        csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(names)
        for batch in src.batches(names):
            texts: list[pa.Array] = []
            for f in fields:
                text = _text_column(batch.column(f["name"]), _field_type(f))
                if _field_type(f) == "string":
                    text = _neutralize(text)
                texts.append(text)
            rows = b""
            if len(texts) > 1:
                rows = _csv_rows(texts)
            else:  # one column: csv.writer quotes an empty row (""), the vectorized rows do not
                csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(
                    zip(*(t.to_pylist() for t in texts), strict=True))
            del texts
            data = buf.getvalue().encode("utf-8") + rows
            out.write(data)
            h.update(data)
            size += len(data)
            buf = io.StringIO(newline="")
        data = buf.getvalue().encode("utf-8")
        out.write(data)
        h.update(data)
        size += len(data)
    return size, h.hexdigest()


_PARQUET_ROW_GROUP = 1024 * 1024  # pq.write_table's default: the streamed file has the same row groups


def write_parquet_file(src: ParquetSource, schema: Mapping, path: str | Path) -> tuple[int, str]:
    """Write :func:`parquet_bytes` of the source to ``path`` in row groups; return (bytes, sha256 hex)."""
    fields, pk = _check_source(src, schema)
    if src.num_rows == 0:
        data = parquet_bytes(src.read(), schema)
        Path(path).write_bytes(data)
        return len(data), sha256_hex(data)
    _check_pk_order(src, pk)
    names = [f["name"] for f in fields]
    file_schema = src.schema
    out_schema = pa.schema([file_schema.field(n) for n in names])
    pending: list[pa.RecordBatch] = []
    rows = 0
    with pq.ParquetWriter(str(path), out_schema, compression="zstd", write_statistics=True) as w:
        for b in src.batches(names):
            pending.append(b)
            rows += b.num_rows
            while rows >= _PARQUET_ROW_GROUP:
                t = pa.Table.from_batches(pending, schema=out_schema)
                w.write_table(t.slice(0, _PARQUET_ROW_GROUP))
                rest = t.slice(_PARQUET_ROW_GROUP)
                pending = rest.to_batches()
                rows = rest.num_rows
                del t
        if rows:
            w.write_table(pa.Table.from_batches(pending, schema=out_schema))
    return os.path.getsize(path), file_sha256(path)

