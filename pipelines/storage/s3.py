"""The one place S3 clients are built: the public store (boto3), the inbox bucket (boto3) and the private store
(pyarrow's S3 filesystem) get the same timeouts and retries.

Nothing is built at import; credentials come from the arguments or the standard AWS chain, never from here.
A custom endpoint (SeaweedFS, MinIO) gets path-style addressing.
"""

from __future__ import annotations

from typing import Any

#: Seconds to open a connection, seconds to wait for a response, and retries of a failed request (botocore's
#: ``max_attempts`` and pyarrow's ``AwsStandardS3RetryStrategy(max_attempts)`` both count retries).
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 60.0
MAX_ATTEMPTS = 5


def s3_client(
    *,
    endpoint_url: str | None = None,
    region: str | None = None,
    access_key_id: str | None = None,
    secret_access_key: str | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    max_attempts: int = MAX_ATTEMPTS,
) -> Any:
    """A boto3 S3 client with the project's timeouts and retries (standard mode) and checksums only where the
    server requires them (S3-compatible servers reject the newer default trailers)."""
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=connect_timeout,
        read_timeout=read_timeout,
        retries={"max_attempts": max_attempts, "mode": "standard"},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        s3={"addressing_style": "path"} if endpoint_url else None,
    )
    return boto3.session.Session().client(
        "s3",
        endpoint_url=endpoint_url or None,
        region_name=region or None,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        config=config,
    )


def s3_filesystem(*, endpoint_url: str | None = None, region: str | None = None) -> Any:
    """A ``pyarrow.fs.S3FileSystem`` with the same timeouts and retries as :func:`s3_client`."""
    import pyarrow.fs as pafs

    return pafs.S3FileSystem(
        endpoint_override=endpoint_url or None,
        region=region or "us-east-1",
        connect_timeout=CONNECT_TIMEOUT,
        request_timeout=READ_TIMEOUT,
        retry_strategy=pafs.AwsStandardS3RetryStrategy(max_attempts=MAX_ATTEMPTS),
    )
