from .accessibility import AccessibilityStatementPage
from .pages import (
    ContactPage,
    HomePage,
    InformationPage,
    NewsIndexPage,
    NewsPage,
    SectionPage,
)
from .site_settings import CentreProfile, CentreSettings
from .snippets import EmergencyNumber, StaffContact

__all__ = [
    "AccessibilityStatementPage",
    "CentreProfile",
    "CentreSettings",
    "ContactPage",
    "EmergencyNumber",
    "HomePage",
    "InformationPage",
    "NewsIndexPage",
    "NewsPage",
    "SectionPage",
    "StaffContact",
]
