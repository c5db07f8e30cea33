from enum import StrEnum

class ProviderAudienceUpdateAudience(StrEnum):
    SYSTEM = "system"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
