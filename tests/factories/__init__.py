"""Builders of bilingual test content, for the tests and the benchmarks.

- `site`: publishing, translating, taxonomy terms, key figures; `build_site` (one page
  of each type in English and French);
- `library`: `build_library`, a library with known filters, figures and evidence;
- `search`: `build_search_site` (garden pages) and the search backends under test;
- `events`: `make_event_site` and the registration form's data.

The search fixtures (`search_backend`, `engine_index_prefix`) are made available by
tests/conftest.py, the others are shared fixtures defined there.
"""

from .events import (
    PRIVACY_VERSION,
    EventSite,
    make_event_site,
    organise,
    registration_data,
    service_data,
)
from .library import build_library
from .search import (
    ENGINE_MISSING,
    SearchBackendUnderTest,
    build_search_site,
    build_sections,
    database_backends,
    engine_backends,
    index_prefix,
)
from .site import (
    SITE_PAGES,
    add_page,
    build_home,
    build_site,
    figure,
    key_figures,
    make_locales,
    make_term,
    point_default_site_at,
    publish,
    translate,
)

__all__ = [
    "ENGINE_MISSING",
    "PRIVACY_VERSION",
    "SITE_PAGES",
    "EventSite",
    "SearchBackendUnderTest",
    "add_page",
    "build_home",
    "build_library",
    "build_search_site",
    "build_sections",
    "build_site",
    "database_backends",
    "engine_backends",
    "figure",
    "index_prefix",
    "key_figures",
    "make_event_site",
    "make_locales",
    "make_term",
    "organise",
    "point_default_site_at",
    "publish",
    "registration_data",
    "service_data",
    "translate",
]
