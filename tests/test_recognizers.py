"""Each custom recognizer: text -> expected matched substrings (negatives included)."""

from __future__ import annotations

import pytest

from redaction.recognizers import (
    OsdAllCapsNameRecognizer,
    OsdBadgeRecognizer,
    OsdCaseNumberRecognizer,
    OsdCueNameRecognizer,
    OsdDateOfBirthRecognizer,
    OsdDemographicsRecognizer,
    OsdDriverLicenseRecognizer,
    OsdEmailRecognizer,
    OsdInitialsRecognizer,
    OsdLastFirstNameRecognizer,
    OsdLicensePlateRecognizer,
    OsdUsAddressRecognizer,
    OsdUsPhoneRecognizer,
    OsdUsSsnRecognizer,
    OsdVehiclePlateRecognizer,
    OsdVinRecognizer,
    default_recognizers,
)
from redaction.recognizers.vin import vin_check_digit

CASES = [
    # addresses
    (OsdUsAddressRecognizer, "lives at 123 N Main St Apt 4B today", ["123 N Main St Apt 4B"]),
    (OsdUsAddressRecognizer, "home: 77 WEST 21ST STREET #12.", ["77 WEST 21ST STREET #12"]),
    (OsdUsAddressRecognizer, "at 450 Oak Street, Unit 3.", ["450 Oak Street, Unit 3"]),
    (OsdUsAddressRecognizer, "near 88 Elm St NW, then", ["88 Elm St NW"]),
    (OsdUsAddressRecognizer, "at 1200 Martin Luther King Jr Blvd", ["1200 Martin Luther King Jr Blvd"]),
    (OsdUsAddressRecognizer, "responded to the 4500 block of Elm Ave", ["4500 block of Elm Ave"]),
    (OsdUsAddressRecognizer, "in the 4700 block of W HILLCREST AVE near", ["4700 block of W HILLCREST AVE"]),
    (OsdUsAddressRecognizer, "in the 300 blk of larchmont near the park", ["300 blk of larchmont"]),
    (OsdUsAddressRecognizer, "stopped at Elm Ave and 5th St", []),
    (OsdUsAddressRecognizer, "at 1430 hrs on Main St", []),
    (OsdUsAddressRecognizer, "Unit 12 Responded To Oak St", []),
    # ALL-CAPS names
    (OsdAllCapsNameRecognizer, "Officers met R/P JOHN Q PUBLIC, who stated the car was taken", ["JOHN Q PUBLIC"]),
    (OsdAllCapsNameRecognizer, "Also present was XOCHITL WASHINGTON at the scene today", ["XOCHITL WASHINGTON"]),
    (OsdAllCapsNameRecognizer, "the witness advised JAMES ST. CLAIR about the noise", ["JAMES ST. CLAIR"]),
    (OsdAllCapsNameRecognizer, "Subject was cited for DUI NO INSURANCE at CAD", []),
    (OsdAllCapsNameRecognizer, "Also present was JOSÉ MUÑOZ at the scene today", ["JOSÉ MUÑOZ"]),
    (OsdAllCapsNameRecognizer, "the caller said THE SUSPECT FLED on foot toward the park", []),
    (OsdAllCapsNameRecognizer, "Vehicle was a WHITE HONDA CIVIC", []),
    (OsdAllCapsNameRecognizer, "OFFICER RESPONDED TO A CALL ABOUT JOHN SMITH", []),  # mostly caps: inactive
    # LAST, FIRST
    (OsdLastFirstNameRecognizer, "V/ Doe, Jane was", ["Doe, Jane"]),
    (OsdLastFirstNameRecognizer, "Later DOE, JANE M stated", ["DOE, JANE M"]),
    (OsdLastFirstNameRecognizer, "neighbor VAN DER BERG, PIOTR N told", ["VAN DER BERG, PIOTR N"]),
    (OsdLastFirstNameRecognizer, "in Springfield, Illinois and Austin, TX", []),
    (OsdLastFirstNameRecognizer, "However, Officer Lee arrived", []),
    # accented LAST, FIRST (Latin-1, Extended-A/B, Vietnamese)
    (OsdLastFirstNameRecognizer, "W/RAMÍREZ, MARÍA JOSÉ observed the incident", ["RAMÍREZ, MARÍA JOSÉ"]),
    (OsdLastFirstNameRecognizer, "W/MARTÍNEZ, RAÚL observed", ["MARTÍNEZ, RAÚL"]),
    (OsdLastFirstNameRecognizer, "W/CASTAÑEDA, JESÚS observed", ["CASTAÑEDA, JESÚS"]),
    (OsdLastFirstNameRecognizer, "W/DĄBROWSKA, AGNIESZKA OBSERVED THE INCIDENT", ["DĄBROWSKA, AGNIESZKA"]),
    (OsdLastFirstNameRecognizer, "W/MARTÍNEZ, JUAN CARLOS OBSERVED THE INCIDENT", ["MARTÍNEZ, JUAN CARLOS"]),
    (OsdLastFirstNameRecognizer, "S1 NGUYỄN, LINH (DOB 3/4/88)", ["NGUYỄN, LINH"]),
    (OsdLastFirstNameRecognizer, "Contacted ST. CLAIR, KEISHA, DOB: 1972-03-02", ["ST. CLAIR, KEISHA"]),
    (OsdLastFirstNameRecognizer, "Wiśniewski, Łukasz said", ["Wiśniewski, Łukasz"]),
    (OsdLastFirstNameRecognizer, "AT THIS TIME, OFFICERS LEFT THE SCENE", []),
    # cue names
    (OsdCueNameRecognizer, "Witness Maria Gonzalez stated", ["Maria Gonzalez"]),
    (OsdCueNameRecognizer, "W/MUÑOZ, ALEJANDRA OBSERVED THE INCIDENT", ["MUÑOZ, ALEJANDRA"]),
    (OsdCueNameRecognizer, "Witness José Núñez stated", ["José Núñez"]),
    (OsdCueNameRecognizer, "UPON ARRIVAL I MET WITH THE VICTIM, DOE, JANE (DOB", ["DOE, JANE"]),
    (OsdCueNameRecognizer, "SUSPECT WAS LATER IDENTIFIED AS SMITH, JOHN (DOB", ["SMITH, JOHN"]),
    (OsdCueNameRecognizer, "V/ IDENTIFIED S1 AS DOE, JANE (DOB", ["DOE, JANE"]),
    (OsdCueNameRecognizer, "RECORDS CHECK ON S/GARCÍA OLN WDL12345 RETURNED", ["GARCÍA"]),
    (OsdCueNameRecognizer, "ALSO PRESENT WAS JOHN Q PUBLIC STATED", ["JOHN Q PUBLIC"]),
    (OsdCueNameRecognizer, "Later Ikaika A. Gonzalez advised", ["Ikaika A. Gonzalez"]),
    (OsdCueNameRecognizer, "ON ELM AVE. BOATENG'S ADDRESS IS 4630 PINE COURT", ["BOATENG"]),
    (OsdCueNameRecognizer, "V/ PH (555) 201-3344. V/ ph 555-201-3344", []),
    (OsdCueNameRecognizer, "NO SUSPECT INFORMATION AT THIS TIME. VICTIM REFUSED", []),
    (OsdCueNameRecognizer, "DRIVER'S LICENSE NUMBER D380-3694-1086", []),  # "DR" + "IVER'S" is no name
    (OsdCueNameRecognizer, "The neighbor, Ji-woo W. Khan stated", ["Ji-woo W. Khan"]),
    (OsdCueNameRecognizer, "Contacted Officer Smith at the scene", ["Smith"]),
    (OsdCueNameRecognizer, "Later Sofia E. Kahananui advised", ["Sofia E. Kahananui"]),
    (OsdCueNameRecognizer, "Referred to Det. Bureau at 1400 hrs", []),
    (OsdCueNameRecognizer, "driver of a Nissan Altima stated", []),
    # dates of birth
    (OsdDateOfBirthRecognizer, "Jane (DOB 03/14/1987) said", ["03/14/1987"]),
    (OsdDateOfBirthRecognizer, "born on March 3, 1990 in", ["March 3, 1990"]),
    (OsdDateOfBirthRecognizer, "DOB: 1987-03-14", ["1987-03-14"]),
    (OsdDateOfBirthRecognizer, "D.O.B. 3/14/87", ["3/14/87"]),
    (OsdDateOfBirthRecognizer, "On 03/14/2024 at 1430 hrs officers", []),
    (OsdDateOfBirthRecognizer, "DOB unknown. Incident on 03/14/2024", []),
    # phones
    (OsdUsPhoneRecognizer, "call (555) 234-5678 now", ["(555) 234-5678"]),
    (OsdUsPhoneRecognizer, "cell 555.123.4567", ["555.123.4567"]),
    (OsdUsPhoneRecognizer, "at +1 415 555 0100.", ["+1 415 555 0100"]),
    (OsdUsPhoneRecognizer, "phone # 4155550100", ["4155550100"]),
    (OsdUsPhoneRecognizer, "case 2024-001234 and 10-4 at 1430 hrs", []),
    (OsdUsPhoneRecognizer, "ref 4155550100 filed", []),  # bare digits without a phone cue
    # SSNs
    (OsdUsSsnRecognizer, "SSN 123-45-6789.", ["123-45-6789"]),
    (OsdUsSsnRecognizer, "social security number 123456789", ["123456789"]),
    (OsdUsSsnRecognizer, "number 666-12-3456 or 123-00-4567", []),
    (OsdUsSsnRecognizer, "case 123456789 opened", []),
    # licences
    (OsdDriverLicenseRecognizer, "DL# D1234567; plate 7ABC123", ["D1234567"]),
    (OsdDriverLicenseRecognizer, "Driver's license number S123-4567-8901.", ["S123-4567-8901"]),
    (OsdDriverLicenseRecognizer, "licensed driver D1234567", []),
    # plates
    (OsdLicensePlateRecognizer, "CA plate # 8XYZ 123.", ["8XYZ 123"]),
    (OsdLicensePlateRecognizer, "tag ABC-1234 seen", ["ABC-1234"]),
    (OsdLicensePlateRecognizer, "plate 7ABC123; VIN 1HGCM82633A004352", ["7ABC123"]),
    (OsdLicensePlateRecognizer, "plate was not visible, 10-4", []),
    (OsdLicensePlateRecognizer, "unit 7ABC123 responded", []),
    (OsdLicensePlateRecognizer, "VEHICLE: BLACK HONDA CIVIC, TAG FXX 187. VIN", ["FXX 187"]),
    # VINs
    (OsdVinRecognizer, "VIN 1HGCM82633A004352.", ["1HGCM82633A004352"]),
    (OsdVinRecognizer, "code 1HGCM82633A004353 here", []),  # wrong check digit, no VIN cue
    (OsdVinRecognizer, "VIN: 1HGCM82633A004353", ["1HGCM82633A004353"]),  # cue keeps it
    # e-mails
    (OsdEmailRecognizer, "email jane.doe@example.com.", ["jane.doe@example.com"]),
    (OsdEmailRecognizer, "contact J_Doe+tips@mail.example.org", ["J_Doe+tips@mail.example.org"]),
    (OsdEmailRecognizer, "the @ sign and user@localhost", []),
    (OsdEmailRecognizer, "Contact via muñoz76@example.com.", ["muñoz76@example.com"]),
    # issue 15: case numbers, badges, initials, demographics, plates after the vehicle, bare phones
    (OsdCaseNumberRecognizer, "See related case 14-0190 and 2016-0002-P; IAD #18-79756.", ["14-0190", "2016-0002-P", "18-79756"]),
    (OsdCaseNumberRecognizer, "Code 4, 10-4 on 2024-03-14 from 1400-1530 hrs, 555-1234", []),
    (OsdBadgeRecognizer, "Officer Kowalski #4521 and P/O FQ (#1172) arrived; badge 7788.", ["#4521", "#1172", "7788"]),
    (OsdBadgeRecognizer, "Apt #12 was empty", []),
    (OsdInitialsRecognizer, "Complainant A.B. stated that Officer FQ pushed him; Ł.C. saw it.", ["A.B.", "FQ", "Ł.C."]),
    (OsdInitialsRecognizer, "Complainant AC alleges; AC stated she was hurt at 3 p.m.", ["AC", "AC"]),
    (OsdInitialsRecognizer, "OFFICER ON SCENE. RP CB 4106089940. U.S. citizen, D.O.B. unknown", []),
    (OsdDemographicsRecognizer, "victim 32/W/F and suspect W/M 20s, B/F/45, age 34, born 1987, a 27 year old",
     ["32/W/F", "W/M 20s", "B/F/45", "34", "1987", "27"]),
    (OsdDemographicsRecognizer, "STS BF LARS PUSHED HER at 1430 hrs, 2 blocks", []),
    (OsdVehiclePlateRecognizer, "VEH: gray Nissan Altima JAD9670. TAN LINCOLN TOWN CAR SYY9456", ["JAD9670", "SYY9456"]),
    (OsdVehiclePlateRecognizer, "a maroon Chrysler 300 was stopped at 0545 hrs", []),
    (OsdUsPhoneRecognizer, "She was notified at 3242455196.", ["3242455196"]),
    (OsdUsPhoneRecognizer, "See case 2024001234 for details", []),
]


@pytest.mark.parametrize(("cls", "text", "expected"), CASES,
                         ids=[f"{c.__name__}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_recognizer_spans(cls, text, expected):
    rec = cls()
    results = rec.analyze(text, rec.supported_entities)
    assert sorted(text[r.start:r.end] for r in results) == sorted(expected)


@pytest.mark.parametrize(("cls", "text", "expected"), CASES,
                         ids=[f"{c.__name__}-find-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_find_is_what_analyze_reports(cls, text, expected):
    """The redactor calls ``find`` directly; Presidio users get the same spans through ``analyze``."""
    rec = cls()
    assert sorted(text[s:e] for s, e, _ in rec.find(text)) == sorted(expected)


def test_name_classes_cover_latin_letters():
    from redaction.recognizers.words import LOWER_CHARS, UPPER_CHARS, fold, fold_same_length

    for ch in "ÁÉÍÓÚÑÜĄĆĘŁŃŚŹŻŘŠŽŐŰỄ":
        assert ch in UPPER_CHARS and ch.lower() in LOWER_CHARS
    assert fold("RAMÍREZ, Łukasz Dąbrowski Nguyễn") == "RAMIREZ, Lukasz Dabrowski Nguyen"
    text = "Straße Ærø MARÍA"
    assert len(fold_same_length(text)) == len(text) and fold_same_length(text).endswith("MARIA")


def test_vin_check_digit_known_value():
    assert vin_check_digit("1HGCM82633A004352") == "3"
    assert vin_check_digit("11111111111111111") == "1"


def test_recognizer_names_do_not_shadow_presidio_classes():
    """Presidio finds predefined recognizers by class name among all subclasses: ours must not collide."""
    from presidio_analyzer import EntityRecognizer
    from presidio_analyzer.recognizer_registry.recognizers_loader_utils import RecognizerListLoader

    names = [c.__name__ for c in RecognizerListLoader.get_all_existing_recognizers(EntityRecognizer)]
    ours = {type(r).__name__ for r in default_recognizers()}
    assert all(names.count(n) == 1 for n in ours)


def test_every_recognizer_has_presidio_style_constants():
    for rec in default_recognizers():
        assert type(rec).PATTERNS and isinstance(type(rec).CONTEXT, list)
        assert rec.supported_entities[0] in {
            "PERSON", "ADDRESS", "DATE_OF_BIRTH", "PHONE", "SSN", "DRIVER_LICENSE", "PLATE", "VIN", "EMAIL", "ID", "DEMOGRAPHICS"}
        assert rec.analyze("nothing here", ["SOMETHING_ELSE"]) == []
