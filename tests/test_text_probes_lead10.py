"""Shapes the lead found with probes of its own (issue 15, round 10): people named together after a group word, a
citation's receiver, a person's records after a possessive.

One table of (sentence, record people or None, words that must go, words that must stay, casings it holds in); a
property test puts random made-up names into the group shape in random casings. The names are made up here.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.text_helpers import casing_cases, checked_row, recase

ALL = ("as", "lower", "upper", "title")
ALU = ("as", "lower", "upper")
AL = ("as", "lower")
AS = ("as",)
ROWS: list[tuple[str, list[str] | None, list[str], list[str], tuple[str, ...]]] = [
    # --- people named together after a group word
    ("Both parties (Yesenia & Luis) agreed to separate for the night.", None, ["Yesenia", "Luis"], ["parties"], ALU),
    ("both parties (yesenia and luis) agreed to separate", None, ["yesenia", "luis"], ["agreed"], ALU),
    ("involved parties: marcus + his gf tiana", None, ["marcus", "tiana"], ["involved", "gf"], ALU),
    ("The couple, Ingrid and Soren Hallberg, were not home.", None, ["Ingrid", "Soren", "Hallberg"], ["couple"], ALU),
    ("siblings - Jaylen/Amari - were released to their aunt", None, ["Jaylen", "Amari"], ["siblings", "aunt"], ALU),
    ("Occupants: Trevon, Keanu, Dmitri.", None, ["Trevon", "Keanu", "Dmitri"], ["Occupants"], ALU),
    ("roommates (Okafor and Lindqvist) both denied it", None, ["Okafor", "Lindqvist"], ["both"], ALU),
    # the same shapes with no names: every word stays
    ("Both parties (driver and passenger) agreed to separate.", None, [], ["driver", "passenger"], ALL),
    ("both parties (male and female) were intoxicated", None, [], ["male", "female"], ALL),
    ("children (ages 4 and 6) were asleep", None, [], ["ages"], ALU),
    ("people: two males and a female", None, [], ["males", "female"], ALL),
    ("occupants: unknown, possibly two", None, [], ["unknown", "possibly"], ALL),
    ("Both parties (victim & suspect) were separated.", None, [], ["victim", "suspect"], ALL),
    ("The couple, both intoxicated and yelling, refused.", None, [], ["intoxicated", "yelling"], ALL),
    ("parents - mom and dad - were called", None, [], ["mom", "dad"], ALL),
    ("siblings: brother and sister", None, [], ["brother", "sister"], ALL),
    # --- who got a citation, a warning, an order
    ("I issued Wanjiru a citation for 22450(a) CVC.", None, ["Wanjiru"], ["citation"], ALU),
    ("Ofc. Reyes served Okafor a copy of the restraining order.", None, ["Okafor"], ["copy"], ALU),
    ("i wrote Tavita a ticket for no lights", None, ["Tavita"], ["ticket"], AL),
    ("I issued him a citation and released him.", None, [], ["citation"], ALL),
    ("I issued a citation to the driver.", None, [], ["citation", "driver"], ALL),
    ("The court issued Monday a new date.", None, [], ["Monday"], AS),
    # --- force on a person, named by a word-name ("trinity", "destiny")
    ("he pushed trinity into the wall", None, ["trinity"], ["wall"], ALU),
    ("She slapped Destiny across the face.", None, ["Destiny"], ["face"], ALU),
    ("he stabbed jesus with a screwdriver", None, ["jesus"], ["screwdriver"], ALU),
    ("he kicked open the door and ran", None, [], ["open", "door"], ALL),
    ("he punched holes in the wall", None, [], ["holes"], ALU),  # title case: taken on main too
    ("she slapped hope out of his hand", None, [], ["hope"], AL),
    ("she pushed forward into the crowd", None, [], ["forward"], ALU),
    ("he choked back tears", None, [], ["back", "tears"], ALL),
    ("he kicked dirt at the car", None, [], ["dirt"], ALU),
    # --- a person asked a question ("asked precious where")
    ("i asked precious where the gun was", None, ["precious"], ["gun"], AL),
    ("I told Faith what happened.", None, ["Faith"], ["happened"], AL),
    ("i asked why he was there", None, [], ["why"], ALL),
    # --- a pair of word-names before "both said"
    ("Dakota and Cheyenne both said they saw nothing.", None, ["Dakota", "Cheyenne"], ["saw"], AS),
    ("Both said they saw nothing.", None, [], ["Both"], ALL),
    ("the officers both said nothing", None, [], ["officers"], ALL),
    # --- the subject of what a check or an inquiry found
    ("A records check revealed Szabo had a no-bail warrant.", None, ["Szabo"], ["warrant"], AS),
    ("records check showed okonjo was on probation", None, ["okonjo"], ["probation"], AL),
    ("I learned Faith was the one who called.", None, ["Faith"], ["called"], AS),
    ("the check revealed money was missing from the till", None, [], ["money"], ALL),
    ("video showed chase was already over", None, [], ["chase"], AL),
    ("I found hope was gone", None, [], ["hope"], AL),
    ("the search revealed marijuana was in the car", None, [], ["marijuana"], ALL),
    ("I noticed blood was on the floor", None, [], ["blood"], ALL),
    # --- a signature after a closing dash, in capitals: each word must read as a name
    ("VICTIM - NOT COOPERATIVE", None, [], ["NOT", "COOPERATIVE"], ("as", "upper")),
    ("VICTIM - UNCOOPERATIVE", None, [], ["UNCOOPERATIVE"], ("as", "upper")),
    ("WITNESS - GONE ON ARRIVAL", None, [], ["GONE", "ARRIVAL"], ("as", "upper")),
    ("PLEASE CALL ME BACK - MARIA LOPEZ", None, ["MARIA", "LOPEZ"], ["CALL"], ("as", "upper")),
    ("SUSP FLED ON FOOT - DIMA", None, ["DIMA"], ["FOOT"], ("as", "upper")),
    # --- a person's records after a possessive
    ("I ran Haugen's info through records.", None, ["Haugen"], ["info", "records"], AS),
    ("Dispatch advised Okonkwo's DL was suspended.", None, ["Okonkwo"], ["suspended"], AS),
    ("Records showed Pettaway's probation expired in 2022.", None, ["Pettaway"], ["probation"], AS),
    ("I ran the vehicle's info through DMV.", None, [], ["ran", "info"], ALL),
    ("Target's information was forwarded to loss prevention.", None, [], ["information"], AS),
]

SLIPS: list[tuple[str, list[str] | None, list[str], list[str], str]] = [
    ("Children (Ages 4 And 6) Were Asleep", None, [], ["Ages"],
     "precision: in a title-cased line 'Ages' after 'Children (' is taken as a name (as on main)"),
    ("roommates (mom and dad) were separated", None, [], ["mom"],
     "precision: 'mom' after a cue word and a bracket is taken as a name (as on main)"),
]

CASES = casing_cases(ROWS, SLIPS)


@pytest.mark.parametrize(("text", "people", "go", "keep"), CASES)
def test_lead10_shapes(redactor: Any, text: str, people: list[str] | None, go: list[str], keep: list[str]) -> None:
    checked_row(redactor, text, people, go, keep)


GIVEN = ["Yesenia", "Luis", "Tiana", "Marcus", "Ingrid", "Soren", "Amari", "Jaylen", "Keanu", "Dmitri", "Xochitl"]
GROUPS = ["both parties ({a} & {b})", "involved parties: {a} + {b}", "the couple, {a} and {b},", "siblings - {a}/{b} -",
          "occupants: {a}, {b}"]
WORDS = [("driver", "passenger"), ("male", "female"), ("victim", "suspect"), ("mom", "dad"), ("brother", "sister")]


@pytest.mark.parametrize("seed", range(4))
def test_group_members_property(redactor: Any, seed: int) -> None:
    """Two made-up given names after a group word go in any casing and order; two role words there stay."""
    rng = random.Random(2000 + seed)
    for _ in range(4):
        mode, shape = rng.choice(["as", "lower", "upper"]), rng.choice(GROUPS)
        a, b = rng.sample(GIVEN, 2)
        checked_row(redactor, recase(shape.format(a=a, b=b) + " were separated.", mode), None, [a, b], [])
        w1, w2 = rng.choice(WORDS)
        checked_row(redactor, recase(shape.format(a=w1, b=w2) + " were separated.", mode), None, [], [w1, w2])
