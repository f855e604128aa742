"""Actors on sentences written for these tests: persons with roles, groups, states, outlets."""

from __future__ import annotations


def actors_by_name(nlp, text):
    doc = nlp(text)
    return doc, {a.name: a for a in doc._.actors}


def test_person_role_and_country_from_premodifiers(nlp):
    doc, actors = actors_by_name(nlp, "Nigeria's Defence Minister Bashir Magashi visited troops in Maiduguri. "
                                      "Magashi said the army would stay.")
    mag = actors["Bashir Magashi"]
    assert mag.kind == "person"
    assert mag.role == "Defence Minister"
    assert mag.country == "NG"
    assert mag.sector == "GOV"
    assert len(mag.mentions) == 2  # the surname alone is the same person


def test_person_role_from_apposition_with_affiliation(nlp):
    doc, actors = actors_by_name(nlp, "Zabihullah Mujahid, the Taliban's chief spokesman, spoke to reporters.")
    zm = actors["Zabihullah Mujahid"]
    assert "spokesman" in zm.role
    assert zm.country == "AF"
    assert zm.sector == "GOV"


def test_demonym_plus_sector_noun_is_a_group(nlp):
    doc, actors = actors_by_name(nlp, "Kenyan police said Somali militants crossed the border.")
    assert actors["Kenyan police"].country == "KE"
    assert actors["Kenyan police"].sector == "COP"
    assert actors["Somali militants"].sector == "REB"


def test_capital_as_government_and_dictionary_group(nlp):
    doc, actors = actors_by_name(nlp, "Islamabad's decision angered the Taliban, while al-Shabaab stayed silent.")
    assert actors["Pakistan"].kind == "state"
    assert actors["Pakistan"].sector == "GOV"
    assert actors["Taliban"].country == "AF"
    assert actors["al-Shabaab"].sector == "REB"


def test_country_as_place_is_not_an_actor(nlp):
    doc, actors = actors_by_name(nlp, "The minister travelled to Afghanistan on Monday.")
    assert "Afghanistan" not in actors


def test_media_outlet(nlp):
    doc, actors = actors_by_name(nlp, "The minister spoke to Geo News and the Daily Nation on Friday.")
    assert actors["Geo News"].sector == "MED"


def test_mislabelled_place_in_a_list_of_provinces_is_not_an_organisation(nlp):
    doc, actors = actors_by_name(nlp, "Jets struck targets in Paktika, Khost, and Kunar provinces on Monday.")
    assert "Kunar" not in actors


def test_dateline_city_is_not_a_person(nlp):
    doc, actors = actors_by_name(nlp, "SRINAGAR, Oct 2 (Dyad Wire) - Shelling killed four civilians, officials said.")
    assert "SRINAGAR" not in actors


def test_country_mislabelled_as_a_person_is_not_a_person(nlp):
    doc = nlp("Fighters ambushed a convoy in central Mali's Mopti region on Monday.")
    assert not [a for a in doc._.actors if a.kind == "person" and a.name == "Mali"]


def _parsed_on(nlp, text, published):
    doc = nlp.make_doc(text)
    doc._.meta = {"published": published}
    doc = nlp(doc)
    return {a.name: a for a in doc._.actors}


def test_a_movement_that_took_power_keeps_its_earlier_sector_in_older_articles(nlp):
    text = "Taliban fighters attacked a police post in Kunduz, and the Taliban's spokesman claimed the raid."
    assert _parsed_on(nlp, text, "2015-09-28")["Taliban"].sector == "REB"
    assert _parsed_on(nlp, text, "2023-03-02")["Taliban"].sector == "GOV"
    assert actors_by_name(nlp, text)[1]["Taliban"].sector == "GOV"  # no date: the current status


def test_news_agencies_are_outlets_not_places(nlp):
    doc, actors = actors_by_name(nlp, "Xinhua reported that the bridge collapsed, and NBC and CBS aired the footage.")
    assert actors["Xinhua"].sector == "MED" and actors["Xinhua"].country == "CN"
    assert {"NBC News", "CBS News"} <= set(actors)  # separate outlets, not one
    assert not any(p.name == "Xinhua" for p in doc._.places or [])


def test_short_country_forms_of_headlines(nlp):
    doc, actors = actors_by_name(nlp, "Pak army captures two militant villages")
    assert actors["Pak army"].country == "PK" and actors["Pak army"].sector == "MIL"
    doc, actors = actors_by_name(nlp, "North Korean Foreign Minister Pak Ui-chun met his counterpart.")
    assert actors["Pak Ui-chun"].kind == "person"  # a surname, not the country


def test_a_committee_chairman_is_a_legislator_not_a_businessman(nlp):
    doc, actors = actors_by_name(nlp, "Public accounts committee chairman Edward Leigh criticised the department.")
    assert actors["Edward Leigh"].sector == "GOV"
    doc, actors = actors_by_name(nlp, "Shell chairman Jeroen van der Veer said profits rose.")
    assert next(a for a in actors.values() if a.kind == "person").sector == "BUS"


def test_suspects_are_criminal_suspects(nlp):
    doc, actors = actors_by_name(nlp, "Kenyan suspects were shot dead by police in Nairobi.")
    assert actors["Kenyan suspects"].sector == "CRM"
