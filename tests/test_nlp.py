"""Language analysis: ALL-CAPS and lower-case reports are analysed truecased, offsets unchanged."""

from __future__ import annotations

from blotter.nlp import analyse, analyse_many, first_name_gender, truecase

CAPS_REPORT = (
    "LAGOS, NIGERIA -- GUNMEN SHOT DEAD TWO GUARDS AT A BANK ON FRIDAY, POLICE SPOKESMAN "
    "BELLO ADAMU TOLD REPORTERS. THE U.S. EMBASSY AND THE UN CONDEMNED THE RAID."
)
MIXED_REPORT = "Gunmen shot dead two guards at a bank in Lagos on Friday, police spokesman Bello Adamu said."


def test_caps_report_names_a_person_and_places() -> None:
    doc = analyse(CAPS_REPORT)
    entities = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("Bello Adamu", "PERSON") in entities
    assert ("Lagos", "GPE") in entities
    assert any(ent.text == "UN" and ent.label_ == "ORG" for ent in doc.ents)


def test_truecased_doc_keeps_every_offset_and_the_article_text() -> None:
    doc = analyse(CAPS_REPORT)
    assert len(doc.text) == len(CAPS_REPORT)
    assert doc.text.lower() == CAPS_REPORT.lower()
    assert doc._.article_text == CAPS_REPORT
    for ent in doc.ents:
        assert CAPS_REPORT[ent.start_char : ent.end_char].lower() == ent.text.lower()


def test_lower_case_report_is_truecased() -> None:
    text = "salvadoran president alfredo cristiani said the fmln attacked a bus in san miguel on monday."
    cased = truecase(text)
    assert cased.startswith("Salvadoran president Alfredo Cristiani")
    assert "FMLN" in cased and "San Miguel" in cased and "Monday" in cased
    assert any(ent.label_ == "PERSON" and ent.text == "Alfredo Cristiani" for ent in analyse(text).ents)


def test_mixed_case_report_is_untouched() -> None:
    assert truecase(MIXED_REPORT) == MIXED_REPORT
    doc = analyse(MIXED_REPORT)
    assert doc.text == MIXED_REPORT == doc._.article_text


def test_caps_headline_above_a_normal_body_is_truecased_alone() -> None:
    text = "BOMB BLAST KILLS FOUR IN PESHAWAR\n" + MIXED_REPORT
    cased = truecase(text)
    assert cased.split("\n")[1] == MIXED_REPORT
    assert "Peshawar" in cased.split("\n")[0]


def test_everyday_words_and_times_stay_lower_case() -> None:
    cased = truecase("THE ATTACKERS STORMED THE MARKET AT 10 A.M. AND FLED WITH US.")
    assert cased == "The attackers stormed the market at 10 a.m. and fled with us."


def test_analyse_many_keeps_order_and_article_text() -> None:
    texts = [CAPS_REPORT, MIXED_REPORT, ""]
    docs = list(analyse_many(texts))
    assert [doc._.article_text for doc in docs] == texts


def test_first_name_gender() -> None:
    assert first_name_gender("Mary") == "female"
    assert first_name_gender("JOHN") == "male"
    assert first_name_gender("Kaduna") is None


RULER_REPORTS = [
    "I told him it was over, but he didn't listen. You gotta see this, y'all.",
    "There is a man who said he's gonna shoot, and there were two guns.\n\n  Police had arrived; they did not fire.",
    "Let's go, c'm on! Ain't nobody hurt? His car was set on fire and its driver fled.",
    "Which suspect did police arrest? That one, whose brother gets caught every year, got away.",
    "   The bomb   exploded near the U.S. embassy at 10 a.m.; 3 people died, 12 were wounded.\n",
]


def test_table_attribute_ruler_rules_like_spacys_attribute_ruler() -> None:
    from spacy.tokens import Doc

    from blotter.nlp import load_nlp

    nlp = load_nlp()
    spacy_ruler, table_ruler = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("table_attribute_ruler")
    before_ruler = nlp.component_names[: nlp.component_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before_ruler):
        parsed = list(nlp.pipe(RULER_REPORTS + [report.upper() for report in RULER_REPORTS]))
    for doc in parsed:
        expected, actual = spacy_ruler(Doc.from_docs([doc])), table_ruler(Doc.from_docs([doc]))
        for want, got in zip(expected, actual):
            assert (want.pos_, str(want.morph), want.lemma_, want.tag_, want.dep_) == (
                got.pos_, str(got.morph), got.lemma_, got.tag_, got.dep_
            ), want.text


def test_pipeline_uses_the_table_attribute_ruler() -> None:
    from blotter.nlp import load_nlp

    names = load_nlp().pipe_names
    assert "table_attribute_ruler" in names and "attribute_ruler" not in names
    doc = analyse("Gunmen shot two guards, but it was not over.")
    assert [token.pos_ for token in doc][:3] == ["NOUN", "VERB", "NUM"]
    assert doc[1].lemma_ == "shoot"
