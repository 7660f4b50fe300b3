from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

# The path is translated: /en/glossary/, /fr/glossaire/.
urlpatterns = [
    path(pgettext_lazy("URL path", "glossary/"), views.glossary, name="glossary")
]
