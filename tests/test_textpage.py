"""Text-page details the lead added: wire datelines date the report; 'Related story' lines are links."""

from blotter.models import RelatedLink
from blotter.textpage import _related_item, dateline_date, parse_text_page


def test_wire_dateline_gives_the_filing_date():
    assert dateline_date("KABUL, 12 MAR 89 (AFP) -- A ROCKET HIT THE AIRPORT.") == "1989-03-12"
    assert dateline_date("MOGADISHU, 14 MAR 24 (WIRE) -- A CAR BOMB EXPLODED.") == "2024-03-14"
    assert dateline_date("LONDON (Reuters) - Police said on Friday ...") is None, "no date in it"
    assert dateline_date("KABUL, 31 FEB 89 (AFP) -- text") is None, "not a real day"


def test_dateline_date_becomes_published_only_when_the_page_gives_none():
    parts = parse_text_page("BOGOTA, 3 APR 90 (EFE) -- TWO POLICEMEN WERE KILLED IN AN AMBUSH ON MONDAY.")
    assert parts.published == "1990-04-03" and parts.dateline == "BOGOTA"
    stamped = parse_text_page("Published: May 2, 1990\n\nBOGOTA, 3 APR 90 (EFE) -- TWO POLICEMEN WERE KILLED.")
    assert stamped.published.startswith("1990-05-02")


def test_related_story_line_is_a_link_not_body_text():
    parts = parse_text_page("Gunman held after bar shooting\n\nA man was shot dead outside a bar on Friday, "
                            "police said.\n\nRelated story: Two teens hurt in separate shooting\n")
    assert "Two teens" not in parts.text
    assert [link.title for link in parts.related_links] == ["Two teens hurt in separate shooting"]


def test_publication_day_from_the_address_only_when_the_page_states_none():
    from blotter.clean import clean
    from blotter.models import InputDocument
    from blotter.textpage import url_date

    assert url_date("https://news.example.com/2016/01/27/man-shot-on-main-street/") == "2016-01-27"
    assert url_date("http://web.archive.org/web/20151030223013/http://example.com/story") is None
    assert url_date("https://example.com/2016/13/45/x") is None
    assert url_date("https://www.example.com/news/2016/jan/26/two-shot-downtown/") == "2016-01-26"
    assert url_date("https://www.example.com/news/ct-man-shot-20160223-story.html") == "2016-02-23"
    assert url_date("https://example.com/story-20161399-x.html") is None  # no such day
    assert url_date("https://example.com/id/20160223123456/") is None  # a stamp, not a day
    assert url_date("https://example.com/a/19170726-man-shot-on-bridge") is None  # an article number
    assert url_date("https://example.com/2087/01/02/x") is None  # not a day yet
    body = "A man was shot and wounded on Main Street on Tuesday night, police said."
    dated_by_url = clean(InputDocument(id="a", url="https://news.example.com/2016/01/27/shooting", text=body))
    assert dated_by_url.published == "2016-01-27"
    stamped = clean(InputDocument(id="b", url="https://news.example.com/2016/01/27/shooting",
                                  text="Published: January 28, 2016 at 9:00 am EST\n\n" + body))
    assert stamped.published.startswith("2016-01-28")


def test_wire_datelines_with_a_country_or_a_long_station_name_give_the_filing_date():
    assert dateline_date("BOGOTA, 30 AUG 89 (TELEVISION NACIONAL CADENA 2) -- [TEXT] A BOMB WENT OFF.") == "1989-08-30"
    assert dateline_date("MANAGUA (NICARAGUA), 11 DEC 89 (RADIO NACIONAL) -- [TEXT] TROOPS CLASHED.") == "1989-12-11"
    assert dateline_date("LOS ANGELES (KTLA 5) -- A man was shot.") is None, "a station, but no date"


def test_a_collective_byline_keeps_its_team_or_desk_word():
    from blotter.textpage import author_names
    assert author_names("Harbourview Gazette Team") == ["Harbourview Gazette Team"]
    assert author_names("Metro Desk") == ["Metro Desk"]
    assert author_names("Lakeside Editorial Team") == ["Lakeside Editorial Team"]
    # a role after a person's name is still not part of the name
    assert author_names("Nadia Okafor, Staff Writer") == ["Nadia Okafor"]
    assert author_names("Nadia Okafor Senior Staff Writer") == ["Nadia Okafor"]
    assert author_names("Nadia Okafor Staff") == ["Nadia Okafor"] and author_names("Metro Staff") == ["Metro Staff"]


def test_a_degree_after_an_author_is_no_second_author():
    from blotter.textpage import author_names

    assert author_names("Jane Whitfield, Ph.D.") == ["Jane Whitfield"]
    assert author_names("Omar Castell, MD, MPH and Lena Ruiz") == ["Omar Castell", "Lena Ruiz"]
    assert author_names("Ed Dawson and Mark Mdanga") == ["Ed Dawson", "Mark Mdanga"]


def test_a_related_line_set_in_square_brackets_or_as_a_list_item_is_a_link():
    parts = parse_text_page("A man was shot dead outside a bar on Dune Street on Friday, police said.\n\n"
                            "[Read more: Two teens hurt in separate shooting]\n\n"
                            "- See also: Bar owners ask for more patrols\n\n"
                            "The victim, 34, died at the scene.\n\n"
                            "- Read more about the street's history, which this paper told last spring.\n")
    assert [link.title for link in parts.related_links] == [
        "Two teens hurt in separate shooting", "Bar owners ask for more patrols"]
    assert "Two teens" not in parts.text and "Bar owners" not in parts.text
    # a list item without the label's colon is the writer's own sentence
    assert "street's history" in parts.text


def test_related_labels_after_a_tight_list_marker_or_in_one_of_two_brackets() -> None:
    # "-Read more:" has no space after its marker; "More from <name>:" stays the text's
    assert _related_item("• More from Ostrava Falls: school buses") is None
    assert _related_item("-Read more: Ferry timetable changes") == (RelatedLink(title="Ferry timetable changes"), False)
    # two bracketed parts on one line are not one bracketed label
    assert _related_item("[Read more: a ferry story] and [a library story]") is None
