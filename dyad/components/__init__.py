"""dyad's spaCy components. Importing this package registers every factory with spaCy.

Each component reads what earlier ones wrote on the Doc (extension attributes) and writes its
own; none keeps state between documents. A component that fails on one document records the
error on that Doc instead of raising, so one bad article never stops a batch, and later
components skip that Doc.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

log = logging.getLogger("dyad")

# Every extension dyad writes, in pipeline order; `meta` is set before parsing (doc_id, published, ...).
EXTENSIONS = ("meta", "actors", "quotes", "places", "casualties", "dates", "events")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class Component:
    """Base of dyad's components: `annotate(doc)` does the work; `__call__` isolates failures."""

    name = "dyad_component"

    def __init__(self, nlp=None, name: str | None = None):
        self.nlp = nlp
        if name:
            self.name = name

    def annotate(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.meta
        if meta is None:
            meta = doc._.meta = {}
        if meta.get("error"):
            return doc
        try:
            self.annotate(doc)
        except Exception as exc:  # noqa: BLE001 - recorded per document, reported in its report
            log.debug("component %s failed", self.name, exc_info=True)
            meta["error"] = {"code": "pipeline_error", "message": f"{self.name}: {type(exc).__name__}: {exc}"}
        return doc


def char_span_sentence(doc: Doc, start: int, end: int):
    """The sentence holding a char span (its first token's sentence)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span[0].sent
