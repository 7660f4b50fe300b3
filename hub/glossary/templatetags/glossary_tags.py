"""{% explain_glossary_terms %}...{% end_explain_glossary_terms %}: the first use of
each glossary term in the enclosed text explained (markup.py), with the list of the
terms explained after it."""

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from ..markup import explain_terms

register = template.Library()


@register.tag("explain_glossary_terms")
def do_explain_glossary_terms(parser, token):
    nodelist = parser.parse(("end_explain_glossary_terms",))
    parser.delete_first_token()
    return GlossaryNode(nodelist)


class GlossaryNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        markup = self.nodelist.render(context)
        language = (translation.get_language() or "").split("-")[0]
        markup, explained = explain_terms(markup, language)
        if not explained:
            return markup
        try:
            glossary_url = reverse("glossary")
        except NoReverseMatch:
            glossary_url = ""
        notes = render_to_string(
            "glossary/terms_explained.html",
            {"entries": explained, "glossary_url": glossary_url},
        )
        return mark_safe(markup + notes)  # noqa: S308 - rendered templates only
