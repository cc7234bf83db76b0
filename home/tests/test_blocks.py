"""Blocks editors build pages from: each explains itself, previews, and validates."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from home.blocks import BodyBlock, ImageBlock, VideoBlock
from home.tests.factories import StaffContactFactory


def test_every_block_has_a_description_and_a_preview():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.description, name
        assert block.is_previewable, name


@pytest.mark.django_db
def test_previews_render_with_sample_content():
    StaffContactFactory(name="Ewa Przykładowa")
    for name, block in BodyBlock().child_blocks.items():
        value = block.get_preview_value()
        if value is None or (hasattr(value, "values") and not any(value.values())):
            continue  # needs an uploaded document or image to show anything
        html = block.render(value)
        assert html.strip(), name
    assert "Ewa Przykładowa" in BodyBlock().child_blocks["contact_card"].render(
        BodyBlock().child_blocks["contact_card"].get_preview_value()
    )


def test_image_needs_alternative_text():
    block = ImageBlock()
    with pytest.raises(ValidationError) as error:
        block.clean({"image": None, "alt_text": "", "caption": ""})
    assert "alt_text" in str(error.value.block_errors)


@pytest.mark.django_db
def test_video_plays_from_this_site_with_polish_captions(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Document = get_document_model()
    video = Document(title="Nagranie PJM")
    video.file.save("pjm.webm", ContentFile(b"\x1aE\xdf\xa3fake-webm"), save=True)
    captions = Document(title="Napisy")
    captions.file.save("pjm.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nDzien dobry\n"), save=True)

    block = VideoBlock()
    html = block.render(
        block.to_python(
            {
                "title": "O ośrodku w PJM",
                "video": video.pk,
                "captions": captions.pk,
                "transcript": "<p>Dzień dobry.</p>",
            }
        )
    )

    assert f'src="{video.url}"' in html and 'type="video/webm"' in html
    assert '<track kind="captions"' in html and 'srclang="pl"' in html and f'src="{captions.url}"' in html
    assert "Dzień dobry." in html
    assert "https://" not in html and "http://" not in html
