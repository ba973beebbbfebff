"""Versioned, immutable, atomic releases on local disk or S3.

A release of dataset ``d`` at version ``X.Y.Z`` lives under ``datasets/d/vX.Y.Z/`` (see docs/architecture.md,
"Public store layout") and holds the CSV, the Parquet file, ``datapackage.json``, ``provenance.json``,
``changes.json``, ``CHANGES.md`` and ``SHA256SUMS``.  Every file of a version is written create-only first;
``versions.json`` and ``latest.json`` are swapped last (compare-and-swap on the previous content), so a reader
who follows ``latest.json`` never sees a partial release.  Re-running a publish after a crash completes the
partial version when the files already written are byte-identical to what would be written; a partial version
with other content (the export was corrected in between), partial versions of other numbers and temporary
files left by a killed writer are deleted first, so nothing unlisted stays public and no dataset is stuck.  One
publish per dataset at a time: a lease (``.publishing/<dataset>.lease.json``) is taken first, renewed every
``LEASE_BEAT_SECONDS``, and taken over when its holder died (same host, process gone) or stopped renewing it for
``LEASE_TTL_SECONDS``.

Versions are computed (Data Package "data package version" recipe): major for incompatible schema changes
(field removed, renamed, retyped, reordered, tighter constraints) and, by default, removed records; minor for
added records or fields and looser constraints; patch for corrected values or metadata; first release 1.0.0;
unchanged content publishes nothing.

Nothing personal is logged or put in errors: only dataset names, versions, keys, counts and field names.  The
change record lists primary keys of the *public* table only.
"""

from __future__ import annotations

import builtins
import contextlib
import csv
import fcntl
import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

log = logging.getLogger(__name__)

__all__ = [
    "PublishError",
    "ImmutableVersionError",
    "KeyExistsError",
    "PreconditionFailedError",
    "IntegrityError",
    "StalePlanError",
    "InvalidKeyError",
    "Publisher",
    "LocalPublisher",
    "S3Publisher",
    "publisher_from_env",
    "content_hash",
    "csv_bytes",
    "parquet_bytes",
    "ReleasePlan",
    "ReleaseResult",
    "plan_release",
    "publish_release",
    "retract",
    "discard_partial",
    "publish_lease",
    "recover",
    "read_json",
    "list_versions",
    "release_prefix",
    "sha256_hex",
]

# --------------------------------------------------------------------------------------------------- errors


class PublishError(Exception):
    """Base class of every error raised by this module (messages carry keys, versions, counts only)."""


class ImmutableVersionError(PublishError):
    """A published (or partially written) version would be written with different bytes."""


class KeyExistsError(ImmutableVersionError):
    """A create-only write found the key already present (S3: HTTP 412 on ``If-None-Match: *``)."""


class PreconditionFailedError(PublishError):
    """A compare-and-swap write lost the race (the object changed since it was read)."""


class IntegrityError(PublishError):
    """Read-back of a written object did not match its sha256."""


class StalePlanError(PublishError):
    """The store moved on since the plan was made (another release was published); plan again."""


class InvalidKeyError(PublishError):
    """A key is empty, absolute, or climbs out of the store."""


# --------------------------------------------------------------------------------------------------- helpers

SEMVER_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
DATASET_RE = re.compile(r"^[a-z0-9_]+$")
_TMP_MARK = ".tmp-"

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json"
TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
TABLEDIALECT_PROFILE = "https://datapackage.org/profiles/2.0/tabledialect.json"

CSV_DIALECT: dict[str, Any] = {
    "$schema": TABLEDIALECT_PROFILE,
    "header": True,
    "delimiter": ",",
    "lineTerminator": "\r\n",
    "quoteChar": '"',
    "doubleQuote": True,
}

#: Text cells starting with one of these are prefixed with ``'`` in the CSV (OWASP CSV injection; ``|`` starts a
#: DDE call in some spreadsheets, and the full-width forms are read as their ASCII twins by some).
CSV_INJECTION_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_INJECTION_RE = "^[=+\\-@\t\r\n|\uff1d\uff0b\uff0d\uff20]"

#: Maximum number of primary keys listed per category (added/removed/changed) in a change record.
MAX_LISTED_KEYS = 1000

MULTIPART_THRESHOLD = 8 * 1024 * 1024
MULTIPART_CHUNK = 8 * 1024 * 1024


def sha256_hex(data: bytes) -> str:
    """Return the hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


def _parse_semver(version: str) -> tuple[int, int, int]:
    m = SEMVER_RE.match(version)
    if not m:
        raise PublishError(f"not a semantic version: {version!r}")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def _bump(version: str | None, bump: str) -> str:
    if version is None:
        return "1.0.0"
    major, minor, patch = _parse_semver(version)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    return version


def _rfc3339(ts: datetime) -> str:
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _check_dataset(dataset: str) -> None:
    if not DATASET_RE.match(dataset or ""):
        raise PublishError(f"invalid dataset id {dataset!r} (expected [a-z0-9_]+)")


def _check_key(key: str) -> str:
    if not key or key.startswith("/") or "\\" in key or "\x00" in key:
        raise InvalidKeyError(f"invalid key {key!r}")
    parts = key.split("/")
    if any(p in ("", ".", "..") for p in parts[:-1]) or parts[-1] in (".", ".."):
        raise InvalidKeyError(f"invalid key {key!r}")
    return key


def dataset_prefix(dataset: str) -> str:
    """Key prefix of a dataset's folder in the public store: ``datasets/<dataset>/``."""
    _check_dataset(dataset)
    return f"datasets/{dataset}/"


def release_prefix(dataset: str, version: str) -> str:
    """Key prefix of one release: ``datasets/<dataset>/v<version>/``."""
    _parse_semver(version)
    return f"{dataset_prefix(dataset)}v{version}/"


# --------------------------------------------------------------------------------------------------- publishers


class Publisher(ABC):
    """A flat key -> bytes store (the public root). Keys use ``/`` and never start with ``/``.

    Implementations must make ``put(..., create_only=True)`` atomic (refuse with :class:`KeyExistsError` when
    the key exists) and ``put(..., if_match=etag)`` a compare-and-swap (:class:`PreconditionFailedError`).
    """

    @abstractmethod
    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str | None = None,
        create_only: bool = False,
        if_match: str | None = None,
    ) -> None:
        """Write ``data`` at ``key`` atomically (readers see the old or the new object, never a part)."""

    @abstractmethod
    def get(self, key: str) -> bytes | None:
        """Return the object's bytes, or ``None`` if absent."""

    def get_with_etag(self, key: str) -> tuple[bytes, str] | None:
        """Return ``(bytes, etag)`` for compare-and-swap, or ``None`` if absent."""
        data = self.get(key)
        return None if data is None else (data, sha256_hex(data))

    @abstractmethod
    def exists(self, key: str) -> bool:
        """Whether ``key`` exists."""

    @abstractmethod
    def list(self, prefix: str) -> list[str]:
        """Sorted keys starting with ``prefix``."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove ``key`` (on a versioned S3 bucket: every object version and delete marker). No error if absent."""

    @abstractmethod
    def url(self, key: str) -> str:
        """A file path or URL for display."""

    def put_file(self, key: str, path: str | Path, *, content_type: str | None = None, create_only: bool = False) -> None:
        """Write the content of the local file ``path`` at ``key`` (like :meth:`put`; this default reads it whole)."""
        self.put(key, Path(path).read_bytes(), content_type=content_type, create_only=create_only)

    def get_to_file(self, key: str, path: str | Path) -> bool:
        """Copy the object at ``key`` into the local file ``path``; ``False`` if absent (this default reads it whole)."""
        data = self.get(key)
        if data is None:
            return False
        Path(path).write_bytes(data)
        return True

    def sha256_of(self, key: str) -> str | None:
        """Hex sha256 of the object at ``key``, ``None`` if absent (this default reads it whole)."""
        data = self.get(key)
        return None if data is None else sha256_hex(data)

    def debris(self, prefix: str) -> builtins.list[str]:
        """What a killed writer left under ``prefix`` besides whole objects (temporary files, unfinished multipart
        uploads), as opaque handles for :meth:`discard_debris`."""
        return []

    def discard_debris(self, prefix: str) -> int:
        """Remove :meth:`debris`; only while holding the dataset's publish lease (a live writer's temporary
        file is debris too). Returns how many."""
        return 0


def _file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class LocalPublisher(Publisher):
    """Publisher on a local folder. Writes go to a temp file, are fsynced, then linked (create-only) or renamed
    into place, so a crash never leaves a half-written file under its final name."""

    def __init__(self, base_dir: str | Path) -> None:
        self.base_dir = Path(base_dir)

    def __repr__(self) -> str:
        return f"LocalPublisher({str(self.base_dir)!r})"

    def _path(self, key: str) -> Path:
        return self.base_dir.joinpath(*_check_key(key).split("/"))

    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str | None = None,
        create_only: bool = False,
        if_match: str | None = None,
    ) -> None:
        """Write atomically; ``create_only`` uses ``link()`` (fails if present), ``if_match`` locks the folder."""
        dest = self._path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}{_TMP_MARK}{uuid.uuid4().hex}")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            if create_only:
                try:
                    os.link(tmp, dest)
                except FileExistsError:
                    raise KeyExistsError(f"{key} already exists") from None
            elif if_match is not None:
                dfd = os.open(dest.parent, os.O_RDONLY)
                try:
                    fcntl.flock(dfd, fcntl.LOCK_EX)
                    try:
                        current = dest.read_bytes()
                    except FileNotFoundError:
                        current = None
                    if current is None or sha256_hex(current) != if_match:
                        raise PreconditionFailedError(f"{key} changed since it was read")
                    os.replace(tmp, dest)
                finally:
                    fcntl.flock(dfd, fcntl.LOCK_UN)
                    os.close(dfd)
            else:
                os.replace(tmp, dest)
        finally:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        _fsync_dir(dest.parent)

    def put_file(self, key: str, path: str | Path, *, content_type: str | None = None, create_only: bool = False) -> None:
        """Copy ``path`` to a temp file next to ``key``, fsync, then link (create-only) or rename it into place."""
        dest = self._path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}{_TMP_MARK}{uuid.uuid4().hex}")
        with open(path, "rb") as src, open(tmp, "wb") as fh:
            shutil.copyfileobj(src, fh, 1 << 22)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            if create_only:
                try:
                    os.link(tmp, dest)
                except FileExistsError:
                    raise KeyExistsError(f"{key} already exists") from None
            else:
                os.replace(tmp, dest)
        finally:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        _fsync_dir(dest.parent)

    def get_to_file(self, key: str, path: str | Path) -> bool:
        """Copy the file at ``key`` to ``path``; ``False`` if absent."""
        try:
            shutil.copyfile(self._path(key), path)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return False
        return True

    def sha256_of(self, key: str) -> str | None:
        """Hex sha256 of the file at ``key`` (read in chunks), ``None`` if absent."""
        try:
            return _file_sha256(self._path(key))
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None

    def get(self, key: str) -> bytes | None:
        """Return the file's bytes or ``None``."""
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None

    def exists(self, key: str) -> bool:
        """Whether the file exists."""
        return self._path(key).is_file()

    def list(self, prefix: str) -> list[str]:
        """Sorted keys under ``prefix`` (temp files excluded)."""
        if not self.base_dir.is_dir():
            return []
        # walk only the deepest folder the prefix names
        folder = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        root = self.base_dir.joinpath(*folder.split("/")) if folder else self.base_dir
        out: list[str] = []
        for dirpath, _dirs, files in os.walk(root):
            rel = Path(dirpath).relative_to(self.base_dir).as_posix()
            for name in files:
                if name.startswith(".") and _TMP_MARK in name:
                    continue
                key = name if rel == "." else f"{rel}/{name}"
                if key.startswith(prefix):
                    out.append(key)
        return sorted(out)

    def delete(self, key: str) -> None:
        """Remove the file if present."""
        path = self._path(key)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        _fsync_dir(path.parent)

    def url(self, key: str) -> str:
        """Absolute file path of ``key``."""
        return str(self._path(key).resolve())

    def debris(self, prefix: str) -> builtins.list[str]:
        """The ``.<name>.tmp-<uuid>`` files a killed :meth:`put` left for keys starting with ``prefix``: paths."""
        folder = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        root = self.base_dir.joinpath(*folder.split("/")) if folder else self.base_dir
        out = []
        for d, _dirs, files in os.walk(root):
            rel = Path(d).relative_to(self.base_dir).as_posix()
            for n in files:
                if n.startswith(".") and _TMP_MARK in n:
                    key = n[1 : n.index(_TMP_MARK)] if rel == "." else f"{rel}/{n[1 : n.index(_TMP_MARK)]}"
                    if key.startswith(prefix):
                        out.append(os.path.join(d, n))
        return sorted(out)

    def discard_debris(self, prefix: str) -> int:
        """Delete :meth:`debris`."""
        found = self.debris(prefix)
        for path in found:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        return len(found)


class S3Publisher(Publisher):
    """Publisher on an S3 bucket (AWS or compatible, e.g. SeaweedFS, MinIO).

    The boto3 client is built lazily at first use; credentials come from the arguments or the standard AWS
    environment/config chain. Create-only writes use ``If-None-Match: *`` (plus a HEAD pre-check, because some
    servers ignore the header); pointer swaps use ``If-Match: <etag>``; objects over 8 MB are uploaded in parts.
    Every write is read back and compared by sha256 unless ``verify=False``.
    """

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        endpoint_url: str | None = None,
        region: str | None = None,
        *,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        verify: bool = True,
        connect_timeout: float = 5.0,
        read_timeout: float = 60.0,
        max_attempts: int = 5,
        multipart_threshold: int = MULTIPART_THRESHOLD,
        multipart_chunk: int = MULTIPART_CHUNK,
    ) -> None:
        if not bucket:
            raise PublishError("S3Publisher needs a bucket")
        self.bucket = bucket
        self.prefix = (prefix.strip("/") + "/") if prefix.strip("/") else ""
        self.endpoint_url = endpoint_url or None
        self.region = region or None
        self._access_key_id = access_key_id
        self._secret_access_key = secret_access_key
        self.verify = verify
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.max_attempts = max_attempts
        self.multipart_threshold = multipart_threshold
        self.multipart_chunk = max(multipart_chunk, 5 * 1024 * 1024)
        self._client: Any = None

    def __repr__(self) -> str:
        return f"S3Publisher(bucket={self.bucket!r}, prefix={self.prefix!r}, endpoint_url={self.endpoint_url!r})"

    @property
    def client(self) -> Any:
        """The boto3 S3 client, built at first use."""
        if self._client is None:
            import boto3
            from botocore.config import Config

            config = Config(
                connect_timeout=self.connect_timeout,
                read_timeout=self.read_timeout,
                retries={"max_attempts": self.max_attempts, "mode": "standard"},
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
                s3={"addressing_style": "path"} if self.endpoint_url else None,
            )
            session = boto3.session.Session()
            self._client = session.client(
                "s3",
                endpoint_url=self.endpoint_url,
                region_name=self.region,
                aws_access_key_id=self._access_key_id,
                aws_secret_access_key=self._secret_access_key,
                config=config,
            )
        return self._client

    def _full(self, key: str) -> str:
        return self.prefix + _check_key(key)

    @staticmethod
    def _code(exc: Exception) -> tuple[str, int]:
        resp = getattr(exc, "response", None) or {}
        code = str(resp.get("Error", {}).get("Code", ""))
        status = int(resp.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        return code, status

    def _put_raw(self, full: str, data: bytes, extra: dict[str, Any]) -> None:
        if len(data) <= self.multipart_threshold:
            self.client.put_object(Bucket=self.bucket, Key=full, Body=data, **extra)
            return
        chunks = (data[i : i + self.multipart_chunk] for i in range(0, len(data), self.multipart_chunk))
        self._multipart(full, chunks, extra)

    def _multipart(self, full: str, chunks: Iterable[bytes], extra: dict[str, Any]) -> None:
        """A multipart upload of ``chunks``; the conditions in ``extra`` go on the completing request."""
        cond = {k: extra.pop(k) for k in ("IfNoneMatch", "IfMatch") if k in extra}
        mpu = self.client.create_multipart_upload(Bucket=self.bucket, Key=full, **extra)
        upload_id = mpu["UploadId"]
        try:
            parts = []
            for n, chunk in enumerate(chunks, start=1):
                r = self.client.upload_part(
                    Bucket=self.bucket, Key=full, UploadId=upload_id, PartNumber=n, Body=chunk
                )
                parts.append({"ETag": r["ETag"], "PartNumber": n})
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=full, UploadId=upload_id, MultipartUpload={"Parts": parts}, **cond
            )
        except Exception:
            try:
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=full, UploadId=upload_id)
            except Exception:  # noqa: BLE001 - best effort cleanup
                log.warning("could not abort multipart upload for %s", full)
            raise

    def _write(self, key: str, upload: Callable[[str, dict[str, Any]], None], *, content_type: str | None,
               create_only: bool, if_match: str | None = None) -> None:
        """Run ``upload(full key, extra args)`` with the content type and conditions, mapping S3 errors."""
        from botocore.exceptions import ClientError

        extra: dict[str, Any] = {}
        if content_type:
            extra["ContentType"] = content_type
        if create_only:
            if self.exists(key):
                raise KeyExistsError(f"{key} already exists")
            extra["IfNoneMatch"] = "*"
        elif if_match is not None:
            extra["IfMatch"] = if_match
        try:
            upload(self._full(key), extra)
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 412 or code == "PreconditionFailed":
                if create_only:
                    raise KeyExistsError(f"{key} already exists") from None
                raise PreconditionFailedError(f"{key} changed since it was read") from None
            if status == 409 or code == "ConditionalRequestConflict":
                raise PreconditionFailedError(f"{key}: concurrent conditional write") from None
            raise PublishError(f"S3 write failed for {key}: {code or status}") from None

    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str | None = None,
        create_only: bool = False,
        if_match: str | None = None,
    ) -> None:
        """PutObject (multipart above the threshold) with optional If-None-Match / If-Match, then verify."""
        self._write(key, lambda full, extra: self._put_raw(full, data, extra), content_type=content_type,
                    create_only=create_only, if_match=if_match)
        if self.verify:
            back = self.get(key)
            if back is None or sha256_hex(back) != sha256_hex(data):
                raise IntegrityError(f"read-back of {key} does not match the sha256 written")

    def put_file(self, key: str, path: str | Path, *, content_type: str | None = None, create_only: bool = False) -> None:
        """Upload ``path`` (multipart from the file above the threshold, create-only with ``If-None-Match``), then
        verify the read-back sha256 (streamed) unless ``verify=False``."""
        if os.path.getsize(path) <= self.multipart_threshold:
            self.put(key, Path(path).read_bytes(), content_type=content_type, create_only=create_only)
            return

        def upload(full: str, extra: dict[str, Any]) -> None:
            with open(path, "rb") as fh:
                self._multipart(full, iter(lambda: fh.read(self.multipart_chunk), b""), extra)

        self._write(key, upload, content_type=content_type, create_only=create_only)
        if self.verify and self.sha256_of(key) != _file_sha256(path):
            raise IntegrityError(f"read-back of {key} does not match the sha256 written")

    def _stream(self, key: str) -> Any:
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._full(key))["Body"]
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return None
            raise PublishError(f"S3 read failed for {key}: {code or status}") from None

    def get_to_file(self, key: str, path: str | Path) -> bool:
        """Stream the object into ``path``; ``False`` if absent."""
        body = self._stream(key)
        if body is None:
            return False
        with body, open(path, "wb") as fh:
            for chunk in body.iter_chunks(1 << 22):
                fh.write(chunk)
        return True

    def sha256_of(self, key: str) -> str | None:
        """Hex sha256 of the object (streamed), ``None`` if absent."""
        body = self._stream(key)
        if body is None:
            return None
        h = hashlib.sha256()
        with body:
            for chunk in body.iter_chunks(1 << 22):
                h.update(chunk)
        return h.hexdigest()

    def get_with_etag(self, key: str) -> tuple[bytes, str] | None:
        """GetObject returning ``(bytes, ETag)`` or ``None``."""
        from botocore.exceptions import ClientError

        try:
            r = self.client.get_object(Bucket=self.bucket, Key=self._full(key))
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return None
            raise PublishError(f"S3 read failed for {key}: {code or status}") from None
        with r["Body"] as body:
            return body.read(), r["ETag"]

    def get(self, key: str) -> bytes | None:
        """GetObject, ``None`` if absent."""
        got = self.get_with_etag(key)
        return None if got is None else got[0]

    def exists(self, key: str) -> bool:
        """HeadObject."""
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self._full(key))
            return True
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return False
            raise PublishError(f"S3 head failed for {key}: {code or status}") from None

    def list(self, prefix: str) -> list[str]:
        """ListObjectsV2 under ``prefix`` (keys relative to the publisher prefix)."""
        paginator = self.client.get_paginator("list_objects_v2")
        out: list[str] = []
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
            for obj in page.get("Contents", []) or []:
                out.append(obj["Key"][len(self.prefix) :])
        return sorted(out)

    def delete(self, key: str) -> None:
        """Delete every object version and delete marker of ``key`` (plain delete on unversioned buckets)."""
        full = self._full(key)
        paginator = self.client.get_paginator("list_object_versions")
        seen = False
        for page in paginator.paginate(Bucket=self.bucket, Prefix=full):
            for item in (page.get("Versions", []) or []) + (page.get("DeleteMarkers", []) or []):
                if item["Key"] != full:
                    continue
                seen = True
                vid = item.get("VersionId")
                if vid and vid != "null":
                    self.client.delete_object(Bucket=self.bucket, Key=full, VersionId=vid)
                else:
                    self.client.delete_object(Bucket=self.bucket, Key=full)
        if not seen or self.exists(key):
            self.client.delete_object(Bucket=self.bucket, Key=full)

    def debris(self, prefix: str) -> builtins.list[str]:
        """Multipart uploads left unfinished under ``prefix`` (invisible, but stored): ``<upload id> <key>``."""
        paginator = self.client.get_paginator("list_multipart_uploads")
        return [f"{up['UploadId']} {up['Key']}"
                for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix)
                for up in page.get("Uploads", []) or []]

    def discard_debris(self, prefix: str) -> int:
        """Abort :meth:`debris`."""
        found = self.debris(prefix)
        for handle in found:
            upload_id, key = handle.split(" ", 1)
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        return len(found)

    def object_versions(self, key: str) -> builtins.list[str]:
        """Version ids (object versions and delete markers) stored for ``key``."""
        full = self._full(key)
        out: builtins.list[str] = []
        paginator = self.client.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=full):
            for item in (page.get("Versions", []) or []) + (page.get("DeleteMarkers", []) or []):
                if item["Key"] == full:
                    out.append(str(item.get("VersionId")))
        return out

    def url(self, key: str) -> str:
        """``<endpoint>/<bucket>/<key>`` with a custom endpoint, else ``s3://<bucket>/<key>``."""
        full = self._full(key)
        if self.endpoint_url:
            return f"{self.endpoint_url.rstrip('/')}/{self.bucket}/{full}"
        return f"s3://{self.bucket}/{full}"

    def presigned_url(self, key: str, expires_in: int = 3600) -> str:
        """A presigned GET URL for ``key``."""
        return str(
            self.client.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": self._full(key)}, ExpiresIn=expires_in
            )
        )


def publisher_from_env(environ: Mapping[str, str] | None = None) -> Publisher:
    """``S3Publisher`` from ``OSD_S3_*`` when ``OSD_S3_BUCKET`` is set, else ``LocalPublisher(OSD_PUBLIC or "public")``."""
    env = os.environ if environ is None else environ
    bucket = env.get("OSD_S3_BUCKET")
    if bucket:
        return S3Publisher(
            bucket,
            prefix=env.get("OSD_S3_PREFIX", ""),
            endpoint_url=env.get("OSD_S3_ENDPOINT_URL") or None,
            region=env.get("OSD_S3_REGION") or None,
        )
    return LocalPublisher(env.get("OSD_PUBLIC") or "public")


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


# --------------------------------------------------------------------------------------------------- content


def _schema_fields(schema: Mapping) -> list[dict]:
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        raise PublishError("schema has no fields")
    return [dict(f) for f in fields]


def _primary_key(schema: Mapping) -> list[str]:
    pk = schema.get("primaryKey")
    if pk is None:
        return []
    return [pk] if isinstance(pk, str) else list(pk)


def _field_type(f: Mapping) -> str:
    return str(f.get("type") or "string")


def _public_table(table: pa.Table, schema: Mapping) -> pa.Table:
    """Exactly the schema's fields in schema order, sorted by primary key, without schema metadata."""
    names = [f["name"] for f in _schema_fields(schema)]
    if len(set(names)) != len(names):
        raise PublishError("schema has duplicate field names")
    extra = [c for c in table.column_names if c not in names]
    missing = [n for n in names if n not in table.column_names]
    if extra:
        raise PublishError(f"table has columns not in the public schema: {sorted(extra)}")
    if missing:
        raise PublishError(f"table lacks schema fields: {missing}")
    out = table.select(names).replace_schema_metadata(None)
    pk = _primary_key(schema)
    if pk:
        unknown = [k for k in pk if k not in names]
        if unknown:
            raise PublishError(f"primaryKey names unknown fields: {unknown}")
        if out.num_rows > 1:
            out = out.take(pc.sort_indices(out, sort_keys=[(k, "ascending") for k in pk]))
    return out.combine_chunks()


def _text_column(col: pa.ChunkedArray | pa.Array, ftype: str) -> pa.Array:
    """Canonical text rendering of a column (nulls stay null): ISO dates/times, lowercase booleans."""
    arr = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    t = arr.type
    if pa.types.is_timestamp(t):
        # Arrow stores UTC instants: dropping the zone gives the UTC wall clock (a tz-aware cast to string
        # goes through the time zone database per value and is ~50x slower)
        out = pc.cast(arr.cast(pa.timestamp(t.unit)), pa.string())
        # "YYYY-MM-DD HH:MM:SS[.ffffff]" -> ISO 8601 with "T"; an all-zero fraction is dropped
        out = pc.replace_substring_regex(pc.replace_substring(out, " ", "T", max_replacements=1), r"\.0+$", "")
        if t.tz is not None:
            out = pc.binary_join_element_wise(out, pa.scalar("Z"), "")
        return out
    if pa.types.is_date(t) or pa.types.is_time(t):
        return arr.cast(pa.string())
    if pa.types.is_boolean(t):
        return arr.cast(pa.string())
    if pa.types.is_dictionary(t):
        return arr.cast(t.value_type).cast(pa.string())
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return arr.cast(pa.string())
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_struct(t) or pa.types.is_map(t):
        vals = [None if v is None else json.dumps(v, ensure_ascii=False, default=str) for v in arr.to_pylist()]
        return pa.array(vals, pa.string())
    if pa.types.is_binary(t) or pa.types.is_large_binary(t):
        raise PublishError(f"binary columns cannot be published (type {t})")
    return arr.cast(pa.string())


def _neutralize(arr: pa.Array) -> pa.Array:
    mask = pc.fill_null(pc.match_substring_regex(arr, _INJECTION_RE), False)
    if not pc.any(mask).as_py():
        return arr
    return pc.if_else(mask, pc.binary_join_element_wise(pa.scalar("'"), arr, ""), arr)


def csv_bytes(table: pa.Table, schema: Mapping) -> bytes:
    """RFC 4180 CSV (UTF-8 without BOM, CRLF, minimal quoting, header row) of the public table.

    Text cells of ``string`` fields beginning with ``=``, ``+``, ``-``, ``@``, tab, CR or LF are prefixed with
    ``'`` (OWASP CSV injection); other types are written as-is. Nulls are empty cells.
    """
    fields = _schema_fields(schema)
    pub = _public_table(table, schema)
    cols: list[list[Any]] = []
    for f in fields:
        text = _text_column(pub.column(f["name"]), _field_type(f))
        if _field_type(f) == "string":
            text = _neutralize(text)
        cols.append(text.to_pylist())
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([f["name"] for f in fields])
    writer.writerows(zip(*cols, strict=True) if cols else [])
    return buf.getvalue().encode("utf-8")


def parquet_bytes(table: pa.Table, schema: Mapping) -> bytes:
    """Parquet (zstd) of the public table: schema field order, sorted by primary key, original values."""
    pub = _public_table(table, schema)
    sink = pa.BufferOutputStream()
    pq.write_table(pub, sink, compression="zstd", write_statistics=True)
    return sink.getvalue().to_pybytes()


def _string_bytes(arr: pa.Array) -> tuple[np.ndarray, memoryview]:
    """(offsets, bytes) of a null-free ``large_string`` array: cell i is ``bytes[offsets[i] - offsets[0] :
    offsets[i + 1] - offsets[0]]``, and ``bytes`` holds the cells back to back (no copy)."""
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = arr.buffers()[2]
    if data is None or not len(arr):
        return offsets, memoryview(b"")
    return offsets, memoryview(data)[int(offsets[0]) : int(offsets[-1])]


def _column_digest(col: pa.ChunkedArray, ftype: str) -> bytes:
    arr = _text_column(col, ftype).cast(pa.large_string())
    h = hashlib.sha256()
    validity = np.asarray(pc.is_valid(arr).to_numpy(zero_copy_only=False), dtype=np.uint8)
    h.update(validity.tobytes())
    offsets, data = _string_bytes(pc.fill_null(arr, ""))
    h.update(np.diff(offsets).astype("<i8").tobytes())
    h.update(data)
    h.update(str(col.type).encode())
    return h.digest()


def content_hash(table: pa.Table, schema: Mapping) -> str:
    """Deterministic sha256 of the release content: the public Table Schema plus the public table's values
    (schema field order, rows sorted by primary key, so input row order does not matter when a key exists)."""
    fields = _schema_fields(schema)
    pub = _public_table(table, schema)
    h = hashlib.sha256()
    h.update(b"osd-release-content-v1\n")
    h.update(_canonical_json(dict(schema)))
    h.update(f"\nrows={pub.num_rows}\n".encode())
    for f in fields:
        h.update(f["name"].encode("utf-8") + b"\x00")
        h.update(_column_digest(pub.column(f["name"]), _field_type(f)))
    return h.hexdigest()


# --------------------------------------------------------------------------------------------------- schema diff

_NUMERIC_LOWER = ("minimum", "exclusiveMinimum", "minLength")
_NUMERIC_UPPER = ("maximum", "exclusiveMaximum", "maxLength")


def _constraint_changes(name: str, old: Mapping, new: Mapping) -> list[dict]:
    """Compare two fields' constraints: each change is tighter (major) or looser (minor)."""
    oc = dict(old.get("constraints") or {})
    nc = dict(new.get("constraints") or {})
    out: list[dict] = []

    def add(constraint: str, severity: str, what: str) -> None:
        out.append({"field": name, "change": f"constraint-{what}", "constraint": constraint, "severity": severity})

    for c in sorted(set(oc) | set(nc)):
        a, b = oc.get(c), nc.get(c)
        if a == b:
            continue
        if c in ("required", "unique"):
            tighter = bool(b) and not bool(a)
            add(c, "major" if tighter else "minor", "tightened" if tighter else "loosened")
        elif c in _NUMERIC_LOWER + _NUMERIC_UPPER:
            if a is None:
                add(c, "major", "tightened")
            elif b is None:
                add(c, "minor", "loosened")
            else:
                try:
                    tighter = (b > a) if c in _NUMERIC_LOWER else (b < a)
                except TypeError:
                    tighter = True
                add(c, "major" if tighter else "minor", "tightened" if tighter else "loosened")
        elif c == "enum":
            if a is None:
                add(c, "major", "tightened")
            elif b is None:
                add(c, "minor", "loosened")
            else:
                sa, sb = {json.dumps(x, sort_keys=True) for x in a}, {json.dumps(x, sort_keys=True) for x in b}
                if sa <= sb:
                    add(c, "minor", "loosened")
                else:
                    add(c, "major", "tightened")
        else:  # pattern and anything unknown: removal loosens, any other change may reject old values
            if b is None:
                add(c, "minor", "loosened")
            else:
                add(c, "major", "tightened" if a is None else "changed")
    return out


def _schema_diff(old: Mapping, new: Mapping, renames: Mapping[str, str] | None = None) -> dict:
    """Classify the differences between two public Table Schemas."""
    ofields = {f["name"]: f for f in _schema_fields(old)}
    nfields = {f["name"]: f for f in _schema_fields(new)}
    rename_map: dict[str, str] = {}  # old -> new
    for f in nfields.values():
        src = f.get("renamedFrom") or f.get("x-renamed-from")
        if src and src in ofields and src not in nfields:
            rename_map[str(src)] = f["name"]
    for o, n in (renames or {}).items():
        if o in ofields and n in nfields and o not in nfields:
            rename_map[o] = n
    new_to_old = {n: o for o, n in rename_map.items()}
    removed = [n for n in ofields if n not in nfields and n not in rename_map]
    added = [n for n in nfields if n not in ofields and n not in new_to_old]
    changes: list[dict] = []
    for n in removed:
        changes.append({"field": n, "change": "field-removed", "severity": "major"})
    for o, n in rename_map.items():
        changes.append({"field": o, "change": "field-renamed", "to": n, "severity": "major"})
    # positions: the common (old-name) fields must keep their relative order and the added ones come last
    old_order = [n for n in ofields if n in nfields or n in rename_map]
    new_order = [new_to_old.get(n, n) for n in nfields if n in ofields or n in new_to_old]
    if old_order != new_order:
        changes.append({"field": None, "change": "fields-reordered", "severity": "major"})
    new_names = list(nfields)
    if added and new_names[-len(added):] != added:
        changes.append({"field": None, "change": "field-inserted-before-existing", "severity": "major",
                        "fields": added})
    for n in added:
        changes.append({"field": n, "change": "field-added", "severity": "minor"})
    for oname in old_order:
        nname = rename_map.get(oname, oname)
        of, nf = ofields[oname], nfields[nname]
        for prop in ("type", "format"):
            a, b = of.get(prop, "string" if prop == "type" else "default"), nf.get(prop, "string" if prop == "type" else "default")
            if a != b:
                changes.append({"field": nname, "change": f"{prop}-changed", "from": a, "to": b, "severity": "major"})
        changes.extend(_constraint_changes(nname, of, nf))
        for prop in sorted((set(of) | set(nf)) - {"name", "type", "format", "constraints", "renamedFrom",
                                                   "x-renamed-from"}):
            if of.get(prop) != nf.get(prop):
                changes.append({"field": nname, "change": "metadata-changed", "property": prop, "severity": "patch"})
    if _primary_key(old) != _primary_key(new):
        pk_old = [rename_map.get(k, k) for k in _primary_key(old)]
        if pk_old != _primary_key(new):
            changes.append({"field": None, "change": "primary-key-changed", "severity": "major",
                            "from": _primary_key(old), "to": _primary_key(new)})
    old, new = _published_schema(old), _published_schema(new)
    for prop in sorted((set(old) | set(new)) - {"fields", "primaryKey"}):
        if old.get(prop) != new.get(prop):
            sev = "major" if prop in ("missingValues", "foreignKeys", "uniqueKeys") else "patch"
            changes.append({"field": None, "change": "schema-property-changed", "property": prop, "severity": sev})
    mapping = [{"old": o, "new": rename_map.get(o, o if o in nfields else None)} for o in ofields]
    mapping += [{"old": None, "new": n} for n in added]
    return {"added": added, "removed": removed, "renamed": [{"from": o, "to": n} for o, n in rename_map.items()],
            "changes": changes, "mapping": mapping, "rename_map": rename_map}


# --------------------------------------------------------------------------------------------------- record diff


def _key_strings(tbl: pa.Table, pk: Sequence[str], types: Mapping[str, str]) -> list[str]:
    parts = [pc.fill_null(_text_column(tbl.column(k), types.get(k, "string")), "").to_pylist() for k in pk]
    if len(parts) == 1:
        return [str(v) for v in parts[0]]
    return ["\x1f".join(map(str, vals)) for vals in zip(*parts, strict=True)]


def _display_key(k: str, composite: bool) -> Any:
    return k.split("\x1f") if composite else k


def _record_diff(old_tbl: pa.Table, old_schema: Mapping, new_tbl: pa.Table, new_schema: Mapping,
                 rename_map: Mapping[str, str]) -> dict:
    """Records added / removed / changed by primary key (or by whole-row multiset without a key)."""
    ntypes = {f["name"]: _field_type(f) for f in _schema_fields(new_schema)}
    otypes = {f["name"]: _field_type(f) for f in _schema_fields(old_schema)}
    # compare the fields present in both versions (old name -> new name)
    common = [(o, rename_map.get(o, o)) for o in otypes if rename_map.get(o, o) in ntypes]
    pk_new = _primary_key(new_schema)
    pk_old_mapped = [rename_map.get(k, k) for k in _primary_key(old_schema)]

    def texts(tbl: pa.Table, names: Sequence[str], types: Mapping[str, str]) -> list[list[Any]]:
        return [_text_column(tbl.column(n), types[n]).to_pylist() for n in names]

    def differs(a: pa.Array, b: pa.Array) -> np.ndarray:
        neq = pc.fill_null(pc.not_equal(a, b), False)
        return np.asarray(pc.or_(neq, pc.xor(pc.is_null(a), pc.is_null(b))).to_numpy(zero_copy_only=False),
                          dtype=bool)

    if pk_new and pk_new == pk_old_mapped and all(k in otypes or k in rename_map.values() for k in pk_new):
        inv = {v: k for k, v in rename_map.items()}
        nkeys = _key_strings(new_tbl, pk_new, ntypes)
        okeys = _key_strings(old_tbl, [inv.get(k, k) for k in pk_new], otypes)
        if len(set(nkeys)) != len(nkeys):
            raise PublishError(f"primary key {pk_new} is not unique in the new table "
                               f"({len(nkeys) - len(set(nkeys))} duplicates)")
        oindex = {k: i for i, k in enumerate(okeys)}
        nindex = {k: i for i, k in enumerate(nkeys)}
        added = [k for k in nkeys if k not in oindex]
        removed = [k for k in okeys if k not in nindex]
        both = [k for k in nkeys if k in oindex]
        oi = pa.array(np.fromiter((oindex[k] for k in both), dtype=np.int64, count=len(both)), pa.int64())
        ni = pa.array(np.fromiter((nindex[k] for k in both), dtype=np.int64, count=len(both)), pa.int64())
        changed_mask = np.zeros(len(both), dtype=bool)
        per_field: dict[str, int] = {}
        for oname, nname in common:
            diff = differs(pc.take(_text_column(old_tbl.column(oname), otypes[oname]), oi),
                           pc.take(_text_column(new_tbl.column(nname), ntypes[nname]), ni))
            n = int(diff.sum())
            if n:
                per_field[nname] = n
                changed_mask |= diff
        changed = [k for k, c in zip(both, changed_mask, strict=True) if c]
        composite = len(pk_new) > 1
        return {
            "by": "primary-key",
            "primary_key": list(pk_new),
            "added": len(added),
            "removed": len(removed),
            "changed": len(changed),
            "unchanged": len(both) - len(changed),
            "changed_by_field": dict(sorted(per_field.items())),
            "added_keys": [_display_key(k, composite) for k in added[:MAX_LISTED_KEYS]],
            "removed_keys": [_display_key(k, composite) for k in removed[:MAX_LISTED_KEYS]],
            "changed_keys": [_display_key(k, composite) for k in changed[:MAX_LISTED_KEYS]],
            "keys_truncated": max(len(added), len(removed), len(changed)) > MAX_LISTED_KEYS,
        }
    # no usable key: whole-row multiset comparison over the common fields
    orows = Counter(zip(*texts(old_tbl, [o for o, _ in common], otypes), strict=True)) if common else Counter()
    nrows = Counter(zip(*texts(new_tbl, [n for _, n in common], ntypes), strict=True)) if common else Counter()
    added_n = sum((nrows - orows).values())
    removed_n = sum((orows - nrows).values())
    return {
        "by": "whole-row",
        "primary_key": [],
        "added": added_n,
        "removed": removed_n,
        "changed": 0,
        "unchanged": new_tbl.num_rows - added_n,
        "changed_by_field": {},
        "added_keys": [],
        "removed_keys": [],
        "changed_keys": [],
        "keys_truncated": False,
    }


# --------------------------------------------------------------------------------------------------- planning


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


def _newest_published(entries: Iterable[Mapping]) -> Mapping | None:
    for e in entries:  # newest first
        if e.get("status", "published") == "published":
            return e
    return None


def _load_release(publisher: Publisher, dataset: str, version: str) -> tuple[pa.Table, dict, dict]:
    """Read a published release back: (table, public schema, datapackage)."""
    prefix = release_prefix(dataset, version)
    dp = read_json(publisher, prefix + "datapackage.json")
    if not dp:
        raise PublishError(f"{prefix}datapackage.json is missing")
    res = next((r for r in dp.get("resources", []) if r.get("format") == "parquet"), None)
    if res is None:
        raise PublishError(f"{prefix}datapackage.json has no parquet resource")
    data = publisher.get(prefix + res["path"])
    if data is None:
        raise PublishError(f"{prefix}{res['path']} is missing")
    if "hash" in res and res["hash"] != f"sha256:{sha256_hex(data)}":
        raise IntegrityError(f"{prefix}{res['path']} does not match its datapackage hash")
    return pq.read_table(pa.BufferReader(data)), dict(res["schema"]), dp


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
    sd, rd = diff(prev["version"])
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
    version = _bump(highest, severity)
    changes = {
        **base,
        "version": version,
        "previous_version": prev["version"],
        "bump": severity,
        "reasons": reasons,
        "records": {k: rd[k] for k in ("by", "primary_key", "added", "removed", "changed", "unchanged",
                                       "changed_by_field", "added_keys", "removed_keys", "changed_keys",
                                       "keys_truncated")},
        "fields": {"added": sd["added"], "removed": sd["removed"], "renamed": sd["renamed"]},
        "schema_changes": sd["changes"],
    }
    if severity == "major":
        changes["field_mapping"] = sd["mapping"]
    return ReleasePlan(dataset=dataset, version=version, previous_version=prev["version"], bump=severity,
                       content_hash=chash, changes=changes, records=records)


# --------------------------------------------------------------------------------------------------- release files


@lru_cache(maxsize=1)
def code_version() -> str:
    """``git describe --always --dirty --tags`` of this checkout, else the installed package version."""
    repo = Path(__file__).resolve().parent.parent
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "describe", "--always", "--dirty", "--tags"],
            capture_output=True, text=True, timeout=10, check=False,
        )
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        from importlib.metadata import version

        return version("open-safety-data")
    except Exception:  # noqa: BLE001
        return "unknown"


def _changes_md(changes: Mapping, note: str) -> str:
    lines = [f"# {changes['dataset']} {changes['version']}", ""]
    prev = changes.get("previous_version")
    lines.append(f"Previous version: {prev}" if prev else "Previous version: none (first release)")
    lines.append(f"Change level: {changes.get('bump')}")
    lines.append(f"Records in this release: {changes.get('records_total', '')}".rstrip())
    if note:  # the officer's text, escaped: Markdown renderers pass raw HTML through
        lines += ["", html.escape(note, quote=False)]
    rec = changes.get("records") or {}
    lines += ["", "## Records", "", "| added | removed | changed | unchanged |", "|---|---|---|---|",
              f"| {rec.get('added', 0)} | {rec.get('removed', 0)} | {rec.get('changed', 0)} | "
              f"{rec.get('unchanged', 0)} |"]
    if rec.get("changed_by_field"):
        lines += ["", "Changed values by field:", ""]
        lines += [f"- `{k}`: {v}" for k, v in rec["changed_by_field"].items()]
    if rec.get("primary_key"):
        lines += ["", f"Record identifiers (primary key `{', '.join(rec['primary_key'])}`) are listed in "
                      "`changes.json`."]
    flds = changes.get("fields") or {}
    if (flds.get("added") and prev) or flds.get("removed") or flds.get("renamed"):
        lines += ["", "## Fields", ""]
        lines += [f"- added: `{n}`" for n in flds.get("added", []) if prev]
        lines += [f"- removed: `{n}`" for n in flds.get("removed", [])]
        lines += [f"- renamed: `{r['from']}` -> `{r['to']}`" for r in flds.get("renamed", [])]
    sc = [c for c in changes.get("schema_changes") or [] if c["change"] not in ("field-added", "field-removed")]
    if sc:
        lines += ["", "## Schema changes", "", "| field | change | level |", "|---|---|---|"]
        for c in sc:
            detail = c["change"] + (f" `{c['constraint']}`" if c.get("constraint") else "")
            detail += (f" `{c['property']}`" if c.get("property") else "")
            detail += (f" {c['from']} -> {c['to']}" if "from" in c and "to" in c else "")
            lines.append(f"| {c.get('field') or '(table)'} | {detail} | {c['severity']} |")
    if changes.get("field_mapping"):
        lines += ["", "## Field mapping (old -> new)", "", "| old field | new field |", "|---|---|"]
        for m in changes["field_mapping"]:
            lines.append(f"| {m['old'] or '(new)'} | {m['new'] or '(removed)'} |")
    return "\n".join(lines) + "\n"


@dataclass
class _ReleaseFile:
    """One file of a release: in memory (``data``) or in a local temporary file (``path``)."""

    name: str
    ctype: str
    sha256: str
    size: int
    data: bytes | None = None
    path: str | None = None

    @classmethod
    def of_bytes(cls, name: str, data: bytes, ctype: str) -> _ReleaseFile:
        return cls(name, ctype, sha256_hex(data), len(data), data=data)


def _build_files(
    plan: ReleasePlan, table: pa.Table, schema: Mapping, package: Mapping, provenance: Mapping, note: str,
    created: str,
) -> list[_ReleaseFile]:
    """The release's files, in write order: data, metadata, then SHA256SUMS."""
    ds = plan.dataset
    csv_f = _ReleaseFile.of_bytes(f"{ds}.csv", csv_bytes(table, schema), "text/csv; charset=utf-8")
    pq_f = _ReleaseFile.of_bytes(f"{ds}.parquet", parquet_bytes(table, schema), "application/vnd.apache.parquet")
    return _release_files(plan, schema, package, provenance, note, created, csv_f, pq_f)


#: Table Schema ``missingValues`` of every release: an empty cell is missing, ``*`` is a value withheld by
#: disclosure control (so readers do not count ``*`` as a category).
MISSING_VALUES = ["", "*"]


def _published_schema(schema: Mapping) -> dict[str, Any]:
    """The Table Schema as written into ``datapackage.json`` (profile and missing values added)."""
    doc = {"$schema": TABLESCHEMA_PROFILE, **{k: v for k, v in dict(schema).items() if k != "$schema"}}
    doc["missingValues"] = list(dict.fromkeys([*doc.get("missingValues", []), *MISSING_VALUES]))
    return doc


def _release_files(
    plan: ReleasePlan, schema: Mapping, package: Mapping, provenance: Mapping, note: str, created: str,
    csv_f: _ReleaseFile, pq_f: _ReleaseFile,
) -> list[_ReleaseFile]:
    """Data files (given), metadata, then SHA256SUMS, in write order."""
    ds = plan.dataset
    schema_doc = _published_schema(schema)
    reserved = {"$schema", "name", "version", "created", "resources"}
    dp: dict[str, Any] = {"$schema": DATAPACKAGE_PROFILE, "name": ds, "title": package.get("title", ds),
                          "version": plan.version, "created": created}
    for k, v in package.items():
        if k not in reserved and k != "title":
            dp[k] = v
    dp.setdefault("licenses", [])
    dp.setdefault("sources", [])
    dp.setdefault("keywords", [])
    dp["resources"] = [
        {"$schema": RESOURCE_PROFILE, "name": ds, "path": f"{ds}.csv", "type": "table", "format": "csv",
         "mediatype": "text/csv", "encoding": "utf-8", "bytes": csv_f.size,
         "hash": f"sha256:{csv_f.sha256}", "schema": schema_doc, "dialect": dict(CSV_DIALECT)},
        {"$schema": RESOURCE_PROFILE, "name": f"{ds}_parquet", "path": f"{ds}.parquet", "type": "table",
         "format": "parquet", "mediatype": "application/vnd.apache.parquet", "bytes": pq_f.size,
         "hash": f"sha256:{pq_f.sha256}", "schema": schema_doc},
    ]
    prov = dict(provenance)
    prov.setdefault("code_version", code_version())
    prov.setdefault("dataset", ds)
    prov.setdefault("version", plan.version)
    prov.setdefault("content_hash", plan.content_hash)
    changes = dict(plan.changes)
    changes.update({"dataset": ds, "version": plan.version, "previous_version": plan.previous_version,
                    "bump": plan.bump, "content_hash": plan.content_hash, "records_total": plan.records})
    if note:
        changes["note"] = note
    files: list[_ReleaseFile] = [
        csv_f,
        pq_f,
        _ReleaseFile.of_bytes("datapackage.json", _json_bytes(dp), "application/json"),
        _ReleaseFile.of_bytes("provenance.json", _json_bytes(prov), "application/json"),
        _ReleaseFile.of_bytes("changes.json", _json_bytes(changes), "application/json"),
        _ReleaseFile.of_bytes("CHANGES.md", _changes_md(changes, note).encode("utf-8"), "text/markdown; charset=utf-8"),
    ]
    sums = "".join(f"{f.sha256}  {f.name}\n" for f in files)
    files.append(_ReleaseFile.of_bytes("SHA256SUMS", sums.encode("ascii"), "text/plain; charset=utf-8"))
    return files


# --------------------------------------------------------------------------------------------------- pointers


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


# --------------------------------------------------------------------------------------------------- publish


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
    ds = plan.dataset
    prefix = release_prefix(ds, plan.version)
    dprefix = dataset_prefix(ds)
    entries = list_versions(publisher, ds)
    listed = next((e for e in entries if e["version"] == plan.version), None)

    if plan.bump == "none" or listed is not None:
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

    newest = _newest_published(entries)
    if (newest["version"] if newest else None) != plan.previous_version:
        raise StalePlanError(f"{ds}: latest release moved from {plan.previous_version} since planning")
    if entries and _parse_semver(plan.version) <= _parse_semver(entries[0]["version"]):
        raise StalePlanError(f"{ds}: version {plan.version} is not above {entries[0]['version']}")

    # take over the timestamp of a partially written version so the re-run is byte-identical
    created: str | None = None
    existing_dp = publisher.get(prefix + "datapackage.json")
    if existing_dp is not None:
        try:
            created = json.loads(existing_dp.decode("utf-8")).get("created")
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ImmutableVersionError(f"{prefix}datapackage.json exists and is unreadable") from None
    if created is None:
        created = _rfc3339(now or datetime.now(UTC))

    files = make_files(created)
    # a partial version is resumed only when every file already there is the one this run would write
    written = {k[len(prefix):] for k in publisher.list(prefix)}
    shas = {f.name: publisher.sha256_of(prefix + f.name) for f in files if f.name in written}
    if written - {f.name for f in files} or any(shas[n] != f.sha256 for f in files if (n := f.name) in shas):
        gone = discard_partial(publisher, ds, plan.version)
        log.warning("%s: discarded %d file(s) of an interrupted publish of %s with other content", ds, gone,
                    plan.version)
        shas = {}
        if existing_dp is not None:  # its timestamp belonged to the other content
            files = make_files(_rfc3339(now or datetime.now(UTC)))
    if before_upload is not None:
        before_upload()
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
    # verify every file of the version before it becomes visible
    for f in files:
        if publisher.sha256_of(prefix + f.name) != f.sha256:
            raise IntegrityError(f"{prefix}{f.name} does not read back with the sha256 written")
    stray = [k for k in publisher.list(prefix) if k[len(prefix):] not in {f.name for f in files}]
    if stray:
        raise ImmutableVersionError(f"{prefix} holds {len(stray)} unexpected files")

    dp_sha = next(f.sha256 for f in files if f.name == "datapackage.json")
    entry = {"version": plan.version, "published": created, "path": f"v{plan.version}/", "status": "published",
             "records": plan.records, "note": note, "bump": plan.bump, "previous_version": plan.previous_version,
             "content_hash": plan.content_hash, "datapackage_sha256": dp_sha}

    def add_entry(doc: Any) -> Any:
        doc = dict(doc or {"dataset": ds, "versions": []})
        versions = [e for e in doc.get("versions", []) if e.get("version") != plan.version]
        for e in versions:
            if e.get("version") == plan.version:
                raise ImmutableVersionError(f"{ds}: {plan.version} already listed")
        versions.append(entry)
        versions.sort(key=lambda e: _parse_semver(e["version"]), reverse=True)
        doc["dataset"] = ds
        doc["versions"] = versions
        return doc

    def check_then_add(doc: Any) -> Any:
        for e in (doc or {}).get("versions", []):
            if e.get("version") == plan.version and e.get("content_hash") != plan.content_hash:
                raise ImmutableVersionError(f"{ds}: {plan.version} listed with different content")
        return add_entry(doc)

    if lease is not None:
        lease.check()  # a holder presumed dead must not list a version another publish may be cleaning
    _cas_update(publisher, dprefix + "versions.json", check_then_add)
    _sync_latest(publisher, ds)
    log.info("published %s %s (%s, %d records, %d files%s)", ds, plan.version, plan.bump, plan.records,
             len(files), ", resumed" if resumed else "")
    return ReleaseResult(
        dataset=ds, version=plan.version, created=True, path=prefix, resumed=resumed, url=publisher.url(prefix),
        files={f.name: {"bytes": f.size, "sha256": f.sha256} for f in files},
    )


# --------------------------------------------------------------------------------------------------- recovery


def _publish_fault_point(key: str) -> None:
    """Test hook for crash-safety tests, inert unless ``OSD_FAULT_PUBLISH_BEFORE`` is set. Never set it in
    production: the process is killed (SIGKILL) right before writing the release file whose name it names."""
    name = os.environ.get("OSD_FAULT_PUBLISH_BEFORE")
    if name and key.rsplit("/", 1)[-1] == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


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
                               f"{_rfc3339(datetime.fromtimestamp(float(doc.get('since', 0)), UTC))})")
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


# --------------------------------------------------------------------------------------------------- retraction


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
    if entry.get("status") == "retracted":
        tomb = read_json(publisher, tomb_key) or {
            "dataset": dataset, "version": version, "retracted_at": entry.get("retracted_at"),
            "reason": entry.get("reason"), "replacement": entry.get("replacement")}
    else:
        remaining = [e for e in entries if e["version"] != version and e.get("status", "published") == "published"]
        repl = replacement if replacement is not None else (remaining[0]["version"] if remaining else None)
        if repl is not None and not any(e["version"] == repl for e in remaining):
            raise PublishError(f"{dataset}: replacement {repl} is not a published version")
        tomb = {"dataset": dataset, "version": version, "retracted_at": _rfc3339(now or datetime.now(UTC)),
                "reason": reason, "replacement": repl}
        sums = publisher.get(prefix + "SHA256SUMS")  # kept so a reader can tell whether a file is the withdrawn one
        if sums is not None:
            tomb["files"] = {n.lstrip("*"): h for h, _, n in (ln.partition("  ") for ln in
                             sums.decode("ascii", "replace").splitlines()) if n}
            tomb["files"]["SHA256SUMS"] = sha256_hex(sums)

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


# --------------------------------------------------------------------------------------------------- streaming


def content_hash_columns(
    schema: Mapping, num_rows: int, column_chunks: Callable[[str], Iterable[pa.Array | pa.ChunkedArray]]
) -> str:
    """:func:`content_hash` of a table too big for memory, read one column at a time.

    ``column_chunks(name)`` returns that column's values in order, in pieces (e.g. Parquet row groups); it is
    called three times per field. The rows must already be in primary-key order (as the pipeline's release
    candidate is). Gives exactly :func:`content_hash` of the same table.
    """
    fields = _schema_fields(schema)
    h = hashlib.sha256()
    h.update(b"osd-release-content-v1\n")
    h.update(_canonical_json(dict(schema)))
    h.update(f"\nrows={num_rows}\n".encode())
    for f in fields:
        name, ftype = f["name"], _field_type(f)
        ch = hashlib.sha256()
        col_type: Any = None
        for part in ("validity", "lengths", "data"):
            for piece in column_chunks(name):
                col_type = piece.type
                arr = _text_column(piece, ftype).cast(pa.large_string())
                if part == "validity":
                    ch.update(np.asarray(pc.is_valid(arr).to_numpy(zero_copy_only=False), dtype=np.uint8).tobytes())
                    continue
                offsets, data = _string_bytes(pc.fill_null(arr, ""))
                ch.update(np.diff(offsets).astype("<i8").tobytes() if part == "lengths" else data)
        ch.update(str(col_type).encode())
        h.update(name.encode("utf-8") + b"\x00")
        h.update(ch.digest())
    return h.hexdigest()


@dataclass
class ParquetSource:
    """A public table stored as one Parquet file, read in record batches (a release candidate too big for memory).

    The rows must be in primary-key order (as the pipeline's candidate is); the streaming functions check it
    and raise :class:`PublishError` otherwise.
    """

    path: str
    filesystem: Any = None
    batch_rows: int = 262_144
    _hashes: dict[tuple, str] = field(default_factory=dict, repr=False, compare=False)

    def file_state(self) -> tuple[int, int] | None:
        """(size, mtime in ns) of the file, ``None`` where the filesystem does not tell the time."""
        if self.filesystem is None:
            st = os.stat(self.path)
            return st.st_size, st.st_mtime_ns
        info = self.filesystem.get_file_info(self.path)
        return None if info.mtime_ns is None else (int(info.size), int(info.mtime_ns))

    def _open(self) -> Any:
        if self.filesystem is None:
            return open(self.path, "rb")
        return self.filesystem.open_input_file(self.path)

    @property
    def num_rows(self) -> int:
        """Row count, from the footer."""
        with self._open() as fh:
            return int(pq.ParquetFile(fh).metadata.num_rows)

    @property
    def schema(self) -> pa.Schema:
        """Arrow schema, from the footer."""
        with self._open() as fh:
            return pq.ParquetFile(fh).schema_arrow

    def batches(self, columns: Sequence[str] | None = None) -> Iterable[pa.RecordBatch]:
        """The rows in order, ``batch_rows`` at a time (only ``columns`` if given)."""
        with self._open() as fh:
            yield from pq.ParquetFile(fh).iter_batches(
                batch_size=self.batch_rows, columns=list(columns) if columns is not None else None
            )

    def read(self, columns: Sequence[str] | None = None) -> pa.Table:
        """The whole table (small tables and fallbacks only)."""
        with self._open() as fh:
            return pq.read_table(fh, columns=list(columns) if columns is not None else None)


def _check_source(src: ParquetSource, schema: Mapping) -> tuple[list[dict], list[str]]:
    """The checks :func:`_public_table` makes, on the file's schema; returns (fields, primary key)."""
    fields = _schema_fields(schema)
    names = [f["name"] for f in fields]
    if len(set(names)) != len(names):
        raise PublishError("schema has duplicate field names")
    have = src.schema.names
    extra = [c for c in have if c not in names]
    missing = [n for n in names if n not in have]
    if extra:
        raise PublishError(f"table has columns not in the public schema: {sorted(extra)}")
    if missing:
        raise PublishError(f"table lacks schema fields: {missing}")
    pk = _primary_key(schema)
    unknown = [k for k in pk if k not in names]
    if unknown:
        raise PublishError(f"primaryKey names unknown fields: {unknown}")
    return fields, pk


def _check_pk_order(src: ParquetSource, pk: Sequence[str]) -> None:
    """Raise unless the rows are in the order ``_public_table`` sorts them into (primary key ascending)."""
    if not pk:
        return
    prev: pa.Table | None = None
    for b in src.batches(pk):
        t = pa.Table.from_batches([b])
        if prev is not None:
            t = pa.concat_tables([prev, t])
        if t.num_rows > 1:
            order = pc.sort_indices(t, sort_keys=[(k, "ascending") for k in pk]).to_numpy()
            if not np.array_equal(order, np.arange(t.num_rows)):
                raise PublishError("the table is not in primary-key order; use the in-memory functions")
        prev = t.slice(t.num_rows - 1) if t.num_rows else prev


def content_hash_source(src: ParquetSource, schema: Mapping) -> str:
    """:func:`content_hash` of a Parquet file in primary-key order, read one column at a time.

    Remembered on ``src`` while the file keeps its size and modification time: publishing checks the hash
    three times (against the validated candidate, in the plan, before writing), and reads the file once."""
    state = src.file_state()
    memo = None if state is None else (state, json.dumps(schema, sort_keys=True, default=str))
    if memo is not None and memo in src._hashes:
        return src._hashes[memo]
    _fields, pk = _check_source(src, schema)
    n = src.num_rows
    if n == 0:
        return content_hash(src.read(), schema)
    _check_pk_order(src, pk)

    def chunks(name: str) -> Iterable[pa.Array]:
        for b in src.batches([name]):
            yield b.column(0)

    h = content_hash_columns(schema, n, chunks)
    if memo is not None and src.file_state() == state:  # unchanged while it was read
        src._hashes[memo] = h
    return h


_CSV_SPECIAL = '[,"\r\n]'  # what makes csv.writer (QUOTE_MINIMAL, CRLF lines) quote a field


def _csv_rows(texts: Sequence[pa.Array]) -> bytes:
    """The rows of two or more text columns (nulls: empty cells) as ``csv.writer(lineterminator="\\r\\n",
    quoting=csv.QUOTE_MINIMAL)`` writes them, built with Arrow compute: a field holding a comma, a quote, CR or LF
    is quoted, its quotes doubled (test_csv_rows_equal_csv_writer)."""
    cells = []
    for a in texts:
        need = pc.fill_null(pc.match_substring_regex(a, _CSV_SPECIAL), False)
        if pc.any(need).as_py():
            quoted = pc.binary_join_element_wise(pa.scalar('"'), pc.replace_substring(a, '"', '""'), pa.scalar('"'), "")
            a = pc.if_else(need, quoted, a)
        cells.append(pc.fill_null(a, ""))
    lines = pc.binary_join_element_wise(*cells, ",").cast(pa.large_string())
    lines = pc.binary_join_element_wise(lines, pa.scalar("", pa.large_string()), pa.scalar("\r\n", pa.large_string()))
    return _string_bytes(lines)[1].tobytes()


def write_csv_file(src: ParquetSource, schema: Mapping, path: str | Path) -> tuple[int, str]:
    """Write :func:`csv_bytes` of the source to ``path`` batch by batch; return (bytes, sha256 hex)."""
    fields, pk = _check_source(src, schema)
    if src.num_rows == 0:
        data = csv_bytes(src.read(), schema)
        Path(path).write_bytes(data)
        return len(data), sha256_hex(data)
    _check_pk_order(src, pk)
    names = [f["name"] for f in fields]
    h = hashlib.sha256()
    size = 0
    with open(path, "wb") as out:
        buf = io.StringIO(newline="")
        csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(names)
        for batch in src.batches(names):
            texts: list[pa.Array] = []
            for f in fields:
                text = _text_column(batch.column(f["name"]), _field_type(f))
                if _field_type(f) == "string":
                    text = _neutralize(text)
                texts.append(text)
            rows = b""
            if len(texts) > 1:
                rows = _csv_rows(texts)
            else:  # one column: csv.writer quotes an empty row (""), the vectorized rows do not
                csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(
                    zip(*(t.to_pylist() for t in texts), strict=True))
            del texts
            data = buf.getvalue().encode("utf-8") + rows
            out.write(data)
            h.update(data)
            size += len(data)
            buf = io.StringIO(newline="")
        data = buf.getvalue().encode("utf-8")
        out.write(data)
        h.update(data)
        size += len(data)
    return size, h.hexdigest()


_PARQUET_ROW_GROUP = 1024 * 1024  # pq.write_table's default: the streamed file has the same row groups


def write_parquet_file(src: ParquetSource, schema: Mapping, path: str | Path) -> tuple[int, str]:
    """Write :func:`parquet_bytes` of the source to ``path`` in row groups; return (bytes, sha256 hex)."""
    fields, pk = _check_source(src, schema)
    if src.num_rows == 0:
        data = parquet_bytes(src.read(), schema)
        Path(path).write_bytes(data)
        return len(data), sha256_hex(data)
    _check_pk_order(src, pk)
    names = [f["name"] for f in fields]
    file_schema = src.schema
    out_schema = pa.schema([file_schema.field(n) for n in names])
    pending: list[pa.RecordBatch] = []
    rows = 0
    with pq.ParquetWriter(str(path), out_schema, compression="zstd", write_statistics=True) as w:
        for b in src.batches(names):
            pending.append(b)
            rows += b.num_rows
            while rows >= _PARQUET_ROW_GROUP:
                t = pa.Table.from_batches(pending, schema=out_schema)
                w.write_table(t.slice(0, _PARQUET_ROW_GROUP))
                rest = t.slice(_PARQUET_ROW_GROUP)
                pending = rest.to_batches()
                rows = rest.num_rows
                del t
        if rows:
            w.write_table(pa.Table.from_batches(pending, schema=out_schema))
    return os.path.getsize(path), _file_sha256(path)


def _hash_text(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(64-bit hash of each text value, validity) of a text array; nulls hash as the empty string."""
    import pandas as pd

    valid = np.asarray(pc.is_valid(arr).to_numpy(zero_copy_only=False), dtype=bool)
    vals = pc.fill_null(arr, "").to_numpy(zero_copy_only=False).astype(object)
    return pd.util.hash_array(vals, categorize=False), valid


def _source_keys(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str]) -> pa.Array:
    """:func:`_key_strings` as one Arrow string array, read batch by batch."""
    chunks = list(_key_string_batches(src, pk, types))
    if not chunks:
        return pa.array([], pa.large_string())
    return pa.concat_arrays([c.cast(pa.large_string()) for c in chunks])


def _key_string_batches(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str]) -> Iterator[pa.Array]:
    for b in src.batches(list(pk)):
        parts = [pc.fill_null(_text_column(b.column(k), types.get(k, "string")), "") for k in pk]
        yield parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, "\x1f")


_JOIN_HASH_KEY = "osd-diff-joinkey"  # 16 bytes: key hashes for the join differ from the value hashes compared


def _key_hashes(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str]) -> np.ndarray:
    """A 64-bit hash of each row's key string (8 bytes a row instead of the strings and a hash table)."""
    import pandas as pd

    out = np.empty(src.num_rows, dtype=np.uint64)
    pos = 0
    for keys in _key_string_batches(src, pk, types):
        out[pos : pos + len(keys)] = pd.util.hash_array(keys.to_numpy(zero_copy_only=False).astype(object),
                                                        categorize=False, hash_key=_JOIN_HASH_KEY)
        pos += len(keys)
    return out[:pos]


def take_positions(chunks: Iterable[Any], positions: np.ndarray) -> Iterator[Any]:
    """The rows at sorted ``positions`` (0-based over the concatenated ``chunks``: Arrow arrays or record
    batches), one piece per chunk that holds any, read no further than the last position."""
    start = i = 0
    for chunk in chunks:
        j = int(np.searchsorted(positions, start + len(chunk)))
        if j > i:
            yield chunk.take(pa.array(positions[i:j] - start, type=pa.int64()))
        i, start = j, start + len(chunk)
        if i == len(positions):
            break


class _HashJoinUnsure(Exception):
    """Two different keys share a 64-bit hash: the exact join decides."""


def _record_diff_source(old_src: ParquetSource, old_schema: Mapping, new_src: ParquetSource, new_schema: Mapping,
                        rename_map: Mapping[str, str]) -> dict:
    """:func:`_record_diff` streaming, by primary key, one field at a time comparing a 64-bit hash of each value
    (a changed value whose hash collides would go unnoticed: odds 2^-64).

    Rows are joined on 64-bit hashes of the keys (16 bytes a row for both sides, instead of the key strings
    and their hash tables: 10M stops diffed in 2.4 GB before). Exactness does not rest on the key hashes: a
    shared hash inside one side, or a match whose key fields differ (two keys colliding across the sides),
    sends the diff to the exact join on the key strings. Without a usable key it falls back to the in-memory
    whole-row comparison."""
    ntypes = {f["name"]: _field_type(f) for f in _schema_fields(new_schema)}
    otypes = {f["name"]: _field_type(f) for f in _schema_fields(old_schema)}
    pk_new = _primary_key(new_schema)
    pk_old_mapped = [rename_map.get(k, k) for k in _primary_key(old_schema)]
    if not (pk_new and pk_new == pk_old_mapped and all(k in otypes or k in rename_map.values() for k in pk_new)):
        return _record_diff(_public_table(old_src.read(), old_schema), old_schema,
                            _public_table(new_src.read(), new_schema), new_schema, rename_map)
    try:
        return _record_diff_by_key(old_src, otypes, new_src, ntypes, pk_new, rename_map, exact=False)
    except _HashJoinUnsure:
        return _record_diff_by_key(old_src, otypes, new_src, ntypes, pk_new, rename_map, exact=True)


def _record_diff_by_key(old_src: ParquetSource, otypes: Mapping[str, str], new_src: ParquetSource,
                        ntypes: Mapping[str, str], pk_new: Sequence[str], rename_map: Mapping[str, str], *,
                        exact: bool) -> dict:
    inv = {v: k for k, v in rename_map.items()}
    pk_old = [inv.get(k, k) for k in pk_new]
    common = [(o, rename_map.get(o, o)) for o in otypes if rename_map.get(o, o) in ntypes]
    if exact:
        nkeys = _source_keys(new_src, pk_new, ntypes)
        n_distinct = pc.count_distinct(nkeys).as_py()
        if n_distinct != len(nkeys):
            raise PublishError(f"primary key {list(pk_new)} is not unique in the new table "
                               f"({len(nkeys) - n_distinct} duplicates)")
        okeys = _source_keys(old_src, pk_old, otypes)
        n_new, n_old = len(nkeys), len(okeys)
        idx_arr = pc.index_in(nkeys, value_set=okeys)
        del nkeys, okeys
        matched_new = np.asarray(pc.is_valid(idx_arr).to_numpy(zero_copy_only=False), dtype=bool)
        oi = np.asarray(pc.fill_null(idx_arr, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
        del idx_arr
    else:
        nh = _key_hashes(new_src, pk_new, ntypes)
        s = np.sort(nh)
        if (s[1:] == s[:-1]).any():  # a duplicate key, or two keys sharing a hash
            raise _HashJoinUnsure
        del s
        oh = _key_hashes(old_src, pk_old, otypes)
        n_new, n_old = len(nh), len(oh)
        order = np.argsort(oh, kind="stable")
        oh = oh[order]
        if (oh[1:] == oh[:-1]).any():
            raise _HashJoinUnsure
        j = np.searchsorted(oh, nh)
        jc = np.minimum(j, max(n_old - 1, 0))
        matched_new = (j < n_old) & (oh[jc] == nh) if n_old else np.zeros(n_new, dtype=bool)
        del nh, oh, j
        oi = np.where(matched_new, order[jc], -1) if n_old else np.full(n_new, -1, dtype=np.int64)
        del order, jc
    old_matched = np.zeros(n_old, dtype=bool)
    old_matched[oi[matched_new]] = True
    added_pos = np.flatnonzero(~matched_new)
    removed_pos = np.flatnonzero(~old_matched)
    both = np.flatnonzero(matched_new)
    changed_mask = np.zeros(n_new, dtype=bool)
    per_field: dict[str, int] = {}
    for oname, nname in common:
        ohash = np.empty(n_old, dtype=np.uint64)
        ovalid = np.empty(n_old, dtype=bool)
        pos = 0
        for b in old_src.batches([oname]):
            hh, vv = _hash_text(_text_column(b.column(0), otypes[oname]))
            ohash[pos : pos + len(hh)] = hh
            ovalid[pos : pos + len(hh)] = vv
            pos += len(hh)
        diff_all = np.zeros(n_new, dtype=bool)
        pos = 0
        for b in new_src.batches([nname]):
            hh, vv = _hash_text(_text_column(b.column(0), ntypes[nname]))
            sl = slice(pos, pos + len(hh))
            m = matched_new[sl]
            o = oi[sl][m]
            diff_all[sl][m] = (hh[m] != ohash[o]) | (vv[m] != ovalid[o])
            pos += len(hh)
        del ohash, ovalid
        n = int(diff_all.sum())
        if n:
            if not exact and nname in pk_new:  # joined rows whose keys differ: two keys shared a hash
                raise _HashJoinUnsure
            per_field[nname] = n
            changed_mask |= diff_all
    changed_pos = np.flatnonzero(changed_mask)
    composite = len(pk_new) > 1

    def listed(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str], pos: np.ndarray) -> list[Any]:
        pieces = take_positions(_key_string_batches(src, pk, types), pos[:MAX_LISTED_KEYS])
        return [_display_key(str(k), composite) for piece in pieces for k in piece.to_pylist()]

    return {
        "by": "primary-key",
        "primary_key": list(pk_new),
        "added": len(added_pos),
        "removed": len(removed_pos),
        "changed": len(changed_pos),
        "unchanged": len(both) - len(changed_pos),
        "changed_by_field": dict(sorted(per_field.items())),
        "added_keys": listed(new_src, pk_new, ntypes, added_pos),
        "removed_keys": listed(old_src, pk_old, otypes, removed_pos),
        "changed_keys": listed(new_src, pk_new, ntypes, changed_pos),
        "keys_truncated": max(len(added_pos), len(removed_pos), len(changed_pos)) > MAX_LISTED_KEYS,
    }


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
        dp = read_json(publisher, prefix + "datapackage.json")
        if not dp:
            raise PublishError(f"{prefix}datapackage.json is missing")
        res = next((r for r in dp.get("resources", []) if r.get("format") == "parquet"), None)
        if res is None:
            raise PublishError(f"{prefix}datapackage.json has no parquet resource")
        old_schema = dict(res["schema"])
        with tempfile.TemporaryDirectory(prefix="osd-plan-") as tmp:
            path = os.path.join(tmp, "previous.parquet")
            if not publisher.get_to_file(prefix + res["path"], path):
                raise PublishError(f"{prefix}{res['path']} is missing")
            if "hash" in res and res["hash"] != f"sha256:{_file_sha256(path)}":
                raise IntegrityError(f"{prefix}{res['path']} does not match its datapackage hash")
            old_src = ParquetSource(path, batch_rows=src.batch_rows)
            sd = _schema_diff(old_schema, schema, renames)
            _fields, old_pk = _check_source(old_src, old_schema)
            _check_pk_order(old_src, old_pk)
            return sd, _record_diff_source(old_src, old_schema, src, schema, sd["rename_map"])

    return _plan(publisher, dataset, schema, chash, src.num_rows, diff, removed_records)


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
