"""Third-party names in any casing where a sentence puts a person, and alias notations (issue 15, third round).

Fixed and property-style tests (random casings, separators, name orders) for the shapes ``positions.slot_names`` and
the alias rules of ``people`` take: "spoke with ___", "per ___", "according to ___", objects of person verbs, pairs
in lists and reported clauses, two-word sentence subjects, ``surname, given`` after a label; S/N, NN:, F/K/A, lists
of aliases, a quoted alias before a name or after it in lower case, a bracketed alias after a middle initial, "X is
the street name of ...". Names are made up here (none from the benchmark's lexicon); no record values.
"""

from __future__ import annotations

import random
import re

import pytest

from redaction.text.positions import slot_names, word_kind
from redaction.text.vocabulary import unknown_word
from tests.text_helpers import cased as _cased
from tests.text_helpers import needs_vocabulary
from tests.text_helpers import shown_words as _shown

# Given names and surnames of many origins, some of them everyday words ("hope", "woods", "price").
GIVEN = ["Chiamaka", "Tendai", "Mehmet", "Anahera", "Radoslaw", "Siddharth", "Xochitl", "Kwabena", "Liesel", "Omari"]
SURNAMES = ["Okonkwo", "Lindqvist", "Petrakis", "Villanueva", "Oyelaran", "Featherstone", "Szymanski", "Kealoha",
            "Ivanova", "Achterberg"]
EVERYDAY_GIVEN = ["Hope", "Mason", "Rose", "Chase", "Destiny"]
EVERYDAY_SURNAMES = ["Woods", "Brown", "Price", "Church", "Rivers"]
ALIASES = ["Smoke", "Tiny", "Peanut", "Shadow", "Trouble", "Lil Bit", "Cookie", "Ghost"]
SLOTS = ["I spoke with {n} at the scene.", "Per {n}, the suspect fled north.", "According to {n}, the door was open.",
         "Officers located {n} behind the store.", "The victim told {n} about the fight.",
         "The phone belonged to {n}, a coworker.", "The vehicle is registered to {n} of Oakland.",
         "She was picked up by {n} around midnight.", "I followed up with {n} by phone.",
         "The child stays with {n} on weekends.", "{n} was arrested on a warrant.", "{n} told officers she was home.",
         "The caller said {n} had a knife.", "Present were {n}, {m} and {k}.", "{n} and {m} were arguing."]


def _words(*phrases: str) -> list[str]:
    return [w for p in phrases for w in re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", p)]




@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("i spoke with mehmet petrakis at the scene.", ["mehmet", "petrakis"], ["spoke", "scene"]),
    ("anahera lindqvist told officers she was not home.", ["anahera", "lindqvist"], ["told", "officers"]),
    ("OFFICERS LOCATED MASON BROWN BEHIND THE STORE.", ["MASON", "BROWN"], ["LOCATED", "BEHIND", "STORE"]),
    ("according to hope featherstone, the door was open.", ["hope", "featherstone"], ["according", "door"]),
    ("the child was left with hope woods for the night.", ["hope", "woods"], ["child", "night"]),
    ("witnesses: okonkwo, kwabena; villanueva, chiamaka.", ["okonkwo", "kwabena", "villanueva", "chiamaka"],
     ["witnesses"]),
    ("present were liesel achterberg, tendai okonkwo and omari szymanski.",
     ["liesel", "achterberg", "tendai", "okonkwo", "omari", "szymanski"], ["present"]),
    ("victim stated bogdan o'rourke punched her twice.", ["bogdan", "rourke"], ["victim", "punched", "twice"]),
    ("HOPE MBEKI (VICTIM'S SISTER) WAS ON SCENE.", ["HOPE", "MBEKI"], ["SISTER", "SCENE"]),
    ("mr. march declined to press charges.", ["march"], ["declined", "charges"]),
    ("the keys belong to april hardy, who lives next door.", ["april", "hardy"], ["keys", "lives"]),
    ("rose yamamoto's sister called dispatch.", ["rose", "yamamoto"], ["sister", "dispatch"]),
    ("The RP identified the male as kwabena nguyen.", ["kwabena", "nguyen"], ["identified", "male"]),
    ("I ASKED HIM WHERE CHIAMAKA WAS.", ["CHIAMAKA"], ["ASKED", "WHERE"]),
    ("Suspect fled with Chase de la Cruz in a white sedan.", ["Chase", "Cruz"], ["fled", "white"]),
    ("ON ARRIVAL I MET SUMMER WOODS IN THE LOBBY.", ["SUMMER", "WOODS"], ["ARRIVAL", "LOBBY"]),
    ("i gave rose castellanos a case number.", ["rose", "castellanos"], ["gave", "case"]),
    ("the victim's roommate tendai let us in.", ["tendai"], ["let", "us"]),
    ("THE CAR BELONGS TO TARIQ'S UNCLE, KENJI ROBINSON.", ["TARIQ", "KENJI", "ROBINSON"], ["UNCLE"]),
    ("The car belongs to tariq's uncle, rose johnson.", ["tariq", "rose", "johnson"], ["uncle"]),
    ("MS. LINDQVIST'S DAUGHTER TENDAI WAS HOME.", ["LINDQVIST", "TENDAI"], ["DAUGHTER", "HOME"]),
    ("her roommate let rose lewis in. Fatima said Rose had been banned.", ["rose", "lewis", "Rose"], ["banned"]),
    ("WIT: GRANT NGUYEN 5105551212", ["GRANT", "NGUYEN"], ["WIT"]),
    ("vict hope flores transported by amr", ["hope", "flores"], ["vict", "transported"]),
    ("RO CHASE BROWN NOTIFIED", ["CHASE", "BROWN"], ["RO", "NOTIFIED"]),
    ("involved: mcintyre, zofia; woods, grant", ["mcintyre", "zofia", "woods", "grant"], ["involved"]),
    ("s1 ramirez, hope dob 010190", ["ramirez", "hope"], ["s1", "dob"]),
    ("adv liesel to leave", ["liesel"], ["adv", "leave"]),
    ("chase woods / liesel mcintyre verbal only", ["chase", "woods", "liesel", "mcintyre"], ["verbal"]),
    ("COMP AMAL HADDAD DECLINED MEDICAL", ["AMAL", "HADDAD"], ["COMP", "DECLINED"]),
    ("victim stated bogdan o'rourke punched her twice.", ["bogdan", "rourke"], ["stated", "punched"]),
    ("spoke w/ tendai adebayo-smith ref dog bite", ["tendai", "adebayo", "smith"], ["spoke", "dog"]),
    ("i told faith to stop, she said mind your business.", ["faith"], ["told", "stop"]),
    ("update: jesús and i talked to his mother.", ["jesús"], ["update", "talked"]),
    ("me and kwame were walking home.", ["kwame"], ["walking"]),
    ("pls send someone before somebody gets hurt - Dima", ["Dima"], ["send", "hurt"]),
    ("thank u jesús!! found my purse. ask for chago", ["jesús", "chago"], ["found", "purse"]),
])
def test_names_in_person_slots(redactor, text, gone, kept):
    out = redactor.redact([text])[0].text or ""
    assert not _shown(out, gone), out
    assert not [w for w in kept if w not in out], out


@needs_vocabulary
@pytest.mark.parametrize("text", [
    "A male with long hair ran off toward the park.",
    "Driver drove over the lane divider, struck Milvia Addison signpost.",
    "The suspect was questioned post-Miranda and denied it.",
    "He said \"stop\" and ran toward the car.",
    "We met with ashby ave residents about the noise.",
    "The window was taped with black tape and left open.",
    "The guy who robbed ingrid's car is gone.",
    "Driving with lights off on the freeway.",
    "Responsible was seen masturbating in public.",
    "Stopped forCracked windshield and registration.",
    "RP called sus activity, prowling, poss att of a theft.",
])
def test_slot_words_that_are_no_names_stay(text):
    spans = [text[s:e] for s, e in slot_names(text)]
    assert not [s for s in spans if s.lower() in ("long hair", "struck milvia", "post-miranda", "stop", "ashby",
                                                  "black tape", "long", "struck", "ashby ave", "robbed ingrid",
                                                  "robbed", "lights", "masturbating", "forcracked", "poss att",
                                                  "poss")], spans


@needs_vocabulary
def test_word_kind():
    """A listed given name that is no dictionary word is strong, an everyday given name is "given", a listed
    surname that is a common word is "surname", a verb or report word is nothing."""
    assert word_kind("Chiamaka") == "strong" or unknown_word("Chiamaka")
    assert word_kind("hope") == "given"
    assert word_kind("woods") == "surname"
    assert word_kind("said") == "" and word_kind("police") == "" and word_kind("post-miranda") == ""


@needs_vocabulary
def test_slot_names_property(redactor):
    """Any person slot, any casing, listed or unlisted names, everyday-word names paired with a listed surname: every
    name word goes."""
    rng = random.Random(1901)
    for _ in range(150):
        def person() -> str:
            if rng.random() < 0.3:
                return f"{rng.choice(EVERYDAY_GIVEN)} {rng.choice(SURNAMES)}"
            if rng.random() < 0.3:
                return f"{rng.choice(GIVEN)} {rng.choice(EVERYDAY_SURNAMES)}"
            return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
        n, m, k = person(), person(), person()
        text = _cased(rng.choice(SLOTS).format(n=n, m=m, k=k), rng.choice(["upper", "lower", "mixed"]))
        got = redactor.redact([text])[0].text or ""
        present = [p for p in (n, m, k) if p.lower() in text.lower()]
        assert not _shown(got, _words(*present)), (text, got)


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("SUBJECT TENDAI OKONKWO S/N KILO WAS CONTACTED.", ["TENDAI", "OKONKWO", "KILO"], ["S/N", "CONTACTED"]),
    ("subject tendai okonkwo nn: scrappy was contacted.", ["tendai", "okonkwo", "scrappy"], ["nn", "contacted"]),
    ("FI: OKONKWO, TENDAI M F/K/A SHADOW DOB 1/2/1990.", ["OKONKWO", "TENDAI", "SHADOW"], ["F/K/A"]),
    ("tendai okonkwo aka tank / kilo was seen fleeing.", ["tendai", "okonkwo", "tank", "kilo"], ["aka", "fleeing"]),
    ("FI CARD | NAME: OKONKWO, TENDAI | ALIASES: SMOKE; COOKIE | DOB: 1/2/1990", ["OKONKWO", "TENDAI", "SMOKE",
                                                                                  "COOKIE"], ["ALIASES", "DOB"]),
    ('subject "kilo" tendai okonkwo was seen.', ["kilo", "tendai", "okonkwo"], ["subject", "seen"]),
    ('tendai okonkwo "kilo" was seen fleeing.', ["tendai", "okonkwo", "kilo"], ["seen", "fleeing"]),
    ("fi: castillo, kenji m (pops) dob 1/2/1990.", ["castillo", "kenji", "pops"], ["fi", "dob"]),
    ("RED IS THE STREET NAME OF TENDAI OKONKWO.", ["RED", "TENDAI", "OKONKWO"], ["STREET", "NAME"]),
    ("ASHLEY RIVERS NICKNAME FLACO WAS PRESENT.", ["ASHLEY", "RIVERS", "FLACO"], ["NICKNAME", "PRESENT"]),
    ("Keisha Kealoha a.k.a. Juju was seen near the store.", ["Keisha", "Kealoha", "Juju"], ["a.k.a.", "seen"]),
    ("tendai okonkwo aka: shorty sells on the corner.", ["tendai", "okonkwo", "shorty"], ["sells", "corner"]),
    ("rose asante (bear) was seen fleeing.", ["rose", "asante", "bear"], ["seen", "fleeing"]),
    ('FI: FOSTER, TATIANA L. -- "SLIM" DOB 1/2/90', ["FOSTER", "TATIANA", "SLIM"], ["DOB"]),
    ("FI: FOSTER, TATIANA AKA. BABY DOB 1/2/90", ["FOSTER", "TATIANA", "BABY"], ["DOB"]),
    ('FI: FOSTER, TATIANA AKA "MONEY" OR "BIG HOMIE" DOB 1/2/90', ["MONEY", "BIG", "HOMIE"], ["DOB"]),
    ("nicknames: money, big homie. name: foster, tatiana", ["money", "big", "homie", "foster", "tatiana"], ["name"]),
    ("fi card: foster, tatiana; alias(es): trouble, slim", ["trouble", "slim", "foster", "tatiana"], ["card"]),
    ("FI: FOSTER, TATIANA MONIKER(S) SUNNY & BABY", ["SUNNY", "BABY"], ["MONIKER"]),
    ('fi: foster, tatiana l. "smokey," dob 1/2/90', ["smokey"], ["dob"]),
    ("SIONE LIU, WHO GOES BY LITTLE MAC, AT SUTTER.", ["SIONE", "LIU", "LITTLE", "MAC"], ["AT", "SUTTER"]),
    ("crew: ghost, payaso and peanut (his nephew).", ["ghost", "payaso", "peanut"], ["crew", "nephew"]),
    ("THE GUY GOES BY SOLO. SOLO (BEATRICE Ó BRIAIN) HANGS OUT WITH MILICA LE BLANC.", ["SOLO", "BEATRICE", "Ó", "BRIAIN"],
     ["HANGS", "GUY"]),
    ("Abu-Khalil drives the white Jeep. victim: nastya, H/F 60s", ["nastya"], ["victim"]),
])
def test_alias_notations(redactor, text, gone, kept):
    out = redactor.redact([text])[0].text or ""
    assert not _shown(out, gone), out
    assert not [w for w in kept if w not in out], out


@pytest.mark.parametrize(("text", "kept"), [
    ('He said "stop" Tendai Okonkwo ran.', "stop"),
    ("Colleen Kowalski (DOB 5 Dec 1947) was at home.", "DOB"),
    ("MANUEL OKONKWO (JUVENILE) WAS RELEASED.", "JUVENILE"),
    ("Ms. Okafor's mother, Juana Sharma, arrived.", "'s mother"),
    ("MS. LAFLEUR'S MOTHER, INGRID WARD, ARRIVED.", "'S MOTHER"),
    ('"ACE" IS YUKI GRIFFIN\'S STREET NAME.', "'S STREET"),
])
def test_quoted_and_bracketed_words_that_are_no_alias_stay(redactor, text, kept):
    out = redactor.redact([text])[0].text or ""
    assert kept in out, out


@needs_vocabulary
def test_alias_notations_property(redactor):
    """Any alias notation, any casing, one or two aliases, the name in either order: name and aliases go."""
    shapes = ["{l}, {f} AKA {x}", "{l}, {f} A.K.A. {x}", "{l}, {f} (AKA {x})", "{l}, {f} ALIAS: {x}", "{f} {l} S/N {x}",
              "{f} {l} NN: {x}", "{f} {l}, STREET NAME {x},", "{l}, {f} F/K/A {x}", '{f} {l} "{x}"', '"{x}" {f} {l}',
              "{l}, {f} M ({x})", "{f} {l} AKA {x} / {y}", "{f} {l} AKA {x}; {y}", '{f} "{x}" {l}',
              "{f} {l}, who goes by {x},", "{f} {l} (moniker {x})"]
    rng = random.Random(1902)
    for _ in range(150):
        f, last, x, y = rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(ALIASES), rng.choice(ALIASES)
        shape = rng.choice(shapes)
        text = _cased(f"FI: {shape.format(f=f, l=last, x=x, y=y)} stopped at 5th and Main.",
                      rng.choice(["upper", "lower", "mixed"]))
        got = redactor.redact([text])[0].text or ""
        gone = _words(f, last, x) + (_words(y) if "{y}" in shape else [])
        assert not _shown(got, gone), (text, got)
