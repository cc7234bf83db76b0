"""Creates the demo centre described in `home.demo.content`, safely and repeatably.

Running it again changes nothing: every object is looked up first and an existing
one is left exactly as it is, so editors who tried the demo keep their changes and
no page gets a new revision. Everything runs in one transaction: a mistake in the
content leaves the database as it was, never half a site.
"""

import enum
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home.demo import content, localize
from home.models import CentreProfile, CentreSettings, EmergencyNumber, StaffContact

DEMO_ADMIN_USERNAME = "admin"
# Printed on screen and written in this file: the reason the command refuses to
# run unless DEMO_CONTENT_ALLOWED is set.
DEMO_ADMIN_PASSWORD = "demo-gops-2026"
DEMO_ADMIN_EMAIL = "admin@gops.example.pl"

DEFAULT_LANGUAGE_CODE = "pl"
DEFAULT_SITE_HOSTNAME = "localhost"
DEFAULT_SITE_PORT = 80
# Search engines cut meta descriptions at about this length.
META_DESCRIPTION_MAX_LENGTH = 160
# Wagtail's starter page is slugged "home" too; it is renamed out of the way
# for the moment between creating our home page and deleting it.
WELCOME_PAGE_TEMPORARY_SLUG = "wagtail-welcome-page-being-replaced"
# A link from one demo page to another, as content.py writes it: <a href="/kontakt/">.
PAGE_PATH_LINK = re.compile(r'<a href="(/[^"]*)">')


class DemoContentError(Exception):
    """The demo content itself is wrong (a bug in content.py), not the database."""


class AdminAccount(enum.Enum):
    CREATED = "created"
    EXISTS_WITH_DEMO_PASSWORD = "exists_with_demo_password"
    EXISTS_PASSWORD_CHANGED = "exists_password_changed"
    OTHER_SUPERUSER_EXISTS = "other_superuser_exists"
    USERNAME_TAKEN = "username_taken"


@dataclass
class Tally:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)


@dataclass
class BuildReport:
    pages: Tally = field(default_factory=Tally)
    emergency_numbers: Tally = field(default_factory=Tally)
    staff_contacts: Tally = field(default_factory=Tally)
    localities: Tally = field(default_factory=Tally)
    staff_accounts: Tally = field(default_factory=Tally)
    requests: Tally = field(default_factory=Tally)
    translations: Tally = field(default_factory=Tally)
    settings_written: bool = False
    welcome_page_removed: bool = False
    admin_account: AdminAccount | None = None
    warnings: list = field(default_factory=list)


def build_demo_content(with_requests=True):
    """Create whatever part of the demo centre is missing; return what was done."""
    with transaction.atomic():
        return _Builder(with_requests).run()


class _Builder:
    def __init__(self, with_requests=True):
        self.with_requests = with_requests
        self.report = BuildReport()
        # Pages made in this run, in creation order, with their specs: published at
        # the end, once the pages their links point to exist.
        self.new_pages = []

    def run(self):
        locale, _ = Locale.objects.get_or_create(language_code=DEFAULT_LANGUAGE_CODE)
        staff = self._ensure_staff_contacts()
        self._ensure_emergency_numbers()
        self._ensure_localities()

        root = Page.get_first_root_node()
        welcome = self._find_welcome_page(root)
        home = self._ensure_home_page(root, locale, welcome)
        if home is not None:
            site = self._ensure_default_site(home, welcome)
            if welcome is not None:
                self._remove_welcome_page(welcome)
            for spec in content.HOME["children"]:
                self._ensure_page_tree(home, "/", spec, staff)
            self._publish_new_pages(home)
            self._ensure_centre_settings(site, home)
            self._ensure_translations(site, home, staff)

        self.report.admin_account = self._ensure_admin_account()
        self._ensure_staff_accounts()
        if self.with_requests:
            # After the staff accounts: the requests are assigned to the demo social workers.
            from home.demo.requests import ensure_demo_requests

            self.report.warnings += ensure_demo_requests(self.report.requests)
        return self.report

    # --- snippets -------------------------------------------------------------

    def _ensure_staff_contacts(self):
        by_key = {}
        for data in content.STAFF_CONTACTS:
            values = {k: v for k, v in data.items() if k != "key"}
            contact = StaffContact.objects.filter(locale=Locale.get_default(), name=values["name"]).first()
            if contact is None:
                contact = StaffContact(**values)
                contact.full_clean()
                contact.save()
                self.report.staff_contacts.created.append(contact.name)
            else:
                self.report.staff_contacts.existing.append(contact.name)
            by_key[data["key"]] = contact
        return by_key

    def _ensure_emergency_numbers(self):
        for data in content.EMERGENCY_NUMBERS:
            number = EmergencyNumber.objects.filter(locale=Locale.get_default(), number=data["number"]).first()
            if number is None:
                number = EmergencyNumber(last_checked=content.EMERGENCY_NUMBERS_CHECKED, **data)
                number.full_clean()
                number.save()
                self.report.emergency_numbers.created.append(number.number)
            else:
                self.report.emergency_numbers.existing.append(number.number)

    def _ensure_localities(self):
        from intake.models import Locality

        for order, name in enumerate(content.LOCALITIES):
            _locality, created = Locality.objects.get_or_create(name=name, defaults={"sort_order": order})
            (self.report.localities.created if created else self.report.localities.existing).append(name)

    def _ensure_staff_accounts(self):
        """Demo staff for each role; an existing account is left as it is."""
        from django.contrib.auth.models import Group

        from intake.models import Locality, SocialWorkerProfile

        user_model = get_user_model()
        for username, first_name, last_name, group_name, localities in content.STAFF_ACCOUNTS:
            if user_model.objects.filter(username=username).exists():
                self.report.staff_accounts.existing.append(username)
                continue
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@gops.example.pl",
                password=DEMO_ADMIN_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=group_name))
            if localities:
                profile = SocialWorkerProfile.objects.create(user=user)
                profile.localities.set(Locality.objects.filter(name__in=localities))
            self.report.staff_accounts.created.append(username)

    # --- the home page and the site ---------------------------------------------

    def _find_welcome_page(self, root):
        # Only Wagtail's own starter page is a plain `Page` at the top of the tree
        # (editors cannot create that type), so this never catches a real page.
        for child in root.get_children():
            if child.specific_class is Page and child.numchild == 0:
                return child
        return None

    def _ensure_home_page(self, root, locale, welcome):
        spec = content.HOME
        candidates = root.get_children().filter(slug=spec["slug"])
        if welcome is not None:
            candidates = candidates.not_page(welcome)
        existing = candidates.first()
        if existing is not None:
            return self._use_existing(existing, spec, "/")
        if welcome is not None and welcome.slug == spec["slug"]:
            # update() rather than save(): the page is about to go, it needs no revision.
            Page.objects.filter(pk=welcome.pk).update(slug=WELCOME_PAGE_TEMPORARY_SLUG)
        return self._create_page(root, "/", spec, staff={}, locale=locale)

    def _ensure_default_site(self, home, welcome):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.filter(hostname=DEFAULT_SITE_HOSTNAME, port=DEFAULT_SITE_PORT).first()
        if site is None:
            return Site.objects.create(
                hostname=DEFAULT_SITE_HOSTNAME,
                port=DEFAULT_SITE_PORT,
                is_default_site=True,
                root_page=home,
                site_name=content.CENTRE_PROFILE["short_name"],
            )
        home_is_new = any(page.pk == home.pk for page, _ in self.new_pages)
        points_at_welcome = welcome is not None and site.root_page_id == welcome.pk
        # Move the site only onto a home page we have just made, or off the starter
        # page: if an editor pointed the site somewhere else, that choice stays.
        if site.root_page_id != home.pk and (home_is_new or points_at_welcome):
            site.root_page = home
            site.is_default_site = True
            site.site_name = site.site_name or content.CENTRE_PROFILE["short_name"]
            site.save()
        return site

    def _remove_welcome_page(self, welcome):
        # A site rooted at a page is deleted with it (CASCADE), so keep the page if
        # any site still uses it.
        if Site.objects.filter(root_page_id=welcome.pk).exists():
            self.report.warnings.append(
                f"Nie usunięto strony powitalnej Wagtaila (id {welcome.pk}): korzysta z niej inna witryna."
            )
            return
        welcome.delete()
        self.report.welcome_page_removed = True

    # --- pages --------------------------------------------------------------------

    def _ensure_page_tree(self, parent, parent_path, spec, staff):
        existing = parent.get_children().filter(slug=spec["slug"]).first()
        if existing is not None:
            page = self._use_existing(existing, spec, parent_path)
        else:
            page = self._create_page(parent, parent_path, spec, staff)
        if page is None:
            return
        path = f"{parent_path}{spec['slug']}/"
        for child_spec in spec.get("children", []):
            self._ensure_page_tree(page, path, child_spec, staff)

    def _use_existing(self, page, spec, parent_path):
        """Leave an existing page untouched; refuse to build under a page of another type."""
        path = self._url(parent_path, spec)
        self.report.pages.existing.append(path)
        page = page.specific
        if type(page) is not self._model(spec):
            self.report.warnings.append(
                f"{path}: istnieje strona innego typu ({type(page).__name__}); pominięto ją i jej podstrony."
            )
            return None
        return page

    def _create_page(self, parent, parent_path, spec, staff, locale=None):
        model = self._model(spec)
        path = self._url(parent_path, spec)
        self._check_spec(model, spec, path)
        page = model(
            title=spec["title"],
            slug=spec["slug"],
            show_in_menus=spec.get("show_in_menus", False),
            # Published once, at the end, like an editor pressing "Publish": that
            # gives each page exactly one revision.
            live=False,
            **spec.get("fields", {}),
        )
        if locale is not None:
            page.locale = locale
        if "body" in spec:
            page.body = self._stream_value(model, spec["body"], staff, path)
        parent.add_child(instance=page)
        self.new_pages.append((page, spec))
        self.report.pages.created.append(path)
        return page

    def _publish_new_pages(self, home):
        for page, spec in self.new_pages:
            # Re-read: adding children changed the tree columns (numchild) in the
            # database, and publishing a stale copy would write the old values back.
            page = type(page).objects.get(pk=page.pk)
            for field_name, target_path in spec.get("links", {}).items():
                setattr(page, field_name, self._page_at(home, target_path))
            self._link_pages(page, home)
            page.save_revision().publish()

    def _link_pages(self, page, home):
        """Turn content.py's links to demo pages into Wagtail page links, as the editor's link chooser makes them.

        A page link is shown as the linked page in the language of the page being read,
        so each language version of a page links within its own language.
        """

        def as_page_link(match):
            target = self._page_at(home, match.group(1)) if match.group(1) != "/" else home
            return f'<a linktype="page" id="{target.pk}">' if target is not None else match.group(0)

        def rewrite(value):
            if isinstance(value, str):
                return PAGE_PATH_LINK.sub(as_page_link, value)
            if isinstance(value, list):
                return [rewrite(item) for item in value]
            if isinstance(value, dict):
                return {key: rewrite(item) for key, item in value.items()}
            return value

        for model_field in page._meta.get_fields():
            if isinstance(model_field, RichTextField):
                setattr(page, model_field.name, rewrite(getattr(page, model_field.name)))
            elif isinstance(model_field, StreamField):
                raw = model_field.stream_block.get_prep_value(getattr(page, model_field.name))
                setattr(page, model_field.name, rewrite(raw))

    def _stream_value(self, model, blocks, staff, path):
        """Turn content.py's plain values into block values, and validate them as the editor would."""
        stream_block = model._meta.get_field("body").stream_block
        value = [(block_type, self._block_value(block_type, data, staff, path)) for block_type, data in blocks]
        try:
            stream_block.clean(StreamValue(stream_block, value))
        except ValidationError as exc:
            # Wagtail's block errors say which block failed and why; the plain
            # message only says "Validation error in StreamBlock".
            details = exc.as_json_data() if hasattr(exc, "as_json_data") else exc.messages
            raise DemoContentError(f"{path}: invalid body: {details}") from exc
        return value

    @staticmethod
    def _block_value(block_type, data, staff, path):
        if block_type == "paragraph":
            return RichText(data)
        if block_type == "notice":
            return {**data, "text": RichText(data["text"])}
        if block_type == "faq":
            items = [{**item, "answer": RichText(item["answer"])} for item in data["items"]]
            return {**data, "items": items}
        if block_type == "video":
            return {"video": None, "captions": None, **data, "transcript": RichText(data["transcript"])}
        if block_type == "contact_card":
            try:
                return staff[data]
            except KeyError:
                raise DemoContentError(f"{path}: unknown staff contact {data!r}") from None
        return data

    @staticmethod
    def _check_spec(model, spec, path):
        fields = spec.get("fields", {})
        description = fields.get("search_description", "")
        if len(description) > META_DESCRIPTION_MAX_LENGTH:
            raise DemoContentError(
                f"{path}: search_description has {len(description)} characters, "
                f"at most {META_DESCRIPTION_MAX_LENGTH} allowed"
            )
        # Public pages (those with an intro field) need both: the intro shows under
        # the title and in lists, the description in search results.
        has_intro_field = any(f.name == "intro" for f in model._meta.get_fields())
        if has_intro_field and not (description and fields.get("intro")):
            raise DemoContentError(f"{path}: search_description and intro are both required")

    @staticmethod
    def _model(spec):
        app_label, _dot, model_name = spec["model"].rpartition(".")
        return apps.get_model(app_label or "home", model_name)

    @staticmethod
    def _url(parent_path, spec):
        return "/" if spec is content.HOME else f"{parent_path}{spec['slug']}/"

    @staticmethod
    def _page_at(home, path):
        """The page at `path` ("a/b") below home, or None if someone removed it."""
        page = home
        for slug in path.strip("/").split("/"):
            page = page.get_children().filter(slug=slug).first()
            if page is None:
                return None
        return page

    # --- centre details -------------------------------------------------------------

    def _ensure_centre_settings(self, site, home):
        # Written once: while the site has no Polish profile nobody has filled the
        # centre's details in. After that (by us or by an editor) they belong to the
        # editors and a second run must not overwrite them.
        if CentreProfile.objects.filter(site=site, locale__language_code=settings.LANGUAGE_CODE).exists():
            return
        CentreProfile.objects.create(site=site, locale=Locale.get_default(), **content.CENTRE_PROFILE)
        centre = CentreSettings.for_site(site)
        for field_name, value in content.CENTRE.items():
            setattr(centre, field_name, value)
        for field_name, path in content.SETTINGS_PAGE_LINKS.items():
            setattr(centre, field_name, self._page_at(home, path))
        centre.full_clean()
        centre.save()
        self.report.settings_written = True

    # --- the other languages ---------------------------------------------------------

    def _ensure_translations(self, site, home, staff):
        """The snippets, the centre's name and hours and content.TRANSLATED_PAGES in each other language."""
        default = Locale.get_default()
        numbers = EmergencyNumber.objects.filter(
            locale=default, number__in=[data["number"] for data in content.EMERGENCY_NUMBERS]
        ).order_by("sort_order")
        profile = CentreProfile.objects.filter(site=site, locale=default).first()
        snippets = [*staff.values(), *numbers, *([profile] if profile else [])]
        for language_code in content.TRANSLATION_LANGUAGES:
            locale, _ = Locale.objects.get_or_create(language_code=language_code)
            catalogue = localize.load_catalogue(language_code)
            # Snippets first: a translated page's contact cards then choose the contact
            # in the page's language, and the frame finds the numbers and hours.
            for snippet in snippets:
                self._translate(snippet, str(snippet), locale, catalogue)
            # Parents before children (content.TRANSLATED_PAGES keeps that order).
            for path in content.TRANSLATED_PAGES:
                # Read from the database: wagtail-localize takes the page as it is stored,
                # and the home page object in hand predates its publication.
                page = self._page_at(home, path) if path else Page.objects.get(pk=home.pk)
                if page is not None:
                    self._translate(page.specific, f"/{path}/" if path else "/", locale, catalogue)

    def _translate(self, instance, label, locale, catalogue):
        name = f"{locale.language_code} {label}"
        # A translation that exists is the editors' (or an earlier run's): left as it is.
        if instance.get_translation_or_none(locale) is not None:
            self.report.translations.existing.append(name)
            return
        parent = instance.get_parent() if isinstance(instance, Page) else None
        if parent is not None and not parent.is_root() and parent.get_translation_or_none(locale) is None:
            # wagtail-localize would copy the Polish parent untranslated into this language.
            self.report.warnings.append(f"{name}: strona nadrzędna nie ma tłumaczenia; pominięto.")
            return
        missing = localize.untranslated_segments(instance, catalogue)
        if missing:
            # The Polish text is not the demo's any more (an editor changed it): the
            # catalogue cannot translate it, and half a translation helps nobody.
            self.report.warnings.append(
                f"{name}: tekst polski się zmienił, brak tłumaczenia (np. „{missing[0][:60]}”); pominięto."
            )
            return
        translation = localize.translate(instance, locale, catalogue)
        if isinstance(instance, Page) and instance.live:
            translation.get_target_instance().get_latest_revision().publish()
        self.report.translations.created.append(name)

    # --- the admin account ------------------------------------------------------------

    @staticmethod
    def _ensure_admin_account():
        user_model = get_user_model()
        username_field = user_model.USERNAME_FIELD
        admin = user_model.objects.filter(**{username_field: DEMO_ADMIN_USERNAME}).first()
        if not user_model.objects.filter(is_superuser=True).exists():
            if admin is not None:
                # An ordinary account already uses the name: promoting it and
                # resetting its password would be a surprise, so leave it.
                return AdminAccount.USERNAME_TAKEN
            user_model.objects.create_superuser(
                **{username_field: DEMO_ADMIN_USERNAME}, email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD
            )
            return AdminAccount.CREATED
        if admin is None or not admin.is_superuser:
            return AdminAccount.OTHER_SUPERUSER_EXISTS
        if admin.check_password(DEMO_ADMIN_PASSWORD):
            return AdminAccount.EXISTS_WITH_DEMO_PASSWORD
        return AdminAccount.EXISTS_PASSWORD_CHANGED
