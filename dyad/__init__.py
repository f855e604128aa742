"""dyad: news articles -> structured, evidence-backed event data (schema dyad.report/1).

The one public function is `extract`; the batch path (`dyad.batch.extract_records`) and the CLI
are built on the same steps: clean -> parse (one spaCy Doc) -> annotate -> `doc_to_report`.
"""

from __future__ import annotations

__version__ = "0.1.0"


def extract(text: str | None = None, html: str | None = None, published: str | None = None,
            doc_id: str | None = None, url: str | None = None, title: str | None = None):
    """Extract one report from an article given as plain text or HTML.

    `published` (ISO date) anchors relative dates such as "on Tuesday". A document that cannot be
    processed gives a report whose `error` says why, never an exception.
    """
    from dyad.batch import extract_records

    record = {"doc_id": doc_id, "text": text, "html": html, "published": published, "url": url,
              "title": title}
    return next(extract_records([{k: v for k, v in record.items() if v is not None}]))


__all__ = ["extract", "__version__"]
