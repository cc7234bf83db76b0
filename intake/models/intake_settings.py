from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class IntakeSettings(BaseSiteSetting):
    auto_assign = models.BooleanField(
        _("assign new requests automatically"),
        default=False,
        help_text=_(
            "Give each new request to the suggested social worker (serves the locality, fewest open requests) "
            "instead of waiting for a coordinator."
        ),
    )

    class Meta:
        verbose_name = _("request handling")

    @classmethod
    def for_default_site(cls):
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()
