"""Per-record withholding of free text and the officer's review decisions (`pipelines.review`): parsing,
applying deny/allow terms and record decisions, the candidate's row map, and the no_leaks check's evidence."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import demo as samplegen
from pipelines import review, stages
from pipelines.review import WITHHELD_TEXT, DecisionError, parse_decisions
from pipelines.specs import load_specs
from pipelines.store import PrivateStore
from redaction import verify
from tests.reference.assemble import assemble_candidate_in_memory, load_candidate
from tests.reference.checks import TableSource
from tests.stubs import StubResult

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

SHA_A, SHA_B = "a" * 64, "b" * 64


# ---------------------------------------------------------------------------------------------- parsing


def test_parse_decisions():
    d = parse_decisions(
        "# reviewed 2026-12-03\n"
        "records:\n"
        f"  - {{file_sha256: {SHA_A.upper()}, row: 5, decision: Release, text_sha256: 61c133df572e8e92}}\n"
        f"  - file_sha256: {SHA_A}\n"
        "    row: 6\n"
        "    decision: withhold\n"
        "    note: called the complainant\n"
        "deny:\n"
        "  - {term: 'Ngozi   Balogun', agency: Rivertown Police Department, entity: PERSON}\n"
        "allow:\n"
        "  - {term: According}\n",
        "d.yaml",
    )
    assert {k: (v.decision, v.text_sha256, v.where) for k, v in d.records.items()} == {
        (SHA_A, 5): ("release", "61c133df572e8e92", "d.yaml:3"),
        (SHA_A, 6): ("withhold", None, "d.yaml:4"),
    }
    assert [(t.term, t.agency, t.entity) for t in d.deny] == [("Ngozi Balogun", "Rivertown Police Department", "PERSON")]
    assert [(t.term, t.agency) for t in d.allow] == [("According", None)]
    assert len(parse_decisions("", "empty.yaml")) == 0
    assert len(parse_decisions("# nothing decided yet\n", "empty.yaml")) == 0


@pytest.mark.parametrize(("text", "where", "code"), [
    ("record:\n  - {row: 1}\n", "d.yaml:1", "review-unknown-key"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: 5, decision: release}}\n"
     f"  - {{file_sha256: {SHA_A}, rows: 5, decision: release}}\n", "d.yaml:3", "review-unknown-key"),
    (f"records:\n\n  - file_sha256: {SHA_A}\n    row: 5\n    decison: release\n", "d.yaml:3", "review-unknown-key"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: 5}}\n", "d.yaml:2", "review-missing-key"),
    ("records:\n  - {file_sha256: abc, row: 5, decision: release}\n", "d.yaml:2", "review-bad-value"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: 0, decision: release}}\n", "d.yaml:2", "review-bad-value"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: five, decision: release}}\n", "d.yaml:2", "review-bad-value"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: true, decision: release}}\n", "d.yaml:2", "review-bad-value"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: 5, decision: relase}}\n", "d.yaml:2", "review-bad-value"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: 5, decision: release, text_sha256: xyz}}\n", "d.yaml:2",
     "review-bad-value"),
    (f"records:\n  - {{file_sha256: {SHA_A}, row: 5, decision: release}}\n"
     f"  - {{file_sha256: {SHA_A}, row: 5, decision: withhold}}\n", "d.yaml:3", "review-duplicate"),
    ("records: {row: 5}\n", "d.yaml:1", "review-bad-value"),
    ("deny:\n  - {term: ''}\n", "d.yaml:2", "review-missing-key"),
    ("allow:\n  - {term: According, entity: person}\n", "d.yaml:2", "review-bad-value"),
    ("allow:\n  - According\n", "d.yaml:1", "review-bad-value"),
    ("records:\n  - {file_sha256: [\n", "d.yaml:3", "review-yaml"),
    ("- just a list\n", "d.yaml:1", "review-bad-value"),
])
def test_refused_with_file_and_line(text, where, code):
    with pytest.raises(DecisionError) as err:
        parse_decisions(text, "d.yaml")
    assert err.value.code == code
    assert str(err.value).startswith(where + ":"), str(err.value)


def test_refusal_never_quotes_a_term():
    with pytest.raises(DecisionError) as err:
        parse_decisions("deny:\n  - {term: Guadalupe Przybylski, agnecy: Rivertown}\n", "d.yaml")
    assert "agnecy" in str(err.value) and "Przybylski" not in str(err.value)
    with pytest.raises(DecisionError) as err:  # a value typed where a key goes is not repeated either
        parse_decisions("allow:\n  - {term: According, Guadalupe Przybylski: deny}\n", "d.yaml")
    assert err.value.code == "review-unknown-key" and "Przybylski" not in str(err.value)


def test_load_decisions_from_store_or_folder(tmp_path, monkeypatch):
    store = PrivateStore.local(tmp_path / "private")
    monkeypatch.delenv("OSD_REVIEW_DECISIONS", raising=False)
    assert len(review.load_decisions(store, "complaints")) == 0
    store.write_bytes(review.decisions_key("complaints"), b"allow:\n  - {term: According}\n")
    assert [t.term for t in review.load_decisions(store, "complaints").allow] == ["According"]
    folder = tmp_path / "decisions"
    folder.mkdir()
    (folder / "complaints.yaml").write_text("deny:\n  - {term: Quist}\n  - {bad: 1}\n")
    monkeypatch.setenv("OSD_REVIEW_DECISIONS", str(folder))
    with pytest.raises(DecisionError, match=r"complaints\.yaml:3: .*review-unknown-key"):
        review.load_decisions(store, "complaints")


# ---------------------------------------------------------------------------------------------- applying


def _ids() -> verify.IdentifierSet:
    people = pd.DataFrame({"name": ["Maria Walmart", "Jo Quist"], "case": ["19-646", "20-777"]})
    return verify.collect_identifiers(people, {"name": "PERSON", "case": "ID"})


def _review(decisions: str) -> review.Review:
    files = {"a.csv": (SHA_A, "Agency A"), "b.csv": (SHA_B, "Agency B")}
    return review.Review("t", ["narr"], _ids(), parse_decisions(decisions, "d.yaml"), files)


def _frame(rows: list[tuple[str, int, str | None]]) -> pd.DataFrame:
    return pd.DataFrame({"narr": pd.Series([r[2] for r in rows], dtype="string"),
                         "_file": [r[0] for r in rows], "_row": np.array([r[1] for r in rows], dtype=np.int64)})


def test_flagged_text_is_withheld_and_reported():
    rev = _review("")
    df, released = rev.apply(_frame([("a.csv", 2, "bought milk at the WALMART store"), ("a.csv", 3, "all quiet"),
                                     ("b.csv", 2, None), ("b.csv", 7, "ref 20 777 closed")]))
    assert df["narr"].tolist()[:2] == [WITHHELD_TEXT, "all quiet"] and pd.isna(df["narr"].iloc[2])
    assert df["narr"].iloc[3] == WITHHELD_TEXT
    assert released.tolist() == [None] * 4
    assert rev.withheld == {"leak-verifier": 2}
    assert [(i["file"], i["file_sha256"], i["agency"], i["row"], i["entity_types"], i["status"]) for i in rev.items] == [
        ("a.csv", SHA_A, "Agency A", 2, "PERSON", "withheld"), ("b.csv", SHA_B, "Agency B", 7, "ID", "withheld")]
    assert rev.items[0]["redacted_text"] == "bought milk at the WALMART store"


def test_allow_and_deny_terms_apply_to_their_agency_only():
    rev = _review("deny:\n  - {term: Ngozi Balogun, agency: Agency A, entity: PERSON}\n  - {term: Kwame}\n"
                  "allow:\n  - {term: walmart, agency: Agency A}\n")
    df, _ = rev.apply(_frame([("a.csv", 2, "bought milk at the Walmart store"),
                              ("b.csv", 2, "bought milk at the Walmart store"),
                              ("a.csv", 3, "her roommate NGOZI\n balogun and kwame called"),
                              ("b.csv", 3, "her roommate Ngozi Balogun and Kwame called; Ngozibalogun"),
                              ("a.csv", 4, "maria walmart called")]))
    assert df["narr"].tolist() == [
        "bought milk at the Walmart store", WITHHELD_TEXT,
        "her roommate [PERSON] and [REDACTED] called",
        "her roommate Ngozi Balogun and [REDACTED] called; Ngozibalogun",
        WITHHELD_TEXT]  # "Walmart" alone is allowed, the name holding it is still an identifier
    assert rev.denied_cells == 2 and rev.withheld == {"leak-verifier": 2}


@pytest.mark.parametrize(("text", "spans", "kept"), [
    ("According Smith, the door was open", [(0, 15, "PERSON", 1)], ["Smith"]),
    ("Smith according to the clerk", [(0, 15, "PERSON", 1)], ["Smith"]),
    ("clerk at Kroger said", [(9, 15, "PERSON", 1)], []),
    ("Mary According Smith left", [(0, 20, "PERSON", 1)], ["Mary According Smith"]),  # inside: kept whole
    ("ACCORDING  KROGER Smith", [(0, 23, "PERSON", 2)], ["Smith"]),
    ("Accordingly Smith", [(0, 17, "PERSON", 1)], ["Accordingly Smith"]),  # whole words only
])
def test_trim_allowed(text, spans, kept):
    out = review.trim_allowed(text, spans, ["according", "Kroger"])
    assert [text[s:e] for s, e, _, _ in out] == kept
    assert all(ent == spans[0][2] and num == spans[0][3] for _, _, ent, num in out)


def test_record_decisions(tmp_path):
    text = "see case 19-646"
    tsha = review.text_sha256(text)
    rev = _review("records:\n"
                  f"  - {{file_sha256: {SHA_B}, row: 99, decision: withhold}}\n"
                  f"  - {{file_sha256: {SHA_A}, row: 2, decision: release, text_sha256: {tsha}}}\n"
                  f"  - {{file_sha256: {SHA_A}, row: 3, decision: release, text_sha256: {'0' * 16}}}\n"
                  f"  - {{file_sha256: {SHA_A}, row: 4, decision: withhold}}\n"
                  f"  - {{file_sha256: {SHA_A}, row: 5, decision: release}}\n")
    df, released = rev.apply(_frame([("a.csv", 2, text), ("a.csv", 3, text), ("a.csv", 4, "all quiet"),
                                     ("b.csv", 2, text), ("a.csv", 5, text), ("a.csv", 6, text)]))
    # row 2: released (its reviewed text); 3: the text changed since review; 4: withheld by the officer;
    # b.csv row 2: the same row number of another export is another record; 5: released; 6: no decision
    assert df["narr"].tolist() == [text, WITHHELD_TEXT, WITHHELD_TEXT, WITHHELD_TEXT, text, WITHHELD_TEXT]
    assert released.tolist() == ["narr", None, None, None, "narr", None]
    assert rev.withheld == {"leak-verifier": 2, "decision-stale": 1, "officer-withhold": 1}
    assert rev.released == 2
    assert sorted((i["file"], i["row"], i["status"], i["reason"]) for i in rev.items) == [
        ("a.csv", 2, "released", "leak-verifier"), ("a.csv", 3, "withheld", "decision-stale"),
        ("a.csv", 4, "withheld", "officer-withhold"), ("a.csv", 5, "released", "leak-verifier"),
        ("a.csv", 6, "withheld", "leak-verifier"), ("b.csv", 2, "withheld", "leak-verifier")]
    summary = rev.summary(PrivateStore.local(tmp_path))
    assert summary["decisions"] == 5 and summary["decisions_unmatched"] == 1  # b.csv row 99 is no record here
    assert summary["total"] == 4 and summary["released_by_decision"] == 2


# ---------------------------------------------------------------------------------------------- stages


class MissesHalf:
    """A redactor that finds nothing in half the texts (those of odd length) and replaces the others whole: the
    worst case the per-record fail-safe must hold against, next to texts it must leave alone."""

    def redact(self, values, record_values):
        return [StubResult(v if v is None or len(v) % 2 else "[redacted]", {}) for v in values]


@pytest.fixture(scope="module")
def complaints(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    spec = next(s for s in load_specs() if s.name == "complaints")
    files = samplegen.generate(tmp / "in", rows=400, seed=3, sources=["harbor_city_complaints"])
    stores = {}
    for name, assemble in (("stream", stages.assemble_candidate), ("whole", assemble_candidate_in_memory)):
        store = PrivateStore.local(tmp / name)
        for f in files:
            stages.ingest_raw(store, spec, f, f.name)
            stages.standardize_partition(store, spec, f.name)
            stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=MissesHalf)
        old = os.environ.get("OSD_BATCH_ROWS")
        os.environ["OSD_BATCH_ROWS"] = "97" if name == "stream" else "1000000"
        try:
            assemble(store, spec, [f.name for f in files])
        finally:
            os.environ.pop("OSD_BATCH_ROWS") if old is None else os.environ.__setitem__("OSD_BATCH_ROWS", old)
        stores[name] = store
    return spec, stores, [f.name for f in files]


def _report(store) -> str:
    with open(store.path(review.report_key("complaints")), encoding="utf-8") as fh:
        return fh.read()


def test_streaming_and_in_memory_withhold_the_same(complaints):
    spec, stores, _ = complaints
    a, b = (load_candidate(stores[n], spec) for n in ("stream", "whole"))
    assert a[0].equals(b[0])
    wa, wb = (dict(m["narratives_withheld"], report=None) for m in (a[1], b[1]))
    assert wa == wb and 100 < wa["total"] < 300  # the generator's summaries name people; half went unredacted
    assert _report(stores["stream"]) == _report(stores["whole"])
    ra, rb = (s.read_parquet(review.rowmap_key("complaints")) for s in (stores["stream"], stores["whole"]))
    assert ra.equals(rb) and ra.num_rows == a[0].num_rows
    texts = a[0].column("summary").to_pylist()
    assert sum(t == WITHHELD_TEXT for t in texts) == wa["total"]
    assert sum(t == "[redacted]" for t in texts) == len(texts) - wa["total"]


def test_no_leaks_passes_on_the_released_content_and_names_export_rows(complaints):
    spec, stores, parts = complaints
    store = stores["stream"]
    table, meta = load_candidate(store, spec)
    ok, md = stages.run_check("no_leaks", store, spec, TableSource(table), meta)
    assert ok and md["narratives_withheld"] == meta["narratives_withheld"]["total"]
    rowmap = store.read_parquet(review.rowmap_key("complaints")).to_pandas()
    # the withheld text put back: the check (independent of the assembly) finds it, at its export row
    report = pd.read_csv(store.path(review.report_key("complaints")), dtype=str, keep_default_na=False)
    item = report.iloc[0]
    pos = int(np.flatnonzero((rowmap["_file"] == item["file"]) & (rowmap["_row"] == int(item["row"])))[0])
    texts = table.column("summary").to_pylist()
    texts[pos] = item["redacted_text"]
    bad = table.set_column(table.schema.get_field_index("summary"), "summary", pa.array(texts, pa.string()))
    ok, md = stages.check_leaks(store, spec, TableSource(bad), meta)
    assert not ok and md["first_export_rows"] == [f"{item['file']}:{item['row']}"]
    assert md["by_column"] == {"complaints.summary": md["findings"]}
    # a leak in a structured column blocks too, named by export row
    std = store.read_parquet(f"standardized/complaints/{parts[0]}.parquet").to_pandas()
    name = next(v for v in std["complainant_name"] if isinstance(v, str) and len(v.split()) > 1)
    col = next(f["name"] for f in spec.schema["fields"] if f.get("type", "string") == "string"
               and f["name"] not in (*spec.primary_key, "summary"))
    vals = table.column(col).to_pylist()
    vals[7] = name
    bad = table.set_column(table.schema.get_field_index(col), col, pa.array(vals, table.schema.field(col).type))
    ok, md = stages.check_leaks(store, spec, TableSource(bad), meta)
    assert not ok and md["first_export_rows"] == [f"{rowmap['_file'][7]}:{rowmap['_row'][7]}"]
    assert md["by_column"] == {f"complaints.{col}": md["findings"]}
    # a table that is not the candidate (other row count): positions, never wrong export rows
    ok, md = stages.check_leaks(store, spec, TableSource(bad.slice(0, 20)), meta)
    assert not ok and md["first_export_rows"] == ["candidate position 7"]


def test_hashes_are_read_as_written():
    """YAML reads unquoted 16 decimal digits as a number (and a leading 0 as octal): hashes keep their digits."""
    d = parse_decisions(f"records:\n  - {{file_sha256: {SHA_A}, row: 2, decision: release, text_sha256: 0123456789012345}}\n",
                        "d.yaml")
    assert d.records[(SHA_A, 2)].text_sha256 == "0123456789012345"


class UnsureResult(StubResult):
    def __init__(self, text, counts, uncertain):
        super().__init__(text, counts)
        self.uncertain = uncertain


class UnsureRedactor:
    """Redacts every text whole, and reports itself unsure (a low-confidence PERSON) of one text in seven."""

    def redact(self, values, record_values):
        return [UnsureResult(None if v is None else "[redacted]", {}, ["PERSON"] if v and len(v) % 7 == 0 else [])
                for v in values]


def test_low_confidence_redaction_is_withheld(tmp_path):
    spec = next(s for s in load_specs() if s.name == "complaints")
    files = samplegen.generate(tmp_path / "in", rows=300, seed=4, sources=["harbor_city_complaints"])
    store = PrivateStore.local(tmp_path / "private")
    unsure = 0
    for f in files:
        stages.ingest_raw(store, spec, f, f.name)
        stages.standardize_partition(store, spec, f.name)
        std = store.read_parquet(f"standardized/complaints/{f.name}.parquet").to_pandas()
        unsure += int(sum(1 for v in std["summary"] if isinstance(v, str) and v and len(v) % 7 == 0))
        stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=UnsureRedactor)
    meta = stages.assemble_candidate(store, spec, [f.name for f in files]).to_dict()
    assert unsure > 10
    assert meta["narratives_withheld"]["by_reason"] == {"low-confidence": unsure}
    table, _ = load_candidate(store, spec)
    assert table.column("summary").to_pylist().count(WITHHELD_TEXT) == unsure
    report = pd.read_csv(store.path(review.report_key("complaints")), dtype=str, keep_default_na=False)
    assert set(report["reason"]) == {"low-confidence"} and set(report["entity_types"]) == {"PERSON"}
    assert set(report["redacted_text"]) == {"[redacted]"}
    # export rows as the quarantine reports them: the standardized `_row` of those records
    std = pd.concat([store.read_parquet(f"standardized/complaints/{f.name}.parquet").to_pandas() for f in files])
    want = {(r["_file"], int(r["_row"])) for _, r in std.iterrows()
            if isinstance(r["summary"], str) and len(r["summary"]) % 7 == 0}
    assert {(r["file"], int(r["row"])) for _, r in report.iterrows()} == want


def test_schema_evidence_names_export_rows(complaints):
    spec, stores, _ = complaints
    store = stores["stream"]
    table, meta = load_candidate(store, spec)
    rowmap = store.read_parquet(review.rowmap_key("complaints")).to_pandas()
    pk = spec.primary_key[0]
    vals = table.column(pk).to_pylist()
    vals[11] = "not a pseudonym"
    bad = table.set_column(table.schema.get_field_index(pk), pk, pa.array(vals, table.schema.field(pk).type))
    ok, md = stages.run_check("schema_valid", store, spec, TableSource(bad), meta)
    assert not ok and md["first_export_rows"] == [f"{rowmap['_file'][11]}:{rowmap['_row'][11]}"]
    assert "first_rows" not in md["summary"]


def test_documented_example_parses():
    from tests.e2e_helpers import REPO

    doc = (REPO / "docs" / "review.md").read_text()
    block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    d = parse_decisions(block, "docs/review.md")
    assert [r.decision for r in d.records.values()] == ["release", "withhold"]
    assert len(d.deny) == 2 and len(d.allow) == 2


class SwallowsAccording:
    """A redactor (with `detect`, like `TextRedactor`) that reads "According X" as a name and redacts it whole."""

    def detect(self, texts, record_values=None):
        import re

        return [[] if t is None else [(m.start(), m.end(), "PERSON", 1) for m in re.finditer(r"According \w+", t)]
                for t in texts]

    def redact(self, texts, record_values=None):
        import re

        return [StubResult(None if t is None else re.sub(r"According \w+", "[PERSON 1]", t), {}) for t in texts]


def test_allow_terms_reach_the_redactor_and_mark_exports_to_redo(tmp_path):
    spec = next(s for s in load_specs() if s.name == "complaints")
    f = samplegen.generate(tmp_path / "in", rows=60, seed=5, sources=["harbor_city_complaints"])[0]
    store = PrivateStore.local(tmp_path / "private")
    stages.ingest_raw(store, spec, f, f.name)
    stages.standardize_partition(store, spec, f.name)
    std = store.read_parquet(f"standardized/complaints/{f.name}.parquet").to_pandas()
    std["summary"] = [f"According Smith, row {i}" for i in range(len(std))]
    store.write_parquet(f"standardized/complaints/{f.name}.parquet", pa.Table.from_pandas(std, preserve_index=False))

    def summaries():
        stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=SwallowsAccording)
        return store.read_parquet(f"deidentified/complaints/{f.name}.parquet").column("summary").to_pylist()

    assert set(t.split(",")[0] for t in summaries()) == {"[PERSON 1]"}
    assert stages.deidentified_current(store, spec, f.name)
    agency = store.read_json(f"raw/complaints/{f.name}.json")["agency"]
    store.write_bytes(review.decisions_key("complaints"), f"allow:\n  - {{term: according, agency: {agency}}}\n".encode())
    assert not stages.deidentified_current(store, spec, f.name)  # the next run must de-identify it again
    meta = stages.assemble_candidate(store, spec, [f.name]).to_dict()
    assert meta["narratives_withheld"]["stale_exports"] == 1
    assert set(t.split(",")[0] for t in summaries()) == {"According [PERSON 1]"}
    assert stages.deidentified_current(store, spec, f.name)
    store.write_bytes(review.decisions_key("complaints"), b"allow:\n  - {term: according, agency: Elsewhere PD}\n")
    assert not stages.deidentified_current(store, spec, f.name)
    assert set(t.split(",")[0] for t in summaries()) == {"[PERSON 1]"}


def test_a_records_own_surname_left_in_its_text_is_withheld_for_review():
    """The verifier is never blind to a record's own surname, common word or not: de-identify marks the text
    uncertain (withheld pending review) when a word of the record's name fields survived the redactor."""
    from pipelines.stages import _RecordingRedactor
    from redaction.text import RedactedText

    class Blind:  # a redactor that misses every name
        def redact(self, texts, record_values=None):
            return [RedactedText(t, {}) for t in texts]

    rec = _RecordingRedactor(Blind())
    out = rec.redact(["V/WEST provided DOB. WEST stated the suspect fled.", "Units went west on Elm.",
                      "Nothing to see.", None],
                     [{"PERSON": ["WEST, ANN"]}, {"PERSON": ["FORD, JOE"]}, {"PERSON": ["WEST, ANN"]}, {}])
    assert [r.uncertain for r in out] == [("PERSON",), (), (), ()]
    assert out[0].text.startswith("V/WEST")  # marked, not rewritten: the review withholds the whole text
    assert rec.uncertain(["narrative"], 4) == ["narrative=PERSON", None, None, None]
