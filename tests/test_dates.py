"""Date mentions on sentences written for these tests, resolved against a published date.

The anchor, 2026-11-25, is a Wednesday; every expectation below follows from the rules in the
module docstring of dyad/components/dates.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from dyad.components.dates import dates_the_event, published_date, report_date, resolve

PUB = "2026-11-25"  # a Wednesday


def dates(nlp, text, published=PUB):
    doc = nlp.make_doc(text)
    doc._.meta = {"published": published}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert not doc._.meta.get("error"), doc._.meta
    return doc._.dates


def one(nlp, text, published=PUB):
    ms = dates(nlp, text, published)
    assert len(ms) == 1, [(m.text, m.date) for m in ms]
    return ms[0]


@pytest.mark.parametrize("text, mention, iso, precision", [
    # weekdays: the latest on or before publication; "last" is strictly before
    ("Gunmen attacked the camp on Tuesday.", "Tuesday", "2026-11-24", "day"),
    ("Protesters marched on Wednesday.", "Wednesday", "2026-11-25", "day"),
    ("The talks ended on Thursday.", "Thursday", "2026-11-19", "day"),
    ("The blast happened last Wednesday.", "last Wednesday", "2026-11-18", "day"),
    ("The vote is due next Friday.", "next Friday", "2026-11-27", "day"),
    ("Militants struck on Sunday night.", "Sunday night", "2026-11-22", "day"),
    # days around publication
    ("Pakistani forces conducted overnight airstrikes.", "overnight", "2026-11-24", "day"),
    ("Shelling continued last night.", "last night", "2026-11-24", "day"),
    ("Police said yesterday that 3 were held.", "yesterday", "2026-11-24", "day"),
    ("The minister spoke today.", "today", "2026-11-25", "day"),
    ("Fighting broke out two days ago.", "two days ago", "2026-11-23", "day"),
    # weeks, months, years
    ("Troops moved in this week.", "this week", "2026-11-23", "week"),
    ("Troops moved in last week.", "last week", "2026-11-16", "week"),
    ("Rebels attacked earlier this month.", "earlier this month", "2026-11-01", "month"),
    ("Rebels attacked last month.", "last month", "2026-10-01", "month"),
    ("The ceasefire collapsed in March.", "March", "2026-03-01", "month"),
    ("The ceasefire collapsed in December.", "December", "2025-12-01", "month"),
    ("Clashes erupted in mid-August.", "mid-August", "2026-08-01", "month"),
    ("They met in March 2024.", "March 2024", "2024-03-01", "month"),
    ("The war began in 2019.", "2019", "2019-01-01", "year"),
    ("Elections were held last year.", "last year", "2025-01-01", "year"),
    ("The truce broke in August last year.", "August last year", "2025-08-01", "month"),
    # days with a month
    ("The attack took place on March 3.", "March 3", "2026-03-03", "day"),
    ("The attack took place on 3 March 2024.", "3 March 2024", "2024-03-03", "day"),
    ("The attack took place on December 3.", "December 3", "2025-12-03", "day"),
    ("The file is dated 2024-03-03.", "2024-03-03", "2024-03-03", "day"),
    ("Police raided the den on 16/08/2019.", "16/08/2019", "2019-08-16", "day"),
    ("Police raided the den on 12/25/2019.", "12/25/2019", "2019-12-25", "day"),
    ("Police raided the den on 23/03.", "23/03", "2026-03-23", "day"),
    ("The body was found on the 26th.", "26th", "2026-10-26", "day"),
    ("The rally was held on Tuesday, Oct. 5.", "Tuesday, Oct. 5", "2026-10-05", "day"),
])
def test_resolved(nlp, text, mention, iso, precision):
    m = one(nlp, text)
    assert text[m.start:m.end] == m.text == mention
    assert (m.date, m.precision) == (iso, precision)


@pytest.mark.parametrize("text", [
    "The siege lasted for three days.",
    "The region has seen decades of conflict.",
    "Residents recalled the years of insurgency.",
    "The government unveiled a five-year plan.",
    "A 25-year-old man was arrested.",
    "The two-day strike paralysed the port.",
    "Fighting resumed the next day.",
    "Two days later the army withdrew.",
    "Patrols are held daily.",
    "Recently the army withdrew.",
    "The raid began at 10:30 pm.",
])
def test_not_dates(nlp, text):
    assert dates(nlp, text) == []


def test_without_a_published_date(nlp):
    ms = dates(nlp, "On Tuesday, a day after the 3 March 2024 vote, troops left; in March 2019 too.",
               published=None)
    by_text = {m.text: (m.date, m.precision) for m in ms}
    assert by_text["Tuesday"] == (None, None)
    assert by_text["3 March 2024"] == ("2024-03-03", "day")
    assert by_text["March 2019"] == ("2019-03-01", "month")


def test_relative_flag_and_sentence(nlp):
    ms = dates(nlp, "Talks failed in 2019. Troops attacked on Monday.")
    assert [(m.text, m.relative, m.sent) for m in ms] == [("2019", False, 0), ("Monday", True, 1)]


def test_lists_are_split(nlp):
    ms = dates(nlp, "Voting took place on 3 March 2024 and 5 April 2024.")
    assert [m.date for m in ms] == ["2024-03-03", "2024-04-05"]


def test_fallback_reads_other_shapes():
    r = resolve("the 1st of October 1960", None)
    assert (r.date, r.precision) == (date(1960, 10, 1), "day")
    r = resolve("the fall of 2018", None)
    assert (r.date, r.precision) == (date(2018, 1, 1), "year")


@pytest.mark.parametrize("value, expected", [
    ("2026-11-25", date(2026, 11, 25)),
    ("2026-11-25T08:30:00Z", date(2026, 11, 25)),
    (date(2026, 11, 25), date(2026, 11, 25)),
    ("not a date", None),
    (None, None),
])
def test_published_date(value, expected):
    assert published_date(value) == expected


def _event_dates(nlp, text, trigger):
    doc = nlp.make_doc(text)
    doc._.meta = {"published": PUB}
    doc = nlp(doc)
    keep = {t.i for t in doc if t.text == trigger}
    return [d.text for d in doc._.dates if dates_the_event(doc, d, keep)]


def test_a_date_in_a_clause_about_a_participant_is_not_the_event_date(nlp):
    text = "Police arrested Tom Reed, who was elected mayor in 1997, in a raid on Tuesday."
    assert _event_dates(nlp, text, "arrested") == ["Tuesday"]


def test_a_period_opened_by_since_is_not_the_event_date(nlp):
    text = "The ministry said it has paid most contractors since 2001."
    assert _event_dates(nlp, text, "paid") == []


def test_the_report_date_is_the_published_day(nlp):
    doc = nlp.make_doc("Gunmen attacked a bus.")
    doc._.meta = {"published": "2024-05-08T10:00:00Z"}
    assert report_date(nlp(doc)) == "2024-05-08"
    assert report_date(nlp("Gunmen attacked a bus.")) is None
