"""Deterministic synthetic agency exports for demos, tests and benchmarks.

Three fictional agencies export the three datasets in the shapes real agencies use:

| file | agency | format | timestamps | names |
|---|---|---|---|---|
| ``rivertown_stops.csv`` | Rivertown Police Department | CSV, cp1252, CRLF | ``MM/DD/YYYY`` + ``hh:mm AM`` | ALL CAPS, split last/first |
| ``lakeview_stops.jsonl`` | Lakeview County Sheriff's Office | JSON Lines | ISO 8601 | mixed case, split |
| ``rivertown_incidents.csv`` | Rivertown Police Department | CSV, UTF-8 with BOM | ``MM/DD/YYYY hh:mm AM`` | ``LAST, FIRST`` caps |
| ``harbor_city_incidents.xlsx`` | Harbor City Police Department | XLSX, sheet ``Incidents`` | Excel datetimes | ``Last, First`` |
| ``lakeview_complaints.jsonl`` | Lakeview County Sheriff's Office | JSON Lines | ISO 8601 | mixed case, split |
| ``harbor_city_complaints.csv`` | Harbor City Police Department | CSV, UTF-8 | ``M/D/YYYY h:mm:ss AM`` | ``LAST, First`` |

Every personal value is fictional but realistic: names of many origins, dates of birth, home addresses with
unit numbers, phones in several formats, e-mails on reserved ``example.*`` domains, structurally valid SSNs
(random), driver's licence numbers, plates, VINs with a valid check digit, officer names and badges. Incident
narratives and complaint summaries mention the record's own people, places and numbers the way officers
write them (a share of Rivertown narratives in ALL CAPS, as typed on old terminals; Rivertown incidents also
name a witness who has no standardized column, so only the text redactor can find them).
:func:`planted_values` returns every planted value as written, for no-leak tests.

``rows`` is per file; ~100k rows of one source take ~5-15 s (XLSX is streamed: ~370 MB peak at 100k rows).

Same ``rows``, ``seed`` and ``bad_rows`` -> byte-identical files. Run ``python -m pipelines.samplegen --out DIR``.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "EXPORTS",
    "ExportSpec",
    "SampleFile",
    "SampleSet",
    "generate",
    "generate_samples",
    "planted_values",
    "vin_check_digit",
]

# Records span 18 months so the records-per-month chart has a shape.
PERIOD_START = date(2023, 7, 1)
PERIOD_DAYS = (date(2024, 12, 31) - PERIOD_START).days + 1
FIXED_TIMESTAMP = datetime(2025, 1, 1, 0, 0, 0)  # XLSX document properties and zip entry times

# --------------------------------------------------------------------------------------------- name pools
# (female given names, male given names, surnames, weight). Fictional combinations of common names.
_ORIGINS: dict[str, tuple[list[str], list[str], list[str], float]] = {
    "anglo": (
        ["Emily", "Sarah", "Jessica", "Ashley", "Megan", "Rebecca", "Hannah", "Katherine", "Brittany", "Amanda"],
        ["Michael", "Christopher", "Matthew", "Joshua", "Tyler", "Andrew", "Ryan", "Brandon", "Kyle", "Dustin"],
        ["Smith", "Johnson", "Miller", "Davis", "Anderson", "Thompson", "Harris", "O'Brien", "McCarthy",
         "Sullivan", "Whitaker", "Holloway", "Pritchard", "Caldwell", "Donnelly"],
        0.24,
    ),
    "hispanic": (
        ["María", "Guadalupe", "Ximena", "Sofía", "Alejandra", "Yesenia", "Rosa", "María José", "Leticia"],
        ["José", "Juan Carlos", "Luis", "Jesús", "Alejandro", "Miguel Ángel", "Héctor", "Raúl", "Javier"],
        ["García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez",
         "Torres", "Muñoz", "Ortiz", "Castañeda", "Villarreal"],
        0.18,
    ),
    "african_american": (
        ["Keisha", "Latoya", "Aaliyah", "Imani", "Ebony", "Shanice", "Tamika", "Jasmine", "Nia"],
        ["DeShawn", "Jamal", "Darnell", "Tyrone", "Malik", "Terrence", "Marquis", "Andre", "Jalen"],
        ["Robinson", "Freeman", "Banks", "Booker", "Coleman", "Dorsey", "Gaines", "Mack", "Pettaway",
         "Whitfield"],
        0.16,
    ),
    "vietnamese": (
        ["Thi Lan", "Mai", "Huong", "Thao", "Linh", "Ngoc Anh", "Trang"],
        ["Van Minh", "Duc", "Tuan", "Quang", "Thanh Long", "Hieu", "Khoa"],
        ["Nguyen", "Tran", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Huynh"],
        0.05,
    ),
    "chinese": (
        ["Wei", "Fang", "Xiuying", "Jing", "Mei Ling", "Yan"],
        ["Jian", "Hao", "Lei", "Jun", "Zhiwei", "Ming"],
        ["Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Xu"],
        0.04,
    ),
    "korean": (
        ["Ji-woo", "Seo-yeon", "Min-ji", "Hye-jin", "Soo-ah"],
        ["Min-jun", "Seo-jun", "Ji-hoon", "Dong-hyun", "Sung-min"],
        ["Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang"],
        0.03,
    ),
    "indian": (
        ["Priya", "Ananya", "Lakshmi", "Deepa", "Kavya", "Sunita"],
        ["Arjun", "Rahul", "Vikram", "Sanjay", "Aditya", "Rajesh"],
        ["Patel", "Sharma", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Desai"],
        0.04,
    ),
    "arabic": (
        ["Fatima", "Layla", "Noor", "Aisha", "Mariam", "Rania"],
        ["Omar", "Khalid", "Youssef", "Ahmed", "Tariq", "Karim"],
        ["Haddad", "Al-Sayed", "Mansour", "Khalil", "Nasser", "Abdullah", "Saleh", "Boutros"],
        0.04,
    ),
    "somali": (
        ["Hodan", "Ayaan", "Faadumo", "Hibo", "Sahra", "Ubah"],
        ["Abdirahman", "Liban", "Mahad", "Guled", "Abdiwali", "Bashir"],
        ["Warsame", "Abdi", "Farah", "Osman", "Jama", "Hirsi", "Egal", "Dahir"],
        0.03,
    ),
    "polish": (
        ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Ewa"],
        ["Piotr", "Krzysztof", "Tomasz", "Paweł", "Łukasz"],
        ["Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Dąbrowski"],
        0.03,
    ),
    "ukrainian": (
        ["Oksana", "Olena", "Iryna", "Yulia", "Nataliya"],
        ["Oleksandr", "Dmytro", "Andriy", "Serhiy", "Volodymyr"],
        ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Oliynyk", "Moroz"],
        0.03,
    ),
    "nigerian": (
        ["Chiamaka", "Ngozi", "Funmilayo", "Adaeze", "Oluwakemi", "Yetunde"],
        ["Chinedu", "Oluwaseun", "Emeka", "Babatunde", "Ikechukwu", "Adebayo"],
        ["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Oladipo", "Chukwu"],
        0.04,
    ),
    "filipino": (
        ["Maricel", "Jocelyn", "Rowena", "Kristine", "Lorna", "Marites"],
        ["Jomar", "Rodel", "Arnel", "Ronaldo", "Efren", "Jun-Jun"],
        ["Santos", "Reyes", "Bautista", "Dela Cruz", "Mendoza", "Villanueva", "Aquino", "Macaraeg"],
        0.04,
    ),
    "native_american": (
        ["Winona", "Shandiin", "Dyani", "Tallulah", "Nizhoni"],
        ["Ahiga", "Tahoma", "Kele", "Dakota", "Hiamovi"],
        ["Begay", "Yazzie", "Tsosie", "Benally", "Etsitty", "Two Bulls", "Harjo", "Long Soldier"],
        0.03,
    ),
}
_ORIGIN_NAMES = list(_ORIGINS)
_ORIGIN_P = np.array([_ORIGINS[o][3] for o in _ORIGIN_NAMES])
_ORIGIN_P = _ORIGIN_P / _ORIGIN_P.sum()
# The race an officer would most often record for a name of that origin (perception, not a fact).
_ORIGIN_RACE = {
    "anglo": "White", "hispanic": "Hispanic", "african_american": "Black", "vietnamese": "Asian",
    "chinese": "Asian", "korean": "Asian", "indian": "Asian", "arabic": "White", "somali": "Black",
    "polish": "White", "ukrainian": "White", "nigerian": "Black", "filipino": "Pacific Islander",
    "native_american": "Native American",
}

# Streets use trees, numbers and landmarks: none of them is also a surname in the pools above.
_STREETS = ["Elm", "Oak", "Maple", "Cedar", "Alder", "Birch", "Spruce", "Madrona", "Juniper", "Sycamore",
            "Hawthorn", "Larch", "Cottonwood", "Orchard", "Riverside", "Meridian", "Hillcrest", "Sunset",
            "Magnolia", "Chestnut", "3rd", "5th", "8th", "12th", "14th", "22nd", "35th", "41st", "Harbor View",
            "Lakeshore"]
_SUFFIX = ["St", "Ave", "Blvd", "Dr", "Ln", "Ct", "Way", "Pl", "Rd"]
_DIRS = ["", "", "", "N", "S", "E", "W", "NE", "NW", "SE", "SW"]
_CARS = [("Honda", "Civic"), ("Toyota", "Camry"), ("Ford", "F-150"), ("Chevrolet", "Malibu"),
         ("Nissan", "Altima"), ("Hyundai", "Elantra"), ("Subaru", "Outback"), ("Dodge", "Charger"),
         ("Kia", "Optima"), ("Jeep", "Cherokee"), ("Toyota", "Corolla"), ("Volkswagen", "Jetta")]
_COLORS = ["silver", "black", "white", "gray", "red", "blue", "green", "maroon", "gold", "tan"]
# World manufacturer identifiers (first 3 VIN characters), model-year codes
_WMI = ["1HG", "2T1", "1FA", "1G1", "1N4", "KMH", "4S3", "2C3", "KNA", "1C4", "JTD", "3VW"]
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # no I, O, Q
_VIN_YEAR = "DEFGHJKLMNPR"  # 2013..2024
_NONHEX = "GHJKLMNPRSTVWYZ"  # licence letters that cannot be read as hex
_AREA_CODES = ["206", "253", "360", "425", "503", "541", "971", "313", "248", "586", "734", "509"]
_EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com", "inbox.example.net"]

_VIN_TRANSLIT = {**{str(d): d for d in range(10)},
                 **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
                 **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]


def vin_check_digit(vin: str) -> str:
    """Return the ISO 3779 / NHTSA check character (position 9) for a 17-character VIN."""
    total = sum(_VIN_TRANSLIT[c] * w for c, w in zip(vin.upper(), _VIN_WEIGHTS, strict=True))
    r = total % 11
    return "X" if r == 10 else str(r)


# --------------------------------------------------------------------------------------------- helpers


@lru_cache(maxsize=65536)
def _smart_title(s: str) -> str:
    """How an officer types a name read from an ALL CAPS system: "MCCARTHY" -> "McCarthy"."""
    t = s.title()
    t = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), t)
    return re.sub(r"'([a-z])", lambda m: "'" + m.group(1).upper(), t)


_CP1252_FOLD = str.maketrans({"Ł": "L", "ł": "l", "ą": "a", "Ą": "A", "ę": "e", "Ę": "E", "ś": "s",
                              "Ś": "S", "ć": "c", "Ć": "C", "ń": "n", "Ń": "N", "ż": "z", "Ż": "Z",
                              "ź": "z", "Ź": "Z"})


def _cp1252(s: str) -> str:
    """Fold characters cp1252 cannot hold, the way an old records system does (Ł -> L); keep Ñ, É ..."""
    try:
        s.encode("cp1252")
        return s
    except UnicodeEncodeError:
        s = s.translate(_CP1252_FOLD)
        out = []
        for ch in s:
            try:
                ch.encode("cp1252")
                out.append(ch)
            except UnicodeEncodeError:
                out.extend(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        return "".join(out)


@lru_cache(maxsize=65536)
def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.translate(_CP1252_FOLD)) if not unicodedata.combining(c))


def _us_date(d: date, pad: bool = True) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}" if pad else f"{d.month}/{d.day}/{d.year}"


def _short_date(d: date) -> str:
    """3/14/87: how a DOB is often typed in a narrative."""
    return f"{d.month}/{d.day}/{d.year % 100:02d}"


def _us_time(dt: datetime, pad: bool = True, seconds: bool = False) -> str:
    h = dt.hour % 12 or 12
    ampm = "AM" if dt.hour < 12 else "PM"
    hh = f"{h:02d}" if pad else str(h)
    return f"{hh}:{dt.minute:02d}:{dt.second:02d} {ampm}" if seconds else f"{hh}:{dt.minute:02d} {ampm}"


def dob_forms(d: date) -> set[str]:
    """Every written form of a date of birth the generator uses (column or narrative)."""
    return {
        f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.month}/{d.day}/{d.year}",
        f"{d.month}/{d.day}/{d.year % 100:02d}",
        d.isoformat(),
    }


def phone_forms(digits: str) -> set[str]:
    """Every written form of a 10-digit phone number the generator uses."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return {f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}"}


@lru_cache(maxsize=65536)
def name_forms(first: str, last: str) -> frozenset[str]:
    """Every written form of a person's name the generator uses (columns and narratives)."""
    fu, lu = first.upper(), last.upper()
    ft, lt = _smart_title(first), _smart_title(last)
    forms = {
        f"{lu}, {fu}", f"{lu}, {ft}", f"{lt}, {ft}", f"{last}, {first}", f"{ft} {lt}", f"{first} {last}",
        f"{ft} {lu}", f"{fu} {lu}", f"V/{lu}", f"S/{lu}", f"W/{lu}", f"S1 {lu}", f"Ofc. {lu}",
        f"Dep. {lt}", f"Dep. {last}", f"Ofc. {lt}", f"CP {lu}", f"Mr. {lt}", f"Ms. {lt}", f"Mr. {last}",
        f"Ms. {last}", f"OFC. {lu}", f"P.O. {fu} {lu}", f"P.O. {first} {last}",
    }
    return frozenset(forms)


def address_forms(line: str) -> set[str]:
    """Written forms of a street address line (with house number)."""
    return {line, line.upper(), _smart_title(line)}


# --------------------------------------------------------------------------------------------- people


@dataclass
class _People:
    """A vector of fictional people (column arrays of length n)."""

    first: list[str]
    last: list[str]
    female: np.ndarray
    origin: list[str]
    race: list[str]
    dob: list[date]
    street: list[str]  # street address line with house number (and unit)
    zip5: list[str]
    phone: list[str]  # ten digits
    email: list[str]
    ssn: list[str]
    dl: list[str]


def _pick(rng: np.random.Generator, pool: Sequence[str], n: int) -> list[str]:
    idx = rng.integers(0, len(pool), n)
    return [pool[i] for i in idx]


def _street_names(rng: np.random.Generator, n: int) -> tuple[list[int], list[str]]:
    num = rng.integers(100, 9900, n)
    dirs = _pick(rng, _DIRS, n)
    st = _pick(rng, _STREETS, n)
    suf = _pick(rng, _SUFFIX, n)
    names = [f"{d} {s} {x}".strip() for d, s, x in zip(dirs, st, suf, strict=True)]
    return num.tolist(), names


def _char_strings(rng: np.random.Generator, alphabet: str, n: int, width: int) -> list[str]:
    """n random strings of `width` characters from `alphabet`, without a Python loop per character."""
    chars = np.array(list(alphabet), dtype="<U1")[rng.integers(0, len(alphabet), (n, width))]
    return np.ascontiguousarray(chars).view(f"<U{width}").ravel().tolist()


def _people(rng: np.random.Generator, n: int, age_lo: int, age_hi: int, at: Sequence[date]) -> _People:
    origin_idx = rng.choice(len(_ORIGIN_NAMES), size=n, p=_ORIGIN_P)
    female = rng.random(n) < 0.32
    fi = rng.integers(0, 1 << 30, n)
    li = rng.integers(0, 1 << 30, n)
    first, last, origin, race = [], [], [], []
    mixed = rng.random(n)
    for k in range(n):
        o = _ORIGIN_NAMES[origin_idx[k]]
        f_pool, m_pool, s_pool, _ = _ORIGINS[o]
        g = f_pool if female[k] else m_pool
        first.append(g[fi[k] % len(g)])
        sur = s_pool[li[k] % len(s_pool)]
        if o == "polish" and female[k] and sur.endswith("ski"):
            sur = sur[:-1] + "a"  # Wiśniewska
        last.append(sur)
        origin.append(o)
        race.append("Multiracial" if mixed[k] < 0.04 else _ORIGIN_RACE[o])
    ages = rng.integers(age_lo, age_hi + 1, n)
    extra = rng.integers(0, 365, n)
    dob = [date(a.year - int(y), a.month, min(a.day, 28)) - timedelta(days=int(e))
           for a, y, e in zip(at, ages, extra, strict=True)]
    num, names = _street_names(rng, n)
    unit_kind = rng.random(n)
    unit_no = rng.integers(1, 40, n)
    unit_letter = _pick(rng, "ABCDEF", n)
    street = []
    for k in range(n):
        line = f"{num[k]} {names[k]}"
        u = unit_kind[k]
        if u < 0.18:
            line += f" Apt {unit_no[k]}"
        elif u < 0.26:
            line += f" Unit {unit_letter[k]}"
        elif u < 0.32:
            line += f" #{unit_no[k]}"
        street.append(line)
    zip5 = [str(z) for z in rng.integers(97001, 98999, n)]
    ac = _pick(rng, _AREA_CODES, n)
    line_no = rng.integers(0, 100, n)
    # 555-01XX is reserved for fiction; use it for most numbers, other exchanges for the rest.
    exch = rng.integers(201, 989, n)
    use555 = rng.random(n) < 0.6
    sub = rng.integers(1000, 9999, n)
    phone = [f"{a}55501{ln:02d}" if f else f"{a}{e}{s}"
             for a, ln, f, e, s in zip(ac, line_no, use555, exch, sub, strict=True)]
    dom = _pick(rng, _EMAIL_DOMAINS, n)
    suffix = rng.integers(1, 99, n)
    style = rng.integers(0, 3, n)
    email = []
    for k in range(n):
        f, lname = _ascii(first[k]).lower().replace(" ", ""), _ascii(last[k]).lower().replace(" ", "")
        f, lname = re.sub(r"[^a-z]", "", f), re.sub(r"[^a-z]", "", lname)
        local = (f"{f}.{lname}", f"{f[0]}{lname}{suffix[k]}", f"{lname}{f}{dob[k].year % 100:02d}")[style[k]]
        email.append(f"{local}@{dom[k]}")
    area = rng.integers(1, 900, n)
    area = np.where(area == 666, 667, area)
    group = rng.integers(1, 100, n)
    serial = rng.integers(1, 10000, n)
    ssn = [f"{a:03d}-{g:02d}-{s:04d}" for a, g, s in zip(area, group, serial, strict=True)]
    dlk = rng.random(n)
    dln = rng.integers(0, 10**12, n, dtype=np.int64)
    dl_alnum = _char_strings(rng, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", n, 9)
    dl = []
    for k in range(n):
        if dlk[k] < 0.45:
            dl.append("WDL" + dl_alnum[k])  # Washington, 2018+ format
        elif dlk[k] < 0.75:
            d = f"{int(dln[k]):012d}"
            dl.append(f"{_ascii(last[k])[0].upper()} {d[:3]} {d[3:6]} {d[6:9]} {d[9:]}")  # Michigan
        else:
            dl.append(f"{dl_alnum[k][0] if dl_alnum[k][0] in _NONHEX else 'K'}{int(dln[k]) % 10**7:07d}")  # CA
    return _People(first, last, female, origin, race, dob, street, zip5, phone, email, ssn, dl)


@dataclass
class _Roster:
    """An agency's officers."""

    first: list[str]
    last: list[str]
    badge: list[str]
    race: list[str]
    female: np.ndarray
    unit: list[str]


def _roster(rng: np.random.Generator, size: int, units: Sequence[str], badge_lo: int) -> _Roster:
    at = [date(2024, 1, 1)] * size
    p = _people(rng, size, 23, 60, at)
    badges = rng.choice(np.arange(badge_lo, badge_lo + 4000), size=size, replace=False)
    return _Roster(p.first, p.last, [str(b) for b in badges], p.race, p.female, _pick(rng, units, size))


def _timestamps(rng: np.random.Generator, n: int) -> list[datetime]:
    """n sorted timestamps over the 18-month period, more in the evening, slightly more in summer."""
    day = rng.integers(0, PERIOD_DAYS, n * 2)
    month = [(PERIOD_START + timedelta(days=int(d))).month for d in day]
    keep = rng.random(n * 2) < np.array([0.8 if m in (6, 7, 8) else 0.6 for m in month])
    day = np.sort(day[keep][:n]) if keep.sum() >= n else np.sort(rng.integers(0, PERIOD_DAYS, n))
    hours_p = np.array([3, 2, 2, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 6, 6, 7, 7, 7, 7, 6, 6, 5, 4], dtype=float)
    hour = rng.choice(24, size=n, p=hours_p / hours_p.sum())
    minute = rng.integers(0, 60, n)
    return [datetime.combine(PERIOD_START + timedelta(days=int(d)), datetime.min.time())
            + timedelta(hours=int(h), minutes=int(m)) for d, h, m in zip(day, hour, minute, strict=True)]


def _vins(rng: np.random.Generator, n: int) -> list[str]:
    wmi = _pick(rng, _WMI, n)
    body = _char_strings(rng, _VIN_CHARS, n, 5)
    year = _pick(rng, _VIN_YEAR, n)
    plant = _pick(rng, "ABCDEFGHJKLMNPRSTUVWXYZ", n)
    serial = rng.integers(0, 10**6, n)
    out = []
    for k in range(n):
        partial = wmi[k] + body[k] + "0" + year[k] + plant[k] + f"{serial[k]:06d}"
        out.append(partial[:8] + vin_check_digit(partial) + partial[9:])
    return out


def _plates(rng: np.random.Generator, n: int, style: str) -> list[str]:
    letters = rng.integers(0, 26, (n, 3))
    digits = rng.integers(0, 10000, n)
    abc = [chr(65 + a) + chr(65 + b) + chr(65 + c) for a, b, c in letters]
    if style == "WA":
        return [f"{a}{d:04d}" for a, d in zip(abc, digits, strict=True)]
    if style == "OR":
        return [f"{d % 1000:03d} {a}" for a, d in zip(abc, digits, strict=True)]
    return [f"{a} {d:04d}" for a, d in zip(abc, digits, strict=True)]  # MI


def _fmt_phone(digits: str, style: int) -> str:
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return (f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}")[style % 5]


def _dl_state(dl: str) -> str:
    if not dl:
        return ""
    return "WA" if dl.startswith("WDL") else ("MI" if " " in dl else "CA")


def _bad_positions(n: int, bad_rows: int) -> list[int]:
    if bad_rows <= 0 or n == 0:
        return []
    bad_rows = min(bad_rows, n)
    return sorted({int(i) for i in np.linspace(n // (bad_rows + 1), n - 1, bad_rows)})


# --------------------------------------------------------------------------------------------- exports


@dataclass
class ExportSpec:
    """One synthetic export shape."""

    source: str  # source name in the dataset spec
    dataset: str
    agency: str
    filename: str
    format: str
    sheet: str | None = None
    pii_columns: tuple[str, ...] = ()  # columns whose every value is a planted personal value
    text_columns: tuple[str, ...] = ()  # free text that mentions the row's people


@dataclass
class SampleFile:
    """A generated export in memory: header, rows of cells, and what was planted."""

    spec: ExportSpec
    header: list[str]
    rows: list[list[Any]] = field(repr=False)
    planted: set[str] = field(default_factory=set, repr=False)
    bad_positions: list[int] = field(default_factory=list)  # 0-based record positions with a planted error


@dataclass
class SampleSet:
    """All generated exports of one run."""

    files: list[SampleFile]

    @property
    def planted(self) -> set[str]:
        out: set[str] = set()
        for f in self.files:
            out |= f.planted
        return out


def _plant(planted: set[str], *values: Any) -> None:
    """Add planted values: strings, or iterables of strings; None and blanks are skipped."""
    for v in values:
        if v is None:
            continue
        if isinstance(v, str):
            if v.strip():
                planted.add(v)
        else:
            planted.update(x for x in v if x and x.strip())


def _planted_forms_in(text: str, candidates: Iterable[str]) -> set[str]:
    return {c for c in candidates if c and c in text}


_RACE_RT = {"White": "W", "Black": "B", "Hispanic": "H", "Asian": "A", "Native American": "I",
            "Pacific Islander": "P", "Multiracial": "M", "Other": "O", "Unknown": "U"}


def _rivertown_stops(rng: np.random.Generator, n: int, bad: list[int]) -> SampleFile:
    spec = EXPORTS["rivertown_stops"]
    ts = _timestamps(rng, n)
    p = _people(rng, n, 15, 78, [t.date() for t in ts])
    ros = _roster(rng, 45, ["PATROL 1", "PATROL 2", "PATROL 3", "TRAFFIC"], 2000)
    oi = rng.integers(0, len(ros.badge), n)
    reason = rng.choice(["TRAF", "SUSP", "CFS", "WARR", "TERRY", "EQUIP", "OTH"], n,
                        p=[0.42, 0.16, 0.14, 0.04, 0.1, 0.1, 0.04])
    result = rng.choice(["ARR", "CIT", "WARN", "FI", "NA"], n, p=[0.1, 0.3, 0.3, 0.2, 0.1])
    frisk = rng.random(n) < 0.12
    search = rng.random(n) < 0.09
    num, names = _street_names(rng, n)
    beat = _pick(rng, [f"{d}{b}" for d in "NSEW" for b in "123"], n)
    district = [{"N": "NORTH", "S": "SOUTH", "E": "EAST", "W": "WEST"}[b[0]] for b in beat]
    plates = _plates(rng, n, "WA")
    vins = _vins(rng, n)
    has_phone = rng.random(n) < 0.55
    has_dl = rng.random(n) < 0.7
    has_ssn = rng.random(n) < 0.12
    pstyle = rng.integers(0, 3, n)
    sex_u = rng.random(n)
    header = ["STOP_NO", "STOP_DATE", "STOP_TIME", "LOCATION", "BEAT", "DISTRICT", "SUBJ_LAST", "SUBJ_FIRST",
              "SUBJ_DOB", "SUBJ_ADDR", "SUBJ_CITY", "SUBJ_ST", "SUBJ_ZIP", "SUBJ_PHONE", "SUBJ_SSN", "DL_NO",
              "DL_ST", "PLATE", "PLATE_ST", "VIN", "RACE", "SEX", "REASON", "RESULT", "FRISK", "SEARCH",
              "OFFICER", "BADGE"]
    rows: list[list[Any]] = []
    planted: set[str] = set()
    for k in range(n):
        t = ts[k]
        vehicle = reason[k] in ("TRAF", "EQUIP") or (reason[k] == "OTH" and k % 3 == 0)
        last, first = _cp1252(p.last[k].upper()), _cp1252(p.first[k].upper())
        street = _cp1252(p.street[k].upper())
        loc = f"{num[k]} {names[k]}".upper()
        phone = _fmt_phone(p.phone[k], int(pstyle[k])) if has_phone[k] else ""
        ssn = p.ssn[k] if has_ssn[k] else ""
        dl = p.dl[k] if (has_dl[k] or vehicle) and p.dl[k].startswith("WDL") else ("" if not vehicle else p.dl[k])
        o = int(oi[k])
        officer = f"{ros.last[o].upper()}, {ros.first[o].upper()}"
        officer = _cp1252(officer)
        sex = "U" if sex_u[k] < 0.01 else ("X" if sex_u[k] < 0.015 else ("F" if p.female[k] else "M"))
        row = [f"RS{t.year % 100:02d}-{k + 10001:06d}", _us_date(t.date()), _us_time(t), loc, beat[k],
               district[k], last, first, _us_date(p.dob[k]), street, "RIVERTOWN", "WA", p.zip5[k], phone, ssn,
               dl, _dl_state(dl), plates[k] if vehicle else "", "WA" if vehicle else "",
               vins[k] if vehicle else "", _RACE_RT[p.race[k]], sex, str(reason[k]), str(result[k]),
               "Y" if frisk[k] else "N", "Y" if search[k] else "N", officer, ros.badge[o]]
        rows.append(row)
        _plant(planted, f"{last}, {first}", _us_date(p.dob[k]), street, loc, phone, ssn, dl,
               row[17], row[19], officer)
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][1] = "13/32/" + rows[k][1][-4:]  # unparseable date
        else:
            rows[k][22] = "ZZZ"  # unknown reason code
    return SampleFile(spec, header, rows, planted, bad)


_RACE_LV = {"White": "White", "Black": "Black/African American", "Hispanic": "Hispanic/Latino",
            "Asian": "Asian", "Native American": "American Indian/Alaska Native",
            "Pacific Islander": "Native Hawaiian/Pacific Islander", "Multiracial": "Two or More Races",
            "Other": "Other", "Unknown": "Unknown"}


def _lakeview_stops(rng: np.random.Generator, n: int, bad: list[int]) -> SampleFile:
    spec = EXPORTS["lakeview_stops"]
    ts = _timestamps(rng, n)
    p = _people(rng, n, 15, 80, [t.date() for t in ts])
    ros = _roster(rng, 35, ["East County", "West County", "Traffic Safety"], 1000)
    oi = rng.integers(0, len(ros.badge), n)
    reasons = ["Moving Violation", "Equipment Violation", "Suspicious Activity", "Dispatched Call",
               "Warrant Service", "Investigative Detention", "Community Caretaking"]
    reason = rng.choice(reasons, n, p=[0.4, 0.12, 0.15, 0.15, 0.04, 0.1, 0.04])
    outcomes = ["Custodial Arrest", "Citation Issued", "Written Warning", "Verbal Warning", "Field Interview Card",
                "No Action Taken"]
    outcome = rng.choice(outcomes, n, p=[0.08, 0.3, 0.15, 0.17, 0.15, 0.15])
    frisk = rng.random(n) < 0.08
    search = rng.random(n) < 0.07
    num, names = _street_names(rng, n)
    zone = _pick(rng, [f"Z{i:02d}" for i in range(1, 19)], n)
    district = ["East County" if int(z[1:]) <= 9 else "West County" for z in zone]
    plates = _plates(rng, n, "OR")
    vins = _vins(rng, n)
    has_email = rng.random(n) < 0.25
    has_phone = rng.random(n) < 0.6
    pstyle = rng.integers(0, 5, n)
    age_known = rng.random(n) < 0.9
    header = ["stopId", "stopDateTime", "address", "zone", "district", "subjectFirstName", "subjectLastName",
              "subjectDOB", "subjectAge", "subjectHomeAddress", "subjectPhone", "subjectEmail", "driverLicense",
              "licensePlate", "vehicleVin", "race", "gender", "stopReason", "outcome", "frisked", "searched",
              "deputyName", "deputyId"]
    rows: list[list[Any]] = []
    planted: set[str] = set()
    for k in range(n):
        t = ts[k]
        vehicle = reason[k] in ("Moving Violation", "Equipment Violation")
        o = int(oi[k])
        deputy = f"{ros.first[o]} {ros.last[o]}"
        at = t.date()
        dob = p.dob[k]
        age = at.year - dob.year - ((at.month, at.day) < (dob.month, dob.day))
        home = f"{p.street[k]}, Lakeview, OR {p.zip5[k]}"
        loc = f"{num[k]} {names[k]}"
        phone = _fmt_phone(p.phone[k], int(pstyle[k])) if has_phone[k] else None
        email = p.email[k] if has_email[k] else None
        dl = p.dl[k] if vehicle else None
        gender = "Female" if p.female[k] else "Male"
        row = [f"LC-{t.year}-{k + 1:06d}", t.isoformat(timespec="seconds"), loc, zone[k], district[k], p.first[k],
               p.last[k], dob.isoformat() if age_known[k] else None, age, home, phone, email, dl,
               plates[k] if vehicle else None, vins[k] if vehicle else None, _RACE_LV[p.race[k]], gender,
               str(reason[k]), str(outcome[k]), bool(frisk[k]), bool(search[k]), deputy, ros.badge[o]]
        rows.append(row)
        _plant(planted, f"{p.first[k]} {p.last[k]}", row[7], home, p.street[k], loc, phone, email, dl, row[13],
               row[14], deputy)
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][1] = "2024-13-45T25:61:00"
        else:
            rows[k][15] = "Martian"
    return SampleFile(spec, header, rows, planted, bad)


# incidents -----------------------------------------------------------------------------------------

_OFFENSES_RT = ["ASLT", "BURG", "ROBB", "THFT", "MVT", "VAND", "NARC", "DIST", "FRAUD", "WEAP", "MISC"]
_OFFENSES_RT_P = [0.14, 0.1, 0.05, 0.24, 0.07, 0.1, 0.06, 0.1, 0.06, 0.03, 0.05]
_NIBRS = [("13A", "Aggravated Assault"), ("13B", "Simple Assault"), ("220", "Burglary/B&E"),
          ("120", "Robbery"), ("23H", "All Other Larceny"), ("23F", "Theft From Motor Vehicle"),
          ("240", "Motor Vehicle Theft"), ("290", "Destruction/Damage/Vandalism"),
          ("35A", "Drug/Narcotic Violations"), ("90C", "Disorderly Conduct"), ("26A", "False Pretenses/Swindle"),
          ("520", "Weapon Law Violations"), ("90Z", "All Other Offenses")]
_NIBRS_P = [0.05, 0.1, 0.1, 0.05, 0.15, 0.1, 0.07, 0.1, 0.06, 0.09, 0.06, 0.03, 0.04]
_STATUS_RT = ["OPEN", "CBA", "CNA", "UNF", "INACT"]
_STATUS_HC = ["Open", "Closed/Arrest", "Cleared-Exceptionally", "Unfounded", "Inactive", "Open - Pending"]


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _narrative(
    rng_vals: Sequence[int], *, v_name: str, v_last: str, v_pron: str, v_addr: str, v_dob: str, v_phone: str,
    s_name: str | None, s_last: str | None, s_dob: str | None, s_dl: str | None, s_ssn: str | None,
    car: str | None, plate: str | None, plate_st: str, vin: str | None, loc_block: str, loc_addr: str,
    officer: str, badge: str, w_name: str | None, w_phone: str | None, hhmm: str, offense_text: str,
) -> str:
    """An officer's narrative mentioning the record's people, places and numbers."""
    a, b, c, d = rng_vals
    parts = []
    opener = [
        f"On the above date at approx {hhmm} hrs R/O was dispatched to {loc_addr} reference {_a(offense_text)}.",
        f"R/O responded to the {loc_block} reference {_a(offense_text)} call. Arrived {hhmm} hrs.",
        f"At {hhmm} hrs I was dispatched to {_a(offense_text)} at {loc_addr}.",
    ][a % 3]
    parts.append(opener)
    contact = [
        f"R/O contacted V/{v_name} at {v_pron} residence {v_addr}.",
        f"Upon arrival I met with the victim, {v_name} (DOB {v_dob}), who lives at {v_addr}.",
        f"V/{v_name} (DOB {v_dob}) stated {'he' if v_pron == 'his' else 'she'} was at home at {v_addr} when it happened.",
    ][b % 3]
    parts.append(contact)
    if b % 3 == 0:
        parts.append(f"V/{v_last} provided DOB {v_dob} and can be reached at {v_phone}.")
    else:
        parts.append(f"V/ ph {v_phone}.")
    if s_name:
        s = [f"V/ identified S1 as {s_name}", f"S1 {s_name}", f"Suspect was later identified as {s_name}"][c % 3]
        if s_dob:
            s += f" (DOB {s_dob})"
        s += "."
        parts.append(s)
        if car and plate:
            parts.append(f"S1 fled in a {car}, {plate_st} plate {plate}, last seen at the {loc_block}.")
            if vin and d % 2 == 0:
                parts.append(f"Vehicle registered VIN {vin} per DOL.")
        if s_dl and d % 3 == 0:
            parts.append(f"Records check on S/{s_last} OLN {s_dl} returned valid.")
        if s_ssn and d % 4 == 1:
            parts.append(f"S1 SSN {s_ssn} per booking.")
    else:
        parts.append("No suspect information at this time.")
    if w_name:
        parts.append(f"W/{w_name} observed the incident and can be contacted at {w_phone}.")
    parts.append(f"Photos taken and uploaded. Case forwarded for follow-up. 10-4. {officer} #{badge}")
    return " ".join(parts)


def _rivertown_incidents(rng: np.random.Generator, n: int, bad: list[int]) -> SampleFile:
    spec = EXPORTS["rivertown_incidents"]
    ts = _timestamps(rng, n)
    at = [t.date() for t in ts]
    v = _people(rng, n, 16, 88, at)
    s = _people(rng, n, 15, 62, at)
    w = _people(rng, n, 18, 75, at)
    ros = _roster(rng, 45, ["PATROL 1", "PATROL 2", "PATROL 3"], 2000)
    oi = rng.integers(0, len(ros.badge), n)
    off = rng.choice(_OFFENSES_RT, n, p=_OFFENSES_RT_P)
    status = rng.choice(_STATUS_RT, n, p=[0.35, 0.25, 0.25, 0.05, 0.1])
    num, names = _street_names(rng, n)
    beat = _pick(rng, [f"{d}{b}" for d in "NSEW" for b in "123"], n)
    district = [{"N": "NORTH", "S": "SOUTH", "E": "EAST", "W": "WEST"}[b[0]] for b in beat]
    has_s = rng.random(n) < 0.55
    has_w = rng.random(n) < 0.2
    has_veh = rng.random(n) < 0.4
    has_email = rng.random(n) < 0.3
    cars = rng.integers(0, len(_CARS), n)
    colors = _pick(rng, _COLORS, n)
    plates = _plates(rng, n, "WA")
    vins = _vins(rng, n)
    nv = rng.integers(0, 1 << 30, (n, 4))
    pstyle = rng.integers(0, 5, n)
    caps = rng.random(n) < 0.3
    texts = {"ASLT": "assault", "BURG": "burglary", "ROBB": "robbery", "THFT": "theft", "MVT": "stolen vehicle",
             "VAND": "malicious mischief", "NARC": "narcotics complaint", "DIST": "disturbance",
             "FRAUD": "fraud", "WEAP": "weapons complaint", "MISC": "suspicious circumstance"}
    header = ["CASE_NO", "REPORTED_DT", "OFFENSE_CD", "INC_ADDR", "DISTRICT", "BEAT", "CASE_STATUS", "V_NAME",
              "V_DOB", "V_ADDR", "V_PHONE", "V_EMAIL", "S_NAME", "S_DOB", "S_ADDR", "S_SSN", "S_DL", "VEH_PLATE",
              "VEH_VIN", "W_NAME", "W_PHONE", "RPT_OFFICER", "BADGE_NO", "NARRATIVE"]
    rows: list[list[Any]] = []
    planted: set[str] = set()
    for k in range(n):
        t = ts[k]
        o = int(oi[k])
        vl, vf = v.last[k].upper(), v.first[k].upper()
        v_col = f"{vl}, {vf}"
        v_narr = f"{vl}, {_smart_title(v.first[k])}"
        v_addr = v.street[k].upper()
        v_phone = _fmt_phone(v.phone[k], int(pstyle[k]))
        v_phone_n = _fmt_phone(v.phone[k], int(pstyle[k]) + 1)
        loc = f"{num[k]} {names[k]}".upper()
        block = f"{num[k] // 100 * 100} block of {names[k].upper()}"
        sus = bool(has_s[k])
        s_col = f"{s.last[k].upper()}, {s.first[k].upper()}" if sus else ""
        s_narr = f"{s.last[k].upper()}, {_smart_title(s.first[k])}" if sus else None
        veh = sus and bool(has_veh[k])
        mk, md = _CARS[int(cars[k])]
        car = f"{colors[k]} {mk} {md}" if veh else None
        wit = bool(has_w[k])
        w_col = f"{w.last[k].upper()}, {w.first[k].upper()}" if wit else ""
        w_phone = _fmt_phone(w.phone[k], 1) if wit else ""
        officer = f"{ros.last[o].upper()}, {ros.first[o].upper()}"
        narrative = _narrative(
            nv[k].tolist(), v_name=v_narr, v_last=vl, v_pron="her" if v.female[k] else "his", v_addr=v_addr,
            v_dob=_short_date(v.dob[k]) if nv[k, 0] % 2 else _us_date(v.dob[k], pad=False), v_phone=v_phone_n, s_name=s_narr, s_last=s.last[k].upper(),
            s_dob=_us_date(s.dob[k]) if sus else None, s_dl=s.dl[k] if sus else None,
            s_ssn=s.ssn[k] if sus else None, car=car, plate=plates[k] if veh else None, plate_st="WA",
            vin=vins[k] if veh else None, loc_block=block, loc_addr=loc, officer=f"Ofc. {ros.last[o].upper()}",
            badge=ros.badge[o], w_name=w_col if wit else None, w_phone=w_phone, hhmm=f"{t.hour:02d}{t.minute:02d}",
            offense_text=texts[str(off[k])],
        )
        if caps[k]:
            narrative = narrative.upper()  # typed on an old RMS terminal
        row = [f"RPD{t.year % 100:02d}-{k + 4001:06d}", f"{_us_date(t.date())} {_us_time(t)}", str(off[k]), loc,
               district[k], beat[k], str(status[k]), v_col, _us_date(v.dob[k]), v_addr, v_phone,
               v.email[k] if has_email[k] else "", s_col, _us_date(s.dob[k]) if sus else "",
               s.street[k].upper() if sus else "", s.ssn[k] if sus else "", s.dl[k] if sus else "",
               plates[k] if veh else "", vins[k] if veh else "", w_col, w_phone, officer, ros.badge[o], narrative]
        rows.append(row)
        _plant(planted, *(row[i] for i in (3, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21)))
        _plant(planted, _planted_forms_in(narrative, name_forms(v.first[k], v.last[k])
                                          | dob_forms(v.dob[k]) | phone_forms(v.phone[k])))
        if sus:
            _plant(planted, _planted_forms_in(narrative, name_forms(s.first[k], s.last[k])))
        _plant(planted, _planted_forms_in(narrative, name_forms(ros.first[o], ros.last[o])))
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][1] = "02/30/2024 25:99 PM"
        else:
            rows[k][2] = "XXXX"
    return SampleFile(spec, header, rows, planted, bad)


def _harbor_city_incidents(rng: np.random.Generator, n: int, bad: list[int]) -> SampleFile:
    spec = EXPORTS["harbor_city_incidents"]
    ts = _timestamps(rng, n)
    at = [t.date() for t in ts]
    v = _people(rng, n, 16, 88, at)
    s = _people(rng, n, 15, 62, at)
    ros = _roster(rng, 60, ["2ND PRECINCT", "4TH PRECINCT", "7TH PRECINCT", "9TH PRECINCT"], 5000)
    oi = rng.integers(0, len(ros.badge), n)
    off = rng.choice(len(_NIBRS), n, p=_NIBRS_P)
    status = rng.choice(_STATUS_HC, n, p=[0.3, 0.25, 0.1, 0.05, 0.2, 0.1])
    num, names = _street_names(rng, n)
    precinct = _pick(rng, ["02", "04", "07", "09"], n)
    sca = rng.integers(1, 13, n)
    has_s = rng.random(n) < 0.45
    has_veh = rng.random(n) < 0.35
    has_email = rng.random(n) < 0.35
    cars = rng.integers(0, len(_CARS), n)
    colors = _pick(rng, _COLORS, n)
    plates = _plates(rng, n, "MI")
    vins = _vins(rng, n)
    nv = rng.integers(0, 1 << 30, (n, 4))
    pstyle = rng.integers(0, 5, n)
    header = ["Report Number", "Date Reported", "Offense Code", "Offense Description", "Address", "Precinct",
              "Scout Car Area", "Status", "Victim Name", "Victim DOB", "Victim Address", "Victim Phone",
              "Victim Email", "Suspect Name", "Suspect DOB", "Suspect Address", "Suspect SSN", "Suspect OLN",
              "Vehicle Plate", "Vehicle VIN", "Officer Name", "Badge", "Narrative"]
    rows: list[list[Any]] = []
    planted: set[str] = set()
    for k in range(n):
        t = ts[k]
        o = int(oi[k])
        code, desc = _NIBRS[int(off[k])]
        v_col = f"{v.last[k]}, {v.first[k]}"
        loc = f"{num[k]} {names[k]}"
        block = f"{num[k] // 100 * 100} block of {names[k]}"
        sus = bool(has_s[k])
        veh = sus and bool(has_veh[k])
        mk, md = _CARS[int(cars[k])]
        v_phone = _fmt_phone(v.phone[k], int(pstyle[k]))
        narrative = _narrative(
            nv[k].tolist(), v_name=f"{v.last[k].upper()}, {v.first[k]}", v_last=v.last[k].upper(),
            v_pron="her" if v.female[k] else "his", v_addr=v.street[k], v_dob=_us_date(v.dob[k]),
            v_phone=_fmt_phone(v.phone[k], int(pstyle[k]) + 2), s_name=f"{s.first[k]} {s.last[k]}" if sus else None,
            s_last=s.last[k].upper(), s_dob=_us_date(s.dob[k], pad=False) if sus else None,
            s_dl=s.dl[k] if sus else None, s_ssn=s.ssn[k] if sus else None,
            car=f"{colors[k]} {mk} {md}" if veh else None, plate=plates[k] if veh else None, plate_st="MI",
            vin=vins[k] if veh else None, loc_block=block, loc_addr=loc, officer=f"P.O. {ros.first[o]} {ros.last[o]}",
            badge=ros.badge[o], w_name=None, w_phone=None, hhmm=f"{t.hour:02d}{t.minute:02d}",
            offense_text=desc.lower(),
        )
        row = [f"{t.year % 100:02d}{t.month:02d}{k + 1:06d}", t, code, desc, loc, precinct[k], f"{precinct[k]}-{sca[k]}",
               str(status[k]), v_col, datetime.combine(v.dob[k], datetime.min.time()), v.street[k], v_phone,
               v.email[k] if has_email[k] else None, f"{s.last[k]}, {s.first[k]}" if sus else None,
               datetime.combine(s.dob[k], datetime.min.time()) if sus else None, s.street[k] if sus else None,
               s.ssn[k] if sus else None, s.dl[k] if sus else None, plates[k] if veh else None,
               vins[k] if veh else None, f"{ros.last[o]}, {ros.first[o]}", ros.badge[o], narrative]
        rows.append(row)
        _plant(planted, *(row[i] for i in (4, 8, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20)))
        _plant(planted, v.dob[k].isoformat())
        if sus:
            _plant(planted, s.dob[k].isoformat())
        _plant(planted, _planted_forms_in(narrative, name_forms(v.first[k], v.last[k])
                                          | dob_forms(v.dob[k]) | phone_forms(v.phone[k])
                                          | address_forms(v.street[k])))
        if sus:
            _plant(planted, _planted_forms_in(narrative, name_forms(s.first[k], s.last[k]) | dob_forms(s.dob[k])))
        _plant(planted, _planted_forms_in(narrative, name_forms(ros.first[o], ros.last[o])))
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][1] = "not recorded"
        else:
            rows[k][2] = "999"
    return SampleFile(spec, header, rows, planted, bad)


# complaints -----------------------------------------------------------------------------------------

_ALLEG_TEXT = {
    "Force": "used excessive force while handcuffing {pron}", "Arrest": "arrested {pron} without cause",
    "Search": "searched {pos} vehicle without consent", "Procedure": "failed to provide a report number",
    "Demeanor": "was rude and used profanity toward {pron}", "Property": "damaged {pos} phone during the stop",
    "Service": "did not respond to {pos} call for over two hours", "Harassment": "followed {pron} home twice",
    "Entry": "entered {pos} residence without a warrant", "Other": "posted about {pron} on social media",
}


def _summary(style: int, *, cp: str, cp_addr: str, cp_phone: str, cp_email: str | None, cp_dob: str | None,
             when: str, officer: str, badge: str, allegation: str, female: bool, unit: str) -> str:
    pron, pos = ("her", "her") if female else ("him", "his")
    act = _ALLEG_TEXT[allegation].format(pron=pron, pos=pos)
    contact = f"CP can be reached at {cp_phone}" + (f" or {cp_email}" if cp_email else "") + "."
    if style % 3 == 0:
        dob = f" (DOB {cp_dob})" if cp_dob else ""
        return (f"CP {cp}{dob} of {cp_addr} alleges that on {when} {officer} #{badge} of {unit} "
                f"{act}. {contact}")
    if style % 3 == 1:
        return (f"Complainant {cp} states {officer} (badge {badge}) {act} outside {pos} home at {cp_addr} "
                f"on {when}. {contact}")
    return f"{cp} called IA alleging {officer} {act}. Incident occurred {when} near {cp_addr}. {contact}"


_ALLEG_LV = {"Force": "Excessive Force", "Arrest": "Unlawful Arrest", "Search": "Improper Search",
             "Procedure": "Policy/Procedure Violation", "Demeanor": "Discourtesy", "Property": "Property Damage/Loss",
             "Service": "Neglect of Duty", "Harassment": "Harassment", "Entry": "Unlawful Entry",
             "Other": "Conduct Unbecoming"}
_ALLEG_HC = {"Force": "UOF", "Arrest": "ARR", "Search": "SRCH", "Procedure": "PROC", "Demeanor": "DEM",
             "Property": "PROP", "Service": "SVC", "Harassment": "HAR", "Entry": "ENT", "Other": "OTH"}
_ALLEG_P = [0.12, 0.08, 0.08, 0.25, 0.18, 0.06, 0.12, 0.05, 0.03, 0.03]
_FINDING_LV = ["Sustained", "Not Sustained", "Exonerated", "Unfounded", "Pending Investigation",
               "Administratively Closed", "Policy Failure"]
_FINDING_HC = ["SUS", "NS", "EXO", "UNF", "NC", "PEND", "AC", "OTH"]


def _complaint_rows(rng: np.random.Generator, n: int) -> tuple[list[int], list[int]]:
    """Group n allegation rows into complaints of 1-4 allegations: (complaint index per row, seq per row)."""
    sizes = rng.choice([1, 2, 3, 4], size=n, p=[0.55, 0.25, 0.12, 0.08])
    cidx: list[int] = []
    seq: list[int] = []
    c = 0
    for sz in sizes:
        for j in range(int(sz)):
            if len(cidx) >= n:
                break
            cidx.append(c)
            seq.append(j + 1)
        c += 1
        if len(cidx) >= n:
            break
    return cidx, seq


def _lakeview_complaints(rng: np.random.Generator, n: int, bad: list[int]) -> SampleFile:
    spec = EXPORTS["lakeview_complaints"]
    cidx, seq = _complaint_rows(rng, n)
    nc = (cidx[-1] + 1) if cidx else 0
    ts = _timestamps(rng, nc)
    at = [t.date() for t in ts]
    cp = _people(rng, nc, 17, 80, at)
    ros = _roster(rng, 35, ["Patrol - East County", "Patrol - West County", "Traffic Safety", "Jail Division",
                            "Investigations"], 1000)
    oi = rng.integers(0, len(ros.badge), n)
    alleg = rng.choice(list(_ALLEG_LV), n, p=_ALLEG_P)
    finding = rng.choice(_FINDING_LV, n, p=[0.14, 0.22, 0.16, 0.2, 0.14, 0.1, 0.04])
    intake = rng.choice(["WALK-IN", "PHONE", "EMAIL", "WEB", "MAIL", "REFERRAL", "OTHER"], nc,
                        p=[0.2, 0.3, 0.12, 0.25, 0.05, 0.05, 0.03])
    has_email = rng.random(nc) < 0.5
    style = rng.integers(0, 3, n)
    pstyle = rng.integers(0, 5, nc)
    header = ["complaintNo", "allegationId", "receivedAt", "intake", "complainantFirstName", "complainantLastName",
              "complainantDOB", "complainantHomeAddress", "complainantPhone", "complainantEmail", "complainantRace",
              "complainantGender", "allegationType", "disposition", "assignment", "deputyName", "deputyBadge",
              "deputyRace", "deputyGender", "summary"]
    rows: list[list[Any]] = []
    planted: set[str] = set()
    for k in range(n):
        c = cidx[k]
        t = ts[c]
        o = int(oi[k])
        deputy = f"Dep. {ros.first[o]} {ros.last[o]}"
        phone = _fmt_phone(cp.phone[c], int(pstyle[c]))
        email = cp.email[c] if has_email[c] else None
        cp_name = f"{cp.first[c]} {cp.last[c]}"
        summ = _summary(int(style[k]), cp=cp_name, cp_addr=cp.street[c], cp_phone=phone, cp_email=email,
                        cp_dob=cp.dob[c].isoformat(), when=t.date().isoformat(), officer=deputy,
                        badge=ros.badge[o], allegation=str(alleg[k]), female=bool(cp.female[c]), unit=ros.unit[o])
        cno = f"IA{t.year}-{c + 1:04d}"
        row = [cno, f"{cno}-{seq[k]:02d}", t.isoformat(timespec="seconds"), str(intake[c]), cp.first[c], cp.last[c],
               cp.dob[c].isoformat(), f"{cp.street[c]}, Lakeview, OR {cp.zip5[c]}", phone, email,
               _RACE_LV[cp.race[c]], "Female" if cp.female[c] else "Male", _ALLEG_LV[str(alleg[k])],
               str(finding[k]), ros.unit[o], f"{ros.first[o]} {ros.last[o]}", ros.badge[o], _RACE_LV[ros.race[o]],
               "Female" if ros.female[o] else "Male", summ]
        rows.append(row)
        _plant(planted, cp_name, row[6], row[7], cp.street[c], phone, email, row[15], deputy)
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][2] = "yesterday"
        else:
            rows[k][12] = "Jaywalking"
    return SampleFile(spec, header, rows, planted, bad)


def _harbor_city_complaints(rng: np.random.Generator, n: int, bad: list[int]) -> SampleFile:
    spec = EXPORTS["harbor_city_complaints"]
    cidx, seq = _complaint_rows(rng, n)
    nc = (cidx[-1] + 1) if cidx else 0
    ts = _timestamps(rng, nc)
    at = [t.date() for t in ts]
    cp = _people(rng, nc, 17, 80, at)
    ros = _roster(rng, 60, ["2ND PRECINCT", "4TH PRECINCT", "7TH PRECINCT", "9TH PRECINCT", "TRAFFIC ENFORCEMENT",
                            "DOWNTOWN SERVICES", "GANG INTELLIGENCE"], 5000)
    oi = rng.integers(0, len(ros.badge), n)
    alleg = rng.choice(list(_ALLEG_HC), n, p=_ALLEG_P)
    finding = rng.choice(_FINDING_HC, n, p=[0.12, 0.15, 0.14, 0.2, 0.2, 0.08, 0.08, 0.03])
    intake = rng.choice(["W", "T", "E", "O", "M", "X", "Z"], nc, p=[0.3, 0.35, 0.08, 0.15, 0.05, 0.05, 0.02])
    age_known = rng.random(nc) < 0.85
    dob_known = rng.random(nc) < 0.6
    has_email = rng.random(nc) < 0.4
    style = rng.integers(0, 3, n)
    pstyle = rng.integers(0, 5, nc)
    race_hc = {"White": "W", "Black": "B", "Hispanic": "H", "Asian": "A", "Native American": "I",
               "Pacific Islander": "P", "Multiracial": "M", "Other": "O", "Unknown": "U"}
    header = ["CCR No", "Allegation ID", "Date Received", "How Received", "Complainant", "Comp DOB", "Comp Age",
              "Comp Address", "Comp Phone", "Comp Email", "Comp Race", "Comp Sex", "Allegation", "Finding", "Unit",
              "Officer", "Badge", "Ofc Race", "Ofc Sex", "Allegation Summary"]
    rows: list[list[Any]] = []
    planted: set[str] = set()
    for k in range(n):
        c = cidx[k]
        t = ts[c]
        o = int(oi[k])
        phone = _fmt_phone(cp.phone[c], int(pstyle[c]))
        email = cp.email[c] if has_email[c] else ""
        cp_col = f"{cp.last[c].upper()}, {cp.first[c]}"
        at_d = t.date()
        dob = cp.dob[c]
        age = at_d.year - dob.year - ((at_d.month, at_d.day) < (dob.month, dob.day))
        officer_col = f"{ros.last[o].upper()}, {ros.first[o]}"
        summ = _summary(int(style[k]), cp=f"{cp.first[c]} {cp.last[c].upper()}", cp_addr=cp.street[c].upper(),
                        cp_phone=phone, cp_email=email or None,
                        cp_dob=_us_date(dob, pad=False) if dob_known[c] else None,
                        when=_us_date(at_d), officer=f"Ofc. {ros.last[o].upper()}", badge=ros.badge[o],
                        allegation=str(alleg[k]), female=bool(cp.female[c]), unit=ros.unit[o])
        row = [f"HC{t.year % 100:02d}-{c + 101}", f"HCA-{k + 100001}", f"{_us_date(at_d, pad=False)} "
               f"{_us_time(t, pad=False, seconds=True)}", str(intake[c]), cp_col,
               _us_date(dob) if dob_known[c] else "", str(age) if age_known[c] else "", cp.street[c].upper(), phone,
               email, race_hc[cp.race[c]], "F" if cp.female[c] else "M", _ALLEG_HC[str(alleg[k])], str(finding[k]),
               ros.unit[o], officer_col, ros.badge[o], race_hc[ros.race[o]], "F" if ros.female[o] else "M", summ]
        rows.append(row)
        _plant(planted, cp_col, row[5], row[7], phone, email, officer_col)
        _plant(planted, _planted_forms_in(summ, name_forms(cp.first[c], cp.last[c]) | dob_forms(dob)
                                          | address_forms(cp.street[c]) | name_forms(ros.first[o], ros.last[o])))
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][2] = "00/00/0000 0:00:00 AM"
        else:
            rows[k][13] = "MAYBE"
    return SampleFile(spec, header, rows, planted, bad)


# --------------------------------------------------------------------------------------------- registry

EXPORTS: dict[str, ExportSpec] = {
    s.source: s
    for s in [
        ExportSpec("rivertown_stops", "stops", "Rivertown Police Department", "rivertown_stops.csv", "csv",
                   pii_columns=("SUBJ_DOB", "SUBJ_ADDR", "SUBJ_PHONE", "SUBJ_SSN", "DL_NO", "PLATE", "VIN",
                                "OFFICER", "LOCATION")),
        ExportSpec("lakeview_stops", "stops", "Lakeview County Sheriff's Office", "lakeview_stops.jsonl", "jsonl",
                   pii_columns=("subjectDOB", "subjectHomeAddress", "subjectPhone", "subjectEmail",
                                "driverLicense", "licensePlate", "vehicleVin", "deputyName", "address")),
        ExportSpec("rivertown_incidents", "incidents", "Rivertown Police Department", "rivertown_incidents.csv",
                   "csv", pii_columns=("INC_ADDR", "V_NAME", "V_DOB", "V_ADDR", "V_PHONE", "V_EMAIL", "S_NAME",
                                       "S_DOB", "S_ADDR", "S_SSN", "S_DL", "VEH_PLATE", "VEH_VIN", "W_NAME",
                                       "W_PHONE", "RPT_OFFICER"),
                   text_columns=("NARRATIVE",)),
        ExportSpec("harbor_city_incidents", "incidents", "Harbor City Police Department",
                   "harbor_city_incidents.xlsx", "xlsx", sheet="Incidents",
                   pii_columns=("Address", "Victim Name", "Victim DOB", "Victim Address", "Victim Phone", "Victim Email",
                                "Suspect Name", "Suspect DOB", "Suspect Address", "Suspect SSN", "Suspect OLN", "Vehicle Plate",
                                "Vehicle VIN", "Officer Name"),
                   text_columns=("Narrative",)),
        ExportSpec("lakeview_complaints", "complaints", "Lakeview County Sheriff's Office",
                   "lakeview_complaints.jsonl", "jsonl",
                   pii_columns=("complainantDOB", "complainantHomeAddress", "complainantPhone", "complainantEmail",
                                "deputyName"),
                   text_columns=("summary",)),
        ExportSpec("harbor_city_complaints", "complaints", "Harbor City Police Department",
                   "harbor_city_complaints.csv", "csv",
                   pii_columns=("Complainant", "Comp DOB", "Comp Address", "Comp Phone", "Comp Email", "Officer"),
                   text_columns=("Allegation Summary",)),
    ]
}

_BUILDERS: dict[str, Callable[[np.random.Generator, int, list[int]], SampleFile]] = {
    "rivertown_stops": _rivertown_stops,
    "lakeview_stops": _lakeview_stops,
    "rivertown_incidents": _rivertown_incidents,
    "harbor_city_incidents": _harbor_city_incidents,
    "lakeview_complaints": _lakeview_complaints,
    "harbor_city_complaints": _harbor_city_complaints,
}


def generate_samples(*, rows: int = 500, seed: int = 7, bad_rows: int = 0,
                     sources: Iterable[str] | None = None) -> SampleSet:
    """Build every export in memory (no files). Each source gets its own stream derived from ``seed``."""
    if rows < 0 or bad_rows < 0:
        raise ValueError("rows and bad_rows must be >= 0")
    names = list(sources) if sources is not None else list(EXPORTS)
    unknown = sorted(set(names) - set(EXPORTS))
    if unknown:
        raise ValueError(f"unknown sample source(s): {unknown}")
    files = []
    for i, name in enumerate(EXPORTS):
        if name not in names:
            continue
        rng = np.random.default_rng([seed, i])
        files.append(_BUILDERS[name](rng, rows, _bad_positions(rows, bad_rows)))
    return SampleSet(files)


# --------------------------------------------------------------------------------------------- writers


def _write_csv(path: Path, f: SampleFile, encoding: str, newline: str) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(f.header)
    for r in f.rows:
        w.writerow(["" if c is None else c for c in r])
    path.write_bytes(buf.getvalue().encode(encoding))


def _write_jsonl(path: Path, f: SampleFile) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for r in f.rows:
            fh.write(json.dumps(dict(zip(f.header, r, strict=True)), ensure_ascii=False) + "\n")


_XLSX_DT_FMT = "mm/dd/yyyy hh:mm"
_XLSX_D_FMT = "mm/dd/yyyy"


def _write_xlsx(path: Path, f: SampleFile, sheet: str) -> None:
    """Write an XLSX: openpyxl writes the package (workbook, styles, properties); the rows are streamed.

    openpyxl's write-only mode runs at ~45k cells/s here, so the <sheetData> it would write (inline
    strings, date cells with a number format) is produced directly in the same form: ~20x faster at 100k rows.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(["probe", "probe"])
    probe = [WriteOnlyCell(ws, value=datetime(2000, 1, 1, 12, 0)), WriteOnlyCell(ws, value=datetime(2000, 1, 1))]
    probe[0].number_format = _XLSX_DT_FMT
    probe[1].number_format = _XLSX_D_FMT
    ws.append(probe)
    wb.properties.creator = f"{f.spec.agency} RMS"
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    buf = io.BytesIO()
    wb.save(buf)
    sheet_xml = zipfile.ZipFile(io.BytesIO(buf.getvalue())).read("xl/worksheets/sheet1.xml").decode("utf-8")
    styles = re.findall(r'<c r="[AB]2" s="(\d+)"', sheet_xml)
    if len(styles) != 2:  # pragma: no cover - openpyxl layout changed
        raise RuntimeError("unexpected openpyxl sheet layout")
    head, rest = sheet_xml.split("<sheetData>", 1)
    tail = rest.split("</sheetData>", 1)[1]

    def sheet_chunks() -> Iterator[bytes]:
        yield head.encode("utf-8")
        yield from _sheet_data(f.header, f.rows, styles[0], styles[1])
        yield tail.encode("utf-8")

    _deterministic_zip(buf.getvalue(), path, {"xl/worksheets/sheet1.xml": sheet_chunks})


def _sheet_data(header: list[str], rows: list[list[Any]], s_datetime: str, s_date: str) -> Iterator[bytes]:
    """The <sheetData> element in UTF-8 chunks of ~1,000 rows."""
    from xml.sax.saxutils import escape

    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    letters = [get_column_letter(i + 1) for i in range(len(header))]
    out = ["<sheetData>"]
    for r, cells in enumerate([header, *rows], start=1):
        if r % 1000 == 0:
            yield "".join(out).encode("utf-8")
            out.clear()
        out.append(f'<row r="{r}">')
        for letter, v in zip(letters, cells, strict=True):
            if v is None or v == "":
                continue
            ref = f"{letter}{r}"
            if isinstance(v, datetime):
                style = s_date if (v.hour, v.minute, v.second) == (0, 0, 0) else s_datetime
                out.append(f'<c r="{ref}" s="{style}" t="n"><v>{to_excel(v)}</v></c>')
            else:
                text = escape(ILLEGAL_CHARACTERS_RE.sub("", str(v)))
                space = ' xml:space="preserve"' if text != text.strip() else ""
                out.append(f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
        out.append("</row>")
    out.append("</sheetData>")
    yield "".join(out).encode("utf-8")


def _deterministic_zip(
    data: bytes, path: Path, replace: dict[str, Callable[[], Iterator[bytes]]] | None = None
) -> None:
    """Rewrite an XLSX with fixed entry times and document dates, so equal content gives equal bytes."""
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    with path.open("wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            stream = (replace or {}).get(info.filename)
            if stream is not None:
                with z.open(zi, "w", force_zip64=True) as entry:
                    for chunk in stream():
                        entry.write(chunk)
                continue
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            z.writestr(zi, content)


def write_file(f: SampleFile, out_dir: Path) -> Path:
    """Write one in-memory export in its agency's format; returns the path."""
    path = out_dir / f.spec.filename
    if f.spec.source == "rivertown_stops":
        _write_csv(path, f, "cp1252", "\r\n")
    elif f.spec.source == "rivertown_incidents":
        _write_csv(path, f, "utf-8-sig", "\r\n")
    elif f.spec.format == "csv":
        _write_csv(path, f, "utf-8", "\n")
    elif f.spec.format == "jsonl":
        _write_jsonl(path, f)
    elif f.spec.format == "xlsx":
        _write_xlsx(path, f, f.spec.sheet or "Sheet1")
    else:  # pragma: no cover - registry is fixed
        raise ValueError(f"unknown format {f.spec.format!r}")
    return path


def generate(
    out_dir: str | Path,
    *,
    rows: int = 500,
    seed: int = 7,
    bad_rows: int = 0,
    sources: Iterable[str] | None = None,
) -> list[Path]:
    """Write the six synthetic exports (``rows`` records each) into ``out_dir``; returns their paths.

    Deterministic: the same ``rows``, ``seed`` and ``bad_rows`` give byte-identical files (a source's file does
    not depend on which other sources are generated). ``bad_rows`` plants that many records per file with an
    unparseable date or an unknown code (alternately); 0 for demos. ``sources`` limits the output to some
    source names (keys of :data:`EXPORTS`), e.g. for a benchmark that needs one big file.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    samples = generate_samples(rows=rows, seed=seed, bad_rows=bad_rows, sources=sources)
    return [write_file(f, out) for f in samples.files]


# --------------------------------------------------------------------------------------------- planted values


def _read_rows(path: Path, spec: ExportSpec) -> tuple[list[str], list[list[str]]]:
    """Read a generated export back as strings with plain libraries (csv / json / openpyxl)."""
    if spec.format == "csv":
        raw = path.read_bytes()
        enc = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else ("utf-8" if _is_utf8(raw) else "cp1252")
        rows = list(csv.reader(io.StringIO(raw.decode(enc), newline="")))
        return rows[0], rows[1:]
    if spec.format == "jsonl":
        recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        header = list(recs[0]) if recs else list(EXPORTS_HEADERS.get(spec.source, []))
        return header, [["" if r.get(h) is None else str(r.get(h)) for h in header] for r in recs]
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    ws = wb[spec.sheet] if spec.sheet else wb.active
    it = ws.iter_rows(values_only=True)
    header = [str(h) for h in next(it)]
    out = []
    for r in it:
        out.append(["" if c is None else (c.date().isoformat() if isinstance(c, datetime) and
                                           (c.hour, c.minute) == (0, 0) else str(c)) for c in r])
    wb.close()
    return header, out


EXPORTS_HEADERS: dict[str, list[str]] = {}


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _split_name(value: str) -> tuple[str, str] | None:
    if ", " in value:
        last, first = value.split(", ", 1)
        return first, last
    return None


def _from_files(out_dir: Path) -> set[str]:
    """Recover planted values from generated files: PII column values plus their written forms in free text."""
    planted: set[str] = set()
    for spec in EXPORTS.values():
        path = out_dir / spec.filename
        if not path.exists():
            continue
        header, rows = _read_rows(path, spec)
        pos = {h: i for i, h in enumerate(header)}
        pii = [pos[c] for c in spec.pii_columns if c in pos]
        txt = [pos[c] for c in spec.text_columns if c in pos]
        firsts = [pos[c] for c in header if c.endswith(("FirstName", "_FIRST"))]
        lasts = [pos[c] for c in header if c.endswith(("LastName", "_LAST"))]
        for r in rows:
            vals = [r[i] for i in pii if r[i]]
            _plant(planted, vals)
            people: list[tuple[str, str]] = []
            for fi, li in zip(firsts, lasts, strict=True):
                if r[fi] and r[li]:
                    people.append((r[fi], r[li]))
                    _plant(planted, f"{r[li]}, {r[fi]}" if r[fi].isupper() else f"{r[fi]} {r[li]}")
            for v in vals:
                sp = _split_name(v)
                if sp and not any(ch.isdigit() for ch in v):
                    people.append(sp)
            if spec.source == "lakeview_stops" and r[pos["subjectHomeAddress"]]:
                _plant(planted, r[pos["subjectHomeAddress"]].split(",")[0])
            if spec.source == "lakeview_complaints":
                _plant(planted, r[pos["complainantHomeAddress"]].split(",")[0])
                dn = r[pos["deputyName"]]
                _plant(planted, f"Dep. {dn}")
            for ti in txt:
                text = r[ti]
                cands: set[str] = set()
                for first, last in people:
                    cands |= name_forms(first, last) | name_forms(_smart_title(first), _smart_title(last))
                for v in vals:
                    digits = re.sub(r"\D", "", v)
                    if len(digits) == 11 and digits.startswith("1") and v.startswith("+1"):
                        digits = digits[1:]
                    if len(digits) == 10 and not re.search(r"[A-Za-z]", v):
                        cands |= phone_forms(digits)
                    d = _parse_date(v)
                    if d:
                        cands |= dob_forms(d)
                    if re.match(r"^\d+ ", v):
                        cands |= address_forms(v.split(",")[0])
                _plant(planted, _planted_forms_in(text, cands))
    return planted


def _parse_date(v: str) -> date | None:
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    return None


def planted_values(source: str | Path | SampleSet) -> set[str]:
    """Every personal value planted in the exports, as written (names, DOBs, addresses, phones, e-mails,
    SSNs, licences, plates, VINs, officer names), in columns and in free text.

    ``source`` is a :class:`SampleSet` from :func:`generate_samples`, or a folder written by :func:`generate`
    (the values are then recovered from the files themselves). Bare surnames are not included; prefixed forms
    as officers write them are ("V/JOHNSON", "Ofc. SMITH").
    """
    if isinstance(source, SampleSet):
        return set(source.planted)
    return _from_files(Path(source))


# --------------------------------------------------------------------------------------------- CLI


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``python -m pipelines.samplegen --out DIR --rows N --seed S [--bad-rows K]``."""
    ap = argparse.ArgumentParser(prog="python -m pipelines.samplegen", description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="output folder (created)")
    ap.add_argument("--rows", type=int, default=500, help="records per export (default 500)")
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--bad-rows", type=int, default=0, help="records per export with a planted error")
    ap.add_argument("--source", action="append", choices=sorted(EXPORTS), help="only this source (repeatable)")
    args = ap.parse_args(argv)
    paths = generate(args.out, rows=args.rows, seed=args.seed, bad_rows=args.bad_rows, sources=args.source)
    for p in paths:
        print(p)  # noqa: T201 - CLI output
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
