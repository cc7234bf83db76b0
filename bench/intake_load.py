"""Many applicants going through the request form at once, from a client light enough not to be measured.

bench/intake_client.py walks the form from threads, with a new connection for every
request: right for the fault cases, but on a 2-core machine its own CPU use would be
counted against the portal. This client does the same walk (every step shown and sent,
the check page, the confirmation) with asyncio and kept-alive connections, as browsers
keep them, so nearly all the machine's time goes to the server.
"""

import asyncio
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bench.intake_client import CHECK, HOST, REFERENCE, START, STEPS, answers_for, hidden_value, step_path

COOKIE = re.compile(r"^Set-Cookie:\s*([^=;\s]+)=([^;]*)", re.I | re.M)


@dataclass
class Load:
    references: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    latencies: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def requests(self):
        return sum(self.statuses.values())


class Connection:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def exchange(self, raw):
        for attempt in range(2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(raw)
                head = await self.reader.readuntil(b"\r\n\r\n")
                break
            except (ConnectionError, asyncio.IncompleteReadError):
                # The server closed a kept-alive connection (sync workers do after each answer).
                await self.close()
                if attempt:
                    raise
        text = head.decode("latin-1")
        status = int(text.split(" ", 2)[1])
        length = re.search(r"^Content-Length:\s*(\d+)", text, re.I | re.M)
        body = await self.reader.readexactly(int(length.group(1))) if length else b""
        if re.search(r"^Connection:\s*close", text, re.I | re.M):
            await self.close()
        return status, text, body.decode("utf-8", errors="replace")

    async def close(self):
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def walk(connection, number, load):
    cookies = {}

    async def send(method, path, form=None):
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "X-Forwarded-Proto: https", "Accept-Language: pl"]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        body = b""
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Origin: https://{HOST}",
                f"Referer: https://{HOST}{path}",
            ]
        lines.append(f"Content-Length: {len(body)}")
        started = time.monotonic()
        status, head, text = await connection.exchange(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        load.latencies.append(time.monotonic() - started)
        load.statuses[status] = load.statuses.get(status, 0) + 1
        for name, value in COOKIE.findall(head):
            if value and value != '""':
                cookies[name] = value
            else:
                cookies.pop(name, None)
        location = re.search(r"^Location:\s*(\S+)", head, re.I | re.M)
        return status, (urlsplit(location.group(1)).path if location else None), text

    status, _to, page = await send("GET", START)
    for slug in STEPS:
        status, _to, page = await send("GET", step_path(slug))
        form = {**answers_for(slug, page, number), "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken")}
        status, _to, _page = await send("POST", step_path(slug), form)
        if status != 302:
            raise RuntimeError(f"step {slug} answered {status}")
    status, _to, page = await send("GET", CHECK)
    form = {
        "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
        "token": hidden_value(page, "token"),
        "privacy_acknowledged": "on",
        "website": "",
    }
    status, to, _page = await send("POST", CHECK, form)
    if status != 302:
        raise RuntimeError(f"sending answered {status}")
    status, _to, page = await send("GET", to)
    found = REFERENCE.search(page)
    if not found:
        raise RuntimeError("the confirmation shows no reference")
    return found.group(1)


async def _run(base_url, count, concurrency):
    target = urlsplit(base_url)
    load = Load()
    numbers = iter(range(1, count + 1))

    async def applicant():
        connection = Connection(target.hostname, target.port)
        try:
            for number in numbers:
                try:
                    load.references.append(await walk(connection, number, load))
                except (OSError, RuntimeError, asyncio.IncompleteReadError) as error:
                    load.errors.append(f"{type(error).__name__}: {error}")
                    await connection.close()
        finally:
            await connection.close()

    started = time.monotonic()
    await asyncio.gather(*(applicant() for _ in range(concurrency)))
    load.seconds = time.monotonic() - started
    return load


def run(base_url, count, concurrency):
    """`count` whole requests through the form, `concurrency` applicants at a time."""
    return asyncio.run(_run(base_url, count, concurrency))
