"""Incident dates resolved against the publication date, on short reports written for these tests."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from blotter.incidents.dates import fill_date, resolve_date_expression
from blotter.incidents import find_incidents
from blotter.incidents.frame import IncidentFrame
from blotter.models import Article
from blotter.nlp import analyse
from blotter.pipeline import extract_text

MONDAY = datetime(2024, 3, 4, 17, 55, tzinfo=timezone.utc)


def date_of(text: str, published: datetime | None = MONDAY):
    doc = analyse(text)
    return fill_date(IncidentFrame(doc=doc, article=Article(id="t", text=text), sentences=list(doc.sents),
                                   published=published))


@pytest.mark.parametrize("text, start, end, precision, quote", [
    ("Gunmen stormed a market on Sunday.", "2024-03-03", "2024-03-03", "day", "on Sunday"),
    ("A bomb exploded late on Friday.", "2024-03-01", "2024-03-01", "day", "late on Friday"),
    ("A man was shot dead last night.", "2024-03-03", "2024-03-03", "day", "last night"),
    ("Friday's attack left two dead.", "2024-03-01", "2024-03-01", "day", "Friday's"),
    ("A man was stabbed yesterday.", "2024-03-03", "2024-03-03", "day", "yesterday"),
    ("A man was stabbed on Monday.", "2024-03-04", "2024-03-04", "day", "on Monday"),
    ("A man was stabbed this morning.", "2024-03-04", "2024-03-04", "day", "this morning"),
    ("A bomb went off earlier this month.", "2024-03-01", "2024-03-04", "month", "earlier this month"),
    ("The attack on March 3 killed two.", "2024-03-03", "2024-03-03", "day", "on March 3"),
    ("The attack on 3/3/2024 killed two.", "2024-03-03", "2024-03-03", "day", "3/3/2024"),
    ("The market was attacked in 2021.", "2021-01-01", "2021-12-31", "year", "in 2021"),
    ("The bank was robbed in May 2023.", "2023-05-01", "2023-05-31", "month", "in May 2023"),
    ("A bomb exploded on December 28.", "2023-12-28", "2023-12-28", "day", "on December 28"),
])
def test_date_expressions(text: str, start: str, end: str, precision: str, quote: str) -> None:
    result = date_of(text)
    assert (result.start, result.end, result.precision) == (start, end, precision)
    assert result.evidence[0].quote == quote


def test_time_with_its_words() -> None:
    result = date_of("Gunmen stormed a market on Sunday. They opened fire shortly after 10am.")
    assert result.time == "10:00"
    assert [e.quote for e in result.evidence] == ["on Sunday", "shortly after 10am"]


@pytest.mark.parametrize("text, time", [
    ("The shooting happened on Sunday at 10:30 p.m.", "22:30"),
    ("The bomb went off on Sunday around midnight.", "00:00"),
    ("A man was shot on Sunday.", None),
])
def test_times(text: str, time: str | None) -> None:
    assert date_of(text).time == time


def test_claim_date_is_not_the_incident_date() -> None:
    result = date_of("Gunmen stormed a market. A group said on Monday that it carried out the raid.")
    assert result.start is None and result.precision == "unknown" and result.evidence == []


def test_event_date_preferred_over_claim_date() -> None:
    result = date_of("Gunmen stormed a market on Saturday. The group said on Monday that it did it.")
    assert result.start == "2024-03-02"


def test_no_date_and_no_publication_is_unknown() -> None:
    result = date_of("Gunmen stormed a market on Sunday.", published=None)
    assert result.start is None and result.precision == "unknown"


def test_resolve_date_expression_for_other_fillers() -> None:
    assert resolve_date_expression("in a video posted on Monday", MONDAY) == (date(2024, 3, 4), date(2024, 3, 4), "day")
    assert resolve_date_expression("nothing here", MONDAY) is None


def test_weekday_pins_the_year_of_a_month_day() -> None:
    text = "A man was shot Tuesday, Jan. 27, outside a store. The store opened in 2014."
    assert date_of(text, published=None).start == "2015-01-27"


def test_month_day_without_any_year_stays_unknown() -> None:
    assert date_of("A man was shot Tuesday, Jan. 27, outside a store.", published=None).start is None


def test_page_address_gives_the_publication_day() -> None:
    """The clean stage dates a page by its address when the page states no date; weekdays resolve against it."""
    from blotter.pipeline import extract_text

    record = extract_text("A man was shot on Sunday outside a store in Akron, police said.",
                          url="https://news.example/2016/01/27/shooting/")
    assert record.published == "2016-01-27"
    assert record.incidents[0].date.start == "2016-01-24"


@pytest.mark.parametrize("text, start", [
    ("The coroner says Ann Lee was shot by someone Saturday at her home.", "2024-03-02"),
    ("A man was charged on Monday in connection with the February 14 shooting of a clerk.", "2024-02-14"),
])
def test_event_date_after_a_statement_or_aftermath_word(text: str, start: str) -> None:
    assert date_of(text).start == start


def test_arrest_date_alone_is_still_not_the_event_date() -> None:
    assert date_of("Police arrested a man on Sunday over a stabbing at the station.").start is None


def test_a_hearing_or_a_reward_after_the_shooting_is_not_its_date():
    result = date_of("Ann Doe was shot and killed Feb. 28 at her home. Her husband was awaiting arraignment Sunday on the charge.")
    assert result.start == "2024-02-28"


def test_a_day_named_later_refines_an_overnight_or_a_week():
    result = date_of("An overnight shooting left eight people hurt. It happened around 2:30 a.m. Sunday on Hearne Avenue.")
    assert (result.start, result.precision) == ("2024-03-03", "day")


def test_a_wrong_weekday_beside_a_recent_day_does_not_move_it_years_back():
    result = date_of("The man was shot on Tuesday, March 2 outside a bar.")
    assert result.start == "2024-03-02"


def test_the_page_stamp_anchors_a_weekday_when_no_publication_date_is_given() -> None:
    text = ("Man shot outside store Posted: Tuesday, March 5, 2024 9:10 AM EST. A man was shot outside a store "
            "on Oak Street on Sunday night, police said.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert (incident.date.start, incident.date.precision) == ("2024-03-03", "day")


def test_an_archive_date_gives_way_to_the_page_stamp() -> None:
    text = ("MILLTOWN, Ohio (March 5, 2024) -- A man was shot on Oak Street on Sunday night, police said. "
            "He is expected to survive.")
    article = Article(id="t", text=text, published="2026-01-20T00:00:00+00:00")  # when an archive copied it
    incident = find_incidents(analyse(text), article, [])[0]
    assert incident.date.start == "2024-03-03"
    assert [e.quote for e in incident.date.evidence][0] == "on Sunday night"


def test_a_stamp_line_cleaning_takes_off_still_anchors_a_weekday_over_an_archive_date() -> None:
    page = "Posted: Mar 5, 2024 9:10 AM EST\n\nA man was shot on Oak Street on Sunday night, police said."
    record = extract_text(page, published="2026-01-20")  # the day an archive copied the page
    assert record.published == "2026-01-20" and record.incidents[0].date.start == "2024-03-03"


def test_a_stamp_with_a_two_digit_year_anchors_a_weekday() -> None:
    text = "(03/05/24) - A man was shot on Oak Street on Sunday night, police said. He is expected to survive."
    article = Article(id="t", text=text, published="2026-01-20T00:00:00+00:00")  # when an archive copied it
    assert find_incidents(analyse(text), article, [])[0].date.start == "2024-03-03"


def test_a_day_first_stamp_of_the_publication_day_keeps_the_given_date() -> None:
    """"(05/09/24)" on a page given as out on 5 September 2024 is that day written day first, not May 9 read month first."""
    text = "(05/09/24) - A man was shot on Oak Street on Sunday night, police said. He is expected to survive."
    article = Article(id="t", text=text, published="2024-09-05T10:00:00+00:00")
    assert find_incidents(analyse(text), article, [])[0].date.start == "2024-09-01"


def test_a_day_named_outside_the_incident_sentences_dates_the_main_incident() -> None:
    text = ("Teen wounded in shooting\n\nA teenager was shot and wounded at a park, police said. He is expected to "
            "recover. The park reopened last year after repairs. Officers were called to the park Saturday afternoon.")
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert (incident.date.start, incident.date.precision) == ("2024-03-02", "day")
    assert [e.quote for e in incident.date.evidence] == ["Saturday afternoon"]


def test_a_day_a_statement_was_made_does_not_date_the_incident_from_elsewhere() -> None:
    text = ("A man was shot and wounded outside a bar on Elm Street, police said. He is expected to recover. "
            "The bar has been closed since the summer. Neighbors said officers came to the bar Saturday night.")
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start is None



@pytest.mark.parametrize("text, start", [
    # a sentence that opens on the day of the telling, then names the event's own day
    ("On Sunday, police identified the boy killed in Saturday's tragic incident on Elm Street.", "2024-03-02"),
    ("On Sunday, the sheriff's office said deputies found the body of a man shot on Friday night.", "2024-03-01"),
    ("Neighbours were remembering the victims Sunday morning. The two men were shot dead on Friday.", "2024-03-01"),
    # the day opens the sentence and the event follows it: still the event's day
    ("On Saturday, a man was shot and killed outside a bar, police said.", "2024-03-02"),
])
def test_day_of_the_telling_is_not_the_event_day(text: str, start: str) -> None:
    assert date_of(text).start == start


def test_event_reported_on_a_day_is_that_days_event() -> None:
    text = "Three schools went into lockdown after a shooting was reported nearby Saturday afternoon."
    assert date_of(text).start == "2024-03-02"
    assert date_of("Police said on Saturday that a man was stabbed at the station.").start is None


def test_the_arrest_day_after_a_clock_time_is_still_the_arrest_day() -> None:
    text = ("A woman was arrested about 3:15 p.m. Monday in Dunmore. She is suspected of shooting a man "
            "about 8 p.m. Feb. 9 at his shop.")
    assert date_of(text).start == "2024-02-09"


@pytest.mark.parametrize("text", [
    "Two men were shot that Saturday night outside the fair, a witness told the hearing.",
    "The gunman shot a clerk and fled; he was caught the following Monday.",
])
def test_a_weekday_counted_from_another_day_is_not_resolved_against_publication(text: str) -> None:
    assert date_of(text).start is None


def test_that_opening_a_reported_clause_keeps_the_weekday() -> None:
    assert date_of("Police said that Saturday's shooting outside the fair was not random.").start == "2024-03-02"


def test_since_a_day_is_a_period_that_a_later_day_refines() -> None:
    result = date_of("Nine people have been shot since Friday night. The latest was shot early Sunday in a park.")
    assert (result.start, result.precision) == ("2024-03-03", "day")
    assert date_of("Nine people have been shot across the city since Friday night.").precision == "range"


@pytest.mark.parametrize("text, start", [
    ("A man was killed in an overnight shooting. It happened around 1 a.m. outside a tavern.", "2024-03-04"),
    ("A man was killed in an overnight shooting. It happened around 11 p.m. outside a tavern.", "2024-03-03"),
])
def test_the_hour_of_an_overnight_shooting_says_which_side_of_midnight(text: str, start: str) -> None:
    result = date_of(text)
    assert (result.start, result.precision) == (start, "day")
    assert [e.quote for e in result.evidence] == ["overnight", text.split("happened ")[1].split(" outside")[0]]


def test_an_overnight_shooting_around_midnight_stays_a_range() -> None:
    assert date_of("A man was killed in an overnight shooting. It happened around midnight.").precision == "range"


def test_a_broadcast_schedule_is_not_the_event_day() -> None:
    text = "Watch our report: tune in Thursday at 6 p.m. A woman was shot on Sunday outside her home."
    assert date_of(text).start == "2024-03-03"


def test_a_dated_dateline_gives_way_to_the_day_the_report_names() -> None:
    text = ("MILLTOWN, Ohio (March 4, 2024) -- A boy was shot by a friend while hunting. "
            "Officers were called just after 4:30 p.m. Sunday.")
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == "2024-03-03"


def test_a_release_opening_on_its_date_is_the_page_stamp() -> None:
    text = ("Fatal shooting on Oak Street\n\nMarch 4, 2024 - Police are looking into the fatal shooting of a man "
            "on Oak Street about 5:50 a.m. on Saturday.")
    incident = find_incidents(analyse(text), Article(id="t", text=text), [])[0]
    assert incident.date.start == "2024-03-02"


def test_a_court_date_named_before_its_noun_is_not_the_event_day() -> None:
    text = "A March 28 court date was set for the suspect. The woman was shot at her home on Sunday."
    assert date_of(text).start == "2024-03-03"


def test_the_call_out_after_a_statement_keeps_its_day() -> None:
    assert date_of("The sheriff says deputies responded at 1:24 a.m. Friday and found two women shot.").start == "2024-03-01"


@pytest.mark.parametrize("text, start", [
    ("A man was shot on New Year's Day outside a bar.", "2024-01-01"),
    ("Two teens were wounded on the Fourth of July.", "2023-07-04"),
    ("A woman was stabbed late Christmas Eve.", "2023-12-24"),
])
def test_a_holiday_on_a_fixed_day_dates_the_event(text: str, start: str) -> None:
    assert date_of(text).start == start


@pytest.mark.parametrize("text, start", [
    ("A woman was stabbed around 3 p.m. on Thanksgiving Day at a diner.", "2023-11-23"),
    ("Two men were wounded at a cookout on Memorial Day.", "2023-05-29"),
    ("A man was stabbed on Labor Day.", "2023-09-04"),
    ("A teen was shot on Halloween night.", "2023-10-31"),
    # Easter moves with the moon: March 31 in 2024, before the report of March 4 2024, so the year before's
    ("A girl was shot early Easter morning in her home.", "2023-04-09"),
    ("Two men were wounded in an Easter Sunday shooting.", "2023-04-09"),
])
def test_a_holiday_on_a_moving_or_fixed_day_dates_the_event(text: str, start: str) -> None:
    assert date_of(text).start == start


@pytest.mark.parametrize("text, published, start", [
    ("A man was shot dead in Dayton, Ohio, on Easter Monday.", datetime(2024, 4, 2), "2024-04-01"),
    ("A woman was stabbed on Holy Saturday.", datetime(2024, 4, 2), "2024-03-30"),
    ("Two men were shot after the Easter Vigil.", datetime(2024, 4, 2), "2024-03-30"),
    ("A man was shot on Easter Saturday.", datetime(2024, 4, 2), "2024-03-30"),
    # the Julian computus: 5 May in 2024, 16 April in 2023
    ("A priest was attacked on Orthodox Easter.", datetime(2024, 5, 6), "2024-05-05"),
    ("A priest was attacked on Orthodox Easter.", datetime(2024, 4, 20), "2023-04-16"),
])
def test_the_days_around_easter_and_orthodox_easter_are_their_own_days(text: str, published: datetime,
                                                                        start: str) -> None:
    assert date_of(text, published).start == start


def test_a_holiday_weekend_is_no_day() -> None:
    assert date_of("A man was shot over the Memorial Day weekend.").precision != "day"
    assert date_of("A man was shot over the Easter weekend.").precision != "day"
    assert date_of("A man dressed as the Easter Bunny was shot.").start is None
    assert date_of("A man was shot over the Thanksgiving Day weekend.").precision != "day"


def test_a_new_years_eve_party_is_not_dated_by_the_eve() -> None:
    assert date_of("A man was shot at a New Year's Eve party.").start is None


@pytest.mark.parametrize("text, start", [
    # a meeting or hearing scheduled for a day, even past a clock time
    ("A vigil is scheduled for 5-7 p.m. Tuesday. A man was shot on Saturday near the library.", "2024-03-02"),
    ("A bail hearing is scheduled for Friday. The woman was stabbed on Sunday.", "2024-03-03"),
    ("Tune in at 5 p.m. and Friday at 7 a.m. for updates. A man was shot on Sunday.", "2024-03-03"),
    # a sentence that opens on the day a judge or jury acted
    ("A teen was shot outside a fair. On Friday, Judge Ann Lee found probable cause in the case.", None),
    ("On Friday, a grand jury indicted the man who shot a clerk.", None),
    # what a page asks the reader to do today
    ("A man was shot outside a bar. Sign up for our newsletter today.", None),
    ("A man was shot outside a bar. Get email alerts from Channel 12 today.", None),
    # a hearing of a kind named after the day
    ("The victims were shot in a bedroom, the prosecution argued at Monday's bond hearing.", None),
])
def test_days_of_schedules_courts_and_promotions_do_not_date_the_event(text: str, start: str | None) -> None:
    assert date_of(text).start == start


def test_the_morning_of_a_day_in_reported_speech_is_the_event_day() -> None:
    text = "The report said the morning of March 1 started with an argument. He shot his wife at the house."
    assert date_of(text).start == "2024-03-01"


def test_a_planned_attack_carried_out_on_a_day_keeps_its_day() -> None:
    assert date_of("The gunman had planned the attack and shot two guards on Friday.").start == "2024-03-01"


@pytest.mark.parametrize("text, start", [
    ("She died Sunday after being on life support since the shooting. She was shot on March 1 at her home.", "2024-03-01"),
    ("The mother was too overcome Sunday to speak. Her son was shot dead on March 1.", "2024-03-01"),
    ("Here is where the investigation stands tonight. The boy was shot and killed on Saturday.", "2024-03-02"),
    # a death on the day, with nothing saying it came later, is the day
    ("A man was shot in a bar fight and died Sunday at the hospital.", "2024-03-03"),
])
def test_a_later_death_or_grief_does_not_date_the_act(text: str, start: str) -> None:
    assert date_of(text).start == start


@pytest.mark.parametrize("text, start", [
    ("The county coroner on Sunday identified the man shot dead at a bar.", None),
    ("A judge on Saturday ordered the teen held without bail in the shooting of two men.", None),
    ("Friday, the two men made their first appearance in court in the shooting of a girl.", None),
    ("The mother of the boy who was shot was still behind bars on Wednesday night.", None),
    ("The suspect is due Wednesday in court for the shooting of a clerk.", None),
    ("The officer revealed new details about the shooting at a news conference on Thursday.", None),
    # the act itself before the day keeps it
    ("A man shot on Sunday identified his attacker to police.", "2024-03-03"),
    ("Two men were shot Saturday, police said.", "2024-03-02"),
])
def test_days_of_tellings_and_states_after_the_act_do_not_date_it(text: str, start: str | None) -> None:
    assert date_of(text).start == start


@pytest.mark.parametrize("text, start", [
    ("Police said the shooting happened Friday evening on Oak Lane.", "2024-03-01"),
    ("Deputies said the shootings occurred Sunday morning at a bar.", "2024-03-03"),
    ("The office is investigating a shooting which was reported on 3/1/24 at about 8:50 p.m.", "2024-03-01"),
    ("Police released the names of a woman and a child found dead inside a home Friday.", "2024-03-01"),
    # dying soon after being shot is the day of the act
    ("A man died Sunday morning after being shot inside a home.", "2024-03-03"),
])
def test_the_act_told_after_a_statement_keeps_its_day(text: str, start: str) -> None:
    assert date_of(text).start == start


def test_a_street_named_court_is_not_a_courtroom() -> None:
    assert date_of("Police are investigating a suspicious death on Emery Court on Monday, March 4.").start == "2024-03-04"
    assert date_of("He appeared in Circuit Court on Monday in the shooting of a clerk.").start is None


@pytest.mark.parametrize("text", [
    "Friday, Allen Smith and his friend Ken Lee made their first appearance in court in the shooting.",
    "The chief revealed new details about the shooting Thursday at a news conference.",
    "The sheriff's office addressed reporters for the first time Wednesday about the shooting of a girl.",
])
def test_more_days_of_the_telling(text: str) -> None:
    assert date_of(text).start is None


@pytest.mark.parametrize("text, start", [
    ("Two men were charged Monday with murder in the March 1 death of a teen.", "2024-03-01"),
    ("Three people are dead after a Friday morning quadruple shooting, police said.", "2024-03-01"),
])
def test_the_day_that_names_the_act_is_its_day(text: str, start: str) -> None:
    assert date_of(text).start == start


@pytest.mark.parametrize("text, start", [
    # the filing day's denial or strike told in the lead is not the day of the attack it refers to
    ("The army denied today that rebels had attacked the presidential farm. A rebel column attacked the farm on "
     "Saturday, a rebel radio said.", "2024-03-02"),
    ("Judges began a strike today to protest the assassination of a colleague. The judge was shot dead in her car "
     "on Saturday evening.", "2024-03-02"),
    # the scene of the attack dates it, and a weekday stays the attack's whatever its verb
    ("Officers were called on Saturday to a house where a man had been shot dead.", "2024-03-02"),
    ("Dispatchers received a call about gunshots late Saturday. A woman was found shot in her home. A vigil "
     "will be held on Monday.", "2024-03-02"),
])
def test_the_day_of_another_act_gives_way_to_the_attacks_own(text: str, start: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


def test_a_day_inside_what_a_statement_reports_is_the_events() -> None:
    assert date_of("Police reported that gunmen tonight bombed two embassies.").start == "2024-03-04"
    assert date_of("Police said on Saturday that a man was stabbed at the station.").start is None


def test_wire_lead_of_a_denial_dates_the_killing_it_recalls() -> None:
    text = ("SAN SALVADOR, 3 DEC 89 (ACAN-EFE) -- TODAY THE DEFENSE MINISTRY FLATLY DENIED CHARGES THAT ITS OFFICERS "
            "WERE BEHIND THE MURDER OF SIX PRIESTS.\n\nTHE SIX PRIESTS WERE KILLED ON 16 NOVEMBER BY MEN IN UNIFORM.")
    record = extract_text(text)
    assert record.incidents[0].date.start == "1989-11-16"


def test_wire_report_in_capitals_is_dated_from_a_sentence_outside_the_incident() -> None:
    text = ("REBELS BLEW UP A POWER PYLON NEAR THE TOWN. THE REGION WAS LEFT WITHOUT ELECTRICITY. "
            "BUS SERVICES HAVE BEEN SUSPENDED AFTER THE ATTACKS, WHICH BEGAN AT DAWN TODAY.")
    doc = analyse(text)
    frame = IncidentFrame(doc=doc, article=Article(id="t", text=text), sentences=list(doc.sents)[:1],
                          is_primary=True, published=MONDAY)
    assert fill_date(frame).start == "2024-03-04"


def test_a_dateline_without_its_source_is_not_the_incident_date() -> None:
    record = extract_text("SANTIAGO, 29 MAR 89 -- GUNMEN SHOT AND WOUNDED TWO STUDENTS DURING A MARCH IN THE CAPITAL YESTERDAY.")
    assert record.incidents[0].date.start == "1989-03-28"


def test_a_condition_reported_on_a_day_is_not_the_event_day() -> None:
    text = ("A boy was in critical condition Tuesday after he was shot on a basketball court. "
            "The teens were shot at about 6 p.m. Monday, police said.")
    assert date_of(text).start == "2024-03-04"


def _date_with_headline(title: str, text: str):
    doc = analyse(text)
    return fill_date(IncidentFrame(doc=doc, article=Article(id="t", text=text, title=title), sentences=list(doc.sents),
                                   published=MONDAY, is_primary=True))


def test_the_headline_dates_an_event_the_body_leaves_undated() -> None:
    result = _date_with_headline("Police investigate Sunday night shooting", "A man was shot near the park.")
    assert (result.start, result.precision) == ("2024-03-03", "day")
    assert [(e.field, e.quote) for e in result.evidence] == [("title", "Sunday night")]


def test_an_overnight_headline_takes_its_side_of_midnight_from_the_bodys_hour() -> None:
    result = _date_with_headline("Man killed in overnight shooting",
                                 "A man died in a shooting. Officers say they were called at around 2:45 a.m.")
    assert (result.start, result.time) == ("2024-03-04", "02:45")
    assert [e.field for e in result.evidence] == ["title", "text"]


@pytest.mark.parametrize("title, text, start", [
    ("Suspect charged Saturday in weekend shooting", "A man was shot near the park.", None),
    ("Police investigate Sunday night shooting", "A man was shot near the park on Saturday.", "2024-03-02"),
])
def test_the_headline_yields_to_the_body_and_to_aftermath_days(title: str, text: str, start: str | None) -> None:
    assert _date_with_headline(title, text).start == start


def test_the_address_day_anchors_weekdays_when_the_given_date_came_later() -> None:
    from blotter.incidents.dates import publication_anchor
    archived = datetime(2016, 8, 18, tzinfo=timezone.utc)  # the day an archive or an update stamped the page
    anchor = publication_anchor(archived, "A man was shot on Friday.", date(2013, 6, 9))
    assert anchor is not None and anchor.date() == date(2013, 6, 9)
    # a day or two apart is an update, and an address "date" decades older is an article number
    assert publication_anchor(archived, "A man was shot on Friday.", date(2016, 8, 17)) == archived
    assert publication_anchor(archived, "A man was shot on Friday.", date(1917, 7, 26)) == archived


def test_extract_dates_a_weekday_from_the_address_day() -> None:
    record = extract_text("A man was shot and killed on Friday outside a store, police said.",
                          url="http://news.example.com/2013/06/09/man-shot/", published="2016-08-18")
    assert record.incidents[0].date.start == "2013-06-07"


def test_an_updates_stamp_is_not_the_event_day() -> None:
    neighbours = "Neighbours said the family had lived on the street for many years and kept a tidy garden. " * 8
    text = ("A man was killed at his home. " + neighbours + "UPDATE (03/04/2024): Police have identified the man who "
            "was killed. Neighbours heard shots on Saturday night.")
    assert date_of(text).start == "2024-03-02"


def test_the_day_a_victim_was_taken_to_hospital_in_a_condition_is_the_event_day() -> None:
    assert date_of("A man was taken to the medical center in critical condition Friday after he was shot.").start == "2024-03-01"


@pytest.mark.parametrize("text, start", [
    # a weekday whose verb is an act of the aftermath (a charge, a court date, mourning) yields to the shooting's day
    ("Prosecutors charged a woman with murder Thursday in the shooting of her cousin. The woman shot her cousin late "
     "Tuesday outside a bar.", "2024-02-27"),
    ("Neighbors on Sunday mourned a man who was killed in his driveway. Police said he was shot Saturday.",
     "2024-03-02"),
    ("A teenager faced a judge Friday in the shooting of two classmates. The classmates were wounded early "
     "Wednesday at a party.", "2024-02-28"),
    # ... but not a weekday before "police say" that tells the shooting, nor one misread as a verb's subject
    ("Around 10 p.m. Sunday, police say a man shot his brother at their home. The brothers had argued at a party "
     "on Saturday.", "2024-03-03"),
    ("The teen who suffered a gunshot wound to the hand Sunday is now recovering. His family had moved into the "
     "house on Friday.", "2024-03-03"),
])
def test_a_weekday_of_the_aftermath_gives_way_to_the_shootings_own(text: str, start: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


@pytest.mark.parametrize("text", [
    # the filing day stays the attack's when its verb is joined to the violent one, is a clause of its time, or
    # names the wounds
    "A father came home today and shot his wife and two sons. Soldiers clashed with rebels near the town on Saturday.",
    "A farmer was shot dead as he slept in his house today. Soldiers clashed with rebels near the town on Saturday.",
    "Four men were taken to a hospital with gunshot wounds received today. Soldiers clashed with rebels near the "
    "town on Saturday.",
])
def test_the_filing_day_of_an_act_tied_to_the_attack_is_the_attacks(text: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == "2024-03-04"


def test_a_plural_of_violence_is_a_trigger_for_dating() -> None:
    from blotter.incidents.dates import _is_trigger
    shootings = next(token for token in analyse("The shootings stemmed from a feud.") if token.text == "shootings")
    assert _is_trigger(shootings)


@pytest.mark.parametrize("text", [
    "Counselors will be available Wednesday morning at the college where the boy studied. The boy was shot in his "
    "home, police said.",
    "The family is to gather Friday at the house where the woman was shot.",
])
def test_a_weekday_of_what_is_to_come_is_no_day_of_the_shooting(text: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start is None


def test_a_future_act_beside_the_shooting_leaves_the_shootings_day() -> None:
    text = "A man was shot Sunday night and will undergo surgery Friday."
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == "2024-03-03"


def test_a_day_of_the_scene_afterwards_yields_to_the_day_of_the_shooting_in_its_sentence() -> None:
    text = ("Monday morning, broken glass and a shoe lay in the parking lot, marking the spot where a gunman opened "
            "fire Sunday evening.")
    assert date_of(text).start == "2024-03-03"


@pytest.mark.parametrize("text, start", [
    # a news conference named with its day is the telling's, not the shooting's
    ("Police gave new details of the shooting that left three people dead at a Monday night press conference. The "
     "shooting began at 9:30 p.m. on Sunday.", "2024-03-03"),
    # a gun that went off is the act itself, after a statement too
    ("A deputy says the handgun discharged Saturday while the man was showing it to friends.", "2024-03-02"),
    # taken into custody is an arrest, and an official's ruling is the aftermath's
    ("A man was taken into custody by deputies of the county sheriff's office on Friday and charged with murder. He "
     "shot two men on Feb. 10 after a dispute at a mall.", "2024-02-10"),
    ("The coroner ruled the boy's death a homicide Friday. The boy was shot inside a home on Feb. 22.", "2024-02-22"),
])
def test_arrests_rulings_and_news_conferences_are_the_aftermath_and_a_gun_going_off_the_act(text: str, start: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


def test_discharged_from_hospital_is_not_the_act() -> None:
    from blotter.incidents.dates import _is_event_verb
    doc = analyse("He was discharged from the hospital on Sunday.")
    assert not _is_event_verb(next(token for token in doc if token.text == "discharged"))


@pytest.mark.parametrize("text, word", [
    ("The inmate died in custody Saturday.", "died"),
    ("A man was shot in police custody Saturday.", "shot"),
    ("He was beaten in custody Saturday.", "beaten"),
])
def test_harm_in_custody_is_still_the_act_not_an_arrest(text: str, word: str) -> None:
    from blotter.incidents.dates import _is_event_verb, _takes_into_custody
    token = next(token for token in analyse(text) if token.text == word)
    assert _is_event_verb(token) and not _takes_into_custody(token)


@pytest.mark.parametrize("text, start", [
    # a day a speaker counts from when they spoke, about something else they did, dates nothing
    ('"I talked to a neighbor yesterday and she was in tears," the mayor said of the shooting of a boy at a park.', None),
    ('A boy was shot at a park. "They lost two today," said his aunt.', None),
    # ... but the shooting told in the quote keeps its day
    ('"He was shot last night," his aunt said.', "2024-03-03"),
])
def test_a_day_inside_a_quotation_dates_only_the_act_it_tells(text: str, start: str | None) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


def test_a_911_call_told_after_a_statement_dates_the_act() -> None:
    text = "The office said deputies got a 911 call Saturday morning from the woman's sister. The woman had shot her two sons."
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == "2024-03-02"



@pytest.mark.parametrize("text, start", [
    # a victim who dies days later: the incident is dated by the shooting
    ("A teenager wounded in a shooting has died. The coroner said Tamsin Reeve, 19, died Tuesday afternoon at the "
     "hospital. She was one of three women who were shot outside a house on Larch Lane on Sunday night.", "2024-03-03"),
    ("Noel Fairby, 30, was pronounced dead at 4:10 p.m. Saturday. Someone in a passing car opened fire on him "
     "Friday night on Dorsey Street.", "2024-03-01"),
    # weekdays counted from a stale publication day put the act after the death: the act's own verb still wins
    ("A woman shot last week has died. Police said Ada Krell died Friday. She was shot at a bus stop on Saturday "
     "night.", "2024-03-02"),
    # a death with no day of the act beside it keeps its day
    ("A boy was shot by accident at his home. He died early Saturday, police said.", "2024-03-02"),
    # a day of something else (classmates' tribute) does not take the death's place
    ("Owen Tate, 9, died Sunday after a rifle discharged in his home. Classmates wore orange Monday in his honor.",
     "2024-03-03"),
    # a death told with its act ("died ... after being shot") yields to a day of the act in its own sentence
    ("Lyle Brandt died Sunday after being stabbed outside a tavern on Friday night.", "2024-03-01"),
    # but not to a day of another sentence, which may tell an earlier act
    ("Lyle Brandt died Sunday after being stabbed outside a tavern in Corvale. Officers said he had been hurt in a "
     "stabbing on Feb. 9 near the same tavern.", "2024-03-03"),
])
def test_a_death_days_later_yields_to_the_day_of_the_shooting(text: str, start: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


@pytest.mark.parametrize("text, start", [
    # the heading of an update to a running story dates the update, not the shooting
    ("A girl was shot on a porch on Ash Street, police said.\n\n9:05 AM FRIDAY: Police now say the shot was fired by "
     "accident.", None),
    ("A man was shot outside a bar on Wednesday.\n\nUPDATE, 2 p.m. Sunday: The man has been released from the "
     "hospital.", "2024-02-28"),
    # a day in a sentence that merely opens on a clock time is still the event's
    ("At 9:05 a.m. Friday, a man opened fire in a parking lot.", "2024-03-01"),
    # a timeline's line in plain case, with no UPDATE word, tells the event itself
    ("10 p.m. Saturday: A man fired a rifle into a crowd outside a bowling alley in Corvale, wounding four.",
     "2024-03-02"),
])
def test_an_updates_heading_is_not_the_shootings_day(text: str, start: str | None) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


@pytest.mark.parametrize("text", [
    "A girl, 8, was shot in the arm by her cousin. The whole village is in shock Thursday.",
    "A boy was shot while playing with a handgun. Classmates were stunned Friday by the news.",
])
def test_a_town_in_shock_on_a_day_is_the_aftermath(text: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start is None


@pytest.mark.parametrize("text, start", [
    # a day inside the opening "After ..." phrase is what came before; the main clause tells the event
    ("After two shootings on Saturday, gunfire broke out again in the Eastgate neighborhood on Monday, wounding "
     "three men.", "2024-03-04"),
    # with no day of its own in the main clause, the opening phrase's day stays
    ("After a quarrel on Saturday, a man shot his neighbor.", "2024-03-02"),
    # a main clause's day of an arrest is the aftermath's: the opening phrase's day of the act stays
    ("After a stabbing on Friday night left a woman dead in Corvale, deputies on Sunday arrested her brother.",
     "2024-03-01"),
])
def test_a_day_in_an_opening_after_phrase_yields_to_the_main_clauses(text: str, start: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


@pytest.mark.parametrize("text, start", [
    # published on a Monday (2024-03-04): "last Sunday" may be yesterday or the week before; the guess stays the
    # most recent Sunday
    ("A boy accidentally shot himself last Sunday during a family party, police said.", "2024-03-03"),
    # "last Monday" on a Monday is a week back, as before
    ("A boy accidentally shot himself last Monday during a family party, police said.", "2024-02-26"),
    # farther back, "last Thursday" is the most recent Thursday
    ("A boy accidentally shot himself last Thursday during a family party, police said.", "2024-02-29"),
])
def test_last_weekday_is_the_most_recent_but_never_today(text: str, start: str) -> None:
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-03-04T18:10:00+00:00"), [])[0]
    assert incident.date.start == start


def test_the_day_the_report_says_its_shooting_happened_outranks_a_day_of_the_family_later() -> None:
    text = ("A coroner ruled that a teenager shot at a sleepover was a homicide victim. Relatives spent Thursday "
            "night raising money for his funeral. The shooting happened inside a home near Elm Street on May 21.")
    incident = find_incidents(analyse(text), Article(id="t", text=text, published="2024-05-31T18:10:00+00:00"), [])[0]
    assert incident.date.start == "2024-05-21"


@pytest.mark.parametrize("text", [
    "A man was shot this afternoon after an argument at a bus stop in Dayton.",
    "A man was shot early this afternoon on Elm Street in Dayton.",
])
def test_this_afternoon_is_found_without_a_number_beside_it(text: str) -> None:
    result = date_of(text)
    assert (result.start, result.precision) == ("2024-03-04", "day")
    assert "this afternoon" in result.evidence[0].quote


@pytest.mark.parametrize("text, start, time", [
    # past midnight, a weekday's night is the next day's early hours
    ("A man was shot late Saturday night at 12:25 a.m. outside a bar on Elm Street.", "2024-03-03", "00:25"),
    ("Two men were wounded in a shooting Friday night around 1:40 a.m. near a gas station.", "2024-03-02", "01:40"),
    # before midnight, or at it, the night stays its weekday's
    ("A man was shot late Saturday night at 11:25 p.m. outside a bar on Elm Street.", "2024-03-02", "23:25"),
    ("A man was shot Saturday night just before midnight outside a bar on Elm Street.", "2024-03-02", "00:00"),
])
def test_a_nights_hour_past_midnight_is_the_next_day(text: str, start: str, time: str) -> None:
    result = date_of(text)
    assert (result.start, result.precision, result.time) == (start, "day", time)


SATURDAY = datetime(2024, 3, 9, 15, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, published, start", [
    # published on a Saturday: "Wednesday night" of a shooting "last week" is the week before's Wednesday
    ("Ann Pell, 7, was fatally shot outside her home in Dayton last week. Police said she was shot Wednesday night "
     "in the 500 block of Larch Street.", SATURDAY, "2024-02-28"),
    # published on a Monday: the week before runs from Sunday to Saturday, so its Sunday is eight days back
    ("Three gunmen fired into a crowd at a Tulsa skate park last week, killing Jon Reyes, 17. Officers said the "
     "gunfire broke out around 9 p.m. Sunday near the gate.", MONDAY, "2024-02-25"),
    # "last week" dates the charge, not the act, and the act's weekday is told in the next sentence (a caption)
    ("Rob Tanner, 31, is charged in the fatal shooting of Lia Moss, 9, last week.\n\nLia Moss, 9, who was fatally "
     "shot Wednesday night in the 400 block of Alder Street.", SATURDAY, "2024-02-28"),
])
def test_a_weekday_of_a_shooting_last_week_is_that_weeks_day(text: str, published: datetime, start: str) -> None:
    result = date_of(text, published)
    assert (result.start, result.precision) == (start, "day")


@pytest.mark.parametrize("text", [
    "A man was shot Saturday night and was pronounced dead at 1:15 a.m. at a hospital.",
    "A woman was stabbed Saturday night and died at a hospital at 2:10 a.m.",
])
def test_a_deaths_hour_past_midnight_leaves_the_nights_day(text: str) -> None:
    assert date_of(text).start == "2024-03-02"
