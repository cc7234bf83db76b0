"""A local SMTP server that records every message it takes, with its headers, as JSON lines.

    python -m bench.smtp_sink --port 2525 --record messages.jsonl --delay-file delay

It writes an "accepted" line as soon as it has the whole message (a real mail server
has then queued it for delivery), waits for the number of seconds in --delay-file,
then writes "answered" and replies 250. A sender killed during that wait never learns
that its e-mail went: the case where an e-mail can be sent twice.
"""

import argparse
import asyncio
import itertools
import json
import signal
import time
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, record_path, delay_path):
        self.record_path = Path(record_path)
        self.delay_path = Path(delay_path)
        self.sequence = itertools.count(1)

    def _write(self, entry):
        with open(self.record_path, "a") as record:
            record.write(json.dumps(entry) + "\n")

    def _delay(self):
        try:
            return float(self.delay_path.read_text().strip() or 0)
        except (OSError, ValueError):
            return 0.0

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        seq = next(self.sequence)
        self._write(
            {
                "event": "accepted",
                "seq": seq,
                "at": time.time(),
                "mail_from": envelope.mail_from,
                "rcpt_tos": envelope.rcpt_tos,
                "message_id": str(message["Message-ID"] or ""),
                "subject": str(message["Subject"] or ""),
                "headers": [[name, str(value)] for name, value in message.items()],
            }
        )
        delay = self._delay()
        if delay:
            await asyncio.sleep(delay)
        self._write({"event": "answered", "seq": seq, "at": time.time()})
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--delay-file", required=True)
    args = parser.parse_args()

    controller = Controller(Recorder(args.record, args.delay_file), hostname="127.0.0.1", port=args.port)
    controller.start()
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        while not stopping:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
