"""A trained role-filler model: which noun phrases of a political incident name its perpetrator
(person or organisation), its target, its victim or its weapon.

Entry point: ``refine_roles(frame, incident) -> Incident``. It reads every noun phrase of the
incident's sentences as candidates (a noun alone, with its left modifiers, with its "of"
complement, the named entity around it), describes each by its words, its head, the way the
parse attaches it (subject of "kill", object of "kidnap", after "by"), its entity label, the
lexicons it matches and whether the rule fillers already found it, and scores it with a
multi-class logistic regression (``data/roles.json``, trained on MUC-4's training stories by
``scripts/train_roles.py``). Phrases the model is confident about and the rules missed are added
to the incident, each with its exact span as evidence. It is applied to political incidents only:
its training reports are 1980s Latin American wire copy.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

# Phrases are compared as the MUC-4 scorer compares fillers, the match the model was trained to.
from ..phrases import normalize_filler as normalise
from ..models import Evidence, GroupRef, Incident, Perpetrator, Target, Victim, Weapon
from .actors import _NOT_INVOLVED, _appositive_name, _identified_name, group_table, in_clash, speaker_follows
from .frame import IncidentFrame
from .targets import ATTACK_NOUNS, ATTACK_VERBS, _lexicon as _target_lexicon
from .weapons import find_weapon_spans, head_word

ROLES = ("none", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
_NOUNS = frozenset({"NOUN", "PROPN"})
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "case", "quantmod", "npadvmod"})
_THROUGH = frozenset({"conj", "appos"})
_MAX_TOKENS = 10
_ACRONYM_AFTER = re.compile(r"[\"”']?\s*\(([^()]{1,15})\)")


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


@dataclass(frozen=True)
class Candidate:
    """One way of cutting a noun phrase: its character span, head token and feature names."""

    start: int
    end: int
    head: int  # token index of the head noun
    variant: str
    features: tuple[str, ...]


def _left_edge(token: Token) -> int:
    """Index of the first token of the noun's contiguous left modifiers (no determiners, no pronoun owners)."""
    start = token.i
    for child in reversed(list(token.lefts)):  # nearest first
        if child.right_edge.i != start - 1:
            break
        if child.dep_ in _LEFT_DEPS and child.tag_ not in ("PRP$", "WP$") and child.pos_ != "PRON":
            start = child.left_edge.i
        elif child.dep_ == "punct" and child.text == "-":
            start = child.i
        else:
            break
    return start


def _of_end(token: Token) -> int | None:
    """Index after the "of" complement of the noun ("residence of the governor"), if short enough."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                end = objects[0].right_edge.i + 1
                # stop before a relative clause or a second comma-bound phrase
                for t in token.doc[objects[0].i:end]:
                    if t.dep_ in ("relcl", "acl") or t.text in (",", "(", ";"):
                        end = t.i
                        break
                return end
    return None


def _entity_bounds(token: Token) -> tuple[int, int]:
    """The token span of the entity holding ``token``, read off the IOB tags: ``doc.ents`` would
    build every entity's span again for each token asked about."""
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _spans(token: Token) -> list[tuple[str, int, int]]:
    """The ways to cut a phrase headed by ``token``: (variant, first token, end token)."""
    doc = token.doc
    spans = [("tok", token.i, token.i + 1)]
    left = _left_edge(token)
    while left < token.i and (doc[left].is_punct or doc[left].dep_ == "case"):
        left += 1
    if left < token.i:
        spans.append(("left", left, token.i + 1))
    of_end = _of_end(token)
    if of_end is not None and of_end > token.i + 1:
        spans.append(("of", left, of_end))
    if token.ent_type_ and token.ent_iob_ != "O":
        ent_start, ent_end = _entity_bounds(token)
        start = ent_start + (1 if doc[ent_start].lower_ in ("the", "a", "an") else 0)
        if start < ent_end and (start, ent_end) not in {(s, e) for _, s, e in spans}:
            spans.append(("ent", start, ent_end))
    return [(v, s, e) for v, s, e in spans if e - s <= _MAX_TOKENS]


def _attachment(token: Token) -> list[str]:
    """How the parse attaches the phrase: its role under its governor, through conjuncts and appositions."""
    features = []
    through = token
    while through.dep_ in _THROUGH and through.head is not through:
        through = through.head
        features.append("via_" + token.dep_)
    if through.dep_ == "compound":
        features.append("compound_of=" + _lemma(through.head))
        through = through.head
    dep, gov = through.dep_, through.head
    features.append("dep=" + dep)
    features.append(f"dep_gov={dep}:{_lemma(gov)}")
    if dep == "pobj":
        prep = gov
        features.append("prep=" + prep.lower_)
        features.append(f"prep_gov={prep.lower_}:{_lemma(prep.head)}")
        features.append(f"prep_dep={prep.dep_}")
        gov = prep.head
    verb = gov
    steps = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and steps < 4:
        verb = verb.head
        steps += 1
    if verb.pos_ == "VERB":
        features.append("verb=" + _lemma(verb))
        if steps == 0:
            features.append(f"verb_dep={dep}:{_lemma(verb)}")
        if _lemma(verb) in ATTACK_VERBS:
            features.append("attack_verb")
    if gov.lower_ in ATTACK_NOUNS or _lemma(gov) in ATTACK_NOUNS:
        features.append("gov_attack_noun")
    return features


def _sentence_features(sentence: Span, frame: IncidentFrame, index: int) -> list[str]:
    features = [f"sent={min(index, 3)}"]
    if sentence.start == 0:
        features.append("doc_first_sent")
    if frame.trigger is not None and sentence.start <= frame.trigger.start < sentence.end:
        features.append("trigger_sent")
    lemmas = {_lemma(t) for t in sentence}
    if lemmas & ATTACK_VERBS:
        features.append("sent_attack_verb")
    if lemmas & {"claim", "responsibility"}:
        features.append("sent_claim")
    if lemmas & {"kidnap", "abduct", "kidnapping", "hostage"}:
        features.append("sent_kidnap")
    return features


def _rule_strings(incident: Incident) -> dict[str, set[str]]:
    return {
        "PerpInd": {normalise(n) for p in incident.perpetrators for n in (p.mention, p.name) if n},
        "PerpOrg": {normalise(n) for g in incident.groups for n in (g.mention, g.name) if n},
        "Target": {normalise(t.mention) for t in incident.targets},
        "Victim": {normalise(n) for v in incident.victims for n in (v.mention, v.name) if n},
        "Weapon": {normalise(w.mention) for w in incident.weapons},
    }


def _rule_spans(incident: Incident) -> dict[str, list[tuple[int, int]]]:
    """Where in the text the rules' targets and weapons stand, so the model adds no piece of one."""
    def spans(items) -> list[tuple[int, int]]:
        return [(e.start, e.end) for item in items for e in item.evidence if e.field == "text"]
    return {"PerpInd": [], "PerpOrg": [], "Victim": [],
            "Target": spans(incident.targets), "Weapon": spans(incident.weapons)}


_LEMMA_COUNTS_KEY = "blotter.roles.noun_lemma_counts"


def _noun_lemma_counts(doc: Doc) -> dict[str, int]:
    """How often each noun lemma occurs in the document, counted once per document: every
    political incident of a report asks."""
    if _LEMMA_COUNTS_KEY not in doc.user_data:
        counts: dict[str, int] = {}
        for t in doc:
            if t.pos_ in _NOUNS:
                lemma = _lemma(t)
                counts[lemma] = counts.get(lemma, 0) + 1
        doc.user_data[_LEMMA_COUNTS_KEY] = counts
    return doc.user_data[_LEMMA_COUNTS_KEY]


def candidates(frame: IncidentFrame, incident: Incident) -> list[Candidate]:
    """Every noun-phrase cut in the incident's sentences, with its features."""
    doc, text = frame.doc, frame.text
    rules = _rule_strings(incident)
    rule_words = {role: {w for s in strings for w in s.split()} for role, strings in rules.items()}
    aliases = group_table().canonical
    lemma_counts = _noun_lemma_counts(doc)
    weapon_spans = [(s, e) for sentence in frame.sentences
                    for s, e, _, _ in find_weapon_spans(text, sentence.start_char, sentence.end_char)]
    target_spans = [(m.start, m.end, m.label) for sentence in frame.sentences
                    for m in _target_lexicon().find(text, sentence.start_char, sentence.end_char)]
    found: list[Candidate] = []
    for index, sentence in enumerate(frame.sentences):
        sentence_features = _sentence_features(sentence, frame, index)
        for token in sentence:
            if token.pos_ not in _NOUNS or token.is_punct or len(token.text) < 2:
                continue
            lemma = _lemma(token)
            shared = [f"head={lemma}", "pos=" + token.pos_, "tag=" + token.tag_, "ent=" + (token.ent_type_ or "-"),
                      f"freq={min(lemma_counts.get(lemma, 0), 4)}",
                      "prev=" + (doc[token.i - 1].lower_ if token.i > 0 else "<s>"),
                      "next=" + (doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"),
                      *_attachment(token), *sentence_features]
            if token.is_title:
                shared.append("title_case")
            for role, words in rule_words.items():
                if token.lower_ in words:
                    shared.append("rule_word=" + role)
            for variant, first, end in _spans(token):
                start_char, end_char = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
                phrase = normalise(text[start_char:end_char])
                if not phrase:
                    continue
                features = [f"v={variant}", f"v_ent={variant}:{token.ent_type_ or '-'}",
                            f"v_pos={variant}:{token.pos_}", f"len={min(end - first, 5)}"]
                features += ["w=" + w for w in phrase.split()]
                for role, strings in rules.items():
                    if phrase in strings:
                        features.append("rule=" + role)
                        features.append(f"rule_v={role}:{variant}")
                if phrase in aliases:
                    features.append("alias")
                    if aliases[phrase] in group_table().terrorist:
                        features.append("alias_terrorist")
                if any(s <= start_char and end_char <= e for s, e in weapon_spans):
                    features.append("weapon_lexicon_in")
                elif any(start_char <= s and e <= end_char for s, e in weapon_spans):
                    features.append("weapon_lexicon_has")
                for kind in {k for s, e, k in target_spans if start_char <= s and e <= end_char}:
                    features.append("target_lexicon=" + kind)
                found.append(Candidate(start_char, end_char, token.i, variant, tuple(shared + features)))
    return found


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, list[float]], list[float], dict[str, float]]:
    raw = json.loads(resources.files("blotter.data").joinpath("roles.json").read_text(encoding="utf-8"))
    return raw["weights"], raw["bias"], raw["thresholds"]


def probabilities(candidate: Candidate) -> dict[str, float]:
    """The model's probability for each role (and "none") of one candidate."""
    weights, bias, _ = _model()
    z = list(bias)
    for feature in candidate.features:
        row = weights.get(feature)
        if row is not None:
            for k, w in enumerate(row):
                z[k] += w
    top = max(z)
    exps = [math.exp(v - top) for v in z]
    total = sum(exps)
    return {role: e / total for role, e in zip(ROLES, exps)}


def _scored(frame: IncidentFrame, incident: Incident) -> list[tuple[Candidate, dict[str, float]]]:
    return [(candidate, probabilities(candidate)) for candidate in candidates(frame, incident)]


def role_fillers(frame: IncidentFrame, scored: list[tuple[Candidate, dict[str, float]]],
                 ) -> list[tuple[str, Candidate, float]]:
    """(role, candidate, probability) for phrases the model puts in a role above its threshold,
    best cut per head noun and role, one per distinct phrase, most probable first."""
    _, _, thresholds = _model()
    best: dict[tuple[str, int], tuple[float, Candidate]] = {}
    for candidate, probs in scored:
        for role in ROLES[1:]:
            p = probs[role]
            if p >= thresholds.get(role, 1.1) and (
                    (role, candidate.head) not in best or p > best[(role, candidate.head)][0]):
                best[(role, candidate.head)] = (p, candidate)
    chosen: list[tuple[str, Candidate, float]] = []
    seen: set[tuple[str, str]] = set()
    for (role, _), (p, candidate) in sorted(best.items(), key=lambda item: -item[1][0]):
        key = (role, normalise(frame.text[candidate.start:candidate.end]))
        if key not in seen:
            seen.add(key)
            chosen.append((role, candidate, p))
    return chosen


def _doubtful(role: str, names: list[str | None], best: dict[tuple[str, str], float]) -> bool:
    """A rule filler the model read as a candidate and scored below the role's drop threshold."""
    _, _, thresholds = _model()
    limit = thresholds.get("drop_" + role)
    if limit is None:
        return False
    scores = [best[(role, normalise(n))] for n in names if n and (role, normalise(n)) in best]
    return bool(scores) and max(scores) < limit


def _is_name(frame: IncidentFrame, candidate: Candidate) -> bool:
    tokens = [t for t in frame.doc[candidate.head:candidate.head + 1]]
    return all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in tokens)


def _same_group(frame: IncidentFrame, candidate: Candidate, phrase: str, groups: set[str]) -> bool:
    """A group already given under another name: an alias of a known group ("army of national
    liberation" beside "ELN"), the acronym in brackets after its name ("... armed forces of liberation (FAL)"),
    or the name before the bracketed acronym the rules found ("secret anticommunist army (ESA)")."""
    canonical = group_table().canonical.get(phrase)
    if canonical is not None and normalise(canonical) in groups:
        return True
    before = frame.text[max(0, candidate.start - 120):candidate.start].rstrip()
    if before.endswith("("):
        named = normalise(before[:-1])
        return any(named.endswith(g) for g in groups if g)
    acronym = _ACRONYM_AFTER.match(frame.text, candidate.end)
    return acronym is not None and normalise(acronym.group(1)) in groups  # "... army (ESA)", the rules' "ESA"


def _named_perpetrator(phrase: str, perpetrators: list[Perpetrator]) -> bool:
    """The phrase names someone the rules hold to be the attacker ("Khan" of "Usman Khan")."""
    words = set(phrase.split())
    return any(words & set(normalise(n).split()) for p in perpetrators if p.name for n in (p.name, p.mention))


def _named_by_the_rules(frame: IncidentFrame, candidate: Candidate, perpetrators: list[Perpetrator]) -> bool:
    """The phrase is the noun the rules' named attacker was given to ("a terrorist ... has been identified as
    X", "the gunman, X"): the same person, whom the name already stands for."""
    head = frame.doc[candidate.head]
    named = _identified_name(head) or _appositive_name(head)
    return named is not None and _named_perpetrator(normalise(named.text), perpetrators)


def _acts_violently(frame: IncidentFrame, candidate: Candidate) -> bool:
    """A group the model proposes is no perpetrator where its sentence names it as a party to talks or a
    condemner ("open to peace talks with the FMLN", "the army condemned the FMLN"), where its spokesman or
    communique follows its name ("an FMLN spokesman blamed the army"), or as a side of a clash ("clashes between
    the army and the FMLN"): the rules' reading too."""
    sentence = frame.doc[candidate.head].sent
    text = frame.text[sentence.start_char:sentence.end_char]
    return not (_NOT_INVOLVED.search(text) or speaker_follows(frame, candidate.end)
                or in_clash(frame, candidate.start, candidate.end))


def _singular_words(weapon_name: str) -> set[str]:
    """A weapon name's words with its head noun singular, so "bombs" and "incendiary bomb" compare as names."""
    return set(weapon_name.split()[:-1]) | {head_word(weapon_name)}


def _same_weapon_named(frame: IncidentFrame, candidate: Candidate, weapons: list[Weapon]) -> bool:
    """Whether the model's weapon is one the rules give, by the noun it ends in and one name holding the other's
    words: "bomb" beside "medium-sized bomb", "5 kg of dynamite" beside "dynamite", but not "package bomb" beside
    "car bomb", another weapon. A fuller name of it ("5 kg of dynamite", the rules having "dynamite") replaces the
    rules' shorter one in ``weapons``: a coder names the weapon with what the report says of it."""
    mention = frame.text[candidate.start:candidate.end]
    phrase = normalise(mention)
    words = _singular_words(phrase)
    for index, weapon in enumerate(weapons):
        known = normalise(weapon.mention)
        known_words = _singular_words(known)
        if head_word(known) != head_word(phrase) or not (known_words <= words or words <= known_words):
            continue
        if set(known.split()) < set(phrase.split()):
            weapons[index] = weapon.model_copy(update={
                "mention": mention, "evidence": [*weapon.evidence, Evidence.of(frame.text, candidate.start, candidate.end)]})
        return True
    return False


def refine_roles(frame: IncidentFrame, incident: Incident) -> Incident:
    """The incident with the role fillers the model finds and the rules missed added, and the rule
    fillers it reads as no role at all dropped."""
    scored = _scored(frame, incident)
    best: dict[tuple[str, str], float] = {}
    for candidate, probs in scored:
        phrase = normalise(frame.text[candidate.start:candidate.end])
        for role in ROLES[1:]:
            best[(role, phrase)] = max(best.get((role, phrase), 0.0), probs[role])
    updates: dict[str, list] = {
        # A person the rules name as the attacker stays: the model knows 1980s wire copy, not every report.
        "perpetrators": [p for p in incident.perpetrators
                         if p.name or not _doubtful("PerpInd", [p.mention, p.name], best)],
        "groups": [g for g in incident.groups if not _doubtful("PerpOrg", [g.mention, g.name], best)],
        "targets": [t for t in incident.targets if not _doubtful("Target", [t.mention], best)],
        "victims": [v for v in incident.victims if not _doubtful("Victim", [v.mention, v.name], best)],
        "weapons": [w for w in incident.weapons if not _doubtful("Weapon", [w.mention], best)],
    }
    rules = _rule_strings(incident)
    rule_spans = _rule_spans(incident)
    for role, candidate, _ in role_fillers(frame, scored):
        mention = frame.text[candidate.start:candidate.end]
        phrase = normalise(mention)
        if phrase in rules[role] or (role == "PerpOrg" and _same_group(frame, candidate, phrase, rules[role])):
            continue
        if any(start <= candidate.start and candidate.end <= end for start, end in rule_spans[role]):
            continue  # 'bomb' of the rules' 'incendiary bomb': part of a filler already given
        if role == "Weapon" and _same_weapon_named(frame, candidate, updates["weapons"]):
            continue
        if role == "PerpOrg" and not _acts_violently(frame, candidate):
            continue
        if role == "PerpInd" and _named_by_the_rules(frame, candidate, updates["perpetrators"]):
            continue
        rules[role].add(phrase)
        evidence = [Evidence.of(frame.text, candidate.start, candidate.end)]
        if role == "PerpInd":
            updates["perpetrators"].append(Perpetrator(mention=mention, evidence=evidence))
        elif role == "PerpOrg":
            name = group_table().canonical.get(phrase, mention)
            updates["groups"].append(GroupRef(name=name, mention=mention, relation="suspected", evidence=evidence))
        elif role == "Target":
            kinds = [m.label for m in _target_lexicon().find(frame.text, candidate.start, candidate.end)]
            updates["targets"].append(Target(mention=mention, type=kinds[0] if kinds else "unknown", evidence=evidence))
        elif role == "Victim":
            if _is_name(frame, candidate) and not _named_perpetrator(phrase, updates["perpetrators"]):
                updates["victims"].append(Victim(name=mention, mention=mention, evidence=evidence))
        elif role == "Weapon":
            updates["weapons"].append(Weapon(mention=mention, type="unknown", evidence=evidence))
    return incident.model_copy(update=updates)
