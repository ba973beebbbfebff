"""The part of a dataset page computed from the released file: dictionary figures, coverage, agency notes,
summary tables with their charts and CSV files, facets with their subsets, the row preview and the citation."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from pipelines.site import shards as site_shards
from pipelines.site.coverage import agencies_in, agency_notes, coverage_table
from pipelines.site.deployment import citation
from pipelines.site.explore import facets, preview
from pipelines.site.profile import ColumnProfile, profile_table
from pipelines.site.tables import SummaryTable, bar_chart, crosstab

VIEWS_FILE = Path(__file__).resolve().parent.parent.parent / "site_templates" / "views.yaml"


def load_views(path: Path = VIEWS_FILE) -> dict[str, Any]:
    """Per dataset: ``facets``, default ``tables`` and dictionary ``topics`` (``site_templates/views.yaml``)."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data if isinstance(data, dict) else {}


def _topics(profiles: list[ColumnProfile], topics: Mapping[str, str]) -> None:
    for p in profiles:
        topic = topics.get(p.name)
        if topic:
            p.uses = [u.replace(f"to study anything by {p.title.lower()}", f"to study {topic}") for u in p.uses]


def release_summary(profiles: list[ColumnProfile]) -> list[str]:
    """The few facts about this release a reader must know before using it (from the file, not the spec)."""
    out = []
    gone = [p.title for p in profiles if p.rows and p.withheld == p.rows]
    if gone:
        out.append(f"Withheld in every row (shown as *): {', '.join(gone)}.")
    for p in profiles:
        if p.kind in ("period", "time") and p.levels and not (p.rows and p.withheld == p.rows):
            what = "Dates" if p.kind == "period" else "Times of day"
            out.append(f"{what} ({p.title}): " + ", ".join(
                f"{c.label}{f' ({c.share})' if c.share and len(p.levels) > 1 else ''}" for c in p.levels) + ".")
    part = [f"{p.title} ({p.withheld_shown if p.withheld < 11 else _share(p)})" for p in profiles
            if 0 < p.withheld < p.rows]
    if part:
        out.append(f"Withheld in some rows: {', '.join(part)}.")
    return out


def _share(p: ColumnProfile) -> str:
    return f"{100 * p.withheld / p.rows:.0f}% of rows"


def _chart_for(t: SummaryTable, threshold: int) -> dict[str, Any] | None:
    """Bars of the row totals (a one-column table: its counts); none for a rate table."""
    if t.rate_of or not t.body:
        return None
    body = [r for r in t.body if r[0] != t.totals_label]
    if not body:
        return None
    col = len(t.header) - 1  # the Total column, or the only count column
    labels = [r[0] for r in body]
    shown = [r[col] for r in body]
    if not any(x.replace(",", "").isdigit() for x in shown):
        return None  # every total withheld: a chart of outlined bars would say nothing
    values = [sum(row) for row in t.counts][: len(body)]
    what = f"Records by {t.header[0].lower()}"
    if len(t.header) > 2:
        what += " (totals of the table)"
    return bar_chart(labels, values, shown, what, threshold=threshold)


def dataset_context(ds: Any, view: Mapping[str, Any], base_url: str, conf: Mapping[str, Any]) -> dict[str, Any]:
    """Template variables of one dataset page, and the extra files to publish beside it (``files``)."""
    spec, table, threshold = ds.spec, ds.table, ds.threshold
    fields = list(ds.schema.get("fields") or [])
    titles = {f["name"]: str(f.get("title") or f["name"]) for f in fields}
    enums = {f["name"]: [str(x) for x in (f.get("constraints") or {}).get("enum") or []] for f in fields}
    policy = spec.policy if isinstance(spec.policy, Mapping) else {}
    ladders = dict((policy.get("k_anonymity") or {}).get("quasi_identifiers") or {})
    temporal = spec.temporal_field
    files: dict[str, bytes] = {}
    ctx: dict[str, Any] = {"profiles": {}, "agencies": [], "coverage": None, "notes": [], "tables": [],
                           "facets": [], "preview": None, "citation": None, "csv_sha": None,
                           "in_release": [], "labels_json": "{}"}
    if table is None:
        ctx["files"] = files
        return ctx
    profiles = profile_table(table, ds.schema, threshold, ladders=ladders)
    _topics(profiles, view.get("topics") or {})
    ctx["profiles"] = {p.name: p for p in profiles}
    ctx["in_release"] = release_summary(profiles)
    ctx["agencies"] = agencies_in(table)
    cov = coverage_table(table, temporal, threshold, titles)
    ctx["coverage"] = cov
    ctx["notes"] = agency_notes(table, spec.sources, dict(policy.get("columns") or {}), titles)
    wanted: list[dict[str, Any]] = []
    for dims in (policy.get("small_cells") or {}).get("tables") or []:
        dims = list(dims)
        wanted.append({"rows": dims[0], "cols": dims[1] if len(dims) > 1 else None})
    wanted += [dict(t) for t in view.get("tables") or []]
    tables: list[SummaryTable] = []
    seen: set[str] = set()
    for w in wanted:
        t = crosstab(table, w["rows"], w.get("cols"), temporal=temporal, threshold=threshold, titles=titles,
                     enums=enums, rate_of=w.get("rate"), title=w.get("title"))
        if t is None or t.slug in seen:
            continue
        seen.add(t.slug)
        t.chart = _chart_for(t, threshold)
        files[f"tables/{t.slug}.csv"] = t.csv_text().encode("utf-8")
        tables.append(t)
    if cov is not None:
        files[f"tables/{cov.slug}.csv"] = cov.csv_text().encode("utf-8")
    ctx["tables"] = tables
    fac, subset_files = facets(table, view.get("facets") or [], temporal=temporal, threshold=threshold,
                               titles=titles, enums=enums, schema=ds.schema)
    files.update(subset_files)
    ctx["facets"] = fac
    ctx["preview"] = preview(table)
    ctx["labels_json"] = json.dumps({**titles, "year": "Year"}, ensure_ascii=False)
    if ds.latest:
        version = str(ds.latest["version"])
        current = next((v for v in ds.versions if v["version"] == version), None) or {}
        # a sharded version has no one CSV: it is cited by its datapackage.json, which lists every shard's files
        cited = "datapackage.json" if site_shards.is_sharded(ds.latest_package) else f"{spec.name}.csv"
        sha = next((f["sha256"] for f in current.get("files") or [] if f["name"] == cited), None)
        url = f"{base_url}datasets/{spec.name}/v{version}/{cited}"
        published = str(ds.latest.get("published") or "")
        ctx["csv_sha"] = sha
        ctx["citation"] = {"text": citation(str(conf.get("publisher") or spec.publisher.get("name", "")),
                                            spec.title, version, url, sha, published),
                           "url": url, "version": version, "sha256": sha, "published": published[:10]}
    ctx["files"] = files
    return ctx
