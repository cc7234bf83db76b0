from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import CentreProfile, EmergencyNumber, StaffContact


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


class CentreProfileViewSet(SnippetViewSet):
    """The centre's name and hours in each language: under Settings, beside the centre's details."""

    model = CentreProfile
    icon = "home"
    add_to_settings_menu = True
    menu_label = _("Centre's name and hours")
    menu_order = 101
    list_display = ["name", "short_name", "locale"]


register_snippet(CentreProfileViewSet)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_urls")
def translation_status_urls():
    from home.translation_status import TranslationStatusView

    return [
        path("reports/page-translations/", TranslationStatusView.as_view(), name="translation_status"),
        path(
            "reports/page-translations/results/",
            TranslationStatusView.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, {"add", "change", "publish"})


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return TranslationStatusMenuItem(_("Page translations"), reverse("translation_status"), icon_name="site", order=700)
