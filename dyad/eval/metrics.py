"""Pure metric functions for `dyad eval`: no I/O, no pipeline, only gold and predictions in, figures out.

Every metric here is written from its definition (see the README of each dev set under
`shared/eval/`), so the runner can stay a thin loop and every rule can be unit-tested on a
three-line example. Conventions shared by all of them:

* a ratio whose denominator is zero is `None` ("not measurable here"), never 0 or 1, so an
  empty subset cannot pass for a perfect or a failed score;
* predictions that are missing (no event, no place, no speaker) count as wrong, never skipped,
  so a pipeline that says nothing cannot score well by saying nothing.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

WORD = re.compile(r"\w+")
KM_THRESHOLD = 161.0  # "accuracy at 161 km" (100 miles), the customary geocoding threshold


# --------------------------------------------------------------------------- generic

def ratio(num: float, den: float) -> float | None:
    """num/den, or None when there is nothing to divide by (keeps "not measured" apart from 0)."""
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; 0 when both are 0, None when either is unmeasurable."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall and F1 from counts. No predictions against some gold is F1 0 (not unknown);
    no gold at all leaves recall and F1 unmeasured."""
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    score = 0.0 if n_gold and not n_pred else f1(p, r)
    return {"p": p, "r": r, "f1": score}


def tokens(text: str | None) -> list[str]:
    """Lower-cased `\\w+` tokens: the tokenisation of the article-extraction benchmark, used everywhere."""
    return [t.lower() for t in WORD.findall(text or "")]


def ngrams(toks: Sequence[str], n: int) -> Counter:
    """Multiset of word n-grams (n=1 gives the bag of tokens)."""
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def greedy_one_to_one(scores: dict[tuple[int, int], float], threshold: float) -> list[tuple[int, int, float]]:
    """Pair predictions i with gold j one-to-one, best score first, keeping pairs with score ≥ threshold.

    Greedy, not optimal assignment: it is what the quote and toponym matchers in the literature do,
    it is deterministic (ties broken by position), and on news it differs from Hungarian matching
    only in pathological cases.
    """
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for (i, j), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < threshold or i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        out.append((i, j, s))
    return out


# --------------------------------------------------------------------------- clean (main-content extraction)

def overlap_pr(pred: Counter, gold: Counter) -> tuple[float, float]:
    """Precision and recall of one document from multiset overlap.

    Edge cases are fixed so that failures cannot look good when averaged over documents: an empty
    prediction has precision 0 (not 1) unless the gold is empty too (then both are 1); an empty gold
    has recall 1 (there was nothing to find).
    """
    if not pred and not gold:
        return 1.0, 1.0
    tp = sum((pred & gold).values())
    p = tp / sum(pred.values()) if pred else 0.0
    r = tp / sum(gold.values()) if gold else 1.0
    return p, r


def shingle_pr(pred_text: str | None, gold_text: str | None, n: int = 4) -> tuple[float, float]:
    """Per-document P/R on multisets of word n-grams ("shingles"); n=1 is the bag-of-tokens variant."""
    return overlap_pr(ngrams(tokens(pred_text), n), ngrams(tokens(gold_text), n))


def averaged_prf(pairs: Iterable[tuple[float, float]]) -> dict:
    """Average P and R over documents, then F1 of the two averages (the benchmark's definition)."""
    pairs = list(pairs)
    if not pairs:
        return {"p": None, "r": None, "f1": None}
    p = statistics.fmean(x for x, _ in pairs)
    r = statistics.fmean(y for _, y in pairs)
    return {"p": p, "r": r, "f1": f1(p, r)}


# --------------------------------------------------------------------------- quotes

def bag_f1(a: Counter, b: Counter) -> float:
    """F1 of two bags of tokens (0 when either is empty)."""
    tp = sum((a & b).values())
    if not tp:
        return 0.0
    p, r = tp / sum(a.values()), tp / sum(b.values())
    return 2 * p * r / (p + r)


def text_f1(a: str | None, b: str | None) -> float:
    """Token F1 of two strings, ignoring case, punctuation and quotation marks."""
    return bag_f1(Counter(tokens(a)), Counter(tokens(b)))


def match_quotes(pred: Sequence[str], gold: Sequence[str],
                 threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one matching of predicted to gold quote texts by token F1 ≥ threshold, best first.

    Text rather than offsets: the cleaner may re-flow the article, so report offsets need not index
    the gold text, while the words inside quotation marks survive cleaning unchanged.
    """
    pb = [Counter(tokens(t)) for t in pred]
    gb = [Counter(tokens(t)) for t in gold]
    scores = {}
    for i, a in enumerate(pb):
        for j, b in enumerate(gb):
            s = bag_f1(a, b)
            if s >= threshold:
                scores[(i, j)] = s
    return greedy_one_to_one(scores, threshold)


# Words that are not part of a person's or body's name in a speaker span: titles, honorifics, roles
# and function words. Used only to decide which capitalised tokens *name* the speaker.
TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother
sen senator rep representative gov governor pres president vice former ex acting deputy
gen general lt col colonel maj major capt captain sgt cmdr adm admiral gen. chief commander
secretary sec minister prime chancellor premier chairman chairwoman chair chairperson ceo cfo coo
spokesman spokeswoman spokesperson press aide adviser advisor director judge justice attorney
mayor ambassador commissioner speaker leader king queen prince princess sheikh
candidate nominee presidential democratic republican democrat gop campaign manager
""".split())
STOPWORDS = frozenset("""
a an the of in on at for and or but to by with from as into about s t who which that this these those
his her their its our my your he she they it we i you him them said says told according
""".split())


def name_tokens(span: str | None) -> set[str]:
    """Lower-cased capitalised tokens of a speaker span that can name a person or body.

    Parenthesised asides ("(I-Vt.)") are dropped, as are titles and function words, so
    "Sen. Bernie Sanders (I-Vt.)" gives {bernie, sanders} and "The New York Post" {new, york, post}.
    """
    span = re.sub(r"\([^)]*\)", " ", span or "")
    out = set()
    for tok in WORD.findall(span):
        low = tok.lower()
        if len(tok) > 1 and tok[0].isupper() and low not in TITLES and low not in STOPWORDS:
            out.add(low)
    return out


def content_tokens(span: str | None) -> set[str]:
    """Lower-cased tokens minus function words (for speakers without a name: "officials", "sources")."""
    return {t for t in tokens(span) if t not in STOPWORDS}


def speaker_matches(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker names the same person/body as a gold speaker span (leniently).

    The gold span is a whole noun phrase with titles and appositions ("Alicia Bannon, senior counsel
    in ..."), the prediction a name ("Alicia Bannon" or just "Bannon"). As the PolNeAR README
    suggests, we count token overlap: when the gold span has name tokens, some name token must be
    shared; when it has none ("officials", "a campaign aide"), a shared content word or containment
    of the prediction in the gold span suffices.
    """
    if not pred or not pred.strip() or not gold:
        return False
    gold_names = name_tokens(gold)
    if gold_names:
        return bool(gold_names & (name_tokens(pred) | content_tokens(pred)))
    pred_norm = " ".join(tokens(pred))
    if pred_norm and pred_norm in " ".join(tokens(gold)):
        return True
    return bool(content_tokens(pred) & content_tokens(gold))


def score_quotes(docs: Iterable[tuple[Sequence[dict], Sequence[dict]]]) -> tuple[dict, dict]:
    """Quote and speaker figures over documents of (predicted quotes, gold segments).

    Predicted quotes are report quotes (`text`, `kind`, `speaker`); only `direct` and `partial` ones
    count, since the gold holds only quoted stretches. Gold segments are PolNeAR `quotes` entries.
    Returns (figures, support): support gives the denominator behind each figure.
    """
    c = Counter()
    for pred_all, gold in docs:
        pred = [q for q in pred_all if q.get("kind") in ("direct", "partial")]
        c["pred"] += len(pred)
        c["gold"] += len(gold)
        for g in gold:
            c["gold_" + str(g.get("quote_type"))] += 1
        ptexts = [q.get("text") or "" for q in pred]
        gtexts = [g.get("quote") or "" for g in gold]
        for i, j, _ in match_quotes(ptexts, gtexts, 0.5):
            g, p = gold[j], pred[i]
            c["tp"] += 1
            c["tp_" + str(g.get("quote_type"))] += 1
            kind = g.get("speaker_kind")
            if kind == "mention":
                c["mention"] += 1
                ok = speaker_matches(p.get("speaker"), g.get("speaker"))
                c["mention_ok"] += ok
            elif kind == "pronoun":
                c["pronoun"] += 1
                ok = bool((p.get("speaker") or "").strip())
                c["pronoun_ok"] += ok
            else:
                ok = True  # no gold speaker to check: the quote alone decides
            c["pair_ok"] += ok
        c["tp_exact"] += len(match_quotes(ptexts, gtexts, 0.95))
    quote = prf(c["tp"], c["pred"], c["gold"])
    exact = prf(c["tp_exact"], c["pred"], c["gold"])
    pair = prf(c["pair_ok"], c["pred"], c["gold"])
    figures = {
        "quote_p": quote["p"], "quote_r": quote["r"], "quote_f1": quote["f1"],
        "direct_r": ratio(c["tp_direct"], c["gold_direct"]),
        "partial_r": ratio(c["tp_partial"], c["gold_partial"]),
        "exact_f1": exact["f1"],
        "speaker_acc_mention": ratio(c["mention_ok"], c["mention"]),
        "speaker_acc_pronoun": ratio(c["pronoun_ok"], c["pronoun"]),
        "quote_speaker_f1": pair["f1"],
    }
    support = {
        "quote_p": c["pred"], "quote_r": c["gold"], "quote_f1": c["gold"],
        "direct_r": c["gold_direct"], "partial_r": c["gold_partial"], "exact_f1": c["gold"],
        "speaker_acc_mention": c["mention"], "speaker_acc_pronoun": c["pronoun"],
        "quote_speaker_f1": c["gold"],
    }
    return figures, support


def score_indirect(docs: Iterable[tuple[Sequence[dict], Sequence[dict]]]) -> tuple[dict, dict]:
    """Reported speech against PolNeAR's attributions that quote nothing.

    Documents are (predicted quotes, gold indirect attributions with their `content` text). A
    predicted `indirect` quote matches a gold content span one-to-one by token F1 ≥ 0.5; the speaker
    is judged as for direct quotes. Precision is a lower bound: the gold leaves out the paraphrase
    of attributions that also quote (their content goes to the quotes), and is not exhaustive.
    """
    c = Counter()
    for pred_all, gold in docs:
        pred = [q for q in pred_all if q.get("kind") == "indirect"]
        c["pred"] += len(pred)
        c["gold"] += len(gold)
        for i, j, _ in match_quotes([q.get("text") or "" for q in pred], [g.get("content") or "" for g in gold]):
            c["tp"] += 1
            if gold[j].get("speaker_kind") == "mention":
                c["mention"] += 1
                c["mention_ok"] += speaker_matches(pred[i].get("speaker"), gold[j].get("speaker"))
    found = prf(c["tp"], c["pred"], c["gold"])
    figures = {"indirect_p": found["p"], "indirect_r": found["r"], "indirect_f1": found["f1"],
               "indirect_speaker_acc": ratio(c["mention_ok"], c["mention"])}
    support = {"indirect_p": c["pred"], "indirect_r": c["gold"], "indirect_f1": c["gold"],
               "indirect_speaker_acc": c["mention"]}
    return figures, support


# --------------------------------------------------------------------------- places

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def has_coords(x: dict) -> bool:
    return x.get("lat") is not None and x.get("lon") is not None


def is_demonym(toponym: dict) -> bool:
    """GeoWebNews marks demonyms and adjectival uses ("French", "African Americans"), which are not
    places a geoparser should output; they are dropped from gold and forgiven in predictions."""
    return toponym.get("type") == "Demonym" or toponym.get("modifier_type") == "Adjective"


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two [start, end) spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(pred: Sequence[tuple[int, int]],
                gold: Sequence[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """One-to-one matching of overlapping spans, best overlap (Jaccard of characters) first.

    Overlap rather than exact boundaries because conventions differ by corpus ("Kaya town" vs
    "Kaya", LGL's adjectives, GWN's nesting); Jaccard ordering gives a nested gold span to the
    prediction that fits it best.
    """
    scores = {}
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = span_overlap(p, g)
            if ov:
                scores[(i, j)] = ov / (max(p[1], g[1]) - min(p[0], g[0]))
    return greedy_one_to_one(scores, 1e-9)


def score_places(docs: Iterable[tuple[Sequence[dict], Sequence[dict]]]) -> tuple[dict, dict]:
    """Recognition and resolution figures over documents of (predicted places, gold toponyms).

    Both sides are dicts with `start`, `end` (offsets into the same text) and `lat`/`lon`.
    Demonym/adjectival gold is removed, and a prediction overlapping only such gold is removed
    too (it is neither right nor wrong). Figures:
    * rec_p/r/f1 — recognition, one-to-one overlap matching;
    * acc161 — of gold toponyms with coordinates, the share recognised AND placed within 161 km;
    * acc161_resolved — the same among matched pairs where both sides have coordinates;
    * median_km — median error of those pairs.
    """
    c = Counter()
    errors: list[float] = []
    for pred_all, gold_all in docs:
        gold = [g for g in gold_all if not is_demonym(g)]
        excluded = [(g["start"], g["end"]) for g in gold_all if is_demonym(g)]
        kept_spans = [(g["start"], g["end"]) for g in gold]
        pred = [p for p in pred_all
                if not (any(span_overlap((p["start"], p["end"]), e) for e in excluded)
                        and not any(span_overlap((p["start"], p["end"]), k) for k in kept_spans))]
        c["pred"] += len(pred)
        c["gold"] += len(gold)
        c["gold_coords"] += sum(has_coords(g) for g in gold)
        pairs = match_spans([(p["start"], p["end"]) for p in pred], kept_spans)
        c["tp"] += len(pairs)
        for i, j, _ in pairs:
            p, g = pred[i], gold[j]
            if has_coords(g) and has_coords(p):
                km = haversine_km(g["lat"], g["lon"], p["lat"], p["lon"])
                errors.append(km)
                c["resolved"] += 1
                c["within"] += km <= KM_THRESHOLD
    rec = prf(c["tp"], c["pred"], c["gold"])
    figures = {
        "rec_p": rec["p"], "rec_r": rec["r"], "rec_f1": rec["f1"],
        "acc161": ratio(c["within"], c["gold_coords"]),
        "acc161_resolved": ratio(c["within"], c["resolved"]),
        "median_km": statistics.median(errors) if errors else None,
    }
    support = {"rec_p": c["pred"], "rec_r": c["gold"], "rec_f1": c["gold"], "acc161": c["gold_coords"],
               "acc161_resolved": c["resolved"], "median_km": c["resolved"]}
    return figures, support


class OffsetMap:
    """Maps character offsets of a cleaned text back into the original text it was cleaned from.

    The cleaner may normalise newlines, strip spaces or drop lines, so report offsets do not
    index the gold text directly. The alignment uses difflib's matching blocks; an offset that
    falls in a gap (deleted or changed text) snaps to the nearest aligned character.
    """

    def __init__(self, original: str, cleaned: str):
        self.identity = original == cleaned
        self.shift = None
        if not self.identity:
            k = original.find(cleaned) if cleaned else -1
            if k >= 0:
                self.shift = k
        self.blocks = []
        if not self.identity and self.shift is None:
            sm = SequenceMatcher(None, original, cleaned, autojunk=False)
            self.blocks = [b for b in sm.get_matching_blocks() if b.size]

    def _map(self, x: int, as_end: bool) -> int:
        if self.identity:
            return x
        if self.shift is not None:
            return x + self.shift
        if not self.blocks:
            return x
        prev = None
        for b in self.blocks:
            if b.b <= x < b.b + b.size or (as_end and b.b < x <= b.b + b.size):
                return b.a + (x - b.b)
            if b.b > x:
                # in a gap: a start snaps forward to the next aligned char, an end back to the last one
                if as_end and prev is not None:
                    return prev.a + prev.size
                return b.a
            prev = b
        return prev.a + prev.size

    def span(self, start: int, end: int) -> tuple[int, int]:
        s, e = self._map(start, False), self._map(end, True)
        return (s, max(s, e))


# --------------------------------------------------------------------------- events

def accuracy(gold: Sequence, pred: Sequence) -> float | None:
    """Share of items whose prediction equals the gold (a missing prediction is wrong)."""
    return ratio(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold))


def macro_f1(gold: Sequence, pred: Sequence) -> float | None:
    """Unweighted mean of per-class F1 over every class seen in gold or prediction.

    A missing prediction (None) is not a class: it only costs the gold class a false negative.
    """
    if not gold:
        return None
    classes = {g for g in gold if g is not None} | {p for p in pred if p is not None}
    scores = []
    for cls in sorted(classes, key=str):
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred, strict=True))
        fp = sum(g != cls and p == cls for g, p in zip(gold, pred, strict=True))
        fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0)
    return statistics.fmean(scores) if scores else None


def binary_f1(gold: Sequence[bool], pred: Sequence[bool]) -> float | None:
    """F1 of the positive class of a yes/no label (None when gold has no positive)."""
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    n_pred, n_gold = sum(map(bool, pred)), sum(map(bool, gold))
    return prf(tp, n_pred, n_gold)["f1"]


def cameo_root(code: str | None) -> str | None:
    """The CAMEO root (first two digits of the code: "195" -> "19", "1717" -> "17")."""
    if not code:
        return None
    m = re.match(r"\s*(\d{2})", str(code))
    return m.group(1) if m else None


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2)
         for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000}
_DIGITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?!\d|[.,]\d)")
_ALPHA = re.compile(r"[A-Za-z]+")


def _run_value(words: list[str]) -> int | None:
    """Value of a run of number words: "twenty five" -> 25, "two hundred" -> 200, "a dozen" -> 12."""
    total, cur, seen = 0, 0, False
    for w in words:
        if w in _UNITS:
            cur += _UNITS[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif w == "dozen":
            cur = max(cur, 1) * 12
        elif w in _SCALES:
            cur = max(cur, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, cur = total + cur, 0
        else:
            continue  # "a" / "and" inside a run
        seen = True
    return total + cur if seen else None


def stated_numbers(text: str | None) -> set[int]:
    """Every whole number a text states, in digits ("2,660", "12") or words ("three", "twenty-five",
    "a dozen", "two hundred"). Used to decide whether a gold count is recoverable from the text, so
    it errs on the generous side: each word of a run counts on its own as well as the whole run."""
    text = text or ""
    out = {int(m.group(1).replace(",", "")) for m in _DIGITS.finditer(text)}
    number_words = set(_UNITS) | set(_TENS) | set(_SCALES) | {"dozen", "a", "and"}
    run: list[str] = []
    prev_end = None
    for m in _ALPHA.finditer(text):
        w = m.group(0).lower()
        joined = prev_end is not None and re.fullmatch(r"[ \t-]*", text[prev_end:m.start()])
        if run and (not joined or w not in number_words):
            out |= _flush(run)
            run = []
        if w in number_words:
            run.append(w)
        prev_end = m.end()
    if run:
        out |= _flush(run)
    return out


def _flush(run: list[str]) -> set[int]:
    vals = {_UNITS.get(w, _TENS.get(w)) for w in run} - {None}
    whole = _run_value(run)
    if whole is not None and any(w not in ("a", "and") for w in run):
        vals.add(whole)
    return vals


def fatalities_stated(gold: int | None, text: str | None) -> bool:
    """Whether a gold fatality count can be checked against this text: it is stated in it, or it is 0
    (a text that mentions no deaths is consistent with 0)."""
    if gold is None:
        return False
    return gold == 0 or gold in stated_numbers(text)


_GENERIC_PLACE_WORDS = frozenset("""
province provinces town city village district districts region county state sub-county subcounty division
agency area municipality governorate prefecture department island islands camp tehsil the of
""".split())


def names_place(text: str | None, *names: str | None) -> bool:
    """Whether the text names one of the gold place names (case-insensitive, whole words).

    Coded names carry generic words ("Peshawar town", "Khyber Pakhtunkwa province"), so those are
    dropped before looking for the name; a name left with nothing specific is not looked for.
    """
    low = " ".join(tokens(text))
    for name in names:
        core = [t for t in tokens(name) if t not in _GENERIC_PLACE_WORDS]
        if core and re.search(rf"(?<!\w){re.escape(' '.join(core))}(?!\w)", low):
            return True
    return False


def within_km(gold: dict, pred: dict | None, km: float = KM_THRESHOLD) -> bool:
    """Whether a predicted point lies within `km` of the gold point (a missing one does not)."""
    if not pred or not has_coords(pred) or not has_coords(gold):
        return False
    return haversine_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"]) <= km


def label_metrics(name: str, gold: list, pred: list, with_macro: bool = True) -> tuple[dict, dict]:
    """Accuracy (and macro-F1) of a label over the items where the gold label is known."""
    keep = [(g, p) for g, p in zip(gold, pred, strict=True) if g is not None]
    gs = [g for g, _ in keep]
    ps = [p for _, p in keep]
    figures = {f"{name}_acc": accuracy(gs, ps)}
    if with_macro:
        figures[f"{name}_macro_f1"] = macro_f1(gs, ps)
    return figures, {k: len(gs) for k in figures}


def mean_of(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.fmean(vals) if vals else None


def date_agrees(gold: str | None, pred: str | None) -> bool:
    """Whether a predicted ISO date agrees with a gold date at the gold's precision: a gold year
    ("2021") or month ("2021-08") is matched by any day inside it, a gold day only by that day."""
    gold = str(gold or "").strip()
    if not pred or len(gold) not in (4, 7, 10):
        return False
    return str(pred)[:len(gold)] == gold

