"""Third parties named in text written by a new hand (issue 15, lower-case round 3): voicemails, 911 calls, phone-typed
complaints, statements in a second language, letters and forwarded e-mails, school, jail and child-welfare notes.

Each rule has a fixed test and a property-style test (random casings, separators and name orders). The names are
made up here; no record values.
"""

from __future__ import annotations

import random

import pytest

from redaction.text.ner_edges import ner_start
from tests.text_helpers import cased, needs_vocabulary, recase, redacted, shown, shown_words

# --- the word before a name stays shown (greetings, closings, a noun before a comma) -------------------------------

BEFORE_NAME = [
    ("tell kiara i am sorry", ["kiara"], ["tell"]),
    ("sincerely, latonya", ["latonya"], ["sincerely"]),
    ("across the hall, dolores heard it", ["dolores"], ["across", "hall"]),
    ("sent from my iphone. thanks, marisol", ["marisol"], ["thanks"]),
    ("regards, oluwaseun", ["oluwaseun"], ["regards"]),
    ("she goes by uber on the street", ["uber"], ["goes", "street"]),
]


def test_ner_start_trims_openers_and_nouns_before_a_comma():
    for text, name in (("TELL KIARA", "KIARA"), ("SINCERELY, LATONYA", "LATONYA"), ("THE HALL, DOLORES", "DOLORES"),
                       ("Dear Tomasz Nowak", "Tomasz Nowak")):
        start = text.index(name.split()[0]) if text.startswith(("THE", "Dear")) else 0
        start = 4 if text.startswith("THE") else start
        assert text[ner_start(text, start, len(text)) or 0:] == name
    # "surname, given" with no article before it stays whole
    assert ner_start("SMITH, JOHN", 0, 11) == 0
    assert ner_start("WITH HALL, DOLORES", 5, 18) == 5


@needs_vocabulary
def test_closing_and_greeting_property(redactor):
    rng = random.Random(315)
    closings = ["sincerely", "regards", "thanks", "respectfully", "cheers"]
    names = ["latonya", "oluwaseun", "marisol", "wanjiru", "priyanka"]
    for _ in range(12):
        closing, name = rng.choice(closings), rng.choice(names)
        sep = rng.choice([", ", ",\n", " ,  "])
        text = recase(f"please call me back about the dog. {closing}{sep}{name}", rng.choice(("upper", "title")))
        out = redacted(redactor, text)
        assert shown(out, closing) and not shown(out, name), out


# --- a letter's writer after its closing, a caller after "this is" -------------------------------------------------

CALLERS = [
    ("voicemail: hi this is mercy calling about my son obinna he didnt come home", ["mercy", "obinna"], ["son"]),
    ("this is mercy okafor calling back about the dog", ["mercy", "okafor"], ["dog"]),
    ("hello its kwame again, call me back", ["kwame"], ["call"]),
    ("hi this is hope. call me back at work", ["hope"], ["work"]),
]
NOT_CALLERS = ["this is dispatch calling about the alarm", "this is bad", "hey this is bad", "this is my sister",
               "hi its me again", "this is what happened.", "hi this is the school calling"]


@needs_vocabulary
@pytest.mark.parametrize("text", NOT_CALLERS)
def test_no_caller_no_name(text):
    from redaction.text.letters import letter_names

    for mode in ("lower", "upper"):
        assert letter_names(cased(text, mode)) == []


@needs_vocabulary
def test_caller_and_signature_property(redactor):
    rng = random.Random(1503)
    names = [("mercy", "okafor"), ("dmitri", "volkov"), ("ngozi", "eze"), ("siosaia", "tupou"), ("wiyaka", "black elk")]
    for _ in range(16):
        given, family = rng.choice(names)
        greet = rng.choice(["hi", "hello", "hey", "good morning"]) + rng.choice(["", ",", "."])
        tail = rng.choice([" calling about my car", " calling again", ", call me back"])
        text = f"{greet} this is {given}{tail}"
        closing = rng.choice(["thanks", "sincerely", "regards", "thank you"])
        text += rng.choice([f". {closing}, {given}", f"\n{closing},\n{given}"])
        out = redacted(redactor, recase(text, rng.choice(("lower", "upper", "title"))))
        assert not shown(out, given) and shown(out, closing.split()[0]), out


# --- names after a time word or a speech verb, after prepositions, possessives without the apostrophe -------------

AFTER_PREPOSITIONS = [
    ("yesterday ayodele came by asking for money", ["ayodele"], ["money"]),
    ("victim states stanislav threatened to kill her", ["stanislav"], ["threatened"]),
    ("money was taken by ayodele", ["ayodele"], ["money"]),
    ("i gave it back to ayodele", ["ayodele"], ["gave"]),
    ("i owe money to sanjay", ["sanjay"], ["money"]),
    ("they were at the house of chidi when police came", ["chidi"], ["police", "house"]),
    ("i was at destinys house", ["destinys"], ["house"]),
    ("we went to kwames apartment", ["kwames"], ["apartment"]),
    ("we was at marcus house when it happened", ["marcus"], ["house"]),
    ("it was stolen by chidi and ifeoma", ["chidi", "ifeoma"], ["stolen"]),
    ("brandys kids were left alone", ["brandys"], ["kids"]),
]
NO_NAME_AFTER = ["he was bitten by a dog", "we went to the friends house", "we left the roses car", "at his house",
                 "i went to the store", "it was taken by force", "he gave it back to me", "the car of the victim"]


@needs_vocabulary
@pytest.mark.parametrize("text", NO_NAME_AFTER)
def test_no_name_after_prepositions(text):
    from redaction.text.prepositions import preposition_names

    for mode in ("lower", "upper"):
        assert preposition_names(cased(text, mode)) == []


@needs_vocabulary
def test_prepositions_property(redactor):
    rng = random.Random(2601)
    names = ["ayodele", "chidi", "oluwaseun", "bogdana", "thandiwe", "siosaia"]
    shapes = ["the phone was taken by {n}{end}", "i gave the money back to {n}{end}", "we were at the house of {n}{end}",
              "yesterday {n} came by{end}", "i owe rent to {n}{end}"]
    for _ in range(20):
        name = rng.choice(names)
        end = rng.choice([".", "", " and left", ", then left", "\n"])
        text = recase(rng.choice(shapes).format(n=name, end=end), rng.choice(("lower", "upper", "title")))
        out = redacted(redactor, text)
        assert not shown(out, name), out


# --- ordinary words that looked like a name pair ------------------------------------------------------------------

ORDINARY = [
    ("my husband dmitri he hit me many times before", ["dmitri"], ["many", "times"]),
    ("neighbor says that ruslan plays loud music every night", ["ruslan"], ["loud", "music"]),
    ("my neighbor jose luis garcia lopez plays music loud", ["jose", "luis", "garcia", "lopez"], ["music", "loud"]),
]


@needs_vocabulary
def test_ordinary_pairs_property(redactor):
    rng = random.Random(77)
    names = ["dmitri", "ruslan", "oksana", "kwabena", "thandiwe"]
    phrases = ["many times", "loud music", "several times", "loud noises"]
    for _ in range(12):
        name, phrase = rng.choice(names), rng.choice(phrases)
        text = rng.choice([f"my neighbor {name} plays {phrase} at night", f"my ex {name} called me {phrase} today"])
        out = redacted(redactor, cased(text, rng.choice(("lower", "upper"))))
        assert not shown(out, name) and all(shown(out, w) for w in phrase.split()), out


# --- shorthand: a name with a bare age, "x n y" ---------------------------------------------------------------------

SHORTHAND = [
    ("jaylen 14 and his brother marquis 16 were in the car", ["jaylen", "marquis"], ["brother", "car"]),
    ("suspects: kayden 15, brayden 17", ["kayden", "brayden"], ["suspects"]),
    ("ifeoma n chidi was fighting again", ["ifeoma", "chidi"], ["fighting"]),
    ("omari 16 yo was driving", ["omari"], ["driving"]),
]
NO_SHORTHAND = ["room 14 and room 15 were empty", "took bus 14 to school", "grade 10 students", "apt 12 was empty",
                "exit 14.", "he is 14", "from 2 to 5 n 7", "interstate 95, then exit 3"]


@needs_vocabulary
@pytest.mark.parametrize("text", NO_SHORTHAND)
def test_no_shorthand_name(text):
    from redaction.text.shorthand import shorthand_names

    for mode in ("lower", "upper"):
        assert shorthand_names(cased(text, mode)) == []


@needs_vocabulary
def test_shorthand_property(redactor):
    rng = random.Random(1414)
    names = ["jaylen", "kayden", "ifeoma", "chidi", "omari", "keoni", "xiomara"]
    for _ in range(16):
        a, b = rng.sample(names, 2)
        age1, age2 = rng.randint(3, 17), rng.randint(3, 17)
        sep = rng.choice([", ", " and ", " & ", "; "])
        text = rng.choice([f"kids: {a} {age1}{sep}{b} {age2}", f"{a} {age1}{sep}{b} {age2} were home alone",
                           f"{a} n {b} were fighting again"])
        out = redacted(redactor, recase(text, rng.choice(("lower", "upper", "title"))))
        assert not shown_words(out, [a, b]), out


# --- e-mail and dated subjects, "identified by the victim as" ----------------------------------------------------

DATED = [
    ("on monday, zoran wrote: stop parking in front of my house", ["zoran"], ["monday", "parking"]),
    ("on 3/4 bogdan sent me this email", ["bogdan"], ["email"]),
    ("the suspect, identified by the victim as hunter, fled", ["hunter"], ["suspect", "victim", "fled"]),
    ("he is known to neighbors as oksana, she says", ["oksana"], ["neighbors", "says"]),
]
NOT_DATED = ["the suspect was identified by the victim as a black male", "he is known to police as a dealer",
             "on 3/4 police sent a unit", "at 2300 hrs units arrived"]


@needs_vocabulary
@pytest.mark.parametrize("text", NOT_DATED)
def test_dated_and_identified_keep_words(redactor, text):
    for mode in ("lower", "upper"):
        out = redacted(redactor, cased(text, mode))
        assert "[PERSON" not in out, out


@needs_vocabulary
def test_dated_subject_property(redactor):
    rng = random.Random(34)
    names = ["zoran", "bogdan", "svetlana", "kwabena", "oluwaseun", "ngozi"]
    for _ in range(16):
        name = rng.choice(names)
        when = rng.choice(["on monday,", "on 3/4", "on 12/01/2025", "yesterday", "last night,", "at 2300"])
        verb = rng.choice(["wrote", "sent me this", "emailed me", "came back", "posted this"])
        out = redacted(redactor, cased(f"{when} {name} {verb}", rng.choice(("lower", "upper", "mixed"))))
        assert not shown(out, name), out


# --- everyday-word given names made names by the words around them ------------------------------------------------

EPITHETS = [
    ("sunny the landlord refuses to fix the heat", ["sunny"], ["landlord", "heat"]),
    ("precious was the one driving", ["precious"], ["driving"]),
    ("hunter and i got into a fight", ["hunter"], ["fight"]),
    ("both girls, essence and jada, said he grabbed them", ["essence", "jada"], ["girls"]),
]
NO_EPITHETS = ["call the landlord", "hope the landlord calls", "he was the one who hit me", "will and i went",
               "tell the manager", "sunny the dog ran off", "that the victim said"]


@needs_vocabulary
@pytest.mark.parametrize("text", NO_EPITHETS)
def test_no_epithet(text):
    from redaction.text.epithets import epithet_names

    for mode in ("lower", "upper"):
        assert epithet_names(cased(text, mode)) == []


@needs_vocabulary
def test_epithet_property(redactor):
    rng = random.Random(808)
    names = ["sunny", "precious", "hunter", "destiny", "faith", "trinity"]
    roles = ["landlord", "neighbor", "manager", "coworker", "teacher"]
    for _ in range(16):
        name, role = rng.choice(names), rng.choice(roles)
        text = rng.choice([f"{name} the {role} called again", f"i think {name} was the one who did it",
                           f"ok so. {name} and i went to the store"])
        out = redacted(redactor, recase(text, rng.choice(("lower", "upper", "title"))))
        assert not shown(out, name), out


# --- jail and e-mail words ----------------------------------------------------------------------------------------

@needs_vocabulary
@pytest.mark.parametrize("casing", ("lower", "upper"))
def test_cellmate_is_a_cue(redactor, casing):
    out = redacted(redactor, cased("the inmate identified his cellmate as rashad. his cellie dre has the phone", casing))
    assert not shown_words(out, ["rashad", "dre"]) and shown(out, "cellmate") and shown(out, "cellie"), out


@needs_vocabulary
def test_email_subject_line_is_no_name_slot(redactor):
    rng = random.Random(5)
    for _ in range(8):
        topic = rng.choice(["noise", "parking", "trash", "fence"])
        sep = rng.choice([" ", "\n"])
        text = f"from: latoya price{sep}sent: monday{sep}subject: {topic}{sep}the dog barks all night"
        out = redacted(redactor, text)
        assert shown(out, topic) and not shown_words(out, ["latoya", "price"]), out
    assert not shown(redacted(redactor, "subject: kwame was arrested"), "kwame")


# --- brackets, "its me again, x", "call x", and what a relation had -----------------------------------------------

MORE = [
    ("this is the 3rd time. she (teresa) throws trash on my side", ["teresa"], ["trash"]),
    ("neighbor dispute between resident of 12 oak st (greg) and resident of 14 oak st (luis)", ["greg", "luis"],
     ["dispute", "resident"]),
    ("hi officer, its me again, shanice. he came back", ["shanice"], ["officer"]),
    ("called my aunt. she said to call kelechi", ["kelechi"], ["aunt"]),
    ("the declarant states that her brother pedro threatened her", ["pedro"], ["declarant"]),
    ("my cousin constance came over after the family disturbance", ["constance"], ["disturbance"]),
]
NO_NAME_MORE = ["the car (honda) was red", "see attached (photo)", "he (unk) ran", "my neighbor dispute is ongoing",
                "family disturbance at the house", "its me again, officer.", "call police now"]


@needs_vocabulary
@pytest.mark.parametrize("text", NO_NAME_MORE)
def test_more_shapes_keep_words(redactor, text):
    for mode in ("lower", "upper"):
        out = redacted(redactor, cased(text, mode))
        assert "[PERSON" not in out, out


@needs_vocabulary
def test_bracketed_name_property(redactor):
    rng = random.Random(99)
    names = ["teresa", "luis", "greg", "ngozi", "dmitri", "xiomara"]
    for _ in range(16):
        name = rng.choice(names)
        who = rng.choice(["she", "he", "the guy", "the lady", "this kid", "someone"])
        inner = rng.choice([f"({name})", f"( {name} )", f"({name.upper()})"])
        text = f"{who} {inner} {rng.choice(['throws trash', 'plays music', 'yelled at me'])}"
        out = redacted(redactor, cased(text, rng.choice(("lower", "upper", "mixed"))))
        assert not shown(out, name), out


# --- letters in capitals, families, a name after "was" -------------------------------------------------------------

LETTERS = [
    ("best, priya", ["priya"], ["best"]),
    ("cheers, oluwaseun", ["oluwaseun"], ["cheers"]),
    ("thank you, officer. regards, bogdana", ["bogdana"], ["regards", "officer"]),
    ("warm regards, the okafor family", ["okafor"], ["regards", "family"]),
    ("in the back seat was dashawn", ["dashawn"], ["back", "seat"]),
    ("under the bridge, kwame was sleeping", ["kwame"], ["bridge", "sleeping"]),
]


def test_closing_at_only_before_a_signature():
    from redaction.text.ner_edges import closing_at

    assert closing_at("best, priya", 0) and closing_at("call me. love,\nmarisol", 9)
    assert not closing_at("reports that love, bogdan and dustin love argued", 13)
    assert not closing_at("love, bogdan and dustin love argued outside", 0)


@needs_vocabulary
def test_signature_property(redactor):
    rng = random.Random(4)
    for _ in range(16):
        closing = rng.choice(["best", "cheers", "regards", "sincerely", "love"])
        name = rng.choice(["priya", "oluwaseun", "bogdana", "marisol", "thandiwe"])
        sep = rng.choice([", ", ",\n", " , "])
        text = rng.choice(["please call me back.", "the dog barked all night!", ""]) + rng.choice([" ", "\n"])
        out = redacted(redactor, recase(f"{text}{closing}{sep}{name}".strip(), rng.choice(("lower", "upper", "title"))))
        assert shown(out, closing) and not shown(out, name), out


# --- dispatch phrases and prefixed verbs after a name -------------------------------------------------------------

@needs_vocabulary
def test_en_route_and_prefixed_verbs_stay(redactor):
    rng = random.Random(12)
    for _ in range(10):
        surname, given = rng.choice([("wilson", "michael"), ("okafor", "ngozi"), ("garcia", "luis")])
        tail = rng.choice(["en route", "enroute", "re-contacted the victim", "pre-signed the form"])
        text = f"{rng.choice(['keyholder', 'cpl.', 'witness'])} {surname}, {given} {tail}, ph 3138804226"
        out = redacted(redactor, cased(text, rng.choice(("upper", "mixed", "lower"))))
        assert not shown_words(out, [surname, given]) and shown(out, tail.split()[0]), out


def test_name_end_cuts_only_the_tail():
    from redaction.text.ner_edges import name_end

    text = "MICHAEL EN ROUTE"
    assert text[:name_end(text, 0, len(text))] == "MICHAEL"
    assert name_end("ROUTE", 0, 5) == 5 and name_end("LITTLE, RE-CONTACTED", 0, 20) == 6


# --- phone-typed shorthand: "names" for "name's", "dres place", a verb after a re-cased name ---------------------

TYPED = [
    ("her names ngozi", ["ngozi"], ["names"]),
    ("they hang out at dres place", ["dres"], ["place"]),
    ("lmk if kiara texts u", ["kiara"], ["texts"]),
    ("jaylens mom called me", ["jaylens"], ["mom"]),
    ("kiara n them was outside", ["kiara"], ["outside"]),
]


@needs_vocabulary
def test_phone_typed_property(redactor):
    rng = random.Random(21)
    for _ in range(16):
        name = rng.choice(["kiara", "ngozi", "jaylen", "tariq", "aaliyah"])
        text = rng.choice([f"lmk if {name} texts u", f"her names {name}", f"we was at {name}s place",
                           f"{name}s mom called me", f"idk where {name} is rn"])
        out = redacted(redactor, cased(text, rng.choice(("lower", "upper"))))
        assert not shown(out, name) and not shown(out, name + "s"), out


# --- kinship words of other languages, a stop word before a comma, a role as subject ------------------------------

KIN = [
    ("tio beto picks them up from school", ["beto"], ["school"]),
    ("abuela carmen watches them", ["carmen"], ["watches"]),
    ("i dont know nothing, ask mele", ["mele"], ["ask", "nothing"]),
    ("declarant explains that the person who hit her is called mr. ho", ["ho"], ["declarant", "explains"]),
]


def test_ner_start_keeps_surnames_that_are_stop_words():
    for text in ("MAY, JENNIFER", "WILL, JOHN", "SMITH, JOHN"):
        assert ner_start(text, 0, len(text)) == 0


@needs_vocabulary
def test_kinship_property(redactor):
    rng = random.Random(8)
    for _ in range(16):
        kin = rng.choice(["tio", "tia", "abuela", "abuelo", "prima", "primo", "kuya", "comadre"])
        name = rng.choice(["beto", "lupe", "carmen", "nene", "chuy", "toñita"])
        text = rng.choice([f"{kin} {name} picks them up", f"the kids stay with {kin} {name}",
                           f"my {kin}, {name}, was there"])
        out = redacted(redactor, cased(text, rng.choice(("lower", "upper", "mixed"))))
        assert not shown(out, name) and shown(out, kin), out


@needs_vocabulary
def test_predicate_adjective_is_no_name_property(redactor):
    rng = random.Random(31)
    for _ in range(12):
        adj = rng.choice(["rude", "aggressive", "hostile", "drunk", "loud"])
        name = rng.choice(["mateo", "deshawn", "oksana"])
        text = f"ur officer {rng.choice(['was', 'got', 'was very'])} {adj} to my son {name}"
        out = redacted(redactor, cased(text, rng.choice(("lower", "upper"))))
        assert shown(out, adj) and not shown(out, name), out


@needs_vocabulary
def test_listed_name_alone_after_a_comma_property(redactor):
    rng = random.Random(17)
    for _ in range(12):
        name = rng.choice(["deshawn", "kwame", "jaylen", "tyquan", "sanjay"])
        lead = rng.choice(["i told you already", "the one who started it", "he was there too", "ask my cousin"])
        text = f"{lead}, {name}{rng.choice(['.', '', '!', chr(10)])}"
        out = redacted(redactor, cased(text, rng.choice(("lower", "upper"))))
        assert not shown(out, name), out
    for text in ("we paid with venmo, cashapp.", "apples, oranges, bananas.", "it was cold, windy."):
        assert "[PERSON" not in redacted(redactor, text)


# --- "goes by" a way to travel is no alias ----------------------------------------------------------------------

@needs_vocabulary
@pytest.mark.parametrize("casing", ("lower", "upper", "title"))
def test_goes_by_uber_to_work_stays(redactor, casing):
    for text in ("he goes by uber to work", "she went by uber to the hospital", "they went by bus.",
                 "he comes by taxi every day"):
        out = redacted(redactor, recase(text, casing))
        assert "[PERSON" not in out, out
    for text, alias in (("she goes by uber on the street", "uber"), ("he goes by tiny", "tiny")):
        assert not shown(redacted(redactor, recase(text, casing)), alias)


@needs_vocabulary
def test_goes_by_travel_property(redactor):
    rng = random.Random(606)
    for _ in range(12):
        verb = rng.choice(["goes", "went", "comes", "travels"])
        way = rng.choice(["uber", "lyft", "bus", "taxi", "train"])
        rest = rng.choice(["to work", "to school every day", "from the station", "home"])
        out = redacted(redactor, cased(f"my son {verb} by {way} {rest}", rng.choice(("lower", "upper", "mixed"))))
        assert shown(out, way) and "[PERSON" not in out, out


# --- a name after an imperative verb, in capitals and Title Case ---------------------------------------------------

@needs_vocabulary
def test_name_after_a_verb_property(redactor):
    rng = random.Random(90)
    verbs = ["warn", "help", "find", "blame", "visit", "contact", "notify", "remind", "invite", "meet", "bring"]
    for _ in range(20):
        verb, name = rng.choice(verbs), rng.choice(["kiara", "latonya", "deshawn", "marisol", "jaylen"])
        text = recase(f"please {verb} {name} tomorrow", rng.choice(("lower", "upper", "title")))
        out = redacted(redactor, text)
        assert not shown(out, name) and shown(out, verb), out
    for text in ("LAST SEEN HARRIET TUBMAN AVE & YOUNG AVE", "last seen cesar chavez ave"):
        out = redacted(redactor, text)
        assert shown(out, text.split()[2]), out


def test_verb_first_keeps_names_that_are_verbs():
    text = "ROB SMITH"
    assert ner_start(text, 0, len(text)) == 0
    assert ner_start("REMIND KIARA", 0, 12) == 7


# --- every table above: the names go, the words around them stay, in each casing the table is written for ----------

def _cased_rows(table: list[tuple[str, list[str], list[str]]], casings: tuple[str, ...]) -> list:
    return [pytest.param(text, gone, kept, casing, id=f"{text[:24]}-{casing}") for text, gone, kept in table
            for casing in casings]


GO_KEEP = [
    *_cased_rows(BEFORE_NAME, ('upper', 'title')),
    *_cased_rows(CALLERS, ('lower', 'title', 'upper')),
    *_cased_rows(AFTER_PREPOSITIONS, ('lower', 'upper', 'title')),
    *_cased_rows(ORDINARY, ('lower', 'upper')),
    *_cased_rows(SHORTHAND, ('lower', 'upper', 'title')),
    *_cased_rows(DATED, ('lower', 'upper')),
    *_cased_rows(EPITHETS, ('lower', 'upper', 'title')),
    *_cased_rows(MORE, ('lower', 'upper')),
    *_cased_rows(LETTERS, ('lower', 'upper', 'title')),
    *_cased_rows(TYPED, ('lower', 'upper')),
    *_cased_rows(KIN, ('lower', 'upper')),
]


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept", "casing"), GO_KEEP)
def test_names_go_and_words_stay(redactor, text, gone, kept, casing):
    out = redacted(redactor, recase(text, casing))
    assert not shown_words(out, gone), out
    assert not [w for w in kept if not shown(out, w)], out
