import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from hub.pages.honeypot import HoneypotForm

MAX_MESSAGE = 5000


def _hidden_characters(text):
    """Control and format characters a reader cannot see (line breaks and tabs apart,
    and the joiners some scripts and emoji need)."""
    return [
        ch
        for ch in text
        if ch not in "\r\n\t\u200c\u200d" and unicodedata.category(ch) in {"Cc", "Cf"}
    ]


class ContactForm(HoneypotForm):
    """With the hidden honeypot field of every public form (HoneypotForm)."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We use it only to answer you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your e-mail address"),
            "invalid": _(
                "Enter an e-mail address in the right format, like name@example.org"
            ),
        },
    )
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE,
        help_text=_(
            "A question, a correction, a request for a document in another format… "
            "Do not include sensitive personal information."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Enter your message"),
            "max_length": _("Your message must be %(limit_value)d characters or fewer"),
        },
    )

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "organisation", "message"):
            value = cleaned.get(name) or ""
            if _hidden_characters(value):
                self.add_error(
                    name,
                    _("Remove the invisible or control characters from this field"),
                )
        for name in ("name", "organisation"):
            value = cleaned.get(name) or ""
            if "\n" in value or "\r" in value:
                self.add_error(name, _("Write this on one line"))
        return cleaned
