"""Public views of an event: registration, the secret manage page, iCalendar."""

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseNotFound,
    HttpResponseRedirect,
)
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from wagtail import hooks
from wagtail.models import Page

from . import ical, ratelimit, services
from .formatting import event_when
from .forms import ManageRegistrationForm, NewLinkForm, RegistrationForm
from .models import EventIndexPage, EventPage, Registration
from .practical import practical_details

SESSION_KEY = "hub_events_registered"


def _private(response):
    """Pages showing personal data: never cached; the secret link never leaves the
    site in a Referer ("same-origin" keeps the Origin header that CSRF checks need)."""
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render(request, page, template, status=200, **context):
    context.setdefault("when", event_when(page))  # "where" comes from get_context
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


CLOSED_MESSAGES = {
    "not_yet_open": gettext_noop("Registration for this event is not open yet."),
    "closed": gettext_noop("Registration for this event is closed."),
    "past": gettext_noop("This event has already taken place; registration is closed."),
}


def closed_message(state, page):
    if state == "not_yet_open" and page.source_event.registration_opens_at:
        return _("Registration for this event opens on %(date)s.") % {
            "date": _local_datetime(page, page.source_event.registration_opens_at)
        }
    return _(CLOSED_MESSAGES[state])


def _local_datetime(page, value):
    local = timezone.localtime(value, page.tz)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({page.time_zone})"


def _refuse(request, page, message, status):
    """The registration page with the reason instead of the form."""
    return _render(
        request, page, "events/register.html", status=status, message=message
    )


def register(request, page):
    state = page.registration_state
    if state == "not_offered":
        raise Http404
    if state != "open":
        status = 200 if request.method in ("GET", "HEAD") else 403
        return _refuse(request, page, closed_message(state, page), status)
    if request.method == "POST":
        return _register_post(request, page)
    form = RegistrationForm(event=page)
    return _render_form(request, page, form)


def _render_form(request, page, form, status=200, refusal=""):
    return _render(
        request,
        page,
        "events/register.html",
        status=status,
        form=form,
        refusal=refusal,
        privacy_page=services.privacy_notice_page(page.locale, page.get_site()),
        retention_days=services.retention_days(),
    )


def _too_many(request, page, form, refusal):
    """429: the form again, as typed, saying which allowance is used up and when the
    next window opens (also in Retry-After)."""
    if refusal.reason == "email":
        reason = _(
            "Too many registrations have been made with this e-mail address recently."
        )
    else:
        reason = _("Too many registrations have come from your network recently.")
    retry = ngettext(
        "Please try again in %(minutes)d minute.",
        "Please try again in %(minutes)d minutes.",
        refusal.minutes,
    ) % {"minutes": refusal.minutes}
    response = _render_form(
        request, page, form, status=429, refusal=f"{reason} {retry}"
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def _register_post(request, page):
    form = RegistrationForm(request.POST, event=page)
    if form.is_spam():
        return _refuse(
            request, page, _("Your registration could not be accepted."), 400
        )
    if not form.is_valid():
        return _render_form(request, page, form)
    refusal = ratelimit.count_and_check(request, form.cleaned_data["email"])
    if refusal:
        return _too_many(request, page, form, refusal)
    try:
        registration = services.register_for_event(page, form.cleaned_data)
    except services.AlreadyRegistered:
        form.add_error(
            "email",
            _(
                "This e-mail address is already registered for this event. The "
                "e-mail we sent you has a link to see or change your registration."
            ),
        )
        return _render_form(request, page, form, status=409)
    except services.RegistrationClosed as closed:
        return _refuse(request, page, closed_message(closed.state, page), 403)
    request.session[SESSION_KEY] = str(registration.public_id)
    return HttpResponseRedirect(page.url + page.reverse_subpage("register_done"))


def register_done(request, page):
    public_id = request.session.get(SESSION_KEY)
    registration = (
        Registration.objects.filter(
            public_id=public_id, event_key=page.translation_key
        ).first()
        if public_id
        else None
    )
    if registration is None:
        return HttpResponseRedirect(page.url)
    return _private(
        _render(
            request,
            page,
            "events/register_done.html",
            registration=registration,
            position=registration.waiting_list_position(),
        )
    )


def request_new_link(request, page):
    """GET: a form for the address; POST: the link is e-mailed again if the address
    is registered for this event, and the answer is the same either way."""
    form = NewLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.send_new_link(page, form.cleaned_data["email"])
        return HttpResponseRedirect(request.path + "?sent=1")
    return _private(
        _render(
            request,
            page,
            "events/manage_new_link.html",
            form=form,
            sent=request.method == "GET" and request.GET.get("sent") == "1",
        )
    )


def manage_registration(request, page, public_id, token):
    try:
        registration = services.find_registration(page, public_id, token)
    except services.InvalidLink:
        return _private(
            _render(
                request, page, "events/manage_refused.html", status=404, expired=False
            )
        )
    except services.ExpiredLink:
        return _private(
            _render(
                request, page, "events/manage_refused.html", status=410, expired=True
            )
        )
    changeable = registration.is_active and not page.source_event.is_past
    confirm = request.GET.get("confirm")
    if request.method in ("GET", "HEAD") and confirm in ("cancel", "erase"):
        if confirm == "cancel" and not changeable:
            return HttpResponseRedirect(request.path)
        return _private(
            _render(
                request,
                page,
                "events/manage_confirm.html",
                registration=registration,
                confirm=confirm,
                someone_waiting=Registration.objects.filter(
                    event_key=registration.event_key, status=Registration.Status.WAITING
                ).exists(),
            )
        )
    form = ManageRegistrationForm(instance=registration, event=page)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "erase":
            services.erase_registration(registration)
            return _private(_render(request, page, "events/manage_erased.html"))
        if action in ("update", "cancel") and not changeable:
            status = 409
        elif action == "cancel":
            services.cancel_registration(registration)
            return HttpResponseRedirect(request.path + "?done=cancelled")
        elif action == "update":
            form = ManageRegistrationForm(
                request.POST, instance=registration, event=page
            )
            if form.is_valid():
                services.update_registration(registration, form.cleaned_data)
                return HttpResponseRedirect(request.path + "?done=updated")
            registration.refresh_from_db()
        else:
            status = 400
    return _private(
        _render(
            request,
            page,
            "events/manage.html",
            status=status,
            registration=registration,
            position=registration.waiting_list_position(),
            form=form,
            changeable=changeable,
            done=request.GET.get("done"),
            refused=status != 200,
            expires_at=services.link_expires_at(page.source_event),
            # The private practical details: for people with a place only.
            details=practical_details(page)
            if registration.status == Registration.Status.CONFIRMED
            else None,
            calendar_url=request.path + "calendar/",
        )
    )


def private_calendar(request, page, public_id, token):
    """The registrant's calendar file, with the practical details: behind the same
    secret link as the manage page, for a confirmed place only."""
    try:
        registration = services.find_registration(page, public_id, token)
    except (services.InvalidLink, services.ExpiredLink):
        raise Http404 from None
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404
    response = HttpResponse(
        ical.event_calendar(page, request, private=True),
        content_type=ical.CONTENT_TYPE,
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{ical.ics_filename(page)}"'
    )
    return _private(response)


def calendar_file(request, page_path, filename):
    """GET <event>/event.ics or <event index>/calendar.ics, served as Wagtail serves
    the page itself: through the same `before_serve_page` and `on_serve_page` hooks,
    so a view restriction refuses the file exactly as it refuses the page."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    route = Page.route_for_request(request, page_path)
    if route is None:
        raise Http404
    page, args, kwargs = route
    page = page.specific
    if filename == "event" and isinstance(page, EventPage):
        render = event_ical
    elif filename == "calendar" and isinstance(page, EventIndexPage):
        render = calendar_feed
    else:
        raise Http404

    def serve_file(page, request, serve_args, serve_kwargs):
        return render(request, page)

    chain = serve_file
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


def event_ical(request, page):
    if not page.exact_time:
        # A calendar entry needs a day and hours: none is invented for an event
        # the sources date only by season, month or year.
        return HttpResponseNotFound(
            _(
                "This event has no calendar entry: its sources do not give its day "
                "and hours."
            ),
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(
        ical.event_calendar(page, request), content_type=ical.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'inline; filename="{ical.ics_filename(page)}"'
    return response


def calendar_feed(request, index_page):
    # Only events with a day and hours: the others have no calendar entry.
    events = index_page.upcoming_events().filter(
        date_precision=EventPage.DatePrecision.TIME
    )
    return HttpResponse(
        ical.events_feed(index_page, events, request), content_type=ical.CONTENT_TYPE
    )
