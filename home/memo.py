"""Lookups every public page repeats, kept per process until published content changes.

The page cache's generation (home/page_cache.py) changes after every change to pages,
snippets, settings, sites, locales and privacy settings; anything kept here is
forgotten at the first call after that. So these lookups cost one database round per
process per change instead of one per page view.
"""

import threading
from functools import wraps

from home.page_cache import current_generation

_lock = threading.Lock()
_kept = {"generation": object(), "values": {}}
# Addresses are kept too, and anyone can ask for any address: past this many values
# everything is dropped and looked up again.
MAX_VALUES = 20_000


def forget():
    with _lock:
        _kept["generation"], _kept["values"] = object(), {}


def kept(key, compute):
    """The value kept under `key` in this generation, or compute() kept from now on."""
    generation = current_generation()
    with _lock:
        if _kept["generation"] != generation:
            _kept["generation"], _kept["values"] = generation, {}
        if key in _kept["values"]:
            return _kept["values"][key]
    value = compute()
    with _lock:
        if _kept["generation"] == generation:
            if len(_kept["values"]) >= MAX_VALUES:
                _kept["values"] = {}
            _kept["values"][key] = value
    return value


def until_content_changes(function):
    """Keep `function`'s result for its (hashable) arguments until the next content change."""

    @wraps(function)
    def kept_result(*args):
        return kept((function.__qualname__, *args), lambda: function(*args))

    return kept_result


@until_content_changes
def restricted_paths():
    """Tree paths of pages with a view restriction (password, log-in, groups)."""
    from wagtail.models import PageViewRestriction

    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(pages):
    """Like Wagtail's `.public()`, without its query for the restrictions on every call."""
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages


@until_content_changes
def locale_for_language(manager, language_code):
    return manager.model.objects.get(language_code=language_code)


def keep_locales():
    """Wagtail looks the active Locale up in the database on every `.localized` and every
    routing (two to four queries per page) for a row that changes only when a language
    is added; locales bump the generation, so keeping them here is safe."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models.i18n import LocaleManager

    def get_for_language(self, language_code):
        return locale_for_language(self, get_supported_content_language_variant(language_code))

    LocaleManager.get_for_language = get_for_language
