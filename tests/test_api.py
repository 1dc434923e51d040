"""The HTTP API as a client uses it: filters, pages, records, errors, writing with a token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from blotter.api import Settings, create_app

from .test_api_records import fill_database

TOKEN = "secret-token"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = fill_database(tmp_path_factory.mktemp("api") / "blotter.db")
    app = create_app(Settings.from_env(url, TOKEN, preload_models=False, max_body_bytes=20_000, max_page=3))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def ids(answer) -> list[str]:
    return [source["document_id"] for item in answer.json()["items"] for source in item["sources"]]


def test_reports_of_one_incident_are_one_merged_item(client):
    page = client.get("/api/incidents").json()
    assert page["total"] == 3 and page["limit"] == 3 and page["offset"] == 0
    lagos = next(item for item in page["items"] if item["location"]["country_code"] == "NG")
    assert {s["document_id"] for s in lagos["sources"]} == {"lagos-1", "lagos-2"}
    assert any(c["field"] == "casualties.killed" for c in lagos["conflicts"])


@pytest.mark.parametrize("query, expected", [
    ("country=fr", {"paris-1"}),
    ("since=2024-01-01&until=2024-02-01", {"xss-1"}),
    ("bbox=-10,40,10,55", {"paris-1"}),
    ("bbox=30,-5,40,5", {"xss-1"}),
    ("group=boko", {"lagos-1", "lagos-2"}),
    ("perpetrator=jean", {"paris-1"}),
    ("min_killed=2&category=crime", {"xss-1"}),
    ("attack_type=bombing", {"lagos-1", "lagos-2"}),
    ("q=guards", {"xss-1"}),
])
def test_filters(client, query, expected):
    answer = client.get("/api/incidents?" + query)
    assert answer.status_code == 200, answer.text
    assert set(ids(answer)) == expected


def test_sorting_and_paging(client):
    by_killed = client.get("/api/incidents?sort=-killed").json()["items"]
    assert [i["casualties"]["killed"]["best"] for i in by_killed] == [5, 2, 1]
    second = client.get("/api/incidents?sort=-killed&limit=1&offset=1").json()
    assert second["total"] == 3 and [i["casualties"]["killed"]["best"] for i in second["items"]] == [2]
    assert client.get("/api/incidents?limit=500").json()["limit"] == 3  # capped by the server


def test_cursor_paging_follows_next_cursor_to_the_last_page(client):
    first = client.get("/api/incidents?sort=-killed&limit=2").json()
    second = client.get(f"/api/incidents?sort=-killed&limit=2&cursor={first['next_cursor']}").json()
    assert [i["casualties"]["killed"]["best"] for i in first["items"] + second["items"]] == [5, 2, 1]
    assert second["next_cursor"] is None and second["total"] == 3
    wrong_sort = client.get(f"/api/incidents?sort=date&cursor={first['next_cursor']}")
    assert wrong_sort.status_code == 400 and wrong_sort.json()["code"] == "bad_cursor"


def test_incident_and_document_records(client):
    item = client.get("/api/incidents?country=FR").json()["items"][0]
    incident = client.get(f"/api/incidents/{item['id']}").json()
    assert incident["location"]["evidence"][0]["quote"] == "Paris"
    document = client.get("/api/documents/paris-1").json()
    assert document["text"].startswith("A man was shot dead in Paris")


def test_overview_counts_by_period(client):
    overview = client.get("/api/overview?interval=month").json()
    assert overview["total"] == 3 and len(overview["points"]) == 3
    assert [b["period"] for b in overview["timeline"]] == ["2023-11", "2024-01", "2024-03"]
    weekly = client.get("/api/overview?interval=week&country=NG").json()["timeline"]
    assert weekly == [{"period": "2024-02-26", "incidents": 1, "killed": 5}]


def test_stats_and_exports(client):
    assert client.get("/api/stats").json()["merged_incidents"] == 3
    lines = client.get("/api/export?format=jsonl").text.splitlines()
    assert len(lines) == 3
    csv_text = client.get("/api/export?format=csv&since=2024-01-01").text
    assert csv_text.startswith("eventid,") and len(csv_text.strip().splitlines()) == 3
    assert client.get("/api/export?format=geojson").json()["type"] == "FeatureCollection"


@pytest.mark.parametrize("method, path, status, code", [
    ("get", "/api/incidents/nope", 404, "not_found"),
    ("get", "/no/such/route", 404, "not_found"),
    ("get", "/api/incidents?limit=0", 422, "invalid_request"),
    ("get", "/api/incidents?since=yesterday", 422, "invalid_request"),
    ("get", "/api/incidents?bbox=1,2,3", 422, "invalid_request"),
    ("get", "/api/incidents?attack_type=poetry", 422, "invalid_request"),
    ("delete", "/api/stats", 405, "method_not_allowed"),
])
def test_every_error_has_one_shape(client, method, path, status, code):
    answer = getattr(client, method)(path)
    assert answer.status_code == status
    body = answer.json()
    assert body["status"] == status and body["code"] == code and body["message"]


def test_writing_needs_the_token(client):
    assert client.post("/api/documents", content="A man was stabbed.").status_code == 401
    wrong = client.post("/api/documents", content="x", headers={"Authorization": "Bearer nope"})
    assert wrong.json()["code"] == "unauthorized"


def test_oversized_bodies_are_refused(client):
    answer = client.post("/api/extract", content="word " * 10_000, headers={"Content-Type": "text/plain"})
    assert answer.status_code == 413 and answer.json()["code"] == "request_too_large"


def test_bad_report_json_is_a_clear_error(client):
    answer = client.post("/api/extract", json={"text": "a", "html": "<p>b</p>"})
    assert answer.status_code == 422 and "exactly one" in answer.json()["message"]
    assert client.post("/api/extract", json={"body": "x"}).status_code == 422


def test_pages_carry_a_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert client.get("/openapi.json").json()["info"]["title"] == "Blotter"


@pytest.mark.slow
def test_extract_and_store_a_report(client):
    report = {"id": "api-report", "published": "2024-05-06",
              "text": "Gunmen killed three villagers in Kaduna on Sunday, police said."}
    extracted = client.post("/api/extract", json=report)
    assert extracted.status_code == 200, extracted.text
    assert extracted.json()["id"] == "api-report"
    assert client.get("/api/documents/api-report").status_code == 404  # nothing stored
    stored = client.post("/api/documents", json=report, headers={"Authorization": f"Bearer {TOKEN}"})
    assert stored.status_code == 201 and stored.json()["stored"] is True
    assert client.get("/api/documents/api-report").json()["text"].startswith("Gunmen killed")
    again = client.post("/api/documents", json=report, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["stored"] is False
