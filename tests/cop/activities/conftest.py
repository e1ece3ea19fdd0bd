"""Evidence files go to a temporary folder for each test, never to PRIVATE_MEDIA_ROOT."""

import pytest

from cop.activities.models import Evidence
from cop.activities.storage import PrivateStorage


@pytest.fixture(autouse=True)
def evidence_storage(settings, tmp_path, monkeypatch):
    """settings.STORAGES["evidence"] pointed at tmp_path, and the field's storage too: a
    FileField resolves its callable storage once, when the model class is made, so the
    setting alone would not move where the files go. Returns the folder."""
    location = tmp_path / "evidence"
    options = {"location": location, "base_url": None}
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "cop.activities.storage.PrivateStorage", "OPTIONS": options},
    }
    monkeypatch.setattr(Evidence._meta.get_field("file"), "storage", PrivateStorage(**options))
    return location
