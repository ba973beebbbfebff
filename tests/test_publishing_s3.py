"""pipelines.publishing against a real S3 server (SeaweedFS ``weed mini``): conditional writes, multipart,
presigned URLs, object versions, retraction, crash recovery."""

from __future__ import annotations

import os
import threading
import urllib.request
import uuid
from typing import TYPE_CHECKING

import pytest

from pipelines.publishing import (
    KeyExistsError,
    PreconditionFailedError,
    S3Publisher,
    publisher_from_env,
    read_json,
    retract,
    sha256_hex,
)
from tests.test_publishing import (
    DS,
    NOW,
    assert_reader_view_consistent,
    base_schema,
    base_table,
    release,
    run_fault_injection,
    run_fault_injection_then_corrected,
)

if TYPE_CHECKING:
    from tests.s3server import SeaweedS3

pytest_plugins = ["tests.s3server"]  # fixtures seaweed_s3 (session server) and s3_bucket
pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def make_pub(server: SeaweedS3, bucket: str, prefix: str = "", **kw) -> S3Publisher:
    return S3Publisher(bucket, prefix=prefix, endpoint_url=server.endpoint_url, region=server.region,
                       access_key_id=server.access_key, secret_access_key=server.secret_key, **kw)


def test_server_honours_conditional_writes(seaweed_s3: SeaweedS3, s3_bucket: str) -> None:
    """Don't assume: If-None-Match must refuse a second create, also under a race; If-Match must compare."""
    c = seaweed_s3.client()
    first = c.put_object(Bucket=s3_bucket, Key="k", Body=b"1", IfNoneMatch="*")
    with pytest.raises(c.exceptions.ClientError) as exc:
        c.put_object(Bucket=s3_bucket, Key="k", Body=b"2", IfNoneMatch="*")
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 412
    with pytest.raises(c.exceptions.ClientError) as exc:
        c.put_object(Bucket=s3_bucket, Key="k", Body=b"2", IfMatch='"00000000000000000000000000000000"')
    assert exc.value.response["ResponseMetadata"]["HTTPStatusCode"] == 412
    c.put_object(Bucket=s3_bucket, Key="k", Body=b"3", IfMatch=first["ETag"])
    assert c.get_object(Bucket=s3_bucket, Key="k")["Body"].read() == b"3"

    results: list[str] = []
    barrier = threading.Barrier(6)

    def writer(i: int) -> None:
        client = seaweed_s3.client()
        barrier.wait()
        try:
            client.put_object(Bucket=s3_bucket, Key="race", Body=str(i).encode(), IfNoneMatch="*")
            results.append(f"ok{i}")
        except client.exceptions.ClientError as e:
            results.append(str(e.response["ResponseMetadata"]["HTTPStatusCode"]))

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [r for r in results if r.startswith("ok")]
    assert len(winners) == 1 and results.count("412") == 5
    assert c.get_object(Bucket=s3_bucket, Key="race")["Body"].read() == winners[0][2:].encode()


def test_publisher_primitives(seaweed_s3: SeaweedS3, s3_bucket: str) -> None:
    pub = make_pub(seaweed_s3, s3_bucket, prefix="root/")
    assert pub.get("a/x.json") is None and not pub.exists("a/x.json")
    pub.put("a/x.json", b"{}", content_type="application/json", create_only=True)
    assert pub.get("a/x.json") == b"{}" and pub.exists("a/x.json")
    with pytest.raises(KeyExistsError):
        pub.put("a/x.json", b"[]", create_only=True)
    got = pub.get_with_etag("a/x.json")
    assert got is not None
    pub.put("a/x.json", b"[1]", if_match=got[1])
    with pytest.raises(PreconditionFailedError):
        pub.put("a/x.json", b"[2]", if_match=got[1])
    assert pub.get("a/x.json") == b"[1]"
    pub.put("a/y.txt", b"y")
    assert pub.list("a/") == ["a/x.json", "a/y.txt"]
    raw = seaweed_s3.client().list_objects_v2(Bucket=s3_bucket)["Contents"]
    assert {o["Key"] for o in raw} == {"root/a/x.json", "root/a/y.txt"}


def test_multipart_upload_and_presigned_download(seaweed_s3: SeaweedS3, s3_bucket: str) -> None:
    pub = make_pub(seaweed_s3, s3_bucket)
    data = os.urandom(9 * 1024 * 1024 + 123)  # > 8 MB: two parts
    pub.put("big/blob.bin", data, create_only=True)
    head = seaweed_s3.client().head_object(Bucket=s3_bucket, Key="big/blob.bin")
    assert head["ETag"].strip('"').endswith("-2")  # a multipart ETag
    assert head["ContentLength"] == len(data)
    assert sha256_hex(pub.get("big/blob.bin") or b"") == sha256_hex(data)
    with pytest.raises(KeyExistsError):
        pub.put("big/blob.bin", data[:100] + data, create_only=True)
    with urllib.request.urlopen(pub.presigned_url("big/blob.bin", expires_in=300), timeout=30) as resp:
        assert sha256_hex(resp.read()) == sha256_hex(data)


def test_put_file_streams_a_multipart_upload_from_disk(seaweed_s3: SeaweedS3, s3_bucket: str, tmp_path) -> None:
    """A release file bigger than the threshold is uploaded part by part from disk, verified by sha256, and
    create-only like any version file; get_to_file and sha256_of stream it back."""
    pub = make_pub(seaweed_s3, s3_bucket, multipart_threshold=5 * 1024 * 1024)
    src = tmp_path / "big.csv"
    src.write_bytes(os.urandom(11 * 1024 * 1024 + 7))  # two parts of 8 MB at most
    pub.put_file("v/big.csv", src, content_type="text/csv", create_only=True)
    head = seaweed_s3.client().head_object(Bucket=s3_bucket, Key="v/big.csv")
    assert head["ETag"].strip('"').endswith("-2") and head["ContentType"] == "text/csv"
    want = sha256_hex(src.read_bytes())
    assert pub.sha256_of("v/big.csv") == want
    assert pub.get_to_file("v/big.csv", tmp_path / "back.csv") and sha256_hex((tmp_path / "back.csv").read_bytes()) == want
    with pytest.raises(KeyExistsError):
        pub.put_file("v/big.csv", src, create_only=True)
    pub.exists = lambda key: False  # type: ignore[method-assign]  # the server refuses it too
    with pytest.raises(KeyExistsError):
        pub.put_file("v/big.csv", src, create_only=True)
    assert pub.sha256_of("v/missing.csv") is None and not pub.get_to_file("v/missing.csv", tmp_path / "m")


def test_multipart_create_only_refused_by_server(seaweed_s3: SeaweedS3, s3_bucket: str) -> None:
    """CompleteMultipartUpload with If-None-Match: the HEAD pre-check is bypassed to test the server."""
    pub = make_pub(seaweed_s3, s3_bucket, multipart_threshold=5 * 1024 * 1024)
    pub.put("mp.bin", b"a" * 10, create_only=True)
    pub.exists = lambda key: False  # type: ignore[method-assign]
    with pytest.raises(KeyExistsError):
        pub.put("mp.bin", b"b" * (6 * 1024 * 1024), create_only=True)
    assert pub.get("mp.bin") == b"a" * 10


def test_delete_removes_every_object_version(seaweed_s3: SeaweedS3, s3_bucket: str) -> None:
    pub = make_pub(seaweed_s3, s3_bucket)
    for i in range(3):
        pub.put("p.json", str(i).encode())
    seaweed_s3.client().delete_object(Bucket=s3_bucket, Key="p.json")  # leaves a delete marker
    pub.put("p.json", b"last")
    pub.put("p.json.other", b"keep")
    assert len(pub.object_versions("p.json")) >= 4
    pub.delete("p.json")
    assert pub.object_versions("p.json") == []
    assert pub.get("p.json") is None
    assert pub.get("p.json.other") == b"keep"


def test_release_on_s3_reads_back_and_retracts_every_version(seaweed_s3: SeaweedS3,
                                                             s3_bucket: str) -> None:
    pub = make_pub(seaweed_s3, s3_bucket, prefix="public")
    _, r1 = release(pub, base_table(5), base_schema())
    _, r2 = release(pub, base_table(8), base_schema())
    assert (r1.version, r2.version) == ("1.0.0", "1.1.0")
    assert assert_reader_view_consistent(pub) == "1.1.0"
    for name, meta in r2.files.items():
        data = pub.get(f"{r2.path}{name}")
        assert data is not None and sha256_hex(data) == meta["sha256"] and len(data) == meta["bytes"]
    # same content again: no new version, nothing written
    _, again = release(pub, base_table(8), base_schema())
    assert (again.created, again.version) == (False, "1.1.0")

    keys = pub.list(r2.path)
    tomb = retract(pub, DS, "1.1.0", "wrong agency mapping", now=NOW)
    assert tomb["replacement"] == "1.0.0"
    assert pub.list(r2.path) == [f"{r2.path}TOMBSTONE.json"]
    for key in keys:  # no object version left behind on the versioned bucket
        assert pub.object_versions(key) == []
    assert read_json(pub, f"{r2.path}TOMBSTONE.json") == tomb
    assert read_json(pub, f"datasets/{DS}/latest.json")["version"] == "1.0.0"
    assert assert_reader_view_consistent(pub) == "1.0.0"


def test_publisher_from_env_targets_s3(seaweed_s3: SeaweedS3, s3_bucket: str,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for k, v in seaweed_s3.env(s3_bucket, prefix="envtest").items():
        monkeypatch.setenv(k, v)
    pub = publisher_from_env()
    assert isinstance(pub, S3Publisher)
    _, res = release(pub, base_table(3), base_schema())
    raw = seaweed_s3.client().get_object(Bucket=s3_bucket, Key=f"envtest/{res.path}stops.csv")["Body"].read()
    assert sha256_hex(raw) == res.files["stops.csv"]["sha256"]


def test_fault_injection_s3(seaweed_s3: SeaweedS3) -> None:
    bucket = seaweed_s3.new_bucket(versioned=True)
    tested = run_fault_injection(lambda tag: make_pub(seaweed_s3, bucket, prefix=f"{tag}-{uuid.uuid4().hex[:6]}"),
                                 [base_table(4), base_table(6)], base_schema())
    assert tested >= 9


def test_fault_injection_then_corrected_s3(seaweed_s3: SeaweedS3) -> None:
    """A publish failing at each write on S3, then a corrected export: it publishes, nothing unlisted stays."""
    bucket = seaweed_s3.new_bucket(versioned=True)
    tested = run_fault_injection_then_corrected(
        lambda tag: make_pub(seaweed_s3, bucket, prefix=f"{tag}-{uuid.uuid4().hex[:6]}"),
        [base_table(4), base_table(6)], base_table(7), base_schema())
    assert tested >= 18
