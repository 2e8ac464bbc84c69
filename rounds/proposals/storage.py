"""Where residents' photos are kept: a storage that is never served directly."""

from django.core.files.storage import storages


def private_storage():
    """The "private" storage: photos are served only through views that check visibility."""
    return storages["private"]
