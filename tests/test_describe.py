"""`describe` on export shapes seen in real agency files: banner and footer rows, records under a key, Esri JSON,
12-hour dates, missing-value markers, exact duplicate rows. It never prints a personal value."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipelines import describe as dsc
from pipelines import describe_draft
from pipelines.readers import read_export, read_headers
from pipelines.specs import load_specs

REPO = Path(__file__).resolve().parent.parent
NAMES = ["Jordan Whitfield", "Maria Okonkwo", "Dana Kowalczyk", "Luis Fernandez-Arriaga"]


def _rows(n: int, seed: int = 3) -> list[list[str]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        hour = rnd.randint(1, 12)
        out.append([
            f"R{100000 + i}",
            f"{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}/2021 {hour:02d}:{rnd.randint(0, 59):02d}:00 "
            + rnd.choice(["AM", "PM"]),
            rnd.choice(["W", "B", "H", "A"]),
            rnd.choice(["NULL", "-", "Male", "Female"]),
            rnd.choice(NAMES) + f" {i}",
        ])
    return out


HEADER = ["Report ID", "Report Date", "Race", "Sex", "Subject Name"]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [HEADER, *rows]) + "\n")
    return path


def test_csv_types_markers_codes_keys_and_no_personal_value(tmp_path: Path) -> None:
    rows = _rows(300)
    d = dsc.describe(_csv(tmp_path / "stops_new_agency.csv", rows), load_specs())
    by = {c.name: c for c in d.columns}
    assert by["Report Date"].type == "datetime" and by["Report Date"].format == "%m/%d/%Y %I:%M:%S %p"
    assert set(by["Sex"].markers) == {"NULL", "-"} and by["Sex"].codes is not None
    assert set(by["Race"].codes or {}) == {"W", "B", "H", "A"}
    assert by["Subject Name"].codes is None and by["Subject Name"].distinct == 300
    few = dsc.describe_column("Officer Name", [NAMES[i % 4] for i in range(200)])
    assert few.codes is None and few.distinct == 4  # repeated names are still names
    assert dsc.describe_column("Race", ["W", "B"] * 10).codes is None  # too few rows to call them codes
    assert d.keys[0] == ["Report ID"]
    text = "\n".join(dsc.report_lines(d))
    assert not any(r[4] in text or r[0] in text for r in rows), "a personal value was printed"
    assert "'%m/%d/%Y %I:%M:%S %p'" in text and "'NULL'" in text


def test_xlsx_banner_and_footer_rows(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for title in ["MINISTRY OF SOMETHING", "", "STATISTICS OFFICE", "PERIOD 2025"]:
        ws.append([title])
    ws.append(HEADER)
    rows = _rows(40)
    for r in rows:
        ws.append(r)
    ws.append(["SOURCE: a note about the data, extracted on some day"])
    ws.append(["Prepared by: someone"])
    p = tmp_path / "banner.xlsx"
    wb.save(p)
    d = dsc.describe(p)
    assert (d.header_row, d.footer_rows, d.rows) == (5, 2, 40)
    assert read_headers(p) == HEADER  # the reader finds the header under the banner by itself
    contract = {"fields": [{"name": h} for h in HEADER]}
    e = read_export(p, contract, footer_rows=2)
    assert e.table.num_rows == 40 and e.row_numbers[0].as_py() == 6 and not e.issues


@pytest.mark.parametrize("shape", ["under_key", "esri", "geojson", "socrata"])
def test_json_records_under_a_key_and_esri(tmp_path: Path, shape: str) -> None:
    recs = [{"caseId": f"C{i}", "closedOn": 1619000000000 + i * 86_400_000, "status": ["Open", "Closed"][i % 2]}
            for i in range(30)]
    doc: dict = {
        "under_key": {"closingReports": recs},
        "esri": {"objectIdFieldName": "RowID", "fields": [], "features": [{"attributes": r} for r in recs],
                 "exceededTransferLimit": True},
        "geojson": {"type": "FeatureCollection", "features": [{"properties": r, "geometry": None} for r in recs]},
        "socrata": {"meta": {"view": {"columns": [{"name": k} for k in recs[0]]}},
                    "data": [list(r.values()) for r in recs]},
    }[shape]
    p = tmp_path / "export.json"
    p.write_text(json.dumps(doc, indent=4))
    d = dsc.describe(p)
    assert d.rows == 30 and [c.name for c in d.columns] == ["caseId", "closedOn", "status"]
    assert d.record_path == {"under_key": "closingReports", "esri": "features[].attributes",
                             "geojson": "features[].properties"}.get(shape)
    assert {c.name: (c.type, c.format) for c in d.columns}["closedOn"] == ("datetime", "epoch_ms")


def test_duplicate_rows_suggest_a_surrogate_key(tmp_path: Path) -> None:
    rows = _rows(50)
    rows = [[r[1], r[2], r[3]] for r in rows]
    rows += rows[:5]
    p = tmp_path / "dups.csv"
    p.write_text("\n".join(",".join(r) for r in [["When", "Race", "Sex"], *rows]) + "\n")
    d = dsc.describe(p)
    assert d.duplicate_rows == 5 and not d.keys
    assert "content_hash" in "\n".join(dsc.report_lines(d))


def test_cli_describe_writes_drafts_that_parse(tmp_path: Path) -> None:
    p = _csv(tmp_path / "stops_new_agency.csv", _rows(100))
    out = tmp_path / "drafts"
    r = subprocess.run([sys.executable, "-m", "pipelines.cli", "describe", str(p), "--out", str(out)],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "closest contracts" in r.stdout and "Subject Name" in r.stdout
    assert not any(n in r.stdout + r.stderr for n in NAMES)
    mapping = yaml.safe_load((out / "stops_new_agency.mapping.yaml").read_text())
    contract = yaml.safe_load((out / "stops_new_agency.contract.yaml").read_text())
    assert mapping["dataset"] == "stops" and mapping["contract"] == "stops_new_agency.contract.yaml"
    assert [f["name"] for f in contract["fields"]] == HEADER
    assert "NULL" in contract["missingValues"]
    # code values are paired with the values the dataset publishes where the match is plain (W -> White)
    race = mapping["fields"]["subject_race"]  # reused from a shipped source with a `Race` column: its whole map
    assert race["from"] == "Race" and {"W": "White", "B": "Black", "H": "Hispanic", "A": "Asian"}.items() <= race[
        "map"].items()
    # this file's codes missing from the reused map are added, paired with the published values
    assert {"Male": "Male", "Female": "Female"}.items() <= mapping["fields"]["subject_sex"]["map"].items()


def test_duplicated_labels_and_sep_line(tmp_path: Path) -> None:
    p = tmp_path / "dup.csv"
    p.write_text("sep=,\nID,Race,Race,When,,\n" + "".join(f"{i},W,B,2020-01-0{i % 9 + 1},,\n" for i in range(60)))
    d = dsc.describe(p)
    assert d.header_row == 2 and d.duplicated_labels == ["Race"]
    assert [c.name for c in d.columns] == ["ID", "When"] and d.rows == 60
    assert "closest contracts: none shares a column" in "\n".join(dsc.report_lines(d))


def test_draft_reuses_the_mapping_of_a_shared_header_with_its_code_table(tmp_path: Path) -> None:
    """A new agency exporting the same system's columns as a shipped source (St. Louis here): the draft reuses
    that source's mapping of each shared column (format, extract, code table copied beside the draft), declares
    the published columns it could not map as `absent` (a TODO), and a 14-digit case number is no epoch time."""
    rnd = random.Random(7)
    header = ["CodedMonth", "Crime", "District", "Neighborhood", "Ref", "Notes"]
    rows = [[f"2024-{rnd.randint(1, 12):02d}", rnd.choice(["10000", "31111", "60100"]), str(rnd.randint(1, 9)),
             str(rnd.randint(1, 80)), f"2024{rnd.randint(10**9, 10**10 - 1)}", "x"] for _ in range(120)]
    p = tmp_path / "incidents_newtown.csv"
    p.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n")
    d = dsc.describe(p, load_specs())
    assert next(c for c in d.columns if c.name == "Ref").type == "integer"
    out = tmp_path / "drafts"
    written = {w.name for w in describe_draft.write_drafts(d, load_specs(), out)}
    assert "ucr_offense.csv" in written
    text = (out / "incidents_newtown.mapping.yaml").read_text()
    mapping = yaml.safe_load(text)
    assert mapping["fields"]["reported_at"] == {"from": "CodedMonth", "format": "%Y-%m"}
    assert mapping["fields"]["offense"]["map_file"] == "ucr_offense.csv"
    assert "# as in st_louis_mpd_monthly_crimes: check" in text
    assert mapping["absent"] == ["case_number"] and "TODO" in text.split("absent:")[1].splitlines()[0]
    assert mapping["precision"] == {"reported_at": "month"}  # declared by the source reused


def test_code_columns_are_paired_by_their_values_whatever_their_label(tmp_path: Path) -> None:
    """Labels such as `ofcrSex` or `PerceivedGndr` share no word with `officer_sex` / `subject_sex`: a code column
    whose values are mostly a target's published values is drafted for it (the closest label wins a tie)."""
    rnd = random.Random(11)
    header = ["Stop Ref", "PerceivedGndr", "ofcrGndr"]
    rows = [[f"S{i:05d}", rnd.choice(["M", "F", "Male"]), rnd.choice(["M", "F"])] for i in range(200)]
    p = tmp_path / "stops_othertown.csv"
    p.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n")
    out = tmp_path / "drafts"
    describe_draft.write_drafts(dsc.describe(p, load_specs()), load_specs(), out)
    fields = yaml.safe_load((out / "stops_othertown.mapping.yaml").read_text())["fields"]
    assert fields["subject_sex"] == {"from": "PerceivedGndr", "map": {"M": "Male", "F": "Female", "Male": "Male"}}


def test_the_event_time_is_drafted_from_a_date_column_and_the_time_beside_it(tmp_path: Path) -> None:
    """No label names `occurred_at`: the dataset's event time is drafted from the first date column, joined with
    the time column of the same name (`Day Stopped` + `Time Stopped`), with their formats, marked to check."""
    rnd = random.Random(5)
    header = ["Ref", "Day Stopped", "Time Stopped"]
    rows = [[f"S{i:05d}", f"{rnd.randint(1, 12):02d}/{rnd.randint(1, 28):02d}/2020",
             f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}"] for i in range(150)]
    p = tmp_path / "stops_thirdtown.csv"
    p.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n")
    out = tmp_path / "drafts"
    describe_draft.write_drafts(dsc.describe(p, load_specs()), load_specs(), out)
    text = (out / "stops_thirdtown.mapping.yaml").read_text()
    mapping = yaml.safe_load(text)
    assert mapping["fields"]["occurred_at"] == {"from": ["Day Stopped", "Time Stopped"], "format": "%m/%d/%Y %H:%M"}
    assert "TODO: check: the first date column" in text and "occurred_at" not in mapping["absent"]
