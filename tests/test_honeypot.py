"""The one honeypot of the public forms (hub/pages/honeypot.py): the registration and
contact forms carry the same hidden field, last, and refuse a form that fills it."""

import pytest

from hub.contact.forms import ContactForm
from hub.events.forms import ManageRegistrationForm, RegistrationForm
from hub.pages.honeypot import HONEYPOT_FIELD
from tests.factories import make_event_site


@pytest.fixture
def event(locales):
    return make_event_site().add_event()


def make(form_class, event, **kwargs):
    if form_class is ContactForm:
        return form_class(**kwargs)
    return form_class(event=event["en"], **kwargs)


@pytest.mark.parametrize("form_class", [RegistrationForm, ContactForm])
def test_each_public_form_carries_the_hidden_field_last(form_class, event):
    form = make(form_class, event)
    assert list(form.fields)[-1] == HONEYPOT_FIELD
    field = form.fields[HONEYPOT_FIELD]
    assert field.required is False
    assert field.widget.attrs["tabindex"] == "-1"
    assert str(field.label) == "Leave this field empty"


@pytest.mark.parametrize("form_class", [RegistrationForm, ContactForm])
@pytest.mark.parametrize(
    ("value", "spam"), [("", False), ("   ", False), ("http://spam.example", True)]
)
def test_a_filled_honeypot_is_spam(form_class, value, spam, event):
    assert make(form_class, event, data={HONEYPOT_FIELD: value}).is_spam() is spam


def test_the_manage_form_has_no_honeypot(event):
    # A registrant reaches it through a private link, not an open form.
    assert HONEYPOT_FIELD not in make(ManageRegistrationForm, event).fields
