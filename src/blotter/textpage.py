"""Take apart a news page copied as text: headline, dek, bylines, date stamps, credits, clutter.

``parse_text_page`` reads the page line by line. Each line (or each ``|``-separated part
of a short line) is either page furniture (a stamp, a byline, an image credit, a 'related'
item, an advert or share button) or article content. The first headline-like content line
is the title; the remaining content, one paragraph per block, is the article text.
``parse_stamp`` turns the date phrases of stamps ("Dec 01, 2019 09:45 IST") into ISO 8601
with the UTC offset the page states.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable
from importlib import resources
from zoneinfo import ZoneInfo

from .models import RelatedLink

# --------------------------------------------------------------------------- dates and zones

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_RE = re.compile(
    _WEEKDAY + r"(?:"
    r"(?P<month_a>" + _MONTH + r")\s+(?P<day_a>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year_a>\d{4})"
    r"|(?P<day_b>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_b>" + _MONTH + r"),?\s+(?P<year_b>\d{4}|\d{2}\b)"
    r"|(?P<year_c>\d{4})-(?P<month_c>\d{1,2})-(?P<day_c>\d{1,2})"
    r"|(?P<first_d>\d{1,2})[/.](?P<second_d>\d{1,2})[/.](?P<year_d>\d{4})"
    r")",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"(?:(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?"
    r"|(?P<hour_only>\d{1,2})\s*(?P<ampm_only>[ap]\.?\s?m\b\.?))"
    r"(?:\s*\(?(?P<zone>(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z]{1,5}\b)\)?)?",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"\s*(?:,|\bat\b|\||-|–|—|/|·|•)?\s*", re.IGNORECASE)
_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


@lru_cache(maxsize=1)
def _zone_table() -> dict:
    return json.loads(resources.files("blotter").joinpath("data/timezones.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _country_place_patterns() -> dict[str, re.Pattern[str]]:
    return {
        country: re.compile(r"\b(?:" + "|".join(map(re.escape, hints["places"])) + r")\b")
        for country, hints in _zone_table()["country_hints"].items()
    }


def page_country(url: str | None, text: str) -> str | None:
    """The country a page is most likely from: its domain suffix, else the places it names most."""
    hints = _zone_table()["country_hints"]
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
        for country, hint in hints.items():
            if any(host.endswith(suffix) for suffix in hint["domains"]):
                return country
    counts = {country: len(pattern.findall(text)) for country, pattern in _country_place_patterns().items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def zone_offset(abbreviation: str, on_day: date, country: str | None) -> str | None:
    """The UTC offset ("+05:30") a zone abbreviation stands for on a day, for a page's country."""
    table = _zone_table()
    name = abbreviation.upper()
    if name in table["offsets"]:
        return table["offsets"][name]
    if name in table["ambiguous"]:
        choices = table["ambiguous"][name]
        return choices.get(country or "", choices["default"])
    if name in table["regional"]:
        noon = datetime(on_day.year, on_day.month, on_day.day, 12, tzinfo=ZoneInfo(table["regional"][name]))
        return _format_offset(noon.utcoffset() or timedelta(0))
    return None


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _numeric_offset(zone: str) -> str | None:
    match = re.fullmatch(r"(?:GMT|UTC)?\s*([+-])\s*(\d{1,2}):?(\d{2})?", zone.strip(), re.IGNORECASE)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    return f"{sign}{int(hours):02d}:{int(minutes or 0):02d}"


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _date_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    if groups["year_a"]:
        year, month, day = int(groups["year_a"]), _month_number(groups["month_a"]), int(groups["day_a"])
    elif groups["year_b"]:
        year, month, day = int(groups["year_b"]), _month_number(groups["month_b"]), int(groups["day_b"])
        if year < 100:
            year += 1900 if year >= 50 else 2000
    elif groups["year_c"]:
        year, month, day = int(groups["year_c"]), int(groups["month_c"]), int(groups["day_c"])
    else:
        first, second, year = int(groups["first_d"]), int(groups["second_d"]), int(groups["year_d"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None  # 03/04/2024: day and month cannot be told apart, so no date at all
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _time_of(match: re.Match[str]) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    hour = int(groups["hour"] or groups["hour_only"])
    minute = int(groups["minute"] or 0)
    second = int(groups["second"] or 0)
    ampm = (groups["ampm"] or groups["ampm_only"] or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def parse_stamp(phrase: str, country: str | None = None) -> str | None:
    """ISO 8601 for a whole date phrase ("March 4th, 2024 at 18:10 GMT"), else None.

    The time and offset are kept only when the phrase states them; a zone the table does
    not know drops the time rather than guess it.
    """
    phrase = phrase.strip().strip(".,|")
    if _ISO_RE.fullmatch(phrase):
        try:
            return datetime.fromisoformat(phrase.replace("Z", "+00:00")).isoformat()
        except ValueError:
            return None
    date_match = _DATE_RE.search(phrase)
    if not date_match:
        return None
    day = _date_of(date_match)
    if day is None:
        return None
    before = phrase[:date_match.start()]
    after = phrase[date_match.end():]
    time_text = after if after.strip() else before
    leftover = before if after.strip() else ""
    if leftover.strip(" ,|-–—/·•"):
        return None
    if not time_text.strip():
        return day.isoformat()
    separator = _SEPARATOR_RE.match(time_text)
    start = separator.end() if time_text is after else 0
    time_match = _TIME_RE.match(time_text, start)
    if not time_match or time_text[time_match.end():].strip(" ,|-–—/·•").lower() not in ("", "on"):
        return None
    clock = _time_of(time_match)
    if clock is None:
        return None
    stamp = datetime(day.year, day.month, day.day, *clock).isoformat()
    zone = time_match.group("zone")
    if not zone:
        return stamp
    offset = _numeric_offset(zone) or zone_offset(zone, day, country)
    return stamp + offset if offset else day.isoformat()


def normalise_published(value: str) -> str | None:
    """A caller-supplied date in any common form as ISO 8601; None when it cannot be read."""
    stamp = parse_stamp(value)
    if stamp:
        return stamp
    import dateparser  # slow to import; only callers with unusual date forms pay for it

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    has_clock = bool(re.search(r"\d[:.]\d{2}|\d\s*[ap]\.?m", value, re.IGNORECASE))
    return parsed.isoformat() if has_clock else parsed.date().isoformat()


# --------------------------------------------------------------------------- page furniture

_STAMP_LABEL_RE = re.compile(
    r"^(?P<label>(?:first\s+|originally\s+)?published|posted|created|date|(?:last\s+)?updated|(?:last\s+)?modified)"
    r"(?:\s+(?:on|at))?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# Where a second labelled stamp starts on a stamp's line ("Posted: May 4, 2015 8:32 PM Updated: May 9, 2015 ..."),
# or where the stamps start after a headline on its line ("Man shot at park Posted: May 4, 2015 8:32 PM").
_NEXT_STAMP_RE = re.compile(r"(?<!last)\s+(?=(?:last\s+)?(?:updated|modified)\s*:)", re.IGNORECASE)
_HEADLINE_STAMP_RE = re.compile(
    r"(?<!last)(?<!first)(?<!originally)\s+(?=(?:(?:first\s+|originally\s+)?published|posted|created|(?:last\s+)?updated|(?:last\s+)?modified)\s*:)",
    re.IGNORECASE)
_RELATIVE_STAMP_RE = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d)\s+ago$"
    r"|^\d+\s*min(?:ute)?s?\s+read$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^(?:(?:reported|written|edited|compiled|story|words|text|report|posted|produced|reporting|editing)\s+by"
    r"|by|authors?|reporters?|written|writer)\s*[:\-–—]?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_CREDIT_RE = re.compile(
    r"^\(?\s*(?:photo|photograph|image|picture|pic|video|illustration|graphic)?s?\s*(?:credits?|courtesy|source|by)?"
    r"\s*[:\-–—]\s*(?P<credit>[^()]+?)\s*\)?$",
    re.IGNORECASE,
)
_CREDIT_WORD_RE = re.compile(r"^\(?\s*(?:photo|photograph|image|picture|pic|video|illustration|graphic|credit)", re.I)
_INLINE_CREDIT_RE = re.compile(
    r"\(\s*(?:photo|image|picture|pic|photo credit|image credit|credit|photograph)s?\s*(?:credit)?\s*[:\-–—]\s*"
    r"(?P<credit>[^()]+?)\s*\)\s*(?:buy photo)?\s*$",
    re.IGNORECASE,
)
# ("More from <name>: ..." is left to the text: read as a related link, it lowered body F1 on WCXB.)
_RELATED_RE = re.compile(
    r"^(?:read\s*\||read\s+more|read\s+also|also\s+read|related(?:\s+(?:articles?|stor(?:y|ies)|news|content|coverage|reading))?"
    r"|see\s+also|more\s+on\s+this|recommended|you\s+may\s+also\s+like|don'?t\s+miss)"
    r"\s*(?P<separator>[:|\-–—»>]+)?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# A list item's marker, then the line, or its one bracketed part ("[Read more: a] and [b]" is two).
_RELATED_WRAPPING = re.compile(r"(?:[-•*]\s*)?(?P<open>\[\s*)?(?P<inner>(?(open)[^\]]*?|.*?))(?(open)\s*\])",
                               re.DOTALL)
_TABLE_ROW_RE = re.compile(r"^\|.*\|\s*$")  # "| cell | cell |", as extractors write table rows
_URL_RE = re.compile(r"https?://\S+|www\.\S+")
# Whole lines (or "|"-separated parts) that are page furniture, never report text.
_CLUTTER_PATTERNS = (
    # adverts and reading prompts
    r"advertisements?|ad|ads|sponsored(?: content)?|promoted|story continues below(?: advertisement)?",
    r"continue reading(?: below| the main story)?|scroll to continue(?: with content)?|buy photo",
    r"table of contents|contents|written by|about the author|back to top|next|previous",
    r"listen to (?:this )?(?:article|story).*|listen|watch|play video|close|loading\.*",
    # sharing, following, subscribing
    r"share(?: this)?(?: article| story| page| post)?(?: on \w+| via \w+)?|share this:?|share (?:this|on)\b.*",
    r"follow us\b.*|follow me\b.*|join (?:our|us on|me on|the) \w+.*|whatsapp channel.*",
    r"subscribe\b.*|sign up\b.*|sign in\b.*|log ?in|register|click here\b.*|tap here\b.*",
    r"newsletter\b.*|.*\bnewsletters?\b.*\b(?:sign up|subscribe)\b.*|download now",
    r"get (?:the latest|our) .*(?:newsletter|updates|alerts|inbox).*|download (?:our|the) app.*|get the app.*",
    r"by (?:entering your email|signing up|subscribing|submitting)\b.*|.*\bconfirmation email\b.*",
    r"already have an account\??|(?:create|sign in to|log in to) (?:an |your )?(?:account|profile).*",
    r".*\bnotifications?\b.*\b(?:saved|saving|email|inbox)\b.*",
    # site chrome
    r"skip to (?:main )?content|skip navigation|menu|search|home|print|email|e-mail",
    r"comments?|\d+ comments?|leave a comment|view comments|trending(?: now)?|most read|most popular",
    r"(?:©|\(c\)|copyright\b).*|all rights reserved\.?|tags?:.*|topics?:?.*|filed under:?.*",
    r".*\bcookies?\b.*(?:accept|policy|consent|use|settings).*|(?:accept|reject|manage)(?: all)? cookies.*",
    r".*\b(?:terms of (?:service|use)|privacy policy)\b.*",
    r"please enable javascript.*|.*\bjavascript\b.*\b(?:enable|disabled|browser)\b.*",
    # placeholders and embedded posts ("— Police (@handle) March 14, 2016")
    r"\[[A-Z_ ]+\]|.*\(@\w+\) \w+ \d{1,2}, \d{4}",
)
_CLUTTER_RE = re.compile("^(?:" + "|".join(_CLUTTER_PATTERNS) + ")$", re.IGNORECASE)
_SOCIAL_WORDS = {
    "facebook", "twitter", "x", "whatsapp", "email", "e-mail", "mail", "linkedin", "pinterest", "reddit",
    "telegram", "print", "copy", "link", "share", "tweet", "messenger", "google", "flipboard", "instagram",
    "youtube", "tiktok", "threads", "bluesky", "sms", "comments", "comment", "save", "gift", "article",
}
_ROLE_WORDS = re.compile(
    r"\b(?:staff|correspondent|reporter|editor|writer|contributor|contributing|bureau|desk|team|agencies"
    r"|news service|senior|chief|columnist|journalist|photographer|updated|published|special|trending|digital"
    r"|associate|managing|executive|assistant|deputy|producer|anchor|intern|analyst|manager|director|founder)\b",
    re.IGNORECASE,
)
# A collective byline, a name followed by the word for its people ("Acme Team", "Metro Desk", "Acme
# Editorial Team", "Metro Staff"), names an author as it stands; a role after a person's name ("Jane Roe Staff
# Writer", "Jane Roe Staff") does not, so "staff" makes a collective only after a single word.
_COLLECTIVE_BYLINE_RE = re.compile(r"(?P<name>.+?)\s+(?:editorial\s+)?(?:team|desk)|(?P<one>\S+)\s+staff", re.IGNORECASE)
# Letters after a name that state a degree or a licence ("Jo Roe, Ph.D.", "Al Poe, MD, MPH"): they
# are part of no name, and split at the comma they would pass for a second author.
_CREDENTIALS_RE = re.compile(
    r",?\s*\b(?:Ph\.?\s?D|M\.?\s?D|D\.?O|R\.?N|Psy\.?\s?D|Ed\.?\s?D|MPH|MBA|MSc|MSW|LCSW|CPA|DDS|DVM|Esq)\b\.?(?=\s*(?:,|;|&|\band\b|$))")
_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                   "tonight", "yesterday", "january", "february", "march", "april", "may", "june", "july",
                   "august", "september", "october", "november", "december", "early", "late", "noon"}
_NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "bin", "bint", "al", "el", "la", "le", "di", "du", "dos",
                   "del", "ibn", "ben", "mc", "st."}
_TERMINAL_RE = re.compile(r"[.!?:;][\"'”’)\]]*$")
_WIRE_MARKER_RE = re.compile(
    r"\[(?:TEXT|REPORT|EDITORIAL REPORT|COMMUNIQUE|COMMENTARY|EDITORIAL|ARTICLE|EXCERPTS?|EXCERPT FROM [A-Z ]+"
    r"|BEGIN RECORDING|END RECORDING|PASSAGE OMITTED|CONTINUED|FIRST PARAGRAPH)\]\s*"
)
MIN_LINK_LIST_RUN = 5
_LEADING_MARKERS_RE = re.compile(r"(?:\[[^\]\[]{1,60}\]\s*)*")
# Words in a dateline's place slot that are not places ("CLANDESTINE, 8 JAN 90 (RADIO ...)").
NOT_DATELINE_PLACES = {"CLANDESTINE", "UPDATE", "BREAKING", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTOS", "NEW", "NO CITY"}
_DATELINE_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.]+(?:-[A-Z]+)*(?: [A-Z][A-Z'.]+(?:-[A-Z]+)*){0,3}"
    r"(?:,\s*(?!NO DATE)[A-Z][A-Za-z'.]+(?:-[A-Za-z]+)*(?: [A-Z][A-Za-z'.]+){0,2})?)"
    # the country a wire service adds after a city it expects readers not to know: "MANAGUA (NICARAGUA),"
    r"(?: \([A-Z][A-Z .]{1,30}\)(?=,))?"
    r"(?:,\s*(?P<date>\d{1,2} [A-Z]{3} \d{2,4}|NO DATE|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    # an agency, a paper or a station, with its channel: "(AFP)", "(INRAVISION TELEVISION CADENA 2)"
    r"\s*(?P<agency>\([A-Za-z0-9 .&/'-]{2,40}\))?\s*(?P<dash>--|—|–|-|>>)?\s"
)


@dataclass
class PageParts:
    """What a page is made of, as ``clean`` hands it on."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    text: str = ""
    related_links: list[RelatedLink] = field(default_factory=list)
    image_credits: list[str] = field(default_factory=list)
    dateline: str | None = None


@dataclass
class _Line:
    text: str
    block: int  # lines with no blank line between them share a block


def byline_names(segment: str) -> list[str] | None:
    """Author names of a byline ("Reported by: A and B, Staff Writer"), None when it is not one."""
    match = _BYLINE_RE.match(segment.strip())
    if not match:
        return None
    return author_names(match.group("names"), strict=True)


def author_names(names_text: str, *, strict: bool = False) -> list[str] | None:
    """Names only from an author string: roles, places, handles and dates removed.

    ``strict``: None when the first part is not a name (so "By the time police arrived" is
    not taken for a byline)."""
    names_text = re.sub(r"\S+@\S+|@\w+", "", names_text)
    names_text = _DATE_RE.split(names_text, maxsplit=1)[0]
    names_text = _CREDENTIALS_RE.sub("", names_text)
    parts = [part.strip(" .,-–—|") for part in re.split(r",|;|&|\band\b|\bwith\b", names_text)]
    names: list[str] = []
    for index, part in enumerate(parts):
        part = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", part)
        collective = _COLLECTIVE_BYLINE_RE.fullmatch(part)
        name = collective and (collective.group("name") or collective.group("one"))
        if not (name and _looks_like_name(name) and not _ROLE_WORDS.search(name)):
            part = _ROLE_WORDS.split(part, maxsplit=1)[0].strip(" .,-–—|")
        if not part:
            continue
        if not _looks_like_name(part):
            if strict:
                return None  # "By Monday, police had ..." is a sentence, not a byline
            continue
        if index > 0 and " " not in part:
            continue  # "By A B, Kaduna": a lone word after a comma is a place, not a co-author
        if part not in names:
            names.append(part)
    return names


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or words[0].lower().rstrip(".,") in _CALENDAR_WORDS:
        return False
    return words[0][0].isupper() and all(
        word[0].isupper() or word.lower().split("-")[0] in _NAME_PARTICLES for word in words
    )


def _credit_of(segment: str) -> str | None:
    if not _CREDIT_WORD_RE.match(segment) and not segment.lower().startswith(("courtesy", "(courtesy")):
        return None
    match = _CREDIT_RE.match(segment)
    if match and len(match.group("credit").split()) <= 8:
        return match.group("credit").strip()
    return None


def _is_clutter(segment: str) -> bool:
    if len(segment) > 200:
        return False
    if _CLUTTER_RE.match(segment) or _RELATIVE_STAMP_RE.match(segment):
        return True
    words = re.findall(r"[\w-]+", segment.lower())
    return bool(words) and all(word in _SOCIAL_WORDS for word in words)


def _related_item(line: str) -> tuple[RelatedLink | None, bool] | None:
    """(link, is_header) for a 'related' line; None when the line is not one. The line may be a list
    item or set in square brackets when a colon or bar ends its label ("- See also: ...", "[Read more: ...]")."""
    wrapping = _RELATED_WRAPPING.fullmatch(line)
    line = wrapping.group("inner")
    match = _RELATED_RE.match(line)
    if not match or len(line) > 250 or (len(line) < len(wrapping.group()) and not match.group("separator")):
        return None
    title = match.group("title").strip()
    if not match.group("separator") and title and not line.lower().startswith("read"):
        return None  # "Related violence followed ..." is a sentence
    url_match = _URL_RE.search(title)
    url = url_match.group(0) if url_match else None
    if url_match:
        title = (title[:url_match.start()] + title[url_match.end():]).strip(" :|-–—")
    if not title and not url:
        return None, True
    return RelatedLink(title=title or url or "", url=url), False


class _Furniture:
    """Collects what page-furniture lines say while the text is read."""

    def __init__(self, parts: PageParts, url: str | None, page_text: str):
        self.parts = parts
        self.url = url
        self.page_text = page_text
        self._country: tuple[str | None] | None = None

    def country(self) -> str | None:
        if self._country is None:
            self._country = (page_country(self.url, self.page_text),)
        return self._country[0]

    def take(self, line: str) -> bool:
        """True when the whole line is furniture (its facts are recorded), False for content."""
        inline_credit = _INLINE_CREDIT_RE.search(line) if len(line) <= 300 else None
        if inline_credit:  # a caption ending in its credit
            self._add_credit(inline_credit.group("credit"))
            return True
        if len(line) > 300 or _TABLE_ROW_RE.match(line):
            return False
        segments = [segment.strip() for part in re.split(r"\s+\|\s+|^\|\s*|\s*\|$", line)
                    for segment in _NEXT_STAMP_RE.split(part) if segment.strip()]
        if not segments:
            return False
        if len(segments) >= 3 and all(len(segment.split()) <= 3 for segment in segments):
            return True  # "Home | World | Africa": a navigation trail
        facts = [self._fact(segment) for segment in segments]
        if not all(facts):
            return False
        for apply in facts:
            apply()
        return True

    def _fact(self, segment: str) -> Callable[[], None] | None:
        """A function recording what ``segment`` says, or None when it is content."""
        stamp = self._stamp(segment)
        if stamp:
            return stamp
        names = byline_names(segment)
        if names is not None:
            return lambda: self.parts.authors.extend(name for name in names if name not in self.parts.authors)
        credit = _credit_of(segment)
        if credit:
            return lambda: self._add_credit(credit)
        if _is_clutter(segment):
            return lambda: None
        return None

    def _stamp(self, segment: str) -> Callable[[], None] | None:
        label_match = _STAMP_LABEL_RE.match(segment)
        label = label_match.group("label").lower() if label_match else ""
        phrase = segment[label_match.end():] if label_match else segment
        if not re.search(r"\d", phrase) or len(phrase) > 60:
            return None
        stamp = parse_stamp(phrase, self.country() if re.search(r"\b(?:IST|CST|BST|AST|PST)\b", phrase) else None)
        if stamp is None:
            return None
        is_update = "updated" in label or "modified" in label

        def record() -> None:
            if is_update:
                self.parts.updated = self.parts.updated or stamp
            else:
                self.parts.published = self.parts.published or stamp
        return record

    def _add_credit(self, credit: str) -> None:
        credit = credit.strip(" .")
        if credit and credit not in self.parts.image_credits:
            self.parts.image_credits.append(credit)


def _is_prose(line: str) -> bool:
    return bool(_TERMINAL_RE.search(line)) and not line.endswith(":") or len(line.split()) > 30


def _is_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and len(line) >= 15 and not line.endswith((".", ":", ","))


def _is_dek(line: str, same_block: bool) -> bool:
    words = len(line.split())
    if 6 <= words <= 60 and not _TERMINAL_RE.search(line):
        return True
    return same_block and len(line) <= 250 and 6 <= words


def _paragraphs(lines: list[_Line], wrapped_blocks: set[int]) -> list[str]:
    """Content lines as paragraphs: a hard-wrapped block is one paragraph, else one per line."""
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        joins_previous = index > 0 and line.block in wrapped_blocks and lines[index - 1].block == line.block
        if joins_previous:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
    return [re.sub(r"[ \t]{2,}", " ", _WIRE_MARKER_RE.sub("", paragraph)).strip() for paragraph in paragraphs]


def _without_link_lists(paragraphs: list[str]) -> list[str]:
    """Paragraphs minus runs of short lines that all start alike ("Average costs in Austin",
    "Average costs in Boston", ...): a list of links, not prose."""
    kept: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) < MIN_LINK_LIST_RUN:
            kept.extend(run)
        run.clear()

    for paragraph in paragraphs:
        words = paragraph.split()
        short = 4 <= len(words) <= 12
        if run and short and words[:3] == run[0].split()[:3]:
            run.append(paragraph)
            continue
        flush()
        (run if short else kept).append(paragraph)
    flush()
    return kept


def _without_repeats(paragraphs: list[str]) -> list[str]:
    """Paragraphs minus empty ones and second copies (sticky headers, repeated promos)."""
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        if paragraph and paragraph not in seen:
            kept.append(paragraph)
        if len(paragraph.split()) >= 3:
            seen.add(paragraph)
    return kept


def _is_hard_wrapped(texts: list[str]) -> bool:
    """True for a block of lines broken at a fixed width (wire copy), which is one paragraph."""
    if len(texts) < 2 or not all(40 <= len(text) <= 100 for text in texts[:-1]):
        return False
    continued = sum(_continues(first, second) for first, second in zip(texts, texts[1:]))
    return continued * 2 >= len(texts) - 1


def _continues(line: str, next_line: str) -> bool:
    if _TERMINAL_RE.search(line):
        return False
    return next_line[:1].islower() or (line.isupper() and next_line.isupper())


def _split_dateline(paragraph: str) -> tuple[str | None, str]:
    """The dateline's place ("KABUL") and the paragraph without the source markers that follow
    a wire dateline ("-- [STATION COMMENTARY] [TEXT]"); (None, paragraph) when there is none."""
    match = _DATELINE_RE.match(paragraph)
    if not match or not (match.group("agency") or match.group("dash")):
        return None, paragraph
    place = match.group("place")
    if not (match.group("agency") or match.group("date")) and len(place) < 3:
        return None, paragraph
    markers = _LEADING_MARKERS_RE.match(paragraph, match.end())
    without_markers = paragraph[:markers.start()] + paragraph[markers.end():]
    return (None if place in NOT_DATELINE_PLACES else place), without_markers


_WIRE_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}


_URL_DATE_RE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:[/-]|$)")
# "/2016/jan/26/" (a month's name) and "-20160223-story" (a date written as one number, not the
# fourteen digits of an archive's capture stamp).
_URL_MONTH_NAME_RE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*/(?P<day>[0-3]?\d)(?:[/-]|$)",
    re.IGNORECASE)
_URL_COMPACT_DATE_RE = re.compile(r"[/_-](?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?=[/_.-]|$)")
# No news page went online before the web did: "/a/19170726-" is an article number, not 26 July 1917.
FIRST_WEB_NEWS_YEAR = 1993
_URL_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def url_date(url: str | None) -> str | None:
    """The publication day a page address states ("/2016/01/27/", "/2016/jan/27/",
    "-20160127-story"), as an ISO date; None when it states none. An archive's capture stamp ("/web/20151030223013/") is not a publication date."""
    for pattern in (_URL_DATE_RE, _URL_MONTH_NAME_RE, _URL_COMPACT_DATE_RE):
        match = pattern.search(url or "")
        if match is None:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else _URL_MONTHS[month[:3].lower()]
        try:
            day = date(int(match.group("year")), number, int(match.group("day")))
        except ValueError:
            continue
        if FIRST_WEB_NEWS_YEAR <= day.year <= date.today().year + 1:
            return day.isoformat()
    return None


def dateline_date(paragraph: str) -> str | None:
    """The ISO date of a wire dateline written day-month-year ("KABUL, 12 MAR 89 (AFP) --"):
    the day the report was filed. Two-digit years from 70 are 19xx, below 70 are 20xx."""
    match = _DATELINE_RE.match(paragraph)
    if not match or not match.group("date") or not (match.group("agency") or match.group("dash")):
        return None
    parts = match.group("date").split()
    if len(parts) != 3 or not parts[0].isdigit() or parts[1] not in _WIRE_MONTHS:
        return None
    year = int(parts[2])
    if year < 100:
        year += 1900 if year >= 70 else 2000
    try:
        return date(year, _WIRE_MONTHS[parts[1]], int(parts[0])).isoformat()
    except ValueError:
        return None


def parse_text_page(page: str, *, url: str | None = None, find_headline: bool = True) -> PageParts:
    """The parts of a page of text. ``find_headline`` False for text that has no headline in it
    (an extractor's body text), where every content line is body."""
    return _Parse(page, url, find_headline).run()


class _Parse:
    """One page being taken apart: furniture first, then headline and dek, then paragraphs."""

    def __init__(self, page: str, url: str | None, find_headline: bool):
        self.lines = page.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")
        self.parts = PageParts()
        self.furniture = _Furniture(self.parts, url, page)
        self.find_headline = find_headline

    def run(self) -> PageParts:
        content = self._content_lines()
        block_texts: dict[int, list[str]] = {}
        for line in content:
            block_texts.setdefault(line.block, []).append(line.text)
        wrapped_blocks = {block for block, texts in block_texts.items() if _is_hard_wrapped(texts)}
        body: list[_Line] = []
        title_block: int | None = None
        awaiting_dek = False
        for line in content:
            if self.find_headline and self.parts.title is None and not body:
                if line.block not in wrapped_blocks and _is_headline(line.text):
                    self.parts.title = self._headline_without_stamp(line.text)
                    title_block, awaiting_dek = line.block, True
                    continue
                if line.block not in wrapped_blocks and not _is_prose(line.text):
                    continue  # menu items and other short lines above the headline
                self.find_headline = False
            if awaiting_dek:
                awaiting_dek = False
                if _is_dek(line.text, same_block=line.block == title_block):
                    self.parts.subtitle = line.text
                    continue
            body.append(line)
        paragraphs = _without_link_lists(_without_repeats(_paragraphs(body, wrapped_blocks)))
        if paragraphs:
            self.parts.published = self.parts.published or dateline_date(paragraphs[0])
            self.parts.dateline, paragraphs[0] = _split_dateline(paragraphs[0])
        self.parts.text = "\n\n".join(paragraphs)
        return self.parts

    def _content_lines(self) -> list[_Line]:
        """The lines that are not furniture; the furniture's facts go into ``self.parts``."""
        content: list[_Line] = []
        block = 0
        in_related_list = False
        for raw in self.lines:
            line = raw.strip()
            if not line:
                block += 1
                in_related_list = False
                continue
            related = _related_item(line)
            if related is not None:
                link, is_header = related
                if link is not None:
                    self._add_related(link)
                in_related_list = is_header
                continue
            if in_related_list and len(line) <= 160 and not line.endswith("."):
                self._add_related(RelatedLink(title=line))
                continue
            in_related_list = False
            if not self.furniture.take(line):
                content.append(_Line(line, block))
        return content

    def _headline_without_stamp(self, line: str) -> str:
        """"Gunman held January 1, 2013 5:05 PM": the headline, with the date recorded as published; the labelled
        stamps after a headline ("... Posted: May 4, 2015 Updated: May 9, 2015") are recorded as they say."""
        labelled = _HEADLINE_STAMP_RE.search(line)
        if labelled and len(line[:labelled.start()].split()) >= 3 and self.furniture.take(line[labelled.end():]):
            return line[:labelled.start()]
        for match in _DATE_RE.finditer(line):
            headline = line[:match.start()].rstrip(" ,|-–—")
            stamp = parse_stamp(line[match.start():], self.furniture.country())
            if stamp and len(headline.split()) >= 3:
                self.parts.published = self.parts.published or stamp
                return headline
        return line

    def _add_related(self, link: RelatedLink) -> None:
        if all(existing.title != link.title for existing in self.parts.related_links):
            self.parts.related_links.append(link)
