"""The real portal stack on loopback: PostgreSQL or SQLite, Redis, gunicorn, the task worker, an SMTP sink.

Every process is started in its own process group and remembered here, so that
`stop_everything()` ends all of them, also after Ctrl+C or a failure. Everything
lives in temporary directories on free ports: nothing of the machine's own
PostgreSQL, Redis, mail server or the repository's var/ is used.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.client import HOST, Browser

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "manage.py")]
WEB_WORKERS = 2
WEB_THREADS = 4

# Everything started and not yet stopped, newest last.
_running = []


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_until(condition, timeout, interval=0.1, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise TimeoutError(f"{what} not reached within {timeout} s")


def clean_environment(**overrides):
    """The caller's environment without anything that would point the stack elsewhere."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "TASKS_BACKEND"} and not key.startswith("EMAIL_")
    }
    return {**inherited, "PYTHONUNBUFFERED": "1", **{k: str(v) for k, v in overrides.items()}}


def stop_everything():
    """Stop every process this module started, newest first. Safe to call more than once."""
    for thing in reversed(list(_running)):
        try:
            thing.stop()
        except Exception as error:  # keep stopping the others
            print(f"  could not stop {thing.name}: {error}", file=sys.stderr)


def interrupt_on_termination():
    """SIGTERM and SIGINT end a run as Ctrl+C does, so its `finally` stops the stack and reports.

    SIGINT is set explicitly because a shell starting the run in the background would
    have it ignored.
    """

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)


class ManagedProcess:
    """One long-running process with its output in a log file."""

    def __init__(self, name, argv, env, log_path, cwd=ROOT):
        self.name, self.argv, self.env, self.log_path, self.cwd = name, argv, env, Path(log_path), cwd
        self.process = None

    def start(self):
        log = open(self.log_path, "ab")  # noqa: SIM115 (the child process writes to it; closed once started)
        # Own process group: Ctrl+C in the terminal reaches only this script, which then
        # stops the stack in order; and stop() can end the process with its children.
        self.process = subprocess.Popen(
            self.argv, cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        _running.append(self)
        return self

    @property
    def pid(self):
        return self.process.pid if self.process else None

    @property
    def alive(self):
        return self.process is not None and self.process.poll() is None

    @property
    def returncode(self):
        return self.process.poll() if self.process else None

    def kill(self):
        """SIGKILL the process itself, as a crash would: no clean-up runs."""
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._forget()

    def stop(self, timeout=10):
        if self.process is None:
            return
        if self.process.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait(timeout=10)
        self._forget()

    def _signal_group(self, sig):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)

    def _forget(self):
        if self in _running:
            _running.remove(self)

    def log_text(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def children(self):
        """Pids of the process's direct children (gunicorn's workers)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                # The command name may contain spaces: the fields after it are fixed.
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                if ppid == self.pid:
                    found.append(int(entry.name))
        return sorted(found)


class PostgresServer:
    """A throw-away PostgreSQL cluster: initdb into a temporary directory, pg_ctl on a free port.

    initdb refuses to run as root, so as root the binaries run as the `postgres` user in a
    directory that user owns.
    """

    name = "postgresql"

    def __init__(self):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
        if not versions:
            raise RuntimeError("PostgreSQL is not installed (/usr/lib/postgresql/<version>/bin)")
        self.bin = versions[-1].parent
        self.version = self.bin.parent.name
        self.base = Path(tempfile.mkdtemp(prefix="faults-pg-"))
        self.data = self.base / "data"
        self.socket_dir = self.base / "socket"
        self.log_path = self.base / "postgresql.log"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        self.running = False

    def _run(self, tool, *args, check=True):
        argv = [str(self.bin / tool), *args]
        if self.as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        result = subprocess.run(argv, cwd=self.base, capture_output=True, text=True, start_new_session=True)
        if check and result.returncode != 0:
            raise RuntimeError(f"{tool} failed (exit {result.returncode}): {result.stderr.strip()[-500:]}")
        return result

    def init(self):
        self.socket_dir.mkdir()
        if self.as_postgres:
            shutil.chown(self.base, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.socket_dir}'\nmax_connections = 100\n"
            )
        return self

    def start(self):
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log_path), "-w", "-t", "60", "start")
        self.running = True
        if self not in _running:
            _running.append(self)
        return self

    def stop(self, mode="fast"):
        """fast: end sessions and shut down cleanly (what `systemctl stop` does)."""
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)
            self.running = False
        if self in _running:
            _running.remove(self)

    def remove(self):
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def psql(self, sql):
        connection = ["-h", str(self.socket_dir), "-p", str(self.port), "-U", "postgres", "-d", "postgres"]
        return self._run("psql", *connection, "-v", "ON_ERROR_STOP=1", "-qAtc", sql)

    def create_database(self, name, template=None):
        clause = f' TEMPLATE "{template}"' if template else ""
        self.psql(f'DROP DATABASE IF EXISTS "{name}"')
        self.psql(f'CREATE DATABASE "{name}"{clause}')
        return self.url(name)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class RedisServer:
    """Debian's redis-server on a free loopback port, keeping nothing on disk.

    Stopping it loses every key, as a restarted Redis without persistence would: the
    shared cache is a cache. The fault cases start and stop it; the tests of the shared
    cache use it through portal/tests/redis_server.py. Started again, it takes the same port.
    """

    name = "redis"

    def __init__(self, work_dir=None, port=None):
        self.port = port or free_port()
        self.dir = Path(work_dir) if work_dir else Path(tempfile.gettempdir())
        self.log_path = self.dir / "redis.log" if work_dir else Path(os.devnull)
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def running(self):
        return self.process is not None and self.process.alive

    def start(self):
        if not shutil.which("redis-server"):
            raise RuntimeError("redis-server is not installed (Debian: apt-get install redis-server)")
        argv = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.dir),
        ]
        self.process = ManagedProcess("redis-server", argv, clean_environment(), self.log_path, cwd=self.dir).start()
        wait_until(lambda: port_open(self.port) or not self.process.alive, 10, interval=0.05, what="Redis listening")
        if not self.process.alive:
            raise RuntimeError(f"redis-server did not start (exit {self.process.returncode}); see {self.log_path}")
        return self

    def stop(self):
        if self.process:
            self.process.stop()
            self.process = None


class Databases:
    """Each case gets a fresh database cloned from one migrated with the demo content."""

    def __init__(self, kind, work_dir, media_root, postgres=None):
        self.kind, self.work_dir, self.media_root, self.postgres = kind, Path(work_dir), media_root, postgres
        self.template_url = None
        self._count = 0

    def prepare_template(self):
        if self.kind == "postgresql":
            self.template_url = self.postgres.create_database("portal_template")
        else:
            self.template_url = f"sqlite:///{self.work_dir / 'template.sqlite3'}"
        migrate_with_demo_content(self.template_url, self.media_root, self.work_dir / f"setup-{self.kind}.log")
        return self

    def new(self, label):
        self._count += 1
        name = f"case{self._count}_{label}"
        if self.kind == "postgresql":
            return self.postgres.create_database(name, template="portal_template")
        target = self.work_dir / f"{name}.sqlite3"
        # The backup API copies a consistent database, including what still sits in the WAL.
        source, copy = sqlite3.connect(self.work_dir / "template.sqlite3"), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        return f"sqlite:///{target}"


def collect_static(static_root, log_path):
    """Production serves hashed, compressed files through WhiteNoise: build them once per run."""
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="collectstatic-only",
        ALLOWED_HOSTS=HOST,
        STATIC_ROOT=static_root,
        DATABASE_URL="sqlite:///:memory:",
    )
    _run_logged([*MANAGE, "collectstatic", "--no-input", "-v", "0"], env, log_path)


def migrate_with_demo_content(database_url, media_root, log_path):
    # The demo command creates known passwords and refuses production settings,
    # so set-up uses the test settings on the same database (as the browser tests do).
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.test", DATABASE_URL=database_url, MEDIA_ROOT=media_root
    )
    _run_logged([*MANAGE, "migrate", "--no-input", "-v", "0"], env, log_path)
    # Without the demo's fictional requests: each script counts the requests it makes itself.
    _run_logged([*MANAGE, "load_demo_content", "--without-requests"], env, log_path)


def _run_logged(argv, env, log_path, timeout=600):
    with open(log_path, "ab") as log:
        result = subprocess.run(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=timeout)
    if result.returncode != 0:
        tail = "\n".join(Path(log_path).read_text(errors="replace").splitlines()[-20:])
        raise RuntimeError(f"manage.py {argv[2]} failed (exit {result.returncode}):\n{tail}")


class SmtpSink:
    """A local SMTP server (bench/smtp_sink.py) that records every message it accepts."""

    def __init__(self, work_dir, port=None):
        self.work_dir = Path(work_dir)
        self.port = port or free_port()
        self.record_path = self.work_dir / "smtp-messages.jsonl"
        self.control_path = self.work_dir / "smtp-delay"
        self.process = None
        self.name = "smtp"
        self.set_delay(0)

    def start(self):
        argv = [
            PYTHON,
            "-m",
            "bench.smtp_sink",
            "--port",
            str(self.port),
            "--record",
            str(self.record_path),
            "--delay-file",
            str(self.control_path),
        ]
        self.process = ManagedProcess("smtp", argv, clean_environment(), self.work_dir / "smtp.log").start()
        wait_until(lambda: port_open(self.port) or not self.process.alive, 15, what="SMTP server listening")
        if not self.process.alive:
            raise RuntimeError(f"the SMTP server did not start; see {self.process.log_path}")
        return self

    def stop(self):
        if self.process:
            self.process.stop()
            self.process = None

    @property
    def running(self):
        return self.process is not None and self.process.alive

    def set_delay(self, seconds):
        """How long the server waits inside DATA, after taking the message, before answering 250."""
        self.control_path.write_text(str(seconds))

    def records(self):
        if not self.record_path.exists():
            return []
        found = []
        for line in self.record_path.read_text().splitlines():
            with contextlib.suppress(ValueError):  # a line still being written
                found.append(json.loads(line))
        return found

    def messages(self):
        """Every message taken, in order (each with its headers), whether or not 250 reached the client."""
        return [record for record in self.records() if record["event"] == "accepted"]

    def unanswered(self):
        """Messages taken whose 250 has not been written back yet."""
        answered = {record["seq"] for record in self.records() if record["event"] == "answered"}
        return [message for message in self.messages() if message["seq"] not in answered]


class Portal:
    """One case's application: gunicorn (production settings) and the django-tasks database worker.

    `settings` are environment variables that replace the defaults below: two Portals on
    one database given the same SECRET_KEY are two app machines of one deployment.
    """

    def __init__(self, work_dir, database_url, static_root, media_root, smtp_port, name="portal", **settings):
        self.work_dir = Path(work_dir)
        self.name = name
        self.port = free_port()
        self.database_url = database_url
        defaults = dict(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            DATABASE_URL=database_url,
            # Persistent connections, as a production server would keep them, so that the
            # database-outage case also proves the health checks.
            DATABASE_CONN_MAX_AGE=60,
            STATIC_ROOT=static_root,
            MEDIA_ROOT=media_root,
            PORTAL_VAR_DIR=self.work_dir / "var",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=smtp_port,
            DEFAULT_FROM_EMAIL="portal@gops.example.pl",
            WAGTAILADMIN_BASE_URL=f"https://{HOST}",
            # Every client comes from 127.0.0.1 and fills the form at machine speed.
            INTAKE_MIN_FILL_SECONDS=0,
            INTAKE_RATE_LIMIT_PER_ADDRESS=1_000_000,
            INTAKE_RATE_LIMIT_PER_EMAIL=1_000_000,
        )
        self.env = clean_environment(**{**defaults, **settings})
        self.web = None
        self.worker = None
        self.worker_starts = 0

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start_web(self, workers=WEB_WORKERS, threads=WEB_THREADS, worker_class="gthread", access_log=True):
        # The deployment's own configuration (deploy/gunicorn.conf.py), sized here.
        argv = [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "portal.wsgi"]
        argv += ["--bind", f"127.0.0.1:{self.port}"]
        argv += ["--worker-class", worker_class, "--workers", str(workers), "--threads", str(threads)]
        argv += ["--timeout", "30", "--graceful-timeout", "5", "--error-logfile", "-"]
        # The fault cases read it; a deployment leaves it to nginx (deploy/gunicorn.conf.py).
        argv += ["--access-logfile", "-"] if access_log else []
        # gunicorn 27's control socket is one path in $HOME for every instance on the machine.
        argv += ["--no-control-socket"]
        self.web = ManagedProcess("gunicorn", argv, self.env, self.work_dir / "gunicorn.log").start()

        def answers():
            if not self.web.alive:
                raise RuntimeError(f"gunicorn stopped; see {self.web.log_path}")
            try:
                return Browser(self.base_url).get("/").status == 200
            except OSError:
                return False

        wait_until(answers, 60, interval=0.3, what="gunicorn answering")
        return self

    def start_worker(self):
        self.worker_starts += 1
        # Named, so that the task table says which machine's worker ran each task.
        worker_id = f"{self.name}-{self.worker_starts}"
        argv = [*MANAGE, "db_worker", "--no-startup-delay", "--interval", "0.5", "--worker-id", worker_id]
        self.worker = ManagedProcess("db_worker", argv, self.env, self.work_dir / "worker.log").start()
        return self.worker

    def manage(self, *args, timeout=300):
        """Run a management command as cron would, with the same settings as the servers."""
        result = subprocess.run(
            [*MANAGE, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        with open(self.work_dir / "commands.log", "a") as log:
            log.write(f"$ manage.py {' '.join(args)} -> {result.returncode}\n{result.stdout}{result.stderr}\n")
        return result

    def run_module(self, module, *args, timeout=300):
        """`python -m module args` with this server's settings, as a job on this machine would run."""
        result = subprocess.run(
            [PYTHON, "-m", module, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=timeout
        )
        with open(self.work_dir / "commands.log", "a") as log:
            log.write(f"$ python -m {module} {' '.join(args)} -> {result.returncode}\n{result.stdout}{result.stderr}\n")
        return result

    def snapshot(self):
        """What the database holds now (bench/snapshot.py), as a dict."""
        result = subprocess.run(
            [PYTHON, "-m", "bench.snapshot"], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )
        if result.returncode != 0:
            raise RuntimeError(f"snapshot failed: {result.stderr[-2000:]}")
        return json.loads(result.stdout)

    def wait_for_tasks(self, timeout=300):
        """Until the worker has no task left waiting (a task whose worker died stays 'running')."""
        wait_until(lambda: self.snapshot()["tasks"].get("READY", 0) == 0, timeout, interval=1, what="task queue empty")

    def logs(self):
        """The servers' and the commands' output, to search for errors."""
        commands = self.work_dir / "commands.log"
        text = "".join(process.log_text() for process in (self.web, self.worker) if process)
        return text + (commands.read_text(errors="replace") if commands.exists() else "")

    def stop(self):
        for process in (self.worker, self.web):
            if process:
                process.stop()
