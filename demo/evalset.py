"""Labeled synthetic police narratives for evaluating free-text redaction (deterministic per seed).

Beside the sample exports in ``demo/`` but independent of them (the redaction tests and benchmark use it).
Each ``EvalItem`` holds a narrative, its gold spans (start, end, entity type) and the record's structured values
(what the pipeline passes as ``record_values``). Mentions cover many name origins and casings (Title, ALL CAPS, ``LAST, FIRST``),
address formats (abbreviated, spelled out, units, directions, ALL CAPS) and number formats, plus people
and numbers that are *not* in the record (they must be found by the recognizers or NER). Names include
accented ones ("RAMÍREZ, MARÍA JOSÉ", "Łukasz Dąbrowski"), sometimes held in the record without accents
("Maria Jose Ramirez") as many agency systems store them.

A share of narratives (``EvalItem.caps``) is written entirely in capitals, as old RMS terminals produce
them; the benchmark reports them separately. Case numbers are labeled ``ID`` whether the record holds them
(record-aware matching must remove them) or not (the case-number recognizer must).

Hundred blocks ("4500 block of Elm Ave") and case numbers, the record's or another's, are labeled (``ADDRESS``,
``ID``). Tricky negatives are mixed in and never labeled: intersections, "Martin Luther
King Jr Blvd", officer names when officers are published, radio codes ("10-4", "Code 3"), times
("1430 hrs"), incident dates, unit numbers, vehicle makes,
and in capitals "V/ PH (555) ...", "V/ IDENTIFIED S1 AS ...", "NO SUSPECT INFORMATION AT THIS TIME".

All names, numbers and addresses are synthetic (555 phone exchanges, invalid SSN areas are avoided but
numbers are random; e-mails use example domains).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from redaction.recognizers.vin import vin_check_digit

FIRST = ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "Maria", "Jose",
         "Juan", "Guadalupe", "Alejandro", "Sofia", "Carmen", "Luis", "DeShawn", "Latoya", "Jamal", "Keisha",
         "Darnell", "Imani", "Tyrone", "Aaliyah", "Nguyen", "Minh", "Thanh", "Linh", "Wei", "Xiaoming", "Mei",
         "Jun", "Hyun", "Ji-woo", "Seo-yeon", "Priya", "Rahul", "Anjali", "Sanjay", "Mohammed", "Fatima",
         "Omar", "Aisha", "Yusuf", "Chinedu", "Ngozi", "Oluwaseun", "Kwame", "Abena", "Katarzyna", "Piotr",
         "Siobhan", "Declan", "Aoife", "Dmitri", "Svetlana", "Giuseppe", "Francesca", "Haruto", "Yuki",
         "Kalani", "Ikaika", "Tomasz", "Bogdan", "Esperanza", "Xochitl", "Ahanu", "Winona", "Bo", "Al"]
FIRST_ACCENTED = ["María José", "José", "Raúl", "Jesús", "Héctor", "Miguel Ángel", "Sofía", "Łukasz", "Agnieszka",
                  "Zoë", "Björn", "Søren", "François", "Chloé", "Inés", "Ramón", "Renée", "Dušan", "Jürgen"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Garcia", "Martinez", "Rodriguez", "Hernandez", "Lopez",
        "Gonzalez", "Washington", "Jefferson", "Jackson", "Nguyen", "Tran", "Pham", "Le", "Wang", "Li",
        "Zhang", "Chen", "Kim", "Park", "Choi", "Patel", "Sharma", "Singh", "Khan", "Haddad", "Abdullah",
        "Okafor", "Adeyemi", "Mensah", "Boateng", "Kowalski", "Nowak", "O'Brien", "McCarthy", "Murphy",
        "Ivanov", "Petrov", "Rossi", "Esposito", "Tanaka", "Suzuki", "Kahananui", "Garcia-Lopez",
        "Van der Berg", "MacDonald", "St. Clair", "Yazzie", "Begay", "Whitehorse", "Delacroix", "Fitzgerald"]
LAST_ACCENTED = ["Ramírez", "Martínez", "Castañeda", "Dąbrowska", "Sánchez", "Muñoz", "Wiśniewski", "Müller",
                 "Núñez", "Peña", "Gómez", "Jiménez", "Nørgaard", "Łukaszewicz", "Dvořák", "Çelik", "Nguyễn",
                 "Rodríguez", "Ibáñez", "Góra"]
OFFICERS = ["Smith", "Reyes", "Thompson", "Kowalczyk", "Baker", "Chang", "Olsen", "Duarte", "Harris", "Quinn"]
OFFICER_TITLES = ["Officer", "Ofc.", "Sgt.", "Det.", "Deputy", "Cpl."]
STREETS = ["Main", "Oak", "Maple", "Cedar", "Elm", "Pine", "Washington", "Lake", "Hill", "Sunset", "Park",
           "Jefferson", "Lincoln", "Willow", "Chestnut", "River", "Highland", "5th", "21st", "3rd", "Old Mill",
           "Martin Luther King Jr", "Cesar Chavez"]
SUFFIXES = [("St", "Street"), ("Ave", "Avenue"), ("Rd", "Road"), ("Blvd", "Boulevard"), ("Dr", "Drive"),
            ("Ln", "Lane"), ("Ct", "Court"), ("Way", "Way"), ("Pl", "Place")]
UNITS = ["Apt", "Apt.", "Unit", "#", "Suite", "Apartment"]
DIRS = [("N", "North"), ("S", "South"), ("E", "East"), ("W", "West")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MAKES = ["Honda Civic", "Toyota Camry", "Ford F-150", "Chevrolet Malibu", "Nissan Altima", "Jeep Cherokee"]
COLORS = ["white", "black", "silver", "blue", "red", "gray"]
EMAIL_DOMAINS = ["example.com", "example.org", "mail.example.net"]

ENTITY_TYPES = ("PERSON", "ADDRESS", "DATE_OF_BIRTH", "PHONE", "SSN", "DRIVER_LICENSE", "PLATE", "VIN", "EMAIL",
                "ID")


def strip_accents(text: str) -> str:
    """``text`` as an ASCII-only records system stores it ("Ramírez" -> "Ramirez", "Łukasz" -> "Lukasz")."""
    text = text.translate({ord("ł"): "l", ord("Ł"): "L", ord("ø"): "o", ord("Ø"): "O"})
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class EvalItem:
    """One labeled narrative."""

    text: str
    spans: list[tuple[int, int, str]]
    record_values: dict[str, list[str]] = field(default_factory=dict)
    caps: bool = False  # the whole narrative is in capitals


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[tuple[int, int, str]] = []

    def add(self, s: str, entity: str | None = None) -> None:
        if entity:
            self.spans.append((self.pos, self.pos + len(s), entity))
        self.parts.append(s)
        self.pos += len(s)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Person:
    first: str
    middle: str
    last: str

    def full(self) -> str:
        return f"{self.first} {self.last}"


class _Gen:
    def __init__(self, seed: int, officers_public: bool) -> None:
        self.r = random.Random(seed)
        self.officers_public = officers_public

    # values ---------------------------------------------------------------------------------------
    def person(self) -> _Person:
        r = self.r
        accented = r.random() < 0.25
        first = r.choice(FIRST_ACCENTED if accented and r.random() < 0.7 else FIRST)
        last = r.choice(LAST_ACCENTED if accented else LAST)
        return _Person(first, r.choice("ABCDEFGHJKLMNPRSTW"), last)

    def name_mention(self, p: _Person, first_mention: bool) -> str:
        r = self.r
        forms = [p.full(), p.full().upper(), f"{p.last}, {p.first}", f"{p.last.upper()}, {p.first.upper()}",
                 f"{p.first} {p.middle}. {p.last}", f"{p.last.upper()}, {p.first.upper()} {p.middle}"]
        if not first_mention:
            forms += [p.last, p.last.upper(), p.first]
        return r.choice(forms)

    def address(self) -> tuple[str, str]:
        """(record form, narrative form) of one street address with a house number."""
        r = self.r
        num = str(r.randint(1, 19999))
        d = r.choice(DIRS) if r.random() < 0.3 else None
        street = r.choice(STREETS)
        suf = r.choice(SUFFIXES)
        unit = (r.choice(UNITS), str(r.randint(1, 40)) + r.choice(["", "", "B"])) if r.random() < 0.4 else None
        rec = " ".join([num] + ([d[0]] if d else []) + [street, suf[0]] + ([f"Apt {unit[1]}"] if unit else []))
        words = [num] + ([r.choice(d)] if d else []) + [street, r.choice(suf)]
        text = " ".join(words)
        if unit:
            text += (", " if r.random() < 0.5 else " ") + (f"#{unit[1]}" if unit[0] == "#" else f"{unit[0]} {unit[1]}")
        if r.random() < 0.2:
            text = text.upper()
        return rec, text

    def phone(self) -> tuple[str, str]:
        r = self.r
        a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
        rec = f"{a}{b}{c:04d}"
        text = r.choice([f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"{a} {b} {c:04d}",
                         f"+1 {a} {b} {c:04d}", f"1-{a}-{b}-{c:04d}"])
        return rec, text

    def ssn(self) -> tuple[str, str]:
        r = self.r
        a, g, s = r.randint(1, 665), r.randint(1, 99), r.randint(1, 9999)
        return f"{a:03d}-{g:02d}-{s:04d}", r.choice([f"{a:03d}-{g:02d}-{s:04d}", f"{a:03d} {g:02d} {s:04d}"])

    def dob(self) -> tuple[str, str]:
        r = self.r
        y, m, d = r.randint(1940, 2008), r.randint(1, 12), r.randint(1, 28)
        rec = f"{y:04d}-{m:02d}-{d:02d}"
        text = r.choice([f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100:02d}", rec, f"{MONTHS[m - 1]} {d}, {y}",
                         f"{m}-{d}-{y}", f"{d} {MONTHS[m - 1]} {y}"])
        return rec, text

    def dl(self) -> str:
        r = self.r
        return r.choice([r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + str(r.randint(1000000, 9999999)),
                         str(r.randint(100000000, 999999999)), f"{r.choice('ABCDSW')}{r.randint(100, 999)}-"
                         f"{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"])

    def plate(self) -> str:
        r = self.r
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return r.choice([f"{r.randint(1, 9)}{''.join(r.choices(letters, k=3))}{r.randint(100, 999)}",
                         f"{''.join(r.choices(letters, k=3))}-{r.randint(1000, 9999)}",
                         f"{''.join(r.choices(letters, k=3))} {r.randint(100, 999)}"])

    def vin(self) -> str:
        r = self.r
        chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        v = list("".join(r.choices(chars, k=17)))
        v[8] = "0"
        v[8] = vin_check_digit("".join(v))
        return "".join(v)

    def email(self, p: _Person) -> str:
        r = self.r
        local = r.choice([f"{p.first}.{p.last}", f"{p.first[0]}{p.last}{r.randint(1, 99)}", f"{p.last}{r.randint(70, 99)}"])
        local = "".join(c for c in local if c.isalnum() or c == ".").lower()
        return f"{local}@{r.choice(EMAIL_DOMAINS)}"

    def extras(self, b: _Builder, rv: dict[str, list[str]], subj: _Person, other: _Person) -> None:
        """Identifiers beyond name, address, phone and birth date (plate, VIN, licence, SSN, e-mail, a second
        address and phone), each by chance, some held in the record (`rv`) and some not."""
        r = self.r
        if r.random() < 0.5:
            plate = self.plate()
            rv["PLATE"] = [plate] if r.random() < 0.6 else []
            b.add(f"Vehicle: {r.choice(COLORS)} {r.choice(MAKES)}, " + r.choice(["plate ", "CA plate ", "tag ", "LP# "]))
            b.add(plate, "PLATE")
            b.add(". ")
        if r.random() < 0.3:
            vin = self.vin()
            rv["VIN"] = [vin] if r.random() < 0.5 else []
            b.add("VIN ")
            b.add(vin, "VIN")
            b.add(". ")
        if r.random() < 0.4:
            dl = self.dl()
            rv["DRIVER_LICENSE"] = [dl] if r.random() < 0.6 else []
            b.add(r.choice(["DL# ", "OLN ", "Driver's license number ", "DL "]))
            b.add(dl, "DRIVER_LICENSE")
            b.add(". ")
        if r.random() < 0.25:
            rec_ssn, ssn_text = self.ssn()
            rv["SSN"] = [rec_ssn] if r.random() < 0.5 else []
            b.add(r.choice(["SSN ", "Social security number ", "SSN: "]))
            b.add(ssn_text, "SSN")
            b.add(". ")
        if r.random() < 0.3:
            em = self.email(subj)
            rv["EMAIL"] = [em] if r.random() < 0.5 else []
            b.add(r.choice(["Email: ", "Subject provided email ", "Contact via "]))
            b.add(em, "EMAIL")
            b.add(". ")
        if r.random() < 0.3:
            # A second address not in the record.
            _, a2 = self.address()
            b.add(self.name_mention(other, False), "PERSON")
            b.add(r.choice([" resides at ", " lives at ", "'s address is "]))
            b.add(a2, "ADDRESS")
            b.add(". ")
        if r.random() < 0.3:
            p2, ph2 = self.phone()
            b.add(r.choice(["Witness phone ", "Contact number for victim: "]))
            b.add(ph2, "PHONE")
            b.add(". ")

    # narrative ------------------------------------------------------------------------------------
    def item(self) -> EvalItem:
        r = self.r
        b = _Builder()
        subj = self.person()
        other = self.person()
        officer = r.choice(OFFICERS)
        title = r.choice(OFFICER_TITLES)
        rec_addr, addr_text = self.address()
        rec_phone, phone_text = self.phone()
        rec_dob, dob_text = self.dob()
        rec_name = f"{subj.first} {subj.middle} {subj.last}"
        if r.random() < 0.4:  # many records systems store names without accents
            rec_name = strip_accents(rec_name)
        rv: dict[str, list[str]] = {"PERSON": [rec_name], "ADDRESS": [rec_addr],
                                    "PHONE": [rec_phone], "DATE_OF_BIRTH": [rec_dob]}
        year, serial = r.randint(2019, 2025), r.randint(0, 999999)
        case_no = f"{year}-{serial:06d}"
        case_in_record = r.random() < 0.5
        if case_in_record:  # the agency's case number, as the record stores it
            rv["ID"] = [r.choice([case_no, f"{year}{serial:06d}", f"RPD-{year}-{serial:06d}"])]
            if rv["ID"][0].startswith("RPD"):
                case_no = rv["ID"][0]
        time = f"{r.randint(0, 23):02d}{r.choice(['00', '15', '30', '45'])} hrs"
        block = f"{r.randint(1, 99) * 100} block of {r.choice(STREETS)} {r.choice(SUFFIXES)[0]}"

        def off() -> None:
            b.add(title + " ")
            b.add(officer, None if self.officers_public else "PERSON")

        b.add("Case ")
        b.add(case_no, "ID")  # another record's case number links two records: redacted too
        b.add(f". On {r.randint(1, 12)}/{r.randint(1, 28)}/{r.randint(2020, 2025)} at {time} ")
        off()
        b.add(" responded to the ")
        b.add(block, "ADDRESS")  # a hundred block narrows a home down to a few houses
        b.add(" " + r.choice(["for a disturbance", "regarding a theft report", "for a welfare check",
                              "on a 10-4 traffic stop"]) + ". ")
        b.add(r.choice(["Contacted ", "Made contact with ", "R/P ", "Subject ", "Spoke with "]))
        b.add(self.name_mention(subj, True), "PERSON")
        opener, closer = r.choice([(" (DOB ", ") "), (", DOB: ", ", "), (", born ", ", "), (" DOB ", " ")])
        b.add(opener)
        b.add(dob_text, "DATE_OF_BIRTH")
        b.add(closer + r.choice(["who lives at ", "of ", "residing at ", "home address "]))
        b.add(addr_text, "ADDRESS")
        b.add(". " + r.choice(["Callback number ", "Phone: ", "Reached at ", "Cell "]))
        b.add(phone_text, "PHONE")
        b.add(". ")
        # A second person, not in the record: with a cue, or bare (NER's job).
        cue = r.choice(["Witness ", "Victim ", "Complainant ", "Mr. " if r.random() < 0.5 else "Ms. ",
                        "The neighbor, ", "", ""])
        b.add(cue if cue else r.choice(["Later ", "Dispatch advised that ", "Also present was "]))
        b.add(self.name_mention(other, True), "PERSON")
        b.add(r.choice([" stated ", " told ", " advised "]))
        if r.random() < 0.5:
            b.add(self.name_mention(subj, False), "PERSON")
        else:
            b.add("officers")
        b.add(r.choice([" that the vehicle left on ", " that the suspect ran toward ", " about noise near "]))
        b.add(r.choice(["Elm Ave and 5th St", "Martin Luther King Jr Blvd", "Main St and Oak Ave",
                        "the intersection of Cedar Rd and 3rd St"]) + ". ")
        self.extras(b, rv, subj, other)  # extra identifiers, some from the record, some not
        b.add(r.choice(["Unit 12 cleared", "Code 4", "Report to follow", "Units cleared 10-8",
                        "Referred to Det. Bureau", "No further action"]) + f" at {time}. ")
        if r.random() < 0.4:
            b.add(r.choice(["V/ ph ", "V/ PH ", "R/P phone "]))
            b.add(phone_text, "PHONE")
            b.add(". " + r.choice(["No suspect information at this time. ", "V/ identified S1 as unknown male. ",
                                   "Approx time of loss unknown. ", "Photos taken and uploaded. "]))
        b.add(f"Units assisted: {r.randint(2, 40)} and {r.randint(41, 99)}.")
        text = b.text()
        caps = r.random() < 0.25
        if caps and len(text.upper()) == len(text):  # an old RMS terminal: everything in capitals
            text = text.upper()
        else:
            caps = False
        return EvalItem(text, b.spans, {k: v for k, v in rv.items() if v}, caps)


def generate(n: int = 500, seed: int = 20240611, *, officers_public: bool = False) -> list[EvalItem]:
    """``n`` labeled narratives; the same (n, seed, officers_public) always gives the same items."""
    g = _Gen(seed, officers_public)
    return [g.item() for _ in range(n)]


def score(items: list[EvalItem], predicted: list[list[tuple[int, int, str]]],
          *, coverage: float = 0.9) -> dict[str, dict[str, float]]:
    """Per entity type precision / recall / counts.

    A gold span is recalled when predicted spans of the same type cover at least ``coverage`` of its
    alphanumeric characters (a half-redacted name is a leak). A predicted span is correct when it
    overlaps a gold span of the same type.
    """
    stats = {e: {"tp_gold": 0, "gold": 0, "tp_pred": 0, "pred": 0} for e in ENTITY_TYPES}
    for item, pred in zip(items, predicted, strict=True):
        for gs, ge, gt in item.spans:
            stats[gt]["gold"] += 1
            chars = [i for i in range(gs, ge) if item.text[i].isalnum()]
            covered = sum(1 for i in chars if any(ps <= i < pe and pt == gt for ps, pe, pt in pred))
            if chars and covered / len(chars) >= coverage:
                stats[gt]["tp_gold"] += 1
        for ps, pe, pt in pred:
            if pt not in stats:
                continue
            stats[pt]["pred"] += 1
            if any(ps < ge and gs < pe and gt == pt for gs, ge, gt in item.spans):
                stats[pt]["tp_pred"] += 1
    out = {}
    for e, s in stats.items():
        out[e] = {
            "precision": s["tp_pred"] / s["pred"] if s["pred"] else float("nan"),
            "recall": s["tp_gold"] / s["gold"] if s["gold"] else float("nan"),
            "gold": s["gold"],
            "predicted": s["pred"],
        }
    return out
