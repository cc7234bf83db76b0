"""A first visit on a phone stays light: compressed HTML, long-lived static files, small modern images.

The weights and Lighthouse scores themselves are measured by `python -m bench.lighthouse`
(README, "Performance"); these tests pin the behaviour that makes them.
"""

import gzip
import io
import re

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.test import Client
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from home.tests.factories import InformationPageFactory, NewsIndexPageFactory
from home.tests.html import soup

pytestmark = pytest.mark.django_db

ACCEPTS_COMPRESSION = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}


def test_public_pages_arrive_compressed_when_the_browser_accepts_it(client, centre_settings, home_page):
    InformationPageFactory(parent=home_page, slug="asystent-rodziny", title="Asystent rodziny")
    NewsIndexPageFactory(parent=home_page)

    for path in ["/", "/asystent-rodziny/", "/aktualnosci/", "/sitemap.xml"]:
        response = client.get(path, **ACCEPTS_COMPRESSION)
        assert response.status_code == 200, path
        assert response["Content-Encoding"] == "gzip", path
        assert "Accept-Encoding" in response["Vary"], path

    page = gzip.decompress(client.get("/asystent-rodziny/", **ACCEPTS_COMPRESSION).content).decode()
    assert "<h1>Asystent rodziny</h1>" in page


def test_a_browser_that_takes_no_compression_gets_plain_html(client, home_page):
    response = client.get("/")
    assert not response.has_header("Content-Encoding")
    assert "<h1>" in response.content.decode()


def test_the_request_form_is_compressed_and_still_never_stored(client, home_page):
    from intake.tests.factories import IntakeFormPageFactory

    IntakeFormPageFactory(parent=home_page)
    response = client.get("/popros-o-pomoc/krok/kto/", **ACCEPTS_COMPRESSION)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "no-store" in response["Cache-Control"]


def test_staff_pages_are_not_compressed(client, home_page):
    # They show personal data beside text from the address (BREACH): portal/compression.py.
    response = client.get("/admin/login/", **ACCEPTS_COMPRESSION)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def test_the_icon_costs_no_request(client, home_page):
    icon = soup(client.get("/")).find("link", rel="icon")
    assert icon["href"].startswith("data:image/svg+xml,")


def _upload_image(name, size):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (11, 79, 108)).save(buffer, "PNG")
    buffer.seek(0)
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))


def test_images_come_in_modern_formats_with_their_size(client, settings, tmp_path, centre_settings, home_page):
    settings.MEDIA_ROOT = tmp_path
    centre_settings.logo = _upload_image("herb", (300, 176))
    centre_settings.save()
    photo = _upload_image("budynek", (1600, 1000))
    home_page.body = [("image", {"image": photo, "alt_text": "Wejście do ośrodka", "caption": ""})]
    home_page.save_revision().publish()

    doc = soup(client.get("/"))

    images = doc.find_all("img")
    assert len(images) == 2
    for image in images:
        # Width and height reserve the space, so nothing jumps when the picture arrives.
        assert image["width"].isdigit() and image["height"].isdigit(), image
        assert image["src"].endswith(".webp"), image
    logo, content = images
    assert not logo.has_attr("loading")  # in the header, on the first screen
    assert content["loading"] == "lazy" and content["alt"] == "Wejście do ośrodka"
    # Phones that need no more than 400 px get the 400 px copy, AVIF where the browser takes it.
    assert re.search(r"\.webp 400w", content["srcset"])
    avif = content.find_parent("picture").find("source", type="image/avif")
    assert re.search(r"\.avif 400w", avif["srcset"]) and avif["sizes"] == content["sizes"]


@pytest.fixture
def collected_static(settings, tmp_path):
    """The production static files: hashed names and compressed copies, served by WhiteNoise."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    # The site's own files are enough here; Wagtail's admin files would take far longer.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    # A new client builds its middleware now, so WhiteNoise reads the settings above.
    return Client()


def test_static_files_are_kept_by_the_browser_for_a_year_and_sent_compressed(collected_static, home_page):
    page = soup(collected_static.get("/"))
    stylesheet, script = page.find("link", rel="stylesheet")["href"], page.find("script")["src"]
    assert stylesheet == staticfiles_storage.url("css/site.css") != "/static/css/site.css"

    for url in (stylesheet, script):
        response = collected_static.get(url, **ACCEPTS_COMPRESSION)
        assert response.status_code == 200, url
        # The name changes with the content, so a returning visitor never asks again.
        assert "immutable" in response["Cache-Control"], url
        max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 3600, url
        assert response["Content-Encoding"] in {"gzip", "br"}, url
        response.close()
