"""Word lists of the fifth hand's dev-only families (families_dev2.py), written from general knowledge.

Not copied from any package nor from ``lexicon.py``: given names and surnames of many origins, usual short forms of
given names, street monikers, and hard negatives (stores, streets, places, vehicles that contain names or
name-like words). Words of the frozen test split's held-out names are left out (Hope and Lane, for instance, occur
here only in streets, stores and places), so the dev split keeps never showing a held-out name.
"""

from __future__ import annotations

# Given names are "Name/g" (f, m, x); nicknames are the usual short forms of a name.
GIVEN = """
Nkechi/f Chidinma/f Adaeze/f Oluwaseun/m Adebayo/m Ikechukwu/m Olufunmilayo/f Kwesi/m Kofi/m Abena/f Akosua/f
Yaw/m Folasade/f Oluwatobiloba/m Temitope/f Ifeoma/f Nnamdi/m Mamadou/m Fatoumata/f Aminata/f Ousmane/m Kwabena/m
Efua/f Siddharth/m Venkatesh/m Priyanka/f Lakshmi/f Rajesh/m Subramanian/m Harpreet/x Anjali/f Devendra/m Nusrat/f
Tahmina/f Imran/m Min-ji/f Hyun-woo/m Ha-eun/f Jae-hyun/m Xiaoling/f Zhiwei/m Haruto/m Yuki/f Kentaro/m Bao/x
Nguyet/f Quang/m Aleksandr/m Yekaterina/f Anastasia/f Dmitriy/m Yevgeny/m Svetlana/f Mikhail/m Ludmila/f Wojciech/m
Małgorzata/f Katarzyna/f Bogdan/m Milica/f Dragana/f Abdulrahman/m Khadija/f Mohammed/m Youssef/m Layla/f Rania/f
Hamza/m Nour/x Tariq/m Samira/f Guadalupe/f Concepción/f Dolores/f Rosario/f Eduardo/m Roberto/m Ignacio/m
Francisco/m José/m Jesús/m Guillermo/m Graciela/f Leticia/f Santiago/m Xiomara/f Yesenia/f Sione/m Tevita/m
Losaline/f Mele/f Leilani/f Keoni/m Makana/x Sefa/m Mahina/f Siobhán/f Niamh/f Aoife/f Dónal/m Ciarán/m Padraig/m
Cathal/m Bernadette/f Fionnuala/f Diarmuid/m Cornelius/m Jeremiah/m Margaret/f Robert/m William/m Beatrice/f
Richard/m Katherine/f Theodore/m Dorothy/f Harold/m Henry/m Edward/m Charles/m Alexander/m Rich/m
Mercy/f Chance/m Story/f Major/m Precious/f Blessing/f Comfort/f Patience/f Justice/x Faith/f Sunny/x Sterling/m Royal/m D'Andre/m
Ja'Nae/f De'Shawn/m Deshawn/m Tanisha/f
"""
SURNAMES = """
Okafor|Adeyemi|Balogun|Nwosu-Bright|Boateng|Owusu|Asante|Diallo|Coulibaly|Ogunleye|Eze|Chukwu|Bamidele|Danjuma|Osei|
Venkataraman|Iyer|Chaudhry|Bhattacharya|Sandhu|Rahman|Siddiqui|Raghunathan|Pillai|Dasgupta|Nakamura|Watanabe|Jeon|
Choi|Nguyen|Vo|Pham|Zhou|Liang|Takahashi|Lim|Przybylski|Wróblewski|Kowalczyk|Nowak|Petrović|Jovanović|Kuznetsov|
Volkov|Shevchenko|Horvat|Dvořák|al-Masri|Haddad|Abu-Khalil|El-Amin|Khoury|Mansour|Abdelaziz|de la Fuente|
de los Santos|García-López|Villanueva|Quispe|Mamani|Ochoa|Zúñiga|Castañeda|del Toro|Peña|Fifita|Tuilagi|Vaifale|
Kamakana|Tupou|Fonoti|Kealoha|O'Sullivan|Ní Bhriain|Mac Giolla|Fitzpatrick|O'Donoghue|Mulcahy|Ó Briain|Whitfield|
Pemberton|Holloway|Ashworth|Thistlewood|Goodnight|Rich|Hale|Story|Major|Noble|Rose|Little|King|Love|Bird|Day|Strong|
Church|Sweet|Wise|Sterling|van der Merwe|da Silva|das Neves|van den Berg|St. John|Le Blanc|D'Souza|N'Diaye
"""
NICKNAMES: dict[str, tuple[str, ...]] = {
    "Oluwaseun": ("Seun",), "Adebayo": ("Bayo",), "Ikechukwu": ("Ike",), "Olufunmilayo": ("Funmi",),
    "Folasade": ("Sade", "Fola"), "Oluwatobiloba": ("Tobi",), "Temitope": ("Tope",), "Ifeoma": ("Ify",),
    "Fatoumata": ("Fanta",), "Kwabena": ("Kobby",), "Siddharth": ("Sid",), "Venkatesh": ("Venky",),
    "Priyanka": ("Pinky",), "Rajesh": ("Raju",), "Subramanian": ("Subbu",), "Devendra": ("Dev",),
    "Xiaoling": ("Ling",), "Kentaro": ("Ken",), "Aleksandr": ("Sasha",), "Yekaterina": ("Katya",),
    "Anastasia": ("Nastya",), "Dmitriy": ("Dima",), "Yevgeny": ("Zhenya",), "Svetlana": ("Sveta",),
    "Mikhail": ("Misha",), "Ludmila": ("Lyuda",), "Wojciech": ("Wojtek",), "Małgorzata": ("Gosia",),
    "Katarzyna": ("Kasia",), "Abdulrahman": ("Abdo",), "Khadija": ("Dija",), "Mohammed": ("Mo",),
    "Guadalupe": ("Lupe",), "Concepción": ("Conchita", "Concha"), "Dolores": ("Lola",), "Rosario": ("Charo",),
    "Eduardo": ("Lalo",), "Roberto": ("Beto",), "Ignacio": ("Nacho",), "Francisco": ("Paco", "Pancho"),
    "José": ("Pepe",), "Jesús": ("Chuy",), "Guillermo": ("Memo",), "Graciela": ("Chela",), "Leticia": ("Lety",),
    "Santiago": ("Chago",), "Leilani": ("Lani",), "Padraig": ("Paddy",), "Bernadette": ("Bernie",),
    "Fionnuala": ("Nuala",), "Cornelius": ("Con",), "Jeremiah": ("Jerry",), "Margaret": ("Peggy", "Maggie"),
    "Robert": ("Bobby", "Rob"), "William": ("Billy", "Will"), "Beatrice": ("Bea", "Trixie"), "Richard": ("Rick",),
    "Katherine": ("Kate", "Kit"), "Theodore": ("Teddy",), "Dorothy": ("Dot", "Dottie"), "Harold": ("Hal",),
    "Henry": ("Hank",), "Edward": ("Ned", "Ted"), "Charles": ("Chuck",), "Alexander": ("Alec", "Xander"),
    "D'Andre": ("Dre",),
}
MONIKERS = """
Smoke|Red|Boo|Man-Man|Peanut|Tank|Ghost|Flaco|Gordo|Chino|Shorty|Lefty|Tiny|Juice|Cookie|Bird|Blue|Sleepy|Spider|
Pooh|Lil Bit|Baby Face|Trigger|Scrappy|Money|Hollywood|Country|Junebug|Bubba|Dutch|Moose|Ace|Güero|Tigre|Payaso|
Sombra|Big Smoke|Lil Red|Twin|Doughboy|Stretch|Biscuit|Squeaky|Nephew|Preacher|Professor|Scooter|Peaches|Sugar|
Cash|Rocket|Popcorn|Pistol|Bam-Bam|Dee-Dee|Kiko|Solo|Murda|Youngin|Snow|Frosty
"""
STORES = ["Popeyes", "Casey's", "Dillard's", "Lowe's", "Arby's", "Hardee's", "Papa John's", "Jimmy John's",
          "Sam's Club", "Dollar General", "Family Dollar", "Winchell's Donuts", "Hope Thrift", "Mercy Pharmacy",
          "Major Auto Parts", "Rich's Deli", "Story Books & Cafe", "Lane Bryant", "Auntie Anne's", "Marshalls",
          "Mama Fola's Kitchen", "King Soopers", "Love's Travel Stop", "Church's Chicken"]
STREETS = ["Rosa Parks Blvd", "Cesar Chavez Ave", "Malcolm X Blvd", "Harriet Tubman Ave", "Grace St", "Mercy Ln",
           "Hope Ave", "Major Rd", "Story Rd", "Rich St", "Young Ave", "Roberto Clemente Dr", "Pulaski Rd",
           "Kosciuszko St", "Kalakaua Ave", "Frederick Douglass Blvd", "Oak Grove Rd", "Elm St", "Lane Ave",
           "Sojourner Truth Pl", "Jefferson St", "Cherry Ln"]
PLACES = ["Mercy Hospital", "St. Jude Clinic", "Lane Tech", "the Rosa Parks Transit Center", "Hope Park",
          "the Major Taylor Trail", "King Library", "Grace Church", "Clemente Park", "Holy Family School",
          "the Cesar Chavez Rec Center"]
CARS = ["Lincoln Navigator", "Mercury Grand Marquis", "Chevy Malibu", "Dodge Charger", "Honda Civic", "Kia Soul",
        "Nissan Altima", "Toyota Camry", "Ford Ranger", "Jeep Cherokee", "Chrysler Pacifica"]
COLORS = ["red", "white", "black", "silver", "gray", "blue", "maroon", "gold"]
RANKS = ["Ofc.", "Officer", "Sgt.", "Det.", "P/O", "Cpl.", "Deputy", "Lt."]
AREA = ["412", "216", "614", "702", "808", "919", "971", "305", "718", "872", "480", "651"]
RACES = ["W", "B", "H", "A", "P", "O"]
UNITS = ["", "", "", "Apt 2", "Apt 7C", "Unit 11", "#3", "Apt. 104"]
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def _words(block: str, sep: str) -> list[str]:
    """The entries of a word block written over several lines (each line ends with the separator)."""
    return [w.strip() for w in block.replace("\n", "").split(sep) if w.strip()]


GIVEN_NAMES: list[tuple[str, str]] = [(w.split("/")[0], w.split("/")[1]) for w in GIVEN.split()]
SURNAME_LIST: list[str] = _words(SURNAMES, "|")
MONIKER_LIST: list[str] = _words(MONIKERS, "|")
# How an alias is attached to a name (opening, closing): the cues the README lists and others officers type.
ALIAS_CUES = [(" AKA ", ""), (" A.K.A. ", ""), (", aka: ", ""), (" a/k/a ", ""), (" (alias: ", ")"),
              (", moniker: ", ""), (" S/N ", ""), (" NN: ", ""), (", who goes by ", ""), (" goes by ", ""),
              (", known on the street as ", ""), (' "', '"'), (" ('", "')"), (" (street name: ", ")")]
# Names that are ordinary words, and a sentence that uses the word as a word (a hard negative next to the name).
WORD_SENTENCES: dict[str, str] = {
    "Rich": "The caller said rich people own that side of the block.", "Story": "Entry was by a second story window.",
    "Major": "There was major damage to the frame.", "Chance": "The caller said there was no chance of that.",
    "Mercy": "The caller said nobody showed any mercy.", "Faith": "The caller has lost faith in the landlord.",
    "Justice": "The family wants justice.", "Patience": "The caller said everyone ran out of patience.",
    "Comfort": "A neighbor stayed nearby for comfort.", "Blessing": "It was a blessing nobody was hurt.",
    "Precious": "Precious little was left in the unit.", "Sunny": "It was sunny and the gate was open.",
    "Rose": "Someone rose from the couch and left.", "Little": "Everyone was a little shaken.",
    "King": "The TV was on the king size bed.", "Love": "Love letters were taped to the door.",
    "Bird": "A bird cage was knocked over.", "Day": "It happened the day before.",
    "Strong": "There was a strong smell of gas.", "Church": "The caller had just come back from church.",
    "Sweet": "The caller said the dog is sweet.", "Wise": "Someone made a wise crack.",
    "Sterling": "A sterling silver ring was taken.", "Noble": "The caller said the neighbors are noble people.",
    "Hale": "The older man looked hale and fit.", "Royal": "The caller said it was a royal mess.", "Goodnight": "They said goodnight and locked the door.",
}
WORD_GIVEN = [n for n, _ in GIVEN_NAMES if n in WORD_SENTENCES]
WORD_SURNAMES = [n for n in SURNAME_LIST if n in WORD_SENTENCES]
