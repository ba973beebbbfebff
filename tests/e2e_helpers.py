"""Helpers for end-to-end tests: run the CLI in a subprocess with private temp folders and no network."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Installed as sitecustomize in the child: any connection attempt to a non-loopback address is recorded and
# refused, so a test can assert that the pipeline made none. Proxies point at a dead local port too.
NET_GUARD = r'''
import os, socket
_log = os.environ.get("OSD_NETLOG")
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_gai = socket.getaddrinfo

def _local(addr):
    if isinstance(addr, (str, bytes)):  # unix socket
        return True
    host = str(addr[0])
    return host.startswith("127.") or host in ("::1", "localhost", "0.0.0.0")

def _record(what):
    if _log:
        with open(_log, "a") as fh:
            fh.write(what + "\n")

def connect(self, addr):
    if not _local(addr):
        _record("connect %r" % (addr,))
        raise OSError("network blocked by test")
    return _real_connect(self, addr)

def connect_ex(self, addr):
    if not _local(addr):
        _record("connect_ex %r" % (addr,))
        return 111
    return _real_connect_ex(self, addr)

def getaddrinfo(host, *a, **k):
    if host not in (None, "localhost") and not str(host).startswith("127.") and str(host) != "::1":
        _record("getaddrinfo %r" % (host,))
        raise socket.gaierror("network blocked by test")
    return _real_gai(host, *a, **k)

socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
'''


@dataclass
class Env:
    base: Path
    inbox: Path
    private: Path
    public: Path
    dagster_home: Path
    netlog: Path
    env: dict[str, str]

    def run(self, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pipelines.cli", *args],
            cwd=REPO,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def run_python(self, code: str, timeout: int = 300) -> subprocess.CompletedProcess:
        """Python code in the environment of the CLI runs (same Dagster home, stores and inbox)."""
        return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=self.env, capture_output=True, text=True,
                              timeout=timeout)


def make_env(base: Path, *, extra: dict[str, str] | None = None, block_network: bool = True) -> Env:
    guard = base / "netguard"
    guard.mkdir(parents=True, exist_ok=True)
    (guard / "sitecustomize.py").write_text(NET_GUARD)
    e = Env(
        base=base,
        inbox=base / "inbox",
        private=base / "private",
        public=base / "public",
        dagster_home=base / "dagster_home",
        netlog=base / "netlog.txt",
        env={},
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OSD_", "DAGSTER_"))}
    env.update(
        OSD_INBOX=str(e.inbox),
        OSD_PRIVATE=str(e.private),
        OSD_PUBLIC=str(e.public),
        DAGSTER_HOME=str(e.dagster_home),
        OSD_PSEUDONYM_KEY="e2e-test-key",
        TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="",
        PYTHONUNBUFFERED="1",
    )
    if block_network:
        env.update(
            PYTHONPATH=os.pathsep.join([str(guard), str(REPO)]),
            OSD_NETLOG=str(e.netlog),
            http_proxy="http://127.0.0.1:9",
            https_proxy="http://127.0.0.1:9",
            HTTP_PROXY="http://127.0.0.1:9",
            HTTPS_PROXY="http://127.0.0.1:9",
            ALL_PROXY="http://127.0.0.1:9",
            NO_PROXY="",
        )
    env.update(extra or {})
    e.env = env
    return e
