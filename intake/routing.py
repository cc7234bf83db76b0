"""Which social worker should take a new request.

The one who serves the request's locality, takes new requests now, and has the
fewest open requests; on a tie, the one assigned least recently (never assigned
counts as longest ago), then by user id so the answer is stable.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from intake.models import OPEN_STATUSES, HelpRequest
from intake.roles import SOCIAL_WORKERS


def suggest_worker(help_request):
    candidates = get_user_model().objects.filter(
        is_active=True,
        groups__name=SOCIAL_WORKERS,
        social_worker_profile__accepts_new_requests=True,
    )
    if help_request.locality_id:
        candidates = candidates.filter(social_worker_profile__localities=help_request.locality_id)
    # One small subquery per candidate, each answered from an index on (worker, ...): a join
    # with an aggregate read every request each worker ever had, on every request's page.
    theirs = HelpRequest.objects.filter(assigned_to=OuterRef("pk")).order_by()
    open_count = theirs.filter(status__in=OPEN_STATUSES).values("assigned_to").annotate(n=Count("pk")).values("n")
    newest = theirs.filter(assigned_at__isnull=False).order_by("-assigned_at").values("assigned_at")[:1]
    candidates = candidates.annotate(
        open_requests=Coalesce(Subquery(open_count, output_field=IntegerField()), 0),
        last_assigned=Subquery(newest),
    )
    ranked = sorted(candidates, key=lambda u: (u.open_requests, u.last_assigned is not None, u.last_assigned, u.pk))
    return ranked[0] if ranked else None
