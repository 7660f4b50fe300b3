import os

import pytest
from django.conf import settings

from tests.search_support import (  # noqa: F401 - fixtures of the search tests
    ENGINE_MISSING,
    engine_index_prefix,
    search_backend,
)


def pytest_configure(config):
    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("CI") == "true" and "postgresql" not in engine:
        pytest.exit(
            "The suite runs on PostgreSQL: run `make test`, which starts a private "
            "server, or set DATABASE_URL=postgres://user:password@host:port/name.",
            returncode=2,
        )
    if os.environ.get("CI") == "true" and not os.environ.get("ELASTICSEARCH_URL"):
        pytest.exit(ENGINE_MISSING, returncode=2)


@pytest.fixture
def locales(db):
    from tests.factories import make_locales

    return make_locales()


@pytest.fixture
def site_tree(locales):
    from tests.factories import build_site

    return build_site()
