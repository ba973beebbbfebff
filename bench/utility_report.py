"""Utility and risk of a released CSV, measured on the file itself (`redaction.sdc.report.utility_report`).

    .venv/bin/python bench/utility_report.py public/datasets/stops/v1.0.0/stops.csv
    .venv/bin/python bench/utility_report.py public/datasets/*/v*/*.csv --not-identifying stop_id,officer_id

Prints, per column, the share of rows at each level and the share withheld ("*"), and k over every published
column that the dataset's policy does not declare sensitive or not identifying (`policy.roles`); columns
named with --not-identifying are left out too. Counts and shares only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from redaction.sdc.report import utility_report  # noqa: E402

LADDER_OF_FORM = {"date": "date", "hour": "time", "age_band": "age"}


def roles_and_ladders(dataset: str) -> tuple[dict[str, str], dict[str, str], int, str | None]:
    """The roles, ladder kinds, k and the unit k counts that the shipped spec declares for `dataset`."""
    from pipelines.specs import load_specs
    from pipelines.stages import policy_of

    spec = next((s for s in load_specs() if s.name == dataset), None)
    if spec is None:
        return {}, {}, 5, None
    policy = policy_of(spec)
    ka = policy.k_anonymity or {}
    ladders = {c: str((q or {}).get("ladder", "none")) for c, q in (ka.get("quasi_identifiers") or {}).items()}
    return dict(policy.roles), ladders, int(ka.get("k", 5)), ka.get("unit")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="+", type=Path)
    ap.add_argument("--not-identifying", default="", help="comma-separated columns left out of k")
    ap.add_argument("--json", action="store_true", help="print the reports as JSON")
    ap.add_argument("--unit", default=None,
                    help="count k in distinct values of this column (complaint_id: one complainant per complaint); "
                         "default: the policy's k_anonymity.unit, else rows")
    args = ap.parse_args(argv)
    extra = [c for c in args.not_identifying.split(",") if c]
    for path in args.csv:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        dataset = path.stem
        roles, ladders, k, unit = roles_and_ladders(dataset)
        unit = args.unit or unit
        roles.update({c: "not_identifying" for c in extra})
        levels: dict[str, str] = {}
        prov = path.parent / "provenance.json"
        if prov.exists():
            dc = json.loads(prov.read_text()).get("disclosure_control") or {}
            levels = dict(dc.get("levels") or {})
        rep = utility_report(df, roles, k=k, ladders=ladders, levels=levels, unit=unit)
        if args.json:
            print(json.dumps({str(path): rep}, indent=1))
            continue
        counted = f" (counted in {rep['k_counts']})" if rep.get("k_counts") else ""
        print(f"== {path}: {rep['rows_published']} rows; k = {rep['k_achieved']}{counted} over {rep['quasi_identifiers']};"
              f" {rep['classes_below_k']} classes below {k} ({rep['rows_in_classes_below_k']} {'units' if counted else 'rows'})")
        for c, e in rep["columns"].items():
            if e["role"] != "quasi_identifier":
                print(f"   {c:24s} {e['role']}")
                continue
            lv = ", ".join(f"{name} {share:.1%}" for name, share in e["levels"].items())
            print(f"   {c:24s} withheld {e['suppressed_share']:6.1%}   {lv}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
