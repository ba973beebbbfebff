"""De-identify reads only the standardized columns its treatments need (`deidentified.read_columns`): the
private columns nothing publishes are never converted to pandas (most of a batch's memory), and the files are
the same as when every column was read."""

from __future__ import annotations

import os

import pyarrow as pa

import demo as samplegen
from pipelines import stages
from pipelines.specs import load_specs
from pipelines.stages import deidentified, layout
from pipelines.stages.common import aux_columns, policy_of
from pipelines.store import PrivateStore

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _spec(name: str):  # noqa: ANN202
    return {s.name: s for s in load_specs()}[name]


def test_read_columns_are_the_treatments_sources_only_without_free_text():
    """Stops have no free text: a column no treatment reads (the subject's name, SSN, licence) is not read; every
    treatment's source, the ladder helpers and the row's file and number are."""
    spec = _spec("stops")
    policy = policy_of(spec)
    aux = aux_columns(spec, policy)
    std = [f["name"] for f in spec.standardized] + ["_file", "_row"]
    cols = deidentified.read_columns(policy, aux, std)
    assert {"subject_name", "subject_ssn", "subject_dl", "plate", "vin"}.isdisjoint(cols)
    needed = {c for t in policy.columns.values() for c in t.sources} | set(aux) | {"_file", "_row"}
    assert set(cols) == needed
    assert cols == [c for c in std if c in needed]  # the file's order


def test_read_columns_keep_the_identifiers_when_text_is_redacted():
    """A dataset with free text searches each record's own identifying values in its text: they are read."""
    spec = next(s for s in load_specs() if policy_of(s).text_columns)
    policy = policy_of(spec)
    std = [f["name"] for f in spec.standardized] + ["_file", "_row"]
    cols = deidentified.read_columns(policy, aux_columns(spec, policy), std)
    assert set(policy.identifiers) & set(std) <= set(cols)
    assert set(policy.text_columns) <= {c for t in policy.columns.values() for c in t.sources} | set(policy.columns)


def test_pruned_read_writes_what_the_whole_batch_gives(tmp_path):
    """The de-identified file equals the policy applied to every standardized column of the same rows."""
    spec = _spec("stops")
    export = samplegen.generate(tmp_path / "in", rows=2000, seed=5, bad_rows=20, sources=["rivertown_stops"])[0]
    store = PrivateStore.local(tmp_path / "private")
    stages.ingest_raw(store, spec, export, export.name)
    stages.standardize_partition(store, spec, export.name)
    stages.deidentify_partition(store, spec, export.name, key=b"k")
    policy = policy_of(spec)
    job = deidentified._DeidentifyJob(policy, aux_columns(spec, policy), b"k")
    whole = store.read_parquet(layout.standardized(spec.name, export.name))
    assert len(whole.column_names) > len(deidentified.read_columns(policy, job.aux, whole.column_names))
    expected, _, _ = job(pa.RecordBatch.from_pandas(whole.to_pandas(), preserve_index=False))
    written = store.read_parquet(layout.deidentified(spec.name, export.name))
    assert written.num_rows > 1900
    assert written.equals(expected.cast(written.schema))


def test_batches_de_identified_in_pieces_give_the_table_of_the_whole_batch(tmp_path, monkeypatch):
    """Without free text a batch goes through the policy `piece_rows` rows at a time (the step's memory): the
    table is exactly the one of the whole batch, schema and pandas metadata included; and pieces whose schemas
    disagree (a column empty in one piece) are redone whole, never written with another schema."""
    spec = _spec("stops")
    export = samplegen.generate(tmp_path / "in", rows=2000, seed=6, sources=["rivertown_stops"])[0]
    store = PrivateStore.local(tmp_path / "private")
    stages.ingest_raw(store, spec, export, export.name)
    stages.standardize_partition(store, spec, export.name)
    policy = policy_of(spec)
    aux = aux_columns(spec, policy)
    std = store.read_parquet(layout.standardized(spec.name, export.name))
    batch = std.select(deidentified.read_columns(policy, aux, std.column_names)).to_batches()[0]
    whole, whole_counts, _ = deidentified._DeidentifyJob(policy, aux, b"k", piece_rows=batch.num_rows)(batch)
    calls: list[int] = []
    job = deidentified._DeidentifyJob(policy, aux, b"k", piece_rows=300)
    real = job._whole
    monkeypatch.setattr(job, "_whole", lambda b: calls.append(b.num_rows) or real(b))
    pieces, counts, _ = job(batch)
    assert calls == [300] * (batch.num_rows // 300) + ([batch.num_rows % 300] if batch.num_rows % 300 else [])
    assert pieces.equals(whole) and pieces.schema.metadata == whole.schema.metadata and counts == whole_counts
    assert all(c.num_chunks == 1 for c in pieces.columns)
    # pieces whose Arrow schemas disagree (as a column of Python objects, empty in one piece, would be typed null
    # there): the batch is redone whole
    def null_district_first(b):  # noqa: ANN001, ANN202
        t, c, n = real(b)
        if not calls:
            i = t.schema.get_field_index("district")
            t = t.set_column(i, pa.field("district", pa.null()), pa.nulls(t.num_rows))
        calls.append(b.num_rows)
        return t, c, n

    calls.clear()
    monkeypatch.setattr(job, "_whole", null_district_first)
    out, _, _ = job(batch)
    assert calls[0] == 300 and calls[-1] == batch.num_rows
    assert out.equals(whole) and out.schema.field("district").type == pa.string()
