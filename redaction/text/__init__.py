"""Free-text redaction: our Presidio recognizers + spaCy NER, record-aware, typed numbered placeholders.

``TextRedactor.redact`` replaces every detected span with ``[TYPE n]`` where ``n`` numbers the distinct
values of that type within one record ("[PERSON 1] told [PERSON 2] that [PERSON 1] ..."). Detection is:

* record-aware matching: the names, addresses, phones, DOBs, SSNs, licences, plates, VINs, e-mails and
  identifiers (``ID``: case numbers, badge numbers; exact, case/spacing/dash-insensitive) of the record's
  own structured columns are searched in its narrative in all their case, spacing, order and format
  variants, with or without accents ("Ramirez" finds "RAMÍREZ"), and always removed (highest priority);
* our pattern recognizers (``redaction.recognizers``, called through their ``find`` method: no Presidio
  ``AnalyzerEngine`` per text) and spaCy's PERSON entities. Name patterns take the letters of Latin-1,
  Latin Extended-A/B and Latin Extended Additional; in narratives typed in capitals, names come from cues
  ("V/", "S1", "W/", "victim", "identified as", officer titles), the ``LAST, FIRST`` shape and record
  values, with a stop-list of police words ("PH", "IDENTIFIED", "HRS", ...) that are never names.

Speed: unique texts are analysed once; texts without an upper-case letter, a digit or an ``@`` skip the
recognizers and NER (record-aware matching still runs); spaCy runs only its NER component, and only over
``ner_windows``: a few words around each capitalized word that no pattern, record value, street name or
stop-list explains (most narratives need no NER at all); ``processes > 1`` spreads the analysis over
worker processes.

Nothing from a text is logged; counts only.
"""

from redaction.text.analysis import analyze_texts, ner_windows
from redaction.text.base import (
    DEFAULT_MODEL,
    ENTITY_TYPES,
    RECORD_ONLY_TYPES,
    RedactedText,
    Span,
    placeholder,
)
from redaction.text.redactor import TextRedactor
from redaction.text.variants import (
    _value_regex,
    address_variant_regexes,
    alnum_variant_regexes,
    dob_variant_regexes,
    name_variant_regexes,
    phone_variant_regexes,
)

__all__ = [
    "DEFAULT_MODEL", "ENTITY_TYPES", "RECORD_ONLY_TYPES", "RedactedText", "Span", "TextRedactor", "_value_regex",
    "address_variant_regexes", "alnum_variant_regexes", "analyze_texts", "dob_variant_regexes",
    "name_variant_regexes", "ner_windows", "phone_variant_regexes", "placeholder",
]
