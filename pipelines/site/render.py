"""Rendering: the one Jinja2 environment and its filters, the content types of what the site writes, the rows of
a dataset's data dictionary, and the vendored in-browser query engine copied into the site."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from pipelines import settings
from pipelines.config import REPO_ROOT
from pipelines.site.catalog import _rfc3339
from pipelines.site.model import _Dataset, human_size
from redaction.policy import KIND

log = logging.getLogger("pipelines.site")

TEMPLATES_DIR = REPO_ROOT / "site_templates"

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

