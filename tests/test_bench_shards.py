"""The sharded bench (`bench/bench_shards.py`) measures real releases: each shard its own stop numbers, every
step run in a fresh worker, the figures it prints taken from what was published."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import demo as samplegen

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
BENCH = Path(__file__).resolve().parent.parent / "bench"


def _bench():  # noqa: ANN202
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module("bench_shards")
    finally:
        sys.path.remove(str(BENCH))


def _ids(path: Path) -> list[bytes]:
    return [line.split(b",", 1)[0] for line in path.read_bytes().splitlines()[1:]]


def test_relabelled_shards_have_their_own_stop_numbers_and_the_same_rows(tmp_path):
    """A relabelled copy keeps every row but the stop number, and no stop number of another shard."""
    bench = _bench()
    src = samplegen.generate(tmp_path / "g", rows=500, seed=3, sources=["rivertown_stops"])[0]
    three = bench.relabel(src, tmp_path / "s3.csv", 3)
    seven = bench.relabel(three, tmp_path / "s7.csv", 7)  # a copy of a copy: a prefix of its own, not two
    a, b, c = _ids(src), _ids(three), _ids(seven)
    assert len(a) == len(b) == len(c) > 400
    assert not set(a) & set(b) and not set(b) & set(c) and not set(a) & set(c)
    assert all(x.startswith(b"RS") and b"-E7-" in x and b"-E3-" not in x for x in c if x.startswith(b"RS"))
    rest = [line.split(b",", 1)[1:] for line in src.read_bytes().splitlines()]
    assert rest == [line.split(b",", 1)[1:] for line in seven.read_bytes().splitlines()]


def test_two_workers_release_every_shard_and_report_its_peak(tmp_path, monkeypatch):
    """Two shards through two worker processes: each one published (a 1.0.0 release of its rows), with its own
    peak memory and CPU time; with keep=False its stores are gone once measured."""
    bench = _bench()
    monkeypatch.setenv("OSD_MAX_QUARANTINE_SHARE", "0.2")
    src = samplegen.generate(tmp_path / "g", rows=1500, seed=4, sources=["rivertown_stops"])[0]
    exports = [bench.relabel(src, tmp_path / f"rivertown_stops_{i:02d}.csv", i) for i in (1, 2)]
    seen: list[str] = []
    wall, figs = bench.run_shards(tmp_path / "w", exports, 2, keep=False, done=lambda f: seen.append(f.shard))
    assert sorted(seen) == ["rivertown_stops_01", "rivertown_stops_02"]  # each shown as soon as it is released
    assert [f.shard for f in figs] == ["rivertown_stops_01", "rivertown_stops_02"]
    for f in figs:
        assert f.version == "1.0.0" and 1000 < f.published <= f.ingested <= 1500
        assert 50 * 2**20 < f.peak_bytes < 10**9 and f.cpu_s > 0
        assert set(f.seconds) == set(bench.STEPS)
    assert figs[0].published == figs[1].published  # the same rows, relabelled: the same release
    assert wall > 0 and not any((tmp_path / "w").iterdir())
