"""People, not surnames: which name mentions are one person, and every mention of a redacted name word.

* (which mentions are one person, their placeholder numbers: ``identity.number_people``)
* ``mentions`` finds every other whole-word mention of the words inside the PERSON spans (consistency: a
  word redacted at one mention is redacted at every mention of the record).
* ``extend_particles`` grows a name over the particles around it ("Maria [de la Cruz]", "[Van] Houten").
* ``alias_spans`` takes the name after "a/k/a", "aka", "also known as", "nicknamed", "goes by".
* ``is_initials`` tells "A.B.", "J. M.", "AC" apart from words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_WORDS, fold
from redaction.text.alias_cues import cue_pattern
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    PERSON_CUES_ANY_CASE,
    given_names,
    surnames,
)
from redaction.text.vocabulary import NARRATIVE_VERBS, unknown_word

_KEY_TOKEN = re.compile(r"[^\W_]+")
_AFTER_NUMBER = re.compile(r"\d\s?\Z")
_INITIALS = re.compile(r"(?:[^\W\d_]\.\s?){2,3}|[^\W\d_a-z]{2,3}")
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_FOLLOWED_BY_STREET = re.compile(r"\s+(?:" + "|".join(SUFFIX_WORDS) + r")\b(?!\s+(?:name|handle)s?\b)", re.IGNORECASE)
_PARTICLE_RX = "|".join(sorted((re.escape(p) for p in PARTICLES - {"mac", "an"}), key=len, reverse=True)) + r"|ma?c\s+an"
_PARTICLES_AFTER = re.compile(r"(?:\s+(?:" + _PARTICLE_RX + r")){1,2}\s+[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.IGNORECASE)
_AN_AFTER = re.compile(r"\s+an\s+[^\W\d_]+", re.IGNORECASE)
_PARTICLES_BEFORE = re.compile(r"(?:(?<![\w'])(?:" + _PARTICLE_RX + r")\s+){1,2}$", re.IGNORECASE)
# The alias after a cue (``alias_cues.CUES``): ``j`` when the cue joins the alias to the name before it, ``q`` an
# opening quote, ``a`` the alias's first word or two.
# An alias word: letters, maybe with digits ("2Pac", "K9"), apostrophes and hyphens inside; a clipped word keeps its
# apostrophe when another word follows ("Lil' Ray") unless the alias opened with a single quote; a second word may
# be a number after a quote or an alias prefix ("Lil 9", '"Baby 2"').
_PREFIXES = r"(?i:lil|li['’]l|little|baby|big|yung|young)"
_ALIAS_WORD = r"(?:\d+(?!st\b|nd\b|rd\b|th\b)[^\W\d_]+\d*|[^\W\d_]+\d*)(?:['’\-][^\W\d_]+)*"
_ALIAS_WORDS = (_PREFIXES + r"['’]?\s+\d{1,3}\b|" + _ALIAS_WORD + r"(?(qs)(?:['’](?=\s+[^\W\d_]+['’]))?|(?:['’](?=\s+[^\W\d_]))?)"
                r"(?:\s+(?![Aa]nd\b|[Oo]r\b)" + _ALIAS_WORD + r"|(?(q)\s+\d{1,3}\b))?")
_ALIAS = re.compile(
    r"(?i:\b(?:(?P<j>" + cue_pattern(joins=True, finds=True) + r")|" + cue_pattern(joins=False, finds=True) + r")"
    r"(?!\w|/\w/)\.?\s*[:\-/,]?\s*(?P<q>(?P<qs>['‘])|[\"“(]|``)?)(?P<a>" + _ALIAS_WORDS + r")")
# Words that never open an alias ("known as the ...", "goes by car" is rare, "goes by a different name" is not).
_ALIAS_FUNCTION = {"the", "a", "an", "his", "her", "their", "him", "them", "to", "and", "or", "is", "was", "of",
                   "by", "me", "my", "you", "it", "that", "this", "on", "in", "at", "for", "with", "from", "as",
                   "same", "different", "another", "other", "several", "many", "various", "unknown"}
_ELIDED = r"(?(qs)|(?:['’](?=[ \t]+[^\W\d_]))?)"  # "Lil' Pete", unless the word opened with a single quote
_ALIAS_MORE = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)\s*(?:(?P<qs>['‘])|[\"“])?(?P<w>" + _ALIAS_WORD + _ELIDED
                         + r"(?:[ \t]+[^\W\d_]+)?" + r")[\"”'’]?"
                         r"(?=\s*[.;:()|,/&]|\s*$|\s+(?:and|or)\s)", re.IGNORECASE)
# After a slash, an ampersand or a quote the next word is one more alias wherever the list ends ("aka tank / kilo was").
_ALIAS_MORE_MARKED = re.compile(r"\s*(?:&|/|;|[\"”'’]?\s*,\s*[\"“'‘]|[\"”]?\s*(?i:or|and)\s*[\"“])\s*(?:(?P<qs>['‘])|[\"“])?(?P<w>"
                                + _ALIAS_WORD + _ELIDED + r")(?:[ \t]+(?P<w2>[^\W\d_]+))?")


def is_initials(span: str) -> bool:
    """"A.B.", "J. M.", "AC", "FQ": initials standing for a name."""
    return _INITIALS.fullmatch(span.strip()) is not None


def tokens(span: str) -> frozenset[str]:
    """The name words of a span, folded and lower case (initials as one word "#ab")."""
    if is_initials(span):
        return frozenset({"#" + "".join(c for c in span if c.isalpha()).lower()})
    return frozenset(t for t in (fold(x).lower() for x in _KEY_TOKEN.findall(span))
                     if len(t) > 1 and t not in NOT_NAME_WORDS and t not in PARTICLES and t not in NAME_SUFFIXES)


def record_tokens(value: str) -> frozenset[str]:
    """A record name's words (common words included: "WEST, JOHN" holds "west")."""
    return frozenset(t for t in (fold(x).lower() for x in _KEY_TOKEN.findall(value))
                     if len(t) > 1 and t not in PARTICLES and t not in NAME_SUFFIXES
                     and t not in {"mr", "mrs", "ms", "miss", "dr"})


def mentions(text: str, spans: Sequence[tuple[int, int]], keep: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Whole-word mentions, outside ``spans``, of the name words inside ``spans``.

    Words of three letters or fewer match as written (initials "AC"); longer ones in any case and accents.
    A common or report word is followed in any case only when ``keep`` (the record's own name words) holds it,
    and as written when it was part of a full name in a text not all in capitals ("Rose" of "Rose Davis"); a word
    right before a street suffix ("Jefferson St") is a street.
    """
    long_words: set[str] = set()
    short_words: set[str] = set()
    upper_text = not any(c.islower() for c in text)
    for s, e in spans:
        initials = is_initials(text[s:e])
        full_name = len(_KEY_TOKEN.findall(text, s, e)) >= 2
        for m in _KEY_TOKEN.finditer(text, s, e):
            w = m.group()
            low = fold(w).lower()
            if (low in PARTICLES and low not in keep) or low in NAME_SUFFIXES or len(low) < 2:
                continue  # a particle is followed only when ``keep`` holds it (an alias's "Mac" of "Little Mac")
            if (low in NOT_NAME_WORDS or low in CAPS_STOP_WORDS) and low not in keep and not (initials and w.isupper()):
                if full_name and not upper_text and not w.isupper() and low not in CAPS_STOP_WORDS:
                    short_words.add(w)  # "Rose" of "Rose Davis": followed as written, never "rose" nor "ROSE"
                    if w.islower():
                        short_words.add(w.capitalize())  # "rose lewis" typed in lower case, later "Rose said"
                continue  # initials that spell a word ("AM", "MY") are followed as written
            if len(low) <= 3:
                short_words.add(w)
            else:
                long_words.add(low)
    if not long_words and not short_words:
        return []
    out = []
    k = 0
    ordered = sorted(spans)
    for m in _KEY_TOKEN.finditer(text):
        w = m.group()
        if not (w in short_words or (len(w) > 3 and fold(w).lower() in long_words)):
            continue
        while k < len(ordered) and ordered[k][1] <= m.start():
            k += 1
        if k < len(ordered) and ordered[k][0] <= m.start() < ordered[k][1]:
            continue
        if _FOLLOWED_BY_STREET.match(text, m.end()) or (len(w) <= 3 and _AFTER_NUMBER.search(text, 0, m.start())):
            continue  # "Jefferson St"; "9 AM"
        out.append(_with_particle(text, *_whole_compound(text, *m.span(), spans), spans))
    return out


def _with_particle(text: str, s: int, e: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A mention with the particle before it when a redacted span writes them together ("Ó BRIAIN")."""
    b = _PARTICLES_BEFORE.search(text, max(0, s - 12), s)
    if b is None:
        return s, e
    phrase = " ".join(text[b.start():e].split()).lower()
    return (b.start(), e) if any(phrase in " ".join(text[a:z].split()).lower() for a, z in spans) else (s, e)


_QUOTES = " \t\"'“”‘’()`"


def alias_phrases(text: str, aliases: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every mention of an alias that ``mentions`` cannot follow word by word, as one span: an alias of several
    words ("Lil' Ray", "Baby Dre": the apostrophe and both words go), with digits ("Lil 9", "2Pac") in any case,
    and a single capital ('Dwayne "D" Carter ... D had a gun') as written."""
    out: list[tuple[int, int]] = []
    seen: set[str] = set()
    for s, e in aliases:
        phrase = text[s:e].strip(_QUOTES)
        words = phrase.split()
        key = phrase.lower()
        single = len(phrase) == 1 and phrase.isupper() and phrase not in "AI"
        if key in seen or not (single or len(words) > 1 or any(c.isdigit() for c in phrase)):
            continue
        seen.add(key)
        if single:
            rx = re.compile(r"(?<![\w'’\-/.#])" + phrase + r"(?![\w'’\-/.])")
        else:
            rx = re.compile(r"(?<![\w'’\-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w\-])", re.IGNORECASE)
        out.extend(m.span() for m in rx.finditer(text) if not (m.start() <= s and e <= m.end()))
    return out


_COMPOUND = re.compile(r"[^\W\d_]+(?:[\-'’][^\W\d_]+)+")


def _whole_compound(text: str, s: int, e: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The whole hyphenated word around ``s:e`` when it was redacted whole elsewhere ("t-bone", "al-masri")."""
    lo = s
    while lo > 0 and (text[lo - 1].isalpha() or text[lo - 1] in "-'’"):
        lo -= 1
    hi = e
    while hi < len(text) and (text[hi].isalpha() or text[hi] in "-'’"):
        hi += 1
    if text[hi - 2:hi].lower() in ("'s", "’s") and hi - 2 >= e:
        hi -= 2  # "d'andre's": the name without its possessive
    c = _COMPOUND.fullmatch(text, lo, hi)
    if c is None or (lo, hi) == (s, e):
        return s, e
    whole = fold(c.group()).lower()
    if any(whole in fold(text[a:b]).lower() for a, b in spans):
        return lo, hi
    return s, e


_PREFIX_BEFORE = re.compile(r"(?<![\w'’\-])(?:(?-i:Lil|LIL|Li['’]l|LI['’]L|Little|LITTLE|Baby|BABY|Big|BIG|Yung|YUNG)"
                            r"|lil|li['’]l|yung)['’]?[ \t]+\Z")
_LOWER_PREFIX_BEFORE = re.compile(r"(?<![\w'’\-])(?:little|baby|big)[ \t]+\Z")
_MIDDLE_AFTER = re.compile(r"\s([^\W\d_])(?:\.(?![\w/])|(?![\w/'’.\-]))")


def extend_particles(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` grown over particles and the word after them ("Maria" + " de la Cruz") or before it, or
    over the middle initial after ``last, first``."""
    m = _PARTICLES_AFTER.match(text, end)
    if m is not None:
        end = m.end()
    elif text[max(0, end - 3):end].lower() in ("mac", " mc") and (a := _AN_AFTER.match(text, end)) is not None:
        end = a.end()  # "aaliyah mac" + " an tsaoir"
    elif "," in text[start:end] and (i := _MIDDLE_AFTER.match(text, end)) is not None and i.group(1) not in "aAiI":
        end = i.end()  # "foster, tatiana l.": ``last, first`` and a middle initial
    if (p := _PREFIX_BEFORE.search(text, max(0, start - 10), start)) is not None or (
            (p := _LOWER_PREFIX_BEFORE.search(text, max(0, start - 10), start)) is not None
            and not any(c.isupper() for c in text)):
        return p.start(), end  # "Baby Boy", "Lil Ray", "lil' ray", "baby boy" in a lower-case text: an alias's prefix
    b = _PARTICLES_BEFORE.search(text, max(0, start - 12), start)
    if b is not None and not (b.group().strip().startswith(("St", "ST")) and text[start:start + 1].islower()):
        start = b.start()  # not "Adams St. darnell": a street, then a name opening the next sentence
    return start, end


_NAME_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_PAREN_AFTER = re.compile(r"(?:\s+[^\W\d_]\.?(?=\s*\())?\s*\(\s*[\"“']?(" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD
                          + r"){0,2})[\"”']?\s*\)")
_AND_AFTER = re.compile(r"\s*(?:,\s*)?(?:and|&|or)\s+((?:[^\W\d_]\.\s*)?" + _NAME_WORD + r")", re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?<![\w'’\-])(" + _NAME_WORD + r")\s*,?\s+(?:and|&|or)\s+\Z", re.IGNORECASE)


_AMBIGUOUS_NAMES = AMBIGUOUS_GIVEN - CUE_WORDS
_COMMA_GIVEN = re.compile(r",\s*(" + _NAME_WORD + r")(?=\s*[.,;:)|/]|\s*$|\s+([^\W\d_]+))")


def _given_after_surname(text: str, s: int, e: int, is_name: Callable[[str], bool]) -> tuple[int, int] | None:
    """``LAST, FIRST`` written in lower case ("his mother de la cruz, ngozi took"): after a one-word surname (its
    particles apart), a comma and a name-like word followed by a common word or a verb form is the given name."""
    words = [w for w in _KEY_TOKEN.findall(text[s:e]) if w.lower() not in PARTICLES]
    m = _COMMA_GIVEN.match(text, e)
    if len(words) != 1 or m is None or not (is_name(m.group(1)) or m.group(1).lower() in _AMBIGUOUS_NAMES):
        return None
    nxt = (m.group(2) or "").lower()
    if nxt and nxt not in CAPS_STOP_WORDS and not nxt.endswith(("ed", "s")):
        return None
    return m.span(1)


def neighbour_names(text: str, spans: Sequence[tuple[int, int]], is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names next to a found name: a nickname in parentheses after it ("Mohammed Adeyemi (Mo)"), the other
    member of a pair ("Oksana and Łukasz", "my kids juana and aisha") and the given name after a surname written
    ``last, first``, when ``is_name`` accepts the word."""
    out = []
    for s, e in spans:
        given = _given_after_surname(text, s, e, is_name)
        if given is not None:
            out.append(given)
        for rx in (_PAREN_AFTER, _AND_AFTER):
            m = rx.match(text, e)
            words = m.group(1).split() if m is not None else []
            if m is not None and is_name(words[-1].split(".")[-1]) and not any(  # not "(his nephew)"
                    w.lower() in CAPS_STOP_WORDS or w.lower() in _CUE_WORDS for w in words):
                out.append(m.span(1))
        b = _AND_BEFORE.search(text, max(0, s - 40), s)
        if b is not None and is_name(b.group(1)):
            out.append(b.span(1))
        out.extend(_nickname_before_bracket(text, s, e))
    return out


_PAREN_BEFORE = re.compile(r"(?<![\w'’\-])(" + _NAME_WORD + r")\s*\(\s*\Z")
_PAREN_CLOSE = re.compile(r"\s*\)")


def _nickname_before_bracket(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``Nick (First Last)``: a word right before a bracketed name is that person's nickname ("Conchita (Concepción
    Vega) called", "LYUDA (ASANTE, LUDMILA)"); no role, report or common word ("victim (Ann Lee)"), and in mixed case
    a capitalized one."""
    if not _PAREN_CLOSE.match(text, e):
        return []
    b = _PAREN_BEFORE.search(text, max(0, s - 40), s)
    if b is None:
        return []
    word = b.group(1)
    low = word.lower()
    if low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in _CUE_WORDS or low in NARRATIVE_VERBS or _verb_form(low):
        return []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    return [b.span(1)] if not mixed or word[:1].isupper() else []


_QUOTED_NICK = re.compile(
    r"(?<![\w'’\-/])(" + _NAME_WORD + r")\s+[\"“‘']([^\W\d_]+(?:['’\-][^\W\d_]+)*(?:\s[^\W\d_]+)?)[\"”’']\s+("
    + _NAME_WORD + r")(?![\w'’\-])")


_CLOSES = {"\"": "\"”", "“": "”\"", "‘": "’'", "'": "'’"}


def _quoted_nicknames(text: str) -> list[tuple[int, int]]:
    """``First "Nick" Last`` in any case: a quoted word between two name-like words is a nickname, and the words
    around it are the given name and the surname ("sione \"kilo\" stewart", "Fatima \"Peanut\" Díaz")."""
    out = []
    for m in _QUOTED_NICK.finditer(text):
        if text[m.end(2)] not in _CLOSES[text[m.start(2) - 1]]:
            continue  # "NAME “LIL' RAY”": the apostrophe of "Lil'" closes no quote
        first, last = m.group(1).lower(), m.group(3).lower()
        if first in CAPS_STOP_WORDS or last in CAPS_STOP_WORDS or (first in NOT_NAME_WORDS and last in NOT_NAME_WORDS):
            continue
        out.extend([m.span(1), m.span(2), m.span(3)])
    return out


_NAME_BEFORE_ALIAS = re.compile(r"(?:(?<![\w'’\-])" + _NAME_WORD + r"(?:\s*,\s*|\s+)){0,4}" + _NAME_WORD
                                + r"\.?\s*[,(.\-–—]?\s*(?:who\s+)?\Z")  # "foster, tatiana l. street name:"


_CUE_WORDS = {c for c in PERSON_CUES_ANY_CASE if " " not in c} | {"report", "reports", "reported", "says", "said"}
_NOT_BEFORE_ALIAS = NARRATIVE_VERBS | {"guy", "man", "woman", "dude", "kid", "one", "person", "someone", "somebody",
                                       "who", "better", "commonly", "widely", "also", "uses", "use", "everyone",
                                       "they", "people", "friends", "folks", "everybody"}


def _named_before(text: str, cue_start: int) -> list[tuple[int, int]]:
    """The name an alias belongs to: up to three name-like words right before the cue ("priya yilmaz aka: ...",
    "hiroshi baker (street name hiro)"), the words from the first that is no common or report word."""
    m = _NAME_BEFORE_ALIAS.search(text, max(0, cue_start - 60), cue_start)
    if m is None:
        return []
    words = list(re.finditer(_NAME_WORD, text[m.start():cue_start]))
    out: list[tuple[int, int]] = []
    for w in reversed(words):
        low = w.group().lower()
        if low.endswith(("'s", "’s")):
            low = low[:-2]  # "the suspect's nickname is": a role, not a name
        if len([o for o in out if text[o[0]:o[1]].lower() not in PARTICLES]) >= 3:
            break  # a given name, a middle name and a surname at most, particles apart ("Ana de la Peña")
        common = low in NOT_NAME_WORDS and low not in surnames() and low not in AMBIGUOUS_GIVEN  # "rose march aka"
        if low in CAPS_STOP_WORDS or common or low in _CUE_WORDS or low in _NOT_BEFORE_ALIAS or _verb_form(low):
            if out or low != "who":
                break
            continue
        end = m.start() + w.end()
        out.append((m.start() + w.start(), end - 2 if text[end - 2:end].lower() in ("'s", "’s") else end))
    return [(out[-1][0], out[0][1])] if out else []  # one span: "thistlewood, yuki" is one ``last, first``


_ALIAS_OF = re.compile(r"(?i:a/k/a|a\.k\.a|aka|f/k/a|f\.k\.a|fka|[sn]/n|nn\b|also\s|known\s|better\s|commonly\s|widely\s|nick|go\s|goes\s|going\s|"
                       r"went\s|alias|street\s|moniker|answers\s|calls\s|refers\s|uses\s|who\s|whom\s)")
_QUOTED_AFTER = re.compile(r"(?:\s+[^\W\d_]\.?(?=\s*[(\"“\-–—]))?\s*(?:[\-–—]+\s*)?\(?\s*[\"“]([^\W\d_][\w'’\-]*"
                           r"(?:\s[^\W\d_][\w'’\-]*)?)[,.]?[\"”]"
                           r"|\s+\(?['‘]([^\W\d_][\w\-]*(?:\s[^\W\d_][\w\-]*)?)['’](?![\w])")


def quoted_after(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quoted word or two (no common word) right after a name, or right before it, is that person's alias
    ("Marcus Young \"Little Mac\"", "DOE, JOHN (\"SMOKE\")", "\"kilo\" tendai moyo"); in mixed-case text a quoted
    word after a name must be capitalized (or bracketed) to be no speech."""
    out = []
    lower_text = not any(c.isupper() for c in text)
    for s, e in spans:
        b = _QUOTED_BEFORE.search(text, max(0, s - 40), s)
        if b is not None and all(w.lower() not in CAPS_STOP_WORDS for w in b.group(1).split()) and not (
                _said_before(text, b.start())):
            out.append(b.span(1))
        m = _QUOTED_AFTER.match(text, e)
        if m is None:
            continue
        g = 1 if m.group(1) else 2  # double quotes, or single quotes after a space ("JONES, TERRELL 'SMOKE'")
        words = m.group(g).split()
        bracketed = "(" in text[e:m.start(g)]  # ("lil ray") right after a name: an alias in any case

        if all((w[:1].isupper() or bracketed or lower_text) and w.lower() not in CAPS_STOP_WORDS for w in words):
            out.append(m.span(g))
    return out


_TELLING = {"told", "tell", "tells", "telling", "ordered", "commanded", "asked", "instructed", "advised", "warned",
            "directed", "yelled", "shouted", "screamed", "said", "says", "saying", "stated", "replied", "heard"}
_SAYING = {"yelled", "yells", "screamed", "screams", "shouted", "shouts", "wrote", "writes", "read", "reads", "replied",
           "replies", "responded", "answered", "whispered", "saying", "yelling", "screaming", "shouting", "reading"}
_WORD_BEFORE_QUOTE = re.compile(r"([^\W\d_]+)[\s,:]*\Z")


def _said_before(text: str, quote: int) -> bool:
    """A verb of speech right before a quote: what follows is speech ('said "stop"'), not an alias."""
    said = _WORD_BEFORE_QUOTE.search(text, max(0, quote - 30), quote)
    return said is not None and (said.group(1).lower() in NARRATIVE_VERBS or said.group(1).lower() in _SAYING)
_QUOTED_BEFORE = re.compile(r"(?:^|(?<=[\s(,:;]))[\"“]([^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*)?)[\"”]\s+\Z")


# After these a quoted word or two is what someone is called ('a man called "Kilo"', 'described as "Tiny"').
_QUOTED_CUED = re.compile(
    r"(?i:\b(?:called|named|dubbed|described\s+as|referred\s+to\s+as|known\s+only\s+as|by\s+the\s+name(?:\s+of)?|"
    r"name\s+of)\s+[\"“‘'])(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']")
_ALIAS_BEFORE = re.compile(
    r"[\"“‘']?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']?\s+(?:is|was)\s+((?:" + _NAME_WORD + r"\s+){0,2}"
    + _NAME_WORD + r")['’]s\s+(?:street\s+name|nick\s?name|moniker|alias|handle)\b", re.IGNORECASE)


_PAIR_THEN_ALIAS = re.compile(r"(?<![\w'’\-])(" + _NAME_WORD + r")\s+(" + _NAME_WORD + r")\s*(?:\(\s*[\"“'‘]?|[\"“])("
                              + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)(?:[\"”'’]?\s*\)|[\"”])")
# Bracketed words after a name that describe, not alias, the person ("(DOB ...)", "(age 34)", "(juvenile)").
_NOT_ALIAS = {"age", "aged", "yob", "dob", "birth", "born", "juvenile", "adult", "deceased", "minor", "male", "female",
              "unk", "unknown", "victim", "witness", "suspect", "driver", "passenger", "mother", "father", "owner"}
_ALIAS_THEN_PAIR = re.compile(r"(?:^|(?<=[\s(,:;]))[\"“](" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”](?:\s+\(?|\s*\()\s*(" + _NAME_WORD
                              + r")\s+(" + _NAME_WORD + r")(?![\w'’\-])")


def _given_surname(first: str, last: str) -> bool:
    """Two words that read as a given name and a surname: a listed (or everyday) given name or a word no dictionary
    holds, then a listed surname or such a word; no common, report or cue word."""
    f, la = first.lower(), last.lower()
    if f in CAPS_STOP_WORDS or la in CAPS_STOP_WORDS or f in _CUE_WORDS or la in _CUE_WORDS or la in NARRATIVE_VERBS:
        return False
    return ((f in given_names() or f in _AMBIGUOUS_NAMES or unknown_word(first))
            and (la in surnames() or unknown_word(last)))


def _pairs_around_aliases(text: str) -> list[tuple[int, int]]:
    """``First Last "Nick"``, ``First Last (Nick)`` and ``"Nick" First Last`` in any case: the name and its alias,
    when the two words read as a given name and a surname (``_given_surname``)."""
    out: list[tuple[int, int]] = []
    for m in _PAIR_THEN_ALIAS.finditer(text):
        opener = m.group(3).split()[0].lower()
        if _given_surname(m.group(1), m.group(2)) and opener not in _ALIAS_FUNCTION and not any(
                w.lower() in _NOT_ALIAS or w.lower() in CAPS_STOP_WORDS or w.lower() in CUE_WORDS for w in m.group(3).split()):
            # "(moniker red)": the alias after a cue is the cue's (``_ALIAS``)
            out.extend([m.span(1), m.span(2)] + ([] if _ALIAS_OF.match(opener) else [m.span(3)]))
    for m in _ALIAS_THEN_PAIR.finditer(text):
        if _given_surname(m.group(2), m.group(3)) and m.group(1).split()[0].lower() not in _ALIAS_FUNCTION and not (
                _said_before(text, m.start())):
            out.extend([m.span(1), m.span(2), m.span(3)])
    return out


_ALIAS_OF_NAME = re.compile(
    r"(?<![\w'’\-])[\"“‘']?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']?\s+(?:is|was)\s+(?:the|his|her|their)\s+"
    r"(?:street\s+name|nick\s?name|moniker|alias|handle)\s+(?:of|for|used\s+by)\b", re.IGNORECASE)


# "Smoke, whose real name is Terrell Jones", '"Pooh" (real name unknown)': the word or two before the cue are an alias.
_BEFORE_REAL_NAME = re.compile(
    r"(?<![\w'’\-])(?:[\"“‘']|``)?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)(?:[\"”’']|'')?\s*,?\s*\(?\s*(?i:"
    + cue_pattern(alias_before=True) + r")\b")


def _aliases_before_real_names(text: str) -> list[tuple[int, int]]:
    """The alias standing before "real name" (``alias_cues``), its report, common and possessive words apart."""
    out = []
    lower_text = not any(c.isupper() for c in text)
    for m in _BEFORE_REAL_NAME.finditer(text):
        words = list(re.finditer(_NAME_WORD, m.group(1)))
        while words and (_no_alias_word(words[0].group()) or words[0].group().lower().endswith(("'s", "’s"))):
            if words.pop(0).group().lower() in _ALIAS_FUNCTION:
                words = []  # "Ami from upstairs (real name ...)": a place, not an alias
        quoted = m.group().startswith(("\"", "“", "‘", "'", "``"))
        if words and not words[-1].group().lower().endswith(("'s", "’s")) and (
                quoted or lower_text or words[0].group()[:1].isupper()):
            out.append((m.start(1) + words[0].start(), m.start(1) + words[-1].end()))
    return out


def _no_alias_word(word: str) -> bool:
    low = word.lower()
    return low in _ALIAS_FUNCTION or low in CAPS_STOP_WORDS or low in _CUE_WORDS or low in NARRATIVE_VERBS


# 'suspect "Money" ran', 'her nephew "Bam" (DOB ...)', 'boyfriend, "Sugar," hit her': a quoted word or two right after a
# role or a kinship noun is what that person is called (``_role_quoted``).
_QUOTED_WORDS = re.compile(r"(?:[\"“]|(?<=\s)['‘])(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[,.]?[\"”’'](?![\w])")
_ROLE_BEFORE = re.compile(r"(?<![\w'’\-])((?:ex-|step-?)?[^\W\d_]+)\s*,?\s*\Z")
_ROLE_WORDS = frozenset({"suspect", "suspects", "subject", "subj", "susp", "victim", "vic", "witness", "male", "female", "man",
                         "woman", "guy", "dude", "kid", "juvenile", "caller", "rp", "driver", "passenger"})


def _role_quoted(text: str) -> list[tuple[int, int]]:
    """A quoted word or two right after a role or a kinship noun, unless speech (a verb of speech or an order just
    before the role) or a common word (or, in mixed-case text, a word in lower case)."""
    out = []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    for m in _QUOTED_WORDS.finditer(text):
        r = _ROLE_BEFORE.search(text, max(0, m.start() - 25), m.start())
        role = r.group(1).lower() if r is not None else ""
        if r is None or (role not in _ROLE_WORDS and role.split("-")[-1] not in _CUE_WORDS):
            continue
        words = m.group(1).split()
        before = {w.lower() for w in re.findall(r"[^\W\d_]+", text[max(0, r.start() - 30):r.start()])[-3:]}
        if (mixed and not words[0][:1].isupper()) or any(_no_alias_word(w) for w in words) or before & _TELLING:
            continue  # 'told the suspect "Stop"': speech
        out.append(m.span(1))
    return out


_NAMED_HINT = re.compile(r"(?i:street\s+name|nick\s?name|moniker|alias|handle)")


def alias_spans(text: str) -> list[tuple[int, int]]:
    """The one or two words after an alias cue, unless they are common words; the name before the cue; quoted
    nicknames inside a name; ``"Spider" is Ann Lee's street name``: the alias and the name; a name with a quoted
    or bracketed alias before or after it (``_pairs_around_aliases``)."""
    out = _quoted_nicknames(text) + _pairs_around_aliases(text)
    if "name" in text.lower():
        out += _aliases_before_real_names(text)
    if "\"" in text or "“" in text or "'" in text or "‘" in text:
        out += _role_quoted(text)
    out += [m.span(1) for m in _QUOTED_CUED.finditer(text) if m.group(1).split()[0].lower() not in _ALIAS_FUNCTION]
    named = _NAMED_HINT.search(text) is not None  # the two patterns below need one of these words: skip the search
    out += [m.span(1) for m in (_ALIAS_OF_NAME.finditer(text) if named else ())
            if m.group(1).split()[0].lower() not in _ALIAS_FUNCTION]
    for m in _ALIAS_BEFORE.finditer(text) if named else ():
        if m.group(1).split()[0].lower() not in _ALIAS_FUNCTION:
            out.extend([m.span(1), m.span(2)])
    for m in _ALIAS.finditer(text):
        if m.group("j"):  # "X a/k/a Y": X is a name too (not before "a guy they call Y", "she knows him as Y")
            out.extend(_named_before(text, m.start()))
        words = m.group("a").split()
        quoted = bool(m.group("q"))
        if len(words) > 1 and (words[1].lower() in CAPS_STOP_WORDS or words[1].lower() in NARRATIVE_VERBS
                               or (words[1].lower() in NOT_NAME_WORDS and not quoted)):
            words = words[:1]
        first = words[0].lower()
        if first in _ALIAS_FUNCTION or (first in CAPS_STOP_WORDS and len(words) < 2 and not quoted):
            continue  # "known as the ...", "goes by car"; a quoted word or a two-word alias is one ("too tall")
        s = m.start("a")
        out.append((s, m.end("a") if len(words) > 1 else s + len(words[0])))
        out.extend(_surname_after_bracket(text, m.start(), out[-1][1]))
        out.extend(_more_aliases(text, out[-1][1] + (1 if quoted else 0)))
    return out


_CLOSE_THEN_NAME = re.compile(r"[\"”'’]?\s*\)\s+(" + _NAME_WORD + r"(?:\.?\s+" + _NAME_WORD + r")?)(?![\w'’\-])")


def _surname_after_bracket(text: str, cue_start: int, alias_end: int) -> list[tuple[int, int]]:
    """``First (aka Smoke) Last``: the bracketed alias sits inside the name, so the word after it is the surname
    (with a particle: "Avi (aka Dre) St. John")."""
    if not text[max(0, cue_start - 2):cue_start].strip().endswith("("):
        return []
    m = _CLOSE_THEN_NAME.match(text, alias_end)
    if m is None:
        return []
    words = m.group(1).replace(".", " ").split()
    if words[0].lower() in PARTICLES and len(words) > 1:
        return [m.span(1)]
    w = words[0].lower()
    if w in CAPS_STOP_WORDS or w in NOT_NAME_WORDS:
        return []
    return [(m.start(1), m.start(1) + len(words[0]))]


def _verb_form(word: str) -> bool:
    """"approached", "walking": a list of aliases ends at a verb ("aka Candy, approached the car")."""
    low = word.lower()
    return len(low) >= 6 and low.endswith(("ed", "ing")) and low not in given_names()


def _more_aliases(text: str, pos: int) -> list[tuple[int, int]]:
    """The rest of a list of aliases ("AKA'S frosty, anja", "aka tank / kilo / red"): up to four more words."""
    out: list[tuple[int, int]] = []
    while len(out) < 4:
        more = _ALIAS_MORE_MARKED.match(text, pos) or _ALIAS_MORE.match(text, pos)
        if more is None or any(w.lower() in CAPS_STOP_WORDS or w.lower() in NARRATIVE_VERBS or w.lower() in _ALIAS_FUNCTION
                               or _verb_form(w) for w in more.group("w").split()):
            break
        end = more.end("w")
        second = more.group("w2") if more.re is _ALIAS_MORE_MARKED else None
        if second and second.lower() not in CAPS_STOP_WORDS and second.lower() not in NARRATIVE_VERBS and not (
                second.lower().endswith(("ed", "ing"))):
            end = more.end("w2")  # "aka trouble; lil bit": a two-word alias
        out.append((more.start("w"), end))
        pos = end + (1 if text[end:end + 1] in "\"”'’" else 0)
    return out
