"""{% fragment "name" [value ...] %}...{% endfragment %}: the enclosed part of a public
page kept in the shared cache for every reader (hub/fragments.py says when and how
it is dropped). The values, if any, are part of the key (a part that depends on
something other than the language, the site, the page and the URL's path, such as a
registration's state). Without a page in the context (search, forms of their own)
the part is rendered each time."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from hub import fragments

register = template.Library()


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    name = parser.compile_filter(bits[1])
    vary = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, vary, nodelist)


class FragmentNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        seconds = fragments.fragment_seconds()
        if (
            not seconds
            or not isinstance(page, Page)
            or not fragments.may_use_fragments(request)
            or not fragments.page_is_public(page)
        ):
            return self.nodelist.render(context)
        generation = fragments.request_generation(request)
        if generation is None:
            return self.nodelist.render(context)
        key = fragments.fragment_key(
            self.name.resolve(context),
            request,
            [value.resolve(context) for value in self.vary],
        )
        fragments.note_fragment(request, key)
        stamp = fragments.fragment_stamp(page, generation)
        stored = fragments.stored_fragment(request, key)
        if stored is not None and stored[0] == stamp:
            return mark_safe(stored[1])  # noqa: S308 - rendered by this template
        markup = self.nodelist.render(context)
        fragments.store_fragment(request, key, stamp, markup)
        return markup
