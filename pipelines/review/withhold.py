"""Withholding flagged free text record by record, the private review report, and the candidate's row map (the
export file and row of each candidate row, with the texts released by decision) that the checks read."""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipelines.review.decisions import Decisions, RecordDecision, TermRule
from pipelines.review.terms import Terms, deny_terms, scan_texts

WITHHELD_TEXT = "[narrative withheld pending review]"

REASON_VERIFIER = "leak-verifier"  # the verifier found an identifying value (or a pattern shape) in the text
REASON_OFFICER = "officer-withhold"  # a `withhold` decision
REASON_UNCERTAIN = "low-confidence"  # the redactor reported a detection it was unsure of (`uncertain_column`)
REASON_STALE = "decision-stale"  # a `release` decision for a text that has changed since it was reviewed
REASONS = (REASON_VERIFIER, REASON_UNCERTAIN, REASON_OFFICER, REASON_STALE)

REPORT_FIELDS = ("dataset", "agency", "file", "file_sha256", "row", "column", "status", "reason", "entity_types",
                 "text_sha256", "redacted_text")


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


def text_sha256(text: str) -> str:
    """The fingerprint of a redacted text that a `release` decision may carry (first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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
        self._deny = Terms(self.decisions.deny)
        self._allow = Terms(self.decisions.allow)

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
    allow: Terms
    released: dict[int, set[str]]  # candidate position -> text columns released by decision
    _row_agency: list[str | None] | None = None

    aligned: bool = False  # the row map has as many rows as the table judged (else it is not the candidate)

    @classmethod
    def load(cls, store: Any, dataset: str, text_columns: Iterable[str], meta: Mapping[str, Any],
             rows: int) -> CheckView:
        """The review of the candidate of ``rows`` rows; nothing released, nothing masked, no export rows when
        the row map is missing or is not of that many rows."""
        terms = store.read_json(terms_key(dataset)) or {}
        allow = Terms([TermRule(t["term"], t.get("agency"), None, "candidate") for t in terms.get("allow", [])])
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
