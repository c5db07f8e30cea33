from enum import StrEnum

class CredentialsUpdateRequestCredentialtype(StrEnum):
    API_KEY = "api_key"
    BASIC = "basic"
    CUSTOM = "custom"
    OAUTH = "oauth"

    def __str__(self) -> str:
        return str(self.value)
