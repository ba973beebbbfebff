"""The private store: raw Parquet, standardized and de-identified partitions, quarantine, candidates.

Nothing under it is ever published. It is a folder (`OSD_PRIVATE`) or, for production, an S3 prefix
(`OSD_PRIVATE_S3_BUCKET` / `OSD_PRIVATE_S3_PREFIX`), both through `pyarrow.fs`, so the pipeline code is the same.
Writes are atomic on local disk (write to a temporary name, then rename).

Big tables stream: `parquet_sink(key)` writes record batches as Parquet row groups to a temporary key that
replaces `key` only when the sink is closed without error (a crash leaves the previous file, or none);
`iter_parquet(key)` reads a file back in record batches of `batch_rows()` rows (`OSD_BATCH_ROWS`, default
250 000) so no stage needs a whole partition in memory.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from pipelines import settings
from pipelines.errors import OsdError, Terminal

DEFAULT_BATCH_ROWS = 250_000


def batch_rows() -> int:
    """Rows per record batch for streaming stages (`OSD_BATCH_ROWS`, default 250 000; not a number: the default)."""
    try:
        n = int(settings.get("OSD_BATCH_ROWS"))
    except ValueError:
        n = DEFAULT_BATCH_ROWS
    return max(1, n)


_RELEASE_STEP = 64 << 20  # bytes the process must have grown by since the last release for another one
_released_at = [0]


def _rss_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def release_memory() -> None:
    """Give freed memory back to the system between the phases of a big step: Arrow's allocator (mimalloc)
    and glibc's keep freed pages for reuse, so a phase that is over still counts in the process's size (on
    1M stops ~300 MB after the schema check). Only sizes change, never results. Does nothing unless the
    process grew by 64 MB since the last release: a garbage collection costs ~0.1 s in a process holding the
    spaCy model, and small tables (the demo) have nothing worth handing back."""
    import gc

    rss = _rss_bytes()
    if rss is not None and rss < _released_at[0] + _RELEASE_STEP:
        return
    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
    _released_at[0] = _rss_bytes() or 0


class StoreError(OsdError, Terminal):
    """A private-store operation failed (names the key, never a value)."""

    code = "store-error"


def _mtime(path: str) -> float:
    """A file's modification time; a file gone meanwhile counts as new (nothing to delete)."""
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return float("inf")


@dataclass
class PrivateStore:
    """A private store rooted at `root` on a pyarrow filesystem."""

    fs: pafs.FileSystem
    root: str

    @classmethod
    def local(cls, base: str | Path) -> PrivateStore:
        base = Path(base).resolve()
        base.mkdir(parents=True, exist_ok=True)
        return cls(pafs.LocalFileSystem(), str(base))

    @classmethod
    def from_env(cls) -> PrivateStore:
        bucket = settings.get("OSD_PRIVATE_S3_BUCKET")
        if bucket:
            from pipelines.storage.s3 import s3_filesystem

            fs = s3_filesystem(endpoint_url=settings.get("OSD_S3_ENDPOINT_URL") or None,
                               region=settings.get("OSD_S3_REGION") or None)
            prefix = settings.get("OSD_PRIVATE_S3_PREFIX").strip("/")
            return cls(fs, f"{bucket}/{prefix}".rstrip("/"))
        return cls.local(settings.private_dir())

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, pafs.LocalFileSystem)

    def path(self, key: str) -> str:
        return f"{self.root}/{key.lstrip('/')}"

    def _put(self, key: str, data: bytes) -> None:
        dest = self.path(key)
        parent = dest.rsplit("/", 1)[0]
        self.fs.create_dir(parent, recursive=True)
        if self.is_local:
            tmp = f"{parent}/.tmp-{uuid.uuid4().hex}"
            with self.fs.open_output_stream(tmp) as out:
                out.write(data)
            os.replace(tmp, dest)
        else:
            with self.fs.open_output_stream(dest) as out:
                out.write(data)

    def exists(self, key: str) -> bool:
        return self.fs.get_file_info(self.path(key)).type != pafs.FileType.NotFound

    def sweep_temp(self, older_than_s: float = 6 * 3600, now: float | None = None) -> int:
        """Delete the ``.tmp-*`` files a killed writer left (local store only; S3 writes have none): the count.

        Only files untouched for ``older_than_s`` go, so a run writing right now keeps its file (a sink's file is
        touched at every batch). They may hold raw rows, so they are not left to pile up in the private store.
        """
        if not self.is_local:
            return 0
        limit = (time.time() if now is None else now) - older_than_s
        gone = 0
        for folder, _dirs, files in os.walk(self.root):
            for name in files:
                path = os.path.join(folder, name)
                if name.startswith(".tmp-") and _mtime(path) < limit:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(path)
                        gone += 1
        return gone

    def write_parquet(self, key: str, table: pa.Table) -> None:
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd")
        self._put(key, buf.getvalue())

    def read_parquet(self, key: str, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.path(key), filesystem=self.fs, columns=columns)

    def write_json(self, key: str, data: Any) -> None:
        self._put(key, json.dumps(data, indent=2, sort_keys=True, default=str).encode())

    def read_json(self, key: str, default: Any = None) -> Any:
        if not self.exists(key):
            return default
        with self.fs.open_input_stream(self.path(key)) as fh:
            return json.loads(fh.read())

    def write_bytes(self, key: str, data: bytes) -> None:
        self._put(key, data)

    def list(self, prefix: str) -> list[str]:
        """Keys (relative to the root) of files directly under `prefix`."""
        sel = pafs.FileSelector(self.path(prefix), allow_not_found=True, recursive=False)
        n = len(self.root) + 1
        return sorted(i.path[n:] for i in self.fs.get_file_info(sel) if i.type == pafs.FileType.File)

    def delete(self, key: str) -> None:
        if self.exists(key):
            self.fs.delete_file(self.path(key))

    # ------------------------------------------------------------------------------------------ streaming

    def parquet_sink(self, key: str, schema: pa.Schema | None = None) -> ParquetSink:
        """A Parquet writer for `key` that publishes the file atomically on `close()` (or context exit)."""
        return ParquetSink(self, key, schema)

    def iter_parquet(
        self, key: str, columns: Sequence[str] | None = None, batch_size: int | None = None
    ) -> Iterator[pa.RecordBatch]:
        """Record batches of a stored Parquet file, `batch_size` rows each (default `batch_rows()`)."""
        with self.fs.open_input_file(self.path(key)) as fh:
            pf = pq.ParquetFile(fh)
            yield from pf.iter_batches(
                batch_size=batch_size or batch_rows(), columns=list(columns) if columns is not None else None
            )

    def parquet_num_rows(self, key: str) -> int:
        """Row count of a stored Parquet file, from its footer."""
        with self.fs.open_input_file(self.path(key)) as fh:
            return int(pq.ParquetFile(fh).metadata.num_rows)

    def parquet_schema(self, key: str) -> pa.Schema:
        """Arrow schema of a stored Parquet file, from its footer."""
        with self.fs.open_input_file(self.path(key)) as fh:
            return pq.ParquetFile(fh).schema_arrow


@dataclass
class ParquetSink:
    """Streams tables/batches into one Parquet file; `close()` moves it into place, `abort()` discards it.

    The schema is the one given or the first written table's; a later table whose columns were all null so
    far gets its null-typed columns promoted (the rows written so far are rewritten once, rare).
    """

    store: PrivateStore
    key: str
    schema: pa.Schema | None = None
    rows: int = 0
    _tmp: str = ""
    _writer: pq.ParquetWriter | None = field(default=None, repr=False)
    _stream: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        dest = self.store.path(self.key)
        parent = dest.rsplit("/", 1)[0]
        self.store.fs.create_dir(parent, recursive=True)
        self._tmp = f"{parent}/.tmp-{uuid.uuid4().hex}.parquet"

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _open(self, schema: pa.Schema) -> None:
        self.schema = schema
        self._stream = self.store.fs.open_output_stream(self._tmp)
        self._writer = pq.ParquetWriter(self._stream, schema, compression="zstd")

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def _promote(self, schema: pa.Schema) -> None:
        """Re-open with a wider schema (null-typed columns got a type), copying the rows written so far."""
        assert self.schema is not None
        target = pa.unify_schemas([self.schema, schema])
        self._close_writer()
        old = self._tmp
        self._tmp = old.replace(".parquet", "-p.parquet")
        self._open(target)
        with self.store.fs.open_input_file(old) as fh:
            for b in pq.ParquetFile(fh).iter_batches(batch_size=batch_rows()):
                assert self._writer is not None
                self._writer.write_table(pa.Table.from_batches([b]).cast(target))
        self.store.fs.delete_file(old)

    def write(self, data: pa.Table | pa.RecordBatch) -> None:
        """Append rows (one or more row groups)."""
        table = pa.Table.from_batches([data]) if isinstance(data, pa.RecordBatch) else data
        if self._writer is None:
            self._open(self.schema if self.schema is not None else table.schema)
        assert self.schema is not None and self._writer is not None
        if not table.schema.equals(self.schema, check_metadata=False):
            if table.column_names != self.schema.names:
                raise StoreError(f"{self.key}: a batch has different columns than the file")
            widen = any(pa.types.is_null(f.type) and not pa.types.is_null(g.type)
                        for f, g in zip(self.schema, table.schema, strict=True))
            if widen:
                self._promote(table.schema)
            try:
                table = table.cast(self.schema)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                raise StoreError(f"{self.key}: a batch has incompatible column types") from None
        if table.num_rows:
            self._writer.write_table(table)
            self.rows += table.num_rows

    def close(self, empty_schema: pa.Schema | None = None) -> None:
        """Finish the file and move it to its key (an empty file with `empty_schema` if nothing was written)."""
        if self._writer is None:
            schema = self.schema or empty_schema
            if schema is None:
                raise StoreError(f"{self.key}: nothing written and no schema for an empty file")
            self._open(schema)
        self._close_writer()
        dest = self.store.path(self.key)
        if self.store.is_local:
            os.replace(self._tmp, dest)
        else:
            self.store.fs.move(self._tmp, dest)

    def abort(self) -> None:
        """Discard the temporary file; the key keeps its previous content (or stays absent)."""
        try:
            self._close_writer()
        finally:
            info = self.store.fs.get_file_info(self._tmp)
            if info.type != pafs.FileType.NotFound:
                self.store.fs.delete_file(self._tmp)
