"""Where an event happened: the places of its own sentences, ordered so the first is the best.

The places component finds and resolves every place of the article; this module decides which
of them an event took place in. News names places for many reasons besides the event's scene
(an actor's capital, a victim's home town, the article's country), and a village name often has
namesakes abroad, so the order is: resolved places first, then those of the article's own
country, then places told as a scene ("in X", "at X"), then the most specific.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

from spacy.tokens import Doc

# words that name what kind of place a name is ("Salima village", "Ngara estate", "Delta Hotel")
PLACE_TYPE_WORDS = ("village", "villages", "town", "area", "areas", "estate", "estates", "slum", "slums", "market",
                    "location", "ward", "division", "district", "sub-county", "sub county", "subcounty", "county",
                    "constituency", "camp", "centre", "center", "hall", "hotel", "campus", "neighbourhood",
                    "neighborhood", "settlement", "trading centre", "police station", "mall", "the")
# the text between a place and the place it lies in: "X village in Y", "X estate, Y", "X (Y)", "X area of
# Y", "X and Z villages in Y", "X (Z, Y)": type words, a listed sibling, then "in/at/near/of", a comma
# or a bracket, and at most one intermediate name ("Pangani (Starehe, Nairobi)")
CONTAINER_GAP = re.compile(r"^[\s,(]*(?:(?:and|or|&)\s+[A-Z][\w'-]+(?: [A-Z][\w'-]+)?\s*)?"
                           r"(?:(?i:" + "|".join(PLACE_TYPE_WORDS) + r")\b\s*)*"
                           r"(?:in|at|near|of|,|\(|\[)[\s(]*(?:the\s+)?"
                           r"(?:[A-Z][\w'-]+(?: [A-Z][\w'-]+)?\s*,\s*)?$")


FAR_KM = 150  # a place told inside another cannot lie farther from it than this


def _km(a, b) -> float:
    """Great-circle distance between two resolved places, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Readings(dict):
    """What `namesakes` finds (a place read abroad -> the place the text puts it in), carrying what
    `event_places` works out once per document rather than once per event (`memo`)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.memo: dict = {}


def namesakes(doc: Doc, places) -> dict[tuple[int, int], object]:
    """Places read as a foreign namesake although the text puts them inside a place of another
    country: "Salima village in Laisamis", "Pangani (Starehe, Nairobi)", "Zimmerman, Nairobi" — or
    read far from the place the text puts them in ("Galole area of North Horr"): the container is
    where the event is; maps each such place to its container. Every other mention of the same
    reading is the same namesake ("in Kiunga, Lamu ... escorting the children to Kiunga")."""
    out = Readings()
    text = doc.text  # (Doc.text joins every token: read it once)
    resolved = sorted((p for p in places if p.lat is not None), key=lambda p: p.start)
    for a in places:
        if a.lat is None or a.feature == "country":
            continue
        for b in resolved:
            if b.start <= a.end:
                continue
            if b.start - a.end > 40:
                break
            gap = text[a.end:b.start]
            if b.country == a.country and (b.feature not in ("city", "locality", "other") or _km(a, b) < FAR_KM
                                           or not re.search(r"\b(?:in|of|near|at)\b|\(", gap)):
                continue  # same country, and near enough to lie inside it or only listed with it
            if b.country != a.country and _km(a, b) < FAR_KM:
                continue  # a reading across a nearby border ("Beit Hanina ... of Jerusalem"), no namesake
            if a.feature in ("admin1", "admin2", "region") and b.feature in ("city", "locality") \
                    and not re.search(r"\w", gap):
                continue  # a province only listed before a town ("NORTH COTABATO, Montoro Superiore:")
            if CONTAINER_GAP.match(gap):
                out[(a.start, a.end)] = b
                break
    held = {(a.name, a.lat, a.lon): b for a in places if (b := out.get((a.start, a.end))) is not None}
    for a in places:
        b = held.get((a.name, a.lat, a.lon))
        if b is not None:
            out.setdefault((a.start, a.end), b)
    return out


LOCATIVE_WORDS = {"in", "at", "near", "outside", "around", "inside", "into", "across", "within", "of"}
SCENE_WORDS = frozenset(LOCATIVE_WORDS - {"of"}) | {"on", "along"}
# origins and destinations: "raiders from Sudan", "ferrying crude oil to Mombasa", "a bus bound for X"
PATH_WORDS = frozenset({"from", "to", "towards", "toward"})
NEAR_WORDS = frozenset({"next", "close", "near", "adjacent", "closer"})  # "close to X" is a scene
# names of ways: "Lagos Road" in Nairobi, "Mombasa Road" at Mlolongo are streets, not the towns
WAY_WORDS = frozenset({"road", "rd", "street", "st", "avenue", "highway", "drive", "lane", "way", "bypass"})
# words between a scene preposition and the place that holds the scene ("in Huruma Estate, Nairobi")
_HOLDER_TYPE = frozenset(w for w in PLACE_TYPE_WORDS if " " not in w) | {
    "headquarters", "offices", "office", "premises", "gates", "outskirts", "parts", "part", "section"}
_HOLDER_LINKS = frozenset({",", "(", "[", "-", "'s", "’s", "of", "a", "an"})


def _first_token(doc: Doc, start: int):
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return None if span is None else span.start


def locative(doc: Doc, start: int, words: frozenset[str] | set[str] = LOCATIVE_WORDS) -> bool:
    """Whether a place is introduced by a locative preposition ("in Mandera", "near Lamu")."""
    i = _first_token(doc, start)
    if i is None or i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ == "the" and i > 1:
        prev = doc[i - 2]
    return prev.lower_ in words


def scene(doc: Doc, start: int) -> bool:
    """Whether a place is told as where something is: after a scene preposition ("in Mandera",
    "at the market"), or as the holder of such a place ("in Huruma Estate, Nairobi", "at Kibera
    (Nairobi)", "in Mlango Kubwa area of Pangani", "in Nairobi's Githurai", "at the headquarters of
    the Ministry of Finance, Abuja"). Such a mention is no actor even where the parse makes it a
    subject or possessor."""
    i = _first_token(doc, start)
    if i is None or i == 0:
        return False
    first = doc[i - 1].lower_
    if first in SCENE_WORDS:
        return True
    # the place itself must follow a comma, a bracket or "the", or be what a named place lies "of"
    if first not in (",", "(", "[", "the") and not (first == "of" and i > 1 and doc[i - 2].lower_ in _HOLDER_TYPE):
        return False
    for j in range(i - 2, max(-1, i - 14), -1):
        t = doc[j]
        low = t.lower_
        if low in SCENE_WORDS:
            return True
        if not (t.is_title or t.is_upper or low in _HOLDER_TYPE or low in _HOLDER_LINKS):
            return False
    return False


def path(doc: Doc, start: int) -> bool:
    """Whether a place is an origin or a destination ("from Sudan", "to Mombasa", "bound for
    Kaloleni") rather than where the event happened ("close to X" is where)."""
    i = _first_token(doc, start)
    if i is None or i == 0:
        return False
    k = i - 1
    if doc[k].lower_ == "the" and k > 0:
        k -= 1
    w = doc[k].lower_
    if w in ("to", "toward", "towards") and k > 0 and doc[k - 1].lower_ in NEAR_WORDS:
        return False
    if w == "for" and k > 0 and doc[k - 1].lower_ == "bound":
        return True
    return w in PATH_WORDS


def way(doc: Doc, p) -> bool:
    """Whether a place name only names a street ("Lagos Road", "Mombasa Road")."""
    i = _first_token(doc, p.end - 1)
    if i is None or i + 1 >= len(doc):
        return False
    return doc[i + 1].lower_.rstrip(".") in WAY_WORDS and doc[i + 1].is_title


REPEAT_WEIGHT = 0.25  # what each further mention of a place adds to its country's count


def home_country(doc: Doc, places, readings_abroad: dict | None = None) -> str | None:
    """The country most of an article's resolved places lie in (ties: the first named).

    Names of countries and provinces weigh double: they are rarely misread, where a village
    name often has namesakes abroad ("Marti, Samburu": Samburu is the evidence). A reading counts
    fully once and little for each repeat, however it is spelt ("US", "U.S.", "America"): a misread
    campaign or party name is often repeated ("the Jubilee candidate"), yet the place a long story
    is about is named again and again. A street name counts half; a place that is only where people
    came from or went to ("travelling to Somalia"), or is read abroad although the text puts it
    inside another place, not at all."""
    abroad = readings_abroad or {}
    weights: dict[tuple, float] = {}
    repeats: dict[tuple, int] = {}
    for p in places:
        if not p.country or p.lat is None or (p.start, p.end) in abroad or path(doc, p.start):
            continue
        # places told as where something happened ("in Isiolo") break ties with names
        # that may be something else ("supporters of Banana and Orange campaigns"); a street named
        # for a town is weak evidence ("Lagos Road" in Nairobi)
        w = (2 if p.feature == "admin1" else 1) + 0.5 * locative(doc, p.start, LOCATIVE_WORDS - {"of"})
        w = w / 2 if way(doc, p) else w
        key = (p.country, round(p.lat, 2), round(p.lon, 2))  # one reading: "US", "U.S.", "America"
        weights[key] = max(weights.get(key, 0), w)
        repeats[key] = repeats.get(key, -1) + 1
    counts: dict[str, float] = {}
    for key, w in weights.items():
        counts[key[0]] = counts.get(key[0], 0) + w + REPEAT_WEIGHT * repeats[key]
    return max(counts, key=lambda c: counts[c]) if counts else None


LOCATING_VERBS = frozenset({"situate", "situated", "locate", "located", "lie", "border", "straddle"})


def _located(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether a place is the subject of a verb that only places it ("Mandera is situated at a
    point where ...", "the town lies near the border"): no actor."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return False
    root = sp.root
    return root.dep_ in ("nsubj", "nsubjpass") and (root.head.lemma_.lower() in LOCATING_VERBS
                                                     or root.head.lower_ in LOCATING_VERBS)


def _possessive_holders(doc: Doc, chosen) -> set[tuple[int, int]]:
    """Places that hold another resolved place of the list by a possessive ("Sydney's Sunshine
    West", "Nairobi's Eastleigh"): the held place is the more precise scene."""
    starts = {p.start for p in chosen if p.lat is not None}
    out = set()
    for p in chosen:
        i = _first_token(doc, p.end - 1)
        if i is not None and i + 2 < len(doc) and doc[i + 1].lower_ in ("'s", "’s") and doc[i + 2].idx in starts:
            out.add((p.start, p.end))
    return out


class _Context:
    """What every event of a document shares: which place mentions stand for actors, the home
    country, the article's setting, and the words around each place (computed once per document)."""

    def __init__(self, doc: Doc, places, readings_abroad: dict):
        # places standing for an actor ("Kabul's decision", "Washington said") are not where it
        # happened, unless the text tells them as a scene ("rioting in Huruma Estate, Nairobi")
        agentive = {(s, e) for a in doc._.actors or [] if a.kind in ("state",) for s, e in a.mentions}
        agentive |= {(p.start, p.end) for p in places if getattr(p, "agentive", False)}
        self.agentive = {k for k in agentive if not scene(doc, k[0]) and not _located(doc, k)}
        self.path = {(p.start, p.end): path(doc, p.start) for p in places}
        self.way = {(p.start, p.end): way(doc, p) for p in places}
        self.locative = {(p.start, p.end): locative(doc, p.start) for p in places}
        self.home = home_country(doc, places, readings_abroad)
        # the article's setting: its first places that are neither actors nor origins/destinations
        # nor streets (a sub-national one when the article names one, as news leads with the locality)
        self.setting = [p for p in places if (p.start, p.end) not in self.agentive and not self.aside(p)
                        and (p.start, p.end) not in readings_abroad]
        self.ordered = sorted(places, key=lambda p: p.start)
        self.starts = [p.start for p in self.ordered]

    def aside(self, p) -> bool:
        """An origin, a destination or a street: named with the event but not where it happened."""
        return self.path.get((p.start, p.end), False) or self.way.get((p.start, p.end), False)


def _context(doc: Doc, places, readings_abroad: dict) -> _Context:
    memo = getattr(readings_abroad, "memo", None)
    if memo is None:
        return _Context(doc, places, readings_abroad)
    if memo.get("doc") is not doc:
        memo.clear()
        memo["doc"], memo["ctx"] = doc, _Context(doc, places, readings_abroad)
    return memo["ctx"]


def _breadth(p) -> int:
    """0 for a place inside a country, 1 for a country, 2 for a region no country holds ("Asia",
    "Eastern Europe", "the EU"): the narrower the better a single point stands for an event."""
    if p.feature == "country":
        return 1
    return 2 if p.country is None and p.lat is not None else 0


def event_places(doc: Doc, ev, readings_abroad: dict) -> list[str]:
    """The place ids of one event, best first. `readings_abroad` is `namesakes(doc, places)`,
    computed once per document (places read abroad although the text puts them inside another)."""
    places = doc._.places or []
    ctx = _context(doc, places, readings_abroad)
    agentive, home, setting = ctx.agentive, ctx.home, ctx.setting

    def in_sents(sents):
        found = []
        for s in sents:  # places are in text order: those of a sentence are one run of them
            lo, hi = bisect_left(ctx.starts, s.start_char), bisect_left(ctx.starts, s.end_char)
            found.extend(p for p in ctx.ordered[lo:hi] if (p.start, p.end) not in agentive)
        return sorted(found, key=lambda p: p.start)

    chosen = in_sents(ev.sentences(anaphoric=False)) or in_sents(ev.sentences())
    if not chosen and places:
        # no place in the event's own sentences (a statement, a demand, an arrest told without
        # one): the article's setting, in its home country when it has one
        src = (ev.source or {}).get("country") if ev.cls.acled_type is None else None
        home_setting = [p for p in setting if src and p.country == src] or \
            [p for p in setting if home is None or p.country == home]
        local = [p for p in home_setting if p.feature != "country"]
        chosen = (local or home_setting or setting)[:1]
    if not chosen and places and ev.cls.acled_type is not None:
        # a clash told only with its actors' places ("Samburu raiders kill villagers"): where the
        # actors come from is the best point left
        chosen = [p for p in ctx.ordered if (p.start, p.end) in agentive and p.lat is not None
                  and p.feature != "country"][:1]
    if chosen and places and all(
            p.lat is None or ctx.aside(p) or (p.start, p.end) in readings_abroad
            or p.feature == "country" for p in chosen):
        # the event's own places could not be resolved, are only where people came from or went
        # to, or are whole countries: add the article's resolved setting (inside the event's
        # country when it names one, else the home country)
        countries = {p.country for p in chosen if p.feature == "country" and p.lat is not None
                     and not ctx.path.get((p.start, p.end))} or {home}
        resolved = [p for p in setting if p.lat is not None and (home is None or p.country in countries)]
        local = [p for p in resolved if p.feature != "country"]
        chosen = chosen + [p for p in (local or resolved)[:1] if p not in chosen]
    for a in list(chosen):
        b = readings_abroad.get((a.start, a.end))
        if b is not None and b not in chosen:
            chosen.append(b)
    src_country = (ev.source or {}).get("country")
    if len(chosen) > 1:
        chosen = [p for p in chosen if not (p.feature == "country" and p.country == src_country)] or chosen
    holders = _possessive_holders(doc, chosen)
    order = {"locality": 0, "city": 0, "admin2": 1, "admin1": 2, "region": 3, "other": 3, "country": 4}
    # resolved places first, then those of the article's own country (a reading in another
    # country is more likely a misresolved namesake), then where the event happened ("in X",
    # "at X") before places named as modifiers ("the Garissa attack") and before origins and
    # destinations ("raiders from Sudan") and streets ("Lagos Road"), a place after the place it
    # holds ("in Sydney's Sunshine West", "south Kashmir's Pulwama district"), then the most specific
    # (a namesake read abroad inside a place of another country counts as unresolved; a country
    # comes after any resolved place inside one)
    chosen.sort(key=lambda p: (p.lat is None or (p.start, p.end) in readings_abroad,
                               home is not None and p.country not in (home, None), _breadth(p),
                               ctx.aside(p), (p.start, p.end) in holders,
                               not ctx.locative.get((p.start, p.end), False),
                               order.get(p.feature or "other", 3), p.start))
    seen, ids = set(), []
    for p in chosen:
        key = (p.name, p.lat, p.lon)
        if key not in seen:
            seen.add(key)
            ids.append(p.id)
    return ids
