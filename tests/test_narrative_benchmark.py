"""The independent narrative benchmark: its frozen split, its generator, its scorer, its adapters."""

from __future__ import annotations

import itertools
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.narratives import lexicon
from benchmarks.narratives.families import FAMILIES, HELD_OUT_VARIANTS
from benchmarks.narratives.families_dev import DEV_FAMILIES
from benchmarks.narratives.families_dev2 import DEV2_FAMILIES
from benchmarks.narratives.generate import HERE, dumps, generate, load, sha256
from benchmarks.narratives.report import table
from benchmarks.narratives.score import (
    ENTITY_TYPES,
    TOKEN,
    Redactor,
    align,
    everything_redactor,
    identity_redactor,
    run,
    score_outputs,
    tokens,
)

ROOT = Path(__file__).resolve().parents[1]
# The frozen test split. Changing it is a new benchmark version (new seed prefix, README, this digest).
FROZEN_TEST_SHA256 = "c009068bcb89bfe0df397027f7bba89f8824280e51e2fbc2b9eb1a572cb3e061"


# ------------------------------------------------------------------------------------------------
# The frozen split and the generator
# ------------------------------------------------------------------------------------------------
def test_frozen_test_split_matches_its_checksum() -> None:
    assert sha256(HERE / "test.jsonl") == FROZEN_TEST_SHA256
    digest, name = (HERE / "test.sha256").read_text(encoding="utf-8").split()
    assert (digest, name) == (FROZEN_TEST_SHA256, "test.jsonl")


def test_dev_split_is_generated_on_use_and_never_stale(tmp_path: Path) -> None:
    # The dev split is not committed (it is over 2 MiB): load("dev") writes what the generator writes, and
    # rewrites a file that differs (an edited or older generator's file is never read as the dev split).
    assert not (tmp_path / "dev.jsonl").exists()
    records = load("dev", tmp_path)
    assert (tmp_path / "dev.jsonl").read_text(encoding="utf-8") == dumps(generate("dev")) == dumps(records)
    (tmp_path / "dev.jsonl").write_text(dumps(records[:3]), encoding="utf-8")
    assert len(load("dev", tmp_path)) == len(records) > 2000
    assert [p.name for p in tmp_path.iterdir()] == ["dev.jsonl"]  # no temporary file left
    tracked = subprocess.run(["git", "ls-files", "benchmarks/narratives/"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode == 0:  # in a git checkout: the dev split is not in it, the frozen split is
        assert "benchmarks/narratives/dev.jsonl" not in tracked.stdout.split()
        assert "benchmarks/narratives/test.jsonl" in tracked.stdout.split()


def test_generator_is_deterministic_across_processes() -> None:
    code = ("from benchmarks.narratives.generate import dumps, generate; import hashlib, sys; "
            "sys.stdout.write(hashlib.sha256(dumps(generate('test', 4)).encode()).hexdigest())")
    digests = set()
    for seed in ("0", "4242"):  # string hashing differs between these interpreters
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                             check=True)
        digests.add(out.stdout)
    assert len(digests) == 1
    assert digests == {__import__("hashlib").sha256(dumps(generate("test", 4)).encode()).hexdigest()}


@pytest.fixture(scope="module")
def splits() -> dict[str, list[dict]]:
    return {"dev": load("dev"), "test": load("test")}


def test_gold_spans_are_well_formed(splits: dict[str, list[dict]]) -> None:
    for records in splits.values():
        for r in records:
            prev = 0
            for s in r["spans"]:
                value = r["text"][s["start"]:s["end"]]
                assert s["start"] >= prev and s["end"] > s["start"], r["id"]
                assert value == value.strip() and TOKEN.search(value), r["id"]
                assert s["type"] in ENTITY_TYPES
                assert ("ref" in s) == (s["type"] == "PERSON")
                prev = s["end"]


def test_splits_hold_out_variants_and_names(splits: dict[str, list[dict]]) -> None:
    dev, test = splits["dev"], splits["test"]
    nine = [r for r in dev if r["family"] in {f.name for f in FAMILIES}]
    assert len(test) * 2 < len(nine) + len(test) < len(test) * 4  # about a third of the nine families is test
    assert {r["family"] for r in test} == {f.name for f in FAMILIES}
    assert {r["family"] for r in dev} == {f.name for f in FAMILIES + DEV_FAMILIES + DEV2_FAMILIES}  # dev only
    assert not {r["variant"] for r in dev if r["family"] in {f.name for f in FAMILIES}} & set(HELD_OUT_VARIANTS)
    assert set(HELD_OUT_VARIANTS) <= {r["variant"] for r in test}

    def words(names: list[str]) -> set[str]:  # two letters can be initials ("JA"), not a held-out "Ja'Nya"
        return {w.casefold() for n in names for w in TOKEN.findall(n) if len(w) > 2}

    firsts = [n for n, _ in lexicon.FIRST_NAMES]
    dev_pool = words([n for i, n in enumerate(firsts) if i % 3 != 2] + [n for i, n in enumerate(lexicon.SURNAMES)
                     if i % 3 != 2] + list(lexicon.NICKNAMES.values()) + lexicon.STREET_ALIASES)
    held_out = words([n for i, n in enumerate(firsts) if i % 3 == 2]
                     + [n for i, n in enumerate(lexicon.SURNAMES) if i % 3 == 2]) - dev_pool
    assert held_out
    dev_person_words = words([r["text"][s["start"]:s["end"]] for r in dev for s in r["spans"]
                              if s["type"] == "PERSON"])
    test_person_words = words([r["text"][s["start"]:s["end"]] for r in test for s in r["spans"]
                               if s["type"] == "PERSON"])
    assert not dev_person_words & held_out
    assert test_person_words & held_out


def test_test_split_covers_what_it_claims(splits: dict[str, list[dict]]) -> None:
    test = splits["test"]
    spans = [(r, s, r["text"][s["start"]:s["end"]]) for r in test for s in r["spans"]]
    persons = [(s, v) for _, s, v in spans if s["type"] == "PERSON"]
    assert {t for _, s, _ in spans for t in [s["type"]]} == set(ENTITY_TYPES)
    assert any(v.islower() for s, v in persons if not s["in_fields"])  # "her roommate ngozi balogun"
    assert any(v.isupper() for s, v in persons) and any(not s["in_fields"] for s, _ in persons)
    assert any(re.fullmatch(r"[A-Z]\.[A-Z]\.", v) for _, v in persons)  # A.B.
    assert any(re.fullmatch(r"[A-Z]{2}", v) for _, v in persons)  # Officer FQ
    assert any(re.fullmatch(r"\d{10}", v) for _, s, v in spans if s["type"] == "PHONE")
    assert any(re.fullmatch(r"\d+/[A-Z]/[A-Z]", v) for _, s, v in spans if s["type"] == "DEMOGRAPHIC")
    assert any("block of" in v for _, s, v in spans if s["type"] == "ADDRESS")
    # relatives sharing a surname: two people (refs) of one record with the same last word
    shared = 0
    for r in test:
        last = {}
        for s in r["spans"]:
            words = r["text"][s["start"]:s["end"]].casefold().split()
            if s["type"] == "PERSON" and len(words) > 1 and "," not in r["text"][s["start"]:s["end"]]:
                last.setdefault(words[-1], set()).add(s["ref"])
        shared += any(len(refs) > 1 for refs in last.values())
    assert shared >= 20
    texts = " ".join(r["text"] for r in test)
    for negative in ("According", "Washington St", "Force Investigation Unit"):
        assert negative.casefold() in texts.casefold()


# ------------------------------------------------------------------------------------------------
# The scorer, on hand-made records
# ------------------------------------------------------------------------------------------------
def record(text: str, *spans: tuple[str, str, str | None, bool]) -> dict:
    """A record from (surface, type, ref, in_fields), each surface found after the previous one."""
    out, pos = [], 0
    for surface, typ, ref, in_fields in spans:
        start = text.index(surface, pos)
        span = {"start": start, "end": start + len(surface), "type": typ, "in_fields": in_fields}
        if typ == "PERSON":
            span["ref"] = ref
        out.append(span)
        pos = start + len(surface)
    return {"id": "t", "family": "hand", "variant": 0, "split": "unit", "text": text, "fields": {}, "spans": out}


REC = record("Ann Lee called 5105550142 about Lee at Kohl's.",
             ("Ann Lee", "PERSON", "p1", True), ("5105550142", "PHONE", None, False), ("Lee", "PERSON", "p1", True))


def replacing(name: str, *pairs: tuple[str, str]) -> Redactor:
    """A redactor that replaces given substrings (first occurrence each, in order) with placeholders."""
    def fn(text: str, fields: object) -> str:
        for old, new in pairs:
            text = text.replace(old, new, 1)
        return text
    return Redactor(name, fn, {"PHONE_NUMBER": "PHONE"})


def test_nothing_and_everything() -> None:
    nothing, everything = run([REC], [identity_redactor(), everything_redactor()])
    assert nothing.recall["PERSON"].recall == 0 and nothing.recall["PHONE"].recall == 0
    assert math.isnan(nothing.precision("PERSON"))
    assert everything.recall["PERSON"].recall == 1 and everything.recall["PHONE"].recall == 1
    n_tokens = len(tokens(REC))  # Ann Lee called 5105550142 about Lee at Kohl s
    assert everything.precision("PERSON") == pytest.approx(3 / n_tokens)
    assert everything.precision("PERSON", any_entity=True) == pytest.approx(4 / n_tokens)
    assert everything.merge_records == 0  # one person only
    assert nothing.seconds >= 0 and everything.n == 1


def test_half_redaction_recall_precision_and_consistency() -> None:
    red = replacing("half", ("Ann Lee", "[PERSON 1]"), ("Kohl", "[PERSON 2]"))
    res = score_outputs([REC], [red.redact(REC["text"], {})], red)
    assert res.recall["PERSON"].gold == 3 and res.recall["PERSON"].removed == 2
    assert res.recall["PHONE"].recall == 0
    assert res.precision("PERSON") == pytest.approx(2 / 3)  # Ann, Lee right; Kohl wrong
    assert res.inconsistent_groups == 1 and res.inconsistent_records == 1  # Lee removed, then shown
    fixed = replacing("all", ("Ann Lee", "[PERSON 1]"), ("5105550142", "<PHONE_NUMBER>"), (" Lee ", " [PERSON 1] "))
    res = score_outputs([REC], [fixed.redact(REC["text"], {})], fixed)
    assert res.recall["PERSON"].recall == 1 and res.recall["PHONE"].recall == 1
    assert res.precision("PHONE") == 1 and res.inconsistent_groups == 0


def test_consistency_is_per_person_and_type() -> None:
    rec = record("A.B. met A.C.; A.B. left.", ("A.B.", "PERSON", "p1", True), ("A.C.", "PERSON", "p2", False),
                 ("A.B.", "PERSON", "p1", True))
    red = replacing("one of two", ("A.B.", "[PERSON 1]"), ("A.C.", "[PERSON 2]"))
    res = score_outputs([rec], [red.redact(rec["text"], {})], red)
    assert res.repeated_groups == 2 and res.inconsistent_groups == 2  # p1's A and B: removed, then shown
    red = replacing("all of p1", ("A.B.", "[PERSON 1]"), ("A.B.", "[PERSON 1]"))
    res = score_outputs([rec], [red.redact(rec["text"], {})], red)
    assert res.inconsistent_groups == 0  # p2's "A" shown does not make p1 inconsistent


def test_person_subsets_by_fields_and_casing() -> None:
    rec = record("ngozi balogun and MARK WEST met Ann.", ("ngozi balogun", "PERSON", "r", False),
                 ("MARK WEST", "PERSON", "s", True), ("Ann", "PERSON", "v", True))
    red = replacing("upper only", ("MARK WEST", "[PERSON 1]"))
    res = score_outputs([rec], [red.redact(rec["text"], {})], red)
    assert res.person_by["text_only"].recall == 0 and res.person_by["in_fields"].recall == pytest.approx(2 / 3)
    assert res.person_by["case:lower"].gold == 2 and res.person_by["case:lower"].recall == 0
    assert res.person_by["case:upper"].recall == 1 and res.person_by["case:title"].recall == 0


def test_philadelphia_like_counts() -> None:
    rec = record("According to the complainant, 32/W/F, P/O FQ #4471 and A.B. argued.",
                 ("32/W/F", "DEMOGRAPHIC", None, False), ("FQ", "PERSON", "o", True), ("4471", "ID", None, True),
                 ("A.B.", "PERSON", "c", True))
    keeps_initials = replacing("a", ("According", "[PERSON 1]"), ("32/W/F", "[X 1]"), ("FQ", "[PERSON 2]"))
    res = score_outputs([rec], [keeps_initials.redact(rec["text"], {})], keeps_initials)
    assert (res.initials, res.descriptors, res.according) == ([1, 1], [1, 0], [1, 1])
    good = replacing("b", ("32/W/F", "[X 1]"), ("FQ", "[PERSON 2]"), ("A.B.", "[PERSON 1]"))
    res = score_outputs([rec], [good.redact(rec["text"], {})], good)
    assert (res.initials, res.descriptors, res.according) == ([1, 0], [1, 0], [1, 0])


def test_block_and_of_inside_an_address_are_not_scored() -> None:
    rec = record("Seen at the 4700 block of W Hillcrest Ave.", ("4700 block of W Hillcrest Ave", "ADDRESS", None, True))
    red = replacing("pieces", ("4700", "[ADDRESS 1]"), ("W Hillcrest Ave", "[ADDRESS 2]"))
    res = score_outputs([rec], [red.redact(rec["text"], {})], red)
    assert res.recall["ADDRESS"].gold == 4 and res.recall["ADDRESS"].recall == 1
    half = replacing("number only", ("4700", "[ADDRESS 1]"))
    res = score_outputs([rec], [half.redact(rec["text"], {})], half)
    assert res.recall["ADDRESS"].recall == 0.25


def test_placeholder_identity_merge_and_split() -> None:
    rec = record("Guadalupe Przybylski said Aaliyah Przybylski hit her; Ms. Przybylski left.",
                 ("Guadalupe Przybylski", "PERSON", "v", True), ("Aaliyah Przybylski", "PERSON", "rel", False),
                 ("Przybylski", "PERSON", "v", True))
    merged = replacing("merged", ("Guadalupe Przybylski", "[PERSON 1]"), ("Aaliyah Przybylski", "[PERSON 1]"),
                       ("Ms. Przybylski", "Ms. [PERSON 1]"))
    right = replacing("right", ("Guadalupe Przybylski", "[PERSON 1]"), ("Aaliyah Przybylski", "[PERSON 2]"),
                      ("Ms. Przybylski", "Ms. [PERSON 1]"))
    split = replacing("split", ("Guadalupe Przybylski", "[PERSON 1]"), ("Aaliyah Przybylski", "[PERSON 2]"),
                      ("Ms. Przybylski", "Ms. [PERSON 3]"))
    outs = {r.name: score_outputs([rec], [r.redact(rec["text"], {})], r) for r in (merged, right, split)}
    assert (outs["merged"].merge_records, outs["merged"].split_people) == (1, 0)
    assert (outs["right"].merge_records, outs["right"].split_people) == (0, 0)
    assert (outs["split"].merge_records, outs["split"].split_people) == (0, 1)
    assert all(o.recall["PERSON"].recall == 1 and o.multi_person_records == 1 for o in outs.values())
    unnumbered = replacing("presidio-like", ("Guadalupe Przybylski", "<PERSON>"))
    res = score_outputs([rec], [unnumbered.redact(rec["text"], {})], unnumbered)
    assert not res.numbered and res.precision("PERSON") == 1


def test_align_recovers_replaced_characters() -> None:
    red = identity_redactor()
    assert align("Lee told Lee", "[PERSON 1] told Lee", red.placeholder, red.label) == [(0, 3, "PERSON", 1)]
    assert align("Lee told Lee", "Lee told [PERSON 1]", red.placeholder, red.label) == [(9, 12, "PERSON", 1)]
    assert align("Lee told Lee", "Lee told Le", red.placeholder, red.label) is None
    assert align("a b", "a b", red.placeholder, red.label) == []
    assert align("x Ann y Ann z", "x [P 1] y <Q> z", red.placeholder, red.label) == [(2, 5, "OTHER", 1),
                                                                                     (8, 11, "OTHER", None)]
    # ambiguous: the gold boundaries decide; without them, leftmost
    text, out = "J. West. Ann Lee left", "[PERSON 1]. [PERSON 2] left"
    assert align(text, out, red.placeholder, red.label, {0, 7, 9, 16}) == [(0, 7, "PERSON", 1), (9, 16, "PERSON", 2)]
    assert align(text, out, red.placeholder, red.label) == [(0, 1, "PERSON", 1), (3, 16, "PERSON", 2)]
    withheld = align("Ann Lee hit Bo", "[narrative withheld pending review]", red.placeholder, red.label)
    assert withheld == [(0, 14, "WITHHELD", None)]


def test_partly_replaced_token_counts_as_shown_and_unaligned_output_is_flagged() -> None:
    rec = record("Przybylski Left.", ("Przybylski", "PERSON", "v", True))
    cut = replacing("cut", ("Przybyl", "[PERSON 1]"))
    res = score_outputs([rec], [cut.redact(rec["text"], {})], cut)
    assert res.recall["PERSON"].recall == 0 and res.labelled["PERSON"] == 1
    lowered = Redactor("lowercases", lambda t, f: t.lower().replace("przybylski", "[PERSON 1]"))
    res = score_outputs([rec], [lowered.redact(rec["text"], {})], lowered)
    assert res.unaligned == 1 and res.recall["PERSON"].recall == 1


def test_table_prints_every_type_for_each_redactor() -> None:
    lines = table(run([REC], [identity_redactor(), everything_redactor()]))
    text = "\n".join(lines)
    for typ in ENTITY_TYPES:
        assert typ in text
    assert "nothing" in lines[0] and "everything" in lines[0] and "narratives/s" in text and "narratives/CPU-s" in text


# ------------------------------------------------------------------------------------------------
# The adapters (real spaCy model, real Presidio)
# ------------------------------------------------------------------------------------------------
def test_record_values_group_fields_by_type() -> None:
    from benchmarks.narratives.adapters import record_values

    rv = record_values({"subject_name": "WEST, ANN", "officer_name": "Ford, Bo", "badge": "4471",
                        "case_number": "14-0190", "phone": "(510) 555-0142", "dob": "1987-03-14", "note": "x"})
    assert rv == {"PERSON": ["WEST, ANN", "Ford, Bo"], "ID": ["4471", "14-0190"], "PHONE": ["(510) 555-0142"],
                  "DATE_OF_BIRTH": ["1987-03-14"]}


def test_adapters_redact_a_record_with_its_fields() -> None:
    from benchmarks.narratives import adapters

    rec = record("Driver OKAFOR, ANN was cited. Call 5105550142.", ("OKAFOR, ANN", "PERSON", "s", True),
                 ("5105550142", "PHONE", None, False))
    rec["fields"] = {"subject_name": "OKAFOR, ANN", "phone": "(510) 555-0142"}
    ours, presidio = run([rec], [adapters.ours(), adapters.presidio()])
    assert ours.recall["PERSON"].recall == 1 and ours.recall["PHONE"].recall == 1 and ours.unaligned == 0
    assert presidio.unaligned == 0 and presidio.recall["PHONE"].recall == 1


@pytest.mark.parametrize("seed", range(5))
def test_random_exact_span_redaction_scores_as_counted(splits: dict[str, list[dict]], seed: int) -> None:
    """Property: replacing a random subset of gold spans exactly, in random placeholder styles, gives
    recall = share of the chosen spans' tokens, precision 1, and every output aligns."""
    import random

    rng = random.Random(seed)
    records = rng.sample(splits["dev"], 40)
    chosen: dict[str, set[int]] = {}

    def fn(text: str, fields: object) -> str:
        rec = next(r for r in records if r["text"] == text)
        picks = {j for j in range(len(rec["spans"])) if rng.random() < 0.5}
        chosen[rec["id"]] = picks
        out, pos = [], 0
        for j, s in enumerate(rec["spans"]):
            if j in picks:
                out += [text[pos:s["start"]], rng.choice([f"[{s['type']} {j + 1}]", f"<{s['type']}>"])]
                pos = s["end"]
        return "".join(out) + text[pos:]

    res = run(records, [Redactor("random spans", fn)])[0]
    assert res.unaligned == 0
    for typ in ENTITY_TYPES:
        gold = removed = 0
        for r in records:
            for j, s in enumerate(r["spans"]):
                if s["type"] != typ:
                    continue
                n = len([w for w in TOKEN.findall(r["text"][s["start"]:s["end"]])
                         if not (typ == "ADDRESS" and w.casefold() in ("block", "of"))])
                gold += n
                removed += n if j in chosen[r["id"]] else 0
        assert res.recall[typ].gold == gold
        if gold:
            assert res.recall[typ].removed == removed
        if res.labelled[typ]:
            assert res.precision(typ) == 1


def test_timing_order_goes_through_every_permutation() -> None:
    """No redactor always runs right after the same other one (it would always find the caches filled by it): over
    six chunks, three redactors run in all six orders, each first, second and third twice, and outputs stay in order."""
    calls: list[tuple[int, str]] = []

    def tracking(name: str) -> Redactor:
        def fn(text: str, fields: object) -> str:
            calls.append((int(text.split()[-1]), name))
            return text
        return Redactor(name, fn)

    records = [record(f"Ann Lee called {i}", ("Ann Lee", "PERSON", "p1", True)) for i in range(6)]
    results = run(records, [tracking("a"), tracking("b"), tracking("c")], chunk=1)
    orders = [tuple(name for i, name in calls if i == n) for n in range(6)]
    assert sorted(orders) == sorted(itertools.permutations("abc"))
    assert [r.n for r in results] == [6, 6, 6]
