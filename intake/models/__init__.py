from .activity import RequestExport, RequestLogEntry, RequestNote, RequestView
from .help_request import (
    OPEN_STATUSES,
    Channel,
    DifficultyArea,
    FosterCare,
    HelpRequest,
    InstitutionType,
    Interpreter,
    Outcome,
    RequesterType,
    RequestLanguage,
    Status,
)
from .intake_settings import IntakeSettings
from .notification import Notification, NotificationKind, NotificationStatus
from .page import IntakeFormPage
from .reference_data import ClosedDay, Locality
from .staff import SocialWorkerProfile

__all__ = [
    "OPEN_STATUSES",
    "Channel",
    "ClosedDay",
    "DifficultyArea",
    "FosterCare",
    "HelpRequest",
    "InstitutionType",
    "IntakeFormPage",
    "IntakeSettings",
    "Interpreter",
    "Locality",
    "Notification",
    "NotificationKind",
    "NotificationStatus",
    "Outcome",
    "RequestExport",
    "RequestLanguage",
    "RequestLogEntry",
    "RequestNote",
    "RequestView",
    "RequesterType",
    "SocialWorkerProfile",
    "Status",
]
