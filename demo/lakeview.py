"""Lakeview County Sheriff's Office: stops and complaints (JSON Lines, ISO 8601, mixed-case split names)."""

from __future__ import annotations

from typing import Any

import numpy as np

from demo.exports import EXPORTS, SampleFile, _plant
from demo.people import _people, _roster
from demo.texts import _ALLEG_P, _complaint_rows, _summary
from demo.values import _fmt_phone, _pick, _plates, _street_names, _timestamps, _vins

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


_ALLEG_LV = {"Force": "Excessive Force", "Arrest": "Unlawful Arrest", "Search": "Improper Search",
             "Procedure": "Policy/Procedure Violation", "Demeanor": "Discourtesy", "Property": "Property Damage/Loss",
             "Service": "Neglect of Duty", "Harassment": "Harassment", "Entry": "Unlawful Entry",
             "Other": "Conduct Unbecoming"}


_FINDING_LV = ["Sustained", "Not Sustained", "Exonerated", "Unfounded", "Pending Investigation",
               "Administratively Closed", "Policy Failure"]


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


