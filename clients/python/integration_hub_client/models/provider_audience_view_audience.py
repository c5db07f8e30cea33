from enum import StrEnum

class ProviderAudienceViewAudience(StrEnum):
    SYSTEM = "system"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
