"""Unpublishing, deleting or moving a source page in the admin does the same to its
translations (Wagtail's confirmation says so); acting on a translation leaves the
source alone; a French-first page leads its English translation."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from hub.events.models import EventPage
from hub.pages.models import StandardPage
from tests.factories import add_page, registration_data, translate


def live(page):
    return Page.objects.get(pk=page.pk).live


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("mod", "mod@x.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_unpublishing_a_cancelled_english_event_closes_it_in_french(
    client, event_site, moderator
):
    event = event_site.add_event()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=(event["en"].pk,))
    confirm = client.get(url)
    assert "This will also unpublish one translation of the page." in (
        confirm.content.decode()
    )
    assert client.post(url).status_code == 302
    assert not live(event["en"]) and not live(event["fr"])
    # The French page no longer takes registrations.
    client.logout()
    french = EventPage.objects.get(pk=event["fr"].pk)
    response = client.post(french.url + "register/", registration_data())
    assert response.status_code == 404


def test_the_editor_may_choose_to_leave_the_translation_published(
    client, event_site, moderator
):
    """Unticked by default: the translations follow. Ticked, the English page alone
    is withdrawn (an out-of-date English text, a French one that still holds)."""
    event = event_site.add_event()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=(event["en"].pk,))
    form = BeautifulSoup(client.get(url).content, "html.parser").select_one(
        "form[method=POST]"
    )
    box = form.select_one("input[name=keep_translations]")
    assert box is not None and not box.has_attr("checked")
    assert "Leave its translation published" in form.get_text(" ", strip=True)
    assert client.post(url, {"keep_translations": "on"}).status_code == 302
    assert not live(event["en"]) and live(event["fr"])


def test_the_choice_reads_in_the_editors_language(client, event_site, moderator):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "fr"
    profile.save()
    event = event_site.add_event()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=(event["en"].pk,))
    text = " ".join(client.get(url).content.decode().split())
    assert "Laisser sa traduction publiée" in text


def test_unpublishing_a_translation_leaves_its_source_live(
    client, event_site, moderator
):
    event = event_site.add_event()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=(event["fr"].pk,))
    assert "also unpublish" not in client.get(url).content.decode()
    client.post(url)
    assert live(event["en"]) and not live(event["fr"])


def test_a_french_first_page_leads_its_english_translation(
    client, site_tree, locales, moderator
):
    french = add_page(
        site_tree["fr"]["home"],
        StandardPage(title="Tiers-lieux en Bretagne", slug="tiers-lieux"),
    )
    english = translate(french, locales["en"], title="Third places in Brittany")
    client.force_login(moderator)
    # The English page is the translation: unpublishing it leaves the French live.
    client.post(reverse("wagtailadmin_pages:unpublish", args=(english.pk,)))
    assert live(french) and not live(english)
    english.save_revision().publish()
    # The French page is the source: its English translation follows it.
    client.post(reverse("wagtailadmin_pages:unpublish", args=(french.pk,)))
    assert not live(french) and not live(english)


def test_a_translation_still_in_draft_is_left_as_it_is(client, event_site, moderator):
    """wagtail-localize's translations start as unpublished drafts: the English
    source being live or not changes nothing for them, and unpublishing the source
    does not fail on them."""
    event = event_site.add_event()
    event["fr"].unpublish()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:unpublish", args=(event["en"].pk,))
    assert "also unpublish" not in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not live(event["en"])
    assert Page.objects.filter(pk=event["fr"].pk).exists()


def test_deleting_the_source_deletes_its_translations(client, event_site, moderator):
    event = event_site.add_event()
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:delete", args=(event["en"].pk,))
    confirm = client.get(url).content.decode()
    assert "will also delete 1 translation" in confirm
    assert client.post(url).status_code == 302
    assert not Page.objects.filter(pk__in=[event["en"].pk, event["fr"].pk]).exists()


def test_deleting_a_translation_keeps_its_source(client, event_site, moderator):
    event = event_site.add_event()
    client.force_login(moderator)
    client.post(reverse("wagtailadmin_pages:delete", args=(event["fr"].pk,)))
    assert not Page.objects.filter(pk=event["fr"].pk).exists()
    assert live(event["en"])


def test_moving_the_source_moves_its_translations(
    client, site_tree, locales, moderator
):
    en, fr = site_tree["en"], site_tree["fr"]
    parent = add_page(en["home"], StandardPage(title="Projects", slug="projects"))
    fr_parent = translate(parent, locales["fr"], title="Projets")
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:move_confirm", args=(en["about"].pk, parent.pk))
    assert "This will also move one translation" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert Page.objects.get(pk=en["about"].pk).get_parent().pk == parent.pk
    assert Page.objects.get(pk=fr["about"].pk).get_parent().pk == fr_parent.pk
