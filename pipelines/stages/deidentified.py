"""The de-identified stage: the policy applied batch by batch, free text through the redactor with the officer's allow terms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa

from pipelines import export_fates, review
from pipelines.parallel import ordered_map, processes_for
from pipelines.settings import as_int
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.common import INTERNAL, StageError, aux_columns, fault_point, policy_of
from pipelines.stages.results import DeidentifyResult
from pipelines.store import PrivateStore, batch_rows, release_memory
from redaction.policy import Policy, apply_policy, source_precision
from redaction.verify import scan_record_text


def _source_precision(store: PrivateStore, spec: DatasetSpec, partition: str) -> dict[str, str]:
    """The precision the partition's source declares (`precision:` in its `sources:` entry), or none."""
    meta = store.read_json(layout.raw_meta(spec.name, partition)) or {}
    if not meta.get("source"):
        return {}
    src = spec.source(meta["source"])
    return source_precision(src.precision or src.raw.get("precision"), where=f"{spec.path}: source {src.name}")


def deidentify_partition(
    store: PrivateStore, spec: DatasetSpec, partition: str, *, key: bytes, text_redactor_factory: Any = None
) -> DeidentifyResult:
    """Apply the policy: only public columns (plus private ladder helpers) come out. Streams record batches."""
    sha = (store.read_json(layout.raw_meta(spec.name, partition)) or {}).get("sha256")
    with export_fates.stage_status(store, spec.name, partition, "deidentified", sha):
        return _deidentify_partition(store, spec, partition, key=key, text_redactor_factory=text_redactor_factory)


def _deidentify_partition(
    store: PrivateStore, spec: DatasetSpec, partition: str, *, key: bytes, text_redactor_factory: Any = None
) -> DeidentifyResult:
    std_key = layout.standardized(spec.name, partition)
    if not store.exists(std_key):
        raise StageError(f"{spec.name}/{partition}: no standardized data; materialize it first")
    policy = policy_of(spec)
    redactor = text_redactor_factory() if (policy.text_columns and text_redactor_factory) else None
    allow = _allow_terms(store, spec, partition) if redactor is not None else []
    aux = aux_columns(spec, policy)
    precision = _source_precision(store, spec, partition)
    redactions: Counter[str] = Counter()
    texts = rows = 0
    with store.parquet_sink(layout.deidentified(spec.name, partition)) as sink:
        job = _DeidentifyJob(policy, aux, key, redactor, precision, allow)
        # free text has its own worker processes (the redactor's); structured-only batches go to processes here
        procs, size = processes_for(store.parquet_num_rows(std_key), batch_rows()) if redactor is None else \
            (1, batch_rows())
        columns = read_columns(policy, aux, store.parquet_schema(std_key).names)
        batches = store.iter_parquet(std_key, columns=columns, batch_size=size)
        for table, counts, n_texts in ordered_map(job, batches, procs):
            if not table.num_rows and sink.schema is not None:
                continue
            sink.write(table)
            redactions.update(counts)
            texts += n_texts
            rows += table.num_rows
            del table
            release_memory()
            fault_point("deidentify", partition, rows)
        if sink.schema is None:  # no rows: the policy applied to an empty frame gives the columns
            std = store.read_parquet(std_key).to_pandas()
            res = apply_policy(policy, std, key=key, text_redactor=redactor, precision=precision)
            frame = res.frame
            for c in aux:
                frame[c] = std[c].astype("string").values
            frame["_file"] = std["_file"].values
            frame["_row"] = std["_row"].values
            if redactor is not None:
                frame["_review"] = pd.Series([], dtype="string")
            sink.write(pa.Table.from_pandas(frame, preserve_index=False))
    release_memory()  # the last batch's pages: a step after this one in the same process (a shard) reuses nothing
    std_id = (store.read_json(layout.standardized_meta(spec.name, partition)) or {}).get("standardized_id")
    out = DeidentifyResult(rows=int(rows), redactions=dict(sorted(redactions.items())), texts_redacted=int(texts),
                           standardized_id=std_id,
                           allow_terms=review.terms_fingerprint(allow) if redactor is not None else None)
    store.write_json(layout.deidentified_meta(spec.name, partition), out.to_dict())
    return out


def read_columns(policy: Policy, aux: Sequence[str], standardized: Sequence[str]) -> list[str]:
    """The standardized columns de-identify reads: every column a treatment reads (`Treatment.sources`), the
    identifier columns when free text is redacted (a record's own values are searched in its text), the ladder
    helpers and the row's file and number, in the file's order.

    Why: the standardized rows carry the private columns that no treatment publishes (names, licence numbers,
    addresses); converting them to pandas objects is most of a batch's memory, and nothing reads them here."""
    named: set[str] = {*aux, *INTERNAL}
    for t in policy.columns.values():
        named.update(t.sources)
    if policy.text_columns:
        named.update(policy.identifiers)
    return [c for c in standardized if c in named]


def _allow_terms(store: PrivateStore, spec: DatasetSpec, partition: str) -> list[str]:
    """The officer's allow terms for the agency of this export (`pipelines.review`)."""
    agency = (store.read_json(layout.raw_meta(spec.name, partition)) or {}).get("agency")
    return review.allow_terms_for(review.load_decisions(store, spec.name), agency)


def deidentified_current(store: PrivateStore, spec: DatasetSpec, partition: str) -> bool:
    """False when a de-identified export's free text was redacted with other allow terms than the officer's
    current ones (de-identify it again to apply them); True otherwise, or when it has no free text."""
    meta = store.read_json(layout.deidentified_meta(spec.name, partition)) or {}
    if "allow_terms" not in meta:
        return True
    try:
        terms = _allow_terms(store, spec, partition)
    except review.DecisionError:
        return True  # nothing to apply yet: the validated step refuses the file, naming its line
    return meta["allow_terms"] == review.terms_fingerprint(terms)


@dataclass
class _DeidentifyJob:
    """One standardized record batch -> (de-identified table, redaction counts, texts redacted): picklable, so
    batches can go to worker processes (`ordered_map`) when no text redactor is involved."""

    policy: Policy
    aux: list[str]
    key: bytes
    redactor: Any = None
    precision: dict[str, str] | None = None
    allow: list[str] = field(default_factory=list)  # the officer's allow terms for this export's agency

    piece_rows: int = 0  # rows put through pandas at a time without free text (0: `deidentify_rows()`)

    def __call__(self, batch: pa.RecordBatch) -> tuple[pa.Table, Counter[str], int]:
        """The batch de-identified. Without free text, ``piece_rows`` rows at a time: the pandas objects of a whole
        250,000-row batch were the step's peak; each row's output depends on that row only, and when every piece
        gives the same Arrow schema their concatenation, made contiguous, is the table of the whole batch (the
        files do not change). Pieces that disagree (a column empty in one of them) are redone whole."""
        step = self.piece_rows or deidentify_rows()
        if self.redactor is not None or batch.num_rows <= step:
            return self._whole(batch)
        pieces = [self._whole(batch.slice(lo, step)) for lo in range(0, batch.num_rows, step)]
        if any(t.schema != pieces[0][0].schema or t.schema.metadata != pieces[0][0].schema.metadata
               for t, _, _ in pieces):
            del pieces
            return self._whole(batch)
        table = pa.concat_tables([t for t, _, _ in pieces]).combine_chunks()
        counts: Counter[str] = Counter()
        for _, c, _ in pieces:
            counts.update(c)
        return table, counts, sum(n for _, _, n in pieces)

    def _whole(self, batch: pa.RecordBatch) -> tuple[pa.Table, Counter[str], int]:
        std = batch.to_pandas()
        rec = _RecordingRedactor(self.redactor, self.allow) if self.redactor is not None else None
        res = apply_policy(self.policy, std, key=self.key, text_redactor=rec, precision=self.precision)
        frame = res.frame
        for c in self.aux:
            frame[c] = std[c].astype("string").values
        frame["_file"] = std["_file"].values
        frame["_row"] = std["_row"].values
        if rec is not None:
            frame["_review"] = pd.Series(rec.uncertain(self.policy.text_columns, len(frame)), index=frame.index,
                                         dtype="string")
        return pa.Table.from_pandas(frame, preserve_index=False), Counter(res.redactions), res.texts_redacted


def deidentify_rows() -> int:
    """Rows of a record batch put through the policy at a time when it has no free text (`OSD_DEIDENTIFY_ROWS`)."""
    return max(1, as_int("OSD_DEIDENTIFY_ROWS"))


def _own_names_checked(result: Any, values: Mapping[str, Sequence[str]] | None, allow: Sequence[str] = ()) -> Any:
    """The redacted text, marked uncertain (withheld for review) when a word of the record's own name fields is
    still in it: the check per record that the release-wide verifier cannot afford (common-word surnames such as
    WEST would hit every other record), so the verifier is never blind to a record's own surname. Words of the
    officer's allow terms are the officer's decision (docs/review.md) and are not flagged."""
    from redaction.text import RedactedText  # lazy: redaction.text loads Presidio and spaCy (~0.8 s)

    text = getattr(result, "text", None)
    if not text or not values or not values.get("PERSON"):
        return result
    hits = scan_record_text(text, values["PERSON"])
    if hits and allow:
        hits -= scan_record_text(" ".join(allow), values["PERSON"])
    if not hits:
        return result
    unsure = tuple(sorted({*(getattr(result, "uncertain", None) or ()), "PERSON"}))
    return RedactedText(text, dict(result.counts), uncertain=unsure)


class _RecordingRedactor:
    """The text redactor as `apply_policy` sees it, keeping each call's results (one call per free-text column,
    in the policy's column order) so de-identify can record which texts the redactor was unsure of; with allow
    terms, the redactor's spans (`detect`) are trimmed of them (`review.trim_allowed`) before the placeholders
    are written."""

    def __init__(self, inner: Any, allow: Sequence[str] = ()) -> None:
        self.inner = inner
        self.allow = list(allow)
        self.results: list[Sequence[Any]] = []

    def redact(self, texts: Sequence[str | None], record_values: Any = None) -> Any:
        if self.allow and hasattr(self.inner, "detect"):
            out = self._redact_allowing(texts, record_values)
        else:
            out = self.inner.redact(texts, record_values)
        if record_values is not None:
            out = [_own_names_checked(r, rv, self.allow) for r, rv in zip(out, record_values, strict=True)]
        self.results.append(out)
        return out

    def _redact_allowing(self, texts: Sequence[str | None], record_values: Any) -> list[Any]:
        """`TextRedactor.redact` with the allow terms' words left in place."""
        from redaction.text import RedactedText, confidence, normal_form, placeholder  # lazy: loads spaCy

        out = []
        if hasattr(self.inner, "decide"):  # spans with their decisions: a low-confidence text stays flagged
            outcomes = list(self.inner.decide(texts, record_values))
        else:
            outcomes = [(spans, None) for spans in self.inner.detect(texts, record_values)]
        for t, (spans, decisions) in zip(texts, outcomes, strict=True):
            if t is None:
                out.append(RedactedText(None, {}))
                continue
            t = normal_form(t)  # the spans refer to the text as read (``TextRedactor.decide``)
            counts: Counter[str] = Counter()
            parts, pos = [], 0
            for start, end, entity, num in review.trim_allowed(t, spans, self.allow):
                parts += [t[pos:start], placeholder(entity, num)]
                counts[entity] += 1
                pos = end
            parts.append(t[pos:])
            unsure: tuple[str, ...] = ()
            if decisions is not None and confidence.withhold(decisions, self.inner.withhold_below):
                unsure = ("PERSON",)
            out.append(RedactedText("".join(parts), dict(counts), uncertain=unsure))
        return out

    def uncertain(self, text_columns: Sequence[str], rows: int) -> list[str | None]:
        """The private ``_review`` column (`review.uncertain_column`) of these rows."""
        if len(self.results) != len(text_columns):
            raise StageError(f"the text redactor was called {len(self.results)} time(s) for "
                             f"{len(text_columns)} free-text column(s)")
        return review.uncertain_column(dict(zip(text_columns, self.results, strict=True))) or [None] * rows


