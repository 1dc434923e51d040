"""How many were killed and injured, victims apart from perpetrators, by RECORD.md's counting rules.

Entry point: ``fill_casualties(frame) -> Casualties``. ``find_casualty_mentions`` exposes every
counted phrase (the victims filler turns them into victims).

Rules: a figure is read from the phrase that states it ("five people wounded", "killing three",
"the death toll rose to 12"); listed groups add up ("Two traders and a police officer were
killed" is 3); across phrases the highest figure wins, since reports update tolls upward and
restate them. Attackers (gunman, bomber, "himself") count as perpetrators, and "including the
gunman" moves one from victims to perpetrators. A bare "shot" is a weak injury: it is reduced by
the killed figure, because "Two men were shot; one died" means one injured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from ..models import Casualties, Count, Evidence
from .frame import IncidentFrame
from .numbers import NUMBER_PATTERN, NUMBER_RE, Quantity, parse_quantity, quantity_at

Harm = Literal["killed", "injured"]

# The one who attacks in a crime; fighters, militants or rebels may as well be the ones attacked.
CRIME_ATTACKER_NOUNS = (
    r"gunm[ae]n|attackers?|assailants?|shooters?|suspects?|(?:suicide\s+)?bombers?|hijackers?|kidnappers?|"
    r"robbers?|perpetrators?|killers?|murderers?|intruders?|culprits?|burglars?|carjackers?"
)
FIGHTER_NOUNS = r"militants?|insurgents?|terrorists?|jihadists?|rebels?|guerrillas?|fighters?|bandits?|raiders?"
PERPETRATOR_NOUNS = CRIME_ATTACKER_NOUNS + "|" + FIGHTER_NOUNS
PERSON_NOUNS = (
    r"victims?|man|men|woman|women|boy|boys|girl|girls|child|children|kids?|teens?|teenagers?|toddler|baby|"
    r"infant|persons?|people|driver|passenger|officer|officers|soldiers?|policem[ae]n|student|resident|"
    r"fathers?|mothers?|sons?|daughters?|brothers?|sisters?|husbands?|wife|wives|friends?|customers?|clerks?|guards?|owners?|"
    r"individuals?|males?|females?|juveniles?|bystanders?|pedestrians?|aunt|uncle|cousin|nephew|niece|"
    r"grand(?:mother|father|son|daughter|child)|god(?:mother|father)|step(?:-?(?:father|mother|son|daughter))|"
    r"ex-(?:wife|husband|girlfriend|boyfriend|partner)|partner|girlfriend|boyfriend|fianc[eé]e?|neighbou?r|roommate|co-?worker|"
    r"deput(?:y|ies)|troopers?|managers?|employees?|workers?|cashiers?|homeowners?|patrons?|motorists?|cyclists?|"
    r"teachers?|nurses?|occupants?|relatives?|security\s+guards?"
)
KILLED_WORDS = (
    r"shot\s+and\s+killed|shot\s+dead|gunned\s+down\s+and\s+killed|stabbed\s+to\s+death|beaten\s+to\s+death|"
    r"burned\s+to\s+death|hacked\s+to\s+death|(?:fatally|mortally)\s+(?:shot|wounded|stabbed|injured|struck)|"
    r"shot\s+to\s+death|gunned\s+down|killed|dead|died|murdered|slain|executed|(?:pronounced|declared)\s+(?:dead|deceased)|"
    r"confirmed\s+dead|found\s+(?:dead|deceased)|deceased|"
    r"lost\s+their\s+lives|lost\s+(?:his|her)\s+life|perished|succumbed"
)
# Carried off to be treated: hurt, though maybe the one who later died ("taken to a hospital").
_TAKEN = ("taken", "transported", "rushed", "airlifted", "flown")
_TAKEN_WORDS = r"(?:" + "|".join(_TAKEN) + r")"
_TAKEN_TO = tuple(f"{word} to" for word in _TAKEN)
# Treated where the hurt are treated: hurt, though as "taken to a hospital" maybe the one who later died.
_TREATED = ("treated at", "treated in", "being treated at", "being treated in")
_TREATED_WORDS = r"(?:being\s+)?treated"
INJURED_WORDS = (
    r"(?:critically|seriously|severely|slightly|badly|gravely|critically|non-fatally|also)?\s*"
    r"(?:shot\s+and\s+)?(?:wounded|injured|hurt|hospitali[sz]ed|maimed)|recovering\s+(?:from|after|in|at)\b|"
    r"in\s+(?:(?:temporary|extremely|very)\s+)?(?:critical|serious|stable|grave|fair|guarded)(?:\s+(?:but|and)\s+stable)?\s+condition|"
    # alive and said to stay so: "is expected to survive"
    r"expected\s+to\s+(?:survive|recover|live|be\s+(?:ok|okay|all\s+right|fine))\b|"
    # still under care: "one of them remains in the hospital"
    r"(?:(?<=\bremains\s)|(?<=\bremain\s))in\s+(?:the\s+|a\s+)?hospital\b|"
    + _TAKEN_WORDS + r"\s+to\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+|area\s+)?hospital|"
    + _TREATED_WORDS + r"\s+(?:at|in)\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+|area\s+)?hospital|" + _TREATED_WORDS + r"\s+at\s+the\s+scene|"
    # out of the hospital again: hurt and alive ("treated and released", "discharged from the hospital")
    r"(?:treated\s+and\s+)?(?:released|discharged)\s+from\s+(?:a\s+|the\s+)?(?:local\s+|area\s+)?hospitals?\b|treated\s+and\s+released|"
    + _TAKEN_WORDS + r"\s+to\s+[^.;]{1,60}?\bwith\s+(?:[\w-]+\s+){0,5}?(?:non-?fatal|(?:non-?|not\s+)life-?\s?threatening|"
    r"serious|critical|severe|minor|multiple)\s+(?:injuries|wounds?)|"
    + _TAKEN_WORDS + r"\s+(?:in\s+(?:critical|serious|stable|grave)\s+condition\b|to\s+[^.;]{1,60}?\s(?:for\s+treatment|in\s+(?:critical|serious|stable|grave)\s+condition)\b)|"
    r"(?:suffered|sustained|received|have|has|had)\s+(?:[\w,]+[\s-]+){0,4}?injuries|"
    # "received non-life-threatening wounds": a wound said to be survivable or grave, not a bare "gunshot wounds"
    r"(?:suffered|sustained|received)\s+(?:(?:what\s+(?:appeared|police\s+said)\s+(?:to\s+be\s+)?)?(?:an?\s+)?)"
    r"(?:non-?fatal|non-?\s?life-?\s?threatening|not\s+life-?\s?threatening|minor|serious|critical|severe|superficial)\s+(?:gunshot\s+|bullet\s+|graze\s+)?wounds?"
)
_BODY_PART = (r"(?:head|face|neck|chest|back|shoulders?|arms?|hands?|wrists?|elbows?|legs?|thighs?|knees?|ankles?|feet|foot|"
              r"stomach|abdomen|torso|buttocks?|hips?|groin|jaw|eyes?)\b")
# Without a fatal word: hurt, unless the report says they died. "shot him" is the attacker, not a victim.
WEAK_INJURED_WORDS = (
    r"(?:shot|stabbed)(?!-|\s+(?:him|her|them|at|a|an|the|his|their|and\s+killed)\b)|"
    r"(?:(?<=\bwas\s)|(?<=\bwere\s))shot(?=\s+at\s+(?:a|an|the)\s+(?!police|officers?|deputies|troopers?|agents?|(?:\w+\s+)?(?:car|vehicle|house|home)\b))|"
    r"(?:suffered|suffering|sustained|had|with|nursing|treated\s+for)\s+(?:from\s+)?(?:a\s+|an\s+)?(?:\w+\s+){0,2}?(?:gunshot|stab|bullet|graze)\s+wounds?|"
    r"(?:hit|struck|grazed)\s+by\s+(?:a\s+|an\s+)?(?:stray\s+|single\s+)?(?:gunfire|bullets?|shots?|rounds?|gunshots?)|"
    r"(?:hit|struck|grazed)(?=\s+(?:once\s+|twice\s+)?(?:in|on)\s+(?:the|his|her|their|both)\s+(?:(?:left|right|upper|lower)\s+)?" + _BODY_PART + r")|"
    r"(?:(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s))(?:hit|struck|grazed)\b(?!\s+(?:by|with)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:car|vehicle|truck|suv|van|train|bus|pickup)\b)"
)
_NOT_A_MODIFIER = (
    r"(?!elderly|family)[a-z]+ly|[ap]|am|pm|and|or|but|were|was|are|is|have|has|had|been|being|who|that|which|got|in|on|at|after|when|while|"
    r"including|as|said|says|by|from|of|to|with|before|until|because|than|where|he|she|they|it|times|rounds|shots|the|across|"
    r"shootings?|ambush|attacks?|slayings?|incidents?|homicides?|murders?|stabbings?|crash|" + KILLED_WORDS.replace(r"\s+", " ") + "|wounded|injured|hurt|shot|stabbed"
)
_MODIFIER = r"(?:\d{1,3}-(?:year|month|week)[\s-]old|in\s+(?:his|her|their)\s+(?:early\s+|mid-?|late\s+)?\d0s|(?!(?:" + _NOT_A_MODIFIER + r")\b)[\"“]?[A-Za-z][\w'’-]*[\"”]?)"
# Where a group may start: after a non-word character, or where a headline glued to the body
# ends ("...abc13.comA man was shot") an article starts the body.
_GROUP_START = r"(?:(?<![\w-])|(?<=[a-z])(?=(?-i:An?|The|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\s))"
# Words that start sentences in capitals but name nobody countable.
# Time words open sentences too ("Late Friday, three men were hurt"): no person there.
_NOT_A_NAME = (r"It|This|That|There|These|Those|Police|Kills|Injures|Wounds|Hurts|Leaves|Shoots|Nobody|No|Everyone|Everybody|Someone|Authorities|Officials|"
               r"Early|Earlier|Late|Later|Last|Overnight|Shortly|Meanwhile|Then|Also|However|"
               r"Who|Which|What|Many|Some|All|Others|They|We|You|I|Investigators|Deputies|Officers|Detectives|Both|"
               r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
               r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
# A weekday after a town is no surname: "a man in Dayton Monday was hurt".
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NAMED_PERSON = (
    r"(?:\d{1,3}-(?:year|month|week)[\s-]old\s+|(?-i:(?:Officer|Deputy|Sgt\.|Sergeant|Trooper|Dr\.|officer|deputy|victim)\s+))?"
    r"(?!(?:" + _NOT_A_NAME + "|" + PERSON_NOUNS + "|" + PERPETRATOR_NOUNS + r")\b)(?-i:(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?(?:\s+(?!" + _WEEKDAY + r"\b)(?:[A-Z]\.\s+)?(?:Mc|Mac|Le|La|De|Da|Di|Du|Van)?[A-Z][a-z'’-]+(?:(?<=[-'’])[A-Z][a-z'’-]+)?){0,3}(?:,?\s+(?:Jr|Sr)\.?|\s+I{2,3})?)"
    r"(?:\s*,\s+\d{1,2}\b,?)?"
)
# Whose relative or friend: "the boy's mother", "Jo Roe's brother" are one person, like "his mother".
_POSSESSOR = (r"(?:(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+|(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+)){0,2})"
              r"['’]s")
_SINGLE_DEFINITE = (r"(?<![\w-])(?:the|his|her|their|" + _POSSESSOR + r")\s+(?:(?:\d{1,3}-(?:year|month|week)[\s-]old|[a-z]+)\s+){0,2}?(?:" + PERSON_NOUNS + "|"
                    + PERPETRATOR_NOUNS + r")\b")
_GROUP = (
    r"(?:" + _GROUP_START + r"(?:(?:his|her|their)\s+)?(?:" + NUMBER_PATTERN + r")(?:\s+of\s+(?:them|those|the\s+[\w-]+))?(?:\s+" + _MODIFIER + r"){0,4}?|" + _SINGLE_DEFINITE
    + r"(?:\s+" + _MODIFIER + r"){0,2}?|(?<![\w-])(?:the|his|her|their)\s+\d{1,3}-(?:year|month|week)[\s-]old\b"
    + r"|(?<![\w-])(?:he|she|him|her|himself|herself|themselves)\b|" + _NAMED_PERSON + ")"
)
# A later group may share the first one's determiner ("his wife and son", "the boy's mother, grandmother
# and a friend"): a bare person noun is then one more person.
# A noun followed by "of" describes the one before it ("Jo Roe, son of Al Roe"): no one more.
_SHARED_DETERMINER_GROUP = (r"(?:\d{1,3}-(?:year|month|week)[\s-]old\s+)?(?<![\w-])(?:" + PERSON_NOUNS + "|"
                            + CRIME_ATTACKER_NOUNS + r")\b(?!\s+of\b)")
# A description between commas may run on with "of": "Jo Roe, a father of three, and his son".
_DESCRIBED_WITH_OF = (r"(?<![\w-])(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:" + PERSON_NOUNS + r")\s+of\s+(?:(?:" + NUMBER_PATTERN
                      + r")|(?:the\s+)?[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})(?=\s*,)")
_LISTED_GROUP = r"(?:" + _DESCRIBED_WITH_OF + "|" + _GROUP + "|" + _SHARED_DETERMINER_GROUP + ")"
_SHARED_DETERMINER_GROUP_RE = re.compile(_SHARED_DETERMINER_GROUP, re.IGNORECASE)
# Groups joined by commas, then by "and" as often as the report likes: "Jo Roe, Al Poe and Ann Lee", "a man and a
# woman and a boy". A figure after the last "and" restates them ("a boy and a girl, both 12"): no comma group there;
# nor is "both" or "all" after a comma one ("his cousin, both in their 30s, were hurt").
LIST_PATTERN = (r"(?P<list>" + _GROUP + r"(?:\s*,\s*(?!(?:both|all)\b)" + _LISTED_GROUP + r"){0,4}(?:\s*,?\s+and\s+"
                + _LISTED_GROUP + r"){0,3})")
# After a verb the people killed may go on "as well as" others: "killing his children as well as his wife".
# Its figures take all their words ("killing two young men and a woman"): nothing after them needs the words back.
OBJECT_LIST_PATTERN = (LIST_PATTERN.replace(r"\s+and\s+", r"\s+(?:and|as\s+well\s+as)\s+").replace("?P<list>", "?P<object>")
                       .replace(r"(?:\s+" + _MODIFIER + r"){0,4}?", r"(?:\s+" + _MODIFIER + r"){0,4}"))
_ALONG_WITH_RE = re.compile(r"\s+along\s+with\s+" + LIST_PATTERN.replace("?P<list>", "?P<along>"), re.IGNORECASE)
# An appositive or relative clause between the people and their fate: "Jane Doe, a 41-year-old nurse, was".
_APPOSITIVE = (r"(?:\s*\([^()]{1,60}\)(?=\s+(?:was|were|is|had|has|died|succumbed|later)\b))?"  # "The victim (Jo Roe) died"
               r"(?:\s*(?:[—–]|--)\s*[^—–.;]{1,60}?\s*(?:[—–]|--)(?=\s*(?:was|were|is|are|had|has|have)\b))?"  # "Four people — three of them teens — were shot"
               r"(?:\s+of\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+)){0,2}(?=,|\s+(?:was|were|is|had|has)\b))?"  # "Jo Roe of Ashdown"
               r"(?:\s*,\s*\d{1,3}\s*,(?=\s+(?:was|were|is|had|has)\b))?"  # "His aunt, 24, was shot"
               r"(?:\s*,\s*(?:\d{1,3}\s*,\s*)?(?:a|an|the|who|whose|including|identified|now|later|his|her|their|"
               r"(?-i:[A-Z][\w'’-]*)['’]s)\b[^,.;:]{1,70},)?"  # "Jo Roe, 24, Al's godmother, was"
               r"(?:\s*,(?=\s+(?:was|were|is|had|has)\b))?"  # "Her brother, Jo Roe, was": the comma closing the name
               # Where the people were: "Two men in the car were hit", "a boy and a man in the van with her were also hit"
               r"(?:\s+(?:in|inside|at|outside|near|on|aboard)\s+(?:the|a|an|that)\s+(?:[\w-]+\s+){0,2}?[\w-]+"
               r"(?:\s+with\s+(?:[\w-]+\s+)?[\w-]+)?(?=(?:\s+(?:also|both|all))?\s+(?:was|were|had|have|has)\b))?")
AUX_PATTERN = (
    # "a boy and a girl, both dead": "both" is the people again, no more of them; so is "both in their 30s,"
    r"(?:,?\s+(?:who|that)\b|\s*,\s*(?:both|all)(?:\s+in\s+their\s+(?:early\s+|mid-?|late\s+)?\d0s\s*,)?(?=\s))?(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|has|have|had|are|is|got|remain|remains))?"
    r"(?:\s+(?:believed|reported|said|thought)\s+to\s+(?:have\s+been|be))?"
    r"(?:\s+(?:also|reportedly|allegedly|both|all|later|each|still|found|apparently|being|subsequently|eventually|listed|"
    r"ultimately|then|tragically|(?-i:(?!(?:fatally|mortally)\b)[a-z]{3,}ly)))*"
)

PASSIVE_RE = re.compile(
    _GROUP_START + LIST_PATTERN + _APPOSITIVE + AUX_PATTERN + r"\s+(?P<harm>" + KILLED_WORDS + "|" + INJURED_WORDS + "|" + WEAK_INJURED_WORDS + r")\b",
    re.IGNORECASE,
)
ACTIVE_RE = re.compile(
    r"\b(?P<verb>killing|killed|kills|(?:shooting\s+|stabbing\s+)?(?:deaths?|killings?|slayings?|murders?|homicides?)\s+of|"
    r"fatal\s+(?:shooting|stabbing|beating)s?\s+of|(?:found|discovered|recovered)\s+the\s+bod(?:y|ies)\s+of|"
    r"(?:non-?fatal\s+)?(?:shooting|wounding)\s+of|"
    r"wounding|wounded|injuring|injured|injures|kill|wound|injure|(?:critically|seriously|severely|gravely)\s+(?:shooting|shot)|shot\s+and\s+killed|gunning\s+down|gunned\s+down|"
    r"shooting\s+and\s+killing|(?:fatally|mortally)\s+(?:shot|shooting|stabbed|stabbing|wounded|wounding)|shot\s+dead|claimed\s+the\s+lives\s+of|left|leaving|"
    r"(?:bullets?|rounds?|shots?|gunfire)\s+(?:hit|struck|pierced|grazed)|"
    r"(?:ricocheted|went\s+off|discharged|fired(?:\s+off)?)\s+(?:[\w,]+\s+){0,3}?and\s+(?:then\s+)?(?:hit|struck|grazed)|"
    r"(?<=\s)(?:striking|hitting|grazing))\s+"
    r"(?:(?:at\s+least|another|an\s+additional)\s+)?" + OBJECT_LIST_PATTERN
    + r"(?:\s+(?P<state>dead|injured|wounded|hurt|hospitali[sz]ed|with\s+(?:gunshot\s+|bullet\s+)?wounds|"
    r"in\s+(?:the\s+)?hospital|in\s+(?:critical|serious|stable)\s+condition))?",
    re.IGNORECASE,
)
# "in the arm or hand": where the people before it were hit
_WHERE_HIT = (r"\s+(?:in|on)\s+(?:the|his|her|their)\s+(?:(?:left|right|upper|lower)\s+)?" + _BODY_PART
              + r"(?:\s+(?:or|and)\s+(?:the\s+)?" + _BODY_PART + r")?")
_SHOT_PEOPLE = (r"(?:(?:" + NUMBER_PATTERN + r")\s+(?:(?:other|more|young|[a-z]+-year-old)\s+)?(?:" + PERSON_NOUNS + r"|others)|"
                r"(?:a|an|another|his|her|their|the(?!\s+other\b))\s+(?:[\w-]+\s+){0,2}?(?:" + PERSON_NOUNS + r"|\d{1,3}-(?:year|month|week)[\s-]old))\b"
                r"(?!\s+(?:" + PERPETRATOR_NOUNS + r")\b)"
                # the person's thing, not the person: "shot the woman's car" (but "shot the woman's son")
                r"(?!['’]s?\s+(?!(?:[\w-]+\s+)?(?:" + PERSON_NOUNS + r")\b))")
# "the gunman shot two people", "shot a man and his 7-year-old niece", "shot two men in the arm and a
# woman in the back": a bare active "shot" with people as its object is a weak injury.
SHOT_OBJECT_RE = re.compile(
    r"\b(?:shot|shooting)\s+(?:at\s+least\s+)?(?P<object>" + _SHOT_PEOPLE + r"(?:" + _WHERE_HIT + r")?(?:\s+and\s+" + _SHOT_PEOPLE + r")?)"
    r"(?!\s+(?:to\s+death|dead|and\s+killed))",
    re.IGNORECASE,
)
# "Medics took the woman to a hospital": carried off to be treated, as "was taken to a hospital" (weak: maybe the one who died).
TRANSPORTED_RE = re.compile(
    r"\b(?:took|taking|rushed|rushing|transported|transporting|airlifted|airlifting|drove|driving|brought|bringing|carried|carrying)\s+"
    r"(?P<object>" + _GROUP + r")\s+to\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+|area\s+)?hospital\b", re.IGNORECASE)
# "The officer's injuries are not life-threatening": the condition of one person's wounds, so one person hurt and alive.
POSSESSED_INJURY_RE = re.compile(
    r"(?P<object>" + _GROUP + r")['’]s\s+(?:(?:gunshot|bullet|stab)\s+)?(?:injuries|injury|wounds?)\s+(?:are|were|is|was)\s+"
    r"(?:(?:believed|considered|described|said|thought)\s+(?:as\s+|to\s+be\s+)?)?"
    r"(?:not\s+life-?\s?threatening|non-?\s?life-?\s?threatening|non-?fatal|minor|serious|critical|severe|superficial)\b", re.IGNORECASE)
# A sentence opening on the harm, its people after the verb: "Also wounded were four patrons", "Killed in the
# shooting was a 20-year-old man".
INVERTED_RE = re.compile(
    r"(?:also\s+)?(?P<harm>killed|slain|dead|wounded|injured|hurt|shot)\s+(?:in\s+the\s+[\w-]+\s+)?(?P<be>was|were|is|are)\s+"
    r"(?:also\s+)?" + OBJECT_LIST_PATTERN, re.IGNORECASE)
_SENTENCE_OPENING_RE = re.compile(r"[\s\"“”'‘’]*")
# "left eight people with wounds": the state after the people is what makes "left" a harm.
_LEFT_DEAD_RE = re.compile(r"dead|fatally|mortally", re.IGNORECASE)
_LEFT_STATE = (r"dead|(?:fatally|mortally)\s+(?:wounded|injured)|injured|wounded|hurt|hospitali[sz]ed|with\s+(?:an?\s+)?(?:[\w-]+,?\s+){0,3}?(?:wounds?|injuries|injury)|"
               r"in\s+(?:the\s+|a\s+)?hospitals?|to\s+(?:the\s+|a\s+|area\s+|local\s+)?hospitals?|in\s+(?:critical|serious|stable|grave)\s+condition")
LEFT_RE = re.compile(
    r"\b(?:left|leaving|(?:ended|ending)\s+with|sent|sending)\s+(?:(?:at\s+least|another)\s+)?" + LIST_PATTERN.replace("?P<list>", "?P<object>")
    + r"\s+(?P<state>" + _LEFT_STATE + r")\b"
    # "left one woman dead and another with grave injuries": the second people and their state
    r"(?:\s*,?\s+and\s+(?P<second>another|(?:" + NUMBER_PATTERN + r")(?:\s+(?:other|more))?(?:\s+[\w-]+)?)\s+(?P<second_state>" + _LEFT_STATE + r")\b)?",
    re.IGNORECASE,
)
TOLL_RE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities))\b(?:\s+\w+){0,4}?\s+"
    r"(?:rose|risen|climbed|jumped|reached|stands\s+at|stood\s+at|is|was|at|to)\s+(?:to\s+|at\s+)?(?P<count>" + NUMBER_PATTERN + r")",
    re.IGNORECASE,
)
# "A double homicide" is two killed; "a triple shooting" three shot, some of whom may have died.
MULTIPLE_RE = re.compile(
    r"\b(?P<times>double|triple|quadruple|quintuple)[\s-]+(?:(?P<killed>homicide|murder|slaying|killing|fatal\s+shooting)"
    r"|(?P<shot>shooting|stabbing))\b", re.IGNORECASE)
_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# "a fourth victim was found": at least four people were harmed, the dead among them.
ORDINAL_VICTIM_RE = re.compile(
    r"\b(?:a|the)\s+(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\s+"
    r"(?:shooting\s+|gunshot\s+)?victim\b", re.IGNORECASE)
_ORDINALS = {word: index + 2 for index, words in enumerate(
    [("second", "2nd"), ("third", "3rd"), ("fourth", "4th"), ("fifth", "5th"), ("sixth", "6th"), ("seventh", "7th"),
     ("eighth", "8th"), ("ninth", "9th"), ("tenth", "10th")]) for word in words}
# A body found is a person killed: "a man's body was found", "the bodies of two women were discovered".
BODY_RE = re.compile(
    r"\b(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:" + PERSON_NOUNS + r")['’]s\s+body|(?P<count>" + NUMBER_PATTERN
    + r")\s+bodies|the\s+bodies\s+of\s+(?P<list>" + NUMBER_PATTERN + r")\s+[\w-]+(?:\s+[\w-]+)?)"
    r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:found|discovered|recovered|located)\b",
    re.IGNORECASE,
)
_BODY_WORD_RE = re.compile(r"\bbod(?:y|ies)\b", re.IGNORECASE)
# A headline's own count, for reports whose body never states one: "Man shot, killed on west side",
# "Girl shot at party dies", "2 teens wounded in drive-by", "3-year-old girl accidentally shot in leg",
# "2 girls, 3 men shot at party". Headlines drop articles and capitalise every word, so any two words may
# come before the person and an age may stand for him.
_HEADLINE_AGE = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?:year|month|week)s?[\s-]old"
_HEADLINE_GROUP = (
    r"(?:(?P<count>" + NUMBER_PATTERN + r")\s+)?(?:" + _HEADLINE_AGE + r"\s+)?(?:[A-Z][\w'’-]*\s+){0,2}?"
    r"(?P<noun>" + _HEADLINE_AGE + r"|" + PERSON_NOUNS + r"|cops?|firefighters?|lawm[ae]n)(?:,\s*\d{1,3},?)?")
HEADLINE_GROUP_RE = re.compile(_HEADLINE_GROUP, re.IGNORECASE)
_HEADLINE_LIST = re.sub(r"\(\?P<\w+>", "(?:", _HEADLINE_GROUP)
HEADLINE_RE = re.compile(
    r"(?:^\s*|(?<=:\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bfor\s))(?P<list>" + _HEADLINE_LIST + r"(?:\s*,\s*" + _HEADLINE_LIST + r"){0,3}"
    r"(?:,?\s+(?:and|&)\s+" + _HEADLINE_LIST + r")?)"
    r"(?:\s+who(?=\s+(?:died|dies|was|were|is|are)\b))?(?:\s+(?!fatally|mortally)[a-z]+ly)?(?:\s+(?:is|was|are|were))?"  # "Teen accidentally shot", "Infant is injured", "boy who died"
    r"\s+(?P<harm>(?:shot|stabbed)(?:,|\s+and)\s+killed|killed|dies|died|dead|slain|found\s+dead|"
    r"shot\s+dead|fatally\s+(?:shot|stabbed)|(?:shot|stabbed|beaten)\s+to\s+death|murdered|"
    r"(?:shot|stabbed|hurt|wounded|injured)\b[^.|;:]{0,40}?\s(?:dies|died)|"
    r"(?:shot|stabbed)(?:,|\s+and)\s+(?:wounded|injured|hurt)|wounded|injured|hurt|shot|"
    r"in\s+(?:critical|serious|stable|grave)\s+condition|shoots\s+(?:himself|herself|self))\b",
    re.IGNORECASE,
)
# "4 shot in northwest", "Atlanta News: 3 dead after crash of gunfire": a bare figure opening the
# headline (or its part after a colon) counts people.
HEADLINE_BARE_COUNT_RE = re.compile(
    r"(?:^\s*|(?<=:\s)|(?<=,\s))(?P<count>" + NUMBER_PATTERN + r")\s+(?P<harm>shot\s+dead|killed|dead|slain|wounded|injured|hurt|shot)\b",
    re.IGNORECASE)
# "Gunman slays deputy, wounds two officers", "Uncle shoots nephew", "rifle goes off, hits two girls" (hit,
# at least: a death would be the headline's word); attackers killed ("kills robbery suspect") are no victims.
# Past tenses and "-ing" forms tell the same ("Ex-guard killed wife, son", "charged with killing nephew",
# "arrested after shooting teen in leg").
HEADLINE_ACTIVE_RE = re.compile(
    r"\b(?:shoots(?:,|\s+and)\s+)?(?P<verb>kills|slays|murders|wounds|injures|shoots|hits|strikes|"
    r"(?<=\s)killed|(?<=\s)slew|(?<=\s)murdered|killing|slaying|murdering|(?<=\safter\s)shooting|(?<=\sfor\s)shooting)\s+(?:(?:his|her|their)\s+)?"
    r"(?:(?P<count>" + NUMBER_PATTERN + r")\s+)?(?:[\w'’-]+\s+){0,2}?(?P<noun>" + PERSON_NOUNS
    + r"|lawman|deputy|trooper|\d{1,3}-(?:year|month|week)[\s-]old)\b(?!\s+(?:" + PERPETRATOR_NOUNS + r")\b)", re.IGNORECASE)
# A bare figure after the verb: "Gunman kills 2, wounds 3 at party", "Man shoots 4, killing 2".
HEADLINE_ACTIVE_BARE_RE = re.compile(
    r"\b(?P<verb>kills|slays|wounds|injures|shoots|killing|wounding|injuring)\s+(?P<count>" + NUMBER_PATTERN + r")"
    r"(?=\s*(?:[,;|]|$)|\s+(?:in|at|on|near|after|during|outside|inside|before|and)\b)", re.IGNORECASE)
# More people after the first a headline's verb names: "kills wife, son", "shoots man and his daughter".
# A second verb opens another clause ("slays deputy, wounds officer"), and a noun before "says" is who
# tells of it ("kills wife, officer says"): no more people of the first verb.
_HEADLINE_VERB = (r"(?:kill|slay|slew|slain|murder|wound|injur|hurt|shoot|shot|hit|strik|struck|stab|beat|leav|left|gun)\w*")
_HEADLINE_MORE_RE = re.compile(
    r"(?:\s+(?:" + PERSON_NOUNS + r")\b)?(?:\s*,\s*|,?\s+(?:and|&)\s+)(?:(?:his|her|their)\s+)?(?:(?P<count>" + NUMBER_PATTERN + r")\s+)?"
    r"(?:(?!" + _HEADLINE_VERB + r"\s)[\w'’-]+\s+){0,1}?"
    r"(?P<noun>" + PERSON_NOUNS + r"|\d{1,3}-(?:year|month|week)[\s-]old)\b(?!\s+(?:" + PERPETRATOR_NOUNS + r")\b)"
    r"(?!\s+(?:says|said|say|tells|told|confirms|reports))", re.IGNORECASE)
# "faces charges in shooting death of 17-year-old", "arrest in fatal shooting", "fatal Elm Park shooting":
# the headline names a death without a figure; one, the least it says.
HEADLINE_DEATH_RE = re.compile(
    r"\b(?:(?:shooting|stabbing)\s+deaths?\s+of|(?:killing|slaying|murder)\s+of|(?<!non-)(?<!non)\b(?:fatal|deadly)\s+(?:shooting|stabbing)s?\s+of)\s+"
    r"(?:a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:\d{1,3}-(?:year|month|week)-old|man|woman|teen|teenager|boy|girl|child|toddler|baby|"
    r"mother|father|son|daughter|student|officer|deputy|(?-i:[A-Z][a-z]+))\b(?!\s+and\b)"
    r"|(?<!non-)(?<!non)\b(?:fatal|deadly)\s+(?:(?-i:[A-Z][\w'’-]*)\s+){0,3}(?:shooting|stabbing)\b(?!s)"
    # "charged in shooting death", "suffers fatal gunshot wound"
    r"|\b(?:in|for|over)\s+(?:the\s+|a\s+)?(?:(?-i:[A-Z][\w'’-]*)\s+){0,3}(?:shooting|stabbing|beating)\s+death\b(?!s)"
    r"|\b(?:fatal|deadly)\s+(?:gunshot|bullet|stab)\s+wound\b", re.IGNORECASE)
# "Suspect named in three Elm County killings": a figure of killings the headline names.
HEADLINE_KILLINGS_RE = re.compile(
    r"\b(?P<count>" + NUMBER_PATTERN + r")\s+(?:(?-i:[A-Z][\w'’-]*)\s+){0,3}(?:killings|slayings|murders|homicides|shooting\s+deaths)\b",
    re.IGNORECASE)
# A city's tally, not one incident's killings: "City tops 300 homicides", "murders so far this year".
_TALLY_BEFORE_RE = re.compile(r"\b(?:tops?|topped|topping|surpass\w*|reach\w*|pass(?:es|ed|ing)?|exceed\w*|nears?|neared|nearing|"
                              r"hits|record|more\s+than|fewer\s+than|over)\s+$", re.IGNORECASE)
_TALLY_AFTER_RE = re.compile(r"[^.;:|]{0,40}?\b(?:this\s+year|so\s+far|to\s+date|last\s+year|for\s+(?:the\s+)?first\s+time|since|in\s+(?:19|20)\d\d|"
                             r"(?:19|20)\d\ds?)\b", re.IGNORECASE)
_HEADLINE_KILLED_RE = re.compile(r"kill|dies|died|dead|sla[iy]|slew|death|murder|fatal", re.IGNORECASE)
NONE_RE = re.compile(
    r"\b(?:no\s+one|nobody|no\s+one\s+else|none\s+of\s+\w+|no\s+other\s+(?:people|persons))\s+(?:else\s+)?"
    r"(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?P<harm>killed|hurt|injured|wounded)"
    r"|\bno\s+(?:one\s+)?(?P<noun>injuries|injured|deaths|fatalities|casualties)\b"
    r"|\bwithout\s+(?:causing\s+)?(?P<without>injuries|casualties)\b",
    re.IGNORECASE,
)
INCLUDING_PERPETRATOR_RE = re.compile(
    r"\bincluding\s+(?:the\s+)?(?P<perp>(?:" + NUMBER_PATTERN + r")\s+)?(?:" + PERPETRATOR_NOUNS + r"|suspected\s+\w+)\b",
    re.IGNORECASE,
)
# A bare "shot himself" is not a death: children and gun owners shoot themselves by accident and
# survive (they are the victims, counted by the passive patterns); it counts only with a fatal word.
SELF_HARM_RE = re.compile(
    r"\b(?:killed|fatally\s+shot|shot\s+and\s+killed)\s+(?:himself|herself|themselves)\b|\bblew\s+(?:himself|herself|themselves)\s+up\b|"
    r"\bshot\s+(?:himself|herself|themselves)\b(?=[^.;]{0,60}?\b(?:died|dead|suicide)\b)|"
    r"\btook\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b|"
    r"\bturned\s+the\s+gun\s+on\s+(?:himself|herself)\b|\bdetonated\s+(?:his|her)\s+(?:explosives?|vest|belt|bomb)",
    re.IGNORECASE,
)
# "killed his wife and then himself": the killer, who dies by his own hand after the others.
THEN_SELF_RE = re.compile(r"\b(?:killing|killed|kills|murdering|murdered)\b[^.;]{1,120}?,?\s+(?:and\s+)?then\s+"
                          r"(?P<self>himself|herself)\b", re.IGNORECASE)
ACCIDENTAL_SELF_RE = re.compile(r"\b(?:accidentally|unintentionally)\s+shot\s+(?:himself|herself)\b", re.IGNORECASE)
# Cheap test before the costly patterns: a sentence without these words counts nobody.
HARM_WORD_RE = re.compile(r"bullet|gunfire|kill|dead|died|death|wound|injur|hurt|hospital|shot|stabb|murder|slain|execut|"
                          r"condition|lives|life|perish|succumb|toll|maim|casualt|fatal|gunn|bod(?:y|ies)|"
                          r"double|triple|quadruple|quintuple|shooting|went\s+off|ricochet|discharged|fired|struck|graz|\bhit\b|treat|surviv|recover", re.IGNORECASE)
_PERPETRATOR_RE = re.compile(r"\b(?:" + PERPETRATOR_NOUNS + r"|himself|herself|themselves)\b", re.IGNORECASE)
# A crime's attacker listed with victims ("A trooper and a suspect were shot") is counted apart.
_ATTACKER_RE = re.compile(r"\b(?:" + CRIME_ATTACKER_NOUNS + r")\b", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_ANY_PRONOUN_RE = re.compile(r"^(?:he|she|him|her|himself|herself|themselves)$", re.IGNORECASE)
# The last person named before a pronoun: "struck the suspect ... He later died" is the attacker.
_PERSON_NOUN_RE = re.compile(r"\b(?:(?P<perpetrator>" + PERPETRATOR_NOUNS + r")|" + PERSON_NOUNS + r")\b", re.IGNORECASE)
_PRONOUN_REACH = 250
# "dead" before a noun is an adjective ("a dead bird"), not the fate of the people before it.
_ADJECTIVE_AFTER_RE = re.compile(
    r"\s+(?!(?:and|or|but|in|on|at|after|from|by|inside|outside|near|following|when|while|with|as|of|during|early|"
    r"late|last|this|since|before|overnight|following|following)\b)[a-z]")
# An object after the verb makes the people before it the agents: "a man who fatally shot a neighbour".
_OBJECT_AFTER_RE = re.compile(r"\s+(?:him|her|them|a|an|the|his|their|another|(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:[A-Z][a-z]+)?)|"
                              r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?!times\b|night\b|day\b)[a-z][\w-]*|"
                              r"\d{1,3}-(?:year|month|week)s?[\s-]old)\b", re.IGNORECASE)
# The same people's death later in the clause: "... shot multiple times and was pronounced dead".
# "the gunman fatally shot himself": his death is SELF_HARM_RE's to count, not a second one for "the gunman
# fatally shot" (a bare "the boy shot himself in the leg" stays a victim hurt).
_SELF_OBJECT_AFTER_RE = re.compile(r"\s+(?:himself|herself|themselves)\b", re.IGNORECASE)
_FATE_AFTER_RE = re.compile(
    r"[^.;]{0,80}?\b(?:and|but)\s+(?:later\s+|then\s+|eventually\s+|subsequently\s+)?(?:was\s+|were\s+|had\s+)?"
    r"(?:pronounced\s+(?:dead|deceased)|died|killed|succumbed|declared\s+dead)\b", re.IGNORECASE)
# "..., where he was in stable condition": alive where he was taken.
_SURVIVED_AFTER_RE = re.compile(
    r"[^.;]{0,60}?\b(?:but|and|where\s+(?:he|she|they))\s+(?:\w+ly\s+)?(?:survived|is\s+expected\s+to\s+survive|(?:is|was)\s+(?:listed\s+)?in\s+(?:stable|good|fair)\s+condition)\b",
    re.IGNORECASE)
# "taken to a hospital, where he died": the one taken there is the one who died.
_DIED_WHERE_TAKEN_RE = re.compile(
    r"[^.;]{0,60}?,?\s+where\s+(?:he|she|they|both|the\s+\w+)\s+(?:later\s+|eventually\s+|soon\s+)?(?:died|succumbed|"
    r"(?:was|were)\s+(?:later\s+)?(?:pronounced|declared)\s+(?:dead|deceased))\b", re.IGNORECASE)
# "A teen who was found shot on a bike path has died": the clause's subject died.
_FATE_OF_RELATIVE_RE = re.compile(
    r"[^.;,]{0,80}?\s(?:has|have|had|later|then|subsequently)\s+(?:died|succumbed)\b", re.IGNORECASE)
_ONE_OF_BEFORE_RE = re.compile(r"\bone\s+of\s+$", re.IGNORECASE)
_BE_OR_HAVE_RE = re.compile(r"\b(?:were|was|been|has|have|had|are|is|got|remains?)\b", re.IGNORECASE)
_AGE_AFTER_RE = re.compile(r"\s*-?\s*(?:years?|months?|weeks?)\s*-?\s*old\b", re.IGNORECASE)
_SPAN_OF_TIME_AFTER_RE = re.compile(r"\s*-?\s*(?:seconds|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b", re.IGNORECASE)
_UNCOUNTED_PLURAL_RE = re.compile(r"(?:s|men|people|children)$", re.IGNORECASE)
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
GROUP_RE = re.compile(_GROUP, re.IGNORECASE)
_LISTED_GROUP_RE = re.compile(_LISTED_GROUP, re.IGNORECASE)
_NAMED_PERSON_RE = re.compile(_NAMED_PERSON, re.IGNORECASE)
# "on Birch Street, the boy shot in the arm ...": a street or district named before the people is nobody.
_PLACE_NAME_END_RE = re.compile(r"(?-i:\s(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Lane|Highway|Parkway|"
                                r"Court|Terrace|Place|Square|Park|County|Township|Heights))\s*$")
_FACILITY_END_RE = re.compile(r"(?-i:Hospital|Center|Centre|Clinic|Institute|Walmart|Store|Mall)$|(?-i:\bHealth(?:care)?\b|\bMedical\b|\bHospital\b)")
# A sentence that opens by comparing with other attacks ("Unlike the sniper attacks that killed five officers
# in Dallas, ..."): a toll before its first comma is theirs, not this incident's.
_COMPARED_BEFORE_RE = re.compile(r"\W*(?:unlike|like|as\s+(?:in|with)|similar\s+to|much\s+like)\b[^,;]*$", re.IGNORECASE)
_BACKGROUND_RE = re.compile(
    r"\b(?:this\s+year|so\s+far|last\s+year|since\s+(?:the\s+)?(?:\w+\s+){0,3}(?:19|20)\d\d|since\s+January|"
    r"(?:in|of)\s+(?:19|20)\d\d|a\s+year\s+ago|"
    r"years?\s+ago|every\s+year|annually|nationwide|per\s+year|"
    r"(?:in|over|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years|weeks|decades?))\b",
    re.IGNORECASE,
)


@dataclass
class CasualtyMention:
    """One phrase that states a number of people harmed."""

    harm: Harm
    perpetrator: bool
    quantity: Quantity
    start: int
    end: int
    groups: list[tuple[int, int]] = field(default_factory=list)  # each listed group's span
    weak: bool = False  # a bare "shot"/"stabbed": maybe the same people as the killed
    # Attackers listed among the victims ("A trooper and a suspect were shot"): counted apart.
    attackers: Quantity | None = None
    attacker_groups: list[tuple[int, int]] = field(default_factory=list)


def _harm_of(words: str) -> tuple[Harm, bool]:
    """The harm a status phrase names, and whether it is only a weak (bare "shot") injury."""
    lowered = " ".join(words.lower().split())
    if lowered in {"hit", "struck", "grazed"} or re.fullmatch(WEAK_INJURED_WORDS, lowered) or (lowered.startswith(_TAKEN_TO + _TREATED) and not lowered.endswith(("injuries", "wounds", "wound"))):
        return "injured", True  # the shot or the one taken to hospital may be the one who died
    if re.fullmatch(KILLED_WORDS, lowered, re.IGNORECASE):
        return "killed", False
    return "injured", False


_POSSESSIVE_RE = re.compile(r"^(?:his|her|their|the(?:\s+other)?)\s+(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)", re.IGNORECASE)


def _group_quantity(text: str) -> Quantity | None:
    """The count one listed group stands for; None for figures that are not counts of people."""
    text = _POSSESSIVE_RE.sub("", text)  # "his five children"
    match = re.match(NUMBER_RE, text, re.IGNORECASE)
    if match is None or match.end() == 0:
        if _UNCOUNTED_PLURAL_RE.search(text) and not _NAMED_PERSON_RE.fullmatch(text):
            return None  # "the victims": how many is not said
        return Quantity(1, 1, 1)  # "the victim", "he", "John Smith"
    if _AGE_AFTER_RE.match(text, match.end()):
        return Quantity(1, 1, 1)  # "19 year old driver": one person
    if _SPAN_OF_TIME_AFTER_RE.match(text, match.end()):
        return None  # "killed 45 minutes later", "four days": a span of time, not people
    quantity = parse_quantity(match)
    if quantity is None or _YEAR_RE.match(match.group(0)):
        return None
    return quantity


_SEPARATED_RE = re.compile(r"(?:,|\band\b|\bas\s+well\s+as\b|&)\s*$", re.IGNORECASE)
_SEPARATOR_RE = re.compile(r"(?:\s*,)?(?:\s+(?:and|as\s+well\s+as))?\s*$", re.IGNORECASE)


def split_groups(text: str, list_start: int, list_end: int) -> list[tuple[int, int]]:
    """The spans of the groups a matched list names: "Two traders", "a police officer"."""
    starts: list[int] = []
    position = list_start
    while position < list_end and (match := (_LISTED_GROUP_RE if starts else GROUP_RE).search(text, position, list_end)):
        if not starts or _SEPARATED_RE.search(text, starts[-1], match.start()):
            starts.append(match.start())  # else more words of the same group: "A Jefferson County deputy"
        position = match.end()
    spans = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else list_end
        trailing = _SEPARATOR_RE.search(text, start, end)
        spans.append((start, trailing.start() if trailing and index + 1 < len(starts) else end))
    return spans


# Taken to a hospital only to be looked at: no sign of harm, unless the sentence goes on to name one.
_CHECKED_ONLY_AFTER_RE = re.compile(
    r"\s+(?:for\s+(?:a\s+|an\s+)?(?:medical\s+|mental\s+|psychiatric\s+)?(?:clearance|evaluation|observation|check-?up|assessment)|"
    r"as\s+a\s+precaution|to\s+be\s+(?:checked|evaluated|examined))\b", re.IGNORECASE)
# A harm named after the check: "for evaluation of his injuries", "for observation after being shot".
_INJURY_NAMED_RE = re.compile(r"\b(?:injur|wound|hurt|shot\b|stabb|bullet|burn|fractur|broken|bleed|struck\b|graz)",
                              re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")
# A figure after a verb of firing counts shots: "fired one shot", "returned a single shot".
_SHOTS_FIRED_BEFORE_RE = re.compile(
    r"\b(?:fired|fires|firing|returned|returning|heard|hearing|let\s+off|got\s+off|squeezed\s+off|took|taking)\s+"
    r"(?:" + NUMBER_PATTERN + r")(?:\s+(?:more|single|warning|final|last|other|additional))?\s+$", re.IGNORECASE)
# A harm that did not happen: "nearly killing", "could have killed".
_HYPOTHETICAL_BEFORE_RE = re.compile(r"\b(?:possibly|nearly|almost|narrowly|(?:could|would|might)\s+have)\s+$", re.IGNORECASE)
# "what led her to kill two and wound six": both figures told, the toll of what she did.
_KILL_AND_WOUND_RE = re.compile(r"\bkill\s+[^.;]{1,60}?\s+and\s+(?P<second>wound|injure)\b", re.IGNORECASE)
# ... unless the two are what someone meant or said they would do: "vowed to kill two officers and wound others".
_INTENT_BEFORE_RE = re.compile(
    r"\b(?:(?:threat|vow|plan|plott|want|intend|attempt|seek|wish|hop|aim|conspir|promis|prepar|swear)\w*|sought|swore"
    r"|meant|going|tr(?:y|ies|ied|ying))\s+to\s+$|\b(?:will|would|could|might|may|can|shall|should)\s+$", re.IGNORECASE)
# "All four victims": everyone the report told of, the dead among them.
_ALL_BEFORE_RE = re.compile(r"\ball\s+$", re.IGNORECASE)
# "taken to the hospital in stable condition": alive when last heard of.
_CONDITION_AFTER_RE = re.compile(r"\s+in\s+(?:critical|serious|stable|grave|fair|good)\s+condition\b", re.IGNORECASE)
# A charge names a crime, not the people it harmed: "four counts of malicious wounding of deputies".
# The words between are the crime's own: in "three counts of murder for killing three people" the toll follows.
_CHARGE_BEFORE_RE = re.compile(
    r"\bcounts?\s+of\s+(?:(?!(?:for|in|after|during|over|with|by|from|at|on|and)\b)[\w-]+\s+){0,2}$", re.IGNORECASE)
_BOTH_RE = re.compile(r"both\s+", re.IGNORECASE)
_NOT_PEOPLE_AFTER_RE = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|:\d\d|times\b|rounds\b|shots\b)", re.IGNORECASE)
_MONTH_BEFORE_RE = re.compile(  # "Dec. 29 saying", "on March 3 killed": a day of a month, not a count
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+$")
_SOURCE_BEFORE_RE = re.compile(r"\b(?i:according\s+to)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,5}$")
# Figures that are no count of people: "no one", ages ("aged 16", "both 19", "ranging in age from 15 to 24"),
# times ("0:50") and picture counters ("Image 2 of 9").
_NOT_A_COUNT_BEFORE_RE = re.compile(r"(?:\b(?:no|not)\s+|\b(?:father|mother|dad|mom|mum|parent|grandfather|grandmother)\s+of\s+|\bage[sd]?\s+(?:of\s+|from\s+|between\s+)?|\branging\s+from\s+|\bboth\s+(?=\d)|"
                                    r"\d[:.]|\d\s+of\s+)(?=.?$)", re.IGNORECASE)
_PLAIN_PERSON_RE = re.compile(r"\b(?:" + PERSON_NOUNS + r"|\d{1,3}-(?:year|month|week)[\s-]old)\b", re.IGNORECASE)
_BARE_NUMBER_RE = re.compile(r"\s*\d{1,3}\s*$")
_ONE_DEFINITE_RE = re.compile(r"(?:the|his|her|their)\s+(?!\S*(?:s|men|people|children)\b)", re.IGNORECASE)
_ENCLOSED_APPOSITIVE_RE = re.compile(r"\s*,\s*")
_FIGURE_FIRST_RE = re.compile(r"(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s", re.IGNORECASE)
_APPOSITION_RE = re.compile(r"\s*,\s*(?:(?:a|an)\b|" + _POSSESSOR + ")", re.IGNORECASE)
# A figure for shootings across a city or a weekend, not for the report's own incident ("in two other
# shootings" after it tells of others than those counted).
_ROUNDUP_AFTER_RE = re.compile(
    r"[^.;]{0,90}?\b(?:(?:separate|several|multiple|different|unrelated)\s+(?:[\w-]+\s+)?(?:shootings|incidents|attacks|cases)|"
    r"in\s+(?:(?!the\b|other\b)[\w-]+\s+){0,3}(?:shootings|incidents)\b|in\s+(?:two|three|four|five|six|\d+)\s+(?:[\w-]+\s+)?(?:attacks|incidents)\b|across\s+(?:the\s+)?(?:city|county|state|region|(?-i:[A-Z][a-z]+))|"
    r"citywide|(?<!happened\s)(?<!occurred\s)over\s+the\s+(?:holiday\s+)?weekend)\b", re.IGNORECASE)
# "three unrelated shootings that left five hurt", "a string of shootings killed four": the figure
# sums several incidents ("the shootings" may be one attacker's, and stays counted); so does
# "In other attacks on Saturday, six men were shot".
_ROUNDUP_BEFORE_RE = re.compile(r"(?<!\bthe\s)\bshootings\s+(?:that\s+|which\s+)?(?:have\s+|has\s+|had\s+)?(?:left\s+|leaving\s+)?$|"
                                r"\bin\s+other\s+(?:[\w-]+\s+){0,2}(?:attacks|shootings|incidents|violence)\b[^.;]{0,40}$", re.IGNORECASE)


# The dead among the people just counted as hit: "..., two fatally", "..., one of them fatally".
_DEAD_AMONG_RE = re.compile(r"\s*,\s*(?P<count>" + NUMBER_PATTERN + r")(?:\s+of\s+them)?\s+(?:fatally|mortally)\b", re.IGNORECASE)
_HOW_HARMED_RE = re.compile(r"\s+(?-i:[a-z]{3,}ly)\b")
_LAST_FIGURE_RE = re.compile(r"\s*,\s*(?:" + NUMBER_PATTERN + r")(?:\s+of\s+them)?$", re.IGNORECASE)


def _add_dead_among(text: str, mention: CasualtyMention, mentions: list[CasualtyMention]) -> None:
    """"Eleven people were shot, two fatally": the two dead are among the eleven hit, who are then
    counted like a bare "shot" (the dead taken out of the hurt)."""
    if mention.harm != "injured" or mention.perpetrator:
        return
    dead_among = _DEAD_AMONG_RE.match(text, mention.end)
    found = quantity_at(dead_among.group("count")) if dead_among else None
    if dead_among is not None and found is not None and found[0].best < mention.quantity.best:
        mention.weak = True
        mentions.append(CasualtyMention("killed", False, found[0], dead_among.start("count"), dead_among.end()))


# Nouns for anyone, which a list may go on to tell apart: "Six people, three men and three women".
_ANYONE_RE = re.compile(r"\b(?:people|persons|victims|individuals|others)\b", re.IGNORECASE)


def _mention_from_list(text: str, list_start: int, list_end: int, harm: Harm, weak: bool,
                       start: int, end: int, plural_verb: bool | None) -> CasualtyMention | None:
    """Add the listed groups up into one mention; None when a group is not a count of people."""
    if _NOT_PEOPLE_AFTER_RE.match(text, list_end) or _MONTH_BEFORE_RE.search(text, max(0, list_start - 12), list_start):
        return None
    if _NOT_A_COUNT_BEFORE_RE.search(text[max(0, list_start - 24):list_start + 1]):
        return None  # "no one died", "between the ages of 16-18", "0:50": nobody, or not a count  # "fatally shot about 5 p.m.", "shot 11 times": not a count of people
    groups = [g for g in split_groups(text, list_start, list_end) if not _PLACE_NAME_END_RE.search(text, *g)]
    if groups and _SOURCE_BEFORE_RE.search(text, max(0, list_start - 80), list_start):
        groups = groups[1:]  # "According to the County Coroner, the victim ... died": the source is no victim
    if len(groups) > 1 and all(_BARE_NUMBER_RE.match(text, *g) for g in groups[1:]):
        if _BARE_NUMBER_RE.match(text, *groups[0]):
            return None  # "aged 21 and 58 were shot": ages, not counts
        groups = groups[:1]  # "Two men, 21 and 58, were shot": their ages follow
    if len(groups) > 1:
        groups = [g for index, g in enumerate(groups) if not index or not _BARE_NUMBER_RE.match(text, *g)
                  or re.search(r"\band\b", text[groups[index - 1][1]:g[0]], re.IGNORECASE)]  # "his wife, 34, and ..."
    if plural_verb is not True:
        groups = _with_appositive_nouns_joined(text, groups)
    described: dict[tuple[int, int], int] = {}  # a person and where the words describing him end
    if len(groups) > 2:  # "Jo Roe, a father, and his son": the "a father" between commas only describes Jo Roe
        kept: list[tuple[int, int]] = []
        for index, g in enumerate(groups):
            if kept and index < len(groups) - 1 \
                    and _ENCLOSED_APPOSITIVE_RE.fullmatch(text, described.get(kept[-1], kept[-1][1]), g[0]) \
                    and re.match(r"(?:a|an)\s", text[g[0]:g[1]], re.IGNORECASE) and _one_person(text, kept[-1]) \
                    and re.fullmatch(r"\s*,\s*(?:and\s+)?", text[g[1]:groups[index + 1][0]], re.IGNORECASE) \
                    and not _FIGURE_FIRST_RE.match(text, *groups[index + 1]):  # "Jo Roe, a neighbor, and a teen": maybe three
                described[kept[-1]] = g[1]
            else:
                kept.append(g)
        groups = kept
    if len(groups) > 1 and _APPOSITION_RE.match(text, described.get(groups[-2], groups[-2][1]), groups[-1][1]) \
            and _one_person(text, groups[-2]):
        groups = groups[:-1]  # "the death of Jihad, a teenager", "The victim, a 41-year-old nurse, was",
        # "Ann Doe, 31, Tom's aunt": one person described
    if len(groups) > 1:
        groups = _without_named_appositives(text, groups, plural_verb)
    if len(groups) > 1:
        groups = [g for index, g in enumerate(groups) if not _ANY_PRONOUN_RE.match(text[g[0]:g[1]])
                  or (index + 1 < len(groups) and re.fullmatch(r"\s+and\s+", text[g[1]:groups[index + 1][0]], re.IGNORECASE))
                  ]  # "killing her husband, she ...", but "he and three others were shot" is four
    if not groups:
        return None
    if len(groups) > 1 and (both := _BOTH_RE.match(text, groups[0][0], groups[0][1])) and both.end() < groups[0][1]:
        groups[0] = (both.end(), groups[0][1])  # "both his wife and his son": two, "both" only joins them
    quantities: list[Quantity] = []
    for group_start, group_end in groups:
        if _FACILITY_END_RE.search(text, group_start, group_end):
            return None  # "taken to Mercy Medical Center in critical condition": a place, not a person
        quantity = _group_quantity(text[group_start:group_end])
        if quantity is None:
            return None
        quantities.append(quantity)
    if len(quantities) > 2 and quantities[0].best == sum(q.best for q in quantities[1:]) \
            and text[groups[0][1]:groups[1][0]].strip() == "," and _ANYONE_RE.search(text, *groups[0]):
        groups, quantities = groups[:1], quantities[:1]  # "Five people, three men and two women, were hurt": five, told apart
    total = _sum_quantities(quantities)
    if plural_verb is False and total.best > 1:
        return None  # "Smith, 28 was killed": a singular verb after a figure means an age
    if plural_verb is True and len(groups) == 1 and total.high == 1:
        return None  # "four men attending a party at a home were injured": "a home" is not who was hurt
    perpetrator = [bool(_PERPETRATOR_RE.search(text, *group)) for group in groups]
    attacker = [bool(_ATTACKER_RE.search(text, *group)) for group in groups]
    if all(perpetrator) or not any(attacker):
        return CasualtyMention(harm, all(perpetrator), total, start, end, groups, weak)
    # "A deputy and a suspect were both shot": the trooper is the victim, the suspect an attacker
    victims = [index for index, is_attacker in enumerate(attacker) if not is_attacker]
    attackers = [index for index, is_attacker in enumerate(attacker) if is_attacker]
    return CasualtyMention(harm, False, _sum_quantities([quantities[i] for i in victims]), start, end,
                           [groups[i] for i in victims], weak, attackers=_sum_quantities([quantities[i] for i in attackers]),
                           attacker_groups=[groups[i] for i in attackers])


def _one_person(text: str, group: tuple[int, int]) -> bool:
    """A name or "the victim": one person, whom an appositive after it only describes."""
    return bool(_NAMED_PERSON_RE.fullmatch(text, *group) or _ONE_DEFINITE_RE.match(text, *group))


def _with_appositive_nouns_joined(text: str, groups: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Jo Roe, a father and husband": the bare noun after "and" is the appositive's one person again,
    not one more (its group is joined to the appositive's, which is then folded into the name)."""
    if len(groups) > 2 and _SHARED_DETERMINER_GROUP_RE.fullmatch(text, *groups[-1]) \
            and re.fullmatch(r"\s+and\s+", text[groups[-2][1]:groups[-1][0]], re.IGNORECASE) \
            and _APPOSITION_RE.match(text, groups[-3][1], groups[-2][1]) and _one_person(text, groups[-3]):
        return groups[:-2] + [(groups[-2][0], groups[-1][1])]
    return groups


def _sum_quantities(quantities: list[Quantity]) -> Quantity:
    """Listed groups added up: the high is unknown when any group's is."""
    high: int | None = 0
    for quantity in quantities:
        high = None if high is None or quantity.high is None else high + quantity.high
    return Quantity(sum(q.low for q in quantities), sum(q.best for q in quantities), high)


def _without_named_appositives(text: str, groups: list[tuple[int, int]], plural_verb: bool | None) -> list[tuple[int, int]]:
    """Names that restate the people before them: "his brother, John Doe" is one person, "two
    guards, Jo Roe, 61, and Al Poe, 63" two."""
    first_quantity = _group_quantity(text[groups[0][0]:groups[0][1]])
    named = [bool(_NAMED_PERSON_RE.fullmatch(text, *g)) for g in groups]
    if first_quantity is None or named[0] or not all(named[1:]):
        return groups
    joined = bool(re.search(r"\b(?:and|as\s+well\s+as)\b", text[groups[0][1]:groups[-1][0]], re.IGNORECASE))
    if first_quantity.best == 1 and len(groups) == 2 and plural_verb is not True and not joined:
        return groups[:1]
    if first_quantity.best > 1 and (first_quantity.best == len(groups) - 1 or not joined):
        return groups[:1]  # "the six victims, County Attorney Jo Roe said": no list without "and"
    return groups


def _with_companions(text: str, mention: CasualtyMention, along: re.Match[str]) -> CasualtyMention:
    """Add the people harmed "along with" the ones a mention counts ("Ann Lee was killed along with her son"),
    keeping the attackers the mention counts apart ("A deputy and a suspect were wounded along with a bystander")."""
    companions = _mention_from_list(text, along.start("along"), along.end("along"), mention.harm, False,
                                    mention.start, along.end(), None)
    if companions is None or companions.perpetrator or mention.perpetrator:
        return mention
    return CasualtyMention(mention.harm, False, _sum_quantities([mention.quantity, companions.quantity]),
                           mention.start, along.end(), mention.groups + companions.groups,
                           attackers=mention.attackers, attacker_groups=mention.attacker_groups)


def _pronoun_means_perpetrator(text: str, pronoun_start: int) -> bool:
    """Whether the last person named before "he"/"she" is an attacker ("the suspect ... He later died")."""
    last = None
    for last in _PERSON_NOUN_RE.finditer(text, max(0, pronoun_start - _PRONOUN_REACH), pronoun_start):
        pass
    return bool(last and last.group("perpetrator"))


# ", striking the driver" tells of a person hit only after a shot: "the gun discharged, striking ...".
_FIRED_BEFORE_RE = re.compile(r"\b(?:fired|firing|fires|shot|shots|shooting|discharged|discharging|went\s+off|opened\s+fire|gunfire|rounds?|bullets?)\b",
                              re.IGNORECASE)
_HARMED_OTHERS_RE = re.compile(r"\b(?:kill|shot(?!gun)|shoot|stabb|murder|slay|slew|attack|open(?:ed)?\s+fire)\w*"
                               r"(?!\s+(?:himself|herself|themselves)\b)", re.IGNORECASE)
_REFLEXIVE_RE = re.compile(r"^(?:himself|herself|themselves)$", re.IGNORECASE)


_ACCIDENT_RE = re.compile(r"\b(?:accident(?:al(?:ly)?)?|unintentional(?:ly)?)\b", re.IGNORECASE)


def _harmed_others_first(text: str, sentence_start: int, position: int) -> bool:
    """Whether one who killed himself is an attacker: a gunman named shortly before, or a violent
    act earlier in his sentence ("killed his wife and then himself"). Otherwise he is the victim of
    a suicide or an accident ("a boy took his own life"), as GVA counts such deaths; one told of as an
    accident ("accidentally shoots, kills himself") harmed nobody else."""
    if _ACCIDENT_RE.search(text, sentence_start, position + 40):
        return False
    if any(m.end() <= position for m in _HARMED_OTHERS_RE.finditer(text, sentence_start, position + 12)):
        return True
    before = _PERPETRATOR_RE.search(text, max(0, position - _PRONOUN_REACH), position)
    return before is not None and before.group(0).lower() not in {"himself", "herself", "themselves"}


_SELF_LISTED_AFTER_RE = re.compile(r"\s*,?\s*(?:and\s+)?(?:then\s+)?(?P<self>himself|herself)\b", re.IGNORECASE)


def _killer_listed_last(text: str, object_start: int, object_end: int) -> tuple[int, int] | None:
    """Where the killer stands when he closes the list of the people he killed ("killed his wife, his
    son and himself", "killed his wife and two daughters and then himself"): he died too, as an attacker."""
    groups = split_groups(text, object_start, object_end)
    if len(groups) > 1 and _REFLEXIVE_RE.match(text[slice(*groups[-1])].strip()):
        return groups[-1]
    after = _SELF_LISTED_AFTER_RE.match(text, object_end)
    return after.span("self") if after else None


def find_casualty_mentions(text: str, start: int, end: int) -> list[CasualtyMention]:
    """Every phrase in ``text[start:end]`` that counts people killed or injured."""
    return list(_cached_casualty_mentions(text, start, end))


@lru_cache(maxsize=512)
def _cached_casualty_mentions(text: str, start: int, end: int) -> tuple[CasualtyMention, ...]:
    """The casualty and victim fillers read the same sentences: match them once."""
    return tuple(_casualty_mentions(text, start, end))


def _checked_only(text: str, after_taken: int) -> bool:
    """True when "taken to the hospital" goes on to say it was only to be looked at ("for a medical clearance")
    and the rest of the sentence names no harm ("for evaluation of his injuries" tells of one)."""
    checked = _CHECKED_ONLY_AFTER_RE.match(text, after_taken)
    if not checked:
        return False
    sentence_end = _SENTENCE_END_RE.search(text, checked.end())
    return not _INJURY_NAMED_RE.search(text, checked.end(), sentence_end.start() if sentence_end else len(text))


def _casualty_mentions(text: str, start: int, end: int) -> list[CasualtyMention]:
    mentions: list[CasualtyMention] = []
    window = text[start:end]
    if not HARM_WORD_RE.search(window):
        return mentions
    if _BACKGROUND_RE.search(window) and not re.search(r"\b(?:today|yesterday|last\s+night|on\s+\w+day)\b", window, re.I):
        background = True
    else:
        background = False
    for match in PASSIVE_RE.finditer(text, start, end):
        harm_words = match.group("harm")
        if harm_words[:1].isupper() and not harm_words.isupper():
            continue  # "Four Dead In Shooting": a headline restating the story (all-caps wire copy is not one)
        harm, weak = _harm_of(harm_words)
        if harm_words.lower().startswith(_TAKEN_TO) and _checked_only(text, match.end()):
            continue  # "taken to a clinic to be cleared and then to jail": not hurt
        aux = match.group(0)[match.end("list") - match.start():match.start("harm") - match.start()].lower()
        if weak and harm == "injured" and _SURVIVED_AFTER_RE.match(text, match.end()):
            weak = False  # "Jo Roe was shot in the leg but survived": hurt, not one of the dead
        if weak and (_FATE_AFTER_RE.match(text, match.end()) or _DIED_WHERE_TAKEN_RE.match(text, match.end())
                     or (re.match(r",?\s+(?:who|that)\b", aux) and _FATE_OF_RELATIVE_RE.match(text, match.end()))):
            harm, weak = "killed", False  # "Lee had been shot twice and was pronounced dead"
        fate = _FATE_OF_RELATIVE_RE.match(text, match.end()) if harm == "injured" and not aux.strip() else None
        if fate and not re.search(r"\b(?:one|two|three|four|of\s+them|another)\b", fate.group(0), re.I):
            harm, weak = "killed", False  # "A teen in hospital since a Sunday shooting has died"
        one_died = _ONE_OF_BEFORE_RE.search(text, max(start, match.start("list") - 12), match.start("list")) \
            if fate and harm == "killed" else None
        if one_died:
            harm, weak = "injured", True  # "One of four men wounded ... has died": one dead among the four hurt
        if harm == "injured" and not weak and aux.strip() and _ALL_BEFORE_RE.search(
                text, max(start, match.start("list") - 5), match.start("list")):
            weak = True  # "all five victims were hurt": everyone harmed, the dead among them ("all three wounded men": the hurt)
        if weak and harm == "injured" and (harm_words.lower().endswith("condition") or (
                harm_words.lower().startswith(_TAKEN_TO) and _CONDITION_AFTER_RE.match(text, match.end()))):
            weak = False  # "rushed to a hospital in critical condition": alive, unless the report goes on to a death
        mention_end = fate.end() if fate and harm == "killed" else match.end()
        passive = bool(_BE_OR_HAVE_RE.search(aux))
        if harm_words.lower() in {"dead", "deceased"} and not passive and _ADJECTIVE_AFTER_RE.match(text, match.end()):
            continue
        agent = weak and (aux.strip(" ,") in {"who", "that"} or _ANY_PRONOUN_RE.match(match.group("list")))
        if not passive and (agent or _OBJECT_AFTER_RE.match(text, match.end())
                            or (harm == "killed" and _SELF_OBJECT_AFTER_RE.match(text, match.end()))):
            continue  # "he shot", "troopers who shot", "who shot a man": the shooter, nobody hurt
        if weak and not passive and _PERPETRATOR_RE.search(text, match.start("list"), match.end("list")):
            continue  # "the gunman shot at the fire pit": without "was" a bare "shot" is his act
        if harm_words.lower().endswith("condition") and _REFLEXIVE_RE.match(match.group("list")):
            continue  # "drove himself in fair condition to a clinic": the one shot, told of already, no attacker
        if harm_words.lower() == "shot" and not aux.strip() and _SHOTS_FIRED_BEFORE_RE.search(
                text, max(start, match.start("harm") - 40), match.start("harm")):
            continue  # "the officer returned one shot", "heard two shots": the shots fired, not people
        if harm_words.lower() in ("shot", "stabbed", "hit", "struck", "grazed") and not aux.strip() and not _PLAIN_PERSON_RE.search(text, match.start("list"), match.end("list")):
            continue  # "a clear shot", "returned one shot", "Juan Doe shot into the house": no one hit
        plural = None if not aux.strip() else False if re.search(r"\b(?:was|has|is|remains)\b", aux) \
            else True if re.search(r"\b(?:were|are|have|remain)\b", aux) else None
        mention = _mention_from_list(text, match.start("list"), match.end("list"), harm, weak,
                                     match.start(), mention_end, plural)
        if mention is None:
            continue
        along = _ALONG_WITH_RE.match(text, match.end()) if not weak else None
        if along is not None:
            mention = _with_companions(text, mention, along)
        if _REFLEXIVE_RE.match(match.group("list")):  # "shot himself dead": an attacker only after harming others
            mention.perpetrator = _harmed_others_first(text, start, match.start())
        if _PRONOUN_RE.match(text[match.start("list"):match.end("list")]):
            mention.perpetrator = _pronoun_means_perpetrator(text, match.start("list"))
            if harm == "injured":
                mention.weak = True  # "she was hurt": maybe a victim already counted
        mentions.append(mention)
        if one_died:
            mentions.append(CasualtyMention("killed", False, Quantity(1, 1, 1), one_died.start(), fate.end()))
        _add_dead_among(text, mention, mentions)
    for match in ACTIVE_RE.finditer(text, start, end):
        verb = " ".join(match.group("verb").lower().split())
        if _HYPOTHETICAL_BEFORE_RE.search(text, max(start, match.start() - 40), match.start()):
            continue  # "within inches of possibly killing the trooper": nobody harmed
        if _CHARGE_BEFORE_RE.search(text, max(start, match.start() - 40), match.start()):
            continue  # "four counts of malicious wounding of deputies": the charge, not the toll
        if verb in {"kill", "wound", "injure"} and not any(match.start() in (pair.start(), pair.start("second"))
                                                          for pair in _KILL_AND_WOUND_RE.finditer(text, start, end)
                                                          if not _INTENT_BEFORE_RE.search(text, max(start, pair.start() - 40),
                                                                                          pair.start())):
            continue  # a bare "kill" or "wound" is a wish or a threat, unless the two tell a toll together
        if verb in {"left", "leaving"}:
            if not match.group("state"):
                continue
            harm: Harm = "killed" if match.group("state").lower() == "dead" else "injured"
        else:
            harm = "killed" if re.search(r"kill|dead|death|lives|(?<!non-)(?<!non)fatal|mortal|slay|murder|homicide|gunn|bod", verb) \
                else "injured"
        # "the shooting of a teen", "a bullet hit Ann Doe": maybe the one killed
        weak = verb == "shooting of" or bool(re.search(r"\b(?:hit|struck|pierced|grazed)$|^(?:striking|hitting|grazing)$", verb))
        fired = None  # the last "fired"/"opened fire" before a "striking", and so who fired
        if verb in {"striking", "hitting", "grazing"}:
            shots = list(_FIRED_BEFORE_RE.finditer(text, max(start, match.start() - 120), match.start()))
            if not shots:
                continue  # "the car veered, striking a pole": only a shot fired strikes people here
            fired = shots[-1]
        if re.match(r"ricochet|went|discharg|fired|striking|hitting|grazing|(?:bullets?|rounds?|shots?|gunfire)\s+(?:hit|struck|pierced|grazed)\b", verb) and not (
                _PLAIN_PERSON_RE.search(text, match.start("object"), match.end("object"))
                or _ANY_PRONOUN_RE.match(match.group("object")) or _NAMED_PERSON_RE.fullmatch(match.group("object"))):
            continue  # "the rifle fired and struck a tree", "a bullet hit a squad car": only a person hit is hurt
        object_end, mention_end = match.end("object"), match.end()
        last = _LAST_FIGURE_RE.search(text, match.start("object"), object_end)
        if last is not None and _HOW_HARMED_RE.match(text, object_end):
            object_end = mention_end = last.start()  # "wounding four people, one critically": the one is among the four
        mention = _mention_from_list(text, match.start("object"), object_end, harm, weak,
                                     match.start(), mention_end, None)
        if mention and harm == "killed" and _REFLEXIVE_RE.match(match.group("object")):
            # "killing himself": an attacker only after harming others, else a suicide or an accident
            mention.perpetrator = _harmed_others_first(text, start, match.start())
        elif mention and harm == "killed" and (killer := _killer_listed_last(text, match.start("object"), object_end)):
            mentions.append(CasualtyMention("killed", True, Quantity(1, 1, 1), *killer))
        if mention and verb in {"striking", "hitting", "grazing"} and _ANY_PRONOUN_RE.match(match.group("object")):
            # "fired at the suspect, striking him"; but in "the robbers opened fire, grazing him" the robbers fired
            mention.perpetrator = _pronoun_means_perpetrator(text, match.start("object")) and not (
                fired is not None and not _PERSON_NOUN_RE.search(text, fired.end(), match.start()))
        if mention:
            mentions.append(mention)
            _add_dead_among(text, mention, mentions)  # "wounding four people, one fatally"
    opening = _SENTENCE_OPENING_RE.match(text, start, end)
    inverted = INVERTED_RE.match(text, opening.end(), end) if opening else None
    if inverted is not None:  # "Also wounded were four patrons", "Injured in the gunfire was a boy"
        harm, weak = _harm_of(inverted.group("harm"))
        plural = True if inverted.group("be").lower() in {"were", "are"} else None  # "was a boy and a woman": agrees with the first
        mention = _mention_from_list(text, inverted.start("object"), inverted.end("object"), harm, weak,
                                     inverted.start(), inverted.end("object"), plural)
        if mention is not None and not any(m.start <= inverted.start("object") < m.end for m in mentions):
            mentions.append(mention)
    for match in LEFT_RE.finditer(text, start, end):
        if match.group(0)[:1].lower() in "se" and not _PLAIN_PERSON_RE.search(text, match.start("object"), match.end("object")):
            continue  # "sent two letters to the hospital": only people sent there were hurt
        harm = "killed" if _LEFT_DEAD_RE.match(match.group("state")) else "injured"
        mention = _mention_from_list(text, match.start("object"), match.end("object"), harm, False,
                                     match.start(), match.end("state"), None)
        if mention is None:
            continue
        if not any(m.start == match.start() for m in mentions):
            mentions.append(mention)
        if match.group("second") and not mention.perpetrator:
            second_harm: Harm = "killed" if _LEFT_DEAD_RE.match(match.group("second_state")) else "injured"
            found = quantity_at(match.group("second"))
            if found is not None and second_harm != harm and not any(m.start <= match.start("second") < m.end for m in mentions):
                mentions.append(CasualtyMention(second_harm, False, found[0], match.start("second"), match.end()))
    for match in SHOT_OBJECT_RE.finditer(text, start, end):
        mention = _mention_from_list(text, match.start("object"), match.end("object"), "injured", True,
                                     match.start(), match.end(), None)
        if mention and not any(m.start <= match.start() < m.end for m in mentions):
            mentions.append(mention)
            _add_dead_among(text, mention, mentions)
    for match in TRANSPORTED_RE.finditer(text, start, end):
        if _checked_only(text, match.end()) or not _PLAIN_PERSON_RE.search(text, match.start("object"), match.end("object")):
            continue  # "took him to a hospital to be checked", "took the car to a hospital": nobody said hurt
        if match.group("object").lower().startswith("the ") and re.search(
                r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?" + re.escape(match.group("object").split()[-1]) + r"\b", text[:match.start()], re.IGNORECASE):
            continue  # "a woman was shot ... Medics took the woman to a hospital": one told of already, nobody new
        mention = _mention_from_list(text, match.start("object"), match.end("object"), "injured", True,
                                     match.start(), match.end(), None)
        if mention and not any(m.start <= match.start("object") < m.end for m in mentions):
            mentions.append(mention)
    for match in POSSESSED_INJURY_RE.finditer(text, start, end):
        mention = _mention_from_list(text, match.start("object"), match.end("object"), "injured", False,
                                     match.start(), match.end(), False)
        if mention and not any(m.start <= match.start("object") < m.end for m in mentions):
            mentions.append(mention)
    for match in TOLL_RE.finditer(text, start, end):
        counted = re.match(NUMBER_RE, match.group("count"), re.IGNORECASE)
        quantity = parse_quantity(counted) if counted else None
        if quantity and not _YEAR_RE.match(match.group("count")):
            mentions.append(CasualtyMention("killed", False, quantity, match.start(), match.end()))
    for match in MULTIPLE_RE.finditer(text, start, end):
        times = _TIMES[match.group("times").lower()]
        harm = "killed" if match.group("killed") else "injured"
        mentions.append(CasualtyMention(harm, False, Quantity(times, times, times), match.start(), match.end(),
                                        weak=harm == "injured"))
    bodies = BODY_RE.finditer(text, start, end) if _BODY_WORD_RE.search(window) else ()
    for match in bodies:
        counted = match.group("count") or match.group("list")
        found = quantity_at(counted) if counted else (Quantity(1, 1, 1), 0)
        if found is not None:
            mentions.append(CasualtyMention("killed", False, found[0], match.start(), match.end()))
    for match in ORDINAL_VICTIM_RE.finditer(text, start, end):
        times = _ORDINALS[match.group("ordinal").lower()]
        mentions.append(CasualtyMention("injured", False, Quantity(times, times, times), match.start(), match.end(), weak=True))
    for match in ACCIDENTAL_SELF_RE.finditer(text, start, end):  # hurt, unless the report says he died
        mentions.append(CasualtyMention("injured", False, Quantity(1, 1, 1), match.start(), match.end(), weak=True))
    for match in SELF_HARM_RE.finditer(text, start, end):
        mentions.append(CasualtyMention("killed", _harmed_others_first(text, start, match.start()), Quantity(1, 1, 1),
                                        match.start(), match.end()))
    for match in THEN_SELF_RE.finditer(text, start, end):
        if not any(m.perpetrator and m.harm == "killed" and m.start <= match.start("self") < m.end for m in mentions):
            mentions.append(CasualtyMention("killed", True, Quantity(1, 1, 1), match.start("self"), match.end("self")))
    mentions = [m for m in mentions if m.quantity.best <= 1 or not (
        _ROUNDUP_AFTER_RE.match(text, m.end) or _ROUNDUP_BEFORE_RE.search(text, max(start, m.start - 80), m.start))]
    mentions = [m for m in mentions if not _COMPARED_BEFORE_RE.match(text, start, m.start)]
    mentions += [CasualtyMention(m.harm, True, m.attackers, m.start, m.end, m.attacker_groups, m.weak)
                 for m in mentions if m.attackers is not None]
    if background and not all(_dates_one_person(marker, mentions) for marker in _BACKGROUND_RE.finditer(text, start, end)):
        return [m for m in mentions if m.quantity.best <= 1 or m.perpetrator]
    return mentions


def _dates_one_person(marker: re.Match[str], mentions: list[CasualtyMention]) -> bool:
    """Whether a past time right after one person's harm dates that person alone: in "a march for a teen slain
    in 2019 ended when gunfire killed two and hurt five" the year is the teen's death's, the figures are now."""
    return any(m.quantity.best == 1 and not m.perpetrator and 0 <= marker.start() - m.end <= 1 for m in mentions)


def find_none_mentions(text: str, start: int, end: int) -> list[tuple[Harm, int, int]]:
    """Phrases saying nobody was harmed: ("injured", start, end) for "no one was hurt"."""
    found: list[tuple[Harm, int, int]] = []
    for match in NONE_RE.finditer(text, start, end):
        word = (match.group("harm") or match.group("noun") or match.group("without")).lower()
        if word == "casualties":
            found += [("killed", match.start(), match.end()), ("injured", match.start(), match.end())]
        else:
            found.append(("killed" if word in {"killed", "deaths", "fatalities"} else "injured", match.start(), match.end()))
    return found


def _count(mention: CasualtyMention | None, text: str, adjust: int = 0) -> Count:
    if mention is None:
        return Count()
    quantity = mention.quantity
    best = max(quantity.best - adjust, 0)
    return Count(best=best, low=max(quantity.low - adjust, 0),
                 high=None if quantity.high is None else max(quantity.high - adjust, 0),
                 evidence=[Evidence.of(text, mention.start, mention.end)])


def _highest(mentions: list[CasualtyMention]) -> CasualtyMention | None:
    """The highest figure; on a tie the later one (an updated toll restates the earlier)."""
    best: CasualtyMention | None = None
    for mention in mentions:
        if best is None or mention.quantity.best >= best.quantity.best:
            best = mention
    return best


def _headline(frame: IncidentFrame) -> tuple[str, Literal["text", "title"], int] | None:
    """The headline: the article's title, or the text's first sentence when the page glued the title
    to the body; with its field and where it ends."""
    if frame.article.title:
        return frame.article.title, "title", len(frame.article.title)
    if frame.sentences and frame.sentences[0].start_char == 0:
        return frame.text, "text", frame.sentences[0].end_char
    return None


def _headline_quantity(count: str | None, noun: str | None) -> Quantity | None:
    """A headline's figure: the number it gives, or one for a singular person ("Man", "6-year-old")."""
    if count:
        found = quantity_at(count)
        return None if found is None or _YEAR_RE.match(count) else found[0]
    return Quantity(1, 1, 1) if noun and not _UNCOUNTED_PLURAL_RE.search(noun) else None


_SHOOTS_SELF_RE = re.compile(r"shoots\s", re.IGNORECASE)
# Commas part the people listed, but not an age between commas ("Man, 25, shot").
_HEADLINE_SEPARATOR_RE = re.compile(r"\s*,(?!\s*\d{1,3}(?:,|$))\s*|,?\s+(?:and|&)\s+", re.IGNORECASE)


def _headline_list_quantity(words: str) -> Quantity | None:
    """The people a headline lists, added up ("2 girls, 3 men" is five); None when one of them is not counted."""
    quantities = []
    for part in _HEADLINE_SEPARATOR_RE.split(words.rstrip(", ")):
        group = HEADLINE_GROUP_RE.fullmatch(part)
        quantity = _headline_quantity(group.group("count"), group.group("noun")) if group else None
        if quantity is None:
            return None
        quantities.append(quantity)
    return _sum_quantities(quantities)


_SHOOTS_THEN_KILLING_RE = re.compile(r"^(?:shoots|shot|hits|strikes)\b[^,;:|]*,\s*$", re.IGNORECASE)
_KILLING_RE = re.compile(r"killing\b", re.IGNORECASE)
# "Man shoots 2, kills 1": bare figures on both verbs, the dead among the shot; "shoots wife, kills son" are two people.
_SHOOTS_FIGURE_THEN_KILLS_RE = re.compile(r"^(?:shoots|shot|hits|strikes)\s+(?:" + NUMBER_PATTERN + r")\s*,\s*$", re.IGNORECASE)
_KILLS_FIGURE_RE = re.compile(r"(?:kills|killed)\s+(?:" + NUMBER_PATTERN + r")(?![\w-])", re.IGNORECASE)


def _shot_less_the_killed(source: str, found: list[tuple[Harm, Quantity, int, int]]) -> list[tuple[Harm, Quantity, int, int]]:
    """"Man shoots 4 relatives, killing 2", "Man shoots 2, kills 1": the dead are among those shot, so two
    (one) were hurt."""
    killed = next((f for f in found if f[0] == "killed"), None)
    injured = next((f for f in found if f[0] == "injured"), None)
    if killed is None or injured is None:
        return found
    between = source[injured[2]:killed[2]]
    if not (_KILLING_RE.match(source, killed[2]) and _SHOOTS_THEN_KILLING_RE.match(between)) \
            and not (_KILLS_FIGURE_RE.match(source, killed[2]) and _SHOOTS_FIGURE_THEN_KILLS_RE.match(between)):
        return found
    left = injured[1].best - killed[1].best
    rest = [f for f in found if f is not injured]
    if left <= 0:
        return rest
    high = None if injured[1].high is None or killed[1].high is None else max(injured[1].high - killed[1].high, left)
    return rest + [("injured", Quantity(max(injured[1].low - killed[1].best, 0), left, high), injured[2], injured[3])]


def headline_counts(frame: IncidentFrame) -> list[tuple[Harm, Count]]:
    """The harms and counts the headline states: "Man shot, killed on west side" is one killed,
    "Gunman slays deputy, wounds two officers" one killed and two injured."""
    headline = _headline(frame)
    if headline is None:
        return []
    source, field, end = headline
    found: list[tuple[Harm, Quantity, int, int]] = []
    match = HEADLINE_RE.search(source, 0, end)
    if match is not None and not (_SHOOTS_SELF_RE.match(match.group("harm")) and _HEADLINE_KILLED_RE.search(source, 0, end)):
        quantity = _headline_list_quantity(match.group("list"))  # "Man shoots self after killing wife": the killer
        harm: Harm = "killed" if _HEADLINE_KILLED_RE.search(match.group("harm")) else "injured"
        if quantity is not None:
            found.append((harm, quantity, match.start("list"), match.end("harm")))
    for bare in HEADLINE_BARE_COUNT_RE.finditer(source, 0, end):  # "1 dead, 4 hurt after shooting"
        quantity = _headline_quantity(bare.group("count"), None)
        harm = "killed" if _HEADLINE_KILLED_RE.search(bare.group("harm")) else "injured"
        if quantity is not None and all(h != harm for h, *_ in found):
            found.append((harm, quantity, bare.start("count"), bare.end("harm")))
    for active in HEADLINE_ACTIVE_RE.finditer(source, 0, end):
        quantity = _headline_quantity(active.group("count"), active.group("noun"))
        stop = active.end()
        while quantity is not None and (more := _HEADLINE_MORE_RE.match(source, stop, end)):
            added = _headline_quantity(more.group("count"), more.group("noun"))  # "kills wife, son": two
            if added is None:
                break
            quantity, stop = _sum_quantities([quantity, added]), more.end()
        harm = "killed" if _HEADLINE_KILLED_RE.search(active.group("verb")) else "injured"
        if quantity is not None and all(h != harm for h, *_ in found):
            found.append((harm, quantity, active.start(), stop))
    for active in HEADLINE_ACTIVE_BARE_RE.finditer(source, 0, end):
        quantity = _headline_quantity(active.group("count"), None)
        harm = "killed" if _HEADLINE_KILLED_RE.search(active.group("verb")) else "injured"
        if quantity is not None and all(h != harm for h, *_ in found):
            found.append((harm, quantity, active.start(), active.end()))
    killings = HEADLINE_KILLINGS_RE.search(source, 0, end)
    if killings is not None and (_TALLY_BEFORE_RE.search(source, max(0, killings.start() - 20), killings.start())
                                 or _TALLY_AFTER_RE.match(source, killings.end(), end)):
        killings = None
    quantity = _headline_quantity(killings.group("count"), None) if killings else None
    if killings is not None and quantity is not None and all(h != "killed" for h, *_ in found):
        found.append(("killed", quantity, killings.start(), killings.end()))
    death = HEADLINE_DEATH_RE.search(source, 0, end)
    if death is not None and all(h != "killed" for h, *_ in found):
        found.append(("killed", Quantity(1, 1, None), death.start(), death.end()))
    for mention in find_casualty_mentions(source, 0, end):  # "Two men killed, 8 wounded in ..."
        if not mention.perpetrator and not mention.weak and all(h != mention.harm for h, *_ in found):
            found.append((mention.harm, mention.quantity, mention.start, mention.end))
    found = _shot_less_the_killed(source, found)
    return [(harm, Count(best=q.best, low=q.low, high=q.high, evidence=[Evidence.of(source, start, stop, field=field)]))
            for harm, q, start, stop in found
            if q.best <= 1 or not _ROUNDUP_AFTER_RE.match(source, stop)]  # "3 dead, 9 hurt in holiday shootings"


_OTHERS_RE = re.compile(r"\b(?:others?|another|more|additional)\b", re.IGNORECASE)
_ALSO_RE = re.compile(r"\balso\b", re.IGNORECASE)
_JOINED_AFTER_DEATH_RE = re.compile(r"\s*[,;]?\s*(?:and|while|as|but)\s+$", re.IGNORECASE)


def _others_than_the_dead(text: str, weak: CasualtyMention, mentions: list[CasualtyMention]) -> bool:
    """Whether the people a bare "shot" counts are not the dead: "two other men were shot", or
    "A man was killed and two women were shot", where the clause follows the death's own."""
    if ORDINAL_VICTIM_RE.match(text, weak.start):
        return False  # "a fourth victim": the four include the dead
    if any(_OTHERS_RE.search(text, start, end) for start, end in weak.groups):
        return True
    if weak.groups and _ALSO_RE.search(text, weak.groups[-1][1], weak.end):
        return True  # "A man was killed. Two women were also shot": others than the dead
    return any(m.harm == "killed" and not m.perpetrator and m.end <= weak.start
               and _JOINED_AFTER_DEATH_RE.fullmatch(text, m.end, weak.start) for m in mentions)


# People told of as more than those already counted: "two others were wounded", "another man was shot",
# "her husband was also hurt"; but "the other man" restates one already counted.
_ADDED_PEOPLE_RE = re.compile(r"\b(?:others?|another|more|additional|also)\b", re.IGNORECASE)
_RESTATED_RE = re.compile(r"\b(?:the|those|these|both)\s+(?:[\w-]+\s+)?(?:others?|second|third)\b", re.IGNORECASE)
# A group split in two: "One of them remains hospitalized, and the other five were released" tells of six hurt,
# the part first ("one of them", "two of the victims") and then the rest ("the other five", "the remaining two").
_PART_OF_GROUP_RE = re.compile(r"(?:" + NUMBER_PATTERN + r")\s+of\s+(?:them|those|the\s+(?:[\w-]+\s+)?[\w-]+)\b", re.IGNORECASE)
_REST_OF_GROUP_BEFORE_RE = re.compile(r"\bthe\s+(?:other|remaining)\s+$", re.IGNORECASE)
_NEXT_SENTENCE_AT_MOST_RE = re.compile(r"[^.;!?]*(?:[.;!?][^.;!?]*)?")


def _enumerated_injured(text: str, mentions: list[CasualtyMention], killed: int) -> tuple[int, list[CasualtyMention]] | None:
    """The hurt told of in two pieces, when no phrase gives their total: "the manager was grazed ...
    two others were wounded" is three, "A man was hurt. Another man was shot in the leg" two. The
    pieces are one person first told of and the first people told of as others after him; later
    "another"s mostly go through the same people one by one, so they are not added. A bare "shot"
    may be the one who died: it starts the sum only when nobody did."""
    hurt = sorted((m for m in mentions if m.harm == "injured" and not m.perpetrator), key=lambda m: m.start)
    for part, rest in zip(hurt, hurt[1:]):
        if (part.groups and rest.groups and _PART_OF_GROUP_RE.match(text, part.groups[0][0])
                and _REST_OF_GROUP_BEFORE_RE.search(text, max(0, rest.groups[0][0] - 20), rest.groups[0][0])
                and _NEXT_SENTENCE_AT_MOST_RE.fullmatch(text, part.end, rest.start)):
            return part.quantity.best + rest.quantity.best, [part, rest]
    for index, mention in enumerate(hurt):
        if not mention.groups or _RESTATED_RE.search(text, mention.start, mention.end):
            continue
        if any(_ANY_PRONOUN_RE.match(text[g_start:g_end]) for g_start, g_end in mention.groups):
            continue  # "he was also shot in the leg": the same man again
        # The marker before the first person or after the last: "Jo Roe and another man were shot" counts Jo Roe too
        marker = (_ADDED_PEOPLE_RE.search(text, mention.start, mention.groups[0][1])
                  or _ADDED_PEOPLE_RE.search(text, mention.groups[-1][1], mention.end))
        if marker is None or (mention.weak and killed and marker.group(0).lower() == "also"):
            continue  # "Jo Roe also had gunshot wounds" after a death: maybe the one who died
        if any(m.harm == "killed" and not m.perpetrator and m.end <= mention.start
               and _JOINED_AFTER_DEATH_RE.fullmatch(text, m.end, mention.start) for m in mentions):
            continue  # "Two were killed and another is in serious condition": another than the dead
        first = [m for m in hurt[:index] if m.end <= mention.start and m.quantity.best == 1
                 and not ORDINAL_VICTIM_RE.match(text, m.start) and (not m.weak or not killed)]
        parts = first[:1] + [mention]
        return sum(m.quantity.best for m in parts), parts
    return None


_ALSO_BEFORE_RE = re.compile(r"\balso\s+(?:(?-i:[a-z]+ly)\s+)?$", re.IGNORECASE)
# Who an "also" adds must be a person: "a dog was also killed" is none.
_PERSON_HEAD_RE = re.compile(r"\b(?:" + PERSON_NOUNS + r"|\d{1,3}-(?:year|month|week)[\s-]old)(?:\s*,\s*\d{1,3}\s*,?)?"
                             r"(?:\s+in\s+(?:his|her|their)\s+(?:early\s+|mid-?|late\s+)?\d0s)?$", re.IGNORECASE)
# A death by one's own hand is the killer's: "Her husband was also found dead of a self-inflicted wound".
_OWN_HAND_RE = re.compile(r"\bself-inflicted\b|\bsuicide\b|\bown\s+li(?:fe|ves)\b|\bon\s+(?:himself|herself|themselves)\b|"
                          r"\b(?:killed|shot)\s+(?:himself|herself|themselves)\b", re.IGNORECASE)
# A weekday in the "also" sentence other than the one the report gave before: another day's death.
_WEEKDAY_RE = re.compile(r"\b" + _WEEKDAY + r"\b")


def _also_killed(text: str, frame: IncidentFrame, mentions: list[CasualtyMention]) -> tuple[int, list[CasualtyMention]] | None:
    """The dead told of in two pieces: "Officers fatally shot Jo Roe. One officer also shot and killed a neighbour"
    is two, "Al Poe was killed. His brother was also killed" two. The first people told of as "also" killed after
    one person are added to him, unless they restate him; later "also"s are not added."""
    headline = _headline(frame)
    headline_end = headline[2] if headline is not None and headline[1] == "text" else 0
    dead = sorted((m for m in mentions if m.harm == "killed" and not m.perpetrator and not m.weak and m.start >= headline_end),
                  key=lambda m: m.start)
    for index, mention in enumerate(dead):
        if not mention.groups or any(_ANY_PRONOUN_RE.match(text[slice(*g)]) for g in mention.groups):
            continue
        if not (_ALSO_RE.search(text, mention.groups[-1][1], mention.end)
                or _ALSO_BEFORE_RE.search(text, max(0, mention.start - 30), mention.start)):
            continue
        earlier = [m for m in dead[:index] if m.end <= mention.start]
        if not earlier or any(m.quantity.best != 1 for m in earlier) or _RESTATED_RE.search(text, mention.start, mention.end) \
                or any(_restates(text, mention, m) for m in earlier):
            return None  # after a toll ("three dead ... Jo Roe was also killed") the one "also" killed is among them
        if not all(_PERSON_HEAD_RE.search(text[slice(*g)]) or _NAMED_PERSON_RE.fullmatch(text[slice(*g)]) for g in mention.groups):
            continue  # "A dog was also killed"
        sentence = next((s for s in frame.sentences if s.start_char <= mention.start < s.end_char), None)
        sentence_start, sentence_end = (sentence.start_char, sentence.end_char) if sentence is not None else (mention.start, mention.end)
        if _OWN_HAND_RE.search(text, sentence_start, sentence_end):
            continue  # the killer found dead by his own hand
        told_before = {day.group(0) for day in _WEEKDAY_RE.finditer(text, 0, sentence_start)}
        if (told_before and any(day.group(0) not in told_before for day in _WEEKDAY_RE.finditer(text, sentence_start, sentence_end))) \
                or _BACKGROUND_RE.search(text, sentence_start, sentence_end):
            continue  # "On Tuesday a woman was also killed" after a Saturday's death, "killed in 2019": another time's death
        return 1 + mention.quantity.best, [earlier[0], mention]
    return None


# Two clauses of one sentence, each telling one person's harm: "Jo Roe was shot in the arm and Al Poe was hit in the leg".
_CLAUSES_JOINED_RE = re.compile(r"[^.;!?]{0,80}?(?:,\s*|\s+)(?:and|while|whereas)\s+$", re.IGNORECASE)


def _restates(text: str, later: CasualtyMention, earlier: CasualtyMention) -> bool:
    """Whether the later people are the earlier ones again: the same words, or "the man" after "a man"."""
    later_words = [text[slice(*g)].lower().split() for g in later.groups]
    earlier_words = [text[slice(*g)].lower().split() for g in earlier.groups]
    return later_words == earlier_words or any(
        words[0] == "the" and any(words[-1] == before[-1] for before in earlier_words) for words in later_words)


# A day of a month ("the night of May 10", "on Oct. 3"): a time of its own, told apart from "late Tuesday".
_MONTH_DAY_RE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                           r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+\d{1,2}\b")


def _sentence_around(frame: IncidentFrame, position: int) -> tuple[int, int]:
    """The span of the frame's sentence holding a position (the position alone when none does)."""
    return next(((s.start_char, s.end_char) for s in frame.sentences if s.start_char <= position < s.end_char), (position, position))


def _dated(text: str, span: tuple[int, int]) -> bool:
    """Whether a sentence names a past time or a day of a month."""
    return bool(_BACKGROUND_RE.search(text, *span) or _MONTH_DAY_RE.search(text, *span))


def _deaths_told_apart(frame: IncidentFrame, shot: CasualtyMention, mentions: list[CasualtyMention]) -> bool:
    """Whether every death the report tells is dated as another act than the shooting a bare "N were shot"
    tells of: "Three people were shot Friday. ... the men who killed Jo Roe on May 10" or "... last year a man
    was killed there" leave all three alive, the death the background's. One person shot is most likely the
    one who died, however his death is dated; so is one told as of the shot ("one of the men died on May 12")."""
    deaths = [m for m in mentions if m.harm == "killed" and not m.perpetrator]
    if any(death.groups and _PART_OF_GROUP_RE.match(frame.text, death.groups[0][0]) for death in deaths):
        return False
    shot_sentence = _sentence_around(frame, shot.start)
    if shot.quantity.best < 2 or not deaths or _dated(frame.text, shot_sentence):
        return False
    return all(_sentence_around(frame, death.start) != shot_sentence and _dated(frame.text, _sentence_around(frame, death.start))
               for death in deaths)


def _hurt_one_by_one(text: str, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """The hurt named one by one in joined clauses of a sentence, added up: each clause tells of one
    person (a figure may be a total or a part of one), so no single phrase holds their total. A "he"/"she" may restate the first, so it ends the run."""
    hurt = sorted((m for m in mentions if m.harm == "injured" and not m.perpetrator and len(m.groups) == 1 and m.quantity.best == 1
                   and not re.fullmatch(NUMBER_RE, text[slice(*m.groups[0])], re.IGNORECASE)), key=lambda m: m.start)  # "and one was critical": one of them
    runs: list[list[CasualtyMention]] = []
    for mention in hurt:
        previous = runs[-1][-1] if runs else None
        if (previous is not None and previous.end <= mention.start and _CLAUSES_JOINED_RE.fullmatch(text, previous.end, mention.start)
                and not any(_ANY_PRONOUN_RE.match(text[slice(*g)]) for g in mention.groups)
                and not any(_restates(text, mention, m) for m in runs[-1])):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    summed = []
    for run in runs:
        if len(run) > 1:
            summed.append(CasualtyMention("injured", False, _sum_quantities([m.quantity for m in run]), run[0].start, run[-1].end,
                                          [g for m in run for g in m.groups], weak=any(m.weak for m in run)))
    return summed


_MURDER_SUICIDE_RE = re.compile(r"\b(?:murder|homicide)[\s-]+suicide\b", re.IGNORECASE)
_SELF_RE = re.compile(r"\b(?:himself|herself|his\s+own\s+life|her\s+own\s+life)\b", re.IGNORECASE)
_ACT_OF_KILLING_RE = re.compile(r"^(?:killing|killed|kills|murder|shot\s+and\s+killed|fatally|mortally|shooting\s+and\s+killing|gunn)", re.IGNORECASE)


def _killers_who_died_by_their_own_hand(text: str, frame: IncidentFrame, mentions: list[CasualtyMention]) -> None:
    """One who killed himself is the attacker, not a victim, when the report tells of a murder-suicide
    or of others he killed ("shot his wife and two sons. ... He then killed himself"), even in another
    sentence than the killings."""
    selves = [m for m in mentions if m.harm == "killed" and not m.perpetrator and m.quantity.best == 1
              and _SELF_RE.search(text, m.start, m.end) and not _ACCIDENT_RE.search(text, max(0, m.start - 80), m.end)]
    if not selves:
        return
    whole = " ".join(text[s.start_char:s.end_char] for s in frame.sentences)
    others = [m for m in mentions if m.harm == "killed" and not m.perpetrator and m not in selves
              and not _SELF_RE.search(text, m.start, m.end)
              and (m.quantity.best >= 2 or _ACT_OF_KILLING_RE.match(text[m.start:m.end]))]
    if others or _MURDER_SUICIDE_RE.search(whole):
        for mention in selves:
            mention.perpetrator = True


_ONE_OF_RE = re.compile(r"one\s+of\b", re.IGNORECASE)
# Who died, told of as one of the people already counted: "the victim", "the 19-year-old", "one of them", "he".
_ONE_OF_COUNTED_RE = re.compile(r"one\s+of\s+(?:the|those|these)\s+(?P<count>" + NUMBER_PATTERN + r")\b", re.IGNORECASE)
_ANAPHORIC_DEAD_RE = re.compile(
    r"(?:the|one\s+of\s+(?:them|those|the)|he|she)\b(?![^,;]*\b(?:other|another|second|third)\b)", re.IGNORECASE)


def _dead_among_the_hurt(text: str, frame: IncidentFrame, hurt: CasualtyMention, mentions: list[CasualtyMention]) -> bool:
    """Whether the dead are some of the hurt, told of again: "Two people were wounded ... The
    19-year-old victim died" is one hurt and one dead. So only when every death the body tells comes
    after the hurt and points back to people already counted, and the hurt are not told of as others
    than the dead ("two others were wounded"); a death in a headline glued to the body is the same one."""
    if any(_OTHERS_RE.search(text, start, end) for start, end in hurt.groups):
        return False
    if any(m.harm == "injured" and not m.perpetrator and m.quantity.best > hurt.quantity.best for m in mentions):
        return False  # "Nine were wounded ... ten taken to hospital. One of those died": the nine are the living
    if any(m.harm == "killed" and m.groups and (one_of := _ONE_OF_COUNTED_RE.match(text, *m.groups[0]))
           and (counted := quantity_at(one_of.group("count"))) and counted[0].best == hurt.quantity.best for m in mentions):
        return True  # "One of the five people hospitalized has died", however the two are ordered
    headline = _headline(frame)
    headline_end = headline[2] if headline is not None and headline[1] == "text" else 0
    dead = [m for m in mentions if m.harm == "killed" and not m.perpetrator and m.start >= headline_end]
    if not dead or any(m.start < hurt.end for m in dead):
        return False
    for mention in dead:
        if not mention.groups or not _ANAPHORIC_DEAD_RE.match(text, mention.groups[0][0], mention.groups[-1][1]):
            return False
        if _PRONOUN_RE.match(text[slice(*mention.groups[0])]) and _ATTACKER_RE.search(
                text, max(0, mention.start - _PRONOUN_REACH), mention.start):
            return False  # "The gunman fired, injuring nine people. He was shot dead": maybe the gunman
        if _ONE_OF_RE.match(text, *mention.groups[0]) and hurt.quantity.best < 2:
            return False  # "Jo Roe was found injured. One of the daughters was found dead": one of others
    return True


_THE_ONE_RE = re.compile(r"the\s+(?:\d{1,3}-(?:year|month|week)[\s-]old\s+)?(?P<noun>boy|girl|child|victim|man|woman|teen|teenager|toddler|baby|infant)",
                         re.IGNORECASE)


def _the_dead_one_again(text: str, hurt: CasualtyMention, mentions: list[CasualtyMention]) -> bool:
    """Whether the one hurt is the one who died, told of again: "he was pronounced dead ... found the boy
    wounded". Only one died, every hurt is "the boy" (no "other"), and the dead are told of as "he" or
    by the same noun."""
    dead = [m for m in mentions if m.harm == "killed" and not m.perpetrator]
    hurt_all = [m for m in mentions if m.harm == "injured" and not m.perpetrator and not m.weak]
    if hurt.quantity.best != 1 or sum(1 for m in dead if m.quantity.best != 1) or not dead:
        return False
    nouns = set()
    for mention in hurt_all:
        one = _THE_ONE_RE.fullmatch(text, *mention.groups[0]) if len(mention.groups) == 1 else None
        if one is None:
            return False
        nouns.add(one.group("noun").lower())
    dead_words = [text[slice(*m.groups[0])].lower() for m in dead if len(m.groups) == 1]
    return any((_PRONOUN_RE.match(words) and not nouns & _NOUNS_NOT_FOR[words])
               or any(re.search(rf"\b{noun}\b", words) for noun in nouns) for words in dead_words)


# "He died ... the girl was wounded" are two people: a pronoun is the one hurt again only if it fits the noun.
_NOUNS_NOT_FOR = {"he": frozenset({"girl", "woman"}), "she": frozenset({"boy", "man"})}


_HURT_WORD_RE = re.compile(r"\b(?:wound|injur|hurt|critical|hospitali[sz])", re.IGNORECASE)


# "All three", "both": everyone the report told of, the attacker among them when he shot himself.
_EVERYONE_BEFORE_RE = re.compile(r"\b(?:all|both)\s+$", re.IGNORECASE)


def fill_casualties(frame: IncidentFrame) -> Casualties:
    """Count victims killed and injured and perpetrators killed and injured in the frame's sentences."""
    text = frame.text
    mentions: list[CasualtyMention] = []
    nones: list[tuple[Harm, int, int]] = []
    including_perpetrator: list[tuple[int, int, int]] = []
    for sentence in frame.sentences:
        sentence_mentions = find_casualty_mentions(text, sentence.start_char, sentence.end_char)
        mentions += sentence_mentions
        nones += find_none_mentions(text, sentence.start_char, sentence.end_char)
        for match in INCLUDING_PERPETRATOR_RE.finditer(text, sentence.start_char, sentence.end_char):
            counted = re.match(NUMBER_RE, match.group("perp") or "", re.IGNORECASE)
            quantity = parse_quantity(counted) if counted and counted.end() else None
            including_perpetrator.append((quantity.best if quantity else 1, match.start(), match.end()))

    mentions = [m for m in mentions if not any(m.start < n_end and n_start < m.end for _, n_start, n_end in nones)]
    _killers_who_died_by_their_own_hand(text, frame, mentions)
    result = Casualties()
    weak_injury: CasualtyMention | None = None
    for harm in ("killed", "injured"):
        joined = _hurt_one_by_one(text, mentions) if harm == "injured" else []
        victims = [m for m in mentions + joined if m.harm == harm and not m.perpetrator and not m.weak]
        perpetrators = [m for m in mentions if m.harm == harm and m.perpetrator]
        chosen = _highest(victims)
        adjust = 0
        if harm == "killed" and chosen is not None and perpetrators and not _ACT_OF_KILLING_RE.match(text[chosen.start:chosen.end]):
            # "Lee killed one person and then himself. Two people have died": the toll counts the killer
            dead_attackers = max(m.quantity.best for m in perpetrators)
            acts = [m for m in victims if _ACT_OF_KILLING_RE.match(text[m.start:m.end])
                    and m.quantity.best + dead_attackers == chosen.quantity.best]
            if acts:
                chosen = acts[-1]
        if harm == "killed" and chosen is not None:
            # "Four were killed. ... four people were dead, including the shooter": a restated toll
            # that includes the attacker says so for both
            same_toll = [m for m in victims if m.quantity.best == chosen.quantity.best]
            inside = [c for c in including_perpetrator if any(m.start <= c[1] <= m.end + 60 for m in same_toll)]
            if inside:
                adjust = inside[0][0]
                perpetrators.append(CasualtyMention("killed", True, Quantity(adjust, adjust, adjust), inside[0][1], inside[0][2]))
        if harm == "injured":
            # "Thirteen people were shot ... one woman is in critical condition": the shot who did not
            # die are all hurt, however few the report describes one by one.
            weak = _highest([m for m in mentions + joined if m.harm == "injured" and m.weak and not m.perpetrator])
            killed = result.killed.best or 0
            others = weak is not None and (_others_than_the_dead(text, weak, mentions) or _deaths_told_apart(frame, weak, mentions))
            weak_adjust = 0 if others else killed
            if weak is not None and not others and _EVERYONE_BEFORE_RE.search(text, max(0, weak.start - 6), weak.groups[0][0] if weak.groups else weak.start):
                weak_adjust += result.perpetrators_killed.best or 0  # "All three suffered gunshot wounds": the killer who shot himself too
            if weak is not None and weak.quantity.best - weak_adjust > (chosen.quantity.best if chosen else 0):
                chosen, adjust = weak, weak_adjust
                weak_injury = weak if not killed else None
        if harm == "injured" and chosen is not None and not chosen.weak and not adjust and result.killed.best \
                and (_dead_among_the_hurt(text, frame, chosen, mentions) or _the_dead_one_again(text, chosen, mentions)):
            adjust = result.killed.best  # "Two people were wounded. ... The 19-year-old victim died": one hurt
        count = _count(chosen, text, adjust)
        also = _also_killed(text, frame, mentions) if harm == "killed" else None
        if also is not None and also[0] > (count.best or 0):
            total, parts = also
            count = Count(best=total, low=total, high=None if any(p.quantity.high is None for p in parts) else total,
                          evidence=[Evidence.of(text, p.start, p.end) for p in parts])
        if harm == "injured" and chosen is not None and adjust and not count.best:
            count = Count()  # "A man is in critical condition. He died later": nobody else was hurt
        enumerated = _enumerated_injured(text, mentions, result.killed.best or 0) if harm == "injured" else None
        if enumerated is not None and enumerated[0] > (count.best or 0):
            total, parts = enumerated
            count = Count(best=total, low=total, high=None if any(p.quantity.high is None for p in parts) else total,
                          evidence=[Evidence.of(text, p.start, p.end) for p in parts])
            weak_injury = None
        if count.best is None:
            zero = next((n for n in nones if n[0] == harm), None)
            if zero is not None:
                count = Count(best=0, low=0, high=0, evidence=[Evidence.of(text, zero[1], zero[2])])
        setattr(result, harm, count)
        setattr(result, f"perpetrators_{harm}", _count(_highest(perpetrators), text))
    if frame.is_primary and result.killed.best is not None and result.injured.best is None:
        # "One dead, two wounded in ..." over a body that tells only of the dead: the headline's hurt
        for harm, count in headline_counts(frame):  # a bare "Man shot" may be the one who died
            if harm == "injured" and count.best and _HURT_WORD_RE.search(count.evidence[0].quote):
                result.injured = count
    elif frame.is_primary and result.killed.best is None:
        for harm, count in headline_counts(frame):
            if getattr(result, harm).best is None:
                setattr(result, harm, count)
        if weak_injury is not None and result.killed.best and not _others_than_the_dead(text, weak_injury, mentions):
            # "Girl shot at party dies" over "Jo Roe was shot": the one shot is the one who died
            result.injured = _count(weak_injury, text, result.killed.best)
            if not result.injured.best:
                result.injured = Count()
    return result
