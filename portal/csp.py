"""The Content Security Policy, and the two places where Wagtail's admin needs more than it.

The policy itself (settings CONTENT_SECURITY_POLICY) allows scripts, styles and
images from this site only: no 'unsafe-inline', no 'unsafe-eval', nothing from
another host. Two things in Wagtail 8's admin do not fit it as they are:

- Some form widgets (date pickers, page/image/document/snippet choosers, inline
  panels) start themselves with a one-line inline <script>. Each such script is
  allowed by its SHA-256 hash, but only when it is exactly a call of one of
  Wagtail's known initialisers with JSON arguments: anything else inline (an
  injected script, say) stays blocked.
- The live preview is shown in a frame of the editing page, and Wagtail marks
  that response X-Frame-Options: SAMEORIGIN; it gets frame-ancestors 'self'
  instead of 'none'.
"""

import base64
import hashlib
import json
import re

from csp.middleware import CSPMiddleware
from django.conf import settings

# Wagtail's initialisers that are called from inline scripts, with their arguments.
_INITIALISER = re.compile(
    r"(?:new )?(?:initDateChooser|initTimeChooser|initDateTimeChooser|createTaskChooser"
    r"|Chooser|PageChooser|ImageChooser|DocumentChooser|SnippetChooser)\((?P<args>.*)\);",
    re.S,
)
# InlinePanel and MultipleChooserPanel wrap theirs in an IIFE around one JSON string.
_PANEL = re.compile(
    r'\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)\(JSON\.parse\((?P<string>"(?:[^"\\]|\\.)*")\)\);\s*\}\)\(\);',
    re.S,
)
_INLINE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.S)


def _is_json(text):
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def is_known_initialiser(body):
    """True when an inline script only calls a Wagtail widget initialiser with data."""
    code = body.strip()
    match = _INITIALISER.fullmatch(code)
    if match:
        return _is_json("[" + match.group("args") + "]")
    match = _PANEL.fullmatch(code)
    if match:
        # The string literal is escapejs output: valid JSON, holding JSON.
        return _is_json(match.group("string")) and _is_json(json.loads(match.group("string")))
    return False


def script_hash(body):
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def allowed_inline_script_hashes(html):
    return sorted(
        {script_hash(m.group("body")) for m in _INLINE_SCRIPT.finditer(html) if is_known_initialiser(m.group("body"))}
    )


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if response.get("X-Frame-Options") == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        if (
            request.path_info.startswith(settings.ADMIN_PREFIX)
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            hashes = allowed_inline_script_hashes(response.content.decode(response.charset or "utf-8", "replace"))
            if hashes:
                update = dict(parts.update or {})
                update["script-src"] = [*update.get("script-src", []), *hashes]
                parts.update = update
        return parts
