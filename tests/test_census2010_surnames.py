"""Surnames of the 2010 US Census that the model knows as words (``redaction/text/data/census2010_surnames.txt``).

The model's WordNet lemma index holds famous people's surnames as plain words ("lysenko", "shevchenko", "karpov",
"chesterton"), so before this list "the caller said yevgenia lysenko left" published "lysenko": a known word that
no name list held (101 of 300 sampled sentences of that shape kept the surname, in lower and upper case). The list
adds the 2010 surnames the 1990 list lacks that are rare in English text; common words the 2010 table also holds
("subject", "car", "pipe"), adjectives, verbs, plurals and report words stay words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redaction.recognizers.words import NOT_NAME_WORDS
from redaction.text.names import surnames
from tests.text_helpers import assert_hidden_in_shapes, assert_row, needs_vocabulary

DATA = Path(__file__).resolve().parents[1] / "redaction" / "text" / "data" / "census2010_surnames.txt"
LISTED = [w.strip() for w in DATA.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]

ROWS = [
    ("the caller said yevgenia lysenko left at noon", ["yevgenia", "lysenko"], ["caller", "left", "noon"]),
    ("witness tendai shevchenko stated she saw the fight", ["tendai", "shevchenko"], ["witness", "fight"]),
    ("spoke with kwame chesterton at the door", ["kwame", "chesterton"], ["spoke", "door"]),
    ("her cousin karpov was there when it happened", ["karpov"], ["cousin", "there"]),
    ("i told marisol belvedere to call the police", ["marisol", "belvedere"], ["told", "police"]),
    # keeps: 2010 "surnames" that are common words, an abbreviation in a charge
    ("the subject left in his car with a glass pipe", [], ["subject", "car", "pipe"]),
    ("CHARGED: PREVNT DOMES VIOL, 2 COUNTS", [], ["domes", "viol", "charged"]),
    ("the domes of the church were lit", [], ["domes", "church"]),
]


def test_list_holds_only_new_rare_names():
    """Lower-case letters, three or more, none a report word, every one now a surname."""
    assert len(LISTED) > 1000
    assert all(w.isalpha() and w.islower() and len(w) >= 3 for w in LISTED)
    assert not [w for w in LISTED if w in NOT_NAME_WORDS]
    assert {"lysenko", "shevchenko", "karpov"} <= set(LISTED) <= surnames()
    assert not {"subject", "car", "pipe", "domes", "viol"} & set(LISTED)


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept"), ROWS)
@pytest.mark.parametrize("casing", ["lower", "upper", "title"])
def test_rows(redactor, text, gone, kept, casing):
    assert_row(redactor, text, gone, kept, casing)


@needs_vocabulary
def test_listed_surnames_after_a_given_name_property(redactor):
    """Random listed surnames after a given name in a speech slot, lower or upper case: the surname goes."""
    shapes = ["the caller said yevgenia {} left at noon", "witness tendai {} stated she saw it",
              "her cousin {} was there"]
    assert_hidden_in_shapes(redactor, [w for w in LISTED if not w.endswith("ing")], shapes, seed=2010, n=40)
