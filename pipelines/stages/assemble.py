"""The validated stage: every de-identified partition assembled into the release candidate, streaming.

Memory does not grow with the dataset's width: (1) validate the public contract batch by batch, keys (primary
key, unique) across all batches on the key columns only, and collect the quasi-identifier (+ ladder helper)
columns as integer-coded categoricals; (2) search the k-anonymity levels on those columns only; (3) a second
streaming pass applies the levels and suppression and writes sorted runs to a local spill folder; (4) the runs
are merged in primary-key order into the candidate, then hashed column by column. Files, accounting and content
hash are those of the in-memory reference (`tests/reference/assemble.py`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines import export_fates, publishing, review
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.accounting import Assembled, candidate_accounting
from pipelines.stages.codebook import CodeBook, small_int
from pipelines.stages.common import StageError, policy_of
from pipelines.stages.deidentified import deidentified_current
from pipelines.stages.identifiers import gather_identifiers
from pipelines.stages.results import CandidateResult
from pipelines.stages.shard_rows import deidentified_batches
from pipelines.stages.validation import (
    StreamValidation,
    arrow_validation_table,
    one_array,
    take_rows,
    typed_public_table,
    typed_schema,
)
from pipelines.store import PrivateStore, batch_rows, release_memory
from redaction import sdc
from redaction.policy import Policy

_RUN_ROW_GROUP = 8_192  # rows per row group of a sorted run (see _merge_runs)


def sdc_columns(cfg: Mapping[str, Any]) -> list[str]:
    """The columns the k-anonymity search reads: quasi-identifiers, their ladder helper columns, the sensitive one."""
    config = sdc.parse_config(cfg)
    need = list(config.qi_columns)
    for q in config.quasi_identifiers:
        if q.ladder == "columns":
            need += [lv for lv in q.levels if lv != sdc.SUPPRESSED and lv not in need]
    if config.sensitive and config.sensitive not in need:
        need.append(config.sensitive)
    if config.unit and config.unit not in need:
        need.append(config.unit)
    return need


def assemble_candidate(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str], *,
                       spanning: Mapping[str, bool] | None = None) -> CandidateResult:
    """Build the release candidate from every de-identified partition; write it and its accounting. For a shard
    (``spec.shard``), only its rows are read; ``spanning`` names its exports that span several shards (`shards`)."""
    parts, fates = export_fates.publishable_partitions(store, spec, partitions)
    if not parts:
        raise StageError(f"{spec.name}: no de-identified partition to assemble")
    policy = policy_of(spec)
    first = _first_pass(store, spec, parts, sdc_columns(policy.k_anonymity) if policy.k_anonymity else [])
    keep, total_by_file, bad_by_file = _quarantine_invalid(store, spec, first)
    rows_before_sdc = int(keep.sum())
    sdc_report, levels, blanks = _disclosure_control(policy, first, keep)
    suppressed = rows_before_sdc - int(keep.sum())
    kept_by_file = dict(zip(first.files, np.bincount(first.all_files[keep], minlength=len(first.files)).tolist(),
                            strict=True))
    first.all_files = np.zeros(0, np.int32)
    ap = _Applied(keep, levels, blanks)
    if spec.primary_key:
        ap.ranks = _pk_ranks(store, spec, parts, spec.primary_key, keep)
        release_memory()
    ap.rev = _review_for(store, spec, policy, parts)  # free text the verifier flags is withheld, record by record
    published = _write_candidate(store, spec, policy, parts, ap)
    withheld = _finish_review(store, ap.rev)
    return candidate_accounting(store, spec, policy, Assembled(
        parts=parts, fates=fates, content_hash=_content_hash(store, spec, published), validation=first.report,
        reasons=first.reasons, total_by_file=total_by_file, bad_by_file=bad_by_file, kept_by_file=kept_by_file,
        suppressed=suppressed, published=published, withheld=withheld, sdc_report=sdc_report,
        rows_before_sdc=rows_before_sdc, spanning=spanning))


@dataclass
class _FirstPass:
    """Pass 1's findings: the validation report, each row's export file (as an index into `files`) and row
    number, and the quasi-identifier columns as code books."""

    report: Any
    reasons: dict[int, list[str]]
    rows: int
    files: list[str]
    all_files: np.ndarray
    all_rows: np.ndarray
    qi: dict[str, CodeBook] = field(default_factory=dict)


def _first_pass(store: PrivateStore, spec: DatasetSpec, parts: Sequence[str], sdc_cols: Sequence[str]) -> _FirstPass:
    """Pass 1 (Arrow, no pandas): validation per batch, key hashes and compact QI columns across batches."""
    fields = spec.public_fields
    validation = StreamValidation(spec.schema)
    qi_chunks: dict[str, CodeBook] = {c: CodeBook() for c in sdc_cols}
    file_idx: list[np.ndarray] = []
    row_nums: list[np.ndarray] = []
    files: list[str] = []

    def batches(columns: list[str] | None = None) -> Iterable[pa.RecordBatch]:
        for p in parts:
            yield from deidentified_batches(store, spec, p, columns)

    for batch in batches():
        validation.add(arrow_validation_table(batch, fields))
        for c in sdc_cols:
            qi_chunks[c].add_arrow(batch.column(c))
        file_idx.append(_file_codes(batch, files))
        rown = np.asarray(batch.column("_row").to_numpy(zero_copy_only=False), dtype=np.int64)
        row_nums.append(rown.astype(np.int32) if len(rown) and 0 <= rown.min() and rown.max() < 2**31 else rown)
        release_memory()
    n = validation.rows
    report = validation.report(lambda names, pos: take_rows(batches(names), pos,
                                                            lambda b: arrow_validation_table(b, names)))
    release_memory()
    all_files = np.concatenate(file_idx) if file_idx else np.zeros(0, np.int32)
    all_rows = np.concatenate(row_nums) if row_nums else np.zeros(0, np.int64)
    return _FirstPass(report, report.row_reasons(), n, files, all_files, all_rows, qi_chunks)


def _file_codes(batch: pa.RecordBatch, files: list[str]) -> np.ndarray:
    """Each row's export file as an index into ``files`` (extended with the files first seen here)."""
    enc = pc.dictionary_encode(one_array(batch.column("_file")))
    glob = []
    for f in enc.dictionary.to_pylist():
        if f not in files:
            files.append(f)
        glob.append(files.index(f))
    if not batch.num_rows:
        return np.zeros(0, np.int8)
    idx = np.asarray(enc.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    return np.asarray(glob, dtype=np.int32)[idx].astype(small_int(len(files)), copy=False)


def _quarantine_invalid(store: PrivateStore, spec: DatasetSpec, first: _FirstPass,
                        ) -> tuple[np.ndarray, dict[str, int], dict[str, int]]:
    """Quarantine the rows failing the public contract (never published, never lost); the rows kept, and the
    rows and failing rows by export file."""
    reasons = first.reasons
    bad_pos = np.array(sorted(int(r) - 2 for r in reasons), dtype=np.int64)
    all_files, files = first.all_files, first.files
    file_names = np.array(files + [None], dtype=object)
    qdf = pd.DataFrame({"_file": file_names[all_files[bad_pos]], "_row": first.all_rows[bad_pos].astype(np.int64)})
    qdf["_stage"] = "validate"
    qdf["_reasons"] = [";".join(reasons[int(p) + 2]) for p in bad_pos]
    store.write_parquet(layout.validate_quarantine(spec.unit), pa.Table.from_pandas(qdf, preserve_index=False))
    first.all_rows = np.zeros(0, np.int64)
    total_by_file = dict(zip(files, np.bincount(all_files, minlength=len(files)).tolist(), strict=True))
    bad_by_file = dict(zip(files, np.bincount(all_files[bad_pos], minlength=len(files)).tolist(), strict=True))
    keep = np.ones(first.rows, dtype=bool)
    keep[bad_pos] = False
    return keep, total_by_file, bad_by_file


def _disclosure_control(policy: Policy, first: _FirstPass, keep: np.ndarray,
                        ) -> tuple[dict[str, Any] | None, dict[str, str] | None, dict[str, np.ndarray]]:
    """The k-anonymity search on the compact QI columns only: (report, levels, QI -> positions over all rows of the
    cells published as "*"); the suppressed rows are cleared in ``keep``."""
    if not policy.k_anonymity:
        return None, None, {}
    n = first.rows
    qi = pd.DataFrame({c: first.qi[c].series() for c in first.qi})
    first.qi.clear()
    kept_pos = np.flatnonzero(keep)
    if len(kept_pos) < n:
        qi = qi.iloc[kept_pos].reset_index(drop=True)
    plan = sdc.k_anonymize_plan(qi, policy.k_anonymity)
    del qi
    keep[:] = False
    keep[kept_pos[plan.keep]] = True
    blanks = {c: np.zeros(n, dtype=bool) for c in plan.blanks}
    for c, m in plan.blanks.items():
        blanks[c][kept_pos[m]] = True
    del kept_pos
    release_memory()
    return plan.report.to_dict(), dict(plan.report.levels), blanks


@dataclass
class _Applied:
    """What pass 2 applies to each de-identified batch: the rows kept, the generalization levels, the cells
    blanked, the primary-key ranks (None without a primary key) and the review of free text."""

    keep: np.ndarray
    levels: dict[str, str] | None
    blanks: dict[str, np.ndarray]
    ranks: np.ndarray | None = None
    rev: review.Review | None = None


def _write_candidate(store: PrivateStore, spec: DatasetSpec, policy: Policy, parts: Sequence[str],
                     ap: _Applied) -> int:
    """Pass 2: apply the plan batch by batch and write the candidate and its row map (through sorted runs merged
    in primary-key order when there is a primary key); the rows published."""
    schema = spec.schema
    with tempfile.TemporaryDirectory(prefix="osd-assemble-") as spill:
        runs: list[tuple[str, np.ndarray]] = []
        pos = 0
        with store.parquet_sink(layout.candidate(spec.unit), schema=typed_schema(schema)) as sink, \
                store.parquet_sink(review.rowmap_key(spec.unit), schema=_ROWMAP_SCHEMA) as map_sink:
            for p in parts:
                for batch in deidentified_batches(store, spec, p):
                    table, rowmap, r = _apply_batch(batch, pos, policy, schema, ap)
                    if r is None:
                        sink.write(table)
                        map_sink.write(rowmap)
                    else:
                        o = np.argsort(r, kind="stable")
                        path = f"{spill}/run-{len(runs):05d}.parquet"
                        run = pa.Table.from_arrays(table.columns + rowmap.columns,
                                                   names=table.column_names + rowmap.column_names)
                        pq.write_table(run.take(pa.array(o)), path, row_group_size=_RUN_ROW_GROUP, compression="lz4")
                        runs.append((path, r[o]))
                    pos += batch.num_rows
                release_memory()  # per-batch pandas work leaves freed pages behind: ~16 MB a batch on 10M stops
            if ap.ranks is not None:
                ap.ranks = None
                release_memory()
                _merge_runs(runs, _SplitSink(sink, map_sink, len(schema["fields"])), int(ap.keep.sum()))
        return int(ap.keep.sum())


def _apply_batch(batch: pa.RecordBatch, pos: int, policy: Policy, schema: Mapping[str, Any], ap: _Applied,
                 ) -> tuple[pa.Table, pa.Table, np.ndarray | None]:
    """One de-identified batch (rows ``pos`` ...) as published: (candidate rows, their row map, their ranks)."""
    m = ap.keep[pos : pos + batch.num_rows]
    sel = np.flatnonzero(m)
    df = batch.take(pa.array(sel, type=pa.int64())).to_pandas() if len(sel) < batch.num_rows else batch.to_pandas()
    df, released = ap.rev.apply(df) if ap.rev is not None else (df, np.array([None] * len(df), dtype=object))
    rowmap = review.rowmap_table(df, released)
    if ap.levels is not None and policy.k_anonymity and len(df):
        df = sdc.apply_plan(df, policy.k_anonymity, ap.levels,
                            {c: b[pos : pos + batch.num_rows][sel] for c, b in ap.blanks.items()})
    table = typed_public_table(df, schema)
    ranks = None if ap.ranks is None else ap.ranks[pos : pos + batch.num_rows][sel]
    return table, rowmap, ranks


def _content_hash(store: PrivateStore, spec: DatasetSpec, published: int) -> str:
    """The candidate's content hash, column by column (the file is never read whole when it has rows)."""
    cand_key = layout.candidate(spec.unit)
    if not published:
        return publishing.content_hash(store.read_parquet(cand_key), spec.schema)

    def chunks(name: str) -> Iterable[pa.Array]:
        for b in store.iter_parquet(cand_key, columns=[name]):
            yield b.column(0)

    return publishing.content_hash_columns(spec.schema, published, chunks)


_ROWMAP_SCHEMA = pa.schema([("_file", pa.string()), ("_row", pa.int64()), ("_released", pa.string())])


@dataclass
class _SplitSink:
    """Writes the first ``n`` columns of each table to the candidate and the rest (the row map) beside it."""

    candidate: Any
    rowmap: Any
    n: int

    def write(self, t: pa.Table) -> None:
        self.candidate.write(t.select(list(range(self.n))))
        self.rowmap.write(t.select(list(range(self.n, t.num_columns))))


def _review_for(store: PrivateStore, spec: DatasetSpec, policy: Policy, parts: Sequence[str]) -> review.Review | None:
    """The per-record review of the free-text columns (None when the policy has none): the dataset-wide
    identifier set, the officer's decisions and each export's sha256 and agency."""
    if not policy.text_columns:
        return None
    files = {}
    for p in parts:
        m = store.read_json(layout.raw_meta(spec.name, p))
        files[m["file"]] = (m["sha256"], m["agency"])
    decisions = review.load_decisions(store, spec.name)
    rev = review.Review(spec.unit, list(policy.text_columns), gather_identifiers(store, spec, parts), decisions, files)
    rev.stale_exports = sum(1 for p in parts if not deidentified_current(store, spec, p))
    return rev


def _finish_review(store: PrivateStore, rev: review.Review | None) -> dict[str, Any]:
    """Write the review report (private) and return the withheld counts for the accounting."""
    if rev is None:
        return {"by_reason": {}, "total": 0, "released_by_decision": 0, "report": None}
    rev.write(store)
    return rev.summary(store)


def _pk_ranks(store: PrivateStore, spec: DatasetSpec, parts: Sequence[str], pk: Sequence[str], keep: np.ndarray) -> np.ndarray:
    """Each kept row's position in primary-key order (the order `sort_values(pk, kind="stable")` gives)."""
    cols: dict[str, list[pa.Array]] = {k: [] for k in pk}
    for p in parts:
        for b in deidentified_batches(store, spec, p, list(pk)):
            for k in pk:
                cols[k].append(b.column(k))
    # sort every row in its chunks (no concatenated or filtered copy of the keys), then keep the kept rows: a
    # stable sort restricted to a subset is the subset's stable sort
    t = pa.table({k: pa.chunked_array(v) if v else pa.array([], pa.string()) for k, v in cols.items()})
    cols.clear()
    order = pc.sort_indices(t, sort_keys=[(k, "ascending") for k in pk]).to_numpy()
    del t
    order = order[keep[order]]
    ranks = np.full(len(keep), -1, dtype=np.int64)
    ranks[order] = np.arange(len(order), dtype=np.int64)
    return ranks


def _merge_runs(runs: list[tuple[str, np.ndarray]], sink: Any, total: int) -> None:
    """Write rows of runs (each sorted by rank) in rank order, `batch_rows()` ranks at a time. Each run's row
    groups are small and read once: the last one read is kept for the next step (the ranks advance together)."""
    files = [pq.ParquetFile(path) for path, _ in runs]
    last: list[tuple[int, pa.Table] | None] = [None] * len(files)
    g_rows = _RUN_ROW_GROUP

    def rows(i: int, a: int, b: int) -> list[pa.Table]:
        out = []
        for g in range(a // g_rows, (b - 1) // g_rows + 1):
            held = last[i]
            if held is None or held[0] != g:
                held = last[i] = (g, files[i].read_row_group(g))
            lo, hi = max(a, g * g_rows), min(b, (g + 1) * g_rows)
            out.append(held[1].slice(lo - g * g_rows, hi - lo))
        return out

    step = batch_rows()
    for lo in range(0, total, step):
        hi = min(lo + step, total)
        pieces, piece_ranks = [], []
        for i, (_, r) in enumerate(runs):
            a, b = int(np.searchsorted(r, lo)), int(np.searchsorted(r, hi))
            if a == b:
                continue
            pieces += rows(i, a, b)
            piece_ranks.append(r[a:b])
        t = pa.concat_tables(pieces)
        o = np.argsort(np.concatenate(piece_ranks), kind="stable")
        sink.write(t.take(pa.array(o)))


