"""Rivertown Police Department: stops (CSV, cp1252, CRLF, ALL CAPS names) and incidents (CSV, UTF-8 with BOM)."""

from __future__ import annotations

from typing import Any

import numpy as np

from demo.exports import EXPORTS, SampleFile, _plant, _planted_forms_in
from demo.people import _people, _roster
from demo.texts import _narrative
from demo.values import (
    _CARS,
    _COLORS,
    _cp1252,
    _dl_state,
    _fmt_phone,
    _pick,
    _plates,
    _short_date,
    _smart_title,
    _street_names,
    _timestamps,
    _us_date,
    _us_time,
    _vins,
    dob_forms,
    name_forms,
    phone_forms,
)

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


_OFFENSES_RT = ["ASLT", "BURG", "ROBB", "THFT", "MVT", "VAND", "NARC", "DIST", "FRAUD", "WEAP", "MISC"]


_OFFENSES_RT_P = [0.14, 0.1, 0.05, 0.24, 0.07, 0.1, 0.06, 0.1, 0.06, 0.03, 0.05]


_STATUS_RT = ["OPEN", "CBA", "CNA", "UNF", "INACT"]

_OFFENSE_TEXT_RT = {"ASLT": "assault", "BURG": "burglary", "ROBB": "robbery", "THFT": "theft", "MVT": "stolen vehicle",
                    "VAND": "malicious mischief", "NARC": "narcotics complaint", "DIST": "disturbance",
                    "FRAUD": "fraud", "WEAP": "weapons complaint", "MISC": "suspicious circumstance"}
_INCIDENT_HEADER_RT = ("CASE_NO", "REPORTED_DT", "OFFENSE_CD", "INC_ADDR", "DISTRICT", "BEAT", "CASE_STATUS",
                       "V_NAME", "V_DOB", "V_ADDR", "V_PHONE", "V_EMAIL", "S_NAME", "S_DOB", "S_ADDR", "S_SSN", "S_DL",
                       "VEH_PLATE", "VEH_VIN", "W_NAME", "W_PHONE", "RPT_OFFICER", "BADGE_NO", "NARRATIVE")


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
    texts = _OFFENSE_TEXT_RT
    header = list(_INCIDENT_HEADER_RT)
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
    _plant_bad_incidents(rows, bad)
    return SampleFile(spec, header, rows, planted, bad)


def _plant_bad_incidents(rows: list[list[Any]], bad: list[int]) -> None:
    """Planted errors: an impossible date and time, or an unknown offense code, in turn."""
    for i, k in enumerate(bad):
        if i % 2 == 0:
            rows[k][1] = "02/30/2024 25:99 PM"
        else:
            rows[k][2] = "XXXX"


