"""Shards of a sharded dataset: the value of its shard key (a published quasi-identifier) names a row's shard.

A shard's name in keys and paths is a slug of the value: readable, path-safe and stable (the same value gives the
same slug on every run and machine), and distinct for distinct values (a short hash of the value is part of it).
The mapping slug -> value is kept in the dataset's shard index (`datapackage.json`, `versions.json`): the value is
a published column value, so it may appear in public files; nothing else from the records does.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

NULL_SLUG = "null"  # the shard of rows without a value (no real value's slug can be it: those end in a hash)
_NOT_SAFE = re.compile(r"[^a-z0-9]+")


def shard_slug(value: str | None) -> str:
    """The path-safe name of the shard holding ``value``: ``harbor-city-pd-1a2b3c4d``."""
    if value is None:
        return NULL_SLUG
    text = _NOT_SAFE.sub("-", value.casefold()).strip("-")[:40].strip("-") or "shard"
    return f"{text}-{hashlib.sha256(value.encode('utf-8')).hexdigest()[:8]}"


@dataclass(frozen=True)
class Shard:
    """One shard of a dataset: the shard key column, its value (None: rows without one) and the value's slug."""

    column: str
    value: str | None

    @property
    def slug(self) -> str:
        return shard_slug(self.value)
