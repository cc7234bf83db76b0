"""Compile every locale/*/LC_MESSAGES/*.po into its .mo.

Django's `compilemessages` needs GNU gettext's msgfmt, which a fresh machine
with only Python does not have; polib does the same job in pure Python.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def main():
    compiled = 0
    for po_path in sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled += 1
    print(f"Translation catalogues compiled: {compiled}", file=sys.stderr)


if __name__ == "__main__":
    main()
