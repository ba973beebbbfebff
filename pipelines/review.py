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

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

WITHHELD_TEXT = "[narrative withheld pending review]"
DENY_PLACEHOLDER = "[REDACTED]"

REASON_VERIFIER = "leak-verifier"  # the verifier found an identifying value (or a pattern shape) in the text
REASON_OFFICER = "officer-withhold"  # a `withhold` decision
REASON_UNCERTAIN = "low-confidence"  # the redactor reported a detection it was unsure of (`uncertain_column`)
REASON_STALE = "decision-stale"  # a `release` decision for a text that has changed since it was reviewed
REASONS = (REASON_VERIFIER, REASON_UNCERTAIN, REASON_OFFICER, REASON_STALE)

DECISIONS = ("release", "withhold")
REPORT_FIELDS = ("dataset", "agency", "file", "file_sha256", "row", "column", "status", "reason", "entity_types",
                 "text_sha256", "redacted_text")
_RECORD_KEYS = {"file_sha256", "row", "decision", "text_sha256", "file", "note"}
_TERM_KEYS = {"term", "agency", "entity", "note"}
_TOP_KEYS = {"records", "deny", "allow"}
_HASH_KEYS = {"file_sha256", "text_sha256"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ENTITY = re.compile(r"[A-Z][A-Z_]{0,31}")


def decisions_key(dataset: str) -> str:
    """Private-store key of a dataset's review decisions (YAML)."""
    return f"review/{dataset}/decisions.yaml"


def report_key(dataset: str) -> str:
    """Private-store key of the review report of the latest release candidate (CSV)."""
    return f"review/{dataset}/report.csv"


def rowmap_key(dataset: str) -> str:
    """Private-store key of the candidate's row map: export file, export row and released text columns of each
    candidate row, in candidate order (the checks translate candidate positions into export rows with it)."""
    return f"candidate/{dataset}/rowmap.parquet"


def terms_key(dataset: str) -> str:
    """Private-store key of the allow terms the candidate was assembled with (the checks apply the same)."""
    return f"candidate/{dataset}/review_terms.json"


class DecisionError(ValueError):
    """A decisions file that cannot be applied; the message names the file, the line and a code, never a term."""

    def __init__(self, where: str, code: str, detail: str) -> None:
        super().__init__(f"{where}: {detail} ({code})")
        self.where, self.code = where, code


@dataclass(frozen=True)
class RecordDecision:
    """``release`` or ``withhold`` for one record: an export file (sha256) and a row of it."""

    file_sha256: str
    row: int
    decision: str
    text_sha256: str | None
    where: str


@dataclass(frozen=True)
class TermRule:
    """A deny or allow term, for one agency or (``agency`` None) every agency of the dataset."""

    term: str
    agency: str | None
    entity: str | None
    where: str

    def pattern(self) -> str:
        words = [re.escape(w) for w in self.term.split()]
        return r"(?<![0-9A-Za-z])" + r"\s+".join(words) + r"(?![0-9A-Za-z])"


@dataclass
class Decisions:
    """A dataset's review decisions, parsed and checked."""

    records: dict[tuple[str, int], RecordDecision] = field(default_factory=dict)
    deny: tuple[TermRule, ...] = ()
    allow: tuple[TermRule, ...] = ()
    source: str | None = None  # where they were read from

    def __len__(self) -> int:
        return len(self.records) + len(self.deny) + len(self.allow)


class _LineLoader(yaml.SafeLoader):
    """Safe YAML whose mappings remember their line (``__line__``)."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    out: dict[str, Any] = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    for key_node, value_node in node.value:  # hashes as written: YAML reads 16 decimal digits as a number
        if key_node.value in _HASH_KEYS and isinstance(value_node, yaml.ScalarNode):
            out[key_node.value] = value_node.value
    out["__line__"] = node.start_mark.line + 1
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def parse_decisions(text: str, name: str) -> Decisions:
    """Parse a decisions file (``name`` is how errors name it). Unknown keys, missing keys, bad values and two
    decisions for one record are refused with the file and line."""
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DecisionError(f"{name}{line}", "review-yaml", "not valid YAML") from None
    if doc is None:
        return Decisions(source=name)
    if not isinstance(doc, dict):
        raise DecisionError(f"{name}:1", "review-bad-value", "the file must be a mapping with records/deny/allow")
    unknown = sorted(set(doc) - _TOP_KEYS - {"__line__"})
    if unknown:
        raise DecisionError(f"{name}:{doc['__line__']}", "review-unknown-key", f"unknown key(s) {unknown}")
    out = Decisions(source=name)
    for entry, where in _entries(doc, "records", name):
        d = _record(entry, where)
        key = (d.file_sha256, d.row)
        if key in out.records:
            raise DecisionError(where, "review-duplicate",
                                f"a second decision for row {d.row} of the same file (first at {out.records[key].where})")
        out.records[key] = d
    out.deny = tuple(_term(e, w) for e, w in _entries(doc, "deny", name))
    out.allow = tuple(_term(e, w) for e, w in _entries(doc, "allow", name))
    return out


def _entries(doc: Mapping[str, Any], section: str, name: str) -> Iterable[tuple[dict[str, Any], str]]:
    items = doc.get(section)
    if items is None:
        return
    if not isinstance(items, list):
        raise DecisionError(f"{name}:{doc['__line__']}", "review-bad-value", f"{section} must be a list")
    for item in items:
        if not isinstance(item, dict):
            raise DecisionError(f"{name}:{doc['__line__']}", "review-bad-value", f"each {section} entry must be a mapping")
        yield item, f"{name}:{item['__line__']}"


def _check_keys(entry: Mapping[str, Any], allowed: set[str], required: Sequence[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed - {"__line__"})
    if unknown:
        raise DecisionError(where, "review-unknown-key", f"unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    missing = [k for k in required if entry.get(k) in (None, "")]
    if missing:
        raise DecisionError(where, "review-missing-key", f"missing {missing}")


def _record(entry: Mapping[str, Any], where: str) -> RecordDecision:
    _check_keys(entry, _RECORD_KEYS, ("file_sha256", "row", "decision"), where)
    sha = str(entry["file_sha256"]).strip().lower()
    if not _SHA256.fullmatch(sha):
        raise DecisionError(where, "review-bad-value", "file_sha256 must be 64 hexadecimal digits")
    row = entry["row"]
    if isinstance(row, bool) or not isinstance(row, int) or row < 1:
        raise DecisionError(where, "review-bad-value", "row must be a positive whole number (the export's row)")
    decision = str(entry["decision"]).strip().lower()
    if decision not in DECISIONS:
        raise DecisionError(where, "review-bad-value", f"decision must be one of {list(DECISIONS)}")
    text_sha = entry.get("text_sha256")
    if text_sha is not None:
        text_sha = str(text_sha).strip().lower()
        if not re.fullmatch(r"[0-9a-f]{16,64}", text_sha):
            raise DecisionError(where, "review-bad-value", "text_sha256 must be hexadecimal (from the review report)")
    return RecordDecision(sha, int(row), decision, text_sha, where)


def _term(entry: Mapping[str, Any], where: str) -> TermRule:
    _check_keys(entry, _TERM_KEYS, ("term",), where)
    term = entry["term"]
    if not isinstance(term, str | int) or not str(term).strip():
        raise DecisionError(where, "review-bad-value", "term must be a non-empty text")
    entity = entry.get("entity")
    if entity is not None and not _ENTITY.fullmatch(str(entity)):
        raise DecisionError(where, "review-bad-value", "entity must be an entity type in capitals, e.g. PERSON")
    agency = entry.get("agency")
    return TermRule(" ".join(str(term).split()), None if agency in (None, "") else str(agency).strip(),
                    None if entity is None else str(entity), where)


def load_decisions(store: Any, dataset: str) -> Decisions:
    """The dataset's decisions: ``$OSD_REVIEW_DECISIONS/<dataset>.yaml`` when that folder is set, else the
    private store's `decisions_key`; none when neither exists."""
    folder = os.environ.get("OSD_REVIEW_DECISIONS")
    if folder:
        path = Path(folder) / f"{dataset}.yaml"
        if path.is_file():
            return parse_decisions(path.read_text(encoding="utf-8"), str(path))
        return Decisions()
    key = decisions_key(dataset)
    if not store.exists(key):
        return Decisions()
    with store.fs.open_input_stream(store.path(key)) as fh:
        text = fh.read().decode("utf-8")
    return parse_decisions(text, key)


def text_sha256(text: str) -> str:
    """The fingerprint of a redacted text that a `release` decision may carry (first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _Terms:
    """Deny or allow terms compiled per agency (terms without an agency apply to all)."""

    def __init__(self, rules: Sequence[TermRule]) -> None:
        self.rules = list(rules)
        self._cache: dict[str | None, list[tuple[re.Pattern[str], TermRule]]] = {}

    def for_agency(self, agency: str | None) -> list[tuple[re.Pattern[str], TermRule]]:
        if agency not in self._cache:
            self._cache[agency] = [(re.compile(r.pattern(), re.IGNORECASE), r) for r in self.rules
                                   if r.agency is None or r.agency == agency]
        return self._cache[agency]


def deny_terms(text: str, rules: list[tuple[re.Pattern[str], TermRule]]) -> str:
    """``text`` with every deny term replaced by its placeholder (``[ENTITY]`` or ``[REDACTED]``)."""
    for rx, r in rules:
        text = rx.sub(f"[{r.entity}]" if r.entity else DENY_PLACEHOLDER, text)
    return text


class _AllowedFamily:
    """A verifier form family whose lookups ignore some forms (the allow terms' own)."""

    def __init__(self, inner: Any, excluded: set[int]) -> None:
        self.inner = inner
        self.excluded = np.array(sorted(excluded), dtype=np.int64)

    def __len__(self) -> int:
        return len(self.inner)

    def lookup(self, hashes: Any) -> np.ndarray:
        codes = self.inner.lookup(hashes)
        if len(self.excluded) and len(codes):
            codes = np.where(np.isin(np.frombuffer(hashes, dtype=np.int64), self.excluded), -1, codes)
        return codes


class AllowedIdentifiers:
    """The verifier's identifier set as it reads one agency's free text: an allow term's own forms are not
    identifiers ("Walmart" alone), while every longer form holding it still is ("12 Walmart Way", "Maria
    Walmart"). Forms are hashed the way `verify.scan_hits` hashes a text's candidate spans."""

    def __init__(self, inner: Any, terms: Sequence[str]) -> None:
        from redaction import verify

        self._inner = inner
        words = {hash(verify.normalize_words(t)) for t in terms}
        codes = {hash(c) for t in terms if len(c := "".join(ch for ch in t.lower() if ch.isalnum())) > 0}
        digits = {hash(d) for t in terms if len(d := "".join(ch for ch in t if ch.isdigit())) > 0}
        self.words = _AllowedFamily(inner.words, words)
        self.codes = _AllowedFamily(inner.codes, codes)
        self.digits = _AllowedFamily(inner.digits, digits)

    def __len__(self) -> int:
        return len(self._inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def scan_texts(dataset: str, column: str, values: Sequence[Any], agencies: Sequence[str | None], allow: _Terms,
               identifiers: Any) -> dict[int, set[str]]:
    """{position: entity types} of the free-text cells the verifier flags, each read with its agency's allow
    terms (`AllowedIdentifiers`)."""
    from redaction import verify

    out: dict[int, set[str]] = {}
    groups: dict[str | None, list[int]] = {}
    if allow.rules:
        for i, a in enumerate(agencies):
            groups.setdefault(a, []).append(i)
    else:
        groups[None] = list(range(len(values)))
    for agency, positions in groups.items():
        terms = [r.term for _, r in allow.for_agency(agency)] if allow.rules else []
        ids: Any = AllowedIdentifiers(identifiers, terms) if terms else identifiers
        cells = [values[i] if isinstance(values[i], str) else None for i in positions]
        for f in verify.scan_column(dataset, column, cells, ids):
            out.setdefault(positions[f.row], set()).add(f.entity_type)
    return out


def allow_terms_for(decisions: Decisions, agency: str | None) -> list[str]:
    """The allow terms that apply to an agency's free text (those without an agency included), sorted."""
    return sorted({r.term for r in decisions.allow if r.agency is None or r.agency == agency})


def terms_fingerprint(terms: Sequence[str]) -> str:
    """What de-identify records of the allow terms it redacted with (a hash: the terms stay in the decisions)."""
    return hashlib.sha256("\n".join(sorted(terms)).encode("utf-8")).hexdigest()[:16]


def trim_allowed(text: str, spans: Sequence[tuple[int, int, str, int]], terms: Sequence[str],
                 ) -> list[tuple[int, int, str, int]]:
    """The redactor's spans without the allow terms: a span made only of allow terms is dropped, one that starts
    or ends with an allow term is trimmed to the rest ("According Smith" -> "Smith"); an allow term inside a
    span leaves the span whole (the words around it are still redacted together)."""
    allowed = sorted(m.span() for t in terms for m in re.finditer(TermRule(t, None, None, "").pattern(), text,
                                                                    re.IGNORECASE))
    if not allowed:
        return list(spans)
    out = []
    for start, end, entity, num in spans:
        s, e, moved = start, end, True
        while moved and s < e:
            moved = False
            for a, b in allowed:
                if a <= s < b:
                    s, moved = b, True
                if a < e <= b:
                    e, moved = a, True
            if moved:
                while s < e and not text[s].isalnum():
                    s += 1
                while e > s and not text[e - 1].isalnum():
                    e -= 1
        if s < e:
            out.append((s, e, entity, num))
    return out


def uncertain_column(results_by_column: Mapping[str, Sequence[Any]]) -> list[str | None]:
    """De-identify's private ``_review`` column: per row, ``column=TYPE,TYPE`` for each text column whose
    redaction result reports ``uncertain`` entity types (detections the redactor was not confident about:
    the per-record fail-safe withholds such a text for review), ``;``-joined; None when there is none."""
    n = max((len(v) for v in results_by_column.values()), default=0)
    out: list[str | None] = [None] * n
    for col, results in results_by_column.items():
        for i, r in enumerate(results):
            types = sorted(set(getattr(r, "uncertain", None) or ()))
            if types:
                entry = f"{col}={','.join(types)}"
                out[i] = entry if out[i] is None else f"{out[i]};{entry}"
    return out


def parse_uncertain(values: pd.Series | None) -> dict[str, dict[int, set[str]]]:
    """`uncertain_column` read back: column -> {position: entity types}."""
    out: dict[str, dict[int, set[str]]] = {}
    if values is None:
        return out
    for i, v in enumerate(values.astype(object).tolist()):
        if isinstance(v, str) and v:
            for entry in v.split(";"):
                col, _, types = entry.partition("=")
                out.setdefault(col, {})[i] = set(types.split(",")) if types else set()
    return out


@dataclass
class Review:
    """Applies the per-record fail-safe and the officer's decisions to batches of de-identified rows (public
    columns + ``_file`` + ``_row``), and collects the review report."""

    dataset: str
    text_columns: list[str]
    identifiers: Any
    decisions: Decisions
    files: dict[str, tuple[str, str]]  # export file name -> (sha256, agency)
    items: list[dict[str, Any]] = field(default_factory=list)
    withheld: Counter[str] = field(default_factory=Counter)
    released: int = 0
    denied_cells: int = 0
    stale_exports: int = 0  # exports de-identified with other allow terms than the current ones

    def __post_init__(self) -> None:
        self._seen: set[tuple[str, int]] = set()
        self._decided_rows: np.ndarray | None = None
        self._deny = _Terms(self.decisions.deny)
        self._allow = _Terms(self.decisions.allow)

    def apply(self, df: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
        """``df`` with flagged or withheld texts replaced; and per row the text columns released by decision
        (``;``-joined, None for none), for the row map. A ``_review`` column (de-identify's record of the
        redactor's low-confidence texts, `uncertain_column`) flags texts too."""
        released: list[list[str]] = [[] for _ in range(len(df))]
        if not self.text_columns or not len(df):
            return df, np.array([None] * len(df), dtype=object)
        files = df["_file"].astype(object).to_numpy()
        rows = df["_row"].to_numpy()
        meta = [self.files.get(str(f), ("", "")) for f in files]
        agencies = [m[1] or None for m in meta]
        decided = self._decided(meta, rows)
        uncertain = parse_uncertain(df["_review"] if "_review" in df.columns else None)
        for col in self.text_columns:
            values = df[col].astype(object).where(df[col].notna(), None).tolist()
            if self._deny.rules:
                for i, v in enumerate(values):
                    if v:
                        new = deny_terms(v, self._deny.for_agency(agencies[i]))
                        if new != v:
                            values[i] = new
                            self.denied_cells += 1
            flagged = scan_texts(self.dataset, col, values, agencies, self._allow, self.identifiers)
            unsure = uncertain.get(col, {})
            targets = set(flagged) | set(unsure) | {i for i, d in decided.items() if d.decision == "withhold"}
            for i in sorted(targets):
                v = values[i]
                if not v:
                    continue
                d = decided.get(i)
                tsha = text_sha256(v)
                reason = REASON_VERIFIER if i in flagged else REASON_UNCERTAIN if i in unsure else REASON_OFFICER
                status = "withheld"
                if reason != REASON_OFFICER and d is not None and d.decision == "release":
                    if d.text_sha256 is None or tsha.startswith(d.text_sha256[:16]):
                        status = "released"
                    else:
                        reason = REASON_STALE
                if status == "released":
                    released[i].append(col)
                    self.released += 1
                else:
                    self.withheld[reason] += 1
                    values[i] = WITHHELD_TEXT
                self.items.append({
                    "dataset": self.dataset, "agency": meta[i][1], "file": str(files[i]), "file_sha256": meta[i][0],
                    "row": int(rows[i]), "column": col, "status": status, "reason": reason,
                    "entity_types": ";".join(sorted(flagged.get(i, set()) | unsure.get(i, set()))),
                    "text_sha256": tsha, "redacted_text": v,
                })
            df[col] = pd.Series(values, index=df.index, dtype=df[col].dtype)
        return df, np.array([";".join(r) if r else None for r in released], dtype=object)

    def _decided(self, meta: Sequence[tuple[str, str]], rows: np.ndarray) -> dict[int, RecordDecision]:
        """Position -> the decision for that record, among this batch's rows (and which decisions were seen)."""
        out: dict[int, RecordDecision] = {}
        if not self.decisions.records:
            return out
        if self._decided_rows is None:
            self._decided_rows = np.unique(np.array([r for _, r in self.decisions.records], dtype=np.int64))
        for i in np.flatnonzero(np.isin(rows, self._decided_rows)).tolist():
            key = (meta[i][0], int(rows[i]))
            d = self.decisions.records.get(key)
            if d is not None:
                out[i] = d
                self._seen.add(key)
        return out

    def summary(self, store: Any) -> dict[str, Any]:
        """Counts for the candidate's accounting, provenance and preview (no value; the report's key)."""
        return {
            "by_reason": dict(sorted(self.withheld.items())),
            "total": int(sum(self.withheld.values())),
            "released_by_decision": int(self.released),
            "deny_terms_applied": int(self.denied_cells),
            "decisions": len(self.decisions),
            "decisions_unmatched": len(set(self.decisions.records) - self._seen),
            "stale_exports": int(self.stale_exports),
            "report": store.path(report_key(self.dataset)) if self.items else None,
        }

    def write(self, store: Any) -> None:
        """Write the review report (private store only), the allow terms used, or remove a stale report."""
        key = report_key(self.dataset)
        if self.items:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=list(REPORT_FIELDS), lineterminator="\n")
            w.writeheader()
            for it in sorted(self.items, key=lambda x: (x["file"], x["row"], x["column"])):
                w.writerow(it)
            store.write_bytes(key, buf.getvalue().encode("utf-8"))
        else:
            store.delete(key)
        store.write_json(terms_key(self.dataset), {
            "allow": [{"term": r.term, "agency": r.agency} for r in self.decisions.allow]})


def rowmap_table(df: pd.DataFrame, released: np.ndarray) -> Any:
    """The row-map rows of ``df`` (export file, export row, released text columns)."""
    import pyarrow as pa

    return pa.table({
        "_file": pa.array(df["_file"].astype(object).to_numpy(), pa.string()),
        "_row": pa.array(df["_row"].to_numpy(dtype=np.int64), pa.int64()),
        "_released": pa.array(released.tolist() if len(released) else [], pa.string()),
    })


ROWMAP_COLUMNS = ("_file", "_row", "_released")


@dataclass
class CheckView:
    """What the `no_leaks` check needs from the review of the candidate it judges: the allow terms of each row's
    agency, the text cells released by decision, and each candidate row's export file and row."""

    store: Any
    dataset: str
    text_columns: set[str]
    agencies: dict[str, str]  # export file name -> agency
    allow: _Terms
    released: dict[int, set[str]]  # candidate position -> text columns released by decision
    _row_agency: list[str | None] | None = None

    aligned: bool = False  # the row map has as many rows as the table judged (else it is not the candidate)

    @classmethod
    def load(cls, store: Any, dataset: str, text_columns: Iterable[str], meta: Mapping[str, Any],
             rows: int) -> CheckView:
        """The review of the candidate of ``rows`` rows; nothing released, nothing masked, no export rows when
        the row map is missing or is not of that many rows."""
        terms = store.read_json(terms_key(dataset)) or {}
        allow = _Terms([TermRule(t["term"], t.get("agency"), None, "candidate") for t in terms.get("allow", [])])
        view = cls(store, dataset, set(text_columns), {i["file"]: i["agency"] for i in meta.get("inputs", [])},
                   allow, {})
        key = rowmap_key(dataset)
        view.aligned = store.exists(key) and store.parquet_num_rows(key) == rows
        if view.text_columns and view.aligned:
            pos = 0
            files: list[str | None] = []
            for b in store.iter_parquet(key, columns=["_file", "_released"]):
                rel = b.column(1)
                if rel.null_count < len(rel):
                    for i, v in enumerate(rel.to_pylist()):
                        if v:
                            view.released[pos + i] = set(v.split(";"))
                if allow.rules:
                    files += b.column(0).to_pylist()
                pos += b.num_rows
            if allow.rules:
                view._row_agency = [view.agencies.get(f) if f else None for f in files]
        return view

    def scan(self, column: str, values: Any, row0: int, identifiers: Any) -> list[Any] | None:
        """The verifier's findings in a batch of a text column read with each row's allow terms (rows numbered
        from ``row0``); None when no allow term applies (the caller scans as usual)."""
        if column not in self.text_columns or not self.allow.rules or self._row_agency is None:
            return None
        from redaction import verify

        vals = values.to_pylist() if hasattr(values, "to_pylist") else list(values)
        hits = scan_texts(self.dataset, column, vals, self._row_agency[row0:row0 + len(vals)], self.allow,
                          identifiers)
        return [verify.Finding(self.dataset, row0 + i, column, t) for i in sorted(hits) for t in sorted(hits[i])]

    def accepted(self, row: int, column: str) -> bool:
        """A finding in a text cell the officer released as it is."""
        return column in self.released.get(row, ())

    def export_rows(self, positions: Sequence[int]) -> list[str]:
        """``file:row`` of candidate positions (sorted); positions when the row map is not this table's."""
        if not self.aligned:
            return [f"candidate position {p}" for p in positions]
        return export_rows(self.store, self.dataset, positions)


def export_rows(store: Any, dataset: str, positions: Sequence[int], rows: int | None = None) -> list[str]:
    """``file:row`` (export file, row in it) of candidate positions, sorted by file and row, read from the
    candidate's row map; ``candidate position N`` when there is no row map or (``rows`` given) it is not of that
    many rows."""
    key = rowmap_key(dataset)
    if not len(positions):
        return []
    if not store.exists(key) or (rows is not None and store.parquet_num_rows(key) != rows):
        return [f"candidate position {p}" for p in sorted(positions)]
    want = np.unique(np.asarray(positions, dtype=np.int64))
    found: list[tuple[str, int]] = []
    pos = 0
    for b in store.iter_parquet(key, columns=["_file", "_row"]):
        sel = want[(want >= pos) & (want < pos + b.num_rows)] - pos
        if len(sel):
            files = b.column(0).take(sel).to_pylist()
            found += zip(files, b.column(1).take(sel).to_pylist(), strict=True)
        pos += b.num_rows
        if pos > want[-1]:
            break
    return [f"{f}:{r}" for f, r in sorted(found)] + [f"candidate position {p}" for p in want[want >= pos].tolist()]
