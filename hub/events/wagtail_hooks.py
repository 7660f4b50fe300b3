from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import RegistrationPermissionPolicy, RegistrationViewSet
from .models import Registration

# Before any view asks for the policy (Wagtail then creates a fallback one).
register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registration")
