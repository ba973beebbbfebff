"""The small template engine of the narrative benchmark: people, slots, casing, gold spans.

A template is a string with slots ``{role.form}`` (a person's name in some form, or one of their
attributes: ``{v.phone}``, ``{s.dob}``) and ``{kind}`` (record-level values and hard negatives:
``{case}``, ``{store}``, ``{date}``), alternatives ``[[a||b||c]]`` (one chosen at random) and options
``[[?text]]`` (kept half of the time). Rendering returns the text and its gold spans; the casing of the
record (upper, lower, mixed) is applied piece by piece so the spans stay exact.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.narratives import lexicon as L

ALT = re.compile(r"\[\[(\??)((?:(?!\]\]).)*)\]\]", re.S)
SLOT = re.compile(r"\{([a-z0-9_]+)(?:\.([a-z0-9_]+))?(?:\|(lo|up|ti))?\}")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


@dataclass
class Person:
    """One person of a record's cast; ``ref`` identifies them within the record."""

    ref: str
    first: str
    last: str
    gender: str
    middle: str
    age: int
    dob: tuple[int, int, int]
    race: str
    phone: str  # ten digits
    street_no: int
    street: str
    unit: str
    badge: str = ""
    nick: str = ""
    alias: str = ""
    in_fields: bool = False
    in_field_attrs: set[str] = field(default_factory=set)
    casing: str = ""  # forced casing of this person's name in a mixed-case record ("lo", "up" or "")
    alias3: str = ""  # dev-only families of the fourth hand: a street name from their own list, drawn on first use


def pick_name(rng: random.Random, split: str) -> tuple[str, str, str]:
    """A (first, gender, last) triple; the dev split never draws the held-out third of either list."""
    firsts = L.FIRST_NAMES if split == "test" else [n for i, n in enumerate(L.FIRST_NAMES) if i % 3 != 2]
    lasts = L.SURNAMES if split == "test" else [n for i, n in enumerate(L.SURNAMES) if i % 3 != 2]
    first, gender = rng.choice(firsts)
    return first, gender, rng.choice(lasts)


def make_person(rng: random.Random, split: str, ref: str, *, last: str | None = None,
                age: tuple[int, int] = (16, 70), year: int = 2019) -> Person:
    """A random person (``last`` forces a shared surname, for relatives)."""
    first, gender, surname = pick_name(rng, split)
    a = rng.randint(*age)
    dob = (year - a, rng.randint(1, 12), rng.randint(1, 28))
    area = rng.choice(L.AREA_CODES)
    phone = area + str(rng.randint(2, 9)) + f"{rng.randint(0, 99):02d}" + f"{rng.randint(0, 9999):04d}"
    return Person(
        ref=ref, first=first, last=last or surname, gender=gender,
        middle=rng.choice("ABCDEFGHJKLMNPRSTVW"), age=a, dob=dob, race=rng.choice(L.RACE_CODES),
        phone=phone, street_no=rng.randint(1, 79) * 100 + rng.randint(0, 99), street=rng.choice(L.STREETS),
        unit=rng.choice(["", "", "", "Apt 3B", "Apt 12", "Unit 4", "#2F", "Apt. 201"]),
        badge=str(rng.randint(1000, 9999)), nick=L.NICKNAMES.get(first, ""), alias=rng.choice(L.STREET_ALIASES),
    )


def initials(p: Person, dots: bool) -> str:
    """'A.B.' or 'AB' from the first letters of the given name and of the surname's main word."""
    main = [w for w in re.split(r"[\s]+", p.last) if w[:1].isupper()] or [p.last]
    a, b = p.first[0].upper(), main[0][0].upper()
    return f"{a}.{b}." if dots else f"{a}{b}"


def clipped(first: str) -> str:
    """A clipped short form of a given name, as friends write it: four letters of a long name, three of a short one,
    and a "y" after a consonant ("Svetlana" -> "Svety", "Fatima" -> "Fati", "Nizhoni" -> "Nizhy")."""
    letters = re.sub(r"[^\w]", "", first)
    clip = letters[:4] if len(letters) >= 6 else letters[:3]
    return clip if clip[-1].lower() in "aeiouy" else clip + "y"


def fmt_phone(rng: random.Random, d: str, style: str | None = None) -> str:
    """A phone number in one of the usual layouts; ``nosep`` is ten digits in a row."""
    style = style or rng.choice(["paren", "dash", "dot", "space", "nosep", "plus1", "paren_nospace"])
    a, b, c = d[:3], d[3:6], d[6:]
    return {
        "paren": f"({a}) {b}-{c}", "dash": f"{a}-{b}-{c}", "dot": f"{a}.{b}.{c}", "space": f"{a} {b} {c}",
        "nosep": d, "plus1": f"+1 {a} {b} {c}", "paren_nospace": f"({a}){b}-{c}",
    }[style]


def fmt_dob(rng: random.Random, dob: tuple[int, int, int]) -> str:
    """A date of birth in one of the usual layouts."""
    y, m, d = dob
    return rng.choice([
        f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{y}-{m:02d}-{d:02d}", f"{MONTHS[m - 1]} {d}, {y}",
        f"{d} {MONTHS[m - 1][:3]} {y}", f"{m:02d}-{d:02d}-{y}", f"{m}/{d}/{y}",
    ])


@dataclass
class Span:
    """A gold span: character offsets in the final text, entity type, whether the value is in the fields."""

    start: int
    end: int
    type: str
    in_fields: bool
    ref: str | None = None
    form: str | None = None

    def as_dict(self) -> dict:
        """The JSON form (``ref`` and ``form`` only for PERSON)."""
        d: dict = {"start": self.start, "end": self.end, "type": self.type, "in_fields": self.in_fields}
        if self.ref is not None:
            d["ref"] = self.ref
        if self.form is not None:
            d["form"] = self.form
        return d


class Doc:
    """Accumulates text pieces and gold spans under one record-level casing ("upper", "lower", "mixed")."""

    def __init__(self, casing: str) -> None:
        self.casing = casing
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.pos = 0

    def _case(self, s: str, force: str | None) -> str:
        mode = force or {"upper": "up", "lower": "lo"}.get(self.casing, "")
        out = s.upper() if mode == "up" else s.lower() if mode == "lo" else s
        if len(out) != len(s):  # pragma: no cover - the lexicon avoids letters that change length
            raise ValueError("casing changed the length of a piece")
        return out

    def lit(self, s: str, force: str | None = None) -> None:
        """Literal text (not an entity)."""
        s = self._case(s, force)
        self.parts.append(s)
        self.pos += len(s)

    def ent(self, s: str, typ: str, in_fields: bool, ref: str | None = None, force: str | None = None,
            form: str | None = None) -> None:
        """An entity mention (``form``: how a PERSON is written: full, last, ini, alias, ...)."""
        s = self._case(s, force)
        self.spans.append(Span(self.pos, self.pos + len(s), typ, in_fields, ref, form))
        self.parts.append(s)
        self.pos += len(s)

    @property
    def text(self) -> str:
        """The text so far."""
        return "".join(self.parts)


class Renderer:
    """Renders templates for one record: its cast, its record-level values and its random stream."""

    def __init__(self, rng: random.Random, doc: Doc, cast: dict[str, Person], values: dict[str, str],
                 field_values: set[str]) -> None:
        self.rng = rng
        self.doc = doc
        self.cast = cast
        self.values = values  # record-level entity values: case, case_other, plate, ...
        self.field_values = field_values  # which of ``values`` are record fields

    def render(self, template: str) -> None:
        """Append the rendered template to the document."""
        text = self._choose(template)
        pos = 0
        for m in SLOT.finditer(text):
            if m.start() > pos:
                self.doc.lit(text[pos:m.start()])
            self._slot(m.group(1), m.group(2), m.group(3))
            pos = m.end()
        if pos < len(text):
            self.doc.lit(text[pos:])

    def _choose(self, template: str) -> str:
        def pick(m: re.Match) -> str:
            if m.group(1):
                return m.group(2) if self.rng.random() < 0.5 else ""
            return self.rng.choice(m.group(2).split("||"))
        prev = None
        while prev != template:  # alternatives may nest once
            prev, template = template, ALT.sub(pick, template)
        return template

    # ----------------------------------------------------------------------------------------------
    def _slot(self, role: str, form: str | None, force: str | None) -> None:
        if role in self.cast:
            self._person_slot(self.cast[role], form or "full", force)
        else:
            self._record_slot(role, form, force)

    def _person_slot(self, p: Person, form: str, force: str | None) -> None:
        d, rng = self.doc, self.rng
        name_force = force or (p.casing if d.casing == "mixed" else None) or None
        if form in ("ini", "ini2") and not force and name_force == "lo":
            name_force = None  # nobody writes initials in lower case

        def name(s: str, how: str = form) -> None:
            d.ent(s, "PERSON", p.in_fields, p.ref, name_force, how)

        def attr(s: str, typ: str, key: str) -> None:
            d.ent(s, typ, key in p.in_field_attrs, None, force)

        if form == "full":
            name(f"{p.first} {p.last}")
        elif form == "first":
            name(p.first)
        elif form == "last":
            name(p.last)
        elif form == "lf":  # LAST, FIRST (records and officers' habits)
            name(f"{p.last}, {p.first}")
        elif form == "lfm":
            name(f"{p.last}, {p.first} {p.middle}")
        elif form == "fml":
            name(f"{p.first} {p.middle}. {p.last}")
        elif form == "fil":  # J. West
            name(f"{p.first[0]}. {p.last}")
        elif form == "ini":
            name(initials(p, dots=True))
        elif form == "ini2":
            name(initials(p, dots=False))
        elif form == "ttl":  # Ms./Mr. Last: the title is not part of the span
            d.lit({"f": "Ms. ", "m": "Mr. "}.get(p.gender, "Mx. "), force)
            name(p.last, "last")
        elif form == "nick":
            name(p.nick or p.first, "nick" if p.nick else "first")
        elif form == "aka":  # First Last a/k/a "Alias"
            name(f"{p.first} {p.last}", "full")
            opening, closing = rng.choice([(' a/k/a "', '"'), (" (a/k/a ", ")"), (' aka "', '"'), (", AKA '", "'")])
            d.lit(opening, force)
            if p.nick and rng.random() < 0.4:
                name(p.nick, "nick")
            else:
                name(p.alias, "alias")
            d.lit(closing, force)
        elif form == "alias":
            name(p.alias)
        elif form == "alias3":  # dev-only (fourth hand): an alias from its own list, the same at every mention
            if not p.alias3:
                p.alias3 = rng.choice(L.DEV_STREET_ALIASES)
            name(p.alias3, "alias")
        elif form == "nick2":  # dev-only (fourth hand): a clipped given name no list holds ("Svety", "Fati")
            name(clipped(p.first), "nick")
        elif form == "any":
            self._person_slot(p, rng.choice(["full", "last", "first", "ttl", "fil"]), force)
        elif form == "rank":  # an officer: title + last name (+ badge half of the time)
            d.lit(rng.choice(L.OFFICER_TITLES_SHORT + L.OFFICER_TITLES_LONG) + " ", force)
            if rng.random() < 0.7:
                name(p.last, "last")
            else:
                name(f"{p.first[0]}. {p.last}", "fil")
            if rng.random() < 0.5:
                d.lit(rng.choice([" #", " # ", " (#", " badge "]), force)
                attr(p.badge, "ID", "badge")
                if d.parts[-2].endswith("(#"):
                    d.lit(")", force)
        elif form == "badge":
            attr(p.badge, "ID", "badge")
        elif form == "phone":
            attr(fmt_phone(rng, p.phone), "PHONE", "phone")
        elif form == "phone_ns":
            attr(p.phone, "PHONE", "phone")
        elif form == "dob":
            attr(fmt_dob(rng, p.dob), "DATE_OF_BIRTH", "dob")
        elif form == "email":
            local = rng.choice([f"{p.first}.{p.last}", f"{p.first[0]}{p.last}", f"{p.first}{p.dob[0] % 100:02d}",
                                f"{p.last}_{p.first[0]}"])
            local = re.sub(r"[^A-Za-z0-9._]", "", local.encode("ascii", "ignore").decode()).lower() or "user"
            attr(f"{local}@{rng.choice(L.EMAIL_DOMAINS)}", "EMAIL", "email")
        elif form == "addr":
            unit = f" {p.unit}" if p.unit else ""
            attr(f"{p.street_no} {p.street}{unit}", "ADDRESS", "addr")
        elif form == "block":
            st = p.street.split(" ", 1)
            dirn = "" if st[0] in L.STREET_DIRECTIONS else rng.choice(["", "", "W ", "N ", "S ", "E "])
            attr(f"{p.street_no // 100 * 100} block of {dirn}{p.street}" if len(st) > 1 else p.street,
                 "ADDRESS", "addr")
        elif form == "demo":  # 32/W/F, W/M 20s, B/F/30
            sex = {"f": "F", "m": "M"}.get(p.gender, rng.choice("FM"))
            s = rng.choice([f"{p.age}/{p.race}/{sex}", f"{p.race}/{sex} {p.age // 10 * 10}s",
                            f"{p.race}/{sex}/{p.age}", f"{p.age}/{p.race}/{sex}"])
            d.ent(s, "DEMOGRAPHIC", False, None, force)
        elif form == "age":
            d.ent(str(p.age), "DEMOGRAPHIC", False, None, force)
        elif form == "born":
            d.ent(str(p.dob[0]), "DEMOGRAPHIC", False, None, force)
        elif form == "demo2":  # dev-only families: other spellings of an age, a birth year, a descriptor
            self._demo2(p)
        elif form == "aka2":  # dev-only families: other alias cues, and a quoted nickname inside the name
            self._aka2(p, name, force)
        elif form == "dl":
            attr(rng.choice("ABCDEFGNSTWY") + f"{rng.randint(0, 9999999):07d}", "ID", "dl")
        elif form == "ssn":
            attr(f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}", "ID", "ssn")
        elif form in ("he", "she", "his", "him", "her"):
            d.lit(_pronoun(p.gender, form), force)
        elif form.startswith("kin_") or form == "sexword":
            # a relation word follows the record's casing; "|up" only matters in a mixed-case record
            d.lit(KIN[form.removeprefix("kin_")][p.gender], force if d.casing == "mixed" else None)
        else:  # pragma: no cover - a template typo
            raise KeyError(f"unknown person form {form!r}")

    def _demo2(self, p: Person) -> None:
        """An age, birth year or descriptor in the spellings of the dev-only families (span per the guide)."""
        d, rng = self.doc, self.rng
        sex = {"f": "F", "m": "M"}.get(p.gender, rng.choice("FM"))
        a, y, r = str(p.age), str(p.dob[0]), p.race
        before, span, after = rng.choice([
            ("age ", a, ""), ("aged ", a, ""), ("Age: ", a, ""), ("", a, " yrs old"), ("", a, "-year-old"),
            ("", a, " y/o"), ("(", a, " YOA)"), ("", a + "yo", ""), ("born in ", y, ""), ("b. ", y, ""),
            ("YOB ", y, ""), ("birth year ", y, ""), ("", f"{r}/{sex} {p.age // 10 * 10}s", ""),
            ("", f"{r}{sex}/{a}", ""), ("", f"{r}/{sex}, {a}", ""), ("", f"{a} {r}/{sex}", ""),
            ("(", f"{r}/{sex}/{a}", ")"), ("", f"{r}{sex} {p.age // 10 * 10}s", ""),
        ])
        d.lit(before)
        d.ent(span, "DEMOGRAPHIC", False, None, None)
        d.lit(after)

    def _aka2(self, p: Person, name: Callable[..., None], force: str | None) -> None:
        """A full name with an alias given by another cue, or a nickname quoted inside the name."""
        d, rng = self.doc, self.rng
        alias, how = (p.nick, "nick") if p.nick and rng.random() < 0.4 else (p.alias, "alias")
        if rng.random() < 0.3:  # First "Smoke" Last
            name(p.first, "first")
            d.lit(' "', force)
            name(alias, how)
            d.lit('" ', force)
            name(p.last, "last")
            return
        name(f"{p.first} {p.last}", "full")
        opening, closing = rng.choice([(", also known as ", ","), (" (known as ", ")"), (", who goes by ", ","),
                                       (" AKA: ", ""), (" (street name ", ")"), (' a.k.a. "', '"')])
        d.lit(opening, force)
        name(alias, how)
        d.lit(closing, force)

    def _record_slot(self, kind: str, form: str | None, force: str | None) -> None:
        d, rng = self.doc, self.rng
        if kind in self.values:  # record-level entity values (case numbers, plates)
            typ = "ID"
            d.ent(self.values[kind], typ, kind in self.field_values, None, force)
            return
        if kind.endswith("_ns") and kind[:-3] in self.values:  # dev-only: a case number without separators
            d.ent(re.sub(r"[^A-Za-z0-9]", "", self.values[kind[:-3]]), "ID", kind[:-3] in self.field_values, None,
                  force)
            return
        neg = {
            "store": lambda: rng.choice(L.STORES),
            "street": lambda: rng.choice(L.STREETS),
            "inter": lambda: f"{rng.choice(L.STREETS)} and {rng.choice(L.STREETS)}",
            "car": lambda: f"{rng.choice(L.COLORS)} {rng.choice(L.CARS)}",
            "date": lambda: rng.choice([f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.choice([2016, 2017, 2019])}",
                                        f"{MONTHS[rng.randint(0, 11)]} {rng.randint(1, 28)}, 2019",
                                        f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/19"]),
            "time": lambda: rng.choice([f"{rng.randint(0, 23):02d}{rng.choice(['00', '15', '30', '45'])} hrs",
                                        f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['AM', 'PM'])}",
                                        f"approximately {rng.randint(1, 12)}:{rng.choice(['00', '30'])} p.m."]),
            "clock": lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            "race": lambda: rng.choice(L.RACE_WORDS),
            "place": lambda: rng.choice(L.PLACES),
            "statute": lambda: rng.choice(L.STATUTES),
            "title": lambda: rng.choice(L.OFFICER_TITLES_SHORT + L.OFFICER_TITLES_LONG),
            "dist": lambda: f"{rng.randint(1, 39)}th District" if rng.random() < 0.5 else f"District {rng.randint(1, 9)}",
            "num": lambda: str(rng.randint(2, 9)),
        }
        if kind not in neg:  # pragma: no cover - a template typo
            raise KeyError(f"unknown slot {kind!r}")
        d.lit(neg[kind](), force)


# Relation words by the relative's gender (f, m, x).
KIN: dict[str, dict[str, str]] = {
    "child": {"f": "daughter", "m": "son", "x": "child"},
    "sibling": {"f": "sister", "m": "brother", "x": "sibling"},
    "spouse": {"f": "wife", "m": "husband", "x": "spouse"},
    "parent": {"f": "mother", "m": "father", "x": "parent"},
    "inlaw": {"f": "sister-in-law", "m": "brother-in-law", "x": "in-law"},
    "ex": {"f": "ex-girlfriend", "m": "ex-boyfriend", "x": "ex-partner"},
    "partner": {"f": "girlfriend", "m": "boyfriend", "x": "partner"},
    "grandchild": {"f": "granddaughter", "m": "grandson", "x": "grandchild"},
    "nibling": {"f": "niece", "m": "nephew", "x": "relative"},
    "aunt": {"f": "aunt", "m": "uncle", "x": "relative"},
    "grandparent": {"f": "grandmother", "m": "grandfather", "x": "grandparent"},
    "sexword": {"f": "female", "m": "male", "x": "person"},
}


def _pronoun(gender: str, form: str) -> str:
    table = {
        "f": {"he": "she", "she": "she", "his": "her", "him": "her", "her": "her"},
        "m": {"he": "he", "she": "he", "his": "his", "him": "him", "her": "him"},
        "x": {"he": "they", "she": "they", "his": "their", "him": "them", "her": "them"},
    }
    return table[gender][form]
