"""Places: toponyms recognised in the Doc and resolved to coordinates offline (gazetteer).

Recognition has two sources. The model's GPE/LOC/FAC entities are taken as places (minus
nationality words: "Afghan forces" names a nationality, SPEC keeps those out of `places`). Then a
dictionary scan over capitalised token n-grams finds gazetteer names the model missed or mislabelled
(en_core_web_sm tags "Kunar" ORG); such a name becomes a place only when its context says so —
a type noun ("Kunar province", "the town of Khost"), a coordination with other places ("in
Paktika, Khost, and Kunar provinces"), a locative preposition ("in Kunar") for a prominent name,
a following state or country ("Chowchilla, Calif."), a dateline ("BEIRUT: ..."), the same name
taken as a place elsewhere in the article — because most capitalised words that happen to name a
village somewhere are not places. Country and division names at the edge of an organisation's
name are places too ("Minnesota House", "Madison County Health Department"): the news corpora
annotate them, and they say where the organisation is.

Resolution scores each gazetteer candidate of a mention:
  * prominence: log population, with priors by feature (a country name is the country, not the
    village of "Russia, Ohio"; a city beats its own province of the same name, "Kabul", unless a
    type noun asks for the province);
  * cues: "province"/"state" -> admin1, "county"/"district" -> admin2, "city"/"town" -> city;
  * containment: "Atlanta, Georgia" puts Atlanta in Georgia and picks the US state;
  * the article's focus — the countries and first-level divisions of its other places — and
    nearness to the other places it names.
A first pass without context gives the focus; later passes resolve with it until the readings
settle; repeats of a name then follow its most confident reading.

Everything is dictionary hits on the precompiled gazetteer (`dyad.gazetteer`); nothing scans the
gazetteer per document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.language import Language

from dyad.components import Component
from dyad.gazetteer import Candidate, Gazetteer, distance_km, normalize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_NGRAM = 5
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "al", "el", "du", "des", "da", "do", "upon", "on",
                        "-", "the", "and", "es", "ul", "'s"})
DETERMINERS = frozenset({"the", "The", "THE"})
# Words that open a person's name, never a place's.
TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sr", "Jr", "Sen", "Rep", "Gov", "Prof", "Gen", "Col",
                    "Capt", "Lt", "Sgt", "President", "Minister", "Judge", "Sheikh", "Rev", "MD", "M.D"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                        "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
                        "mid", "downtown", "suburban", "rural", "coastal"})
# British and Irish road numbers ("A417", "M4", "N7") and the countries that number roads so.
ROAD_NUMBER = re.compile(r"[ABMN]\d{1,4}")
ROAD_COUNTRIES = frozenset({"GB", "IE"})
ROAD_NEXT = frozenset({"southbound", "northbound", "eastbound", "westbound", "carriageway", "junction", "road",
                       "motorway", "roundabout", "slip"})
# Words of the calendar: an entity holding one is a date, whatever place shares a word with it.
_CALENDAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|day\b|\b(?:easter|"
                       r"christmas|spring|summer|autumn|fall|winter|week|month|year|night|morning|evening)\b", re.I)
# Distance beyond which a name inside an institution's name is not where the text places the institution.
HELD_KM = 161.0
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                      "eleventh", "twelfth"})
# Plural words for streets after two names ("State and Hubbard streets").
PLURAL_STREETS = frozenset({"streets", "avenues", "roads", "boulevards", "lanes"})
# Words for settlements before "of" + their name ("the village of Nagrig").
SETTLEMENT_WORDS = frozenset({"town", "village", "city", "suburb", "hamlet", "neighbourhood", "neighborhood",
                              "district", "township", "community", "settlement"})
# Compass adjectives as prose writes them before the name of an area ("in eastern Ghouta").
# Words after a town's name that are no surname in a two-word "person" ("Gatundu Market", "Kakuma
# Refugee camp", "Taveta MP", "Hounslow Labour councillors"): a market, a camp, an elected seat or
# the party branch or council of the town.
NO_SURNAME = frozenset({"market", "refugee", "mp", "mca", "ward", "constituency", "labour", "council"})
TRAILING_COMPASS = frozenset({"North", "South", "East", "West", "Central"})  # "Embu East", "Kisumu West"
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                     "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                     "southeastern", "southwestern"})
# Keys that are ordinary words far more often than the villages that carry them.
BLOCKED_KEYS = frozenset({"us"})  # the country only when written "US" / "U.S."
# Generic coastline words: "the West Coast" is not Western Australia (one of its alternate names).
GENERIC_KEYS = frozenset({"west coast", "east coast", "north coast", "south coast", "gulf coast",
                          "the west", "the east", "the north", "the south"})
# Entities whose words never open a facility's name (a PERSON may: the model tags "Meydan Racecourse" so).
FACILITY_SKIP = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY",
                           "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE", "NORP"})
# Readings precise enough to hold a street or a building ("landmark" rows sit at their city).
TOWNISH = frozenset({"city", "admin2", "landmark"})
# Words between a located name and the place that holds it: "Royal Street in New Orleans", "X, Dublin".
CONTAINER_GLUE = frozenset({",", "in", "at", "near", "on", "of", "outside", "the", "-", "(", "in downtown"})
# Population from which a city after "Name," says where the name is ("University of Technology, Owerri,").
BIG_QUALIFIER = 300_000
# Population from which a city's alternate name after a preposition is taken as the city.
BIG_ALT = 200_000
# Population from which a town's acceptance anywhere in an article vouches for its other mentions.
BIG_TOWN = 50_000
# words after a name for a township or parish: "Washington Township" is one of the many so named,
# never the seat of government, so the capital's bonus does not apply
MINOR_DIVISIONS = frozenset({"township", "borough", "parish"})
# words before a team's name ("the Seattle Seahawks", "every Denver Nuggets game"), which a person's name lacks
TEAM_DETERMINERS = frozenset({"the", "every", "each", "a", "an", "their", "our", "this", "that"})
LOCAL_VILLAGE = 1_000  # smallest village taken after a preposition when the story is set around it
LOCAL_KM = 150.0  # ... within this distance of another of the story's places
# Reasons that say in the text itself that a name is a place ("the Riverdale area", "TORRINGTON —",
# "Chowchilla, Calif."): the name's other mentions are the place even where a mis-tagged person's
# name holds the word ("Riverdale Luke Oil" tagged PERSON).
TOLD = frozenset({"cue", "dateline", "adjacent", "qualifier"})
# Reasons for taking a weak mention as a place that also hold for the name's other mentions.
SPREADING = frozenset({"ner", "cue", "list", "adjacent", "prep", "prominent", "spread", "dateline", "landmark",
                       "residence", "district"})
# What follows a dateline: "BEIRUT: ...", "TORRINGTON — ...", "COLUMBIA --- ..."
DATELINE_MARKS = frozenset({"\u2014", "\u2013", "-", ":", ",", "(", "--", "---", "\u2015", "\u201d"})
# US party letters before a legislator's home: "Sen. Bob Casey, D-Pa.", "R-Elbow Lake", "DFL-Cook"
PARTIES = frozenset({"D", "R", "I", "DFL", "GOP"})
# Postal abbreviations that are also English words or other common abbreviations: a division
# only right after a place ("Portland, OR"), never after a preposition or in an organisation's name.
POSTAL_WORDS = frozenset({"IN", "OR", "ME", "ON", "HI", "OK", "OH", "LA", "DE", "ID", "ACT", "SA", "MS", "MD",
                          "PA", "CO", "AL", "MA", "NT", "TAS", "VIC"})
# Legal forms closing company names that are also postal abbreviations ("Cimpress NV", "Volvo AB").
COMPANY_FORMS = frozenset({"NV", "AB", "SA"})
FEATURE_OF_ROW = {"region": "region", "country": "country", "admin1": "admin1", "admin2": "admin2",
                  "city": "city", "landmark": "other"}


def _only_directions(key: str) -> bool:
    """"West", "north east": direction words alone never name a place here (GeoNames has regions
    called "West", Cameroon's for one, and they would catch every "the West")."""
    return key in GENERIC_KEYS or all(w in DIRECTIONS for w in key.split())


@dataclass
class Place:
    id: str
    name: str
    start: int
    end: int
    feature: str | None = None  # country|admin1|admin2|city|locality|region|other
    country: str | None = None
    admin1: str | None = None
    iso3166_2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    # internal (not in the report): why the mention was taken as a place (see Places._accept), the
    # index of its sentence in doc.sents, and whether it stands for an actor rather than a location
    # ("Washington said", "Pakistan's decision"), so event linking can tell a setting from a party
    why: str = field(default="", compare=False)
    sentence: int = field(default=-1, compare=False)
    agentive: bool = field(default=False, compare=False)

    def as_report(self) -> dict:
        """The SPEC fields only (dyad.report/1), in SPEC order."""
        return {k: getattr(self, k) for k in REPORT_FIELDS}


REPORT_FIELDS = ("id", "name", "start", "end", "feature", "country", "admin1", "iso3166_2", "lat", "lon",
                 "geonameid")


@dataclass
class Mention:
    """A toponym candidate in the text (token span) and what is known about it."""

    start: int
    end: int
    key: str
    cands: tuple[Candidate, ...]
    label: str  # the model's entity label covering it exactly, "" when none
    strong: bool  # the model itself called it a place
    cue: str | None = None  # feature the context asks for: admin1|admin2|city
    accepted: bool = False
    choice: Candidate | None = None
    margin: float = 0.0  # score gap between the best and second-best candidate
    group: int = -1  # coordination group id
    prep: bool = False  # after a locative preposition ("in", "near", ...)
    person: bool = False  # the word is part of a person's name elsewhere in the text
    why: str = ""  # why it was taken as a place (see Places._accept)
    dateline: bool = False  # opens the story as its dateline ("BEIRUT: ...")
    adjacent: list = field(default_factory=list)  # live mentions within a token of this one (see _link_adjacent)
    near_any: frozenset[int] | set[int] = frozenset()  # candidates near a candidate of another name
    names_country: bool = False  # a country bears the name ("China": not the town in Maine)
    longer: bool = False  # the name runs on into a word that ends place names ("Meadow Grove")
    local: bool = False  # some mention of the name reads as a local town ("Paris City Council")
    minor: bool = False  # followed by a word for a minor civil division ("Washington Township")


class Cues:
    """Context words from dyad/lexicons/places.toml, as sets of lower-case words."""

    def __init__(self, lexicon: dict):
        cues = lexicon.get("cues", {})
        self.type_after = frozenset(cues.get("type_after", ()))
        self.type_before = frozenset(cues.get("type_before", ()))
        self.prepositions = frozenset(cues.get("prepositions", ()))
        self.generic = frozenset(cues.get("generic_nouns", ()))
        self.institutions = frozenset(cues.get("institutions", ()))
        self.institution_heads = frozenset(cues.get("institution_heads", ()))
        self.residents = frozenset(cues.get("residents", ()))
        self.adjectival_place = frozenset(cues.get("adjectival_place", ()))
        self.facility_words = frozenset(cues.get("facility_words", ()))
        self.street_words = frozenset(cues.get("street_words", ()))
        self.name_endings = frozenset(cues.get("name_endings", ()))
        self.natural_heads = frozenset(cues.get("natural_heads", ()))
        self.site_words = frozenset(cues.get("site_words", ()))
        self.club_words = frozenset(cues.get("club_words", ()))
        self.part_nouns = frozenset(cues.get("part_nouns", ()))
        self.locating = frozenset(cues.get("locating_phrases", ()))
        self.continent_demonyms: dict[str, str] = dict(lexicon.get("demonyms", {}).get("continents", {}))
        self.feature: dict[str, str] = {}
        for feat, key in (("admin1", "admin1_words"), ("admin2", "admin2_words"), ("city", "city_words")):
            for w in cues.get(key, ()):
                self.feature[w] = feat


class Places(Component):
    """spaCy component: sets `doc._.places` (list of Place, one per toponym mention, text order)."""

    name = "dyad_places"

    def __init__(self, nlp=None, name: str | None = None, gazetteer: Gazetteer | None = None,
                 lexicon: dict | None = None):
        super().__init__(nlp, name)
        self._gaz = gazetteer
        if lexicon is None:
            from dyad.gazetteer.build import load_lexicon

            lexicon = load_lexicon()
        self.cues = Cues(lexicon)
        self._bodies: frozenset[str] | None = None
        self._votes_doc = None  # the document `_votes` counts (see _mostly_place)
        self._votes: dict[str, int] = {}
        self._words_doc = None  # the document `_words` lists
        self._word_list: list[str] = []

    @property
    def bodies(self) -> frozenset[str]:
        """Normalised names of the organisations and armed groups in the actor dictionary
        (lexicons/actors.toml): "Hamas", "NATO", "Taliban" are actors even where a village shares
        the name (GeoNames has a "Nato" and lists "Hamas" as an alternate name of Hamm)."""
        if self._bodies is None:
            from dyad.lexicons import actor_dictionary

            self._bodies = frozenset(normalize(alias) for alias, actor in actor_dictionary().named.items()
                                     if actor.kind in ("organization", "group"))
        return self._bodies

    def _body(self, m: Mention) -> bool:
        """A known organisation's name that names no country, division, region or landmark."""
        if m.key not in self.bodies or any(c.feature == "landmark" for c in m.cands):
            return False
        return not any(c.feature in ("country", "admin1", "region") and not c.alt for c in m.cands[:3])

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:  # loaded on first use so building a pipeline stays cheap
            from dyad.gazetteer import get_gazetteer

            self._gaz = get_gazetteer()
        return self._gaz

    # ------------------------------------------------------------------ recognition

    def annotate(self, doc) -> None:
        mentions = self.recognise(doc)
        self.resolve(doc, mentions)
        self.contain(doc, mentions)
        places = []
        sent_of = _sentence_index(doc)
        for m in mentions:
            if not m.accepted:
                continue
            span = doc[m.start:m.end]
            c = m.choice
            name, end = span.text, span.end_char
            if m.label == "ABBR" and _before_dashes(name) != name:  # "Calif.--(BUSINESS": the place is "Calif."
                name = _before_dashes(name)
                end = span.start_char + len(name)
            place = Place(id=f"p{len(places) + 1}", name=name, start=span.start_char, end=end,
                          why=m.why, sentence=sent_of[m.start] if sent_of else -1,
                          agentive=_agentive(doc, m.start, m.end))
            if c is not None:
                place.feature = FEATURE_OF_ROW.get(c.feature, "other")
                place.country = c.country
                place.admin1 = c.admin1 if c.feature not in ("country", "region") else None
                place.iso3166_2 = c.iso3166_2 if c.feature not in ("country", "region") else None
                place.lat, place.lon = round(c.lat, 5), round(c.lon, 5)
                place.geonameid = c.geonameid
            places.append(place)
        doc._.places = places

    def recognise(self, doc) -> list[Mention]:
        """Toponym mentions in text order: model entities, dictionary n-grams, abbreviations."""
        gaz = self.gaz
        n = len(doc)
        label_of: dict[tuple[int, int], str] = {}
        inside: list[str] = [""] * n  # label of the entity covering each token
        for ent in doc.ents:
            label_of[(ent.start, ent.end)] = ent.label_
            for i in range(ent.start, ent.end):
                inside[i] = ent.label_
        # words of multi-word person names ("Mikheil Saakashvili"): alone, they name the person
        person_words = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                        and not self._team(doc, ent) and not self._compass_division(ent) for t in ent}
        matches = self._scan(doc)
        taken = [False] * n
        mentions: list[Mention] = []
        for s, e, label in self._place_spans(doc):
            s, e = self._trim(doc, s, e)
            if s >= e or not any(t.text[:1].isupper() for t in doc[s:e]):
                continue
            text = doc[s:e].text
            if gaz.is_demonym(text) or self._demonym_phrase(doc, s, e):
                continue
            if e - s == 1 and s > 0 and doc[s - 1].lower_ == "the" and doc[s].lower_ in self.cues.generic:
                continue  # "the Centre" (India's government), "the Union": a common noun made a name
            # a longer gazetteer name around the entity: "Trinidad" + "and Tobago"
            for ms, me in matches:
                if ms <= s and me >= e and (ms, me) != (s, e) and not any(taken[ms:me]):
                    s, e = ms, me
                    break
            if any(taken[s:e]):
                continue
            if e + 1 < len(doc) and doc[e].text in ("'s", "’s") and doc[e + 1].text[:1].isupper() \
                    and doc[e + 1].lower_ in self.cues.facility_words and not taken[e + 1]:
                # "St. Peter's Basilica" (the model's GPE "St. Peter's"): a patron's building, not a place named so
                mentions.append(Mention(start=s, end=e + 2, key=normalize(doc[s:e + 2].text), cands=(), label="FAC",
                                        strong=True, accepted=True, why="facility"))
                for i in range(s, e + 2):
                    taken[i] = True
                continue
            m = self._mention(doc, s, e, label, strong=True)
            if self._body(m):
                continue  # "talks between Israel and Hamas": the model's GPE, the dictionary's group
            if not m.cands and e - s == 1 and doc[s].lower_ in person_words:
                continue  # "Saakashvili" tagged GPE, "Mikheil Saakashvili" elsewhere
            if not m.cands:
                # names inside an unknown span: "Greece Italy", "Robinson College Cambridge"
                subs = [self._mention(doc, ms, me, label, strong=True) for ms, me in matches
                        if s <= ms and me <= e and m.key not in GENERIC_KEYS  # not "Coast" of "West Coast"
                        and not (me < e and doc[me].text in ("'s", "’s"))]  # nor "St. Peter" of "St. Peter's Basilica"
                subs = [x for x in subs if x.cands and (self._standalone(doc, x) or self._opens(doc, x, s))
                        and not self._feature_part(doc, x, s, e)]
                if not subs:
                    # a facility or office named after its town: "Hanover Town Hall", "Las Vegas
                    # City Marshal", "Augusta Herald" lie in (or speak for) the town
                    head = self._leading_place(doc, s, e, label) or self._possessive_town(doc, s, e, label)
                    subs = [head] if head is not None else []
                if subs:
                    mentions.extend(subs)
                    for i in range(s, e):
                        taken[i] = True
                    continue
            if not m.cands and (doc[s].text.rstrip(".") in TITLES or (e - s == 1 and label == "FAC")):
                continue  # "Ms Raggi", "Sr", and lone unknown words the model called FAC ("Easter")
            if label != "GPE":
                # buildings and features: a translated alternate name of a town is no evidence
                # ("White House" is an alternate name of Casablanca)
                m.cands = tuple(c for c in m.cands if not c.alt)
            elif len(m.key) <= 4 and any(ch.isupper() for ch in text[1:]) and all(
                    c.alt and c.population < BIG_ALT for c in m.cands):
                m.cands = ()  # "MoD" (an alternate name of Maud, Texas): a short code names no village
            mentions.append(m)
            for i in range(s, e):
                taken[i] = True
        mentions.extend(self._facilities(doc, taken, inside))
        mentions.extend(self._parts(doc, taken, inside))
        mentions.extend(self._called_places(doc, taken, inside))
        mentions.extend(self._unknown_datelines(doc, taken))
        mentions.extend(self._street_pairs(doc, taken))
        mentions.extend(self._roads(doc, taken))
        mentions.extend(self._named_before_kind(doc, taken, inside))
        for s, e in matches:
            if any(taken[s:e]):
                continue
            label = label_of.get((s, e))
            if label is None:
                covering = {inside[i] for i in range(s, e)} - {""}
                label = f"in:{covering.pop()}" if covering else ""
            if label in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE") and not (
                    label in ("DATE", "TIME") and self._misdated(doc, s, e)):
                continue
            text = doc[s:e].text
            if gaz.is_demonym(text):
                continue
            m = self._mention(doc, s, e, label, strong=False)
            if self._body(m):
                continue
            m.person = e - s == 1 and doc[s].lower_ in person_words
            if self._runs_on(doc, m.end, taken):
                m.end, m.longer = m.end + 1, True  # "Meadow Grove": the town is not "Meadow"
            mentions.append(m)
            for i in range(m.start, m.end):
                taken[i] = True
        mentions.extend(self._abbreviations(doc, taken))
        mentions.extend(self._adjectival(doc, taken))
        mentions.extend(self._named_nationality(doc, taken))
        mentions.sort(key=lambda m: m.start)
        self._contexts(doc, mentions)
        held = self._held_by_qualifier(doc, mentions)
        if held:
            mentions = sorted(mentions + held, key=lambda m: m.start)
        return mentions

    def _team(self, doc, ent) -> bool:
        """A "person" that is a big city's sports team ("Seattle Seahawks", "Denver Nuggets"): the city
        and a plural nickname the text never uses alone as a surname (a person's surname recurs bare:
        "Austin Rivers ... Rivers scored"; a team's nickname takes "the")."""
        if len(ent) != 2:
            return False
        city, nick = ent[0], ent[1]
        w = nick.text
        if not (w[:1].isupper() and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is", "ys"))):
            return False
        before = doc[ent.start - 1].lower_ if ent.start else ""
        after = doc[ent.end] if ent.end < len(doc) else None
        if before not in TEAM_DETERMINERS and not (after is not None and after.pos_ == "NOUN" and after.is_lower):
            return False  # "the Seattle Seahawks", "every Seattle Seahawks home game"; not "Vaughan Matthews, 17"
        if not any(c.feature == "city" and not c.alt and c.population >= 100_000
                   for c in self.gaz.lookup_key(normalize(city.text))[:3]):
            return False
        return not any(t.text == w and t.i != nick.i and (t.i == 0 or doc[t.i - 1].lower_ != "the")
                       and doc[t.i - 1].text != city.text for t in doc)

    def _compass_division(self, ent) -> bool:
        """A "person" that is a constituency named by its county or town and a compass word ("Embu
        East", "Kisumu West", "Laikipia North"), or the town's market, camp or seat ("Gatundu Market"):
        no one's surname is such a word after a place's name, so the place's words are no person's."""
        if len(ent) != 2 or not (ent[1].text in TRAILING_COMPASS or ent[1].lower_ in NO_SURNAME):
            return False
        return any(c.feature in ("city", "admin1", "admin2") and not c.alt
                   for c in self.gaz.lookup_key(normalize(ent[0].text))[:3])

    def _held_by_qualifier(self, doc, mentions: list[Mention]) -> list[Mention]:
        """The unknown name before a division that closes its phrase ("25/26 August: Knockhill, Fife.",
        "Brands Hatch GP, Kent."): the division says where it is, so the name is a place it holds
        (a venue or village no gazetteer lists), unless the model reads a person there."""
        covered = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for m in mentions:
            if m.why != "qualifier" or doc[m.start - 1].text != ",":
                continue
            e = m.start - 1
            s = e
            while s > 0 and e - s < 4 and self._cap(doc[s - 1]) and doc[s - 1].is_alpha and s - 1 not in covered:
                s -= 1
            if s == e or any(doc[k].ent_type_ == "PERSON" for k in range(s, e)) or self._cap(doc[s - 1]):
                continue
            if not (doc[s].is_sent_start or doc[s - 1].text in (":", ";") or doc[s - 1].lower_ in ("at", "in", "near")):
                continue  # "the Ministry of Information Communication Technology, Abuja": part of a longer name
            out.append(Mention(start=s, end=e, key=normalize(doc[s:e].text), cands=(), label="FAC", strong=True,
                               accepted=True, why="held"))
        return out

    def _place_spans(self, doc) -> list[tuple[int, int, str]]:
        """The model's place entities as (start, end, label), an entity in no gazetteer split at its
        commas: "Thruxton, Hampshire" and "Donington Park, Leicestershire" are a place and the
        division holding it, as the model tags "Chowchilla" and "Calif." apart."""
        out = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            commas = [i for i in range(ent.start + 1, ent.end - 1) if doc[i].text == ","]
            if not commas or self.gaz.has_key(normalize(ent.text)):
                out.append((ent.start, ent.end, ent.label_))
                continue
            s = ent.start
            for i in [*commas, ent.end]:
                if i > s:
                    out.append((s, i, ent.label_))
                s = i + 1
        return out

    def _words(self, doc) -> list[str]:
        """The texts of the Doc's tokens, read once per document: the passes that look for a few words
        (compass adjectives, road numbers, site words) test strings instead of making a Token each."""
        if self._words_doc is not doc:
            self._words_doc, self._word_list = doc, [t.text for t in doc]
        return self._word_list

    def _mostly_place(self, doc, word: str) -> bool:
        """Whether the model reads a word as something other than a person more often than as part
        of a person's name: "Sochi" inside one mis-tagged "Freemason Bogdanov Joins Sochi" but a GPE
        or NORP four times is the town; "Tyler" of "Tyler Williams" and "James Tyler Williams" stays
        the person. One pass over the tokens per document, and only for documents that ask."""
        if self._votes_doc is not doc:
            votes: dict[str, int] = {}
            for t in doc:
                if t.ent_type_:
                    votes[t.lower_] = votes.get(t.lower_, 0) + (-1 if t.ent_type_ == "PERSON" else 1)
            self._votes_doc, self._votes = doc, votes
        return self._votes.get(word, 0) > 0

    def _misdated(self, doc, s: int, e: int) -> bool:
        """A big place's name the model alone called a date ("in Manbij near the border" tagged
        DATE): the whole entity, no digits, no month or weekday, a country, division or city of 50k+."""
        if (s, e) not in {(x.start, x.end) for x in doc.ents if x.label_ in ("DATE", "TIME")}:
            return False
        text = doc[s:e].text
        if any(ch.isdigit() for ch in text) or _CALENDAR.search(text):
            return False
        return any((c.feature in ("country", "admin1") or c.feature == "city" and c.population >= BIG_TOWN)
                   and not c.alt for c in self.gaz.lookup_key(normalize(text))[:3])

    def _runs_on(self, doc, e: int, taken: list[bool]) -> bool:
        """Whether a dictionary name is followed by a word that ends place names ("Meadow Grove",
        "Parkers Prairie", "Sulphur Springs") while the longer name is in no gazetteer: the place is
        the longer name (a small town cities500 lacks), not the shorter one somewhere else."""
        if e >= len(doc) or taken[e] or not doc[e].text[:1].isupper() or doc[e].lower_ not in self.cues.name_endings:
            return False
        return not self.gaz.has_key(normalize(doc[e - 1:e + 1].text))

    def _feature_part(self, doc, x: Mention, s: int, e: int) -> bool:
        """Whether a name found inside an unknown name is only part of a natural feature's name: the
        name before the feature's head ("the Mississippi River": not the state) or the head itself
        after another name ("the Nile Delta": not Nigeria's Delta State)."""
        heads = self.cues.natural_heads
        if x.end < e and doc[x.end].lower_ in heads and doc[x.end - 1].lower_ not in heads:
            return True  # "the Mississippi River" (not "Tana River" of "Tana River Delta": a county named so)
        if x.end < e and doc[x.end].lower_ in self.cues.street_words and x.cands \
                and x.cands[0].feature in ("country", "admin1", "admin2"):
            return True  # "Atlantic Avenue" is no county; "Langata Road" runs through Langata
        if x.start > s and doc[x.start - 1].lower_ == "river":
            return True  # "River Chania": the river, not a town (a lake's namesake town is often on it: "Lake Erie")
        return x.end == e and x.end - x.start == 1 and x.start > s and doc[x.start].lower_ in self.cues.natural_heads

    def _possessive_town(self, doc, s: int, e: int, label: str) -> Mention | None:
        """A town's possessive written without its apostrophe opening an unknown name ("Nairobis
        Korogocho", "Nakurus Total Station"): the part lies in that town, a city of 50k+ by its main name."""
        word = doc[s].text
        if e - s < 2 or len(word) < 5 or not word.endswith("s") or word[-2] in "sS'’":
            return None
        cands = tuple(c for c in self.gaz.lookup(word[:-1]) if not c.alt)
        if not any(c.feature == "city" and c.population >= BIG_TOWN for c in cands[:3]):
            return None
        m = Mention(start=s, end=s + 1, key=normalize(word[:-1]), cands=cands, label=label, strong=True,
                    accepted=True)
        return m

    def _leading_place(self, doc, s: int, e: int, label: str) -> Mention | None:
        """The longest opening words of an unknown place entity that name a town, division or
        country by its main name, followed by a word for one of its institutions ("Town Hall",
        "City Marshal"), as a mention."""
        if doc[s].text.rstrip(".") in TITLES:
            return None
        for k in range(min(e - 1, s + MAX_NGRAM), s, -1):
            if not self._cap(doc[k - 1]):
                continue
            if k - s == 1 and doc[s].lower_ in self.cues.generic:
                return None
            key = normalize(doc[s:k].text)
            if not key or _only_directions(key) or self.gaz.is_demonym(doc[s:k].text):
                continue
            if doc[k].lower_ not in self.cues.institutions:
                continue  # "Seaton Street", "Rose Garden", "Aston Villa": the whole is another place
            cands = self.gaz.lookup_key(key)
            if any(c.feature in ("country", "admin1", "admin2", "city") and not c.alt for c in cands[:5]):
                m = self._mention(doc, s, k, label, strong=True)
                m.cands = tuple(c for c in m.cands if not c.alt) or m.cands
                return m if m.cands and not self._body(m) else None
        return None

    def _scan(self, doc) -> list[tuple[int, int]]:
        """Longest gazetteer names over capitalised token n-grams, left to right (dict hits only)."""
        gaz = self.gaz
        n = len(doc)
        out = []
        i = 0
        while i < n:
            if not self._cap(doc[i]):
                i += 1
                continue
            best = None
            for j in range(min(n, i + MAX_NGRAM), i, -1):
                if not self._cap(doc[j - 1]):
                    continue
                if any(not (self._cap(doc[k]) or doc[k].lower_ in CONNECTORS) for k in range(i + 1, j - 1)):
                    continue
                key = normalize(doc[i:j].text)
                if key in BLOCKED_KEYS and not doc[i:j].text.isupper():
                    continue
                if key and gaz.has_key(key) and not _only_directions(key):
                    best = j
                    break
            if best is None:
                i += 1
                continue
            out.append((i, best))
            i = best
        return out

    def _facilities(self, doc, taken: list[bool], inside: list[str]) -> list[Mention]:
        """Named streets, buildings and venues the model missed or called an organisation: a run of
        capitalised words ending in a word for such a feature ("Royal Street", "Thomas Memorial
        Hospital", "Craven Cottage" is not one). No gazetteer holds them; `contain` places them at
        the town that holds them."""
        words = self.cues.facility_words
        out = []
        for i in range(len(doc) - 1, -1, -1):  # right to left: "Duke University Medical Center" is one
            tok = doc[i]
            if tok.lower_ not in words or not tok.text[:1].isupper() or taken[i] or inside[i] in FACILITY_SKIP:
                continue
            s = i
            while s > 0 and i - s < MAX_NGRAM and self._cap(doc[s - 1]) and not taken[s - 1] \
                    and not doc[s].is_sent_start and doc[s - 1].text not in DETERMINERS and not doc[s - 1].is_stop \
                    and inside[s - 1] not in FACILITY_SKIP:
                s -= 1
            if s == i or doc[s].text.rstrip(".") in TITLES or all(
                    t.lower_ in self.cues.generic or t.lower_ in DIRECTIONS or t.pos_ == "ADJ"
                    or self.gaz.is_demonym(t.text) for t in doc[s:i]):
                continue  # "Street" alone, "Main Street", "Medical Center", "Chinese Center": nothing names it
            if tok.lower_ not in self.cues.street_words and self._names_town(doc[s:i].text):
                continue  # "St. Cloud Hospital", "Limerick Maternity Hospital": the town's (see _institution)
            m = Mention(start=s, end=i + 1, key=normalize(doc[s:i + 1].text), cands=(), label="FAC",
                        strong=True, accepted=True, why="facility")
            out.append(m)
            for k in range(s, i + 1):
                taken[k] = True
        return out

    def _street_pairs(self, doc, taken: list[bool]) -> list[Mention]:
        """Two names before a plural word for streets ("at the corner of State and Hubbard streets",
        "down Bourbon and Dauphine streets") are streets, each placed like a street."""
        out = []
        words = self._words(doc)
        for i, w in enumerate(words):
            if w not in PLURAL_STREETS or i < 3:
                continue
            spans = []
            e = i
            for _ in range(2):
                s = e
                while s > 0 and e - s < 3 and self._cap(doc[s - 1]) and doc[s - 1].is_alpha and not taken[s - 1]:
                    s -= 1
                if s == e:
                    break
                spans.append((s, e))
                e = s - 1  # over "and"
                if len(spans) == 1 and (s < 1 or words[s - 1] not in ("and", "&")):
                    break
            if len(spans) != 2 or any(doc[k].lower_ in ORDINALS for s, e in spans for k in range(s, e)):
                continue  # "between Fourth and Seventh streets": numbered streets go unnamed here
            for s, e in spans:
                out.append(Mention(start=s, end=e, key=normalize(doc[s:e].text), cands=(), label="FAC",
                                   strong=True, accepted=True, why="facility"))
                for k in range(s, e):
                    taken[k] = True
        return out

    def _unknown_datelines(self, doc, taken: list[bool]) -> list[Mention]:
        """A dateline naming a place no gazetteer holds, before its state or country ("CAMP MURRAY,
        Wash. - ...", "FORT DRUM, N.Y. --"): set in capitals at the start of a paragraph, it is the
        story's place, placed at the state by `contain`."""
        out = []
        words = self._words(doc)
        n = len(doc)
        for i, w in enumerate(words):
            if taken[i] or not (w.isupper() and w.isalpha() and len(w) > 1):
                continue
            if i > 0 and "\n" not in doc[i - 1].text_with_ws and not doc[i - 1].is_space:
                continue  # not at the start of a paragraph
            j = i
            while j < n and j - i < 4 and words[j].isupper() and words[j].isalpha() and not taken[j]:
                j += 1
            if j + 2 >= n or words[j] != "," or self.gaz.has_key(normalize(doc[i:j].text)):
                continue
            k = j + 1
            state = self.gaz.abbreviation(words[k]) is not None or any(
                c.feature in ("admin1", "country") and not c.alt for c in self.gaz.lookup(words[k])[:2])
            if state and k + 1 < n and words[k + 1] in DATELINE_MARKS:
                out.append(Mention(start=i, end=j, key=normalize(doc[i:j].text), cands=(), label="LOC",
                                   strong=True, accepted=True, why="dateline"))
                for t in range(i, j):
                    taken[t] = True
        return out

    def _called_places(self, doc, taken: list[bool], inside: list[str]) -> list[Mention]:
        """A name in no gazetteer that the text calls a settlement ("Cairo's gated suburb of Madinaty",
        "the village of Nagrig") is a place, and so are its other mentions in the article ("the Madinaty
        academy", "Beyond Madinaty,") unless they are part of a person's longer name. `contain` places
        them like streets."""
        n = len(doc)
        words = self._words(doc)
        names: set[str] = set()
        for i in range(n - 2):
            if words[i].lower() not in SETTLEMENT_WORDS or words[i + 1] != "of" or not self._cap(doc[i + 2]):
                continue
            j = i + 2
            while j < n and j - i < 5 and self._cap(doc[j]) and doc[j].is_alpha:
                j += 1
            if j == i + 2 or j < n and self._cap(doc[j]):
                continue
            text = doc[i + 2:j].text
            if inside[i + 2] in ("DATE", "WORK_OF_ART", "EVENT") or self.gaz.has_key(normalize(text)) \
                    or self.gaz.is_demonym(text):
                continue
            names.add(text)
        out = []
        for text in names:
            words = text.split()
            for i in range(n - len(words) + 1):
                if [t.text for t in doc[i:i + len(words)]] != words or any(taken[i:i + len(words)]):
                    continue
                if i + len(words) < n and self._cap(doc[i + len(words)]) or i > 0 and self._cap(doc[i - 1]) \
                        and doc[i - 1].text not in DETERMINERS and not doc[i].is_sent_start:
                    continue  # part of a longer name
                out.append(Mention(start=i, end=i + len(words), key=normalize(text), cands=(), label="LOC",
                                   strong=True, accepted=True, why="called"))
                for k in range(i, i + len(words)):
                    taken[k] = True
        return out

    def _parts(self, doc, taken: list[bool], inside: list[str]) -> list[Mention]:
        """An unknown name after a compass adjective in lower case is a region ("in eastern Ghouta"):
        prose says "northern X" of areas, whatever label the model gave X. No gazetteer holds it;
        `contain` places it like a street. Not a nationality ("eastern European"), nor a person."""
        out = []
        for i, w in enumerate(self._words(doc)[:-1]):
            if w not in COMPASS:
                continue
            j = i + 1
            while j < len(doc) and j - i <= 2 and not taken[j] and self._cap(doc[j]) and doc[j].is_alpha \
                    and inside[j] not in ("PERSON", "DATE", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"):
                j += 1
            if j == i + 1 or j < len(doc) and self._cap(doc[j]):
                continue  # nothing named, or a longer name runs on ("northern Amazon Jungle Lodge")
            text = doc[i + 1:j].text
            key = normalize(text)
            if self.gaz.has_key(key) or self.gaz.is_demonym(text) or doc[i + 1].lower_ in self.cues.generic:
                continue
            out.append(Mention(start=i + 1, end=j, key=key, cands=(), label="LOC", strong=True, accepted=True,
                               why="region"))
            for k in range(i + 1, j):
                taken[k] = True
        return out

    def _named_before_kind(self, doc, taken: list[bool], inside: list[str]) -> list[Mention]:
        """A name no gazetteer holds before a lower-case word for a kind of site ("the Air Balloon
        roundabout", "Seasons restaurant", "the Rosewood cemetery"): the name is the site's, placed
        like a street. Only words for sites that are named after their place or owner, never a
        company's premises ("facility", "plant", "store"), and not a person's or nationality's name."""
        heads = self.cues.site_words
        out = []
        for i, w in enumerate(self._words(doc)):
            if i == 0 or w not in heads:
                continue
            s = i
            while s > 0 and i - s < 4 and self._cap(doc[s - 1]) and doc[s - 1].is_alpha and not taken[s - 1] \
                    and doc[s - 1].text not in DETERMINERS and inside[s - 1] not in ("PERSON", "NORP", "DATE"):
                s -= 1
            if s == i or doc[s].is_sent_start or s > 0 and self._cap(doc[s - 1]):
                continue  # nothing named, a sentence's first word, or a longer name with a person in it
            text = doc[s:i].text
            if self.gaz.has_key(normalize(text)) or self.gaz.is_demonym(text) or all(
                    t.lower_ in self.cues.generic or t.lower_ in DIRECTIONS for t in doc[s:i]):
                continue
            out.append(Mention(start=s, end=i, key=normalize(text), cands=(), label="FAC", strong=True,
                               accepted=True, why="site"))
            for k in range(s, i):
                taken[k] = True
        return out

    def _roads(self, doc, taken: list[bool]) -> list[Mention]:
        """British and Irish road numbers where prose names a road ("The A417 heading south", "via the
        A436, A40 and A429", "the M4 westbound"): kept only in stories set in those countries (see
        `contain`), since "the A380" or "an M16" elsewhere is an aircraft or a rifle."""
        out = []
        for i, w in enumerate(self._words(doc)):
            if taken[i] or w[:1] not in "ABMN" or len(w) > 5 or not ROAD_NUMBER.fullmatch(w):
                continue
            tok = doc[i]
            prev = doc[i - 1].lower_ if i else ""
            nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            listed = prev in (",", "and") and i >= 2 and ROAD_NUMBER.fullmatch(doc[i - 2].text) is not None
            if prev in ("the", "via", "onto") or listed or nxt in ROAD_NEXT:
                out.append(Mention(start=i, end=i + 1, key=tok.lower_, cands=(), label="ROAD", strong=True,
                                   accepted=True, why="road"))
                taken[i] = True
        return out

    def _names_town(self, text: str) -> bool:
        """Whether a building's name opens with a town, division or country by its main name (its
        first words, as many as name one): such a building is the town's institution."""
        words = text.split()
        for k in range(len(words), 0, -1):
            cands = self.gaz.lookup(" ".join(words[:k]))
            if any(c.feature in ("country", "admin1", "admin2", "city") and not c.alt for c in cands[:5]):
                return True
        return False

    def _abbreviations(self, doc, taken: list[bool]) -> list[Mention]:
        """State/province abbreviations in their own contexts: "Chowchilla, Calif.", "D-N.Y."."""
        gaz = self.gaz
        out = []
        for i, w in enumerate(self._words(doc)):
            if taken[i] or not w[:1].isupper():
                continue
            tok = doc[i]
            # "PLEASANTON, Calif.--(BUSINESS WIRE)--": the wire dateline's dashes glued to the abbreviation
            bare = _before_dashes(tok.text)
            cand = gaz.abbreviation(bare) if len(bare) <= 6 else None
            if cand is None:
                m = self._postal(doc, i)
                if m is not None:
                    out.append(m)
                    taken[i] = True
                continue
            prev = doc[i - 1].text if i else ""
            party = prev in ("-", "–") and i >= 2 and doc[i - 2].text in ("D", "R", "I")
            after_place = prev == "," and i >= 2 and doc[i - 2].text[:1].isupper() and (
                "." in tok.text or doc[i - 2].ent_type_ in PLACE_LABELS)
            if party or after_place:
                m = Mention(start=i, end=i + 1, key=normalize(bare), cands=(cand,), label="ABBR",
                            strong=True, cue="admin1", accepted=True)
                out.append(m)
                taken[i] = True
        return out

    def _postal(self, doc, i: int) -> Mention | None:
        """A postal abbreviation of a US state, Canadian province or Australian state in one of the
        contexts that make it one: after a place and a comma ("HORRY COUNTY, SC (WMBF)", "Perth,
        WA"), at the edge of an organisation's name ("FrontCounter BC", "the NJ State Federation")
        or after a locative preposition ("Wastewater in WA"). Codes that are also words ("IN",
        "OR", "ME") count only after a place; a headline set in capitals counts nowhere."""
        tok = doc[i]
        text = tok.text
        if not (2 <= len(text) <= 3 and text.isalpha() and text.isupper()):
            return None
        cands = self.gaz.postal(text)
        if not cands:
            return None
        prev = doc[i - 1] if i else None
        before = doc[i - 2] if i >= 2 else None
        after_place = prev is not None and prev.text == "," and before is not None and before.text[:1].isupper() \
            and before.ent_type_ != "PERSON" and (before.ent_type_ in PLACE_LABELS
                                                   or before.lower_ in self.cues.type_after
                                                   or self.gaz.has_key(normalize(before.text)))
        if not after_place:
            if text in POSTAL_WORDS or _in_caps_run(doc, i):
                return None
            ent = next((e for e in doc.ents if e.start <= i < e.end), None) if tok.ent_type_ == "ORG" else None
            opens = ent is not None and len(ent) > 1 and i == _skip_determiners(doc, ent.start)
            # closing a name: "FrontCounter BC", "Small Business BC" (not a company's legal form: "Cimpress NV")
            closes = prev is not None and prev.is_alpha and prev.text[:1].isupper() and prev.ent_type_ != "PERSON" \
                and (ent is None or i == ent.end - 1) and text not in COMPANY_FORMS \
                and prev.lower_ not in ("century", "centuries", "millennium")  # "the 2nd Century BC"
            if not (opens or closes or prev is not None and prev.lower_ in self.cues.prepositions):
                return None
        return Mention(start=i, end=i + 1, key=normalize(text), cands=cands, label="POSTAL", strong=True,
                       cue="admin1", accepted=True, why="postal")

    def _named_nationality(self, doc, taken: list[bool]) -> list[Mention]:
        """A nationality adjective inside the name of an organisation says where the organisation is,
        as a country's own name there does ("Dutch Rail", "the Centre for Monitoring Indian Economy",
        "the Single European Sky"): the country or continent, as a place. Alone or before people it
        stays a nationality (SPEC); "the Dutch" or "Dutch officials" are not names."""
        gaz = self.gaz
        out = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2:
                continue
            if ent.end < len(doc) and doc[ent.end].lower_ in ("in", "at"):
                continue  # "the Egyptian Embassy in Nairobi": the text says where the body is
            for i in range(ent.start, ent.end):
                tok = doc[i]
                if taken[i] or not tok.text[:1].isupper() or i + 1 >= ent.end and i == ent.start:
                    continue
                if i > ent.start and gaz.demonym_of(doc[i - 1:i + 1].text):
                    continue  # "South African": the two words name the country
                cand = None
                iso2 = gaz.demonym_of(tok.text)
                if i + 1 < ent.end and gaz.demonym_of(doc[i:i + 2].text):
                    iso2, end = gaz.demonym_of(doc[i:i + 2].text), i + 2
                else:
                    end = i + 1
                if iso2:
                    cand = gaz.country(iso2)
                elif tok.text in self.cues.continent_demonyms:
                    cand = next((c for c in gaz.lookup(self.cues.continent_demonyms[tok.text])
                                 if c.feature == "region" and not c.alt), None)
                if cand is None or any(taken[i:end]) or tok.text in ("American", "Americans"):
                    continue  # "American" names the Americas as often as the US ("Pan American")
                out.append(Mention(start=i, end=end, key=normalize(doc[i:end].text), cands=(cand,), label="in:ORG",
                                   strong=True, accepted=True, why="nationality"))
                for k in range(i, end):
                    taken[k] = True
        return out

    def _adjectival(self, doc, taken: list[bool]) -> list[Mention]:
        """A nationality adjective before a word for a place names the country as a location: "the
        Syrian city of Aleppo", "Afghan territory", "the Turkish border", "Chinese cities". Alone
        or before people and bodies ("Turkish troops", "the Afghan government") it names a
        nationality and stays out of the places (SPEC)."""
        gaz = self.gaz
        out = []
        for i, w in enumerate(self._words(doc)[:-1]):
            if taken[i] or not w[:1].isupper():
                continue
            tok = doc[i]
            j = i + 1
            if j + 1 < len(doc) and doc[j].lower_ in DIRECTIONS:
                j += 1  # "the Syrian northern border"
            if doc[j].lower_ not in self.cues.adjectival_place:
                continue
            iso2 = gaz.demonym_of(tok.text)
            cand = gaz.country(iso2) if iso2 else None
            if cand is None:
                continue
            out.append(Mention(start=i, end=i + 1, key=normalize(tok.text), cands=(cand,), label="ADJ",
                               strong=True, accepted=True, why="adjectival"))
            taken[i] = True
        return out

    @staticmethod
    def _cap(tok) -> bool:
        t = tok.text
        return bool(t) and t[0].isupper() and (tok.is_alpha or "." in t or "-" in t or "'" in t
                                               or "&" in t and t.replace("&", "").isalpha())  # "T&T"

    @staticmethod
    def _trim(doc, s: int, e: int) -> tuple[int, int]:
        """Drop a leading article and trailing possessive/punctuation from an entity span."""
        while s < e and (doc[s].text in DETERMINERS or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].text in ("'s", "’s", "'", "’")):
            e -= 1
        return s, e

    def _demonym_phrase(self, doc, s: int, e: int) -> bool:
        """A nationality adjective the model tagged GPE ("Afghan" in "Afghan Taliban")."""
        return e - s == 1 and doc[s].lower_.endswith(("ese", "ish", "ian", "ean", "ani")) \
            and not self.gaz.lookup_key(normalize(doc[s].text))

    def _mention(self, doc, s: int, e: int, label: str, strong: bool) -> Mention:
        """Look the span up, retrying without a type word ("Kunar province") or a direction
        ("northern Kunar"); the type word becomes a cue."""
        gaz = self.gaz
        key = normalize(doc[s:e].text)
        cands = gaz.lookup_key(key) if not _only_directions(key) else ()
        cue = None
        if strong and e - s == 1 and ("." in doc[s].text or not cands and e < len(doc) and doc[e].text == "."):
            # "Kan." is Kansas, not the town of Kan; "Vt" + "." split by the tokenizer is Vermont
            abbr = gaz.abbreviation(doc[s].text if "." in doc[s].text else doc[s].text + ".")
            if abbr is not None:
                cands, cue = (abbr,), "admin1"
        if strong and e - s == 1 and 2 <= len(doc[s].text) <= 3 and doc[s].text.isupper():
            # "Wastewater in WA": the model's place is the state's postal code as well as the town
            # of Wa; the article's other places choose
            postal = gaz.postal(doc[s].text)
            if postal:
                cands = postal + tuple(c for c in cands if c.id not in {p.id for p in postal})
        if cands and e - s > 1 and doc[e - 1].lower_ == "city" and all(c.alt for c in cands):
            cands = self._with_bare_city(key, cands)
        if cands and e - s > 1 and self.cues.feature.get(doc[e - 1].lower_) == "admin1" and all(
                c.feature == "admin1" for c in cands):
            # "Khost province": the place is "Khost" and "province" a cue ("Orange County" and
            # "Mexico City" stay whole: the type word is part of the name)
            k = normalize(doc[s:e - 1].text)
            ids = {c.id for c in cands}
            c = gaz.lookup_key(k)
            if any(x.id in ids for x in c):
                key, cands, cue = k, c, self.cues.feature.get(doc[e - 1].lower_)
                e -= 1
        if not cands and e - s > 1:
            last = doc[e - 1].lower_
            if last in self.cues.type_after:
                k = normalize(doc[s:e - 1].text)
                c = gaz.lookup_key(k) if not _only_directions(k) else ()  # not "North" of "North State"
                if c:
                    key, cands, cue = k, c, self.cues.feature.get(last)
                    e -= 1
            if not cands and doc[e - 1].text in TRAILING_COMPASS:
                # "Marakwet East", "Mwingi Central": a constituency named by its town or county and a
                # compass word, in no gazetteer; the town or county says where it is
                k = normalize(doc[s:e - 1].text)
                c = gaz.lookup_key(k) if not _only_directions(k) else ()
                if any(x.feature in ("city", "admin1", "admin2") and not x.alt for x in c[:3]):
                    key, cands = k, c
            first = doc[s].lower_
            if not cands and first in DIRECTIONS and key not in GENERIC_KEYS:  # not "West Coast" -> "Coast"
                k = normalize(doc[s + 1:e].text)
                c = gaz.lookup_key(k) if k not in self.cues.generic else ()  # nor "West Wing" -> "Wing"
                if c:
                    key, cands = k, c
            if not cands and first in self.cues.type_before and e - s > 2 and doc[s + 1].lower_ == "of":
                k = normalize(doc[s + 2:e].text)
                c = gaz.lookup_key(k)
                if c:
                    key, cands, cue = k, c, self.cues.feature.get(first)
        m = Mention(start=s, end=e, key=key, cands=cands, label=label, strong=strong, cue=cue)
        m.accepted = strong
        return m

    def _with_bare_city(self, key: str, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """"San Fernando City" is only an alternate name (of the Philippine city); the towns called
        plain "San Fernando" are as likely meant ("San Fernando City Council" in California), so
        they join the candidates and the article's context decides."""
        bare = tuple(c for c in self.gaz.lookup_key(key[:-5]) if c.feature == "city" and not c.alt)
        ids = {c.id for c in cands}
        merged = cands + tuple(c for c in bare if c.id not in ids)
        return tuple(sorted(merged, key=lambda c: -c.population))

    def _contexts(self, doc, mentions: list[Mention]) -> None:
        """Read type nouns, prepositions and coordination; accept the weak mentions they support."""
        cues = self.cues
        n = len(doc)
        # coordination groups: mentions separated only by ",", "and", "or", "&"
        gid = 0
        for a, b in zip([None, *mentions], mentions, strict=False):
            if a is not None and 0 < b.start - a.end <= 3 and all(
                    doc[k].lower_ in (",", "and", "or", "&", "/") for k in range(a.end, b.start)):
                b.group = a.group
            else:
                gid += 1
                b.group = gid
        groups: dict[int, list[Mention]] = {}
        for m in mentions:
            groups.setdefault(m.group, []).append(m)
        for members in groups.values():
            last = members[-1]
            after = doc[last.end].lower_ if last.end < n else ""
            shared = cues.feature.get(after) if after in cues.type_after and len(members) > 1 else None
            for m in members:
                nxt = doc[m.end].lower_ if m.end < n else ""
                if m.cue is None and nxt in cues.type_after:
                    m.cue = cues.feature.get(nxt) or "place"
                m.minor = nxt in MINOR_DIVISIONS
                if m.cue is None and shared:
                    m.cue = shared
                prev = m.start - 1
                if prev >= 0 and doc[prev].text in DETERMINERS:
                    prev -= 1
                before = doc[prev].lower_ if prev >= 0 else ""
                if before == "of" and prev >= 1 and doc[prev - 1].lower_ in cues.type_before:
                    m.cue = m.cue or cues.feature.get(doc[prev - 1].lower_) or "place"
                elif before in cues.type_before and m.cue is None:
                    m.cue = cues.feature.get(before) or "place"
                elif before == "of" and prev >= 1 and doc[prev - 1].lower_ in cues.part_nouns and m.cue is None:
                    m.cue = "place"  # "the streets of Eldoret", "in Quri area of Garba Tula": a part of a place
                elif prev >= 1 and m.cue is None and f"{doc[prev - 1].lower_} {before}" in cues.locating:
                    m.cue = "place"  # "(coded as Taveta)", "coordinates for Masalani used": a coder's location
                m.prep = before in cues.prepositions
                if m.cue is None and m.end + 1 < n and doc[m.end].text == "National" and doc[m.end + 1].text == "Guard":
                    m.cue = "admin1"  # "the Georgia National Guard": each US state has one, no country does
                if self._dateline(doc, m):
                    m.dateline = True
                    m.cue = m.cue or "place"
        # acceptance of the weak mentions, to a fixed point (acceptance spreads through lists and
        # through repeated names: "Tamil Nadu" tagged GPE once makes its PERSON-tagged repeats places)
        for m in mentions:
            if m.accepted:
                m.why = m.why or "ner"
        changed = True
        while changed:
            changed = False
            sure = {m.key for m in mentions if m.accepted and m.cands and (m.why in SPREADING or self._big_town(m))}
            told = {m.key for m in mentions if m.accepted and m.cands and m.why in TOLD}
            for m in mentions:
                if m.accepted or not m.cands:
                    continue
                why = self._accept(doc, m, mentions, groups, sure, told)
                if why:
                    m.accepted, m.why = True, why
                    changed = True

    @staticmethod
    def _big_town(m: Mention) -> bool:
        """A sizeable town by its main name taken as a place for a local reason ("a Gainesville
        woman", "Gainesville Police"): its other mentions in the article are the town too, even
        where the model calls them a person ("Gainesville says no")."""
        return any(c.feature == "city" and not c.alt and c.population >= BIG_TOWN for c in m.cands[:3])

    @staticmethod
    def _dateline(doc, m: Mention) -> bool:
        """A capitalised name opening a paragraph or following a headline, then a dash, colon or
        comma: the dateline of an agency or local story ("BEIRUT: ...", "TORRINGTON — ...",
        "DeKALB – ..."). Mostly upper case, as datelines are set."""
        span = doc[m.start:m.end]
        letters = [ch for ch in span.text if ch.isalpha()]
        if len(letters) < 3 or sum(ch.isupper() for ch in letters) < 0.7 * len(letters):
            return False
        if m.start > 0 and "\n" not in doc[m.start - 1].text_with_ws and not doc[m.start - 1].is_space \
                and doc[m.start - 1].text not in (".", "!", "?", "\u201d", '"'):
            return False
        # "\u201d" after a dateline is a mis-decoded dash in older feeds ("RICHLAND \u201d A ...")
        return m.end < len(doc) and doc[m.end].text in DATELINE_MARKS

    def _accept(self, doc, m: Mention, mentions, groups, sure: set[str],
                told: frozenset[str] = frozenset()) -> str | None:
        """Why a weak mention is a place (None: it is not). The reasons in SPREADING also vouch for
        the name's other mentions in the article; the others (a name inside an organisation's name,
        a modifier) hold only where they are."""
        if m.dateline:
            return "dateline"
        if m.end + 1 < len(doc) and doc[m.end].text in ("-", "\u2013") and doc[m.end + 1].lower_ == "based" \
                and (self._town(m) or _divisional(m)):
            return "based"  # "a Kent-based team", "the London-based group": where it is based
        if m.end + 1 < len(doc) and doc[m.end].text[:1].isupper() and doc[m.end].lower_ in self.cues.club_words \
                and self._town(m, 20_000) and not self._glued(doc, m):
            return "club"  # "Burton Albion", "Bolton Wanderers": a club of the town
        if self._possessed(doc, m, mentions):
            return "possessed"  # "Pakistan's Karachi" (the model tags the town ORG after the possessive)
        if m.end + 1 < len(doc) and doc[m.end].text in ("'s", "’s") and self._town(m, 10_000) \
                and not (m.start and self._cap(doc[m.start - 1])) \
                and all(x.accepted for x in mentions if x.key == m.key and x is not m) and any(
                x.accepted and x.start == m.end + 1 and x.why in ("facility", "site") for x in mentions):
            return "owner"  # "Middletown's New Road": the town the street is in (not a bare surname's "Warden's")
        if m.person and m.cue is None and m.key not in told and not (
                m.key in sure and self._big_town(m) and self._mostly_place(doc, doc[m.start].lower_)):
            return None  # "Tyler" of "Tyler Williams" ..., but not "Sochi" in one mis-tagged title
        span = doc[m.start:m.end]
        if m.end - m.start == 1 and (span[0].lower_ in self.cues.generic or span[0].is_stop and not span[0].is_upper):
            return None  # "Street"; "Many women ...", "Most residents": words, not the towns named so
        main_big = any(c.feature in ("country", "admin1", "region") and not c.alt for c in m.cands[:3])
        if span.text.isupper() and len(span.text.replace(".", "")) <= 5 and not main_big:
            return None  # acronyms name organisations ("NATO", "TASS") unless a country's ("UAE")
        if m.key in sure:
            return "spread"
        if any(c.feature == "landmark" for c in m.cands):
            return "landmark"  # "the Kremlin", "the White House" (lexicon), whatever the model's label
        if self._party_district(doc, m):
            return "district"  # "Rep. Torrey Westrom, R-Elbow Lake": a legislator's home district
        if m.label.startswith("in:"):
            return self._embedded(doc, m, main_big)
        if m.cue is not None:
            return "cue"
        members = groups.get(m.group, [])
        if len(members) > 1 and any(x.accepted for x in members if x is not m) and (
                m.label != "PERSON" or self._town(m)):
            return "list"
        nxt = m.end
        if nxt + 1 < len(doc) and doc[nxt].text == "," and any(
                x.accepted and x.start == nxt + 1 and x.cands and any(
                    c.feature in ("admin1", "country") for c in x.cands[:2]) for x in mentions):
            return "adjacent"  # "Chowchilla, Calif." / "Khost, Afghanistan"
        if self._qualifier(doc, m):
            return "qualifier"  # "Knockhill, Fife.", "Croft, Yorkshire,"
        if self._bracketed_home(doc, m):
            return "qualifier"  # "a fashion show by Fig Leaf Boutique (Maywood)"
        if m.prep and (self._prominent(m) or self._compound_village(doc, m)):
            return "prep"
        if self._residence(doc, m):
            return "residence"
        if self._modifier(doc, m):
            return "modifier"
        if self._institution(doc, m):
            return "institution"
        if m.label == "PERSON":
            return None
        # prominent on its own: a country, a first-level division or a region by its main name (a
        # city name alone is not enough: "Lincoln", "Toyota" and "Columbia" are organisations too)
        if any(c.feature in ("country", "admin1", "region") and not c.alt for c in m.cands[:2]):
            return "prominent"
        return None

    def _embedded(self, doc, m: Mention, main_big: bool) -> str | None:
        """A name inside a longer entity: a place when it sits at the entity's edge and names a
        country, a division, a big city or the town of a local institution ("Minnesota House",
        "Air France", "Delta Police Department", "University of Rochester"), because the news
        corpora annotate those and they say where the organisation is."""
        left = m.start - 1
        while left >= 0 and doc[left].text in DETERMINERS:
            left -= 1
        inner = m.label[3:]
        if m.end < len(doc) and doc[m.end].text in ("'s", "’s") and doc[m.start].text.rstrip(".") in ("St", "Saint"):
            return None  # "St Patrick’s and St Seachnails Church": a patron saint, not the parish named after him
        at_left = left < 0 or doc[left].ent_type_ != inner
        at_right = m.end == len(doc) or doc[m.end].ent_type_ != inner
        if inner == "MONEY" and any(c.feature == "country" and not c.alt for c in m.cands[:1]):
            return "embedded"  # "59.2 billion US dollars": the currency's country
        if inner == "ORG" and any(c.feature in ("country", "admin1") and not c.alt for c in m.cands[:1]):
            return "embedded"  # a country or state anywhere in an organisation's name: "HSBC Bank Malta plc"
        if not (at_left or at_right):
            return None
        if main_big:
            return "embedded"
        if m.key.rsplit(" ", 1)[-1] in ("county", "parish", "township", "borough"):
            return "embedded"  # "Madison County Health Department"
        if self._institution(doc, m):
            return "embedded"  # "Crestwood School Board", "Amherst College"
        # "University of Rochester", "Archdiocese of Boston": the institution of a town
        if at_right and m.start >= 2 and doc[m.start - 1].lower_ == "of" \
                and doc[m.start - 2].lower_ in self.cues.institution_heads and self._town(m):
            return "embedded"
        # a big city opening an organisation's name: "Seattle Fire", "Venice Commission"
        if at_left and any(c.feature == "city" and not c.alt and c.population >= 100_000 for c in m.cands[:3]):
            return "embedded"
        return None

    @staticmethod
    def _town(m: Mention, population: int = 0) -> bool:
        """Whether one of the first candidates is a town or district by its main name."""
        return any(c.feature in ("city", "admin2") and not c.alt and c.population >= population
                   for c in m.cands[:3])

    @staticmethod
    def _party_district(doc, m: Mention) -> bool:
        """US legislators' party and home: "D-Braxton", "(R-Ocilla)", "DFL-Cook"."""
        i = m.start
        return i >= 2 and doc[i - 1].text in ("-", "\u2013") and doc[i - 2].text in PARTIES \
            and any(c.feature in ("city", "admin2", "admin1") and not c.alt for c in m.cands[:3])

    @staticmethod
    def _glued(doc, m: Mention) -> bool:
        """Whether a capitalised word mid-sentence runs into the name from the left ("Meadow Grove":
        "Grove" alone is another place), so the name is only part of a longer one."""
        i = m.start - 1
        return i >= 0 and doc[i].text[:1].isupper() and doc[i].is_alpha and not doc[i].is_sent_start \
            and doc[i].text not in DETERMINERS

    @staticmethod
    def _qualifier(doc, m: Mention) -> bool:
        """A division named after a capitalised name and a comma, closing the phrase: it says where
        the name before it is ("Brands Hatch, Kent.", "Knockhill, Fife,"), as "Chowchilla, Calif." does."""
        i = m.start
        if i < 2 or doc[i - 1].text != "," or not doc[i - 2].text[:1].isupper() or not doc[i - 2].is_alpha:
            return False
        if m.end < len(doc) and not doc[m.end].is_punct:
            return False
        return any((c.feature in ("admin1", "admin2") or c.feature == "city" and c.population >= BIG_QUALIFIER)
                   and not c.alt for c in m.cands[:2])

    @staticmethod
    def _possessed(doc, m: Mention, mentions: list[Mention]) -> bool:
        """A town or division of a country right after that country's name in the possessive
        ("Pakistan's Karachi", "Kenya's Rift Valley"): the country says the name is its place."""
        i = m.start
        if i < 2 or doc[i - 1].text not in ("'s", "’s") or m.label in ("PERSON", "in:PERSON"):
            return False  # "Russia's Vladimir Putin"
        if m.end < len(doc) and doc[m.end].text[:1].isupper() and doc[m.end].is_alpha:
            return False  # a longer name runs on
        owner = next((x for x in mentions if x.end == i - 1 and x.accepted and x.cands), None)
        if owner is None or owner.cands[0].feature != "country":
            return False
        cc = owner.cands[0].country
        return any(c.country == cc and c.feature in ("city", "admin1", "admin2") and not c.alt for c in m.cands[:10])

    def _bracketed_home(self, doc, m: Mention) -> bool:
        """A town by its main name alone in brackets right after a name says where that business or
        body is ("Fig Leaf Boutique (Maywood)"), as local news lists them."""
        i, e = m.start, m.end
        if i < 2 or e >= len(doc) or doc[i - 1].text != "(" or doc[e].text != ")":
            return False
        if not (doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha) or doc[i - 2].ent_type_ == "PERSON":
            return False
        return self._town(m, 5000) and not m.person

    def _residence(self, doc, m: Mention) -> bool:
        """"Mindy Miller of Ravenel", "Jeremy Watson, 30, of Ten Mile", "Pack 136 of Madison":
        'of' + a town after a person's name or a number names where they live."""
        i = m.start
        if i < 2 or doc[i - 1].lower_ != "of" or not self._town(m) or m.end - m.start > 3:
            return False
        p = doc[i - 2]
        if p.text == "," and i >= 3:
            p = doc[i - 3]
        return p.ent_type_ == "PERSON" or p.like_num or p.lower_ in self.cues.residents

    def _institution(self, doc, m: Mention) -> bool:
        """A town's name before the name of its own institution: "Grovetown police", "Tillsonburg
        Mayor", "Rochester Fire Department", "Amherst College"."""
        if m.end >= len(doc) or doc[m.end].lower_ not in self.cues.institutions or self._glued(doc, m):
            return False
        return self._town(m)

    def _modifier(self, doc, m: Mention) -> bool:
        """A town's name used as a noun modifier: "an Edmonton woman", "the Gainesville sewer
        system". For towns of some size by their main name, or any town before a word for its
        people ("a Crafton man", "Augusta native")."""
        if m.end >= len(doc) or m.end - m.start > 3 or self._glued(doc, m):
            return False
        nxt = doc[m.end]
        if nxt.lower_ in self.cues.residents and nxt.text not in ("Man",):
            return self._town(m)
        if nxt.text in ("'s", "’s") and m.end + 1 < len(doc):
            nxt = doc[m.end + 1]
        if not (nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")):
            return False
        # a first-level division too ("the Kirinyaga governor", "Turkana herdsmen"), as the model
        # reads some divisions as persons
        return any((c.feature == "city" and c.population >= 20_000 or c.feature == "admin1") and not c.alt
                   for c in m.cands[:3])

    def _standalone(self, doc, m: Mention) -> bool:
        """Whether a name found inside a longer unknown name stands for a place by itself: a country,
        a division or a sizeable town by its main name, and not a generic noun ("Street")."""
        if m.end - m.start == 1 and doc[m.start].lower_ in self.cues.generic:
            return False
        if self.gaz.is_demonym(doc[m.start:m.end].text):
            return False
        return any((c.feature in ("country", "admin1", "region") or c.population >= 50_000) and not c.alt
                   for c in m.cands[:3])

    def _opens(self, doc, m: Mention, start: int) -> bool:
        """Whether a division or town opens an unknown entity as the name of its own office: "Lamar
        County Commissioners", "Edgar County Sheriff's Department", "Tillsonburg Mayor ..."."""
        if m.start != start or m.end >= len(doc):
            return False
        if m.key.rsplit(" ", 1)[-1] in ("county", "parish", "township", "borough") and any(
                c.feature == "admin2" for c in m.cands[:3]):
            return True
        return doc[m.end].lower_ in self.cues.institutions and self._town(m)

    @staticmethod
    def _compound_village(doc, m: Mention) -> bool:
        """A village of two or more capitalised words after a locative preposition ("in Burnt Forest",
        "at Archers Post"): a compound name is rarely a common word or a surname, so the village needs
        no size, only its main name and no capitalised word running on."""
        if m.end - m.start < 2 or not all(t.is_alpha and t.text[:1].isupper() for t in doc[m.start:m.end]):
            return False
        if m.end < len(doc) and doc[m.end].text[:1].isupper() and doc[m.end].is_alpha:
            return False
        return any(c.feature == "city" and not c.alt and c.population >= LOCAL_VILLAGE for c in m.cands[:3])

    @staticmethod
    def _prominent(m: Mention) -> bool:
        """Whether a name is well known enough to take on a preposition alone ("in Kunar")."""
        for c in m.cands[:5]:
            if c.feature in ("country", "region", "admin1") and not c.alt:
                return True
            if c.feature == "city" and not c.alt and c.population >= 5000:
                return True
            if c.feature == "city" and c.population >= BIG_ALT:
                return True  # "from Misrata" (Misratah), "in Bombay": a big city's other spelling
        return False

    # ------------------------------------------------------------------ resolution

    # Weights of the candidate score (log10 population is the unit). Chosen by hand for what each
    # piece should outweigh, then checked on the geo dev sets (GeoWebNews, LGL, TR-News).
    W = {
        "country": 3.0,  # a country name means the country, not "Russia, Ohio"
        "region": 1.0,
        "landmark": 7.0,  # "the White House" is the building in Washington, not Casablanca (an alternate name)
        "admin1": 0.5,
        "admin2": -1.0,  # districts share names with their towns; the town is the usual referent
        "alt_big": 0.5, "alt_small": 2.5,  # penalty for matching an alternate name (pop >= / < 100k)
        "capital": 3.0,  # "Washington", "Kabul": the seat of government
        "own_admin1": 2.0,  # penalty for a province holding a big city of its own name ("Kabul")
        "seat": 1.0,  # a town inside the province of its own name, mostly the seat that named it
        "cue": 3.0, "cue_conflict": 2.0,
        "country_focus": 3.0,  # times the share of the article's other places in that country
        "admin1_focus": 3.0,  # times the share of its other places in that first-level division
        "same_part": 0.5,  # within REGION_KM of a confident reading of another name (any kind)
        "named_country": 1.5,  # the article names the candidate's country ("Paris" in a story naming France)
        "admin1_named": 3.0,  # the article's other places lie in this division ("Ohio" the state, not the county)
        "near_any": 1.0,  # some reading of another name in the article lies in the same area
        "near": 1.5,  # within 50 km of another place the article names (x2/3 within 200, x1/4 within 600)
    }

    def resolve(self, doc, mentions: list[Mention]) -> None:
        """Pick a candidate for every accepted mention: once without context, then with the
        article's focus and nearby places as read from that first pass."""
        live = [m for m in mentions if m.accepted and m.cands and not m.longer]
        if not live:
            return
        local = {m.key for m in live if self._local(doc, m)}
        for m in live:
            m.local = m.key in local
            m.names_country = any(c.feature == "country" and not c.alt for c in m.cands)
        self._mutual_nearness(live)
        _link_adjacent(doc, live, _list_groups(doc, mentions))
        for m in live:
            self._choose(m, live, None)
        for _ in range(4):  # until the readings settle (they do in two or three rounds)
            ctx = _Context(live)
            before = [m.choice for m in live]
            for m in live:
                self._choose(m, live, ctx)
            if before == [m.choice for m in live]:
                break
        # one sense per discourse: repeats of a name follow its most confident reading, unless they
        # have a confident reading of their own ("Wash." ... "Washington" the state ... "Washington, D.C.")
        best: dict[str, Mention] = {}
        for m in live:
            if m.key not in best or m.margin > best[m.key].margin:
                best[m.key] = m
        for m in live:
            b = best[m.key]
            if b is not m and b.choice is not None and m.cue is None and b.choice in m.cands and m.margin < 1.0:
                m.choice = b.choice
        counties = {m.key[:-7]: m.choice for m in live if m.key.endswith(" county") and m.choice is not None
                    and m.choice.feature == "admin2" and m.margin >= 0.5}
        for m in live:
            c = counties.get(m.key)
            if c is not None and m.cue is None and any(x.id == c.id for x in m.cands) and m.choice is not None \
                    and distance_km(m.choice.lat, m.choice.lon, c.lat, c.lon) > 100:
                m.choice = c  # "the Suffolk Times" in a story naming Suffolk County (New York) is that county's
        for m in live:
            c = counties.get(m.key[:-5]) if m.key.endswith(" city") else None
            if c is not None and m.cue is None and m.choice is not None and m.choice.alt \
                    and distance_km(m.choice.lat, m.choice.lon, c.lat, c.lon) > 100:
                m.choice = c  # "Suffolk City police" (an alternate name of Suffolk, Virginia) by Suffolk County
        countries = {normalize(m.choice.name): m.choice for m in live
                     if m.choice is not None and m.choice.feature == "country" and " and " in m.choice.name}
        for m in live:
            whole = next((c for name, c in countries.items() if name.startswith(m.key + " and ")), None)
            if whole is not None and m.choice is not None and m.choice.country != whole.country:
                m.choice = whole  # "Trinidad" in a story naming Trinidad and Tobago is that country
        ctx = _Context(live)
        for m in live:
            if self._stray_street(doc, m, ctx):
                m.choice = None  # placed like a street by `contain`
        self._held_bodies(doc, live)
        self._local_villages(doc, mentions, ctx)

    def _local_villages(self, doc, mentions: list[Mention], ctx: _Context) -> None:
        """A village too small to take on a preposition alone ("a market at Wana", "moved to
        Middlestown") or joined by a bare hyphen to a placed town ("Nelson-Creston") is a place when
        it lies in the country most of the article's places lie in and near one of them: local news
        names its villages so, and a word that merely shares a village's name rarely lands beside
        the story's own places."""
        placed_ends = {x.end for x in mentions if x.accepted and x.choice is not None}
        placed_starts = {x.start for x in mentions if x.accepted and x.choice is not None}
        for m in mentions:
            if m.accepted or m.person or m.label == "PERSON" or m.end - m.start > 3:
                continue
            if not (m.prep or _hyphened(doc, m.start - 1) and m.start - 1 in placed_ends
                    or _hyphened(doc, m.end) and m.end + 1 in placed_starts):
                continue  # "at Wana"; "MLA for Nelson-Creston" (a riding named by two of its towns)
            if doc[m.start].is_stop or doc[m.start].lower_ in self.cues.generic or doc[m.start].text.isupper():
                continue
            if m.end < len(doc) and self._cap(doc[m.end]):
                continue  # "at Wood Green Crown Court": the opening of a longer name
            best = None
            for c in m.cands[:5]:
                if c.feature != "city" or c.alt or c.population < LOCAL_VILLAGE:
                    continue
                if ctx.country_share(c.country, m.key) < 0.6:
                    continue
                d = ctx.nearest_km(c, m.key, anchors=True, cap=LOCAL_KM)
                if d <= LOCAL_KM and (best is None or d < best[0]):
                    best = (d, c)
            if best is not None:
                m.accepted, m.why, m.choice, m.margin = True, "village", best[1], 1.0

    def _held_bodies(self, doc, live: list[Mention]) -> None:
        """A name inside an institution's name that the text then places elsewhere ("the University of
        St. Thomas in Houston, Texas", "the Guildhall School of Music in London"): the institution is
        where the text says, so a reading of the inner name far from there gives way to that place."""
        by_start = {m.start: m for m in live}
        for m in live:
            if m.why != "embedded" or m.choice is None or m.choice.feature not in ("city", "admin2"):
                continue  # a country or state in the name stays itself ("the U.S. Naval Observatory in Washington")
            ent = next((e for e in doc.ents if e.start <= m.start < e.end), None)
            if ent is None or ent.label_ not in ("ORG", "FAC") or ent.end + 1 >= len(doc):
                continue
            if doc[ent.end].lower_ not in ("in", "at"):
                continue
            holder = by_start.get(ent.end + 1)
            c = holder.choice if holder is not None else None
            if c is None or c.feature not in TOWNISH or holder.margin < 1.0:
                continue
            if distance_km(m.choice.lat, m.choice.lon, c.lat, c.lon) > HELD_KM:
                m.choice = replace(c, feature="landmark", geonameid=None, population=0, alt=False, capital=False)

    def _stray_street(self, doc, m: Mention, ctx: _Context) -> bool:
        """Whether a name ending in a word for a way or square read as a small town far from every
        other place of the article is the street it looks like ("Royal Street at Washington Square"
        in a New Orleans story is not the town of Washington Square, Pennsylvania)."""
        c = m.choice
        if c is None or doc[m.end - 1].lower_ not in self.cues.street_words or m.end - m.start < 2:
            return False
        if c.feature not in ("city", "admin2") or c.population >= BIG_TOWN:
            return False
        return ctx.nearest_km(c, m.key, anchors=True, cap=200.0, enough=200.0) == math.inf

    def contain(self, doc, mentions: list[Mention]) -> None:
        """Place the places no gazetteer holds (streets, buildings, venues, parks: "Kingsley Road in
        Estey's Bridge", "the Convention Centre, Dublin") at the place that holds them: the resolved
        place right after them ("in X", ", X"), else the article's first town (the nearest town
        of their own sentence was right less often than that: 11 of 29 against 31 of 61 on the geo
        dev sets). The point is the container's, so the feature says `other` and no GeoNames id is
        given: a located approximation, not the feature's own position."""
        placed = [m for m in mentions if m.accepted and m.choice is not None]
        pending = [m for m in mentions if m.accepted and m.choice is None]
        main = self._main_town(placed) if placed and pending else None
        for m in pending:
            if m.why == "road" and (main is None or main.country not in ROAD_COUNTRIES):
                m.accepted = False  # "the A380" in a story set elsewhere is an aircraft
        if not placed:
            return
        for m in pending:
            if not m.accepted:
                continue
            c = self._holder(doc, m, placed) or main
            if c is None and m.why == "called":  # "the Kenyan village of Kanyerus" in a story naming no town
                c = next((o.choice for o in reversed(placed) if o.end <= m.start <= o.end + 4
                          and o.choice.feature == "country"), None)
            if c is not None:
                m.choice = replace(c, feature="landmark", geonameid=None, population=0, alt=False, capital=False)
                m.why = m.why or "contained"

    @staticmethod
    def _main_town(placed: list[Mention]) -> Candidate | None:
        """The article's setting: the first town it names in its most named country (news names the
        setting first, in the dateline or the lead; the first town beat the most named one on the
        geo dev sets, 835 against 826 GWN mentions right). A person's name read as a village abroad
        is not where a New Orleans story is set. Without a town, its first province or state."""
        countries = Counter(m.choice.country for m in placed if m.choice.country)
        if not countries:
            return None
        home = countries.most_common(1)[0][0]
        towns = Counter(m.key for m in placed if m.choice.feature in TOWNISH and m.choice.country == home)
        if not towns:
            towns = Counter(m.key for m in placed if m.choice.feature == "admin1" and m.choice.country == home)
        if not towns:
            return None
        first = next(m for m in placed if m.key in towns)
        return first.choice

    @staticmethod
    def _holder(doc, m: Mention, placed: list[Mention]) -> Candidate | None:
        """The resolved place named right after a located name as its holder: "Royal Street in New
        Orleans", "Jamsil Stadium, Seoul"."""
        for o in placed:
            if m.end <= o.start <= m.end + 3 and all(
                    doc[k].lower_ in CONTAINER_GLUE for k in range(m.end, o.start)) and o.choice.feature != "region":
                return o.choice
        return None

    def _local(self, doc, m: Mention) -> bool:
        """Whether a mention reads as a local town of the article's own area: before the name of
        one of its institutions or people ("Paris City Council", "a Paris girl"), as someone's home
        ("Danielle Taylor of Paris") or next to a county ("Paris and Henry County"). Such a name
        takes no capital's bonus in an article set in another country."""
        if m.end < len(doc) and (doc[m.end].lower_ in self.cues.institutions
                                 or doc[m.end].lower_ in self.cues.residents):
            return True
        if self._residence(doc, m):
            return True
        for k in (m.end + 1, m.end + 2):
            if k < len(doc) and doc[k].lower_ in ("county", "parish") and all(
                    doc[j].lower_ in ("and", ",", "-", "&") for j in range(m.end, k - 1)):
                return True
        return False

    @staticmethod
    def _mutual_nearness(live: list[Mention]) -> None:
        """Mark the town/district candidates that have a candidate of another name within about
        50-100 km ("Paris" and "Henry County": Paris, Tennessee lies in Henry County, Tennessee).
        Uses half-degree cells, so it costs a few dict hits per candidate, not a distance matrix."""
        cells: dict[tuple[int, int], set[str]] = {}
        for m in live:
            for c in m.cands[:30]:
                if c.feature in ("city", "admin2"):
                    cells.setdefault((math.floor(c.lat * 2), math.floor(c.lon * 2)), set()).add(m.key)
        for m in live:
            near = set()
            for c in m.cands[:30]:
                if c.feature not in ("city", "admin2"):
                    continue
                y, x = math.floor(c.lat * 2), math.floor(c.lon * 2)
                if any(k != m.key for dy in (-1, 0, 1) for dx in (-1, 0, 1) for k in cells.get((y + dy, x + dx), ())):
                    near.add(c.id)
            m.near_any = near

    def _choose(self, m: Mention, live: list[Mention], ctx: _Context | None) -> None:
        scored = sorted(((self._score(m, c, live, ctx), c) for c in m.cands), key=lambda x: -x[0])
        m.choice = scored[0][1]
        m.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0

    def _score(self, m: Mention, c: Candidate, live, ctx: _Context | None) -> float:
        w = self.W
        s = math.log10(c.population + 10)
        f = c.feature
        s += w.get(f, 0.0)
        if c.alt and f != "country":
            # alternates of big places are mostly exonyms and short forms ("New York" for New York
            # City); those of small ones are mostly translations that collide with words
            s -= w["alt_big"] if c.population >= 100_000 else w["alt_small"]
        if c.capital and not m.minor and not (m.local and ctx is not None and ctx.elsewhere(c.country, m.key)):
            s += w["capital"]
        # a city inside an admin1 of its own name ("Kabul", "New York") is what bare names mean
        own_city = f == "admin1" and m.cue != "admin1" and any(
            o.feature == "city" and o.admin1_row == c.id and o.population > 50000 for o in m.cands)
        if own_city:
            s -= w["own_admin1"]
        if f == "city" and not c.alt and any(o.feature == "admin1" and o.id == c.admin1_row and not o.alt
                                             for o in m.cands):
            s += w["seat"]  # "Kwale town": the town that names its province is the province's seat
        if m.cue:
            if m.cue == f or (m.cue == "place" and f != "country") or (
                    m.cue == "admin2" and f == "admin1" and not any(x.feature == "admin2" for x in m.cands)):
                # (Kenya's counties are its first-level divisions: "Marsabit county")
                s += w["cue"]
            elif m.cue in ("admin1", "admin2", "city") and f != m.cue:
                s -= w["cue_conflict"]
        s += self._containment(m, c)
        if c.id in m.near_any and (ctx is None or ctx.country_share(c.country, m.key) > 0):
            s += w["near_any"]
        if ctx is not None:
            s += w["country_focus"] * ctx.country_share(c.country, m.key)
            if f not in ("country", "region") and not m.names_country and ctx.names_country(c.country, m.key):
                s += w["named_country"]
            if f in ("city", "admin2", "admin1") and ctx.nearest_km(
                    c, m.key, anchors=True, cap=REGION_KM, enough=REGION_KM) < REGION_KM:
                s += w["same_part"]
            if f == "admin1" and not own_city and ctx.admin1_share(c.id, m.key) > 0:
                s += w["admin1_named"]  # "West Chester ... Southern District of Ohio": the state
            if f in ("city", "admin2"):
                s += w["admin1_focus"] * ctx.admin1_share(c.admin1_row, m.key)
                near = ctx.nearest_km(c, m.key)
                if near < 50:
                    s += w["near"]
                elif near < 200:
                    s += w["near"] * 2 / 3
                elif near < 600:
                    s += w["near"] / 4
        return s

    @staticmethod
    def _containment(m: Mention, c: Candidate) -> float:
        """Bonus for agreeing with an adjacent mention: "Khost, Afghanistan", "Atlanta, Georgia"."""
        bonus = 0.0
        for o in m.adjacent:
            for oc in o.cands:
                if oc.feature == "country" and c.feature != "country" and oc.country == c.country:
                    bonus = max(bonus, 2.5)
                elif oc.feature == "admin1" and c.admin1_row == oc.id and c.feature != "admin1":
                    bonus = max(bonus, 4.0)
                elif c.feature == "admin1" and oc.admin1_row == c.id and oc.feature != "admin1":
                    bonus = max(bonus, 4.0)
                elif c.feature == "country" and oc.country == c.country and oc.feature != "country":
                    bonus = max(bonus, 1.0)
        return bonus


# Share of an article's other place votes one country must hold for the article to be set there
# (see _Context.elsewhere).
ELSEWHERE = 0.5
# Distance within which another place of the article puts a candidate in the article's part of the world.
REGION_KM = 1500


class _Context:
    """What the current readings of an article's mentions say about it: its countries, its
    first-level divisions and the points of its places. Every query leaves out the mentions of the
    name being resolved, so a name cannot vote for its own reading ("Georgia" the country would
    otherwise make the article Georgian)."""

    def __init__(self, live: list[Mention]):
        self.country: dict[str, Counter[str]] = {}
        self.admin1: dict[str, Counter[int]] = {}
        self.points: dict[str, set[tuple[float, float]]] = {}
        self.anchors: dict[str, set[tuple[float, float]]] = {}  # confident readings of any kind
        self.named: dict[str, set[str]] = {}  # country -> the names read as that country itself
        for m in live:
            c = m.choice
            if c is None:
                continue
            weight = 2.0 if c.feature == "country" else (1.0 if m.margin >= 1.0 else 0.3)
            if c.country:
                self.country.setdefault(m.key, Counter())[c.country] += weight
                if c.feature == "country":
                    self.named.setdefault(c.country, set()).add(m.key)
            if c.admin1_row >= 0:
                self.admin1.setdefault(m.key, Counter())[c.admin1_row] += weight
            if c.feature in ("city", "admin2") and m.margin >= 1.0:
                self.points.setdefault(m.key, set()).add((c.lat, c.lon))
            if m.margin >= 1.0:
                self.anchors.setdefault(m.key, set()).add((c.lat, c.lon))
        # vote totals over all names, so a share that leaves one name out costs O(1), not O(names)
        self._sums = {id(v): self._totals(v) for v in (self.country, self.admin1)}

    @staticmethod
    def _totals(votes: dict) -> tuple[float, Counter]:
        total, hits = 0.0, Counter()
        for counter in votes.values():
            total += sum(counter.values())
            hits.update(counter)
        return total, hits

    def _share(self, votes: dict, key: str, value) -> float:
        total, hits = self._sums[id(votes)]
        hit = hits.get(value, 0.0)
        own = votes.get(key)
        if own:
            total -= sum(own.values())
            hit -= own.get(value, 0.0)
        return hit / total if total > 1e-9 else 0.0

    def country_share(self, country: str | None, key: str) -> float:
        return self._share(self.country, key, country) if country else 0.0

    def admin1_share(self, row: int, key: str) -> float:
        return self._share(self.admin1, key, row) if row >= 0 else 0.0

    def names_country(self, country: str | None, key: str) -> bool:
        """Whether another name of the article is read as this country itself ("France")."""
        return bool(country) and bool(self.named.get(country, set()) - {key})

    def elsewhere(self, country: str | None, key: str) -> bool:
        """Whether the article is set in another country: none of its other places lie in this
        one and most of them lie in a single other one."""
        if not country or self.country_share(country, key) > 0:
            return False
        top = Counter()
        for k, counter in self.country.items():
            if k != key:
                top.update(counter)
        total = sum(top.values())
        return bool(total) and top.most_common(1)[0][1] / total >= ELSEWHERE

    def nearest_km(self, c: Candidate, key: str, anchors: bool = False, cap: float = 600.0,
                   enough: float = 50.0) -> float:
        """Distance to the nearest point of the article's other names, or inf when none lies within
        `cap` km (callers only ask "within 50/200/600 km?", so any point within `enough` km ends the
        search). Points more than `cap` km apart in latitude alone are skipped before the haversine."""
        best = math.inf
        dlat_max = cap / 111.0
        for k, pts in (self.anchors if anchors else self.points).items():
            if k == key:
                continue
            for lat, lon in pts:
                if abs(lat - c.lat) > dlat_max:
                    continue
                d = distance_km(c.lat, c.lon, lat, lon)
                if d < best:
                    best = d
                    if d < enough:
                        return d
        return best if best <= cap else math.inf


def _list_groups(doc, mentions: list[Mention]) -> set[int]:
    """Coordination groups that are lists: three names or more, the last joined by "and"/"or"
    ("Washington, New York and Boston"). Their commas separate items; they do not put one name
    inside the next as in "Atlanta, Georgia"."""
    members: dict[int, list[Mention]] = {}
    for m in mentions:
        members.setdefault(m.group, []).append(m)
    out = set()
    for g, ms in members.items():
        if len(ms) >= 3 and any(doc[k].lower_ in ("and", "or") for k in range(ms[-2].end, ms[-1].start)):
            out.add(g)
    return out


def _link_adjacent(doc, live: list[Mention], lists: set[int] = frozenset()) -> None:
    """Give every mention the mentions that start or end within a token of it ("Khost, Afghanistan"),
    found through start/end maps once, so containment does not scan the article per candidate. Names
    joined by "and"/"or" or items of one list are not adjacent in that sense."""
    by_start: dict[int, list[Mention]] = {}
    by_end: dict[int, list[Mention]] = {}
    for m in live:
        by_start.setdefault(m.start, []).append(m)
        by_end.setdefault(m.end, []).append(m)
    for m in live:
        near = [o for k in (m.end - 1, m.end, m.end + 1) for o in by_start.get(k, ())]
        near += [o for k in (m.start - 1, m.start, m.start + 1) for o in by_end.get(k, ())]
        seen: set[int] = set()
        m.adjacent = []
        for o in near:
            if o is m or id(o) in seen:
                continue
            seen.add(id(o))
            if o.group == m.group and m.group in lists:
                continue
            gap = range(m.end, o.start) if o.start >= m.end else range(o.end, m.start)
            if any(doc[k].lower_ in ("and", "or", "&") for k in gap):
                continue
            m.adjacent.append(o)


def _hyphened(doc, i: int) -> bool:
    """Whether token i is a hyphen glued to the words on both sides ("Nelson-Creston", not "AMHERST - Irvin")."""
    return 0 < i < len(doc) - 1 and doc[i].text in ("-", "\u2013") and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_


def _divisional(m: Mention) -> bool:
    """Whether one of the first candidates is a country, first-level division or region by its main name."""
    return any(c.feature in ("country", "admin1", "admin2", "region") and not c.alt for c in m.cands[:3])


def _before_dashes(text: str) -> str:
    """A token's text before a wire dateline's dashes glued to it ("Calif.--(BUSINESS" -> "Calif.")."""
    for dash in ("--", "\u2014"):
        if dash in text[1:]:
            text = text[:text.index(dash, 1)]
    return text


def _skip_determiners(doc, i: int) -> int:
    """The first token at or after i that is not "the"."""
    while i < len(doc) and doc[i].text in DETERMINERS:
        i += 1
    return i


def _in_caps_run(doc, i: int) -> bool:
    """Whether a token sits among words set in capitals (a headline: "MAN SHOT IN HEAD")."""
    return any(0 <= k < len(doc) and doc[k].is_alpha and doc[k].is_upper and len(doc[k]) > 1 for k in (i - 1, i + 1))


def _sentence_index(doc) -> list[int]:
    """Sentence number of every token (empty when the Doc has no sentence boundaries)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return []
    out = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = k
    return out


# Dependency roles in which a place name stands for its government or people: "Washington said",
# "Kabul's decision", "talks between Islamabad and Kabul" are actors, not settings.
_AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Groups that travel to strike elsewhere: a place naming them ("Turkana raiders attack a village") is
# their origin when they act, not the scene (a town's "police" or "residents" act at home).
_RAIDING_GROUPS = frozenset({"raider", "raiders", "herder", "herders", "herdsman", "herdsmen", "bandit", "bandits",
                             "militia", "militiaman", "militiamen", "attacker", "attackers", "warrior", "warriors"})


def _agentive(doc, start: int, end: int) -> bool:
    """Whether a place mention is used as an actor (metonymy): the subject or possessor of its
    clause, or the object of "by". Read from the head token of the span's parse."""
    if not doc.has_annotation("DEP"):
        return False
    head = doc[start:end].root
    dep = head.dep_
    if dep in ("conj", "appos"):  # "Pakistan and India said": the first conjunct's role
        first = head.head
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        dep = first.dep_
    if dep == "pobj" and head.head.lower_ == "by":
        return True
    if dep in ("compound", "amod", "nmod") and head.head.lemma_.lower() in _RAIDING_GROUPS:
        return _agentive(doc, head.head.i, head.head.i + 1)  # "Turkana raiders attack ...": where they came from
    return dep in _AGENT_DEPS


@Language.factory("dyad_places", assigns=["doc._.places"])
def make_places(nlp, name):
    return Places(nlp, name)
