"""When an incident happened: resolve "on Sunday", "late on Friday", "last night", "on March 3"
against the publication date.

Entry points: ``fill_date(frame) -> IncidentDate`` and ``resolve_date_expression(text, published)``
for other fillers (a claim's date). Everything is matched by our own patterns; no date parser
runs over whole texts, so a frame costs well under a millisecond.

A weekday means the most recent such day on or before publication. The publication date is
never the incident date by itself, and a date attached to a statement ("said on Monday") or
to what came after (an arrest, a court hearing) is not the incident's date.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from ..models import Evidence, IncidentDate
from ..quotes import quoted_spans
from .detect import TRIGGERS, WEAK_WORDS
from .frame import IncidentFrame

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
# Holidays on a fixed day of the year: (month, day). Not New Year's Eve: its parties run past midnight, and
# GVA dates a third of the shootings at them on January 1.
HOLIDAYS = {"new year's day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25), "fourth of july": (7, 4),
            "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14)}
# Days around Easter Sunday, from it: the vigil and Holy (or "Easter") Saturday come the day before.
EASTER_DAYS = {"easter monday": 1, "easter saturday": -1, "holy saturday": -1, "easter vigil": -1}
# US holidays on the n-th weekday of a month (n = -1: the last): (month, weekday, n). Reports date shootings by
# them ("on Thanksgiving Day") as by a weekday.
MOVABLE_HOLIDAYS = {"thanksgiving": (11, 3, 4), "memorial day": (5, 0, -1), "labor day": (9, 0, 1),
                    "mother's day": (5, 6, 2), "father's day": (6, 6, 3)}

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|midday))?"
_LEAD = r"\b(?:(?:late|early)\s+)?(?:(?:on|in|during|since|by|from)\s+)?"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("numeric", re.compile(r"(?<![\d/])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d\d)(?![\d/])")),
    ("month_day", re.compile(
        _LEAD + r"(?:" + _WEEKDAY + r",?\s+)?" + _MONTH
        + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?" + _PART_OF_DAY, re.IGNORECASE)),
    ("day_month", re.compile(
        _LEAD + r"(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MONTH + r"(?:,?\s+(?P<year>(?:19|20)?\d\d)\b)?" + _PART_OF_DAY, re.IGNORECASE)),
    ("month_year", re.compile(r"\b(?:(?:in|during|since|early|late|mid-?)\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?:in|during)\s+(?P<year>(?:19|20)\d\d)\b(?![-/])", re.IGNORECASE)),
    ("weekday", re.compile(
        _LEAD + r"(?P<last>last\s+)?" + _WEEKDAY + r"(?:'s|’s)?" + _PART_OF_DAY + r"\b", re.IGNORECASE)),
    ("relative_day", re.compile(
        r"\b(?:(?:late|early)\s+)?(?P<word>yesterday|last\s+night|overnight|today|this\s+morning|this\s+afternoon|"
        r"this\s+evening|tonight|earlier\s+today|(?:the\s+)?day\s+before\s+yesterday)(?:\s+(?:morning|afternoon|evening))?(?:'s|’s)?\b",
        re.IGNORECASE)),
    ("holiday", re.compile(
        r"\b(?:(?:late|early)\s+)?(?:on\s+)?(?P<holiday>New\s+Year(?:'s|’s|s)?\s+Day|Christmas\s+(?:Eve|Day)|"
        r"Fourth\s+of\s+July|Independence\s+Day|Hallowe?en|Valentine(?:'s|’s|s)?\s+Day|Thanksgiving(?!\s+Day\s+(?:weekend|week|holidays?|break|season|travel|eve)\b)(?:\s+Day)?|"
        r"Memorial\s+Day|Labor\s+Day|Mother(?:'s|’s|s)?\s+Day|Father(?:'s|’s|s)?\s+Day|"
        r"(?:Orthodox\s+)?(?:Easter(?:\s+(?:Sunday|Monday|Saturday|Vigil))?|Holy\s+Saturday))"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        r"(?!\s+(?:weekend|week|holidays?|break|season|travel|eve|bunny|eggs?|baskets?|vacation)\b)", re.IGNORECASE)),
    ("days_ago", re.compile(r"\b(?P<count>two|three|four|five|six|\d)\s+days\s+ago\b", re.IGNORECASE)),
    ("relative_period", re.compile(
        r"\b(?P<word>earlier\s+this\s+(?:week|month|year)|last\s+(?:week|month|year)|this\s+(?:week|month))\b", re.IGNORECASE)),
]
TIME_RE = re.compile(
    r"\b(?:\b(?:shortly|just|soon)\s+(?:after|before)\s+|\b(?:around|about|at|approximately|near|by|before|after)\s+)?"
    r"(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d\d))?\s*(?P<meridiem>[ap]\.m\.|[ap]\.?m\b)"
    r"|(?P<clock>\d{1,2}):(?P<clock_minute>\d\d)\b(?!\s*(?:a\.?m|p\.?m))(?P<hrs>\s*(?:hrs|hours|GMT|local\s+time))?"
    r"|(?P<word>midnight|noon|midday))",
    re.IGNORECASE,
)
# The words between an aftermath's cue and a date, within one clause: "a.m.", "p.m." and "St." do not end it
# ("arrested about 2:30 p.m. Monday"). (After a statement's cue a clock time mostly starts the reported event:
# "says the fight began near 9:50 a.m. Wednesday".)
_CLAUSE = r"(?:[^.;]|\b[ap]\.m\.|\b(?:St|Ave|Blvd|Rd|Dr|Mt|Ft|No|Sgt|Lt|Capt|Det|Cpl|Mr|Mrs|Ms|Jr|Sr|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
# A date that belongs to a statement, not to the event: "said on Monday", "in a video posted online on Monday",
# a broadcast's schedule ("Tune in Thursday at 6 p.m.").
_STATEMENT_BEFORE_RE = re.compile(
    r"\b(?:said|says|announced|claimed|told|stated|confirmed|reported|posted|published|released|statement|"
    r"issued|added|tweeted|wrote|created|updated?|tune(?:\s+in)?|addressed|briefed)\b[^.;]{0,40}$", re.IGNORECASE)
# A day something is planned for, a broadcast's or a meeting's ("is set for 5-7 p.m. Tuesday"): unlike after a
# statement, a clock time here does not start the event.
_SCHEDULE_BEFORE_RE = re.compile(r"\b(?:tune(?:\s+in)?|scheduled|planned|slated)\b" + _CLAUSE + r"{0,40}$", re.IGNORECASE)
# The heading of an update to a running story, a line that opens on its clock time and day and a colon ("9:05 AM
# FRIDAY: Police now say ...", "UPDATE, 2 p.m. Sunday: ..."): when the update was written, not the event's day. Without
# an UPDATE word only a day in capitals makes one: "9 p.m. Monday: A gunman opened fire" is a timeline of the event.
_UPDATE_HEADING_BEFORE_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:UPDATED?\b[\s,:@-]*(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?[\s,]*)?|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?[\s,]*)$",
    re.IGNORECASE)
_UPDATE_HEADING_AFTER_RE = re.compile(r"\s*:")
# What a promotion asks the reader to do "today" ("Sign up today", "Get email alerts from KSAT 12 today"): the
# page's furniture, not the event's day.
_PROMOTION_BEFORE_RE = re.compile(
    r"(?:^|[.!?|\n]\s*)(?:sign\s+up|subscribe|get|download|join|order|call|visit|register|donate|enjoy|try|"
    r"start)\b[^.;!?]{0,60}$", re.IGNORECASE)
# The time of a narrated day named as such: "said the night of June 9 began with a quarrel".
_NARRATED_DAY_BEFORE_RE = re.compile(
    r"\b(?:the\s+)?(?:morning|afternoon|evening|night|early\s+hours|day)\s+of\s+$", re.IGNORECASE)
# The opening of what a statement tells, between its verb and a date: "reported that terrorists tonight ...".
_REPORTED_CLAUSE_RE = re.compile(r"\bthat\s+\S", re.IGNORECASE)
# A date of what followed: an arrest, a charge, a court hearing, a funeral, the search going on.
_AFTERMATH_BEFORE_RE = re.compile(
    r"\b(?:arrested|charged|charges|detained|sentenced|convicted|court|courtroom|arraigned|hearing|trial|funeral|vigil|"
    r"released|identified|booked|appeared|indicted|custody|surrendered|buried|arraignment|awaiting|jailed|bond|"
    r"pleaded|plea|testified|extradited|continued|continues|"
    r"reward|memorial|remained|remains|stands|interviewed|questioned|remembering|remembered|mourning|mourned|honoring|honored|"
    r"overcome|grieving|grieved|shock|shocked|stunned|reeling|appearance|conference|announcement|still|(?:is|was|were|are|listed)\s+in\s+(?:[\w-]+\s+){0,2}condition|due(?!\s+to\b)|behind\s+bars|locked\s+up)\b"
    + _CLAUSE + r"{0,30}$",
    re.IGNORECASE)
# What tellers and officials do, in both patterns below.
_TELLING_VERBS = "said|says|announced|identified|released|confirmed|reported|told|arrested|charged|named|interviewed|questioned|asked|issued|ordered"
# A sentence that opens on a day and goes on with a statement or an aftermath: "On Wednesday, police
# identified the victims", "Monday, the sheriff's office said": the day of the telling, not of the event.
_STATEMENT_AFTER_RE = re.compile(
    r"(?:'s|’s)?,?\s+(?:[\w'’.-]+\s+){0,8}?(?:" + _TELLING_VERBS + r"|appeared|"
    r"made\s+(?:their|his|her)\s+(?:first\s+)?(?:court\s+)?appearance)\b"
    r"|(?:'s|’s)?,?\s+(?:a|the)?\s*(?:(?:grand|circuit|district|county|federal|superior)\s+)?"
    r"(?:judge|jury|jurors|prosecutors?|magistrate)\b", re.IGNORECASE)
# A teller's or an official's act right after the date that a subject opens: "The coroner on Sunday identified the
# man", "A judge on Saturday ordered him held", "Friday, the two men made their first appearance".
_TELLING_VERB_AFTER_RE = re.compile(
    r"(?:'s|’s)?,?\s+(?:(?:also|formally|publicly|again)\s+)?(?:" + _TELLING_VERBS + r"|filed|denied|revealed|declined|refused|"
    r"addressed|obtained|searched|booked|indicted|sentenced|made\s+(?:their|his|her)\s+(?:first\s+)?appearance)\b",
    re.IGNORECASE)
# A street named "... Court" ("on Emery Court"), not a court of law ("Circuit Court", "court on Monday").
_STREET_COURT_RE = re.compile(
    r"\b(?!(?:County|District|Circuit|Superior|Supreme|Municipal|Federal|Juvenile|Family|Criminal|High|Appeals|State|"
    r"Magistrate|Probate|City|Justice|Drug|Traffic|Youth|Domestic|Relations|Claims|Bankruptcy|Tax|Housing)\b)[A-Z][a-z]+\s+Court$")
# The event itself right after the date: "the August 14 shooting", "Monday's deadly attack".
_EVENT_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s+(?:(?:night|morning|afternoon|evening)\s+)?(?:(?:fatal|deadly|double|triple|quadruple|multiple|mass|tragic|violent|apparent|accidental|\w+-\w+(?:-\w+)?)\s+){0,2}"
    r"(?:incident|shootings?|deaths?\s+of|stabbings?|attacks?|killings?|murders?|homicides?|bombings?|explosions?|blasts?|ambush|slayings?|"
    r"robbery|carjacking|assault|raid|massacre|gunfire|shoot-?out)\b", re.IGNORECASE)
# The event named right before the date: "detained following a shooting Wednesday morning".
_EVENT_BEFORE_RE = re.compile(r"\b(?:shootings?|stabbings?|killings?|homicides?|slayings?|murders?)\s+$", re.IGNORECASE)
# A violent verb (or the call-out to it) between a statement or an aftermath and the date: "says Ann Lee was shot
# Monday", "says officers arrived at 3:41 a.m. Friday".
_EVENT_VERB_RE = re.compile(
    r"\b(?:shot|stabbed|killed|wounded|injured|attacked|murdered|slain|died|robbed|opened\s+fire|exploded|bombed|"
    r"ambushed|kidnapped|abducted|beaten|struck|hit|responded|dispatched|happened|occurred|took\s+place|erupted|"
    r"discharged(?!\s+from)|went\s+off|(?:911|emergency)\s+calls?|"
    r"found\s+(?:dead|shot|stabbed|slain|(?:fatally\s+)?(?:shot|wounded)))\b", re.IGNORECASE)
# What followed, named right after the date: "a Sept. 28 court date", "Saturday's vigil".
_AFTERMATH_AFTER_RE = re.compile(
    r"(?:'s|’s)?\s+(?:court\s+(?:date|appearance|hearing)|(?:(?:bond|bail|preliminary|detention|custody|plea|sentencing)\s+)?hearing"
    r"|trial|arraignment|sentencing|funeral|vigil|memorial|(?:(?:at|during|in)\s+an?\s+)?(?:news|press)\s+(?:conference|briefing))\b",
    re.IGNORECASE)
# A death told as coming after the act: "She died Wednesday ... after days on a ventilator following the shooting".
_DIED_BEFORE_RE = re.compile(r"\b(?:died|succumbed|passed\s+away)\s+(?:on\s+)?$", re.IGNORECASE)
_LATER_DEATH_AFTER_RE = re.compile(
    r"[^.;]{0,80}?\b(?:after\s+(?:being\s+(?:on|in|kept|hospitali[sz]ed)|spending|weeks|days|months)|days\s+after|"
    r"life\s+support)\b", re.IGNORECASE)
_DATELINE_AFTER_RE = re.compile(r"\s*(?:\(|--|—)")  # "(ACAN-EFE) --", or the dash straight after the date
# A weekday counted from another day the report names, not from publication: "that Saturday", "the following Monday"
# (but "said that Saturday's shooting ...": "that" opens the reported clause).
_REFERRED_WEEKDAY_RE = re.compile(
    r"\b(?:(?<!said\s)(?<!says\s)(?<!told\s)(?<!noted\s)that|next|following|coming|previous|prior|same)\s+$", re.IGNORECASE)
# The start of a period, not an event's day: "since Friday night", "from Friday".
_PERIOD_START_RE = re.compile(r"(?:(?:late|early)\s+)?(?:since|from)\s", re.IGNORECASE)
# The event itself reported: "after a shooting was reported near the park Tuesday".
_EVENT_REPORTED_RE = re.compile(
    r"\b(?:shootings?|stabbings?|shots|gunfire|gunshots|robbery|homicide|attack|explosion)\s+(?:(?:which|that)\s+)?"
    r"(?:was|were|had\s+been|being)\s+reported$",
    re.IGNORECASE)
# Words every date expression contains: the costly patterns run only in small windows around them.
_DATE_HINT_RE = re.compile(
    r"\d|\b(?:\w*day|night|month|week|year|ago|morning|afternoon|evening|tonight|overnight|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|hallowe?en|thanksgiving|easter)",
    re.IGNORECASE)
_WINDOW_BEFORE, _WINDOW_AFTER = 20, 45
# A publication day in a page address: "/2016/01/27/", "/2016-01-27-".
_TEXT_YEAR_RE = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
# How far from the years a report mentions a weekday-pinned date may lie.
_PIN_YEARS_BACK, _PIN_YEARS_AHEAD = 6, 1


@dataclass(frozen=True)
class DateMention:
    """One resolved date expression and where it is in the text."""

    start: date
    end: date
    precision: str
    char_start: int
    char_end: int


def _year(text: str | None, published: date | None) -> int | None:
    if text is None:
        return published.year if published else None
    year = int(text)
    return year + (2000 if year < 50 else 1900) if year < 100 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _pinned_by_weekday(month: int, day: int, weekday: str, anchor_year: int | None) -> tuple[date, date, str] | None:
    """"Tuesday, Jan. 27" without a year: the year near the anchor in which Jan. 27 was a Tuesday."""
    if anchor_year is None:
        return None
    wanted = WEEKDAYS[weekday.lower()]
    years = sorted(range(anchor_year - _PIN_YEARS_BACK, anchor_year + _PIN_YEARS_AHEAD + 1), key=lambda y: abs(y - anchor_year))
    for year in years:
        try:
            resolved = date(year, month, day)
        except ValueError:
            continue
        if resolved.weekday() == wanted:
            return resolved, resolved, "day"
    return None


def _absolute_day(year: int | None, month: int, day: int, published: date | None, year_given: bool) -> tuple[date, date, str] | None:
    """A day of a month; a day without a year that lies after publication is last year's."""
    if year is None:
        return None
    try:
        resolved = date(year, month, day)
    except ValueError:
        return None
    if not year_given and published and resolved > published:
        try:
            resolved = date(year - 1, month, day)
        except ValueError:
            return None
    return resolved, resolved, "day"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` given weekday of a month (``nth`` -1: its last), e.g. the fourth Thursday of November."""
    if nth < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> date:
    """Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian computus)."""
    golden = year % 19
    century, of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    epact = (19 * golden + century - leap_centuries - (century - moon_correction + 1) // 3 + 15) % 30
    leap_years, year_rest = divmod(of_century, 4)
    weekday_offset = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday_offset) // 451
    month, day = divmod(epact + weekday_offset - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def _orthodox_easter(year: int) -> date:
    """Easter Sunday of the Orthodox churches: the Julian computus, moved to the Gregorian calendar (1900-2099)."""
    paschal_full_moon = (19 * (year % 19) + 15) % 30
    weekday_offset = (2 * (year % 4) + 4 * (year % 7) - paschal_full_moon + 34) % 7
    month, day = divmod(paschal_full_moon + weekday_offset + 114, 31)
    return date(year, month, day + 1) + timedelta(days=13)


def _holiday(words: str, published: date | None) -> tuple[date, date, str] | None:
    """The day a named holiday fell on: the latest one on or before publication."""
    if published is None:
        return None
    name = " ".join(re.sub(r"(year|valentine|mother|father)\S*", r"\1's", words.lower().replace("’", "'")).split())
    name = "thanksgiving" if name.startswith("thanksgiving") else "halloween" if name.startswith("hallow") else name
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        return _absolute_day(published.year, month, day, published, False)
    if name.startswith(("easter", "holy", "orthodox")):
        computus = _orthodox_easter if name.startswith("orthodox") else _easter
        offset = timedelta(days=EASTER_DAYS.get(name.removeprefix("orthodox "), 0))
        return _latest_by(published, lambda year: computus(year) + offset)
    month, weekday, nth = MOVABLE_HOLIDAYS[name]
    return _latest_by(published, lambda year: _nth_weekday(year, month, weekday, nth))


def _latest_by(published: date, day_in: Callable[[int], date]) -> tuple[date, date, str]:
    """A yearly day (``day_in(year)``) as it last fell on or before publication: this year's, else last year's."""
    resolved = day_in(published.year)
    if resolved > published:
        resolved = day_in(published.year - 1)
    return resolved, resolved, "day"


def _resolve(kind: str, match: re.Match[str], published: date | None,
             year_hint: int | None = None) -> tuple[date, date, str] | None:
    """(start, end, precision) for one pattern match, or None when it cannot be resolved.

    ``year_hint`` (the latest year the report mentions) anchors a weekday-pinned date when the
    publication date is unknown.
    """
    groups = match.groupdict()
    if kind in {"iso", "numeric"}:
        return _absolute_day(_year(groups["year"], published), int(groups["month"]), int(groups["day"]), published, True) \
            if 1 <= int(groups["month"]) <= 12 else None
    if kind in {"month_day", "day_month"}:
        if groups["weekday"] and groups["year"] is None:
            anchor = published.year if published else year_hint
            pinned = _pinned_by_weekday(MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"]),
                                        groups["weekday"], anchor)
            if pinned is not None and (published is None or pinned[0] <= published):
                plain = _absolute_day(_year(None, published), MONTHS[groups["month"].lower().rstrip(".")],
                                      int(groups["day"]), published, False) if published else None
                if plain is not None and pinned[0].year != plain[0].year and (published - plain[0]).days <= 60:
                    return plain  # "Monday, Nov. 15" in a report of Nov. 16: a wrong weekday, not a 2010 date
                return pinned
        return _absolute_day(_year(groups["year"], published), MONTHS[groups["month"].lower().rstrip(".")],
                             int(groups["day"]), published, groups["year"] is not None)
    if kind == "holiday":
        return _holiday(groups["holiday"], published)
    if kind == "month_year":
        year, month = int(groups["year"]), MONTHS[groups["month"].lower().rstrip(".")]
        return date(year, month, 1), _month_end(year, month), "month"
    if kind == "year":
        year = int(groups["year"])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if published is None:
        return None
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        if groups["last"] and back == 0:
            back = 7  # "last Friday" in a report of Friday: a week back ("last Friday" of Saturday stays ambiguous,
            # and the most recent Friday is kept)
        day = published - timedelta(days=back)
        return day, day, "day"
    if kind == "relative_day":
        word = " ".join(groups["word"].lower().split())
        if word == "overnight":
            return published - timedelta(days=1), published, "range"
        back = 2 if "before" in word else 1 if word in {"yesterday", "last night"} else 0
        day = published - timedelta(days=back)
        return day, day, "day"
    if kind == "days_ago":
        count = groups["count"].lower()
        back = int(count) if count.isdigit() else ["two", "three", "four", "five", "six"].index(count) + 2
        day = published - timedelta(days=back)
        return day, day, "day"
    word = " ".join(groups["word"].lower().split())
    if word.endswith("week"):
        if word.startswith("last"):  # the calendar week before publication's, Sunday to Saturday as US papers count it
            sunday = published - timedelta(days=(published.weekday() + 1) % 7)
            return sunday - timedelta(days=7), sunday - timedelta(days=1), "week"
        monday = published - timedelta(days=published.weekday())
        return monday, published, "week"
    if word.endswith("month"):
        if word.startswith("last"):
            last_of_previous = published.replace(day=1) - timedelta(days=1)
            return last_of_previous.replace(day=1), last_of_previous, "month"
        return published.replace(day=1), published, "month"
    if word.startswith("last"):
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31), "year"
    return date(published.year, 1, 1), published, "year"


def find_date_mentions(text: str, start: int, end: int, published: datetime | date | None,
                       year_hint: int | None = None) -> list[DateMention]:
    """Every resolvable date expression in ``text[start:end]``; overlapping ones keep the longest."""
    day = published.date() if isinstance(published, datetime) else published
    found: list[DateMention] = []
    windows: list[tuple[int, int]] = []
    for hint in _DATE_HINT_RE.finditer(text, start, end):
        low, high = max(start, hint.start() - _WINDOW_BEFORE), min(end, hint.end() + _WINDOW_AFTER)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    matches = [(kind, match) for kind, pattern in DATE_PATTERNS for low, high in windows
               for match in pattern.finditer(text, low, high)]
    for kind, match in matches:
        if match.start() < 80 and _DATELINE_AFTER_RE.match(text, match.end()):
            continue  # "SAN SALVADOR, 12 JAN 90 (RADIO)": the dateline is the publication date
        if kind == "weekday" and not match.group(0).endswith(("'s", "’s")) and _REFERRED_WEEKDAY_RE.search(
                text, max(0, match.start() - 12), match.start()):
            continue
        resolved = _resolve(kind, match, day, year_hint)
        if resolved is None:
            continue
        if resolved[2] == "day" and _PERIOD_START_RE.match(text, match.start()):
            if day is None or resolved[0] > day:
                continue
            resolved = (resolved[0], day, "range")  # "since Friday night": some day from then to publication
        if any(m.char_start <= match.start() and match.end() <= m.char_end for m in found):
            continue
        found = [m for m in found if not (match.start() <= m.char_start and m.char_end <= match.end())]
        found.append(DateMention(*resolved, match.start(), match.end()))
    return sorted(found, key=lambda m: m.char_start)


def resolve_date_expression(text: str, published: datetime | date | None) -> tuple[date, date, str] | None:
    """(start, end, precision) of the first date expression in ``text``, e.g. "on Monday"; None if none."""
    mentions = find_date_mentions(text, 0, len(text), published)
    if not mentions:
        return None
    first = mentions[0]
    return first.start, first.end, first.precision


# The page's own stamp near its top: "Posted: Friday, July 8, 2016 4:12 PM", "Created: 11/03/2017 8:06 AM",
# a dateline "SAVANNAH, GA (October 16, 2015):" or "(05/09/16) -", or a release's opening "June 17, 2013 - Police are ...".
# Only a stamp with its year counts.
_STAMP_RE = re.compile(
    r"(?:\b(?:Originally\s+|First\s+)?(?:Posted|Created|Published)(?:\s+on)?\s*:?\s*|\(\s*|(?P<line>(?<![^\n])))"
    r"(?:" + _WEEKDAY + r",?\s+)?(?:" + _MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)"
    r"|(?P<nmonth>\d{1,2})/(?P<nday>\d{1,2})/(?P<nyear>(?:19|20)?\d\d))\b", re.IGNORECASE)
_STAMP_REACH = 600  # characters from the top of the text


def _stamps(text: str) -> list[tuple[date, int, int]]:
    """(day, start, end) of every publication stamp near the top of the page, in order."""
    found = []
    for match in _STAMP_RE.finditer(text, 0, min(len(text), _STAMP_REACH)):
        if match.group(0).lstrip().startswith("(") and not re.match(r"\s*\)", text[match.end():]):
            continue  # a dateline's date stands alone in its brackets
        if match.group("line") is not None and not re.match(r"\s*[-–—]", text[match.end():]):
            continue  # a date opening a line is the release's own only when a dash follows it
        try:
            if match.group("nyear"):
                day = date(_year(match.group("nyear"), None), int(match.group("nmonth")), int(match.group("nday")))
            else:
                day = date(int(match.group("year")), MONTHS[match.group("month").lower().rstrip(".")], int(match.group("day")))
        except ValueError:
            continue
        found.append((day, match.start(), match.end()))
    return found


def stamped_publication(text: str) -> date | None:
    """The publication day a page prints near its top ("Posted: Monday, May 4, 2015", "INDIANAPOLIS (Dec. 10,
    2015) --"), None when it prints none."""
    stamps = _stamps(text)
    return stamps[0][0] if stamps else None


# How far before the given publication day a page address's day may lie and still be the page's first day (an
# archive's or an update's copy of an older page); farther back, the address and the stamp disagree too much to
# trust either over the given day.
_ADDRESS_DAY_REACH = timedelta(days=6 * 366)


def _same_day_misread(stamp: date, published: date) -> bool:
    """Whether the stamp is the publication day read with a slip: "Jan. 8, 2015" on a page of Jan. 8, 2016 (the
    year), or "05/09/16" on a page of 5 September 2016 (written day first, read month first)."""
    return (stamp.month, stamp.day) == (published.month, published.day) or (
        (stamp.year, stamp.day, stamp.month) == (published.year, published.month, published.day))


def publication_anchor(published: datetime | None, text: str, address_day: date | None = None,
                       page_stamp: date | None = None) -> datetime | None:
    """The day relative dates ("on Saturday") count back from: the given publication time, unless the page's
    own stamp (in the text, or ``page_stamp``: the one cleaning took off the page), or else the day its address
    holds ("/2013/06/09/"), says it came out earlier (the given date was when an archive copied the page or a later
    update) or none was given."""
    stamp = stamped_publication(text) or page_stamp
    if stamp is None and address_day is not None and published is not None and (
            timedelta(days=2) < published.date() - address_day <= _ADDRESS_DAY_REACH):
        stamp = address_day
    if stamp is None:
        return published
    if published is None or ((published.date() - stamp).days > 2 and not _same_day_misread(stamp, published.date())):
        return datetime(stamp.year, stamp.month, stamp.day)
    return published


def _time_of(match: re.Match[str]) -> str | None:
    """'HH:MM' for one time expression; None for impossible clock readings."""
    if match.group("word"):
        return "00:00" if match.group("word").lower() == "midnight" else "12:00"
    if match.group("clock"):
        hour, minute = int(match.group("clock")), int(match.group("clock_minute"))
        has_cue = match.group("hrs") or match.group(0)[0].isalpha()
        if not has_cue:
            return None  # a bare "3:16" may be a score or a verse, not a time
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        meridiem = match.group("meridiem").lower()
        if hour > 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _is_detached(text: str, char_start: int, char_end: int, sentence_start: int) -> bool:
    """Whether the words around a date tie it to a statement, an aftermath, a schedule, a later death or a page
    promotion, not the event.

    A date that names the event ("charged in the August 14 shooting") or follows a violent verb
    after the statement ("police say he was shot Monday") stays the event's.
    """
    if _EVENT_AFTER_RE.match(text, char_end):
        return False
    if _AFTERMATH_AFTER_RE.match(text, char_end):
        return True
    before = text[sentence_start:char_start]
    if _PROMOTION_BEFORE_RE.search(before):
        return True
    heading = _UPDATE_HEADING_AFTER_RE.match(text, char_end) and _UPDATE_HEADING_BEFORE_RE.search(
        text, max(0, char_start - 40), char_start)
    if heading and ("update" in heading.group(0).lower() or text[char_start:char_end].isupper()):
        return True  # not a timeline's line in plain case ("9 p.m. Monday: A gunman opened fire ...")
    planned = _SCHEDULE_BEFORE_RE.search(before)
    if planned is not None and not _EVENT_VERB_RE.search(before, planned.start()):
        return True  # "a vigil is scheduled for Friday", not "planned the attack and shot two men Friday"
    if _DIED_BEFORE_RE.search(before) and _LATER_DEATH_AFTER_RE.match(text, char_end):
        return True
    if _NARRATED_DAY_BEFORE_RE.search(before):
        return False
    if len(before.split()) <= 8 and not _EVENT_VERB_RE.search(before) and _TELLING_VERB_AFTER_RE.match(text, char_end):
        return True  # "The Dunmore County coroner's office on Sunday identified the man": the day of the telling
    if re.fullmatch(r"\W*(?:on\s+)?", before, re.IGNORECASE):
        after = _STATEMENT_AFTER_RE.match(text, char_end)
        if after is not None and not _EVENT_VERB_RE.search(text, char_end, after.start(0) + len(after.group(0).rstrip()) - 1):
            return True  # "On Wednesday, police identified the boy shot on Tuesday"
    statement = _STATEMENT_BEFORE_RE.search(before)
    if statement is not None and _REPORTED_CLAUSE_RE.search(statement.group(0)):
        statement = None  # "police reported that terrorists tonight bombed ...": the date is inside what was told
    cue = statement or _AFTERMATH_BEFORE_RE.search(before)
    if cue is not None and _STREET_COURT_RE.search(before, 0, cue.start() + 5) and cue.group(0).startswith("Court"):
        cue = None  # "on Hollis Court in West Marlow on Monday": a street, not a courtroom
    if cue is not None and (_EVENT_REPORTED_RE.search(before, 0, cue.start() + 8) or _EVENT_BEFORE_RE.search(before)):
        return False  # "a shooting was reported Tuesday", "held after a shooting Tuesday": the event's own day
    return cue is not None and not _EVENT_VERB_RE.search(before, cue.start())


# Verbs of the scene around the violent act that still date it: police called to it, a body found, a death.
_SCENE_VERB_LEMMAS = frozenset({
    "call", "respond", "dispatch", "arrive", "find", "discover", "happen", "occur", "die", "wound", "injure", "hit",
    "strike", "erupt", "break", "take", "destroy", "damage", "fire", "hear", "kill", "investigate", "sustain", "suffer"})
_VERB_TAGS = ("VERB", "AUX")


def _is_trigger(token: Token) -> bool:
    """A word of violence, in any inflection ("shootings")."""
    return token.lower_ in TRIGGERS or token.lemma_.lower() in TRIGGERS


# Violent acts told by a verb and its particle or object: "opened fire", "the gun went off".
_EVENT_PHRASES = frozenset({("open", "fire"), ("go", "off")})


# Verbs that put someone in custody: "taken into custody", "placed in custody", "booked into custody".
_CUSTODY_VERBS = frozenset({"take", "place", "put", "book", "remand", "return"})


def _takes_into_custody(token: Token) -> bool:
    """Whether a verb puts someone in custody ("was taken into custody", "placed in custody"): an arrest.
    "Died in custody" or "was shot in police custody" tell a death or a shooting, not an arrest."""
    return token.lemma_.lower() in _CUSTODY_VERBS and any(
        child.dep_ == "prep" and child.lower_ in ("in", "into")
        and any(grandchild.lower_ == "custody" for grandchild in child.children) for child in token.children)


def _is_event_verb(token: Token) -> bool:
    """A verb of the violent act or of its scene: "shot", "killed", "police were called", "found", "opened fire"."""
    if token.lemma_.lower() == "discharge" and any(child.lower_ == "from" for child in token.children):
        return False  # "discharged from the hospital", not "the gun discharged"
    if _takes_into_custody(token):
        return False  # "taken into custody" is an arrest, not "took place"
    return token.pos_ in _VERB_TAGS and (
        token.lemma_.lower() in _SCENE_VERB_LEMMAS or _is_trigger(token) or _EVENT_VERB_RE.fullmatch(token.text) is not None
        or any((token.lemma_.lower(), child.lower_) in _EVENT_PHRASES for child in token.children))


# The days a report counts from its filing ("today", "yesterday"): news-agency copy dates the news it files with
# them and gives an attack it recalls its own date.
_NEWS_DAY_RE = re.compile(
    r"(?:(?:late|early)\s+)?(?:today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:morning|afternoon|evening))?|(?:two|three|four|five|six|\d)\s+days\s+ago", re.IGNORECASE)
# A day named by its weekday ("late Friday", "Monday, May 16"): crime reports name both the news told and the event
# with them, so such a day yields only when its verb is an act of the aftermath (a bare "another act" test here
# lost as many GVA dates as it won).
_WEEKDAY_NAMED_RE = re.compile(r".*\b" + _WEEKDAY + r"\b.*", re.IGNORECASE)
# What follows a crime: the law's acts, the telling of it, mourning and recovery ("charged a man with murder
# Thursday", "Officials Wednesday identified", "Neighbors Sunday mourned", "faced a judge Tuesday").
_AFTERMATH_LEMMAS = frozenset({
    "arrest", "charge", "detain", "sentence", "convict", "arraign", "release", "identify", "book", "appear", "indict",
    "surrender", "bury", "jail", "plead", "testify", "extradite", "unseal", "appoint", "confess", "face", "hold",
    "file", "deny", "reveal", "decline", "refuse", "obtain", "search", "interview", "question", "say", "tell",
    "announce", "confirm", "name", "ask", "issue", "order", "learn", "speak", "tweet", "post", "address",
    "mourn", "remember", "honor", "grieve", "gather", "recover", "remain", "continue", "rule"})
# Verbs that only tell: a day before them may be the day of what they tell ("Around 10 p.m. Sunday, police say ...").
_REPORTING_LEMMAS = frozenset({"say", "tell"})


def _joins_the_act(verb: Token) -> bool:
    """A verb of the act or one coordinated with it ("drove home and shot his brother"): coordinated acts
    share their time."""
    return _is_event_verb(verb) or any(_is_event_verb(conjunct) for conjunct in verb.conjuncts)


def _dated_head(span: Span) -> Token | None:
    """The first word of violence or verb above a date, through the words between ("the Friday night shootings":
    "shootings"; "charged a man with murder Thursday": "charged"); None when there is neither."""
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if _is_trigger(token) or token.pos_ in _VERB_TAGS:
            return token
    return None


def _dated_verb(span: Span) -> Token | None:
    """The verb a date modifies ("charged a man with murder Thursday": "charged"); None when a word of violence
    comes first ("the Friday night shootings") or there is no verb."""
    head = _dated_head(span)
    return None if head is None or _is_trigger(head) else head


def _dates_the_violent_act(frame: IncidentFrame, char_start: int, char_end: int) -> bool:
    """Whether a date is tied to the violent act itself: it names the act ("the Friday night shootings", "Monday's
    shooting") or dates its verb or its scene's ("opened fire Monday evening", "police were called Saturday")."""
    if _EVENT_AFTER_RE.match(frame.text, char_end):
        return True
    span = frame.doc.char_span(char_start, char_end, alignment_mode="expand")
    head = _dated_head(span) if span is not None else None
    return head is not None and (_is_trigger(head) or _joins_the_act(head))


# A death told right before its day: "died Tuesday afternoon", "pronounced dead at 3:40 a.m. Friday".
_DEATH_BEFORE_RE = re.compile(
    r"\b(?:died|dies|succumbed|pronounced\s+dead|passed\s+away)\b(?P<rest>(?:[^.;]|\b[ap]\.m\.){0,50})$", re.IGNORECASE)


def _dates_a_death(text: str, char_start: int, sentence_start: int) -> bool:
    """Whether a day dates a death ("died Tuesday afternoon", "pronounced dead at 3:40 a.m. Friday"), not
    an act told after it ("died after being shot Monday"): a victim may die days after being shot."""
    death = _DEATH_BEFORE_RE.search(text, sentence_start, char_start)
    return death is not None and not _EVENT_VERB_RE.search(death.group("rest"))


def _dates_what_is_to_come(frame: IncidentFrame, char_start: int, char_end: int) -> bool:
    """Whether a day dates a verb in the future ("Counselors will be on hand Wednesday", "He is to appear in court
    Monday"): an upcoming day, never the day of the shooting the report tells."""
    span = frame.doc.char_span(char_start, char_end, alignment_mode="expand")
    verb = _dated_verb(span) if span is not None else None
    if verb is None:
        return False
    return any(child.dep_ == "aux" and child.lower_ in ("will", "'ll", "’ll", "shall") for child in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(child.lower_ == "to" for child in verb.children))


def _dates_another_act(frame: IncidentFrame, char_start: int, char_end: int, acts: frozenset[str] | None = None) -> bool:
    """Whether a date modifies the verb of another act than the violent one: "the army denied today that
    guerrillas attacked the farm", "judges today began a strike to protest the assassination of ...",
    "he left for Caracas today, after the massacre": the day of the denial, the strike, the trip. With ``acts``,
    only a verb of those lemmas is another act.

    A date that names the event ("the attacks today"), or whose verb is the violent act, its scene ("police were
    called Saturday") or has the event for subject ("the attacks, which began at 0300 today"), stays the event's.
    """
    span = frame.doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or acts is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
        return False  # a misparse ("who sustained a wound Sunday is now recovering"): a day is no verb's subject
    token = _dated_verb(span)
    if token is None:
        return False
    act = "arrest" if _takes_into_custody(token) else token.lemma_.lower()
    if acts is not None and (act not in acts or act in _REPORTING_LEMMAS and (
            span.start < token.i and any(child.dep_ == "ccomp" for child in token.children))):
        return False  # not an act of the aftermath, or "Around 10:30 Monday night, police say he took a gun"
    if _joins_the_act(token):
        return False  # "a man drove home and shot his brother": coordinated acts share their time
    if token.dep_ == "advcl" and _is_event_verb(token.head):
        return False  # "shot as he slept on the couch on May 12"
    if token.dep_ in ("relcl", "acl") and (_is_trigger(token.head) or any(
            child.dep_ == "compound" and _is_trigger(child) for child in token.head.children)):
        return False  # "gunshot wounds received late Friday"
    if any(clause.dep_ == "advcl" and any(t.lower_ == "when" for t in clause.children)
           and any(t.lower_ in TRIGGERS for t in clause.subtree) for clause in token.children):
        return False  # "fears were realized early Saturday, when a man was shot"
    return not any(child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in TRIGGERS and child.lower_ not in WEAK_WORDS
                   for child in token.children)


_INCIDENT_WORD_RE = re.compile(
    r"\b(?:police|officers?|deputies|deputy|troopers?|shot|shots|shooting|gunfire|gunshots?|bullets?|fired|killed|"
    r"wounded|injured|victims?|hospital|suspects?|stabbed|dead|died|homicide|scene|attacks?|attacked|bombs?|bombed|"
    r"explosions?|exploded|blew\s+up|guerrillas?|rebels?|terrorists?|terrorist\s+attacks?)\b", re.IGNORECASE)


def _elsewhere(frame: IncidentFrame, published: datetime | None, year_hint: int | None,
               stamps: list[tuple[int, int]]) -> list[tuple[float, DateMention, int]]:
    """Days named outside the incident's own sentences, for a main incident whose sentences name none ("Police
    were called to the house Saturday"): the report's first such day, if it is not a statement's, an
    aftermath's or the page's stamp."""
    own = {sentence.start for sentence in frame.sentences}
    text = frame.text
    capitals = text.isupper()  # wire copy: a day in capitals is no page furniture there
    for sentence in frame.doc.sents:
        if sentence.start in own or not _INCIDENT_WORD_RE.search(text, sentence.start_char, sentence.end_char):
            continue  # a day in a sentence about something else ("Historic winds on March 8 knocked out power")
        for mention in find_date_mentions(text, sentence.start_char, sentence.end_char, published, year_hint):
            if mention.precision != "day" or _is_detached(text, mention.char_start, mention.char_end, sentence.start_char):
                continue
            if any(start <= mention.char_start < end for start, end in stamps) or (text[
                    mention.char_start:mention.char_end].isupper() and not capitals):
                continue  # "TODAY'S TOP STORIES": the page's furniture (unless the whole report is in capitals)
            return [(0.0, mention, sentence.start_char)]
    return []


_OVERNIGHT_RE = re.compile(r"overnight", re.IGNORECASE)


def _headline_day(frame: IncidentFrame, published: datetime | None, year_hint: int | None) -> DateMention | None:
    """The day the headline gives the event ("Police investigate Monday night shooting", "Man killed in
    overnight shooting") when the body names none: a day or an overnight, not a statement's or an aftermath's
    ("Suspect charged Tuesday in weekend shooting")."""
    title = frame.article.title or ""
    if not _INCIDENT_WORD_RE.search(title):
        return None
    for mention in find_date_mentions(title, 0, len(title), published, year_hint):
        overnight = mention.precision == "range" and _OVERNIGHT_RE.search(title, mention.char_start, mention.char_end)
        if (mention.precision == "day" or overnight) and not _is_detached(title, mention.char_start, mention.char_end, 0):
            return mention
    return None


def _side_of_midnight(overnight: DateMention, clock: str, time_words: str) -> DateMention | None:
    """The day an overnight event fell on, from its hour: "overnight ... around 2 a.m." is the morning after,
    "around 11 p.m." the evening before; None when the hour does not say ("around midnight", "at noon")."""
    if (overnight.end - overnight.start).days != 1 or re.search(r"midnight|noon|midday", time_words, re.IGNORECASE):
        return None
    hour = int(clock[:2])
    day = overnight.end if hour < 6 else overnight.start if hour >= 18 else None
    return None if day is None else DateMention(day, day, "day", overnight.char_start, overnight.char_end)


_NIGHT_RE = re.compile(r"\bnight\b", re.IGNORECASE)
_BEFORE_DAWN_RE = re.compile(r"\ba\.?m\b", re.IGNORECASE)


def _past_midnight(night: DateMention, clock: str, time_words: str, source: str) -> DateMention:
    """The day of a night's hour said in the night's own sentence: "late Saturday night at 12:25 a.m." is Sunday's
    early hours; "Saturday night around 11 p.m." or "just before midnight" stays Saturday. (An hour from another
    sentence may be another moment's, a death's or an arrest's: tried, it moved as many GVA days wrong as right.)"""
    if not (_NIGHT_RE.search(source, night.char_start, night.char_end) and _BEFORE_DAWN_RE.search(time_words)
            and int(clock[:2]) < 6):
        return night
    day = night.start + timedelta(days=1)
    return DateMention(day, day, "day", night.char_start, night.char_end)


# How far a death's day may lie from the act's and still be the same victim's.
_DEATH_AFTER_ACT = timedelta(days=30)
# A verb of the act itself before its day: "were shot at a home on Monday night", "someone opened fire Sunday night".
_ACT_VERB_RE = re.compile(r"\b(?:shot|stabbed|wounded|opened\s+fire|fired|struck|hit)\b", re.IGNORECASE)
# The act told right after a death's day, in the same breath: "died Tuesday after being shot outside his home".
_ACT_AFTER_DEATH_RE = re.compile(
    r"[^.;]{0,40}?\bafter\b[^.;]{0,30}?\b(?:shot|stabbed|wounded|struck|hit|beaten|attacked)\b", re.IGNORECASE)


def _after_the_act(text: str, candidates: list[tuple[float, DateMention, int]], violent_days: set[int],
                   death_days: set[int]) -> list[tuple[float, DateMention, int]]:
    """Candidates where a death's day ("died Tuesday") yields to the act's ("were shot Monday night"): the victim
    may die days later, and the incident is dated by the act. A death told with its act ("died Tuesday after being
    shot") yields only to a day in its own sentence ("... after being shot Sunday"). An act's day that counts out
    after the death's (weekdays counted from a stale publication date) still wins when its verb is the act's own
    ("shot")."""
    def yields_to(death: DateMention, death_sentence: int, other: tuple[float, DateMention, int]) -> bool:
        score, mention, sentence_start = other
        if score <= -1 or mention.char_start in death_days or mention.char_start not in violent_days:
            return False
        if sentence_start != death_sentence and _ACT_AFTER_DEATH_RE.match(text, death.char_end):
            return False  # "died Tuesday after being shot": told with its act; another sentence may tell another
        if abs(death.start - mention.start) > _DEATH_AFTER_ACT:
            return False
        return mention.start <= death.start or _ACT_VERB_RE.search(text, sentence_start, mention.char_start) is not None

    result = []
    for candidate in candidates:
        if candidate[1].char_start in death_days:
            acts = [other[0] for other in candidates if yields_to(candidate[1], candidate[2], other)]
            if acts:
                candidate = (min(candidate[0], min(acts) - 0.01), *candidate[1:])
        result.append(candidate)
    return result


_LAST_WEEK_RE = re.compile(r"last\s+week", re.IGNORECASE)
_BARE_WEEKDAY_RE = dict(DATE_PATTERNS)["weekday"]


def _into_the_week(text: str, candidates: list[tuple[float, DateMention, int]], week: DateMention,
                   act_days: set[int]) -> list[tuple[float, DateMention, int]]:
    """Candidates where the act's bare weekday moves into the week the report says the act happened in: "opened fire
    at a park last week ... shortly before 10 p.m. Sunday" in a Monday's report is the Sunday eight days back, not
    yesterday (counted from publication, a weekday lands in the current week)."""
    return [(score, _moved_into(text, mention, week) if score > -1 and mention.char_start in act_days else mention,
             sentence_start) for score, mention, sentence_start in candidates]


def _moved_into(text: str, mention: DateMention, week: DateMention) -> DateMention:
    """A bare weekday ("Sunday") moved into the week the report names ("last week"), where that week holds
    such a day; any other mention as it is."""
    if (mention.precision == "day" and not week.start <= mention.start <= week.end and (week.end - week.start).days < 7
            and _BARE_WEEKDAY_RE.fullmatch(text, mention.char_start, mention.char_end)):
        day = week.start + timedelta(days=(mention.start.weekday() - week.start.weekday()) % 7)
        if day <= week.end:
            return DateMention(day, day, "day", mention.char_start, mention.char_end)
    return mention


# The report's own event said to have happened, up to its day: "The shooting happened inside a home on June 2".
_THE_EVENT_HAPPENED_BEFORE_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:shooting|stabbing|incident|homicide|killing|attack)\s+"
    r"(?:happened|occurred|took\s+place)\b[^.;]{0,80}$", re.IGNORECASE)
# A sentence that opens on what came before, up to the date: "After several shootings on Sunday, ...".
_OPENING_BEFORE_RE = re.compile(r"\W*(?:after|following)\b[^,;]*$", re.IGNORECASE)


def _main_clause_first(text: str, candidates: list[tuple[float, DateMention, int]],
                       violent_days: set[int]) -> list[tuple[float, DateMention, int]]:
    """Candidates where a day inside a sentence's opening "After ..." phrase yields to a day of its main clause
    ("After two shootings on Sunday, gunfire broke out again on Tuesday": Tuesday's is the event told), when that
    day is a violent act's, not an arrest's or a statement's ("After a shooting on Sunday, police on Tuesday
    arrested a man": Sunday's stays)."""
    result = []
    for candidate in candidates:
        score, mention, sentence_start = candidate
        if score > -1 and _OPENING_BEFORE_RE.fullmatch(text, sentence_start, mention.char_start):
            comma = text.find(",", mention.char_end)
            later = [other[0] for other in candidates if other[2] == sentence_start and other[0] > -1
                     and other[1].precision == "day" and comma != -1 and other[1].char_start > comma
                     and other[1].char_start in violent_days]
            if later:
                candidate = (min(score, min(later) - 0.01), mention, sentence_start)
        result.append(candidate)
    return result


def fill_date(frame: IncidentFrame) -> IncidentDate:
    """The incident's date (and time) from the expression attached to the violent event."""
    text = frame.text
    published = frame.published
    mentioned_years = [int(year) for year in _TEXT_YEAR_RE.findall(text)]
    year_hint = max(mentioned_years) if mentioned_years else None
    trigger_sentence = frame.trigger.sent if frame.trigger is not None else None
    candidates: list[tuple[float, DateMention, int]] = []
    times: list[tuple[float, str, int, int, int]] = []
    stamps = [(start, end) for _, start, end in _stamps(text)]  # when the page came out, not when it happened
    stamp_mentions: set[int] = set()
    news_days: dict[int, float] = {}  # the filing day's acts by where they start: their score before yielding
    quoted = functools.cache(lambda: quoted_spans(text))  # the words inside quotation marks, found when first asked
    violent_days: set[int] = set()  # days tied to the violent act itself ("opened fire Monday evening")
    death_days: set[int] = set()  # days of a death ("died Tuesday"), which may come after the act
    other_acts: set[int] = set()  # days of another act ("Tuesday morning, blood ... was in the parking lot")
    event_weeks: list[DateMention] = []  # "last week" said of the violent act ("opened fire at a park last week")
    for index, sentence in enumerate(frame.sentences):
        in_trigger = trigger_sentence is not None and sentence.start_char == trigger_sentence.start_char
        base = 3.0 if in_trigger else 2.0 if index == 0 else 1.0 - min(index, 10) * 0.05
        for mention in find_date_mentions(text, sentence.start_char, sentence.end_char, published, year_hint):
            score = base + (0.5 if mention.precision == "day" else 0.0)
            weekday = _WEEKDAY_NAMED_RE.fullmatch(text, mention.char_start, mention.char_end) is not None
            if _is_detached(text, mention.char_start, mention.char_end, sentence.start_char) or (
                    weekday and _dates_what_is_to_come(frame, mention.char_start, mention.char_end)):
                score -= 5
            elif any(start <= mention.char_start < end for start, end in stamps):
                score -= 1.5  # the page's stamp: the incident's day only when nothing nearer the event says one
                stamp_mentions.add(mention.char_start)
            elif _NEWS_DAY_RE.fullmatch(text, mention.char_start, mention.char_end) and any(
                    start <= mention.char_start < end for start, end in quoted()) and _dates_another_act(
                    frame, mention.char_start, mention.char_end):
                score -= 5  # "I talked to a guy yesterday," he said: counted from when it was said, which is unknown
            elif _NEWS_DAY_RE.fullmatch(text, mention.char_start, mention.char_end) and _dates_another_act(
                    frame, mention.char_start, mention.char_end) or weekday and _dates_another_act(
                    frame, mention.char_start, mention.char_end, _AFTERMATH_LEMMAS):
                # The day of the news told, a denial, a protest ("the army denied today that ...") or a charge ("charged
                # Thursday"): it yields to every other kept date below (ranked above the page's stamp), and keeps its
                # score when none is left.
                news_days[mention.char_start] = score
                score = -0.45 + max(score, 0.0) / 10
            elif mention.precision == "day":
                if _dates_a_death(text, mention.char_start, sentence.start_char):
                    death_days.add(mention.char_start)
                if _dates_the_violent_act(frame, mention.char_start, mention.char_end):
                    violent_days.add(mention.char_start)
                elif _dates_another_act(frame, mention.char_start, mention.char_end):
                    other_acts.add(mention.char_start)
            elif mention.precision == "week" and _LAST_WEEK_RE.fullmatch(text, mention.char_start, mention.char_end) and (
                    _dates_the_violent_act(frame, mention.char_start, mention.char_end)):
                event_weeks.append(mention)
            if in_trigger and frame.trigger is not None:
                distance = abs(mention.char_start - frame.trigger.start_char) / 1000
                score -= distance
                if mention.char_start in news_days:
                    news_days[mention.char_start] -= distance
            if score > -1 and mention.precision == "day" and _THE_EVENT_HAPPENED_BEFORE_RE.search(
                    text, sentence.start_char, mention.char_start):
                score += 0.5  # "The shooting happened inside a home on Elm Street on June 2": the report dates its event
            candidates.append((score, mention, sentence.start_char))
        time_matches = TIME_RE.finditer(text, sentence.start_char, sentence.end_char) if re.search(
            r"\d|midnight|noon|midday", text[sentence.start_char:sentence.end_char], re.IGNORECASE) else ()
        for match in time_matches:
            clock = _time_of(match)
            if clock and not _is_detached(text, match.start(), match.end(), sentence.start_char):
                times.append((base, clock, match.start(), match.end(), sentence.start_char))
    if event_weeks:
        candidates = _into_the_week(text, candidates, event_weeks[0], violent_days - death_days)
    violent_sentences = {c[2] for c in candidates if c[0] > -1 and c[1].char_start in violent_days}
    candidates = _main_clause_first(text, candidates, violent_days)
    if death_days:
        candidates = _after_the_act(text, candidates, violent_days, death_days)
    candidates = [(c[0] - 0.5, *c[1:]) if c[1].char_start in other_acts and c[2] in violent_sentences else c
                  for c in candidates]
    if news_days and not any(c[0] > -1 and c[1].char_start not in news_days and c[1].char_start not in stamp_mentions
                             for c in candidates):
        candidates = [(news_days.get(c[1].char_start, c[0]), *c[1:]) for c in candidates]
    if stamp_mentions and any(c[0] > -1 and c[1].precision == "day" and c[1].char_start not in stamp_mentions
                              for c in candidates):  # "JAY COUNTY (Nov. 18, 2015) -- ... shot Tuesday"
        candidates = [(min(c[0], -0.5), *c[1:]) if c[1].char_start in stamp_mentions else c for c in candidates]
    if frame.is_primary and not frame.background and not any(c[0] >= -1 for c in candidates):
        candidates += _elsewhere(frame, published, year_hint, stamps)
    headline = _headline_day(frame, published, year_hint) if frame.is_primary and not frame.background and not any(
        c[0] >= -1 for c in candidates) else None
    if headline is not None:
        return _with_time(headline, None, times, frame.article.title or "", "title", text)
    if not candidates:
        return IncidentDate()
    score, chosen, sentence_start = max(candidates, key=lambda c: (c[0], -c[1].char_start))
    if score < -1:
        return IncidentDate()  # only statement or aftermath dates: the event's own date is unknown
    if chosen.precision != "day":  # "an overnight shooting" ... "around 2:30 a.m. Sunday": the day refines it
        inside = [c for c in candidates if c[1].precision == "day" and c[0] > -1
                  and chosen.start <= c[1].start <= chosen.end]
        if not inside:  # "charged in the shooting last week ... shot Wednesday night": that week's Wednesday
            inside = [(c[0], moved, c[2]) for c in candidates if c[0] > -1 and c[1].char_start in violent_days
                      and chosen.start <= (moved := _moved_into(text, c[1], chosen)).start <= chosen.end]
        if inside:
            score, chosen, sentence_start = max(inside, key=lambda c: (c[0], -c[1].char_start))
    return _with_time(chosen, sentence_start, times, text, "text", text)


def _with_time(chosen: DateMention, sentence_start: int | None, times: list[tuple[float, str, int, int, int]],
               source: str, field: Literal["text", "title"], text: str) -> IncidentDate:
    """The chosen date (its words cut from ``source``, the text or the headline) with the clock time the
    report gives for it, preferring one from the date's own sentence."""
    evidence = [Evidence.of(source, chosen.char_start, chosen.char_end, field=field)]
    time = None
    overnight = chosen.precision == "range" and _OVERNIGHT_RE.search(source, chosen.char_start, chosen.char_end)
    if times and (chosen.precision == "day" or overnight):
        same_sentence = [t for t in times if t[4] == sentence_start]
        best_time = max(same_sentence or times, key=lambda t: (t[0], -t[2]))
        time_words = text[best_time[2]:best_time[3]]
        if overnight:
            night = _side_of_midnight(chosen, best_time[1], time_words)
        elif best_time[4] == sentence_start and not _dates_a_death(text, best_time[2], sentence_start):
            night = _past_midnight(chosen, best_time[1], time_words, source)  # "died at 2:10 a.m.": not the act's night
        else:
            night = chosen
        if night is not None:
            chosen = night
            time = best_time[1]
            evidence.append(Evidence.of(text, best_time[2], best_time[3]))
    return IncidentDate(start=chosen.start.isoformat(), end=chosen.end.isoformat(), precision=chosen.precision,
                        time=time, evidence=evidence)
