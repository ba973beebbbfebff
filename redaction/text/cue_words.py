"""Words that say a person is named next to them, or that no name is: occupations and roles ("nurse", "homeowner"),
the words of texting ("hes", "ur"), and "miss" used as a verb ("did not miss work").

A leaf module (no imports from the package), so the cue lists of ``names`` and the rules of ``roles`` and
``negatives`` share one copy.
"""

from __future__ import annotations

import re

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
)
# Words of texting and fast typing that no name is: contractions without their apostrophe, chat shorthand.
TEXTING_WORDS = frozenset({
    "hes", "shes", "theyre", "youre", "im", "ive", "thats", "whats", "theres", "wasnt", "werent", "isnt", "arent",
    "hasnt", "havent", "hadnt", "didnt", "doesnt", "dont", "cant", "wont", "couldnt", "wouldnt", "shouldnt", "aint",
    "ur", "cuz", "idk", "smh", "lol", "tho", "gonna", "wanna", "gotta", "yall", "pls", "plz", "tmrw", "nvm", "omg",
    "wtf", "ppl", "thx",
})  # two letters ("ty", "bc") stay out: as often initials or a short name

# Words after which "miss" is the verb ("did not miss work", "i miss him"), not the title.
_BEFORE_VERB_MISS = frozenset({"to", "not", "never", "i", "we", "you", "they", "he", "she", "will", "would", "could",
                               "did", "didnt", "didn't", "dont", "don't", "cant", "can't", "may", "might", "gonna",
                               "wont", "won't", "really", "also", "still", "just", "u", "ill", "i'll", "we'll"})
_LAST_LOW = re.compile(r"([\w'’]+)[ \t]*\Z")


def verb_miss(text: str, start: int) -> bool:
    """The word at ``start`` is "miss" used as a verb: after "to", "not", a pronoun or a modal."""
    if text[start:start + 4].lower() != "miss":
        return False
    m = _LAST_LOW.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in _BEFORE_VERB_MISS
