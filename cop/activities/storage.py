"""Where evidence files are kept (settings.STORAGES["evidence"], PRIVATE_MEDIA_ROOT)."""

from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """A folder whose files have no URL: the evidence view is the only way to read one, so
    a template that asks for `file.url` fails loudly instead of printing a /media/
    address that looks like a way in."""

    def url(self, name):
        raise ValueError("Evidence files have no URL: link to Evidence.get_absolute_url().")
