"""The rows of one shard: a de-identified partition read batch by batch, keeping the rows of the spec's shard.

Every stage after de-identification reads its rows through :func:`deidentified_batches`, so a shard's candidate,
checks and release see the shard's rows only (an export that spans several shards is grouped by the shard key's
value); an unsharded spec reads every row, as before."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.store import PrivateStore


def shard_mask(column: pa.Array | pa.ChunkedArray, value: str | None) -> pa.Array:
    """True for the rows whose shard key is ``value`` (None: the rows without a value)."""
    if value is None:
        return pc.is_null(column)
    return pc.fill_null(pc.equal(pc.cast(column, pa.string()), pa.scalar(value, pa.string())), False)


def deidentified_batches(store: PrivateStore, spec: DatasetSpec, partition: str,
                         columns: Sequence[str] | None = None) -> Iterator[pa.RecordBatch]:
    """The de-identified batches of ``partition`` (on ``columns``), restricted to ``spec.shard`` when it is set."""
    key = layout.deidentified(spec.name, partition)
    if spec.shard is None:
        yield from store.iter_parquet(key, columns=columns)
        return
    col = spec.shard.column
    read = None if columns is None else list(dict.fromkeys([*columns, col]))
    for b in store.iter_parquet(key, columns=read):
        b = b.filter(shard_mask(b.column(col), spec.shard.value))
        if columns is not None and col not in columns:
            b = b.select(list(columns))
        if b.num_rows:
            yield b


def shard_values(store: PrivateStore, spec: DatasetSpec, partition: str) -> list[str | None]:
    """The shard key's distinct values in a de-identified partition (None for rows without one), sorted."""
    assert spec.shard_key is not None
    seen: set[str | None] = set()
    for b in store.iter_parquet(layout.deidentified(spec.name, partition), columns=[spec.shard_key]):
        seen.update(pc.unique(pc.cast(b.column(0), pa.string())).to_pylist())
    return sorted(seen, key=lambda v: (v is not None, v or ""))
