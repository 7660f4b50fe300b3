"""The shared page cache, on a gunicorn server of 3 worker processes and the test run's
Redis: anonymous pages come from the cache; every change a page shows reaches the next
reader at once, whichever worker answers; what must never be cached never is."""

import http.client
import os
from urllib.parse import urlsplit

import pytest
from django.db import connection
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import TranslationSource

from hub.events import services
from hub.glossary.models import GlossaryTerm
from hub.pages.models import Theme
from tests.factories import build_site, publish, service_data
from tests.server import gunicorn, production_env, served_database_url


class Reader:
    """GETs over one kept-alive connection (so successive requests may reach any
    worker), without following redirects."""

    def __init__(self, base):
        self.connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=30)

    def get(self, path, cookie=None):
        headers = {"Host": "localhost"}
        if cookie:
            headers["Cookie"] = cookie
        self.connection.request("GET", path, headers=headers)
        response = self.connection.getresponse()
        return response.status, response, response.read().decode()


def cached_twice(reader, path):
    """GET `path` twice: the second answer is the stored one."""
    reader.get(path)
    status, response, body = reader.get(path)
    assert status == 200, path
    assert response.getheader("X-Hub-Cache") == "hit", path
    return body


def after_change(reader, path):
    """The first answer after a change has committed: already the new one, so no
    reader sees the old page once the change is saved (within 1 s: at once). The
    time is not asserted: a render alone can take a second on a loaded machine."""
    status, response, body = reader.get(path)
    assert response.getheader("X-Hub-Cache") != "hit", path
    return status, body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pages_are_cached_and_every_change_reaches_the_next_reader():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL (make test starts a Redis; CI requires one)")
    if "postgresql" not in connection.settings_dict["ENGINE"]:
        pytest.skip("the multi-process server runs on PostgreSQL")
    tree = build_site()
    en, fr = tree["en"], tree["fr"]
    env = production_env(
        served_database_url(), ELASTICSEARCH_URL="", HUB_PAGE_CACHE_SECONDS="300"
    )
    with gunicorn(env, workers=3) as base:
        reader = Reader(base)

        # Publish: the page and the listing that shows it.
        cached_twice(reader, en["case_study"].url)
        assert "Case study" in cached_twice(reader, en["library"].url)
        en["case_study"].title = "Renamed study"
        publish(en["case_study"])
        assert "Renamed study" in after_change(reader, en["case_study"].url)[1]
        assert "Renamed study" in after_change(reader, en["library"].url)[1]

        # Translation sync (wagtail-localize): the French page takes the new source.
        cached_twice(reader, fr["case_study"].url)
        source, _created = TranslationSource.get_or_create_from_instance(
            en["case_study"]
        )
        source.create_or_update_translation(
            Locale.objects.get(language_code="fr"), publish=True, fallback=True
        )
        assert "Renamed study" in after_change(reader, fr["case_study"].url)[1]

        # A taxonomy term renamed (a snippet: the glossary's are saved the same way).
        assert "Employment" in cached_twice(reader, en["case_study"].url)
        theme = Theme.objects.get(slug="employment", locale__language_code="en")
        theme.name = "Jobs and skills"
        theme.save()
        assert "Jobs and skills" in after_change(reader, en["case_study"].url)[1]

        # A glossary term added, then its definition edited: the first use of the
        # word on the page is explained, with the new definition on the next render.
        term = GlossaryTerm.objects.create(
            term="Context",
            definition="What the project started from.",
            locale=Locale.objects.get(language_code="en"),
        )
        assert (
            "What the project started from."
            in after_change(reader, en["case_study"].url)[1]
        )
        cached_twice(reader, en["case_study"].url)
        term.definition = "Where the project stood before it began."
        term.save()
        body = after_change(reader, en["case_study"].url)[1]
        assert "Where the project stood before it began." in body
        assert "What the project started from." not in body

        # A registration: the event page's places left.
        assert "10 places left" in cached_twice(reader, en["event"].url)
        services.register_for_event(en["event"], service_data(email="a@example.org"))
        assert "9 places left" in after_change(reader, en["event"].url)[1]

        # A view restriction: the page is no longer served, nor listed.
        assert "Guide" in cached_twice(reader, en["guides"].url)
        cached_twice(reader, en["guide"].url)
        restriction = PageViewRestriction.objects.create(
            page=en["guide"], restriction_type="password", password="secret"
        )
        status, body = after_change(reader, en["guide"].url)
        assert 'name="password"' in body  # Wagtail's password form, not the guide
        listing = after_change(reader, en["guides"].url)[1]
        assert 'href="' + en["guide"].url not in listing
        # Asked again, the form is never the stored answer.
        assert reader.get(en["guide"].url)[1].getheader("X-Hub-Cache") is None
        restriction.delete()
        assert after_change(reader, en["guide"].url)[0] == 200

        # Unpublish.
        cached_twice(reader, en["report"].url)
        en["report"].unpublish()
        assert after_change(reader, en["report"].url)[0] == 404

        # Move: the old address goes, the new one answers.
        old_url = en["about"].url
        cached_twice(reader, old_url)
        en["about"].move(en["events"], pos="last-child")
        en["about"].refresh_from_db()
        # Wagtail leaves a redirect at the old address (its redirects app).
        status, _response, _body = reader.get(old_url)
        assert status in (301, 404), status
        assert reader.get(en["about"].url)[0] == 200

        # Delete.
        guide_url = en["guide"].url
        cached_twice(reader, guide_url)
        en["guide"].delete()
        assert after_change(reader, guide_url)[0] == 404

        # Never cached: a form with a CSRF token, a reader with a session or with
        # messages waiting.
        register = en["event"].url + "register/"
        for _ in range(2):
            status, response, body = reader.get(register)
            assert status == 200
            assert response.getheader("X-Hub-Cache") is None
            assert "csrfmiddlewaretoken" in body
        home = en["home"].url
        cached_twice(reader, home)
        for cookie in ("sessionid=abc", "messages=abc"):
            status, response, _body = reader.get(home, cookie=cookie)
            assert status == 200
            assert response.getheader("X-Hub-Cache") is None
        # Outside the language prefixes (admin, API, documents): never.
        status, response, _body = reader.get("/admin/login/")
        assert response.getheader("X-Hub-Cache") is None


@pytest.mark.django_db
def test_a_lost_generation_never_brings_an_old_page_back(client, settings):
    """The generation is a random token: if the cache loses it (evicted, flushed), the
    pages stored under it are never served again, even when the same page text is."""
    from django.core.cache import cache

    from hub.cache import GENERATION_KEY
    from tests.factories import build_home

    settings.HUB_PAGE_CACHE_SECONDS = 300
    cache.clear()
    url = build_home()["en"].url
    client.get(url)
    assert client.get(url)["X-Hub-Cache"] == "hit"
    cache.delete(GENERATION_KEY)
    assert client.get(url)["X-Hub-Cache"] == "miss"
    assert client.get(url)["X-Hub-Cache"] == "hit"
    # Credentials in the request: neither served from the cache nor stored.
    response = client.get(url, HTTP_AUTHORIZATION="Basic eDp5")
    assert "X-Hub-Cache" not in response
