"""``LocalPublisher``: the public store on a local folder (fsynced temporary files linked or renamed into place)."""

from __future__ import annotations

import builtins
import contextlib
import fcntl
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from pipelines.publishing.errors import KeyExistsError, PreconditionFailedError
from pipelines.publishing.hashing import file_sha256, sha256_hex
from pipelines.publishing.keys import _TMP_MARK, _check_key
from pipelines.publishing.stores.base import Publisher, _fsync_dir


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
        self._write(key, lambda fh: fh.write(data), create_only=create_only, if_match=if_match)

    def put_file(self, key: str, path: str | Path, *, content_type: str | None = None, create_only: bool = False) -> None:
        """Copy ``path`` to a temp file next to ``key``, fsync, then link (create-only) or rename it into place."""
        def copy(fh: BinaryIO) -> None:
            with open(path, "rb") as src:
                shutil.copyfileobj(src, fh, 1 << 22)

        self._write(key, copy, create_only=create_only)

    def _write(self, key: str, fill: Callable[[BinaryIO], object], *, create_only: bool = False,
               if_match: str | None = None) -> None:
        """Fill a temp file next to ``key``, fsync it, then put it in place as asked; the temp file never stays."""
        dest = self._path(key)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}{_TMP_MARK}{uuid.uuid4().hex}")
        with open(tmp, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            if create_only:
                try:
                    os.link(tmp, dest)
                except FileExistsError:
                    raise KeyExistsError(f"{key} already exists") from None
            elif if_match is not None:
                _replace_if_match(key, tmp, dest, if_match)
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
            return file_sha256(self._path(key))
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


def _replace_if_match(key: str, tmp: Path, dest: Path, if_match: str) -> None:
    """Rename ``tmp`` over ``dest`` only if ``dest`` still has the sha256 ``if_match`` (the folder locked meanwhile)."""
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
