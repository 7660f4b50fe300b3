from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Registration
from .services import EDITABLE_FIELDS, REGISTRATION_FIELDS

HONEYPOT_FIELD = "website"


class RegistrationDetailsForm(forms.ModelForm):
    """The fields a registrant fills in, shared by the registration and manage forms."""

    class Meta:
        model = Registration
        fields = EDITABLE_FIELDS
        widgets = {
            "accessibility_needs": forms.Textarea(attrs={"rows": 3}),
            "dietary_needs": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
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
        if not self.instance.pk:
            self.initial.setdefault(
                "preferred_language", translation.get_language() or "en"
            )
        if event.source_event.travel_places == 0:
            del self.fields["travel_requested"]


class RegistrationForm(RegistrationDetailsForm):
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
    # Hidden from people; bots that fill every field reveal themselves.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta(RegistrationDetailsForm.Meta):
        fields = REGISTRATION_FIELDS

    field_order = ["name", "email", *EDITABLE_FIELDS[1:], "consent"]

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


class ManageRegistrationForm(RegistrationDetailsForm):
    pass
