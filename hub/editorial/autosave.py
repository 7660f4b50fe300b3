"""Publishing a new page right after Wagtail's autosave created its draft (review D12).

On the create form, Wagtail's autosave posts to the create URL; the first successful
autosave creates the page as a draft, and its answer moves the form to the page's edit
URL. A "Publish" or "Save draft" pressed while that answer is on its way still goes to
the create URL: Wagtail then tries to create the page a second time and refuses it,
"The slug ... is already in use within the parent page", against the editor's own
draft, and the choices made since the autosave stay in the browser only.

Wagtail's own way is that the form posts to the edit URL once the page exists. So the
create view remembers, in the editor's session, the drafts that an autosave created;
a later post of the same form (same parent, page type and slug, the draft still never
published) is handed to the page's edit view: a 307 redirect for the browser, which
posts the same form there (publish, save or submit, with every field and choice), or
the edit view's own JSON answer for an autosave."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from wagtail import hooks

SESSION_KEY = "hub_autosaved_drafts"
REMEMBERED = 20  # the editor's last autosave-created drafts


def _expects_json(request):
    return not request.accepts("text/html")


@hooks.register("after_create_page")
def remember_autosaved_draft(request, page):
    """An autosave (a JSON request) created `page`: remember it for this session."""
    if not _expects_json(request) or page.live:
        return None
    drafts = [pk for pk in request.session.get(SESSION_KEY, []) if pk != page.pk]
    request.session[SESSION_KEY] = (drafts + [page.pk])[-REMEMBERED:]
    return None


def own_autosaved_draft(request, parent_page, page_class):
    """The never-published draft that this session's autosave created under
    `parent_page` with the slug being posted, or None."""
    remembered = request.session.get(SESSION_KEY)
    slug = request.POST.get("slug")
    if not remembered or not slug:
        return None
    return (
        page_class.objects.child_of(parent_page)
        .filter(
            pk__in=remembered,
            slug=slug,
            live=False,
            first_published_at__isnull=True,
            owner=request.user,
        )
        .first()
    )


@hooks.register("before_create_page")
def post_to_the_autosaved_draft(request, parent_page, page_class):
    if request.method != "POST":
        return None
    draft = own_autosaved_draft(request, parent_page, page_class)
    if draft is None:
        return None
    if _expects_json(request):
        from wagtail.admin.views.pages.edit import EditView

        return EditView.as_view()(request, draft.pk)
    url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    if request.GET.get("next"):
        url += "?" + request.GET.urlencode()
    # 307: the browser posts the same form, with the pressed button, to the edit URL.
    return HttpResponseRedirect(url, status=307)
