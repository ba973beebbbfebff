"""Benchmark: our reader + columnar validator vs ``frictionless.validate`` on the same stops-like CSV.

    .venv/bin/python bench/bench_validation.py            # 1,000,000 rows (frictionless takes ~35 s)
    .venv/bin/python bench/bench_validation.py --quick    # 100,000 rows

Generates a synthetic 15-column stops export (dates, times, enums, integers, a pattern, a unique id, ~0.5 %
bad cells) in a temp dir, then runs each validator in its own subprocess (so peak memory is its own) and
prints both times, the speed ratio and peak RSS. Both must find the same number of errors.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SCHEMA: dict[str, Any] = {
    "missingValues": ["", "NULL", "-"],
    "primaryKey": ["stop_id"],
    "fields": [
        {"name": "stop_id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "case_no", "type": "string", "constraints": {"pattern": r"[0-9]{2}-[0-9]{4,6}"}},
        {"name": "stop_date", "type": "date", "format": "%m/%d/%Y", "constraints": {"required": True}},
        {"name": "stop_time", "type": "time", "format": "%H:%M"},
        {"name": "reported_at", "type": "datetime"},
        {"name": "officer_id", "type": "integer", "constraints": {"minimum": 1000, "maximum": 99999}},
        {"name": "officer_yob", "type": "year"},
        {"name": "subject_age", "type": "integer", "constraints": {"minimum": 0, "maximum": 120}},
        {"name": "subject_race", "type": "string", "constraints": {"enum": ["W", "B", "A", "H", "N", "U"]}},
        {"name": "subject_sex", "type": "string", "constraints": {"enum": ["M", "F", "X", "U"]}},
        {"name": "frisk", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"]},
        {"name": "arrest", "type": "boolean"},
        {"name": "precinct", "type": "string", "constraints": {"enum": ["North", "South", "East", "West"]}},
        {"name": "beat", "type": "string", "constraints": {"pattern": "[A-Z][0-9]{1,2}", "maxLength": 3}},
        {"name": "lat", "type": "number", "constraints": {"minimum": -90, "maximum": 90}},
    ],
}


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write a stops-like CSV with ~0.5 % bad cells (vectorized, a few seconds for 1M rows)."""
    rng = np.random.default_rng(seed)
    n = rows
    day = rng.integers(0, 3 * 365, n)
    dates = np.datetime64("2015-01-01") + day.astype("timedelta64[D]")
    ymd = dates.astype(str)
    year = (dates.astype("datetime64[Y]").astype(np.int64) + 1970).astype(str)
    month = np.char.zfill((dates.astype("datetime64[M]").astype(np.int64) % 12 + 1).astype(str), 2)
    dom = np.char.zfill(((dates - dates.astype("datetime64[M]")).astype(np.int64) + 1).astype(str), 2)
    mdY = np.char.add(np.char.add(np.char.add(np.char.add(month, "/"), dom), "/"), year)
    hh = rng.integers(0, 24, n)
    mi = rng.integers(0, 60, n)
    hm = np.char.add(np.char.add(np.char.zfill(hh.astype(str), 2), ":"), np.char.zfill(mi.astype(str), 2))
    reported = np.char.add(np.char.add(ymd, "T"), np.char.add(hm, ":00"))
    cols = {
        "stop_id": np.arange(1, n + 1).astype(str),
        "case_no": np.char.add(
            np.char.add(np.char.zfill((day % 3 + 15).astype(str), 2), "-"),
            rng.integers(1000, 999999, n).astype(str),
        ),
        "stop_date": mdY,
        "stop_time": hm,
        "reported_at": reported,
        "officer_id": rng.integers(1000, 99999, n).astype(str),
        "officer_yob": rng.integers(1950, 2000, n).astype(str),
        "subject_age": rng.integers(12, 90, n).astype(str),
        "subject_race": rng.choice(["W", "B", "A", "H", "N", "U", "-"], n),
        "subject_sex": rng.choice(["M", "F", "X", "U"], n),
        "frisk": rng.choice(["Y", "N", "-"], n),
        "arrest": rng.choice(["true", "false"], n),
        "precinct": rng.choice(["North", "South", "East", "West", "NULL"], n),
        "beat": np.char.add(rng.choice(list("BCDEFGKLMNOQRSUW"), n), rng.integers(1, 99, n).astype(str)),
        "lat": np.round(rng.uniform(47.4, 47.8, n), 6).astype(str),
    }
    # plant ~0.5 % bad cells
    bad = {
        "stop_id": "x1",
        "case_no": "15-1",
        "stop_date": "02/30/2016",
        "stop_time": "24:10",
        "reported_at": "2016-13-01T10:00:00",
        "officer_id": "12",
        "officer_yob": "19x0",
        "subject_age": "130",
        "subject_race": "Z",
        "subject_sex": "male",
        "frisk": "maybe",
        "arrest": "yes",
        "precinct": "Central",
        "beat": "k12",
        "lat": "91.5",
    }
    for name, value in bad.items():
        idx = rng.choice(n, size=max(1, n // 3000), replace=False)
        col = cols[name].astype(object)
        col[idx] = value
        cols[name] = col
    dup = rng.choice(n, size=max(1, n // 10000), replace=False)
    ids = cols["stop_id"].astype(object)
    ids[dup] = "1"
    cols["stop_id"] = ids
    table = pa.table(
        {k: pa.array(v.tolist() if v.dtype == object else v, pa.string()) for k, v in cols.items()}
    )
    pacsv.write_csv(table, str(path), write_options=pacsv.WriteOptions(quoting_style="needed"))


def _peak_rss_kb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would include the pre-exec parent)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _child(which: str, path: str) -> None:
    """Run one validator on the file; timing starts after imports (both sides alike)."""
    if which == "ours":
        import pandas  # noqa: F401  (pyarrow imports it lazily; keep that one-off out of the timing)

        from pipelines.readers import read_export
        from pipelines.tableschema import validate

        t0 = time.perf_counter()
        export = read_export(path, SCHEMA)
        t_read = time.perf_counter() - t0
        report = validate(export.table, SCHEMA, row_numbers=export.row_numbers)
        errors = len(report.errors) + len(export.issues)
        rows = export.rows_read
    else:
        import frictionless

        # frictionless refuses absolute paths as unsafe: validate the file from its own folder
        os.chdir(os.path.dirname(path))
        t0 = time.perf_counter()
        t_read = 0.0
        report = frictionless.validate(
            os.path.basename(path), schema=frictionless.Schema.from_descriptor(SCHEMA), limit_errors=10**8
        )
        task = report.tasks[0]
        assert not any(e.type in ("scheme-error", "source-error") for e in task.errors), "frictionless failed"
        errors = len(task.errors)
        rows = task.stats.get("rows")
    elapsed = time.perf_counter() - t0
    peak_kb = _peak_rss_kb()
    out = {
        "seconds": elapsed,
        "read_seconds": t_read,
        "errors": errors,
        "rows": rows,
        "peak_mb": peak_kb / 1024,
    }
    print(json.dumps(out))


def _run(which: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100,000 rows instead of 1,000,000")
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--child", nargs=2, metavar=("WHICH", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(*args.child)
        return
    rows = args.rows or (100_000 if args.quick else 1_000_000)
    with tempfile.TemporaryDirectory(prefix="bench_validation_") as tmp:
        path = Path(tmp) / "stops.csv"
        t0 = time.perf_counter()
        generate(path, rows)
        size_mb = path.stat().st_size / 1e6
        print(
            f"generated {rows:,} rows x {len(SCHEMA['fields'])} columns ({size_mb:.0f} MB) "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        ours = _run("ours", path)
        theirs = _run("frictionless", path)
    ratio = theirs["seconds"] / ours["seconds"]
    print(f"{'':14}{'seconds':>10}{'rows/s':>14}{'errors':>10}{'peak RSS MB':>14}")
    for label, r in (("ours", ours), ("frictionless", theirs)):
        print(
            f"{label:14}{r['seconds']:>10.2f}{rows / r['seconds']:>14,.0f}{r['errors']:>10}{r['peak_mb']:>14.0f}"
        )
    print(
        f"ours: read {ours['read_seconds']:.2f} s + validate {ours['seconds'] - ours['read_seconds']:.2f} s"
    )
    print(f"speed-up: {ratio:.1f}x (goal >= 30x)")
    if ours["errors"] != theirs["errors"]:
        print(f"WARNING: error counts differ (ours {ours['errors']}, frictionless {theirs['errors']})")


if __name__ == "__main__":
    main()
