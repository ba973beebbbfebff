"""The fifth hand's dev-only families (benchmarks/narratives/families_dev2.py): well-formed gold, dev only."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks.narratives import families_dev2 as D2
from benchmarks.narratives import words_dev2 as W
from benchmarks.narratives.generate import HERE, load, sha256
from benchmarks.narratives.score import ENTITY_TYPES, TOKEN

ROOT = Path(__file__).resolve().parents[1]
FORMS = {"full", "first", "last", "lf", "lfm", "fml", "fil", "ini", "ini2", "nick", "alias"}
NAMES = {f.name for f in D2.DEV2_FAMILIES}
FROZEN_TEST_SHA256 = "c009068bcb89bfe0df397027f7bba89f8824280e51e2fbc2b9eb1a572cb3e061"


VOCAB = {w.casefold() for n in [g for g, _ in W.GIVEN_NAMES] + W.SURNAME_LIST + W.MONIKER_LIST
         + [x for ns in W.NICKNAMES.values() for x in ns] for w in TOKEN.findall(n)}
SHAPES = {
    "PERSON": lambda s, v: bool(re.fullmatch(r"[A-Z]\.[A-Z]\.|[A-Z]{2}", v)) if s["form"] in ("ini", "ini2")
    else all(len(w) == 1 or w.casefold() in VOCAB for w in TOKEN.findall(v)),  # 1 letter: an initial
    "PHONE": lambda s, v: len(re.sub(r"\D", "", v)) in (10, 11),
    "ADDRESS": lambda s, v: v[0].isdigit(),
    "DATE_OF_BIRTH": lambda s, v: len(re.sub(r"\D", "", v)) >= 4 or bool(re.search(r"[A-Z][a-z]{2}", v)),
    "ID": lambda s, v: any(c.isdigit() for c in v),
    "DEMOGRAPHIC": lambda s, v: any(c.isdigit() for c in v),
    "EMAIL": lambda s, v: "@" in v,
}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [r for r in load("dev") if r["family"] in NAMES]


def words(s: str) -> set[str]:
    return {w.casefold() for w in TOKEN.findall(s)}


def test_dev2_families_are_in_dev_only_with_every_variant(records: list[dict]) -> None:
    assert sha256(HERE / "test.jsonl") == FROZEN_TEST_SHA256  # generating them left the frozen split alone
    assert not NAMES & {r["family"] for r in load("test")}
    for fam in D2.DEV2_FAMILIES:
        mine = [r for r in records if r["family"] == fam.name]
        assert len(mine) == 111 and {r["variant"] for r in mine} == set(range(len(fam.variants))), fam.name
        assert all(r["split"] == "dev" and r["id"].startswith(f"dev-{fam.name}-") for r in mine)


def test_dev2_spans_are_well_formed(records: list[dict]) -> None:
    for r in records:
        assert not re.search(r"\{[a-z0-9_.|]+\}|\[\[|\]\]", r["text"]), r["id"]  # no slot left unfilled
        prev = 0
        for s in r["spans"]:
            value = r["text"][s["start"]:s["end"]]
            assert prev <= s["start"] < s["end"] <= len(r["text"]), r["id"]
            assert value == value.strip() and TOKEN.search(value), r["id"]
            assert s["type"] in ENTITY_TYPES and isinstance(s["in_fields"], bool)
            assert ("ref" in s) == ("form" in s) == (s["type"] == "PERSON"), r["id"]
            assert s["type"] != "PERSON" or s["form"] in FORMS, r["id"]
            assert SHAPES[s["type"]](s, value), (r["id"], s["type"])  # the offsets sit on the value they claim
            prev = s["end"]


def test_dev2_refs_are_consistent(records: list[dict]) -> None:
    """One ref is one person: its given names, surnames, nicknames and monikers agree with each other, and no
    two refs of a record share a full name, a nickname or a moniker."""
    short = {n.casefold(): {g.casefold() for g, ns in W.NICKNAMES.items() if n in ns}
             for ns in W.NICKNAMES.values() for n in ns}
    monikers = {m.casefold() for m in W.MONIKER_LIST}
    for r in records:
        by_ref: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for s in r["spans"]:
            if s["type"] == "PERSON":
                by_ref[s["ref"]].append((s["form"], r["text"][s["start"]:s["end"]].casefold()))
        owner: dict[tuple[str, str], str] = {}
        for ref, mentions in by_ref.items():
            full = set().union(*(words(v) for f, v in mentions if f in ("full", "lf", "lfm")))
            given = {w.strip(",") for f, v in mentions if f in ("full", "lf", "lfm", "first") for w in v.split()}
            for form, value in mentions:
                if form in ("first", "last") and full:
                    assert words(value) <= full, (r["id"], ref, form)
                if form == "nick":
                    assert value in short and (not given or short[value] & given), (r["id"], ref)
                if form == "alias":
                    assert value in monikers, (r["id"], ref)
                key = (form, value) if form in ("nick", "alias") else ("name", " ".join(sorted(words(value))))
                if form in ("nick", "alias", "full", "lf"):
                    assert owner.setdefault(key, ref) == ref, (r["id"], key)


def test_dev2_cover_what_they_claim(records: list[dict]) -> None:
    spans = [(r, s, r["text"][s["start"]:s["end"]]) for r in records for s in r["spans"]]
    persons = [(r, s, v) for r, s, v in spans if s["type"] == "PERSON"]
    assert sum(v.islower() and not s["in_fields"] for _, s, v in persons) > 300  # "ngozi n her bf tunde"
    assert any(s["form"] == "nick" and s["in_fields"] for _, s, _ in persons)  # fields say the full given name
    assert sum(s["form"] == "alias" for _, s, _ in persons) > 150
    texts = "\n".join(r["text"] for r in records)
    for cue in ("AKA ", "A.K.A. ", "aka: ", "a/k/a ", "alias: ", "moniker: ", "S/N ", "NN: ", "goes by ",
                "known on the street as "):
        assert cue.casefold() in texts.casefold(), cue
    shared = 0  # two people of one record with the same surname
    for r in records:
        lasts: dict[str, set[str]] = defaultdict(set)
        for s in r["spans"]:
            if s["type"] == "PERSON" and s["form"] == "last":
                lasts[r["text"][s["start"]:s["end"]].casefold()].add(s["ref"])
        shared += any(len(refs) > 1 for refs in lasts.values())
    assert shared > 100
    words_as_words = 0  # a name that is a word, and the same word used as a word in the same record
    for r in records:
        names = {r["text"][s["start"]:s["end"]].casefold() for s in r["spans"] if s["type"] == "PERSON"}
        gold = {i for s in r["spans"] for i in range(s["start"], s["end"])}
        words_as_words += any(m.start() not in gold and m.group().casefold() in names
                              for m in re.finditer(r"\w+", r["text"]))
    assert words_as_words > 100
    negatives = "\n".join(r["text"] for r in records).casefold()
    for word in ("will", "hope", "rich", "major", "chance", "story", "mercy", "young", "rose", "lane bryant"):
        assert re.search(rf"\b{re.escape(word)}\b", negatives), word


def test_dev2_generation_does_not_depend_on_string_hashing() -> None:
    code = ("from benchmarks.narratives.families_dev2 import generate_dev2; from benchmarks.narratives.generate "
            "import dumps; import hashlib, sys; sys.stdout.write(hashlib.sha256(dumps(generate_dev2(5)).encode())"
            ".hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout for seed in ("0", "777")}
    from benchmarks.narratives.generate import dumps

    assert digests == {hashlib.sha256(dumps(D2.generate_dev2(5)).encode()).hexdigest()}
