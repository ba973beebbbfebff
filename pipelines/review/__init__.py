"""Fail safe per record: free text the leak verifier flags is withheld, the rest of the release publishes.

The leak verifier (`redaction.verify`) is independent of the redactor. Before it, one flagged narrative blocked
the whole release; now the step that assembles the release candidate scans every free-text cell (the policy's
`redact_text` columns) with the dataset-wide identifier set, and a flagged cell is replaced by
``WITHHELD_TEXT``. Leaks in structured columns still block the release (the `no_leaks` check).

The data officer reviews the withheld narratives in a report kept in the private store only (`report_key`):
dataset, agency, export file and its sha256, the row number in the export file (as a spreadsheet shows it:
the header is row 1), the column, the redacted text and why. Decisions are data the next run applies
(`decisions_key`, or ``$OSD_REVIEW_DECISIONS/<dataset>.yaml``; format in `docs/review.md`):

* ``release``: publish the redacted text as it is (only that record: export file sha256 + row, and only while
  its redacted text is the one reviewed, when ``text_sha256`` is given);
* ``withhold``: keep it withheld (also for a narrative the verifier did not flag);
* ``deny`` terms: always redacted in that agency's free text;
* ``allow`` terms: never treated as an identifier by the verifier in that agency's free text.

Nothing here logs or returns a value from a record: results are counts, reason codes, file names, row numbers
and private-store keys.
"""

from pipelines.review.decisions import (
    DecisionError,
    Decisions,
    RecordDecision,
    TermRule,
    allow_terms_for,
    decisions_key,
    load_decisions,
    parse_decisions,
    terms_fingerprint,
)
from pipelines.review.terms import DENY_PLACEHOLDER, AllowedIdentifiers, deny_terms, scan_texts, trim_allowed
from pipelines.review.withhold import (
    REASON_OFFICER,
    REASON_STALE,
    REASON_UNCERTAIN,
    REASON_VERIFIER,
    REASONS,
    REPORT_FIELDS,
    ROWMAP_COLUMNS,
    WITHHELD_TEXT,
    CheckView,
    Review,
    export_rows,
    parse_uncertain,
    report_key,
    rowmap_key,
    rowmap_table,
    terms_key,
    text_sha256,
    uncertain_column,
)

__all__ = [
    "DENY_PLACEHOLDER", "REASONS", "REASON_OFFICER", "REASON_STALE", "REASON_UNCERTAIN", "REASON_VERIFIER",
    "REPORT_FIELDS", "ROWMAP_COLUMNS", "WITHHELD_TEXT", "AllowedIdentifiers", "CheckView", "DecisionError",
    "Decisions", "RecordDecision", "Review", "TermRule", "allow_terms_for", "decisions_key", "deny_terms",
    "export_rows", "load_decisions", "parse_decisions", "parse_uncertain", "report_key", "rowmap_key",
    "rowmap_table", "scan_texts", "terms_fingerprint", "terms_key", "text_sha256", "trim_allowed",
    "uncertain_column",
]
