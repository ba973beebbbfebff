"""Typed models of datasets, sources and mappings, and the loader that finds and cross-checks them."""

from pipelines.catalog.loader import (
    BUILTIN_DIR,
    SOURCES_DIR,
    load_spec,
    load_specs,
    source_dirs,
    spec_dirs,
)
from pipelines.catalog.spec import DatasetSpec, SourceSpec, file_sha256
from pipelines.catalog.yamlfile import SpecError

__all__ = [
    "BUILTIN_DIR",
    "SOURCES_DIR",
    "DatasetSpec",
    "SourceSpec",
    "SpecError",
    "file_sha256",
    "load_spec",
    "load_specs",
    "source_dirs",
    "spec_dirs",
]
