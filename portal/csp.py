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
- wagtail-localize's screens carry three inline blocks of their own: the translation
  editor's list of chooser addresses, "select all languages" on the Translate screen
  and a few style rules on the Sync screen. Each is allowed by its hash only when it
  is exactly that block (the addresses being plain paths). The translation editor
  itself is a React application whose styled-components write its styles into <style>
  elements at run time, with no way to give them a nonce: without 'unsafe-inline'
  styles it stops at its first component and shows an empty page. That one screen
  (recognised by the editor's mount point in the response) gets 'unsafe-inline' for
  styles, never for scripts.
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
# wagtail-localize's translation editor: its chooser addresses, data only.
_CHOOSER_URLS = re.compile(
    r'if \(typeof window\.chooserUrls === "undefined"\) \{\s*window\.chooserUrls = \{\s*'
    r'(?:\w+: "/[\w/.-]*",\s*)+\}\s*\}',
)
# wagtail-localize's fixed blocks, compared with runs of white space taken as one space.
_LOCALIZE_SCRIPTS = {
    # Translate: "select all" ticks every language.
    "document.addEventListener('DOMContentLoaded', function() { "
    "var selectAll = document.querySelector('[name=\"select_all\"]'); "
    "var locales = document.querySelectorAll('[name=\"locales\"]'); "
    "selectAll.addEventListener('change', function() { for (var i = 0; i < locales.length; i++) { "
    "locales[i].checked = selectAll.checked; } }); });",
}
_LOCALIZE_STYLES = {
    # Sync translated pages: the spacing of the "publish" choice.
    ".publish-translations-field { margin-top: 30px; margin-bottom: 20px; } "
    ".publish-translations-field > p.help { margin-top: 10px; } "
    ".publish-translations-label { float: unset; font-weight: normal; }",
}
_TRANSLATION_EDITOR = 'class="js-translation-editor"'
_INLINE_SCRIPT = re.compile(r'<script(?: type="text/javascript")?>(?P<body>.*?)</script>', re.S)
_INLINE_STYLE = re.compile(r"<style>(?P<body>.*?)</style>", re.S)


def _is_json(text):
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _one_line(text):
    return " ".join(text.split())


def is_known_initialiser(body):
    """True when an inline script only calls a Wagtail widget initialiser with data, or is one
    of wagtail-localize's own blocks."""
    code = body.strip()
    if _CHOOSER_URLS.fullmatch(code) or _one_line(code) in _LOCALIZE_SCRIPTS:
        return True
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


def allowed_inline_style_hashes(html):
    return sorted(
        {
            script_hash(m.group("body"))
            for m in _INLINE_STYLE.finditer(html)
            if _one_line(m.group("body")) in _LOCALIZE_STYLES
        }
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
            html = response.content.decode(response.charset or "utf-8", "replace")
            update = dict(parts.update or {})
            for directive, allowed in (
                ("script-src", allowed_inline_script_hashes(html)),
                (
                    "style-src",
                    ["'unsafe-inline'"] if _TRANSLATION_EDITOR in html else allowed_inline_style_hashes(html),
                ),
            ):
                if allowed:
                    update[directive] = [*update.get(directive, []), *allowed]
            parts.update = update or parts.update
        return parts
