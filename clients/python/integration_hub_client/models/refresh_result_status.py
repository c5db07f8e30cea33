from enum import StrEnum

class RefreshResultStatus(StrEnum):
    ACTIVE = "active"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    EXPIRED = "expired"
    NOT_CONNECTED = "not_connected"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
