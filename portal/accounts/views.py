"""The second-factor screens: confirm a log-in, set up the phone app, renew backup codes."""

import math
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from portal.accounts import devices
from portal.accounts.forms import ERROR_ID, CodeForm


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


def _confirmed(request, device):
    otp_login(request, device)
    # A new session key once the log-in is complete, as after the password.
    request.session.cycle_key()


def _refusal(device, token, waiting_until):
    if waiting_until is not None:
        # The code was not checked at all: after a wrong code each next one waits (1 s, 2, 4...).
        seconds = max(1, math.ceil((waiting_until - timezone.now()).total_seconds()))
        return ngettext(
            "For safety, codes are checked slowly after a wrong one. Wait %(count)d second and enter the newest code again.",
            "For safety, codes are checked slowly after a wrong one. Wait %(count)d seconds and enter the newest code again.",
            seconds,
        ) % {"count": seconds}
    if devices.code_expired(device, token):
        return _("This code has expired or has already been used. Wait for the app to show a new code and enter it.")
    return _("This code is not correct. Check the time on your phone and enter the newest code.")


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    user = request.user
    if not devices.has_second_factor(user):
        return redirect(_with_next("accounts_setup", request))
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        token = devices.normalise(form.cleaned_data["token"])
        device = devices.device_for_code(user, token)
        # Asked before trying: a code sent while the device is waiting is not even checked.
        waiting_until = devices.throttled_until(device)
        if device is not None and device.verify_token(token):
            _confirmed(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _refusal(device, token, waiting_until))
    return TemplateResponse(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request), "error_id": ERROR_ID}
    )


@never_cache
@sensitive_post_parameters("token")
def set_up(request):
    user = request.user
    if devices.has_second_factor(user) and not user.is_verified():
        # Only someone who has passed the second factor may replace it.
        return redirect(_with_next("accounts_verify", request))
    device = devices.pending_app(user)
    form = CodeForm(request.POST or None)
    form.fields["token"].help_text = _("The six digits the app shows now.")
    if form.is_valid():
        token = devices.normalise(form.cleaned_data["token"])
        waiting_until = devices.throttled_until(device)
        if device.verify_token(token):
            codes = devices.confirm_app(device)
            _confirmed(request, device)
            # Shown once, in this response only: the codes are not kept anywhere readable.
            return TemplateResponse(request, "accounts/backup_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("token", _refusal(device, token, waiting_until))
    context = {
        "form": form,
        "error_id": ERROR_ID,
        "next": _next_url(request),
        "qr_code": devices.qr_code_svg(device),
        "secret": devices.secret_for_typing(device),
        "replacing": devices.has_second_factor(user),
    }
    return TemplateResponse(request, "accounts/set_up.html", context)


@never_cache
@require_POST
def new_backup_codes(request):
    codes = devices.new_backup_codes(request.user)
    messages.success(request, _("New backup codes are ready. The old ones no longer work."))
    return TemplateResponse(
        request, "accounts/backup_codes.html", {"codes": codes, "next": reverse("wagtailadmin_home")}
    )
