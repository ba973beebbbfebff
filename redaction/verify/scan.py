"""Scanning a release for the identifier forms (and pattern shapes): cells, columns, tables and files; cells
that hold exactly a value the specs declare (a code label, a constant) are not personal data and are skipped."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from redaction.errors import LeakFound
from redaction.verify.identifiers import (
    _ALNUM_RUN,
    _ALNUM_SEPARATORS,
    _CANON,
    _DIGIT_RUN,
    _DIGIT_SEPARATORS,
    _ECODE,
    _ETYPES,
    _STREET_WORDS,
    MIN_CODE_VALUE,
    MIN_DIGITS,
    IdentifierSet,
    normalize_words,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

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
    declared = identifiers.declared
    for i, text in enumerate(texts):
        if len(text) <= _PSEUDONYM_MAX and _PSEUDONYM_CELL.fullmatch(text) is not None:
            pseudonyms.setdefault(text[:text.index("_")], []).append(i)
            continue
        words = normalize_words(text) if first or declared else ""
        if declared and words in declared:
            continue  # exactly a declared code label or constant: not personal data
        if first:
            toks = words.split()
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
