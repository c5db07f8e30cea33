"""A handler used only by the pipeline tests: two create routes and one list route."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from hub.http import Body, Query, create_app, lambda_entry, record_change
from hub.http.routing import Route
from hub.ids import new_id
from hub.pagination import ListParams, paginate

app = create_app()
CREATED: list[dict] = []


class ProbeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=3, max_length=50)
    apiKey: str | None = None


class ProbeList(ListParams):
    name: str | None = None


@app.post("/probes", status_code=201)
def create_probe(body: Annotated[ProbeCreate, Body()]) -> dict:
    item = {"id": new_id("prb"), "name": body.name}
    CREATED.append(item)
    record_change("probe", item["id"], after={**item, "apiKey": body.apiKey})
    return item


@app.post("/probes/<group>", status_code=201)
def create_probe_in_group(group: str, body: Annotated[ProbeCreate, Body()]) -> dict:
    item = {"id": new_id("prb"), "name": body.name, "group": group}
    CREATED.append(item)
    return item


@app.get("/probes")
def list_probes(params: Annotated[ProbeList, Query()]) -> dict:
    return paginate([p for p in CREATED if not params.name or p["name"] == params.name], params)


handler = lambda_entry(app)


ROUTES = [
    Route("POST", "/probes", __name__, ("tenant_admin", "super_admin"), "integration",
          "Create a probe", "integrations", action="probe.create", idempotent=True),
    Route("POST", "/probes/{group}", __name__, ("tenant_admin", "super_admin"), "integration",
          "Create a probe in a group", "integrations", action="probe.create", idempotent=True),
    Route("GET", "/probes", __name__, ("user", "tenant_admin", "super_admin"),
          "integration", "List probes", "integrations"),
]
