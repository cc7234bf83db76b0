"""nginx on loopback with the deployment's own configuration (deploy/nginx/), plus a static baseline.

The portal's server block includes deploy/nginx/portal-locations.conf unchanged, and
the http part is deploy/nginx/portal-http.conf with only the cache directory and the
app's port replaced: what is measured is what the README tells a centre to deploy. A
second server serves the saved pages as plain files (bench/perf.py writes them, as
`aktualnosci/index.html` for `/aktualnosci/`), the baseline to compare with.
"""

import os
import subprocess
from pathlib import Path

from bench.stack import ROOT, ManagedProcess, free_port, port_open, wait_until

DEPLOY = ROOT / "deploy" / "nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


class Nginx:
    name = "nginx"

    def __init__(self, work_dir, app_port, media_root, bodies_dir):
        self.dir = Path(work_dir) / "nginx"
        self.app_port, self.media_root, self.bodies_dir = app_port, Path(media_root), Path(bodies_dir)
        self.port, self.purge_port, self.static_port = free_port(), free_port(), free_port()
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def static_url(self):
        return f"http://127.0.0.1:{self.static_port}"

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def config(self):
        http_part = (DEPLOY / "portal-http.conf").read_text()
        http_part = http_part.replace("/var/cache/nginx/portal", str(self.dir / "cache"))
        http_part = http_part.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{self.app_port};")
        temp = self.dir / "temp"
        # As root, workers would otherwise run as "nobody", without access to the temp dirs.
        user = "user root;" if os.geteuid() == 0 else ""
        return f"""
{user}
daemon off;
worker_processes auto;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
load_module {PURGE_MODULE};
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;

{http_part}

    server {{
        listen 127.0.0.1:{self.port};
        listen 127.0.0.1:{self.purge_port};
        server_name _;
        set $portal_scheme https;
        location /media/ {{ alias {self.media_root}/; }}
        include {DEPLOY / "portal-locations.conf"};
    }}

    # The baseline: the same pages as files.
    server {{
        listen 127.0.0.1:{self.static_port};
        root {self.bodies_dir};
        default_type text/html;
        location / {{ try_files $uri/index.html =404; }}
    }}
}}
"""

    def start(self):
        for sub in ("cache", "temp"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        path = self.dir / "nginx.conf"
        path.write_text(self.config())
        check = subprocess.run(["nginx", "-t", "-c", str(path), "-p", str(self.dir)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused its configuration: {check.stderr.strip()}")
        argv = ["nginx", "-c", str(path), "-p", str(self.dir)]
        self.process = ManagedProcess("nginx", argv, os.environ.copy(), self.dir / "nginx.log").start()
        wait_until(lambda: port_open(self.port) and port_open(self.static_port), 30, what="nginx listening")
        return self

    def stop(self):
        if self.process:
            self.process.stop()
