"""Load with wrk (Debian's package) and its figures: requests/s, p50 and p99 latency, errors."""

import re
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Load:
    url: str
    connections: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    bad_responses: int
    socket_errors: int
    requests: int = 0
    server_cpu: float = 0.0  # seconds of CPU the server used meanwhile, when the caller measured it

    @property
    def clean(self):
        return self.bad_responses == 0 and self.socket_errors == 0


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def parse(url, connections, output):
    def percentile(label):
        match = re.search(rf"^\s+{label}%\s+(\S+)", output, re.M)
        return _ms(match.group(1)) if match else float("nan")

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in", output, re.M)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Load(
        url=url,
        connections=connections,
        requests_per_second=float(rate.group(1)) if rate else 0.0,
        p50_ms=percentile(50),
        p99_ms=percentile(99),
        bad_responses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        requests=int(total.group(1)) if total else 0,
    )


def run(url, connections, seconds, threads=2, headers=(), timeout=30):
    # wrk's own timeout (2 s) would count a slow page's answers as errors: a page drawn
    # from scratch waits behind 49 others at 50 connections.
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", f"{timeout}s", "--latency"]
    for header in headers:
        argv += ["-H", header]
    result = subprocess.run([*argv, url], capture_output=True, text=True, timeout=seconds + 60)
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed: {result.stderr.strip()}")
    return parse(url, connections, result.stdout)
