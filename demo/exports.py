"""The sample exports: their specs (source, dataset, agency, file, format, PII columns) and the planted values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExportSpec:
    """One synthetic export shape."""

    source: str  # source name in the dataset spec
    dataset: str
    agency: str
    filename: str
    format: str
    sheet: str | None = None
    pii_columns: tuple[str, ...] = ()  # columns whose every value is a planted personal value
    text_columns: tuple[str, ...] = ()  # free text that mentions the row's people


@dataclass
class SampleFile:
    """A generated export in memory: header, rows of cells, and what was planted."""

    spec: ExportSpec
    header: list[str]
    rows: list[list[Any]] = field(repr=False)
    planted: set[str] = field(default_factory=set, repr=False)
    bad_positions: list[int] = field(default_factory=list)  # 0-based record positions with a planted error


@dataclass
class SampleSet:
    """All generated exports of one run."""

    files: list[SampleFile]

    @property
    def planted(self) -> set[str]:
        out: set[str] = set()
        for f in self.files:
            out |= f.planted
        return out


def _plant(planted: set[str], *values: Any) -> None:
    """Add planted values: strings, or iterables of strings; None and blanks are skipped."""
    for v in values:
        if v is None:
            continue
        if isinstance(v, str):
            if v.strip():
                planted.add(v)
        else:
            planted.update(x for x in v if x and x.strip())


def _planted_forms_in(text: str, candidates: Iterable[str]) -> set[str]:
    return {c for c in candidates if c and c in text}


EXPORTS: dict[str, ExportSpec] = {
    s.source: s
    for s in [
        ExportSpec("rivertown_stops", "stops", "Rivertown Police Department", "rivertown_stops.csv", "csv",
                   pii_columns=("SUBJ_DOB", "SUBJ_ADDR", "SUBJ_PHONE", "SUBJ_SSN", "DL_NO", "PLATE", "VIN",
                                "OFFICER", "LOCATION")),
        ExportSpec("lakeview_stops", "stops", "Lakeview County Sheriff's Office", "lakeview_stops.jsonl", "jsonl",
                   pii_columns=("subjectDOB", "subjectHomeAddress", "subjectPhone", "subjectEmail",
                                "driverLicense", "licensePlate", "vehicleVin", "deputyName", "address")),
        ExportSpec("rivertown_incidents", "incidents", "Rivertown Police Department", "rivertown_incidents.csv",
                   "csv", pii_columns=("INC_ADDR", "V_NAME", "V_DOB", "V_ADDR", "V_PHONE", "V_EMAIL", "S_NAME",
                                       "S_DOB", "S_ADDR", "S_SSN", "S_DL", "VEH_PLATE", "VEH_VIN", "W_NAME",
                                       "W_PHONE", "RPT_OFFICER"),
                   text_columns=("NARRATIVE",)),
        ExportSpec("harbor_city_incidents", "incidents", "Harbor City Police Department",
                   "harbor_city_incidents.xlsx", "xlsx", sheet="Incidents",
                   pii_columns=("Address", "Victim Name", "Victim DOB", "Victim Address", "Victim Phone", "Victim Email",
                                "Suspect Name", "Suspect DOB", "Suspect Address", "Suspect SSN", "Suspect OLN", "Vehicle Plate",
                                "Vehicle VIN", "Officer Name"),
                   text_columns=("Narrative",)),
        ExportSpec("lakeview_complaints", "complaints", "Lakeview County Sheriff's Office",
                   "lakeview_complaints.jsonl", "jsonl",
                   pii_columns=("complainantDOB", "complainantHomeAddress", "complainantPhone", "complainantEmail",
                                "deputyName"),
                   text_columns=("summary",)),
        ExportSpec("harbor_city_complaints", "complaints", "Harbor City Police Department",
                   "harbor_city_complaints.csv", "csv",
                   pii_columns=("Complainant", "Comp DOB", "Comp Address", "Comp Phone", "Comp Email", "Officer"),
                   text_columns=("Allegation Summary",)),
    ]
}

