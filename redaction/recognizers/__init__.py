"""Our Presidio recognizers, one per file. ``default_recognizers()`` builds a fresh instance of each."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redaction.recognizers.address import UsAddressRecognizer
from redaction.recognizers.dob import DateOfBirthRecognizer
from redaction.recognizers.driver_license import DriverLicenseRecognizer
from redaction.recognizers.email import EmailRecognizer
from redaction.recognizers.person_caps import AllCapsNameRecognizer
from redaction.recognizers.person_cue import CueNameRecognizer
from redaction.recognizers.person_last_first import LastFirstNameRecognizer
from redaction.recognizers.phone import UsPhoneRecognizer
from redaction.recognizers.plate import LicensePlateRecognizer
from redaction.recognizers.ssn import UsSsnRecognizer
from redaction.recognizers.vin import VinRecognizer

RECOGNIZER_CLASSES = (
    UsAddressRecognizer, AllCapsNameRecognizer, LastFirstNameRecognizer, CueNameRecognizer,
    DateOfBirthRecognizer, UsPhoneRecognizer, UsSsnRecognizer, DriverLicenseRecognizer,
    LicensePlateRecognizer, VinRecognizer, EmailRecognizer,
)


def default_recognizers() -> list[EntityRecognizer]:
    """A new instance of every custom recognizer (spaCy's PERSON comes from the NLP engine)."""
    return [cls() for cls in RECOGNIZER_CLASSES]


__all__ = [c.__name__ for c in RECOGNIZER_CLASSES] + ["RECOGNIZER_CLASSES", "default_recognizers"]
