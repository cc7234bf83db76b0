"""What the routing needs to know about a social worker."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SocialWorkerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="social_worker_profile", verbose_name=_("user")
    )
    localities = models.ManyToManyField(
        "intake.Locality", blank=True, related_name="social_workers", verbose_name=_("localities served")
    )
    accepts_new_requests = models.BooleanField(
        _("takes new requests now"), default=True, help_text=_("Untick during leave or when the caseload is full.")
    )

    class Meta:
        verbose_name = _("social worker profile")
        verbose_name_plural = _("social worker profiles")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
