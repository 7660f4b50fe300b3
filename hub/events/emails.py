"""E-mails to registrants, in their preferred language, HTML and text."""

from email.mime.text import MIMEText

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from hub.pages.formatting import one_line

from . import ical
from .formatting import event_when, event_where
from .links import manage_url
from .models import EventPage, Registration

SUBJECTS = {
    "confirmation": _("Your place is confirmed: %(event)s"),
    "waiting_list": _("You are on the waiting list: %(event)s"),
    "promotion": _("A place has become free, it is yours: %(event)s"),
    "cancellation": _("Your registration is cancelled: %(event)s"),
    "link": _("Your private link: %(event)s"),
}
WITH_CALENDAR = {"confirmation", "promotion"}


def _calendar_attachment(page):
    part = MIMEText(ical.event_calendar(page).decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="event.ics")
    return part


def build_registration_email(registration, kind):
    language = registration.preferred_language
    # The event in the registrant's language if published, else its source page.
    key = registration.event_key
    page = EventPage.objects.live().for_key(key, language)
    page = page or EventPage.objects.for_key(key)
    if page is None:
        return None
    with translation.override(language):
        context = {
            "registration": registration,
            "event": page,
            "when": event_when(page),
            "where": event_where(page),
            "event_url": page.get_full_url(),
            "manage_url": manage_url(registration, page, full=True),
            "position": registration.waiting_list_position(),
            "kind": kind,
        }
        subject = str(SUBJECTS[kind] % {"event": page.title})
        text = render_to_string(f"events/emails/{kind}.txt", context)
        html = render_to_string(f"events/emails/{kind}.html", context)
    message = EmailMultiAlternatives(
        one_line(subject),
        text,
        to=[registration.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    if kind in WITH_CALENDAR:
        message.attach(_calendar_attachment(page))
    return message


@task()
def send_registration_email(registration_id, kind):
    """Runs after the registration's transaction has committed."""
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.is_anonymised:
        return 0
    message = build_registration_email(registration, kind)
    return message.send() if message is not None else 0
