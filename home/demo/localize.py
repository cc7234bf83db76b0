"""The demo centre in Ukrainian and English, made through wagtail-localize.

The translations live in `translations/<language>.po` beside this file: one entry per
Polish segment as wagtail-localize extracts it (msgid: the Polish text of a title, a
slug, a list item, a paragraph of rich text with its <a id="a1"> placeholders, a
snippet field; msgstr: the translation). Entries are keyed by the Polish text alone:
wagtail-localize's contexts name StreamField blocks by ids that are new in every build.

For each page and snippet this does what an editor does with an outside translator:
start the translation, download its PO file, fill it in, upload it, publish. So the
editors find the demo's translations as wagtail-localize made them: segment by segment,
marked out of date when the Polish page changes, ready for "Sync translated pages".
"""

from pathlib import Path

import polib
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

TRANSLATIONS_DIR = Path(__file__).with_name("translations")


def load_catalogue(language_code):
    """{Polish segment: translation} from the demo's PO file for `language_code`."""
    catalogue = polib.pofile(str(TRANSLATIONS_DIR / f"{language_code}.po"))
    return {
        entry.msgid: entry.msgstr
        for entry in catalogue
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def untranslated_segments(instance, catalogue):
    """The Polish segments of `instance` that the catalogue has no translation for."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return [entry.msgid for entry in source.export_po() if entry.msgid not in catalogue]


def translate(instance, locale, catalogue):
    """Translate a Polish page or snippet into `locale` from the catalogue; return the translation.

    Only call it when `untranslated_segments` is empty: every segment is then filled in.
    A page is saved as a draft; the caller publishes it (see the builder).
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = catalogue[entry.msgid]
    problems = translation.import_po(po)
    if problems:
        raise ValueError(f"{instance}: wagtail-localize did not take the translation: {problems}")
    # A page only as a draft: wagtail-localize would publish it once the whole demo's
    # transaction commits, and the builder publishes inside the transaction instead, as
    # it does every Polish page (one transaction, all or nothing). Snippets have no drafts.
    translation.save_target(publish=not isinstance(instance, Page))
    return translation
