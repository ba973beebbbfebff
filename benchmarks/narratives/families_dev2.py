"""Dev-only template families by a fifth hand (issue 15, item 3), with their own word lists (words_dev2.py).

The nine frozen families and the six dev-only ones before these draw their people from ``lexicon.py``; a
redactor tuned on them can learn those lists instead of the phenomena. These families bring their own word
lists, written from general knowledge and not copied from any package or from ``lexicon.py``: given names
and surnames of many origins (West African, South Asian, East Asian, Slavic, Arabic, Latin American, Pacific,
Irish, Anglo), names that are ordinary words (Rich, Mercy, Chance, Story, Major), hyphens,
particles and apostrophes; their own nickname pairs (Margaret -> Peggy, Oluwaseun -> Seun) and street
monikers (Smoke, Man-Man); their own hard negatives (stores, streets, places, vehicles that contain names).
They add shapes the other families lack: lower-case texts and 311 complaints with names in every sentence
position, teletype in capitals, many alias notations, relatives and housemates sharing a surname, nicknames
of the record's own people, names run together in 'cc' lists, minors by initials beside their mother's surname,
and names that are words next to the same words used as words. Slots the shared engine already knows (initials,
titles, ages, dates of birth) are rendered by ``render.Renderer``; names, monikers, cues, ranks and hard negatives
come from this hand. The annotation follows README.md; every variant is in dev, none in
test, and each record has its own seed prefix, so ``test.jsonl`` and the other dev records do not change.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.narratives.families import Family
from benchmarks.narratives.render import Doc, Person, Renderer, fmt_phone
from benchmarks.narratives.words_dev2 import (
    ALIAS_CUES,
    AREA,
    CARS,
    COLORS,
    GIVEN_NAMES,
    LETTERS,
    MONIKER_LIST,
    NICKNAMES,
    PLACES,
    RACES,
    RANKS,
    STORES,
    STREETS,
    SURNAME_LIST,
    UNITS,
    WORD_GIVEN,
    WORD_SENTENCES,
    WORD_SURNAMES,
)

SEED2 = "osd-narratives-dev2-v1"


@dataclass(frozen=True)
class Family2(Family):
    """A family of this hand: ``nick_roles`` must have a usual short form of their given name, ``word_roles`` names
    that are ordinary words."""

    nick_roles: tuple[str, ...] = ()
    word_roles: tuple[str, ...] = ()  # people whose given name and surname are ordinary words (Chance Strong)


# ----------------------------------------------------------------------------------------------------------------
# People, fields and the renderer of this hand
# ----------------------------------------------------------------------------------------------------------------
def _person(rng: random.Random, ref: str, year: int, *, gender: str | None, want_nick: bool, word: bool,
            last: str | None, taken: set[str]) -> Person:
    """A person from this hand's lists: a given name not yet used in the record (nor as a short form)."""
    pool = [(n, g) for n, g in GIVEN_NAMES if n not in taken and (gender is None or g == gender)
            and (not want_nick or n in NICKNAMES) and not set(NICKNAMES.get(n, ())) & taken
            and (not word or n in WORD_GIVEN)]
    first, g = rng.choice(pool)
    age = rng.randint(15, 74)
    phone = rng.choice(AREA) + str(rng.randint(2, 9)) + f"{rng.randint(0, 99):02d}{rng.randint(0, 9999):04d}"
    return Person(
        ref=ref, first=first, last=last or rng.choice(SURNAME_LIST), gender=g, middle=rng.choice("ABCDEFGHJKMNRSTW"),
        age=age, dob=(year - age, rng.randint(1, 12), rng.randint(1, 28)), race=rng.choice(RACES), phone=phone,
        street_no=rng.randint(1, 89) * 100 + rng.randint(0, 99), street=rng.choice(STREETS), unit=rng.choice(UNITS),
        badge=str(rng.randint(100, 99999)), nick=rng.choice(NICKNAMES.get(first, ("",))),
    )


def _cast(rng: random.Random, fam: Family2, year: int) -> dict[str, Person]:
    """Distinct given names, nicknames, monikers; one surname per family group (a role and its relatives)."""
    cast: dict[str, Person] = {}
    taken: set[str] = set()
    lasts: set[str] = set()
    aliases = rng.sample(MONIKER_LIST, 2 * len(fam.cast))
    for i, (role, kind) in enumerate(fam.cast.items()):
        root = kind[4:] if kind.startswith("rel:") else None
        word = role in fam.word_roles
        last = cast[root].last if root else rng.choice(
            [s for s in (WORD_SURNAMES if word else SURNAME_LIST) if s not in lasts])
        p = _person(rng, role, year, gender=dict(fam.genders).get(role), want_nick=role in fam.nick_roles,
                    word=word, last=last, taken=taken)
        p.alias, p.alias3 = aliases[2 * i], aliases[2 * i + 1]  # alias3: this hand's second moniker
        p.in_fields = kind == "field"
        taken |= {p.first, p.nick}
        lasts.add(p.last)
        cast[role] = p
    return cast


def _fields(rng: random.Random, fam: Family2, cast: dict[str, Person], values: dict[str, str]) -> dict[str, str]:
    """The record's structured columns as an agency exports them (names LAST, FIRST in capitals or not)."""
    out: dict[str, str] = {}
    upper = rng.random() < 0.6
    for name, (role, attr) in fam.fields.items():
        if role == "record":
            out[name] = values[attr]
            continue
        p = cast[role]
        y, m, d = p.dob
        value = {"lf": f"{p.last}, {p.first}", "badge": p.badge, "dob": f"{y}-{m:02d}-{d:02d}",
                 "phone": fmt_phone(rng, p.phone, rng.choice(["paren", "dash", "nosep", "dot"])),
                 "addr": f"{p.street_no} {p.street}" + (f" {p.unit}" if p.unit else "")}[attr]
        out[name] = value.upper() if upper and attr in ("lf", "addr") else value
        p.in_field_attrs.add("name" if attr == "lf" else attr)
    return out


class Renderer2(Renderer):
    """The shared template engine with this hand's monikers, alias cues, ranks and hard negatives."""

    def _person_slot(self, p: Person, form: str, force: str | None) -> None:
        name_force = force or (p.casing if self.doc.casing == "mixed" else None) or None

        def name(s: str, how: str) -> None:
            self.doc.ent(s, "PERSON", p.in_fields, p.ref, name_force, how)

        if form == "mon":
            name(p.alias, "alias")
        elif form == "mon2":
            name(p.alias3, "alias")
        elif form == "cue":  # a name and an alias by one of many cues, or the alias first
            self._cue(p, name, force)
        elif form == "mons":  # a list of aliases
            self._mons(p, name, force)
        elif form in ("homo_first", "homo_last"):  # the name's word used as a word, in a sentence of its own
            self.doc.lit(WORD_SENTENCES.get(p.first if form == "homo_first" else p.last, ""), force)
        elif form == "rank":  # an officer: rank and surname, the badge number after it half of the time
            self.doc.lit(self.rng.choice(RANKS) + " ", force)
            name(p.last, "last")
            if self.rng.random() < 0.5:
                self.doc.lit(self.rng.choice([" #", " # ", " badge "]), force)
                self.doc.ent(p.badge, "ID", "badge" in p.in_field_attrs, None, force)
        else:
            super()._person_slot(p, form, force)

    def _cue(self, p: Person, name: Callable[[str, str], None], force: str | None) -> None:
        rng, lit = self.rng, lambda s: self.doc.lit(s, force)
        shape = rng.random()
        if shape < 0.15:  # the alias first: Smoke (Kwame Okafor), "Smoke", real name Kwame Okafor
            opening, middle, closing = rng.choice([("", " (", ")"), ('"', '", real name ', ""),
                                                   ("", ", true name ", "")])
            lit(opening)
            name(p.alias, "alias")
            lit(middle)
            name(f"{p.first} {p.last}", "full")
            lit(closing)
            return
        if shape < 0.3:  # a quoted alias inside the name: Kwame "Smoke" Okafor
            quote = rng.choice(['"', "'"])
            name(p.first, "first")
            lit(" " + quote)
            name(p.alias, "alias")
            lit(quote + " ")
            name(p.last, "last")
            return
        if rng.random() < 0.4:
            name(f"{p.last}, {p.first}", "lf")
        else:
            name(f"{p.first} {p.last}", "full")
        opening, closing = rng.choice(ALIAS_CUES)
        lit(opening)
        name(p.alias, "alias")
        lit(closing)

    def _mons(self, p: Person, name: Callable[[str, str], None], force: str | None) -> None:
        rng, lit = self.rng, lambda s: self.doc.lit(s, force)
        names = [(p.alias, "alias"), (p.alias3, "alias")] + ([(p.nick, "nick")] if p.nick else [])
        rng.shuffle(names)
        seps = rng.choice([(", ", " and "), (" / ", " / "), ("; ", "; "), (", ", ", ")])
        for i, (s, how) in enumerate(names):
            if i:
                lit(seps[1] if i == len(names) - 1 else seps[0])
            name(s, how)

    def _record_slot(self, kind: str, form: str | None, force: str | None) -> None:
        rng = self.rng
        neg: dict[str, Callable[[], str]] = {
            "store": lambda: rng.choice(STORES), "street": lambda: rng.choice(STREETS),
            "place": lambda: rng.choice(PLACES), "car": lambda: f"{rng.choice(COLORS)} {rng.choice(CARS)}",
            "inter": lambda: " & ".join(rng.sample(STREETS, 2)),
            "clock": lambda: f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}",
            "date": lambda: f"{rng.randint(1, 12)}/{rng.randint(1, 28)}",
            "unit": lambda: f"{rng.randint(1, 9)}{rng.choice('ABKLX')}{rng.randint(10, 39)}",
            "num": lambda: str(rng.randint(2, 6)),
        }
        if kind in neg:
            self.doc.lit(neg[kind](), force)
        else:
            super()._record_slot(kind, form, force)


def case_number(rng: random.Random, fmt: str, year: int) -> str:
    """A case number in an agency format (YY two-digit year, YYYY year, N digit, L letter)."""
    out = fmt.replace("YYYY", str(year)).replace("YY", f"{year % 100:02d}")
    return "".join(str(rng.randint(0, 9)) if c == "N" else rng.choice(LETTERS) if c == "L" else c for c in out)


def make_record(fam: Family2, index: int) -> dict:
    """One dev record of ``fam``, fully determined by (family, index) under this hand's seed prefix."""
    rng = random.Random(f"{SEED2}:dev:{fam.name}:{index}")
    variant = rng.randrange(len(fam.variants))
    casing = rng.choices([c for c, _ in fam.casing], [w for _, w in fam.casing])[0]
    year = rng.choice([2017, 2018, 2019, 2020, 2021, 2022])
    cast = _cast(rng, fam, year)
    values = {"case": case_number(rng, rng.choice(fam.case_formats), year),
              "case_other": case_number(rng, rng.choice(fam.case_formats), year - rng.randint(1, 3))}
    fields = _fields(rng, fam, cast, values)
    if casing == "mixed":  # a name typed in another case than the sentence around it
        for p in cast.values():
            r = rng.random()
            p.casing = ("lo" if r < 0.3 else "up" if r < 0.4 else "") if not p.in_fields else (
                "lo" if r < 0.1 else "up" if r < 0.25 else "")
    doc = Doc(casing)
    Renderer2(rng, doc, cast, values, {"case"}).render(fam.variants[variant])
    return {"id": f"dev-{fam.name}-{index:04d}", "family": fam.name, "variant": variant, "split": "dev",
            "casing": casing, "text": doc.text, "fields": fields, "spans": [s.as_dict() for s in doc.spans]}


# ----------------------------------------------------------------------------------------------------------------
# The families. Roles: v victim or caller, s subject, n neighbour, p partner, k and b and r and h relatives sharing
# a surname (``rel:``), f friend, a associate, c cousin, w witness, u a store manager, o officer, rp reporting party.
# ----------------------------------------------------------------------------------------------------------------
TEXTS = Family2(
    "text_311",
    "Text messages, social posts and 311 web complaints typed by the public (fifth hand): lower case, names as "
    "subject, object, after with/told/saw/per/w/, possessives, lists, 'surname, given', a caller's own nickname.",
    (("lower", 0.6), ("mixed", 0.4)),
    {"v": "field", "n": "text", "p": "text", "k": "rel:n", "f": "text"},
    {"victim_name": ("v", "lf"), "phone": ("v", "phone"), "address": ("v", "addr"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "LYYNNNNNN"),
    (
        "{n.first} n her bf {p.first} were yelling again[[ at like 2am||]], {n.first} threw a bottle at {p.first}'s "
        "car ({car}). pls send someone before somebody gets hurt, i hope u guys come this time - {v.nick}",
        "pls send someone, my neighbor {n.full}'s dog got out again and bit {f.first}. {n.last} says it [[will||wont]]"
        " happen again but it [[will||always does]]. im at {v.addr}[[, call {v.phone_ns}||]]",
        "311 web form: dumping behind {store} on {street}. talked w/ {n.first} {n.last} who manages the lot, {n.he} "
        "told me to call the city. sign says owner {n.lf}. contact {v.first} {v.last} {v.phone}",
        "saw {n.first}, {k.first} {k.last} and {f.full} [[tagging||spray painting]] the wall by {place} again. "
        "{k.first} is {n.his} {k.kin_child} i think. {f.first} told me {p.first} [[paid them||put them up to it]]. "
        "major damage, second story windows too",
        "does anyone know {p.cue}?? [[he||this guy]] took my phone at {store} on {street}. last seen w/ {f.first} "
        "and {n.first} {n.last}. per {f.nick} {p.he} lives near {place}. dm me or call {v.phone_ns}",
        "complaint re unit {num}: {n.lf} and {p.lf} fight every night. i told {n.first} to "
        "stop, {n.he} said mind your business. my kids cant sleep. landlord is rich and dont care. - {v.lf}",
    ),
    genders=(("n", "f"), ("p", "m")),
    dev_only=True,
    nick_roles=("v", "f"),
)

TELETYPE = Family2(
    "cad_teletype",
    "Dispatch teletype in capitals where case says nothing (fifth hand): RP ADV, W/, MS X and MR X for two people "
    "sharing a surname, a caller's and a son's short names, aliases, clock times, unit numbers.",
    (("upper", 0.85), ("mixed", 0.15)),
    {"rp": "field", "s": "rel:rp", "c": "text", "o": "field", "w": "text", "u": "text"},
    {"victim_name": ("rp", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"), "phone": ("rp", "phone"),
     "address": ("rp", "addr"), "case_number": ("record", "case")},
    ("YYNNNNNN", "YY-NNNNN"),
    (
        "{clock} RP ADV HER {s.kin_child} {s.first} LEFT W/ COUSIN {c.first} {c.last} IN A {car} PLT UNK. {s.first} "
        "IS {s.demo}. RP REQ CB {rp.phone_ns}. {clock} {o.rank} ENRT",
        "{clock} RP {rp.lf} STS SUBJ {c.cue} ON SCENE W/ {w.first} {w.last}. PER RP {c.mon} HAS A KNIFE. {clock} "
        "UNIT {unit} ADV {c.mon} GOA. CASE {case}",
        "MS {rp.last} STS MR {s.last} (HER {s.kin_spouse}) [[BROKE||PUSHED IN]] THE DOOR. {s.nick} IS {s.age} YOA. "
        "MS {rp.last} HAS A PROTECTIVE ORDER VS {u.full}. ADV {rp.nick} TO CALL BACK {rp.phone}",
        "WIT {w.lf} {w.demo} STS SAW {s.first} {s.last} AND {c.first} RUN TOWARDS {street}. {w.last} WILL ID IF "
        "SEEN. RP {rp.first} {rp.last} ({rp.nick}) ON LINE. {o.rank}",
        "{clock} {o.rank} ONSCENE. {clock} SPOKE W/ {u.first} MGR OF {store} ON {street}. {u.first} STS {c.first} "
        "TOOK {num} BOTTLES. {c.last} KNOWN TO {u.ttl}. {clock} {c.cue} IN CUSTODY",
        "BOLO {c.lf} {c.demo} LAST SEEN {inter} IN {car}. [[POSS||POSSIBLY]] HEADED TO {place}. REF {case}. RP IS "
        "{rp.lf}, {rp.kin_parent} OF {s.first} {s.last}. [[NO WPNS SEEN||NEG WPNS]]",
    ),
    genders=(("rp", "f"), ("s", "m")),
    dev_only=True,
    nick_roles=("rp", "s"),
)

ALIASES = Family2(
    "alias_card",
    "Contact cards and gang-unit notes (fifth hand): AKA, A.K.A., aka:, a/k/a, alias:, moniker:, S/N, NN:, goes by, "
    "known on the street as, quoted monikers inside or after a name, the alias first, lists of aliases, ordinary words.",
    (("mixed", 0.45), ("upper", 0.35), ("lower", 0.2)),
    {"s": "field", "a": "text", "b": "rel:s", "v": "field", "o": "field"},
    {"subject_name": ("s", "lf"), "victim_name": ("v", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"),
     "case_number": ("record", "case")},
    ("YY-NNNNNN", "LYY-NNNNN"),
    (
        "SUBJ {s.cue}. ASSOC {a.cue}. {s.mon} AND {a.mon} [[WERE||WERE BOTH]] SEEN AT {store}. V/ {v.lf}.",
        "FI contact: {s.lf}, AKAs: {s.mons}. A {b.kin_sibling}, {b.cue}, was present and [[gave||refused]] "
        "ID. {s.mon2} [[admitted||denied]] being in the {car}.",
        "per v/ {v.first} {v.last}, the guy who [[hit||robbed]] {v.him} goes by {s.mon}. {s.mon} ({s.full}) hangs "
        "out with {a.first} {a.last} by {place}. {o.rank}",
        "Moniker: {s.mon} / NN: {s.nick} / True name: {s.lfm} / Assoc: {a.lf} a/k/a {a.mon} / Rel: {b.first} "
        "{b.last} ({b.kin_sibling})",
        "{a.cue} told us {s.first} \"{s.mon}\" {s.last} was the one. {s.last} is also known as {s.mon2}. {s.mon} "
        "drives the {car}. victim: {v.nick}, {v.demo2}",
        "known on the street as {s.mon}, {s.lf} ({s.demo2}). crew: {a.mon}, {b.mon} and {b.mon2} ({b.first} "
        "{b.last}, {s.his} {b.kin_nibling}). Ofc. {o.last} #{o.badge}",
    ),
    dev_only=True,
    nick_roles=("s", "v"),
)

HOUSEHOLD = Family2(
    "household",
    "Officers' reports on households (fifth hand): relatives and housemates sharing the victim's or the subject's "
    "surname, Ms. X and Mr. X for two people, the record's own people by their nicknames alone, hard negatives.",
    (("mixed", 0.6), ("lower", 0.2), ("upper", 0.2)),
    {"v": "field", "s": "field", "r": "rel:v", "h": "rel:s", "o": "field", "n": "text"},
    {"victim_name": ("v", "lf"), "subject_name": ("s", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"),
     "dob": ("v", "dob"), "case_number": ("record", "case")},
    ("YYYY-NNNNNN", "YY-NNNNN"),
    (
        "The victim, {v.full}, said her {r.kin_spouse} was home. Ms. {v.last} and Mr. {r.last} both said {s.nick} "
        "came to the door at {clock}. Mr. {s.last} denied it; Ms. {h.last}, {s.his} {h.kin_sibling} and roommate, "
        "said he was home all night. Will follow up.",
        "{v.nick} (that's what everyone calls {v.her}) told officers that {s.first} {s.last} and his {h.kin_parent} "
        "{h.first} {h.last} rent the unit upstairs. {h.first} would not open the door. {v.nick} showed a young "
        "officer the damage.",
        "I [[spoke with||interviewed]] {v.lf} at {place}. She goes by {v.nick}. Her {r.kin_sibling} {r.first} "
        "{r.last} lives with her on {street}. Mr. {r.last} said the man is {s.full}, who lives with his "
        "{h.kin_spouse} {h.full}. He showed no mercy, Mr. {r.last} said.",
        "Ms. {v.last} called again about {s.nick}. She says {s.last} and his {h.kin_sibling} {h.first} took her rose "
        "bushes and her {r.kin_spouse}'s tools. Mr. {r.last} confirmed. {o.rank}",
        "RP {n.full} (NEIGHBOR) SAYS {s.nick} AND {v.nick} WERE ARGUING. {v.first} {v.last} STATED SHE WILL STAY "
        "WITH {r.first} {r.last}, HER {r.kin_sibling}, IF SHE GETS THE CHANCE. {n.last} DID NOT SEE {h.first}.",
        "{o.rank} met {v.ttl} and {r.ttl} at {v.addr}. {v.ttl} (DOB {v.dob}) said {s.nick} texted her {num} times. "
        "{r.ttl} said he hopes {s.first} gets help. {s.last}'s {h.kin_sibling} {h.first} lives on {street}.",
    ),
    genders=(("v", "f"), ("r", "m"), ("s", "m"), ("h", "f")),
    dev_only=True,
    nick_roles=("v", "s"),
)

POSTS = Family2(
    "social_post",
    "Neighbourhood social-media posts (fifth hand): lower case, names run together in 'cc' lists, possessives, a "
    "suspect's nickname and real name, a relative addressed as Ms. X or Mr. X, third parties' phone numbers.",
    (("lower", 0.5), ("mixed", 0.5)),
    {"v": "field", "s": "text", "f": "text", "g": "text", "k": "rel:s", "m": "rel:v"},
    {"victim_name": ("v", "lf"), "phone": ("v", "phone"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "YYNNNNNN"),
    (
        "PSA: watch out for {s.full}, {s.he} went through cars on {street} last night. {s.nick} if ur reading this "
        "give my stuff back. my {m.kin_parent} {m.first} saw the whole thing",
        "update: {f.first} and i talked to {s.last}'s {k.kin_parent}, {k.ttl}. {k.ttl} says {s.first} will pay for "
        "it, we'll see lol. shoutout to {g.full} for the video",
        "anyone else get a knock from a guy saying hes from the gas co? calls himself {s.nick}, real name {s.full}. "
        "{g.first} and {f.first} both know him. drives a {car}. gonna post pics",
        "porch pirate on {street} again. cc {g.full} {f.full} {m.full} - cameras show {s.first} from the corner "
        "house. [[report #||case]] {case}",
        "thank u {g.first}!! found my {m.kin_parent}'s purse behind {store}. {s.nick} from the bus stop says it was "
        "{k.first} {k.last}. im done with this street",
        "[[lost||stolen]] phone at {place}, last seen with {f.lf}. if found call {v.phone_ns} or text {m.first} at "
        "{m.phone}. ask for {v.nick}",
    ),
    genders=(("m", "f"), ("s", "m")),
    dev_only=True,
    nick_roles=("s", "v"),
)

ORDERS = Family2(
    "protective_order",
    "Protective-order files and advocates' notes (fifth hand): petitioner and respondent, minor children sharing "
    "the petitioner's surname by name and by initials, Ms. X and Mr. X, a judge as 'F. Last', a paternal relative.",
    (("mixed", 0.7), ("upper", 0.3)),
    {"pt": "field", "rs": "field", "c1": "rel:pt", "c2": "rel:pt", "w": "rel:rs", "a": "text", "f": "text"},
    {"victim_name": ("pt", "lf"), "subject_name": ("rs", "lf"), "dob": ("pt", "dob"), "address": ("pt", "addr"),
     "case_number": ("record", "case")},
    ("YYYY-NNNNNN", "LYY-NNNNN"),
    (
        "Petitioner {pt.lf} (DOB {pt.dob}) v. Respondent {rs.lf}. Protected persons: {pt.first} {pt.last}, "
        "{c1.first} {c1.last} and {c2.first} {c2.last} (minor children). Respondent shall stay 100 yards from "
        "{pt.addr}. Hon. {a.fil}.",
        "Ms. {pt.last} told the advocate that Mr. {rs.last} violated the order at {place}. The minors {c1.ini} and "
        "{c2.ini} were present. Atty {f.full} will file. Case {case}.",
        "IN RE {c1.first} {c1.last}, A MINOR. Mother: {pt.full}. Father: {rs.full}. Paternal grandmother {w.full} "
        "requests visitation. Respondent goes by {rs.nick}.",
        "{rs.lf} served {date} at {inter}. {rs.first} said {pt.nick} made it up. Per {pt.ttl}, {rs.last}'s "
        "{w.kin_parent} {w.first} {w.last} drove him there.",
        "Advocate note: {pt.nick} ({pt.first} {pt.last}) called. Her {c2.kin_child} {c2.first} is staying with "
        "family friend {f.full}. {pt.first} will come in {date} with {c1.first}.",
        "ORDER: {rs.lfm} SHALL NOT CONTACT {pt.lf}, {c1.ini2} OR {c2.ini2}. VIOLATION REPORTED BY {f.full}, PHONE "
        "{f.phone_ns}. REF {case_other}.",
    ),
    genders=(("pt", "f"), ("rs", "m"), ("w", "f")),
    dev_only=True,
    nick_roles=("pt", "rs"),
)

HOMOGRAPHS = Family2(
    "word_names",
    "Reports about people whose names are ordinary words (fifth hand): Chance Strong, Mercy Rose, a relative sharing "
    "the surname, and the same words used as words in the next sentence ('major damage', 'rose from the couch').",
    (("mixed", 0.5), ("upper", 0.25), ("lower", 0.25)),
    {"v": "field", "s": "field", "r": "rel:s", "w": "text", "o": "field"},
    {"victim_name": ("v", "lf"), "subject_name": ("s", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"),
     "case_number": ("record", "case")},
    ("YY-NNNNNN", "YYYY-NNNNN"),
    (
        "{v.full} called about {s.full}. {s.homo_last} {v.first} said {s.last} [[will||would]] be back. "
        "{v.homo_first}",
        "Officers spoke with {s.lf} and his {r.kin_sibling} {r.first} {r.last}. {s.homo_last} {r.first} said Mr. "
        "{s.last} was home. {w.full} saw nothing. {o.rank}",
        "RP {v.first} {v.last} STATES {s.first} TOOK HER KEYS. {v.homo_first} {s.homo_first} {w.last} WILL CALL BACK.",
        "{w.first} told us {v.first} and {s.first} argued at {store}. {s.homo_first} {v.last} says {s.last}'s "
        "{r.kin_sibling} {r.first} was there too. {v.homo_last}",
        "{o.rank} met {v.ttl} at {place}. {v.homo_last} {v.first} said {s.first} {s.last} and {r.full} left in a "
        "{car}. {s.homo_first}",
        "Supplement: {s.first} {s.last} ({s.demo2}) [[admitted||denied]] it. {s.homo_first} {v.first} {v.last} and "
        "{w.full} were present. {v.homo_last} Case {case}.",
    ),
    genders=(("v", "f"), ("s", "m")),
    dev_only=True,
    word_roles=("v", "s"),
)

DEV2_FAMILIES: tuple[Family2, ...] = (TEXTS, TELETYPE, ALIASES, HOUSEHOLD, POSTS, ORDERS, HOMOGRAPHS)


def generate_dev2(per_family: int) -> list[dict]:
    """All records of this hand's families for the dev split, in a fixed order."""
    return [make_record(fam, i) for fam in DEV2_FAMILIES for i in range(per_family)]
