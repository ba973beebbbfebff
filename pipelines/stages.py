"""The pipeline's stages as plain functions (no Dagster): the assets in `pipelines/assets.py` only wire them up.

Every function reads and writes the private store and returns metadata made of counts, row numbers, field names
and reason codes: never a value from a record.

Private store layout (keys):
  exports/<dataset>/<partition>/<sha256>/<file>   the original export, kept so nothing is ever lost
  raw/<dataset>/<partition>.parquet|json           all-string rows as read + `_row` (physical row number)
  standardized/<dataset>/<partition>.parquet|json  typed standardized rows + `_file`, `_row`
  quarantine/<dataset>/<partition>.parquet         rows kept aside, with `_stage` and `_reasons`
  deidentified/<dataset>/<partition>.parquet|json  public columns + auxiliary ladder columns + `_file`, `_row`
  deidentified/...: `_review` holds the redactor's low-confidence flags of free text (pipelines/review/)
  candidate/<dataset>/candidate.parquet|json       the release candidate and its accounting
  candidate/<dataset>/rowmap.parquet               export file and row of each candidate row (+ texts released)
  candidate/<dataset>/review_terms.json            the allow terms the candidate was assembled with
  review/<dataset>/report.csv                      the officer's review report (withheld / released narratives)
  review/<dataset>/decisions.yaml                  the officer's decisions (docs/review.md)
  checks/<dataset>/<content_hash>/<check>.json     check results for exactly that content
  preview/<dataset>.json                           the last preview (content hash, proposed version)
  status/<dataset>/<partition>.json                a per-export stage running or failed (`export_fates`)
  withdrawn/<dataset>/<partition>.json             an export the officer withdrew, with the reason
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines import export_fates, review, value_ranges
from pipelines.config import REPO_ROOT
from pipelines.parallel import ordered_map, processes_for
from pipelines.specs import DatasetSpec, SourceSpec, file_sha256
from pipelines.standardize import standardize
from pipelines.store import PrivateStore, batch_rows, release_memory
from redaction.policy import Policy, apply_policy, load_policy

log = logging.getLogger(__name__)

CHECK_NAMES = ("schema_valid", "row_accounting", "quarantine_share", "no_leaks", "k_anonymity")
INTERNAL = ("_file", "_row")


class UnknownExport(Exception):
    """An export matches no source contract. The message names the file and the reason, never a value."""


class StageError(Exception):
    """A stage cannot run (missing input, changed content). The message names dataset/partition, never values."""


# ----------------------------------------------------------------------------------------------------------------
# recognizing exports


@dataclass
class ExportMatch:
    spec: DatasetSpec
    source: SourceSpec
    score: float


def _unknown_ok(src: SourceSpec) -> bool:
    return src.unknown_columns == "ignore"


def identify_export(path: Path, specs: Sequence[DatasetSpec]) -> ExportMatch:
    """The dataset and source whose contract matches this file's headers (all required columns present).

    A file matching two contracts equally well is refused (``ambiguous``) unless a source's ``match:`` file-name
    pattern settles it. A file matching none is refused with its own headers and the two closest contracts, with
    their missing and extra columns.
    """
    import fnmatch

    from pipelines import readers

    matches: list[tuple[ExportMatch, bool]] = []
    near: list[tuple[float, str]] = []
    errors: list[str] = []
    cache: dict[tuple[Any, ...], list[str]] = {}
    for spec in specs:
        for src in spec.sources:
            key = (src.format, src.sheet, src.header_row, src.record_path, src.encoding, src.delimiter)
            try:
                if key not in cache:
                    if src.format and readers.detect_format(path) != src.format:
                        continue
                    cache[key] = readers.read_headers(path, fmt=src.format, sheet=src.sheet,
                                                      header_row=src.header_row, record_path=src.record_path)
                headers = cache[key]
            except Exception as exc:  # unreadable for this source's layout: try the next
                errors.append(f"{src.name}: {exc}" if isinstance(exc, readers.ReadError)
                              else f"{src.name}: {exc.__class__.__name__}")
                continue
            m = readers.match_headers(headers, src.contract)
            ok = not (m.missing_required or m.duplicated or (m.unknown and not _unknown_ok(src)))
            named = src.match is not None and fnmatch.fnmatch(path.name.casefold(), src.match.casefold())
            if src.match and not named:
                ok = False
            if ok:
                matches.append((ExportMatch(spec, src, float(m.score)), named))
            present = {c for c in m.columns if c}
            missing = [f["name"] for f in src.contract["fields"] if f["name"] not in present]
            score = len(present) / max(len(present) + len(missing) + len(m.unknown), 1)
            near.append((score, f"{src.name} ({spec.name}): {round(score * 100)}% of columns match; "
                                f"{readers.mismatch_note(m, missing)}"))
    if any(named for _, named in matches):
        matches = [(m, named) for m, named in matches if named]
    if not matches:
        try:
            headers = readers.read_headers(path)
            seen = readers.headers_note(headers, max((s for s, _ in near), default=0.0))
        except Exception as exc:
            seen = f"its headers cannot be read ({getattr(exc, 'code', exc.__class__.__name__)}: " \
                   f"{getattr(exc, 'note', '')})"
        near.sort(key=lambda x: -x[0])
        closest = "; ".join(t for _, t in near[:2]) or "no source contract for this format"
        why = f" Read errors: {'; '.join(errors[:3])}." if errors and not any(s for s, _ in near) else ""
        raise UnknownExport(
            f"{path.name}: matches no source contract. {seen}. Closest: {closest}.{why} "
            "Run `python -m pipelines.cli describe` on the file to draft a contract and mapping."
        )
    best = max(m.score for m, _ in matches)
    top = [m for m, _ in matches if abs(m.score - best) < 1e-9]
    if len(top) > 1:
        names = ", ".join(f"{m.source.name} ({m.spec.name})" for m in top)
        raise UnknownExport(
            f"{path.name}: ambiguous, matches {len(top)} source contracts equally: {names}. Give one of them a "
            "`match:` file-name pattern (e.g. match: \"*terry*\") or make the contracts differ."
        )
    return top[0]


def _few(names: Sequence[str], n: int = 12) -> str:
    shown = ", ".join(repr(x) for x in list(names)[:n])
    return f"[{shown}" + (f", ... +{len(names) - n} more]" if len(names) > n else "]")


def partition_key_for(path: Path) -> str:
    return path.name


# ----------------------------------------------------------------------------------------------------------------
# raw


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


def ingest_raw(store: PrivateStore, spec: DatasetSpec, path: Path, partition: str) -> dict[str, Any]:
    """Read one export through its source contract into all-string Parquet; keep the original file privately.

    CSV exports stream in record batches of `batch_rows()` rows (bounded memory); a CSV that is not UTF-8 past
    its sample, or has a cell larger than the streaming block, is read whole (the reader's fallbacks). A failure
    is recorded as the export's fate (`export_fates`): the dataset does not publish without it.
    """
    sha = file_sha256(path)
    with export_fates.stage_status(store, spec.name, partition, "raw", sha):
        return _ingest_raw(store, spec, path, partition, sha)


def _ingest_raw(store: PrivateStore, spec: DatasetSpec, path: Path, partition: str, sha: str) -> dict[str, Any]:
    from pipelines import readers

    match = identify_export(path, [spec])
    src = match.source
    if store.is_local:
        dest = Path(store.path(f"exports/{spec.name}/{partition}/{sha}/{path.name}"))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists():
            shutil.copyfile(path, dest)
    else:
        with store.fs.open_output_stream(store.path(f"exports/{spec.name}/{partition}/{sha}/{path.name}")) as out:
            with open(path, "rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 22)
    key = f"raw/{spec.name}/{partition}.parquet"
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
    meta = {
        "file": path.name,
        "sha256": sha,
        "bytes": path.stat().st_size,
        "source": src.name,
        "agency": src.agency,
        "spec_sha256": src.spec_sha256(),
        **acc,
    }
    store.write_json(f"raw/{spec.name}/{partition}.json", meta)
    return meta


def _filtered(pieces: Iterable[Any], src: SourceSpec, count: list[int]) -> Iterable[Any]:
    """Apply the source's row filter: rows it leaves out are counted (`filtered_rows`), not ingested."""
    import dataclasses

    from pipelines.standardize import explode_rows, row_filter_mask

    for piece in pieces:
        if src.explode and piece.table.num_rows:  # one row per packed value (same export row number)
            parents, values = explode_rows(piece.table, src.explode)
            idx = pa.array(parents)
            table = piece.table.take(idx)
            cols = src.explode["columns"]
            for j, c in enumerate(cols):
                new = pa.array(values, pa.string()) if j == 0 else pa.nulls(len(parents), pa.string())
                table = table.set_column(table.schema.get_field_index(c), c, new)
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


# ----------------------------------------------------------------------------------------------------------------
# standardized


def _needs_whole_table(schema: Mapping[str, Any]) -> bool:
    """Keys compare rows with each other: such a contract is validated in one piece."""
    if schema.get("primaryKey") or schema.get("foreignKeys"):
        return True
    return any((f.get("constraints") or {}).get("unique") for f in schema.get("fields", []))


def standardize_partition(store: PrivateStore, spec: DatasetSpec, partition: str) -> dict[str, Any]:
    """Validate raw rows against the source contract, map them to standardized columns, quarantine the rest.

    Streams the raw partition in record batches (one batch when the source contract declares keys); an export of
    several batches is processed by `stage_processes()` processes, written in order.
    """
    sha = (store.read_json(f"raw/{spec.name}/{partition}.json") or {}).get("sha256")
    with export_fates.stage_status(store, spec.name, partition, "standardized", sha):
        return _standardize_partition(store, spec, partition)


def _standardize_partition(store: PrivateStore, spec: DatasetSpec, partition: str) -> dict[str, Any]:
    raw_key = f"raw/{spec.name}/{partition}"
    if not store.exists(raw_key + ".parquet"):
        raise StageError(f"{spec.name}/{partition}: no raw data; materialize the raw asset first")
    meta = store.read_json(raw_key + ".json")
    src = spec.source(meta["source"])
    n_raw = store.parquet_num_rows(raw_key + ".parquet")
    procs, size = processes_for(n_raw, max(1, n_raw) if _needs_whole_table(src.contract) else batch_rows())
    rows_in = rows_out = 0
    reason_counts: Counter[str] = Counter()
    quarantined_rows: list[int] = []
    n_quarantined = 0
    std_id = uuid.uuid4().hex  # this run's rows: caches derived from them (identifier forms) key on it
    identifiers = dict(policy_of(spec).identifiers)
    forms_key = _forms_cache(spec, partition)
    source_values = 0
    with store.parquet_sink(f"standardized/{spec.name}/{partition}.parquet") as std_sink, store.parquet_sink(
        f"quarantine/{spec.name}/{partition}.parquet"
    ) as q_sink, store.parquet_sink(forms_key + ".parquet", _FORMS_SCHEMA) as forms_sink:
        job = _StandardizeJob(spec, src, meta["file"], _FormsJob(identifiers))
        for std_table, qtable, reasons, qrows, n_in, (forms, n_values) in ordered_map(
                job, store.iter_parquet(raw_key + ".parquet", batch_size=size), procs):
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
            empty = store.read_parquet(raw_key + ".parquet")
            std_sink.write(pa.Table.from_pandas(_empty_standardized(spec, src, empty), preserve_index=False))
            q_sink.schema = _quarantine_schema(empty)
    out = {
        "file": meta["file"],
        "raw_sha256": meta["sha256"],  # the export content these rows come from (`export_fates` checks the chain)
        "source": src.name,
        "rows_in": int(rows_in),
        "rows_out": int(rows_out),
        "quarantined": int(n_quarantined),
        "reasons": dict(sorted(reason_counts.items())),
        "quarantined_rows": quarantined_rows,
        "standardized_id": std_id,
        "precision": dict(src.precision),  # declared by the source: month-only dates are published as months
    }
    store.write_json(f"standardized/{spec.name}/{partition}.json", out)
    # the leak verifier's identifier forms of these rows, computed with them (`gather_identifiers` reads them back)
    _mark_forms_complete(store, forms_key, std_id, _identifier_signature(spec), source_values)
    return out


@dataclass
class _StandardizeJob:
    """One raw record batch -> (standardized table, quarantine table, reason counts, first quarantined row numbers,
    rows in, identifier forms of the standardized rows): a picklable callable, so batches can go to worker
    processes (`ordered_map`)."""

    spec: DatasetSpec
    src: SourceSpec
    file: str
    forms: _FormsJob  # the leak verifier's identifier forms of the standardized rows

    def __call__(self, batch: pa.RecordBatch,
                 ) -> tuple[pa.Table, pa.Table, Counter[str], list[int], int, tuple[pa.Table, int]]:
        from pipelines import tableschema

        src = self.src
        raw = pa.Table.from_batches([batch])
        rows = raw.column("_row").to_numpy()
        data = raw.drop_columns(["_row"])
        report = tableschema.validate(data, src.contract, row_numbers=raw.column("_row"))
        reasons: dict[int, list[str]] = {}
        pos_of_row: dict[int, list[int]] = {}  # an exploded export row has several positions
        for i, r in enumerate(rows):
            pos_of_row.setdefault(int(r), []).append(i)
        for row, rs in report.row_reasons().items():
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


def _python_string_table(frame: pd.DataFrame) -> pa.Table:
    """`pa.Table.from_pandas(frame)` as if its Arrow-backed string columns were Python-backed (`string` type and
    the same pandas metadata), so the file does not depend on the string storage used while standardizing."""
    import json

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


# ----------------------------------------------------------------------------------------------------------------
# de-identified


def policy_of(spec: DatasetSpec) -> Policy:
    return load_policy(spec.policy, spec.schema, [f["name"] for f in spec.standardized], where=str(spec.path))


def aux_columns(spec: DatasetSpec, policy: Policy) -> list[str]:
    """Standardized columns needed by disclosure-control ladders but not published (e.g. beat, district)."""
    out: list[str] = []
    qis = (policy.k_anonymity or {}).get("quasi_identifiers") or {}
    for q in qis.values():
        if (q or {}).get("ladder") == "columns":
            out += [c for c in q.get("levels", []) if c != "*" and c not in spec.public_fields and c not in out]
    return out


def public_names(spec: DatasetSpec, store: PrivateStore, partition: str) -> tuple[str, ...]:
    """Officer names that the policy publishes (officer_identity: publish_name); empty otherwise."""
    return ()


def fault_point(stage: str, partition: str, rows_done: int) -> None:
    """Test hook for crash-safety tests, inert unless `OSD_FAULT_AFTER_ROWS` is set. Never set it in production.

    `OSD_FAULT_AFTER_ROWS=N`: once a streaming stage has written at least N rows of a partition (to its temporary
    file), fail. `OSD_FAULT_STAGE` (default `deidentify`) and `OSD_FAULT_PARTITION` (default: any) narrow it;
    `OSD_FAULT_MODE=kill` sends SIGKILL to the process (a lost worker), anything else raises `StageError`.
    """
    limit = os.environ.get("OSD_FAULT_AFTER_ROWS")
    if not limit or rows_done < int(limit):
        return
    if os.environ.get("OSD_FAULT_STAGE", "deidentify") != stage:
        return
    if os.environ.get("OSD_FAULT_PARTITION") not in (None, "", partition):
        return
    if os.environ.get("OSD_FAULT_MODE") == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise StageError(f"{stage}/{partition}: injected fault after {rows_done} rows (OSD_FAULT_AFTER_ROWS)")


def _source_precision(store: PrivateStore, spec: DatasetSpec, partition: str) -> dict[str, str]:
    """The precision the partition's source declares (`precision:` in its `sources:` entry), or none."""
    from redaction.policy import source_precision

    meta = store.read_json(f"raw/{spec.name}/{partition}.json") or {}
    if not meta.get("source"):
        return {}
    src = spec.source(meta["source"])
    return source_precision(src.precision or src.raw.get("precision"), where=f"{spec.path}: source {src.name}")


def deidentify_partition(
    store: PrivateStore, spec: DatasetSpec, partition: str, *, key: bytes, text_redactor_factory: Any = None
) -> dict[str, Any]:
    """Apply the policy: only public columns (plus private ladder helpers) come out. Streams record batches."""
    sha = (store.read_json(f"raw/{spec.name}/{partition}.json") or {}).get("sha256")
    with export_fates.stage_status(store, spec.name, partition, "deidentified", sha):
        return _deidentify_partition(store, spec, partition, key=key, text_redactor_factory=text_redactor_factory)


def _deidentify_partition(
    store: PrivateStore, spec: DatasetSpec, partition: str, *, key: bytes, text_redactor_factory: Any = None
) -> dict[str, Any]:
    std_key = f"standardized/{spec.name}/{partition}.parquet"
    if not store.exists(std_key):
        raise StageError(f"{spec.name}/{partition}: no standardized data; materialize it first")
    policy = policy_of(spec)
    redactor = text_redactor_factory() if (policy.text_columns and text_redactor_factory) else None
    allow = _allow_terms(store, spec, partition) if redactor is not None else []
    aux = aux_columns(spec, policy)
    precision = _source_precision(store, spec, partition)
    redactions: Counter[str] = Counter()
    texts = rows = 0
    with store.parquet_sink(f"deidentified/{spec.name}/{partition}.parquet") as sink:
        job = _DeidentifyJob(policy, aux, key, redactor, precision, allow)
        # free text has its own worker processes (the redactor's); structured-only batches go to processes here
        procs, size = processes_for(store.parquet_num_rows(std_key), batch_rows()) if redactor is None else \
            (1, batch_rows())
        for table, counts, n_texts in ordered_map(job, store.iter_parquet(std_key, batch_size=size), procs):
            if not table.num_rows and sink.schema is not None:
                continue
            sink.write(table)
            redactions.update(counts)
            texts += n_texts
            rows += table.num_rows
            del table
            release_memory()
            fault_point("deidentify", partition, rows)
        if sink.schema is None:  # no rows: the policy applied to an empty frame gives the columns
            std = store.read_parquet(std_key).to_pandas()
            res = apply_policy(policy, std, key=key, text_redactor=redactor, precision=precision)
            frame = res.frame
            for c in aux:
                frame[c] = std[c].astype("string").values
            frame["_file"] = std["_file"].values
            frame["_row"] = std["_row"].values
            if redactor is not None:
                frame["_review"] = pd.Series([], dtype="string")
            sink.write(pa.Table.from_pandas(frame, preserve_index=False))
    std_id = (store.read_json(f"standardized/{spec.name}/{partition}.json") or {}).get("standardized_id")
    out = {"rows": int(rows), "redactions": dict(sorted(redactions.items())), "texts_redacted": int(texts),
           "standardized_id": std_id}  # the standardize run these rows come from (`export_fates` checks the chain)
    if redactor is not None:
        out["allow_terms"] = review.terms_fingerprint(allow)
    store.write_json(f"deidentified/{spec.name}/{partition}.json", out)
    return out


def _allow_terms(store: PrivateStore, spec: DatasetSpec, partition: str) -> list[str]:
    """The officer's allow terms for the agency of this export (`pipelines.review`)."""
    agency = (store.read_json(f"raw/{spec.name}/{partition}.json") or {}).get("agency")
    return review.allow_terms_for(review.load_decisions(store, spec.name), agency)


def deidentified_current(store: PrivateStore, spec: DatasetSpec, partition: str) -> bool:
    """False when a de-identified export's free text was redacted with other allow terms than the officer's
    current ones (de-identify it again to apply them); True otherwise, or when it has no free text."""
    meta = store.read_json(f"deidentified/{spec.name}/{partition}.json") or {}
    if "allow_terms" not in meta:
        return True
    try:
        terms = _allow_terms(store, spec, partition)
    except review.DecisionError:
        return True  # nothing to apply yet: the validated step refuses the file, naming its line
    return meta["allow_terms"] == review.terms_fingerprint(terms)


@dataclass
class _DeidentifyJob:
    """One standardized record batch -> (de-identified table, redaction counts, texts redacted): picklable, so
    batches can go to worker processes (`ordered_map`) when no text redactor is involved."""

    policy: Policy
    aux: list[str]
    key: bytes
    redactor: Any = None
    precision: dict[str, str] | None = None
    allow: list[str] = field(default_factory=list)  # the officer's allow terms for this export's agency

    def __call__(self, batch: pa.RecordBatch) -> tuple[pa.Table, Counter[str], int]:
        std = batch.to_pandas()
        rec = _RecordingRedactor(self.redactor, self.allow) if self.redactor is not None else None
        res = apply_policy(self.policy, std, key=self.key, text_redactor=rec, precision=self.precision)
        frame = res.frame
        for c in self.aux:
            frame[c] = std[c].astype("string").values
        frame["_file"] = std["_file"].values
        frame["_row"] = std["_row"].values
        if rec is not None:
            frame["_review"] = pd.Series(rec.uncertain(self.policy.text_columns, len(frame)), index=frame.index,
                                         dtype="string")
        return pa.Table.from_pandas(frame, preserve_index=False), Counter(res.redactions), res.texts_redacted


def _own_names_checked(result: Any, values: Mapping[str, Sequence[str]] | None, allow: Sequence[str] = ()) -> Any:
    """The redacted text, marked uncertain (withheld for review) when a word of the record's own name fields is
    still in it: the check per record that the release-wide verifier cannot afford (common-word surnames such as
    WEST would hit every other record), so the verifier is never blind to a record's own surname. Words of the
    officer's allow terms are the officer's decision (docs/review.md) and are not flagged."""
    from redaction.text import RedactedText
    from redaction.verify import scan_record_text

    text = getattr(result, "text", None)
    if not text or not values or not values.get("PERSON"):
        return result
    hits = scan_record_text(text, values["PERSON"])
    if hits and allow:
        hits -= scan_record_text(" ".join(allow), values["PERSON"])
    if not hits:
        return result
    unsure = tuple(sorted({*(getattr(result, "uncertain", None) or ()), "PERSON"}))
    return RedactedText(text, dict(result.counts), uncertain=unsure)


class _RecordingRedactor:
    """The text redactor as `apply_policy` sees it, keeping each call's results (one call per free-text column,
    in the policy's column order) so de-identify can record which texts the redactor was unsure of; with allow
    terms, the redactor's spans (`detect`) are trimmed of them (`review.trim_allowed`) before the placeholders
    are written."""

    def __init__(self, inner: Any, allow: Sequence[str] = ()) -> None:
        self.inner = inner
        self.allow = list(allow)
        self.results: list[Sequence[Any]] = []

    def redact(self, texts: Sequence[str | None], record_values: Any = None) -> Any:
        if self.allow and hasattr(self.inner, "detect"):
            out = self._redact_allowing(texts, record_values)
        else:
            out = self.inner.redact(texts, record_values)
        if record_values is not None:
            out = [_own_names_checked(r, rv, self.allow) for r, rv in zip(out, record_values, strict=True)]
        self.results.append(out)
        return out

    def _redact_allowing(self, texts: Sequence[str | None], record_values: Any) -> list[Any]:
        """`TextRedactor.redact` with the allow terms' words left in place."""
        from redaction.text import RedactedText, placeholder

        out = []
        for t, spans in zip(texts, self.inner.detect(texts, record_values), strict=True):
            if t is None:
                out.append(RedactedText(None, {}))
                continue
            counts: Counter[str] = Counter()
            parts, pos = [], 0
            for start, end, entity, num in review.trim_allowed(t, spans, self.allow):
                parts += [t[pos:start], placeholder(entity, num)]
                counts[entity] += 1
                pos = end
            parts.append(t[pos:])
            out.append(RedactedText("".join(parts), dict(counts)))
        return out

    def uncertain(self, text_columns: Sequence[str], rows: int) -> list[str | None]:
        """The private ``_review`` column (`review.uncertain_column`) of these rows."""
        if len(self.results) != len(text_columns):
            raise StageError(f"the text redactor was called {len(self.results)} time(s) for "
                             f"{len(text_columns)} free-text column(s)")
        return review.uncertain_column(dict(zip(text_columns, self.results, strict=True))) or [None] * rows


# ----------------------------------------------------------------------------------------------------------------
# validated: assemble partitions, validate against the public contract, disclosure control


def _as_validation_table(df: pd.DataFrame, fields: Sequence[str]) -> pa.Table:
    """Public columns as strings, the way they appear in the CSV, for the Table Schema validator."""
    cols = {}
    for f in fields:
        s = df[f]
        if pd.api.types.is_bool_dtype(s):
            s = s.map({True: "true", False: "false"}, na_action="ignore")
        cols[f] = pa.array(s.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
    return pa.table(cols)


def typed_public_table(df: pd.DataFrame, schema: Mapping[str, Any]) -> pa.Table:
    """Arrow table in schema order with Arrow types matching the Table Schema types."""
    arrays = []
    names = []
    for f in schema["fields"]:
        name, typ = f["name"], f.get("type", "string")
        s = df[name]
        if typ == "boolean":
            arr = pa.array(s.astype("boolean").to_numpy(dtype=object, na_value=None), type=pa.bool_())
        elif typ == "integer":
            arr = pa.array(pd.to_numeric(s).astype("Int64").to_numpy(dtype=object, na_value=None), type=pa.int64())
        elif typ == "number":
            arr = pa.array(pd.to_numeric(s).astype("Float64").to_numpy(dtype=object, na_value=None), type=pa.float64())
        else:
            arr = pa.array(s.astype("string").to_numpy(dtype=object, na_value=None), type=pa.string())
        arrays.append(arr)
        names.append(name)
    return pa.table(arrays, names=names)


def assemble_candidate_in_memory(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> dict[str, Any]:
    """`assemble_candidate` the simple way: every partition concatenated in pandas (the benchmark's baseline and
    the tests' reference; same files and accounting, memory grows with the dataset)."""
    from pipelines import publishing, tableschema

    parts, fates = export_fates.publishable_partitions(store, spec, partitions)
    if not parts:
        raise StageError(f"{spec.name}: no de-identified partition to assemble")
    policy = policy_of(spec)
    fields = spec.public_fields
    frames = [store.read_parquet(f"deidentified/{spec.name}/{p}.parquet").to_pandas() for p in parts]
    df = pd.concat(frames, ignore_index=True)
    # validate the public contract; rows that fail are quarantined (never published, never lost)
    report = tableschema.validate(_as_validation_table(df, fields), spec.schema)
    reasons = report.row_reasons()  # keys are 1-based data row numbers + 1 (header = row 1)
    bad_pos = np.array(sorted(int(r) - 2 for r in reasons), dtype=np.int64)
    total_by_file = df["_file"].value_counts().to_dict()
    bad_by_file = df["_file"].iloc[bad_pos].value_counts().to_dict()
    qdf = df.iloc[bad_pos][["_file", "_row"]].copy()
    qdf["_stage"] = "validate"
    qdf["_reasons"] = [";".join(reasons[int(p) + 2]) for p in bad_pos]
    store.write_parquet(f"quarantine/{spec.name}/_validate.parquet", pa.Table.from_pandas(qdf, preserve_index=False))
    keep = np.ones(len(df), dtype=bool)
    keep[bad_pos] = False
    df = df.loc[keep].reset_index(drop=True)
    # disclosure control
    sdc_report: dict[str, Any] | None = None
    rows_before_sdc = len(df)
    if policy.k_anonymity:
        from redaction import sdc

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
    store.write_parquet(f"candidate/{spec.name}/candidate.parquet", table)
    store.write_parquet(review.rowmap_key(spec.name), review.rowmap_table(df, df["_released"].to_numpy()))
    withheld = _finish_review(store, rev)
    # accounting
    raw_meta = [store.read_json(f"raw/{spec.name}/{p}.json") for p in parts]
    std_meta = [store.read_json(f"standardized/{spec.name}/{p}.json") for p in parts]
    deid_meta = [store.read_json(f"deidentified/{spec.name}/{p}.json") for p in parts]
    redactions: Counter[str] = Counter()
    for m in deid_meta:
        redactions.update(m.get("redactions", {}))
    quarantine_reasons: Counter[str] = Counter()
    for m in raw_meta:
        quarantine_reasons.update({f"read:{k}": v for k, v in m.get("read_issues", {}).items()})
    for m in std_meta:
        quarantine_reasons.update({f"standardize:{k}": v for k, v in m.get("reasons", {}).items()})
    for rs in reasons.values():
        quarantine_reasons.update(f"validate:{r}" for r in rs)
    ingested = sum(m["rows_read"] for m in raw_meta)
    quarantined = sum(m["read_quarantined"] for m in raw_meta) + sum(m["quarantined"] for m in std_meta) + len(bad_pos)
    meta = {
        "dataset": spec.name,
        "content_hash": chash,
        "partitions": parts,
        "inputs": [
            {"file": m["file"], "sha256": m["sha256"], "bytes": m["bytes"], "source": m["source"], "agency": m["agency"]}
            for m in raw_meta
        ],
        "exports": export_fates.fates_metadata(
            fates, _export_counts(raw_meta, std_meta, total_by_file, bad_by_file, kept_by_file)),
        "agencies": sorted({m["agency"] for m in raw_meta}),
        "counts": {
            "ingested": int(ingested),
            "blank_rows_skipped": int(sum(m["blank_rows"] for m in raw_meta)),
            "quarantined": int(quarantined),
            "suppressed": int(suppressed),
            "published": int(table.num_rows),
        },
        "quarantine_reasons": dict(sorted(quarantine_reasons.items())),
        "validation": report.summary(),
        "redactions": dict(sorted(redactions.items())),
        "texts_redacted": int(sum(m.get("texts_redacted", 0) for m in deid_meta)),
        "narratives_withheld": withheld,
        "sdc": sdc_report,
        "utility": release_report(store, spec, policy, sdc_report, rows_before_sdc),
        "policy_files": spec.file_hashes(),
    }
    store.write_json(f"candidate/{spec.name}/candidate.json", meta)
    return meta


def release_report(store: PrivateStore, spec: DatasetSpec, policy: Policy, sdc_report: Mapping[str, Any] | None,
                   rows_in: int) -> dict[str, Any] | None:
    """The utility and risk report (`redaction.sdc.report`) of the candidate as written: the exact table the
    release files are made from, read back on its quasi-identifier columns only."""
    if not policy.k_anonymity:
        return None
    from redaction.sdc.report import utility_report

    qis = policy.quasi_identifiers
    table = store.read_parquet(f"candidate/{spec.name}/candidate.parquet", columns=qis)
    df = table.to_pandas()
    ladders = {c: str((q or {}).get("ladder", "none")) for c, q in policy.k_anonymity["quasi_identifiers"].items()}
    rep = utility_report(df, {c: policy.roles.get(c, "quasi_identifier") for c in qis},
                         k=int(policy.k_anonymity.get("k", 5)), ladders=ladders,
                         levels=(sdc_report or {}).get("levels"), rows_in=rows_in,
                         information_loss=(sdc_report or {}).get("information_loss"))
    rep["roles"] = {c: r for c, r in policy.roles.items() if r != "quasi_identifier"}
    rep["floors"] = (sdc_report or {}).get("floors") or []
    rep["floors_binding"] = bool((sdc_report or {}).get("floors_binding", True))
    rep["kept_shares"] = (sdc_report or {}).get("kept_shares") or {}
    return rep


_RUN_ROW_GROUP = 8_192  # rows per row group of a sorted run (see _merge_runs)


def _keyless_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The schema without cross-row rules (primary key, unique), for validating one batch at a time."""
    out = {k: v for k, v in schema.items() if k != "primaryKey"}
    fields = []
    for f in schema["fields"]:
        f = dict(f)
        if (f.get("constraints") or {}).get("unique"):
            f["constraints"] = {k: v for k, v in f["constraints"].items() if k != "unique"}
        fields.append(f)
    out["fields"] = fields
    return out


def _sdc_columns(cfg: Mapping[str, Any]) -> list[str]:
    from redaction import sdc

    config = sdc.parse_config(cfg)
    need = list(config.qi_columns)
    for q in config.quasi_identifiers:
        if q.ladder == "columns":
            need += [lv for lv in q.levels if lv != sdc.SUPPRESSED and lv not in need]
    if config.sensitive and config.sensitive not in need:
        need.append(config.sensitive)
    return need


def _small_int(limit: int) -> type:
    """The smallest signed integer type holding -1 .. limit - 1 (codes kept for 10M rows: 1 byte a row, not 4)."""
    return np.int8 if limit <= 2**7 else np.int16 if limit <= 2**15 else np.int32


class _CodeBook:
    """A column collected batch by batch as integer codes into one dictionary of its distinct values: the same
    Series as `union_categoricals(ignore_order=True)` of the batches as pandas categoricals (categories in the
    same order; an object column when batches hold values of different types), without keeping every batch's
    categories (10M stops: ~75 MB of strings per million rows saved)."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.chunks: list[np.ndarray] = []
        self.mixed = False

    def add_arrow(self, arr: pa.Array | pa.ChunkedArray) -> None:
        """Add one batch of the column (Arrow; its values never become pandas objects)."""
        enc = pc.dictionary_encode(_one_array(arr))
        vals = enc.dictionary.to_pylist()
        if len(vals) and self.index and not self.mixed:
            self.mixed = type(next(iter(self.index))) is not type(vals[0])
        glob = np.zeros(len(vals) + 1, dtype=np.int32)
        glob[-1] = -1  # null
        for i in sorted(range(len(vals)), key=vals.__getitem__):  # pd.Categorical sorts its categories
            glob[i] = self.index.setdefault(vals[i], len(self.index))
        idx = np.asarray(pc.fill_null(enc.indices, len(vals)).to_numpy(zero_copy_only=False), dtype=np.int64)
        self.chunks.append(glob[idx].astype(_small_int(len(self.index)), copy=False))

    def series(self) -> pd.Series:
        codes = np.concatenate(self.chunks) if self.chunks else np.zeros(0, np.int32)
        cats = list(self.index)
        if self.mixed:  # values of different types: an object column
            return pd.Series(np.array(cats + [None], dtype=object)[codes], dtype=object)
        return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object)))


def _arrow_validation_table(batch: pa.RecordBatch | pa.Table, fields: Sequence[str]) -> pa.Table:
    """`_as_validation_table` of ``batch.to_pandas()`` without pandas: string columns as they are, booleans as
    "true"/"false" (other types take the pandas path, column by column)."""
    cols = {}
    for f in fields:
        col = _one_array(batch.column(f))
        t = col.type
        if pa.types.is_string(t):
            cols[f] = col
        elif pa.types.is_boolean(t):
            cols[f] = pc.if_else(col, "true", "false")
        elif pa.types.is_null(t):
            cols[f] = pa.nulls(len(col), pa.string())
        else:
            cols[f] = _as_validation_table(pa.table({f: col}).to_pandas(), [f]).column(f).combine_chunks()
    return pa.table(cols)


def _one_array(col: pa.Array | pa.ChunkedArray) -> pa.Array:
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def _rows_at(batches: Iterable[pa.RecordBatch], positions: np.ndarray, convert: Any) -> pa.Table | None:
    """The rows at sorted ``positions`` (0-based over the concatenated ``batches``), each batch's rows converted
    by ``convert``; None when there are none."""
    from pipelines import publishing

    pieces = [convert(b) for b in publishing.take_positions(batches, positions)]
    return pa.concat_tables(pieces) if pieces else None


def _with_key_errors(errors: list[Any], keys: Any, rows_at: Any) -> list[Any]:
    """``errors`` (of the batches, validated without keys) plus the primary-key and unique errors across all
    batches, in the order of a whole-table validation. ``keys`` is the `tableschema.KeyHashes` of the batches;
    ``rows_at(positions)`` returns the key columns of those rows (validation strings), re-read: only the rows
    that can break a key are read back and validated (see `KeyHashes`)."""
    from pipelines import tableschema

    schema = keys.schema
    order = {f["name"]: i for i, f in enumerate(schema["fields"])}
    nfields = len(schema["fields"])
    cand = keys.candidates()
    key_errors: list[Any] = []
    if len(cand):
        sub = rows_at(cand)
        krep = tableschema.validate(sub, keys.key_schema(), row_numbers=cand + 2)
        key_errors = [e for e in krep.errors if e.code in ("primary-key", "unique-error")]
    out = errors + key_errors

    def _rank(e: Any) -> int:
        return nfields if e.code == "primary-key" else order.get(e.field, nfields)

    out.sort(key=lambda e: (e.row, _rank(e)))  # stable: within a field, type/constraint before key errors
    return out


class _StreamValidation:
    """`tableschema.validate` of a table fed batch by batch as validation strings: row rules per batch, primary
    key and unique constraints across batches through key hashes (`_with_key_errors`). Same errors as
    validating the whole table at once."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        from pipelines import tableschema

        self.schema = schema
        self.keyless = _keyless_schema(schema)
        self.keys = tableschema.KeyHashes(schema)
        self.errors: list[Any] = []
        self.rows = 0

    def add(self, vt: pa.Table) -> None:
        from pipelines import tableschema

        rows = np.arange(self.rows + 2, self.rows + 2 + vt.num_rows, dtype=np.int64)
        self.errors += tableschema.validate(vt, self.keyless, row_numbers=rows).errors
        self.keys.add(vt)
        self.rows += vt.num_rows

    def report(self, rows_at: Any) -> Any:
        """The whole table's report; ``rows_at(names, positions)`` reads those columns of those rows back (as
        validation strings) for the key check."""
        from pipelines import tableschema

        errors, keys = self.errors, self.keys
        if keys.groups:
            errors = _with_key_errors(errors, keys, lambda pos: rows_at(keys.names, pos))
        self.keys = tableschema.KeyHashes(self.schema)  # the hashes are released
        return tableschema.ValidationReport(errors=errors, rows_checked=self.rows,
                                            fields=[f["name"] for f in self.schema["fields"]])


def assemble_candidate(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> dict[str, Any]:
    """Build the release candidate from every de-identified partition; write it and its accounting.

    Streams, so memory does not grow with the dataset's width: (1) validate the public contract batch by batch,
    keys (primary key, unique) across all batches on the key columns only, and collect the quasi-identifier
    (+ ladder helper) columns as integer-coded categoricals; (2) search the k-anonymity levels on those columns
    only; (3) a second streaming pass applies the levels and suppression and writes sorted runs to a local
    spill folder; (4) the runs are merged in primary-key order into the candidate, then hashed column by
    column. Files, accounting and content hash are those of `assemble_candidate_in_memory`.
    """
    from pipelines import publishing
    from redaction import sdc

    parts, fates = export_fates.publishable_partitions(store, spec, partitions)
    if not parts:
        raise StageError(f"{spec.name}: no de-identified partition to assemble")
    policy = policy_of(spec)
    fields = spec.public_fields
    schema = spec.schema
    sdc_cols = _sdc_columns(policy.k_anonymity) if policy.k_anonymity else []
    # ---- pass 1 (Arrow, no pandas): validation per batch, key hashes and compact QI columns across batches
    validation = _StreamValidation(schema)
    qi_chunks: dict[str, _CodeBook] = {c: _CodeBook() for c in sdc_cols}
    file_idx: list[np.ndarray] = []
    row_nums: list[np.ndarray] = []
    files: list[str] = []

    def batches(columns: list[str] | None = None) -> Iterable[pa.RecordBatch]:
        for p in parts:
            yield from store.iter_parquet(f"deidentified/{spec.name}/{p}.parquet", columns=columns)

    for batch in batches():
        validation.add(_arrow_validation_table(batch, fields))
        for c in sdc_cols:
            qi_chunks[c].add_arrow(batch.column(c))
        enc = pc.dictionary_encode(_one_array(batch.column("_file")))
        glob = []
        for f in enc.dictionary.to_pylist():
            if f not in files:
                files.append(f)
            glob.append(files.index(f))
        file_idx.append(np.asarray(glob, dtype=np.int32)[np.asarray(enc.indices.to_numpy(zero_copy_only=False), dtype=np.int64)]
                        .astype(_small_int(len(files)), copy=False) if batch.num_rows else np.zeros(0, np.int8))
        rown = np.asarray(batch.column("_row").to_numpy(zero_copy_only=False), dtype=np.int64)
        row_nums.append(rown.astype(np.int32) if len(rown) and 0 <= rown.min() and rown.max() < 2**31 else rown)
        release_memory()
    n = validation.rows
    report = validation.report(lambda names, pos: _rows_at(batches(names), pos,
                                                           lambda b: _arrow_validation_table(b, names)))
    release_memory()
    reasons = report.row_reasons()
    bad_pos = np.array(sorted(int(r) - 2 for r in reasons), dtype=np.int64)
    all_files = np.concatenate(file_idx) if file_idx else np.zeros(0, np.int32)
    all_rows = np.concatenate(row_nums) if row_nums else np.zeros(0, np.int64)
    del file_idx, row_nums
    file_names = np.array(files + [None], dtype=object)
    qdf = pd.DataFrame({"_file": file_names[all_files[bad_pos]], "_row": all_rows[bad_pos].astype(np.int64)})
    qdf["_stage"] = "validate"
    qdf["_reasons"] = [";".join(reasons[int(p) + 2]) for p in bad_pos]
    store.write_parquet(f"quarantine/{spec.name}/_validate.parquet", pa.Table.from_pandas(qdf, preserve_index=False))
    del all_rows
    total_by_file = dict(zip(files, np.bincount(all_files, minlength=len(files)).tolist(), strict=True))
    bad_by_file = dict(zip(files, np.bincount(all_files[bad_pos], minlength=len(files)).tolist(), strict=True))
    keep = np.ones(n, dtype=bool)
    keep[bad_pos] = False
    # ---- disclosure control on the compact QI columns only
    sdc_report: dict[str, Any] | None = None
    levels: dict[str, str] | None = None
    blanks: dict[str, np.ndarray] = {}  # QI -> positions (over all rows) of the cells published as "*"
    rows_before_sdc = int(keep.sum())
    if policy.k_anonymity:
        qi = pd.DataFrame({c: qi_chunks[c].series() for c in sdc_cols})
        qi_chunks.clear()
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
        sdc_report = plan.report.to_dict()
        levels = dict(plan.report.levels)
        del plan
    suppressed = rows_before_sdc - int(keep.sum())
    kept_by_file = dict(zip(files, np.bincount(all_files[keep], minlength=len(files)).tolist(), strict=True))
    del all_files
    pk = spec.primary_key
    # ---- pass 2: apply, write runs sorted by primary key; pass 3: merge runs into the candidate
    ranks: np.ndarray | None = None
    if pk:
        ranks = _pk_ranks(store, spec, parts, pk, keep)
        release_memory()
    cand_key = f"candidate/{spec.name}/candidate.parquet"
    rev = _review_for(store, spec, policy, parts)  # free text the verifier flags is withheld, record by record
    with tempfile.TemporaryDirectory(prefix="osd-assemble-") as spill:
        runs: list[tuple[str, np.ndarray]] = []
        pos = 0
        with store.parquet_sink(cand_key, schema=_typed_schema(schema)) as sink, \
                store.parquet_sink(review.rowmap_key(spec.name), schema=_ROWMAP_SCHEMA) as map_sink:
            for p in parts:
                for batch in store.iter_parquet(f"deidentified/{spec.name}/{p}.parquet"):
                    m = keep[pos : pos + batch.num_rows]
                    sel = np.flatnonzero(m)
                    df = batch.take(pa.array(sel, type=pa.int64())).to_pandas() if len(sel) < batch.num_rows else batch.to_pandas()
                    df, released = rev.apply(df) if rev is not None else (df, np.array([None] * len(df), dtype=object))
                    rowmap = review.rowmap_table(df, released)
                    if levels is not None and policy.k_anonymity and len(df):
                        df = sdc.apply_plan(df, policy.k_anonymity, levels,
                                            {c: m[pos : pos + batch.num_rows][sel] for c, m in blanks.items()})
                    table = typed_public_table(df, schema)
                    if ranks is None:
                        sink.write(table)
                        map_sink.write(rowmap)
                    else:
                        r = ranks[pos : pos + batch.num_rows][sel]
                        o = np.argsort(r, kind="stable")
                        path = f"{spill}/run-{len(runs):05d}.parquet"
                        run = pa.Table.from_arrays(table.columns + rowmap.columns,
                                                   names=table.column_names + rowmap.column_names)
                        pq.write_table(run.take(pa.array(o)), path, row_group_size=_RUN_ROW_GROUP, compression="lz4")
                        runs.append((path, r[o]))
                    pos += batch.num_rows
                release_memory()  # per-batch pandas work leaves freed pages behind: ~16 MB a batch on 10M stops
            if ranks is not None:
                del ranks
                release_memory()
                _merge_runs(runs, _SplitSink(sink, map_sink, len(schema["fields"])), int(keep.sum()))
        published = int(keep.sum())
    withheld = _finish_review(store, rev)
    if published:
        def chunks(name: str) -> Iterable[pa.Array]:
            for b in store.iter_parquet(cand_key, columns=[name]):
                yield b.column(0)

        chash = publishing.content_hash_columns(schema, published, chunks)
    else:
        chash = publishing.content_hash(store.read_parquet(cand_key), schema)
    # accounting
    raw_meta = [store.read_json(f"raw/{spec.name}/{p}.json") for p in parts]
    std_meta = [store.read_json(f"standardized/{spec.name}/{p}.json") for p in parts]
    deid_meta = [store.read_json(f"deidentified/{spec.name}/{p}.json") for p in parts]
    redactions: Counter[str] = Counter()
    for m in deid_meta:
        redactions.update(m.get("redactions", {}))
    quarantine_reasons: Counter[str] = Counter()
    for m in raw_meta:
        quarantine_reasons.update({f"read:{k}": v for k, v in m.get("read_issues", {}).items()})
    for m in std_meta:
        quarantine_reasons.update({f"standardize:{k}": v for k, v in m.get("reasons", {}).items()})
    for rs in reasons.values():
        quarantine_reasons.update(f"validate:{r}" for r in rs)
    ingested = sum(m["rows_read"] for m in raw_meta)
    quarantined = sum(m["read_quarantined"] for m in raw_meta) + sum(m["quarantined"] for m in std_meta) + len(bad_pos)
    meta = {
        "dataset": spec.name,
        "content_hash": chash,
        "partitions": parts,
        "inputs": [
            {"file": m["file"], "sha256": m["sha256"], "bytes": m["bytes"], "source": m["source"], "agency": m["agency"]}
            for m in raw_meta
        ],
        "exports": export_fates.fates_metadata(
            fates, _export_counts(raw_meta, std_meta, total_by_file, bad_by_file, kept_by_file)),
        "agencies": sorted({m["agency"] for m in raw_meta}),
        "counts": {
            "ingested": int(ingested),
            "blank_rows_skipped": int(sum(m["blank_rows"] for m in raw_meta)),
            "quarantined": int(quarantined),
            "suppressed": int(suppressed),
            "published": published,
        },
        "quarantine_reasons": dict(sorted(quarantine_reasons.items())),
        "validation": report.summary(),
        "redactions": dict(sorted(redactions.items())),
        "texts_redacted": int(sum(m.get("texts_redacted", 0) for m in deid_meta)),
        "narratives_withheld": withheld,
        "sdc": sdc_report,
        "utility": release_report(store, spec, policy, sdc_report, rows_before_sdc),
        "policy_files": spec.file_hashes(),
    }
    store.write_json(f"candidate/{spec.name}/candidate.json", meta)
    return meta


def _export_counts(raw_meta: Sequence[Mapping[str, Any]], std_meta: Sequence[Mapping[str, Any]],
                   total: Mapping[str, int], bad: Mapping[str, int], kept: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Each published export's rows: read, quarantined (at read, standardize and validation), suppressed, published
    (`total`, `bad`, `kept`: de-identified rows, rows failing the public contract, rows published, by file)."""
    out = {}
    for r, s in zip(raw_meta, std_meta, strict=True):
        f = r["file"]
        out[f] = {
            "rows_read": int(r["rows_read"]),
            "quarantined": int(r["read_quarantined"]) + int(s["quarantined"]) + int(bad.get(f, 0)),
            "suppressed": int(total.get(f, 0)) - int(bad.get(f, 0)) - int(kept.get(f, 0)),
            "published": int(kept.get(f, 0)),
        }
    return out


def _typed_schema(schema: Mapping[str, Any]) -> pa.Schema:
    """The Arrow schema `typed_public_table` produces."""
    types = {"boolean": pa.bool_(), "integer": pa.int64(), "number": pa.float64()}
    return pa.schema([(f["name"], types.get(f.get("type", "string"), pa.string())) for f in schema["fields"]])


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
        m = store.read_json(f"raw/{spec.name}/{p}.json")
        files[m["file"]] = (m["sha256"], m["agency"])
    decisions = review.load_decisions(store, spec.name)
    rev = review.Review(spec.name, list(policy.text_columns), gather_identifiers(store, spec, parts), decisions, files)
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
        for b in store.iter_parquet(f"deidentified/{spec.name}/{p}.parquet", columns=list(pk)):
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


def load_candidate(store: PrivateStore, spec: DatasetSpec) -> tuple[pa.Table, dict[str, Any]]:
    key = f"candidate/{spec.name}/candidate"
    if not store.exists(key + ".parquet"):
        raise StageError(f"{spec.name}: no release candidate; materialize the validated asset first")
    return store.read_parquet(key + ".parquet"), store.read_json(key + ".json")


def candidate_source(store: PrivateStore, spec: DatasetSpec) -> Any:
    """The release candidate as a `publishing.ParquetSource` (read in `batch_rows()` batches, never whole)."""
    from pipelines import publishing

    key = f"candidate/{spec.name}/candidate"
    if not store.exists(key + ".parquet"):
        raise StageError(f"{spec.name}: no release candidate; materialize the validated asset first")
    return publishing.ParquetSource(store.path(key + ".parquet"), filesystem=store.fs, batch_rows=batch_rows())


def load_candidate_source(store: PrivateStore, spec: DatasetSpec) -> tuple[Any, dict[str, Any]]:
    """`load_candidate` without loading the table: (candidate source, accounting)."""
    src = candidate_source(store, spec)
    return src, store.read_json(f"candidate/{spec.name}/candidate.json")


def _num_rows(table: Any) -> int:
    return int(table.num_rows)


def _null_columns(src: Any, names: Sequence[str]) -> set[str]:
    """Integer and boolean columns holding a null anywhere: `to_pandas` of the whole table makes them float /
    object, so a batch converts them the same way (validation strings then match the whole-table path)."""
    file_schema = src.schema
    cols = [n for n in names if pa.types.is_integer(file_schema.field(n).type) or pa.types.is_boolean(file_schema.field(n).type)]
    out: set[str] = set()
    if cols:
        for b in src.batches(cols):
            out |= {c for c in cols if b.column(c).null_count}
    return out


def _batch_frame(batch: pa.RecordBatch, with_nulls: set[str]) -> pd.DataFrame:
    df = batch.to_pandas()
    for c in with_nulls:
        if c in df.columns:
            if pd.api.types.is_bool_dtype(df[c]):
                df[c] = df[c].astype(object)
            elif pd.api.types.is_integer_dtype(df[c]):
                df[c] = df[c].astype("float64")
    return df


# ----------------------------------------------------------------------------------------------------------------
# checks (each returns passed + PII-safe evidence); results are recorded per content hash


def check_schema(spec: DatasetSpec, table: Any) -> tuple[bool, dict[str, Any]]:
    """The candidate (a table or a `candidate_source`) against the public Table Schema."""
    report = _schema_report(spec, table)
    s = report.summary()
    return report.valid(), {"rows_checked": _num_rows(table), "errors": len(report.errors), "summary": s}


def _schema_report(spec: DatasetSpec, table: Any) -> Any:
    from pipelines import tableschema

    if isinstance(table, pa.Table):
        return tableschema.validate(_as_validation_table(table.to_pandas(), spec.public_fields), spec.schema)
    return _validate_source(spec, table)


def _validate_source(spec: DatasetSpec, src: Any) -> Any:
    """`tableschema.validate` of the whole candidate, batch by batch: row rules per batch, keys (primary key,
    unique) across batches on the key columns only. Same errors as validating the whole table."""

    fields = spec.public_fields
    with_nulls = _null_columns(src, fields)
    validation = _StreamValidation(spec.schema)
    for batch in src.batches(fields):
        validation.add(_as_validation_table(_batch_frame(batch, with_nulls), fields))
        release_memory()
    return validation.report(lambda names, pos: _rows_at(
        src.batches(names), pos, lambda b: _as_validation_table(_batch_frame(b, with_nulls), names)))


_EVIDENCE_ROWS = 10_000  # candidate rows with a finding mapped to export rows for a check's evidence


def check_row_accounting(meta: Mapping[str, Any], table: Any) -> tuple[bool, dict[str, Any]]:
    c = meta["counts"]
    ok = c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"] and c["published"] == _num_rows(table)
    return ok, dict(c)


def check_quarantine_share(meta: Mapping[str, Any], threshold: float) -> tuple[bool, dict[str, Any]]:
    c = meta["counts"]
    share = c["quarantined"] / c["ingested"] if c["ingested"] else 0.0
    return share <= threshold, {
        "quarantined": c["quarantined"],
        "ingested": c["ingested"],
        "share": round(share, 6),
        "threshold": threshold,
        "reasons": meta.get("quarantine_reasons", {}),
    }


def _identifier_signature(spec: DatasetSpec) -> str:
    """What a partition's cached identifier forms depend on besides its standardized rows: the policy's
    identifier columns and the verifier's normalization code."""
    import hashlib
    import json

    from redaction import verify

    h = hashlib.sha256(json.dumps(policy_of(spec).identifiers, sort_keys=True).encode())
    h.update(Path(verify.__file__).read_bytes())
    return h.hexdigest()


def _forms_cache(spec: DatasetSpec, partition: str) -> str:
    """Private-store key (no extension) of a partition's identifier forms: ``.parquet`` holds the forms, ``.json``
    marks them complete for one run of standardize and one identifier signature (`_mark_forms_complete`)."""
    return f"identifiers/{spec.name}/{partition}"


def _mark_forms_complete(store: PrivateStore, cache: str, standardized_id: str, signature: str,
                         source_values: int) -> None:
    """Written after the forms file: the marker that it is complete for this run of standardize."""
    store.write_json(cache + ".json", {"standardized_id": standardized_id, "signature": signature,
                                       "source_values": source_values})


_FORMS_SCHEMA = pa.schema([("entity_type", pa.string()), ("family", pa.string()), ("form", pa.string())])


def gather_identifiers(store: PrivateStore, spec: DatasetSpec, partitions: Sequence[str]) -> Any:
    """Every identifying value of the standardized partitions (policy `identifiers`), read batch by batch on the
    identifier columns only; the same set as `verify.collect_identifiers` on all partitions concatenated.

    A partition's normalized forms are kept in the private store (`identifiers/<dataset>/<partition>`), tied to
    the run of `standardize_partition` that wrote its rows (`standardized_id`) and to the identifier signature:
    standardize computes them with the rows, the checks and the publish step read them back, and recompute them
    (in batches, over `stage_processes()` processes for a big partition) when they are missing or stale.
    """
    from redaction import verify

    policy = policy_of(spec)
    cols = list(policy.identifiers)
    signature = _identifier_signature(spec)
    ids = verify.IdentifierSet()  # distinct forms, as 64-bit hashes: memory grows with distinct values, gently
    for p in partitions:
        key = f"standardized/{spec.name}/{p}.parquet"
        if not store.exists(key):
            continue
        token = (store.read_json(f"standardized/{spec.name}/{p}.json") or {}).get("standardized_id")
        cache = _forms_cache(spec, p)
        cmeta = store.read_json(cache + ".json") or {}
        if token and cmeta.get("standardized_id") == token and cmeta.get("signature") == signature \
                and store.exists(cache + ".parquet"):
            for b in store.iter_parquet(cache + ".parquet"):
                ids.add_forms_table(pa.Table.from_batches([b]))  # in file order: as the cold path added them
            ids.source_values += int(cmeta.get("source_values", 0))
            continue
        before = ids.source_values
        # batches of forms computed in worker processes too (big partitions), added here in batch order; whole
        # batches: their count of distinct values (`source_values`) is the one of a run in one process
        procs, _ = processes_for(store.parquet_num_rows(key), batch_rows())
        with store.parquet_sink(cache + ".parquet", _FORMS_SCHEMA) as sink:
            job = _FormsJob({c: policy.identifiers[c] for c in cols})
            for forms, count in ordered_map(job, store.iter_parquet(key, columns=cols), procs):
                ids.add_forms_table(forms)
                ids.source_values += count
                if forms.num_rows:
                    sink.write(forms)
        if token:
            _mark_forms_complete(store, cache, token, signature, ids.source_values - before)
        release_memory()
    return ids


@dataclass
class _FormsJob:
    """One standardized batch -> its identifier columns' normalized forms (`verify.array_forms`, entity type by
    entity type in column order) and the count of values they came from: picklable, for `ordered_map`."""

    identifiers: dict[str, str]  # column -> entity type

    def __call__(self, batch: pa.RecordBatch | pa.Table) -> tuple[pa.Table, int]:
        from redaction import verify

        pieces: list[pa.Table] = []
        count = 0
        for c, entity_type in self.identifiers.items():
            if c not in batch.schema.names:
                continue
            col = batch.column(c)
            if not verify.is_text_type(col.type):  # dates of birth: as ISO days, like add_many's callers
                s = pc.unique(col.drop_null()).to_pandas()  # each distinct date once
                if pd.api.types.is_datetime64_any_dtype(s):
                    s = s.dt.strftime("%Y-%m-%d")
                col = pa.array(s.astype("string").to_numpy(dtype=object, na_value=None), pa.string())
            forms, n = verify.array_forms(entity_type, col)
            count += n
            if forms.num_rows:
                pieces.append(forms.add_column(0, "entity_type", pa.array([entity_type] * forms.num_rows,
                                                                          pa.string())).cast(_FORMS_SCHEMA))
        return (pa.concat_tables(pieces) if pieces else _FORMS_SCHEMA.empty_table()), count


def _scan_source(dataset: str, src: Any, identifiers: Any, view: review.CheckView | None = None) -> Any:
    """`verify.scan_table` of the candidate source, one string column at a time, batch by batch (free text as the
    review `view` says the verifier must read it: with each row's allow terms)."""
    from redaction import verify

    findings: list[Any] = []
    file_schema = src.schema
    for f in file_schema:
        if not verify.is_text_type(f.type):
            continue
        row0 = 0
        cache: dict[str, tuple[str, ...]] = {}  # each distinct value of the column scanned once
        for b in src.batches([f.name]):
            found = None if view is None else view.scan(f.name, b.column(0), row0, identifiers)
            if found is None:
                found = verify.scan_column(dataset, f.name, b.column(0), identifiers, row0=row0, cache=cache)
            findings += found
            row0 += b.num_rows
        del cache
        release_memory()
    return verify.LeakReport(findings, len(identifiers))


def check_leaks(store: PrivateStore, spec: DatasetSpec, table: Any, meta: Mapping[str, Any]) -> tuple[bool, dict[str, Any]]:
    """Leak verifier: no identifying value of the standardized records in any string column of the candidate.

    Free text the officer released as it is (a `release` decision for that record) is reported, not counted;
    everything else found blocks, structured columns as free text (assembly withholds flagged free text, so a
    finding there means the candidate is not the one assembled). Evidence gives export file and row numbers."""
    from redaction import verify

    ids = gather_identifiers(store, spec, meta["partitions"])
    if isinstance(table, pa.Table):
        table = _TableSource(table)
    view = review.CheckView.load(store, spec.name, policy_of(spec).text_columns, meta, table.num_rows)
    report = _scan_source(spec.name, table, ids, view)
    accepted = [f for f in report.findings if view.accepted(f.row, f.column)]
    report = verify.LeakReport([f for f in report.findings if not view.accepted(f.row, f.column)],
                               report.values_checked)
    md = report.summary()
    md.pop("first_rows")
    positions = sorted({f.row for f in report.findings})
    md["rows_with_findings"] = len(positions)
    md["first_export_rows"] = view.export_rows(positions[:_EVIDENCE_ROWS])[:10]  # first by export file and row
    md["released_by_decision"] = len(accepted)
    md["narratives_withheld"] = int((meta.get("narratives_withheld") or {}).get("total", 0))
    return report.passed(), {"values_checked": report.values_checked, **md}


@dataclass
class _TableSource:
    """An in-memory table read like a `candidate_source` (one batch)."""

    table: pa.Table

    @property
    def num_rows(self) -> int:
        return int(self.table.num_rows)

    @property
    def schema(self) -> pa.Schema:
        return self.table.schema

    def batches(self, columns: Sequence[str]) -> Iterable[pa.Table]:
        yield self.table.select(list(columns))


def check_k(spec: DatasetSpec, table: Any) -> tuple[bool, dict[str, Any]]:
    """k (and l) recounted on the candidate's published values (the exact table the release files are written
    from), over every public column the policy does not declare sensitive or not identifying: whatever ladders
    the search was given."""
    policy = policy_of(spec)
    cfg = policy.k_anonymity
    if not cfg:
        return True, {"k_target": None, "note": "no k-anonymity declared for this dataset"}
    from redaction import sdc

    qis = policy.quasi_identifiers  # every public column not declared sensitive or not identifying
    want_l = bool(cfg.get("l_diversity") and cfg.get("sensitive"))
    if isinstance(table, pa.Table):
        df = table.to_pandas()
        k = sdc.recount_k(df, qis)
        l_val = sdc.recount_l(df, qis, cfg["sensitive"]) if want_l else 0
    else:
        k, l_val = _recount_source(table, qis, cfg["sensitive"] if want_l else None)
    target = int(cfg.get("k", 5))
    md: dict[str, Any] = {"k_target": target, "k_achieved": int(k), "quasi_identifiers": qis, "rows": _num_rows(table)}
    passed = k >= target
    if want_l:
        md.update(l_target=int(cfg["l_diversity"]), l_achieved=int(l_val))
        passed = passed and l_val >= int(cfg["l_diversity"])
    return passed, md


def _recount_source(src: Any, qis: Sequence[str], sensitive: str | None) -> tuple[int, int]:
    """`sdc.recount_k` / `recount_l` on the candidate source: class sizes (and distinct sensitive values per
    class) counted per batch on the QI (+ sensitive) columns only, then merged."""
    from redaction import sdc
    from redaction.errors import SdcError

    names = set(src.schema.names)
    missing = [c for c in qis if c not in names]
    if missing:
        raise SdcError(f"sdc-missing-column: {sorted(missing)}")
    if not qis:
        raise SdcError("sdc-config: no quasi-identifier columns")
    if sensitive is not None and sensitive not in names:
        raise SdcError(f"sdc-missing-column: {[sensitive]}")
    keys = list(qis)
    cols = keys + ([sensitive] if sensitive is not None and sensitive not in keys else [])
    sizes: list[pd.DataFrame] = []
    pairs: list[pd.DataFrame] = []
    pending = 0

    def merge_sizes(frames: list[pd.DataFrame]) -> pd.DataFrame:
        both = pd.concat(frames, ignore_index=True)
        return both.groupby(keys, dropna=False, sort=False)["_n"].sum().reset_index()

    for b in src.batches(cols):
        df = b.to_pandas()
        rest = df.loc[~sdc._suppressed_rows(df, keys)]
        if rest.empty:
            continue
        sizes.append(rest.groupby(keys, dropna=False, sort=False).size().rename("_n").reset_index())
        if sensitive is not None:
            pairs.append(rest[keys + ([sensitive] if sensitive not in keys else [])].drop_duplicates())
        pending += 1
        if pending >= 8:  # keep the partial tables small
            sizes = [merge_sizes(sizes)]
            if pairs:
                pairs = [pd.concat(pairs, ignore_index=True).drop_duplicates()]
            pending = 0
    if not sizes:
        return 0, 0
    k = int(merge_sizes(sizes)["_n"].min())
    l_val = 0
    if sensitive is not None:
        allp = pd.concat(pairs, ignore_index=True).drop_duplicates()
        l_val = int(allp.groupby(keys, dropna=False, sort=False).size().min())
    return k, l_val


def run_check(name: str, store: PrivateStore, spec: DatasetSpec, table: Any, meta: Mapping[str, Any],
              ) -> tuple[bool, dict[str, Any]]:
    """One of ``CHECK_NAMES`` on the candidate (a table or its `candidate_source`): passed + PII-safe evidence."""
    from pipelines import config

    try:
        if name == "schema_valid":
            report = _schema_report(spec, table)
            s = report.summary()
            s.pop("first_rows", None)
            rows = sorted({int(e.row) - 2 for e in report.errors if e.row >= 2})[:_EVIDENCE_ROWS]  # header: row 1
            return report.valid(), {"rows_checked": _num_rows(table), "errors": len(report.errors), "summary": s,
                                    "first_export_rows": review.export_rows(store, spec.name, rows,
                                                                            _num_rows(table))[:20]}
        if name == "row_accounting":
            return check_row_accounting(meta, table)
        if name == "quarantine_share":
            return check_quarantine_share(meta, config.quarantine_threshold())
        if name == "no_leaks":
            return check_leaks(store, spec, table, meta)
        if name == "k_anonymity":
            return check_k(spec, table)
        raise StageError(f"unknown check {name!r}")
    finally:
        release_memory()  # the checks run one after another in one process


def record_check(store: PrivateStore, spec: DatasetSpec, content_hash: str, name: str, passed: bool, md: Mapping) -> None:
    store.write_json(f"checks/{spec.name}/{content_hash}/{name}.json", {"passed": bool(passed), "metadata": dict(md)})


def recorded_checks(store: PrivateStore, spec: DatasetSpec, content_hash: str) -> dict[str, bool | None]:
    out: dict[str, bool | None] = {}
    for name in CHECK_NAMES:
        r = store.read_json(f"checks/{spec.name}/{content_hash}/{name}.json")
        out[name] = None if r is None else bool(r["passed"])
    return out


# ----------------------------------------------------------------------------------------------------------------
# preview and release


def code_version() -> str:
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=5
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("open-safety-data")
    except PackageNotFoundError:
        return "unknown"


def package_metadata(spec: DatasetSpec, meta: Mapping[str, Any]) -> dict[str, Any]:
    lic = spec.license
    return {
        "title": spec.title,
        "description": spec.description,
        "keywords": spec.keywords,
        "licenses": [lic],
        "sources": [{"title": a} for a in meta.get("agencies", [])],
        "contributors": [{"title": spec.publisher.get("name", ""), "roles": ["publisher"]}],
    }


def provenance(spec: DatasetSpec, meta: Mapping[str, Any], checks: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "dataset": spec.name,
        "code_version": code_version(),
        "inputs": meta["inputs"],
        "exports": meta.get("exports", []),  # every export received, with its fate and rows
        "policy_and_schema_files": meta["policy_files"],
        "counts": meta["counts"],
        "quarantine_reasons": meta["quarantine_reasons"],
        "redactions_by_type": meta["redactions"],
        "texts_redacted": meta["texts_redacted"],
        "narratives_withheld": _withheld_counts(meta),
        "disclosure_control": meta["sdc"],
        "utility": meta.get("utility"),
        "checks": dict(checks),
    }


def _withheld_counts(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Free-text cells withheld pending review, by reason, and those released by the officer's decision."""
    w = meta.get("narratives_withheld") or {}
    return {"by_reason": dict(w.get("by_reason") or {}), "total": int(w.get("total", 0)),
            "released_by_decision": int(w.get("released_by_decision", 0))}


def _withheld_markdown(meta: Mapping[str, Any]) -> list[str]:
    """The preview's section on narratives withheld pending review (counts and the private report's path)."""
    w = meta.get("narratives_withheld") or {}
    if not w.get("total") and not w.get("released_by_decision") and not w.get("stale_exports"):
        return []
    lines = ["", f"### Narratives withheld pending review: {w.get('total', 0)}", "",
             "| reason | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in (w.get("by_reason") or {}).items()]
    if w.get("released_by_decision"):
        lines += ["", f"Released as redacted by a review decision: {w['released_by_decision']}."]
    if w.get("stale_exports"):
        lines += ["", f"{w['stale_exports']} export(s) were redacted before the current allow terms: materialize "
                  "their `deidentified` partitions again to apply them (`python -m pipelines.cli run` does)."]
    if w.get("report"):
        lines += ["", f"Review report (private store, never published): `{w['report']}`. "
                  "Decisions for the next run: see docs/review.md."]
    return lines


def preview_markdown(
    spec: DatasetSpec, plan: Any, meta: Mapping[str, Any], checks: Mapping[str, bool | None], table: Any
) -> str:
    """The release preview a data officer reads before publishing (public content and counts only); `table` is
    the candidate table or its `candidate_source`."""
    c = meta["counts"]
    lines = [
        f"## {spec.title}: proposed version {plan.version} ({plan.bump})",
        "",
        f"Previous version: {plan.previous_version or 'none (first release)'}; content hash `{plan.content_hash[:16]}`.",
        "",
        "### Blocking checks",
        "",
        "| check | result |",
        "|---|---|",
    ]
    for name, ok in checks.items():
        lines.append(f"| {name} | {'passed' if ok else ('FAILED' if ok is False else 'not run')} |")
    lines += [
        "",
        "### Rows",
        "",
        "| ingested | published | quarantined | suppressed (k-anonymity) |",
        "|---|---|---|---|",
        f"| {c['ingested']} | {c['published']} | {c['quarantined']} | {c['suppressed']} |",
    ]
    changes = plan.changes or {}
    rec = changes.get("records")
    lines += ["", "### Changes against the latest release", ""]
    if isinstance(rec, dict):
        lines += [f"- records {k}: {v}" for k, v in rec.items() if isinstance(v, int | float)]
    elif rec is not None:
        lines.append(f"- records: {rec}")
    for reason in changes.get("reasons") or []:
        lines.append(f"- {reason}")
    fields = changes.get("fields") or {}
    for what in ("added", "removed", "renamed"):
        if fields.get(what) and plan.previous_version:
            lines.append(f"- fields {what}: {', '.join(str(f) for f in fields[what])}")
    if changes.get("schema_changes"):
        lines.append(f"- schema changes: `{json_dumps(changes['schema_changes'])[:2000]}`")
    if meta.get("redactions"):
        lines += ["", "### Redactions in free text, by type", "", "| type | count |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in meta["redactions"].items()]
    lines += _withheld_markdown(meta)
    if meta.get("sdc"):
        s = meta["sdc"]
        lines += [
            "",
            f"### Disclosure control: k = {s.get('k_achieved')} (target {s.get('k_target')}), "
            f"{s.get('rows_suppressed')} row(s) suppressed",
            "",
            "Generalization: " + ", ".join(f"{k}: {v}" for k, v in (s.get("levels") or {}).items()),
        ]
    if meta.get("utility"):
        from redaction.sdc.report import report_markdown

        lines += ["", "### Utility and risk of the released table", "", *report_markdown(meta["utility"])]
    text_cols = [t.column for t in policy_of(spec).columns.values() if t.name == "redact_text"]
    if text_cols and _num_rows(table):
        col = text_cols[0]
        if isinstance(table, pa.Table):
            vals = [v for v in table.column(col).to_pylist() if v and v != review.WITHHELD_TEXT][:1000]
        else:
            vals = []
            for b in table.batches([col]):
                vals += [v for v in b.column(0).to_pylist() if v and v != review.WITHHELD_TEXT][: 1000 - len(vals)]
                if len(vals) >= 1000:
                    break
        rng = np.random.default_rng(0)
        sample = [vals[i] for i in sorted(rng.choice(len(vals), size=min(5, len(vals)), replace=False))] if vals else []
        lines += ["", f"### Spot check: {len(sample)} redacted `{col}` values", ""]
        lines += [f"> {s.replace(chr(10), ' ')[:600]}\n" for s in sample]
    return "\n".join(lines)


def json_dumps(v: Any) -> str:
    import json

    return json.dumps(v, sort_keys=True, default=str)


def _verify_candidate(store: PrivateStore, spec: DatasetSpec, meta: Mapping[str, Any], state: Any,
                      ) -> tuple[bool, dict[str, Any], str | None]:
    """`check_leaks` on the candidate file, and whether that file was the one of ``state`` (its size and
    modification time, as the publishing process hashed it) all along: ``None`` if so, else (or when the filesystem
    does not tell the time) the content hash of the file as it was read."""
    from pipelines import publishing

    src = candidate_source(store, spec)
    before = src.file_state()
    ok, md = check_leaks(store, spec, src, meta)
    if state is not None and before == src.file_state() == state:
        return ok, md, None
    return ok, md, publishing.content_hash_source(src, spec.schema)


class _LeakVerification:
    """The publish step's own run of the leak verifier. A big candidate (`parallel.use_workers`) is verified in a
    worker process while this one plans and writes the release files to a temporary folder; `require_pass` waits
    for the verdict, and the upload starts only after it (it also checks the worker read the content that is being
    published: the same file, or the same content hash). A small one is verified here first, as before."""

    def __init__(self, store: PrivateStore, spec: DatasetSpec, meta: Mapping[str, Any], chash: str, rows: int,
                 state: Any) -> None:
        from pipelines import parallel

        self.dataset, self.chash = spec.name, chash
        self._pool: Any = None
        self._result: tuple[bool, dict[str, Any], str | None] | None = None
        if parallel.use_workers(rows):
            self._pool = parallel.spawn_pool(1)
            self._future = self._pool.submit(_verify_candidate, store, spec, dict(meta), tuple(state) if state else None)
        else:
            ok, md = check_leaks(store, spec, candidate_source(store, spec), meta)  # right after this process
            self._result = (ok, md, None)                                           # hashed the same file
            self.require_pass()

    def require_pass(self) -> None:
        from redaction.errors import LeakFound

        if self._result is None:
            self._result = self._future.result()
            self.close()
        ok, md, seen = self._result
        if seen is not None and seen != self.chash:
            raise StageError(f"{self.dataset}: the candidate changed on disk while it was verified; re-run validation")
        if not ok:
            raise LeakFound(f"{self.dataset}: refused: leak verifier found {md.get('findings', '?')} hit(s) "
                            f"(first export rows {md.get('first_export_rows', [])[:5]}); see check metadata")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> _LeakVerification:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def publish(store: PrivateStore, publisher: Any, spec: DatasetSpec, *, note: str = "") -> dict[str, Any]:
    """Publish exactly the previewed candidate, only if every blocking check passed for that exact content."""
    from pipelines import publishing

    src, meta = load_candidate_source(store, spec)
    chash = publishing.content_hash_source(src, spec.schema)
    if chash != meta["content_hash"]:
        raise StageError(f"{spec.name}: the candidate changed on disk since it was validated; re-run validation")
    preview = store.read_json(f"preview/{spec.name}.json")
    if not preview or preview.get("content_hash") != chash:
        raise StageError(f"{spec.name}: refused: this content was not previewed; materialize release_preview first")
    checks = recorded_checks(store, spec, chash)
    not_passed = [n for n, ok in checks.items() if ok is not True]
    if not_passed:
        raise StageError(f"{spec.name}: refused: blocking checks not passed for this content: {not_passed}")
    # the leak verifier once more, whatever the check records say; its verdict is required before anything goes out
    with _LeakVerification(store, spec, meta, chash, src.num_rows, src.file_state()) as verified:
        plan = publishing.plan_release_source(publisher, spec.name, src, spec.schema)
        rel = publishing.publish_release_source(
            publisher,
            plan,
            src,
            spec.schema,
            package=package_metadata(spec, meta),
            provenance=provenance(spec, meta, {n: "passed" for n in checks}),
            note=note,
            before_upload=verified.require_pass,
        )
    return {
        "version": rel.version,
        "created": rel.created,
        "path": rel.path,
        "files": rel.files,
        "url": publisher.url(rel.path),
        "rows": src.num_rows,
    }
