from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "intake"
    verbose_name = _("Requests for help")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from intake.models import HelpRequest
        from intake.permissions import HelpRequestPermissionPolicy

        register_permission_policy(HelpRequest, HelpRequestPermissionPolicy(HelpRequest))
