"""Precision round 4 (issue 15): words that are no names, in shapes where a name also stands, stay shown; the name in
the same shape still goes. One table of (sentence, must go, must stay, casings); made-up sentences, no record values.
"""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import needs_vocabulary, recase, shown, shown_words

ALL = ("lower", "title", "upper")
LOWER_UPPER = ("lower", "upper")



def _rng_rows(seed: int, n: int, shapes: list[str], words: list[str], gone: bool) -> list[tuple]:
    """Property-style rows: random shapes, words and casings."""
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        word = rng.choice(words)
        text = rng.choice(shapes).format(w=word)
        rows.append((text, [word] if gone else [], [] if gone else text.split()[:1], (rng.choice(ALL),)))
    return rows


TABLE = [
    # 1. a base verb, then a listed surname that is a dictionary word: a verb phrase ("come pick him up")
    ("can you come pick him up from school", [], ["come", "pick"], ALL),
    ("she asked me to come pick up the kids", [], ["come", "pick"], ALL),
    ("tell him to come pick her up at noon", [], ["pick"], ALL),
    ("i had to go pick up my son at the station", [], ["go", "pick"], ALL),
    ("can you come pick kiara up from school", ["kiara"], ["pick"], LOWER_UPPER),
    ("ask lakshmi nguyen to come pick him up", ["lakshmi", "nguyen"], ["pick"], LOWER_UPPER),
    ("i asked deshawn to come pick him up", ["deshawn"], ["pick"], ALL),
    # 2. a common noun after "the" opens no name, in capitals too ("THE PATIENT'S MOTHER", "THE PATIENT JOHN SMITH")
    ("the patient's mother called the unit", [], ["patient's", "mother"], LOWER_UPPER),
    ("the patient john smith refused transport", ["john", "smith"], ["patient", "refused"], LOWER_UPPER),
    ("the patient's mother, latonya brown, called", ["latonya", "brown"], ["patient's", "mother"], ALL),
    ("spoke with the landlord marcus wells", ["marcus", "wells"], ["landlord"], ALL),
    ("smith's landlord called the unit", ["smith's"], ["landlord"], LOWER_UPPER),
    # 3a. a mixed-case sentence opening with a plural common noun before its verb: the subject, no name
    ("Bystanders told me the man ran off.", [], ["bystanders"], ("as written",)),
    ("Subject was yelling. Customers reported he threw a chair.", [], ["customers"], ("as written",)),
    ("Bystanders said Kiara ran off. Deshawn told me the rest.", ["kiara", "deshawn"], ["bystanders"],
     ("as written",)),
    ("Subject was yelling. Oluwaseun reported he threw a chair.", ["oluwaseun"], ["subject"], ("as written",)),
    # 3b. a noun before what it has, no apostrophe: no owner's name ("reporting parties porch")
    ("subject was trespassing on reporting parties porch", [], ["parties", "porch"], ALL),
    ("subject was seen kicking the business door", [], ["business", "door"], ALL),
    ("subject was seen kicking business door", [], ["business", "door"], ("lower", "upper")),
    ("we went to kwames apartment after", ["kwames"], ["apartment"], ALL),
    ("brandys kids were left alone", ["brandys"], ["kids"], ALL),
]
TABLE += _rng_rows(41, 8, ["my aunt said she would {w} pick him up", "he will {w} pick up the car later",
                           "can someone {w} pick them up"], ["come", "go"], gone=False)
TABLE += _rng_rows(42, 8, ["please come pick up {w} after school", "i asked {w} to come pick him up"],
                   ["kiara", "deshawn", "marisol", "latonya"], gone=True)


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept", "casing"),
                         [pytest.param(t, g, k, c, id=f"{t[:28]}-{c}") for t, g, k, cs in TABLE for c in cs])
def test_precision4(redactor, text, gone, kept, casing):
    out = redactor.redact([recase(text, casing)])[0].text or ""
    assert not shown_words(out, gone), out
    assert not [w for w in kept if not shown(out, w)], out
