"""The raw stage: one export read through its source contract into all-string Parquet, the original kept privately."""

from __future__ import annotations

import dataclasses
import logging
import shutil
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipelines import export_fates, readers
from pipelines.specs import DatasetSpec, SourceSpec, file_sha256
from pipelines.stages import layout
from pipelines.stages.recognize import identify_export
from pipelines.stages.results import RawResult
from pipelines.standardize import explode_table, row_filter_mask
from pipelines.store import PrivateStore, batch_rows, release_memory

log = logging.getLogger(__name__)


def _raw_schema(contract: Mapping[str, Any]) -> pa.Schema:
    names = [f["name"] for f in contract.get("fields", [])]
    return pa.schema([(n, pa.string()) for n in names] + [("_row", pa.int64())])


def _write_raw(store: PrivateStore, key: str, pieces: Iterable[Any], contract: Mapping[str, Any]) -> dict[str, Any]:
    """Stream export pieces into the raw Parquet file (atomic on success); return the read accounting."""
    acc: dict[str, Any] = {"encoding": None, "rows_read": 0, "rows": 0, "blank_rows": 0}
    issues: Counter[str] = Counter()
    issue_rows: list[dict[str, Any]] = []
    n_issues = 0
    with store.parquet_sink(key) as sink:
        for piece in pieces:
            acc["encoding"] = acc["encoding"] or piece.encoding
            sink.write(piece.table.append_column("_row", piece.row_numbers.cast(pa.int64())))
            acc["rows_read"] += int(piece.rows_read)
            acc["rows"] += int(piece.table.num_rows)
            acc["blank_rows"] += int(piece.blank_rows)
            # a row missing ten cells is one quarantined row with one `missing-cell` reason, not ten
            n_issues += len({i.row for i in piece.issues})
            issues.update(code for _, code in {(i.row, i.code) for i in piece.issues})
            issue_rows += [{"row": i.row, "code": i.code, "field": i.field} for i in piece.issues[: 1000 - len(issue_rows)]]
        if sink.schema is None:
            sink.schema = _raw_schema(contract)
    acc.update(read_quarantined=n_issues, read_issues=dict(issues), read_issue_rows=issue_rows)
    return acc


def ingest_raw(store: PrivateStore, spec: DatasetSpec, path: Path, partition: str) -> RawResult:
    """Read one export through its source contract into all-string Parquet; keep the original file privately.

    CSV exports stream in record batches of `batch_rows()` rows (bounded memory); a CSV that is not UTF-8 past
    its sample, or has a cell larger than the streaming block, is read whole (the reader's fallbacks). A failure
    is recorded as the export's fate (`export_fates`): the dataset does not publish without it.
    """
    sha = file_sha256(path)
    with export_fates.stage_status(store, spec.name, partition, "raw", sha):
        return _ingest_raw(store, spec, path, partition, sha)


def _ingest_raw(store: PrivateStore, spec: DatasetSpec, path: Path, partition: str, sha: str) -> RawResult:
    match = identify_export(path, [spec])
    src = match.source
    copy_key = layout.export_copy(spec.name, partition, sha, path.name)
    if store.is_local:
        dest = Path(store.path(copy_key))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists():
            shutil.copyfile(path, dest)
    else:
        with store.fs.open_output_stream(store.path(copy_key)) as out:
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 22)
    key = layout.raw(spec.name, partition)
    filtered = [0]
    try:
        pieces = readers.iter_export(path, src.contract, batch_rows=batch_rows(), **src.read_options())
        acc = _write_raw(store, key, _filtered(pieces, src, filtered), src.contract)
    except readers.ReadError as exc:
        if exc.code not in ("encoding-error", "parse-error"):
            raise
        log.info("%s: streaming read failed (%s), reading the whole file", path.name, exc.code)
        filtered = [0]
        export = readers.read_export(path, src.contract, **src.read_options())
        acc = _write_raw(store, key, _filtered([export], src, filtered), src.contract)
    acc["filtered_rows"] = filtered[0]
    release_memory()  # the read's buffers, kept by Arrow's allocator, would weigh on the next step in this process
    result = RawResult(file=path.name, sha256=sha, bytes=path.stat().st_size, source=src.name, agency=src.agency,
                       spec_sha256=src.spec_sha256(), **acc)
    store.write_json(layout.raw_meta(spec.name, partition), result.to_dict())
    return result


def _filtered(pieces: Iterable[Any], src: SourceSpec, count: list[int]) -> Iterable[Any]:
    """Apply the source's row filter: rows it leaves out are counted (`filtered_rows`), not ingested."""
    for piece in pieces:
        if src.explode and piece.table.num_rows:  # one row per packed value (same export row number)
            table, parents = explode_table(piece.table, src.explode)
            idx = pa.array(parents)
            piece = dataclasses.replace(piece, table=table, row_numbers=piece.row_numbers.take(idx),
                                        rows_read=piece.rows_read + len(parents) - piece.table.num_rows)
        if src.filters and piece.table.num_rows:
            keep = row_filter_mask(piece.table, src.filters)
            dropped = int((~keep).sum())
            if dropped:
                mask = pa.array(keep)
                piece = dataclasses.replace(piece, table=piece.table.filter(mask),
                                            row_numbers=piece.row_numbers.filter(mask),
                                            rows_read=piece.rows_read - dropped)
                count[0] += dropped
        yield piece


