"""The private store: raw Parquet, standardized and de-identified partitions, quarantine, candidates.

Nothing under it is ever published. It is a folder (`OSD_PRIVATE`) or, for production, an S3 prefix
(`OSD_PRIVATE_S3_BUCKET` / `OSD_PRIVATE_S3_PREFIX`), both through `pyarrow.fs`, so the pipeline code is the same.
Writes are atomic on local disk (write to a temporary name, then rename).
"""

from __future__ import annotations

import io
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from pipelines import config


@dataclass
class PrivateStore:
    """A private store rooted at `root` on a pyarrow filesystem."""

    fs: pafs.FileSystem
    root: str

    @classmethod
    def local(cls, base: str | Path) -> PrivateStore:
        base = Path(base).resolve()
        base.mkdir(parents=True, exist_ok=True)
        return cls(pafs.LocalFileSystem(), str(base))

    @classmethod
    def from_env(cls) -> PrivateStore:
        bucket = os.environ.get("OSD_PRIVATE_S3_BUCKET")
        if bucket:
            fs = pafs.S3FileSystem(
                endpoint_override=os.environ.get("OSD_S3_ENDPOINT_URL"),
                region=os.environ.get("OSD_S3_REGION", "us-east-1"),
                connect_timeout=10,
                request_timeout=60,
            )
            prefix = os.environ.get("OSD_PRIVATE_S3_PREFIX", "").strip("/")
            return cls(fs, f"{bucket}/{prefix}".rstrip("/"))
        return cls.local(config.private_dir())

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, pafs.LocalFileSystem)

    def path(self, key: str) -> str:
        return f"{self.root}/{key.lstrip('/')}"

    def _put(self, key: str, data: bytes) -> None:
        dest = self.path(key)
        parent = dest.rsplit("/", 1)[0]
        self.fs.create_dir(parent, recursive=True)
        if self.is_local:
            tmp = f"{parent}/.tmp-{uuid.uuid4().hex}"
            with self.fs.open_output_stream(tmp) as out:
                out.write(data)
            os.replace(tmp, dest)
        else:
            with self.fs.open_output_stream(dest) as out:
                out.write(data)

    def exists(self, key: str) -> bool:
        return self.fs.get_file_info(self.path(key)).type != pafs.FileType.NotFound

    def write_parquet(self, key: str, table: pa.Table) -> None:
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd")
        self._put(key, buf.getvalue())

    def read_parquet(self, key: str, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.path(key), filesystem=self.fs, columns=columns)

    def write_json(self, key: str, data: Any) -> None:
        self._put(key, json.dumps(data, indent=2, sort_keys=True, default=str).encode())

    def read_json(self, key: str, default: Any = None) -> Any:
        if not self.exists(key):
            return default
        with self.fs.open_input_stream(self.path(key)) as fh:
            return json.loads(fh.read())

    def write_bytes(self, key: str, data: bytes) -> None:
        self._put(key, data)

    def list(self, prefix: str) -> list[str]:
        """Keys (relative to the root) of files directly under `prefix`."""
        sel = pafs.FileSelector(self.path(prefix), allow_not_found=True, recursive=False)
        n = len(self.root) + 1
        return sorted(i.path[n:] for i in self.fs.get_file_info(sel) if i.type == pafs.FileType.File)

    def delete(self, key: str) -> None:
        if self.exists(key):
            self.fs.delete_file(self.path(key))
