"""The honeypot of every public form (registration, contact), beside the shared rate
limit (hub/pages/ratelimit.py).

A text field that people never see (the templates hide it in `.registration-hp`,
aria-hidden, out of the tab order) and bots that fill every field fill too: a form
sent with it filled is refused before it is validated or counted."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotForm(forms.Form):
    """Base or mixin of a public form (a ModelForm too): adds the hidden field, last
    in the field order, and `is_spam()`."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # After the form's own fields, whatever the order of the base classes.
        self.fields[HONEYPOT_FIELD] = self.fields.pop(HONEYPOT_FIELD)

    def is_spam(self):
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())
