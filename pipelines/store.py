"""The private store, kept importable as ``pipelines.store`` for its many callers: it lives in
``pipelines.storage.private`` (the Parquet source in ``pipelines.storage.parquet``, S3 clients in
``pipelines.storage.s3``)."""

from pipelines.storage.private import (
    DEFAULT_BATCH_ROWS,
    ParquetSink,
    PrivateStore,
    StoreError,
    batch_rows,
    release_memory,
)

__all__ = ["DEFAULT_BATCH_ROWS", "ParquetSink", "PrivateStore", "StoreError", "batch_rows", "release_memory"]
