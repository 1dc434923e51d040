"""Find the violent events a report describes and group its sentences into incidents.

A sentence is about violence when one of its words is a trigger (``TRIGGERS``) used
literally (``is_metaphor`` rules out "shot to fame", "killed the bill", sport). The lede's
incident is primary; later sentences join it unless they point at another event: an
earlier year, a past conviction, another place or an explicit "in another attack".
Those become incidents of their own, background ones never primary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..models import Place

# Event kinds a trigger can name; classify.py turns them into GTD/ACLED vocabulary.
SHOOTING, STABBING, BOMBING, KIDNAPPING, ARSON, KILLING, ATTACK = (
    "shooting", "stabbing", "bombing", "kidnapping", "arson", "killing", "attack")
CLASH, ASSASSINATION, RAMMING, HIJACKING, HOSTAGE, ROBBERY, BEATING = (
    "clash", "assassination", "ramming", "hijacking", "hostage", "robbery", "beating")
AIRSTRIKE, SHELLING, RIOT, MASSACRE, ACCIDENT, SUICIDE, PLOT = (
    "airstrike", "shelling", "riot", "massacre", "accident", "suicide", "plot")


def _verb(kind: str, base: str, past: str | None = None, ing: str | None = None, third: str | None = None) -> dict[str, str]:
    """Every inflected form of a verb, so that lower- and upper-case copy match without a lemmatiser."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, third or base + "s", past or stem + "ed", ing or stem + "ing"}
    return {form: kind for form in forms}


def _nouns(kind: str, *words: str) -> dict[str, str]:
    return {word: kind for word in words}


# Shots told as fired: "fired" alone is weak (fired from a job), but with shots, rounds or a gun it is a shooting.
_SHOTS_FIRED = (
    *(f"{shots} {be}fired" for shots in ("shots", "shot", "rounds", "gunshots")
      for be in ("", "were ", "was ", "being ", "had been ", "have been ")),
    *(f"fired {what}" for what in ("shots", "a shot", "several shots", "multiple shots", "one shot", "two shots",
                                  "three shots", "a round", "rounds", "several rounds", "multiple rounds",
                                  "off a round", "a gun", "his gun", "her gun", "a handgun", "his handgun",
                                  "her handgun", "a rifle", "a shotgun", "his weapon", "her weapon")),
    *(f"fires {what}" for what in ("shots", "a shot", "a gun", "gun", "his gun", "her gun")),
)
# A gun going off by itself is a shooting no one meant: typed as an accident unless the report also
# tells a shooting ("the gun went off as they struggled, and he shot him again").
_GUN_WENT_OFF = (
    *(f"{gun} {went}" for gun in ("gun", "handgun", "pistol", "rifle", "shotgun", "weapon", "firearm")
      for went in ("went off", "goes off", "discharged")),
    "accidentally fired", "accidentally discharged", "accidental discharge",
)

TRIGGERS: dict[str, str] = {
    **_verb(SHOOTING, "shoot", "shot", "shooting"), **_nouns(SHOOTING, "gunfire", "gunman", "gunmen", "shootout",
                                                              "shoot-out", "sniper", "machinegunned", "gunshot", "gunshots"),
    "gunned": SHOOTING, "gunning": SHOOTING,
    **_verb(STABBING, "stab", "stabbed", "stabbing"), **_verb(STABBING, "knife", "knifed", "knifing"),
    "hacked to death": STABBING, "hacking to death": STABBING, **_verb(STABBING, "slash", "slashed", "slashing", "slashes"),
    **_verb(BOMBING, "bomb"), **_verb(BOMBING, "explode"), **_verb(BOMBING, "detonate"),
    **_nouns(BOMBING, "bombing", "bombings", "explosion", "explosions", "blast", "blasts", "ied", "car-bomb",
             "dynamite", "dynamited", "grenade", "grenades", "bomber", "bombers", "booby-trapped", "landmine"),
    **_verb(KIDNAPPING, "kidnap", "kidnapped", "kidnapping"), **_verb(KIDNAPPING, "abduct"),
    **_nouns(KIDNAPPING, "abduction", "abductions", "kidnappers", "kidnapper", "abductors", "ransom"),
    "blew up": BOMBING, "blow up": BOMBING, "blown up": BOMBING, "blowing up": BOMBING, "blows up": BOMBING,
    "fired": SHOOTING, "firing": SHOOTING,
    **_verb(ARSON, "torch"), **_nouns(ARSON, "arson", "arsonist", "firebomb", "firebombed", "molotov"),
    **_verb(ARSON, "burn", "burned", "burning"), "burnt": ARSON, "set fire": ARSON, "set ablaze": ARSON,
    **{f"set {what}{how}": ARSON for what in ("", "it ", "them ") for how in ("alight", "ablaze", "on fire")
       if f"{what}{how}" != "ablaze"},
    "petrol bomb": ARSON, "petrol bombs": ARSON, "petrol-bombed": ARSON,
    **_verb(KILLING, "kill", "killed", "killing"), **_verb(KILLING, "murder"), **_verb(KILLING, "slay", "slain", "slaying"),
    "slew": KILLING, **_nouns(KILLING, "homicide", "homicides", "murders", "killer", "killers", "murderer", "murderers",
                               "behead", "beheaded", "lynched", "execution-style"),
    **_verb(ATTACK, "attack"), **_verb(ATTACK, "ambush", third="ambushes"), **_verb(ATTACK, "raid"),
    **_verb(ATTACK, "storm"), **_nouns(ATTACK, "assault", "assaulted", "attacker", "attackers", "assailant",
                                        "assailants", "militants", "terrorist", "terrorists", "guerrillas",
                                        "rebels", "sabotage", "sabotaged", "harassment"),
    "opened fire": SHOOTING, "open fire": SHOOTING, "opens fire": SHOOTING,
    **_verb(CLASH, "clash", third="clashes"),
    **{f"{verb} {side}": CLASH for verb in ("clashed with", "clashes with", "clashing with")
       for side in ("police", "security forces", "troops", "soldiers", "the army", "rebels", "militants", "protesters",
                    "rioters", "guerrillas", "government forces", "insurgents")},
    "clashes between": CLASH, **_nouns(CLASH, "fighting", "skirmish", "skirmishes", "firefight",
                                                        "battle", "battles", "combat", "gunbattle"),
    **_verb(ASSASSINATION, "assassinate"), **_nouns(ASSASSINATION, "assassination", "assassin", "assassins"),
    **_verb(RAMMING, "ram", "rammed", "ramming"), "ploughed into": RAMMING, "plowed into": RAMMING,
    **_verb(HIJACKING, "hijack"), **_nouns(HIJACKING, "hijacker", "hijackers"),
    **_nouns(HOSTAGE, "hostage", "hostages", "siege", "barricaded"),
    **_verb(ROBBERY, "rob", "robbed", "robbing"), **_nouns(ROBBERY, "robbery", "robberies", "robber", "robbers", "looted"),
    **_verb(BEATING, "beat", "beaten", "beating", "beats"), **_verb(BEATING, "punch", third="punches"),
    **_nouns(AIRSTRIKE, "airstrike", "airstrikes", "air strike", "air strikes", "drone strike", "bombardment",
             "air raid", "strafed"),
    **_verb(SHELLING, "shell", "shelled", "shelling"), **_nouns(SHELLING, "mortar", "mortars", "artillery", "rocket",
                                                                 "rockets", "missile", "missiles"),
    **_nouns(RIOT, "riot", "riots", "rioting", "rioters", "mob", "lynching"),
    **_verb(MASSACRE, "massacre"),
    **_nouns(ACCIDENT, "crash", "crashed", "collision", "collided", "derailed", "capsized", "stampede"),
    **_nouns(SUICIDE, "suicide", "took his own life", "took her own life", "killed himself", "killed herself"),
    **_verb(PLOT, "plot", "plotted", "plotting"),
    **_nouns(SHOOTING, *_SHOTS_FIRED), **_nouns(ACCIDENT, *_GUN_WENT_OFF),
}

# Phrases made of several words are matched on the sentence text; single words on tokens.
_PHRASES = sorted((t for t in TRIGGERS if " " in t), key=len, reverse=True)
_PHRASE_RE = re.compile(r"\b(" + "|".join(re.escape(p) for p in _PHRASES) + r")\b")  # run over lower-cased text

# Verbs of seizing people: a kidnapping or an arrest, told apart by who seized whom (``seizes_someone``).
# Kept out of ``TRIGGERS``, which names violence whatever the parse says.
SEIZING = frozenset({"seize", "seized", "seizes", "seizing", "capture", "captured", "captures", "capturing",
                      "take", "taken", "takes", "took", "taking"})  # "take" only as "taken away"
_TAKING = frozenset({"take", "taken", "takes", "took", "taking"})

_WORD_TRIGGER_IDS = frozenset(hash_string(t) for t in (*TRIGGERS, *SEIZING) if " " not in t)

# Words that are triggers only with an event around them: alone they describe people or things.
WEAK_KINDS = {PLOT}
WEAK_WORDS = {"clash", "clashes", "clashed", "clashing", "fired", "firing", "militants", "terrorist", "terrorists", "guerrillas", "rebels", "rocket", "rockets", "missile",
              "missiles", "mortar", "mortars", "artillery", "dynamite", "ransom", "battle", "battles", "combat",
              "fighting", "mob", "shell", "shells", "suicide", "burn", "burns", "burning", "burned", "burnt",
              "beat", "beats", "beating", "raid", "raids", "storm", "storms", "crash", "collision",
              "attacker", "attackers", "assailant", "assailants", "killer", "killers", "gunman", "gunmen",
              "bomber", "bombers", "kidnappers", "kidnapper", "abductors", "robber", "robbers", "murderer",
              "murderers", "assassin", "assassins", "hijacker", "hijackers", "arsonist", "sniper",
              "siege"}  # a city under siege, a state of siege: a hostage siege says "hostages" too

# Figurative and sporting uses: a trigger inside one of these is not violence.
METAPHORS = re.compile(
    r"\b(shot|shoots?|shooting) (up|to (fame|the top|number|no\.)|down (the|a) (idea|proposal|plan|bill|rumou?r))"
    r"|\b(shot|shots) (at|on) goal|\bshot[- ]?(stopper|clock)|\bmoon ?shot|\bbig shot|\bgive it a shot|\bmug ?shots?"
    r"|\bbombed (at|in) the box office|\bbox[- ]office bomb|\bphoto[- ]?bomb|\bbath bomb|\bbombshell"
    r"|\b(kill(s|ed|ing)?) (off )?(the |a |their |his |her )?(bill|motion|proposal|deal|plan|idea|mood|time|buzz|vibe|engine|lights|rumou?r|story|project)"
    r"|\bkill(ed|ing)? it\b|\bkilling (it|time)|\bmade a killing|\bdressed to kill"
    r"|\b(attack(s|ed|ing)?) (on|against) (the )?(budget|plan|policy|proposal|bill|record|reputation|comments?|remarks?)"
    r"|\b(heart|panic|asthma) attacks?|\bcyber ?-?attacks?|\bstorm(s|ed)? (system|front|surge|damage|season|warning)"
    r"|\b(tropical|winter|snow|rain|thunder|political|social media|media|twitter) storms?|\bstormed (to|into) (the )?(lead|victory|top)"
    r"|\b(wild ?fires?|forest fires?|bush ?fires?)\b|\bbeat(s|en)? (the|a|an|their|his|her|them|him) (record|odds|deadline|team|side|rivals?|champions?|[0-9])"
    r"|\bbeat(s|en)? [A-Z][a-z]+ [0-9]|\bdrum ?beat|\bheart ?beat|\bbattle (against|with) (cancer|illness|addiction|obesity|covid)"
    r"|\b(legal|court|custody|political|election|uphill|budget|title|relegation) (battle|fight)|\bbattle(d)? for (the )?(title|lead|seat|votes?|control of (the )?(party|senate|house|congress))"
    r"|\b(photo|film|fashion|video) ?shoots?|\bshooting (a|the|his|her) (film|movie|video|scene|documentary)"
    r"|\bshell ?casings?|\bshells? (were |was )?(found|recovered|collected)|\bshell (company|companies|game)"
    r"|\bkiller (app|feature|heels|instinct|whale)|\b(ransomware)|\bdrone (footage|photo|show)"
    r"|\bstate of siege|\bhijack(ed|ing|s)? (the )?(debate|meeting|agenda|narrative|account|conversation|discussion)",
    re.IGNORECASE,
)
SPORTS = re.compile(
    r"\b(goal|goals|striker|midfielder|match|league|innings|wicket|touchdown|quarterback|penalty kick|free kick|"
    r"tournament|championship|semi-?final|scored|playoffs?|golf|tennis|basketball|football|soccer|cricket|"
    r"hat-trick|coach|fixture|season opener|box office|album|movie|film|premiere|stocks?|shares|index|nasdaq)\b",
    re.IGNORECASE,
)
# Violence a sports word beside it does not undo: "5 people shot after children's football game".
_PLAINLY_VIOLENT = re.compile(
    r"\b(police|bomb|gunm[ae]n|stabbed|killed|dead|gunfire|gunshots?|(?:was|were|been|being) shot|"
    r"\d+ (?:people |persons |men |women |teens |children )?(?:shot|wounded)|(?:wounded|injured|hurt) in (?:a )?shooting)\b",
    re.IGNORECASE)

# Signs that a sentence is about another, earlier event.
# A number followed by "block" or a street's compass point is an address ("in the 2000 block of Monroe Drive"), no year.
_YEAR = re.compile(r"\b(?:in|since|during|of|from|by|back in|late|early|mid)[- ](?:\w+ )?(1[89]\d\d|20\d\d)\b(?!\s+(?:block|[NSEW]\.\s|(?:North|South|East|West)\s))|\b(1[89]\d\d|20\d\d)(?:'s)? (?:attack|bombing|shooting|massacre|riots?|killings?)", re.IGNORECASE)
_PAST = re.compile(
    r"\b(last|previous|earlier this|earlier that|the previous|the year before)\s+(year|month|decade|summer|winter|spring|autumn|fall)\b"
    r"|\b(years|decades|months) (ago|earlier|before)\b|\bin (a|an) (earlier|previous|similar|separate) (attack|incident)"
    r"|\b(?:comes?|came|follows|followed)\s+(?:(?:just|only|a\s+little\s+(?:over|more\s+than)|less\s+than|more\s+than|about|nearly)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|several|just|mere|\w+)\s+(?:days?|weeks?|months?|years?)\s+after\b(?!\s+(?:the|this|that|his|her|their|its)\b)"
    r"|\b(previously|formerly)\b(?! (?:charged|arrested|identified|named|reported|said|told|announced|indicted|booked))|\bthe same (\w+ ){0,2}(was|were) (attacked|bombed|targeted|hit)",
    re.IGNORECASE,
)
_CONVICTION = re.compile(
    r"\b(was|were|had been|been) (jailed|convicted|sentenced|imprisoned|paroled|acquitted)\b"
    r"|\b(criminal record(?!s)|prior conviction|previous conviction|served (a|his|her) (sentence|term)|on parole|"
    r"released (from prison|from jail|on licence|early)|known to (police|security services|the authorities))",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    # "in another terrorist action", "in a separate guerrilla attack": a word or two may say whose act it was.
    r"\b(in (another|a separate|a second|an unrelated)(?: \w+){0,2}? (attack|incident|development|case|action|act|"
    r"operation)|separately|elsewhere|meanwhile|in other news|on the other hand)\b"
    # One more report added: "also reported that", "also reported today that", "it has also been reported that".
    r"|\balso (?:been )?(reported|said|announced)(?: (?:today|yesterday|tonight|on \w+))? that\b"
    r"|\b(another|a second|a third) (car bomb|bomb|explosive|explosion|blast|dynamite charge)s?\b"
    r"|\b(another|a second|a third|a similar) (attack|kidnapping|abduction|assassination|murder|massacre|ambush|bombing)\b"
    r"|\bin (a|another) similar (attack|incident)\b"
    # "other attacks" add acts; "(un)like (in) other attacks", "as in", "similar to other attacks" only compare.
    r"|(?<!like )(?<!like in )(?<!as in )(?<!as with )(?<!similar to )"
    r"\bother (attacks|bombings|kidnappings|abductions|assassinations|murders|massacres|ambushes)\b",
    re.IGNORECASE,
)
# A sentence that opens by adding one more act to a list ("In addition, a bus was burned", "The second
# attack occurred at 2335", "Another report said ..."): a report of several acts, each its own incident.
# "In addition to the boy, officers found a wounded man" adds someone to the scene already told.
_ONE_MORE = re.compile(
    r"^\W*(?:in addition(?! to)|additionally|furthermore|moreover|finally|another report)\b"
    r"|^\W*(?:the|a) (?:second|third|fourth|fifth|last|other) (?:attack|bomb|bombing|explosion|blast|car bomb|"
    r"dynamite charge|kidnapping|abduction|murder|killing|ambush|raid|incident)s?\b",
    re.IGNORECASE,
)

# Words that tie an added sentence back to the act already told ("the man shot him too", "kicked during the
# brawl", "another victim on the same street"): one more detail of it, not one more act.
_GOES_ON = re.compile(r"\b(?:too|as well|the same|during the)\b", re.IGNORECASE)

# A day of the month named as when something happened ("on 31 october", "on November 1"): a violent
# sentence dated to another day than every day its incident has told of is another event.
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY_DATE = re.compile(rf"\bon (?:(\d{{1,2}}) ({_MONTHS})|({_MONTHS}) (\d{{1,2}}))\b", re.IGNORECASE)


# Days or weeks back from the report ("5 days ago", "two weeks earlier", "last week"): a violent sentence
# set that far back, when its incident is not, tells an earlier act of the same campaign (MUC-4 fills one
# template for it), not a detail of the act reported and not the distant past of ``_PAST``.
_DAYS_BACK = re.compile(r"\b(?:(?:\d+|a few|few|several|two|three|four|five|six|seven|eight|nine|ten)\s+"
                        r"(?:days?|weeks?)\s+(?:ago|earlier|before)|last week)\b", re.IGNORECASE)


_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "a few": "few"}
_NUMBER_WORD_RE = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b")


def _days_back(sentence_text: str) -> set[str]:
    """The times back a sentence names, written one way ("five days ago" and "5 days ago" are one time)."""
    return {_NUMBER_WORD_RE.sub(lambda w: _NUMBER_WORDS[w.group()], " ".join(m.group().lower().split()))
            for m in _DAYS_BACK.finditer(sentence_text)}


def _day_dates(sentence_text: str) -> set[tuple[str, str]]:
    return {((m.group(1) or m.group(4)), (m.group(2) or m.group(3)).lower()) for m in _DAY_DATE.finditer(sentence_text)}


# "the attack", "the blast": the sentence refers back to the event already described.
_ANAPHORA = re.compile(
    r"\b(the|this|that|these|those|the same) (attack|attacks|blast|explosion|bombing|shooting|stabbing|raid|ambush|incident|"
    r"assault|massacre|kidnapping|abduction|fire|killing|murder|attackers?|gunm[ae]n|assailants?|suspects?)\b",
    re.IGNORECASE,
)


@dataclass
class Trigger:
    """A word or phrase naming a violent event, with its kind."""

    start: int  # character offsets into the article text
    end: int
    kind: str
    weak: bool
    # "set" of "set X on fire": kept only where the parse shows someone setting a thing alight
    set_alight: bool = False


@dataclass
class SentenceEvents:
    sentence: Span  # a whole sentence, or one clause of it telling an act of its own (``split_acts``, ``_split_days``)
    triggers: list[Trigger] = field(default_factory=list)
    another_act: bool = False  # a clause telling another act than the clause before it

    @property
    def violent(self) -> bool:
        """Strong evidence of an event: one strong trigger, or two weak ones of different kinds."""
        strong = [t for t in self.triggers if not t.weak]
        return bool(strong) or len({t.kind for t in self.triggers}) >= 2


@dataclass
class DetectedIncident:
    """Sentences grouped into one incident, before its fields are filled."""

    sentences: list[SentenceEvents]
    background: bool = False

    @property
    def triggers(self) -> list[Trigger]:
        return [t for s in self.sentences for t in s.triggers]

    @property
    def spans(self) -> list[Span]:
        return [s.sentence for s in self.sentences]


_MODALS = {"will", "would", "could", "might", "may", "should", "can", "must", "'ll", "wo", "ca"}


# Verbs whose complement is a wish or a demand, not an event: "want to kill", "urged the army to attack".
# Threats and plans stay events of their own status ("threatened to bomb" is a threatened bombing).
_INTENTION_LEMMAS = {"want", "demand", "urge", "promise", "call", "seek", "fear", "hope", "aim", "propose", "ask"}
_GOVERNOR_REACH = 4


def _modal(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children)


_NOBODY = frozenset({"nobody", "none", "noone"})


def _nobody(child: Token) -> bool:
    """A subject that denies the act by naming no one: "nobody was shot", "no one has been hurt",
    "no shots were fired"."""
    return child.dep_ in ("nsubj", "nsubjpass") and (
        child.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        or (child.lower_ == "one" and child.i > 0 and child.nbor(-1).lower_ == "no"))


def _unreal(token: Token) -> bool:
    """Words that report no event: "rebels could attack", "the army will not shell", "he did not shoot",
    "nobody was shot",
    and words governed by a modal or a wish ("will place bombs", "want to impose terror").

    The climb stops at a relative clause, which states a fact about someone ("the man who was killed").
    """
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" or _nobody(c) for c in token.children):
        return True
    current = token
    for _ in range(_GOVERNOR_REACH):
        if current.pos_ in ("VERB", "AUX") and (_modal(current) or current.lemma_ in _INTENTION_LEMMAS):
            return True
        if current.dep_ in ("relcl", "ROOT") or current.head is current:
            return False
        current = current.head
    return False


# Who seizes people outside the law: armed groups, men nobody names, agents in plain clothes.
_IRREGULAR_CAPTORS = re.compile(
    r"\b(?:guerrill?as?|rebels?|terrorists?|insurgents?|subversives?|militants?|commandos?|kidnappers?|abductors?|"
    r"gunm[ae]n|(?:armed|masked|hooded|unidentified|unknown|heavily armed) (?:men|individuals|persons|people)|"
    r"death squads?|squads?|paramilitar(?:y|ies)|militias?|militiam[ae]n|civilian clothes|plain ?clothes)\b",
    re.IGNORECASE)
_MILITARY_CAPTORS = re.compile(
    r"\b(?:troops?|soldiers?|army|battalions?|brigades?|detachments?|national guard|guardsm[ae]n|military|"
    r"armed forces|marines?)\b", re.IGNORECASE)
# People seized for who they are, not for what they did: seizing them is no arrest.
_CIVILIAN_ROLES = re.compile(
    r"\b(?:students?|peasants?|farmers?|civilians?|youths?|minors?|child(?:ren)?|teachers?|journalists?|reporters?|"
    r"unionists?|(?:union|labor|labour|peasant|student|community|party|opposition|political) (?:leaders?|members?|activists?)|"
    r"workers?|priests?|nuns?|jesuits?|lawyers?|doctors?|businessm[ae]n|industrialists?|engineers?|mayors?|judges?|"
    r"officials?|diplomats?|ambassadors?|consuls?|tourists?|villagers?|residents?|relatives?|sons?|daughters?|"
    r"wife|husband|activists?|politicians?|candidates?|councill?ors?|cooperative members?)\b", re.IGNORECASE)
# Someone caught for what he did, or a fighter taken in battle: an arrest or a capture of war.
_CAUGHT = re.compile(
    r"\b(?:suspects?|gunm[ae]n|robbers?|thie(?:f|ves)|burglars?|guerrill?as?|rebels?|terrorists?|insurgents?|"
    r"subversives?|militants?|soldiers?|troops?|fugitives?|escapees?|criminals?|offenders?|murderers?|killers?|"
    r"shooters?|attackers?|assailants?|inmates?|prisoners?|deserters?|traffickers?|smugglers?|kidnappers?|"
    r"drivers?|commandos?|combatants?)\b", re.IGNORECASE)
_PERSON_WORDS = frozenset({"him", "her", "them", "man", "men", "woman", "women", "people", "persons", "person",
                           "boy", "girl", "boys", "girls", "family", "hostage", "hostages"})


def _seized_and_captor(verb: Token) -> tuple[list[Token], str]:
    """The nouns naming whom a seizing verb seized, and the words naming who seized them."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(c.lower_ in ("who", "whom", "that") for c in heads):
        nouns = [verb.head]  # "peasants X and Y, who were captured ...": the noun the clause describes
    else:
        nouns = list(heads)
        for noun in nouns:  # nouns listed with them: "seized X, Y and Z", "two engineers, X and Y"
            nouns += [c for c in noun.children if c.dep_ in ("conj", "appos") and c not in nouns]
    doers = seizers(verb)
    if not doers and verb.dep_ == "conj":  # "... attacked the village and seized two farmers"
        doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return nouns, " ".join(d.doc[d.left_edge.i:d.right_edge.i + 1].text for d in doers)


def seizers(verb: Token) -> list[Token]:
    """Who did the verb's seizing: its subject, or the "by" agent of a passive, wherever the parse hangs the
    "by" in the clause ("captured at the bus station by army troops")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    return doers + [g for c in verb.subtree if c.lower_ == "by" and c.dep_ in ("agent", "prep")
                    and _clause_of(c).i == verb.i for g in c.children if g.dep_ == "pobj"]


def _clause_of(token: Token) -> Token:
    """The nearest verb above a token (the root when there is none)."""
    while token.head.i != token.i and token.head.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token.head


def _civilian(noun: Token) -> bool:
    """A noun naming someone by a civilian role: "two students", "peasant leader X", "minor X", not
    "civilian clothing"."""
    before = noun.doc[noun.left_edge.i:noun.i + 1].text
    return any(m.end() == len(before) for m in _CIVILIAN_ROLES.finditer(before)) or (
        noun.ent_type_ == "PERSON" and bool(_CIVILIAN_ROLES.search(before)))


def seizes_someone(verb: Token) -> bool:
    """A seizing verb that tells a kidnapping: people seized by an armed group or unknown men ("gunmen seized
    the mayor"), by troops, or civilians seized for who they are ("police in plain clothes seized two
    students"). Police catching a suspect, soldiers taking a town or guerrillas captured in battle are not."""
    if verb.pos_ != "VERB":
        return False
    if verb.lower_ in _TAKING and not any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in verb.children):
        return False
    nouns, captor = _seized_and_captor(verb)
    if not nouns or any(_CAUGHT.search(verb.doc[n.left_edge.i:n.i + 1].text) for n in nouns):
        return False
    civilian = any(_civilian(n) for n in nouns)
    if not (civilian or any(n.ent_type_ == "PERSON" or n.lower_ in _PERSON_WORDS for n in nouns)):
        return False
    if _IRREGULAR_CAPTORS.search(captor) or _MILITARY_CAPTORS.search(captor):
        return True
    # Taking away is a kidnapping only when armed men do it: "he took my children away from me" is grief.
    return civilian and verb.lower_ not in _TAKING


def _token_trigger(token: Token) -> Trigger | None:
    if token.lower_ in SEIZING:
        if not seizes_someone(token):
            return None
        return Trigger(token.idx, token.idx + len(token.text), KIDNAPPING, _unreal(token))
    kind = TRIGGERS.get(token.lower_)
    if kind is None:
        return None
    weak = kind in WEAK_KINDS or token.lower_ in WEAK_WORDS or _unreal(token)
    return Trigger(token.idx, token.idx + len(token.text), kind, weak)


def phrase_triggers(text: str) -> list[Trigger]:
    """Triggers of several words ("opened fire", "blew up") in the whole text, found in one pass."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters: keep offsets aligned
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = [Trigger(m.start(), m.end(), TRIGGERS[m.group(1)], False) for m in _PHRASE_RE.finditer(lowered)
             if not _DENIED_BEFORE_RE.search(lowered, max(0, m.start() - 20), m.start())]
    # "set the old mill and three vans on fire": the verb alone is the trigger, so the words between keep theirs.
    covered = [(t.start, t.end) for t in found]
    found += [Trigger(m.start(), m.start() + 3, ARSON, False, set_alight=True) for m in _SET_THING_ON_FIRE_RE.finditer(lowered)
              if not any(s <= m.start() < e for s, e in covered)
              and not _DENIED_BEFORE_RE.search(lowered, max(0, m.start() - 20), m.start())]
    return found


# Something named between "set" and the fire: "set the city hall on fire", "set two buses ablaze".
_SET_THING_ON_FIRE_RE = re.compile(r"\bset\s+(?!(?:fire|up|off|out|aside|down|about|free|for|to)\b)"
                                   r"(?:(?!(?:was|were|is|are|been|had|has)\b)[\w'-]+,?\s+){1,7}?(?:on fire|ablaze|alight)\b")


# What sets things alight without anyone meaning it: "a space heater set the curtains on fire".
_ACCIDENTAL_FIRE_CAUSES = frozenset(
    "heater candle lightning fault spark fire flame blaze cigarette stove oven fryer grill lamp wire wiring circuit "
    "battery charger appliance firework heat sun explosion blast leak fuel gas bolt ember ash".split())


def _sets_something_alight(sentence: Span, char: int) -> bool:
    """Whether the "set" at ``char`` (a ``_SET_THING_ON_FIRE_RE`` trigger) is someone setting a thing on fire.

    "set" must be a verb, the words up to the fire a noun phrase ("set the tone early and came out on
    fire" is sport), and its doer no object or weather ("lightning set a barn on fire").
    """
    verb = next((t for t in sentence if t.idx == char), None)
    if verb is None or verb.pos_ != "VERB":
        return False
    fire = next((t for t in sentence if t.i > verb.i and t.lower_ in ("fire", "ablaze", "alight")), None)
    if fire is None or any(t.pos_ in ("VERB", "AUX") for t in sentence.doc[verb.i + 1:fire.i]):
        return False
    head = verb
    while head.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in head.children):
        head = head.head
    return not any(c.dep_ == "nsubj" and c.lemma_.lower() in _ACCIDENTAL_FIRE_CAUSES for c in head.children)


# A phrase told as not having happened: "no shots were fired", "did not open fire".
_DENIED_BEFORE_RE = re.compile(r"(?:\bno|\bnot|\bnever|n't)\s+$")

_WORD_RE = re.compile(r"[\w'’-]+")


def title_triggers(title: str) -> list[Trigger]:
    """Literal violent triggers in a headline, found without a parse (metaphors and sport left out)."""
    if SPORTS.search(title) and not _PLAINLY_VIOLENT.search(title):
        return []
    triggers = phrase_triggers(title)
    covered = [(t.start, t.end) for t in triggers]
    for word in _WORD_RE.finditer(title):
        lowered = word.group().lower()
        kind = TRIGGERS.get(lowered)
        if kind is not None and not any(s <= word.start() < e for s, e in covered):
            triggers.append(Trigger(word.start(), word.end(), kind, kind in WEAK_KINDS or lowered in WEAK_WORDS))
    masked = [(m.start(), m.end()) for m in METAPHORS.finditer(title)]
    return [t for t in triggers if not any(s <= t.start < e for s, e in masked)]


def trigger_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens whose lower-cased form is a one-word trigger, found without building Token objects."""
    return [i for i, lower in enumerate(doc.to_array([LOWER]).tolist()) if lower in _WORD_TRIGGER_IDS]


def find_triggers(sentence: Span, text: str, phrases: list[Trigger], candidates: list[int]) -> list[Trigger]:
    """Literal violent triggers in one sentence (metaphors and sport reports left out).

    ``phrases`` are the document's multi-word triggers (``phrase_triggers``), ``candidates`` the
    sentence's tokens that are one-word triggers (``trigger_tokens``).
    """
    sentence_text = text[sentence.start_char:sentence.end_char]
    triggers = [t for t in phrases if sentence.start_char <= t.start < sentence.end_char
                and not (t.set_alight and not _sets_something_alight(sentence, t.start))]
    covered = [(t.start, t.end) for t in triggers]
    for index in candidates:
        trigger = _token_trigger(sentence.doc[index])
        if trigger is not None and not any(s <= trigger.start < e for s, e in covered):
            triggers.append(trigger)
    if not triggers:
        return []
    if SPORTS.search(sentence_text) and not _PLAINLY_VIOLENT.search(sentence_text):
        return []
    masked = [(m.start(), m.end()) for m in METAPHORS.finditer(sentence_text)]
    return [t for t in triggers if not any(s <= t.start - sentence.start_char < e for s, e in masked)]


# Words that make a place the scene of what the sentence tells: "in Abaji", "near the town of Jos".
_SCENE_BEFORE_RE = re.compile(
    r"\b(?:in|near|outside|at|across|around|into|on|to|toward|towards)\s+(?:the\s+)?(?:(?:city|town|village|province|state|county|"
    r"district|region|department|neighbou?rhood)\s+of\s+)?$", re.IGNORECASE)


# A hospital named just before the place: the place says where the wounded were taken, not where
# they were shot ("taken to Harlow Regional Medical Center in Dunmore").
# Where someone lives is no scene either ("her brother, who lives in Las Vegas"), and a place after a
# street address is the neighbourhood of the town already told ("the 4200 block of Pell Street in Eastgate").
_ELSEWHERE_BEFORE_RE = re.compile(r"\b(?:(?:hospital|medical cent(?:er|re)|trauma cent(?:er|re)|infirmary)\b[^.;]{0,12}"
                                 r"|(?:lives?|lived|living|resides?|resided|residing|grew up|moved)\s+(?:in|to|near)\s+"
                                 r"|(?:street|st\.|avenue|ave\.|road|rd\.|drive|dr\.|boulevard|blvd\.|lane|ln\.)\s+in\s+)$",
                                 re.IGNORECASE)


# A capitalised word right after the place: the place is part of a longer name ("Dartmouth Drive"),
# or one of two streets at a corner ("at Concord and Market streets").
_NAME_GOES_ON_RE = re.compile(r"[ \t]+[A-Z][a-z]|[ \t]+and[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?[ \t]+"
                              r"(?:streets|avenues|roads|drives|boulevards|sts\.|aves\.)")


def _is_scene(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A place the sentence sets its events in (after "in", "near"...) or opens with (a dateline),
    not one that only names something ("the Dorchester County coroner", "the death of Edison Burge",
    "a home on Dartmouth Drive")."""
    if _NAME_GOES_ON_RE.match(text, end) or _ELSEWHERE_BEFORE_RE.search(text, max(sentence_start, start - 60), start):
        return False
    return start == sentence_start or bool(_SCENE_BEFORE_RE.search(text, max(sentence_start, start - 40), start))


# Nouns a place name can qualify without being where things happen: "the Dorchester County coroner".
_INSTITUTIONS = {"coroner", "police", "sheriff", "prosecutor", "attorney", "court", "jail", "prison", "department",
                 "office", "officials", "official", "authorities", "spokesman", "spokeswoman", "examiner", "council"}


def _names_something(doc: Doc, start: int, end: int) -> bool:
    """A place mention that is a language, a people or a person ("in Spanish", "Jordan said"), or names an institution
    ("according to the Dorchester County coroner"), so it sets no scene."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    last = span[-1]
    if last.ent_type_ in ("NORP", "LANGUAGE", "PERSON"):
        return True
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return following is not None and following.lower_ in _INSTITUTIONS


def _places_by_sentence(doc: Doc, text: str, places: list[Place] | None) -> dict[int, list[_PlaceKey]]:
    """The places each sentence names, keyed by its start token.

    Resolved places (the places stage's) carry their region, so "Aurora" and "Colo." are known
    to be one area; without them spaCy's place entities stand alone.
    """
    found: dict[int, list[_PlaceKey]] = {}
    if places:
        sentence_starts = [s.start_char for s in doc.sents]
        sentence_tokens = [s.start for s in doc.sents]
        for place in places:
            index = bisect_right(sentence_starts, place.start) - 1
            if index >= 0:
                key = _PlaceKey(place.name.lower(), (place.admin1 or "").lower(), place.country_code or "",
                                _is_scene(text, place.start, place.end, sentence_starts[index])
                                and not _names_something(doc, place.start, place.end), place.start)
                found.setdefault(sentence_tokens[index], []).append(key)
        return found
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC"):
            key = _PlaceKey(ent.text.lower(), "", "", _is_scene(text, ent.start_char, ent.end_char, ent.sent.start_char)
                            and not _names_something(doc, ent.start_char, ent.end_char), ent.start_char)
            found.setdefault(ent.sent.start, []).append(key)
    return found


@dataclass(frozen=True)
class _PlaceKey:
    """What decides whether two place mentions can be the same scene: name, region, country."""

    name: str
    admin1: str
    country: str
    scene: bool  # named as where things happen, not as part of a name
    start: int = field(default=-1, compare=False)  # where in the text it is named

    def near(self, other: _PlaceKey) -> bool:
        """Same place, or one inside the other's region ("Aurora" and "Colorado", two Aurora suburbs)."""
        if self.name == other.name or self.name == other.admin1 or other.name == self.admin1:
            return True
        return bool(self.admin1) and self.admin1 == other.admin1 and self.country == other.country


def _elsewhere(sentence_places: list[_PlaceKey], incident_places: list[_PlaceKey]) -> bool:
    """Whether a sentence sets its events in a place away from every place the incident already has.

    An incident without a place yet takes the first one named, so a headline without a place
    does not push the story's own scene into an incident of its own.
    """
    if not any(p.scene for p in sentence_places) or not incident_places:
        return False
    return not any(p.near(q) for p in sentence_places for q in incident_places)


def _describes_someone(sentence: Span, char: int) -> bool:
    """True when the words at ``char`` sit in a clause describing a person ("a man who was jailed in 2012")."""
    token = next((t for t in sentence if t.idx <= char < t.idx + len(t.text)), None)
    while token is not None and token.dep_ != "ROOT":
        if token.dep_ in ("relcl", "acl", "appos"):
            return True
        token = token.head
    return False


def is_background(sentence: Span, text: str, event_years: set[str]) -> bool:
    """A sentence about an earlier event: another year than the main event's, "last year", a past conviction.

    Cues inside a clause that describes a person ("a man who was jailed in 2012 stabbed...") do not count.
    """
    sentence_text = text[sentence.start_char:sentence.end_char]
    cues = [m for m in _CONVICTION.finditer(sentence_text)] + [m for m in _PAST.finditer(sentence_text)]
    cues += [m for m in _YEAR.finditer(sentence_text) if (m.group(1) or m.group(2)) not in event_years]
    return any(not _describes_someone(sentence, sentence.start_char + m.start()) for m in cues)


# Kinds of act a coder records as incidents of their own when one report tells of several: a bombing,
# a kidnapping and a burning are separate acts even on the same day and by the same group.
_ACT_CLASS = {BOMBING: BOMBING, KIDNAPPING: KIDNAPPING, HOSTAGE: KIDNAPPING, ARSON: ARSON}


def _act_classes(events: list[SentenceEvents]) -> set[str]:
    """The kinds of act the sentences tell: their strong triggers' or, in a sentence violent only by
    weak words together ("the rebels burned two lorries"), its weak ones'."""
    found = set()
    for e in events:
        strong = [t for t in e.triggers if not t.weak]
        found |= {_ACT_CLASS[t.kind] for t in (strong or (e.triggers if e.violent else [])) if t.kind in _ACT_CLASS}
    return found


def _other_kind_of_act(event: SentenceEvents, current: DetectedIncident) -> bool:
    """A sentence that tells only of another kind of act than the incident so far ("the guerrillas
    then torched a warehouse" after a bombing): the start of an incident of its own."""
    own = _act_classes([event])
    if not own:
        return False
    so_far = _act_classes(current.sentences)
    return bool(so_far) and not own & so_far


# Acts done to things, so that "also" adds another thing hit: "also killed" adds a victim to the same act.
_ACTS_ON_THINGS = {BOMBING, ARSON, ATTACK, ROBBERY}


def _adds_an_act(event: SentenceEvents) -> bool:
    """A sentence whose violent verb says the act was done once more to something else ("other
    structures were also blown up", "they also attacked three stores"): one more act of a list."""
    doc = event.sentence.doc
    for trigger in event.triggers:
        if trigger.weak or trigger.kind not in _ACTS_ON_THINGS:
            continue
        span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if span is not None and any(c.lower_ == "also" and c.dep_ == "advmod" for c in span.root.children):
            return True
    return False


# Kinds of act whose verbs, joined in one sentence, tell separate acts ("killed a peasant and burned a
# truck", "looted stores and burned houses", "dynamited a bridge and kidnapped two engineers"): coders
# make a template of each. Other pairs tell one act: "were abducted and murdered" is the kidnapping's
# end, "exploded and killed two" the blast's harm, "tried to rob him and shot him" one armed robbery.
_CLAUSE_ACTS = {ARSON: ARSON, ROBBERY: ROBBERY, BOMBING: BOMBING, KIDNAPPING: KIDNAPPING,
                KILLING: KILLING, SHOOTING: KILLING}
_SEPARATE_ACTS = {frozenset((ARSON, other)) for other in (KILLING, ROBBERY, BOMBING, KIDNAPPING)} | {
    frozenset((BOMBING, KIDNAPPING))}


def _act_verb(token: Token, kinds: dict[int, str]) -> str | None:
    """The kind of act a verb tells when done to someone or something ("burned a tank truck"), from
    the trigger at its first character (``kinds``)."""
    if token.pos_ != "VERB" or not any(c.dep_ in ("dobj", "nsubjpass", "prep") for c in token.children):
        return None
    return _CLAUSE_ACTS.get(kinds.get(token.idx, ""))


_THE_DEAD = frozenset({"body", "bodies", "corpse", "corpses", "remains"})


def split_acts(event: SentenceEvents) -> list[SentenceEvents]:
    """A sentence whose joined verbs tell acts of different kinds, cut into one clause per act: the
    first runs up to the joining word, the second from its verb's first word, so each act's fillers
    come from its own words."""
    if len(event.triggers) < 2:
        return [event]
    sentence, doc = event.sentence, event.sentence.doc
    kinds = {t.start: t.kind for t in event.triggers}
    for token in sentence:
        second = _act_verb(token, kinds) if token.dep_ == "conj" and token.idx in kinds else None
        first = _act_verb(token.head, kinds) if second else None
        if not first or frozenset((first, second)) not in _SEPARATE_ACTS:
            continue
        if any(child.dep_ == "dobj" and child.lemma_.lower() in _THE_DEAD for child in token.children):
            continue  # "shot four relatives, then burned their bodies": one killing, not an arson of its own
        start = end = token.left_edge.i  # the second clause's first word; the first ends before "and"
        if start <= token.head.i:
            continue
        while end > token.head.i + 1 and doc[end - 1].dep_ in ("cc", "punct"):
            end -= 1
        # Each verb tells an act outright: a weak word ("burned") is literal once joined to another act.
        verbs = {token.head.idx, token.idx}
        triggers = [Trigger(t.start, t.end, t.kind, t.weak and t.start not in verbs) for t in event.triggers]
        boundary = doc[start].idx
        return [SentenceEvents(doc[sentence.start:end], [t for t in triggers if t.start < boundary], event.another_act),
                SentenceEvents(doc[start:sentence.end], [t for t in triggers if t.start >= boundary], True)]
    return [event]


def _split_days(event: SentenceEvents) -> list[SentenceEvents]:
    """A sentence listing acts clause by clause, each dated to a day of its own ("a judge was killed on 2 May;
    a magistrate was shot on 9 June"), cut at its semicolons into one clause per act."""
    sentence, doc = event.sentence, event.sentence.doc
    bounds = [sentence.start] + [t.i + 1 for t in sentence if t.text == ";"] + [sentence.end]
    if len(bounds) < 3:
        return [event]
    clauses = [doc[start:end] for start, end in zip(bounds, bounds[1:]) if start < end]
    days = [frozenset(_day_dates(clause.text)) for clause in clauses]
    if not all(days) or len(set(days)) < len(clauses):
        return [event]
    parts = [SentenceEvents(clause, [t for t in event.triggers if clause.start_char <= t.start < clause.end_char],
                            event.another_act or number > 0) for number, clause in enumerate(clauses)]
    return parts if all(part.violent for part in parts) else [event]


# Who does the violence, by side: the state's forces, or the insurgents fighting them. In a report of a war
# one side's act and the other's are separate incidents ("rebels attacked a bus ... military patrols killed
# three journalists"): MUC-4's coders fill a template for each, with its own perpetrators.
_STATE_FORCES = re.compile(r"\b(?:soldiers?|troops?|army|armed forces|military|police|policem[ae]n|patrols?|"
                           r"battalions?|brigades?|air force|navy|national guard|security forces|death squads?)\b",
                           re.IGNORECASE)
INSURGENTS = re.compile(r"\b(?:guerrillas?|rebels?|insurgents?|terrorists?|subversives?|urban commandos?)\b",
                         re.IGNORECASE)
# Insurgent groups named like armies ("National Liberation Army", "Revolutionary Armed Forces of Colombia",
# "Armed Forces of National Resistance"): their word "army" does not make them the state's.
_INSURGENT_ARMIES = re.compile(r"\b(?:liberation\s+army|revolutionary\s+armed\s+forces|armed\s+forces\s+of\s+"
                               r"(?:national\s+)?(?:liberation|resistance)|people'?s\s+(?:liberation\s+)?army)\b",
                               re.IGNORECASE)


def _doer_side(event: SentenceEvents) -> str | None:
    """The side ("state" or "insurgents") whose people do the act a sentence's strong violent verb tells, as
    its subject ("troops killed ...") or its agent ("... were killed by guerrillas"); None when no doer of
    one side is named."""
    doc = event.sentence.doc
    for trigger in event.triggers:
        if trigger.weak:
            continue
        span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if span is None or span.root.pos_ != "VERB":
            continue
        verb = span.root
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for doer in doers:
            words = _INSURGENT_ARMIES.sub("rebels", doc[doer.left_edge.i:doer.right_edge.i + 1].text)
            state, insurgents = bool(_STATE_FORCES.search(words)), bool(INSURGENTS.search(words))
            if state != insurgents:
                return "state" if state else "insurgents"
    return None


# A sentence that opens on where it is set: "In Cusco, ...", "At the port of ...", after a word adding it to the
# acts told or a day ("Also today in Cusco, ...", "Yesterday in Cusco ...").
_OPENS_ON_PLACE = re.compile(r"\W*(?:(?:also|and)\s+)?(?:(?:today|yesterday|tonight|last night|this morning|"
                             r"this afternoon|this evening),?\s+)?(?P<at>in|at|near)\s+(?:the\s+)?[A-Za-z]", re.IGNORECASE)
# How far from the opening "in" the place it opens on may start: "In the northern town of ...".
_OPENING_CHARS = 40


def _opening_places(sentence_text: str, sentence_start: int, places: list[_PlaceKey]) -> list[_PlaceKey]:
    """The places named in the phrase a sentence opens on ("In Cusco, ..."): none when it opens on no
    place ("At the same time, ...", "In addition, ..."), and never one named after that phrase."""
    opening = _OPENS_ON_PLACE.match(sentence_text)
    if opening is None:
        return []
    comma = sentence_text.find(",", opening.start("at"))
    end = sentence_start + min(comma if comma >= 0 else len(sentence_text), opening.start("at") + _OPENING_CHARS)
    return [p for p in places if sentence_start <= p.start < end]


def _told(incident: DetectedIncident) -> bool:
    """An incident already told in more than one violent sentence: one more act added to a list starts
    another, while a lone lede's "in addition" still goes on telling the same one."""
    return sum(1 for e in incident.sentences if e.violent) > 1


def group_incidents(doc: Doc, text: str, published_year: str | None,
                    places: list[Place] | None = None) -> list[DetectedIncident]:
    """Group the document's sentences into incidents, the lede's first.

    ``places`` are the resolved places of the document (``places.find_places``); when there are
    none, spaCy's place entities decide whether a sentence moves to another scene.
    """
    phrases = phrase_triggers(text)
    candidates = trigger_tokens(doc)
    events = [part for s in doc.sents
              for clause in _split_days(SentenceEvents(s, find_triggers(s, text, phrases,
                                                                        [i for i in candidates if s.start <= i < s.end])))
              for part in split_acts(clause)]
    places_by_sentence = _places_by_sentence(doc, text, places)
    violent = [e for e in events if e.violent]
    if not violent:
        return []
    this_year = {published_year} if published_year else set()
    lede = next((e for e in violent if not is_background(e.sentence, text, this_year)), violent[0])
    lede_text = text[lede.sentence.start_char:lede.sentence.end_char]
    event_years = {a or b for a, b in _YEAR.findall(lede_text)} | this_year
    primary = DetectedIncident([lede])
    incidents = [primary]
    current = primary
    current_places = primary_places = list(places_by_sentence.get(lede.sentence.start, ()))
    current_dates = _day_dates(lede_text)
    current_side = _doer_side(lede)
    current_days_back = _days_back(lede_text)
    for event in events:
        if event is lede:
            continue
        sentence_text = text[event.sentence.start_char:event.sentence.end_char]
        if is_background(event.sentence, text, event_years):
            if event.violent:
                previous = incidents[-1]
                if previous.background and previous.sentences[-1].sentence.end == event.sentence.start:
                    previous.sentences.append(event)
                else:
                    incidents.append(DetectedIncident([event], background=True))
            continue
        places = places_by_sentence.get(event.sentence.start, [])
        refers_back = bool(_ANAPHORA.search(sentence_text))
        # An act told elsewhere goes on until a sentence opens on another town ("In Cusco, rebels ..."): a place
        # named later in its sentences is mostly where its wounded were taken or whom it was told by.
        new_place = not refers_back and (_elsewhere(places, primary_places) if current is primary else
                                         _elsewhere(_opening_places(sentence_text, event.sentence.start_char, places),
                                                    current_places))
        dates = _day_dates(sentence_text) if event.violent else set()
        # Told as another day's event: the incident has a day of its own and this is another, or the
        # sentence opens with its day ("On 1 November guerrillas attacked..."); a day told later in a
        # sentence mostly dates the event already told ("the jesuits were killed on 16 November").
        new_day = bool(dates) and not dates & current_dates and not refers_back and (
            bool(current_dates) or bool(_DAY_DATE.match(sentence_text.lstrip())))
        days_back = _days_back(sentence_text) if event.violent else set()
        # Only once the incident is told in full: a headline's lone sentence is no day of its own to differ from.
        earlier = bool(days_back) and not days_back <= current_days_back and not refers_back and _told(current)
        side = _doer_side(event) if event.violent else None
        other_side = bool(side and current_side and side != current_side) and not refers_back
        if event.violent and event.sentence.start > lede.sentence.start and (
                event.another_act or _ANOTHER.search(sentence_text)
                or ((_ONE_MORE.search(sentence_text) or _adds_an_act(event)) and _told(current)
                    and not _GOES_ON.search(sentence_text))
                or new_place or new_day or other_side or earlier
                or (not refers_back and _other_kind_of_act(event, current))):
            current = DetectedIncident([event])
            current_dates = set(dates)
            current_side = side
            current_days_back = days_back
            current_places = list(places)
            incidents.append(current)
            continue
        current_dates |= dates
        current_days_back |= days_back
        current_side = current_side or side
        if event.sentence.start < lede.sentence.start:
            primary.sentences.insert(0, event)
        else:
            current.sentences.append(event)
        current_places += places
    for incident in incidents:
        incident.sentences.sort(key=lambda e: e.sentence.start)
    return incidents
