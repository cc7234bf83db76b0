"""Print, as JSON, what the database holds about requests, e-mails and tasks.

Run with the stack's environment (`python -m bench.snapshot`), so it reads the same
database with the same SECRET_KEY as the servers (Message-IDs are keyed with it).
The output holds e-mail addresses; the fault script compares them and never prints them.
"""

import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def snapshot():
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from intake.models import HelpRequest, Notification
    from intake.notifications import coordinator_emails, message_id

    coordinators = len(coordinator_emails())
    requests = []
    for help_request in HelpRequest.objects.annotate(notification_count=Count("notifications")).order_by("pk"):
        receipt = 1 if help_request.wants_receipt and help_request.contact_email else 0
        requests.append(
            {
                "reference": help_request.reference,
                "has_deadline": help_request.interview_deadline is not None,
                "deadline": help_request.interview_deadline.isoformat() if help_request.interview_deadline else None,
                "notifications": help_request.notification_count,
                "expected_notifications": receipt + coordinators,
            }
        )
    notifications = [
        {
            "id": notification.pk,
            "reference": notification.help_request.reference,
            "kind": notification.kind,
            "recipient": notification.recipient,
            "status": notification.status,
            "attempts": notification.attempts,
            "message_id": message_id(notification),
        }
        for notification in Notification.objects.select_related("help_request").order_by("pk")
    ]
    tasks = Counter(DBTaskResult.objects.values_list("status", flat=True))
    # Which worker (db_worker --worker-id) took each task that finished.
    workers = Counter(
        ids[-1] for ids in DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("worker_ids", flat=True) if ids
    )
    return {"requests": requests, "notifications": notifications, "tasks": dict(tasks), "task_workers": dict(workers)}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    json.dump(snapshot(), sys.stdout)
