"""The few StreamField blocks editors build pages from.

Kept deliberately small: each block has one job, a description in the block
picker and a preview, so an editor in a small centre needs no training.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# Headings inside a page start at h2: the page title is the only h1.
HEADING_LEVELS = [("h2", _("Heading (level 2)")), ("h3", _("Subheading (level 3)"))]
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(label=_("Level"), choices=HEADING_LEVELS, default="h2")

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A heading that starts a new part of the page.")
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Jak pracuje asystent rodziny", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Paragraphs of text with bold, links and simple lists.")
        template = "home/blocks/paragraph_block.html"
        preview_value = (
            "<p>Asystent rodziny pomaga rodzicom w codziennych sprawach: "
            "w opiece nad dziećmi, w prowadzeniu domu i w kontaktach z urzędami.</p>"
        )


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        label=_("List style"),
        choices=[("unordered", _("Bulleted list")), ("ordered", _("Numbered list"))],
        default="unordered",
    )
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=500), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("List")
        description = _("A bulleted or numbered list, one point per item.")
        template = "home/blocks/list_block.html"
        preview_value = {
            "style": "ordered",
            "items": ["Zgłaszasz się do ośrodka.", "Pracownik socjalny umawia wizytę.", "Razem ustalacie plan."],
        }


class NoticeBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Notice")
        description = _("A framed box that draws attention to something important.")
        template = "home/blocks/notice_block.html"
        preview_value = {
            "kind": "warning",
            "title": "Jeśli dziecku grozi niebezpieczeństwo",
            "text": "<p>Zadzwoń pod numer alarmowy 112.</p>",
        }


class ContactCardBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("home.StaffContact", **kwargs)

    def get_preview_value(self):
        from home.models import StaffContact

        return StaffContact.objects.first()

    class Meta:
        icon = "user"
        label = _("Contact card")
        description = _("A staff member's name, role, phone and e-mail, chosen from the contacts.")
        template = "home/blocks/contact_card_block.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        description = _("Questions that open to show their answer; works without JavaScript.")
        template = "home/blocks/faq_block.html"
        preview_value = {
            "title": "Częste pytania",
            "items": [
                {"question": "Czy pomoc asystenta jest płatna?", "answer": "<p>Nie, jest bezpłatna.</p>"},
                {"question": "Czy muszę się zgodzić?", "answer": "<p>Tak, asystent pracuje za zgodą rodziny.</p>"},
            ],
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        return {"document": get_document_model().objects.first(), "title": ""}

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        description = _("A link to download a document, with its type and size.")
        template = "home/blocks/document_link_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    def get_preview_value(self):
        from wagtail.images import get_image_model

        return {"image": get_image_model().objects.first(), "alt_text": "", "caption": ""}

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A picture with a required description for screen readers.")
        template = "home/blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    """A self-hosted video (no outside players), with captions and a transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("Video file (MP4 or WebM)"),
        required=False,
        help_text=_("Leave empty while the recording is being prepared."),
    )
    captions = DocumentChooserBlock(label=_("Captions (WebVTT file)"), required=False)
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "media"
        label = _("Video with transcript")
        description = _("A video stored on this site, with captions and a written transcript.")
        template = "home/blocks/video_block.html"
        preview_value = {
            "title": "Kim jest asystent rodziny",
            "transcript": "<p>Asystent rodziny pomaga rodzinom z dziećmi.</p>",
        }


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    list = ListBlock()
    notice = NoticeBlock()
    contact_card = ContactCardBlock()
    faq = FAQBlock()
    document = DocumentLinkBlock()
    image = ImageBlock()
    video = VideoBlock()
