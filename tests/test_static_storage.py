"""Production's static files storage (hub.staticfiles): WhiteNoise's manifest names,
each URL kept in the process; and the fragments' code version, which follows the
manifest so that no stored fragment names a static file a deploy has removed."""

import json

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from hub.fragments import code_version
from hub.staticfiles import StaticFilesStorage


def write_manifest(root, paths):
    (root / "staticfiles.json").write_text(
        json.dumps({"paths": paths, "version": "1.1", "hash": "x"})
    )


def production_storage(root):
    return override_settings(
        STATIC_ROOT=str(root),
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "hub.staticfiles.StaticFilesStorage"},
        },
    )


def test_each_url_is_the_manifest_storages_and_is_kept(tmp_path):
    write_manifest(tmp_path, {"css/hub.css": "css/hub.0123456789ab.css"})
    with production_storage(tmp_path):
        storage = StaticFilesStorage()
        reference = CompressedManifestStaticFilesStorage()
        for _ in range(2):
            assert storage.url("css/hub.css") == reference.url("css/hub.css")
            assert storage.url("css/hub.css") == "/static/css/hub.0123456789ab.css"
        assert storage._urls == {"css/hub.css": "/static/css/hub.0123456789ab.css"}
        # A name missing from the manifest is an error, as WhiteNoise's, never kept.
        with pytest.raises(ValueError):
            storage.url("css/missing.css")
        assert "css/missing.css" not in storage._urls
        # With DEBUG on, the unhashed name, even after the hashed one was kept.
        with override_settings(DEBUG=True):
            assert storage.url("css/hub.css") == "/static/css/hub.css"
        assert storage.url("css/hub.css") == "/static/css/hub.0123456789ab.css"


def test_the_fragments_code_version_follows_the_static_manifest(tmp_path):
    """Two deploys: each process starts with the manifest its image was built with."""
    versions = []
    for hashed in ("img/logo.111111111111.svg", "img/logo.222222222222.svg"):
        write_manifest(tmp_path, {"img/logo.svg": hashed})
        with production_storage(tmp_path):
            code_version.cache_clear()
            assert staticfiles_storage.url("img/logo.svg") == f"/static/{hashed}"
            versions.append(code_version())
    code_version.cache_clear()
    assert versions[0] != versions[1]
    assert code_version() not in versions  # no manifest under the test settings
