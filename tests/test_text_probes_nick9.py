"""Everyday-word short forms by context (issue 15, round 9, a new hand): a record person's short form that is also an
everyday word ("will", "bill", "art", "jack", "sandy", "al") in lower case or capitals, in the slots where only a
person stands: a greeting or a call ("hey will,", "thanks bill!"), "according to sandy,", company ("went with will
to the store", "LEFT WITH JACK AT 2200"), after a kin or role word and before "was" or a stop ("her son will was not
home"), after "said" and before "was"/"had" ("his mom said will was asleep"), seen or heard doing something ("heard
penny yelling again"), after "called"/"named" ("a guy called al keeps"), and as the speaker of a copied text message
("will: where r u" with another speaker line). The same sentences with no record name that brings the word keep it
("we will see", "the sun rose", "an art class", "hey, will you call me", "a bill was paid"). Every sentence and name
here is made up. One table: (text, record people or None, words that must go, words that must stay, casings: a=as
written, l=lower, u=UPPER)."""

from __future__ import annotations

import random
import re

import pytest

from tests.text_helpers import assert_record_row, cased, record_row_cases, shown

_NUMBER = re.compile(r"\[PERSON (\d+)\]")
W = ["HOLLIS, WILLIAM"]

ROWS = [
    # --- keep: the same shapes with no record name that brings the word (and with an unrelated record) ---
    ("hey, will you call me back when you can", None, [], ["will"], "alu"),
    ("hey, will you call me back when you can", W, [], ["will"], "alu"),
    ("thanks, will do!", W, [], ["will"], "alu"),
    ("ok will do, thanks", W, [], ["will"], "alu"),
    ("we will see what happens with the landlord", W, [], ["will"], "alu"),
    ("i will call back tomorrow", W, [], ["will"], "alu"),
    ("she said she will call back with the landlord", W, [], ["will"], "alu"),
    ("her son will be home by six", W, [], ["will"], "alu"),
    ("my brother will not answer the door", W, [], ["will"], "alu"),
    ("her husband may have left already", ["GARNER, MARIETTA"], [], ["may"], "alu"),
    ("a bill was paid with cash", ["PRESCOTT, WILLIAM"], [], ["bill"], "alu"),
    ("she said the bill was paid in full", ["PRESCOTT, WILLIAM"], [], ["bill"], "alu"),
    ("the sun rose and the crowd left", ["MORROW, ROSEMARY"], [], ["rose"], "alu"),
    ("hey rose, the car is here", ["MORROW, ROSEMARY"], ["rose"], ["car"], "alu"),
    ("she went with rose to the corner store", ["MORROW, ROSEMARY"], ["rose"], ["store"], "alu"),
    ("the neighbor heard rose yelling again", ["MORROW, ROSEMARY"], ["rose"], ["yelling"], "alu"),
    ("her son rose and walked out of the room", ["MORROW, ROSEMARY"], [], ["rose"], "alu"),
    ("when she came in, her son rose from the couch", ["MORROW, ROSEMARY"], [], ["rose"], "alu"),
    ("he came in with an art class to see the mural", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    ("the walls were covered with art and posters", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    ("i saw art hanging on every wall", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    ("she handled it with grace and left", None, [], ["grace"], "alu"),
    ("the yard was filled with sandy soil and rocks", ["DANFORTH, SANDRA"], [], ["sandy"], "alu"),
    ("according to plan, the car was towed", W, [], ["plan"], "alu"),
    ("according to the bill, the rent was late", ["PRESCOTT, WILLIAM"], [], ["bill"], "alu"),
    ("he used a jack to lift the car", ["TOLLIVER, JACKSON"], [], ["jack"], "alu"),
    ("he went with jack stands to hold the car", ["TOLLIVER, JACKSON"], [], ["jack"], "alu"),
    ("they worked from dawn to dusk", None, [], ["dawn"], "alu"),
    ("i heard a jack hammering outside all morning", ["TOLLIVER, JACKSON"], [], ["jack"], "alu"),
    ("hi! will call later", W, [], ["will"], "alu"),
    ("art: two paintings taken from the hall", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    ("bill: $45 unpaid\nnote: tenant left", ["PRESCOTT, WILLIAM"], [], ["bill"], "alu"),
        ("rp will adv when the susp returns", W, [], ["will"], "alu"),
    ("he called penny stocks a scam", ["WHITAKER, PENELOPE"], [], ["penny"], "alu"),
    ("according to ED, the patient left at 0300", ["OKAFOR, EDWARD"], [], ["ED"], "a"),
    ("they drove from Mobile, AL to the coast", ["GARNER, ALBERT"], [], ["AL"], "au"),
    ("we were looking for art and antiques", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    ("he was looking for jack to lift the car", ["TOLLIVER, JACKSON"], [], ["jack"], "alu"),
    ("he came to rob the store and left", ["SPENCE, ROBERT"], [], ["rob"], "alu"),
    ("the call will be recorded, text will follow", W, [], ["will"], "alu"),
    ("a gift from art class was left at the door", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    ("he grabbed the jack and i held the light", ["TOLLIVER, JACKSON"], [], ["jack"], "alu"),
    ("art is my passion, said the tenant", ["KESSLER, ARTHUR"], [], ["art"], "alu"),
    # --- go: the record person's short form in a person's slot, any casing ---
    ("i got a text from will last night", W, ["will"], ["text"], "alu"),
    ("she was waiting for jack outside the bar", ["TOLLIVER, JACKSON"], ["jack"], ["bar"], "alu"),
    ("she gave the keys to rob yesterday", ["SPENCE, ROBERT"], ["rob"], ["keys"], "alu"),
    ("i texted bill but got no answer", ["PRESCOTT, WILLIAM"], ["bill"], ["answer"], "alu"),
    ("will and i got into an argument", W, ["will"], ["argument"], "alu"),
    ("frank is my ex and he keeps calling", ["HUERTA, FRANKLIN"], ["frank"], ["calling"], "alu"),
    ("a guy called al keeps parking in the fire lane", ["GARNER, ALBERT"], ["al"], ["lane"], "alu"),
    ("her cousin named mo was at the party", ["OKAFOR, MOHAMMED"], ["mo"], ["party"], "alu"),
    ("SHE WENT WITH AL TO THE CORNER STORE", ["GARNER, ALBERT"], ["AL"], ["STORE"], "alu"),
    ("hey will, come over here", W, ["will"], ["come"], "al"),
    ('I heard her yell "Jack, drop it" before the door shut', ["TOLLIVER, JACKSON"], ["Jack"], ["drop"], "alu"),
    ('she screamed "Meg, drop it" twice', None, [], ["drop"], "alu"),
    ('I heard her yell "Fred, drop it" before the door shut', ["GARNER, FERDINAND"], ["Fred"], ["drop"], "alu"),
    ('the box said "Garcia, Maria" in marker', None, ["Garcia", "Maria"], [], "alu"),
    ('I heard her yell "Rose, drop it" before the door shut', ["MORROW, ROSEMARY"], ["Rose"], ["drop"], "alu"),
    ("i told rose to leave the lobby", ["MORROW, ROSEMARY"], ["rose"], ["lobby"], "alu"),
    ("prices (rose) sharply that week", ["MORROW, ROSEMARY"], [], ["prices", "rose"], "alu"),
    ("i told him thanks bill! and left", ["PRESCOTT, WILLIAM"], ["bill"], ["left"], "alu"),
    ("according to sandy, the back door was open", ["DANFORTH, SANDRA"], ["sandy"], ["door"], "alu"),
    ("according to will the back door was open", W, ["will"], ["door"], "alu"),
    ("she went with will to the corner store", W, ["will"], ["store"], "alu"),
    ("the victim left with jack at about 2200", ["TOLLIVER, JACKSON"], ["jack"], ["victim"], "alu"),
    ("she lives with rob and two kids", ["SPENCE, ROBERT"], ["rob"], ["kids"], "alu"),
    ("he got into an argument with frank, who then left", ["HUERTA, FRANKLIN"], ["frank"], ["argument"], "alu"),
    ("her son will was not home at the time", W, ["will"], ["home"], "alu"),
    ("my boyfriend art, who lives upstairs, saw it", ["KESSLER, ARTHUR"], ["art"], ["upstairs"], "alu"),
    ("the manager penny was not there", ["WHITAKER, PENELOPE"], ["penny"], ["manager"], "alu"),
    ("his mom said will was asleep until noon", W, ["will"], ["asleep"], "alu"),
    ("she stated sandy had the keys", ["DANFORTH, SANDRA"], ["sandy"], ["keys"], "alu"),
    ("the neighbor heard penny yelling again", ["WHITAKER, PENELOPE"], ["penny"], ["yelling"], "alu"),
    ("i saw jack running toward the alley", ["TOLLIVER, JACKSON"], ["jack"], ["alley"], "alu"),
    ("will: where r u\nme: home", W, ["will"], ["home"], "alu"),
    ("Sandy: u coming?\nMe: on my way\nSandy: ok", ["DANFORTH, SANDRA"], ["Sandy"], ["coming"], "alu"),
    ("William Hollis answered the door. his mom said will was asleep", W, ["will", "Hollis"], ["mom"], "alu"),
]

# Keep rows that fail on main already, by other rules than this round's (a relation cue before "will"/"rose", "rp"
# before the record's "will", the NER's "ART AND POSTERS" in capitals, "thanks, will do"):
# left for their own round, kept here as strict expected failures. ("HEY WILL, COME" in capitals, where the NER
# takes "WILL, COME" as one name, is left out of its row's casings for the same reason.)
KNOWN = ("hey, will you call", "thanks, will do", "my brother will not", "her son rose and",
         "her son rose from", "covered with art and", "rp will adv", "called penny stocks", "according to ed,",
         "looking for art and", "art is my passion")
_UPPER_ONLY = ("hey, will you call", "covered with art and", "looking for art and", "art is my passion")
CASES = [pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason="fails on main too: another rule"))
         if any(k in case[0].lower() and (k not in _UPPER_ONLY or case[0].isupper()) for k in KNOWN) else case
         for case in record_row_cases(ROWS)]


@pytest.mark.parametrize(("text", "people", "go", "keep"), CASES)
def test_everyday_short_forms_go_in_a_persons_slot_and_words_stay(redactor, text, people, go, keep) -> None:
    assert_record_row(redactor, text, people, go, keep)


# A compact, seeded version of the round's sweep (every known pair x 31 contexts x 3 casings, not committed): a
# (given name, everyday-word short form) pair, one of the slots above, a casing and a record order at random
PAIRS = [("ROSEMARY", "rose"), ("ALBERT", "al"), ("WILLIAM", "will"), ("WILLIAM", "bill"), ("ARTHUR", "art"),
         ("SANDRA", "sandy"), ("JACKSON", "jack"), ("ROBERT", "rob"), ("FRANKLIN", "frank"), ("PENELOPE", "penny"), ("PATRICIA", "pat"),
         ("RAYMOND", "ray"), ("EUGENE", "gene"), ("SUSAN", "sue"), ("DONALD", "don"), ("RICHARD", "rich")]
SURNAMES = ["HOLLIS", "GARNER", "PRESCOTT", "KESSLER", "DANFORTH", "TOLLIVER", "WHITAKER", "OKAFOR", "LINDQVIST"]
SHAPES = ["hey {s}, come over here", "according to {s}, the back door was open", "she went with {s} to the store",
          "the victim left with {s} at about 2200", "her son {s} was not home at the time",
          "his mom said {s} was asleep until noon", "the neighbor heard {s} yelling again",
          "{s}: where r u\nme: home", "i got a text from {s} last night", "i texted {s} but got no answer",
          "{s} is my ex and he keeps calling", "she was waiting for {s} outside the bar",
          "she gave the keys to {s} yesterday", "a guy called {s} keeps parking in the fire lane",
          "{g} {f} answered the door. later i saw {s} running toward the alley"]


@pytest.mark.parametrize("seed", range(24))
def test_an_everyday_short_form_in_a_persons_slot_goes_with_its_persons_number(redactor, seed) -> None:
    rng = random.Random(seed)
    given, short = rng.choice(PAIRS)
    surname = rng.choice(SURNAMES)
    text = cased(rng.choice(SHAPES).format(s=short.title(), g=given.title(), f=surname.title()),
                 rng.choice(["as", "lower", "upper"]))
    record = f"{surname}, {given}" if rng.random() < 0.5 else f"{given} {surname}"
    out = redactor.redact([text], [{"PERSON": [record]}])[0].text or ""
    assert not shown(out, short), out
    assert len(set(_NUMBER.findall(out))) == 1, out


# The same everyday words as words, with the record person whose short form they are: shown in any casing and order
WORD_USES = [("WILLIAM", "will", ["we will see what happens with the landlord", "i will call back tomorrow",
                                  "she said she will be home by six", "he left a will with his lawyer"]),
             ("WILLIAM", "bill", ["the bill was paid in cash", "she paid the water bill at noon"]),
             ("ARTHUR", "art", ["there was an art class at the center", "he was looking at the art on the walls"]),
             ("JACKSON", "jack", ["he used a jack to lift the car", "the phone jack was pulled out of the wall"]),
             ("SANDRA", "sandy", ["the car was parked in the sandy lot", "his shoes were sandy and wet"]),
             ("PENELOPE", "penny", ["she found a penny on the floor", "not one penny was missing"]),
             ("ROSEMARY", "rose", ["the sun rose over the lot", "a rose bush by the door was trampled"]),
             ("FRANKLIN", "frank", ["we had a frank conversation about the noise"]),
             ("RICHARD", "rich", ["a rich guy in a suit walked in", "the soil was rich and dark"]),
             ("PATRICIA", "pat", ["the officer did a pat down of the subject", "i gave the dog a pat"]),
             ("ROBERT", "rob", ["he said he would rob the store", "they tried to rob him at the bus stop"])]


@pytest.mark.parametrize("seed", range(16))
def test_an_everyday_word_stays_beside_the_record_person_it_shortens(redactor, seed) -> None:
    rng = random.Random(seed)
    given, word, uses = rng.choice(WORD_USES)
    surname = rng.choice(SURNAMES)
    text = cased(rng.choice(uses), rng.choice(["as", "lower", "upper"]))
    record = f"{surname}, {given}" if rng.random() < 0.5 else f"{given} {surname}"
    out = redactor.redact([text], [{"PERSON": [record]}])[0].text or ""
    assert shown(out, word), out
