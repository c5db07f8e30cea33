from enum import StrEnum

class UserConnectionViewStatusType0(StrEnum):
    ACTIVE = "active"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    EXPIRED = "expired"
    NOT_CONNECTED = "not_connected"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
