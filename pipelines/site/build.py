"""Build the whole site into the public store: static assets and the query engine, the home, methodology and about
pages, one page per dataset with its version pages and methodology, then ``data.json``, the feed and the sitemap.

The order of writes is part of the output (the sitemap lists the HTML pages in the order they were written).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2

from pipelines import settings
from pipelines.config import REPO_ROOT
from pipelines.publishing import Publisher
from pipelines.site import deployment
from pipelines.site.catalog import _parse_ts, catalog_json, feed_entries, jsonld, sitemap_urls
from pipelines.site.deployment import load_deployment
from pipelines.site.methodology import (
    RecognizerInfo,
    _counts_from_provenance,
    _mismatch,
    _module_summary,
    list_recognizers,
)
from pipelines.site.model import _Dataset, _load_dataset, _semver
from pipelines.site.periods import _chart, period_table, suppress_count
from pipelines.site.render import (
    CONTENT_TYPES,
    TEMPLATES_DIR,
    _copy_engine,
    _field_rows,
    _json_script,
    make_environment,
)
from pipelines.site.versions import level_diff, version_levels
from pipelines.site.view import dataset_context as _dataset_context
from pipelines.site.view import load_views as _load_views
from pipelines.specs import DatasetSpec, load_specs

log = logging.getLogger("pipelines.site")

DEFAULT_SITE_URL = "http://localhost:8000/"

#: Characters that make a spreadsheet treat a cell as a formula (OWASP); prefixed with ' in the CSV.
CSV_INJECTION_NOTE = (
    "In the CSV file, a text cell that begins with =, +, -, @, a tab or a carriage return is prefixed with an "
    "apostrophe (') so spreadsheets do not run it as a formula; the Parquet file keeps the original value."
)


@dataclass
class SiteResult:
    """What :func:`build_site` wrote: the keys of every page and file, and the number of datasets."""

    pages: list[str]
    datasets: int
    warnings: list[str] = field(default_factory=list)


def site_url_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The site base URL (``OSD_SITE_URL``, default ``http://localhost:8000/``), always ending with ``/``."""
    url = settings.get("OSD_SITE_URL", environ).strip() or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


@dataclass
class _Writer:
    """Writes into the public store and remembers the keys in order; renders templates with the site-wide context
    (relative root, build time, base URL, deployment settings, whether the query engine was copied)."""

    publisher: Publisher
    env: jinja2.Environment
    now: datetime
    base_url: str
    conf: dict[str, Any] = field(default_factory=dict)
    engine: bool = False
    written: list[str] = field(default_factory=list)

    def put(self, key: str, data: bytes) -> None:
        ctype = CONTENT_TYPES.get(Path(key).suffix, "application/octet-stream")
        if key == "robots.txt":
            ctype = CONTENT_TYPES[".txt"]
        self.publisher.put(key, data, content_type=ctype, create_only=False)
        self.written.append(key)

    def render(self, template: str, key: str, **ctx: Any) -> None:
        ctx.setdefault("root", "../" * key.count("/"))
        ctx.setdefault("generated", self.now)
        ctx.setdefault("site_url", self.base_url)
        ctx.setdefault("page_key", key)
        ctx.setdefault("conf", self.conf)
        ctx.setdefault("engine", self.engine)
        self.put(key, self.env.get_template(template).render(**ctx).encode("utf-8"))


@dataclass
class _About:
    """What every methodology page says about the redaction code itself."""

    recognizers: list[RecognizerInfo]
    verify_summary: str


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
    folder = templates or TEMPLATES_DIR
    w = _Writer(publisher, make_environment(folder), now, base_url)
    datasets = [_load_dataset(publisher, s) for s in specs]
    about = _About(list_recognizers(), _module_summary(REPO_ROOT / "redaction" / "verify" / "__init__.py"))

    assets = folder / "assets"
    if assets.is_dir():
        for path in sorted(assets.rglob("*")):
            if path.is_file():
                w.put("assets/" + path.relative_to(assets).as_posix(), path.read_bytes())
    w.engine = _copy_engine(w.put)
    w.conf = load_deployment()
    views = _load_views()
    w.put("favicon.ico", deployment.favicon_ico())
    cards, pages_ctx = [], []
    for ds in datasets:
        ctx = _dataset_context(ds, views.get(ds.spec.name) or {}, base_url, w.conf)
        pages_ctx.append(ctx)
        for key, data in ctx.pop("files").items():
            w.put(f"datasets/{ds.spec.name}/{key}", data)
        cards.append(_card(ds, ctx))
    w.render("index.html", "index.html", datasets=cards, title="Public safety open data")
    w.render("methodology.html", "methodology.html", datasets=cards, recognizers=about.recognizers,
             verify_summary=about.verify_summary, title="Methodology")
    w.render("about.html", "about.html", conf=w.conf, title="About this site")
    for ds, card, ctx in zip(datasets, cards, pages_ctx, strict=True):
        _render_dataset(w, ds, card, ctx, about)

    w.put("data.json", catalog_json(datasets, base_url, now))
    entries = feed_entries(datasets, base_url, now)
    w.render("feed.atom", "feed.atom", entries=[e for _, e in entries],
             updated=max([ts for ts, _ in entries], default=now), root="")
    w.render("sitemap.xml", "sitemap.xml", urls=sitemap_urls(w.written, cards, base_url, now), root="")
    w.render("robots.txt", "robots.txt", root="")
    warnings = [msg for ds in datasets for msg in ds.warnings]
    for msg in warnings:
        log.warning("site: %s", msg)
    return SiteResult(pages=w.written, datasets=len(datasets), warnings=warnings)


def _card(ds: _Dataset, ctx: Mapping[str, Any]) -> dict[str, Any]:
    """A dataset's card on the home and methodology pages."""
    latest_entry = next((v for v in ds.versions if ds.latest and v["version"] == ds.latest.get("version")), None)
    return {
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


def _render_dataset(w: _Writer, ds: _Dataset, card: dict[str, Any], ctx: dict[str, Any], about: _About) -> None:
    """A dataset's page, one page per version and its methodology page."""
    name = ds.spec.name
    page_url = f"{w.base_url}datasets/{name}/"
    fields = _field_rows(ds)
    chart = None
    rows = period_table(ds.period, ds.threshold) if ds.period else []
    if ds.period and ds.period.counts:
        chart = _chart(ds.period, ds.threshold, f"Records per {ds.period.unit}, {ds.spec.title}, "
                                                f"version {ds.latest['version'] if ds.latest else ''}",
                       dict(rows))
    common = dict(ds=card, spec=ds.spec, latest=ds.latest, threshold=ds.threshold, conf=w.conf,
                  suppress=lambda n, t=ds.threshold: suppress_count(int(n), t), csv_note=CSV_INJECTION_NOTE,
                  license=ds.spec.license)
    w.render("dataset.html", f"datasets/{name}/index.html", fields=fields, versions=ds.versions, period=ds.period,
             chart=chart, period_rows=rows, jsonld=_json_script(jsonld(ds, w.base_url, page_url)),
             title=ds.spec.title, **common, **ctx)
    _render_versions(w, ds, page_url, common)
    policy = ds.policy
    figures = _counts_from_provenance(ds.latest_provenance)
    w.render("dataset_methodology.html", f"datasets/{name}/methodology.html", fields=fields, policy=policy,
             drop=sorted(policy.drop.items()), identifiers=sorted(policy.identifiers.items()),
             k_anon=dict(policy.k_anonymity or {}), small_cells=dict(policy.small_cells or {}), figures=figures,
             utility_mismatch=_mismatch(figures.get("utility"), ctx.get("profiles") or {}), period=ds.period,
             recognizers=about.recognizers, verify_summary=about.verify_summary,
             title=f"Methodology: {ds.spec.title}", **common)


def _render_versions(w: _Writer, ds: _Dataset, page_url: str, common: dict[str, Any]) -> None:
    """One page per version: its files, what changed since the previous published version (generalization levels
    included) and how to cite it."""
    name = ds.spec.name
    ladders = dict((ds.spec.policy.get("k_anonymity") or {}).get("quasi_identifiers") or {})
    published = [v for v in ds.versions if not v["retracted"]]
    levels = {v["version"]: version_levels(w.publisher, name, v["version"], ds.schema, ds.threshold, ladders)
              for v in published}
    for v in ds.versions:
        older = [o for o in published if _semver(o["version"]) < _semver(v["version"])]
        prev = max(older, key=lambda o: _semver(o["version"]), default=None)
        v["previous"] = prev["version"] if prev else None
        v["level_changes"] = level_diff(levels.get(prev["version"]) if prev else None, levels.get(v["version"]),
                                        prev["version"] if prev else "", v["version"])
        sha = next((f["sha256"] for f in v["files"] if f["name"] == f"{name}.csv"), None)
        v["citation"] = deployment.citation(str(w.conf.get("publisher") or ""), ds.spec.title, str(v["version"]),
                                            f"{page_url}v{v['version']}/{name}.csv", sha,
                                            str(v.get("published") or ""))
        w.render("version.html", f"datasets/{name}/versions/{v['version']}.html", v=v, versions=ds.versions,
                 page_url=page_url, title=f"{ds.spec.title}, version {v['version']}", **common)
