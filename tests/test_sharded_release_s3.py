"""Sharded releases on real S3 (SeaweedFS, started by `tests.s3server`): a publish killed before a shard's file or
before versions.json lists nothing partial and the rerun completes it; a resent shard's version carries the other
shard by reference, and every shard reads back from where its resource says it is held, checked against its hash."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import demo
from pipelines.catalog.loader import BUILTIN_DIR
from pipelines.publishing import publisher_from_env, read_json
from tests.reference.release import load_sharded_release
from tests.s3server import SeaweedS3
from tests.test_sharded_release import _PUBLISH, _prepare, _prepare_release, two_agencies  # noqa: F401 - fixture

pytest_plugins = ["tests.s3server"]  # fixtures seaweed_s3 (session server) and s3_bucket
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.mark.parametrize("fault", ["stops.parquet", "versions.json"])
def test_a_sharded_release_on_s3_survives_a_kill_and_carries_unchanged_shards(two_agencies, seaweed_s3: SeaweedS3,  # noqa: F811
                                                                              monkeypatch: pytest.MonkeyPatch,
                                                                              fault: str) -> None:
    from pipelines.stages import CHECK_NAMES
    from pipelines.stages import shard_release as sr
    from pipelines.stages import shards as sh

    spec, store, parts, tmp = two_agencies
    bucket = seaweed_s3.new_bucket(versioned=True)
    s3env = seaweed_s3.env(bucket, prefix="sharded")
    for k, v in s3env.items():
        monkeypatch.setenv(k, v)
    pub = publisher_from_env()
    sh.assemble_shards(store, spec, parts)
    for name in CHECK_NAMES:
        assert sh.run_shard_check(name, store, spec).passed
    sr.preview_shards(store, pub, spec)
    base = {k: v for k, v in os.environ.items() if not k.startswith("OSD_")} | s3env
    killed = subprocess.run([sys.executable, "-c", _PUBLISH, str(tmp)], env={**base, "OSD_FAULT_PUBLISH_BEFORE": fault},
                            cwd=BUILTIN_DIR.parent.parent, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert read_json(pub, "datasets/stops/latest.json") is None
    assert not (read_json(pub, "datasets/stops/versions.json") or {}).get("versions")
    done = subprocess.run([sys.executable, "-c", _PUBLISH, str(tmp)], env=base, cwd=BUILTIN_DIR.parent.parent,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert read_json(pub, "datasets/stops/latest.json")["version"] == "1.0.0"
    v1 = load_sharded_release(pub, "stops", "1.0.0")
    _prepare(store, spec, demo.generate(tmp / "in2", rows=300, seed=9, sources=["lakeview_stops"]))
    _, pv, rel = _prepare_release(store, spec, parts, pub, "Lakeview resent")
    v2 = load_sharded_release(pub, "stops", "2.0.0")
    (carried,) = pv.plan.carried
    assert rel.version == "2.0.0" and v2[carried].equals(v1[carried])
    assert not [k for k in pub.list("datasets/stops/v2.0.0/") if f"/{carried}/" in k]  # no copy
