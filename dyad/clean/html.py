"""HTML -> article text and metadata, through trafilatura (no comments; title, date, site kept)."""

from __future__ import annotations

from dyad.clean import Cleaned
from dyad.clean.text import normalise_text


class HtmlError(ValueError):
    """The HTML holds no article text that trafilatura can find."""


def clean_html(html: str, url: str | None = None) -> Cleaned:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True,
    )
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise HtmlError("no article text found in the HTML")
    date = getattr(doc, "date", None)
    return Cleaned(
        text=normalise_text(body),
        title=getattr(doc, "title", None) or None,
        published=date[:10] if date else None,
        site=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        url=getattr(doc, "url", None) or url,
    )
