"""The cached terms (terms.py) are dropped whenever a term is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import GlossaryTerm
from .terms import forget_terms


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def _forget(sender, **kwargs):
    forget_terms()
