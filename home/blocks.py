"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Rubrik")
        template = "blocks/heading_block.html"
        help_text = _("En mellanrubrik (nivå 2). Håll den kort.")


class ImageBlock(blocks.StructBlock):
    """An image with an optional caption; the alt text is the image's required description."""

    image = ImageChooserBlock(label=_("Bild"))
    caption = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Bildtext"),
        help_text=_("Visas under bilden. Alternativtexten anges på själva bilden."),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label=_("Rubrik"))
    value = blocks.CharBlock(max_length=255, label=_("Värde"))


class FactsBlock(blocks.StructBlock):
    """Short facts about a place, shown as a description list."""

    heading = blocks.CharBlock(
        required=False, max_length=120, label=_("Rubrik"), default=_("Fakta")
    )
    facts = blocks.ListBlock(FactBlock(), label=_("Fakta"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Faktaruta")
        template = "blocks/facts_block.html"


class ContactBlock(blocks.StructBlock):
    """A person or function residents can contact. Shown publicly."""

    name = blocks.CharBlock(max_length=120, label=_("Namn eller funktion"))
    role = blocks.CharBlock(required=False, max_length=120, label=_("Roll"))
    email = blocks.EmailBlock(required=False, label=_("E-post"))
    phone = blocks.CharBlock(required=False, max_length=40, label=_("Telefon"))

    class Meta:
        icon = "user"
        label = _("Kontakt")
        template = "blocks/contact_block.html"
        help_text = _(
            "Ange bara kontaktuppgifter som får vara offentliga, t.ex. en funktionsadress."
        )


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), template="blocks/text_block.html"
    )
    image = ImageBlock()
    facts = FactsBlock()
    contact = ContactBlock()

    class Meta:
        required = False
