"""Command line: `python -m pipelines.cli demo|run|generate|withdraw`.

`demo` is what `make demo` runs: generate sample exports into the inbox, then `run`. `run` processes the inbox
the same way the sensor and the UI do (same jobs, same checks), on the local Dagster instance in `DAGSTER_HOME`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pipelines import config, settings
from pipelines.inbox import inbox_files
from pipelines.instance import DEMO_KEY, ensure_dagster_home, mark_demo

if TYPE_CHECKING:
    from pipelines.store import PrivateStore

log = logging.getLogger("osd")


def _evidence(metadata: dict) -> str:
    """A failed check's evidence as `key=value` pairs (checks' metadata holds counts, field names, row numbers)."""
    parts = []
    for k, v in sorted((metadata or {}).items()):
        value = getattr(v, "value", v)
        text = value if isinstance(value, str) else repr(value)
        parts.append(f"{k}={text[:300]}")
    return f" ({'; '.join(parts)})" if parts else ""


def _failure_summary(result) -> str:  # noqa: ANN001 - an ExecuteInProcessResult
    """Why a run failed, in one line per cause: failed checks by name, step errors by message (never values)."""
    lines = [
        f"blocking check {e.asset_key.to_user_string()}:{e.check_name} failed{_evidence(e.metadata)}"
        for e in result.get_asset_check_evaluations()
        if not e.passed
    ]
    for ev in result.all_events:
        if ev.event_type_value == "STEP_FAILURE":
            err = ev.event_specific_data.error
            cause = err.cause.message if err and err.cause else (err.message if err else "")
            lines.append(f"step {ev.step_key} failed: {cause.strip().splitlines()[-1] if cause else ''}")
    return "; ".join(lines) or "run failed"


# Dagster's console logger at INFO: the step-by-step DEBUG events stay in the run's event log (the UI shows them)
QUIET_LOGGERS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}


def _repair_latest(specs: dict) -> None:
    """Before anything runs: a publish killed between listing its version and writing latest.json left the
    pointer behind; repair it even when this run publishes nothing new."""
    from pipelines import publishing

    publisher = publishing.publisher_from_env()
    for name in specs:
        publishing.repair_latest(publisher, name)


def _prepare_shards(defs, instance, store, spec, partitions, failures: list[str]) -> bool:  # noqa: ANN001
    """A sharded dataset: one run per shard whose exports changed (a partition of its validated asset)."""
    from pipelines import shard_assets
    from pipelines.stages import shards

    try:
        stale = shards.stale_shards(store, spec, partitions)
    except Exception as exc:  # an export that failed a stage, none left: the message names files, never values
        failures.append(f"{spec.name}: not prepared: {exc}")
        return False
    shard_assets.add_shard_partitions(instance, spec.name, stale)
    for slug in stale:
        res = defs.resolve_job_def(f"{spec.name}_prepare_shard").execute_in_process(
            instance=instance, partition_key=slug, run_config=QUIET_LOGGERS, raise_on_error=False)
        if not res.success:
            failures.append(f"{spec.name}: shard {slug} not prepared: {_failure_summary(res)}")
            return False
        log.info("prepared %s shard %s", spec.name, slug)
    return True


def _after_a_kill(instance: object, specs: dict, store: PrivateStore) -> None:
    """Undo what a killed run left: runs still `STARTED` are marked failed, a half-moved `latest` is repaired, and
    temporary files (which may hold raw rows) are swept from the private store."""
    from pipelines import dead_runs

    dead_runs.fail_dead_runs(instance)
    _repair_latest(specs)
    if swept := store.sweep_temp():
        log.info("removed %d temporary file(s) a killed run left in the private store", swept)


def run(note: str = "", publish: bool = True, force: bool = False) -> int:
    """Ingest every new export in the inbox, prepare every dataset, publish, rebuild the site.

    An export already ingested with the same content and source contract (the record the inbox sensor reads too)
    is skipped unless ``force``.
    """
    import dagster as dg

    from pipelines import inbox, stages
    from pipelines.definitions import defs
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore

    ensure_dagster_home()
    instance = dg.DagsterInstance.get()
    specs = {s.name: s for s in load_specs()}
    store = PrivateStore.from_env()
    _after_a_kill(instance, specs, store)
    inbox_dir = config.inbox_dir()
    failures: list[str] = []
    for path in inbox_files(inbox_dir):
        m = inbox.identify_or_reject(path, list(specs.values()))
        if m is None:
            failures.append(f"{inbox.safe_text(path.name)}: rejected (moved to {inbox_dir / 'rejected'})")
            continue
        ds, key = m.spec.name, stages.partition_key_for(path)
        parts = f"{ds}_exports"
        if key not in instance.get_dynamic_partitions(parts):
            instance.add_dynamic_partitions(parts, [key])
        if not force and inbox.is_ingested(store, inbox.key_for(m.spec, m.source, path, key)):
            if stages.deidentified_current(store, m.spec, key):
                log.info("%s: already ingested with the same content and contract, skipped (--force to redo)",
                         inbox.safe_text(path.name))
                continue
            log.info("%s: the review's allow terms changed, de-identifying it again", inbox.safe_text(path.name))
        t0 = time.perf_counter()
        res = defs.resolve_job_def(f"{ds}_ingest").execute_in_process(
            instance=instance, partition_key=key, run_config=QUIET_LOGGERS, raise_on_error=False
        )
        if not res.success:
            failures.append(f"{inbox.safe_text(path.name)}: not ingested: {_failure_summary(res)}")
            continue
        log.info("ingested %s (%s, %s) in %.1fs", inbox.safe_text(path.name), ds, m.source.name, time.perf_counter() - t0)
    for ds in sorted(specs):
        partitions = instance.get_dynamic_partitions(f"{ds}_exports")
        if not partitions:
            continue
        if not any(store.exists(f"deidentified/{ds}/{p}.parquet") for p in partitions):
            failures.append(f"{ds}: not prepared: none of its exports was ingested (see the errors above)")
            continue
        t0 = time.perf_counter()
        if specs[ds].shard_key is not None and not _prepare_shards(defs, instance, store, specs[ds], partitions, failures):
            continue
        res = defs.resolve_job_def(f"{ds}_prepare").execute_in_process(
            instance=instance, run_config=QUIET_LOGGERS, raise_on_error=False
        )
        if not res.success:
            failures.append(f"{ds}: not published: {_failure_summary(res)}")
            continue
        log.info("prepared %s in %.1fs", ds, time.perf_counter() - t0)
        preview = store.read_json(f"preview/{ds}.json") or {}
        if publish and preview.get("bump") == "none":
            log.info("%s: same content as the latest release %s, nothing new published", ds, preview.get("version"))
        elif publish:
            t0 = time.perf_counter()
            res = defs.resolve_job_def(f"{ds}_publish").execute_in_process(
                instance=instance,
                run_config={**QUIET_LOGGERS, "ops": {f"{ds}__release": {"config": {"note": note or "Automated release"}}}},
                raise_on_error=False,
            )
            if not res.success:
                failures.append(f"{ds}: not published: {_failure_summary(res)}")
                continue
            mats = res.asset_materializations_for_node(f"{ds}__release")
            md = mats[0].metadata if mats else {}
            log.info("published %s %s in %.1fs", ds, getattr(md.get("version"), "value", "?"), time.perf_counter() - t0)
    for f in failures:
        log.error(f)
    return 1 if failures else 0


def check() -> int:
    """Validate every spec (datasets, agency folders, mappings, contracts, code tables); list every problem."""
    from pipelines.specs import SpecError, load_specs

    try:
        specs = load_specs()
    except SpecError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found", file=sys.stderr)
        return 1
    for s in specs:
        print(f"{s.name}: {len(s.sources)} source(s): {', '.join(src.name for src in s.sources)}")
    print(f"ok: {len(specs)} dataset(s), {sum(len(s.sources) for s in specs)} source(s)")
    return 0


def describe(path: Path, out: Path | None, sheet: str | None = None, **layout: object) -> int:
    """Print what an export holds (counts, types, formats, markers, keys, closest contracts) and write drafts."""
    from pipelines import describe as dsc
    from pipelines import describe_draft
    from pipelines.readers import ReadError
    from pipelines.specs import SpecError, load_specs

    try:
        specs = load_specs()
    except SpecError as exc:
        log.warning("specs not loaded, no contract to compare with: %s", exc)
        specs = []
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 1
    try:
        d = dsc.describe(path, specs, sheet=sheet, **layout)  # type: ignore[arg-type]
    except ReadError as exc:
        print(f"cannot read {path.name}: {exc}", file=sys.stderr)
        print("if the layout was misread, say it: --header-row N, --footer-rows N, --record-path KEY, --sheet NAME",
              file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a library message may quote a cell: only its type is shown
        print(f"cannot describe {path.name}: {type(exc).__name__} (message withheld: it may quote a value)",
              file=sys.stderr)
        return 1
    print("\n".join(dsc.report_lines(d)))
    try:
        from pipelines import stages

        m = stages.identify_export(path, specs)
        print(f"\nrecognized: `run` would ingest it as source {m.source.name} of dataset {m.spec.name}")
    except Exception as exc:  # noqa: BLE001 - unrecognized (or ambiguous): the drafts are the way forward
        print(f"\nnot recognized by any contract yet ({str(exc).split('. ')[0].split(': ', 1)[-1]})")
    dest = out or Path("drafts") / describe_draft.slug(path.stem)
    written = describe_draft.write_drafts(d, specs, dest)
    print(f"\ndrafts in {dest}: " + (", ".join(p.name for p in written) or "none written (files already there)"))
    print("complete the TODOs; put the folder in sources/<agency>/ (or point OSD_SOURCES at its parent); then\n"
          "  python -m pipelines.cli check && python -m pipelines.cli run")
    return 0


def generate(out: Path, rows: int, seed: int) -> list[Path]:
    import demo  # the sample generator: only the generate and demo commands need it

    return demo.generate(out, rows=rows, seed=seed)


def withdraw(ident: str, reason: str) -> int:
    """Withdraw an export (file name, path or sha256) from the next releases of its dataset (`export_fates`)."""
    from pipelines import export_fates
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore

    try:
        done = export_fates.withdraw(PrivateStore.from_env(), load_specs(), ident, reason, config.inbox_dir())
    except export_fates.WithdrawError as exc:
        log.error("not withdrawn: %s", exc)
        return 1
    for ds, part in done:
        log.info("withdrew %s from %s: the next release of %s is assembled without it", part, ds, ds)
    return 0


def _dataset_rows(items: list[str]) -> dict[str, int]:
    out = {}
    for it in items:
        ds, _, n = it.partition("=")
        if not n.isdigit():
            raise SystemExit(f"--dataset-rows takes DATASET=N, not {it!r}")
        out[ds] = int(n)
    return out


def ui(host: str = "127.0.0.1", port: int = 3000) -> int:
    """`make ui`: the local instance (run queue limits included), the demo key on a demo deployment, one clear
    message otherwise, then `dagster dev` in place of this process."""
    from pipelines.instance import use_demo_key_if_demo

    home = ensure_dagster_home()
    msg = use_demo_key_if_demo(home)
    if msg:
        log.warning(msg)
    dagster = Path(sys.executable).parent / "dagster"
    args = [str(dagster), "dev", "-w", str(config.REPO_ROOT / "workspace.yaml"), "-h", host, "-p", str(port)]
    os.execv(str(dagster), args)
    return 0  # not reached


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipelines.cli")
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("demo", help="generate sample exports into the inbox and publish everything")
    d.add_argument("--rows", type=int, default=1500)
    d.add_argument("--seed", type=int, default=7)
    d.add_argument("--dataset-rows", action="append", default=[], metavar="DATASET=N",
                   help="records per sample export of one dataset (make demo: stops=10000, a year of stops of a "
                        "mid-size agency, enough for k-anonymity to keep race, sex and month)")
    r = sub.add_parser("run", help="process the inbox, prepare and publish every dataset")
    r.add_argument("--note", default="")
    r.add_argument("--no-publish", action="store_true")
    r.add_argument("--force", action="store_true", help="ingest every export again, even unchanged ones")
    u = sub.add_parser("ui", help="the Dagster UI (webserver and daemon) on the local instance: what `make ui` runs")
    u.add_argument("--host", default="127.0.0.1")
    u.add_argument("--port", type=int, default=3000)
    g = sub.add_parser("generate", help="write synthetic exports")
    g.add_argument("--out", type=Path, default=None)
    g.add_argument("--rows", type=int, default=400)
    g.add_argument("--seed", type=int, default=7)
    sub.add_parser("check", help="validate every dataset, source mapping and contract; list every problem")
    ds = sub.add_parser("describe", help="describe an export and draft its contract and mapping")
    ds.add_argument("file", type=Path)
    ds.add_argument("--out", type=Path, default=None, help="folder for the drafts (default drafts/<file>)")
    ds.add_argument("--sheet", default=None)
    ds.add_argument("--header-row", type=int, default=None, help="physical row of the header (default: detected)")
    ds.add_argument("--footer-rows", type=int, default=None, help="rows at the end that are not records")
    ds.add_argument("--record-path", default=None, help="JSON: where the records are, e.g. features[].attributes")
    w = sub.add_parser("withdraw", help="leave one export (file name, path or sha256) out of the next releases")
    w.add_argument("export")
    w.add_argument("--reason", required=True)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # schema migrations of the SQLite instance
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    if args.cmd == "check":
        return check()
    if args.cmd == "describe":
        return describe(args.file, args.out, args.sheet, header_row=args.header_row, footer_rows=args.footer_rows,
                        record_path=args.record_path)
    if args.cmd == "generate":
        files = generate(args.out or config.inbox_dir(), args.rows, args.seed)
        log.info("wrote %d export(s) to %s", len(files), args.out or config.inbox_dir())
        return 0
    if args.cmd == "demo":
        if not settings.get("OSD_PSEUDONYM_KEY"):
            os.environ["OSD_PSEUDONYM_KEY"] = DEMO_KEY
            log.warning("OSD_PSEUDONYM_KEY is not set: using the demo key (never for real data)")
            mark_demo(ensure_dagster_home())  # `make ui` on this deployment uses the same demo key
        t0 = time.perf_counter()
        files = generate(config.inbox_dir(), args.rows, args.seed)
        for dataset, n in _dataset_rows(args.dataset_rows).items():
            import demo

            srcs = [e.source for e in demo.EXPORTS.values() if e.dataset == dataset]
            demo.generate(config.inbox_dir(), rows=n, seed=args.seed, sources=srcs)
            log.info("%s: %d records per sample export", dataset, n)
        log.info("generated %d sample export(s) into %s", len(files), config.inbox_dir())
        rc = run(note="Demo release from generated sample exports")
        public = config.public_dir()
        log.info("done in %.1fs", time.perf_counter() - t0)
        print(f"\nSite:     {public / 'index.html'}\nReleases: {public / 'datasets'}\n"
              f"Private store (never published): {config.private_dir()}\nDagster UI: make ui\n")
        return rc
    if args.cmd == "withdraw":
        return withdraw(args.export, args.reason)
    if args.cmd == "run":
        from pipelines.specs import SpecError

        try:
            return run(note=args.note, publish=not args.no_publish, force=args.force)
        except SpecError as exc:
            for problem in exc.problems:
                log.error("spec: %s", problem)
            log.error("nothing processed: fix the specs (`python -m pipelines.cli check` lists every problem)")
            return 2
    if args.cmd == "ui":
        return ui(args.host, args.port)
    return 2


if __name__ == "__main__":
    sys.exit(main())
