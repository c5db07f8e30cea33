from enum import StrEnum

class IntegrationsListStatus(StrEnum):
    CONNECTED = "connected"
    DISABLED = "disabled"
    ERROR = "error"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
