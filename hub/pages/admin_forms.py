"""The editor's form for every hub page: pickers in the page's own language.

Taxonomy terms and related pages exist once per language (one translation key), and
the public pages show each in the reader's language whichever one is stored. A picker
listing both languages showed "Hauts-de-France" twice; here each many-to-many picker
lists only the items in the language of the page being edited, sorted by name, and a
choice saved in the other language (older pages, translations copied from English)
shows ticked as its translation."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class HubPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(
            self.parent_page, "locale_id", None
        )
        if locale_id is None:
            return
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                self._in_locale(name, field, locale_id)

    def _in_locale(self, name, field, locale_id):
        model = field.queryset.model
        if not issubclass(model, TranslatableMixin):
            return
        queryset = field.queryset.filter(locale_id=locale_id)
        order = "title" if hasattr(model, "title") else "name"
        field.queryset = queryset.order_by(order)
        chosen = self.initial.get(name)
        if not chosen or self.is_bound:
            return
        items = [getattr(item, "pk", item) for item in chosen]
        keys = model.objects.filter(pk__in=items).values("translation_key")
        self.initial[name] = list(
            model.objects.filter(
                translation_key__in=keys, locale_id=locale_id
            ).values_list("pk", flat=True)
        )


def picker(name, help_text=""):
    """A many-to-many field as checkboxes (a plain click ticks one more; the
    multi-select dropped every other choice), in the page's language (HubPageForm)."""
    return FieldPanel(name, widget=forms.CheckboxSelectMultiple, help_text=help_text)
