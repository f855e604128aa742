"""Date mentions resolved against the article's published date ("on Tuesday", "overnight").

Candidates are spaCy's DATE/TIME entities plus a few patterns the tagger misses ("on Tuesday",
"16/08/2019", "in March"). Each is resolved by dyad's own rules first, because news uses a small
set of shapes and dateparser costs milliseconds per call: weekdays, yesterday/today/overnight,
this/last/next week|month|year, "N days ago", month names, day-month(-year) in either order,
ISO and numeric dates, bare years. Only what the rules cannot read and what carries a digit or a
month name goes to dateparser (cached), with RELATIVE_BASE = the published date and
PREFER_DATES_FROM = "past".

Choices, so that nothing is invented:

* durations, ages and frequencies are not dates ("for three days", "decades", "five-year",
  "a 25-year-old", "daily"); nor are anaphoric dates, which hang on another event rather than
  on publication ("the next day", "two days later"): both are skipped;
* a relative date without a published date is listed with `date` None; a day and month without
  a year likewise, as the year is unknown;
* "overnight" and "last night" are the day before publication: the night that ended on the
  morning of publication began the evening before, and event datasets code the start date;
* a weekday is the most recent such day on or before publication ("on Tuesday" in a Tuesday
  paper is that day); "last Tuesday" is strictly before; a month or day without a year is the
  most recent one not after publication;
* coarser precisions carry the first day of their period (weeks start on Monday, ISO 8601);
* numeric d/m dates are read day first unless that is impossible ("12/25/2019"): ACLED notes and
  most of the world's press write day first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dyad.components import Component


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: str | None  # ISO YYYY-MM-DD (the first day of the week/month/year for coarser precision)
    precision: str | None  # day|week|month|year
    sent: int | None = None  # index of the sentence (in doc.sents order) holding the mention
    relative: bool = False  # resolved against the published date ("yesterday", "on Tuesday")


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------

MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
          "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
UNITS = ("second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century",
         "centuries")

_FULL_MONTHS = frozenset(list(MONTHS)[:12])
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_CAP = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH_CAP = "|".join(m.capitalize() for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))
_WEEKDAY_CAP = "|".join(w.capitalize() for w in WEEKDAYS)
_NUM_ALT = r"\d+|" + "|".join(NUMBER_WORDS)
_ORD = r"(?:st|nd|rd|th)?"

# Patterns the tagger misses; the named group `d` is the mention.
_CANDIDATES = [re.compile(p) for p in (
    rf"\b(?P<d>(?:(?:[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?:{_WEEKDAY_CAP})(?:\s+(?:morning|afternoon|evening|night))?)\b",
    r"(?i)\b(?P<d>yesterday|today|tonight|tomorrow|overnight|last night|earlier today"
    r"|(?:earlier |later )?this (?:morning|afternoon|evening|week|weekend|month|year)"
    r"|last (?:week|weekend|month|year)|next (?:week|weekend|month|year)"
    rf"|(?:{_NUM_ALT}) (?:days?|weeks?|months?|years?) ago)\b",
    r"\b(?P<d>\d{4}-\d{2}-\d{2})\b",
    r"\b(?P<d>\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))\b",
    rf"\b(?P<d>\d{{1,2}}{_ORD}(?:\s+of)?\s+(?:{_MONTH_CAP})\b\.?(?:,?\s+\d{{4}})?)",
    rf"\b(?P<d>(?:{_MONTH_CAP})\.?\s+\d{{1,2}}{_ORD}(?!\d)(?:,?\s+\d{{4}})?)",
    rf"\b(?P<d>(?:{_MONTH_CAP})\.?,?\s+\d{{4}})\b",
    # a bare month needs a preposition, and its full name ("by Jan Egeland" is no month)
    rf"\b(?:in|since|by|until|during|early|mid-|late|last|this|next|of|end of|beginning of)\s+"
    rf"(?P<d>{_FULL_MONTH_CAP})\b",
    r"\b[Oo]n (?P<d>\d{1,2}/\d{1,2})\b(?!/)",
    r"\b(?:in|since|by|until|during|early|late|mid-)\s+(?P<d>(?:1[89]|20)\d\d)\b(?!s)",
    r"\bon the (?P<d>\d{1,2}(?:st|nd|rd|th))\b",
)]

_RE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# with a year any separator; without one only "/" ("10.30" is a time, "16/08" a date)
_RE_NUMERIC = re.compile(r"\b(\d{1,2})(?:/(\d{1,2})(?:/(\d{4}|\d{2}))?|[.-](\d{1,2})[.-](\d{4}|\d{2}))\b")
_RE_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_ORD}(?:\s+of)?\s+({_MONTH_ALT})\b\.?")
_RE_MONTH_DAY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}){_ORD}(?!\d)")
_RE_MONTH = re.compile(rf"\b({_MONTH_ALT})\b\.?")
_RE_YEAR = re.compile(r"(?<![\d-])((?:1[89]|20)\d\d)(?![\d-]|s\b)")
_RE_WEEKDAY = re.compile(r"\b(?:(last|this|next)\s+)?(" + "|".join(WEEKDAYS) + r")\b")
_RE_NTH = re.compile(r"^(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b")
_RE_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hrs|h)?(?=\W|$)|\b\d{1,2}[:.]\d{2}\b")
_RE_AGO = re.compile(rf"\b({_NUM_ALT})\s+(day|week|month|year)s?\s+ago\b")
_RE_PERIOD = re.compile(r"\b(this|last|next|earlier this|later this)\s+(week|weekend|month|year)\b")
_RE_FREQUENCY = re.compile(r"\b(daily|weekly|monthly|annual|annually|yearly|every|each|per)\b")
_RE_AGE_OR_ADJ = re.compile(r"\b[\w.]+[- ](?:year|month|week|day|hour)s?[- ]old\b|\b[\w.]+-(?:"
                            + "|".join(UNITS) + r")s?\b|\baged?\b")
_RE_DURATION = re.compile(rf"\b(?:{_NUM_ALT}|several|few|many|couple|some|recent|past|first|final|those|"
                          r"these|his|her|their|the \d+)\s+(?:more\s+|short\s+)?(?:"
                          + "|".join(UNITS) + r")s?\b")
_RE_PLURAL_UNIT = re.compile(r"\b(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries|"
                             r"\d+s|\d+(?:st|nd|rd|th)[- ]century)\b")
_RE_ANAPHORIC = re.compile(r"\b(?:later|before|after|previous|following|same|prior|that (?:day|night|morning"
                           r"|afternoon|evening|week|month|year)|the next (?:day|morning|week))\b")
_RE_EARLIER = re.compile(r"\bearlier\b(?! (?:this|today))")


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Resolved:
    date: date | None
    precision: str | None
    relative: bool = False


def published_date(value) -> date | None:
    """The published date from meta: a `date`, a `datetime` or an ISO string (time part ignored)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def doc_published(doc) -> date | None:
    """The publication day of the article a Doc holds (its `meta`), which every reader of dates asks."""
    return published_date((doc._.meta or {}).get("published"))


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _add_months(d: date, n: int) -> date:
    m = d.year * 12 + d.month - 1 + n
    return date(m // 12, m % 12 + 1, 1)


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_of(text: str) -> int | None:
    m = _RE_YEAR.search(text)
    return int(m.group(1)) if m else None


def _infer_year(month: int, day: int | None, text: str, pub: date | None) -> tuple[int | None, bool]:
    """(year, relative) for a month (and day) given without a year: explicit, "last year", or the
    most recent one not after publication."""
    year = _year_of(text)
    if year is not None:
        return year, False
    if pub is None:
        return None, True
    if "last year" in text:
        return pub.year - 1, True
    if "next year" in text:
        return pub.year + 1, True
    if (month, day or 1) > (pub.month, pub.day):
        return pub.year - 1, True
    return pub.year, True


def _two_digit_year(y: int, pub: date | None) -> int:
    ref = (pub.year if pub else 2000) % 100
    return 2000 + y if y <= ref + 1 else 1900 + y


def _is_not_a_date(t: str) -> bool:
    """Durations, ages, frequencies and anaphoric dates (see the module docstring)."""
    if _RE_AGO.search(t) or _RE_PERIOD.search(t) or "yesterday" in t:
        return False
    has_anchor = bool(_RE_MONTH.search(t) or _RE_YEAR.search(t) or _RE_WEEKDAY.search(t)
                      or _RE_ISO.search(t) or _RE_NUMERIC.search(t))
    if _RE_AGE_OR_ADJ.search(t) or _RE_FREQUENCY.search(t):
        return True
    if _RE_ANAPHORIC.search(t) or _RE_EARLIER.search(t):
        return True
    if not has_anchor and (_RE_DURATION.search(t) or _RE_PLURAL_UNIT.search(t)):
        return True
    return bool(re.search(r"\b(?:for|over|within|throughout|spanning)\b", t)) and not has_anchor


def _normalize(text: str) -> str:
    t = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(t.split())


def _relative_words(t: str, pub: date) -> Resolved | None:
    if "day before yesterday" in t:
        return Resolved(pub - timedelta(days=2), "day", True)
    if re.search(r"\byesterday\b", t):
        return Resolved(pub - timedelta(days=1), "day", True)
    if re.search(r"\b(?:overnight|last night)\b", t):
        return Resolved(pub - timedelta(days=1), "day", True)
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", t):
        return Resolved(pub, "day", True)
    if re.search(r"\btomorrow\b", t):
        return Resolved(pub + timedelta(days=1), "day", True)
    m = _RE_AGO.search(t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
        unit = m.group(2)
        if unit == "day":
            return Resolved(pub - timedelta(days=n), "day", True)
        if unit == "week":
            return Resolved(_week_start(pub - timedelta(weeks=n)), "week", True)
        if unit == "month":
            return Resolved(_add_months(pub, -n), "month", True)
        return Resolved(date(pub.year - n, 1, 1), "year", True)
    m = _RE_PERIOD.search(t)
    if m:
        shift = {"last": -1, "next": 1}.get(m.group(1), 0)
        unit = m.group(2)
        if unit in ("week", "weekend"):
            return Resolved(_week_start(pub) + timedelta(weeks=shift), "week", True)
        if unit == "month":
            return Resolved(_add_months(pub, shift), "month", True)
        return Resolved(date(pub.year + shift, 1, 1), "year", True)
    if re.search(r"\bweekend\b", t):  # "over the weekend": the latest one
        return Resolved(_week_start(pub - timedelta(days=(pub.weekday() - 5) % 7)), "week", True)
    return None


def _weekday(t: str, pub: date | None) -> Resolved | None:
    m = _RE_WEEKDAY.search(t)
    if not m:
        return None
    if pub is None:
        return Resolved(None, None, True)
    back = (pub.weekday() - WEEKDAYS[m.group(2)]) % 7
    if m.group(1) == "last" and back == 0:
        back = 7
    if m.group(1) == "next":
        return Resolved(pub + timedelta(days=(7 - back) or 7), "day", True)
    return Resolved(pub - timedelta(days=back), "day", True)


def _absolute(t: str, pub: date | None) -> Resolved | None:
    """ISO, numeric, day-month and month-day dates, months, years."""
    m = _RE_ISO.search(t)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return Resolved(d, "day") if d else None
    m = _RE_NUMERIC.search(t)
    year_s = m and (m.group(3) or m.group(5))
    if m and (year_s or not _RE_MONTH.search(t)):
        a, b = int(m.group(1)), int(m.group(2) or m.group(4))
        day, month = (b, a) if a <= 12 < b else (a, b)  # day first unless impossible
        if year_s:
            y = int(year_s)
            y = _two_digit_year(y, pub) if y < 100 else y
            d = _safe_date(y, month, day)
            return Resolved(d, "day") if d else None
        if 1 <= month <= 12:
            y, rel = _infer_year(month, day, t, pub)
            d = _safe_date(y, month, day) if y else None
            return Resolved(d, "day" if d else None, rel)
    m = _RE_DAY_MONTH.search(t) or _RE_MONTH_DAY.search(t)
    if m:
        day_s, month_s = (m.group(1), m.group(2)) if m.re is _RE_DAY_MONTH else (m.group(2), m.group(1))
        month, day = MONTHS[month_s], int(day_s)
        y, rel = _infer_year(month, day, t, pub)
        d = _safe_date(y, month, day) if y else None
        if d is not None or y is None:
            return Resolved(d, "day" if d else None, rel)
    m = _RE_MONTH.search(t)
    if m:
        month = MONTHS[m.group(1)]
        y, rel = _infer_year(month, None, t, pub)
        return Resolved(date(y, month, 1) if y else None, "month" if y else None, rel)
    y = _year_of(t)
    if y is not None:
        return Resolved(date(y, 1, 1), "year")
    m = _RE_NTH.search(t)
    if m:  # "on the 26th": this month's, or last month's if still to come
        if pub is None:
            return Resolved(None, None, True)
        day = int(m.group(1))
        d = _safe_date(pub.year, pub.month, day)
        if d is None or d > pub:
            prev = _add_months(pub, -1)
            d = _safe_date(prev.year, prev.month, day)
        return Resolved(d, "day" if d else None, True)
    return None


def resolve(text: str, pub: date | None) -> Resolved | None:
    """The date a mention names, or None when it names none (a duration, an age, "recently")."""
    t = _normalize(text)
    if _is_not_a_date(t):
        return None
    # a written day or month beats words around it ("Tuesday, Oct. 5", "August last year"), a
    # weekday beats a bare month ("Saturday in March"), relative words beat a bare year
    absolute = _absolute(t, pub)
    weekday = _RE_WEEKDAY.search(t)
    if absolute is not None and (absolute.precision == "day" or (absolute.precision == "month" and not weekday)
                                 or (absolute.date is None and _RE_MONTH.search(t))):
        return absolute
    rel = _relative_words(t, pub or date(2000, 1, 3))
    if rel is not None:
        return rel if pub is not None else Resolved(None, None, True)  # nothing to anchor it on
    wd = _weekday(t, pub)
    if wd is not None:
        return wd
    if absolute is not None:
        return absolute
    if re.search(r"\d", _RE_CLOCK.sub(" ", t)) and (pub is not None or _RE_YEAR.search(t)):
        return _fallback(t, pub.isoformat() if pub else None)
    return None


@lru_cache(maxsize=4096)
def _fallback(text: str, pub_iso: str | None) -> Resolved | None:
    """dateparser, for the shapes the rules do not read; its period gives the precision."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": []}
    if pub_iso:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(pub_iso)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    relative = _RE_YEAR.search(text) is None
    if period == "year":
        return Resolved(date(d.year, 1, 1), "year", relative)
    if period == "month":
        return Resolved(d.replace(day=1), "month", relative)
    if period == "week":
        return Resolved(_week_start(d), "week", relative)
    return Resolved(d, "day", relative)


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------

def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Char spans of DATE/TIME entities and pattern matches, overlaps merged."""
    found = sorted(m.span("d") for rx in _CANDIDATES for m in rx.finditer(doc.text))
    spans = list(found)
    for e in doc.ents:
        if e.label_ not in ("DATE", "TIME"):
            continue
        inside = [f for f in found if e.start_char <= f[0] and f[1] <= e.end_char]
        gaps = [doc.text[a[1]:b[0]] for a, b in zip(inside, inside[1:], strict=False)]
        if not any(re.search(r"\b(?:and|or)\b|&", g) for g in gaps):
            spans.append((e.start_char, e.end_char))  # else a list the tagger joined: keep its parts
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        word = re.search(r"(\w+)\.$", doc.text[s:e])
        if word and word.group(1).lower() in _FULL_MONTHS:
            e -= 1  # "on 14 January." ends the sentence; "Oct." keeps its abbreviation dot
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


class Dates(Component):
    """Writes `doc._.dates`: every date mention, in text order, resolved where it can be."""

    name = "dyad_dates"

    def annotate(self, doc) -> None:
        pub = doc_published(doc)
        sent_starts = [s.start_char for s in doc.sents]
        out: list[DateMention] = []
        for s, e in _candidate_spans(doc):
            text = doc.text[s:e]
            r = resolve(text, pub)
            if r is None:
                continue
            sent = max((i for i, start in enumerate(sent_starts) if start <= s), default=None)
            out.append(DateMention(start=s, end=e, text=text, date=r.date.isoformat() if r.date else None,
                                   precision=r.precision if r.date else None, sent=sent, relative=r.relative))
        doc._.dates = out


# --------------------------------------------------------------------------------------------
# Which date is an event's
# --------------------------------------------------------------------------------------------

RANGE_OPENERS = {"since", "until", "till"}  # "has paid 97% since 2001": a period, not the act's day


def _aside(token, keep: set[int]) -> bool:
    """Whether a word sits in a clause that only describes a participant and holds none of the
    event's own words ("said Mr Leslie, who was elected in 1997"; "the man, arrested in May")."""
    t = token
    for _ in range(10):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON") and \
                not any(x.i in keep for x in t.subtree):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def dates_the_event(doc, mention: DateMention, keep: set[int]) -> bool:
    """Whether a date mention in an event's sentence can be the event's date: not the start or end
    of a period ("since 2001") and not inside a clause about one of its participants (`keep`: the
    token indices of the event's trigger words)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    if span.start > 0 and doc[span.start - 1].lower_ in RANGE_OPENERS or span[0].lower_ in RANGE_OPENERS:
        return False
    return not _aside(span.root, keep)


def report_date(doc) -> str | None:
    """The day an article was published, which stands for the date of the news it leads with when
    the text names none: reported events happened in the days up to it (dyad gives that date the
    precision "week", as ACLED codes an event known only from its report's date)."""
    pub = doc_published(doc)
    return pub.isoformat() if pub else None


@Language.factory("dyad_dates", assigns=["doc._.dates"])
def make_dates(nlp, name):
    return Dates(nlp, name)
