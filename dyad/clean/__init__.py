"""Cleaning: raw input (HTML or text copied from a page) -> the article text the Doc is made of.

Everything downstream indexes into `Cleaned.text`, so cleaning happens once, before parsing,
and whatever it drops is kept in `removed` so a user can see what was not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Cleaned:
    text: str
    removed: list[dict] = field(default_factory=list)  # {"text": ..., "reason": ...}
    title: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None


_HTML_HINT = re.compile(r"<\s*(!doctype\s+html|html|head|body|p|div|article|br|span|a\s)[\s>/]", re.I)


def looks_like_html(raw: str) -> bool:
    """Whether a string is markup rather than prose: a few real tags in its first few kilobytes."""
    return len(_HTML_HINT.findall(raw[:20000])) >= 2


def clean(text: str | None = None, html: str | None = None, url: str | None = None) -> Cleaned:
    """Clean one document; exactly one of `text` / `html` is given (text that is really HTML is detected)."""
    from dyad.clean.dateline import publication_date
    from dyad.clean.html import clean_html
    from dyad.clean.text import clean_text, normalise_text

    if html is None and text is not None and looks_like_html(text):
        html, text = text, None
    if html is not None:
        return clean_html(html, url=url)
    cleaned = clean_text(text or "")
    cleaned.published = publication_date(normalise_text(text or ""), cleaned.text)
    return cleaned
