from enum import StrEnum

class ProviderUpdateCategoryType0(StrEnum):
    ACCOUNTING = "accounting"
    ADVERTISING = "advertising"
    ANALYTICS = "analytics"
    AUTOMATION = "automation"
    CALENDAR = "calendar"
    CLOUD = "cloud"
    COMMUNICATION = "communication"
    CRM = "crm"
    CUSTOM = "custom"
    DATA_SOURCE = "data_source"
    DEVELOPER = "developer"
    ECOMMERCE = "ecommerce"
    HR = "hr"
    MARKETING = "marketing"
    OTHER = "other"
    PAYMENTS = "payments"
    PRODUCTIVITY = "productivity"
    SOCIAL = "social"
    STORAGE = "storage"
    SUPPORT = "support"

    def __str__(self) -> str:
        return str(self.value)
