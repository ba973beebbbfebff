"""Every planted personal value as written, read back from the files: what no-leak tests search the releases for."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from demo.exports import EXPORTS, ExportSpec, SampleSet, _plant, _planted_forms_in
from demo.values import _smart_title, address_forms, dob_forms, name_forms, phone_forms


def _read_rows(path: Path, spec: ExportSpec) -> tuple[list[str], list[list[str]]]:
    """Read a generated export back as strings with plain libraries (csv / json / openpyxl)."""
    if spec.format == "csv":
        raw = path.read_bytes()
        enc = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else ("utf-8" if _is_utf8(raw) else "cp1252")
        rows = list(csv.reader(io.StringIO(raw.decode(enc), newline="")))
        return rows[0], rows[1:]
    if spec.format == "jsonl":
        recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        header = list(recs[0]) if recs else list(EXPORTS_HEADERS.get(spec.source, []))
        return header, [["" if r.get(h) is None else str(r.get(h)) for h in header] for r in recs]
    wb = load_workbook(path, read_only=True)
    ws = wb[spec.sheet] if spec.sheet else wb.active
    it = ws.iter_rows(values_only=True)
    header = [str(h) for h in next(it)]
    out = []
    for r in it:
        out.append(["" if c is None else (c.date().isoformat() if isinstance(c, datetime) and
                                           (c.hour, c.minute) == (0, 0) else str(c)) for c in r])
    wb.close()
    return header, out


EXPORTS_HEADERS: dict[str, list[str]] = {}


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _split_name(value: str) -> tuple[str, str] | None:
    if ", " in value:
        last, first = value.split(", ", 1)
        return first, last
    return None


def _from_files(out_dir: Path) -> set[str]:
    """Recover planted values from generated files: PII column values plus their written forms in free text."""
    planted: set[str] = set()
    for spec in EXPORTS.values():
        path = out_dir / spec.filename
        if not path.exists():
            continue
        header, rows = _read_rows(path, spec)
        pos = {h: i for i, h in enumerate(header)}
        pii = [pos[c] for c in spec.pii_columns if c in pos]
        txt = [pos[c] for c in spec.text_columns if c in pos]
        firsts = [pos[c] for c in header if c.endswith(("FirstName", "_FIRST"))]
        lasts = [pos[c] for c in header if c.endswith(("LastName", "_LAST"))]
        for r in rows:
            vals = [r[i] for i in pii if r[i]]
            _plant(planted, vals)
            people: list[tuple[str, str]] = []
            for fi, li in zip(firsts, lasts, strict=True):
                if r[fi] and r[li]:
                    people.append((r[fi], r[li]))
                    _plant(planted, f"{r[li]}, {r[fi]}" if r[fi].isupper() else f"{r[fi]} {r[li]}")
            for v in vals:
                sp = _split_name(v)
                if sp and not any(ch.isdigit() for ch in v):
                    people.append(sp)
            if spec.source == "lakeview_stops" and r[pos["subjectHomeAddress"]]:
                _plant(planted, r[pos["subjectHomeAddress"]].split(",")[0])
            if spec.source == "lakeview_complaints":
                _plant(planted, r[pos["complainantHomeAddress"]].split(",")[0])
                dn = r[pos["deputyName"]]
                _plant(planted, f"Dep. {dn}")
            for ti in txt:
                text = r[ti]
                cands: set[str] = set()
                for first, last in people:
                    cands |= name_forms(first, last) | name_forms(_smart_title(first), _smart_title(last))
                for v in vals:
                    digits = re.sub(r"\D", "", v)
                    if len(digits) == 11 and digits.startswith("1") and v.startswith("+1"):
                        digits = digits[1:]
                    if len(digits) == 10 and not re.search(r"[A-Za-z]", v):
                        cands |= phone_forms(digits)
                    d = _parse_date(v)
                    if d:
                        cands |= dob_forms(d)
                    if re.match(r"^\d+ ", v):
                        cands |= address_forms(v.split(",")[0])
                _plant(planted, _planted_forms_in(text, cands))
    return planted


def _parse_date(v: str) -> date | None:
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    return None


def planted_values(source: str | Path | SampleSet) -> set[str]:
    """Every personal value planted in the exports, as written (names, DOBs, addresses, phones, e-mails,
    SSNs, licences, plates, VINs, officer names), in columns and in free text.

    ``source`` is a :class:`SampleSet` from :func:`generate_samples`, or a folder written by :func:`generate`
    (the values are then recovered from the files themselves). Bare surnames are not included; prefixed forms
    as officers write them are ("V/JOHNSON", "Ofc. SMITH").
    """
    if isinstance(source, SampleSet):
        return set(source.planted)
    return _from_files(Path(source))


