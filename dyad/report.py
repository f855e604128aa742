"""The report schema `dyad.report/1` (../shared/SPEC.md) and the pure function Doc -> Report.

The pydantic models here are the single source of the schema: `dyad schema` prints their JSON
Schema, the CLI serialises them, and the store (later) reads them back. Every offset indexes
into `Report.text`, which is exactly the text the spaCy Doc was made from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "dyad.report/1"

Kind = Literal["person", "organization", "state", "group"]
Sector = Literal["GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "NGO", "CVL", "MED",
                 "BUS", "REL", "CRM", "UNK"]
QuoteKind = Literal["direct", "partial", "indirect"]
Feature = Literal["country", "admin1", "admin2", "city", "locality", "region", "other"]
Qualifier = Literal["exact", "at least", "at most", "about"]
Outcome = Literal["killed", "injured", "abducted", "arrested", "displaced", "missing"]
Status = Literal["reported", "claimed", "denied", "contested", "threatened", "hypothetical"]
Stance = Literal["deny", "confirm", "claim_responsibility", "condemn", "accuse", "threaten", "support"]
Precision = Literal["day", "week", "month", "year"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Removed(_Model):
    text: str
    reason: str = Field(description="why the cleaner dropped it, e.g. boilerplate, navigation, promo")


class Actor(_Model):
    id: str
    name: str
    kind: Kind
    role: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of allegiance")
    sector: Sector | None = None
    mentions: list[tuple[int, int]] = Field(default_factory=list, description="[start, end) char offsets")


class Quote(_Model):
    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None


class Place(_Model):
    id: str
    name: str
    start: int
    end: int
    feature: Feature | None = None
    country: str | None = None
    admin1: str | None = None
    iso3166_2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


class EventActor(_Model):
    actor: str | None = None
    name: str | None = None
    country: str | None = None
    sector: Sector | None = None


class CasualtyGroup(_Model):
    count: int
    who: str | None = None
    outcome: Outcome


class Casualties(_Model):
    killed: int | None = None
    killed_qualifier: Qualifier | None = None
    injured: int | None = None
    injured_qualifier: Qualifier | None = None
    groups: list[CasualtyGroup] = Field(default_factory=list)


class Claim(_Model):
    actor: str | None = None
    stance: Stance
    quote: str | None = None


class Span(_Model):
    start: int
    end: int


class Event(_Model):
    id: str
    plover: str | None = None
    mode: str | None = None
    acled_type: str | None = None
    acled_subtype: str | None = None
    cameo: str | None = None
    source: EventActor | None = None
    target: EventActor | None = None
    places: list[str] = Field(default_factory=list)
    date: str | None = None
    date_precision: Precision | None = None
    casualties: Casualties = Field(default_factory=Casualties)
    status: Status = "reported"
    claims: list[Claim] = Field(default_factory=list)
    intensity: float | None = Field(None, ge=-10, le=10)
    evidence: list[Span] = Field(default_factory=list)
    confidence: float | None = Field(None, ge=0, le=1)


class Error(_Model):
    code: str
    message: str


class Report(_Model):
    schema_: str = Field(SCHEMA_ID, alias="schema")
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None
    text: str = ""
    removed: list[Removed] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    error: Error | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def json_schema() -> dict:
    """The JSON Schema of a report, as other tools should validate it."""
    schema = Report.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    return schema


def error_report(doc_id: str | None, code: str, message: str) -> Report:
    return Report(doc_id=doc_id, error=Error(code=code, message=message))


def doc_to_report(doc) -> Report:
    """Read everything the pipeline wrote on the Doc into a Report. Pure: it only reads the Doc."""
    meta = doc._.meta or {}
    return Report(
        doc_id=meta.get("doc_id"),
        title=meta.get("title"),
        url=meta.get("url"),
        published=meta.get("published"),
        site=meta.get("site"),
        text=doc.text,
        removed=[Removed(**r) for r in meta.get("removed") or []],
        actors=[Actor(**a.as_report()) for a in doc._.actors or []],
        quotes=[Quote(**q.as_report()) for q in doc._.quotes or []],
        places=[Place(**p.as_report()) for p in doc._.places or []],
        events=[Event(**e.as_report()) for e in doc._.events or []],
    )
