from enum import StrEnum

class ProviderDraftAudienceType0(StrEnum):
    SYSTEM = "system"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
