"""Date mentions resolved against the article's published date ("on Tuesday", "overnight")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from dyad.components import Component


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None  # ISO YYYY-MM-DD (the first day of the week/month/year for coarser precision)
    precision: str | None  # day|week|month|year


class Dates(Component):
    name = "dyad_dates"

    def annotate(self, doc) -> None:
        doc._.dates = []


@Language.factory("dyad_dates", assigns=["doc._.dates"])
def make_dates(nlp, name):
    return Dates(nlp, name)
