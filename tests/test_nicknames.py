"""Nicknames from the public table (``redaction.text.nicknames``): a record's given name brings its nicknames,
a nickname in a field brings the full name, everyday-word nicknames only in a name's shape, and the mentions get
the record person's number."""

from __future__ import annotations

import random

import pytest

from redaction.text import TextRedactor
from redaction.text.nicknames import everyday_word, forms_of
from redaction.text.variants import TextView, clipped_given, name_nicknames, name_variant_regexes


def test_table_forms_both_ways() -> None:
    assert {"bill", "billy", "will"} <= forms_of("WILLIAM")
    assert "william" in forms_of("Billy")
    assert forms_of("Zyxwv") == frozenset()


def test_record_name_nicknames_come_from_the_given_name() -> None:
    assert "billy" in name_nicknames("HILL, WILLIAM J")
    assert "billy" in name_nicknames("William J Hill")
    assert "billy" not in name_nicknames("WILLIAM, JOHN")  # a surname brings no nicknames
    assert name_nicknames("WILLIAM") == frozenset()  # one word: no telling given name from surname
    assert name_nicknames("Hill, Zyxwv") == frozenset()


def test_everyday_words() -> None:
    assert everyday_word("dot") and everyday_word("vic") and everyday_word("will", {"will"})
    assert not everyday_word("billy") and not everyday_word("will")


@pytest.mark.parametrize(("text", "expected"), [
    ("Billy said he was home.", "[PERSON 1] said he was home."),
    ("We spoke to BILLY at the door.", "We spoke to [PERSON 1] at the door."),
    ("Billy Hill and William Hill are one man.", "[PERSON 1] and [PERSON 1] are one man."),
    ("hill, will was cited.", "[PERSON 1] was cited."),
    ("CITED: HILL, BILL.", "CITED: [PERSON 1]."),
    # an everyday word is no nickname out of a name's shape
    ("He said he will return.", "He said he will return."),
    ("HE WILL RETURN AND BILL US.", "HE WILL RETURN AND BILL US."),
    ("Officers will bill the owner.", "Officers will bill the owner."),
])
def test_nicknames_of_a_record_person(redactor: TextRedactor, text: str, expected: str) -> None:
    out = redactor.redact([text], [{"PERSON": ["HILL, WILLIAM"]}])[0].text
    assert out == expected


def test_report_word_nicknames_only_before_the_surname(redactor: TextRedactor) -> None:
    out = redactor.redact(["Court Hill called; she went to court. The VIC said Vic Lane left."],
                          [{"PERSON": ["HILL, COURTNEY", "LANE, VICTORIA"]}])[0].text
    assert out == "[PERSON 1] called; she went to court. The VIC said [PERSON 2] left."


def test_full_name_of_a_nickname_in_a_field(redactor: TextRedactor) -> None:
    out = redactor.redact(["Victim William Hill called; William left."], [{"PERSON": ["Hill, Billy"]}])[0].text
    assert out == "Victim [PERSON 1] called; [PERSON 1] left."


def test_nickname_mention_gets_the_record_persons_number(redactor: TextRedactor) -> None:
    out = redactor.redact(["Robert Asante arrived with Dana Ruiz. Bobby then left."],
                          [{"PERSON": ["ASANTE, ROBERT", "RUIZ, DANA"]}])[0].text
    assert out == "[PERSON 1] arrived with [PERSON 2]. [PERSON 1] then left."


def test_nickname_variants_in_random_casings_and_orders(redactor: TextRedactor) -> None:
    rng = random.Random(15)
    for _ in range(40):
        nick = rng.choice(["Billy", "Willie", "Willy"])
        form = rng.choice([f"{nick} Hill", f"Hill, {nick}", nick])
        form = rng.choice([form, form.upper(), form.lower(), form.title()])
        out = redactor.redact([f"Units found {form} asleep in the car."], [{"PERSON": ["HILL, WILLIAM"]}])[0].text
        assert out == "Units found [PERSON 1] asleep in the car.", form


def test_regexes_carry_the_nicknames_too() -> None:
    rx = "|".join(name_variant_regexes("HILL, WILLIAM"))
    assert "BILLY" in rx.upper() and "(?-i:Will)" in rx


@pytest.mark.parametrize(("record", "text", "expected"), [
    ("QUISPE, VENKATESH", "Venkatesh Quispe called. Venky left; VENKY came back.",
     "[PERSON 1] called. [PERSON 1] left; [PERSON 1] came back."),
    ("Iyer, Svetlana", "her cousin sveta called twice", "her cousin [PERSON 1] called twice"),
    ("HALE, KHADIJA", "Dija and Khadija Hale are one woman.", "[PERSON 1] and [PERSON 1] are one woman."),
    # a clip that is an English word, a business name or a short given name stays
    ("HILL, ROSEMARY", "She left a rose at the door.", "She left a rose at the door."),
    ("Wu, Carlos", "He waited outside CARL'S JR.", "He waited outside CARL'S JR."),
])
def test_clipped_given_names(redactor: TextRedactor, record: str, text: str, expected: str) -> None:
    assert redactor.redact([text], [{"PERSON": [record]}])[0].text == expected


def test_clips_need_a_long_given_name() -> None:
    view = TextView("Mari and Mariana left; mari too.")
    assert clipped_given("Ruiz, Maria", view) == []
    assert clipped_given("Ruiz, Marianela", view) == ["mariana"]  # "mari" is a word of the dictionary
