"""Jobs a data officer launches: ingest (per export), prepare (validate + checks + preview), publish, retract."""


from typing import Any

import dagster as dg
from pydantic import Field, field_validator

from pipelines.assets import PUBLISHED_VERSIONS, PUBLISHED_VERSIONS_NAME, DatasetDefs, not_blank
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
    """What the data officer types when retracting: the reason. The version is chosen from the list of published
    versions (the job's partitions)."""

    reason: str = Field(
        description="Why this version is retracted: published on the tombstone that stays at the version's URL. "
        "Required."
    )

    @field_validator("reason")
    @classmethod
    def _reason_not_blank(cls, v: str) -> str:
        return not_blank("a reason", v)


@dg.op(description="Remove the chosen version from public reach, leave a tombstone with the reason, repoint "
       "latest.json to the newest remaining version, rebuild the site.")
def retract_version(context: dg.OpExecutionContext, config: RetractConfig, publisher: PublisherResource) -> dict:
    from pipelines import publishing
    from pipelines.site import build_site

    dataset, _, version = context.partition_key.partition("/v")
    if not dataset or not version:
        raise dg.Failure(f"choose a published version (like stops/v1.0.0), not {context.partition_key!r}")
    pub = publisher.get()
    tomb = publishing.retract(pub, dataset, version, not_blank("a reason", config.reason))
    build_site(pub)
    context.instance.delete_dynamic_partition(PUBLISHED_VERSIONS_NAME, context.partition_key)
    context.log.info(f"retracted {dataset} {version}; latest is now {tomb.get('replacement') or 'none'}")
    context.add_output_metadata({"tombstone": dg.MetadataValue.json(tomb),
                                 "dagster/uri": pub.url(publishing.release_prefix(dataset, version) + "TOMBSTONE.json")})
    return tomb


@dg.job(
    description="Retract a published version: choose it in the list (partition), write the reason.",
    tags={"stage": "retract"},
    partitions_def=PUBLISHED_VERSIONS,
)
def retract_job() -> None:
    retract_version()


@dg.op(description="Rebuild the public site from the public store.")
def rebuild_site(context: dg.OpExecutionContext, publisher: PublisherResource) -> None:
    from pipelines.site import build_site

    res = build_site(publisher.get())
    context.log.info(f"site rebuilt: {len(res.pages)} pages")
