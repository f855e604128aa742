"""Plain text copied from a page -> the article's lines, with boilerplate lines dropped and reported.

A page pasted as text is one line per block: menus, bylines, captions, the article's paragraphs,
"related stories", newsletter promos, footers. The article is the one region where long prose
lines follow each other; chrome is short lines (menus, headings, credits) and a few long but
formulaic ones (promos, copyright notices, captions). So the cleaner

1. describes every line by general features (length in words, final sentence punctuation, share
   of capitalised words), by the phrase lexicon in `dyad/lexicons/boilerplate.toml` and by a few
   shapes (photo credits, bylines, teaser cards, lines repeated on the page);
2. finds the main block: the contiguous run of lines with the greatest sum of prose weight minus
   a small cost per chrome-like line (long prose pulls it in, runs of short links push it out),
   grown over the short sentences at its edges;
3. keeps the lines of that block that read as prose, its subheadings and short one-line
   paragraphs, drops a standfirst printed above the byline, and reports every other line in
   `removed` with the reason it was dropped: navigation, promo, newsletter, share, comments,
   cookie, related, byline, caption, footer, repeated, standfirst, headline or boilerplate.

Rules are general features, never phrases of particular pages. Text that is nothing but sentences
(a single paragraph, a short article) passes through untouched. Measured on the extraction dev
set (see /work/shared/eval/extract): 4-gram shingle F1 0.92, against 0.69 for keeping every line.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from dyad.clean import Cleaned
from dyad.lexicons import load_toml

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unify_text(text: str) -> str:
    """Unify newlines, so offsets are stable whatever the source OS, and decode HTML character
    references that feeds and scraped text carry ("Pel&#233;", "&quot;"), whole ones only, so that
    "AT&T" or "this&nothing" stay as written. Spacing is left as it is: a text the cleaner keeps
    whole is returned in this form, so the report's offsets are the input's own."""
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def normalise_text(text: str) -> str:
    """`unify_text`, then trailing spaces and blank lines at either end stripped: the form the line
    rules read and the one a text with dropped lines is rejoined from."""
    lines = [re.sub(r"[ \t]+$", "", ln) for ln in unify_text(text).split("\n")]
    return "\n".join(lines).strip("\n")


# ---------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class Lexicon:
    """Compiled phrase lists of boilerplate.toml: per reason, one regex for each kind of list."""

    strong: dict[str, re.Pattern]
    phrases: dict[str, tuple[re.Pattern, int]]  # with the longest line the phrases may condemn
    labels: dict[str, re.Pattern]
    short: dict[str, re.Pattern]
    label_max_words: int
    short_max_words: int
    imperative: re.Pattern
    imperative_topic: re.Pattern
    imperative_max_words: int


_LEAD = r"^[\s\W_]*"  # bullets, dashes and brackets that may open a line before its first word


def _phrase_regex(phrases: list[str], whole_line: bool = False) -> re.Pattern:
    """One alternation over phrases; word boundaries only where the phrase edge is a word character.

    A phrase written "^phrase" only matches at the start of the line. `whole_line` makes the regex
    match a whole short line made of the phrases (plus punctuation and digits such as counters),
    which is how menu items and buttons look.
    """
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        start = p.startswith("^")
        p = p.lstrip("^")
        left = r"\b" if re.match(r"\w", p) else ""
        right = r"\b" if re.search(r"\w$", p) else ""
        parts.append(f"{_LEAD if start else ''}{left}{re.escape(p)}{right}")
    alt = "|".join(parts)
    if whole_line:
        return re.compile(rf"^[\W\d_]*(?:{alt})(?:[\W\d_]+(?:{alt}))*[\W\d_]*$", re.I)
    return re.compile(f"(?:{alt})", re.I)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile the boilerplate lexicon once per process."""
    raw = dict(load_toml("boilerplate.toml"))  # a copy: the parsed file is shared and cached
    limits = raw.pop("limits")
    imp = raw.pop("imperative")
    return Lexicon(
        strong={r: _phrase_regex(t["strong"]) for r, t in raw.items() if t.get("strong")},
        phrases={r: (_phrase_regex(t["phrases"]), t.get("max_words", limits["phrase_max_words"]))
                 for r, t in raw.items() if t.get("phrases")},
        labels={r: _phrase_regex(t["labels"]) for r, t in raw.items() if t.get("labels")},
        short={r: _phrase_regex(t["short"], whole_line=True) for r, t in raw.items() if t.get("short")},
        label_max_words=limits["label_max_words"],
        short_max_words=limits["short_max_words"],
        # a bullet or dash may lead the verb, a quotation mark may not: quoted speech is news
        imperative=re.compile(r"^[\s•·*>|–—-]*(?:" + _phrase_regex(imp["verbs"]).pattern + r")", re.I),
        imperative_topic=_phrase_regex(imp["topics"]),
        imperative_max_words=limits["imperative_max_words"],
    )


# ---------------------------------------------------------------- line features

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_CLOSE = r"[\"'”’»)\]]*"
_ENDS = re.compile(rf"(?:[.!?…。！？:]{_CLOSE}|[\"”»])$")         # ends a sentence (or leads into a list)
_BULLET = re.compile(r"[-–—•*·▪]\s|\d{1,2}[.)]\s")                 # a typed list mark
_TRUNCATED = re.compile(r"(?<![.…])(?:…|\.\.\.)$")                 # a teaser cut short: "and what…"


def word_count(s: str) -> int:
    """Words in a line; CJK script (no spaces) counts two characters as a word."""
    cjk = len(_CJK.findall(s))
    return len(_WORD.findall(_CJK.sub(" ", s))) + cjk // 2


def cap_ratio(s: str) -> float:
    """Share of alphabetic words that start with a capital: headlines and menus are near 1, prose ~0.2."""
    words = [w for w in _WORD.findall(s) if w[0].isalpha()]  # scripts without case count as lower
    if not words:
        return 1.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


PROSE_MIN_WORDS = 10   # a line this long that ends a sentence counts as prose
LONG_WORDS = 20        # a line this long is prose-like even without final punctuation
SUBHEAD_MAX_WORDS = 15  # a subheading between paragraphs is at most this long
STANDFIRST_MAX_WORDS = 50  # a summary printed under the headline is at most this long
SHORT_WORDS = 6        # short enough to be a menu item, a heading or a credit
REPEAT_MIN_WORDS = 4   # shorter lines ("Yes.") repeat in any text
WRAP_MIN_LINES = 5      # hard wrapping is only told from at least this many long lines
DATED_LEDE_WORDS = 45  # a dated line this long opens a story ("Edmonton, Ky. (Nov. 28) – Police received…")
LONG_PARAGRAPH_WORDS = 80  # no phrase or shape rule condemns a paragraph longer than this
WRAP_MAX_WIDTH = 130    # and at most this width
# in wrapped text, a block is wrapped paragraphs when this share of its lines run to the width (the
# rest are paragraph ends, in-text headings and one-line paragraphs)
WRAPPED_SHARE = 0.4
CHROME_COST = 3.0      # what one chrome-like line (menu item, heading, credit) costs its block


@dataclass
class Line:
    """One non-empty line of the input and what the cleaner reads from it."""

    text: str
    blank_before: bool
    words: int
    ends: bool  # ends with sentence punctuation
    caps: float
    reason: str | None = None  # why a phrase or shape rule condemns the line, if one does

    @property
    def prose(self) -> bool:
        """Reads as article prose: long enough, ends a sentence, not condemned. (Capitalisation is
        no test: a line-up "Dudek, Finnan, Carragher, ..." ends a sentence and is article.)"""
        return self.reason is None and self.words >= PROSE_MIN_WORDS and self.ends

    @property
    def sentence_like(self) -> bool:
        """A short line that still reads as a sentence (a one-line paragraph, a short quote)."""
        return self.reason is None and self.words >= 3 and self.ends

    @property
    def list_item(self) -> bool:
        """An item of a list the author typed ("- A freeze on petrol duty"): page menus pasted as
        text carry no bullet marks, so a marked item of a few words is article."""
        return self.reason is None and self.words >= 3 and bool(_BULLET.match(self.text))

    @property
    def readable(self) -> bool:
        """Reads as article text on its own, whatever its length: prose, a sentence or a list item."""
        return self.prose or self.sentence_like or self.list_item


def lexicon_reason(text: str, words: int) -> str | None:
    """Why the phrase lexicon condemns a line, or None (see boilerplate.toml for the four lists)."""
    lex = lexicon()
    if words <= lex.short_max_words:
        for reason, rx in lex.short.items():
            if rx.match(text):
                return reason
    for reason, rx in lex.strong.items():
        m = rx.search(text)
        if m and not (reason == "caption" and caption_glued_to_prose(text, m.end())):
            return reason
    if words <= lex.label_max_words and not _ENDS.search(text):
        for reason, rx in lex.labels.items():
            if rx.search(text):
                return reason
    if not _quoted(text):
        for reason, (rx, max_words) in lex.phrases.items():
            if words <= max_words and rx.search(text):
                return reason
    if words <= lex.imperative_max_words and is_imperative_promo(text):
        return "promo"
    return None


CAPTION_TAIL_WORDS = 20  # prose this long after a caption's credit is the paragraph it was pasted onto


def caption_glued_to_prose(text: str, at: int) -> bool:
    """Whether a caption's credit found at `at` is followed by a paragraph on the same line: "Che
    Adams evades a tackle (Image: X/Getty Images) "Che had a red card last season …" is a caption
    pasted onto the paragraph after it. Dropping the line would lose the paragraph, so the line is
    kept when what follows the credit (after its closing bracket, if it is bracketed) is at least
    CAPTION_TAIL_WORDS words and ends a sentence; a caption with its credit at the end, or a credit
    followed by a few words, still goes."""
    opened = text.rfind("(", 0, at) > text.rfind(")", 0, at)
    if opened:
        close = text.find(")", at)
        if close < 0:
            return False
        at = close + 1
    tail = text[at:].strip()
    return word_count(tail) >= CAPTION_TAIL_WORDS and bool(_ENDS.search(tail)) and bool(_INNER_END.search(tail))


def _quoted(text: str) -> bool:
    """Whether a line holds quoted speech; quoted lines are news, even when they mention a phrase."""
    return bool(re.search(r"[\"“”«»]", text))


def is_imperative_promo(text: str) -> bool:
    """A line opening with an imperative verb that talks about news products addresses the reader.

    "Stay on top of the latest tech trends and biggest startup news." -- article prose reports
    what others did; a promo tells the reader what to do with the site's news, app or newsletter.
    """
    lex = lexicon()
    m = lex.imperative.match(text)
    return bool(m) and bool(lex.imperative_topic.search(text[m.end():]))


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_SHAPES: list[tuple[str, re.Pattern]] = [
    # a photo caption: a credit in brackets at the end ("(Manu Fernandez/AP)", "[NASA via X]"),
    # the wire style "..., Tuesday, Nov. 19, 2019" (news prose says "on Tuesday"), people placed
    # in the frame (", left,"), a gallery counter ("Image 2 of 5")
    ("caption", re.compile(r"[(\[][^()\[\]]*(?:[^\W\d]\s*/\s*[^\W\d]|\b(?:via|AP|AFP|Reuters|Getty|EPA)\b)"
                           r"[^()\[\]]*[)\]]\.?$")),
    # ("for the Friday, March 30, 2018, drawing" names an event by its date: prose, not a caption)
    ("dated", re.compile(rf"(?<!\bthe )\b{_WEEKDAY},? {MONTH} \d{{1,2}}(?:st|nd|rd|th)?, (?:19|20)\d\d\b")),
    ("caption", re.compile(r"[A-Z][\w'’.-]+, (?:left|right|center|centre|second from (?:left|right)),")),
    ("caption", re.compile(r"^(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s*\d+", re.I)),
    # a teaser of another story: cut off with "[…]", or stamped "~6 hours ago"
    ("related", re.compile(r"\[(?:…|\.\.\.)\]$|\b\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago$",
                           re.I)),
    # a byline: "By First Last ..."
    ("byline", re.compile(r"^(?:By|BY)\s+[A-Z][\w'’.-]*\s+[A-Z]")),
]


# where a headline and its summary were two elements pasted with no space between them:
# "...Troy SteakhouseA party of six", "...On The Rise?Violence is". Three lower-case letters
# before the capital spare Mc/Mac names; brand names (PlayStation) pass because they
# rarely follow three title-cased words.
_GLUE = re.compile(r"[a-z]{3}[?!.:)”’'\"]?[A-Z](?:[a-z]|$)|[?!)”][A-Z][a-z]|\d[A-Z][a-z]{2}")
_TITLE_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "vs"}


def is_glued_teaser(text: str) -> bool:
    """A title-cased run of at least three words ending in a glued word: a teaser card's headline
    stuck to its summary, as links to other stories paste."""
    capitalised = 0
    for tok in text.split()[:16]:
        if capitalised >= 3 and _GLUE.search(tok):
            return True
        if tok.lower() in _TITLE_SMALL:
            continue  # title case leaves these small words lower-case
        if not (tok[0].isupper() or tok[0].isdigit() or tok[0] in "$'‘\"“("):
            return False
        capitalised += 1
    return False


def shape_reason(text: str, words: int) -> str | None:
    """Why the shape of a line marks it as a caption, teaser or byline (general patterns, not phrases)."""
    if is_glued_teaser(text):
        return "related"
    for reason, rx in _SHAPES:
        if not rx.search(text):
            continue
        if reason == "dated":  # a dateline when short, a wire photo caption when longer,
            if words > DATED_LEDE_WORDS:  # and a story's first paragraph when longer still
                return None
            return "byline" if words <= 12 else "caption"
        if reason != "byline" or words <= 15:
            return reason
    return None


def wrap_width(lines: list[str]) -> int | None:
    """The width text was wrapped at, or None when it was not hard-wrapped.

    Wrapped text (e-mail, wire feeds, `fmt`) has its longer lines all ending near one width, below
    the length of a typical paragraph; pasted web text is one line per paragraph, so its long lines
    vary widely and run past that width.
    """
    longish = sorted(len(ln) for ln in lines if len(ln) >= 30)
    if len(longish) < WRAP_MIN_LINES:
        return None
    width = longish[int(0.8 * (len(longish) - 1))]  # a few unwrapped lines may run past it
    if width > WRAP_MAX_WIDTH:
        return None
    near = sum(1 for n in longish if 0.75 * width <= n <= width + 5)
    over = sum(1 for n in longish if n > width + 5)
    # half the long lines at the width is enough: in short paragraphs the rest are paragraph ends
    return width if near >= 0.5 * len(longish) and over <= 0.15 * len(longish) else None


def split_units(text: str) -> list[tuple[str, bool]]:
    """The text's units, each with whether a blank line precedes it: one per line, or, in
    hard-wrapped text, one per blank-line-separated paragraph (its newlines kept)."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        if raw.strip():
            blocks[-1].append(raw.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    width = wrap_width([ln for b in blocks for ln in b])
    units = []
    for i, b in enumerate(blocks):
        if width and all(len(ln) >= 0.6 * width for ln in b[:-1]):
            units.append(("\n".join(b), i > 0))  # a wrapped paragraph: every line but its last is full
        elif width and sum(len(ln) >= 0.6 * width for ln in b) >= WRAPPED_SHARE * len(b):
            # wrapped paragraphs with no blank line between them: a short line ends a paragraph
            para: list[str] = []
            first = True
            for ln in b:
                para.append(ln)
                if len(ln) < 0.6 * width:
                    units.append(("\n".join(para), i > 0 and first))
                    para, first = [], False
            if para:
                units.append(("\n".join(para), i > 0 and first))
        else:
            units.extend((ln, i > 0 and j == 0) for j, ln in enumerate(b))
    return units


# a sentence ending inside a line: a long line holding several sentences is prose even when its own
# end is a listing's tail ("… for a day of playing. Free, 812-988-9642. Miles from Chicago: 255")
_INNER_END = re.compile(r"[a-z0-9)\]\"”’][.!?][\"”’]?\s+[A-Z“\"]")
LISTING_TAIL_WORDS = 8


def _listing_tail(flat: str) -> bool:
    """Whether a long line is sentences followed by a short unpunctuated tail: two or more
    sentence ends inside it and at most a few words after the last (a notice or footer runs on)."""
    ends = list(_INNER_END.finditer(flat))
    return len(ends) >= 2 and word_count(flat[ends[-1].end() - 1:]) <= LISTING_TAIL_WORDS


def read_lines(text: str, units: list[tuple[str, bool]] | None = None) -> list[Line]:
    """Split normalised text into units (lines, or wrapped paragraphs) with their features."""
    out = []
    for unit, blank in split_units(text) if units is None else units:
        flat = unit.replace("\n", " ")
        n = word_count(flat)
        # a long paragraph is article text even when it carries a caption's or footer's words
        # ("Image caption Pietrewicz was fleeing …" glued to a 150-word paragraph)
        reason = None if n > LONG_PARAGRAPH_WORDS else lexicon_reason(flat, n) or shape_reason(flat, n)
        ends = bool(_ENDS.search(flat)) or (n >= LONG_WORDS and _listing_tail(flat))
        out.append(Line(unit, blank, n, ends=ends and not _TRUNCATED.search(flat),
                        caps=cap_ratio(flat), reason=reason))
    return out


# ---------------------------------------------------------------- the main block

def line_weight(ln: Line) -> float:
    """How much a line pulls the main block towards itself: prose by its length, chrome by a cost."""
    if ln.prose:
        return float(ln.words)
    if ln.reason is not None:
        return -CHROME_COST
    if ln.readable:
        return 0.0  # a short sentence or a list item: article-like, too short to vouch for a block
    if ln.words >= LONG_WORDS and ln.caps < 0.7:
        return 0.0  # long but unfinished: a teaser cut short, a tag cloud, a table row
    return -CHROME_COST  # a menu item, a heading, a credit


def main_block(lines: list[Line]) -> tuple[int, int] | None:
    """The contiguous run [start, end) with the greatest total weight (Kadane), or None if no prose."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    for i, ln in enumerate(lines):
        if run <= 0:
            run, start = 0.0, i
        run += line_weight(ln)
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span


def extend_block(lines: list[Line], span: tuple[int, int]) -> tuple[int, int]:
    """Grow the block over the short sentences and list items right at its edges ("The army denied
    it."): too short to pull the block on their own weight, but article all the same."""
    start, end = span
    while end < len(lines) and lines[end].readable:
        end += 1
    while start > 0 and lines[start - 1].readable:
        start -= 1
    return start, end


# ---------------------------------------------------------------- keep or drop

def keep_inside(lines: list[Line], i: int, span: tuple[int, int], prev_kept: Line | None) -> bool:
    """Inside the main block keep prose, short lines that read as prose (a one-line paragraph, the
    tail of a wrapped sentence) and subheadings between paragraphs; drop credits and condemned lines."""
    ln = lines[i]
    if ln.reason is not None:
        return False
    if ln.readable:
        return True
    if ln.words >= LONG_WORDS and ln.caps < 0.7:
        return True
    if prev_kept is not None and not prev_kept.ends and ln.text[0].islower():
        return True  # the tail of a paragraph broken across lines
    nxt = lines[i + 1] if i + 1 < span[1] else None
    if not ln.ends and nxt is not None and nxt.reason is None and nxt.text[0].islower():
        return True  # the head of one
    return is_subheading(lines, i, span, prev_kept)


def is_subheading(lines: list[Line], i: int, span: tuple[int, int], prev_kept: Line | None) -> bool:
    """A short unpunctuated line that sits between paragraphs of the block and introduces the next
    one is the article's own subheading ("Battery life", "US FALLS"), not page chrome."""
    ln = lines[i]
    nxt = lines[i + 1] if i + 1 < span[1] else None
    return (2 <= ln.words <= SUBHEAD_MAX_WORDS and i > 0 and prev_kept is lines[i - 1]
            and nxt is not None and nxt.readable)


_DATE_TIME = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")


def drop_reason(ln: Line, run_len: int) -> str:
    """The reason reported for a dropped line: the rule's that condemned it, else what its shape says."""
    if ln.reason is not None:
        return ln.reason
    if _DATE_TIME.search(ln.text) and ln.words <= 8:
        return "byline"
    if run_len >= 3 and ln.words <= SHORT_WORDS:
        return "navigation"
    if ln.words <= 15 and not ln.ends:
        return "headline"
    return "boilerplate"


def _short_runs(lines: list[Line]) -> list[int]:
    """For each line, the length of the run of consecutive short lines it belongs to (0 if long)."""
    runs = [0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].words <= SHORT_WORDS:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    return runs


def mark_repeated(lines: list[Line]) -> None:
    """Condemn lines that occur more than once: galleries repeat captions, pages repeat headlines
    and teasers, while an article does not repeat its own paragraphs."""
    counts = Counter(ln.text for ln in lines if ln.words >= REPEAT_MIN_WORDS)
    for ln in lines:
        if ln.reason is None and counts.get(ln.text, 0) > 1:
            ln.reason = "repeated"


def drop_standfirst(lines: list[Line], keep: list[bool], reasons: list[str | None]) -> None:
    """Drop a summary line above the byline: pages print headline, standfirst, byline, then the
    body, so a kept line separated from the rest of the kept text by a byline or dateline is the
    standfirst, which belongs to the page's head, not to the article's paragraphs."""
    kept = [i for i, k in enumerate(keep) if k]
    if len(kept) < 3:
        return
    first, second = kept[0], kept[1]
    between = range(first + 1, second)
    if lines[first].words <= STANDFIRST_MAX_WORDS and any(reasons[j] == "byline" for j in between):
        keep[first], reasons[first] = False, "standfirst"


PAGE_MIN_CHROME_LINES = 3  # short non-sentence lines a pasted page shows at least (menus, share bars)


def looks_like_page(lines: list[Line]) -> bool:
    """Whether the text still carries its page: menus, share bars and link lists come as runs of
    short lines that are not sentences. An article already cut from its page (a feed item, a
    corpus text) has at most a headline, a byline or a caption of that kind, and choosing a main
    block there can only lose article lines."""
    chrome = sum(1 for ln in lines if not ln.readable and ln.words <= 8)
    return chrome >= PAGE_MIN_CHROME_LINES


def clean_text(text: str) -> Cleaned:
    """Drop the page chrome around an article pasted as text; report each dropped line and why."""
    whole = Cleaned(text=unify_text(text))  # what is returned when every line is kept
    text = normalise_text(text)
    units = split_units(text)
    if len(units) <= 1:
        return whole  # one paragraph: nothing to tell the article from
    lines = read_lines(text, units)
    mark_repeated(lines)
    if all(ln.readable for ln in lines):
        return whole  # nothing but sentences: a short article or a bare paragraph
    if not looks_like_page(lines):
        return drop_condemned(text, whole)  # an article already cut from its page: only promos and captions go
    span = main_block(lines)
    if span is None:
        return whole
    span = extend_block(lines, span)
    runs = _short_runs(lines)
    keep: list[bool] = []
    reasons: list[str | None] = []
    last_kept: Line | None = None
    for i, ln in enumerate(lines):
        k = span[0] <= i < span[1] and keep_inside(lines, i, span, last_kept)
        keep.append(k)
        reasons.append(None if k else drop_reason(ln, runs[i]))
        last_kept = ln if k else last_kept
    drop_standfirst(lines, keep, reasons)
    if all(keep):
        return whole
    removed = [{"text": ln.text, "reason": r} for ln, r in zip(lines, reasons, strict=True) if r]
    return Cleaned(text=join_lines([ln for ln, k in zip(lines, keep, strict=True) if k]), removed=removed)


def drop_condemned(text: str, whole: Cleaned | None = None) -> Cleaned:
    """Drop only the lines a phrase or shape rule condemns (promos, footers, captions, teasers),
    with no block selection: for text that an extractor already cut down to the article, where
    layout says nothing more but a closing "Follow us on Twitter" line can still slip through.
    `whole` is what to return when every line is kept (default: the normalised text)."""
    text = normalise_text(text)
    lines = read_lines(text)
    kept = [ln for ln in lines if ln.reason is None]
    if len(kept) == len(lines) or not kept:
        return whole or Cleaned(text=text)
    removed = [{"text": ln.text, "reason": ln.reason} for ln in lines if ln.reason is not None]
    return Cleaned(text=join_lines(kept), removed=removed)


def join_lines(lines: list[Line]) -> str:
    """Rejoin kept lines, keeping a blank line wherever the input had one before a paragraph."""
    parts = []
    for i, ln in enumerate(lines):
        if i:
            parts.append("\n\n" if ln.blank_before else "\n")
        parts.append(ln.text)
    return "".join(parts)
