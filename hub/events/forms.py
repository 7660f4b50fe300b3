import re
import unicodedata

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub.pages.honeypot import HoneypotForm

from .models import Registration
from .services import EDITABLE_FIELDS, REGISTRATION_FIELDS

# What a person cannot see or mean in a name or a note: control characters, and the
# format characters that reorder text or hide in it (bidi overrides and isolates,
# zero-width spaces and joiners, the byte-order mark). Organisers would read a name
# other than the one stored, and exports would carry them.
LINE_BREAKS = re.compile(r"[\r\n\u0085\u2028\u2029]")
# Zero-width non-joiner and joiner are part of how some scripts write names (Persian,
# Indic scripts) and of emoji sequences: they stay.
JOINERS = {"\u200c", "\u200d"}
ONE_LINE_FIELDS = ("name", "organisation", "role")
NOTE_FIELDS = ("accessibility_needs", "dietary_needs")


def hidden_characters(text, allow_line_breaks):
    """The characters of `text` a reader cannot see, line breaks apart if allowed."""
    found = []
    for character in text:
        if allow_line_breaks and character in "\r\n\t":
            continue
        if character in JOINERS:
            continue
        if unicodedata.category(character) in {"Cc", "Cf"}:
            found.append(character)
    return found


EMAIL_FORMAT = _("Enter an e-mail address in the right format, like name@example.org")
REQUIRED_MESSAGES = {
    "name": _("Enter your name"),
    "email": _("Enter your e-mail address"),
    "organisation_kind": _("Choose the kind of organisation you work for"),
    "country": _("Choose the country you work in"),
    "preferred_language": _("Choose the language of our e-mails"),
}


class RegistrationDetailsForm(forms.ModelForm):
    """The fields a registrant fills in, shared by the registration and manage forms."""

    class Meta:
        model = Registration
        fields = EDITABLE_FIELDS
        # autocomplete tokens (WCAG 1.3.5): browsers fill in what they know.
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(
                attrs={"autocomplete": "email", "spellcheck": "false"}
            ),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "country": forms.RadioSelect(attrs={"autocomplete": "country"}),
            "preferred_language": forms.RadioSelect(attrs={"autocomplete": "language"}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "dietary_needs": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "email": _("We send your confirmation and private link to it."),
            "role": _("For example: project officer, director, volunteer."),
            "accessibility_needs": _(
                "Anything that would help you take part: step-free access, "
                "hearing loop, large print, a quiet room..."
            ),
            "travel_requested": _(
                "A limited number of subsidised travel places is available for "
                "this event; organisers will tell you whether you have one."
            ),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].help_text = _(
            "The language of the e-mails we send you about this event."
        )
        # Errors that say what to do (GOV.UK), not "This field is required".
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        if "email" in self.fields:
            self.fields["email"].error_messages["invalid"] = EMAIL_FORMAT
        # A sensible empty choice instead of Django's "---------"; the radios
        # (country, language) have none.
        kind = self.fields["organisation_kind"]
        kind.choices = [("", _("Choose one")), *list(kind.choices)[1:]]
        for name in ("country", "preferred_language"):
            field = self.fields[name]
            field.choices = [c for c in field.choices if c[0] != ""]
        if not self.instance.pk:
            self.initial.setdefault(
                "preferred_language", translation.get_language() or "en"
            )
        if event.source_event.travel_places == 0:
            del self.fields["travel_requested"]

    def clean(self):
        cleaned = super().clean()
        for name in (*ONE_LINE_FIELDS, *NOTE_FIELDS):
            value = cleaned.get(name)
            if not isinstance(value, str):
                continue
            if name in ONE_LINE_FIELDS and LINE_BREAKS.search(value):
                self.add_error(
                    name, _("Please write this on one line, without line breaks.")
                )
            elif hidden_characters(value, allow_line_breaks=name in NOTE_FIELDS):
                self.add_error(
                    name,
                    _(
                        "This contains invisible or control characters (often "
                        "pasted along with text). Please type it again."
                    ),
                )
            else:
                cleaned[name] = unicodedata.normalize("NFC", value)
        return cleaned


class RegistrationForm(HoneypotForm, RegistrationDetailsForm):
    """With the hidden honeypot field of every public form (HoneypotForm)."""

    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree to my data being used "
            "to organise this event."
        ),
        required=True,
        error_messages={
            "required": _("Please agree to the privacy notice to register."),
        },
    )

    class Meta(RegistrationDetailsForm.Meta):
        fields = REGISTRATION_FIELDS

    field_order = ["name", "email", *EDITABLE_FIELDS[1:], "consent"]


class ManageRegistrationForm(RegistrationDetailsForm):
    pass


class NewLinkForm(forms.Form):
    """The address a registrant gave, to receive their private link again."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": REQUIRED_MESSAGES["email"],
            "invalid": EMAIL_FORMAT,
        },
    )
