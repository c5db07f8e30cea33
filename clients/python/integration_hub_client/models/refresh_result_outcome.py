from enum import StrEnum

class RefreshResultOutcome(StrEnum):
    ERROR = "error"
    EXPIRED = "expired"
    LEASE_TAKEN = "lease_taken"
    NOT_DUE = "not_due"
    NOT_REFRESHABLE = "not_refreshable"
    REFRESHED = "refreshed"
    RETRY_LATER = "retry_later"
    SUPERSEDED = "superseded"
    TOO_SOON = "too_soon"

    def __str__(self) -> str:
        return str(self.value)
