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
