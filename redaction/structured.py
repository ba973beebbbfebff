"""Structured treatments: vectorized functions on pandas Series, one per policy treatment.

Each function takes standardized (private) values and returns public values. None of them logs or raises with a
value in the message.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

PART_OF_DAY = np.array(["night"] * 6 + ["morning"] * 6 + ["afternoon"] * 6 + ["evening"] * 6, dtype=object)


def pseudonym(values: pd.Series, key: bytes, prefix: str, scope: pd.Series | None = None) -> pd.Series:
    """Keyed pseudonym: `<prefix>_` + the first 16 hex digits of HMAC-SHA256(key, "<prefix>:<value>").

    Values are trimmed and upper-cased first, so "a-12" and " A-12" share a pseudonym. The same key gives the
    same pseudonym in every release; without the key nobody can recompute it from a guessed value. The prefix
    is part of the message, so one badge number gets unrelated pseudonyms in unrelated columns. With `scope`
    (e.g. the agency), the message is "<prefix>:<scope>:<value>": badge 4117 of two agencies are two people, and
    get two pseudonyms.
    """
    if not key:
        raise ValueError("a non-empty pseudonym key is required")
    norm = values.astype("string").str.strip().str.upper()
    if scope is not None:
        sc = scope.astype("string").str.strip().str.upper().fillna("")
        norm = (sc + ":" + norm).where(norm.notna())
    uniq = norm.dropna().unique()
    table = {  # hmac.digest: the one-shot C path (3x hmac.new(...).hexdigest()), the same bytes
        u: f"{prefix}_" + hmac.digest(key, f"{prefix}:{u}".encode(), hashlib.sha256)[:8].hex() for u in uniq
    }
    return norm.map(table, na_action="ignore").astype("string")


def coarsen_date(dt: pd.Series, to: str = "day") -> pd.Series:
    """Datetime -> ISO day (YYYY-MM-DD), ISO week (YYYY-Www), month (YYYY-MM), quarter (YYYY-Qn) or year."""
    dt = pd.to_datetime(dt, errors="coerce")
    if to == "day":
        out = dt.dt.strftime("%Y-%m-%d")
    elif to == "week":
        iso = dt.dt.isocalendar()
        out = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    elif to == "month":
        out = dt.dt.strftime("%Y-%m")
    elif to == "quarter":
        out = dt.dt.year.astype("Int64").astype("string") + "-Q" + dt.dt.quarter.astype("Int64").astype("string")
    elif to == "year":
        out = dt.dt.strftime("%Y")
    else:
        raise ValueError(f"unknown date level {to!r}")
    return out.astype("string").where(dt.notna())


def coarsen_time(dt: pd.Series, to: str = "hour") -> pd.Series:
    """Datetime -> "HH:00", four-hour block "HH:00-HH:59", or part of day (night/morning/afternoon/evening)."""
    dt = pd.to_datetime(dt, errors="coerce")
    hour = dt.dt.hour
    ok = hour.notna()
    h = hour.fillna(0).astype(int).to_numpy()
    if to not in ("hour", "4h", "part_of_day"):
        raise ValueError(f"unknown time level {to!r}")
    if not len(h):  # numpy's string functions reduce over the array: no rows, nothing to format
        return pd.Series([], index=dt.index, dtype="string")
    if to == "hour":
        vals = np.char.add(np.char.zfill(h.astype(str), 2), ":00")
    elif to == "4h":
        start = (h // 4) * 4
        vals = np.char.add(
            np.char.add(np.char.zfill(start.astype(str), 2), ":00-"),
            np.char.add(np.char.zfill((start + 3).astype(str), 2), ":59"),
        )
    elif to == "part_of_day":
        vals = PART_OF_DAY[h]
    else:
        raise ValueError(f"unknown time level {to!r}")
    return pd.Series(vals, index=dt.index, dtype="string").where(ok)


_UNIT = re.compile(r"(?:,?\s+(?:APT|APARTMENT|UNIT|STE|SUITE|RM|ROOM|FL|FLOOR|LOT|BLDG)\.?\s*#?\s*\w+|\s*#\s*\w+)\s*$", re.I)
_HOUSE = re.compile(r"^\s*(\d{1,6})[A-Z]?(?:\s*-\s*\d+)?\s+(.+?)\s*$", re.I)
_INTERSECTION = re.compile(r"\s(?:&&?|AND|AT|@)\s|[A-Z.]\s*/\s*[A-Z0-9]", re.I)  # not "123 1/2 MAIN ST"
_CITY_TAIL = re.compile(r",.*$")
_NOTE_TAIL = re.compile(r"\s*;.*$")  # "123 MAIN ST; plate ABC123": a note typed after the address
_QUEENS = re.compile(r"^\s*(\d{1,3})-\d{2}[A-Z]?\s+(.+?)\s*$", re.I)  # "133-50 125 ST": block 133, house 50
_STREET_TYPE = re.compile(
    r"^(?:AVE|AVENUE|ST|STREET|RD|ROAD|PL|PLACE|DR|DRIVE|BLVD|TER|TERRACE|LN|LANE|WAY|CT|COURT|HWY|PKWY)\.?$", re.I
)


def hundred_block(addresses: pd.Series) -> pd.Series:
    """Street address -> "4500 block of ELM AVE"; unit numbers and city/ZIP tails removed.

    Intersections ("ELM AVE & 5TH ST", "3 AVE && E 103 ST", "STANTON ST/ RUSSELL ST") are kept as written
    (upper-cased). Queens-style numbers ("133-50 125 ST") keep their block part ("133-00 block of 125 ST"). A number
    followed only by a street type ("3 AVE") is a street name, not a house. Notes typed after a ";" are removed.
    An address without a house number is not a point: it is kept as its street name. Empty stays null.
    """
    s = addresses.astype("string").str.upper().str.strip()
    s = s.str.replace(_NOTE_TAIL, "", regex=True)
    s = s.str.replace(_CITY_TAIL, "", regex=True)
    s = s.str.replace(_UNIT, "", regex=True).str.replace(r"\s+", " ", regex=True).str.strip()
    parts = s.str.extract(_HOUSE)
    num = pd.to_numeric(parts[0], errors="coerce")
    num = num.where(~parts[1].str.match(_STREET_TYPE).fillna(False).astype(bool))
    block = (num // 100 * 100).astype("Int64").astype("string")
    with_number = block + " block of " + parts[1]
    queens = s.str.extract(_QUEENS)
    with_number = with_number.where(queens[0].isna(), queens[0] + "-00 block of " + queens[1])
    is_inter = s.str.contains(_INTERSECTION, na=False)
    out = s.where(is_inter | num.isna(), with_number)
    return out.mask(out.eq("")).astype("string")


def age_years(dob: pd.Series, at: pd.Series) -> pd.Series:
    """Whole years between date of birth and the event date (null if either is missing or dob is later)."""
    dob = pd.to_datetime(dob, errors="coerce")
    at = pd.to_datetime(at, errors="coerce")
    years = at.dt.year - dob.dt.year
    before_birthday = (at.dt.month < dob.dt.month) | ((at.dt.month == dob.dt.month) & (at.dt.day < dob.dt.day))
    years = years - before_birthday.astype("Int64")
    return years.where((years >= 0) & (years < 120)).astype("Int64")


_GROUP = re.compile(r"^\s*(\d+)\s*(?:-|to)\s*(\d+)\s*$", re.I)
_GROUP_PLUS = re.compile(r"^\s*(\d+)\s*(?:\+|and\s+(?:above|over|older)|or\s+older)\s*$", re.I)


def normalize_age_group(groups: pd.Series) -> pd.Series:
    """An agency's own age band ("26 - 35", "56 and Above") -> "26-35", "56+"; anything else -> null."""
    s = groups.astype("string")
    a = s.str.extract(_GROUP)
    b = s.str.extract(_GROUP_PLUS)
    out = (a[0] + "-" + a[1]).where(a[0].notna())
    out = out.where(out.notna(), b[0] + "+")
    return out.astype("string")


def age_band(
    dob: pd.Series | None = None,
    at: pd.Series | None = None,
    age: pd.Series | None = None,
    group: pd.Series | None = None,
    *,
    index: pd.Index | None = None,
) -> pd.Series:
    """Age band from (in order of preference) date of birth at the event date, a recorded age, an agency band."""
    from redaction.sdc import age_band as band_of  # one banding scheme, shared with disclosure control

    idx = index if index is not None else next(x.index for x in (dob, at, age, group) if x is not None)
    years = pd.Series(pd.NA, index=idx, dtype="Int64")
    if dob is not None and at is not None:
        years = age_years(dob, at)
    if age is not None:
        a = pd.to_numeric(age, errors="coerce").astype("Int64")
        a = a.where((a > 0) & (a < 120))
        years = years.where(years.notna(), a)
    out = band_of(years, "5y").astype("string").where(years.notna())
    if group is not None:
        out = out.where(out.notna(), normalize_age_group(group))
    return out.astype("string")


def round_coordinates(values: pd.Series, digits: int = 3) -> pd.Series:
    """Round latitude/longitude (3 digits ~ 110 m)."""
    return pd.to_numeric(values, errors="coerce").round(digits)


def first_present(series: Sequence[pd.Series]) -> pd.Series:
    """Row-wise first non-null value across several Series."""
    out = series[0].astype("string")
    for s in series[1:]:
        out = out.where(out.notna(), s.astype("string"))
    return out
