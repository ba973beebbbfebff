"""Field-interview write-ups and nicknames (issue 15, round 10, a new hand): a stop card's occupants by number or seat
("OCC #2 BEGAY", "OCC #1 (DRIVER) OCHOA D;", "REAR PASS: TRAN"); a tattoo list with the place of each mark ("TATTOOS:
RIP TONY R HAND, MARIA L FOREARM"), where the NER ran a name into the body place or past a closing quote; a gang
written beside people ("GANG: NORTE", "TRAN, KEVIN (ACTIVE NORTE)"), which is no person; a record surname after a
function word at the start of a sentence ("then ochoa was there"), which is no compound noun ("body cam was on"); the
subject of a company sentence ("OCHOA WAS ASSOCIATING WITH BEGAY AND TRAN"); the next "SURNAME (NICKNAME)" of a list
after a found one ("ASSOCIATES: BEGAY (TINY), OCHOA (BOO)"), each nickname with its person's number; a street name opening a sentence
before the record's surname ("Boo Ochoa was ..."; "Then Ochoa", "Officer Ochoa" stay).
Keep rows: the same shapes with no name ("OCC #2 UNK FLED", "the pass 2 times", "tattoo of a rose on left arm",
"R/P: UNABLE TO LOCATE"). Every sentence and name here is made up. One table: (text, record people or None, words
that must go, words that must stay, casings: as written, lower, upper, title)."""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import casing_cases, checked_row, recase, shown

ALL = ("as", "lower", "upper", "title")
AS_LOW_UP = ("as", "lower", "upper")
OCH = ["OCHOA, DARNELL"]

ROWS = [
    # --- occupants by number or seat ---
    ("R/P: TRAN K  OCC #2 BEGAY  OCC #3 OCHOA", None, ["TRAN", "BEGAY", "OCHOA"], ["OCC"], ALL),
    ("OCC #1 (DRIVER) OCHOA D; OCC #2 (R/F) BEGAY L; OCC #3 (R/P) TRAN K", None, ["OCHOA", "BEGAY", "TRAN"],
     ["DRIVER", "OCC"], ALL),
    ("Occupant 2: Begay. Occupant 3: unknown", None, ["Begay"], ["unknown", "Occupant"], ALL),
    ("REAR PASS: OCHOA, FRONT PASS: BEGAY", None, ["OCHOA", "BEGAY"], ["REAR", "FRONT"], ALL),
    ("PASS #1 - TRAN WAS RELEASED", None, ["TRAN"], ["RELEASED"], ALL),
    # keep: the same slots with no name
    ("OCC #2 UNK FLED ON FOOT", None, [], ["UNK", "FLED"], ALL),
    ("OCC #1 (DRIVER) FLED ON FOOT", None, [], ["DRIVER", "FLED"], ALL),
    ("OCC 2 WAS RELEASED AT SCENE", None, [], ["RELEASED", "SCENE"], ALL),
    ("she used the pass 2 times this week", None, [], ["pass", "times"], ALL),
    ("R/P: UNABLE TO LOCATE", None, [], ["UNABLE", "LOCATE"], ALL),
    ("R/P STATED HE SAW IT", None, [], ["STATED", "SAW"], ALL),
    # --- tattoo lists: the ink before its body place ---
    ("TATTOOS: RIP TONY R HAND, MARIA L FOREARM", None, ["TONY", "MARIA"], ["HAND", "FOREARM"], ALL),
    ("TATTOOS: 'RIP TONY' R HAND, 'MARIA' L FOREARM", None, ["TONY", "MARIA"], ["HAND", "FOREARM"], ALL),
    ("TAT: RIP TONY R ARM; MARIA ON NECK", None, ["TONY", "MARIA"], ["ARM", "NECK"], ALL),
    ("Tattoos: Maria on neck, Tony on left hand", None, ["Maria", "Tony"], ["neck", "hand"], ALL),
    # keep: marks that are no names
    ("TATTOOS: NORTE R HAND, XIV L FOREARM", None, [], ["NORTE", "XIV", "HAND", "FOREARM"], AS_LOW_UP),
    ("tattoo of a rose on left arm", None, [], ["rose", "arm"], ALL),
    ("TATTOOS: STAR R HAND, CLOCK ON CHEST", None, [], ["STAR", "HAND", "CHEST"], AS_LOW_UP),
    # --- a gang beside people ---
    ("ASSOC W/ TRAN, KEVIN (ACTIVE NORTE)", None, ["TRAN", "KEVIN"], ["NORTE", "ACTIVE"], AS_LOW_UP),
    ("Kevin Tran (Active Norte) and Luis Begay", None, ["Kevin", "Tran", "Luis", "Begay"], ["Norte"], ("as",)),
    ("SUBJ: OCHOA, DARNELL MONIKER: SMOKE GANG: NORTE. SMOKE WAS CONTACTED IN THE ALLEY.", None,
     ["OCHOA", "DARNELL", "SMOKE"], ["NORTE", "ALLEY"], ("as", "upper")),
    ("TRAN, KEVIN (DOCUMENTED SURENO) WAS WITH BEGAY, LUIS", None, ["TRAN", "KEVIN", "BEGAY", "LUIS"], ["SURENO"],
     AS_LOW_UP),
    # a real alias in brackets still goes
    ('TRAN, KEVIN ("SMOKE") WAS DETAINED', None, ["TRAN", "KEVIN", "SMOKE"], ["DETAINED"], AS_LOW_UP),
    # --- the subject of a company sentence ---
    ("OCHOA WAS ASSOCIATING WITH BEGAY AND TRAN NEAR THE PARK", None, ["OCHOA", "BEGAY", "TRAN"], ["PARK"], ALL),
    ("Ochoa and Begay were in company of Tran", None, ["Ochoa", "Begay", "Tran"], ["company"], ALL),
    ("ochoa was hanging out with begay by the store", None, ["ochoa", "begay"], ["store"], ALL),
    ("OCHOA WAS CONTACTED W/ NAKAMURA", None, ["OCHOA", "NAKAMURA"], ["CONTACTED"], ALL),
    # keep: a role, a report word, a thing, or words that are names only by chance
    ("DRIVER WAS ASSOCIATING WITH BEGAY", None, ["BEGAY"], ["DRIVER"], ALL),
    ("SUBJ WAS SEEN WITH TRAN", None, ["TRAN"], ["SUBJ"], ALL),
    ("the car was seen with damage to the bumper", None, [], ["car", "damage"], ALL),
    ("water was seen with ice on the floor", None, [], ["water"], ALL),
    ("smoke was seen with flames from the roof", None, [], ["smoke", "flames"], AS_LOW_UP),
    # --- a list of "SURNAME (NICKNAME)": the next one after a found one ---
    ("ASSOCIATES: BEGAY (TINY), TRAN (SMOKE), OCHOA (BOO)", None, ["BEGAY", "TINY", "TRAN", "SMOKE", "OCHOA", "BOO"],
     ["ASSOCIATES"], ALL),
    ("ASSOCIATES: NAKAMURA (LIL T); OCHOA (BOO)", None, ["NAKAMURA", "OCHOA", "BOO"], ["ASSOCIATES"], ALL),
    # keep: the next bracket holds no person
    ("ASSOCIATES: BEGAY (TINY), UNK (NFI)", None, ["BEGAY", "TINY"], ["UNK", "NFI"], AS_LOW_UP),
    ("ASSOCIATES: BEGAY (TINY), DRIVER (MALE)", None, ["BEGAY", "TINY"], ["DRIVER", "MALE"], AS_LOW_UP),
    ("I saw Begay (the tall one), then (later) went home", None, ["Begay"], ["later", "home"], ("as",)),
    # --- a street name opening the sentence before the record surname, in the surname's case ---
    ("Boo Ochoa was hanging out by the liquor store.", OCH, ["Boo", "Ochoa"], ["liquor"], ("as", "upper")),
    ("Tiny Ochoa was detained. Smoke Begay was released.", ["OCHOA, DARNELL", "BEGAY, LUIS"],
     ["Tiny", "Ochoa", "Smoke", "Begay"], ["released"], ("as", "upper")),
    # keep: a time, a title, a role, a kin word or a verb before the record surname
    ("Then Ochoa left. Yesterday Ochoa called. Eventually Ochoa came back.", OCH, ["Ochoa"],
     ["Then", "Yesterday", "Eventually"], ("as", "upper")),
    ("Officer Ochoa took the report. Suspect Ochoa fled.", ["BEGAY, LUIS", "OCHOA, DARNELL"], ["Ochoa"],
     ["Officer", "Suspect"], ("as", "upper")),
    ("Saw Ochoa at the store. Contacted Ochoa again later.", OCH, ["Ochoa"], ["Saw", "Contacted"], ("as", "upper")),
    # --- a record surname after a function word opening the sentence ---
    ("then ochoa was there", OCH, ["ochoa"], ["there"], AS_LOW_UP),
    ("also ochoa was there with his brother", OCH, ["ochoa"], ["brother"], AS_LOW_UP),
    # keep: a record word that is a compound's head
    ("body cam was on the whole time", ["BELL, CAMERON"], [], ["cam", "body"], ("lower",)),
]

SLIPS = [
    ("boo ochoa was hanging out by the liquor store", OCH, ["boo", "ochoa"], ["liquor"],
     "in lower case a street name before the record surname opening a sentence reads as a compound noun"),
    ('Darnell "Boo" Ochoa was stopped. Later boo ran into the alley.', OCH, ["Boo"], ["alley"],
     "a three-letter alias is followed only as written in mixed-case text"),
    ("SGT KIM ASKED SMOKE TO STEP OUT OF THE CAR", None, ["KIM", "SMOKE"], ["CAR"],
     "a word nickname in capitals as the object of 'asked ... to'"),
]


@pytest.mark.parametrize(("text", "people", "go", "keep"), casing_cases(ROWS, SLIPS))
def test_field_cards_and_nicknames(redactor, text, people, go, keep) -> None:
    checked_row(redactor, text, people, go, keep)


def test_a_listed_nickname_gets_its_persons_number(redactor) -> None:
    out = checked_row(redactor, "ASSOCIATES: BEGAY (TINY), OCHOA (BOO)", None, ["BEGAY", "OCHOA", "BOO"], [])
    assert out == "ASSOCIATES: [PERSON 1] ([PERSON 1]), [PERSON 2] ([PERSON 2])", out


@pytest.mark.parametrize("seed", range(3))
def test_occupant_and_ink_slots_in_any_casing_and_order(redactor, seed) -> None:
    """Random surnames in random occupant slots and tattoo items, in a random casing: hidden; the slot words stay."""
    rng = random.Random(seed)
    names = ["OCHOA", "BEGAY", "TRAN", "NAKAMURA", "OYELARAN", "KOWALCZYK", "ABERNATHY"]
    slots = ["OCC #{n} {name}", "OCC #{n} (DRIVER) {name} D", "OCCUPANT {n}: {name}", "PASS #{n} - {name}"]
    picked = rng.sample(names, 3)
    text = "; ".join(rng.choice(slots).format(n=i + 1, name=nm) for i, nm in enumerate(picked))
    out = checked_row(redactor, recase(text, rng.choice(ALL)), None, picked, ["OCC"] if "OCC" in text else [])
    assert all(not shown(out, nm) for nm in picked), out
    inked = rng.sample(["MARIA", "TONY", "ALEJANDRA", "DESHAWN"], 2)
    places = rng.sample(["R HAND", "L FOREARM", "ON NECK", "LT ARM", "RT CALF"], 2)
    text = "TATTOOS: RIP " + ", ".join(f"{nm} {pl}" for nm, pl in zip(inked, places, strict=True))
    checked_row(redactor, recase(text, rng.choice(ALL)), None, inked, [pl.split()[-1] for pl in places])
