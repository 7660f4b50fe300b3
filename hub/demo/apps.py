from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Installed in the development and test settings only: production never loads
    the demo content."""

    name = "hub.demo"
    label = "demo"
    verbose_name = "Demo content"
