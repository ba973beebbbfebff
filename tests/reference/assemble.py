"""`stages.assemble_candidate` the simple way: every partition concatenated in pandas, the candidate sorted whole.

Same files and accounting as the streaming assembly (the accounting is the same function,
`stages.accounting.candidate_accounting`), memory grows with the dataset.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from pipelines import export_fates, publishing, review, tableschema
from pipelines.specs import DatasetSpec
from pipelines.stages import StageError, layout, policy_of
from pipelines.stages.accounting import Assembled, candidate_accounting
from pipelines.stages.assemble import _finish_review, _review_for
from pipelines.stages.results import CandidateResult
from pipelines.stages.validation import as_validation_table, typed_public_table
from pipelines.store import PrivateStore
from redaction import sdc


def assemble_candidate_in_memory(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> CandidateResult:
    """Build the release candidate from every de-identified partition, in memory; write it and its accounting."""
    parts, fates = export_fates.publishable_partitions(store, spec, partitions)
    if not parts:
        raise StageError(f"{spec.name}: no de-identified partition to assemble")
    policy = policy_of(spec)
    frames = [store.read_parquet(layout.deidentified(spec.name, p)).to_pandas() for p in parts]
    df = pd.concat(frames, ignore_index=True)
    # validate the public contract; rows that fail are quarantined (never published, never lost)
    report = tableschema.validate(as_validation_table(df, spec.public_fields), spec.schema)
    reasons = report.row_reasons()  # keys are 1-based data row numbers + 1 (header = row 1)
    bad_pos = np.array(sorted(int(r) - 2 for r in reasons), dtype=np.int64)
    total_by_file = df["_file"].value_counts().to_dict()
    bad_by_file = df["_file"].iloc[bad_pos].value_counts().to_dict()
    _quarantine(store, spec, df, bad_pos, reasons)
    keep = np.ones(len(df), dtype=bool)
    keep[bad_pos] = False
    df = df.loc[keep].reset_index(drop=True)
    # disclosure control
    sdc_report: dict[str, Any] | None = None
    rows_before_sdc = len(df)
    if policy.k_anonymity:
        df, rep = sdc.k_anonymize(df, policy.k_anonymity)
        sdc_report = rep.to_dict()
    suppressed = rows_before_sdc - len(df)
    rev = _review_for(store, spec, policy, parts)
    df, released = rev.apply(df) if rev is not None else (df, np.array([None] * len(df), dtype=object))
    df["_released"] = released
    kept_by_file = df["_file"].value_counts().to_dict()
    pk = spec.primary_key
    df = df.sort_values(pk, kind="stable").reset_index(drop=True) if pk else df
    table = typed_public_table(df, spec.schema)
    chash = publishing.content_hash(table, spec.schema)
    store.write_parquet(layout.candidate(spec.name), table)
    store.write_parquet(review.rowmap_key(spec.name), review.rowmap_table(df, df["_released"].to_numpy()))
    withheld = _finish_review(store, rev)
    return candidate_accounting(store, spec, policy, Assembled(
        parts=parts, fates=fates, content_hash=chash, validation=report, reasons=reasons,
        total_by_file=total_by_file, bad_by_file=bad_by_file, kept_by_file=kept_by_file, suppressed=suppressed,
        published=int(table.num_rows), withheld=withheld, sdc_report=sdc_report, rows_before_sdc=rows_before_sdc))


def _quarantine(store: PrivateStore, spec: DatasetSpec, df: pd.DataFrame, bad_pos: np.ndarray,
                reasons: Mapping[int, Sequence[str]]) -> None:
    qdf = df.iloc[bad_pos][["_file", "_row"]].copy()
    qdf["_stage"] = "validate"
    qdf["_reasons"] = [";".join(reasons[int(p) + 2]) for p in bad_pos]
    store.write_parquet(layout.validate_quarantine(spec.name), pa.Table.from_pandas(qdf, preserve_index=False))


def load_candidate(store: PrivateStore, spec: DatasetSpec) -> tuple[pa.Table, dict[str, Any]]:
    """The release candidate read whole, and its accounting document."""
    if not store.exists(layout.candidate(spec.name)):
        raise StageError(f"{spec.name}: no release candidate; materialize the validated asset first")
    return store.read_parquet(layout.candidate(spec.name)), store.read_json(layout.candidate_meta(spec.name))
