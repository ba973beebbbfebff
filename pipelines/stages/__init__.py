"""The pipeline's stages as plain functions (no Dagster): the assets in `pipelines/assets.py` only wire them up.

Every function reads and writes the private store (its keys: `layout`) and returns a typed result (`results`)
made of counts, row numbers, field names and reason codes: never a value from a record.

  recognize     which dataset and source contract an export matches
  raw           an export read through its contract into all-string Parquet
  standardized  rows validated against the source contract and mapped to standardized columns
  identifiers   the leak verifier's identifier forms of the standardized rows
  deidentified  the policy applied (free text through the redactor)
  assemble      every export assembled, validated against the public contract, made k-anonymous
  accounting    the candidate's accounting (one function)
  checks        the blocking checks and their registry
  release       publish exactly the previewed candidate

This module re-exports the names other modules and the tests import. Tunables and helpers a test patches
(`assemble._RUN_ROW_GROUP`, `standardized.ordered_map`, `identifiers.identifier_signature`) are patched on their
own module: they are not re-exported, so a patch of the package attribute fails instead of doing nothing.
"""

from __future__ import annotations

from pipelines.specs import file_sha256
from pipelines.stages.assemble import _merge_runs, assemble_candidate
from pipelines.stages.candidate import CandidateSource, candidate_source, load_candidate_source
from pipelines.stages.checks import (
    CHECK_NAMES,
    CHECKS,
    Check,
    _recount_source,
    check_k,
    check_leaks,
    check_quarantine_share,
    check_row_accounting,
    check_schema,
    record_check,
    recorded_checks,
    run_check,
)
from pipelines.stages.codebook import CodeBook as _CodeBook
from pipelines.stages.common import INTERNAL, StageError, UnknownExport, aux_columns, fault_point, policy_of
from pipelines.stages.deidentified import _RecordingRedactor, deidentified_current, deidentify_partition
from pipelines.stages.identifiers import gather_identifiers
from pipelines.stages.raw import ingest_raw
from pipelines.stages.recognize import ExportMatch, identify_export, partition_key_for
from pipelines.stages.release import (
    _LeakVerification,
    code_version,
    package_metadata,
    provenance,
    publish,
)
from pipelines.stages.results import (
    CandidateResult,
    CheckResult,
    DeidentifyResult,
    PublishResult,
    RawResult,
    RowCounts,
    StandardizeResult,
)
from pipelines.stages.standardized import standardize_partition
from pipelines.stages.validation import take_rows as _rows_at
from pipelines.stages.validation import typed_public_table
from pipelines.stages.validation import with_key_errors as _with_key_errors

__all__ = [
    "CHECKS", "CHECK_NAMES", "INTERNAL", "CandidateResult", "CandidateSource", "Check", "CheckResult",
    "DeidentifyResult", "ExportMatch", "PublishResult", "RawResult", "RowCounts", "StageError",
    "StandardizeResult", "UnknownExport", "_CodeBook", "_LeakVerification", "_RecordingRedactor",
    "_merge_runs", "_recount_source", "_rows_at", "_with_key_errors", "assemble_candidate",
    "aux_columns", "candidate_source", "check_k", "check_leaks", "check_quarantine_share", "check_row_accounting",
    "check_schema", "code_version", "deidentified_current", "deidentify_partition", "fault_point", "file_sha256",
    "gather_identifiers", "identify_export", "ingest_raw", "load_candidate_source", "package_metadata",
    "partition_key_for", "policy_of", "provenance", "publish", "record_check", "recorded_checks", "run_check",
    "standardize_partition", "typed_public_table",
]
