"""The bodies of a sharded dataset's validated, check, release_preview and release assets (`pipelines.assets`).

The asset graph is the unsharded one; for a sharded dataset each asset works shard by shard through
`stages.shards` and `stages.shard_release`: only the shards whose inputs changed are assembled and checked, and
one version of the dataset publishes the changed shards' files. Metadata carries counts, slugs and the shard
key's values (published column values), never another value from a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import dagster as dg

from pipelines.specs import DatasetSpec
from pipelines.stages import shard_release, shards
from pipelines.stages.results import PublishResult
from pipelines.store import PrivateStore


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> dg.MetadataValue:
    return dg.MetadataValue.table(records=[dg.TableRecord(r) for r in rows],
                                  schema=dg.TableSchema(columns=[dg.TableColumn(n, t) for n, t in columns]))


def validated_metadata(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> dict[str, Any]:
    """Assemble the shards whose inputs changed; the dataset's totals and one row per shard."""
    index = shards.assemble_shards(store, spec, partitions)
    results = shards.shard_candidates(store, spec, index)
    c = shards.total_counts(results)
    rows = [{"shard": str(e.value), "slug": e.slug, "assembled_now": e.assembled, "published": r.counts.published,
             "quarantined": r.counts.quarantined, "suppressed": r.counts.suppressed,
             "k_achieved": int(str((r.sdc or {}).get("k_achieved") or 0))}
            for e, r in zip(index.shards, results, strict=True)]
    return {
        "shard_key": index.key, "shards": len(index.shards),
        "shards_assembled_now": sum(e.assembled for e in index.shards),
        "exports": len({p for e in index.shards for p in e.partitions}),
        "ingested": c.ingested, "quarantined": c.quarantined, "suppressed": c.suppressed, "published_rows": c.published,
        "by_shard": _table(rows, [("shard", "string"), ("slug", "string"), ("assembled_now", "bool"),
                                  ("published", "int"), ("quarantined", "int"), ("suppressed", "int"),
                                  ("k_achieved", "int")]),
        "dagster/row_count": c.published,
    }


def check_result(name: str, store: PrivateStore, spec: DatasetSpec) -> dg.AssetCheckResult:
    """One blocking check over every shard (run only on the shards whose content has no verdict yet)."""
    r = shards.run_shard_check(name, store, spec)
    md = dict(r.metadata)
    return dg.AssetCheckResult(passed=bool(r.passed), severity=dg.AssetCheckSeverity.ERROR,
                               metadata={k: (str(v) if isinstance(v, list) else v) for k, v in md.items()})  # type: ignore[misc]


def preview_metadata(store: PrivateStore, publisher: Any, spec: DatasetSpec) -> dict[str, Any]:
    """Plan the next version over every shard and write the preview; its headline and proposal as metadata."""
    pv = shard_release.preview_shards(store, publisher, spec)
    rel = pv.plan.release
    return {
        "headline": pv.headline, "proposed_version": rel.version, "bump": rel.bump,
        "previous_version": str(rel.previous_version or "none (first release)"), "content_hash": rel.content_hash,
        "checks_passed": all(v is True for v in pv.shards.values()),
        "shards_changed": sorted(pv.plan.changed), "shards_unchanged": sorted(pv.plan.carried),
        "preview": dg.MetadataValue.md(pv.markdown), "dagster/row_count": int(rel.records),
    }


def publish(store: PrivateStore, publisher: Any, spec: DatasetSpec, note: str) -> PublishResult:
    return shard_release.publish_shards(store, publisher, spec, note=note)
