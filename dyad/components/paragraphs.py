"""Paragraph breaks (and the end of a wire dateline) are sentence breaks.

They are set before the parser, so it never joins two paragraphs.

Copied text often ends a paragraph with a closing quotation mark and no full stop
(“… the entire equation has reversed.”⏎“We do react …”); without this the parser runs the two
paragraphs together and a quote's cue is sought in the wrong paragraph.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# "NAIROBI, March 14 (Reuters) - ", "KABUL (AP) — ": a wire dateline ends where the story begins.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(,[^\n()]{0,40})?(\([^\n()]{1,40}\))?\s*[-–—]+\s+", re.M)


@Language.component("dyad_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    starts = {m.end() for m in DATELINE.finditer(doc.text)}
    after_break = False
    for token in doc:
        if token.idx in starts and token.i > 0:
            token.is_sent_start = True
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc
