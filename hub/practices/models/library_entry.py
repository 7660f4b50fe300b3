"""The library's rows: one per case study or action, with the values it has for each
filter, so that the library filters, counts, sorts and pages in the database.

They hold what a page's published version says (its page row) and the evidence level
that public reports and guides give it; hub/practices/library_index.py keeps them up
to date when pages are published, moved, deleted or restricted, and when reports,
guides or terms change. They say nothing about visibility: the library applies
`hub.pages.visibility.public()` to the pages themselves in the same query, so an
unpublished or restricted page is never listed or counted, whatever its row says.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LibraryEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="library_entry",
    )
    library = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # An action's case study: the action is listed only while it is live.
    parent = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("case study"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20)
    translation_key = models.UUIDField(_("translation key"), db_index=True)
    sort_title = models.CharField(_("title for sorting"), max_length=255)
    sort_date = models.DateField(_("date for sorting"), null=True, blank=True)
    total_budget = models.DecimalField(
        _("total budget (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    participants = models.FloatField(_("participants"), null=True, blank=True)
    # The page's tree path, the last sort key: the entry's own indexes sort a page.
    sort_path = models.CharField(_("path for sorting"), max_length=255, default="")

    class Meta:
        verbose_name = _("library entry")
        verbose_name_plural = _("library entries")
        indexes = [
            models.Index(fields=["library", "sort_date"], name="library_entry_date"),
        ]

    def __str__(self):
        return f"{self.kind} {self.page_id}"


class LibraryValue(models.Model):
    """One value of one filter for a library entry ("theme" = a term's translation
    key, "period" = "2014-2020", "evidence" = "proven"...)."""

    entry = models.ForeignKey(
        LibraryEntry,
        verbose_name=_("library entry"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    # The entry's library, so that a filter reads the values of one library (one
    # language) from the index, not those of every library.
    library = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        db_index=False,
    )
    facet = models.CharField(_("filter"), max_length=20)
    value = models.CharField(_("value"), max_length=64)

    class Meta:
        verbose_name = _("library filter value")
        verbose_name_plural = _("library filter values")
        indexes = [
            models.Index(
                fields=["library", "facet", "value", "entry"],
                name="library_value_library",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "facet", "value"], name="library_value_unique"
            )
        ]

    def __str__(self):
        return f"{self.entry_id} {self.facet}={self.value}"


class LibraryCount(models.Model):
    """How many entries of a library, in its language, have a filter value
    (`other_facet` empty), or a value and another filter's value, whatever their
    visibility: the library subtracts the entries that are not public in the same
    query. Written in the transaction that writes the entries
    (hub/practices/library_counts.py). The facet "_" counts every entry ("all")
    and the undated ones ("undated")."""

    library = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("library"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    facet = models.CharField(_("filter"), max_length=20)
    value = models.CharField(_("value"), max_length=64)
    other_facet = models.CharField(_("other filter"), max_length=20, blank=True)
    other_value = models.CharField(_("other value"), max_length=64, blank=True)
    count = models.IntegerField(_("count"))

    class Meta:
        verbose_name = _("library count")
        verbose_name_plural = _("library counts")
        constraints = [
            models.UniqueConstraint(
                fields=["library", "other_facet", "other_value", "facet", "value"],
                name="library_count_unique",
            )
        ]

    def __str__(self):
        return f"{self.facet}={self.value} {self.other_facet}={self.other_value}"
