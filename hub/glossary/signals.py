"""The kept terms (terms.py) follow every change of a term: dropped when it is saved
or deleted, and again when its transaction commits (another process may have read the
old terms in between and kept them); the terms' version in the database moves on in the
change's own transaction, for the processes that keep the terms in their own memory."""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import GlossaryTerm, TermsVersion
from .terms import forget_terms


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def _forget(sender, **kwargs):
    if not TermsVersion.objects.filter(pk=1).update(number=F("number") + 1):
        TermsVersion.objects.bulk_create(
            [TermsVersion(pk=1, number=1)], ignore_conflicts=True
        )
    forget_terms()
    transaction.on_commit(forget_terms)
