"""Quotes: who said what. Direct and partial quotations (paired quotation marks, including quotes
split by their cue and quotes running over several paragraphs) and indirect speech (a cue verb
with a reported clause), each attributed to a speaker actor.

The speaker of a quote is the subject of the nearest speech cue in the quote's sentences
("Asif told Geo News" -> Asif; the outlet is the audience). Pronoun and role-noun subjects ("he",
"the minister") resolve to the nearest earlier compatible actor, and that mention is added to
the actor, so the report shows who "he" is. A quote with no cue of its own continues the
previous quote of its paragraph, or of the paragraph before when it opens its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.components import Component
from dyad.components.actors import Actor, actor_at, antecedent
from dyad.lexicons import load_toml

POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "our": "we"}
RELATIVE = {"that", "which", "who", "whom", "this", "it", "what"}
NOT_STATEMENTS = {"ask", "wonder", "question"}  # questions report no claim: no indirect quote
OPENING_MARKS = " \t“\"‘'`„«"  # what may stand before a quote that opens its paragraph
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str  # direct|partial|indirect
    speaker: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None
    closed: bool = True
    cue_start: int | None = None  # char offset of the cue word (for claims and highlighting)

    def as_report(self) -> dict:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "speaker": self.speaker, "speaker_actor": self.speaker_actor, "cue": self.cue}


@dataclass
class Stretch:
    """A quoted stretch of text: [start, end) inside the marks; `closed` False when it runs on."""

    start: int
    end: int
    closed: bool = True


def _paragraphs(text: str):
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def find_stretches(text: str) -> list[Stretch]:
    """Pair quotation marks paragraph by paragraph (“…” "…" ``…'' and single ‘…’ '…' outside them)."""
    out: list[Stretch] = []
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        doubles = _pair_doubles(para)
        for s, e, closed in doubles:
            out.append(Stretch(p_start + s, p_start + e, closed))
        covered = [(s, e) for s, e, _ in doubles]
        for s, e in _pair_singles(para):
            if not any(cs - 1 <= s and e <= ce + 1 for cs, ce in covered):
                out.append(Stretch(p_start + s, p_start + e, True))
    out.sort(key=lambda q: q.start)
    return out


def _pair_doubles(para: str) -> list[tuple[int, int, bool]]:
    out = []
    open_at = None
    i, n = 0, len(para)
    while i < n:
        c = para[i]
        two = para[i:i + 2]
        if two == "``" and open_at is None:
            open_at = i + 2
            i += 2
            continue
        if two == "''":  # NYT style uses '' both to open and to close
            if open_at is None:
                open_at = i + 2
            else:
                out.append((open_at, i, True))
                open_at = None
            i += 2
            continue
        if c in OPEN_DOUBLE and open_at is None:
            open_at = i + 1
        elif c in OPEN_DOUBLE and open_at is not None and i > 0 and not para[i - 1].isspace() and \
                (i + 1 == n or not para[i + 1].isalnum()):
            out.append((open_at, i, True))  # an opening mark typed as the closing one: “Apparently not,“ he said
            open_at = None
        elif c in CLOSE_DOUBLE and open_at is not None:
            out.append((open_at, i, True))
            open_at = None
        elif c == '"':
            if open_at is None:
                open_at = i + 1
            else:
                out.append((open_at, i, True))
                open_at = None
        i += 1
    if open_at is not None and open_at < n and para[open_at:].strip():
        out.append((open_at, n, False))
    return out


def _pair_singles(para: str) -> list[tuple[int, int]]:
    out = []
    open_at = None
    for i, c in enumerate(para):
        if c == "'" and (para[i + 1:i + 2] == "'" or para[i - 1:i] == "'"):
            continue  # half of a '' double mark
        prev = para[i - 1] if i else " "
        nxt = para[i + 1] if i + 1 < len(para) else " "
        if c in "‘'" and open_at is None and (prev.isspace() or prev in "([—–-:") and nxt.isalnum():
            open_at = i + 1
        elif c in "’'" and open_at is not None and not nxt.isalnum() and not prev.isspace():
            if i - open_at >= 2:
                out.append((open_at, i))
            open_at = None
    return out


class Quotes(Component):
    name = "dyad_quotes"

    def __init__(self, nlp=None, name=None):
        super().__init__(nlp, name)
        cues = load_toml("cues.toml")
        self.cue_verbs = set(cues["verbs"])
        self.describe_verbs = set(cues["describe_verbs"])
        self.speech_nouns = set(cues["speech_nouns"])
        self.person_anaphors = set(cues["person_anaphors"])
        self._inside: list[bool] | None = None
        self._surnames: dict[str, Actor] = {}  # a named person's last name -> the person, per document
        self._next_start = 0  # where _frame's borrowed next sentence starts
        self._weak_cue: Token | None = None  # a cue too far into that sentence to name the speaker
        self._cue_subject: Token | None = None  # the speaker token _nearest_cue found with its cue
        self.group_anaphors = set(cues["group_anaphors"])

    # ------------------------------------------------------------------ main
    def annotate(self, doc: Doc) -> None:
        text = doc.text
        stretches = find_stretches(text)
        inside = _inside_mask(len(doc), doc, stretches)
        self._inside = inside  # read by _subject; reset for every document
        self._surnames = _surnames(doc)
        quotes: list[Quote] = []
        prev_by_para: dict[int, Quote] = {}
        last_quote: Quote | None = None
        para_of = _para_index(text)

        for st in stretches:
            span = doc.char_span(st.start, st.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            content = text[st.start:st.end].strip()
            words = re.findall(r"\w+", content)
            frame = self._frame(doc, span)
            cue = self._nearest_cue(frame, span, inside)
            subj = self._cue_subject if cue is not None else None
            if not self._is_quotation(words, content, cue or self._weak_cue, span):
                continue
            kind = self._kind(doc, st, cue)
            q = Quote(id="", text=text[st.start:st.end], start=st.start, end=st.end, kind=kind,
                      closed=st.closed)
            para = para_of(st.start)
            if cue is None:
                cue = self._fallback_cue(span, inside)
            if cue is not None:
                self._attribute(doc, q, cue, subj)
            else:
                prev = prev_by_para.get(para)
                if prev is None and last_quote is not None and para_of(last_quote.start) == para - 1 and \
                        (not last_quote.closed or not text[para_start(text, st.start):st.start].strip(OPENING_MARKS)):
                    prev = last_quote
                if prev is not None:
                    q.speaker, q.speaker_actor, q.cue = prev.speaker, prev.speaker_actor, prev.cue
                if q.speaker is None and kind == "direct":
                    cue = self._previous_sentence_cue(span, inside)
                    if cue is not None:
                        self._attribute(doc, q, cue)
            quotes.append(q)
            prev_by_para[para] = q
            last_quote = q

        # a quote running over paragraphs takes the speaker found at its end
        for i in range(len(quotes) - 2, -1, -1):
            if not quotes[i].closed and quotes[i].speaker is None and quotes[i + 1].speaker:
                quotes[i].speaker, quotes[i].speaker_actor = quotes[i + 1].speaker, quotes[i + 1].speaker_actor
                quotes[i].cue = quotes[i + 1].cue

        indirect = self._indirect(doc, inside)
        # a quote opening its paragraph with no cue continues the speaker of the paragraph before,
        # also when that paragraph reported them indirectly ("Ash argued in his email, …")
        for q in quotes:
            if q.speaker is None and not text[para_start(text, q.start):q.start].strip(OPENING_MARKS):
                before = [x for x in quotes + indirect if x.speaker and para_of(x.start) == para_of(q.start) - 1]
                if before:
                    src = max(before, key=lambda x: x.start)
                    q.speaker, q.speaker_actor, q.cue = src.speaker, src.speaker_actor, src.cue
                else:
                    span = doc.char_span(q.start, q.end, alignment_mode="expand")
                    cue = self._previous_sentence_cue(span, inside, across=True) if span is not None else None
                    if cue is not None:
                        self._attribute(doc, q, cue)
        quotes.extend(indirect)
        quotes.sort(key=lambda q: q.start)
        for i, q in enumerate(quotes, 1):
            q.id = f"q{i}"
        doc._.quotes = quotes

    # ------------------------------------------------------------------ pieces
    def _frame(self, doc: Doc, span: Span) -> list[Token]:
        """Tokens of the sentences the quote touches, plus the next sentence when the quote ends its own."""
        sents = list({t.sent.start: t.sent for t in (span[0], span[-1])}.values())
        last = sents[-1]
        self._next_start = len(doc)
        if last.end < len(doc) and last.end <= span.end + 2:
            # the parser often ends a sentence at the closing mark ('“…?” | Lichtman said about …')
            nxt = doc[last.end].sent
            if _same_paragraph(doc, span.end_char, nxt.start_char):
                sents.append(nxt)
                self._next_start = nxt.start
        first = sents[0]
        if first.start > 0 and first.start >= span.start - 1:
            prev = doc[first.start - 1].sent
            if prev.text.rstrip().endswith(":"):  # "Jared Potts echoed:⏎“He speaks his mind…”"
                sents.insert(0, prev)
        return [t for s in sents for t in s]

    def _is_cue(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in self.cue_verbs:
            return True
        if lemma in ("shoot", "hit") and token.pos_ == "VERB" and any(
                c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children):
            return True  # 'shot back', 'hit back' retort; 'went back', 'faced back' do not
        if token.lower_ == "according" and any(c.dep_ == "prep" or c.lower_ == "to" for c in token.children):
            return True
        return token.pos_ == "NOUN" and lemma in self.speech_nouns and any(
            c.dep_ == "poss" for c in token.children)

    def _nearest_cue(self, frame: list[Token], span: Span, inside) -> Token | None:
        """The cue governing the quote: one whose clause holds it first, else the nearest (after wins ties)."""
        best, best_rank = None, None
        self._weak_cue = None
        for t in frame:
            if inside[t.i] or not self._is_cue(t):
                continue
            governs = any(t.is_ancestor(x) for x in span)
            if t.lemma_.lower() in self.describe_verbs and t.lemma_.lower() not in ("call", "describe") \
                    and not governs:
                continue  # "condemned the action as a '...'" only cues a quote inside its own clause
            if t.i >= span.end and self._introduces_next(t, inside):
                continue  # '“A.” Mr. Zahed said: “B.”' -- the cue belongs to the quote after it
            if t.i >= self._next_start and (t.pos_ == "NOUN" or t.i - span.end > 15 or _reports_own(t, inside)):
                # the next sentence lends only a cue right after the mark ('“…?” | Lichtman said') that
                # reports nothing of its own ('“…” | Walker said the timing was unlucky' does); a
                # farther one still tells a quotation from a scare quote, but names no speaker
                self._weak_cue = self._weak_cue or t
                continue
            subj = self._subject(t)
            if subj is None or inside[subj.i]:
                # the parser hung the cue on words inside a quotation: read the name next to it
                subj = self._linear_subject(t, span, inside) or (
                    subj if subj is not None and not span.start <= subj.i < span.end else None)
            if subj is None or any(subj.left_edge.i <= x.i <= subj.right_edge.i for x in span) and not (
                    subj.pos_ == "PROPN" and subj.i < t.i < span.start):
                # a quote inside the cue's subject is not what was said; a name's subtree holding the cue
                # and then the quote is the parser's ('Mitt Romney, the nominee, tweeted: “…”')
                continue
            d = span.start - t.i if t.i < span.start else t.i - span.end + 1
            # a speech noun ("his comments") cues only when no verb does: it often names the topic
            rank = (not governs, t.pos_ == "NOUN", d * 2 + (0 if t.i >= span.end else 1))
            if best_rank is None or rank < best_rank:
                best, best_rank = t, rank
                self._cue_subject = subj
        return best

    def _fallback_cue(self, span: Span, inside) -> Token | None:
        """No speech verb: the main verb of the quote's sentence when its subject is a named actor
        or a pronoun ("Toomey fumed", "Trump shot back in a statement")."""
        doc = span.doc
        sent = span[0].sent
        name = self._headline_name(span, inside)
        if name is not None:
            return name
        roots = [sent.root]
        after = span.end + 1  # the sentence right after the closing mark: '“Go back,” | Trump barked'
        if after < len(doc) and doc[after].sent.start >= span.end and _same_paragraph(doc, span.end_char,
                                                                                      doc[after].idx):
            roots.append(doc[after].sent.root)
        # an introduction ending in a colon: "Obama's first questioners were hostile: '…'"
        if sent.start > 0 and doc[sent.start - 1].text == ":" or doc[max(0, span.start - 2):span.start].text.strip(
                " “\"'‘").endswith(":"):
            intro = doc[sent.start - 1].sent if sent.start > 0 and doc[sent.start - 1].text == ":" else sent
            roots.insert(0, intro.root)
            if intro.root.i >= span.start:  # the parser made the quote the sentence: the lead-in's own verb
                lead = doc[intro.start:span.start]
                roots[1:1] = [t for t in lead if t.pos_ == "VERB" and not lead.start <= t.head.i < lead.end][:1]
        for root in roots:
            if root.i >= span.end and (self._introduces_next(root, inside) or _reports_own(root, inside)):
                continue
            if root.pos_ in ("VERB", "AUX") and not inside[root.i]:
                subj = self._subject(root)
                if subj is not None and (subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or
                                         subj.lower_ in self.person_anaphors or subj.pos_ == "PROPN" or
                                         self._known_person(subj) is not None):
                    return root
        # "Philip Bump: “…”", "Pew Research: “…”", a headline "Trump: Generals don't want 'her…'"
        k = span.start - 1
        while k >= 0 and doc[k].text in ("“", "\"", "‘", "'", "``", "''") or k >= 0 and doc[k].is_space:
            k -= 1
        if k > 0 and doc[k].text == ":":
            j = k - 1
            while j >= 0 and (doc[j].pos_ == "PROPN" or doc[j].lower_ == "and" and j < k - 1) and k - j <= 5:
                j -= 1
            if j + 1 < k and doc[j + 1].pos_ == "PROPN" and not inside[j + 1]:
                return doc[k - 1]  # the name right before the colon
        return None

    def _is_quotation(self, words: list[str], content: str, cue: Token | None, span: Span) -> bool:
        """Scare quotes, titles and nicknames are not quotations: short and with no cue of their own."""
        if not words:
            return False
        before = span.doc[max(0, span.start - 3):span.start].text.lower()
        if "so-called" in before or "so called" in before:
            return False
        if cue is not None:
            if len(words) <= 3 and not any(cue.is_ancestor(x) for x in span) and \
                    not content.endswith((".", "!", "?", ",")) and not content[:1].islower():
                return False
            if len(words) == 1 and content[:1].islower() and any(cue.is_ancestor(x) for x in span):
                return True  # a one-word partial quote in the cue's own clause: called it "sarcastic"
            return len(words) >= 2 or content.endswith((".", "!", "?", ","))
        if len(words) >= 6:
            return True
        return len(words) >= 4 and content[-1:] in ".!?,"

    def _kind(self, doc: Doc, st: Stretch, cue: Token | None) -> str:
        """Direct when the quote stands as the whole utterance; partial when embedded in paraphrase."""
        text = doc.text
        span = doc.char_span(st.start, st.end, alignment_mode="expand")
        sent = span[0].sent
        p_start = para_start(text, st.start)
        before = text[max(sent.start_char, p_start):st.start].rstrip("“\"'‘` ")
        if not before.strip():
            return "direct"
        if before.rstrip().endswith((":", ",", "—", "–")) and (cue is not None or before.rstrip().endswith(":")):
            return "direct"
        if re.search(r"[.!?]['’”\"]?\s*$", before):
            return "direct"
        return "partial"

    def _subject(self, cue: Token) -> Token | None:
        """The speaker token of a cue: its subject, the controller of a bare infinitive, or 'according to X'.

        Words inside quotation marks are never the speaker: the parser sometimes hangs a second
        subject from inside the quote on the cue ('“…the foundation…,” said a person').
        """
        inside = self._inside or ()
        if cue.lower_ == "according":
            for c in cue.children:
                if c.dep_ == "prep":
                    for cc in c.children:
                        if cc.dep_ == "pobj":
                            return cc
                if c.dep_ == "pobj":
                    return c
            return None
        if cue.pos_ == "PROPN" or cue.i + 1 < len(cue.doc) and cue.nbor().text == ":" and cue.is_title:
            return cue  # the convention "Name: 'quote'"
        if cue.pos_ == "NOUN":
            return next((c for c in cue.children if c.dep_ == "poss"), None)
        if cue.dep_ == "acl" and cue.head.pos_ in ("PROPN", "NOUN") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            return cue.head  # "footage of Trump saying …", "Mr. Trump, asked about …, had said"
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        if agent is not None:  # "called the 'Crossroads of America' by the citizens"
            by_obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if by_obj is not None:
                return by_obj
        for c in cue.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE and not (
                    c.i < len(inside) and inside[c.i]):
                return c
            if c.dep_ == "nsubj" and c.lower_ in ("who", "that") and cue.dep_ == "relcl":
                return cue.head
        k = cue.i - 1
        while k > 0 and (cue.doc[k].is_space or cue.doc[k].text in (",", "—", "–")):
            k -= 1
        if k >= 0 and cue.i - k <= 3 and cue.doc[k].text in ("”", "\"", "''", "’", "'"):
            # inverted order after a quote: '“…,” said a person close to the Clintons' / 'read the email'
            inv = next((c for c in cue.children if c.dep_ in ("dobj", "attr", "npadvmod", "oprd") and c.i > cue.i
                        and c.pos_ in ("NOUN", "PROPN")), None)
            if inv is not None:
                return inv
        head = cue
        for _ in range(4):  # xcomp / conj / advcl / "by warning": climb to the clause that has the subject
            if (head.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep") or head.dep_ == "advmod" and head.pos_ == "ADV"
                    and head is not cue) and head.head != head:  # 'went so far as to say'
                parent = head.head
                if head.dep_ == "xcomp":
                    obj = next((c for c in parent.children if c.dep_ == "dobj"), None)
                    if obj is not None:
                        return obj
                subj = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lower_ in ("who", "that") and parent.dep_ == "relcl":
                    return parent.head  # "an architect who said …, saying" -> the architect
                if subj is not None and subj.lower_ not in RELATIVE:
                    return subj
                head = parent
            else:
                break
        return None

    @staticmethod
    def _introduces_next(cue: Token, inside) -> bool:
        """Whether the cue ends in a colon that opens another quotation ('Mr. Zahed said: “…”')."""
        doc = cue.doc
        for j in range(cue.i + 1, min(cue.i + 9, len(doc) - 1)):
            t = doc[j]
            if inside[j] or t.text in (".", "!", "?", ";", ",") or "\n" in t.text:
                return False  # '“…,” Cruz said, adding: “…”' -- 'said' is still the first quote's
            if t.text == ":":
                k = j + 1
                while k < len(doc) and (doc[k].is_space or doc[k].text in ("“", "\"", "''", "‘", "``")):
                    k += 1
                return k < len(doc) and k > j + 1 and inside[k]
        return False

    @staticmethod
    def _headline_name(span: Span, inside) -> Token | None:
        """A headline or lead-in 'Sanders: Clinton needs to “get away …”', 'OK Gov Fallin: Trump Is ‘…’':
        the short capitalised name opening the paragraph before a colon speaks the quotes after it."""
        doc = span.doc
        p0 = para_start(doc.text, span.start_char)
        first = doc.char_span(p0, span.start_char, alignment_mode="expand")
        if first is None:
            return None
        colon = next((t for t in reversed(first) if t.text == ":"), None)
        if colon is None or colon.i >= span.start:
            return None
        start = colon.i  # back to the paragraph start or the quote before: 'Clinton: “…” Bush: “…”'
        stops = (".", "''", "’", *CLOSE_DOUBLE, *OPENING_MARKS)
        while start > first.start and not inside[start - 1] and doc[start - 1].text not in stops:
            start -= 1
        prefix = [t for t in doc[start:colon.i] if not t.is_space and not t.is_punct or t.text == "."]
        if not 1 <= len(prefix) <= 6 or any(inside[t.i] for t in prefix) or not (
                prefix[0].is_title or prefix[0].is_upper) or not (prefix[-1].is_title or prefix[-1].is_upper):
            return None
        if not all(t.is_title or t.is_upper or t.lower_ in ("and", "of", "&", ".") for t in prefix) and \
                prefix[-1].ent_type_ != "PERSON":  # 'Internet phenomenon Ken Bone: Debate “…”'
            return None
        if len(prefix) == 1 and prefix[0].ent_type_ in ("GPE", "LOC", "DATE"):
            return None  # a dateline 'WASHINGTON:' names a place, not a speaker
        return prefix[-1]

    def _previous_sentence_cue(self, span: Span, inside, across: bool = False) -> Token | None:
        """A quotation standing as its own sentence after one that cues a named speaker: 'Ted Cruz
        tweeted a warning. “Missouri: …”', 'said Bart Naylor, of Public Citizen. “It would …”'; with
        `across`, also the last sentence of the paragraph before ('Trump spoke in bromides. ⏎ “We …”')."""
        doc = span.doc
        sent = span[0].sent
        k = sent.start - 1
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0 or not across and not _same_paragraph(doc, doc[k].idx, span.start_char):
            return None
        best = None
        for t in doc[k].sent:
            if inside[t.i] or not self._is_cue(t) or t.pos_ == "NOUN":
                continue
            subj = self._subject(t)
            if subj is not None and not inside[subj.i] and (
                    subj.ent_type_ in ("PERSON", "ORG") or subj.lower_ in self.person_anaphors or
                    subj.pos_ == "PROPN" or self._known_person(subj) is not None):
                best = t
        return best

    def _known_person(self, token: Token, any_pos: bool = False) -> Actor | None:
        """A capitalised word that is the last name of a person named elsewhere in the article (with
        `any_pos`, also one the model read as another word class: the columnist 'Will wrote')."""
        if not token.is_title or not any_pos and token.pos_ not in ("NOUN", "PROPN") or \
                token.ent_type_ not in ("", "PERSON", "ORG"):
            return None
        return self._surnames.get(token.text)

    def _linear_subject(self, cue: Token, span: Span, inside) -> Token | None:
        """The name standing next to a cue, when the parser scrambled the frame around the quote.

        NYT-style '' marks and appositives often leave the cue with no subject ('“…,” Ramos, 58, told
        AFP' parses Ramos as a conjunct inside the quote). Newsroom order is fixed enough to read
        linearly: '“…,” NAME[, appositive,] CUE', '“…,” CUE NAME' or 'NAME[, appositive,] CUE: “…”'.
        """
        doc = cue.doc
        if cue.pos_ not in ("VERB", "AUX"):
            return None
        if cue.i < span.start:
            return self._name_before(cue, doc[cue.sent.start:cue.i], inside)
        k = span.end
        while k < cue.i and (doc[k].is_punct or doc[k].is_space):
            k += 1
        if k == cue.i:  # '“…,” said Robert Reich, who …'
            j = cue.i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and not inside[j]:
                j += 1
            if j > cue.i + 1 and (j == len(doc) or doc[j].pos_ != "NOUN"):
                return doc[j - 1]
            return None
        gap = doc[k:cue.i]
        if len(gap) > 30 or any(t.text in (".", "!", "?", ";") or "\n" in t.text for t in gap):
            return None
        first = []  # the gap up to its first comma: the name, before any appositive
        for t in gap:
            if t.text == ",":
                break
            first.append(t)
        return self._name_in(first)

    def _name_before(self, cue: Token, left: Span, inside) -> Token | None:
        """'NAME CUE' or 'NAME, appositive, CUE' read right to left from the cue."""
        segments: list[list[Token]] = [[]]
        for t in left:
            if t.text == ",":
                segments.append([])
            elif not t.is_space:
                segments[-1].append(t)
        if any(inside[t.i] for seg in segments[-2:] for t in seg):
            return None
        if all(t.pos_ == "AUX" for t in segments[-1]):
            segments[-1] = []  # 'X, asked about it, had said'
        if segments[-1]:
            return self._name_in(segments[-1])
        if len(segments) >= 3 and segments[-2] and segments[-2][0].pos_ in ("DET", "ADJ", "NOUN", "PROPN") and \
                not any(t.pos_ in ("VERB", "AUX") for t in segments[-2]):
            return self._name_in(segments[-3], person_only=True)
        if len(segments) >= 3 and segments[-2] and segments[-2][0].tag_ in ("VBN", "VBG") and segments[-3] and \
                segments[-3][-1].ent_type_ == "PERSON":
            return segments[-3][-1]  # 'after Mr. Trump, asked about the deaths, had said, “…”'
        return None

    def _name_in(self, seg: list[Token], person_only: bool = False) -> Token | None:
        """The last word of the name a short verbless stretch opens with ('Texas delegate Bill Eastland')."""
        if len(seg) == 1 and self._known_person(seg[0], any_pos=True) is not None:
            return seg[0]
        if not seg or len(seg) > 12 or any(t.pos_ in ("VERB", "AUX", "SCONJ", "ADP") for t in seg) or \
                seg[0].pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ"):
            return None
        if len(seg) == 1 and seg[0].lower_ in self.person_anaphors | self.group_anaphors:
            return None if person_only else seg[0]
        names = [t for t in seg if t.ent_type_ == "PERSON"] or \
            [t for t in seg if self._known_person(t) is not None] or \
            ([] if person_only else [t for t in seg if t.pos_ == "PROPN"])
        if not names:
            return None
        tok, last = names[0], seg[-1].i
        while tok.i < last and tok.nbor().pos_ == "PROPN" and (
                tok.ent_type_ != "PERSON" or tok.nbor().ent_type_ == "PERSON"):
            tok = tok.nbor()  # the last word of the name: 'William M. Daley' -> Daley
        return tok

    def _attribute(self, doc: Doc, q: Quote, cue: Token, subj: Token | None = None) -> None:
        if subj is None:
            subj = self._subject(cue)
        q.cue = cue.text if cue.lower_ != "according" else "according to"
        q.cue_start = cue.idx
        if subj is None:
            return
        actor, name = self.resolve_speaker(doc, subj)
        q.speaker = name
        q.speaker_actor = actor.id if actor else None

    def resolve_speaker(self, doc: Doc, subj: Token) -> tuple[Actor | None, str]:
        """Map a subject token to (actor, display name), resolving pronouns and role nouns."""
        low = subj.lower_
        if low in POSSESSIVES:  # "his comments": the possessor is the speaker
            low = POSSESSIVES[low]
        if low in self.person_anaphors or low in self.group_anaphors:
            actor = antecedent(doc, subj, person=low in self.person_anaphors)
            if actor is not None:
                actor.add_mention(subj.idx, subj.idx + len(subj))
                return actor, actor.name
            return None, subj.text
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if subj.pos_ == "NOUN" and appos is not None:
            subj = appos  # "The club's general manager, David Feder, said" -> David Feder
        np = _noun_phrase(subj)
        # the subject's own head first ("Pakistan's minister Asif" is Asif, not Pakistan)
        actor = actor_at(doc, subj.idx, subj.idx + len(subj))
        if actor is None:
            actor = actor_at(doc, np.start_char, np.end_char)
            if actor is not None and actor.kind == "person" and subj.pos_ == "NOUN":
                # "Obama's former campaign strategist said": someone of Obama's, not Obama
                return None, _speaker_text(np)
        if actor is None and self._known_person(subj, any_pos=True) is not None:
            actor = self._known_person(subj, any_pos=True)  # "Hannity interjected": a surname the model took for a noun
            actor.add_mention(subj.idx, subj.idx + len(subj))
            return actor, actor.name
        if actor is None and subj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the"
                                                           for c in subj.children):
            actor = self._role_antecedent(doc, subj)
            if actor is not None:
                # named as the text names them ("the governor"), linked to who that is
                actor.add_mention(np.start_char, np.end_char)
                return actor, _speaker_text(np)
        if actor is not None and subj.pos_ == "NOUN" and actor.kind != "person" and \
                not any(s <= subj.idx < e for s, e in actor.mentions):
            # "a spokesman for committee Democrats": the person speaks for the body
            return actor, _speaker_text(np)
        if actor is not None and actor.kind != "person" and subj.pos_ == "PROPN":
            # a body is named as the text names it ("the FBI"), linked to its canonical actor
            return actor, _speaker_text(np)
        if actor is not None:
            return actor, actor.name
        if subj.pos_ == "NOUN":
            return None, _speaker_text(_full_noun_phrase(subj, np, self._inside or ()))
        return None, _speaker_text(np)

    def _role_antecedent(self, doc: Doc, token: Token) -> Actor | None:
        """'the minister' / 'the spokesman' -> the nearest earlier person whose role has that word.

        A role with modifiers ("the vice president", "the defence minister") must match them all:
        "the vice president" is not President Obama.
        """
        mods = [c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod") and c.lower_ not in
                ("former", "then", "current", "new", "top", "senior", "cautious", "embattled")]
        words = mods + [token.lemma_.lower()]
        best, best_end = None, -1
        for actor in doc._.actors or []:
            if actor.kind != "person" or not actor.role or not all(w in actor.role.lower() for w in words):
                continue
            for _s, e in actor.mentions:
                if e <= token.idx and e > best_end:
                    best, best_end = actor, e
        return best

    def _indirect(self, doc: Doc, inside) -> list[Quote]:
        """Reported speech: a cue verb with a clausal complement holding no quotation marks."""
        out = []
        for t in doc:
            if inside[t.i]:
                continue
            according = t.lower_ == "according" and self._is_cue(t)
            if not according and (t.pos_ != "VERB" or t.lemma_.lower() not in self.cue_verbs or
                                  t.lemma_.lower() in NOT_STATEMENTS):
                continue
            if according:
                # "According to the ministry, the strikes hit militants": the clause it modifies
                comp = t.head if t.head is not t and t.head.pos_ in ("VERB", "AUX") else None
                tokens = [x for x in comp.subtree if not (t.left_edge.i <= x.i <= t.right_edge.i)] \
                    if comp is not None else []
                while tokens and (tokens[0].is_punct or tokens[0].is_space):
                    tokens = tokens[1:]
            else:
                # the reported clause after the cue, or before it ("The strikes hit militants, he said")
                comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
                tokens = list(comp.subtree) if comp is not None else []
            if comp is None:
                continue
            if any(inside[x.i] or x.text in "“”\"" for x in tokens):
                continue
            if tokens and tokens[0].dep_ == "mark":
                tokens = tokens[1:]
            while tokens and tokens[-1].is_punct:
                tokens = tokens[:-1]
            if len(tokens) < 3:
                continue
            subj = self._subject(t)
            if subj is None:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            q = Quote(id="", text=doc.text[start:end], start=start, end=end, kind="indirect",
                      cue="according to" if according else t.text, cue_start=t.idx)
            actor, name = self.resolve_speaker(doc, subj)
            q.speaker, q.speaker_actor = name, actor.id if actor else None
            out.append(q)
        return out


def _reports_own(cue: Token, inside) -> bool:
    """Whether a cue has reported content of its own outside any quotation ("Walker said the timing
    was unlucky"): such a cue after a quote starts new speech rather than closing the quote before."""
    return any(c.dep_ == "ccomp" and not inside[c.i] for c in cue.children)


def _surnames(doc: Doc) -> dict[str, Actor]:
    """Last name -> person, for the persons the article names in full (a name two persons share is dropped)."""
    out: dict[str, Actor] = {}
    shared: set[str] = set()
    for actor in doc._.actors or []:
        parts = actor.name.split()
        if not parts or actor.kind != "person" and not (
                actor.kind == "organization" and len(parts) == 2 and all(w.isalpha() and w.istitle() for w in parts)):
            continue  # a two-word "organization" is often a person the model mislabelled ("Sean Hannity")
        last = parts[-1]
        if last in out and out[last] is not actor:
            shared.add(last)
        out[last] = actor
    for last in shared:
        del out[last]
    return out


def para_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _same_paragraph(doc: Doc, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return "\n" not in doc.text[lo:hi]


def _para_index(text: str):
    """Position -> paragraph number, counting only paragraphs with text (blank lines don't count)."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*(?=\S)", text)]

    def index(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo
    return index


def _inside_mask(n: int, doc: Doc, stretches: list[Stretch]) -> list[bool]:
    mask = [False] * n
    for st in stretches:
        span = doc.char_span(st.start, st.end, alignment_mode="contract")
        if span is not None:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask


def _noun_phrase(token: Token) -> Span:
    """The subject's noun phrase without trailing clauses ("a spokesman for the ministry")."""
    doc = token.doc
    left = token.left_edge.i
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1  # a closing mark the parser hung on the name: '” Ramos, 58, told'
    right = token.i
    for c in token.rights:
        if c.dep_ in ("prep", "compound", "appos", "amod", "punct", "pobj", "nummod") and c.dep_ != "relcl":
            if c.dep_ == "punct" and c.text != "-":
                break
            right = c.right_edge.i
        else:
            break
    span = doc[left:right + 1]
    while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ in ("cc",)):
        span = span[:-1]
    return span


def _full_noun_phrase(token: Token, np: Span, inside) -> Span:
    """An unnamed speaker as the text describes them, modifiers and all ('a job posting on the website of
    The Beijinger', 'a man calling himself Paul Paul'): who they are lies in those words. Stops at a quotation
    or the sentence's end; a description longer than 25 words keeps the plain noun phrase."""
    doc = token.doc
    right = np.end - 1
    for t in doc[np.end:token.right_edge.i + 1]:
        if t.i < len(inside) and inside[t.i] or t.text in ("“", "”", "\"", "''", "``", ".", ";", ":") or t.is_space:
            break
        right = t.i
    nxt = right + 1
    if nxt + 1 < len(doc) and doc[nxt].lower_ in ("to", "for", "of", "at", "with") and doc[nxt].head.i < np.start \
            and doc[nxt].head.i == token.head.i and doc[nxt + 1].pos_ in ("PROPN", "DET", "ADJ"):
        # '“…,” said one longtime adviser to Bill Clinton': the parser hangs 'to …' on the cue
        for t in doc[nxt:doc[nxt].right_edge.i + 1]:
            if t.i < len(inside) and inside[t.i] or t.text in ("“", "”", "\"", "''", "``", ".", ";", ":"):
                break
            right = t.i
    while right >= np.end and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    return doc[np.start:right + 1] if right - np.start < 25 else np


def _speaker_text(np: Span) -> str:
    text = np.text
    return text[4:] if text.lower().startswith("the ") and len(text) > 4 else text


@Language.factory("dyad_quotes", assigns=["doc._.quotes"], requires=["doc._.actors"])
def make_quotes(nlp, name):
    return Quotes(nlp, name)
