"""The French event follows the English one: in the plain edit form of a translation,
the shared logistics (dates, times, capacity, registration window...) are shown
disabled with a help text, and what is posted for them changes nothing."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from hub.events.models import EventPage
from tests.test_roles import event_form


def test_the_french_form_shows_the_shared_fields_disabled(
    admin_client, admin_user, event_site
):
    event = event_site.add_event(slug="shared", capacity=40)
    english, french = event["en"], event["fr"]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(french.pk,)))
    assert response.status_code == 200
    form = response.context["form"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for name in EventPage.SHARED_FIELDS:
        if name not in form.fields:
            continue
        assert form.fields[name].disabled, name
        assert "Follows the event in English" in str(form.fields[name].help_text)
        assert soup.find(attrs={"name": name}).has_attr("disabled"), name
    assert not form.fields["title"].disabled  # the text is the translator's
    english_form = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=(english.pk,))
    ).context["form"]
    assert not english_form.fields["capacity"].disabled

    # A crafted post changes nothing of the shared fields; the title is saved.
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(french.pk,)),
        event_form(
            french,
            title="Rencontre déplacée",
            capacity="999",
            start="2031-01-01 08:00",
            end="2031-01-01 09:00",
            **{"action-publish": "action-publish"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    french = EventPage.objects.get(pk=french.pk)
    assert french.title == "Rencontre déplacée"
    assert (french.capacity, french.start, french.end) == (
        40,
        english.start,
        english.end,
    )

    # In the French admin, the help text is French.
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    form = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=(french.pk,))
    ).context["form"]
    assert "Suit l’événement en anglais" in str(form.fields["capacity"].help_text)
