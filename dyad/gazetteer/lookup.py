"""Name lookup in the offline gazetteer that `dyad.gazetteer.build` compiles and caches.

The gazetteer is a handful of column arrays (one row per place: continent, country, admin1,
admin2, city) plus one dict from a *normalised* name to the rows carrying that name. Lookups are
dictionary hits, never scans, because the places component asks for every candidate n-gram of
every article and must stay cheap next to parsing.

Normalisation folds case, diacritics, apostrophes, periods and hyphens, so "Khōst", "KHOST" and
"Khost" share one key, and "St. Louis" / "St Louis" another. Spelling variants that differ in
letters ("Khowst") come from the alternate names GeoNames and ISO 3166-2 carry, not from fuzzy
matching: fuzzy matching over 600k names is slow and turns common words into villages.
"""

from __future__ import annotations

import math
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Row kinds, in the order the build stores them (the uint8 code is the index).
# "landmark": a building or district news names for the power seated there ("the White House",
# "the Kremlin"), placed at its city (dyad/lexicons/places.toml [landmarks])
FEATURES = ("region", "country", "admin1", "admin2", "city", "landmark")
REGION, COUNTRY, ADMIN1, ADMIN2, CITY, LANDMARK = range(6)
# Countries whose ISO 3166-2 division codes are the postal abbreviations their news uses ("Horry
# County, SC", "FrontCounter BC", "Perth, WA"); elsewhere the codes are rarely written in text.
POSTAL_COUNTRIES = frozenset({"US", "CA", "AU"})

# Letters NFKD does not decompose into a base letter plus a mark.
_FOLD = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
                       "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "ı": "i", "ħ": "h", "Ħ": "h",
                       "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ŀ": "l"})
# Apostrophes (ASCII, typographic, ʻokina, ʼ), periods and acute/grave accents written alone vanish
# ("Hawaiʻi" = "Hawaii", "U.S." = "US"); hyphens, dashes, slashes and commas become spaces.
_DROP = re.compile(r"[\u0027\u2018\u2019\u02bb\u02bc\u02b9\u0060\u00b4.]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015/,()]+")


def normalize(name: str) -> str:
    """The lookup key of a name: lower case, no diacritics or punctuation, single spaces."""
    s = unicodedata.normalize("NFKD", name.translate(_FOLD))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _DROP.sub("", s)
    return _SPACE.sub(" ", s).strip()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer row a name can refer to. `alt` says the name matched an alternate, not the
    row's main name, which is weaker evidence ("Cabura" is an alternate name of Kabul)."""

    id: int
    name: str
    feature: str  # region|country|admin1|admin2|city|landmark
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # name of the first-level division holding it (itself for an admin1)
    iso3166_2: str | None
    lat: float
    lon: float
    geonameid: int | None
    population: int
    alt: bool = False
    capital: bool = False
    admin1_row: int = -1  # row of the holding admin1 (to test "Atlanta, Georgia" containment)


class Gazetteer:
    """Read-only view over the compiled gazetteer payload (see `dyad.gazetteer.build.build`)."""

    def __init__(self, payload: dict):
        self.meta: dict = payload["meta"]
        self.names: list[str] = payload["names"].split("\n")
        self.feature: np.ndarray = payload["feature"]
        self.country_idx: np.ndarray = payload["country"]
        self.countries: list[str] = payload["countries"]  # index 0 is "" (no country)
        self.admin1: np.ndarray = payload["admin1"]  # row of the holding admin1, -1 if none
        self.lat: np.ndarray = payload["lat"]
        self.lon: np.ndarray = payload["lon"]
        self.population: np.ndarray = payload["population"]
        self.geonameid: np.ndarray = payload["geonameid"]
        self.flags: np.ndarray = payload["flags"]  # bit 0: national capital
        self.iso: dict[int, str] = payload["iso"]  # admin1 row -> ISO 3166-2 code
        # name -> position in the postings; built at load time from one joined string, which
        # unpickles ~10x faster than a pickled dict of 700k keys
        self.index: dict[str, int] = {k: i for i, k in enumerate(payload["keys"].split("\n"))}
        self.post_start: np.ndarray = payload["post_start"]
        self.post: np.ndarray = payload["post"]
        self.country_row: dict[str, int] = payload["country_row"]
        self.demonyms: frozenset[str] = frozenset(payload.get("demonyms", ()))
        self.abbrev: dict[str, int] = payload.get("abbrev", {})
        self.demonym_country: dict[str, str] = payload.get("demonym_country", {})
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._postal: dict[str, tuple[int, ...]] | None = None

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: str) -> bool:
        return normalize(name) in self.index

    def has_key(self, key: str) -> bool:
        """Whether an already-normalised key names anything (cheap pre-check for n-gram scans)."""
        return key in self.index

    def row(self, i: int, alt: bool = False) -> Candidate:
        """The candidate for row `i` of the table."""
        a1 = int(self.admin1[i])
        cc = self.countries[int(self.country_idx[i])] or None
        gid = int(self.geonameid[i])
        return Candidate(
            id=i, name=self.names[i], feature=FEATURES[int(self.feature[i])], country=cc,
            admin1=self.names[a1] if a1 >= 0 else None, iso3166_2=self.iso.get(a1) if a1 >= 0 else None,
            lat=float(self.lat[i]), lon=float(self.lon[i]), geonameid=gid or None,
            population=int(self.population[i]), alt=alt, capital=bool(self.flags[i] & 1), admin1_row=a1)

    def lookup_key(self, key: str, limit: int = 60) -> tuple[Candidate, ...]:
        """Candidates for a normalised key, most populous first (the build stores them so)."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        k = self.index.get(key)
        if k is None:
            out: tuple[Candidate, ...] = ()
        else:
            lo, hi = int(self.post_start[k]), int(self.post_start[k + 1])
            out = tuple(self.row(p >> 1, bool(p & 1)) for p in self.post[lo:min(hi, lo + limit)].tolist())
        if len(self._cache) > 200_000:  # bounded: a long batch must not grow without limit
            self._cache.clear()
        self._cache[key] = out
        return out

    def lookup(self, name: str, limit: int = 60) -> tuple[Candidate, ...]:
        """Candidates for a name as written in text ("Khōst", "khost" and "KHOST" are one key)."""
        return self.lookup_key(normalize(name), limit)

    def abbreviation(self, text: str) -> Candidate | None:
        """The division an abbreviation stands for ("Calif." -> California), if any."""
        i = self.abbrev.get(text.strip())
        return None if i is None else self.row(i)

    def postal(self, code: str) -> tuple[Candidate, ...]:
        """The first-level divisions a postal abbreviation stands for ("BC" -> British Columbia,
        "WA" -> Washington and Western Australia), in the countries whose ISO 3166-2 codes are the
        abbreviations their own post and press use (POSTAL_COUNTRIES). Built once from the ISO codes."""
        if self._postal is None:
            table: dict[str, list[int]] = {}
            for row, iso in self.iso.items():
                cc, _, sub = iso.partition("-")
                if cc in POSTAL_COUNTRIES and sub.isalpha() and int(self.feature[row]) == ADMIN1:
                    table.setdefault(sub, []).append(row)
            self._postal = {k: tuple(v) for k, v in table.items()}
        return tuple(self.row(i) for i in self._postal.get(code, ()))

    def country(self, iso2: str) -> Candidate | None:
        """The country row for an ISO 3166-1 alpha-2 code."""
        i = self.country_row.get(iso2.upper())
        return None if i is None else self.row(i)

    def demonym_of(self, word: str) -> str | None:
        """The ISO 3166-1 alpha-2 country a nationality adjective names ("Syrian" -> "SY"), if any."""
        return self.demonym_country.get(normalize(word))

    def is_demonym(self, word: str) -> bool:
        """Whether a word is a nationality adjective/noun ("Afghan", "Pakistanis")."""
        return normalize(word) in self.demonyms


def load_payload(path: Path) -> dict:
    with open(path, "rb") as f:
        return pickle.load(f)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), used to weigh candidates by nearness to co-mentions."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
