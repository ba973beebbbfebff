"""Clean what interrupted publishes left: temporary files, unfinished uploads, unlisted version folders."""

from __future__ import annotations

import logging

from pipelines.publishing.documents import (
    _latest_doc,
    _newest_published,
    _sync_latest,
    list_versions,
    read_json,
)
from pipelines.publishing.errors import ImmutableVersionError, PublishError
from pipelines.publishing.keys import SEMVER_RE, dataset_prefix, release_prefix
from pipelines.publishing.lease import _lease_key, publish_lease
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



def repair_latest(publisher: Publisher, dataset: str) -> bool:
    """Point ``latest.json`` at the newest published version of ``versions.json`` when a publish was killed
    between listing its version and updating ``latest.json`` (a run that publishes nothing new would otherwise
    leave it behind). Only when it is behind: then under the dataset's lease (a dead holder's is taken over, then
    released), skipped when a live publish holds it (that publish updates latest.json itself). True when repaired."""
    entries = list_versions(publisher, dataset)
    if not entries:
        return False
    newest = _newest_published(entries)
    expected = None if newest is None else _latest_doc(dataset, newest)
    if read_json(publisher, dataset_prefix(dataset) + "latest.json") == expected:
        return False  # the usual case: nothing to repair, nothing written
    try:
        with publish_lease(publisher, dataset, wait=0):
            _sync_latest(publisher, dataset)
    except PublishError:
        log.info("%s: a publish is running; latest.json left to it", dataset)
        return False
    log.warning("%s: latest.json repaired (an interrupted publish had listed its version only)", dataset)
    return True
