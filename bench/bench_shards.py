"""Sharded bench: N agencies x R stops, each agency a shard released on its own, over 1 and 2 worker processes.

    .venv/bin/python bench/bench_shards.py                          # 4 agencies x 250,000 stops (a few minutes)
    .venv/bin/python bench/bench_shards.py --agencies 20 --rows 1000000 --workdir DIR   # the issue's 20 x 1M
    .venv/bin/python bench/bench_shards.py --no-single               # without the unsharded 1M-stop comparison
    OSD_BATCH_ROWS=125000 .venv/bin/python bench/bench_shards.py ...  # smaller record batches: a lower peak per shard

Each shard goes through every step on its own, in one fresh worker process (as one Dagster step chain would on one
worker): ingest -> standardize -> de-identify -> assemble -> the five blocking checks (k-anonymity among them,
over the shard: the shard key is a published quasi-identifier, so k within a shard implies k in the union) ->
preview -> release files, into the shard's own private store and public folder ("start" is the worker's imports).
The shards are spread over 1 and then 2 worker processes (`ProcessPoolExecutor`, one process per shard, one core
each: OSD_STAGE_PROCESSES=1), not over dagster-celery workers: tests/test_distributed_celery.py shows the same
steps running on two celery workers; here the broker's overhead (a few ms per step) would only blur the per-shard
cost. Printed: wall time, per-shard peak memory (the worker's VmHWM) and CPU seconds (the work itself, whatever
else shares the cores), speed-up 1 -> 2 workers, a projection to 200 million stops on N workers with its
assumptions, and beside it the unsharded single-machine run of the same stops (bench_pipeline.bench_stops) and
the physical floor (one pyarrow read of the CSV exports and one Parquet write).

The generator has two stops agencies with different export shapes; every shard here is a Rivertown-shaped export
with its own stop numbers (bench_pipeline.stops_files), so the shards have the same cost per row.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

TARGET_ROWS = 200_000_000
STEPS = ("start", "ingest", "standardize", "deidentify", "assemble", "checks", "preview", "publish")


@dataclass
class ShardFigures:
    """What one shard's worker measured: seconds per step, its peak RSS, rows in and out."""

    shard: str
    seconds: dict[str, float] = field(default_factory=dict)
    peak_mb: float = 0.0
    cpu_s: float = 0.0  # user + system CPU seconds of the worker: the work itself, whatever else uses the cores
    ingested: int = 0
    published: int = 0
    version: str = ""


def _vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def release_shard(work: str, export: str) -> ShardFigures:
    """Every step of one shard in this (fresh) process: the export ``export`` becomes the shard's release."""
    os.environ["OSD_STAGE_PROCESSES"] = "1"  # one core per worker: the workers are the parallelism
    os.environ.setdefault("OSD_MAX_QUARANTINE_SHARE", "0.2")  # generated exports plant ~6% bad rows on purpose
    t_start = time.perf_counter()
    from pipelines import publishing, stages
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore

    path = Path(export)
    shard = path.stem
    spec = {s.name: s for s in load_specs()}["stops"]
    store = PrivateStore.local(str(Path(work) / shard / "private"))
    pub = publishing.LocalPublisher(str(Path(work) / shard / "public"))
    fig = ShardFigures(shard, {"start": time.perf_counter() - t_start})

    def timed(step: str, fn, *args, **kw):  # noqa: ANN001, ANN202
        t0 = time.perf_counter()
        out = fn(*args, **kw)
        fig.seconds[step] = time.perf_counter() - t0
        return out

    timed("ingest", stages.ingest_raw, store, spec, path, path.name)
    timed("standardize", stages.standardize_partition, store, spec, path.name)
    timed("deidentify", stages.deidentify_partition, store, spec, path.name, key=b"bench")
    counts = timed("assemble", stages.assemble_candidate, store, spec, [path.name]).counts
    timed("checks", _checks, store, spec)
    timed("preview", _preview, store, pub, spec)
    rel = timed("publish", stages.publish, store, pub, spec, note=f"bench shard {shard}")
    fig.ingested, fig.published, fig.version = int(counts.ingested), int(rel.rows), rel.version
    fig.peak_mb = _vm_hwm_mb()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    fig.cpu_s = ru.ru_utime + ru.ru_stime
    return fig


def _checks(store, spec) -> None:  # noqa: ANN001
    from pipelines import stages

    table, meta = stages.load_candidate_source(store, spec)
    for name in stages.CHECK_NAMES:
        ok, md = stages.run_check(name, store, spec, table, meta)
        stages.record_check(store, spec, meta["content_hash"], name, ok, md)
        if not ok:
            raise RuntimeError(f"shard check {name} failed: {sorted(md)}")


def _preview(store, pub, spec) -> None:  # noqa: ANN001
    from pipelines import config, preview, publishing, stages

    src, meta = stages.load_candidate_source(store, spec)
    plan = publishing.plan_release_source(pub, spec.name, src, spec.schema)
    checks = stages.recorded_checks(store, spec, meta["content_hash"])
    md = preview.build_preview(spec, plan, meta, checks, src, store=store,
                               versions=publishing.list_versions(pub, spec.name),
                               threshold=config.quarantine_threshold(),
                               text_column=next((t.column for t in stages.policy_of(spec).columns.values()
                                                 if t.name == "redact_text"), None)).markdown()
    store.write_json(f"preview/{spec.name}.json", {"content_hash": plan.content_hash, "version": plan.version,
                                                   "bump": plan.bump, "markdown": md})


def run_shards(work: Path, exports: list[Path], workers: int) -> tuple[float, list[ShardFigures]]:
    """Every shard released by ``workers`` worker processes (one fresh process per shard); wall seconds, figures."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"), max_tasks_per_child=1) as pool:
        figs = list(pool.map(release_shard, [str(work)] * len(exports), [str(p) for p in exports]))
    return time.perf_counter() - t0, figs


def physical_floor(exports: list[Path], out: Path) -> float:
    """Seconds for one pyarrow read of every export (CSV, all columns as text) and one Parquet write of it."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for p in exports:
        with open(p, "rb") as f:
            head = f.readline().decode("cp1252").rstrip("\r\n").split(",")
        table = pacsv.read_csv(p, read_options=pacsv.ReadOptions(encoding="cp1252"),
                               convert_options=pacsv.ConvertOptions(column_types={c: "string" for c in head}))
        pq.write_table(table, out / f"{p.stem}.parquet")
    return time.perf_counter() - t0


def print_shards(label: str, wall: float, figs: list[ShardFigures]) -> None:
    print(f"\n-- {label}: wall {wall:.1f} s")
    print(f"{'shard':<22}" + "".join(f"{s:>12}" for s in STEPS) + f"{'total s':>10}{'CPU s':>8}{'peak MB':>10}{'published':>11}")
    for f in figs:
        print(f"{f.shard:<22}" + "".join(f"{f.seconds[s]:>12.1f}" for s in STEPS)
              + f"{sum(f.seconds.values()):>10.1f}{f.cpu_s:>8.1f}{f.peak_mb:>10.0f}{f.published:>11,}")


def print_projection(rows: int, wall1: float, wall2: float, shard_rows: int, cpu_s: float) -> None:
    rate1 = rows / wall1  # rows per second for one worker, every step included
    eff = (wall1 / wall2) / 2  # parallel efficiency measured with 2 workers
    print(f"\n== projection to {TARGET_ROWS:,} stops (shards of {shard_rows:,} stops)")
    print(f"one worker: {rate1:,.0f} stops/s raw -> release (wall); {rows / cpu_s:,.0f} stops per CPU-second "
          f"(the same work without other load: {TARGET_ROWS / (rows / cpu_s) / 3600:,.1f} core-hours for the "
          f"{TARGET_ROWS:,}); 2-worker efficiency measured: {eff:.2f}")
    print(f"{'workers':>8}{'minutes (measured efficiency)':>32}{'minutes (linear)':>18}")
    for n in (1, 2, 8, 32, 128, TARGET_ROWS // shard_rows):
        lin = TARGET_ROWS / (rate1 * n) / 60
        print(f"{n:>8}{lin / (eff if n > 1 else 1):>32,.1f}{lin:>18,.1f}")
    print("assumptions: every shard's steps are independent (k-anonymity within a shard, the shard key being a "
          "published quasi-identifier); a shard's cost is linear in its rows (measured per-shard memory stays flat "
          "as the number of shards grows); each worker has one core like these; the 2-worker efficiency holds at N "
          "workers (the store, S3 here a local disk, is not the bottleneck); no more workers than shards; not "
          "counted: Dagster's per-step start (seconds per step on Kubernetes), the dataset-level index files "
          "(latest.json, versions.json, datapackage.json listing shards) and the site.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--agencies", type=int, default=4, help="shards (default 4)")
    ap.add_argument("--rows", type=int, default=250_000, help="stops per agency (default 250,000)")
    ap.add_argument("--no-single", action="store_true", help="skip the unsharded single-machine run")
    ap.add_argument("--workdir", default=None, help="keep generated exports here (re-used next run)")
    a = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # progress visible through a pipe
    from bench_pipeline import bench_stops, stops_files

    tmp = Path(a.workdir) if a.workdir else Path(tempfile.mkdtemp(prefix="osd-bench-shards-"))
    try:
        inbox = tmp / "s" / "inbox"
        inbox.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        exports = stops_files(inbox, a.rows, a.agencies)
        rows = a.rows * a.agencies
        print(f"== sharded: {a.agencies} agencies x {a.rows:,} stops = {rows:,} stops, "
              f"{sum(p.stat().st_size for p in exports) / 1e6:,.0f} MB CSV (generated in {time.perf_counter() - t0:.0f} s)"
              f"; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
        wall, cpu = {}, {}
        for w in (1, 2):
            wall[w], figs = run_shards(tmp / f"w{w}", exports, w)
            cpu[w] = sum(f.cpu_s for f in figs)
            print_shards(f"{w} worker process{'es' if w > 1 else ''}", wall[w], figs)
            print(f"per-shard peak memory: max {max(f.peak_mb for f in figs):.0f} MB "
                  f"(goal < 1024 MB: {'met' if max(f.peak_mb for f in figs) < 1024 else 'NOT met'})")
        speed = wall[1] / wall[2]
        print(f"\nspeed-up 1 -> 2 workers: x{speed:.2f} (goal >= 1.6 on 2 cores: {'met' if speed >= 1.6 else 'NOT met'};"
              f" load average now {os.getloadavg()[0]:.1f}: other work on these cores lowers it); CPU seconds of the"
              f" shards: {cpu[1]:.0f} with 1 worker, {cpu[2]:.0f} with 2 (equal: the shards share no work)")
        floor = physical_floor(exports, tmp / "floor")
        print(f"physical floor: one pyarrow read + Parquet write of the {rows:,} stops: {floor:.1f} s on one core "
              f"({floor / rows * 1e6:.1f} s per million)")
        print_projection(rows, wall[1], wall[2], a.rows, cpu[1])
        if not a.no_single:
            print("\n== beside it, the same stops unsharded on this machine (bench_pipeline: one dataset, stages "
                  "using both cores)")
            bench_stops(tmp / "s", a.rows, a.agencies, baseline=False)
    finally:
        if not a.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
