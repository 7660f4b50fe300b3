from wagtail.models import Locale
from wagtail.signals import page_published

from .models import EventPage, Registration
from .services import promote_from_waiting_list


def fill_places_after_publish(sender, instance, **kwargs):
    """A larger capacity, once published, goes to the people waiting."""
    waiting = Registration.objects.filter(
        event_key=instance.translation_key, status=Registration.Status.WAITING
    )
    if waiting.exists():
        promote_from_waiting_list(instance.translation_key)


def share_logistics_after_publish(sender, instance, **kwargs):
    """The source event's dates, places and private details, once published, are
    its translations' too (EventPage.SHARED_FIELDS): each translation is saved
    with them, so its search entry and its caches follow."""
    if instance.locale_id != Locale.get_default().pk:
        return
    translations = EventPage.objects.filter(
        translation_key=instance.translation_key
    ).exclude(pk=instance.pk)
    for translation in translations:
        if any(
            getattr(translation, name) != getattr(instance, name)
            for name in EventPage.SHARED_FIELDS
        ):
            translation.save(clean=False, update_fields=EventPage.SHARED_FIELDS)


def connect():
    page_published.connect(
        share_logistics_after_publish,
        sender=EventPage,
        dispatch_uid="events-share-logistics",
    )
    page_published.connect(
        fill_places_after_publish, sender=EventPage, dispatch_uid="events-fill-places"
    )
