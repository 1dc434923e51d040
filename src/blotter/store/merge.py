"""Merging reports of one real incident: matching (``match_score``, ``cluster``) and field
fusion (``fuse``). The rules are written out for users in docs/DATABASE.md.

Matching is pairwise: two incidents from different reports are compared on place, date,
named victims and perpetrators, counts, type and wording. A few differences forbid a merge
outright (dates more than a week apart unless the reports share distinctive names, disjoint
named victims); the rest add up to a score. Follow-up reports (arrests, funerals, trials) come
weeks or months later and often date themselves by the follow-up, so a pair that shares at
least ``LONG_TIE_NAMES`` distinctive names (people's full names, streets, businesses spelt out
in the report text), or that name the same victim in full, may be up to ``LONG_WINDOW_DAYS`` apart. Clusters are built by linking the
best-scoring pairs first; two clusters with a forbidden pair between them join only when more
of their pairs link than forbid (each report of a big shooting names some of its victims), so
a later report that names the victims can still split an earlier, looser merge.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Callable, Iterable, Optional

from ..models import DocumentRecord, Incident
from .records import MergedIncident

MERGE_THRESHOLD = 0.45
# Two groups of several reports each join only when their pairs score this much on average
# (pairs too far apart in time to compare left out), so one strong pair cannot chain two
# incidents together. A single report (a follow-up) may join on its best link alone.
MIN_GROUP_MEAN = 0.35
# Above this many reports, a new report joins the incidents as they are instead of re-clustering.
MAX_RECLUSTER = 60
# Reports are usually published within a few days of the event they describe.
CANDIDATE_WINDOW_DAYS = 7
# Follow-ups that share this many distinctive names may come this much later (or earlier).
LONG_WINDOW_DAYS = 366
LONG_TIE_NAMES = 2
# Per shared distinctive name (at most MAX_SHARED_NAMES count): full names rarely recur across incidents.
SHARED_NAME_BONUS = 0.2
MAX_SHARED_NAMES = 3
# A name in more reports than this (a sheriff, a hospital, a newsroom) no longer tells incidents apart.
MAX_NAME_REPORTS = 20
# A victim or attacker of one report named in the other's text (on top of the shared name's bonus).
PERSON_NAMED_BONUS = 0.25
# Reports that name different victims yet share distinctive names (many victims, each report naming some).
DISJOINT_VICTIMS_PENALTY = -0.2
# The score of two reports too far apart in time to compare: never linked directly, not forbidden.
UNRELATED = float("-inf")
NEARBY_KM = 25.0
METRO_KM = 80.0
PROPER_WORD_BONUS = 0.25
MAX_PROPER_BONUS = 0.5
DISTANT_PLACE_PENALTY = -0.35
# One report places the incident and the other does not: in a dense database the unplaced one
# fits every incident of its day across the country, so a day and a count must not be enough.
PLACE_UNKNOWN_PENALTY = -0.1
FAR_DAYS_PENALTY = -0.4
TEXT_WEIGHT = 2.0
# Word overlap that same-incident reports reach and most different incidents do not (GVA dev).
CORROBORATING_OVERLAP = 0.12
UNCORROBORATED_PENALTY = 0.3

LOCATION_RANK = {"exact": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1, "unknown": 0}
DATE_RANK = {"day": 5, "week": 4, "range": 3, "month": 2, "year": 1, "unknown": 0}
COUNT_FIELDS = ("killed", "injured", "perpetrators_killed", "perpetrators_injured")

_WORD = re.compile(r"[a-z0-9']+")
# A capitalised word that does not start a sentence.
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,})\b")
_COMMON_CAPITALS = frozenset(
    "police department county sheriff city state officers officer street avenue road news monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july august september "
    "october november december the mr mrs ms dr hospital medical center".split()
)
# A run of capitalised words, maybe with middle initials: "Officer Jordan T. Pike", "Elm Street".
_CAPITALISED = r"[A-Z][a-z]+(?:['-][A-Za-z]+)?"
_NAME_RUN = re.compile(rf"\b{_CAPITALISED}(?:\s+(?:[A-Z]\.\s+)?{_CAPITALISED})+\b")
_RUN_WORD = re.compile(_CAPITALISED)
# Words that make a capitalised pair an institution, a title or a dateline, which every report
# of a city shares, rather than a name that belongs to one incident.
_GENERIC_NAME_WORDS = (_COMMON_CAPITALS - {"street", "avenue", "road"}) | frozenset(
    "department office sheriff's medical centre hospital school high university college crime stoppers chief "
    "district attorney attorney's court county state news associated press all rights reserved copyright "
    "on in at for and but a an it its he she they we this that when after before by of to as if his her their "
    "last next north south east west northeast northwest southeast southwest side downtown area "
    "fire rescue ems emergency services safety public bureau agency federal investigation patrol highway "
    "trooper troopers detective detectives lieutenant sergeant sgt lt capt captain deputy deputies coroner "
    "examiner's examiner medical office's officials spokesman spokeswoman spokesperson mayor governor "
    "president senator judge justice children's memorial general regional university's church community "
    "facebook twitter instagram youtube related stories story copyright read more click video photo "
    "american african white black hispanic latino christmas thanksgiving easter day eve new year's "
    # page furniture and newsroom boilerplate
    "hide show caption image images photos gallery enjoy access digital subscribe subscriber subscription sign login "
    "newsletter advertisement wikipedia media inc llc co corp division update updated health care precinct "
    "forensic sciences science fatal shooting homicide prosecutor prosecutors jr sr ii iii times post tribune "
    "herald journal gazette chronicle daily sun-times channel radio tv television local breaking share email print "
    "gunman suspect victim unit crimes violent "
    # parks, hospitals and the holiday and streets named after Martin Luther King
    "park mount luther".split()
)
_STOPWORDS = frozenset(
    "a an the and or of in on at to for from by with was were is are be been has had have he she "
    "they it his her their its that this who which as after before said says police say man woman "
    "told about but not no into over than then there when where while would will".split()
    # what every report of a shooting or an attack says: it tells incidents of one kind apart no better
    + "killed shot shooting shootings dead death died injured wounded wounds people person gunman gunfire "
      "fire fired attack victim victims suspect".split()
)


@dataclass
class Member:
    """One report's incident as the matcher sees it, with the report it came from."""

    seq: int
    document_id: str
    incident: Incident
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    # The report text's distinctive names (``distinctive_names``), which its primary incident uses.
    document_names: frozenset[str] = frozenset()

    @cached_property
    def names(self) -> frozenset[str]:
        """Distinctive names tied to this incident: the whole report's for its primary incident,
        the evidence sentences' for the others; names of the place itself are left out."""
        if self.incident.is_primary:
            found = self.document_names
        else:
            found = distinctive_names(" ".join(e.quote for e in self.incident.evidence))
        return frozenset(name for name in found if not set(name.split()) & self.place_words)

    @cached_property
    def day(self) -> Optional[date]:
        """The incident's day, when the report states it to the day."""
        if self.incident.date.precision == "day" and self.incident.date.start:
            return parse_day(self.incident.date.start)
        return None

    @cached_property
    def anchor(self) -> Optional[date]:
        """The incident's start date, else the report's publication date."""
        return parse_day(self.incident.date.start) or parse_day(self.published)

    @cached_property
    def victim_names(self) -> frozenset[str]:
        return _full_names(v.name for v in self.incident.victims)

    @cached_property
    def victim_distinctive_names(self) -> frozenset[str]:
        """Named victims in the form ``distinctive_names`` gives and the store indexes ("jonathan
        austin"), unlike ``victim_names``: a follow-up weeks later (an arrest, a trial) that names
        the same victim is looked up by it and is about the same incident."""
        found: set[str] = set()
        for victim in self.incident.victims:
            found.update(distinctive_names(victim.name or ""))
        return frozenset(found)

    @cached_property
    def people_distinctive_names(self) -> frozenset[str]:
        """Named victims and perpetrators in ``distinctive_names`` form: a later report (an
        arrest, a trial) whose text names one of them is about the same incident, even when it
        does not cast that person in the same role."""
        found: set[str] = set(self.victim_distinctive_names)
        for perpetrator in self.incident.perpetrators:
            found.update(distinctive_names(perpetrator.name or ""))
        return frozenset(found)

    @cached_property
    def perpetrator_names(self) -> frozenset[str]:
        return _full_names(p.name for p in self.incident.perpetrators)

    @cached_property
    def proper_words(self) -> frozenset[str]:
        """Capitalised words inside the evidence sentences that belong to one of the report's
        distinctive names (streets, people, businesses): two reports of different incidents in
        one city rarely share them beyond the place name. Capitals of headlines, captions and
        institutions ("Shot", "Image", "Prosecutor's Office") are not names and do not count."""
        name_words = {word for name in self.names for word in name.split()}
        found = set()
        for evidence in self.incident.evidence:
            for match in _PROPER.finditer(evidence.quote):
                word = match.group(1).lower()
                if word in name_words and word not in self.place_words and word not in _COMMON_CAPITALS:
                    found.add(word)
        return frozenset(found)

    @cached_property
    def words(self) -> frozenset[str]:
        """Content words of the incident's evidence sentences and the headline. The summary is
        left out: it is written from a template ("..., United States on 4 May 2016, injuring 2")
        whose words every report shares."""
        parts = [self.title or ""] + [e.quote for e in self.incident.evidence]
        return frozenset(w for w in _WORD.findall(" ".join(parts).lower())
                         if w not in _STOPWORDS and w not in self.place_words and len(w) > 2)

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The words naming the incident's place, which the place score already counts."""
        location = self.incident.location
        return frozenset(_WORD.findall(" ".join(filter(None, (location.name, location.admin1, location.mention))).lower()))


def anchor_date(incident: Incident, published: Optional[str]) -> Optional[str]:
    """The date merge candidates are looked up by (stored with each report's incident)."""
    day = parse_day(incident.date.start) or parse_day(published)
    return day.isoformat() if day else None


_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]+")
# Titles of officials who speak about many incidents ("Superintendent Michael Harrison", "Sheriff
# Ann Cole", "police spokesman Tom Ahern"): their names recur across a city's reports and tie
# none of them together.
_OFFICIAL_TITLES = frozenset(
    "superintendent chief sheriff mayor governor commissioner prosecutor coroner spokesman spokeswoman "
    "spokesperson examiner judge senator councilman councilwoman alderman president director attorney".split())
# Words around a reporter's name in a credit line ("By Ann Cole", "Contact Ann Cole:", "Staff
# writer Ann Cole", "Ann Cole contributed to this report"): a newsroom's reports all carry them.
_CREDIT_BEFORE = frozenset("by contact writer reporter reporters correspondent columnist editor photographer email".split())
_CREDIT_AFTER = frozenset({"contributed"})
# An official's title in apposition after the name ("Ann Cole, a police spokeswoman, said").
_TITLE_AFTER = re.compile(r",\s+(?:an?\s+|the\s+)?(?:[\w.'-]+\s+){0,4}?(%s)\b" % "|".join(sorted(_OFFICIAL_TITLES)),
                          re.IGNORECASE)
# Words that make a run of capitals a hospital ("Mercy Medical Center", "Stroger Jr. Hospital"):
# the victims of a city's shootings are taken to the same few, so every report names them.
_HOSPITAL_WORDS = frozenset("hospital hospitals medical clinic trauma infirmary".split())
# The word just before a run of capitals and the word just after it (past a "Jr." or "'s").
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[,\s]+$")
_WORD_AFTER = re.compile(r"^(?:'s|\.)?\s+(?:[JS]r\.?\s+)?([A-Za-z]+)")
# Text between a hospital's name and the town it stands in ("Christ Medical Center in Oak Lawn").
_HOSPITAL_TOWN_GAP = frozenset({" in ", ", ", " of "})


def distinctive_names(text: str) -> frozenset[str]:
    """Pairs of capitalised words that name a person, a street or a business ("jordan pike"),
    lower-cased; pairs with an institutional or calendar word are left out, and so are pairs
    with a word the text also writes in lower case: that is a headline's or a caption's
    capitals ("Teen Fatally Shot", "Close Image"), not a name. Officials named with their
    title ("Police Chief Ann Cole", "police spokesman Tom Ahern") speak about many incidents,
    and hospitals (with the town they stand in) take in the victims of many: both are left out."""
    lower_words = set(_LOWER_WORD.findall(text))
    found = set()
    hospital_end = -1
    for run in _NAME_RUN.finditer(text):
        words = [word.lower() for word in _RUN_WORD.findall(run.group())]
        before = _WORD_BEFORE.search(text, max(0, run.start() - 30), run.start())
        after = _WORD_AFTER.match(text[run.end():run.end() + 30])
        if _HOSPITAL_WORDS.intersection(words) or (after and after.group(1).lower() in _HOSPITAL_WORDS):
            hospital_end = run.end()
            continue
        if text[hospital_end:run.start()] in _HOSPITAL_TOWN_GAP:
            continue
        if _OFFICIAL_TITLES.intersection(words) or (before and before.group(1).lower() in _OFFICIAL_TITLES):
            continue
        if (words[0] in _CREDIT_BEFORE or (before and before.group(1).lower() in _CREDIT_BEFORE)
                or (after and after.group(1).lower() in _CREDIT_AFTER)
                or _TITLE_AFTER.match(text, run.end(), run.end() + 60)):
            continue
        found.update(f"{first} {second}" for first, second in zip(words, words[1:])
                     if first not in _GENERIC_NAME_WORDS and second not in _GENERIC_NAME_WORDS
                     and first not in lower_words and second not in lower_words)
    return frozenset(found)


def global_id(document_id: str, incident_id: str) -> str:
    """A merged incident's id: derived from its first report, so re-ingesting keeps it."""
    return "inc-" + hashlib.sha256(f"{document_id}\x1f{incident_id}".encode()).hexdigest()[:16]


# --------------------------------------------------------------------------- matching


def match_score(a: Member, b: Member, common_names: frozenset[str] = frozenset()) -> Optional[float]:
    """How strongly two reports' incidents look like one incident; None forbids merging them
    (they contradict each other), ``UNRELATED`` only declines to link them (too far apart in time
    to tell, though a report in between may still join them into one incident).

    Place, day and type only make two reports compatible; without something that ties them
    together (shared names or distinctive words, the same figures, similar wording) the pair
    is marked down, so two shootings in one city on one day stay apart. ``common_names`` are
    names in too many reports to tie two of them together (a hospital, a sheriff).
    """
    if a.document_id == b.document_id:
        return None  # one report's incidents are distinct by construction
    shared_names = len((a.names & b.names) - common_names)
    shared_victim = bool((a.victim_distinctive_names & b.victim_distinctive_names) - common_names)
    person_named_by_other = names_each_other(a, b, common_names)
    days = _date_score(a, b, long_tie=shared_names >= LONG_TIE_NAMES or shared_victim or person_named_by_other)
    if days is None:
        return UNRELATED
    score = days + _place_score(a, b) + SHARED_NAME_BONUS * min(shared_names, MAX_SHARED_NAMES)
    if person_named_by_other and not (a.victim_names & b.victim_names):
        score += PERSON_NAMED_BONUS
    corroborated = shared_names > 0

    if a.victim_names and b.victim_names:
        if a.victim_names & b.victim_names:
            score += 0.45
            corroborated = True
        elif shared_names >= LONG_TIE_NAMES or _several_harmed(a) or _several_harmed(b):
            score += DISJOINT_VICTIMS_PENALTY  # each names other victims, or a victim is misread
        else:
            return None  # one victim each, named differently: different incidents
    if a.perpetrator_names and b.perpetrator_names:
        shared_perpetrator = bool(a.perpetrator_names & b.perpetrator_names)
        score += 0.3 if shared_perpetrator else -0.2
        corroborated |= shared_perpetrator

    for name in ("killed", "injured"):
        ca, cb = getattr(a.incident.casualties, name).best, getattr(b.incident.casualties, name).best
        if ca is not None and cb is not None:
            score += 0.1 if ca == cb else -0.1
            corroborated |= ca == cb and ca > 0

    cat_a, cat_b = a.incident.category, b.incident.category
    if cat_a != "unknown" and cat_b != "unknown" and cat_a != cat_b:
        score -= 0.15
    types_a = set(a.incident.attack_types) - {"unknown"}
    types_b = set(b.incident.attack_types) - {"unknown"}
    if types_a and types_b:
        score += 0.05 if types_a & types_b else -0.1

    shared_proper = len(a.proper_words & b.proper_words)
    score += min(PROPER_WORD_BONUS * shared_proper, MAX_PROPER_BONUS)
    overlap = len(a.words & b.words) / len(a.words | b.words) if a.words and b.words else 0.0
    score += TEXT_WEIGHT * overlap
    corroborated |= shared_proper > 0 or overlap >= CORROBORATING_OVERLAP
    return score if corroborated else score - UNCORROBORATED_PENALTY


def names_each_other(a: Member, b: Member, common_names: frozenset[str] = frozenset()) -> bool:
    """A victim or attacker one report names in full is named in the other's text too (a trial
    report that does not call him the victim): the mark of a follow-up of that incident. The
    store uses it to fetch candidates, the matcher to score them, so both follow one rule."""
    return bool(((a.people_distinctive_names & b.names) | (b.people_distinctive_names & a.names)) - common_names)


def _several_harmed(member: Member) -> bool:
    """The report counts more than one person killed or hurt, so another report may name
    another of them."""
    casualties = member.incident.casualties
    return (casualties.killed.best or 0) + (casualties.injured.best or 0) > 1 or len(member.victim_names) > 1


def _place_score(a: Member, b: Member) -> float:
    """Same place scores; a region and a place inside it, or two places of one metropolitan
    area, are compatible; distant places count against (not forbidden: place resolution errs
    more often than reports do)."""
    la, lb = a.incident.location, b.incident.location
    if la.country_code and lb.country_code and la.country_code != lb.country_code:
        return DISTANT_PLACE_PENALTY
    if (la.geonameid and la.geonameid == lb.geonameid) or (la.name and lb.name and la.name.lower() == lb.name.lower()):
        return 0.25
    specific_a = LOCATION_RANK[la.precision] >= LOCATION_RANK["admin2"]
    specific_b = LOCATION_RANK[lb.precision] >= LOCATION_RANK["admin2"]
    if specific_a and specific_b:
        same_region = bool(la.admin1) and la.admin1 == lb.admin1
        km = _km(la.lat, la.lon, lb.lat, lb.lon) if None not in (la.lat, la.lon, lb.lat, lb.lon) else None
        if km is not None and km <= NEARBY_KM:
            return 0.05  # a neighbourhood and its city
        if km is not None and km <= METRO_KM:
            return 0.0 if same_region else -0.1
        return -0.1 if same_region else DISTANT_PLACE_PENALTY
    if la.name and lb.name:  # a region and a place: compatible when the place lies in it
        region, place = (lb, la) if specific_a else (la, lb)
        inside = (region.country_code == place.country_code if region.precision == "country"
                  else region.name == place.admin1)
        return 0.05 if inside else DISTANT_PLACE_PENALTY
    if bool(la.name) != bool(lb.name):
        return PLACE_UNKNOWN_PENALTY
    return 0.0


def _date_score(a: Member, b: Member, *, long_tie: bool = False) -> Optional[float]:
    """Same day scores; days apart count against; None when too far apart to be one incident
    (more than a week, or ``LONG_WINDOW_DAYS`` for reports tied by shared names). When only one
    report gives the day, the other's publication date is compared with it."""
    window = LONG_WINDOW_DAYS if long_tie else CANDIDATE_WINDOW_DAYS
    if a.day and b.day:
        apart = abs((a.day - b.day).days)
        if apart > window:
            return FAR_DAYS_PENALTY if _published_together(a, b) else None
        return {0: 0.25, 1: 0.1, 2: -0.1, 3: -0.1}.get(apart, FAR_DAYS_PENALTY)
    if not (a.anchor and b.anchor):
        return 0.0
    if abs((a.anchor - b.anchor).days) > window:
        return FAR_DAYS_PENALTY if _published_together(a, b) else None
    dated, undated = (a, b) if a.day else (b, a)
    reported = parse_day(undated.published)
    if dated.day and reported:
        lag = (reported - dated.day).days
        return 0.1 if 0 <= lag <= 2 else (-0.2 if lag < 0 else 0.0)  # reported before it happened?
    return 0.05 if abs((a.anchor - b.anchor).days) <= 1 else 0.0


def _published_together(a: Member, b: Member) -> bool:
    """Reports published within ``CANDIDATE_WINDOW_DAYS`` of each other: when their incident
    dates lie further apart, one of them is often misread (a year, an earlier crime recalled),
    so the pair is still compared, with the far-days penalty."""
    day_a, day_b = parse_day(a.published), parse_day(b.published)
    return bool(day_a and day_b) and abs((day_a - day_b).days) <= CANDIDATE_WINDOW_DAYS


def cluster(members: list[Member], score: Callable[[Member, Member], Optional[float]] = match_score) -> list[list[Member]]:
    """Group members into incidents: best pairs first. Two groups with forbidden pairs between
    them join only when more of their pairs link (score at least ``MERGE_THRESHOLD``) than
    forbid: reports of a big incident each name some victims, so a lone disagreement between
    two of them should not split it, while two groups that mostly contradict stay apart.

    Each group is ordered by ``seq``; groups are ordered by their first member.
    """
    n = len(members)
    forbidden: set[tuple[int, int]] = set()
    links: list[tuple[float, int, int]] = []
    scores: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j in range(i + 1, n):
            s = score(members[i], members[j])
            if s is None:
                forbidden.add((i, j))
                continue
            if s != UNRELATED:
                scores[(i, j)] = s
            if s >= MERGE_THRESHOLD:
                links.append((s, i, j))
    linked = {(i, j) for _, i, j in links}
    group_of = list(range(n))
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        between = [(min(x, y), max(x, y)) for x in groups[gi] for y in groups[gj]]
        vetoes = sum(pair in forbidden for pair in between)
        if vetoes and vetoes >= sum(pair in linked for pair in between):
            continue
        compared = [scores[pair] for pair in between if pair in scores]
        several = len(groups[gi]) > 1 and len(groups[gj]) > 1
        if several and compared and sum(compared) / len(compared) < MIN_GROUP_MEAN:
            continue  # one strong pair, but most reports of the two groups disagree: a chain, not one incident
        for x in groups[gj]:
            group_of[x] = gi
        groups[gi].extend(groups.pop(gj))
    result = [sorted((members[i] for i in idx), key=lambda m: m.seq) for idx in groups.values()]
    return sorted(result, key=lambda g: g[0].seq)


def attach(groups: list[list[Member]], newcomers: list[Member],
           score: Callable[[Member, Member], Optional[float]] = match_score) -> list[list[Member]]:
    """Add newcomers to existing groups without rebuilding them: each joins the group it
    matches best (unless a member of it forbids the merge) or starts its own. Linear in the
    group sizes, for incidents with too many reports to re-cluster on every new one."""
    groups = [list(group) for group in groups]
    for newcomer in newcomers:
        best_score, best_group = MERGE_THRESHOLD, None
        for group in groups:
            scores = [score(member, newcomer) for member in group]
            if None in scores:
                continue
            if max(scores) >= best_score:
                best_score, best_group = max(scores), group
        if best_group is None:
            groups.append([newcomer])
        else:
            best_group.append(newcomer)
    return sorted((sorted(group, key=lambda m: m.seq) for group in groups), key=lambda g: g[0].seq)


# --------------------------------------------------------------------------- fusion


def fuse(members: list[Member]) -> MergedIncident:
    """One merged incident from its reports' incidents (members ordered by ``seq``)."""
    first = members[0]
    dumps = [_with_document_id(m.incident.model_dump(mode="json"), m.document_id) for m in members]
    conflicts: list[dict[str, Any]] = []

    def pick(values: list[Any], field_name: str, *, ignore: Iterable[Any] = (None, "unknown")) -> Any:
        """The most frequent value (earliest report wins a tie); disagreements are recorded."""
        known = [(v, m) for v, m in zip(values, members) if v not in ignore]
        if not known:
            return values[0]
        _record_conflict(conflicts, field_name, known)
        counts = Counter(_key(v) for v, _ in known)
        best = max(counts.values())
        return next(v for v, _ in known if counts[_key(v)] == best)

    fused: dict[str, Any] = dict(dumps[0])
    fused["id"] = global_id(first.document_id, first.incident.id)
    fused["is_primary"] = any(m.incident.is_primary for m in members)
    most_confident = max(range(len(members)), key=lambda i: (members[i].incident.confidence, -i))
    fused["summary"] = dumps[most_confident]["summary"]
    fused["confidence"] = max(m.incident.confidence for m in members)
    fused["category"] = pick([d["category"] for d in dumps], "category")
    fused["status"] = pick([d["status"] for d in dumps], "status", ignore=())
    fused["acled_event_type"] = pick([d["acled_event_type"] for d in dumps], "acled_event_type")
    fused["acled_sub_event_type"] = pick([d["acled_sub_event_type"] for d in dumps], "acled_sub_event_type")
    fused["attack_types"] = _fuse_attack_types([d["attack_types"] for d in dumps])
    fused["date"] = _fuse_most_specific([d["date"] for d in dumps], members, "date", DATE_RANK,
                                        ("start", "end", "time"), conflicts)
    fused["location"] = _fuse_most_specific([d["location"] for d in dumps], members, "location", LOCATION_RANK,
                                            ("name", "admin1", "country_code", "geonameid"), conflicts)
    fused["casualties"] = {name: _fuse_count([d["casualties"][name] for d in dumps], members,
                                             f"casualties.{name}", conflicts) for name in COUNT_FIELDS}
    fused["perpetrators"] = _union([d["perpetrators"] for d in dumps], lambda p: (p["name"] or p["mention"]).lower())
    fused["groups"] = _union([d["groups"] for d in dumps], lambda g: (g["name"].lower(), g["relation"]))
    fused["claims"] = _union([d["claims"] for d in dumps], lambda c: (c["claimant"].lower(), c["status"]))
    fused["victims"] = _union([d["victims"] for d in dumps], lambda v: ((v["name"] or v["mention"]).lower(), v["status"]))
    fused["targets"] = _union([d["targets"] for d in dumps], lambda t: (t["type"], t["mention"].lower()))
    fused["weapons"] = _union([d["weapons"] for d in dumps], lambda w: (w["type"], (w["subtype"] or w["mention"]).lower()))
    fused["evidence"] = _dedupe_evidence(e for d in dumps for e in d["evidence"])

    published = [m.published for m in members if m.published]
    fused["sources"] = [{"document_id": m.document_id, "url": m.url, "title": m.title, "published": m.published,
                         "incident_id": m.incident.id} for m in members]
    fused["first_reported"] = min(published) if published else None
    fused["last_reported"] = max(published) if published else None
    fused["conflicts"] = conflicts
    return MergedIncident.model_validate(fused)


def _fuse_attack_types(lists: list[list[str]]) -> list[str]:
    """Every report's attack types, the most often reported first; "unknown" only if alone."""
    order: dict[str, int] = {}
    counts: Counter[str] = Counter()
    for types in lists:
        for t in types:
            order.setdefault(t, len(order))
            counts[t] += 1
    known = [t for t in order if t != "unknown"] or ["unknown"]
    return sorted(known, key=lambda t: (-counts[t], order[t]))


def _fuse_most_specific(values: list[dict[str, Any]], members: list[Member], field_name: str,
                        rank: dict[str, int], identity: tuple[str, ...], conflicts: list[dict[str, Any]]) -> dict[str, Any]:
    """The most precise value; among equally precise ones, the most reported. Evidence of
    every report that gives that value is kept."""
    def ident(v: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(v[k] for k in identity)

    top = max(rank[v["precision"]] for v in values)
    best_values = [v for v in values if rank[v["precision"]] == top]
    counts = Counter(ident(v) for v in best_values)
    chosen = dict(next(v for v in best_values if counts[ident(v)] == max(counts.values())))
    if top > 0:
        _record_conflict(conflicts, field_name, [({k: v[k] for k in identity if v[k] is not None}, m)
                                                 for v, m in zip(values, members) if rank[v["precision"]] == top])
    chosen["evidence"] = _dedupe_evidence(e for v in values if ident(v) == ident(chosen) for e in v["evidence"])
    return chosen


def _fuse_count(values: list[dict[str, Any]], members: list[Member], field_name: str,
                conflicts: list[dict[str, Any]]) -> dict[str, Any]:
    """The latest well-sourced figure: the most recently published report that gives one with
    evidence (any figure when none has evidence); figures update as the wounded die."""
    given = [(v, m) for v, m in zip(values, members) if v["best"] is not None]
    if not given:
        return {"best": None, "low": None, "high": None, "evidence": []}
    _record_conflict(conflicts, field_name, [(v["best"], m) for v, m in given])
    sourced = [(v, m) for v, m in given if v["evidence"]] or given
    chosen, _ = max(sourced, key=lambda vm: (vm[1].published or "", vm[1].seq))
    same = (e for v, _ in given if v["best"] == chosen["best"] for e in v["evidence"])
    return {**chosen, "evidence": _dedupe_evidence(same)}


def _union(lists: list[list[dict[str, Any]]], key: Callable[[dict[str, Any]], Any]) -> list[dict[str, Any]]:
    """Every report's items once: duplicates pool their evidence and fill each other's gaps."""
    merged: dict[Any, dict[str, Any]] = {}
    for items in lists:
        for item in items:
            k = key(item)
            if k not in merged:
                merged[k] = dict(item)
                continue
            kept = merged[k]
            for name, value in item.items():
                if name == "evidence":
                    kept["evidence"] = _dedupe_evidence([*kept["evidence"], *value])
                elif kept.get(name) in (None, []) and value not in (None, []):
                    kept[name] = value
    return list(merged.values())


def _record_conflict(conflicts: list[dict[str, Any]], field_name: str, known: list[tuple[Any, Member]]) -> None:
    if len({_key(v) for v, _ in known}) > 1:
        conflicts.append({"field": field_name,
                          "values": [{"value": v, "document_id": m.document_id} for v, m in known]})


def _dedupe_evidence(evidence: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in evidence:
        seen.setdefault((e["document_id"], e["field"], e["start"], e["end"]), e)
    return list(seen.values())


def _with_document_id(value: Any, document_id: str) -> Any:
    """Set ``document_id`` on every Evidence inside a dumped incident (in place)."""
    if isinstance(value, dict):
        for name, inner in value.items():
            if name == "evidence":
                for e in inner:
                    e["document_id"] = document_id
            else:
                _with_document_id(inner, document_id)
    elif isinstance(value, list):
        for inner in value:
            _with_document_id(inner, document_id)
    return value


def _key(value: Any) -> Any:
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


def parse_day(value: Optional[str]) -> Optional[date]:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _full_names(names: Iterable[Optional[str]]) -> frozenset[str]:
    """First and last name of each full name ("Gregory Vincente Green Jr." -> "green gregory"):
    "Kara Allen" and "Isis Allen" are two people; single words are too often not names."""
    found = set()
    for name in names:
        words = [w.strip("'") for w in _WORD.findall((name or "").lower())]
        words = [w for w in words if w and w not in _NAME_SUFFIXES]  # a stray quote mark is no name
        if len(words) >= 2:  # in either order: a list may give "Graham Shadale" for "Shadale Graham"
            found.add(" ".join(sorted((words[0], words[-1]))))
    return frozenset(found)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


# --------------------------------------------------------------------------- evaluation hook


def cluster_documents(records: list[DocumentRecord]) -> list[list[str]]:
    """Groups of document ids whose primary incidents merged, through the real storage path
    (an in-memory SQLite database). A document whose text is already stored (the same report
    under another address) joins the group of that document's primary incident; a document
    without a primary incident (a login wall, a newsletter form) stands alone."""
    from .database import open_database, text_hash

    first_with_text: dict[str, DocumentRecord] = {}
    same_as: dict[str, str] = {}
    with open_database("sqlite://") as db:
        for record in records:
            first = first_with_text.setdefault(text_hash(record), record)
            if (not db.add_record(record).stored and first.id != record.id
                    and any(incident.is_primary for incident in first.incidents)):
                same_as[record.id] = first.id
        groups = db.primary_incident_groups([r.id for r in records if r.id not in same_as])
    group_of = {document_id: group for group in groups for document_id in group}
    for duplicate, original in same_as.items():
        group_of[original].append(duplicate)
    return groups
