"""Actors: who the article is about — people (with role and country), states, governments named
by their capital, militaries and police, armed groups, IGOs/NGOs and media outlets.

Everything else refers to actors: quote speakers, event sources and targets, claims. So this
component runs first and writes `doc._.actors`, each actor with every mention it could find
(later components append resolved pronouns such as "he" to a person's mentions).

Sources of mentions, in order of trust:
1. the actor dictionary (lexicons/actors.toml): named groups, bodies and outlets;
2. "<country|demonym|capital> <sector noun>" phrases: "Pakistani forces", "Afghan authorities";
3. spaCy PERSON / ORG entities, and GPE entities naming a country or capital when used as an
   agent (subject, possessor, "by" phrase) rather than as a location ("in Afghanistan").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from dyad.components import Component
from dyad.components.dates import doc_published
from dyad.components.paragraphs import DATELINE
from dyad.lexicons import actor_dictionary, fold

AGENT_DEPS = {"nsubj", "nsubjpass", "poss", "agent", "appos", "conj", "attr"}
LOCATIVE_PREPS = {"in", "inside", "into", "at", "across", "near", "to", "from", "within", "throughout",
                  "towards", "toward", "outside", "around", "on"}
TITLE_SKIP = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir"}


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person|organization|state|group
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    key: tuple = ()  # what makes two mentions the same actor (not reported)

    def as_report(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "role": self.role,
                "country": self.country, "sector": self.sector,
                "mentions": [list(m) for m in sorted(set(self.mentions))]}

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping [start, end), preferring the tightest fit."""
    best, best_len = None, 10**9
    for actor in doc._.actors or []:
        for s, e in actor.mentions:
            if s < end and start < e and (e - s) < best_len:
                best, best_len = actor, e - s
    return best


PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their", "it", "its", "we", "us", "our"}


def antecedent(doc: Doc, token: Token, person: bool) -> Actor | None:
    """Nearest earlier named actor mention of the right kind: a person for he/she, else a body.

    Media outlets are skipped as bodies: "they" in news rarely means the newspaper.
    """
    best, best_end = None, -1
    for actor in doc._.actors or []:
        if (actor.kind == "person") != person or (not person and actor.sector == "MED"):
            continue
        for s, e in actor.mentions:
            if best_end < e <= token.idx and doc.text[s:e].lower() not in PRONOUNS:
                best, best_end = actor, e
    return best


def sector_noun(token: Token) -> str | None:
    """The sector a collective noun implies ("forces" -> MIL), two-word forms first."""
    d = actor_dictionary()
    lemma = token.lemma_.lower()
    left = token.nbor(-1) if token.i > 0 else None
    if left is not None:
        two = f"{left.lemma_.lower()} {lemma}"
        if two in d.sector_nouns:
            return d.sector_nouns[two]
    if lemma in d.sector_nouns:
        return d.sector_nouns[lemma]
    return d.sector_nouns.get(token.text.lower())


def country_token(token: Token) -> str | None:
    """ISO2 when a token names a country, its capital, or is a demonym ("Afghan", "Kabul")."""
    d = actor_dictionary()
    text = token.text
    if token.ent_type_ in ("GPE", "NORP") and token.ent_iob_ != "O":
        ent = _ent_of(token)
        if ent is not None:
            iso = d.country_of(ent.text) or d.capitals.get(fold(ent.text))
            if iso:
                return iso
    return d.country_of(text) or (d.capitals.get(fold(text)) if text[:1].isupper() else None)


def _ent_of(token: Token) -> Span | None:
    """The entity a token is part of, found from its IOB tags (no scan over the document's entities:
    this runs for many tokens of every article)."""
    if token.ent_iob_ in ("", "O"):
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def is_agentive(span: Span) -> bool:
    """Whether a GPE is used as an actor ("Pakistan said", "Islamabad's attempts") not a place."""
    root = span.root
    if root.dep_ == "pobj":
        prep = root.head
        return prep.lower_ == "by" or (prep.lower_ in ("with", "against", "between") and
                                       prep.head.pos_ in ("VERB", "NOUN"))
    if root.dep_ == "compound" and sector_noun(root.head):
        return True
    return root.dep_ in AGENT_DEPS


class Actors(Component):
    """Finds actor mentions and merges them into actors (persons by name, groups by country+sector)."""

    name = "dyad_actors"

    def __init__(self, nlp=None, name=None):
        super().__init__(nlp, name)
        self.dictionary = actor_dictionary()
        self.matcher = PhraseMatcher(nlp.vocab if nlp is not None else None, attr="ORTH")
        for alias in self.dictionary.named:
            self.matcher.add(alias, [nlp.make_doc(alias)])

    def annotate(self, doc: Doc) -> None:
        found: list[tuple[Span, dict]] = []
        taken: set[int] = set()

        def claim(span: Span, info: dict) -> None:
            if any(i in taken for i in range(span.start, span.end)):
                return
            taken.update(range(span.start, span.end))
            found.append((span, info))

        day = doc_published(doc)
        # 1. dictionary actors, longest first
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for match_id, start, end in sorted(matches, key=lambda m: -(m[2] - m[1])):
            span = doc[start:end]
            if span.text == "IS" and not span[0].is_upper:
                continue
            if len(span.text) <= 3 and span.text.isupper() and span.text in ("AP", "AU", "IS") and \
                    not _org_like(span):
                continue
            named = self.dictionary.named[doc.vocab.strings[match_id]]
            claim(span, {"kind": named.kind, "name": named.name, "country": named.country,
                         "sector": named.sector_on(day), "key": ("named", named.name)})

        # 2. "<country|demonym|capital> <sector noun>"
        for token in doc:
            sector = sector_noun(token)
            if not sector or token.pos_ not in ("NOUN", "PROPN"):
                continue
            iso, first = None, None
            for child in token.lefts:
                c_iso = country_token(child)
                if c_iso and child.dep_ in ("amod", "compound", "poss", "nmod"):
                    iso, first = c_iso, child
                    break
            if iso is None and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
                c_iso = country_token(doc[token.i + 2])
                if c_iso:
                    iso, first = c_iso, token
            if iso is None:
                continue
            start = min(first.i, token.i)
            end = token.i + 1
            if first.i > token.i:  # "government of Kenya"
                end = first.i + 1
            span = doc[start:end]
            claim(span, {"kind": "group", "name": _group_name(span), "country": iso, "sector": sector,
                         "key": ("group", iso, sector)})

        # 3. entities (none inside a wire dateline: "SRINAGAR, Oct 2 (Dyad Wire) -" names a place and a date)
        datelines = [(m.start(), m.end()) for m in DATELINE.finditer(doc.text)]
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and any(a <= ent.start_char < b for a, b in datelines):
                continue
            ent = trim_at_quotes(ent)
            label = ent.label_
            if label in ("PERSON", "ORG") and (self.dictionary.country_of(ent.text) or
                                               self.dictionary.capitals.get(fold(ent.text))):
                label = "GPE"  # "central Mali's Mopti region": the model called a country a person
            if label == "PERSON":
                claim(ent, {"kind": "person", "name": _person_name(ent)})
            elif label == "ORG":
                if not _place_in_disguise(ent):
                    claim(ent, self._org_info(ent))
            elif label == "GPE" and is_agentive(ent):
                iso = self.dictionary.country_of(ent.text)
                is_capital = False
                if not iso:
                    iso = self.dictionary.capitals.get(fold(ent.text))
                    is_capital = iso is not None
                if iso:
                    claim(ent, {"kind": "state", "name": self.dictionary.country_names.get(iso, ent.text),
                                "country": iso, "sector": "GOV", "key": ("state", iso),
                                "capital": is_capital})

        doc._.actors = self._merge(doc, sorted(found, key=lambda f: f[0].start))

    def _org_info(self, ent: Span) -> dict:
        d = self.dictionary
        words = [t.text for t in ent]
        sector, country = None, None
        for t in ent:
            iso = country_token(t)
            if iso:
                country = iso
        low = {w.lower() for w in words}
        if any(w in d.media_words for w in words[1:]) or (words and words[-1] in d.media_words):
            sector = "MED"
        elif low & {"ministry", "government", "council", "commission", "department", "office", "embassy",
                    "parliament", "senate", "assembly"}:
            sector = "GOV"
        elif low & {"army", "military", "forces", "navy", "brigade", "regiment", "corps"}:
            sector = "MIL"
        elif low & {"police", "constabulary", "gendarmerie"}:
            sector = "COP"
        elif low & {"party", "movement", "front", "alliance", "congress", "league"}:
            sector = "PTY"
        elif low & {"court", "tribunal"}:
            sector = "JUD"
        elif low & {"bank", "inc", "inc.", "corp", "corp.", "ltd", "company", "group", "plc", "llc"}:
            sector = "BUS"
        elif low & {"church", "mosque", "diocese"}:
            sector = "REL"
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        return {"kind": "organization", "name": name, "country": country, "sector": sector,
                "key": ("org", fold(name))}

    def _merge(self, doc: Doc, found: list[tuple[Span, dict]]) -> list[Actor]:
        actors: list[Actor] = []
        by_key: dict[tuple, Actor] = {}
        persons: list[Actor] = []
        for span, info in found:
            if info["kind"] != "person" and len(span) == 1 and _match_person(persons, span.text) and \
                    info.get("key", ("",))[0] in ("org", "state"):
                info = {"kind": "person", "name": span.text}  # NER called a surname ORG/GPE
            if info["kind"] == "person":
                actor = _match_person(persons, info["name"])
                if actor is None:
                    actor = Actor(id="", name=info["name"], kind="person", key=("person", info["name"]))
                    persons.append(actor)
                    actors.append(actor)
                elif len(info["name"]) > len(actor.name) and info["name"].endswith(actor.name):
                    actor.name = info["name"]  # a later, fuller form ("Asif" then "Khawaja Asif")
                actor.add_mention(span.start_char, span.end_char)
                _describe_person(actor, span)
                continue
            key = info["key"]
            actor = by_key.get(key)
            if actor is None:
                actor = Actor(id="", name=info["name"], kind=info["kind"], country=info.get("country"),
                              sector=info.get("sector"), key=key)
                by_key[key] = actor
                actors.append(actor)
            actor.add_mention(span.start_char, span.end_char)
        for i, actor in enumerate(actors, 1):
            actor.id = f"a{i}"
        return actors


PLACE_NOUNS = {"province", "district", "region", "county", "state", "city", "town", "village", "area", "valley",
               "border", "capital", "territory", "governorate", "municipality", "prefecture"}


def _place_in_disguise(ent: Span) -> bool:
    """An ORG the model mislabelled that the sentence shows to be a place: listed with places
    ("in Paktika, Khost, and Kunar provinces") or naming a place word ("Kunar province")."""
    root = ent.root
    if root.head.lemma_.lower() in PLACE_NOUNS and root.dep_ in ("compound", "nmod", "amod"):
        return True
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if nxt is not None and nxt.lemma_.lower() in PLACE_NOUNS:
        return True
    related = [root.head] if root.dep_ == "conj" else []
    related += [c for c in root.children if c.dep_ == "conj"]
    return any(t.ent_type_ in ("GPE", "LOC") for t in related)


def _org_like(span: Span) -> bool:
    return span.root.ent_type_ == "ORG" or (span.start > 0 and span.doc[span.start - 1].lower_ == "the")


def _group_name(span: Span) -> str:
    tokens = [t for t in span if t.tag_ != "POS" and t.dep_ != "det"]
    text = " ".join(t.text for t in tokens)
    return text.replace(" - ", "-")


def _person_name(ent: Span) -> str:
    """The name as written ("Holtz-Eakin" keeps its hyphen), without titles and possessive 's."""
    tokens = [t for t in ent if t.lower_ not in TITLE_SKIP and t.tag_ != "POS"]
    if not tokens:
        return ent.text
    return ent.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]


QUOTE_CHARS = set("“”\"‘’`") | {"''"}


def trim_at_quotes(ent: Span) -> Span:
    """An entity the model ran across a quotation mark ("Mr. President,'' Representative Steve
    Cohen") is cut back to the side of the mark that holds its head."""
    marks = [t.i for t in ent if t.text in QUOTE_CHARS or t.text == "''"]
    if not marks:
        return ent
    cuts = [ent.start - 1] + marks + [ent.end]
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a < ent.root.i < b:
            piece = ent.doc[a + 1:b]
            while len(piece) and (piece[0].is_punct or piece[0].is_space):
                piece = piece[1:]
            while len(piece) and (piece[-1].is_punct or piece[-1].is_space):
                piece = piece[:-1]
            return piece if len(piece) else ent
    return ent


def _match_person(persons: list[Actor], name: str) -> Actor | None:
    """Same person when the names are equal or one is the other's surname ("Asif")."""
    parts = name.split()
    for p in persons:
        if p.name == name:
            return p
    for p in persons:
        pparts = p.name.split()
        if len(parts) == 1 and pparts[-1] == parts[0]:
            return p
        if len(pparts) == 1 and parts[-1] == pparts[0]:
            return p
        if len(parts) > 1 and len(pparts) > 1 and parts[-1] == pparts[-1] and parts[0][0] == pparts[0][0]:
            return p
    return None


def _describe_person(actor: Actor, ent: Span) -> None:
    """Role, country and sector from the name's own noun phrase: premodifiers and apposition.

    "Pakistan's Defence Minister Khawaja Asif" -> role "Defence Minister", country PK (possessor);
    "Zabihullah Mujahid, the Taliban's spokesman" -> role "spokesman", affiliation Taliban (AF, GOV).
    """
    d = actor_dictionary()
    doc = ent.doc
    head = ent.root
    role_tokens: list[Token] = []
    country = affiliation = None

    # premodifiers: walk left from the entity over compound/amod/title tokens
    i = ent.start - 1
    while i >= 0:
        t = doc[i]
        if t.tag_ == "POS" or t.is_punct and t.text not in ("-",):
            if t.tag_ == "POS" and i - 1 >= 0:
                owner = doc[i - 1]
                country = country or country_token(owner)
                affiliation = affiliation or _named_at(doc, owner)
            break
        if t.dep_ in ("compound", "amod", "nmod") and t.head.i >= ent.start - 1 or t.head == head:
            iso = country_token(t)
            if iso and t.ent_type_ in ("GPE", "NORP"):
                country = country or iso
            elif t.ent_type_ in ("PERSON",):
                break
            elif t.dep_ == "poss":
                affiliation = affiliation or _named_at(doc, t)
                country = country or country_token(t)
                break
            else:
                role_tokens.insert(0, t)
            i -= 1
            continue
        if t.dep_ == "poss":
            country = country or country_token(t)
            affiliation = affiliation or _named_at(doc, t)
        break

    # apposition: "X, the Taliban's spokesman"; "X, a senior official"
    if not role_tokens:
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                role_tokens = [t for t in child.lefts if t.dep_ in ("compound", "amod") and
                               not country_token(t)] + [child]
                for t in child.subtree:
                    if t.dep_ == "poss" or (t.dep_ in ("amod", "compound") and country_token(t)):
                        country = country or country_token(t)
                        affiliation = affiliation or _named_at(doc, t)
                    if t.dep_ == "pobj" and t.head.lower_ in ("of", "for"):
                        country = country or country_token(t)
                        affiliation = affiliation or _named_at(doc, t)
                break

    role_tokens = [t for t in role_tokens if t.lower_ not in TITLE_SKIP and not t.is_punct]
    role = " ".join(t.text for t in role_tokens) or None
    sector = None
    if role:
        low = role.lower()
        for words in (low, " ".join(low.split()[-2:]), low.split()[-1]):
            if words in d.role_sectors:
                sector = d.role_sectors[words]
                break
        if sector is None:
            role = None if not any(w in d.role_sectors for w in low.split()) else role
            if role:
                sector = next(d.role_sectors[w] for w in low.split() if w in d.role_sectors)
    if affiliation is not None:
        country = country or affiliation.country
        affiliated = affiliation.sector_on(doc_published(doc))
        if affiliated and (sector in (None, "GOV", "UNK") or role is None):
            sector = affiliated if role else sector
    if role and not actor.role:
        actor.role = role
    if country and not actor.country:
        actor.country = country
    if sector and not actor.sector:
        actor.sector = sector


def _named_at(doc: Doc, token: Token):
    """The dictionary actor named at a token ("Taliban" in "the Taliban's spokesman"), if any."""
    d = actor_dictionary()
    for n in (3, 2, 1):
        for start in range(max(0, token.i - n + 1), token.i + 1):
            text = doc[start:start + n].text
            if text in d.named:
                return d.named[text]
    return None


@Language.factory("dyad_actors", assigns=["doc._.actors"])
def make_actors(nlp, name):
    return Actors(nlp, name)
