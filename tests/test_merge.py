"""Merging reports of one incident: matching, splitting, fusion, stable ids."""

from __future__ import annotations

from blotter.models import (Casualties, Count, DocumentRecord, Evidence, GroupRef, Incident, IncidentDate, Location,
                            Victim)
from blotter.store import open_database
from blotter.store.merge import cluster_documents, distinctive_names, global_id

CHICAGO = {"name": "Chicago", "admin1": "Illinois", "country": "United States", "country_code": "US",
           "lat": 41.85, "lon": -87.65, "geonameid": 4887398, "precision": "city"}
HOUSTON = {"name": "Houston", "admin1": "Texas", "country": "United States", "country_code": "US",
           "lat": 29.76, "lon": -95.36, "geonameid": 4699066, "precision": "city"}


def report(doc_id: str, text: str, *, day: str | None = "2024-03-02", place: dict | None = None,
           killed: int | None = None, injured: int | None = None, victims: tuple[str, ...] = (),
           groups: tuple[str, ...] = (), published: str | None = "2024-03-03T10:00:00+00:00",
           about: str | None = None) -> DocumentRecord:
    """A one-incident document record whose evidence is cut from ``text``; the incident's own
    evidence is ``about`` (a sentence of the text) when given, else the whole text."""
    def ev(word: str) -> list[Evidence]:
        """Evidence for ``word``, or for the whole text when the word is spelt out there."""
        start = text.find(word)
        return [Evidence.of(text, start, start + len(word)) if start >= 0 else Evidence.of(text, 0, len(text))]

    def count(n: int | None) -> Count:
        return Count(best=n, low=n, evidence=ev(str(n))) if n is not None else Count()

    date = IncidentDate(start=day, end=day, precision="day") if day else IncidentDate()
    incident = Incident(
        id=f"{doc_id}-i1", is_primary=True, summary=text.split(".")[0], category="crime",
        attack_types=["armed_assault"], date=date, location=Location(**(place or CHICAGO)),
        victims=[Victim(name=name, mention=name, status="killed", evidence=ev(name)) for name in victims],
        groups=[GroupRef(name=g, mention=g, relation="perpetrator", evidence=ev(g)) for g in groups],
        casualties=Casualties(killed=count(killed), injured=count(injured)),
        evidence=ev(about) if about else [Evidence.of(text, 0, len(text))],
    )
    return DocumentRecord(id=doc_id, title=text.split(".")[0], text=text, published=published, incidents=[incident])


def test_reports_of_one_shooting_merge_with_a_stable_id() -> None:
    first = report("a", "Gunman shot 2 people outside a Chicago bar on Saturday night.", killed=2)
    second = report("b", "Police said 2 people died after a gunman opened fire outside a bar in Chicago.",
                    killed=2, published="2024-03-04T08:00:00+00:00")
    with open_database("sqlite://") as db:
        db.add_record(first)
        result = db.add_record(second)
        assert db.counts().merged == 1
        assert result.merged_ids == (global_id("a", "a-i1"),)
        merged = db.get_incident(global_id("a", "a-i1"))
    assert merged is not None
    assert [s.document_id for s in merged.sources] == ["a", "b"]
    assert merged.first_reported.startswith("2024-03-03") and merged.last_reported.startswith("2024-03-04")
    assert {e.document_id for e in merged.casualties.killed.evidence} == {"a", "b"}
    assert all(e.document_id for e in merged.evidence)


def test_two_shootings_in_one_city_on_one_day_stay_apart() -> None:
    records = [
        report("a", "A man named Jordan Pike was shot dead on Elm Street in Chicago.", killed=1, victims=("Jordan Pike",)),
        report("b", "Teenager Maria Lopez was killed in a drive-by shooting at a Chicago park.", killed=1,
               victims=("Maria Lopez",)),
        report("c", "Three people were wounded when gunfire erupted at a Chicago nightclub.", injured=3),
    ]
    assert sorted(cluster_documents(records)) == [["a"], ["b"], ["c"]]


def test_different_cities_or_distant_days_never_merge() -> None:
    records = [
        report("a", "Gunman shot 2 people outside a bar.", killed=2),
        report("b", "Two men died after gunfire erupted near a Houston tavern.", killed=2, place=HOUSTON),
        report("c", "The gunman shot 2 people outside a bar.", killed=2, day="2024-03-20",
               published="2024-03-21T10:00:00+00:00"),
    ]
    assert sorted(cluster_documents(records)) == [["a"], ["b"], ["c"]]


def test_a_later_report_naming_the_victims_splits_a_wrong_merge() -> None:
    vague = report("a", "Two separate shootings left 1 dead in Chicago on Saturday, police said.")
    pike = report("b", "Two separate shootings left Jordan Pike dead in Chicago on Saturday.", victims=("Jordan Pike",))
    lopez = report("c", "Two separate shootings left Maria Lopez dead in Chicago on Saturday.", victims=("Maria Lopez",))
    pike_again = report("d", "Jordan Pike was one of two people shot dead in Chicago on Saturday.",
                        victims=("Jordan Pike",))
    with open_database("sqlite://") as db:
        for record in (vague, pike, lopez, pike_again):
            db.add_record(record)
        groups = sorted(sorted(g) for g in db.primary_incident_groups(["a", "b", "c", "d"]))
    assert ["c"] in groups and any({"b", "d"} <= set(g) for g in groups)
    assert not any({"b", "c"} <= set(g) for g in groups)


def test_fusion_keeps_latest_count_unions_groups_and_records_conflicts() -> None:
    early = report("a", "Militants from Group Alpha attacked the Chicago depot, killing 3.", killed=3,
                   groups=("Group Alpha",), published="2024-03-02T20:00:00+00:00")
    late = report("b", "The death toll in the Chicago depot attack by Group Beta rose to 5.", killed=5,
                  groups=("Group Beta",), published="2024-03-04T09:00:00+00:00")
    with open_database("sqlite://") as db:
        db.add_record(early)
        db.add_record(late)
        merged = db.get_incident(global_id("a", "a-i1"))
    assert merged is not None and len(merged.sources) == 2
    assert merged.casualties.killed.best == 5
    assert [e.document_id for e in merged.casualties.killed.evidence] == ["b"]
    assert {g.name for g in merged.groups} == {"Group Alpha", "Group Beta"}
    conflict = next(c for c in merged.conflicts if c.field == "casualties.killed")
    assert [(v.value, v.document_id) for v in conflict.values] == [(3, "a"), (5, "b")]


def test_most_specific_place_wins() -> None:
    country_only = dict(CHICAGO, name="United States", admin1=None, geonameid=None, lat=None, lon=None,
                        precision="country")
    vague = report("a", "A gunman killed 2 people at a bar, police said.", place=country_only, killed=2)
    precise = report("b", "A gunman killed 2 people at a bar in Chicago, police said.", killed=2)
    with open_database("sqlite://") as db:
        db.add_record(vague)
        db.add_record(precise)
        assert db.counts().merged == 1
        merged = db.get_incident(global_id("a", "a-i1"))
    assert merged is not None and merged.location.name == "Chicago"
    assert {e.document_id for e in merged.location.evidence} <= {"b"}


def test_documents_without_incidents_stand_alone() -> None:
    empty = DocumentRecord(id="z", text="Weather was mild today.")
    assert cluster_documents([empty, report("a", "A gunman killed 2 people in Chicago.", killed=2)]) == [["z"], ["a"]]


def test_incidents_with_many_reports_still_merge_past_the_recluster_limit(monkeypatch) -> None:
    monkeypatch.setattr("blotter.store.merge.MAX_RECLUSTER", 2)
    reports = [report(f"r{n}", f"Gunman killed 2 people at the Rialto Diner in Chicago, update {n}.", killed=2)
               for n in range(5)]
    other = report("x", "Teenager Maria Lopez was killed in a drive-by shooting at a Chicago park.", killed=1,
                   victims=("Maria Lopez",))
    assert sorted(cluster_documents([*reports, other])) == [["r0", "r1", "r2", "r3", "r4"], ["x"]]


def test_a_follow_up_months_later_joins_when_it_shares_distinctive_names() -> None:
    shooting = report("a", "Gunman shot Jordan Pike outside the Velvet Lounge on Harbor Street in Chicago.", killed=1)
    charged = report("b", "A man was charged in the killing of Jordan Pike outside the Velvet Lounge on Harbor Street.",
                     day="2024-06-11", published="2024-06-12T08:00:00+00:00")
    unrelated = report("c", "Gunman shot a man outside a Chicago liquor store on Elm Avenue.",
                       day="2024-06-11", published="2024-06-12T08:00:00+00:00")
    assert sorted(cluster_documents([shooting, charged, unrelated])) == [["a", "b"], ["c"]]


def test_a_report_between_two_far_apart_ones_bridges_them() -> None:
    first = report("a", "Gunman killed 2 people at the Rialto Diner in Chicago.", killed=2, day="2024-03-02")
    week = report("b", "Police still seek the gunman who killed 2 at the Rialto Diner in Chicago.", killed=2,
                  day="2024-03-08", published="2024-03-08T09:00:00+00:00")
    later = report("c", "Two weeks on, the gunman who killed 2 at the Rialto Diner in Chicago is still free.", killed=2,
                   day="2024-03-14", published="2024-03-14T09:00:00+00:00")
    assert cluster_documents([first, week, later]) == [["a", "b", "c"]]


def test_reports_naming_different_victims_of_one_shooting_merge_when_they_share_names() -> None:
    first = report("a", "Jordan Pike died when a gunman opened fire at the Velvet Lounge on Harbor Street in Chicago.",
                   killed=2, victims=("Jordan Pike",))
    second = report("b", "Maria Lopez was among 2 killed at the Velvet Lounge on Harbor Street in Chicago.",
                    killed=2, victims=("Maria Lopez",))
    assert cluster_documents([first, second]) == [["a", "b"]]


def test_distinctive_names_are_names_not_institutions_or_datelines() -> None:
    text = "CHICAGO (AP) — Chicago Police Department Officer Jordan T. Pike said on Monday the Velvet Lounge was shut."
    assert distinctive_names(text) == {"jordan pike", "velvet lounge"}


def test_a_copy_of_a_report_under_another_address_joins_its_incident() -> None:
    text = "Gunman Jordan Pike shot 3 people outside the Velvet Lounge in Chicago."
    original, copy = report("a", text, killed=3), report("b", text, killed=3)
    login_wall = DocumentRecord(id="c", text="Please sign in to keep reading.", incidents=[])
    login_wall_again = DocumentRecord(id="d", text="Please sign in to keep reading.", incidents=[])
    groups = cluster_documents([original, copy, login_wall, login_wall_again])
    assert sorted(sorted(g) for g in groups) == [["a", "b"], ["c"], ["d"]]


def test_reports_naming_different_victims_stay_one_incident_when_the_others_tie_them() -> None:
    text = "{} were shot dead at a crowded Chicago nightclub on Saturday when a gunman opened fire on the dance floor."
    records = [
        report("a", text.format("Jordan Pike and 2 others"), killed=3, victims=("Jordan Pike",)),
        report("b", text.format("3 people"), killed=3),
        report("c", text.format("Three clubgoers"), killed=3),
        report("d", text.format("Maria Lopez and 2 others"), killed=3, victims=("Maria Lopez",)),
    ]
    assert [sorted(g) for g in cluster_documents(records)] == [["a", "b", "c", "d"]]


def test_reports_of_one_week_are_compared_when_one_misreads_the_incident_date() -> None:
    text = "Gunman Jordan Pike shot {} people outside the Velvet Lounge on Harbor Street in Chicago on Saturday."
    right = report("a", text.format(3), killed=3)
    misdated = report("b", text.format("three"), killed=3, day="2022-03-02", published="2024-03-04T09:00:00+00:00")
    assert sorted(sorted(g) for g in cluster_documents([right, misdated])) == [["a", "b"]]


def test_victims_sharing_only_a_surname_are_different_people() -> None:
    first = report("a", "Isis Allen, 6, was shot dead in her home in Chicago on Saturday.", killed=1, victims=("Isis Allen",))
    second = report("b", "Kara Allen, 30, was shot dead outside a store in Chicago on Saturday.", killed=1,
                    victims=("Kara Allen",))
    assert sorted(cluster_documents([first, second])) == [["a"], ["b"]]


def test_a_follow_up_weeks_later_joins_when_it_names_the_victim_in_full() -> None:
    shooting = report("a", "Jordan Pike was shot dead and 3 others hurt in Chicago on Saturday.", killed=1, injured=3,
                      victims=("Jordan Pike",))
    arrest = report("b", "Police arrested a man on Monday in the killing of Jordan Pike, who died in March.", killed=1,
                    victims=("Jordan Pike",), day="2024-03-25", published="2024-03-26T08:00:00+00:00")
    assert cluster_documents([shooting, arrest]) == [["a", "b"]]


def test_one_matching_pair_does_not_chain_two_incidents_together() -> None:
    # Four reports of a shooting, three of a stabbing a day later in the same city. One shooting
    # report also names the laundromat of the stabbing, so that pair scores high, but the other
    # pairs between the two incidents do not: they stay two incidents.
    first = "Gunfire outside the Rialto Diner on Harbor Street in Chicago left {} wounded on Saturday."
    second = "Police say {} was knifed inside the Oakwood Laundromat on Elm Avenue late on Sunday night."
    records = [report("a0", "Gunfire outside the Rialto Diner, where the Oakwood Laundromat staff ate, in "
                            "Chicago, left 2 men wounded on Saturday.", injured=2)]
    records += [report(f"a{n}", first.format(words), injured=2) for n, words in
                ((1, "two men"), (2, "2 people"), (3, "two people"))]
    records += [report(f"b{n}", second.format(words), injured=1, day="2024-03-03") for n, words in
                enumerate(("a woman", "one woman", "a shopper"))]
    groups = sorted(sorted(g) for g in cluster_documents(records))
    assert groups == [["a0", "a1", "a2", "a3"], ["b0", "b1", "b2"]]


def test_headline_and_caption_capitals_are_not_names() -> None:
    text = ("Teen Fatally Shot Near School. Close Image. The teen was fatally shot near the school, "
            "neighbour Kym Worthy said. Please close this window.")
    assert distinctive_names(text) == {"kym worthy"}


def test_sign_in_walls_with_different_headlines_are_not_copies_of_each_other() -> None:
    wall = "Please sign in to keep reading."

    def headline_only(doc_id: str, title: str, day: str) -> DocumentRecord:
        incident = Incident(id=f"{doc_id}-i1", is_primary=True, category="crime", attack_types=["armed_assault"],
                            evidence=[Evidence.of(title, 0, len(title), field="title")], confidence=0.3)
        return DocumentRecord(id=doc_id, title=title, text=wall, published=f"{day}T09:00:00+00:00", incidents=[incident])

    records = [headline_only("a", "Toddler shot at a motel on the east side", "2024-03-02"),
               headline_only("b", "Festival shooting shakes the waterfront", "2025-07-04")]
    assert sorted(cluster_documents(records)) == [["a"], ["b"]]


def test_officials_named_with_their_title_are_not_distinctive() -> None:
    text = "Police Superintendent Michael Harrison said Jordan Pike was shot on Harbor Street."
    assert distinctive_names(text) == {"jordan pike", "harbor street"}


def test_hospitals_their_towns_and_spokesmen_are_not_distinctive() -> None:
    text = ("Jordan Pike was taken to Lakeside Memorial Medical Center in Glen Haven, then to Ward H. Baxter Jr. "
            "Hospital, police spokesman Tom Ahern said. County State's Attorney Ann Cole charged a man on Harbor Street.")
    assert distinctive_names(text) == {"jordan pike", "harbor street"}


def test_shootings_in_one_city_that_send_victims_to_one_hospital_stay_apart() -> None:
    first = "Two men were shot on Harbor Street in Chicago on Saturday."
    second = "A woman was wounded outside a bakery on Elm Avenue in Chicago on Sunday."
    records = [
        report("a", first + " Both were taken to Lakeside Memorial Hospital in Glen Haven.", injured=2, about=first),
        report("b", second + " She is at Lakeside Memorial Hospital in Glen Haven.", injured=1, about=second,
               day="2024-03-03", published="2024-03-04T10:00:00+00:00"),
    ]
    assert sorted(cluster_documents(records)) == [["a"], ["b"]]


def test_a_report_without_a_place_needs_more_than_one_day_and_one_count() -> None:
    somewhere = "A teenager was hurt in his bedroom when a handgun his older brother found discharged."
    chicago = "A boy was wounded on Saturday when a rifle discharged during cleaning in a garage, Chicago police said."
    records = [report("a", somewhere, injured=1, place={"precision": "unknown"}, about=somewhere),
               report("b", chicago, injured=1, about=chicago)]
    assert sorted(cluster_documents(records)) == [["a"], ["b"]]


def test_a_trial_months_later_joins_when_its_text_names_the_victim_of_the_first_report() -> None:
    shooting = report("a", "Jordan Pike was shot dead outside a bar in Chicago on Saturday.", killed=1,
                      victims=("Jordan Pike",))
    trial = report("b", "A jury on Tuesday found a Gary man guilty of murder in the death of Jordan Pike.",
                   day="2024-09-10", published="2024-09-11T08:00:00+00:00")
    other = report("c", "Sentencing was set for a woman convicted of a carjacking on the Dan Ryan Expressway.",
                   day="2024-09-10", published="2024-09-11T08:00:00+00:00")
    for order in ([shooting, trial, other], [trial, other, shooting]):
        assert sorted(sorted(g) for g in cluster_documents(order)) == [["a", "b"], ["c"]]


def test_subscription_and_gallery_furniture_is_not_distinctive() -> None:
    text = "Enjoy Total Access. Digital Sign In. Chronicle Image Gallery. Jordan Pike was shot on Harbor Street."
    assert distinctive_names(text) == {"jordan pike", "harbor street"}


def test_a_plea_months_later_joins_when_its_text_names_the_attacker_of_the_first_report() -> None:
    from blotter.models import Perpetrator

    arrest = report("a", "Police arrested Dale Voss, 19, after a man was shot dead outside a Chicago bar.", killed=1)
    arrest.incidents[0].perpetrators.append(Perpetrator(name="Dale Voss", mention="Dale Voss"))
    plea = report("b", "On Tuesday a judge in Cook County accepted the guilty plea of Dale Voss in a murder case.",
                  day="2024-09-10", published="2024-09-11T08:00:00+00:00")
    other = report("c", "Sentencing was set for a woman convicted of a carjacking on the Dan Ryan Expressway.",
                   day="2024-09-10", published="2024-09-11T08:00:00+00:00")
    for order in ([arrest, plea, other], [plea, other, arrest]):
        assert sorted(sorted(g) for g in cluster_documents(order)) == [["a", "b"], ["c"]]


def test_reporters_credits_and_spokespeople_in_apposition_are_not_distinctive() -> None:
    text = ("Jordan Pike was shot on Harbor Street, said Officer Ann Cole, a Chicago police spokeswoman.\n"
            "By Tom Ahern\nContact Lee Brandt: lbrandt@example.com. Rosa Finch contributed to this report.")
    assert distinctive_names(text) == {"jordan pike", "harbor street"}
