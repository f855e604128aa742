"""Casualty mentions: how many were killed, injured, abducted, arrested, displaced, missing."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from dyad.components import Component


@dataclass
class CasualtyMention:
    start: int  # char span of the count phrase ("at least 10 civilians")
    end: int
    count: int
    qualifier: str  # exact|at least|at most|about
    outcome: str  # killed|injured|abducted|arrested|displaced|missing
    who: str | None = None  # "civilians", "children", "soldiers"
    part_of: int | None = None  # index in doc._.casualties of the total this is a breakdown of
    trigger_start: int | None = None  # char span of the outcome word ("killed")
    trigger_end: int | None = None


class Casualties(Component):
    name = "dyad_casualties"

    def annotate(self, doc) -> None:
        doc._.casualties = []


@Language.factory("dyad_casualties", assigns=["doc._.casualties"])
def make_casualties(nlp, name):
    return Casualties(nlp, name)
