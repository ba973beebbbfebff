"""Build a small public store (releases of every dataset) for site tests, through ``pipelines.publishing``.

``build_public_store(tmp_path)`` publishes, per dataset spec: version 1.0.0, then a minor 1.1.0 with more
records (stops also gets a 1.1.1 correction that is then retracted, so the store holds a tombstone). Tables are
generated from each spec's public Table Schema (synthetic, deterministic): pseudonym patterns, enums, booleans,
dates spread over several months, with some ISO weeks, one undated record and text cells that start with ``=``
to exercise the CSV-injection note. Nothing is committed; everything is written under the given folder.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipelines import publishing
from pipelines.specs import DatasetSpec, load_specs
from tests.reference import release as reference

_PREFIX = re.compile(r"^([a-z]+)_\[0-9a-f\]\{16\}$")
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _hex16(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()[:16]


def synthetic_table(spec: DatasetSpec, n: int, *, seed: int = 7, start: date = date(2024, 1, 3),
                    months: int = 6, extra: Mapping[str, list[Any]] | None = None) -> pa.Table:
    """A public table of ``n`` rows matching ``spec``'s public schema (no personal data: all synthetic)."""
    rng = random.Random(seed)
    cols: dict[str, list[Any]] = {}
    span = months * 30
    for f in spec.schema["fields"]:
        name, ftype = f["name"], f.get("type", "string")
        cons = f.get("constraints") or {}
        m = _PREFIX.match(str(cons.get("pattern", "")))
        vals: list[Any]
        if m:
            vals = [f"{m.group(1)}_{_hex16(f'{spec.name}:{name}:{i}')}" for i in range(n)]
        elif cons.get("enum"):
            vals = [rng.choice(cons["enum"]) for _ in range(n)]
        elif ftype == "boolean":
            vals = [rng.random() < 0.3 for _ in range(n)]
        elif name == spec.temporal_field:
            vals = []
            for i in range(n):
                d = start + timedelta(days=(i * 7919) % span)
                if i % 17 == 5:
                    iso = d.isocalendar()
                    vals.append(f"{iso.year:04d}-W{iso.week:02d}")
                elif i == n - 1:
                    vals.append(None)
                else:
                    vals.append(d.isoformat())
        elif ftype == "integer":
            vals = [rng.randint(0, 99) for _ in range(n)]
        elif ftype == "number":
            vals = [round(rng.random() * 100, 2) for _ in range(n)]
        elif name == "agency":
            vals = ["Rivertown Police Department"] * n
        elif name == "district":
            vals = [rng.choice(["D1", "D2", "D3"]) for _ in range(n)]
        elif name.endswith("_hour"):
            vals = [f"{rng.randint(0, 23):02d}:00" for _ in range(n)]
        elif name.endswith("age_band"):
            vals = [rng.choice(["18-24", "25-34", "35-44", "45-54", "55+"]) for _ in range(n)]
        else:
            vals = [f"=HYPERLINK(\"x\") note {i}" if i % 50 == 3 else f"{name} text {i % 13}" for i in range(n)]
        if extra and name in extra:
            vals = list(extra[name])[:n] + vals[len(extra[name]):]
        cols[name] = vals
    arrow_types = {"boolean": pa.bool_(), "integer": pa.int64(), "number": pa.float64()}
    return pa.table({f["name"]: pa.array(cols[f["name"]], arrow_types.get(f.get("type", "string"), pa.string()))
                     for f in spec.schema["fields"]})


def _package(spec: DatasetSpec) -> dict[str, Any]:
    return {
        "title": spec.title,
        "description": spec.description,
        "keywords": spec.keywords,
        "licenses": [spec.license],
        "sources": [{"title": "Synthetic test data"}],
    }


def _provenance(spec: DatasetSpec, rows: int) -> dict[str, Any]:
    """Same shape as ``pipelines.stages.provenance`` (counts, codes and settings only)."""
    return {
        "dataset": spec.name,
        "inputs": {"synthetic.csv": "sha256:" + "0" * 64},
        "policy_and_schema_files": {"pipelines/datasets/x.yaml": "sha256:" + "1" * 64},
        "counts": {"ingested": rows + 6, "published": rows, "quarantined": 4, "suppressed": 2},
        "quarantine_reasons": {"type-error:occurred_at": 3, "unmapped-code:subject_race": 1},
        "redactions_by_type": {"PERSON": 42, "ADDRESS": 17, "PHONE": 3},
        "texts_redacted": 120,
        "disclosure_control": {"k_target": 5, "k_achieved": 6, "rows_suppressed": 2,
                               "levels": {spec.temporal_field or "date": "day"}},
        "checks": {"schema": "passed", "leaks": "passed"},
        # the shape of redaction.sdc.report.utility_report; says location is never withheld (true for the
        # generated tables, not for a release that withholds it: the site must notice)
        "utility": {"rows_published": rows, "k_target": 5, "k_achieved": 6, "classes": 40, "classes_below_k": 0,
                    "information_kept": 0.87,
                    "columns": {"location": {"role": "quasi_identifier", "levels": {"value": 1.0},
                                             "suppressed_share": 0.0}}},
    }


@dataclass
class StoreInfo:
    """What :func:`build_public_store` published."""

    root: Path
    publisher: publishing.LocalPublisher
    specs: list[DatasetSpec]
    latest: dict[str, str]  # dataset -> latest version
    retracted: dict[str, str]  # dataset -> retracted version


def publish_table(pub: publishing.Publisher, spec: DatasetSpec, table: pa.Table, *, note: str = "",
                  now: datetime = NOW) -> publishing.ReleaseResult:
    """Plan and publish one release of ``table`` for ``spec``."""
    plan = reference.plan_release(pub, spec.name, table, spec.schema)
    return reference.publish_release(pub, plan, table, spec.schema, package=_package(spec),
                                      provenance=_provenance(spec, table.num_rows), note=note, now=now)


def build_public_store(root: Path, specs: Sequence[DatasetSpec] | None = None, *, rows: int = 240) -> StoreInfo:
    """Publish two versions of every dataset (and a retracted third one for ``stops``) under ``root``."""
    specs = list(load_specs() if specs is None else specs)
    pub = publishing.LocalPublisher(root)
    latest: dict[str, str] = {}
    retracted: dict[str, str] = {}
    for spec in specs:
        publish_table(pub, spec, synthetic_table(spec, rows), note="First release.", now=NOW - timedelta(days=30))
        r = publish_table(pub, spec, synthetic_table(spec, rows + 60), note="Records of a new month added.",
                          now=NOW - timedelta(days=10))
        latest[spec.name] = r.version
        if spec.name == "stops":
            t = synthetic_table(spec, rows + 60)
            enum = next(f for f in spec.schema["fields"] if (f.get("constraints") or {}).get("enum"))
            vals = t.column(enum["name"]).to_pylist()
            choices = enum["constraints"]["enum"]
            vals[0] = choices[(choices.index(vals[0]) + 1) % len(choices)]
            t = t.set_column(t.schema.get_field_index(enum["name"]), enum["name"], pa.array(vals, pa.string()))
            bad = publish_table(pub, spec, t, note="Correction.", now=NOW - timedelta(days=5))
            publishing.retract(pub, spec.name, bad.version, "Published with a coding error in one column.",
                               now=NOW - timedelta(days=4))
            retracted[spec.name] = bad.version
    return StoreInfo(root=Path(root), publisher=pub, specs=specs, latest=latest, retracted=retracted)
