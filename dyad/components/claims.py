"""Claims and status: who denies, confirms, condemns or claims each event, and what that makes of it.

A claim ties an actor (and, where there is one, the quote that carries it) to an event:
- deny: a denial verb ("denied", "rejected the reports") or denial wording in a quote
  ("non-existent", "baseless", "fabricated") in a sentence that mentions the event;
- condemn / accuse: an ACCUSE event whose object is the event ("condemned the action");
- claim_responsibility: "claimed responsibility for"; confirm: "confirmed the attack";
- threaten: the source of a THREATEN event.
Status follows: an event denied by one side and reported or condemned by another is
`contested`; one only denied is `denied`; one told only through a claim of responsibility is
`claimed`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.components import Component
from dyad.components.actors import actor_at, antecedent
from dyad.components.events import Event

DENY_VERBS = {"deny", "refute", "rebut", "dismiss", "reject", "disown", "disavow", "contradict"}
DENY_OBJECTS = {"report", "claim", "allegation", "accusation", "charge", "account", "story", "news"}
DENIAL_WORDS = re.compile(
    r"\b(non-?existent|baseless|unfounded|false|fabricated|untrue|lies|lie|propaganda|fake|"
    r"never happened|did not happen|didn't happen|no truth|nothing to do with|not involved|"
    r"categorically|deny|denies|denied)\b", re.I)
CONFIRM_VERBS = {"confirm", "acknowledge", "admit", "verify"}
GENERIC_EVENT_NOUNS = {"action", "incident", "attack", "attacks", "strike", "strikes", "killing", "killings",
                       "violence", "bombing", "operation", "raid", "assault", "act", "aggression", "move"}


def _quotes_in(doc: Doc, sent: Span):
    return [q for q in doc._.quotes or [] if q.kind != "indirect" and
            sent.start_char <= q.start < sent.end_char + 2]


def _event_of_token(events: list[Event], token: Token) -> Event | None:
    for ev in events:
        if any(t.token.i == token.i for t in ev.triggers):
            return ev
    return None


def _mentions_event(ev: Event, sent: Span) -> bool:
    return any(sent.start <= t.token.i < sent.end for t in ev.triggers)


def _actor_of(doc: Doc, token: Token | None) -> str | None:
    if token is None:
        return None
    if token.lower_ in ("he", "she", "they", "it"):
        actor = antecedent(doc, token, person=token.lower_ in ("he", "she"))
    else:
        actor = actor_at(doc, token.idx, token.idx + len(token))
    return actor.id if actor else None


def _denies_reports(verb: Token) -> bool:
    """A denial verb whose object is a report, claim or allegation ("rejected the reports")."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in DENY_OBJECTS for c in verb.children)


def _subject(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ in ("nsubj",):
            return c
    if token.dep_ in ("xcomp", "conj", "advcl") and token.head is not token:
        return _subject(token.head)
    return None


class Claims(Component):
    name = "dyad_claims"

    def annotate(self, doc: Doc) -> None:
        events: list[Event] = doc._.events or []
        violent = [e for e in events if e.cls.violent or e.cls.family in ("violence", "protest", "coerce")]
        for sent in doc.sents:
            self._denials(doc, sent, violent)
            self._verbs(doc, sent, violent)
        for ev in events:
            if ev.cls.plover == "ACCUSE":
                self._condemnation(doc, ev, violent)
            if ev.cls.plover == "THREATEN" and ev.source and ev.source.get("actor"):
                quote = next((q.id for q in _quotes_in(doc, ev.main.sent)), None)
                _add(ev, ev.source["actor"], "threaten", quote)
        for ev in events:
            self._status(ev)

    def _denials(self, doc: Doc, sent: Span, events: list[Event]) -> None:
        targets = [e for e in events if _mentions_event(e, sent)]
        deny_tokens = [t for t in sent if t.lemma_.lower() in DENY_VERBS and t.pos_ == "VERB"]
        if not targets and any(_denies_reports(t) for t in deny_tokens):
            # "The government rejected the reports": the reports are of the latest event told before
            earlier = [e for e in events if e.main.i < sent.start]
            targets = [max(earlier, key=lambda e: e.main.i)] if earlier else []
        if not targets:
            return
        quotes = _quotes_in(doc, sent)
        denial_quotes = [q for q in quotes if DENIAL_WORDS.search(q.text)]
        if not deny_tokens and not denial_quotes:
            return
        actor = quote_id = None
        if denial_quotes:
            actor, quote_id = denial_quotes[0].speaker_actor, denial_quotes[0].id
        elif deny_tokens:
            actor = _actor_of(doc, _subject(deny_tokens[0]))
            quote_id = next((q.id for q in quotes), None)
        for ev in targets:
            _add(ev, actor, "deny", quote_id)

    def _verbs(self, doc: Doc, sent: Span, events: list[Event]) -> None:
        for t in sent:
            lemma = t.lemma_.lower()
            if lemma == "claim" and any(c.lower_ == "responsibility" for c in t.children):
                ev = self._object_event(t, events) or next((e for e in events if _mentions_event(e, sent)), None) \
                    or (events[0] if events else None)
                if ev is not None:
                    _add(ev, _actor_of(doc, _subject(t)), "claim_responsibility", None)
            elif lemma in CONFIRM_VERBS and t.pos_ == "VERB":
                ev = self._object_event(t, events)
                if ev is not None:
                    _add(ev, _actor_of(doc, _subject(t)), "confirm", None)

    @staticmethod
    def _object_event(verb: Token, events: list[Event]) -> Event | None:
        for t in verb.subtree:
            ev = _event_of_token(events, t)
            if ev is not None and t.i != verb.i:
                return ev
        return None

    def _condemnation(self, doc: Doc, acc: Event, violent: list[Event]) -> None:
        """"Afghan authorities condemned the action" — a claim on the event condemned."""
        trig = acc.main
        obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
        if obj is None:
            prep = next((c for c in trig.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is None:
            return
        ev = _event_of_token(violent, obj)
        if ev is None and obj.lemma_.lower() in GENERIC_EVENT_NOUNS | {"action"}:
            earlier = [e for e in violent if e.main.i <= obj.i] or violent
            ev = earlier[0] if earlier else None
        if ev is None or ev is acc:
            return
        actor = (acc.source or {}).get("actor")
        quote = next((q.id for q in _quotes_in(doc, trig.sent) if q.speaker_actor == actor), None)
        stance = "condemn" if acc.cls.mode == "disapprove" else "accuse"
        _add(ev, actor, stance, quote)
        if acc.target is None and ev.source is not None:
            acc.target = dict(ev.source)

    @staticmethod
    def _status(ev: Event) -> None:
        stances = {(c["stance"], c["actor"]) for c in ev.claims}
        deniers = {a for s, a in stances if s == "deny"}
        others = {a for s, a in stances if s in ("condemn", "accuse", "confirm", "claim_responsibility")}
        if deniers:
            reported = bool(ev.casualties.get("killed") or ev.casualties.get("injured")) or \
                any(not t.anaphoric for t in ev.triggers)
            ev.status = "contested" if (others - deniers) or reported else "denied"
        elif any(s == "claim_responsibility" for s, _ in stances) and ev.status == "reported" and \
                all("claim" in sent.text.lower() for sent in ev.sentences()):
            ev.status = "claimed"  # known only through the claim; a reported attack someone claims stays reported


def _add(ev: Event, actor: str | None, stance: str, quote: str | None) -> None:
    claim = {"actor": actor, "stance": stance, "quote": quote}
    if claim not in ev.claims:
        ev.claims.append(claim)


@Language.factory("dyad_claims", assigns=["doc._.events"], requires=["doc._.events", "doc._.quotes"])
def make_claims(nlp, name):
    return Claims(nlp, name)
