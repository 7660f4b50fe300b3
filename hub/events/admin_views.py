"""Registrations in the Wagtail admin, for the "Event managers" group and superusers."""

import uuid

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters import BooleanFilter, ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from hub.pages.formatting import spreadsheet_safe, spreadsheet_text

from . import services
from .emails import send_registration_email
from .models import EventPage, Registration
from .permissions import (
    can_see_registration,
    events_visible_to,
    registrations_visible_to,
)

Status = Registration.Status


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Registrations come from the public form and leave by cancellation or
    anonymisation, so nobody adds, copies or deletes them in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "delete", "copy"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    # One registration: only the organisers of its event (hub/events/permissions.py).
    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_see_registration(
            user, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and can_see_registration(
            user, instance
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Registration.objects.none()
        return registrations_visible_to(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Registration.objects.none()
        return registrations_visible_to(user)


def event_choices(user=None):
    """One choice per event (its translation key), named by its source page; with
    `user`, the events whose registrants they may see."""
    events = EventPage.objects.sources().order_by("-start")
    if user is not None:
        events = events_visible_to(user, events)
    return [(str(event.translation_key), event.title) for event in events]


class RegistrationFilterSet(WagtailFilterSet):
    event_key = ChoiceFilter(label=_("Event"), choices=event_choices)
    travel_requested = BooleanFilter(label=_("Travel place requested"))
    travel_granted = BooleanFilter(label=_("Travel place granted"))
    checked_in = BooleanFilter(
        label=_("Checked in"),
        field_name="checked_in_at",
        lookup_expr="isnull",
        exclude=True,
    )

    class Meta:
        model = Registration
        fields = ["event_key", "status", "country", "organisation_kind"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is not None:
            self.filters["event_key"].extra["choices"] = event_choices(request.user)


class RegistrationIndexView(generic.IndexView):
    # Readable at 1280 px: names wrap at spaces only, the list scrolls sideways
    # rather than squeezing, and the event column goes once the list is one event's.
    template_name = "events/admin/registration_index.html"

    @cached_property
    def columns(self):
        columns = super().columns
        if self.request.GET.get("event_key"):
            columns = [column for column in columns if column.name != "event"]
        return columns

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("event")
        return registrations_visible_to(self.request.user, queryset)

    def preprocess_field_value(self, field, value, export_format):
        # Formulas are neutralised in CSV (openpyxl already writes them as text in
        # XLSX); control characters, which a registrant may have typed before the
        # form refused them, are dropped from both.
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return spreadsheet_text(value)

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Figures for reports"),
                url=reverse("registration:report"),
                icon_name="table",
            ),
            HeaderButton(
                _("E-mails waiting or failed"),
                url=reverse("registration:emails"),
                icon_name="mail",
            ),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.permission_policy.user_has_permission(self.request.user, "change"):
            return buttons
        for action, (label, icon) in ACTION_LABELS.items():
            if action_applies(action, instance):
                buttons.append(
                    MenuItem(
                        label,
                        url=reverse("registration:action", args=(instance.pk, action)),
                        icon_name=icon,
                        priority=15,
                    )
                )
        return buttons


ACTION_LABELS = {
    "grant_travel": (_("Grant a travel place"), "success"),
    "revoke_travel": (_("Withdraw the travel place"), "cross"),
    "check_in": (_("Check in"), "tick"),
    "undo_check_in": (_("Undo check-in"), "undo"),
    "cancel": (_("Cancel (gives the place to the first person waiting)"), "bin"),
}


# The audit log's action for each organisers' action (labels in wagtail_hooks.py).
LOG_ACTIONS = {action: f"hub.registration.{action}" for action in ACTION_LABELS}


def action_applies(action, registration):
    if registration.is_anonymised and action not in {"check_in", "undo_check_in"}:
        return False
    active = registration.is_active
    return {
        "grant_travel": active and not registration.travel_granted,
        "revoke_travel": registration.travel_granted,
        "check_in": registration.status == Status.CONFIRMED
        and registration.checked_in_at is None,
        "undo_check_in": registration.checked_in_at is not None,
        "cancel": active,
    }.get(action, False)


class RegistrationAdminMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = Registration

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("registration:index"), "label": _("Registrations")},
            {"url": "", "label": self.get_header_title()},
        ]


class RegistrationActionView(RegistrationAdminMixin, TemplateView):
    """GET asks for confirmation; POST calls the service."""

    permission_required = "change"
    template_name = "events/admin/registration_action.html"
    header_icon = "group"

    def dispatch(self, request, pk, action):
        self.registration = get_object_or_404(
            registrations_visible_to(request.user), pk=pk
        )
        if action not in ACTION_LABELS:
            return redirect("registration:index")
        self.action = action
        return super().dispatch(request)

    def get_page_title(self):
        return ACTION_LABELS[self.action][0]

    def get_page_subtitle(self):
        return str(self.registration)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.registration
        context["applies"] = action_applies(self.action, self.registration)
        context["index_url"] = reverse("registration:index")
        return context

    def post(self, request):
        registration = self.registration
        if not action_applies(self.action, registration):
            messages.error(request, _("This action no longer applies."))
            return redirect("registration:index")
        try:
            self.perform(registration)
        except services.NoTravelPlaceLeft:
            messages.error(request, _("All the subsidised travel places are granted."))
        except services.RegistrationError:
            messages.error(request, _("This action no longer applies."))
        else:
            messages.success(
                request,
                _("Done: %(action)s.") % {"action": ACTION_LABELS[self.action][0]},
            )
        return redirect("registration:index")

    def perform(self, registration):
        {
            "grant_travel": services.grant_travel_place,
            "revoke_travel": services.revoke_travel_place,
            "check_in": services.check_in,
            "undo_check_in": services.undo_check_in,
            "cancel": services.cancel_registration,
        }[self.action](registration)
        # Into Wagtail's audit log (the registration's history), labelled by number
        # and status only: no personal data (wagtail_hooks.py registers the actions).
        registration.refresh_from_db()
        log(
            instance=registration,
            action=LOG_ACTIONS[self.action],
            user=self.request.user,
        )


def registration_counts(queryset, field):
    return list(
        queryset.values(field)
        .annotate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=Status.WAITING)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
            travel_granted=Count("pk", filter=Q(travel_granted=True)),
        )
        .order_by(field)
    )


class RegistrationReportView(RegistrationAdminMixin, TemplateView):
    """Counts by country and by kind of organisation, per event or for all."""

    permission_required = "view"
    template_name = "events/admin/registration_report.html"
    page_title = _("Figures for programme reports")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = event_choices(self.request.user)
        selected = self.request.GET.get("event", "")
        if selected not in {key for key, _title in choices}:
            selected = ""
        registrations = registrations_visible_to(self.request.user)
        if selected:
            registrations = registrations.filter(event_key=selected)
        countries = dict(Registration.Country.choices)
        kinds = dict(Registration.OrganisationKind.choices)
        by_country = registration_counts(registrations, "country")
        for row in by_country:
            row["label"] = countries.get(row["country"], row["country"])
        by_kind = registration_counts(registrations, "organisation_kind")
        for row in by_kind:
            row["label"] = kinds.get(row["organisation_kind"], row["organisation_kind"])
        totals = registrations.aggregate(
            confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=Status.WAITING)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
            travel_requested=Count(
                "pk", filter=Q(travel_requested=True) & ~Q(status=Status.CANCELLED)
            ),
            travel_granted=Count("pk", filter=Q(travel_granted=True)),
        )
        context.update(
            events=choices,
            selected=selected,
            by_country=by_country,
            by_kind=by_kind,
            totals=totals,
            index_url=reverse("registration:index"),
        )
        return context


EMAIL_KINDS = {
    "confirmation": _("Confirmation"),
    "waiting_list": _("Waiting list"),
    "promotion": _("Place from the waiting list"),
    "cancellation": _("Cancellation"),
    "link": _("Private link sent again"),
}
EMAIL_STATES = {
    "READY": _("Queued"),
    "RUNNING": _("Sending"),
    "FAILED": _("Failed"),
}


class RegistrationEmailsView(RegistrationAdminMixin, TemplateView):
    """E-mails to registrants that are waiting or have failed, from the task queue,
    with "Send again" for the failed ones. Sent e-mails leave the list."""

    permission_required = "change"
    template_name = "events/admin/registration_emails.html"
    page_title = _("E-mails to registrants")
    header_icon = "mail"

    def email_tasks(self):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(
            task_path=send_registration_email.module_path,
            status__in=list(EMAIL_STATES),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tasks = list(self.email_tasks().order_by("-enqueued_at")[:500])
        registrations = registrations_visible_to(self.request.user).in_bulk(
            {task.args_kwargs["args"][0] for task in tasks}
        )
        rows = []
        for task in tasks:
            registration_id, kind, *attempt = task.args_kwargs["args"]
            registration = registrations.get(registration_id)
            if registration is None:
                continue
            rows.append(
                {
                    "task": task,
                    "registration": registration,
                    "kind": EMAIL_KINDS.get(kind, kind),
                    "state": EMAIL_STATES[task.status],
                    "attempt": attempt[0] if attempt else 1,
                    "error": task.exception_class_path.rsplit(".", 1)[-1],
                }
            )
        context.update(
            rows=rows,
            queue_in_use=send_registration_email.get_backend().supports_defer,
            index_url=reverse("registration:index"),
        )
        return context

    def post(self, request):
        """Send a failed e-mail again, as a new first try."""
        task_id = request.POST.get("task", "")
        failed = self.email_tasks().filter(status="FAILED")
        task = failed.filter(pk=task_id).first() if _is_uuid(task_id) else None
        if task is not None and not (
            registrations_visible_to(request.user)
            .filter(pk=task.args_kwargs["args"][0])
            .exists()
        ):
            task = None
        if task is None:
            messages.error(request, _("This e-mail is no longer in the list."))
            return redirect("registration:emails")
        registration_id, kind, *_attempt = task.args_kwargs["args"]
        send_registration_email.enqueue(registration_id, kind)
        task.delete()
        messages.success(request, _("The e-mail is queued to be sent again."))
        return redirect("registration:emails")


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class RegistrationEditView(generic.EditView):
    def get_queryset(self):
        return registrations_visible_to(self.request.user)


class RegistrationInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            registrations_visible_to(self.request.user), pk=self.pk
        )


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    # A registration links to nothing editors need to see as "usage" of the event,
    # and indexing it would run inside the registration's locked transaction.
    add_to_reference_index = False
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["token", "public_id"]  # the secret link stays secret
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    inspect_view_class = RegistrationInspectView
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation"]
    search_backend_name = None  # plain database search: registrations are not indexed
    list_per_page = 50
    list_display = [
        "name",
        "email",
        Column("event", label=_("Event")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("queue_number", label=_("Waiting-list no.")),
        Column("country", label=_("Country"), accessor="get_country_display"),
        Column(
            "organisation_kind",
            label=_("Kind of organisation"),
            accessor="get_organisation_kind_display",
        ),
        BooleanColumn("travel_requested", label=_("Travel requested")),
        BooleanColumn("travel_granted", label=_("Travel granted")),
        DateColumn("checked_in_at", label=_("Checked in")),
        DateColumn("created_at", label=_("Registered")),
    ]
    list_export = [
        "event",
        "get_status_display",
        "queue_number",
        "name",
        "email",
        "organisation",
        "get_organisation_kind_display",
        "get_country_display",
        "role",
        "preferred_language",
        "accessibility_needs",
        "dietary_needs",
        "travel_requested",
        "travel_granted",
        "checked_in_at",
        "created_at",
        "consent_given_at",
        "privacy_notice_version",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "get_organisation_kind_display": _("Kind of organisation"),
        "get_country_display": _("Country"),
    }
    export_filename = "registrations"
    # What the registrant may change themselves: capacity, status and travel places
    # change only through the services.
    form_fields = services.EDITABLE_FIELDS

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("report/", RegistrationReportView.as_view(), name="report"),
            path("emails/", RegistrationEmailsView.as_view(), name="emails"),
            path(
                "action/<int:pk>/<slug:action>/",
                RegistrationActionView.as_view(),
                name="action",
            ),
        ]
