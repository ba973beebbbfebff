"""Identifier forms: every identifying value of the records, normalized (accents, case, street words,
digits) and kept as 64-bit hashes; the rules are in the package docstring (:mod:`redaction.verify`)."""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from redaction.errors import RedactionError

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
        self.declared: set[str] = set()  # normalized values the specs declare (code labels, constants)

    def declare(self, values: Iterable[Any]) -> None:
        """Values the specs declare (a mapping's code labels and constants, the public schema's allowed values):
        not personal data, so a cell holding exactly one of them is not scanned. An officer named White, Black,
        Washington or Force would otherwise block every release that publishes race labels, an allegation type
        or an agency's name; such a name is still found anywhere else (in text, or beside other words)."""
        self.declared.update(w for v in values if v is not None and (w := normalize_words(str(v))).strip())

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
