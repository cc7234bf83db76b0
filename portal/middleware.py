"""Small security measures that apply to every response or every staff request."""

from django.conf import settings

# The portal uses no camera, microphone, location or payment APIs: say so to the browser.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request.

    Applicants keep the longer default, so that someone filling in the form slowly,
    in a hard moment, does not lose their answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return self.get_response(request)
