from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff log-in: the second factor, lock-out after wrong passwords."""

    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Konta pracowników"
