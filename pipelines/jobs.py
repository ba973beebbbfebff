"""Jobs a data officer launches: ingest (per export), prepare (validate + checks + preview), publish, retract."""


from typing import Any

import dagster as dg
from pydantic import Field, field_validator

from pipelines.assets import PUBLISHED_VERSIONS, PUBLISHED_VERSIONS_NAME, DatasetDefs, not_blank
from pipelines.instance import PREPARE_TAG, PUBLISH_TAG
from pipelines.resources import PrivateStoreResource, PublisherResource


class WithdrawConfig(dg.Config):
    """What the data officer types when an export leaves the dataset (chosen from the list of exports)."""

    reason: str = Field(
        description="Why this export leaves the dataset, e.g. 'replaced by the corrected resend of 3 March'. Kept in "
        "the private record; the next preview shows the release without this export. Required."
    )

    @field_validator("reason")
    @classmethod
    def _reason_not_blank(cls, v: str) -> str:
        return not_blank("a reason", v)


def withdraw_export_job(d: DatasetDefs) -> Any:
    """`<dataset>_withdraw_export`: the officer chooses an export (a partition) that a resend supersedes."""
    ds = d.spec.name

    @dg.op(name=f"{ds}__withdraw_export",
           description=f"Take one {ds} export out of the dataset: its partition and ingest record go, the file moves "
           "to <inbox>/withdrawn/ with the reason beside it; the prepare sensor then prepares the release without it.")
    def _withdraw(context: dg.OpExecutionContext, config: WithdrawConfig, private_store: PrivateStoreResource) -> None:
        from pipelines import export_fates, inbox, settings

        export = context.partition_key
        reason = not_blank("a reason", config.reason)
        store = private_store.get()
        rec = inbox.ingested(store, ds).get(export) or {}
        path = settings.inbox_dir() / export
        if path.is_file():
            inbox.withdraw(path, reason)
        export_fates.record_withdrawal(store, ds, export, {"file": export, "reason": reason, "run_id": context.run_id,
                                                           "sha256": rec.get("sha256"), "source": rec.get("source")})
        inbox.forget(store, ds, export)
        context.instance.delete_dynamic_partition(f"{ds}_exports", export)
        context.log.info(f"{export} withdrawn from {ds}; the next prepare run leaves it out")

    @dg.job(name=f"{ds}_withdraw_export", partitions_def=d.partitions, tags={"dataset": ds, "stage": "withdraw"},
            description=f"Withdraw a {ds} export (choose it in the list), e.g. when a corrected resend replaces it.")
    def _job() -> None:
        _withdraw()

    return _job


def dataset_jobs(d: DatasetDefs) -> list[Any]:
    ds = d.spec.name
    return [*([shard_job(d)] if d.shards is not None else []), withdraw_export_job(d),
        dg.define_asset_job(
            f"{ds}_ingest",
            selection=dg.AssetSelection.assets(dg.AssetKey([ds, "raw"]), dg.AssetKey([ds, "standardized"]),
                                               dg.AssetKey([ds, "deidentified"])),
            partitions_def=d.partitions,
            description=f"Read, standardize and de-identify one {ds} export (one partition per file).",
            tags={"dataset": ds, "stage": "ingest"},
        ),
        _prepare_job(d),
        dg.define_asset_job(
            f"{ds}_publish",
            selection=dg.AssetSelection.assets(dg.AssetKey([ds, "release"]), dg.AssetKey(["site"])),
            description=f"Publish the previewed {ds} release (give a release note) and rebuild the site.",
            tags={"dataset": ds, "stage": "publish", PUBLISH_TAG: ds},
        ),
    ]


def _prepare_job(d: DatasetDefs) -> Any:
    """Assemble, check and preview. A sharded dataset's shards are partitions of the validated asset, prepared
    by their own job (`<ds>_prepare_shard`, one run per shard); its prepare job previews, preparing first the
    shards no run prepared."""
    ds = d.spec.name
    if d.shards is not None:
        return dg.define_asset_job(
            f"{ds}_prepare",
            selection=dg.AssetSelection.assets(dg.AssetKey([ds, "release_preview"])),
            description=f"Prepare the {ds} shards whose exports changed, run their blocking checks and preview the "
                        "release of every shard.",
            tags={"dataset": ds, "stage": "prepare", PREPARE_TAG: ds},
        )
    return dg.define_asset_job(
        f"{ds}_prepare",
        selection=dg.AssetSelection.assets(dg.AssetKey([ds, "validated"]), dg.AssetKey([ds, "release_preview"])),
        description=f"Assemble every {ds} export, validate, run the blocking checks and preview the release.",
        tags={"dataset": ds, "stage": "prepare", PREPARE_TAG: ds},
    )


def shard_job(d: DatasetDefs) -> Any:
    """A sharded dataset's per-shard job: assemble one shard (a partition) and run its blocking checks."""
    ds = d.spec.name
    return dg.define_asset_job(
        f"{ds}_prepare_shard",
        selection=dg.AssetSelection.assets(dg.AssetKey([ds, "validated"])),
        partitions_def=d.shards,
        description=f"Assemble one {ds} shard (when its exports changed) and run its blocking checks.",
        tags={"dataset": ds, "stage": "prepare_shard"},
    )


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
def retract_version(
    context: dg.OpExecutionContext, config: RetractConfig, publisher: PublisherResource,
    private_store: PrivateStoreResource,
) -> dict:
    from pipelines import publishing, retracted
    from pipelines.site import build_site
    from pipelines.specs import load_specs

    dataset, _, version = context.partition_key.partition("/v")
    if not dataset or not version:
        raise dg.Failure(f"choose a published version (like stops/v1.0.0), not {context.partition_key!r}")
    pub = publisher.get()
    entries = publishing.list_versions(pub, dataset)
    if not any(e["version"] == version and e.get("status", "published") == "published" for e in entries):
        raise dg.Failure(f"{dataset} {version} is not a published version (already retracted?)")
    spec = next((s for s in load_specs() if s.name == dataset), None)
    remaining = [e["version"] for e in entries if e["version"] != version and e.get("status", "published") == "published"]
    if spec is not None:  # privately, the keys only this version published: a later preview says if they come back
        n = retracted.save_retracted_keys(private_store.get(), pub, dataset, version, spec.primary_key,
                                          remaining[0] if remaining else None)
        context.log.info(f"{n} record(s) were only in {dataset} {version}; kept privately to warn if they come back")
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
