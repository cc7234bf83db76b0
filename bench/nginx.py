"""nginx on loopback with the deployment's own configuration (deploy/nginx/), plus a static baseline.

The portal's server block includes deploy/nginx/portal-locations.conf unchanged, and
the http part is deploy/nginx/portal-http.conf with only the cache directory and the
upstream's server line replaced (one line per app server, for several machines): what
is measured is what the README tells a centre to deploy. For bench/perf.py a second
server serves the saved pages as plain files (it writes them, as
`aktualnosci/index.html` for `/aktualnosci/`), the baseline to compare with.

Every purge the portal sends is written to purges.log (address and status, nothing
else), so that a run can count what a change purged.
"""

import os
import subprocess
from pathlib import Path

from bench.stack import ROOT, ManagedProcess, free_port, port_open, wait_until

DEPLOY = ROOT / "deploy" / "nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


class Nginx:
    name = "nginx"

    def __init__(self, work_dir, app_ports, media_root, bodies_dir=None, access_log=False):
        """app_ports: one port, or the ports of every app server in the upstream.

        bodies_dir: the saved pages of the baseline server (none without it).
        access_log: write what each request became (cache status, which app server) to access.log.
        """
        self.dir = Path(work_dir) / "nginx"
        self.app_ports = [app_ports] if isinstance(app_ports, int) else list(app_ports)
        self.media_root = Path(media_root)
        self.bodies_dir = Path(bodies_dir) if bodies_dir else None
        self.access_log = access_log
        self.port, self.purge_port = free_port(), free_port()
        self.static_port = free_port() if self.bodies_dir else None
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
        upstream_line = "server 127.0.0.1:8000;"
        if upstream_line not in http_part:
            raise RuntimeError(f"deploy/nginx/portal-http.conf has no '{upstream_line}' line to point at the app")
        servers = "\n    ".join(f"server 127.0.0.1:{port};" for port in self.app_ports)
        http_part = http_part.replace(upstream_line, servers)
        temp = self.dir / "temp"
        # URIs, statuses and the app server only: no query strings, bodies or addresses.
        log = f"access_log {self.dir}/access.log portal_bench;" if self.access_log else ""
        log += f"\n        access_log {self.purge_log} portal_purge if=$portal_bench_purge;"
        baseline = (
            f"""
    # The baseline: the same pages as files.
    server {{
        listen 127.0.0.1:{self.static_port};
        root {self.bodies_dir};
        default_type text/html;
        location / {{ try_files $uri/index.html =404; }}
    }}"""
            if self.bodies_dir
            else ""
        )
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
    log_format portal_bench '$uri $status $upstream_cache_status $upstream_addr';
    log_format portal_purge '$request_uri $status';
    map $request_method $portal_bench_purge {{
        PURGE 1;
        default 0;
    }}
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
        {log}
        location /media/ {{ alias {self.media_root}/; }}
        include {DEPLOY / "portal-locations.conf"};
    }}
{baseline}
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
        ports = [self.port, self.purge_port] + ([self.static_port] if self.static_port else [])
        wait_until(lambda: all(port_open(port) for port in ports), 30, what="nginx listening")
        return self

    def access_records(self):
        """(uri, status, cache status, app server) per request, oldest first; with access_log=True."""
        path = self.dir / "access.log"
        if not path.exists():
            return []
        return [tuple(line.split(" ", 3)) for line in path.read_text().splitlines() if line.count(" ") >= 3]

    @property
    def purge_log(self):
        return self.dir / "purges.log"

    def purges(self):
        """(address, status) of every purge received so far, oldest first; the address without /__purge."""
        if not self.purge_log.exists():
            return []
        found = []
        for line in self.purge_log.read_text().splitlines():
            uri, _, status = line.rpartition(" ")
            found.append((uri.removeprefix("/__purge"), status))
        return found

    def stop(self):
        if self.process:
            self.process.stop()
