"""One publish per dataset at a time: a lease object renewed by a heartbeat and taken over from a dead holder."""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from pipelines.publishing.documents import _read_json_etag
from pipelines.publishing.errors import KeyExistsError, PreconditionFailedError, PublishError
from pipelines.publishing.hashing import _json_bytes, rfc3339, sha256_hex
from pipelines.publishing.keys import _check_dataset
from pipelines.publishing.stores.base import Publisher

log = logging.getLogger(__name__)


#: A publish lease renewed less recently than this is taken over (its holder renews it every LEASE_BEAT_SECONDS).
LEASE_TTL_SECONDS = 180.0


LEASE_BEAT_SECONDS = 30.0


#: How long a publish waits for another one of the same dataset before giving up.
LEASE_WAIT_SECONDS = 600.0


_HELD_LEASES: set[str] = set()  # lease owners held by this process


def _lease_key(dataset: str) -> str:
    _check_dataset(dataset)
    return f".publishing/{dataset}.lease.json"


def _host_id() -> str:
    import socket

    return sha256_hex(socket.gethostname().encode())[:16]  # tells "this machine" apart without publishing its name


def _lease_abandoned(doc: Mapping[str, Any], now: float) -> bool:
    """The holder of a lease is gone: too old, or a process of this machine that no longer runs."""
    if now - float(doc.get("beat", doc.get("since", 0))) > LEASE_TTL_SECONDS:
        return True
    if doc.get("host") != _host_id():
        return False
    pid = int(doc.get("pid", 0))
    if pid == os.getpid():
        return doc.get("owner") not in _HELD_LEASES
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class _Lease:
    """A held publish lease, renewed every ``LEASE_BEAT_SECONDS`` by a daemon thread (compare-and-swap), so a
    holder that died anywhere (another machine, a killed pod) is known within ``LEASE_TTL_SECONDS``."""

    def __init__(self, publisher: Publisher, key: str, doc: dict[str, Any]) -> None:
        import threading

        self.publisher, self.key, self.doc = publisher, key, doc
        self.lost = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="osd-publish-lease", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import time

        while not self._stop.wait(LEASE_BEAT_SECONDS):
            try:
                cur, etag = _read_json_etag(self.publisher, self.key)
                if cur is None or cur.get("owner") != self.doc["owner"]:
                    self.lost = True
                    return
                self.doc["beat"] = time.time()
                self.publisher.put(self.key, _json_bytes(self.doc), content_type="application/json", if_match=etag)
            except Exception as exc:  # noqa: BLE001 - transient: the next beat tries again
                log.warning("publish lease %s not renewed (%s)", self.key, type(exc).__name__)

    def check(self) -> None:
        """Raise unless this process still holds the lease (read now, not only at the last beat)."""
        cur, _ = _read_json_etag(self.publisher, self.key)
        if self.lost or cur is None or cur.get("owner") != self.doc["owner"]:
            self.lost = True
            raise PublishError(f"{self.key}: the publish lease was taken over; this publish stops")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=LEASE_BEAT_SECONDS + 60)


@contextlib.contextmanager
def publish_lease(publisher: Publisher, dataset: str, wait: float | None = None) -> Iterator[_Lease]:
    """Hold the dataset's publish lease (create-only, taken over by compare-and-swap from a dead holder)."""
    import time

    key = _lease_key(dataset)
    me: dict[str, Any] = {"owner": uuid.uuid4().hex, "host": _host_id(), "pid": os.getpid(), "since": time.time()}
    deadline = time.monotonic() + (LEASE_WAIT_SECONDS if wait is None else wait)
    while True:
        doc, etag = _read_json_etag(publisher, key)
        try:
            if doc is None:
                publisher.put(key, _json_bytes(me), content_type="application/json", create_only=True)
                break
            if _lease_abandoned(doc, time.time()):
                assert etag is not None
                publisher.put(key, _json_bytes(me), content_type="application/json", if_match=etag)
                log.warning("%s: took over the publish lease of an interrupted publish", dataset)
                break
        except (KeyExistsError, PreconditionFailedError, FileNotFoundError):  # lost a race: look again
            continue
        if time.monotonic() > deadline:
            raise PublishError(f"{dataset}: another publish of this dataset is running (lease since "
                               f"{rfc3339(datetime.fromtimestamp(float(doc.get('since', 0)), UTC))})")
        time.sleep(0.25)
    _HELD_LEASES.add(me["owner"])
    lease = _Lease(publisher, key, me)
    try:
        yield lease
    finally:
        lease.stop()
        _HELD_LEASES.discard(me["owner"])
        got, _ = _read_json_etag(publisher, key)
        if got is not None and got.get("owner") == me["owner"]:
            publisher.delete(key)

