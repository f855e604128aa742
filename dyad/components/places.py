"""Places: toponyms recognised in the Doc and resolved to coordinates offline (gazetteer).

Recognition has two sources. The model's GPE/LOC/FAC entities are taken as places (minus
nationality words: "Afghan forces" names a nationality, SPEC keeps those out of `places`). Then a
dictionary scan over capitalised token n-grams finds gazetteer names the model missed or mislabelled
(en_core_web_sm tags "Kunar" ORG); such a name becomes a place only when its context says so —
a type noun ("Kunar province", "the town of Khost"), a coordination with other places ("in
Paktika, Khost, and Kunar provinces"), a locative preposition ("in Kunar") for a prominent name —
because most capitalised words that happen to name a village somewhere are not places.

Resolution scores each gazetteer candidate of a mention:
  * prominence: log population, with priors by feature (a country name is the country, not the
    village of "Russia, Ohio"; a city beats its own province of the same name, "Kabul", unless a
    type noun asks for the province);
  * cues: "province"/"state" -> admin1, "county"/"district" -> admin2, "city"/"town" -> city;
  * containment: "Atlanta, Georgia" puts Atlanta in Georgia and picks the US state;
  * the article's country focus (countries named, and the countries of confidently resolved places)
    and nearness to the other places it names.
A first pass without context finds the focus; a second pass resolves with it.

Everything is dictionary hits on the precompiled gazetteer (`dyad.gazetteer`); nothing scans the
gazetteer per document.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field

from spacy.language import Language

from dyad.components import Component
from dyad.gazetteer import Candidate, Gazetteer, distance_km, normalize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose spans may still be places when the context says so (the model's usual confusions).
WEAK_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
MAX_NGRAM = 5
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "al", "el", "du", "des", "da", "do", "upon", "on",
                        "-", "the", "and", "es", "ul", "'s"})
DETERMINERS = frozenset({"the", "The", "THE"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                        "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
                        "mid", "downtown", "suburban", "rural", "coastal"})
FEATURE_OF_ROW = {"region": "region", "country": "country", "admin1": "admin1", "admin2": "admin2",
                  "city": "city"}


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

    def as_report(self) -> dict:
        return asdict(self)


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
    scores: dict[int, float] = field(default_factory=dict)


class Cues:
    """Context words from dyad/lexicons/places.toml, as sets of lower-case words."""

    def __init__(self, lexicon: dict):
        cues = lexicon.get("cues", {})
        self.type_after = frozenset(cues.get("type_after", ()))
        self.type_before = frozenset(cues.get("type_before", ()))
        self.prepositions = frozenset(cues.get("prepositions", ()))
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
        places = []
        for m in mentions:
            if not m.accepted:
                continue
            span = doc[m.start:m.end]
            c = m.choice
            place = Place(id=f"p{len(places) + 1}", name=span.text, start=span.start_char, end=span.end_char)
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
        """Toponym mentions in text order: model entities first, then dictionary n-grams."""
        gaz = self.gaz
        taken = [False] * len(doc)
        label_of: dict[tuple[int, int], str] = {}
        inside: list[str] = [""] * len(doc)  # label of the entity covering each token
        mentions: list[Mention] = []
        for ent in doc.ents:
            label_of[(ent.start, ent.end)] = ent.label_
            for i in range(ent.start, ent.end):
                inside[i] = ent.label_
            if ent.label_ not in PLACE_LABELS:
                continue
            s, e = self._trim(doc, ent.start, ent.end)
            if s >= e:
                continue
            text = doc[s:e].text
            if gaz.is_demonym(text) or self._demonym_phrase(doc, s, e):
                continue
            m = self._mention(doc, s, e, ent.label_, strong=True)
            mentions.append(m)
            for i in range(ent.start, ent.end):
                taken[i] = True
        # dictionary scan over capitalised n-grams the model did not call places
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or not self._cap(tok):
                i += 1
                continue
            best = None
            for j in range(min(n, i + MAX_NGRAM), i, -1):
                if any(taken[k] for k in range(i, j)) or not self._cap(doc[j - 1]):
                    continue
                if any(not (self._cap(doc[k]) or doc[k].lower_ in CONNECTORS) for k in range(i + 1, j - 1)):
                    continue
                key = normalize(doc[i:j].text)
                if key and gaz.has_key(key):
                    best = j
                    break
            if best is None:
                i += 1
                continue
            label = label_of.get((i, best), "")
            # inside a longer name the model found ("Louisiana State University"): not a toponym here
            covering = inside[i] or inside[best - 1]
            if covering and not label:
                i = best
                continue
            if label in WEAK_LABELS and not gaz.is_demonym(doc[i:best].text):
                mentions.append(self._mention(doc, i, best, label, strong=False))
            i = best
        mentions.sort(key=lambda m: m.start)
        self._contexts(doc, mentions)
        return mentions

    @staticmethod
    def _cap(tok) -> bool:
        t = tok.text
        return bool(t) and t[0].isupper() and tok.is_alpha | ("." in t) | ("-" in t) | ("'" in t)

    @staticmethod
    def _trim(doc, s: int, e: int) -> tuple[int, int]:
        """Drop a leading article and trailing possessive/punctuation from an entity span."""
        while s < e and (doc[s].text in DETERMINERS or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].text in ("'s", "’s", "'", "’")):
            e -= 1
        return s, e

    def _demonym_phrase(self, doc, s: int, e: int) -> bool:
        """A nationality used as an adjective inside a GPE span ("Afghan" in "Afghan Taliban")."""
        return e - s == 1 and doc[s].lower_.endswith(("ese", "ish", "ian", "ean", "ani")) \
            and not self.gaz.lookup_key(normalize(doc[s].text))

    def _mention(self, doc, s: int, e: int, label: str, strong: bool) -> Mention:
        """Look the span up, retrying without a type word ("Kunar province") or a direction
        ("northern Kunar"); the type word becomes a cue."""
        gaz = self.gaz
        key = normalize(doc[s:e].text)
        cands = gaz.lookup_key(key)
        cue = None
        if not cands and e - s > 1:
            last = doc[e - 1].lower_
            if last in self.cues.type_after:
                k = normalize(doc[s:e - 1].text)
                c = gaz.lookup_key(k)
                if c:
                    key, cands, cue = k, c, self.cues.feature.get(last)
                    e -= 1
            first = doc[s].lower_
            if not cands and first in DIRECTIONS:
                k = normalize(doc[s + 1:e].text)
                c = gaz.lookup_key(k)
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

    def _contexts(self, doc, mentions: list[Mention]) -> None:
        """Read type nouns, prepositions and coordination; accept weak mentions they support."""
        cues = self.cues
        n = len(doc)
        # coordination groups: mentions separated only by ",", "and", "or", "&"
        gid = 0
        for a, b in zip([None, *mentions], mentions, strict=False):
            if a is not None and 0 < b.start - a.end <= 3 and all(
                    doc[k].lower_ in (",", "and", "or", "&") for k in range(a.end, b.start)):
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
                m_prep = before in cues.prepositions
                if not m.accepted and m.cands:
                    if m.cue is not None:
                        m.accepted = True
                    elif m_prep and self._prominent(m) and m.label != "PERSON":
                        m.accepted = True
            # a list with one sure place makes its other gazetteer names places too
            if len(members) > 1 and any(x.accepted for x in members):
                for m in members:
                    if not m.accepted and m.cands and m.label != "PERSON":
                        m.accepted = True

    @staticmethod
    def _prominent(m: Mention) -> bool:
        """Whether a name is well known enough to take on a preposition alone ("in Kunar")."""
        for c in m.cands[:5]:
            if c.feature in ("country", "region", "admin1") and not c.alt:
                return True
            if c.feature == "city" and not c.alt and c.population >= 20000:
                return True
        return False

    # ------------------------------------------------------------------ resolution

    def resolve(self, doc, mentions: list[Mention]) -> None:
        live = [m for m in mentions if m.accepted and m.cands]
        if not live:
            return
        # pass 1: no document context
        for m in live:
            self._choose(m, live, focus=None, anchors=())
        focus = self._focus(live)
        anchors = [(m, m.choice) for m in live
                   if m.choice is not None and m.choice.feature in ("city", "admin2") and m.margin >= 1.0]
        for m in live:
            self._choose(m, live, focus=focus, anchors=anchors)

    def _focus(self, live: list[Mention]) -> dict[str, float]:
        """Share of each country in the article: named countries count double, then the countries
        of places resolved with a clear margin."""
        votes: Counter[str] = Counter()
        for m in live:
            c = m.choice
            if c is None or not c.country:
                continue
            if c.feature == "country":
                votes[c.country] += 2.0
            elif m.margin >= 1.0:
                votes[c.country] += 1.0
            else:
                votes[c.country] += 0.3
        total = sum(votes.values())
        return {k: v / total for k, v in votes.items()} if total else {}

    def _choose(self, m: Mention, live: list[Mention], focus: dict[str, float] | None, anchors) -> None:
        scored = []
        for c in m.cands:
            scored.append((self._score(m, c, live, focus, anchors), c))
        scored.sort(key=lambda x: -x[0])
        m.choice = scored[0][1]
        m.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0

    def _score(self, m: Mention, c: Candidate, live, focus, anchors) -> float:
        s = math.log10(c.population + 10)
        f = c.feature
        if f == "country":
            s += 3.0
        elif f == "region":
            s += 1.0
        elif f == "admin1":
            s += 0.5
        elif f == "admin2":
            s -= 1.0
        if c.alt and f != "country":
            s -= 1.5
        if c.capital:
            s += 1.0
        # a city inside an admin1 of its own name ("Kabul", "New York") is what bare names mean
        if f == "admin1" and m.cue != "admin1" and any(
                o.feature == "city" and o.admin1_row == c.id and o.population > 50000 for o in m.cands):
            s -= 2.0
        if m.cue:
            if m.cue == f or (m.cue == "place" and f != "country"):
                s += 3.0
            elif m.cue in ("admin1", "admin2", "city") and f != m.cue:
                s -= 2.0
        # containment with the next/previous mention: "Atlanta, Georgia"
        s += self._containment(m, c, live)
        if focus:
            s += 3.0 * focus.get(c.country or "", 0.0)
        if anchors and f in ("city", "admin2", "admin1"):
            near = min((distance_km(c.lat, c.lon, a.lat, a.lon) for o, a in anchors if o is not m),
                       default=None)
            if near is not None:
                if near < 50:
                    s += 1.5
                elif near < 200:
                    s += 1.0
                elif near < 600:
                    s += 0.4
        return s

    @staticmethod
    def _containment(m: Mention, c: Candidate, live: list[Mention]) -> float:
        bonus = 0.0
        for o in live:
            if o is m or abs(o.start - m.end) > 1 and abs(m.start - o.end) > 1:
                continue
            # adjacent across a comma: "Khost, Afghanistan" / "Atlanta, Georgia"
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


@Language.factory("dyad_places", assigns=["doc._.places"])
def make_places(nlp, name):
    return Places(nlp, name)
