"""Classify the differences between two public Table Schemas (major, minor or patch), the schema half of the
Data Package version recipe."""

from __future__ import annotations

import json
from collections.abc import Mapping

from pipelines.publishing.content import _primary_key, _published_schema, _schema_fields

_NUMERIC_LOWER = ("minimum", "exclusiveMinimum", "minLength")


_NUMERIC_UPPER = ("maximum", "exclusiveMaximum", "maxLength")


def _constraint_changes(name: str, old: Mapping, new: Mapping) -> list[dict]:
    """Compare two fields' constraints: each change is tighter (major) or looser (minor)."""
    oc = dict(old.get("constraints") or {})
    nc = dict(new.get("constraints") or {})
    out: list[dict] = []

    def add(constraint: str, severity: str, what: str) -> None:
        out.append({"field": name, "change": f"constraint-{what}", "constraint": constraint, "severity": severity})

    for c in sorted(set(oc) | set(nc)):
        a, b = oc.get(c), nc.get(c)
        if a == b:
            continue
        if c in ("required", "unique"):
            tighter = bool(b) and not bool(a)
            add(c, "major" if tighter else "minor", "tightened" if tighter else "loosened")
        elif c in _NUMERIC_LOWER + _NUMERIC_UPPER:
            if a is None:
                add(c, "major", "tightened")
            elif b is None:
                add(c, "minor", "loosened")
            else:
                try:
                    tighter = (b > a) if c in _NUMERIC_LOWER else (b < a)
                except TypeError:
                    tighter = True
                add(c, "major" if tighter else "minor", "tightened" if tighter else "loosened")
        elif c == "enum":
            if a is None:
                add(c, "major", "tightened")
            elif b is None:
                add(c, "minor", "loosened")
            else:
                sa, sb = {json.dumps(x, sort_keys=True) for x in a}, {json.dumps(x, sort_keys=True) for x in b}
                if sa <= sb:
                    add(c, "minor", "loosened")
                else:
                    add(c, "major", "tightened")
        else:  # pattern and anything unknown: removal loosens, any other change may reject old values
            if b is None:
                add(c, "minor", "loosened")
            else:
                add(c, "major", "tightened" if a is None else "changed")
    return out


def _schema_diff(old: Mapping, new: Mapping, renames: Mapping[str, str] | None = None) -> dict:
    """Classify the differences between two public Table Schemas."""
    ofields = {f["name"]: f for f in _schema_fields(old)}
    nfields = {f["name"]: f for f in _schema_fields(new)}
    rename_map: dict[str, str] = {}  # old -> new
    for f in nfields.values():
        src = f.get("renamedFrom") or f.get("x-renamed-from")
        if src and src in ofields and src not in nfields:
            rename_map[str(src)] = f["name"]
    for o, n in (renames or {}).items():
        if o in ofields and n in nfields and o not in nfields:
            rename_map[o] = n
    new_to_old = {n: o for o, n in rename_map.items()}
    removed = [n for n in ofields if n not in nfields and n not in rename_map]
    added = [n for n in nfields if n not in ofields and n not in new_to_old]
    changes: list[dict] = []
    for n in removed:
        changes.append({"field": n, "change": "field-removed", "severity": "major"})
    for o, n in rename_map.items():
        changes.append({"field": o, "change": "field-renamed", "to": n, "severity": "major"})
    # positions: the common (old-name) fields must keep their relative order and the added ones come last
    old_order = [n for n in ofields if n in nfields or n in rename_map]
    new_order = [new_to_old.get(n, n) for n in nfields if n in ofields or n in new_to_old]
    if old_order != new_order:
        changes.append({"field": None, "change": "fields-reordered", "severity": "major"})
    new_names = list(nfields)
    if added and new_names[-len(added):] != added:
        changes.append({"field": None, "change": "field-inserted-before-existing", "severity": "major",
                        "fields": added})
    for n in added:
        changes.append({"field": n, "change": "field-added", "severity": "minor"})
    for oname in old_order:
        nname = rename_map.get(oname, oname)
        of, nf = ofields[oname], nfields[nname]
        for prop in ("type", "format"):
            a, b = of.get(prop, "string" if prop == "type" else "default"), nf.get(prop, "string" if prop == "type" else "default")
            if a != b:
                changes.append({"field": nname, "change": f"{prop}-changed", "from": a, "to": b, "severity": "major"})
        changes.extend(_constraint_changes(nname, of, nf))
        for prop in sorted((set(of) | set(nf)) - {"name", "type", "format", "constraints", "renamedFrom",
                                                   "x-renamed-from"}):
            if of.get(prop) != nf.get(prop):
                changes.append({"field": nname, "change": "metadata-changed", "property": prop, "severity": "patch"})
    if _primary_key(old) != _primary_key(new):
        pk_old = [rename_map.get(k, k) for k in _primary_key(old)]
        if pk_old != _primary_key(new):
            changes.append({"field": None, "change": "primary-key-changed", "severity": "major",
                            "from": _primary_key(old), "to": _primary_key(new)})
    old, new = _published_schema(old), _published_schema(new)
    for prop in sorted((set(old) | set(new)) - {"fields", "primaryKey"}):
        if old.get(prop) != new.get(prop):
            sev = "major" if prop in ("missingValues", "foreignKeys", "uniqueKeys") else "patch"
            changes.append({"field": None, "change": "schema-property-changed", "property": prop, "severity": sev})
    mapping = [{"old": o, "new": rename_map.get(o, o if o in nfields else None)} for o in ofields]
    mapping += [{"old": None, "new": n} for n in added]
    return {"added": added, "removed": removed, "renamed": [{"from": o, "to": n} for o, n in rename_map.items()],
            "changes": changes, "mapping": mapping, "rename_map": rename_map}

