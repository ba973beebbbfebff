"""Dagster resources: thin wrappers that build the plain-Python objects at run time.

Secrets (the pseudonym key, S3 credentials) come from the environment through `dg.EnvVar` or boto3's own chain;
they are never shown in the UI and never read at import time.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

import dagster as dg
from pydantic import PrivateAttr

from pipelines import config
from pipelines.store import PrivateStore


class PrivateStoreResource(dg.ConfigurableResource):
    """Where raw, standardized and quarantined rows live (never published). Empty `base_dir` = `OSD_PRIVATE`."""

    base_dir: str = ""

    def get(self) -> PrivateStore:
        if self.base_dir:
            return PrivateStore.local(self.base_dir)
        return PrivateStore.from_env()


class PublisherResource(dg.ConfigurableResource):
    """The public store. Empty fields fall back to `OSD_PUBLIC` / `OSD_S3_*` at run time."""

    base_dir: str = ""
    s3_bucket: str = ""
    s3_prefix: str = ""
    s3_endpoint_url: str = ""
    s3_region: str = ""

    def get(self) -> Any:
        from pipelines import publishing

        if self.s3_bucket:
            return publishing.S3Publisher(
                self.s3_bucket,
                prefix=self.s3_prefix,
                endpoint_url=self.s3_endpoint_url or None,
                region=self.s3_region or None,
            )
        if self.base_dir:
            return publishing.LocalPublisher(self.base_dir)
        return publishing.publisher_from_env()


@cache
def _text_redactor(model: str, public_names: tuple[str, ...], processes: int) -> Any:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from redaction.text import TextRedactor

    return TextRedactor(model, public_names=public_names, processes=processes)


class RedactionResource(dg.ConfigurableResource):
    """Pseudonym key (secret, `OSD_PSEUDONYM_KEY`) and the free-text redactor (spaCy model loaded once per process)."""

    pseudonym_key: str
    spacy_model: str = ""
    processes: int = 0  # 0: OSD_REDACTION_PROCESSES, default 1
    _key: bytes = PrivateAttr(default=b"")

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._key = self.pseudonym_key.encode()

    @property
    def key(self) -> bytes:
        return self._key or self.pseudonym_key.encode()

    def text_redactor(self, public_names: tuple[str, ...] = ()) -> Any:
        procs = self.processes or int(os.environ.get("OSD_REDACTION_PROCESSES", "1"))
        return _text_redactor(self.spacy_model or config.spacy_model(), public_names, procs)
