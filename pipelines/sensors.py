"""Sensors: the inbox sensor starts an ingest run per new export; a run-status sensor prepares the release.

The inbox sensor's cursor maps file name -> sha256, so each version of a file is handled once
(`run_key` = "<file>:<sha256>"). A file that matches no source contract is moved to `<inbox>/rejected/` with a
`.reason.txt` beside it and reported by name only.
"""

import json
import os
from pathlib import Path

import dagster as dg

from pipelines import config, stages
from pipelines.assets import DatasetDefs
from pipelines.cli import inbox_files, reject
from pipelines.specs import file_sha256

S3_SEEN = "s3://"  # cursor entries "s3://<bucket>/<key>" -> ETag of the object already staged


def stage_s3_inbox(inbox: Path, seen: dict[str, str]) -> list[str]:
    """Copy new or changed objects under `OSD_INBOX_S3_BUCKET`/`OSD_INBOX_S3_PREFIX` into the local inbox.

    The local inbox is the staging folder, so the same recognition, cursor and rejection apply. Only objects directly
    under the prefix are staged (no sub-folders, no hidden names); each (key, ETag) is copied once, recorded in
    ``seen`` (the sensor cursor), so a rejected file is not fetched again. Returns the staged file names. Endpoint:
    `OSD_INBOX_S3_ENDPOINT_URL` or `OSD_S3_ENDPOINT_URL`; credentials from boto3's usual chain.
    """
    bucket = os.environ.get("OSD_INBOX_S3_BUCKET", "")
    if not bucket:
        return []
    import boto3
    from botocore.config import Config

    prefix = os.environ.get("OSD_INBOX_S3_PREFIX", "").strip("/")
    prefix = prefix + "/" if prefix else ""
    client = boto3.client(
        "s3",
        endpoint_url=os.environ.get("OSD_INBOX_S3_ENDPOINT_URL") or os.environ.get("OSD_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("OSD_S3_REGION") or None,
        config=Config(connect_timeout=10, read_timeout=60, retries={"max_attempts": 3, "mode": "standard"}),
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


def build_sensors(datasets: list[DatasetDefs], jobs: list) -> list:
    ingest_jobs = [j for j in jobs if j.name.endswith("_ingest")]
    specs = [d.spec for d in datasets]
    parts = {d.spec.name: d.partitions for d in datasets}

    @dg.sensor(
        name="inbox_sensor",
        description="Watches the inbox (OSD_INBOX; objects under OSD_INBOX_S3_BUCKET/PREFIX are staged into it): "
        "recognizes each new export's dataset and agency from the source "
        "contracts and starts its ingest run; rejects files that match no contract.",
        minimum_interval_seconds=10,
        default_status=dg.DefaultSensorStatus.RUNNING,
        jobs=ingest_jobs,
    )
    def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
        cursor: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
        requests: list[dg.RunRequest] = []
        new_parts: dict[str, list[str]] = {}
        staged = stage_s3_inbox(config.inbox_dir(), cursor)
        if staged:
            context.log.info(f"staged {len(staged)} export(s) from the S3 inbox: {sorted(staged)}")
        for path in inbox_files(config.inbox_dir()):
            sha = file_sha256(path)
            if cursor.get(path.name) == sha:
                continue
            try:
                m = stages.identify_export(path, specs)
            except stages.UnknownExport as exc:
                reject(path, str(exc))
                context.log.warning(f"rejected {path.name}: moved to rejected/ ({exc})")
                continue
            ds, key = m.spec.name, stages.partition_key_for(path)
            if not context.instance.has_dynamic_partition(str(parts[ds].name), key):
                new_parts.setdefault(ds, []).append(key)
            requests.append(
                dg.RunRequest(
                    run_key=f"{path.name}:{sha}",
                    partition_key=key,
                    job_name=f"{ds}_ingest",
                    tags={"dataset": ds, "source": m.source.name, "stage": "ingest", "export": path.name},
                )
            )
            cursor[path.name] = sha
        return dg.SensorResult(
            run_requests=requests,
            dynamic_partitions_requests=[
                parts[ds].build_add_request(keys) for ds, keys in sorted(new_parts.items())
            ],
            cursor=json.dumps(cursor, sort_keys=True),
        )

    out: list = [inbox_sensor]
    for d in datasets:
        ds = d.spec.name
        prepare = next(j for j in jobs if j.name == f"{ds}_prepare")

        def _make(ds: str, prepare=prepare):  # noqa: ANN001 - closure over the dataset
            @dg.run_status_sensor(
                name=f"{ds}_prepare_after_ingest_sensor",
                run_status=dg.DagsterRunStatus.SUCCESS,
                request_job=prepare,
                default_status=dg.DefaultSensorStatus.RUNNING,
                description=f"After an {ds} export is ingested, validate, check and preview the {ds} release.",
                minimum_interval_seconds=10,
            )
            def _sensor(context: dg.RunStatusSensorContext):
                run = context.dagster_run
                if run.tags.get("dataset") == ds and run.tags.get("stage") == "ingest":
                    return dg.RunRequest(run_key=f"prepare:{run.run_id}", tags={"dataset": ds, "stage": "prepare"})
                return dg.SkipReason("not an ingest run of this dataset")

            return _sensor

        out.append(_make(ds))
    return out
