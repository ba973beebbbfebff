"""Harbor City Police Department: incidents (XLSX, Excel datetimes) and complaints (CSV, UTF-8)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import numpy as np

from demo.exports import EXPORTS, SampleFile, _plant, _planted_forms_in
from demo.people import _people, _roster
from demo.texts import _ALLEG_P, _complaint_rows, _narrative, _summary
from demo.values import (
    _CARS,
    _COLORS,
    _fmt_phone,
    _pick,
    _plates,
    _street_names,
    _timestamps,
    _us_date,
    _us_time,
    _vins,
    address_forms,
    dob_forms,
    name_forms,
    phone_forms,
)

_NIBRS = [("13A", "Aggravated Assault"), ("13B", "Simple Assault"), ("220", "Burglary/B&E"),
          ("120", "Robbery"), ("23H", "All Other Larceny"), ("23F", "Theft From Motor Vehicle"),
          ("240", "Motor Vehicle Theft"), ("290", "Destruction/Damage/Vandalism"),
          ("35A", "Drug/Narcotic Violations"), ("90C", "Disorderly Conduct"), ("26A", "False Pretenses/Swindle"),
          ("520", "Weapon Law Violations"), ("90Z", "All Other Offenses")]


_NIBRS_P = [0.05, 0.1, 0.1, 0.05, 0.15, 0.1, 0.07, 0.1, 0.06, 0.09, 0.06, 0.03, 0.04]


_STATUS_HC = ["Open", "Closed/Arrest", "Cleared-Exceptionally", "Unfounded", "Inactive", "Open - Pending"]


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


_ALLEG_HC = {"Force": "UOF", "Arrest": "ARR", "Search": "SRCH", "Procedure": "PROC", "Demeanor": "DEM",
             "Property": "PROP", "Service": "SVC", "Harassment": "HAR", "Entry": "ENT", "Other": "OTH"}


_FINDING_HC = ["SUS", "NS", "EXO", "UNF", "NC", "PEND", "AC", "OTH"]


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


