"""The standardized stage: raw rows validated against the source contract, mapped to standardized columns, the rest quarantined."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from pipelines import export_fates, tableschema, value_ranges
from pipelines.parallel import ordered_map, processes_for
from pipelines.specs import DatasetSpec, SourceSpec
from pipelines.stages import layout
from pipelines.stages.common import StageError, policy_of
from pipelines.stages.identifiers import FORMS_SCHEMA, FormsJob, identifier_signature, mark_forms_complete
from pipelines.stages.results import StandardizeResult
from pipelines.standardize import standardize
from pipelines.store import PrivateStore, batch_rows, release_memory


def _needs_whole_table(schema: Mapping[str, Any]) -> bool:
    """Keys compare rows with each other: such a contract is validated in one piece."""
    if schema.get("primaryKey") or schema.get("foreignKeys"):
        return True
    return any((f.get("constraints") or {}).get("unique") for f in schema.get("fields", []))


def standardize_partition(store: PrivateStore, spec: DatasetSpec, partition: str) -> StandardizeResult:
    """Validate raw rows against the source contract, map them to standardized columns, quarantine the rest.

    Streams the raw partition in record batches (one batch when the source contract declares keys); an export of
    several batches is processed by `stage_processes()` processes, written in order.
    """
    sha = (store.read_json(layout.raw_meta(spec.name, partition)) or {}).get("sha256")
    with export_fates.stage_status(store, spec.name, partition, "standardized", sha):
        return _standardize_partition(store, spec, partition)


def _standardize_partition(store: PrivateStore, spec: DatasetSpec, partition: str) -> StandardizeResult:
    raw_key = layout.raw(spec.name, partition)
    if not store.exists(raw_key):
        raise StageError(f"{spec.name}/{partition}: no raw data; materialize the raw asset first")
    meta = store.read_json(layout.raw_meta(spec.name, partition))
    src = spec.source(meta["source"])
    n_raw = store.parquet_num_rows(raw_key)
    whole = _needs_whole_table(src.contract) or src.keys_span_export
    procs, size = processes_for(n_raw, max(1, n_raw) if whole else batch_rows())
    rows_in = rows_out = 0
    reason_counts: Counter[str] = Counter()
    quarantined_rows: list[int] = []
    n_quarantined = 0
    std_id = uuid.uuid4().hex  # this run's rows: caches derived from them (identifier forms) key on it
    identifiers = dict(policy_of(spec).identifiers)
    forms_key = layout.identifier_forms(spec.name, partition)
    source_values = 0
    with store.parquet_sink(layout.standardized(spec.name, partition)) as std_sink, store.parquet_sink(
        layout.quarantine(spec.name, partition)
    ) as q_sink, store.parquet_sink(forms_key + ".parquet", FORMS_SCHEMA) as forms_sink:
        job = _StandardizeJob(spec, src, meta["file"], FormsJob(identifiers))
        for std_table, qtable, reasons, qrows, n_in, (forms, n_values) in ordered_map(
                job, store.iter_parquet(raw_key, batch_size=size), procs):
            std_sink.write(std_table)
            q_sink.write(qtable)
            if forms.num_rows:
                forms_sink.write(forms)
            source_values += n_values
            reason_counts.update(reasons)
            quarantined_rows += qrows[: 50 - len(quarantined_rows)]
            rows_in += n_in
            rows_out += std_table.num_rows
            n_quarantined += qtable.num_rows
            del std_table, qtable, forms
            release_memory()
        if std_sink.schema is None:  # an export without rows
            empty = store.read_parquet(raw_key)
            std_sink.write(pa.Table.from_pandas(_empty_standardized(spec, src, empty), preserve_index=False))
            q_sink.schema = _quarantine_schema(empty)
    release_memory()  # the last batch's pages: a step after this one in the same process (a shard) reuses nothing
    out = StandardizeResult(
        file=meta["file"], raw_sha256=meta["sha256"], source=src.name, rows_in=int(rows_in), rows_out=int(rows_out),
        quarantined=int(n_quarantined), reasons=dict(sorted(reason_counts.items())),
        quarantined_rows=quarantined_rows, standardized_id=std_id, precision=dict(src.precision),
    )
    store.write_json(layout.standardized_meta(spec.name, partition), out.to_dict())
    # the leak verifier's identifier forms of these rows, computed with them (`gather_identifiers` reads them back)
    mark_forms_complete(store, forms_key, std_id, identifier_signature(spec), source_values)
    return out


@dataclass
class _StandardizeJob:
    """One raw record batch -> (standardized table, quarantine table, reason counts, first quarantined row numbers,
    rows in, identifier forms of the standardized rows): a picklable callable, so batches can go to worker
    processes (`ordered_map`)."""

    spec: DatasetSpec
    src: SourceSpec
    file: str
    forms: FormsJob  # the leak verifier's identifier forms of the standardized rows

    def __call__(self, batch: pa.RecordBatch,
                 ) -> tuple[pa.Table, pa.Table, Counter[str], list[int], int, tuple[pa.Table, int]]:
        src = self.src
        raw = pa.Table.from_batches([batch])
        rows = raw.column("_row").to_numpy()
        data = raw.drop_columns(["_row"])
        report = tableschema.validate(data, src.contract, row_numbers=raw.column("_row"))
        reasons: dict[int, list[str]] = {}
        contract_reasons = report.row_reasons()
        pos_of_row = _positions(rows, contract_reasons)
        for row, rs in contract_reasons.items():
            for pos in pos_of_row[int(row)]:
                reasons.setdefault(pos, []).extend(f"source-{r}" for r in rs)
        with pd.option_context("mode.string_storage", "pyarrow"):  # Arrow-backed strings: ~1/3 less memory
            res = standardize(
                data,
                src.fields,
                self.spec.standardized_types,
                source_missing=[str(m) for m in src.contract.get("missingValues", [""])],
                source_name=src.name,
                row_numbers=rows,
            )
        for pos, rs in res.row_reasons.items():
            reasons.setdefault(pos, []).extend(rs)
        for pos, rs in value_ranges.out_of_range(res.frame, self.spec.standardized).items():
            reasons.setdefault(pos, []).extend(rs)  # an age of 200, a birth date in 2030: `constraint-error`
        bad = np.zeros(len(rows), dtype=bool)
        if reasons:
            bad[list(reasons)] = True
        frame = res.frame.loc[~bad].copy()
        del res
        frame["_file"] = self.file
        frame["_row"] = rows[~bad]
        std_table = _python_string_table(frame)
        # quarantine: the raw cells of bad rows (private), their physical row numbers and reason codes
        qpos = np.flatnonzero(bad)
        qtable = data.take(pa.array(qpos, type=pa.int64()))
        qtable = qtable.append_column("_file", pa.array([self.file] * len(qpos), type=pa.string()))
        qtable = qtable.append_column("_row", pa.array(rows[qpos], type=pa.int64()))
        qtable = qtable.append_column("_stage", pa.array(["standardize"] * len(qpos), type=pa.string()))
        qtable = qtable.append_column(
            "_reasons", pa.array([";".join(reasons[int(p)]) for p in qpos], type=pa.string())
        )
        counts = Counter(r for p in qpos for r in reasons[int(p)])
        return std_table, qtable, counts, [int(r) for r in rows[qpos][:50]], len(rows), self.forms(std_table)


def _positions(rows: np.ndarray, wanted: Mapping[int, Any]) -> dict[int, list[int]]:
    """Export row number -> its positions in the batch (an exploded export row has several), for the ``wanted``
    rows only: the rows failing the contract are few, and a Python loop over every row cost ~0.15 CPU-s a batch."""
    out: dict[int, list[int]] = {int(r): [] for r in wanted}
    if out:
        hit = np.flatnonzero(np.isin(rows, np.fromiter(out, dtype=np.int64, count=len(out))))
        for i, r in zip(hit.tolist(), rows[hit].tolist(), strict=True):
            out[int(r)].append(i)
        if not all(out.values()):  # the contract named a row this batch does not hold: never drop its reasons
            raise StageError("standardize: a contract reason names a row outside its batch")
    return out


def _python_string_table(frame: pd.DataFrame) -> pa.Table:
    """`pa.Table.from_pandas(frame)` as if its Arrow-backed string columns were Python-backed (`string` type and
    the same pandas metadata), so the file does not depend on the string storage used while standardizing."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    arrow_strings = {str(c) for c in frame.columns
                     if isinstance(frame[c].dtype, pd.StringDtype) and frame[c].dtype.storage != "python"}
    if not arrow_strings:
        return table
    meta = dict(table.schema.metadata or {})
    if b"pandas" in meta:
        pmeta = json.loads(meta[b"pandas"])
        for col in pmeta.get("columns", []):
            if col.get("name") in arrow_strings and col.get("pandas_type") == "object":
                col["pandas_type"] = "unicode"
        meta[b"pandas"] = json.dumps(pmeta).encode()
    fields = [pa.field(f.name, pa.string(), f.nullable, f.metadata)
              if f.name in arrow_strings and pa.types.is_large_string(f.type) else f for f in table.schema]
    return table.cast(pa.schema(fields, metadata=meta))


def _empty_standardized(spec: DatasetSpec, src: SourceSpec, raw: pa.Table) -> pd.DataFrame:
    res = standardize(
        raw.drop_columns(["_row"]),
        src.fields,
        spec.standardized_types,
        source_missing=[str(m) for m in src.contract.get("missingValues", [""])],
        source_name=src.name,
    )
    frame = res.frame.copy()
    frame["_file"] = pd.Series([], dtype=object)
    frame["_row"] = pd.Series([], dtype=np.int64)
    return frame


def _quarantine_schema(raw: pa.Table) -> pa.Schema:
    fields = [f for f in raw.schema if f.name != "_row"]
    return pa.schema(
        [*fields, ("_file", pa.string()), ("_row", pa.int64()), ("_stage", pa.string()), ("_reasons", pa.string())]
    )


