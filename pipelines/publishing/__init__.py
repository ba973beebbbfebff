"""Versioned, immutable, atomic releases on local disk or S3.

A release of dataset ``d`` at version ``X.Y.Z`` lives under ``datasets/d/vX.Y.Z/`` (see docs/architecture.md,
"Public store layout") and holds the CSV, the Parquet file, ``datapackage.json``, ``provenance.json``,
``changes.json``, ``CHANGES.md`` and ``SHA256SUMS``.  Every file of a version is written create-only first;
``versions.json`` and ``latest.json`` are swapped last (compare-and-swap on the previous content), so a reader
who follows ``latest.json`` never sees a partial release.  Re-running a publish after a crash completes the
partial version when the files already written are byte-identical to what would be written; a partial version
with other content (the export was corrected in between), partial versions of other numbers and temporary
files left by a killed writer are deleted first, so nothing unlisted stays public and no dataset is stuck.  One
publish per dataset at a time: a lease (``.publishing/<dataset>.lease.json``) is taken first, renewed every
``LEASE_BEAT_SECONDS``, and taken over when its holder died (same host, process gone) or stopped renewing it for
``LEASE_TTL_SECONDS``.

Versions are computed (Data Package "data package version" recipe): major for incompatible schema changes
(field removed, renamed, retyped, reordered, tighter constraints) and, by default, removed records; minor for
added records or fields and looser constraints; patch for corrected values or metadata; first release 1.0.0;
unchanged content publishes nothing.

Nothing personal is logged or put in errors: only dataset names, versions, keys, counts and field names.  The
change record lists primary keys of the *public* table only.
"""

from pipelines.publishing.content import content_hash, content_hash_columns, csv_bytes, parquet_bytes
from pipelines.publishing.documents import list_versions, read_json
from pipelines.publishing.errors import (
    ImmutableVersionError,
    IntegrityError,
    InvalidKeyError,
    KeyExistsError,
    PreconditionFailedError,
    PublishError,
    StalePlanError,
)
from pipelines.publishing.hashing import code_version, file_sha256, rfc3339, sha256_hex
from pipelines.publishing.keys import dataset_prefix, release_prefix
from pipelines.publishing.lease import publish_lease
from pipelines.publishing.record_diff import take_positions
from pipelines.publishing.recovery import discard_partial, recover, repair_latest
from pipelines.publishing.release import publish_release_source
from pipelines.publishing.retraction import retract
from pipelines.publishing.stores import LocalPublisher, Publisher, S3Publisher, publisher_from_env
from pipelines.publishing.streaming import content_hash_source, write_csv_file, write_parquet_file
from pipelines.publishing.versioning import ReleasePlan, ReleaseResult, plan_release_source
from pipelines.storage.parquet import ParquetSource

__all__ = [
    "PublishError",
    "ImmutableVersionError",
    "KeyExistsError",
    "PreconditionFailedError",
    "IntegrityError",
    "StalePlanError",
    "InvalidKeyError",
    "Publisher",
    "LocalPublisher",
    "S3Publisher",
    "publisher_from_env",
    "ParquetSource",
    "content_hash",
    "content_hash_columns",
    "content_hash_source",
    "csv_bytes",
    "parquet_bytes",
    "write_csv_file",
    "write_parquet_file",
    "take_positions",
    "ReleasePlan",
    "ReleaseResult",
    "plan_release_source",
    "publish_release_source",
    "retract",
    "discard_partial",
    "publish_lease",
    "recover",
    "repair_latest",
    "read_json",
    "list_versions",
    "dataset_prefix",
    "release_prefix",
    "sha256_hex",
    "file_sha256",
    "code_version",
    "rfc3339",
]
