"""Create-if-missing helpers: every demo object is found by a natural key before it is made."""

from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.utils.file import hash_filelike

from home.models import PortalImage

from .images import landscape


def ensure_page(parent, model, slug, **fields):
    """The `model` page with `slug` under `parent`; created and published only when missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    tags = fields.pop("tags", ())
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_image(title, description, seed, scene):
    """A generated landscape stored as a PortalImage, found again by its title."""
    image = PortalImage.objects.filter(title=title).first()
    if image is not None:
        return image
    data = landscape(seed, scene)
    image = PortalImage(
        title=title,
        description=description,
        file=ImageFile(BytesIO(data), name=f"{seed}.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image
