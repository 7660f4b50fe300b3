"""The organisers' toolkit in the admin, one event at a time (Registrations → "Event
desk"): a phone-friendly list with bulk check-in, add a person by hand, promote from
the waiting list by hand, message every registrant in their own language, a
printable attendance list and printable badges.

Who may use it is decided by one function, `organiser_events(user)`: every view asks
it, so scoping organisers to their own events is a change in one place.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from hub.pages.formatting import long_date
from hub.pages.typography import typeset_text

from . import services
from .formatting import in_language
from .forms import RegistrationDetailsForm
from .messages import LANGUAGES, message_registrants
from .models import EventPage, Registration
from .permissions import events_visible_to

Status = Registration.Status


def organiser_events(user):
    """The events (source pages) whose registrants `user` may manage here.

    The toolkit's one permission check: an active user with the "change
    registration" permission, for the events they manage or created; a superuser,
    for every event. Tighten or widen it here, nowhere else.
    """
    events = EventPage.objects.sources()
    if not user.is_active:
        return events.none()
    if not user.is_superuser and not user.has_perm("events.change_registration"):
        return events.none()
    # The registrations admin's rule (hub/events/permissions.py): the managers and
    # creator of the event, on any of its translations.
    return events_visible_to(user, events)


class EventDeskMixin(WagtailAdminTemplateMixin):
    header_icon = "group"

    def dispatch(self, request, key, *args, **kwargs):
        if not organiser_events(request.user).exists():
            raise PermissionDenied
        self.event = organiser_events(request.user).filter(translation_key=key).first()
        if self.event is None:
            # Someone else's event, or none: the same answer (a 404 here would be
            # redirected to a language prefix by the locale middleware).
            raise PermissionDenied
        self.registrations = Registration.objects.filter(
            event_key=self.event.translation_key
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("registration:index"), "label": _("Registrations")},
            {"url": desk_url("desk", self.event), "label": self.event.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["urls"] = {
            name: desk_url(name, self.event)
            for name in ("desk", "add", "message", "attendance", "badges")
        }
        return context

    def audit(self, registration, action):
        log(
            instance=registration,
            action=f"hub.registration.{action}",
            user=self.request.user,
        )


def desk_url(name, event):
    return reverse(f"event_desk:{name}", args=(event.translation_key,))


class EventDeskView(EventDeskMixin, TemplateView):
    """Everyone registered, by status then name; ticked people are checked in at once
    (one submit, made for a phone at the door); people waiting can be given a place."""

    template_name = "events/admin/event_desk.html"
    page_title = _("Event desk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        active = self.registrations.exclude(status=Status.CANCELLED)
        context.update(
            confirmed=active.filter(status=Status.CONFIRMED).order_by("name"),
            waiting=active.filter(status=Status.WAITING).order_by("queue_number"),
            capacity=self.event.capacity,
            checked_in=active.filter(checked_in_at__isnull=False).count(),
            query=self.request.GET.get("q", ""),
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        ids = [
            value for value in request.POST.getlist("registration") if value.isdigit()
        ]
        if action == "check_in":
            done = 0
            chosen = self.registrations.filter(
                pk__in=ids, status=Status.CONFIRMED, checked_in_at__isnull=True
            )
            for registration in chosen:
                services.check_in(registration)
                self.audit(registration, "check_in")
                done += 1
            messages.success(request, _("Checked in: %(count)s.") % {"count": done})
        elif action == "promote" and len(ids) == 1:
            registration = self.registrations.filter(pk=ids[0]).first()
            try:
                if registration is None:
                    raise services.RegistrationNotChangeable
                services.promote_by_hand(registration)
            except services.RegistrationNotChangeable:
                messages.error(request, _("This action no longer applies."))
            else:
                self.audit(registration, "promote")
                messages.success(
                    request,
                    _("%(name)s has a place now and is told by e-mail.")
                    % {"name": registration.name},
                )
        else:
            messages.error(request, _("Tick at least one person."))
        return redirect(desk_url("desk", self.event))


class AddRegistrationForm(RegistrationDetailsForm):
    give_place = forms.BooleanField(
        label=_("Give a place even if the event is full"),
        required=False,
        help_text=_("For a speaker or a guest. Otherwise they join the waiting list."),
    )
    notify = forms.BooleanField(
        label=_("E-mail them the confirmation and their private link"),
        required=False,
        initial=True,
    )

    class Meta(RegistrationDetailsForm.Meta):
        fields = services.REGISTRATION_FIELDS


class AddRegistrationView(EventDeskMixin, FormView):
    template_name = "events/admin/event_desk_form.html"
    page_title = _("Add a person by hand")
    form_class = AddRegistrationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            registration = services.add_by_hand(
                self.event, data, give_place=data["give_place"], notify=data["notify"]
            )
        except services.AlreadyRegistered:
            form.add_error(
                "email", _("This address is already registered for this event.")
            )
            return self.form_invalid(form)
        self.audit(registration, "add")
        messages.success(
            self.request,
            _("%(name)s is registered (%(status)s).")
            % {"name": registration.name, "status": registration.get_status_display()},
        )
        return redirect(desk_url("desk", self.event))


RECIPIENTS = {
    "confirmed": (_("People with a place"), [Status.CONFIRMED]),
    "waiting": (_("People on the waiting list"), [Status.WAITING]),
    "all": (_("Both"), [Status.CONFIRMED, Status.WAITING]),
}


class MessageForm(forms.Form):
    recipients = forms.ChoiceField(
        label=_("To"),
        choices=[(key, label) for key, (label, _statuses) in RECIPIENTS.items()],
        initial="confirmed",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = {"en": _("English"), "fr": _("French")}
        for code in LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject in %(language)s")
                % {"language": names.get(code, code)},
                max_length=200,
                required=False,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message in %(language)s")
                % {"language": names.get(code, code)},
                widget=forms.Textarea(attrs={"rows": 8}),
                max_length=5000,
                required=False,
            )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"subject_{code}") for code in LANGUAGES) or not any(
            cleaned.get(f"body_{code}") for code in LANGUAGES
        ):
            raise forms.ValidationError(
                _("Write a subject and a message in at least one language.")
            )
        for code in LANGUAGES:
            if bool(cleaned.get(f"subject_{code}")) != bool(
                cleaned.get(f"body_{code}")
            ):
                raise forms.ValidationError(
                    _("Give each language both a subject and a message, or neither.")
                )
        return cleaned


class MessageView(EventDeskMixin, FormView):
    """One message, typed per language; each registrant gets their language's (the
    other one where a language was left empty)."""

    template_name = "events/admin/event_desk_form.html"
    page_title = _("Message the registrants")
    form_class = MessageForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["note"] = _(
            "Each person gets the subject and message of their preferred language, "
            "with their private link, or the other language's if you leave theirs "
            "empty."
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        _label, statuses = RECIPIENTS[data["recipients"]]
        recipients = self.registrations.filter(
            status__in=statuses, anonymised_at__isnull=True
        )
        subjects = {code: data[f"subject_{code}"] for code in LANGUAGES}
        bodies = {code: data[f"body_{code}"] for code in LANGUAGES}
        count = message_registrants(recipients, subjects, bodies)
        log(
            instance=self.event,
            action="hub.registration.message",
            user=self.request.user,
            data={"recipients": count},
        )
        messages.success(
            self.request,
            ngettext(
                "Message queued for %(count)s person.",
                "Message queued for %(count)s people.",
                count,
            )
            % {"count": count},
        )
        return redirect(desk_url("desk", self.event))


class AttendanceListView(EventDeskMixin, TemplateView):
    """A printable sign-in sheet: people with a place, by name, a box to sign."""

    template_name = "events/admin/attendance_list.html"
    page_title = _("Attendance list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = self.registrations.filter(status=Status.CONFIRMED).order_by(
            "name"
        )
        context["printed_at"] = timezone.now()
        return context


BADGES_PER_SHEET = 8


def badge_date(event):
    """The event's day(s) on a badge, in the active language: "4 January 2027",
    "4 January 2027 – 5 January 2027", or as precisely as the sources give it."""
    if not event.exact_time:
        return event.approximate_when
    start, end = event.local_start, event.local_end
    if start.date() == end.date():
        return long_date(start)
    return f"{long_date(start)} – {long_date(end)}"


class BadgesView(EventDeskMixin, TemplateView):
    """Name badges for the people with a place, eight to an A4 sheet: their name,
    their organisation if they gave one, and the event's title and date in the
    event's language (the source page's; ?language= for a translation's). Nothing
    else of what they told us is printed."""

    template_name = "events/admin/badges.html"
    page_title = _("Badges")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        translations = {
            page.locale.language_code: page
            for page in EventPage.objects.filter(
                translation_key=self.event.translation_key
            ).select_related("locale")
        }
        language = self.request.GET.get("language")
        if language not in translations:
            language = self.event.locale.language_code
        page = translations[language]
        with translation.override(language):
            event_title = typeset_text(page.title, language)
            event_date = typeset_text(badge_date(page), language)
        people = list(
            self.registrations.filter(status=Status.CONFIRMED)
            .order_by("name")
            .values("name", "organisation")
        )
        context.update(
            badge_language=language,
            event_title=event_title,
            event_date=event_date,
            sheets=[
                people[start : start + BADGES_PER_SHEET]
                for start in range(0, len(people), BADGES_PER_SHEET)
            ],
            count=len(people),
            other_languages=[
                (code, in_language(code))
                for code in sorted(translations)
                if code != language
            ],
        )
        return context


class EventDeskIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The events one may run the desk of, upcoming first."""

    template_name = "events/admin/event_desk_index.html"
    page_title = _("Event desk")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not organiser_events(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        events = organiser_events(self.request.user)
        context["upcoming"] = [
            (event, desk_url("desk", event))
            for event in events.filter(end__gte=now).order_by("start")
        ]
        context["past"] = [
            (event, desk_url("desk", event))
            for event in events.filter(end__lt=now).order_by("-start")[:20]
        ]
        return context


urlpatterns = [
    path("", EventDeskIndexView.as_view(), name="index"),
    path("<uuid:key>/", EventDeskView.as_view(), name="desk"),
    path("<uuid:key>/add/", AddRegistrationView.as_view(), name="add"),
    path("<uuid:key>/message/", MessageView.as_view(), name="message"),
    path("<uuid:key>/attendance/", AttendanceListView.as_view(), name="attendance"),
    path("<uuid:key>/badges/", BadgesView.as_view(), name="badges"),
]
