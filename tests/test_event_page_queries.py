"""An event page in French costs one query more than in English, the read of its
source page (the English one, which holds the capacity and the registration window),
and neither reads the default locale to find out which page is the source."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.events.models import EventPage

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # the per-process maps a server keeps, filled
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [query["sql"] for query in captured]


def test_the_french_event_page_reads_its_source_page_and_no_locale(client, event_site):
    event = event_site.add_event(slug="queries", capacity=7)
    # The translation's own copy differs: the page must show the source's.
    EventPage.objects.filter(pk=event["fr"].pk).update(capacity=3)
    english, english_sql = queries(client, event["en"].url)
    french, french_sql = queries(client, event["fr"].url)
    for sql in english_sql + french_sql:
        assert not sql.lstrip().startswith(
            'SELECT "wagtailcore_locale"."id", "wagtailcore_locale"."language_code" '
            'FROM "wagtailcore_locale"'
        ), sql
    assert len(french_sql) == len(english_sql) + 1
    # The French page shows the source's registration: its places left.
    for response in (english, french):
        soup = BeautifulSoup(response.content, "html.parser")
        status = soup.select_one(".event-cta__status").get_text()
        assert status.split()[0] == "7", status
    french_page = EventPage.objects.get(pk=event["fr"].pk)
    assert french_page.source_event.pk == event["en"].pk
    english_page = EventPage.objects.get(pk=event["en"].pk)
    assert english_page.source_event is english_page
    assert list(EventPage.objects.sources().filter(slug="queries")) == [event["en"]]
