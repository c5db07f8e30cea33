"""GET /ready: readiness, answers 200 only when the table answers."""

from hub.http import create_app, lambda_entry
from hub.system import Readiness, readiness

app = create_app()


@app.get("/ready", summary="Readiness: the table answers", tags=["system"])
def get_ready() -> Readiness:
    return readiness()


handler = lambda_entry(app)
