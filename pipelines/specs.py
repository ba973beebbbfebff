"""Dataset specs: everything the pipeline knows about a dataset, loaded from data files.

Kept for existing imports; the models and the loader live in :mod:`pipelines.catalog` (see its loader's docstring
for where specs live and how they are validated).
"""

from pipelines.catalog import (
    BUILTIN_DIR,
    SOURCES_DIR,
    DatasetSpec,
    SourceSpec,
    SpecError,
    file_sha256,
    load_spec,
    load_specs,
    source_dirs,
    spec_by_name,
    spec_dirs,
)

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
    "spec_by_name",
    "spec_dirs",
]
