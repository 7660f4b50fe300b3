"""The editorial rules wired into Wagtail and wagtail-localize's admin."""

import html

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.widgets import ListingButton
from wagtail.documents import get_document_model
from wagtail.permissions import register_permission_policy

from . import autosave, views  # noqa: F401 - autosave registers its hooks
from .documents import document_policy
from .translations import followers, translation_record, untranslated_count
from .workflows import review_workflow_for


@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_follow_their_source(pages, action):
    """Unpublishing, deleting or moving a source page does the same to its
    translations: Wagtail's confirmation screens say so ("This will also unpublish
    one translation of the page") and act on them. A cancelled English event
    therefore stops taking registrations in French too. Acting on a translation
    leaves its source alone, and a French-first page leads its English translation
    (the source is the page translated from, not the English one)."""
    cascade = {}
    for page in pages:
        if action == "unpublish":
            cascade[page] = list(followers(page, include_aliases=False).live())
        elif action in {"delete", "move"}:
            cascade[page] = list(followers(page))
    return cascade


@hooks.register("register_admin_urls")
def register_editorial_urls():
    # Documents that live pages link to cannot be deleted. Registered here, when the
    # admin's URLs are built: wagtail.documents registers its own policy in its
    # ready(), and hook modules may be imported before that.
    register_permission_policy(get_document_model(), document_policy())
    return [
        # Takes the place of wagtail-localize's own URL (this app's hooks come first):
        # the same conversion, for users who may publish the page only.
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.moderated_convert_to_alias,
            name="hub_convert_to_alias",
        ),
        path(
            "editorial/translation/<int:page_id>/publish/",
            views.PublishIncompleteTranslationView.as_view(),
            name="hub_publish_incomplete_translation",
        ),
        path(
            "editorial/translation/<int:page_id>/submit/",
            views.SubmitTranslationView.as_view(),
            name="hub_submit_translation",
        ),
    ]


@hooks.register("before_edit_page")
def guard_translation_editor(request, page):
    """Runs before wagtail-localize's own hook (which renders its editor):
    - "Convert to alias page" from the page's action menu needs publish rights;
    - the editor's "Publish" refuses a translation with untranslated segments and
      leads to the explicit override;
    - for users who may not publish, the editor no longer offers the conversion."""
    if request.method == "POST":
        if "localize-convert-to-alias" in request.POST and not (
            views.can_convert_to_alias(request.user, page)
        ):
            messages.error(
                request, _("Only a moderator can convert a translation to an alias.")
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        if request.POST.get("action") == "publish":
            translation = translation_record(page)
            missing = untranslated_count(translation) if translation else 0
            if missing:
                messages.error(
                    request,
                    ngettext(
                        "Not published: one segment is not translated yet. "
                        "Translate it, or publish anyway from this screen.",
                        "Not published: %(count)s segments are not translated yet. "
                        "Translate them, or publish anyway from this screen.",
                        missing,
                    )
                    % {"count": missing},
                )
                return redirect("hub_publish_incomplete_translation", page.pk)
        return None
    if translation_record(page) is None:
        return None
    _offer_review(request, page)
    if views.can_convert_to_alias(request.user, page):
        return None
    from wagtail_localize.wagtail_hooks import before_edit_page

    response = before_edit_page(request, page)
    if response is not None and response.status_code == 200:
        response.content = _without_alias_conversion(response.content, page)
    return response


def _offer_review(request, page):
    """The translation editor (wagtail-localize's, which has no workflow actions)
    opens with the way to the review."""
    if page.workflow_in_progress:
        admin_messages.info(request, _("This translation is in review."))
        return
    if page.permissions_for_user(request.user).can_edit() and review_workflow_for(
        page.locale
    ):
        admin_messages.info(
            request,
            _("When the translation is ready, submit it for review."),
            buttons=[
                admin_messages.button(
                    reverse("hub_submit_translation", args=[page.pk]),
                    _("Submit the translation for review"),
                )
            ],
        )


def _without_alias_conversion(content, page):
    """The editor's props, without the conversion's URL (the React editor then shows
    no "Convert to alias page" button)."""
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    entry = html.escape(f'"convertToAliasUrl": "{url}"', quote=True).encode()
    return content.replace(entry, html.escape('"convertToAliasUrl": null').encode())


@hooks.register("register_page_listing_more_buttons")
def translation_review_buttons(page, user, view_name=None, next_url=None):
    """In the page listing's menu of a translation: submit it for review and, for
    publishers, publish it with untranslated segments."""
    if translation_record(page) is None:
        return
    permissions = page.permissions_for_user(user)
    if (
        permissions.can_edit()
        and review_workflow_for(page.locale)
        and not page.workflow_in_progress
    ):
        yield ListingButton(
            _("Submit the translation for review"),
            reverse("hub_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=5,
        )
    if permissions.can_publish():
        yield ListingButton(
            _("Publish with untranslated segments"),
            reverse("hub_publish_incomplete_translation", args=[page.pk]),
            icon_name="upload",
            priority=110,
        )
