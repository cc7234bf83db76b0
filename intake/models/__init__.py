from .activity import RequestExport, RequestLogEntry, RequestNote, RequestView
from .help_request import (
    OPEN_STATUSES,
    Channel,
    DifficultyArea,
    FosterCare,
    HelpRequest,
    InstitutionType,
    Outcome,
    RequesterType,
    Status,
)
from .intake_settings import IntakeSettings
from .notification import Notification, NotificationKind, NotificationStatus
from .page import IntakeFormPage
from .reference_data import ClosedDay, Locality
from .staff import SocialWorkerProfile

__all__ = [
    "IntakeSettings",
    "OPEN_STATUSES",
    "Outcome",
    "RequestExport",
    "RequestLogEntry",
    "RequestNote",
    "RequestView",
    "SocialWorkerProfile",
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
