"""The translation review (one Wagtail workflow per language, created by the
migration 0001_roles_and_translation_review) and the e-mail that tells translators
a source they translated has changed."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation as django_translation
from wagtail.models import Page, Revision, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from .translations import is_source

SUBJECT_TEMPLATE = "editorial/emails/source_changed_subject.txt"
BODY_TEMPLATE = "editorial/emails/source_changed.txt"

# The workflow of each target language, by language code (names as in the migration).
REVIEW_WORKFLOWS = {
    "fr": "Translation review (French)",
    "en": "Translation review (English)",
}


def review_workflow_for(locale):
    name = REVIEW_WORKFLOWS.get(locale.language_code)
    return Workflow.objects.filter(name=name, active=True).first() if name else None


def translators_of(target):
    """Who last translated `target` (a translated page): the last translators of
    its segments in wagtail-localize, else the author of its latest revision."""
    User = get_user_model()
    ids = set(
        StringTranslation.objects.filter(
            locale_id=target.locale_id,
            translation_of__segments__source__object_id=target.translation_key,
            last_translated_by__isnull=False,
        ).values_list("last_translated_by", flat=True)
    )
    if not ids:
        revision = (
            Revision.objects.for_instance(target)
            .exclude(user=None)
            .order_by("-created_at")
            .first()
        )
        if revision:
            ids = {revision.user_id}
    return list(User.objects.filter(pk__in=ids, is_active=True).exclude(email=""))


def notify_translators(source):
    """After `source` is published: e-mail the translators of each of its
    translations, each in their admin language, once the transaction commits."""
    if not is_source(source):
        return
    targets = Page.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    )
    targets = targets.filter(alias_of__isnull=True).select_related("locale")
    synced = set(
        Translation.objects.filter(
            source__object_id=source.translation_key,
            source__locale_id=source.locale_id,
            enabled=True,
        ).values_list("target_locale_id", flat=True)
    )
    messages = []
    for target in targets:
        for user in translators_of(target):
            messages.append((user, target))
    if messages:
        transaction.on_commit(
            lambda: [
                _send(user, source, target, target.locale_id in synced)
                for user, target in messages
            ]
        )


def _send(user, source, target, synced):
    profile = UserProfile.objects.filter(user=user).first()
    language = profile.get_preferred_language() if profile else settings.LANGUAGE_CODE
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": user,
        "source": source,
        "target": target,
        "synced": synced,
        "source_url": f"{base}/admin/pages/{source.pk}/edit/",
        "target_url": f"{base}/admin/pages/{target.pk}/edit/",
        "dashboard_url": f"{base}/admin/reports/translations/",
    }
    with django_translation.override(language):
        subject = render_to_string(SUBJECT_TEMPLATE, context)
        body = render_to_string(BODY_TEMPLATE, context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def source_published(sender, instance, revision=None, **kwargs):
    notify_translators(instance)
