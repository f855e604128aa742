"""The offline gazetteer: GeoNames places, ISO 3166 divisions and countries, compiled once.

    from dyad.gazetteer import get_gazetteer
    gaz = get_gazetteer()            # builds on first use (~15 s), then loads the cache (~0.4 s)
    gaz.lookup("Khowst")             # -> candidates: admin1 Khōst (AF, AF-KHO), city Khost, ...

`build.py` compiles the packages' data into column arrays and a name index; `lookup.py` reads
them. The places component is the main reader; anything else that needs "where is X" should go
through `get_gazetteer()` so a process holds one copy.
"""

from __future__ import annotations

from functools import lru_cache

from dyad.gazetteer.lookup import FEATURES, Candidate, Gazetteer, distance_km, normalize


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built and cached on first use."""
    from dyad.gazetteer.build import build_cached
    from dyad.gazetteer.lookup import load_payload

    return Gazetteer(load_payload(build_cached()))


def from_sources(sources, lexicon: dict | None = None) -> Gazetteer:
    """A gazetteer built in memory from given sources (tests, or a custom gazetteer)."""
    from dyad.gazetteer.build import build

    return Gazetteer(build(sources, lexicon))


__all__ = ["Candidate", "FEATURES", "Gazetteer", "distance_km", "from_sources", "get_gazetteer", "normalize"]
