"""The blocking checks on a whole in-memory table: the oracles the streaming checks (`stages.checks`, which read a
`CandidateSource` batch by batch) are compared with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from pipelines import config, review, tableschema
from pipelines.specs import DatasetSpec
from pipelines.stages import CheckResult, check_leaks, policy_of
from pipelines.stages.checks import _EVIDENCE_ROWS, check_quarantine_share, check_row_accounting
from pipelines.stages.validation import as_validation_table
from pipelines.store import PrivateStore
from redaction import sdc


@dataclass
class TableSource:
    """An in-memory table read like a `stages.candidate_source` (one batch)."""

    table: pa.Table

    @property
    def num_rows(self) -> int:
        return int(self.table.num_rows)

    @property
    def schema(self) -> pa.Schema:
        return self.table.schema

    def batches(self, columns: Sequence[str]) -> Iterable[pa.Table]:
        yield self.table.select(list(columns))


def schema_report(spec: DatasetSpec, table: pa.Table) -> tableschema.ValidationReport:
    """The whole table validated at once against the public Table Schema."""
    return tableschema.validate(as_validation_table(table.to_pandas(), spec.public_fields), spec.schema)


def check_schema(spec: DatasetSpec, table: pa.Table) -> CheckResult:
    report = schema_report(spec, table)
    return CheckResult(report.valid(), {"rows_checked": int(table.num_rows), "errors": len(report.errors),
                                        "summary": report.summary()})


def check_k(spec: DatasetSpec, table: pa.Table) -> CheckResult:
    """k (and l) recounted by `redaction.sdc` on the whole table as pandas."""
    policy = policy_of(spec)
    cfg = policy.k_anonymity
    if not cfg:
        return CheckResult(True, {"k_target": None, "note": "no k-anonymity declared for this dataset"})
    qis = policy.quasi_identifiers
    want_l = bool(cfg.get("l_diversity") and cfg.get("sensitive"))
    df = table.to_pandas()
    k = sdc.recount_k(df, qis, unit=cfg.get("unit"))
    l_val = sdc.recount_l(df, qis, cfg["sensitive"]) if want_l else 0
    target = int(cfg.get("k", 5))
    md: dict[str, Any] = {"k_target": target, "k_achieved": int(k), "quasi_identifiers": qis,
                          "rows": int(table.num_rows)}
    passed = k >= target
    if want_l:
        md.update(l_target=int(cfg["l_diversity"]), l_achieved=int(l_val))
        passed = passed and l_val >= int(cfg["l_diversity"])
    return CheckResult(passed, md)


def check_leaks_table(store: PrivateStore, spec: DatasetSpec, table: pa.Table, meta: Mapping[str, Any]) -> CheckResult:
    """The leak verifier on the whole table, read as one batch."""
    return check_leaks(store, spec, TableSource(table), meta)


def run_check(name: str, store: PrivateStore, spec: DatasetSpec, table: pa.Table, meta: Mapping[str, Any],
              threshold: float | None = None) -> CheckResult:
    """`stages.run_check` on a whole table."""
    if name == "schema_valid":
        report = schema_report(spec, table)
        s = report.summary()
        s.pop("first_rows", None)
        rows = sorted({int(e.row) - 2 for e in report.errors if e.row >= 2})[:_EVIDENCE_ROWS]
        n = int(table.num_rows)
        return CheckResult(report.valid(), {"rows_checked": n, "errors": len(report.errors), "summary": s,
                                            "first_export_rows": review.export_rows(store, spec.name, rows, n)[:20]})
    if name == "row_accounting":
        return check_row_accounting(meta, TableSource(table))
    if name == "quarantine_share":
        return check_quarantine_share(meta, config.quarantine_threshold() if threshold is None else threshold)
    if name == "no_leaks":
        return check_leaks_table(store, spec, table, meta)
    if name == "k_anonymity":
        return check_k(spec, table)
    raise ValueError(f"unknown check {name!r}")
