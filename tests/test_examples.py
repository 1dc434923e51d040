"""What a human coder would write for each example report: the records must say the same.

These are the project's acceptance checks; the full-record golden files
(tests/golden/, checked by test_golden.py) pin everything else.
"""

from __future__ import annotations

import pytest

from blotter.pipeline import extract_many
from blotter.read import read_inputs

from .conftest import EXAMPLES


def primary(record):
    assert record.incidents, f"no incident found in {record.id}"
    assert record.incidents[0].is_primary
    return record.incidents[0]


def weapon_types(incident) -> set[str]:
    return {w.type for w in incident.weapons}


class TestClutteredTextPage:
    @pytest.fixture
    def record(self, example_records):
        return example_records["bridge-stabbing.txt"]

    def test_page_metadata(self, record):
        assert record.title.startswith("Two dead, three hurt in London Bridge knife attack")
        assert record.subtitle and record.subtitle.startswith("The attacker, who wore a fake explosive vest")
        assert record.authors == ["Priya Raman", "Tom Whitfield"]
        assert record.published == "2019-12-01T09:27:00+05:30"
        assert record.updated == "2019-12-01T09:45:00+05:30"
        assert record.image_credits == ["Reuters"]

    def test_clutter_is_kept_out_of_the_text(self, record):
        assert record.text.startswith("Two people were killed")
        for clutter in ("Advertisement", "READ|", "Also read", "Follow us", "Image credit", "Share on", "Reported by"):
            assert clutter not in record.text
        titles = [link.title for link in record.related_links]
        assert "Christmas markets step up security after warning" in titles
        assert "Stock markets close lower on Friday" in titles

    def test_main_incident(self, record):
        inc = primary(record)
        assert inc.category == "terrorism"
        assert inc.date.start == inc.date.end == "2019-11-29", "'on Friday' before a Sunday 1 December page"
        assert inc.location.name == "London" and inc.location.country_code == "GB"
        assert inc.casualties.killed.best == 2
        assert inc.casualties.injured.best == 3
        assert inc.casualties.perpetrators_killed.best == 1
        assert {"melee", "fake_weapons"} <= weapon_types(inc)

    def test_attacker_and_claim(self, record):
        inc = primary(record)
        khan = [p for p in inc.perpetrators if p.name == "Usman Khan"]
        assert khan and khan[0].age == 28 and khan[0].fate in ("killed", "died")
        groups = {g.name: g.relation for g in inc.groups}
        assert groups.get("Islamic State") == "claimed"
        (claim,) = [c for c in inc.claims if c.claimant == "Islamic State"]
        assert claim.channel and "Amaq" in claim.channel
        assert claim.disputed_by, "police believe he acted alone"

    def test_past_conviction_is_a_separate_background_incident(self, record):
        main = primary(record)
        assert not any("2012" in ev.quote for ev in main.evidence + main.date.evidence)
        assert not any("Stock markets" in ev.quote for inc in record.incidents for ev in inc.evidence)
        background = [inc for inc in record.incidents[1:] if any("convicted in 2012" in ev.quote for ev in inc.evidence)]
        assert background and not background[0].is_primary
        plot = background[0]
        assert plot.status == "plotted" and "bombing" in plot.attack_types
        # The report dates the conviction, not the plot: the plot's own date is not invented.
        assert plot.date.start is None or plot.date.end <= "2012-12-31"

    def test_quote_with_speaker(self, record):
        basu = [q for q in record.quotes if q.text.startswith("This was a terrorist incident")]
        assert basu and basu[0].speaker == "Neil Basu" and basu[0].direct


class TestHtmlPage:
    @pytest.fixture
    def record(self, example_records):
        return example_records["kaduna-kidnapping.html"]

    def test_metadata_and_clean_text(self, record):
        assert record.title == "Gunmen abduct 20 villagers in Kaduna raid"
        assert record.authors == ["Aisha Bello"]
        assert record.published.startswith("2024-05-20")
        assert "Armed men abducted at least 20 people" in record.text
        assert "Follow us" not in record.text and "Fuel prices rise again" not in record.text

    def test_kidnapping(self, record):
        inc = primary(record)
        assert inc.attack_types[0] == "hostage_taking_kidnapping"
        assert inc.date.start == "2024-05-19", "'late on Sunday' in a Monday report"
        assert inc.location.country_code == "NG"
        assert inc.location.admin1 == "Kaduna"
        assert any(v.status == "kidnapped" for v in inc.victims)
        assert inc.claims == [], "no group has claimed it"


class TestAllCapsWire:
    @pytest.fixture
    def record(self, example_records):
        return example_records["wire-mogadishu.txt"]

    def test_car_bomb_in_mogadishu(self, record):
        inc = primary(record)
        assert inc.attack_types[0] == "bombing"
        assert "explosives" in weapon_types(inc)
        assert inc.location.name == "Mogadishu" and inc.location.country_code == "SO"
        assert inc.date.start == "2024-03-13", "'on Wednesday night' with a 14 March 2024 dateline"

    def test_counts_follow_the_latest_figure(self, record):
        inc = primary(record)
        assert inc.casualties.killed.best == 15, "the toll rose from at least 12 to 15"
        assert inc.casualties.injured.low == 24 and inc.casualties.injured.best == 24, "dozens"
        assert inc.casualties.perpetrators_killed.best == 4

    def test_claim(self, record):
        inc = primary(record)
        assert {g.name for g in inc.groups if g.relation == "claimed"} == {"al-Shabaab"}


class TestBackgroundIncidents:
    @pytest.fixture
    def record(self, example_records):
        return example_records["chicago-shooting.txt"]

    def test_main_shooting(self, record):
        inc = primary(record)
        assert inc.category == "crime"
        assert inc.date.start == "2025-06-07", "'late Saturday' in a Tuesday report"
        assert inc.location.name == "Chicago" and inc.location.country_code == "US"
        assert inc.casualties.killed.best == 1 and inc.casualties.injured.best == 2
        (dell,) = [p for p in inc.perpetrators if p.name == "Marcus Dell"]
        assert dell.age == 34 and dell.fate == "arrested"
        assert "firearms" in weapon_types(inc)
        assert any(v.name == "Jerome Banks" and v.status == "killed" for v in inc.victims)

    def test_older_events_stay_apart(self, record):
        main = primary(record)
        assert not any("2016" in ev.quote or "2019" in ev.quote for ev in main.evidence)
        for other in record.incidents[1:]:
            assert not other.is_primary
        assert not any("drive-by" in ev.quote for inc in record.incidents for ev in inc.evidence)


def test_report_without_violence_has_no_incident(example_records):
    record = example_records["no-incident.txt"]
    assert record.incidents == []
    assert record.quotes and record.quotes[0].speaker == "Dana Whitlock"


def test_jsonl_reports():
    records = {r.id: r for r in extract_many(read_inputs([str(EXAMPLES / "more-reports.jsonl")]), jobs=1)}
    plot = primary(records["foiled-plot-cologne"])
    assert plot.status == "foiled"
    assert plot.location.name == "Cologne"
    assert plot.casualties.injured.best == 0, "nobody was hurt"
    arson = primary(records["mosque-arson-bradford"])
    assert "facility_infrastructure_attack" in arson.attack_types
    assert "incendiary" in weapon_types(arson)
    assert any(t.type == "religious_figures_institutions" for t in arson.targets)
    assert arson.casualties.injured.best == 0, "'No one was injured' is a figure: zero"
    assert arson.date.start == "2024-08-02", "'early on Friday' in a Saturday report"
