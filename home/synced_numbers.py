"""Phone numbers reach every language the moment the Polish one is saved.

A contact's phone and a helpline's number are the same in every language
(`SynchronizedField`, not overridable). wagtail-localize copies such a field into a
translation only when an editor syncs the translation; until then a family reading in
Ukrainian or English would be shown the old number. So saving the Polish original saves
each translation with the same number, through the model's own save: the purges of the
pages that show the translation run as for any other change (home/purges.py).
"""

from django.db.models.signals import post_save
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField


def _synchronized(model):
    return [
        field.field_name
        for field in getattr(model, "override_translatable_fields", [])
        if isinstance(field, SynchronizedField)
    ]


def copy_to_translations(sender, instance, raw=False, **kwargs):
    if raw or instance.locale_id != Locale.get_default().pk:
        return
    fields = _synchronized(sender)
    for translation in instance.get_translations():
        changed = [name for name in fields if getattr(translation, name) != getattr(instance, name)]
        if changed:
            for name in changed:
                setattr(translation, name, getattr(instance, name))
            translation.save(update_fields=changed)


def connect():
    from home.models import EmergencyNumber, StaffContact

    for model in (EmergencyNumber, StaffContact):
        post_save.connect(copy_to_translations, sender=model, dispatch_uid=f"synced-numbers-{model.__name__}")
