"""Sensors: the inbox sensor starts an ingest run per new export; a prepare sensor per dataset prepares the release.

Whether an export is new is decided by the shared ingest record (`pipelines.inbox`), the same one the command line
reads, so the exports `make demo` ingested are not ingested again by `make ui`. Each export content read through one
source version is launched once (`run_key` = "<file>:<sha256>:<source hash>"). A file that matches no source
contract is moved to `<inbox>/rejected/` with a `.reason.txt` beside it and reported by name only.

The prepare sensor of a dataset waits until none of its ingest runs is queued or running, then requests one prepare
run for the set of exports ingested (its `run_key` is built from that set): a burst of exports starts one prepare,
and a set already prepared (by the command line or an earlier run) starts none.
"""

import json
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines import attention, config, inbox, instance, settings, stages
from pipelines.assets import PUBLISHED_VERSIONS, PUBLISHED_VERSIONS_NAME, DatasetDefs, published_version_key
from pipelines.specs import file_sha256
from pipelines.store import PrivateStore

S3_SEEN = "s3://"  # cursor entries "s3://<bucket>/<key>" -> ETag of the object already staged


def stage_s3_inbox(inbox: Path, seen: dict[str, str]) -> list[str]:
    """Copy new or changed objects under `OSD_INBOX_S3_BUCKET`/`OSD_INBOX_S3_PREFIX` into the local inbox.

    The local inbox is the staging folder, so the same recognition, cursor and rejection apply. Only objects directly
    under the prefix are staged (no sub-folders, no hidden names); each (key, ETag) is copied once, recorded in
    ``seen`` (the sensor cursor), so a rejected file is not fetched again. Returns the staged file names. Endpoint:
    `OSD_INBOX_S3_ENDPOINT_URL` or `OSD_S3_ENDPOINT_URL`; credentials from boto3's usual chain.
    """
    bucket = settings.get("OSD_INBOX_S3_BUCKET")
    if not bucket:
        return []
    from pipelines.storage.s3 import s3_client

    prefix = settings.get("OSD_INBOX_S3_PREFIX").strip("/")
    prefix = prefix + "/" if prefix else ""
    client = s3_client(
        endpoint_url=settings.get("OSD_INBOX_S3_ENDPOINT_URL") or settings.get("OSD_S3_ENDPOINT_URL") or None,
        region=settings.get("OSD_S3_REGION") or None,
    )
    inbox.mkdir(parents=True, exist_ok=True)
    staged: list[str] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            key = obj["Key"]
            name = key[len(prefix):]
            if not name or "/" in name or name.startswith(".") or name in ("rejected",):
                continue
            marker = f"{S3_SEEN}{bucket}/{key}"
            etag = str(obj.get("ETag", "")).strip('"')
            if seen.get(marker) == etag:
                continue
            part = inbox / f".{name}.s3part"
            client.download_file(bucket, key, str(part))
            part.replace(inbox / name)
            seen[marker] = etag
            staged.append(name)
    return staged


IN_FLIGHT = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def _load_cursor(raw: str | None, catalog: str) -> dict:
    """Cursor: {"catalog": hash of every source, "files": name -> sha256 looked at, "s3": staged ETags}. When a
    contract or mapping changes, every file is looked at again (the ingest record then decides)."""
    cur = json.loads(raw) if raw else {}
    if not isinstance(cur, dict) or "files" not in cur:
        cur = {"files": {}, "s3": {k: v for k, v in (cur or {}).items() if k.startswith(S3_SEEN)}}
    if cur.get("catalog") != catalog:
        cur["files"] = {}
    cur["catalog"] = catalog
    cur.setdefault("s3", {})
    return cur


def build_inbox_sensor(datasets: list[DatasetDefs], ingest_jobs: list) -> dg.SensorDefinition:
    specs = [d.spec for d in datasets]
    parts = {d.spec.name: d.partitions for d in datasets}

    @dg.sensor(
        name="inbox_sensor",
        description="Watches the inbox (OSD_INBOX; objects under OSD_INBOX_S3_BUCKET/PREFIX are staged into it): "
        "recognizes each new export's dataset and agency from the source contracts and starts its ingest run, "
        "once per file content and source version (exports already ingested, by this sensor or by the command "
        "line, are not ingested again); rejects files that match no contract.",
        minimum_interval_seconds=10,
        default_status=dg.DefaultSensorStatus.RUNNING,
        jobs=ingest_jobs,
    )
    def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
        missing = instance.key_missing_message()
        if missing:
            return dg.SkipReason(missing)
        cursor = _load_cursor(context.cursor, inbox.catalog_hash(specs))
        seen: dict[str, str] = cursor["files"]
        store = PrivateStore.from_env()
        requests: list[dg.RunRequest] = []
        new_parts: dict[str, list[str]] = {}
        staged = stage_s3_inbox(config.inbox_dir(), cursor["s3"])
        if staged:
            context.log.info(f"staged {len(staged)} export(s) from the S3 inbox: {sorted(staged)}")
        skipped = 0
        for path in inbox.inbox_files(config.inbox_dir()):
            sha = file_sha256(path)
            if seen.get(path.name) == sha:
                continue
            m = inbox.identify_or_reject(path, specs, say=context.log.warning)  # logs the reason
            if m is None:
                continue
            seen[path.name] = sha
            key = inbox.key_for(m.spec, m.source, path, stages.partition_key_for(path), sha)
            if inbox.is_ingested(store, key):
                skipped += 1
                continue
            ds = m.spec.name
            if not context.instance.has_dynamic_partition(str(parts[ds].name), key.partition):
                new_parts.setdefault(ds, []).append(key.partition)
            requests.append(
                dg.RunRequest(
                    run_key=key.run_key,
                    partition_key=key.partition,
                    job_name=f"{ds}_ingest",
                    tags={"dataset": ds, "source": m.source.name, "stage": "ingest", "export": path.name},
                )
            )
        if skipped:
            context.log.info(f"{skipped} export(s) already ingested with the same content and contract: not again")
        return dg.SensorResult(
            run_requests=requests,
            dynamic_partitions_requests=[
                parts[ds].build_add_request(keys) for ds, keys in sorted(new_parts.items())
            ],
            cursor=json.dumps(cursor, sort_keys=True),
        )

    return inbox_sensor


def _nothing_to_prepare(store: PrivateStore, ds: str, ingest_set: inbox.IngestSet) -> dg.SkipReason | None:
    """Why a prepare sensor has nothing to do (no export ingested, or these exports already prepared), or None."""
    if not ingest_set.exports:
        return dg.SkipReason(f"no {ds} export has been ingested yet")
    if inbox.prepared_set(store, ds) == ingest_set.digest:
        return dg.SkipReason(f"the {len(ingest_set.exports)} ingested {ds} export(s) are already prepared")
    return None


def build_prepare_sensor(d: DatasetDefs, prepare: Any) -> dg.SensorDefinition:
    ds = d.spec.name

    @dg.sensor(
        name=f"{ds}_prepare_after_ingest_sensor",
        job=prepare,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=f"When new {ds} exports are ingested (and none is still being ingested), validate, check and "
        f"preview the {ds} release once for all of them.",
        minimum_interval_seconds=10,
    )
    def _sensor(context: dg.SensorEvaluationContext) -> dg.RunRequest | dg.SkipReason:
        store = PrivateStore.from_env()
        ingest_set = inbox.ingest_set(store, ds)
        if (skip := _nothing_to_prepare(store, ds, ingest_set)) is not None:
            return skip
        busy = context.instance.get_runs(
            filters=dg.RunsFilter(job_name=f"{ds}_ingest", statuses=IN_FLIGHT), limit=1
        )
        if busy:
            return dg.SkipReason(f"waiting: an export of {ds} is still being ingested")
        return dg.RunRequest(
            run_key=f"prepare:{ingest_set.digest[:24]}",
            tags={"dataset": ds, "stage": "prepare", "exports": str(len(ingest_set.exports))},
        )

    return _sensor


def build_shard_prepare_sensor(d: DatasetDefs, prepare: Any, shard_job: Any) -> dg.SensorDefinition:
    """A sharded dataset's prepare sensor: once its exports are ingested, one `<ds>_prepare_shard` run per shard
    whose exports changed (a daemon spreads them over its workers), then, when none is left, the preview run."""
    ds = d.spec.name

    @dg.sensor(
        name=f"{ds}_prepare_after_ingest_sensor",
        jobs=[prepare, shard_job],
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=f"When new {ds} exports are ingested (and none is still being ingested), prepare each changed "
        f"shard in its own run, then preview the {ds} release once for all of them.",
        minimum_interval_seconds=10,
    )
    def _sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.RunRequest | dg.SkipReason:
        from pipelines.shard_assets import shards_name
        from pipelines.stages import shards

        store = PrivateStore.from_env()
        ingest_set = inbox.ingest_set(store, ds)
        if (skip := _nothing_to_prepare(store, ds, ingest_set)) is not None:
            return skip
        for job in (f"{ds}_ingest", f"{ds}_prepare_shard"):
            if context.instance.get_runs(filters=dg.RunsFilter(job_name=job, statuses=IN_FLIGHT), limit=1):
                return dg.SkipReason(f"waiting: a {job} run of {ds} is queued or running")
        tags = {"dataset": ds, "stage": "prepare", "exports": str(len(ingest_set.exports))}
        try:
            stale = shards.stale_shards(store, d.spec, context.instance.get_dynamic_partitions(f"{ds}_exports"))
        except Exception:  # noqa: BLE001 - an export that failed a stage: the prepare run reports it, by name
            stale = []
        if not stale:
            return dg.RunRequest(job_name=f"{ds}_prepare", run_key=f"prepare:{ingest_set.digest[:24]}", tags=tags)
        known = set(context.instance.get_dynamic_partitions(shards_name(ds)))
        return dg.SensorResult(
            run_requests=[dg.RunRequest(job_name=f"{ds}_prepare_shard", partition_key=s, tags={**tags, "shard": s},
                                        run_key=f"shard:{s}:{ingest_set.digest[:24]}") for s in stale],
            dynamic_partitions_requests=[dg.AddDynamicPartitionsRequest(shards_name(ds), sorted(set(stale) - known))]
            if set(stale) - known else [])

    return _sensor


ATTENTION_KEY = dg.AssetKey(["attention"])


def attention_asset() -> dg.AssetSpec:
    """Reported by the attention sensor, never materialized by a run: there is nothing to launch here."""
    return dg.AssetSpec(
        ATTENTION_KEY,
        group_name="cockpit",
        owners=["team:data-office"],
        kinds={"html"},
        description="What needs the data office's attention, in one list: exports waiting in the inbox, ingests "
        "that failed, blocking checks that failed (with what to do), releases ready to publish. Updated by the "
        "attention sensor whenever the list changes; the same list as a private page in the private store.",
    )


def build_attention_sensor(datasets: list[DatasetDefs]) -> dg.SensorDefinition:
    specs = [d.spec for d in datasets]

    @dg.sensor(
        name="attention_sensor",
        description="Keeps the attention asset (what needs the data office's attention) up to date.",
        minimum_interval_seconds=15,
        default_status=dg.DefaultSensorStatus.RUNNING,
    )
    def _sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
        cur = json.loads(context.cursor) if context.cursor else {}
        hashes = cur.get("hashes", {})
        store = PrivateStore.from_env()
        failed: dict[str, list[tuple[str, str]]] = {}
        for d in datasets:
            runs = context.instance.get_runs(
                filters=dg.RunsFilter(job_name=f"{d.spec.name}_ingest", statuses=[dg.DagsterRunStatus.FAILURE]),
                limit=20,
            )
            failed[d.spec.name] = [(r.tags.get("dagster/partition", "?"), r.run_id) for r in runs]
        sync = _sync_published_versions(context.instance, specs)
        items = attention.collect(store, specs, config.inbox_dir(), hashes, failed)
        digest = attention.digest(items)
        events = []
        if digest != cur.get("digest"):
            store.write_bytes(attention.PAGE_KEY, attention.page(items).encode())
            where = store.path(attention.PAGE_KEY)
            events.append(dg.AssetMaterialization(
                asset_key=ATTENTION_KEY,
                description=attention.summary(items),
                metadata={
                    "summary": attention.summary(items),
                    "needs_attention": dg.MetadataValue.md(attention.markdown(items)),
                    "items": len(items),
                    "page (private)": dg.MetadataValue.path(where) if store.is_local else where,
                },
            ))
        return dg.SensorResult(asset_events=events, dynamic_partitions_requests=sync,
                               cursor=json.dumps({"digest": digest, "hashes": hashes}))

    return _sensor


def _sync_published_versions(instance: dg.DagsterInstance, specs: list) -> list:
    """The retract job's list follows the public store's versions.json (versions published or retracted outside
    the jobs, e.g. before this list existed): add what is published, remove what is not."""
    from pipelines import publishing

    pub = publishing.publisher_from_env()
    published = {
        published_version_key(s.name, e["version"])
        for s in specs
        for e in publishing.list_versions(pub, s.name)
        if e.get("status", "published") == "published"
    }
    listed = set(instance.get_dynamic_partitions(PUBLISHED_VERSIONS_NAME))
    out: list[Any] = []
    if published - listed:
        out.append(PUBLISHED_VERSIONS.build_add_request(sorted(published - listed)))
    if listed - published:
        out.append(PUBLISHED_VERSIONS.build_delete_request(sorted(listed - published)))
    return out


def build_sensors(datasets: list[DatasetDefs], jobs: list) -> list:
    by_name = {j.name: j for j in jobs}
    ingest_jobs = [by_name[f"{d.spec.name}_ingest"] for d in datasets]
    out: list = [build_inbox_sensor(datasets, ingest_jobs)]
    out += [build_prepare_sensor(d, by_name[f"{d.spec.name}_prepare"]) if d.shards is None else
            build_shard_prepare_sensor(d, by_name[f"{d.spec.name}_prepare"], by_name[f"{d.spec.name}_prepare_shard"])
            for d in datasets]
    out.append(build_attention_sensor(datasets))
    return out
