"""The hostile-input corpus (tests/hostile/corpus.py) through every stage and the blocking checks: each case's
exact outcome, and the totals the issue asks for: 0 crashes, 0 silent drops, 0 leaks, 0 unclear errors.

A crash is an exception that is not one of the pipeline's own value-free errors; a silent drop a row that is
neither published, quarantined nor suppressed (or a bad row published); a leak the planted secret in a log line,
an error, the private store's metadata or the public candidate; an unclear error one that does not name the file
and a code (and the field where there is one).
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipelines import export_fates, readers, stages
from pipelines.specs import load_specs
from pipelines.store import PrivateStore
from redaction.errors import SdcError
from tests.hostile import corpus
from tests.stubs import StubRedactor

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
KNOWN_ERRORS = (readers.ReadError, stages.UnknownExport, stages.StageError, export_fates.IncompleteRelease, SdcError)


@dataclass
class Outcome:
    case: str
    problems: Counter[str] = field(default_factory=Counter)  # crash, silent-drop, leak, unclear-error, mismatch
    notes: list[str] = field(default_factory=list)

    def bad(self, kind: str, note: str) -> None:
        self.problems[kind] += 1
        self.notes.append(f"{kind}: {note}")


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.text: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.text.append(record.getMessage())


def _quarantined(store: PrivateStore, ds: str, part: str) -> dict[int, list[tuple[str, str | None]]]:
    """Export row -> (code, field) of every reason the pipeline gave for quarantining it, in every stage."""
    out: dict[int, list[tuple[str, str | None]]] = {}
    for i in (store.read_json(f"raw/{ds}/{part}.json") or {}).get("read_issue_rows", []):
        out.setdefault(int(i["row"]), []).append((i["code"], i.get("field")))
    keys = [f"quarantine/{ds}/{part}.parquet", f"quarantine/{ds}/_validate.parquet"]
    for key in keys:
        if not store.exists(key):
            continue
        for r in store.read_parquet(key).to_pylist():
            if r.get("_file", part) != part:
                continue
            for reason in (r["_reasons"] or "").split(";"):
                code, _, fld = reason.removeprefix("source-").partition(":")
                out.setdefault(int(r["_row"]), []).append((code, fld or None))
    return out


def _secret_in_store(root: Path) -> list[str]:
    hits = []
    for p in root.rglob("*.json"):
        if corpus.SECRET in p.read_text(encoding="utf-8", errors="replace"):
            hits.append(p.relative_to(root).as_posix())
    cand = [p for p in root.rglob("candidate.parquet")]
    for p in cand:
        import pyarrow.parquet as pq

        if corpus.SECRET in str(pq.read_table(p).to_pylist()):
            hits.append(p.relative_to(root).as_posix())
    return hits


def _check_error(out: Outcome, case: corpus.Case, exc: BaseException, files: list[Path]) -> None:
    text = str(exc)
    code = getattr(exc, "code", None) or ("unknown-export" if isinstance(exc, stages.UnknownExport) else None)
    if isinstance(exc, SdcError):  # about the dataset, not a file: named by its code
        code = text.split(":", 1)[0]
    elif not any(f.name in text for f in files):
        out.bad("unclear-error", f"{type(exc).__name__} without the file name")
    if not code:
        out.bad("unclear-error", f"{type(exc).__name__} without a code")
    if "missing []" in text:
        out.bad("unclear-error", "a rejection naming no missing column")
    if case.reason and case.reason not in text:
        out.bad("unclear-error", f"the rejection does not say {case.reason!r}")
    if case.rejected is None:
        out.bad("mismatch", f"rejected ({code}) but rows were expected")
    elif code != case.rejected:
        out.bad("mismatch", f"rejected with {code}, expected {case.rejected}")


def run_case(case: corpus.Case, base: Path) -> Outcome:
    out = Outcome(case.name)
    files = corpus.build(case, base / "inbox")
    store = PrivateStore.local(base / "private")
    specs = load_specs()
    saved = {k: os.environ.get(k) for k in case.env}
    os.environ.update(case.env)
    cap = _Capture()
    root = logging.getLogger()
    root.addHandler(cap)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    err: BaseException | None = None
    try:
        parts: dict[str, list[str]] = {}
        spec = None
        for f in files:
            spec = stages.identify_export(f, specs).spec
            stages.ingest_raw(store, spec, f, f.name)
            stages.standardize_partition(store, spec, f.name)
            stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=StubRedactor)
            parts.setdefault(spec.name, []).append(f.name)
        assert spec is not None
        meta = stages.assemble_candidate(store, spec, parts[spec.name]).to_dict()
        table = stages.load_candidate_source(store, spec)[0]
        checks = {n: stages.run_check(n, store, spec, table, meta)[0] for n in stages.CHECK_NAMES}
    except KNOWN_ERRORS as exc:
        err = exc
    except Exception as exc:  # noqa: BLE001 - a crash is what this corpus counts
        out.bad("crash", f"{type(exc).__name__}")
        err = exc
    finally:
        root.removeHandler(cap)
        root.setLevel(old_level)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    if err is not None and corpus.SECRET in str(err):
        out.bad("leak", "secret in an error message")
    if any(corpus.SECRET in t for t in cap.text):
        out.bad("leak", "secret in a log line")
    if any(f.name in t for f in files if "\n" in f.name for t in cap.text):
        out.bad("unclear-error", "a log line split by the newline of a file name")
    for hit in _secret_in_store(base / "private"):
        out.bad("leak", f"secret in {hit}")
    if out.problems["crash"]:
        return out
    if err is not None:
        _check_error(out, case, err, files)
        return out
    if case.rejected:
        out.bad("mismatch", f"accepted, expected rejected ({case.rejected})")
        return out
    _check_rows(out, case, store, spec.name, parts[spec.name], meta, checks)
    return out


def _check_rows(out: Outcome, case: corpus.Case, store: PrivateStore, ds: str, parts: list[str],
                meta: dict[str, Any], checks: dict[str, bool]) -> None:
    c = meta["counts"]
    if c["ingested"] != c["published"] + c["quarantined"] + c["suppressed"]:
        out.bad("silent-drop", f"accounting {c}")
    if case.ingested is not None and c["ingested"] != case.ingested:
        out.bad("silent-drop", f"ingested {c['ingested']}, the export has {case.ingested} rows")
    if c["blank_rows_skipped"] != case.blank_rows:
        out.bad("mismatch", f"blank rows {c['blank_rows_skipped']}, expected {case.blank_rows}")
    failed = tuple(sorted(n for n, ok in checks.items() if not ok))
    if failed != tuple(sorted(case.failed_checks)):
        out.bad("mismatch", f"failed checks {failed}, expected {case.failed_checks}")
    if len(parts) != 1:
        return  # multi-export cases are judged by their counts and checks
    got = _quarantined(store, ds, parts[0])
    for row, (code, fld) in case.quarantined.items():
        reasons = got.get(row)
        if not reasons:
            out.bad("silent-drop", f"row {row} ({code}) was not quarantined")
        elif {r[0] for r in reasons} != set(code.split("|")) or (fld is not None and fld not in {r[1] for r in reasons}):
            out.bad("mismatch", f"row {row}: {sorted(set(reasons))}, expected {code} {fld}")
        elif any(r[1] is None for r in reasons) and fld is not None:
            out.bad("unclear-error", f"row {row}: a reason without its field")
    extra = sorted(set(got) - set(case.quarantined))
    if extra:
        out.bad("mismatch", f"rows quarantined but not expected: {extra[:5]}")
    if c["quarantined"] != len(got):
        out.bad("mismatch", f"quarantined {c['quarantined']} rows, {len(got)} reported with their row")


def test_hostile_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = [run_case(case, tmp_path / case.name) for case in corpus.CASES]
    totals: Counter[str] = Counter()
    pending: Counter[str] = Counter()
    lines = []
    for case, o in zip(corpus.CASES, outcomes, strict=True):
        held = o.problems if not case.pending else Counter({k: v for k, v in o.problems.items() if k == "crash"})
        totals.update(held)
        if case.pending:
            pending.update({k: v for k, v in o.problems.items() if k != "crash"})
        if case.pending and not o.problems:
            lines.append(f"  {case.name}: pending, but its outcome is now as stated: remove `pending` from the case")
        if o.notes:
            lines.append(f"  {case.name}{' (pending: ' + case.pending + ')' if case.pending else ''}: "
                         + "; ".join(o.notes[:4]))
    summary = (f"hostile corpus: {len(corpus.CASES)} cases, {sum(1 for c in corpus.CASES if not c.pending)} held to "
               f"their outcome; crashes {totals['crash']}, silent drops {totals['silent-drop']}, leaks "
               f"{totals['leak']}, unclear errors {totals['unclear-error']}, mismatches {totals['mismatch']}; "
               f"pending cases' problems {dict(pending)}")
    with capsys.disabled():
        print("\n" + summary + ("\n" + "\n".join(lines) if lines else ""))
    assert sum(totals.values()) == 0, summary + "\n" + "\n".join(lines)
