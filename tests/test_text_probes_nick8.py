"""Nicknames by sweep (round 8): a record person's short form in the slots where only a person stands, in every
casing, and the same words kept where no record name brings them.

A sweep (not committed) ran every (given name, short form) pair of ``hypocoristics.tsv`` and the ``nicknames``
package, and 226 pairs across naming traditions, in 16 contexts x 3 casings (156,288 texts): 3.7% of the short
forms were published, mostly everyday-word or two-letter forms ("al", "will", "sandy") in lower or upper case at
the start of a quoted call-out, in parentheses, after "per"/"told"/"spoke to", before ", her neighbor", and at a
line's start after a full stop; and short forms the data lacked ("Carding" of Ricardo, "Obi" of Obinna). After:
1.6%, the rest report words ("vic", "rose", "court") and weak slots ("called al twice", "the clerk and al").
The probe rows are made up; ``test_sampled_short_forms`` is the sweep in small (seeded).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, fold
from redaction.text.nicknames import hypocoristic_pairs
from tests.text_helpers import assert_record_row, cased, record_row_cases, shown

# (text, record people, must go, must stay, casings: a = as written, l = lower, u = upper)
ROWS: list[tuple[str, list[str] | None, list[str], list[str], str]] = [
    # calling out at the start of a quoted utterance
    ('"Al, stop!" the mother yelled from the porch.', ["WHITCOMBE, ALBERT"], ["Al"], ["stop", "mother"], "alu"),
    ('"Sandy, open the door," I said twice.', ["HARLOW, SANDRA"], ["Sandy"], ["open", "door"], "alu"),
    ('"Will you stop?" she asked him.', ["HARLOW, WILLIAM"], [], ["Will", "stop"], "alu"),
    # alone in parentheses; two letters in capitals are a code, not the person, in every slot but a call-out
    ("The subject (Al) was detained without incident.", ["WHITCOMBE, ALBERT"], ["Al"], ["subject"], "alu"),
    ("Customer (will call) picked up the order.", ["HARLOW, WILLIAM"], [], ["will", "call"], "alu"),
    ("The van had plates from Mobile (AL) and a dent.", ["WHITCOMBE, ALBERT"], [], ["AL", "Mobile"], "au"),
    ("The subject (Al) was detained; Al was calm.", ["WHITCOMBE, ALBERT"], ["Al"], ["calm"], "a"),
    ("PER MO, SUSPECT ENTERS THROUGH THE REAR WINDOW.", ["ALI, MOHAMMED"], [], ["MO", "SUSPECT"], "a"),
    ("Patient taken to the ED, per ED, no injuries.", ["SMITH, EDWARD"], [], ["ED", "Patient"], "a"),
    # per / told / asked + form + comma or "to"
    ("Per Sandy, the back door was already unlocked.", ["HARLOW, SANDRA"], ["Sandy"], ["back", "door"], "alu"),
    ("The manager told Will to leave the premises.", ["HARLOW, WILLIAM"], ["Will"], ["manager", "leave"], "alu"),
    ("I asked Al that he step out of the car.", ["WHITCOMBE, ALBERT"], ["Al"], ["asked", "step"], "al"),
    ("The car was sold per bill of sale dated 3/2.", ["HARLOW, WILLIAM"], [], ["bill", "sale"], "alu"),
    ("I told them I will, to be honest, testify.", ["HARLOW, WILLIAM"], [], ["will", "honest"], "alu"),
    # spoke to / with + form + about
    ("I spoke to Al about the damage to the fence.", ["WHITCOMBE, ALBERT"], ["Al"], ["damage", "fence"], "al"),
    ("The officer talked with Sandy regarding the noise.", ["HARLOW, SANDRA"], ["Sandy"], ["noise"], "alu"),
    # before a relation
    ("The caller stated that Sandy, her neighbor, had the keys.", ["HARLOW, SANDRA"], ["Sandy"], ["neighbor"], "alu"),
    ("Al (his cousin) drove off before we arrived.", ["WHITCOMBE, ALBERT"], ["Al"], ["cousin"], "alu"),
    # a line's start after a full stop, Title case (as after ". ")
    ("Officers arrived at 1400 hrs.\nAl was seated on the curb.", ["WHITCOMBE, ALBERT"], ["Al"], ["curb"], "a"),
    ("Unit cleared\nWill follow up with the school.", ["HARLOW, WILLIAM"], [], ["Will", "follow"], "a"),
    # short forms the data lacked (Filipino, Yoruba, Igbo, Polish, German, Arabic, Hebrew, Spanish, Portuguese)
    ("Monching called his sister twice from the store.", ["DIMAANO, RAMON"], ["Monching"], ["sister"], "alu"),
    ("My cousin Carding took my car without asking.", ["MAGSAYSAY, RICARDO"], ["Carding"], ["cousin"], "alu"),
    ("Per Obi, the gate was open when he got home.", ["NWOSU, OBINNA"], ["Obi"], ["gate"], "alu"),
    ("Then Tope, her roommate, left with the bag.", ["ADEYEMI, TEMITOPE"], ["Tope"], ["roommate"], "alu"),
    ("Aga said the window was already broken.", ["KOWALCZYK, AGNIESZKA"], ["Aga"], ["window"], "alu"),
    ("Sepp ran toward the alley behind the church.", ["OBERMAIER, JOSEPH"], ["Sepp"], ["alley"], "alu"),
    ("The phone was found in Abood's jacket.", ["HADDAD, ABDULRAHMAN"], ["Abood"], ["jacket"], "alu"),
    ("Kobi Rosenbaum waved us in. Later Kobi came back.", ["ROSENBAUM, YAAKOV"], ["Kobi"], ["waved"], "alu"),
    ("Octavio Arreola was contacted. Later Tavo came back.", ["ARREOLA, OCTAVIO"], ["Tavo"], ["contacted"], "alu"),
    ("I spoke to Carlinhos about the fence.", ["TEIXEIRA, CARLOS"], ["Carlinhos"], ["fence"], "alu"),
    ("Present were Darnell Whitfield and Chudi.", ["OKONKWO, CHUKWUDI", "WHITFIELD, DARNELL"], ["Chudi", "Darnell"], ["Present"], "alu"),
    # the everyday words, no record name that brings them
    ("We will see what the judge says about it.", ["HARLOW, WILLIAM"], [], ["will", "see"], "alu"),
    ("A bill was paid at the counter.", ["HARLOW, WILLIAM"], [], ["bill", "paid"], "alu"),
    ("At dawn the fog rose over the lot.", ["PEMBERTON, ROSEMARY"], [], ["rose", "fog"], "alu"),
    ("She signed up for an art class downtown.", ["HARLOW, ARTHUR"], [], ["art", "class"], "alu"),
    ("A kit bag was left on the bench.", ["WHITCOMBE, CHRISTOPHER"], [], ["kit", "bag"], "alu"),
    ("He attends junior high on 5th St.", ["HARLOW, MARCUS JR"], [], ["junior", "high"], "alu"),
    ("Per Al, the door was open.", None, [], ["door"], "alu"),
]


@pytest.mark.parametrize(("text", "people", "go", "keep"), record_row_cases(ROWS))
def test_nick8_rows(redactor: Any, text: str, people: list[str] | None, go: list[str], keep: list[str]) -> None:
    assert_record_row(redactor, text, people, go, keep)


# The sweep in small: a seeded sample of the data's (full name, short form) pairs in the slots where only a person
# stands, in each casing; the short form hidden, and with the one record person one placeholder number.
_CONTEXTS = [
    "{n} said he was at the store all night.",
    "At 2130 hrs {n} ran toward the alley behind the church.",
    "The phone was recovered from {n}'s jacket pocket.",
    "The subject ({n}) was detained without incident.",
    "The manager told {n} to leave the premises.",
    "Per {n}, the back door was already unlocked.",
    "I spoke to {n} about the damage to the fence.",
    "The caller stated that {n}, her neighbor, had the keys.",
    '"{n}, stop!" the mother yelled from the porch.',
    "My cousin {n} took my car without asking me.",
    "{g} Pemberton was contacted at the door. Later {n} came back.",
]
_NUMBER = re.compile(r"\[PERSON (\d+)\]")


def _sample_pairs(seed: int, n: int) -> list[tuple[str, str]]:
    from nicknames import NickNamer

    pairs = {(full, short) for short, full in hypocoristic_pairs()}
    pairs |= {(full, short) for full, shorts in NickNamer().nickname_lookup.items() for short in shorts}
    usable = sorted((f, s) for f, s in pairs if s.isalpha() and f.isalpha() and s != f and fold(s).lower() not in
                    NOT_NAME_WORDS | CAPS_STOP_WORDS | {"nanny", "sis", "bat"})  # report and kin words
    return random.Random(seed).sample(usable, n)


@pytest.mark.parametrize("seed", [8, 18])
def test_sampled_short_forms(redactor: Any, seed: int) -> None:
    rng = random.Random(seed)
    cases = []
    for full, short in _sample_pairs(seed, 40):
        for tpl in rng.sample(_CONTEXTS, 4):
            text = cased(tpl.format(n=short.title(), g=full.title()), rng.choice(["as", "lower", "upper"]))
            cases.append((text, short, f"PEMBERTON, {full.upper()}"))
    outs = redactor.redact([t for t, _, _ in cases], [{"PERSON": [p]} for _, _, p in cases])
    bad = [(t, o.text) for (t, short, _), o in zip(cases, outs, strict=True)
           if shown(o.text or "", short) or len(set(_NUMBER.findall(o.text or ""))) != 1]
    assert bad == [], bad[:5]
