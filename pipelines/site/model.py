"""The view model of the site: what one dataset looks like in the public store (its policy, its versions with
their files, sizes, hashes and change summaries, the latest release's Parquet table and its period counts).

Reads only public files through a :class:`~pipelines.publishing.Publisher`; the private store is never opened.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from pipelines.errors import OsdError
from pipelines.publishing import Publisher, PublishError, list_versions, read_json, sha256_hex
from pipelines.site import shards as site_shards
from pipelines.site.catalog import _parse_ts
from pipelines.site.periods import PeriodCounts, period_counts, suppress_count
from pipelines.specs import DatasetSpec
from redaction.policy import Policy, load_policy

DEFAULT_SMALL_CELL = 11

#: Files of a release offered for download, in display order: (file name pattern, label, media type).
RELEASE_FILES: list[tuple[str, str, str]] = [
    ("{dataset}.csv", "CSV", "text/csv"),
    ("{dataset}.parquet", "Parquet", "application/vnd.apache.parquet"),
    ("datapackage.json", "Data Package (schema and checksums)", "application/json"),
    ("provenance.json", "Provenance", "application/json"),
    ("changes.json", "Change record (JSON)", "application/json"),
    ("CHANGES.md", "Change record (text)", "text/markdown"),
    ("SHA256SUMS", "SHA256SUMS", "text/plain"),
]


class SiteError(OsdError):
    """The site cannot be built (a spec, policy or public file is unusable); names the file, never a value."""

    code = "site-error"


def human_size(n: int | None) -> str:
    """``1234567`` -> ``"1.2 MB"`` (decimal units, as browsers show downloads)."""
    if n is None:
        return "unknown size"
    size = float(n)
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{n} bytes"  # pragma: no cover


def _parse_sums(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        parts = line.strip().split(None, 1)
        if len(parts) == 2 and re.fullmatch(r"[0-9a-f]{64}", parts[0]):
            out[parts[1].lstrip("*").strip()] = parts[0]
    return out


def _hash_hex(value: Any) -> str | None:
    if isinstance(value, str):
        v = value.split(":", 1)[1] if value.startswith("sha256:") else value
        if re.fullmatch(r"[0-9a-f]{64}", v):
            return v
    return None


def _change_summary(changes: Mapping[str, Any] | None, threshold: int = DEFAULT_SMALL_CELL) -> list[tuple[str, str]]:
    """Readable (label, value) pairs from a change record (``pipelines.publishing`` format). Counts go through
    the small-cell rule; primary keys are never listed here (they are in changes.json)."""
    if not changes:
        return []
    sup = lambda n: suppress_count(int(n), threshold)  # noqa: E731
    out: list[tuple[str, str]] = []
    bump = changes.get("bump")
    if bump:
        prev = changes.get("previous_version")
        out.append(("change level", f"{bump} (from {prev})" if prev else f"{bump} (first release)"))
    rec = changes.get("records")
    if isinstance(rec, Mapping):
        parts = [f"{k} {sup(rec[k])}" for k in ("added", "removed", "changed", "unchanged")
                 if isinstance(rec.get(k), int)]
        if parts:
            out.append(("records", ", ".join(parts)))
        by_field = rec.get("changed_by_field")
        if isinstance(by_field, Mapping) and by_field:
            out.append(("changed values by column", "; ".join(f"{k}: {sup(v)}" for k, v in by_field.items()
                                                                if isinstance(v, int))))
    flds = changes.get("fields")
    if isinstance(flds, Mapping) and changes.get("previous_version"):
        for k in ("added", "removed"):
            if flds.get(k):
                out.append((f"columns {k}", ", ".join(str(x) for x in flds[k])))
        ren = [f"{r.get('from')} → {r.get('to')}" for r in flds.get("renamed") or [] if isinstance(r, Mapping)]
        if ren:
            out.append(("columns renamed", ", ".join(ren)))
    sc = [c for c in changes.get("schema_changes") or [] if isinstance(c, Mapping)
          and c.get("change") not in ("field-added", "field-removed")]
    if sc:
        out.append(("schema changes", "; ".join(
            f"{c.get('field') or 'table'}: {c.get('change')}"
            + (f" {c['constraint']}" if c.get("constraint") else "")
            + (f" {c['property']}" if c.get("property") else "")
            + (f" ({c['severity']})" if c.get("severity") else "") for c in sc)))
    if out:
        return out
    # unknown format: scalar fields only
    return [(str(k).replace("_", " "), str(v)) for k, v in changes.items()
            if isinstance(v, str | int | float) and not isinstance(v, bool) and k not in ("dataset", "version")
            and "hash" not in k]


def _mapping_table(changes: Mapping[str, Any] | None) -> list[dict[str, str]]:
    """The old -> new field mapping of a major version, if the change record has one."""
    if not changes:
        return []
    for key in ("field_mapping", "mapping", "fields_mapping"):
        m = changes.get(key)
        if isinstance(m, Mapping):
            return [{"old": str(k), "new": "" if v is None else str(v)} for k, v in m.items()]
        if isinstance(m, list):
            rows = []
            for item in m:
                if isinstance(item, Mapping):
                    rows.append({"old": str(item.get("old") or "(new)"), "new": str(item.get("new") or "")})
            return rows
    return []


@dataclass
class _Dataset:
    spec: DatasetSpec
    policy: Policy
    schema: dict[str, Any]
    latest: dict[str, Any] | None
    versions: list[dict[str, Any]]
    threshold: int
    period: PeriodCounts | None = None
    latest_package: dict[str, Any] | None = None
    latest_provenance: dict[str, Any] | None = None
    table: pa.Table | None = None
    warnings: list[str] = field(default_factory=list)


def _load_policy(spec: DatasetSpec) -> Policy:
    try:
        std = [f["name"] for f in spec.standardized]
        return load_policy(spec.policy, spec.schema, std, where=f"{spec.path.name}: policy")
    except Exception as exc:  # PolicyError, SpecError: messages name files and fields only
        raise SiteError(f"dataset {spec.name!r}: {exc}") from exc


def _semver(v: str) -> tuple[int, ...]:
    return tuple(int(x) if x.isdigit() else 0 for x in v.split(".")[:3])


def _read_version(pub: Publisher, name: str, entry: Mapping[str, Any], threshold: int) -> dict[str, Any]:
    version = str(entry["version"])
    base = f"datasets/{name}/v{version}/"
    out: dict[str, Any] = dict(entry)
    out["base"] = f"v{version}/"
    out["published_at"] = _parse_ts(entry.get("published"))
    retracted = entry.get("status") == "retracted"
    out["retracted"] = retracted
    rec = entry.get("records")
    out["records_text"] = suppress_count(int(rec), threshold) if isinstance(rec, int) else None
    if retracted:
        out["tombstone"] = read_json(pub, base + "TOMBSTONE.json") or {
            "dataset": name,
            "version": version,
            "retracted_at": entry.get("retracted_at"),
            "reason": entry.get("reason"),
            "replacement": None,
        }
        out["files"] = [
            {"name": "TOMBSTONE.json", "label": "Retraction notice", "href": out["base"] + "TOMBSTONE.json",
             "bytes": None, "size": "", "sha256": None}
        ]
        kept = out["tombstone"].get("files") if isinstance(out["tombstone"], Mapping) else None
        out["withdrawn"] = sorted((str(k), str(v)) for k, v in kept.items()) if isinstance(kept, Mapping) else []
        repl = out["tombstone"].get("replacement") if isinstance(out["tombstone"], Mapping) else None
        out["replacement_newer"] = bool(repl) and _semver(str(repl)) > _semver(version)
        out["changes"] = None
        out["summary"] = []
        out["mapping"] = []
        return out
    package = read_json(pub, base + "datapackage.json") or {}
    changes = read_json(pub, base + "changes.json")
    sums_raw = pub.get(base + "SHA256SUMS")
    sums = _parse_sums(sums_raw.decode("utf-8", "replace")) if sums_raw else {}
    by_path: dict[str, dict[str, Any]] = {}
    for res in package.get("resources") or []:
        if isinstance(res, Mapping) and res.get("path"):
            by_path[str(res["path"])] = {"bytes": res.get("bytes"), "sha256": _hash_hex(res.get("hash"))}
    files = []
    for pattern, label, media in RELEASE_FILES:
        fname = pattern.format(dataset=name)
        if fname in by_path:  # data files: size and hash from datapackage.json (never downloaded here)
            size, digest = by_path[fname]["bytes"], by_path[fname]["sha256"] or sums.get(fname)
        elif fname == "SHA256SUMS":
            if sums_raw is None:
                continue
            size, digest = len(sums_raw), sha256_hex(sums_raw)
        elif fname.endswith((".json", ".md")):  # small metadata files: read to measure
            raw = pub.get(base + fname)
            if raw is None:
                continue
            size, digest = len(raw), sha256_hex(raw)
        elif pub.exists(base + fname):
            size, digest = None, sums.get(fname)
        else:
            continue
        files.append(
            {"name": fname, "label": label, "media": media, "href": out["base"] + fname, "bytes": size,
             "size": human_size(size) if size is not None else "", "sha256": digest}
        )
    if site_shards.is_sharded(package):  # one CSV and one Parquet per shard, where each is held
        files = site_shards.shard_files(package, human_size) + files
    out["package"] = package
    out["changes"] = changes
    out["summary"] = _change_summary(changes, threshold)
    out["mapping"] = _mapping_table(changes)
    out["files"] = files
    return out


def _load_dataset(pub: Publisher, spec: DatasetSpec) -> _Dataset:
    policy = _load_policy(spec)
    threshold = int((policy.small_cells or {}).get("threshold") or DEFAULT_SMALL_CELL)
    latest = read_json(pub, f"datasets/{spec.name}/latest.json")
    try:
        entries = list_versions(pub, spec.name)
    except PublishError as exc:
        raise SiteError(f"dataset {spec.name!r}: versions.json unusable ({exc})") from exc
    versions = [_read_version(pub, spec.name, e, threshold) for e in entries]
    ds = _Dataset(spec=spec, policy=policy, schema=dict(spec.schema), latest=latest, versions=versions,
                  threshold=threshold)
    if latest:
        current = next((v for v in versions if v["version"] == latest.get("version")), None)
        if current is not None and not current["retracted"]:
            ds.latest_package = current.get("package") or {}
            ds.latest_provenance = read_json(pub, f"datasets/{spec.name}/v{current['version']}/provenance.json")
            res = next((r for r in ds.latest_package.get("resources") or []
                        if isinstance(r, Mapping) and isinstance(r.get("schema"), Mapping)), None)
            if res is not None:
                ds.schema = dict(res["schema"])
            ds.table = (site_shards.sharded_table(pub, spec.name, ds.latest_package, ds.warnings)
                        if site_shards.is_sharded(ds.latest_package) else _latest_table(pub, spec, current, ds.warnings))
            tf = spec.temporal_field
            if ds.table is not None and tf and tf in ds.table.column_names:
                ds.period = period_counts(ds.table.column(tf))
        else:
            ds.latest = None
    return ds


def _latest_table(pub: Publisher, spec: DatasetSpec, current: Mapping[str, Any], warnings: list[str]) -> (
        pa.Table | None):
    """The latest release's Parquet file, as published (the dictionary, tables and facets are computed from it)."""
    return site_shards.published_parquet(pub, f"datasets/{spec.name}/v{current['version']}/{spec.name}.parquet",
                                         warnings)


# --------------------------------------------------------------------------------------------------- rendering
