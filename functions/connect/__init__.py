"""Connect sessions and the hosted connect page (hub/sessions, docs/frontend.md)."""

from typing import Annotated

from hub.http import Path
from hub.sessions.models import ID_PATTERN

# the {id} of the page's routes: an integration id as the hub makes them
IntegrationId = Annotated[str, Path(pattern=ID_PATTERN, max_length=128)]
