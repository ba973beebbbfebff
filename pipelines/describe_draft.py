"""Drafts written by `describe`: an agency folder's `agency.yaml`, contract and mapping to complete.

Standardized columns are paired with the export's columns by name (and by what the shipped sources already map,
:mod:`pipelines.describe_learned`); codes are paired with the values the dataset publishes. Every guess is marked
for checking; nothing the draft cannot know (the agency's name, a code it cannot pair) is left without a TODO.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pipelines.describe import MONTH_ONLY, Column, Description
from pipelines.describe_learned import copy_code_tables, learn


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")
    s = s if s and s[0].isalpha() else "x_" + s
    return s[:60]


def _q(s: str) -> str:
    """A YAML double-quoted scalar (also for labels like Yes/No that YAML would read as booleans)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.casefold())


def guess_dataset(d: Description, specs: Sequence[Any]) -> Any | None:
    if d.closest and d.closest[0].score >= 0.3:
        return next((s for s in specs if s.name == d.closest[0].dataset), None)
    name = _norm(d.file)
    for s in specs:
        if _norm(s.name) and (name.startswith(_norm(s.name)) or _norm(s.name) in name):
            return s
    return None


_STOP_WORDS = {"at", "of", "the", "a", "an", "and", "or", "by", "in", "to", "no", "nr", "num", "number", "private",
               "agency", "s"}


def _tokens(text: str) -> set[str]:
    """Words of a label: split on non-letters and camelCase ("SubjectPerceivedRace" -> subject, perceived, race)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", text)
    return {w for w in re.split(r"[^a-z0-9]+", spaced.casefold()) if w and w not in _STOP_WORDS}


_FITS = {
    "date": ("date", "datetime"), "datetime": ("date", "datetime"), "time": ("time",),
    "integer": ("integer",), "number": ("integer", "number"), "boolean": ("boolean",),
}


def _value_score(target: Mapping[str, Any], column: Column, allowed: Sequence[str]) -> float:
    """A code column whose values are mostly the target's published values (`Male`/`F` for a sex, `Black`/`W` for
    a race), whatever its label (`ofcrSex`, `SubjectPerceivedGender`): 0.55, plus how close its label's words are
    to the target's (`ofcr` ~ `officer`), so two race columns go to the right targets."""
    if not allowed or not column.codes:
        return 0.0
    total = sum(column.codes.values())
    fit = sum(n for v, n in column.codes.items() if _guess_value(v, allowed) is not None)
    if fit < 0.6 * total:
        return 0.0
    words, name = _tokens(column.name), _tokens(target["name"])
    near = max((SequenceMatcher(None, w, n).ratio() for w in words for n in name), default=0.0)
    return 0.55 + 0.1 * near


def _pair_score(target: Mapping[str, Any], column: Column, allowed: Sequence[str] = ()) -> float:
    """How well an export column fits a standardized column: every word of its name in the column's label (1.0),
    or two words of its description (0.8), or a near-identical spelling; 0 when the column's type cannot fit."""
    fits = _FITS.get(str(target.get("type", "string")))
    if fits and column.type not in fits and not (column.type == "string" and column.codes and len(column.codes) <= 3
                                                 and target.get("type") == "boolean"):
        return 0.0
    name = _tokens(target["name"])
    words = _tokens(column.name)
    if not name or not words:
        return 0.0
    ratio = SequenceMatcher(None, _norm(target["name"]), _norm(column.name)).ratio()
    score = 1.0 if name <= words else 0.0
    if not score and words <= name and any(len(w) >= 3 for w in words):
        score = 0.75  # "Race" for subject_race: the column says less than the name, nothing else
    desc = _tokens(str(target.get("description") or "")) - {"date", "time"}
    if len(desc & words) >= 2 and len(desc & words) >= 0.6 * len(words):
        score = max(score, 0.8)
    if ratio >= 0.93:
        score = max(score, ratio)
    if not score:
        score = _value_score(target, column, allowed)
    return score + 0.01 * ratio if score else 0.0  # ties: the closer spelling


def match_columns(targets: Sequence[Mapping[str, Any]], columns: Sequence[Column],
                  allowed: Mapping[str, Sequence[str]] | None = None) -> dict[str, Column]:
    """Standardized column -> the export column whose name (or, for codes, whose values: `allowed`, the values
    each target publishes) fits it best; each used once, best pairs first."""
    allowed = allowed or {}
    pairs = sorted(((_pair_score(t, c, allowed.get(t["name"], ())), i, t["name"], c)
                    for i, t in enumerate(targets) for c in columns), key=lambda x: (-x[0], x[1]))
    out: dict[str, Column] = {}
    used: set[str] = set()
    for score, _, tname, col in pairs:
        if score < 0.5 or tname in out or col.name in used:
            continue
        out[tname] = col
        used.add(col.name)
    return out


def _allowed_values(spec: Any | None, target: str) -> list[str]:
    """The values the dataset publishes for a standardized column (the loader's check uses the same list)."""
    from pipelines.catalog.crosscheck import allowed_values

    return allowed_values(spec, target) if spec is not None else []


def _guess_value(code: str, allowed: Sequence[str]) -> str | None:
    """The allowed value a code most plausibly means: same text, or the only value it starts (M -> Male)."""
    key = _norm(code)
    if not key:
        return None
    same = [a for a in allowed if _norm(a) == key]
    if same:
        return same[0]
    starts = [a for a in allowed if _norm(a).startswith(key) or key.startswith(_norm(a))]
    return starts[0] if len(starts) == 1 else None


def draft_contract(d: Description) -> str:
    markers = sorted({"", *(m for c in d.columns for m in c.markers)}, key=lambda m: (m != "", m))
    out = [
        f"# Source contract drafted by `describe` from {d.file}: the raw shape, every field read as text.",
        "# Check each field. `required: true` (recognition needs the column; a row without a value is quarantined)",
        "# marks the key and date columns filled in every row of this file: add or remove as the agency guarantees.",
        "# `unknown_columns: ignore` lets the agency add columns without breaking recognition.",
        "unknown_columns: ignore",
        "missingValues: [" + ", ".join(_q(m) for m in (markers or [""])) + "]",
        "fields:",
    ]
    key_columns = {k for key in d.keys[:1] for k in key}
    for c in d.columns:
        desc = c.type + (f" {c.format}" if c.format else "")
        must = c.name in key_columns or c.type in ("date", "datetime")
        req = ", constraints: {required: true}" if must and c.filled == d.rows and d.rows else ""
        out.append(f"  - {{name: {_q(c.name.strip())}, type: string, description: {_q(desc)}{req}}}")
    return "\n".join(out) + "\n"


def _layout_lines(d: Description, spec: Any | None, name: str, contract_file: str) -> list[str]:
    """The draft's header: what it is, and how to read the export (format, encoding, banner and footer rows)."""
    out = [
        f"# Mapping drafted by `describe` from {d.file}. Complete every TODO, then run",
        "# `python -m pipelines.cli check` (the spec is validated) and `python -m pipelines.cli run`.",
        "# Mapping language: docs/architecture.md (\"Source mapping expressions\").",
        f"name: {name}",
        f"dataset: {spec.name if spec else 'TODO  # stops, incidents, complaints, use_of_force'}",
        f"contract: {contract_file}",
        f"format: {d.format}",
    ]
    if d.encoding and d.encoding not in ("utf-8", "utf-8-sig"):
        out.append(f"encoding: {d.encoding}")
    if d.header_row > 1:
        out.append(f"header_row: {d.header_row}")
    if d.footer_rows:
        out.append(f"footer_rows: {d.footer_rows}")
    if d.record_path:
        out.append(f"record_path: {_q(d.record_path)}")
    return out


def _field_line(target: Mapping[str, Any], col: Column, spec: Any | None) -> str:
    """One drafted field from the export column paired with it: its date format, or its codes paired with the
    values the dataset publishes (a TODO where no pairing is plain)."""
    tname, ttype = target["name"], target.get("type", "string")
    parts = [f"from: {_q(col.name.strip())}"]
    if ttype in ("date", "datetime", "time") and col.format and col.format != "ISO8601":
        parts.append(f"format: {_q(col.format)}")
    if col.codes is None or ttype != "string" or col.type not in ("string", "boolean"):
        return f"  {tname}: {{{', '.join(parts)}}}"
    allowed = _allowed_values(spec, tname)
    pairs = {v: _guess_value(v, allowed) if allowed else v for v in col.codes}
    todo = "    # TODO: check" if allowed else "    # TODO: the dataset's values"
    if allowed and any(g is None for g in pairs.values()):
        todo += f"; allowed: {', '.join(allowed)}"
    return f"  {tname}:\n    from: {_q(col.name.strip())}\n    map: {{" + ", ".join(
        f"{_q(v)}: {_q(g if g is not None else 'TODO')}" for v, g in pairs.items()) + "}" + todo


def _event_time(spec: Any | None, d: Description, taken: set[str]) -> tuple[str, str] | None:
    """(standardized column, drafted line) for the dataset's event time when no label named it: the first date
    column left, joined with a time column beside it (`Reported_Date` + `Reported_Time`), marked to check."""
    if spec is None or not spec.temporal_field:
        return None
    rule = (spec.policy.get("columns") or {}).get(spec.temporal_field) or {}
    target = rule.get("source") if isinstance(rule, dict) else None
    free = [c for c in d.columns if c.name not in taken and c.format and c.format != "ISO8601"]
    dates = [c for c in free if c.type in ("date", "datetime")]
    if not target or not dates:
        return None
    day = dates[0]
    words = _tokens(day.name) - {"date", "dt"}
    times = [c for c in free if c.type == "time" and (_tokens(c.name) & words or not words)]
    if day.type == "date" and times:
        cols, fmt = [day.name.strip(), times[0].name.strip()], f"{day.format} {times[0].format}"
        line = f"  {target}: {{from: [{_q(cols[0])}, {_q(cols[1])}], format: {_q(fmt)}}}"
    else:
        line = f"  {target}: {{from: {_q(day.name.strip())}, format: {_q(str(day.format))}}}"
    return str(target), line + "    # TODO: check: the first date column, for the dataset's event time"


def draft_mapping(d: Description, spec: Any | None, name: str, contract_file: str) -> str:
    """The mapping to complete: fields reused from shipped sources, then paired by name or codes, then TODOs."""
    out = _layout_lines(d, spec, name, contract_file)
    targets = spec.standardized if spec else []
    learned = learn(spec, d.headers, [c.source for c in d.closest])
    reused = {_norm(h) for f in learned.fields.values() for k in ("from", "coalesce") if k in f
              for h in ([f[k]] if isinstance(f[k], str) else f[k])}
    free = [c for c in d.columns if _norm(c.name) not in reused]
    pending = [t for t in targets if t["name"] not in ("agency", *learned.fields)]
    matched = match_columns(pending, free, {t["name"]: _allowed_values(spec, t["name"]) for t in pending})
    used = {c.name for c in matched.values()} | {c.name for c in d.columns if _norm(c.name) in reused}
    event = None if spec is None or any(t["name"] in (*learned.fields, *matched) for t in targets
                                        if t["type"] in ("date", "datetime") and not t.get("optional")) \
        else _event_time(spec, d, used)
    absent = _absent(spec, {*learned.fields, *matched, "agency", *([event[0]] if event else [])})
    if absent:
        out.append(f"absent: [{', '.join(absent)}]    # TODO: map these if the export has them; else keep them here")
    if learned.precision:
        out.append("precision: {" + ", ".join(f"{k}: {v}" for k, v in learned.precision.items()) + "}    # check")
    out.append("fields:")
    if not targets:
        out.append("  # TODO: the dataset's standardized columns (`python -m pipelines.cli check` lists datasets)")
    for t in targets:
        tname = t["name"]
        if tname == "agency":
            out.append(f"  agency: {{const: {_q('TODO agency name')}}}")
        elif tname in learned.fields:
            _complete_map(learned.fields[tname], d, spec, tname)
            out.append(learned.line(tname))
        elif tname in matched:
            out.append(_field_line(t, matched[tname], spec))
        elif event and tname == event[0]:
            out.append(event[1])
        else:
            kind = "absent" if tname in absent else "optional"
            out.append(f"  # {tname}: {{from: TODO}}    # {t.get('type', 'string')}; {kind}")
    unused = [c.name for c in d.columns if c.name not in used]
    if unused:
        out.append("# columns not mapped yet: " + ", ".join(_q(u) for u in unused))
    if any(c.format in MONTH_ONLY for c in d.columns) and not learned.precision:
        out.append("# these dates are month-only: declare it so the policy publishes months")
        out.append("# precision: {<standardized column>: month}")
    return "\n".join(out) + "\n"


def _complete_map(f: dict[str, Any], d: Description, spec: Any | None, target: str) -> None:
    """A reused code map plus this file's codes it lacks (paired as the other drafts are, M -> Male; else TODO)."""
    src = f.get("from")
    col = next((c for c in d.columns if isinstance(src, str) and c.name.strip() == src), None)
    if not isinstance(f.get("map"), dict) or col is None or col.codes is None:
        return
    known = {_norm(str(k)) for k in f["map"]}
    allowed = _allowed_values(spec, target)
    for code in col.codes:
        if _norm(code) not in known:
            f["map"][code] = (_guess_value(code, allowed) if allowed else code) or "TODO"


def _absent(spec: Any | None, mapped: set[str]) -> list[str]:
    """The columns the dataset publishes that every source maps or declares absent, not drafted yet."""
    if spec is None:
        return []
    from pipelines.catalog.crosscheck import published_from

    optional = {f["name"] for f in spec.standardized if f.get("optional")}
    return [c for c in published_from(spec) if c not in mapped and c not in optional]


def write_drafts(d: Description, specs: Sequence[Any], out_dir: Path) -> list[Path]:
    """Write agency.yaml, <shape>.contract.yaml and <shape>.mapping.yaml into `out_dir` (never overwrites)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name = slug(Path(d.file).stem)
    spec = guess_dataset(d, specs)
    files = {
        out_dir / "agency.yaml": "# The agency publishing these exports.\nname: TODO agency name\n",
        out_dir / f"{name}.contract.yaml": draft_contract(d),
        out_dir / f"{name}.mapping.yaml": draft_mapping(d, spec, name, f"{name}.contract.yaml"),
    }
    written = copy_code_tables(learn(spec, d.headers, [c.source for c in d.closest]), out_dir)
    for p, text in files.items():
        if p.exists():
            continue
        p.write_text(text, encoding="utf-8")
        written.append(p)
    return written
