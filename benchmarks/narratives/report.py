"""What the narrative benchmark prints: the side-by-side table of ``score`` results (``table``), and for one dev
record the tokens a redactor showed or over-redacted (``misses``) and how its placeholders fail to identify people
(``identity_misses``), listed by ``python -m benchmarks.narratives.score --misses N / --identity-misses N``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from benchmarks.narratives.score import (
    ENTITY_TYPES,
    UNSCORED,
    Redactor,
    Result,
    _covered,
    _difflib_removed,
    _edges,
    align,
    tokens,
)


def _f(x: float) -> str:
    return "  n/a" if math.isnan(x) else f"{x:5.3f}"


def table(results: Sequence[Result]) -> list[str]:
    """The side-by-side report: per-type recall and precision, PERSON breakdowns, consistency, speed."""
    names = " | ".join(f"{r.name[:17]:>17}" for r in results)
    lines = [f"{'type':<22} {'gold tok':>8} | {names}", f"{'':<22} {'':>8} | "
             + " | ".join(f"{'R':>8} {'P':>8}" for _ in results)]
    for typ in ENTITY_TYPES:
        gold = results[0].recall[typ].gold
        lines.append(f"{typ:<22} {gold:>8} | " + " | ".join(
            f"{_f(r.recall[typ].recall):>8} {_f(r.precision(typ)):>8}" for r in results))
    lines.append(f"{'PERSON P (any entity)':<22} {'':>8} | " + " | ".join(
        f"{'':>8} {_f(r.precision('PERSON', any_entity=True)):>8}" for r in results))
    lines.append(f"{'all types P (any ent.)':<22} {'':>8} | " + " | ".join(
        f"{'':>8} {_f(r.overall_precision()):>8}" for r in results))
    keys = ["in_fields", "text_only", "case:lower", "case:title", "case:upper", "text_only:lower",
            "text_only:title", "text_only:upper", "held_out_variant"]
    keys += sorted(k for k in results[0].person_by if k.startswith("form:") and k != "form:?")
    keys += sorted(k for k in results[0].person_by if k.startswith("family:"))
    lines.append("PERSON recall by subset")
    for k in keys:
        c = results[0].person_by.get(k)
        if c is None or not c.gold:
            continue
        lines.append(f"  {k[:20]:<20} {c.gold:>8} | " + " | ".join(
            f"{_f(r.person_by[k].recall):>8} {'':>8}" for r in results))
    lines.append("recall, value in the record's fields / only in the text")
    for typ in ENTITY_TYPES:
        if typ == "PERSON":
            continue
        for where in ("in_fields", "text_only"):
            c = results[0].by_fields.get(f"{typ}:{where}")
            if c is None or not c.gold:
                continue
            lines.append(f"  {typ[:10] + ' ' + where:<20} {c.gold:>8} | " + " | ".join(
                f"{_f(r.by_fields[f'{typ}:{where}'].recall):>8} {'':>8}" for r in results))
    lines.append(f"{'inconsistent groups':<22} {results[0].repeated_groups:>8} | " + " | ".join(
        f"{r.inconsistent_groups:>8} {r.inconsistent_records:>7}r" for r in results)
        + "   (repeated gold tokens shown at one mention, removed at another; r = records)")
    lines.append(f"{'one number, 2 people':<22} {results[0].multi_person_records:>8} | " + " | ".join(
        (f"{r.merge_records:>7}r {r.split_people:>7}p" if r.numbered else f"{'n/a':>8} {'n/a':>8}") for r in results)
        + "   (records where a number stands for 2+ people; people given 2+ numbers)")
    for label, attr in (("initials shown", "initials"), ("NN/R/S shown", "descriptors"),
                        ("'According' redacted", "according")):
        lines.append(f"{label:<22} {getattr(results[0], attr)[0]:>8} | " + " | ".join(
            f"{getattr(r, attr)[1]:>7}r {'':>8}" for r in results) + "   (records that have one; r = records wrong)")
    lines.append(f"{'narratives/s':<22} {results[0].n:>8} | " + " | ".join(
        f"{r.rate:>8.1f} {'':>8}" for r in results))
    lines.append(f"{'narratives/CPU-s':<22} {results[0].n:>8} | " + " | ".join(
        f"{r.cpu_rate:>8.1f} {'':>8}" for r in results))
    if any(r.unaligned or r.withheld for r in results):
        lines.append(f"{'unaligned / withheld':<22} {'':>8} | " + " | ".join(
            f"{r.unaligned:>8} {r.withheld:>8}" for r in results))
    return lines


def misses(record: Mapping, output: str, redactor: Redactor) -> tuple[list[str], list[str]]:
    """(gold tokens left in the output, non-entity tokens a placeholder touched) of one record."""
    toks = tokens(record)
    replaced = align(record["text"], output, redactor.placeholder, redactor.label, _edges(record))
    if replaced is None:
        removed, labels = _difflib_removed(toks, output, redactor.placeholder)
        touched = removed
    else:
        removed, touched, labels = _covered(toks, replaced)
    shown = [f"{t.gold}:{t.text}" for i, t in enumerate(toks)
             if t.gold and i not in removed and t.text.casefold() not in UNSCORED.get(t.gold, ())]
    extra = [f"{labels[i][0]}:{t.text}" for i, t in enumerate(toks) if i in touched and not t.gold]
    return shown, extra


def identity_misses(record: Mapping, output: str, redactor: Redactor) -> list[str]:
    """How one record's placeholders fail to identify people: each number that stands for two or more people
    (``merge``) and each person given two or more numbers (``split``), with the mentions involved
    (``ref form 'text' -> number``). Empty when every person has one number of their own."""
    toks = tokens(record)
    replaced = align(record["text"], output, redactor.placeholder, redactor.label, _edges(record))
    if replaced is None:
        return []
    removed, _touched, labels = _covered(toks, replaced)
    by_ref: dict[str, set[int]] = defaultdict(set)
    by_num: dict[int, set[str]] = defaultdict(set)
    mention_nums: dict[int, set[int]] = defaultdict(set)
    for i, t in enumerate(toks):
        typ, num = labels.get(i, ("", None))
        if t.gold == "PERSON" and t.ref and i in removed and typ == "PERSON" and num is not None:
            by_ref[t.ref].add(num)
            by_num[num].add(t.ref)
            mention_nums[t.span].add(num)
    text = record["text"]

    def show(refs: set[str], nums: set[int]) -> str:
        return "; ".join(f"{sp['ref']} {sp.get('form', '?')} {text[sp['start']:sp['end']]!r} -> "
                         + ",".join(map(str, sorted(mention_nums[j])))
                         for j, sp in enumerate(record["spans"]) if sp.get("ref") in refs and mention_nums[j] & nums)

    out = [f"merge {n}: " + show(refs, {n}) for n, refs in sorted(by_num.items()) if len(refs) > 1]
    out += [f"split {ref}: " + show({ref}, nums) for ref, nums in sorted(by_ref.items()) if len(nums) > 1]
    return out
