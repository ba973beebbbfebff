"""Clean what interrupted publishes left: temporary files, unfinished uploads, unlisted version folders."""

from __future__ import annotations

import logging

from pipelines.publishing.documents import list_versions
from pipelines.publishing.errors import ImmutableVersionError
from pipelines.publishing.keys import SEMVER_RE, dataset_prefix, release_prefix
from pipelines.publishing.lease import _lease_key
from pipelines.publishing.stores.base import Publisher

log = logging.getLogger(__name__)


def _unlisted_versions(publisher: Publisher, dataset: str, keep: str | None) -> list[str]:
    """Version folders holding files but absent from ``versions.json`` (a publish died before listing them)."""
    dprefix = dataset_prefix(dataset)
    listed = {e["version"] for e in list_versions(publisher, dataset)}
    partial: set[str] = set()
    for k in publisher.list(dprefix):
        folder, _, rest = k[len(dprefix):].partition("/")
        if rest and folder.startswith("v") and SEMVER_RE.match(folder[1:]) and folder[1:] not in listed:
            partial.add(folder[1:])
    return sorted(partial - {keep})


def _leftovers(publisher: Publisher, dataset: str, keep: str | None) -> bool:
    return bool(publisher.debris(dataset_prefix(dataset)) or publisher.debris(_lease_key(dataset))
                or _unlisted_versions(publisher, dataset, keep))


def recover(publisher: Publisher, dataset: str, keep: str | None = None) -> dict[str, int]:
    """Clean what interrupted publishes of ``dataset`` left (hold its lease): temporary files and unfinished
    uploads, and the files of every version folder not in ``versions.json`` except ``keep`` (the version about
    to be published, resumed when its files match). Then ``latest.json`` is repaired by the publish."""
    debris = publisher.discard_debris(dataset_prefix(dataset)) + publisher.discard_debris(_lease_key(dataset))
    partial = _unlisted_versions(publisher, dataset, keep)
    files = sum(discard_partial(publisher, dataset, v) for v in partial)
    if debris or files:
        log.warning("%s: cleaned an interrupted publish: %d temporary file(s) or upload(s), %d unlisted file(s) "
                    "of version(s) %s", dataset, debris, files, ", ".join(sorted(partial)) or "-")
    return {"debris": debris, "unlisted_files": files}


def discard_partial(publisher: Publisher, dataset: str, version: str) -> int:
    """Delete the files of a version that a crash left unpublished (not in ``versions.json``), so a different
    content can be planned again. Refuses for any listed version. Returns the number of files deleted."""
    prefix = release_prefix(dataset, version)
    if any(e["version"] == version for e in list_versions(publisher, dataset)):
        raise ImmutableVersionError(f"{dataset}: version {version} is published; retract it instead")
    keys = publisher.list(prefix)
    for key in keys:
        publisher.delete(key)
    return len(keys)

