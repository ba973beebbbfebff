"""Dev-only template families, written after the test split was frozen, by another hand.

They add shapes the nine families do not have (other alias cues, quoted nicknames, two-letter initials in
other places, ages and birth years in other spellings, case numbers without separators, badge numbers after
other cues), so that rules are developed on phenomena rather than on the nine families' strings. They are
generated into ``dev.jsonl`` only: every variant appears in dev, none in the frozen test split, and the test
split's records do not change (they are generated from the nine families alone).
"""

from __future__ import annotations

from benchmarks.narratives.families import Family

MEMO = Family(
    "iad_memo",
    "Internal-affairs intake memos by a second hand: initials in many places, descriptors, related case numbers.",
    (("mixed", 0.7), ("upper", 0.3)),
    {"c": "field", "o": "field", "o2": "text", "w": "text", "rel": "rel:c"},
    {"subject_name": ("c", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"),
     "case_number": ("record", "case")},
    ("YY-NNNN", "YYYY-NNNNN", "LYY-NNNNNN"),
    (
        "Intake: {c.ini2} ({c.demo2}) came to the front desk and said P.O. {o.ini2} (badge {o.badge}) took "
        "{c.his} phone. {c.ini2} was accompanied by {c.his} {rel.kin_parent} {rel.ini2}. Related file {case_other}.",
        "Memo re {case}. Det. {o2.ini} interviewed the complainant, {c.ini}, on {date}. {c.ini} said that "
        "[[Officer||Ofc.]] {o.ini2} #{o.badge} and a second officer stopped {c.him} on {street}; {o.ini2} "
        "[[denies||denied]] it. Witness {w.ini2} confirmed {c.ini}'s account.",
        "The complainant {c.ini2}, {c.demo2}, states that on {date} an officer identified only as {o.ini2} "
        "searched {c.his} car. According to {c.ini2}, {o.ini2} [[was||seemed]] angry. No record of case "
        "{case_ns} was found.",
        "{w.full} ({w.demo2}) reported that {c.full} was [[handcuffed||detained]] by Sgt. {o.last} #{o.badge}. "
        "{w.first} said {c.first} did nothing. Cross-reference: {case_other_ns}.",
        "COMPLAINANT {c.lf|up}, {c.demo2}, ALLEGES {o.rank} WAS RUDE. {c.ini2} STATES {c.his} "
        "{rel.kin_sibling} {rel.first} {rel.last} RECORDED IT. SEE {case}.",
        "A {c.demo2} complainant ({c.ini}) [[alleges||reports]] harassment by [[Officer||P/O]] {o.ini2} and "
        "Officer {o2.ini2}. {c.ini} [[named||identified]] {o2.ini2} from a photo array. Badge no. {o.badge}.",
    ),
    dev_only=True,
)

TIP = Family(
    "tip_line",
    "Anonymous tips and community messages by a second hand: aliases by many cues, nicknames, lower case.",
    (("lower", 0.4), ("mixed", 0.6)),
    {"s": "text", "v": "field", "f": "text", "n": "text", "k": "rel:v"},
    {"subject_name": ("v", "lf"), "phone": ("v", "phone"), "case_number": ("record", "case")},
    ("LYY-NNNNNN", "YY-NNNNNN"),
    (
        "tip: the guy who [[broke into||robbed]] {v.first}'s car is {s.aka2}. he [[stays||lives]] with {f.full} "
        "near {store}. {s.nick} drives a {car}.",
        "caller says {s.aka2} has been selling out of {n.full}'s garage on {street}. {n.first} is "
        "{s.demo2}[[? and scared of him]]. call back {v.phone_ns}",
        "i want to report {s.aka2}. {s.last} threatened my {k.kin_child} {k.first} at the bus stop. "
        "my number is {v.phone}",
        "anonymous: {s.full} ({s.demo2}) [[is hiding||hides]] a gun at {s.addr}. ask {f.first} {f.last} "
        "[[about it||who knows]]. ref {case_ns}",
        "Message from {v.full}: {s.aka2} [[keeps||kept]] calling me from {s.phone_ns}. {f.nick} saw "
        "{s.alias} outside my door [[last night||yesterday]].",
        "{v.first} {v.last} ({v.demo2}) says {s.first} \"{s.alias}\" {s.last} [[owes||took]] money. "
        "{s.alias} hangs out with {f.aka2} [[at||near]] {place}.",
    ),
    dev_only=True,
)

BOOKING = Family(
    "booking_sheet",
    "Booking and arrest narratives by a second hand: capitals, descriptors, badges after many cues, bare numbers.",
    (("upper", 0.6), ("mixed", 0.4)),
    {"s": "field", "o": "field", "o2": "text", "w": "text", "m": "text"},
    {"subject_name": ("s", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"), "dob": ("s", "dob"),
     "address": ("s", "addr"), "case_number": ("record", "case")},
    ("YYYYNNNNNNN", "YY-NNNNNN", "YYYY-NNNNNN"),
    (
        "ARRESTEE {s.lf} {s.demo2} BOOKED ON {case_ns}. ARRESTING OFFICER {o.lf} STAR {o.badge}. "
        "TRANSPORTED BY {o2.rank}. PROPERTY RELEASED TO {m.kin_parent} {m.full}.",
        "{s.full}, {s.demo2}, {s.addr}, WAS ARRESTED FOR {statute}. {s.last} HAD {s.dl} SUSPENDED. "
        "WITNESS {w.lf} ({w.demo2}) PHONE {w.phone_ns}.",
        "Booking narrative {case}: {o.rank} [[arrested||detained]] {s.aka2} at {s.block}. {s.first} "
        "[[refused||declined]] to give a statement. {m.full} [[posted bail||was notified]].",
        "S/ {s.ini2} {s.demo2}, DOB {s.dob}. ASSISTING: {o2.ini2} SERIAL {o2.badge}, {o.ini2} BADGE # {o.badge}. "
        "{s.ini2} COMPLAINED OF [[WRIST PAIN||NOTHING]].",
        "{o.rank} and {o2.rank} [[contacted||stopped]] {s.lfm} ({s.demo2}) on {street}. [[Subject||Subj]] "
        "gave the name {s.nick} at first. Mother {m.first} {m.last} {m.demo2} confirmed identity.",
        "CUSTODY: {s.lf} / {s.demo2} / {s.addr}. CHARGES PER {case}. PRIOR {case_other_ns}. "
        "OFFICER {o.last} ({o.badge}) WROTE REPORT.",
    ),
    dev_only=True,
)

STREET = Family(
    "street_intel",
    "Gang-unit and patrol intelligence notes by a third hand (after issue 15's first round): aliases by cues "
    "the other families lack, parenthesised and quoted nicknames, a nickname alone, lower case.",
    (("lower", 0.35), ("mixed", 0.45), ("upper", 0.2)),
    {"s": "text", "v": "field", "f": "text", "k": "rel:v"},
    {"subject_name": ("v", "lf"), "phone": ("v", "phone"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "LYY-NNNNNN"),
    (
        "intel: {s.full}, known on the street as {s.alias}, was seen with {f.full} near {store}. "
        "{s.alias} [[carries||may carry]] a blade. source: {v.first} {v.last}.",
        "{v.full} said the man who took [[her||his]] bike was {s.first} {s.last} (\"{s.alias}\"). "
        "{v.first} knows {s.alias} from {place}. ref {case}",
        "FI CARD: {s.lf}, STREET NAME {s.alias}, ASSOC {f.first} {f.last}. {s.alias} DENIED GANG TIES. "
        "RP {v.lf} TEL {v.phone_ns}.",
        "patrol note: {f.nick} told officers that {s.full} [[goes by||answers to]] {s.alias} and "
        "[[sleeps||stays]] at {s.addr}. {f.nick} asked not to be named. {case}",
        "Per {v.first}, {s.first} (aka {s.alias}) {s.last} threatened {k.kin_child} {k.first}. {s.alias} left "
        "in a {car}. Call {v.phone}.",
    ),
    dev_only=True,
)

ROSTER = Family(
    "gang_roster",
    "Gang-unit rosters and contact cards by a fourth hand (issue 15's second round, after the freeze): label: value "
    "lines, monikers from their own list, 'surname, given' in lower case, clipped nicknames alone, a brother or a "
    "parent who shares the subject's surname.",
    (("upper", 0.4), ("mixed", 0.4), ("lower", 0.2)),
    {"s": "text", "a": "text", "b": "rel:s", "v": "field", "o": "field"},
    {"victim_name": ("v", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"), "phone": ("v", "phone"),
     "case_number": ("record", "case")},
    ("YY-NNNNNN", "LYY-NNNNN"),
    (
        "ROSTER ENTRY | NAME: {s.lf} | MONIKER: {s.alias3} | DOB: {s.dob} | ASSOCIATES: {a.lf}; {b.full} ({s.his} "
        "{b.kin_sibling}) | ENTERED BY {o.rank}",
        "{s.last|lo}, {s.first|lo}, who [[everyone calls||they call]] {s.alias3}, was seen with {b.first} {b.last} on "
        "{street}. {s.alias3} and {b.first} share an address. rp: {v.lf}",
        "Subj {s.full} [[uses the street name||goes by the street name of||is also called]] \"{s.alias3}\". True name "
        "confirmed by {s.his} {b.kin_parent} {b.first} {b.last}. {s.nick2} was cooperative. Ofc. {o.last} #{o.badge}.",
        "{a.nick2} [[told||advised]] us that {s.first} ({s.alias3}) {s.last} [[sells||stashes]] at {store}. {a.nick2} "
        "is {a.demo2}. {s.last} denies it. callback {v.phone_ns}",
        "Contact card: {s.lf|up} AKA'S {s.alias3}, {s.nick2}. BRO {b.first|up} {b.last|up} ALSO PRESENT. ASSOC "
        "{a.last}, {a.first}. RP {v.lf} {v.phone}.",
        "per {v.first}: \"{s.alias3}\" is {s.first} {s.last}'s street name. {s.first} hangs with {a.first|lo} "
        "{a.last|lo}. {s.nick2} [[drives||has]] a {car}. {case}",
    ),
    genders=(("b", "m"),),
    dev_only=True,
)

NEIGHBOR = Family(
    "neighbor_msg",
    "Messages typed by neighbours, by a fourth hand: lower case, 'they call him X', 'real name', a clipped nickname "
    "as the subject, relatives named only in the text.",
    (("lower", 0.5), ("mixed", 0.5)),
    {"n": "text", "k": "rel:n", "v": "field", "p": "text"},
    {"victim_name": ("v", "lf"), "phone": ("v", "phone"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "YYYY-NNNNN"),
    (
        "hi this is {v.first|lo}. my neighbor {n.last|lo}, {n.first|lo} keeps parking in my spot, {n.his} "
        "{k.kin_child} {k.first|lo} too. they call {k.him} {k.alias3}. call me {v.phone_ns}",
        "{n.nick2} from upstairs (real name {n.first} {n.last}) [[threatened||yelled at]] my {p.kin_parent} "
        "{p.first}. {n.nick2} says {n.he} will be back.",
        "i think {n.first|lo} \"{n.alias3|lo}\" {n.last|lo} broke the window. {k.first} {k.last} saw it. ref {case}",
        "Re: noise. The [[guy||person]] in 4B, {n.full}, [[nicknamed||better known as]] {n.alias3}, plays music all "
        "night. {n.his} {k.kin_sibling} {k.first} said {n.alias3} was drunk.",
        "{v.full} reports that {n.last}, {n.first} and {k.first} {k.last} [[were fighting||argued]] outside. "
        "{n.nick2} [[left||ran off]] before units arrived.",
        "my [[cousin||ex]] {n.first|lo} (goes by {n.alias3|lo}) took my car again. {n.first|lo}'s {k.kin_parent} "
        "{k.first|lo} {k.last|lo} knows where {n.he} is. {v.phone}",
    ),
    dev_only=True,
)

DEV_FAMILIES: tuple[Family, ...] = (MEMO, TIP, BOOKING, STREET, ROSTER, NEIGHBOR)
