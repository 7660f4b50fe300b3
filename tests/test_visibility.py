"""Private stays private: one rule decides what the public sees, on every surface, at
once, on every worker.

The demo site is served by gunicorn with three worker processes (production settings,
the per-process cache they have without REDIS_URL). Every surface is read once, so
that each worker holds whatever it keeps between requests; then pages are hidden in
both languages in each way Wagtail allows:

- a password restriction (an upcoming event, listed on the home page and in calendars);
- a login restriction (a case study: its actions are hidden by a restricted ancestor);
- a group restriction (a good-practice guide);
- unpublished (an evaluation report that case studies and guides cite);

and every public surface is read again at once: no page may show a hidden page's
address, in HTML, JSON-LD, feeds, calendars, exports, search, suggestions, the
sitemap or the API. Expected answers come from Wagtail's own rule
(`PageQuerySet.live().public()`), not from the hub's code.
"""

import http.client
import json
import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from hub.events.models import EventIndexPage, EventPage
from hub.practices.models import (
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
    LibraryIndexPage,
)
from hub.site.feeds import KINDS as FEED_KINDS
from tests.server import gunicorn, production_env, served_database_url

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ("en", "fr")


class Reader:
    """GETs from the server as an anonymous reader: (status, content type, text)."""

    def __init__(self, base):
        self.netloc = urlsplit(base).netloc

    def get(self, path, params=None):
        if params:
            path = f"{path}?{urlencode(params, doseq=True)}"
        connection = http.client.HTTPConnection(self.netloc, timeout=30)
        try:
            connection.request("GET", path, headers={"Host": "localhost"})
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            return response.status, response.getheader("Content-Type", ""), body
        finally:
            connection.close()


def pairs(model, **filters):
    """The first English page of `model` and its French translation."""
    page = model.objects.filter(locale__language_code="en", **filters).first()
    assert page is not None, model
    return both_languages(page)


def both_languages(page):
    return [page, page.get_translation(Locale.objects.get(language_code="fr")).specific]


def hide(kind, pages):
    for page in pages:
        if kind == "unpublished":
            page.unpublish()
            continue
        restriction = PageViewRestriction.objects.create(
            page=page,
            restriction_type=kind,
            password="secret" if kind == "password" else "",
        )
        if kind == "groups":
            restriction.groups.set([Group.objects.get_or_create(name="Members")[0]])


def public_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific()


def surfaces(pages):
    """(path, params) of every public surface, in both languages."""
    found = [("/sitemap.xml", None)]
    offset = 0
    for language in LANGUAGES:
        found += [
            (f"/{language}/feeds/{kind}/{atom}", None)
            for kind in FEED_KINDS
            for atom in ("", "atom/")
        ]
    for page in pages:
        found.append((page.url, None))
        found.append((f"/api/v2/pages/{page.pk}/", None))
        if isinstance(page, EventPage):
            found.append((f"{page.url}event.ics", None))
        if isinstance(page, EventIndexPage):
            found.append((f"{page.url}calendar.ics", None))
        if isinstance(page, LibraryIndexPage):
            found += [
                (page.url, {"format": "csv"}),
                (page.url, {"format": "json"}),
            ]
    for offset in range(0, len(pages) + 20, 20):
        found.append(("/api/v2/pages/", {"offset": offset, "fields": "*"}))
    return found


def leaks_in(reader, paths, markers):
    """[(surface, hidden page)] for every surface that shows a hidden page's address."""
    leaks = []
    for path, params in paths:
        status, _type, body = reader.get(path, params)
        assert status < 500, (path, params, status)
        for marker, label in markers.items():
            if marker in body:
                leaks.append((f"{path} {params or ''}".strip(), label))
    return leaks


def test_hidden_pages_leave_every_public_surface_at_once_on_every_worker(demo_content):
    upcoming = EventPage.objects.filter(
        locale__language_code="en", start__gt=timezone.now()
    ).order_by("start")
    # A case study that a public event names (its page, JSON-LD and API entry).
    cited = next(e.related_case_study for e in upcoming[1:] if e.related_case_study)
    targets = {
        "password": both_languages(upcoming[0]),
        "login": both_languages(cited.specific),
        "groups": pairs(GoodPracticeGuidePage),
        "unpublished": pairs(EvaluationReportPage),
    }
    env = production_env(served_database_url(), ELASTICSEARCH_URL="", REDIS_URL="")
    with gunicorn(env, workers=3) as base:
        reader = Reader(base)
        before = list(public_pages())
        paths = surfaces(before)
        # Three reads of every surface: each worker has seen each of them.
        for _ in range(3):
            leaks_in(reader, paths, {})

        for kind, pages in targets.items():
            hide(kind, pages)
        visible = {page.pk for page in public_pages()}
        hidden = [page for page in before if page.pk not in visible]
        # The case study's actions are hidden with it.
        assert len(hidden) > 2 * len(targets)
        markers = {page.url: f"{page.pk} {page.url}" for page in hidden}

        public = [page for page in before if page.pk in visible]
        leaks = leaks_in(reader, surfaces(public), markers)

        # Search, suggestions and the library's compare, with the hidden pages' own
        # words and ids.
        for page in hidden:
            language = page.locale.language_code
            words = " ".join(re.findall(r"\w+", page.title)[:4])
            for params in ({"q": words}, {"q": words, "format": "json"}):
                leaks += leaks_in(reader, [(f"/{language}/search/", params)], markers)
            leaks += leaks_in(
                reader,
                [(f"/{language}/search/suggest/", {"q": words[:5]})],
                markers,
            )
        library = LibraryIndexPage.objects.filter(locale__language_code="en").first()
        hidden_ids = ",".join(str(page.pk) for page in hidden)
        leaks += leaks_in(
            reader, [(f"{library.url}compare/", {"items": hidden_ids})], markers
        )

        # The hidden pages themselves, and their calendar files, refuse as Wagtail
        # refuses the page: a password form, a login redirect, a 404.
        refusals = []
        for page in hidden:
            status, _type, body = reader.get(f"/api/v2/pages/{page.pk}/")
            if status != 404:
                refusals.append(("api detail", page.url, status))
            status, _type, body = reader.get(
                "/api/v2/pages/find/", {"html_path": page.url}
            )
            if status != 404:
                refusals.append(("api find", page.url, status))
            if isinstance(page, EventPage):
                status, content_type, body = reader.get(f"{page.url}event.ics")
                if "BEGIN:VEVENT" in body or "text/calendar" in content_type:
                    refusals.append(("event.ics", page.url, status))

    report = "\n".join(f"{surface}: shows {label}" for surface, label in leaks)
    assert not leaks, f"{len(leaks)} leaks:\n{report}"
    assert not refusals, refusals


@pytest.mark.django_db(transaction=False)
def test_library_counts_only_public_items(client, demo_content):
    """The library's count and facet counts follow the same rule: a hidden case study
    and its actions leave the total and every facet count at once."""
    library = LibraryIndexPage.objects.filter(locale__language_code="en").first()

    def exported():
        return json.loads(client.get(library.url, {"format": "json"}).content)

    def expected():
        pages = public_pages().filter(locale__language_code="en")
        return sum(
            1
            for page in pages
            if page.specific_class.__name__ in {"CaseStudyPage", "ActionPage"}
        )

    assert exported()["count"] == expected()
    case_study = pairs(CaseStudyPage)
    hide("login", case_study)
    data = exported()
    assert data["count"] == expected()
    assert case_study[0].url not in json.dumps(data)
