"""Publish a plan: write every file create-only, verify it, then list the version and move ``latest.json``.

A partial version left by a crash is resumed when its files are those this run would write, and discarded
otherwise; the dataset's publish lease is held while anything is written."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from pipelines import settings
from pipelines.publishing.documents import (
    _cas_update,
    _newest_published,
    _sync_latest,
    list_versions,
    read_json,
)
from pipelines.publishing.errors import (
    ImmutableVersionError,
    IntegrityError,
    KeyExistsError,
    PublishError,
    StalePlanError,
)
from pipelines.publishing.hashing import rfc3339, sha256_hex
from pipelines.publishing.keys import _check_dataset, _parse_semver, dataset_prefix, release_prefix
from pipelines.publishing.lease import _Lease, publish_lease
from pipelines.publishing.recovery import _leftovers, discard_partial, recover
from pipelines.publishing.release_files import _release_files, _ReleaseFile
from pipelines.publishing.stores.base import Publisher
from pipelines.publishing.streaming import content_hash_source, write_csv_file, write_parquet_file
from pipelines.publishing.versioning import ReleasePlan, ReleaseResult
from pipelines.storage.parquet import ParquetSource

log = logging.getLogger(__name__)


def _existing_files(publisher: Publisher, prefix: str) -> dict[str, dict]:
    sums = publisher.get(prefix + "SHA256SUMS")
    out: dict[str, dict] = {}
    if sums:
        for line in sums.decode("ascii", "replace").splitlines():
            h, _, name = line.partition("  ")
            if name:
                out[name] = {"sha256": h}
        out["SHA256SUMS"] = {"sha256": sha256_hex(sums), "bytes": len(sums)}
    dp = read_json(publisher, prefix + "datapackage.json") or {}
    for r in dp.get("resources", []):
        if r.get("path") in out and "bytes" in r:
            out[r["path"]]["bytes"] = r["bytes"]
    return out


def _publish(publisher: Publisher, plan: ReleasePlan, make_files: Callable[[str], list[_ReleaseFile]],
             note: str, now: datetime | None, before_upload: Callable[[], None] | None = None) -> ReleaseResult:
    """The body of :func:`publish_release` once the content hash is checked: under the dataset's publish lease,
    what an interrupted publish left is cleaned first. ``before_upload`` is called right before the first write
    of release content to the publisher, on every path (after the files are built for a new version)."""
    listed = any(e["version"] == plan.version for e in list_versions(publisher, plan.dataset))
    if (plan.bump == "none" or listed) and not _leftovers(publisher, plan.dataset, plan.version):
        # nothing to write but latest.json, by compare-and-swap: no lease (a no-op publish writes nothing)
        return _publish_locked(publisher, plan, make_files, note, now, before_upload, None)
    with publish_lease(publisher, plan.dataset) as lease:
        recover(publisher, plan.dataset, keep=plan.version)
        return _publish_locked(publisher, plan, make_files, note, now, before_upload, lease)


def _publish_locked(publisher: Publisher, plan: ReleasePlan, make_files: Callable[[str], list[_ReleaseFile]],
                    note: str, now: datetime | None, before_upload: Callable[[], None] | None,
                    lease: _Lease | None) -> ReleaseResult:
    """Publish ``plan`` once what an interrupted publish left is dealt with: an already listed version only gets
    ``latest.json`` repaired; a new one is written, verified, listed, then pointed to."""
    ds = plan.dataset
    prefix = release_prefix(ds, plan.version)
    entries = list_versions(publisher, ds)
    listed = next((e for e in entries if e["version"] == plan.version), None)
    if plan.bump == "none" or listed is not None:
        return _republish(publisher, plan, listed, before_upload)
    _check_plan_current(plan, entries)
    created, files, shas = _prepare_files(publisher, plan, make_files, now)
    if before_upload is not None:
        before_upload()
    resumed = _upload(publisher, prefix, files, shas)
    _verify_files(publisher, prefix, files)
    if lease is not None:
        lease.check()  # a holder presumed dead must not list a version another publish may be cleaning
    _list_version(publisher, plan, created, note, files)
    _publish_fault_point(dataset_prefix(ds) + "latest.json")
    _sync_latest(publisher, ds)
    log.info("published %s %s (%s, %d records, %d files%s)", ds, plan.version, plan.bump, plan.records,
             len(files), ", resumed" if resumed else "")
    return ReleaseResult(
        dataset=ds, version=plan.version, created=True, path=prefix, resumed=resumed, url=publisher.url(prefix),
        files={f.name: {"bytes": f.size, "sha256": f.sha256} for f in files},
    )


def _republish(publisher: Publisher, plan: ReleasePlan, listed: Mapping[str, Any] | None,
               before_upload: Callable[[], None] | None) -> ReleaseResult:
    """The plan's version is already listed (or nothing changed): refuse if it holds other content or was
    retracted, else only repair ``latest.json`` (a crash may have left it behind)."""
    ds = plan.dataset
    prefix = release_prefix(ds, plan.version)
    if listed is None:
        raise StalePlanError(f"{ds}: version {plan.version} is not in versions.json")
    if listed.get("content_hash") != plan.content_hash:
        if plan.bump != "none":
            raise StalePlanError(f"{ds}: {plan.version} was published with other content since planning")
        raise ImmutableVersionError(f"{ds}: version {plan.version} was published with different content")
    if listed.get("status") == "retracted":
        raise ImmutableVersionError(f"{ds}: version {plan.version} was retracted")
    if before_upload is not None:
        before_upload()
    _sync_latest(publisher, ds)
    return ReleaseResult(dataset=ds, version=plan.version, created=False, path=prefix,
                         files=_existing_files(publisher, prefix), url=publisher.url(prefix))


def _check_plan_current(plan: ReleasePlan, entries: list[dict]) -> None:
    """Refuse a plan made before another release was published (its version and diff are out of date)."""
    ds = plan.dataset
    newest = _newest_published(entries)
    if (newest["version"] if newest else None) != plan.previous_version:
        raise StalePlanError(f"{ds}: latest release moved from {plan.previous_version} since planning")
    if entries and _parse_semver(plan.version) <= _parse_semver(entries[0]["version"]):
        raise StalePlanError(f"{ds}: version {plan.version} is not above {entries[0]['version']}")


def _prepare_files(publisher: Publisher, plan: ReleasePlan, make_files: Callable[[str], list[_ReleaseFile]],
                   now: datetime | None) -> tuple[str, list[_ReleaseFile], dict[str, str | None]]:
    """(created, files, sha256 of each file already written): a partial version is resumed, with its own
    ``created`` timestamp so the re-run is byte-identical, only when every file already there is the one this
    run would write; otherwise its files are discarded first."""
    ds, prefix = plan.dataset, release_prefix(plan.dataset, plan.version)
    created: str | None = None
    existing_dp = publisher.get(prefix + "datapackage.json")
    if existing_dp is not None:
        try:
            created = json.loads(existing_dp.decode("utf-8")).get("created")
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ImmutableVersionError(f"{prefix}datapackage.json exists and is unreadable") from None
    if created is None:
        created = rfc3339(now or datetime.now(UTC))
    files = make_files(created)
    written = {k[len(prefix):] for k in publisher.list(prefix)}
    shas = {f.name: publisher.sha256_of(prefix + f.name) for f in files if f.name in written}
    if written - {f.name for f in files} or any(shas[n] != f.sha256 for f in files if (n := f.name) in shas):
        gone = discard_partial(publisher, ds, plan.version)
        log.warning("%s: discarded %d file(s) of an interrupted publish of %s with other content", ds, gone,
                    plan.version)
        shas = {}
        if existing_dp is not None:  # its timestamp belonged to the other content
            files = make_files(rfc3339(now or datetime.now(UTC)))
    return created, files, shas


def _upload(publisher: Publisher, prefix: str, files: list[_ReleaseFile], shas: Mapping[str, str | None]) -> bool:
    """Write each file not already there, create-only; True when some were (a resumed publish)."""
    resumed = False
    for f in files:
        key = prefix + f.name
        current = shas.get(f.name)
        if current is not None:
            if current != f.sha256:
                raise ImmutableVersionError(f"{key} exists with different content")
            resumed = True
            continue
        _publish_fault_point(key)
        try:
            if f.data is not None:
                publisher.put(key, f.data, content_type=f.ctype, create_only=True)
            else:
                assert f.path is not None
                publisher.put_file(key, f.path, content_type=f.ctype, create_only=True)
        except KeyExistsError:
            current = publisher.sha256_of(key)
            if current is None or current != f.sha256:
                raise ImmutableVersionError(f"{key} was written concurrently with different content") from None
    return resumed


def _verify_files(publisher: Publisher, prefix: str, files: list[_ReleaseFile]) -> None:
    """Every file of the version reads back with its sha256, and nothing else is there, before it is listed."""
    for f in files:
        if publisher.sha256_of(prefix + f.name) != f.sha256:
            raise IntegrityError(f"{prefix}{f.name} does not read back with the sha256 written")
    stray = [k for k in publisher.list(prefix) if k[len(prefix):] not in {f.name for f in files}]
    if stray:
        raise ImmutableVersionError(f"{prefix} holds {len(stray)} unexpected files")


def _list_version(publisher: Publisher, plan: ReleasePlan, created: str, note: str,
                  files: list[_ReleaseFile]) -> None:
    """Add the version to ``versions.json`` (compare-and-swap), refusing if it is listed with other content."""
    ds = plan.dataset
    dp_sha = next(f.sha256 for f in files if f.name == "datapackage.json")
    entry = {"version": plan.version, "published": created, "path": f"v{plan.version}/", "status": "published",
             "records": plan.records, "note": note, "bump": plan.bump, "previous_version": plan.previous_version,
             "content_hash": plan.content_hash, "datapackage_sha256": dp_sha}
    if plan.shards is not None:
        entry["shards"] = plan.shards

    def check_then_add(doc: Any) -> Any:
        for e in (doc or {}).get("versions", []):
            if e.get("version") == plan.version and e.get("content_hash") != plan.content_hash:
                raise ImmutableVersionError(f"{ds}: {plan.version} listed with different content")
        doc = dict(doc or {"dataset": ds, "versions": []})
        versions = [e for e in doc.get("versions", []) if e.get("version") != plan.version]
        versions.append(entry)
        versions.sort(key=lambda e: _parse_semver(e["version"]), reverse=True)
        doc["dataset"] = ds
        doc["versions"] = versions
        return doc

    _publish_fault_point(dataset_prefix(ds) + "versions.json")
    _cas_update(publisher, dataset_prefix(ds) + "versions.json", check_then_add)


def _publish_fault_point(key: str) -> None:
    """Test hook for crash-safety tests, inert unless ``OSD_FAULT_PUBLISH_BEFORE`` is set. Never set it in
    production: the process is killed (SIGKILL) right before writing the release file whose name it names."""
    name = settings.get("OSD_FAULT_PUBLISH_BEFORE")
    if name and key.rsplit("/", 1)[-1] == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def publish_release_source(
    publisher: Publisher,
    plan: ReleasePlan,
    src: ParquetSource,
    schema: Mapping,
    *,
    package: Mapping,
    provenance: Mapping,
    note: str = "",
    now: datetime | None = None,
    before_upload: Callable[[], None] | None = None,
) -> ReleaseResult:
    """:func:`publish_release` for a table in a Parquet file (primary-key order), with bounded memory: the CSV and
    Parquet files are written batch by batch to temporary files (sha256 and size computed on the way) and
    uploaded from there (:meth:`Publisher.put_file`). Same files, byte for byte, as :func:`publish_release`.

    ``before_upload`` is called before anything is written to the publisher (once the files are built, for a new
    version): raising there publishes nothing (the publish step waits for the leak verifier's verdict there)."""
    _check_dataset(plan.dataset)
    if content_hash_source(src, schema) != plan.content_hash:
        raise PublishError(f"{plan.dataset}: content differs from the plan's content hash; plan again")
    ds = plan.dataset
    with tempfile.TemporaryDirectory(prefix="osd-publish-") as tmp:

        def make_files(created: str) -> list[_ReleaseFile]:
            csv_path, pq_path = os.path.join(tmp, f"{ds}.csv"), os.path.join(tmp, f"{ds}.parquet")
            n, h = write_csv_file(src, schema, csv_path)
            csv_f = _ReleaseFile(f"{ds}.csv", "text/csv; charset=utf-8", h, n, path=csv_path)
            n, h = write_parquet_file(src, schema, pq_path)
            pq_f = _ReleaseFile(f"{ds}.parquet", "application/vnd.apache.parquet", h, n, path=pq_path)
            return _release_files(plan, schema, package, provenance, note, created, csv_f, pq_f)

        return _publish(publisher, plan, make_files, note, now, before_upload)

