"""Word lists shared by the name and address recognizers (lower case)."""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache

STREET_SUFFIXES = {
    "st": ["St", "Street", "Str"],
    "ave": ["Ave", "Avenue", "Av"],
    "rd": ["Rd", "Road"],
    "blvd": ["Blvd", "Boulevard"],
    "dr": ["Dr", "Drive"],
    "ln": ["Ln", "Lane"],
    "ct": ["Ct", "Court"],
    "pl": ["Pl", "Place"],
    "way": ["Way"],
    "ter": ["Ter", "Terrace"],
    "cir": ["Cir", "Circle"],
    "pkwy": ["Pkwy", "Parkway"],
    "hwy": ["Hwy", "Highway"],
    "trl": ["Trl", "Trail"],
    "sq": ["Sq", "Square"],
    "loop": ["Loop"],
    "pike": ["Pike"],
    "row": ["Row"],
    "aly": ["Aly", "Alley"],
}
SUFFIX_WORDS = sorted({w for forms in STREET_SUFFIXES.values() for w in forms}, key=len, reverse=True)
SUFFIX_LOWER = {w.lower() for w in SUFFIX_WORDS}

DIRECTIONS = {
    "n": ["N", "North"], "s": ["S", "South"], "e": ["E", "East"], "w": ["W", "West"],
    "ne": ["NE", "Northeast"], "nw": ["NW", "Northwest"], "se": ["SE", "Southeast"], "sw": ["SW", "Southwest"],
}

UNIT_WORDS = ["Apartment", "Apt", "Unit", "Suite", "Ste", "Room", "Rm", "Lot", "Trailer", "Spc", "Space", "#"]

OFFICER_TITLES = [
    "Officer", "Ofc", "Patrolman", "Patrol Officer", "Sergeant", "Sgt", "Detective", "Det",
    "Deputy", "Dep", "Corporal", "Cpl", "Lieutenant", "Lt", "Captain", "Capt", "Trooper", "Tpr", "Agent",
    "Chief", "Investigator", "Inv", "P/O",
]

PERSON_CUES = [
    "Mr", "Mrs", "Ms", "Miss", "Dr", "witness", "victim", "suspect", "complainant", "reporting party", "R/P",
    "RP", "caller", "driver", "passenger", "subject", "arrestee", "juvenile", "owner", "resident", "neighbor",
    "mother", "father", "son", "daughter", "wife", "husband", "girlfriend", "boyfriend", "brother", "sister",
    "identified as", "identified", "named", "contacted", "met with", "spoke with", "made contact with",
    "V/", "S/", "W/", "W1", "W2", "V1", "V2", "S1", "S2", "S3", "W3", "V3",
]

US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont",
    "virginia", "washington", "wisconsin", "wyoming", "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl",
    "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne",
    "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt",
    "va", "wa", "wv", "wi", "wy", "dc",
}

# Words that are never part of a person's name in a police narrative (checked lower case). Covers
# common ALL-CAPS report jargon, titles, roles, places and English function words.
NOT_NAME_WORDS = {
    # pronouns a cue may be followed by ("IDENTIFIED HIMSELF AS ...")
    "himself", "herself", "themselves", "itself", "someone", "somebody", "anyone", "everyone",
    # plural roles and list words ("INTERVIEWED THE WITNESSES, INCLUDING ...") and dispatch abbreviations
    "witnesses", "victims", "suspects", "subjects", "officers", "including", "adv", "advd", "enrt", "en", "rte",
    "lft", "arr", "arrd", "resp", "respd", "dispo", "ex",  # "HER EX TOOK THE KIDS": a former partner
    # jargon and codes
    "dob", "ssn", "dl", "oln", "vin", "lp", "rp", "r/p", "nfa", "goa", "utl", "dui", "dwi", "ncic", "nibrs", "lnu", "fnu",
    "ucr", "cad", "rms", "bolo", "apb", "eta", "hrs", "hours", "am", "pm", "mph", "usa", "us", "ok", "id",
    "pd", "sd", "rpd", "lapd", "nypd", "fbi", "dea", "atf", "ems", "afd", "fd", "er", "icu", "cpr", "gsw",
    "tv", "atm", "suv", "gps", "emt", "n/a", "na", "unk", "unknown", "none", "ref", "re", "case",
    "report", "incident", "arrest", "arrested", "cited", "citation", "warrant", "felony", "misdemeanor",
    "theft", "burglary", "robbery", "assault", "battery", "narcotics", "dispatch", "dispatched", "responded",
    "unit", "units", "code", "signal", "status", "stop", "traffic", "vehicle", "veh", "plate", "tag",
    "license", "registration", "reg", "make", "model", "color", "blue", "red",
    "silver", "male", "female", "wm", "bm", "hm", "wf", "bf", "hf", "adult",
    "juvenile", "juv", "victim", "suspect", "witness", "complainant", "caller", "driver", "passenger",
    "subject", "subj", "arrestee", "owner", "resident", "officer", "ofc", "sgt", "det", "lt",
    "capt", "cpl", "deputy", "sergeant", "detective", "lieutenant", "captain", "corporal", "trooper", "chief",
    "agent", "mr", "mrs", "ms", "miss", "dr", "jr", "sr", "ii", "iii", "iv", "police", "department", "county",
    "city", "state", "street", "avenue", "road", "block", "bureau", "division", "squad", "team", "section",
    "precinct", "district", "station", "callback", "cell", "mobile", "tel", "fax", "dept", "office", "north", "south", "east", "west", "northbound",
    "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb", "hospital", "jail", "court", "school",
    "store", "walmart", "target", "mcdonalds", "shell", "chevron", "exxon", "honda", "toyota", "ford",
    "chevrolet", "nissan", "dodge", "jeep", "bmw", "tesla", "kia", "hyundai", "sedan", "truck",
    "pickup", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "july", "september", "october", "november",
    "december", "feb", "mar", "apr", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "the",
    "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "a", "an", "as", "is", "was",
    "were", "be", "been", "he", "she", "they", "his", "her", "their", "him", "them", "it", "its", "this",
    "that", "then", "than", "there", "after", "before", "upon", "while", "when", "where", "who", "which",
    "not", "no", "yes", "all", "any", "also", "later", "however", "further", "additionally", "prior",
    "approximately", "approx", "per", "via", "see", "refer", "attached", "above", "below", "following",
    "drug", "drugs", "weapon", "gun", "knife", "cash", "money", "property", "damage", "injury", "injuries",
    "medical", "fire", "alarm", "call", "calls", "phone", "email", "info", "information", "notes", "note",
    "summary", "narrative", "details", "detail", "statement", "stated", "advised", "observed", "located",
    "contacted", "released", "booked", "transported", "cleared", "closed", "open", "pending", "active",
    "dob:", "address", "apt", "suite", "room", "lot", "blk", "hwy", "interstate", "i-", "main", "elm", "oak",
    "america", "american", "english", "spanish", "mexico", "canada", "vehicle:", "dl#", "lp#",
}

# Vehicle makes and common models: spaCy often tags "Nissan Altima" as a person.
VEHICLE_WORDS = {
    "honda", "civic", "accord", "toyota", "camry", "corolla", "prius", "tacoma", "ford", "f-150", "f150",
    "focus", "fusion", "explorer", "mustang", "escape", "chevrolet", "chevy", "malibu", "impala", "silverado",
    "tahoe", "nissan", "altima", "sentra", "maxima", "rogue", "jeep", "cherokee", "wrangler", "dodge", "ram",
    "charger", "durango", "bmw", "mercedes", "benz", "audi", "volkswagen", "vw", "jetta", "passat", "subaru",
    "outback", "forester", "kia", "optima", "soul", "hyundai", "elantra", "sonata", "tesla", "mazda", "lexus",
    "acura", "infiniti", "buick", "cadillac", "gmc", "chrysler", "pontiac", "volvo", "mitsubishi",
}
NOT_NAME_WORDS |= VEHICLE_WORDS


def _data_words() -> set[str]:
    """The words of ``data/not_names.yaml`` (stores, places, vehicle models, jargon, verbs), lower case."""
    from pathlib import Path

    import yaml

    raw = yaml.safe_load((Path(__file__).parent / "data" / "not_names.yaml").read_text(encoding="utf-8"))
    return {w for kind, entries in raw.items() if kind != "phrases" for entry in entries
            for w in str(entry).lower().replace("'", " ").split()}


def _data_phrases() -> list[str]:
    """The ``phrases`` of ``data/not_names.yaml``: places and things named after a person ("Kohl's")."""
    from pathlib import Path

    import yaml

    raw = yaml.safe_load((Path(__file__).parent / "data" / "not_names.yaml").read_text(encoding="utf-8"))
    return [str(p).lower() for p in raw.get("phrases", [])]


NOT_NAME_WORDS |= _data_words()
NOT_NAME_PHRASES = _data_phrases()


def word_list(path: str | os.PathLike[str]) -> frozenset[str]:
    """The words of a one-word-a-line data file, lower case ("#" lines are comments)."""
    with open(path, encoding="utf-8") as fh:
        return frozenset(w for w in (line.strip().lower() for line in fh) if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def frequent_words() -> frozenset[str]:
    """Frequent English words that no name list holds (``data/frequent_words.txt``; see its build script)."""
    return word_list(os.path.join(os.path.dirname(__file__), "data", "frequent_words.txt"))

# Police abbreviations and report words that officers type in capitals right after a role cue
# ("V/ PH (555) ...", "V/ IDENTIFIED S1 AS ...", "AT THIS TIME"): never names.
POLICE_WORDS = {
    "ph", "phn", "tel#", "ph#", "dob", "id", "ident", "identified", "identify", "hrs", "hr", "approx", "r/o", "r/p",
    "unk", "veh", "lic", "lic#", "s/a", "s/o", "w/o", "w/", "v/", "s/", "s1", "s2", "v1", "v2", "w1", "w2",
    "time", "date", "info", "information", "photos", "photo", "records", "record", "check", "checks",
    "booking", "booked", "dol", "dmv", "ncic", "wacic", "oln", "ssn", "vin", "plate", "per", "ref", "reference",
    "residence", "home", "scene", "location", "loc", "area", "vicinity", "refused", "declined", "unable",
    "states", "stated", "stating", "reports", "reported", "advises", "advised", "observed", "observes", "saw",
    "heard", "fled", "arrived", "arrival", "left", "returned", "valid", "invalid", "clear", "cleared", "suspended", "revoked",
    "provided", "reached", "contact", "contacted", "contacts", "met", "spoke", "interviewed", "located",
    "transported", "treated", "released", "cited", "arrested", "detained", "injured", "injury", "uninjured",
    "later", "further", "followup", "follow-up", "forwarded", "uploaded", "taken", "case", "cases",
    "statement", "written", "verbal", "via", "phone", "cell", "callback", "email", "mail", "text", "texted",
    "wants", "wanted", "warrant", "warrants", "nfa", "utl", "goa", "gone", "no", "none", "negative",
    "positive", "approximately", "hispanic", "asian", "male", "female", "wmale", "bmale",
    "hmale", "yoa", "yom", "yof", "aka", "dba", "jv", "juv", "adult", "minor", "mother", "father", "parent",
    "guardian", "friend", "neighbor", "coworker", "employee", "manager", "clerk", "cashier", "security",
    "guard", "staff", "person", "persons", "people", "party", "parties", "unknown", "same", "above", "below",
    "regarding", "referred", "refer", "lives", "living", "resides", "residing", "reach", "reachable", "address", "addr",
    "rear", "gang", "member", "members", "others",  # "GRANT,ELI (REAR)", "W/ GANG MEMBERS SAUL MEJIA"
}

# Function words and common verbs: in ALL-CAPS text they look exactly like name words. Only used to trim and
# reject name candidates there (a few given names that are also English words are left out: will, may, june).
CAPS_STOP_WORDS = POLICE_WORDS | {
    "a", "about", "after", "again", "against", "all", "along", "also", "an", "and", "another", "any", "are",
    "around", "as", "at", "back", "be", "because", "been", "before", "behind", "being", "between", "both",
    "but", "by", "came", "can", "cannot", "could", "did", "do", "does", "down", "during", "each", "either",
    "every", "few", "for", "from", "front", "get", "got", "had", "has", "have", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "most", "my",
    "near", "never", "next", "nor", "not", "now", "of", "off", "on", "once", "only", "onto", "or", "other",
    "our", "out", "over", "own", "said", "says", "she", "should", "since", "so", "some", "still", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "was", "we", "were",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "with", "within",
    "without", "would", "yet", "you", "your", "told", "asked", "went", "ran", "walked", "drove", "happened", "occurred", "attempted", "admitted", "denied", "explained", "indicated", "related", "claimed",
    "called", "named", "known", "listed", "shown", "seen", "found", "given", "made", "took", "gave",
    "responded", "dispatched", "assisted", "cleared", "remained", "waited", "photographed", "recovered",
    "damaged", "stolen", "broken", "entered", "exited", "inside", "outside", "vehicle", "car",
    "truck", "house", "apartment", "store", "business", "street", "road", "parking", "lot", "incident",
    "theft", "assault", "burglary", "robbery", "disturbance", "complaint", "call", "report", "officer",
    "officers", "ofc", "deputy", "victim", "suspect", "witness", "complainant", "subject", "driver",
    "owner", "resident", "two", "one", "three", "first", "second", "last",
}

# Letters of Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional (Vietnamese "Nguyễn"), for
# name patterns (``re`` and ``regex`` classes).
_LATIN_EXT = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
UPPER_CHARS = "A-Z" + "".join(c for c in _LATIN_EXT if c.isupper())
LOWER_CHARS = "a-z" + "".join(c for c in _LATIN_EXT if c.islower())
UPPER = f"[{UPPER_CHARS}]"
LOWER = f"[{LOWER_CHARS}]"
LETTER = f"[{UPPER_CHARS}{LOWER_CHARS}]"
# Where a capitalized word can start, as an anchor of ``ContextPatternRecognizer`` (``ANCHORS``: explicit classes, read
# by both engines): a pattern that opens with a capital after no letter, digit, "_", "'" or "-" is tried only there.
CAPITAL_START = r"(?<![0-9_'\-" + UPPER_CHARS + LOWER_CHARS + "])(?=" + UPPER + ")"

# Letters that Unicode does not decompose into a base letter plus accents.
_FOLD_EXTRA = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
               "ŧ": "t", "Ŧ": "T", "ƀ": "b", "ɨ": "i", "ŀ": "l", "Ŀ": "L", "ß": "ss", "æ": "ae", "Æ": "AE",
               "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D"}


def fold(text: str) -> str:
    """``text`` without accents ("RAMÍREZ" -> "RAMIREZ", "Łukasz" -> "Lukasz"); other characters unchanged."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif ch in _FOLD_EXTRA:
            out.append(_FOLD_EXTRA[ch])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(base or ch)
    return "".join(out)


_SAME_LENGTH_FOLD = {ord(c): f for c in _LATIN_EXT if len(f := fold(c)) == 1}


def fold_same_length(text: str) -> str:
    """``fold`` character by character, keeping letters whose folded form is longer ("ß", "æ"): offsets match."""
    return text if text.isascii() else text.translate(_SAME_LENGTH_FOLD)
