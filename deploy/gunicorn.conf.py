"""gunicorn for the portal: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi` (README, "Deployment").

Everything can be overridden on the command line or with GUNICORN_* variables.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Behind nginx, which buffers slow clients and answers cached pages itself, gunicorn's
# plain sync workers are enough, one per core: the work is CPU-bound, and on two cores
# more processes or threads served fewer whole requests through the form (bench/perf.py,
# 50 clients: 2 sync workers 49/s, 3 45/s, 4 41/s; 2 x 2 threads 46/s, 4 x 2 threads
# 38/s). Raise GUNICORN_WORKERS when PostgreSQL runs on another machine and requests
# spend time waiting for it.
workers = int(os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() or 1)))
worker_class = "sync"
# A worker stuck longer than this is replaced; every page of the portal takes milliseconds.
timeout = 30
graceful_timeout = 20
# gunicorn 27 keeps one control socket per user in $HOME, shared by every instance.
control_socket_disable = True

# Load Django once in the master: the workers share its memory, and the objects made at
# start-up (models, templates, URL patterns: hundreds of thousands) are frozen out of the
# garbage collector, which otherwise walks them again and again while serving.
preload_app = True


def pre_fork(server, worker):
    gc.collect()
    gc.freeze()


def post_fork(server, worker):
    # A database connection opened while loading must not be shared by two processes.
    from django.db import connections

    connections.close_all()
