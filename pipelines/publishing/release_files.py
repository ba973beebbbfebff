"""The files of one release besides the data: ``datapackage.json``, ``provenance.json``, ``changes.json``,
``CHANGES.md`` and ``SHA256SUMS``, in write order."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipelines.publishing.content import CSV_DIALECT, DATAPACKAGE_PROFILE, RESOURCE_PROFILE, _published_schema
from pipelines.publishing.hashing import _json_bytes, code_version, sha256_hex
from pipelines.publishing.versioning import ReleasePlan


def _changes_md(changes: Mapping, note: str) -> str:
    lines = [f"# {changes['dataset']} {changes['version']}", ""]
    prev = changes.get("previous_version")
    lines.append(f"Previous version: {prev}" if prev else "Previous version: none (first release)")
    lines.append(f"Change level: {changes.get('bump')}")
    lines.append(f"Records in this release: {changes.get('records_total', '')}".rstrip())
    if note:  # the officer's text, escaped: Markdown renderers pass raw HTML through
        lines += ["", html.escape(note, quote=False)]
    rec = changes.get("records") or {}
    lines += ["", "## Records", "", "| added | removed | changed | unchanged |", "|---|---|---|---|",
              f"| {rec.get('added', 0)} | {rec.get('removed', 0)} | {rec.get('changed', 0)} | "
              f"{rec.get('unchanged', 0)} |"]
    if rec.get("changed_by_field"):
        lines += ["", "Changed values by field:", ""]
        lines += [f"- `{k}`: {v}" for k, v in rec["changed_by_field"].items()]
    if rec.get("primary_key"):
        lines += ["", f"Record identifiers (primary key `{', '.join(rec['primary_key'])}`) are listed in "
                      "`changes.json`."]
    flds = changes.get("fields") or {}
    if (flds.get("added") and prev) or flds.get("removed") or flds.get("renamed"):
        lines += ["", "## Fields", ""]
        lines += [f"- added: `{n}`" for n in flds.get("added", []) if prev]
        lines += [f"- removed: `{n}`" for n in flds.get("removed", [])]
        lines += [f"- renamed: `{r['from']}` -> `{r['to']}`" for r in flds.get("renamed", [])]
    sc = [c for c in changes.get("schema_changes") or [] if c["change"] not in ("field-added", "field-removed")]
    if sc:
        lines += ["", "## Schema changes", "", "| field | change | level |", "|---|---|---|"]
        for c in sc:
            detail = c["change"] + (f" `{c['constraint']}`" if c.get("constraint") else "")
            detail += (f" `{c['property']}`" if c.get("property") else "")
            detail += (f" {c['from']} -> {c['to']}" if "from" in c and "to" in c else "")
            lines.append(f"| {c.get('field') or '(table)'} | {detail} | {c['severity']} |")
    if changes.get("field_mapping"):
        lines += ["", "## Field mapping (old -> new)", "", "| old field | new field |", "|---|---|"]
        for m in changes["field_mapping"]:
            lines.append(f"| {m['old'] or '(new)'} | {m['new'] or '(removed)'} |")
    return "\n".join(lines) + "\n"


@dataclass
class _ReleaseFile:
    """One file of a release: in memory (``data``) or in a local temporary file (``path``)."""

    name: str
    ctype: str
    sha256: str
    size: int
    data: bytes | None = None
    path: str | None = None

    @classmethod
    def of_bytes(cls, name: str, data: bytes, ctype: str) -> _ReleaseFile:
        return cls(name, ctype, sha256_hex(data), len(data), data=data)


def _release_files(
    plan: ReleasePlan, schema: Mapping, package: Mapping, provenance: Mapping, note: str, created: str,
    csv_f: _ReleaseFile, pq_f: _ReleaseFile,
) -> list[_ReleaseFile]:
    """Data files (given), metadata, then SHA256SUMS, in write order."""
    ds = plan.dataset
    schema_doc = _published_schema(schema)
    reserved = {"$schema", "name", "version", "created", "resources"}
    dp: dict[str, Any] = {"$schema": DATAPACKAGE_PROFILE, "name": ds, "title": package.get("title", ds),
                          "version": plan.version, "created": created}
    for k, v in package.items():
        if k not in reserved and k != "title":
            dp[k] = v
    dp.setdefault("licenses", [])
    dp.setdefault("sources", [])
    dp.setdefault("keywords", [])
    dp["resources"] = [
        {"$schema": RESOURCE_PROFILE, "name": ds, "path": f"{ds}.csv", "type": "table", "format": "csv",
         "mediatype": "text/csv", "encoding": "utf-8", "bytes": csv_f.size,
         "hash": f"sha256:{csv_f.sha256}", "schema": schema_doc, "dialect": dict(CSV_DIALECT)},
        {"$schema": RESOURCE_PROFILE, "name": f"{ds}_parquet", "path": f"{ds}.parquet", "type": "table",
         "format": "parquet", "mediatype": "application/vnd.apache.parquet", "bytes": pq_f.size,
         "hash": f"sha256:{pq_f.sha256}", "schema": schema_doc},
    ]
    prov = dict(provenance)
    prov.setdefault("code_version", code_version())
    prov.setdefault("dataset", ds)
    prov.setdefault("version", plan.version)
    prov.setdefault("content_hash", plan.content_hash)
    changes = dict(plan.changes)
    changes.update({"dataset": ds, "version": plan.version, "previous_version": plan.previous_version,
                    "bump": plan.bump, "content_hash": plan.content_hash, "records_total": plan.records})
    if note:
        changes["note"] = note
    files: list[_ReleaseFile] = [
        csv_f,
        pq_f,
        _ReleaseFile.of_bytes("datapackage.json", _json_bytes(dp), "application/json"),
        _ReleaseFile.of_bytes("provenance.json", _json_bytes(prov), "application/json"),
        _ReleaseFile.of_bytes("changes.json", _json_bytes(changes), "application/json"),
        _ReleaseFile.of_bytes("CHANGES.md", _changes_md(changes, note).encode("utf-8"), "text/markdown; charset=utf-8"),
    ]
    sums = "".join(f"{f.sha256}  {f.name}\n" for f in files)
    files.append(_ReleaseFile.of_bytes("SHA256SUMS", sums.encode("ascii"), "text/plain; charset=utf-8"))
    return files

