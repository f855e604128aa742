"""Sentence breaks at paragraphs, datelines — and none inside hard-wrapped lines."""

from __future__ import annotations

from dyad.components.paragraphs import paragraph_starts


def test_quote_ended_paragraph_breaks_without_full_stop():
    text = "Asif said “the entire equation has reversed.”\n“We do react,” he said."
    assert text.index("“We") in paragraph_starts(text)


def test_wrapped_line_does_not_break():
    text = ("It may be mild out now but prepare for a flash freeze making for slick driving conditions\n"
            "lasting through to Sunday morning.\nA messy mix of freezing drizzle is expected.")
    starts = paragraph_starts(text)
    assert text.index("lasting") not in starts
    assert text.index("A messy") in starts


def test_headline_and_dateline_break(nlp):
    text = "Gunmen kill five in Mandera\nNAIROBI, March 14 (Dyad Wire) - Gunmen killed five people on Monday."
    doc = nlp(text)
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Gunmen kill five in Mandera"
    assert starts[-1].startswith("Gunmen killed five people")
