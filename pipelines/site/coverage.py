"""Which agencies a release really holds, how many records per agency and year, and what each agency's
source lacks or had mapped (from the source mappings of the dataset spec and from the released file)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from pipelines.site.tables import SummaryTable, _strings, crosstab

AGENCY = "agency"


@dataclass
class AgencyNote:
    """What a reader should know about one agency's records in a release."""

    agency: str
    lacks: list[str] = field(default_factory=list)  # column titles the agency's export does not provide
    mapped: list[str] = field(default_factory=list)  # "Race: 9 agency codes mapped to the published list"
    empty_here: list[str] = field(default_factory=list)  # column titles empty or withheld for every record
    exports: list[str] = field(default_factory=list)


def agencies_in(table: pa.Table | None) -> list[str]:
    """Agencies with at least one record in the released file, sorted."""
    if table is None or AGENCY not in table.column_names:
        return []
    return sorted({v for v in _strings(table, AGENCY) if v and v not in ("Not recorded", "Withheld (*)")})


def coverage_table(table: pa.Table | None, temporal: str | None, threshold: int,
                   titles: Mapping[str, str]) -> SummaryTable | None:
    """Records by agency and year (small cells hidden)."""
    if table is None or AGENCY not in table.column_names:
        return None
    return crosstab(table, AGENCY, "year", temporal=temporal, threshold=threshold, titles=titles,
                    slug="coverage-agency-by-year", title="Records by agency and year")


def agency_notes(table: pa.Table | None, sources: Sequence[Any], policy_columns: Mapping[str, Any],
                 titles: Mapping[str, str]) -> list[AgencyNote]:
    """Per agency present in the release: public columns its exports cannot fill, code lists it had mapped,
    and columns empty or withheld for all its records in this file."""
    present = agencies_in(table)
    notes = []
    for agency in present:
        note = AgencyNote(agency=agency)
        mine = [s for s in sources if getattr(s, "agency", None) == agency]
        lacks: set[str] = set()
        for s in mine:
            note.exports.append(str(getattr(s, "name", "")))
            fields: Mapping[str, Any] = getattr(s, "fields", {}) or {}
            for col, treat in policy_columns.items():
                src = (treat or {}).get("source") if isinstance(treat, Mapping) else None
                if src and src not in fields:
                    lacks.add(titles.get(col, col))
            for std, how in fields.items():
                if isinstance(how, Mapping) and isinstance(how.get("map"), Mapping):
                    cols = [c for c, t in policy_columns.items() if isinstance(t, Mapping) and t.get("source") == std]
                    pairs = [f"{k} → {v}" for k, v in list(how["map"].items())[:12]]
                    more = f" and {len(how['map']) - 12} more" if len(how["map"]) > 12 else ""
                    for c in cols:
                        note.mapped.append(f"{titles.get(c, c)}: agency codes mapped as {', '.join(pairs)}{more}")
        note.lacks = sorted(lacks)
        if table is not None:
            mask = pa.array([a == agency for a in _strings(table, AGENCY)])
            sub = table.filter(mask)
            for col in sub.column_names:
                vals = set(_strings(sub, col))
                if vals and vals <= {"Not recorded", "Withheld (*)"}:
                    note.empty_here.append(titles.get(col, col))
        notes.append(note)
    return notes
