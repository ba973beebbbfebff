"""One error root for the pipeline, the transient/terminal markers, and the catalogue of error codes.

Every error the pipeline raises on purpose derives from :class:`OsdError`, so a caller (a Dagster op, the CLI, a
retry loop) can tell the pipeline's refusals from bugs with one ``except``. A class says whether retrying can
help by mixing in :class:`Transient` (the same call may succeed later: a lost compare-and-swap race, a held
lease) or :class:`Terminal` (the input or the store is wrong: retrying fails the same way). Unmarked errors are
treated as terminal by :func:`is_transient`.

``CATALOGUE`` maps each error code to a short description the methodology and the docs render. Messages carry
file names, keys, row numbers, field names, counts and codes, never a value from a record.
"""

from __future__ import annotations

from dataclasses import dataclass


class OsdError(Exception):
    """Root of every error the pipeline raises on purpose; ``code`` is its entry in :data:`CATALOGUE`."""

    code = "osd-error"


class Transient:
    """Marker: retrying the same operation may succeed (a race lost, a lease held, a store briefly away)."""


class Terminal:
    """Marker: retrying the same input fails the same way; something must change first."""


def is_transient(exc: BaseException) -> bool:
    """Whether retrying the operation that raised ``exc`` may help."""
    return isinstance(exc, Transient)


@dataclass(frozen=True)
class ErrorCode:
    """One catalogued error: its code, a short title and what it means for the officer or the operator."""

    code: str
    title: str
    description: str


def _codes(*rows: tuple[str, str, str]) -> dict[str, ErrorCode]:
    return {code: ErrorCode(code, title, desc) for code, title, desc in rows}


#: Error code -> description. Class codes (``<area>-<what>``) and the reading codes of ``ReadError``.
CATALOGUE: dict[str, ErrorCode] = _codes(
    ("osd-error", "Pipeline error", "An error of the pipeline not described more precisely."),
    # publishing
    ("publish-error", "Publish refused", "A release cannot be published as asked (names dataset, version, key)."),
    ("publish-immutable", "Version is immutable", "A published or partly written version would get other bytes."),
    ("publish-key-exists", "Key exists", "A create-only write found the key already present."),
    ("publish-precondition", "Concurrent update", "A compare-and-swap write lost a race; it is retried."),
    ("publish-integrity", "Read-back mismatch", "A written object does not read back with the sha256 written."),
    ("publish-stale-plan", "Stale plan", "Another release was published since the plan was made; plan again."),
    ("publish-invalid-key", "Invalid key", "A store key is empty, absolute or climbs out of the store."),
    # private store, stages, catalogue
    ("store-error", "Private store error", "A private-store operation failed (names the key)."),
    ("stage-error", "Stage cannot run", "Missing input or changed content (names dataset and partition)."),
    ("unknown-export", "Unknown export", "An export matches no source contract (names the file and the reason)."),
    ("incomplete-release", "Incomplete release", "An export of the release failed; each one is named."),
    ("withdraw-error", "Withdrawal refused", "An export cannot be withdrawn as asked."),
    ("spec-error", "Spec error", "A dataset spec, schema, source contract or mapping is missing or malformed."),
    ("mapping-error", "Mapping error", "The mapping names an unknown source field or operation."),
    ("site-error", "Site error", "The site cannot be built from a spec, policy or public file."),
    ("deployment-error", "Deployment file error", "The deployment file is unreadable or has unknown keys."),
    # reading an export (ReadError.code)
    ("read-error", "Export unreadable", "An export cannot be read; the code below says why."),
    ("format-error", "Format error", "The file is not the format it claims to be."),
    ("encoding-error", "Encoding error", "The file's text is not in a supported encoding."),
    ("compression-error", "Compression error", "The compressed file cannot be decompressed."),
    ("parse-error", "Parse error", "A row or document cannot be parsed (names the row)."),
    ("scheme-error", "Scheme error", "The file's location scheme is not supported."),
    ("sheet-error", "Sheet error", "The spreadsheet has no usable sheet."),
    ("size-limit", "Size limit", "The file exceeds OSD_XLSX_MAX_BYTES or OSD_XLSX_MAX_CELLS."),
    ("source-error", "Source error", "The export does not match its source contract."),
    ("formula-cell", "Formula cell", "A spreadsheet cell holds a formula instead of a value."),
    ("blank-label", "Blank header", "A header cell is blank."),
    ("missing-label", "Missing header", "A header the contract requires is absent."),
    ("extra-label", "Extra header", "A header the contract does not know is present."),
)


def describe(code: str) -> ErrorCode:
    """The catalogue entry of ``code`` (the generic entry for an unknown code)."""
    return CATALOGUE.get(code, CATALOGUE["osd-error"])
