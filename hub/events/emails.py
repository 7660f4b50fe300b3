"""E-mails to registrants, in their preferred language, HTML and text."""

import datetime
import logging
import smtplib
from email.mime.text import MIMEText

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from hub.pages.formatting import one_line
from hub.pages.typography import typeset_html, typeset_text

from . import ical
from .formatting import event_when, event_where
from .links import manage_url
from .models import EventPage, Registration
from .practical import practical_details

SUBJECTS = {
    "confirmation": _("Your place is confirmed: %(event)s"),
    "waiting_list": _("You are on the waiting list: %(event)s"),
    "promotion": _("A place has become free, it is yours: %(event)s"),
    "cancellation": _("Your registration is cancelled: %(event)s"),
    "link": _("Your private link: %(event)s"),
    "reminder": _("Reminder: %(event)s"),
}
WITH_CALENDAR = {"confirmation", "promotion", "reminder"}
# The e-mails that carry the private practical details (hub/events/practical.py):
# those to people with a place.
WITH_DETAILS = {"confirmation", "promotion", "reminder"}

logger = logging.getLogger(__name__)


def _calendar_attachment(page):
    # The registrant's calendar file: with the practical details, unlike the public one.
    calendar = ical.event_calendar(page, private=True)
    part = MIMEText(calendar.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="event.ics")
    return part


def event_for(registration):
    """The event in the registrant's language if published, else its source page;
    None once the event is deleted."""
    key = registration.event_key
    page = EventPage.objects.live().for_key(key, registration.preferred_language)
    return page or EventPage.objects.for_key(key)


def email_context(registration, page):
    """What every e-mail to a registrant shows: the event, when and where, their
    private link. Call with the registrant's language active."""
    return {
        "registration": registration,
        "event": page,
        "when": event_when(page),
        "where": event_where(page),
        "event_url": page.get_full_url(),
        "manage_url": manage_url(registration, page, full=True),
    }


def render_email(registration, subject, template, context):
    """The e-mail in the registrant's language from `template` (.txt and .html),
    typeset as the site is (French and British typography, hub.pages.typography)."""
    language = registration.preferred_language
    with translation.override(language):
        text = typeset_text(render_to_string(f"{template}.txt", context))
        html = typeset_html(render_to_string(f"{template}.html", context))
    message = EmailMultiAlternatives(
        one_line(typeset_text(subject)),
        text,
        to=[registration.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    return message


def build_registration_email(registration, kind):
    page = event_for(registration)
    if page is None:
        return None
    with translation.override(registration.preferred_language):
        context = {
            **email_context(registration, page),
            "position": registration.waiting_list_position(),
            "kind": kind,
            "details": practical_details(page) if kind in WITH_DETAILS else None,
        }
        subject = str(SUBJECTS[kind] % {"event": page.title})
        message = render_email(registration, subject, f"events/emails/{kind}", context)
    if kind in WITH_CALENDAR:
        message.attach(_calendar_attachment(page))
    return message


# A refused or failed send is tried again after these delays (seconds), then given up:
# the task then shows as failed to organisers, who can send it again.
RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 3600]


@task()
def send_registration_email(registration_id, kind, attempt=1):
    """Runs after the registration's transaction has committed. A send the mail
    server refuses, or that cannot reach it, is queued again with a growing delay
    (with a task backend that can defer: the database one, in production)."""
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.is_anonymised:
        return 0
    message = build_registration_email(registration, kind)
    if message is None:
        return 0
    try:
        return message.send()
    except (smtplib.SMTPException, OSError) as error:
        if attempt > len(RETRY_DELAYS):
            raise
        task = send_registration_email
        if not task.get_backend().supports_defer:
            raise
        delay = RETRY_DELAYS[attempt - 1]
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        task.using(run_after=run_after).enqueue(registration_id, kind, attempt + 1)
        # The error's class only: its text often quotes the address.
        logger.warning(
            "E-mail %r for registration %s not sent (%s, try %s); next try in %s s.",
            kind,
            registration_id,
            type(error).__name__,
            attempt,
            delay,
        )
        return 0
