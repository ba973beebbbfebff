"""The cockpit's shared ingest record and its prepare batching, on a real Dagster instance (no server).

`make demo` (the command line) and `make ui` (the sensors) must agree on what was ingested: what the command line
ingested is not ingested again by the inbox sensor, a changed contract ingests again, and a burst of exports starts
one prepare run per dataset, once every ingest of that dataset is done.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dagster as dg
import pytest

import demo as samplegen
from pipelines import cli, inbox
from pipelines.definitions import defs
from pipelines.instance import PREPARE_TAG
from pipelines.specs import load_specs
from pipelines.store import PrivateStore

DATASETS = ("complaints", "incidents", "stops")


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var, value in {
        "OSD_INBOX": tmp_path / "inbox", "OSD_PRIVATE": tmp_path / "private", "OSD_PUBLIC": tmp_path / "public",
        "DAGSTER_HOME": tmp_path / "dagster_home", "OSD_PSEUDONYM_KEY": "cockpit-test-key",
    }.items():
        monkeypatch.setenv(var, str(value))
    for var in ("OSD_INBOX_S3_BUCKET", "OSD_PRIVATE_S3_BUCKET", "OSD_S3_BUCKET"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def _sensor(name: str, instance: dg.DagsterInstance, cursor: str | None = None):  # noqa: ANN202
    return defs.get_repository_def().get_sensor_def(name)(dg.build_sensor_context(instance=instance, cursor=cursor))


def test_what_the_command_line_ingested_the_sensors_leave_alone(deployment: Path):
    samplegen.generate(deployment / "inbox", rows=15, seed=4, sources=["rivertown_stops"])
    assert cli.main(["run", "--no-publish"]) == 0
    instance = dg.DagsterInstance.get()
    res = _sensor("inbox_sensor", instance)
    assert isinstance(res, dg.SensorResult) and not res.run_requests  # no second ingest of the demo's exports
    prep = _sensor("stops_prepare_after_ingest_sensor", instance)
    assert isinstance(prep, dg.SkipReason) and "already prepared" in str(prep.skip_message)
    assert PREPARE_TAG in (deployment / "dagster_home" / "dagster.yaml").read_text()

    # the same file read through a corrected contract is a new ingest; its record key says so
    store = PrivateStore.from_env()
    spec = next(s for s in load_specs() if s.name == "stops")
    src = spec.source("rivertown_stops")
    path = deployment / "inbox" / "rivertown_stops.csv"
    key = inbox.key_for(spec, src, path, path.name)
    assert inbox.is_ingested(store, key)
    src.raw = {**src.raw, "note": "a corrected mapping"}
    assert not inbox.is_ingested(store, inbox.key_for(spec, src, path, path.name))

    # --force ingests again on purpose
    before = inbox.ingested(store, "stops")["rivertown_stops.csv"]["run_id"]
    src.raw = {k: v for k, v in src.raw.items() if k != "note"}
    assert cli.main(["run", "--no-publish", "--force"]) == 0
    assert inbox.ingested(store, "stops")["rivertown_stops.csv"]["run_id"] != before


def test_a_burst_of_six_exports_starts_one_prepare_per_dataset(deployment: Path):
    samplegen.generate(deployment / "inbox", rows=12, seed=6)
    instance = dg.DagsterInstance.ephemeral()
    res = _sensor("inbox_sensor", instance)
    assert isinstance(res, dg.SensorResult)
    requests = res.run_requests or []
    assert sorted(r.job_name for r in requests) == sorted(f"{ds}_ingest" for ds in DATASETS for _ in range(2))
    for req in res.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(req.partitions_def_name, list(req.partition_keys))

    # while an export of a dataset is still queued, its prepare sensor waits
    queued = [r for r in requests if r.job_name == "stops_ingest"][0]
    run = instance.create_run_for_job(defs.resolve_job_def("stops_ingest"), run_config={},
                                      tags={"dagster/partition": queued.partition_key})
    assert run.status == dg.DagsterRunStatus.NOT_STARTED
    for req in requests:
        if req is not queued:
            job = defs.resolve_job_def(req.job_name)
            assert job.execute_in_process(instance=instance, partition_key=req.partition_key,
                                          tags=req.tags).success
    waiting = _sensor("stops_prepare_after_ingest_sensor", instance)
    assert isinstance(waiting, dg.SkipReason) and "still being ingested" in str(waiting.skip_message)
    instance.report_run_canceled(run)
    job = defs.resolve_job_def("stops_ingest")
    assert job.execute_in_process(instance=instance, partition_key=queued.partition_key, tags=queued.tags).success

    # every export done: one prepare request per dataset, for the whole set, tagged for the run queue limit
    for ds in DATASETS:
        req = _sensor(f"{ds}_prepare_after_ingest_sensor", instance)
        assert isinstance(req, dg.RunRequest), (ds, req)
        assert defs.resolve_job_def(f"{ds}_prepare").tags[PREPARE_TAG] == ds
        again = _sensor(f"{ds}_prepare_after_ingest_sensor", instance)
        assert isinstance(again, dg.RunRequest) and again.run_key == req.run_key  # Dagster launches a key once
        store = PrivateStore.from_env()
        assert len(inbox.ingest_set(store, ds).exports) == 2
        assert req.run_key == f"prepare:{inbox.ingest_set(store, ds).digest[:24]}"
    record = json.loads((deployment / "private" / "ingested" / "stops" / "rivertown_stops.csv.json").read_text())
    assert set(record) >= {"sha256", "source_hash", "run_id", "rows"} and record["rows"] == 12


def test_the_run_queue_limits_one_prepare_and_one_publish_per_dataset(deployment: Path):
    """The local instance (`make ui`, `make demo`) and the production one (`deploy/dagster.yaml`) carry the same
    limits, on the tags the prepare and publish jobs set."""
    import yaml

    from pipelines.instance import PUBLISH_TAG, ensure_dagster_home

    home = ensure_dagster_home()
    with dg.DagsterInstance.from_config(str(home)) as instance:
        limits = instance.run_coordinator.get_run_queue_config().tag_concurrency_limits  # type: ignore[union-attr]
    expected = [{"key": t, "value": {"applyLimitPerUniqueValue": True}, "limit": 1} for t in (PREPARE_TAG, PUBLISH_TAG)]
    assert [dict(x) for x in limits] == expected
    deploy = yaml.safe_load((Path(__file__).resolve().parent.parent / "deploy" / "dagster.yaml").read_text())
    assert deploy["run_coordinator"]["config"]["tag_concurrency_limits"] == expected
    for ds in DATASETS:
        assert defs.resolve_job_def(f"{ds}_prepare").tags[PREPARE_TAG] == ds
        assert defs.resolve_job_def(f"{ds}_publish").tags[PUBLISH_TAG] == ds


def _preview(deployment: Path, ds: str = "stops") -> dict:
    return json.loads((deployment / "private" / "preview" / f"{ds}.json").read_text())


def _execute(job: str, instance: dg.DagsterInstance, config: dict | None = None, partition: str | None = None):  # noqa: ANN202
    return defs.resolve_job_def(job).execute_in_process(
        instance=instance, run_config=config or {}, partition_key=partition, raise_on_error=False)


def test_a_resend_is_explained_withdrawn_published_and_retracted_by_choosing(deployment: Path):
    inbox_dir = deployment / "inbox"
    samplegen.generate(inbox_dir, rows=100, seed=8, sources=["rivertown_stops"])
    assert cli.main(["run", "--note", "First stops release"]) == 0  # v1.0.0
    instance = dg.DagsterInstance.get()
    assert instance.get_dynamic_partitions("published_versions") == ["stops/v1.0.0"]
    # the list follows the public store even when a version was published outside the jobs
    instance.delete_dynamic_partition("published_versions", "stops/v1.0.0")
    (req,) = _sensor("attention_sensor", instance).dynamic_partitions_requests
    assert (req.partitions_def_name, list(req.partition_keys)) == ("published_versions", ["stops/v1.0.0"])
    instance.add_dynamic_partitions("published_versions", list(req.partition_keys))

    # a resend of three rows under a new name: quarantined as duplicates, explained in words, counted once
    lines = (inbox_dir / "rivertown_stops.csv").read_bytes().splitlines(keepends=True)  # cp1252, as the agency
    (inbox_dir / "rivertown_stops_resend.csv").write_bytes(b"".join(lines[:4]))
    assert cli.main(["run", "--no-publish"]) == 0
    pv = _preview(deployment)
    text = pv["markdown"]
    assert pv["bump"] == "none" and "Nothing to publish: this content is already published as version 1.0.0" in text
    assert "3 row(s): the record's key (stop_id) repeats a record already present" in text
    assert "3 row(s) of rivertown_stops_resend.csv repeat a record key already present in rivertown_stops.csv" in text
    assert "6 row(s)" not in text and "keys_truncated" not in text and "OSD_" not in text
    order = ["### Warnings", "3 rows (2.9%) are set aside, near the limit of 5%", "### Changes", "### Rows",
             "### Rows set aside", "### Blocking checks"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    assert (deployment / "private" / "preview" / "stops.html").read_text().startswith("<!doctype html>")

    # publishing that content again is refused, naming the version, and the note is kept in the failure
    res = _execute("stops_publish", instance, {"ops": {"stops__release": {"config": {"note": "Again, by mistake"}}}})
    assert not res.success
    failure = next(e for e in res.all_events if e.is_step_failure)
    err = failure.event_specific_data.error
    assert "already published as version 1.0.0" in err.message
    md = failure.event_specific_data.user_failure_data.metadata
    assert md["release_note (not published)"].value == "Again, by mistake"
    assert md["existing_version"].value == "1.0.0"

    # new records (another agency), published as 1.1.0, then retracted by choosing it in the list
    samplegen.generate(inbox_dir, rows=60, seed=9, sources=["lakeview_stops"])
    assert cli.main(["run", "--note", "Lakeview stops added"]) == 0
    assert sorted(instance.get_dynamic_partitions("published_versions")) == ["stops/v1.0.0", "stops/v1.1.0"]
    blank = _execute("retract_job", instance, {"ops": {"retract_version": {"config": {"reason": "  "}}}},
                     "stops/v1.1.0")
    assert not blank.success
    res = _execute("retract_job", instance, {"ops": {"retract_version": {"config": {
        "reason": "Lakeview re-issued its export"}}}}, "stops/v1.1.0")
    assert res.success
    assert instance.get_dynamic_partitions("published_versions") == ["stops/v1.0.0"]
    assert (deployment / "public" / "datasets" / "stops" / "v1.1.0" / "TOMBSTONE.json").is_file()

    # the officer withdraws the partial resend (three rows alone could not be published for their agency under
    # k = 5, agency being a quasi-identifier): the preview warns that the retracted version's records come back
    res = _execute("stops_withdraw_export", instance,
                   {"ops": {"stops__withdraw_export": {"config": {"reason": "a partial resend"}}}},
                   "rivertown_stops_resend.csv")
    assert res.success
    assert (inbox_dir / "withdrawn" / "rivertown_stops_resend.csv").is_file()
    assert not (inbox_dir / "rivertown_stops_resend.csv").exists()
    assert "rivertown_stops_resend.csv" not in instance.get_dynamic_partitions("stops_exports")
    assert isinstance(_sensor("stops_prepare_after_ingest_sensor", instance), dg.RunRequest)
    assert cli.main(["run", "--no-publish"]) == 0
    text = _preview(deployment)["markdown"]
    assert "This is exactly the content of version 1.1.0, which was retracted" in text
    assert "Lakeview re-issued its export" in text
    assert "repeat a record key" not in text


def test_what_needs_attention_in_one_place(deployment: Path):
    inbox_dir = deployment / "inbox"
    samplegen.generate(inbox_dir, rows=30, seed=3, sources=["rivertown_stops"])
    assert cli.main(["run", "--no-publish"]) == 0
    samplegen.generate(inbox_dir, rows=30, seed=3, sources=["lakeview_stops"])  # dropped, not yet ingested
    instance = dg.DagsterInstance.get()
    res = _sensor("attention_sensor", instance)
    (event,) = res.asset_events
    assert event.asset_key == dg.AssetKey(["attention"])
    md = event.metadata["needs_attention"].value
    assert md.index("Export waiting") < md.index("Ready to publish")
    assert "lakeview_stops.jsonl is in the inbox and not ingested yet" in md
    assert "rivertown_stops.csv" not in md
    assert "Police stops: version 1.0.0 is ready to publish" in md and "Jobs > stops_publish" in md
    assert event.metadata["summary"].value == "1 export waiting; 1 ready to publish."
    page = Path(event.metadata["page (private)"].value)
    assert page.is_file() and "lakeview_stops.jsonl" in page.read_text()
    again = _sensor("attention_sensor", instance, cursor=res.cursor)
    assert not again.asset_events  # reported when the list changes, not every tick

    # a failed blocking check is listed with what to do, and its release is no longer offered
    chash = json.loads((deployment / "private" / "candidate" / "stops" / "candidate.json").read_text())["content_hash"]
    check = deployment / "private" / "checks" / "stops" / chash / "k_anonymity.json"
    check.write_text(json.dumps({**json.loads(check.read_text()), "passed": False}))
    md = _sensor("attention_sensor", instance, cursor=res.cursor).asset_events[0].metadata["needs_attention"].value
    assert "Check failed" in md and "(k_anonymity)" in md and "Do not publish" in md
    assert "ready to publish" not in md


def test_without_a_key_one_clear_message_and_the_demo_key_only_on_the_demo(deployment: Path,
                                                                           monkeypatch: pytest.MonkeyPatch):
    from pipelines import instance as inst

    monkeypatch.delenv("OSD_PSEUDONYM_KEY")
    samplegen.generate(deployment / "inbox", rows=5, seed=3, sources=["rivertown_stops"])
    skip = _sensor("inbox_sensor", dg.DagsterInstance.ephemeral())
    assert isinstance(skip, dg.SkipReason)
    assert "pseudonym key (OSD_PSEUDONYM_KEY) is not set" in str(skip.skip_message)
    home = inst.ensure_dagster_home()
    msg = inst.use_demo_key_if_demo(home)
    assert "is not set: new exports will wait" in msg and "OSD_PSEUDONYM_KEY" not in os.environ
    inst.mark_demo(home)
    assert "using the demo key" in inst.use_demo_key_if_demo(home)
    assert os.environ["OSD_PSEUDONYM_KEY"] == inst.DEMO_KEY
    res = _sensor("inbox_sensor", dg.DagsterInstance.ephemeral())
    assert isinstance(res, dg.SensorResult) and len(res.run_requests or []) == 1
