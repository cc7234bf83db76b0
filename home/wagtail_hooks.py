from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import EmergencyNumber, StaffContact


class StaffContactViewSet(SnippetViewSet):
    model = StaffContact
    icon = "user"
    list_display = ["name", "role", "phone", "email"]
    search_fields = ["name", "role"]
    ordering = ["sort_order", "name"]


class EmergencyNumberViewSet(SnippetViewSet):
    model = EmergencyNumber
    icon = "warning"
    list_display = ["number", "name", "availability", "last_checked"]
    ordering = ["sort_order", "name"]


class ContactsGroup(SnippetViewSetGroup):
    menu_label = _("Contacts")
    menu_icon = "group"
    menu_order = 300
    items = [StaffContactViewSet, EmergencyNumberViewSet]


register_snippet(ContactsGroup)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
