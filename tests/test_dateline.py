"""The publication date read off a pasted page when the record has none (dyad/clean/dateline.py)."""

from dyad import extract
from dyad.clean import clean
from dyad.clean.dateline import full_date, publication_date

PAGE = """Home
World
Business
Sport
Search
Share this page
Updated: 21 Mar 2024, 08:15
Published: 20 Mar 2024, 19:02
Gunmen kill three officers in border town attack
Gunmen attacked a police post in the border town of Kivu on Tuesday, killing three officers and wounding two others \
before fleeing towards the forest, days after a convoy was ambushed on the road to the provincial capital.
The district commander said officers had acted on information from residents who had seen armed men moving crates at \
night, and that two suspects were being questioned at the central police station.
"We will not allow criminals to turn this town into an arms market," the commander told reporters at a briefing.
Related stories
Flooding closes bridge on northern highway
March 2, 2024
Copyright 2024 Example News. All rights reserved.
"""


def test_full_date_shapes():
    assert full_date("Nov. 20, 2019 5:52 AM EST") == "2019-11-20"
    assert full_date("Updated 1:39 am EST, Wednesday, November 20, 2019") == "2019-11-20"
    assert full_date("19 Nov 2019 05:44 GMT") == "2019-11-19"
    assert full_date("By Mike Wall 2019-11-18T20:51:19Z Science") == "2019-11-18"
    assert full_date("by someone / 2016.12.01") == "2016-12-01"
    assert full_date("Posted in 2019") is None  # a year alone is no publication day
    assert full_date("November 2019") is None


def test_stamp_above_the_story_published_wins_over_updated():
    cleaned = clean(text=PAGE)
    assert "attacked a police post" in cleaned.text
    assert cleaned.published == "2024-03-20"


def test_teaser_dates_below_the_story_are_not_the_story_date():
    page = PAGE.replace("Updated: 21 Mar 2024, 08:15\n", "").replace("Published: 20 Mar 2024, 19:02\n", "")
    assert clean(text=page).published is None


def test_caption_dates_and_prose_dates_are_not_stamps():
    story = ("Soldiers patrol a market in the old town, on Aug. 31, 2019. (AP)\n"
             "On 12 March 2019 gunmen attacked a police post in the north of the country, killing three officers "
             "and wounding two others, the regional governor said in a statement.")
    assert publication_date(story, story) is None


def test_wire_dateline_dates_the_story():
    text = ("WASHINGTON, Nov. 20, 2019 (AP) — Police said on Tuesday that two men had been arrested after a "
            "shooting outside a shopping centre in the city's north-east that left one person injured.")
    assert clean(text=text).published == "2019-11-20"


def test_relative_dates_resolve_against_the_page_date():
    report = extract(text=PAGE)
    assert report.published == "2024-03-20"
    assert report.events and report.events[0].date == "2024-03-19"  # the Tuesday before publication


def test_a_given_published_date_is_kept():
    report = extract(text=PAGE, published="2024-03-22")
    assert report.published == "2024-03-22"
