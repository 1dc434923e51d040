"""Quotes: direct and reported speech, their cue and speaker, with offsets into the article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blotter.models import Quote
from blotter.nlp import analyse
from blotter.quotes import find_quotes


def quotes_of(text: str) -> list[Quote]:
    found = find_quotes(analyse(text))
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker_mention is None or quote.speaker_mention in text
    return found


def direct_quotes(text: str) -> list[Quote]:
    return [quote for quote in quotes_of(text) if quote.direct]


def test_direct_quote_with_pronoun_speaker_resolves_to_the_named_spokesman() -> None:
    text = (
        "Gunmen attacked a market near Jos on Sunday. Plateau state police spokesman Alabo Musa said "
        'the attackers fled on foot. "Our officers chased them into the hills," he said.'
    )
    [quote] = direct_quotes(text)
    assert quote.text == "Our officers chased them into the hills,"
    assert (quote.speaker, quote.speaker_mention, quote.cue) == (
        "Alabo Musa", "Plateau state police spokesman Alabo Musa", "said",
    )


def test_multi_part_direct_quote_keeps_the_speaker() -> None:
    text = '"We will find those responsible," Commissioner Ruth Okoye told reporters. "They will face justice."'
    first, second = direct_quotes(text)
    assert first.text == "We will find those responsible,"
    assert (first.speaker, first.cue) == ("Ruth Okoye", "told")
    assert second.text == "They will face justice."
    assert second.speaker == "Ruth Okoye"


def test_quote_introduced_before_the_marks() -> None:
    text = 'The mayor, Daniel Reyes, said: "This city will not be intimidated by violence."'
    [quote] = direct_quotes(text)
    assert quote.speaker == "Daniel Reyes"
    assert quote.cue == "said"


def test_curly_quotes() -> None:
    text = "\u201cThe device was packed with nails,\u201d the bomb squad commander said on Tuesday."
    [quote] = direct_quotes(text)
    assert quote.text == "The device was packed with nails,"
    assert quote.speaker_mention == "the bomb squad commander"


def test_reported_speech() -> None:
    text = "Police said the attacker acted alone and had no known links to any group."
    [quote] = quotes_of(text)
    assert not quote.direct
    assert quote.text == "the attacker acted alone and had no known links to any group"
    assert (quote.speaker, quote.cue) == ("Police", "said")


def test_according_to() -> None:
    text = (
        "Four soldiers were killed in the ambush, according to the army. "
        "According to witnesses, the convoy was hit twice."
    )
    first, second = quotes_of(text)
    assert (first.text, first.cue, first.speaker) == (
        "Four soldiers were killed in the ambush", "according to", "the army",
    )
    assert (second.text, second.speaker) == ("the convoy was hit twice", "witnesses")


def test_she_resolves_to_the_last_woman_named() -> None:
    text = (
        "Detective Sarah Collins told reporters that the suspect had been released in May. "
        "Her colleague Mark Dunn said the house was searched. "
        '"We found three rifles and ammunition in the garage," she added.'
    )
    quote = direct_quotes(text)[0]
    assert (quote.speaker, quote.cue) == ("Sarah Collins", "added")


def test_no_quotes_and_scare_quotes() -> None:
    assert quotes_of("A bus overturned on the highway on Friday. Nine passengers were hurt.") == []
    assert direct_quotes('The so-called "bandits" raided the village at dawn.') == []


def test_all_caps_report_keeps_offsets_into_the_original_text() -> None:
    text = 'POLICE SAID THE GUNMAN FIRED AT LEAST TEN SHOTS. "HE WAS SHOUTING AT EVERYONE," WITNESS JAMES OKORO SAID.'
    found = quotes_of(text)
    direct = [quote for quote in found if quote.direct]
    assert direct and direct[0].text == "HE WAS SHOUTING AT EVERYONE,"
    assert direct[0].speaker == "JAMES OKORO"
    assert any(not quote.direct and quote.speaker == "POLICE" for quote in found)


SPEC_EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "spec" / "example" / "record.json"


@pytest.mark.skipif(not SPEC_EXAMPLE.exists(), reason="the spec example is not beside the project")
def test_spec_example_direct_quote_is_reproduced_exactly() -> None:
    record = json.loads(SPEC_EXAMPLE.read_text(encoding="utf-8"))
    direct = [quote.model_dump() for quote in direct_quotes(record["text"])]
    assert direct == record["quotes"]


def test_speaker_of_a_statement_in_a_video() -> None:
    text = "A militia calling itself the Hill Brigade said in a video released on Monday that it attacked the convoy."
    [quote] = quotes_of(text)
    assert quote.text == "it attacked the convoy"
    assert quote.cue == "said"
    assert quote.speaker == "the Hill Brigade"


def test_typewriter_marks_and_dash_signature() -> None:
    typewriter = "``The checkpoint was overrun before dawn,'' said Colonel Amir Haddad."
    [quote] = direct_quotes(typewriter)
    assert (quote.text, quote.speaker, quote.cue) == ("The checkpoint was overrun before dawn,", "Amir Haddad", "said")
    signed = "\u201cWe heard three blasts and then silence.\u201d \u2015 Lucia Fernandez\n"
    [quote] = direct_quotes(signed)
    assert (quote.speaker, quote.cue) == ("Lucia Fernandez", None)


def test_stance_verb_and_that_clause() -> None:
    found = quotes_of(
        "The interior ministry denied reports of a second attack. "
        "Investigators believe that the bomb was remotely detonated."
    )
    assert [(quote.text, quote.speaker) for quote in found] == [
        ("reports of a second attack", "The interior ministry"),
        ("the bomb was remotely detonated", "Investigators"),
    ]


def test_it_resolves_to_the_organisation_that_spoke_last() -> None:
    text = (
        "The Interior Ministry said the border crossing would stay closed. "
        '"Security forces are searching the area for the attackers," it added.'
    )
    direct = direct_quotes(text)[0]
    assert (direct.speaker, direct.cue) == ("The Interior Ministry", "added")


def test_surname_speaker_takes_the_full_name_given_earlier():
    from blotter.nlp import analyse
    from blotter.quotes import find_quotes

    text = ('Police Commissioner Sarah Okonjo said the road would stay closed. '
            '"We are asking everyone to keep clear of the road tonight," Okonjo told reporters.')
    (quote,) = [q for q in find_quotes(analyse(text)) if q.direct]
    assert quote.speaker == "Sarah Okonjo"
    assert quote.speaker_mention == "Okonjo"


def test_quoted_phrase_inside_reported_speech_is_one_statement():
    text = 'The governor said the attackers wanted to "spread fear in every market" before the vote.'
    [quote] = quotes_of(text)
    assert not quote.direct and quote.speaker == "The governor"
    assert quote.text.startswith("the attackers wanted to") and "spread fear" in quote.text


def test_names_called_by_a_speaker_are_one_statement():
    text = 'The minister called the gunmen "cowards," "murderers" and "enemies of peace."'
    [quote] = quotes_of(text)
    assert quote.text.startswith("the gunmen") and quote.text.rstrip('."”').endswith("enemies of peace")


def test_programme_titles_and_markup_are_not_quotes():
    text = ('The police chief told ABC\'s "Morning Report" that two men were held. '
            '<embed author="newsdesk" id="12345">\n\nThe market reopened on Monday.')
    found = quotes_of(text)
    assert [quote.text for quote in found] == ["two men were held"]


def test_speaker_with_a_title_after_the_quote():
    text = ('The fire chief said the blaze was set deliberately. '
            '"We found two jerrycans by the door," Sen. Maria Lopez (D-Ariz.) said Friday. '
            '"Someone wanted this building to burn," Mr. Alan Park said.')
    first, second = direct_quotes(text)
    assert (first.speaker, first.cue) == ("Maria Lopez", "said")
    assert second.speaker == "Alan Park"


def test_transcript_turns_are_quotes_of_the_labelled_speaker():
    text = ("The sheriff spoke to the station on Monday.\n\n"
            "HOST: Were the suspects known to your office before the raid?\n\n"
            "OKAFOR: Two of them had been arrested for robbery last year.\n\n"
            "UPDATE: The station has since corrected the date.")
    found = quotes_of(text)
    assert [(quote.speaker, quote.text) for quote in found] == [
        ("HOST", "Were the suspects known to your office before the raid?"),
        ("OKAFOR", "Two of them had been arrested for robbery last year."),
    ]


def test_statement_around_an_aside():
    found = quotes_of("The attack on the depot, police said, was planned for several weeks.")
    assert [(quote.text, quote.speaker) for quote in found] == [
        ("The attack on the depot", "police"), ("was planned for several weeks", "police"),
    ]


def test_polls_and_videos_show_and_accusations():
    found = quotes_of("A video shows officers firing at the car. The mayor accused the gang of planning the raid.")
    assert [quote.text for quote in found] == ["officers firing at the car", "the gang of planning the raid"]


def test_speaker_of_a_participle_under_a_preposition():
    text = "The council voted on Monday to fine the company for refusing to disclose the safety reports."
    found = quotes_of(text)
    assert found and all(quote.speaker == "The council" for quote in found)


def test_the_one_accused_is_not_the_speaker():
    text = "Marcus Dell was arrested on Friday. In 2019, he was accused of plotting to rob a bank."
    found = quotes_of(text)
    assert found and all(quote.speaker is None for quote in found)


def test_more_verbs_introduce_quotes():
    text = ('Senator Ray Olsen spoke first. "Who signed off on the raid?" Senator Dana Pruitt demanded. '
            'The inquiry was closed, or, as the Interior Ministry put it, "the matter is settled."')
    first, second = direct_quotes(text)
    assert (first.speaker, first.cue) == ("Dana Pruitt", "demanded")
    assert (second.speaker, second.cue) == ("the Interior Ministry", "put")


def test_capitalised_titles_are_not_quotes():
    text = 'The governor said on "Meet the Press" that the curfew would end. "We are not there yet," she said.'
    assert [quote.text for quote in direct_quotes(text)] == ["We are not there yet,"]


def test_wishes_requests_and_votes():
    found = quotes_of("Residents want a police post in the market. The chief asked the families to stay indoors.")
    assert [(quote.text, quote.speaker) for quote in found] == [
        ("a police post in the market", "Residents"), ("the families to stay indoors", "The chief"),
    ]


def test_speaker_of_a_statement_noun_and_of_likely_to_say():
    found = quotes_of("The ministry said in a statement that the convoy had been ambushed twice.")
    assert [quote.speaker for quote in found] == ["The ministry"]
    found = quotes_of("Residents are likely to say that the checkpoint came too late.")
    assert [quote.speaker for quote in found] == ["Residents"]


def test_a_quote_in_the_paragraph_above_does_not_hide_what_the_next_speaker_said():
    text = ("The mayor spoke after the vote. “We will not close the shelter. The city is going to keep it open "
            "all winter.”\n\nCouncil member Ruth Amadi said the plan was reckless and accused the mayor of "
            "ignoring the budget.")
    reported = [quote for quote in quotes_of(text) if not quote.direct]
    assert [(quote.text[:24], quote.speaker) for quote in reported] == [("the plan was reckless an", "Ruth Amadi")]


def test_headlines_that_open_with_their_source():
    text = ("Police: Gunman knew both victims before the shooting\n\nMayor Tom Barrett: We will not let this stand\n\n"
            "Update: The suspect was arrested Wednesday night in Racine.\n\n"
            "Follow Ana Ruiz on Twitter: @anaruiz and at anaruiz.example.com for more")
    assert [(quote.text, quote.speaker) for quote in direct_quotes(text)] == [
        ("Gunman knew both victims before the shooting", "Police"), ("We will not let this stand", "Tom Barrett"),
    ]


def test_a_line_that_asks_the_reader_to_call_is_not_a_quote():
    text = ("Springfield Police Department: Contact 555-210-4477 with any tips about the robbery\n\n"
            "County Sheriff: www.county-sheriff.example.org/tips or 555-210-4478\n\n"
            "Sheriff Dan Cole: We will find the man who robbed the store")
    assert [(quote.text, quote.speaker) for quote in direct_quotes(text)] == [
        ("We will find the man who robbed the store", "Dan Cole"),
    ]


def test_speaker_of_a_quote_after_a_colon():
    text = ("The councillors argued for an hour. Then Ana Ruiz lost her patience and told them:\n\n"
            "“We have talked about this road for ten years and nothing has changed.”\n\n"
            "The city released a statement: “The road will be repaired by the end of the year.”")
    assert [(quote.cue, quote.speaker) for quote in direct_quotes(text)] == [("told", "Ana Ruiz"), ("released", "The city")]


def test_a_colon_after_a_clause_that_says_nothing_names_no_speaker():
    text = ("Deputies found a letter on the kitchen table: “I have gone north and I will not come back.”\n\n"
            "Detectives searched the truck of the driver, Lee Marsh: “Sam Cho sold me this truck last year.”")
    assert [(quote.cue, quote.speaker) for quote in direct_quotes(text)] == [(None, None), (None, None)]


def test_a_stance_verb_states_its_object_not_the_day():
    found = quotes_of("The union on Wednesday criticized the new shift schedule.")
    assert [(quote.text, quote.speaker) for quote in found] == [("the new shift schedule", "The union")]


def test_a_short_stance_names_who_or_what_it_is_on():
    found = quotes_of("The mayor endorsed Ruiz in March. The treasurer said so.")
    assert [(quote.text, quote.speaker) for quote in found] == [("Ruiz", "The mayor")]


def test_orders_instructions_and_calls_for_others_to_act():
    found = quotes_of("The sheriff ordered deputies to close the road. The union called for all members to walk out.")
    assert [(quote.text, quote.speaker) for quote in found] == [
        ("deputies to close the road", "The sheriff"), ("all members to walk out", "The union"),
    ]


def test_a_stance_noun_states_what_it_is_on_but_an_attack_is_not_words():
    found = quotes_of("The pastor renewed his church's support for the peace plan. The attack on the depot killed two.")
    assert [(quote.text, quote.cue) for quote in found] == [("the peace plan", "support")]


def test_a_stance_noun_held_by_a_thing_or_an_event_is_no_ones_stance():
    text = ("An online fundraiser collected $5,000 in support for the family of the cashier. "
            "The robbery came amid growing concern about thefts downtown. "
            "Neighbors voiced concern about the empty lot.")
    assert [(quote.text, quote.speaker) for quote in quotes_of(text)] == [("concern about the empty lot", "Neighbors")]


def test_opinion_verbs_and_their_own_prepositions():
    text = ("Senator Ana Ruiz has railed against the water tax for months. "
            "The mayor mocked the proposal. He pointed the flashlight at the door.")
    assert [(quote.text, quote.cue) for quote in quotes_of(text)] == [
        ("the water tax", "railed"), ("the proposal", "mocked"),
    ]


def test_a_statement_that_opens_with_a_gerund():
    found = quotes_of("He said taxing it could put hundreds of people to work in rural Ohio.")
    assert [quote.text for quote in found] == ["taxing it could put hundreds of people to work in rural Ohio"]


def test_a_short_common_noun_is_not_a_statement():
    found = quotes_of("Two council members voted against the plan.")
    assert found == []


def test_speaker_of_was_quoted_as_saying():
    found = quotes_of("The mayor was quoted as saying the curfew would end soon.")
    assert [(quote.text, quote.speaker) for quote in found] == [("the curfew would end soon", "The mayor")]
