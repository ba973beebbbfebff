"""Store keys, dataset ids and version numbers: the names a release lives under, checked before any write."""

from __future__ import annotations

import re

from pipelines.publishing.errors import InvalidKeyError, PublishError

SEMVER_RE = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


DATASET_RE = re.compile(r"^[a-z0-9_]+$")


_TMP_MARK = ".tmp-"


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

