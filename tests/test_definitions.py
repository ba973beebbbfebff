"""The Dagster Definitions without a server: they load, their published identifiers stay stable, every asset
explains itself in the UI, and the inbox sensor (evaluated directly) launches each export content once and
rejects what matches no contract."""

from __future__ import annotations

import json
import os

import dagster as dg
import pytest

import demo as samplegen
from pipelines import inbox as inbox_lib
from pipelines.definitions import defs
from pipelines.specs import file_sha256, load_specs

DATASETS = ("complaints", "incidents", "stops", "use_of_force")
STAGES = ("raw", "standardized", "deidentified", "validated", "release_preview", "release")
CHECKS = ("k_anonymity", "no_leaks", "quarantine_share", "row_accounting", "schema_valid")

# Published identifiers: URLs in the UI, run_config paths in the README, sensor and job names in runbooks.
# Changing one of these is a breaking change for the data officers: update the README with it.
EXPECTED_ASSET_KEYS = sorted([f"{ds}/{st}" for ds in DATASETS for st in STAGES] + ["site", "attention"])
EXPECTED_CHECKS = sorted(f"{ds}/validated:{c}" for ds in DATASETS for c in CHECKS)
EXPECTED_JOBS = sorted(
    [f"{ds}_{j}" for ds in DATASETS for j in ("ingest", "prepare", "publish", "withdraw_export")] + ["retract_job"]
)
EXPECTED_SENSORS = sorted(
    ["inbox_sensor", "attention_sensor"] + [f"{ds}_prepare_after_ingest_sensor" for ds in DATASETS]
)


@pytest.fixture(scope="module")
def repo() -> dg.RepositoryDefinition:
    return defs.get_repository_def()


def test_asset_keys_snapshot(repo):
    keys = sorted(k.to_user_string() for k in repo.asset_graph.get_all_asset_keys())
    assert keys == EXPECTED_ASSET_KEYS


def test_check_names_snapshot_and_all_blocking(repo):
    specs = [s for a in repo.asset_graph.assets_defs for s in a.check_specs]
    assert sorted(s.key.to_user_string() for s in specs) == EXPECTED_CHECKS
    assert all(s.blocking for s in specs)
    assert all(s.description for s in specs)


def test_job_and_sensor_names_snapshot(repo):
    jobs = sorted(j.name for j in repo.get_all_jobs() if not j.name.startswith("__"))
    assert jobs == EXPECTED_JOBS
    assert sorted(s.name for s in repo.sensor_defs) == EXPECTED_SENSORS
    for s in repo.sensor_defs:
        assert s.default_status == dg.DefaultSensorStatus.RUNNING
        assert s.description


def test_every_asset_explains_itself(repo):
    specs = defs.resolve_all_asset_specs()
    assert len(specs) == len(EXPECTED_ASSET_KEYS)
    for s in specs:
        name = s.key.to_user_string()
        assert s.group_name and s.group_name != "default", name
        assert s.owners, name
        assert s.kinds, name
        assert s.description and len(s.description) > 40, name
        ds = s.key.path[0]
        if ds in DATASETS:
            assert s.group_name == ds, name
            assert s.tags.get("dataset") == ds, name


def test_dataset_chain_and_partitions(repo):
    g = repo.asset_graph
    for ds in DATASETS:
        for up, down in zip(STAGES, STAGES[1:], strict=False):
            parents = g.get(dg.AssetKey([ds, down])).parent_keys
            assert dg.AssetKey([ds, up]) in parents, f"{ds}: {up} -> {down}"
        for st in ("raw", "standardized", "deidentified"):
            p = g.get(dg.AssetKey([ds, st])).partitions_def
            assert isinstance(p, dg.DynamicPartitionsDefinition) and p.name == f"{ds}_exports"
        assert g.get(dg.AssetKey([ds, "validated"])).partitions_def is None
    assert {dg.AssetKey([ds, "release"]) for ds in DATASETS} <= g.get(dg.AssetKey(["site"])).parent_keys


def test_secret_comes_from_envvar_not_from_import():
    """The pseudonym key is an EnvVar: the UI shows the variable's name, never its value."""
    res = defs.resources["redaction"]
    field = res.__dict__.get("pseudonym_key")
    assert isinstance(field, dg.EnvVar)
    assert str(field.env_var_name) == "OSD_PSEUDONYM_KEY"


def test_publish_job_takes_a_release_note(repo):
    job = repo.get_job("stops_publish")
    cfg = job.run_config_schema.config_type.fields["ops"].config_type.fields
    assert "stops__release" in cfg
    retract = repo.get_job("retract_job")
    ops = retract.run_config_schema.config_type.fields["ops"].config_type.fields
    fields = ops["retract_version"].config_type.fields["config"].config_type.fields
    assert set(fields) == {"reason"} and fields["reason"].is_required  # the version is chosen, not typed
    parts = retract.partitions_def
    assert isinstance(parts, dg.DynamicPartitionsDefinition) and parts.name == "published_versions"


def test_launching_a_publish_asks_for_nothing_but_the_note(repo):
    """Where to publish is the deployment's business: no resource of the publish job has a field to fill in."""
    for ds in DATASETS:
        fields = repo.get_job(f"{ds}_publish").run_config_schema.config_type.fields
        resources = fields["resources"].config_type.fields
        assert not fields["resources"].is_required and not any(r.is_required for r in resources.values())
        for name in ("private_store", "publisher"):  # where to read and publish: the deployment's variables
            config = resources[name].config_type.fields.get("config")
            assert config is None or not config.config_type.fields, (ds, name, list(config.config_type.fields))
        ops = fields["ops"].config_type.fields
        required = {op for op, f in ops.items() if f.is_required}
        assert required == {f"{ds}__release"}
        assert set(ops[f"{ds}__release"].config_type.fields["config"].config_type.fields) == {"note"}


# ------------------------------------------------------------------------------------------------ inbox sensor


@pytest.fixture
def inbox(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    samplegen.generate(inbox, rows=12, seed=3, sources=["rivertown_stops", "lakeview_complaints"])
    (inbox / "mystery_export.csv").write_text("Foo,Bar\n1,2\n")
    (inbox / ".partial_upload.csv").write_text("Foo\n")  # hidden files are never picked up
    monkeypatch.setenv("OSD_INBOX", str(inbox))
    monkeypatch.setenv("OSD_PRIVATE", str(tmp_path / "private"))
    monkeypatch.setenv("OSD_PSEUDONYM_KEY", "definitions-test-key")
    for var in ("OSD_INBOX_S3_BUCKET", "OSD_PRIVATE_S3_BUCKET"):
        monkeypatch.delenv(var, raising=False)
    return inbox


def _evaluate(instance: dg.DagsterInstance, cursor: str | None) -> dg.SensorResult:
    sensor = defs.get_repository_def().get_sensor_def("inbox_sensor")
    ctx = dg.build_sensor_context(instance=instance, cursor=cursor)
    res = sensor(ctx)
    assert isinstance(res, dg.SensorResult), res
    return res


def _run_key(path, source: str) -> str:
    spec = next(s for s in load_specs() for src in s.sources if src.name == source)
    return inbox_lib.key_for(spec, spec.source(source), path, path.name).run_key


def test_inbox_sensor_requests_each_new_file_once(inbox):
    instance = dg.DagsterInstance.ephemeral()
    stops = inbox / "rivertown_stops.csv"
    complaints = inbox / "lakeview_complaints.jsonl"
    res = _evaluate(instance, None)
    reqs = {r.partition_key: r for r in res.run_requests or []}
    assert set(reqs) == {stops.name, complaints.name}
    assert reqs[stops.name].run_key == _run_key(stops, "rivertown_stops")
    assert reqs[stops.name].run_key.startswith(f"{stops.name}:{file_sha256(stops)}:")
    assert reqs[stops.name].job_name == "stops_ingest"
    assert reqs[complaints.name].job_name == "complaints_ingest"
    assert reqs[stops.name].tags["source"] == "rivertown_stops"
    added = {r.partitions_def_name: list(r.partition_keys) for r in res.dynamic_partitions_requests or []}
    assert added == {"stops_exports": [stops.name], "complaints_exports": [complaints.name]}
    cursor = json.loads(res.cursor or "{}")
    assert cursor["files"] == {stops.name: file_sha256(stops), complaints.name: file_sha256(complaints)}

    # the unknown export: moved to rejected/ with its reason (by name, codes only), never requested
    assert not (inbox / "mystery_export.csv").exists()
    assert (inbox / "rejected" / "mystery_export.csv").read_text() == "Foo,Bar\n1,2\n"
    reason = (inbox / "rejected" / "mystery_export.csv.reason.txt").read_text()
    assert "mystery_export.csv" in reason and "matches no source contract" in reason
    assert (inbox / ".partial_upload.csv").exists()

    # second evaluation with the returned cursor: nothing new
    again = _evaluate(instance, res.cursor)
    assert not again.run_requests
    assert not again.dynamic_partitions_requests
    assert json.loads(again.cursor or "{}") == cursor

    # the same file with new content: one new request under a new run_key, same partition
    os.utime(stops, None)
    stops.write_bytes(stops.read_bytes() + b"\r\n")
    third = _evaluate(instance, res.cursor)
    assert [r.partition_key for r in third.run_requests or []] == [stops.name]
    (req,) = third.run_requests or []
    assert req.run_key == _run_key(stops, "rivertown_stops") != reqs[stops.name].run_key


def test_inbox_sensor_skips_partition_request_when_partition_exists(inbox):
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("stops_exports", ["rivertown_stops.csv"])
    res = _evaluate(instance, None)
    added = {r.partitions_def_name: list(r.partition_keys) for r in res.dynamic_partitions_requests or []}
    assert "stops_exports" not in added
    assert len(res.run_requests or []) == 2


def test_inbox_sensor_with_empty_or_missing_inbox(tmp_path, monkeypatch):
    monkeypatch.setenv("OSD_INBOX", str(tmp_path / "nowhere"))
    monkeypatch.setenv("OSD_PRIVATE", str(tmp_path / "private"))
    monkeypatch.setenv("OSD_PSEUDONYM_KEY", "definitions-test-key")
    monkeypatch.delenv("OSD_INBOX_S3_BUCKET", raising=False)
    res = _evaluate(dg.DagsterInstance.ephemeral(), None)
    assert not res.run_requests


# ------------------------------------------------------------------------------------------------ publishing is an act


def test_release_requires_a_note(repo):
    """The Launchpad cannot start a publish run without a note: the config field is required."""
    cfg = repo.get_job("stops_publish").run_config_schema.config_type.fields["ops"].config_type.fields
    note = cfg["stops__release"].config_type.fields["config"].config_type.fields["note"]
    assert note.is_required and note.description


@pytest.mark.parametrize("note", ["", "   \n"])
def test_blank_release_note_publishes_nothing(tmp_path, monkeypatch, note):
    monkeypatch.setenv("OSD_PRIVATE", str(tmp_path / "private"))
    monkeypatch.setenv("OSD_PUBLIC", str(tmp_path / "public"))
    for var in ("OSD_S3_BUCKET", "OSD_PRIVATE_S3_BUCKET"):
        monkeypatch.delenv(var, raising=False)
    release = defs.resolve_assets_def(dg.AssetKey(["stops", "release"]))
    res = dg.materialize(
        [release],
        selection=[dg.AssetKey(["stops", "release"])],
        run_config={"ops": {"stops__release": {"config": {"note": note}}}},
        raise_on_error=False,
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert not res.success
    failure = next(e for e in res.all_events if e.is_step_failure)
    error = failure.event_specific_data.error
    assert "a release note is required" in error.message + str(error.cause and error.cause.message)
    assert not (tmp_path / "public").exists() or not any((tmp_path / "public").rglob("*.csv"))


# ------------------------------------------------------------------------------------------------ S3 inbox

pytest_plugins = ["tests.s3server"]  # seaweed_s3 (a real S3 server, SeaweedFS) and s3_bucket


@pytest.mark.slow
def test_s3_inbox_is_staged_once_then_handled_like_the_folder(tmp_path, monkeypatch, seaweed_s3, s3_bucket):
    gen = tmp_path / "gen"
    (stops,) = samplegen.generate(gen, rows=12, seed=3, sources=["rivertown_stops"])
    client = seaweed_s3.client()
    client.put_object(Bucket=s3_bucket, Key=f"drop/{stops.name}", Body=stops.read_bytes())
    client.put_object(Bucket=s3_bucket, Key="drop/mystery_export.csv", Body=b"Foo,Bar\n1,2\n")
    client.put_object(Bucket=s3_bucket, Key="drop/archive/old.csv", Body=b"x\n")  # sub-folders are not staged
    client.put_object(Bucket=s3_bucket, Key="elsewhere.csv", Body=b"x\n")  # outside the prefix
    inbox = tmp_path / "inbox"
    monkeypatch.delenv("OSD_PRIVATE_S3_BUCKET", raising=False)
    for var, value in {
        "OSD_INBOX": str(inbox), "OSD_PRIVATE": str(tmp_path / "private"), "OSD_PSEUDONYM_KEY": "s3-inbox-key", "OSD_INBOX_S3_BUCKET": s3_bucket, "OSD_INBOX_S3_PREFIX": "drop/",
        "OSD_INBOX_S3_ENDPOINT_URL": seaweed_s3.endpoint_url, "OSD_S3_REGION": seaweed_s3.region,
        "AWS_ACCESS_KEY_ID": seaweed_s3.access_key, "AWS_SECRET_ACCESS_KEY": seaweed_s3.secret_key,
    }.items():
        monkeypatch.setenv(var, value)
    instance = dg.DagsterInstance.ephemeral()

    res = _evaluate(instance, None)
    (req,) = res.run_requests or []
    assert req.partition_key == stops.name and req.job_name == "stops_ingest"
    assert req.run_key == _run_key(inbox / stops.name, "rivertown_stops")
    assert (inbox / stops.name).read_bytes() == stops.read_bytes()
    assert (inbox / "rejected" / "mystery_export.csv").exists()
    assert sorted(p.name for p in inbox.iterdir()) == ["rejected", stops.name]  # no partial downloads left

    again = _evaluate(instance, res.cursor)  # the rejected object is not fetched again
    assert not again.run_requests
    assert not (inbox / "mystery_export.csv").exists()

    client.put_object(Bucket=s3_bucket, Key=f"drop/{stops.name}", Body=stops.read_bytes() + b"\r\n")
    third = _evaluate(instance, again.cursor)
    (req3,) = third.run_requests or []
    assert req3.partition_key == stops.name and req3.run_key != req.run_key
