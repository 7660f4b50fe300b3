"""Admin: the translation dashboard, under Reports; the served page, for the page
cache."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .dashboard import translation_reports


class TranslationDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Every user who may enter the admin sees it; the links it offers lead to
    wagtail-localize's views, which check the translation permission themselves."""

    template_name = "site/translation_dashboard.html"
    page_title = _("Translation dashboard")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        finder = AdminURLFinder(user)
        here = self.request.get_full_path()
        can_translate = user.has_perm("wagtail_localize.submit_translation")
        reports = translation_reports()
        for report in reports:
            for entry in report.missing_pages:
                entry.kind_label = _kind_label(entry.source.specific_class)
                entry.edit_url = finder.get_edit_url(entry.source)
                entry.translate_url = reverse(
                    "wagtail_localize:submit_page_translation",
                    args=[entry.source.pk],
                )
            for entry in report.missing_terms:
                entry.kind_label = _kind_label(type(entry.source))
                entry.edit_url = finder.get_edit_url(entry.source)
                meta = entry.source._meta
                entry.translate_url = reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, entry.source.pk],
                )
            for entry in report.stale_pages + report.stale_terms:
                entry.edit_url = finder.get_edit_url(entry.target)
                entry.source_url = finder.get_edit_url(entry.source)
                entry.sync_url = (
                    reverse(
                        "wagtail_localize:update_translations",
                        args=[entry.translation_source_id],
                    )
                    + "?"
                    + urlencode({"next": here})
                    if entry.synchronised
                    else ""
                )
        context.update({"reports": reports, "can_translate": can_translate})
        return context


def _kind_label(model):
    return capfirst(model._meta.verbose_name) if model else ""


@hooks.register("register_admin_urls")
def register_translation_dashboard_url():
    return [
        path(
            "reports/translations/",
            TranslationDashboardView.as_view(),
            name="hub_translation_dashboard",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_dashboard_menu_item():
    return MenuItem(
        _("Translation dashboard"),
        reverse("hub_translation_dashboard"),
        name="translation-dashboard",
        icon_name="wagtail-localize-language",
        order=650,
    )


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    """The page cache (hub.middleware.PageCacheMiddleware) stores a page only if the
    public may see it (hub.pages.visibility): it reads the page from here."""
    request.hub_served_page = page
