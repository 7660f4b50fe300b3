"""An organiser's message to all the registrants of an event, each in their language.

The organiser types a subject and a text per language; each person gets the one of
their preferred language (or the other one if that was left empty), in the usual
e-mail frame (greeting, the event, their private link). Sending goes through the
task queue with the same retries as the registration e-mails (emails.RETRY_DELAYS).
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task

from .emails import RETRY_DELAYS, email_context, event_for, render_email
from .models import Registration

logger = logging.getLogger(__name__)

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def in_language(texts, language):
    """The text for `language`, or the first one given in another language."""
    if texts.get(language, "").strip():
        return texts[language].strip()
    return next((texts[code].strip() for code in LANGUAGES if texts.get(code)), "")


def build_message(registration, subjects, bodies):
    page = event_for(registration)
    if page is None:
        return None
    language = registration.preferred_language
    with translation.override(language):
        context = {
            **email_context(registration, page),
            "body": in_language(bodies, language),
        }
        return render_email(
            registration,
            in_language(subjects, language),
            "events/emails/organiser_message",
            context,
        )


@task()
def send_organiser_message(registration_id, subjects, bodies, attempt=1):
    registration = Registration.objects.filter(pk=registration_id).first()
    if registration is None or registration.is_anonymised:
        return 0
    message = build_message(registration, subjects, bodies)
    if message is None:
        return 0
    try:
        return message.send()
    except (smtplib.SMTPException, OSError) as error:
        task_ = send_organiser_message
        if attempt > len(RETRY_DELAYS) or not task_.get_backend().supports_defer:
            raise
        delay = RETRY_DELAYS[attempt - 1]
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        task_.using(run_after=run_after).enqueue(
            registration_id, subjects, bodies, attempt + 1
        )
        logger.warning(
            "Organiser message for registration %s not sent (%s, try %s); "
            "next try in %s s.",
            registration_id,
            type(error).__name__,
            attempt,
            delay,
        )
        return 0


def message_registrants(registrations, subjects, bodies):
    """Queue the message for each of `registrations`, after the commit. Returns how
    many were queued."""
    ids = list(registrations.values_list("pk", flat=True))
    for pk in ids:
        transaction.on_commit(
            lambda pk=pk: send_organiser_message.enqueue(pk, subjects, bodies),
            robust=True,
        )
    return len(ids)
