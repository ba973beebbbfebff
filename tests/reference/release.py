"""In-memory oracles of the streaming release path: ``plan_release`` and ``publish_release`` take a whole
``pyarrow.Table``. Production publishes from a Parquet file (``plan_release_source``,
``publish_release_source``); tests and the publishing benchmark compare that path against these."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.publishing.content import _public_table, content_hash, csv_bytes, parquet_bytes
from pipelines.publishing.documents import read_json
from pipelines.publishing.errors import IntegrityError, PublishError
from pipelines.publishing.hashing import sha256_hex
from pipelines.publishing.keys import _check_dataset, release_prefix
from pipelines.publishing.record_diff import _record_diff
from pipelines.publishing.release import _publish
from pipelines.publishing.release_files import _release_files, _ReleaseFile
from pipelines.publishing.schema_diff import _schema_diff
from pipelines.publishing.stores.base import Publisher
from pipelines.publishing.versioning import ReleasePlan, ReleaseResult, _plan, release_parquet_resource


def _load_release(publisher: Publisher, dataset: str, version: str) -> tuple[pa.Table, dict, dict]:
    """Read a published release back: (table, public schema, datapackage)."""
    prefix = release_prefix(dataset, version)
    dp, res = release_parquet_resource(publisher, prefix)
    data = publisher.get(prefix + res["path"])
    if data is None:
        raise PublishError(f"{prefix}{res['path']} is missing")
    if "hash" in res and res["hash"] != f"sha256:{sha256_hex(data)}":
        raise IntegrityError(f"{prefix}{res['path']} does not match its datapackage hash")
    return pq.read_table(pa.BufferReader(data)), dict(res["schema"]), dp


def load_sharded_release(publisher: Publisher, dataset: str, version: str) -> dict[str, pa.Table]:
    """Read a published sharded version back, every shard where its resource says it is held (this version or an
    earlier one): {slug: table}, each file checked against its datapackage hash."""
    dp = read_json(publisher, release_prefix(dataset, version) + "datapackage.json")
    if not dp or not dp.get("shard_key"):
        raise PublishError(f"{dataset} {version}: not a sharded version")
    out = {}
    for res in dp["resources"]:
        if res.get("format") != "parquet":
            continue
        key = release_prefix(dataset, res["shard"]["version"]) + res["shard"]["path"]
        data = publisher.get(key)
        if data is None or res["hash"] != f"sha256:{sha256_hex(data)}":
            raise IntegrityError(f"{key} is missing or does not match its datapackage hash")
        out[res["shard"]["slug"]] = pq.read_table(pa.BufferReader(data))
    return out


def plan_release(
    publisher: Publisher,
    dataset: str,
    table: pa.Table,
    schema: Mapping,
    *,
    renames: Mapping[str, str] | None = None,
    removed_records: str = "major",
) -> ReleasePlan:
    """Compare ``table`` (public columns) and its Table Schema with the newest published release of ``dataset``
    and compute the next version.

    ``renames`` (old -> new field name) or a field's ``renamedFrom`` property declare renames; otherwise a rename
    is a removal plus an addition. ``removed_records`` is the bump for records that disappeared ("major" per the
    Data Package version recipe: deleting data that was previously there). The new version is bumped from the
    highest version ever published (retracted ones included, their paths are never reused).
    """
    _check_dataset(dataset)
    if removed_records not in ("major", "minor", "patch"):
        raise PublishError("removed_records must be major, minor or patch")
    chash = content_hash(table, schema)
    pub = _public_table(table, schema)

    def diff(prev_version: str) -> tuple[dict, dict]:
        old_tbl, old_schema, _dp = _load_release(publisher, dataset, prev_version)
        sd = _schema_diff(old_schema, schema, renames)
        old_pub = _public_table(old_tbl, old_schema)
        return sd, _record_diff(old_pub, old_schema, pub, schema, sd["rename_map"])

    return _plan(publisher, dataset, schema, chash, pub.num_rows, diff, removed_records)


def _build_files(
    plan: ReleasePlan, table: pa.Table, schema: Mapping, package: Mapping, provenance: Mapping, note: str,
    created: str,
) -> list[_ReleaseFile]:
    """The release's files, in write order: data, metadata, then SHA256SUMS."""
    ds = plan.dataset
    csv_f = _ReleaseFile.of_bytes(f"{ds}.csv", csv_bytes(table, schema), "text/csv; charset=utf-8")
    pq_f = _ReleaseFile.of_bytes(f"{ds}.parquet", parquet_bytes(table, schema), "application/vnd.apache.parquet")
    return _release_files(plan, schema, package, provenance, note, created, csv_f, pq_f)


def publish_release(
    publisher: Publisher,
    plan: ReleasePlan,
    table: pa.Table,
    schema: Mapping,
    *,
    package: Mapping,
    provenance: Mapping,
    note: str = "",
    now: datetime | None = None,
) -> ReleaseResult:
    """Publish ``plan`` atomically: write every release file create-only, verify them, then add the version
    to ``versions.json`` and move ``latest.json`` last.

    Refuses (:class:`PublishError`) if the table/schema do not hash to ``plan.content_hash``. ``bump == "none"``
    writes nothing except repairing ``latest.json`` if a crash left it behind. A partially written version
    (crash) is completed when its files are byte-identical to what would be written (the ``created`` timestamp
    is taken over from its ``datapackage.json``); any difference raises :class:`ImmutableVersionError`.
    """
    _check_dataset(plan.dataset)
    if content_hash(table, schema) != plan.content_hash:
        raise PublishError(f"{plan.dataset}: content differs from the plan's content hash; plan again")

    def make_files(created: str) -> list[_ReleaseFile]:
        return _build_files(plan, table, schema, package, provenance, note, created)

    return _publish(publisher, plan, make_files, note, now)

