"""Aliases and nicknames written the way police write them (issue 15): every cue of ``alias_cues.CUES`` finds its
alias and, when it says so, joins it to the name before it; the shapes probes found shown or numbered wrongly.
Names and monikers are made up here, independently of the benchmark."""

from __future__ import annotations

import random
import re

import pytest

from redaction.text.alias_cues import CUES
from tests.text_helpers import cased, shown, shown_words

_NUMBER = re.compile(r"\[PERSON (\d+)\]")


def numbers(out: str) -> set[str]:
    return set(_NUMBER.findall(out))


def run(redactor, text: str, person: str | None = None) -> str:
    values = [{"PERSON": [person]}] if person else None
    return redactor.redact([text], values)[0].text


JOINING = [c for c in CUES if c.joins and c.finds and not c.alias_before]


@pytest.mark.parametrize("cue", JOINING, ids=[c.example for c in JOINING])
def test_every_cue_that_finds_an_alias_joins_it_to_the_name_before(redactor, cue):
    text = f"Officers stopped Terrell Jones {cue.example.format(a='Smoke')} near the park. Smoke ran."
    out = run(redactor, text)
    assert shown_words(out, ["Terrell", "Jones", "Smoke"]) == [], out
    assert numbers(out) == {"1"}, out  # the name and its alias: one person
    assert "near the park" in out and "ran." in out


OTHERS = [c for c in CUES if not c.joins and c.finds]


@pytest.mark.parametrize("cue", OTHERS, ids=[c.example for c in OTHERS])
def test_a_cue_of_someone_else_finds_the_alias_and_gives_it_its_own_number(redactor, cue):
    out = run(redactor, f"Ann Lee reported it; {cue.example.format(a='Smoke')}. Smoke ran.")
    assert shown_words(out, ["Ann", "Lee", "Smoke"]) == [], out
    assert len(numbers(out)) == 2, out


@pytest.mark.parametrize("text", [
    "Smoke, whose real name is Terrell Jones, was arrested. Smoke had a knife.",
    "SMOKE, REAL NAME TERRELL JONES, WAS ARRESTED. SMOKE HAD A KNIFE.",
    "\"Smoke\" (real name Terrell Jones) was arrested. Smoke had a knife.",
    "A male known as Smoke, later identified as Terrell Jones, was arrested. Smoke had a knife.",
])
def test_an_alias_before_the_real_name_is_redacted_and_joined(redactor, text):
    out = run(redactor, text)
    assert shown_words(out, ["Terrell", "Jones", "Smoke"]) == [], out
    assert numbers(out) == {"1"}, out


def test_a_place_before_real_name_is_no_alias(redactor):
    out = run(redactor, "Tavi from upstairs (real name Octavia Reyes) yelled at my father. Tavi left.")
    assert shown(out, "upstairs") and not shown(out, "Tavi"), out


@pytest.mark.parametrize("casing", ["as written", "upper", "lower"])
def test_a_record_name_keeps_the_a_of_aka_and_its_alias_shares_its_number(redactor, casing):
    text = cased("Suspect Marcus Young a.k.a. Red ran. Red was later seen near the store.", casing)
    out = run(redactor, text, "YOUNG, MARCUS")
    assert cased("a.k.a.", casing) in out and not shown(out, "Red"), out
    assert numbers(out) == {"1"}, out


def test_a_middle_initial_still_follows_a_record_name(redactor):
    out = run(redactor, "Marcus A. Young a.k.a. Red ran.", "YOUNG, MARCUS")
    assert out == "[PERSON 1] a.k.a. [PERSON 1] ran.", out


@pytest.mark.parametrize("text,words", [
    ("subject terrell jackson a/k/a lil' ray fled on foot.", ["ray", "lil"]),
    ("SUBJECT TERRELL JACKSON A/K/A LIL’ RAY FLED ON FOOT.", ["RAY", "LIL"]),
    ("The victim only knows the suspect by his street name, Biscuit.", ["Biscuit"]),
    ("Witness identified the shooter as ``Lil Shorty'' from the Eastside.", ["Lil", "Shorty"]),
    ("subject known as \"Lil 9\" fled. Lil 9 was later stopped.", ["Lil", "9"]),
    ("a male known on the street as 2Pac ran from the area.", ["2Pac"]),
    ("Toya said she knows the suspect as Boo.", ["Boo"]),
    ("Sasha Petrova, who her friends call Sashka, was the victim. Sashka was hurt.", ["Sashka", "Sasha", "Petrova"]),
])
def test_alias_shapes_are_redacted(redactor, text, words):
    out = run(redactor, text)
    assert shown_words(out, words) == [], out


@pytest.mark.parametrize("text", [
    "The suspect, Dante Moore, also known as Smoke or Smokey, fled.",
    "SUBJ: RAMIREZ, JOSE AKA \"CHUY\" AKA \"LIL C\". CHUY STATED HE LIVES WITH HIS MOTHER.",
    "Alias: BIG D / D-BOY",
    "Known as: \"Cuz\", \"Cuzzo\".",
    "AKA: Tre, Trey, Lil Tre",
    "Sasha Petrova, who her friends call Sashka, was the victim. Sashka was hurt.",
    "\"Red\" (Marcus Young) was contacted. Red was cooperative.",
])
def test_aliases_listed_after_one_cue_are_one_person(redactor, text):
    out = run(redactor, text)
    assert numbers(out) == {"1"}, out


@pytest.mark.parametrize("text", ["Associates: Tiny, Boo Man, Lil' Pete.", "Crew: Smoke, Red, Baby G."])
def test_associates_listed_after_a_list_cue_are_three_people(redactor, text):
    out = run(redactor, text)
    assert numbers(out) == {"1", "2", "3"}, out
    assert shown_words(out, ["Tiny", "Boo", "Man", "Pete", "Smoke", "Red", "Baby", "G"]) == [], out


@pytest.mark.parametrize("text,words", [
    ("Dwayne \"D\" Carter was arrested. D had a gun.", ["D"]),
    ("male known as 'Lil 5' fled. Lil 5 was later stopped.", ["Lil", "5"]),
    ("SUSPECT \"LIL' MAN\" JOHNSON FLED. LIL' MAN IS KNOWN TO CARRY.", ["LIL'", "MAN"]),
])
def test_an_alias_repeated_without_its_cue_goes_whole(redactor, text, words):
    out = run(redactor, text)
    assert shown_words(out, words) == [] and "]' [" not in out, out
    assert numbers(out) == {"1"}, out


def test_a_possessive_role_before_a_cue_is_no_name(redactor):
    out = run(redactor, "The suspect's nickname is Cookie. Cookie fled.")
    assert "suspect's nickname" in out and not shown(out, "Cookie"), out


# Property-style: any cue that joins, any quotes, any casing, record field or not.
ALIASES = ["Smoke", "Lil' Ray", "Baby Dre", "K-Money", "Red", "Tiny", "Yung Tre", "Big Hurt", "Peanut", "Boo"]
QUOTES = [("", ""), ("\"", "\""), ("“", "”"), ("‘", "’"), ("'", "'"), ("(", ")")]
NAMES = [("Terrell", "Jones"), ("Jose", "Ramirez"), ("Dwayne", "Carter"), ("Kwame", "Mensah"), ("Malik", "Okafor")]


@pytest.mark.parametrize("seed", range(30))
def test_alias_after_any_joining_cue_any_case_property(redactor, seed):
    rng = random.Random(seed)
    first, last = rng.choice(NAMES)
    alias = rng.choice(ALIASES)
    cue = rng.choice([c for c in JOINING if "{a}\"" not in c.example])
    left, right = rng.choice(QUOTES)
    name = rng.choice([f"{first} {last}", f"{last.upper()}, {first.upper()}"])
    text = cased(f"Officers stopped {name} {cue.example.format(a=left + alias + right)} near the park. "
                 f"{alias} ran.", rng.choice(["upper", "lower", "as written"]))
    record = f"{last.upper()}, {first.upper()}" if rng.random() < 0.5 else None
    out = run(redactor, text, record)
    words = [w for w in re.findall(r"[^\W\d_]+", f"{first} {last} {alias}") if len(w) > 1]
    assert shown_words(out, words) == [], (text, out)
    assert numbers(out) == {"1"}, (text, out)
    assert shown(out, "park") and shown(out, "ran"), (text, out)


# Field-interview cards and face sheets: label shapes around a name and its alias.
@pytest.mark.parametrize("casing", ["as written", "upper", "lower"])
@pytest.mark.parametrize("text", [
    "Face sheet. Foster, Tatiana L. Street name: Smoke. Height 5'5\".",
    "Foster, Tatiana L — AKA \"Peanut\" — DOB 09-11-1999.",
    "FI card - name: Foster, Tatiana L. Moniker: Lucky. DOB: 09/11/1999.",
    "Person interviewed: Tatiana L. Foster (Little Mac), age 24.",
])
def test_a_card_name_and_its_alias_are_one_person(redactor, text, casing):
    out = run(redactor, cased(text, casing))
    assert shown_words(out, ["Foster", "Tatiana", "L", "Smoke", "Peanut", "Lucky", "Little", "Mac"]) == [], out
    assert numbers(out) == {"1"}, out


def test_a_detected_name_ends_at_a_bracket_or_a_quote(redactor):
    out = run(redactor, "FOSTER, TATIANA L (\"LUCKY\") DOB 09-11-1999.", "FOSTER, TATIANA")
    assert out.startswith("[PERSON 1] (\"[PERSON 1]\") DOB"), out


@pytest.mark.parametrize("text,person", [
    ("Advocate note: Conchita (Concepcion Bhattacharya) called. Her daughter is safe.", "BHATTACHARYA, CONCEPCION"),
    ("ADVOCATE NOTE: LYUDA (LUDMILA ASANTE) CALLED. SHE WILL COME IN 5/10.", "ASANTE, LUDMILA"),
    ("met with Tavi (octavia reyes) at the house. tavi said she was fine.", None),
])
def test_a_nickname_before_a_bracketed_name_is_that_person(redactor, text, person):
    out = run(redactor, text, person)
    assert numbers(out) == {"1"} and not re.search(r"^\w+: \w+ \(", out), out
    assert shown_words(out, ["Conchita", "Lyuda", "Tavi"]) == [], out


@pytest.mark.parametrize("text,kept", [
    ("Victim (Ann Lee) called. The suspect (Marcus Young) fled.", ["Victim", "suspect"]),
    ("The driver (Ann Lee) was cited.", ["driver"]),
])
def test_a_role_before_a_bracketed_name_stays(redactor, text, kept):
    out = run(redactor, text)
    assert shown_words(out, kept) == kept, out


@pytest.mark.parametrize("casing", ["as written", "upper", "lower"])
@pytest.mark.parametrize("text,words", [
    ("suspect 'Money' ran. Money dropped a bag.", ["Money"]),
    ("The victim's boyfriend, \"Sugar,\" hit her. Sugar fled.", ["Sugar"]),
    ("Per RP, subj is her nephew \"Bam\" (DOB 03/04/2001). Bam left in a red Civic.", ["Bam"]),
    ("Witness said Yung Money and Baby Boy were there. Baby Boy had a gun.", ["Baby", "Boy", "Yung", "Money"]),
    ("Known to use the names \"Ray Ray\" and \"Lil Ray\".", ["Ray", "Lil"]),
    ("Subj Keon Davis, monicker \"K-Dawg\", was FI'd. K-Dawg denied gang affiliation.", ["K-Dawg", "Keon", "Davis"]),
])
def test_an_alias_after_a_role_a_prefix_or_a_misspelled_cue(redactor, text, words, casing):
    out = run(redactor, cased(text, casing))
    assert shown_words(out, words) == [], out


@pytest.mark.parametrize("text,kept", [
    ("I told the suspect \"Stop\" and he kept running.", ["Stop"]),
    ("The victim said \"Get out\" to the suspect.", ["Get", "out"]),
    ("The suspect's \"friend\" came by later.", ["friend"]),
    ("the suspect \"was acting crazy\" per the caller.", ["acting", "crazy"]),
])
def test_speech_after_a_role_stays(redactor, text, kept):
    out = run(redactor, text)
    assert shown_words(out, kept) == kept, out


@pytest.mark.parametrize("casing", ["as written", "upper", "lower"])
@pytest.mark.parametrize("text", [
    "Her roommate William Ortiz was present. Bill said he heard yelling.",
    "The witness, Margaret Nowak, called 911. Peggy stated the suspect fled.",
    "His uncle Richard Diaz was present. Rick stated he saw nothing.",
])
def test_a_nickname_of_a_person_named_only_in_the_text_is_that_person(redactor, text, casing):
    out = run(redactor, cased(text, casing))
    assert numbers(out) == {"1"}, out


def test_a_nickname_of_someone_else_with_the_surname_is_another_person(redactor):
    out = run(redactor, "The neighbor, Elizabeth Grant, heard shots. Liz called police. Beth Grant is her sister.")
    assert out.count("[PERSON 1]") == 2 and out.count("[PERSON 2]") == 1, out


def test_an_everyday_nickname_of_a_record_person_opening_a_sentence(redactor):
    out = run(redactor, "Suspect William King fled. Officers found Billy in a shed. Will had a knife.", "KING, WILLIAM")
    assert numbers(out) == {"1"} and shown_words(out, ["Billy", "Will"]) == [], out
    out = run(redactor, "Suspect William King fled. He said he will pay the bill.", "KING, WILLIAM")
    assert shown_words(out, ["will", "bill"]) == ["will", "bill"], out


# Property-style, as cards and notes write them: label cues, any name order with or without a middle initial,
# brackets and quotes, what follows, a later mention, any casing; record field or not.
CARD_CUES = ["aka", "AKA:", "a.k.a.", "A/K/A", "also known as", "goes by", "who goes by", "Street name:", "moniker",
             "Moniker -", "nickname", "NN:", "S/N", "Alias:", "known on the street as", "f/k/a"]
CARD_ALIASES = ["Smoke", "Tiny", "Peanut", "Ghost", "Man-Man", "Little Mac", "Lil' Ray", "Baby Dre", "K-Money", "Lil 9"]
LEADS = ["Officers contacted {n}", "FI: {n}", "Subject {n}", "{n}", "RP states her ex {n}"]
TAILS = [", DOB 03/04/1998.", " was stopped.", ". He fled.", " (M/B 24).", " - no further info.", "; released."]


@pytest.mark.parametrize("seed", range(40))
def test_card_alias_shapes_property(redactor, seed):
    rng = random.Random(1000 + seed)
    first, last = rng.choice(NAMES)
    alias = rng.choice(CARD_ALIASES)
    name = rng.choice([f"{first} {last}", f"{last.upper()}, {first.upper()}", f"{last}, {first}",
                       f"{first} {rng.choice('BDJKMRT')}. {last}", f"{last.upper()}, {first.upper()} {rng.choice('BDJKMRT')}"])
    left, right = rng.choice(QUOTES)
    cue = rng.choice(CARD_CUES)
    sep = " " if cue.endswith((":", "-")) else rng.choice([" ", ", "])
    text = cased(rng.choice(LEADS).format(n=name) + sep + cue + " " + left + alias + right + rng.choice(TAILS)
                 + f" Later, {alias} returned.", rng.choice(["upper", "lower", "as written"]))
    out = run(redactor, text, f"{last.upper()}, {first.upper()}" if rng.random() < 0.4 else None)
    words = [w for w in re.findall(r"[^\W_]+", f"{first} {last} {alias}") if len(w) > 1 or w.isdigit()]
    assert shown_words(out, words) == [], (text, out)
    assert numbers(out) == {"1"}, (text, out)
    assert shown(out, "returned"), (text, out)


@pytest.mark.parametrize("casing", ["as written", "upper", "lower"])
@pytest.mark.parametrize("text", [
    "\"Smoke\" (Ramirez, Shanice) was contacted. Smoke fled later.",
    "Big Hurt (BROOKS, DARNELL) was contacted. Officers saw Big Hurt's car.",
    "Baby Dre, real name Malik Nguyen, was contacted. Baby Dre fled later.",
    "Omar Okafor aka Ghost aka Lil' Ray was contacted. Ghost fled later.",
    "Tyrone Jones aka Yung Tre, Cash was contacted. Later Cash returned.",
])
def test_an_alias_before_a_bracketed_name_or_listed_keeps_its_prefix_and_number(redactor, text, casing):
    out = run(redactor, cased(text, casing))
    words = ["Smoke", "Shanice", "Ramirez", "Big", "Hurt", "Darnell", "Brooks", "Baby", "Dre", "Malik", "Nguyen", "Ghost",
             "Ray", "Lil", "Yung", "Tre", "Cash", "Omar", "Okafor", "Tyrone", "Jones"]
    assert shown_words(out, words) == [], out
    assert numbers(out) == {"1"}, out


@pytest.mark.parametrize("text,kept", [
    ("He was known as a troublemaker. They call him every day.", ["troublemaker", "every", "day"]),
    ("AKA unknown. Alias: none. Moniker: N/A. Street name: unknown.", ["unknown", "none"]),
    ("The victim's real name was not provided. The caller did not give her real name.", ["victim's", "caller"]),
    ("Associates: none listed. Crew: unknown.", ["none", "unknown"]),
])
def test_cues_without_an_alias_redact_nothing(redactor, text, kept):
    out = run(redactor, text)
    assert shown_words(out, kept) == kept and "[PERSON" not in out, out
