"""Leak verifier: searches release tables and files for identifying values, independently of the detector.

It shares no code with ``redaction.text`` or ``redaction.recognizers``: a bug there must not hide a leak
here. Two independent nets:

1. **Known values.** ``collect_identifiers`` gathers every identifying value from the raw structured
   columns (column -> entity type) in normalized forms, kept as 64-bit hashes (9 bytes a form, so a
   million records' 4.4M forms take ~40 MB); ``scan_table`` hashes every candidate span of every string
   cell of a release (word n-grams, digit substrings, whole-token code spans) and looks them all up at once.
2. **Pattern sweeps.** SSN-, phone- and e-mail-shaped strings, VINs with a valid check digit, and dates
   right after "DOB"/"born", whoever they belong to.

Normalization and matching rules (the false-hit guard):

* words: accents removed ("Ramírez" -> "ramirez", "Łukasz" -> "lukasz"), lower case, every run of
  non-alphanumerics -> one space, street suffixes and directions
  canonicalized ("Street" -> "st"); a value matches only as whole words (the cell and the value are both
  padded with spaces), so "al" never matches inside "sale";
* a name is searched as its full form (first..last) and its reversed form (last first), plus the surname
  alone (the part before the comma of "LAST, FIRST", else the last word) when it has at least
  ``MIN_NAME_PART`` (4) letters, except right before a street word ("Washington Ct", "Park Way" are
  streets); given names alone are not searched across the release (too common, too many false hits):
  ``scan_record_text`` checks every word of a record's own names (3+ letters, common words included) in
  that record's own text;
* a word value shorter than ``MIN_WORD_VALUE`` (4) characters is never searched;
* phones and SSNs: digits only (phones: last ten digits; SSNs: nine), searched inside each run of digits
  and separators of a cell; values with fewer than 7 digits are skipped; digits inside a hexadecimal token of
  16+ characters with a letter (a keyed pseudonym, a hash), or of 16+ digits right after a pseudonym prefix
  (``stp_``), are random and not searched: at a million records, some 16-hex pseudonyms hold nine digits in a
  row that equal somebody's SSN by chance;
* licences, plates, VINs: letters and digits only, searched inside each compacted alphanumeric run
  (separators removed); values shorter than ``MIN_CODE_VALUE`` (5) are skipped;
* dates of birth (ISO input): 03/14/1987, 3/14/1987, 3/14/87, 1987-03-14, March 14 1987, Mar 14 1987,
  14 March 1987, all as normalized words.

Reports name dataset, row, column and entity type; never the value.

Layout: :mod:`redaction.verify.identifiers` (normalization, forms, the identifier set) and
:mod:`redaction.verify.scan` (pattern sweeps and scanning cells, columns, tables and files). A cell holding exactly
a value the specs declare (a code label, a constant: :meth:`IdentifierSet.declare`) is not scanned.
"""

from __future__ import annotations

from pathlib import Path

from redaction.verify.identifiers import (
    _ECODE,
    _ETYPES,
    CODE_TYPES,
    DIGIT_TYPES,
    KNOWN_TYPES,
    MIN_CODE_VALUE,
    MIN_DIGITS,
    MIN_NAME_PART,
    MIN_RECORD_NAME_PART,
    MIN_WORD_VALUE,
    WORD_TYPES,
    IdentifierSet,
    _Family,
    array_forms,
    collect_identifiers,
    normalize_words,
    record_name_words,
    scan_record_text,
    strip_accents,
)
from redaction.verify.scan import (
    MIN_HEX_TOKEN,
    SCAN_CACHE_MAX,
    Finding,
    LeakReport,
    _may_sweep,
    is_text_type,
    scan_cell,
    scan_cells,
    scan_column,
    scan_file,
    scan_files,
    scan_hits,
    scan_table,
    sweep_text,
)

__all__ = [
    "CODE_TYPES", "DIGIT_TYPES", "KNOWN_TYPES", "MIN_CODE_VALUE", "MIN_DIGITS", "MIN_HEX_TOKEN", "MIN_NAME_PART",
    "MIN_RECORD_NAME_PART", "MIN_WORD_VALUE", "SCAN_CACHE_MAX", "WORD_TYPES", "_ECODE", "_ETYPES", "Finding",
    "IdentifierSet", "LeakReport", "_Family", "_may_sweep", "array_forms", "code_bytes", "collect_identifiers",
    "is_text_type", "normalize_words", "record_name_words", "scan_cell", "scan_cells", "scan_column", "scan_file",
    "scan_files", "scan_hits", "scan_record_text", "scan_table", "strip_accents", "sweep_text",
]


def code_bytes() -> bytes:
    """The verifier's source, every module of it: cached identifier forms are stale when it changes."""
    return b"".join(p.read_bytes() for p in sorted(Path(__file__).parent.glob("*.py")))
