"""MEDIA_STORAGE=s3 puts images in one bucket and residents' photos in another, private one."""

import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import media_storages_from_env

S3 = {"MEDIA_STORAGE": "s3", "MEDIA_BUCKET": "ort-media", "PRIVATE_MEDIA_BUCKET": "ort-foton"}


@pytest.fixture
def env(monkeypatch):
    for name in (*S3, "S3_ENDPOINT_URL", "MEDIA_CUSTOM_DOMAIN"):
        monkeypatch.delenv(name, raising=False)

    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return set_env


@pytest.fixture
def storages_installed(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *args: object() if name in {"storages", "boto3"} else real(name, *args),
    )


def test_by_default_media_are_folders_and_photos_a_folder_of_their_own(env):
    storages = media_storages_from_env()
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages["private"]["OPTIONS"]["location"].name == "private"


def test_s3_uses_a_public_and_a_private_bucket(env, storages_installed):
    env(**S3, S3_ENDPOINT_URL="https://s3.example.se", MEDIA_CUSTOM_DOMAIN="media.example.se")
    storages = media_storages_from_env()
    public, private = storages["default"], storages["private"]
    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "ort-media"
    assert public["OPTIONS"]["custom_domain"] == "media.example.se"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["bucket_name"] == "ort-foton"
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["custom_domain"] is False  # never a public address for photos
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["endpoint_url"] == "https://s3.example.se"


@pytest.mark.parametrize(
    "values",
    [
        {"MEDIA_STORAGE": "s3"},
        {**S3, "PRIVATE_MEDIA_BUCKET": "ort-media"},
        {"MEDIA_STORAGE": "ftp"},
    ],
    ids=["no-buckets", "same-bucket", "unknown-kind"],
)
def test_an_incomplete_configuration_stops_the_start(env, storages_installed, values):
    env(**values)
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE"):
        media_storages_from_env()


def test_s3_without_the_library_says_what_to_install(env, monkeypatch):
    env(**S3)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    with pytest.raises(ImproperlyConfigured, match="django-storages"):
        media_storages_from_env()
