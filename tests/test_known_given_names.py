"""SSA given names that the model knows as words (``redaction/recognizers/data/known_given_names.txt``).

The model's WordNet lemma index holds names of gods, kings and famous people as plain words ("lakshmi", "haruki",
"lysander", "attila"), and the SSA list kept only names given to 1,000 children or more, so "i told lysander to
leave" published the name: 125 of 200 sampled sentences of that shape, in lower and upper case, and 65 of 200 of
"spoke with {name} at the door". The list adds names given to 100 children or more that are rare in English text;
frequent words, wines, car models and strains stay words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redaction.recognizers.words import NOT_NAME_WORDS, frequent_words
from redaction.text.names import given_names
from tests.text_helpers import assert_hidden_in_shapes, assert_row, needs_vocabulary

DATA = Path(__file__).resolve().parents[1] / "redaction" / "recognizers" / "data" / "known_given_names.txt"
LISTED = [w.strip() for w in DATA.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]

ROWS = [
    ("i told lysander to leave before the cops came", ["lysander"], ["told", "leave", "cops"]),
    ("spoke with lakshmi at the door of unit 4", ["lakshmi"], ["spoke", "door", "unit"]),
    ("her roommate haruki called 911 at 2am", ["haruki"], ["roommate", "called"]),
    ("my brother-in-law tadeusz took the keys", ["tadeusz"], ["took", "keys"]),
    # keeps: things that are also rare given names
    ("he had a bottle of chianti and some indica in the car", [], ["chianti", "indica", "bottle"]),
    ("the suspect drove a toyota celica with no plates", [], ["celica", "toyota", "plates"]),
]


def test_list_holds_only_rare_names_the_model_knows():
    assert len(LISTED) > 500
    assert all(w.isalpha() and w.islower() and len(w) >= 3 for w in LISTED)
    assert not [w for w in LISTED if w in NOT_NAME_WORDS or w in frequent_words()]
    assert {"lakshmi", "lysander", "haruki"} <= set(LISTED)
    assert set(LISTED) <= given_names()
    assert not {"chianti", "indica", "celica", "atari"} & set(LISTED)


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept"), ROWS)
@pytest.mark.parametrize("casing", ["lower", "upper", "title"])
def test_rows(redactor, text, gone, kept, casing):
    assert_row(redactor, text, gone, kept, casing)


@needs_vocabulary
def test_listed_given_names_in_person_slots_property(redactor):
    """Random listed names in a person's slot, lower or upper case: the name goes."""
    shapes = ["i told {} to leave", "spoke with {} at the door", "her roommate {} called 911"]
    assert_hidden_in_shapes(redactor, LISTED, shapes, seed=100, n=40)
