"""Words that say a person is named next to them, or that no name is: occupations and roles ("nurse", "homeowner"),
the words of texting ("hes", "ur"), and "miss" used as a verb ("did not miss work").

A leaf module (no imports from the package), so the cue lists of ``names`` and the rules of ``roles`` and
``negatives`` share one copy.
"""

from __future__ import annotations

from redaction.recognizers.words import OFFICER_TITLES
from redaction.wordtrie import trie_compile

# Occupations and roles people are named after ("nurse carol", "the homeowner, gary chen"): a person cue, never a
# name. Occupations that are common surnames too ("baker", "mason", "judge", "cook") are left out.
OCCUPATIONS = (
    "nurse", "caseworker", "case worker", "social worker", "teacher", "coach", "pastor", "clerk", "cashier", "guard",
    "security guard", "homeowner", "home owner", "janitor", "bartender", "waitress", "waiter", "server", "doctor",
    "principal", "counselor", "counsellor", "therapist", "paramedic", "medic", "firefighter", "dispatcher",
    "receptionist", "attendant", "custodian", "superintendent", "priest", "reverend", "rabbi", "imam", "tutor",
    "bouncer", "valet", "mechanic", "contractor", "plumber", "electrician", "technician", "chef", "advocate",
    "attorney", "housekeeper", "maid", "courier", "mailman", "mail carrier", "postman", "director", "administrator",
    "secretary", "assistant", "interpreter", "translator", "pharmacist", "dentist", "physician", "psychologist",
    "psychiatrist", "chaplain", "vendor", "salesman", "saleswoman", "saleslady", "customer", "patron", "shopper",
    "student", "classmate", "teammate", "occupant", "proprietor", "dishwasher", "stocker", "barista", "lifeguard",
    "crossing guard", "bus driver", "cab driver", "uber driver", "lyft driver", "tow driver", "landscaper", "roofer",
    "handyman", "repairman", "aide", "caseworkers", "nurses", "teachers", "passerby", "bystander", "pedestrian", "motorist",
    "cyclist", "bicyclist", "jogger", "onlooker", "good samaritan", "patrolman", "ptl", "ptlm", "cellmate", "cellie",
    "bunkmate", "housemate", "schoolmate", "playmate", "shipmate", "workmate", "declarant", "affiant", "deponent",
    "seller", "buyer", "rider", "dasher", "shopper", "delivery driver", "suitemate", "floormate", "flatmate",
    "elder",
)
# Words after which a name follows, in any casing: relations (up to "witness"), report roles (up to "named"), then
# naming and alias cues and officer titles. ``names`` splits them into ``RELATION_CUES`` and ``ROLE_CUES``.
PERSON_CUES_ANY_CASE = [
    "roommate", "roomate", "mother", "father", "mom", "dad", "son", "daughter", "wife", "husband", "girlfriend",
    "boyfriend", "ex-boyfriend", "ex-girlfriend", "ex-husband", "ex-wife", "ex", "brother", "sister", "cousin",
    "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather", "grandma", "grandpa", "grandson",
    "granddaughter", "stepfather", "stepmother", "stepson", "stepdaughter", "stepbrother", "stepsister",
    "stepdad", "stepmom", "stepmum", "step-dad", "step-mom", "step-father", "step-mother", "step-son", "step-daughter",
    "step-brother", "step-sister", "stepchild", "stepkid", "half-brother", "half-sister", "godmother", "godfather",
    "godson", "goddaughter", "granddad", "grandad", "tia", "tio", "tía", "tío", "abuela", "abuelo", "abuelita",
    "abuelito", "primo", "prima", "hermano", "hermana", "mija", "mijo", "comadre", "compadre", "suegra", "suegro",
    "cuñado", "cuñada", "kuya", "tita",
    "neighbor", "neighbour", "friend", "coworker", "co-worker", "landlord", "landlady", "tenant", "manager",
    "mgr", "husb", "employee", "supervisor", "boss", "partner", "fiance", "fiancee", "fiancé", "fiancée", "babysitter", "nanny",
    "caretaker", "caregiver", "guardian", "child", "baby", "kids", "kid", "children", "sons", "daughters",
    "parents", "sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "son-in-law",
    "daughter-in-law", "brother in law", "sister in law", "mother in law", "father in law", "son in law",
    "daughter in law", "room mate", "bf", "gf", "keyholder", "key holder", "emergency contact", "emerg cont",
    "lives with", "living with", "stays with", "staying with", "hangs out with", "hanging out with", "dating",
    "associate", "known associate", "assoc w/", "assoc", "person interviewed", "name:", "names:", "associates:",
    "real name", "true name", "legal name", "birth name",
    "hangs with", "hanging with", "seen with", "spotted with",
    "assoc:", "bro", "sis", "cuz", "know as", "knew as", "guy called", "girl called", "man called", "woman called",
    "dude called", "kid called", "someone called", "female called", "male called", "person called", "neighbors", "neighbours", "friends", "cousins", "brothers",
    "sisters", "roommates", "coworkers", "co-workers", "grandparents", "grandkids", "grandchildren", "nephews",
    "nieces", "aunts", "uncles", "baby daddy", "baby mama", "baby momma", "witness", "victim", "suspect", "complainant", "caller",
    "driver", "passenger", "juvenile", "arrestee", "defendant", "co-defendant", "codefendant", "subject", "owner", "resident", "susp", "subj", "vict", "wit",
    "compl",
    # court, probation and jail parties ("def. Okonkwo's co-def. Ruiz-Medina", "inmate duarte", "resp. Halvorsen")
    "def", "co-def", "codef", "defendants", "co-defendants", "codefendants", "inmate", "inmates", "prisoner",
    "detainee", "probationer", "parolee", "plaintiff", "petitioner", "respondent", "resp", "accused", "surety",
    *OCCUPATIONS, "mr", "mrs", "ms", "miss",
    "dr", "named", "identified as", "id'd as", "idd as", "known as", "a/k/a", "aka", "nicknamed", "goes by", "alias", "v/", "s/",
    "w/", "rp", "r/p", "po", "including", *(t.lower() for t in OFFICER_TITLES),
]

# Words of texting and fast typing that no name is: contractions without their apostrophe, chat shorthand.
TEXTING_WORDS = frozenset({
    "hes", "shes", "theyre", "youre", "im", "ive", "thats", "whats", "theres", "wasnt", "werent", "isnt", "arent",
    "hasnt", "havent", "hadnt", "didnt", "doesnt", "dont", "cant", "wont", "couldnt", "wouldnt", "shouldnt", "aint",
    "ur", "cuz", "idk", "smh", "lol", "tho", "gonna", "wanna", "gotta", "yall", "pls", "plz", "tmrw", "nvm", "omg",
    "wtf", "ppl", "thx", "hey", "hello", "okay", "yeah", "yep", "nope", "ugh", "hmm", "wow", "bday",
})  # two letters ("ty", "bc") stay out: as often initials or a short name

# Words after which "miss" is the verb ("did not miss work", "i miss him"), not the title.
_BEFORE_VERB_MISS = frozenset({"to", "not", "never", "i", "we", "you", "they", "he", "she", "will", "would", "could",
                               "did", "didnt", "didn't", "dont", "don't", "cant", "can't", "may", "might", "gonna",
                               "wont", "won't", "really", "also", "still", "just", "u", "ill", "i'll", "we'll"})
_LAST_LOW = trie_compile(r"([\w'’]+)[ \t]*\Z")


def verb_miss(text: str, start: int) -> bool:
    """The word at ``start`` is "miss" used as a verb: after "to", "not", a pronoun or a modal."""
    if text[start:start + 4].lower() != "miss":
        return False
    m = _LAST_LOW.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _BEFORE_VERB_MISS


# Ways to travel: after "goes by", "went by" they are how, not what someone is called ("goes by uber to work").
_TRAVEL = ("uber", "lyft", "taxi", "cab", "bus", "train", "car", "bike", "bicycle", "foot", "metro", "subway", "plane",
           "boat", "ambulance", "scooter", "ferry", "tram", "rideshare")
_GO_BY = trie_compile(r"(?i:go|goes|going|went|gone|come|comes|came|coming|travel|travels|traveled|travelled)[ \t]+"
                    r"(?i:by)[ \t]+\Z")
_THEN = trie_compile(r"[ \t]*(?:\Z|[.,;!?\n]|(?i:to|from|into|home|every|each|because|since|now|and|or|with|instead)\b)")


def travel_by(text: str, start: int, end: int) -> bool:
    """The word at ``start``-``end`` is a way of travel after "goes by" ("goes by uber to work", "went by bus."),
    not a name: a way to travel followed by a destination, a time or the clause's end. "goes by uber." alone stays
    what someone is called (the alias reading of the present tense)."""
    if text[start:end].lower() not in _TRAVEL:
        return False
    before = _GO_BY.search(text, max(0, start - 16), start)
    if before is None:
        return False
    after = _THEN.match(text, end)
    if after is None:
        return False
    ends = not after.group().strip() or after.group().strip()[0] in ".,;!?"
    return not ends or before.group().lower().startswith(("went", "gone", "came", "travel"))
