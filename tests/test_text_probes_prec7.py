"""Ordinary words that read as names stay shown, on the shapes of real officer notes (issue 15, precision round 7).

Short officer notes (RIPA stop narratives, CAD lines, property lists) gave the NER and the slot rules nouns to take
for people: a sentence's first noun ("Marijuana in plain view", "Graffiti"), a noun in capitals ("PAT SEARCH FOR
WEAPONS, INVENTORY OF VEHICLE"), a lower-case noun in mixed-case text ("Stop for tags and brake lights"), a colour
and its thing ("GOLD WATCH", "BLACK WALLET"), the first word of a message after a relation and a colon ("text from
mom: come home"), procedure named after a person ("Post Miranda", "Terry pat") and a few stores, streets and
services (``recognizers/data/not_names.yaml``). ``text/ordinary_spans.py`` keeps the NER's guesses made of such
words; names found by a cue, a record value or a capital inside a mixed-case sentence still go.

One table of (sentence, words that must go, words that must stay, casings it holds in); the names are made up here,
none is from a record. A property test lists random property in random separators and casings beside a random name.
"""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import assert_casings, needs_vocabulary, recase, redacted, shown

ALL = ("as", "lower", "upper", "title")
ROWS = [
    ('Wallet returned to owner Darnell Ockleton.', ['Darnell', 'Ockleton'], ['Wallet'], ('as', 'lower', 'upper')),
    ('Graffiti on the north wall, reported by Priya Nandakumar.', ['Priya', 'Nandakumar'], ['Graffiti'], ALL),
    ('Marijuana in plain view on the seat.', [], ['Marijuana'], ALL),
    ("Marijuana and blunt wraps found in the console of Teodor Vasquin's car.", ['Teodor', 'Vasquin'], ['Marijuana', 'blunt'], ALL),
    ('Headlamps not on, driver Kenji Obermeyer cited.', ['Kenji', 'Obermeyer'], ['Headlamps'], ALL),
    ('Citizen reported a man sleeping on the sidewalk.', [], ['Citizen'], ALL),
    ('Callers reported a subject in the roadway.', [], ['Callers'], ALL),
    ('Individual stated it was her car.', [], ['Individual'], ALL),
    ('Neighbor Lucinda Farraday called about loud music.', ['Lucinda', 'Farraday'], ['Neighbor'], ALL),
    ('Bail posted by Rashad Pemberton at 0200.', ['Rashad', 'Pemberton'], ['Bail'], ALL),
    ('Ticket issued for expired tags.', [], ['Ticket', 'tags'], ALL),
    ('Pat search for weapons only, nothing found.', [], ['Pat'], ALL),
    ('Terry pat search for weapons, per Sgt. Holloway.', ['Holloway'], ['Terry', 'pat'], ALL),
    ('Hammer recovered from the bushes.', [], ['Hammer'], ALL),
    ('Rain delayed the tow truck by an hour.', [], ['Rain'], ALL),
    ('VICTIM REQUESTS A COPY OF THE REPORT', [], ['VICTIM', 'REQUESTS', 'COPY'], ALL),
    ('FELT SAFE GOING HOME AFTER OFFICERS LEFT', [], ['FELT', 'SAFE', 'GOING'], ALL),
    ('GOLD WATCH WAS REPORTED MISSING FROM THE DRESSER', [], ['GOLD', 'WATCH', 'MISSING'], ALL),
    ('RP JANELLE WHITCOMB STATES GOLD WATCH WAS TAKEN', ['JANELLE', 'WHITCOMB'], ['GOLD', 'WATCH'], ALL),
    ('RP ADV SUBJ WAS HARASSING CUSTOMERS', [], ['CUSTOMERS', 'HARASSING'], ALL),
    ('PAT SEARCH FOR WEAPONS, INVENTORY OF VEHICLE', [], ['WEAPONS', 'INVENTORY'], ALL),
    ('OFFICER SAFETY, SEARCH WARRANT SERVED', [], ['SAFETY', 'SEARCH', 'WARRANT'], ALL),
    ('VISIBLE LOOSE MARIJUANA, SMELL OF BURNT WEED', [], ['MARIJUANA', 'SMELL'], ALL),
    ('TINTED WINDOWS, BRAKE LIGHT OUT', [], ['WINDOWS', 'BRAKE'], ALL),
    ('RP CALLED TO REPORT SUBJ WITH A KNIFE', [], ['KNIFE'], ALL),
    ('CHASE BANK ATM DAMAGED, RP ADAM KOWALCZYK ON SCENE', ['ADAM', 'KOWALCZYK'], ['CHASE', 'BANK'], ALL),
    ('WELLS FARGO ALARM, NO SUSPECTS', [], ['WELLS', 'FARGO'], ALL),
    ('STONE FRUIT STAND TIPPED OVER', [], ['STONE', 'FRUIT'], ALL),
    ('PRICE TAGS SWITCHED AT REGISTER 4', [], ['PRICE', 'TAGS'], ALL),
    ('BROWN PURSE, BLACK WALLET, SILVER RING MISSING', [], ['BROWN', 'BLACK', 'SILVER', 'RING'], ALL),
    ('WHITE HONDA CIVIC SEEN LEAVING, DRIVER TOMASZ BRENNICK', ['TOMASZ', 'BRENNICK'], ['WHITE', 'HONDA', 'CIVIC'], ALL),
    ('GRAY FORD RANGER PARKED IN RED ZONE', [], ['GRAY', 'FORD', 'RANGER'], ALL),
    ('HUNTER GREEN JEEP CHEROKEE BLOCKING DRIVEWAY', [], ['HUNTER', 'GREEN', 'JEEP', 'CHEROKEE'], ALL),
    ('MILES PER HOUR OVER LIMIT, CITED', [], ['MILES'], ALL),
    ('RP WILL MEET OFCR AT FRONT DOOR', [], ['WILL', 'MEET'], ALL),
    ('BISHOP ST AND KING ST, CAR VS PED', [], ['BISHOP', 'KING'], ALL),
    ('CARTER AVE COLLISION, NO INJURIES', [], [], ALL),
    ('SUBJ IS A WALKER, DISORIENTED, LOOKING FOR HOME', [], ['DISORIENTED'], ALL),
    ('FYI: DOOR LOCKS CHANGED AT 1400', [], ['FYI', 'DOOR', 'LOCKS'], ALL),
    ('FYI BRANDI OKAFOR IS THE PROTECTED PARTY', ['BRANDI', 'OKAFOR'], ['FYI', 'PROTECTED'], ALL),
    ('PER DISPATCH, UNIT CLEARED', [], ['DISPATCH', 'CLEARED'], ALL),
    ('PER RP MAURICE DELACROIX, SUSPECT FLED ON FOOT', ['MAURICE', 'DELACROIX'], ['FLED'], ALL),
    ('RE: NOISE COMPLAINT, MUSIC TURNED DOWN', [], ['NOISE', 'MUSIC'], ALL),
    ('RE: HOLLIS TREMBLAY, WARRANT CONFIRMED', ['HOLLIS', 'TREMBLAY'], ['WARRANT'], ALL),
    ('C/O GRACE FELLOWSHIP SHELTER', [], ['GRACE', 'FELLOWSHIP', 'SHELTER'], ALL),
    ('MAIL C/O DESMOND ABERNATHY AT THE SHELTER', ['DESMOND', 'ABERNATHY'], ['SHELTER'], ALL),
    ('VEH STOPPED FOR NO FRONT PLATE', [], ['PLATE'], ALL),
    ('NARC CALLED IN ABOUT A DEALER ON THE CORNER', [], ['NARC', 'DEALER'], ALL),
    ('Stop for tags and brake lights.', [], ['tags', 'brake', 'lights'], ALL),
    ('Search after consent. Marijuana and blunt wraps throughout car.', [], ['Marijuana', 'blunt'], ALL),
    ('Officers observed suspect spray painting a wall.', [], ['spray'], ('as',)),
    ('RP saw subject vomit after drinking.', [], ['vomit'], ('as', 'lower', 'upper')),
    ('Subject matches the description of the theft subject.', [], ['matches'], ('as', 'lower')),
    ('Sub was ringing the door bell at 0300.', [], ['bell'], ALL),
    ('Vehicle passenger head lamp not operational.', [], ['head', 'lamp'], ALL),
    ('Vehicle was seen driving without head lights at night.', [], ['head', 'lights'], ('as', 'title')),
    ('Subject in wheelchair in rain not moving.', [], ['rain'], ALL),
    ('Crisis line reported a caller in distress.', [], ['line'], ALL),
    ('Search yielded 0.7 g of meth in a wallet.', [], ['meth'], ALL),
    ('Admission of loose marijuana in the glovebox.', [], ['marijuana'], ALL),
    ('Homeowner wanted subject removal from the porch.', [], ['removal'], ('as', 'lower', 'upper')),
    ('Subject refused to leave after being told multiple times.', [], ['multiple', 'times'], ALL),
    ('Driver crossed over the lane divider line twice.', [], ['divider', 'line'], ALL),
    ('Loose marijuana all over the dash board.', [], ['dash', 'board'], ALL),
    ('Subject called police and made suicidal threats.', [], ['suicidal', 'threats'], ALL),
    ('Witness advised subject was engaged in oral sex in the park.', [], ['oral'], ALL),
    ('Subject searches the bins every night per manager Wendell Prakash.', ['Wendell', 'Prakash'], ['searches'], ('as', 'lower')),
    ('Rope noose, meth pipes, scale.', [], ['meth', 'pipes'], ('as',)),
    ('Illegal shaved and bump keys, burglary tools.', [], ['bump', 'keys'], ('as',)),
    ('Confirmed to have search clause prior to search.', [], ['clause', 'prior'], ALL),
    ('Post Miranda, subject admitted to stealing from store.', [], ['Post', 'Miranda'], ALL),
    ('Unsafe Start or Backing', [], ['Unsafe', 'Start'], ALL),
    ('Disobey Traffic Sign/ Stop Sign', [], ['Sign'], ALL),
    ('Made left from east ashby onto shattuck at 0730.', [], [], ALL),
    ('Ran stop sign at college and russell at about 45.', [], [], ALL),
    ('Speeding 45 mph on San Pablo, missing headlight.', [], ['San', 'Pablo'], ALL),
    ('Stolen cart from Berkeley Bowl, warrants confirmed.', [], ['Berkeley', 'Bowl'], ('as', 'lower', 'upper')),
    ('Transported to the hospital by Falck ambulance.', [], ['Falck'], ALL),
    ('MH was not available, neighbor called for eval.', [], ['MH'], ALL),
    ('Asked PD to tell subject not to return.', [], ['subject'], ALL),
    ('Report of a nomad stealing packages; nomad found in lobby.', [], ['nomad'], ALL),
    ('text from mom: come home now', [], ['come', 'home'], ALL),
    ('text from mom: come home now, signed Bettina', ['Bettina'], ['come', 'home'], ALL),
    ('msg from dad: call me back', [], ['call'], ALL),
    ('note from landlord: rent is late', [], ['rent'], ALL),
    ('wife: stop calling me', [], ['stop'], ALL),
    ('caller: someone is in the yard', [], ['someone'], ALL),
    ('victim: he took my phone', [], ['took'], ALL),
    ('witness: saw a red car leave', [], ['saw'], ALL),
    ('Suspect: Orlando Vantreese, 34, no fixed address', ['Orlando', 'Vantreese'], [], ALL),
    ('Victim: Imogen Castellanos', ['Imogen', 'Castellanos'], [], ALL),
    ('dm from ex: wait till i find you', [], ['wait'], ALL),
    ('sis: bring the kids over', [], ['bring', 'kids'], ALL),
    ('Subj had a bag of ice and some molly.', [], ['ice', 'molly'], ('as', 'lower', 'title')),
    ('Seller known as a narc in the neighborhood.', [], ['narc'], ALL),
    ('Complainant said the narc was lying.', [], ['narc'], ALL),
    ('Buyer asked for crystal and a few bars.', [], ['crystal', 'bars'], ALL),
    ('Contact was brief; subject was GOA.', [], ['GOA'], ALL),
    ('Unit 4 was code 4 at 2215.', [], [], ALL),
    ('Clear skies, dry road, dusk.', [], ['Clear', 'dusk'], ALL),
    ('Hail and wind knocked the sign down.', [], ['Hail', 'wind'], ALL),
    ('Sunny and warm at time of stop.', [], ['Sunny', 'warm'], ALL),
    ('At noon the victim Reggie Marchetti returned.', ['Reggie', 'Marchetti'], ['noon'], ALL),
    ('Christmas Eve burglary at the corner store.', [], ['Christmas', 'Eve'], ALL),
    ('Summer Street party, noise, no arrests.', [], [], ALL),
    ('Shoplift at Target, suspect Jolene Mabry detained.', ['Jolene', 'Mabry'], ['Target'], ALL),
    ('Theft at Walgreens, loss prevention held one adult.', [], ['Walgreens'], ALL),
    ('Stolen Toyota Tacoma recovered near the marina.', [], ['Toyota', 'Tacoma'], ALL),
    ('Blue Dodge Charger, driver Felix Arbogast, no license.', ['Felix', 'Arbogast'], ['Dodge', 'Charger'], ALL),
    ('Nissan Rogue hit the Lincoln Navigator from behind.', [], ['Nissan', 'Rogue', 'Lincoln', 'Navigator'], ALL),
    ("Silver Chevy Malibu parked at Trader Joe's.", [], ['Chevy', 'Malibu', 'Trader'], ALL),
    ('Dispute at Jack in the Box drive thru.', [], ['Jack', 'Box'], ALL),
    ('Man in a Raiders jersey took a Patagonia jacket.', [], ['Raiders', 'Patagonia'], ALL),
    ('VC 23123(A) USE CELLPH W/DRIV, PC 647(F) DRUNK IN PUBLIC', [], ['DRUNK', 'PUBLIC'], ALL),
    ('HS 11350 POSSESSION, PC 148 RESISTING, DRIVER IVAN SOKOLOV', ['IVAN', 'SOKOLOV'], ['POSSESSION', 'RESISTING'], ALL),
    ('BMC 13.36 PANHANDLING NEAR CART RETURN', [], ['PANHANDLING', 'CART'], ALL),
    ('The victim said her gold watch was missing.', [], ['gold', 'watch'], ALL),
    ('Officer Lang took the report; the victim felt safe going home.', ['Lang'], ['felt', 'safe'], ALL),
    ('BROWN JACKET, GREEN HAT, WHITE SHOES', [], ['BROWN', 'GREEN', 'WHITE'], ALL),
    ('The driver said he was going home to pack.', [], ['pack'], ALL),
    ('The cook and the baker argued in the kitchen.', [], ['cook', 'baker'], ALL),
    ('A mason was working on the wall when it fell.', [], ['mason'], ALL),
    ('The bishop from the church called about a break-in.', [], ['bishop'], ALL),
    ('RP ISAIAH FLETCHER ADV A MASON AND A CARPENTER WERE ARGUING', ['ISAIAH', 'FLETCHER'], ['MASON', 'CARPENTER'], ALL),
    ('Will call back after shift change.', [], ['Will'], ALL),
    ('Frank discussion with the manager about trespass.', [], ['Frank'], ('as', 'lower', 'upper')),
    ('Grant funding for the crisis team was cut.', [], ['Grant'], ('as', 'lower', 'upper')),
    ('Sgt. Ruiz advised the roads are closed; fog lifting.', ['Ruiz'], ['fog'], ALL),
    ('Amber alert issued for a gray minivan.', [], ['Amber', 'alert'], ALL),
    ('Marijuana in the center console; driver Anselm Tkachenko cited.', ['Anselm', 'Tkachenko'], ['Marijuana', 'console'], ALL),
    ('Graffiti on the garage door, owner Philippa Okonjo notified.', ['Philippa', 'Okonjo'], ['Graffiti', 'garage'], ALL),
    ('Headlamps out, passenger Yusuf Abernathy had a warrant.', ['Yusuf', 'Abernathy'], ['Headlamps', 'passenger'], ALL),
    ('Callers reported Ignatius Moravec yelling at cars.', ['Ignatius', 'Moravec'], ['Callers', 'yelling'], ALL),
    ('Individual later identified as Zofia Brandvold.', ['Zofia', 'Brandvold'], ['Individual'], ALL),
    ('Citizen flagged down officers about Barnaby Quist.', ['Barnaby', 'Quist'], ['Citizen', 'flagged'], ALL),
    ('Post Miranda, Leopold Varga admitted the theft.', ['Leopold', 'Varga'], ['Post', 'Miranda'], ALL),
    ('Terry stop of Casimir Oduya near the bus shelter.', ['Casimir', 'Oduya'], ['Terry', 'stop'], ALL),
    ('Terry frisk negative.', [], ['Terry', 'frisk'], ALL),
    ('Unsafe Start or Backing, driver Henrietta Vlasic.', ['Henrietta', 'Vlasic'], ['Unsafe', 'Start'], ALL),
    ('Transported by Falck to the county hospital with Thaddeus Ikwuemesi.', ['Thaddeus', 'Ikwuemesi'], ['Falck'], ALL),
    ('GOLD WATCH AND SILVER RING TAKEN FROM ROSALIND MBEKI', ['ROSALIND', 'MBEKI'], ['GOLD', 'WATCH', 'SILVER', 'RING'], ALL),
    ('BLACK BACKPACK, GREEN JACKET, WHITE SNEAKERS', [], ['BLACK', 'BACKPACK', 'GREEN', 'JACKET', 'WHITE', 'SNEAKERS'], ALL),
    ('Suspect wore a red hoodie and gray sweatpants.', [], ['red', 'hoodie', 'gray', 'sweatpants'], ALL),
    ('RED BICYCLE STOLEN FROM RACK, OWNER OTTILIE FRAMPTON', ['OTTILIE', 'FRAMPTON'], ['RED', 'BICYCLE'], ALL),
    ('text from mom: come home, Desmond', ['Desmond'], ['come', 'home'], ('as', 'lower', 'upper')),
    ('msg from sis: bring my charger back', [], ['bring', 'charger'], ALL),
    ('note from landlord: rent due friday', [], ['rent', 'due'], ALL),
    ('reply from roommate: leave the key under the mat', [], ['leave', 'key'], ALL),
    ('text from dad: pick up milk', [], ['pick', 'milk'], ALL),
    ('dm from ex: wait outside', [], ['wait', 'outside'], ALL),
    ('Vehicle stopped for tags and a cracked windshield.', [], ['tags', 'cracked', 'windshield'], ALL),
    ('Subject seen with a crowbar near the back door of the shop.', [], ['crowbar'], ALL),
    ('Found scale, baggies and cash in the glove box.', [], ['scale', 'baggies', 'cash'], ('as', 'lower')),
    ('Search yielded brass knuckles and a switchblade.', [], ['brass', 'knuckles', 'switchblade'], ('as', 'title')),
    ('Smell of burnt marijuana from the vehicle, driver Gideon Ashcombe.', ['Gideon', 'Ashcombe'], ['marijuana'], ALL),
    ('Weed and a pipe in the cup holder.', [], ['Weed', 'pipe'], ('as', 'lower', 'title')),
    ('Fentanyl pills and foil recovered from Ezekiel Broadbent.', ['Ezekiel', 'Broadbent'], ['Fentanyl', 'pills', 'foil'], ALL),
    ('Wet roads, light rain, dusk; driver Imelda Sorensen.', ['Imelda', 'Sorensen'], ['rain', 'dusk'], ('as', 'lower')),
    ('Heavy fog at the time of the collision.', [], ['fog', 'collision'], ALL),
    ('Loud music and shouting reported by neighbors.', [], ['music', 'shouting'], ('as', 'lower', 'upper')),
    ('Broken glass on the sidewalk in front of the laundromat.', [], ['glass', 'sidewalk', 'laundromat'], ('as', 'lower', 'upper')),
    ('Stolen catalytic converter, owner Mortimer Baptiste.', ['Mortimer', 'Baptiste'], ['catalytic', 'converter'], ALL),
    ('Shopping cart taken from the grocery, subject Winifred Kalnins.', ['Winifred', 'Kalnins'], ['cart', 'grocery'], ALL),
    ('Graffiti tags on the overpass.', [], ['Graffiti', 'tags'], ('as',)),
    ('Trespass warning issued to Augustin Pelletier.', ['Augustin', 'Pelletier'], ['Trespass', 'warning'], ALL),
    ('Welfare check on Fenella Ostrowski at her apartment.', ['Fenella', 'Ostrowski'], ['Welfare', 'check'], ALL),
    ('Noise complaint, music turned down.', [], ['Noise', 'music'], ('as', 'lower', 'upper')),
    ('Vandalism to the bus shelter.', [], ['Vandalism', 'shelter'], ALL),
    ('Shoplifting at the pharmacy, suspect Cornelius Adeyemi.', ['Cornelius', 'Adeyemi'], ['Shoplifting', 'pharmacy'], ALL),
    ('Loitering near the ATM, subject moved along.', [], ['Loitering', 'ATM'], ALL),
    ('Panhandling at the freeway exit.', [], ['Panhandling', 'freeway'], ALL),
    ('Possession of narcotics, arrestee Lysander Okoro.', ['Lysander', 'Okoro'], ['Possession', 'narcotics'], ALL),
    ('Vomit on the floor of the bus, driver called it in.', [], ['Vomit', 'floor'], ALL),
    ('CUSTOMERS COMPLAINED ABOUT A MAN YELLING', [], ['CUSTOMERS', 'COMPLAINED'], ALL),
    ('SUBJ HARASSING CUSTOMERS, RP PERPETUA NWOSU', ['PERPETUA', 'NWOSU'], ['CUSTOMERS'], ALL),
    ('PAT SEARCH FOR WEAPONS NEGATIVE, SUBJ OSWIN HALLORAN', ['OSWIN', 'HALLORAN'], ['WEAPONS'], ALL),
    ('INVENTORY OF VEHICLE PRIOR TO TOW', [], ['INVENTORY', 'VEHICLE', 'TOW'], ALL),
    ('MARIJUANA AND SCALE IN PLAIN VIEW', [], ['MARIJUANA', 'SCALE'], ALL),
    ('FYI: ALARM COMPANY CALLED, FALSE ALARM', [], ['FYI', 'ALARM', 'FALSE'], ALL),
    ('per RP, suspect fled in a white van', [], ['fled', 'white', 'van'], ALL),
    ('re: stolen bike, owner Lorcan Tiernan', ['Lorcan', 'Tiernan'], ['stolen', 'bike'], ALL),
    ('Mail c/o the shelter office for Benedikt Sauer.', ['Benedikt', 'Sauer'], ['shelter', 'office'], ALL),
    ('Sgt. Okafor approved the tow; vehicle released to owner.', ['Okafor'], ['tow', 'released'], ALL),
    ('Subject vomited on the sidewalk and was transported.', [], ['vomited', 'sidewalk'], ALL),
    ('Witness Marguerite Dunleavy saw the suspect spray paint the wall.', ['Marguerite', 'Dunleavy'], ['spray', 'paint'], ('as',)),
    ('Asked subject to leave; subject refused multiple times.', [], ['multiple', 'times'], ALL),
    ('Driver admitted to smoking weed earlier.', [], ['weed', 'earlier'], ALL),
    ('Subject had a hammer and a flashlight.', [], ['hammer', 'flashlight'], ALL),
    ('Suspect dropped a baggie of meth near the dumpster.', [], ['meth', 'dumpster'], ALL),
    ('Passenger Rosalind Achterberg had meth pipes in her purse.', ['Rosalind', 'Achterberg'], ['meth', 'pipes'], ALL),
    ('Subject threw a rock through the window.', [], ['rock', 'window'], ALL),
    ('Brake lights out on the rear of the truck.', [], ['Brake', 'lights'], ALL),
    ('Stopped for expired tags; driver Bertrand Kowalski.', ['Bertrand', 'Kowalski'], ['expired', 'tags'], ALL),
    ('Nomad was found sleeping in the lobby; manager Ulrike Brandstetter called.', ['Ulrike', 'Brandstetter'], ['Nomad', 'lobby'], ALL),
    ('Subject sat in rain for an hour before medics arrived.', [], ['rain', 'medics'], ('as',)),
    ('RP SAYS SUBJ WAS HARASSING CUSTOMERS AND PATRONS', [], ['CUSTOMERS', 'PATRONS'], ALL),
    ('Guests complained about noise from room 12, occupant Sigrid Halvorsen.', ['Sigrid', 'Halvorsen'], ['Guests', 'noise'], ALL),
    ('Sub was ringing the door bell repeatedly, per Desdemona Pryce.', ['Desdemona', 'Pryce'], ['door', 'bell'], ALL),
    ('OFFICER SAFETY, SEARCH WARRANT SERVED ON LUDMILA KOVAC', ['LUDMILA', 'KOVAC'], ['SAFETY', 'SEARCH', 'WARRANT'], ALL),
    ('TINTED WINDOWS, BRAKE LIGHT OUT, DRIVER ALISTAIR MUNRO', ['ALISTAIR', 'MUNRO'], ['TINTED', 'WINDOWS', 'BRAKE', 'LIGHT'], ALL),
    ('Crisis line called about Ines Castellano, no weapons.', ['Ines', 'Castellano'], ['Crisis', 'line'], ALL),
    ('Told to leave multiple times by the manager, Evander Pruitt.', ['Evander', 'Pruitt'], ['multiple', 'times'], ALL),
]

_ITEMS = ["gold watch", "black wallet", "silver ring", "blue backpack", "brown purse", "marijuana", "graffiti",
          "headlamps", "white sneakers", "green jacket", "red hoodie", "gray sweatpants", "airpods"]
_NAMES = [("Anselm", "Tkachenko"), ("Philippa", "Okonjo"), ("Zofia", "Brandvold"), ("Casimir", "Oduya"),
          ("Henrietta", "Vlasic"), ("Lorcan", "Tiernan"), ("Oswin", "Halloran"), ("Perpetua", "Nwosu")]
_FRAMES = ["{items} taken from the car of {name}.", "Victim {name} reported {items} missing.",
           "{items} recovered; owner {name} notified.", "Property: {items}. Owner: {name}."]


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept", "casings"), ROWS)
def test_ordinary_word_rows(redactor, text, gone, kept, casings):
    assert_casings(redactor, text, gone, kept, casings)


@needs_vocabulary
@pytest.mark.parametrize("seed", range(4))
def test_property_lists_beside_a_name(redactor, seed):
    """Random property (a colour and its thing, nouns of report notes) in random separators and casings, beside a
    made-up name in "Given Surname" or "Surname, Given" order: the property stays, the name goes."""
    rng = random.Random(seed)
    for _ in range(25):
        items = rng.sample(_ITEMS, rng.randint(1, 3))
        given, surname = rng.choice(_NAMES)
        name = rng.choice([f"{given} {surname}", f"{surname}, {given}"])
        text = rng.choice(_FRAMES).format(items=rng.choice([", ", "; ", " / ", " and "]).join(items), name=name)
        text = recase(text[0].upper() + text[1:], rng.choice(ALL))
        out = redacted(redactor, text)
        assert not shown(out, given) and not shown(out, surname), out
        assert all(shown(out, w) for item in items for w in item.split()), out
