from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .admin_views import (
    LOG_ACTIONS,
    RegistrationPermissionPolicy,
    RegistrationViewSet,
)
from .models import Registration

# Before any view asks for the policy (Wagtail then creates a fallback one).
register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registration")


# Organisers' actions in the audit log: (label, message) of each LOG_ACTIONS entry.
LOG_ACTION_TEXTS = {
    "check_in": (_("Check in"), _("Checked in")),
    "undo_check_in": (_("Undo check-in"), _("Check-in undone")),
    "grant_travel": (_("Grant a travel place"), _("Travel place granted")),
    "revoke_travel": (_("Withdraw the travel place"), _("Travel place withdrawn")),
    "cancel": (_("Cancel a registration"), _("Registration cancelled")),
}


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    for action, (label, message) in LOG_ACTION_TEXTS.items():
        actions.register_action(LOG_ACTIONS[action], label, message)


# -- the organisers' toolkit (organiser_views.py) -----------------------------------


@hooks.register("register_admin_urls")
def register_event_desk_urls():
    from django.urls import include, path

    from . import organiser_views

    return [
        path(
            "event-desk/",
            include(
                (organiser_views.urlpatterns, "event_desk"), namespace="event_desk"
            ),
        )
    ]


class EventDeskMenuItem(MenuItem):
    def is_shown(self, request):
        from .organiser_views import organiser_events

        return organiser_events(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_event_desk_menu_item():
    from django.urls import reverse

    return EventDeskMenuItem(
        _("Event desk"), reverse("event_desk:index"), icon_name="tick", order=321
    )


DESK_LOG_ACTIONS = {
    "hub.registration.promote": (
        _("Give a place from the waiting list"),
        _("Place given from the waiting list by an organiser"),
    ),
    "hub.registration.add": (
        _("Add a person by hand"),
        _("Registered by an organiser"),
    ),
    "hub.registration.message": (
        _("Message the registrants"),
        _("Message sent to the registrants"),
    ),
}


@hooks.register("register_log_actions")
def register_event_desk_log_actions(actions):
    for action, (label, message) in DESK_LOG_ACTIONS.items():
        actions.register_action(action, label, message)
