"""Events (first minimal version; being written this session)."""

from __future__ import annotations

from spacy.language import Language

from dyad.components import Component


class Events(Component):
    name = "dyad_events"

    def annotate(self, doc) -> None:
        doc._.events = []


@Language.factory("dyad_events", assigns=["doc._.events"])
def make_events(nlp, name):
    return Events(nlp, name)
