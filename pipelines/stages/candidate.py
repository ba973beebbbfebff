"""The release candidate as the checks, the preview and the publish step read it: batch by batch, never whole."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import pyarrow as pa

from pipelines import publishing
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.common import StageError
from pipelines.store import PrivateStore, batch_rows


class CandidateSource(Protocol):
    """What the checks read: a table's row count, its Arrow schema and its batches on some columns
    (`publishing.ParquetSource` in production)."""

    @property
    def num_rows(self) -> int: ...

    @property
    def schema(self) -> pa.Schema: ...

    def batches(self, columns: Sequence[str]) -> Iterable[pa.RecordBatch | pa.Table]: ...


def candidate_source(store: PrivateStore, spec: DatasetSpec) -> publishing.ParquetSource:
    """The release candidate as a `publishing.ParquetSource` (read in `batch_rows()` batches, never whole)."""
    key = layout.candidate(spec.unit)
    if not store.exists(key):
        raise StageError(f"{spec.name}: no release candidate; materialize the validated asset first")
    return publishing.ParquetSource(store.path(key), filesystem=store.fs, batch_rows=batch_rows())


def load_candidate_source(store: PrivateStore, spec: DatasetSpec) -> tuple[publishing.ParquetSource, dict[str, Any]]:
    """The candidate source and its accounting document (``candidate.json``)."""
    src = candidate_source(store, spec)
    return src, store.read_json(layout.candidate_meta(spec.unit))
