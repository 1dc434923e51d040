"""The API fuzzed against its own OpenAPI document: no input makes it fail with a 500,
every answer has a documented status, and every JSON answer matches its documented schema."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance  # noqa: E402

from blotter.api import Settings, create_app  # noqa: E402

from .test_api_records import fill_database  # noqa: E402

# The schema is read when the module is collected, so the app exists then; its database is
# filled and opened by the fixture below, before the first case runs.
DATABASE = Path(tempfile.mkdtemp(prefix="blotter-schema-")) / "blotter.db"
APP = create_app(Settings.from_env(f"sqlite:///{DATABASE}", "token", preload_models=False, max_body_bytes=20_000))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def running_app():
    fill_database(DATABASE)
    with TestClient(APP):  # the app's start-up: database open, extraction thread ready
        yield


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_input_breaks_the_api(case):
    case.call_and_validate(checks=[not_a_server_error, status_code_conformance, response_schema_conformance])
