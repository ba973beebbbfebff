"""Paths and settings from the environment: kept for the modules that import them from here.

Every ``OSD_*`` variable, its default and its description live in ``pipelines.settings``; these names are that
module's, re-exported. Nothing here reads a secret at import time; functions are called at run time.
"""

from __future__ import annotations

from pipelines.settings import (
    REPO_ROOT,
    inbox_dir,
    private_dir,
    public_dir,
    quarantine_threshold,
    spacy_model,
)

__all__ = ["REPO_ROOT", "inbox_dir", "private_dir", "public_dir", "quarantine_threshold", "spacy_model"]
