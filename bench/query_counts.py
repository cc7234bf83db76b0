"""How many database queries each page type costs when it is drawn from scratch.

    python -m bench.query_counts /  /aktualnosci/  /uk/kontakt/ ...

Run with an app server's settings and PAGE_CACHE_SECONDS=0 (stack.Portal.run_module),
so that every page and its frame are drawn, on the database that server uses. Each
address is asked for twice through Django's test client and the second answer's
queries are counted (the first pays Django's and Wagtail's once-per-process look-ups).
Prints one JSON object, address -> [status, queries]. make bench compares the counts on
the demo centre in three languages with those on the same site holding 3,000 news
items more; home/tests/test_query_counts.py keeps them flat in the test suite.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def count(paths):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    # As the proxy passes a resident's request on: over TLS, to the site's host.
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    counts = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[path] = [response.status_code, len(queries)]
    return counts


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    json.dump(count(sys.argv[1:]), sys.stdout)
