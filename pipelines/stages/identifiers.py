"""The leak verifier's identifier forms of the standardized rows, computed with them and cached per partition."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.parallel import ordered_map, processes_for
from pipelines.specs import DatasetSpec
from pipelines.stages import layout
from pipelines.stages.common import policy_of
from pipelines.store import PrivateStore, batch_rows, release_memory
from redaction import verify


def identifier_signature(spec: DatasetSpec) -> str:
    """What a partition's cached identifier forms depend on besides its standardized rows: the policy's
    identifier columns and the verifier's normalization code."""
    h = hashlib.sha256(json.dumps(policy_of(spec).identifiers, sort_keys=True).encode())
    h.update(verify.code_bytes())
    return h.hexdigest()


def mark_forms_complete(store: PrivateStore, cache: str, standardized_id: str, signature: str,
                         source_values: int) -> None:
    """Written after the forms file: the marker that it is complete for this run of standardize."""
    store.write_json(cache + ".json", {"standardized_id": standardized_id, "signature": signature,
                                       "source_values": source_values})


FORMS_SCHEMA = pa.schema([("entity_type", pa.string()), ("family", pa.string()), ("form", pa.string())])


def gather_identifiers(store: PrivateStore, spec: DatasetSpec, partitions: Sequence[str]) -> verify.IdentifierSet:
    """Every identifying value of the standardized partitions (policy `identifiers`), read batch by batch on the
    identifier columns only; the same set as `verify.collect_identifiers` on all partitions concatenated.

    A partition's normalized forms are kept in the private store (`identifiers/<dataset>/<partition>`), tied to
    the run of `standardize_partition` that wrote its rows (`standardized_id`) and to the identifier signature:
    standardize computes them with the rows, the checks and the publish step read them back, and recompute them
    (in batches, over `stage_processes()` processes for a big partition) when they are missing or stale.
    """
    policy = policy_of(spec)
    cols = list(policy.identifiers)
    signature = identifier_signature(spec)
    ids = verify.IdentifierSet()  # distinct forms, as 64-bit hashes: memory grows with distinct values, gently
    ids.declare(spec.declared_values())  # code labels and constants: not scanned as whole cells
    for p in partitions:
        key = layout.standardized(spec.name, p)
        if not store.exists(key):
            continue
        token = (store.read_json(layout.standardized_meta(spec.name, p)) or {}).get("standardized_id")
        cache = layout.identifier_forms(spec.name, p)
        cmeta = store.read_json(cache + ".json") or {}
        if token and cmeta.get("standardized_id") == token and cmeta.get("signature") == signature \
                and store.exists(cache + ".parquet"):
            for b in store.iter_parquet(cache + ".parquet"):
                ids.add_forms_table(pa.Table.from_batches([b]))  # in file order: as the cold path added them
            ids.source_values += int(cmeta.get("source_values", 0))
            continue
        before = ids.source_values
        # batches of forms computed in worker processes too (big partitions), added here in batch order; whole
        # batches: their count of distinct values (`source_values`) is the one of a run in one process
        procs, _ = processes_for(store.parquet_num_rows(key), batch_rows())
        with store.parquet_sink(cache + ".parquet", FORMS_SCHEMA) as sink:
            job = FormsJob({c: policy.identifiers[c] for c in cols})
            for forms, count in ordered_map(job, store.iter_parquet(key, columns=cols), procs):
                ids.add_forms_table(forms)
                ids.source_values += count
                if forms.num_rows:
                    sink.write(forms)
        if token:
            mark_forms_complete(store, cache, token, signature, ids.source_values - before)
        release_memory()
    return ids


@dataclass
class FormsJob:
    """One standardized batch -> its identifier columns' normalized forms (`verify.array_forms`, entity type by
    entity type in column order) and the count of values they came from: picklable, for `ordered_map`."""

    identifiers: dict[str, str]  # column -> entity type

    def __call__(self, batch: pa.RecordBatch | pa.Table) -> tuple[pa.Table, int]:
        pieces: list[pa.Table] = []
        count = 0
        for c, entity_type in self.identifiers.items():
            if c not in batch.schema.names:
                continue
            col = batch.column(c)
            if not verify.is_text_type(col.type):  # dates of birth: as ISO days, like add_many's callers
                s = pc.unique(col.drop_null()).to_pandas()  # each distinct date once
                if pd.api.types.is_datetime64_any_dtype(s):
                    s = s.dt.strftime("%Y-%m-%d")
                col = pa.array(s.astype("string").to_numpy(dtype=object, na_value=None), pa.string())
            forms, n = verify.array_forms(entity_type, col)
            count += n
            if forms.num_rows:
                pieces.append(forms.add_column(0, "entity_type", pa.array([entity_type] * forms.num_rows,
                                                                          pa.string())).cast(FORMS_SCHEMA))
        return (pa.concat_tables(pieces) if pieces else FORMS_SCHEMA.empty_table()), count


