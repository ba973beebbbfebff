"""Names in lower case with no cue but the sentence's shape, and terse lower-case field cards, written by a new
hand (issue 15, lower-case round 9): officers' contact verbs, notes typed on a phone or a car terminal, CAD
one-liners, 311 callers, texts, field-interview cards; names from many origins (Vietnamese, Somali, Arabic, Hmong,
Punjabi, Nigerian, Samoan, Navajo, Polish, Mexican) as a given name, a surname, both, or with an initial.

Shapes fixed this round: one word after a verb of police contact before a preposition, a conjunction or a stop
("i contacted xiaoling at", "detained ochoa without incident", "patted down moua for", "callback reached faamanu",
"welfare chk on tuiasosopo", "ran dl for nowak", "called young back", ``contact_objects``); "-ed" surnames that no
English "-ed" spelling makes ("naveed", "hamed", "waleed": ``spelling_forms``); an FI label with a colon or a dash
and a count ("fi: 3 subj - pham, vu, dang", "fi'd 2 subj: tran/kevin + ochoa/luis"); a surname and an initial on a
card ("subj: kowalski t / 5'10", "subj j yazzie", ``card_initials``); "gone" after a subject ("c4, grewal gone on
arrival"); "c/o" before a name. Keeps: typed shorthand ("abt", "mgmt", "husb", "rpts": ``data/typed_shorthand.txt``),
a verb after a relation ("neighbor dumps trash"), an adjective after a role's name ("subj okonkwo cooperative"),
and the ordinary objects of the same verbs ("i contacted dispatch", "contacted security", "transported patient to",
"contacted verizon about the records").
One table of (sentence, words that must go, words that must stay, casings), one of rows with record values, and
property-style tests over random names, verbs, tails and casings. The names are made up here.
"""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import (
    assert_casings,
    assert_record_row,
    needs_vocabulary,
    recase,
    redacted,
    shown,
    shown_words,
)

ALL = ("lower", "upper", "title")
NO_TITLE = ("lower", "upper")  # in Title Case the NER judges the capitalized words ("Rp Rpts", "Subj J Yazzie")
LOWER = ("lower",)  # in capitals the NER takes a report word too ("POSSIBLE OD", "SKATE PARK"): not this round's
NO_LOWER = ("upper", "title")
# (sentence, must go, must stay, casings)
ROWS = [
    # contact verbs, lower case, names with no English stem
    ('i contacted xiaoling at the bus bench, she was cooperative', ['xiaoling'], ['contacted', 'bench'], ALL),
    ('i contacted dispatch and asked for a second unit', [], ['contacted', 'dispatch'], ALL),
    ('contacted king at his front door, he denied the incident', ['king'], ['contacted', 'door'], ALL),
    ('contacted security at the front desk', [], ['contacted', 'security'], ALL),
    ('i spoke with naveed about the noise complaint', ['naveed'], ['spoke', 'noise'], ALL),
    ('i spoke with management about the noise complaint', [], ['spoke', 'management'], ALL),
    ('i talked to hamed in the lobby', ['hamed'], ['talked', 'lobby'], ALL),
    ('i talked to staff in the lobby', [], ['talked', 'staff'], ALL),
    ('called saeed back at 1400 hrs, no answer', ['saeed'], ['called', 'answer'], ALL),
    ('called dispatch back at 1400 hrs, no answer', [], ['called', 'dispatch'], ALL),
    ('i reached waleed by phone later that night', ['waleed'], ['reached', 'phone'], ALL),
    ('i reached voicemail later that night', [], ['reached', 'voicemail'], ALL),
    ('made contact with majed near the pumps', ['majed'], ['contact', 'near'], ALL),
    ('made contact with medics near the pumps', [], ['contact', 'medics'], ALL),
    ('i interviewed rasheed at the station', ['rasheed'], ['interviewed', 'station'], ALL),
    ('i interviewed witnesses at the station', [], ['interviewed', 'witnesses'], ALL),
    ('i located tsosie sleeping behind the laundromat', ['tsosie'], ['located', 'sleeping'], ALL),
    ('i located property behind the laundromat', [], ['located', 'property'], ALL),
    ('i detained ochoa without incident', ['ochoa'], ['detained', 'incident'], ALL),
    ('i detained both without incident', [], ['detained', 'incident'], ALL),
    ('i cited pham for an open container', ['pham'], ['cited', 'open'], ALL),
    ('i cited him for an open container', [], ['cited', 'open'], ALL),
    ('transported yazzie to detox', ['yazzie'], ['transported', 'detox'], ALL),
    ('transported property to the station', [], ['transported', 'property'], ALL),
    ('i advised begay of the trespass', ['begay'], ['advised', 'trespass'], ALL),
    ('i advised staff of the trespass', [], ['advised', 'staff'], ALL),
    ('admonished kowalski and released', ['kowalski'], ['admonished', 'released'], ALL),
    ('admonished both and released', [], ['admonished', 'released'], ALL),
    ('released sione to his aunt', ['sione'], ['released', 'aunt'], ALL),
    ('released him to his aunt', [], ['released', 'aunt'], ALL),
    ('i met with hodan and her daughter at the clinic', ['hodan'], ['daughter', 'clinic'], ALL),
    ('i met with nursing and her daughter at the clinic', [], ['nursing', 'daughter'], ALL),
    ('spoke to gurpreet the store clerk', ['gurpreet'], ['spoke', 'store'], ALL),
    ('spoke to the store clerk', [], ['spoke', 'store'], ALL),
    ('i asked chinedu if he had id', ['chinedu'], ['asked'], ALL),
    ('i asked him if he had id', [], ['asked'], ALL),
    ('i told farhiya to leave the property', ['farhiya'], ['told', 'leave'], ALL),
    ('i told them to leave the property', [], ['told', 'leave'], ALL),
    ('i woke benally up and asked him to move along', ['benally'], ['woke', 'asked'], ALL),
    ('i woke him up and asked him to move along', [], ['woke', 'asked'], ALL),
    ('i patted down moua for weapons, neg', ['moua'], ['patted', 'weapons'], ALL),
    ('i patted down the subject for weapons, neg', [], ['patted', 'subject'], ALL),
    ('i searched dhillon incident to arrest', ['dhillon'], ['searched', 'incident'], ALL),
    ('i searched the vehicle incident to arrest', [], ['searched', 'vehicle'], ALL),
    # phone / mdt typing
    ('spoke w her bf deshawn abt it', ['deshawn'], ['spoke'], ALL),
    ('spoke w her bf abt rent', [], ['spoke', 'rent'], ALL),
    ('spoke w/ her mom ngozi abt the kids', ['ngozi'], ['spoke', 'kids'], ALL),
    ('spoke w/ her mom abt the kids', [], ['spoke', 'kids'], ALL),
    ("fi'd 2 subj: tran/kevin + ochoa/luis", ['tran', 'kevin', 'ochoa', 'luis'], ['subj'], ALL),
    ("fi'd 2 subj: both juv, released to parents", [], ['subj', 'released'], ALL),
    ("subj id'd as mcallister, per dl", ['mcallister'], ['subj'], ALL),
    ("subj id'd as driver, per dl", [], ['subj', 'driver'], ALL),
    ('rp says her ex dwayne keeps driving by', ['dwayne'], ['says', 'keeps'], ALL),
    ('rp says her ex keeps driving by', [], ['says', 'keeps'], ALL),
    ("ck'd subj yazzie, nothing returned", ['yazzie'], ['subj', 'returned'], ALL),
    ("ck'd subj, nothing returned", [], ['subj', 'returned'], ALL),
    ('subj tsosie 10-15 for dip', ['tsosie'], ['subj'], ALL),
    ('subj 10-15 for dip', [], ['subj'], ALL),
    ('warned n released sandhu', ['sandhu'], ['warned', 'released'], ALL),
    ('warned n released', [], ['warned', 'released'], ALL),
    ('gave ride to xiong to the shelter', ['xiong'], ['gave', 'ride'], ALL),
    ('gave ride to shelter', [], ['gave', 'ride'], ALL),
    ('susp vang fled nb on foot', ['vang'], ['susp', 'fled'], ALL),
    ('susp fled nb on foot', [], ['susp', 'fled'], ALL),
    ('w/ bf emeka at the apt', ['emeka'], [], ALL),
    ('w/ bf at the apt', [], [], ALL),
    ('ran dl for nowak, neg wants', ['nowak'], ['wants'], ALL),
    ('ran dl for driver, neg wants', [], ['driver', 'wants'], ALL),
    ('rp is mgr harjit, wants them gone', ['harjit'], ['wants', 'gone'], ALL),
    ('rp is mgr, wants them gone', [], ['wants', 'gone'], ALL),
    ('rp itzel 916 555 0142 callback ok', ['itzel'], ['callback'], ALL),
    ('rp callback ok', [], ['callback'], ALL),
    ('contact: abdirahman (brother) at the door', ['abdirahman'], ['contact', 'brother'], ALL),
    ('contact: brother at the door', [], ['contact', 'brother'], ALL),
    ('911 hangup, callback spoke w/ mai who said kids were playing', ['mai'], ['hangup', 'callback'], ALL),
    ('911 hangup, callback spoke w/ mom who said kids were playing', [], ['hangup', 'callback'], ALL),
    ('told tuan n his friend to leave', ['tuan'], ['told', 'friend'], ALL),
    ('told him n his friend to leave', [], ['told', 'friend'], ALL),
    ('txt from linh: hes outside again', ['linh'], ['outside'], ALL),
    ('txt from sis: hes outside again', [], ['outside'], ALL),
    ('her cousin babatunde took the keys', ['babatunde'], ['cousin', 'took'], ALL),
    ('her cousin took the keys', [], ['cousin', 'took'], ALL),
    # cad one-liners
    ('10-16 400 blk main, rp ngozi says husb chinedu threw a phone', ['ngozi', 'chinedu'], ['husb', 'threw'], ALL),
    ('10-16 400 blk main, rp says husb threw a phone', [], ['husb', 'threw'], ALL),
    ('sus veh, rp hamed sees a male in a grey civic', ['hamed'], ['sees', 'male'], ALL),
    ('sus veh, rp sees a male in a grey civic', [], ['sees', 'male'], ALL),
    ('welfare chk on tuiasosopo, no answer at door', ['tuiasosopo'], ['welfare', 'answer'], ALL),
    ('welfare chk on elderly female, no answer at door', [], ['welfare', 'elderly'], ALL),
    ('rp adebayo rpts stolen pkg from porch', ['adebayo'], ['rpts', 'stolen'], NO_TITLE),
    ('rp rpts stolen pkg from porch', [], ['rpts', 'stolen'], NO_TITLE),
    ('callback reached faamanu, all ok', ['faamanu'], ['callback', 'reached'], ALL),
    ('callback reached rp, all ok', [], ['callback', 'reached'], ALL),
    ('unit 4 out w/ begay at the wash', ['begay'], ['unit', 'wash'], NO_TITLE),
    ('unit 4 out w/ one at the wash', [], ['unit', 'wash'], NO_TITLE),
    ('ems req for leota, possible od', ['leota'], ['possible'], LOWER),
    ('ems req for female, possible od', [], ['female', 'possible'], ALL),
    ('c4, grewal gone on arrival', ['grewal'], ['gone', 'arrival'], ALL),
    ('c4, gone on arrival', [], ['gone', 'arrival'], ALL),
    # 311 callers
    ('caller says neighbor bill dumps trash in the alley every week', ['bill'], ['caller', 'says'], ALL),
    ('caller says neighbor dumps trash in the alley every week', [], ['caller', 'says'], ALL),
    ('caller xochitl reports a pothole that popped her tire', ['xochitl'], ['caller', 'reports'], ALL),
    ('caller reports a pothole that popped her tire', [], ['caller', 'reports'], ALL),
    ("caller's landlord kaminski won't fix the heat", ['kaminski'], ['landlord', 'heat'], ALL),
    ("caller's landlord won't fix the heat", [], ['landlord', 'heat'], ALL),
    ('neighbor price keeps parking on the sidewalk', ['price'], ['neighbor', 'keeps'], ALL),
    ('neighbor keeps parking on the sidewalk', [], ['neighbor', 'keeps'], ALL),
    ('311 caller abdullahi says the streetlight is out again', ['abdullahi'], ['caller', 'says'], ALL),
    ('311 caller says the streetlight is out again', [], ['caller', 'says'], ALL),
    ('my neighbor wojciech lets his dog out at night', ['wojciech'], ['neighbor', 'lets'], ALL),
    ('my neighbor lets his dog out at night', [], ['neighbor', 'lets'], ALL),
    # field cards, terse
    ('fi: yazzie, darnell. m/n/32. loitering. advised.', ['yazzie', 'darnell'], ['loitering', 'advised'], ALL),
    ('fi: loitering. advised.', [], ['loitering', 'advised'], ALL),
    ('fi card - subj: le/minh, poss gang assoc, released', ['le', 'minh'], ['card', 'subj'], ALL),
    ('fi card - subj: juv, poss gang assoc, released', [], ['card', 'subj'], ALL),
    ('card: nez, harlan -- hangs out w/ begay at the wash', ['nez', 'harlan', 'begay'], ['card', 'hangs'], ALL),
    ('card: hangs out at the wash', [], ['card', 'hangs'], ALL),
    ("subj: kowalski t. / 5'10 / blk hoodie", ['kowalski', 't'], ['subj', 'hoodie'], NO_TITLE),
    ("subj: unk / 5'10 / blk hoodie", [], ['subj', 'hoodie'], ALL),
    ('fi: 3 subj - pham, vu, dang', ['pham', 'vu', 'dang'], ['subj'], ALL),
    ('fi: 3 subj - all juv', [], ['subj'], ALL),
    ('contacted: singh, baljit / dhillon, harjit', ['singh', 'baljit', 'dhillon', 'harjit'], ['contacted'], ALL),
    ('contacted: owner / manager', [], ['contacted', 'owner'], ALL),
    ('fi xiong, pa f/a/19 at the park after hrs', ['xiong', 'pa'], ['park'], NO_LOWER),
    ('fi f/a/19 at the park after hrs', [], ['park'], ALL),
    ('stop: etsitty r - no dl, cited', ['etsitty', 'r'], ['stop', 'cited'], NO_TITLE),
    ('stop: driver - no dl, cited', [], ['stop', 'driver'], ALL),
    ('subj okafor states he was waiting on a ride', ['okafor'], ['subj', 'states'], ALL),
    ('subj states he was waiting on a ride', [], ['subj', 'states'], ALL),
    ('assoc: sefo, iosefa, "big fetu"', ['sefo', 'iosefa', 'big', 'fetu'], ['assoc'], NO_TITLE),
    ('assoc: unk', [], ['assoc'], ALL),
    # initials
    ('spoke w/ m. xiong at the door', ['m', 'xiong'], ['spoke', 'door'], ALL),
    ('spoke w/ mgmt at the door', [], ['spoke', 'mgmt'], ALL),
    ('subj j yazzie known to ofcr', ['j', 'yazzie'], ['subj', 'known'], NO_TITLE),
    ('subj known to ofcr', [], ['subj', 'known'], ALL),
    ('fi: a. begay, no wants', ['a', 'begay'], ['wants'], ALL),
    ('fi: no wants', [], ['wants'], ALL),
    # names that are words
    ('contacted hope at the shelter, she had no id', ['hope'], ['contacted', 'shelter'], ALL),
    ('contacted staff at the shelter, she had no id', [], ['contacted', 'staff'], ALL),
    ('i spoke with rice about the fence', ['rice'], ['spoke', 'fence'], ALL),
    ('i spoke with him about the fence', [], ['spoke', 'fence'], ALL),
    ('called young back, no answer', ['young'], ['called', 'answer'], ALL),
    ('called back, no answer', [], ['called', 'answer'], ALL),
    ('bf hunter was there too', ['hunter'], [], ALL),
    ('bf was there too', [], [], ALL),
    ('told mason to stay off the property', ['mason'], ['told', 'stay'], ALL),
    ('told the mason to stay off the property', [], ['told', 'mason'], ALL),
    ("rp's neighbor stone threatened her", ['stone'], ['neighbor', 'threatened'], ALL),
    ("rp's neighbor threatened her", [], ['neighbor', 'threatened'], ALL),
    # -ed given names in other slots
    ('naveed says the car was his brothers', ['naveed'], ['says', 'brothers'], ALL),
    ('saeed was the driver', ['saeed'], ['driver'], ALL),
    ('the driver waleed drove off', ['waleed'], ['driver', 'drove'], ALL),
    ('the driver drove off', [], ['driver', 'drove'], ALL),
    ('her husband majed took the kids', ['majed'], ['husband', 'took'], ALL),
    ('her husband took the kids', [], ['husband', 'took'], ALL),
    ('rasheed n hamed were arguing outside', ['rasheed', 'hamed'], ['arguing', 'outside'], ALL),
    ('they were arguing outside', [], ['arguing', 'outside'], ALL),
    ('subj named in the warrant', [], ['subj', 'named'], ALL),
    ('he framed her for it', [], ['framed'], ALL),
    ('she blamed him for the damage', [], ['blamed', 'damage'], ALL),
    ('subj seemed agitated', [], ['subj', 'agitated'], ALL),
    # mixed case phone
    ('Spoke w Xiaoling abt her car', ['Xiaoling'], ['Spoke'], ALL),
    ('Contacted King at the gas station', ['King'], ['Contacted', 'station'], ALL),
    ("rp's bf DeShawn was on scene", ['DeShawn'], ['scene'], ALL),
    ("FI'd Nguyen/Thanh near the lot", ['Nguyen', 'Thanh'], ['near'], ALL),
    # batch 2: texts, 311, cad, cards
    ('ok so hodan n her sister came by again last nite', ['hodan'], ['sister', 'came'], ALL),
    ('ok so the landlord n her sister came by again last nite', [], ['landlord', 'sister'], ALL),
    ('farhiya keeps callin my phone from a blocked number', ['farhiya'], ['keeps', 'callin'], ALL),
    ('the bank keeps callin my phone from a blocked number', [], ['bank', 'keeps'], ALL),
    ('omw to the house to get the kids', [], ['house', 'kids'], ALL),
    ('pls tell guled to bring back my charger', ['guled'], ['tell', 'bring'], ALL),
    ('pls tell him to bring back my charger', [], ['tell', 'bring'], ALL),
    ('i think sefo took it, he was the last one here', ['sefo'], ['think', 'took'], ALL),
    ('i think someone took it, he was the last one here', [], ['think', 'took'], ALL),
    ('its raining again, shes outside yelling', [], ['raining', 'shes'], ALL),
    ('caller nizhoni states ex bf ahiga is at the door', ['nizhoni', 'ahiga'], ['caller', 'states'], ALL),
    ('caller states ex bf is at the door', [], ['caller', 'states'], ALL),
    ("rp: dezba - neighbor's dog bit her son", ['dezba'], [], ALL),
    ("rp: neighbor's dog bit her son", [], [], ALL),
    ('311: bartosz reports graffiti on the garage', ['bartosz'], ['reports', 'graffiti'], ALL),
    ('311: resident reports graffiti on the garage', [], ['resident', 'reports'], ALL),
    ('c/o agnieszka re: abandoned car, 3 days', ['agnieszka'], ['abandoned', 'days'], ALL),
    ('c/o resident re: abandoned car, 3 days', [], ['resident', 'abandoned'], ALL),
    ('unit 12 w/ iosefa at qt, waiting on tow', ['iosefa'], ['unit', 'waiting'], ALL),
    ('unit 12 w/ driver at qt, waiting on tow', [], ['unit', 'driver'], ALL),
    ("fi'd benally and tsosie behind the dollar store", ['benally', 'tsosie'], ['dollar', 'store'], ALL),
    ("fi'd both behind the dollar store", [], ['dollar', 'store'], ALL),
    ('subj okonkwo cooperative, released at scene', ['okonkwo'], ['subj', 'cooperative'], NO_TITLE),
    ('subj cooperative, released at scene', [], ['subj', 'cooperative'], NO_TITLE),
    ('ck on tuan, mother worried he hasnt called', ['tuan'], ['mother', 'worried'], NO_TITLE),
    ('ck on welfare, mother worried he hasnt called', [], ['welfare', 'mother'], ALL),
    ('i gave ifeanyi a courtesy ride home', ['ifeanyi'], ['gave', 'courtesy'], ALL),
    ('i gave her a courtesy ride home', [], ['gave', 'courtesy'], ALL),
    ('transported funmilayo to county', ['funmilayo'], ['transported', 'county'], ALL),
    ('transported arrestee to county', [], ['transported', 'arrestee'], ALL),
    ('sandhu advised he would leave', ['sandhu'], ['advised', 'leave'], ALL),
    ('driver advised he would leave', [], ['driver', 'advised'], ALL),
    ('spoke w/ rp manpreet via phone', ['manpreet'], ['spoke', 'phone'], ALL),
    ('spoke w/ rp via phone', [], ['spoke', 'phone'], ALL),
    ('contacted jaswinder re: the vandalism', ['jaswinder'], ['contacted', 'vandalism'], ALL),
    ('contacted owner re: the vandalism', [], ['contacted', 'owner'], ALL),
    ('subj pheng vang, poss 10851, detained', ['pheng', 'vang'], ['subj', 'poss'], ALL),
    ('subj poss 10851, detained', [], ['subj', 'poss'], ALL),
    ('fi: lor kou / yang tou - skate park', ['lor', 'kou', 'yang', 'tou'], ['skate', 'park'], LOWER),
    ('fi: skate park, both juv', [], ['skate', 'park'], ALL),
    ('xee moua is the aunt, she picked up the kids', ['xee', 'moua'], ['aunt', 'picked'], ALL),
    ('the aunt picked up the kids', [], ['aunt', 'picked'], ALL),
    ('per ngozi, emeka left around 2200', ['ngozi', 'emeka'], ['left'], ALL),
    ('per rp, suspect left around 2200', [], ['suspect', 'left'], ALL),
    ('adeyemi n babatunde fighting again', ['adeyemi', 'babatunde'], ['fighting'], ALL),
    ('the neighbors fighting again', [], ['neighbors', 'fighting'], ALL),
    ('i talked to tunde outside the store', ['tunde'], ['talked', 'outside'], ALL),
    ('i talked to the clerk outside the store', [], ['talked', 'clerk'], ALL),
    ('interviewed chioma who said she saw nothing', ['chioma'], ['interviewed', 'said'], ALL),
    ('interviewed staff who said she saw nothing', [], ['interviewed', 'staff'], ALL),
    ('met w/ obi at the substation', ['obi'], ['substation'], ALL),
    ('met w/ sgt at the substation', [], ['substation'], ALL),
    ('i arrested reyes for the warrant', ['reyes'], ['arrested', 'warrant'], ALL),
    ('i arrested him for the warrant', [], ['arrested', 'warrant'], ALL),
    ('detained villalobos pending investigation', ['villalobos'], ['detained', 'pending'], ALL),
    ('detained driver pending investigation', [], ['detained', 'driver'], ALL),
    ('released juv to his tia', [], ['released'], ALL),
    ('called memo back, he said he was ok', ['memo'], ['called', 'said'], ALL),
    ('called dispatch back, they said he was ok', [], ['called', 'dispatch'], ALL),
    ('i spoke with lupe and her husband', ['lupe'], ['spoke', 'husband'], ALL),
    ('i spoke with staff and her husband', [], ['spoke', 'staff'], ALL),
    ('spoke w/ beto n paco abt the fight', ['beto', 'paco'], ['spoke', 'fight'], ALL),
    ('spoke w/ both abt the fight', [], ['spoke', 'fight'], ALL),
    ('warned wojcik about the trespass', ['wojcik'], ['warned', 'trespass'], ALL),
    ('warned everyone about the trespass', [], ['warned', 'trespass'], ALL),
    # names that are words, lower
    ('contacted joy in the lobby', ['joy'], ['contacted', 'lobby'], ALL),
    ('contacted staff in the lobby', [], ['contacted', 'staff'], ALL),
    ('i detained hunter without incident', ['hunter'], ['detained', 'incident'], ALL),
    ('i detained another without incident', [], ['detained', 'incident'], ALL),
    ('spoke with price about the fence line', ['price'], ['spoke', 'fence'], ALL),
    ('spoke with maintenance about the fence line', [], ['spoke', 'maintenance'], ALL),
    ('cited bishop for no license', ['bishop'], ['cited', 'license'], ALL),
    ('cited driver for no license', [], ['cited', 'driver'], ALL),
    ('contacted faith at her apt', ['faith'], ['contacted'], ALL),
    ('contacted maintenance at her apt', [], ['contacted', 'maintenance'], ALL),
    # -ed names
    ('majed n saeed got into it at the pumps', ['majed', 'saeed'], ['pumps'], ALL),
    ('hamed told me he didnt do it', ['hamed'], ['told', 'didnt'], ALL),
    ('i talked to naveed after', ['naveed'], ['talked'], ALL),
    ('fareed was the one driving', ['fareed'], ['driving'], ALL),
    ('we need to talk to him after', [], ['need', 'talk'], ALL),
    # keeps: ordinary objects of the same verbs (institutions, roles, plurals, numbers)
    ('spoke w/ medics at the scene, pt refused', [], ['spoke', 'medics'], NO_TITLE),
    ('spoke w/ detectives abt the case', [], ['spoke', 'detectives'], NO_TITLE),
    ('met w/ management at the bus stop', [], ['management', 'stop'], NO_TITLE),
    ('met w/ maintenance in the lobby', [], ['maintenance', 'lobby'], NO_TITLE),
    ('subj hangs out w/ tink, peanut and a guy called scrap', ['tink', 'peanut', 'scrap'], ['hangs', 'guy'], NO_TITLE),
    ('i contacted parole at their office', [], ['contacted', 'parole'], ALL),
    ('contacted probation about his terms', [], ['contacted', 'probation'], ALL),
    ('i contacted cps about the kids', [], ['contacted', 'kids'], ALL),
    ('i contacted verizon about the records', [], ['contacted', 'verizon'], ALL),
    ('contacted walgreens about the video', [], ['contacted', 'walgreens'], ALL),
    ('spoke with nursing about the patient', [], ['spoke', 'nursing'], ALL),
    ('talked to hr about the complaint', [], ['talked', 'complaint'], ALL),
    ('met with legal about the subpoena', [], ['legal', 'subpoena'], ALL),
    ('reached voicemail, left a message', [], ['reached', 'voicemail'], ALL),
    ('called dispatch back with the plate', [], ['called', 'dispatch'], ALL),
    ('spoke with both at the scene', [], ['spoke', 'scene'], ALL),
    ('detained all at the scene without incident', [], ['detained', 'scene'], ALL),
    ('cited driver for no insurance', [], ['cited', 'driver'], ALL),
    ('arrested shoplifter for theft', [], ['arrested', 'shoplifter'], ALL),
    ('transported patient to the er', [], ['transported', 'patient'], ALL),
    ('interviewed neighbors about the noise', [], ['interviewed', 'neighbors'], ALL),
    ('spoke to reception about the cameras', [], ['spoke', 'reception'], ALL),
    ('spoke to admin about the cameras', [], ['spoke', 'admin'], ALL),
    ('welfare chk on kids, all fine', [], ['welfare', 'kids'], ALL),
    ('ran dl for warrants, neg', [], ['warrants'], ALL),
    ('ran name for wants, neg', [], ['wants'], ALL),
    ('woke up at 0600 and saw the car', [], ['woke'], ALL),
    ('contacted owner at his home', [], ['contacted', 'owner'], ALL),
    ('contacted caller at her home', [], ['contacted', 'caller'], ALL),
    ('interviewed victim at the hospital', [], ['interviewed', 'victim'], ALL),
    ('detained suspect without incident', [], ['detained', 'suspect'], ALL),
    ('i spoke with counsel about it', [], ['spoke', 'counsel'], ALL),
    ('i talked to command about it', [], ['talked', 'command'], ALL),
    ('i contacted amr for a ride', [], ['contacted', 'ride'], ALL),
    ('contacted towing for the car', [], ['contacted', 'towing'], ALL),
    ('contacted animal control about the dog', [], ['contacted', 'animal'], ALL),
    ('met w/ supervisor at the store', [], ['supervisor', 'store'], ALL),
    ('spoke to fire on scene', [], ['spoke', 'fire'], ALL),
    ('i contacted tenants in the building', [], ['contacted', 'tenants'], ALL),
    ('i contacted occupants at the door', [], ['contacted', 'occupants'], ALL),
    ('detained juveniles without incident', [], ['detained', 'juveniles'], ALL),
    ('contacted patrons at the bar', [], ['contacted', 'patrons'], ALL),
    ('i questioned everyone at the party', [], ['questioned', 'party'], ALL),
    ('i contacted staffing about the shift', [], ['contacted', 'staffing'], ALL),
    ('arrested young and old alike', [], ['arrested', 'young'], ALL),
    ('detained brown and white males', [], ['detained', 'brown'], ALL),
    ('called back, no answer', [], ['called', 'answer'], ALL),
    ('check on welfare requested', [], ['check', 'welfare'], ALL),
    ('i reached out to her later', [], ['reached', 'later'], ALL),
    ('spoke to animal services about the dog', [], ['spoke', 'animal'], ALL),
    ('spoke with walmart security', [], ['spoke', 'walmart'], ALL),
    ('spoke with walmart about the video', [], ['spoke', 'walmart'], ALL),
    ('contacted comcast about the outage', [], ['contacted', 'comcast'], ALL),
    ('contacted airbnb about the rental', [], ['contacted', 'airbnb'], ALL),
    # batch 3: posts, texts, victims, more cards
    ('my ex jamal keeps showing up at my job', ['jamal'], ['keeps', 'showing'], ALL),
    ('my ex keeps showing up at my job', [], ['keeps', 'showing'], ALL),
    ('update: losa got her phone back thanks everyone', ['losa'], ['update', 'phone'], ALL),
    ('update: she got her phone back thanks everyone', [], ['update', 'phone'], ALL),
    ('if anyone sees this tell him to call his mom', [], ['sees', 'tell'], ALL),
    ('babajide and his boys jumped my son at the park', ['babajide'], ['boys', 'jumped'], ALL),
    ('the older boys jumped my son at the park', [], ['older', 'boys'], ALL),
    ('me n yesenia were walking home when it happened', ['yesenia'], ['walking', 'home'], ALL),
    ('me n my sister were walking home when it happened', [], ['sister', 'walking'], ALL),
    ('got a text from oksana saying she was scared', ['oksana'], ['text', 'saying'], ALL),
    ('got a text from work saying she was scared', [], ['text', 'work'], ALL),
    ('ayaan said hodan was with her the whole time', ['ayaan', 'hodan'], ['said', 'time'], ALL),
    ('mom said dad was with her the whole time', [], ['said', 'time'], ALL),
    ('susp desc: tsosie m/n 20s red hoodie', ['tsosie'], ['susp', 'desc'], ALL),
    ('susp desc: m/n 20s red hoodie', [], ['susp', 'desc'], ALL),
    ('nez/harlan dob 3/4/01 - no wants', ['nez', 'harlan'], ['wants'], ALL),
    ('dob 3/4/01 - no wants', [], ['wants'], ALL),
    ('rp mai yang 651 555 0191', ['mai', 'yang'], [], ALL),
    ('rp 651 555 0191', [], [], ALL),
    ('pulled over grzegorz for speeding on 5th', ['grzegorz'], ['pulled', 'speeding'], ALL),
    ('pulled over a van for speeding on 5th', [], ['pulled', 'speeding'], ALL),
    ('i followed tunde into the alley', ['tunde'], ['followed', 'alley'], ALL),
    ('i followed him into the alley', [], ['followed', 'alley'], ALL),
    ('sione fuimaono - warned for trespass', ['sione', 'fuimaono'], ['warned', 'trespass'], ALL),
    ('juv - warned for trespass', [], ['warned', 'trespass'], ALL),
    ('subj: harjit singh aka jimmy', ['harjit', 'singh', 'jimmy'], ['subj'], ALL),
    ('subj: unk aka none', [], ['subj'], ALL),
    ('ofc ramirez and i contacted ahmed on the porch', ['ramirez', 'ahmed'], ['contacted', 'porch'], ALL),
    ('ofc ramirez and i contacted two males on the porch', ['ramirez'], ['contacted', 'males'], NO_TITLE),
    ('per baljit, her son amrit left at 2200', ['baljit', 'amrit'], ['left'], ALL),
    ('per rp, her son left at 2200', [], ['left'], ALL),
    ('lwazi n thabo were yelling at each other', ['lwazi', 'thabo'], ['yelling'], ALL),
    ('the two were yelling at each other', [], ['yelling'], ALL),
    ('witness kalani saw the whole thing', ['kalani'], ['witness', 'thing'], ALL),
    ('witness saw the whole thing', [], ['witness', 'thing'], ALL),
    ('ride given to hoang to his moms apt', ['hoang'], ['ride', 'given'], ALL),
    ('ride given to subj to his moms apt', [], ['ride', 'given'], ALL),
    ('dl ran: valid, no wants', [], ['valid', 'wants'], ALL),
    ('i asked hamed if he knew the guy', ['hamed'], ['asked', 'knew'], ALL),
    ('i asked dispatch if they knew the guy', [], ['asked', 'dispatch'], ALL),
    ('i located rasheed at the library', ['rasheed'], ['located', 'library'], ALL),
    ('i located the vehicle at the library', [], ['located', 'vehicle'], ALL),
    ('saeed came back to the store later', ['saeed'], ['came', 'store'], ALL),
    ('the manager came back to the store later', [], ['manager', 'came'], ALL),
    # a name before a sex and race code
    ('bolo yazzie m/n/40 last seen nb', ['yazzie'], ['bolo', 'seen'], ALL),
    ('bolo m/n/40 last seen nb', [], ['bolo', 'seen'], ALL),
    ('fi: begay, darnell m/n/32 loitering', ['begay', 'darnell'], ['loitering'], ALL),
    ('tall m/w with a beard', [], ['tall', 'beard'], ALL),
    ('king m/b 40s in a grey hoodie', ['king'], ['grey', 'hoodie'], ALL),
    ('driver m/h 30s, no dl', [], ['driver'], ALL),
    ('juv f/a/15 released to mom', [], ['released'], ALL),
    # pulled over
    # car-terminal entries: surname/given, an initial before a preposition, shorthand verbs
    ('ran nguyen/thanh thru ncic, clear', ['nguyen', 'thanh'], ['ncic', 'clear'], ALL),
    ('ran plate/vin thru ncic, clear', [], ['plate', 'ncic'], ALL),
    ('subj ochoa/luis dob 4/2/99', ['ochoa', 'luis'], ['subj'], ALL),
    ('subj dob 4/2/99', [], ['subj'], ALL),
    ('rp: kaur/simran - wants extra patrol', ['kaur', 'simran'], ['wants', 'extra'], ALL),
    ('rp: mgr/owner - wants extra patrol', [], ['owner', 'wants'], ALL),
    ('w/ vang/tou and lee/pheng at the courts', ['vang', 'tou', 'lee', 'pheng'], ['courts'], ALL),
    ('w/ his/her kids at the courts', [], ['kids', 'courts'], ALL),
    ('susp tran, kevin fled on foot', ['tran', 'kevin'], ['susp', 'fled'], ALL),
    ('susp fled on foot', [], ['susp', 'fled'], ALL),
    ('cited dhillon j for 12500', ['dhillon', 'j'], ['cited'], NO_TITLE),
    ('cited driver for 12500', [], ['cited', 'driver'], ALL),
    ('arr okafor for 243(e)', ['okafor'], [], ALL),
    ('arr one for 243(e)', [], [], ALL),
    ('trespassed sione from the property', ['sione'], ['trespassed', 'property'], ALL),
    ('trespassed all from the property', [], ['trespassed', 'property'], ALL),
    ('10-15 benally, xported to jail', ['benally'], ['xported', 'jail'], ALL),
    ('10-15 x1, xported to jail', [], ['xported', 'jail'], ALL),
    ('ckd yazzie for wants, neg', ['yazzie'], ['wants'], ALL),
    ('ckd plate for wants, neg', [], ['plate', 'wants'], ALL),
    ('1 in custody - grewal, manpreet', ['grewal', 'manpreet'], ['custody'], ALL),
    ('1 in custody - juv', [], ['custody'], ALL),
    ('10-15 x1, xported to jail', [], ['xported', 'jail'], ALL),
    ('ran plate/vin, clear', [], ['plate', 'vin'], ALL),
    ('w/ his/her kids at the park', [], ['kids', 'park'], ALL),
    ('rp: owner/mgr on scene', [], ['owner', 'mgr'], ALL),
    # a verb and its object pronoun after a name the re-cased NER took ("tevita tell him")
    ('if anyone sees tevita tell him to call his mom', ['tevita'], ['sees', 'tell'], NO_TITLE),
    ('ask dwayne for her number', ['dwayne'], ['number'], ALL),
    # fixed in round 10 (test_text_probes_slip10.py): a possessive without its apostrophe, a given name handed to
    # a relative, a records query's "surname given"
    ('omw to warsame house to get the kids', ['warsame'], ['house', 'kids'], LOWER),
    ('released nacho to his tia', ['nacho'], ['released'], LOWER),
    ('dl ran: ochoa maria - valid', ['ochoa', 'maria'], ['valid'], LOWER),
]

# Rows with the record's PERSON values: (sentence, record people, must go, must stay, casings).
RECORD_ROWS = [
    ('i contacted naveed at the corner store', ['Naveed Qureshi'], ['naveed'], ['contacted', 'corner'], ALL),
    ('spoke w/ saeed abt it, he was calm', ['Saeed Al-Amin'], ['saeed'], ['spoke', 'calm'], ALL),
    ("subj: malik, hamed / 6'0 / gry jacket", ['Hamed Malik'], ['malik', 'hamed'], ['subj', 'jacket'], ALL),
    ("fi'd waleed and his cousin near the park", ['Waleed Haddad'], ['waleed'], ['cousin', 'near'], ALL),
    ('majed said the phone was his', ['Majed Nasser'], ['majed'], ['said', 'phone'], ALL),
    ('i talked to rasheed outside the bar', ['Rasheed Okonkwo'], ['rasheed'], ['talked', 'outside'], ALL),
    ('contacted king at the residence', ['Marcus King'], ['king'], ['contacted', 'residence'], ALL),
    ("subj id'd as mcallister, per dl", ['Ryan McAllister'], ['mcallister'], ['subj'], ALL),
    ('fi: tran/kevin + ochoa/luis', ['Kevin Tran', 'Luis Ochoa'], ['tran', 'kevin', 'ochoa', 'luis'], [], ALL),
    ('spoke w her bf deshawn abt it', ['DeShawn Pryor'], ['deshawn'], ['spoke'], ALL),
    ('i contacted xiaoling and her son', ['Xiaoling Wu'], ['xiaoling'], ['contacted'], ALL),
    ('rp ngozi says chinedu left', ['Ngozi Eze', 'Chinedu Eze'], ['ngozi', 'chinedu'], ['says', 'left'], ALL),
    ('t. nguyen was cited', ['Thanh Nguyen'], ['t', 'nguyen'], ['cited'], ALL),
    ('spoke w/ yazzie abt the dog', ['Loren Yazzie'], ['yazzie'], ['spoke'], ALL),
    ('contacted dispatch abt the tow', ['Hamed Malik'], [], ['contacted', 'dispatch'], ALL),
    ('i contacted security about the theft', ['Saeed Al-Amin'], [], ['contacted', 'security'], ALL),
    ('spoke w her bf abt rent', ['DeShawn Pryor'], [], ['spoke', 'rent'], ALL),
]

# Shapes that still slip (the report says why): strict xfail, so a fix shows up as a pass to move into ROWS.
SLIPS = [
    # texting's "its" for "it's" before a name
    ('its tala again, shes outside yelling', ['tala'], ['shes', 'outside'], LOWER),
]


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept", "casings"), ROWS)
def test_probe_rows(redactor, text, gone, kept, casings):
    assert_casings(redactor, text, gone, kept, casings)


@needs_vocabulary
@pytest.mark.parametrize(("text", "people", "gone", "kept", "casings"), RECORD_ROWS)
def test_record_rows(redactor, text, people, gone, kept, casings):
    for casing in casings:
        out = redactor.redact([recase(text, casing)], [{"PERSON": people}])[0].text
        assert not shown_words(out, gone), (casing, out)
        assert all(shown(out, w) for w in kept), (casing, out)


# One record person named twice, once in this round's shapes: hidden both times, under one number.
ONE_NUMBER = [
    ("subj: kowalski t / 5'10, tomasz kowalski was cooperative", ["Tomasz Kowalski"], ["kowalski", "tomasz", "t"],
     ["cooperative"]),
    ("i contacted xiaoling at the bench. xiaoling wu said she was fine", ["Xiaoling Wu"], ["xiaoling", "wu"], ["bench"]),
    ("susp desc: tsosie m/n 20s. tsosie fled nb", ["Harlan Tsosie"], ["tsosie"], ["fled"]),
    ("spoke w/ naveed abt it. naveed qureshi said it was his", ["Naveed Qureshi"], ["naveed", "qureshi"], ["abt"]),
    ("subj ochoa/luis dob 4/2/99 - luis ochoa released", ["Luis Ochoa"], ["ochoa", "luis"], ["released"]),
    ("contacted king at his door. marcus king denied it", ["Marcus King"], ["king", "marcus"], ["door", "denied"]),
]


@needs_vocabulary
@pytest.mark.parametrize(("text", "people", "gone", "kept"), ONE_NUMBER)
@pytest.mark.parametrize("casing", NO_TITLE)
def test_one_number(redactor, text, people, gone, kept, casing):
    assert_record_row(redactor, recase(text, casing), people, gone, kept)


@needs_vocabulary
@pytest.mark.xfail(strict=True)
@pytest.mark.parametrize(("text", "gone", "kept", "casings"), SLIPS)
def test_slips(redactor, text, gone, kept, casings):
    assert_casings(redactor, text, gone, kept, casings)


_CONTACT = ["i contacted", "contacted", "i detained", "i interviewed", "spoke w", "spoke w/", "i talked to",
            "met w/", "i located", "i cited", "transported", "callback reached", "welfare chk on"]
_NAMES = ["xiaoling", "tuiasosopo", "faamanu", "moua", "etsitty", "naveed", "hamed", "saeed", "waleed", "majed",
          "rasheed", "warsame", "gurpreet", "oluwaseun", "yazzie", "kowalczyk", "ochoa", "king", "rice"]
_TAILS = [("at the bus stop", "stop"), ("about the fence", "fence"), ("without incident", "incident"),
          (", no issues", "issues"), ("near the store", "store"), ("in the lobby", "lobby")]


@needs_vocabulary
def test_contact_objects_property(redactor):
    rng = random.Random(909)
    for _ in range(40):
        cue, name, (tail, word) = rng.choice(_CONTACT), rng.choice(_NAMES), rng.choice(_TAILS)
        casing = rng.choice(("lower", "upper"))
        text = f"{cue} {name}{tail}" if tail.startswith(",") else f"{cue} {name} {tail}"
        out = redacted(redactor, recase(text, casing))
        assert not shown(out, name), out
        assert shown(out, word), out


@needs_vocabulary
def test_contact_objects_keep_property(redactor):
    rng = random.Random(910)
    words = ["dispatch", "security", "staff", "management", "maintenance", "parole", "probation", "both",
             "everyone", "verizon", "comcast", "patient", "admin", "reception"]
    for _ in range(30):
        cue, word, (tail, other) = rng.choice(_CONTACT), rng.choice(words), rng.choice(_TAILS)
        casing = rng.choice(("lower", "upper"))
        text = f"{cue} {word}{tail}" if tail.startswith(",") else f"{cue} {word} {tail}"
        out = redacted(redactor, recase(text, casing))
        assert shown(out, word) and shown(out, other), out


@needs_vocabulary
def test_ed_names_property(redactor):
    rng = random.Random(911)
    names = ["naveed", "hamed", "saeed", "waleed", "majed", "rasheed", "fareed", "maged"]
    shapes = ["{n} said he was fine", "i spoke with {n} about it", "her husband {n} took the kids",
              "fi'd {n} near the park", "rp {n} says the car is his", "{n} n his cousin left nb"]
    for _ in range(30):
        name, shape = rng.choice(names), rng.choice(shapes)
        casing = rng.choice(("lower", "upper"))
        record = rng.random() < 0.5
        people = [{"PERSON": [f"{name.title()} Qureshi"]}] if record else None
        out = redactor.redact([recase(shape.format(n=name), casing)], people)[0].text
        assert not shown(out, name), (record, out)


@needs_vocabulary
def test_ed_verbs_stay_property(redactor):
    rng = random.Random(912)
    words = ["seemed", "framed", "blamed", "named", "hoped", "robbed", "tried", "agreed", "freed", "needed"]
    for _ in range(20):
        word = rng.choice(words)
        casing = rng.choice(("lower", "upper"))
        out = redacted(redactor, recase(f"i spoke with him after he {word} it", casing))
        assert shown(out, word), out


@needs_vocabulary
def test_card_lists_property(redactor):
    rng = random.Random(913)
    surnames = ["pham", "nguyen", "vu", "tran", "xiong", "vang", "begay", "tsosie", "okafor", "sandhu", "nowak"]
    labels = ["fi: 3 subj -", "fi'd 3 subj:", "fi card - 3 subj:", "fi'd"]
    for _ in range(20):
        label, names = rng.choice(labels), rng.sample(surnames, 3)
        sep = rng.choice([", ", " / ", " + "])
        casing = rng.choice(("lower", "upper"))
        out = redacted(redactor, recase(f"{label} {sep.join(names)}, released at scene", casing))
        assert not shown_words(out, names), out
        assert shown(out, "released") and shown(out, "scene"), out


@needs_vocabulary
def test_card_initials_property(redactor):
    rng = random.Random(914)
    surnames = ["kowalski", "etsitty", "yazzie", "okonkwo", "grewal", "tuiasosopo", "benally"]
    shapes = ["subj: {s} {i} / 5'10 / blk hoodie", "stop: {s}, {i} - no dl, cited", "subj {i} {s} known to ofcr",
              "spoke w/ {i} {s} at the door", "susp: {s} {i} - fled nb"]
    for _ in range(20):
        s, i, shape = rng.choice(surnames), rng.choice("bcdjkmrt"), rng.choice(shapes)
        out = redacted(redactor, shape.format(s=s, i=i))
        assert not shown_words(out, [s, i]), out
