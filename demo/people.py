"""Fictional people of many origins (names, dates of birth, addresses, phones, e-mails, SSNs) and officer rosters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from demo.values import _AREA_CODES, _EMAIL_DOMAINS, _NONHEX, _ascii, _char_strings, _pick, _street_names

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


