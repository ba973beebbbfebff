"""Nicknames and short forms of people in every casing (issue 15, round 5, a new hand): pet forms across naming
customs and English short forms of a record person ("lupita" of GUADALUPE, "MO STATED" of MOHAMMED, "tj" of THOMAS
JAMES) or of a name met earlier in the text ("Dustin Graham ... Dusty drives"), and the same strings as everyday
words where no such person is named ("will", "bill", "jack", "pat", "rob"). Every sentence and name here is made up.
One table: (text, record people or None, words that must go, words that must stay, casings: a=as written, l=lower,
u=UPPER)."""

from __future__ import annotations

import random
import re

import pytest

from tests.text_helpers import assert_record_row, cased, record_row_cases, shown

_NUMBER = re.compile(r"\[PERSON (\d+)\]")

ROWS = [
    ('lupita said she saw the car leave', ['HERNANDEZ, GUADALUPE'], ['lupita'], ['car'], 'alu'),
    ('Caller states Lupe was at the store.', ['HERNANDEZ, GUADALUPE'], ['Lupe'], ['store'], 'alu'),
    ('CHUY RAN FROM THE SCENE', ['MORALES, JESUS'], ['CHUY'], ['SCENE'], 'alu'),
    ('victim and chuy argued in the kitchen', ['MORALES, JESUS'], ['chuy'], ['kitchen'], 'alu'),
    ('Pepe told me to leave', ['OCHOA, JOSE'], ['Pepe'], ['leave'], 'alu'),
    ('"Paco" was driving the truck', ['RUIZ, FRANCISCO'], ['Paco'], ['truck'], 'alu'),
    ('paco and pancho are the same guy', ['RUIZ, FRANCISCO'], ['paco', 'pancho'], ['guy'], 'alu'),
    ('Nacho stated he lives on Elm', ['SOTO, IGNACIO'], ['Nacho'], ['lives'], 'alu'),
    ('NACHO WAS AT WORK', ['SOTO, IGNACIO'], ['NACHO'], ['WORK'], 'alu'),
    ('memo said he did not see anything', ['VEGA, GUILLERMO'], ['memo'], ['anything'], 'alu'),
    ('Chema left before officers arrived', ['LUNA, JOSE MARIA'], ['Chema'], ['officers'], 'alu'),
    ('Juanito was crying in the back seat', ['PAZ, JUAN'], ['Juanito'], ['seat'], 'alu'),
    ('CARLITOS TOLD HIS MOM', ['REYES, CARLOS'], ['CARLITOS'], ['MOM'], 'alu'),
    ('rosita called 911', ['DIAZ, ROSA'], ['rosita'], ['called'], 'alu'),
    ('Anita and her sister left', ['CRUZ, ANA'], ['Anita'], ['sister'], 'alu'),
    ('beto hit him first', ['SILVA, HUMBERTO'], ['beto'], ['hit'], 'alu'),
    ("Lalo's car was parked outside", ['PENA, EDUARDO'], ['Lalo'], ['parked'], 'alu'),
    ('Kike said no', ['MATA, ENRIQUE'], ['Kike'], [], 'alu'),
    ('Toño and Lola came back at 3', ['LEON, ANTONIO', 'LEON, DOLORES'], ['Toño', 'Lola'], ['came'], 'alu'),
    ('Sasha said he was home', ['PETROV, ALEKSANDR'], ['Sasha'], ['home'], 'alu'),
    ('dima pushed the door', ['IVANOV, DMITRI'], ['dima'], ['door'], 'alu'),
    ('VOVA REFUSED TO ANSWER', ['SOKOLOV, VLADIMIR'], ['VOVA'], ['ANSWER'], 'alu'),
    ('zhenya and her boyfriend argued', ['ORLOVA, YEVGENIA'], ['zhenya'], ['boyfriend'], 'alu'),
    ('Lyosha left in a cab', ['KOZLOV, ALEXEI'], ['Lyosha'], ['cab'], 'alu'),
    ('Misha texted me at midnight', ['VOLKOV, MIKHAIL'], ['Misha'], ['midnight'], 'alu'),
    ('natasha wasnt there', ['POPOVA, NATALIA'], ['natasha'], ['there'], 'alu'),
    ('Kasia said the dog bit her', ['NOWAK, KATARZYNA'], ['Kasia'], ['dog'], 'alu'),
    ('gosia called the police', ['WOJCIK, MALGORZATA'], ['gosia'], ['police'], 'alu'),
    ('Staszek was drinking on the porch', ['KOWALSKI, STANISLAW'], ['Staszek'], ['porch'], 'alu'),
    ('Wojtek ran', ['LEWANDOWSKI, WOJCIECH'], ['Wojtek'], [], 'alu'),
    ('Jun said he was sleeping', ['SANTOS, ROGELIO JR'], [], ['sleeping'], 'alu'),
    ('Bong drove the van', ['REYES, BONG'], ['Bong'], ['van'], 'alu'),
    ('Ah Ming was at the restaurant', ['CHEN, MING'], ['Ming'], ['restaurant'], 'alu'),
    ('ah-wei said he didnt know', ['LIN, WEI'], ['wei'], ['know'], 'alu'),
    ('Abu Khalid told officers he owns the store', None, ['Khalid'], ['store'], 'alu'),
    ('Umm Yusuf said her son was out', None, ['Yusuf'], ['son'], 'alu'),
    ('Mo said he was at work', ['ALI, MOHAMMED'], ['Mo'], ['work'], 'alu'),
    ('hamoudi was outside', ['ALI, MOHAMED'], ['hamoudi'], ['outside'], 'alu'),
    ('Abdi and his cousin left', ['HASSAN, ABDIRAHMAN'], ['Abdi'], ['cousin'], 'alu'),
    ('Tunde said he was not involved', ['ADEYEMI, BABATUNDE'], ['Tunde'], ['involved'], 'alu'),
    ('Ngozi called twice', ['OKAFOR, NGOZICHUKWU'], ['Ngozi'], ['twice'], 'alu'),
    ('chidi was with me', ['EZE, CHIDIEBERE'], ['chidi'], [], 'alu'),
    ('Bayo left at 10', ['OLA, ADEBAYO'], ['Bayo'], [], 'alu'),
    ('Emeka said the money was his', ['NWOSU, CHUKWUEMEKA'], ['Emeka'], ['money'], 'alu'),
    ('Seanie was at the pub', ['MURPHY, SEAN'], ['Seanie'], ['pub'], 'alu'),
    ('Paddy said he fell', ['KELLY, PATRICK'], ['Paddy'], ['fell'], 'alu'),
    ('Mairead and Siobhan argued', ['BYRNE, MAIREAD', 'BYRNE, SIOBHAN'], ['Mairead', 'Siobhan'], [], 'alu'),
    ('Beppe called from the bar', ['ROSSI, GIUSEPPE'], ['Beppe'], ['bar'], 'alu'),
    ('Peppino said nothing', ['ROSSI, GIUSEPPE'], ['Peppino'], ['nothing'], 'alu'),
    ('Gino drove off', ['CONTI, LUIGI'], ['Gino'], [], 'alu'),
    ('Nino was upset', ['CONTI, ANTONINO'], ['Nino'], ['upset'], 'alu'),
    ('Hansi said he saw it', ['MUELLER, JOHANNES'], ['Hansi'], [], 'alu'),
    ('sepp was in the garage', ['HUBER, JOSEF'], ['sepp'], ['garage'], 'alu'),
    ('Fritz ran away', ['WEBER, FRIEDRICH'], ['Fritz'], [], 'alu'),
    ('Tuan said his brother hit him', ['NGUYEN, TUAN'], ['Tuan'], ['brother'], 'alu'),
    ('Em Lan was crying', ['TRAN, LAN'], ['Lan'], ['crying'], 'alu'),
    ('Billy said he wasnt there', ['SMITH, WILLIAM'], ['Billy'], ['there'], 'alu'),
    ('WILL REFUSED TO LEAVE', ['SMITH, WILLIAM'], ['WILL'], ['LEAVE'], 'alu'),
    ('Liam came home late', ['SMITH, WILLIAM'], ['Liam'], ['home'], 'alu'),
    ('Peggy called about the noise', ['JONES, MARGARET'], ['Peggy'], ['noise'], 'alu'),
    ('jack and the victim argued', ['BROWN, JOHN'], ['jack'], ['victim'], 'alu'),
    ('Dick told me to get out', ['WHITE, RICHARD'], ['Dick'], [], 'alu'),
    ('ned was at the bar', ['GRAY, EDWARD'], ['ned'], ['bar'], 'alu'),
    ('Sally said her ex took the kids', ['LANE, SARAH'], ['Sally'], ['kids'], 'alu'),
    ('Polly called back', ['LANE, MARY'], ['Polly'], [], 'alu'),
    ('Bob said he paid', ['KING, ROBERT'], ['Bob'], ['paid'], 'alu'),
    ('BOBBY HIT ME', ['KING, ROBERT'], ['BOBBY'], [], 'alu'),
    ('becky was screaming', ['HALL, REBECCA'], ['becky'], ['screaming'], 'alu'),
    ('Kate and Katie are the same person', ['WARD, KATHERINE'], ['Kate', 'Katie'], ['person'], 'alu'),
    ('kat texted him', ['WARD, KATHERINE'], ['kat'], [], 'alu'),
    ('Liz said Beth was lying', ['FOX, ELIZABETH'], ['Liz', 'Beth'], ['lying'], 'alu'),
    ('Betsy and Libby are sisters', ['FOX, ELIZABETH', 'FOX, ELISABETH'], ['Betsy', 'Libby'], ['sisters'], 'alu'),
    ('tom hit the car', ['GREEN, THOMAS'], ['tom'], ['car'], 'alu'),
    ('Chuck said the truck was his', ['MILLS, CHARLES'], ['Chuck'], ['truck'], 'alu'),
    ('Sue reported her bike stolen', ['PARK, SUSAN'], ['Sue'], ['bike'], 'alu'),
    ('Pat and Rob were there', ['DOE, PATRICIA', 'DOE, ROBERT'], ['Pat', 'Rob'], [], 'alu'),
    ('thanks, Mike', ['ROSS, MICHAEL'], ['Mike'], ['thanks'], 'alu'),
    ('- Jen', ['COLE, JENNIFER'], ['Jen'], [], 'alu'),
    ('Regards,\nDave', ['COLE, DAVID'], ['Dave'], ['Regards'], 'alu'),
    ('Tony said "leave me alone"', ['GRECO, ANTHONY'], ['Tony'], ['alone'], 'alu'),
    ('and then Danny took off', ['HILL, DANIEL'], ['Danny'], ['took'], 'alu'),
    ('Margaret Olsen said Peggy is her nickname. peggy left.', None, ['Margaret', 'Olsen', 'Peggy', 'peggy'], ['nickname'], 'alu'),
    ('Complainant Robert Tanaka. Bobby stated he was hit.', None, ['Robert', 'Tanaka', 'Bobby'], ['hit'], 'alu'),
    ('Victim Elizabeth Moreau. Liz said her ex came over.', None, ['Elizabeth', 'Moreau', 'Liz'], ['ex'], 'alu'),
    ('Guadalupe Serrano reported the theft. Lupita said the bike was new.', None, ['Guadalupe', 'Serrano', 'Lupita'], ['bike'], 'alu'),
    ('Aleksandr Volkov was arrested. sasha refused to talk', None, ['Aleksandr', 'Volkov', 'sasha'], ['talk'], 'alu'),
    ('tj said he saw the fight', ['JONES, THOMAS JAMES'], ['tj'], ['fight'], 'alu'),
    ('JJ ran toward the park', ['LEE, JOHN JOSEPH'], ['JJ'], ['park'], 'alu'),
    ('AJ and his friend left', ['COX, ANTHONY JOSEPH'], ['AJ'], ['friend'], 'alu'),
    ('Mac said he was fine', ['MACDONALD, ROBERT'], ['Mac'], ['fine'], 'alu'),
    ('Roddy was at the scene', ['RODRIGUEZ, LUIS'], ['Roddy'], ['scene'], 'alu'),
    ('I will call you back', None, [], ['will'], 'alu'),
    ('He paid the bill yesterday', None, [], ['bill'], 'alu'),
    ('Used a jack to lift the car', None, [], ['jack'], 'alu'),
    ('Officer did pat down the subject', None, [], ['pat'], 'alu'),
    ('She wants to sue the landlord', None, [], ['sue'], 'alu'),
    ('He tried to rob the store', None, [], ['rob'], 'alu'),
    ('There was a mark on his arm', None, [], ['mark'], 'alu'),
    ('He said he would chuck the bottle', None, [], ['chuck'], 'alu'),
    ('It happened at dawn', None, [], ['dawn'], 'alu'),
    ('WILL ADVISE', None, [], ['WILL'], 'alu'),
    ('Will call back later', None, [], ['Will'], 'alu'),
    ('Mark the time: 0300', None, [], ['Mark'], 'alu'),
    ('I will call you back', ['SMITH, JOHN'], [], ['will'], 'alu'),
    ('He paid the bill', ['SMITH, JOHN'], [], ['bill'], 'alu'),
    ('will', ['JONES, MARY'], [], ['will'], 'alu'),
    ('he will pay the bill', ['SMITH, WILLIAM'], [], ['pay'], 'alu'),
    ('he tried to rob the store', ['KING, ROBERT'], [], ['tried', 'store'], 'alu'),
    ('the pope visited', ['OCHOA, JOSE'], [], ['pope'], 'alu'),
    ('the bill said paid in full', ['SMITH, WILLIAM'], [], ['bill'], 'alu'),
    ('used the jack and the tire iron were in the trunk', ['BROWN, JOHN'], [], ['jack'], 'alu'),
    ('officer did a pat down and the subject left', ['DOE, PATRICIA'], [], ['pat'], 'alu'),
    ('they tried to rob and the clerk called 911', ['KING, ROBERT'], [], ['rob'], 'al'),
    ('he said he would rob and the others laughed', ['KING, ROBERT'], [], ['rob'], 'alu'),
    ('bill was paid and the receipt was kept', ['SMITH, WILLIAM'], [], ['bill'], 'al'),
    ('i will and my mom agreed', ['SMITH, WILLIAM'], [], ['will'], 'alu'),
    ('the dj played loud music', ['WU, DAVID JOHN'], [], ['dj'], 'alu'),
    ('tj and his brother ran', ['JONES, THOMAS JAMES'], ['tj'], ['brother'], 'alu'),
    ('Bill said Bob left', ['SMITH, WILLIAM', 'KING, ROBERT'], ['Bill', 'Bob'], ['left'], 'alu'),
    ("he said her ex came over and took the tv", None, [], ["ex", "tv"], "alu"),  # a former partner, no name
    # clipped forms of a given name met in the text, before a verb
    ("tip: the guy is Dustin Graham (known as Pooh). Dusty drives a green Kia Optima.", None, ["Dusty"], ["drives"],
     "alu"),
    ("the guy is skyler murphy. sky drives a silver honda civic.", None, ["sky"], ["drives"], "alu"),
    ("Caller Daniel Okafor said Dan left at 3. The danger was over.", None, ["Dan"], ["danger"], "alu"),
    ("Victim Wells Fargo. Well said.", None, [], ["Well"], "a"),
    ("Christine Okoro said chris left. The christmas lights were on.", None, ["chris"], ["christmas"], "alu"),
]

CASES = record_row_cases(ROWS)


@pytest.mark.parametrize(("text", "people", "go", "keep"), CASES)
def test_nicknames_go_and_words_stay(redactor, text, people, go, keep) -> None:
    assert_record_row(redactor, text, people, go, keep)


@pytest.mark.parametrize("seed", range(12))
def test_a_record_persons_short_form_before_a_verb_any_casing_gets_their_number(redactor, seed) -> None:
    rnd = random.Random(seed)
    given, short, surname = rnd.choice([("WILLIAM", "bill", "OSEI"), ("MOHAMMED", "mo", "HADDAD"),
                                        ("JOHN", "jack", "PRUITT"), ("ROBERT", "rob", "LINDQVIST"),
                                        ("THOMAS JAMES", "tj", "VANCE"), ("PATRICIA", "pat", "OKONJO")])
    other = "NAKASHIMA, KEIKO"
    verb = rnd.choice(["said", "told me", "ran", "denied it", "texted her"])
    text = rnd.choice([f"{short} {verb}. keiko nakashima saw it.", f"keiko nakashima said {short} {verb}."])
    text = cased(text, rnd.choice(["lower", "upper", "as"]))
    # initials of given and middle names ("tj") are read from "SURNAME, GIVEN MIDDLE" only
    person = f"{surname}, {given}" if short == "tj" or rnd.random() < 0.5 else f"{given} {surname}"
    people = [person, other] if rnd.random() < 0.5 else [other, person]
    out = redactor.redact([text], [{"PERSON": people}])[0].text
    assert not shown(out, short), out
    assert len(set(_NUMBER.findall(out))) == 2, out  # two people, two numbers
