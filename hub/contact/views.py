"""The contact page: GET shows the details and the form; POST e-mails the editors."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.pages.formatting import one_line

from . import ratelimit
from .forms import ContactForm
from .models import ContactSettings

logger = logging.getLogger(__name__)

SENT_PARAM = "sent"


def contact_page(page, request):
    details = ContactSettings.for_request(request)
    if request.method == "GET":
        sent = request.GET.get(SENT_PARAM) == "1"
        return _render(page, request, details, None if sent else ContactForm(), sent)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ContactForm(request.POST)
    if form.is_spam():
        return _render(
            page,
            request,
            details,
            None,
            status=400,
            refusal=_("Your message could not be accepted."),
        )
    if not form.is_valid():
        return _render(page, request, details, form, status=400)
    refusal = ratelimit.count_and_check(request, form.cleaned_data["email"])
    if refusal:
        retry = ngettext(
            "Please try again in %(minutes)d minute.",
            "Please try again in %(minutes)d minutes.",
            refusal.minutes,
        ) % {"minutes": refusal.minutes}
        response = _render(
            page,
            request,
            details,
            form,
            status=429,
            refusal=_("Too many messages have been sent from here recently.")
            + " "
            + retry,
        )
        response["Retry-After"] = str(refusal.retry_after)
        return response
    recipients = details.recipient_list()
    if not recipients:
        logger.error("Contact form: no recipient (Settings > Contact, or editors)")
        return _render(page, request, details, form, status=503, refusal=_unsent())
    try:
        _send(page, request, form.cleaned_data, recipients)
    except OSError:  # SMTP refused or unreachable: the reader keeps the message
        logger.exception("Contact form: the message could not be sent")
        return _render(page, request, details, form, status=503, refusal=_unsent())
    return HttpResponseRedirect(f"{page.url}?{SENT_PARAM}=1")


def _unsent():
    return _(
        "Your message could not be sent just now. It is still below: please try "
        "again in a few minutes."
    )


def _render(page, request, details, form, sent=False, status=200, refusal=""):
    context = page.get_context(request)
    context.update({"details": details, "form": form, "sent": sent, "refusal": refusal})
    response = TemplateResponse(
        request, "contact/contact_page.html", context, status=status
    )
    if request.method == "POST" or sent:
        add_never_cache_headers(response)
    return response


def _send(page, request, data, recipients):
    """One plain-text e-mail to the editors; Reply-To is the writer, so that they
    answer with their mail client."""
    language = translation.get_language()
    subject = _("Message from the hub's contact form: %(name)s") % {
        "name": one_line(data["name"])[:80]
    }
    body = render_to_string(
        "contact/email.txt",
        {
            "data": data,
            "page_url": page.get_full_url(request),
            "language": language,
            "referer": request.META.get("HTTP_REFERER", "")[:500],
        },
    )
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[data["email"]],
    ).send()
