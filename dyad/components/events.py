"""Events: who did what to whom, where, when, and how many were hurt.

Method (all rules and lexicons, see lexicons/events.toml):
1. Triggers: verbs and nouns of the lexicon ("airstrikes", "clashes", "abducted"), multi-word
   forms through the parse (compound "air strike", particle "write off", object "open fire").
2. Grouping: triggers of one family in one sentence are one event ("gunmen attacked the village,
   killing five"); a later definite or possessed mention of the same family ("the strikes",
   "Pakistan's strikes") refers back to the earlier event when its source does not contradict.
3. Coding: the most specific class among the event's triggers and the modifiers of its clauses
   ("drone" -> aerial); generic violence becomes a battle when both sides are armed.
4. Roles from the clause: subject/object, passive subject and "by" phrase, possessor and
   demonym of a nominal trigger, the subject of a light verb ("conducted airstrikes").
5. Places (event_places.py), dates and casualty mentions from the event's sentences; salience orders
   the events. Figurative violence ("exports hit record levels") is dropped first (figurative.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.components import Component
from dyad.components.actors import PRONOUNS, actor_at, antecedent, country_token, sector_noun
from dyad.components.casualties import casualty_totals
from dyad.components.dates import dates_the_event, report_date
from dyad.components.event_places import event_places, namesakes
from dyad.components.figurative import drop_figurative, drop_unpolitical
from dyad.lexicons import load_toml

LIGHT_VERBS = {"conduct", "carry", "launch", "stage", "mount", "claim", "perpetrate", "commit", "execute",
               "undertake", "make", "unleash", "order", "lead", "organise", "organize", "hold", "issue",
               "begin", "continue", "start", "intensify", "escalate", "step"}
VICTIM_NOUNS = {"civilian", "people", "person", "man", "woman", "child", "children", "boy", "girl", "villager",
                "resident", "student", "pupil", "farmer", "herder", "worker", "trader", "passenger", "driver",
                "family", "teacher", "doctor", "nurse", "worshipper", "pilgrim", "tourist", "refugee",
                "journalist", "activist", "member", "infant", "baby", "elder", "teenager", "youth",
                "motorist", "pedestrian", "fisherman", "herdsman", "herdsmen", "herdboy", "pastoralist",
                "miner", "patient", "voter", "protester", "demonstrator", "inmate", "prisoner", "detainee",
                "bystander", "missionary", "pastor", "priest", "wife", "husband", "mother", "father", "son",
                "daughter", "relative", "neighbour", "neighbor", "employee", "staffer", "businessman", "shopkeeper",
                "guest", "customer", "rider", "mechanic", "widow", "orphan", "schoolgirl", "schoolboy"}
UNARMED_MODS = {"unarmed", "off-duty", "retired", "innocent", "defenceless", "defenseless"}
ARMED_SECTORS = {"MIL", "COP", "REB", "SPY", "CRM", "UNK"}
MODALS = {"would", "could", "might", "may", "will", "shall"}
INTERVENTION = {"teargas", "tear", "disperse", "dispersed", "cannon", "baton", "arrest", "arrested",
                "detain", "detained", "rubber", "lobbed", "canister", "intervene", "intervened", "teargassed",
                "tear-gassed"}
RIOT_WORDS = {"riot", "rioter", "rioting", "torch", "torched", "loot", "looted", "pelt", "pelted", "stone",
              "stones", "burn", "burned", "burnt", "vandalise", "vandalize", "violent", "barricade", "bonfire",
              "tyres", "tires", "clash", "clashed", "block", "blocked", "rowdy", "violently", "chaos", "running",
              "violence", "aggressive", "molotov", "debris", "rioters", "petrol", "rampage", "bonfires", "arson",
              "smash", "smashed", "shatter", "shattered", "stoned", "hurl", "hurled", "threw", "thrown", "projectile",
              "projectiles", "blockade", "blockaded", "barricaded"}
# words that make violence at a rally a demonstration's: a riot or protest told as such
RALLY_RIOT = {"riot", "riots", "rioted", "rioting", "rioter", "rioters", "rowdy", "protest", "protester",
              "demonstration", "demonstrator", "demonstrate", "march", "demand"}
FORCE_WORDS = {"shot", "shoot", "kill", "killed", "live", "bullet", "bullets", "died", "dead", "die", "gunfire",
               "suppress", "suppressed", "beat", "beaten", "clubbed", "whipped"}
SECURITY_WORDS = {"police", "officer", "officers", "soldier", "soldiers", "security", "forces", "troops", "army",
                  "military", "policemen", "gendarmes"}
STRONG_RIOT_WORDS = {"riot", "rioter", "rioters", "rioting", "stone", "stones", "pelt", "pelted", "torch", "torched",
                     "molotov", "loot", "looted", "burn", "burned", "burnt", "vandalise", "vandalize", "petrol",
                     "projectile", "projectiles", "rock", "rocks", "bottle", "bottles", "threw", "hurl", "hurled",
                     "clash", "clashes", "clashed", "firebomb", "firebombs", "rampage", "arson", "bonfire", "bonfires",
                     "stoned", "smashed", "shattered"}
# acts of entry a crowd makes to press a demand ("stormed the county offices to demand jobs",
# "invaded the stadium to protest"): part of a protest's course, not violence of their own
ENTRY_WORDS = {"storm", "invade", "occupy", "overrun"}
# death words name what a protest mourns or decries far more often than what happened at it
DEATH_NOUNS = {"death", "murder", "killing", "victim", "casualty", "assassination", "disappearance", "abduction",
               "body", "kidnapping", "rape"}
# riot words that only name the police's gear or a place ("anti-riot police", "a petrol station")
GEAR_HEADS = {"police", "officer", "officers", "policemen", "gear", "squad", "unit", "station", "truck", "shield",
              "shields", "control", "price", "prices", "attire", "uniform"}
NOT_TRIGGER_ENTS = {"DATE", "TIME", "PERSON", "GPE", "ORG", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT",
                    "EVENT", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE"}
GENERIC_VIOLENCE = {"attack", "kill", "clash", "primitive", "violence"}
CROWD_NOUNS = {"protester", "demonstrator", "rioter", "supporter", "youth", "student", "trader", "resident",
               "fishermen", "hawkers", "learners", "operators", "squatters", "followers", "fans", "mourners",
               "mob", "crowd", "local", "mourner", "fan", "hawker", "vendor", "worker", "operator", "member",
               "villager", "people", "motorist", "residents", "youths", "supporters", "students", "locals", "rider",
               "riders"}
PROTEST_CONTEXT = {"protest", "protester", "demonstration", "demonstrator", "demonstrate", "riot", "rioter",
                   "rioting", "strike", "picket", "march", "demand", "petition", "demo", "rally"}
LYNCH_WORDS = {"lynch", "lynched", "lynching", "mob", "stone", "stoned", "burnt", "burn", "beat", "beaten"}
COMMUNAL = {"clan", "clans", "tribal", "tribe", "ethnic", "community", "communities", "communal", "inter-clan",
            "intercommunal", "inter-communal", "pastoralist", "herder", "herdsman", "militia", "militiaman"}
ELECTION_WORDS = {"election", "elections", "electoral", "poll", "polls", "vote", "voting", "post-election", "ballot"}
# acts that outweigh an abduction told with them: ACLED codes a raid that kills and abducts as the attack
OUTWEIGH_ABDUCTION = {"kill", "primitive"}
# trigger nouns that name the people who act ("unknown attackers raided a village"): as a subject
# they are the event's source, not the event itself
AGENT_TRIGGERS = {"attacker", "assailant", "gunman", "gunmen", "kidnapper", "hijacker", "rioter", "bomber"}
ANAPHORIC_DETS = {"the", "this", "these", "that", "those", "such"}


@dataclass(frozen=True)
class EventClass:
    name: str
    plover: str
    mode: str | None
    acled_type: str | None
    acled_subtype: str | None
    cameo: str | None
    rank: int
    violent: bool
    family: str
    specificity: int


@dataclass(frozen=True)
class TriggerEntry:
    cls: str
    pos: str
    needs: frozenset[str] | None


@dataclass
class Lexicon:
    classes: dict[str, EventClass]
    triggers: dict[str, list[TriggerEntry]]
    modifiers: list[tuple[frozenset[str], str, frozenset[str]]]
    goldstein: dict[str, float]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_toml("events.toml")
    classes = {
        name: EventClass(name, c["plover"], c.get("mode"), c.get("acled_type"), c.get("acled_subtype"),
                         c.get("cameo"), c.get("rank", 1), c.get("violent", False), c.get("family", name),
                         c.get("specificity", 0))
        for name, c in data["class"].items()
    }
    triggers: dict[str, list[TriggerEntry]] = {}
    for entry in data["trigger"]:
        needs = frozenset(entry["needs"]) if entry.get("needs") else None
        for lemma in entry["lemmas"]:
            triggers.setdefault(lemma, []).append(TriggerEntry(entry["class"], entry.get("pos", "ANY"), needs))
    for entries in triggers.values():  # conditional readings first: "teachers' strike" before "strike"
        entries.sort(key=lambda e: e.needs is None)
    modifiers = [(frozenset(m["words"]), m["class"], frozenset(m.get("over", []))) for m in data["modifier"]]
    return Lexicon(classes, triggers, modifiers, {k: float(v) for k, v in data["goldstein"].items()})


def goldstein(cameo: str | None) -> float | None:
    if not cameo:
        return None
    table = lexicon().goldstein
    for key in (cameo, cameo[:3], cameo[:2]):
        if key in table:
            return table[key]
    return None


@dataclass
class Trigger:
    token: Token
    cls: EventClass
    anaphoric: bool = False


@dataclass
class Event:
    id: str
    cls: EventClass
    triggers: list[Trigger]
    source: dict | None = None
    target: dict | None = None
    places: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    casualties: dict = field(default_factory=dict)
    status: str = "reported"
    claims: list[dict] = field(default_factory=list)
    confidence: float = 0.5
    family: str = ""  # the family it was grouped under (violence told in a protest joins "protest")
    target_by: str = ""  # where the target came from: "clause", "order" or "toll"
    secondary: bool = False  # split off an event that outweighs it (an abduction in a killing raid)

    @property
    def main(self) -> Token:
        return self.triggers[0].token

    def sentences(self, anaphoric: bool = True):
        seen = {}
        for t in self.triggers:
            if anaphoric or not t.anaphoric:
                seen.setdefault(t.token.sent.start, t.token.sent)
        return sorted(seen.values(), key=lambda s: s.start)

    def as_report(self) -> dict:
        c = self.cls
        return {
            "id": self.id, "plover": c.plover, "mode": c.mode, "acled_type": c.acled_type,
            "acled_subtype": c.acled_subtype, "cameo": c.cameo, "source": self.source, "target": self.target,
            "places": self.places, "date": self.date, "date_precision": self.date_precision,
            "casualties": self.casualties or {}, "status": self.status, "claims": self.claims,
            "intensity": goldstein(c.cameo),
            "evidence": [{"start": s.start_char, "end": s.end_char} for s in self.sentences()],
            "confidence": round(self.confidence, 2),
        }


# ---------------------------------------------------------------- trigger detection
def _keys(token: Token) -> list[str]:
    """Lexicon keys a token may match, longest first: compounds, particles, objects, then itself."""
    lemma = token.lemma_.lower()
    low = token.lower_
    keys = []
    for child in token.children:
        c = child.lemma_.lower()
        if child.dep_ in ("compound", "amod") and child.i < token.i:
            keys += [f"{c} {lemma}", f"{child.lower_} {low}"]
        elif child.dep_ in ("prt", "dobj", "acomp", "oprd", "advmod", "prep") and child.i > token.i:
            keys += [f"{lemma} {c}", f"{lemma} {child.lower_}"]
            if child.dep_ == "prep":
                keys += [f"{lemma} {g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj"]
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_ \
            and not doc[token.i + 1].whitespace_:
        keys.insert(0, f"{low}-{doc[token.i + 2].lower_}")  # "shoot-out", "gun-battle": split by the tokenizer
    return keys + [lemma, low]


def _clause_words(token: Token) -> set[str]:
    sent = token.sent
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


COOPERATIVE = {"agree", "aid", "support", "cooperate", "consult", "concede"}  # families of cooperative acts
ATTRIBUTION_VERBS = {"charge", "allege"}  # "..., a rights group charged": the attribution, not an accusation
DISASTERS = {"flood", "earthquake", "quake", "drought", "famine", "accident", "crash", "disaster", "storm", "cyclone",
             "landslide", "hurricane", "typhoon", "tsunami", "fire", "road", "traffic", "covid", "cholera", "epidemic"}
SEARCH_WORDS = {"raid", "swoop", "crackdown", "operation", "search"}


def _human_participant(token: Token) -> bool:
    """Whether a violence word has people on either side: a victim or crowd noun, an armed or
    civilian group, a community ("Pokot", "Turkana"), or a named person who is attacked or shot."""
    lemma = token.lemma_.lower()
    for part in roles(token):
        if part is None:
            continue
        low = part.lemma_.lower()
        if low in VICTIM_NOUNS or low in CROWD_NOUNS or part.lower_ in CROWD_NOUNS or sector_noun(part):
            return True
        if part.ent_type_ == "NORP" or (part.ent_type_ == "PERSON" and lemma != "beat"):
            return True
    return False


def find_triggers(doc: Doc) -> list[Trigger]:
    lex = lexicon()
    found = []
    for token in doc:
        if token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") or token.is_stop and token.lower_ not in ("fire",):
            continue
        if (token.ent_type_ in NOT_TRIGGER_ENTS and not _headline_word(token)) or token.lower_ == "according":
            continue  # "March 14", "Rally Party", "Strike Force Ltd": names and dates are not events
        if token.dep_ in ("amod", "compound", "nmod") and token.head.lower_ in GEAR_HEADS and \
                token.lemma_.lower() in ("riot", "bomb", "explosive", "petrol"):
            continue  # "anti-riot police", "riot gear", "a bomb squad": who they are, not what happened
        if token.lemma_.lower() in ATTRIBUTION_VERBS and any(c.dep_ == "ccomp" and c.i < token.i
                                                             for c in token.children):
            continue  # "border agents abused migrants, a rights group charged": the report's source
        if token.lemma_.lower() == "fight" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() in ("life", "survival", "justice", "right", "rights", "freedom") for g in c.children)
                for c in token.children):
            continue  # "fighting for his life", "fight for justice": no fight between parties
        negated = any(c.dep_ == "neg" for c in token.children) or _negated(token)
        for key in _keys(token):
            entries = lex.triggers.get(key)
            if not entries:
                continue
            if key == "protest to" and not _addressee(token):
                continue  # "protest against the allocation of land to a developer": no protest note
            if key == "burn" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children):
                continue  # "a tank burns after catching fire": something burning is no act
            entry = _first_fitting(entries, token)
            if entry is not None:
                cls = lex.classes[entry.cls]
                if cls.name == "kill" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in DISASTERS
                                              for c in token.children):
                    break  # "flood victims", "earthquake deaths": not violence
                if not negated:
                    found.append(Trigger(token, cls))
                elif cls.family in COOPERATIVE and token.pos_ == "VERB" and \
                        any(c.dep_ == "neg" for c in token.children):
                    # "will not accept more refugees", "would not meet the demands": a refusal
                    found.append(Trigger(token, lex.classes["reject"]))
                break
    # a raid or crackdown told with arrests and no killing is an arrest operation
    # ("detained 12 people in overnight raids", "conducting raids to detain activists")
    arresting = {t.token.sent.start for t in found if t.cls.name == "arrest"}
    killing = {t.token.sent.start for t in found if t.cls.name == "kill"}
    exchanging = {t.token.sent.start for t in found if t.cls.name == "agreement" and
                  t.token.lemma_.lower() in ("exchange", "swap")}
    pressing = {t.token.sent.start for t in found if t.cls.family == "protest" or t.cls.name == "demand"}
    for t in found:
        if t.cls.family == "violence" and t.token.lemma_.lower() in ENTRY_WORDS and t.token.sent.start in pressing:
            t.cls = lex.classes["protest"]  # "youths stormed the law courts to demand an explanation"
        elif t.cls.family == "violence" and t.token.lemma_.lower() in SEARCH_WORDS and \
                t.token.sent.start in arresting - killing:
            t.cls = lex.classes["arrest"]
        elif t.cls.name == "release" and t.token.sent.start in exchanging:
            t.cls = lex.classes["agreement"]  # "released 30 rebels in exchange for 16 soldiers": a swap
    return found


def _headline_word(token: Token) -> bool:
    """A capitalised event word opening a sentence that the model took for a one-word name:
    "Riot breaks out among supporters", "Raid - details not specified"."""
    return token.i == token.sent.start and token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ == "B" and \
        (token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I")


def _addressee(token: Token) -> bool:
    """Whether "protest to X" addresses someone (a state, an official, an organisation)."""
    to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    pobj = _child(to, "pobj") if to is not None else None
    return pobj is not None and (pobj.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") or sector_noun(pobj) is not None
                                 or country_token(pobj) is not None)


def _negated(token: Token) -> bool:
    """An act said not to have happened: "no reports of violence or running battles", "without
    a shot being fired", "no casualties"."""
    t = token
    for _ in range(4):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or t.lower_ in ("without", "devoid"):
            return True
        if t.dep_ not in ("pobj", "prep", "conj", "compound", "pcomp") or t.head is t:
            return False
        t = t.head
    return False


GOVERNING = {"reject", "request", "threaten", "agree", "consult"}  # families whose object has not happened
PLAN_WORDS = {"plan", "plot", "prepare", "intend", "conspire", "scheme"}
EMBEDDING_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "pcomp", "relcl"}


def drop_governed(triggers: list[Trigger]) -> list[Trigger]:
    """Drop triggers that are the content of another act: "refused to deploy", "demanded the
    release", "threatened to attack", "agreed to withdraw" report the refusal, demand, threat or
    agreement — the deployment or attack has not happened (yet); "explosive devices were found"
    reports a find, not an explosion."""
    by_token = {t.token.i: t for t in triggers}
    kept = []
    for trig in triggers:
        token, governed = trig.token, False
        for _ in range(4):
            deps = EMBEDDING_DEPS | ({"nsubjpass", "appos"} | ({"conj"} if token.pos_ == "NOUN" else set())
                                    if trig.cls.family == "violence" else set())
            if token.dep_ not in deps or token.head is token:
                break
            token = token.head
            gov = by_token.get(token.i)
            if gov is not None and gov.cls.family != trig.cls.family and (
                    gov.cls.family in GOVERNING or gov.cls.name == "disrupted"):
                governed = True
                break
            if trig.cls.family == "violence" and token.lemma_.lower() in PLAN_WORDS:
                governed = True  # "plotting to launch attacks", "prepared to resume shelling": not yet
                break
        if not governed and not _protest_cause(trig, by_token):
            kept.append(trig)
    # weapons named in a sentence that tells of their seizure or defusal, with no act of
    # violence of their own ("seized two landmines, IEDs and grenades"), are its objects
    seizing = {t.token.sent.start for t in kept if t.cls.name == "disrupted"}
    acting = {t.token.sent.start for t in kept if t.cls.family == "violence" and
              (t.token.pos_ == "VERB" or t.cls.name == "kill")}
    return [t for t in kept if not (t.cls.family == "violence" and t.token.pos_ != "VERB" and
                                    t.token.sent.start in seizing - acting)]


CAUSE_PREPS = {"against", "over", "following", "after", "about", "at", "of", "for"}


def _protest_cause(trig: Trigger, by_token: dict[int, Trigger]) -> bool:
    """Violence that a protest is about is not part of the protest: "residents protested the
    killing of a boda boda rider", "demonstrations against police killings", "youths marched
    over the death of ..." — the protest is the event, the killing its cause (told elsewhere)."""
    if trig.cls.family != "violence":
        return False
    token, via_prep = trig.token, False
    first = token.dep_
    for _ in range(5):
        if token.dep_ not in EMBEDDING_DEPS | {"conj", "compound", "advcl"} or token.head is token:
            return False
        if any(m.dep_ == "mark" and m.lower_ in CAUSE_PREPS | {"because", "since"} for m in token.children):
            via_prep = True  # "protested after a pedestrian was killed"
        token = token.head
        if token.dep_ == "prep" and token.lower_ in CAUSE_PREPS or token.lower_ in CAUSE_PREPS:
            via_prep = True
        gov = by_token.get(token.i)
        if gov is not None and gov.cls.family == "protest":
            return via_prep or first == "dobj" and token.pos_ == "VERB"
    return False


PURPOSE_VERBS = {"demand", "complain", "protest", "call", "press", "seek", "push", "ask", "oppose", "denounce",
                 "condemn", "decry", "agitate", "petition", "express", "register", "voice", "highlight", "mourn",
                 "commemorate", "honour", "honor", "remember", "urge", "appeal"}
NEGATORS = {"no", "without", "devoid", "absence", "free", "not", "never", "nor"}


def _aside_tokens(token: Token) -> set[int]:
    """Words about a protest rather than of it: its cause ("against rising violence", "after a
    man was killed", "protested the killing of ...") and what did not happen ("no reports of
    violence", "devoid of running battles")."""
    out: set[int] = set()
    # "protesters gathered to demand the arrest of ...": the verb a protester noun is the subject of
    heads = [token] + ([token.head] if token.dep_ in ("dobj", "pobj", "attr") or
                       token.dep_ == "nsubj" and token.pos_ == "NOUN" else [])
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS - {"at", "of", "for"} | {"on"} or \
                    c.dep_ == "dobj" and h.pos_ == "VERB" and h.lemma_.lower() in ("protest", "demonstrate") or \
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CAUSE_PREPS | {"because", "since"}
                                              for m in c.children) or \
                    c.dep_ == "prep" and c.lower_ == "following" or \
                    c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in PURPOSE_VERBS:
                # "marched to demand compensation for violence", "to complain about violence"
                out |= {t.i for t in c.subtree}
    # a participle set off by a comma tells what the protesters did, wherever the parser hangs it
    # ("protest the poor state of a road, burning tyres")
    doc = token.doc
    for i in sorted(out):
        t = doc[i]
        left = t.left_edge.i
        if t.dep_ in ("advcl", "acl", "conj", "appos") and left > 0 and doc[left - 1].text == "," and \
                any(x.tag_ == "VBG" and x.lemma_.lower() not in PURPOSE_VERBS for x in t.subtree) and \
                t.lemma_.lower() not in PURPOSE_VERBS:
            out -= {x.i for x in t.subtree}
    return out


def _scene_words(ev) -> set[str]:
    """The words of a protest's sentences that tell how it went (not its cause, not negated)."""
    skip: set[int] = set()
    for trig in ev.triggers:
        if trig.cls.family == "protest":
            skip |= _aside_tokens(trig.token)
    words: set[str] = set()
    for sent in ev.sentences():
        for t in sent:
            if t.i in skip:
                continue
            if t.lower_ in NEGATORS or any(a.lower_ in NEGATORS and a.dep_ in ("det", "neg", "prep", "amod", "acomp")
                                           for a in [t.head, *t.head.children] if a.i < t.i) or _negated(t):
                continue
            if t.dep_ in ("compound", "amod", "nmod") and t.head.lower_ in GEAR_HEADS:
                continue  # "anti-riot police", "riot gear", "petrol station"
            words |= {t.lower_, t.lemma_.lower()}
            if t.lemma_.lower() == "fire" and t.head.lemma_.lower() in ("set", "light", "lit", "start"):
                words.add("arson")  # "set fire to market stalls", "lit fires on the road"
    return words


AFTERMATH = {"intervene", "intervened", "teargas", "teargassed", "tear-gassed", "arrest", "arrests", "arrested",
             "disperse", "dispersed", "detain", "detained"}


def _aftermath_words(doc: Doc, ev) -> set[str]:
    """Words of the sentences right after a protest that tell how police met it ("Police
    intervened.", "Police made arrests.") — a note's next sentence continues its protest."""
    last = max(t.token.sent.end for t in ev.triggers)
    words: set[str] = set()
    for sent in list(doc[last:].sents)[:2] if last < len(doc) else []:
        low = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        root = sent.root
        subj = _child(root, "nsubj", "nsubjpass")
        if not (low & AFTERMATH and subj is not None and subj.lower_ in SECURITY_WORDS) or \
                any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in root.children):
            break  # not the police's response ("the police have long harassed them" is a grievance)
        if any(sent.start_char <= d.start < sent.end_char for d in doc._.dates or []):
            break  # another day: another event
        words |= {t.lower_ for t in sent if not _negated(t)} | {t.lemma_.lower() for t in sent if not _negated(t)}
    return words


def _own_violence(trig: Trigger) -> bool:
    """Whether a violence trigger told in a protest's sentences is violence at the protest, rather
    than what the protest is about or how a crowd pressed its demand: death words ("protested the
    murder", "accused a local of the death"), acts told of a participant ("the suspect who killed
    the man"), entries ("stormed the governor's offices")."""
    lemma = trig.token.lemma_.lower()
    if trig.token.pos_ != "VERB" and (lemma in DEATH_NOUNS or trig.cls.name == "attack"):
        return False  # "against the attacks", "over incidents of cattle rustling": named, not done
    if lemma in ENTRY_WORDS:
        return False
    if trig.token.dep_ == "acl" and trig.token.tag_ == "VBN":
        return False  # "the death of a schoolchild hit by a car": told of a participant
    return not describes_participant(trig.token)


AIRCRAFT = {"warplane", "jet", "aircraft", "plane", "drone", "helicopter", "chopper", "gunship", "bomber", "uav",
            "airforce"}
LAUNCHED = {"missile", "rocket", "shell", "mortar", "artillery", "projectile"}


def _remote_destruction(ev) -> EventClass | None:
    """Weapons or positions destroyed from the air or by missiles are a strike, not a seizure:
    "warplanes destroyed an arms depot", "launched missiles and destroyed artillery batteries"."""
    lex = lexicon()
    for trig in ev.triggers:
        verb = trig.token
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("destroy", "hit", "target"):
            continue
        heads = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
        subj = next((c for h in heads for c in h.children if c.dep_ == "nsubj"), None)
        if subj is not None and (subj.lemma_.lower() in AIRCRAFT or any(
                c.lemma_.lower() in AIRCRAFT for c in subj.children if c.dep_ == "compound")):
            return lex.classes["aerial"]
        for other in [verb.head] + list(verb.children):
            if other is not verb and other.pos_ == "VERB" and other.lemma_.lower() in ("launch", "fire") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in LAUNCHED for c in other.children):
                return lex.classes["shelling"]
    return None


def _first_fitting(entries: list[TriggerEntry], token: Token) -> TriggerEntry | None:
    """The first reading whose part of speech fits and whose `needs` words are in the clause —
    a reading whose words are in the verb's own object first ("seized two landmines ... in
    Donetsk region" is a weapons seizure, not a capture of territory)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if objects and sum(e.needs is not None for e in entries) > 1:
        obj_words = {w for o in objects for t in o.subtree for w in (t.lower_, t.lemma_.lower())}
        for e in entries:
            if e.needs is not None and e.needs & obj_words and (e.pos != "VERB" or token.pos_ == "VERB"):
                return e
    words = None
    for e in entries:
        if e.pos == "VERB" and token.pos_ != "VERB" or e.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
            continue
        if e.needs is not None:
            words = words or _clause_words(token)
            if not (e.needs & words):
                continue
        return e
    return None


# ---------------------------------------------------------------- participants
def _np_text(token: Token) -> str:
    """A participant's name: its noun phrase without determiners, numbers and relative clauses."""
    cuts = [c.left_edge.i for c in token.rights if c.dep_ in ("relcl", "acl", "prep", "punct", "cc", "conj", "appos")]
    end = min(cuts, default=token.right_edge.i + 1)  # "villagers who saw ...": the clause's "who" goes too
    keep = []
    for t in token.subtree:
        if t.i >= end or t.i > token.i and t.dep_ in ("relcl", "acl", "prep", "punct", "cc", "conj", "appos"):
            break
        keep.append(t)
    skip = {"det", "nummod", "quantmod", "predet", "advmod", "punct", "case"}
    words = [t.text for t in keep if t.dep_ not in skip and not t.like_num]
    return " ".join(words) or token.text


def event_actor(doc: Doc, token: Token | None, place_country: str | None = None) -> dict | None:
    """An event's source or target from a token: a known actor, a pronoun's antecedent, or a phrase."""
    if token is None:
        return None
    low = token.lower_
    if low in PRONOUNS:
        actor = _speaker_actor(doc, token) if low in ("we", "us", "our") else None
        if actor is None:
            actor = antecedent(doc, token, person=low in ("he", "she", "him", "her", "his"))
        if actor is None:
            return None
        return {"actor": actor.id, "name": actor.name, "country": actor.country, "sector": actor.sector}
    actor = actor_at(doc, token.idx, token.idx + len(token))
    if actor is None and token.pos_ == "NOUN":  # "al-Shabaab militants": the named group the noun belongs to
        left = [t for t in token.lefts if t.dep_ in ("compound", "amod", "poss")]
        verbs = [i for i, t in enumerate(left) if lexicon().triggers.get(t.lemma_.lower())]
        if verbs:  # "Mungiki sect attacks police officers": the officers are not Mungiki's
            left = left[verbs[-1] + 1:]
        if left:
            start = left[0].left_edge.idx if not verbs else left[0].idx
            actor = actor_at(doc, start, token.idx)
            if actor is not None and actor.kind == "person":
                actor = None
    if actor is not None:
        name = actor.name
        if token.tag_ == "NNS" and token.lemma_.lower() in CROWD_NOUNS and actor.sector not in ARMED_SECTORS \
                and actor.kind != "person" and not actor_at(doc, token.idx, token.idx + len(token)):
            name = f"{actor.name} {token.text}"  # "ODM supporters": the party's crowd, not the party
        return {"actor": actor.id, "name": name, "country": actor.country, "sector": actor.sector}
    lemma = token.lemma_.lower()
    country = country_token(token)
    sector = sector_noun(token)
    if sector is not None and any(c.dep_ in ("amod", "compound", "nmod") and (c.lower_ in UNARMED_MODS or "".join(
            x.lower_ for x in c.subtree) in UNARMED_MODS) for c in token.children):  # "off - duty" split in three
        sector = "CVL"  # "an unarmed junior officer", "an off-duty policeman": not a fighting party
    if sector is None and lemma in GROUP_HEADS:
        group = _group_of(doc, token, place_country)
        if group is not None:
            return group
    if sector is None and country is None and lemma not in VICTIM_NOUNS and lemma not in CROWD_NOUNS:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _child(of, "pobj") if of is not None else None
        if pobj is not None:  # "the positions of Kenyan troops", "scores of terrorists"
            return event_actor(doc, pobj, place_country)
    if country and not sector:
        from dyad.lexicons import actor_dictionary
        name = actor_dictionary().country_names.get(country, token.text)
        return {"actor": None, "name": name, "country": country, "sector": "GOV"}
    if sector is None and (lemma in VICTIM_NOUNS or low in VICTIM_NOUNS or lemma in CROWD_NOUNS or
                           low in CROWD_NOUNS):
        sector = "CVL"
    if sector is None and token.pos_ == "NOUN":  # "a police post", "an army convoy": whose it is
        sector = next((sn for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i
                       and (sn := sector_noun(c)) in ("MIL", "COP")), None)
    if sector is None and token.pos_ != "PROPN":
        return None  # "civilian areas", "the action": not a participant we can name
    for t in token.subtree:
        if t.i < token.i and (iso := country_token(t)):
            country = iso
            break
    if country is None and sector == "CVL":
        country = place_country
    return {"actor": None, "name": _np_text(token), "country": country, "sector": sector}


GROUP_HEADS = {"member", "supporter", "follower", "adherent", "loyalist", "man", "men", "youth", "group", "faction",
               "element", "suspect", "unit", "cell", "band", "squad", "wing", "affiliate", "recruit", "operative",
               "people", "person"}


def _group_of(doc: Doc, token: Token, place_country: str | None) -> dict | None:
    """The armed or organised group a generic noun belongs to: "members of al-Shabaab", "gang
    members", "militia men", "police reservists" — the group decides the side, not "members"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = _child(of, "pobj") if of is not None else None
    if pobj is not None and pobj.lemma_.lower() not in VICTIM_NOUNS | GROUP_HEADS:
        part = event_actor(doc, pobj, place_country)
        if part is not None and part.get("sector") in ARMED_SECTORS:
            return part
    for c in token.children:
        if c.dep_ in ("compound", "amod") and c.i < token.i:
            sector = sector_noun(c)
            if sector is not None and sector != "CVL":
                return {"actor": None, "name": _np_text(token), "country": country_token(c), "sector": sector}
    return None


def phrase_sector(phrase: str | None) -> str | None:
    """The sector a casualty group's words imply: "police officers" -> COP, "villagers" -> CVL."""
    from dyad.lexicons import actor_dictionary
    words = [w for w in (phrase or "").lower().replace("-", " ").split() if w.isalpha()]
    if not words:
        return None
    nouns = actor_dictionary().sector_nouns

    def sing(w: str) -> str:
        for suffix, repl in (("ies", "y"), ("men", "man"), ("s", "")):
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                return w[: -len(suffix)] + repl
        return w
    last = sing(words[-1])
    if len(words) > 1 and f"{sing(words[-2])} {last}" in nouns:
        return nouns[f"{sing(words[-2])} {last}"]
    if last in nouns or words[-1] in nouns:
        return nouns.get(last) or nouns[words[-1]]
    if any(w in VICTIM_NOUNS or sing(w) in VICTIM_NOUNS or w in ("civilians", "children") for w in words):
        return "CVL"
    return None


LOCATIVE = {"in", "at", "near", "on", "from", "to", "into", "inside", "outside", "along", "across", "around",
            "of", "between", "within", "towards", "toward"}
CLAUSE_STOPS = {";", ":", "--", "—"}


def _linear_candidate(doc: Doc, t: Token, triggers: set[int], place_country: str | None) -> dict | None:
    """A participant named by a noun near a trigger, when the parse gives no role: a known actor,
    a sector noun ("police", "bandits"), a victim noun ("villagers") — not a place or a date."""
    if t.pos_ not in ("NOUN", "PROPN") or t.i in triggers or t.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return None
    if t.ent_type_ in ("GPE", "LOC", "FAC") and t.head.lower_ in LOCATIVE:
        return None
    part = event_actor(doc, t, place_country)
    if part is None or (part.get("actor") is None and part.get("sector") is None):
        return None
    return part


def _blocks(t: Token, triggers: set[int]) -> bool:
    """A noun that is no participant ends the search: "an attack on a lorry" names no target
    further on. Places ("in Mandera"), dates and the event's own words do not."""
    if t.pos_ not in ("NOUN", "PROPN") or t.i in triggers or t.dep_ == "compound":
        return False
    if t.ent_type_ in ("DATE", "TIME", "CARDINAL", "GPE", "LOC", "FAC") or t.head.lower_ in LOCATIVE - {"of"}:
        return False
    return True


def linear_roles(doc: Doc, trigger: Token, triggers: set[int], place_country: str | None):
    """Source and target by word order, for clauses the parser misreads (headlines, notes):
    the nearest participant before the trigger acts, the nearest after it undergoes — reversed
    for a passive verb, whose participant before it is the target."""
    sent = trigger.sent
    left = right = None
    for t in reversed(doc[sent.start:trigger.i]):
        if t.text in CLAUSE_STOPS:
            break
        if (left := _linear_candidate(doc, t, triggers, place_country)) is not None or _blocks(t, triggers):
            break
    for t in doc[trigger.i + 1:sent.end]:
        if t.text in CLAUSE_STOPS:
            break
        if t.dep_ == "compound" and t.head.i > t.i and t.head.i not in triggers and t.head.pos_ in ("NOUN", "PROPN"):
            continue  # "Degodia herdsman": the phrase's head names the participant
        if (right := _linear_candidate(doc, t, triggers, place_country)) is not None:
            if doc[t.i - 1].lower_ == "by" or t.head.lower_ == "by":
                return right, left  # "... were attacked by bandits"
            break
        if _blocks(t, triggers):
            break
    passive = trigger.pos_ == "VERB" and (trigger.tag_ == "VBN" and trigger.dep_ != "ROOT" or
                                          any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children))
    if passive:
        return None, left
    return left, right


def clash_sides(token: Token) -> list[Token]:
    """The parties of a two-sided fight, wherever the clause names them: "clashes between X and
    Y", "X clashed with Y", "X and Y clash", "fighting among rival groups"."""
    heads = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst", "with", "pitting"):
            heads += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("nsubj", "dobj", "compound") and c.pos_ in ("NOUN", "PROPN"):
            heads.append(c)
    if token.dep_ in ("dobj", "pobj") and token.head.lemma_.lower() in LIGHT_VERBS | {"engage", "break", "erupt", "in"}:
        verb = token.head if token.dep_ == "dobj" else token.head.head
        heads += [c for c in verb.children if c.dep_ == "nsubj"]
    if token.dep_ == "nsubj":  # "clashes broke out between ...", "fighting erupted among ..."
        heads += [g for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")
                  for g in c.children if g.dep_ == "pobj"]
    out = []
    for h in heads:
        out.append(h)
        out += [c for c in h.conjuncts if c.pos_ in ("NOUN", "PROPN")]
        if h.lower_ == "those" or h.lemma_.lower() in ("group", "side", "camp", "faction"):
            continue
    return out[:4]


@lru_cache(maxsize=1)
def communities() -> tuple[frozenset[str], frozenset[str]]:
    """Names of ethnic groups, clans and communities (lexicons/communities.toml), and those of
    them that are also the name of a place (a county, district or region)."""
    data = load_toml("communities.toml")
    names = frozenset(n for group in data["names"].values() for n in group)
    return names, frozenset(data["place_names"]["names"])


# the men of a community as a fighting or herding group: what makes "Turkana herders" the
# community and "Turkana residents" the people of a county
PEOPLE_NOUNS = {"herder", "herders", "herdsman", "herdsmen", "herdboys", "raider", "raiders", "warrior", "warriors",
                "moran", "morans", "militia", "militias", "militiamen", "militiaman", "fighters", "youths", "youth",
                "community", "communities", "clan", "clans", "clansmen", "tribe", "tribes", "tribesmen", "elders",
                "pastoralists", "bandits", "rustlers", "attackers", "gunmen", "men", "group", "groups", "ethnic"}
# a community's crowd: party supporters and fans are crowds whatever their community
CROWD_FOLLOWERS = {"supporter", "supporters", "follower", "followers", "fan", "fans", "student", "students"}


def community_words(words: list[str]) -> bool:
    """Whether a name's words (as written) hold a community's name: "Kalenjin youths", "Pokot
    raiders", "the Garre clan". A name that is also a place's counts only before a people's noun
    ("Turkana herders", not "Meru residents" or "in Embu"); a community's party supporters or
    students ("Luo supporters") are a crowd."""
    names, places = communities()
    parts = [p for w in words for p in w.split("-") if p]
    for i, w in enumerate(parts):
        nxt = parts[i + 1].lower() if i + 1 < len(parts) else ""
        if nxt in CROWD_FOLLOWERS:
            continue
        if nxt and f"{w} {parts[i + 1]}" in names:  # "Habar Gidir"
            return True
        if w in names and (w not in places or nxt in PEOPLE_NOUNS):
            return True
    return False


def _communal(participant: dict) -> bool:
    """A participant named as a community's men ("Pokot raiders", "Kalenjin youths"): a communal
    militia, not an unorganised crowd. Security forces and a community's party supporters are not."""
    words = (participant.get("name") or "").split()
    if not words or participant.get("sector") in ("MIL", "COP", "GOV"):
        return False
    return community_words(words)


GENERIC_DEAD = (["people"], ["persons"], ["person"])
COMMUNITY_NOUNS = {"people", "person", "resident", "villager", "local", "member", "community"}


def _is_crowd(participant: dict, communal: bool = True) -> bool:
    """Unarmed people acting together: "youths", "residents", "ODM supporters" (a party's crowd).
    `communal=False` leaves out the words for a community ("residents", "villagers", "people"),
    whose fights with another community are communal clashes; armed crowds are militias."""
    name = (participant.get("name") or "").lower().split()
    last = name[-1] if name else ""
    stem = last[:-1] if last.endswith("s") else last
    if not name or "armed" in name or not (last in CROWD_NOUNS or stem in CROWD_NOUNS) or _communal(participant):
        return False
    if not communal and (last in COMMUNITY_NOUNS or stem in COMMUNITY_NOUNS):
        return False
    return (participant.get("actor") is None or len(name) > 1) and participant.get("sector") not in ARMED_SECTORS


# nouns of a fight that name its two sides with "between" ("violence between rival clans", "a
# confrontation between farmers and pastoralists"); not its causes ("a dispute/tensions between")
FIGHT_NOUNS = {"violence", "confrontation", "fight", "fighting", "skirmish", "melee", "battle", "clash"}


def _fight_between(ev) -> Token | None:
    """A fight noun with its two sides in the sentence of the event's main word: the deaths and
    wounds told with it are that fight's toll, whoever is named as killing. (Not a later sentence,
    which tells what the attack "is suspected to be linked to".)"""
    for sent in [ev.main.sent]:
        for t in sent:
            if t.lemma_.lower() in FIGHT_NOUNS and t.pos_ == "NOUN" and any(
                    c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst") and _child(c, "pobj") is not None
                    for c in t.children):
                return t
    return None


FIGHT_WORDS = {"violence", "fighting", "resistance", "clash", "casualty", "shot", "gunfire", "fight", "battle"}


def _no_fight(doc: Doc, ev) -> bool:
    """Whether the event's sentences or the next one say that no fighting took place ("no violence
    was reported", "without resistance", "took the town without a fight"): ground taken so is a
    non-violent transfer of territory."""
    sents = ev.sentences()
    if not sents:
        return False
    nxt = doc[sents[-1].end].sent if sents[-1].end < len(doc) else None
    for sent in sents + ([nxt] if nxt is not None else []):
        for t in sent:
            if t.lemma_.lower() in FIGHT_WORDS and (
                    any(c.lower_ in ("no", "without") for c in t.children) or t.head.lower_ == "without"):
                return True
    return False


# killings of people held or unresisting: whoever the victims are, they did not fight
EXTRAJUDICIAL = {"extrajudicial", "extra-judicial", "summarily", "execution-style"}


# security forces' response to an attack: "police intervened, killing three raiders", "officers
# returned fire", "police responded, shooting dead two"
RESPONSE_VERBS = {"intervene", "respond", "fire", "repulse", "pursue", "engage", "return", "repel", "chase"}


def _security_response(doc: Doc, ev) -> bool:
    """Whether security forces answer the event with lethal force in its sentences or the next one
    ("Raiders attacked a village. Police intervened, killing three of them."): the attackers then
    fought an armed side, which ACLED codes as a battle."""
    sents = ev.sentences()
    if not sents:
        return False
    last = sents[-1]
    nxt = doc[last.end].sent if last.end < len(doc) else None
    for sent in sents + ([nxt] if nxt is not None else []):
        for t in sent:
            opened_fire = t.lemma_.lower() == "open" and any(c.lemma_.lower() == "fire" for c in t.children)
            if t.lemma_.lower() not in RESPONSE_VERBS and not opened_fire or t.pos_ != "VERB":
                continue
            subj = _child(t, "nsubj")
            if subj is None or sector_noun(subj) not in ("COP", "MIL"):
                continue
            if any(w.lemma_.lower() in ("kill", "shoot") for w in doc[t.i + 1:sent.end]):
                return True
    return False


def _speaker_actor(doc: Doc, token: Token):
    """'we' inside a quote stands for the speaker's side: the speaker's state, else the speaker."""
    for q in doc._.quotes or []:
        if q.start <= token.idx < q.end and q.speaker_actor:
            speaker = next((a for a in doc._.actors if a.id == q.speaker_actor), None)
            if speaker is None:
                return None
            if speaker.kind == "person" and speaker.country:
                state = next((a for a in doc._.actors if a.kind == "state" and a.country == speaker.country), None)
                return state or speaker
            return speaker
    return None


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _destination_country(token: Token) -> str | None:
    """The country a trip goes to ("travelled to Afghanistan", "visit to Kenya"), when named."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return country_token(obj)
    if token.lemma_.lower() == "visit":
        obj = _child(token, "dobj")
        return country_token(obj) if obj is not None else None
    return None


def _shared_subject(token: Token) -> Token | None:
    """The subject of the nearest earlier clause of the sentence ("Police pursue raiders; kill many")."""
    for t in reversed(token.doc[token.sent.start:token.i]):
        if t.dep_ == "nsubj" and t.head.pos_ == "VERB" and t.head.i < token.i:
            return t
    return None


def roles(token: Token) -> tuple[Token | None, Token | None]:
    """(source token, target token) of a trigger from its clause.

    A noun with a subject of its own is a verb the tagger misread, as in headlines ("Armed
    group attacks villagers"); a verb with no subject shares the subject of the clause before
    it ("Police pursue raiders; kill many").
    """
    if token.lower_ == "death" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB":
        return roles(token.head.head)  # "stoned to death", "hacked to death": the verb's clause
    if token.pos_ == "VERB" or token.pos_ in ("NOUN", "PROPN") and _child(token, "nsubj") is not None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        reduced = token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN")
        if passive or reduced:  # "were killed by raiders"; "2 herders killed by raiders"
            agent = _child(token, "agent")
            src = _child(agent, "pobj") if agent is not None else None
            return src, (token.head if reduced else _child(token, "nsubjpass"))
        src = _child(token, "nsubj")
        tgt = _child(token, "dobj")
        if tgt is None:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")),
                        None)
            tgt = _child(prep, "pobj") if prep is not None else None
        head = token
        for _ in range(3):  # "gunmen stormed the village, killing five": the subject of the governing clause
            if src is not None or head.dep_ not in ("advcl", "conj", "xcomp", "acl", "relcl"):
                break
            parent = head.head
            if head.dep_ == "xcomp":
                src = _child(parent, "dobj") or _child(parent, "nsubj")
            elif head.dep_ == "relcl":
                src = parent
            else:
                src = _child(parent, "nsubj")
            head = parent
        if src is None and token.pos_ == "VERB" and token.dep_ in ("ROOT", "conj", "parataxis"):
            src = _shared_subject(token)
        return src, tgt
    # nominal trigger
    src = tgt = None
    for c in token.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and country_token(c)):
            src = src or c
        elif c.dep_ == "prep" and c.lower_ == "by":
            src = src or _child(c, "pobj")
        elif c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "targeting", "of"):
            tgt = tgt or _child(c, "pobj")
    if src is None and token.dep_ in ("dobj", "pobj") and token.head.lemma_.lower() in LIGHT_VERBS | {"out"}:
        verb = token.head if token.dep_ == "dobj" else token.head.head
        src = _child(verb, "nsubj")
        if src is None and verb.head.lemma_.lower() in LIGHT_VERBS:
            src = _child(verb.head, "nsubj")
    return src, tgt


INTENT_HEADS = {"ready", "willing", "prepared", "offer", "promise", "pledge", "intend", "commit", "committed",
                "plan", "agree", "vow"}
BACKGROUND_MARKS = {"after", "following", "despite", "amid", "amidst", "since", "before", "because", "until",
                    "unless"}
SETTING_NOUNS = {"scene", "site", "epicentre", "epicenter", "hotbed", "theatre", "theater", "history", "year",
                 "decade", "cycle", "legacy", "memory", "anniversary", "some"}
BACKGROUND_NOUNS = {"wake", "response", "aftermath", "retaliation", "reprisal", "revenge", "spite", "light"}


def background(token: Token, classes: dict[int, EventClass] | None = None) -> bool:
    """Whether a trigger is told as background of another act: "agreed to a ceasefire after two
    days of fighting", "surrendered following a government offensive", "despite the air
    strikes", "in the wake of the killings" — the sentence reports the main clause's act.

    Not when the main clause tells the same incident's outcome: "twelve people were killed
    after suicide bombers struck", "nine students were arrested after they burned a dormitory"
    report the strike and the riot (`classes` maps trigger tokens to their classes)."""
    t = token
    for _ in range(8):
        gov = None
        if any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in t.children):
            gov = t.head
        elif t.dep_ == "prep" and t.lower_ in BACKGROUND_MARKS:
            gov = t.head
        elif t.dep_ == "pobj" and t.lower_ in BACKGROUND_NOUNS and t.head.lower_ == "in":
            gov = t.head.head
        elif t.dep_ == "dobj" and t.head.lemma_.lower() == "cite" and t.head.dep_ in ("advcl", "xcomp"):
            gov = t.head.head  # "outlawed the movement, citing attacks on police": the stated reason
        elif t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children):
            return True  # "ceasefire in the regions where fighting has left scores dead": the setting
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in SETTING_NOUNS:
            return True  # "the scene of some of the fiercest fighting", "years of conflict"
        elif t.dep_ in ("relcl", "acl") and t.head.dep_ in ("dobj", "pobj", "nsubjpass", "attr") \
                and classes is not None and t.head.head.i in classes and t.head.head.i != token.i:
            return True  # "captured a commander who led the shelling": the act describes a participant
        if gov is not None:
            cls = (classes or {}).get(gov.i)
            return not (cls is not None and cls.name in ("kill", "arrest"))
        if t.head is t or t.dep_ == "ROOT":
            return False
        t = t.head
    return False


def _not_aerial(token: Token) -> bool:
    """"air" that names no aircraft: shots fired "in/into the air", an "open air" camp."""
    if token.lower_ != "air":
        return False
    prev = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return prev == "open" or token.dep_ == "pobj" and token.head.lower_ in ("in", "into", "up")


def _reason_for(token: Token, triggers: set[int]) -> bool:
    """Whether an act is told as the reason for another of the event's acts or about its victim:
    "lynched a man for suspected rape", "killed a man who had confessed to defiling a child" —
    the lynching is the event, the rape what the man was accused of."""
    t = token
    for _ in range(6):
        if t.head is t:
            return False
        gov = t.head.head
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "for" and (
                gov.i in triggers or gov.dep_ in ("dobj", "nsubjpass") and gov.head.i in triggers):
            return True
        if t.dep_ == "relcl" and t.head.head.i in triggers and t.head.dep_ in ("dobj", "nsubjpass", "pobj"):
            return True
        t = t.head
    return False


def describes_participant(token: Token) -> bool:
    """Whether a word sits in a relative clause about a participant ("people who organise
    demonstrations", "the unit that carried out the shelling")."""
    t = token
    for _ in range(6):
        if t.dep_ == "relcl" and t.head.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "nsubj"):
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def salience(doc: Doc, ev: Event, classes: dict[int, EventClass] | None = None) -> float:
    """How central an event is to the article: its kind, its toll, and how early it is told.

    News puts the main event in the headline and lede, so an event first told in the opening
    sentence gains over a weightier one mentioned in passing later.
    """
    first = min(t.token.i for t in ev.triggers)
    sents = list(doc.sents)
    lede = sents[0] if sents else None
    score = float(ev.cls.rank) - (6 if ev.secondary else 0)
    if ev.casualties.get("killed"):
        score += 2
    if all(background(t.token, classes) for t in ev.triggers if not t.anaphoric):
        score -= 6
    if classes is not None and any(main_clause(t.token, classes) for t in ev.triggers if not t.anaphoric):
        score += MAIN_BONUS if ev.cls.acled_type is None else MAIN_BONUS_TYPED
    if lede is not None and lede.start <= first < lede.end:
        score += 3
    elif "\n" not in doc.text[:doc[first].idx]:
        score += 1
    return score


MAIN_BONUS = 4  # the main act of a sentence outranks acts it embeds; within ACLED's kinds the kind matters more
MAIN_BONUS_TYPED = 3
REPORTING = {"say", "tell", "report", "add", "state", "claim", "allege", "charge", "quote", "confirm", "note",
             "explain", "write", "inform", "reveal", "indicate", "believe", "suspect", "learn", "understand",
             "announce", "declare", "insist", "stress", "emphasize", "emphasise"}
MAIN_DEPS = {"xcomp", "conj", "dobj", "attr", "oprd", "nsubj", "nsubjpass", "compound", "acomp", "appos"}


def main_predicate(token: Token) -> Token:
    """The predicate a sentence reports: its root, or what a reporting root reports ("X did Y,
    officials said"; "Nigeria announced that it will withdraw ...")."""
    root = token.sent.root
    for _ in range(3):
        if root.lemma_.lower() not in REPORTING:
            break
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")),
                    None)
        if comp is None:
            break
        root = comp
    return root


def main_clause(token: Token, classes: dict[int, EventClass]) -> bool:
    """Whether a trigger tells the sentence's main act: it is the main predicate, or reaches it
    through complements, conjuncts and arguments ("decided to allow", "imposed a curfew",
    "rejected ... and opposed") without passing through another kind of act ("rejected a US
    offer to host a summit": the offer and the summit are embedded in the rejection)."""
    main = main_predicate(token)
    own = classes.get(token.i)
    t = token
    for _ in range(6):
        if t.i == main.i:
            return True
        if t.dep_ not in MAIN_DEPS or t.head is t:
            return False
        gov = classes.get(t.head.i)
        if gov is not None and own is not None and gov.family != own.family and t.dep_ != "conj":
            return False  # coordinated acts are equally main ("torched shops and pelted police")
        t = t.head
    return False


# ---------------------------------------------------------------- the component
class Events(Component):
    name = "dyad_events"

    def annotate(self, doc: Doc) -> None:
        events = self._group(doc, drop_figurative(doc, drop_governed(find_triggers(doc)), _human_participant))
        for ev in list(events):
            split = self._refine(doc, ev)
            if split:
                events.append(split)
        for ev in events:
            self._participants(doc, ev)
            self._refine_by_roles(doc, ev)
        for ev in events:
            self._intent(ev)
        events = drop_unpolitical(doc, events)
        events.sort(key=lambda e: (e.secondary, -e.cls.rank, e.main.i))
        self._casualties(doc, events)
        self._namesakes = namesakes(doc, doc._.places or [])  # once per document
        for ev in events:
            self._places_and_date(doc, ev)
            self._status(ev)
            ev.confidence = 0.4 + 0.1 * sum(x is not None and x != [] and x != {} for x in (
                ev.source, ev.target, ev.places or None, ev.date, ev.casualties.get("killed")))
        classes = {t.token.i: t.cls for e in events for t in e.triggers}
        events.sort(key=lambda e: (-salience(doc, e, classes), e.main.i))
        self._undated(doc, events)
        for i, ev in enumerate(events, 1):
            ev.id = f"e{i}"
        doc._.events = events

    def _group(self, doc: Doc, triggers: list[Trigger]) -> list[Event]:
        """Triggers -> events: one per family and sentence, continued by later sentences.

        Violence told in a protest's sentence, or continuing a protest, belongs to the protest
        (ACLED codes it as a riot, an intervention or excessive force, not as a separate attack).
        """
        events: list[Event] = []
        protest_sents = {t.token.sent.start for t in triggers if t.cls.family == "protest"}
        # protests the sentence tells, not ones that only describe whom an act was done to
        # ("detains people who organise demonstrations")
        told_protests = {t.token.sent.start for t in triggers if t.cls.family == "protest" and
                         not describes_participant(t.token)}
        for trig in triggers:
            fam = trig.cls.family
            if fam == "violence" and trig.cls.name in GENERIC_VIOLENCE and trig.token.sent.start in protest_sents:
                fam = "protest"
            if trig.cls.name == "arrest" and trig.token.sent.start in told_protests:
                fam = "protest"  # "police detained dozens of protesters": an intervention in the protest
            same_sent = next((e for e in events if e.family == fam and
                              any(t.token.sent.start == trig.token.sent.start for t in e.triggers)), None)
            if same_sent is not None:
                same_sent.triggers.append(trig)
                continue
            # violence named only as such in a later sentence ("boards that read stop violence") is no
            # part of the protest told before
            joinable = (fam, "protest") if fam == "violence" and trig.cls.name in GENERIC_VIOLENCE - {"violence"} \
                else (fam,)
            earlier = next((e for e in reversed(events) if e.family in joinable), None)
            if earlier is not None and fam in ("violence", "protest"):
                if self._refers_back(trig.token):
                    trig.anaphoric = True
                    earlier.triggers.append(trig)
                    continue
                if not self._new_setting(doc, trig.token.sent, earlier):
                    earlier.triggers.append(trig)
                    continue
            events.append(Event(id="", cls=trig.cls, triggers=[trig], family=fam))
        return events

    @staticmethod
    def _new_setting(doc: Doc, sent, earlier: Event) -> bool:
        """Whether a sentence sets a new scene — its own date, or a place the earlier event lacks.

        News tells one incident over several sentences ("militants attacked…", "officers fought
        back…", "two attackers were killed…"); a sentence with no date or place of its own
        continues the incident before it rather than starting another.
        """
        if any(sent.start_char <= d.start < sent.end_char for d in doc._.dates or []):
            return True
        before = {p.name.lower() for p in doc._.places or []
                  if any(s.start_char <= p.start < s.end_char for s in earlier.sentences())}
        here = {p.name.lower() for p in doc._.places or [] if sent.start_char <= p.start < sent.end_char}
        return bool(here - before)

    @staticmethod
    def _refers_back(token: Token) -> bool:
        """A definite or possessed event noun ("the strikes", "Pakistan's strikes"), or a
        death/injury word ("deaths", "killed") told after the event it belongs to."""
        if token.pos_ in ("NOUN", "PROPN"):
            if any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS or c.dep_ == "poss" for c in token.children):
                return True
            if token.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS
                                            for c in token.head.children):
                return True
        subj = _child(token, "nsubj")
        if subj is not None and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in subj.children):
            return lexicon().triggers.get(subj.lemma_.lower()) is not None
        return token.lemma_.lower() in ("kill", "die", "death", "dead", "wound", "injure", "casualty")

    def _refine(self, doc: Doc, ev: Event) -> Event | None:
        """The most specific class among the event's triggers and the modifiers of its sentences;
        returns an event split off it (an abduction told in a killing raid), if any."""
        lex = lexicon()
        family = ev.family or ev.cls.family
        own = {t.token.i for t in ev.triggers}
        told = [t for t in ev.triggers if t.cls.family == family and not _reason_for(t.token, own)]
        best = max((t.cls for t in told or ev.triggers if t.cls.family == family), key=lambda c: c.specificity,
                   default=lex.classes["protest"])
        words = set()
        for sent in ev.sentences():
            words |= {t.lower_ for t in sent if not _not_aerial(t)} | {t.lemma_.lower() for t in sent
                                                                     if not _not_aerial(t)}
        if family == "protest":
            words = _scene_words(ev) | _aftermath_words(doc, ev)
        split = None
        if family == "violence" and best.name == "abduction":
            # "attacked a village, killing a chief and abducting two": the killing raid is the event;
            # the abduction is told as an event of its own after it
            heavier = [t.cls for t in ev.triggers if t.cls.name in OUTWEIGH_ABDUCTION and not t.anaphoric]
            if heavier:
                best = max(heavier, key=lambda c: c.specificity)
                taken = [t for t in ev.triggers if t.cls.name == "abduction"]
                ev.triggers = [t for t in ev.triggers if t.cls.name != "abduction"]
                split = Event(id="", cls=lex.classes["abduction"], triggers=taken, family=family, secondary=True)
        if family == "violence":
            for mod_words, cls_name, over in lex.modifiers:
                if best.name in over and mod_words & words:
                    best = lex.classes[cls_name]
                    break
        if best.name == "disrupted":
            best = _remote_destruction(ev) or best
        if best.name in ("overtake", "regain") and _no_fight(doc, ev):
            best = lex.classes["transfer"]  # "overtook the village; no violence was reported"
        if family == "protest" and best.name in ("protest", "protest_intervention", "riot"):
            aside = set().union(*(_aside_tokens(t.token) for t in ev.triggers if t.cls.family == "protest"))
            violent = any(t.cls.family == "violence" and t.token.i not in aside and _own_violence(t)
                          for t in ev.triggers)
            police = bool(words & SECURITY_WORDS)
            rioting = bool(words & RIOT_WORDS) or best.name == "riot"
            spans = [(x.start_char, x.end_char) for x in ev.sentences()]
            # protesters shot, killed or hurt with no violence of their own told: force used on them
            hurt_protesters = violent and not words & STRONG_RIOT_WORDS and any(
                m.who and any(w in m.who.lower() for w in ("protest", "demonstrat", "marcher"))
                and m.outcome in ("killed", "injured") and any(a <= m.start < b for a, b in spans)
                for m in doc._.casualties or [])
            # "security forces violently dispersed a protest", "officers brutally attacked marchers"
            forceful = police and not words & STRONG_RIOT_WORDS and any(
                t.lower_ in ("violently", "brutally", "forcefully") and t.head.pos_ == "VERB" and any(
                    c.dep_ == "nsubj" and c.lower_ in SECURITY_WORDS for c in t.head.children)
                for sent in ev.sentences() for t in sent)
            if police and (violent or words & {"suppress", "suppressed", "gunfire"}) and words & FORCE_WORDS and \
                    ("peaceful" in words or "peacefully" in words or not words & STRONG_RIOT_WORDS) or \
                    hurt_protesters or forceful:
                best = lex.classes["excessive_force"]
            elif rioting or (violent and not police):
                # crowds fighting at a campaign rally, with no protest or riot told: mob violence
                rally = all(t.token.lemma_.lower() == "rally" for t in ev.triggers if t.cls.family == "protest")
                best = lex.classes["mob" if rally and not words & RALLY_RIOT else "riot"]
            elif words & INTERVENTION or (violent and police):
                best = lex.classes["protest_intervention"]
        ev.cls = best
        main = max(ev.triggers, key=lambda t: (not t.anaphoric, t.cls.family == family, t.cls.specificity))
        ev.triggers.remove(main)
        ev.triggers.insert(0, main)
        return split

    def _participants(self, doc: Doc, ev: Event) -> None:
        place_country = None
        for p in doc._.places or []:
            if any(s.start_char <= p.start < s.end_char for s in ev.sentences(anaphoric=False)) and p.country:
                place_country = p.country
                break
        for trig in ev.triggers:
            src, tgt = roles(trig.token)
            if src is not None and lexicon().triggers.get(src.lemma_.lower()) and \
                    src.lemma_.lower() not in AGENT_TRIGGERS:
                src = None  # "the strikes killed ..." — the subject is the event itself
            if ev.source is None and src is not None:
                ev.source = event_actor(doc, src, place_country)
            if ev.target is None and tgt is not None:
                ev.target = event_actor(doc, tgt, place_country)
                ev.target_by = "clause" if ev.target is not None else ""
        if ev.source is None or ev.target is None:
            src, tgt = linear_roles(doc, ev.main, {t.token.i for t in ev.triggers}, place_country)
            if ev.source is None and src is not None and src != ev.target:
                ev.source = src
            if ev.target is None and tgt is not None and tgt != ev.source:
                ev.target, ev.target_by = tgt, "order"
        if ev.cls.name == "visit" and ev.source and ev.source.get("country") and \
                _destination_country(ev.main) == ev.source["country"]:
            # nobody visits their own country: "he welcomed the Taliban after they seized Kabul and
            # travelled to Afghanistan" is his trip, which the parser hung on the clause about them
            up = ev.main.head.head if ev.main.dep_ == "conj" else None
            subj = _child(up, "nsubj") if up is not None and up.pos_ in ("VERB", "AUX") else None
            ev.source = event_actor(doc, subj, place_country) if subj is not None else None
        if ev.source and ev.target and ev.source.get("actor") and ev.source.get("actor") == ev.target.get("actor") \
                and ev.cls.violent:
            # "al-Shabaab attacked the town, opened fire on the residents": a pronoun or a word misread
            # as the attackers' own group; one side does not attack itself
            ev.target, ev.target_by = None, ""
        if ev.target is None and ev.cls.violent:
            for m in doc._.casualties or []:
                if m.who and any(s.start_char <= m.start < s.end_char for s in ev.sentences()):
                    ev.target = {"actor": None, "name": m.who, "country": place_country,
                                 "sector": phrase_sector(m.who)}
                    ev.target_by = "toll"
                    break

    def _refine_by_roles(self, doc: Doc, ev: Event) -> None:
        """Who fights decides the kind of violence.

        Two armed sides: a battle. A crowd (supporters, residents, youths, traders) doing the
        violence: a riot — a violent demonstration when the crowd is protesting, mob violence
        otherwise. Armed men against civilians: an attack.
        """
        lex = lexicon()
        tgt_name = ((ev.target or {}).get("name") or "").lower().split()
        if ev.cls.name == "property" and ev.target_by == "clause" and tgt_name and (
                (ev.target or {}).get("sector") in ("CVL", "CRM") and tgt_name[-1] not in ("property", "properties")):
            ev.cls = lex.classes["primitive"]  # "burnt a herder with a hot object", "set a thief alight": a person
        if ev.cls.name == "property" and _is_crowd(ev.source or {}):
            # "students set fire to the school", "traders burnt down three villas": a crowd's destruction
            words = {t.lemma_.lower() for sent in ev.sentences() for t in sent}
            ev.cls = lex.classes["riot" if words & PROTEST_CONTEXT else "mob"]
            return
        if ev.cls.name in ("regain", "overtake"):  # who takes the ground decides whose gain it is
            sector = (ev.source or {}).get("sector")
            if sector in ("MIL", "COP", "GOV"):
                ev.cls = lex.classes["regain"]
            elif sector in ("REB", "CRM", "UNK", "OPP"):
                ev.cls = lex.classes["overtake"]
            return
        if ev.cls.family != "violence" or ev.cls.name not in GENERIC_VIOLENCE:
            return
        src, tgt = ev.source or {}, ev.target or {}
        words = set()
        for sent in ev.sentences():
            words |= {t.lemma_.lower() for t in sent}
        if ev.cls.name == "clash" and (words & COMMUNAL or any(community_words([t.text for t in sent])
                                                                for sent in ev.sentences())):
            return  # "clashes between Borana and Gabra herders": communal militias fight a battle
        if ev.cls.name == "violence" and not src and not tgt and words & ELECTION_WORDS:
            ev.cls = lex.classes["riot"]  # "violence reported during national elections": unorganised unrest
            return
        fight = _fight_between(ev) if ev.cls.name in ("kill", "attack", "violence", "primitive") else None
        if fight is not None:
            ev.cls = lex.classes["clash"]  # "two killed in violence between rival clans": a two-sided fight
        s, t = src.get("sector"), tgt.get("sector")
        sides = [p for p in (event_actor(doc, x) for x in clash_sides(fight or ev.main)) if p is not None] \
            if ev.cls.name == "clash" else []
        crowd_side = any(_is_crowd(p, communal=False) for p in sides) and \
            not any(p.get("sector") in ARMED_SECTORS for p in sides)
        if ev.cls.name == "clash" and (s is None or t is None):
            # "clashes between ODM and PNU supporters", "police and hawkers clash": the sides
            others = [p for p in sides if p != src and p != tgt]
            if s is None and others:
                src, s = others[0], others[0].get("sector")
                others = others[1:]
            if t is None and others:
                tgt, t = others[0], others[0].get("sector")
                ev.target_by = ev.target_by or "clause"
        # two armed sides named ("government forces and Kurdish fighters clashed, killing several
        # people"): a battle, whoever its dead are; a party named as an organisation (not its
        # supporters) that fights soldiers is an armed group, not a crowd
        armed_sides = sum(1 for p in sides if p.get("sector") in ARMED_SECTORS) > 1
        crowd_vs_police = ev.cls.name == "clash" and not armed_sides and (
            s in ("MIL", "COP") and not _communal(tgt) and (
                t in ("CVL", "OPP") or _is_crowd(tgt) or t == "PTY" and not tgt.get("actor")) or
            t in ("MIL", "COP") and not _communal(src) and (
                s in ("CVL", "OPP") or _is_crowd(src) or s == "PTY" and not src.get("actor")))
        protesting = bool(words & PROTEST_CONTEXT)
        clash = ev.cls.name == "clash"
        # a crowd that fights (not one that kills or attacks someone: ACLED codes that as an attack
        # on civilians unless it happens at a protest); communities, residents and villagers who
        # fight each other are communal militias, not crowds
        two_sided = len(sides) > 1
        crowd_src = _is_crowd(src, communal=not (clash and two_sided)) and (
            clash or protesting or ev.cls.name == "primitive" or t == "CRM" or ev.main.lemma_.lower() in ENTRY_WORDS)
        if crowd_src or (clash and ev.target_by == "clause" and _is_crowd(tgt, communal=False)) or \
                crowd_side and s not in ARMED_SECTORS and t not in ARMED_SECTORS or \
                crowd_vs_police or clash and {s, t} <= {"PTY", "OPP", None} and s != t:
            # a crowd doing violence, unarmed people fighting police, party supporters fighting
            # each other: a riot
            ev.cls = lex.classes["riot" if protesting else "mob"]
            return
        spans = [(x.start_char, x.end_char) for x in ev.sentences()]
        victims = {phrase_sector(m.who) for m in doc._.casualties or []
                   if m.who and m.outcome in ("killed", "injured") and any(a <= m.start < b for a, b in spans)}
        if t == "CRM" and s is None and (ev.cls.name == "primitive" or words & LYNCH_WORDS):
            ev.cls = lex.classes["mob"]  # "suspected thieves were burnt to death": street justice
            return
        if ev.cls.name in ("attack", "kill") and any(k in sent.text.lower() for k in EXTRAJUDICIAL
                                                      for sent in ev.sentences()):
            ev.cls = lex.classes["attack"]  # "killed in an extra-judicial killing": a one-sided killing
            return
        if ev.cls.name in ("attack", "kill", "primitive") and s not in ("MIL", "COP") and _security_response(doc, ev):
            ev.cls = lex.classes["clash"]  # "raiders attacked a farm; police intervened, killing three"
            return
        if ev.cls.name == "primitive":
            return
        if t in ARMED_SECTORS or (t is None and victims & ARMED_SECTORS) or \
                (s in ARMED_SECTORS and t in ARMED_SECTORS) or (s in ("MIL", "COP") and t is None):
            # whoever attacks police, soldiers or an armed group fights a battle; security forces
            # who kill without a civilian target named fight the armed men they pursue
            ev.cls = lex.classes["clash"]
        elif ev.cls.name == "clash" and fight is None and t == "CVL" and ev.target_by == "clause" and (
                any(p.get("name") == tgt.get("name") for p in sides) or
                not sides and (tgt.get("name") or "").lower().split()[-1:] not in GENERIC_DEAD):
            # fighters who kill civilians they name attack them; "two people were killed in a clash"
            # counts the clash's dead
            ev.cls = lex.classes["attack"]  # "militiamen fought villagers": one side is unarmed

    def _casualties(self, doc: Doc, events: list[Event]) -> None:
        mentions = doc._.casualties or []
        used: set[int] = set()
        for ev in events:  # most salient first: a count belongs to the first event that tells it
            spans = [(s.start_char, s.end_char) for s in ev.sentences()]
            mine = []
            for i, m in enumerate(mentions):
                if i in used:
                    continue
                at = m.trigger_start if m.trigger_start is not None else m.start
                if not any(a <= at < b for a, b in spans):
                    continue
                if ev.cls.violent and m.outcome in ("arrested",) or not ev.cls.violent and m.outcome != "arrested":
                    continue
                mine.append(i)
            if not mine:
                continue
            used.update(mine)
            chosen = [mentions[i] for i in mine]
            totals = casualty_totals(chosen)
            cas = {"killed": None, "killed_qualifier": None, "injured": None, "injured_qualifier": None,
                   "groups": []}
            for outcome in ("killed", "injured"):
                if outcome in totals:
                    cas[outcome], cas[f"{outcome}_qualifier"] = totals[outcome]
            # groups: who was hurt, as the text tells it; not restated tolls, not the totals dyad
            # summed itself (they carry no "who"), not deaths given as a protest's cause
            cas["groups"] = [{"count": m.count, "who": m.who, "outcome": m.outcome} for m in chosen
                             if m.restates is None and not m.summed and not m.cause]
            ev.casualties = cas

    def _places_and_date(self, doc: Doc, ev: Event) -> None:
        ev.places = event_places(doc, ev, self._namesakes)
        own = {t.token.i for t in ev.triggers}
        for sents in (ev.sentences(anaphoric=False), ev.sentences()):
            for d in doc._.dates or []:
                if d.date and any(s.start_char <= d.start < s.end_char for s in sents) and \
                        dates_the_event(doc, d, own):
                    ev.date, ev.date_precision = d.date, d.precision
                    return

    @staticmethod
    def _undated(doc: Doc, events: list[Event]) -> None:
        """News leads with what just happened: the article's most salient event, when its text names
        no date, took place in the days up to the article's publication — that day, at week
        precision. Other undated events stay undated: further acts are as often background ("he
        welcomed the Taliban after they seized Kabul") as news, and acts announced or supposed
        have not happened."""
        day = report_date(doc)
        if day is not None and events and events[0].date is None and \
                events[0].status not in ("threatened", "hypothetical"):
            events[0].date, events[0].date_precision = day, "week"

    def _intent(self, ev: Event) -> None:
        """Acts announced rather than done. A cooperative act promised ("will provide food aid",
        "ready to host talks") is an offer (AGREE); a coercive one ("will impose sanctions") or
        any act made conditional ("will withdraw unless ...") is a threat."""
        if ev.cls.acled_type is not None:
            return
        lex = lexicon()
        token = ev.main
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in verb.children) or \
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS
        unless = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                     for c in verb.children)
        if ev.cls.plover in ("THREATEN", "AGREE") and ev.cls.name != "intent":
            return
        if unless and ev.cls.family not in ("request",):
            ev.cls = lex.classes["threaten"]
        elif future and (ev.cls.family in ("sanction",) or ev.cls.name == "restrict"):
            ev.cls = lex.classes["threaten"]
        elif future and ev.cls.family in COOPERATIVE | {"retreat"}:
            ev.cls = lex.classes["intent"]

    def _status(self, ev: Event) -> None:
        token = ev.main
        if ev.cls.plover == "THREATEN":
            ev.status = "threatened"
            return
        head = token if token.pos_ == "VERB" else token.head
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children) or \
                any(c.dep_ == "mark" and c.lower_ == "if" for c in head.children):
            ev.status = "hypothetical"


@Language.factory("dyad_events", assigns=["doc._.events"],
                  requires=["doc._.actors", "doc._.places", "doc._.casualties", "doc._.dates"])
def make_events(nlp, name):
    return Events(nlp, name)
