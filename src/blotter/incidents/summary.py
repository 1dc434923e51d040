"""One plain sentence per incident, built only from its extracted fields (never from guesses)."""

from __future__ import annotations

from datetime import date

from ..models import Count, Incident, Victim

_ACTION = {
    "assassination": "assassinated", "hijacking": "hijacked", "hostage_taking_barricade": "took hostages in",
    "hostage_taking_kidnapping": "kidnapped", "bombing": "carried out a bombing", "armed_assault": "attacked",
    "facility_infrastructure_attack": "set fire to", "unarmed_assault": "assaulted", "unknown": "attacked",
}
_NOUN = {
    "assassination": "An assassination", "hijacking": "A hijacking", "hostage_taking_barricade": "A hostage-taking",
    "hostage_taking_kidnapping": "A kidnapping", "bombing": "A bombing", "armed_assault": "An attack",
    "facility_infrastructure_attack": "An arson attack", "unarmed_assault": "An assault", "unknown": "An attack",
}
# What the lede's trigger says was done, when it is more telling than the attack type.
_VERB_BY_KIND = {
    "shooting": "shot", "stabbing": "stabbed", "bombing": "bombed", "kidnapping": "kidnapped", "arson": "set fire to",
    "killing": "killed", "assassination": "assassinated", "ramming": "drove into", "hijacking": "hijacked",
    "hostage": "took hostage", "robbery": "robbed", "beating": "beat", "massacre": "massacred",
}
_TRANSITIVE = set(_VERB_BY_KIND.values()) | {"attacked", "assaulted", "hijacked"}
_CATEGORY_NOUN = {"accident": "An accident", "self_harm": "A suicide"}
_STATUS_PREFIX = {"attempted": "An attempted", "foiled": "A foiled", "plotted": "A plotted", "threatened": "A threatened"}


def _when(incident: Incident) -> str:
    start, precision = incident.date.start, incident.date.precision
    if not start:
        return ""
    day = date.fromisoformat(start)
    if precision == "day":
        return f" on {day.day} {day:%B %Y}"
    if precision == "month":
        return f" in {day:%B %Y}"
    if precision == "year":
        return f" in {day.year}"
    return f" around {day.day} {day:%B %Y}"


def _where(incident: Incident) -> str:
    location = incident.location
    if not location.name:
        return ""
    country = f", {location.country}" if location.country and location.country != location.name else ""
    return f" in {location.name}{country}"


def _toll(casualties_killed: Count, casualties_injured: Count) -> str:
    """", killing 2 and injuring 3"; a figure of nobody is left out, and "no one hurt" said when
    the report gives only such figures (not "injuring 0")."""
    parts = []
    if casualties_killed.best:
        parts.append(f"killing {casualties_killed.best}")
    if casualties_injured.best:
        parts.append(f"injuring {casualties_injured.best}")
    if not parts and 0 in (casualties_killed.best, casualties_injured.best):
        return ", with no one hurt"
    return ", " + " and ".join(parts) if parts else ""


def _plain(words: str) -> str:
    """Words from the report as a summary writes them: wire copy in capitals is lower-cased."""
    return words.lower() if words.isupper() and len(words) > 3 else words


def _lower_first(words: str) -> str:
    """Words moved from the start of a sentence into its middle ("Two women" -> "two women")."""
    return words[:1].lower() + words[1:]


def _actor(incident: Incident) -> str | None:
    if incident.perpetrators:
        first = incident.perpetrators[0]
        words = _plain(first.name or first.mention)
        return words[0].upper() + words[1:]
    perpetrating = [g for g in incident.groups if g.relation == "perpetrator"]
    return perpetrating[0].name if perpetrating else None


_KILLING_VERBS = {"killed", "assassinated", "massacred"}


def _victims(victims: list[Victim]) -> str:
    """The first two victims as the report words them ("Jerome Banks and two women")."""
    return " and ".join(_plain(v.mention) if v.name else _lower_first(_plain(v.mention)) for v in victims[:2])


def summarise(incident: Incident, trigger_kind: str | None = None) -> str:
    """Who did what to whom, where and when, in one sentence, from the incident's fields and its lede's trigger."""
    kind = incident.attack_types[0]
    actor = _actor(incident)
    victims = _victims(incident.victims)
    if incident.category in _CATEGORY_NOUN:
        sentence = _CATEGORY_NOUN[incident.category] + _where(incident) + _when(incident)
    elif incident.status != "carried_out":
        sentence = f"{_STATUS_PREFIX[incident.status]} {_NOUN[kind].split(' ', 1)[1].lower()}"
        described = actor and not (incident.perpetrators and incident.perpetrators[0].name)
        sentence += f" by {_lower_first(actor) if described else actor}" if actor else ""
        sentence += _where(incident) + _when(incident)
    elif actor:
        verb = _VERB_BY_KIND.get(trigger_kind or "", _ACTION[kind])
        if verb in _KILLING_VERBS:  # the dead only, by name where the report names them ("one man" is Jerome Banks)
            dead = [v for v in incident.victims if v.status == "killed"]
            victims = _victims([v for v in dead if v.name] or dead)
        if victims and verb in _TRANSITIVE:
            sentence = f"{actor} {verb} {victims}{_where(incident)}{_when(incident)}"
        elif _ACTION[kind].endswith(" to"):  # "set fire to" wants what was set on fire
            target = _plain(incident.targets[0].mention) if incident.targets else None
            what = _lower_first(target) if target else None
            sentence = (f"{actor} {_ACTION[kind]} {what}" if what else f"{actor} carried out {_lower_first(_NOUN[kind])}") + _where(incident) + _when(incident)
        else:
            sentence = f"{actor} {_ACTION[kind]}{_where(incident)}{_when(incident)}"
    else:
        sentence = _NOUN[kind] + (f" on {victims}" if victims else "") + _where(incident) + _when(incident)
    already_killed = " killed " in sentence or " massacred " in sentence
    sentence += _toll(Count() if already_killed else incident.casualties.killed, incident.casualties.injured)
    claimed = [c.claimant for c in incident.claims if c.status == "claimed"]
    if claimed:
        sentence += f"; {claimed[0]} claimed responsibility"
    return sentence + "."
