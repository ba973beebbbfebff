"""Releases of a sharded dataset: one version covers every shard; only the changed shards' files are written.

Layout of version ``X.Y.Z`` of dataset ``d`` (``datasets/d/vX.Y.Z/``): ``<slug>/d.csv``, ``<slug>/d.parquet``,
``<slug>/provenance.json`` and ``<slug>/changes.json`` for each shard whose content changed since the newest
published version; ``datapackage.json`` lists one CSV and one Parquet resource per shard (a changed shard's by
path in this version, an unchanged one's by URL to the version that holds its files: no copy), with its bytes,
hash, rows and shard value; ``changes.json``, ``CHANGES.md``, ``provenance.json`` and ``SHA256SUMS`` of the
version. The ``versions.json`` entry lists the shards (slug, value, content hash, rows, holding version); the
dataset's content hash is the hash of the sorted (slug, shard hash) list, so the same content publishes nothing.
The version bump is the largest among the changed shards (a removed shard removes its records). The files are
written and listed by the unsharded release's machinery (`release._publish`): create-only, verified, the lease,
``versions.json`` then ``latest.json`` last, a partial version resumed or discarded after a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipelines.publishing.content import CSV_DIALECT, DATAPACKAGE_PROFILE, RESOURCE_PROFILE, _published_schema
from pipelines.publishing.documents import _newest_published, list_versions, read_json
from pipelines.publishing.errors import PublishError
from pipelines.publishing.hashing import _json_bytes, code_version
from pipelines.publishing.keys import _bump, _check_dataset, release_prefix
from pipelines.publishing.release import _publish
from pipelines.publishing.release_files import _changes_md, _ReleaseFile
from pipelines.publishing.stores.base import Publisher
from pipelines.publishing.streaming import (
    content_hash_source,
    write_csv_file,
    write_parquet_file,
)
from pipelines.publishing.versioning import (
    _BUMP_RANK,
    ReleasePlan,
    ReleaseResult,
    _bump_level,
    _first_plan,
    diff_published_parquet,
    record_changes,
)
from pipelines.storage.parquet import ParquetSource


@dataclass
class ShardSource:
    """One shard's candidate as the publish step gives it: slug, value, table, content hash, provenance."""

    slug: str
    value: str | None
    src: ParquetSource
    content_hash: str
    provenance: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class ShardedPlan:
    """The dataset's next version (``release``, whose ``shards`` lists every shard) and each changed shard's own
    plan (its change record); ``carried`` holds the unchanged shards' resources in the version holding them."""

    release: ReleasePlan
    changed: dict[str, ReleasePlan] = field(default_factory=dict)
    carried: dict[str, list[dict]] = field(default_factory=dict)
    removed: list[dict] = field(default_factory=list)


def sharded_content_hash(pairs: Sequence[tuple[str, str]]) -> str:
    """The dataset's content hash: sha256 of its sorted (shard slug, shard content hash) list."""
    return hashlib.sha256(json.dumps(sorted(pairs)).encode()).hexdigest()


def shard_resources(publisher: Publisher, dataset: str, version: str, slug: str) -> list[dict]:
    """The CSV and Parquet resources of ``slug`` in ``datapackage.json`` of ``version`` (its holder's files)."""
    dp = read_json(publisher, release_prefix(dataset, version) + "datapackage.json")
    if not dp:
        raise PublishError(f"{dataset}: datapackage.json of {version} is missing")
    res = [r for r in dp.get("resources", []) if (r.get("shard") or {}).get("slug") == slug]
    if len(res) != 2:
        raise PublishError(f"{dataset}: {version} does not list the resources of shard {slug}")
    return res


def _shard_diff(publisher: Publisher, dataset: str, old: Mapping[str, Any], s: ShardSource, schema: Mapping,
                ) -> tuple[dict, dict]:
    """(schema diff, record diff) of a shard against its files in the version that holds them."""
    res = next(r for r in shard_resources(publisher, dataset, old["version"], s.slug) if r["format"] == "parquet")
    key = release_prefix(dataset, res["shard"]["version"]) + res["shard"]["path"]
    return diff_published_parquet(publisher, key, res, s.src, schema, None, require_hash=True)


def _shard_plan(publisher: Publisher, dataset: str, s: ShardSource, schema: Mapping, old: Mapping[str, Any] | None,
                removed_records: str) -> ReleasePlan:
    """A changed shard's own change record: against its previous files, or all records added."""
    rows = s.src.num_rows
    base = {"dataset": dataset, "shard": s.slug, "content_hash": s.content_hash, "records": rows}
    if old is None:
        return _first_plan(dataset, schema, s.content_hash, rows, None, base)
    sd, rd = _shard_diff(publisher, dataset, old, s, schema)
    bump, reasons = _bump_level(sd, rd, removed_records)
    changes = {**base, "bump": bump, "reasons": reasons, "previous_version": old["version"],
               "records": record_changes(rd),
               "fields": {"added": sd["added"], "removed": sd["removed"], "renamed": sd["renamed"]},
               "schema_changes": sd["changes"]}
    return ReleasePlan(dataset=dataset, version="", previous_version=old["version"], bump=bump,
                       content_hash=s.content_hash, changes=changes, records=rows)


def plan_sharded_release(publisher: Publisher, dataset: str, shards: Sequence[ShardSource], schema: Mapping, *,
                         removed_records: str = "major") -> ShardedPlan:
    """The next version of a sharded dataset: the changed shards diffed against their files, the others carried."""
    _check_dataset(dataset)
    entries = list_versions(publisher, dataset)
    prev = _newest_published(entries)
    highest = entries[0]["version"] if entries else None
    chash = sharded_content_hash([(s.slug, s.content_hash) for s in shards])
    records = sum(s.src.num_rows for s in shards)
    if prev is not None and prev.get("content_hash") == chash:
        same = ReleasePlan(dataset=dataset, version=prev["version"], previous_version=prev["version"], bump="none",
                           content_hash=chash, records=records, shards=list(prev.get("shards") or []),
                           changes={"dataset": dataset, "bump": "none", "reasons": ["same content as the latest release"]})
        return ShardedPlan(release=same)
    before = {e["slug"]: e for e in (prev or {}).get("shards") or []}
    out = ShardedPlan(release=ReleasePlan(dataset=dataset, version="", previous_version=None, bump="none",
                                          content_hash=chash, records=records))
    severity, reasons = "none", []
    for s in shards:
        old = before.get(s.slug)
        if old is not None and old["content_hash"] == s.content_hash:
            out.carried[s.slug] = shard_resources(publisher, dataset, old["version"], s.slug)
            continue
        sp = out.changed[s.slug] = _shard_plan(publisher, dataset, s, schema, old, removed_records)
        level = sp.bump if old is not None else ("minor" if prev is not None else "major")
        if old is None and prev is not None:  # a new shard of a published dataset: its records are added
            sp.bump, sp.changes["reasons"] = "minor", [f"new shard: {s.src.num_rows} records added"]
        severity = max(severity, level, key=_BUMP_RANK.__getitem__)
        reasons += [f"shard {s.value!r}: {r}" for r in (sp.changes.get("reasons") or [])]
    out.removed = [e for slug, e in sorted(before.items()) if slug not in {s.slug for s in shards}]
    for e in out.removed:
        severity = max(severity, removed_records, key=_BUMP_RANK.__getitem__)
        reasons.append(f"shard {e['value']!r} removed ({e['records']} records)")
    if prev is not None and not before:
        severity, reasons = "major", [*reasons, "the dataset is now published in shards"]
    version = _bump(highest, severity if prev is not None else "major")
    _finish_plan(out, prev, version, severity if prev is not None else "major", reasons, shards)
    return out


def _finish_plan(out: ShardedPlan, prev: Mapping[str, Any] | None, version: str, bump: str, reasons: list[str],
                 shards: Sequence[ShardSource]) -> None:
    """The dataset plan's version, shard list and change record, once every shard is classified."""
    rel = out.release
    rel.version, rel.bump, rel.previous_version = version, bump, (prev or {}).get("version")
    rel.shards = [{"slug": s.slug, "value": s.value, "content_hash": s.content_hash, "records": s.src.num_rows,
                   "version": version if s.slug in out.changed else out.carried[s.slug][0]["shard"]["version"]}
                  for s in shards]
    totals = {k: sum(int((p.changes.get("records") or {}).get(k, 0)) for p in out.changed.values())
              for k in ("added", "removed", "changed", "unchanged")}
    totals["unchanged"] += sum(int(e["records"]) for e in rel.shards if e["slug"] in out.carried)
    totals["removed"] += sum(int(e["records"]) for e in out.removed)
    for p in out.changed.values():
        p.version = version
        p.changes.update({"version": version, "bump": p.bump})
    rel.changes = {"dataset": rel.dataset, "version": version, "previous_version": rel.previous_version,
                   "bump": bump, "reasons": reasons or ["first release"], "content_hash": rel.content_hash,
                   "records": totals,
                   "shards": {"changed": sorted(out.changed), "unchanged": sorted(out.carried),
                              "removed": [e["slug"] for e in out.removed]}}


def _resources(dataset: str, key: str, slug: str, value: str | None, rows: int, version: str,
               files: Sequence[_ReleaseFile], schema_doc: Mapping) -> list[dict]:
    """A changed shard's CSV and Parquet resources, by path in this version."""
    out = []
    for f in files:
        fmt = f.name.rsplit(".", 1)[-1]
        r: dict[str, Any] = {"$schema": RESOURCE_PROFILE, "name": f"{dataset}-{slug}" + ("-parquet" if fmt == "parquet" else ""),
                             "path": f.name, "type": "table", "format": fmt,
                             "mediatype": "text/csv" if fmt == "csv" else "application/vnd.apache.parquet",
                             "bytes": f.size, "hash": f"sha256:{f.sha256}", "schema": dict(schema_doc),
                             "shard": {"key": key, "value": value, "slug": slug, "rows": rows, "version": version,
                                       "path": f.name}}
        if fmt == "csv":
            r.update({"encoding": "utf-8", "dialect": dict(CSV_DIALECT)})
        out.append(r)
    return out


def _carried(publisher: Publisher, dataset: str, resources: Sequence[Mapping[str, Any]]) -> list[dict]:
    """An unchanged shard's resources as its holder lists them, their path the URL of the holder's file."""
    return [{**r, "path": publisher.url(release_prefix(dataset, r["shard"]["version"]) + r["shard"]["path"])}
            for r in resources]


def _shard_files(tmp: str, dataset: str, s: ShardSource, plan: ReleasePlan, schema: Mapping,
                 ) -> list[_ReleaseFile]:
    """A changed shard's data files (built in ``tmp``), provenance and change record."""
    os.makedirs(os.path.join(tmp, s.slug), exist_ok=True)
    out = []
    for fmt, ctype, write in (("csv", "text/csv; charset=utf-8", write_csv_file),
                              ("parquet", "application/vnd.apache.parquet", write_parquet_file)):
        name = f"{s.slug}/{dataset}.{fmt}"
        path = os.path.join(tmp, name)
        n, h = write(s.src, schema, path)
        out.append(_ReleaseFile(name, ctype, h, n, path=path))
    prov = {**s.provenance, "dataset": dataset, "shard": s.slug, "shard_value": s.value, "version": plan.version,
            "content_hash": s.content_hash}
    prov.setdefault("code_version", code_version())
    changes = {**plan.changes, "records_total": s.src.num_rows}
    out += [_ReleaseFile.of_bytes(f"{s.slug}/provenance.json", _json_bytes(prov), "application/json"),
            _ReleaseFile.of_bytes(f"{s.slug}/changes.json", _json_bytes(changes), "application/json")]
    return out


def publish_sharded_release(publisher: Publisher, plan: ShardedPlan, shards: Sequence[ShardSource], schema: Mapping,
                            *, key: str, package: Mapping, note: str = "", now: datetime | None = None,
                            before_upload: Callable[[], None] | None = None) -> ReleaseResult:
    """Publish ``plan``: the changed shards' files, then the version's index files, by `release._publish`."""
    rel = plan.release
    ds = rel.dataset
    _check_dataset(ds)
    for s in shards:
        if s.slug in plan.changed and content_hash_source(s.src, schema) != s.content_hash:
            raise PublishError(f"{ds}: shard {s.slug} differs from the plan's content hash; plan again")
    schema_doc = _published_schema(schema)
    with tempfile.TemporaryDirectory(prefix="osd-publish-") as tmp:

        def make_files(created: str) -> list[_ReleaseFile]:
            files: list[_ReleaseFile] = []
            resources: list[dict] = []
            for s in shards:
                if s.slug in plan.changed:
                    mine = _shard_files(tmp, ds, s, plan.changed[s.slug], schema)
                    files += mine
                    resources += _resources(ds, key, s.slug, s.value, s.src.num_rows, rel.version, mine[:2],
                                            schema_doc)
                else:
                    resources += _carried(publisher, ds, plan.carried[s.slug])
            files += _index_files(rel, key, package, resources, note, created)
            sums = "".join(f"{f.sha256}  {f.name}\n" for f in files)
            return [*files, _ReleaseFile.of_bytes("SHA256SUMS", sums.encode("ascii"), "text/plain; charset=utf-8")]

        return _publish(publisher, rel, make_files, note, now, before_upload)


def _index_files(rel: ReleasePlan, key: str, package: Mapping, resources: list[dict], note: str, created: str,
                 ) -> list[_ReleaseFile]:
    """``datapackage.json`` (one resource per shard and format, the shard index), ``provenance.json``,
    ``changes.json`` and ``CHANGES.md`` (``SHA256SUMS`` of every file of the version follows them)."""
    ds = rel.dataset
    dp: dict[str, Any] = {"$schema": DATAPACKAGE_PROFILE, "name": ds, "title": package.get("title", ds),
                          "version": rel.version, "created": created}
    dp.update({k: v for k, v in package.items() if k not in {"$schema", "name", "version", "created", "resources",
                                                              "title"}})
    for k in ("licenses", "sources", "keywords"):
        dp.setdefault(k, [])
    dp["shard_key"] = key
    dp["shards"] = rel.shards
    dp["resources"] = resources
    prov = {"dataset": ds, "version": rel.version, "content_hash": rel.content_hash, "code_version": code_version(),
            "shard_key": key, "shards": [{**e, "provenance": f"{e['slug']}/provenance.json"} for e in rel.shards or []]}
    changes = {**rel.changes, "records_total": rel.records}
    if note:
        changes["note"] = note
    return [
        _ReleaseFile.of_bytes("datapackage.json", _json_bytes(dp), "application/json"),
        _ReleaseFile.of_bytes("provenance.json", _json_bytes(prov), "application/json"),
        _ReleaseFile.of_bytes("changes.json", _json_bytes(changes), "application/json"),
        _ReleaseFile.of_bytes("CHANGES.md", _changes_md(changes, note).encode("utf-8"), "text/markdown; charset=utf-8"),
    ]
