"""Registering, cancelling, promoting from the waiting list and anonymising.

Places are handed out pretix-style: take a lock on the event's row inside
transaction.atomic(), count again, then write. The database enforces one active
registration per e-mail and unique waiting-list numbers, whatever the callers do.
E-mails leave after the commit, so nobody is told about a place that was rolled back.
"""

import datetime
import hmac
import secrets
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from wagtail.models import Locale, Site

from hub.pages.models import SiteLinks, StandardPage

from .emails import send_registration_email
from .models import EventPage, EventRegistrationLock, Registration

Status = Registration.Status

# What a registrant may change through the secret link.
EDITABLE_FIELDS = [
    "name",
    "organisation",
    "organisation_kind",
    "country",
    "role",
    "preferred_language",
    "accessibility_needs",
    "dietary_needs",
    "travel_requested",
]
REGISTRATION_FIELDS = ["email", *EDITABLE_FIELDS]
ANONYMISED_NAME = "(anonymised)"


class RegistrationError(Exception):
    pass


class RegistrationClosed(RegistrationError):
    def __init__(self, state):
        super().__init__(state)
        self.state = state


class AlreadyRegistered(RegistrationError):
    pass


class RegistrationNotChangeable(RegistrationError):
    pass


class NoTravelPlaceLeft(RegistrationError):
    pass


class InvalidLink(RegistrationError):
    pass


class ExpiredLink(RegistrationError):
    pass


def retention_days():
    return settings.HUB_REGISTRATION_RETENTION_DAYS


def privacy_notice_page(locale=None, site=None):
    """The live privacy notice chosen in the site's settings (SiteLinks), in `locale`
    when translated. Its version in the default locale is the one that counts, so
    without a live page there, there is no notice. `site` defaults to the default
    site."""
    site = site or Site.objects.filter(is_default_site=True).first()
    notice = SiteLinks.for_site(site).privacy_notice if site else None
    if notice is None:
        return None
    pages = {
        page.locale_id: page
        for page in StandardPage.objects.live().filter(
            translation_key=notice.translation_key
        )
    }
    default = pages.get(Locale.get_default().pk)
    if default is None or locale is None:
        return default
    return pages.get(locale.pk, default)


def privacy_notice_version(site=None):
    """The default-locale privacy notice's version, recorded with each consent."""
    page = privacy_notice_page(site=site)
    return page.version if page is not None else ""


def _notify(registration, kind):
    # robust: a failing mail queue must not turn a saved registration into an error.
    transaction.on_commit(
        partial(send_registration_email.enqueue, registration.pk, kind), robust=True
    )


def _lock_event(event_key):
    """The event's lock row, held until the surrounding transaction ends."""
    return EventRegistrationLock.objects.select_for_update().get(pk=event_key)


def _ensure_lock_row(event_key):
    EventRegistrationLock.objects.get_or_create(event_key=event_key)


def _capacity(source_event):
    # Read again under the lock: an editor may have just changed it.
    return (
        EventPage.objects.filter(pk=source_event.pk)
        .values_list("capacity", flat=True)
        .first()
        or 0
    )


def _confirmed_count(event_key):
    return Registration.objects.filter(
        event_key=event_key, status=Status.CONFIRMED
    ).count()


def _has_active_registration(event_key, email):
    return (
        Registration.objects.filter(event_key=event_key, email__iexact=email)
        .exclude(status=Status.CANCELLED)
        .exists()
    )


def normalise_email(email):
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}" if local else email.strip()


def register_for_event(event, data):
    """Register someone for `event` (a page in any language).

    `data` holds the form's fields. Returns the saved Registration, confirmed while
    places remain, on the waiting list after that. Raises RegistrationClosed or
    AlreadyRegistered.
    """
    state = event.registration_state
    if state != "open":
        raise RegistrationClosed(state)
    registration = _new_registration(
        event, data, privacy_notice_version(event.get_site())
    )
    return _place(registration, event.source_event)


def _new_registration(event, data, notice_version):
    """An unsaved registration for `event` from the form's fields."""
    fields = {name: data.get(name) for name in EDITABLE_FIELDS if name in data}
    return Registration(
        event_key=event.translation_key,
        event=event.source_event,
        email=normalise_email(data["email"]),
        consent_given_at=timezone.now(),
        privacy_notice_version=notice_version,
        token=secrets.token_urlsafe(32),
        **fields,
    )


def _place(registration, source, give_place=False, notify=True):
    """Save `registration` under the event's lock: confirmed while places remain (or
    in any case with `give_place`), else next on the waiting list; then the e-mail
    that says which, unless `notify` is false. Raises AlreadyRegistered."""
    key, email = registration.event_key, registration.email
    _ensure_lock_row(key)
    try:
        with transaction.atomic():
            lock = _lock_event(key)
            if _has_active_registration(key, email):
                raise AlreadyRegistered
            if give_place or _confirmed_count(key) < _capacity(source):
                registration.status = Status.CONFIRMED
            else:
                lock.last_queue_number += 1
                lock.save(update_fields=["last_queue_number"])
                registration.status = Status.WAITING
                registration.queue_number = lock.last_queue_number
            registration.save()
            if notify:
                _notify(
                    registration,
                    "confirmation"
                    if registration.status == Status.CONFIRMED
                    else "waiting_list",
                )
    except IntegrityError:
        # The unique constraint caught a duplicate the lock could not (no lock on
        # SQLite); anything else is a real error.
        if _has_active_registration(key, email):
            raise AlreadyRegistered from None
        raise
    return registration


def _fill_free_places(event_key, source_event):
    """Promote the first people waiting while places are free; under the lock."""
    free = _capacity(source_event) - _confirmed_count(event_key)
    if free <= 0:
        return []
    waiting = list(
        Registration.objects.select_for_update()
        .filter(event_key=event_key, status=Status.WAITING)
        .order_by("queue_number")[:free]
    )
    now = timezone.now()
    for registration in waiting:
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        _notify(registration, "promotion")
    return waiting


def promote_from_waiting_list(event_key):
    """Give free places (after a cancellation or a larger capacity) to those waiting."""
    source = EventPage.objects.for_key(event_key)
    if source is None:
        return []
    _ensure_lock_row(event_key)
    with transaction.atomic():
        _lock_event(event_key)
        return _fill_free_places(event_key, source)


def cancel_registration(registration, notify=True):
    """Cancel; the place goes to the first person waiting. Returns those promoted."""
    key = registration.event_key
    _ensure_lock_row(key)
    with transaction.atomic():
        _lock_event(key)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Status.CANCELLED:
            return []
        was_confirmed = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.travel_granted = False
        current.save(
            update_fields=["status", "cancelled_at", "travel_granted", "updated_at"]
        )
        registration.status = current.status
        registration.cancelled_at = current.cancelled_at
        registration.travel_granted = False
        if notify:
            _notify(current, "cancellation")
        source = EventPage.objects.for_key(key)
        if was_confirmed and source is not None:
            return _fill_free_places(key, source)
        return []


def update_registration(registration, data):
    if not registration.is_active or registration.is_anonymised:
        raise RegistrationNotChangeable
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(registration, name, data[name])
    if not registration.travel_requested:
        registration.travel_granted = False
    registration.save()
    return registration


def anonymise_registration(registration):
    """Erase the personal data, keep what the programme reports count."""
    Registration.objects.filter(pk=registration.pk).update(**_anonymised_values())
    registration.refresh_from_db()
    return registration


def erase_registration(registration):
    """The registrant's erasure through the secret link: cancel, then anonymise."""
    promoted = []
    if registration.is_active:
        promoted = cancel_registration(registration, notify=False)
    anonymise_registration(registration)
    return promoted


def _anonymised_values():
    return {
        "name": ANONYMISED_NAME,
        "email": Concat(
            Value("anonymised-"),
            Cast("pk", CharField()),
            Value("@anonymised.invalid"),
        ),
        "organisation": "",
        "role": "",
        "accessibility_needs": "",
        "dietary_needs": "",
        "token": "",
        "anonymised_at": timezone.now(),
    }


def anonymise_past_registrations(days=None, now=None):
    """Anonymise registrations for events that ended more than `days` ago.

    The end date of the event in the default locale counts (translations follow it).
    Registrations whose event no longer exists go too. Idempotent; returns how many
    registrations were anonymised.
    """
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    default_locale_id = Locale.get_default().pk
    ends = {}
    pages = EventPage.objects.values_list("translation_key", "locale_id", "end")
    for key, locale_id, end in pages.order_by("translation_key"):
        if locale_id == default_locale_id or key not in ends:
            ends[key] = end
    ended = [key for key, end in ends.items() if end < cutoff]
    expired = Registration.objects.filter(anonymised_at__isnull=True).filter(
        Q(event_key__in=ended) | ~Q(event_key__in=list(ends))
    )
    with transaction.atomic():
        ids = list(expired.values_list("pk", flat=True))
        count = Registration.objects.filter(pk__in=ids).update(**_anonymised_values())
        prune_email_task_results(ids, cutoff)
    return count


def prune_email_task_results(registration_ids, finished_before):
    """Delete the e-mail tasks' results that could still hold personal data: those of
    the registrations just anonymised, and any finished before `finished_before`. A
    failed send keeps the mail server's answer, which often quotes the address."""
    from django_tasks_db.models import DBTaskResult

    finished = DBTaskResult.objects.finished().filter(
        task_path=send_registration_email.module_path
    )
    finished.filter(
        Q(finished_at__lt=finished_before)
        | Q(args_kwargs__args__0__in=list(registration_ids))
    ).delete()


# One new-link e-mail per registration in this many seconds, however often it is asked.
NEW_LINK_INTERVAL = 300


def send_new_link(event, email):
    """E-mail the private link again to whoever registered for `event` (any language)
    with `email`. The caller tells the person the same thing whether or not the address
    is registered, so nothing here is returned: the address stays unconfirmed."""
    from django.core.cache import cache

    registration = Registration.objects.filter(
        event_key=event.translation_key,
        email__iexact=normalise_email(email),
        anonymised_at__isnull=True,
    ).first()
    if registration is None:
        return
    if cache.add(f"hub:new-link:{registration.pk}", 1, NEW_LINK_INTERVAL):
        transaction.on_commit(
            partial(send_registration_email.enqueue, registration.pk, "link")
        )


def link_expires_at(event):
    return event.end + datetime.timedelta(days=retention_days())


def find_registration(event, public_id, token):
    """The registration behind a secret link, or InvalidLink / ExpiredLink."""
    registration = Registration.objects.filter(
        public_id=public_id, event_key=event.translation_key
    ).first()
    if registration is None:
        raise InvalidLink
    if registration.is_anonymised or not registration.token:
        raise ExpiredLink
    if not hmac.compare_digest(registration.token.encode(), str(token).encode()):
        raise InvalidLink
    if timezone.now() > link_expires_at(event.source_event):
        raise ExpiredLink
    return registration


def grant_travel_place(registration):
    key = registration.event_key
    _ensure_lock_row(key)
    with transaction.atomic():
        _lock_event(key)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active or current.is_anonymised:
            raise RegistrationNotChangeable
        if current.travel_granted:
            return current
        source = EventPage.objects.for_key(key)
        granted = Registration.objects.filter(
            event_key=key, travel_granted=True
        ).exclude(status=Status.CANCELLED)
        if source is None or granted.count() >= source.travel_places:
            raise NoTravelPlaceLeft
        current.travel_granted = True
        current.save(update_fields=["travel_granted", "updated_at"])
        return current


def revoke_travel_place(registration):
    Registration.objects.filter(pk=registration.pk).update(
        travel_granted=False, updated_at=timezone.now()
    )


def check_in(registration):
    if registration.status != Status.CONFIRMED:
        raise RegistrationNotChangeable
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


def undo_check_in(registration):
    registration.checked_in_at = None
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


def reminder_days(event):
    """Days before `event` (its source page) that its reminder leaves; 0: none."""
    if event.reminder_days_before is None:
        return settings.HUB_EVENT_REMINDER_DAYS
    return event.reminder_days_before


def send_reminders(now=None):
    """Queue the reminder e-mail of every confirmed registrant whose event's reminder
    time has come, once each (reminder_sent_at is set in the same transaction).

    Only published events are reminded of; people whose place was confirmed after
    the reminder time already had the details in their confirmation and get none.
    Returns how many reminders were queued. Run by `send_event_reminders`, which
    `run_scheduled_jobs` calls every quarter of an hour.
    """
    now = now or timezone.now()
    queued = 0
    for event in EventPage.objects.live().sources().filter(start__gt=now):
        days = reminder_days(event)
        if not days:
            continue
        due = event.start - datetime.timedelta(days=days)
        if now < due:
            continue
        confirmed_before_due = Q(promoted_at__lt=due) | Q(
            promoted_at__isnull=True, created_at__lt=due
        )
        with transaction.atomic():
            ids = list(
                Registration.objects.select_for_update(skip_locked=True)
                .filter(
                    event_key=event.translation_key,
                    status=Status.CONFIRMED,
                    reminder_sent_at__isnull=True,
                    anonymised_at__isnull=True,
                )
                .filter(confirmed_before_due)
                .values_list("pk", flat=True)
            )
            Registration.objects.filter(pk__in=ids).update(reminder_sent_at=now)
            for pk in ids:
                transaction.on_commit(
                    partial(send_registration_email.enqueue, pk, "reminder"),
                    robust=True,
                )
        queued += len(ids)
    return queued


# -- the organisers' toolkit (hub/events/organiser_views.py) ------------------------


def add_by_hand(event, data, give_place=False, notify=True):
    """An organiser registers someone (a speaker, a guest, a phone call): whatever the
    registration window, confirmed while places remain, or in any case with
    `give_place`, on the waiting list otherwise. The person gets the usual e-mail
    (with their private link, to change or erase what was entered) unless `notify`
    is false. Raises AlreadyRegistered."""
    # No privacy notice version: entered by an organiser, not accepted online.
    registration = _new_registration(event, data, "")
    return _place(registration, event.source_event, give_place, notify)


def promote_by_hand(registration):
    """An organiser gives a place to this person on the waiting list, whoever is
    first and even when the event is full (the organiser decides). They are told by
    e-mail as with an automatic promotion."""
    key = registration.event_key
    _ensure_lock_row(key)
    with transaction.atomic():
        _lock_event(key)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status != Status.WAITING or current.is_anonymised:
            raise RegistrationNotChangeable
        current.status = Status.CONFIRMED
        current.promoted_at = timezone.now()
        current.save(update_fields=["status", "promoted_at", "updated_at"])
        _notify(current, "promotion")
    return current
