"""Registrations: one per person per event, shared by the event's translations."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from hub.pages.models import Organisation


class EventRegistrationLock(models.Model):
    """One row per event (its translation key), locked while places are handed out.

    Counting confirmed places and numbering the waiting list happen while this row is
    held with SELECT ... FOR UPDATE, so concurrent registrations queue up here.
    """

    event_key = models.UUIDField(primary_key=True)
    last_queue_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("event registration lock")

    def __str__(self):
        return str(self.event_key)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Country(models.TextChoices):
        FRANCE = "FR", _("France")
        UNITED_KINGDOM = "GB", _("United Kingdom")
        OTHER = "other", _("Another country")

    OrganisationKind = Organisation.Kind

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event_key = models.UUIDField(
        _("event key"),
        db_index=True,
        editable=False,
        help_text=_("The translation key shared by the event in every language."),
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        editable=False,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, editable=False
    )
    queue_number = models.PositiveIntegerField(
        _("waiting-list number"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Order of arrival on the waiting list."),
    )

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices
    )
    country = models.CharField(_("country"), max_length=5, choices=Country.choices)
    role = models.CharField(_("role"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES
    )
    accessibility_needs = models.TextField(
        _("accessibility needs"), max_length=1000, blank=True
    )
    dietary_needs = models.TextField(_("dietary needs"), max_length=500, blank=True)
    travel_requested = models.BooleanField(_("travel place requested"), default=False)
    travel_granted = models.BooleanField(
        _("travel place granted"), default=False, editable=False
    )

    consent_given_at = models.DateTimeField(_("consent given at"), editable=False)
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=40, blank=True, editable=False
    )
    # Shown only in e-mails; compared in constant time. Empty once anonymised.
    token = models.CharField(max_length=64, blank=True, editable=False)

    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    promoted_at = models.DateTimeField(_("promoted at"), null=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, editable=False)
    checked_in_at = models.DateTimeField(
        _("checked in at"), null=True, blank=True, editable=False
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, editable=False)
    # Set when the reminder is queued, so that it leaves once (services.send_reminders).
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, editable=False
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event_key", "status"])]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event_key",
                condition=~models.Q(status="cancelled"),
                name="events_one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["event_key", "queue_number"],
                name="events_unique_waiting_list_number",
            ),
        ]

    def __str__(self):
        # No personal data: this label is copied into the admin's audit log, which
        # anonymisation does not rewrite.
        return _("Registration %(number)s (%(status)s)") % {
            "number": self.pk,
            "status": self.get_status_display(),
        }

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED

    @property
    def is_anonymised(self):
        return self.anonymised_at is not None

    def waiting_list_position(self):
        """1 for the first person waiting; None when not on the waiting list."""
        if self.status != self.Status.WAITING or self.queue_number is None:
            return None
        ahead = Registration.objects.filter(
            event_key=self.event_key,
            status=self.Status.WAITING,
            queue_number__lt=self.queue_number,
        ).count()
        return ahead + 1
