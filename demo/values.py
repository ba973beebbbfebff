"""Fictional but realistic values: dates in agency formats, phones, VINs with a valid check digit, plates,
streets, and the forms a value takes when written (for the planted-value lists)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

import numpy as np

# Records span 18 months so the records-per-month chart has a shape.
PERIOD_START = date(2023, 7, 1)


PERIOD_DAYS = (date(2024, 12, 31) - PERIOD_START).days + 1


FIXED_TIMESTAMP = datetime(2025, 1, 1, 0, 0, 0)  # XLSX document properties and zip entry times


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


