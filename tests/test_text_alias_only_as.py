"""Aliases given as "known only as X", "identified only as X", "goes by the nickname X", "calling herself X", and
an alias list that ends at a verb (issue 15). Names and monikers are made up here."""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import cased, shown

SHAPES = [
    "Contact was made with an unknown male known only as {a}.",
    "A male identified only as \"{a}\" fled north.",
    "The victim said a man she knows only as {a} hit her.",
    "A W/M who goes by the nickname {a} was detained.",
    "A female calling herself {a} approached the officers.",
    "One of the males, later identified as \"{a}\", fled.",
]
MONIKERS = ["Smoke", "Tiny", "Boo", "Candy", "Lucky", "Peanut", "Red", "Scrappy"]


@pytest.mark.parametrize("shape", SHAPES)
def test_an_alias_after_an_only_as_cue_is_redacted(redactor, shape):
    out = redactor.redact([shape.format(a="Smoke")])[0].text
    assert not shown(out, "Smoke"), shape


@pytest.mark.parametrize("seed", range(10))
def test_alias_cues_in_any_casing_property(redactor, seed):
    rng = random.Random(seed)
    moniker, mode = rng.choice(MONIKERS), rng.choice(["upper", "lower", "as written"])
    text = cased(rng.choice(SHAPES).format(a=moniker), mode)
    out = redactor.redact([text])[0].text
    assert not shown(out, moniker)
    for word in ("fled", "hit", "detained", "approached", "officers", "north"):
        if shown(text, word):
            assert shown(out, word), word  # the sentence around the alias stays


def test_an_alias_and_its_name_share_one_number_and_a_list_ends_at_a_verb(redactor):
    out = redactor.redact(["Ann Lee aka Candy, approached the car. Terrell Jones, whose street name is Smoke, "
                           "was seen. Candy left, then Smoke ran."])[0].text
    assert "approached the car" in out
    assert out.count("[PERSON 1]") == 3 and out.count("[PERSON 2]") == 3, out
