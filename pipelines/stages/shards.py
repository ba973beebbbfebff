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


def partitions_by_shard(store: PrivateStore, spec: DatasetSpec, parts: Sequence[str],
                        ) -> tuple[dict[str | None, list[str]], dict[str | None, dict[str, bool]]]:
    """Each shard value's partitions, and its exports that span several shards (partition -> whether this shard
    is the export's home, the one that counts the rows set aside before de-identification: the first value)."""
    by: dict[str | None, list[str]] = {}
    spanning: dict[str | None, dict[str, bool]] = {}
    for p in parts:
        values = shard_values(store, spec, p)
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


def _kept(store: PrivateStore, spec: DatasetSpec, old: ShardEntry | None, inputs: str) -> CandidateResult | None:
    """The shard's existing candidate when its inputs are those it was assembled from (never with free text to
    review: the officer's decisions are not part of the fingerprint)."""
    if old is None or old.inputs != inputs or policy_of(spec).text_columns:
        return None
    meta = store.read_json(layout.candidate_meta(spec.unit))
    if not meta or meta.get("content_hash") != old.content_hash or not store.exists(layout.candidate(spec.unit)):
        return None
    return CandidateResult.from_dict(meta)


def assemble_shards(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> ShardSet:
    """Assemble every shard whose inputs changed (the others keep their candidate); write the shard index."""
    if spec.shard_key is None:
        raise StageError(f"{spec.name}: not a sharded dataset")
    parts, _fates = export_fates.publishable_partitions(store, spec, partitions)
    if not parts:
        raise StageError(f"{spec.name}: no de-identified partition to assemble")
    by, spanning = partitions_by_shard(store, spec, parts)
    before = store.read_json(layout.shard_index(spec.name))
    old = {e.slug: e for e in ShardSet.from_dict(before).shards} if before else {}
    out = ShardSet(dataset=spec.name, key=spec.shard_key)
    for value, shard_parts in by.items():
        one, slug = spec.for_shard(value), shard_slug(value)
        mine = spanning.get(value, {})
        inputs = _fingerprint(store, one, shard_parts, mine)
        result = _kept(store, one, old.get(slug), inputs)
        assembled = result is None
        if result is None:
            result = assemble_candidate(store, one, shard_parts, spanning=mine or None)
        out.shards.append(ShardEntry(slug=slug, value=value, content_hash=result.content_hash,
                                     partitions=list(shard_parts), inputs=inputs, assembled=assembled))
    out.shards.sort(key=lambda e: e.slug)
    store.write_json(layout.shard_index(spec.name), out.to_dict())
    return out


def shard_candidates(store: PrivateStore, spec: DatasetSpec, shards: ShardSet) -> list[CandidateResult]:
    """The accounting of each shard's candidate, in the index's order."""
    return [CandidateResult.from_dict(load_candidate_source(store, shards.spec_of(spec, e))[1]) for e in shards.shards]


def total_counts(results: Sequence[CandidateResult]) -> RowCounts:
    """The dataset's row accounting: the sum of its shards'."""
    return RowCounts(**{k: sum(getattr(r.counts, k) for r in results) for k in RowCounts.__dataclass_fields__})


def run_shard_check(name: str, store: PrivateStore, spec: DatasetSpec) -> CheckResult:
    """One blocking check on every shard: run (and recorded) for a shard's content not checked yet, the recorded
    verdict reused for a shard whose content was checked already. Passes when every shard passes."""
    shards = load_shard_set(store, spec)
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
