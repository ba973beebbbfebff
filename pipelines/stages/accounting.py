"""The candidate's accounting: every row of every export is published, quarantined (and why) or suppressed.

One function writes it (`candidate_accounting`), for the streaming assembly and for the in-memory reference the
tests compare it with (`tests/reference/`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipelines import export_fates
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.results import CandidateResult, RowCounts
from pipelines.store import PrivateStore
from redaction.policy import Policy
from redaction.sdc.report import utility_report


@dataclass
class Assembled:
    """What an assembly found, before its accounting: the figures the two assemblies compute their own way."""

    parts: list[str]  # the publishable partitions, in order
    fates: Any  # `export_fates.publishable_partitions`'s fates of every export
    content_hash: str
    validation: Any  # the public contract's `tableschema.ValidationReport`
    reasons: Mapping[int, Sequence[str]]  # row (data row + 2) -> reason codes of rows failing the contract
    total_by_file: Mapping[str, int]  # de-identified rows by export file
    bad_by_file: Mapping[str, int]  # rows failing the public contract, by export file
    kept_by_file: Mapping[str, int]  # rows published, by export file
    suppressed: int
    published: int
    withheld: dict[str, Any]  # narratives withheld for review
    sdc_report: dict[str, Any] | None
    rows_before_sdc: int
    # a shard's exports that span several shards -> whether this shard counts the rows set aside before
    # de-identification (they carry no shard); every other row of such an export is counted in its own shard
    spanning: Mapping[str, bool] | None = None


def candidate_accounting(store: PrivateStore, spec: DatasetSpec, policy: Policy, a: Assembled) -> CandidateResult:
    """The candidate's accounting from the stages' own records of each export, written beside the candidate."""
    name = spec.name
    raw_meta = [store.read_json(layout.raw_meta(name, p)) for p in a.parts]
    std_meta = [store.read_json(layout.standardized_meta(name, p)) for p in a.parts]
    if a.spanning:
        raw_meta, std_meta = _shard_share(a, raw_meta, std_meta)
    deid_meta = [store.read_json(layout.deidentified_meta(name, p)) for p in a.parts]
    redactions: Counter[str] = Counter()
    for m in deid_meta:
        redactions.update(m.get("redactions", {}))
    quarantine_reasons: Counter[str] = Counter()
    for m in raw_meta:
        quarantine_reasons.update({f"read:{k}": v for k, v in m.get("read_issues", {}).items()})
    for m in std_meta:
        quarantine_reasons.update({f"standardize:{k}": v for k, v in m.get("reasons", {}).items()})
    for rs in a.reasons.values():
        quarantine_reasons.update(f"validate:{r}" for r in rs)
    ingested = sum(m["rows_read"] for m in raw_meta)
    quarantined = sum(m["read_quarantined"] for m in raw_meta) + sum(m["quarantined"] for m in std_meta) \
        + len(a.reasons)
    result = CandidateResult(
        dataset=name,
        content_hash=a.content_hash,
        partitions=a.parts,
        inputs=[{"file": m["file"], "sha256": m["sha256"], "bytes": m["bytes"], "source": m["source"],
                 "agency": m["agency"]} for m in raw_meta],
        exports=export_fates.fates_metadata(
            a.fates, export_counts(raw_meta, std_meta, a.total_by_file, a.bad_by_file, a.kept_by_file)),
        agencies=sorted({m["agency"] for m in raw_meta}),
        counts=RowCounts(ingested=int(ingested), blank_rows_skipped=int(sum(m["blank_rows"] for m in raw_meta)),
                         quarantined=int(quarantined), suppressed=int(a.suppressed), published=int(a.published)),
        quarantine_reasons=dict(sorted(quarantine_reasons.items())),
        validation=a.validation.summary(),
        redactions=dict(sorted(redactions.items())),
        texts_redacted=int(sum(m.get("texts_redacted", 0) for m in deid_meta)),
        narratives_withheld=a.withheld,
        sdc=a.sdc_report,
        utility=release_report(store, spec, policy, a.sdc_report, a.rows_before_sdc),
        policy_files=spec.file_hashes(),
    )
    store.write_json(layout.candidate_meta(spec.unit), result.to_dict())
    return result


def _shard_share(a: Assembled, raw_meta: list[dict[str, Any]], std_meta: list[dict[str, Any]],
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The part of each spanning export's records that is this shard's: its de-identified rows of the shard, plus
    the rows set aside before de-identification in its home shard only, so each shard's accounting balances and
    the shards' sum is the export's."""
    raws, stds = [], []
    for p, r, s in zip(a.parts, raw_meta, std_meta, strict=True):
        home = (a.spanning or {}).get(p)
        if home is None:
            raws.append(r)
            stds.append(s)
            continue
        mine = int(a.total_by_file.get(r["file"], 0))
        set_aside = int(r["read_quarantined"]) + int(s["quarantined"])
        raws.append({**r, "rows_read": mine + (set_aside if home else 0), "blank_rows": r["blank_rows"] if home else 0,
                     "read_quarantined": r["read_quarantined"] if home else 0,
                     "read_issues": r.get("read_issues", {}) if home else {}})
        stds.append({**s, "quarantined": s["quarantined"] if home else 0, "reasons": s.get("reasons", {}) if home else {}})
    return raws, stds


def export_counts(raw_meta: Sequence[Mapping[str, Any]], std_meta: Sequence[Mapping[str, Any]],
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


def release_report(store: PrivateStore, spec: DatasetSpec, policy: Policy, sdc_report: Mapping[str, Any] | None,
                   rows_in: int) -> dict[str, Any] | None:
    """The utility and risk report (`redaction.sdc.report`) of the candidate as written: the exact table the
    release files are made from, read back on its quasi-identifier columns only."""
    if not policy.k_anonymity:
        return None

    qis = policy.quasi_identifiers
    unit = policy.k_anonymity.get("unit")
    table = store.read_parquet(layout.candidate(spec.unit), columns=qis + ([unit] if unit and unit not in qis else []))
    df = table.to_pandas()
    ladders = {c: str((q or {}).get("ladder", "none")) for c, q in policy.k_anonymity["quasi_identifiers"].items()}
    rep = utility_report(df, {c: policy.roles.get(c, "quasi_identifier") for c in qis},
                         k=int(policy.k_anonymity.get("k", 5)), ladders=ladders,
                         levels=(sdc_report or {}).get("levels"), rows_in=rows_in,
                         information_loss=(sdc_report or {}).get("information_loss"), unit=unit)
    rep["roles"] = {c: r for c, r in policy.roles.items() if r != "quasi_identifier"}
    rep["floors"] = (sdc_report or {}).get("floors") or []
    rep["floors_binding"] = bool((sdc_report or {}).get("floors_binding", True))
    rep["kept_shares"] = (sdc_report or {}).get("kept_shares") or {}
    return rep


