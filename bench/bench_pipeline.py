"""End-to-end pipeline benchmark: time and peak memory per stage, streaming vs in-memory, narratives/s.

    .venv/bin/python bench/bench_pipeline.py           # 1,000,000 stops (raw -> release), narratives/s at 1 and 2
                                                       # processes, 100,000 incidents (raw -> de-identified), then
                                                       # 10,000,000 stops (10 exports of 1M): the memory figure
    .venv/bin/python bench/bench_pipeline.py --no-big  # without the 10M run (about 15 min of the 22)
    .venv/bin/python bench/bench_pipeline.py --quick   # 100,000 stops, 2,000 incidents, no 10M run
    .venv/bin/python bench/bench_pipeline.py --big-only --workdir DIR   # only 10M; DIR keeps exports and stores
    .venv/bin/python bench/bench_pipeline.py --stops-only --workdir DIR # only 1M stops, raw -> release

Each stage runs in its own fresh process (as a Dagster multiprocess/Kubernetes step would), so its peak RSS
(VmHWM) is its own; stages that start worker processes count them too (sampled RSS of the process tree).
Baselines measured in the same run: pandas whole-file load of the export (`pd.read_csv(dtype=str)`), the
in-memory assembly and checks (`tests/reference/`, the oracles the streaming code is tested against).
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _child(q, what: str, args: tuple) -> None:  # noqa: ANN001
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    # generated exports plant bad rows on purpose (~6% of stops quarantined): let the bench release go out
    os.environ.setdefault("OSD_MAX_QUARANTINE_SHARE", "0.2")
    import threading

    from pipelines import stages
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore
    from tests.reference import assemble as reference_assemble
    from tests.reference import checks as reference_checks

    stop = threading.Event()
    tree_peak = [0.0]
    threading.Thread(target=_sample_tree, args=(stop, tree_peak), daemon=True).start()
    t0 = time.perf_counter()
    extra = None
    if what == "pandas_read_csv":
        import pandas as pd

        extra = len(pd.read_csv(args[0], dtype=str, keep_default_na=False, encoding="cp1252"))
    else:
        base, ds, parts = args[0], args[1], args[2]
        spec = {s.name: s for s in load_specs()}[ds]
        store = PrivateStore.local(base)
        if what == "ingest":
            for p in parts:
                stages.ingest_raw(store, spec, Path(args[3]) / p, p)
        elif what == "standardize":
            for p in parts:
                stages.standardize_partition(store, spec, p)
        elif what == "deidentify":
            factory = None
            if args[3]:
                from redaction.text import TextRedactor

                red = TextRedactor(processes=args[3])
                factory = lambda: red  # noqa: E731
                # start the model in this process and in every worker first: a long run pays this once, and
                # the narratives/s below compare steady states (the start time is printed apart)
                red.load()
                red.detect(["Officer spoke with the driver on Main St."] * (4 * red.batch_size * red.processes))
                started = time.perf_counter() - t0
            t0 = time.perf_counter()
            extra = 0
            for p in parts:
                extra += stages.deidentify_partition(store, spec, p, key=b"bench",
                                                     text_redactor_factory=factory).texts_redacted
            if factory is not None:
                extra = (extra, started)
                red.close()  # stop the worker processes, or this process waits for them at exit
        elif what == "assemble":
            extra = stages.assemble_candidate(store, spec, parts).counts
        elif what == "assemble_in_memory":
            extra = reference_assemble.assemble_candidate_in_memory(store, spec, parts).counts
        elif what in ("checks", "checks_in_memory"):
            if what == "checks":
                table, meta = stages.load_candidate_source(store, spec)
            else:
                table, meta = reference_assemble.load_candidate(store, spec)
            names = args[3] if len(args) > 3 and args[3] else stages.CHECK_NAMES
            # the streaming checks read the identifier forms that standardize computed with the rows (timed
            # there); the in-memory baseline computes them from scratch, as the checks did before
            if what == "checks_in_memory":
                for p in parts:
                    for ext in (".json", ".parquet"):
                        store.delete(f"identifiers/{ds}/{p}{ext}")
            extra = {}
            for name in names:
                if what == "checks":
                    ok, md = stages.run_check(name, store, spec, table, meta)
                else:
                    ok, md = reference_checks.run_check(name, store, spec, table, meta)
                if what == "checks":
                    stages.record_check(store, spec, meta["content_hash"], name, ok, md)
                extra[name] = "passed" if ok else "FAILED"
        elif what == "preview":
            from pipelines import config, preview, publishing

            src, meta = stages.load_candidate_source(store, spec)
            pub = publishing.LocalPublisher(args[3])
            plan = publishing.plan_release_source(pub, ds, src, spec.schema)
            checks = stages.recorded_checks(store, spec, meta["content_hash"])
            text_cols = [t.column for t in stages.policy_of(spec).columns.values() if t.name == "redact_text"]
            md = preview.build_preview(spec, plan, meta, checks, src, store=store,
                                       versions=publishing.list_versions(pub, ds),
                                       threshold=config.quarantine_threshold(),
                                       text_column=text_cols[0] if text_cols else None).markdown()
            store.write_json(f"preview/{ds}.json", {"content_hash": plan.content_hash, "version": plan.version,
                                                    "bump": plan.bump, "markdown": md})
            extra = f"version {plan.version} ({plan.bump})"
        elif what == "publish":
            from pipelines import publishing

            r = stages.publish(store, publishing.LocalPublisher(args[3]), spec, note="bench")
            extra = f"version {r.version}: " + ", ".join(
                f"{n} {f['bytes'] / 1e6:,.0f} MB" for n, f in r.files.items() if n.startswith(ds + "."))
        elif what == "diff":
            from pipelines import publishing

            src = stages.candidate_source(store, spec)
            prev = publishing.ParquetSource(str(Path(args[3]) / "datasets" / ds / "v1.0.0" / f"{ds}.parquet"),
                                            batch_rows=src.batch_rows)
            rd = publishing.record_diff._record_diff_source(prev, spec.schema, src, spec.schema, {})
            extra = {k: rd[k] for k in ("added", "removed", "changed", "unchanged")}
    secs = time.perf_counter() - t0
    stop.set()
    q.put((secs, max(_peak_mb(), tree_peak[0]), extra))


def _sample_tree(stop, peak: list[float]) -> None:  # noqa: ANN001
    """Every 0.2 s, the RSS of this process plus its worker processes (the per-export steps' batch workers,
    the redaction workers): ``peak[0]`` is the highest sum seen, in MB."""
    me = os.getpid()
    while not stop.wait(0.2):
        pids = {me}
        for tid in os.listdir(f"/proc/{me}/task"):
            try:
                pids.update(int(c) for c in Path(f"/proc/{me}/task/{tid}/children").read_text().split())
            except OSError:
                pass
        total = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        peak[0] = max(peak[0], total / 1024)


def _peak_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent
    across exec, so a child spawned by a big parent would report the parent's size. A stage's figure is the larger
    of this and the sampled sum over the stage process and its workers (`_sample_tree`)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_stage(what: str, *args) -> tuple[float, float, object]:  # noqa: ANN002
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(q, what, args))
    p.start()
    while True:
        try:
            res = q.get(timeout=5)
            break
        except Exception:  # queue.Empty: is the child still alive?
            if not p.is_alive():
                raise RuntimeError(f"stage {what} failed in its process (exit code {p.exitcode})") from None
    p.join(timeout=60)
    if p.is_alive():
        p.terminate()
    return res


LEAK_CHECK = ("no_leaks",)
OTHER_CHECKS = ("schema_valid", "row_accounting", "quarantine_share", "k_anonymity")


def run_checks(base: str, parts: list[str]) -> tuple[float, float, dict]:
    """The five blocking checks as Dagster runs them: each is its own step, and the multiprocess executor runs
    two at a time on two cores. Here the leak verifier in one process and the four others in another, at the same
    time: seconds = wall time of both, peak = the sum of their peaks (they are in memory together)."""
    from concurrent.futures import ThreadPoolExecutor

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futs = [pool.submit(run_stage, "checks", base, "stops", parts, list(names))
                for names in (LEAK_CHECK, OTHER_CHECKS)]
        res = [f.result() for f in futs]
    extra = {**res[1][2], **res[0][2], "seconds": {"no_leaks": round(res[0][0], 1),
                                                   "the four others": round(res[1][0], 1)}}
    return time.perf_counter() - t0, res[0][1] + res[1][1], extra


def _generate_export(out: Path, i: int, rows: int) -> Path:
    import demo as samplegen

    f = samplegen.generate(out / f"g{i}", rows=rows, seed=100 + i, sources=["rivertown_stops"])[0]
    path = distinct_ids(f.rename(out / f"rivertown_stops_{i:02d}.csv"), i)
    shutil.rmtree(out / f"g{i}")
    return path


def stops_files(out: Path, rows: int, files: int) -> list[Path]:
    """``files`` generated Rivertown exports of ``rows`` stops each (seeds 100, 101, ...), two generated at a time;
    exports already in ``out`` (a kept --workdir) are re-used."""
    from concurrent.futures import ProcessPoolExecutor

    paths = [out / f"rivertown_stops_{i:02d}.csv" for i in range(files)]
    todo = [i for i, p in enumerate(paths) if not p.exists()]
    if len(todo) > 1:
        with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn")) as pool:
            list(pool.map(_generate_export, [out] * len(todo), todo, [rows] * len(todo)))
    elif todo:
        _generate_export(out, todo[0], rows)
    return paths


def distinct_ids(path: Path, i: int) -> Path:
    """Generated exports number their stops from 1: give export i its own stop numbers (RS24-000123 ->
    RS24-E3-000123), or every export after the first would be quarantined as duplicate primary keys."""
    import re

    if i:
        data = path.read_bytes()
        path.write_bytes(re.sub(rb"(^|\n)RS(\d\d)-(?=\d)", rb"\1RS\2-E%d-" % i, data))
    return path


def physical_floor(exports: list[Path], out: Path) -> tuple[float, float]:
    """Seconds for one pyarrow read of every export (CSV, all columns as text) and one Parquet write of it: the
    least any raw -> release chain must spend on these bytes, on one core. (wall seconds, CPU seconds): the CPU
    seconds hold when other work shares the cores."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    for p in exports:
        with open(p, "rb") as f:
            head = f.readline().decode("cp1252").rstrip("\r\n").split(",")
        table = pacsv.read_csv(p, read_options=pacsv.ReadOptions(encoding="cp1252", use_threads=False),
                               convert_options=pacsv.ConvertOptions(column_types={c: "string" for c in head}))
        pq.write_table(table, out / f"{p.stem}.parquet")
        del table
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    shutil.rmtree(out, ignore_errors=True)
    return secs, cpu


def bench_stops(tmp: Path, rows: int, files: int, baseline: bool) -> float:
    """Every stage of ``files`` exports of ``rows`` stops, each stage in its own process; prints the table and the
    physical floor beside the total, returns the raw -> release step time (seconds)."""
    t0 = time.perf_counter()
    inbox = tmp / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    paths = stops_files(inbox, rows, files)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"\n== stops: {rows * files:,} rows in {files} export(s), {mb:,.0f} MB CSV "
          f"(generated in {time.perf_counter() - t0:.0f}s)")
    parts = [p.name for p in paths]
    base = str(tmp / "private")
    total = 0.0
    peaks: dict[str, float] = {}
    print(f"{'stage':<28}{'seconds':>10}{'peak MB':>10}")
    for stage in ("ingest", "standardize", "deidentify", "assemble"):
        secs, peak, extra = run_stage(stage, base, "stops", parts, str(inbox) if stage == "ingest" else 0)
        total += secs
        peaks[stage] = peak
        print(f"{stage:<28}{secs:>10.1f}{peak:>10.0f}" + (f"   {extra}" if stage == "assemble" else ""))
    print(f"{'total raw -> candidate':<28}{total:>10.1f}")
    public = str(tmp / "public")
    shutil.rmtree(public, ignore_errors=True)
    for stage in ("checks", "preview", "publish", "diff"):
        if stage == "checks":
            secs, peak, extra = run_checks(base, parts)
        else:
            secs, peak, extra = run_stage(stage, base, "stops", parts, public)
        total += secs if stage != "diff" else 0.0
        peaks[stage] = peak
        label = "diff vs previous release" if stage == "diff" else stage
        print(f"{label:<28}{secs:>10.1f}{peak:>10.0f}   {extra}")
    goal = f"goal for 1M stops: < 30 s on {os.cpu_count()} cores, {'met' if total < 30 else 'NOT met'}" \
        if rows * files == 1_000_000 else "the goal is for 1M stops"
    print(f"{'total raw -> release':<28}{total:>10.1f}   ({goal}; peak MB: a stage's process with its workers)")
    floor, floor_cpu = physical_floor(paths, tmp / "floor")
    print(f"{'physical floor':<28}{floor:>10.1f}   (one pyarrow read of the CSV, every column as text, and one "
          f"Parquet write, one core: {floor_cpu:.1f} CPU-s; the chain takes x{total / floor:.0f} of it)")
    top = max(peaks, key=peaks.__getitem__)
    print(f"{'highest stage peak':<28}{'':>10}{peaks[top]:>10.0f}   ({top}; goal for 10M stops: < 2048 MB, "
          f"{'met' if peaks[top] < 2048 else 'NOT met'} on {rows * files:,} rows)")
    if baseline:
        secs, peak, _ = run_stage("checks_in_memory", base, "stops", parts)
        print(f"{'baseline: in-memory checks':<28}{secs:>10.1f}{peak:>10.0f}   (candidate loaded whole, as before)")
        secs, peak, _ = run_stage("pandas_read_csv", str(paths[0]))
        print(f"{'baseline: pandas read_csv':<28}{secs:>10.1f}{peak:>10.0f}   (one export, whole file, dtype=str; Rivertown exports are cp1252)")
        secs, peak, _ = run_stage("assemble_in_memory", base, "stops", parts)
        print(f"{'baseline: in-memory assemble':<28}{secs:>10.1f}{peak:>10.0f}")
    return total


def bench_narratives(tmp: Path, rows: int) -> None:
    import demo as samplegen
    from pipelines import stages
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore

    inbox = tmp / "inc"
    f = samplegen.generate(inbox, rows=rows, seed=3, sources=["rivertown_incidents"])[0]
    spec = {s.name: s for s in load_specs()}["incidents"]
    print(f"\n== incident narratives: {rows:,} records of {f.name} (de-identify stage, spaCy + recognizers)")
    rates = {}
    for procs in (1, 2):
        base = tmp / f"priv{procs}"
        store = PrivateStore.local(base)
        stages.ingest_raw(store, spec, f, f.name)
        stages.standardize_partition(store, spec, f.name)
        secs, peak, (texts, started) = run_stage("deidentify", str(base), "incidents", [f.name], procs)
        rates[procs] = texts / secs
        print(f"processes={procs}: {texts:,} narratives in {secs:.1f}s = {rates[procs]:.1f} narratives/s, peak {peak:.0f} MB"
              f" (+ {started:.1f}s to load the model in each process)"
              + ("" if texts >= 100_000 else f"; 100,000 narratives ~ {100_000 / rates[procs] / 60:.0f} min (extrapolated)"))
    print(f"speed-up with 2 processes: x{rates[2] / rates[1]:.2f} (same run; 2 shared cores)")


def bench_narratives_full(tmp: Path, rows: int, procs: int = 2) -> None:
    """The incidents de-identify stage on a whole export of ``rows`` narratives, with ``procs`` processes."""
    import demo as samplegen

    t0 = time.perf_counter()
    f = samplegen.generate(tmp / "inc", rows=rows, seed=5, sources=["rivertown_incidents"])[0]
    print(f"\n== incidents: {rows:,} records of {f.name}, {f.stat().st_size / 1e6:,.0f} MB "
          f"(generated in {time.perf_counter() - t0:.0f}s), {procs} redaction processes")
    base = str(tmp / "priv")
    print(f"{'stage':<28}{'seconds':>10}{'peak MB':>10}")
    for stage in ("ingest", "standardize", "deidentify"):
        arg = str(f.parent) if stage == "ingest" else (procs if stage == "deidentify" else 0)
        secs, peak, extra = run_stage(stage, base, "incidents", [f.name], arg)
        note = ""
        if stage == "deidentify":
            texts, started = extra
            note = f"   {texts:,} narratives, {texts / secs:,.0f}/s (+ {started:.1f}s model start; peak includes the redaction workers)"
        print(f"{stage:<28}{secs:>10.1f}{peak:>10.0f}{note}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="100,000 stops, 200 narratives")
    ap.add_argument("--no-big", action="store_true", help="skip the 10,000,000-stop run (10 exports of 1M)")
    ap.add_argument("--narratives", type=int, default=None, help="narrative subset size")
    ap.add_argument("--big-only", action="store_true", help="only the 10,000,000-stop run")
    ap.add_argument("--stops-only", action="store_true", help="only the 1,000,000-stop run (raw -> release)")
    ap.add_argument("--workdir", default=None, help="keep generated exports and stores here (re-used next run)")
    a = ap.parse_args()
    tmp = Path(a.workdir) if a.workdir else Path(tempfile.mkdtemp(prefix="osd-bench-pipeline-"))
    try:
        if not a.big_only:
            bench_stops(tmp / "s", 100_000 if a.quick else 1_000_000, 1, baseline=not a.stops_only)
        if not (a.big_only or a.stops_only):
            bench_narratives(tmp / "n", a.narratives or (200 if a.quick else 2000))
            bench_narratives_full(tmp / "nf", 2_000 if a.quick else 100_000)
        if a.stops_only:
            pass
        elif a.big_only or not (a.no_big or a.quick):
            bench_stops(tmp / "big", 1_000_000, 10, baseline=False)
        else:
            print("\n10M-stop memory figure: .venv/bin/python bench/bench_pipeline.py  (without --quick / --no-big)")
    finally:
        if not a.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
