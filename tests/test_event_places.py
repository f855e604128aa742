"""Where an event happened (dyad/components/event_places.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

import dyad
from dyad.components.event_places import CONTAINER_GAP, home_country, path, scene, way


def first_place(text, published="2024-05-06"):
    """The report, its first event and that event's first resolved place (the one a reader maps)."""
    r = dyad.extract(text=text, published=published)
    assert r.error is None, r.error
    assert r.events, f"no event in {text!r}"
    ev = r.events[0]
    by_id = {p.id: p for p in r.places}
    resolved = [by_id[i] for i in ev.places if by_id[i].lat is not None]
    return r, ev, (resolved[0] if resolved else None)


def _at(doc, name):
    return doc.text.index(name)


@pytest.mark.parametrize("text, name, expected", [
    ("Rioting continued in Huruma Estate, Nairobi on Monday.", "Nairobi", True),
    ("Police killed a man at Kibera (Nairobi) on Sunday.", "Nairobi", True),
    ("A girl was slashed in Mlango Kubwa area of Pangani on Friday.", "Pangani", True),
    ("Police raided a flat in Nairobi's Githurai estate.", "Nairobi", True),
    ("Staff protested at the headquarters of the Ministry of Finance, Abuja, on Monday.", "Abuja", True),
    ("The Ministry of Finance, Abuja, said the staff would be paid.", "Abuja", False),
    ("Nairobi said the talks had failed.", "Nairobi", False),
    ("Kabul's decision angered Islamabad.", "Kabul", False),
    ("Talks between Islamabad and Kabul resumed.", "Kabul", False),
])
def test_scene_reaches_through_the_holder(nlp, text, name, expected):
    """A place told as holding the scene ("in X, Nairobi") is a scene, not the capital as actor."""
    doc = nlp.make_doc(text)
    assert scene(doc, _at(doc, name)) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("Raiders from Sudan attacked herders in Nakale.", "Sudan", True),
    ("Trucks ferrying crude oil to Mombasa were stopped.", "Mombasa", True),
    ("Police found a grenade on a bus bound for Kaloleni.", "Kaloleni", True),
    ("A bomb went off close to Mandera on Monday.", "Mandera", False),
    ("Gunmen attacked a bar in Garissa.", "Garissa", False),
])
def test_origins_and_destinations(nlp, text, name, expected):
    doc = nlp.make_doc(text)
    assert path(doc, _at(doc, name)) is expected


def test_street_names(nlp):
    class P:
        def __init__(self, start, end):
            self.start, self.end = start, end
    doc = nlp.make_doc("Youths blocked Mombasa Road in Nairobi; traders marched in Mombasa town.")
    a = _at(doc, "Mombasa")
    b = doc.text.index("Mombasa", a + 1)
    assert way(doc, P(a, a + 7)) and not way(doc, P(b, b + 7))


@pytest.mark.parametrize("gap, expected", [
    (" village in ", True), (" estate, ", True), (" Village, ", True), (" Hotel in ", True),
    (" area of ", True), (" (", True), (" (Starehe, ", True),
    (" and Arabiya villages in ", True),            # a listed sibling before the type word
    (" and Kawangware areas (Kilimani, ", True),
    (" said in ", False), (" to ", False), (", and ", False),
])
def test_container_gap(gap, expected):
    assert bool(CONTAINER_GAP.match(gap)) is expected


def test_home_country_counts_each_name_once(nlp):
    """A misread name repeated three times does not outvote a province named once."""
    class P:
        def __init__(self, doc, name, nth, feature, country):
            at = -1
            for _ in range(nth):
                at = doc.text.index(name, at + 1)
            self.name, self.start, self.end = name, at, at + len(name)
            self.feature, self.country, self.lat, self.lon = feature, country, 1.0, 1.0
    doc = nlp.make_doc("The Jubilee candidate in Embu County met the Jubilee team and a Jubilee crowd.")
    places = [P(doc, "Jubilee", 1, "city", "CA"), P(doc, "Embu County", 1, "admin1", "KE"),
              P(doc, "Jubilee", 2, "city", "CA"), P(doc, "Jubilee", 3, "city", "CA")]
    assert home_country(doc, places) == "KE"


def test_holder_of_the_scene_is_the_place_not_the_capital_as_actor():
    """'in Huruma Estate, Nairobi': Nairobi holds the scene; it is not the government."""
    _, _, p = first_place("Continuation of post election rioting in Huruma Estate, Nairobi. "
                          "Six were killed when two rival groups fought.")
    assert p is not None and p.name == "Nairobi"


def test_a_destination_yields_to_the_scene():
    _, _, p = first_place("Police arrested 29 suspects who they believed were travelling to Somalia to join "
                          "al-Shabaab. The arrests took place in the Kasarani neighbourhood of Nairobi.")
    assert p is not None and p.name == "Nairobi"


def test_an_origin_yields_to_the_setting():
    _, _, p = first_place("Raiders from Ethiopia attacked herders on Monday, killing four. "
                          "The attack took place near Moyale town in Marsabit County.")
    assert p is not None and p.country == "KE"


def test_a_street_named_for_a_town_is_not_the_scene():
    _, _, p = first_place("Protesters blocked Mombasa Road in Nairobi on Monday, burning tyres.")
    assert p is not None and p.name == "Nairobi"


def test_a_foreign_event_keeps_its_country():
    """The home-country preference does not pull a foreign event home: every place is abroad."""
    _, _, p = first_place("Pakistani jets struck targets in Khost and Paktika provinces of Afghanistan "
                          "overnight, killing ten civilians, officials in Kabul said.")
    assert p is not None and p.country == "AF" and p.feature != "country"


def test_every_mention_of_a_namesake_follows_its_container():
    """'in Kiunga, Lamu' puts Kiunga in Lamu; a later bare 'to Kiunga' is the same place."""
    r, ev, p = first_place("Eight people were killed in a roadside bomb attack in Kiunga, Lamu on Tuesday. "
                           "The police officers were escorting the children to Kiunga when the lorry was hit.")
    lamu = [q for q in r.places if q.name == "Lamu" and q.lat is not None]
    kiunga = [q for q in r.places if q.name == "Kiunga" and q.lat is not None]
    if lamu and kiunga and kiunga[0].country != lamu[0].country:
        assert p is not None and p.country == lamu[0].country


class _P:
    """A resolved place as the places component gives it (only the fields event_places reads)."""

    def __init__(self, doc, name, feature, country, lat, lon, nth=1):
        at = -1
        for _ in range(nth):
            at = doc.text.index(name, at + 1)
        self.id, self.name, self.start, self.end = f"{name}{nth}", name, at, at + len(name)
        self.feature, self.country, self.lat, self.lon = feature, country, lat, lon


def test_home_country_counts_one_reading_however_spelt(nlp):
    """'US', 'U.S.' and 'America' are one reading; a place named again and again still weighs."""
    doc = nlp.make_doc("US, U.S. and America talk about Hong Kong; Hong Kong, Hong Kong and Hong Kong again.")
    places = [_P(doc, "US", "country", "US", 39.8, -98.6), _P(doc, "U.S.", "country", "US", 39.8, -98.6),
              _P(doc, "America", "country", "US", 39.8, -98.6)]
    places += [_P(doc, "Hong Kong", "city", "HK", 22.3, 114.2, n) for n in (1, 2, 3, 4)]
    assert home_country(doc, places) == "HK"


def test_namesakes_need_distance_and_a_plausible_holder(nlp):
    from dyad.components.event_places import namesakes
    # far apart and told inside: a namesake, and its later bare mention follows the first
    doc = nlp.make_doc("A bomb hit Kiunga, Lamu on Tuesday; the convoy was going to Kiunga.")
    k1 = _P(doc, "Kiunga", "city", "PG", -6.1, 141.3)
    lamu = _P(doc, "Lamu", "admin1", "KE", -2.2, 40.8)
    k2 = _P(doc, "Kiunga", "city", "PG", -6.1, 141.3, 2)
    out = namesakes(doc, [k1, lamu, k2])
    assert out[(k1.start, k1.end)] is lamu and out[(k2.start, k2.end)] is lamu
    # a reading across a nearby border is no namesake
    doc = nlp.make_doc("They were held in the Beit Hanina neighbourhood of Jerusalem.")
    bh, jer = _P(doc, "Beit Hanina", "city", "PS", 31.83, 35.22), _P(doc, "Jerusalem", "city", "IL", 31.77, 35.22)
    assert namesakes(doc, [bh, jer]) == {}
    # a province listed before a town (a dateline) is not inside it
    doc = nlp.make_doc("NORTH COTABATO, Montoro: A villager was hurt in Pikit.")
    nc, mo = _P(doc, "NORTH COTABATO", "admin2", "PH", 7.1, 124.8), _P(doc, "Montoro", "city", "IT", 40.8, 14.8)
    assert namesakes(doc, [nc, mo]) == {}


def test_a_place_after_the_place_holding_it_by_possessive_comes_first():
    _, _, p = first_place("A man was attacked by a gang near a park in Sydney's Sunshine West on Sunday.")
    names = {"Sunshine West", "Sydney"}
    if p is not None and p.name in names:
        assert p.name == "Sunshine West"


def test_a_place_that_is_only_situated_is_no_actor(nlp):
    from dyad.components.event_places import _located
    doc = nlp("Mandera is situated at a point where the border is shared by both Ethiopia and Somalia.")
    assert _located(doc, (0, len("Mandera")))
    doc = nlp("Nairobi said the talks had failed.")
    assert not _located(doc, (0, len("Nairobi")))


def test_a_statement_told_without_a_place_takes_the_articles_setting():
    """An untyped act (a demand, an accusation) with no place of its own is set where the article is."""
    r = dyad.extract(text="The UN experts urged the government to scrap the proposed laws. "
                          "The laws were drafted in Naypyidaw, Myanmar's capital, last month.")
    by_id = {p.id: p for p in r.places}
    ev = r.events[0]
    assert ev.acled_type is None and ev.places and by_id[ev.places[0]].country == "MM"


def test_a_region_comes_after_a_country(nlp):
    from dyad.components.event_places import _breadth

    class P:
        def __init__(self, feature, country):
            self.feature, self.country, self.lat = feature, country, 1.0
    assert _breadth(P("city", "MM")) < _breadth(P("country", "MM")) < _breadth(P("region", None))


def test_an_untyped_act_without_a_place_prefers_its_source_country(nlp):
    """A statement told without a place is set in its speaker's country when the article names a
    place there, else in the article's home country."""
    from types import SimpleNamespace

    from dyad.components.event_places import event_places, namesakes
    doc = nlp("Afghan officials in Kabul condemned the overnight strikes in Khost and Kunar. "
              "The defence minister rejected the accusations on Monday. "
              "He later spoke to reporters in Lahore.")
    sents = list(doc.sents)
    by_id = {p.id: p for p in doc._.places}
    assert {"Kabul", "Lahore"} <= {p.name for p in doc._.places}

    def act(country):
        return SimpleNamespace(sentences=lambda anaphoric=True: [sents[1]], cls=SimpleNamespace(acled_type=None),
                               source={"country": country})
    ids = event_places(doc, act("PK"), namesakes(doc, doc._.places))
    assert ids and by_id[ids[0]].name == "Lahore"
    ids = event_places(doc, act(None), namesakes(doc, doc._.places))
    assert ids and by_id[ids[0]].country == "AF"


def test_raiders_place_is_their_origin_but_the_last_resort_for_the_clash():
    # "Khost raiders" came from Khost: the scene named after them comes first; told alone, Khost is all there is
    _, _, p = first_place("Khost raiders attacked a village in Paktika and stole cattle.")
    assert p is not None and p.name == "Paktika", p
    _, _, p = first_place("Khost raiders killed two villagers and stole cattle.")
    assert p is not None and p.name == "Khost", p
