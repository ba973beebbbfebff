"""A table stored as one Parquet file, read in record batches: the release candidate handed to publishing
(local or on a pyarrow filesystem), so no step needs the whole table in memory."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq


@dataclass
class ParquetSource:
    """A public table stored as one Parquet file, read in record batches (a release candidate too big for memory).

    The rows must be in primary-key order (as the pipeline's candidate is); the streaming functions check it
    and raise :class:`PublishError` otherwise.
    """

    path: str
    filesystem: Any = None
    batch_rows: int = 262_144
    _hashes: dict[tuple, str] = field(default_factory=dict, repr=False, compare=False)

    def file_state(self) -> tuple[int, int] | None:
        """(size, mtime in ns) of the file, ``None`` where the filesystem does not tell the time."""
        if self.filesystem is None:
            st = os.stat(self.path)
            return st.st_size, st.st_mtime_ns
        info = self.filesystem.get_file_info(self.path)
        return None if info.mtime_ns is None else (int(info.size), int(info.mtime_ns))

    def _open(self) -> Any:
        if self.filesystem is None:
            return open(self.path, "rb")
        return self.filesystem.open_input_file(self.path)

    @property
    def num_rows(self) -> int:
        """Row count, from the footer."""
        with self._open() as fh:
            return int(pq.ParquetFile(fh).metadata.num_rows)

    @property
    def schema(self) -> pa.Schema:
        """Arrow schema, from the footer."""
        with self._open() as fh:
            return pq.ParquetFile(fh).schema_arrow

    def batches(self, columns: Sequence[str] | None = None) -> Iterable[pa.RecordBatch]:
        """The rows in order, ``batch_rows`` at a time (only ``columns`` if given)."""
        with self._open() as fh:
            yield from pq.ParquetFile(fh).iter_batches(
                batch_size=self.batch_rows, columns=list(columns) if columns is not None else None
            )

    def read(self, columns: Sequence[str] | None = None) -> pa.Table:
        """The whole table (small tables and fallbacks only)."""
        with self._open() as fh:
            return pq.read_table(fh, columns=list(columns) if columns is not None else None)
