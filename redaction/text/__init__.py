"""Free-text redaction: our Presidio recognizers + spaCy NER + name lists, record-aware, numbered placeholders.

``TextRedactor.redact`` replaces every detected span with ``[TYPE n]`` where ``n`` numbers the distinct
values of that type within one record, and people (not surnames) for ``PERSON``: "Guadalupe Przybylski",
"PRZYBYLSKI" and "Ms. Przybylski" are one number, her relative "Aaliyah Przybylski" another
(``identity.number_people``). Demographic descriptors get one unnumbered ``[DEMOGRAPHICS]``. Detection is:

* record-aware matching (``variants``): the names, addresses, phones, DOBs, SSNs, licences, plates, VINs,
  e-mails and identifiers (``ID``) of the record's own structured columns are searched in its narrative in all
  their case, spacing, order and format variants, with or without accents, every word of a name included
  (common-word surnames such as "WEST" too, particles kept together: "de la Cruz"); always removed;
* our pattern recognizers (``redaction.recognizers``, called through their ``find`` method: no Presidio
  ``AnalyzerEngine`` per text): addresses and hundred blocks, phones with or without separators, case and
  badge numbers, initials ("A.B.", "Officer FQ"), demographics ("32/W/F", "age 34"), names after cues;
* names in any casing (``names``): words after relation, role, title and alias cues, US Census given names
  and surnames (the ``names`` package) and SSA baby names (``recognizers/data/ssa_given_names.txt``), names
  around verbs, before an age bracket (``age_cue``) and in pairs, the record people's initials (``initials``), taken directly or judged by the NER
  on a re-cased copy of their window (``analysis``); spaCy's PERSON entities on windows around unexplained
  capitalized words;
* names by their place in a sentence (``positions``): a sentence subject before a narrative verb, ``First (Nick)
  Last``, the surname before ", given name" and the given name before a found surname, taken when the word is listed
  or one no dictionary holds (``vocabulary.unknown_word``: the spaCy model's string table and lemma index); aliases
  after many cues ("a/k/a", "moniker:", "who they call", "\"X\" is Ann Lee's street name");
* names after cues that say a name follows (``naming``): "identified as", "told by", "thank you", "goes by",
  "<relation> is", a relation in apposition ("faith rivera, my sister,"), a pronoun taking the name up ("i called
  grace and she"), a given name the dictionary lists as a noun before a word no vocabulary holds;
* consistency (``people.mentions``): a word redacted at one mention is redacted at every mention; places
  named after people ("Trader Joe's", ``recognizers/data/not_names.yaml``) hold no name; an alias shares its
  person's number (``identity``).

Speed: unique texts are analysed once; spaCy runs only its NER component, and only over windows
(``ner_windows`` and the re-cased candidate windows); ``processes > 1`` spreads the analysis over worker
processes.

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
from redaction.text.normal_form import normal_form
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
    "name_variant_regexes", "ner_windows", "normal_form", "phone_variant_regexes", "placeholder",
]
