"""The publication date a pasted page prints above its story, for articles given without `published`.

Relative dates ("on Tuesday", "overnight") can only be resolved against the day a story was
published. A record usually carries it (`published`, a feed's date, trafilatura's reading of the
HTML), but text copied from a page does not — the page prints it instead, as a short line just
above the story ("Updated 1:39 am EST, Wednesday, November 20, 2019", "19 Nov 2019 05:44 GMT",
"By Mike Wall 2019-11-18T20:51:19Z") or in the story's wire dateline ("WASHINGTON, Nov. 20, 2019
(AP) —"). The cleaner drops those lines as chrome; this module reads them first.

Only a full date (day, month and year) counts, and only in the few lines just above the story's
first line or in that line's dateline: dates further up belong to menus and teasers of other
stories, and a date inside the story's prose is an event's date, not the paper's. Of several
candidate lines the one nearest the story wins (a page's masthead date comes first, the article's
own stamp last), except that a line saying "updated"/"modified" yields to one that does not.
"""

from __future__ import annotations

import re

from dyad.clean.text import MONTH, shape_reason
from dyad.components.dates import resolve

WINDOW_LINES = 40  # lines above the story's lede where its date stamp is printed (galleries, share bars between)
AFTER_LEDE_LINES = 3  # a stamp can follow the standfirst, which reads as the lede
STAMP_MAX_WORDS = 20  # a date stamp or byline is short; a longer line is a caption or a teaser

_YEAR = r"(?:19|20)\d\d"
FULL_DATE = re.compile(
    rf"\b(?:{_YEAR}-\d\d-\d\d"  # ISO, also the date part of a timestamp
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]{_YEAR}"  # 20/11/2019, 20.11.2019
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+{_YEAR}"  # 19 November 2019
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})(?!\d)",  # Nov. 19, 2019
    re.I)
_DOTTED_ISO = re.compile(rf"\b({_YEAR})[./](\d{{1,2}})[./](\d{{1,2}})\b")  # 2016.12.01
_UPDATED = re.compile(r"\b(?:updated|modified|edited|last changed)\b", re.I)
# "WASHINGTON, Nov. 20, 2019 (AP) —": a capitalised place, the date, an optional agency, a dash
_DATELINE = re.compile(rf"^[A-Z][\w .,'-]{{1,40}}?,?\s+(?P<d>.{{6,30}}?{_YEAR})\s*(?:\([^()\n]{{1,30}}\))?\s*[-–—:]")


def full_date(line: str) -> str | None:
    """The first complete date a line carries, as ISO YYYY-MM-DD (None if it names none)."""
    m = FULL_DATE.search(line)
    if m is not None:
        r = resolve(m.group(0).replace(",", ", ").replace("  ", " "), None)
        if r is not None and r.date is not None and r.precision == "day":
            return r.date.isoformat()
    m = _DOTTED_ISO.search(line)
    if m is not None:
        r = resolve(f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", None)
        if r is not None and r.date is not None:
            return r.date.isoformat()
    return None


def _stamp(line: str) -> bool:
    """Whether a line is short enough for a date stamp or byline and not a photo caption."""
    words = len(line.split())
    return words <= STAMP_MAX_WORDS and shape_reason(line, words) != "caption"


def publication_date(raw: str, story: str) -> str | None:
    """The date printed with the story: from its first line's dateline, else from the date-stamp
    lines just above that line in the raw page text. `story` is the cleaned article text."""
    head = [ln.strip() for ln in story.split("\n") if ln.strip()][:3]
    if not head:
        return None
    first = head[0]
    for ln in head:  # the story's own opening: a dateline, or a stamp line under its headline
        m = _DATELINE.match(ln)
        if m and (d := full_date(m.group("d"))):
            return d
        if _stamp(ln) and not ln.endswith(".") and (d := full_date(ln)):
            return d
    lede = next((ln.strip() for ln in story.split("\n") if len(ln.split()) > STAMP_MAX_WORDS), first)
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    at = next((i for i, ln in enumerate(lines) if ln.startswith(lede[:60])), None)
    if at is None:
        return None
    stamps: list[tuple[bool, str]] = []  # (says "updated", date), nearest the story first
    # above the lede, nearest first; then a stamp printed just under a standfirst taken for the lede
    for ln in [*reversed(lines[max(0, at - WINDOW_LINES):at]), *lines[at + 1:at + 1 + AFTER_LEDE_LINES]]:
        if _stamp(ln) and (d := full_date(ln)):
            stamps.append((bool(_UPDATED.search(ln)), d))
    if not stamps:
        return None
    return next((d for updated, d in stamps if not updated), stamps[0][1])
