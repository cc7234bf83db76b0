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
    def auto_assign_on(cls):
        """The default site's choice, read in one query (every request sent asks)."""
        chosen = cls.objects.filter(site__is_default_site=True).values_list("auto_assign", flat=True).first()
        return bool(chosen) if chosen is not None else cls._meta.get_field("auto_assign").default
