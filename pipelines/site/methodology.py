"""Figures of the methodology pages: the custom recognizers (read from their source with ``ast``, not imported)
and the counts, disclosure-control levels and utility report of a release's provenance.json."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.config import REPO_ROOT
from pipelines.site.render import human_labels

RECOGNIZERS_DIR = REPO_ROOT / "redaction" / "recognizers"


def _first_line(doc: str | None) -> str:
    """The docstring's first line without its parenthesized examples: example names written by developers
    could match someone in the data, and the public site must not carry a name (the no-leak test checks it)."""
    line = (doc or "").strip().splitlines()[0].strip() if (doc or "").strip() else ""
    line = re.sub(r"\s*\((?:[^()]*\([^()]*\))*[^()]*\)", "", line)
    return re.sub(r"``([^`]*)``", r"\1", line).strip()


@dataclass
class RecognizerInfo:
    """One custom recognizer module: its file, its entity types and the first line of its docstring."""

    module: str
    summary: str
    entities: list[str]
    classes: list[str]


def list_recognizers(folder: Path = RECOGNIZERS_DIR) -> list[RecognizerInfo]:
    """Modules of ``redaction/recognizers/`` that define a ``*Recognizer`` class (read with ``ast``, not imported)."""
    out: list[RecognizerInfo] = []
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        classes: list[str] = []
        entities: list[str] = []
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Recognizer"):
                classes.append(node.name)
                for stmt in node.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id in ("ENTITY", "SUPPORTED_ENTITY") for t in stmt.targets)
                        and isinstance(stmt.value, ast.Constant)
                        and isinstance(stmt.value.value, str)
                    ):
                        entities.append(stmt.value.value)
        if classes:
            out.append(
                RecognizerInfo(
                    module=path.stem,
                    summary=_first_line(ast.get_docstring(tree)),
                    entities=sorted(set(entities)),
                    classes=classes,
                )
            )
    return out


def _module_summary(path: Path) -> str:
    try:
        return _first_line(ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return ""


# --------------------------------------------------------------------------------------------------- reading


_LEVEL_TEXT = {"*": "withheld entirely (every value replaced by *)", "value": "as recorded (not generalized)"}


def _counts_from_provenance(prov: Mapping[str, Any] | None) -> dict[str, Any]:
    """Figures for the methodology page, from provenance.json (every value is a count, a code or a setting).

    Reads the shape written by ``pipelines.stages.provenance``: ``counts`` {ingested, published, quarantined,
    suppressed}, ``quarantine_reasons`` {code: n}, ``redactions_by_type`` {entity: n}, ``disclosure_control``
    {k_achieved, k_target, rows_suppressed, levels}; older keys (``sdc``, ``redactions``) are accepted too.
    """
    prov = dict(prov or {})
    counts = dict(prov.get("counts") or {})
    sdc = dict(prov.get("disclosure_control") or prov.get("sdc") or {})
    redactions = prov.get("redactions_by_type") or prov.get("redactions") or {}
    quarantined = counts.get("quarantined", prov.get("quarantined"))
    suppressed = sdc.get("rows_suppressed", sdc.get("suppressed", counts.get("suppressed")))
    k_achieved = sdc.get("k_achieved")
    levels = sdc.get("levels") or {}
    reasons = prov.get("quarantine_reasons") or {}

    def num(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool)

    return {
        "redactions": sorted((str(k), int(v)) for k, v in dict(redactions).items() if num(v)),
        "quarantined": quarantined if num(quarantined) else None,
        "suppressed": suppressed if num(suppressed) else None,
        "k_achieved": k_achieved,
        "k_target": sdc.get("k_target"),
        "generalized": sorted((str(k), _LEVEL_TEXT.get(str(v), str(v))) for k, v in dict(levels).items())
        if isinstance(levels, Mapping) else [],
        "counts": [(k.replace("_", " "), v) for k, v in counts.items() if num(v)],
        "reasons": sorted((str(k), int(v)) for k, v in dict(reasons).items() if num(v)) if isinstance(
            reasons, Mapping) else [],
        "texts_redacted": prov.get("texts_redacted") if num(prov.get("texts_redacted")) else None,
        "code_version": prov.get("code_version"),
        "utility": _utility(prov.get("utility")),
    }


def _mismatch(utility: Mapping[str, Any] | None, profiles: Mapping[str, Any]) -> list[str]:
    """Columns whose withheld share in provenance's report differs from the released file by more than 1 point."""
    out = []
    for c in (utility or {}).get("columns") or []:
        p = profiles.get(c["name"])
        sup = c.get("suppressed_share")
        if p is not None and p.rows and isinstance(sup, int | float) and abs(sup - p.withheld / p.rows) > 0.01:
            out.append(c["name"])
    return out


def _utility(rep: Any) -> dict[str, Any] | None:
    """The utility and risk report of provenance.json (``redaction.sdc.report``), if the release has one:
    scalar figures and, per quasi-identifier, its level shares and suppressed share."""
    if not isinstance(rep, Mapping):
        return None

    def num(v: Any) -> bool:
        return isinstance(v, int | float) and not isinstance(v, bool)

    figures = [(k.replace("_", " "), rep[k]) for k in ("k_achieved", "k_target", "classes", "classes_below_k",
                                                      "rows_in_classes_below_k", "information_kept") if num(rep.get(k))]
    cols = []
    for name, e in (rep.get("columns") or {}).items():
        if isinstance(e, Mapping) and isinstance(e.get("levels"), Mapping):
            shares = ", ".join(f"{human_labels(str(lv))} {100 * v:.0f}%" for lv, v in e["levels"].items()
                               if num(v) and lv != "suppressed")
            sup = e.get("suppressed_share")
            share = float(sup) if isinstance(sup, int | float) and not isinstance(sup, bool) else None
            cols.append({"name": str(name), "shares": shares,
                         "suppressed": f"{100 * share:.0f}%" if share is not None else "", "suppressed_share": share})
    return {"figures": figures, "columns": cols}

