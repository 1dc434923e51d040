"""Who was harmed. Entry point: ``fill_victims(frame) -> list[Victim]``.

Victims are the people the casualty phrases count ("Two traders and a police officer were
killed" gives two victims, "Two traders" and "a police officer"), plus people kidnapped, missing
or unharmed, and names given later ("identified as John Smith, 34"). Perpetrators and bare
pronouns are left out: a pronoun names nobody new.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..geo.gazetteer import load_gazetteer
from ..nlp import first_name_gender, is_recased
from ..models import Evidence, Gender, Victim, VictimStatus
from .actors import PERPETRATOR_NOUNS, full_name_span, name_listed_before, same_person as _known_person, whole_name
from .casualties import AUX_PATTERN, LIST_PATTERN, find_casualty_mentions, split_groups
from .detect import SEIZING, seizes_someone
from .frame import IncidentFrame
from .targets import find_target_spans

OTHER_FATE_RE = re.compile(
    r"(?<![\w-])" + LIST_PATTERN + AUX_PATTERN + r"\s+(?P<fate>kidnapped|abducted|taken\s+hostage|held\s+hostage|"
    r"missing|unhurt|unharmed|uninjured|unscathed|escaped\s+unhurt|escaped\s+unharmed)\b"
    r"|\b(?:kidnapped|abducted|kidnapping|abducting)\s+" + LIST_PATTERN.replace("?P<list>", "?P<object>"),
    re.IGNORECASE,
)
_OTHER_FATE_WORD_RE = re.compile(r"kidnap|abduct|hostage|missing|unhurt|unharmed|uninjured|unscathed", re.IGNORECASE)
IDENTIFIED_RE = re.compile(
    r"\bidentified\s+(?:[\w,'’-]+\s+){0,16}?as\s+(?:(?P<age_before>\d{1,3})-years?-old\s+)?"
    r"(?:(?-i:(?:[A-Z][a-z]+\s+){1,3})(?:resident|native),?\s+)?"  # "as 18-year-old Carson City resident, Jo Roe"
    r"(?P<name>(?-i:(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?(?:\s+[A-Z]\.)?(?:\s+(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?){1,3}))(?:,\s+(?P<age>\d{1,3})\b)?",
    re.IGNORECASE,
)
# The next names of a list after "identified as X, 24,": "and Y, 31", ", Z".
_NEXT_NAME_RE = re.compile(r",?\s+(?:and\s+)?" + "(?P<name>(?-i:(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?(?:\\s+[A-Z]\\.)?(?:\\s+(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?){1,3}))" + r"(?:,\s+(?P<age>\d{1,3})\b)?")
_PERPETRATOR_BEFORE_RE = re.compile(r"\b(?:" + "|".join(sorted(PERPETRATOR_NOUNS)) + r")\b[^.;]*$", re.IGNORECASE)
_NAME_AND_AGE_RE = re.compile(r"^(?P<name>(?:(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?\s+){1,3}(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?)(?:,\s+(?P<age>\d{1,3}),?)?$")
# Capitalised words of a headline ("Man Found Shot In Dolton") that are never part of a person's name.
_HEADLINE_WORDS = frozenset(
    "in at on by of for from to with after before during following near over and the a an his her man woman boy girl "
    "teen teens men women shooting shootings shot shots found killed kills dies died dead death police officer cop "
    "deputy trooper victim victims suspect service church gazette times news update video photos report "
    "says said juvenile missing".split())
_GLUED_HEADLINE_RE = re.compile(r"^[a-z]+(?=[A-Z][a-z])|^(?:[A-Z][a-z]+\s+)*(?:Times|News|Post|Tribune|Herald|Journal)(?=[A-Z][a-z])")
_SURNAME_RE = re.compile(r"^(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?$")  # "Cantu", "LeGrier": a victim called by surname alone
_POSSESSIVE_RE = re.compile(r"\s*['’]s?$")
_TRAILING_AGE_RE = re.compile(r",\s*\d{1,3},?$")
_AGE_AFTER_RE = re.compile(r",\s*(?P<age>\d{1,3}),")
_TRAILING_NUMBER_RE = re.compile(r"\s+\d{1,3}$")
_REPORTING_OFFICIALS = frozenset("coroner examiner spokesman spokeswoman spokesperson".split())
_LEADING_AGE_RE = re.compile(r"^\d{1,3}-years?-old\s+")
_AGE_RE = re.compile(r"\b(?P<age>\d{1,3})[- ]years?[- ]old\b", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"^(?:he|she|him|her|himself|herself|themselves)$", re.IGNORECASE)
_MALE_RE = re.compile(r"\b(?:man|men|boys?|father|son|brother|husband|Mr\.?|he|his|him|gentleman|male|policeman)\b", re.IGNORECASE)
_FEMALE_RE = re.compile(r"\b(?:woman|women|girls?|mother|daughter|sister|wife|Mrs\.?|Ms\.?|Miss|she|her|lady|female|policewoman)\b", re.IGNORECASE)
_WORDS_RE = re.compile(r"[\w'’-]+")
# Words that, alone, name nobody: figures, articles and quantifiers ("a", "one", "three others").
_NOT_A_DESCRIPTION = frozenset(
    "a an the one two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds thousand "
    "thousands some several many few more most other others another all both at least about approximately around "
    "nearly almost over up to of them those these".split())
# Words before "identified as" that make the named person a victim.
_VICTIM_CUES = frozenset("victim victims him her they them dead deceased decedent killed slain injured wounded body man woman "
                         "boy girl "
                         "male female teen teenager child".split())
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
_FATES: dict[str, VictimStatus] = {
    "kidnapped": "kidnapped", "abducted": "kidnapped", "taken hostage": "kidnapped", "held hostage": "kidnapped",
    "missing": "missing",
}


def _gender(words: str) -> Gender | None:
    male, female = bool(_MALE_RE.search(words)), bool(_FEMALE_RE.search(words))
    return "male" if male and not female else "female" if female and not male else None


_NOBODY_RE = re.compile(r"no\s*(?:one|body)|nobody|none(?:\s+of\s+\w+)?|no\s+(?:one|people|persons?|residents?|others?)",
                        re.IGNORECASE)


def _names_someone(frame: IncidentFrame, start: int, end: int) -> bool:
    """False for spans that name nobody: a pronoun, a bare figure ("67", "a", "three others"), a place,
    "no one" ("No one was injured")."""
    words = frame.text[start:end]
    if _NOBODY_RE.fullmatch(words.strip()) or _PRONOUN_RE.match(words) or not any(w.lower() not in _NOT_A_DESCRIPTION and not w[0].isdigit()
                                           for w in _WORDS_RE.findall(words)):
        return False
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    return span is None or not any(e.label_ in _PLACE_LABELS and e.start <= span.root.i < e.end for e in span.ents)


def _people(frame: IncidentFrame, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the PERSON names in ``text[start:end]``, a name the parser cut in two made whole again."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    merged: list[tuple[int, int]] = []
    for entity in span.ents if span is not None else ():
        if entity.label_ != "PERSON":
            continue
        entity = _whole_name(entity)
        end = entity.end_char
        possessive = _POSSESSIVE_RE.search(frame.text, entity.start_char, end)
        end = possessive.start() if possessive else end  # "Mena's murder": the name is "Mena"
        if merged and not frame.text[merged[-1][1]:entity.start_char].strip():  # "Federico Estrada" "Velez"
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((entity.start_char, end))
    return merged


# Titles before a name that are not part of it ("Dr", "Gen.", "Father").
_TITLES = frozenset("dr mr mrs ms miss sr sra don dona gen general col colonel maj major capt captain lt sgt "
                    "father fr rev msgr bishop archbishop president senator sen rep judge minister mayor "
                    "officer deputy trooper cop police sergeant detective det agent chief pastor professor prof coach "
                    "monsignor mons ambassador consul brigadier division lieutenant corporal cpl guard policeman "
                    "patrolman inspector commander comandante companero sister engineer journalist attorney councilman "
                    "soldier soldiers businessman industrialist priest member "
                    "congressman governor jesuit".split())
# Titles that are also first names ("Don Smith"): never taken off a name.
_FIRST_NAME_TITLES = frozenset({"don", "dona"})


def _without_title(name: str) -> str:
    """The name without the titles the tagger took into it ("msgr arnulfo romero", "ambassador jesus
    fernandez"): a person is named the same whatever their rank, and reports vary the title."""
    words = name.split()
    titles = [i for i, word in enumerate(words[:-1]) if _is_title(word)]
    if not titles:
        return name
    return " ".join(words[titles[-1] + 1:])  # "former defense minister division general X": X


def _is_title(word: str) -> bool:
    """A title, or titles before a list of names ("jesuits ignacio ruiz and ...", "priests ...")."""
    word = word.lower().rstrip(".")
    return bool({word, word[:-1] if word.endswith("s") else word} & (_TITLES - _FIRST_NAME_TITLES))


# Nationalities said by a noun of their own, which no demonym list of adjectives gives ("spaniard jose ruiz"). Not
# "finn": a common first name, and the name list does not know it.
_NATIONALITY_NOUNS = frozenset("spaniard briton swede dane pole turk scot frenchman englishman dutchman irishman "
                               "scotsman welshman".split())


def _is_demonym(word: str) -> bool:
    """A nationality word, singular or plural, in either common spelling ("Ecuadoreans", "Salvadoran")."""
    word = word.lower()
    stems = {word, word[:-1]} if word.endswith("s") else {word}
    stems |= {stem[:-3] + "ian" for stem in stems if stem.endswith("ean")}  # "ecuadorean" is "ecuadorian"
    return bool(stems & (load_gazetteer().demonyms | _NATIONALITY_NOUNS))


def _without_nationality(name: str) -> str:
    """The name without the nationality the tagger took into it ("Ecuadoreans Luis Meneses" of "U.S. citizen
    Scott Heyndal, Ecuadoreans Luis Meneses and ..."): a nationality describes the person, it is no name.
    A singular one that is also a first name stays ("German Rojas Castro": Germán is a Spanish first name)."""
    words = name.split()
    if len(words) <= 2 or not _is_demonym(words[0]):
        return name
    plural = words[0].lower().endswith("s") and _is_demonym(words[0][:-1])
    return " ".join(words[1:]) if plural or first_name_gender(words[0]) is None else name


# Words that end the name of a place, not a person's: "Tecoluca jurisdiction", "La Tiendita canton".
_PLACE_NOUNS = frozenset("jurisdiction canton cantons municipality department departments province district "
                         "corregimiento village hamlet township county parish region".split())
# A place's name in an address sits between two place pieces: after a place noun and a comma ("near La
# Tiendita canton, Fuente Rio, Tecoluca jurisdiction") and before a comma and a place named by a place noun.
# A person is named beside one place at most ("Jose Perez, from La Paz department"), and a title names no
# place ("the district attorney", "mayor of Tecoluca municipality"): no article or preposition in between.
_AFTER_A_PLACE_RE = re.compile(r"\b(?:" + "|".join(sorted(_PLACE_NOUNS)) + r"),\s*$", re.IGNORECASE)
_BEFORE_A_PLACE_RE = re.compile(r"^,\s*(?:(?!(?:of|from|the|an?|in|at|near)\s)[\w'-]+\s+){1,3}(?:"
                                + "|".join(sorted(_PLACE_NOUNS)) + r")\b", re.IGNORECASE)


def _names_a_place(text: str, name: str) -> bool:
    """True for a "name" that ends in a place noun, or that every mention puts inside an address."""
    if name.lower().split()[-1] in _PLACE_NOUNS:
        return True
    spots = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(spots) and all(_AFTER_A_PLACE_RE.search(text[max(0, at - 40):at])
                               and _BEFORE_A_PLACE_RE.match(text[at + len(name):at + len(name) + 60]) for at in spots)


def _first_name(token: Token) -> bool:
    """A known first name the tagger took for a common noun in a lower-case report ("hector")."""
    return token.is_lower and is_recased(token.doc) and token.pos_ in ("NOUN", "PROPN", "ADJ") \
        and first_name_gender(token.text) is not None


def _whole_name(entity: Span) -> Span:
    """The name with the words the tagger left off that the parse ties to it ("Bernardo Jaramillo"
    + "Ossa", "Stela" + "Torrado de Otalora"): proper nouns just outside it that are compounds of
    it or that it is a compound of."""
    doc, start, end = entity.doc, entity.start, entity.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("", "PERSON") \
            and doc[end - 1].dep_ == "compound" and end <= doc[end - 1].head.i <= end + 2 \
            and all(t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON") for t in doc[end:doc[end - 1].head.i + 1]):
        end += 1  # "Jose Antonio" + "Rodriguez Porth": compounds of one head noun are one name
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or _first_name(doc[start - 1])) and doc[start - 1].ent_type_ in ("", "PERSON") \
            and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < end \
            and doc[start - 1].lower_.rstrip(".") not in _TITLES:
        start -= 1
    return doc[start:end]


def _person_name(frame: IncidentFrame, start: int, end: int) -> tuple[int, int] | None:
    """The span of the one person named inside a description ("liberal senator Pedro Gomez")."""
    people = _people(frame, start, end)
    return people[0] if len(people) == 1 else None


def _in_brackets(text: str, start: int, end: int) -> bool:
    """A wire's source in brackets ("(WIRE)", "(AP)") is nobody harmed."""
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _doer_of_harm(frame: IncidentFrame, start: int, end: int) -> bool:
    """"Desmonte Leonard killed three men": the subject of an active harm verb with an object did it."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.dep_ != "nsubj":
        return False
    verb = span.root.head
    return verb.lemma_.lower() in _VERB_STATUS and any(c.dep_ == "dobj" and not _PRONOUN_RE.match(c.text)
                                                       for c in verb.children)  # "killed himself" stays


def _tail_of_phrase(frame: IncidentFrame, start: int, end: int) -> bool:
    """A group that is only the end of a longer phrase ("Gyger of Carrollton shot": "Carrollton")
    is the place or body the person belongs to, not the person harmed."""
    span = frame.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in ("of", "from", "in") \
        and span.root.head.head.pos_ == "PROPN"


def _victim(frame: IncidentFrame, start: int, end: int, status: VictimStatus, evidence: tuple[int, int]) -> Victim | None:
    """One victim from a group span: a name with its age, or a description ("a 23-year-old man")."""
    text = frame.text
    if not _names_someone(frame, start, end):
        return None
    if _in_brackets(text, start, end) or _tail_of_phrase(frame, start, end):
        return None
    words = text[start:end]
    age = _AGE_RE.search(words)
    named = _NAME_AND_AGE_RE.match(_LEADING_AGE_RE.sub("", words))  # "38-year-old Jane Long" is named "Jane Long"
    if named and not set(named.group("name").lower().split()) & _HEADLINE_WORDS:
        name = named.group("name")
        stated_age = int(named.group("age")) if named.group("age") else int(age.group("age")) if age else None
        return Victim(name=name, mention=name, status=status, age=stated_age, gender=None,
                      evidence=[Evidence.of(text, *evidence)])
    person = _person_name(frame, start, end)
    if person is not None and not set(text[person[0]:person[1]].lower().split()) & _HEADLINE_WORDS:
        name = text[person[0]:person[1]]
        return Victim(name=name, mention=name, status=status, age=int(age.group("age")) if age else None,
                      gender=_gender(words), evidence=[Evidence.of(text, *evidence)])
    return Victim(mention=words, status=status, age=int(age.group("age")) if age else None, gender=_gender(words),
                  evidence=[Evidence.of(text, *evidence)])


def _whole_phrase(frame: IncidentFrame, start: int, end: int) -> tuple[int, int]:
    """A bare figure ("kidnapped three") widened to its noun phrase ("three aid workers")."""
    if " " in frame.text[start:end].strip():
        return start, end
    words = frame.doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return start, end
    root = words.root.i
    for chunk_start, chunk_end, chunk_end_char in _noun_chunks(frame.doc):
        if chunk_start <= root < chunk_end and chunk_end_char > end:
            return start, chunk_end_char
    return start, end


_NOUN_CHUNKS_KEY = "blotter.noun_chunks"


def _noun_chunks(doc: Doc) -> list[tuple[int, int, int]]:
    """(first token, end token, end offset) of every noun chunk, found once per document: spaCy
    walks the whole document each time a sentence's chunks are asked for."""
    if _NOUN_CHUNKS_KEY not in doc.user_data:
        doc.user_data[_NOUN_CHUNKS_KEY] = [(c.start, c.end, c.end_char) for c in doc.noun_chunks]
    return doc.user_data[_NOUN_CHUNKS_KEY]


def _fate(words: str) -> VictimStatus:
    words = " ".join(words.lower().split())
    return next((status for cue, status in _FATES.items() if cue in words), "unharmed")


_RESTATED_RE = re.compile(r"the\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s", re.IGNORECASE)


def fill_victims(frame: IncidentFrame) -> list[Victim]:
    """Every named or described victim in the frame's sentences, with what happened to them."""
    text = frame.text
    victims: list[Victim] = []
    suspects: set[str] = set()
    for sentence in frame.sentences:
        start, end = sentence.start_char, sentence.end_char
        for mention in find_casualty_mentions(text, start, end):
            if mention.perpetrator:
                continue
            for group in mention.groups:
                group = _whole_phrase(frame, *group)
                if _doer_of_harm(frame, *group):
                    continue
                if victims and _RESTATED_RE.match(text, *group):
                    continue  # "The two wounded women were taken to a hospital": the two women already found
                evidence = group if len(mention.groups) > 1 else (min(mention.start, group[0]), max(mention.end, group[1]))
                victim = _victim(frame, *group, mention.harm, evidence)
                if victim:
                    victims.append(victim)
        other_fates = OTHER_FATE_RE.finditer(text, start, end) if _OTHER_FATE_WORD_RE.search(text, start, end) else ()
        for match in other_fates:
            list_start, list_end = (match.span("list") if match.group("list") else match.span("object"))
            status = _fate(match.group("fate") or "kidnapped")
            for group in split_groups(text, list_start, list_end):
                group = _whole_phrase(frame, *group)
                victim = _victim(frame, *group, status, (min(match.start(), group[0]), max(match.end(), group[1])))
                if victim:
                    victims.append(victim)
        for match in IDENTIFIED_RE.finditer(text, start, end):
            if _PERPETRATOR_BEFORE_RE.search(text, max(start, match.start() - 40), match.start()):
                suspects.add(match.group("name").lower())  # "one suspect, identified as X" names a perpetrator
            else:
                _attach_name(victims, text, start, match)
                following = _NEXT_NAME_RE.match(text, match.end(), end)
                while following is not None:  # "identified as X, 24, and Y, 31"
                    _attach_name(victims, text, start, following, listed=True)
                    following = _NEXT_NAME_RE.match(text, following.end(), end)
    victims += _parsed_victims(frame, victims)
    victims += _listed_alongside(frame, victims)
    for victim in victims:  # "Bothel" was "Carlos Bothel" earlier in the report
        bare = _TRAILING_AGE_RE.sub("", victim.mention)  # "Young, 24, died"
        surname = victim.name or (bare if _SURNAME_RE.match(bare) else None)
        whole = _full_name_before(frame, surname, victim.evidence[0].start) if surname else None
        if surname and " " not in surname.strip():  # "Jones" is the victim "Bettie Jones", not her brother quoted
            harmed = {v.name for v in victims if v is not victim and v.name and " " in v.name.strip()
                      and v.name.lower().split()[-1] == surname.lower()}
            if len(harmed) == 1:
                victim.name = victim.mention = harmed.pop()
                continue
        if whole is None and victim.name and " " not in victim.name.strip():  # "Pickett" of a "Lamar Pickett" the tagger missed
            at = text.find(victim.name)
            whole = whole_name(frame, at, at + len(victim.name)) if at >= 0 else None
            whole = whole if whole is not None and " " in text[whole[0]:whole[1]] else None
        if whole is None and victim.name and is_recased(frame.doc):  # a lower-case report the tagger cut short
            whole = _longer_name_in_lower_case(frame, victim.name)
        if whole is None and surname and not victim.name:  # "Fehring" is the "Branyon Fehring" found above
            named = next((v for v in victims if v.name and _same_person(surname, v.name)), None)
            if named is not None:
                victim.name = victim.mention = named.name
            elif bare != victim.mention and _proper_noun_at(frame, victim.mention, victim.evidence):
                victim.name, victim.age = bare, victim.age or int(victim.mention[len(bare):].strip(" ,"))
                victim.mention = bare  # "Stephens, 32, was killed": a surname with an age is a name
        if whole is not None:
            if not victim.name and bare != victim.mention:
                victim.age = victim.age or int(victim.mention[len(bare):].strip(" ,"))
            victim.name = victim.mention = text[whole[0]:whole[1]]
            victim.evidence.append(Evidence.of(text, *whole))
    for victim in victims:  # "woman heldCaitlin Caskey": a headline glued to the body's first name
        glued = _GLUED_HEADLINE_RE.match(victim.name or "")
        if glued:
            victim.name = victim.mention = victim.name[glued.end():]
    for victim in victims:  # "Laquan McDonald 16": an age the tagger glued to the name
        if victim.name and _TRAILING_NUMBER_RE.search(victim.name):
            victim.name = victim.mention = _TRAILING_NUMBER_RE.sub("", victim.name)
    victims += _harmed_by_name(frame, victims)
    victims = _name_described_victims(frame, victims)
    for victim in victims:
        if victim.name:
            victim.name = victim.mention = _without_nationality(_without_title(victim.name))
    found = _earlier_cases_left_out(frame, _deduplicated(victims))
    return [v for v in found if not v.name or (v.name.lower() not in suspects and _could_be_a_name(v.name)
                                                 and not _place_or_animal(text, v) and not _names_a_place(text, v.name))]


# A victim known only by a description ("a teacher", "an off-duty officer", "the man").
_DESCRIBED_RE = re.compile(r"(?:an?|the|one)\s", re.IGNORECASE)


def _name_described_victims(frame: IncidentFrame, victims: list[Victim]) -> list[Victim]:
    """"A teacher was shot dead ... The teacher, Jo Roe, 34, had ...": a name in apposition to "the"
    and the noun of the one victim so described (or to "the victim" when one victim is unnamed)
    names that victim; the same name found on its own, with no fate, is that victim, not another."""
    unnamed = [v for v in victims if v.name is None and _DESCRIBED_RE.match(v.mention)]
    if not unnamed:
        return victims
    sentences = frame.reach
    for sentence in sentences:
        for entity in sentence.ents:
            root = entity.root
            if entity.label_ != "PERSON" or root.dep_ != "appos" or \
                    not any(c.dep_ == "det" and c.lower_ == "the" for c in root.head.children):
                continue
            noun = root.head.lower_
            described = [v for v in unnamed if v.name is None and v.mention.lower().split()[-1] == noun]
            if not described and noun == "victim":
                described = [v for v in unnamed if v.name is None]
            if len(described) != 1 or any(v.name == entity.text for v in victims if v.status != "unknown"):
                continue
            chosen = described[0]
            age = _AGE_AFTER_RE.match(frame.text, entity.end_char)
            chosen.name = chosen.mention = entity.text
            chosen.age = chosen.age or (int(age.group("age")) if age else None)
            chosen.evidence.append(Evidence.of(frame.text, entity.start_char, entity.end_char))
            victims = [v for v in victims if v is chosen or v.name != entity.text]
    return victims


# "found in front of Harbor Optical": a place named after where someone was found, not a person.
_PLACE_BEFORE_RE = re.compile(r"\b(?:in\s+front\s+of|outside(?:\s+of)?|near|behind|inside(?:\s+of)?|across\s+from)\s+$",
                              re.IGNORECASE)
# "Rex, a German shepherd, was shot": a pet, not a person.
_ANIMAL_AFTER_RE = re.compile(
    r",\s+(?:an?|the(?:\s+family['’]s)?|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:dog|puppy|cat|kitten|horse|pony|akita|"
    r"pit\s?bull|labrador|retriever|shepherd|terrier|rottweiler|chihuahua|poodle|beagle|husky|bulldog|mastiff|collie)s?\b",
    re.IGNORECASE)


def _place_or_animal(text: str, victim: Victim) -> bool:
    """True when the report calls this "victim" a pet anywhere ("Rex, a German shepherd"), or names it only
    as where someone was found ("in front of Harbor Optical")."""
    name = victim.name or ""
    spots = [m.start() for m in re.finditer(re.escape(name), text)] if name else []
    if any(_ANIMAL_AFTER_RE.match(text, at + len(name)) for at in spots):
        return True
    return bool(spots) and all(_PLACE_BEFORE_RE.search(text[max(0, at - 20):at]) for at in spots)


_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")


def _of_an_earlier_year(frame: IncidentFrame, victim: Victim) -> bool:
    """True when every sentence naming the victim dates it to a year well before the report's ("Jo Roe was
    shot and killed on July 26, 2000" in a report of 2013)."""
    if frame.published is None or not victim.evidence:
        return False
    for evidence in victim.evidence:
        span = frame.doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
        if span is None:
            return False
        sentence = span[0].sent
        years = [int(y) for y in _YEAR_RE.findall(frame.text, sentence.start_char, sentence.end_char)]
        if not years or any(y > frame.published.year - 2 for y in years):
            return False
    return True


def _earlier_cases_left_out(frame: IncidentFrame, victims: list[Victim]) -> list[Victim]:
    """Leave out named victims of earlier cases a report recalls beside its own ("her brother was shot and
    killed in 2000"), when it names a victim of its own event; a report about an old case keeps its victims."""
    earlier = [v for v in victims if v.name and _of_an_earlier_year(frame, v)]
    if not earlier or not any(v.name and v not in earlier for v in victims):
        return victims
    return [v for v in victims if not any(v is e for e in earlier)]


_PERSON_NAME = (r"(?P<name>(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?"
                r"(?:\s+(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+){1,3})")
# A victim's name listed just before "and" ("Jo Roe, 29, and a 30-year-old ..."); see actors.name_listed_before.
_NAME_AND_BEFORE_RE = re.compile(_PERSON_NAME + r"(?:,\s+\d{1,3},)?\s+and\s+(?:and\s+)?(?:\d{1,3}-year-old\s+)?$")
# A named person and, later in the clause, how the shooting harmed them: "Jo Roe, 29, was suffering from a
# gunshot wound", "Jo Roe had just left when he was shot", "Jo Roe, 48, was the man killed".
_HARMED_NAME_RE = re.compile(
    r"(?<![\w’'-])" + _PERSON_NAME + r"(?:,\s+(?P<age>\d{1,3})(?:\s*yoa)?,)?\s+(?:(?:(?!(?:says|said|told|tells|stated|reported|confirmed)\b)[a-z][\w'’-]*|\d+|of(?:\s+[A-Z][\w'’-]*){1,4})[,\s]+){0,12}?"
    r"(?P<harm>(?:was|is)\s+(?:suffering\s+from|discovered\s+with|found\s+with|being\s+treated\s+for|treated\s+for)\s+"
    r"(?:a\s+|multiple\s+|several\s+|two\s+|three\s+)?gunshot\s+wounds?|(?:was|is)\s+the\s+(?:man|woman|person|victim|teen|"
    r"teenager|boy|girl)\s+(?:who\s+was\s+)?(?:killed|shot(?:\s+and\s+killed|\s+dead|\s+to\s+death)?)"
    r"|(?:when|determined|found|learned)\s+(?:that\s+)?(?:he|she)\s+(?:was|had\s+been)\s+(?:fatally\s+)?(?:shot|struck\s+by\s+(?:a\s+)?(?:bullet|gunfire))"
    r"|was\s+(?:(?!(?:says|said|told|tells|stated|reported|confirmed)\b)[a-z]+\s+){0,8}?shot\s+(?:twice\s+|once\s+|multiple\s+times\s+|several\s+times\s+|\w+\s+times\s+)?in\s+the\s+"
    r"(?:head|chest|back|legs?|arms?|neck|face|stomach|abdomen|shoulder|hip|torso|foot|feet|hand))")


# A victim named as such: "the homicide victim is Jo Roe", "Jo Roe and Al Poe were two of the victims",
# "the murder of 20-year-old Jo Roe", "the shooting death of Jo Roe".
_VICTIM_NAMED_RE = re.compile(
    r"\bvictims?\s+(?:is|was)\s+(?:\d{1,3}-year-old\s+)?" + _PERSON_NAME
    + r"|\b(?P<deed>murder|killing|slaying|shooting\s+death|death)\s+of\s+(?:\d{1,3}-year-old\s+)?"
    + _PERSON_NAME.replace("?P<name>", "?P<name2>")
    + r"|(?<![\w’'-])" + _PERSON_NAME.replace("?P<name>", "?P<name3>")
    + r"(?:,\s+\d{1,3},)?\s+(?:was|were)\s+(?:one|two|three|four|among)\s+(?:of\s+)?the\s+victims\b"
    r"|\b(?:of|for|to|with)\s+(?:the\s+)?(?:shooting\s+|homicide\s+|murder\s+)?victim,?\s+(?:\d{1,3}-year-old\s+)?"
    r"(?P<name4>[A-Z][a-z'’-]+(?=\s+[\"“][A-Z][a-z]+[\"”]\s+[A-Z])|" + _PERSON_NAME.replace("(?P<name>", "(?:") + r")"
    r"(?:\s+[\"“][A-Z][a-z]+[\"”]\s+(?P<surname4>[A-Z][a-z'’-]+))?")


def _harmed_by_name(frame: IncidentFrame, victims: list[Victim]) -> list[Victim]:
    """Named victims the parse missed, where the clause that names them says how the shooting harmed them."""
    text = frame.text
    known = {v.name.lower() for v in victims if v.name and v.name.split()}
    sentences = frame.reach
    found = []
    for sentence in sentences:
        for match in _HARMED_NAME_RE.finditer(text, sentence.start_char, sentence.end_char):
            name = match.group("name")
            words = name.lower().split()
            if _known_person(known, name) or set(words) & _HEADLINE_WORDS or not _could_be_a_name(name):
                continue
            span = frame.doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            if span is None or span[-1].ent_type_ in _PLACE_LABELS or span[-1].ent_type_ in ("DATE", "ORG"):
                continue
            known.add(name.lower())
            harm = match.group("harm").lower()
            found.append(Victim(
                name=name, mention=name, status="killed" if "killed" in harm or "dead" in harm or "death" in harm
                or "fatally" in harm else "injured", age=int(match.group("age")) if match.group("age") else None,
                evidence=[Evidence.of(text, match.start("name"), match.end("name")),
                          Evidence.of(text, match.start("harm"), match.end("harm"))]))
        for match in _VICTIM_NAMED_RE.finditer(text, sentence.start_char, sentence.end_char):
            group = next(g for g in ("name", "name2", "name3", "name4") if match.group(g))
            names = [(match.start(group), match.end(group))]
            if group == "name4" and match.group("surname4"):  # "victim Eduardo "Eddy" Roe": Eduardo ... Roe
                names = [(match.start(group), match.end("surname4"))]
            before = name_listed_before(_NAME_AND_BEFORE_RE, text, sentence.start_char, match.start())
            if group == "name3" and before is not None:  # "Jo Roe and Al Poe were two of the victims"
                names.append(before[1:])
            for start, end in names:
                name = text[start:end]
                words = name.lower().split()
                if _known_person(known, name) or set(words) & _HEADLINE_WORDS or not _could_be_a_name(name):
                    continue
                if re.match(r"\s+(?:resident|residents|man|woman|teen|teenager|boy|girl|native|police|officer|couple|"
                            r"family|mother|father|student|area)\b", text[end:end + 20], re.IGNORECASE):
                    continue  # "the death of a Carson City resident": a place that describes the victim
                span = frame.doc.char_span(start, end, alignment_mode="expand")
                if span is None or (len(words) == 1 and span[-1].ent_type_ in _PLACE_LABELS) or span[-1].ent_type_ in (
                        "ORG", "DATE", "TIME"):
                    continue  # "the murder of Wendell Ash": a victim's name, whatever the tagger took it for
                known.add(name.lower())
                deed = (match.group("deed") or "").lower()
                found.append(Victim(name=name, mention=name, status="killed" if deed and deed != "shooting" else "unknown",
                                    evidence=[Evidence.of(text, start, end), Evidence.of(text, match.start(), match.end())]))
    return found


# Nouns no person's name ends in: an event or a body of troops the tagger took for a person ("the Dorado massacre",
# "the Belmonte battalion").
_NOT_A_PERSON_LAST = frozenset("massacre massacres attack attacks bombing bombings battalion battalions brigade "
                               "brigades regiment regiments detachment detachments".split())


def _could_be_a_name(name: str) -> bool:
    """False for a headline, an official, an event or a unit taken for a name ("Everett Teen Found Shot", "Springs
    Gazette", "County Coroner Jane Roe", "the Dorado massacre"): whoever reports the death is not its victim. False for
    an alias too ("Juan Perez, alias El Tigre"): it names the person just named, no one else."""
    words = name.lower().split()
    return not (len(words) > 1 and set(words) & _HEADLINE_WORDS - _TITLES) and not set(words) & _REPORTING_OFFICIALS \
        and not (words and (words[-1] in _NOT_A_PERSON_LAST or words[0] == "alias"))


def _proper_noun_at(frame: IncidentFrame, mention: str, evidence: list[Evidence]) -> bool:
    """True when the mention's first word, where the evidence quotes it, is a proper noun, not a
    place, and a comma closes the age after it."""
    for quote in evidence:
        at = frame.text.find(mention, quote.start, quote.end)
        span = frame.doc.char_span(at, at + 1, alignment_mode="expand") if at >= 0 else None
        if span is not None:  # "Stephens, 32, and", not a headline's "Chester, 1 dead"
            return span[0].pos_ == "PROPN" and span[0].ent_type_ not in _PLACE_LABELS \
                and frame.text[at + len(mention):at + len(mention) + 1] == ","
    return False


def _name_word(token: Token, name_end: int) -> bool:
    """A word that begins the name ending at token ``name_end``: a first name, a proper noun the tagger left out of
    any entity or took into the person's, or one it took for a nationality or a body ("msgr anselmo quiroga",
    "aleksei volkonov") but parsed as part of the name, that no nationality list has."""
    part_of_the_name = token.dep_ == "compound" and token.i < token.head.i < name_end \
        and token.ent_type_ not in _PLACE_LABELS and not _is_demonym(token.text)
    return (_first_name(token) or (token.pos_ == "PROPN" and (token.ent_type_ in ("", "PERSON") or part_of_the_name))) \
        and token.lower_.rstrip(".") not in _TITLES and token.is_alpha


def _longer_name_in_lower_case(frame: IncidentFrame, short: str) -> tuple[int, int] | None:
    """The whole name of someone a lower-case report calls "jaramillo ossa" or "trushin" here, where the
    tagger missed part of it: the first place the words stand with more name words around them
    ("bernardo jaramillo ossa"), the words before being proper nouns or first names and a word after
    one the name's last word is a compound of."""
    doc = frame.doc
    for match in re.finditer(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", frame.text, re.IGNORECASE):
        span = doc.char_span(match.start(), match.end())
        if span is None:
            continue
        first, last = span.start, span.end - 1
        while first > 0 and _name_word(doc[first - 1], span.end) and span.end - first < 4:
            first -= 1
        while last + 1 < len(doc) and doc[last].dep_ == "compound" and doc[last].head.i == last + 1 \
                and doc[last + 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[last + 1].is_alpha and last + 1 - first < 4:
            last += 1
        if first < span.start or last >= span.end:
            return doc[first].idx, doc[last].idx + len(doc[last])
    return None


def _full_name_before(frame: IncidentFrame, short: str, position: int) -> tuple[int, int] | None:
    """The whole name of someone called "Jones" here: when two people share the surname, the one
    named last before this mention, not the first in the report; none when neither is before it."""
    wanted = short.lower().split()
    spans = []
    for entity in frame.doc.ents:
        possessive = _POSSESSIVE_RE.search(entity.text)
        words = (entity.text[:possessive.start()] if possessive else entity.text).split()
        if entity.label_ == "PERSON" and len(words) > len(wanted) and [w.lower() for w in words[-len(wanted):]] == \
                wanted and all(w[:1].isupper() for w in words):
            spans.append((entity.start_char, entity.start_char + len(" ".join(words))))
    if len({frame.text[s:e].lower() for s, e in spans}) <= 1:
        return full_name_span(frame, short)
    before = [span for span in spans if span[1] <= position]
    return before[-1] if before else None  # two people share the name and neither came first: keep "Oliver"


def _attach_name(victims: list[Victim], text: str, sentence_start: int, match: re.Match[str],
                 listed: bool = False) -> None:
    """Give "identified as John Smith, 34" to the victim the sentence is about, or add the person.

    Who is identified comes from the words before the name: "the victim", "him", "the girl" or the
    victim's own noun name a victim; "the driver" or "a neighbour" name nobody known.
    """
    name = match.group("name")
    stated_age = match.group("age") or (None if listed else match.group("age_before"))
    age = int(stated_age) if stated_age else None
    evidence = Evidence.of(text, match.start("name"), match.end("age") if match.group("age") else match.end("name"))
    before = set(_WORDS_RE.findall(text[sentence_start:match.start("name")].lower()))
    unnamed = [v for v in victims if v.name is None and re.match(r"(?:an?|the|one|his|her)\b", v.mention, re.IGNORECASE)]
    same_noun = [v for v in unnamed if v.mention.lower().split()[-1] in before]
    victim_cue = bool(before & _VICTIM_CUES)
    chosen = same_noun[0] if same_noun else unnamed[0] if unnamed and victim_cue else None
    if chosen is not None:
        chosen.name, chosen.mention = name, name
        chosen.age = chosen.age or age
        chosen.evidence.append(evidence)
    elif victim_cue and not any(v.name == name for v in victims):
        group = next((v for v in victims if v.name is None and not unnamed), None)  # "Two men ... identified as"
        victims.append(Victim(name=name, mention=name, age=age, status=group.status if group else "unknown",
                              evidence=[evidence]))


# What a verb or noun does to the person it governs.
_VERB_STATUS: dict[str, VictimStatus] = {
    "kill": "killed", "murder": "killed", "assassinate": "killed", "slay": "killed", "execute": "killed",
    "behead": "killed", "massacre": "killed", "wound": "injured", "injure": "injured", "hurt": "injured",
    "shoot": "injured", "stab": "injured", "kidnap": "kidnapped", "abduct": "kidnapped", "attack": "unknown",
    "target": "unknown", "hit": "injured", "strike": "injured",  # "a round struck Papiyan": people only (PERSON)
}
# Verbs whose object is a person whatever the noun: "killed a peasant", "kidnapped two engineers".
_PEOPLE_VERBS = frozenset("kill murder assassinate slay execute behead massacre wound injure kidnap abduct".split())
_NOUN_STATUS: dict[str, VictimStatus] = {
    "murder": "killed", "assassination": "killed", "killing": "killed", "death": "killed", "massacre": "killed",
    "kidnapping": "kidnapped", "abduction": "kidnapped", "attack": "unknown",
    "body": "killed",  # "found the body of X"
    "disappearance": "missing",  # "the disappearance of X"
}
_ATTEMPTED = frozenset("assassination murder kidnapping abduction".split())


def _harm_noun_status(noun: Token) -> VictimStatus | None:
    """What a harm noun says befell the person of its "of"/"against" phrase: "the murder of X", "the
    disappearance of X", "the assassination attempt against X", "the assassination in May of X"."""
    if noun.ent_type_ in ("DATE", "TIME") and noun.dep_ == "pobj" and noun.head.head is not noun.head:
        noun = noun.head.head  # "the assassination in May of X": the parser hangs "of X" on the date
    lemma = noun.lemma_.lower()
    if lemma == "attempt" and any(c.lemma_.lower() in _ATTEMPTED for c in noun.lefts):
        return "unknown"
    return _NOUN_STATUS.get(lemma)


_HOSTAGE_WORDS = frozenset({"hostage", "hostages"})
_DESCRIPTION_DEPS = frozenset({"det", "nummod", "amod", "compound", "quantmod", "poss", "nmod", "case"})


def _coordinated_head(token: Token) -> Token:
    """The noun whose fate a listed person shares: through "and", apposition, "together with Y" and
    a list the parser hung on a place ("X of Milan and Y of Rome": Y goes with X, not with Milan)."""
    while token.head is not token:
        head = token.head
        if token.dep_ in {"conj", "appos", "compound"}:
            token = head
        elif token.dep_ == "pobj" and head.lower_ in ("with", "alongside") and head.head.pos_ in ("NOUN", "PROPN") \
                and any(c.lower_ in ("together", "along") for c in head.children):
            token = head.head
        elif token.dep_ == "pobj" and head.lower_ in ("of", "from") and token.ent_type_ in _PLACE_LABELS \
                and token.head.head.ent_type_ == "PERSON" and any(c.dep_ == "conj" for c in token.children):
            token = head.head
        else:
            break
    return token


def _status_of(token: Token) -> VictimStatus | None:
    """What the parse says happened to the person this noun names, or None when it is not on the receiving end."""
    return _governed_status(token) or _participle_status(token) or _status_by_copula(token)


# Words that name the harmed as the subject of "were": "the dead were X and Y".
_HARMED_SUBJECTS: dict[str, VictimStatus] = {
    "dead": "killed", "victims": "unknown", "victim": "unknown", "wounded": "injured", "injured": "injured",
    "hostages": "kidnapped", "hostage": "kidnapped",
}


# What "X is ..." says befell X.
_HARMED_STATES: dict[str, VictimStatus] = {
    "dead": "killed", "missing": "missing", "injured": "injured", "wounded": "injured", "hospitalized": "injured",
    "unharmed": "unharmed", "unhurt": "unharmed",
}
_GRAVE_CONDITIONS = frozenset("critical serious grave stable fair".split())


def _named_after_pointing_back(token: Token) -> bool:
    """"They are X, Y and Z", "one of them is X", "the other person is Y": names given to people counted before."""
    token = _coordinated_head(token)
    verb = token.head
    if verb.lemma_ != "be" or token.dep_ != "attr":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ == "they" or (subject.lower_ == "one" and any(
            c.lower_ == "of" and any(g.lower_ == "them" for g in c.children) for c in subject.children)):
        return True
    return subject.lower_ in ("person", "one", "victim") and any(c.lower_ == "other" for c in subject.lefts)


def _status_told_before(frame: IncidentFrame, sentence: Span, found: list[Victim]) -> VictimStatus | None:
    """The gravest fate of the people one of the two sentences just before counted, if they counted any
    ("four people were killed. The names of the dead were released. They are ...")."""
    start = sentence.start
    for _ in range(2):
        if start == 0:
            return None
        before = frame.doc[start - 1].sent
        fates = [v.status for v in found if any(before.start_char <= e.start < before.end_char for e in v.evidence)]
        if fates:
            return min(fates, key=lambda status: _STATUS_RANK[status])
        start = before.start
    return None


def _status_by_copula(token: Token) -> VictimStatus | None:
    """"the dead were X and Y" (the harmed as subject, the names after "be") and "X and Y were the
    missionaries killed" (the names as subject, the harm on the noun after "be")."""
    token = _coordinated_head(token)
    verb = token.head
    if verb.lemma_ != "be" or token.dep_ not in ("attr", "nsubj"):
        return None
    if token.dep_ == "nsubj" and verb.dep_ == "auxpass" and verb.head.tag_ == "VBN":
        return _harm_verb_status(verb.head)  # "also injured were X and Y": the parse hangs X on the auxiliary
    among = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"
                  for g in c.children if g.dep_ == "pobj"), None)
    if among is not None and among.lower_ in _HARMED_SUBJECTS:
        return _HARMED_SUBJECTS[among.lower_]  # "among the dead is X"
    if token.dep_ == "nsubj":  # "X is missing", "X was dead on arrival", "X is in critical condition"
        state = next((_HARMED_STATES[c.lower_] for c in verb.children if c.dep_ == "acomp" and c.lower_ in _HARMED_STATES),
                     None)
        if state is None and any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.lower_ == "condition" and any(m.lower_ in _GRAVE_CONDITIONS for m in g.lefts) for g in c.children)
                for c in verb.children):
            state = "injured"
        if state is not None:
            return state
    other = next((c for c in verb.children if c.dep_ in ("attr", "nsubj") and c.dep_ != token.dep_), None)
    if other is None:
        return None
    if token.dep_ == "attr":
        return _HARMED_SUBJECTS.get(other.lower_) or _told_by_clause(other)  # "those who were kidnapped are X"
    return _participle_status(other)


def _harm_verb_status(verb: Token) -> VictimStatus | None:
    """What a harm verb of a clause says befell its subject (not "hit" or "attack", said of places too)."""
    lemma = verb.lemma_.lower()
    return _VERB_STATUS[lemma] if lemma in _VERB_STATUS and lemma not in ("hit", "strike", "attack", "target") else None


def _told_by_clause(noun: Token) -> VictimStatus | None:
    """"those who were kidnapped", "the people who died": the fate a "who" clause on a pronoun or a plain noun tells."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in ("who", "that"):
            continue
        if subject.dep_ == "nsubj" and clause.lemma_.lower() in ("die", "succumb"):
            return "killed"
        if subject.dep_ == "nsubjpass" and not _harmed_by_police(clause):
            return _harm_verb_status(clause)
    return None


# Who stop an attacker: "the man who was shot by officers" is mostly the one they stopped, no victim.
_POLICE_AGENTS = frozenset("police officer officers policeman policemen deputy deputies trooper troopers agent agents "
                           "sheriff soldiers troops guard guards".split())


def _harmed_by_police(clause: Token) -> bool:
    """Whether a passive clause tells the police as its doer ("who was shot by deputies")."""
    return any(g.dep_ == "pobj" and g.lower_ in _POLICE_AGENTS
               for c in clause.children if c.dep_ == "agent" for g in c.children)


def _participle_status(token: Token) -> VictimStatus | None:
    """"X, kidnapped in May, was freed": a participle hanging on the name (or the noun it is listed
    with) tells what befell them, whatever the main verb says."""
    for noun in dict.fromkeys((token, _coordinated_head(token))):
        for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            verb = clause.lemma_.lower()
            if verb in _VERB_STATUS and verb not in ("hit", "strike", "attack", "target"):
                return _VERB_STATUS[verb]
    return None


# Nouns of what follows a harm, whose "of" person the harm befell: "the release of X, who was kidnapped in May".
_AFTERMATH_NOUNS = frozenset("release rescue liberation freeing whereabouts fate funeral burial".split())


def _governed_status(token: Token) -> VictimStatus | None:
    """What the verb or noun governing the person's noun says befell them."""
    if any(c.lower_ in ("victim", "victims") for c in token.lefts) or (
            token.dep_ == "appos" and token.head.lower_ in ("victim", "victims")):
        return "unknown"  # "victim Jane Doe", "the victim, Jane Doe,"
    named, token = token, _coordinated_head(token)
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ == "nsubj" and (lemma in ("die", "succumb") or (
            lemma == "pass" and any(c.lower_ == "away" for c in head.children))):
        return "killed"  # "X died at the scene", "X has passed away"
    if token.dep_ in {"nsubjpass", "dobj"}:
        if lemma in ("take", "hold") and any(c.lower_ in _HOSTAGE_WORDS or (c.lower_ == "as" and any(
                g.lower_ in _HOSTAGE_WORDS for g in c.children)) for c in head.children):  # "taking as hostages X
            return "kidnapped"
        if lemma == "find":  # "X was found shot dead", "officers found X dead"
            state = {t.lower_ for c in head.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") for t in c.subtree}
            return "killed" if state & {"dead", "killed", "murdered"} else "injured" if state & {"shot", "wounded",
                                                                                             "stabbed"} else None
        if head.lower_ in SEIZING and seizes_someone(head):  # "troops captured X", not "police captured the suspect"
            return "kidnapped"
        return _VERB_STATUS.get(lemma)
    if token.dep_ == "nsubj" and head.tag_ in ("VBN", "VBD") and head.dep_ in ("ccomp", "xcomp", "oprd") \
            and head.head.lemma_.lower() in ("find", "leave"):  # "officers found X shot to death"
        words = {t.lower_ for t in head.subtree}
        return "killed" if words & {"death", "dead"} else _VERB_STATUS.get(lemma)
    if token.dep_ in {"dobj", "nsubj"} and lemma == "leave":  # "a shooting that left X dead"
        state = {t.lower_ for c in head.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") for t in c.subtree}
        return "killed" if state & {"dead"} else "injured" if state & {"wounded", "injured", "hurt"} else None
    if token.dep_ == "pobj" and head.lower_ in {"of", "on", "against"}:
        status = _harm_noun_status(head.head)
        if status is not None or head.head.lemma_.lower() not in _AFTERMATH_NOUNS:
            return status
        # "the release of X who was kidnapped": the aftermath of a harm, which the clause on the name tells
    if token.dep_ == "poss" and lemma in _NOUN_STATUS:  # "the senator's murder"
        return _NOUN_STATUS[lemma]
    # "X, who was kidnapped in May,": the clause hangs on the name or on the noun it is in apposition to.
    for clause in (c for t in dict.fromkeys((named, token)) for c in t.children if c.dep_ == "relcl"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ not in ("who", "that"):
            continue
        verb = clause.lemma_.lower()
        if subject.dep_ == "nsubj" and verb in ("die", "succumb"):
            return "killed"
        if subject.dep_ == "nsubjpass" and verb in _VERB_STATUS and verb not in ("hit", "strike", "attack", "target"):
            return _VERB_STATUS[verb]
        if subject.dep_ == "nsubjpass" and clause.lower_ in SEIZING and seizes_someone(clause):
            return "kidnapped"  # "X, who was captured by army troops"
    return None


# Harms only a person suffers: "the murder of X" names a person even when the tagger calls X a firm.
_PERSONAL_HARMS = frozenset("murder assassination killing death kidnapping abduction body".split())
# What the tagger may take a name for, which a harm only a person suffers overrules.
_MISTAKEN_LABELS = ("", "ORG", "PERSON", "FAC", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT")
_NAME_WORD_RE = re.compile(r"^(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+$")


def _person_shaped(token: Token) -> tuple[int, int] | None:
    """A name the tagger missed or took for a firm, when its context only fits a person.

    "17-year-old Dashon Glover", "the body of Branyon Fehring, 23", "victim Jane Roe", "Ana Ruiz, who
    was kidnapped", "the murder of Oqueli Colindres": two or three capitalised words with an age,
    "victim" or "who" beside them, or after a harm only a person suffers.
    """
    words = [c for c in token.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or _first_name(c))] + [token]
    of_harm = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _PERSONAL_HARMS
    labels = _MISTAKEN_LABELS if of_harm else ("", "ORG", "PERSON")  # "the death of Gonzalo Rodriguez Gacha" (FAC)
    if not 2 <= len(words) <= 3 or any(not (_NAME_WORD_RE.match(w.text) or _first_name(w)) for w in words) \
            or words[-1].i - words[0].i != len(words) - 1 or any(w.ent_type_ not in labels for w in words):
        return None
    doc = token.doc
    first = words[0]
    before = doc[max(0, first.i - 5):first.i].text.lower()
    after = doc[token.i + 1:token.i + 4].text
    aged = bool(re.search(r"\d{1,3}\s*-\s*years?\s*-\s*old$", before)) or bool(re.match(r"^,\s*\d{1,3}\b", after))
    who = any(c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children) for c in token.children)
    if not (aged or who or of_harm or before.endswith("victim")):
        return None
    return first.idx, token.idx + len(token)


# Nouns after a name that say whose they are, not what the person is called.
_AFTER_A_NAME = frozenset("family families relatives household supporters followers members people group gang "
                          "case trial murder killing death administration government campaign".split())


def _surname_taken_for_a_noun(token: Token) -> tuple[int, int] | None:
    """"the murder of jaime pardo leal": in a lower-case report the tagger may take the last word of a
    name for a common noun, with the person's first words its compounds."""
    if token.pos_ != "NOUN" or not token.is_alpha or not is_recased(token.doc) or token.lower_ in _AFTER_A_NAME \
            or find_target_spans(token.text):
        return None  # "the john smith family", "the jose perez residence": what belongs to the person
    names = [c for c in token.lefts if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
    if not names or names[-1].i != token.i - 1 or names[-1].i - names[0].i != len(names) - 1:
        return None
    return names[0].idx, token.idx + len(token)


def _counted_name(token: Token) -> bool:
    """A proper noun with a count on it names a kind of people, not a person: "the kidnapping of the three
    Acme (Acme International, Inc.) engineers", where the parse takes the firm for what was kidnapped. A number
    after the name is the person's age, written without commas ("Jose Perez 45 was killed")."""
    return token.pos_ == "PROPN" and any(c.dep_ == "nummod" and c.i < token.i for c in token.children)


def _governing_verb(token: Token) -> Token:
    while token.dep_ in {"conj", "appos"} and token.head is not token:
        token = token.head
    return token.head


def _description(token: Token) -> tuple[int, int]:
    """Character bounds of a person's description: the noun with the words before it ("two Italian engineers")."""
    start = token.i
    for child in sorted(token.lefts, key=lambda c: -c.i):
        if child.right_edge.i != start - 1 or child.dep_ not in _DESCRIPTION_DEPS:
            break
        start = child.left_edge.i
    return token.doc[start].idx, token.idx + len(token)


def _parsed_victims(frame: IncidentFrame, found: list[Victim]) -> list[Victim]:
    """People the parse puts on the receiving end of a harm verb or noun, that the toll phrases missed.

    Names ("the murder of X", "X was kidnapped", "two engineers, X and Y, were taken hostage") and,
    for verbs that only take people ("killed a peasant and a policeman"), descriptions.
    """
    text = frame.text
    covered = [(e.start, e.end) for v in found for e in v.evidence]
    victims: list[Victim] = []
    for sentence in frame.sentences:
        for token in sentence:
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound" or token.lower_ in PERPETRATOR_NOUNS:
                continue
            if _counted_name(token):
                continue
            status = _status_of(token)
            if status is None and token.pos_ == "PROPN" and _named_after_pointing_back(token):
                status = _status_told_before(frame, sentence, found + victims)
            if status is None:
                continue
            bounds = None
            if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ == "" and any(
                    c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.lefts)):  # the tagger cut it short
                bounds = next((p for p in _people(frame, sentence.start_char, sentence.end_char)
                               if p[0] <= token.idx < p[1]), None)
            if bounds is None and token.pos_ == "PROPN" and token.ent_type_ in _MISTAKEN_LABELS:
                bounds = _person_shaped(token)
            if bounds is None:
                bounds = _surname_taken_for_a_noun(token)
            if bounds is not None:
                name = text[bounds[0]:bounds[1]]
                if _governing_verb(token).lemma_.lower() in ("hit", "strike") and " " not in name.strip() \
                        and full_name_span(frame, name) is None:
                    continue  # "illnesses have struck Chipotle": a lone word after "struck" may be a firm
                stated = _AGE_AFTER_RE.match(text, bounds[1])  # "Lyle, 24, died"
                victims.append(Victim(name=name, mention=name, status=status, gender=None,
                                      age=int(stated.group("age")) if stated else None,
                                      evidence=[Evidence.of(text, *bounds)]))
            elif token.pos_ == "NOUN" and _governing_verb(token).lemma_.lower() in _PEOPLE_VERBS:
                start, end = _description(token)
                if any(s <= start and end <= e for s, e in covered) or not _names_someone(frame, start, end):
                    continue
                if _in_brackets(text, start, end):
                    continue
                words = text[start:end]
                age = _AGE_RE.search(words)
                victims.append(Victim(mention=words, status=status, age=int(age.group("age")) if age else None,
                                      gender=_gender(words), evidence=[Evidence.of(text, start, end)]))
    return victims


# What may stand between two names of one list: "X, 42, Y", "X and policeman Y", "X, U.S. citizen Y".
_LIST_SEPARATORS = frozenset({",", "and", ";"})  # ";" between names given with ages: "X, 51; Y, 24; and Z"
_LONGEST_VICTIM_LIST = 7  # names
_LIST_WORD_TAGS = frozenset({"ADJ", "NOUN", "PROPN"})
# Letters, initials, hyphens and apostrophes only: not "Jo L. Roe.??Roe" (page text run into a name), not "M-19".
_NAME_SHAPE_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*\.?(?:\s+[^\W\d_](?:[^\W\d_]|['’-])*\.?)*$")


def _list_gap(frame: IncidentFrame, start: int, end: int) -> bool:
    """True when ``text[start:end]``, between two names, only joins them in a list: separators, ages and
    at most three words of title or nationality ("and salvadoran sister")."""
    gap = frame.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if gap is None:
        return False
    tokens = [t for t in gap if t.idx >= start and t.idx + len(t) <= end]
    words = [t for t in tokens if t.lower_ not in _LIST_SEPARATORS and not t.like_num]
    return any(t.lower_ in _LIST_SEPARATORS for t in tokens) and len(words) <= 3 and all(
        t.pos_ in _LIST_WORD_TAGS and t.is_alpha and t.ent_type_ not in _PLACE_LABELS for t in words)


def _listed_alongside(frame: IncidentFrame, victims: list[Victim]) -> list[Victim]:
    """People named in one list with a named victim share the victim's fate ("the victims were identified
    as X, Y, and Z", "taking as hostages engineers X, Y and Z"), where the parse hangs only one of them
    on the harm."""
    named = [v for v in victims if v.name]
    if not named:
        return []
    text = frame.text
    known = {v.name.lower() for v in named}
    found: list[Victim] = []
    for sentence in frame.sentences:
        people = _people(frame, sentence.start_char, sentence.end_char)
        fates: dict[int, Victim] = {}
        for i, (start, end) in enumerate(people):
            seed = next((v for v in named if _name_matches(text[start:end], v.name)), None)
            if seed is not None:
                fates[i] = seed
        for i, seed in list(fates.items()):
            listed = []
            for step in (-1, 1):
                j = i
                while 0 <= j + step < len(people) and j + step not in fates:
                    left, right = (people[j], people[j + step]) if step == 1 else (people[j + step], people[j])
                    if not _list_gap(frame, left[1], right[0]):
                        break
                    j += step
                    listed.append(j)
            if not listed or _named_as_someone_else(frame, people[i]):
                continue
            run = [people[j] for j in listed] + [people[i]]
            items = frame.doc.char_span(min(p[0] for p in run), max(p[1] for p in run), alignment_mode="expand")
            separators = {";", "and"} if items is not None and any(t.text == ";" for t in items) else _LIST_SEPARATORS
            if items is not None and 1 + sum(t.lower_ in separators for t in items) > _LONGEST_VICTIM_LIST:
                continue  # a roster of the accused or the wanted, one of whom the report also calls harmed
            for j in sorted(listed):
                name = text[people[j][0]:people[j][1]]
                fates[j] = seed
                if name.lower() not in known and _could_be_a_name(name) and _NAME_SHAPE_RE.match(name):
                    known.add(name.lower())
                    found.append(Victim(name=name, mention=name, status=seed.status, gender=None,
                                        evidence=[Evidence.of(text, *people[j])]))
    return found


def _named_as_someone_else(frame: IncidentFrame, span: tuple[int, int]) -> bool:
    """A list that says who some other people were ("the leaders of the riot were X, Y and Z"): the
    subject of its "be" is neither the harmed nor people just counted."""
    words = frame.doc.char_span(*span, alignment_mode="expand")
    if words is None:
        return False
    head = _coordinated_head(words.root)
    if head.dep_ != "attr" or head.head.lemma_ != "be" or _named_after_pointing_back(head):
        return False
    subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ not in _HARMED_SUBJECTS


def _name_matches(words: str, name: str) -> bool:
    words, name = words.lower(), name.lower()
    return words == name or _same_person(words, name) or _same_person(name, words)


_STATUS_RANK = {"killed": 0, "kidnapped": 1, "injured": 2, "missing": 3, "unharmed": 4, "unknown": 5}


def _same_person(short: str, long: str) -> bool:
    """"Velez" or "Estrada Velez" is the "Federico Estrada Velez" named before."""
    short_words, long_words = short.lower().split(), long.lower().split()
    return len(short_words) < len(long_words) and (
        long_words[-len(short_words):] == short_words or long_words[:len(short_words)] == short_words)


def _deduplicated(victims: list[Victim]) -> list[Victim]:
    """One victim per person or mention, keeping the fullest name and the gravest status ("shot", then "died": killed)."""
    kept: dict[str, Victim] = {}
    for victim in victims:
        key = (victim.name or victim.mention).lower()
        if victim.name:
            key = next((k for k, v in kept.items() if v.name and (
                _same_person(victim.name, v.name) or _same_person(v.name, victim.name))), key)
        known = kept.get(key)
        if known is None:
            kept[key] = victim
            continue
        if victim.name and known.name and len(victim.name) > len(known.name):
            known.name, known.mention = victim.name, victim.mention
        if _STATUS_RANK[victim.status] < _STATUS_RANK[known.status]:
            known.status = victim.status
        known.age = known.age or victim.age
        known.evidence.extend(e for e in victim.evidence if e not in known.evidence)
    return list(kept.values())
