"""Hand-written word lists for the narrative benchmark: names, nicknames, streets, stores, hard negatives.

Written for this benchmark only (not taken from the project's sample generator). Every name here is a
common given name or surname of its origin; combinations are random, so any match with a real person
is a coincidence. Lists are plain data so the annotation guide can point at them.
"""

from __future__ import annotations

# Given names: (name, gender) with g = "f", "m" or "x". Many origins; hyphens, apostrophes, accents,
# and given names that are also ordinary English words (Will, Rose, Hope, Grace, Chase, June, Hunter).
FIRST_NAMES: list[tuple[str, str]] = [
    ("Guadalupe", "f"), ("Aaliyah", "f"), ("Ngozi", "f"), ("Tomasz", "m"), ("Mei", "f"), ("Wei", "m"),
    ("Oluwaseun", "m"), ("Priya", "f"), ("Arjun", "m"), ("Fatima", "f"), ("Mohammed", "m"), ("Yusuf", "m"),
    ("Siobhan", "f"), ("Niamh", "f"), ("Seamus", "m"), ("Keanu", "m"), ("Leilani", "f"), ("Dmitri", "m"),
    ("Svetlana", "f"), ("Ximena", "f"), ("Joaquín", "m"), ("José", "m"), ("María", "f"), ("Thanh", "x"),
    ("Huong", "f"), ("Minh", "m"), ("Kwame", "m"), ("Abena", "f"), ("Chidi", "m"), ("Emeka", "m"),
    ("Darnell", "m"), ("Latoya", "f"), ("Keisha", "f"), ("DeShawn", "m"), ("Tyrone", "m"), ("Jamal", "m"),
    ("Shaniqua", "f"), ("Brittany", "f"), ("Cody", "m"), ("Dustin", "m"), ("Heather", "f"), ("Kayla", "f"),
    ("Hiroshi", "m"), ("Yuki", "x"), ("Sakura", "f"), ("Min-jun", "m"), ("Ji-woo", "x"), ("Seo-yeon", "f"),
    ("Rahul", "m"), ("Anjali", "f"), ("Deepak", "m"), ("Lakshmi", "f"), ("Bao", "x"), ("Khalid", "m"),
    ("Layla", "f"), ("Omar", "m"), ("Zainab", "f"), ("Amir", "m"), ("Nasrin", "f"), ("Reza", "m"),
    ("Darius", "m"), ("Ingrid", "f"), ("Sven", "m"), ("Astrid", "f"), ("Lars", "m"), ("Giuseppe", "m"),
    ("Francesca", "f"), ("Matteo", "m"), ("Chiara", "f"), ("Will", "m"), ("Rose", "f"), ("Hope", "f"),
    ("Grace", "f"), ("Chase", "m"), ("June", "f"), ("Hunter", "m"), ("D'Andre", "m"), ("Ja'Nya", "f"),
    ("Mary-Kate", "f"), ("Jean-Luc", "m"), ("Ana-Maria", "f"), ("William", "m"), ("Robert", "m"),
    ("Elizabeth", "f"), ("Anthony", "m"), ("Francisco", "m"), ("Alejandro", "m"), ("Margaret", "f"),
    ("Michael", "m"), ("Jennifer", "f"), ("Christopher", "m"), ("Jessica", "f"), ("Terrence", "m"),
    ("Shawna", "f"), ("Marcus", "m"), ("Tamika", "f"), ("Eduardo", "m"), ("Lucía", "f"), ("Björn", "m"),
    ("Zoë", "f"), ("Łukasz", "m"), ("Agnieszka", "f"), ("Oksana", "f"), ("Bogdan", "m"), ("Aroha", "f"),
    ("Tui", "x"), ("Sione", "m"), ("Malia", "f"), ("Nizhoni", "f"), ("Ahanu", "m"), ("Winona", "f"),
    ("Carlos", "m"), ("Juana", "f"), ("Esperanza", "f"), ("Rafael", "m"), ("Aditya", "m"), ("Meera", "f"),
    ("Kofi", "m"), ("Ama", "f"), ("Tunde", "m"), ("Folake", "f"), ("Aisha", "f"), ("Ibrahim", "m"),
    ("Noor", "x"), ("Hamza", "m"), ("Leah", "f"), ("Avi", "m"), ("Miriam", "f"), ("Shlomo", "m"),
    ("Colleen", "f"), ("Patrick", "m"), ("Bridget", "f"), ("Declan", "m"), ("Tatiana", "f"), ("Pavel", "m"),
    ("Quinn", "x"), ("Jordan", "x"), ("Taylor", "x"), ("Skyler", "x"), ("Ethan", "m"), ("Olivia", "f"),
]

# Surnames: particles, hyphens, apostrophes, Mc/Mac, accents, and surnames that are ordinary words.
SURNAMES: list[str] = [
    "Przybylski", "Balogun", "de la Cruz", "van der Berg", "Al-Masri", "Nguyen-Tran", "O'Neil", "D'Angelo",
    "McAllister", "MacDonald", "West", "Ford", "North", "White", "Black", "Washington", "Force", "Young",
    "Rose", "Brown", "Green", "King", "Hill", "Lane", "Banks", "Love", "Bell", "Price", "Church", "Summers",
    "Strong", "Little", "Walker", "Fields", "Knight", "Wolf", "Fox", "Hernández", "Ramírez", "García-López",
    "Nguyen", "Tran", "Pham", "Kim", "Park", "Lee", "Choi", "Wang", "Zhang", "Liu", "Chen", "Okafor",
    "Adeyemi", "Mensah", "Asante", "Diallo", "Traoré", "Haddad", "Khoury", "Nasser", "Cohen", "Levi",
    "Goldberg", "Kowalski", "Nowak", "Wiśniewski", "Horvath", "Novak", "Petrov", "Ivanova", "Sokolov",
    "Papadopoulos", "Yilmaz", "Öztürk", "Singh", "Patel", "Sharma", "Gupta", "Reddy", "Iyer", "Begay",
    "Yazzie", "Tsosie", "Kahananui", "Fonoti", "Tuiasosopo", "Delgado", "Santos", "da Silva", "dos Santos",
    "St. John", "Le", "Ng", "Ma", "Wu", "Ali", "Abdi", "Mohamud", "Farah", "Johnson", "Smith", "Williams",
    "Jones", "Davis", "Miller", "Wilson", "Moore", "Taylor", "Anderson", "Thomas", "Jackson", "Harris",
    "Thompson", "Robinson", "Lewis", "Clark", "Hall", "Allen", "Wright", "Scott", "Baker", "Adams",
    "Carter", "Mitchell", "Pérez", "Turner", "Campbell", "Parker", "Evans", "Collins", "Stewart", "Morris",
    "Reed", "Cook", "Morgan", "Murphy", "Rivera", "Cooper", "Howard", "Ward", "Torres", "Gray", "James",
    "Watson", "Brooks", "Sanders", "Wood", "Barnes", "Ross", "Coleman", "Jenkins", "Perry", "Powell",
    "Long", "Hughes", "Flores", "Foster", "Bryant", "Russell", "Griffin", "Díaz", "Hayes", "Graham",
    "Sullivan", "Wallace", "Woods", "Cole", "Jordan", "Marshall", "Booker", "Mayfield", "Oyelaran",
    "Szczepański", "Van Buren", "LaFleur", "DuBois", "Ben-David", "Abu-Bakr", "Mac an tSaoir", "Fitzgerald",
]

# Usual short forms of some given names (a nickname is a PERSON mention of the same person).
NICKNAMES: dict[str, str] = {
    "William": "Will", "Robert": "Bobby", "Elizabeth": "Liz", "Anthony": "Tony", "Francisco": "Paco",
    "Alejandro": "Alex", "Margaret": "Peggy", "Guadalupe": "Lupe", "Michael": "Mikey", "Jennifer": "Jen",
    "Christopher": "Chris", "Jessica": "Jess", "Terrence": "Terry", "Marcus": "Mac", "Eduardo": "Lalo",
    "José": "Pepe", "Patrick": "Paddy", "Oluwaseun": "Seun", "Dmitri": "Dima", "Tatiana": "Tanya",
    "Mohammed": "Mo", "Ibrahim": "Ibby", "Agnieszka": "Aga", "Rafael": "Rafa", "Aaliyah": "Liyah",
    "Siobhan": "Shiv", "Svetlana": "Sveta", "Joaquín": "Quino", "María": "Mari", "DeShawn": "Shawn",
    "Tyrone": "Ty", "Brittany": "Britt", "Dustin": "Dusty", "Kayla": "Kay", "Hiroshi": "Hiro",
    "Lakshmi": "Lucky", "Zainab": "Zee", "Giuseppe": "Beppe", "Francesca": "Frankie", "Matteo": "Teo",
    "Tamika": "Mika", "Lucía": "Lucy", "Bogdan": "Bodya", "Carlos": "Carlitos", "Esperanza": "Espy",
    "Aditya": "Adi", "Bridget": "Biddy", "Declan": "Dec", "Pavel": "Pasha", "Olivia": "Liv", "Skyler": "Sky",
    "Miriam": "Miri", "Shlomo": "Shlomi", "Leilani": "Lani", "Darnell": "Nell", "Jamal": "Mal",
}

# Street aliases ("a/k/a"): words that are also ordinary words, on purpose.
STREET_ALIASES: list[str] = [
    "Little Mac", "T-Bone", "Smoke", "Junior", "Boo", "Lil Ray", "Dre", "Peanut", "Tiny", "Shorty",
    "Bam", "Red", "Slim", "Pooh", "Lucky", "Ghost", "Kilo", "Man-Man", "Big Lou", "Sunny",
]

# Street names of the fourth hand's dev-only families (never in the test split): ordinary words and name-like ones.
DEV_STREET_ALIASES: list[str] = [
    "Deuce", "Spider", "Biscuit", "Blue", "Scrappy", "Too Tall", "Lil Bit", "Cash", "Frosty", "Chino",
    "Ace", "Sleepy", "Knuckles", "Stretch", "Tank", "Wheezy", "Doodlebug", "Mookie", "Nephew", "Pistol",
]

OFFICER_TITLES_LONG = ["Officer", "Sergeant", "Detective", "Lieutenant", "Corporal", "Deputy"]
OFFICER_TITLES_SHORT = ["Ofc.", "Sgt.", "Det.", "Lt.", "Cpl.", "P/O", "PO", "Dep."]

# Street names: alone they are not entities (hard negatives); with a house number they are an ADDRESS.
STREETS: list[str] = [
    "Hillcrest Ave", "Grove St", "Shattuck Ave", "Telegraph Ave", "Washington St", "Martin Luther King Jr Way",
    "Ashby Ave", "Sacramento St", "San Pablo Ave", "Dwight Way", "Lincoln Ave", "Cedar St", "Rose St",
    "King St", "Franklin St", "Jefferson Ave", "Young St", "Church St", "Young Ave", "Ford Rd",
    "North Broad St", "Girard Ave", "Lehigh Ave", "Kensington Ave", "Frankford Ave", "Germantown Ave",
    "Baltimore Ave", "Spruce St", "Walnut St", "Chestnut St", "Market St", "Woodland Ave", "Belmont Ave",
    "Harrison St", "Jackson Blvd", "Madison Ave", "Monroe St", "Adams St", "Grant Ave", "Sherman Ave",
    "Parker St", "Brooks Ave", "Gray St", "Ward St", "Allen Rd", "Wood St", "Hill Rd", "Bell Ave",
]
STREET_DIRECTIONS = ["N", "S", "E", "W", "North", "South", "East", "West"]

# Businesses: many carry a surname or given name, and are not persons.
STORES: list[str] = [
    "Walgreens", "Safeway", "Rite Aid", "CVS", "Target", "Best Buy", "Dollar General", "Foot Locker",
    "Trader Joe's", "Wells Fargo", "Chase Bank", "McDonald's", "Denny's", "Jack in the Box", "Wendy's",
    "Lowe's", "Macy's", "Kohl's", "Dillard's", "Marshalls", "Ross Dress for Less", "Family Dollar",
    "Popeyes", "Arby's", "Wawa", "7-Eleven", "ShopRite", "Kroger", "Publix", "Big Lots", "Carl's Jr",
    "Dunkin'", "Wendy's", "Church's Chicken", "Lucky Supermarket", "Grocery Outlet", "Sam's Club",
]

CARS: list[str] = [
    "Ford Taurus", "Dodge Charger", "Chevy Malibu", "Lincoln Town Car", "Mercedes Benz", "Honda Civic",
    "Toyota Camry", "Nissan Altima", "Jeep Cherokee", "Chrysler 300", "Ford F-150", "Buick LeSabre",
    "Dodge Ram", "Kia Optima", "Hyundai Sonata", "Cadillac Escalade", "Mercury Grand Marquis",
]
COLORS = ["gray", "black", "white", "silver", "red", "blue", "green", "maroon", "gold", "tan"]

# Words that are never entities here but look like names (capitalized, or surnames elsewhere).
RACE_WORDS = ["White", "Black", "Hispanic", "Asian", "Latino", "Middle Eastern", "Native American"]
RACE_CODES = ["W", "B", "H", "A", "O"]
PLACES = ["Washington", "Lincoln Park", "Jackson Square", "Franklin Square", "Hope Street Park",
          "Grace Church", "Mercy Hospital", "Temple University Hospital", "Highland Hospital",
          "Children's Hospital", "Kaiser", "Alta Bates", "Sutter"]

AREA_CODES = ["510", "415", "215", "267", "445", "314", "636", "504", "313", "206", "512", "410", "443",
              "612", "718", "347", "213", "323", "702", "404"]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net"]

STATUTES = ["VC 22450(A)", "VC 22350", "VC 23123.5", "VC 5200", "VC 26708(A)(1)", "PC 647(F)", "PC 459",
            "HS 11377", "VC 21453(A)", "VC 4000(A)"]
