"""Third parties named only in the text, in lower case, written by a new hand (issue 15, lower-case round 6):
social-media posts and comments, group-chat and text screenshots an officer transcribed, dating-app and marketplace
disputes, rideshare and delivery complaints, neighborhood-app posts, campus and transit police notes, elder-abuse and
child-welfare referrals, voicemail transcriptions and run-on lists of people.

Shapes fixed this round: a post's cue before an alias prefix ("rip big tuck", "free lil kev", texting's "its lil kev"),
a caller quoted after "this is" ("message says 'this is anselm from the shelter'"), a message's sender before a colon
("reply from mateus: ok"), the name an app shows ("named on the app as oksana"), the other side of "between" ("messages
between the victim and ayodele"), the roles of apps and campuses ("buyer ifeoma sent", "rp's suitemate anouk heard",
"student worker at the desk, nilufar, saw"); and keeps: those roles as subjects ("rider states", "seller goes by
tavo", "elder states"), an animal before "answers to" ("lost dog, answers to biscuit"), "on duty" before a boxed name
("ra on duty, marisol,"), "baby daddy", and the words of apps WordNet predates ("named on the app", "my uber driver").
One table of (sentence, words that must go, words that must stay), run in lower, Title and UPPER case where the shape
allows; property-style tests draw random names, cues and casings. The names are made up here; no record values.
"""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import (
    as_written,
    assert_casings,
    needs_vocabulary,
    recase,
    redacted,
    shown,
    shown_words,
)

ALL = ("lower", "upper", "title")
NO_TITLE = ("lower", "upper")  # in Title Case "Rip Lil Guy", "Seller: Item" read as names (the NER's to judge)
LOWER = ("lower",)
# (sentence, must go, must stay, casings)
ROWS = [
    # a post's cue before an alias prefix; texting's "its" before "lil"
    ("rip big tuck we ride for u", ["tuck"], ["ride"], ALL),
    ("free lil kev they got nothing on him", ["kev"], ["free", "nothing"], ALL),
    ("long live baby ray", ["ray"], ["live"], LOWER),
    ("yo its lil kev hit me up", ["kev"], ["hit"], LOWER),
    # keep: the same cues before a person word, a relation or a thing
    ("rip big bro we miss u", [], ["bro", "miss"], ALL),
    ("rip lil guy we miss u", [], ["guy", "miss"], NO_TITLE),
    ("free big macs at the drive thru", [], ["free", "macs", "drive"], ALL),
    ("its big tail was wagging", [], ["tail", "wagging"], ALL),
    # a caller quoted after "this is"
    ("message says 'this is anselm from the shelter, please call'", ["anselm"], ["shelter", "please"], ALL),
    ("vm says 'this is the pharmacy calling about a refill'", [], ["pharmacy", "calling"], ALL),
    ("she said that's me in the photo", [], ["photo"], ALL),
    # a message's sender before a colon
    ("reply from mateus: ok bring the money", ["mateus"], ["reply", "money"], ALL),
    ("comment from rain: im outside", ["rain"], ["comment", "outside"], LOWER),
    ("message from dispatch: units respond", [], ["dispatch", "units"], ALL),
    ("reply from seller: item sold", [], ["seller", "item"], NO_TITLE),
    # the name an app or a phone shows
    ("lyft driver named on app as oksana refused to let me out", ["oksana"], ["driver", "app"], ALL),
    ("his number is saved in her phone as kiki", ["kiki"], ["phone"], ALL),
    ("the account shows up as private", [], ["account", "private"], ALL),
    ("she was listed as missing", [], ["listed", "missing"], ALL),
    # the other side of "between"
    ("messages between the victim and ayodele show threats", ["ayodele"], ["victim", "threats"], ALL),
    ("texts between folasade and the suspect", ["folasade"], ["texts", "suspect"], ALL),
    ("between the car and the wall", [], ["car", "wall"], ALL),
    ("between the victim and police", [], ["victim", "police"], ALL),
    # the roles of apps and campuses; boxed after a worker
    ("buyer ifeoma sent a fake payment screenshot", ["ifeoma"], ["buyer", "payment"], ALL),
    ("rp's suitemate anouk heard yelling from room 214", ["anouk"], ["suitemate", "yelling"], ALL),
    ("student worker at the desk, nilufar, saw him leave", ["nilufar"], ["worker", "desk"], LOWER),
    # keep: those roles as subjects and before "goes by"; an animal before "answers to"; "on duty"; "baby daddy"
    ("rider states driver, asif, made comments about her body", ["asif"], ["rider", "comments"], LOWER),
    ("fare inspector cited rider ebo for no ticket", ["ebo"], ["rider", "ticket"], LOWER),
    ("seller goes by tavo on offerup, never showed", ["tavo"], ["seller", "showed"], LOWER),
    ("elder states 'my boy cyrus takes the checks'", ["cyrus"], ["elder", "takes"], LOWER),
    ("lost dog, answers to biscuit, last seen with a teen named jax", ["jax"], ["dog", "teen"], LOWER),
    ("ra on duty, marisol, called it in at 0130", ["marisol"], ["duty", "called"], LOWER),
    ("yall seen what rain posted bout her baby daddy", ["rain"], ["posted", "baby", "daddy"], LOWER),
    ("a dasher named on the app left it at the wrong house", [], ["dasher", "app", "house"], NO_TITLE),
    ("my uber driver took a wrong turn", [], ["uber", "driver"], ALL),
    # who to reach at a number
    ("if found text comfort at 718-895-9281", ["comfort"], ["found", "text"], ALL),
    ("call tavo on 0412 555 123 after six", ["tavo"], ["call", "six"], ALL),
    ("call us at 555-1234 or call anytime at 555-9876", [], ["call", "anytime"], ALL),
    ("call dispatch at 911", [], ["dispatch"], ALL),
    # a dash that signs a typed complaint at its end
    ("pls send someone before somebody gets hurt - mo", ["mo"], ["send", "hurt"], LOWER),
    ("music until 3am every night - lety", ["lety"], ["music", "night"], ALL),
    ("the trash is everywhere - thanks", [], ["trash", "thanks"], ALL),
    ("noise again - anonymous", [], ["noise", "anonymous"], LOWER),  # in capitals the NER reads "AGAIN - ANONYMOUS"
    ("they park on the lawn - asap pls", [], ["lawn", "asap"], ALL),
    # a given name after "surname," before any verb when no dictionary holds it
    ("complaint re unit 3: sterling, faith and st. john, bogdan fight every night", ["bogdan"], ["fight"], LOWER),
    # a cousin with an adjective after "and her"
    ("ok so basically tamsin and her little cousin jojo jumped my sister", ["tamsin", "jojo"],
     ["little", "cousin", "sister"], ALL),
    ("the car and her little brother pita were gone", ["pita"], ["car", "little", "brother"], ALL),
    # an agent noun before "who gave the name"
    ("transit officer cited fare evader, who gave the name lorcan", ["lorcan"], ["fare", "evader"], LOWER),
    # "its" opening a message
    ("voicemail received 0214 hrs: its tavita, the guy next door is banging on my wall", ["tavita"], ["wall"], ALL),
    ("note: its unclear, who did it", [], ["unclear"], ALL),
    # "given as", a giving verb's first object
    ("caller hung up; first name given as ezinne", ["ezinne"], ["caller"], ALL),
    ("medication given as prescribed", [], ["medication", "prescribed"], ALL),
    ("i gave rocky the keys", ["rocky"], ["gave", "keys"], LOWER),
    ("she sent precious a text about the rent", ["precious"], ["text", "rent"], LOWER),
    ("he gave chase the whole way", [], ["chase", "whole"], ALL),
    ("told hope the truth", [], ["hope", "truth"], LOWER),
    ("he paid cash the whole time", [], ["cash", "time"], ALL),
    ("a 14 y/o named tiana stays with them overnight", ["tiana"], ["overnight"], ALL),
    # ``surname, given`` whose surname opens with particles, where a clause or a list item starts
    ("complaint re unit 5: ní bhriain, faith and okafor, ousmane fight every night", ["bhriain", "faith", "ousmane"],
     ["unit", "fight"], LOWER),
    ("lost phone, last seen with de los santos, major. if found call", ["santos", "major"], ["lost", "found"], LOWER),
    ("we ate at la cocina, then left", [], ["cocina", "left"], ALL),
    ("he went to de la salle, the school", [], ["salle", "school"], LOWER),
    ("sat with le monde, the paper", [], ["monde", "paper"], LOWER),
    # a short name the model saw before a bracketed alias; "st." opening a surname; no initial after "'s."
    ("the man who took her bike was tui baker (\"little mac\")", ["tui", "baker", "mac"], ["bike"], LOWER),
    ("sid from the bus stop says it was tevita st. john. im done", ["sid", "tevita", "john"], ["stop", "done"], LOWER),
    ("found my purse behind hardee's. sid from the bus stop saw it", ["sid"], ["purse", "stop"], LOWER),
    # a listed short form as the subject of a person's verb; "shoutout to" names who it thanks
    ("patrol note: mo told officers about the car. mo asked not to be named", ["mo"], ["officers", "asked"], ALL),
    ("same mo was used. mo was similar", [], ["mo", "similar"], ALL),
    ("shoutout to marisela for the ride home", ["marisela"], ["ride"], ALL),
    ("shoutout to sunny for the ride", ["sunny"], ["ride"], LOWER),
    ("we'll see lol. shoutout to dolores st. john for the video", ["dolores", "john"], ["video"], ALL),
    ("shoutout to the officers who helped", [], ["officers", "helped"], ALL),
    ("lyft says the driver is named on the receipt as ruairi", ["ruairi"], ["driver", "receipt"], ALL),
    ("the fight was between kaimana and the bouncer", ["kaimana"], ["fight", "bouncer"], ALL),
    ("between the bouncer and the door", [], ["bouncer", "door"], ALL),
]

# The round's probes, written before reading the redactor, that pass as written.
PROBES = [
    # social-media posts and comments
   ("free tayshawn they aint have nothing on him", ["tayshawn"], ["free", "nothing"]),
   ("rip lil dre gone too soon", ["dre"], ["gone", "soon"]),
   ("shoutout to marisela for the ride home", ["marisela"], ["ride", "home"]),
   ("lls keon really thought he did something", ["keon"], ["thought", "something"]),
   ("smh jaquan stay lying on my name", ["jaquan"], ["lying", "name"]),
   ("me and kiki and bree pulled up to the function", ["kiki", "bree"], ["function"]),
   ("justice for amara she didnt deserve that", ["amara"], ["justice", "deserve"]),
   ("rip big tuck we ride for u", ["tuck"], ["ride"]),
   ("free my boy dashon", ["dashon"], ["free", "boy"]),
   ("yall seen what rain posted bout her baby daddy", ["rain"], ["posted", "baby"]),
   ("somebody tell story to stop playing with my phone", ["story"], ["stop", "playing", "phone"]),
   ("tag zuri she was there too", ["zuri"], ["there"]),
   ("happy bday to my day one nyla", ["nyla"], ["happy"]),
   ("post says quan and them bout to slide on the east side", ["quan"], ["slide", "side"]),
   ("comment reads: ayo where is jalisa at", ["jalisa"], ["comment"]),
   ("long live papi chulo never forget", ["papi"], ["forget"]),
   ("caption read 'me and deja about to pop out'", ["deja"], ["caption"]),
   ("lmao tyrese got jumped at the gas station", ["tyrese"], ["jumped", "station"]),
   ("no cap amirah the one who keyed the car", ["amirah"], ["keyed", "car"]),
   ("fr kendrix be lying about everything", ["kendrix"], ["lying"]),
   ("lol ask journey she got the video", ["journey"], ["video"]),
   ("stream the video of marquise getting slapped", ["marquise"], ["video", "slapped"]),
   ("who is oakley and why is she in my dms", ["oakley"], ["dms"]),
   ("hashtag justiceforamara trending on the page", ["amara"], ["trending", "page"]),
    # group chat / text screenshots
   ("msg from 'kiki': where u at", ["kiki"], ["msg"]),
   ("[10:42] deshawn: where u at", ["deshawn"], []),
   ("[10:43] tamika: outside", ["tamika"], ["outside"]),
   ("text from nkechi at 2:14 pm reads 'stop calling me'", ["nkechi"], ["reads", "calling"]),
   ("screenshot shows chat with contact saved as 'rico 2'", ["rico"], ["screenshot", "chat"]),
   ("group chat named 'the squad' shows lexi saying she will fight her", ["lexi"], ["chat", "fight"]),
   ("messages between the victim and ayodele show threats", ["ayodele"], ["messages", "threats"]),
   ("reply from mateus: ok bring the money", ["mateus"], ["money"]),
   ("the last text, sent by faisal at 11:58, said 'im outside'", ["faisal"], ["text", "sent"]),
   ("snapchat from keisha to the victim said she would pull up", ["keisha"], ["snapchat", "victim"]),
   ("in the chat jun asks who has the keys", ["jun"], ["chat", "keys"]),
   ("dm from someone named kaito asking for pics", ["kaito"], ["pics"]),
   ("contact listed as 'bae ezra' sent 14 texts", ["ezra"], ["texts"]),
    # dating app / marketplace
   ("matched with a guy named rowan on hinge, he asked for gift cards", ["rowan"], ["guy", "gift"]),
   ("her profile said her name was sunny and she was 24", ["sunny"], ["profile"]),
   ("seller goes by tavo on offerup, never showed", ["tavo"], ["seller", "showed"]),
   ("buyer ifeoma sent a fake payment screenshot", ["ifeoma"], ["buyer", "payment"]),
   ("met up with the seller, dmitri, at the walmart lot", ["dmitri"], ["seller", "lot"]),
   ("went on a date with bastian and he took my card", ["bastian"], ["date", "card"]),
   ("the guy from tinder, says his name is leo, keeps texting", ["leo"], ["guy", "texting"]),
   ("i sold the couch to some lady named fenna", ["fenna"], ["couch", "lady"]),
   ("marketplace buyer (profile name 'tomasz k') paid with a stolen card", ["tomasz"], ["buyer", "stolen"]),
   ("the seller harlow blocked me after i paid", ["harlow"], ["seller", "blocked"]),
    # rideshare / delivery
   ("my uber driver ibrahim took a wrong turn and locked the doors", ["ibrahim"], ["driver", "doors"]),
   ("the doordash guy (said his name was kwame) left food on the wrong porch", ["kwame"], ["guy", "porch"]),
   ("lyft driver named on app as oksana refused to let me out", ["oksana"], ["driver", "app"]),
   ("delivery driver juanpablo threw the package at the door", ["juanpablo"], ["package", "door"]),
   ("the app showed my driver as raul and the car as a gray camry", ["raul"], ["driver", "car"]),
   ("rider states driver, asif, made comments about her body", ["asif"], ["rider", "comments"]),
   ("my grubhub order was taken by a dasher named precious", ["precious"], ["order"]),
   ("passenger in the back, a girl called meadow, started yelling", ["meadow"], ["passenger", "yelling"]),
    # neighborhood app
   ("does anyone know the kid on elm, i think his name is rain, keeps cutting through yards", ["rain"], ["kid", "yards"]),
   ("heads up neighbors, the guy named cosmin is going door to door again", ["cosmin"], ["neighbors", "door"]),
   ("thanks to beatriz on maple for catching the package thief", ["beatriz"], ["package", "thief"]),
   ("whoever took bjorn's bike please return it", ["bjorn"], ["bike", "return"]),
   ("lost dog, answers to biscuit, last seen with a teen named jax", ["jax"], ["dog", "teen"]),
   ("the couple at 12 pine, hana and teo, were fighting again", ["hana", "teo"], ["couple", "fighting"]),
   ("anyone else get a knock from some lady saying she is ileana from the gas company", ["ileana"], ["lady", "company"]),
   ("psa: a man calling himself brother malik is asking for donations", ["malik"], ["donations"]),
    # campus / transit police
   ("rp states roommate ximena took her laptop", ["ximena"], ["roommate", "laptop"]),
   ("ra on duty, marisol, called it in at 0130", ["marisol"], ["duty"]),
   ("student reports ta named chidi made unwanted contact", ["chidi"], ["student", "contact"]),
   ("operator reports passenger, identified as soren, refused to exit the bus", ["soren"], ["operator", "bus"]),
   ("complainant's roommate yusra was not present", ["yusra"], ["roommate", "present"]),
   ("rp's suitemate anouk heard yelling from room 214", ["anouk"], ["heard", "yelling"]),
   ("fare inspector cited rider ebo for no ticket", ["ebo"], ["rider", "ticket"]),
   ("student worker at the desk, nilufar, saw him leave", ["nilufar"], ["desk", "leave"]),
   ("victim's lab partner kasimir was also in the room", ["kasimir"], ["partner", "room"]),
   ("platform witness linnea saw the push", ["linnea"], ["platform", "push"]),
    # elder abuse / child welfare
   ("aps referral: client's grandson dorian manages her bank account", ["dorian"], ["grandson", "account"]),
   ("caregiver, known only as lupe, has not been paid", ["lupe"], ["caregiver", "paid"]),
   ("reporter states child disclosed that mom's boyfriend tre hits her", ["tre"], ["boyfriend", "hits"]),
   ("child stated that auntie faith locks her in the room", ["faith"], ["room"]),
   ("client reports that her son's wife, ingrid, takes her pension", ["ingrid"], ["wife", "pension"]),
   ("minor disclosed that stepdad ruben touched her", ["ruben"], ["minor", "touched"]),
   ("teacher reports student came to school hungry; sibling kenji says no food at home", ["kenji"], ["sibling", "food"]),
   ("home health aide reported that the nephew, ambrose, yells at the client", ["ambrose"], ["nephew", "client"]),
   ("the children stay with a woman they call nana pearl", ["pearl"], ["children", "woman"]),
   ("per school counselor, student's older brother, zion, picks her up", ["zion"], ["brother", "picks"]),
   ("elder states 'my boy cyrus takes the checks'", ["cyrus"], ["elder", "takes"]),
   ("referral alleges that caregiver blessing leaves the client alone", ["blessing"], ["caregiver", "alone"]),
   ("child said daddy's friend hunter gave her pills", ["hunter"], ["friend", "pills"]),
   ("grandmother has custody; mother, destiny, whereabouts unknown", ["destiny"], ["grandmother", "custody"]),
    # voicemail
   ("voicemail: hi this is uh renata calling about my son", ["renata"], ["voicemail", "son"]),
   ("voicemail left at 3:02: hey its story call me back", ["story"], ["call"]),
   ("message says 'this is anselm from the shelter, please call'", ["anselm"], ["shelter"]),
   ("caller left message, said her name is justice and she saw the crash", ["justice"], ["caller", "crash"]),
   ("vm from unknown male saying tell marguerite she owes him", ["marguerite"], ["male", "owes"]),
   ("voicemail transcription: yo its lil kev hit me up", ["kev"], ["voicemail"]),
   ("left a voicemail for the tenant, oren, with no reply", ["oren"], ["voicemail", "tenant"]),
   ("hey it's sol, your neighbor, your dog got out again", ["sol"], ["neighbor", "dog"]),
    # run-on lists
   ("present were me kiki bree tasha and lil man", ["kiki", "bree", "tasha"], ["present"]),
   ("people at the party: jamal dev priya wes and some guys i dont know", ["jamal", "priya", "wes"], ["party", "guys"]),
   ("involved parties kaya, fitzgerald, ngaire and an unknown male", ["kaya", "fitzgerald", "ngaire"], ["parties", "male"]),
   ("the kids involved were noor hamza and little ali", ["noor", "hamza", "ali"], ["kids"]),
   ("the group: bex, tino, marguerite, lil slim", ["bex", "tino", "marguerite", "slim"], ["group"]),
   ("inside were his girl, his cousin dario, and a guy named pook", ["dario", "pook"], ["cousin", "guy"]),
   ("rp lists the roommates as hiroshi, eun-ji and callum", ["hiroshi", "eun-ji", "callum"], ["roommates"]),
    # context-only names (ordinary words) and mixed
   ("sunny said he would be back with a gun", ["sunny"], ["gun"]),
   ("i told hope to leave but she stayed", ["hope"], ["leave", "stayed"]),
   ("me and river got into it at the bus stop", ["river"], ["bus", "stop"]),
   ("angel keeps texting my girlfriend", ["angel"], ["texting", "girlfriend"]),
   ("the baby's father, unique, has not paid", ["unique"], ["father", "paid"]),
    # keeps: ordinary words in the same shapes
   ("free food at the church on sunday", [], ["free", "food", "church"]),
   ("rip to my phone screen lol", [], ["phone", "screen"]),
   ("shoutout to the officers who helped", [], ["officers", "helped"]),
   ("smh people stay lying on this app", [], ["people", "lying", "app"]),
   ("me and my cousin pulled up to the function", [], ["cousin", "function"]),
   ("justice for the victims of the crash", [], ["justice", "victims", "crash"]),
   ("voicemail: hi this is the pharmacy calling about a refill", [], ["pharmacy", "refill"]),
   ("the rain kept cutting out the camera", [], ["rain", "camera"]),
   ("his story keeps changing", [], ["story", "changing"]),
   ("sunny skies and no wind at the time", [], ["sunny", "skies"]),
   ("i hope to leave soon", [], ["hope", "leave"]),
   ("the river was high that night", [], ["river", "high"]),
   ("[10:42] dispatch: units respond", [], ["dispatch", "units"]),
   ("msg from 'unknown': where u at", [], ["msg", "where"]),
   ("present were the manager and two clerks", [], ["manager", "clerks"]),
   ("lyft driver refused to let me out", [], ["driver", "refused"]),
   ("the seller blocked me after i paid", [], ["seller", "blocked"]),
   ("delivery driver threw the package at the door", [], ["driver", "package"]),
   ("child stated that auntie locks her in the room", [], ["auntie", "locks"]),
   ("tag your friends below", [], ["friends", "below"]),
   ("reply from the landlord: ok fix it yourself", [], ["landlord", "fix"]),
   ("lol ask the teacher she got the video", [], ["teacher", "video"]),
   ("heads up neighbors, the guy in the white van is going door to door again", [], ["van", "door"]),
   ("hey it's me, your neighbor, your dog got out again", [], ["neighbor", "dog"]),
   ("a dasher named on the app left it at the wrong house", [], ["dasher", "app", "house"]),
]
# A second batch written before the second round of fixes (the ones that slip are in the module's report).
PROBES += [
    ("ok so basically tamsin and her little cousin jojo jumped my sister after school", ["tamsin", "jojo"], ["cousin", "sister"]),
    ("whoever knows kwabs tell him his car got towed", ["kwabs"], ["car", "towed"]),
    ("if anybody seen makana tell her mom is looking for her", ["makana"], ["mom", "looking"]),
    ("my ex temperance keeps making fake pages of me", ["temperance"], ["pages"]),
    ("this girl named kaylee from 3rd period be starting rumors", ["kaylee"], ["rumors"]),
    ("ppl saying bartholomew the one who stole the bikes", ["bartholomew"], ["bikes"]),
    ("i swear if ximena comes near my house again", ["ximena"], ["house"]),
    ("bruh obinna owes me 200 and wont answer", ["obinna"], ["owes"]),
    ("everyone watch out for a dude named cash he be scamming", ["cash"], ["dude", "scamming"]),
    ("me n shay was just walking and they started shooting", ["shay"], ["walking", "shooting"]),
    ("idk who hit tobias but it wasnt me", ["tobias"], ["hit"]),
    ("u know maddox? he got locked up last night", ["maddox"], ["locked"]),
    ("ask around for a girl they call cookie", ["cookie"], ["girl"]),
    ("[3:15 pm] big mike: bring the thing", ["mike"], ["bring", "thing"]),
    ("[9:02] rosalind: he took the kids", ["rosalind"], ["kids"]),
    ("texts from 'ash' (phone ending 4471) threaten to post the photos", ["ash"], ["threaten", "photos"]),
    ("convo with thandeka shows she knew about the money", ["thandeka"], ["convo", "money"]),
    ("he sent the video to his boy dmitri and to someone saved as 'g'", ["dmitri"], ["video"]),
    ("seller ghosted after i sent deposit, name on venmo is priya s", ["priya"], ["seller", "deposit"]),
    ("guy i met on bumble, went by the name of august, took my car", ["august"], ["guy", "car"]),
    ("reported by the buyer that tristan never shipped the console", ["tristan"], ["buyer", "console"]),
    ("rideshare passenger rahel left her purse and says driver kept it", ["rahel"], ["passenger", "purse"]),
    ("customer complains that shopper named yesenia substituted items", ["yesenia"], ["customer", "items"]),
    ("neighbor on nextdoor said a kid named phoenix has been knocking on doors", ["phoenix"], ["kid", "doors"]),
    ("the man who walks the pitbull, i think his name is brick, yelled at my kids", ["brick"], ["man", "kids"]),
    ("somebody let sable's dogs out again", ["sable"], ["dogs"]),
    ("officer reports student ilse refused to leave the library at closing", ["ilse"], ["library", "closing"]),
    ("campus security escorted non-student known as dutch off the premises", ["dutch"], ["escorted", "premises"]),
    ("operator states that a rider named cosmo was smoking on the train", ["cosmo"], ["rider", "train"]),
    ("transit officer cited fare evader, who gave the name lorcan", ["lorcan"], ["cited", "evader"]),
    ("aps: client's neighbor, marguerite, has been cashing her checks", ["marguerite"], ["neighbor", "checks"]),
    ("reporter states daughter-in-law yolanda refuses to let client see doctor", ["yolanda"], ["client", "doctor"]),
    ("per cps, children are left with a 14 y/o named tiana overnight", ["tiana"], ["children", "overnight"]),
    ("school reports child said 'papa koa hit me with a belt'", ["koa"], ["child", "reports"]),
    ("caller states mom's boyfriend, who goes by lucky, sells drugs from the home", ["lucky"], ["boyfriend", "drugs"]),
    ("voicemail received 0214 hrs: its tavita, the guy next door is banging on my wall", ["tavita"], ["wall"]),
    ("voicemail: mrs. lindqvist here, calling again about the dog", ["lindqvist"], ["dog"]),
    ("voicemail from a woman identifying herself as noor, no callback number", ["noor"], ["woman", "callback"]),
    ("caller hung up before giving last name; first name given as ezinne", ["ezinne"], ["caller"]),
    ("present at the residence: the rp, her mother, her brother kalani, and a friend named juju", ["kalani", "juju"], ["residence", "friend"]),
    ("those involved: bash, reuben, little tee, and two unknown juveniles", ["bash", "reuben", "tee"], ["involved", "juveniles"]),
    ("spoke with the following: raj, meena, and their son ishaan", ["raj", "meena", "ishaan"], ["following", "son"]),
    ("crystal and her friends were at the park", ["crystal"], ["friends", "park"]),
    ("asked destiny where the money went", ["destiny"], ["money"]),
    ("it was summer who started it", ["summer"], ["started"]),
    ("told harmony to stay away from my son", ["harmony"], ["son"]),
    ("nobody has seen journey since friday", ["journey"], ["friday"]),
    ("i gave rocky the keys", ["rocky"], ["keys"]),
    ("shoutout to blessing for calling it in", ["blessing"], ["calling"]),
    # keeps
    ("ask around for a place to stay", [], ["place", "stay"]),
    ("asked the clerk where the money went", [], ["clerk", "money"]),
    ("i gave the keys to the landlord", [], ["keys", "landlord"]),
    ("nobody has seen the dog since friday", [], ["dog", "friday"]),
    ("those involved: two unknown juveniles", [], ["involved", "juveniles"]),
    ("convo with the landlord shows he knew", [], ["convo", "landlord"]),
    ("[9:02] dispatch: copy", [], ["dispatch", "copy"]),
    ("everyone watch out for a dude in a red hoodie", [], ["dude", "hoodie"]),
    ("texts from 'unknown' threaten to post the photos", [], ["threaten", "photos"]),
    ("harmony in the building has been bad", [], ["harmony", "building"]),
    ("summer nights are loud here", [], ["summer", "nights"]),
    ("it was summer when it started", [], ["summer", "started"]),
]
# A third batch after the fixes: everyday sentences in the shapes of the new rules, and more voices.
PROBES += [
    # keeps for the round's rules, in everyday sentences
    ("i gave him the keys and left", [], ["keys", "left"]),
    ("she told police the truth", [], ["police", "truth"]),
    ("he asked management the same question", [], ["management", "question"]),
    ("we paid rent the first of the month", [], ["rent", "month"]),
    ("they sent help the next day", [], ["help", "next"]),
    ("i showed security the video", [], ["security", "video"]),
    ("he owes child support the last 3 months", [], ["child", "support"]),
    ("fight between the two groups started at 9", [], ["groups", "started"]),
    ("argument between the tenant and landlord over rent", [], ["tenant", "landlord"]),
    ("text from the school: early release today", [], ["school", "release"]),
    ("message from verizon: your bill is ready", [], ["bill", "ready"]),
    ("reply from support: we are looking into it", [], ["support", "looking"]),
    ("the order shows up as delivered", [], ["order", "delivered"]),
    ("the caller id came up as restricted", [], ["caller", "restricted"]),
    ("call poison control at 800-222-1222", [], ["poison", "control"]),
    ("text stop at 55555 to opt out", [], ["stop", "opt"]),
    ("call animal services at 311", [], ["animal", "services"]),
    ("its raining, the roof is leaking", [], ["raining", "roof"]),
    ("note: its broken, the door wont lock", [], ["broken", "door"]),
    ("she wants the noise to stop - please", [], ["noise", "please"]),
    ("trash cans left out all week - again", [], ["trash", "week"]),
    ("the car parked on de la vina, near the park", [], ["car", "park"]),
    ("rip to my old phone", [], ["phone"]),
    ("free parking on sundays", [], ["free", "parking"]),
    ("its lil late for that", [], ["late"]),
    ("shoutout to whoever returned my wallet", [], ["wallet"]),
    ("mo was the same as the last burglary", [], ["burglary"]),
    # more voices
    ("lyft says the driver is named on the receipt as ruairi", ["ruairi"], ["receipt"]),
    ("dm from bexley: stop posting my kids", ["bexley"], ["posting", "kids"]),
    ("rip lil saint they took u too soon", ["saint"], ["soon"]),
    ("long live big pooh", ["pooh"], ["live"]),
    ("free my brother lil kam", ["kam"], ["brother"]),
    ("text tavita at 808-555-0134 if u see my cat", ["tavita"], ["cat"]),
    ("the fight was between kaimana and the bouncer", ["kaimana"], ["fight", "bouncer"]),
    ("i handed oluwadamilare the cash", ["oluwadamilare"], ["cash"]),
    ("she gave journey a black eye", ["journey"], ["black", "eye"]),
    ("grandma says lil dame took her purse again", ["dame"], ["purse"]),
    ("the dasher, ikaika, left it at the wrong door", ["ikaika"], ["dasher", "door"]),
]
ROWS += as_written(PROBES)


@needs_vocabulary
@pytest.mark.parametrize(("text", "gone", "kept", "casings"), ROWS)
def test_probe_rows(redactor, text, gone, kept, casings):
    assert_casings(redactor, text, gone, kept, casings)


@needs_vocabulary
def test_social_cues_property(redactor):
    rng = random.Random(616)
    cues = ["rip", "free", "long live", "shoutout to"]
    prefixes = ["big", "lil", "yung"]
    names = ["tuck", "dashon", "kev", "tavo", "wiremu", "jaquan", "nene"]
    for _ in range(16):
        cue, prefix, name = rng.choice(cues), rng.choice(prefixes), rng.choice(names)
        casing = rng.choice(("lower", "upper", "title"))
        out = redacted(redactor, recase(f"{cue} {prefix} {name} we ride for u", casing))
        assert not shown_words(out, [name]), out
        assert shown(out, "ride"), out


@needs_vocabulary
def test_message_slots_property(redactor):
    rng = random.Random(617)
    names = ["mateus", "ayodele", "oksana", "folasade", "kaito", "nkemdirim", "ximena"]
    shapes = ["reply from {n}: ok bring the money", "dm from {n}: where u at", "messages between the victim and {n}",
              "the driver was listed in the app as {n}", "texts between {n} and her ex were deleted"]
    for _ in range(16):
        name, shape = rng.choice(names), rng.choice(shapes)
        casing = rng.choice(("lower", "upper", "title"))
        out = redacted(redactor, recase(shape.format(n=name), casing))
        assert not shown_words(out, [name]), out


@needs_vocabulary
def test_message_slots_keep_property(redactor):
    rng = random.Random(618)
    words = ["dispatch", "mom", "the landlord", "seller", "management", "security"]
    for _ in range(12):
        word = rng.choice(words)
        casing = rng.choice(NO_TITLE)
        out = redacted(redactor, recase(f"reply from {word}: units on the way", casing))
        assert shown(out, word.split()[-1]) and shown(out, "units"), out
