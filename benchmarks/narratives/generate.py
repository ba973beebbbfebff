"""Generate the narrative-redaction benchmark (deterministic, seeded, standard library only).

    python -m benchmarks.narratives.generate            # write dev.jsonl (test.jsonl is frozen)
    python -m benchmarks.narratives.generate --check    # regenerate the test split, compare with the file
    python -m benchmarks.narratives.generate --freeze   # rewrite test.jsonl and test.sha256 (never casually)

Only the frozen test split is committed. The dev split is generated on use (``load("dev")``, 0.6 s) and written
beside it as ``dev.jsonl`` (git-ignored) for anyone who wants to read it, so it can never be stale.

Each record: ``{id, family, variant, split, casing, text, fields, spans}``; a span is ``{start, end, type,
in_fields}`` plus ``ref`` (which person of the record) on PERSON spans. The dev split uses template
variants 0-3 of every family and two thirds of the name lists; the test split uses all six variants (4
and 5 only there), the whole name lists and its own seeds. See README.md for the annotation guide.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from pathlib import Path

from benchmarks.narratives import lexicon as L
from benchmarks.narratives.families import FAMILIES, HELD_OUT_VARIANTS, Family
from benchmarks.narratives.families_dev import DEV_FAMILIES
from benchmarks.narratives.families_dev2 import generate_dev2
from benchmarks.narratives.render import Doc, Person, Renderer, fmt_phone, make_person

HERE = Path(__file__).resolve().parent
SEED = "osd-narratives-v1"
PER_FAMILY = {"dev": 111, "test": 56}
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def case_number(rng: random.Random, fmt: str, year: int) -> str:
    """A case number in an agency format (Y two-digit year, YYYY year, N digit, L letter)."""
    out = fmt.replace("YYYY", str(year)).replace("YY", f"{year % 100:02d}")
    return "".join(str(rng.randint(0, 9)) if ch == "N" else rng.choice(LETTERS) if ch == "L" else ch for ch in out)


def plate(rng: random.Random) -> str:
    """A licence plate in one of a few state layouts."""
    d = lambda k: "".join(str(rng.randint(0, 9)) for _ in range(k))  # noqa: E731
    a = lambda k: "".join(rng.choice(LETTERS) for _ in range(k))  # noqa: E731
    return rng.choice([f"{rng.randint(1, 9)}{a(3)}{d(3)}", f"{a(3)}-{d(4)}", f"{a(3)}{d(4)}", f"{d(3)} {a(3)}"])


def _cast(rng: random.Random, fam: Family, split: str, year: int) -> dict[str, Person]:
    """The people of one record: distinct given names; one surname per family group (a role and the
    roles related to it share it, nobody else does)."""
    cast: dict[str, Person] = {}
    firsts: set[str] = set()
    lasts: set[str] = set()
    for role, kind in fam.cast.items():  # relatives come after the people they are related to
        root = kind[4:] if kind.startswith("rel:") else None
        p = make_person(rng, split, role, last=cast[root].last if root else None, year=year)
        want = dict(fam.genders).get(role, "f" if role == "m" else None)  # m is a mother
        while p.first in firsts or (want and p.gender != want):
            p.first, p.gender = _first_of(rng, split, want or p.gender)
        while root is None and p.last in lasts:
            p.last = make_person(rng, split, role).last
        p.nick = L.NICKNAMES.get(p.first, "")
        p.in_fields = kind == "field"
        firsts.add(p.first)
        lasts.add(p.last)
        cast[role] = p
    return cast


def _first_of(rng: random.Random, split: str, gender: str) -> tuple[str, str]:
    pool = L.FIRST_NAMES if split == "test" else [n for i, n in enumerate(L.FIRST_NAMES) if i % 3 != 2]
    same = [n for n in pool if n[1] == gender] or pool
    return rng.choice(same)


def _fields(rng: random.Random, fam: Family, cast: dict[str, Person], values: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    upper = rng.random() < 0.6
    for name, (role, attr) in fam.fields.items():
        if role == "record":
            out[name] = values[attr]
            continue
        p = cast[role]
        if attr == "lf":
            v = f"{p.last}, {p.first}"
            out[name] = v.upper() if upper else v
        elif attr == "badge":
            out[name] = p.badge
        elif attr == "phone":
            out[name] = fmt_phone(rng, p.phone, rng.choice(["paren", "dash", "nosep"]))
        elif attr == "dob":
            y, m, d = p.dob
            out[name] = f"{y}-{m:02d}-{d:02d}"
        elif attr == "addr":
            v = f"{p.street_no} {p.street}" + (f" {p.unit}" if p.unit else "")
            out[name] = v.upper() if upper else v
        p.in_field_attrs.add(attr if attr != "lf" else "name")
    return out


def make_record(fam: Family, split: str, index: int) -> dict:
    """One record of ``fam`` for ``split``, fully determined by (split, family, index)."""
    rng = random.Random(f"{SEED}:{split}:{fam.name}:{index}")
    variants = [v for v in range(len(fam.variants)) if split == "test" or fam.dev_only
                or v not in HELD_OUT_VARIANTS]
    variant = rng.choice(variants)
    casing = rng.choices([c for c, _ in fam.casing], [w for _, w in fam.casing])[0]
    year = rng.choice([2015, 2016, 2017, 2018, 2019, 2020, 2021])
    cast = _cast(rng, fam, split, year)
    values = {"case": case_number(rng, rng.choice(fam.case_formats), year),
              "case_other": case_number(rng, rng.choice(fam.case_formats), year - rng.randint(1, 4)),
              "plate": plate(rng)}
    fields = _fields(rng, fam, cast, values)
    if casing == "mixed":  # people written in another case than the text around them
        for p in cast.values():
            r = rng.random()
            p.casing = ("lo" if r < 0.25 else "up" if r < 0.35 else "") if not p.in_fields else (
                "up" if r < 0.15 else "")
    doc = Doc(casing)
    Renderer(rng, doc, cast, values, {"case"}).render(fam.variants[variant])
    return {
        "id": f"{split}-{fam.name}-{index:04d}", "family": fam.name, "variant": variant, "split": split,
        "casing": casing, "text": doc.text, "fields": fields, "spans": [s.as_dict() for s in doc.spans],
    }


def generate(split: str, per_family: int | None = None) -> list[dict]:
    """All records of a split, in a fixed order."""
    n = PER_FAMILY[split] if per_family is None else per_family
    families = FAMILIES + (DEV_FAMILIES if split == "dev" else ())  # the dev-only families never reach test
    dev2 = generate_dev2(n) if split == "dev" else []  # the fifth hand's families: own names, own seeds
    return [make_record(fam, split, i) for fam in families for i in range(n)] + dev2


def dumps(records: list[dict]) -> str:
    """The JSONL form, byte-stable (sorted keys, compact, UTF-8, one record a line)."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n" for r in records)


def sha256(path: Path) -> str:
    """Hex digest of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(split: str, directory: Path = HERE) -> list[dict]:
    """A split's records: the frozen test split read from its file; the dev split generated now and written to
    ``dev.jsonl`` when that file is missing or differs (atomically, so concurrent readers never see half a file)."""
    if split == "dev":
        write_dev(directory)
    with open(directory / f"{split}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_dev(directory: Path = HERE) -> Path:
    """Write the dev split to ``directory/dev.jsonl`` unless it already holds exactly what the generator writes."""
    path = directory / "dev.jsonl"
    text = dumps(generate("dev"))
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_name(f".dev.jsonl.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: write dev, check both, or (deliberately) freeze test."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--check", action="store_true", help="regenerate the frozen test split and compare with its file")
    ap.add_argument("--freeze", action="store_true", help="rewrite the frozen test split and its checksum")
    args = ap.parse_args(argv)
    if args.check:
        same = (args.out / "test.jsonl").read_text(encoding="utf-8") == dumps(generate("test"))
        print("the frozen test split matches the generator" if same else "differs: test")
        return 0 if same else 1
    write_dev(args.out)
    if args.freeze:
        (args.out / "test.jsonl").write_text(dumps(generate("test")), encoding="utf-8")
        (args.out / "test.sha256").write_text(f"{sha256(args.out / 'test.jsonl')}  test.jsonl\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
