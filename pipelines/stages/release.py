"""The release stage: publish exactly the previewed candidate, its package metadata and provenance, the leak verifier once more."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pipelines import parallel, publishing
from pipelines.publishing.hashing import code_version
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.candidate import candidate_source, load_candidate_source
from pipelines.stages.checks import check_leaks, recorded_checks
from pipelines.stages.common import StageError
from pipelines.stages.results import PublishResult
from pipelines.store import PrivateStore
from redaction.errors import LeakFound


def package_metadata(spec: DatasetSpec, meta: Mapping[str, Any]) -> dict[str, Any]:
    """The Data Package's descriptive fields, from the dataset spec and the agencies of the candidate."""
    lic = spec.license
    return {
        "title": spec.title,
        "description": spec.description,
        "keywords": spec.keywords,
        "licenses": [lic],
        "sources": [{"title": a} for a in meta.get("agencies", [])],
        "contributors": [{"title": spec.publisher.get("name", ""), "roles": ["publisher"]}],
    }


def provenance(spec: DatasetSpec, meta: Mapping[str, Any], checks: Mapping[str, Any]) -> dict[str, Any]:
    """The release's provenance.json: inputs, counts, reasons, redactions and checks (never a record value)."""
    return {
        "dataset": spec.name,
        "code_version": code_version(),
        "inputs": meta["inputs"],
        "exports": meta.get("exports", []),  # every export received, with its fate and rows
        "policy_and_schema_files": meta["policy_files"],
        "counts": meta["counts"],
        "quarantine_reasons": meta["quarantine_reasons"],
        "redactions_by_type": meta["redactions"],
        "texts_redacted": meta["texts_redacted"],
        "narratives_withheld": _withheld_counts(meta),
        "disclosure_control": meta["sdc"],
        "utility": meta.get("utility"),
        "checks": dict(checks),
    }


def _withheld_counts(meta: Mapping[str, Any]) -> dict[str, Any]:
    """Free-text cells withheld pending review, by reason, and those released by the officer's decision."""
    w = meta.get("narratives_withheld") or {}
    return {"by_reason": dict(w.get("by_reason") or {}), "total": int(w.get("total", 0)),
            "released_by_decision": int(w.get("released_by_decision", 0))}


def _verify_candidate(store: PrivateStore, spec: DatasetSpec, meta: Mapping[str, Any], state: Any,
                      ) -> tuple[bool, dict[str, Any], str | None]:
    """`check_leaks` on the candidate file, and whether that file was the one of ``state`` (its size and
    modification time, as the publishing process hashed it) all along: ``None`` if so, else (or when the filesystem
    does not tell the time) the content hash of the file as it was read."""
    src = candidate_source(store, spec)
    before = src.file_state()
    ok, md = check_leaks(store, spec, src, meta)
    if state is not None and before == src.file_state() == state:
        return ok, md, None
    return ok, md, publishing.content_hash_source(src, spec.schema)


class _LeakVerification:
    """The publish step's own run of the leak verifier. A big candidate (`parallel.use_workers`) is verified in a
    worker process while this one plans and writes the release files to a temporary folder; `require_pass` waits
    for the verdict, and the upload starts only after it (it also checks the worker read the content that is being
    published: the same file, or the same content hash). A small one is verified here first, as before."""

    def __init__(self, store: PrivateStore, spec: DatasetSpec, meta: Mapping[str, Any], chash: str, rows: int,
                 state: Any) -> None:
        self.dataset, self.chash = spec.name, chash
        self._pool: Any = None
        self._result: tuple[bool, dict[str, Any], str | None] | None = None
        if parallel.use_workers(rows):
            self._pool = parallel.spawn_pool(1)
            self._future = self._pool.submit(_verify_candidate, store, spec, dict(meta), tuple(state) if state else None)
        else:
            ok, md = check_leaks(store, spec, candidate_source(store, spec), meta)  # right after this process
            self._result = (ok, md, None)                                           # hashed the same file
            self.require_pass()

    def require_pass(self) -> None:
        if self._result is None:
            self._result = self._future.result()
            self.close()
        ok, md, seen = self._result
        if seen is not None and seen != self.chash:
            raise StageError(f"{self.dataset}: the candidate changed on disk while it was verified; re-run validation")
        if not ok:
            raise LeakFound(f"{self.dataset}: refused: leak verifier found {md.get('findings', '?')} hit(s) "
                            f"(first export rows {md.get('first_export_rows', [])[:5]}); see check metadata")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> _LeakVerification:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def publish(store: PrivateStore, publisher: Any, spec: DatasetSpec, *, note: str = "") -> PublishResult:
    """Publish exactly the previewed candidate, only if every blocking check passed for that exact content."""
    src, meta = load_candidate_source(store, spec)
    chash = publishing.content_hash_source(src, spec.schema)
    if chash != meta["content_hash"]:
        raise StageError(f"{spec.name}: the candidate changed on disk since it was validated; re-run validation")
    preview = store.read_json(layout.preview_meta(spec.unit))
    if not preview or preview.get("content_hash") != chash:
        raise StageError(f"{spec.name}: refused: this content was not previewed; materialize release_preview first")
    checks = recorded_checks(store, spec, chash)
    not_passed = [n for n, ok in checks.items() if ok is not True]
    if not_passed:
        raise StageError(f"{spec.name}: refused: blocking checks not passed for this content: {not_passed}")
    # the leak verifier once more, whatever the check records say; its verdict is required before anything goes out
    with _LeakVerification(store, spec, meta, chash, src.num_rows, src.file_state()) as verified:
        plan = publishing.plan_release_source(publisher, spec.name, src, spec.schema)
        rel = publishing.publish_release_source(
            publisher,
            plan,
            src,
            spec.schema,
            package=package_metadata(spec, meta),
            provenance=provenance(spec, meta, {n: "passed" for n in checks}),
            note=note,
            before_upload=verified.require_pass,
        )
    return PublishResult(version=rel.version, created=rel.created, path=rel.path, files=rel.files,
                         url=publisher.url(rel.path), rows=src.num_rows)


