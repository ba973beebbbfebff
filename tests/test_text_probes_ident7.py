"""Placeholders identify people (issue 15, identity round 7, a new hand): two people sharing a given name, a record
person and a text-only person sharing a surname, a parent and child with no suffix, spouses with two surnames and
then one, a person named by given name and later as ``LAST, FIRST``, "Mr. X" beside "Mrs. X", a hyphenated surname
beside one of its halves, two people with the same initials, an officer and a civilian sharing a surname, and a
complaint summary's role markers ("C/ Jane Roe ... W/ Jim Roe").

A row's text marks each mention of a person ``{A:Ngozi Okafor}``: one letter a person, every mention of one letter
one number, two letters two numbers; ``{*:...}`` any number (a family name for two); ``{?AB:...}`` a mention that two
people could be and nothing decides: one of their two numbers, never a third. The marked words must go, the row's
kept words stay. The names are made up here.
"""

from __future__ import annotations

import random
import re

import pytest

from tests.text_helpers import cased, shown, shown_words

_MARK = re.compile(r"\{([A-Z*?]+):([^}]+)\}")
_NUMBER = re.compile(r"\[PERSON (\d+)\]")
_TITLES = {"mr", "mrs", "ms", "miss", "jr", "sr", "dr", "sgt", "ofc", "det", "officer", "p/o", "cpl", "lt", "née"}

ALL = ("as", "lower", "upper")
AS = ("as",)
# (marked text, record people or None, words that must stay, casings)
ROWS = [
    # 1. people sharing a given name
    ("{A:Maria Lopez} and {B:Maria Santos} were both at the bus stop. {A:Lopez} said {B:Santos} pushed her.",
     None, ["bus", "pushed"], ALL),
    ("{A:Maria Lopez} and {B:Maria Santos} were both at the bus stop. {A:Maria Lopez} said {B:Santos} pushed her.",
     ["LOPEZ, MARIA E", "SANTOS, MARIA"], ["bus", "pushed"], ALL),
    ("Caller {A:Kevin Obi} says another tenant, {B:Kevin Marsh}, parks in his spot. {B:Marsh} was not home.",
     ["OBI, KEVIN"], ["tenant", "spot"], ALL),
    ("{A:Priya Raman} (V) and {B:Priya Desai} (W). {B:Desai} saw {A:Raman} fall on the ice.", ["RAMAN, PRIYA"],
     ["saw", "ice"], ALL),
    ("Two employees named {A:Dmitri} were on shift: {A:Dmitri Volkov} at the counter and {B:Dmitri Lund} in the "
     "back. {B:Lund} heard the alarm.", None, ["counter", "alarm"], AS),
    # 2. a record person and a text-only person with the same surname
    ("{A:Okonkwo, Chidi} was stopped on 3rd Ave. A passenger, {B:Adaeze Okonkwo}, filmed the stop. {A:Chidi} was "
     "released.", ["OKONKWO, CHIDI"], ["passenger", "filmed"], ALL),
    ("Subject {A:Lars Eklund} was cited. His sister {B:Ingrid Eklund} picked up the car. {B:Ingrid} signed the "
     "tow form.", ["EKLUND, LARS P"], ["sister", "tow"], ALL),
    ("{A:Yolanda Baptiste} reported a theft. Her landlord, also named {B:Baptiste} ({B:Gerard}), has a key.",
     ["BAPTISTE, YOLANDA"], ["landlord", "key"], AS),
    ("V stated that her ex {B:Ramon Fuentes} took her phone. V {A:Carla Fuentes} wants him trespassed.",
     ["FUENTES, CARLA"], ["phone", "trespassed"], ALL),
    ("{B:Nadia Haddad} called for her brother {A:Sami Haddad}. {A:Sami} had been drinking all day.",
     ["HADDAD, SAMI"], ["brother", "drinking"], ALL),
    # 3. parent and child, no suffix
    ("{A:Leon Marsh} and his son {B:Tyrese Marsh} argued over the car. {A:Leon} has the title; {B:Tyrese} has the "
     "keys.", None, ["son", "title"], ALL),
    ("{A:Gloria Pham} said her daughter {B:Lien Pham} ran away. {B:Lien} is 14. Ms. {?AB:Pham} gave a photo.",
     ["PHAM, LIEN"], ["daughter", "photo"], ALL),
    ("Father {A:Hamid Karimi} and son {B:Arash Karimi} were detained. {A:Hamid} was released at the scene.",
     ["KARIMI, HAMID", "KARIMI, ARASH"], ["detained", "scene"], ALL),
    ("The juvenile, {B:Keanu Alapai}, was returned to his mother {A:Leilani Alapai}. {A:Ms. Alapai} thanked the "
     "officers.", ["ALAPAI, KEANU"], ["juvenile", "thanked"], ALL),
    ("{A:Grace Whitlock}, 71, lives with her son {B:Dean Whitlock}, 45. {B:Dean} says his mother wanders at "
     "night.", None, ["son", "wanders"], ALL),
    # 4. spouses with different surnames, then one joint surname
    ("{A:Elena Moretti} and her husband {B:Paul Brandt} were home. The {*:Brandts} have a camera. {B:Paul} gave us "
     "the footage.", None, ["husband", "footage"], AS),
    ("{A:Sofia Reyes} and her husband {B:Tom Baker} own the store. {A:Reyes} was at the register; {B:Baker} was in "
     "the back.", ["REYES, SOFIA", "BAKER, THOMAS"], ["husband", "register"], ALL),
    ("R/P {A:Hana Sato} and her wife {B:Jo Lindgren} found the door open. {B:Lindgren} checked the rooms.", None,
     ["wife", "rooms"], ALL),
    # 5. given name first, then LAST, FIRST
    ("{A:Bernard} came to the front desk to report a theft. Report taken from {A:Kowalski, Bernard}. Suspect "
     "{B:Tim Reilly}.", ["KOWALSKI, BERNARD"], ["desk", "theft"], ALL),
    ("{A:Tanisha} flagged us down. Victim: {A:MOORE, TANISHA R.} Suspect: {B:MOORE, DARRYL}.",
     ["MOORE, TANISHA R", "MOORE, DARRYL"], ["flagged", "down"], AS),
    ("{A:Ayodele} said {B:Femi} hit him. Parties: {A:Adeyemi, Ayodele} and {B:Adeyemi, Femi}.", None,
     ["hit", "Parties"], ALL),
    # 6. Mr. vs Mrs. (gender tells them apart)
    ("Mr. {A:Halvorsen} and Mrs. {B:Halvorsen} both called. Mrs. {B:Halvorsen} said Mr. {A:Halvorsen} left at noon.",
     None, ["called", "noon"], ALL),
    ("Mrs. {B:Oyelaran} said her husband had fallen. Mr. {A:Oyelaran} was transported to Mercy.",
     ["OYELARAN, TUNDE"], ["husband", "transported"], ALL),
    ("{A:Walter Pruitt} said Mrs. {B:Pruitt} was asleep. Mrs. {B:Pruitt} woke up when we knocked.",
     ["PRUITT, WALTER"], ["asleep", "knocked"], ALL),
    ("Ms. {A:Ferreira} told us that Mr. {B:Ferreira} drinks. {A:Ana Ferreira} wants him out.", None,
     ["drinks", "wants"], ALL),
    # 7. a hyphenated surname and one of its halves
    ("{A:Lucia Garcia-Lopez} said {B:Marco Lopez} keyed her car. {B:Lopez} lives next door.", None,
     ["keyed", "next"], ALL),
    ("{A:Lucia Garcia-Lopez} called. {A:Ms. Garcia-Lopez} said {B:Marco Lopez} keyed her car. {B:Lopez} lives "
     "next door.", ["GARCIA-LOPEZ, LUCIA"], ["keyed", "next"], ALL),
    ("{A:Anna Smith-Jones} and her ex {B:Rob Jones} share custody. {B:Mr. Jones} was late again.", None,
     ["custody", "late"], ALL),
    ("{A:Anna Smith-Jones} was upset. {A:Ms. Smith-Jones} said {B:Gary Smith} took the dog.",
     ["SMITH-JONES, ANNA"], ["upset", "dog"], AS),
    # 8. initials that collide
    ("Two juveniles, {A:J.M.} and {B:J.M.}, not related, were in the park after curfew.", None,
     ["related", "curfew"], AS),
    ("{A:J.M.} was seen on video. Later {A:J.M.} admitted it.", None, ["video", "admitted"], AS),
    ("The two students, {A:A.K.} and {B:A.K.}, were separated. Both were sent home.", None,
     ["students", "separated"], AS),
    # 9. an officer and a civilian sharing a surname
    ("Officer {A:Diaz} spoke with {B:Rosa Diaz}, no relation. {B:Rosa} said the car was stolen.", None,
     ["relation", "stolen"], ALL),
    ("Sgt. {A:Kim} arrived. {B:Kim Soo-jin} was the driver. Sgt. {A:Kim} took her statement.", None,
     ["arrived", "driver"], AS),
    ("P/O {A:Nowak} and a bystander, {B:Teresa Nowak}, gave first aid. {B:Ms. Nowak} is a nurse.", None,
     ["bystander", "nurse"], AS),
    ("Det. {A:Oduya} interviewed {B:Grace Oduya} (no relation). {B:Grace} declined to press charges.",
     ["ODUYA, GRACE"], ["interviewed", "charges"], ALL),
    # 10. complaint summaries, role then name
    ("C/ {A:Jane Roe} alleges W/ {B:Jim Roe} saw P/O {C:Kelly} strike her. W/ {B:Roe} confirms.", None,
     ["alleges", "strike"], AS),
    ("COMP {A:DORIS FLYNN} STATES HER GRANDSON {B:EVAN FLYNN} WAS HANDCUFFED. {B:EVAN} WAS NOT CHARGED.", None,
     ["GRANDSON", "HANDCUFFED"], AS),
    ("Complainant {A:Ms. Ruth Adler} alleges that her son {B:Mr. Levi Adler} was pushed. {B:Mr. Adler} was not "
     "injured.", None, ["alleges", "injured"], AS),
    ("c/ {A:latisha grimes} states officers searched her son {B:andre grimes}. c/ {A:grimes} wants an apology.",
     None, ["searched", "apology"], AS),
    # more shapes of my own
    ("{A:Jordan Taylor} and {B:Taylor Jordan} were in the car. {A:Jordan Taylor} was driving.", None,
     ["car", "driving"], AS),
    ("{A:Ray James} and {B:James Ray} were both cited for trespass.", None, ["cited", "trespass"], AS),
    ("{A:Kim Lee} said that {B:Soo Kim} was yelling. {B:Ms. Kim} denied it.", None, ["yelling", "denied"], AS),
    ("{A:Dr. Anil Patel} treated {B:Ravi Patel} at the scene. {B:Ravi} was stable.", None, ["treated", "stable"], AS),
    ("{A:Oksana Bilyk} ({A:née Hrytsenko}) said her brother {B:Taras Hrytsenko} owes her rent.", None,
     ["brother", "rent"], AS),
    ("{A:Lamar Cole}, 38, and {B:Lamar Cole}, 17, live at the address. The younger {B:Lamar} was arrested.", None,
     ["live", "younger"], AS),
    ("Witnesses: {A:Reggie Foster}, {B:Dana Foster}, {C:Kim Foster}. All three said the same thing.", None,
     ["Witnesses", "three"], ALL),
    ("{A:Abdi Hassan} says {B:Hassan Abdi} owes him $200. {B:Hassan} says he paid.", None, ["owes", "paid"], AS),
    ("I spoke with {A:Maya}, {B:Maya}'s mother {C:Claire Dubois}, and {D:Lukas Dubois}. {C:Ms. Dubois} did the "
     "talking.", None, ["mother", "talking"], AS),
    ("Caller {A:Earl Banks} says his neighbor {B:Earl} (last name unk) is stealing mail.", None,
     ["neighbor", "mail"], AS),
    ("{A:Yuki Tanaka} and {B:Kenji Tanaka} were arrested. {A:Tanaka, Yuki} was booked at 2210; {B:Tanaka, Kenji} at "
     "2230.", ["TANAKA, YUKI", "TANAKA, KENJI"], ["arrested", "booked"], ALL),
    ("{A:TANAKA, YUKI} and {B:TANAKA, KENJI} were arrested. {A:Yuki} was booked first.",
     ["TANAKA, YUKI", "TANAKA, KENJI"], ["arrested", "booked"], ALL),
    ("{A:Marcus Bell} said {B:Marcus} from the shop sold him the bike. {A:Bell} has a receipt.", None,
     ["shop", "receipt"], AS),
    ("{A:Tomas Greer} and {B:Tomas Greer} Sr. were both present. {B:Greer} Sr. owns the truck.", None,
     ["present", "owns"], AS),
    ("V/ {A:NGUYEN, LAN} S/ {B:NGUYEN, DUC} (HUSBAND). {B:DUC} PUSHED {A:LAN} INTO THE WALL.",
     ["NGUYEN, LAN", "NGUYEN, DUC"], ["HUSBAND", "PUSHED"], AS),
    ("{A:Ivy Chen} and her twin sister {B:Iris Chen} were both in the car. {A:Ivy} was driving.", None,
     ["twin", "driving"], ALL),
    ("{A:Connor Walsh} and {B:Connor Walsh} are cousins with the same name; {A:Connor} (the older) was cited.", None,
     ["cousins", "cited"], AS),
    ("{A:Ms. Bianca Russo} and {B:Mr. Bianca} argued. {B:Mr. Bianca} left.", None, ["argued", "left"], AS),
    ("{A:Ade Ogun} saw {B:Tunde Ogun} and {C:Bisi Ogun} fighting. {B:Tunde} had a bat; {C:Bisi} had a knife.",
     None, ["fighting", "knife"], ALL),
    ("{A:Samuel Roth} reported that {B:Samuel Roth}, his father, is missing. The elder {B:Roth} has dementia.",
     None, ["father", "dementia"], AS),
    ("Both {A:Mr. Diallo} and {B:Mrs. Diallo} were interviewed. {A:Mr. Diallo} said nothing.", None,
     ["interviewed", "nothing"], ALL),
    ("{A:Fatou Diallo}, her husband {B:Moussa}, and her brother {C:Ibrahima Sow} were home. {B:Moussa Diallo} "
     "answered.", None, ["husband", "answered"], ALL),
    ("{A:Hugo Lindqvist} was stopped. {B:Officer Lindqvist} (no relation) ran his plate.",
     ["LINDQVIST, HUGO"], ["stopped", "plate"], AS),
    ("{A:Nkechi} and {B:Chioma} Eze ({B:Chioma} is the mother) were in the apartment.", None,
     ["mother", "apartment"], AS),
    ("R/P {A:Wanda Sikes}. {A:Sikes} states her grandson {B:Jaylen} is out of control. {B:Jaylen Sikes} is 16.",
     ["SIKES, WANDA"], ["grandson", "control"], ALL),
    ("{A:Olu Bakare} and {B:Olu Bakare} (father and son) were present; the son {B:Olu} gave a statement.", None,
     ["present", "statement"], AS),
    ("{A:Ruth} and {B:Ruth} (two different Ruths) both complained about the noise.", None, ["noise"], AS),
    ("{A:Ian Fox} spoke with {B:Fox, Amelia}. {B:Amelia} said {A:Ian} was not welcome.",
     ["FOX, AMELIA"], ["welcome"], ALL),
    ("The complainant, {A:Mrs. Greta Lind}, said {B:Mr. Lind} had moved out. {A:Mrs. Lind} has the lease.",
     ["LIND, GRETA"], ["moved", "lease"], ALL),
    ("{A:Deshawn Pope} and {B:Deshawn Pope Jr} (son) were stopped.", None, ["stopped"], AS),
    ("{A:Siobhan Kelly} said Officer {B:Kelly} was rude to her. {A:Ms. Kelly} wants to file a complaint.",
     ["KELLY, SIOBHAN"], ["rude", "file"], ALL),
    ("{A:Pablo Ortiz} stated that {B:Pablo} (his cousin) has a gun. The cousin was not found.", None,
     ["cousin", "gun"], AS),
    ("V {A:Selin Aydin} stated S {B:Emre Aydin} (brother) took her purse. {A:Selin} has a bruise; {B:Emre} fled.",
     ["AYDIN, SELIN", "AYDIN, EMRE"], ["purse", "bruise"], ALL),
    ("{A:AYDIN, SELIN} STATED {B:AYDIN, EMRE} TOOK HER PURSE. {A:SELIN AYDIN} HAS A BRUISE.",
     ["AYDIN, SELIN", "AYDIN, EMRE"], ["PURSE", "BRUISE"], AS),
    ("On scene {A:Harriet Vance} met {B:Harriet Vance-Cole}, her niece. {B:Ms. Vance-Cole} lives upstairs.", None,
     ["niece", "upstairs"], AS),
    ("{A:Javier Soto} and {B:Javi Soto} are brothers. {B:Javi} was cited.", None, ["brothers", "cited"], AS),
    ("{A:Zora Mbeki} asked for extra patrol. {A:MBEKI, ZORA} says {B:Thabo Mbeki} has been sitting outside.",
     ["MBEKI, ZORA"], ["patrol", "outside"], ALL),
    ("{A:ms. rivera} and {B:mr. rivera} were arguing in the lot. {B:mr. rivera} left before we arrived.", None,
     ["arguing", "lot"], AS),
    ("{A:Ines Vidal} says {B:Vidal} (her ex) keeps calling. {A:Ines} has a TRO against him.", None,
     ["calling", "TRO"], AS),
    ("{A:Aiden Cho} (17) and {B:Aiden Cho} (his cousin, 19) were in the car. The cousin was driving.", None,
     ["car", "driving"], AS),
    ("S1 {A:Tariq Bello}, S2 {B:Tariq Bello} (brothers with the same first name? verify). S1 fled.", None,
     ["brothers", "fled"], AS),
    ("{A:Vera Kline} and {A:Vera Kline}'s mother, Mrs. {B:Kline}, were home.", None, ["mother", "home"], AS),
    # a second batch: titles, brackets, apposed kinship nouns, two records sharing a word
    ("Mr. and Mrs. {*:Patel} were home. Mrs. {B:Patel} said Mr. {A:Patel} was asleep.",
     ["PATEL, RAJ", "PATEL, ASHA"], ["home", "asleep"], ALL),
    ("Mr. {A:Okafor} called. Mrs. {B:Okafor} said Mr. {A:Okafor} left.",
     ["OKAFOR, EMEKA", "OKAFOR, NGOZI"], ["called", "left"], ALL),
    ("{A:Smith} (S1) and {B:Smith} (S2) were detained. S1 had a knife.", None, ["detained", "knife"], AS),
    ("The brothers {A:Tom} and {B:Jim Reed} were fighting. {A:Tom Reed} was cited.", None, ["brothers", "cited"], AS),
    ("{A:Kim Lee} and {B:Min Kim} were in the car. Ms. {B:Kim} was driving.",
     ["LEE, KIM", "KIM, MIN"], ["car", "driving"], AS),
    ("V1 {A:Rosa Vega}, V2 {B:Rosa Vega} (her daughter). V2 was not hurt.", None, ["daughter", "hurt"], AS),
    ("{A:Ana Lopez-Garcia} and {B:Marco Lopez} were both cited. {A:Ms. Lopez-Garcia} paid.",
     ["LOPEZ-GARCIA, ANA", "LOPEZ, MARCO"], ["cited", "paid"], ALL),
    ("Officer {A:Jane Diaz}'s son, {B:Marco Diaz}, was stopped. {B:Marco} was released to Officer {A:Diaz}.",
     None, ["son", "released"], AS),
    ("{A:Jamal} and {B:Jamal} (different people) were both at the party.", None, ["different", "party"], AS),
    ("{A:Dee Carter} told {B:Carter}'s brother {C:Will Carter} to leave.", None, ["brother", "leave"], AS),
    ("{A:Aisha Bello} and her mother {B:Halima Bello} live together. The mother, Ms. {B:Bello}, is 70.",
     None, ["together", "mother"], AS),
    ("Suspects {A:Ray Lopez} and {B:Rey Lopez}. {A:Ray} had the bag.", None, ["Suspects", "bag"], AS),
    ("{A:Hana Sato} called about {B:Sato}, her husband. {B:Mr. Sato} was drunk.",
     ["SATO, HANA"], ["husband", "drunk"], ALL),
    ("{A:Jones, Terrell} and {B:Jones, Tamika}. {?AB:T. Jones} was the driver.",
     ["JONES, TERRELL", "JONES, TAMIKA"], ["driver"], AS),
    ("{A:Greg Fox} said {B:Greg}, his son, took the truck. {B:Greg Jr.} has no license.", None, ["son", "truck"], AS),
    ("Both {A:Ms. Ng} (the mother) and {B:Ms. Ng} (the aunt) spoke to us.", None, ["mother", "aunt"], AS),
    ("Spoke with the homeowner {A:Dale Price}. Neighbor {B:Price} (no relation) saw nothing.",
     None, ["homeowner", "nothing"], ALL),
    ("{A:Ruth Adler} and {B:Levi Adler} were interviewed separately. {A:Ruth} cried; {B:Levi} did not.",
     ["ADLER, LEVI"], ["interviewed", "cried"], ALL),
    ("COMPLAINANT {A:MARIA SANTOS} STATED THAT HER NEIGHBOR {B:MARIA} THREW EGGS AT HER CAR.",
     None, ["NEIGHBOR", "EGGS"], AS),
    ("{A:Tyler Brooks} and his dad were stopped. {B:Mr. Brooks} (the dad) was driving.",
     ["BROOKS, TYLER"], ["stopped", "driving"], ALL),
    # keeps for titles, apposed kinship nouns and bracketed notes: one person each
    ("{A:Kim Lee} was driving. {A:Kim} said {B:Min Kim} was asleep. Ms. {B:Kim} woke up at the light.",
     ["LEE, KIM"], ["driving", "light"], AS),
    ("{A:Hana Sato}, the victim, called. Her husband, {B:Ken Sato}, was drunk. Ms. {A:Sato} wants a TRO.",
     ["SATO, HANA"], ["husband", "TRO"], ALL),
    ("Ms. {A:Ng} (the mother) called at 0900. At 1000 Ms. {A:Ng} came to the desk.", None, ["mother", "desk"], ALL),
    ("{A:Tyler Brooks} (the son) was stopped. {A:Brooks} was driving.", ["BROOKS, TYLER"], ["son", "driving"], ALL),
    # keeps: an officer named in full without a rank before, a badge after, a rank with a colon: one officer
    ("{A:Rosa Diaz} #4411 responded. Ofc. {A:Diaz} spoke with the victim, {B:Ann Lee}.", ["DIAZ, ROSA", "LEE, ANN"],
     ["responded", "victim"], AS),
    ("Reporting officer: {A:Rosa Diaz}. Ofc. {A:Diaz} spoke with {B:Ann Lee}.", ["DIAZ, ROSA"], ["spoke"], ALL),
    # a third batch: initials, kinship nouns in brackets, nicknames of a relation
    ("R/P {A:Jane Roe} says her roommate {B:Jane} took her card.", None, ["roommate", "card"], ALL),
    ("{A:Tom Baker} and his son {B:Tommy} were home. {B:Tommy} is 12.", None, ["son", "home"], ALL),
    ("Officers {A:Kim} and {B:Kim} responded to the call.", None, ["responded", "call"], AS),
    ("Ofc. {A:J. Smith} and Ofc. {B:K. Smith} responded. Ofc. {A:J. Smith} wrote the report.",
     None, ["responded", "report"], AS),
    ("{A:Lopez} (the mother) said {B:Lopez} (the son) ran off.", None, ["mother", "ran"], AS),
    ("{A:Maria Lopez} was the victim. Complainant {A:Maria Lopez} signed.",
     ["LOPEZ, MARIA", "LOPEZ, MARIA E"], ["victim", "signed"], ALL),
    ("{A:JOHNSON, MARY} (V) AND {B:JOHNSON, MARK} (S). {B:MARK} WAS ARRESTED.",
     ["JOHNSON, MARY", "JOHNSON, MARK"], ["ARRESTED"], AS),
    ("Dr. {A:Lee} examined {B:Mr. Lee} at the scene.", None, ["examined", "scene"], AS),
    ("{A:Ali Khan} and {B:Ali Khan Jr.} were both stopped. {B:Khan Jr.} had the bag.", None, ["stopped", "bag"], AS),
    ("{A:Priya} said {B:Priya Shah}, her cousin, owes her money. {B:Ms. Shah} denies it.",
     None, ["cousin", "money"], AS),
    ("Victim {A:Oscar Mendez}. Suspect {B:Oscar Mendez-Ruiz}. {B:Mendez-Ruiz} fled on foot.",
     ["MENDEZ, OSCAR"], ["fled", "foot"], AS),
    ("{A:Lena} and {B:Lena}'s mom were at the park. {B:Lena}'s mom, {C:Dana Cruz}, called us.",
     None, ["mom", "park"], AS),
    ("my neighbor {A:ray} and his wife {B:rae} keep fighting. {A:ray} broke a window.",
     None, ["neighbor", "window"], AS),
    ("{A:Cole Hart} met {B:Hart Cole} at the bar; {B:Hart Cole} started the fight.", None, ["bar", "fight"], AS),
    ("Sgt. {A:Ames} notified {B:Ames}'s family: her husband {C:Carl Ames} was on scene.",
     None, ["notified", "husband"], AS),
    # keeps for initials and kinship nouns: one person
    ("Ofc. {A:J. Smith} responded. Ofc. {A:Smith} wrote the report; {A:Jill Smith} signed it.", None,
     ["responded", "signed"], AS),
    ("{A:Lopez} (the mother) called. {A:Lopez} (the mother) came back at 5.", None, ["mother", "back"], AS),
    ("{A:Tom Baker} called. {A:Tommy} said his son broke the window.", None, ["son", "window"], AS),
    # found on the way, not numbering: the redaction itself
    ("Juveniles {A:J.M.} and {B:J.M.} were in the park.", None, ["Juveniles", "park"], AS),
    ("Sgt. {A:Kim} took the statement from {B:Mina Park}.", None, ["statement"], AS),
    ("{A:Tomas Greer} Sr. called. {A:Tomas Greer} Sr. said his son {B:Tomas} was out all night.", None,
     ["called", "night"], AS),
    # keeps: ordinary sentences with the same shape, no second person
    ("{A:Maria Lopez} was at the bus stop. {A:Maria} said someone pushed her.", None, ["bus", "pushed"], ALL),
    ("{A:Leon Marsh} argued with his son over the car. {A:Leon} has the title.", None, ["son", "title"], ALL),
    ("Mrs. {A:Halvorsen} called twice. Mrs. {A:Halvorsen} said her husband left at noon.", None,
     ["husband", "noon"], ALL),
    ("Officer {A:Diaz} spoke with the owner. The owner said the car was stolen.", None, ["owner", "stolen"], ALL),
    ("C/ {A:Jane Roe} alleges that an officer pushed her. C/ {A:Roe} was not injured.", None, ["alleges"], AS),
    # keeps for the cues of identity_apart: one person named with a rank in full and by surname, a full name and
    # ``LAST, FIRST``, a swapped order across sentences, "no relation" with nobody met before
    ("Officer {A:Rosa Diaz} arrived. Officer {A:Diaz} spoke with {B:Tom Reed}. {B:Reed} said the car was stolen.",
     None, ["arrived", "stolen"], ALL),
    ("Sgt. {A:Kim} arrived at 0200. Sgt. {A:Kim} took the statement from {B:Mina Cho}.", None,
     ["arrived", "statement"], ALL),
    ("Det. {A:Love} responded. Det. {A:Edward Love} interviewed {B:Ann Love}.", ["LOVE, EDWARD"],
     ["responded", "interviewed"], AS),
    ("{A:Jordan Taylor} was in the car. {A:Taylor, Jordan} was cited for no license.", None, ["car", "cited"], ALL),
    ("{A:Hassan Abdi} called. {A:Abdi} said his cousin {B:Yusuf Farah} took the van.", ["HASSAN, ABDI"],
     ["cousin", "van"], AS),
    ("{A:Rosa Diaz} (no relation to the store owner) saw the theft. {A:Rosa} gave a statement.", None,
     ["theft", "statement"], ALL),
    # keeps for a relation of the sentence's first person: the relation met before, in another sentence or named
    # after another person
    ("{A:Tamara Whitfield} reported {B:Darnell Whitfield} missing. Her son {B:Darnell} is 15.", None,
     ["missing", "son"], ALL),
    ("{A:Leon Marsh} was home. {A:Leon} said his son {B:Tyrese} took the keys. {B:Tyrese Marsh} is 19.", None,
     ["son", "keys"], ALL),
    ("{A:Earl Banks} called. His neighbor, {B:Tom Reed}, says {A:Earl} (his neighbor) is stealing mail.", None,
     ["neighbor", "mail"], AS),
    ("{A:Ana Ruiz} said her husband, Mr. {B:Ruiz}, took the car. Mr. {B:Ruiz} has a DUI.", None,
     ["husband", "car"], ALL),
    # party markers: the lone surname under a marker is the one first written with it; "w/" as "with" stays
    ("C/ {A:Jane Roe} alleges W/ {B:Jim Roe} saw it. C/ {A:Roe} and W/ {B:Roe} both signed.", None,
     ["alleges", "signed"], ALL),
    ("V/ {A:LAN NGUYEN} STS S/ {B:DUC NGUYEN} HIT HER. S/ {B:NGUYEN} FLED. V/ {A:NGUYEN} REFUSED EMS.", None,
     ["HIT", "FLED"], AS),
    ("{A:Latisha Grimes} and {B:Andre Grimes} were home. Officers spoke w/ {?AB:Grimes} at the door.", None,
     ["spoke", "door"], ALL),
    # keeps for a half of a hyphenated surname: the half alone when nobody else holds it, the whole name
    ("{A:Lucia Garcia-Lopez} called. {A:Ms. Lopez} said {B:Tom Reed} keyed her car.", ["GARCIA-LOPEZ, LUCIA"],
     ["called", "keyed"], ALL),
    ("{A:Lucia Garcia-Lopez} said {B:Marco Lopez} keyed her car. {A:Garcia-Lopez} has video.", None,
     ["keyed", "video"], ALL),
    ("{A:Lucia Garcia-Lopez} called. {A:Ms. Garcia-Lopez} said her car was keyed. {A:Garcia-Lopez} has video.",
     ["GARCIA-LOPEZ, LUCIA"], ["keyed", "video"], ALL),
]


def _parse(marked: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The text between marks, and each mark's (label, words)."""
    literals = _MARK.split(marked)[::3]
    mentions = [(m.group(1), m.group(2)) for m in _MARK.finditer(marked)]
    return literals, mentions


def _numbers(out: str, literals: list[str], mentions: list[tuple[str, str]]) -> list[list[int]]:
    """The placeholder numbers standing where each mention stood (the literals between them located in order)."""
    found: list[list[int]] = []
    pos = out.find(literals[0]) + len(literals[0]) if literals[0] else 0
    for i in range(len(mentions)):
        nxt = literals[i + 1]
        end = out.find(nxt, pos) if nxt else len(out)
        if end < 0:
            end = len(out)
        found.append([int(n) for n in _NUMBER.findall(out[pos:end])])
        pos = end + len(nxt)
    return found


def _check(redactor, marked: str, people: list[str] | None, keep: list[str], mode: str) -> None:
    literals, mentions = _parse(marked)
    literals = [cased(lit, mode) for lit in literals]
    mentions = [(label, cased(words, mode)) for label, words in mentions]
    text = "".join(lit + (mentions[i][1] if i < len(mentions) else "") for i, lit in enumerate(literals))
    out = redactor.redact([text], [{"PERSON": people}] if people else None)[0].text or ""
    gone = [w for _, words in mentions for w in re.findall(r"[\w'’\-]+", words)
            if w.lower() not in _TITLES]
    assert not shown_words(out, gone), (text, out)
    assert not [w for w in keep if not shown(out, cased(w, mode))], (text, out)
    numbers: dict[str, set[int]] = {}
    for (label, _), got in zip(mentions, _numbers(out, literals, mentions), strict=True):
        if label[0] not in "*?":
            numbers.setdefault(label, set()).update(got)
    assert all(len(n) == 1 for n in numbers.values()), (text, out, numbers)  # one person, one number
    labels = sorted(numbers)
    assert len({min(numbers[k]) for k in labels}) == len(labels), (text, out, numbers)  # two people, two numbers
    for (label, _), got in zip(mentions, _numbers(out, literals, mentions), strict=True):
        if label[0] == "?":
            assert set(got) <= {n for k in label[1:] for n in numbers[k]}, (text, out)


# Rows that still slip (strict: a fix makes them fail until they leave this table), by a phrase of the row.
SLIPS: dict[str, str | tuple[str, tuple[str, ...]]] = {
    "parks in his spot": ("precision: 'parks' after 'Kevin Marsh,' read as a given name of 'Marsh, Parks'",
                          ("as", "lower")),
    "saw {A:Raman} fall": "precision: 'fall' after a surname taken into the name, and a third number",
    "also named {B:Baptiste}": "a bracketed given name after a shared surname is not read as the other person",
    "mother wanders": "precision: 'wanders' read as a surname",
    "said Mrs. {B:Pruitt}": "a title's gender against a given name's gender: no gendered list of given names",
    "Mr. {B:Ferreira} drinks": "a title's gender against a given name's gender: no gendered list of given names",
    "{C:Kelly} strike": "precision: 'strike' after a surname taken into the name",
    "Det. {A:Oduya} interviewed": "'no relation' after a record person who was met first by rank and surname",
    "{B:Lamar Cole}, 17": "one full name, two people: ages or kinship only tell them apart",
    "{B:Connor Walsh} are cousins": "one full name, two people",
    "{B:Olu Bakare} (father": "one full name, two people",
    "{B:Aiden Cho} (his": "one full name, two people",
    "S2 {B:Tariq Bello}": "one full name, two people",
    "{B:Samuel Roth}, his father": "one full name, two people; 'elder' taken into the name",
    "{B:Marcus} from the shop": "a given name alone that another full name holds",
    "{A:Smith} (S1)": "recall: 'Smith' alone with party labels in brackets stays shown",
    "V2 {B:Rosa Vega}": "one full name, two people: party labels and a kinship noun tell them apart",
    "told {B:Carter}'s brother": "a possessor sharing the sentence opener's surname is read as the opener",
    "notified {B:Ames}'s family": "a rank's surname and a possessive without rank are merged first",
    "Juveniles {A:J.M.}": "precision: a plural role noun opening the text is taken into the name",
    "{B:Thabo Mbeki}": "recall: an unknown given name before a record surname stays shown",
}


def _slip(marked: str, mode: str) -> str:
    """Why the row still slips in casing ``mode`` (a SLIPS value is a reason, or a reason and its casings)."""
    for phrase, why in SLIPS.items():
        reason, modes = why if isinstance(why, tuple) else (why, ALL)
        if phrase in marked and mode in modes:
            return reason
    return ""


CASES = [pytest.param(marked, people, keep, mode, id=f"{i}-{mode}", marks=[
    pytest.mark.xfail(reason=_slip(marked, mode), strict=True)] if _slip(marked, mode) else [])
    for i, (marked, people, keep, modes) in enumerate(ROWS) for mode in modes]


@pytest.mark.parametrize(("marked", "people", "keep", "mode"), CASES)
def test_placeholders_follow_people(redactor, marked, people, keep, mode) -> None:
    _check(redactor, marked, people, keep, mode)


_GIVEN = ["Rosa", "Teresa", "Hugo", "Amara", "Dmitri", "Lien", "Oskar", "Yusuf"]
_SURNAMES = ["Diaz", "Nowak", "Oduya", "Lindqvist", "Okonkwo", "Pruitt", "Halvorsen", "Baptiste"]
_RANKS = ["Officer", "Ofc.", "Sgt.", "Det.", "P/O", "Deputy"]


@pytest.mark.parametrize("seed", range(10))
def test_a_rank_and_a_civilian_sharing_a_surname_property(redactor, seed) -> None:
    """A rank and surname, then a civilian named in full with that surname (with or without "no relation"): two
    people, and the rank later is the officer again."""
    rng = random.Random(seed)
    sur, given, rank = rng.choice(_SURNAMES), rng.choice(_GIVEN), rng.choice(_RANKS)
    note = rng.choice(["", ", no relation", " (no relation)", " (not related)"])
    marked = (f"{rank} {{A:{sur}}} spoke with a bystander, {{B:{given} {sur}}}{note}. {{B:{given}}} saw the crash. "
              f"{rank} {{A:{sur}}} wrote the report.")
    _check(redactor, marked, None, ["bystander", "crash"], rng.choice(ALL))


@pytest.mark.parametrize("seed", range(10))
def test_a_rank_named_in_full_is_one_officer_property(redactor, seed) -> None:
    """Keep: a rank with a full name, then the rank with the surname, is one officer (and a civilian beside)."""
    rng = random.Random(seed)
    (s1, s2), (g1, g2), rank = rng.sample(_SURNAMES, 2), rng.sample(_GIVEN, 2), rng.choice(_RANKS)
    marked = f"{rank} {{A:{g1} {s1}}} arrived. {rank} {{A:{s1}}} met {{B:{g2} {s2}}}. {{B:{s2}}} was calm."
    _check(redactor, marked, rng.choice([None, [f"{s1.upper()}, {g1.upper()}"]]), ["arrived", "calm"],
           rng.choice(ALL))


@pytest.mark.parametrize("seed", range(10))
def test_two_words_in_swapped_order_are_two_people_property(redactor, seed) -> None:
    """"X Y and Y X" in one sentence: two people; "X Y" again later is the first; "Y, X" is the first too."""
    rng = random.Random(seed)
    a, b = rng.sample(_GIVEN[:2] + ["Jordan", "Taylor", "James", "Ray"], 2)
    join = rng.choice([" and ", " said ", " told "])
    marked = f"{{A:{a} {b}}}{join}{{B:{b} {a}}} were seen at the park. {{A:{a} {b}}} was cited."
    _check(redactor, marked, None, ["seen", "cited"], rng.choice(ALL))
    _check(redactor, f"{{A:{a} {b}}} was seen at the park. {{A:{b}, {a}}} was cited.", None, ["seen", "cited"],
           rng.choice(ALL))


@pytest.mark.parametrize("seed", range(10))
def test_a_relation_of_the_sentence_opener_is_someone_else_property(redactor, seed) -> None:
    """"<Given Sur> says his <relation> <Given>" and "<Given Sur> says <Sur> (her <relation>)": another person;
    the caller's full name in the next sentence is the caller again."""
    rng = random.Random(seed)
    sur, given = rng.choice(_SURNAMES), rng.choice(_GIVEN)
    rel = rng.choice(["neighbor", "cousin", "ex", "roommate", "coworker", "brother", "friend"])
    word = rng.choice([given, sur])
    other = (f"his {rel} {{B:{word}}}" if rng.random() < 0.5 else f"{{B:{word}}} (his {rel})")
    marked = f"Caller {{A:{given} {sur}}} says {other} keeps taking his mail. {{A:{given} {sur}}} wants a report."
    _check(redactor, marked, rng.choice([None, [f"{sur.upper()}, {given.upper()}"]]), ["mail", "report"],
           rng.choice(ALL))


@pytest.mark.parametrize("seed", range(8))
def test_a_party_marker_names_its_party_property(redactor, seed) -> None:
    """Two parties sharing a surname under two markers; the surname under a marker later is that party."""
    rng = random.Random(seed)
    sur, (g1, g2) = rng.choice(_SURNAMES), rng.sample(_GIVEN, 2)
    m1, m2 = rng.sample(["C/", "W/", "V/", "S/", "R/P"], 2)
    sep = rng.choice(["", " "]) if "R/P" not in (m1, m2) else " "
    marked = (f"{m1}{sep}{{A:{g1} {sur}}} states {m2}{sep}{{B:{g2} {sur}}} took the bike. {m1}{sep}{{A:{sur}}} "
              f"wants it back; {m2}{sep}{{B:{sur}}} denies it.")
    _check(redactor, marked, None, ["bike", "denies"], rng.choice(ALL))


@pytest.mark.parametrize("seed", range(8))
def test_a_half_of_a_hyphenated_surname_property(redactor, seed) -> None:
    """"<G1> <S1>-<S2>" and "<G2> <S2>": "<S2>" alone is the second; the hyphenated surname alone the first."""
    rng = random.Random(seed)
    (s1, s2), (g1, g2) = rng.sample(_SURNAMES, 2), rng.sample(_GIVEN, 2)
    record = rng.choice([None, [f"{s1.upper()}-{s2.upper()}, {g1.upper()}"]])
    marked = (f"{{A:{g1} {s1}-{s2}}} said {{B:{g2} {s2}}} broke the fence. {{B:{s2}}} denies it; "
              f"{{A:{s1}-{s2}}} has photos.")
    _check(redactor, marked, record, ["fence", "photos"], rng.choice(ALL))


@pytest.mark.parametrize("seed", range(8))
def test_initials_and_titles_tell_people_apart_property(redactor, seed) -> None:
    """"<rank> J. <Sur> and <rank> K. <Sur>": two officers, the first again by its initial; "<G> <S1>" beside
    "<G2> <G>": a courtesy title with <G> is the one whose surname it is."""
    rng = random.Random(seed)
    sur, rank, (a, b) = rng.choice(_SURNAMES), rng.choice(_RANKS), rng.sample("ABDJKMRST", 2)
    marked = (f"{rank} {{A:{a}. {sur}}} and {rank} {{B:{b}. {sur}}} responded. {rank} {{A:{a}. {sur}}} wrote the "
              f"report.")
    _check(redactor, marked, None, ["responded", "report"], rng.choice(ALL))
    g, s1, g2 = rng.choice(["Kim", "Lee", "Young", "Grant"]), rng.choice(_SURNAMES), rng.choice(_GIVEN)
    title = rng.choice(["Ms.", "Mr.", "Mrs."])
    marked = f"{{A:{g} {s1}}} and {{B:{g2} {g}}} were in the car. {title} {{B:{g}}} was driving."
    _check(redactor, marked, rng.choice([None, [f"{s1.upper()}, {g.upper()}"]]), ["car", "driving"], "as")
