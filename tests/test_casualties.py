"""Casualty mentions on sentences written for these tests: one per shape the reader must know.

Each shape is here because news states tolls that way; the expected values say what an analyst
would code, so a failure names the shape that broke.
"""

from __future__ import annotations

import pytest

from dyad.components.casualties import CasualtyMention, casualty_totals


def read(nlp, text):
    doc = nlp(text)
    assert not (doc._.meta or {}).get("error"), doc._.meta
    return doc, doc._.casualties


def only(nlp, text):
    """The single top-level mention of a sentence."""
    doc, ms = read(nlp, text)
    top = [m for m in ms if m.part_of is None]
    assert len(top) == 1, [(text[m.start:m.end], m.count, m.outcome) for m in ms]
    return doc, top[0]


# (text, count, qualifier, outcome, who, count phrase, trigger)
SHAPES = [
    # killed: active, passive, reduced, adjectival, nominal
    ("The strikes killed at least 10 civilians in Paktika.", 10, "at least", "killed", "civilians",
     "at least 10 civilians", "killed"),
    ("10 people were killed in the attack.", 10, "exact", "killed", "people", "10 people", "killed"),
    ("10 killed in blast near market", 10, "exact", "killed", None, "10", "killed"),
    ("A bomb exploded at the bus station, killing 10.", 10, "exact", "killed", None, "10", "killing"),
    ("The ambush left 10 dead.", 10, "exact", "killed", None, "10", "dead"),
    ("10 dead in clashes over grazing land", 10, "exact", "killed", None, "10", "dead"),
    ("The death toll from the blast rose to 10 on Monday.", 10, "exact", "killed", None, "10", "death toll"),
    ("The attack caused the deaths of 3 soldiers.", 3, "exact", "killed", "soldiers", "3 soldiers", "deaths"),
    ("The crash claimed the lives of 5 passengers.", 5, "exact", "killed", "passengers", "5 passengers",
     "claimed the lives of"),
    ("Two policemen were shot dead by gunmen.", 2, "exact", "killed", "policemen", "Two policemen", "shot dead"),
    ("Police shot dead six gang members in Dandora.", 6, "exact", "killed", "gang members",
     "six gang members", "shot dead"),
    ("Security forces gunned down seven suspected militants.", 7, "exact", "killed", "militants",
     "seven suspected militants", "gunned down"),
    ("A mob lynched three suspects at the market.", 3, "exact", "killed", "suspects", "three suspects", "lynched"),
    ("Three men were hacked to death in the village.", 3, "exact", "killed", "men", "Three men",
     "hacked to death"),
    ("Six people died in the fire.", 6, "exact", "killed", "people", "Six people", "died"),
    ("Seven Pakistani militants die in fresh infighting", 7, "exact", "killed", "militants",
     "Seven Pakistani militants", "die"),
    ("Gunmen shoot 1 policeman dead and flee.", 1, "exact", "killed", "policemen", "1 policeman", "dead"),
    ("Air raid 'kills nine' in Pakistan", 9, "exact", "killed", None, "nine", "kills"),
    ("Indian Shelling Kills Two - Pakistan.", 2, "exact", "killed", None, "Two", "Kills"),
    ("Five members of the Mungiki sect were killed in a shootout.", 5, "exact", "killed", "members",
     "Five members", "killed"),
    ("Two policemen were on Friday afternoon shot dead in Kiambu.", 2, "exact", "killed", "policemen",
     "Two policemen", "shot dead"),
    ("Twelve reportedly KIA.", 12, "exact", "killed", None, "Twelve", "KIA"),
    # injured, abducted, arrested, displaced, missing
    ("Gunmen opened fire on the crowd, wounding 12.", 12, "exact", "injured", None, "12", "wounding"),
    ("The grenade injured 3 traders.", 3, "exact", "injured", "traders", "3 traders", "injured"),
    ("12 wounded as police disperse protesters", 12, "exact", "injured", None, "12", "wounded"),
    ("Militants abducted 4 students from a school.", 4, "exact", "abducted", "students", "4 students",
     "abducted"),
    ("Police arrested 20 protesters in Nairobi.", 20, "exact", "arrested", "protesters", "20 protesters",
     "arrested"),
    ("The fighting displaced 3,000 people.", 3000, "exact", "displaced", "people", "3,000 people", "displaced"),
    ("5 missing after the boat capsized", 5, "exact", "missing", None, "5", "missing"),
    # numbers in words and qualifiers
    ("Twenty-three people died in the floods.", 23, "exact", "killed", "people", "Twenty-three people", "died"),
    ("Two dozen soldiers were killed.", 24, "exact", "killed", "soldiers", "Two dozen soldiers", "killed"),
    ("A dozen villagers were abducted.", 12, "exact", "abducted", "villagers", "A dozen villagers", "abducted"),
    ("One hundred and twenty people were arrested.", 120, "exact", "arrested", "people",
     "One hundred and twenty people", "arrested"),
    ("More than 200 people were arrested.", 200, "at least", "arrested", "people", "More than 200 people",
     "arrested"),
    ("Over 50 were injured.", 50, "at least", "injured", None, "Over 50", "injured"),
    ("Up to 40 people drowned.", 40, "at most", "killed", "people", "Up to 40 people", "drowned"),
    ("As many as 30 were killed.", 30, "at most", "killed", None, "As many as 30", "killed"),
    ("No more than 8 were hurt.", 8, "at most", "injured", None, "No more than 8", "hurt"),
    ("About 30 people were killed.", 30, "about", "killed", "people", "About 30 people", "killed"),
    ("Some 400 families were displaced.", 400, "about", "displaced", "families", "Some 400 families",
     "displaced"),
    ("Nearly 20 soldiers were killed.", 20, "about", "killed", "soldiers", "Nearly 20 soldiers", "killed"),
    ("Roughly 15 died.", 15, "about", "killed", None, "Roughly 15", "died"),
    ("Between 3 and 5 people died.", 3, "at least", "killed", "people", "Between 3 and 5 people", "died"),
    ("Police killed either one or four fighters.", 1, "at least", "killed", "fighters",
     "either one or four fighters", "killed"),
    ("Over 1.2 million people have been displaced.", 1_200_000, "at least", "displaced", "people",
     "Over 1.2 million people", "displaced"),
    # one victim, without a number
    ("A man was killed in the attack.", 1, "exact", "killed", "men", "A man", "killed"),
    ("A police officer was shot dead in Mandera.", 1, "exact", "killed", "police officers", "A police officer",
     "shot dead"),
    ("A 25-year-old man was stabbed to death.", 1, "exact", "killed", "men", "A 25-year-old man",
     "stabbed to death"),
    ("Landmine blast kills tribal leader", 1, "exact", "killed", "leaders", "tribal leader", "kills"),
    ("Both men were killed in the attack.", 2, "exact", "killed", "men", "Both men", "killed"),
]


@pytest.mark.parametrize("text, count, qualifier, outcome, who, phrase, trigger", SHAPES)
def test_shapes(nlp, text, count, qualifier, outcome, who, phrase, trigger):
    _, m = only(nlp, text)
    assert (m.count, m.qualifier, m.outcome, m.who) == (count, qualifier, outcome, who)
    assert text[m.start:m.end] == phrase
    assert text[m.trigger_start:m.trigger_end] == trigger


@pytest.mark.parametrize("text", [
    "The two-day strike cost 5 percent of revenue, or $100 million.",
    "Dozens were killed and hundreds were injured.",  # vague plurals give no count
    "Scores of people were arrested; several were abducted.",
    "Raiders stole 2,000 goats and 300 cattle.",
    "Police shoot three suspected robbers in a nightclub.",  # shot is not killed
    "The mob tried to lynch two men.",  # an attempt
    "A mob nearly lynched a pastor.",
    "He was sentenced to death in 2019.",
    "At 10 pm on 3 March 2024, 5 km from the border, the five-year plan began.",
])
def test_not_counts(nlp, text):
    _, ms = read(nlp, text)
    assert not ms, [(text[m.start:m.end], m.count, m.outcome) for m in ms]


def test_age_is_one_person_not_a_count(nlp):
    _, ms = read(nlp, "A 25-year-old was killed in 2019 after living there for 30 years.")
    assert [(m.count, m.outcome) for m in ms] == [(1, "killed")]


def test_killers_are_not_victims(nlp):
    _, ms = read(nlp, "Three gunmen killed a policeman.")
    assert [(m.count, m.who) for m in ms] == [(1, "policemen")]


def test_breakdown_including(nlp):
    text = "The strikes killed at least 10 civilians, including nine children."
    _, ms = read(nlp, text)
    total, part = ms
    assert (total.count, total.qualifier, total.who, total.part_of) == (10, "at least", "civilians", None)
    assert (part.count, part.who, part.outcome, part.part_of) == (9, "children", "killed", 0)
    assert casualty_totals(ms) == {"killed": (10, "at least")}


@pytest.mark.parametrize("text", [
    "Eight people were killed, among them three children.",
    "Eight people were killed, three of them children.",
    "Eight people were killed, including three children, in the attack.",
])
def test_breakdown_cues(nlp, text):
    _, ms = read(nlp, text)
    assert casualty_totals(ms) == {"killed": (8, "exact")}
    assert [m.count for m in ms if m.part_of is not None] == [3]


def test_breakdown_in_a_later_sentence(nlp):
    _, ms = read(nlp, "Seven people were killed in the raid. Among the dead were three police officers.")
    assert ms[1].part_of == 0 and ms[1].outcome == "killed"
    assert casualty_totals(ms) == {"killed": (7, "exact")}


def test_part_among_whole(nlp):
    _, ms = read(nlp, "Three militant commanders among six killed in Pakistan tribal area clash")
    commanders = next(m for m in ms if m.who == "commanders")
    assert ms[commanders.part_of].count == 6
    assert casualty_totals(ms) == {"killed": (6, "exact")}


@pytest.mark.parametrize("text, groups", [
    ("Three soldiers and two civilians were killed.", [(3, "soldiers"), (2, "civilians")]),
    ("Raiders killed three villagers, two herders and a teacher.",
     [(3, "villagers"), (2, "herders"), (1, "teachers")]),
    ("Gunmen kill police officer, minority Ahmadi man in Pakistan", [(1, "police officers"), (1, "men")]),
])
def test_groups_add_up(nlp, text, groups):
    _, ms = read(nlp, text)
    total = next(m for m in ms if m.summed)
    assert total.count == sum(n for n, _ in groups) and total.part_of is None
    parts = [(m.count, m.who) for m in ms if m.part_of == ms.index(total)]
    assert parts == groups
    assert casualty_totals(ms)["killed"][0] == total.count


def test_groups_that_break_a_told_total_down(nlp):
    _, ms = read(nlp, "The blast killed 10 people, 3 soldiers and 7 civilians.")
    assert not any(m.summed for m in ms)
    assert [m.part_of for m in ms] == [None, 0, 0]
    assert casualty_totals(ms) == {"killed": (10, "exact")}


def test_qualifiers_combine_in_a_sum(nlp):
    _, ms = read(nlp, "At least three soldiers and two civilians were killed.")
    assert casualty_totals(ms) == {"killed": (5, "at least")}


def test_outcomes_side_by_side(nlp):
    _, ms = read(nlp, "1 cop killed, 8 injured in blasts in NW Pakistan")
    assert casualty_totals(ms) == {"killed": (1, "exact"), "injured": (8, "exact")}
    _, ms = read(nlp, "Attackers detonated a bomb on a bus, killing four and injuring 30.")
    assert casualty_totals(ms) == {"killed": (4, "exact"), "injured": (30, "exact")}
    _, ms = read(nlp, "Gunmen shoot 1 policeman dead and injure another.")
    assert casualty_totals(ms) == {"killed": (1, "exact"), "injured": (1, "exact")}


def test_restated_total_is_marked(nlp):
    text = "Ten civilians were killed in the strike. Officials said the 10 dead were all farmers."
    _, ms = read(nlp, text)
    assert len(ms) == 2 and ms[1].restates == 0
    assert casualty_totals(ms) == {"killed": (10, "exact")}


def test_later_sentences(nlp):
    # the toll update wins, whatever the earlier figure
    _, ms = read(nlp, "A bomb killed four people on Monday. By Tuesday the death toll had risen to six.")
    assert ms[1].toll and casualty_totals(ms) == {"killed": (6, "exact")}
    _, ms = read(nlp, "The death toll rose from 5 to 10.")
    assert casualty_totals(ms) == {"killed": (10, "exact")}
    # "another", "others", "more" add; a smaller repeat does not
    _, ms = read(nlp, "Police killed 2 suspects. Another 3 died in hospital.")
    assert ms[1].additive and casualty_totals(ms) == {"killed": (5, "exact")}
    _, ms = read(nlp, "Six people were killed in the raid. Two of them were shot dead at the gate.")
    assert casualty_totals(ms) == {"killed": (6, "exact")}


def test_sentence_range(nlp):
    _, ms = read(nlp, "Five soldiers were killed in Kunar. In Khost, three civilians were wounded.")
    assert casualty_totals(ms, 0) == {"killed": (5, "exact")}
    assert casualty_totals(ms, (1, 2)) == {"injured": (3, "exact")}
    assert casualty_totals(ms, range(0, 2)) == {"killed": (5, "exact"), "injured": (3, "exact")}


def test_causes_are_marked_and_left_out(nlp):
    _, ms = read(nlp, "Residents protested after a pedestrian was killed by a motorist.")
    assert len(ms) == 1 and ms[0].cause
    assert casualty_totals(ms) == {}
    assert casualty_totals(ms, causes=True) == {"killed": (1, "exact")}
    _, ms = read(nlp, "Three men suspected of killing an elderly man were lynched by a mob.")
    assert casualty_totals(ms) == {"killed": (3, "exact")}


def test_explicit_zero(nlp):
    _, ms = read(nlp, "Police fired in the air; no one was killed.")
    assert [(m.count, m.outcome) for m in ms] == [(0, "killed")]
    assert casualty_totals(ms) == {"killed": (0, "exact")}


def test_parenthesis_explains_a_total(nlp):
    _, ms = read(nlp, "15 killed in clashes in Nakuru (8) and Molo (7).")
    assert casualty_totals(ms) == {"killed": (15, "exact")}


def test_totals_on_plain_mentions():
    ms = [CasualtyMention(0, 1, 3, "exact", "killed", sent=0),
          CasualtyMention(2, 3, 2, "at least", "killed", sent=0),
          CasualtyMention(4, 5, 1, "exact", "killed", sent=0, part_of=0),
          CasualtyMention(6, 7, 4, "about", "injured", sent=1)]
    assert casualty_totals(ms) == {"killed": (5, "at least"), "injured": (4, "about")}
    assert casualty_totals([]) == {}


def test_no_sentences_is_no_error(nlp):
    _, ms = read(nlp, "")
    assert ms == []
