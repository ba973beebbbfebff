"""The ``Publisher`` interface: a flat key -> bytes store with create-only writes and compare-and-swap."""

from __future__ import annotations

import builtins
import os
from abc import ABC, abstractmethod
from pathlib import Path

from pipelines.publishing.hashing import sha256_hex


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

