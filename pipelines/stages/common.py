"""Errors and helpers every stage shares: the policy of a dataset, its ladder helper columns, the crash-safety test hook."""

from __future__ import annotations

import os
import signal

from pipelines import settings
from pipelines.errors import OsdError
from pipelines.specs import DatasetSpec
from redaction.policy import Policy, load_policy

INTERNAL = ("_file", "_row")  # the private columns that carry each row's export file and row number


class UnknownExport(OsdError):
    """An export matches no source contract. The message names the file and the reason, never a value."""

    code = "unknown-export"


class StageError(OsdError):
    """A stage cannot run (missing input, changed content). The message names dataset/partition, never values."""

    code = "stage-error"


def policy_of(spec: DatasetSpec) -> Policy:
    """The dataset's redaction policy, checked against its public schema and standardized columns."""
    return load_policy(spec.policy, spec.schema, [f["name"] for f in spec.standardized], where=str(spec.path))


def aux_columns(spec: DatasetSpec, policy: Policy) -> list[str]:
    """Standardized columns needed by disclosure-control ladders but not published (e.g. beat, district)."""
    out: list[str] = []
    qis = (policy.k_anonymity or {}).get("quasi_identifiers") or {}
    for q in qis.values():
        if (q or {}).get("ladder") == "columns":
            out += [c for c in q.get("levels", []) if c != "*" and c not in spec.public_fields and c not in out]
    return out


def fault_point(stage: str, partition: str, rows_done: int) -> None:
    """Test hook for crash-safety tests, inert unless `OSD_FAULT_AFTER_ROWS` is set. Never set it in production.

    `OSD_FAULT_AFTER_ROWS=N`: once a streaming stage has written at least N rows of a partition (to its temporary
    file), fail. `OSD_FAULT_STAGE` (default `deidentify`) and `OSD_FAULT_PARTITION` (default: any) narrow it;
    `OSD_FAULT_MODE=kill` sends SIGKILL to the process (a lost worker), anything else raises `StageError`.
    """
    limit = settings.get("OSD_FAULT_AFTER_ROWS")
    if not limit or rows_done < int(limit):
        return
    if settings.get("OSD_FAULT_STAGE") != stage:
        return
    if settings.get("OSD_FAULT_PARTITION") not in ("", partition):
        return
    if settings.get("OSD_FAULT_MODE") == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    raise StageError(f"{stage}/{partition}: injected fault after {rows_done} rows (OSD_FAULT_AFTER_ROWS)")


