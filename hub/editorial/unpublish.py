"""Unpublishing a page whose translations follow it, with the choice to keep them.

hub.editorial's `construct_translated_pages_to_cascade_actions` hook makes Wagtail
unpublish a source's translations with it: the safe default (a withdrawn English event
stops taking French registrations). Wagtail's hook is given no request, so the choice
to leave the translations published is made here, in Wagtail's own unpublish view
(same URL, same template, one more checkbox, unticked): for an English page that is
out of date while its French translation still holds, say. Deleting and moving keep
no such choice: a translation left behind would be an orphan or a diverging tree.
"""

from wagtail.admin.views.pages.unpublish import UnpublishView as WagtailUnpublishView

KEEP_TRANSLATIONS = "keep_translations"


class UnpublishView(WagtailUnpublishView):
    template_name = "editorial/confirm_unpublish.html"

    def get_objects_to_unpublish(self):
        # The page first: Wagtail's template counts the translations as the rest.
        translations = [
            page
            for page in super().get_objects_to_unpublish()
            if page.pk != self.object.pk
        ]
        if self.request.method == "POST" and self.request.POST.get(KEEP_TRANSLATIONS):
            return [self.object]
        return [self.object, *sorted(translations, key=lambda page: page.pk)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["keep_translations_field"] = KEEP_TRANSLATIONS
        return context
