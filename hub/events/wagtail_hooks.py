from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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
