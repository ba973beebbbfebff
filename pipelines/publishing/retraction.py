"""Retract a published version: mark it, repoint ``latest.json``, leave a tombstone and delete its files."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pipelines.publishing.documents import _cas_update, _sync_latest, list_versions, read_json
from pipelines.publishing.errors import KeyExistsError, PublishError
from pipelines.publishing.hashing import _json_bytes, rfc3339, sha256_hex
from pipelines.publishing.keys import _check_dataset, dataset_prefix, release_prefix
from pipelines.publishing.stores.base import Publisher

log = logging.getLogger(__name__)


def retract(
    publisher: Publisher,
    dataset: str,
    version: str,
    reason: str,
    *,
    now: datetime | None = None,
    replacement: str | None = None,
) -> dict:
    """Retract a published version: mark it retracted in ``versions.json`` and repoint ``latest.json`` first
    (readers move away), then write ``TOMBSTONE.json`` at the version path and delete every other file of the
    version (every object version on a versioned bucket). Idempotent: re-running completes a partial
    retraction. ``replacement`` defaults to the newest remaining published version. Returns the tombstone.
    """
    _check_dataset(dataset)
    prefix = release_prefix(dataset, version)
    entries = list_versions(publisher, dataset)
    entry = next((e for e in entries if e["version"] == version), None)
    if entry is None:
        raise PublishError(f"{dataset}: version {version} is not in versions.json")
    if not reason or not reason.strip():
        raise PublishError("a retraction needs a reason")
    tomb_key = prefix + "TOMBSTONE.json"
    borrowers = [e["version"] for e in entries if e["version"] != version and e.get("status", "published") ==
                 "published" and any(sh.get("version") == version for sh in e.get("shards") or [])]
    if entry.get("status") != "retracted" and borrowers:
        raise PublishError(f"{dataset}: version {version} holds shard files that published version(s) "
                           f"{', '.join(borrowers)} carry by reference; retract those first")
    if entry.get("status") == "retracted":
        tomb = read_json(publisher, tomb_key) or {
            "dataset": dataset, "version": version, "retracted_at": entry.get("retracted_at"),
            "reason": entry.get("reason"), "replacement": entry.get("replacement")}
    else:
        tomb = _new_tombstone(publisher, dataset, version, reason, entries, now, replacement)
    _mark_retracted(publisher, dataset, version, tomb)
    _sync_latest(publisher, dataset)
    tomb_bytes = _json_bytes(tomb)
    if publisher.get(tomb_key) is None:
        try:
            publisher.put(tomb_key, tomb_bytes, content_type="application/json", create_only=True)
        except KeyExistsError:
            pass
    for key in publisher.list(prefix):
        if key != tomb_key:
            publisher.delete(key)
    log.info("retracted %s %s", dataset, version)
    return tomb


def _new_tombstone(publisher: Publisher, dataset: str, version: str, reason: str, entries: list[dict],
                   now: datetime | None, replacement: str | None) -> dict[str, Any]:
    """The tombstone of a version being retracted: when, why, what replaces it, and the sha256 of its files (kept
    so a reader can tell whether a file they hold is the withdrawn one)."""
    remaining = [e for e in entries if e["version"] != version and e.get("status", "published") == "published"]
    repl = replacement if replacement is not None else (remaining[0]["version"] if remaining else None)
    if repl is not None and not any(e["version"] == repl for e in remaining):
        raise PublishError(f"{dataset}: replacement {repl} is not a published version")
    tomb: dict[str, Any] = {"dataset": dataset, "version": version, "retracted_at": rfc3339(now or datetime.now(UTC)),
                            "reason": reason, "replacement": repl}
    shards = next((e.get("shards") for e in entries if e["version"] == version), None)
    if shards:  # the shards the version contained (slug and shard key value: published values only)
        tomb["shards"] = [{"slug": sh["slug"], "value": sh["value"], "held_by": sh["version"]} for sh in shards]
    sums = publisher.get(release_prefix(dataset, version) + "SHA256SUMS")
    if sums is not None:
        tomb["files"] = {n.lstrip("*"): h for h, _, n in (ln.partition("  ") for ln in
                         sums.decode("ascii", "replace").splitlines()) if n}
        tomb["files"]["SHA256SUMS"] = sha256_hex(sums)
    return tomb


def _mark_retracted(publisher: Publisher, dataset: str, version: str, tomb: Mapping[str, Any]) -> None:
    """Mark the version retracted in ``versions.json`` (compare-and-swap; an already marked entry is kept)."""

    def mark(doc: Any) -> Any:
        doc = dict(doc or {})
        out = []
        for e in doc.get("versions", []):
            e = dict(e)
            if e.get("version") == version and e.get("status") != "retracted":
                e.update({"status": "retracted", "retracted_at": tomb["retracted_at"], "reason": tomb["reason"],
                          "replacement": tomb["replacement"]})
            out.append(e)
        doc["versions"] = out
        return doc

    _cas_update(publisher, dataset_prefix(dataset) + "versions.json", mark)

