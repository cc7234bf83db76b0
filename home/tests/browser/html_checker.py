"""The Nu HTML Checker (the W3C's vnu.jar), run once over a set of saved pages.

vnu.jar is pinned in home/tests/html_checker/package.json and its lock file and installed
from the npm registry with `npm ci` into home/tests/html_checker/node_modules/ on first
use (git-ignored). `--ignore-scripts` keeps npm from running the package's postinstall,
which would download a Java runtime: the checker runs on the system's Java (Debian's
default-jre-headless, which `make test` installs).
"""

import json
import shutil
import subprocess
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "html_checker"
VNU_JAR = FOLDER / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def ensure_vnu():
    """The path of vnu.jar, installed from the lock file if it is not there yet."""
    if shutil.which("java") is None:
        raise RuntimeError("Java is needed for the Nu HTML Checker (Debian: apt-get install default-jre-headless)")
    if VNU_JAR.exists():
        return VNU_JAR
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is needed to install the Nu HTML Checker (Debian: apt-get install npm)")
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=FOLDER, check=True, capture_output=True
    )
    return VNU_JAR


def check(files):
    """Every message of one vnu run over `files`: dicts with type ("error", "info"), subType, url, lastLine, message."""
    argv = ["java", "-jar", str(ensure_vnu()), "--format", "json", "--exit-zero-always", "--stdout", *map(str, files)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=240, check=True)
    return json.loads(result.stdout)["messages"]


def is_error(message):
    # "non-document-error": the checker could not read a file, which must fail too.
    return message["type"] in {"error", "non-document-error"}


def describe(message):
    name = Path(message.get("url", "?").removeprefix("file:")).name
    return f"{name}:{message.get('lastLine', '?')}: {message['message']}"
