"""Leak verifier: finds planted leaks, passes clean tables, reports no values, guards short values."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest

from redaction.errors import LeakFound, RedactionError
from redaction.verify import Finding, collect_identifiers, scan_file, scan_table

RAW = pd.DataFrame({
    "name": ["Jane Q Doe", "Al Li", "Kwame Mensah"],
    "phone": ["(555) 123-4567", None, "555 222 3333"],
    "dob": ["1987-03-14", "2001-01-02", "1960-12-31"],
    "plate": ["7ABC123", "XYZ99", "JDK-6729"],
    "address": ["42 Oak Street Apt 7", "1 Elm St", "900 N Main St"],
    "ssn": ["123-45-6789", "", None],
})
COLUMNS = {"name": "PERSON", "phone": "PHONE", "dob": "DATE_OF_BIRTH", "plate": "PLATE", "address": "ADDRESS",
           "ssn": "SSN"}
CLEAN = [
    "[PERSON 1] was contacted at the 4500 block of Elm Ave at 1430 hrs.",
    "[PERSON 1] (DOB [DATE_OF_BIRTH 1]) called from [PHONE 1]. Case 2024-001234, 10-4.",
    "Al said the sale was final.",  # "Al" alone is below the minimum length: no false hit
    "Plate [PLATE 1]. Units 12 and 44 responded on 03/14/2024.",
]


@pytest.fixture(scope="module")
def ids():
    return collect_identifiers(RAW, COLUMNS)


def test_clean_table_passes(ids):
    report = scan_table("stops", pd.DataFrame({"narrative": CLEAN, "n": range(len(CLEAN))}), ids)
    assert report.passed(), report.summary()
    assert report.values_checked == len(ids) > 0


@pytest.mark.parametrize(("leak", "etype"), [
    ("Spoke with DOE, JANE about it", "PERSON"),
    ("jane   q doe was there", "PERSON"),
    ("Mensah ran", "PERSON"),
    ("call 555.123.4567", "PHONE"),
    ("call 1-555-222-3333", "PHONE"),
    ("born March 14, 1987", "DATE_OF_BIRTH"),
    ("seen 3/14/87 at home", "DATE_OF_BIRTH"),
    ("plate 7abc 123", "PLATE"),
    ("lives at 42 OAK ST, APT 7", "ADDRESS"),
    ("lives at 900 North Main Street", "ADDRESS"),
    ("number 123 45 6789", "SSN"),
])
def test_planted_leak_is_found_with_row_and_column(ids, leak, etype):
    rows = CLEAN + [leak]
    report = scan_table("stops", pd.DataFrame({"narrative": rows}), ids)
    assert Finding("stops", len(CLEAN), "narrative", etype) in report.findings
    assert all(f.row == len(CLEAN) for f in report.findings)


@pytest.mark.parametrize(("text", "etype"), [
    ("SSN 987-65-4320 on file", None),  # 9xx area: not a real SSN shape
    ("SSN 234-56-7890 on file", "SSN"),
    ("reach me at (415) 555-0100", "PHONE"),
    ("mail someone@example.org", "EMAIL"),
    ("VIN 1HGCM82633A004352", "VIN"),
    ("VIN 1HGCM82633A004353", None),  # wrong check digit
    ("DOB: 07/04/1975", "DATE_OF_BIRTH"),
    ("on 07/04/2024 at 1430 hrs", None),
])
def test_pattern_sweeps_catch_unknown_values(ids, text, etype):
    report = scan_table("calls", pd.DataFrame({"notes": [text]}), ids)
    assert {f.entity_type for f in report.findings} == ({etype} if etype else set())
    off = scan_table("calls", pd.DataFrame({"notes": [text]}), ids, sweep_patterns=False)
    assert off.passed()


def test_report_never_contains_values(ids):
    rows = ["DOE, JANE at 42 Oak St Apt 7, 555-123-4567, plate 7ABC123"]
    report = scan_table("stops", pa.table({"narrative": rows, "n": [1]}), ids)
    assert not report.passed()
    dumped = json.dumps(report.summary()) + repr(report.findings)
    for secret in ("Doe", "DOE", "Jane", "Oak", "4567", "7ABC"):
        assert secret not in dumped
    with pytest.raises(LeakFound) as exc:
        report.raise_if_leaks()
    for secret in ("Doe", "DOE", "Oak", "4567"):
        assert secret not in str(exc.value)


def test_summary_counts(ids):
    df = pd.DataFrame({"a": ["Jane Doe", "ok", "Jane Doe"], "b": ["fine", "555-123-4567", "x"]})
    s = scan_table("stops", df, ids).summary()
    assert s["by_entity_type"] == {"PERSON": 2, "PHONE": 1}
    assert s["by_column"] == {"stops.a": 2, "stops.b": 1}
    assert s["first_rows"] == [0, 1, 2]


def test_non_string_columns_are_skipped(ids):
    df = pd.DataFrame({"n": [5551234567, 123456789]})
    assert scan_table("stops", df, ids).passed()


def test_missing_identifier_column_raises():
    with pytest.raises(RedactionError):
        collect_identifiers(RAW, {"nope": "PERSON"})
    with pytest.raises(RedactionError):
        collect_identifiers(RAW, {"name": "SHOE_SIZE"})


def test_scan_files(tmp_path, ids):
    csv = tmp_path / "stops.csv"
    pd.DataFrame({"narrative": CLEAN + ["Kwame Mensah"]}).to_csv(csv, index=False)
    md = tmp_path / "CHANGES.md"
    md.write_text("# Changes\n\nnothing personal\ncall 555 222 3333\n", encoding="utf-8")
    r_csv = scan_file("stops", csv, ids)
    assert [(f.row, f.column, f.entity_type) for f in r_csv.findings] == [(len(CLEAN), "narrative", "PERSON")]
    r_md = scan_file("stops", md, ids)
    assert [(f.row, f.column, f.entity_type) for f in r_md.findings] == [(3, "CHANGES.md", "PHONE")]


def test_redacted_evalset_passes_and_raw_fails():
    """End to end: what the redactor publishes passes the verifier; the raw narratives do not."""
    from demo.evalset import generate
    from redaction.text import TextRedactor
    from redaction.verify import IdentifierSet

    items = generate(40, seed=11)
    ids = IdentifierSet()
    for it in items:
        for etype, values in it.record_values.items():
            for v in values:
                ids.add(etype, v)
    redacted = TextRedactor().redact([i.text for i in items], [i.record_values for i in items])
    assert scan_table("eval", pd.DataFrame({"narrative": [r.text for r in redacted]}), ids).passed()
    raw = scan_table("eval", pd.DataFrame({"narrative": [i.text for i in items]}), ids)
    assert {f.row for f in raw.findings} == set(range(len(items)))


def test_street_named_like_a_subject_is_not_a_hit():
    ids = collect_identifiers(pd.DataFrame({"name": ["Denzel Washington"]}), {"name": "PERSON"})
    assert scan_table("s", pd.DataFrame({"t": ["the 300 block of Washington Ct"]}), ids).passed()
    assert not scan_table("s", pd.DataFrame({"t": ["Washington ran"]}), ids).passed()


@pytest.mark.parametrize(("stored", "leak"), [
    ("RAMIREZ, MARIA JOSE", "W/RAMÍREZ, MARÍA JOSÉ observed the incident"),
    ("María José Ramírez", "spoke with maria jose ramirez"),
    ("Lukasz Dabrowski", "ŁUKASZ DĄBROWSKI fled"),
    ("Jesús Castañeda", "Castaneda ran"),
    ("Nguyễn Linh", "NGUYEN LINH was there"),
])
def test_names_match_with_or_without_accents(stored, leak):
    """Accents are folded on both sides: a stored ASCII name finds its accented spelling and back."""
    ids = collect_identifiers(pd.DataFrame({"name": [stored]}), {"name": "PERSON"})
    report = scan_table("s", pd.DataFrame({"t": ["[PERSON 1] observed the incident", leak]}), ids)
    assert [(f.row, f.entity_type) for f in report.findings] == [(1, "PERSON")]


def test_id_values_are_searched_as_codes():
    ids = collect_identifiers(pd.DataFrame({"case": ["RPD23-004001"]}), {"case": "ID"})
    hits = scan_table("s", pd.DataFrame({"t": ["Case [ID 1] closed", "case rpd 23 004001 closed"]}), ids)
    assert [(f.row, f.entity_type) for f in hits.findings] == [(1, "ID")]


def test_scan_column_dedup_gives_the_per_cell_findings(ids, monkeypatch):
    """Each distinct value is scanned once; repeats, a cache that is full, and row offsets give exactly the
    findings of scanning every cell."""
    import redaction.verify as V

    cells = (CLEAN + ["Mensah ran", None, "", "call 555.123.4567"]) * 3
    per_cell = [Finding("d", 7 + i, "c", e) for i, v in enumerate(cells) if v
                for e in sorted(V.scan_cell(v, ids))]
    assert len(per_cell) == 6
    calls: list = []
    real = V.scan_hits
    monkeypatch.setattr(V.scan, "scan_hits", lambda vs, i, **k: calls.extend(vs) or real(vs, i, **k))
    cache: dict = {}
    got = V.scan_column("d", "c", cells[:9], ids, row0=7, cache=cache)
    got += V.scan_column("d", "c", cells[9:], ids, row0=16, cache=cache)  # the next batch of the column
    assert got == per_cell
    assert sorted(calls) == sorted({v for v in cells if v})  # each distinct value once
    monkeypatch.setattr(V.scan, "SCAN_CACHE_MAX", 2)
    calls.clear()
    cache = {}
    got = V.scan_column("d", "c", cells[:9], ids, row0=7, cache=cache)
    got += V.scan_column("d", "c", cells[9:], ids, row0=16, cache=cache)
    assert got == per_cell and len(cache) == 2
    assert len(calls) > len({v for v in cells if v})  # past the cap, values are scanned again in the next batch


def test_digits_inside_a_hex_pseudonym_are_no_hit_but_written_numbers_are(ids):
    """A 16-hex pseudonym whose digits happen to equal an SSN or a phone is random, not a leak (found 15 times
    in 1M generated stops); the same digits written as a number, glued to words or not, are still found."""
    hex_cells = ["stp_4a123456789c0e1f", "stp_5551234567abcdef", "0123456789abcdef01234567",
                 "stp_0123456789012345", "off2_5551234567000000"]  # all-digit pseudonyms: 58 hits in 10M stops
    assert scan_table("s", pd.DataFrame({"stop_id": hex_cells}), ids, sweep_patterns=False).passed()
    for leak, etype in [("SSN123456789", "SSN"), ("ssn:123-45-6789", "SSN"), ("x123456789", "SSN"),
                        ("tel5551234567", "PHONE"), ("5551234567", "PHONE"), ("abcdef 123456789", "SSN"),
                        ("0123456789012345", "SSN"), ("ssn 0123456789012345", "SSN"), ("a_b_0123456789012345", "SSN"),
                        ("x__0123456789012345", "SSN")]:
        rep = scan_table("s", pd.DataFrame({"t": [leak]}), ids, sweep_patterns=False)
        assert [f.entity_type for f in rep.findings] == [etype], leak


def test_family_compaction_keeps_every_form_once_with_its_first_type(monkeypatch):
    """Forms merged into the sorted arrays in many steps (a small step here): every form found, each once,
    tagged with the entity type it was first added with, whatever the step it came in."""
    from array import array

    import numpy as np

    from redaction import verify as V

    monkeypatch.setattr(V.identifiers, "_COMPACT_AT", 97)
    rng = np.random.default_rng(5)
    fam, first = V._Family(), {}
    types = V._ETYPES[:3]
    for h in rng.integers(-(2**62), 2**62, 3000).tolist() + rng.integers(-50, 50, 600).tolist():
        t = types[int(rng.integers(0, 3))]
        first.setdefault(h, V._ECODE[t])
        fam.add_hashes([h], t)
    assert len(fam) == len(first) and np.all(np.diff(fam.hashes) > 0)
    probe = list(first) + [2**62 + 1, -(2**62) - 1]
    got = fam.lookup(array("q", probe))
    assert got.tolist() == [first[h] for h in first] + [-1, -1]


def test_pseudonym_cells_scan_like_any_cell(monkeypatch):
    """Cells holding one keyed pseudonym take a short path in `scan_cells`: the same finds as the general path,
    including identifiers planted to equal a pseudonym's prefix, its hex part, both words together, a street
    word, all-digit hex parts that hold a known phone number, and codes as long as the parts."""
    import random
    import re

    from redaction import verify as V

    rng = random.Random(4)
    hexes = [f"{rng.getrandbits(64):016x}" for _ in range(400)] + ["5551234567012345", "0123456789012345"]
    prefixes = ["stp", "off", "cmp", "ave", "street", "abcde", "dob", "cafe"]
    ids = V.IdentifierSet()
    ids.add_forms("PERSON", [("words", " stp "), ("words", f" {hexes[0]} "), ("words", f" off {hexes[1]} "),
                             ("words", " cafe "), ("words", " ave ")])
    ids.add_forms("ADDRESS", [("words", f" street {hexes[2]} "), ("words", f" {hexes[3]} st ")])
    ids.add_forms("PHONE", [("digits", "5551234567")])
    ids.add_forms("PLATE", [("codes", hexes[4]), ("codes", "abcde"), ("codes", "stp" + hexes[5])])
    ids.add_many("PERSON", ["Jane Marie Doe"])
    cells = [f"{p}_{h}" for p in prefixes for h in hexes]
    cells += ["stp_ABCDEF0123456789", "stp-0123456789abcdef", "x_0123456789abcdef0", "Jane Doe", "stp_5551234567"]
    fast = V.scan_cells(cells, ids)
    assert sum(bool(f) for f in fast) > 400  # the planted forms are found
    monkeypatch.setattr(V.scan, "_PSEUDONYM_CELL", re.compile(r"(?!)"))  # every cell through the general path
    assert V.scan_cells(cells, ids) == fast


def _identifier_state(ids):
    len(ids)  # compacts the pending forms
    fams = {f: (getattr(ids, f).hashes.tolist(), getattr(ids, f).types.tolist()) for f in ("words", "digits", "codes")}
    return fams, dict(ids._first), set(ids._digit_lengths), ids._max_code


@pytest.mark.parametrize("seed", [0, 1])
def test_add_array_equals_add_many(seed):
    """The vectorized forms (Arrow compute, ASCII values of code, digit, address and e-mail types; the rest via
    _forms) are exactly add_many's: same hashes with the same types, first-token lengths, digit lengths, longest
    code and value count; and a cache written from add_array read back through add_form_array gives them too."""
    import random
    import string

    import pyarrow.compute as pc

    from redaction import verify

    rnd = random.Random(seed)
    words = ["street", "St", "apt", "UNIT", "north", "Main", "ave", "Avenue", "spc", "lot", "5", "12B", "trailer",
             "space", "ste", "rm", "Ramírez", "Łukasz"]
    alpha = string.ascii_letters + string.digits + " -./#,()\t\x1c_&@" + "éŁ٣²ß"

    def value() -> str:
        r = rnd.random()
        if r < 0.2:
            return "".join(rnd.choice("0123456789 -().+x٣²") for _ in range(rnd.randint(0, 16)))
        if r < 0.5:
            return " ".join(rnd.choice(words + [f"x{rnd.randint(0, 99)}"]) for _ in range(rnd.randint(0, 7)))
        return "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 25)))

    fixed = ["", "   ", "\x1c", None, "123 Main Street Apt 5", "APT 5 MAIN ST", "12 a b apt 3 apt 4",
             "(555) 123-4567", "+1 555.123.4567", "123-45-6789", "7ABC-123", "1987-03-14"]
    for et in sorted(verify.KNOWN_TYPES):
        vals = [value() for _ in range(1500)] + fixed
        want = verify.IdentifierSet()
        want.add_many(et, [v for v in dict.fromkeys(vals) if v is not None])
        got = verify.IdentifierSet()
        forms = got.add_array(et, pa.array(vals, pa.string()))
        back = verify.IdentifierSet()
        for fam in ("words", "digits", "codes"):
            back.add_form_array(et, fam, forms.column("form").filter(pc.equal(forms.column("family"), fam)))
        assert len(want) > 10
        assert _identifier_state(got) == _identifier_state(want), et
        assert _identifier_state(back) == _identifier_state(want), et
        assert got.source_values == want.source_values


def test_sweep_prefilter_misses_nothing():
    """Cells skipped by the vectorized prefilter are exactly cells where no sweep matches: every cell with a sweep
    finding (SSN, phone, e-mail, DOB, VIN shapes among noise, ASCII or not) is among those swept."""
    import random

    from redaction import verify

    rnd = random.Random(7)
    pieces = ["123-45-6789", "(555) 123-4567", "555.123.4567", "+1 555 123 4567", "555-1234567", "a@b.co",
              "x.y+z@mail.example.org", "DOB 3/14/1987", "d.o.b: 1987-03-14", "Born March 14, 1987", "birthdate 03-14-87",
              "1HGCM82633A004352", "1hgcm82633a004352", "JH4DA9350LS000000", "٣٣٣-٤٤-٥٥٥٥", "５５５-１２３-４５６７",
              "dob", "stp_0123456789abcdef", "12 Oak St", "case 19-358", "ABC1234", " ", "-", "555 1234", "ĸ@x.io"]
    cells = []
    for _ in range(3000):
        parts = [rnd.choice(pieces) for _ in range(rnd.randint(1, 3))]
        sep = rnd.choice([" ", ", ", "", "-", "\u00a0", "\x1c"])
        cells.append(sep.join(parts))
    swept = set(verify._may_sweep(cells))
    hits = {i for i, c in enumerate(cells) if verify.sweep_text(c)}
    assert len(hits) > 1000 and len(swept) < len(cells)
    assert hits <= swept
    assert verify.scan_cells(cells, verify.IdentifierSet()) == [verify.sweep_text(c) for c in cells]


def test_the_verifier_searches_the_surname_of_last_first_names():
    """"PRZYBYLSKI, GUADALUPE": the surname is the part before the comma, not the last word."""
    from redaction.verify import IdentifierSet, scan_cell

    ids = IdentifierSet()
    ids.add("PERSON", "PRZYBYLSKI, GUADALUPE")
    ids.add("PERSON", "de la Cruz, Maria")
    assert scan_cell("later Przybylski left", ids) == {"PERSON"}
    assert scan_cell("later DE LA CRUZ left", ids) == {"PERSON"}
    assert scan_cell("later [PERSON 1] left", ids) == set()


@pytest.mark.parametrize("name", ["WEST, JOHN", "John West", "west, john", "Mr. John West Jr."])
def test_the_record_check_sees_every_name_word(name):
    """Per record: every word of its own name fields (3+ letters, common words included), in any order/case."""
    from redaction.verify import scan_record_text

    for text in ["Later WEST said", "then john left", "Mr. [PERSON 1] headed West"]:
        assert scan_record_text(text, [name]), text
    assert scan_record_text("Later [PERSON 1] said [PERSON 2] left", [name]) == set()
    assert scan_record_text("anything", []) == set()


def test_the_record_check_property():
    import random

    from redaction.verify import scan_record_text

    rng = random.Random(11)
    for _ in range(50):
        first, last = rng.choice(["Ana", "Kenji", "Ngozi"]), rng.choice(["Ford", "Przybylski", "Young", "Ríos"])
        name = rng.choice([f"{last}, {first}", f"{first} {last}", f"{last.upper()}, {first.upper()}"])
        word = rng.choice([first, last])
        text = f"later {rng.choice([word.lower(), word.upper(), word])} was seen"
        assert scan_record_text(text, [name]), (name, text)


def test_declared_code_values_and_constants_are_not_alarms_but_the_same_names_elsewhere_are():
    """Officers named White, Black, Washington and Force: a cell that is exactly a declared race label, allegation
    type or source constant is no leak (5,407 false alarms blocked a real release); the same names in text, or
    beside other words, still are."""
    raw = pd.DataFrame({"officer": ["Mary WHITE", "Tom Black", "Ann Washington", "Joe Force"]})
    table = pd.DataFrame({
        "race": ["White", "Black", "WHITE", "black"],
        "agency": ["Washington County Sheriff's Office"] * 2 + ["washington  county sheriff's office"] * 2,
        "allegation": ["Force", "Force", "Demeanor", "Force"],
        "summary": ["Ofc. White used force", "Black said so", "called Washington", "Force was used"],
    })
    ids = collect_identifiers(raw, {"officer": "PERSON"})
    before = scan_table("complaints", table, ids, sweep_patterns=False)
    # the false alarms: race labels, allegation types, the agency's name (a constant) holding a surname
    assert {f.column for f in before.findings} == {"race", "agency", "allegation", "summary"}
    ids.declare(["White", "Black", "Force", "Demeanor", "Washington County Sheriff's Office", None])
    after = scan_table("complaints", table, ids, sweep_patterns=False)
    assert sorted((f.row, f.column) for f in after.findings) == [(0, "summary"), (1, "summary"), (2, "summary"),
                                                                 (3, "summary")]
    ids.declare(["Washington"])  # a constant equal to a whole cell: that cell only
    assert not scan_table("x", pd.DataFrame({"agency": ["Washington"]}), ids, sweep_patterns=False).findings
    assert scan_table("x", pd.DataFrame({"t": ["Washington said"]}), ids, sweep_patterns=False).findings


def test_declared_values_come_from_the_specs_code_labels_constants_and_enums():
    """The verifier's declared values are read from the specs: every source's `map` labels (code tables
    included), constants and defaults, and the public schema's allowed values; never a record value."""
    from pipelines.specs import load_specs

    specs = {s.name: s for s in load_specs()}
    complaints = specs["complaints"].declared_values()
    assert {"White", "Black", "Force", "Detroit Police Department", "Sustained"} <= complaints
    stops = specs["stops"].declared_values()
    assert {"Terry stop", "Seattle Police Department", "Multiracial"} <= stops
    incidents = specs["incidents"].declared_values()
    assert "St. Louis Metropolitan Police Department" in incidents
    assert len(incidents) > 10  # the UCR code table's labels


def test_verifier_is_a_package_of_identifiers_and_scan():
    import redaction.verify as V

    assert V.scan.scan_column is V.scan_column and V.identifiers.IdentifierSet is V.IdentifierSet
    assert b"def scan_hits" in V.code_bytes() and b"def array_forms" in V.code_bytes()


def test_the_stage_gathers_identifiers_with_the_specs_declared_values(tmp_path):
    """The release's verifier (`stages.gather_identifiers`) skips the dataset's declared values, and only them."""
    from pipelines import stages
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore
    from redaction.verify import normalize_words

    spec = next(s for s in load_specs() if s.name == "complaints")
    ids = stages.gather_identifiers(PrivateStore.local(tmp_path / "private"), spec, [])
    assert ids.declared == {w for v in spec.declared_values() if (w := normalize_words(v)).strip()}
    assert {" white ", " black ", " force ", " detroit police department "} <= ids.declared
