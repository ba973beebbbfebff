"""Parquet exports: every column as text."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from pipelines.ingest.cells import _cell_to_str
from pipelines.ingest.errors import ReadError


def _parquet_table(path: Path) -> pa.Table:
    import pyarrow.parquet as pq

    fname = path.name
    try:
        t = pq.read_table(str(path))
    except Exception as exc:
        raise ReadError(fname, "format-error", f"unreadable Parquet ({type(exc).__name__})") from None
    cols = []
    for col in t.columns:
        typ = col.type
        if pa.types.is_string(typ):
            cols.append(col)
        elif pa.types.is_large_string(typ) or pa.types.is_dictionary(typ):
            cols.append(pc.cast(col, pa.string()))
        elif pa.types.is_boolean(typ):
            cols.append(pc.if_else(col, "true", "false"))
        elif pa.types.is_timestamp(typ):
            cols.append(pc.strftime(col, "%Y-%m-%dT%H:%M:%S"))
        else:
            try:
                cols.append(pc.cast(col, pa.string()))
            except pa.ArrowException:
                cols.append(pa.chunked_array([[_cell_to_str(v) for v in col.to_pylist()]], pa.string()))
    return pa.table(cols, names=t.column_names)
