"""Which social worker should take a new request.

The one who serves the request's locality, takes new requests now, and has the
fewest open requests; on a tie, the one assigned least recently (never assigned
counts as longest ago), then by user id so the answer is stable.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q

from intake.models import OPEN_STATUSES
from intake.roles import SOCIAL_WORKERS


def suggest_worker(help_request):
    candidates = get_user_model().objects.filter(
        is_active=True,
        groups__name=SOCIAL_WORKERS,
        social_worker_profile__accepts_new_requests=True,
    )
    if help_request.locality_id:
        candidates = candidates.filter(social_worker_profile__localities=help_request.locality_id)
    candidates = candidates.annotate(
        open_requests=Count("assigned_requests", filter=Q(assigned_requests__status__in=OPEN_STATUSES), distinct=True),
        last_assigned=Max("assigned_requests__assigned_at"),
    )
    ranked = sorted(candidates, key=lambda u: (u.open_requests, u.last_assigned is not None, u.last_assigned, u.pk))
    return ranked[0] if ranked else None
