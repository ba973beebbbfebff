"""Hashes, timestamps and JSON encodings shared by the whole codebase, each written once.

The release's bytes depend on them (SHA256SUMS, ``created``, the JSON files), so a second copy that drifted
would change releases without any test noticing.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipelines.settings import REPO_ROOT


def sha256_hex(data: bytes) -> str:
    """Return the hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | Path) -> str:
    """Hex sha256 of a local file, read in 4 MiB chunks (release files can be larger than memory)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            h.update(chunk)
    return h.hexdigest()


def rfc3339(ts: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` in UTC, whole seconds (a naive ``ts`` is taken as UTC)."""
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    return ts.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


@lru_cache(maxsize=1)
def code_version() -> str:
    """``git describe --always --dirty --tags`` of this checkout, else the installed package version."""
    try:
        out = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "describe", "--always", "--dirty", "--tags"],
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
