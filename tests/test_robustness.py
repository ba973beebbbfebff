"""Nothing lost, nothing stuck: rows are counted as rows, empty and single-row exports go through every stage,
timestamps with mixed offsets standardize, impossible values are quarantined (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

from pipelines import samplegen, stages
from pipelines.specs import load_specs
from pipelines.store import PrivateStore
from tests.stubs import StubRedactor

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _specs():
    return {s.name: s for s in load_specs()}


def run_stages(store: PrivateStore, files: list[Path]) -> dict[str, dict]:
    """Every stage of every export, then the candidate of each dataset: the accounting (`candidate.json`)."""
    specs = _specs()
    by: dict[str, list[str]] = {}
    for f in files:
        spec = stages.identify_export(f, list(specs.values())).spec
        stages.ingest_raw(store, spec, f, f.name)
        stages.standardize_partition(store, spec, f.name)
        stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=StubRedactor)
        by.setdefault(spec.name, []).append(f.name)
    return {ds: stages.assemble_candidate(store, specs[ds], parts) for ds, parts in by.items()}


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\r\n")


def test_a_row_missing_ten_cells_is_one_quarantined_row(tmp_path: Path) -> None:
    f = samplegen.generate(tmp_path / "in", rows=50, seed=3, sources=["rivertown_stops"])[0]
    lines = _lines(f)
    lines[4] = b",".join(lines[4].split(b",")[:3])  # export row 5: 25 cells missing
    lines[9] += b",x,y,z"  # export row 10: three extra cells
    f.write_bytes(b"\r\n".join(lines))
    meta = run_stages(PrivateStore.local(tmp_path / "private"), [f])["stops"]
    c = meta["counts"]
    assert c["ingested"] == 50
    assert c["quarantined"] == 2
    assert c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"]
    assert meta["quarantine_reasons"] == {"read:extra-cell": 1, "read:missing-cell": 1}
    ok, _ = stages.check_row_accounting(meta, PrivateStore.local(tmp_path / "private")
                                        .read_parquet("candidate/stops/candidate.parquet"))
    assert ok
