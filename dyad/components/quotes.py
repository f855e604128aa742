"""Quotes (first minimal version; being written this session)."""

from __future__ import annotations

from spacy.language import Language

from dyad.components import Component


class Quotes(Component):
    name = "dyad_quotes"

    def annotate(self, doc) -> None:
        doc._.quotes = []


@Language.factory("dyad_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp, name):
    return Quotes(nlp, name)
