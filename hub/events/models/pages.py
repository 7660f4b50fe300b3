"""Cross-border events. Registrations belong to the event across its translations."""

from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework.fields import DateTimeField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from hub.pages import api_fields as api
from hub.pages.admin_forms import picker
from hub.pages.blocks import AgendaItemBlock
from hub.pages.dates import DatePrecision, format_range, iso_date
from hub.pages.localization import language_code
from hub.pages.models import HubPage
from hub.pages.models.images import PageImageMixin, prefetch_logos
from hub.pages.models.taxonomy import Country
from hub.pages.visibility import public

from ..admin_forms import EventPageForm
from ..formatting import event_where
from ..practical import practical_details
from .registrations import Registration


class EventIndexPage(HubPage):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
    ]

    api_fields = api.INDEX_API_FIELDS
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = public(EventPage.objects.child_of(self).live())
        context["upcoming_events"] = list(events.filter(end__gte=now).order_by("start"))
        past = events.filter(end__lt=now).order_by("-start")
        context["past_events"] = Paginator(past, 12).get_page(request.GET.get("page"))
        return context

    def upcoming_events(self):
        return (
            public(EventPage.objects.child_of(self).live())
            .filter(end__gte=timezone.now())
            .order_by("start")
        )

    @property
    def calendar_url(self):
        # Served by hub.events.urls: Wagtail's page URLs cannot contain a dot.
        return f"{self.url}calendar.ics"


def default_language():
    """The default locale's language code (what Locale.get_default() looks up)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class EventPageQuerySet(PageQuerySet):
    """An event is one thing across its translations (one translation key); its
    source page, in the default locale, holds the capacity and window that count."""

    def sources(self):
        """One page per event: the one in the default locale (named by its language
        code, as Locale.get_default() finds it, without reading the locale first)."""
        return self.filter(locale__language_code=default_language())

    def for_key(self, key, language=None):
        """The event page for translation key `key`: in `language` when there is
        one, otherwise its source page (or, with none in the default locale, the
        oldest page). None when nothing in this queryset has the key."""
        pages = self.filter(translation_key=key)
        if language:
            page = pages.filter(locale__language_code=language).first()
            if page is not None:
                return page
        return pages.sources().first() or pages.order_by("pk").first()


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(PageImageMixin, RoutablePageMixin, HubPage):
    search_type = "event"
    search_type_label = _("Events")
    search_type_order = 50

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class TimeZone(models.TextChoices):
        PARIS = "Europe/Paris", _("France (Europe/Paris)")
        LONDON = "Europe/London", _("United Kingdom (Europe/London)")

    class Languages(models.TextChoices):
        NOT_STATED = "", _("Not stated in the sources")
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        BOTH = "fr-en", _("French and English")

    class DatePrecision(models.TextChoices):
        TIME = "time", _("Date and time")
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        SEASON = "season", _("Season")
        YEAR = "year", _("Year")

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    date_precision = models.CharField(
        _("precision of the dates"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.TIME,
        help_text=_(
            'How much of the dates the sources give. Below "date and time", the '
            "page shows only what is known and the event has no calendar entry."
        ),
    )
    time_zone = models.CharField(
        _("venue time zone"),
        max_length=40,
        choices=TimeZone.choices,
        default=TimeZone.PARIS,
    )
    event_format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    languages = models.CharField(
        _("languages"),
        max_length=5,
        choices=Languages.choices,
        default=Languages.BOTH,
        blank=True,
    )
    interpretation = models.CharField(
        _("interpretation"),
        max_length=300,
        blank=True,
        help_text=_("For example: simultaneous interpretation French-English."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ul", "ol"],
    )
    agenda = StreamField(
        [("item", AgendaItemBlock())], verbose_name=_("programme"), blank=True
    )
    organisers = ParentalManyToManyField(
        "pages.Organisation", verbose_name=_("organisers"), blank=True, related_name="+"
    )
    # The people who run the event in the admin (with its creator): they alone see
    # its registrants' personal data (hub/events/permissions.py).
    managers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("event managers"),
        blank=True,
        related_name="+",
        limit_choices_to={"groups__name": "Event managers", "is_active": True},
        help_text=_(
            "Members of the Event managers group who run this event: with the "
            "event's creator, they alone see its registrants."
        ),
    )
    related_case_study = models.ForeignKey(
        "practices.CaseStudyPage",
        verbose_name=_("related case study"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), default=0, help_text=_("0 means registration is not offered.")
    )
    travel_places = models.PositiveIntegerField(
        _("subsidised travel places"), default=0
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True
    )
    # Practical details for registrants only: in their e-mails (with the calendar
    # file attached to them) and on their private manage page; never on the public
    # page, the API, search, feeds, the public calendar files or the JSON-LD.
    private_address = models.TextField(
        _("exact address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Sent only to people whose place is confirmed: street, building, floor, "
            "room. The public page shows the venue and city above."
        ),
    )
    joining_link = models.URLField(
        _("joining link"),
        max_length=500,
        blank=True,
        help_text=_(
            "For an online or hybrid event: the video-call link, sent only to "
            "people whose place is confirmed."
        ),
    )
    access_information = models.TextField(
        _("access information"),
        max_length=2000,
        blank=True,
        help_text=_(
            "How to get there and in: public transport, parking, step-free access, "
            "the door to use, who to call on the day. Sent only to registrants."
        ),
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("reminder (days before)"),
        null=True,
        blank=True,
        help_text=_(
            "How many days before the event confirmed registrants get a reminder "
            "with the practical details. Empty: the site's default; 0: no reminder."
        ),
    )

    base_form_class = EventPageForm
    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        PageImageMixin.image_panel,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("date_precision"),
                FieldPanel("time_zone"),
                FieldPanel("event_format"),
                FieldRowPanel(
                    [FieldPanel("venue"), FieldPanel("city"), FieldPanel("country")]
                ),
                FieldRowPanel([FieldPanel("languages"), FieldPanel("interpretation")]),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("description"),
        FieldPanel("agenda"),
        picker("organisers", _("The organisations that run the event.")),
        FieldPanel("related_case_study"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("travel_places")]),
                FieldRowPanel(
                    [
                        FieldPanel("registration_opens_at"),
                        FieldPanel("registration_closes_at"),
                    ]
                ),
                FieldPanel("managers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("reminder_days_before"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("private_address"),
                FieldPanel("joining_link"),
                FieldPanel("access_information"),
            ],
            heading=_("Practical details for registrants (private)"),
            help_text=_(
                "Never shown on the public page: sent in the confirmation and "
                "reminder e-mails and their calendar file, and shown on each "
                "registrant's private page."
            ),
        ),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("venue"),
        index.FilterField("start"),
    ]

    api_fields = [
        APIField("summary"),
        api.field("image", api.image("image", "image_alt")),
        api.field("start", lambda page: page.api_moment("start")),
        api.field("end", lambda page: page.api_moment("end")),
        APIField("date_precision"),
        APIField("time_zone"),
        api.field("event_format", api.choice("event_format")),
        APIField("venue"),
        APIField("city"),
        APIField("country"),
        api.field("languages", api.choice("languages")),
        APIField("interpretation"),
        api.field("description", api.rich_text("description")),
        APIField("agenda"),
        api.field(
            "organisers",
            lambda page: [api.term(org) for org in page.localized_organisers],
        ),
        api.field(
            "related_case_study",
            lambda page: (
                api.page_ref(page.localized_case_study)
                if page.localized_case_study
                else None
            ),
        ),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    objects = EventPageManager()

    # One event in two languages: its logistics are the source page's. Translators
    # cannot override them (wagtail-localize copies them at each sync), and every save
    # of a translation, and every publish of the source, copies them again, so the
    # French page follows the English one's dates and places without a manual sync.
    SHARED_FIELDS = (
        "start",
        "end",
        "date_precision",
        "time_zone",
        "event_format",
        "country",
        "capacity",
        "travel_places",
        "registration_opens_at",
        "registration_closes_at",
        "reminder_days_before",
        "private_address",
        "joining_link",
    )
    override_translatable_fields = PageImageMixin.override_translatable_fields + [
        SynchronizedField(name, overridable=False) for name in SHARED_FIELDS
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def permissions_for_user(self, user):
        """Wagtail's tester, with the events' organisers (hub/events/permissions.py):
        the managers named on an event edit it as its creator does."""
        from ..permissions import EventPagePermissionTester

        return EventPagePermissionTester(user, self)

    @property
    def exact_time(self):
        """Whether the sources give the event's day and hours: only then is it shown
        with its time, offered as a calendar entry or described with a time."""
        return self.date_precision == self.DatePrecision.TIME

    def api_moment(self, name):
        """`start` or `end` for the API: a date and time when the sources give the
        hours, else ISO 8601 reduced to what they give ("2014" for spring 2014)."""
        value = getattr(self, name)
        if self.exact_time:
            return DateTimeField().to_representation(value)
        precision = (
            DatePrecision.DAY
            if self.date_precision == self.DatePrecision.DAY
            else self.date_precision
        )
        return iso_date(value.astimezone(ZoneInfo(self.time_zone)), precision)

    @property
    def approximate_when(self):
        """The dates as precisely as the sources give them ("spring 2014"), for an
        event whose hours are not known; "" for one whose hours are."""
        if self.exact_time:
            return ""
        zone = ZoneInfo(self.time_zone)
        precision = (
            DatePrecision.DAY
            if self.date_precision == self.DatePrecision.DAY
            else self.date_precision
        )
        return format_range(
            self.start.astimezone(zone), precision, self.end.astimezone(zone), precision
        )

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            raise ValidationError(
                {
                    "registration_closes_at": _(
                        "Registration cannot close before it opens."
                    )
                }
            )

    def save(self, *args, **kwargs):
        self.copy_shared_fields()
        return super().save(*args, **kwargs)

    def copy_shared_fields(self):
        """A translation takes the source event's logistics (SHARED_FIELDS)."""
        default_locale = Locale.get_default()
        if self.locale_id in (None, default_locale.pk) or not self.translation_key:
            return
        shared = (
            EventPage.objects.filter(
                translation_key=self.translation_key, locale=default_locale
            )
            .values(*self.SHARED_FIELDS)
            .first()
        )
        if shared:
            for name, value in shared.items():
                setattr(self, name, value)

    @property
    def tz(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def is_past(self):
        return self.end < timezone.now()

    # Registration is shared by the event's translations: the page in the default
    # locale holds the capacity and the window that count.

    @cached_property
    def source_event(self):
        # The page's language from the per-process map of locales: no query.
        if language_code(self.locale_id) == default_language():
            return self
        return EventPage.objects.for_key(self.translation_key) or self

    @property
    def registration_state(self):
        """open, not_offered, not_yet_open, closed or past: the one registration
        rule, read from the source event, for the page, the form and the services."""
        event = self.source_event
        now = timezone.now()
        if event.capacity == 0:
            return "not_offered"
        if event.is_past:
            return "past"
        if event.registration_opens_at and now < event.registration_opens_at:
            return "not_yet_open"
        if event.registration_closes_at and now > event.registration_closes_at:
            return "closed"
        return "open"

    @cached_property
    def places_left(self):
        confirmed = Registration.objects.filter(
            event_key=self.translation_key, status=Registration.Status.CONFIRMED
        ).count()
        return max(self.source_event.capacity - confirmed, 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state = self.registration_state
        context["registration_state"] = state
        # The window and the places shown are the source event's, as the state is.
        context["registration_event"] = self.source_event
        context["where"] = event_where(self)
        if state != "not_offered":
            context["places_left"] = self.places_left
            context["register_url"] = self.url + self.reverse_subpage("register")
            # Which private details registrants will receive (never their values).
            details = practical_details(self)
            context["details_promised"] = {
                "address": bool(details.address),
                "joining_link": bool(details.joining_link),
                "access": bool(details.access),
            }
        return context

    @path("register/", name="register")
    def register(self, request):
        from ..views import register

        return register(request, self)

    @path("register/done/", name="register_done")
    def register_done(self, request):
        from ..views import register_done

        return register_done(request, self)

    @path("manage/", name="request_link")
    def request_link(self, request):
        from ..views import request_new_link

        return request_new_link(request, self)

    @path("manage/<uuid:public_id>/<str:token>/", name="manage")
    def manage(self, request, public_id, token):
        from ..views import manage_registration

        return manage_registration(request, self, public_id, token)

    @path("manage/<uuid:public_id>/<str:token>/calendar/", name="manage_calendar")
    def manage_calendar(self, request, public_id, token):
        from ..views import private_calendar

        return private_calendar(request, self, public_id, token)

    @property
    def ical_url(self):
        # Served by hub.events.urls: Wagtail's page URLs cannot contain a dot.
        return f"{self.url}event.ics"

    @cached_property
    def localized_organisers(self):
        return prefetch_logos(self.localized_terms("organisers"))

    @cached_property
    def localized_case_study(self):
        # The case study model comes from the foreign key (named by its label), so
        # events need not import practices.
        case_study_model = self._meta.get_field("related_case_study").related_model
        return self.localize_related(case_study_model, self.related_case_study_id)
