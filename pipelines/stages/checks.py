"""The blocking checks on the candidate, and their one registry (`CHECKS`: name, function, description) that the
assets, the command line, the preview and the docs read.

Each check reads the candidate through a `CandidateSource` (batch by batch, never whole) and returns a
`CheckResult`: passed, and evidence made of counts, export row numbers and field names. Results are recorded per
content hash: the publish step requires every check passed for exactly the content it publishes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pipelines import config, review
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.candidate import CandidateSource
from pipelines.stages.common import StageError, policy_of
from pipelines.stages.identifiers import gather_identifiers
from pipelines.stages.results import CheckResult
from pipelines.stages.validation import validate_source
from pipelines.store import PrivateStore, release_memory
from redaction import sdc, verify
from redaction.errors import SdcError

_EVIDENCE_ROWS = 10_000  # candidate rows with a finding mapped to export rows for a check's evidence


def check_schema(spec: DatasetSpec, src: CandidateSource) -> CheckResult:
    """The candidate against the public Table Schema."""
    report = validate_source(spec, src)
    return CheckResult(report.valid(), {"rows_checked": int(src.num_rows), "errors": len(report.errors),
                                        "summary": report.summary()})


def check_row_accounting(meta: Mapping[str, Any], src: CandidateSource) -> CheckResult:
    """ingested = published + quarantined + suppressed, and the candidate holds the rows said published."""
    c = meta["counts"]
    ok = c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"] and c["published"] == int(src.num_rows)
    return CheckResult(ok, dict(c))


def check_quarantine_share(meta: Mapping[str, Any], threshold: float) -> CheckResult:
    """Few enough rows set aside: the quarantined share of ingested rows is at most ``threshold``."""
    c = meta["counts"]
    share = c["quarantined"] / c["ingested"] if c["ingested"] else 0.0
    return CheckResult(share <= threshold, {
        "quarantined": c["quarantined"],
        "ingested": c["ingested"],
        "share": round(share, 6),
        "threshold": threshold,
        "reasons": meta.get("quarantine_reasons", {}),
    })


def _scan_source(dataset: str, src: CandidateSource, identifiers: verify.IdentifierSet, view: review.CheckView | None = None) -> verify.LeakReport:
    """`verify.scan_table` of the candidate source, one string column at a time, batch by batch (free text as the
    review `view` says the verifier must read it: with each row's allow terms)."""
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


def check_leaks(store: PrivateStore, spec: DatasetSpec, src: CandidateSource, meta: Mapping[str, Any]) -> CheckResult:
    """Leak verifier: no identifying value of the standardized records in any string column of the candidate.

    Free text the officer released as it is (a `release` decision for that record) is reported, not counted;
    everything else found blocks, structured columns as free text (assembly withholds flagged free text, so a
    finding there means the candidate is not the one assembled). Evidence gives export file and row numbers."""
    ids = gather_identifiers(store, spec, meta["partitions"])
    view = review.CheckView.load(store, spec.unit, policy_of(spec).text_columns, meta, src.num_rows)
    report = _scan_source(spec.name, src, ids, view)
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
    return CheckResult(report.passed(), {"values_checked": report.values_checked, **md})


def check_k(spec: DatasetSpec, src: CandidateSource) -> CheckResult:
    """k (and l) recounted on the candidate's published values (the exact table the release files are written
    from), over every public column the policy does not declare sensitive or not identifying: whatever ladders
    the search was given."""
    policy = policy_of(spec)
    cfg = policy.k_anonymity
    if not cfg:
        return CheckResult(True, {"k_target": None, "note": "no k-anonymity declared for this dataset"})
    qis = policy.quasi_identifiers  # every public column not declared sensitive or not identifying
    want_l = bool(cfg.get("l_diversity") and cfg.get("sensitive"))
    k, l_val = _recount_source(src, qis, cfg["sensitive"] if want_l else None, cfg.get("unit"))
    target = int(cfg.get("k", 5))
    md: dict[str, Any] = {"k_target": target, "k_achieved": int(k), "quasi_identifiers": qis,
                          "rows": int(src.num_rows)}
    passed = k >= target
    if want_l:
        md.update(l_target=int(cfg["l_diversity"]), l_achieved=int(l_val))
        passed = passed and l_val >= int(cfg["l_diversity"])
    return CheckResult(passed, md)


def _recount_source(src: CandidateSource, qis: Sequence[str], sensitive: str | None,
                    unit: str | None = None) -> tuple[int, int]:
    """`sdc.recount_k` / `recount_l` on the candidate source: class sizes (and distinct sensitive values per
    class) counted per batch on the QI (+ sensitive) columns only, then merged. With a `unit` (a complaint id),
    a class's size is its number of distinct units, not rows: several allegation rows are one person."""
    names = set(src.schema.names)
    missing = [c for c in qis if c not in names]
    if missing:
        raise SdcError(f"sdc-missing-column: {sorted(missing)}")
    if not qis:
        raise SdcError("sdc-config: no quasi-identifier columns")
    if sensitive is not None and sensitive not in names:
        raise SdcError(f"sdc-missing-column: {[sensitive]}")
    keys = list(qis)
    cols = keys + ([sensitive] if sensitive is not None and sensitive not in keys else []) + ([unit] if unit else [])
    sizes: list[pd.DataFrame] = []
    pairs: list[pd.DataFrame] = []
    pending = 0

    def merge_sizes(frames: list[pd.DataFrame]) -> pd.DataFrame:
        both = pd.concat(frames, ignore_index=True)
        if unit:
            return both.drop_duplicates()
        return both.groupby(keys, dropna=False, sort=False)["_n"].sum().reset_index()

    for b in src.batches(cols):
        df = b.to_pandas()
        rest = df.loc[~sdc._suppressed_rows(df, keys)]
        if rest.empty:
            continue
        if unit:  # a unit counts once, across batches too: distinct (class, unit) pairs, merged below
            sizes.append(rest[keys + [unit]].drop_duplicates())
        else:
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
    merged = merge_sizes(sizes)
    k = int(merged.groupby(keys, dropna=False, sort=False).size().min()) if unit else int(merged["_n"].min())
    l_val = 0
    if sensitive is not None:
        allp = pd.concat(pairs, ignore_index=True).drop_duplicates()
        l_val = int(allp.groupby(keys, dropna=False, sort=False).size().min())
    return k, l_val


def _schema_valid(store: PrivateStore, spec: DatasetSpec, src: CandidateSource, meta: Mapping[str, Any]) -> CheckResult:
    """`check_schema` with the first failing rows as export file and row numbers."""
    report = validate_source(spec, src)
    s = report.summary()
    s.pop("first_rows", None)
    rows = sorted({int(e.row) - 2 for e in report.errors if e.row >= 2})[:_EVIDENCE_ROWS]  # header: row 1
    n = int(src.num_rows)
    return CheckResult(report.valid(), {"rows_checked": n, "errors": len(report.errors), "summary": s,
                                        "first_export_rows": review.export_rows(store, spec.unit, rows, n)[:20]})


CheckFunction = Callable[[PrivateStore, DatasetSpec, CandidateSource, Mapping[str, Any]], CheckResult]


@dataclass(frozen=True)
class Check:
    """A blocking check: its name (the Dagster check's name and the recorded result's file), what runs it, and the
    description the UI and the docs show."""

    name: str
    run: CheckFunction
    description: str


CHECKS: tuple[Check, ...] = (
    Check("schema_valid", _schema_valid,
          "The candidate satisfies the public Table Schema (types, enums, patterns, keys)."),
    Check("row_accounting", lambda store, spec, src, meta: check_row_accounting(meta, src),
          "ingested = published + quarantined + suppressed: no row is lost."),
    Check("quarantine_share",
          lambda store, spec, src, meta: check_quarantine_share(meta, config.quarantine_threshold()),
          "Few enough rows were set aside (quarantined): their share is under the deployment's limit (5% unless "
          "configured otherwise)."),
    Check("no_leaks", check_leaks,
          "Leak verifier: no identifying value from the raw records appears in the candidate."),
    Check("k_anonymity", lambda store, spec, src, meta: check_k(spec, src),
          "k recounted on the candidate itself reaches the policy's k."),
)
CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)
_BY_NAME = {c.name: c for c in CHECKS}


def run_check(name: str, store: PrivateStore, spec: DatasetSpec, src: CandidateSource, meta: Mapping[str, Any],
              ) -> CheckResult:
    """One of ``CHECKS`` on the candidate: passed + PII-safe evidence."""
    try:
        check = _BY_NAME.get(name)
        if check is None:
            raise StageError(f"unknown check {name!r}")
        return check.run(store, spec, src, meta)
    finally:
        release_memory()  # the checks run one after another in one process


def record_check(store: PrivateStore, spec: DatasetSpec, content_hash: str, name: str, passed: bool,
                 md: Mapping[str, Any]) -> None:
    """Record a check's result for exactly this content."""
    store.write_json(layout.check_result(spec.unit, content_hash, name), {"passed": bool(passed), "metadata": dict(md)})


def recorded_checks(store: PrivateStore, spec: DatasetSpec, content_hash: str) -> dict[str, bool | None]:
    """Every check's recorded verdict for this content (None: not run on it)."""
    out: dict[str, bool | None] = {}
    for name in CHECK_NAMES:
        r = store.read_json(layout.check_result(spec.unit, content_hash, name))
        out[name] = None if r is None else bool(r["passed"])
    return out
