"""The public stores a release is written to: a local folder or an S3 bucket, behind one ``Publisher`` interface.

``publisher_from_env`` picks the deployment's store from the settings (``OSD_S3_*`` or ``OSD_PUBLIC``).
"""

from __future__ import annotations

from collections.abc import Mapping

from pipelines import settings
from pipelines.publishing.stores.base import Publisher
from pipelines.publishing.stores.local import LocalPublisher
from pipelines.publishing.stores.s3 import S3Publisher

__all__ = ["Publisher", "LocalPublisher", "S3Publisher", "publisher_from_env"]


def publisher_from_env(environ: Mapping[str, str] | None = None) -> Publisher:
    """``S3Publisher`` from ``OSD_S3_*`` when ``OSD_S3_BUCKET`` is set, else ``LocalPublisher(OSD_PUBLIC)``."""
    bucket = settings.get("OSD_S3_BUCKET", environ)
    if bucket:
        return S3Publisher(
            bucket,
            prefix=settings.get("OSD_S3_PREFIX", environ),
            endpoint_url=settings.get("OSD_S3_ENDPOINT_URL", environ) or None,
            region=settings.get("OSD_S3_REGION", environ) or None,
        )
    return LocalPublisher(settings.public_dir(environ))
