"""Tests of `dyad eval`: every metric on small hand-made gold/prediction pairs, the dataset
helpers, the event scoring rules on hand-written reports, the CLI's usage errors, and one
end-to-end run of the real pipeline on fixtures written here (never data from shared/)."""

from __future__ import annotations

import gzip
import json
import math

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.eval import datasets as ds
from dyad.eval import metrics as m
from dyad.eval import runner


def approx(x):
    return pytest.approx(x, abs=1e-9)


# --------------------------------------------------------------------------- generic


def test_tokens_lowercase_word_regex():
    assert m.tokens("Hello, World! it's 2,660") == ["hello", "world", "it", "s", "2", "660"]
    assert m.tokens(None) == []


def test_ratio_and_prf_edge_cases():
    assert m.ratio(1, 0) is None
    assert m.prf(0, 0, 5) == {"p": None, "r": 0.0, "f1": 0.0}  # said nothing: F1 0, not unknown
    assert m.prf(0, 3, 0)["f1"] is None  # nothing to find: unmeasurable
    assert m.prf(2, 4, 2) == {"p": 0.5, "r": 1.0, "f1": approx(2 / 3)}


def test_greedy_one_to_one_best_first_and_threshold():
    scores = {(0, 0): 0.9, (1, 0): 0.95, (1, 1): 0.6, (2, 2): 0.3}
    pairs = m.greedy_one_to_one(scores, 0.5)
    # (0,0) loses gold 0 to the better (1,0); (1,1) loses pred 1; (2,2) is under the threshold
    assert [(i, j) for i, j, _ in pairs] == [(1, 0)]
    assert m.greedy_one_to_one({}, 0.5) == []


# --------------------------------------------------------------------------- clean


def test_shingle_pr_identical_partial_and_multiset():
    gold = "one two three four five"
    assert m.shingle_pr(gold, gold) == (1.0, 1.0)
    # prediction keeps the gold and adds a menu line: 10 tokens, 7 shingles, 2 of them gold
    p, r = m.shingle_pr(gold + "\nHome News Sport Weather Contact", gold)
    assert r == 1.0 and p == approx(2 / 7)
    # multiset: a shingle repeated twice in the prediction but once in gold counts once
    p, r = m.shingle_pr("a b c d a b c d", "a b c d")
    assert r == 1.0 and p == approx(1 / 5)


def test_shingle_pr_empty_cases():
    assert m.shingle_pr("", "some gold text here now") == (0.0, 0.0)  # failure is not precise
    assert m.shingle_pr("", "") == (1.0, 1.0)
    assert m.shingle_pr("junk junk junk junk", "") == (0.0, 1.0)
    assert m.shingle_pr("x y", "x y", n=4) == (1.0, 1.0)  # too short for shingles on both sides


def test_token_variant_is_bag_of_words():
    p, r = m.shingle_pr("the cat sat", "sat the cat down", n=1)
    assert (p, r) == (1.0, 0.75)


def test_averaged_prf_is_f1_of_averages():
    res = m.averaged_prf([(1.0, 0.0), (0.0, 1.0)])
    assert res["p"] == 0.5 and res["r"] == 0.5 and res["f1"] == 0.5  # mean of per-doc F1 would be 0
    assert m.averaged_prf([]) == {"p": None, "r": None, "f1": None}


# --------------------------------------------------------------------------- quotes


def test_text_f1_ignores_case_and_punctuation():
    assert m.text_f1("“Hope should always remain,”", "hope should always remain") == 1.0
    assert m.text_f1("", "x") == 0.0


def test_match_quotes_threshold_and_one_to_one():
    gold = ["we will win this election", "the economy is strong"]
    pred = ["we will win this election", "We will win this election!", "totally unrelated words"]
    pairs = m.match_quotes(pred, gold, 0.5)
    assert len(pairs) == 1 and pairs[0][1] == 0  # two predictions of one gold: only one matches
    assert m.match_quotes(["the economy"], gold, 0.5)[0][1] == 1  # F1 = 2*2/(2+4) = 0.67
    assert m.match_quotes(["economy"], gold, 0.5) == []  # F1 = 0.4 < 0.5


def test_name_tokens_drop_titles_asides_and_function_words():
    assert m.name_tokens("Sen. Bernie Sanders (I-Vt.)") == {"bernie", "sanders"}
    assert m.name_tokens("The New York Post") == {"new", "york", "post"}
    assert m.name_tokens("officials") == set()


@pytest.mark.parametrize("pred,gold,ok", [
    ("Bernie Sanders", "Sen. Bernie Sanders (I-Vt.)", True),
    ("Sanders", "Sen. Bernie Sanders (I-Vt.)", True),
    ("Hillary Clinton", "Sen. Bernie Sanders (I-Vt.)", False),
    ("Alicia Bannon", "Alicia Bannon, senior counsel in the Brennan Center's Democracy Program", True),
    ("Spokeswoman Haley Morris", "Morris", True),
    ("officials", "campaign officials", True),
    ("the campaign", "officials", False),
    (None, "Morris", False),
    ("  ", "Morris", False),
    ("Senator", "Sen. Bernie Sanders", False),  # a bare title names nobody
])
def test_speaker_matches(pred, gold, ok):
    assert m.speaker_matches(pred, gold) is ok


def _gq(text, qtype="direct", speaker="Haley Morris", kind="mention"):
    return {"quote": text, "quote_type": qtype, "speaker": speaker, "speaker_kind": kind}


def _pq(text, kind="direct", speaker=None):
    return {"text": text, "kind": kind, "speaker": speaker}


def test_score_quotes_counts_and_speakers():
    gold = [_gq("we always run a lean campaign and will continue", "partial"),
            _gq("compete vigorously for the nomination", "direct", "he", "pronoun"),
            _gq("this is not over by any means", "direct", "Sen. Bernie Sanders")]
    pred = [_pq("we always run a lean campaign and will continue", "partial", "Morris"),  # exact, right
            _pq("compete vigorously for the nomination tonight", "direct", "O'Malley"),  # fuzzy, pronoun ok
            _pq("this is not over by any means", "direct", "Hillary Clinton"),  # exact, wrong speaker
            _pq("an indirect paraphrase of something", "indirect", "X"),  # ignored: not quoted
            _pq("words nobody said", "direct", "Y")]  # false positive
    fig, sup = m.score_quotes([(pred, gold)])
    assert sup["quote_p"] == 4 and sup["quote_r"] == 3
    assert fig["quote_p"] == 0.75 and fig["quote_r"] == 1.0
    assert fig["direct_r"] == 1.0 and fig["partial_r"] == 1.0
    # exact-ish: the fuzzy one (F1 = 10/11 < 0.95) does not count
    assert fig["exact_f1"] == approx(m.f1(2 / 4, 2 / 3))
    assert fig["speaker_acc_mention"] == 0.5 and sup["speaker_acc_mention"] == 2
    assert fig["speaker_acc_pronoun"] == 1.0 and sup["speaker_acc_pronoun"] == 1
    assert fig["quote_speaker_f1"] == approx(m.f1(2 / 4, 2 / 3))


def test_score_quotes_empty_prediction():
    fig, sup = m.score_quotes([([], [_gq("a quoted sentence here")])])
    assert fig["quote_p"] is None and fig["quote_r"] == 0.0 and fig["quote_f1"] == 0.0
    assert fig["speaker_acc_mention"] is None and sup["speaker_acc_mention"] == 0


# --------------------------------------------------------------------------- places


def test_haversine_known_distances():
    assert m.haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.5)  # London-Paris
    assert m.haversine_km(10, 20, 10, 20) == 0.0
    assert m.haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088, rel=1e-6)


def test_match_spans_one_to_one_nested():
    gold = [(0, 13), (0, 8)]  # "New York City" with nested "New York"
    pairs = m.match_spans([(0, 8)], gold)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]  # the best-fitting gold span
    assert m.match_spans([(20, 25)], gold) == []


def _top(start, end, lat=None, lon=None, **extra):
    return {"start": start, "end": end, "lat": lat, "lon": lon, **extra}


def test_score_places_recognition_and_distance():
    gold = [_top(0, 5, 34.0, 71.5), _top(10, 16, 24.9, 67.0), _top(20, 25)]
    pred = [_top(0, 5, 34.2, 71.6),  # ~25 km off: right
            _top(10, 16, 31.5, 74.3),  # Lahore for Karachi: ~1000 km off
            _top(30, 35, 1.0, 1.0)]  # not a gold toponym
    fig, sup = m.score_places([(pred, gold)])
    assert fig["rec_p"] == approx(2 / 3) and fig["rec_r"] == approx(2 / 3)
    assert fig["acc161"] == 0.5 and sup["acc161"] == 2  # of gold with coordinates
    assert fig["acc161_resolved"] == 0.5 and sup["acc161_resolved"] == 2
    assert 20 < fig["median_km"] < 1000


def test_score_places_unresolved_prediction_counts_against_acc161():
    fig, _ = m.score_places([([_top(0, 5)], [_top(0, 5, 1.0, 1.0)])])
    assert fig["rec_f1"] == 1.0 and fig["acc161"] == 0.0 and fig["acc161_resolved"] is None
    assert fig["median_km"] is None


def test_score_places_demonym_exclusion():
    gold = [_top(0, 6, 46.0, 2.0, type="Non_Literal_Modifier", modifier_type="Adjective"),  # "French"
            _top(10, 27, type="Demonym"),  # "African Americans"
            _top(30, 35, 48.85, 2.35, type="Literal")]  # "Paris"
    pred = [_top(0, 6, 46.0, 2.0), _top(10, 17), _top(30, 35, 48.86, 2.35)]
    fig, sup = m.score_places([(pred, gold)])
    assert sup["rec_r"] == 1 and sup["rec_p"] == 1  # demonyms gone from both sides
    assert fig["rec_p"] == 1.0 and fig["rec_r"] == 1.0 and fig["acc161"] == 1.0
    # a prediction overlapping both a demonym and a kept toponym stays (and matches the kept one)
    gold2 = [_top(0, 6, type="Demonym"), _top(0, 12, 1.0, 1.0, type="Literal")]
    fig2, sup2 = m.score_places([([_top(0, 12, 1.0, 1.0)], gold2)])
    assert sup2["rec_p"] == 1 and fig2["rec_f1"] == 1.0


def test_score_places_empty_prediction():
    fig, _ = m.score_places([([], [_top(0, 5, 1.0, 1.0)])])
    assert fig["rec_p"] is None and fig["rec_r"] == 0.0 and fig["rec_f1"] == 0.0 and fig["acc161"] == 0.0


def test_offset_map_identity_shift_and_reflow():
    assert m.OffsetMap("abc", "abc").span(0, 3) == (0, 3)
    original = "\n\n  Kabul is far.\n"
    om = m.OffsetMap(original, "Kabul is far.")
    assert original[slice(*om.span(0, 5))] == "Kabul"
    original = "Menu | Home   \nPeshawar police said   \r\nmore text in Karachi today\n"
    cleaned = "Peshawar police said\nmore text in Karachi today"
    om = m.OffsetMap(original, cleaned)
    k = cleaned.index("Karachi")
    assert original[slice(*om.span(k, k + 7))] == "Karachi"
    assert original[slice(*om.span(0, 8))] == "Peshawar"


# --------------------------------------------------------------------------- events


def test_accuracy_and_macro_f1():
    gold = ["Riots", "Riots", "Protests", "Battles"]
    pred = ["Riots", None, "Riots", "Battles"]
    assert m.accuracy(gold, pred) == 0.5
    # Riots: tp1 fp1 fn1 -> .5; Protests: fn1 -> 0; Battles: 1 -> mean .5
    assert m.macro_f1(gold, pred) == approx(0.5)
    assert m.macro_f1([], []) is None and m.accuracy([], []) is None
    # a class only predicted still counts (its F1 is 0)
    assert m.macro_f1(["A"], ["B"]) == 0.0


def test_binary_f1():
    assert m.binary_f1([True, False, True], [True, True, False]) == 0.5
    assert m.binary_f1([False, False], [True, False]) is None


def test_cameo_root():
    assert m.cameo_root("195") == "19" and m.cameo_root("1717") == "17" and m.cameo_root("174K") == "17"
    assert m.cameo_root("064") == "06" and m.cameo_root(None) is None and m.cameo_root("X") is None


def test_stated_numbers_digits_and_words():
    text = ("Raiders killed three villagers, two children and stole 2,660 goats; twenty-five hurt, "
            "a dozen missing, two hundred fled 1.5 km away; 12 dead. One hundred and five")
    nums = m.stated_numbers(text)
    assert {3, 2, 2660, 25, 12, 200, 105} <= nums
    assert 660 not in nums and 5 in nums  # "1.5" is not a count, but "five" is
    assert m.stated_numbers("") == set()
    assert m.stated_numbers("A man was killed. One died") == {1}
    assert m.stated_numbers("Ninety. Nine") == {90, 9}  # a full stop ends a number phrase


def test_fatalities_stated():
    assert m.fatalities_stated(3, "Raiders killed three villagers")
    assert m.fatalities_stated(12, "12 killed in blasts")
    assert m.fatalities_stated(0, "Protesters blocked a road")  # gold 0 always counts as stated
    assert not m.fatalities_stated(2, "12 killed in blasts in NW Pakistan")
    assert not m.fatalities_stated(None, "3 killed")


def test_names_place_strips_generic_words():
    text = "Gunmen kill Hindu temple guard in Pakistan's Peshawar"
    assert m.names_place(text, "Peshawar town", "Khyber Pakhtunkwa province")
    assert not m.names_place(text, "Karachi town", "Sindh province")
    assert not m.names_place("The town was quiet", "town", None)  # nothing specific to look for
    assert not m.names_place("Kayan river", "Kaya", None)  # whole words only


def test_within_km():
    assert m.within_km({"lat": 0.0, "lon": 0.0}, {"lat": 1.0, "lon": 0.0})  # ~111 km
    assert not m.within_km({"lat": 0.0, "lon": 0.0}, {"lat": 2.0, "lon": 0.0})
    assert not m.within_km({"lat": 0.0, "lon": 0.0}, None)
    assert not m.within_km({"lat": 0.0, "lon": 0.0}, {"lat": None, "lon": None})


def _report(events=(), places=()):
    return {"events": list(events), "places": list(places), "quotes": [], "text": "", "error": None}


def _event(**kw):
    ev = {"id": "e1", "plover": None, "acled_type": None, "acled_subtype": None, "cameo": None,
          "places": [], "casualties": {"killed": None, "groups": []}, "source": None}
    ev.update(kw)
    return ev


def test_score_events_first_event_types_fatalities_place_country():
    gold = [
        {"id": "k:1", "text": "Raiders killed three villagers in Kapelbok, Turkana", "event_type": "Battles",
         "sub_event_type": "Armed clash", "fatalities": 3, "country": "KE", "location": "Kapelbok",
         "admin1": "Turkana", "lat": 3.0, "lon": 35.5},
        {"id": "k:2", "text": "Protesters marched in Nairobi", "event_type": "Protests",
         "sub_event_type": "Peaceful protest", "fatalities": 0, "country": "KE", "location": "Nairobi",
         "admin1": "Nairobi", "lat": -1.28, "lon": 36.8},
        {"id": "k:3", "text": "Police said many died", "event_type": "Riots",
         "sub_event_type": "Mob violence", "fatalities": 4, "country": "KE", "location": "Somewhere",
         "admin1": "Elsewhere", "lat": 0.0, "lon": 37.0},
    ]
    place = {"id": "p1", "lat": 3.1, "lon": 35.6, "country": "KE"}
    reports = [
        _report([_event(acled_type="Battles", acled_subtype="Armed clash", places=["p1"],
                        casualties={"killed": 3, "groups": []}),
                 _event(id="e2", acled_type="Riots")], [place]),
        _report([_event(acled_type="Riots", acled_subtype="Mob violence")]),  # killed None -> 0: right
        _report(),  # no event at all
    ]
    fig, sup = runner.score_events(gold, reports, "acled_kenya")
    assert fig["acled_type_acc"] == approx(1 / 3) and sup["acled_type_acc"] == 3
    assert fig["acled_subtype_acc"] == approx(1 / 3)
    assert sup["fatalities_exact"] == 2  # k:3's "4" is not stated in its text
    assert fig["fatalities_exact"] == 1.0 and fig["fatalities_exact_nonzero"] == 1.0
    assert sup["place_161km"] == 2 and fig["place_161km"] == 0.5  # k:3 does not name its place
    assert fig["country_acc"] == approx(1 / 3)


def test_score_events_old_acled_schema_and_old_plover_names():
    gold = [{"id": "a:1", "text": "x", "event_type": "Riots/Protests",
             "gold_extra": {"acled_schema": "pre-2019", "event_type_modern": None}},
            {"id": "a:2", "text": "x", "event_type": "Remote violence",
             "gold_extra": {"acled_schema": "pre-2019", "event_type_modern": "Explosions/Remote violence"}}]
    reports = [_report([_event(acled_type="Protests")]),
               _report([_event(acled_type="Explosions/Remote violence")])]
    fig, _ = runner.score_events(gold, reports, "acled_africa2016")
    assert fig["acled_type_acc"] == 1.0 and "acled_subtype_acc" not in fig
    gold = [{"id": "p:1", "text": "x", "event_type": "DEMAND"},
            {"id": "p:2", "text": "x", "event_type": "FIGHT"}]
    reports = [_report([_event(plover="REQUEST")]), _report([_event(plover="ASSAULT")])]
    fig, _ = runner.score_events(gold, reports, "plover_gsr")
    assert fig["plover_acc"] == 1.0


def test_score_events_cameo_and_hrd_labels():
    gold = [{"id": "c:1", "text": "x", "event_type": "1951"}, {"id": "c:2", "text": "x", "event_type": None}]
    fig, sup = runner.score_events(gold, [_report([_event(cameo="195")]), _report()], "petrarch2_unittest")
    assert fig["cameo_root_acc"] == 1.0 and sup["cameo_root_acc"] == 1  # no-event records are skipped
    gold = [{"id": "h:1", "text": "x", "gold_extra": {"violation_types": ["killing", "kidnapping"]}},
            {"id": "h:2", "text": "x", "gold_extra": {"violation_types": ["arbitrary detention"]}}]
    reports = [
        _report([_event(), _event(id="e2", casualties={"killed": 1, "groups": []})]),  # any event counts
        _report([_event(casualties={"killed": None, "groups": [{"count": 2, "outcome": "arrested"}]})]),
    ]
    fig, sup = runner.score_events(gold, reports, "hrdsattack")
    assert fig["killing_f1"] == 1.0 and fig["arrest_f1"] == 1.0 and fig["abduction_f1"] == 0.0
    assert sup["abduction_f1"] == 1


# --------------------------------------------------------------------------- datasets


def test_sample_is_sorted_evenly_spaced_and_deterministic():
    records = [{"id": f"x:{i:03d}"} for i in range(100)][::-1]
    got = ds.sample(records, 4)
    assert [r["id"] for r in got] == ["x:012", "x:037", "x:062", "x:087"]
    assert ds.sample(records, 4) == got
    assert [r["id"] for r in ds.sample(records, None)][:2] == ["x:000", "x:001"]
    assert len(ds.sample(records, 1000)) == 100


def test_iso_day_and_published_of():
    assert ds.iso_day("2021-08-20 18:14:58-05:00") == "2021-08-20"
    assert ds.iso_day("2021-08") is None and ds.iso_day(None) is None and ds.iso_day("2021-02-30") is None
    assert ds.published_of({"date": "2014-01-06"}) == "2014-01-06"
    assert ds.published_of({"date": "2021-08-19", "gold_extra": {"publish_date": "2021-08-20 18:14"}}) == \
        "2021-08-20"
    assert ds.published_of({"meta": {"publication_date": "2015-11-16"}}) == "2015-11-16"
    assert ds.published_of({"date": "2021"}) is None


def test_inputs_are_batch_records():
    assert ds.events_input({"id": "a:1", "text": "t", "date": "2016-06-18"}) == \
        {"doc_id": "a:1", "text": "t", "published": "2016-06-18"}
    assert ds.clean_input({"doc_id": "d", "url": "u", "html": "<p>x</p>", "gold_text": "x"}) == \
        {"doc_id": "d", "html": "<p>x</p>", "url": "u"}
    assert ds.clean_input({"doc_id": "d", "page_text": "x", "gold_text": "x"}) == {"doc_id": "d", "text": "x"}
    assert ds.places_input({"doc_id": "g", "text": "t", "toponyms": []}) == {"doc_id": "g", "text": "t"}


def test_read_jsonl_plain_and_gz(tmp_path):
    rows = [{"doc_id": "a"}, {"doc_id": "b"}]
    plain = tmp_path / "x.dev.jsonl"
    plain.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    packed = tmp_path / "y.dev.jsonl.gz"
    with gzip.open(packed, "wt") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows))
    assert ds.read_jsonl(plain) == rows == ds.read_jsonl(packed)
    assert ds.dataset_name(packed) == "y" and ds.dataset_name(plain) == "x"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a"}\nnot json\n')
    with pytest.raises(ds.DataError, match="bad.jsonl:2"):
        ds.read_jsonl(bad)


def test_missing_data_is_a_data_error(tmp_path):
    with pytest.raises(ds.DataError, match="nope.jsonl"):
        ds.stage_files("events", str(tmp_path / "nope.jsonl"))


# --------------------------------------------------------------------------- CLI


def test_cli_usage_errors_exit_2(tmp_path):
    cli = CliRunner()
    res = cli.invoke(app, ["eval", "nonsense"])
    assert res.exit_code == 2 and "unknown stage" in res.output
    res = cli.invoke(app, ["eval", "events", "--data", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2 and "missing.jsonl" in res.output


def test_render_and_markdown_tables():
    result = {"stage": "places", "date": "2026-01-01", "limit": 5, "rows": [
        {"dataset": "gwn", "docs": 5, "errors": 0, "figures": {"rec_f1": 0.5, "median_km": 12.3},
         "support": {"rec_f1": 10, "median_km": 3}},
        {"dataset": "lgl", "docs": 5, "errors": 1, "figures": {"rec_f1": None}, "support": {"rec_f1": 0}}]}
    md = runner.markdown(result)
    assert "| rec_f1 | 0.500 (10) | – |" in md and "| median_km | 12 (3) |  |" in md
    from rich.console import Console
    console = Console(record=True, width=120)
    runner.render(result, console)
    assert "rec_f1" in console.export_text()


# --------------------------------------------------------------------------- end to end (real pipeline)


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.mark.slow
def test_runner_end_to_end_on_fixtures(tmp_path):
    """Runs the real batch path on tiny hand-written fixtures of each stage's format."""
    text = ("Gunmen killed three police officers in Peshawar on Tuesday, officials said. "
            "\"We will find those responsible,\" said police chief Ahmed Khan.")
    events = _write(tmp_path / "acled_kenya.dev.jsonl", [
        {"id": "t:2", "text": text, "event_type": "Violence against civilians", "sub_event_type": "Attack",
         "country": "PK", "location": "Peshawar", "admin1": None, "lat": 34.0, "lon": 71.58,
         "date": "2020-01-07", "fatalities": 3, "source_dataset": "acled_kenya"},
        {"id": "t:1", "text": "Hundreds of protesters marched in Nairobi.", "event_type": "Protests",
         "sub_event_type": "Peaceful protest", "country": "KE", "location": "Nairobi", "admin1": "Nairobi",
         "lat": -1.28, "lon": 36.82, "date": "2020-01-08", "fatalities": 0, "source_dataset": "acled_kenya"},
    ])
    start = text.index("We will")
    quotes = _write(tmp_path / "polnear.dev.jsonl", [
        {"doc_id": "q:1", "text": text, "meta": {"publication_date": "2020-01-08"},
         "quotes": [{"quote": "We will find those responsible,", "quote_start": start,
                     "quote_end": start + 31, "speaker": "police chief Ahmed Khan", "speaker_kind": "mention",
                     "quote_type": "direct"}]}])
    k = text.index("Peshawar")
    places = _write(tmp_path / "gwn.dev.jsonl", [
        {"doc_id": "g:1", "text": text, "toponyms": [
            {"start": k, "end": k + 8, "name": "Peshawar", "lat": 34.0, "lon": 71.58, "type": "Literal"}]}])
    clean = _write(tmp_path / "aeb_text.dev.jsonl", [
        {"doc_id": "c:1", "page_text": "Home | News | Sport\n" + text + "\nSubscribe to our newsletter",
         "gold_text": text}])

    for stage, data, key in (("events", events, "acled_type_acc"), ("quotes", quotes, "quote_f1"),
                             ("geo", places, "rec_f1"), ("extract", clean, "shingle_f1")):
        result = runner.run(stage, data=data, limit=None, progress=False)
        assert result["stage"] == runner.ALIASES.get(stage, stage)
        (row,) = result["rows"]
        assert row["errors"] == 0 and row["docs"] >= 1
        assert key in row["figures"]
        for name, value in row["figures"].items():
            assert value is None or (name.endswith("_km") and value >= 0) or 0.0 <= value <= 1.0, name
        json.dumps(result)  # --json must be able to print it

    result = runner.run("events", data=events, limit=1, progress=False)
    assert result["rows"][0]["docs"] == 1 and result["limit"] == 1


def test_indirect_speech_matching_and_speakers():
    from dyad.eval.metrics import score_indirect

    pred = [{"kind": "indirect", "text": "the strikes were not aimed at civilians", "speaker": "Khawaja Asif"},
            {"kind": "indirect", "text": "talks would resume next week", "speaker": "Ali"},
            {"kind": "direct", "text": "the strikes were not aimed at civilians", "speaker": "X"}]
    gold = [{"content": "the strikes were not aimed at civilians", "speaker": "Defence Minister Khawaja Asif",
             "speaker_kind": "mention"},
            {"content": "the border would stay closed", "speaker": "officials", "speaker_kind": "mention"}]
    figures, support = score_indirect([(pred, gold)])
    assert figures["indirect_p"] == 0.5 and figures["indirect_r"] == 0.5
    assert figures["indirect_speaker_acc"] == 1.0 and support["indirect_speaker_acc"] == 1


def test_date_agrees_at_the_gold_precision():
    assert m.date_agrees("2021-08", "2021-08-19")
    assert m.date_agrees("2021", "2021-12-31")
    assert m.date_agrees("2021-08-19", "2021-08-19")
    assert not m.date_agrees("2021-08-19", "2021-08-18")
    assert not m.date_agrees("2021-08", None)
    assert not m.date_agrees("", "2021-08-19")


def test_event_date_is_scored_only_against_a_separate_publication_date():
    from dyad.eval import datasets as ds

    ucdp = {"date": "2014-01-26", "gold_extra": {"source_date": "2014-01-27"}}
    acled = {"date": "2014-01-26", "gold_extra": {}}
    assert ds.publication_of(ucdp) == "2014-01-27" and ds.published_of(ucdp) == "2014-01-27"
    assert ds.publication_of(acled) is None and ds.published_of(acled) == "2014-01-26"
