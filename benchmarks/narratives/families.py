"""Template families of the narrative benchmark: nine writing styles, six variants each.

Variants 0-3 of every family appear in both splits; variants 4 and 5 appear only in the test split
(held-out templates). Each family says who its people are (``cast``: role -> kind), which of them and
which of their attributes are record fields (``fields``), how its case numbers look, and how likely each
casing of the whole record is.

Person roles used in templates: s subject/suspect, v victim, c complainant, o/o2/o3 officers, sup
supervisor, w witness, f/f2 friends, m mother, r roommate, n neighbour, n2 neighbour's relative,
rel/rel2 relatives sharing the victim's (or subject's, or caller's) surname, k/k2 children sharing it
too, rp reporting party, atty attorney.
"""

from __future__ import annotations

from dataclasses import dataclass

HELD_OUT_VARIANTS = (4, 5)


@dataclass(frozen=True)
class Family:
    """One writing style."""

    name: str
    description: str
    casing: tuple[tuple[str, float], ...]  # (upper|lower|mixed, weight)
    cast: dict[str, str]  # role -> "field" | "text" | "rel:<role>" (shares that role's surname, text only)
    fields: dict[str, tuple[str, str]]  # field name -> (role, attribute) or ("record", value key)
    case_formats: tuple[str, ...]
    variants: tuple[str, ...]
    genders: tuple[tuple[str, str], ...] = ()  # roles whose gender the templates fix ("her" for the victim)
    dev_only: bool = False  # a dev-only family (families_dev.py): all its variants in dev, none in test


# Case-number formats: Y = two-digit year, YYYY = year, N... = digits, L = letter.
RIPA = Family(
    "ripa_stop",
    "Officer-typed 'Reason for Stop' narratives (RIPA shape): terse, abbreviations, typos, mostly capitals.",
    (("upper", 0.55), ("mixed", 0.35), ("lower", 0.10)),
    {"s": "field", "o": "field", "rp": "text", "w": "text", "m": "text"},
    {"subject_name": ("s", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"), "dob": ("s", "dob"),
     "address": ("s", "addr"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "YYYY-NNNNNNNN"),
    (
        "[[VEH||VEHICLE||Veh]] {car} [[w/||with]] expired reg, plate {plate}. [[Driver||DRVR||Dvr]] {s.lf} "
        "{s.demo} [[w/ suspended DL||DL susp]] {s.dl}.[[? Cited under {statute}.]]",
        "RP {rp.full} [[called||cld]] re: subject matching desc[[, {s.demo},||]] [[casing cars||looking into "
        "parked cars]] near {store} on {street}.[[? RP callback {rp.phone_ns}.]] S1 detained, [[identified as||"
        "ID'd as]] {s.lf}, DOB {s.dob}. Probation search neg.",
        "Matched [[the ||]]description [[given by RP||provided by the RP]] ({race} {s.sexword}, {num}0s, [[blue "
        "plaid shirt||black hoodie]]). Subj {s.full} stated {s.he} was [[visiting||staying with]] {s.his} "
        "[[friend||cousin]] {w.first} at {s.addr}. Records check revealed {s.last} on probation [[for||4]] robbery.",
        "[[Ran red light||Failed to stop at limit line]] at {inter}. Driver {s.first} {s.last} ({s.age}) "
        "[[admitted||adm]] [[no license||unlic]]. Passenger {w.lf} [[had outstanding warrant||w/ warrant]] "
        "{case_other}. {o.rank} [[assisted||on scene]].",
        "Per {o.rank}, subj [[{s.nick}||{s.alias}]] known from prior contacts (prior case {case_other}) seen "
        "[[loitering||hanging out]] in front of {store}. Subj gave name {s.fml}, DOB {s.dob}, res {s.block}."
        "[[? Mother {m.full} resp to scene.]]",
        "{date} {time}: vehicle code viol {statute}; {car} plate {plate} RO {s.lfm}. [[Driver identified by "
        "CDL {s.dl} as||Driver was]] {s.full}.[[? Contacted RO by phone {s.phone}.]] Veh towed, owner {s.ttl} "
        "notified.",
    ),
)

PHILA = Family(
    "complaint_summary",
    "Internal-affairs complaint summaries in the Philadelphia shape: initials, NN/R/S descriptors, 'According'.",
    (("mixed", 0.8), ("upper", 0.2)),
    {"c": "field", "o": "field", "o2": "text", "w": "text", "m": "text", "rel": "rel:c"},
    {"subject_name": ("c", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"),
     "case_number": ("record", "case")},
    ("YY-NNNN", "YY-NNNNN"),
    (
        "The complainant, {c.ini}, {c.demo}, alleges that on {date} {c.she} was stopped [[by||by two]] officers "
        "[[in the||near the]] {c.block}. According to the complainant, P/O {o.ini2} #{o.badge} [[pushed||grabbed]] "
        "{c.him} and used profanity.[[? The complainant's {rel.kin_sibling}, {rel.ini}, witnessed the incident.]]",
        "Complainant {c.ini} ({c.demo}) states that Officer {o.ini2} and Officer {o2.ini2} entered {c.his} "
        "residence [[without a warrant||w/o warrant]] and damaged property. According to {c.ini}, the officers "
        "were looking for {c.his} {rel.kin_child}, {rel.ini}. This complaint is related to IAD #{case_other}.",
        "{c.ini}, a {c.age} year old {race} [[person||resident]], reported that {c.she} was assaulted by "
        "[[an||a plainclothes]] officer outside {store} on {street}.[[? According to witness {w.ini}, the "
        "officer, later identified as P/O {o.last} #{o.badge}, struck the complainant.]] The complainant was "
        "treated at {place}.",
        "IAD {case}: Complainant alleges [[that ||]]Sgt. {o.ini2} failed to take a report [[regarding||for]] a "
        "theft from {c.his} vehicle. The complainant further alleges that [[P/O||Officer]] {o2.last}, badge "
        "{o2.badge}, told {c.him} to \"go back to {place}\".",
        "Complainant ({c.demo}) alleges that on {date} at {time}, P/O {o.ini} and P/O {o2.ini} stopped {c.him} "
        "without cause near the {c.block}. The complainant's mother, {m.full}, arrived and was told to leave. "
        "According to the complainant, {o.ini} stated, \"[[We||I]] know who you are, {c.first}.\"",
        "On {date}, {c.ini2} (DOB {c.dob}) called [[Internal Affairs||IAD]] to report that [[Officer||PO]] "
        "{o.last} #{o.badge} threatened {c.him}.[[? See also {case_other}.]] {c.ini2} provided phone {c.phone}. "
        "According to records, {o.last} was assigned to the {dist}.",
    ),
)

VICTIM = Family(
    "victim_statement",
    "Victim statements, first and third person, with relatives who share the victim's surname.",
    (("mixed", 0.7), ("upper", 0.2), ("lower", 0.1)),
    {"v": "field", "s": "field", "rel": "rel:v", "rel2": "rel:v", "w": "text", "o": "field"},
    {"victim_name": ("v", "lf"), "subject_name": ("s", "lf"), "phone": ("v", "phone"), "dob": ("v", "dob"),
     "address": ("v", "addr"), "officer_name": ("o", "lf"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "LYY-NNNNNN"),
    (
        "The victim, {v.full}, stated that her {s.kin_ex} {s.full} forced entry into {v.addr} at {time}. "
        "{v.ttl} said that her [[{rel.kin_sibling}||cousin||{rel.kin_child}]] {rel.full} was present and tried to intervene. "
        "{rel.first} [[sustained||suffered]] a cut to the hand.",
        "V/ {v.lf|up} [[states||stated]] her estranged {rel.kin_spouse} {rel.full} [[showed up||came]] at her work "
        "({store}) and [[threatened||threatend]] her. V/ {v.last} [[has||says she has]] a restraining order, "
        "{case}. Her {rel2.kin_child} {rel2.full} ([[{rel2.age}||a minor]]) [[was with her||was also present]].",
        "I, {v.full}, [[was walking||walked]] home on {street} when someone I know as {s.alias} grabbed my "
        "purse. My [[{rel.kin_spouse}||partner]] {rel.full} chased him to {store}. You can reach me at {v.phone} or {v.email}."
        "[[? My date of birth is {v.dob}.]]",
        "VICTIM STATEMENT: {v.lf}. {v.ttl} reported that her {rel.kin_inlaw} {rel.full} took her car ({car}, "
        "plate {plate}) without permission. {v.first} and {rel.first} had argued earlier about money. "
        "{v.last} does not want to press charges against {rel.ttl}.",
        "Victim {v.full} ({v.demo}) [[reported||advised]] that her [[{rel.kin_nibling}||{rel.kin_grandchild}]], {rel.aka}, "
        "[[has been||was]] taking money from her account at {store}. {v.ttl} lives with her {rel2.kin_child} "
        "{rel2.full} at {v.addr}. {rel2.first} confirmed the account.",
        "per victim {v.first|lo} {v.last|lo}, her {rel.kin_parent} {rel.full} and {rel2.kin_aunt} "
        "{rel2.full} both [[hit||struck]] her during an argument at {v.block}. {v.first} [[was||is]] {v.age} "
        "yrs old.[[? She called her friend {w.full} ({w.phone_ns}) for a ride.]]",
    ),
    genders=(("v", "f"),),
)

DOMESTIC = Family(
    "domestic_incident",
    "Domestic incident reports naming third parties (mother, roommate, neighbour) only in the text.",
    (("mixed", 0.6), ("upper", 0.3), ("lower", 0.1)),
    {"v": "field", "s": "field", "o": "field", "m": "text", "r": "text", "n": "text"},
    {"victim_name": ("v", "lf"), "subject_name": ("s", "lf"), "officer_name": ("o", "lf"),
     "badge": ("o", "badge"), "address": ("s", "addr"), "phone": ("v", "phone"), "dob": ("v", "dob"),
     "case_number": ("record", "case")},
    ("YY-NNNNNN", "YYYY-NNNNNN"),
    (
        "[[Officers||Ofcs]] responded to {s.addr} for a [[domestic||DV]] disturbance. {v.full} stated that "
        "{s.full} [[pushed||shoved]] her [[into||against]] the wall. Her roommate {r.full} [[witnessed||saw]] "
        "the incident. The neighbour, {n.full}, [[called||phoned]] 911 from {n.phone}.",
        "R/P {n.full} (neighbor, {n.addr}) reported yelling from the apartment next door. On arrival, contact "
        "made with {s.lf}. {s.first} said {s.his} [[girlfriend||wife]] {v.first} [[threw||had thrown]] a plate. "
        "{v.ttl}'s mother, {m.full}, arrived and took the children to her home.",
        "{v.first} {v.last} [[told||advised]] [[me||officers]] that {s.first} had been drinking at {store}. "
        "[[She||The victim]] called her mom {m.first} {m.last} [[at||@]] {m.phone_ns} who [[confirmed||said]] "
        "{s.last} [[has a history of||has]] violence. {s.ttl} was [[arrested||taken into custody]] for PC 273.5.",
        "dv call. susp {s.full} left prior to arrival [[in a||driving a]] {car} [[plate||lic]] {plate}. victim "
        "{v.full}, dob {v.dob}, [[had redness||redness]] to left cheek. [[roommate||room mate]] {r.first} "
        "{r.last} [[states||stated]] {r.he} [[heard||herd]] them fighting. call back # {v.phone_ns}.",
        "Upon arrival I [[spoke with||contacted]] {v.fml}, who [[was crying||appeared upset]]. [[She||The "
        "victim]] said her {s.kin_partner} {s.aka} [[choked||strangled]] her [[for about||for]] ten seconds. Her "
        "neighbour {n.first} (last name unknown) let her use {n.his} phone.[[? Her mother {m.full} lives at "
        "{m.addr}.]] {s.last} [[fled||ran]] toward {street}.",
        "Victim's [[roommate||flatmate]] {r.full|lo} said {s.first|lo} [[kicked||broke]] the door of their unit "
        "at {v.addr}. {v.full} ({v.demo}) [[declined||refused]] medical. Her mother {m.full} was notified at "
        "{m.phone}. Neighbor {n.ttl} [[provided||gave]] a written statement.",
    ),
    genders=(("v", "f"),),
)

PUBLIC = Family(
    "public_report",
    "Reports typed by members of the public (online forms, texts): lower case, mixed case, no punctuation.",
    (("lower", 0.5), ("mixed", 0.5)),
    {"v": "field", "s": "text", "r": "text", "f": "text", "n": "text", "n2": "rel:n", "k": "rel:v",
     "k2": "rel:v"},
    {"subject_name": ("v", "lf"), "phone": ("v", "phone"), "case_number": ("record", "case")},
    ("LYY-NNNNNN", "YYYY-NNNNNN"),
    (
        "hi my name is {v.full} and my roommate {r.full} has been [[taking||stealing]] my [[packages||mail]] "
        "from the lobby.[[? she also used my card at {store}.]] please call me back at {v.phone_ns} or email "
        "{v.email}. thanks",
        "online report: [[someone||somebody]] [[keyed||scratched]] my {car} parked on {street}. i think it was "
        "my ex {s.first} {s.last} because {s.he} texted me [[saying||sayin]] i'd regret it. my friend {f.full} "
        "saw {s.him} near the car around {time}.",
        "[[i am||im]] reporting [[harassment||harrasment]] by my neighbor {n.full}, who lives at {n.addr}. "
        "{n.he} keeps [[yelling||screaming]] at my kids {k.first} and {k2.first}.[[? {n.his} {n2.kin_child} {n2.full} "
        "also threatened me.]] my number is {v.phone}.",
        "her roommate {r.full|lo} let {s.full|lo} into the building [[without asking||w/o asking]]. {v.first} "
        "said {s.first} had been [[banned||trespassed]] from the property since {date}. contact {v.first|lo} "
        "at {v.email}.",
        "caller {v.lf|lo} says her [[cousin||coworker]] {f.full} [[borrowed||took]] her phone and [[won't||"
        "wont]] give it back. {f.first} [[lives||stays]] [[near||by]] {store} on {street}. caller dob {v.dob}."
        "[[? callback {v.phone_ns}.]]",
        "My bike was stolen from outside {store}. [[The||the]] person who took it goes by {s.alias} and hangs out "
        "with {f.first} {f.last}. my landlord {n.ttl} has camera footage. Reach me: {v.full}, {v.phone}.",
    ),
    genders=(("v", "f"),),
)

SUPPLEMENT = Family(
    "supplemental_report",
    "Detectives' supplemental and follow-up reports: formal, first person, full names, dates of birth.",
    (("mixed", 0.75), ("upper", 0.25)),
    {"v": "field", "s": "field", "o": "field", "o2": "text", "w": "text", "f": "text", "rel": "rel:v",
     "atty": "text"},
    {"victim_name": ("v", "lf"), "subject_name": ("s", "lf"), "officer_name": ("o", "lf"),
     "badge": ("o", "badge"), "dob": ("v", "dob"), "address": ("v", "addr"), "case_number": ("record", "case")},
    ("YYYY-NNNN-L", "YY-NNNNNN"),
    (
        "SUPPLEMENTAL REPORT {case}. On {date}, I, {o.rank}, re-contacted the victim, {v.full} (DOB {v.dob}), "
        "at {v.his} residence, {v.addr}. {v.ttl} provided a [[written||recorded]] statement identifying the "
        "suspect as {s.lfm}. I showed {v.first} a photo lineup [[prepared by||from]] {o2.rank}.",
        "Supplement #{num} to {case}: Follow-up with witness {w.fml}, [[who||whom]] I [[reached||contacted]] "
        "by phone at {w.phone}. {w.last} stated that {w.he} saw {s.first} {s.last} [[leave||exit]] {store} "
        "carrying a [[black||red]] bag. {w.last}'s statement is consistent with the video obtained by {o2.rank}.",
        "FOLLOW-UP: The suspect, {s.full}, {s.demo}, was located at {s.addr} and [[interviewed||questioned]] "
        "[[post-Miranda||after Miranda]]. {s.last} [[denied||disclaimed]] involvement and [[stated||said]] "
        "{s.he} was with {s.his} [[{f.kin_partner}||friend]], {f.full}, all evening. I left a message for {f.first} "
        "at {f.phone}. The case remains open under {case}.",
        "Additional information: {v.ttl} called on {date} to report that {v.he} [[found||recovered]] {v.his} "
        "[[wallet||purse]] at {place}. Nothing was missing except {v.his} driver license ({v.dl}).[[? This "
        "case ({case}) is cleared as unfounded.]]",
        "SUPP. RPT. RE: {case} (related: {case_other}). Reporting officer {o.fil} #{o.badge}. The victim's "
        "{rel.kin_parent}, {rel.full}, advised that {rel.his} {v.kin_child} {v.first} was "
        "[[contacted||approached]] by {s.aka} at {place}. {rel.ttl} can be reached at {rel.phone_ns}.",
        "Continuation of {case}: On {date} at {time}, [[I||this officer]] met with {v.full}, born {v.born}, and "
        "{v.his} attorney {atty.ttl} at the {dist} station. {v.first} identified {s.lf} from a six-pack photo "
        "array. {o2.rank} was present.",
    ),
)

FORCE = Family(
    "use_of_force",
    "Use-of-force descriptions: officers by rank and badge, subjects, bystanders; 'force', 'young', 'rose'.",
    (("mixed", 0.6), ("upper", 0.4)),
    {"s": "field", "o": "field", "o2": "text", "o3": "text", "sup": "text", "w": "text", "m": "text",
     "f": "text"},
    {"subject_name": ("s", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"), "dob": ("s", "dob"),
     "case_number": ("record", "case")},
    ("YYYY-NNNNN", "LYY-NNNNN"),
    (
        "{o.rank} [[applied||used]] a [[control hold||rear wristlock]] on the subject, {s.full}, after {s.he} "
        "[[pulled away||tensed up]] during handcuffing. {o2.rank} [[assisted||helped]] with the left arm. The "
        "Force Investigation Unit was notified. {s.last} complained of wrist pain and was transported to {place}.",
        "USE OF FORCE: Subject {s.lf} ({s.demo}) [[resisted||resisted arrest]] and struck {o.rank} in the face. "
        "{o.last} [[deployed||used]] [[a taser||OC spray]] [[one time||1x]]. The subject rose to {s.his} feet "
        "and was taken down by {o2.rank}.[[? A young {w.sexword} bystander, later ID'd as {w.full}, recorded the "
        "incident.]]",
        "[[Officer||Ofc]] {o.last} [[observed||obs]] {s.first} {s.last} [[a/k/a||aka]] \"{s.alias}\" reaching "
        "into [[{s.his}||a]] waistband [[outside||in front of]] {store}. [[I||We]] will note that no force was used "
        "beyond [[a takedown||a leg sweep]] by {o2.fil}. {s.first} was [[later||subsequently]] released to "
        "{s.his} [[mother||grandmother]] {m.full}.",
        "Sgt. {sup.last} responded and [[photographed||documented]] the injuries. The subject, {s.full}, DOB "
        "{s.dob}, [[had||sustained]] an abrasion to the forehead. {sup.last} [[interviewed||spoke with]] the "
        "witnesses, including {w.full} ({w.phone}), who stated the officers used [[reasonable||necessary]] "
        "force. North [[of||on]] {street}, a {car} was [[parked||stopped]].",
        "Force used: [[takedown||baton strike]]. [[Involved||Inv.]] officers: {o.rank}, {o2.rank}, {o3.rank}. "
        "Subject {s.lfm} ({s.age} yrs) was [[combative||non-compliant]] and [[bit||spat on]] {o2.last}. The "
        "subject's {f.kin_partner}, {f.aka}, [[filmed||recorded]] the arrest [[on||with]] {f.his} phone. Ford Explorer "
        "unit [[#||No. ]]{num}1{num} was damaged.",
        "{s.full|up} WAS [[TAZED||TASED]] BY {o.last|up} AFTER [[FLEEING||FLEEING ON FOOT]] [[WB||EB]] ON "
        "{street|up}. {s.last|up} SAID {s.he|up} RAN BECAUSE OF A WARRANT ({case_other}). SGT {sup.last|up} AND "
        "{o2.fil|up} ON SCENE. EMS [[EVAL||EVALUATED]] AT {place|up}.",
    ),
)

CAD = Family(
    "cad_notes",
    "Dispatch (CAD) notes: time-stamped fragments, call-back numbers without separators, capitals.",
    (("upper", 0.7), ("mixed", 0.2), ("lower", 0.1)),
    {"rp": "field", "s": "text", "w": "text", "n": "text", "k": "rel:rp", "rel": "rel:rp"},
    {"subject_name": ("rp", "lf"), "phone": ("rp", "phone"), "address": ("rp", "addr"),
     "case_number": ("record", "case")},
    ("LYY-NNNNNN", "YYYYNNNNNNN"),
    (
        "{clock} RP {rp.lf} ADV [[SUSP||SUBJ]] [[BANGING ON||KICKING]] DOOR AT {rp.addr}; {clock} RP [[CALLBK||CB]] "
        "{rp.phone_ns}; {clock} [[SUSP||S1]] {s.demo} [[LEFT||LFT]] NB ON {street}; {clock} UNIT {num}A{num}{num} "
        "ENRT",
        "{clock} CALLER [[STS||STATES]] HER NEIGHBOR {n.full} [[IS||IS BEING]] [[LOUD||AGGRESSIVE]] AND "
        "[[THREATENING||THRTNG]] HER {k.kin_child|up} {k.first}; {clock} [[PER||ACCORDING TO]] RP, {n.first} HAS A "
        "[[GUN||KNIFE]]; {clock} RP {rp.full} [[@||AT]] {rp.phone}; {clock} [[CODE 4||C4]]",
        "{clock} [[ALARM||ALRM]] AT {store} ON {street}; {clock} KEYHOLDER {w.lf} [[ENRT||EN ROUTE]], [[CB||PH]] "
        "{w.phone_ns}; {clock} [[NO SIGNS OF ENTRY||ALL SECURE]]; {clock} [[CLR||CLEARED]] {case}",
        "{clock} 911 [[HANGUP||HANG UP]] FROM {rp.phone_ns}; {clock} [[CALLBACK||CB]] [[ANSWERED BY||SPOKE TO]] "
        "{rp.first}; {clock} [[STS||STATES]] [[{s.kin_spouse|up}||{s.kin_partner|up}]] {s.first} {s.last} [[HIT HER||PUSHED HER]]; {clock} "
        "[[ADDR||LOC]] {rp.addr}; {clock} [[SUSP||S1]] {s.demo} {car}",
        "{clock} WELFARE CHK REQ BY {rel.kin_child|up} {rel.full} [[{rel.phone}||{rel.phone_ns}]]; {clock} "
        "[[SUBJ||PARTY]] {rp.lfm} {rp.age} [[YOA||YRS]] NOT ANSWERING PHONE; {clock} [[FD||FIRE]] REQ FOR FORCED "
        "ENTRY AT {rp.addr}; {clock} [[SUBJ OK||PARTY FOUND OK]]",
        "{clock} RP {rp.ini2} [[REPTS||RPTS]] {car} [[BLOCKING||BLKG]] DRIVEWAY, LIC {plate}; {clock} [[REG OWNER||"
        "RO]] {s.lf} [[OF||FROM]] {s.addr}; {clock} [[LEFT MSG||MSG LEFT]] AT {s.phone_ns}; {clock} [[TOW REQ||TOW "
        "REQUESTED]]",
    ),
    genders=(("rp", "f"),),
)

FIELD_CARD = Family(
    "field_interview",
    "Field-interview cards and arrest face sheets: label: value fragments, aliases, associates.",
    (("upper", 0.6), ("mixed", 0.4)),
    {"s": "field", "o": "field", "f": "text", "f2": "text", "rel": "rel:s", "m": "text"},
    {"subject_name": ("s", "lf"), "officer_name": ("o", "lf"), "badge": ("o", "badge"), "dob": ("s", "dob"),
     "address": ("s", "addr"), "phone": ("s", "phone"), "case_number": ("record", "case")},
    ("YY-NNNNNN", "LL-NNNNNN"),
    (
        "FI: {s.lfm} [[A/K/A||AKA]] \"{s.alias}\" DOB {s.dob} {s.demo}. [[HT||HGT]] 5'{num}\" [[WT||WGT]] 1{num}0. "
        "RES {s.addr}. [[PH||TEL]] {s.phone}. ASSOC W/ {f.lf} AND {f2.fil}. [[CONTACTED||STOPPED]] AT {inter}.",
        "SUBJECT: {s.full}, {s.demo}, DL {s.dl}, SSN {s.ssn}. ARRESTED [[FOR||4]] {statute} ON {date}. "
        "[[PROPERTY RELEASED TO||PROP TO]] [[{rel.kin_parent|up}||{rel.kin_sibling|up}]] {rel.full}. ARRESTING OFFICER {o.lf} #{o.badge}.",
        "Person interviewed: {s.fml} ({s.nick}), age {s.age}. Lives with [[{rel.kin_grandparent}||{rel.kin_aunt}]] {rel.ttl} at "
        "{s.block}. Email {s.email}. Known associate {f.full}, see report {case_other}.",
        "NAME: {s.lf}; DOB: {s.dob}; [[HAIR||HR]] BLK; EYES BRO; [[EMPLOYER||EMP]]: {store}; [[EMERGENCY "
        "CONTACT||EMERG CONT]]: {m.full} {m.phone_ns}; VEH: {car} {plate}.",
        "[[GANG CONTACT||GANG CARD]] {case}: {s.alias} ({s.lf}), [[born||b.]] {s.born}, [[w/||with]] {f.aka} and "
        "{f2.nick} [[IFO||IN FRONT OF]] {store}. [[ADMITS||ADMITTED]] MEMBERSHIP. [[CONTACT BY||BY]] {o.rank}.",
        "Contact: {s.first} {s.last} ({s.age} y/o). Parent notified: {rel.full} at {rel.phone}. "
        "[[Released to||Turned over to]] {rel.ttl} at {time}. School resource officer {o.fil} advised.",
    ),
)

FAMILIES: tuple[Family, ...] = (RIPA, PHILA, VICTIM, DOMESTIC, PUBLIC, SUPPLEMENT, FORCE, CAD, FIELD_CARD)
