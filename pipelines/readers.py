"""Readers for agency exports: kept for existing imports; the code lives in :mod:`pipelines.ingest` (one module
per format: detect, headers, csv, json, xlsx, parquet, and the reader that applies a source contract)."""

from pipelines.ingest import *  # noqa: F403
from pipelines.ingest import __all__ as __all__  # noqa: PLC0414
