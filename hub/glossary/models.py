"""A glossary term: one record per language, paired by translation_key (wagtail-localize
translates it like the taxonomy snippets)."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class GlossaryTerm(TranslatableMixin, models.Model):
    term = models.CharField(
        _("term"),
        max_length=120,
        help_text=_("As the pages of this language write it."),
    )
    abbreviation = models.CharField(
        _("abbreviation"), max_length=30, blank=True, help_text=_("For example QPV.")
    )
    other_language_term = models.CharField(
        _("term in the other language"),
        max_length=200,
        blank=True,
        help_text=_(
            "The same thing as the other language names it, shown beside the term: "
            "for “social landlord”, “bailleur social”."
        ),
    )
    other_language = models.CharField(
        _("language of that term"),
        max_length=5,
        blank=True,
        help_text=_("Its language code, for screen readers: fr or en."),
    )
    synonyms = models.TextField(
        _("other wordings"),
        blank=True,
        help_text=_(
            "Other ways this language writes the term, one per line (plural, long "
            "form, former name): they are explained and searched like the term."
        ),
    )
    definition = models.TextField(
        _("definition"),
        max_length=500,
        help_text=_("One or two factual sentences, in this language."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("abbreviation"),
        FieldPanel("other_language_term"),
        FieldPanel("other_language"),
        FieldPanel("synonyms"),
        FieldPanel("definition"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def anchor(self):
        """The term's fragment on the glossary page: #bailleur-social."""
        return slugify(self.term) or f"term-{self.pk}"

    @property
    def wordings(self):
        """Every way the pages of this language write the term, longest first."""
        words = [self.term, self.abbreviation, *self.synonyms.splitlines()]
        unique = {w.strip(): None for w in words if w and w.strip()}
        return sorted(unique, key=len, reverse=True)


class TermsVersion(models.Model):
    """One row: a number that every change of a term adds one to, in the change's own
    transaction (signals.py), so that a process without a shared cache can tell, in
    one cheap query, whether the terms it keeps are still the current ones (terms.py).
    Never shown; not a snippet."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)
