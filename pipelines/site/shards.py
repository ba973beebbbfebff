"""A sharded dataset on the site: its shards' downloads, read from the version's ``datapackage.json``.

A sharded version lists one CSV and one Parquet resource per shard (`pipelines.publishing.shards`); a shard
unchanged since an earlier version is held by that version. The site links each shard's files where they are
(``v<holder>/<slug>/<dataset>.csv``, relative to the dataset's page), labelled with the shard key's value (a
published column value), and reads the latest table as the union of the shards' Parquet files.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.publishing.stores.base import Publisher


def is_sharded(package: Mapping[str, Any] | None) -> bool:
    return bool((package or {}).get("shard_key"))


def shard_resources(package: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The data resources of a sharded version, each with its shard (value, slug, holding version, path)."""
    return [dict(r) for r in package.get("resources") or [] if isinstance(r, Mapping)
            and isinstance(r.get("shard"), Mapping) and r.get("format") in ("csv", "parquet")]


def shard_files(package: Mapping[str, Any], human_size: Any) -> list[dict[str, Any]]:
    """Download entries of a sharded version's data files, hrefs relative to the dataset's page."""
    out = []
    for r in shard_resources(package):
        s = r["shard"]
        fmt = "CSV" if r["format"] == "csv" else "Parquet"
        href = f"v{s['version']}/{s['path']}"
        size = r.get("bytes")
        out.append({"name": s["path"], "title": f"{s['value']} ({fmt})", "label": f"{s['value']}: {fmt}",
                    "media": r.get("mediatype"), "href": href, "bytes": size,
                    "size": human_size(size) if size is not None else "", "shard": s["value"],
                    "sha256": str(r.get("hash") or "").removeprefix("sha256:") or None})
    return out


def shard_downloads(package: Mapping[str, Any], page_url: str) -> list[tuple[str, str, str]]:
    """(title, absolute URL, media type) of each shard's CSV and Parquet file, for the catalog."""
    return [(f"{r['shard']['value']} ({r['format']})", f"{page_url}v{r['shard']['version']}/{r['shard']['path']}",
             str(r.get("mediatype") or "")) for r in shard_resources(package)]


def published_parquet(pub: Publisher, key: str, warnings: list[str]) -> pa.Table | None:
    """A published Parquet file read back (the site's figures are computed from what was released), or None with
    a warning naming the key when it is missing or unreadable."""
    data = pub.get(key)
    if data is None:
        warnings.append(f"{key}: not found, no dictionary figures or chart")
        return None
    try:
        return pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:
        warnings.append(f"{key}: unreadable Parquet ({type(exc).__name__}), no dictionary figures or chart")
        return None


def sharded_table(pub: Publisher, name: str, package: Mapping[str, Any], warnings: list[str]) -> pa.Table | None:
    """The latest sharded version's table: its shards' Parquet files, in the datapackage's order."""
    tables = []
    for r in shard_resources(package):
        if r["format"] != "parquet":
            continue
        table = published_parquet(pub, f"datasets/{name}/v{r['shard']['version']}/{r['shard']['path']}", warnings)
        if table is None:
            return None
        tables.append(table)
    return pa.concat_tables(tables) if tables else None
