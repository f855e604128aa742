"""Figurative violence: "exports hit record levels", "the battle for Manchester United".

Business, sport and show news borrow the words of violence; read literally they would fill an
archive with attacks that never happened. This module decides which violence triggers count.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

# Violence words that business, sport and politics use figuratively: "exports hit record levels",
# "the battle for Manchester United", "a takeover raid", "shares fell under attack".
FIGURATIVE = {"hit", "strike", "attack", "battle", "fight", "target", "fire", "raid", "storm", "assault", "blast",
              "clash", "combat", "offensive", "engage", "capture", "seize", "explode", "explosion", "bomb",
              "shoot", "shooting", "beat", "ambush", "torch", "burn", "destroy", "kill", "killing", "die",
              "death", "dead", "victim", "casualty", "wound", "injure", "hurt"}
# Words that make violence literal when the same sentence has them.
LITERAL_VIOLENCE = {
    "gun", "guns", "gunman", "gunmen", "gunfire", "rifle", "rifles", "pistol", "bullet", "bullets", "bomb",
    "bombs", "explosive", "explosives", "grenade", "grenades", "missile", "missiles", "rocket", "rockets",
    "drone", "drones", "airstrike", "airstrikes", "artillery", "mortar", "mortars", "shell", "shells",
    "weapon", "weapons", "knife", "machete", "troops", "soldier", "soldiers", "army", "militant", "militants",
    "police", "policeman", "policemen", "officers", "forces", "rebel", "rebels", "insurgent", "insurgents",
    "fighter", "fighters", "militia", "militias", "terrorist", "terrorists", "jihadist", "jihadists",
    "killed", "murdered", "murder", "killer", "shot", "stabbed", "hostage",
    "hostages", "bandits", "gang", "attacker", "attackers", "assailant", "assailants", "war", "civilians",
    "casualties", "bodies", "body", "massacre", "suicide", "jets", "warplanes", "helicopter", "tank", "tanks",
    "protesters", "rioters", "mob", "raiders", "village", "villagers", "camp", "checkpoint", "base",
    "armed", "ethnic", "clan", "clans", "tribal", "rustlers", "rustling", "arson", "arsonists", "gunshot",
    "violence", "violent", "unrest", "insurgency", "killings", "youths", "supporters", "communities",
}


# Words of the fields that use violence words figuratively: markets, companies, sport, shows.
FIGURATIVE_CONTEXT = {
    "market", "markets", "shares", "stock", "stocks", "price", "prices", "profit", "profits", "revenue", "sales",
    "investor", "investors", "economy", "inflation", "export", "exports", "import", "imports", "company",
    "companies", "firm", "firms", "bank", "banks", "bid", "bidder", "bidders", "takeover", "brand", "customers",
    "consumers", "growth", "earnings", "quarter", "billion", "million", "percent", "%", "interest", "rates",
    "match", "matches", "league", "season", "team", "teams", "club", "clubs", "goal", "goals", "championship",
    "tournament", "coach", "player", "players", "game", "games", "cup", "final", "striker", "midfielder",
    "film", "films", "movie", "album", "song", "singer", "actor", "actress", "star", "series", "episode", "show",
    "fans", "box", "office", "weather", "storm", "temperatures", "technology", "app", "users",
}


def drop_figurative(doc: Doc, triggers: list, has_people: Callable[[Token], bool]) -> list:
    """Drop violence read from words used figuratively: a violence trigger whose word is common in
    business, sport and politics counts only in an article that names a weapon, an armed party,
    a victim or a toll somewhere, or tells a casualty count, or when people stand on either side
    of it (`has_people`, the events component's reading of the trigger's roles). ("Exports hit
    record levels" in a trade story; "the battle for Manchester United".)"""
    words = {t.lower_ for t in doc}
    if doc._.casualties or words & LITERAL_VIOLENCE or not words & FIGURATIVE_CONTEXT:
        return triggers  # a text with no word of markets, sport or shows uses violence words literally
    return [t for t in triggers if t.cls.family != "violence" or t.token.lemma_.lower() not in FIGURATIVE
            or has_people(t.token)]
