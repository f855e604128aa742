"""Actors (first minimal version; being written this session)."""

from __future__ import annotations

from spacy.language import Language

from dyad.components import Component


class Actors(Component):
    name = "dyad_actors"

    def annotate(self, doc) -> None:
        doc._.actors = []


@Language.factory("dyad_actors", assigns=["doc._.actors"])
def make_actors(nlp, name):
    return Actors(nlp, name)
