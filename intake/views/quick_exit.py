from django.conf import settings
from django.http import HttpResponseRedirect
from django.views.decorators.cache import never_cache


@never_cache
def quick_exit(request):
    """Leave at once: forget the answers and go to a neutral site.

    A plain link, so it works without JavaScript; the redirect replaces nothing in
    the history by itself, so the page also asks the browser to forget this site's
    data and sends no Referer to the neutral site.
    """
    request.session.flush()
    response = HttpResponseRedirect(settings.INTAKE_QUICK_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response["Referrer-Policy"] = "no-referrer"
    return response
