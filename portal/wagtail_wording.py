"""Wagtail's admin strings that the project translates itself (locale/pl/LC_MESSAGES/django.po).

The project's catalogue is read before Wagtail's (LOCALE_PATHS), so an entry there
replaces Wagtail's Polish, or fills a gap in it. Nothing imports this module: it is
here so that `make makemessages` keeps these entries (it drops what no code uses) and
the catalogue test holds them translated. Each msgid is copied exactly from Wagtail
8.0's templates and code.
"""

from django.utils.translation import gettext_noop

# Wagtail's Polish `Odwiedź stronę "na żywo"` goes unescaped into a title attribute
# (wagtailadmin/shared/page_status_tag.html), where its straight quote ended the attribute.
VISIT_LIVE_PAGE = gettext_noop("Visit the live page")
