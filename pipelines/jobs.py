"""Jobs a data officer launches: ingest (per export), prepare (validate + checks + preview), publish, retract."""


from typing import Any

import dagster as dg
from pydantic import Field

from pipelines.assets import DatasetDefs
from pipelines.instance import PREPARE_TAG, PUBLISH_TAG
from pipelines.resources import PublisherResource


def dataset_jobs(d: DatasetDefs) -> list[Any]:
    ds = d.spec.name
    return [
        dg.define_asset_job(
            f"{ds}_ingest",
            selection=dg.AssetSelection.assets(dg.AssetKey([ds, "raw"]), dg.AssetKey([ds, "standardized"]),
                                               dg.AssetKey([ds, "deidentified"])),
            partitions_def=d.partitions,
            description=f"Read, standardize and de-identify one {ds} export (one partition per file).",
            tags={"dataset": ds, "stage": "ingest"},
        ),
        dg.define_asset_job(
            f"{ds}_prepare",
            selection=dg.AssetSelection.assets(dg.AssetKey([ds, "validated"]), dg.AssetKey([ds, "release_preview"])),
            description=f"Assemble every {ds} export, validate, run the blocking checks and preview the release.",
            tags={"dataset": ds, "stage": "prepare", PREPARE_TAG: ds},
        ),
        dg.define_asset_job(
            f"{ds}_publish",
            selection=dg.AssetSelection.assets(dg.AssetKey([ds, "release"]), dg.AssetKey(["site"])),
            description=f"Publish the previewed {ds} release (give a release note) and rebuild the site.",
            tags={"dataset": ds, "stage": "publish", PUBLISH_TAG: ds},
        ),
    ]


class RetractConfig(dg.Config):
    """What the data officer types when retracting a published version."""

    dataset: str = Field(description="Dataset id, e.g. stops.")
    version: str = Field(description="Published version to retract, e.g. 1.0.0.")
    reason: str = Field(description="Why: published on the tombstone that stays at the version's URL.")


@dg.op(description="Remove a version from public reach, leave a tombstone, repoint latest.json, rebuild the site.")
def retract_version(context: dg.OpExecutionContext, config: RetractConfig, publisher: PublisherResource) -> dict:
    from pipelines import publishing
    from pipelines.site import build_site

    if not config.reason.strip():
        raise dg.Failure("a retraction needs a reason; it is published on the tombstone")
    pub = publisher.get()
    tomb = publishing.retract(pub, config.dataset, config.version, config.reason)
    build_site(pub)
    context.log.info(f"retracted {config.dataset} {config.version}")
    context.add_output_metadata({"tombstone": dg.MetadataValue.json(tomb)})
    return tomb


@dg.job(description="Retract a published version (dataset, version, reason).", tags={"stage": "retract"})
def retract_job() -> None:
    retract_version()


@dg.op(description="Rebuild the public site from the public store.")
def rebuild_site(context: dg.OpExecutionContext, publisher: PublisherResource) -> None:
    from pipelines.site import build_site

    res = build_site(publisher.get())
    context.log.info(f"site rebuilt: {len(res.pages)} pages")
