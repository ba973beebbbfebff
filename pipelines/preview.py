"""The release preview a data officer reads in a minute: warnings first, then changes, counts and reasons in plain
words, then the spot checks.

Built from the plan (`publishing.plan_release_source`), the candidate's accounting, the recorded checks and the
private quarantine files; rendered as Markdown (the release_preview asset's metadata) and as a private HTML page
(`preview/<dataset>.html` in the private store). Counts, field names, file names and version numbers only: never a
value from a record, except the redacted spot-check narratives, which are the public text.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.retracted import key_strings, returning_records
from pipelines.store import PrivateStore

SUPPRESSED = "*"
WITHHELD_WARN_SHARE = 0.5  # a column withheld for at least this share of rows is a warning
QUARANTINE_WARN_FRACTION = 0.5  # quarantine at or above this fraction of its limit is a warning

CHECK_WORDS: dict[str, tuple[str, str]] = {
    # name -> (what it means, what to do when it failed)
    "schema_valid": ("every row fits the public schema",
                     "Open validated > Checks > schema_valid for the fields and row numbers; fix the source mapping "
                     "or ask the agency for a corrected export."),
    "row_accounting": ("no row was lost: ingested = published + set aside + suppressed",
                       "Do not publish. Run the prepare job again; if it fails again, call the engineers."),
    "quarantine_share": ("few enough rows were set aside",
                         "Read the reasons below: ask the agency for a corrected export, or withdraw an export that a "
                         "resend replaces."),
    "no_leaks": ("no identifying value from the raw records appears in the release",
                 "Do not publish. The engineers must extend the redaction policy; the check lists the fields."),
    "k_anonymity": ("no person can be singled out by a rare combination of characteristics",
                    "Do not publish. The engineers must adjust the disclosure-control settings of the dataset."),
}

CODE_WORDS = {
    "type-error": "a value of {f} could not be read (wrong date, number or format)",
    "unmapped-code": "a code in {f} is not in the value list agreed with the agency",
    "constraint-error": "{f} breaks a rule of the public schema (allowed values, pattern or range)",
    "required-error": "{f} is empty but required",
    "primary-key": "the record's key ({f}) repeats a record already present",
    "unique-error": "the record's key ({f}) repeats a record already present",
    "extra-cell": "a line has more cells than the header",
    "missing-cell": "a line has fewer cells than the header",
    "encoding-error": "a line could not be decoded as text",
    "formula-cell": "a spreadsheet cell holds a formula instead of a value",
    "blank-row": "a line is empty",
}
STAGE_WORDS = {"read": "when reading the file", "standardize": "when mapping to the dataset's columns",
               "validate": "against the public schema"}


def reason_in_words(code: str) -> str:
    """`validate:primary-key:allegation_id` -> plain words (the code's meaning, the field named, no value)."""
    parts = code.split(":")
    if parts and parts[0] in STAGE_WORDS:
        parts = parts[1:]
    name, fld = (parts[0], ":".join(parts[1:])) if parts else (code, "")
    template = CODE_WORDS.get(name)
    if template:
        return template.format(f=fld or "a field")
    return f"{name.replace('-', ' ')}" + (f" in {fld}" if fld else "")


@dataclass
class Notice:
    """One warning: what, and what to do."""

    title: str
    detail: str = ""
    action: str = ""


@dataclass
class Preview:
    dataset: str
    title: str
    version: str
    bump: str
    previous_version: str | None
    content_hash: str
    records: int
    checks: dict[str, bool | None]
    warnings: list[Notice] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    counts: list[tuple[str, int]] = field(default_factory=list)
    set_aside: list[tuple[str, int]] = field(default_factory=list)  # reason in words, rows (each row once)
    duplicates: list[str] = field(default_factory=list)
    redactions: list[tuple[str, int]] = field(default_factory=list)
    disclosure: list[str] = field(default_factory=list)
    spot_checks: list[str] = field(default_factory=list)
    spot_column: str = ""
    sections: list[str] = field(default_factory=list)  # further Markdown sections (review, utility and risk)

    @property
    def publishable(self) -> bool:
        return self.bump != "none" and all(v is True for v in self.checks.values())

    @property
    def headline(self) -> str:
        if self.bump == "none":
            return (f"Nothing to publish: this content is already published as version {self.version} "
                    f"(content hash {self.content_hash[:12]}).")
        verb = "makes" if self.publishable else "would make"
        return (f"Publishing now {verb} version {self.version} public ({self.bump} change from "
                f"{self.previous_version or 'nothing: first release'}), {self.records} records, "
                f"content hash {self.content_hash[:12]}.")

    def markdown(self) -> str:
        out = [f"## {self.title}: proposed version {self.version}", "", f"**{self.headline}**", ""]
        out += ["### Warnings", ""]
        if self.warnings:
            for w in self.warnings:
                out.append(f"- **{w.title}**" + (f" {w.detail}" if w.detail else "")
                           + (f" *What to do:* {w.action}" if w.action else ""))
        else:
            out.append("- None.")
        out += ["", "### Changes against the latest release", ""]
        out += [f"- {c}" for c in self.changes] or ["- None."]
        out += ["", "### Rows", ""]
        out += [f"- {label}: {n}" for label, n in self.counts]
        if self.set_aside:
            out += ["", "### Rows set aside (quarantine), and why", ""]
            out += [f"- {n} row(s): {why}" for why, n in self.set_aside]
            out += [f"- {d}" for d in self.duplicates]
        out += ["", "### Blocking checks", ""]
        for name, ok in self.checks.items():
            meaning = CHECK_WORDS.get(name, (name, ""))[0]
            out.append(f"- {'passed' if ok else ('FAILED' if ok is False else 'not run')}: {meaning} ({name})")
        if self.disclosure:
            out += ["", "### Disclosure control", ""] + [f"- {d}" for d in self.disclosure]
        if self.redactions:
            out += ["", "### Redactions in free text, by type", ""]
            out += [f"- {t}: {n}" for t, n in self.redactions]
        out += self.sections
        if self.spot_checks:
            out += ["", f"### Spot check: {len(self.spot_checks)} redacted `{self.spot_column}` values", ""]
            out += [f"> {s}\n" for s in self.spot_checks]
        return "\n".join(out)

    def html(self) -> str:
        e = html.escape

        def items(xs: Iterable[str]) -> str:
            return "".join(f"<li>{x}</li>" for x in xs) or "<li>None.</li>"

        warn = items(
            f"<strong>{e(w.title)}</strong> {e(w.detail)}"
            + (f"<br><em>What to do:</em> {e(w.action)}" if w.action else "") for w in self.warnings)
        checks = items(
            f"<span class='{'ok' if ok else 'bad'}'>{'passed' if ok else ('FAILED' if ok is False else 'not run')}"
            f"</span> {e(CHECK_WORDS.get(n, (n, ''))[0])} <code>{e(n)}</code>"
            + (f"<br><em>What to do:</em> {e(CHECK_WORDS.get(n, ('', ''))[1])}" if ok is False else "")
            for n, ok in self.checks.items())
        sections = [
            f"<h1>{e(self.title)}: proposed version {e(self.version)}</h1>",
            f"<p class='headline'>{e(self.headline)}</p>",
            f"<section class='warnings'><h2>Warnings</h2><ul>{warn}</ul></section>",
            f"<h2>Changes against the latest release</h2><ul>{items(e(c) for c in self.changes)}</ul>",
            f"<h2>Rows</h2><ul>{items(f'{e(label)}: {n}' for label, n in self.counts)}</ul>",
        ]
        if self.set_aside:
            sections.append("<h2>Rows set aside (quarantine), and why</h2><ul>"
                            + items([f"{n} row(s): {e(w)}" for w, n in self.set_aside] + [e(d) for d in self.duplicates])
                            + "</ul>")
        sections.append(f"<h2>Blocking checks</h2><ul>{checks}</ul>")
        if self.disclosure:
            sections.append(f"<h2>Disclosure control</h2><ul>{items(e(d) for d in self.disclosure)}</ul>")
        if self.redactions:
            sections.append("<h2>Redactions in free text, by type</h2><ul>"
                            + items(f"{e(t)}: {n}" for t, n in self.redactions) + "</ul>")
        if self.sections:
            sections.append("<h2>Review and utility</h2><pre>" + e("\n".join(self.sections).strip()) + "</pre>")
        if self.spot_checks:
            sections.append(f"<h2>Spot check: {len(self.spot_checks)} redacted <code>{e(self.spot_column)}</code> "
                            "values</h2>" + "".join(f"<blockquote>{e(s)}</blockquote>" for s in self.spot_checks))
        style = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
                 "line-height:1.5}.headline{font-size:1.15rem;font-weight:600}.warnings{background:#fff4e5;"
                 "border-left:4px solid #e8590c;padding:.2rem 1rem}.ok{color:#2b8a3e}.bad{color:#c92a2a;"
                 "font-weight:700}blockquote{border-left:3px solid #ccc;margin:.6rem 0;padding-left:.8rem}")
        return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                f"<title>Release preview: {e(self.title)} {e(self.version)}</title><style>{style}</style></head>"
                f"<body><p><em>Private: not published. Prepared for the data office.</em></p>{''.join(sections)}"
                "</body></html>")


# ------------------------------------------------------------------------------------------------ building it


def build_preview(spec: Any, plan: Any, meta: Mapping[str, Any], checks: Mapping[str, bool | None], table: Any,
                  *, store: PrivateStore, versions: Sequence[Mapping[str, Any]], threshold: float,
                  text_column: str | None) -> Preview:
    """Everything the officer needs to decide, in the order it matters. ``table`` is the candidate source."""
    c = meta["counts"]
    p = Preview(dataset=spec.name, title=spec.title, version=plan.version, bump=plan.bump,
                previous_version=plan.previous_version, content_hash=plan.content_hash, records=int(c["published"]),
                checks=dict(checks))
    for name, ok in checks.items():
        if ok is False:
            p.warnings.append(Notice(f"Blocking check failed: {CHECK_WORDS.get(name, (name, ''))[0]} ({name}).",
                                     "This content cannot be published.", CHECK_WORDS.get(name, ("", ""))[1]))
    p.warnings += _withheld_columns(meta, table)
    p.warnings += [Notice(*n) for n in returning_records(store, spec, plan, versions, table)]
    p.warnings += _quarantine_near_limit(c, threshold)
    p.warnings += _review(meta)
    p.changes = _changes(plan)
    p.counts = [("rows received in the exports", int(c["ingested"])),
                ("records to publish", int(c["published"])),
                ("rows set aside (quarantine)", int(c["quarantined"])),
                ("rows left out for k-anonymity (suppressed)", int(c["suppressed"]))]
    p.set_aside, p.duplicates = _set_aside(store, spec, meta)
    p.redactions = sorted((meta.get("redactions") or {}).items())
    s = meta.get("sdc") or {}
    if s:
        p.disclosure.append(f"Every combination of the characteristics readers could use to single someone out is "
                            f"shared by at least {s.get('k_achieved')} records (target {s.get('k_target')}).")
        line = shown_coarser(s, meta.get("utility"), _first_levels(spec))
        if line:
            p.disclosure.append(line)
    p.sections = review_and_utility_sections(meta)
    if text_column:
        p.spot_column, p.spot_checks = text_column, _spot_checks(table, text_column)
    return p


def _withheld_markdown(meta: Mapping[str, Any]) -> list[str]:
    """The preview's section on narratives withheld pending review (counts and the private report's path)."""
    w = meta.get("narratives_withheld") or {}
    if not w.get("total") and not w.get("released_by_decision") and not w.get("stale_exports"):
        return []
    lines = ["", f"### Narratives withheld pending review: {w.get('total', 0)}", "",
             "| reason | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in (w.get("by_reason") or {}).items()]
    if w.get("released_by_decision"):
        lines += ["", f"Released as redacted by a review decision: {w['released_by_decision']}."]
    if w.get("stale_exports"):
        lines += ["", f"{w['stale_exports']} export(s) were redacted before the current allow terms: materialize "
                  "their `deidentified` partitions again to apply them (`python -m pipelines.cli run` does)."]
    if w.get("report"):
        lines += ["", f"Review report (private store, never published): `{w['report']}`. "
                  "Decisions for the next run: see docs/review.md."]
    return lines


def review_and_utility_sections(meta: Mapping[str, Any]) -> list[str]:
    """The narratives withheld for review (counts, the private report's path) and the utility and risk report
    of the released table, as Markdown lines."""
    lines = list(_withheld_markdown(meta))
    if meta.get("utility"):
        from redaction.sdc.report import report_markdown

        lines += ["", "### Utility and risk of the released table", "", *report_markdown(meta["utility"])]
    return lines


#: Levels that are the column as recorded (the utility report's names), never "coarser".
_AS_RECORDED = {"value", "null", "source_band"}


#: Level names finest first, per ladder (the utility report's names), so a line reads from fine to coarse even
#: when the report went through JSON with sorted keys.
_LEVEL_ORDER = ("day", "week", "month", "quarter", "year", "hour", "4h", "part_of_day", "5y", "10y", "minor_adult",
                "source_band", "location", "beat", "district", "value")


def _level_rank(level: str) -> tuple[int, str]:
    return (_LEVEL_ORDER.index(level) if level in _LEVEL_ORDER else len(_LEVEL_ORDER), level)


def _first_levels(spec: Any) -> dict[str, str]:
    """Each quasi-identifier's finest published level (its ladder's first), from the dataset's policy."""
    from redaction.sdc import DEFAULT_LEVELS

    policy = spec.policy if isinstance(getattr(spec, "policy", None), Mapping) else {}
    qis = (policy.get("k_anonymity") or {}).get("quasi_identifiers") or {}
    out = {}
    for name, q in qis.items():
        q = q or {}
        levels = q.get("levels") or DEFAULT_LEVELS.get(str(q.get("ladder", "none"))) or ["value"]
        out[str(name)] = str(levels[0])
    return out


def shown_coarser(sdc_report: Mapping[str, Any], utility: Mapping[str, Any] | None,
                  first_levels: Mapping[str, str]) -> str:
    """The preview's "Shown coarser" line: per column published coarser than recorded in some rows, the share of
    rows at each level and "*" (from the release's utility report, measured on the table as written), so a column
    that mixes levels shows the mix, not only its most common level. A column withheld in every row is left to
    the warnings above. Without a utility report: the level most rows got, per column."""
    cols = (utility or {}).get("columns") or {}
    parts = []
    for name, e in cols.items():
        levels = {k: float(v) for k, v in (e.get("levels") or {}).items()} if e.get("role") == "quasi_identifier" else {}
        finest = {first_levels.get(name, "value"), *_AS_RECORDED}
        if not levels or set(levels) <= finest or levels.get("suppressed", 0.0) >= 1.0:
            continue
        order = sorted((lv for lv in levels if lv not in ("null", "suppressed")), key=_level_rank)
        order += ["suppressed"] * ("suppressed" in levels)
        parts.append(f"{name}: " + ", ".join(f"{lv} {levels[lv]:.1%}" for lv in order))
    if parts:
        return "Shown coarser (share of rows at each level; suppressed = *): " + "; ".join(parts) + "."
    if cols:
        return ""
    coarse = {k: v for k, v in (sdc_report.get("levels") or {}).items() if v not in ("value", SUPPRESSED)}
    return "Shown coarser: " + ", ".join(f"{k} as {v}" for k, v in sorted(coarse.items())) + "." if coarse else ""


def _withheld_columns(meta: Mapping[str, Any], table: Any) -> list[Notice]:
    """A column shown as `*` for most rows: the release says almost nothing about it."""
    levels = (meta.get("sdc") or {}).get("levels") or {}
    cols = [k for k in levels if k in set(table.schema.names)]
    if not cols or not meta["counts"]["published"]:
        return []
    stars: Counter[str] = Counter()
    total = 0
    for b in table.batches(cols):
        total += b.num_rows
        for i, col in enumerate(cols):
            arr = b.column(i)
            if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
                stars[col] += int(pc.sum(pc.equal(arr, SUPPRESSED)).as_py() or 0)
    out = []
    for col in cols:
        share = stars[col] / total if total else 0.0
        if share >= WITHHELD_WARN_SHARE:
            out.append(Notice(
                f"{col} is withheld for {share:.0%} of the records (shown as *).",
                f"Publishing it would let someone be singled out (k-anonymity); readers will not be able to "
                f"analyse the records by {col}.",
                "If the column matters for this release, ask the engineers to coarsen it instead "
                "(the dataset's disclosure-control settings)."))
    return out


def _quarantine_near_limit(c: Mapping[str, Any], threshold: float) -> list[Notice]:
    share = c["quarantined"] / c["ingested"] if c["ingested"] else 0.0
    if not c["quarantined"] or share < threshold * QUARANTINE_WARN_FRACTION:
        return []
    over = share > threshold
    return [Notice(
        f"{c['quarantined']} rows ({share:.1%}) are set aside, {'over' if over else 'near'} the limit of "
        f"{threshold:.0%}.",
        "These records will not be in the release.",
        "Read the reasons below before publishing: a resent export, or a code the agency added, is often the cause.")]


def _review(meta: Mapping[str, Any]) -> list[Notice]:
    """Narratives withheld for a person to review (when the de-identification records them)."""
    n = int((meta.get("narratives_withheld") or {}).get("total") or 0)
    if not n:
        return []
    return [Notice(f"{n} narrative(s) are withheld until someone reviews them.",
                   "Those records are published without their narrative text.",
                   "Review them in the private review queue, then prepare the release again.")]


def _changes(plan: Any) -> list[str]:
    ch = plan.changes or {}
    if plan.bump == "none":
        return [f"Same content as the published version {plan.version}."]
    if not plan.previous_version:
        return [f"First release: {plan.records} records."]
    out = []
    rec = ch.get("records") or {}
    if isinstance(rec, dict):
        words = [f"{rec[k]} {k}" for k in ("added", "removed", "changed") if rec.get(k)]
        if words:
            out.append("Records: " + ", ".join(words) + f" (against version {plan.previous_version}).")
        by_field = rec.get("changed_by_field") or {}
        if by_field:
            top = sorted(by_field.items(), key=lambda kv: -kv[1])[:5]
            out.append("Changed most often: " + ", ".join(f"{f} ({n})" for f, n in top) + ".")
    flds = ch.get("fields") or {}
    for what in ("added", "removed", "renamed"):
        if flds.get(what):
            out.append(f"Fields {what}: " + ", ".join(str(f) for f in flds[what]) + ".")
    for sc in ch.get("schema_changes") or []:
        out.append(f"Schema: {str(sc.get('change', '')).replace('-', ' ')}"
                   + (f" ({sc['field']})" if sc.get("field") else "") + f", a {sc.get('severity', '?')} change.")
    why = {"major": "a change readers' code may not handle (removed records or fields, changed types)",
           "minor": "records or fields added", "patch": "corrections only"}.get(plan.bump)
    if why:
        out.append(f"Hence a {plan.bump} version: {why}.")
    return out


def _set_aside(store: PrivateStore, spec: Any, meta: Mapping[str, Any]) -> tuple[list[tuple[str, int]], list[str]]:
    """Quarantine reasons in words, each row counted once per meaning; duplicates explained by export."""
    words: Counter[str] = Counter()
    for code, n in (meta.get("quarantine_reasons") or {}).items():
        if not str(code).startswith("validate:"):
            words[f"{reason_in_words(code)} ({STAGE_WORDS.get(str(code).split(':')[0], '')})".replace(" ()", "")] += n
    dup_lines: list[str] = []
    q = f"quarantine/{spec.name}/_validate.parquet"
    if store.exists(q):
        t = store.read_parquet(q, columns=["_file", "_row", "_reasons"])
        dup_rows: Counter[str] = Counter()
        for f, reasons in zip(t.column("_file").to_pylist(), t.column("_reasons").to_pylist(), strict=True):
            meanings = {reason_in_words(r) for r in str(reasons or "").split(";") if r}
            for m in meanings:
                words[m] += 1
            if any(r.split(":")[0] in ("primary-key", "unique-error") for r in str(reasons or "").split(";")):
                dup_rows[str(f)] += 1
        dup_lines = _explain_duplicates(store, spec, meta, dup_rows, t)
    return sorted(words.items(), key=lambda kv: -kv[1]), dup_lines


def _explain_duplicates(store: PrivateStore, spec: Any, meta: Mapping[str, Any], dup_rows: Counter[str],
                        quarantine: pa.Table) -> list[str]:
    """"107 rows of B repeat records of A": which export each quarantined duplicate repeats (by key, privately)."""
    pk = list(spec.primary_key)
    if not dup_rows or not pk:
        return []
    lines = []
    parts = list(meta.get("partitions") or [])
    for f, n in sorted(dup_rows.items()):
        rows = pc.filter(quarantine.column("_row"), pc.equal(quarantine.column("_file"), f))
        key = f"deidentified/{spec.name}/{f}.parquet"
        if not store.exists(key):
            continue
        t = store.read_parquet(key, columns=[*pk, "_row"])
        mine = key_strings(t.filter(pc.is_in(t.column("_row"), value_set=rows.combine_chunks())), pk)
        others = []
        for other in parts:
            if other == f or not store.exists(f"deidentified/{spec.name}/{other}.parquet"):
                continue
            o = store.read_parquet(f"deidentified/{spec.name}/{other}.parquet", columns=pk)
            hits = int(pc.sum(pc.is_in(key_strings(o, pk), value_set=mine)).as_py() or 0)
            if hits:
                others.append((other, hits))
        where = (others[0][0] if len(others) == 1 else " and ".join(f"{o} ({h} rows)" for o, h in others)) or "the same export"
        resend = others[0][0] if len(others) == 1 else "the earlier export"
        lines.append(
            f"{n} row(s) of {f} repeat a record key already present in {where}: they are counted once above. If {f} "
            f"is a corrected resend of {resend}, withdraw {resend} (Jobs > {spec.name}_withdraw_export) so the resend "
            f"replaces it.")
    return lines


def _spot_checks(table: Any, col: str, n: int = 5) -> list[str]:
    vals: list[str] = []
    if col not in set(table.schema.names):
        return []
    for b in table.batches([col]):
        vals += [v for v in b.column(0).to_pylist() if v][: 1000 - len(vals)]
        if len(vals) >= 1000:
            break
    if not vals:
        return []
    rng = np.random.default_rng(0)
    pick = sorted(rng.choice(len(vals), size=min(n, len(vals)), replace=False))
    return [vals[i].replace("\n", " ")[:600] for i in pick]
