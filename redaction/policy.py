"""Redaction policy as data: exactly one declared treatment for every public column; deny by default.

A policy (the `policy` key of a dataset spec) has:

- `columns`: public column -> `{treatment, source, why, ...}`. Every field of the public Table Schema must have
  exactly one entry, and no entry may name a column the schema lacks.
- `drop`: standardized column -> reason. Every standardized column must be either the source of a treatment or
  dropped: a new column in a source mapping is refused until someone decides what happens to it.
- `identifiers`: standardized column -> entity type (PERSON, ADDRESS, ...). Their values are searched for in the
  same record's free text (always removed there) and gathered by the leak verifier.
- `officer_identity`: `publish_name`, `pseudonym` or `remove` (laws differ between places).
- `roles`: public column -> `{role: sensitive | not_identifying, why}`. Deny by default: every public column not
  declared here is a quasi-identifier, counted in k (and generalized or locally suppressed) whether or not
  `k_anonymity.quasi_identifiers` gives it a ladder (one it does not name is kept as is: a ladder of one level).
  `sensitive`: what the release tells about a person (an outcome), not something a reader can know to find them;
  `not_identifying`: keyed pseudonyms of records, free text (checked by the leak verifier), officer attributes.
- `utility`: what the dataset is for (`purpose`), the order in which quasi-identifiers give way (`sacrifice`,
  first given up first), optional `weights`, and the floors the release must keep (`floors`); see `redaction.sdc`.
- `k_anonymity`, `small_cells`: disclosure control (see `redaction.sdc`). `Policy.k_anonymity` is the effective
  configuration: the declared one with every quasi-identifier (by `roles`) and the `utility` section in it.

Treatments (`TREATMENTS` lists the parameters each takes):

| treatment | what it does |
|---|---|
| `keep` | publishes the value as is; only for declared codes: the public field has an `enum`, is boolean, or the treatment says `codes: open` (an open list of public names such as agencies or districts) |
| `publish` | publishes an identity the law makes public (e.g. officer names); needs `justification` |
| `pseudonym` | keyed pseudonym HMAC-SHA256(key, prefix:value), key from `OSD_PSEUDONYM_KEY`; `scope: agency` puts the agency in the message (people's pseudonyms: a badge number is unique only within its agency) |
| `coarsen_date` | datetime -> day / week / month / quarter / year |
| `coarsen_time` | datetime -> hour / 4h / part_of_day |
| `hundred_block` | address -> "4500 block of ELM AVE"; `fallback` columns (beat, district) when there is no address |
| `round_coordinates` | latitude/longitude rounded to `digits` |
| `age_band` | date of birth at the event date (`at`), else a recorded `age`, else the agency's `group` -> band |
| `redact_text` | free text through the record-aware text redactor |
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from redaction import structured
from redaction.errors import PolicyError
from redaction.temporal import KINDS as TEMPORAL_KINDS
from redaction.temporal import redact_temporal

ENTITY_TYPES = {"PERSON", "ADDRESS", "DATE_OF_BIRTH", "PHONE", "SSN", "DRIVER_LICENSE", "PLATE", "VIN", "EMAIL", "ID"}
OFFICER_IDENTITY = {"publish_name", "pseudonym", "remove"}
ROLES = ("quasi_identifier", "sensitive", "not_identifying")

# treatment -> (required params, optional params)
TREATMENTS: dict[str, tuple[set[str], set[str]]] = {
    "keep": ({"source"}, {"codes"}),
    "publish": ({"source", "justification"}, set()),
    "pseudonym": ({"source", "prefix"}, {"scope"}),
    "coarsen_date": ({"source"}, {"to"}),
    "coarsen_time": ({"source"}, {"to"}),
    "hundred_block": ({"source"}, {"fallback"}),
    "round_coordinates": ({"source"}, {"digits"}),
    "age_band": ({"source"}, {"at", "age", "group"}),
    "redact_text": ({"source"}, {"also"}),
}
# what the methodology page calls each treatment
KIND = {
    "keep": "kept (declared code)",
    "publish": "published (public by law)",
    "pseudonym": "pseudonymized",
    "coarsen_date": "coarsened",
    "coarsen_time": "coarsened",
    "hundred_block": "coarsened",
    "round_coordinates": "coarsened",
    "age_band": "coarsened",
    "redact_text": "redacted",
}


@dataclass(frozen=True)
class Treatment:
    column: str
    name: str
    params: Mapping[str, Any]

    @property
    def why(self) -> str:
        return str(self.params.get("why", ""))

    @property
    def sources(self) -> list[str]:
        """Every standardized column this treatment reads."""
        out = [self.params["source"]]
        for key in ("at", "age", "group", "scope"):
            if self.params.get(key):
                out.append(self.params[key])
        out += list(self.params.get("fallback") or [])
        return out

    def describe(self) -> str:
        p = self.params
        if self.name == "pseudonym":
            scope = f", scoped to `{p['scope']}`" if p.get("scope") else ""
            return f"keyed pseudonym (HMAC-SHA256) of `{p['source']}`{scope}, prefix `{p['prefix']}_`"
        if self.name in ("coarsen_date", "coarsen_time"):
            return f"`{p['source']}` coarsened to {p.get('to', 'day' if self.name == 'coarsen_date' else 'hour')}"
        if self.name == "hundred_block":
            fb = p.get("fallback") or []
            tail = f"; when absent, {' then '.join(f'`{f}`' for f in fb)}" if fb else ""
            return f"hundred block of `{p['source']}` (house and unit numbers removed){tail}"
        if self.name == "age_band":
            bits = [f"age at `{p['at']}` from `{p['source']}`"] if p.get("at") else [f"from `{p['source']}`"]
            if p.get("age"):
                bits.append(f"else recorded age `{p['age']}`")
            if p.get("group"):
                bits.append(f"else the agency's band `{p['group']}`")
            return "age band: " + ", ".join(bits)
        if self.name == "redact_text":
            extra = " and ".join({"DATE": "dates", "TIME": "clock times"}[k] for k in p.get("also") or [])
            tail = f"; {extra} too, so the text cannot undo the coarsening of the date and time columns" if extra else ""
            return f"`{p['source']}` with personal information replaced by typed placeholders{tail}"
        if self.name == "round_coordinates":
            return f"`{p['source']}` rounded to {p.get('digits', 3)} decimals"
        if self.name == "publish":
            return f"`{p['source']}` published: {p['justification']}"
        return f"`{p['source']}` kept" + (" (open list of public names)" if p.get("codes") == "open" else "")


@dataclass
class Policy:
    columns: dict[str, Treatment]
    drop: dict[str, str]
    identifiers: dict[str, str]
    officer_identity: str = "pseudonym"
    k_anonymity: dict[str, Any] | None = None
    small_cells: dict[str, Any] | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    roles: dict[str, str] = field(default_factory=dict)  # every public column -> one of ROLES
    role_why: dict[str, str] = field(default_factory=dict)

    @property
    def text_columns(self) -> list[str]:
        return [c for c, t in self.columns.items() if t.name == "redact_text"]

    @property
    def quasi_identifiers(self) -> list[str]:
        """Every public column not declared sensitive or not identifying (deny by default), in schema order."""
        return [c for c in self.columns if self.roles.get(c, "quasi_identifier") == "quasi_identifier"]


def _roles(policy: Mapping[str, Any], fields: Mapping[str, Any], cols: Mapping[str, Any],
           problems: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Each public column's role (default: quasi-identifier) and the why of every declared one."""
    raw = policy.get("roles") or {}
    roles = {f: "quasi_identifier" for f in fields}
    why: dict[str, str] = {}
    if not isinstance(raw, Mapping):
        problems.append("roles must be a mapping of public column -> {role, why}")
        return roles, why
    for col, spec in raw.items():
        if col not in fields:
            problems.append(f"roles: {col!r} is not a public column")
            continue
        if not isinstance(spec, Mapping) or spec.get("role") not in ROLES or not str(spec.get("why") or "").strip():
            problems.append(f"roles: {col!r} needs a role ({', '.join(ROLES)}) and a why")
            continue
        extra = sorted(set(spec) - {"role", "why"})
        if extra:
            problems.append(f"roles: {col!r} does not take {extra}")
        roles[col] = str(spec["role"])
        why[col] = str(spec["why"])
    for col, spec in cols.items():
        if policy.get("k_anonymity") and isinstance(spec, Mapping) and spec.get("treatment") == "redact_text" \
                and roles.get(col) == "quasi_identifier":
            problems.append(f"column {col!r}: free text cannot be a quasi-identifier (every value is its own class): "
                            "declare its role (sensitive or not_identifying) under roles")
    return roles, why


def _effective_k(policy: Mapping[str, Any], fields: Mapping[str, Any], roles: Mapping[str, str],
                 problems: list[str]) -> dict[str, Any] | None:
    """The declared `k_anonymity` with every quasi-identifier in it (schema order, declared ladders kept; one it
    does not name is kept as is) and the `utility` section; None when the policy declares no k-anonymity."""
    declared = policy.get("k_anonymity")
    if not declared:
        if policy.get("utility"):
            problems.append("utility needs a k_anonymity section")
        return None
    if not isinstance(declared, Mapping):
        problems.append("k_anonymity must be a mapping")
        return None
    qis_decl = dict(declared.get("quasi_identifiers") or {})
    not_qi = sorted(c for c in qis_decl if c in fields and roles.get(c) != "quasi_identifier")
    if not_qi:
        problems.append(f"k_anonymity: {not_qi} have a ladder but are declared {[roles[c] for c in not_qi]} in roles")
    qis: dict[str, Any] = {}
    for f in fields:
        if roles.get(f) == "quasi_identifier":
            qis[f] = qis_decl.get(f) or {"ladder": "none", "levels": ["value"]}
    qis.update({c: v for c, v in qis_decl.items() if c not in fields})  # unknown names: refused by parse_config
    eff = {**declared, "quasi_identifiers": qis}
    if policy.get("utility"):
        eff["utility"] = policy["utility"]
    for col, spec in qis.items():
        field_ = fields.get(col) or {}
        typ = field_.get("type", "string")
        stars = "*" in [str(x) for x in (spec or {}).get("levels") or []]
        sacrificed = col in ((policy.get("utility") or {}).get("sacrifice") or [])
        if typ != "string" and (stars or sacrificed):
            problems.append(f"k_anonymity: {col!r} is a {typ} field: '*' cannot be published in it, so it can neither "
                            "end its ladder with '*' nor be in utility.sacrifice (make the public field a string)")
        cons = field_.get("constraints") or {}
        if (stars or sacrificed) and typ == "string" and (
            ("enum" in cons and "*" not in [str(x) for x in cons["enum"]])
            or (cons.get("pattern") is not None and re.fullmatch(str(cons["pattern"]), "*") is None)
        ):
            problems.append(f"k_anonymity: {col!r} may be published as '*' (its ladder or utility.sacrifice), which "
                            "its public schema's enum or pattern refuses: allow '*' there")
        ladder = (spec or {}).get("ladder", "none")
        if typ != "string" and ladder not in ("none",):
            problems.append(f"k_anonymity: {col!r} is a {typ} field: its ladder {ladder!r} publishes labels")
    from redaction import sdc  # the configuration is checked here, at load, not at run time
    from redaction.errors import SdcError

    try:
        sdc.parse_config(eff)
    except SdcError as exc:
        problems.append(str(exc))
    return eff


def load_policy(
    policy: Mapping[str, Any], public_schema: Mapping[str, Any], standardized: Sequence[str], *, where: str = "policy"
) -> Policy:
    """Check a policy against the public schema and the standardized columns; refuse anything undeclared."""
    if not isinstance(policy, Mapping):
        raise PolicyError(f"{where}: a mapping is required")
    fields = {f["name"]: f for f in public_schema.get("fields", [])}
    cols = policy.get("columns") or {}
    problems: list[str] = []
    missing = [f for f in fields if f not in cols]
    if missing:
        problems.append(f"public column(s) with no declared treatment (deny by default): {missing}")
    extra = [c for c in cols if c not in fields]
    if extra:
        problems.append(f"treatment(s) for column(s) not in the public schema: {extra}")
    std = set(standardized)
    treatments: dict[str, Treatment] = {}
    for col, spec in cols.items():
        t = _treatment(col, spec, fields, std, problems)
        if t is not None:
            treatments[col] = t
    drop = {str(k): str(v) for k, v in (policy.get("drop") or {}).items()}
    used = {s for t in treatments.values() for s in t.sources}
    undeclared = sorted(std - used - set(drop))
    if undeclared:
        problems.append(f"standardized column(s) neither treated nor dropped (deny by default): {undeclared}")
    both = sorted(used & set(drop))
    if both:
        problems.append(f"column(s) both dropped and used by a treatment: {both}")
    idents = {str(k): str(v) for k, v in (policy.get("identifiers") or {}).items()}
    for col, ent in idents.items():
        if col not in std:
            problems.append(f"identifier {col!r} is not a standardized column")
        if ent not in ENTITY_TYPES:
            problems.append(f"identifier {col!r}: unknown entity type {ent!r}")
    roles, role_why = _roles(policy, fields, cols, problems)
    k_eff = _effective_k(policy, fields, roles, problems)
    officer = str(policy.get("officer_identity", "pseudonym"))
    if officer not in OFFICER_IDENTITY:
        problems.append(f"officer_identity must be one of {sorted(OFFICER_IDENTITY)}")
    if problems:
        raise PolicyError(f"{where}: " + "; ".join(problems))
    ordered = {f: treatments[f] for f in fields}
    return Policy(
        columns=ordered,
        drop=drop,
        identifiers=idents,
        officer_identity=officer,
        k_anonymity=k_eff,
        small_cells=policy.get("small_cells"),
        raw=dict(policy),
        roles=roles,
        role_why=role_why,
    )


def _treatment(col: str, spec: Any, fields: Mapping[str, Any], std: set[str], problems: list[str]) -> Treatment | None:
    """One column's treatment, its problems appended to `problems`; None when it cannot even be built."""
    if not isinstance(spec, Mapping) or "treatment" not in spec:
        problems.append(f"column {col!r}: needs a 'treatment'")
        return None
    name = spec["treatment"]
    if name not in TREATMENTS:
        problems.append(f"column {col!r}: unknown treatment {name!r} (known: {sorted(TREATMENTS)})")
        return None
    required, optional = TREATMENTS[name]
    params = {k: v for k, v in spec.items() if k != "treatment"}
    lacking = required - set(params)
    if lacking:
        problems.append(f"column {col!r}: treatment {name!r} needs {sorted(lacking)}")
        return None
    unknown = set(params) - required - optional - {"why"}
    if unknown:
        problems.append(f"column {col!r}: treatment {name!r} does not take {sorted(unknown)}")
    t = Treatment(col, name, params)
    absent = [s for s in t.sources if s not in std]
    if absent:
        problems.append(f"column {col!r}: source column(s) {absent} are not standardized columns")
    bad_also = [k for k in params.get("also") or [] if k not in TEMPORAL_KINDS]
    if bad_also:
        problems.append(f"column {col!r}: 'also' takes {list(TEMPORAL_KINDS)}, not {bad_also}")
    if name == "keep" and col in fields:
        f = fields[col]
        declared = bool((f.get("constraints") or {}).get("enum")) or f.get("type") == "boolean"
        if not declared and params.get("codes") != "open":
            problems.append(
                f"column {col!r}: 'keep' is only for declared codes: give the field an enum, or say codes: open"
            )
    return t


PRECISIONS = ("second", "minute", "hour", "day", "month", "quarter", "year")  # finest first
_DATE_LEVELS = ("day", "week", "month", "quarter", "year")


def source_precision(raw: Any, *, where: str = "source") -> dict[str, str]:
    """A source's declared precision (`precision: {occurred_at: month}`: the export only has months; `day`: no
    time of day) as standardized column -> level; refuses an unknown level."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise PolicyError(f"{where}: precision must be a mapping of standardized column -> level")
    bad = sorted(str(c) for c, lv in raw.items() if str(lv) not in PRECISIONS)
    if bad:
        raise PolicyError(f"{where}: precision of {bad} must be one of {list(PRECISIONS)}")
    return {str(c): str(lv) for c, lv in raw.items()}


def _honest_date(to: str, had: str | None) -> str:
    """The date level to publish: `to`, or the source's coarser precision (never a day the source did not have)."""
    if had is None or PRECISIONS.index(had) <= PRECISIONS.index("day"):
        return to
    return had if _DATE_LEVELS.index(had) > _DATE_LEVELS.index(to) else to


def _honest_time(to: str, had: str | None) -> str | None:
    """The time level to publish, or None when the source has no time of day (precision day or coarser)."""
    if had is not None and PRECISIONS.index(had) >= PRECISIONS.index("day"):
        return None
    return to


@dataclass
class ApplyResult:
    frame: pd.DataFrame  # public columns only, schema order
    redactions: dict[str, int]  # entity type -> spans replaced in free text
    texts_redacted: int


def record_values(df: pd.DataFrame, identifiers: Mapping[str, str]) -> list[dict[str, list[str]]]:
    """Per row: entity type -> the identifying values of its structured columns (dates as ISO strings)."""
    cols: list[tuple[str, pd.Series]] = []
    for col, ent in identifiers.items():
        if col not in df.columns:
            continue
        s = df[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            s = s.dt.strftime("%Y-%m-%d")
        cols.append((ent, s.astype("string")))
    out: list[dict[str, list[str]]] = [{} for _ in range(len(df))]
    for ent, s in cols:
        arr = s.to_numpy(dtype=object, na_value=None)
        for i in np.flatnonzero(pd.notna(arr)).tolist():
            out[i].setdefault(ent, []).append(arr[i])
    return out


def apply_policy(policy: Policy, std: pd.DataFrame, *, key: bytes | None, text_redactor: Any = None,
                 precision: Mapping[str, str] | None = None) -> ApplyResult:
    """Turn standardized (private) rows into public rows. Only `policy.columns` can come out.

    `precision` (`source_precision` of the rows' source): a date is published no finer than the source had it
    (a month-only export gives "2020-01", never "2020-01-01"), a time of day is left empty when the source has
    none (never "00:00").
    """
    precision = precision or {}
    std = std.reset_index(drop=True)
    out: dict[str, pd.Series] = {}
    counts: Counter[str] = Counter()
    texts = 0
    rv: list[dict[str, list[str]]] | None = None
    for col, t in policy.columns.items():
        p = t.params
        src = std[p["source"]]
        if t.name in ("keep", "publish"):
            out[col] = src
        elif t.name == "pseudonym":
            if not key:
                raise PolicyError(f"column {col!r}: a pseudonym key is required (OSD_PSEUDONYM_KEY)")
            out[col] = structured.pseudonym(src, key, p["prefix"], std[p["scope"]] if p.get("scope") else None)
        elif t.name == "coarsen_date":
            out[col] = structured.coarsen_date(src, _honest_date(p.get("to", "day"), precision.get(p["source"])))
        elif t.name == "coarsen_time":
            to = _honest_time(p.get("to", "hour"), precision.get(p["source"]))
            out[col] = structured.coarsen_time(src, to) if to else pd.Series(pd.NA, index=std.index, dtype="string")
        elif t.name == "hundred_block":
            out[col] = structured.first_present([structured.hundred_block(src), *[std[f] for f in p.get("fallback") or []]])
        elif t.name == "round_coordinates":
            out[col] = structured.round_coordinates(src, int(p.get("digits", 3)))
        elif t.name == "age_band":
            out[col] = structured.age_band(
                dob=src,
                at=std[p["at"]] if p.get("at") else None,
                age=std[p["age"]] if p.get("age") else None,
                group=std[p["group"]] if p.get("group") else None,
                index=std.index,
            )
        elif t.name == "redact_text":
            if text_redactor is None:
                raise PolicyError(f"column {col!r}: a text redactor is required")
            if rv is None:
                rv = record_values(std, policy.identifiers)
            values = src.astype("string").to_numpy(dtype=object, na_value=None).tolist()
            results = text_redactor.redact(values, rv)
            texts_out = [r.text for r in results]
            for r in results:
                counts.update(r.counts)
            also = list(p.get("also") or [])
            if also:  # exact dates/times in the text would undo the coarsening of the structured columns
                for i, txt in enumerate(texts_out):
                    texts_out[i], c = redact_temporal(txt, also)
                    counts.update(c)
            out[col] = pd.Series(texts_out, index=std.index, dtype="string")
            texts += sum(1 for v in values if v)
        else:  # pragma: no cover - load_policy refuses unknown treatments
            raise PolicyError(f"column {col!r}: unknown treatment {t.name!r}")
    frame = pd.DataFrame(out, index=std.index)
    return ApplyResult(frame=frame, redactions=dict(sorted(counts.items())), texts_redacted=texts)
