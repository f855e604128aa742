"""Figurative violence (figurative.py) on sentences written for these tests: general news borrows
the words of violence, conflict news means them."""

from __future__ import annotations

import pytest

import dyad

VIOLENT_ACLED = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def violent(text: str) -> list:
    r = dyad.extract(text=text, published="2024-05-06")
    assert r.error is None, r.error
    return [e for e in r.events if e.plover == "ASSAULT" or e.acled_type in VIOLENT_ACLED]


@pytest.mark.parametrize("text", [
    # sport: results, comebacks, shots and fixtures
    "The Dutch side beat the league leaders 3-1 on Saturday, and the coach praised his players.",
    "The seventh seed fought back from two sets down to win the final of the tournament.",
    "The striker shot wide from six yards before the break, and the team lost the match.",
    "The club's midfielder struck a penalty against the post as the season ended in defeat.",
    "The champions stormed to victory in the relay, and the team collected the gold medal.",
    "The league leaders face a tough clash with the cup holders on Sunday, the coach said.",
    # markets and companies
    "Oil prices hit a record high on Tuesday as investors worried about supplies to the market.",
    "The scandal-hit retailer said its profits fell by a quarter and its shares slid.",
    "The company was sold to a little-known shell company, which was later bought by a rival firm.",
    "The finance minister lashed out at the trade policies of richer countries at the bank's meeting.",
    "The firm fired 200 staff as sales slumped and the company's shares fell.",
    "Shares in the bank shot up 9% after the takeover bid was announced to investors.",
    "The budget deficit hit $400bn this year, the finance ministry said, as growth slowed.",
    # shows, deaths and fiction
    "The veteran singer, whose album topped the chart in 1978, has died of cancer aged 81.",
    "The band's hit single was played at the festival, and the album sold a million copies.",
    "The film depicts a bomb attack on a city, and the actor plays a police officer in the show.",
    # technology
    "The website was bombarded with e-mails after the software update, and users complained.",
    "Thousands of users became victims of cyber-crime last year, the technology company said.",
    "Hackers launched a denial of service attack on the company's website, disrupting online sales.",
    # politics
    "The opposition leader attacked the government's tax plans in a speech to party members at the"
    " budget debate, saying they would hit families hardest.",
])
def test_general_news_borrows_violence_words(text):
    assert violent(text) == [], text


@pytest.mark.parametrize("text", [
    # violence in general news stays when a weapon, an armed party, a toll or a person hurt is named
    "Riot police battled with fans outside the stadium after the match, and the club condemned the trouble.",
    "A man was shot in the leg outside the music studio while the singer's album launch went on.",
    "The singer was stabbed outside a nightclub after the awards show, his record company said.",
    "The former company chairman was murdered at his home, and shares in the firm fell 5%.",
    "A car bomb exploded outside the stadium before the match, injuring 17 fans.",
])
def test_literal_violence_in_general_news_stays(text):
    assert violent(text), text


@pytest.mark.parametrize("text", [
    # conflict news keeps its violence words
    "Gunmen attacked a village in Marsabit on Friday, killing four herders.",
    "Rival groups of youths fought running battles with stones and clubs in the market.",
    "Post-election violence continued in Kisumu, and two people were killed.",
    "Rebels shelled the town with mortars, and the army fought back with artillery.",
    "Soldiers regained control of the town after heavy fighting with militants.",
])
def test_conflict_news_keeps_violence(text):
    assert violent(text), text


@pytest.mark.parametrize("text", [
    "Twelve people were killed in a plane crash near the capital on Monday.",
    "At least 40 people were injured in a road accident on the highway, police said.",
])
def test_accidents_are_no_violence(text):
    assert violent(text) == [], text


@pytest.mark.parametrize("text", [
    # short texts: a word of violence or people on either side keeps the act
    "Armed youths attacked a trader on his way to the market and stole his goods.",
    "A council official was attacked by demonstrators on his way to the polling station.",
    "The body had been hacked with a panga and dumped near the river.",
    "Police shot into the air to disperse the crowd, and two people were wounded.",
    "Unknown arsonists petrol-bombed the party's offices ahead of a rally.",
])
def test_short_conflict_texts_keep_violence(text):
    assert violent(text), text


@pytest.mark.parametrize("text", [
    "The stadium deal is at the centre of a storm after the club's shares fell.",
    "Players who had been wound up by the referee were shown yellow cards in the second half of the match.",
    "The hacking row damaged the company's sales, and its shares fell on the market.",
    "The flanker was sin-binned for killing the ball at the ruck in the second half of the match.",
    "The label said it would not release any song inciting violence against any group, and its shares rose.",
])
def test_idioms_in_any_text(text):
    assert violent(text) == [], text


def test_general_news_article_needs_literal_support():
    """A long market story: its violence words are figurative unless a sentence names a weapon,
    an armed party or a toll."""
    article = " ".join([
        "Shares in the airline fell sharply on Monday after its profits were hit by rising fuel prices.",
        "The company's chief executive fought back against critics at the annual meeting of investors.",
        "He attacked the government's tax plans, saying they would hurt the firm's customers.",
        "Analysts said the market had been bombarded with gloomy forecasts in the first quarter.",
        "The firm also said it would target younger customers with cheaper fares this season.",
        "Its rival regained momentum in the second half, with sales up 4%.",
    ])
    assert violent(article) == []
    literal = article + " Separately, a man was stabbed at the airline's check-in desk by an attacker with a knife."
    assert violent(literal)


BUSINESS_DAY = ("Shares in the brewer rose 4% on Monday. The company agreed a £2bn deal to buy a rival firm, and its "
                "chief executive said the bid would lift profits. Investors welcomed the news. The club signed a new "
                "striker from a French team on a three-year contract. Analysts expect sales to grow in the next "
                "quarter as prices stabilise.")
POLITICS_DAY = ("Shares in the brewer rose 4% on Monday as markets steadied. The Foreign Secretary accused Russia of "
                "breaking the ceasefire agreement. The government agreed a trade deal with Japan on Tuesday. "
                "Investors welcomed the news. Analysts expect sales to grow in the next quarter.")


def test_general_news_acts_of_diplomacy_need_a_political_actor(nlp):
    plovers = [e.cls.plover for e in nlp(BUSINESS_DAY)._.events]
    assert "AGREE" not in plovers and "SUPPORT" not in plovers  # firms' deals and clubs' signings
    events = nlp(POLITICS_DAY)._.events
    assert any(e.cls.plover == "ACCUSE" and (e.target or {}).get("country") == "RU" for e in events)
