"""Stage 2, clean: the article a reader would see, with the page furniture taken apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trafilatura.utils import load_html

from blotter.clean import (_dom_blocks, _first_publication, _with_dropped_prose, _with_short_repeats,
                           _without_credited_captions, _without_leading_labels, _without_leading_title,
                           _without_closing_credits, _without_closing_teasers, _without_disclosures, _without_link_runs_at_the_ends, _without_reading_times, _without_trailing_outsiders, _without_trailing_sections, clean,
                           detect_language)
from blotter.errors import NoArticleText
from blotter.models import InputDocument
from blotter.textpage import byline_names, parse_stamp

SPEC_EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "spec" / "example"


def clean_text(text: str, **fields: str) -> object:
    return clean(InputDocument(id="t1", text=text, **fields))


# --------------------------------------------------------------------------- the spec's example


@pytest.mark.skipif(not SPEC_EXAMPLE.exists(), reason="the spec's worked example is not here")
def test_spec_example_page_is_cleaned_exactly_as_its_record() -> None:
    expected = json.loads((SPEC_EXAMPLE / "record.json").read_text(encoding="utf-8"))
    article = clean(InputDocument(id=expected["id"], text=(SPEC_EXAMPLE / "report.txt").read_text(encoding="utf-8")))
    for field in ("site", "title", "subtitle", "authors", "published", "updated", "language", "text", "image_credits"):
        assert getattr(article, field) == expected[field], field
    assert [link.model_dump() for link in article.related_links] == expected["related_links"]


# --------------------------------------------------------------------------- text pages with clutter

CLUTTERED_PAGE = """\
Home
World
India

Two policemen shot dead at checkpoint in Srinagar
Militants opened fire on a security post late on Saturday, officials said
By Aarav Mehta and Priya Nair | Updated: Dec 01, 2019 09:45 IST
Posted on Nov 30, 2019 at 11:20 pm IST

Share this
Facebook Twitter WhatsApp Email

Two policemen were killed when militants attacked a checkpoint on the outskirts of Srinagar on Saturday night, a police spokesman said.

Picture: Rafiq Bhat/Reuters
Advertisement

The attackers fled into a nearby orchard. A search operation was launched, the spokesman added.
READ MORE: Curfew imposed in three districts after protests
(Photo credit: Special arrangement)

We use cookies to improve your experience. Accept cookies
Click here to subscribe to our daily briefing
Also read: Army chief visits the valley https://news.example.in/army-chief-visit
Follow us on Twitter
Subscribe to our newsletter

The checkpoint had been attacked twice before this year.
"""


def test_cluttered_text_page_keeps_only_the_report() -> None:
    article = clean_text(CLUTTERED_PAGE, url="https://news.example.in/srinagar-attack")
    assert article.title == "Two policemen shot dead at checkpoint in Srinagar"
    assert article.subtitle == "Militants opened fire on a security post late on Saturday, officials said"
    assert article.authors == ["Aarav Mehta", "Priya Nair"]
    assert article.published == "2019-11-30T23:20:00+05:30"
    assert article.updated == "2019-12-01T09:45:00+05:30"
    assert article.text == (
        "Two policemen were killed when militants attacked a checkpoint on the outskirts of Srinagar on Saturday "
        "night, a police spokesman said.\n\n"
        "The attackers fled into a nearby orchard. A search operation was launched, the spokesman added.\n\n"
        "The checkpoint had been attacked twice before this year."
    )
    assert article.image_credits == ["Rafiq Bhat/Reuters", "Special arrangement"]
    assert [(link.title, link.url) for link in article.related_links] == [
        ("Curfew imposed in three districts after protests", None),
        ("Army chief visits the valley", "https://news.example.in/army-chief-visit"),
    ]
    assert article.site == "news.example.in"
    assert article.language == "en" and article.warnings == []


def test_related_items_and_credits_never_reach_the_text() -> None:
    page = ("Bomb blast hits bus station in northern city\n\n"
            "A bomb exploded at a bus station on Monday, wounding four people, police said.\n"
            "READ| Second suspect held over market attack\n"
            "Related: Timeline of attacks on transport hubs\n"
            "Image: Staff photographer\n"
            "Police cordoned off the area and asked witnesses to come forward.\n")
    article = clean_text(page)
    assert "suspect" not in article.text and "Timeline" not in article.text and "Staff" not in article.text
    assert [link.title for link in article.related_links] == [
        "Second suspect held over market attack", "Timeline of attacks on transport hubs"]
    assert article.image_credits == ["Staff photographer"]


def test_related_list_under_a_heading_is_collected() -> None:
    page = ("Gunman held after shooting outside stadium\n\n"
            "A man was arrested after two people were shot outside a stadium on Friday evening, police said.\n\n"
            "Related Stories\n"
            "City council votes on new policing budget\n"
            "Witnesses describe panic outside the stadium\n")
    article = clean_text(page)
    assert article.text == ("A man was arrested after two people were shot outside a stadium on Friday evening, "
                            "police said.")
    assert [link.title for link in article.related_links] == [
        "City council votes on new policing budget", "Witnesses describe panic outside the stadium"]


@pytest.mark.parametrize("url,text_hint,offset", [
    ("https://example.in/a", "", "+05:30"),
    ("https://example.ie/a", "", "+01:00"),
    ("https://example.co.il/a", "", "+02:00"),
    (None, "Gardai in Dublin said the car was found burnt out.", "+01:00"),
    (None, "The attack in Tel Aviv came hours after a raid in Jerusalem.", "+02:00"),
])
def test_ambiguous_ist_follows_the_page_country(url: str | None, text_hint: str, offset: str) -> None:
    page = ("Updated: Jun 01, 2020 09:45 IST\n\nCar bomb found near border crossing\n\n"
            f"A car packed with explosives was found on Sunday, officials said. {text_hint}\n")
    article = clean_text(page, **({"url": url} if url else {}))
    assert article.updated == f"2020-06-01T09:45:00{offset}"


@pytest.mark.parametrize("phrase,expected", [
    ("March 4th, 2024 at 18:10 GMT", "2024-03-04T18:10:00+00:00"),
    ("Dec 01, 2019 09:45 IST", "2019-12-01T09:45:00+05:30"),
    ("Monday 4 March 2024 18.10 BST", "2024-03-04T18:10:00+01:00"),
    ("4 March 2024, 9:15 am CET", "2024-03-04T09:15:00+01:00"),
    ("July 4, 2024 9:15 PM CEST", "2024-07-04T21:15:00+02:00"),
    ("Jan 5, 2024 7:00 a.m. EST", "2024-01-05T07:00:00-05:00"),
    ("Jul 5, 2024 7:00 a.m. EDT", "2024-07-05T07:00:00-04:00"),
    ("10:30 AM ET, Jul 4, 2024", "2024-07-04T10:30:00-04:00"),
    ("Sunday, March 3, 2024 | 5:40 PM PST", "2024-03-03T17:40:00-08:00"),
    ("3 Mar 2024 14:00 AEDT", "2024-03-03T14:00:00+11:00"),
    ("3 Mar 2024 14:00 PKT", "2024-03-03T14:00:00+05:00"),
    ("3 Mar 2024 14:00 EAT", "2024-03-03T14:00:00+03:00"),
    ("3 Mar 2024 14:00 WAT", "2024-03-03T14:00:00+01:00"),
    ("3 Mar 2024 14:00 SAST", "2024-03-03T14:00:00+02:00"),
    ("3 Mar 2024 14:00 GMT+5:30", "2024-03-03T14:00:00+05:30"),
    ("2024-03-04T10:00:00Z", "2024-03-04T10:00:00+00:00"),
    ("4 March 2024", "2024-03-04"),
    ("12 MAR 89", "1989-03-12"),
    ("March 4, 2024 10:00", "2024-03-04T10:00:00"),
    ("March 4, 2024 10:00 XYZ", "2024-03-04"),
    ("03/04/2024", None),
    ("yesterday afternoon", None),
])
def test_date_stamps_become_iso_with_the_stated_offset(phrase: str, expected: str | None) -> None:
    assert parse_stamp(phrase) == expected


def test_cst_is_china_time_on_a_chinese_page() -> None:
    assert parse_stamp("Mar 4, 2024 08:00 CST", "CN") == "2024-03-04T08:00:00+08:00"
    assert parse_stamp("Mar 4, 2024 08:00 CST") == "2024-03-04T08:00:00-06:00"


@pytest.mark.parametrize("line,names", [
    ("Reported by: Grace Adeyemi", ["Grace Adeyemi"]),
    ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"]),
    ("Written by Ann Lee, Senior Correspondent", ["Ann Lee"]),
    ("Edited by Omar al-Masri", ["Omar al-Masri"]),
    ("By Maria de la Cruz in Manila", ["Maria de la Cruz"]),
    ("By the time police arrived, the gunman had fled.", None),
    ("By Monday, Police Chief John Smith said two men had been charged.", None),
    ("By Grace Adeyemi, Kaduna", ["Grace Adeyemi"]),
])
def test_bylines_give_names_only(line: str, names: list[str] | None) -> None:
    assert byline_names(line) == names


def test_last_updated_and_posted_on_forms() -> None:
    page = ("Last Updated: Mar 05, 2024 10:00 GMT\nPosted on March 4, 2024\n\n"
            "Arson attack on mosque condemned\n\n"
            "Leaders condemned an arson attack on a mosque on Sunday night, police said.\n")
    article = clean_text(page)
    assert (article.published, article.updated) == ("2024-03-04", "2024-03-05T10:00:00+00:00")


@pytest.mark.parametrize("page", [
    # one line holds both stamps: the first is when the page came out, the second its last update
    "Posted: Friday, March 1, 2024 8:32 PM EST Updated: Monday, March 11, 2024 9:05 AM EST\n\n"
    "Shop owner shot in Linden\n\nA shop owner was shot on Thursday night, police said.\n",
    # the stamps run on after the headline on its line
    "Shop owner shot in Linden Posted: Friday, March 1, 2024 8:32 PM EST Updated: Monday, March 11, 2024 9:05 AM EST"
    "\n\nA shop owner was shot on Thursday night, police said.\n",
])
def test_posted_and_updated_stamps_on_one_line(page: str) -> None:
    article = clean_text(page)
    assert (article.published, article.updated) == ("2024-03-01T20:32:00-05:00", "2024-03-11T09:05:00-05:00")
    assert article.title == "Shop owner shot in Linden"


def test_undated_page_has_no_dates() -> None:
    article = clean_text("Shots fired near school\n\nShots were fired near a school on Tuesday, police said.\n")
    assert article.published is None and article.updated is None


def test_body_only_text_has_no_title() -> None:
    text = ("Three people were injured when a man attacked shoppers with a knife in a supermarket on Tuesday "
            "afternoon, police said.\n\nThe suspect was detained at the scene.")
    article = clean_text(text)
    assert article.title is None and article.text == text


def test_caller_fields_win_over_the_page() -> None:
    page = "Posted on March 4, 2024\n\nPage headline about a riot\n\nRioters set cars on fire on Sunday, police said.\n"
    article = clean_text(page, title="Caller title", published="5 March 2024 08:00", url="https://www.example.com/x")
    assert article.title == "Caller title"
    assert article.published == "2024-03-05T08:00:00"
    assert article.url == "https://www.example.com/x" and article.site == "example.com"
    assert article.text == "Rioters set cars on fire on Sunday, police said."


def test_unreadable_caller_date_is_a_warning_not_a_guess() -> None:
    article = clean_text("Rioters set cars on fire on Sunday, police said.", published="sometime soon-ish")
    assert article.published is None
    assert any("sometime soon-ish" in warning for warning in article.warnings)


# --------------------------------------------------------------------------- wire copy

WIRE = """\
   KABUL, 12 MAR 89 (AFP) -- [TEXT] GUERRILLAS FIRED ROCKETS AT THE CITY
AIRPORT TODAY, KILLING TWO SOLDIERS AND WOUNDING FIVE CIVILIANS, A
GOVERNMENT SPOKESMAN SAID.

   THE SPOKESMAN SAID THE ATTACK BEGAN AT DAWN AND LASTED ABOUT AN HOUR.
"""


def test_all_caps_wire_report_keeps_its_body_and_gives_the_dateline() -> None:
    article = clean_text(WIRE)
    assert article.dateline == "KABUL"
    assert article.text == (
        "KABUL, 12 MAR 89 (AFP) -- GUERRILLAS FIRED ROCKETS AT THE CITY AIRPORT TODAY, KILLING TWO SOLDIERS AND "
        "WOUNDING FIVE CIVILIANS, A GOVERNMENT SPOKESMAN SAID.\n\n"
        "THE SPOKESMAN SAID THE ATTACK BEGAN AT DAWN AND LASTED ABOUT AN HOUR."
    )


@pytest.mark.parametrize("lead,dateline", [
    ("LONDON (Reuters) - A man was charged on Friday over a stabbing in central London, police said.", "LONDON"),
    ("KADUNA, Nigeria (AP) — Gunmen abducted 20 villagers in northern Nigeria, residents said.", "KADUNA, Nigeria"),
    ("Police said a man was charged on Friday over a stabbing in central London.", None),
])
def test_wire_datelines(lead: str, dateline: str | None) -> None:
    article = clean_text(lead)
    assert article.dateline == dateline and article.text == lead


def test_source_markers_after_a_dateline_are_dropped_but_inline_brackets_stay() -> None:
    article = clean_text("LIMA, 3 APR 90 (RADIO NACIONAL) -- [STATION REPORT] [TEXT] A BOMB EXPLODED OUTSIDE THE "
                         "OFFICES OF THE RULING PARTY [APRA] TODAY, POLICE SAID.")
    assert article.dateline == "LIMA"
    assert article.text == ("LIMA, 3 APR 90 (RADIO NACIONAL) -- A BOMB EXPLODED OUTSIDE THE OFFICES OF THE RULING "
                            "PARTY [APRA] TODAY, POLICE SAID.")


# --------------------------------------------------------------------------- language and errors


def test_non_english_text_is_flagged() -> None:
    text = ("Dos hombres murieron y otros tres resultaron heridos en un ataque armado en la capital, "
            "según informó la policía, que no ha detenido a ningún sospechoso por el momento.")
    article = clean_text(text)
    assert article.language == "es"
    assert article.warnings == ["document is in Spanish; incident extraction is for English"]


@pytest.mark.parametrize("text,language", [
    ("Deux hommes ont été tués dans une attaque à la grenade dans le centre de la ville, selon la police.", "fr"),
    ("Zwei Menschen wurden bei einem Anschlag in der Innenstadt getötet, wie die Polizei mitteilte.", "de"),
    ("Two people were killed in a grenade attack in the city centre, police said on Monday.", "en"),
    ("Два человека погибли в результате нападения в центре города, сообщила полиция.", "ru"),
])
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_page_of_only_clutter_has_no_article_text() -> None:
    with pytest.raises(NoArticleText) as raised:
        clean_text("Advertisement\nShare this\nFollow us on Facebook\n\nSubscribe\n")
    assert raised.value.code == "E201"


# --------------------------------------------------------------------------- HTML

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Police station attacked in Quetta | Frontier Daily</title>
<meta property="og:site_name" content="Frontier Daily">
<meta property="article:published_time" content="2024-05-02T08:30:00+05:00">
<meta property="article:modified_time" content="2024-05-02T11:05:00+05:00">
<meta name="author" content="Sana Qureshi">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Police station attacked in Quetta</h1>
<p>Gunmen attacked a police station in Quetta early on Thursday, killing two officers and wounding three,
a provincial government spokesman said.</p>
<figure><img src="/a.jpg"><figcaption>The damaged gate.
<span class="image-credit">Photo: Abdul Karim</span></figcaption></figure>
<p>Advertisement</p>
<p>The attackers threw a grenade at the gate before opening fire, the spokesman said, adding that
security forces had surrounded the area and a search was under way.</p>
<p>No group has so far said it carried out the attack, which came a week after a bombing in the city.</p>
<p>Also read: <a href="/2024/04/30/checkpoints">New checkpoints set up on city roads</a></p>
</article>
<aside class="related-stories"><h3>Related</h3><ul>
<li><a href="/2024/04/25/quetta-bombing">Bombing kills four near Quetta market</a></li>
<li><a href="https://other.example.com/curfew">Curfew extended across the province</a></li>
</ul></aside>
<footer><p>Copyright 2024 Frontier Daily. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_gives_body_metadata_links_and_credits() -> None:
    article = clean(InputDocument(id="h1", html=HTML_PAGE, url="https://www.frontier.example.com/quetta"))
    assert article.title == "Police station attacked in Quetta"
    assert article.authors == ["Sana Qureshi"]
    assert article.published == "2024-05-02T08:30:00+05:00"
    assert article.updated == "2024-05-02T11:05:00+05:00"
    assert article.site == "frontier.example.com"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Gunmen attacked a police station in Quetta")
    assert paragraphs[-1].startswith("No group has so far said")
    assert "Advertisement" not in article.text and "Copyright" not in article.text and "Home" not in article.text
    assert "checkpoints" not in article.text
    assert [(link.title, link.url) for link in article.related_links] == [
        ("New checkpoints set up on city roads", "https://www.frontier.example.com/2024/04/30/checkpoints"),
        ("Bombing kills four near Quetta market", "https://www.frontier.example.com/2024/04/25/quetta-bombing"),
        ("Curfew extended across the province", "https://other.example.com/curfew"),
    ]
    assert article.image_credits == ["Abdul Karim"]


def test_html_without_article_text_is_no_article_text() -> None:
    with pytest.raises(NoArticleText):
        clean(InputDocument(id="h2", html="<html><body><nav><a href='/'>Home</a></nav></body></html>"))


def test_repeated_paragraphs_and_long_captioned_paragraphs() -> None:
    long_paragraph = ("Firefighters worked through the night to contain the blaze, which police believe was set "
                      "deliberately, and several nearby homes were evacuated as a precaution while investigators "
                      "examined the scene and spoke to residents about what they had seen and heard before the fire "
                      "spread to the roof of the building (Photo: Fire Service)")
    page = ("Warehouse fire treated as arson\n\n"
            "Police are treating a fire at a warehouse as arson, officers said on Monday.\n\n"
            f"{long_paragraph}\n\n"
            "Police are treating a fire at a warehouse as arson, officers said on Monday.\n")
    article = clean_text(page)
    assert article.text == ("Police are treating a fire at a warehouse as arson, officers said on Monday.\n\n"
                            + long_paragraph)


GAPPY_PAGE = """<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.</p>
<div class="keypoints"><div>The blast happened shortly after nine in the morning as traders opened their stalls.</div>
<div><a href="/a">Quetta</a> <a href="/b">Balochistan</a> <a href="/c">Security</a> <a href="/d">Bombings</a></div>
<div class="share-bar">Share this story with your friends on every social network you use today</div>
<div>Figures from the police.</div></div>
<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>
</article><footer><p>Copyright Frontier Post, all rights reserved, reproduced nowhere else at all.</p></footer></body></html>"""


def test_prose_an_extractor_dropped_between_kept_paragraphs_comes_back_in_place() -> None:
    blocks = _dom_blocks(load_html(GAPPY_PAGE))
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, blocks).split("\n") == [
        "A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.",
        "The blast happened shortly after nine in the morning as traders opened their stalls.",
        "Figures from the police.",  # a short line between kept blocks is the article's too
        "No group has publicly said it carried out the attack, which came a week after a similar blast.",
    ]


def test_nothing_is_added_outside_the_kept_paragraphs() -> None:
    blocks = _dom_blocks(load_html(GAPPY_PAGE))
    extracted = "No group has publicly said it carried out the attack, which came a week after a similar blast."
    assert _with_dropped_prose(extracted, blocks) == extracted


def _page_with_head(head: str, body: str = "") -> str:
    paragraphs = ("<p>Gunmen attacked a police station in Quetta early on Thursday, killing two officers and wounding "
                  "three, a provincial government spokesman said.</p><p>The attackers threw a grenade at the gate "
                  "before opening fire, and security forces surrounded the area while a search went on.</p>")
    return f"<html><head>{head}</head><body><article><h1>Police station attacked in Quetta</h1>{body}{paragraphs}</article></body></html>"


def test_html_standfirst_is_the_subtitle() -> None:
    html = _page_with_head("", '<p class="article-dek">Two officers killed in the third attack on police this month</p>')
    article = clean(InputDocument(id="s1", html=html))
    assert article.subtitle == "Two officers killed in the third attack on police this month"


@pytest.mark.parametrize(("description", "subtitle"), [
    ("Militants struck before dawn in the provincial capital, the third such raid this month",
     "Militants struck before dawn in the provincial capital, the third such raid this month"),
    ("Gunmen attacked a police station in Quetta early on Thursday, killing two officers", None),  # the lead, cut
    ("Security forces are searching the area after the attack on the station in the city...", None),  # truncated
    ("Police station attacked", None),  # too short to be a standfirst
])
def test_meta_description_is_the_subtitle_only_when_it_is_not_the_lead(description: str, subtitle: str | None) -> None:
    html = _page_with_head(f'<meta name="description" content="{description}">')
    assert clean(InputDocument(id="s2", html=html)).subtitle == subtitle


def test_sources_and_author_notes_after_the_report_are_cut() -> None:
    report = ("Gunmen attacked a police station in Quetta early on Thursday, killing two officers, officials said.\n\n"
              "The attackers threw a grenade at the gate before opening fire on the guards at the entrance.\n\n"
              "Related: the bombing of a market in the same district last week.\n\n"
              "Security forces surrounded the area and a search for the attackers was under way by the evening.")
    assert _without_trailing_sections(report + "\n\nSources:\n\nProvincial police statement, 2 May") == report
    assert _without_trailing_sections(report + "\n\nAbout the author: Sana Qureshi reports from Quetta.") == report
    assert _without_trailing_sections("Read more\n\n" + report) == "Read more\n\n" + report  # early: kept
    # the writer's own notes (a recipe's, a report's) are part of it
    notes = report + "\n\nNotes:\n\nThe curfew times were given by the district office and may change."
    assert _without_trailing_sections(notes) == notes


TRUNCATED_PAGE = """<html><body><article>
<p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.</p>
<table><tr><td>Killed</td><td>4</td></tr><tr><td>Wounded</td><td>11</td></tr></table>
<h2>What the police said</h2>
<p>Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.</p>
<div class="author-bio"><p>Aisha Khan reports on security in Balochistan for the paper and its partners.</p></div>
<p>This paragraph, after the author's note, belongs to the page rather than to the report itself.</p>
</article></body></html>"""


def test_sections_after_the_last_kept_paragraph_come_back_until_the_furniture() -> None:
    blocks = _dom_blocks(load_html(TRUNCATED_PAGE))
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.\n"
                 "| Killed | 4 |\n| Wounded | 11 |")
    assert _with_dropped_prose(extracted, blocks).split("\n")[-2:] == [
        "What the police said",
        "Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.",
    ]


@pytest.mark.parametrize("opener", [
    "Add a comment", "Comments are closed for this story, but you can still write to the editors.",
    "Average rating 4.5 / 5. Vote count: 12", "How we reviewed this article: our editors checked every figure.",
    "This field is for validation purposes and should be left unchanged.",
])
def test_comments_ratings_and_forms_past_the_report_are_not_put_back(opener: str) -> None:
    page = ("<html><body><p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.</p>"
            "<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>"
            f"<p>{opener}</p>"
            "<p>Readers who write in are asked to keep their remarks civil and on the topic of the story.</p>"
            "</body></html>")
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, _dom_blocks(load_html(page))) == extracted


def test_a_short_line_between_kept_paragraphs_comes_back_but_not_past_the_end() -> None:
    page = ("<html><body><p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.</p>"
            "<p>Figures as of Tuesday.</p>"
            "<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>"
            "<p>Sign in to continue.</p>"
            "</body></html>")
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, _dom_blocks(load_html(page))).split("\n") == [
        "A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.",
        "Figures as of Tuesday.",
        "No group has publicly said it carried out the attack, which came a week after a similar blast.",
    ]


def test_a_block_the_extractor_kept_in_another_form_is_not_put_back_twice() -> None:
    page = ("<html><body><p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.</p>"
            "<p>Police said the device<br>was detonated by remote control from a nearby rooftop, officers said.</p>"
            "<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>"
            "</body></html>")
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday.\n"
                 "Police said the device was detonated by remote control.\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, _dom_blocks(load_html(page))) == extracted


def test_an_articles_repeated_labels_stay_but_stutters_and_copied_sections_go() -> None:
    story = [f"Paragraph {n} of the report on the night the checkpoint came under fire, as witnesses told it."
             for n in range(1, 4)]
    body = "\n".join([
        "Day one", "Casualties: none reported", "Day two", "Casualties: none reported",  # labels of the article
        "Sign up for our daily briefing", "Sign up for our daily briefing",  # a widget stuttering
        *story, *story,  # the page shows the story twice
    ])
    once = "\n\n".join(["Day one", "Casualties: none reported", "Day two", "Sign up for our daily briefing", *story])
    assert _with_short_repeats(body, once).split("\n\n") == [
        "Day one", "Casualties: none reported", "Day two", "Casualties: none reported",
        "Sign up for our daily briefing", *story]


def test_plain_list_items_between_kept_paragraphs_come_back() -> None:
    page = ("<html><body><article><p>Police gave this advice to residents after the second burglary in the street this week.</p>"
            "<ul><li>Lock side gates</li><li>Mark your bicycles</li><li><a href='/x'>More advice</a></li></ul>"
            "<p>Officers will visit every house on the street in the coming days to offer further advice.</p>"
            "</article></body></html>")
    extracted = ("Police gave this advice to residents after the second burglary in the street this week.\n"
                 "Officers will visit every house on the street in the coming days to offer further advice.")
    assert _with_dropped_prose(extracted, _dom_blocks(load_html(page))).split("\n")[1:3] == [
        "- Lock side gates", "- Mark your bicycles"]


@pytest.mark.parametrize(("h1", "head", "title"), [
    ("<h1>POLICE STATION ATTACKED IN QUETTA</h1>", "<title>Police station attacked in Quetta | Frontier Daily</title>",
     "Police station attacked in Quetta"),  # capitals from the style, words from the writer
    ("<h1>Why the checkpoints failed | Opinion</h1>", "<title>Frontier Daily</title>", "Why the checkpoints failed"),
    ("<h1>Curfew &#x26; raids in Quetta</h1>", "<title>Frontier Daily</title>", "Curfew & raids in Quetta"),
    ("", "<title>Police station attacked in Quetta • Frontier Daily</title>", "Police station attacked in Quetta"),
    ("<h1>Corrections</h1>", "<title>Corrections – Frontier Daily</title>", "Corrections"),  # short, but the title's head
    # the theme's date and byline nested in the heading are not the headline; a line break is a space
    ('<h1>Police station attacked in Quetta<div class="divider"></div><h3>Posted on <time>March 3</time> by desk</h3>'
     '</h1>', "<title>Frontier Daily</title>", "Police station attacked in Quetta"),
    ("<h1>Police station attacked<br>in Quetta</h1>", "<title>Frontier Daily</title>", "Police station attacked in Quetta"),
    # the only <h1> is the site's logo, which the <title> names after the headline
    ('<h1 class="logo"><a href="/">The Frontier Daily Post</a></h1>', "<title>Police station attacked in Quetta | The Frontier Daily Post</title>",
     "Police station attacked in Quetta"),
    # a <title> that puts the site first: the <h1> after it is the headline, not a logo
    ("<h1>Police station attacked in Quetta</h1>", "<title>Frontier Daily Post | Police station attacked in Quetta</title>",
     "Police station attacked in Quetta"),
])
def test_html_headline_without_site_tags_and_in_the_writers_case(h1: str, head: str, title: str) -> None:
    html = _page_with_head(head).replace("<h1>Police station attacked in Quetta</h1>", h1)
    assert clean(InputDocument(id="t", html=html)).title == title


@pytest.mark.parametrize(("byline", "authors"), [
    ('<div class="meta"><a href="/authors/sana-qureshi">Sana Qureshi</a></div>', ["Sana Qureshi"]),
    ('<div class="meta"><p>Written by</p><p>Sana Qureshi</p></div>', ["Sana Qureshi"]),
    ('<div class="meta"><a href="/authors/frontier-daily">The desk at 5</a></div>', []),  # not a name
])
def test_a_byline_the_extractor_missed_is_found_on_the_page(byline: str, authors: list[str]) -> None:
    assert clean(InputDocument(id="a", html=_page_with_head("", byline))).authors == authors


def test_author_strings_lose_labels_and_date_words() -> None:
    html = _page_with_head('<meta name="author" content="Author Sana Qureshi December">')
    assert clean(InputDocument(id="a", html=html)).authors == ["Sana Qureshi"]


@pytest.mark.parametrize(("garbled", "read"), [
    ("The officerâ€™s car", "The officer’s car"), ("costs \u00c2\u00a35", "costs £5"),
    ("â€œWe heard shotsâ€\x9d", "“We heard shots”"), ("SÃ£o Paulo", "São Paulo"),
    ("São Paulo, naïve, año", "São Paulo, naïve, año"),  # real accents stay
    ("in debt\u00e2\u0080\u0094nearly half", "in debt\u2014nearly half"),  # read as Latin-1: C1 controls
    ("the suspectâ\x80\x99s car", "the suspect’s car"),
])
def test_utf8_read_as_windows_1252_is_read_again(garbled: str, read: str) -> None:
    assert clean_text(f"Police said {garbled} was seen near the scene on Monday night.").text == (
        f"Police said {read} was seen near the scene on Monday night.")


def test_captions_ending_in_their_credit_leave_the_body_for_the_credits() -> None:
    credits: list[str] = []
    body = ("Police sealed off the street after the shooting on Monday night.\n\n"
            "Officers outside the shop on Monday. Credit: Jane Roe\n\n"
            "Asked for credit: the bank said it would review the loan.")
    assert _without_credited_captions(body, credits) == (
        "Police sealed off the street after the shooting on Monday night.\n\n"
        "Asked for credit: the bank said it would review the loan.")
    assert credits == ["Jane Roe"]


def test_a_list_of_other_stories_is_cut_even_when_it_is_longer_than_the_report() -> None:
    report = ("Gunmen attacked a police station in Quetta early on Thursday, killing two officers.\n\n"
              "The attackers threw a grenade at the gate before opening fire, a spokesman said.")
    others = "\n\n".join(f"Story number {n} about something else that happened somewhere else this week" for n in range(6))
    assert _without_trailing_sections(f"{report}\n\nYou might also like:\n\n{others}") == report
    assert _without_trailing_sections(f"{report}\n\nRead this next\n\n{others}") == report
    # a weaker label ("Notes") this early may be part of the report itself
    assert _without_trailing_sections(f"{report}\n\nNotes\n\n{others}") == f"{report}\n\nNotes\n\n{others}"


@pytest.mark.parametrize("label", [
    "Contact Us", "Have any questions?", "How was this issue?", "Did you find this article helpful?",
    "References & Citations", "Explore more", "This work is licensed under a Creative Commons licence.",
    "Enjoyed this piece? We need your help to keep publishing.", "More articles you might enjoy",
    "Written by Jane Roe", "Become a paid subscriber to read the rest of our coverage.", "Last reviewed March 2024",
    "Reviewed by,", "Article written by:", "Medically reviewed by", "Fact-checked by John Doe",
])
def test_calls_to_act_and_page_notes_after_the_report_are_cut(label: str) -> None:
    report = ("Gunmen attacked a police station in Quetta early on Thursday, killing two officers.\n\n"
              "The attackers threw a grenade at the gate before opening fire, a spokesman said.\n\n"
              "Security forces surrounded the area and a search for the attackers went on into the night.")
    assert _without_trailing_sections(f"{report}\n\n{label}\n\nWe reply to every message within a day.") == report


def test_captions_ending_in_a_courtesy_line_leave_the_body_for_the_credits() -> None:
    credits: list[str] = []
    body = ("Police sealed off the street after the shooting on Monday night.\n\n"
            "The market square before the blast, 2019. Courtesy Quetta Press Club.\n\n"
            "Photo courtesy of Jane Roe\n\n"
            "The family thanked neighbours for their courtesy of leaving flowers.")
    assert _without_credited_captions(body, credits) == (
        "Police sealed off the street after the shooting on Monday night.\n\n"
        "The family thanked neighbours for their courtesy of leaving flowers.")
    assert credits == ["Quetta Press Club", "Jane Roe"]


def test_photo_agency_credits_leave_the_body_for_the_credits() -> None:
    credits: list[str] = []
    body = ("Police sealed off the street after the shooting on Monday night.\n\n"
            "Getty Images / Dara Quill\n\n"
            "Officers search the yard behind the shop. AP Photo/Milo Brant\n\n"
            "Firefighters at the scene on Tuesday. Jo Penn / Reuters\n\n"
            "The council said the road would reopen on Friday, with buses back on routes 4/5.")
    assert _without_credited_captions(body, credits) == (
        "Police sealed off the street after the shooting on Monday night.\n\n"
        "The council said the road would reopen on Friday, with buses back on routes 4/5.")
    assert credits == ["Getty Images / Dara Quill", "AP Photo/Milo Brant", "Jo Penn / Reuters"]


def test_a_report_sentence_with_an_agency_and_a_slash_is_no_credit() -> None:
    body = ("Support for the mayor fell over the summer.\n\n"
            "The council met again on Monday. Reuters/Ipsos polling puts her approval at 41 percent.\n\n"
            "Talks on the budget resumed in Geneva / Reuters")
    credits: list[str] = []
    assert _without_credited_captions(body, credits) == body
    assert credits == []


OUTSIDER_PAGE = """<html><body><div class="page"><article><div class="story">
<p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people and wounding
eleven, police said.</p>
<p>Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.</p>
<p>No group has publicly said it carried out the attack, which came a week after a similar blast in the city.</p>
</div></article>
<div class="box"><p>Book a free consultation with our security advisers and protect your business today.</p></div>
<div class="faq"><h2>Frequently asked questions</h2><p>Is the market open again? It reopened on Wednesday.</p></div>
</div></body></html>"""
OUTSIDER_REPORT = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people "
                   "and wounding eleven, police said.\n\n"
                   "Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.\n\n"
                   "No group has publicly said it carried out the attack, which came a week after a similar blast in the city.")


def test_closing_paragraphs_outside_the_articles_element_are_cut() -> None:
    blocks = _dom_blocks(load_html(OUTSIDER_PAGE))
    advert = "Book a free consultation with our security advisers and protect your business today."
    assert _without_trailing_outsiders(f"{OUTSIDER_REPORT}\n\n{advert}", blocks) == OUTSIDER_REPORT
    # a line found nowhere on the page (a table the extractor rendered) outweighing it: kept
    unplaced = "| Killed | 4 | Wounded | 11 | Arrested | 0 | Missing | 2 |"
    assert _without_trailing_outsiders(f"{OUTSIDER_REPORT}\n\n{advert}\n\n{unplaced}", blocks).endswith(unplaced)
    # questions and answers in a box of their own are the article's
    faq = f"{OUTSIDER_REPORT}\n\nFrequently asked questions\n\nIs the market open again? It reopened on Wednesday."
    assert _without_trailing_outsiders(faq, blocks) == faq


STREAMED_PAGE = """<html><head><title>Curfew imposed after clashes in the old city</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<main><article><h1>Curfew imposed after clashes in the old city</h1>
<p>Authorities imposed a curfew on the old city on Friday after clashes between rival groups left two people dead.</p>
<template id="B:0"></template><div>Loading paragraph...</div>
<template id="B:1"></template><div>Loading paragraph...</div>
</article></main><footer><p>Copyright City Herald, all rights reserved.</p></footer>
<div hidden id="S:0"><div><p>Police said more than forty people were detained overnight and that shops would stay
closed until Monday while officers patrolled the main market streets of the district.</p></div></div>
<div hidden id="S:1"><div><p>Community leaders called for calm and said they would meet the provincial governor on Saturday
to ask for compensation for the families of the dead and for the traders whose stalls were burned.</p></div></div>
</body></html>"""


def test_sections_a_streaming_page_sends_hidden_at_its_end_are_read_in_place() -> None:
    article = clean(InputDocument(id="s1", html=STREAMED_PAGE, url="https://herald.example.com/curfew"))
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Authorities imposed a curfew")
    assert paragraphs[1].startswith("Police said more than forty people")
    assert paragraphs[2].startswith("Community leaders called for calm")
    assert "Loading" not in article.text


HEADED_PAGE = """<html><body><article>
<p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.</p>
<h2>Casualties</h2>
<p>Eleven people were taken to the civil hospital, three of them in a critical condition, doctors said.</p>
<h3>Recommended reading</h3>
<h2>Claims</h2>
<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>
</article></body></html>"""


def test_a_section_heading_the_extractor_dropped_above_a_kept_paragraph_comes_back() -> None:
    blocks = _dom_blocks(load_html(HEADED_PAGE))
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.\n"
                 "Eleven people were taken to the civil hospital, three of them in a critical condition, doctors said.\n"
                 "Claims\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, blocks).split("\n") == [
        "A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.",
        "Casualties",
        "Eleven people were taken to the civil hospital, three of them in a critical condition, doctors said.",
        "Claims",  # kept already: not put back twice; the furniture heading before it stays out
        "No group has publicly said it carried out the attack, which came a week after a similar blast.",
    ]


DISCLOSED_PAGE = """<html><head><title>Two officers shot at a traffic stop</title></head><body><main><article>
<h1>Two officers shot at a traffic stop</h1>
<p>Two police officers were shot and wounded during a traffic stop on Route 9 late on Saturday, the county sheriff said.</p>
<div class="affiliate-disclosure"><p>We may earn a commission when you buy through links on our site, which helps
fund our reporting at no extra cost to you.</p></div>
<p>The driver fled on foot and was arrested two hours later in a nearby wood after a search with dogs and a helicopter.</p>
<p>Both officers were taken to the county hospital and are expected to recover, the sheriff told reporters on Sunday.</p>
<p class="disclaimer">The views expressed in reader comments are their own and do not reflect those of the paper.</p>
<div class="info-tooltip"><p>Get the morning briefing in your inbox every day before seven, with the stories that matter.</p></div>
</article></main></body></html>"""


def test_boxes_named_as_disclaimers_disclosures_or_sign_ups_leave_the_body() -> None:
    article = clean(InputDocument(id="d1", html=DISCLOSED_PAGE, url="https://county.example.com/shooting"))
    assert article.text.startswith("Two police officers were shot")
    assert "Both officers were taken to the county hospital" in article.text
    assert "commission" not in article.text and "views expressed" not in article.text
    assert "morning briefing" not in article.text  # a small tooltip or sign-up box goes too


FORM_PAGE = """<html><head><title>Man hurt in gym fall sues club</title></head><body><main><article>
<h1>Man hurt in gym fall sues club</h1>
<p>A man who broke his hip when a treadmill belt snapped at a downtown gym has sued the club for negligence, his lawyer said.</p>
<p>The lawsuit, filed in county court on Tuesday, says staff had been told about the worn belt two weeks before the fall.</p>
<form action="/contact" method="post"><p>Tell us what happened to you and we will call you back within one working day.</p>
<label>How did you hear about our firm?</label><select name="source"><option>Search</option></select>
<p>Which way would you like us to reach you?</p><input type="text" name="phone"></form>
<p>The club did not answer requests for comment, and no hearing date has been set in the case so far.</p>
<p>The man, a 54-year-old teacher, spent nine days in hospital and says he still walks with a cane.</p>
<p>His lawyer said the club had replaced the machine the day after the fall without telling the city inspectors.</p>
<p>Two other members have since come forward to say they reported the same belt to the front desk last spring.</p>
</article></main></body></html>"""


def test_a_small_form_in_the_article_is_not_part_of_the_body() -> None:
    article = clean(InputDocument(id="f1", html=FORM_PAGE, url="https://county.example.com/gym-suit"))
    assert "treadmill belt snapped" in article.text and "no hearing date" in article.text
    assert "call you back" not in article.text and "reach you" not in article.text


def test_a_form_around_the_whole_page_is_a_wrapper_and_stays() -> None:
    wrapped = FORM_PAGE.replace("<main>", '<form id="page-form"><main>').replace("</main>", "</main></form>")
    article = clean(InputDocument(id="f2", html=wrapped, url="https://county.example.com/gym-suit"))
    assert "treadmill belt snapped" in article.text and "no hearing date" in article.text

def test_a_site_builders_form_around_a_short_article_is_a_wrapper_and_stays() -> None:
    # ASP.NET pages wrap the content column in a <form>, with a search box and hidden state fields
    links = "".join(f"<li><a href='/n{number}'>Library hours change for the summer term, part {number}</a></li>"
                    for number in range(25))
    page = f"""<html><head><title>Cyclist hurt in hit-and-run</title></head><body><nav><ul>{links}</ul></nav>
<main><form id="Form" method="post" action="/news"><input type="hidden" name="__VIEWSTATE" value="x">
<input type="text" name="search"><article><h1>Cyclist hurt in hit-and-run</h1>
<p>A cyclist was badly hurt when a car struck him on the canal road on Saturday evening and drove off, police said.</p>
<p>He is in hospital in a serious condition, and officers have asked drivers with dashboard cameras to come forward.</p>
</article></form></main><aside><ul>{links}</ul></aside></body></html>"""
    article = clean(InputDocument(id="f3", html=page, url="https://town.example.com/hit-and-run"))
    assert article.text.startswith("A cyclist was badly hurt") and "dashboard cameras" in article.text
    assert "Library hours" not in article.text

LINKED_ENDS_PAGE = """<html><body><ul class="crumbs"><li><a href="/">Home</a></li><li><a href="/local">Local news</a></li></ul>
<article><p>Two men were shot outside a bar on Main Street early on Sunday, and one of them died in hospital.</p>
<p>Police said a suspect was arrested at <a href="/map">a house nearby</a> and a handgun was found in his car.</p>
<p><a href="/brief">Read the sheriff's statement</a></p>
<p>The bar's licence has been suspended while the state board reviews the case, officials said.</p></article>
<div><p><a href="/a">Council votes to close the river bridge for repairs</a></p>
<p><a href="/b">School board names a new superintendent after a long search</a></p></div></body></html>"""


def test_runs_of_link_lines_that_open_or_close_the_body_go() -> None:
    blocks = _dom_blocks(load_html(LINKED_ENDS_PAGE))
    report = ("Two men were shot outside a bar on Main Street early on Sunday, and one of them died in hospital.\n\n"
              "Police said a suspect was arrested at a house nearby and a handgun was found in his car.\n\n"
              "Read the sheriff's statement\n\n"
              "The bar's licence has been suspended while the state board reviews the case, officials said.")
    extracted = ("- Home\n\n- Local news\n\n" + report + "\n\nCouncil votes to close the river bridge for repairs\n\n"
                 "School board names a new superintendent after a long search")
    assert _without_link_runs_at_the_ends(extracted, blocks) == report  # one link line inside the report stays
    closing = report + "\n\nCouncil votes to close the river bridge for repairs"
    assert _without_link_runs_at_the_ends(closing, blocks) == closing  # a single linked line is no list

QUOTED_PAGE = """<html><head><title>Mayor vows more patrols after shooting</title></head><body><main><article>
<h1>Mayor vows more patrols after shooting</h1>
<p>The mayor promised more police patrols in the east side on Monday, two days after a shooting at a bus stop killed a teenager.</p>
<p>Residents packed the community hall for the meeting and many said they no longer let their children walk to school.</p>
<figure class="pull-quote"><blockquote><p>We have asked for help on this corner for three years and nobody came until a boy died.</p></blockquote>
<figcaption>Neighbourhood association chair</figcaption></figure>
<p>The police chief said two extra cars would cover the area at night from next week, paid for out of overtime.</p>
<figure class="wp-block-embed-twitter"><blockquote class="twitter-tweet"><p>Heartbroken for the family tonight, more soon from the hall</p></blockquote></figure>
<p>No arrest has been made, and detectives have asked anyone with camera footage from the street to come forward.</p>
</article></main></body></html>"""


def test_a_quotation_set_apart_in_a_figure_is_part_of_the_body_but_an_embedded_post_is_not() -> None:
    article = clean(InputDocument(id="q1", html=QUOTED_PAGE, url="https://city.example.com/patrols"))
    assert "nobody came until a boy died" in article.text
    assert article.text.index("nobody came") < article.text.index("two extra cars")
    assert "Heartbroken" not in article.text

EMBEDDED_TABLE_PAGE = """<html><head><title>Shootings fell in the city last year</title></head><body><main><article>
<h1>Shootings fell in the city last year</h1>
<p>Shootings in the city fell by a fifth last year, according to police figures released on Thursday, the lowest count in a decade.</p>
<p>The fall was sharpest in the north district, where a violence interruption programme began two years ago.</p>
<div class="w-embed"><table><tr><th>District</th><th>Shootings 2023</th><th>Shootings 2024</th></tr>
<tr><td>North district</td><td>112</td><td>71</td></tr><tr><td>South district</td><td>96</td><td>88</td></tr></table></div>
<p>Homicides, however, stayed level at 63, and the chief said the department would not call the year a success.</p>
<p>The council will debate next year's police budget in March, with the programme's funding due to run out in June.</p>
</article></main></body></html>"""


def test_a_table_pasted_in_as_an_embed_block_is_part_of_the_body() -> None:
    article = clean(InputDocument(id="e1", html=EMBEDDED_TABLE_PAGE, url="https://city.example.com/shootings"))
    assert "North district" in article.text and "71" in article.text
    assert article.text.index("North district") < article.text.index("Homicides, however")

CLOSED_EARLY_PAGE = """<!DOCTYPE html><html><head><title>Three hurt in warehouse fire</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
</body></html>
<div class="story"><h1>Three hurt in warehouse fire</h1>
<p>Three workers were taken to hospital with burns after a fire broke out at a paint warehouse on the river road on Friday.</p>
<p>Firefighters needed four hours to bring the blaze under control, and smoke closed the road to traffic until the evening.</p>
<p>The fire service said the cause was not yet known and that an investigator would visit the site on Monday morning.</p>
</div>"""


def test_an_article_after_a_premature_end_of_the_document_is_read() -> None:
    # the theme closes </body></html> after its header; a browser shows what follows inside the body
    article = clean(InputDocument(id="s1", html=CLOSED_EARLY_PAGE, url="https://town.example.com/fire"))
    assert article.text.startswith("Three workers were taken to hospital")
    assert "investigator would visit the site" in article.text


def test_a_closing_run_of_teasers_cut_off_with_an_ellipsis_goes() -> None:
    report = ("Two men were arrested after a shop in the high street was set alight overnight, police said.\n\n"
              "Officers are asking anyone who saw a grey van parked near the shop before midnight to call them.")
    teasers = ("\n\nCrime\n\nA court has heard how a fraudster took the savings of a dozen pensioners over two...\n\n"
               "Local news\n\nThe council is to vote next week on a plan to close three libraries in the...")
    assert _without_closing_teasers(report + teasers) == report
    trailing_off = report + "\n\nAnd then, the owner said, there was nothing left to do but wait..."
    assert _without_closing_teasers(trailing_off) == trailing_off  # one such line is the writer's own


def test_a_transcript_cut_off_with_ellipses_at_the_end_of_a_report_stays() -> None:
    report = ("A recording of the call a woman made before she was shot at her home on Birch Road was released on Monday.\n\n"
              "Operator: What is the address?\n\nWoman: Birch Road, he has broken the door and...\n\n"
              "Operator: Can you get out?\n\nWoman: No, he is on the stairs, I...\n\n"
              "The line went dead.")
    assert _without_closing_teasers(report) == report
    quoted = report.rsplit("\n\n", 1)[0].replace("Woman: ", '"')
    assert _without_closing_teasers(quoted) == quoted

def test_reading_time_stamps_are_not_part_of_the_body() -> None:
    text = ("Mar 3, 2024 • 4 min read\n\n"
            "Gunmen attacked a police station in Quetta early on Thursday, killing two officers.\n\n"
            "- 2 MIN. READ\n\n"
            "Officers said the reading room of the station library was untouched for a minute.")
    assert _without_reading_times(text) == (
        "Gunmen attacked a police station in Quetta early on Thursday, killing two officers.\n\n"
        "Officers said the reading room of the station library was untouched for a minute.")


@pytest.mark.parametrize(("meta", "extracted", "published"), [
    # the meta tag was rewritten when the page was re-saved: the earlier printed day is the first publication
    ("2025-06-24T10:00:00+00:00", "2024-08-25", "2024-08-25"),
    ("2024-08-25T10:00:00+00:00", "2024-08-25", "2024-08-25T10:00:00+00:00"),  # same day: the stamp keeps its time
    ("2024-08-25T10:00:00+00:00", "2025-01-02", "2024-08-25T10:00:00+00:00"),  # a later day is an update, not it
    (None, "2024-08-25", None),  # the caller falls back to the extractor's day itself
])
def test_publication_is_the_first_of_the_meta_stamp_and_the_extractors_day(
        meta: str | None, extracted: str, published: str | None) -> None:
    assert _first_publication(meta, extracted) == published


def test_the_pages_other_wording_of_the_headline_is_not_the_first_line_of_the_body() -> None:
    body = "Two officers killed in Quetta attack\n\nGunmen attacked a police station in Quetta early on Thursday."
    # the <h1> was chosen as the title; the extractor began the body with the <title>'s wording
    assert _without_leading_title(body, ["Police station attacked in Quetta", "Two officers killed in Quetta attack"]) == (
        "Gunmen attacked a police station in Quetta early on Thursday.")
    assert _without_leading_title(body, ["Police station attacked in Quetta", None]) == body


def test_lines_over_the_text_that_only_date_it_are_not_part_of_the_body() -> None:
    text = ("- March 3, 2024\n\nMarch 3, 2024 - Updated March 5, 2024 by Nadia Okafor\n\n"
            "Gunmen attacked a police station in Quetta early on Thursday.\n\nMarch 4, 2024\n\nTwo officers died.")
    assert _without_leading_labels(text) == (
        "Gunmen attacked a police station in Quetta early on Thursday.\n\nMarch 4, 2024\n\nTwo officers died.")
    # a line that says more than the date is the article's own note
    assert _without_leading_labels("Originally published March 2022\n\nText.") == "Originally published March 2022\n\nText."


def test_labels_of_the_pages_boxes_over_the_text_are_not_part_of_the_body() -> None:
    # a table of contents or a way back to the listing whose box the extractor left out
    for label in ("Back to blog", "Table of contents:", "In This Article", "Jump to Section", "Article Continues Below"):
        text = f"{label}\n\nA storm brought down power lines across Tarnby on Monday night.\n\nNobody was hurt."
        assert _without_leading_labels(text) == "A storm brought down power lines across Tarnby on Monday night.\n\nNobody was hurt."
    # further down, a line like that is the article's own
    later = "One.\n\nTwo.\n\nThree.\n\nContents\n\nFour."
    assert _without_leading_labels(later) == later


WORDPRESS_PAGE = """<html><body class="post-template-default has-sidebar footer-widgets"><div class="site">
<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article class="sc-9749ad0f">
<p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.</p>
<h2>What the police said</h2>
<p>Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.</p>
<div class="box"><p>Get our morning briefing on the region delivered to you every day of the week.</p></div>
<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>
</article></main><footer><p>Copyright Frontier Post, all rights reserved, reproduced nowhere else at all.</p></footer>
</div></body></html>"""


def test_a_page_whose_body_is_classed_like_furniture_gets_its_dropped_headings_back() -> None:
    blocks = _dom_blocks(load_html(WORDPRESS_PAGE))
    # <body class="has-sidebar ...">, or a hashed class holding 'ad', does not make the article furniture
    assert [block.text[:10] for block in blocks if block.furniture] == ["Home News", "Copyright "]
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.\n"
                 "Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, blocks).split("\n") == [
        "A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.",
        "What the police said",
        "Investigators believe the device was detonated by remote control from a nearby rooftop, officers said.",
        # with the whole page named as furniture, a dropped box could be anyone's: it stays out
        "No group has publicly said it carried out the attack, which came a week after a similar blast.",
    ]


def test_a_wrapper_classed_like_furniture_stays_a_wrapper_however_much_script_the_page_carries() -> None:
    page = WORDPRESS_PAGE.replace('<body class="post-template-default has-sidebar footer-widgets"><div class="site">',
                                  '<body><script>var config = "' + "x" * 20000 + '";</script><div class="site has-sidebar">')
    furniture = [block.text[:10] for block in _dom_blocks(load_html(page)) if block.furniture]
    assert furniture == ["Home News", "Copyright "]


@pytest.mark.parametrize(("marker", "furniture"), [
    ("sc-9749ad0f", False), ("css-1ad2bio", False), ("biography", False), ("ad-slot", True), ("post-nav", True),
    ("navigation", True), ("author-bio", True), ("ads_300x250", True), ("footnotes", True),
])
def test_a_furniture_marker_is_a_word_of_the_class_not_part_of_a_hash(marker: str, furniture: bool) -> None:
    page = (f'<html><body><div class="{marker}"><p>Two officers were wounded.</p></div>'
            "<p>" + "The driver fled on foot and was arrested two hours later. " * 4 + "</p></body></html>")
    assert _dom_blocks(load_html(page))[0].furniture is furniture


LABELLED_PAGE = """<html><body><main><article>
<p>A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.</p>
<p>More on Quetta:</p>
<p>No group has publicly said it carried out the attack, which came a week after a similar blast.</p>
<p>You may also like:</p>
</article><footer><p>Copyright Frontier Post, all rights reserved, reproduced nowhere else at all.</p></footer>
</main></body></html>"""


def test_a_related_label_inside_the_article_is_not_put_back_to_cut_it_short() -> None:
    extracted = ("A bomb hidden in a motorcycle exploded at a vegetable market in Quetta on Monday, killing four people.\n"
                 "No group has publicly said it carried out the attack, which came a week after a similar blast.")
    assert _with_dropped_prose(extracted, _dom_blocks(load_html(LABELLED_PAGE))) == extracted
    # before the page's furniture the extractor kept, the label does start the end, and goes back to mark it
    with_footer = extracted + "\nCopyright Frontier Post, all rights reserved, reproduced nowhere else at all."
    assert _with_dropped_prose(with_footer, _dom_blocks(load_html(LABELLED_PAGE))).split("\n")[2] == "You may also like:"


MENU_ANCHOR_PAGE = """<html><head><title>Five ways to run a night market</title></head><body>
<header><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/guides">Guides</a></li></ul></nav></header>
<main><article><h1>Five ways to run a night market</h1>
<p>Stall holders in Port Welling have run a weekly night market on the harbour front for eleven summers now.</p>
<p>About ninety traders set up on a Thursday in July, selling fish, pastries, second-hand books and hand-made toys.</p>
<p>The town council lends the square for free and asks only that the traders clear it by midnight and leave no litter.</p>
<p>We asked the people who run it what they have learned, and which of their habits other towns could copy.</p>
<div id="menu-pricing-the-stalls" class="section"><h2>Pricing the stalls</h2>
<p>The organisers charge a flat nightly fee and waive it for first-time traders who sell food they grew themselves.</p>
<p>Traders who come every week pay less per night, which keeps the same faces at the same corners of the square.</p></div>
<div id="menu-lighting" class="section"><h2>Lighting</h2>
<p>Strings of lamps run between the old cranes, and a volunteer checks every cable before the gates open at dusk.</p>
<p>Nobody has been hurt in eleven years, the market's safety officer Tamsin Orlo said on Friday evening.</p></div>
</article></main><footer><p>Port Welling Gazette, all rights reserved, reproduced nowhere else.</p></footer></body></html>"""


def test_sections_whose_anchor_mentions_a_menu_are_part_of_the_body() -> None:
    # ids made from the headings ("menu-...") made the extractor take the sections for the site's menu
    article = clean(InputDocument(id="m1", html=MENU_ANCHOR_PAGE, url="https://gazette.example.com/night-market"))
    assert "waive it for first-time traders" in article.text
    assert "volunteer checks every cable" in article.text
    assert "Home" not in article.text.split("\n\n")


SIDEBAR_LAYOUT_PAGE = """<html><head><title>Price guide</title></head><body>
<header><nav><a href="/">Home</a> <a href="/prices">Prices</a> <a href="/contact">Contact</a></nav></header>
<section class="title-bar"><h1>What our plumbers charge</h1></section>
<div class="page-content-has-sidebar"><main>
<div class="panel widget widget_text"><div class="textwidget">
<p>These are the usual prices for plumbing work around Lake Varna this year; every job is quoted on site.</p></div></div>
<div class="panel widget widget_custom_html"><div class="textwidget custom-html-widget"><div class="price-list">
<div class="price-row"><div class="line"><div class="price-name">Unblocking a kitchen sink</div><div class="price">$90+</div></div>
<p class="note">(Flat rate) - includes the call-out and the first half hour of work, whatever the job turns out to be.</p></div>
<div class="price-row"><div class="line"><div class="price-name">Replacing a hot water cylinder</div><div class="price">$1,200+</div></div></div>
</div></div></div>
<div class="panel widget widget_text"><div class="textwidget">
<p>Prices include the call-out and an hour of labour; parts are charged at what the supplier bills us for them.</p></div></div>
<h2>Who we are</h2>
<p>Our plumbers are licensed in the state and employed by the firm, not hired by the job from an agency.</p>
<p>Each of them spends a week a year on a training course, and the vans carry the parts most repairs need.</p>
<p>If a repair we made fails within a year, we come back and fix it again without charging for the visit.</p>
</main><aside class="sidebar"><p>Call our office any day of the week between seven in the morning and six at night.</p></aside>
</div></body></html>"""


def test_a_wrapper_that_says_the_layout_has_a_sidebar_is_not_furniture() -> None:
    # "page-content-has-sidebar" around the article is the layout's name: its short price lines come back
    article = clean(InputDocument(id="sb1", html=SIDEBAR_LAYOUT_PAGE, url="https://plumbers.example.com/prices"))
    assert "Unblocking a kitchen sink" in article.text
    assert article.text.index("Unblocking a kitchen sink") < article.text.index("Prices include the call-out")


SIDEBAR_CARDS_PAGE = """<html><head><title>Bakery owner hurt in robbery</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>Bakery owner hurt in robbery</h1>
<p>The owner of a bakery on Mill Lane in Ostrava Falls was hurt on Sunday night when two men robbed the shop, police said.</p>
<p>The men took the till and ran toward the river path; the owner was treated for a cut to his arm and went home.</p>
<p>Officers searched the path with a dog but found nobody, and asked anyone who saw the men to call them.</p>
<p>It is the third robbery on Mill Lane since the spring, and shop owners have asked the council for more street lights.</p>
</article></main>
<div class="sidebar"><h2>Most read</h2>
<article class="card"><h3><a href="/a">Ferry timetable changes for winter</a></h3>
<p>The harbour board agreed on Tuesday to run the last crossing of the day an hour earlier from November.</p></article>
<article class="card"><h3><a href="/b">Library to open on Sundays</a></h3>
<p>The town library will open on Sunday afternoons from next month after readers signed a petition for it.</p></article>
</div>
<footer><p>Copyright 2024 The Falls Courier</p></footer></body></html>"""


def test_a_sidebar_of_story_cards_stays_furniture() -> None:
    # <article> cards in a sidebar are other stories: the box keeps its name and stays out of the body
    article = clean(InputDocument(id="sb2", html=SIDEBAR_CARDS_PAGE, url="https://courier.example.com/2024/03/05/x"))
    assert "third robbery on Mill Lane" in article.text
    assert "harbour board" not in article.text and "petition" not in article.text


def test_notes_on_the_writer_that_close_the_body_go() -> None:
    report = ("Two men were hurt when a scaffold fell on Quay Road in Brimford on Tuesday, the fire service said.\n\n"
              "Both were taken to the county hospital; one was later allowed home.\n\n"
              "The site's owner said work would stop until an inspector had visited.")
    for note in ("Contact staff writer Dara Quill at 555-0142 or by email.",
                 "This story about building safety was produced by the Brimford Ledger, a nonprofit newsroom.",
                 "Dara Quill can be reached at dquill@ledger.example or on 555-0142."):
        assert _without_closing_credits(f"{report}\n\n{note}\n\nShare this story") == report
    # earlier in the body, or before more of the report, such a line is the report's own
    early = ("This story was first told by a neighbour who saw the scaffold fall.\n\n" + report)
    assert _without_closing_credits(early) == early
    more = (report + "\n\nThis story was first reported by the Ledger on Tuesday night.\n\n"
            + "Workers on the site said the scaffold had been moved twice that week, and that the bolts at its base "
              "were loose on the morning it fell; the firm said it would answer their account once the inspector "
              "had finished, and that it had stopped work on two other sites in the town until then. " * 2)
    assert _without_closing_credits(more) == more


def test_a_run_of_notes_on_the_writer_goes_from_its_first_note() -> None:
    # with two more closing lines after the pair, only the second note was among the last three paragraphs
    report = ("Two men were hurt when a scaffold fell on Quay Road in Brimford on Tuesday, the fire service said.\n\n"
              "Both were taken to the county hospital; one was later allowed home.\n\n"
              "The site's owner said work would stop until an inspector had visited.")
    notes = ("Contact staff writer Dara Quill at 555-0142 or dquill@ledger.example.\n\n"
             "This story about building safety was produced by the Brimford Ledger, a nonprofit newsroom.\n\n"
             "More from the Ledger\n\nWe have a small favour to ask of our readers.")
    assert _without_closing_credits(f"{report}\n\n{notes}") == report


def test_notes_on_what_the_site_earns_from_its_links_leave_the_body() -> None:
    report = ("The new ferry from Brimford to Ostrava Falls takes forty minutes and runs every hour.\n\n"
              "Tickets cost less when bought a day ahead.")
    for note in ("This guide includes affiliate links to the shops we mention.",
                 "Our editors chose every kettle here; we may earn a commission when you buy one.",
                 "(I'd get a small kickback from the ferry line if you book with my code.)"):
        assert _without_disclosures(f"{note}\n\n{report}") == report
        assert _without_disclosures(f"{report}\n\n{note}") == report
    # a long paragraph about commissions is the article's subject
    essay = ("At our agency we earn a commission on the insurance we sell, and some readers asked whether that "
             "colours our advice. " * 4).strip()
    assert _without_disclosures(f"{report}\n\n{essay}") == f"{report}\n\n{essay}"
    # quoted or cited speech, and a company's links, are the report's
    for paragraph in ('"We will receive compensation for the homes the shelling destroyed," said a farmer in Brimford.',
                      "Under the deal we get compensation for each day the mill stayed shut, the union leader told reporters.",
                      "The retailer, which has affiliate partnerships with hundreds of bloggers, cut its rates in March."):
        assert _without_disclosures(f"{report}\n\n{paragraph}") == f"{report}\n\n{paragraph}"


def test_a_tip_line_that_closes_a_crime_report_is_no_writer_credit() -> None:
    # an agency "can be reached" at a number: the report's own appeal, and the paragraph after it stays
    report = ("A woman was stabbed outside a bakery on Mill Lane in Ostrava Falls on Sunday night, police said.\n\n"
              "She was taken to the county hospital and is expected to recover.\n\n"
              "Officers have not named a suspect and asked witnesses to come forward.")
    for appeal in ("Crime Stoppers can be reached at 555-0177, and callers may stay anonymous.",
                   "Detectives can be reached at 555-0178.",
                   "Ostrava Falls Police can be reached at tips@ostrava-police.example."):
        text = f"{report}\n\n{appeal}\n\nNeighbours plan a walk along Mill Lane on Friday evening, the baker said."
        assert _without_closing_credits(text) == text


def test_closing_teasers_under_headlines_and_before_a_few_site_links_go() -> None:
    report = ("Two men were arrested after a shop in the high street was set alight overnight, police said.\n\n"
              "The fire service said nobody was inside when the blaze started, shortly after two in the morning.")
    teasers = ("Latest from the Harbour Echo\n\n"
               "Council approves the new ferry timetable for the winter months ahead\n\n"
               "The harbour committee voted on Tuesday to run the last ferry of the day an hour...\n\n"
               "Lifeboat crew called out three times in one weekend off the point\n\n"
               "Volunteers from the Saltmarsh station were paged on Friday night when a yacht...\n\n"
               "About us\n\nAdvertise with the Echo and reach every home on the coast.\n\nContact")
    assert _without_closing_teasers(f"{report}\n\n{teasers}") == report
    # a long paragraph after them is more of the report: nothing goes
    more = (f"{report}\n\n{teasers}\n\n" + "The owner said he would reopen the shop once the insurers had visited. " * 3)
    assert _without_closing_teasers(more) == more

    # lines a sentence brings in with a colon are the report's: a recording's halting words
    call = (f"{report}\n\nIn the call the station played on Monday, the owner can barely get the words out:\n\n"
            "The back door is open...\n\nThere's smoke in the stairs...\n\nCome quickly\n\n"
            "Firefighters reached the shop six minutes later.")
    assert _without_closing_teasers(call) == call


TEASER_CARDS_PAGE = """<html><head><title>Can a gym be sued for an injury? | Harlow Law</title></head><body>
<header><nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/contact">Contact</a></nav></header>
<div class="page"><div class="column">
<h1>Can a gym be sued for an injury?</h1>
<p>Anyone who trains hard at a gym can get hurt: a weight slips, a treadmill belt jams, a bench gives way under a lifter.</p>
<p>Whether the gym answers for it depends on the waiver its members signed and on how it kept its machines in order.</p>
<p>A waiver covers ordinary risks of training, but courts in most states do not let it excuse gross negligence by staff.</p>
<p>Keep photographs of the machine and the names of witnesses, and see a doctor the same day if you can.</p>
</div>
<div class="column"><h2>Latest News</h2><div class="posts">
<article class="post"><h3><a href="/blog/denied-benefits">What to do when your benefits claim is denied</a></h3>
<span>March 3, 2024</span><div class="excerpt"><p>When the agency turns down a disability claim, many people think the road ends there, but an appeal often succeeds on a second look at the records</p></div>
<a href="/blog/denied-benefits">Read More</a></article>
<article class="post"><h3><a href="/blog/winning-a-hearing">How to prepare for a hearing before a judge</a></h3>
<span>February 11, 2024</span><div class="excerpt"><p>Going before a judge can feel daunting for anyone already dealing with an illness, but good preparation of the file makes the hearing much shorter</p></div>
<a href="/blog/winning-a-hearing">Read More</a></article>
<article class="post"><h3><a href="/blog/filing-deadlines">Deadlines that decide a claim before it starts</a></h3>
<span>January 20, 2024</span><div class="excerpt"><p>Navigating the rules of a claim is hard enough while unwell, and missing a filing deadline by a single day can mean starting all over again</p></div>
<a href="/blog/filing-deadlines">Read More</a></article>
</div></div></div>
<footer><p>Harlow Law, 12 Elm Street, Raleigh</p></footer></body></html>"""


def test_cards_of_other_stories_under_linked_headlines_stay_out_of_the_body() -> None:
    # the extractor dropped the cards' linked headlines but kept their excerpts as the closing paragraphs
    article = clean(InputDocument(id="tc1", html=TEASER_CARDS_PAGE, url="https://harlowlaw.example.com/blog/gym-injury"))
    assert "see a doctor the same day" in article.text
    assert "appeal often succeeds" not in article.text and "filing deadline" not in article.text


CARD_LIST_PAGE = """<html><head><title>What is crop rotation?</title></head><body>
<header><nav><a href="/">Home</a> <a href="/guides">Guides</a></nav></header>
<main><h1>What is crop rotation?</h1>
<p>Crop rotation means growing a different family of plants in each bed every year, so pests lose their host.</p>
<p>Beans put nitrogen back in the soil, and the cabbages planted after them in the next year make use of it.</p>
<p>A four-bed plan is the easiest to keep: roots, beans and peas, cabbages, then potatoes, moving along by one.</p>
<p>Keep a notebook of what grew where, since after two seasons nobody remembers which bed held the potatoes.</p>
<h2>Keep learning</h2>
<ul class="grid">
<li class="card"><h3><a href="/courses/soil">Soil basics</a></h3><p>A short course on how to read your soil, test its acidity at home and feed it through the year.</p></li>
<li class="card"><h3><a href="/courses/compost">Composting at home</a></h3><p>Learn to build a heap that heats up properly and turns kitchen scraps into compost within a season.</p></li>
<li class="card"><h3><a href="/courses/seeds">Saving seeds</a></h3><p>Find out which vegetables come true from saved seed and how to dry and store them over the winter.</p></li>
</ul></main>
<footer><p>Allotment Guides, a gardening club's website</p></footer></body></html>"""


def test_a_list_of_cards_under_linked_headlines_stays_out_of_the_body() -> None:
    # boxes named as cards, each a linked headline over a blurb: the site's other pages, not the guide
    article = clean(InputDocument(id="tc2", html=CARD_LIST_PAGE, url="https://allotments.example.org/rotation"))
    assert "which bed held the potatoes" in article.text
    assert "acidity at home" not in article.text and "dry and store them" not in article.text


SERVICE_BOXES_PAGE = """<html><head><title>Freight rates rose in the third quarter</title></head><body>
<header><nav><a href="/">Home</a> <a href="/insights">Insights</a></nav></header>
<main><h1>Freight rates rose in the third quarter</h1>
<p>Container freight rates between Asia and northern Europe rose by a fifth in the third quarter, the strongest rise in two years.</p>
<p>Shipping lines cut sailings through the summer, and a busy season for retailers came early as importers restocked their warehouses.</p>
<p>Rates on routes to the American west coast rose less, by about a tenth, as new ships joined the trade in August and September.</p>
<p>Analysts at the port of Dunmore expect rates to ease in the spring, when another forty large ships are due to be delivered.</p>
<p>Owners of smaller feeder vessels gained most, since their charter rates follow the main routes with a delay of a few weeks.</p>
<p>Air freight rates, by contrast, were flat over the quarter, as more passenger flights brought back cargo space in their holds.</p>
<p>Rail freight across the continent gained a little ground, carrying more of the goods that left the ports for inland depots.</p>
<p>Trucking firms said they were short of drivers again, and several raised their prices for the last weeks of the year.</p>
<p>The harbour authority in Dunmore reported record volumes for September, with ships waiting a day longer to berth than in spring.</p>
<p>Insurers warned that the longer waits raise the risk of damage to goods that need cooling, and asked owners to check their units.</p>
<div class="mt-8"><h2>Work with us</h2>
<div class="grid">
<div><a href="/services/advisory"><p>Freight Advisory</p></a><p>Our freight advisory team helps shippers plan routes, compare carriers and sign contracts that hold through the season.</p><div><a href="/services/advisory">Learn More</a></div></div>
<div><a href="/services/audit"><p>Freight Audit</p></a><p>We check every invoice against the agreed rates and recover what carriers charged twice or by mistake for our clients.</p><div><a href="/services/audit">Learn More</a></div></div>
<div><a href="/services/customs"><p>Customs Brokerage</p></a><p>Licensed brokers file the entries, classify the goods and answer the authorities on behalf of importers in every port.</p><div><a href="/services/customs">Learn More</a></div></div>
</div></div></main>
<footer><p>Dunmore Freight Partners, Harbour Road</p></footer></body></html>"""


def test_a_row_of_boxes_linking_twice_to_the_sites_pages_stays_out_of_the_body() -> None:
    # each box links its title and a "Learn More" to one of the site's pages: blurbs, not the report
    article = clean(InputDocument(id="tc3", html=SERVICE_BOXES_PAGE, url="https://freight.example.com/q3-rates"))
    assert "cargo space in their holds" in article.text
    assert "invoice against the agreed rates" not in article.text and "Licensed brokers" not in article.text
    # on a hub page the boxes are the content: their blurbs, most of the body, stay
    from blotter.clean import _without_card_blurbs
    hub = "Guides for new traders\n\nHow to open a stall at the market.\n\nHow to price fresh produce each morning."
    blurbs = {"how to open a stall at the market", "how to price fresh produce each morning"}
    assert _without_card_blurbs(hub, blurbs) == hub


_AKRON_FILLER = "".join(
    f"<p>Neighbors on Main Street said they had asked the city for more street lights for months ({index}).</p>"
    for index in range(8))
OWN_STORY_AMONG_THE_LATEST_PAGE = f"""<html><head><title>Two men wounded in Akron shooting - Valley Gazette</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><h1>Two men wounded in Akron shooting</h1>
<div class="story">
<p>Two men were wounded early Sunday when someone opened fire outside a bar on Main Street in Akron, police said.</p>
<p>Officers found the men on the sidewalk shortly after 2 a.m. Both were taken to a hospital in stable condition.</p>
{_AKRON_FILLER}
<p>The shooting was the third on Main Street this year, according to city records.</p>
</div>
<section><h2>Latest news</h2><div class="row">
<div><h3><a href="/news/akron-shooting">Two men wounded in Akron shooting</a></h3><p>Two men were wounded early Sunday when someone opened fire outside a bar on Main Street in Akron, police said.</p><a href="/news/akron-shooting">Learn more</a></div>
<div><h3><a href="/news/budget">Council approves new budget</a></h3><p>The city council voted to approve the budget for next year on Monday night.</p><a href="/news/budget">Learn more</a></div>
<div><h3><a href="/news/park">Park reopens after repairs</a></h3><p>The riverside park reopened on Saturday after months of repair work on its paths.</p><a href="/news/park">Learn more</a></div>
</div></section></main></body></html>"""

BLOG_STORY_BESIDE_CARDS_PAGE = """<html><head><title>Man wounded in Akron shooting | Valley Blog</title></head><body>
<header><h1><a href="/">Valley Blog</a></h1></header>
<main>
<article class="post"><h2><a href="/2024/akron-shooting">Man wounded in Akron shooting</a></h2>
<p>Police said a cyclist, 27, took a bullet in the arm on Saturday night while riding along Elm Street in Akron.</p>
<p>He was taken to a hospital in serious condition. Officers said the shooter ran off toward the park.</p></article>
<article class="post"><h2><a href="/2024/budget">Council approves new budget</a></h2><p>The city council voted to approve the budget for next year on Monday night.</p></article>
<article class="post"><h2><a href="/2024/park">Park reopens after repairs</a></h2><p>The riverside park reopened on Saturday after months of repair work on its paths.</p></article>
</main></body></html>"""


HELP_LINES_PAGE = f"""<html><head><title>Vigil held in Akron</title></head><body><main><h1>Vigil held in Akron</h1>
<p>Hundreds gathered in a park in Akron on Monday evening to remember the neighbors lost last weekend.</p>
{_AKRON_FILLER}
<p>Families who need help can reach these groups:</p>
<ul><li><a href="https://help.example.org">Summit Help Line</a> answers calls from grieving families every day of the week. <a href="https://help.example.org">Call now</a></li>
<li><a href="https://grief.example.org">Akron Grief Center</a> offers free counseling sessions to anyone who asks for them. <a href="https://grief.example.org">Book</a></li></ul>
<p>The city will hold a second vigil on Friday.</p></main></body></html>"""


def test_a_list_in_the_report_linking_each_item_twice_stays() -> None:
    article = clean(InputDocument(id="tc6", html=HELP_LINES_PAGE, url="https://gazette.example.com/news/vigil"))
    assert "answers calls from grieving families" in article.text and "free counseling sessions" in article.text


def test_a_card_of_the_pages_own_story_is_no_teaser() -> None:
    # the story listed among the latest, its lead as the blurb: the lead stays, the other blurbs go
    article = clean(InputDocument(id="tc4", html=OWN_STORY_AMONG_THE_LATEST_PAGE, url="https://gazette.example.com/news/akron-shooting"))
    assert article.text.startswith("Two men were wounded early Sunday")
    assert "approve the budget" not in article.text
    # a blog's short story is a card among the others: it stays the article
    article = clean(InputDocument(id="tc5", html=BLOG_STORY_BESIDE_CARDS_PAGE, url="https://blog.example.com/2024/akron-shooting"))
    assert "took a bullet in the arm" in article.text and "approve the budget" not in article.text
