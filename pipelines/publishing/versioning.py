"""Plans: the next version of a dataset and its change record, computed from the newest published release."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipelines.publishing.content import _schema_fields
from pipelines.publishing.documents import _newest_published, list_versions, read_json
from pipelines.publishing.errors import IntegrityError, PublishError
from pipelines.publishing.hashing import file_sha256
from pipelines.publishing.keys import _bump, _check_dataset, release_prefix
from pipelines.publishing.record_diff import _record_diff_source
from pipelines.publishing.schema_diff import _schema_diff
from pipelines.publishing.stores.base import Publisher
from pipelines.publishing.streaming import _check_pk_order, _check_source, content_hash_source
from pipelines.storage.parquet import ParquetSource


@dataclass
class ReleasePlan:
    """What :func:`publish_release` will publish: the computed version and the change record."""

    dataset: str
    version: str
    previous_version: str | None
    bump: str  # "major" | "minor" | "patch" | "none"
    content_hash: str
    changes: dict = field(default_factory=dict)
    records: int = 0
    shards: list[dict] | None = None  # a sharded dataset: each shard's slug, value, content hash, rows, holder


@dataclass
class ReleaseResult:
    """Outcome of :func:`publish_release`. ``files`` maps file name -> ``{"bytes", "sha256"}``."""

    dataset: str
    version: str
    created: bool
    path: str
    files: dict[str, dict] = field(default_factory=dict)
    resumed: bool = False
    url: str = ""


_BUMP_RANK = {"none": 0, "patch": 1, "minor": 2, "major": 3}


def _plan(publisher: Publisher, dataset: str, schema: Mapping, chash: str, records: int,
          diff: Callable[[str], tuple[dict, dict]], removed_records: str) -> ReleasePlan:
    """The version and change record, given the content hash, row count and a record differ."""
    entries = list_versions(publisher, dataset)
    prev = _newest_published(entries)
    highest = entries[0]["version"] if entries else None
    base = {"dataset": dataset, "content_hash": chash, "records": records}
    if prev is not None and prev.get("content_hash") == chash:
        return ReleasePlan(dataset=dataset, version=prev["version"], previous_version=prev["version"], bump="none",
                           content_hash=chash, records=records,
                           changes={**base, "version": prev["version"], "previous_version": prev["version"],
                                    "bump": "none", "reasons": ["same content as the latest release"]})
    if prev is None:
        return _first_plan(dataset, schema, chash, records, highest, base)
    sd, rd = diff(prev["version"])
    severity, reasons = _bump_level(sd, rd, removed_records)
    version = _bump(highest, severity)
    changes = {
        **base,
        "version": version,
        "previous_version": prev["version"],
        "bump": severity,
        "reasons": reasons,
        "records": record_changes(rd),
        "fields": {"added": sd["added"], "removed": sd["removed"], "renamed": sd["renamed"]},
        "schema_changes": sd["changes"],
    }
    if severity == "major":
        changes["field_mapping"] = sd["mapping"]
    return ReleasePlan(dataset=dataset, version=version, previous_version=prev["version"], bump=severity,
                       content_hash=chash, changes=changes, records=records)


def record_changes(rd: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a record diff that goes into a change record."""
    return {k: rd[k] for k in ("by", "primary_key", "added", "removed", "changed", "unchanged", "changed_by_field",
                               "added_keys", "removed_keys", "changed_keys", "keys_truncated")}


def _first_plan(dataset: str, schema: Mapping, chash: str, records: int, highest: str | None,
                base: Mapping[str, Any]) -> ReleasePlan:
    """Nothing published to compare with (never, or every release retracted): a major version, all records new."""
    version = _bump(highest, "major")
    changes = {
        **base,
        "version": version,
        "previous_version": None,
        "bump": "major",
        "reasons": ["first release" if highest is None else "first release after every release was retracted"],
        "records": {"added": records, "removed": 0, "changed": 0, "unchanged": 0},
        "fields": {"added": [f["name"] for f in _schema_fields(schema)], "removed": [], "renamed": []},
        "schema_changes": [],
    }
    return ReleasePlan(dataset=dataset, version=version, previous_version=None, bump="major",
                       content_hash=chash, changes=changes, records=records)


def _bump_level(sd: Mapping[str, Any], rd: Mapping[str, Any], removed_records: str) -> tuple[str, list[str]]:
    """(the highest change level, every reason) from the schema and record diffs (Data Package version recipe)."""
    severity = "none"
    reasons: list[str] = []

    def raise_to(level: str, why: str) -> None:
        nonlocal severity
        reasons.append(why)
        if _BUMP_RANK[level] > _BUMP_RANK[severity]:
            severity = level

    for ch in sd["changes"]:
        raise_to(ch["severity"], ch["change"] + (f" ({ch['field']})" if ch.get("field") else ""))
    if rd["removed"]:
        raise_to(removed_records, f"{rd['removed']} records removed")
    if rd["added"]:
        raise_to("minor", f"{rd['added']} records added")
    if rd["changed"]:
        raise_to("patch", f"{rd['changed']} records changed")
    if severity == "none":
        # content hash differs but nothing classifiable did (e.g. value rendering of an unchanged schema)
        raise_to("patch", "content changed")
    return severity, reasons


def release_parquet_resource(publisher: Publisher, prefix: str) -> tuple[dict, dict]:
    """A published release's ``datapackage.json`` and its Parquet resource (the file a diff reads back)."""
    dp = read_json(publisher, prefix + "datapackage.json")
    if not dp:
        raise PublishError(f"{prefix}datapackage.json is missing")
    res = next((r for r in dp.get("resources", []) if r.get("format") == "parquet"), None)
    if res is None:
        raise PublishError(f"{prefix}datapackage.json has no parquet resource")
    return dp, res


def diff_published_parquet(publisher: Publisher, key: str, res: Mapping[str, Any], src: ParquetSource,
                           schema: Mapping, renames: Mapping[str, str] | None, *, require_hash: bool = False,
                           ) -> tuple[dict, dict]:
    """(schema diff, record diff) of ``src`` against the published Parquet file ``key`` (datapackage resource
    ``res``), downloaded to a temporary file and checked against the resource's hash (which a sharded release always
    gives: ``require_hash``)."""
    old_schema = dict(res["schema"])
    with tempfile.TemporaryDirectory(prefix="osd-plan-") as tmp:
        path = os.path.join(tmp, "previous.parquet")
        if not publisher.get_to_file(key, path):
            raise PublishError(f"{key} is missing")
        if (require_hash or "hash" in res) and res.get("hash") != f"sha256:{file_sha256(path)}":
            raise IntegrityError(f"{key} does not match its datapackage hash")
        old_src = ParquetSource(path, batch_rows=src.batch_rows)
        sd = _schema_diff(old_schema, schema, renames)
        _fields, old_pk = _check_source(old_src, old_schema)
        _check_pk_order(old_src, old_pk)
        return sd, _record_diff_source(old_src, old_schema, src, schema, sd["rename_map"])


def plan_release_source(
    publisher: Publisher,
    dataset: str,
    src: ParquetSource,
    schema: Mapping,
    *,
    renames: Mapping[str, str] | None = None,
    removed_records: str = "major",
) -> ReleasePlan:
    """:func:`plan_release` for a table in a Parquet file (primary-key order), with bounded memory: the content
    hash column by column, the previous release's Parquet downloaded to a temporary file and compared by key."""
    _check_dataset(dataset)
    if removed_records not in ("major", "minor", "patch"):
        raise PublishError("removed_records must be major, minor or patch")
    chash = content_hash_source(src, schema)

    def diff(prev_version: str) -> tuple[dict, dict]:
        prefix = release_prefix(dataset, prev_version)
        _dp, res = release_parquet_resource(publisher, prefix)
        return diff_published_parquet(publisher, prefix + res["path"], res, src, schema, renames)

    return _plan(publisher, dataset, schema, chash, src.num_rows, diff, removed_records)

