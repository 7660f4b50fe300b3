"""The glossary in the admin, beside the taxonomy."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["term", "abbreviation", "other_language_term", "locale"]
    list_filter = ["locale"]
    list_export = ["term", "abbreviation", "other_language_term", "definition"]
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)
