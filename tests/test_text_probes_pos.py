"""Names of people named only in the text, in shapes written by hand (issue 15, probe round).

Officers, dispatchers, 311 callers and investigators name third parties after a courtesy title ("caseworker ms.
summer lane"), after an occupation ("nurse carol at the er", "coach will said"), in lists ("involved: rivers, joy;
banks, precious"), and by their social-media handles ("@big_mike_209", "IG: tasha.b"). The words are often everyday
words, so the tests also hold the ordinary readings ("did not want to miss work", "the nurse rose from her chair",
"tony's pizza", "the guard rail"). Fixed and property-style tests (random casings, separators, orders, contexts).
Names are made up here; no record values.
"""

from __future__ import annotations

import random

import pytest

from redaction.text.handles import handle_spans
from redaction.text.lists import semicolon_lists
from redaction.text.roles import role_given, titled_names
from tests.text_helpers import cased, needs_vocabulary, redacted, shown, shown_words

CASINGS = ("mixed", "lower", "upper")



# --- courtesy titles --------------------------------------------------------------------------------------------
TITLED = [
    ("Caseworker Ms. Summer Lane was contacted by phone.", ["Summer", "Lane"]),
    ("Teacher Mrs. Faith Rivers reported the bruises.", ["Faith", "Rivers"]),
    ("Per Dr. Rich Baker the injuries are consistent with a fall.", ["Rich", "Baker"]),
    ("C/W Ms. Ivy Lake said she saw everything.", ["Ivy", "Lake"]),
    ("His parole officer Mr. Dale King was notified.", ["Dale", "King"]),
    ("Translator Ms. Min-ji Park assisted with the interview.", ["Min-ji", "Park"]),
    ("On 11/30 at 1530 hrs I contacted Ms. Autumn Snow at her residence.", ["Autumn", "Snow"]),
    ("Property returned to owner, Mrs. Ebony Frost.", ["Ebony", "Frost"]),
    ("RP Ms. Fawn Meadows wants extra patrol.", ["Fawn", "Meadows"]),
    ("teacher ms honey said the boy had marks on his arms", ["honey"]),
]




TITLE_WORDS_KEPT = [
    ("Did not want to miss work.", ["work"]),
    ("Mr. and Mrs. Ward were home. The dr said she was fine.", ["and", "said"]),
    ("Lives at 1200 Lake Dr. Smith Ave is closed.", ["Ave"]),
]


def test_titled_names_spans():
    text = "caseworker ms. summer lane was contacted; mr. dale king's car; did not miss work; 1200 lake dr smith"
    assert [text[s:e] for s, e in titled_names(text)] == ["summer lane", "dale king"]


@needs_vocabulary
def test_title_property_random_casing_and_punctuation(redactor):
    rng = random.Random(1501)
    given = ["summer", "hope", "faith", "ivy", "dale", "autumn", "joy", "crystal"]
    family = ["lane", "rivers", "king", "snow", "frost", "meadows", "hill", "woods"]
    titles = ["ms", "ms.", "mrs", "mrs.", "mr", "mr.", "dr."]
    frames = ["caseworker {t} {n} was contacted by phone.", "spoke to {t} {n} at the door.",
              "on 12/01 at 0930 hrs {t} {n} called back.", "the principal, {t} {n}, reported the fight."]
    for _ in range(40):
        name = f"{rng.choice(given)} {rng.choice(family)}"
        text = cased(rng.choice(frames).format(t=rng.choice(titles), n=name), rng.choice(CASINGS))
        out = redacted(redactor, text)
        assert not shown_words(out, name.split()), (text, out)


# --- an everyday given name after an occupation ----------------------------------------------------------------
ROLES = [
    ("Nurse Carol at the ER took the kit.", ["Carol"]),
    ("Coach Will said the kid was fine.", ["Will"]),
    ("Cashier Amber stated the male left without paying.", ["Amber"]),
    ("Security guard Miles Young detained the suspect.", ["Miles", "Young"]),
    ("Pastor Grace Bell called dispatch.", ["Grace", "Bell"]),
    ("Clerk Joy Black refused to give a statement.", ["Joy", "Black"]),
    ("the bus driver, miles, said the kids were fighting", ["miles"]),
    ("babysitter marisol said the child fell", ["marisol"]),
    ("dispatcher kim relayed the plate.", ["kim"]),
]




ROLE_WORDS_KEPT = [
    ("Officer spoke to the homeowner, Gary Chen, who declined.", ["homeowner", "who"]),
    ("Victim works for Tony's Pizza, owner Tony Russo.", ["Pizza", "owner"]),
    ("Per the nurse practitioner the guard rail was damaged.", ["nurse", "practitioner", "guard", "rail"]),
    ("The driver will be cited. The nurse rose from her chair.", ["will", "rose"]),
    ("Pastor Grace Bell called dispatch.", ["Pastor"]),
    ("Cashier Amber stated the male left.", ["Cashier"]),
    ("Victim's phone was found by a passerby, Ingrid Johansson, who turned it in.", ["passerby"]),
    ("babysitter marisol said the child fell", ["fell"]),
    ("My neighbor across the hall (Yusuf Demir) heard yelling.", ["across", "hall"]),
    ("Victim believes her ex husband's new wife, Brenda Pickett, slashed the tires.", ["husband's", "new"]),
    ("R/P advised her ex Bo Chance showed up again.", ["R/P"]),
    ("Mom says Deja went to the store.", ["Mom"]),
]


def test_role_given_spans():
    text = "nurse carol at the er. coach will said hi. the driver will be cited. the guard, dawn, let us in."
    assert [text[s:e] for s, e in role_given(text)] == ["carol", "will", "dawn"]


@needs_vocabulary
def test_role_property_random_roles_names_contexts(redactor):
    rng = random.Random(1502)
    roles = ["nurse", "coach", "cashier", "clerk", "teacher", "pastor", "dispatcher", "bartender", "the manager,"]
    names = ["carol", "amber", "grace", "joy", "ivy", "dawn", "faith", "crystal"]
    frames = ["{r} {n} said the kid was fine.", "{r} {n} at the desk took the report.", "we spoke with {r} {n}.",
              "{r} {n} stated she saw him leave."]
    for _ in range(40):
        name = rng.choice(names)
        text = cased(rng.choice(frames).format(r=rng.choice(roles), n=name), rng.choice(CASINGS))
        out = redacted(redactor, text)
        assert not shown(out, name), (text, out)


# --- lists --------------------------------------------------------------------------------------------------------
@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
def test_semicolon_list_of_people_goes(redactor, casing):
    out = redacted(redactor, cased("Involved: Rivers, Joy; Banks, Precious; Woods, Faith.", casing))
    assert not shown_words(out, ["Rivers", "Joy", "Banks", "Precious", "Woods", "Faith"]), out
    assert shown(out, "Involved"), out


def test_semicolon_lists_need_two_items_of_names():
    assert semicolon_lists("involved: rivers, joy.") == []
    assert semicolon_lists("notes: see above, then; call back, later.") == []
    text = "involved: rivers, joy; banks, precious."
    assert [text[s:e] for s, e in semicolon_lists(text)] == ["rivers, joy", "banks, precious"]


@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
def test_labels_with_a_hyphen_before_a_pair(redactor, casing):
    out = redacted(redactor, cased("Ofc. Bright spoke with W-2 Destiny Knight.", casing))
    assert not shown_words(out, ["Destiny", "Knight"]), out


# --- handles ------------------------------------------------------------------------------------------------------
HANDLES = [
    ("He keeps messaging her from @big_mike_209 and IG: tasha.b", ["big_mike_209", "tasha.b"]),
    ("Caller says his snap is kdawg44 and his cash app $jaylen22.", ["kdawg44", "jaylen22"]),
    ("tiktok: @lil.kayy posted the video", ["lil.kayy"]),
    ("SNAPCHAT USERNAME: BIGRED_0921", ["BIGRED_0921"]),
]


@pytest.mark.parametrize(("text", "handles"), HANDLES)
def test_handle_spans(text, handles):
    assert [text[s:e] for s, e in handle_spans(text)] == handles




@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
@pytest.mark.parametrize(("text", "handles"), HANDLES)
def test_handles_are_redacted_as_person(redactor, text, handles, casing):
    red = redactor.redact([cased(text, casing)])[0]
    assert not any(h.lower() in (red.text or "").lower() for h in handles), red.text
    assert red.counts.get("PERSON", 0) >= len(handles), red.counts


@pytest.mark.parametrize("text", [
    "email her at tasha.b@example.com", "meet @ home @1400", "he was @home", "FB confirmed the account was closed",
    "snap peas were on the list", "x 3rd st", "sc plate 123abc",
])
def test_no_handle_in_ordinary_text(text):
    assert handle_spans(text) == []


@needs_vocabulary
def test_email_stays_email_beside_a_handle(redactor):
    red = redactor.redact(["he used @tasha_b22 and tasha.b@example.com"])[0]
    assert red.counts.get("EMAIL") == 1 and red.counts.get("PERSON") == 1, red.counts


def test_handle_property_random_platforms_and_separators():
    rng = random.Random(1503)
    platforms = ["ig", "IG", "insta", "snap", "Snapchat", "tiktok", "twitter", "kik", "venmo"]
    seps = [": ", ":", " - ", " is ", " handle: ", " username is ", " @", ": @"]
    for _ in range(60):
        handle = rng.choice(["tasha", "big", "lil", "kay"]) + rng.choice(["_", ".", ""]) + rng.choice(
            ["mike", "b", "dre"]) + rng.choice(["22", "_209", "0921", "x3"])
        text = f"{rng.choice(['victim says', 'caller reports', 'SHE SAID'])} his {rng.choice(platforms)}" \
               f"{rng.choice(seps)}{handle} sent threats"
        found = [text[s:e] for s, e in handle_spans(text)]
        assert found == [handle], (text, found)


# --- street-word surnames after a cue, slang relations, texting words ----------------------------------------------
CUED_STREET_WORDS_AND_SLANG = [
    ("SYNOPSIS - VICTIM LAUREN PIKE REPORTS HER DAUGHTER RAN AWAY.", ["LAUREN", "PIKE"]),
    ("her cousin dana lane was there.", ["dana", "lane"]),
    ("Spoke with suspect Anna Way at the scene.", ["Anna", "Way"]),
    ('text from mia: "tell ur boy dre to stay away"', ["mia", "dre"]),
    ("my homie tay was with me", ["tay"]),
    ("her baby daddy tre came by", ["tre"]),
]


SLANG_AND_TEXTING_KEPT = [
    ("the victim lives on grace st near the park.", ["grace"]),
    ("her son walked down lake lane yesterday.", ["lake", "lane"]),
    ("my homie tay was with me", ["homie"]),
    ("her baby daddy tre came by", ["daddy"]),
    ("his girl was there. my man said no. your boy is crazy.", ["girl", "man", "boy"]),
    ("the guy who did it is named trevor and hes with his girl kiara", ["hes"]),
    ("her landlord frank dimarco hasnt fixed the heat", ["hasnt"]),
    ("comp states she has been getting calls all night", ["comp"]),
    ('witness stated "i saw brody and his friend cole jump the fence"', ["jump"]),
]


@needs_vocabulary
def test_slang_property_random_relations_and_names(redactor):
    rng = random.Random(1504)
    owners = ["my", "ur", "your", "his", "her"]
    relations = ["boy", "girl", "homie", "bestie", "baby daddy"]
    names = ["dre", "tay", "kiara", "jaylen", "tre", "bryce"]
    frames = ["tell {o} {r} {n} to stay away", "{o} {r} {n} was with me", "i seen {o} {r} {n} at the store"]
    for _ in range(30):
        name = rng.choice(names)
        text = cased(rng.choice(frames).format(o=rng.choice(owners), r=rng.choice(relations), n=name),
                     rng.choice(CASINGS))
        out = redacted(redactor, text)
        assert not shown(out, name), (text, out)


# --- a third name word after a found name; a possessive given name in lower case -----------------------------------
THIRD_NAME_WORDS = [
    ("The victim and Alejandro García López were arguing.", ["Alejandro", "García", "López"]),
    ("Victim Nguyen Thi Lan stated her husband Tran Van Minh hit her.", ["Nguyen", "Thi", "Lan", "Tran", "Minh"]),
    ("Victim reports that Kevin's brother Liam MacNeil took the keys.", ["Kevin", "Kevin's", "Liam", "MacNeil"]),
]


def test_surname_after_spans():
    from redaction.text.name_neighbours import surname_after

    text = "the victim and alejandro garcía lópez were arguing. spoke with maria white male. told ana oak st"
    spans = [(15, 31), (62, 67), (87, 90)]
    assert [text[s:e] for s, e in surname_after(text, spans)] == ["lópez"]


PLURAL_RELATIONS_AND_ADVERBS = [
    ("witnessed by neighbors j. alvarez and t. kim", ["alvarez", "kim"], ["neighbors"]),
    ("i think its her cousin deshawn or maybe his friend rico", ["deshawn", "rico"], ["maybe"]),
    ("her boss at the diner, a guy named stavros, fired her", ["stavros"], ["boss", "diner"]),
]


OCCUPATION_COMPOUNDS_KEPT = [
    ("The coach bus was parked on Hope St.", ["bus"]),
    ("The teacher aide noticed the bruise.", ["aide"]),
    ("According to the manager at Rosa's Cantina, the suspect paid in cash.", ["Rosa's", "Cantina"]),
]


ROLE_VERBS_AND_IN_LAWS = [
    ("caller identifies himself as the father of the victim, reggie booker", ["reggie", "booker"], ["identifies"]),
    ("my brother in law cash and his friend trigger showed up", ["cash", "trigger"], ["law", "friend"]),
]


# --- particles around a found name -------------------------------------------------------------------------------
PARTICLES = [
    ("my neighbor lakshmi de los santos's dog bit my son. de los santos says it wont happen again.",
     ["de", "los", "santos"]),
    ("rp ludmila le blanc says the kids were arguing. le blanc did not see it.", ["le", "blanc"]),
    ("saw katarzyna and concepción ní bhriain tagging the wall.", ["concepción", "ní", "bhriain"]),
    ("he was with his friend joão dos santos and pieter van der berg.", ["dos", "van", "der", "berg"]),
]


def test_particles_before_not_after_a_determiner():
    from redaction.text.name_neighbours import particles_before

    text = "le blanc did not see it. she got in the van smith drove."
    assert [text[s:e] for s, e in particles_before(text, [(3, 8), (42, 47)])] == ["le"]


@needs_vocabulary
def test_particle_property_random_orders(redactor):
    rng = random.Random(1505)
    given = ["ludmila", "concepción", "joão", "pieter", "xiaoling"]
    family = [("de la", "cruz"), ("van der", "berg"), ("ní", "bhriain"), ("le", "blanc"), ("dos", "santos")]
    frames = ["rp {g} {p} {s} says the kids were arguing. {p} {s} did not see it.",
              "saw katarzyna and {g} {p} {s} tagging the wall.", "her roommate {g} {p} {s} left."]
    for _ in range(30):
        (p, s), g = rng.choice(family), rng.choice(given)
        text = cased(rng.choice(frames).format(g=g, p=p, s=s), rng.choice(CASINGS))
        out = redacted(redactor, text)
        assert not shown_words(out, [g, *p.split(), s]), (text, out)


PARTY_LABELS = [
    ("RO spoke to W1 sunny and W2 river who both saw the crash.", ["sunny", "river"], ["RO", "spoke"]),
    ("V2 (autumn) was not injured.", ["autumn"], ["injured"]),
    ("W1 stated the car was red. V1 male, 30s, was transported.", [], ["stated", "male"]),
]


def test_label_names_spans():
    from redaction.text.roles import label_names

    text = "W1 sunny and W-2: river lee saw it. V1 stated. S1 male fled. WIT #2 precious day."
    assert [text[s:e] for s, e in label_names(text)] == ["sunny", "river lee", "precious day"]


@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
def test_a_verb_in_ing_after_a_given_name_stays(redactor, casing):
    out = redacted(redactor, cased("Her neighbor saw a man named ricky running from the scene.", casing))
    assert not shown(out, "ricky") and shown(out, "running"), out


@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
def test_a_guy_called(redactor, casing):
    out = redacted(redactor, cased("Subj hangs out w/ Tink, Peanut, and a guy called Scrap.", casing))
    assert not shown_words(out, ["Tink", "Peanut", "Scrap"]) and shown(out, "guy"), out


# --- every probe above, in every casing: the names go, the ordinary words stay --------------------------------------
PROBES = [
    *((t, g, []) for t, g in TITLED),
    *((t, [], k) for t, k in TITLE_WORDS_KEPT),
    *((t, g, []) for t, g in ROLES),
    *((t, [], k) for t, k in ROLE_WORDS_KEPT),
    *((t, g, []) for t, g in CUED_STREET_WORDS_AND_SLANG),
    *((t, [], k) for t, k in SLANG_AND_TEXTING_KEPT),
    *((t, g, []) for t, g in THIRD_NAME_WORDS),
    *PLURAL_RELATIONS_AND_ADVERBS,
    *((t, [], k) for t, k in OCCUPATION_COMPOUNDS_KEPT),
    *ROLE_VERBS_AND_IN_LAWS,
    *((t, g, []) for t, g in PARTICLES),
    *PARTY_LABELS,
]


@needs_vocabulary
@pytest.mark.parametrize("casing", CASINGS)
@pytest.mark.parametrize(("text", "gone", "kept"), PROBES)
def test_probe_names_go_and_ordinary_words_stay(redactor, text, gone, kept, casing):
    out = redacted(redactor, cased(text, casing))
    assert not shown_words(out, gone), out
    assert all(shown(out, w) or ("/" in w and w.upper() in out.upper()) for w in kept), out
