"""Casualty mentions: how many were killed, injured, abducted, arrested, displaced, missing.

News states tolls in a handful of shapes, and this module reads them with token patterns rather
than a model, so that every count is tied to the words that say it:

* a **count phrase** (`_NP`): a number ("10", "1,200", "twenty-three", "two dozen") or a single
  named victim ("a police officer"), with its qualifier ("at least", "up to", "about") and the
  victim noun ("civilians"); ages, years, dates, times, money, percentages and "two-day" are no
  counts;
* an **outcome** linked to it: an active verb in front ("killed 10", "shot dead 6"), a passive,
  intransitive or adjective behind ("10 were killed", "10 died", "10 dead", "3 beaten to death"),
  a noun ("the deaths of 3", "10 deaths", "claimed the lives of 5", "the death toll rose to 10"),
  and, where the parser sees further than the patterns, its subject/object arcs;
* **structure** between counts: coordinated groups share an outcome and, when no total is told,
  get one ("3 soldiers and 2 civilians were killed" → 5); "including 9 children" and "3 among 6
  killed" are breakdowns (`part_of`) of a total; a later sentence repeating a count is marked
  (`restates`) so that nothing is counted twice.

`casualty_totals` turns mentions into one (count, qualifier) per outcome; the events component
calls it for the sentences of each event. Word lists live in `dyad/lexicons/casualties.toml`.

Choices, so that nothing is invented (SPEC: unknown values are null):

* vague plurals ("dozens", "scores", "hundreds", "several") give no mention at all, rather than a
  conventional figure; "a dozen" (12), "two dozen" (24) and "half a dozen" (6) are definite;
* a range is its low end, "at least" ("10-15 people", "between 3 and 5", "one or four");
* "shot" alone is no outcome (the victims may have lived); "shot dead", "shot and killed" are;
* bodies found are no deaths of the event told ("10 bodies were collected");
* an outcome that did not happen is left out ("tried to kill", "nearly lynched", "may have");
* a casualty told as the cause or background of what is reported ("protest after a man was
  killed", "suspected of killing") is kept but marked `cause`, and totals leave it out.

Checked on the dev sets (throwaway script comparing `casualty_totals(...)["killed"]` with the gold
fatalities where the text states the number): ACLED Kenya notes 0.94 exact (n=1951), UCDP GED
Pakistan headlines 0.89 (n=183); most misses left are codings the text does not support.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.components import Component
from dyad.lexicons import load_toml

OUTCOMES = ("killed", "injured", "abducted", "arrested", "displaced", "missing")

# Entity labels whose numbers are never head counts ("a 25-year-old", "$5", "10 percent", "10 pm").
_NOT_COUNT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "PRODUCT", "LAW",
                             "WORK_OF_ART", "FAC"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
# Determiners after which "one" is a pronoun, not a count ("no one", "the one who").
_ONE_PRONOUN = frozenset({"no", "the", "every", "any", "each", "which", "someone"})
# Determiners that make a singular noun one definite person ("a man", "the driver", "his brother").
_SINGULAR_DETS = frozenset({"a", "an", "the", "another", "his", "her", "their", "its", "our", "my"})
_PARTITIVE_DETS = frozenset({"the", "them", "whom", "its", "their", "those", "these", "his", "her",
                             "our", "which"})
# After "N of ..." these words mean N are part of a toll already told ("9 of them", "3 of the dead").
_PARTITIVE_BREAKDOWN = {"them": None, "whom": None, "those": None, "these": None, "which": None,
                        "dead": "killed", "killed": "killed", "deceased": "killed", "victims": None,
                        "casualties": None, "injured": "injured", "wounded": "injured"}
_CONNECTORS = frozenset({",", "and", "as well as", ", and", "plus", "along with", "together with"})
# Last words of "verb + result" phrases ("shot dead", "gunned down", "beaten to death").
_RESULTS = (frozenset({"dead"}), frozenset({"down"}), frozenset({"death"}))
# Victim nouns general enough to be a total of named groups: "10 people, 3 soldiers and 7 civilians".
_GENERIC_VICTIMS = frozenset({"people", "persons", "civilians", "individuals", "victims", "others"})
_GROUP_NOUNS = frozenset({"group", "family", "total", "band", "gang", "team", "batch", "crowd", "convoy"})
_QUOTES = frozenset({"'", '"', "‘", "’", "“", "”"})
_ZERO_WORDS = frozenset({"no", "nobody", "none"})
_ZERO_NOUNS = {"one": None, "people": None, "person": None, "lives": "killed", "life": "killed",
               "death": "killed", "deaths": "killed", "fatality": "killed", "fatalities": "killed",
               "injury": "injured", "injuries": "injured", "casualty": "killed+injured",
               "casualties": "killed+injured", "loss": "killed", "civilian": None, "civilians": None}


@dataclass
class CasualtyMention:
    """One count of people with one outcome; `part_of`/`restates` index `doc._.casualties`.

    The list keeps every mention (breakdowns, restatements, causes) so that the report can show
    its evidence; `casualty_totals` is what decides which of them make a total.
    """

    start: int  # char span of the count phrase ("at least 10 civilians")
    end: int
    count: int
    qualifier: str  # exact|at least|at most|about
    outcome: str  # killed|injured|abducted|arrested|displaced|missing
    who: str | None = None  # "civilians", "children", "soldiers"
    part_of: int | None = None  # index in doc._.casualties of the total this is a breakdown of
    trigger_start: int | None = None  # char span of the outcome word ("killed")
    trigger_end: int | None = None
    sent: int | None = None  # index of the sentence (in doc.sents order) holding the count
    restates: int | None = None  # index of an earlier mention (earlier sentence) this one repeats
    toll: bool = False  # "the death toll rose to 10": the latest total, superseding earlier ones
    additive: bool = False  # "another 5", "3 others", "5 more": on top of counts already told
    summed: bool = False  # a total dyad added up from coordinated groups; its groups point to it
    cause: bool = False  # told as the cause/background of the reported event ("protest after 2 killed")


# --------------------------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------------------------

Slot = frozenset | None  # the words a token may be (text or lemma); None = any verb
Pattern = tuple[Slot, ...]


def _pattern(spec: list[str]) -> Pattern:
    return tuple(None if s == "*" else frozenset(s.split("|")) for s in spec)


@dataclass(frozen=True)
class _Outcome:
    name: str
    before: tuple[Pattern, ...]
    after: tuple[Pattern, ...]
    of: frozenset
    head: frozenset
    transitive: frozenset  # one-word `before` verbs: behind the victims they must be passive


@dataclass(frozen=True)
class _Lexicon:
    units: dict
    tens: dict
    scales: dict
    dozen: int
    vague: frozenset
    qualifiers: tuple  # ((words...), qualifier), longest first
    after_qualifiers: dict
    additive_before: tuple
    additive_after: frozenset
    outcomes: tuple
    toll: frozenset
    skip: frozenset
    unit_words: frozenset
    unit_before: frozenset
    victims: frozenset
    suffixes: tuple
    not_people: frozenset
    plurals: dict
    cues: tuple
    not_to_death: frozenset
    irrealis: frozenset
    cause_words: frozenset
    cause_before_prep: frozenset
    any_noun: frozenset
    lives_verbs: frozenset


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """casualties.toml, compiled into sets and token patterns once per process."""
    data = load_toml("casualties.toml")
    num = data["numbers"]
    quals = [(tuple(p.split()), q) for q, phrases in data["qualifiers"].items() if q != "after"
             for p in phrases]
    outcomes = []
    for name in OUTCOMES:
        o = data["outcomes"][name]
        before = tuple(_pattern(p) for p in o.get("before", []))
        outcomes.append(_Outcome(
            name, before, tuple(_pattern(p) for p in o.get("after", [])),
            frozenset(o.get("of", [])), frozenset(o.get("head", [])),
            frozenset(w for p in before if len(p) == 1 and p[0] for w in p[0])))
    v = data["victims"]
    return _Lexicon(
        units=num["units"], tens=num["tens"], scales=num["scales"], dozen=num["dozen"],
        vague=frozenset(data["vague"]["words"]),
        qualifiers=tuple(sorted(quals, key=lambda x: -len(x[0]))),
        after_qualifiers={tuple(k.split()): q for k, q in data["qualifiers"]["after"].items()},
        additive_before=tuple(sorted((tuple(p.split()) for p in data["additive"]["before"]),
                                     key=lambda x: -len(x))),
        additive_after=frozenset(data["additive"]["after"]),
        outcomes=tuple(outcomes),
        toll=frozenset(data["outcomes"]["killed"].get("toll", [])),
        skip=frozenset(data["link"]["skip"]),
        unit_words=frozenset(data["units"]["words"]), unit_before=frozenset(data["units"]["before"]),
        victims=frozenset(v["nouns"]), suffixes=tuple(v["suffixes"]),
        not_people=frozenset(v["not_people"]), plurals=dict(v["plurals"]),
        cues=tuple(_pattern(p) for p in data["breakdown"]["cues"]),
        not_to_death=frozenset(data["not_to_death"]["words"]),
        irrealis=frozenset(data["irrealis"]["before"]),
        cause_words=frozenset(data["cause"]["words"]),
        cause_before_prep=frozenset(data["cause"]["before_prep"]),
        any_noun=frozenset(v["any_noun"]),
        lives_verbs=frozenset(data["outcomes"]["killed"]["lives"]),
    )


# --------------------------------------------------------------------------------------------
# Token helpers
# --------------------------------------------------------------------------------------------

def _lemma(tok: Token) -> str:
    """Lower-cased lemma; for Title Case headline words the tagger takes for names ("Kills"),
    a crude un-inflection so that "Kills", "Killed", "Killing" still meet "kill"."""
    lem = tok.lemma_.lower()
    if tok.tag_ in ("NNP", "NNPS") and tok.is_title and lem == tok.lower_:
        for suffix in ("ing", "ed", "es", "s", "d"):
            if lem.endswith(suffix) and len(lem) - len(suffix) >= 3:
                return lem[: -len(suffix)]
    return lem


def _slot_ok(tok: Token, slot: Slot) -> bool:
    if slot is None:  # "*": a verb ("beaten to death", "shot dead"; taggers call "stone" a noun)
        return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD") or (
            tok.pos_ == "NOUN" and tok.is_lower)
    return tok.lower_ in slot or _lemma(tok) in slot


def _match_from(doc: Doc, i: int, pattern: Pattern, hi: int) -> int | None:
    """End (exclusive) of `pattern` matched at token i, or None."""
    if i + len(pattern) > hi:
        return None
    for k, slot in enumerate(pattern):
        if not _slot_ok(doc[i + k], slot):
            return None
    return i + len(pattern)


def _match_to(doc: Doc, j: int, pattern: Pattern, lo: int) -> int | None:
    """Start of `pattern` matched so that it ends right before token j, or None."""
    i = j - len(pattern)
    if i < lo:
        return None
    return i if _match_from(doc, i, pattern, j) is not None else None


def _words_before(doc: Doc, j: int, words: tuple, lo: int) -> bool:
    i = j - len(words)
    return i >= lo and all(doc[i + k].lower_ == w for k, w in enumerate(words))


def _is_person_noun(tok: Token, lex: _Lexicon) -> bool:
    """Whether a noun names people by itself (a count-less victim must; "a car" is not one)."""
    lem, low = _lemma(tok), tok.lower_
    if lem in lex.not_people or low in lex.not_people:
        return False
    if lem in lex.victims or low in lex.victims or tok.ent_type_ == "NORP":
        return True
    return len(low) > 4 and low.endswith(lex.suffixes) and tok.pos_ == "NOUN"


def _plural(tok: Token, lex: _Lexicon) -> str:
    low = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") or low in lex.plurals.values():
        return low
    lem = _lemma(tok)
    if lem in lex.plurals:
        return lex.plurals[lem]
    if lem.endswith("man") and lem not in ("german", "roman", "human"):
        return lem[:-3] + "men"
    if lem.endswith("y") and len(lem) > 2 and lem[-2] not in "aeiou":
        return lem[:-1] + "ies"
    if lem.endswith(("s", "x", "ch", "sh")):
        return lem + "es"
    return lem + "s"


# --------------------------------------------------------------------------------------------
# Count phrases
# --------------------------------------------------------------------------------------------

@dataclass
class _NP:
    """A count phrase in token offsets, and what the linking steps learn about it."""

    start: int  # first token (qualifier, determiner or number)
    num_start: int
    num_end: int
    end: int  # exclusive; after the victim noun when there is one
    count: int
    qualifier: str = "exact"
    head: Token | None = None  # victim noun
    additive: bool = False
    singular: bool = False  # "a police officer": one person, no number
    partitive: str | None = None  # "9 of them": "" (no outcome word) or the outcome named
    outcome: str | None = None
    trigger: tuple[int, int] | None = None  # token span of the outcome words
    link: str | None = None  # before|after|of|head|toll|dep|coord|premod|breakdown
    toll: bool = False
    cue: bool = False  # preceded by "including", "among them", ... or inside parentheses
    cause: bool = False
    parent: _NP | None = None
    mention: int | None = None  # index in the output list


def _read_number(doc: Doc, i: int, hi: int, lex: _Lexicon) -> tuple[int, int] | None:
    """(value, end) of a number starting at token i: digits, decimals with a scale, words."""
    t = doc[i].lower_
    if _DIGITS.match(t):
        value, j = int(t.replace(",", "")), i + 1
        if j < hi and doc[j].lower_ in lex.scales and doc[j].lower_ != "hundred":
            value, j = value * lex.scales[doc[j].lower_], j + 1
        return value, j
    if _DECIMAL.match(t) and i + 1 < hi and doc[i + 1].lower_ in ("thousand", "million", "billion"):
        return round(float(t) * lex.scales[doc[i + 1].lower_]), i + 2
    return _read_number_words(doc, i, hi, lex)


def _read_number_words(doc: Doc, i: int, hi: int, lex: _Lexicon) -> tuple[int, int] | None:
    """Number words: "nine", "twenty-three", "one hundred and twenty", "a dozen", "two dozen"."""
    w0 = doc[i].lower_
    if w0 == "half" and i + 2 < hi and doc[i + 1].lower_ in ("a", "an") and doc[i + 2].lower_ == "dozen":
        return lex.dozen // 2, i + 3
    total, current, last, j = 0, 0, None, i
    if w0 in ("a", "an"):
        if not (i + 1 < hi and (doc[i + 1].lower_ == "dozen" or doc[i + 1].lower_ in lex.scales)):
            return None
        current, last, j = 1, "a", i + 1
    while j < hi:
        w = doc[j].lower_
        if w in lex.units and (last in (None, "scale", "and") or (last == "ten" and lex.units[w] < 10)):
            current += lex.units[w]
            last = "unit"
        elif w in lex.tens and last in (None, "scale", "and"):
            current += lex.tens[w]
            last = "ten"
        elif (w == "-" and last == "ten" and j + 1 < hi and doc[j + 1].lower_ in lex.units
              and lex.units[doc[j + 1].lower_] < 10):
            j += 1
            current += lex.units[doc[j].lower_]
            last = "unit"
        elif w in lex.scales and last in ("unit", "ten", "a"):
            if lex.scales[w] == 100:
                current *= 100
            else:
                total, current = total + current * lex.scales[w], 0
            last = "scale"
        elif w == "dozen" and last in ("unit", "a"):
            current *= lex.dozen
            last = "scale"
        elif (w == "and" and last == "scale" and j + 1 < hi
              and (doc[j + 1].lower_ in lex.units or doc[j + 1].lower_ in lex.tens)):
            last = "and"
        else:
            break
        j += 1
    if last in (None, "a", "and"):
        return None
    return total + current, j


def _is_count(doc: Doc, i: int, j: int, lo: int, hi: int, lex: _Lexicon) -> bool:
    """Whether tokens i..j are a head count, not an age, year, date, time, amount or "two-day"."""
    if any(doc[k].ent_type_ in _NOT_COUNT_ENTS and not _misread_date(doc, k) for k in range(i, j)):
        return False
    if i > lo:
        prev = doc[i - 1]
        if prev.lower_ in lex.unit_before or prev.text in ("$", "£", "€", "#"):
            return False
        if prev.text == "-" and not prev.whitespace_ and i - 1 > lo and not doc[i - 2].whitespace_:
            return False  # "father-of-two", "Covid-19"
        if doc[i].lower_ == "one" and prev.lower_ in _ONE_PRONOUN:
            return False
    if j < hi:
        nxt = doc[j]
        if nxt.lower_ in lex.unit_words or nxt.text in ("%", ":", "/"):
            return False
        if (nxt.text in ("-", "–") and not nxt.whitespace_ and not doc[j - 1].whitespace_
                and j + 1 < hi and not doc[j + 1].like_num):
            return False  # "two-day", "25-year-old", "three-member"
        if doc[i].lower_ == "one" and nxt.lower_ in ("another", "by", "day", "side"):
            return False
    t = doc[i].text
    if j == i + 1 and len(t) == 4 and t.isdigit() and 1900 <= int(t) <= 2100:
        return j < hi and doc[j].pos_ == "NOUN" and doc[j].lower_ not in lex.unit_words
    return True


_MONTHS = frozenset(("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april "
                     "june july august september october november december").split())
_DATE_WORDS = _MONTHS | frozenset(("monday tuesday wednesday thursday friday saturday sunday day days week "
                                   "weeks month months year years decade decades century today yesterday "
                                   "tomorrow night morning evening afternoon old ago weekend hour hours "
                                   "minute minutes season").split())


def _misread_date(doc: Doc, k: int) -> bool:
    """Whether the tagger put a count into a neighbouring DATE ("12 Sep. 4 killed", "Kills Two - X").

    A DATE with no date word is no date; and after "<day> <month>." the date is complete, so a
    number right after the month starts the text ("01 Oct. 3 militants killed").
    """
    tok = doc[k]
    if tok.ent_type_ != "DATE" or not tok.like_num:
        return False
    ent = next((e for e in doc.ents if e.start <= k < e.end), None)
    if ent is None:
        return False
    words = {t.lower_.rstrip(".") for t in ent if t.i != k}
    if not words & _DATE_WORDS:
        return True
    prev = doc[k - 1] if k > ent.start else None
    return (prev is not None and prev.lower_.rstrip(".") in _MONTHS and prev.text.endswith(".")
            and k >= 2 and doc[k - 2].like_num)


def _noun_run(doc: Doc, k: int, hi: int, lex: _Lexicon) -> tuple[Token | None, int]:
    """Victim noun after a count: the last noun of the modifier run ("2 suspected Mungiki members").

    A short parenthesis inside is passed over ("2 Kenya Defence Forces (KDF) soldiers"), and a
    plural noun joined by "and" without a count of its own shares the count ("7 women and children").
    """
    head, end, n = None, k, 0
    while k < hi and n < 8:
        tok = doc[k]
        if tok.text == "(" and head is not None:
            close = next((c for c in range(k + 1, min(hi, k + 5)) if doc[c].text == ")"), None)
            if close is None or close + 1 >= hi or doc[close + 1].pos_ not in ("NOUN", "PROPN"):
                break
            k = close + 1
            continue
        if tok.tag_ == "POS" and head is not None:  # "two of the band's guitarists"
            head = None
            k += 1
            continue
        if tok.ent_type_ in ("DATE", "TIME") or tok.is_punct and tok.text != "-":
            break
        if tok.text == "-":
            if tok.whitespace_ or doc[k - 1].whitespace_ or k + 1 >= hi:
                break
        elif tok.pos_ in ("NOUN", "PROPN"):
            if head is not None and head.tag_ in ("NNS", "NNPS") and head.dep_ not in ("compound", "nmod"):
                break  # a plural noun ends the phrase: "10 people police said ..."
            head, end = tok, k + 1
        elif tok.pos_ == "ADJ" or (tok.tag_ in ("VBN", "JJ") and k + 1 < hi
                                   and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
            if tok.pos_ == "ADJ" and head is not None and not (
                    k + 1 < hi and doc[k + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
                break  # "1 policeman dead": an adjective ending the phrase is not a modifier
        elif (tok.lower_ == "and" and head is not None and head.tag_ == "NNS" and k + 1 < hi
              and _plural_person(doc, k + 1, hi, lex)):
            head, end = _noun_run(doc, k + 1, hi, lex)
            break
        elif tok.is_upper and tok.is_alpha and len(tok) > 1:
            pass  # an acronym the tagger took for a verb: "2 alleged IS activists"
        else:
            break
        k += 1
        n += 1
    return head, end


def _plural_person(doc: Doc, k: int, hi: int, lex: _Lexicon) -> bool:
    """Whether a count-less plural naming people starts at k ("children", "Kenya Police Reservists")."""
    head, _ = _noun_run(doc, k, hi, lex) if not doc[k].like_num else (None, k)
    return head is not None and (head.tag_ == "NNPS" or (head.tag_ == "NNS" and _is_person_noun(head, lex)))


def _read_np(doc: Doc, i: int, lo: int, hi: int, lex: _Lexicon) -> _NP | None:
    """The count phrase whose number starts at token i, if it is one."""
    if doc[i].lower_ == "both":
        return _read_both(doc, i, hi, lex)
    num = _read_number(doc, i, hi, lex)
    if num is None:
        return None
    count, j = num
    if not _is_count(doc, i, j, lo, hi, lex):
        return None
    np = _NP(start=i, num_start=i, num_end=j, end=j, count=count)
    # qualifier and "another" in front, in either order
    for _ in range(2):
        for words, qual in lex.qualifiers:
            if np.qualifier == "exact" and _words_before(doc, np.start, words, lo):
                np.qualifier, np.start = qual, np.start - len(words)
                break
        for words in lex.additive_before:
            if not np.additive and _words_before(doc, np.start, words, lo):
                np.additive, np.start = True, np.start - len(words)
                break
    k = _read_range(doc, np, lo, hi, lex)
    if k < hi and doc[k].lower_ in lex.additive_after:
        np.additive = True
        if doc[k].lower_ == "others" or (doc[k].lower_ == "other" and not (
                k + 1 < hi and doc[k + 1].pos_ in ("NOUN", "ADJ"))):
            np.end = k + 1  # "3 others": the noun is "others"
            return np
        if doc[k].lower_ == "more":
            k += 1
    np.end = k
    if k + 1 < hi and doc[k].lower_ == "of" and doc[k + 1].lower_ in _PARTITIVE_DETS:
        _read_partitive(doc, np, k, hi, lex)
        return np
    head, end = _noun_run(doc, k, hi, lex)
    if head is not None:
        if (_lemma(head) in lex.not_people or head.lower_ in lex.not_people or head.lower_ in lex.unit_words
                or head.lower_ in lex.vague):
            return None
        np.head, np.end = head, end
    return np


def _read_both(doc: Doc, i: int, hi: int, lex: _Lexicon) -> _NP | None:
    """ "both men were killed", "killing both of them" = 2; not "both soldiers and civilians"."""
    head, end = _noun_run(doc, i + 1, hi, lex)
    if head is not None and end < hi and doc[end].lower_ == "and":
        return None
    if head is not None and _is_person_noun(head, lex) and head.tag_ == "NNS":
        return _NP(start=i, num_start=i, num_end=i + 1, end=end, count=2, head=head)
    if i + 2 < hi and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in ("them", "whom"):
        return _NP(start=i, num_start=i, num_end=i + 1, end=i + 3, count=2)
    if i + 1 < hi and doc[i + 1].lower_ in ("were", "died", "are", "killed", "was"):
        return _NP(start=i, num_start=i, num_end=i + 1, end=i + 1, count=2)
    return None


def _read_range(doc: Doc, np: _NP, lo: int, hi: int, lex: _Lexicon) -> int:
    """After the number: "10 or more", "10 or so", "10-15", "between 3 and 5", "one or four".

    A range reads as its low end with "at least": the only figure the text vouches for.
    """
    k = np.num_end
    for words, qual in lex.after_qualifiers.items():
        if all(k + n < hi and doc[k + n].lower_ == w for n, w in enumerate(words)):
            np.qualifier = qual
            return k + len(words)
    before = doc[np.start - 1].lower_ if np.start > lo else None
    if k + 1 < hi and doc[k].lower_ in ("-", "–", "to", "and", "or") and before != "from" and (
            doc[k].lower_ != "and" or before == "between"):
        upper = _read_number(doc, k + 1, hi, lex)
        if upper and upper[0] > np.count:
            np.qualifier = "at least"
            if before in ("between", "either"):
                np.start -= 1
            return upper[1]
    return k


def _read_partitive(doc: Doc, np: _NP, k: int, hi: int, lex: _Lexicon) -> None:
    """ "9 of them", "two of its citizens", "3 of the dead", "three of those arrested"."""
    word = doc[k + 1].lower_
    if word in ("them", "whom", "those", "these", "which"):
        np.end, np.partitive = k + 2, ""
        if np.end < hi and doc[np.end].tag_ == "VBN":  # "those arrested", "those killed"
            np.end += 1
        head, end = _noun_run(doc, np.end, hi, lex)  # "9 of them children"
        if head is not None and head.pos_ == "NOUN" and word == "them":
            np.head, np.end = head, end
        return
    head, end = _noun_run(doc, k + 2, hi, lex)
    if head is None and k + 2 < hi and doc[k + 2].lower_ in _PARTITIVE_BREAKDOWN:
        head, end = doc[k + 2], k + 3
    if head is not None:
        np.end = end
        if head.lower_ in _PARTITIVE_BREAKDOWN:
            np.partitive = _PARTITIVE_BREAKDOWN[head.lower_] or ""
        else:
            np.head = head


def _read_singular(doc: Doc, k: int, lo: int, hi: int, lex: _Lexicon) -> _NP | None:
    """A single named victim without a number: "a police officer", "the driver", "another"."""
    tok = doc[k]
    if tok.lower_ == "another" and (k + 1 >= hi or doc[k + 1].pos_ not in ("NOUN", "ADJ", "PROPN", "NUM")):
        if k > lo and doc[k - 1].lower_ == "one":
            return None  # "one another"
        return _NP(start=k, num_start=k, num_end=k + 1, end=k + 1, count=1, singular=True, additive=True)
    if tok.lower_ == "old" and k - 4 >= lo and doc[k - 2].lower_ in ("year", "month") and doc[k - 3].text == "-" \
            and doc[k - 5 if k - 5 >= lo else k].lower_ in ("a", "an") and not (
                k + 1 < hi and doc[k + 1].pos_ in ("NOUN", "PROPN")):
        return _NP(start=k - 5, num_start=k - 5, num_end=k + 1, end=k + 1, count=1, singular=True)  # "a 25-year-old"
    if tok.tag_ != "NN" or tok.pos_ != "NOUN" or not _is_person_noun(tok, lex):
        return None
    if k + 1 < hi and doc[k + 1].pos_ in ("NOUN", "PROPN") and doc[k + 1].tag_ != "NNP":
        return None  # not the head: "police officer" is read at "officer"
    if k + 2 < hi and doc[k + 1].lower_ == "of" and doc[k + 2].like_num:
        return None  # "a family of 3": the count is the 3
    s = k
    while s > lo and (doc[s - 1].pos_ in ("ADJ", "NOUN", "PROPN") or doc[s - 1].tag_ == "VBN"
                      or (doc[s - 1].text == "-" and not doc[s - 1].whitespace_)
                      or doc[s - 1].like_num):
        if doc[s - 1].ent_type_ in ("DATE", "TIME") or doc[s - 1].like_num:
            if not any(t.lower_ == "old" for t in doc[s - 1:k]):
                return None  # a count or date in front; but "a 25-year-old man" is one man
        s -= 1
    det = doc[s - 1].lower_ if s > lo else None
    if det is not None and doc[s - 1].pos_ in ("DET", "PRON") and det not in _SINGULAR_DETS:
        return None  # "no man", "every soldier", "which officer"
    if det is not None and (det in lex.vague or det in _ZERO_WORDS):
        return None
    if det in _SINGULAR_DETS:
        s -= 1
    return _NP(start=s, num_start=s, num_end=k + 1, end=k + 1, count=1, head=tok, singular=True,
               additive=det == "another")


# --------------------------------------------------------------------------------------------
# Linking counts to outcomes
# --------------------------------------------------------------------------------------------

def _has_object(tok: Token, span: tuple[int, int] | None = None) -> bool:
    """Whether a verb has a direct object of its own (outside `span`, outside parentheses)."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "obj") or (span and span[0] <= c.i < span[1]):
            continue
        if c.i > 0 and c.doc[c.i - 1].text == "(":
            continue  # "4 killed (machetes)"
        return True
    return False


def _after_match(doc: Doc, k: int, hi: int, lex: _Lexicon) -> tuple[str, int] | None:
    """(outcome, end) of an outcome phrase behind the victims starting at token k."""
    for o in lex.outcomes:
        for pat in o.after:
            end = _match_from(doc, k, pat, hi)
            if end is None:
                continue
            verb = doc[k]
            if pat[-1] == frozenset({"death"}) and _lemma(verb) in lex.not_to_death:
                continue  # "sentenced to death"
            if _lemma(verb) in o.transitive or len(pat) > 1:
                # behind its victims a verb must be passive, without an object of its own: in
                # "3 gunmen killed 2" and "police shot dead 2" none of the first group died
                if len(pat) == 1 and verb.tag_ not in ("VBN", "VBD"):
                    continue
                if any(_has_object(doc[t], (k, end)) for t in range(k, end) if doc[t].pos_ == "VERB"):
                    continue
                if end < hi and _starts_count(doc, end):
                    continue
            return o.name, end
    return None


def _starts_count(doc: Doc, k: int) -> bool:
    tok = doc[k]
    return tok.like_num and tok.ent_type_ not in _NOT_COUNT_ENTS or tok.lower_ in ("a", "an", "another")


def _skip_aside(doc: Doc, k: int, hi: int) -> int | None:
    """End of an aside the link may jump: "(some reports 30)", ", including 3 children,", ", who"."""
    tok = doc[k]
    if tok.text in ("(", "["):
        close = ")" if tok.text == "(" else "]"
        end = next((c for c in range(k + 1, min(hi, k + 10)) if doc[c].text == close), None)
        return end + 1 if end is not None else None
    if tok.text == "," and k + 1 < hi:
        nxt = doc[k + 1].lower_
        if nxt in ("who", "which", "that"):
            return k + 2
        if nxt in ("including", "among", "mostly", "mainly", "most", "all", "many", "both"):
            end = next((c for c in range(k + 2, min(hi, k + 10)) if doc[c].text == ","), None)
            return end + 1 if end is not None else None
    if tok.lower_ in ("on", "in", "at") and k + 1 < hi and doc[k + 1].ent_type_ in ("DATE", "TIME"):
        c = k + 1  # "were on 24/02 lynched"
        while c < hi and doc[c].ent_type_ in ("DATE", "TIME"):
            c += 1
        return c
    if tok.lower_ in ("of", "in", "at", "from", "near", "aboard", "on") and tok.dep_ == "prep":
        # "5 members of the Mungiki sect were killed", "5 people in Ruaraka were shot dead"
        c = k + 1
        while c < hi and c < k + 6 and (doc[c].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
                                        or doc[c].tag_ == "POS"):
            c += 1
        if c > k + 1 and c < hi and (doc[c].lower_ in ("were", "was", "are", "is", "have", "has", "had")
                                     or doc[c].tag_ == "VBN"):
            return c
    return None


def _link_after(doc: Doc, np: _NP, hi: int, lex: _Lexicon) -> bool:
    """Victims as subject: "10 were killed", "10 dead", "2 said killed", "3 beaten to death"."""
    k, steps = np.end, 0
    while k < hi and steps < 10:
        found = _after_match(doc, k, hi, lex)
        if found is not None:
            np.outcome, np.trigger, np.link = found[0], (k, found[1]), "after"
            return True
        tok = doc[k]
        aside = _skip_aside(doc, k, hi)
        if aside is not None:
            k = aside
        elif tok.lower_ in lex.skip or _lemma(tok) in lex.skip or tok.tag_ == "RB":
            k += 1
        elif tok.ent_type_ in ("DATE", "TIME") and not tok.like_num or tok.text in _QUOTES:
            k += 1  # "were Friday afternoon shot dead", "were last night killed"
        elif tok.tag_ in ("VBN", "VBD") and k + 1 < hi and doc[k + 1].lower_ == "and":
            k += 2  # "were attacked and killed"
        else:
            return False
        steps += 1
    return False


def _link_before(doc: Doc, np: _NP, lo: int, lex: _Lexicon) -> bool:
    """Victims as object: "killed 10", "shot dead 6", "the deaths of 3", "claimed the lives of 5"."""
    j = np.start
    while j > lo and (doc[j - 1].text in _QUOTES or doc[j - 1].lower_ in ("reportedly", "allegedly", "also")):
        j -= 1
    if j - 2 > lo and doc[j - 1].lower_ == "of" and doc[j - 2].lower_ in _GROUP_NOUNS and doc[j - 3].lower_ in (
            "a", "an", "the"):
        j -= 3  # "killing a group of five police officers"
    for o in lex.outcomes:
        for pat in o.before:
            s = _match_to(doc, j, pat, lo)
            if s is None:
                continue
            if pat[-1] == frozenset({"death"}) and _lemma(doc[s]) in lex.not_to_death:
                continue
            np.outcome, np.trigger, np.link = o.name, (s, j), "before"
            return True
        if j - 1 > lo and doc[j - 1].lower_ == "of" and (
                doc[j - 2].lower_ in o.of or _lemma(doc[j - 2]) in o.of):
            np.outcome, np.trigger, np.link = o.name, (j - 2, j - 1), "of"
            return True
    return False


def _link_toll(doc: Doc, np: _NP, lo: int, lex: _Lexicon) -> bool:
    """ "the death toll rose to 10", "a toll of 10": the latest count of the dead."""
    if np.start > lo and doc[np.start - 1].lower_ == "from":
        return False  # "rose from 5 to 10": the toll is the 10
    for k in range(np.start - 1, max(lo, np.start - 10) - 1, -1):
        tok = doc[k]
        if tok.like_num and k > lo and doc[k - 1].lower_ == "from":
            continue
        if tok.like_num or tok.text in (";", ".") or tok.lower_ in ("and", "but"):
            return False
        if tok.lower_ in lex.toll or (tok.lower_ in ("total", "count", "tally", "figure") and k > lo
                                      and doc[k - 1].lower_ in ("death", "body", "fatality")):
            if k > lo and doc[k - 1].lower_ in ("injury", "injured", "casualty"):
                return False
            s = k - 1 if k > lo and doc[k - 1].lower_ == "death" else k
            np.outcome, np.trigger, np.link, np.toll = "killed", (s, k + 1), "toll", True
            return True
    return False


def _link_head(np: _NP, lex: _Lexicon) -> bool:
    """The count names the outcome itself: "10 deaths", "48 fatalities", "claimed 5 lives"."""
    if np.head is None or np.singular:
        return False
    if _lemma(np.head) == "life":  # "claimed 5 lives", "5 lives were lost"
        doc = np.head.doc
        near = [doc[k] for k in (np.start - 1, np.end, np.end + 1) if 0 <= k < len(doc)]
        if any(_lemma(t) in lex.lives_verbs or t.lower_ in lex.lives_verbs for t in near):
            np.outcome, np.link, np.trigger = "killed", "head", (np.head.i, np.head.i + 1)
            return True
        return False
    for o in lex.outcomes:
        if np.head.lower_ in o.head or _lemma(np.head) in o.head:
            np.outcome, np.link = o.name, "head"
            np.trigger = (np.head.i, np.head.i + 1)
            return True
    return False


def _link_dep(doc: Doc, np: _NP, lo: int, hi: int, lex: _Lexicon) -> bool:
    """The parser's arcs, for links too far for the patterns ("9 terrorists plotting ... killed")."""
    tok = np.head if np.head is not None else doc[np.num_end - 1]
    gov = tok.head
    if gov is tok or not lo <= gov.i < hi:
        return False
    for o in lex.outcomes:
        if tok.dep_ in ("nsubjpass", "nsubj") and gov.i > tok.i:
            single = {w for p in o.after if len(p) == 1 and p[0] for w in p[0]}
            if (_lemma(gov) in single or gov.lower_ in single) and (
                    _lemma(gov) not in o.transitive or (gov.tag_ in ("VBN", "VBD") and not _has_object(gov))):
                np.outcome, np.trigger, np.link = o.name, (gov.i, gov.i + 1), "dep"
                return True
        if tok.dep_ in ("dobj", "obj") and gov.i < tok.i and _lemma(gov) in o.transitive:
            np.outcome, np.trigger, np.link = o.name, (gov.i, gov.i + 1), "dep"
            return True
    return False


def _link_premod(doc: Doc, np: _NP, lex: _Lexicon) -> bool:
    """Last resort: an outcome adjective inside the phrase ("4 missing people", "3 dead soldiers")."""
    if np.head is None:
        return False
    for k in range(np.num_end, np.head.i):
        for o in lex.outcomes:
            words = {doc[k].lower_, _lemma(doc[k])}
            if doc[k].tag_ in ("JJ", "VBN") and any(len(p) == 1 and p[0] and p[0] & words for p in o.after):
                np.outcome, np.trigger, np.link = o.name, (k, k + 1), "premod"
                return True
    return False


def _link(doc: Doc, np: _NP, lo: int, hi: int, lex: _Lexicon) -> None:
    if not (_link_before(doc, np, lo, lex) or _link_after(doc, np, hi, lex)):
        if np.singular:
            _link_dep(doc, np, lo, hi, lex)
        elif not (_link_toll(doc, np, lo, lex) or _link_head(np, lex) or _link_dep(doc, np, lo, hi, lex)):
            _link_premod(doc, np, lex)
    if np.outcome is not None and (_irrealis(doc, np, lo, lex) or not _victims_ok(doc, np, lex)):
        np.outcome = np.trigger = np.link = None


def _victims_ok(doc: Doc, np: _NP, lex: _Lexicon) -> bool:
    """Whether the counted noun can be victims of this outcome (see `any_noun` in the lexicon)."""
    head = np.head
    if head is None or np.link in ("head", "toll") or _is_person_noun(head, lex):
        return True
    if head.pos_ == "PROPN" or head.tag_ == "NNPS" or head.lower_ in ("others", "other"):
        return True  # "2 Pakistanis", "3 Al Shabaab": names of people
    trig = doc[np.trigger[0]:np.trigger[1]] if np.trigger else []
    return any(t.lower_ in lex.any_noun or _lemma(t) in lex.any_noun for t in trig)


def _irrealis(doc: Doc, np: _NP, lo: int, lex: _Lexicon) -> bool:
    """Whether the outcome did not happen: "tried to kill 3", "nearly lynched a man"."""
    t = np.trigger[0] if np.trigger else np.start
    if np.trigger and doc[t].tag_ == "VB" and t > lo and doc[t - 1].lower_ == "to":
        return True  # a purpose or intent: "stormed the station to lynch two women"
    for k in range(t - 1, max(lo, t - 4) - 1, -1):
        w = doc[k]
        if w.lower_ in lex.irrealis or _lemma(w) in lex.irrealis:
            return True
        if w.lower_ not in ("to", "and", "be", "been", "have", "had", "has") and w.pos_ not in ("ADV", "AUX"):
            return False
    return False


def _is_cause(doc: Doc, np: _NP, lo: int, lex: _Lexicon) -> bool:
    """Whether a casualty is told as the cause or background of something else.

    "Residents protest after a pedestrian was killed", "riots over the murder of a politician",
    "men suspected of killing an elderly man", "revenge attack for 2 herders killed".
    """
    anchor = min(np.start, np.trigger[0]) if np.trigger else np.start
    if anchor > lo and doc[anchor].tag_ == "VBG" and doc[anchor - 1].lower_ == "for":
        return True  # "sentenced for killing her husband", "arrested for murdering"
    for k in range(anchor - 1, max(lo, anchor - 6) - 1, -1):
        w = doc[k]
        low, lem = w.lower_, _lemma(w)
        if low in lex.cause_words or lem in lex.cause_words:
            return not (low == "over" and k + 1 < anchor and doc[k + 1].like_num)
        if low in ("of", "for", "with") and k > lo and (
                doc[k - 1].lower_ in lex.cause_before_prep or _lemma(doc[k - 1]) in lex.cause_before_prep):
            return True
        if w.is_punct or w.ent_type_ in ("DATE", "TIME") or (
                w.pos_ == "VERB" and not (k + 1 < anchor and doc[k + 1].lower_ == "and")
                and w.i not in range(*(np.trigger or (0, 0)))):
            return False
    return False


# --------------------------------------------------------------------------------------------
# Structure between counts: coordination, breakdowns, sums
# --------------------------------------------------------------------------------------------

def _connected(doc: Doc, a: _NP, b: _NP) -> bool:
    """Whether b follows a with only a list connector between ("3 soldiers, 2 police and 1 ...")."""
    between = " ".join(t.lower_ for t in doc[a.end:b.start]).replace(" ,", ",")
    return between in _CONNECTORS


# Words that may stand between a breakdown cue and its count: "among the dead were 9 children".
_CUE_FILLERS = frozenset({"the", "dead", "killed", "victims", "injured", "wounded", "were", "are", "was",
                          "is", "deceased", "casualties", "those"})


def _in_parentheses(doc: Doc, k: int, lo: int) -> bool:
    depth = 0
    for t in doc[lo:k]:
        depth += t.text in ("(", "[") and 1 or t.text in (")", "]") and -1 or 0
    return depth > 0


def _mark_cues(doc: Doc, nps: list[_NP], lo: int, lex: _Lexicon) -> None:
    """Breakdown cues in front of a count: "including 9 children", "among them 3 women".

    A count in parentheses after a told total explains it ("15 killed in Nakuru (8) and Molo
    (7)", "1 killed (2 others feared dead in an earlier report)"), so it is a breakdown candidate too.
    """
    for np in nps:
        if _in_parentheses(doc, np.start, lo) and any(
                o.end <= np.start and o.outcome and not _in_parentheses(doc, o.start, lo) for o in nps):
            np.cue = True
            continue
        j = np.start
        for _ in range(5):
            starts = [s for cue in lex.cues if (s := _match_to(doc, j, cue, lo)) is not None]
            if starts:
                cue_start = min(starts)
                prev = [o for o in nps if o.end <= cue_start]
                if doc[cue_start].lower_ == "among" and prev and prev[-1].end == cue_start:
                    prev[-1].parent = np  # "3 commanders among 6 killed": the 3 are part of the 6
                    break
                np.cue = True
                between = {t.lower_ for t in doc[j:np.start]}
                if np.outcome is None and between & {"dead", "killed", "deceased"}:
                    np.outcome, np.link = "killed", "breakdown"
                elif np.outcome is None and between & {"injured", "wounded"}:
                    np.outcome, np.link = "injured", "breakdown"
                break
            if j - 1 < lo or doc[j - 1].lower_ not in _CUE_FILLERS:
                break
            j -= 1


def _coordinate(doc: Doc, nps: list[_NP]) -> list[list[_NP]]:
    """Share outcomes and cues along coordinated lists; return the lists (runs of 2+ counts)."""
    runs, run = [], []
    for a, b in zip(nps, nps[1:], strict=False):
        if _connected(doc, a, b):
            run = run or [a]
            run.append(b)
        else:
            if len(run) > 1:
                runs.append(run)
            run = []
    if len(run) > 1:
        runs.append(run)
    for run in runs:
        # forward from a verb in front ("killed 3 villagers, 2 children"), back from one behind
        # ("3 soldiers and 2 civilians were killed")
        for a, b in zip(run, run[1:], strict=False):
            b.cue = b.cue or a.cue
            if b.outcome is None and a.outcome and a.trigger and a.trigger[1] <= a.start:
                b.outcome, b.trigger, b.link = a.outcome, a.trigger, "coord"
        for a, b in zip(reversed(run[:-1]), reversed(run[1:]), strict=False):
            if a.outcome is None and b.outcome and b.trigger and b.trigger[0] >= b.end:
                a.outcome, a.trigger, a.link = b.outcome, b.trigger, "coord"
    return runs


def _parent_of(np: _NP, tops: list[_NP]) -> _NP | None:
    """The total a breakdown belongs to: the nearest earlier total at least as large."""
    for other in reversed(tops):
        if other is np or other.parent is not None or other.cue:
            continue
        if np.outcome and other.outcome != np.outcome:
            continue
        if other.count >= np.count:
            return other
    return None


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------

class Casualties(Component):
    """Writes `doc._.casualties`: every linked count, in text order, with its structure."""

    name = "dyad_casualties"

    def annotate(self, doc) -> None:
        lex = lexicon()
        out: list[CasualtyMention] = []
        earlier: list[_NP] = []  # linked counts of earlier sentences, for breakdowns across them
        for s_idx, sent in enumerate(doc.sents):
            nps = self._sentence_nps(doc, sent.start, sent.end, lex)
            zeros = self._zeros(doc, sent.start, sent.end, lex)
            self._structure(doc, nps, earlier, sent.start, lex)
            for np in nps:
                if np.outcome is not None:
                    np.cause = _is_cause(doc, np, sent.start, lex)
                    earlier.append(np)
            self._emit(doc, nps, zeros, s_idx, out)
        _mark_restated(out)
        doc._.casualties = out

    @staticmethod
    def _sentence_nps(doc: Doc, lo: int, hi: int, lex: _Lexicon) -> list[_NP]:
        nps: list[_NP] = []
        k = lo
        while k < hi:
            floor = nps[-1].end if nps else lo
            np = _read_np(doc, k, lo, hi, lex) or _read_singular(doc, k, floor, hi, lex)
            if np is None:
                k += 1
                continue
            nps.append(np)
            k = max(np.end, k + 1)
        for np in nps:
            _link(doc, np, lo, hi, lex)
        return nps

    @staticmethod
    def _structure(doc: Doc, nps: list[_NP], earlier: list[_NP], lo: int, lex: _Lexicon) -> None:
        """Breakdowns (`parent`) and sums of coordinated groups, within one sentence."""
        _mark_cues(doc, nps, lo, lex)
        runs = _coordinate(doc, nps)
        # breakdowns: after a cue, or "9 of them"; the total is in this sentence, else an earlier one
        for np in nps:
            if np.parent is not None or not (np.cue or np.partitive is not None):
                continue
            before = [o for o in nps if o.outcome is not None and o.end <= np.start]
            np.parent = _parent_of(np, before) or _parent_of(np, earlier)
            if np.parent is None:
                np.cue = False  # nothing to be part of: a total of its own
        for np in nps:  # the part takes the whole's outcome ("including 9 children")
            if np.parent is not None and np.outcome is None and np.parent.outcome:
                np.outcome, np.link = np.parent.outcome, "breakdown"
            if np.parent is not None and np.trigger is None:
                np.trigger = np.parent.trigger
        linked = [np for np in nps if np.outcome is not None]
        # groups: a list whose first count equals the sum of the rest is a total and its parts;
        # otherwise, unless the sentence tells a total big enough to hold them, the groups add up
        for run in runs:
            run = [np for np in run if np.outcome is not None and np.parent is None and not np.cue]
            if len(run) < 2 or len({np.outcome for np in run}) != 1:
                continue
            first = run[0]
            if (first.count == sum(np.count for np in run[1:]) and not first.singular
                    and (first.head is None or first.head.lower_ in _GENERIC_VICTIMS)):
                for np in run[1:]:
                    np.parent = run[0]
                continue
            total = sum(np.count for np in run)
            others = [o for o in linked if o not in run and o.outcome == run[0].outcome
                      and o.parent is None and not o.cue and o.count >= total]
            if others:
                for np in run:
                    np.parent = others[0]
                continue
            summed = _NP(start=run[0].start, num_start=run[0].num_start, num_end=run[-1].num_end,
                         end=run[-1].end, count=total, qualifier=_combine(np.qualifier for np in run),
                         outcome=run[0].outcome, trigger=run[-1].trigger, link="sum",
                         additive=all(np.additive for np in run))
            for np in run:
                np.parent = summed
            nps.insert(nps.index(run[0]), summed)

    @staticmethod
    def _zeros(doc: Doc, lo: int, hi: int, lex: _Lexicon) -> list[tuple[int, int, str, tuple[int, int]]]:
        """Explicit zeros: "no one was killed", "no casualties", "No fatalities reported"."""
        found = []
        for k in range(lo, hi):
            tok = doc[k]
            if tok.lower_ not in _ZERO_WORDS:
                continue
            end = k + 1
            noun = None
            if end < hi and doc[end].lower_ in _ZERO_NOUNS:
                noun, end = doc[end].lower_, end + 1
            elif end + 1 < hi and doc[end + 1].lower_ in _ZERO_NOUNS and doc[end].pos_ == "ADJ":
                noun, end = doc[end + 1].lower_, end + 2  # "no other casualties"
            probe = _NP(start=k, num_start=k, num_end=end, end=end, count=0)
            outcomes = []
            if noun and _ZERO_NOUNS[noun]:
                outcomes = [(o, (end - 1, end)) for o in _ZERO_NOUNS[noun].split("+")]
            elif _link_after(doc, probe, hi, lex):
                outcomes = [(probe.outcome, probe.trigger)]
            for o, trig in outcomes:
                found.append((k, end, o, trig))
        return found

    @staticmethod
    def _emit(doc: Doc, nps: list[_NP], zeros: list, s_idx: int, out: list[CasualtyMention]) -> None:
        lex = lexicon()
        for np in nps:
            if np.outcome is None:
                continue
            np.mention = len(out)
            span = doc[np.start:np.end]
            trig = doc[np.trigger[0]:np.trigger[1]] if np.trigger else None
            out.append(CasualtyMention(
                start=span.start_char, end=span.end_char, count=np.count, qualifier=np.qualifier,
                outcome=np.outcome, who=_who(doc, np, lex),
                trigger_start=trig.start_char if trig is not None else None,
                trigger_end=trig.end_char if trig is not None else None,
                sent=s_idx, toll=np.toll, additive=np.additive, summed=np.link == "sum", cause=np.cause))
        for np in nps:
            if np.mention is not None and np.parent is not None and np.parent.mention is not None:
                out[np.mention].part_of = np.parent.mention
        for k, end, outcome, trig in zeros:
            span, t = doc[k:end], doc[trig[0]:trig[1]]
            out.append(CasualtyMention(start=span.start_char, end=span.end_char, count=0, qualifier="exact",
                                       outcome=outcome, trigger_start=t.start_char, trigger_end=t.end_char,
                                       sent=s_idx))


def _who(doc: Doc, np: _NP, lex: _Lexicon) -> str | None:
    """The victims as a plural noun phrase ("civilians", "police officers"), or None."""
    head = np.head
    if head is None or head.lower_ in ("others", "other"):
        return None
    if head.pos_ == "PROPN" and head.ent_type_ != "NORP" and head.tag_ != "NNPS":
        return None  # "3 Al Shabaab": a name, not a kind of victim
    words = [_plural(head, lex) if head.pos_ == "NOUN" else head.lower_]
    k, floor = head.i - 1, (np.start if np.singular else np.num_end)
    while k >= floor and doc[k].pos_ == "NOUN" and doc[k].dep_ in ("compound", "nmod", "amod"):
        words.insert(0, doc[k].lower_)
        k -= 1
    return " ".join(words)


def _combine(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum: exact only if every part is; mixed bounds become "about"."""
    qs = set(qualifiers) - {"exact"}
    if not qs:
        return "exact"
    return qs.pop() if len(qs) == 1 else "about"


def _mark_restated(out: list[CasualtyMention]) -> None:
    """A later sentence repeating a total (same outcome, same count) restates it."""
    for i, m in enumerate(out):
        if m.part_of is not None or m.count == 0:
            continue
        for j in range(i):
            e = out[j]
            if (e.part_of is None and e.restates is None and e.outcome == m.outcome
                    and e.count == m.count and (e.sent or 0) < (m.sent or 0)):
                m.restates = j
                break


def _in_range(sent: int | None, sentence_range) -> bool:
    if sentence_range is None:
        return True
    if sent is None:
        return False
    if isinstance(sentence_range, int):
        return sent == sentence_range
    if isinstance(sentence_range, tuple) and len(sentence_range) == 2:
        return sentence_range[0] <= sent < sentence_range[1]
    return sent in sentence_range


def casualty_totals(mentions: list[CasualtyMention], sentence_range=None,
                    causes: bool = False) -> dict[str, tuple[int, str]]:
    """Per outcome, (count, qualifier) told by the top-level mentions in the sentences given.

    `sentence_range`: None (the whole document), a sentence index, a (start, stop) tuple of
    sentence indices (stop exclusive, like `range`), or any container of indices.
    `causes`: also count mentions told as the cause of what is reported (`cause`: "protest after
    a man was killed"); off by default, as the reported event did not cause those casualties.

    Within one sentence, distinct groups add up ("killed 3 soldiers and 2 civilians" → 5). Across
    sentences a news text mostly repeats and refines one toll, so a later sentence replaces the
    running figure when larger (the max), adds to it when it says so ("another 5", "3 others"),
    and overrides it when it is a death toll update ("the toll rose to 6"). Breakdowns
    (`part_of`) and restatements (`restates`) never count.
    """
    by_outcome: dict[str, dict[int, list[CasualtyMention]]] = {}
    for m in mentions:
        if m.part_of is not None or m.restates is not None or not _in_range(m.sent, sentence_range):
            continue
        if m.cause and not causes:
            continue
        by_outcome.setdefault(m.outcome, {}).setdefault(m.sent or 0, []).append(m)
    totals: dict[str, tuple[int, str]] = {}
    for outcome, sents in by_outcome.items():
        running: tuple[int, str] | None = None
        for s in sorted(sents):
            ms = sents[s]
            tolls = [m for m in ms if m.toll]
            if tolls:
                best = max(tolls, key=lambda m: m.count)
                running = (best.count, best.qualifier)
                continue
            value = (sum(m.count for m in ms), _combine(m.qualifier for m in ms))
            if running is None:
                running = value
            elif all(m.additive for m in ms):
                running = (running[0] + value[0], _combine((running[1], value[1])))
            elif value[0] > running[0]:
                running = value
        if running is not None:
            totals[outcome] = running
    return totals


@Language.factory("dyad_casualties", assigns=["doc._.casualties"])
def make_casualties(nlp, name):
    return Casualties(nlp, name)
