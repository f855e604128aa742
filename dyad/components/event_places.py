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

from spacy.tokens import Doc


def home_country(doc: Doc, places) -> str | None:
    """The country most of an article's resolved places lie in (ties: the first named).

    Names of countries and provinces weigh double: they are rarely misread, where a village
    name often has namesakes abroad ("Marti, Samburu": Samburu is the evidence)."""
    counts: dict[str, float] = {}
    for p in places:
        if p.country and p.lat is not None:
            # places told as where something happened ("in Isiolo") break ties with names
            # that may be something else ("supporters of Banana and Orange campaigns")
            counts[p.country] = counts.get(p.country, 0) + (2 if p.feature == "admin1" else 1) + \
                0.5 * locative(doc, p.start, LOCATIVE_WORDS - {"of"})
    return max(counts, key=lambda c: counts[c]) if counts else None


CONTAINER_GAP = re.compile(r"^[\s,(]*(?:(?:[Vv]illage|town|area|areas|estate|slum|slums|market|location|ward|"
                           r"division|district|sub-county|sub county|county|constituency|camp|centre|center|hall|"
                           r"hotel|campus|and|the)\s+)*(?:in|at|near|of|,|\()[\s(]*(?:the\s+)?"
                           r"(?:[A-Z][\w'-]+(?: [A-Z][\w'-]+)?\s*,\s*)?$")


FAR_KM = 150  # a place told inside another cannot lie farther from it than this


def _km(a, b) -> float:
    """Great-circle distance between two resolved places, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def namesakes(doc: Doc, places) -> dict[tuple[int, int], object]:
    """Places read as a foreign namesake although the text puts them inside a place of another
    country: "Salima village in Laisamis", "Pangani (Starehe, Nairobi)", "Zimmerman, Nairobi" — or
    read far from the place the text puts them in ("Galole area of North Horr"): the container is
    where the event is; maps each such place to its container."""
    out = {}
    resolved = sorted((p for p in places if p.lat is not None), key=lambda p: p.start)
    for a in places:
        if a.lat is None or a.feature == "country":
            continue
        for b in resolved:
            if b.start <= a.end:
                continue
            if b.start - a.end > 40:
                break
            gap = doc.text[a.end:b.start]
            if b.country == a.country and (b.feature not in ("city", "locality", "other") or _km(a, b) < FAR_KM
                                           or not re.search(r"\b(?:in|of|near|at)\b|\(", gap)):
                continue  # same country, and near enough to lie inside it or only listed with it
            if CONTAINER_GAP.match(gap):
                out[(a.start, a.end)] = b
                break
    return out


LOCATIVE_WORDS = {"in", "at", "near", "outside", "around", "inside", "into", "across", "within", "of"}


def locative(doc: Doc, start: int, words: frozenset[str] | set[str] = LOCATIVE_WORDS) -> bool:
    """Whether a place is introduced by a locative preposition ("in Mandera", "near Lamu")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ == "the" and span.start > 1:
        prev = doc[span.start - 2]
    return prev.lower_ in words


def event_places(doc: Doc, ev, readings_abroad: dict) -> list[str]:
    """The place ids of one event, best first. `readings_abroad` is `namesakes(doc, places)`,
    computed once per document (places read abroad although the text puts them inside another)."""
    places = doc._.places or []
    # places standing for an actor ("Kabul's decision", "Washington said") are not where it happened
    agentive = {(s, e) for a in doc._.actors or [] if a.kind in ("state",) for s, e in a.mentions}
    agentive |= {(p.start, p.end) for p in places if getattr(p, "agentive", False)}

    def in_sents(sents):
        return [p for p in places if any(s.start_char <= p.start < s.end_char for s in sents)
                and (p.start, p.end) not in agentive]

    chosen = in_sents(ev.sentences(anaphoric=False)) or in_sents(ev.sentences())
    if not chosen and places and ev.cls.acled_type:
        # no place in the event's own sentences: the article's setting, i.e. its first place
        # (a sub-national one when the article names one, as news leads with the locality)
        setting = [p for p in places if (p.start, p.end) not in agentive]
        local = [p for p in setting if p.feature != "country"]
        chosen = (local or setting)[:1]
    home = home_country(doc, places)
    if chosen and places and ev.cls.acled_type and all(p.lat is None for p in chosen):
        # the event's own places could not be resolved: add the article's resolved setting
        setting = [p for p in places if (p.start, p.end) not in agentive and p.lat is not None
                   and (home is None or p.country == home)]
        local = [p for p in setting if p.feature != "country"]
        chosen = chosen + (local or setting)[:1]
    for a in list(chosen):
        b = readings_abroad.get((a.start, a.end))
        if b is not None and b not in chosen:
            chosen.append(b)
    src_country = (ev.source or {}).get("country")
    if len(chosen) > 1:
        chosen = [p for p in chosen if not (p.feature == "country" and p.country == src_country)] or chosen
    order = {"locality": 0, "city": 0, "admin2": 1, "admin1": 2, "region": 3, "other": 3, "country": 4}
    # resolved places first, then those of the article's own country (a reading in another
    # country is more likely a misresolved namesake), then where the event happened ("in X",
    # "at X") before places named as modifiers ("the Garissa attack"), then the most specific
    # (a namesake read abroad inside a place of another country counts as unresolved; a country
    # comes after any resolved place inside one)
    chosen.sort(key=lambda p: (p.lat is None or (p.start, p.end) in readings_abroad,
                               home is not None and p.country not in (home, None), p.feature == "country",
                               not locative(doc, p.start), order.get(p.feature or "other", 3), p.start))
    seen, ids = set(), []
    for p in chosen:
        key = (p.name, p.lat, p.lon)
        if key not in seen:
            seen.add(key)
            ids.append(p.id)
    return ids
