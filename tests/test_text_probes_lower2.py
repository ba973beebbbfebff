"""Third parties named only in lower-case text, in shapes written by hand (issue 15, lower-case round 2).

311 callers, complainants and victims type in lower case and name relatives, friends, neighbours and co-workers
after cues that say a name follows ("identified as", "told by", "thank you"), with a given name a dictionary also
lists ("lakshmi"), or right before an adverb that is also a surname ("kiara right now"). The tests also hold the
ordinary readings ("described as tall", "hit by rocky debris", "right now"). Fixed and property-style tests (random
casings, separators, orders). Names are made up here; no record values.
"""

from __future__ import annotations

import random

import pytest

from redaction.text.naming import (
    boxed_names,
    dictionary_given_pairs,
    dictionary_given_subjects,
    named_before_pronoun,
    naming_cues,
)
from tests.text_helpers import cased, needs_vocabulary, redacted, shown, shown_words

CASINGS = ("mixed", "lower", "upper")



NAMED = [
    ("i was told by precious that the car was gone", ["precious"]),
    ("i was told by faith that the car was gone", ["faith"]),
    ("victim named her attacker as rocky lane", ["rocky", "lane"]),
    ("he was identified as rocky lane by his mother", ["rocky", "lane"]),
    ("she identified the man as dakari", ["dakari"]),
    ("the caller's sister is lakshmi venkataraman and she lives next door", ["lakshmi", "venkataraman"]),
    ("i spoke with lakshmi venkataraman at the door", ["lakshmi", "venkataraman"]),
    ("lakshmi venkataraman said she saw it", ["lakshmi", "venkataraman"]),
    ("the caller stated that lakshmi okonkwo left with the kids", ["lakshmi", "okonkwo"]),
    ("kiara right now is staying with her aunt", ["kiara"]),
    ("the girl from next door, destiny, took it", ["destiny"]),
    ("some guy at the store, rocco, pushed me", ["rocco"]),
    ("her pimp goes by the name of slim", ["slim"]),
    ("his stepdad, leon, beat him", ["leon"]),
    ("i blocked precious on facebook", ["precious"]),
    ("tell precious i said hi", ["precious"]),
    ("i called grace and she did not answer", ["grace"]),
    ("i lent my car to destiny and she wrecked it", ["destiny"]),
    ("precious and her boyfriend came back", ["precious"]),
    ("i was with my friend rocky lane at the park", ["rocky", "lane"]),
    ("my sister ivy park called", ["ivy", "park"]),
    ("i called my sister, crystal lane, and she did not answer", ["crystal", "lane"]),
    ("faith rivera, my sister, was there too", ["faith", "rivera"]),
    ("rocky lane, the caller's mother, was there too", ["rocky", "lane"]),
    ("ngozi, his cousin, was there too", ["ngozi"]),
    ("lakshmi venkataraman, my son's father, was there too", ["lakshmi", "venkataraman"]),
    ("my sister is ngozi and she lives upstairs", ["ngozi"]),
    ("my sister is aaliyah lane and she lives upstairs", ["aaliyah", "lane"]),
    ("her friend is precious.", ["precious"]),
    ("my stepmom ngozi locked me out", ["ngozi"]),
    ("my sister in law, rukhsana, was there", ["rukhsana"]),
    ("my daughter kiara right now is at school", ["kiara"]),
]


@needs_vocabulary
@pytest.mark.parametrize("casing", ("lower", "upper"))
@pytest.mark.parametrize(("text", "gone"), NAMED)
def test_named_after_cues_go(redactor, text, gone, casing):
    out = redacted(redactor, cased(text, casing))
    assert not shown_words(out, gone), out


@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
@pytest.mark.parametrize(("text", "kept"), [
    ("kiara right now is staying with her aunt", ["right", "now"]),
    ("tell kiara right away", ["right", "away"]),
    ("the suspect was described as tall and thin", ["tall", "thin"]),
    ("the car was hit by rocky debris on the road", ["debris"]),
    ("he was identified as the driver", ["driver"]),
    ("the man, however, left and a kid, maybe 12, ran off", ["however", "maybe"]),
    ("his stepdad, leon, beat him", ["stepdad", "beat"]),
    ("she lost hope and she cried. the grace and her car", ["hope", "grace"]),
    ("tell rich people to pay and blocked traffic", ["rich", "traffic"]),
    ("i dropped my friend hope off at park ave", ["park", "ave"]),
    ("she was bitten by precious, the neighbor's dog", ["precious"]),
    ("we said grace and he started eating", ["grace"]),
    ("my sister and her husband live there", ["live"]),
    ("my son and his friends live down the street", ["live"]),
    ("i live on rocky lane, my sister lives on hope hill road", ["lane", "road"]),
    ("my sister in law, rukhsana, was there", ["law"]),
])
def test_ordinary_words_after_cues_stay(redactor, text, kept, casing):
    out = redacted(redactor, cased(text, casing))
    assert all(shown(out, w) for w in kept), out


@needs_vocabulary
@pytest.mark.parametrize("casing", ("mixed", "lower"))
def test_a_dictionary_word_after_relation_is_stays(redactor, casing):
    out = redacted(redactor, cased("my son is asthma. her boyfriend is marine. my friend is paralegal", casing))
    assert all(shown(out, w) for w in ("asthma", "marine", "paralegal")), out


def test_naming_cue_spans():
    text = ("told by precious that; identified as rocky lane and; identified as a black male; "
            "described as tall; goes by dre now; hit by rocky debris")
    assert [text[s:e] for s, e in naming_cues(text)] == ["precious", "rocky lane", "dre"]


@needs_vocabulary
def test_dictionary_given_pair_spans():
    text = "her sister is lakshmi venkataraman; i spoke with the venkataraman family; spoke with silver nissan"
    assert [text[s:e] for s, e in dictionary_given_pairs(text)] == ["lakshmi venkataraman"]


@needs_vocabulary
def test_relation_property_random_frames(redactor):
    rng = random.Random(1504)
    given = ["ngozi", "tasha", "precious", "rocky", "dakari", "crystal", "xiomara", "chidi", "faith", "destiny"]
    family = ["balogun", "okafor", "lane", "hill", "rivera", "venkataraman", ""]
    rel = ["my neighbor", "her roommate", "my sister", "his cousin", "the caller's mother", "my friend", "our landlord"]
    frames = ["{r} {n} came over and started yelling.", "i called {r}, {n}, and she did not answer.",
              "{n}, {r}, was there too.", "{r} ({n}) saw it.", "{r} {n} said she saw the whole thing."]
    for _ in range(40):
        name = f"{rng.choice(given)} {rng.choice(family)}".strip()
        text = cased(rng.choice(frames).format(r=rng.choice(rel), n=name), rng.choice(("lower", "upper")))
        out = redacted(redactor, text)
        assert not shown_words(out, name.split()), (text, out)


def test_named_before_pronoun_spans():
    text = "i called grace and she left. precious and her boyfriend came. lost hope and she cried. precious and her car"
    assert [text[s:e] for s, e in named_before_pronoun(text)] == ["grace", "precious"]


@needs_vocabulary
def test_everyday_given_property_pronoun_and_object(redactor):
    rng = random.Random(1503)
    given = ["precious", "grace", "destiny", "hope", "charity", "ivy", "crystal", "rocky", "honey"]
    frames = ["i called {n} and she did not pick up.", "tell {n} i said to stop.", "i blocked {n} on instagram.",
              "{n} and her boyfriend came back at 2am.", "i lent my car to {n} and she never returned it."]
    for _ in range(30):
        name = rng.choice(given)
        text = cased(rng.choice(frames).format(n=name), rng.choice(("lower", "upper")))
        out = redacted(redactor, text)
        assert not shown(out, name), (text, out)


@needs_vocabulary
def test_boxed_name_spans():
    text = "the girl from next door, destiny, took it. the man, however, left. the boy, crying, said no"
    assert [text[s:e] for s, e in boxed_names(text)] == ["destiny"]


@needs_vocabulary
def test_dictionary_given_subject_spans():
    text = "lakshmi venkataraman said hi. silver toyotta was parked. nurse okonkwo said no. the venkataraman said"
    assert [text[s:e] for s, e in dictionary_given_subjects(text)] == ["lakshmi venkataraman"]


@needs_vocabulary
def test_naming_cue_property_random_casing_and_frames(redactor):
    rng = random.Random(1502)
    given = ["precious", "rocky", "faith", "destiny", "hope", "dakari", "xiomara", "summer"]
    family = ["lane", "okonkwo", "hill", "venkataraman", "stone", "balogun"]
    frames = ["i was told by {n} that he left.", "she identified her attacker as {n}.",
              "the man was identified as {n} by the clerk.", "he goes by {n} on the street.",
              "thank you {n} for calling back."]
    for _ in range(30):
        name = rng.choice(given) if rng.random() < 0.4 else f"{rng.choice(given)} {rng.choice(family)}"
        text = cased(rng.choice(frames).format(n=name), rng.choice(("lower", "upper")))
        out = redacted(redactor, text)
        assert not shown_words(out, name.split()), (text, out)
