"""Stage 6b, places: find place names in the text and resolve them against GeoNames.

Entry points: ``find_places(doc, article) -> list[Place]`` for every place name in the text;
``locate(frame) -> Location`` for the place of one incident.

Candidates come from spaCy's GPE/LOC/FAC entities and from matching token sequences against
the gazetteer (spaCy misses many, and wire copy may be all capitals or all lower case); token
columns are read from the Doc once and only runs whose first word starts a gazetteer name are
looked up, which keeps the stage at a few milliseconds per article. Demonyms used as
modifiers ("Russian forces") are places too, resolved to their country, but never locate an
incident on their own. Namesakes are ranked by population, then moved by context: an area
named right after a comma ("Paris, Texas"), an admin word ("Kaduna state"), the dateline's
country, the countries and states of the document's other places, and one sense per name.
Streets, buildings and villages the gazetteer knows only far away are 'local places' (feature
'landmark', no geonameid), placed at the town they are said to be in or at the report's home
town; they never locate an incident, except a village, which keeps its name as a town.
"""

from __future__ import annotations

import math
import re
import string
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from spacy.attrs import IDX, IS_ALPHA, IS_STOP, LOWER, ORTH, POS, SENT_START
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from .clean import hostname
from .geo import Entry, Gazetteer, load_gazetteer, name_key
from .geo.gazetteer import ascii_name
from .models import Article, Evidence, Location, Place
from .nlp import casing_lexicon, doc_text, first_name_gender

PLACE_LABELS = {"GPE", "LOC", "FAC"}
BLOCKING_LABELS = {"PERSON", "NORP"}  # a gazetteer hit inside these is a person or a demonym
ADMIN_WORDS = {"state", "province", "region", "governorate", "oblast", "prefecture", "department"}
NAME_CONNECTORS = {"of", "de", "del", "la", "le", "du", "al", "el", "upon", "on", "the", "and", "-", ".", "'s", "es"}
# Words that are also (small or foreign) place names; only a spaCy place entity makes them places.
COMMON_WORDS = frozenset("""
a an and as at be by can do for from go had has he her him his i if in is it its may me my no not of
on or our she so than that the their them then there they this to up us was we were who will with you
mobile reading nice march police van man male hope split bath said say says sale sales wall
university church bridge centre center city county state province district capital north south east
west central new old great little lower upper home mount port lake river island islands valley hill
hills park beach bay fort union independence liberty unity progress enterprise commerce industry
plain plains federal national royal colony camp mission rural urban border bar bear best boring
bowling christmas climax cut deal eagle fame friendship gap goodwill grand green hand harmony hazard
ideal justice kill kitchen lime live long mango marathon market media mercy moody nation normal
ocean opportunity paradise peace pride prosperity protection rich sandy security star sunrise
surprise tell temple time truth unit vale veteran view villa wake walker welcome white why young
guard general doctor parish post aid name alliance assembly army june july august april january
officer trooper deputy sheriff detective sergeant street harbor harbour metro mile grill mud northern
southern eastern western uptown downtown midtown commonwealth drug latina latino
jan feb mar apr jun jul aug sep sept oct nov dec republic congress summit broadway rehab pearl senate
shot son court
""".split())
# A place name followed by one of these names a street, which is not the place.
STREET_WORDS = frozenset("""
avenue ave ave. av. blvd blvd. boulevard road rd rd. street st. dr. drive lane ln. pkwy parkway
expressway freeway turnpike pike
""".split())
# A place name followed by one of these (capitalised) names a building or an organisation: it is
# still a place name of the report ('The Washington Post'), but not where an incident happened.
FACILITY_WORDS = frozenset("""
airport avenue blvd boulevard church club college hall high hospital library mall mosque museum
road school st. stadium street temple university center centre elementary academy bank company
corp. inc. times post news herald tribune journal gazette basilica cathedral chapel palace castle prison jail
court ct. circle terrace park plaza station apartments house hotel motel inn restaurant casino theater theatre arena
""".split()) | STREET_WORDS
ORDINAL_CROSSING_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:and|&)\s+$", re.IGNORECASE)
ORDINAL_CROSSING_AFTER = re.compile(r"\s+(?:and|&)\s+\d+(?:st|nd|rd|th)\b", re.IGNORECASE)
# 'Second Street', 'Fifth Avenue': an ordinal street, though GeoNames lists a few hamlets by such names.
ORDINAL_STREET = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
                            r" (?:avenue|ave|boulevard|road|street|st|drive|lane)")
# 'at Concord and Market streets': two streets that cross, the first named like a town.
PLURAL_STREETS = r"(?i:streets|avenues|roads|boulevards|drives|lanes)\b"
NAMED_CROSSING_AFTER = re.compile(r"\s+(?:and|&)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s+" + PLURAL_STREETS)
# 'on Somerset Street and Lee', 'Main Street at Grand': the name after a street and 'and/at' is the
# cross street ('Road near Delia' names a town: rural reports measure from towns).
STREET_THEN_CROSSING_BEFORE = re.compile(
    r"\b(?i:street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd\.?|drive|dr\.|lane|ln\.)\s+(?:and|&|at)\s+$")
# 'near Beale and Fond du Lac': two names joined after 'near/at/on', the first no place, are a crossing.
BARE_CROSSING_BEFORE = re.compile(r"\b(?:near|at|on)\s+([A-Z][a-z]+)\s+(?:and|&)\s+$")
# 'South Taft Court', 'Perkins Trail': a street ending in a word that also ends or starts other names
# ('Court of Appeals', 'Portland Trail Blazers'), so it counts only when no such name goes on after it.
MINOR_STREET_WORDS = frozenset({"court", "ct", "ct.", "circle", "cir", "cir.", "way", "terrace", "trail"})
LONGER_NAME_AFTER_STREET_WORD = re.compile(r"\s+(?:(?i:of|house|building|judge|clerk)\b|[A-Z])")
STREET_BEFORE = {("block", "of"), ("blocks", "of"), ("corner", "of"), ("intersection", "of")}
# Car makes that are also towns ('Toyota', Japan; 'Lincoln', 'Pontiac', 'Cadillac'): a vehicle when a
# model year or a colour comes before ('a red 2015 Toyota') or a model or a vehicle's noun after
# ('Toyota Corolla', 'a Lexus or Toyota model'); 'Lincoln police' and 'in Pontiac, Mich.' stay towns.
CAR_MAKES = frozenset("""
toyota honda nissan lexus mazda subaru hyundai kia chevrolet chevy ford dodge chrysler jeep buick cadillac
pontiac lincoln mercury mercedes bmw audi volkswagen volvo acura infiniti mitsubishi saturn oldsmobile
plymouth gmc tesla jaguar porsche fiat scion
""".split())
VEHICLE_BEFORE = re.compile(r"(?<!\bin )(?<!\bIn )(?<!\bsince )(?<!\bSince )(?<!\bof )\b(?:(?:19|20)\d\d|(?i:red|black|white|silver|gray|grey|blue|green|gold|tan|maroon|"
                            r"beige|burgundy|dark-colou?red|light-colou?red|stolen))\s+$")
VEHICLE_AFTER = re.compile(r"\s+(?:(?i:sedan|suv|truck|pickup|minivan|van|coupe|hatchback|car|model|vehicle)\b"
                           r"|(?!(?i:police|pd|county|city|township|parish|park|heights|sheriff|fire|mayor|man|woman|residents?|journal|"
                           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
                           r"june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|"
                           r"nov|dec)\b)[A-Z][\w-]+)")
# A single word in quotation marks ('K-9 "Turbo"', a nickname): a name someone was given, not a place.
QUOTED_WORD = re.compile(r"[\"\u201c\u201d]$")
# Capitalised words after a town's name that still refer to the town ('Allendale Police', 'Kaduna State').
PLACE_BOUND_WORDS = ADMIN_WORDS | {
    "capital", "police", "fire", "sheriff", "council", "city", "township", "borough", "village", "town",
    "mayor", "county", "area", "district", "metro", "municipality", "authorities", "officials", "residents",
    "pd"}
GOVERNMENT_WORDS = re.compile(
    r"\b(?:White House|Congress|Capitol|Pentagon|State Department|Kremlin|parliament|ministry|"
    r"administration|lawmakers|government)\b", re.IGNORECASE)
# Parts of whatever city the report is about, not the hamlets the gazetteer has by these names.
CITY_PARTS = frozenset({"north side", "south side", "east side", "west side", "northside", "southside", "eastside",
                        "westside", "midtown", "downtown", "uptown", "north end", "south end", "east end", "west end"})
AREA_NOUNS = {"city", "town", "village", "suburb", "suburbs", "borough", "township", "community", "neighborhood",
              "neighbourhood", "county", "state", "province", "outskirts", "hamlet"}
LOCATIVE_WORDS = {"in", "to", "near", "outside", "from", "into", "across", "via", "towards", "toward"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
COMPASS_POINTS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
PREPOSITIONS = {"in", "at", "near", "outside", "inside", "into", "across", "around", "outskirts", "from", "on"}
# 'E.', 'N.', 'S.W.', 'NE.': a compass point written as an initial ('shot in E. Houston').
COMPASS_INITIAL = re.compile(r"(?:[NSEW]|[NS]\.?[EW])\.")
# Short names that mean the city before the state they share a name with ('New York' is
# New York City; 'Oklahoma' is the state, not Oklahoma City).
CITY_FIRST_NAMES = frozenset({"new york"})
TINY_NAMESAKE_RATIO = 30  # a namesake this many times smaller than the biggest is a hamlet beside it
SPECIFICITY = {"landmark": 5.0, "city": 4.0, "admin2": 3.0, "admin1": 2.0, "region": 1.5, "country": 1.0}


@dataclass
class Mention:
    """One place name found in the text and its gazetteer candidates, best first once ranked."""

    start: int
    end: int
    key: str
    candidates: list[Entry]
    from_entity: bool
    admin_word: bool = False
    qualified: bool = False  # narrowed by an area after a comma ('Paris, Texas')
    demonym: bool = False  # 'Russian' in 'Russian forces': resolves to the country, never locates alone
    qualifier: Mention | None = None
    listed_with_states: set[str] = field(default_factory=set)  # countries of the states it is listed with
    scores: dict[int, float] = field(default_factory=dict)

    @property
    def best(self) -> Entry:
        return max(self.candidates, key=lambda e: self.scores.get(e.index, 0.0))


# --------------------------------------------------------------------------- finding names


# Inside one token, a capitalised word glued to the end of another ('TribuneTwo', 'abc30.comFresno',
# 'Lot(Cincinnati'): scraped pages lose the break between a title or credit and the body. An
# abbreviation before a hyphenated word ('U.S.-led') is cut off too: it names the country. A possessive
# whose apostrophe a wrong decoding turned into '?' or left as an HTML entity ('Milwaukee?s',
# 'Philadelphia&#39;s') loses its ending.
MANGLED_POSSESSIVE = r"(?:\?|&#0*39;|&#x0*27;|&apos;|&rsquo;|&#8217;)s$"
GLUED_WORD = re.compile(r"(?:(?<=[a-z]{3})|(?<=[)(|:;]))(?=[A-Z][a-z])|(?:(?<=[a-z]{3})|(?<=[0-9]))(?=[A-Z]{4,}\b)"
                        r"|(?<=[A-Z]\.)(?=-[a-z]{2,})|(?<=[a-z]{3})(?=" + MANGLED_POSSESSIVE + ")")
ENDS_IN_MANGLED_POSSESSIVE = re.compile(MANGLED_POSSESSIVE)
# A US broadcaster's call sign run into a dateline ('WCIVFLORENCE, S.C.', 'WPECPort St. Lucie'):
# cut after the four letters only when the word is no place itself and a dateline's shape follows.
CALL_SIGN_GLUE = re.compile(r"[KW][A-Z]{3}(?=[A-Z][a-z]|[A-Z]{4,}$)")


@dataclass(frozen=True)
class Tokens:
    """The token columns place finding reads, taken from the Doc in one pass: Token objects are slow.

    A token holding a capitalised word glued to another is split into pieces; ``first`` maps a
    Doc token index (and ``len(doc)``) to the index of its first piece.
    """

    words: list[str]  # as analysed: truecased when the article is all capitals or all lower case
    lowers: list[str]
    starts: list[int]
    sentence_starts: list[bool]
    proper_nouns: list[bool]
    plain_words: list[bool]  # alphabetic and not a stop word
    glued: list[bool]  # a piece that starts inside a Doc token
    first: list[int]

    @classmethod
    def of(cls, doc: Doc, gazetteer: Gazetteer) -> Tokens:
        strings = doc.vocab.strings
        table = doc.to_array([ORTH, LOWER, IDX, SENT_START, POS, IS_ALPHA, IS_STOP]).tolist()
        tokens = cls(words=[], lowers=[], starts=[], sentence_starts=[], proper_nouns=[], plain_words=[],
                     glued=[], first=[])
        for row in table:
            word = strings[row[0]]
            tokens.first.append(len(tokens.words))
            cuts = [m.start() for m in GLUED_WORD.finditer(word)] if len(word) > 5 else []
            if not cuts and len(word) >= 7 and row[2] < INLINE_DATELINE_CHARS and (sign := CALL_SIGN_GLUE.match(word)) \
                    and CALL_SIGN_DATELINE_AFTER.match(doc_text(doc), row[2] + len(word)) and not gazetteer.has_key(name_key(word)):
                cuts = [sign.end()]
            if not cuts:
                tokens._append(word, strings[row[1]], row[2], row[3] == 1, row[4] == PROPN,
                               bool(row[5]) and not row[6], False)
                continue
            for number, (begin, end) in enumerate(zip([0, *cuts], [*cuts, len(word)])):
                piece = word[begin:end]
                if number == 0:  # spaCy tags 'Milwaukee?s' as a noun: the capital is what tells
                    proper_noun = row[4] == PROPN or (piece[:1].isupper() and
                                                      ENDS_IN_MANGLED_POSSESSIVE.search(word) is not None)
                    tokens._append(piece, piece.lower(), row[2], row[3] == 1, proper_noun, piece.isalpha(), False)
                else:
                    tokens._append(piece, piece.lower(), row[2] + begin, False, True, piece.isalpha(), True)
        tokens.first.append(len(tokens.words))
        return tokens

    def _append(self, word: str, lower: str, start: int, sentence_start: bool, proper_noun: bool,
                plain_word: bool, glued: bool) -> None:
        self.words.append(word)
        self.lowers.append(lower)
        self.starts.append(start)
        self.sentence_starts.append(sentence_start)
        self.proper_nouns.append(proper_noun)
        self.plain_words.append(plain_word)
        self.glued.append(glued)

    def end(self, index: int) -> int:
        """Character offset just after token ``index``."""
        return self.starts[index] + len(self.words[index])


def _is_caseless(text: str) -> bool:
    """True when letter case carries no information (all capitals or all lower case)."""
    sample = text[:5000]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return True
    upper_share = sum(map(str.isupper, sample)) / letters
    return upper_share > 0.7 or upper_share < 0.01


def _looks_like_name(words: list[str], caseless: bool) -> bool:
    """Whether a word run may be a proper name: capitalised words with lowercase connectors only."""
    if caseless:
        return True
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words)


def _gazetteer_matches(text: str, tokens: Tokens, gazetteer: Gazetteer, caseless: bool) -> list[tuple[int, int]]:
    """Longest token runs (as token index pairs) whose text is a gazetteer name.

    Only runs whose first word starts some gazetteer name are looked up, so most tokens cost
    one dictionary probe.
    """
    words, starts = tokens.words, tokens.starts
    matches: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        word = words[i]
        if not word[:1].isalpha() or (not caseless and not word[:1].isupper()):
            i += 1
            continue
        longest = gazetteer.max_tokens(name_key(word))
        found = 0
        for n in range(min(longest, len(words) - i), 0, -1):
            last = i + n - 1
            if not words[last][:1].isalnum() and words[last] != ".":
                continue
            key = name_key(text[starts[i]:tokens.end(last)])
            if gazetteer.has_key(key) and _looks_like_name(words[i:i + n], caseless):
                found = n
                break
        if found:
            matches.append((i, i + found))
            i += found
        else:
            i += 1
    return matches


def _plausible_single_word(text: str, tokens: Tokens, index: int, entries: list[Entry], gazetteer: Gazetteer,
                           caseless: bool) -> bool:
    """Guard for one-word gazetteer hits spaCy did not call a place: common words are not places."""
    word = tokens.words[index]
    is_abbreviation = not caseless and word.isupper() and word.isalpha()
    if tokens.lowers[index] in COMMON_WORDS and not is_abbreviation:
        return not caseless and _department_of_a_town(tokens, index, entries)
    if len(word) < 3 and not is_abbreviation:
        return False
    if index > 0 and tokens.lowers[index - 1] in EXCLAMATION_WORDS and not _well_known(entries):
        return False  # 'Oh my God', 'oh Lordy': an exclamation, not a village abroad
    if tokens.glued[index]:  # 'PowerPoint' is no place; '6abc.comPhiladelphia' and 'Fox 59GREENWOOD, Ind. --' name one
        return _well_known(entries) or (word.isupper() and tokens.starts[index] < INLINE_DATELINE_CHARS
                                        and _starts_dateline(text, tokens.end(index)))
    if caseless:
        return any(e.feature in ("country", "admin1", "region") or e.population >= 100_000 for e in entries)
    if tokens.lowers[index] in gazetteer.demonyms:
        return True  # always capitalised, so a sentence start says nothing
    if is_abbreviation and len(word) <= 4 and not any(e.feature in ("country", "admin1", "region") for e in entries):
        return False  # 'APC' is a party, not Apc in Hungary
    if tokens.sentence_starts[index] and not tokens.proper_nouns[index]:
        return _city_police(tokens, index, entries)
    return tokens.proper_nouns[index] or any(e.feature == "country" for e in entries)


def _department_of_a_town(tokens: Tokens, index: int, entries: list[Entry]) -> bool:
    """'the Enterprise Police Department', 'Normal Police Department': a town whose name is also an
    English word, named by its own police department ('the City Police Department', 'National Police
    Department' name a kind of force)."""
    return index + 2 < len(tokens.words) and tokens.words[index + 1] == "Police" and \
        tokens.words[index + 2] in ("Department", "Dept.") and tokens.words[index][:1].isupper() and \
        tokens.lowers[index] not in FORCE_KIND_WORDS | GOVERNMENT_KIND_WORDS and \
        _town_police(tokens, index + 1, entries)


# 'City', 'County', 'National', 'Military' before 'Police Department' say what kind of government runs it.
GOVERNMENT_KIND_WORDS = frozenset({"city", "county", "district", "parish", "village", "town", "township", "borough",
                                   "national", "federal", "royal", "border", "army", "military", "capital", "central",
                                   "north", "south", "east", "west", "new", "old", "police", "officer", "trooper",
                                   "deputy", "sheriff", "detective", "sergeant", "general", "republic", "commonwealth"})


# Words that open an exclamation ('oh my God', 'thank Heaven'): the word after them is no place unless a
# well-known one ('oh Chicago'), where a witness's words or a quoted prayer would name a village abroad.
EXCLAMATION_WORDS = frozenset({"oh", "my", "dear", "thank"})


def _city_police(tokens: Tokens, index: int, entries: list[Entry]) -> bool:
    """'Tucson police arrested ...': a big city's police at a sentence's start, where the
    tagger may call the city's name an adjective."""
    return index + 1 < len(tokens.words) and tokens.lowers[index + 1] in POLICE_FORCE_WORDS and \
        any(e.feature == "city" and e.population >= 100_000 for e in entries)


def _town_police(tokens: Tokens, end: int, entries: list[Entry]) -> bool:
    """'according to Quillby Police', 'Quillby Police Chief Ann Lee said': a town's own force, written as
    a proper name, names the town, though the tagger reads the words as a person's name or a nationality
    ('Metro Police' is a kind of force, not a town's)."""
    return end < len(tokens.words) and tokens.words[end] in ("Police", "PD") and \
        tokens.lowers[end - 1] not in FORCE_KIND_WORDS and any(e.feature == "city" for e in entries)


# 'Metro police', 'Park Police', 'Harbor police': these words before 'police' name a kind of force,
# not a town's (Metro, Indonesia), wherever the report names it ('Mobile police' is Mobile's).
POLICE_FORCE_WORDS = frozenset({"police", "pd"})
FORCE_KIND_WORDS = frozenset({"metro", "metropolitan", "park", "harbor", "harbour", "port", "state", "university",
                              "campus", "transit", "tribal", "housing", "capitol", "airport"})


def _family_of(tokens: Tokens, start: int, person_words: set[str]) -> bool:
    """'the Fishers' after 'Ann Fisher': a surname's plural after 'the' names a family."""
    word = tokens.lowers[start]
    return word.endswith("s") and word[:-1] in person_words and start > 0 and tokens.lowers[start - 1] == "the"


def _surname_of_person(tokens: Tokens, start: int, end: int, person_words: set[str], gazetteer: Gazetteer) -> bool:
    """'Chen said' after 'Li Chen' was named: one word of a person's name in this report is that
    person again, unless it names a country or a US state ('Washington'). Provinces and departments
    elsewhere are often surnames ('Maldonado', 'Guerrero', 'Mendoza'): once the report has named
    'Miguel Maldonado', a lone 'Maldonado' is him, and 'the Fishers' after 'Ann Fisher' her family
    ('a Fishers home' is the town)."""
    word = tokens.lowers[start]
    if end - start != 1 or (word not in person_words and not _family_of(tokens, start, person_words)) \
            or _after_locative_word(tokens, start):
        return False
    return not any(e.feature == "country" or (e.feature == "admin1" and e.country_code == "US")
                   for e in gazetteer.lookup_key(name_key(tokens.words[start])))


SPEECH_VERBS = {"said", "says", "told", "added", "explained", "wrote"}


def _speaker(tokens: Tokens, start: int, end: int, gazetteer: Gazetteer, organisation_tokens: set[int]) -> bool:
    """', Zala said': one word before a verb of saying is a person, unless it names a country or a
    big capital."""
    if end - start != 1 or end >= len(tokens.words) or tokens.lowers[end] not in SPEECH_VERBS or \
            _after_locative_word(tokens, start):
        return False  # 'officials in Washington said' names the place
    entries = gazetteer.lookup_key(name_key(tokens.words[start]))
    if start in organisation_tokens and any(e.feature == "city" and e.population >= 100_000 for e in entries):
        return False  # 'Liverpool said': spaCy's organisation named by its city (a club, a council)
    return not any(e.feature == "country" or (e.feature == "region" and not e.country_code) or
                   (gazetteer.is_capital(e) and e.population >= 1_000_000)
                   for e in entries)  # 'Beijing said': a government speaks; 'Europe added' a continent


def _blocks(start: int, end: int, label: str, match_start: int, match_end: int, entries: list[Entry],
            key: str = "") -> bool:
    """A demonym, or a person's name holding the hit ('Paris Hilton'); spaCy often calls big places persons."""
    if not (start <= match_start and match_end <= end):
        return False
    if label == BODY_PERSON:  # 'Abuja Chamber of Commerce' names Abuja; 'Ben Franklin High School' no Ben
        return not any(e.feature in ("country", "admin1") or (e.population >= 100_000 and name_key(e.name) == key)
                       for e in entries)
    if label == "NORP" and (start, end) == (match_start, match_end) and \
            any(e.feature == "city" and e.population >= 500_000 for e in entries):
        return False  # 'NATO and Tunis': spaCy's nationality that is exactly a big city's name
    if label == "NORP" or (start, end) != (match_start, match_end):
        return True
    return not any(e.feature in ("country", "admin1") or e.population >= 100_000 for e in entries)


# The last word of a sports club named after its town ('Burton Albion', 'Bolton Wanderers'), which
# spaCy often calls a person: the town is still named.
CLUB_WORDS = frozenset("""
albion wanderers rovers athletic hotspur argyle orient rangers fc afc
""".split())


BODY_PERSON = "PERSON+BODY"  # spaCy's person whose name holds a body's word ('Chamber', 'School')


PERSON_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "lady", "lord", "st", "st.",
                 "rev", "rev.", "father", "sister", "brother", "uncle", "aunt", "president", "officer", "sgt", "sgt."}


LONE_PLACE_BEFORE = {"of", "on", "at", "in", "around", "outside", "near"}


def _lone_person_guess(tokens: Tokens, start: int, end: int, start_char: int, end_char: int,
                       blocked: list[tuple[int, int, str]], name_words: set[str], caseless: bool,
                       entries: list[Entry]) -> bool:
    """spaCy's 'person' that is one word, no word of any full name in the report, and either a
    town of 50,000 or more, an area, or a place after 'of', 'on'... ('Hilversum and Almelo', 'On
    Oahu', 'of Hayes'): a guess of the tagger, not a person (people are named in full before they
    are named by one word)."""
    if caseless or end - start != 1 or tokens.lowers[start] in name_words:
        return False
    if not any((b_start, b_end, label) == (start_char, end_char, "PERSON") for b_start, b_end, label in blocked):
        return False
    before = tokens.lowers[start - 1] if start > 0 else ""
    if before in PERSON_TITLES:
        return False
    return before in LONE_PLACE_BEFORE or any(
        e.feature in ("country", "admin1", "admin2", "region") or e.population >= 50_000 for e in entries)


# 'In addition to Dixon', 'according to Dixon', 'married to Dixon': a 'to' that points at no place.
TO_OF_NO_PLACE = frozenset({"addition", "according", "thanks", "married", "related", "engaged"})


def _after_locative_word(tokens: Tokens, start: int) -> bool:
    """'travelling to Cirencester', 'in Klamath Falls': a name after these is a place even when
    spaCy calls it a person."""
    if start > 0 and tokens.lowers[start - 1] in LOCATIVE_WORDS:
        return not (start > 1 and tokens.lowers[start - 1] == "to" and tokens.lowers[start - 2] in TO_OF_NO_PLACE)
    # 'the suburb of Holladay', 'south of Heavener', 'northwest of Wister'
    return start > 1 and tokens.lowers[start - 1] == "of" and \
        (tokens.lowers[start - 2] in AREA_NOUNS or tokens.lowers[start - 2] in COMPASS_POINTS)


def _inside_longer_name(tokens: Tokens, start: int) -> bool:
    """'Royal Street', 'Port Harcourt Road': a hit after a capitalised word is part of another name."""
    if start == 0 or tokens.sentence_starts[start] or tokens.glued[start]:
        return False
    return tokens.words[start - 1][:1].isupper() and tokens.plain_words[start - 1]


def _starts_longer_name(tokens: Tokens, end: int, entries: list[Entry], gazetteer: Gazetteer) -> bool:
    """'Marigny Plantation', 'Riverdale Lukoil': a small place's name before a capitalised word
    that starts no place name is the start of another name, not the place."""
    if end >= len(tokens.words) or tokens.sentence_starts[end] or not tokens.plain_words[end]:
        return False
    following = tokens.words[end]
    if not following[:1].isupper() or tokens.lowers[end] in PLACE_BOUND_WORDS:
        return False
    if gazetteer.max_tokens(name_key(following)) and tokens.lowers[end] not in COMMON_WORDS:
        return False
    return not _well_known(entries) and not _names_a_local_body(tokens, end)


# The last word of the name of a body named after its town ('Allendale Woman's Club', 'Cavan
# Sustainable Energy Group', 'Owensboro Public Schools'): the town is still named.
LOCAL_BODY_WORDS = frozenset("""
club group schools school commission board council institute society association department authority
college chamber committee district services trust
""".split())


def _names_a_local_body(tokens: Tokens, end: int) -> bool:
    """The capitalised words after a town end in the name of a body it has ('Woman's Club')."""
    for index in range(end, min(end + 5, len(tokens.words))):
        word = tokens.words[index]
        if word in ("'s", "\u2019s"):
            continue
        if not word[:1].isupper() or (index > end and tokens.sentence_starts[index]):
            return False
        if tokens.lowers[index] in LOCAL_BODY_WORDS:
            return True
    return False


def _first_part_of_compound(tokens: Tokens, end: int, entries: list[Entry], gazetteer: Gazetteer) -> bool:
    """'VistaPrint', 'Diaz-Balart', 'Macy-O'Toole': a small place's name glued or hyphened to a
    capitalised word that starts no place name is the start of another name (a firm, a surname)."""
    if end >= len(tokens.words) or _well_known(entries):
        return False
    if tokens.glued[end]:
        return tokens.plain_words[end]
    if tokens.words[end] != "-" or tokens.starts[end] != tokens.end(end - 1) or end + 1 >= len(tokens.words):
        return False
    following = tokens.words[end + 1]
    return tokens.starts[end + 1] == tokens.starts[end] + 1 and following[:1].isupper() and \
        not gazetteer.max_tokens(name_key(following))


def _compass_area(entries: list[Entry]) -> bool:
    """A country, a state, a regional area or a big city, which a compass word only narrows ('West
    Wales', 'South Venezuela', 'West Philadelphia'); never a continent or an ocean (no country)."""
    return any((e.feature in ("country", "admin1", "region") and e.country_code) or
               (e.feature == "city" and e.population >= 100_000) for e in entries)


def _names_no_town(key: str) -> bool:
    """A name (as a gazetteer key) that is a part of a city or an ordinal street, whatever GeoNames lists by it."""
    return key in CITY_PARTS or ORDINAL_STREET.fullmatch(key) is not None


def _compass_initial_section(tokens: Tokens, start: int, entries: list[Entry]) -> bool:
    """'shooting in E. Houston', 'near S.W. Dallas': a compass initial between a place preposition and
    a big city is a part of that city, not a person's initial (spaCy reads 'E. Houston' as a name)."""
    return start > 1 and COMPASS_INITIAL.fullmatch(tokens.words[start - 1]) is not None and \
        not tokens.glued[start] and tokens.lowers[start - 2] in PREPOSITIONS | LOCATIVE_WORDS and \
        _compass_area(entries)


def _well_known(entries: list[Entry]) -> bool:
    """A country, state, county, region or big city: named inside an organisation's name ('Air
    France', 'Cuyahoga County Executive') it still names that place, and no small namesake competes."""
    return any(e.feature in ("country", "admin1", "admin2", "region") or e.population >= 100_000 for e in entries)


def _strip_article(span: Span) -> tuple[int, int]:
    """Token bounds of an entity without a leading 'the'."""
    if len(span) > 1 and span[0].lower_ == "the":
        return span.start + 1, span.end
    return span.start, span.end


def _capital_of(candidates: list[Entry], gazetteer: Gazetteer) -> Entry | None:
    """The capital city of the country among ``candidates``, if there is one."""
    country = next((e for e in candidates if e.feature == "country"), None)
    if country is None or country.country_code not in gazetteer.capitals:
        return None
    cities = [e for e in gazetteer.lookup(gazetteer.capitals[country.country_code])
              if e.feature == "city" and e.country_code == country.country_code]
    return max(cities, key=lambda e: e.population, default=None)


# '20-year-old Dana Lee Marlow was arrested': two or three capitalised words after an age.
NAME_WORDS = r"([A-Z][a-z'\u2019-]+(?:[ \t]+[A-Z](?:\.|[a-z'\u2019-]+)){1,2})\b(?![ \t]*[A-Z])"  # 'Jo F. Roe'
AGED_NAME = re.compile(r"\b\d{1,3}-year-old[ \t]+" + NAME_WORDS)
# 'identified the victim as Ramon Velarde': the same after 'identified ... as'.
IDENTIFIED_NAME = re.compile(r"\bidentified\b[^.;\n]{0,80}?\bas[ \t]+" + NAME_WORDS)


def _introduced_person_names(text: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of people introduced after their age ('the 20-year-old Dana Lee Marlow',
    where a given name begins them) or as someone identified ('identified the boy as Ramon
    Velarde'), whatever the tagger called them (an organisation, a place): no resident word
    follows ('a 20-year-old Glendale Heights man' is a home town), no body's word is in them, and
    neither they nor their first word name a place the gazetteer knows as a whole ('a 20-year-old
    Glen Burnie', 'a 30-year-old Georgia Southern student')."""
    spans = []
    for match in [*AGED_NAME.finditer(text), *IDENTIFIED_NAME.finditer(text)]:
        words = match.group(1).split()
        following = re.match(r"[ \t]+([a-z]+)", text[match.end(1):])
        if (match.re is AGED_NAME and first_name_gender(words[0]) is None) \
                or (following and following.group(1) in RESIDENT_WORDS) \
                or any(w.lower() in LOCAL_BODY_WORDS or w.lower() in FACILITY_WORDS for w in words) \
                or gazetteer.has_key(name_key(match.group(1))) \
                or any(e.feature in ("country", "admin1") for e in gazetteer.lookup(words[0])):
            continue
        spans.append((match.start(1), match.end(1)))
    return spans


def _county_abbreviation(tokens: Tokens, end: int) -> int:
    """How many tokens from ``end`` spell 'Co.' after a name ('Franklin Co.'; 'FRANKLIN CO.' in a capitals
    dateline, which the tokenizer splits from its point): 0 when none do. 'CO' without its point may be
    Colorado's postal code ('Boulder CO 80302')."""
    if end < len(tokens.words) and tokens.words[end] in ("Co.", "Co"):
        return 1
    if end + 1 < len(tokens.words) and tokens.words[end] == "CO" and tokens.words[end + 1] == "." and \
            tokens.starts[end + 1] == tokens.end(end):
        return 2
    return 0


def _candidate_mentions(doc: Doc, text: str, gazetteer: Gazetteer, caseless: bool) -> list[Mention]:
    """Every place-name span in the text (non-overlapping, longest first), with its candidates."""
    tokens = Tokens.of(doc, gazetteer)
    entities = list(doc.ents)  # doc.ents rebuilds its spans on every access
    blocked = [(e.start_char, e.end_char,
                BODY_PERSON if e.label_ == "PERSON" and any(t.lower_ in LOCAL_BODY_WORDS for t in e) else e.label_)
               for e in entities if e.label_ in BLOCKING_LABELS
               and not (e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ in CLUB_WORDS)]
    organisation_tokens = {tokens.first[i] for e in entities if e.label_ == "ORG" and len(e) == 1
                           for i in range(e.start, e.end)}
    person_words = {tokens.lowers[tokens.first[e.end] - 1] for e in entities  # surnames: 'Houston McDonald' is not Houston's
                    if e.label_ == "PERSON" and len(e) > 1}
    name_words = {t.lower_ for e in entities if e.label_ == "PERSON" and len(e) > 1 for t in e}
    introduced_names = [] if caseless else _introduced_person_names(text, gazetteer)
    for start_char, end_char in introduced_names:
        words = text[start_char:end_char].lower().split()
        person_words.add(words[-1])
        name_words.update(words)
    spans: list[tuple[int, int, bool]] = []
    compass_keys: dict[tuple[int, int], str] = {}
    police_forces = {tokens.lowers[i] for i in range(len(tokens.words) - 1)  # 'Metro police', 'Park Police'
                     if tokens.lowers[i + 1] in POLICE_FORCE_WORDS and tokens.lowers[i] in FORCE_KIND_WORDS}
    for ent in entities:
        if ent.label_ in PLACE_LABELS:
            start, end = (tokens.first[i] for i in _strip_article(ent))
            if end - start == 1 and tokens.lowers[start] in COMPASS_WORDS:
                continue  # 'South' of 'the South Side' is no Icelandic region
            if end - start == 1 and tokens.lowers[start] in police_forces:
                continue  # 'Metro police', then 'Metro's Abuse division', 'a Metro news release': that force
            if gazetteer.has_key(name_key(text[tokens.starts[start]:tokens.end(end - 1)])):
                spans.append((start, end, True))
    entity_tokens = {(s, e) for s, e, _ in spans}
    for start, end in _gazetteer_matches(text, tokens, gazetteer, caseless):
        if (start, end) in entity_tokens:
            continue
        start_char, end_char = tokens.starts[start], tokens.end(end - 1)
        key = name_key(text[start_char:end_char])
        entries = gazetteer.lookup_key(key)
        compass_section = not caseless and _compass_initial_section(tokens, start, entries)
        if key not in gazetteer.demonyms and not _after_locative_word(tokens, start) and not tokens.glued[start] and \
                not compass_section and not _town_police(tokens, end, entries) and \
                any(_blocks(b_start, b_end, label, start_char, end_char, entries, key) for b_start, b_end, label in blocked) \
                and not _lone_person_guess(tokens, start, end, start_char, end_char, blocked, name_words, caseless,
                                           entries):
            continue
        if compass_section or (not caseless and start > 0 and tokens.lowers[start - 1] in COMPASS_WORDS and
                               tokens.words[start - 1][:1].isupper() and not tokens.glued[start] and
                               _compass_area(entries)):
            spans.append((start - 1, end, False))  # 'West Wales', 'East Yorkshire', 'West Philadelphia': that area
            compass_keys[(start - 1, end)] = key
            continue
        if not caseless and ((_inside_longer_name(tokens, start) and
                              (not _well_known(entries) or tokens.lowers[start - 1] in COMPASS_WORDS)) or
                             _starts_longer_name(tokens, end, entries, gazetteer)):
            continue
        if end - start == 1 and not _plausible_single_word(text, tokens, start, entries, gazetteer, caseless):
            continue
        if not caseless and _first_part_of_compound(tokens, end, entries, gazetteer):
            continue
        if end - start > 1 and caseless and all(tokens.lowers[k] in COMMON_WORDS for k in range(start, end)):
            continue
        spans.append((start, end, False))
    spans = [(start, end, from_entity) for start, end, from_entity in spans
             if not _names_no_town(name_key(text[tokens.starts[start]:tokens.end(end - 1)]))
             and not any(s <= tokens.starts[start] and tokens.end(end - 1) <= e for s, e in introduced_names)
             and not _surname_of_person(tokens, start, end, person_words, gazetteer)
             and not _speaker(tokens, start, end, gazetteer, organisation_tokens)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), not s[2]))
    def start_of(index: int) -> int:
        return tokens.starts[index]

    def key_is_demonym(start: int, end: int) -> bool:
        return name_key(text[tokens.starts[start]:tokens.end(end - 1)]) in gazetteer.demonyms

    mentions: list[Mention] = []
    taken_until = 0
    for start, end, from_entity in spans:
        if start < taken_until:
            continue
        if end < len(tokens.words) and tokens.lowers[end] in STREET_WORDS and not key_is_demonym(start, end) \
                and (caseless or tokens.words[end][:1].isupper()):
            continue  # 'New Castle Ave.' is a street, not New Castle
        if start >= 2 and (tokens.lowers[start - 2], tokens.lowers[start - 1]) in STREET_BEFORE:
            continue  # 'the 6300 block of Sierra Blanca' is a street
        if end - start == 1 and tokens.lowers[start] in CAR_MAKES and not caseless and \
                (VEHICLE_BEFORE.search(text, max(0, start_of(start) - 20), start_of(start))
                 or VEHICLE_AFTER.match(text, tokens.end(start))):
            continue  # 'a red 2015 Toyota Corolla' is a car
        if end - start == 1 and QUOTED_WORD.search(text, max(0, start_of(start) - 1), start_of(start)) and \
                QUOTED_WORD.match(text[tokens.end(start):tokens.end(start) + 1]):
            continue  # 'K-9 "Turbo"': a name in quotation marks
        if ORDINAL_CROSSING_BEFORE.search(text, max(0, start_of(start) - 16), start_of(start)) or \
                ORDINAL_CROSSING_AFTER.match(text, tokens.end(end - 1)) or \
                NAMED_CROSSING_AFTER.match(text, tokens.end(end - 1)):
            continue  # 'near 48th and Hampton', 'at Concord and Market streets': a crossing of streets
        if not caseless and (STREET_THEN_CROSSING_BEFORE.search(text, max(0, start_of(start) - 20), start_of(start))
                             or ((crossing := BARE_CROSSING_BEFORE.search(text, max(0, start_of(start) - 30),
                                                                          start_of(start)))
                                 and not gazetteer.has_key(name_key(crossing.group(1))))):
            continue  # 'on Somerset Street and Lee', 'near Beale and Fond du Lac': a cross street
        if end < len(tokens.words) and tokens.lowers[end] in MINOR_STREET_WORDS and tokens.words[end][:1].isupper() \
                and not caseless and tokens.lowers[end - 1] not in ("county", "parish") \
                and not LONGER_NAME_AFTER_STREET_WORD.match(text, tokens.end(end)):
            continue  # 'on South Taft Court' is a street, not South Taft
        start_char, end_char = tokens.starts[start], tokens.end(end - 1)
        key = compass_keys.get((start, end)) or name_key(text[start_char:end_char])
        mention = Mention(start_char, end_char, key, gazetteer.lookup_key(key), from_entity,
                          demonym=key in gazetteer.demonyms)
        if end < len(tokens.words) and tokens.lowers[end] in ADMIN_WORDS:
            admin_units = [e for e in mention.candidates if e.feature == "admin1"]
            if admin_units:
                mention.candidates, mention.admin_word = admin_units, True
                mention.end = tokens.end(end)
                end += 1
        elif (abbreviation := _county_abbreviation(tokens, end)) and \
                (counties := [e for e in gazetteer.lookup_key(key + " county") if e.feature == "admin2"]):
            mention.candidates, mention.key = counties, key + " county"  # 'Franklin Co.': the county, not a town
            mention.end = tokens.end(end + abbreviation - 1)
            end += abbreviation
        elif end < len(tokens.words) and tokens.lowers[end] == "capital":
            capital = _capital_of(mention.candidates, gazetteer)
            if capital is not None:  # 'the Somali capital', 'the Afghan capital': the capital city
                mention.candidates, mention.demonym, mention.key = [capital], False, name_key(capital.name)
                mention.end = tokens.end(end)
                end += 1
        mentions.append(mention)
        taken_until = end
    return mentions


# --------------------------------------------------------------------------- resolving


def _base_score(entry: Entry, key: str, gazetteer: Gazetteer) -> float:
    """Prior of a candidate before context: big, well-known features and capitals first."""
    score = math.log10(entry.population + 1)
    if gazetteer.is_capital(entry):
        score += 1.0
    if entry.feature == "country":
        score += 2.0
    elif entry.feature == "admin1":
        score -= 0.5
    elif entry.feature == "region":
        score = 7.5
    elif entry.feature == "landmark":
        score = 9.0
    if name_key(entry.name) == key:
        score += 2.0  # an alternate name ('Salisbury' for Harare) is weaker evidence than the name
    elif key in CITY_FIRST_NAMES and entry.feature == "city":
        score += 3.0  # more than the name: the city is the first reading
    return score


REGION_KM = 100.0  # a place this near a region's point is in it (regions have no boundaries here)


def _within(entry: Entry, area: Entry) -> bool:
    if area.feature == "region":
        return entry.country_code == area.country_code and entry.index != area.index and \
            _distance_km(entry, area.lat, area.lon) <= REGION_KM
    if area.feature == "country":
        return entry.country_code == area.country_code and entry.index != area.index
    return entry.country_code == area.country_code and entry.admin1 == area.admin1 and entry.index != area.index


def _attach_qualifiers(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """'Paris, Texas' / 'Springfield, Ill.': keep only namesakes inside the area after the comma.

    A US state abbreviation after a comma becomes a place of its own ('Ill.': Illinois)."""
    for mention, following in zip(mentions, mentions[1:]):
        between = text[mention.end:following.start]
        if between.strip() != ",":
            continue
        areas = [e for e in following.candidates if e.feature in ("country", "admin1")
                 or (e.feature == "region" and e.country_code)]  # 'Croft, Yorkshire'
        inside = [e for e in mention.candidates if any(_within(e, a) for a in areas)]
        if inside:
            mention.candidates, mention.qualified = inside, True
            following.candidates = [a for a in areas if any(_within(e, a) for e in inside)]
    abbreviations: list[Mention] = []
    for mention in mentions:
        abbreviation = re.match(r",\s*([A-Z][A-Za-z.]{1,5}\.?)", text[mention.end:mention.end + 9])
        if not abbreviation:
            continue
        state = gazetteer.state_abbreviations.get(abbreviation.group(1))
        inside = [e for e in mention.candidates if e.country_code == "US" and e.admin1 == state]
        if state and inside:
            mention.candidates, mention.qualified = inside, True
            start, end = mention.end + abbreviation.start(1), mention.end + abbreviation.end(1)
            states = [e for e in gazetteer.lookup(state) if e.feature == "admin1" and e.country_code == "US"]
            overlapping = [m for m in mentions if m.start < end and start < m.end]
            if states and not overlapping:
                abbreviations.append(Mention(start, end, name_key(state), states[:1], from_entity=False,
                                             qualified=True))
            elif states and [(m.start, m.end) for m in overlapping] == [(start, end)]:
                # 'OVERLAND, MO': the state, not Mo in Norway
                overlapping[0].candidates, overlapping[0].qualified = states[:1], True
                overlapping[0].key, overlapping[0].demonym = name_key(state), False
    taken = mentions + abbreviations
    for match in STATE_ABBREVIATION.finditer(text):  # 'CAMP MURRAY, Wash.', 'Walker County (Ga.)'
        state = gazetteer.state_abbreviations.get(match.group(1))
        start, end = match.start(1), match.end(1)
        if state is None or any(m.start < end and start < m.end for m in taken):
            continue
        states = [e for e in gazetteer.lookup(state) if e.feature == "admin1" and e.country_code == "US"]
        if not states:
            continue
        before = next((m for m in mentions if m.end == match.start()), None)
        if before is not None and not before.qualified:
            inside = [e for e in before.candidates if e.country_code == "US" and e.admin1 == state]
            if inside:
                before.candidates, before.qualified = inside, True
        abbreviation_mention = Mention(start, end, name_key(state), states[:1], from_entity=False, qualified=True)
        abbreviations.append(abbreviation_mention)
        taken.append(abbreviation_mention)
    return sorted(mentions + abbreviations, key=lambda m: m.start)


# A dotted state abbreviation after a capitalised name and a comma, or in brackets after one.
STATE_ABBREVIATION = re.compile(r"(?<=[A-Za-z.])(?:,[ \t]*|[ \t]*\([ \t]*)((?:[A-Z]\.){2}|W\.Va\.|[A-Z][a-z]{1,4}\.)"
                                r"(?=[ \t]*\)|[\s,;:\u2013\u2014-]|$)")


def _share_qualifiers(mentions: list[Mention]) -> None:
    """'Allendale, N.J.' once makes every later bare 'Allendale' the New Jersey one."""
    qualified: dict[str, list[Entry]] = {}
    for mention in mentions:
        if mention.qualified:
            qualified.setdefault(mention.key, mention.candidates)
        elif mention.key in qualified and not mention.admin_word:
            mention.candidates, mention.qualified = qualified[mention.key], True


def _dateline_countries(dateline: str | None, gazetteer: Gazetteer) -> set[str]:
    """Countries named or implied by a dateline such as 'KADUNA, Nigeria'."""
    if not dateline:
        return set()
    parts = [p.strip(" -(") for p in re.split(r"[,(]", dateline) if p.strip(" -(")]
    countries: set[str] = set()
    for part in parts[1:] or parts:
        entries = gazetteer.lookup(part)
        if entries:
            best = max(entries, key=lambda e: _base_score(e, name_key(part), gazetteer))
            if best.country_code:
                countries.add(best.country_code)
    return countries


LIST_SEPARATOR = re.compile(r"\s*(?:,|/|&|and|or|,\s*and|,\s*or)\s*", re.IGNORECASE)


def _names_a_state(mention: Mention, gazetteer: Gazetteer) -> Entry | None:
    """The state or province a mention names by its own name before any context, if any."""
    best = max(mention.candidates, key=lambda e: _base_score(e, mention.key, gazetteer))
    return best if best.feature == "admin1" and name_key(best.name) == mention.key else None


def _mark_lists_of_states(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> None:
    """'states such as California or Washington', 'Utah, Washington and Idaho': a name listed
    next to a state of a country is that country's state too, not a town of the same name."""
    qualifiers = {id(m.qualifier) for m in mentions if m.qualifier is not None}
    for position, mention in enumerate(mentions):
        if mention.qualified or id(mention) in qualifiers or \
                not any(e.feature == "admin1" for e in mention.candidates):
            continue
        for other in (mentions[position - 1] if position else None,
                      mentions[position + 1] if position + 1 < len(mentions) else None):
            if other is None or other.qualified or id(other) in qualifiers or other.key == mention.key:
                continue
            gap = text[other.end:mention.start] if other.start < mention.start else text[mention.end:other.start]
            state = _names_a_state(other, gazetteer)
            if state is not None and state.country_code and LIST_SEPARATOR.fullmatch(gap):
                mention.listed_with_states.add(state.country_code)


def _rank(mentions: list[Mention], dateline_countries: set[str], gazetteer: Gazetteer,
          about_government: bool) -> None:
    """Score each mention's candidates: prior, then the document's countries and admin areas.

    A city or county inside a state or province the document names ('Parkland' in a report
    that names Florida) gets a strong bonus; an admin area only guessed from another city's
    best namesake gets a weaker one. In a report about national government a capital beats
    its namesakes ('Washington' next to 'the White House' is the city, not the state).
    """
    for mention in mentions:
        mention.scores = {e.index: _base_score(e, mention.key, gazetteer) for e in mention.candidates}
        if about_government:
            for entry in mention.candidates:
                if gazetteer.is_capital(entry) and name_key(entry.name) == mention.key:
                    mention.scores[entry.index] += 2.0
        for entry in mention.candidates:
            if entry.feature == "admin1" and entry.country_code in mention.listed_with_states:
                mention.scores[entry.index] += 3.0
    country_votes: Counter[str] = Counter()
    admin_votes: Counter[tuple[str | None, str | None]] = Counter()
    named_areas: Counter[tuple[str | None, str | None]] = Counter()
    same_name_votes: dict[str, Counter[tuple[str | None, str | None]]] = defaultdict(Counter)
    same_name_areas: dict[str, Counter[tuple[str | None, str | None]]] = defaultdict(Counter)
    own_vote: dict[int, tuple[str, float]] = {}
    for position, mention in enumerate(mentions):
        best = mention.best
        weight = 2.0 if len(mention.candidates) == 1 or best.feature == "country" else 1.0
        if best.country_code:
            country_votes[best.country_code] += weight
            own_vote[position] = (best.country_code, weight)
        if best.admin1:
            admin_votes[(best.country_code, best.admin1)] += 1
            same_name_votes[mention.key][(best.country_code, best.admin1)] += 1
        if best.feature == "admin1":
            named_areas[(best.country_code, best.admin1)] += 1
            same_name_areas[mention.key][(best.country_code, best.admin1)] += 1
    for position, mention in enumerate(mentions):
        votes = country_votes.copy()  # a mention's own first guess must not vote for itself
        if position in own_vote:
            votes[own_vote[position][0]] -= own_vote[position][1]
        total = sum(votes.values()) or 1.0
        biggest = max(e.population for e in mention.candidates)
        for entry in mention.candidates:
            bonus = 3.0 * votes[entry.country_code or ""] / total
            if entry.country_code in dateline_countries:
                bonus += 3.0
            area = (entry.country_code, entry.admin1)
            own_admin = same_name_votes[mention.key][area]  # 'Harris County' named twice must not vote for itself
            if entry.feature in ("city", "admin2"):
                if named_areas[area] > same_name_areas[mention.key][area]:  # 'Oklahoma' does not name its own city
                    # a hamlet of a named state does not outweigh a big namesake ('Louisville' beside 'Ohio')
                    bonus += 3.0 if entry.population * TINY_NAMESAKE_RATIO >= biggest else 1.5
                elif admin_votes[area] > own_admin:
                    bonus += 1.5
            if entry.feature == "admin1" and len({a for a in named_areas if a[0] == entry.country_code and a != area}) >= 2 \
                    and any(c.feature == "country" and votes[c.country_code] <= 0 for c in mention.candidates):
                bonus += 2.0  # 'Georgia' in a report that names Alaska and Florida (and nothing in Georgia) is the state
            if entry.feature == "admin1" and admin_votes[area] > own_admin and \
                    not any(c.feature == "city" and (c.country_code, c.admin1) == area for c in mention.candidates):
                bonus += 1.5  # 'Georgia' in a report about Atlanta is the state; 'New York' stays the city
            mention.scores[entry.index] += bonus
    _one_sense_per_name(mentions)


def _one_sense_per_name(mentions: list[Mention]) -> None:
    """A name repeated in one report means one place: pool the scores of its unqualified mentions."""
    groups: dict[tuple[str, bool], list[Mention]] = {}
    for mention in mentions:
        if not mention.qualified:
            groups.setdefault((mention.key, mention.admin_word), []).append(mention)
    for group in groups.values():
        if len(group) < 2:
            continue
        pooled: Counter[int] = Counter()
        for mention in group:
            pooled.update(mention.scores)
        for mention in group:
            mention.scores = {index: pooled[index] for index in mention.scores}


def _drop_isolated_foreign_places(mentions: list[Mention]) -> list[Mention]:
    """A small foreign place only the gazetteer saw ('Mega', Ethiopia, in a report about New
    Jersey) is most often a surname or a word: drop it when the rest of the report is elsewhere."""
    country_votes: Counter[str] = Counter(m.best.country_code for m in mentions if m.best.country_code)
    kept = []
    for mention in mentions:
        best = mention.best
        others = sum(country_votes.values()) - country_votes[best.country_code or ""]
        small = best.feature in ("admin1", "admin2") or (best.feature == "city" and best.population < 100_000)
        alone = country_votes[best.country_code or ""] == sum(1 for m in mentions if m.key == mention.key)
        if small and alone and others >= 3 and not mention.from_entity and not mention.qualified:
            continue
        kept.append(mention)
    return kept


def _display_name(entry: Entry, mention: str, key: str, caseless: bool) -> str:
    """The name a reader writes: the mention's own form when it is an English alternate name
    of a city or area ('Cologne' for Köln, 'Kyiv'), else the gazetteer name without accents."""
    is_alternate = key != name_key(entry.name)
    if entry.feature in ("city", "admin1", "admin2") and is_alternate and mention.isascii() and \
            not (mention.isupper() and not caseless) and len(mention) > 3:
        return " ".join(mention.title().split()) if caseless else " ".join(mention.split())
    if entry.feature == "city" and is_alternate and mention.isupper() and name_key(entry.name).startswith(key + " "):
        return " ".join(mention.title().split())  # a dateline's 'GREENACRES' is Greenacres, not 'Greenacres City'
    return ascii_name(entry.name)


def _place(mention: Mention, text: str, caseless: bool) -> Place:
    entry = mention.best
    written = text[mention.start:mention.end]
    return Place(mention=written, start=mention.start, end=mention.end,
                 name=_display_name(entry, written, mention.key, caseless), feature=entry.feature,
                 admin1=entry.admin1, country_code=entry.country_code, lat=entry.lat, lon=entry.lon,
                 geonameid=entry.geonameid)


def find_places(doc: Doc, article: Article) -> list[Place]:
    """Every place name in the article text, resolved, with offsets into ``article.text``."""
    gazetteer = load_gazetteer()
    text = article.text  # the Doc may be truecased; offsets and keys are the same on the original
    caseless = _is_caseless(text)
    mentions = [m for m in _candidate_mentions(doc, text, gazetteer, caseless) if m.candidates]
    for mention in mentions:
        if mention.demonym:
            mention.candidates = [e for e in mention.candidates if e.feature in ("country", "admin1", "region")]
    mentions = [m for m in mentions if m.candidates]
    mentions = _attach_qualifiers(mentions, text, gazetteer)
    _share_qualifiers(mentions)
    _mark_lists_of_states(mentions, text, gazetteer)
    _rank(mentions, _dateline_countries(article.dateline, gazetteer), gazetteer,
          about_government=GOVERNMENT_WORDS.search(text) is not None)
    mentions = _drop_isolated_foreign_places(mentions)
    places = [_place(m, text, caseless) for m in mentions]
    if caseless:
        return places
    places = _hamlets_at_home(mentions, places, article.dateline)
    return sorted(places + _local_places(doc, text, places, article.dateline), key=lambda p: p.start)


# --------------------------------------------------------------------------- local places

# The last word of a name that names a street, a building or a local feature ('Royal Street',
# 'Carnegie Library', 'Lake Manassas' is matched by LOCAL_FIRST_WORDS).
LOCAL_LAST_WORDS = frozenset("""
street avenue road boulevard drive lane highway parkway square plaza park bridge library church cathedral
chapel hospital school academy college stadium arena airport station mall market estate centre center
hall museum castle palace racecourse prison jail courthouse temple mosque synagogue harbour harbor pier
canal creek beach cemetery graveyard theatre theater hotel inn tower terrace gardens garden quarter
university institute courthouse cottage farm farms lagoon place parade point elementary campus plant barracks
zoo wharf docks reservoir pond woods heights
""".split())
LOCAL_FIRST_WORDS = frozenset({"lake", "mount", "fort", "port"})
LOCAL_BEFORE_WORDS = frozenset({"at", "in", "on", "near", "outside", "inside", "into", "to", "from", "across"})
LOCAL_WORD = r"[A-Z](?:[a-z]{0,2}\.|[\w'\u2019-]*)"  # 'St.' but not 'Monday.': a name does not run past a full stop
LOCAL_NAME = re.compile(rf"{LOCAL_WORD}(?:(?:\s+(?:of|de|the)\s+|[ \t]+){LOCAL_WORD}){{1,4}}")
LOCAL_LEADING_WORDS = frozenset("""
the a an in at on near from to and but or when while after before during outside inside into across by of for with
this that his her their our its police officers residents
""".split())


def _home_city(places: list[Place], dateline: str | None) -> Place | None:
    """The city a local report is about: the dateline's, else the one named most in the state
    most of its places are in, else the city it names most (at least twice, or the only one)."""
    cities = [p for p in places if p.feature == "city" and p.lat is not None
              and name_key(p.mention) not in COMMON_WORDS | FACILITY_WORDS]  # 'Tribune' is a paper, not a town
    if not cities:
        return None
    if dateline and (named := _named_by_dateline(cities, dateline)) is not None:
        return named
    counts = Counter(p.geonameid for p in cities)
    areas = Counter((p.country_code, p.admin1) for p in places
                    if p.feature in ("city", "admin1", "admin2") and p.admin1).most_common(2)
    if areas and areas[0][1] >= 2 and (len(areas) == 1 or areas[0][1] > areas[1][1]):
        in_area = [p for p in cities if (p.country_code, p.admin1) == areas[0][0]]
        if in_area:  # the state most of the report's places are in ('Norbury' thrice beside five Virginia towns)
            return max(in_area, key=lambda p: (counts[p.geonameid], -p.start))
    best = max(cities, key=lambda p: (counts[p.geonameid], -p.start))
    if counts[best.geonameid] >= 2 or len(counts) == 1:
        return best
    return None


def _local_places(doc: Doc, text: str, places: list[Place], dateline: str | None) -> list[Place]:
    """Streets, buildings and neighbourhoods the gazetteer does not know ('Royal Street', 'the
    Carnegie Library'): placed at the town they are said to be in ('Alder Hey Hospital in
    Liverpool'), else at the report's home city, as feature 'landmark'. They never locate an
    incident on their own (``locate`` skips them)."""
    taken = [(p.start, p.end) for p in places]
    home = _home_city(places, dateline)
    by_start = {p.start: p for p in places}
    by_end = {p.end: p for p in places}
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "FAC":  # spaCy's facilities, when they follow 'at', 'in'... or end like one
            start, end = _strip_article(ent)
            words = [t.lower_ for t in doc[start:end]]
            if words[-1] in LOCAL_LAST_WORDS or words[0] in LOCAL_FIRST_WORDS or \
                    (start > 0 and doc[start - 1].lower_ in LOCAL_BEFORE_WORDS):
                spans.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    for match in LOCAL_NAME.finditer(text):
        words = match.group(0).split()
        if words[-1].lower().strip(".") in LOCAL_LAST_WORDS or words[0].lower() in LOCAL_FIRST_WORDS:
            spans.append((match.start(), match.end()))
            owner = re.match(r"[^\s]+['\u2019]s\s+", match.group(0))
            if owner is not None and len(words) > 2:  # "Dayton's Mercy Hospital": the hospital after the town
                spans.append((match.start() + owner.end(), match.end()))
    if home is not None and home.country_code in ("GB", "IE"):  # 'the A417', 'the M25': a British road
        spans += [(m.start(1), m.end(1)) for m in BRITISH_ROAD.finditer(text)]
    found: list[Place] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(s < end and start < e for s, e in taken):
            continue
        while True:  # 'In Central Park' at a sentence start is 'Central Park'
            first = re.match(r"(\w+)\s+", text[start:end])
            if first is None or first.group(1).lower() not in LOCAL_LEADING_WORDS:
                break
            start += first.end()
        mention = text[start:end]
        if not mention[:1].isupper() or re.search(r"[\n,]|['\u2019]s$", mention) or \
                (re.search(r"\d", mention) and not BRITISH_ROAD.fullmatch("the " + mention)):
            continue
        anchor = _anchor_town(text, start, end, by_start, by_end) or home or _town_of_sentence(doc, start, end, places)
        if anchor is None:
            continue
        found.append(Place(mention=mention, start=start, end=end, name=" ".join(mention.split()), feature="landmark",
                           admin1=anchor.admin1, country_code=anchor.country_code, lat=anchor.lat, lon=anchor.lon))
        taken.append((start, end))
    return found


ANCHOR_FEATURES = ("city", "admin2", "landmark")
BRITISH_ROAD = re.compile(r"\b(?i:the) ([AMB][1-9]\d{0,3}(?:\([MT]\))?)(?![\w-])")


def _anchor_town(text: str, start: int, end: int, by_start: dict[int, Place], by_end: dict[int, Place]) -> Place | None:
    """The town a street or building is said to be in: 'X in Liverpool', "Derry's X"."""
    after = re.match(r",?\s+(?:in|at|near)\s+", text[end:end + 8])
    if after is not None and (town := by_start.get(end + after.end())) is not None and town.feature in ANCHOR_FEATURES:
        return town
    possessive = re.search(r"['\u2019]s\s+$", text[max(0, start - 4):start])
    if possessive is not None:
        town = by_end.get(start - len(possessive.group(0)))
        if town is not None and town.feature in ANCHOR_FEATURES:
            return town
    return None


def _town_of_sentence(doc: Doc, start: int, end: int, places: list[Place]) -> Place | None:
    """In a report with no home town, the town named nearest in the same sentence."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    towns = [p for p in places if p.feature == "city" and sentence.start_char <= p.start and p.end <= sentence.end_char]
    return min(towns, key=lambda p: abs(p.start - start), default=None)


def is_local_place(place: Place) -> bool:
    """A street, building or hamlet placed at its town by ``_local_places`` or ``_hamlets_at_home``
    (not one of the gazetteer's own landmarks)."""
    return place.feature == "landmark" and place.geonameid is None and \
        not any(e.feature == "landmark" for e in load_gazetteer().lookup(place.mention))


def is_hamlet(place: Place) -> bool:
    """A village the gazetteer only knows far away, placed at the report's home town: it may still
    name where an incident happened (with the home town's state), as a town."""
    key = name_key(place.mention)
    return is_local_place(place) and load_gazetteer().has_key(key) and not ORDINAL_STREET.fullmatch(key)


HAMLET_POPULATION = 10_000
FAR_KM = 161.0  # farther than this from the home town, a village is no neighbour of it


def _hamlets_at_home(mentions: list[Mention], places: list[Place], dateline: str | None) -> list[Place]:
    """'Washington Square' in a New Orleans report, 'Stonewall' in a Virginia one: a village of
    another state, far from the report's home town, that only shares a name with a square, a shop
    or a neighbourhood of the report's own town. It is placed at the home town, as a local place;
    a village of a state the report names stays itself (a Tennessee shooting in 'Brownsville',
    reported from Detroit where the suspect was caught)."""
    home = _home_city(places, dateline)
    if home is None or home.lat is None or home.lon is None:
        return places
    named_states = {(p.country_code, p.admin1) for p in places if p.feature == "admin1"}
    moved = []
    for mention, place in zip(mentions, places):
        entry = mention.best
        if place.feature == "city" and not mention.qualified and entry.population < HAMLET_POPULATION and \
                (entry.country_code, entry.admin1) != (home.country_code, home.admin1) and \
                (entry.country_code, entry.admin1) not in named_states and \
                _distance_km(entry, home.lat, home.lon) > FAR_KM:
            namesake = next((e for e in mention.candidates if e.feature == "city"
                             and (e.country_code, e.admin1) in named_states - {(home.country_code, home.admin1)}), None)
            if namesake is not None:  # 'the armory in Brownsville' in a report about Tennessee: its Brownsville
                moved.append(Place(mention=place.mention, start=place.start, end=place.end,
                                   name=ascii_name(namesake.name), feature="city", admin1=namesake.admin1,
                                   country_code=namesake.country_code, lat=namesake.lat, lon=namesake.lon,
                                   geonameid=namesake.geonameid))
                continue
            place = Place(mention=place.mention, start=place.start, end=place.end, name=" ".join(place.mention.split()),
                          feature="landmark", admin1=home.admin1, country_code=home.country_code, lat=home.lat,
                          lon=home.lon)
        moved.append(place)
    return moved


# --------------------------------------------------------------------------- incident location

MAX_EVIDENCE_CHARS = 90
SMALL_TOWN_POPULATION = 50_000  # below this a bare one-word town needs a preposition, a state or the dateline
WEAK_PLACE_PENALTY = 3.0  # an unsupported small town or a county naming an office
BIG_CITY_POPULATION = 200_000  # a city this big absorbs the neighbourhoods named with it
NEIGHBOURHOOD_KM = 20.0  # a town this near a big city it is named with may be a part of it (Rogers Park); farther, a suburb (Stone Mountain)
SUBURB_CITY_POPULATION = 75_000  # a place this big beside a big city is a city of its own ('Compton')
SUBURB_KM = 60.0  # a namesake this close to the big city is a town of its own ('Lansing' near Chicago)
NEIGHBOURHOOD_MAX_POPULATION = 200_000  # a namesake elsewhere this small may be a neighbourhood the gazetteer lacks
QUARTER_ELSEWHERE_KM = 25.0  # a small town this near a big city of its own state may be a quarter of it ('Kensington', Brooklyn)
HOME_PENALTY = 2.0  # someone's home town ('a man from Harvey') weighs less than a scene, as much as a bare name
DATELINE_BONUS = 2.0  # the dateline's town, when an incident sentence names it, beats the outlet's home town
NEAR_CHARS = 120  # a big city named this close to a neighbourhood is its city
ORGANISATION_AFTER_COUNTY = re.compile(
    r"(?:'s)?\s+(?:sheriff|coroner|medical examiner|deputy|deputies|jail|court|prosecutor|district attorney|"
    r"attorney|commission|school|emergency|dispatch|criminal|detention|police|fire|health|officials)", re.IGNORECASE)
OWN_MUNICIPALITY_AFTER = (r"(?:'s)?\s+(?i:police|pd|township|borough|village|mayor|city council|fire department|firefighters)\b"
                          r"|,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)? County\b")
PRECISION = {"landmark": "exact", "city": "city", "admin2": "admin2", "admin1": "admin1", "country": "country"}


def _governing_preposition(doc: Doc, place: Place) -> Token | None:
    """The 'in' / 'near' / 'outskirts of' a few words before the place, if any."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    for token in reversed(list(doc[max(0, span.start - 5):span.start])):
        if token.lower_ in PREPOSITIONS:
            return token
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            return None
    return None


def _phrase_start(doc: Doc, place: Place) -> int:
    """Start of the phrase the place hangs from ('a livestock market on the outskirts of Kaduna')."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return place.start
    node = span.root
    while node.head is not node and node.head.i < node.i and node.head.pos_ in ("ADP", "NOUN", "PROPN"):
        node = node.head
    if node is span.root:
        return place.start
    return node.left_edge.idx if node.pos_ == "NOUN" else node.idx


def _entry_of(place: Place) -> Entry | None:
    """The gazetteer entry a resolved place stands for (for its population)."""
    entries = load_gazetteer().lookup(place.mention)
    return next((e for e in entries if e.geonameid == place.geonameid and e.feature == place.feature), None)


# 'in', 'at a', 'near the', 'at a south': a town named as (or as the area of) a scene ('at a Schererville business').
SCENE_BEFORE_TOWN = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:(?:the|a|an)\s+)?(?:(?:" + "|".join(COMPASS_WORDS) + r"|downtown)\s+)?$", re.IGNORECASE)


NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")


def _next_word_in(place: Place, text: str, words: frozenset[str]) -> bool:
    """Whether the lower-case word right after the place is one of ``words`` ('a Sandusky man')."""
    following = NEXT_LOWER_WORD.match(text, place.end, place.end + 16)
    return following is not None and following.group(1) in words
# 'the suburb of Holladay', 'the town of Wister': the town is named as such.
AREA_OF_BEFORE = re.compile(r"\b(?:" + "|".join(AREA_NOUNS) + r")\s+of\s+$", re.IGNORECASE)
# 'a shooting south of Heavener', 'two miles northwest of Wister': the scene is measured from the town.
COMPASS_OF_BEFORE = re.compile(r"\b(?:" + "|".join(COMPASS_POINTS) + r")\s+of\s+$", re.IGNORECASE)


def _unsupported_small_town(place: Place, text: str, dateline_place: Place | None) -> bool:
    """'Tyler said', 'Marcus', 'Street': a one-word small town is as likely a person's name or a
    word, so it locates an incident only after 'in/at/near', before ', State', with its own
    police ('Tyler police'), or as the dateline."""
    if (place.feature != "city" and not is_hamlet(place)) or " " in place.mention.strip() or place is dateline_place or \
            _is_municipality(place.mention, text):
        return False
    entry = _entry_of(place)
    if entry is not None and entry.population >= SMALL_TOWN_POPULATION:
        return False
    if SCENE_BEFORE_TOWN.search(text, max(0, place.start - 30), place.start) or \
            COMPASS_OF_BEFORE.search(text, max(0, place.start - 30), place.start):
        return False
    if AREA_OF_BEFORE.search(text[max(0, place.start - 20):place.start]):
        return False  # 'the suburb of Holladay', 'the town of Wister'
    if _next_word_in(place, text, RESIDENT_WORDS):
        return False  # 'a Sandusky man', 'the Wister teen': the town's people, not a first name
    return re.match(r",\s*[A-Z]", text[place.end:place.end + 4]) is None


RESIDENT_WORDS = frozenset("""
man men woman women boy boys girl girls teen teens teenager teenagers child children toddler baby person people
resident residents native natives worker student father mother son daughter husband wife family couple driver
victim victims suspect suspects shooter gunman
""".split())


def _home_of_a_person(doc: Doc, place: Place) -> bool:
    """'a 27-year-old man from Harvey', 'Jane Doe, 27, of Salem': where someone lives, which is
    often not where the shooting happened (a town named as the scene or the dateline beats it),
    though often it is, so it is no weak place that any other would beat."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].lower_ not in ("from", "of"):
        return False
    before = doc[span.start - 2]
    after_comma = before.text == "," and span.start >= 3
    if after_comma:
        before = doc[span.start - 3]
    return before.lower_ in RESIDENT_WORDS or before.lower_ in GROUP_OF_PEOPLE or before.ent_type_ == "PERSON" or \
        (before.like_num and doc[before.i - 1].text == ",") or \
        (after_comma and before.pos_ == "PROPN" and before.ent_type_ not in ("GPE", "LOC"))  # 'Logan Hinrichs, from'


GROUP_OF_PEOPLE = frozenset({"both", "all", "each"})  # 'his father, both from La Crosse'


TREATMENT_BEFORE = re.compile(
    r"(?:(?:hospital|medical center|medical centre|health center|trauma center|clinic|infirmary|health)s?(?:'s)?"
    r"(?:\s+(?:in|at|of))?|\b(?:hospitali[sz]ed|treated)\s+in)\s+(?:the\s+|downtown\s+)?$", re.IGNORECASE)


def _place_of_treatment(place: Place, text: str) -> bool:
    """'taken to Region's Hospital in St. Paul', 'Children's Hospital Oakland', 'flown to hospitals
    in Billings', 'are hospitalized in Jackson', 'taken to Parkland Health in Dallas': where the
    victim was treated, not where the shooting happened."""
    return TREATMENT_BEFORE.search(text, max(0, place.start - 40), place.start) is not None


# 'may be headed to Richmond', 'fled to Mexico', 'was flown to Denver': where someone went after.
DESTINATION_BEFORE = re.compile(
    r"\b(?:head(?:ed|ing)|fled|flee(?:ing)?|flown|airlifted|transported|drove|driven|moved|returned|extradited)"
    r"\s+(?:back\s+)?to\s+(?:the\s+)?$", re.IGNORECASE)


def _destination(place: Place, text: str) -> bool:
    """A town someone went to, not where the shooting happened (a scene the report names beats it)."""
    return DESTINATION_BEFORE.search(text, max(0, place.start - 30), place.start) is not None


# 'Marshals arrested McCray near Atlanta', 'was taken into custody Monday night in Erie', 'arrested
# by U.S. Marshals in Detroit' (an initial's full stop ends no sentence): where a
# suspect was caught, often far from the shooting ('arrested for a robbery in Yonkers' names the robbery's).
ARREST_BEFORE = re.compile(
    r"\b(?:arrested|apprehended|detained|taken into custody|surrendered|turned (?:himself|herself) in"
    r"|booked)\b(?:(?!\b(?:for|after|in connection)\b)(?:\b[A-Z]\.|[^.;!?\n])){0,40}?\b(?:in|near|at|outside)\s+(?:the\s+)?$",
    re.IGNORECASE)


def _place_of_arrest(place: Place, text: str) -> bool:
    """A town someone was arrested in, not where the shooting happened (a scene the report names beats it)."""
    return ARREST_BEFORE.search(text, max(0, place.start - 70), place.start) is not None


# 'in the affluent Seattle suburb', 'Detroit suburbs': the big city a scene is near.
REFERENCE_CITY_AFTER = re.compile(r"(?:\s+|-)(?i:suburbs?)\b")
# 'in suburban Phoenix', 'suburban Chicago's': the same, said with the adjective.
REFERENCE_CITY_BEFORE = re.compile(r"\b(?i:suburban)\s+$")


def _reference_city(place: Place, text: str) -> bool:
    """A city named only to say where the scene lies ('a Seattle suburb', 'in suburban Phoenix'): the
    scene is a town near it, which a report names when it can (a scene the report names beats it)."""
    return place.feature == "city" and (REFERENCE_CITY_AFTER.match(text, place.end) is not None or
                                        REFERENCE_CITY_BEFORE.search(text, max(0, place.start - 12), place.start) is not None)


LIST_NAME = r"[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,2}"
# Five or more names in a row with commas between them, the last perhaps after ', and' ('news for Dubuque,
# Dyersville, Epworth, Peosta, Cascade and ...'): an outlet's area or an index of towns, no scene.
LONG_NAME_LIST = re.compile(rf"{LIST_NAME}(?:,[ \t]*(?:and[ \t]+|&[ \t]+)?{LIST_NAME}){{4,}}")


@lru_cache(maxsize=4)
def _long_place_lists(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text lists five or more names in a row (kept for the document's other incident frames)."""
    return tuple((m.start(), m.end()) for m in LONG_NAME_LIST.finditer(text))


def _county_in_organisation_name(place: Place, text: str) -> bool:
    """'Jefferson County Sheriff's deputy', 'Newton County coroner': the county names an office,
    not the scene, so a town named as the scene beats it."""
    return place.feature == "admin2" and re.match(ORGANISATION_AFTER_COUNTY, text[place.end:place.end + 40]) is not None


def _place_score(doc: Doc, place: Place, sentence_rank: int, trigger: Span | None, weak: bool,
                 dateline: bool = False) -> float:
    score = _specificity(place) - 0.5 * sentence_rank
    if dateline:
        score += DATELINE_BONUS
    if _governing_preposition(doc, place) is not None:
        score += 2.0
    if weak:
        score -= WEAK_PLACE_PENALTY
    if trigger is not None:
        score += max(0.0, 1.0 - abs(place.start - trigger.start_char) / 200)
    return score


def _specificity(place: Place) -> float:
    """How narrow a place is: of two places that score alike, the town says more than its state
    ('a Tennessee college ... Oakdale police')."""
    return SPECIFICITY["city" if is_hamlet(place) else place.feature]


def _location(place: Place, text: str, evidence_start: int) -> Location:
    """The Location of one resolved place; a landmark gives its city's point, precision 'exact'."""
    gazetteer = load_gazetteer()
    if place.feature == "landmark":
        city = next((gazetteer.entry(e.city) for e in gazetteer.lookup(place.mention)
                     if e.feature == "landmark" and e.city is not None), None)
        name, geonameid = (city.name, city.geonameid) if city else (place.name, place.geonameid)
    else:
        name, geonameid = place.name, place.geonameid
    if _is_demonym(place):
        precision = "country"
    elif place.feature == "region":
        precision = "admin1" if place.country_code else "country"
    else:
        precision = "city" if is_hamlet(place) else PRECISION.get(place.feature, "unknown")
    between = text[evidence_start:place.start]
    if place.end - evidence_start > MAX_EVIDENCE_CHARS or evidence_start > place.start or \
            (place.start > 0 and text[place.start - 1].isalnum()) or re.search(r"[|\n\u00ab\u00bb]", between):
        evidence_start = place.start  # the phrase, or else the name itself ('6abc.comPhiladelphia' is not words)
    return Location(mention=place.mention, name=name, admin1=place.admin1,
                    country=gazetteer.country_name(place.country_code), country_code=place.country_code,
                    lat=place.lat, lon=place.lon, geonameid=geonameid, precision=precision,
                    evidence=[Evidence.of(text, evidence_start, place.end)])


def _distance_km(a: Entry, lat: float, lon: float) -> float:
    """Equirectangular distance: exact enough at city scale."""
    x = math.radians(lon - a.lon) * math.cos(math.radians((lat + a.lat) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat - a.lat))


@lru_cache(maxsize=1)
def _state_after_comma() -> str:
    """', Fla.' / ', Florida' / ', FL' after a town's name, as a regex alternative."""
    states = load_gazetteer().state_abbreviations
    names = sorted({*states, *states.values()}, key=len, reverse=True)
    return r"|,\s+(?:" + "|".join(re.escape(n) for n in names) + r")(?![A-Za-z])"


@lru_cache(maxsize=1)
def _municipality_after() -> re.Pattern[str]:
    """What follows a town that is a municipality of its own (compiled once: it lists every state)."""
    return re.compile("(?:" + OWN_MUNICIPALITY_AFTER + _state_after_comma() + ")")


def _is_municipality(mention: str, text: str) -> bool:
    """'West Allis police', 'Bensalem, Bucks County', 'Miami Gardens, Fla.': a town with its own
    police, county or state is not a neighbourhood of the big city next door."""
    after = _municipality_after()
    return any(after.match(text, found.end()) for found in re.finditer(re.escape(mention), text, re.IGNORECASE))


def _names_big_city_as_scene(city: Entry, places: list[Place], place: Place, text: str,
                             dateline_place: Place | None) -> bool:
    """The big city is the dateline, its police work the case, or it is named near a place the
    gazetteer could only put in another state ('Kensington', New York, beside Philadelphia);
    nearness alone does not make a town of the same state a neighbourhood ('from Stafford' and
    'the London Stock Exchange')."""
    if dateline_place is not None and dateline_place.geonameid == city.geonameid:
        return True
    mentions = [p for p in places if p.geonameid == city.geonameid and p.feature == "city"]
    if (place.country_code, place.admin1) != (city.country_code, city.admin1) and any(
            abs(p.start - place.start) <= NEAR_CHARS and "\n" not in text[min(p.start, place.start):max(p.end, place.end)]
           for p in mentions):
        return True
    return any(re.match(r"(?:'s)?\s+(?i:police|pd)\b", text[p.end:p.end + 12]) for p in mentions)


def _within_big_city(location: Location, place: Place, places: list[Place], text: str,
                     dateline_place: Place | None = None, url: str | None = None) -> Location:
    """'Kensington' in a report that names Philadelphia: a neighbourhood or small town inside or
    next to a big city the report names is in that city. The neighbourhood stays the mention and
    the evidence; any namesake of it near the big city counts ('Kensington' is also in New York).
    A dateline that gives no state ('ROGERS PARK -') on a page whose address names a big city near
    it ('news.example.com/chicago/') is a neighbourhood of that city: a town's dateline gives its state.
    A small name with no namesake near the big city ('Encanto' under a 'SAN DIEGO' dateline,
    'Westwood' near '(Cincinnati, OH)', 'at Ashland' with 'Chicago police') is a neighbourhood
    or street the gazetteer lacks. So is one the gazetteer could only put in another state than the
    big city the page address names ('Kensington', New York, on a Philadelphia station's page),
    unless its state follows it or a namesake of it lies near that city ('Pasadena')."""
    if is_hamlet(place) and dateline_place is not None and name_key(dateline_place.mention) == name_key(place.mention):
        return location  # 'ROSEBUD, Mo. -': a village the report is filed from is no part of a city
    if is_hamlet(place):  # 'Roseland' in a Chicago report: a part of the big city of its state
        big = [e for p in places if p.feature == "city" and p.admin1 == place.admin1 and not _names_an_organisation(p, text)
               and not _names_a_city_apart(p, text)
               and (e := _entry_of(p)) is not None and e.population >= BIG_CITY_POPULATION]
        return _moved_to(location, max(big, key=lambda e: e.population)) if big else location
    address_city = _address_city(url) if place is dateline_place else None
    if place.feature != "city" or _is_municipality(place.mention, text) or \
            (place is dateline_place and (address_city is None or _state_follows(text, place.end))) or \
            re.search(r"\b(?:suburb|city|town|village|township|borough) of\s+$", text[max(0, place.start - 20):place.start]):
        return location  # a dateline or 'the suburb of' names a town, not a neighbourhood ('BROWN DEER, Wis.')
    own = _entry_of(place)
    own_population = own.population if own else 0
    if re.match(r"\s+(?:neighbou?rhood|section)\b", text[place.end:place.end + 16]) or \
            re.search(r"\bSide$", place.mention, re.IGNORECASE):
        own_population = 0  # 'the Arlington neighborhood of Baltimore', 'the Near North Side': whatever else they are
    elif own_population >= BIG_CITY_POPULATION:
        return location  # 'Queens', 'Brooklyn': a borough as big as a city is what coders record
    gazetteer = load_gazetteer()
    big_cities = {(p.name, p.geonameid): e for p in places if p.feature == "city" and p is not place
                  and p.country_code == place.country_code  # 'a 5-year-old Latina ... in Wilmington': no district of Madrid
                  and not _names_an_organisation(p, text) and not _names_a_city_apart(p, text)
                  and (e := _entry_of(p)) is not None and e.population >= BIG_CITY_POPULATION
                  and e.population > 3 * own_population}
    if place is dateline_place and address_city is not None and address_city.country_code == place.country_code \
            and address_city.population > 3 * own_population:
        big_cities[(ascii_name(address_city.name), address_city.geonameid)] = address_city
    namesakes = [e for e in gazetteer.lookup(place.mention) if e.feature == "city"]
    city = _neighbourhood_of(sorted(big_cities.values(), key=lambda e: -e.population), own_population, namesakes,
                             lambda city: _names_big_city_as_scene(city, places, place, text, dateline_place))
    if city is not None:
        return _moved_to(location, city)
    if place is dateline_place or _state_follows(text, place.end):
        return location
    outlet = _address_city(url)  # 'Kensington' put in New York on a Philadelphia station's page
    if outlet is None or outlet.country_code != place.country_code or outlet.admin1 == place.admin1 or \
            outlet.population <= 3 * own_population:
        return location
    city = _neighbourhood_of([outlet], own_population, namesakes,
                             lambda city: _quarter_elsewhere(own, own_population))  # not Shreveport on a Dallas page
    return _moved_to(location, city) if city is not None else location


def _neighbourhood_of(cities: list[Entry], own_population: int, namesakes: list[Entry],
                      scene: Callable[[Entry], bool]) -> Entry | None:
    """The first big city (biggest first) that a small place is a neighbourhood of: one with a
    namesake of the place near it in its state, else one with no namesake of the place anywhere
    near it that the report otherwise names as the scene (``scene``)."""
    for city in cities:
        if own_population < SUBURB_CITY_POPULATION and any(
                (e.country_code, e.admin1) == (city.country_code, city.admin1)
                and _distance_km(city, e.lat, e.lon) <= NEIGHBOURHOOD_KM for e in namesakes):
            return city
    for city in cities:
        if own_population < NEIGHBOURHOOD_MAX_POPULATION and \
                not any(e.country_code == city.country_code and _distance_km(city, e.lat, e.lon) <= SUBURB_KM
                        for e in namesakes) and scene(city):
            return city
    return None


@lru_cache(maxsize=1)
def _big_cities() -> tuple[Entry, ...]:
    return tuple(load_gazetteer().cities_of_at_least(BIG_CITY_POPULATION))


def _quarter_elsewhere(own: Entry | None, own_population: int) -> bool:
    """A place the gazetteer puts in another state than the outlet's city may stand for a
    neighbourhood of the outlet's city only when what it knows there looks like one too: a
    village, a 'neighborhood' or 'Side', or a small town inside a big city of its own state
    ('Kensington' in Brooklyn, 'Lawndale' by Los Angeles). A town of its own ('Atlantic City',
    'Shreveport') is that town, whatever city the page address names."""
    if own is None or own_population < HAMLET_POPULATION:
        return True
    return own_population < SUBURB_CITY_POPULATION and any(
        (city.country_code, city.admin1) == (own.country_code, own.admin1) and city.geonameid != own.geonameid
        and _distance_km(city, own.lat, own.lon) <= QUARTER_ELSEWHERE_KM for city in _big_cities())


def _names_a_city_apart(place: Place, text: str) -> bool:
    """A city named as where the victims were treated, as what the scene is a suburb of ('in the
    Boston suburbs') or as a distance mark ('30 miles north of Kansas City'): the report sets the
    scene apart from it, so that mention makes no neighbourhood part of it."""
    return _place_of_treatment(place, text) or _reference_city(place, text) or \
        COMPASS_OF_BEFORE.search(text, max(0, place.start - 30), place.start) is not None


@lru_cache(maxsize=1)
def _state_after_comma_pattern() -> re.Pattern[str]:
    """', Wis.' / ', Florida' alone (compiled once: it lists every state)."""
    return re.compile(_state_after_comma()[1:])


def _state_follows(text: str, end: int) -> bool:
    """', Wis.' or ', Florida' right after a town: a dateline that names a town of its own state."""
    return _state_after_comma_pattern().match(text, end) is not None


ADDRESS_NAME_CHARS = 5  # a shorter city name ('Lima', 'York') is too often part of another word of an address


@lru_cache(maxsize=1)
def _big_city_names() -> dict[str, Entry]:
    """Each big city's name without spaces ('sandiego'), the biggest of namesakes kept."""
    names: dict[str, Entry] = {}
    for entry in sorted(load_gazetteer().cities_of_at_least(BIG_CITY_POPULATION), key=lambda e: e.population):
        compact = name_key(entry.name).replace(" ", "")
        if len(compact) >= ADDRESS_NAME_CHARS and compact.isalpha():
            names[compact] = entry
    return names


@lru_cache(maxsize=256)
def _address_city(url: str | None) -> Entry | None:
    """The big city a page address names in its host or first folder ('tvphiladelphia.example',
    'news.example.com/chicago/...', or an alias, 'philly'): the outlet's own city, the one its neighbourhood
    datelines are in. Cached per address: it scans every big city's name."""
    host = hostname(url)
    if host is None:
        return None
    folder = urlsplit(url if "//" in url else "//" + url).path.strip("/").split("/")[0]
    words = [w for w in (*host.split(".")[:-1], folder) if w not in ("www", "m", "")]
    names = _big_city_names()
    for word in words:
        compact = re.sub(r"[^a-z]", "", word.lower())
        named = [e for e in load_gazetteer().lookup_key(compact)
                 if e.feature == "city" and e.population >= BIG_CITY_POPULATION]
        if named:
            return max(named, key=lambda e: e.population)
        inside = [name for name in names if name in compact]
        if inside:
            return names[max(inside, key=len)]
    return None


def _moved_to(location: Location, city: Entry) -> Location:
    gazetteer = load_gazetteer()
    return location.model_copy(update={
        "name": ascii_name(city.name), "admin1": city.admin1, "country_code": city.country_code,
        "country": gazetteer.country_name(city.country_code), "lat": city.lat, "lon": city.lon,
        "geonameid": city.geonameid, "precision": "city"})


def _dateline_place(frame) -> Place | None:
    """The document place the dateline names ('KADUNA, Nigeria' -> the first 'Kaduna' in the text);
    without a dateline from the cleaner, one inside the first lines ('... | fox8.comAKRON, Ohio --')."""
    if not frame.article.dateline:
        return _inline_dateline(frame.places, frame.text)
    return _named_by_dateline(frame.places, frame.article.dateline)


def _named_by_dateline(places: list[Place], dateline: str) -> Place | None:
    """The first of the places whose name is the dateline's town ('KADUNA, Nigeria' -> 'Kaduna')."""
    first = name_key(re.split(r"[,(]", dateline)[0])
    return next((p for p in places if name_key(p.mention) == first), None)


INLINE_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|[-\u2013\u2014])")
INLINE_DATELINE_CHARS = 600
CALL_SIGN_DATELINE_AFTER = re.compile(r"(?:[ \t][A-Z][\w.]*){0,2}" + INLINE_DATELINE_AFTER.pattern)  # 'NORTH| CHARLESTON, S.C. --'


def _starts_dateline(text: str, end: int) -> bool:
    """What follows a name in capitals is the rest of a dateline (', Ind. (Dec. 25) --', ' (KOIN) -')."""
    return INLINE_DATELINE_AFTER.match(text, end) is not None


def _inline_dateline(places: list[Place], text: str) -> Place | None:
    """A place in capitals near the top, then an optional area and source, then a dash
    ('HOUSTON -', 'AURORA, Colo. (CBS4) -'): a dateline the cleaner could not cut off."""
    if _is_caseless(text):
        return None
    for place in places:
        if place.start > INLINE_DATELINE_CHARS:
            break
        if (place.feature == "city" or is_hamlet(place)) and place.mention.isupper() and len(place.mention) > 3 and \
                _starts_dateline(text, place.end):
            return place
    return None


def _most_frequent_place(places: list[Place]) -> Place | None:
    """The document's most named place, the most specific first among equals."""
    if not places:
        return None
    counts = Counter((p.name, p.feature) for p in places)
    return max(places, key=lambda p: (counts[(p.name, p.feature)], SPECIFICITY.get(p.feature, 1.0), -p.start))


BROADCASTER_BEFORE = re.compile(r"(?:\b[A-Z]{3,5}|\b[A-Z]{2,4}-?\d{1,2}|\bFox \d{1,2})\s+$")


# A station's tagline: 'KTTC Rochester, Austin, Mason City News, Weather and Sports'.
OUTLET_TAGLINE = re.compile(r"\bNews,?\s+(?:and\s+|&\s+)?(?:Weather|Sports|Traffic)\b")
TAGLINE_REACH = 60
SENTENCE_OR_LINE_END = re.compile(r"[.!?|\n]")
# The rest of a tagline's list up to a town named in it: 'News, Sports, Weather, Traffic and '.
TAGLINE_LIST = re.compile(r"News(?:,?\s+(?:and\s+|&\s+)?[A-Z][\w']*)*,?\s+(?:and\s+|&\s+)?")


def _in_outlet_tagline(place: Place, text: str) -> bool:
    """The towns a station's tagline lists ('Rochester, Austin, Mason City News, Weather and
    Sports', 'Boston News, Sports, Weather, Traffic and Boston's Best') are its market, not the scene."""
    window_start = max(0, place.start - TAGLINE_REACH)
    for tagline in OUTLET_TAGLINE.finditer(text, window_start, place.end + TAGLINE_REACH):
        if tagline.start() >= place.end:
            if not SENTENCE_OR_LINE_END.search(text, place.end, tagline.start()):
                return True
        elif TAGLINE_LIST.fullmatch(text, tagline.start(), place.start):
            return True
    return False


# 'Metro Denver Crime Stoppers', 'the Houston Crime Lab': a tip line or a service a report asks
# readers to call or names as working the case, which is no scene.
CRIME_SERVICE_AFTER = re.compile(r"\s+(?:Area\s+|Metro\s+)?(?i:crime\s*stoppers|crime\s*line|crime\s*lab(?:oratory)?)\b")


# 'Hamilton Superior Court', 'Hamilton County Juvenile Court': a court named after its county or town.
COURT_AFTER = re.compile(r"(?:\s+(?:County|City|Superior|Circuit|District|Municipal|Juvenile|Family|Probate|Magistrate|"
                         r"Chancery|Criminal|General|Sessions))+\s+Court\b")


def _names_an_organisation(place: Place, text: str) -> bool:
    """'the Washington Post', 'Houston Methodist Hospital', 'Hampton Inn', 'CBS Dallas', 'Metro Denver
    Crime Stoppers', 'Hamilton Superior Court': the outlet's, the building's, the service's or the
    court's name, not the scene."""
    if not place.mention.isupper() and BROADCASTER_BEFORE.search(text, max(0, place.start - 12), place.start):
        return True
    if CRIME_SERVICE_AFTER.match(text, place.end) or COURT_AFTER.match(text, place.end):
        return True
    return _names_a_building(place, text) or _in_outlet_tagline(place, text)


# 'Whitcomb State University' after 'Austin': a name the town's name only begins, up to the building word.
NAMED_BUILDING_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'\u2019.-]*){1,2}[ \t]+([A-Z][a-z]+)\b")
# Of those, the words that end a building's name, not a street's or a newspaper's ('the Lansing State
# Journal' is the town's own paper).
BUILDING_WORDS = FACILITY_WORDS - STREET_WORDS - {"times", "post", "news", "herald", "tribune", "journal", "gazette",
                                                  "company", "corp.", "inc."}


def _names_a_building(place: Place, text: str) -> bool:
    """'Hampton Inn', 'Mount Sinai hospital' (a hospital's name even in lower case), 'Austin Whitcomb
    State University' (a building named after someone who bears a town's name; a country's name
    before a building's, as in 'St. Anne of Austria Catholic Church', still names the country)."""
    following = re.match(r"\s+([A-Za-z][\w.]*)", text[place.end:place.end + 30])
    if following is None:
        return False
    word = following.group(1)
    lower = word.lower()  # 'called Tyler House.': the sentence's full stop is no part of the word
    if (word[:1].isupper() and (lower in FACILITY_WORDS or lower.rstrip(".") in FACILITY_WORDS)) or \
            word in ("hospital", "hospitals"):
        return True
    longer = NAMED_BUILDING_AFTER.match(text, place.end) if place.feature == "city" else None
    return longer is not None and longer.group(1).lower() in BUILDING_WORDS and _given_name_of_a_person(place, lower)


def _given_name_of_a_person(place: Place, following: str) -> bool:
    """'Austin Whitcomb': a town's name that is also a given name, followed by a word no dictionary
    has (a surname); 'Fresno State University', 'Macon City Hall' and 'Jackson State' are the town's own."""
    return first_name_gender(place.mention) is not None and not casing_lexicon().is_english(following)


def _is_state_abbreviation(place: Place) -> bool:
    """'Mo.', 'N.J.': a state named only to place the town before it."""
    return place.feature == "admin1" and place.mention.endswith(".") and \
        place.mention in load_gazetteer().state_abbreviations


def _is_demonym(place: Place) -> bool:
    return name_key(place.mention) in load_gazetteer().demonyms


# 'moved from', 'grew up in', 'a native of': the town someone came from, not where anything happened.
HOME_TOWN_BEFORE = re.compile(r"\b(?:(?:moved|relocated|came|hails?|hailed|originally)(?:\s+(?:here|back|over))?\s+from"
                              r"|grew up in|raised in|natives? of)\s+$", re.IGNORECASE)
COUNTY_TOWN_KM = 35.0  # a town of the county's state this near the county's middle is in the county


def _town_in_county(location: Location, places: list[Place], text: str) -> Location:
    """'the fourth death in Harris County' in a report that names Houston: coders record the town
    the county's shooting happened in, when the report names one inside the county (the town
    named most, near the county's middle; never a building's or an outlet's town). A town the places
    stage put in another state counts too when a namesake of it lies inside the county ('Dallas'
    beside a Georgia county is the town there, not the big city in Texas)."""
    if location.precision != "admin2" or location.lat is None or location.lon is None:
        return location
    gazetteer = load_gazetteer()
    towns = []
    places = [p for p in places if not HOME_TOWN_BEFORE.search(text, max(0, p.start - 40), p.start)]
    for place in places:
        if place.feature != "city" or place.admin1 != location.admin1 or place.country_code != location.country_code \
                or _names_an_organisation(place, text) or _place_of_treatment(place, text):
            continue
        entry = _entry_of(place)
        if entry is not None and _distance_km(entry, location.lat, location.lon) <= COUNTY_TOWN_KM:
            towns.append((place, entry))
    for place in places:  # 'northeast of Bell' in a report about Gilchrist County: Bell, Florida, not Bell, California
        if place.feature != "city" or place.country_code != location.country_code or place.admin1 == location.admin1 \
                or _names_an_organisation(place, text) or _place_of_treatment(place, text) \
                or _state_follows(text, place.end):  # 'Pasadena, California' is no namesake inside a Texas county
            continue
        namesakes = [e for e in gazetteer.lookup(place.mention) if e.feature == "city" and e.admin1 == location.admin1
                     and e.country_code == location.country_code and name_key(e.name) == name_key(place.mention)
                     and _distance_km(e, location.lat, location.lon) <= COUNTY_TOWN_KM]
        if namesakes:
            towns.append((place, min(namesakes, key=lambda e: _distance_km(e, location.lat, location.lon))))
    if not towns:
        return location
    counts = Counter(entry.index for _, entry in towns)
    place, entry = max(towns, key=lambda pair: (counts[pair[1].index], pair[1].population, -pair[0].start))
    moved = _moved_to(location, entry)
    return moved.model_copy(update={"name": place.name, "mention": place.mention,
                                    "evidence": [Evidence.of(text, place.start, place.end)]})


# 'in Quillby around noon', 'near Dunmarsh.': a capitalised name after 'in' or 'near' that ends
# there (a lower-case word, a figure or punctuation follows, not 'Charter School' or 'Road'), and
# does not open a crossing ('near Elm and Bowles' is two streets).
TOWN_AFTER_PREPOSITION = re.compile(r"\b(?:in|near)[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
                                    r"(?=[ \t]+(?!(?:for|since)\b)[a-z0-9]|[.,;]|$)"
                                    r"(?![ \t]+(?:and|&)[ \t]+[A-Z0-9])", re.MULTILINE)
NOT_TOWN_WORDS = COMMON_WORDS | STREET_WORDS | FACILITY_WORDS | AREA_NOUNS | LOCAL_BODY_WORDS | {
    "highway", "hwy", "interstate", "route", "county", "parish"}
NOT_TOWN_ENTITIES = {"PERSON", "ORG", "DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}


def _common_noun_phrase(span: Span) -> bool:
    """'worked in Accounting', 'in Sales staff': a name the tagger reads as a common noun, or one
    followed by a common noun, is a trade, a subject or a thing, not a town the gazetteer lacks
    (an English word may still name a hamlet: 'Bell', 'Weir')."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return any(token.tag_ in ("NN", "NNS") for token in span) or \
        (following is not None and following.tag_ in ("NN", "NNS") and following.text.islower())


def _unknown_town_in_county(frame, location: Location) -> Location | None:
    """'Wake County deputies said ... a boy was shot on a farm in Quillby': an incident placed
    only in a county whose act sentence (or a later one saying where it happened) puts it in a
    town the gazetteer lacks (a hamlet of fewer than 1,000 people) is in that town, which coders
    record; the county's state is the town's.
    No point is known for it. A name the gazetteer knows as a town of that state, or as a town of
    some size, a county, state or country anywhere, was the places stage's to weigh."""
    if location.precision != "admin2" or location.country_code != "US" or _is_caseless(frame.text):
        return None
    gazetteer = load_gazetteer()
    for sentence in _trigger_sentences(frame) + _scene_sentences(frame):
        for match in TOWN_AFTER_PREPOSITION.finditer(frame.text, sentence.start_char, sentence.end_char):
            name = match.group(1)
            if any(word.lower() in NOT_TOWN_WORDS or any(e.feature in ("admin1", "country") for e in gazetteer.lookup(word))
                   for word in name.split()):
                continue  # 'Ohio Highway 12' is a road
            span = frame.doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if span is None or any(token.ent_type_ in NOT_TOWN_ENTITIES for token in span) or _common_noun_phrase(span):
                continue
            if any(e.feature != "city" or e.admin1 == location.admin1 or e.population >= SMALL_TOWN_POPULATION
                   for e in gazetteer.lookup(name)):
                continue
            return Location(mention=name, name=name, admin1=location.admin1, country=location.country,
                            country_code="US", precision="city",
                            evidence=[Evidence.of(frame.text, match.start(), match.end(1))])
    return None


HOME_TOWN_POPULATION = 10_000  # a town this big counts towards the country a report is set in


def _well_known_place(place: Place) -> bool:
    """A country, state or county, or a town of some size named by its own name: less often a
    word or a surname than a village's name or a city's foreign alias ('Sand', 'Lion' for Lyon)."""
    if place.feature in ("country", "admin1", "admin2", "region"):
        return True
    entry = _entry_of(place)
    return entry is not None and entry.population >= HOME_TOWN_POPULATION and \
        name_key(entry.name) == name_key(place.mention)


def _part_of_dateline(place: Place, dateline_place: Place | None, text: str) -> bool:
    """The dateline's town itself or the state or country written right after it ('KADUNA, Nigeria',
    'MANAGUA (NICARAGUA)'): words that say where the report was filed, not where anything happened."""
    return dateline_place is not None and (place is dateline_place or (
        place.start >= dateline_place.end and re.fullmatch(r"[\s,(]*", text[dateline_place.end:place.start]) is not None))


def _home_country(places: list[Place], dateline_place: Place | None, text: str) -> str | None:
    """The country a report is set in: its dateline's, unless the rest of the report names only
    well-known places of one other country (a wire report filed in Havana about San Salvador);
    without a dateline, the country most of its well-known place names are in (at least twice as
    many as any other, and two or more; demonyms already left out by the caller). A town of another
    country ('Mama Nancy's diner' in a report from Syracuse) is then more likely a word or a name."""
    counts = Counter(p.country_code for p in places
                     if p.country_code and _well_known_place(p) and not _part_of_dateline(p, dateline_place, text))
    ranked = counts.most_common(2)
    dominant = None if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]) \
        else ranked[0][0]
    if dateline_place is not None and dateline_place.country_code and \
            (counts[dateline_place.country_code] or dominant is None):
        return dateline_place.country_code
    return dominant


def locate(frame) -> Location:  # frame: blotter.incidents.frame.IncidentFrame (imported lazily: no cycle)
    """The incident's place: its own sentences first, then the dateline, then the document's main place.

    Demonyms ('Russian forces') locate an incident only when the report names no place at all,
    and then at country precision. A county gives way to the town inside it the report names.
    """
    location = _town_in_county(_locate(frame), [p for p in frame.places if not is_local_place(p)], frame.text)
    location = _unknown_town_in_county(frame, location) or location
    location = _borough_of_new_york(location, frame)
    location = _quarter_of_address_city(location, frame.article.url, frame.places)
    location = _city_of_district(location)
    if location.precision in ("unknown", "admin1", "country"):
        location = _unknown_dateline_town(frame.text, location) or _section_of_the_city(frame, location) or location
    if location.precision in ("unknown", "admin1", "country") and frame.article.title:
        return title_town(frame.article, location) or location
    return location


def _city_of_district(location: Location) -> Location:
    """'shot in D.C.': the District of Columbia is one city, Washington, which coders record; the
    gazetteer keeps it as a state."""
    if location.precision != "admin1" or location.country_code != "US" or location.admin1 != "District of Columbia":
        return location
    city = next((e for e in load_gazetteer().lookup("Washington")
                 if e.feature == "city" and e.admin1 == "District of Columbia"), None)
    return location if city is None else _moved_to(location, city)


# A page address's world or foreign-news section: its reports are set abroad, not in the outlet's city.
WORLD_SECTION = re.compile(r"/(?:[a-z]+-)?(?:world|international|intl|foreign|global|africa|asia|europe|americas|middle-?east)"
                           r"(?:-[a-z]+)?/", re.IGNORECASE)


def _quarter_of_address_city(location: Location, url: str | None, places: list[Place] = ()) -> Location:
    """'shot in Southwest' on a page whose address names Seattle or Chicago: a bare compass word is a
    quarter of the outlet's own big city, not the region of another country the gazetteer knows by
    that name. The compass word stays the mention and the evidence. Not in a world-news section
    of the page address, nor in a report that names a place abroad: there it is a region abroad."""
    if not location.mention or name_key(location.mention) not in COMPASS_POINTS:
        return location
    city = _address_city(url)
    if city is None or city.country_code == location.country_code or WORLD_SECTION.search(urlsplit(url).path + "/"):
        return location
    if any(p.country_code and p.country_code != city.country_code and not _is_demonym(p) and _named_abroad(p)
           for p in places):
        return location  # 'in the Southwest' of a report that names Cameroon
    return _moved_to(location, city)


def _named_abroad(place: Place) -> bool:
    """A country or a big city named by its own name: a short word the gazetteer knows as a town
    abroad ('Ben', 'Shot') or a street it placed there says nothing of where a report is set."""
    if place.feature == "country":
        return True
    entry = _entry_of(place)
    return place.feature == "city" and entry is not None and entry.population >= BIG_CITY_POPULATION and \
        name_key(entry.name) == name_key(place.mention)


NEW_YORK_BOROUGHS = ("Manhattan", "Brooklyn", "Queens", "The Bronx", "Staten Island")


@lru_cache(maxsize=1)
def _borough_ids() -> frozenset[int]:
    """GeoNames ids of New York City's five boroughs."""
    return frozenset(e.geonameid for name in NEW_YORK_BOROUGHS for e in load_gazetteer().lookup(name)
                     if e.feature == "city" and e.admin1 == "New York" and name_key(e.name) == name_key(name))


def _borough_of_new_york(location: Location, frame) -> Location:
    """'NEW YORK (AP) -- ... in the Bronx', 'in Williamsburg ... Brooklyn': New York City is five
    boroughs, each a county and as big as a city, and coders record the borough a report names
    rather than the city: the first borough named in the incident's own sentences, else the only
    one the report names."""
    city = next((e for e in load_gazetteer().lookup("New York City") if e.feature == "city"), None)
    if city is None or location.geonameid != city.geonameid:
        return location
    boroughs = [p for p in frame.places if p.geonameid in _borough_ids() and not _names_an_organisation(p, frame.text)
                and not _borough_of_someone(p, frame.text)]
    own = [p for p in boroughs if any(s.start_char <= p.start and p.end <= s.end_char for s in frame.sentences)]
    if own:
        borough = own[0]
    elif len({p.geonameid for p in boroughs}) == 1:
        borough = boroughs[0]
    else:
        return location  # none named, or several outside the incident's sentences
    return _location(borough, frame.text, borough.start)


# What a borough names when it is no scene: its people ('a Brooklyn man'), its offices ('the Queens district
# attorney') or someone's home ('at his Bronx apartment').
_BOROUGH_NOT_SCENE = RESIDENT_WORDS | frozenset("""
home house apartment residence district prosecutor prosecutors court courthouse jail hospital office borough
""".split())


def _borough_of_someone(place: Place, text: str) -> bool:
    return _next_word_in(place, text, _BOROUGH_NOT_SCENE)


# 'KINLOCH, Mo. (KMOV) -': a town in capitals, its state, an optional source, a dash, at a line's start.
CAPITALS_DATELINE = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z'.]+(?:[ \t][A-Z][A-Z'.]+){0,3}),[ \t]*([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)"
                               r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:--|[-\u2013\u2014])")


def _unknown_dateline_town(text: str, location: Location) -> Location | None:
    """'KINLOCH, Mo. -' when the gazetteer lacks Kinloch: the dateline still names the town the
    report is filed from, with its state, which beats the state alone. No point is known for it."""
    if _is_caseless(text):
        return None
    gazetteer = load_gazetteer()
    for match in CAPITALS_DATELINE.finditer(text, 0, INLINE_DATELINE_CHARS):
        state = gazetteer.state_abbreviations.get(match.group(2)) or \
            (match.group(2) if any(e.feature == "admin1" and e.country_code == "US"
                                   for e in gazetteer.lookup(match.group(2))) else None)
        if state is None or (location.admin1 is not None and location.admin1 != state):
            continue
        town = match.group(1)
        if any(e.feature in ("city", "admin2", "admin1") for e in gazetteer.lookup(town)):
            return None  # a known place: the places stage had its chance to weigh it
        return Location(mention=town, name=string.capwords(town.lower()), admin1=state,
                        country=gazetteer.country_name("US"), country_code="US", precision="city",
                        evidence=[Evidence.of(text, match.start(1), match.end(2))])
    return None


# 'in the city's Brantmoor section': a part of the outlet's city, named by its own name.
SECTION_OF_THE_CITY = re.compile(r"\bthe city's[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+"
                                 r"(?:section|neighborhood|neighbourhood)\b")
# 'detectives from the city's Major Crimes section': a police unit, not a part of the city.
POLICE_UNIT_WORDS = frozenset({"major", "crime", "crimes", "homicide", "narcotics", "vice", "traffic", "robbery", "gang",
                               "special", "police", "detective", "detectives", "investigations", "patrol"})


def _section_of_the_city(frame, location: Location) -> Location | None:
    """'a man found wounded in the city's Brantmoor section' when the report names no town the gazetteer
    knows: the section is where it happened, and what coders record (no point is known for it; the
    state stays whatever was found)."""
    for sentence in frame.sentences:
        match = SECTION_OF_THE_CITY.search(frame.text, sentence.start_char, sentence.end_char)
        if match and not any(word.lower() in POLICE_UNIT_WORDS for word in match.group(1).split()):
            return location.model_copy(update={
                "mention": match.group(1), "name": match.group(1), "precision": "city", "lat": None, "lon": None,
                "geonameid": None, "evidence": [Evidence.of(frame.text, match.start(), match.end())]})
    return None


# The outlet's name after a headline ('... in Kinloch - KMOV.com', '... | Fox 59'): no scene.
OUTLET_AFTER_TITLE = re.compile(r"\s+(?:\||[-\u2013\u2014]\s+(?=.*(?i:\.com|news|weather|\b[KW][A-Z]{2,3}\b)))")


@lru_cache(maxsize=64)
def _headline_towns(title: str) -> tuple[Place, ...]:
    """The towns and counties a headline names, parsed once: every incident of a report asks."""
    from .nlp import analyse  # lazily: most reports never need it

    return tuple(p for p in find_places(analyse(title), Article(id="headline", text=title))
                 if p.feature in ("city", "admin2") and not is_local_place(p) and not _names_an_organisation(p, title)
                 and not re.search(r"\bon\s+$", title[max(0, p.start - 4):p.start]))  # 'on Broadway': a street


def title_town(article: Article, body_location: Location | None = None) -> Location | None:
    """'One man dead after triple shooting in Buffalo': a town or county the headline names, when
    the body names none (a page whose text is mostly the outlet's furniture) or only its state.
    Of towns in several states the biggest town's state is kept ('Jacksonville police: ... in New
    Town' is no town of North Dakota). A town told as someone's home ('Dayton man charged in Xenia
    shooting') gives way to another the headline names. A neighbourhood is in its big city as in the
    body ('Lawndale',
    which the gazetteer puts in California, in a Chicago paper's headline). The evidence is the headline's words."""
    title = OUTLET_AFTER_TITLE.split(article.title or "", maxsplit=1)[0]
    if not title.strip():
        return None
    towns = [_in_state_of(p, body_location, title) for p in _headline_towns(title)]
    towns = [p for p in towns
             if body_location is None or body_location.precision != "admin1" or p.admin1 == body_location.admin1]
    if len({(p.country_code, p.admin1) for p in towns}) > 1:
        biggest = max(towns, key=lambda p: entry.population if (entry := _entry_of(p)) else 0)
        towns = [p for p in towns if (p.country_code, p.admin1) == (biggest.country_code, biggest.admin1)]
    if not towns:
        return None
    town = next((p for p in towns if SCENE_BEFORE_TOWN.search(title, max(0, p.start - 30), p.start)), None) or \
        next((p for p in towns if not _next_word_in(p, title, RESIDENT_WORDS)), towns[0])
    location = _within_big_city(_location(town, title, town.start), town, list(_headline_towns(title)), title,
                                url=article.url)  # 'Lawndale' in a Chicago paper's headline
    return location.model_copy(update={"evidence": [Evidence.of(title, town.start, town.end, field="title")]})


def _in_state_of(place: Place, location: Location | None, title: str) -> Place:
    """A headline's town read in the state the body names ('Brookhaven mass shooting' over a body
    set in Mississippi is Brookhaven, Mississippi, not the bigger Brookhaven of Georgia), when that
    state has a town of the name. A town told as someone's ('Houston man killed in Mississippi
    shooting') is their home, so it keeps its own state."""
    if location is None or location.precision != "admin1" or place.admin1 == location.admin1:
        return place
    if _next_word_in(place, title, RESIDENT_WORDS):
        return place
    entry = next((e for e in load_gazetteer().lookup(place.mention) if e.feature == place.feature
                  and (e.country_code, e.admin1) == (location.country_code, location.admin1)), None)
    if entry is None:
        return place
    return place.model_copy(update={"name": ascii_name(entry.name), "admin1": entry.admin1, "lat": entry.lat,
                                    "lon": entry.lon, "geonameid": entry.geonameid})


# 'in western Tennessee', 'in rural northern Minnesota': a part of a state, where a wire or a
# station's report puts a shooting far from the city it is filed from.
PART_OF_STATE_BEFORE = re.compile(
    r"\bin\s+(?:the\s+)?(?:rural\s+)?(?:(?:north|south)(?:east|west)ern|northern|southern|eastern|western|central|"
    r"rural|upstate|downstate)\s+$", re.IGNORECASE)


# 'deputies said it occurred by a farm pond in Quillby', 'the shooting happened in Quillby': a sentence that
# tells where the act was ('a similar shooting occurred in Quillby last year' tells another's).
THE_ACT_HAPPENED = re.compile(r"\b(?:(?i:it)|(?i:the|this)\s+(?:[\w-]+\s+){0,2}?(?:shooting|stabbing|incident|homicide|killing|"
                        r"attack|crash))\s+(?:\w+\s+)?(?:happened|occurred|took place)\b")


def _scene_sentences(frame) -> list[Span]:
    """The incident's sentences after its act's that say where it happened."""
    own = _trigger_sentences(frame)
    return [s for s in frame.sentences if s not in own and s.start > own[0].start
            and THE_ACT_HAPPENED.search(frame.text, s.start_char, s.end_char)] if own else []


def _trigger_sentences(frame) -> list[Span]:
    """The incident's sentence that tells the act (the one holding its trigger); without a trigger,
    all its sentences: a later one ('a neighbor said he worked in ...') may be about anything."""
    own = [s for s in frame.sentences if frame.trigger is not None and s.start <= frame.trigger.start < s.end]
    return own or frame.sentences


def _filed_elsewhere(frame, named: list[Place], dateline_place: Place | None) -> bool:
    """The incident's own sentence puts it in a part of a state ('shot a deputy in northwestern
    Minnesota') and names the dateline's city ('MINNEAPOLIS (WCCO) -') no more after that: the
    dateline is where the report was filed ('in western Pennsylvania ... in a Pittsburgh
    neighborhood' still names Pittsburgh as the scene)."""
    if dateline_place is None:
        return False
    for sentence in _trigger_sentences(frame):
        for state in named:
            if state.feature == "admin1" and sentence.start_char <= state.start and state.end <= sentence.end_char \
                    and PART_OF_STATE_BEFORE.search(frame.text, max(0, state.start - 40), state.start) \
                    and not any(_same_town(p, dateline_place) and state.end <= p.start
                                and p.end <= sentence.end_char for p in named):
                return True
    return False


def _state_of(place: Place) -> Location | None:
    """The state a place lies in, as a Location of that precision (None for a place of no state)."""
    if place.admin1 is None or place.feature == "country":
        return None
    return Location(name=place.admin1, admin1=place.admin1, country=load_gazetteer().country_name(place.country_code),
                    country_code=place.country_code, precision="admin1")


def _where_someone_was_taken(place: Place, text: str) -> bool:
    """A town the report names only as where a victim was treated, someone went or a suspect was
    arrested: a town the headline names is more likely the scene."""
    return _place_of_treatment(place, text) or _destination(place, text) or _place_of_arrest(place, text)


def _same_town(place: Place, other: Place) -> bool:
    """One town: the same GeoNames entry, or the same name where either has none (a dateline town the
    gazetteer lacks)."""
    if place.geonameid is not None and other.geonameid is not None:
        return place.geonameid == other.geonameid
    return name_key(place.name or place.mention) == name_key(other.name or other.mention)


def _locate(frame) -> Location:
    doc: Doc = frame.doc
    frame_places = [p for p in frame.places if not is_local_place(p) or is_hamlet(p)]
    named = [p for p in frame_places if not _is_demonym(p) and not _names_an_organisation(p, frame.text)]
    towns = [p for p in named if not _is_state_abbreviation(p)]  # 'HANNIBAL, Mo.': the town, not the state
    named = towns or named
    if not named:  # an outlet's city ('CBS Chicago') before a demonym; never a building's ('Mount Sinai Hospital')
        fallback = _most_frequent_place([p for p in frame_places if not _names_a_building(p, frame.text)
                                         and not _is_demonym(p)]) \
            or _most_frequent_place([p for p in frame_places if _is_demonym(p)])
        return _location(fallback, frame.text, fallback.start) if fallback else Location()
    dateline_place = _dateline_place(frame)
    filed_elsewhere = dateline_place if _filed_elsewhere(frame, named, dateline_place) else None
    if filed_elsewhere is not None:
        dateline_place = None
    home_country = _home_country(named, dateline_place, frame.text)
    lists = _long_place_lists(frame.text)
    weak = {id(p) for p in named if p is filed_elsewhere or any(s <= p.start and p.end <= e for s, e in lists)
            or _unsupported_small_town(p, frame.text, dateline_place)
            or _county_in_organisation_name(p, frame.text) or _place_of_treatment(p, frame.text)
            or _destination(p, frame.text) or _place_of_arrest(p, frame.text) or _reference_city(p, frame.text)
            or (home_country is not None and p.feature != "country" and p.country_code != home_country)}
    scored: list[tuple[float, Place]] = []
    for rank, sentence in enumerate(frame.sentences):
        for place in named:
            if sentence.start_char <= place.start and place.end <= sentence.end_char:
                scored.append((_place_score(doc, place, rank, frame.trigger, id(place) in weak,
                                            dateline_place is not None and place.start == dateline_place.start)
                               - (HOME_PENALTY if _home_of_a_person(doc, place) else 0.0), place))
    supported = [p for p in named if id(p) not in weak]
    if scored:
        best = max(scored, key=lambda item: (item[0], _specificity(item[1]), -item[1].start))[1]  # a tie: the town
        if id(best) in weak and supported:  # 'Bettie' (a victim's first name) in the incident's sentence
            scored = []
        elif _where_someone_was_taken(best, frame.text) and frame.article.title and \
                (headline := title_town(frame.article, _state_of(best))) is not None:
            return headline  # 'treated in Jackson' under a headline naming the town: read in Jackson's state
    if scored:
        return _within_big_city(_location(best, frame.text, _phrase_start(doc, best)), best, frame_places,
                                frame.text, dateline_place, frame.article.url)
    fallback = dateline_place or _most_frequent_place(supported or named)
    if fallback is None:
        return Location()
    if fallback is dateline_place:
        return _location(fallback, frame.text, fallback.start)  # a dateline names the town itself
    return _within_big_city(_location(fallback, frame.text, fallback.start), fallback, frame_places, frame.text,
                            dateline_place, frame.article.url)
