"""Lighthouse on a phone: the four scores and the weight of the first load of key pages.

    python -m bench.lighthouse --url http://127.0.0.1:PORT   # a portal that is already running
    python -m bench.lighthouse                               # starts one itself (production settings)

`measure(base_url)` runs Lighthouse 12.8 (pinned in bench/package.json, installed with
`npm ci` when bench/node_modules is missing) once per page against Debian's Chromium,
in Lighthouse's mobile form factor with its default simulated throttling (a slow 4G
phone). It never starts a server: `bench/perf.py`, or `main()` here, does that.

The first-load figures (bytes transferred, number of requests) come from Lighthouse's
own `network-requests` audit of the same run: Lighthouse clears the browser's cache and
storage before loading the page, so they are what a resident's phone fetches on a first
visit. `data:` URLs are not requests and are not counted.

Scores are printed and compared with their targets; nothing here is a unit test, and the
performance score moves with the machine's load (printed with the results).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# No network here: without these Chromium's background connections fail and Lighthouse
# may report them as console errors or time out waiting for the network to go quiet.
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = ["/", "/asystent-rodziny/", "/aktualnosci/", "/popros-o-pomoc/krok/kto/"]
ATTEMPTS = 3
RUN_TIMEOUT = 240

SCORE_TARGET = 100
# First load on a phone (README, "Performance"): 1 KB = 1000 bytes, as Lighthouse's totals.
MAX_TRANSFER_BYTES = 60_000
MAX_REQUESTS = 6
# Text responses smaller than this are not worth compressing (Lighthouse's own threshold).
COMPRESSION_MIN_BYTES = 1400


def ensure_lighthouse():
    """Install the pinned Lighthouse from bench/package-lock.json unless it is there."""
    if shutil.which("node") is None:
        raise RuntimeError("Node.js is needed for Lighthouse (Debian: apt-get install nodejs npm)")
    if LIGHTHOUSE_CLI.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is needed for Lighthouse (Debian: apt-get install npm)")
    print("Installing Lighthouse (npm ci in bench/) ...", file=sys.stderr, flush=True)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True, stdout=sys.stderr)


def run_lighthouse(url, out_dir, extra_chrome_flags=()):
    """One Lighthouse run; returns the parsed report (LHR)."""
    report = Path(out_dir) / "report.json"
    report.unlink(missing_ok=True)
    argv = [
        "node",
        str(LIGHTHOUSE_CLI),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--quiet",
        f"--chrome-flags={' '.join([*CHROME_FLAGS, *extra_chrome_flags])}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROME_PATH}
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT, cwd=out_dir)
    if not report.exists():
        raise RuntimeError(f"lighthouse exited {result.returncode} without a report: {result.stderr.strip()[-800:]}")
    return json.loads(report.read_text())


def _problem(lhr):
    """Why a report cannot be used as it is, or None."""
    error = lhr.get("runtimeError")
    if error:
        return f"{error.get('code')}: {error.get('message', '')}".strip()
    missing = [name for name in CATEGORIES if lhr.get("categories", {}).get(name, {}).get("score") is None]
    if missing:
        return "no score for " + ", ".join(missing)
    return None


def _network_requests(lhr):
    items = lhr["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    return [item for item in items if not item.get("url", "").startswith("data:")]


def _uncompressed_text(requests):
    """Text responses large enough to compress that came without Content-Encoding."""
    found = []
    for item in requests:
        if item.get("resourceType") not in {"Document", "Stylesheet", "Script"}:
            continue
        size, transferred = item.get("resourceSize") or 0, item.get("transferSize") or 0
        # transferSize includes the headers, so a compressed body plus headers is still well below the body.
        if size >= COMPRESSION_MIN_BYTES and transferred >= size:
            found.append(item["url"])
    return found


def _failing_audits(lhr):
    """Audits that cost points, by category, to say what to fix."""
    failing = []
    for name in CATEGORIES:
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{name}: {ref['id']} ({audit.get('displayValue') or audit['score']})")
    return failing


def _check(name, value, target, passed):
    return {"name": name, "value": value, "target": target, "passed": bool(passed)}


def summarise(path, lhr):
    """One page's figures, each with its target and whether it is met."""
    requests = _network_requests(lhr)
    scores = {name: round(lhr["categories"][name]["score"] * 100) for name in CATEGORIES}
    transfer = sum(item.get("transferSize") or 0 for item in requests)
    fonts = [item["url"] for item in requests if item.get("resourceType") == "Font"]
    uncompressed = _uncompressed_text(requests)
    # Both image audits are "not applicable" (score None) when the page has no images.
    modern_images = lhr["audits"]["modern-image-formats"].get("score") in (None, 1)
    sized_images = lhr["audits"]["unsized-images"].get("score") in (None, 1)
    checks = [_check(name, scores[name], f"= {SCORE_TARGET}", scores[name] >= SCORE_TARGET) for name in CATEGORIES]
    checks += [
        _check("transfer_bytes", transfer, f"<= {MAX_TRANSFER_BYTES}", transfer <= MAX_TRANSFER_BYTES),
        _check("requests", len(requests), f"<= {MAX_REQUESTS}", len(requests) <= MAX_REQUESTS),
        _check("uncompressed_text", len(uncompressed), "= 0", not uncompressed),
        _check("web_fonts", len(fonts), "= 0", not fonts),
        _check("images_modern_format", "yes" if modern_images else "no", "yes", modern_images),
        _check("images_sized", "yes" if sized_images else "no", "yes", sized_images),
    ]
    return {
        "path": path,
        **{name.replace("-", "_"): scores[name] for name in CATEGORIES},
        "transfer_bytes": transfer,
        "requests": len(requests),
        "request_list": [(item.get("resourceType"), item.get("transferSize"), item["url"]) for item in requests],
        "uncompressed": uncompressed,
        "failing_audits": _failing_audits(lhr),
        "checks": checks,
        "passed": all(check["passed"] for check in checks),
        "error": None,
    }


def measure(base_url, pages=PAGES, attempts=ATTEMPTS, extra_chrome_flags=(), log=sys.stderr):
    """Lighthouse (mobile) on each page of a running portal: a list of dicts, one per page.

    Each dict holds the path, the four scores (0–100), `transfer_bytes` and `requests` of the
    first load, `checks` (name, value, target, passed), `passed`, and `error` when Lighthouse
    gave no usable report in `attempts` tries (then `passed` is False). `extra_chrome_flags`
    go to Chromium as they are (say, --ignore-certificate-errors for a proxy's test certificate).
    """
    ensure_lighthouse()
    base_url = base_url.rstrip("/")
    results = []
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as out_dir:
        for path in pages:
            problem = None
            for attempt in range(1, attempts + 1):
                try:
                    lhr = run_lighthouse(base_url + path, out_dir, extra_chrome_flags)
                    problem = _problem(lhr)
                except (RuntimeError, ValueError, subprocess.TimeoutExpired) as error:
                    problem = str(error)
                if problem is None:
                    results.append(summarise(path, lhr))
                    break
                print(f"  lighthouse {path}, try {attempt}/{attempts}: {problem}", file=log, flush=True)
                time.sleep(2)
            else:
                results.append({"path": path, "error": problem, "checks": [], "passed": False})
    return results


def format_table(results):
    columns = ["perf", "a11y", "bp", "seo", "KB", "req"]
    lines = [f"{'page':<28}" + "".join(f"{c:>7}" for c in columns) + "  result", "-" * 80]
    for row in results:
        if row.get("error"):
            lines.append(f"{row['path']:<28}  ERROR: {row['error']}")
            continue
        cells = [
            row["performance"],
            row["accessibility"],
            row["best_practices"],
            row["seo"],
            f"{row['transfer_bytes'] / 1000:.1f}",
            row["requests"],
        ]
        verdict = "PASS" if row["passed"] else "FAIL: " + ", ".join(c["name"] for c in row["checks"] if not c["passed"])
        lines.append(f"{row['path']:<28}" + "".join(f"{c!s:>7}" for c in cells) + "  " + verdict)
    lines.append(
        f"targets: each score {SCORE_TARGET}; first load <= {MAX_TRANSFER_BYTES / 1000:.0f} KB in <= {MAX_REQUESTS} requests; "
        "HTML/CSS/JS compressed; no web fonts; images modern and sized"
    )
    return "\n".join(lines)


def counts(results):
    checks = [check for row in results for check in row["checks"]]
    errors = sum(1 for row in results if row.get("error"))
    return sum(c["passed"] for c in checks), sum(not c["passed"] for c in checks) + errors


def load_average():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _serve_portal(work_dir):
    """A portal like bench/perf.py's: production settings, collected static files, demo content."""
    from bench import stack

    work_dir = Path(work_dir)
    static_root, media_root = work_dir / "static", work_dir / "media"
    database_url = f"sqlite:///{work_dir / 'portal.sqlite3'}"
    stack.collect_static(static_root, work_dir / "setup.log")
    stack.migrate_with_demo_content(database_url, media_root, work_dir / "setup.log")
    portal = stack.Portal(
        work_dir,
        database_url,
        static_root,
        media_root,
        smtp_port=stack.free_port(),
        # Plain HTTP on loopback: no TLS proxy in front to say the request was secure.
        SECURE_SSL_REDIRECT="false",
    )
    return portal.start_web()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running portal; without it one is started on loopback")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--verbose", action="store_true", help="list every request and every audit that cost points")
    args = parser.parse_args(argv)

    work_dir = None
    try:
        if args.url:
            base_url = args.url
        else:
            from bench import stack

            work_dir = tempfile.mkdtemp(prefix="lighthouse-portal-")
            print(f"Starting a portal (production settings, demo content) in {work_dir} ...", flush=True)
            base_url = _serve_portal(work_dir).base_url
        print(
            f"Lighthouse {json.loads((BENCH / 'package.json').read_text())['dependencies']['lighthouse']}, "
            f"mobile, simulated throttling, {base_url}; load average before: {load_average()}",
            flush=True,
        )
        results = measure(base_url)
    finally:
        if work_dir:
            stack.stop_everything()
            shutil.rmtree(work_dir, ignore_errors=True)

    print(format_table(results))
    print(f"load average after: {load_average()}")
    for row in results:
        if args.verbose or not row["passed"]:
            for item in row.get("failing_audits", []):
                print(f"  {row['path']}  {item}")
            if args.verbose:
                for kind, size, url in row.get("request_list", []):
                    print(f"  {row['path']}  {kind:<11} {size:>7}  {url}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    passed, failed = counts(results)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
