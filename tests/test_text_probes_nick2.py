"""Short forms of non-English given names (``redaction/text/data/hypocoristics.tsv``, loaded with the English
``nicknames`` table by ``redaction.text.nicknames``) and the nickname and alias shapes probes found (issue 15).
Names here are made up for these tests, independently of the benchmark."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from redaction.text.nicknames import forms_of, hypocoristic_pairs
from redaction.text.variants import name_nicknames, ordinary_nickname
from tests.text_helpers import cased, shown_words

_NUMBER = re.compile(r"\[PERSON (\d+)\]")
_TABLE = Path(__file__).resolve().parents[1] / "redaction" / "text" / "data" / "hypocoristics.tsv"


def numbers(out: str) -> list[str]:
    return _NUMBER.findall(out)


def run(redactor, text: str, people: list[str] | None = None) -> str:
    return redactor.redact([text], [{"PERSON": people}] if people else None)[0].text


def test_the_table_says_where_it_comes_from_and_is_shipped() -> None:
    head = _TABLE.read_text(encoding="utf-8").splitlines()[:8]
    assert any("public domain" in line for line in head)
    assert "text/data/*.tsv" in (_TABLE.parents[3] / "pyproject.toml").read_text(encoding="utf-8")
    assert 150 <= len(hypocoristic_pairs()) <= 600


def test_every_pair_reads_both_ways() -> None:
    for short, full in hypocoristic_pairs():
        assert short in forms_of(full), (short, full)
        assert full in forms_of(short), (short, full)


@pytest.mark.parametrize(("given", "short"), [
    ("FRANCISCO", "pancho"), ("Francisco", "paco"), ("JESÚS", "chuy"), ("Jesus", "chucho"), ("José", "pepe"),
    ("JOSE", "chema"), ("Guadalupe", "lupe"), ("GUILLERMO", "memo"), ("Ignacio", "nacho"), ("HUMBERTO", "beto"),
    ("Eduardo", "lalo"), ("Enrique", "kike"), ("Enrique", "quique"), ("ANTONIO", "tono"), ("Concepción", "concha"),
    ("Dolores", "lola"), ("ROSARIO", "charo"), ("Mercedes", "meche"), ("Graciela", "chela"),
    ("Aleksandra", "sasha"), ("MIKHAIL", "misha"), ("Nikolai", "kolya"), ("YEVGENIA", "zhenya"), ("Dmitri", "dima"),
    ("Ivan", "vanya"), ("Vladimir", "vova"), ("Sergei", "seryozha"), ("ALEXEI", "lyosha"), ("Yekaterina", "katya"),
    ("Natalia", "natasha"), ("Maria", "masha"), ("Olga", "olya"), ("Tatiana", "tanya"), ("Yelena", "lena"),
    ("SVETLANA", "sveta"), ("Yuri", "yura"), ("Mohammed", "mo"), ("MUHAMMAD", "moe"), ("Mohamed", "hamoudi"),
    ("Abdirahman", "abdi"), ("ABDULLAHI", "abdi"),
])
def test_short_forms_of_the_brief(given: str, short: str) -> None:
    assert short in forms_of(given)


def test_accents_fold_and_a_two_word_full_name_is_keyed_by_its_first_word() -> None:
    assert forms_of("Toño") == forms_of("Tono") == {"antonio"}
    assert "chema" in forms_of("José") and "jose" in forms_of("Chema")
    assert "mo" in name_nicknames("ALI, MOHAMMED")  # two letters: kept, and searched only in a name's shape
    assert ordinary_nickname("mo") and ordinary_nickname("memo") and ordinary_nickname("nacho")
    assert not ordinary_nickname("pancho") and not ordinary_nickname("sveta")


def _casing(rng: random.Random, s: str) -> str:
    return rng.choice([s, s.upper(), s.lower(), s.title()])


def test_every_short_form_finds_its_record_person_in_random_casings_and_orders(redactor) -> None:
    rng = random.Random(1515)
    for short, full in hypocoristic_pairs():
        sur = rng.choice(["Okonkwo", "Mendizabal", "Wiśniewska", "Haddadi", "Tranh"])
        forms = [f"{short.title()} {sur}", f"{sur}, {short.title()}", f"{sur.upper()}, {short.upper()}"]
        if not ordinary_nickname(short):
            forms.append(short.title())  # alone in any case, unless an everyday word or two letters
        form = _casing(rng, rng.choice(forms))
        rec = rng.choice([f"{sur.upper()}, {full.upper()}", f"{full.title()} {sur}"])
        out = run(redactor, f"Units found {form} near the car.", [rec])
        assert out == "Units found [PERSON 1] near the car.", (rec, form, out)


def test_a_short_form_in_the_field_finds_the_full_name(redactor) -> None:
    rng = random.Random(77)
    for short, full in rng.sample(list(hypocoristic_pairs()), 60):
        alone = full.title() if ordinary_nickname(full) else full.upper()  # "Mercedes": a word, Title case alone
        out = run(redactor, f"Units found {full.title()} Okonkwo near; {alone} left.", [f"OKONKWO, {short.upper()}"])
        assert out == "Units found [PERSON 1] near; [PERSON 1] left.", (short, full, out)


@pytest.mark.parametrize("text", [
    "Victim Francisco Garcia called. Pancho said the door was kicked in; PANCHO left and pancho came back.",
    "GARCIA, FRANCISCO \"PANCHO\" was arrested. Pancho had a knife.",
    "Garcia, Francisco 'Paco' was arrested. paco had a knife.",
    "Francisco Garcia (\"Curro\") was arrested. Curro had a knife.",
])
def test_a_nickname_in_any_case_or_in_quotes_after_the_name_is_the_record_person(redactor, text) -> None:
    out = run(redactor, text, ["GARCIA, FRANCISCO"])
    assert shown_words(out, ["Francisco", "Garcia", "Pancho", "Paco", "Curro"]) == [], out
    assert set(numbers(out)) == {"1"}, out


def test_two_letter_nickname_only_in_a_names_shape(redactor) -> None:
    out = run(redactor, "Mohammed Ali reported the theft. Officers told Mo to wait; mo ali left.", ["ALI, MOHAMMED"])
    assert shown_words(out, ["Mohammed", "Ali", "Mo"]) == [] and set(numbers(out)) == {"1"}, out
    out = run(redactor, "Mohammed Ali reported the theft. The MO was the same; moved to MO.", ["ALI, MOHAMMED"])
    assert out.endswith("The MO was the same; moved to MO."), out


def test_an_english_word_short_form_alone_only_in_title_case(redactor) -> None:
    out = run(redactor, "He wrote a memo about it. Then Memo Ruiz signed and told Memo to go.", ["RUIZ, GUILLERMO"])
    assert out == "He wrote a memo about it. Then [PERSON 1] signed and told [PERSON 1] to go.", out


@pytest.mark.parametrize(("text", "words"), [
    ("Officers detained lee, min-jun at the park.", ["lee", "min-jun"]),
    ("lee, min-jun was detained.", ["lee", "min-jun"]),
    ("Officers detained kim, hye-jin and her son.", ["kim", "hye-jin"]),
    ("Officers detained okafor, mary-jane at the park.", ["okafor", "mary-jane"]),
    ("Officers detained Lee, Min-Jun at the park.", ["Lee", "Min-Jun"]),
])
def test_surname_comma_hyphenated_given_is_one_person(redactor, text, words) -> None:
    for mode in ("as", "lower", "upper"):
        t = cased(text, mode)
        out = run(redactor, t)
        assert shown_words(out, words) == [], out
        assert set(numbers(out)) == {"1"}, out  # one person, not a surname and a second one


def test_two_pairs_of_surname_comma_hyphenated_given(redactor) -> None:
    rng = random.Random(9)
    for _ in range(12):
        a, b = rng.sample([("Lee", "Min-Jun"), ("Nakamura", "Ji-Woo"), ("Choi", "Seo-Yeon"), ("Okafor", "Mary-Jane")], 2)
        t = cased(f"Officers detained {a[0]}, {a[1]} and {b[0]}, {b[1]} at the scene.", rng.choice(["as", "upper"]))
        out = run(redactor, t)
        assert shown_words(out, [*a, *b]) == [], out
        got = numbers(out)
        assert [n for i, n in enumerate(got) if not i or got[i - 1] != n] == ["1", "2"], out  # one span or two each


@pytest.mark.parametrize("text", [
    "The driver, self-employed, said no.", "Officers met jones, a well-known dealer today.",
    "Contact: garcia, part-time clerk at the store.",
])
def test_hyphenated_words_after_a_comma_are_no_given_names(redactor, text) -> None:
    out = run(redactor, text)
    assert all(w in out for w in re.findall(r"\w+-\w+", text)), out


@pytest.mark.parametrize(("text", "aliases"), [
    ('Witness stated she was with "Flaco" and "Gordo" at the party.', ["Flaco", "Gordo"]),
    ("She was with “Flaco”, “Gordo” and “Chato” at the party.", ["Flaco", "Gordo", "Chato"]),
    ("The shooter 'Snoop' fled north.", ["Snoop"]),
    ('The gunman "Smoke" fled north.', ["Smoke"]),
    ('Victim said her cousin "Chato" took the car.', ["Chato"]),
    ('Witness said "Flaco" had the gun.', ["Flaco"]),
])
def test_a_quoted_alias_with_no_cue_in_any_case(redactor, text, aliases) -> None:
    for mode in ("as", "lower", "upper"):
        out = run(redactor, cased(text, mode))
        assert shown_words(out, aliases) == [], out
        assert len(set(numbers(out))) == len(aliases), out  # one number each


@pytest.mark.parametrize("text", [
    'He yelled "Help" twice.', 'She said "Stop" and ran.', 'Victim said "get out" and left.',
    'He had a "Glock" in his waistband.', 'The store "Quick Mart" was closed.',
])
def test_quoted_speech_and_things_stay(redactor, text) -> None:
    assert run(redactor, text) == text


@pytest.mark.parametrize("text", [
    "Witness only knows him by the name flaco.", "The suspect, who goes by the moniker \"Ghost\", fled.",
    "A male by the name of Flaco fled.", "She knows him by the name of Ghost.",
])
def test_by_the_name_cues_in_any_case(redactor, text) -> None:
    alias = "flaco" if "laco" in text else "ghost"
    for mode in ("as", "lower", "upper"):
        out = run(redactor, cased(text, mode))
        assert shown_words(out, [alias]) == [] and set(numbers(out)) == {"1"}, out


@pytest.mark.parametrize("text", ["He drove by the car.", "She knows him by the store on Main."])
def test_by_the_without_a_name_stays(redactor, text) -> None:
    assert run(redactor, text) == text


@pytest.mark.parametrize(("a", "b"), [("Francisco", "Francisca"), ("Daniel", "Daniela"), ("Antonio", "Antonia"),
                                      ("Gabriel", "Gabriela"), ("Alejandro", "Alejandra"), ("Roberto", "Roberta")])
def test_two_record_people_whose_given_names_differ_by_an_ending_get_two_numbers(redactor, a, b) -> None:
    rng = random.Random(a)
    for _ in range(4):
        first, second = rng.sample([a, b], 2)
        text = cased(f"{first} Ruiz and {second} Ruiz were home. {second} left.", rng.choice(["as", "upper", "lower"]))
        out = run(redactor, text, [f"RUIZ, {a.upper()}", f"RUIZ, {b.upper()}"])
        assert shown_words(out, [a, b, "Ruiz"]) == [], out
        assert numbers(out) == ["1", "2", "2"], out


@pytest.mark.parametrize(("text", "words"), [
    ("Last seen with Yevgeny and his sister. Per Zhenya he lives near the park.", ["Yevgeny", "Zhenya"]),
    ("Last seen with William and his sister. Per Will he lives near the park.", ["William", "Will"]),
    ("RP ANASTASIA VOLKOVA ON LINE. NASTYA SAID SHE WILL CALL BACK.", ["ANASTASIA", "VOLKOVA", "NASTYA"]),
    ("yekaterina threw a bottle at the car. katya left before units arrived.", ["yekaterina", "katya"]),
    ("Caller Francisco Ibarra called again. Pancho said the truck is gone.", ["Francisco", "Ibarra", "Pancho"]),
])
def test_a_name_met_in_the_text_then_its_nickname_is_one_person(redactor, text, words) -> None:
    out = run(redactor, text)
    assert shown_words(out, words) == [], out
    assert numbers(out)[0] == numbers(out)[-1] == "1", out


@pytest.mark.parametrize("text", [
    "Victim Bill Hayes said he will pay the bill. He will call. WILL CALL BACK.",
    "Witness Mohammed Okafor said the MO was the same; the car is from MO.",
])
def test_an_everyday_word_form_of_a_name_in_the_text_stays_out_of_a_names_shape(redactor, text) -> None:
    out = run(redactor, text)
    assert "will pay the bill" in out or "MO was the same" in out, out
    assert "He will call" in out or "from MO" in out, out


@pytest.mark.parametrize("mode", ["as", "lower", "upper"])
def test_a_two_letter_form_in_brackets_after_the_name(redactor, mode) -> None:
    out = run(redactor, cased("Person interviewed: Mohammed S. Adeyemi (Mo), age 61. Lives with uncle.", mode))
    assert shown_words(out, ["Mohammed", "Adeyemi", "Mo"]) == [] and set(numbers(out)) == {"1"}, out
    out = run(redactor, cased("Contact with Mohammed Adeyemi (MO: burglary) today.", mode))
    assert shown_words(out, ["MO"]) == ["MO"], out


@pytest.mark.parametrize(("text", "kept"), [
    ('The shooter "flaco" fled north.', None), ('She was with "flaco" and "gordo" at the party.', None),
    ('The suspect "allegedly" hit him.', "allegedly"), ('The victim "felt unsafe" at home.', "felt unsafe"),
    ('The driver said "nah" and left.', "nah"),
])
def test_a_quoted_lower_case_word_in_mixed_case_text(redactor, text, kept) -> None:
    out = run(redactor, text)
    if kept is None:
        assert shown_words(out, ["flaco", "gordo"]) == [], out
    else:
        assert out == text


@pytest.mark.parametrize("mode", ["as", "lower", "upper"])
def test_the_word_after_a_bracketed_alias_is_a_surname_not_a_verb(redactor, mode) -> None:
    out = run(redactor, cased('Officers located Jones (a/k/a "Smoke") hiding in a shed.', mode))
    assert shown_words(out, ["Jones", "Smoke"]) == [] and shown_words(out, ["hiding"]) == ["hiding"], out
    out = run(redactor, cased("Terrell (aka Smoke) Jones fled.", mode))
    assert shown_words(out, ["Terrell", "Smoke", "Jones"]) == [] and set(numbers(out)) == {"1"}, out


@pytest.mark.parametrize(("text", "words"), [
    ("officers detained nguyen, thi hoa at the park.", ["nguyen", "thi", "hoa"]),
    ("officers detained o'brien, mary at the park.", ["o'brien", "mary"]),
    ("officers detained d'angelo, marcus at the park.", ["d'angelo", "marcus"]),
    ("officers detained de la cruz, ana maria at the park.", ["cruz", "ana", "maria"]),
    ("officers detained smith-jones, keisha at the park.", ["smith-jones", "keisha"]),
    ("officers detained lee, min jun at the park.", ["lee", "min", "jun"]),
])
def test_lower_case_surname_comma_given_shapes_are_one_person(redactor, text, words) -> None:
    out = run(redactor, text)
    assert shown_words(out, words) == [] and set(numbers(out)) == {"1"}, out


def test_a_comma_list_of_one_word_names_stays_several_people(redactor) -> None:
    out = run(redactor, "Crew: Smoke, Red, Baby G. ann lee, bob smith and cruz were there.")
    assert len(set(numbers(out))) >= 4, out
