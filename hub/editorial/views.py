"""Admin views around wagtail-localize's translation editor: converting a translation
to an alias (moderators only), publishing a translation that still has untranslated
segments (an explicit choice) and submitting a translation for review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.views.convert import convert_to_alias

from .translations import translation_record, untranslated_count
from .workflows import review_workflow_for


def can_convert_to_alias(user, page):
    """Converting replaces the translation's text with the source's and goes live at
    once, so it is a publisher's (moderator's) decision."""
    return page.permissions_for_user(user).can_publish()


def moderated_convert_to_alias(request, page_id):
    """wagtail-localize's conversion, for users who may publish the page only."""
    page = get_object_or_404(Page, pk=page_id)
    if not can_convert_to_alias(request.user, page):
        raise PermissionDenied
    return convert_to_alias(request, page_id)


class TranslationActionView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.translation = translation_record(self.page)
        if self.translation is None:
            messages.error(request, _("This page is not a translation."))
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        self.permissions = self.page.permissions_for_user(request.user)
        if not self.allowed():
            raise PermissionDenied
        self.missing = untranslated_count(self.translation)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            translation=self.translation,
            missing=self.missing,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return context


class PublishIncompleteTranslationView(TranslationActionView):
    """The explicit override: publish although segments are untranslated (they show
    in the source language until translated)."""

    template_name = "editorial/publish_incomplete_translation.html"
    page_title = _("Publish with untranslated segments")

    def allowed(self):
        return self.permissions.can_publish()

    def post(self, request):
        if not request.POST.get("confirm"):
            messages.error(request, _("Tick the box to publish anyway."))
            return self.get(request)
        self.translation.save_target(user=request.user, publish=True)
        messages.warning(
            request,
            ngettext(
                "Published in %(language)s with one untranslated segment: it "
                "shows in the source language.",
                "Published in %(language)s with %(count)s untranslated segments: "
                "they show in the source language.",
                self.missing,
            )
            % {
                "language": self.translation.target_locale.get_display_name(),
                "count": self.missing,
            },
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


class SubmitTranslationView(TranslationActionView):
    """Saves the translation as a draft and starts its language's "Translation
    review" workflow: the reviewers (Moderators) are notified and approve, which
    publishes it, or ask for changes."""

    template_name = "editorial/submit_translation.html"
    page_title = _("Submit the translation for review")

    def allowed(self):
        return self.permissions.can_edit()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["workflow"] = review_workflow_for(self.page.locale)
        context["in_review"] = self.page.workflow_in_progress
        return context

    def post(self, request):
        workflow = review_workflow_for(self.page.locale)
        if workflow is None:
            messages.error(
                request, _("No translation review is set up for this language.")
            )
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        if self.page.workflow_in_progress:
            messages.error(request, _("This translation is already in review."))
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        with transaction.atomic():
            self.translation.save_target(user=request.user, publish=False)
            page = Page.objects.get(pk=self.page.pk).specific
            workflow.start(page, request.user)
        messages.success(
            request,
            _("Submitted for review: %(workflow)s.") % {"workflow": workflow.name},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)
