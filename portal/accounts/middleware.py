"""Nobody reaches the admin, where the requests are, on a password alone."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from portal.accounts.devices import has_second_factor

# What a person who has given only their password may open: the second-factor
# screens themselves, log-out, and what those screens load.
OPEN_BEFORE_SECOND_FACTOR = {
    "accounts_verify",
    "accounts_setup",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


def needs_second_factor(user):
    return (
        user.is_authenticated
        and not user.is_verified()
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class RequireSecondFactorMiddleware:
    """Sends staff who have not confirmed this log-in to the code screen (or to set up the app).

    Runs after django-otp's OTPMiddleware, which tells whether the session is verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.SECOND_FACTOR_REQUIRED
            and needs_second_factor(user)
            and _url_name(request) not in OPEN_BEFORE_SECOND_FACTOR
        ):
            target = "accounts_verify" if has_second_factor(user) else "accounts_setup"
            next_url = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
            return redirect(f"{reverse(target)}?{urlencode({'next': next_url})}")
        return self.get_response(request)
