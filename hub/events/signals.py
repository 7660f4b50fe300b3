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


def connect():
    page_published.connect(
        fill_places_after_publish, sender=EventPage, dispatch_uid="events-fill-places"
    )
