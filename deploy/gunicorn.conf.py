"""gunicorn for the portal: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi` (README, "Deployment").

Everything can be overridden on the command line or with GUNICORN_* variables.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two processes per core; two threads each keep one process busy while the other
# waits for the database, and keep connections alive as browsers and nginx do.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1))))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 20
keepalive = 5
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
