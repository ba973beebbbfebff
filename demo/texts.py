"""Narratives and complaint summaries that mention the record's own people, places and numbers as officers write them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


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


_ALLEG_P = [0.12, 0.08, 0.08, 0.25, 0.18, 0.06, 0.12, 0.05, 0.03, 0.03]


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


