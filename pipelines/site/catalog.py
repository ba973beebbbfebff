"""Machine-readable descriptions of the datasets: schema.org ``Dataset`` JSON-LD for each dataset page and the
DCAT-US 1.1 catalog ``data.json``, the Atom feed's entries and the sitemap; absolute URLs from the site base URL."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from pipelines.publishing.hashing import rfc3339 as _rfc3339
from pipelines.site import shards as site_shards


def _parse_ts(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        ts = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def jsonld(ds: Any, site_url: str, page_url: str) -> dict[str, Any]:
    spec = ds.spec
    desc = spec.description or spec.title
    if len(desc) < 50:
        desc = f"{desc} Police open data published by {spec.publisher.get('name', 'the publisher')}."
    out: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "name": spec.title,
        "description": desc,
        "url": page_url,
        "identifier": page_url,
        "keywords": spec.keywords,
        "isAccessibleForFree": True,
        "license": spec.license.get("path") or spec.license.get("name"),
        "creator": {"@type": "Organization", "name": spec.publisher.get("name", "")},
        "publisher": {"@type": "Organization", "name": spec.publisher.get("name", "")},
        "variableMeasured": [
            {"@type": "PropertyValue", "name": f["name"], "description": str(f.get("description") or f.get("title")
                                                                               or f["name"]).strip()}
            for f in ds.schema.get("fields") or []
        ],
    }
    spatial = spec.raw.get("spatial")
    if spatial:
        out["spatialCoverage"] = {"@type": "Place", "name": str(spatial)}
    if ds.period and ds.period.start and ds.period.end:
        out["temporalCoverage"] = f"{ds.period.start.isoformat()}/{ds.period.end.isoformat()}"
    if ds.latest:
        version = ds.latest["version"]
        base = f"{page_url}v{version}/"
        out["version"] = version
        out["datePublished"] = str(ds.latest.get("published") or "")
        out["distribution"] = [
            {"@type": "DataDownload", "contentUrl": f"{base}{spec.name}.csv", "encodingFormat": "text/csv"},
            {"@type": "DataDownload", "contentUrl": f"{base}{spec.name}.parquet",
             "encodingFormat": "application/vnd.apache.parquet"},
        ]
        if site_shards.is_sharded(ds.latest_package):
            out["distribution"] = [{"@type": "DataDownload", "name": t, "contentUrl": u, "encodingFormat": m}
                                   for t, u, m in site_shards.shard_downloads(ds.latest_package or {}, page_url)]
    return out


def dcat_dataset(ds: Any, site_url: str, now: datetime) -> dict[str, Any] | None:
    spec = ds.spec
    if not ds.latest:
        return None
    page = f"{site_url}datasets/{spec.name}/"
    version = ds.latest["version"]
    base = f"{page}v{version}/"
    published = [v for v in ds.versions if not v["retracted"] and v.get("published_at")]
    issued = min((v["published_at"] for v in published), default=None)
    modified = _parse_ts(ds.latest.get("published")) or now
    email = spec.publisher.get("email")
    contact: dict[str, Any] = {"@type": "vcard:Contact", "fn": spec.publisher.get("contact") or spec.publisher.get(
        "name", "Open data team")}
    if email:
        contact["hasEmail"] = f"mailto:{email}"
    temporal = None
    if ds.period and ds.period.start and ds.period.end:
        temporal = f"{ds.period.start.isoformat()}/{ds.period.end.isoformat()}"
    lic = spec.license.get("path")
    doc: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "title": spec.title,
        "description": spec.description or spec.title,
        "keyword": spec.keywords or [spec.name],
        "modified": _rfc3339(modified),
        "issued": _rfc3339(issued) if issued else None,
        "publisher": {"@type": "org:Organization", "name": spec.publisher.get("name", "Open Safety Data")},
        "contactPoint": contact,
        "identifier": page,
        "accessLevel": "public",
        "license": lic if isinstance(lic, str) and "://" in lic else None,
        "rights": None,
        "spatial": str(spec.raw["spatial"]) if spec.raw.get("spatial") else None,
        "temporal": temporal,
        "accrualPeriodicity": "irregular",
        "language": ["en-US"],
        "theme": ["Public Safety"],
        "landingPage": page,
        "describedBy": f"{base}datapackage.json",
        "describedByType": "application/json",
        "references": [f"{page}methodology.html", f"{page}index.html#dictionary"],
        "distribution": [
            {"@type": "dcat:Distribution", "title": f"{spec.title} {version} (CSV)",
             "description": "Comma-separated values, UTF-8, RFC 4180; see the data dictionary for CSV-injection "
                            "neutralization.",
             "downloadURL": f"{base}{spec.name}.csv", "mediaType": "text/csv", "format": "CSV",
             "describedBy": f"{base}datapackage.json", "describedByType": "application/json"},
            {"@type": "dcat:Distribution", "title": f"{spec.title} {version} (Parquet)",
             "description": "Apache Parquet with the original values and column types.",
             "downloadURL": f"{base}{spec.name}.parquet", "mediaType": "application/vnd.apache.parquet",
             "format": "Parquet", "describedBy": f"{base}datapackage.json", "describedByType": "application/json"},
            {"@type": "dcat:Distribution", "title": f"{spec.title} {version} (Data Package)",
             "description": "Data Package descriptor: Table Schema, sizes and sha256 checksums.",
             "downloadURL": f"{base}datapackage.json", "mediaType": "application/json", "format": "JSON",
             "conformsTo": "https://datapackage.org/profiles/2.0/datapackage.json"},
            {"@type": "dcat:Distribution", "title": f"{spec.title}: dataset page",
             "description": "Data dictionary, downloads of every version, change records and methodology.",
             "accessURL": page, "mediaType": "text/html", "format": "HTML"},
        ],
    }
    if site_shards.is_sharded(ds.latest_package):  # one CSV and one Parquet per shard instead of the dataset's
        doc["distribution"] = [
            {"@type": "dcat:Distribution", "title": f"{spec.title} {version}: {t}", "downloadURL": u,
             "mediaType": m, "format": "CSV" if m == "text/csv" else "Parquet", "describedBy": f"{base}datapackage.json",
             "describedByType": "application/json"}
            for t, u, m in site_shards.shard_downloads(ds.latest_package or {}, page)
        ] + doc["distribution"][2:]
    return doc


DCAT_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"


def catalog_json(datasets: Sequence[Any], site_url: str, now: datetime) -> bytes:
    """``data.json``: the DCAT-US 1.1 catalog of every dataset that has a current release."""
    catalog = {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@id": f"{site_url}data.json",
        "@type": "dcat:Catalog",
        "conformsTo": DCAT_SCHEMA,
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [d for d in (dcat_dataset(ds, site_url, now) for ds in datasets) if d is not None],
    }
    return (json.dumps(catalog, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def feed_entries(datasets: Sequence[Any], site_url: str, now: datetime) -> list[tuple[datetime, dict[str, Any]]]:
    """The Atom feed's entries, newest first: one per version, dated by its publication or, when retracted, by the
    later of publication and retraction (so a withdrawal shows up as news)."""
    entries: list[tuple[datetime, dict[str, Any]]] = []
    for ds in datasets:
        for v in ds.versions:
            ts: datetime = v.get("published_at") or now
            if v["retracted"]:
                rts = _parse_ts((v.get("tombstone") or {}).get("retracted_at") or v.get("retracted_at"))
                ts = max(ts, rts or ts)
            entries.append((ts, {"dataset": ds.spec, "v": v, "updated": ts,
                                 "url": f"{site_url}datasets/{ds.spec.name}/index.html#v{v['version']}"}))
    entries.sort(key=lambda e: e[0], reverse=True)
    return entries


def sitemap_urls(written: Sequence[str], cards: Sequence[Mapping[str, Any]], site_url: str,
                 now: datetime) -> list[dict[str, Any]]:
    """``sitemap.xml``'s URLs: every HTML page written, last modified when its dataset's latest release was."""
    lastmod = {f"datasets/{c['name']}/": c["published"] for c in cards}
    out = []
    for k in written:
        if k.endswith(".html"):
            folder = k.rsplit("/", 1)[0] + "/" if "/" in k else ""
            out.append({"loc": site_url + k, "lastmod": lastmod.get(folder) or now})
    return out
