"""The one Dagster `Definitions`: every dataset spec through the same asset factory.

Loaded by `workspace.yaml` (`dagster dev`, `make ui`). Nothing here reads a secret or touches the network:
the pseudonym key is an `EnvVar`, resolved when a run starts.
"""

from __future__ import annotations

import dagster as dg

from pipelines.assets import build_dataset, build_site_asset
from pipelines.distributed import executor as executors
from pipelines.jobs import dataset_jobs, retract_job
from pipelines.resources import PrivateStoreResource, PublisherResource, RedactionResource
from pipelines.sensors import attention_asset, build_sensors
from pipelines.specs import load_specs


def build_definitions() -> dg.Definitions:
    datasets = [build_dataset(s) for s in load_specs()]
    assets = [a for d in datasets for a in d.assets]
    checks = [c for d in datasets for c in d.checks]
    site = build_site_asset([d.release_key for d in datasets if d.release_key])
    jobs = [j for d in datasets for j in dataset_jobs(d)] + [retract_job]
    sensors = build_sensors(datasets, jobs)
    chosen = executors.choose()  # OSD_EXECUTOR: Dagster's default unless the deployment says celery
    return dg.Definitions(
        assets=[*assets, site, attention_asset()],
        asset_checks=checks,
        jobs=jobs,
        sensors=sensors,
        resources={
            "private_store": PrivateStoreResource(),
            "publisher": PublisherResource(),
            "redaction": RedactionResource(pseudonym_key=dg.EnvVar("OSD_PSEUDONYM_KEY")),
            **chosen.resources,
        },
        executor=chosen.executor,
    )


defs = build_definitions()
