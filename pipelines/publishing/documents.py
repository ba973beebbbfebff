"""The JSON documents of the public store (``versions.json``, ``latest.json``), read and swapped by
compare-and-swap so concurrent publishes and retractions never lose an update."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pipelines.publishing.errors import KeyExistsError, PreconditionFailedError, PublishError
from pipelines.publishing.hashing import _json_bytes
from pipelines.publishing.keys import _parse_semver, dataset_prefix
from pipelines.publishing.stores.base import Publisher


def read_json(publisher: Publisher, key: str) -> Any:
    """Parse the JSON document at ``key``; ``None`` if absent (typed ``Any`` so callers can index it)."""
    data = publisher.get(key)
    if data is None:
        return None
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PublishError(f"{key} is not valid JSON") from None


def _read_json_etag(publisher: Publisher, key: str) -> tuple[Any | None, str | None]:
    got = publisher.get_with_etag(key)
    if got is None:
        return None, None
    try:
        return json.loads(got[0].decode("utf-8")), got[1]
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PublishError(f"{key} is not valid JSON") from None


def list_versions(publisher: Publisher, dataset: str) -> list[dict]:
    """The ``versions.json`` entries of ``dataset``, newest first (empty if never published)."""
    doc = read_json(publisher, dataset_prefix(dataset) + "versions.json")
    if not doc:
        return []
    entries = [dict(e) for e in doc.get("versions", [])]
    return sorted(entries, key=lambda e: _parse_semver(e["version"]), reverse=True)


def _newest_published(entries: Iterable[Mapping]) -> Mapping | None:
    for e in entries:  # newest first
        if e.get("status", "published") == "published":
            return e
    return None


def _cas_update(publisher: Publisher, key: str, update: Callable[[Any | None], Any | None], attempts: int = 8) -> Any:
    """Read-modify-write ``key`` with compare-and-swap; ``update`` returns the new document (None: delete)."""
    for _ in range(attempts):
        doc, etag = _read_json_etag(publisher, key)
        new = update(doc)
        if new is None:
            if doc is not None:
                publisher.delete(key)
            return None
        if doc is not None and new == doc:
            return new
        try:
            if etag is None:
                publisher.put(key, _json_bytes(new), content_type="application/json", create_only=True)
            else:
                publisher.put(key, _json_bytes(new), content_type="application/json", if_match=etag)
            return new
        except (PreconditionFailedError, KeyExistsError):
            continue
    raise PreconditionFailedError(f"{key}: too many concurrent updates")


def _latest_doc(dataset: str, entry: Mapping) -> dict:
    return {"dataset": dataset, "version": entry["version"], "path": entry["path"],
            "published": entry["published"], "datapackage_sha256": entry.get("datapackage_sha256")}


def _sync_latest(publisher: Publisher, dataset: str) -> dict | None:
    """Point ``latest.json`` at the newest published entry of ``versions.json`` (remove it if none)."""
    newest = _newest_published(list_versions(publisher, dataset))

    def update(_doc: Any) -> Any:
        return None if newest is None else _latest_doc(dataset, newest)

    return _cas_update(publisher, dataset_prefix(dataset) + "latest.json", update)

