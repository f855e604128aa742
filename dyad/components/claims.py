"""Claims (first minimal version; being written this session)."""

from __future__ import annotations

from spacy.language import Language

from dyad.components import Component


class Claims(Component):
    name = "dyad_claims"

    def annotate(self, doc) -> None:
        pass


@Language.factory("dyad_claims", assigns=["doc._.events"])
def make_claims(nlp, name):
    return Claims(nlp, name)
