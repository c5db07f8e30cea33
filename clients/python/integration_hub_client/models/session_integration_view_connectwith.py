from enum import StrEnum

class SessionIntegrationViewConnectwith(StrEnum):
    CREDENTIALS = "credentials"
    OAUTH = "oauth"

    def __str__(self) -> str:
        return str(self.value)
