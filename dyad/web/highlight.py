"""The article text as HTML with its quotes, speakers, places and event evidence highlighted.

Spans come from the report's offsets and may overlap (a quote inside an evidence sentence, a
place inside a quote). The text is cut at every span boundary; each piece is escaped and wrapped
in one <mark> whose classes name every span covering it. Only this module builds markup around
article text, and it never passes a piece through unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str   # evidence | quote | speaker | actor | place
    ref: str    # the report id it belongs to (e1, q2, a3, p1)
    label: str  # shown as the mark's tooltip


def report_spans(report: dict) -> list[Span]:
    text_len = len(report.get("text") or "")
    spans: list[Span] = []
    speakers = {q.get("speaker_actor") for q in report.get("quotes") or [] if q.get("speaker_actor")}

    def add(start, end, kind, ref, label):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_len:
            spans.append(Span(start, end, kind, ref, label))

    for e in report.get("events") or []:
        label = " / ".join(x for x in (e.get("plover"), e.get("acled_subtype") or e.get("acled_type")) if x)
        for ev in e.get("evidence") or []:
            add(ev.get("start"), ev.get("end"), "evidence", e["id"], f"{e['id']}: {label}")
    for q in report.get("quotes") or []:
        add(q.get("start"), q.get("end"), "quote", q["id"], f"{q['id']}: {q.get('kind')} quote — {q.get('speaker')}")
    for a in report.get("actors") or []:
        kind = "speaker" if a["id"] in speakers else "actor"
        for m in a.get("mentions") or []:
            add(m[0], m[1], kind, a["id"], f"{a['id']}: {a['name']} ({a.get('kind')}, {a.get('country') or '?'})")
    for p in report.get("places") or []:
        add(p.get("start"), p.get("end"), "place", p["id"],
            f"{p['id']}: {p['name']} ({p.get('feature') or '?'}, {p.get('country') or '?'})")
    return spans


def highlight(text: str, spans: list[Span]) -> Markup:
    """HTML for `text` with `spans` marked; every piece of text is escaped."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    first_of: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        active = [s for s in spans if s.start <= a and b <= s.end]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({f"hl-{s.kind}" for s in active} | {f"ref-{s.ref}" for s in active}))
        title = "\n".join(dict.fromkeys(s.label for s in active))
        # the first piece of each event's evidence is an anchor the report panel links to
        anchor = next((s.ref for s in active if s.kind == "evidence" and s.ref not in first_of), None)
        id_attr = Markup(' id="{}"').format(f"ev-{anchor}") if anchor else Markup("")
        if anchor:
            first_of.add(anchor)
        out.append(Markup('<mark class="hl {}"{} title="{}">{}</mark>').format(classes, id_attr, title, piece))
    return Markup("").join(out)
