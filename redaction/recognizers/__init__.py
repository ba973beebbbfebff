"""Our Presidio recognizers, one per file. ``default_recognizers()`` builds a fresh instance of each."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from redaction.recognizers.address import OsdUsAddressRecognizer
from redaction.recognizers.case_number import OsdBadgeRecognizer, OsdCaseNumberRecognizer
from redaction.recognizers.demographics import OsdDemographicsRecognizer
from redaction.recognizers.dob import OsdDateOfBirthRecognizer
from redaction.recognizers.driver_license import OsdDriverLicenseRecognizer
from redaction.recognizers.email import OsdEmailRecognizer
from redaction.recognizers.person_caps import OsdAllCapsNameRecognizer
from redaction.recognizers.person_cue import OsdCueNameRecognizer
from redaction.recognizers.person_initials import OsdInitialsRecognizer
from redaction.recognizers.person_last_first import OsdLastFirstNameRecognizer
from redaction.recognizers.phone import OsdUsPhoneRecognizer
from redaction.recognizers.plate import OsdLicensePlateRecognizer, OsdVehiclePlateRecognizer
from redaction.recognizers.ssn import OsdUsSsnRecognizer
from redaction.recognizers.vin import OsdVinRecognizer

RECOGNIZER_CLASSES = (
    OsdUsAddressRecognizer, OsdAllCapsNameRecognizer, OsdLastFirstNameRecognizer, OsdCueNameRecognizer,
    OsdDateOfBirthRecognizer, OsdUsPhoneRecognizer, OsdUsSsnRecognizer, OsdDriverLicenseRecognizer,
    OsdLicensePlateRecognizer, OsdVinRecognizer, OsdEmailRecognizer, OsdInitialsRecognizer, OsdCaseNumberRecognizer,
    OsdBadgeRecognizer, OsdDemographicsRecognizer, OsdVehiclePlateRecognizer,
)


def default_recognizers() -> list[EntityRecognizer]:
    """A new instance of every custom recognizer (spaCy's PERSON comes from the NLP engine)."""
    return [cls() for cls in RECOGNIZER_CLASSES]


__all__ = [c.__name__ for c in RECOGNIZER_CLASSES] + ["RECOGNIZER_CLASSES", "default_recognizers"]
