"""``surname, given`` after a party's role label: the surname goes even when it is an everyday word (issue 15).

"Suspect: FORD, ROBERT" and "Driver: Ford, Maria" used to publish "FORD" (a vehicle word) and "Witness: Rose, Maria" "Rose" (a given name
that is also a word), with the given name hidden: the surname, the more identifying half, was shown. The label and
its colon or slash say a person follows (``positions.surnames_before``). Keep rows: a label before words that are
not a found name ("Suspect: unknown, black male", "Vehicle: Ford, red") and a function word. The names are made up.
"""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import assert_row, needs_vocabulary, recase, redacted, shown

ALL = ("as", "lower", "upper", "title")
ROWS = [
    ("Suspect: FORD, ROBERT was arrested without incident.", ["FORD", "ROBERT"], ["Suspect", "arrested"]),
    ("Witness: Rose, Maria stated she saw the vehicle.", ["Rose", "Maria"], ["Witness", "vehicle"]),
    ("SUSP: GREEN, JAMAL FLED ON FOOT.", ["GREEN", "JAMAL"], ["FLED", "FOOT"]),
    ("Victim: Stone, Aaliyah was treated at the scene.", ["Stone", "Aaliyah"], ["Victim", "treated"]),
    ("W/ Banks, Teodoro advised he heard shouting.", ["Banks", "Teodoro"], ["heard", "shouting"]),
    ("Arrestee: WOOD, DARNELL; booked at county.", ["WOOD", "DARNELL"], ["booked", "county"]),
    ("Driver: Ford, Maria", ["Ford", "Maria"], ["Driver"]),
    ("Owner: Lane, Maria", ["Lane", "Maria"], ["Owner"]),
    ("Suspect: unknown, black male, 20s, fled north.", [], ["unknown", "black", "male", "fled"]),
    ("Subject: Black, Male", [], ["Black", "Male"]),
    ("Vehicle: Ford, red, parked on the lawn.", [], ["Ford", "red", "parked"]),
    ("Victim: the caller, stated the door was open.", [], ["caller", "door", "open"]),
]


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept"), ROWS)
@pytest.mark.parametrize("casing", ALL)
def test_labelled_surname_rows(redactor, text, gone, kept, casing):
    assert_row(redactor, text, gone, kept, casing)


LABELS = ["Suspect:", "SUSPECT:", "Witness:", "Victim #2:", "V/", "S/", "Subject:", "Driver:", "Involved:", "Name:"]
SURNAMES = ["Ford", "Rose", "Wood", "King", "Young", "Hunter", "Banks", "Stone", "Price", "Lane"]
GIVEN = ["Robert", "Maria", "Tyler", "Alicia", "Terrell", "Nkechi", "Svetlana", "Mateo"]


@needs_vocabulary
def test_labelled_surnames_property(redactor):
    """Random labels, everyday-word surnames, given names and casings: both halves of the name go."""
    rng = random.Random(707)
    for _ in range(40):
        label, surname, given = rng.choice(LABELS), rng.choice(SURNAMES), rng.choice(GIVEN)
        casing = rng.choice(ALL)
        tail = rng.choice([" was contacted at the park.", ".", "; seen at the park."])
        text = recase(f"{label} {surname}, {given}{tail} Park rules were read.", casing)
        out = redacted(redactor, text)
        assert not shown(out, surname) and not shown(out, given), (casing, out)
        assert shown(out, "park"), (casing, out)
