"""Generate the sample exports: `generate_samples` in memory, `generate` to files, `main` for the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from demo.exports import EXPORTS, SampleFile, SampleSet
from demo.files import write_file
from demo.harbor_city import _harbor_city_complaints, _harbor_city_incidents
from demo.lakeview import _lakeview_complaints, _lakeview_stops
from demo.rivertown import _rivertown_incidents, _rivertown_stops
from demo.values import _bad_positions

_BUILDERS: dict[str, Callable[[np.random.Generator, int, list[int]], SampleFile]] = {
    "rivertown_stops": _rivertown_stops,
    "lakeview_stops": _lakeview_stops,
    "rivertown_incidents": _rivertown_incidents,
    "harbor_city_incidents": _harbor_city_incidents,
    "lakeview_complaints": _lakeview_complaints,
    "harbor_city_complaints": _harbor_city_complaints,
}


def generate_samples(*, rows: int = 500, seed: int = 7, bad_rows: int = 0,
                     sources: Iterable[str] | None = None) -> SampleSet:
    """Build every export in memory (no files). Each source gets its own stream derived from ``seed``."""
    if rows < 0 or bad_rows < 0:
        raise ValueError("rows and bad_rows must be >= 0")
    names = list(sources) if sources is not None else list(EXPORTS)
    unknown = sorted(set(names) - set(EXPORTS))
    if unknown:
        raise ValueError(f"unknown sample source(s): {unknown}")
    files = []
    for i, name in enumerate(EXPORTS):
        if name not in names:
            continue
        rng = np.random.default_rng([seed, i])
        files.append(_BUILDERS[name](rng, rows, _bad_positions(rows, bad_rows)))
    return SampleSet(files)


def generate(
    out_dir: str | Path,
    *,
    rows: int = 500,
    seed: int = 7,
    bad_rows: int = 0,
    sources: Iterable[str] | None = None,
) -> list[Path]:
    """Write the six synthetic exports (``rows`` records each) into ``out_dir``; returns their paths.

    Deterministic: the same ``rows``, ``seed`` and ``bad_rows`` give byte-identical files (a source's file does
    not depend on which other sources are generated). ``bad_rows`` plants that many records per file with an
    unparseable date or an unknown code (alternately); 0 for demos. ``sources`` limits the output to some
    source names (keys of :data:`EXPORTS`), e.g. for a benchmark that needs one big file.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    samples = generate_samples(rows=rows, seed=seed, bad_rows=bad_rows, sources=sources)
    return [write_file(f, out) for f in samples.files]


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``python -m demo --out DIR --rows N --seed S [--bad-rows K]``."""
    ap = argparse.ArgumentParser(prog="python -m demo",
                                 description="Deterministic synthetic agency exports for demos, tests and benchmarks.")
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--rows", type=int, default=500, help="records per export (default 500)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--bad-rows", type=int, default=0, help="records per export with a planted error")
    ap.add_argument("--source", action="append", choices=sorted(EXPORTS), help="only this source (repeatable)")
    args = ap.parse_args(argv)
    paths = generate(args.out, rows=args.rows, seed=args.seed, bad_rows=args.bad_rows, sources=args.source)
    for p in paths:
        print(p)  # noqa: T201 - CLI output
    return 0


