from django.db import models
from django.utils.translation import gettext_lazy as _


class PageFacet(models.Model):
    """One facet value of a page ("theme" = a term's translation key, "year" = 2019,
    "date" = 2019-05-01 for sorting...), written by the database search backend with the
    page's index entry (search/backends/database.py), so that it is exactly as fresh."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    facet = models.CharField(_("facet"), max_length=20)
    value = models.CharField(_("value"), max_length=64)

    class Meta:
        verbose_name = _("page facet")
        verbose_name_plural = _("page facets")
        indexes = [models.Index(fields=["facet", "value"], name="search_facet_value")]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "facet", "value"], name="search_page_facet_unique"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.facet}={self.value}"


class PendingReindex(models.Model):
    """A page the search engine did not take when it changed (the engine down or too
    slow): `manage.py retry_search_index`, run every minute by the scheduler, sends it
    again once the engine answers. The database backend, in the same database as the
    page, never misses a change."""

    page_id = models.PositiveBigIntegerField(_("page id"), unique=True)
    since = models.DateTimeField(_("since"), auto_now=True)

    class Meta:
        verbose_name = _("page waiting for the search engine")
        verbose_name_plural = _("pages waiting for the search engine")

    def __str__(self):
        return f"page {self.page_id} since {self.since:%Y-%m-%d %H:%M}"

    @classmethod
    def remember(cls, page_ids):
        from django.utils import timezone

        now = timezone.now()
        cls.objects.bulk_create(
            [cls(page_id=page_id, since=now) for page_id in set(page_ids)],
            update_conflicts=True,
            unique_fields=["page_id"],
            update_fields=["since"],
        )
