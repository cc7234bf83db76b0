"""Finding a request by the applicant's name without putting the name in a URL.

The list's own search (a GET form) looks up references only; names travel in the
body of a POST, so they never reach access logs or the browser history.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from intake.models import HelpRequest
from intake.permissions import visible_requests

MIN_LENGTH = 2
MAX_RESULTS = 50


class FindByNameView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "intake/admin/find_by_name.html"
    page_title = _("Find a request by name")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("intake.view_helprequest"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return []

    def post(self, request, *args, **kwargs):
        # Printable characters only: a null byte cannot be part of a name, and PostgreSQL refuses to search for one.
        printable = "".join(ch for ch in request.POST.get("name", "") if ch.isprintable())
        name = " ".join(printable.split())[:120]
        results = None
        if len(name) >= MIN_LENGTH:
            found = visible_requests(request.user, HelpRequest.objects.all()).filter(
                Q(contact_name__icontains=name) | Q(institution_name__icontains=name)
            )
            results = list(found.select_related("locality").order_by("interview_deadline")[:MAX_RESULTS])
        return self.render_to_response(self.get_context_data(name=name, results=results))
