from enum import StrEnum

class ProvidersListAudience(StrEnum):
    SYSTEM = "system"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
