"""What each stage returns: typed results the assets read by attribute (counts, row numbers, field names and
reason codes, never a value from a record).

A result is also the stage's accounting document in the private store (`to_dict`, the same keys in the same
order): the next stages and the checks read those documents back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypedDict

# A free-form JSON document (the disclosure-control and utility reports, the validation summary, an export's
# fate): read-only containers, so a report typed ``dict[str, int]`` is one too.
type JSONValue = str | int | float | bool | None | Sequence["JSONValue"] | Mapping[str, "JSONValue"]
type JSONObject = Mapping[str, JSONValue]


class ReadIssueRow(TypedDict):
    """One reading issue: the export's row number, the issue code and the field it concerns (never a value)."""

    row: int
    code: str
    field: str | None


class InputFile(TypedDict):
    """One export the candidate was built from."""

    file: str
    sha256: str
    bytes: int
    source: str
    agency: str


class _Document:
    """A result written as a JSON document: its fields, in order."""

    def to_dict(self) -> dict[str, JSONValue]:
        return dataclasses.asdict(self)  # type: ignore[call-overload, no-any-return]


@dataclass
class RawResult(_Document):
    """One export read through its source contract (`ingest_raw`)."""

    file: str
    sha256: str
    bytes: int
    source: str
    agency: str
    spec_sha256: str
    encoding: str | None
    rows_read: int
    rows: int
    blank_rows: int
    read_quarantined: int  # rows with a read issue (a row missing ten cells counts once)
    read_issues: dict[str, int]  # issue code -> rows
    read_issue_rows: list[ReadIssueRow]  # first 1,000: row number, code, field name
    filtered_rows: int  # rows the source's row filter leaves out


@dataclass
class StandardizeResult(_Document):
    """One export's rows checked against its source contract and mapped to standardized columns."""

    file: str
    raw_sha256: str  # the export content these rows come from (`export_fates` checks the chain)
    source: str
    rows_in: int
    rows_out: int
    quarantined: int
    reasons: dict[str, int]  # reason code -> rows
    quarantined_rows: list[int]  # first 50 export row numbers
    standardized_id: str  # this run's rows: caches derived from them (identifier forms) key on it
    precision: dict[str, str]  # declared by the source: month-only dates are published as months


@dataclass
class DeidentifyResult(_Document):
    """One export's rows after the policy (`deidentify_partition`)."""

    rows: int
    redactions: dict[str, int]  # entity type -> placeholders written
    texts_redacted: int
    standardized_id: str | None  # the standardize run these rows come from (`export_fates` checks the chain)
    allow_terms: str | None = None  # fingerprint of the officer's allow terms applied (free text only)

    def to_dict(self) -> dict[str, JSONValue]:
        out: dict[str, JSONValue] = dataclasses.asdict(self)
        if self.allow_terms is None:  # `deidentified_current`: no free text, nothing to re-apply
            out.pop("allow_terms")
        return out


@dataclass
class RowCounts(_Document):
    """ingested = published + quarantined + suppressed (the `row_accounting` check)."""

    ingested: int
    blank_rows_skipped: int
    quarantined: int
    suppressed: int
    published: int


@dataclass
class CandidateResult(_Document):
    """The release candidate's accounting (`assemble_candidate`): written beside it as ``candidate.json``."""

    dataset: str
    content_hash: str
    partitions: list[str]
    inputs: list[InputFile]  # file, sha256, bytes, source, agency of each export
    exports: Sequence[JSONObject]  # every export received, with its fate and rows
    agencies: list[str]
    counts: RowCounts
    quarantine_reasons: dict[str, int]  # "<stage>:<code>" -> rows
    validation: JSONObject  # the public contract's report summary
    redactions: dict[str, int]
    texts_redacted: int
    narratives_withheld: JSONObject
    sdc: JSONObject | None  # the disclosure-control report (`redaction.sdc`), None without k-anonymity
    utility: JSONObject | None  # the utility and risk report of the released table
    policy_files: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, doc: Mapping[str, JSONValue]) -> CandidateResult:
        """The accounting read back from ``candidate.json``."""
        return cls(**{**doc, "counts": RowCounts(**doc["counts"])})  # type: ignore[arg-type, dict-item]


class CheckResult(NamedTuple):
    """A blocking check's verdict and its evidence (counts, export row numbers, field names)."""

    passed: bool
    metadata: dict[str, JSONValue]


@dataclass
class PublishResult:
    """A release published (or not: `created` is False when the same content is already the latest version)."""

    version: str
    created: bool
    path: str
    files: Mapping[str, JSONObject]  # file name -> bytes, sha256
    url: str
    rows: int
