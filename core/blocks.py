"""StreamField blocks shared by every page type (bakerydemo's base/blocks.py habit)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        preview_value = {"text": "What the SSE is", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    body = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "pick"
        template = "blocks/callout.html"
        preview_value = {"title": "Key concept", "body": "<p>Solidarity and reciprocity.</p>"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), max_length=250, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks of an ordinary content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
