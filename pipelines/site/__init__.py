"""Static site of the public store: home, dataset pages, methodology, DCAT-US catalog, Atom feed, sitemap.

Every page is rendered with ONE Jinja2 environment (autoescape, StrictUndefined) from ``site_templates/`` and
only from *public* inputs: what is already in the public store (``latest.json``, ``versions.json`` and each
version's ``datapackage.json``, ``provenance.json``, ``changes.json``, ``TOMBSTONE.json``, the latest Parquet
file for the records-per-month chart) plus the dataset specs, their redaction policies and public schemas.
The private store is never opened. Links inside HTML pages are relative, so the same files work from a local
folder, any static web server or an S3 bucket website; absolute URLs (``data.json``, ``feed.atom``,
``sitemap.xml``, JSON-LD) use the site base URL from ``OSD_SITE_URL`` (default ``http://localhost:8000/``).

Counts shown in tables are small-cell suppressed: a count from 1 to ``threshold - 1`` (policy
``small_cells.threshold``, default 11) prints as ``<11``.
"""

from __future__ import annotations

import ast
import io
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
import pyarrow as pa
import pyarrow.parquet as pq
from markupsafe import Markup, escape

from pipelines import settings
from pipelines.config import REPO_ROOT
from pipelines.errors import OsdError
from pipelines.publishing import Publisher, PublishError, list_versions, read_json, sha256_hex
from pipelines.site import deployment
from pipelines.site.catalog import _parse_ts, _rfc3339, dcat_dataset, jsonld
from pipelines.site.deployment import load_deployment
from pipelines.site.periods import (
    UNDATED_LABEL,
    PeriodCounts,
    _chart,
    period_counts,
    period_table,
    suppress_count,
)
from pipelines.site.versions import level_diff, version_levels
from pipelines.site.view import dataset_context as _dataset_context
from pipelines.site.view import load_views as _load_views
from pipelines.specs import DatasetSpec, load_specs
from redaction.policy import KIND, Policy, load_policy

log = logging.getLogger(__name__)

__all__ = ["SiteError", "SiteResult", "build_site", "site_url_from_env", "period_counts", "period_table",
           "PeriodCounts", "UNDATED_LABEL", "suppress_count", "TEMPLATES_DIR"]

TEMPLATES_DIR = REPO_ROOT / "site_templates"
RECOGNIZERS_DIR = REPO_ROOT / "redaction" / "recognizers"
DEFAULT_SITE_URL = "http://localhost:8000/"
DEFAULT_SMALL_CELL = 11
DCAT_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"

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

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css",
    ".csv": "text/csv; charset=utf-8",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".ico": "image/x-icon",
}

#: Characters that make a spreadsheet treat a cell as a formula (OWASP); prefixed with ' in the CSV.
CSV_INJECTION_NOTE = (
    "In the CSV file, a text cell that begins with =, +, -, @, a tab or a carriage return is prefixed with an "
    "apostrophe (') so spreadsheets do not run it as a formula; the Parquet file keeps the original value."
)


class SiteError(OsdError):
    """The site cannot be built (a spec, policy or public file is unusable); names the file, never a value."""

    code = "site-error"


@dataclass
class SiteResult:
    """What :func:`build_site` wrote: the keys of every page and file, and the number of datasets."""

    pages: list[str]
    datasets: int
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------- helpers


def site_url_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The site base URL (``OSD_SITE_URL``, default ``http://localhost:8000/``), always ending with ``/``."""
    url = settings.get("OSD_SITE_URL", environ).strip() or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


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


def _first_line(doc: str | None) -> str:
    """The docstring's first line without its parenthesized examples: example names written by developers
    could match someone in the data, and the public site must not carry a name (the no-leak test checks it)."""
    line = (doc or "").strip().splitlines()[0].strip() if (doc or "").strip() else ""
    line = re.sub(r"\s*\((?:[^()]*\([^()]*\))*[^()]*\)", "", line)
    return re.sub(r"``([^`]*)``", r"\1", line).strip()


@dataclass
class RecognizerInfo:
    """One custom recognizer module: its file, its entity types and the first line of its docstring."""

    module: str
    summary: str
    entities: list[str]
    classes: list[str]


def list_recognizers(folder: Path = RECOGNIZERS_DIR) -> list[RecognizerInfo]:
    """Modules of ``redaction/recognizers/`` that define a ``*Recognizer`` class (read with ``ast``, not imported)."""
    out: list[RecognizerInfo] = []
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        classes: list[str] = []
        entities: list[str] = []
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Recognizer"):
                classes.append(node.name)
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id in ("ENTITY", "SUPPORTED_ENTITY") for t in stmt.targets)
                        and isinstance(stmt.value, ast.Constant)
                        and isinstance(stmt.value.value, str)
                    ):
                        entities.append(stmt.value.value)
        if classes:
            out.append(
                RecognizerInfo(
                    module=path.stem,
                    summary=_first_line(ast.get_docstring(tree)),
                    entities=sorted(set(entities)),
                    classes=classes,
                )
            )
    return out


def _module_summary(path: Path) -> str:
    try:
        return _first_line(ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return ""


# --------------------------------------------------------------------------------------------------- reading


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


def _constraints_text(f: Mapping[str, Any]) -> list[str]:
    c = dict(f.get("constraints") or {})
    out = []
    if c.get("required"):
        out.append("required")
    if c.get("unique"):
        out.append("unique")
    if "pattern" in c:
        out.append(f"pattern {c['pattern']}")
    for k, label in (("minimum", "minimum"), ("maximum", "maximum"), ("minLength", "min length"),
                     ("maxLength", "max length")):
        if k in c:
            out.append(f"{label} {c[k]}")
    return out


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
            ds.table = _latest_table(pub, spec, current, ds.warnings)
            tf = spec.temporal_field
            if ds.table is not None and tf and tf in ds.table.column_names:
                ds.period = period_counts(ds.table.column(tf))
        else:
            ds.latest = None
    return ds


def _latest_table(pub: Publisher, spec: DatasetSpec, current: Mapping[str, Any], warnings: list[str]) -> (
        pa.Table | None):
    """The latest release's Parquet file, as published (the dictionary, tables and facets are computed from it)."""
    key = f"datasets/{spec.name}/v{current['version']}/{spec.name}.parquet"
    data = pub.get(key)
    if data is None:
        warnings.append(f"{key}: not found, no dictionary figures or chart")
        return None
    try:
        return pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:
        warnings.append(f"{key}: unreadable Parquet ({type(exc).__name__}), no dictionary figures or chart")
        return None


# --------------------------------------------------------------------------------------------------- rendering


def code_ticks(text: str) -> Markup:
    """Escape `text`, then render `name` spans (as the policy describes columns) as <code>name</code>."""
    parts = str(escape(text or "")).split("`")
    return Markup("".join(p if i % 2 == 0 else f"<code>{p}</code>" for i, p in enumerate(parts)))


_HUMAN = {"part_of_day": "part of day", "4h": "4-hour block", "minor_adult": "minor or adult",
          "coarsen_date": "date coarsening", "coarsen_time": "time coarsening", "5y": "5-year band",
          "10y": "10-year band", "age_band": "age band", "hundred_block": "hundred block"}


def human_labels(text: str) -> str:
    """Internal level and treatment names (``part_of_day``, ``4h``) in words a reader uses."""
    out = str(text or "")
    for k in sorted(_HUMAN, key=len, reverse=True):
        out = re.sub(rf"(?<![\w-]){re.escape(k)}(?![\w-])", _HUMAN[k], out)
    return out


def make_environment(templates: Path = TEMPLATES_DIR) -> jinja2.Environment:
    """The one Jinja2 environment: autoescape everywhere, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["size"] = human_size
    env.filters["ticks"] = code_ticks
    env.filters["human"] = human_labels
    env.filters["when"] = lambda ts: ts.strftime("%Y-%m-%d") if isinstance(ts, datetime) else (str(ts)[:10] if ts else "")
    env.filters["rfc3339"] = lambda ts: _rfc3339(ts) if isinstance(ts, datetime) else str(ts or "")
    return env


def _json_script(obj: Any) -> Markup:
    """JSON safe inside <script>: '<', '>' and '&' escaped as \\u sequences."""
    text = json.dumps(obj, indent=2, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - escaped above


def _field_rows(ds: _Dataset) -> list[dict[str, Any]]:
    rows = []
    for f in ds.schema.get("fields") or []:
        name = f["name"]
        t = ds.policy.columns.get(name)
        c = dict(f.get("constraints") or {})
        rows.append(
            {
                "name": name,
                "title": f.get("title") or "",
                "type": f.get("type") or "string",
                "format": f.get("format") or "",
                "description": str(f.get("description") or "").strip(),
                "constraints": _constraints_text(f),
                "enum": [str(x) for x in c.get("enum") or []],
                "treatment": t.name if t else "",
                "kind": KIND.get(t.name, t.name) if t else "no treatment in the current policy",
                "describe": t.describe() if t else "",
                "why": t.why if t else "",
                "string": (f.get("type") or "string") == "string",
            }
        )
    return rows


_LEVEL_TEXT = {"*": "withheld entirely (every value replaced by *)", "value": "as recorded (not generalized)"}


def _counts_from_provenance(prov: Mapping[str, Any] | None) -> dict[str, Any]:
    """Figures for the methodology page, from provenance.json (every value is a count, a code or a setting).

    Reads the shape written by ``pipelines.stages.provenance``: ``counts`` {ingested, published, quarantined,
    suppressed}, ``quarantine_reasons`` {code: n}, ``redactions_by_type`` {entity: n}, ``disclosure_control``
    {k_achieved, k_target, rows_suppressed, levels}; older keys (``sdc``, ``redactions``) are accepted too.
    """
    prov = dict(prov or {})
    counts = dict(prov.get("counts") or {})
    sdc = dict(prov.get("disclosure_control") or prov.get("sdc") or {})
    redactions = prov.get("redactions_by_type") or prov.get("redactions") or {}
    quarantined = counts.get("quarantined", prov.get("quarantined"))
    suppressed = sdc.get("rows_suppressed", sdc.get("suppressed", counts.get("suppressed")))
    k_achieved = sdc.get("k_achieved")
    levels = sdc.get("levels") or {}
    reasons = prov.get("quarantine_reasons") or {}

    def num(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool)

    return {
        "redactions": sorted((str(k), int(v)) for k, v in dict(redactions).items() if num(v)),
        "quarantined": quarantined if num(quarantined) else None,
        "suppressed": suppressed if num(suppressed) else None,
        "k_achieved": k_achieved,
        "k_target": sdc.get("k_target"),
        "generalized": sorted((str(k), _LEVEL_TEXT.get(str(v), str(v))) for k, v in dict(levels).items())
        if isinstance(levels, Mapping) else [],
        "counts": [(k.replace("_", " "), v) for k, v in counts.items() if num(v)],
        "reasons": sorted((str(k), int(v)) for k, v in dict(reasons).items() if num(v)) if isinstance(
            reasons, Mapping) else [],
        "texts_redacted": prov.get("texts_redacted") if num(prov.get("texts_redacted")) else None,
        "code_version": prov.get("code_version"),
        "utility": _utility(prov.get("utility")),
    }


def _mismatch(utility: Mapping[str, Any] | None, profiles: Mapping[str, Any]) -> list[str]:
    """Columns whose withheld share in provenance's report differs from the released file by more than 1 point."""
    out = []
    for c in (utility or {}).get("columns") or []:
        p = profiles.get(c["name"])
        sup = c.get("suppressed_share")
        if p is not None and p.rows and isinstance(sup, int | float) and abs(sup - p.withheld / p.rows) > 0.01:
            out.append(c["name"])
    return out


def _utility(rep: Any) -> dict[str, Any] | None:
    """The utility and risk report of provenance.json (``redaction.sdc.report``), if the release has one:
    scalar figures and, per quasi-identifier, its level shares and suppressed share."""
    if not isinstance(rep, Mapping):
        return None

    def num(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool)

    figures = [(k.replace("_", " "), rep[k]) for k in ("k_achieved", "k_target", "classes", "classes_below_k",
                                                      "rows_in_classes_below_k", "information_kept") if num(rep.get(k))]
    cols = []
    for name, e in (rep.get("columns") or {}).items():
        if isinstance(e, Mapping) and isinstance(e.get("levels"), Mapping):
            shares = ", ".join(f"{human_labels(str(lv))} {100 * v:.0f}%" for lv, v in e["levels"].items()
                               if num(v) and lv != "suppressed")
            sup = e.get("suppressed_share")
            share = float(sup) if isinstance(sup, int | float) and not isinstance(sup, bool) else None
            cols.append({"name": str(name), "shares": shares,
                         "suppressed": f"{100 * share:.0f}%" if share is not None else "", "suppressed_share": share})
    return {"figures": figures, "columns": cols}


#: Where ``make site-vendor`` puts the engine; ``make demo`` points ``OSD_SITE_VENDOR`` at it.
DEFAULT_VENDOR = REPO_ROOT / "var" / "site-vendor"


def engine_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """The in-browser query engine's folder (``OSD_SITE_VENDOR``/duckdb), or None when the variable is unset.

    Opt-in: the engine is 35 MB, and a site built without it (tests, previews) gets the CSV filter instead.
    """
    value = settings.get("OSD_SITE_VENDOR", environ).strip()
    return Path(value) / "duckdb" if value else None


def _copy_engine(put: Any) -> bool:
    """Copy the vendored DuckDB-WASM files into ``assets/duckdb/``; False (the pages fall back to a CSV filter)
    when no engine is configured or ``make site-vendor`` has not been run."""
    folder = engine_dir()
    if folder is None:
        return False
    if not (folder / "duckdb.mjs").is_file():
        log.warning("site: no query engine in %s (run make site-vendor); the query tool filters the CSV instead",
                    folder)
        return False
    for path in sorted(folder.iterdir()):
        if path.is_file():
            put(f"assets/duckdb/{path.name}", path.read_bytes())
    return True


def build_site(
    publisher: Publisher,
    specs: Sequence[DatasetSpec] | None = None,
    *,
    site_url: str | None = None,
    now: datetime | None = None,
    templates: Path | None = None,
) -> SiteResult:
    """Render the whole site into the public store through ``publisher.put(..., create_only=False)``.

    Reads only public files from ``publisher`` plus the specs (policies, schemas); returns the keys written.
    """
    specs = list(load_specs() if specs is None else specs)
    base_url = site_url_from_env() if site_url is None else (site_url if site_url.endswith("/") else site_url + "/")
    now = (now or datetime.now(UTC)).astimezone(UTC)
    env = make_environment(templates or TEMPLATES_DIR)
    datasets = [_load_dataset(publisher, s) for s in specs]
    recognizers = list_recognizers()
    verify_summary = _module_summary(REPO_ROOT / "redaction" / "verify" / "__init__.py")
    written: list[str] = []

    def put(key: str, data: bytes) -> None:
        ctype = CONTENT_TYPES.get(Path(key).suffix, "application/octet-stream")
        if key == "robots.txt":
            ctype = CONTENT_TYPES[".txt"]
        publisher.put(key, data, content_type=ctype, create_only=False)
        written.append(key)

    def render(template: str, key: str, **ctx: Any) -> None:
        depth = key.count("/")
        ctx.setdefault("root", "../" * depth)
        ctx.setdefault("generated", now)
        ctx.setdefault("site_url", base_url)
        ctx.setdefault("page_key", key)
        ctx.setdefault("conf", conf)
        ctx.setdefault("engine", engine)
        put(key, env.get_template(template).render(**ctx).encode("utf-8"))

    # static assets
    assets = (templates or TEMPLATES_DIR) / "assets"
    if assets.is_dir():
        for path in sorted(assets.rglob("*")):
            if path.is_file():
                put("assets/" + path.relative_to(assets).as_posix(), path.read_bytes())

    engine = _copy_engine(put)
    conf = load_deployment()
    views = _load_views()
    put("favicon.ico", deployment.favicon_ico())
    cards = []
    pages_ctx = []
    for ds in datasets:
        latest_entry = next((v for v in ds.versions if ds.latest and v["version"] == ds.latest.get("version")), None)
        ctx = _dataset_context(ds, views.get(ds.spec.name) or {}, base_url, conf)
        pages_ctx.append(ctx)
        for key, data in ctx.pop("files").items():
            put(f"datasets/{ds.spec.name}/{key}", data)
        cards.append(
            {
                "name": ds.spec.name,
                "title": ds.spec.title,
                "description": ds.spec.description,
                "version": ds.latest["version"] if ds.latest else None,
                "published": _parse_ts(ds.latest.get("published")) if ds.latest else None,
                "records": latest_entry.get("records_text") if latest_entry else None,
                "period": ds.period,
                "retracted": sum(1 for v in ds.versions if v["retracted"]),
                "agencies": ctx["agencies"],
                "coverage": ctx["coverage"],
                "notes": ctx["notes"],
            }
        )
    render("index.html", "index.html", datasets=cards, title="Public safety open data")
    render("methodology.html", "methodology.html", datasets=cards, recognizers=recognizers,
           verify_summary=verify_summary, title="Methodology")
    render("about.html", "about.html", conf=conf, title="About this site")

    for ds, card, ctx in zip(datasets, cards, pages_ctx, strict=True):
        name = ds.spec.name
        page_url = f"{base_url}datasets/{name}/"
        fields = _field_rows(ds)
        chart = None
        rows = period_table(ds.period, ds.threshold) if ds.period else []
        if ds.period and ds.period.counts:
            chart = _chart(ds.period, ds.threshold, f"Records per {ds.period.unit}, {ds.spec.title}, "
                                                    f"version {ds.latest['version'] if ds.latest else ''}",
                           dict(rows))
        common = dict(ds=card, spec=ds.spec, latest=ds.latest, threshold=ds.threshold, conf=conf,
                      suppress=lambda n, t=ds.threshold: suppress_count(int(n), t), csv_note=CSV_INJECTION_NOTE,
                      license=ds.spec.license)
        render(
            "dataset.html",
            f"datasets/{name}/index.html",
            fields=fields,
            versions=ds.versions,
            period=ds.period,
            chart=chart,
            period_rows=rows,
            jsonld=_json_script(jsonld(ds, base_url, page_url)),
            title=ds.spec.title,
            **common,
            **ctx,
        )
        ladders = dict((ds.spec.policy.get("k_anonymity") or {}).get("quasi_identifiers") or {})
        published = [v for v in ds.versions if not v["retracted"]]
        levels = {v["version"]: version_levels(publisher, name, v["version"], ds.schema, ds.threshold, ladders)
                  for v in published}
        for v in ds.versions:
            older = [o for o in published if _semver(o["version"]) < _semver(v["version"])]
            prev = max(older, key=lambda o: _semver(o["version"]), default=None)
            v["previous"] = prev["version"] if prev else None
            v["level_changes"] = level_diff(levels.get(prev["version"]) if prev else None, levels.get(v["version"]),
                                            prev["version"] if prev else "", v["version"])
            sha = next((f["sha256"] for f in v["files"] if f["name"] == f"{name}.csv"), None)
            v["citation"] = deployment.citation(str(conf.get("publisher") or ""), ds.spec.title, str(v["version"]),
                                                f"{page_url}v{v['version']}/{name}.csv", sha,
                                                str(v.get("published") or ""))
            render("version.html", f"datasets/{name}/versions/{v['version']}.html", v=v, versions=ds.versions,
                   page_url=page_url, title=f"{ds.spec.title}, version {v['version']}", **common)
        policy = ds.policy
        figures = _counts_from_provenance(ds.latest_provenance)
        render(
            "dataset_methodology.html",
            f"datasets/{name}/methodology.html",
            fields=fields,
            policy=policy,
            drop=sorted(policy.drop.items()),
            identifiers=sorted(policy.identifiers.items()),
            k_anon=dict(policy.k_anonymity or {}),
            small_cells=dict(policy.small_cells or {}),
            figures=figures,
            utility_mismatch=_mismatch(figures.get("utility"), ctx.get("profiles") or {}),
            period=ds.period,
            recognizers=recognizers,
            verify_summary=verify_summary,
            title=f"Methodology: {ds.spec.title}",
            **common,
        )
    # catalog, feed, sitemap, robots
    catalog = {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@id": f"{base_url}data.json",
        "@type": "dcat:Catalog",
        "conformsTo": DCAT_SCHEMA,
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [d for d in (dcat_dataset(ds, base_url, now) for ds in datasets) if d is not None],
    }
    put("data.json", (json.dumps(catalog, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))

    entries: list[tuple[datetime, dict[str, Any]]] = []
    for ds in datasets:
        for v in ds.versions:
            ts: datetime = v.get("published_at") or now
            if v["retracted"]:
                rts = _parse_ts((v.get("tombstone") or {}).get("retracted_at") or v.get("retracted_at"))
                ts = max(ts, rts or ts)
            entries.append((ts, {"dataset": ds.spec, "v": v, "updated": ts,
                                 "url": f"{base_url}datasets/{ds.spec.name}/index.html#v{v['version']}"}))
    entries.sort(key=lambda e: e[0], reverse=True)
    feed_updated = max([ts for ts, _ in entries], default=now)
    render("feed.atom", "feed.atom", entries=[e for _, e in entries], updated=feed_updated, root="")

    pages = [k for k in written if k.endswith(".html")]
    lastmod = {f"datasets/{c['name']}/": c["published"] for c in cards}
    sm = []
    for k in pages:
        folder = k.rsplit("/", 1)[0] + "/" if "/" in k else ""
        sm.append({"loc": base_url + k, "lastmod": lastmod.get(folder) or now})
    render("sitemap.xml", "sitemap.xml", urls=sm, root="")
    render("robots.txt", "robots.txt", root="")
    warnings = [w for ds in datasets for w in ds.warnings]
    for w in warnings:
        log.warning("site: %s", w)
    return SiteResult(pages=written, datasets=len(datasets), warnings=warnings)
