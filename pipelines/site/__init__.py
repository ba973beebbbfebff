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

The package, one concept per module: ``model`` (what a dataset looks like in the public store), ``periods``
(records per period, small-cell suppressed), ``view`` and its parts (``profile``, ``tables``, ``coverage``,
``explore``: the dataset page computed from the released file), ``versions`` (level changes between versions),
``methodology`` (recognizers and provenance figures), ``catalog`` (JSON-LD, DCAT ``data.json``, feed, sitemap),
``render`` (the Jinja2 environment, content types, the query engine), ``build`` (:func:`build_site`, writing it
all). This module re-exports what callers import.
"""

from __future__ import annotations

from pipelines.site.build import (
    CSV_INJECTION_NOTE,
    DEFAULT_SITE_URL,
    SiteResult,
    build_site,
    site_url_from_env,
)
from pipelines.site.catalog import DCAT_SCHEMA
from pipelines.site.methodology import RECOGNIZERS_DIR, RecognizerInfo, list_recognizers
from pipelines.site.model import DEFAULT_SMALL_CELL, RELEASE_FILES, SiteError, human_size
from pipelines.site.periods import (
    UNDATED_LABEL,
    PeriodCounts,
    _chart,
    period_counts,
    period_table,
    suppress_count,
)
from pipelines.site.render import (
    CONTENT_TYPES,
    DEFAULT_VENDOR,
    TEMPLATES_DIR,
    code_ticks,
    engine_dir,
    human_labels,
    make_environment,
)

__all__ = ["SiteError", "SiteResult", "build_site", "site_url_from_env", "period_counts", "period_table",
           "PeriodCounts", "UNDATED_LABEL", "suppress_count", "TEMPLATES_DIR", "CSV_INJECTION_NOTE",
           "DEFAULT_SITE_URL", "DCAT_SCHEMA", "RECOGNIZERS_DIR", "RecognizerInfo", "list_recognizers",
           "DEFAULT_SMALL_CELL", "RELEASE_FILES", "human_size", "CONTENT_TYPES", "DEFAULT_VENDOR", "code_ticks",
           "engine_dir", "human_labels", "make_environment", "_chart"]
