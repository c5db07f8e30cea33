"""Pure parts of search and widgets: mapping provider records, filters, input models, routing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from functions.routes import ROUTES
from hub.http.routing import match_route
from hub.redaction import MASK, forget_secrets, register_secret
from hub.search.mapping import Criteria, map_item, scrub, to_datetime, values_equal
from hub.search.models import IntegrationSearchParams, SearchRequest
from hub.widgets.models import DataParams


def mapped(record: dict[str, Any], entity: str = "items") -> dict[str, Any]:
    return map_item(record, integration_id="int_1", provider_id="p", default_entity=entity)


def test_common_provider_field_names_are_mapped() -> None:
    github = mapped({"id": 42, "full_name": "acme/app", "description": "The app", "html_url": "https://github.com/a",
                     "updated_at": "2026-03-01T10:00:00Z", "score": 1.5}, "repositories")
    assert github == {"id": "42", "integrationId": "int_1", "providerId": "p", "entity": "repositories",
                      "title": "acme/app", "snippet": "The app", "url": "https://github.com/a",
                      "updatedAt": "2026-03-01T10:00:00.000Z", "score": 1.5, "raw": github["raw"]}
    calendar = mapped({"id": "e1", "kind": "calendar#event", "summary": "Standup",
                       "updated": "2026-03-01T10:00:00+02:00"})
    # the summary is the title here, so it is not the snippet too
    assert (calendar["title"], calendar["entity"], calendar.get("snippet")) == ("Standup", "calendar#event", None)
    assert calendar["updatedAt"] == "2026-03-01T08:00:00.000Z"


def test_a_record_without_an_id_or_title_still_maps_stably() -> None:
    first, again = mapped({"x": 1}), mapped({"x": 1})
    assert first["id"] == again["id"] and first["id"].startswith("sha1-") and first["title"] == first["id"]
    assert first["entity"] == "items"


def test_long_text_is_cut_and_big_records_leave_raw_out() -> None:
    item = mapped({"id": "1", "title": "t" * 400, "description": "word " * 200, "blob": "x" * 3000})
    assert len(item["title"]) == 300 and item["title"].endswith("…")
    assert len(item["snippet"]) <= 300 and "raw" not in item


def test_urls_are_kept_only_when_plain_http_links() -> None:
    assert "url" not in mapped({"id": "1", "url": "javascript:alert(1)"})
    assert "url" not in mapped({"id": "1", "url": "https://user:pw@example.com/"})
    assert "url" not in mapped({"id": "1", "url": "https://example.com/?access_token=abc"})
    assert mapped({"id": "1", "webUrl": "https://example.com/doc?id=3"})["url"] == "https://example.com/doc?id=3"


def test_credentials_in_provider_records_are_masked() -> None:
    register_secret("sk_live_secret_value_123")
    try:
        item = mapped({"id": "1", "title": "has sk_live_secret_value_123 inside", "api_token": "zzz",
                       "link": "https://example.com/sk_live_secret_value_123"})
        assert "sk_live_secret_value_123" not in str(item)
        assert item["raw"]["api_token"] == MASK and "url" not in item
        # ordinary words that look like an auth scheme are left alone
        assert scrub({"title": "Basic Introduction"}) == {"title": "Basic Introduction"}
    finally:
        forget_secrets()


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-01-02T03:04:05Z", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("2026-01-02", datetime(2026, 1, 2, tzinfo=UTC)),
    ("Fri, 02 Jan 2026 03:04:05 GMT", datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    (1767322800, datetime(2026, 1, 2, 3, 0, tzinfo=UTC)),
    (1767322800000, datetime(2026, 1, 2, 3, 0, tzinfo=UTC)),
    ("1767322800", datetime(2026, 1, 2, 3, 0, tzinfo=UTC)),
    ("yesterday", None), (True, None), (-5, None), (float("nan"), None), (None, None),
    ("²", None),  # str.isdigit() says digits; int() refuses it
])
def test_dates_in_the_shapes_providers_use(value: Any, expected: datetime | None) -> None:
    assert to_datetime(value) == expected


def test_criteria_filter_by_entity_date_and_fields() -> None:
    result = {"entity": "document", "updatedAt": "2026-01-05T00:00:00.000Z"}
    record = {"type": "document", "priority": 2, "done": False, "owner": "Ann"}
    assert Criteria.build("q", 10, 0, entities=["DOCUMENT"]).keeps(result, record, "items")
    assert Criteria.build("q", 10, 0, entities=["items"]).keeps(result, record, "items")
    assert not Criteria.build("q", 10, 0, entities=["task"]).keeps(result, record, "items")
    start = datetime(2026, 1, 6, tzinfo=UTC)
    assert not Criteria.build("q", 10, 0, start=start).keeps(result, record, "items")
    assert not Criteria.build("q", 10, 0, start=start).keeps({"entity": "x"}, record, "items")
    assert Criteria.build("q", 10, 0, custom={"priority": 2.0, "done": False, "owner": "ann"}).keeps(
        result, record, "items")
    assert not Criteria.build("q", 10, 0, custom={"done": 0}).keeps(result, record, "items")
    assert not Criteria.build("q", 10, 0).filters_results
    assert values_equal(1, 1.0) and not values_equal(True, 1) and not values_equal("1", 1)


def test_the_search_body_takes_no_user_and_checks_its_ranges() -> None:
    with pytest.raises(ValidationError):
        SearchRequest.model_validate({"query": "a", "userId": "bob"})
    request = SearchRequest.model_validate({"query": "  hello  ", "filters": {"dateRange": {"start": "2026-01-01"}}})
    assert request.query == "hello" and request.limit == 10 and request.offset == 0
    assert request.filters and request.filters.dateRange and request.filters.dateRange.start == datetime(
        2026, 1, 1, tzinfo=UTC)
    with pytest.raises(ValidationError):
        SearchRequest.model_validate({"query": "a", "filters": {"customFilters": {f"f{i}": i for i in range(21)}}})


def test_query_string_lists_are_comma_separated() -> None:
    params = IntegrationSearchParams.model_validate({"query": "a", "entities": "note, task,,", "limit": "5"})
    assert params.entities == ["note", "task"] and params.limit == 5
    data = DataParams.model_validate({"entity": "items", "fields": "id,owner.name", "filters": '{"type":"task"}'})
    assert data.fields == ["id", "owner.name"] and data.filters == {"type": "task"}


def test_the_search_route_outranks_the_catalog_route() -> None:
    found = match_route(ROUTES, "GET", "/api/integrations/int_1/search")
    assert found is not None and found[0].module == "functions.search.integration_search"
    found = match_route(ROUTES, "GET", "/api/integrations/crm/hubspot")
    assert found is not None and found[0].module == "functions.catalog.get"
    found = match_route(ROUTES, "POST", "/api/integrations/search")
    assert found is not None and found[0].module == "functions.search.global_search"


def test_a_rate_limit_answer_whose_retry_after_is_no_ascii_number_names_no_wait(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.errors import ConnectionFailed
    from hub.proxy.models import ProviderAnswer
    from hub.search import calls

    # Given a provider that answers 429 with a Retry-After of "²" (str.isdigit() says digits)
    answer = ProviderAnswer(status=429, headers=(("Retry-After", "²"),), body=b"{}", attempts=1, refreshed=False,
                            latency_ms=1)
    monkeypatch.setattr(calls, "provider_request", lambda *args, **kwargs: answer)
    # When search calls it, Then it is the provider's rate limit, without a wait it never named
    with pytest.raises(ConnectionFailed) as caught:
        calls.call_provider({"tenantId": "acme"}, "GET", "/items")
    assert caught.value.code == "PROVIDER_RATE_LIMITED" and "retryAfter" not in caught.value.details
