"""The bodies of a sharded dataset's validated, check, release_preview and release assets (`pipelines.assets`).

The asset graph is the unsharded one, with the shard as a dynamic partition of the validated asset and its
blocking checks (`<dataset>_shards`, added when a de-identified export brings a new shard): one run per shard
assembles and checks it (when its inputs changed). The release preview prepares the shards no run prepared,
plans one version over every shard and previews it; the release publishes the changed shards' files. Metadata carries counts, slugs and the shard
key's values (published column values), never another value from a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import dagster as dg

from pipelines.catalog.shards import shard_slug
from pipelines.specs import DatasetSpec
from pipelines.stages import shard_release, shards
from pipelines.stages.checks import CHECK_NAMES
from pipelines.stages.results import PublishResult
from pipelines.store import PrivateStore


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> dg.MetadataValue:
    return dg.MetadataValue.table(records=[dg.TableRecord(r) for r in rows],
                                  schema=dg.TableSchema(columns=[dg.TableColumn(n, t) for n, t in columns]))


def shards_name(dataset: str) -> str:
    """The dynamic partitions of a sharded dataset's validated asset: one per shard slug."""
    return f"{dataset}_shards"


def register_shards(instance: dg.DagsterInstance, store: PrivateStore, spec: DatasetSpec, partition: str) -> None:
    """Record the shard values of a de-identified export and add its new shards as partitions."""
    add_shard_partitions(instance, spec.name, {shard_slug(v) for v in shards.record_partition_shards(store, spec, partition)})


def add_shard_partitions(instance: dg.DagsterInstance, dataset: str, slugs: Iterable[str]) -> None:
    """Add the shards among ``slugs`` that are not yet partitions of the dataset's validated asset."""
    new = sorted(set(slugs) - set(instance.get_dynamic_partitions(shards_name(dataset))))
    if new:
        instance.add_dynamic_partitions(shards_name(dataset), new)


def validated_shard(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str], slug: str) -> dict[str, Any]:
    """Assemble one shard (when its inputs changed): its counts as metadata."""
    e = shards.assemble_shard(store, spec, partitions, slug)
    if e is None:
        return {"shard": slug, "note": "no publishable export has rows of this shard", "dagster/row_count": 0}
    r = shards.shard_candidates(store, spec, shards.ShardSet(spec.name, str(spec.shard_key), [e]))[0]
    c = r.counts
    return {"shard": str(e.value), "slug": e.slug, "assembled_now": e.assembled, "content_hash": e.content_hash,
            "exports": len(e.partitions), "ingested": c.ingested, "quarantined": c.quarantined,
            "suppressed": c.suppressed, "published_rows": c.published,
            "k_achieved": int(str((r.sdc or {}).get("k_achieved") or 0)), "dagster/row_count": c.published}


def check_result(name: str, store: PrivateStore, spec: DatasetSpec, slug: str) -> dg.AssetCheckResult:
    """One blocking check on one shard (its recorded verdict when its content was checked already)."""
    r = shards.run_shard_check(name, store, spec, only=slug)
    md = dict(r.metadata)
    return dg.AssetCheckResult(passed=bool(r.passed), severity=dg.AssetCheckSeverity.ERROR,
                               metadata={k: (str(v) if isinstance(v, list) else v) for k, v in md.items()})  # type: ignore[misc]


def preview_metadata(store: PrivateStore, publisher: Any, spec: DatasetSpec, partitions: Iterable[str],
                     ) -> dict[str, Any]:
    """Every shard prepared (those whose own run did not, here), every check run on each shard's content (the
    recorded verdicts reused), the next version planned and previewed: its headline and proposal as metadata."""
    index = shards.assemble_shards(store, spec, partitions)
    for name in CHECK_NAMES:
        shards.run_shard_check(name, store, spec)
    pv = shard_release.preview_shards(store, publisher, spec)
    rel = pv.plan.release
    rows = [{"shard": str(e.value), "slug": e.slug, "assembled_now": e.assembled,
             "changed": e.slug in pv.plan.changed, "checks_passed": bool(pv.shards.get(e.slug))}
            for e in index.shards]
    return {
        "headline": pv.headline, "proposed_version": rel.version, "bump": rel.bump,
        "previous_version": str(rel.previous_version or "none (first release)"), "content_hash": rel.content_hash,
        "checks_passed": all(v is True for v in pv.shards.values()),
        "by_shard": _table(rows, [("shard", "string"), ("slug", "string"), ("assembled_now", "bool"),
                                  ("changed", "bool"), ("checks_passed", "bool")]),
        "preview": dg.MetadataValue.md(pv.markdown), "dagster/row_count": int(rel.records),
    }


def publish(store: PrivateStore, publisher: Any, spec: DatasetSpec, note: str) -> PublishResult:
    return shard_release.publish_shards(store, publisher, spec, note=note)
