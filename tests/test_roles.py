"""The editorial roles (groups created by hub/editorial's migration) in the admin:
what each may do, and which registrants an event manager sees."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from hub.events import services
from hub.events.models import EventIndexPage, EventPage
from hub.events.permissions import registrations_visible_to
from hub.pages.models import StandardPage
from tests.factories import add_page, organise, service_data

INDEX = "/admin/registration/"


def member(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@x.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def two_events(event_site, manager):
    """The manager organises "ours" (named among its managers); "theirs" is
    another organiser's, created by them."""
    ours = event_site.add_event(slug="ours")
    theirs = event_site.add_event(slug="theirs")
    organise(manager, ours)
    people = {}
    for name, event, page in [
        ("Our Anne", ours, "fr"),
        ("Our Ben", ours, "en"),
        ("Their Chloé", theirs, "en"),
    ]:
        people[name] = services.register_for_event(
            event[page],
            service_data(
                name=name,
                email=f"{name.split()[1].lower()}@x.org",
                accessibility_needs=f"Needs of {name}",
            ),
        )
    return {"ours": ours, "theirs": theirs, **people}


@pytest.mark.django_db
def test_the_groups_exist_with_the_rights_their_names_say():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Translators", "Event managers"} <= names
    editors = Group.objects.get(name="Editors")
    translators = Group.objects.get(name="Translators")
    moderators = Group.objects.get(name="Moderators")
    assert editors.permissions.filter(codename="add_theme").exists()
    assert not editors.permissions.filter(codename="delete_theme").exists()
    assert moderators.permissions.filter(codename="delete_theme").exists()
    assert translators.permissions.filter(codename="submit_translation").exists()
    assert not translators.permissions.filter(codename="add_theme").exists()

    def page_rights(group):
        return set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        )

    # "change" on each translated language's home page only (none here yet).
    assert page_rights(translators) <= {"change_page"}
    assert not GroupPagePermission.objects.filter(
        group=translators, page__depth=1
    ).exists()
    assert "publish_page" not in page_rights(editors)
    assert "publish_page" in page_rights(moderators)


def test_an_editor_adds_a_taxonomy_term_but_a_translator_cannot(
    client, django_user_model, locales
):
    url = reverse("wagtailsnippets_pages_theme:add")
    client.force_login(member(django_user_model, "ed", "Editors"))
    response = client.post(
        url + "?locale=en", {"name": "Housing", "slug": "housing", "description": ""}
    )
    assert response.status_code == 302
    client.force_login(member(django_user_model, "tr", "Translators"))
    assert client.get(url).status_code == 302  # sent away: no right to add


def test_event_managers_add_and_publish_events_only_under_an_events_index(
    client, event_site, manager
):
    index = event_site.index["en"]
    client.force_login(manager)
    add_url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))
    assert client.get(add_url).status_code == 200
    standard = ("pages", "standardpage", event_site.home["en"].pk)
    home_add = reverse("wagtailadmin_pages:add", args=standard)
    assert client.get(home_add).status_code == 302  # refused: not under the index
    response = client.post(
        add_url,
        nested_form_data(
            {
                "title": "Organiser's own meeting",
                "slug": "own-meeting",
                "start": "2027-05-04 10:00",
                "end": "2027-05-04 16:00",
                "time_zone": "Europe/London",
                "date_precision": "time",
                "event_format": "in_person",
                "city": "Plymouth",
                "country": "GB",
                "languages": "fr-en",
                "description": rich_text("<p>A day of workshops.</p>"),
                "agenda": streamfield([]),
                "capacity": "20",
                "travel_places": "0",
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="own-meeting")
    assert event.live and event.owner == manager
    # The creator edits and publishes it again: raising the capacity needs nobody.
    assert event.permissions_for_user(manager).can_publish()
    # A new events index, created after the migration, gets the same rights.
    new_index = add_page(
        event_site.home["en"], EventIndexPage(title="Workshops", slug="workshops")
    )
    fresh = type(manager).objects.get(pk=manager.pk)  # Wagtail caches rights per user
    assert new_index.permissions_for_user(fresh).can_add_subpage()


def test_an_event_manager_sees_only_the_registrants_of_their_events(
    client, manager, two_events
):
    client.force_login(manager)
    listed = {r.name for r in client.get(INDEX).context["object_list"]}
    assert listed == {"Our Anne", "Our Ben"}
    theirs = two_events["Their Chloé"]
    for url in [
        reverse("registration:edit", args=(theirs.pk,)),
        reverse("registration:inspect", args=(theirs.pk,)),
        reverse("registration:action", args=(theirs.pk, "check_in")),
    ]:
        # Refused: 404 (which the language middleware turns into a redirect to
        # /en/...) or Wagtail's redirect to the dashboard; never the page.
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        assert "Chloé" not in response.content.decode()
    client.post(reverse("registration:action", args=(theirs.pk, "cancel")))
    theirs.refresh_from_db()
    assert theirs.status == "confirmed"
    # Their own: the inspect view shows the needs they must plan for.
    ours = two_events["Our Anne"]
    page = client.get(reverse("registration:inspect", args=(ours.pk,)))
    assert page.status_code == 200
    assert "Needs of Our Anne" in page.content.decode()


def test_exports_report_and_filter_hold_only_their_events(client, manager, two_events):
    client.force_login(manager)
    response = client.get(INDEX, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    text = "\n".join(",".join(row) for row in rows)
    assert "Our Anne" in text and "Needs of Our Anne" in text
    assert "Chloé" not in text and "Needs of Their" not in text
    report = client.get(reverse("registration:report"))
    assert [title for _key, title in report.context["events"]] == [
        two_events["ours"]["en"].title
    ]
    assert report.context["totals"]["confirmed"] == 2
    index = client.get(INDEX)
    choices = index.context["filters"].filters["event_key"].extra["choices"]
    assert [str(key) for key, _title in choices] == [
        str(two_events["ours"]["en"].translation_key)
    ]


def test_the_creator_of_an_event_is_its_organiser(django_user_model, two_events):
    creator = member(django_user_model, "creator", "Event managers")
    EventPage.objects.filter(pk=two_events["theirs"]["en"].pk).update(owner=creator)
    names = {r.name for r in registrations_visible_to(creator)}
    assert names == {"Their Chloé"}


def test_editors_and_moderators_see_no_registrant(django_user_model, two_events):
    for group in ["Editors", "Moderators", "Translators"]:
        user = member(django_user_model, f"u-{group}", group)
        assert not registrations_visible_to(user).exists()


def test_an_editor_deletes_their_own_document_but_not_anyone_elses(
    client, django_user_model, locales
):
    Document = get_document_model()
    editor = member(django_user_model, "ed", "Editors")
    colleague = member(django_user_model, "col", "Moderators")
    collection = Collection.get_first_root_node()

    def upload(owner, title):
        document = Document(title=title, collection=collection, uploaded_by_user=owner)
        document.file.save(f"{title}.txt", ContentFile(b"text"), save=True)
        return document

    own, other = upload(editor, "own"), upload(colleague, "other")
    client.force_login(editor)
    refused = client.post(reverse("wagtaildocs:delete", args=(other.pk,)))
    assert refused.url == reverse("wagtailadmin_home")  # "no permission"
    assert Document.objects.filter(pk=other.pk).exists()
    done = client.post(reverse("wagtaildocs:delete", args=(own.pk,)))
    assert done.url == reverse("wagtaildocs:index")
    assert not Document.objects.filter(pk=own.pk).exists()


def test_a_document_that_a_live_page_links_to_cannot_be_deleted(
    client, admin_user, site_tree
):
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    document = Document(title="Report", collection=collection)
    document.file.save("report.txt", ContentFile(b"text"), save=True)
    page = StandardPage(
        title="Linking",
        slug="linking",
        body=[("document", document)],
    )
    add_page(site_tree["en"]["home"], page)
    client.force_login(admin_user)  # even a superuser
    url = reverse("wagtaildocs:delete", args=(document.pk,))
    assert client.post(url).url == reverse("wagtailadmin_home")
    assert Document.objects.filter(pk=document.pk).exists()
    # Once the page is unpublished, the document may go.
    page.unpublish()
    assert client.post(url).url == reverse("wagtaildocs:index")
    assert not Document.objects.filter(pk=document.pk).exists()


def event_form(event, **changes):
    """The event's edit form as the admin posts it."""
    local = event.local_start.strftime("%Y-%m-%d %H:%M")
    end = event.local_end.strftime("%Y-%m-%d %H:%M")
    data = {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "start": local,
        "end": end,
        "time_zone": event.time_zone,
        "date_precision": event.date_precision,
        "event_format": event.event_format,
        "venue": event.venue,
        "city": event.city,
        "country": event.country,
        "languages": event.languages,
        "description": rich_text(event.description),
        "agenda": streamfield([]),
        "capacity": str(event.capacity),
        "travel_places": str(event.travel_places),
        "managers": [str(pk) for pk in event.managers.values_list("pk", flat=True)],
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_named_manager_edits_the_event_and_submits_it_but_no_other_manager(
    client, event_site, manager, django_user_model
):
    event = event_site.add_event(slug="named")["en"]
    organise(manager, event)
    event = EventPage.objects.get(pk=event.pk)
    assert event.owner is None  # not the creator
    other = member(django_user_model, "other-manager", "Event managers")
    edit = reverse("wagtailadmin_pages:edit", args=(event.pk,))

    client.force_login(manager)
    assert client.get(edit).status_code == 200
    assert event.has_workflow  # Wagtail's "Moderators approval" on the root
    response = client.post(
        edit,
        event_form(event, capacity="80", **{"action-submit": "action-submit"}),
    )
    assert response.status_code == 302
    event = EventPage.objects.get(pk=event.pk)
    assert event.workflow_in_progress
    assert event.get_latest_revision_as_object().capacity == 80
    assert event.capacity == 5  # live until the moderators approve

    client.force_login(other)
    assert client.get(edit).status_code == 302  # sent away: not theirs
    response = client.post(edit, event_form(event, title="Taken over"))
    assert response.status_code == 302
    assert event.get_latest_revision_as_object().title != "Taken over"
    # Nor can they publish or unpublish it, although they publish their own events.
    tester = event.permissions_for_user(other)
    assert not tester.can_edit()
    assert not tester.can_publish() and not tester.can_unpublish()
    unpublish = reverse("wagtailadmin_pages:unpublish", args=(event.pk,))
    client.post(unpublish)
    assert EventPage.objects.get(pk=event.pk).live
    # A moderator keeps Wagtail's rights on every event.
    moderator = member(django_user_model, "mod", "Moderators")
    assert event.permissions_for_user(moderator).can_unpublish()


def test_translators_edit_translations_but_not_the_english_pages(
    client, site_tree, django_user_model
):
    translator = member(django_user_model, "translator", "Translators")
    client.force_login(translator)
    english, french = site_tree["en"]["guide"], site_tree["fr"]["guide"]
    for page in (english, site_tree["en"]["home"], site_tree["en"]["case_study"]):
        assert not page.permissions_for_user(translator).can_edit()
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        assert client.get(edit).status_code == 302  # sent away
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(english.pk,)),
        nested_form_data({"title": "Rewritten by a translator", "slug": "guide"}),
    )
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.get_latest_revision_as_object().title == "Guide"
    # The French pages (a home created after the migration included) are theirs.
    for page in (french, site_tree["fr"]["home"], site_tree["fr"]["case_study"]):
        assert page.permissions_for_user(translator).can_edit()
        edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        assert client.get(edit).status_code == 200
    assert not french.permissions_for_user(translator).can_publish()
