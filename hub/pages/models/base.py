"""The abstract page every hub page type builds on."""

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from ..admin_forms import HubPageForm, picker
from ..localization import compiled_localized_list, localize_items, localized_list
from ..search_data import search_data
from ..visibility import public


class HubPage(Page):
    """A page with a plain summary for listings, search results and meta tags."""

    base_form_class = HubPageForm

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences shown in listings and search results."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.FilterField("locale_id"),
        index.SearchField("search_related_names"),
    ]

    # What search knows of the page type (hub/pages/search_data.py): its value and
    # plural label in the "type" facet, and its place in that facet's list.
    search_type = "page"
    search_type_label = _("Other pages")
    search_type_order = 100

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's view restrictions of the page and its ancestors; when the page
        was found by hub.pages.serving, whether there are any was read with it, so a
        page without one costs no query here."""
        known = getattr(self, "_hub_view_restriction_pages", None)
        if known is None:
            return super().get_view_restrictions()
        page_ids, any_restricted = known
        if not any_restricted:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=page_ids)

    def search_related_names(self):
        """Names of the page's themes, regions, programme, partners... in its language,
        so that they are searchable and a renamed term reaches the page."""
        return search_data(self).related_names

    def localize_items(self, items):
        """The given translatable objects, each in this page's language if possible.

        A queryset costs one query whatever the locales of its objects."""
        if isinstance(items, QuerySet):
            return localized_list(items, self.locale_id)
        return localize_items(items, self.locale_id)

    def localized_terms(self, name):
        """The objects (not pages) the many-to-many field `name` names, each in this
        page's language if translated: `localize_items(getattr(self, name).all())`
        in a statement compiled once per connection."""
        chosen = getattr(self, name).all()
        if isinstance(chosen, QuerySet) and self.pk is not None:
            return self.localized_chosen(name)
        return self.localize_items(chosen)  # a draft's own choice, in memory

    def localized_related_pages(self, name):
        """The pages that the many-to-many field `name` names, those the public may see,
        each in this page's language. It reads the field's value as the page holds it,
        so a draft being previewed (a revision, whose relations are not saved) shows its
        own choice, in one query (the saved choice is a subquery of it)."""
        model = self._meta.get_field(name).related_model
        chosen = getattr(self, name).all()
        if isinstance(chosen, QuerySet) and self.pk is not None:
            # As saved: a subquery, the statement compiled once per connection.
            return self.localized_chosen(name, model)
        # A draft's own choice, held in memory (modelcluster's FakeQuerySet).
        chosen = [page.pk for page in chosen]
        return self.localize_items(model.objects.filter(pk__in=chosen))

    def localized_chosen(self, name, model=None):
        """The objects the saved many-to-many field `name` names (public pages only),
        each in this page's language: `localize_items` of the field's objects, or of
        the pages whose ids they are, in a statement compiled once per connection."""
        page_model = type(self)
        model = model or self._meta.get_field(name).related_model

        def chosen(page):
            saved = getattr(page_model(pk=page), name).all()
            if issubclass(model, Page):
                return model.objects.filter(pk__in=saved.values("pk"))
            return saved

        return compiled_localized_list(
            model,
            (page_model._meta.label, name),
            chosen,
            locale=self.locale_id,
            page=self.pk,
        )

    def with_localized(self, rows, relation):
        """The rows (e.g. partners), each given `localized_<relation>`: the object its
        foreign key `relation` names, in this page's language if translated. Two
        queries for all rows: the rows with their targets, then the translations."""
        rows = list(rows.select_related(relation))
        targets = [getattr(row, relation) for row in rows]
        by_key = {
            target.translation_key: target
            for target in localize_items([t for t in targets if t], self.locale_id)
        }
        for row, target in zip(rows, targets, strict=True):
            localized = by_key.get(target.translation_key) if target else None
            setattr(row, f"localized_{relation}", localized or target)
        return rows

    def localize_related(self, model, pk):
        """The object `pk` of `model`, a foreign key target, in this page's language."""
        if pk is None:
            return None
        found = compiled_localized_list(
            model,
            ("pk",),
            lambda pk: model._default_manager.filter(pk=pk),
            locale=self.locale_id,
            pk=pk,
        )
        return found[0] if found else None

    @cached_property
    def surroundings(self):
        """Ancestors, live translations and the home page's children: what the layout
        needs around the page (breadcrumb, language switcher, menu), in one query
        (none when hub.pages.serving found them with the page)."""
        pages = public(Page.objects.live().filter(self.surroundings_filter()))
        return self.arrange_surroundings(pages.order_by("path"))

    def surroundings_filter(self):
        steplen = Page.steplen
        ancestor_paths = [
            self.path[: steplen * depth] for depth in range(2, self.depth)
        ]
        return (
            Q(path__in=ancestor_paths)
            | Q(path__startswith=self.path[: steplen * 2], depth=3)
            | Q(translation_key=self.translation_key)
        )

    def is_surrounding(self, page):
        """`surroundings_filter()` for a page in hand."""
        home_path = self.path[: Page.steplen * 2]
        is_ancestor = 2 <= page.depth < self.depth and self.path.startswith(page.path)
        is_menu = page.depth == 3 and page.path.startswith(home_path)
        return is_ancestor or is_menu or page.translation_key == self.translation_key

    def arrange_surroundings(self, pages):
        """`surroundings` from the live, public pages of `surroundings_filter()`, in
        path order."""
        steplen = Page.steplen
        home_path = self.path[: steplen * 2]
        ancestor_paths = [
            self.path[: steplen * depth] for depth in range(2, self.depth)
        ]
        found = {"ancestry": [], "translations": [], "menu": []}
        for page in pages:
            if page.path in ancestor_paths:
                found["ancestry"].append(page)
            if page.translation_key == self.translation_key and page.pk != self.pk:
                found["translations"].append(page)
            if page.depth == 3 and page.path.startswith(home_path):
                found["menu"].append(page)
        return found

    @property
    def ancestry(self):
        """Live ancestors from the language's home page down."""
        return self.surroundings["ancestry"]

    @property
    def breadcrumb(self):
        return [ancestor for ancestor in self.ancestry if ancestor.depth > 2]

    @property
    def home(self):
        """The home page of this page's language tree."""
        if self.depth == 2:
            return self
        return next((a for a in self.ancestry if a.depth == 2), None)


class LocalizedTaxonomyMixin(models.Model):
    """Themes, target groups and regions, shown in the page's own language."""

    themes = ParentalManyToManyField(
        "pages.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "pages.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="+",
    )
    regions = ParentalManyToManyField(
        "pages.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )

    taxonomy_panel = MultiFieldPanel(
        [
            picker("themes", _("Tick every theme the page is about.")),
            picker("target_groups", _("Tick the people the page is for.")),
            picker("regions", _("Tick the regions where it happens.")),
        ],
        help_text=_(
            "Terms in the page's language; the other language's page shows their "
            "translations. Missing a term? Moderators and editors add it under "
            "Taxonomy."
        ),
        heading=_("Taxonomy"),
    )

    class Meta:
        abstract = True

    @cached_property
    def localized_themes(self):
        return self.localized_terms("themes")

    @cached_property
    def localized_target_groups(self):
        return self.localized_terms("target_groups")

    @cached_property
    def localized_regions(self):
        return self.localized_terms("regions")
