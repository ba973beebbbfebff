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
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from redaction.errors import LeakFound, RedactionError

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

MIN_NAME_PART = 4
MIN_WORD_VALUE = 4
MIN_CODE_VALUE = 5
MIN_DIGITS = 7

_CANON = {
    "street": "st", "str": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd",
    "drive": "dr", "lane": "ln", "court": "ct", "place": "pl", "terrace": "ter", "circle": "cir",
    "parkway": "pkwy", "highway": "hwy", "trail": "trl", "square": "sq", "alley": "aly",
    "north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne", "northwest": "nw",
    "southeast": "se", "southwest": "sw", "apartment": "apt", "suite": "ste", "room": "rm",
}
_STREET_WORDS = {"st", "ave", "rd", "blvd", "dr", "ln", "ct", "pl", "way", "ter", "cir", "pkwy", "hwy", "trl",
                 "sq", "aly", "loop", "pike", "row"}
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DIGIT_RUN = re.compile(r"\d(?:[\s().\-/]*\d)*")
_ALNUM_RUN = re.compile(r"[0-9A-Za-z](?:[\s\-]?[0-9A-Za-z])*")
_DIGIT_SEPARATORS = re.compile(r"[\s().\-/]+")  # the separators a _DIGIT_RUN may hold
_ALNUM_SEPARATORS = re.compile(r"[\s\-]+")  # the separators an _ALNUM_RUN may hold

WORD_TYPES = {"PERSON", "ADDRESS", "DATE_OF_BIRTH", "EMAIL"}
DIGIT_TYPES = {"PHONE", "SSN"}
CODE_TYPES = {"DRIVER_LICENSE", "PLATE", "VIN", "ID"}  # ID: agency case / person numbers
KNOWN_TYPES = WORD_TYPES | DIGIT_TYPES | CODE_TYPES


_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ŀ": "l", "ß": "ss",
                               "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


def strip_accents(text: str) -> str:
    """Lower-case ``text`` with accents removed (its own copy: shares no code with the detector)."""
    low = text.lower()
    if low.isascii():
        return low
    low = low.translate(_UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def normalize_words(text: str) -> str:
    """Accent-free lower case, non-alphanumerics to single spaces, canonical street words; padded with spaces."""
    words = _NON_ALNUM.sub(" ", strip_accents(text)).split()
    return " " + " ".join(_CANON.get(w, w) for w in words) + " "


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _compact(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


# --------------------------------------------------------------------------------------------------
# Identifier collection
# --------------------------------------------------------------------------------------------------


_ETYPES = sorted(KNOWN_TYPES)
_ECODE = {t: i for i, t in enumerate(_ETYPES)}
_COMPACT_AT = 4_000_000  # pending forms merged into the sorted arrays past this many


class _Family:
    """One matching family's forms as 64-bit hashes (sorted, unique) with the entity type of each: 9 bytes a
    form instead of a Python string in a dict plus an automaton node (1M stops: 4.4M forms, 2.6 GB -> 0.1 GB).
    The first entity type added for a form wins."""

    def __init__(self) -> None:
        self.hashes = np.empty(0, dtype=np.int64)
        self.types = np.empty(0, dtype=np.int8)
        self._pending_h: array[int] = array("q")
        self._pending_t: array[int] = array("b")

    def add_hashes(self, hashes: list[int], etype: str) -> None:
        """Add forms' hashes, all of entity type ``etype``."""
        self._pending_h.extend(hashes)
        self._pending_t.frombytes(bytes([_ECODE[etype]]) * len(hashes))
        if len(self._pending_h) >= _COMPACT_AT:
            self.compact()

    def compact(self) -> None:
        if not self._pending_h:
            return
        # the pending forms, de-duplicated (first occurrence: the earliest added type), then those not held yet
        # inserted in order: ~1.1x the held size moves, where re-sorting everything took ~3x (10M stops: 44M forms)
        u, first = np.unique(np.frombuffer(self._pending_h, dtype=np.int64), return_index=True)
        ut = np.frombuffer(self._pending_t, dtype=np.int8)[first]
        self._pending_h, self._pending_t = array("q"), array("b")
        if not len(self.hashes):
            self.hashes, self.types = u, ut
            return
        pos = np.searchsorted(self.hashes, u)
        new = self.hashes[np.minimum(pos, len(self.hashes) - 1)] != u
        self.hashes = np.insert(self.hashes, pos[new], u[new])
        self.types = np.insert(self.types, pos[new], ut[new])

    def __len__(self) -> int:
        self.compact()
        return len(self.hashes)

    def lookup(self, hashes: array[int]) -> np.ndarray:
        """Entity type code of each hash, -1 where it is no form."""
        self.compact()
        q = np.frombuffer(hashes, dtype=np.int64)
        if not len(self.hashes) or not len(q):
            return np.full(len(q), -1, dtype=np.int8)
        pos = np.minimum(np.searchsorted(self.hashes, q), len(self.hashes) - 1)
        return np.where(self.hashes[pos] == q, self.types[pos], -1).astype(np.int8)


class IdentifierSet:
    """Normalized identifying values, by matching family, each tagged with its entity type.

    Forms are kept as Python string hashes (64 bits; two different forms sharing one is a 2^-64 event and
    could only make the verifier refuse a clean release, never pass a leak), so a set is valid only in the
    process that built it.
    """

    def __init__(self) -> None:
        self.words = _Family()     # " jane doe " -> PERSON
        self.digits = _Family()    # "5551234567" -> PHONE
        self.codes = _Family()     # "7abc123" -> PLATE
        self.source_values = 0
        self._first: dict[str, int] = {}   # first token of a word form -> most tokens of a form starting with it
        self._digit_lengths: set[int] = set()
        self._max_code = 0
        self._pid = os.getpid()

    def __len__(self) -> int:
        return len(self.words) + len(self.digits) + len(self.codes)

    def add(self, entity_type: str, value: str) -> None:
        """Add one raw value (ISO date for DATE_OF_BIRTH) in all its searched forms."""
        self.add_many(entity_type, [value])

    def add_many(self, entity_type: str, values: Iterable[Any]) -> list[tuple[str, str]]:
        """Add raw values of one entity type (each as ``str``; empty ones skipped) in all their searched forms;
        returns the ``(family, form)`` pairs added (for a cache: :meth:`add_forms` takes them back)."""
        count = 0
        forms: list[tuple[str, str]] = []
        for raw in values:
            value = str(raw).strip()
            if value:
                count += 1
                forms.extend(_forms(entity_type, value))
        self.add_forms(entity_type, forms, source_values=count)
        return forms

    def add_forms(self, entity_type: str, forms: Iterable[tuple[str, str]], *, source_values: int | None = None,
                  ) -> None:
        """Add ``(family, form)`` pairs of one entity type, as :meth:`add_many` returns them; ``source_values``
        counts the raw values they came from (default: one). Each family goes through :meth:`add_form_array`."""
        import pyarrow as pa

        by: dict[str, list[str]] = {"words": [], "digits": [], "codes": []}
        for family, form in forms:
            by["codes" if family not in by else family].append(form)
        for family, found in by.items():  # checks the entity type and the process, even without forms
            self.add_form_array(entity_type, family, pa.array(found, pa.string()))
        n = sum(map(len, by.values()))
        self.source_values += (1 if n else 0) if source_values is None else source_values

    def add_array(self, entity_type: str, values: pa.Array | pa.ChunkedArray) -> pa.Table:
        """:meth:`add_many` of an Arrow string array (its distinct non-null values), vectorized (:func:`array_forms`).
        Returns the ``(family, form)`` pairs added as an Arrow table (for a cache: :meth:`add_forms_table` takes
        them back)."""
        forms, count = array_forms(entity_type, values)
        self.add_forms_table(forms.add_column(0, "entity_type", _repeat(entity_type, len(forms))))
        self.source_values += count
        return forms

    def add_forms_table(self, forms: pa.Table) -> None:
        """Add an ``(entity_type, family, form)`` table (as :func:`array_forms` gives, or a cache holds) in its row
        order: each run of one entity type and family through :meth:`add_form_array`."""
        import pyarrow.compute as pc

        et, fam = forms.column("entity_type"), forms.column("family")
        n = forms.num_rows
        if n == 0:
            return
        changed = pc.or_(pc.not_equal(et.slice(1), et.slice(0, n - 1)), pc.not_equal(fam.slice(1), fam.slice(0, n - 1)))
        starts = [0, *(np.flatnonzero(changed.to_numpy(zero_copy_only=False)) + 1).tolist()]
        for a, z in zip(starts, [*starts[1:], n], strict=True):
            self.add_form_array(et[a].as_py(), fam[a].as_py(), forms.column("form").slice(a, z - a))

    def add_form_array(self, entity_type: str, family: str, forms: pa.Array | pa.ChunkedArray) -> None:
        """Add one family's forms (an Arrow string array) of one entity type: their hashes, and what the scan
        needs to know of them (the longest word form per first token, the digit lengths, the longest code)."""
        import pyarrow as pa
        import pyarrow.compute as pc

        if entity_type not in KNOWN_TYPES:
            raise RedactionError(f"unknown entity type for the leak verifier: {entity_type}")
        self._same_process()
        if isinstance(forms, pa.ChunkedArray):
            forms = forms.combine_chunks()
        if not len(forms):
            return
        if family == "words":
            core = pc.utf8_trim(forms, " ")
            first = pc.replace_substring_regex(core, r" .*$", "")
            most = pc.add(pc.count_substring(core, " "), 1)
            agg = pa.table({"t": first, "n": most}).group_by("t").aggregate([("n", "max")])
            have = self._first
            for tok, n in zip(agg.column("t").to_pylist(), agg.column("n_max").to_pylist(), strict=True):
                if have.get(tok, 0) < n:
                    have[tok] = n
            fam = self.words
        elif family == "digits":
            self._digit_lengths.update(pc.unique(pc.utf8_length(forms)).to_pylist())
            fam = self.digits
        else:
            self._max_code = max(self._max_code, int(pc.max(pc.utf8_length(forms)).as_py() or 0))
            fam = self.codes
        fam.add_hashes([hash(f) for f in forms.to_pylist()], entity_type)

    def _same_process(self) -> None:
        if os.getpid() != self._pid:
            raise RedactionError("an IdentifierSet holds process-local string hashes: build it in this process")


def _forms(entity_type: str, value: str) -> Iterator[tuple[str, str]]:
    if entity_type == "PERSON":
        tokens = normalize_words(value).split()
        if len(tokens) >= 2:
            for form in (tokens, tokens[-1:] + tokens[:-1], [tokens[0], tokens[-1]], [tokens[-1], tokens[0]]):
                s = " ".join(form)
                if len(s) >= MIN_WORD_VALUE:
                    yield "words", f" {s} "
            # the surname alone: before the comma of "LAST, FIRST" (all its words), else the last word
            surname = normalize_words(value.split(",")[0]).split() if "," in value else tokens[-1:]
            for part in {" ".join(surname), surname[-1]} if surname else ():
                if len(part) >= MIN_NAME_PART:
                    yield "words", f" {part} "
        elif tokens and len(tokens[0]) >= MIN_NAME_PART:
            yield "words", f" {tokens[0]} "
    elif entity_type == "DATE_OF_BIRTH":
        yield from (("words", f" {f} ") for f in _dob_forms(value))
    elif entity_type in ("ADDRESS", "EMAIL"):
        s = normalize_words(value).strip()
        if len(s) >= MIN_WORD_VALUE and " " in s:
            yield "words", f" {s} "
        if entity_type == "ADDRESS":  # street line without the unit
            cut = re.split(_UNIT_CUT, f" {s} ")[0].strip()
            if cut != s and len(cut.split()) >= 3:
                yield "words", f" {cut} "
    elif entity_type in DIGIT_TYPES:
        d = _digits(value)
        if entity_type == "PHONE":
            d = d[-10:]
        if len(d) >= MIN_DIGITS:
            yield "digits", d
    else:
        c = _compact(value)
        if len(c) >= MIN_CODE_VALUE:
            yield "codes", c


def _repeat(value: str, n: int) -> pa.Array:
    import pyarrow as pa

    return pa.array([value] * n, pa.string())


def array_forms(entity_type: str, values: pa.Array | pa.ChunkedArray) -> tuple[pa.Table, int]:
    """The ``(family, form)`` pairs :meth:`IdentifierSet.add_many` would add for the distinct non-null values of an
    Arrow string array, and how many values it would count, without adding them (a pure function: worker
    processes compute them, :meth:`IdentifierSet.add_forms_table` adds them). ASCII values of the code, digit,
    address and e-mail types get their forms from Arrow compute (the same forms as :func:`_forms`, see
    test_add_array_equals_add_many); the others go through :func:`_forms`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if entity_type not in KNOWN_TYPES:
        raise RedactionError(f"unknown entity type for the leak verifier: {entity_type}")
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_dictionary(values.type):
        values = values.cast(values.type.value_type)
    values = pc.unique(values.drop_null())
    # add_many counts the values that are not empty once stripped (str.strip: ASCII whitespace and \x1c-\x1f)
    blank = pc.match_substring_regex(values, r"^[\t\n\x0b\x0c\r\x1c-\x1f ]*$")
    ascii_ = pc.string_is_ascii(values)
    fast = entity_type in CODE_TYPES or entity_type in DIGIT_TYPES or entity_type in ("ADDRESS", "EMAIL")
    slow = values.filter(pc.invert(ascii_)) if fast else values
    pieces: list[pa.Table] = []
    count = 0
    if len(slow):
        pairs: list[tuple[str, str]] = []
        for raw in slow.to_pylist():
            value = str(raw).strip()
            if value:  # blanks are skipped and not counted, as in add_many
                count += 1
                pairs.extend(_forms(entity_type, value))
        if pairs:
            fam, form = zip(*pairs, strict=True)
            pieces.append(pa.table({"family": pa.array(fam, pa.string()), "form": pa.array(form, pa.string())}))
    if fast:
        asc = values.filter(pc.and_(ascii_, pc.invert(blank)))
        count += len(asc)
        for family, forms in _ascii_forms(entity_type, asc):
            pieces.append(pa.table({"family": _repeat(family, len(forms)), "form": forms.cast(pa.string())}))
    if not pieces:
        return pa.table({"family": pa.array([], pa.string()), "form": pa.array([], pa.string())}), count
    return pa.concat_tables(pieces), count


_UNIT_CUT = r" (?:apt|unit|ste|rm|lot|trailer|space|spc) "  # the street line ends before the first unit word


def _ascii_forms(entity_type: str, values: pa.Array) -> list[tuple[str, pa.Array]]:
    """:func:`_forms` of ASCII, non-blank values of a code, digit, address or e-mail type, with Arrow compute:
    ``(family, forms)`` pairs."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(values):
        return []
    if entity_type in DIGIT_TYPES:
        d = pc.replace_substring_regex(values, r"[^0-9]+", "")
        if entity_type == "PHONE":
            d = pc.utf8_slice_codeunits(d, -10, 2**31 - 1)
        return [("digits", d.filter(pc.greater_equal(pc.utf8_length(d), MIN_DIGITS)))]
    if entity_type in CODE_TYPES:
        c = pc.replace_substring_regex(pc.ascii_lower(values), r"[^0-9a-z]+", "")
        return [("codes", c.filter(pc.greater_equal(pc.utf8_length(c), MIN_CODE_VALUE)))]
    # words: normalize_words (lower case, non-alphanumeric runs -> one space, canonical street words)
    w = pc.utf8_trim(pc.replace_substring_regex(pc.ascii_lower(values), r"[^0-9a-z]+", " "), " ")
    toks = pc.split_pattern(w, " ")
    flat = pc.list_flatten(toks)
    keys = pa.array(list(_CANON), pa.string())
    at = pc.index_in(flat, value_set=keys)
    canon = pc.if_else(pc.is_null(at), flat, pc.take(pa.array(list(_CANON.values()), pa.string()), at))
    s = pc.binary_join(pa.ListArray.from_arrays(toks.offsets, canon), " ")
    keep = pc.and_(pc.greater_equal(pc.utf8_length(s), MIN_WORD_VALUE), pc.match_substring(s, " "))
    out = [("words", pc.binary_join_element_wise(" ", s.filter(keep), " ", ""))]
    if entity_type == "ADDRESS":  # street line without the unit
        cut = pc.utf8_trim(pc.replace_substring_regex(pc.binary_join_element_wise(" ", s, " ", ""),
                                                      _UNIT_CUT + ".*$", "", max_replacements=1), " ")
        keep = pc.and_(pc.not_equal(cut, s), pc.greater_equal(pc.count_substring(cut, " "), 2))
        out.append(("words", pc.binary_join_element_wise(" ", cut.filter(keep), " ", "")))
    return out


def _dob_forms(value: str) -> list[str]:
    try:
        d = _dt.date.fromisoformat(value[:10])
    except ValueError:
        s = normalize_words(value).strip()
        return [s] if len(s) >= MIN_WORD_VALUE else []
    m, dd, y, yy = d.month, d.day, d.year, d.year % 100
    month = _MONTHS[m - 1]
    forms = {
        f"{m:02d} {dd:02d} {y}", f"{m} {dd} {y}", f"{m} {dd} {yy:02d}", f"{m:02d} {dd:02d} {yy:02d}",
        f"{y} {m:02d} {dd:02d}", f"{month} {dd} {y}", f"{month[:3]} {dd} {y}", f"{dd} {month} {y}",
        f"{month} {dd:02d} {y}",
    }
    return sorted(forms)


MIN_RECORD_NAME_PART = 3


def record_name_words(names: Iterable[str]) -> set[str]:
    """Every word of a record's own name fields with ``MIN_RECORD_NAME_PART``+ letters, common words included
    ("WEST, JOHN" gives "west" and "john"; "LAST, FIRST" and "FIRST LAST" give the same words)."""
    return {w for n in names if n for w in _plain_words(str(n))
            if len(w) >= MIN_RECORD_NAME_PART and not w.isdigit() and w not in _NAME_SUFFIXES}


def _plain_words(text: str) -> list[str]:
    """Accent-free lower-case words, street words not canonicalized (a surname "West" stays "west")."""
    return _NON_ALNUM.sub(" ", strip_accents(text)).split()


def scan_record_text(text: str, names: Iterable[str]) -> set[str]:
    """The record's own name words found in its own text (as whole words, any case or accents): the check per
    record that the global scan cannot afford (given names and common-word surnames would hit other records)."""
    words = record_name_words(names)
    return {w for w in _plain_words(text) if w in words} if words else set()


_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "miss", "dr"}


def collect_identifiers(df: pd.DataFrame, columns: Mapping[str, str]) -> IdentifierSet:
    """Every identifying value of the raw/standardized ``df`` columns (column -> entity type).

    Missing columns raise ``RedactionError`` (naming the column); empty cells are skipped.
    """
    ids = IdentifierSet()
    for column, entity_type in columns.items():
        if column not in df.columns:
            raise RedactionError(f"identifier column not found: {column}")
        ids.add_many(entity_type, df[column].dropna().unique())
    return ids


# --------------------------------------------------------------------------------------------------
# Pattern sweeps (own regexes, not the recognizers')
# --------------------------------------------------------------------------------------------------

_SWEEPS: list[tuple[str, re.Pattern[str]]] = [
    ("SSN", re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")),
    ("PHONE", re.compile(r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s*|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])")),
    ("EMAIL", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")),
    ("DATE_OF_BIRTH", re.compile(
        r"(?i:\b(?:dob|d\.o\.b\.?|born|date of birth|birth ?date)\b)[\s:#.,-]*(?:on\s+)?"
        r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?i:[a-z]{3,9})\.?\s+\d{1,2},?\s+\d{4})")),
]
_VIN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])", re.IGNORECASE)
_VIN_VALUES = {**{str(i): i for i in range(10)}, "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7,
               "H": 8, "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9, "S": 2, "T": 3, "U": 4,
               "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9}
_VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def _vin_ok(vin: str) -> bool:
    vin = vin.upper()
    if not any(c.isdigit() for c in vin):
        return False
    r = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True)) % 11
    return vin[8] == ("X" if r == 10 else str(r))


def sweep_text(text: str) -> set[str]:
    """Entity types whose shape appears in ``text`` regardless of any known value."""
    found = {etype for etype, rx in _SWEEPS if rx.search(text)}
    if any(_vin_ok(m.group()) for m in _VIN_CANDIDATE.finditer(text)):
        found.add("VIN")
    return found


# --------------------------------------------------------------------------------------------------
# Scanning
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One leak: where (dataset, 0-based row, column) and what kind; never the value."""

    dataset: str
    row: int
    column: str
    entity_type: str


@dataclass
class LeakReport:
    """All findings of a scan plus how many distinct identifying values were searched."""

    findings: list[Finding]
    values_checked: int

    def passed(self) -> bool:
        """True when nothing was found."""
        return not self.findings

    def summary(self, max_rows: int = 10) -> dict:
        """Counts by entity type and column and the first row numbers; never values."""
        return {
            "passed": self.passed(),
            "findings": len(self.findings),
            "values_checked": self.values_checked,
            "by_entity_type": dict(Counter(f.entity_type for f in self.findings)),
            "by_column": dict(Counter(f"{f.dataset}.{f.column}" for f in self.findings)),
            "first_rows": sorted({f.row for f in self.findings})[:max_rows],
        }

    def raise_if_leaks(self) -> None:
        """Raise ``LeakFound`` (counts only) when the scan found anything."""
        if self.findings:
            s = self.summary()
            raise LeakFound(f"leak verifier: {s['findings']} finding(s) by type {s['by_entity_type']}, "
                            f"first rows {s['first_rows']}")

    def merge(self, other: LeakReport) -> LeakReport:
        """A report holding both reports' findings."""
        return LeakReport(self.findings + other.findings, max(self.values_checked, other.values_checked))


def scan_cell(text: str, identifiers: IdentifierSet, *, sweep_patterns: bool = True) -> set[str]:
    """Entity types of the identifying values (and, optionally, the pattern shapes) found in one cell."""
    return scan_cells([text], identifiers, sweep_patterns=sweep_patterns)[0]


def scan_cells(texts: Sequence[str], identifiers: IdentifierSet, *, sweep_patterns: bool = True) -> list[set[str]]:
    """:func:`scan_cell` of many cells: every candidate form of every cell (word n-grams starting at a known first
    word, digit substrings, whole-token code spans) is hashed, then all are looked up at once."""
    hits = scan_hits(texts, identifiers, sweep_patterns=sweep_patterns)
    return [hits.get(i) or set() for i in range(len(texts))]


def scan_hits(texts: Sequence[str], identifiers: IdentifierSet, *, sweep_patterns: bool = True,
              ) -> dict[int, set[str]]:
    """:func:`scan_cells` as ``{position: entity types}`` for the cells with a finding only (most cells have
    none: no set is made for them)."""
    identifiers._same_process()
    found: dict[int, set[str]] = {}
    first, lengths, max_code = identifiers._first, sorted(identifiers._digit_lengths), identifiers._max_code
    w_h: array[int] = array("q")
    w_cell: array[int] = array("l")
    w_street: array[int] = array("b")  # one-word form followed by a street word ("Washington Ct")
    d_h: array[int] = array("q")
    d_cell: array[int] = array("l")
    c_h: array[int] = array("q")
    c_cell: array[int] = array("l")
    pseudonyms: dict[str, list[int]] = {}  # prefix -> cells holding one keyed pseudonym ("stp_" + 16 hex digits)
    for i, text in enumerate(texts):
        if len(text) <= _PSEUDONYM_MAX and _PSEUDONYM_CELL.fullmatch(text) is not None:
            pseudonyms.setdefault(text[:text.index("_")], []).append(i)
            continue
        if first:
            toks = normalize_words(text).split()
            nt = len(toks)
            for p, tok in enumerate(toks):
                most = first.get(tok)
                if not most:
                    continue
                for n in range(1, min(most, nt - p) + 1):
                    w_h.append(hash(" " + " ".join(toks[p:p + n]) + " "))
                    w_cell.append(i)
                    w_street.append(n == 1 and p + 1 < nt and toks[p + 1] in _STREET_WORDS)
        if lengths:
            for m in _DIGIT_RUN.finditer(text):
                run = _DIGIT_SEPARATORS.sub("", m.group())  # = _digits(): a run holds digits and separators only
                if len(run) >= MIN_DIGITS and not _inside_hex_token(text, m.start(), m.end()):
                    for n in lengths:
                        for a in range(len(run) - n + 1):
                            d_h.append(hash(run[a:a + n]))
                            d_cell.append(i)
        if max_code:
            # compacted (= _compact(): ASCII alphanumerics, separators), with their token bounds
            runs = [(_ALNUM_SEPARATORS.sub("", m.group()).lower(), sorted(_token_bounds(m.group())))
                    for m in _ALNUM_RUN.finditer(text)]
            for run, bounds in runs:
                if len(run) >= MIN_CODE_VALUE:
                    # a code counts only when it covers whole tokens: "19-358" inside "a19358f" is not a hit
                    for j, a in enumerate(bounds):
                        for b in bounds[j + 1:]:
                            if b - a > max_code:
                                break
                            if b - a >= MIN_CODE_VALUE:
                                c_h.append(hash(run[a:b]))
                                c_cell.append(i)
    for prefix, members in pseudonyms.items():
        _pseudonym_spans(texts, prefix, members, identifiers, (w_h, w_cell, w_street), (c_h, c_cell))
    if w_h:
        person = _ECODE["PERSON"]
        wcodes = identifiers.words.lookup(w_h)
        for k in np.flatnonzero(wcodes >= 0):
            code = int(wcodes[k])
            if code == person and w_street[k]:
                continue  # a street named like someone, not the person
            found.setdefault(w_cell[k], set()).add(_ETYPES[code])
    for fam, hs, cells in ((identifiers.digits, d_h, d_cell), (identifiers.codes, c_h, c_cell)):
        if hs:
            codes = fam.lookup(hs)
            for k in np.flatnonzero(codes >= 0):
                found.setdefault(cells[k], set()).add(_ETYPES[int(codes[k])])
    if sweep_patterns:
        for i in _may_sweep(texts):
            swept = sweep_text(texts[i])
            if swept:
                found.setdefault(i, set()).update(swept)
    return found


# A necessary condition for any sweep to match an ASCII cell (RE2, vectorized): an SSN holds ddd-dd-dddd, a phone
# ends in ddd?dddd, an e-mail holds "@", a date of birth follows dob/d.o.b/born/birth, a VIN is 17 VIN characters
_SWEEP_PREFILTER = (r"[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3}[^0-9][0-9]{4}|@|(?i:dob|d\.o\.b|born|birth)"
                    r"|[A-HJ-NPR-Za-hj-npr-z0-9]{17}")


def _may_sweep(texts: Sequence[str]) -> Iterable[int]:
    """Positions of the cells :func:`sweep_text` must look at: every non-ASCII cell, and the ASCII cells that meet
    ``_SWEEP_PREFILTER`` (test_sweep_prefilter_misses_nothing)."""
    if len(texts) < 64:
        return range(len(texts))
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.array(texts, pa.string())
    need = pc.or_(pc.invert(pc.string_is_ascii(arr)), pc.match_substring_regex(arr, _SWEEP_PREFILTER))
    return np.flatnonzero(need.to_numpy(zero_copy_only=False)).tolist()


def _pseudonym_spans(texts: Sequence[str], prefix: str, cells: list[int], identifiers: IdentifierSet,
                     words: tuple[array[int], array[int], array[int]], codes: tuple[array[int], array[int]]) -> None:
    """The candidate spans :func:`scan_cells` would hash for cells that hold one keyed pseudonym with ``prefix``,
    per prefix instead of per cell (see test_pseudonym_cells_scan_like_any_cell). Such a cell's words are its
    two parts (the prefix canonicalized like any word), its code runs are the two parts, and all its digits lie
    inside its hex part, which is never searched as digits."""
    first, max_code = identifiers._first, identifiers._max_code
    w_h, w_cell, w_street = words
    c_h, c_cell = codes
    start = len(prefix) + 1
    hexes = [texts[i][start:] for i in cells]
    if first:
        word = _CANON.get(prefix, prefix)
        most = first.get(word, 0)
        if most:  # " stp " in every cell (unless its next word is a street word), " stp <hex> " if forms go on
            one = hash(f" {word} ")
            for i, h in zip(cells, hexes, strict=True):
                nxt = _CANON.get(h, h)
                w_h.append(one)
                w_cell.append(i)
                w_street.append(nxt in _STREET_WORDS)
                if most >= 2:
                    w_h.append(hash(f" {word} {nxt} "))
                    w_cell.append(i)
                    w_street.append(False)
        for i, h in zip(cells, hexes, strict=True):  # the hex part as a word: only where a form starts with it
            nxt = _CANON.get(h, h)
            if nxt in first:
                w_h.append(hash(f" {nxt} "))
                w_cell.append(i)
                w_street.append(False)
    if max_code:
        if MIN_CODE_VALUE <= len(prefix) <= max_code:
            one = hash(prefix)
            c_h.extend([one] * len(cells))
            c_cell.extend(cells)
        if MIN_CODE_VALUE <= len(hexes[0]) <= max_code:
            c_h.extend([hash(h) for h in hexes])
            c_cell.extend(cells)


_HEX = frozenset("0123456789abcdefABCDEF")
_PSEUDONYM_CELL = re.compile(r"[a-z]{1,8}_[0-9a-f]{16}")  # a whole cell holding one keyed pseudonym
_PSEUDONYM_MAX = 8 + 1 + 16
_PSEUDONYM_PREFIX = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]*_$")
MIN_HEX_TOKEN = 16


def _inside_hex_token(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a hexadecimal token of ``MIN_HEX_TOKEN``+ characters with a
    letter in it (a keyed pseudonym, a hash, a UUID part), or all digits right after a pseudonym prefix
    (``stp_``): its digits are random, not a phone or an SSN."""
    left, right = start, end
    while left > 0 and text[left - 1] in _HEX:
        left -= 1
    while right < len(text) and text[right] in _HEX:
        right += 1
    token = text[left:right]
    if len(token) < MIN_HEX_TOKEN or not all(c in _HEX for c in token):
        return False
    # one in ~1,800 keyed pseudonyms is all digits: random too when it follows its prefix ("stp_0123...")
    return not token.isdigit() or bool(_PSEUDONYM_PREFIX.search(text, max(0, left - 40), left))


def _token_bounds(run: str) -> set[int]:
    """Offsets, in the compacted run, where a token starts or ends (tokens are split by spaces and dashes)."""
    bounds = {0}
    pos = 0
    for tok in _ALNUM_SEPARATORS.split(run):
        pos += len(tok)  # tokens of an _ALNUM_RUN are ASCII alphanumerics: len(_compact(tok))
        bounds.add(pos)
    return bounds


def is_text_type(t: pa.DataType) -> bool:
    """Arrow types whose cells the verifier scans (strings, large strings, dictionary-encoded strings)."""
    import pyarrow as pa

    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_dictionary(t))


def _string_columns(table: pd.DataFrame | pa.Table) -> Iterator[tuple[str, Any]]:
    import pyarrow as pa

    if isinstance(table, pa.Table):
        for name in table.column_names:
            col = table.column(name)
            if is_text_type(col.type):
                yield name, col
    else:
        for name in table.columns:
            s = table[name]
            if s.dtype == object or str(s.dtype).startswith("string"):
                yield str(name), s.tolist()


SCAN_CACHE_MAX = 200_000  # distinct cell values remembered per column (codes, dates, districts repeat a lot)


def _distinct_cells(values: Any) -> tuple[list[str], np.ndarray]:
    """(the distinct non-empty strings among ``values``, each cell's index into them or -1): for an Arrow array
    by dictionary encoding, for a sequence by `pandas.factorize`; cells that are not strings count as -1."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array):
        if pa.types.is_dictionary(values.type):
            values = values.cast(values.type.value_type)
        enc = pc.dictionary_encode(values)
        uniq = enc.dictionary.to_pylist()
        idx = np.asarray(pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    else:
        import pandas as pd

        idx, u = pd.factorize(np.asarray(list(values) if not isinstance(values, np.ndarray) else values,
                                         dtype=object))
        idx = np.asarray(idx, dtype=np.int64)
        uniq = list(u)
    ok = np.array([isinstance(v, str) and v != "" for v in uniq], dtype=bool)
    if not ok.all():  # drop empty strings and non-strings: their cells become -1
        remap = np.where(ok, np.cumsum(ok) - 1, -1)
        idx = np.where(idx >= 0, remap[np.maximum(idx, 0)], -1) if len(uniq) else idx
        uniq = [v for v, k in zip(uniq, ok, strict=True) if k]
    return uniq, idx


def scan_column(dataset: str, column: str, values: Any, identifiers: IdentifierSet, *,
                sweep_patterns: bool = True, row0: int = 0, cache: dict[str, tuple[str, ...]] | None = None,
                ) -> list[Finding]:
    """Findings of one column's cells (a sequence or an Arrow string array; rows numbered from ``row0``): each
    distinct value is scanned once (``cache``, shared across the batches of one column, holds up to
    ``SCAN_CACHE_MAX`` values), and only the rows of values with a finding are visited; the same findings, in
    the same order, as :func:`scan_cell` on every cell."""
    if cache is None:
        cache = {}
    uniq, idx = _distinct_cells(values)
    types: list[tuple[str, ...] | None] = [cache.get(v) for v in uniq]  # None: not scanned yet
    todo = [k for k, t in enumerate(types) if t is None]
    for j, found in scan_hits([uniq[k] for k in todo], identifiers, sweep_patterns=sweep_patterns).items():
        types[todo[j]] = tuple(sorted(found))
    hit = np.zeros(len(uniq) + 1, dtype=bool)  # the last entry: cells that are no value
    hit[[k for k, t in enumerate(types) if t]] = True
    findings: list[Finding] = []
    for i in np.flatnonzero(hit[idx]):
        for etype in types[idx[i]] or ():
            findings.append(Finding(dataset, row0 + int(i), column, etype))
    for k in todo[: max(0, SCAN_CACHE_MAX - len(cache))]:
        cache[uniq[k]] = types[k] or ()
    return findings


def scan_table(dataset: str, table: pd.DataFrame | pa.Table, identifiers: IdentifierSet,
               *, sweep_patterns: bool = True) -> LeakReport:
    """Search every string column of a release table for the identifiers (and pattern shapes)."""
    findings: list[Finding] = []
    for column, values in _string_columns(table):
        findings += scan_column(dataset, column, values, identifiers, sweep_patterns=sweep_patterns)
    return LeakReport(findings, len(identifiers))


def scan_file(dataset: str, path: str | Path, identifiers: IdentifierSet,
              *, sweep_patterns: bool = True) -> LeakReport:
    """Scan a release file: CSV and Parquet as tables; any other text file line by line.

    For text files, ``row`` is the 0-based line number and ``column`` the file name.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return scan_table(dataset, pq.read_table(path), identifiers, sweep_patterns=sweep_patterns)
    if suffix == ".csv":
        import pandas as pd

        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        return scan_table(dataset, df, identifiers, sweep_patterns=sweep_patterns)
    findings = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for row, line in enumerate(fh):
            for etype in sorted(scan_cell(line, identifiers, sweep_patterns=sweep_patterns)):
                findings.append(Finding(dataset, row, path.name, etype))
    return LeakReport(findings, len(identifiers))


def scan_files(dataset: str, paths: Iterable[str | Path], identifiers: IdentifierSet,
               *, sweep_patterns: bool = True) -> LeakReport:
    """Scan several release files into one report."""
    report = LeakReport([], len(identifiers))
    for p in paths:
        report = report.merge(scan_file(dataset, p, identifiers, sweep_patterns=sweep_patterns))
    return report
