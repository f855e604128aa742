"""Places: toponyms recognised in the Doc and resolved to coordinates offline (gazetteer)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from spacy.language import Language

from dyad.components import Component


@dataclass
class Place:
    id: str
    name: str
    start: int
    end: int
    feature: str | None = None  # country|admin1|admin2|city|locality|region|other
    country: str | None = None
    admin1: str | None = None
    iso3166_2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    def as_report(self) -> dict:
        return asdict(self)


class Places(Component):
    name = "dyad_places"

    def annotate(self, doc) -> None:
        doc._.places = []


@Language.factory("dyad_places", assigns=["doc._.places"])
def make_places(nlp, name):
    return Places(nlp, name)
