"""Runs whose process was killed: marked failed on the next start, so none stays `STARTED` forever.

The deployment's daemon has Dagster's run monitoring for the runs it launches (deploy/dagster.yaml). The command
line (`python -m pipelines.cli run`) executes its jobs in its own process, which nothing watches: a `kill -9`, an
OOM kill or a closed terminal leaves the run `STARTED`, its partition looks busy, and the sensors' "a run is
already in flight" checks wait on it. On its next start the CLI looks at every run still started or starting
that executed in a process of this machine (the in-process executor's engine event carries the pid) and reports it
failed when that process no longer exists. A run whose process is alive, or that ran elsewhere, is left alone.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)
HOST_TAG = "osd/host"  # the machine a CLI run executed on (the pid means nothing elsewhere)


@dataclass(frozen=True)
class DeadRun:
    """A run reported failed: its id, its job and the pid that is gone."""

    run_id: str
    job: str
    pid: int


def host_tags() -> dict[str, str]:
    """Tags for a run the CLI executes in its own process: the pid check is only valid on this host."""
    return {HOST_TAG: socket.gethostname()}


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def _in_process_pid(instance: Any, run_id: str) -> int | None:
    """The pid of the in-process executor of a run, from its engine event, or None (another executor)."""
    import dagster as dg

    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ENGINE_EVENT, limit=50).records
    for rec in records:
        event = rec.event_log_entry.dagster_event
        data = getattr(event, "event_specific_data", None)
        md = getattr(data, "metadata", None) or {}
        pid = md.get("pid")
        if pid is not None and "in process" in (event.message or ""):
            try:
                return int(getattr(pid, "value", pid))
            except (TypeError, ValueError):
                return None
    return None


def fail_dead_runs(instance: Any) -> list[DeadRun]:
    """Report failed every started run of this host whose in-process executor's process is gone."""
    import dagster as dg

    here = socket.gethostname()
    statuses = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING]
    dead: list[DeadRun] = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=statuses)):
        if run.tags.get(HOST_TAG, here) != here:
            continue
        pid = _in_process_pid(instance, run.run_id)
        if pid is None or pid == os.getpid() or _pid_alive(pid):
            continue
        instance.report_run_failed(run, message=f"its process (pid {pid}) is gone: killed or lost; marked failed "
                                                "on the next start")
        dead.append(DeadRun(run.run_id, run.job_name, pid))
        log.warning("run %s (%s) was left started by a process that is gone (pid %d): marked failed",
                    run.run_id, run.job_name, pid)
    return dead
