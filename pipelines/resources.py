"""Dagster resources: thin wrappers that build the plain-Python objects at run time.

Secrets (the pseudonym key, S3 credentials) come from the environment through `dg.EnvVar` or boto3's own chain;
they are never shown in the UI and never read at import time.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

import dagster as dg
from pydantic import PrivateAttr

from pipelines import config, settings
from pipelines.interfaces import TextRedactorLike
from pipelines.store import PrivateStore

if TYPE_CHECKING:  # the publishing package loads when a run asks for the publisher
    from pipelines.publishing.stores.base import Publisher


class PrivateStoreResource(dg.ConfigurableResource):
    """Where raw, standardized and quarantined rows live (never published): the deployment's `OSD_PRIVATE` folder or
    `OSD_PRIVATE_S3_BUCKET`/`OSD_PRIVATE_S3_PREFIX`. Nothing to fill in when launching a run."""

    def get(self) -> PrivateStore:
        return PrivateStore.from_env()


class PublisherResource(dg.ConfigurableResource):
    """The public store: the deployment's `OSD_S3_*` bucket, or the `OSD_PUBLIC` folder. Nothing to fill in when
    launching a run: a data officer publishes where the deployment publishes."""

    def get(self) -> Publisher:
        from pipelines import publishing

        return publishing.publisher_from_env()


@cache
def _text_redactor(model: str, public_names: tuple[str, ...], processes: int) -> TextRedactorLike:
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from pipelines.catalog.loader import source_dirs
    from redaction.text import TextRedactor
    from redaction.text.agency_ids import read_case_number_patterns

    return TextRedactor(model, public_names=public_names, processes=processes,
                        case_number_patterns=read_case_number_patterns(source_dirs()))


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

    def text_redactor(self, public_names: tuple[str, ...] = ()) -> TextRedactorLike:
        procs = self.processes or settings.as_int("OSD_REDACTION_PROCESSES")
        return _text_redactor(self.spacy_model or config.spacy_model(), public_names, procs)
