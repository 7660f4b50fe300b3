"""{% fragment "name" [value ...] %}...{% endfragment %}: the enclosed part of a public
page kept in the shared cache for every reader (hub/fragments.py says when and how
it is dropped). The values, if any, are part of the key (a part that depends on
something other than the language, the site, the page and the URL's path, such as a
registration's state). Without a page in the context (search, forms of their own)
the part is rendered each time, unless the view puts `PATH_FRAGMENTS` (True) in the
context: it says that the parts its template shares with the layout (the menu, the
breadcrumb) are the same for every request of its path, whatever the query string;
they are then kept per path and template, under the page generation alone.

{% fragment "name" shared %}: a part that is the same on every page of the language,
the site and the template (the layout's header and footer): one copy for all of them,
with or without a page.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page

from hub import fragments

register = template.Library()

# The context variable by which a view without a page opts in (see above).
PATH_FRAGMENTS = "fragments_by_path"


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    name = parser.compile_filter(bits[1])
    shared = bits[2:] == ["shared"]
    vary = [] if shared else [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, vary, nodelist, shared)


class FragmentNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, name, vary, nodelist, shared=False):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist
        self.shared = shared

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        if not isinstance(page, Page):
            page = None
        by_path = page is None and not self.shared and context.get(PATH_FRAGMENTS)
        if (
            not fragments.fragment_seconds()
            or (page is None and not self.shared and not by_path)
            or not fragments.may_use_fragments(request)
            or (page is not None and not fragments.page_is_public(page))
        ):
            return self.nodelist.render(context)
        generation = fragments.request_generation(request)
        if generation is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        if self.shared:
            # The template that extends the layout may fill the part's blocks.
            key = fragments.shared_fragment_key(name, request, context.template.name)
            stamp = generation
        elif by_path:
            vary = [value.resolve(context) for value in self.vary]
            key = fragments.fragment_key(name, request, [context.template.name, *vary])
            stamp = generation
        else:
            vary = [value.resolve(context) for value in self.vary]
            key = fragments.fragment_key(name, request, vary)
            stamp = fragments.fragment_stamp(page, generation)
        fragments.note_fragment(request, key)
        stored = fragments.stored_fragment(request, key)
        if stored is not None and stored[0] == stamp:
            return mark_safe(stored[1])  # noqa: S308 - rendered by this template
        markup = self.nodelist.render(context)
        fragments.store_fragment(request, key, stamp, markup)
        return markup
