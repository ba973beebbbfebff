"""Preview and publish a sharded dataset: one version for the whole dataset, only the changed shards rewritten.

The preview plans the next version over every shard (`publishing.shards`), previews each changed shard as an
unsharded candidate is previewed (`preview.build_preview`) and adds the dataset summary: shards changed,
unchanged, removed. The publish step publishes exactly what was previewed: the shard index's content hashes must
be the previewed ones, every blocking check must have passed for each shard's exact content, and the leak verifier
runs once more on each changed shard before anything is written.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from pipelines import config, preview, publishing
from pipelines.publishing.shards import (
    ShardedPlan,
    ShardSource,
    plan_sharded_release,
    publish_sharded_release,
)
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.candidate import load_candidate_source
from pipelines.stages.checks import check_leaks, recorded_checks
from pipelines.stages.common import StageError, policy_of
from pipelines.stages.release import package_metadata, provenance
from pipelines.stages.results import PublishResult
from pipelines.stages.shards import ShardSet, load_shard_set
from pipelines.store import PrivateStore
from redaction.errors import LeakFound


@dataclass
class _Shard:
    """One shard as the preview and the publish step read it: its view of the spec, source and accounting."""

    spec: DatasetSpec
    source: ShardSource
    meta: dict[str, Any]


@dataclass
class ShardedPreview:
    """The dataset's preview: the plan, each changed shard's preview and the summary written for the officer."""

    plan: ShardedPlan
    shards: dict[str, bool | None] = field(default_factory=dict)  # slug -> every blocking check passed
    markdown: str = ""
    headline: str = ""
    publishable: bool = False


def _shards(store: PrivateStore, spec: DatasetSpec, index: ShardSet) -> list[_Shard]:
    out = []
    for e in index.shards:
        one = index.spec_of(spec, e)
        src, meta = load_candidate_source(store, one)
        if meta.get("content_hash") != e.content_hash:
            raise StageError(f"{one.unit}: the candidate changed on disk since it was validated; re-run validation")
        out.append(_Shard(one, ShardSource(e.slug, e.value, src, e.content_hash), meta))
    return out


def preview_shards(store: PrivateStore, publisher: Any, spec: DatasetSpec) -> ShardedPreview:
    """Plan the next version, preview each changed shard and write the dataset's preview (``preview/<ds>``)."""
    index = load_shard_set(store, spec)
    shards = _shards(store, spec, index)
    plan = plan_sharded_release(publisher, spec.name, [s.source for s in shards], spec.schema)
    rel = plan.release
    text_cols = [t.column for t in policy_of(spec).columns.values() if t.name == "redact_text"]
    out = ShardedPreview(plan=plan)
    parts: list[str] = []
    warnings: list[str] = []
    for s in shards:
        checks = recorded_checks(store, s.spec, s.source.content_hash)
        out.shards[s.source.slug] = all(v is True for v in checks.values())
        if s.source.slug not in plan.changed:
            continue
        pv = preview.build_preview(s.spec, plan.changed[s.source.slug], s.meta, checks, s.source.src, store=store,
                                   versions=publishing.list_versions(publisher, spec.name),
                                   threshold=config.quarantine_threshold(),
                                   text_column=text_cols[0] if text_cols else None)
        parts.append(f"# Shard {s.source.value!r}\n\n" + pv.markdown())
        warnings += [f"{s.source.value!r}: {w.title}" for w in pv.warnings]
    ch = rel.changes.get("shards") or {}
    out.publishable = rel.bump != "none" and all(out.shards.values())
    out.headline = (f"{spec.name} {rel.version} ({rel.bump}): {len(ch.get('changed', []))} shard(s) changed, "
                    f"{len(ch.get('unchanged', []))} unchanged, {len(ch.get('removed', []))} removed"
                    if rel.bump != "none" else f"{spec.name}: same content as the latest release {rel.version}")
    out.markdown = "\n\n".join([f"## {spec.title}: {out.headline}", *parts])
    store.write_bytes(layout.preview_page(spec.name),
                      f"<!doctype html><meta charset='utf-8'><pre>{html.escape(out.markdown)}</pre>".encode())
    store.write_json(layout.preview_meta(spec.name), {
        "content_hash": rel.content_hash, "version": rel.version, "bump": rel.bump, "markdown": out.markdown,
        "headline": out.headline, "warnings": warnings, "publishable": out.publishable,
        "shards": {s.source.slug: s.source.content_hash for s in shards}})
    return out


def _require_previewed_and_checked(store: PrivateStore, spec: DatasetSpec, shards: list[_Shard],
                                   changed: Collection[str]) -> None:
    """Refuse unless the shards are those previewed and every blocking check passed for each one's content; the
    changed shards' candidates (the files this version writes) are hashed again, the others are not read."""
    pv = store.read_json(layout.preview_meta(spec.name)) or {}
    if pv.get("shards") != {s.source.slug: s.source.content_hash for s in shards}:
        raise StageError(f"{spec.name}: refused: this content was not previewed; materialize release_preview first")
    for s in shards:
        if s.source.slug in changed and \
                publishing.content_hash_source(s.source.src, spec.schema) != s.source.content_hash:
            raise StageError(f"{s.spec.unit}: the candidate changed on disk since it was validated; re-run validation")
        bad = [n for n, ok in recorded_checks(store, s.spec, s.source.content_hash).items() if ok is not True]
        if bad:
            raise StageError(f"{spec.name}: refused: blocking checks not passed for shard {s.source.slug}: {bad}")


def _verify_leaks(store: PrivateStore, s: _Shard) -> None:
    """The leak verifier once more on a changed shard, before anything is written; its provenance then."""
    ok, md_ = check_leaks(store, s.spec, s.source.src, s.meta)
    md: dict[str, Any] = dict(md_)
    if not ok:
        raise LeakFound(f"{s.spec.unit}: refused: leak verifier found {md.get('findings', '?')} hit(s) "
                        f"(first export rows {list(md.get('first_export_rows') or [])[:5]})")
    s.source.provenance = provenance(s.spec, s.meta, {n: "passed" for n in recorded_checks(
        store, s.spec, s.source.content_hash)})


def publish_shards(store: PrivateStore, publisher: Any, spec: DatasetSpec, *, note: str = "") -> PublishResult:
    """Publish exactly the previewed shards as one version of the dataset (the unchanged shards by reference):
    the work grows with the changed shards, not with the dataset."""
    shards = _shards(store, spec, load_shard_set(store, spec))
    plan = plan_sharded_release(publisher, spec.name, [s.source for s in shards], spec.schema)
    _require_previewed_and_checked(store, spec, shards, plan.changed)
    if plan.release.content_hash != (store.read_json(layout.preview_meta(spec.name)) or {}).get("content_hash"):
        raise StageError(f"{spec.name}: refused: this content was not previewed; materialize release_preview first")
    for s in shards:
        if s.source.slug in plan.changed:
            _verify_leaks(store, s)
    agencies = sorted({a for s in shards for a in s.meta.get("agencies", [])})
    rel = publish_sharded_release(publisher, plan, [s.source for s in shards], spec.schema,
                                  key=str(spec.shard_key), package=package_metadata(spec, {"agencies": agencies}),
                                  note=note)
    return PublishResult(version=rel.version, created=rel.created, path=rel.path, files=rel.files,
                         url=publisher.url(rel.path), rows=sum(s.source.src.num_rows for s in shards))

