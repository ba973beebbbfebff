"""Word lists shared by the name and address recognizers (lower case)."""

from __future__ import annotations

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
    "Chief", "Investigator", "Inv",
]

PERSON_CUES = [
    "Mr", "Mrs", "Ms", "Miss", "Dr", "witness", "victim", "suspect", "complainant", "reporting party", "R/P",
    "RP", "caller", "driver", "passenger", "subject", "arrestee", "juvenile", "owner", "resident", "neighbor",
    "mother", "father", "son", "daughter", "wife", "husband", "girlfriend", "boyfriend", "brother", "sister",
    "identified as", "named", "V/", "S/", "W/", "W1", "W2", "V1", "V2", "S1", "S2",
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
    # jargon and codes
    "dob", "ssn", "dl", "oln", "vin", "lp", "rp", "r/p", "nfa", "goa", "utl", "dui", "dwi", "ncic", "nibrs",
    "ucr", "cad", "rms", "bolo", "apb", "eta", "hrs", "hours", "am", "pm", "mph", "usa", "us", "ok", "id",
    "pd", "sd", "rpd", "lapd", "nypd", "fbi", "dea", "atf", "ems", "afd", "fd", "er", "icu", "cpr", "gsw",
    "tv", "atm", "suv", "gps", "emt", "n/a", "na", "unk", "unknown", "none", "ref", "re", "case",
    "report", "incident", "arrest", "arrested", "cited", "citation", "warrant", "felony", "misdemeanor",
    "theft", "burglary", "robbery", "assault", "battery", "narcotics", "dispatch", "dispatched", "responded",
    "unit", "units", "code", "signal", "status", "stop", "traffic", "vehicle", "veh", "plate", "tag",
    "license", "registration", "reg", "make", "model", "color", "blue", "red",
    "silver", "male", "female", "wm", "bm", "hm", "wf", "bf", "hf", "adult",
    "juvenile", "juv", "victim", "suspect", "witness", "complainant", "caller", "driver", "passenger",
    "subject", "subj", "arrestee", "owner", "resident", "officer", "officers", "ofc", "sgt", "det", "lt",
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
