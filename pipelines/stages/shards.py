"""The validated stage of a sharded dataset: one candidate per shard, assembled only when its inputs changed.

The shard of a row is its shard key's value after standardize (`shard_rows`). Each shard is assembled, made
k-anonymous and checked on its own rows (memory bounded by the shard): the shard key is a published
quasi-identifier, so every equivalence class lies inside one shard and k within each shard is k in the union. A
shard whose exports, their stage records and the spec files are those of its last assembly is not assembled again:
one agency's new export prepares that agency's shard alone. The shard index (`layout.shard_index`) lists the
shards as last assembled; the checks, the preview and the publish step read it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from pipelines import export_fates
from pipelines.catalog.shards import shard_slug
from pipelines.publishing.hashing import code_version
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.assemble import assemble_candidate
from pipelines.stages.candidate import load_candidate_source
from pipelines.stages.checks import record_check, recorded_checks, run_check
from pipelines.stages.common import StageError, policy_of
from pipelines.stages.results import CandidateResult, CheckResult, RowCounts
from pipelines.stages.shard_rows import shard_values
from pipelines.store import PrivateStore


@dataclass
class ShardEntry:
    """One shard as last assembled: its slug, value, candidate content hash, exports and inputs fingerprint."""

    slug: str
    value: str | None
    content_hash: str
    partitions: list[str]
    inputs: str
    assembled: bool = True  # False: its inputs were unchanged, the candidate of an earlier run was kept


@dataclass
class ShardSet:
    """A sharded dataset's shard index (``candidate/<dataset>/shards.json``), shards sorted by slug."""

    dataset: str
    key: str
    shards: list[ShardEntry] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, doc: Mapping[str, object]) -> ShardSet:
        entries = [ShardEntry(**e) for e in doc.get("shards") or []]  # type: ignore[attr-defined]
        return cls(dataset=str(doc["dataset"]), key=str(doc["key"]), shards=entries)

    def spec_of(self, spec: DatasetSpec, entry: ShardEntry) -> DatasetSpec:
        return spec.for_shard(entry.value)


def load_shard_set(store: PrivateStore, spec: DatasetSpec) -> ShardSet:
    """The shard index of the last assembly; a StageError when the dataset was never assembled."""
    doc = store.read_json(layout.shard_index(spec.name))
    if not doc:
        raise StageError(f"{spec.name}: no release candidate; materialize the validated asset first")
    return ShardSet.from_dict(doc)


def record_partition_shards(store: PrivateStore, spec: DatasetSpec, partition: str) -> list[str | None]:
    """The shard values of one de-identified export, read once and kept beside it (for the de-identified file it
    was read from): the shards to register as Dagster partitions, and what `partitions_by_shard` reads."""
    token = store.read_json(layout.deidentified_meta(spec.name, partition))
    values = shard_values(store, spec, partition)
    store.write_json(layout.partition_shards(spec.name, partition), {"deidentified": token, "values": values})
    return values


def _partition_values(store: PrivateStore, spec: DatasetSpec, partition: str) -> list[str | None]:
    doc = store.read_json(layout.partition_shards(spec.name, partition))
    if doc and doc.get("deidentified") == store.read_json(layout.deidentified_meta(spec.name, partition)):
        return list(doc["values"])
    return record_partition_shards(store, spec, partition)


def partitions_by_shard(store: PrivateStore, spec: DatasetSpec, parts: Sequence[str],
                        ) -> tuple[dict[str | None, list[str]], dict[str | None, dict[str, bool]]]:
    """Each shard value's partitions, and its exports that span several shards (partition -> whether this shard
    is the export's home, the one that counts the rows set aside before de-identification: the first value)."""
    by: dict[str | None, list[str]] = {}
    spanning: dict[str | None, dict[str, bool]] = {}
    for p in parts:
        values = _partition_values(store, spec, p)
        for i, v in enumerate(values):
            by.setdefault(v, []).append(p)
            if len(values) > 1:
                spanning.setdefault(v, {})[p] = i == 0
    return by, spanning


def _fingerprint(store: PrivateStore, spec: DatasetSpec, parts: Sequence[str], spanning: Mapping[str, bool]) -> str:
    """What a shard's candidate is made from: its exports' stage records, the spec files and the code."""
    doc = {
        "value": spec.shard.value if spec.shard else None,
        "parts": list(parts), "spanning": dict(spanning),
        "records": [[store.read_json(k(spec.name, p)) for k in (layout.raw_meta, layout.standardized_meta,
                                                                 layout.deidentified_meta)] for p in parts],
        "files": spec.file_hashes(), "code": code_version(),
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


def _kept(store: PrivateStore, spec: DatasetSpec, inputs: str) -> ShardEntry | None:
    """The shard's entry when its candidate was assembled from exactly these inputs (never with free text to
    review: the officer's decisions are not part of the fingerprint)."""
    doc = store.read_json(layout.shard_entry(spec.unit))
    if not doc or doc.get("inputs") != inputs or policy_of(spec).text_columns:
        return None
    meta = store.read_json(layout.candidate_meta(spec.unit))
    if not meta or meta.get("content_hash") != doc.get("content_hash") or not store.exists(layout.candidate(spec.unit)):
        return None
    return ShardEntry(**{**doc, "assembled": False})


@dataclass
class _Plan:
    """The shards of the publishable exports: each value's partitions and spanning exports."""

    by: dict[str | None, list[str]]
    spanning: dict[str | None, dict[str, bool]]


def _plan(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> _Plan:
    if spec.shard_key is None:
        raise StageError(f"{spec.name}: not a sharded dataset")
    parts, _fates = export_fates.publishable_partitions(store, spec, partitions)
    if not parts:
        raise StageError(f"{spec.name}: no de-identified partition to assemble")
    return _Plan(*partitions_by_shard(store, spec, parts))


def _assemble_value(store: PrivateStore, spec: DatasetSpec, plan: _Plan, value: str | None) -> ShardEntry:
    """One shard's entry: its candidate kept when its inputs are unchanged, else assembled now."""
    one, parts, mine = spec.for_shard(value), plan.by[value], plan.spanning.get(value, {})
    inputs = _fingerprint(store, one, parts, mine)
    kept = _kept(store, one, inputs)
    if kept is not None:
        return kept
    result = assemble_candidate(store, one, parts, spanning=mine or None)
    entry = ShardEntry(slug=shard_slug(value), value=value, content_hash=result.content_hash, partitions=list(parts),
                       inputs=inputs, assembled=True)
    store.write_json(layout.shard_entry(one.unit), asdict(entry))
    return entry


def shard_slugs(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> dict[str, str | None]:
    """slug -> value of every shard of the publishable exports."""
    return {shard_slug(v): v for v in _plan(store, spec, partitions).by}


def stale_shards(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> list[str]:
    """The slugs of the shards whose candidate is missing or was assembled from other inputs."""
    plan = _plan(store, spec, partitions)
    out = []
    for value, parts in plan.by.items():
        one = spec.for_shard(value)
        if _kept(store, one, _fingerprint(store, one, parts, plan.spanning.get(value, {}))) is None:
            out.append(shard_slug(value))
    return sorted(out)


def assemble_shard(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str], slug: str) -> ShardEntry | None:
    """Assemble one shard (a Dagster partition of the validated asset) when its inputs changed; None when no
    publishable export has rows of it any more (its exports were withdrawn)."""
    plan = _plan(store, spec, partitions)
    value = next((v for v in plan.by if shard_slug(v) == slug), _NO_SHARD)
    if value is _NO_SHARD:
        return None
    return _assemble_value(store, spec, plan, value)  # type: ignore[arg-type]


_NO_SHARD = object()


def assemble_shards(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> ShardSet:
    """Every shard of the publishable exports (each assembled only when its inputs changed): the shard index,
    written for the checks, the preview and the publish step."""
    plan = _plan(store, spec, partitions)
    out = ShardSet(dataset=spec.name, key=str(spec.shard_key),
                   shards=sorted((_assemble_value(store, spec, plan, v) for v in plan.by), key=lambda e: e.slug))
    store.write_json(layout.shard_index(spec.name), out.to_dict())
    return out


def shard_candidates(store: PrivateStore, spec: DatasetSpec, shards: ShardSet) -> list[CandidateResult]:
    """The accounting of each shard's candidate, in the index's order."""
    return [CandidateResult.from_dict(load_candidate_source(store, shards.spec_of(spec, e))[1]) for e in shards.shards]


def total_counts(results: Sequence[CandidateResult]) -> RowCounts:
    """The dataset's row accounting: the sum of its shards'."""
    return RowCounts(**{k: sum(getattr(r.counts, k) for r in results) for k in RowCounts.__dataclass_fields__})


def run_shard_check(name: str, store: PrivateStore, spec: DatasetSpec, only: str | None = None) -> CheckResult:
    """One blocking check on every shard (or on the shard ``only``): run (and recorded) for a shard's content not
    checked yet, the recorded verdict reused for a shard whose content was checked already. Passes when every
    shard passes."""
    shards = load_shard_set(store, spec) if only is None else _one_shard(store, spec, only)
    verdicts: dict[str, bool] = {}
    ran = 0
    for e in shards.shards:
        one = shards.spec_of(spec, e)
        known = recorded_checks(store, one, e.content_hash).get(name)
        if known is None:
            table, meta = load_candidate_source(store, one)
            if meta.get("content_hash") != e.content_hash:
                raise StageError(f"{one.unit}: the candidate changed since it was assembled; re-run validation")
            known, md = run_check(name, store, one, table, meta)
            record_check(store, one, e.content_hash, name, known, md)
            ran += 1
        verdicts[e.slug] = bool(known)
    failed = sorted(s for s, ok in verdicts.items() if not ok)
    return CheckResult(not failed, {"shards": len(verdicts), "shards_checked_now": ran, "shards_failed": failed})


def _one_shard(store: PrivateStore, spec: DatasetSpec, slug: str) -> ShardSet:
    """The shard ``slug`` as last assembled (its entry), as a one-shard index."""
    doc = store.read_json(layout.shard_entry(f"{spec.name}/{slug}"))
    if not doc:
        raise StageError(f"{spec.name}/{slug}: no release candidate; materialize the validated asset first")
    return ShardSet(dataset=spec.name, key=str(spec.shard_key), shards=[ShardEntry(**doc)])
