"""Run the dataset jobs through the deployment's executor, from outside the webserver.

`python -m pipelines.cli run` executes each job in its own process (`execute_in_process`), whatever the
executor; this module launches the same jobs as Dagster runs of a reconstructable job, so the executor chosen by
`OSD_EXECUTOR` (`pipelines.distributed.executor`) runs their steps, e.g. on `dagster-celery` workers that load
the same code location. Used by the distributed end-to-end test and by operators scripting a back-fill:

    OSD_EXECUTOR=celery OSD_CELERY_BROKER=redis://127.0.0.1:6379/0 python -m pipelines.distributed.launch --note "..."
"""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:
    from dagster._core.definitions.reconstruct import ReconstructableJob

log = logging.getLogger("osd.distributed")
REPO = Path(__file__).resolve().parents[2]
QUIET = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


@dataclass
class JobRun:
    """One finished run: its id and outcome, and the step keys that failed (names only, never values)."""

    job: str
    run_id: str
    success: bool
    failed_steps: list[str] = field(default_factory=list)


def reconstructable_job(name: str) -> ReconstructableJob:
    """The job as a pointer (module `pipelines.definitions`, attribute `defs`) that a worker process can load."""
    from dagster._core.definitions.reconstruct import ReconstructableRepository

    repo = ReconstructableRepository.for_module("pipelines.definitions", "defs", working_directory=str(REPO))
    return repo.get_reconstructable_job(name)


def run_job(instance: dg.DagsterInstance, name: str, partition_key: str | None = None,
            run_config: dict | None = None) -> JobRun:
    """Execute ``name`` as a run of ``instance`` with the job's executor; the outcome, never raising on failure."""
    tags = {"dagster/partition": partition_key} if partition_key else None
    with dg.execute_job(reconstructable_job(name), instance, run_config={**QUIET, **(run_config or {})},
                        tags=tags) as res:
        failed = [e.step_key for e in res.all_events if e.event_type_value == "STEP_FAILURE" and e.step_key]
        return JobRun(name, res.run_id, res.success, failed)


def ingest_inbox(instance: dg.DagsterInstance, inbox_dir: Path) -> list[JobRun]:
    """One ingest run per export in ``inbox_dir`` (its dataset recognized as `cli run` does)."""
    from pipelines import stages
    from pipelines.inbox import inbox_files
    from pipelines.specs import load_specs

    specs = load_specs()
    runs = []
    for path in inbox_files(inbox_dir):
        m = stages.identify_export(path, specs)
        ds, key = m.spec.name, stages.partition_key_for(path)
        if key not in instance.get_dynamic_partitions(f"{ds}_exports"):
            instance.add_dynamic_partitions(f"{ds}_exports", [key])
        runs.append(run_job(instance, f"{ds}_ingest", partition_key=key))
    return runs


def prepare_and_publish(instance: dg.DagsterInstance, dataset: str, note: str) -> list[JobRun]:
    """The dataset's prepare run (a sharded dataset's changed shards first, one run each), then (if it succeeded)
    its publish run with ``note``."""
    runs = [run_job(instance, f"{dataset}_prepare_shard", partition_key=s) for s in changed_shards(instance, dataset)]
    if not all(r.success for r in runs):
        return runs
    runs.append(run_job(instance, f"{dataset}_prepare"))
    if runs[-1].success:
        runs.append(run_job(instance, f"{dataset}_publish",
                            run_config={"ops": {f"{dataset}__release": {"config": {"note": note}}}}))
    return runs


def changed_shards(instance: dg.DagsterInstance, dataset: str) -> list[str]:
    """A sharded dataset's shards whose exports changed since they were assembled (added as partitions); none for
    an unsharded dataset."""
    from pipelines.shard_assets import add_shard_partitions
    from pipelines.specs import load_specs
    from pipelines.stages.shards import stale_shards
    from pipelines.store import PrivateStore

    spec = next(s for s in load_specs() if s.name == dataset)
    if spec.shard_key is None:
        return []
    stale = stale_shards(PrivateStore.from_env(), spec, instance.get_dynamic_partitions(f"{dataset}_exports"))
    add_shard_partitions(instance, dataset, stale)
    return stale


def main(argv: list[str] | None = None) -> int:
    """Ingest the inbox, prepare and publish every dataset that received exports; 1 if any run failed."""
    from pipelines import config
    from pipelines.instance import ensure_dagster_home

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--note", default="Automated release")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ensure_dagster_home()
    with dg.DagsterInstance.get() as instance:
        runs = ingest_inbox(instance, config.inbox_dir())
        datasets = sorted({r.job.removesuffix("_ingest") for r in runs if r.success})
        for ds in datasets:
            runs += prepare_and_publish(instance, ds, args.note)
    for r in runs:
        log.info("%s %s: %s%s", r.job, r.run_id, "success" if r.success else "FAILED",
                 f" (failed steps: {', '.join(r.failed_steps)})" if r.failed_steps else "")
    return 0 if runs and all(r.success for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
