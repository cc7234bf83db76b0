from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.accounts import views


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("second-factor/verify/", views.verify, name="accounts_verify"),
        path("second-factor/set-up/", views.set_up, name="accounts_setup"),
        path("second-factor/backup-codes/", views.new_backup_codes, name="accounts_backup_codes"),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("accounts_setup"),
        "label": _("Two-step log-in"),
        "help_text": _("Set up the code app on a new phone, or get new backup codes."),
    }
