"""Synthetic sample exports: deterministic, realistic personal data, contracts and mappings that ingest them.

Files are generated into tmp_path; the two real samples are read from ../shared/real-samples when present.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import demo as samplegen
from demo import EXPORTS, generate, generate_samples, planted_values, vin_check_digit
from pipelines.config import REPO_ROOT

ROWS = 300
REAL_DIR = REPO_ROOT.parent / "shared" / "real-samples"
REAL = {
    "seattle_pd_terry_stops": REAL_DIR / "stops_seattle_terry_sample2000.csv",
    "detroit_bopc_complaints": REAL_DIR / "complaints_detroit_sample2000.csv",
}


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    generate(out, rows=ROWS, seed=7)
    return out


@pytest.fixture(scope="module")
def samples() -> samplegen.SampleSet:
    return generate_samples(rows=ROWS, seed=7)


def raw_text(path: Path) -> str:
    """The export as text an attacker would grep: decoded CSV/JSONL, or every XLSX cell joined."""
    spec = next(s for s in EXPORTS.values() if s.filename == path.name)
    if spec.format == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        cells = []
        for row in wb[spec.sheet].iter_rows(values_only=True):
            for c in row:
                if c is not None:
                    cells.append(c.date().isoformat() if hasattr(c, "date") and c.hour == c.minute == 0 else str(c))
        wb.close()
        return "\n".join(cells)
    raw = path.read_bytes()
    if path.name == "rivertown_stops.csv":
        return raw.decode("cp1252")
    return raw.decode("utf-8-sig")


def headers_of(path: Path) -> list[str]:
    spec = next(s for s in EXPORTS.values() if s.filename == path.name)
    if spec.format == "jsonl":
        return list(json.loads(path.read_text(encoding="utf-8").splitlines()[0]))
    if spec.format == "xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        head = [str(h) for h in next(wb[spec.sheet].iter_rows(max_row=1, values_only=True))]
        wb.close()
        return head
    enc = "cp1252" if path.name == "rivertown_stops.csv" else "utf-8-sig"
    return next(csv.reader(io.StringIO(path.read_bytes().decode(enc), newline="")))


def csv_rows(path: Path, enc: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode(enc), newline="")))


# ---------------------------------------------------------------------------------------------- files


def test_six_files_two_agencies_per_dataset(sample_dir: Path) -> None:
    names = sorted(p.name for p in sample_dir.iterdir())
    assert names == sorted(s.filename for s in EXPORTS.values())
    per_dataset = Counter(s.dataset for s in EXPORTS.values())
    assert per_dataset == {"stops": 2, "incidents": 2, "complaints": 2}
    for ds in per_dataset:
        assert len({s.agency for s in EXPORTS.values() if s.dataset == ds}) == 2


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    a, b, c = (generate(tmp_path / d, rows=60, seed=s) for d, s in (("a", 3), ("b", 3), ("c", 4)))
    for pa_, pb, pc in zip(a, b, c, strict=True):
        assert pa_.read_bytes() == pb.read_bytes(), pa_.name
        assert pa_.read_bytes() != pc.read_bytes(), pa_.name


def test_one_source_alone_gives_the_same_file(tmp_path: Path) -> None:
    full = {p.name: p.read_bytes() for p in generate(tmp_path / "all", rows=40)}
    [one] = generate(tmp_path / "one", rows=40, sources=["harbor_city_incidents"])
    assert one.read_bytes() == full[one.name]
    with pytest.raises(ValueError):
        generate(tmp_path / "x", rows=5, sources=["nope"])


def test_formats_encodings_and_timestamp_styles(sample_dir: Path) -> None:
    rs = (sample_dir / "rivertown_stops.csv").read_bytes()
    assert b"\r\n" in rs and not rs.startswith(b"\xef\xbb\xbf")
    rs.decode("cp1252")
    rows = csv_rows(sample_dir / "rivertown_stops.csv", "cp1252")
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4}", r["STOP_DATE"]) for r in rows)
    assert all(re.fullmatch(r"\d\d:\d\d [AP]M", r["STOP_TIME"]) for r in rows)

    ri = (sample_dir / "rivertown_incidents.csv").read_bytes()
    assert ri.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(sample_dir / "rivertown_incidents.csv", "utf-8-sig")
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d [AP]M", r["REPORTED_DT"]) for r in rows)

    recs = [json.loads(line) for line in (sample_dir / "lakeview_stops.jsonl").read_text("utf-8").splitlines()]
    assert len(recs) == ROWS
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", r["stopDateTime"]) for r in recs)
    assert {type(r["frisked"]) for r in recs} == {bool}

    from openpyxl import load_workbook

    wb = load_workbook(sample_dir / "harbor_city_incidents.xlsx", read_only=True)
    assert wb.sheetnames == ["Incidents"]
    first = next(wb["Incidents"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert type(first[1]).__name__ == "datetime"  # a real Excel date cell, not text
    assert wb.properties.created.year == 2025 and wb.properties.modified == wb.properties.created
    wb.close()


def test_records_span_twelve_to_eighteen_months(samples: samplegen.SampleSet) -> None:
    date_col = {"rivertown_stops": 1, "lakeview_stops": 1, "rivertown_incidents": 1, "harbor_city_incidents": 1,
                "lakeview_complaints": 2, "harbor_city_complaints": 2}
    for f in samples.files:
        months = set()
        for r in f.rows:
            v = r[date_col[f.spec.source]]
            m = re.match(r"(\d{4})-(\d\d)", str(v)) or re.match(r"(\d{1,2})/\d{1,2}/(\d{4})", str(v))
            assert m, f.spec.source
            months.add(m.groups())
        assert 12 <= len(months) <= 18, (f.spec.source, len(months))


# ---------------------------------------------------------------------------------------------- personal data


def test_planted_values_present_in_raw_files(sample_dir: Path, samples: samplegen.SampleSet) -> None:
    for f in samples.files:
        text = raw_text(sample_dir / f.spec.filename)
        assert len(f.planted) > ROWS, f.spec.source
        # split name columns (SUBJ_LAST + SUBJ_FIRST) are planted joined, the way the pipeline holds them
        split = f.spec.source in ("rivertown_stops", "lakeview_stops", "lakeview_complaints")
        missing = [v for v in f.planted if v not in text
                   and not (split and all(part in text for part in re.split(r",? ", v)))]
        assert not missing, (f.spec.source, len(missing))


def test_planted_values_recovered_from_files(sample_dir: Path, samples: samplegen.SampleSet) -> None:
    from_records = planted_values(samples)
    from_files = planted_values(sample_dir)
    assert from_records and from_records <= from_files
    assert len(from_files - from_records) < 0.02 * len(from_records)  # only accidental extra matches


def test_planted_values_cover_every_kind(samples: samplegen.SampleSet) -> None:
    planted = planted_values(samples)
    kinds = {
        "ssn": r"^\d{3}-\d{2}-\d{4}$",
        "vin": r"^[A-HJ-NPR-Z0-9]{17}$",
        "email": r"^[a-z0-9.]+@[a-z.]*example\.(com|net|org)$",
        "phone_paren": r"^\(\d{3}\) \d{3}-\d{4}$",
        "phone_dots": r"^\d{3}\.\d{3}\.\d{4}$",
        "dob_us": r"^\d\d/\d\d/(19|20)\d\d$",
        "dob_iso": r"^(19|20)\d\d-\d\d-\d\d$",
        "dob_short": r"^\d{1,2}/\d{1,2}/\d\d$",
        "address_unit": r"^\d+ .* (Apt|APT|Unit|UNIT) \w+$",
        "plate_wa": r"^[A-Z]{3}\d{4}$",
        "dl_wa": r"^WDL[A-Z0-9]{9}$",
        "name_last_first_caps": r"^[A-ZÀ-Ý' -]+, [A-ZÀ-Ý' -]+$",
        "name_last_first": r"^[A-Z][a-zà-ÿ'A-Z -]+, [A-Z][a-zà-ÿ -]+$",
        "officer_narrative": r"^Ofc\. [A-Z' -]+$",
        "victim_narrative": r"^V/[A-Z' -]+",
    }
    for kind, pat in kinds.items():
        assert any(re.match(pat, v) for v in planted), kind


def test_vins_have_valid_check_digits_and_ssns_valid_structure(samples: samplegen.SampleSet) -> None:
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"  # NHTSA worked example
    vins = [v for v in planted_values(samples) if re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v)]
    assert len(vins) > 50
    assert all(vin_check_digit(v) == v[8] for v in vins)
    ssns = [v for v in planted_values(samples) if re.fullmatch(r"\d{3}-\d{2}-\d{4}", v)]
    assert ssns and all(v[:3] not in ("000", "666") and v[0] != "9" and v[4:6] != "00" for v in ssns)


def test_name_forms_and_origins(sample_dir: Path) -> None:
    stops = csv_rows(sample_dir / "rivertown_stops.csv", "cp1252")
    assert all(r["SUBJ_LAST"] == r["SUBJ_LAST"].upper() and r["SUBJ_FIRST"].isupper() for r in stops)
    inc = csv_rows(sample_dir / "rivertown_incidents.csv", "utf-8-sig")
    assert all(re.fullmatch(r"[^,a-z]+, [^,a-z]+", r["V_NAME"]) for r in inc)  # LAST, FIRST in caps
    comp = csv_rows(sample_dir / "harbor_city_complaints.csv", "utf-8")
    assert all(re.fullmatch(r"[^,a-z]+, .*[a-z].*", r["Complainant"]) for r in comp)  # LAST, First
    # names of many origins: at least 12 of the 14 pools appear in 6 x 300 records
    text = "\n".join(raw_text(sample_dir / s.filename) for s in EXPORTS.values()).upper()
    seen = [o for o, (_, _, surnames, _) in samplegen.people._ORIGINS.items()
            if any(s.upper() in text for s in surnames)]
    assert len(seen) >= 12, seen
    assert any(ch in text for ch in "ÑÁÉÍÓÚŚŁ")  # diacritics survive in UTF-8 exports


def test_narratives_mention_the_records_own_people_and_places(sample_dir: Path) -> None:
    inc = csv_rows(sample_dir / "rivertown_incidents.csv", "utf-8-sig")
    with_victim_name = sum(r["V_NAME"].split(", ")[0] in r["NARRATIVE"] for r in inc)
    with_victim_addr = sum(r["V_ADDR"] in r["NARRATIVE"] for r in inc)
    with_incident_addr = sum(r["INC_ADDR"] in r["NARRATIVE"] for r in inc)
    with_plate = sum(bool(r["VEH_PLATE"]) and r["VEH_PLATE"] in r["NARRATIVE"] for r in inc)
    with_officer = sum(f"OFC. {r['RPT_OFFICER'].split(', ')[0]} #{r['BADGE_NO']}" in r["NARRATIVE"].upper() for r in inc)
    assert with_victim_name == len(inc) and with_victim_addr == len(inc) and with_officer == len(inc)
    assert with_incident_addr > 0.3 * len(inc) and with_plate > 0.05 * len(inc)
    assert any(re.search(r"\b\d{4} hrs\b", r["NARRATIVE"]) for r in inc)
    assert any("block of" in r["NARRATIVE"] for r in inc)
    caps = sum(r["NARRATIVE"].isupper() for r in inc)
    assert 0.15 * len(inc) < caps < 0.5 * len(inc)  # some narratives come from an ALL CAPS terminal
    comp = csv_rows(sample_dir / "harbor_city_complaints.csv", "utf-8")
    assert sum(r["Comp Phone"] in r["Allegation Summary"] for r in comp) == len(comp)


def test_bad_rows_are_planted_where_reported() -> None:
    s = generate_samples(rows=50, seed=1, bad_rows=4)
    clean = generate_samples(rows=50, seed=1)
    for f, c in zip(s.files, clean.files, strict=True):
        assert len(f.bad_positions) == 4
        diff = [i for i, (a, b) in enumerate(zip(f.rows, c.rows, strict=True)) if a != b]
        assert diff == f.bad_positions, f.spec.source


def test_cli_writes_files(tmp_path: Path) -> None:
    assert samplegen.main(["--out", str(tmp_path), "--rows", "5", "--seed", "2", "--source", "lakeview_stops"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["lakeview_stops.jsonl"]


# ---------------------------------------------------------------------------------------------- contracts


def _contract(name: str) -> dict:
    from pipelines.specs import load_specs

    path = next(s.contract_path for spec in load_specs() for s in spec.sources if s.name == name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", sorted(EXPORTS))
def test_contract_describes_the_generated_headers(sample_dir: Path, source: str) -> None:
    contract = _contract(source)
    names = [f["name"] for f in contract["fields"]]
    headers = headers_of(sample_dir / EXPORTS[source].filename)
    required = [f["name"] for f in contract["fields"] if (f.get("constraints") or {}).get("required")]
    assert required and set(required) <= set(headers)
    assert headers == names  # every column is declared, in order


@pytest.mark.parametrize("source", sorted(REAL))
def test_contract_describes_the_real_sample_headers(source: str) -> None:
    path = REAL[source]
    if not path.exists():
        pytest.skip("real samples not available")
    headers = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert [f["name"] for f in _contract(source)["fields"]] == headers


def test_source_names_unique_and_every_export_has_a_source() -> None:
    from pipelines.specs import load_specs

    specs = load_specs()
    names = [s.name for spec in specs for s in spec.sources]
    assert len(names) == len(set(names))
    for src in EXPORTS.values():
        spec = next(sp for sp in specs if sp.name == src.dataset)
        s = spec.source(src.source)
        assert s.format == src.format and s.sheet == src.sheet and s.agency == src.agency


# ---------------------------------------------------------------------------------------------- ingest


@functools.cache
def _specs() -> list:
    from pipelines.specs import load_specs

    return load_specs()


def _ingest(path: Path) -> tuple[str, object, object]:
    """identify -> read -> validate against the source contract -> standardize. Returns (source, result, report)."""
    from pipelines import tableschema
    from pipelines.readers import read_export
    from pipelines.stages import identify_export
    from pipelines.standardize import standardize

    m = identify_export(path, _specs())
    src, spec = m.source, m.spec
    et = read_export(path, src.contract, fmt=src.format, sheet=src.sheet)
    assert not et.issues and et.blank_rows == 0
    report = tableschema.validate(et.table, src.contract, row_numbers=et.row_numbers)
    res = standardize(et.table, src.fields, spec.standardized_types,
                      source_missing=[str(m) for m in src.contract.get("missingValues", [""])], source_name=src.name)
    return src.name, res, report


def _public_enums(dataset: str) -> dict[str, set[str]]:
    """standardized column -> allowed public values, for public fields kept as they are."""
    spec = next(s for s in _specs() if s.name == dataset)
    out = {}
    for f in spec.schema["fields"]:
        enum = (f.get("constraints") or {}).get("enum")
        col = spec.policy["columns"][f["name"]]
        if enum and col.get("treatment") == "keep":
            out[col["source"]] = set(enum)
    return out


def _check_standardized(dataset: str, res) -> None:
    frame = res.frame
    for col, allowed in _public_enums(dataset).items():
        values = set(frame[col].dropna().unique())
        assert values <= allowed, (dataset, col, values - allowed)


@pytest.mark.parametrize("source", sorted(EXPORTS))
def test_generated_exports_ingest_with_no_quarantine(sample_dir: Path, source: str) -> None:
    name, res, report = _ingest(sample_dir / EXPORTS[source].filename)
    assert name == source
    assert report.row_reasons() == {}
    assert res.row_reasons == {}
    assert len(res.frame) == ROWS
    _check_standardized(EXPORTS[source].dataset, res)
    temporal = {"stops": "occurred_at", "incidents": "reported_at", "complaints": "received_at"}
    col = res.frame[temporal[EXPORTS[source].dataset]]
    assert col.notna().all() and col.dt.to_period("M").nunique() >= 12


@pytest.mark.parametrize("source", sorted(REAL))
def test_real_samples_ingest_with_no_quarantine(source: str) -> None:
    path = REAL[source]
    if not path.exists():
        pytest.skip("real samples not available")
    name, res, report = _ingest(path)
    assert name == source
    assert report.row_reasons() == {}
    assert res.row_reasons == {}
    dataset = "stops" if "stops" in source else "complaints"
    _check_standardized(dataset, res)
    # real records: every assertion compares counts only, so a failure never prints a value
    f = res.frame
    n = len(f)
    if source == "seattle_pd_terry_stops":
        assert int(f["occurred_at"].notna().sum()) == n
        assert int((f["occurred_at"].dt.second != 0).sum()) == 0  # 7-digit fractions dropped, not rounded
        assert int(f["subject_age_group"].notna().sum()) > 0.9 * n
        assert int(f["outcome"].isin(["Arrest", "Field contact"]).sum()) == n
        assert int((f["stop_reason"] == "Terry stop").sum()) > 0 and int((f["stop_reason"] == "Call for service").sum()) > 0
        assert int(f["case_number"].notna().sum()) == n and int(f["officer_badge"].notna().sum()) == n
        assert int(f["subject_ref"].isna().sum()) > 0  # NULL is missing, not the string "NULL"
        assert int((f["beat"] == "NULL").sum()) == 0 and int((f["subject_sex"] == "-").sum()) == 0
    else:
        assert int(f["received_at"].notna().sum()) == n and bool(f["allegation_ref"].is_unique)
        assert int((f["intake_method"] == "Outside agency").sum()) >= 15  # includes the "Outside agendy" typo
        assert int((f["complainant_age"] <= 0).sum()) == 0  # 0 and -1 are "not recorded"
        assert int(f["officer_race"].isna().sum()) <= 1 and int(f["officer_sex"].isna().sum()) <= 1


def test_bad_rows_are_quarantined_and_only_them(tmp_path: Path) -> None:
    generate(tmp_path, rows=80, seed=5, bad_rows=3)
    for source, spec in EXPORTS.items():
        _, res, report = _ingest(tmp_path / spec.filename)
        assert report.row_reasons() == {}
        assert len(res.row_reasons) == 3, source
        codes = {r.split(":")[0] for rs in res.row_reasons.values() for r in rs}
        assert codes == {"type-error", "unmapped-code"}, source
