from .help_request import (
    Channel,
    DifficultyArea,
    FosterCare,
    HelpRequest,
    InstitutionType,
    RequesterType,
    Status,
)
from .notification import Notification, NotificationKind, NotificationStatus
from .page import IntakeFormPage
from .reference_data import ClosedDay, Locality

__all__ = [
    "Channel",
    "ClosedDay",
    "DifficultyArea",
    "FosterCare",
    "HelpRequest",
    "InstitutionType",
    "IntakeFormPage",
    "Locality",
    "Notification",
    "NotificationKind",
    "NotificationStatus",
    "RequesterType",
    "Status",
]
