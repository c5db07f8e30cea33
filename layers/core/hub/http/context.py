"""The request state, for the pipeline and handlers (defined in `hub.request`, below the domain)."""

from hub.request import RequestState, current_principal, current_request, record_change, set_request

__all__ = ["RequestState", "current_principal", "current_request", "record_change", "set_request"]
