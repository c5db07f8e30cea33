"""Search across a tenant's integrations (POST /api/integrations/search) and in one of them
(GET /api/integrations/{id}/search).

A search runs each provider template's `search` request through the caller's connection
(`hub.search.access`), maps the records (`hub.search.mapping`) and filters them. The global
search fans out on a bounded thread pool (`search_concurrency`) within one deadline,
`search_timeout_seconds` from the start of the fan-out, shared by every provider. A provider
that fails or is late lands in `errors`; it never fails the whole search. Resolving the targets
reads their connections in one BatchGetItem and their providers from the warm container's cache;
a busy warm function takes a connection and its quota budget from the budget's lease
(hub/proxy/budget.py), whose next write runs beside the provider call, so a busy search makes
the same AWS calls whatever the number of providers.
Which integrations take part: enabled, `searchEnabled`, the template can search, the provider
is usable, and the caller has an active connection (the tenant's, or its own for user-scoped
integrations).

Paging is per integration: `limit` results from each, after skipping `offset`.
The hub asks a provider for `offset + limit + 1` results when the template names a
`limitParam` (its `maxLimit` when the hub filters the results itself), so `hasMore` is exact
within what the provider can page.
`total` adds up each provider's count of all matches (the template's `totalPath`) or, when a
provider gives none or the hub filtered its results, the matches the hub received.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hub import clock
from hub.catalog.repository import ProviderRepository
from hub.errors import ConnectionFailed, ConnectionNotFound, HubError, IntegrationNotFound, ValidationError
from hub.integrations.records import get_integration
from hub.integrations.repository import IntegrationRepository
from hub.observability import logger
from hub.providers.templates import json_path_value
from hub.redaction import redact
from hub.search.access import (
    IntegrationDisabled,
    require_connection,
    require_enabled,
    usable_connection,
)
from hub.search.calls import call_provider, callers_connections, provider_spec, records_at
from hub.search.mapping import Criteria, map_item
from hub.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.connections.spec import ProviderSpec
    from hub.principal import Principal
    from hub.providers.templates import SearchSpec
    from hub.search.models import IntegrationSearchParams, SearchRequest

DEFAULT_ENTITY = "item"
# details of an error that are safe and useful to show (never the provider's answer)
_ERROR_DETAIL_KEYS = ("statusCode", "retryAfter", "providerId", "itemsPath")


class SearchDisabled(ValidationError):
    code = "SEARCH_DISABLED"
    default_message = "Search is turned off for this integration (searchEnabled)"


class SearchNotSupported(ValidationError):
    code = "SEARCH_NOT_SUPPORTED"
    default_message = "The provider of this integration cannot be searched through the hub"


class SearchTimeout(HubError):
    status_code = 504
    code = "SEARCH_TIMEOUT"
    default_message = "The provider did not answer within the search time limit"


@dataclass(frozen=True)
class Target:
    """One integration the caller may search, with the connection and request to use."""

    integration: Mapping[str, Any]
    connection: Mapping[str, Any]
    search: SearchSpec
    collection: str  # the template's first data entity: the default entity of its results
    spec: ProviderSpec | None = None  # what the provider call needs, read once while resolving

    @property
    def id(self) -> str:
        return str(self.integration["id"])

    @property
    def provider_id(self) -> str:
        return str(self.integration.get("providerId"))


@dataclass
class Page:
    results: list[dict[str, Any]]
    total: int
    has_more: bool


@dataclass
class Outcome:
    target: Target
    page: Page | None = None
    error: dict[str, Any] | None = None


# ---- who takes part ----------------------------------------------------------------------


def resolve_target(principal: Principal, integration: Mapping[str, Any],
                   providers: dict[str, Any] | None = None,
                   connections: Mapping[str, Mapping[str, Any]] | None = None) -> Target:
    """The integration as a search target, or the HubError that says why it cannot be searched.
    `connections`: the caller's connections already read (`callers_connections`), by integration id."""
    require_enabled(integration)
    if integration.get("searchEnabled") is False:
        raise SearchDisabled(details={"integrationId": integration["id"]})
    spec = provider_spec(integration, providers)
    template = spec.template
    if template is None or template.search is None or not template.capabilities.search \
            or spec.provider.get("supportsSearch") is False:
        raise SearchNotSupported(details={"integrationId": integration["id"], "providerId": spec.provider_id})
    connection = (require_connection(principal, integration) if connections is None
                  else usable_connection(integration, connections.get(str(integration["id"]))))
    entities = template.capabilities.data_entities
    return Target(integration=integration, connection=connection, search=template.search,
                  collection=entities[0] if entities else DEFAULT_ENTITY, spec=spec)


def _left_out_quietly(error: HubError) -> bool:
    """Integrations the caller did not name and that cannot take part for an ordinary reason
    (disabled, search off, not connected) are left out silently, not reported as errors."""
    return isinstance(error, IntegrationDisabled | SearchDisabled | SearchNotSupported | ConnectionNotFound) \
        or error.code == "PROVIDER_DISABLED"


def _targets(principal: Principal, wanted: Iterable[str] | None) -> tuple[list[Target], list[dict[str, Any]]]:
    repository = IntegrationRepository()
    providers: dict[str, Any] = {}
    targets: list[Target] = []
    errors: list[dict[str, Any]] = []
    if wanted is None:
        integrations = sorted(repository.list_for_search(principal.tenant_id),
                              key=lambda i: (str(i.get("name") or "").lower(), str(i["id"])))
        for integration, resolved in zip(integrations, _resolve_all(principal, integrations, providers),
                                         strict=True):
            if isinstance(resolved, Target):
                targets.append(resolved)
            elif not _left_out_quietly(resolved):
                errors.append(error_entry(integration, resolved))
        return targets, errors
    named: list[dict[str, Any]] = []
    for integration_id in dict.fromkeys(wanted):
        # another tenant's integration is simply not found: the key is under this tenant
        found = repository.get_integration(principal.tenant_id, integration_id)
        if found is None:
            errors.append(error_entry({"id": integration_id}, IntegrationNotFound(details={"id": integration_id})))
        else:
            named.append(found)
    connections = callers_connections(principal, named) if named else {}
    for found in named:
        try:
            targets.append(resolve_target(principal, found, providers, connections))
        except HubError as error:
            errors.append(error_entry(found, error))
    return targets, errors


def _resolve_all(principal: Principal, integrations: list[dict[str, Any]],
                 providers: dict[str, Any]) -> list[Target | HubError]:
    """Every integration's target (or why it cannot be searched), in order. The connections are
    read in one call; a provider not in the warm container's cache is read on first use, so the
    integrations are then resolved side by side on the search's thread pool width (in turn
    when every provider is in the cache)."""
    connections = callers_connections(principal, integrations) if integrations else {}

    def resolve(integration: dict[str, Any]) -> Target | HubError:
        try:
            return resolve_target(principal, integration, providers, connections)
        except HubError as error:
            return error

    cached = ProviderRepository()
    if len(integrations) <= 1 or all(cached.holds_provider(str(i.get("providerId"))) for i in integrations):
        # nothing to read: threads would cost more than they save
        return [resolve(integration) for integration in integrations]
    width = max(1, min(get_settings().search_concurrency, len(integrations)))
    with ThreadPoolExecutor(max_workers=width, thread_name_prefix="search-resolve") as pool:
        return list(pool.map(lambda i: contextvars.copy_context().run(resolve, i), integrations))


# ---- one provider ------------------------------------------------------------------------


def search_target(target: Target, criteria: Criteria, timeout: float | None = None) -> Page:
    """Run the template's search request for one integration and window the mapped results
    (`timeout`: seconds the provider call may take, budget wait and retries included)."""
    spec = target.search
    params: dict[str, Any] = {}
    body = dict(spec.body) if spec.body is not None else None
    if spec.query_in == "body":
        body = {**(body or {}), spec.query_param: criteria.query}
    else:
        params[spec.query_param] = criteria.query
    if spec.limit_param:
        # the hub's own filters drop results, so then it asks for as many as it may
        wanted = spec.max_limit if criteria.filters_results else criteria.offset + criteria.limit + 1
        params[spec.limit_param] = min(wanted, spec.max_limit)
    payload = call_provider(target.connection, spec.method, spec.path, params=params or None, json=body,
                            integration=target.integration, spec=target.spec, timeout=timeout)
    matched: list[dict[str, Any]] = []
    for record in records_at(payload, spec.items_path):
        if not isinstance(record, Mapping):
            continue
        result = map_item(record, integration_id=target.id, provider_id=target.provider_id,
                          default_entity=target.collection)
        if criteria.keeps(result, record, target.collection):
            matched.append(result)
    window = matched[criteria.offset : criteria.offset + criteria.limit]
    return Page(results=window, total=_total(payload, spec, criteria, len(matched)),
                has_more=criteria.offset + len(window) < len(matched))


def _total(payload: Any, spec: SearchSpec, criteria: Criteria, matched: int) -> int:
    """The provider's count of all matches when it gives one and the hub filtered nothing out;
    else the matches the hub received."""

    if spec.total_path and not criteria.filters_results:
        count = json_path_value(payload, spec.total_path)
        if isinstance(count, int) and not isinstance(count, bool) and count >= matched:
            return count
    return matched


def error_entry(integration: Mapping[str, Any], error: BaseException) -> dict[str, Any]:
    """What `errors` says about one integration: the hub's code and message, never the provider's
    answer or a credential."""
    if not isinstance(error, HubError):
        error = ConnectionFailed()
    details = error.details if isinstance(error.details, Mapping) else {}
    entry: dict[str, Any] = {
        "integrationId": integration.get("id"),
        "providerId": integration.get("providerId"),
        "code": error.code,
        "message": error.message,
        "details": {k: details[k] for k in _ERROR_DETAIL_KEYS if k in details},
    }
    return redact({k: v for k, v in entry.items() if v is not None})  # type: ignore[no-any-return]


# ---- the fan-out -------------------------------------------------------------------------


def _run_all(targets: list[Target], criteria: Criteria) -> list[Outcome]:
    """Search every target, at most `search_concurrency` in flight, within one deadline shared
    by all: `search_timeout_seconds` from the start of the fan-out. Each provider call gets
    what is left of it; whatever has not answered by then is reported late (SEARCH_TIMEOUT)
    and nobody waits for it."""
    settings = get_settings()
    timeout = settings.search_timeout_seconds
    outcomes = [Outcome(target=t) for t in targets]
    if not targets:
        return outcomes
    width = max(1, min(settings.search_concurrency, len(targets)))
    # on the hub's clock (hub/clock.py) so a test can move time instead of waiting
    deadline = clock.monotonic() + timeout

    def task(index: int) -> Page:
        left = deadline - clock.monotonic()
        if left <= 0:
            raise SearchTimeout(details={"timeoutSeconds": timeout})
        return search_target(targets[index], criteria, timeout=left)

    def submit(pool: ThreadPoolExecutor, run: Callable[[int], Page], index: int) -> Future[Page]:
        # each task runs in a copy of the request's context (request id in its log lines)
        return pool.submit(contextvars.copy_context().run, run, index)

    pool = ThreadPoolExecutor(max_workers=width, thread_name_prefix="search")
    try:
        futures = {submit(pool, task, i): i for i in range(len(targets))}
        pending = set(futures)
        while pending:
            # re-check the clock at least every 0.25 s: a test may move it
            left = deadline - clock.monotonic()
            done, _ = wait(pending, timeout=max(0.01, min(left, 0.25)), return_when=FIRST_COMPLETED)
            for future in done:
                pending.discard(future)
                outcome = outcomes[futures[future]]
                try:
                    outcome.page = future.result()
                except Exception as error:  # noqa: BLE001 - one provider's failure is reported, not raised
                    if not isinstance(error, HubError):
                        logger.exception("search of one integration crashed",
                                         extra={"integrationId": outcome.target.id})
                    outcome.error = error_entry(outcome.target.integration, error)
            if pending and clock.monotonic() >= deadline:
                for future in pending:
                    future.cancel()
                    outcome = outcomes[futures[future]]
                    outcome.error = error_entry(outcome.target.integration,
                                                SearchTimeout(details={"timeoutSeconds": timeout}))
                pending.clear()
    finally:
        # late calls finish on their own (bounded by their own timeout); nobody waits for them
        pool.shutdown(wait=False, cancel_futures=True)
    return outcomes


# ---- the endpoints -----------------------------------------------------------------------


def _criteria(query: str, limit: int, offset: int, entities: Iterable[str] | None = None,
              request: SearchRequest | None = None) -> Criteria:
    filters = request.filters if request is not None else None
    wanted = [*(entities or []), *((filters.entityTypes or []) if filters else [])]
    date_range = filters.dateRange if filters else None
    return Criteria.build(query, limit, offset, entities=wanted,
                          start=date_range.start if date_range else None,
                          end=date_range.end if date_range else None,
                          custom=filters.customFilters if filters else None)


def _took(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def global_search(principal: Principal, request: SearchRequest) -> dict[str, Any]:
    """POST /api/integrations/search."""
    started = time.monotonic()
    criteria = _criteria(request.query, request.limit, request.offset, request.entities, request)
    targets, errors = _targets(principal, request.integrations)
    outcomes = _run_all(targets, criteria)
    results: list[dict[str, Any]] = []
    by_integration: dict[str, list[dict[str, Any]]] = {}
    by_entity: dict[str, list[dict[str, Any]]] = {}
    total = 0
    has_more = False
    for outcome in outcomes:
        if outcome.page is None:
            errors.append(outcome.error or error_entry(outcome.target.integration, ConnectionFailed()))
            continue
        page = outcome.page
        total += page.total
        has_more = has_more or page.has_more
        by_integration[outcome.target.id] = page.results
        for item in page.results:
            results.append(item)
            by_entity.setdefault(str(item["entity"]), []).append(item)
    return {
        "results": results,
        "total": total,
        "took": _took(started),
        "hasMore": has_more,
        "byIntegration": by_integration,
        "byEntity": by_entity,
        "errors": errors,
    }


def integration_search(principal: Principal, integration_id: str, params: IntegrationSearchParams) -> dict[str, Any]:
    """GET /api/integrations/{id}/search: one integration; its provider's failure is the answer."""

    started = time.monotonic()
    integration = get_integration(principal.tenant_id, integration_id)
    target = resolve_target(principal, integration)
    page = search_target(target, _criteria(params.query, params.limit, params.offset, params.entities))
    return {
        "integrationId": integration_id,
        "results": page.results,
        "total": page.total,
        "took": _took(started),
        "hasMore": page.has_more,
    }
