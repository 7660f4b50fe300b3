"""Who sees which registrants in the admin.

A registration's personal data (with accessibility and dietary needs, which may be
health data) is seen only by the organisers of its event: the users named as its
managers and its creator, on any of its translations. Superusers see every event's.
Anyone else, Event managers included, sees none of another event's registrants."""

from django.db.models import Q

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
