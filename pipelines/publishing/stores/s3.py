"""``S3Publisher``: the public store on an S3 bucket (AWS or compatible), through the one client factory."""

from __future__ import annotations

import builtins
import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pipelines.publishing.errors import IntegrityError, KeyExistsError, PreconditionFailedError, PublishError
from pipelines.publishing.hashing import file_sha256, sha256_hex
from pipelines.publishing.keys import _check_key
from pipelines.publishing.stores.base import Publisher
from pipelines.storage.s3 import CONNECT_TIMEOUT, MAX_ATTEMPTS, READ_TIMEOUT, s3_client

log = logging.getLogger(__name__)


MULTIPART_THRESHOLD = 8 * 1024 * 1024


MULTIPART_CHUNK = 8 * 1024 * 1024


class S3Publisher(Publisher):
    """Publisher on an S3 bucket (AWS or compatible, e.g. SeaweedFS, MinIO).

    The boto3 client is built lazily at first use; credentials come from the arguments or the standard AWS
    environment/config chain. Create-only writes use ``If-None-Match: *`` (plus a HEAD pre-check, because some
    servers ignore the header); pointer swaps use ``If-Match: <etag>``; objects over 8 MB are uploaded in parts.
    Every write is read back and compared by sha256 unless ``verify=False``.
    """

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        endpoint_url: str | None = None,
        region: str | None = None,
        *,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        verify: bool = True,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        max_attempts: int = MAX_ATTEMPTS,
        multipart_threshold: int = MULTIPART_THRESHOLD,
        multipart_chunk: int = MULTIPART_CHUNK,
    ) -> None:
        if not bucket:
            raise PublishError("S3Publisher needs a bucket")
        self.bucket = bucket
        self.prefix = (prefix.strip("/") + "/") if prefix.strip("/") else ""
        self.endpoint_url = endpoint_url or None
        self.region = region or None
        self._access_key_id = access_key_id
        self._secret_access_key = secret_access_key
        self.verify = verify
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.max_attempts = max_attempts
        self.multipart_threshold = multipart_threshold
        self.multipart_chunk = max(multipart_chunk, 5 * 1024 * 1024)
        self._client: Any = None

    def __repr__(self) -> str:
        return f"S3Publisher(bucket={self.bucket!r}, prefix={self.prefix!r}, endpoint_url={self.endpoint_url!r})"

    @property
    def client(self) -> Any:
        """The boto3 S3 client, built at first use."""
        if self._client is None:
            self._client = s3_client(
                endpoint_url=self.endpoint_url, region=self.region, access_key_id=self._access_key_id,
                secret_access_key=self._secret_access_key, connect_timeout=self.connect_timeout,
                read_timeout=self.read_timeout, max_attempts=self.max_attempts,
            )
        return self._client

    def _full(self, key: str) -> str:
        return self.prefix + _check_key(key)

    @staticmethod
    def _code(exc: Exception) -> tuple[str, int]:
        resp = getattr(exc, "response", None) or {}
        code = str(resp.get("Error", {}).get("Code", ""))
        status = int(resp.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        return code, status

    def _put_raw(self, full: str, data: bytes, extra: dict[str, Any]) -> None:
        if len(data) <= self.multipart_threshold:
            self.client.put_object(Bucket=self.bucket, Key=full, Body=data, **extra)
            return
        chunks = (data[i : i + self.multipart_chunk] for i in range(0, len(data), self.multipart_chunk))
        self._multipart(full, chunks, extra)

    def _multipart(self, full: str, chunks: Iterable[bytes], extra: dict[str, Any]) -> None:
        """A multipart upload of ``chunks``; the conditions in ``extra`` go on the completing request."""
        cond = {k: extra.pop(k) for k in ("IfNoneMatch", "IfMatch") if k in extra}
        mpu = self.client.create_multipart_upload(Bucket=self.bucket, Key=full, **extra)
        upload_id = mpu["UploadId"]
        try:
            parts = []
            for n, chunk in enumerate(chunks, start=1):
                r = self.client.upload_part(
                    Bucket=self.bucket, Key=full, UploadId=upload_id, PartNumber=n, Body=chunk
                )
                parts.append({"ETag": r["ETag"], "PartNumber": n})
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=full, UploadId=upload_id, MultipartUpload={"Parts": parts}, **cond
            )
        except Exception:
            try:
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=full, UploadId=upload_id)
            except Exception:  # noqa: BLE001 - best effort cleanup
                log.warning("could not abort multipart upload for %s", full)
            raise

    def _write(self, key: str, upload: Callable[[str, dict[str, Any]], None], *, content_type: str | None,
               create_only: bool, if_match: str | None = None) -> None:
        """Run ``upload(full key, extra args)`` with the content type and conditions, mapping S3 errors."""
        from botocore.exceptions import ClientError

        extra: dict[str, Any] = {}
        if content_type:
            extra["ContentType"] = content_type
        if create_only:
            if self.exists(key):
                raise KeyExistsError(f"{key} already exists")
            extra["IfNoneMatch"] = "*"
        elif if_match is not None:
            extra["IfMatch"] = if_match
        try:
            upload(self._full(key), extra)
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 412 or code == "PreconditionFailed":
                if create_only:
                    raise KeyExistsError(f"{key} already exists") from None
                raise PreconditionFailedError(f"{key} changed since it was read") from None
            if status == 409 or code == "ConditionalRequestConflict":
                raise PreconditionFailedError(f"{key}: concurrent conditional write") from None
            raise PublishError(f"S3 write failed for {key}: {code or status}") from None

    def put(
        self,
        key: str,
        data: bytes,
        *,
        content_type: str | None = None,
        create_only: bool = False,
        if_match: str | None = None,
    ) -> None:
        """PutObject (multipart above the threshold) with optional If-None-Match / If-Match, then verify."""
        self._write(key, lambda full, extra: self._put_raw(full, data, extra), content_type=content_type,
                    create_only=create_only, if_match=if_match)
        if self.verify:
            back = self.get(key)
            if back is None or sha256_hex(back) != sha256_hex(data):
                raise IntegrityError(f"read-back of {key} does not match the sha256 written")

    def put_file(self, key: str, path: str | Path, *, content_type: str | None = None, create_only: bool = False) -> None:
        """Upload ``path`` (multipart from the file above the threshold, create-only with ``If-None-Match``), then
        verify the read-back sha256 (streamed) unless ``verify=False``."""
        if os.path.getsize(path) <= self.multipart_threshold:
            self.put(key, Path(path).read_bytes(), content_type=content_type, create_only=create_only)
            return

        def upload(full: str, extra: dict[str, Any]) -> None:
            with open(path, "rb") as fh:
                self._multipart(full, iter(lambda: fh.read(self.multipart_chunk), b""), extra)

        self._write(key, upload, content_type=content_type, create_only=create_only)
        if self.verify and self.sha256_of(key) != file_sha256(path):
            raise IntegrityError(f"read-back of {key} does not match the sha256 written")

    def _stream(self, key: str) -> Any:
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._full(key))["Body"]
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return None
            raise PublishError(f"S3 read failed for {key}: {code or status}") from None

    def get_to_file(self, key: str, path: str | Path) -> bool:
        """Stream the object into ``path``; ``False`` if absent."""
        body = self._stream(key)
        if body is None:
            return False
        with body, open(path, "wb") as fh:
            for chunk in body.iter_chunks(1 << 22):
                fh.write(chunk)
        return True

    def sha256_of(self, key: str) -> str | None:
        """Hex sha256 of the object (streamed), ``None`` if absent."""
        body = self._stream(key)
        if body is None:
            return None
        h = hashlib.sha256()
        with body:
            for chunk in body.iter_chunks(1 << 22):
                h.update(chunk)
        return h.hexdigest()

    def get_with_etag(self, key: str) -> tuple[bytes, str] | None:
        """GetObject returning ``(bytes, ETag)`` or ``None``."""
        from botocore.exceptions import ClientError

        try:
            r = self.client.get_object(Bucket=self.bucket, Key=self._full(key))
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return None
            raise PublishError(f"S3 read failed for {key}: {code or status}") from None
        with r["Body"] as body:
            return body.read(), r["ETag"]

    def get(self, key: str) -> bytes | None:
        """GetObject, ``None`` if absent."""
        got = self.get_with_etag(key)
        return None if got is None else got[0]

    def exists(self, key: str) -> bool:
        """HeadObject."""
        from botocore.exceptions import ClientError

        try:
            self.client.head_object(Bucket=self.bucket, Key=self._full(key))
            return True
        except ClientError as exc:
            code, status = self._code(exc)
            if status == 404 or code in ("NoSuchKey", "404", "NotFound"):
                return False
            raise PublishError(f"S3 head failed for {key}: {code or status}") from None

    def list(self, prefix: str) -> list[str]:
        """ListObjectsV2 under ``prefix`` (keys relative to the publisher prefix)."""
        paginator = self.client.get_paginator("list_objects_v2")
        out: list[str] = []
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
            for obj in page.get("Contents", []) or []:
                out.append(obj["Key"][len(self.prefix) :])
        return sorted(out)

    def delete(self, key: str) -> None:
        """Delete every object version and delete marker of ``key`` (plain delete on unversioned buckets)."""
        full = self._full(key)
        paginator = self.client.get_paginator("list_object_versions")
        seen = False
        for page in paginator.paginate(Bucket=self.bucket, Prefix=full):
            for item in (page.get("Versions", []) or []) + (page.get("DeleteMarkers", []) or []):
                if item["Key"] != full:
                    continue
                seen = True
                vid = item.get("VersionId")
                if vid and vid != "null":
                    self.client.delete_object(Bucket=self.bucket, Key=full, VersionId=vid)
                else:
                    self.client.delete_object(Bucket=self.bucket, Key=full)
        if not seen or self.exists(key):
            self.client.delete_object(Bucket=self.bucket, Key=full)

    def debris(self, prefix: str) -> builtins.list[str]:
        """Multipart uploads left unfinished under ``prefix`` (invisible, but stored): ``<upload id> <key>``."""
        paginator = self.client.get_paginator("list_multipart_uploads")
        return [f"{up['UploadId']} {up['Key']}"
                for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix)
                for up in page.get("Uploads", []) or []]

    def discard_debris(self, prefix: str) -> int:
        """Abort :meth:`debris`."""
        found = self.debris(prefix)
        for handle in found:
            upload_id, key = handle.split(" ", 1)
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        return len(found)

    def object_versions(self, key: str) -> builtins.list[str]:
        """Version ids (object versions and delete markers) stored for ``key``."""
        full = self._full(key)
        out: builtins.list[str] = []
        paginator = self.client.get_paginator("list_object_versions")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=full):
            for item in (page.get("Versions", []) or []) + (page.get("DeleteMarkers", []) or []):
                if item["Key"] == full:
                    out.append(str(item.get("VersionId")))
        return out

    def url(self, key: str) -> str:
        """``<endpoint>/<bucket>/<key>`` with a custom endpoint, else ``s3://<bucket>/<key>``."""
        full = self._full(key)
        if self.endpoint_url:
            return f"{self.endpoint_url.rstrip('/')}/{self.bucket}/{full}"
        return f"s3://{self.bucket}/{full}"

    def presigned_url(self, key: str, expires_in: int = 3600) -> str:
        """A presigned GET URL for ``key``."""
        return str(
            self.client.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": self._full(key)}, ExpiresIn=expires_in
            )
        )

