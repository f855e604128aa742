"""Paragraph breaks (and the end of a wire dateline) are sentence breaks.

They are set before the parser, so it never joins two paragraphs: copied text often ends a
paragraph with a closing quotation mark and no full stop (“… has reversed.”⏎“We do react …”),
and without a break the parser runs the two together and a quote's cue is sought in the wrong
paragraph. A newline inside hard-wrapped text ("driving conditions⏎lasting through Sunday") is
not a break: only a blank line, a line that ends a sentence, or a short line (a headline)
followed by a capital is.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# "NAIROBI, March 14 (Reuters) - ", "KABUL (AP) — ": a wire dateline ends where the story begins.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,40}(,[^\n()]{0,40})?(\([^\n()]{1,40}\))?\s*[-–—]+\s+", re.M)
ENDS_LINE = re.compile(r"[.!?:;\"”’')\]]\s*$")
SHORT_LINE = 60  # characters: shorter lines without end punctuation are headlines, not wrapped text


def paragraph_starts(text: str) -> set[int]:
    """Character offsets where a new paragraph (or the story after a dateline) begins."""
    starts = {m.end() for m in DATELINE.finditer(text)}
    for m in re.finditer(r"\n(\s*)", text):
        nxt = m.end()
        if nxt >= len(text):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev_line = text[line_start:m.start()]
        blank = "\n" in m.group(1)
        if blank or ENDS_LINE.search(prev_line) or (len(prev_line.strip()) < SHORT_LINE and
                                                    (text[nxt].isupper() or text[nxt] in "“\"'‘")):
            starts.add(nxt)
    return starts


@Language.component("dyad_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    starts = paragraph_starts(doc.text)
    for token in doc:
        if token.i > 0 and token.idx in starts:
            token.is_sent_start = True
    return doc
