"""GET /health: liveness, no dependencies touched."""

from hub.http import create_app, lambda_entry
from hub.system import Liveness, health_status

app = create_app()


@app.get("/health", summary="Liveness", tags=["system"])
def get_health() -> Liveness:
    return health_status()


handler = lambda_entry(app)
