"""Wagtail's admin strings that the project translates itself (locale/pl/LC_MESSAGES/django.po).

The project's catalogue is read before Wagtail's (LOCALE_PATHS), so an entry there
replaces Wagtail's Polish, or fills a gap in it. Nothing imports this module: it is
here so that `make makemessages` keeps these entries (it drops what no code uses) and
the catalogue test holds them translated. Each msgid is copied exactly from Wagtail
8.0's templates and code; portal/tests/test_staff_screens_polish.py checks that
Wagtail still has every one.
"""

from django.utils.translation import gettext_noop

# Wagtail's Polish `Odwiedź stronę "na żywo"` goes unescaped into a title attribute
# (wagtailadmin/shared/page_status_tag.html), where its straight quote ended the attribute.
VISIT_LIVE_PAGE = gettext_noop("Visit the live page")

# Missing from Wagtail's Polish catalogue, and shown on the staff screens (the request
# list, a request's page and form, the dashboard, the request settings): they came out
# in English, or as English around a Polish noun ("There are no zgłoszenia to display").
MISSING_FROM_WAGTAILS_POLISH = [
    # Empty lists, and lists that a search or filter empties.
    gettext_noop('There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("No %(model_name)s match your query."),
    # Filters and table cells.
    gettext_noop("any"),
    gettext_noop("(blank)"),
    gettext_noop("%(range_start)s - %(range_end)s"),
    gettext_noop("%(field_label)s:"),
    gettext_noop("%(classname)s object (%(id)s)"),
    # Forms: add, edit, and their errors.
    gettext_noop("Actions (footer)"),
    gettext_noop("Go to the first error"),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Saving will overwrite a newer version."),
    # Editing sessions: who else has the same item open, and a lost connection.
    gettext_noop("Saved"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Currently idle"),
    gettext_noop("View latest version"),
    gettext_noop("Proceeding will overwrite the changes you made in that window."),
    gettext_noop("Proceeding will overwrite the changes made by %(user_name)s."),
    gettext_noop("Alternatively, you can view the latest version in a new tab."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. "
        "Open the editor in a separate tab to view the last saved version."
    ),
    # The keyboard shortcuts dialog, on every admin page.
    gettext_noop("Application"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Add or show comments"),
    gettext_noop("Text editing"),
    gettext_noop("account"),
    gettext_noop("Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."),
    gettext_noop("Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."),
]
