"""Figurative violence: "exports hit record levels", "the battle for Manchester United".

Business, sport, show and political news borrow the words of violence; read literally they would
fill an archive with attacks that never happened ("fought back from two sets down", "a shell
company", "lashed out at the policies", "bombarded by e-mails", "hit the headlines", "victims of
cyber-crime", "died of cancer aged 77"). This module decides which violence triggers count, in
two layers:

1. Idioms, dropped in any article: a violence word in a fixed figurative use that its own parse
   shows (a hyphenated modifier "scandal-hit", a success "a hit film", a measure it reaches
   "hit a record high", a sudden rise "shot up", a staff member "fired", a weather subject
   "rain lashed the city", a medical or computer attack, a natural death, a work of fiction).
2. General news: in an article about markets, sport, shows or politics that is not itself a
   conflict or crime story, a violence word that is often figurative counts only with literal
   support in its own sentence: a weapon, an armed party, a toll of killed or wounded, or a
   person on the receiving end of a physical act ("a man was shot in the thigh").
3. Short texts (headlines, snippets, coder notes: under five sentences) are too short to weigh;
   with words of those fields and no word of violence, a figurative-prone word needs people on
   either side of it (the events component's reading of its roles).

Measured on the BBC corpus with bench/general_news_precision.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

# Violence words that business, sport, shows and politics use figuratively (lemmas): they need
# literal support in general news. Words that are seldom figurative (murder, stab, behead,
# kidnap, massacre, airstrike, gunfight, lynch, rape) are not here and always count.
FIGURATIVE = {
    "hit", "strike", "attack", "battle", "fight", "fighting", "target", "fire", "firing", "raid", "storm", "assault",
    "blast", "clash", "combat", "offensive", "engage", "capture", "seize", "take", "overrun", "explode", "explosion",
    "bomb", "bombard", "bombardment", "barrage", "shell", "shoot", "shooting", "beat", "ambush", "torch", "burn",
    "destroy", "kill", "killing", "die", "death", "dead", "victim", "casualty", "wound", "injure", "hurt", "hack",
    "lash", "whip", "club", "regain", "recapture", "retake", "reclaim", "liberate", "win", "push", "drive", "clear",
    "free", "oust", "repel", "repulse", "execute", "invade", "hijack", "hostage", "violence", "mob", "go",
    "detonate", "skirmish", "charge", "stone", "flog", "machete", "purge", "flush", "attacker", "slay",
}
# Acts done to a body: a person on the receiving end makes them literal ("a man was shot").
BODILY = {"attack", "assault", "shoot", "stab", "hit", "strike", "beat", "whip", "club", "lash", "hack", "kill",
          "killing", "wound", "injure", "hurt", "torch", "burn", "stone", "flog", "execute"}
# Literal support in a sentence: weapons, armed parties, a toll (word forms, lower case).
WEAPONS = {
    "gun", "guns", "gunman", "gunmen", "gunfire", "gunshot", "gunshots", "rifle", "rifles", "pistol", "pistols",
    "firearm", "firearms", "bullet", "bullets", "knife", "knives", "machete", "machetes", "panga", "pangas",
    "grenade", "grenades", "explosives", "missile", "missiles", "mortar", "mortars", "artillery", "airstrike",
    "airstrikes", "teargas", "ammunition", "arrows", "ied", "ieds", "landmine", "landmines", "warplanes",
    "shotgun", "ak-47", "bomber", "bombers", "bombing", "bombings", "weapon", "weapons", "rockets", "shells",
}
ARMED = {
    "police", "policeman", "policemen", "policewoman", "soldier", "soldiers", "troops", "army", "military",
    "militant", "militants", "insurgent", "insurgents", "militia", "militias", "militiamen", "terrorist",
    "terrorists", "jihadist", "jihadists", "attacker", "attackers", "assailant", "assailants", "bandit", "bandits",
    "robber", "robbers", "kidnapper", "kidnappers", "hijacker", "hijackers", "thug", "thugs", "rioters", "looters",
    "raiders", "gangsters", "guerrilla", "guerrillas", "paramilitary", "paramilitaries", "gendarmes",
    "burglar", "burglars", "mob", "gang", "gangs", "rebels", "separatists", "extremists",
}
TOLL = {"killed", "murdered", "wounded", "stabbed", "dead", "massacre", "massacred", "bloodied", "bleeding",
        "beheaded", "lynched", "raped", "tortured", "kidnapped", "abducted", "hostages", "shot", "arrested",
        "detained", "torture"}
VIOLENT_ADVERBS = {"violently", "brutally", "fatally", "savagely", "physically", "viciously", "mercilessly"}
# A disaster or mishap in the sentence: its dead and its "worst hit" areas are no violence.
DISASTERS = {"earthquake", "quake", "tsunami", "flood", "floods", "flooding", "storm", "storms", "hurricane",
             "typhoon", "cyclone", "landslide", "mudslides", "avalanche", "disaster", "crash", "accident",
             "accidents", "drought", "famine", "epidemic", "disease", "cancer", "illness"}
# People on the receiving end of a bodily act.
PERSON_NOUNS = {
    "man", "woman", "men", "women", "boy", "girl", "child", "children", "civilian", "villager", "resident",
    "student", "teenager", "youth", "wife", "husband", "mother", "father", "son", "daughter", "baby", "officer",
    "guard", "pedestrian", "passenger", "driver", "worker", "farmer", "protester", "demonstrator", "journalist",
    "victim", "prisoner", "inmate", "suspect", "actress", "actor", "singer", "rapper", "friend", "neighbour",
    "neighbor", "tourist", "people", "person",
}
HUMAN_PRONOUNS = {"he", "she", "him", "her", "they", "them", "i", "me", "we", "us", "who", "whom"}
# Words of the fields that use violence words figuratively: markets, companies, sport, shows, politics.
FIGURATIVE_CONTEXT = {
    "market", "markets", "shares", "stock", "stocks", "price", "prices", "profit", "profits", "revenue", "sales",
    "investor", "investors", "economy", "inflation", "export", "exports", "import", "imports", "company",
    "companies", "firm", "firms", "bank", "banks", "bid", "bidder", "bidders", "takeover", "brand", "customers",
    "consumers", "growth", "earnings", "quarter", "billion", "percent", "%", "interest", "rates",
    "match", "matches", "league", "season", "team", "teams", "club", "clubs", "goal", "goals", "championship",
    "tournament", "coach", "player", "players", "game", "games", "cup", "final", "striker", "midfielder",
    "film", "films", "movie", "album", "song", "singer", "actor", "actress", "star", "series", "episode", "show",
    "fans", "weather", "temperatures", "technology", "app", "users", "software", "website",
    "mps", "labour", "tory", "tories", "budget", "chancellor", "manifesto",
    "award", "awards", "chart", "band", "music", "festival", "title", "medal", "race", "computer", "online",
}
# Works whose story a sentence may tell ("a film about the bombings", "the novel depicts a murder").
WORKS = {"film", "films", "movie", "movies", "book", "books", "novel", "novels", "show", "shows", "drama", "dramas",
         "play", "plays", "thriller", "documentary", "game", "games", "story", "stories", "song", "songs",
         "album", "musical", "opera", "sequel", "comedy", "soap", "trilogy", "script", "tale", "shooter",
         "shoot-em-up", "shoot-'em-up", "shoot-em-ups", "lyrics", "title", "titles", "sitcom", "cartoon", "comic",
         "character", "characters", "screenplay", "biopic", "miniseries"}
TELLING = {"depict", "portray", "tell", "chronicle", "follow", "show", "feature", "recount", "dramatise",
           "dramatize", "star", "involve", "let", "see", "cast"}
# Objects that make a violence verb a measure, a rank or a goal ("hit a record high", "hit the headlines").
MEASURE_OBJECTS = {
    "high", "highs", "low", "lows", "record", "records", "level", "levels", "peak", "headlines", "headline",
    "shelves", "top", "form", "mark", "figure", "note", "button", "jackpot", "woodwork",
    "upright", "crossbar", "ball", "screens", "cinemas", "streets", "airwaves", "momentum", "traction",
    "confidence", "title", "crown", "trust", "tears",
}
# Abstract objects: attacking or fighting these is argument, not violence.
ABSTRACT_OBJECTS = {
    "plan", "plans", "policy", "policies", "proposal", "proposals", "record", "idea", "ideas", "decision",
    "decisions", "legislation", "law", "laws", "bill", "ban", "ruling", "claims", "claim", "allegations", "charges",
    "case", "remarks", "comments", "scheme", "schemes", "strategy", "approach", "stance",
    "spending", "tax", "taxes", "budget", "reform", "reforms", "privatisation", "privatisations", "system",
    "government's", "change", "changes", "poverty", "crime", "terror", "terrorism", "corruption", "disease",
    "aids", "cancer", "inflation", "unemployment", "racism", "discrimination", "fraud", "piracy", "spam",
    "viruses", "virus", "obesity", "competition", "opposition", "move", "moves", "deal", "offer", "bid", "takeover",
    "merger", "sale", "tabloids", "media", "press", "newspaper", "newspapers", "magazines", "tide", "behaviour",
    "drinking", "smoking", "drugs", "odds", "chances", "hopes", "costs", "ball", "tie", "time", "model",
    "opportunities", "opportunity", "career", "mood", "buzz",
}
FIRE_OBJECTS = {"fire", "fires", "blaze", "blazes", "flames", "wildfire", "wildfires", "bushfire", "bushfires"}
# Nouns whose "attack" is an illness or a computer break-in ("a heart attack", "denial of service attacks").
NON_VIOLENT_ATTACKS = {"heart", "panic", "asthma", "anxiety", "cyber", "cyber-attack", "virus", "viruses", "worm",
                       "hacker", "hackers", "net", "web", "online", "computer", "network", "internet", "service",
                       "phishing", "spam", "malicious", "dos", "ddos", "e-mail", "email", "software", "data"}
# Causes of a natural death ("died of cancer", "after a long illness").
NATURAL_DEATH = {"cancer", "illness", "disease", "failure", "stroke", "pneumonia", "aids", "hiv", "complications",
                 "causes", "age", "sleep", "heart", "tumour", "tumor", "leukaemia", "leukemia", "infection",
                 "alzheimer", "alzheimer's", "parkinson", "parkinson's", "emphysema", "malaria", "overdose"}
# Nouns a violence word may only name a kind of, not an act ("a shell company", "a murder mystery").
KIND_HEADS = {"company", "companies", "firm", "firms", "corporation", "egg", "suit", "mystery", "genre", "sound",
              "music", "band", "tools", "scene", "scientist", "scientists", "squad", "film", "films", "movie", "game",
              "games", "show", "drama", "series", "novel", "book", "song", "album", "story", "video", "chart",
              "charts", "single", "singles", "record", "musical", "machine", "scheme", "ratings", "chest", "plan"}
WEATHER = {"rain", "rains", "storm", "storms", "wind", "winds", "snow", "weather", "gale", "gales", "waves", "flood",
           "floods", "hurricane", "typhoon", "tornado", "blizzard", "hail", "sun", "heat", "frost", "cold"}
DISMISSED = {"staff", "employee", "employees", "worker", "workers", "executive", "executives", "manager", "managers",
             "coach", "boss", "chief", "director", "head", "people", "person", "he", "she", "they", "him", "her",
             "them", "attendant", "presenter", "editor", "officials", "official", "member", "members"}
# Words that make a short text's violence literal (a headline or a snippet too short to weigh).
SHORT_LITERAL = {
    "gun", "guns", "gunman", "gunmen", "gunfire", "rifle", "rifles", "pistol", "bullet", "bullets", "bomb",
    "bombs", "explosive", "explosives", "grenade", "grenades", "missile", "missiles", "rocket", "rockets",
    "drone", "drones", "airstrike", "airstrikes", "artillery", "mortar", "mortars", "shell", "shells",
    "weapon", "weapons", "knife", "machete", "troops", "soldier", "soldiers", "army", "militant", "militants",
    "police", "policeman", "policemen", "officers", "forces", "rebel", "rebels", "insurgent", "insurgents",
    "fighter", "fighters", "militia", "militias", "terrorist", "terrorists", "jihadist", "jihadists",
    "killed", "murdered", "murder", "killer", "shot", "stabbed", "hostage", "hostages", "bandits", "gang",
    "attacker", "attackers", "assailant", "assailants", "war", "civilians", "casualties", "bodies", "body",
    "massacre", "suicide", "jets", "warplanes", "helicopter", "tank", "tanks", "protesters", "rioters", "mob",
    "raiders", "village", "villagers", "camp", "checkpoint", "base", "armed", "ethnic", "clan", "clans", "tribal",
    "rustlers", "rustling", "arson", "arsonists", "gunshot", "violence", "violent", "unrest", "insurgency",
    "killings", "youths", "supporters", "communities",
}
# Words of conflict that sport and business seldom borrow: a text told in them is a conflict story.
CONFLICT_WORDS = {"violence", "violent", "riot", "riots", "rioting", "arson", "looting", "ethnic", "clan", "clans",
                  "militia", "murder", "murdered", "stabbed", "stabbing", "abducted", "kidnapped", "raped",
                  "fatalities", "bodies", "attackers", "massacre", "lynched", "teargas", "tear", "wounded", "stones",
                  "stoned"}
# Modifiers that make an act violent by themselves ("a chemical attack", "cattle raids", "a deadly attack").
VIOLENT_MODIFIERS = {"chemical", "gas", "suicide", "bomb", "car", "rocket", "mortar", "missile", "grenade", "arson",
                     "acid", "knife", "gun", "machete", "mob", "ethnic", "sectarian", "deadly", "fatal", "bloody",
                     "cattle", "livestock", "revenge", "reprisal", "retaliatory", "armed", "terror", "terrorist",
                     "militant", "rebel", "insurgent", "drone", "air", "artillery", "sniper", "brutal", "violent",
                     "racist", "homophobic", "sexual", "vicious", "savage", "physical", "murderous", "petrol"}
# Targets that make an attack literal: places where people are ("an attack on the village").
PLACE_TARGETS = {"village", "villages", "town", "camp", "camps", "base", "bases", "station", "school", "church",
                 "mosque", "temple", "home", "homes", "house", "houses", "embassy", "checkpoint", "convoy", "farm",
                 "farms", "hotel", "restaurant", "bar", "pub", "pubs", "nightclub", "club", "shop", "shops",
                 "hospital", "prison", "barracks", "outpost", "post", "compound", "residence", "building",
                 "office", "offices", "bus", "train", "vehicle", "car", "police", "patrol", "troops", "city"}
PLACE_ACTS = {"attack", "raid", "storm", "bomb", "shell", "bombard", "fire", "torch", "burn", "invade", "ambush",
              "assault"}
# Words of a game's or a work's story; violence in their sentence is fiction, in general news.
STORY_WORDS = {"game", "games", "gamer", "gamers", "gameplay", "multiplayer", "console", "consoles", "shooter",
               "shoot-'em-up", "shoot-'em-ups", "shoot-em-up", "film", "novel", "thriller", "sequel", "screenplay",
               "character", "characters", "fictional", "soap", "musical", "opera", "zombies", "aliens", "monsters"}
SEARCHES = {"raid", "swoop", "search"}
# Damage words business and tech use: stealing data, destroying value, burning cash.
PROPERTY_PRONE = {"steal", "rob", "destroy", "burn", "seize", "loot", "plunder", "ransack", "torch"}
# Protest words sport, markets and shows use: "rallied to win", "demonstrated the phone", "market unrest".
PROTEST_PRONE = {"rally", "demonstrate", "block", "blockade", "unrest", "march", "occupy"}
CROWD = {"protesters", "protestors", "demonstrators", "marchers", "crowd", "crowds", "activists", "strikers",
         "pickets", "placards", "banners", "streets", "thousands", "hundreds", "supporters", "students", "workers",
         "campaigners", "rioters", "youths", "residents", "villagers", "farmers", "union", "unions", "people",
         "thousand", "protest", "protests", "demonstration", "demonstrations", "marches", "youth", "muslims",
         "christians", "mob", "traders", "teachers", "doctors", "nurses", "drivers"}
# Mishaps whose dead and wounded are no violence ("killed in a crash", "injured in a tackle").
MISHAPS = {"crash", "accident", "collision", "tackle", "fall", "stampede", "drown", "drowning", "overdose", "blaze",
           "derail", "sink", "capsize", "collapse"}
ARMED_FORCES = {"security", "armed", "government", "special", "coalition", "rebel", "allied", "enemy", "military",
                "police", "air", "naval", "ground", "federal", "pro-government", "opposition", "occupying"}
VIOLENT_CAUSES = {"violence", "attack", "clash", "clashes", "shooting", "bombing", "blast", "explosion", "assault",
                  "riot", "fighting", "raid", "airstrike", "shelling", "gunfire", "crossfire", "stabbing", "beating",
                  "torture", "massacre", "ambush", "gunman", "gunmen", "police", "troops", "soldiers", "militants"}
HARM = {"die", "death", "dead", "kill", "killing", "injure", "hurt", "wound", "victim", "casualty"}
ACCIDENT_WORDS = {"earthquake", "quake", "tsunami", "flood", "storm", "landslide", "avalanche", "hurricane", "cyclone",
                  "typhoon", "disaster", "training", "match", "game", "race"}
GO_OFF_SUBJECTS = {"bomb", "device", "explosive", "grenade", "mine", "landmine", "ied", "charge", "rocket", "shell",
                   "mortar", "blast", "explosion", "car", "vehicle", "motorcycle", "vest", "belt", "parcel",
                   "package", "it", "one", "which", "that", "another", "second", "first"}
COMPUTER_THINGS = {"account", "accounts", "system", "systems", "site", "sites", "website", "websites", "computer",
                   "computers", "network", "networks", "server", "servers", "phone", "phones", "email", "e-mail",
                   "emails", "database", "databases", "protection", "code", "game", "software", "data", "pc", "pcs"}
HACKING_HEADS = COMPUTER_THINGS | {"campaign", "row", "attack", "attacks", "group", "scandal", "claims"}
# Prepositions whose object is what an act is aimed at ("an attack on the plans", "the fight against poverty").
OBJECT_PREPS = {"attack": ("on", "against"), "assault": ("on", "against"), "fight": ("against",),
                "battle": ("against",), "combat": ("against",), "victim": ("of",), "hit": ("with",), "lash": ("at",),
                "target": ("at",), "strike": ("at",)}
ADVOCATE_VERBS = {"incite", "promote", "glorify", "condone", "encourage", "advocate", "justify", "preach", "glamorise",
                  "glamorize", "celebrate"}
MEASURING = {"hit", "regain", "fight", "battle", "shoot", "storm", "capture", "seize", "take", "beat", "strike",
             "reclaim", "retake", "win", "blast"}
FICTION_MODIFIERS = {"fictional", "fictitious", "imaginary", "virtual", "simulated", "mock", "staged", "on-screen",
                     "onscreen", "cartoon", "pretend", "fake"}
BARRAGE = {"shelling", "rocket", "shell", "missile", "bomb", "mortar", "artillery", "gunfire", "airstrike", "grenade",
           "jet", "warplane", "aircraft", "plane", "helicopter", "gunship", "tank", "drone", "ship", "warship"}
# Disasters that make an article's dead a disaster's dead when no weapon or armed party is named with them.
NATURAL_DISASTERS = {"tsunami", "earthquake", "quake", "hurricane", "cyclone", "typhoon", "flood", "floods",
                     "flooding", "landslide", "landslides", "avalanche", "famine", "drought", "epidemic", "tornado",
                     "tidal"}
CURRENCY = {"$", "£", "€", "¥"}
_SCORE = re.compile(r"^\d+-\d+$")


def drop_figurative(doc: Doc, triggers: list, has_people: Callable[[Token], bool]) -> list:
    """Drop violence read from words used figuratively (see the module docstring): idioms in any
    article; in general news, figurative-prone words without literal support in their sentence.
    A text too short to tell (a headline, a snippet) that has words of markets, sport or shows and
    no word of violence keeps a figurative-prone word only when people stand on either side of it
    (`has_people`, the events component's reading of the trigger's roles)."""
    if not any(t.cls.family in ("violence", "protest", "coerce") for t in triggers):
        return triggers
    kind = None
    kept = []
    for t in triggers:
        family, token = t.cls.family, t.token
        if family == "violence" and idiom(token):
            continue
        if family in ("violence", "protest", "coerce"):
            kind = news_kind(doc) if kind is None else kind
            if kind == "general" and not _counts_in_general_news(t, family, token):
                continue
            if kind == "short figurative" and family == "violence" and \
                    token.lemma_.lower() in FIGURATIVE and not has_people(token):
                continue
        kept.append(t)
    return kept


def _counts_in_general_news(t, family: str, token: Token) -> bool:
    """Whether a trigger of general news is literal: violence and damage need a weapon, an armed
    party, a toll or a person hurt in their sentence ("riot police battled with fans"); a word of
    protest that sport and markets use ("rallied", "demonstrated", "unrest") needs a crowd."""
    lemma = token.lemma_.lower()
    if family == "violence":
        if lemma not in FIGURATIVE:
            return True
        if _story_sentence(token.sent):
            return False  # "gamers must battle soldiers and zombies", "the film's hero is shot"
        if lemma in SEARCHES:  # "police raided the firm's offices": a search
            return _literal_harm(token) or _violent_modifier(token)
        return literal(token)
    if family == "coerce":
        return t.cls.name != "property" or lemma not in PROPERTY_PRONE or literal(token)
    return lemma not in PROTEST_PRONE or _crowd(token)


# ---------------------------------------------------------------- the article
def news_kind(doc: Doc) -> str:
    """The kind of an article (see `_news_kind`), worked out once per document: both the violence
    filter and the diplomacy filter ask."""
    kind = doc.user_data.get(NEWS_KIND_KEY)
    if kind is None:
        kind = doc.user_data[NEWS_KIND_KEY] = _news_kind(doc)
    return kind


NEWS_KIND_KEY = "dyad.news_kind"


def _news_kind(doc: Doc) -> str:
    """"general" for an article about markets, sport, shows or politics rather than a conflict or
    crime story: it has words of those fields, and few of its sentences name a weapon, an armed
    party or a toll (conflict reports name them sentence after sentence; a match report that
    mentions riot police once does not become a conflict story). A text too short to tell (under
    five sentences) is "short figurative" when it has such words and no word of violence at all,
    else "conflict"."""
    words = {t.lower_ for t in doc}
    if not words & FIGURATIVE_CONTEXT:
        return "conflict"
    sents = list(doc.sents)
    if len(sents) < 5:
        return "conflict" if doc._.casualties or words & SHORT_LITERAL else "short figurative"
    violent = sum(1 for s in sents if any(_armed_cue(t) or _toll_cue(t) or t.lower_ in CONFLICT_WORDS for t in s))
    return "general" if violent < 0.25 * len(sents) else "conflict"


def general_news(doc: Doc) -> bool:
    return news_kind(doc) == "general"


def _armed_cue(token: Token) -> bool:
    """A weapon or an armed party ("gunmen", "riot police", "Israeli forces"), not a band or a
    title ("The Police") nor market forces."""
    low = token.lower_
    if low in ("forces", "force"):
        return any(c.dep_ in ("amod", "compound") and (c.lower_ in ARMED_FORCES or c.ent_type_ in ("NORP", "GPE"))
                   for c in token.children)
    return (low in WEAPONS or low in ARMED) and token.ent_type_ not in ("WORK_OF_ART", "PERSON")


def _toll_cue(token: Token) -> bool:
    """A word of a toll: "killed", "shot" as a verb (not a shot at goal), "dead" not as a modifier
    ("a dead heat")."""
    low = token.lower_
    if low not in TOLL:
        return False
    if low == "shot":
        return token.pos_ == "VERB"
    if low == "dead":  # "two dead", "shot dead", "the dead" but not "a dead heat"
        return token.dep_ != "amod" or token.head.like_num or token.head.pos_ == "NUM" or \
            token.head.lemma_.lower() in PERSON_NOUNS
    return True


# ---------------------------------------------------------------- literal support
def literal(token: Token) -> bool:
    """Whether a figurative-prone violence word is literal: its sentence names a weapon, an armed
    party or a toll (other than the word itself) and tells of no disaster, or a person is on the
    receiving end of a bodily act ("a man was shot in the thigh", "beaten to death")."""
    sent = token.sent
    armed = toll = False
    for t in sent:
        if t.i == token.i:
            continue
        if _armed_cue(t) and not idiom(t):
            armed = True
            break
        toll = toll or _toll_cue(t) and not idiom(t)
    if armed:
        return True
    if any(t.lower_ in DISASTERS or t.lemma_.lower() in MISHAPS for t in sent):
        return False  # "the waves killed 30,000 people", "the worst hit areas", "the plane crashed"
    if token.lemma_.lower() in HARM and _disaster_story(token.doc):
        return False  # a tsunami story's "more than 5,000 people were killed"
    if toll:
        return True
    lemma = token.lemma_.lower()
    if _violent_modifier(token):
        return True
    if lemma in PLACE_ACTS and _place_target(token):
        return True
    if lemma in HARM and _violent_cause(token):
        return True
    if lemma in BODILY and _bodily_patient(token):
        return True
    return False


def _disaster_story(doc: Doc) -> bool:
    """Whether an article tells of a natural disaster (its dead, named without a weapon, are the
    disaster's). Cached on the doc's user data: asked once per article."""
    key = "dyad_figurative_disaster"
    if key not in doc.user_data:
        doc.user_data[key] = any(t.lower_ in NATURAL_DISASTERS for t in doc)
    return doc.user_data[key]


def _violent_modifier(token: Token) -> bool:
    """"a chemical attack", "cattle raids", "a deadly attack": the act's own modifier is violent."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in VIOLENT_MODIFIERS or c.lower_ in VIOLENT_ADVERBS
               for c in token.children)


def _literal_harm(token: Token) -> bool:
    """A weapon or a toll in the sentence (an armed party alone does not make a police raid violent)."""
    return any(t.i != token.i and (t.lower_ in WEAPONS or _toll_cue(t)) for t in token.sent)


def _story_sentence(sent) -> bool:
    """A sentence about a work or a game, whose violence is its story ("the game lets you shoot
    zombies", "a film about the bombings", "Weapons include grenades")."""
    return any(t.lower_ in STORY_WORDS for t in sent)


def _crowd(token: Token) -> bool:
    """A crowd, protesters or the police in the sentence of a protest word."""
    return any(t.i != token.i and (t.lower_ in CROWD or _armed_cue(t)) for t in token.sent)


def _violent_cause(token: Token) -> bool:
    """Dead or hurt by violence: "died as a result of gender-based violence", "killed in the shooting"."""
    stack = [c for c in token.children if c.dep_ in ("prep", "agent", "advcl")]
    for _ in range(5):
        nxt = []
        for t in stack:
            if t.lemma_.lower() in VIOLENT_CAUSES or t.lower_ in VIOLENT_CAUSES:
                return True
            nxt += [c for c in t.children if c.dep_ in ("pobj", "prep", "pcomp", "compound", "amod")]
        stack = nxt
    return False


def _place_target(token: Token) -> bool:
    """A place where people are, on the receiving end ("an attack on a village", "raided the farm",
    "the World Trade Center was attacked"): a building or a settlement is attacked literally."""
    objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "in")
             for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in PLACE_TARGETS or o.lower_ in PLACE_TARGETS or o.ent_type_ == "FAC" for o in objs)


def _bodily_patient(token: Token) -> bool:
    """A person on the receiving end of a bodily act: the object or passive subject is a person
    ("shot a man", "Smith was attacked", "beat him up"), or the act ends in death ("to death")."""
    lemma = token.lemma_.lower()
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
           for c in token.children):
        return True
    if lemma == "beat" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False  # beating a person is winning a contest, beating him up is not
    if lemma in ("kill", "killing"):
        obj = _patient(token)  # "accused of killing", "the columnist who was killed": a killing unless of a thing
        return obj is None or not (obj.lemma_.lower() in ABSTRACT_OBJECTS or obj.lower_ in ABSTRACT_OBJECTS or
                                   obj.ent_type_ in ("LAW", "WORK_OF_ART", "PRODUCT", "ORG", "EVENT"))
    obj = _patient(token)
    return obj is not None and _person(obj) and lemma not in ("hit", "strike", "hurt")


def _patient(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        return _patient(token.head)  # "were persecuted, beaten up and arrested"
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return token.head  # "a man shot outside a club"
    if token.dep_ == "relcl" and any(c.dep_ == "nsubjpass" for c in token.children):
        return token.head
    if token.pos_ == "NOUN":  # "the killing of 14 civilians", "an attack on a journalist"
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "against"):
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _person(token: Token) -> bool:
    if token.lower_ in ("who", "that") and token.head.dep_ == "relcl":
        token = token.head.head
    return token.ent_type_ == "PERSON" or token.lower_ in HUMAN_PRONOUNS or token.lemma_.lower() in PERSON_NOUNS \
        or token.lower_ in PERSON_NOUNS


# ---------------------------------------------------------------- idioms
def idiom(token: Token) -> bool:
    """A violence word in a fixed figurative use, whatever the article (see the checks below)."""
    lemma = token.lemma_.lower()
    return (_hyphen_modifier(token) or _kind_modifier(token) or _success(token, lemma)
            or _measure(token, lemma) or _rise(token, lemma) or _dismissal(token, lemma) or _weather(token)
            or _non_violent_attack(token, lemma) or _natural_death(token, lemma) or _abstract_object(token, lemma)
            or _fiction(token) or _sport_score(token, lemma) or _accident(token, lemma) or _went_off(token, lemma)
            or lemma == "wind" and any(c.lower_ == "up" for c in token.children)  # "wound up": not a wound
            or _storm_noun(token, lemma) or _advocated(token)
            or lemma == "kill" and any(c.lower_ == "off" for c in token.children))  # "killed off": a role ends


def _storm_noun(token: Token, lemma: str) -> bool:
    """"a media storm", "the centre of a storm": a storm with a determiner and no armed party in it
    (a headline's "Gunmen storm village" is the verb the tagger missed)."""
    if lemma != "storm" or token.pos_ != "NOUN":
        return False
    kids = list(token.children)
    return any(c.dep_ in ("det", "poss", "amod") for c in kids) and \
        not any(c.lower_ in ARMED or c.ent_type_ in ("ORG", "NORP", "PERSON", "GPE") for c in kids)


def _advocated(token: Token) -> bool:
    """"a song inciting violence", "accused of promoting violence against women": violence urged or
    condoned is a charge against a speaker, not an act."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in ADVOCATE_VERBS


def _hyphen_modifier(token: Token) -> bool:
    """"scandal-hit", "tsunami-hit", "crime-fighting", "war-torn": a hyphenated modifier describes, it
    tells no act."""
    i = token.i
    doc = token.doc
    if token.dep_ not in ("amod", "compound") or token.head.lemma_.lower() in FIGURATIVE or \
            token.head.lower_ in WEAPONS:
        return False  # "a car-bomb attack", "a suicide-bomb blast": the act is the head
    joined = i > 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    if joined and doc[i - 2].lower_ in VIOLENT_MODIFIERS:
        return False  # "petrol-bombed the offices", "car-bombed": a weapon named in the word
    return joined or "-" in token.text


def _kind_modifier(token: Token) -> bool:
    """A violence noun naming a kind of thing: "a shell company", "a murder mystery", "hit film"."""
    return token.dep_ in ("compound", "amod", "nmod") and token.head.lower_ in KIND_HEADS


def _success(token: Token, lemma: str) -> bool:
    """"a hit", "the hit", "hit film", "became a box office hit": a success, not a blow."""
    if lemma != "hit":
        return False
    if any(c.lemma_.lower() in FIGURATIVE or c.lower_ in WEAPONS or c.lemma_.lower() in BARRAGE
           for c in token.children):
        return False  # "blast hits polio team": a headline's blow, whatever the parse
    if any(c.dep_ in ("det", "poss", "nummod") or c.dep_ in ("compound", "amod") and c.i < token.i
           for c in token.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("worst", "hardest", "badly", "severely", "hard")
           for c in token.children):
        return True  # "the worst hit areas": how much something suffered
    return token.dep_ in ("amod", "compound", "attr", "dobj", "pobj", "appos")


def _measure(token: Token, lemma: str) -> bool:
    """"hit a record high", "hit the headlines", "regained momentum", "fought back tears": a level, a
    rank or a goal reached."""
    if token.pos_ != "VERB" or lemma not in MEASURING:
        return False
    for c in token.children:
        if c.dep_ in ("dobj", "attr") and (c.lower_ in MEASURE_OBJECTS or c.lemma_.lower() in MEASURE_OBJECTS):
            return True
        if lemma == "hit" and c.dep_ == "dobj" and _amount(c):
            return True  # "the deficit hit $412bn"
    return False


def _amount(token: Token) -> bool:
    """A sum, a share or a count ("$412bn", "7%", "1.2 million")."""
    return token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or token.text[:1].isdigit() or \
        any(g.text in CURRENCY for g in token.children)


def _rise(token: Token, lemma: str) -> bool:
    """"shares shot up 7%", "shot to fame", "stormed to victory", "fired up": a rise or a rush."""
    if lemma not in ("shoot", "storm", "fire", "blast", "rocket", "soar"):
        return False
    for c in token.children:
        if c.dep_ == "prt" and c.lower_ in ("up", "away"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and lemma in ("shoot", "storm", "blast"):
            return not any(g.lower_ == "death" for g in c.children)
        if c.dep_ in ("advmod", "acomp", "prt") and c.lower_ in ("wide", "over", "high", "clear", "home", "straight",
                                                                   "wildly", "past"):
            return True
    return False


def _dismissal(token: Token, lemma: str) -> bool:
    """"100 staff were fired", "fired the coach": firing a person is dismissing them (one fires at
    people, or fires shots)."""
    if lemma != "fire" or token.pos_ != "VERB":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into") for c in token.children):
        return False  # "fired at the crowd", "was fired upon"
    obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and token.dep_ == "amod":
        obj = token.head  # "a fired flight attendant"
    return obj is not None and (obj.ent_type_ == "PERSON" or obj.lemma_.lower() in DISMISSED
                                or obj.lower_ in DISMISSED)


def _weather(token: Token) -> bool:
    """"torrential rain lashed the city", "storms hit the coast": weather does no violence."""
    subj = next((c for c in token.children if c.dep_ in ("nsubj", "agent")), None)
    if subj is not None and subj.dep_ == "agent":
        subj = next((g for g in subj.children if g.dep_ == "pobj"), None)
    return subj is not None and subj.lemma_.lower() in WEATHER


def _non_violent_attack(token: Token, lemma: str) -> bool:
    """"a heart attack", "denial of service attacks", "net attacks", "hacked the system": an illness
    or a computer break-in."""
    if lemma == "hack":  # "hacked the website", not "hacked to death", "hacked with a panga"
        if token.dep_ in ("amod", "compound") and token.head.lower_ in HACKING_HEADS:
            return True  # "a hacking campaign", "a hacking row"
        return any(c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in COMPUTER_THINGS or c.ent_type_ in
                                                        ("ORG", "PRODUCT")) for c in token.children)
    if lemma not in ("attack", "strike", "assault", "raid"):
        return False
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") and c.lower_ in NON_VIOLENT_ATTACKS
               for c in token.children) or any(c.dep_ == "prep" and any(g.lower_ in NON_VIOLENT_ATTACKS
                                                                       for g in c.children)
                                               for c in token.children if c.lower_ == "of")


def _natural_death(token: Token, lemma: str) -> bool:
    """"has died of cancer aged 77", "died in his sleep", "after a long illness": a natural death."""
    if lemma not in ("die", "death", "dead"):
        return False
    near = [c for c in token.children] + [g for c in token.children if c.dep_ in ("prep", "npadvmod", "advcl")
                                         for g in c.children]
    near += [g for c in near if c.dep_ == "pobj" for g in c.children if g.dep_ in ("amod", "compound")]
    for c in near:
        if c.lower_ in NATURAL_DEATH or c.lower_ == "aged":
            return True
        if c.dep_ == "pobj" and c.head.lower_ == "at" and c.like_num:
            return True  # "has died in Germany at 50"
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in ("it", "this", "that", "democracy", "industry", "market", "genre")


def _abstract_object(token: Token, lemma: str) -> bool:
    """"attacked the plans", "fighting poverty", "the fight against Aids", "victims of cyber-crime",
    "killed the bill": an act against an idea, an ill or a thing of the market is argument or effort."""
    if lemma == "bombard":
        return _bombarded_with(token)
    if lemma not in ("attack", "fight", "battle", "combat", "target", "kill", "hit", "victim", "strike", "lash",
                     "shoot", "tackle", "assault", "engage", "beat"):
        return False
    objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS.get(lemma, ()):
            objs += [g for g in c.children if g.dep_ == "pobj"]
        if c.dep_ == "prt" and c.lower_ == "out":  # "lashed out at the policies"
            objs += [g for p in token.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    for o in objs:
        low, lem = o.lower_, o.lemma_.lower()
        if low in FIRE_OBJECTS and lemma in ("fight", "battle", "combat", "tackle"):
            return True  # "fighting the blaze": firefighting
        if low in ABSTRACT_OBJECTS or lem in ABSTRACT_OBJECTS or (lemma == "victim" and "-" in low):
            return True
    return False


def _bombarded_with(token: Token) -> bool:
    """"bombarded with e-mails", "bombarded by people": what rains down is no shell or rocket."""
    what = [g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "by")
            for g in c.children if g.dep_ == "pobj"]
    return bool(what) and not any(w.lower_ in WEAPONS or w.lemma_.lower() in FIGURATIVE or
                                  w.lemma_.lower() in BARRAGE or _armed_cue(w) or w.pos_ not in ("NOUN", "PRON")
                                  or w.ent_type_ for w in what)


def _fiction(token: Token) -> bool:
    """A violence word in a work's story: "a film about the bombings", "the novel depicts a murder",
    "a game that involves killing aliens"."""
    if any(c.dep_ == "amod" and c.lower_ in FICTION_MODIFIERS for c in token.children):
        return True  # "a fictional chemical attack"
    t = token
    for _ in range(5):
        if t.dep_ == "pobj" and t.head.lower_ == "about" and t.head.head.lower_ in WORKS:
            return True
        head = t.head
        if head is t:
            return False
        if head.lemma_.lower() in ("depict", "portray", "dramatise", "dramatize", "re-enact", "reenact", "simulate",
                                   "mimic", "recreate", "re-create"):
            return True  # "Dirty War depicts a dirty bomb attack"
        if head.lemma_.lower() in TELLING and any(c.dep_ in ("nsubj", "nsubjpass") and
                                                  (c.lower_ in WORKS or c.ent_type_ == "WORK_OF_ART")
                                                  for c in head.children):
            return True
        if head.dep_ == "relcl" and head.head.lower_ in WORKS:
            return True
        t = head
    return False


def _accident(token: Token, lemma: str) -> bool:
    """"injured in a motorcycle crash", "killed in a road accident", "hurt in a tackle": a mishap."""
    if lemma not in HARM:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "after", "during", "from") and
               any(g.dep_ == "pobj" and g.lemma_.lower() in MISHAPS | ACCIDENT_WORDS for g in c.children)
               for c in token.children)


def _went_off(token: Token, lemma: str) -> bool:
    """"a light bulb went off", "the alarm went off": only a bomb or a device goes off as an attack."""
    if lemma != "go":
        return False
    subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() not in GO_OFF_SUBJECTS and subj.lower_ not in WEAPONS


def _sport_score(token: Token, lemma: str) -> bool:
    """"beat Italy 3-1", "were beaten 19-13": a result, not a beating."""
    if lemma not in ("beat", "attack", "hit", "storm", "thrash", "crush", "defeat"):
        return False
    doc = token.doc
    end = min(len(doc), token.sent.end, token.i + 10)
    for t in doc[token.i + 1: end]:
        last = t.i  # "3-1" as one token, or "3", "-", "1"
        if not _SCORE.match(t.text):
            if not (t.like_num and t.i + 2 < end and doc[t.i + 1].text == "-" and doc[t.i + 2].like_num):
                continue
            last = t.i + 2
        if last + 1 >= len(doc) or doc[last + 1].pos_ not in ("NOUN", "PROPN"):
            return True  # not "2-3 people"
    return False


# Who makes an act political: governments, armed and security forces, parties and oppositions,
# courts, intelligence services, IGOs and NGOs (PLOVER's political agents), or a state itself.
POLITICAL_SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "PTY", "JUD", "SPY", "IGO", "NGO"}
STRATEGIC = "Strategic developments"
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "PROTEST"}  # detentions, seizures, protests: judged by their own rules


def _political(doc: Doc, participant: dict | None) -> bool:
    if not participant:
        return False
    if participant.get("sector") in POLITICAL_SECTORS:
        return True
    aid = participant.get("actor")
    return any(a.id == aid and a.kind == "state" for a in doc._.actors or []) if aid else False


def drop_unpolitical(doc: Doc, events: list) -> list:
    """In general news, keep a cooperative or verbal act (not violence, coercion or a protest) only
    when a political actor takes part. Business, sport and show news
    is full of the verbs of diplomacy — clubs "sign" players, firms "agree" deals, companies "meet"
    targets and "offer" products — and event coders (CAMEO/PLOVER with an actor dictionary) code
    an act only between political actors. Violence, protests and arrests keep their own rules."""
    unpolitical = [ev for ev in events if ev.cls.acled_type in (None, STRATEGIC) and ev.cls.plover not in
                   MATERIAL_CONFLICT and not _political(doc, ev.source) and not _political(doc, ev.target)]
    if not unpolitical or not general_news(doc):
        return events
    drop = {id(ev) for ev in unpolitical}
    return [ev for ev in events if id(ev) not in drop]
