"""A publish killed (SIGKILL) at every write boundary, locally and on S3 (SeaweedFS), the S3 server itself killed
mid-publish, and the CLI killed mid-publish, each followed by a corrected export: the next publish succeeds, the
reader view stays consistent, nothing unlisted stays public (no partial version, no temporary file, no unfinished
multipart upload, no lease)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from pipelines.publishing import LocalPublisher, Publisher, S3Publisher, csv_bytes, list_versions
from tests.test_publishing import (
    DS,
    FaultyPublisher,
    assert_nothing_unlisted,
    assert_reader_view_consistent,
    base_schema,
    base_table,
    release,
)

if TYPE_CHECKING:
    from tests.s3server import SeaweedS3

pytest_plugins = ["tests.s3server"]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
REPO = Path(__file__).resolve().parent.parent

# The child publishes base_table(8) and kills itself at the n-th write boundary: locally right before the n-th
# link/rename of a written temporary file (the temporary file stays), on S3 right before the n-th request that
# makes an object appear (put, or completing a multipart upload: the uploaded parts stay).
CHILD = r"""
import json, os, signal, sys
from pipelines import publishing
from tests.test_publishing import base_schema, base_table, release

cfg = json.loads(sys.argv[1])
calls = [0]

def killing(fn):
    def wrapped(*a, **kw):
        calls[0] += 1
        if calls[0] == cfg["n"]:
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*a, **kw)
    return wrapped

if cfg["kind"] == "local":
    os.link, os.replace = killing(os.link), killing(os.replace)
    pub = publishing.LocalPublisher(cfg["root"])
else:
    pub = publishing.S3Publisher(cfg["bucket"], prefix=cfg["prefix"], endpoint_url=cfg["endpoint"],
                                 region=cfg["region"], access_key_id=cfg["key"], secret_access_key=cfg["secret"],
                                 multipart_threshold=1)
    client = pub.client
    client.put_object = killing(client.put_object)
    client.complete_multipart_upload = killing(client.complete_multipart_upload)
release(pub, base_table(8), base_schema())
print("completed")
"""


def _kill_at_each_boundary(cfg: dict, make_pub, check_clean) -> int:
    """Returns the number of boundaries a publish was killed at."""
    killed = 0
    for n in range(1, 60):
        tag = f"k{n}-{uuid.uuid4().hex[:6]}"
        pub: Publisher = make_pub(tag)
        release(pub, base_table(5), base_schema())
        p = subprocess.run([sys.executable, "-c", CHILD, json.dumps({**cfg(tag), "n": n})], cwd=REPO,
                           env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=120)
        if p.returncode == 0:
            assert "completed" in p.stdout
            return killed
        assert p.returncode == -9, p.stderr[-2000:]
        killed += 1
        before = [e["version"] for e in list_versions(pub, DS)]
        # the corrected export publishes, whatever the killed publish left
        corrected = base_table(9)
        _, res = release(pub, corrected, base_schema())
        assert res.created and res.version == ("1.1.0" if before == ["1.0.0"] else "1.2.0"), (n, before)
        assert assert_reader_view_consistent(pub) == res.version
        assert pub.get(f"{res.path}{DS}.csv") == csv_bytes(corrected, base_schema())
        assert_nothing_unlisted(pub)
        check_clean(pub, tag)
    raise AssertionError("the child never completed")


def test_killed_local_publish_then_corrected_export(tmp_path: Path) -> None:
    def clean(pub: Publisher, tag: str) -> None:
        assert [p.name for p in (tmp_path / tag).rglob("*.tmp-*")] == []

    killed = _kill_at_each_boundary(lambda tag: {"kind": "local", "root": str(tmp_path / tag)},
                                    lambda tag: LocalPublisher(tmp_path / tag), clean)
    assert killed >= 10  # lease + 7 release files + versions.json + latest.json


def test_killed_s3_publish_then_corrected_export(seaweed_s3: SeaweedS3) -> None:
    bucket = seaweed_s3.new_bucket(versioned=True)

    def cfg(tag: str) -> dict:
        return {"kind": "s3", "bucket": bucket, "prefix": tag, "endpoint": seaweed_s3.endpoint_url,
                "region": seaweed_s3.region, "key": seaweed_s3.access_key, "secret": seaweed_s3.secret_key}

    def make(tag: str) -> S3Publisher:
        return S3Publisher(bucket, prefix=tag, endpoint_url=seaweed_s3.endpoint_url, region=seaweed_s3.region,
                           access_key_id=seaweed_s3.access_key, secret_access_key=seaweed_s3.secret_key)

    def clean(pub: Publisher, tag: str) -> None:
        assert isinstance(pub, S3Publisher)
        ups = pub.client.list_multipart_uploads(Bucket=bucket, Prefix=tag + "/").get("Uploads", [])
        assert ups == []

    killed = _kill_at_each_boundary(cfg, make, clean)
    assert killed >= 10


def test_pipeline_killed_mid_publish_then_corrected_export(tmp_path: Path) -> None:
    """End to end through the CLI: the publish of complaints is killed after its CSV was written; the agency then
    sends a corrected export under the same name; the next run publishes it as 1.0.0 and nothing unlisted stays."""
    import demo as samplegen
    from tests.e2e_helpers import make_env

    env = make_env(tmp_path / "e2e")
    first = samplegen.generate(env.inbox, rows=300, seed=21, sources=["harbor_city_complaints"])[0]
    env.env["OSD_FAULT_PUBLISH_BEFORE"] = "complaints.parquet"
    killed = env.run("run", "--note", "first")
    assert killed.returncode == -9, killed.stderr[-2000:]
    pub = LocalPublisher(env.public)
    assert pub.list("datasets/complaints/") == ["datasets/complaints/v1.0.0/complaints.csv"]  # the partial file
    del env.env["OSD_FAULT_PUBLISH_BEFORE"]
    corrected = samplegen.generate(tmp_path / "gen", rows=280, seed=22, sources=["harbor_city_complaints"])[0]
    corrected.replace(first)
    again = env.run("run", "--note", "corrected")
    assert again.returncode == 0, again.stderr[-3000:]
    versions = list_versions(pub, "complaints")
    assert [(v["version"], v["status"]) for v in versions] == [("1.0.0", "published")]
    prov = json.loads(pub.get("datasets/complaints/v1.0.0/provenance.json") or b"{}")
    assert [e["fate"] for e in prov["exports"]] == ["published"] and prov["counts"]["ingested"] == 280
    assert_nothing_unlisted(pub, "complaints")
    assert assert_reader_view_consistent(pub, "complaints") == "1.0.0"
    assert [p.name for p in env.public.rglob("*.tmp-*")] == []
    # the run the kill left `STARTED` was marked failed by the next start: nothing stuck
    q = env.run_python("import json, dagster as dg; i = dg.DagsterInstance.get(); "
                       "print(json.dumps(sorted((r.job_name, r.status.value) for r in i.get_runs())))")
    runs = [tuple(r) for r in json.loads(q.stdout.strip().splitlines()[-1])]
    assert ("complaints_publish", "FAILURE") in runs and not [r for r in runs if r[1] in ("STARTED", "STARTING")]


class Outage(FaultyPublisher):
    """Kills the S3 server (SIGKILL) right before the ``fail_at``-th write."""

    def __init__(self, inner: Publisher, fail_at: int, server: SeaweedS3) -> None:
        super().__init__(inner, fail_at)
        self.server = server

    def put(self, key: str, data: bytes, **kw: Any) -> None:
        self.writes += 1
        if self.writes == self.fail_at:
            os.killpg(self.server.proc.pid, signal.SIGKILL)
            self.server.proc.wait(timeout=30)
        self.inner.put(key, data, **kw)


def test_s3_outage_mid_publish_then_corrected_export(tmp_path: Path) -> None:
    """The S3 server itself dies (SIGKILL) in the middle of a publish, at a file, at versions.json and at
    latest.json; once it is back (same data), the corrected export publishes and nothing unlisted stays."""
    from tests.s3server import SeaweedS3, weed_binary

    if weed_binary() is None:
        pytest.skip("SeaweedFS weed binary not installed")
    server = SeaweedS3.start(tmp_path / "weed")
    try:
        bucket = server.new_bucket(versioned=True)

        def pub_for(s: SeaweedS3, prefix: str, **kw) -> S3Publisher:
            return S3Publisher(bucket, prefix=prefix, endpoint_url=s.endpoint_url, region=s.region,
                               access_key_id=s.access_key, secret_access_key=s.secret_key, **kw)

        for n, expected in ((3, "1.1.0"), (9, "1.1.0"), (10, "1.2.0")):  # before a data file, versions.json, latest.json
            prefix = f"outage{n}"
            release(pub_for(server, prefix), base_table(5), base_schema())

            failing = pub_for(server, prefix, max_attempts=1, connect_timeout=1, read_timeout=5)
            with pytest.raises(Exception):  # noqa: B017 - whatever the client raises when the server is gone
                release(Outage(failing, n, server), base_table(8), base_schema())
            server = SeaweedS3.start(tmp_path / "weed")  # the same data folder, new ports
            pub = pub_for(server, prefix)
            corrected = base_table(9)
            _, res = release(pub, corrected, base_schema())
            assert res.version == expected
            assert assert_reader_view_consistent(pub) == expected
            assert pub.get(f"{res.path}{DS}.csv") == csv_bytes(corrected, base_schema())
            assert_nothing_unlisted(pub)
    finally:
        server.stop()


RELEASE_FILES = ["complaints.csv", "complaints.parquet", "datapackage.json", "provenance.json", "changes.json",
                 "CHANGES.md", "SHA256SUMS", "versions.json"]  # every write before the version is listed


@pytest.mark.parametrize("target", ["local", "s3"])
def test_pipeline_killed_at_every_release_file_then_corrected_export(tmp_path: Path, target: str,
                                                                     request: pytest.FixtureRequest) -> None:
    """Through the CLI, locally and on S3 (SeaweedFS): the publish is killed (SIGKILL) right before each release
    file in turn, each run resuming what the killed one left; then a corrected export is dropped: the next run
    publishes it as 1.0.0, nothing unlisted is public, no run is left started, nothing is stuck."""
    import demo as samplegen
    from tests.e2e_helpers import make_env

    env = make_env(tmp_path / "e2e")
    pub: Publisher = LocalPublisher(env.public)
    if target == "s3":
        s3 = request.getfixturevalue("seaweed_s3")
        bucket = s3.new_bucket(versioned=True)
        env.env.update(s3.env(bucket, "pub"), NO_PROXY="127.0.0.1,localhost",
                       no_proxy="127.0.0.1,localhost")  # the local SeaweedFS is reached directly, nothing else
        pub = S3Publisher(bucket, prefix="pub", endpoint_url=s3.endpoint_url, region=s3.region,
                          access_key_id=s3.access_key, secret_access_key=s3.secret_key)
    first = samplegen.generate(env.inbox, rows=300, seed=23, sources=["harbor_city_complaints"])[0]
    for name in RELEASE_FILES:
        env.env["OSD_FAULT_PUBLISH_BEFORE"] = name
        killed = env.run("run", "--note", f"killed before {name}")
        assert killed.returncode == -9, (name, killed.stderr[-2000:])
    del env.env["OSD_FAULT_PUBLISH_BEFORE"]
    assert list_versions(pub, "complaints") == []  # nothing listed: the killed publishes are invisible
    corrected = samplegen.generate(tmp_path / "gen", rows=280, seed=24, sources=["harbor_city_complaints"])[0]
    corrected.replace(first)
    again = env.run("run", "--note", "corrected")
    assert again.returncode == 0, again.stderr[-3000:]
    assert [(v["version"], v["status"]) for v in list_versions(pub, "complaints")] == [("1.0.0", "published")]
    prov = json.loads(pub.get("datasets/complaints/v1.0.0/provenance.json") or b"{}")
    assert prov["counts"]["ingested"] == 280
    assert_nothing_unlisted(pub, "complaints")
    assert assert_reader_view_consistent(pub, "complaints") == "1.0.0"
    assert not [k for k in pub.list("datasets/complaints/") if ".tmp-" in k or "lease" in k]
    q = env.run_python("import json, dagster as dg; i = dg.DagsterInstance.get(); "
                       "print(json.dumps([r.status.value for r in i.get_runs()]))")
    statuses = json.loads(q.stdout.strip().splitlines()[-1])
    assert statuses.count("FAILURE") >= len(RELEASE_FILES) and "STARTED" not in statuses


@pytest.mark.parametrize("target", ["local", "s3"])
def test_pipeline_killed_between_listing_and_latest_then_rerun(tmp_path: Path, target: str,
                                                               request: pytest.FixtureRequest) -> None:
    """Killed after versions.json lists the version but before latest.json points at it: the version is
    published and complete (listed only after every file verified); the next run, with nothing new, repairs
    latest.json, and no run stays started."""
    import demo as samplegen
    from tests.e2e_helpers import make_env

    env = make_env(tmp_path / "e2e")
    pub: Publisher = LocalPublisher(env.public)
    if target == "s3":
        s3 = request.getfixturevalue("seaweed_s3")
        bucket = s3.new_bucket(versioned=True)
        env.env.update(s3.env(bucket, "pub"), NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
        pub = S3Publisher(bucket, prefix="pub", endpoint_url=s3.endpoint_url, region=s3.region,
                          access_key_id=s3.access_key, secret_access_key=s3.secret_key)
    samplegen.generate(env.inbox, rows=300, seed=23, sources=["harbor_city_complaints"])
    env.env["OSD_FAULT_PUBLISH_BEFORE"] = "latest.json"
    killed = env.run("run", "--note", "killed before latest.json")
    assert killed.returncode == -9, killed.stderr[-2000:]
    del env.env["OSD_FAULT_PUBLISH_BEFORE"]
    assert [(v["version"], v["status"]) for v in list_versions(pub, "complaints")] == [("1.0.0", "published")]
    assert pub.get("datasets/complaints/latest.json") is None
    again = env.run("run", "--note", "rerun")
    assert again.returncode == 0, again.stderr[-3000:]
    assert json.loads(pub.get("datasets/complaints/latest.json") or b"{}").get("version") == "1.0.0"
    assert assert_reader_view_consistent(pub, "complaints") == "1.0.0"
    assert_nothing_unlisted(pub, "complaints")
    q = env.run_python("import json, dagster as dg; i = dg.DagsterInstance.get(); "
                       "print(json.dumps([r.status.value for r in i.get_runs()]))")
    assert "STARTED" not in json.loads(q.stdout.strip().splitlines()[-1])
