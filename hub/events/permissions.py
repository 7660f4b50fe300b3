"""Who sees which registrants in the admin.

A registration's personal data (with accessibility and dietary needs, which may be
health data) is seen only by the organisers of its event: the users named as its
managers and its creator, on any of its translations. Superusers see every event's.
Anyone else, Event managers included, sees none of another event's registrants."""

from django.db.models import Q
from wagtail.models import PagePermissionTester

from .models import EventPage, Registration


def organised_event_keys(user):
    """The translation keys of the events that `user` organises."""
    return (
        EventPage.objects.filter(Q(managers=user) | Q(owner=user))
        .values_list("translation_key", flat=True)
        .distinct()
    )


def registrations_visible_to(user, queryset=None):
    """`queryset` (all registrations by default) cut to what `user` may see."""
    queryset = Registration.objects.all() if queryset is None else queryset
    if not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    if not user.has_perm("events.view_registration"):
        return queryset.none()
    return queryset.filter(event_key__in=organised_event_keys(user))


def events_visible_to(user, queryset=None):
    """Events (source pages) whose registrants `user` may see."""
    queryset = EventPage.objects.sources() if queryset is None else queryset
    if user.is_superuser:
        return queryset
    if not user.is_active or not user.has_perm("events.view_registration"):
        return queryset.none()
    return queryset.filter(translation_key__in=organised_event_keys(user))


def can_see_registration(user, registration):
    return registrations_visible_to(
        user, Registration.objects.filter(pk=registration.pk)
    ).exists()


def organises(user, page):
    """Whether `user` created the event `page` or is named among the managers of
    any of its translations."""
    if not user.is_active or user.is_anonymous:
        return False
    if page.owner_id == user.pk:
        return True
    return EventPage.managers.through.objects.filter(
        eventpage__translation_key=page.translation_key, user_id=user.pk
    ).exists()


class EventPagePermissionTester(PagePermissionTester):
    """Wagtail's page rules, and the organisers' (EventPage.permissions_for_user).

    Event managers hold "add" and "publish" on the events indexes, not "change"
    (hub/editorial's migration): Wagtail then lets them edit the events they
    created. Here the events they are named managers of count too; and, since
    "publish" alone would let them publish or unpublish anyone's event, users
    without "change" publish and unpublish only the events they organise. Users
    with "change" (editors, moderators) and superusers keep Wagtail's rules."""

    def _organiser_only(self):
        return not self.user.is_superuser and "change" not in self.permissions

    def _organises(self):
        if not hasattr(self, "_organises_cache"):
            self._organises_cache = organises(self.user, self.page)
        return self._organises_cache

    def can_edit(self):
        if super().can_edit():
            return True
        return (
            self.user.is_active
            and not self.page_is_root
            and "add" in self.permissions
            and self._organises()
        )

    def can_publish(self):
        if not super().can_publish():
            return False
        return not self._organiser_only() or self._organises()

    def can_unpublish(self):
        if not super().can_unpublish():
            return False
        return not self._organiser_only() or self._organises()
